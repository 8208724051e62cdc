"""Bulk import: walk files and folders, extract in parallel worker processes, store in SQLite.

`import_paths(db_path, paths)` is the library entry point; `minutebook import` calls it.

- Which files: every file under the given folders (recursively) whose suffix is a supported
  format (`extractor.readers.SUFFIXES`), except hidden files and folders (".name"), Office
  lock files ("~$name") and project files that are not minutes, recognised by name:
  README, SOURCES, LICENSE/LICENCE, CHANGELOG, CONTRIBUTING, NOTICE, AUTHORS (any suffix,
  any case). Everything else is counted as skipped. JSON never qualifies (not a supported
  suffix), so `*.gold.json` and `THREADS.json` files are skipped.
  A file with a supported suffix whose content does not match it (a ".docx" that is not a
  zip archive) is a failure, recorded in `import_errors`, not a skip.
- Only the parent process writes to the database, one transaction per document, so an
  interrupted import never leaves half a document; files whose sha256 is already stored
  are skipped as unchanged before extraction, so a re-run resumes where it stopped.
- A failure of one document — an unreadable file, a bug, a time-out, a crashed worker —
  is recorded in `import_errors` and the batch goes on.
- Workers end with the importing process, however it ends (Ctrl-C, kill -9, a crash):
  none is left behind holding memory.
"""
from __future__ import annotations

import concurrent.futures as cf
import importlib
import multiprocessing
import os
import select
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from extractor.errors import MinutebookError
from extractor.paths import clean_text, display_path
from extractor.readers import SUFFIXES, detect_format, file_sha256

DEFAULT_TIMEOUT = 120.0
DEFAULT_EXTRACTOR = "extractor.pipeline:extract"
MAX_TASKS_PER_CHILD = 250  # recycle workers so their memory cannot grow without bound
NOT_MINUTES = {"readme", "sources", "license", "licence", "changelog", "contributing", "notice", "authors"}

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


def is_candidate_name(path: Path) -> bool:
    """True for a file name that may hold minutes: supported suffix, not a project file."""
    name = path.name
    if name.startswith(".") or name.startswith("~$"):
        return False
    if path.suffix.lower() not in SUFFIXES:
        return False
    return name.split(".", 1)[0].lower() not in NOT_MINUTES


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], int]:
    """(candidate files in a stable order, number of files skipped). Missing paths raise."""
    found: list[Path] = []
    seen: set[str] = set()
    skipped = 0

    def consider(p: Path) -> None:
        nonlocal skipped
        key = os.path.abspath(p)
        if key in seen:
            return
        seen.add(key)
        if is_candidate_name(p):
            found.append(Path(key))
        else:
            skipped += 1

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    consider(Path(root) / f)
        elif p.is_file():
            consider(p)
        else:
            raise FileNotFoundError(str(raw))
    return found, skipped


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


def _on_alarm(signum, frame):
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


def _init_worker(target: str, parent_pid: int | None = None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    if parent_pid:
        threading.Thread(target=_exit_with_parent, args=(parent_pid,), name="parent-watch",
                         daemon=True).start()
    try:
        _resolve(target)  # import the pipeline once per worker
    except Exception:  # noqa: BLE001 - reported per document by _extract_one, not as a dead pool
        pass


def _extract_one(path: str, timeout: float, target: str) -> dict:
    """Extract one file under a time limit; never raises (except on a dying interpreter)."""
    use_alarm = timeout and timeout > 0 and hasattr(signal, "setitimer")
    if use_alarm:
        old = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        extraction = _resolve(target)(path)
        result = {"ok": True, "json": extraction.model_dump_json()}
    except DocumentTimeout:
        result = {"ok": False, "error_class": "DocumentTimeout",
                  "message": f"extraction took longer than {timeout:g} s"}
    except MinutebookError as e:
        result = {"ok": False, "error_class": type(e).__name__, "message": e.reason}
    except Exception as e:  # noqa: BLE001 - any failure of one document is recorded, not raised
        result = {"ok": False, "error_class": type(e).__name__, "message": str(e) or repr(e)}
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    times = os.times()
    result.update(rss_kib=_peak_rss_kib(), pid=os.getpid(), cpu_s=times.user + times.system)
    return result


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
                 max_tasks_per_child: int = MAX_TASKS_PER_CHILD) -> ImportReport:
    """Import every minutes file under `paths` into the SQLite database at `db_path`.

    `workers`: extraction processes (default: CPU count); 1 extracts in this process.
    `force`: re-extract files already stored and replace their rows.
    `timeout`: seconds allowed per document (None or 0: no limit).
    `progress`: show a progress bar (terminal) or periodic lines (otherwise) on stderr.
    `extractor`: "module:function" taking a path and returning an `Extraction`.
    Raises FileNotFoundError for a path that does not exist; every per-document problem
    is recorded in `import_errors` and counted in the report instead.
    """
    from extractor.store.load import find_document, load_extraction, mark_latest, record_error, utc_now
    from extractor.store.schema import open_db
    from models.extraction import Extraction

    started = time.monotonic()
    cpu_started = time.process_time()
    files, skipped = collect_files(paths)
    report = ImportReport(skipped=skipped, candidates=len(files))
    workers = max(1, workers or os.cpu_count() or 1)
    timeout = timeout if timeout and timeout > 0 else None

    db = open_db(db_path)
    db.execute("PRAGMA synchronous = NORMAL")  # WAL: still atomic per document, fewer fsyncs
    bar = _Progress(len(files), progress)
    queued_sha: set[str] = set()
    worker_cpu: dict[int, float] = {}  # worker pid -> its CPU time so far

    def fail(path: Path, sha: str | None, error_class: str, message: str) -> None:
        record_error(db, path=path, sha256=sha, error_class=error_class, message=message, occurred_at=utc_now())
        report.failed += 1
        shown = display_path(path)
        report.errors.append((shown, error_class, clean_text(message)))
        if errors_to_stderr:
            bar.error(f"Error: {shown}: {error_class}: {clean_text(message)}")
        bar.advance()

    def prepare(path: Path) -> str | None:
        """The file's sha256 if it needs extracting; otherwise count it and return None."""
        sha = None
        try:
            sha = file_sha256(path)
            detect_format(path)
        except MinutebookError as e:
            fail(path, sha, type(e).__name__, e.reason)
            return None
        except OSError as e:
            fail(path, sha, type(e).__name__, e.strerror or str(e))
            return None
        if not force:
            stored = find_document(db, sha) if sha not in queued_sha else {"queued": True}
            if stored is not None:
                if stored.get("path") == display_path(path) and not stored.get("is_latest"):
                    mark_latest(db, stored["id"])  # a file put back to an earlier version
                report.unchanged += 1
                bar.advance()
                return None
        queued_sha.add(sha)
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
                load_extraction(db, extraction, path=path, imported_at=utc_now(), replace=force)
            except Exception as e:  # noqa: BLE001 - a bad extraction fails its document only
                fail(path, sha, type(e).__name__, str(e))
            else:
                report.imported += 1
                report.pages += extraction.document.pages or 0
                bar.advance()
        if rss:
            report.rss_trace.append((report.imported + report.failed, rss))

    try:
        if workers == 1:
            _run_in_process(files, prepare, finish, timeout, extractor)
        else:
            _run_pool(files, prepare, finish, fail, timeout, extractor, workers, max_tasks_per_child)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        bar.stop()
        report.elapsed = time.monotonic() - started
        report.parent_cpu_s = time.process_time() - cpu_started
        report.worker_cpu_s = sum(worker_cpu.values())
        db.close()
    return report


def _run_in_process(files, prepare, finish, timeout, extractor) -> None:
    # signal.setitimer only works in the main thread; elsewhere documents run without a limit.
    in_main_thread = threading.current_thread() is threading.main_thread()
    for path in files:
        sha = prepare(path)
        if sha is None:
            continue
        result = _extract_one(str(path), timeout if in_main_thread else 0, extractor)
        finish(path, sha, result)


def _run_pool(files, prepare, finish, fail, timeout, extractor, workers, max_tasks_per_child) -> None:
    """Keep `workers` documents in flight; a dead or stuck worker costs one document, not the batch.

    When a worker dies every document in flight fails with BrokenProcessPool; the pool is
    rebuilt and those documents are retried one at a time, so only the one that kills its
    worker again is recorded (as WorkerCrashed).
    """
    ctx = _pool_context()
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload([extractor.partition(":")[0]])
    # A worker's own alarm stops a slow document; this parent-side limit catches a worker
    # stuck where the alarm cannot interrupt it (inside C code).
    hard_limit = timeout + max(10.0, timeout * 0.25) if timeout else None

    def new_pool() -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                                      initargs=(extractor, os.getpid()), max_tasks_per_child=max_tasks_per_child)

    pool = new_pool()
    pool_broken = False
    todo = deque(files)
    suspects: deque[tuple[Path, str]] = deque()  # in flight when a worker died
    in_flight: dict[cf.Future, tuple[Path, str, float, bool]] = {}  # future -> path, sha, start, suspect
    overdue: set[cf.Future] = set()

    def submit(path: Path, sha: str, suspect: bool) -> bool:
        try:
            fut = pool.submit(_extract_one, str(path), timeout or 0, extractor)
        except (BrokenProcessPool, RuntimeError):
            suspects.appendleft((path, sha)) if suspect else suspects.append((path, sha))
            return False
        in_flight[fut] = (path, sha, time.monotonic(), suspect)
        return True

    def fill() -> bool:
        """Submit up to `workers` documents at a time (so a submitted document is a running
        one and its start time is known); documents under suspicion run alone. False when
        the pool turned out to be broken."""
        if suspects:
            if not in_flight:
                return submit(*suspects.popleft(), True)
            return True
        while todo and len(in_flight) < workers:
            path = todo.popleft()
            sha = prepare(path)
            if sha is not None and not submit(path, sha, False):
                return False
        return True

    try:
        while todo or suspects or in_flight:
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
                path, sha, _start, suspect = in_flight.pop(fut)
                try:
                    ready.append((path, sha, fut.result()))
                except (BrokenProcessPool, cf.CancelledError):
                    pool_broken = True
                    if fut in overdue:
                        fail(path, sha, "DocumentTimeout",
                             f"extraction took longer than {timeout:g} s (worker stopped)")
                    elif suspect:
                        fail(path, sha, "WorkerCrashed", "the worker process extracting this document died")
                    else:
                        suspects.append((path, sha))
                except Exception as e:  # noqa: BLE001 - e.g. a result that could not be unpickled
                    fail(path, sha, type(e).__name__, str(e))
            # Give idle workers their next document before writing these results.
            if ready and not pool_broken:
                pool_broken = not fill()
            for path, sha, result in ready:
                finish(path, sha, result)
            if hard_limit and not pool_broken:
                now = time.monotonic()
                stuck = [f for f, (_p, _s, start, _x) in in_flight.items() if now - start > hard_limit]
                if stuck:
                    overdue.update(stuck)
                    pool_broken = True
                    _terminate_pool(pool)  # the futures in flight now fail with BrokenProcessPool
    except BaseException:
        _terminate_pool(pool)
        raise
    else:
        pool.shutdown(wait=True)
