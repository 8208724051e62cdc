"""Bulk import of real corpus files: idempotence, isolation of bad files, versions, resume, CLI."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.bulk import collect_files, import_paths
from extractor.store.schema import open_db

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SUBSET = [
    "norfolk-dip-strategy-group-2009-06-03.md",
    "fedora-releng-2015-02-09.txt",
    "wereham-parish-meeting-2004-05-11.html",
    "student-project-team-minutes-2019-02-14.docx",
    "halesworth-library-friends-trustees-2016-01-26.pdf",
]
TABLES = ["documents", "meetings", "people", "attendance", "actions", "action_owners", "decisions",
          "sections", "import_errors"]


# Extractors used by the tests (importable by worker processes as tests.test_bulk:NAME).

def slow_or_real(path):
    """The real pipeline, except for files named slow-*, which never finish."""
    if Path(path).name.startswith("slow-"):
        time.sleep(600)
    from extractor.pipeline import extract
    return extract(path)


def crash_or_real(path):
    """The real pipeline, except for files named crash-*, which kill their worker."""
    if Path(path).name.startswith("crash-"):
        os._exit(3)
    from extractor.pipeline import extract
    return extract(path)


_done = 0


def stall_after_first(path):
    """The real pipeline for the first document, then stall (to be killed)."""
    global _done
    if _done:
        time.sleep(600)
    _done += 1
    from extractor.pipeline import extract
    return extract(path)


def record_pid_and_stall(path):
    """Write this worker's pid to $MINUTEBOOK_TEST_PIDS/<pid>, then stall (to be orphaned)."""
    Path(os.environ["MINUTEBOOK_TEST_PIDS"], str(os.getpid())).write_text(str(path))
    time.sleep(600)


# Helpers

@pytest.fixture
def subset(tmp_path) -> Path:
    """A folder of five good corpus files (all formats) plus files that are not minutes."""
    d = tmp_path / "minutes"
    (d / "nested").mkdir(parents=True)
    for i, name in enumerate(SUBSET):
        shutil.copy(CORPUS / name, (d / "nested" if i % 2 else d) / name)
    shutil.copy(CORPUS / f"{SUBSET[0]}.gold.json", d)
    shutil.copy(CORPUS / "SOURCES.md", d)
    (d / "README.md").write_text("# not minutes\n")
    return d


def counts(db_path) -> dict[str, int]:
    con = sqlite3.connect(db_path)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def content(db_path) -> dict[str, list]:
    """Every table's rows with ids replaced by natural keys and import times left out."""
    con = sqlite3.connect(db_path)
    q = {
        "documents": "select sha256, path, filename, format, pages, kind, title, extractor_version, version, "
                     "is_latest, warnings from documents",
        "meetings": "select d.sha256, m.body, m.organisation, m.title, m.date, m.year, m.next_meeting_date "
                    "from meetings m join documents d on d.id = m.document_id",
        "people": "select body, name, initials, variants from people",
        "attendance": "select d.sha256, p.name, a.status, a.role from attendance a "
                      "join meetings m on m.id = a.meeting_id join documents d on d.id = m.document_id "
                      "join people p on p.id = a.person_id",
        "actions": "select d.sha256, a.body, a.meeting_date, a.year, a.text, a.explicit, a.owners, a.owner_text, "
                   "a.due, a.due_text, a.due_basis, a.status, a.section, a.page, a.line, a.source_text, a.rule "
                   "from actions a join documents d on d.id = a.document_id",
        "action_owners": "select d.sha256, a.text, o.owner, p.name from action_owners o "
                         "join actions a on a.id = o.action_id join documents d on d.id = a.document_id "
                         "left join people p on p.id = o.person_id",
        "decisions": "select d.sha256, x.body, x.meeting_date, x.year, x.text, x.source_text, x.section, x.page, "
                     "x.line, x.rule from decisions x join documents d on d.id = x.document_id",
        "sections": "select d.sha256, s.heading, s.text, s.page, s.line from sections s "
                    "join documents d on d.id = s.document_id",
        "import_errors": "select path, sha256, error_class, message from import_errors",
    }
    try:
        return {t: sorted(con.execute(sql).fetchall(), key=repr) for t, sql in q.items()}
    finally:
        con.close()


# Tests

def test_collect_files_skips_what_is_not_minutes():
    files, skipped = collect_files([CORPUS])
    gold = sorted(p.name.removesuffix(".gold.json") for p in CORPUS.rglob("*.gold.json"))
    assert sorted(f.name for f in files) == gold
    assert len(skipped) == len(list(CORPUS.rglob("*"))) - len([p for p in CORPUS.rglob("*") if p.is_dir()]) - len(gold)
    reasons = {p.name: why for p, why in skipped}
    assert reasons["SOURCES.md"] == "a project file (SOURCES), not minutes"
    assert reasons[f"{gold[0]}.gold.json"] == "not a format minutebook reads (.json)"
    assert all(f.is_absolute() for f in files)


def test_import_twice_gives_the_same_rows(subset, tmp_path):
    db = tmp_path / "m.db"
    first = import_paths(db, [subset], workers=1, progress=False)
    assert (first.imported, first.unchanged, first.failed, first.skipped) == (5, 0, 0, 3), first.errors
    assert first.exit_code == 0
    before = counts(db)
    assert before["documents"] == before["meetings"] == 5
    second = import_paths(db, [subset], workers=1, progress=False)
    assert (second.imported, second.unchanged, second.failed) == (0, 5, 0)
    assert second.summary() == "0 imported, 5 unchanged, 3 skipped, 0 failed"
    assert counts(db) == before
    with sqlite3.connect(db) as con:
        assert con.execute("pragma journal_mode").fetchone()[0] == "wal"
        assert con.execute("pragma foreign_key_check").fetchall() == []


def test_corrupt_files_are_recorded_and_the_rest_load(subset, tmp_path):
    pdf = (CORPUS / SUBSET[4]).read_bytes()
    (subset / "truncated.pdf").write_bytes(pdf[: len(pdf) // 3])
    (subset / "not-a-zip.docx").write_bytes(b"this is not a word document\n")
    db = tmp_path / "m.db"
    report = import_paths(db, [subset], workers=1, progress=False, errors_to_stderr=False)
    assert report.imported == 5 and report.failed == 2 and report.exit_code == 1
    assert report.summary() == "5 imported, 0 unchanged, 3 skipped, 2 failed: see import_errors"
    errors = {Path(r[0]).name: r for r in sqlite3.connect(db).execute(
        "select path, sha256, error_class, message, occurred_at from import_errors")}
    assert set(errors) == {"truncated.pdf", "not-a-zip.docx"}
    assert errors["not-a-zip.docx"][2] == "UnreadableDocument"
    assert all(len(e[1]) == 64 for e in errors.values())  # sha256 recorded
    assert errors["truncated.pdf"][2] and errors["truncated.pdf"][3]
    assert all(e[4].endswith("Z") for e in errors.values())
    assert counts(db)["documents"] == 5
    # errors are replaced, not piled up, on a re-run; fixed files clear theirs
    (subset / "not-a-zip.docx").unlink()
    shutil.copy(CORPUS / SUBSET[3], subset / "not-a-zip.docx")  # same content as a stored file
    (subset / "truncated.pdf").write_bytes(pdf + b"\n% fixed\n")
    again = import_paths(db, [subset], workers=1, progress=False, errors_to_stderr=False)
    assert (again.imported, again.unchanged, again.failed, again.skipped) == (1, 5, 0, 4)
    con = sqlite3.connect(db)
    assert con.execute("select path from import_errors").fetchall() == []
    (student,) = con.execute("select id from documents where filename = ?", (SUBSET[3],)).fetchone()
    copies = con.execute("select path, reason, duplicate_of from import_skipped where duplicate_of is not null")
    assert [(Path(p).name, r.startswith(f"a copy of document {student} ("), d) for p, r, d in copies] == [
        ("not-a-zip.docx", True, student)]  # the copy of a stored file: listed, not extracted


def test_full_text_search_finds_an_imported_action(tmp_path):
    db = tmp_path / "m.db"
    import_paths(db, [CORPUS / SUBSET[0]], workers=1, progress=False)
    d = open_db(db)
    actions = list(d.query("select id, text from actions"))
    assert actions, "the Norfolk minutes have ACTION lines"
    action = actions[0]
    word = max((w.strip(".,;:()\"'") for w in action["text"].split()), key=len)
    assert action["id"] in [r["id"] for r in d.table("actions").search(word)]
    assert list(d.query("select * from open_actions_by_owner"))
    d.close()


def test_changed_file_becomes_version_two(tmp_path):
    src = tmp_path / "minutes.md"
    shutil.copy(CORPUS / SUBSET[0], src)
    db = tmp_path / "m.db"
    import_paths(db, [src], workers=1, progress=False)
    with src.open("a") as f:
        f.write("\nAny other business: none.\n")
    report = import_paths(db, [src], workers=1, progress=False)
    assert report.imported == 1
    con = sqlite3.connect(db)
    rows = con.execute("select version, is_latest, path from documents order by version").fetchall()
    assert rows == [(1, 0, str(src)), (2, 1, str(src))]
    assert con.execute("select count(*) from meetings").fetchone()[0] == 2
    # putting the old file back makes version 1 the latest again, without re-extracting
    shutil.copy(CORPUS / SUBSET[0], src)
    report = import_paths(db, [src], workers=1, progress=False)
    assert report.unchanged == 1
    assert con.execute("select version from documents where is_latest = 1").fetchall() == [(1,)]


def test_two_workers_give_the_same_content_as_one(subset, tmp_path):
    (subset / "not-a-zip.docx").write_bytes(b"nope")
    one = import_paths(tmp_path / "one.db", [subset], workers=1, progress=False, errors_to_stderr=False)
    two = import_paths(tmp_path / "two.db", [subset], workers=2, progress=False, errors_to_stderr=False)
    assert (two.imported, two.failed, two.skipped) == (one.imported, one.failed, one.skipped) == (5, 1, 3)
    assert two.worker_peak_rss_kib > 0
    assert two.worker_cpu_s > 0 and one.worker_cpu_s > 0  # one worker is a process of its own too
    assert one.parent_cpu_s > 0
    a, b = content(tmp_path / "one.db"), content(tmp_path / "two.db")
    a["import_errors"] = [r[:3] for r in a["import_errors"]]
    b["import_errors"] = [r[:3] for r in b["import_errors"]]
    assert a == b


def test_a_crashing_worker_costs_one_document(subset, tmp_path):
    shutil.copy(CORPUS / SUBSET[1], subset / "crash-copy.txt")
    (subset / "crash-copy.txt").open("a").write("\n")
    report = import_paths(tmp_path / "m.db", [subset], workers=2, progress=False, errors_to_stderr=False,
                          extractor="tests.test_bulk:crash_or_real")
    assert report.imported == 5 and report.failed == 1
    assert report.errors[0][0].endswith("crash-copy.txt") and report.errors[0][1] == "WorkerCrashed"


def test_a_slow_document_times_out_and_the_batch_goes_on(subset, tmp_path):
    shutil.copy(CORPUS / SUBSET[1], subset / "slow-copy.txt")
    (subset / "slow-copy.txt").open("a").write("\n")
    started = time.monotonic()
    report = import_paths(tmp_path / "m.db", [subset], workers=1, progress=False, errors_to_stderr=False,
                          timeout=1, extractor="tests.test_bulk:slow_or_real")
    assert time.monotonic() - started < 60
    assert report.imported == 5 and report.failed == 1
    assert [e[1] for e in report.errors] == ["DocumentTimeout"]


def test_resume_after_kill_equals_one_uninterrupted_run(subset, tmp_path):
    db = tmp_path / "resumed.db"
    code = ("import sys; from extractor.bulk import import_paths; "
            "import_paths(sys.argv[1], [sys.argv[2]], workers=1, progress=False, "
            "extractor='tests.test_bulk:stall_after_first')")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(subset)], cwd=ROOT)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if counts(db)["documents"] >= 1:
                    break
            except sqlite3.Error:
                pass
            if proc.poll() is not None:
                pytest.fail(f"the import ended (status {proc.returncode}) before any document landed")
            time.sleep(0.2)
        else:
            pytest.fail("the first document never landed")
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert counts(db)["documents"] == 1
    resumed = import_paths(db, [subset], workers=1, progress=False)
    assert (resumed.imported, resumed.unchanged) == (4, 1)
    import_paths(tmp_path / "clean.db", [subset], workers=1, progress=False)
    assert content(db) == content(tmp_path / "clean.db")


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_workers_end_when_the_importer_is_killed(subset, tmp_path):
    pids = tmp_path / "pids"
    pids.mkdir()
    code = ("import sys; from extractor.bulk import import_paths; "
            "import_paths(sys.argv[1], [sys.argv[2]], workers=2, progress=False, "
            "extractor='tests.test_bulk:record_pid_and_stall')")
    proc = subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "m.db"), str(subset)], cwd=ROOT,
                            env={**os.environ, "MINUTEBOOK_TEST_PIDS": str(pids)})
    try:
        deadline = time.monotonic() + 120
        while len(list(pids.iterdir())) < 2:
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("the two workers never started their documents")
            time.sleep(0.2)
        workers = [int(p.name) for p in pids.iterdir()]
        assert all(_alive(w) for w in workers)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    deadline = time.monotonic() + 60
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [w for w in workers if _alive(w)]
    for w in left:
        os.kill(w, signal.SIGKILL)
    assert left == [], "worker processes outlived the killed importer"


def test_force_reextracts_without_duplicating(subset, tmp_path):
    db = tmp_path / "m.db"
    import_paths(db, [subset], workers=1, progress=False)
    before = content(db)
    report = import_paths(db, [subset], workers=1, progress=False, force=True)
    assert report.imported == 5 and report.unchanged == 0
    assert content(db) == before


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extractor.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)


def test_cli_import(subset, tmp_path):
    db = tmp_path / "m.db"
    r = _cli("import", str(db), str(subset), "--silent")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "5 imported, 0 unchanged, 3 skipped, 0 failed"
    assert r.stderr == ""
    r = _cli("import", str(db), str(subset), "--silent", "--workers", "1")
    assert r.returncode == 0 and r.stdout.strip() == "0 imported, 5 unchanged, 3 skipped, 0 failed"


def test_cli_bad_path_and_nothing_to_import(tmp_path):
    r = _cli("import", str(tmp_path / "m.db"), str(tmp_path / "missing"), "--silent")
    assert r.returncode == 2
    assert r.stderr.startswith(f"Error: {tmp_path / 'missing'}: ")
    assert "Traceback" not in r.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.json").write_text(json.dumps({}))
    r = _cli("import", str(tmp_path / "m.db"), str(empty), "--silent")
    assert r.returncode == 2 and "nothing to import" in r.stdout


def test_files_a_folder_ignores_are_listed_not_imported(tmp_path):
    (tmp_path / "2021-03-01-minutes.md").write_text("# Minutes\n\nPresent: A Bell\n")
    (tmp_path / "NOTES.md").write_text("notes about this folder\n")
    (tmp_path / "budget.draft.md").write_text("# Draft\n")
    (tmp_path / ".minutebookignore").write_text("# not minutes\nNOTES.md\n*.draft.md\n")
    files, skipped = collect_files([tmp_path])
    assert [f.name for f in files] == ["2021-03-01-minutes.md"]
    reasons = {p.name: why for p, why in skipped}
    assert reasons["NOTES.md"] == reasons["budget.draft.md"] == "listed in .minutebookignore"
