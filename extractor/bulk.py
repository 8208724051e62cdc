"""Bulk import: walk files and folders, extract in parallel worker processes, store in SQLite.

`import_paths(db_path, paths)` is the library entry point; `minutebook import` calls it.

Every file found ends in exactly one place: a document, a row of `import_skipped` (with
the reason), or a row of `import_errors` (with the reason); the batch goes on.

- Which files: every file under the given folders (recursively) whose suffix is a supported
  format (`extractor.readers.SUFFIXES`). Passed over, and listed in `import_skipped`:
  hidden files and folders (".name"; a hidden folder is one row, not searched), Office
  lock files ("~$name"), project files that are not minutes by their whole name (README,
  SOURCES, LICENSE/LICENCE, CHANGELOG, CONTRIBUTING, NOTICE, AUTHORS, COPYING, with any
  suffix: "README.md", not "NOTICE.minutes-2021.md"), files named in a folder's
  `.minutebookignore` (file-name patterns, one a line, such as "*.draft.docx"), other formats (a Word 97-2003 .doc
  says so), named pipes, devices and sockets (never opened), broken links, links to
  folders, and links to files outside the folders given (never followed). A file with a
  supported suffix whose content does not match it (a ".docx" that is not a zip archive)
  is a failure, recorded in `import_errors`, not a skip.
- Files are opened, hashed and read only in the worker processes, under the time limit
  and the memory limit (`resource.setrlimit(RLIMIT_AS)`), and only when they are regular
  files; `--workers 1` is one worker process too. A file whose sha256 is already stored
  at the same path is unchanged; at another path (or twice in one run) it is a duplicate
  of that document, listed in `import_skipped`.
- Only the parent process writes to the database, one transaction per document, so an
  interrupted import never leaves half a document, and a re-run resumes where it stopped.
- A failure of one document — an unreadable file, a bug, a time-out, a worker over its
  memory limit, a crashed worker — is recorded in `import_errors` and the batch goes on.
- Workers end with the importing process, however it ends (Ctrl-C, kill -9, a crash):
  none is left behind holding memory.
"""
from __future__ import annotations

import concurrent.futures as cf
import errno
import fnmatch
import importlib
import multiprocessing
import os
import select
import signal
import stat
import sys
import threading
import time
from collections import deque
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from extractor.errors import MinutebookError, UnreadableDocument
from extractor.paths import clean_text, display_path
from extractor.readers import SUFFIXES, UNSUPPORTED, detect_format, file_kind, file_sha256, size_limit

DEFAULT_TIMEOUT = 120.0
DEFAULT_EXTRACTOR = "extractor.pipeline:extract"
MAX_TASKS_PER_CHILD = 500  # tasks (two a document) before a worker is replaced, so memory cannot creep up
NOT_MINUTES = {"readme", "sources", "license", "licence", "changelog", "contributing", "notice", "authors",
               "copying"}
DEFAULT_MEMORY_LIMIT_MIB = 2048  # address space per worker process

EXIT_OK = 0
EXIT_FAILURES = 1
EXIT_NOTHING = 2
EXIT_INTERRUPTED = 130


class DocumentTimeout(BaseException):
    """Extraction of one document ran past the time limit.

    A BaseException, so that a broad `except Exception` inside a reader cannot swallow it.
    """


class WorkerCrashed(Exception):
    """The worker process extracting this document died (killed, out of memory, crashed)."""


@dataclass
class ImportReport:
    imported: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0
    candidates: int = 0
    pages: int = 0
    interrupted: bool = False
    elapsed: float = 0.0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (path, error class, message)
    skipped_files: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    worker_peak_rss_kib: int = 0  # largest VmHWM reported by any worker (or this process, in-process)
    # (documents extracted so far, peak RSS in KiB of the process that extracted the last one)
    rss_trace: list[tuple[int, int]] = field(default_factory=list)
    parent_cpu_s: float = 0.0  # CPU time of this process during the import (all its threads)
    worker_cpu_s: float = 0.0  # CPU time of the worker processes (0 when extracting in-process)

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return EXIT_INTERRUPTED
        if self.failed:
            return EXIT_FAILURES
        if self.candidates == 0:
            return EXIT_NOTHING
        return EXIT_OK

    def summary(self) -> str:
        text = (f"{self.imported:,} imported, {self.unchanged:,} unchanged, {self.skipped:,} skipped, "
                f"{self.failed:,} failed" + (": see import_errors" if self.failed else ""))
        if self.interrupted:
            text = "Interrupted: " + text
        elif self.candidates == 0:
            text += " (nothing to import)"
        return text


# ---------------------------------------------------------------------------------------
# Finding files


def skip_reason(path: Path) -> str | None:
    """Why a file is passed over by its name alone, or None for a name that may hold minutes."""
    name = path.name
    if name.startswith("~$"):
        return "an Office lock file (~$), not a document"
    if name.startswith("."):
        return "a hidden file"
    stem = name[: -len(path.suffix)] if path.suffix else name
    if stem.lower() in NOT_MINUTES:
        return f"a project file ({stem}), not minutes"
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        return UNSUPPORTED.get(suffix) or f"not a format minutebook reads ({path.suffix or 'no suffix'})"
    return None


def is_candidate_name(path: Path) -> bool:
    """True for a file name that may hold minutes: supported suffix, not a project file."""
    return skip_reason(path) is None


def _inside(path: str, roots: list[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """(candidate files in a stable order, [(file passed over, why)]). Missing paths raise.

    Nothing is opened: a named pipe or device is recognised by `lstat`. Symbolic links are
    followed only to regular files inside the folders given (or to a file given itself);
    links to folders are not followed (their files are reached through the real folder).
    """
    found: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    seen: set[str] = set()
    given = [Path(raw) for raw in paths]
    for p in given:
        if not os.path.lexists(p):
            raise FileNotFoundError(str(p))
    roots = [os.path.realpath(p) for p in given]

    def consider(p: Path, explicit: bool = False) -> None:
        key = os.path.abspath(p)
        if key in seen:
            return
        seen.add(key)
        reason = skip_reason(p)
        if reason is None:
            reason = _file_problem(key, roots, explicit)
        if reason is None:
            found.append(Path(key))
        else:
            skipped.append((Path(key), reason))

    for p in given:
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                ignored = _ignore_patterns(Path(root))
                if ignored:
                    for f in [f for f in files if any(fnmatch.fnmatch(f, pat) for pat in ignored)]:
                        skipped.append((Path(os.path.abspath(Path(root) / f)), f"listed in {IGNORE_FILE}"))
                        files.remove(f)
                keep = []
                for d in sorted(dirs):
                    full = Path(root) / d
                    if os.path.islink(full):
                        skipped.append((Path(os.path.abspath(full)), "a symbolic link to a folder: not followed"))
                    elif d.startswith("."):
                        skipped.append((Path(os.path.abspath(full)), "a hidden folder: not searched"))
                    else:
                        keep.append(d)
                dirs[:] = keep
                for f in sorted(files):
                    consider(Path(root) / f)
        else:
            consider(p, explicit=True)
    return found, skipped


IGNORE_FILE = ".minutebookignore"


def _ignore_patterns(folder: Path) -> list[str]:
    """File-name patterns ("*.draft.docx", "NOTES.md") a folder's .minutebookignore lists, one a line."""
    try:
        text = (folder / IGNORE_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [line.strip() for line in text.splitlines()[:1000] if line.strip() and not line.startswith("#")]


def _file_problem(path: str, roots: list[str], explicit: bool) -> str | None:
    """Why `path` (with a good name) is not opened, or None: only regular files, and links
    that stay inside the folders given."""
    try:
        st = os.lstat(path)
    except OSError as e:
        return f"cannot be examined: {e.strerror or e}"
    if stat.S_ISLNK(st.st_mode):
        try:
            target = os.path.realpath(path, strict=True)
        except OSError as e:
            if e.errno == errno.ELOOP:
                return "a symbolic link loop"
            return "a broken symbolic link (its target does not exist)"
        if not explicit and not _inside(target, roots):
            return "a symbolic link to a file outside the folders imported: not followed"
        try:
            st = os.stat(target)
        except OSError as e:
            return f"cannot be examined: {e.strerror or e}"
    if not stat.S_ISREG(st.st_mode):
        return f"not a regular file ({file_kind(st.st_mode)}): not opened"
    return None


# ---------------------------------------------------------------------------------------
# Worker side


def _resolve(target: str) -> Callable:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def _peak_rss_kib() -> int:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


_alarm_armed = False
_memory_limit_mib = 0  # this worker's address-space limit, for the error message


def _on_alarm(signum, frame):
    if _alarm_armed:
        raise DocumentTimeout()


def _exit_with_parent(parent_pid: int) -> None:
    """Wait until the importing process has ended, then end this worker.

    A worker blocked waiting for its next document would otherwise outlive an importer
    killed outright (kill -9, out of memory): it holds both ends of the pool's queues, so
    it never sees them close, and it keeps the forkserver alive too.
    """
    try:
        pidfd = os.pidfd_open(parent_pid)
    except (AttributeError, OSError):  # not Linux >= 5.3, or already gone
        pidfd = None
    if pidfd is not None:
        select.select([pidfd], [], [])  # readable once the process has ended
    else:
        while True:
            try:
                os.kill(parent_pid, 0)
            except ProcessLookupError:
                break
            except PermissionError:
                pass
            time.sleep(1.0)
    os._exit(EXIT_INTERRUPTED)


def limit_memory(mib: int) -> bool:
    """Limit this process's address space to `mib` MiB (RLIMIT_AS); False where unsupported."""
    global _memory_limit_mib
    try:
        import resource
        limit = mib * 1024 * 1024
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, AttributeError, ValueError, OSError):
        return False
    _memory_limit_mib = mib
    return True


def _init_worker(target: str, parent_pid: int | None = None, memory_limit_mib: int = 0) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    if parent_pid:
        threading.Thread(target=_exit_with_parent, args=(parent_pid,), name="parent-watch",
                         daemon=True).start()
    try:
        _resolve(target)  # import the pipeline once per worker
    except Exception:  # noqa: BLE001 - reported per document by _extract_one, not as a dead pool
        pass
    if memory_limit_mib:
        limit_memory(memory_limit_mib)


def _out_of_memory(exc: BaseException) -> bool:
    """True when `exc`, or an exception it was raised from, is a MemoryError."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, MemoryError):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def _disarm(use_alarm: bool, old) -> None:
    global _alarm_armed
    _alarm_armed = False
    if use_alarm:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _timed(timeout: float, run: Callable[[], dict]) -> dict:
    """`run()` under a time limit, its failures turned into a result; never raises.

    The alarm repeats every half second after the limit, so that a reader which catches
    the first interruption, or loops again while closing its file, is interrupted again.
    """
    global _alarm_armed
    use_alarm = bool(timeout and timeout > 0 and hasattr(signal, "setitimer")
                     and threading.current_thread() is threading.main_thread())
    old = signal.getsignal(signal.SIGALRM) if use_alarm else None
    outcome: dict | BaseException
    try:
        if use_alarm:
            signal.signal(signal.SIGALRM, _on_alarm)
            _alarm_armed = True
            signal.setitimer(signal.ITIMER_REAL, timeout, 0.5)
        outcome = run()
    except BaseException as e:  # noqa: BLE001 - classified below, once the alarm is off
        outcome = e
    while True:  # an alarm may still interrupt the disarming itself
        try:
            _disarm(use_alarm, old)
            break
        except DocumentTimeout:
            continue
    if isinstance(outcome, dict):
        result = outcome
    elif isinstance(outcome, DocumentTimeout):
        result = {"ok": False, "error_class": "DocumentTimeout",
                  "message": f"extraction took longer than {timeout:g} s"}
    elif isinstance(outcome, (KeyboardInterrupt, SystemExit)):
        raise outcome
    elif _out_of_memory(outcome):
        limit = f"the {_memory_limit_mib:,} MiB of" if _memory_limit_mib else "the"
        result = {"ok": False, "error_class": "OutOfMemory",
                  "message": f"needed more than {limit} memory a worker may use (--memory-limit)"}
    elif isinstance(outcome, MinutebookError):
        result = {"ok": False, "error_class": type(outcome).__name__, "message": outcome.reason}
    else:
        result = {"ok": False, "error_class": type(outcome).__name__, "message": str(outcome) or repr(outcome)}
    del outcome
    times = os.times()
    result.update(rss_kib=_peak_rss_kib(), pid=os.getpid(), cpu_s=times.user + times.system)
    return result


def _examine_one(path: str, timeout: float, identity: tuple[int, int] | None = None) -> dict:
    """The format and sha256 of a file, read only if it is a regular file (and still the
    file `identity` (st_dev, st_ino) names), up to its format's size limit."""

    def run() -> dict:
        p = Path(path)
        if identity is not None:
            st = os.stat(p)
            if (st.st_dev, st.st_ino) != tuple(identity):
                raise UnreadableDocument(path, "the file was replaced while the import ran; import it again")
        sha = file_sha256(p, size_limit(SUFFIXES[p.suffix.lower()]))
        try:
            fmt = detect_format(p)
        except MinutebookError as e:
            return {"ok": False, "error_class": type(e).__name__, "message": e.reason, "sha256": sha}
        return {"ok": True, "sha256": sha, "format": fmt}

    return _timed(timeout, run)


def _extract_one(path: str, timeout: float, target: str) -> dict:
    """Extract one file under a time limit; never raises (except on a dying interpreter)."""
    return _timed(timeout, lambda: {"ok": True, "json": _resolve(target)(path).model_dump_json()})


# ---------------------------------------------------------------------------------------
# Progress


class _Progress:
    """A rich progress bar on a terminal, a plain line every few seconds otherwise, or nothing."""

    def __init__(self, total: int, enabled: bool):
        self.total = total
        self.done = 0
        self.enabled = enabled
        self.bar = None
        self.started = time.monotonic()
        self.last_line = self.started
        if enabled and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)
            self.bar = Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                                MofNCompleteColumn(), TimeElapsedColumn(), TimeRemainingColumn(),
                                console=Console(stderr=True), transient=False)
            self.task = self.bar.add_task("Importing", total=total)
            self.bar.start()

    def advance(self, description: str | None = None) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(self.task, advance=1, **({"description": description} if description else {}))
        elif self.enabled:
            now = time.monotonic()
            if now - self.last_line >= 5 or self.done == self.total:
                self.last_line = now
                elapsed = now - self.started
                left = elapsed / self.done * (self.total - self.done) if self.done else 0
                print(f"Importing: {self.done:,}/{self.total:,}, {_hms(elapsed)} elapsed, "
                      f"{_hms(left)} left", file=sys.stderr, flush=True)

    def error(self, message: str) -> None:
        if self.bar is not None:
            self.bar.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=sys.stderr, flush=True)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def _hms(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


# ---------------------------------------------------------------------------------------
# The import


def _pool_context():
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        return ctx
    return multiprocessing.get_context("spawn")


def _terminate_pool(pool: cf.ProcessPoolExecutor) -> None:
    """Kill the pool's worker processes (stuck or interrupted) and shut it down."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            proc.kill()
        except Exception:  # noqa: BLE001 - already gone
            pass
    pool.shutdown(wait=False, cancel_futures=True)


def import_paths(db_path: str | Path, paths: Iterable[str | Path], *, workers: int | None = None,
                 force: bool = False, timeout: float | None = DEFAULT_TIMEOUT, progress: bool = True,
                 errors_to_stderr: bool = True, extractor: str = DEFAULT_EXTRACTOR,
                 max_tasks_per_child: int = MAX_TASKS_PER_CHILD,
                 memory_limit_mib: int | None = DEFAULT_MEMORY_LIMIT_MIB) -> ImportReport:
    """Import every minutes file under `paths` into the SQLite database at `db_path`.

    `workers`: extraction processes (default: CPU count), at least one: files are only
    ever opened in a worker process, under `timeout` and `memory_limit_mib`.
    `force`: re-extract files already stored and replace their rows.
    `timeout`: seconds allowed per document (None or 0: no limit).
    `memory_limit_mib`: address space allowed per worker process (None or 0: no limit).
    `progress`: show a progress bar (terminal) or periodic lines (otherwise) on stderr.
    `extractor`: "module:function" taking a path and returning an `Extraction`.
    Raises FileNotFoundError for a path that does not exist; every per-document problem
    is recorded in `import_errors` or `import_skipped` and counted in the report instead.
    """
    from extractor.store.load import (find_document, load_extraction, mark_latest, record_error, record_skips,
                                      utc_now)
    from extractor.store.schema import open_db
    from models.extraction import Extraction

    started = time.monotonic()
    cpu_started = time.process_time()
    files, passed_over = collect_files(paths)
    report = ImportReport(candidates=len(files))
    workers = max(1, workers or os.cpu_count() or 1)
    timeout = timeout if timeout and timeout > 0 else None

    db = open_db(db_path)
    db.execute("PRAGMA synchronous = NORMAL")  # WAL: still atomic per document, fewer fsyncs
    bar = _Progress(len(files), progress)
    first_of: dict[str, Path] = {}  # sha256 -> the file of this run being extracted, until stored
    waiting: dict[str, list[Path]] = {}  # sha256 -> later files of this run with the same content
    worker_cpu: dict[int, float] = {}  # worker pid -> its CPU time so far

    def skip(items: list[tuple[Path, str, int | None]], advance: bool) -> None:
        record_skips(db, items, occurred_at=utc_now())
        for path, reason, _dup in items:
            report.skipped += 1
            report.skipped_files.append((display_path(path), reason))
            if advance:
                bar.advance()

    def fail(path: Path, sha: str | None, error_class: str, message: str) -> None:
        record_error(db, path=path, sha256=sha, error_class=error_class, message=message, occurred_at=utc_now())
        report.failed += 1
        shown = display_path(path)
        report.errors.append((shown, error_class, clean_text(message)))
        if errors_to_stderr:
            bar.error(f"Error: {shown}: {error_class}: {clean_text(message)}")
        bar.advance()
        if sha and first_of.get(sha) == path:
            del first_of[sha]
            for other in waiting.pop(sha, []):
                fail(other, sha, error_class, f"the same content as {shown}, which failed: {message}")

    def identity(path: Path) -> tuple[int, int] | None:
        try:
            st = os.stat(path)
        except OSError:
            return None  # gone: the worker says so
        return st.st_dev, st.st_ino

    def examined(path: Path, result: dict) -> str | None:
        """After a worker read the file's sha256: the sha256 if it needs extracting;
        otherwise record or count it and return None."""
        sha = result.get("sha256")
        if not result["ok"]:
            fail(path, sha, result["error_class"], result["message"])
            return None
        if sha in first_of:
            waiting.setdefault(sha, []).append(path)  # settled when the first one is
            return None
        stored = find_document(db, sha)
        if stored is not None and stored["path"] != display_path(path):
            skip([(path, f"a copy of document {stored['id']} ({stored['path']})", stored["id"])], True)
            return None
        if stored is not None and not force:
            if not stored["is_latest"]:
                mark_latest(db, stored["id"])  # a file put back to an earlier version
            report.unchanged += 1
            bar.advance()
            return None
        first_of[sha] = path
        return sha

    def finish(path: Path, sha: str, result: dict) -> None:
        rss = result.get("rss_kib") or 0
        if rss > report.worker_peak_rss_kib:
            report.worker_peak_rss_kib = rss
        pid = result.get("pid")
        if pid and pid != os.getpid():
            worker_cpu[pid] = max(worker_cpu.get(pid, 0.0), result.get("cpu_s") or 0.0)
        if not result["ok"]:
            fail(path, sha, result["error_class"], result["message"])
        else:
            try:
                extraction = Extraction.model_validate_json(result["json"])
                if extraction.document.sha256 != sha:
                    fail(path, sha, "FileChanged", "the file changed while it was imported; import it again")
                    return
                document_id = load_extraction(db, extraction, path=path, imported_at=utc_now(), replace=force)
            except Exception as e:  # noqa: BLE001 - a bad extraction fails its document only
                fail(path, sha, type(e).__name__, str(e))
            else:
                report.imported += 1
                report.pages += extraction.document.pages or 0
                bar.advance()
                first_of.pop(sha, None)
                copies = waiting.pop(sha, [])
                if copies:
                    shown = display_path(os.path.abspath(path))
                    skip([(p, f"a copy of document {document_id} ({shown})", document_id) for p in copies], True)
        if rss:
            report.rss_trace.append((report.imported + report.failed, rss))

    try:
        skip([(p, reason, None) for p, reason in passed_over], False)
        _run_pool(files, identity, examined, finish, fail, timeout, extractor, workers, max_tasks_per_child,
                  memory_limit_mib or 0)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        bar.stop()
        report.elapsed = time.monotonic() - started
        report.parent_cpu_s = time.process_time() - cpu_started
        report.worker_cpu_s = sum(worker_cpu.values())
        db.close()
    return report


@dataclass
class _Task:
    path: Path
    sha: str | None = None  # None: read the file's sha256 and format; else extract it
    identity: tuple[int, int] | None = None


def _run_pool(files, identity, examined, finish, fail, timeout, extractor, workers, max_tasks_per_child,
              memory_limit_mib) -> None:
    """Keep `workers` tasks in flight; a dead or stuck worker costs one document, not the batch.

    Each file is first examined by a worker (format and sha256, read under the limits),
    then, unless `examined` says it is already stored, extracted by a worker.
    When a worker dies every task in flight fails with BrokenProcessPool; the pool is
    rebuilt and those tasks are retried one at a time, so only the document that kills its
    worker again is recorded (as WorkerCrashed).
    """
    ctx = _pool_context()
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(["extractor.warmup", extractor.partition(":")[0]])
    # A worker's own alarm stops a slow document; this parent-side limit catches a worker
    # stuck where the alarm cannot interrupt it (inside C code).
    hard_limit = timeout + min(max(2.0, timeout * 0.25), 30.0) if timeout else None

    def new_pool() -> cf.ProcessPoolExecutor:
        fresh = cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                                       initargs=(extractor, os.getpid(), memory_limit_mib),
                                       max_tasks_per_child=max_tasks_per_child)
        # Wait for a first worker (and the forkserver loading the pipeline) outside any
        # document's time limit; later workers fork from the loaded forkserver at once.
        try:
            fresh.submit(int).result()
        except BrokenProcessPool:
            pass  # found broken again when a document is submitted
        return fresh

    pool = new_pool()
    pool_broken = False
    todo = deque(files)
    extract_next: deque[_Task] = deque()  # examined, to extract before examining more
    suspects: deque[_Task] = deque()  # in flight when a worker died
    in_flight: dict[cf.Future, tuple[_Task, float, bool]] = {}  # future -> task, start, suspect
    overdue: set[cf.Future] = set()

    def submit(task: _Task, suspect: bool) -> bool:
        try:
            if task.sha is None:
                fut = pool.submit(_examine_one, str(task.path), timeout or 0, task.identity)
            else:
                fut = pool.submit(_extract_one, str(task.path), timeout or 0, extractor)
        except (BrokenProcessPool, RuntimeError):
            suspects.appendleft(task) if suspect else suspects.append(task)
            return False
        in_flight[fut] = (task, time.monotonic(), suspect)
        return True

    def fill() -> bool:
        """Submit up to `workers` tasks at a time (so a submitted task is a running one and
        its start time is known); tasks under suspicion run alone. False when the pool
        turned out to be broken."""
        if suspects:
            if not in_flight:
                return submit(suspects.popleft(), True)
            return True
        while (extract_next or todo) and len(in_flight) < workers:
            if extract_next:
                task = extract_next.popleft()
            else:
                path = todo.popleft()
                task = _Task(path, identity=identity(path))
            if not submit(task, False):
                return False
        return True

    def failed_task(task: _Task, error_class: str, message: str) -> None:
        fail(task.path, task.sha, error_class, message)

    try:
        while todo or extract_next or suspects or in_flight:
            if pool_broken and not in_flight:
                _terminate_pool(pool)
                pool, pool_broken = new_pool(), False
                overdue.clear()
            if not pool_broken:
                pool_broken = not fill()
            if not in_flight:
                continue
            done, _ = cf.wait(list(in_flight), timeout=0.5, return_when=cf.FIRST_COMPLETED)
            ready = []
            for fut in done:
                task, _start, suspect = in_flight.pop(fut)
                try:
                    result = fut.result()
                except (BrokenProcessPool, cf.CancelledError):
                    pool_broken = True
                    if fut in overdue:
                        failed_task(task, "DocumentTimeout", f"extraction took longer than {timeout:g} s (worker stopped)")
                    elif suspect:
                        failed_task(task, "WorkerCrashed", "the worker process reading this document died "
                                    "(out of memory, or a crash in a library)")
                    else:
                        suspects.append(task)
                except BaseException as e:  # noqa: BLE001 - e.g. a result that could not be unpickled
                    if isinstance(e, KeyboardInterrupt):
                        raise
                    failed_task(task, type(e).__name__, str(e) or repr(e))
                else:
                    if task.sha is None:
                        sha = examined(task.path, result)
                        if sha is not None:
                            extract_next.append(_Task(task.path, sha))
                    else:
                        ready.append((task, result))
            # Give idle workers their next task before writing these results.
            if ready and not pool_broken:
                pool_broken = not fill()
            for task, result in ready:
                finish(task.path, task.sha, result)
            if hard_limit and not pool_broken:
                now = time.monotonic()
                stuck = [f for f, (_t, start, _x) in in_flight.items() if now - start > hard_limit]
                if stuck:
                    overdue.update(stuck)
                    pool_broken = True
                    _terminate_pool(pool)  # the futures in flight now fail with BrokenProcessPool
    except BaseException:
        _terminate_pool(pool)
        raise
    else:
        pool.shutdown(wait=True)
