"""Hostile and broken input: every file ends as a document, a skipped file or an import error."""
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

from extractor.bulk import import_paths
from extractor.errors import UnreadableDocument

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOOD_MD = CORPUS / "norfolk-dip-strategy-group-2009-06-03.md"
GOOD_TXT = CORPUS / "fedora-releng-2015-02-09.txt"


def rows(db, sql: str) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extractor.cli", *args], cwd=ROOT, capture_output=True,
                          timeout=120)


def test_file_names_that_are_not_utf8(tmp_path):
    d = tmp_path / "minutes"
    d.mkdir()
    good = d / os.fsdecode(b"caf\xe9.md")
    shutil.copy(GOOD_MD, good)
    (d / os.fsdecode(b"bad\xff.docx")).write_bytes(b"not a zip")
    db = tmp_path / "m.db"
    for _ in range(2):  # a re-run must not crash either
        report = import_paths(db, [d], workers=1, progress=False, errors_to_stderr=False)
        assert report.failed == 1
    assert rows(db, "select path, filename from documents") == [(f"{d}/caf\\xe9.md", "caf\\xe9.md")]
    assert rows(db, "select path, error_class from import_errors") == [(f"{d}/bad\\xff.docx", "UnreadableDocument")]
    r = _cli("extract", "--json", os.fsencode(good))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["document"]["path"].endswith("caf\\xe9.md")
    r = _cli("extract", os.fsencode(d / os.fsdecode(b"bad\xff.docx")))
    assert r.returncode == 1 and b"Traceback" not in r.stderr
    assert b"bad\\xff.docx" in r.stderr


# Extractors used by the tests (importable by worker processes as tests.test_hostile:NAME).

def loops_while_closing(path):
    """Like a reader whose clean-up loops again after the time limit interrupted it."""
    if Path(path).name.startswith("stuck-"):
        try:
            time.sleep(600)
        finally:
            while True:
                time.sleep(0.05)
    from extractor.pipeline import extract
    return extract(path)


def deaf_to_alarms(path):
    """Like a reader stuck in C code, where the worker's own alarm cannot interrupt it."""
    if Path(path).name.startswith("stuck-"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(600)
    from extractor.pipeline import extract
    return extract(path)


def greedy(path):
    """Like a reader that needs 1 GiB for a hostile file (a flate bomb, a deep tree)."""
    if Path(path).name.startswith("greedy-"):
        try:
            blob = bytearray(1 << 30)
        except MemoryError as e:  # readers wrap what they catch: the cause still counts
            raise UnreadableDocument(str(path), "cannot read it") from e
        return blob
    from extractor.pipeline import extract
    return extract(path)


def two_good_files(d: Path) -> None:
    d.mkdir(exist_ok=True)
    shutil.copy(GOOD_MD, d / GOOD_MD.name)
    shutil.copy(GOOD_TXT, d / GOOD_TXT.name)


def skipped(db) -> dict[str, str]:
    return {Path(p).name: r for p, r in rows(db, "select path, reason from import_skipped")}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_pipes_devices_and_links_are_listed_not_opened(tmp_path):
    d = tmp_path / "archive"
    two_good_files(d)
    outside = tmp_path / "secret.txt"
    outside.write_text("Present: nobody\nACTION everyone to read the secret\n")
    os.mkfifo(d / "pipe.md")
    (d / "zero.txt").symlink_to("/dev/zero")
    (d / "passwd.txt").symlink_to(outside)
    (d / "loop.md").symlink_to(d / "loop.md")
    (d / "gone.md").symlink_to(d / "missing.md")
    (d / "inside-link.md").symlink_to(d / GOOD_MD.name)
    (d / "folder-link").symlink_to(tmp_path)
    (d / ".git").mkdir()
    (d / ".git" / "notes.md").write_text("x")
    db = tmp_path / "m.db"
    started = time.monotonic()
    report = import_paths(db, [d], workers=1, progress=False, errors_to_stderr=False, timeout=5)
    assert time.monotonic() - started < 30
    assert (report.imported, report.failed) == (2, 0), report.errors
    found = skipped(db)
    # a link inside the folder is followed: it and its target are one document and one copy
    assert found.pop("inside-link.md", None) or found.pop(GOOD_MD.name)
    assert found == {
        "pipe.md": "not a regular file (a named pipe): not opened",
        "zero.txt": "a symbolic link to a file outside the folders imported: not followed",
        "passwd.txt": "a symbolic link to a file outside the folders imported: not followed",
        "loop.md": "a symbolic link loop",
        "gone.md": "a broken symbolic link (its target does not exist)",
        "folder-link": "a symbolic link to a folder: not followed",
        ".git": "a hidden folder: not searched",
    }
    assert report.skipped == 8
    assert not rows(db, "select 1 from sections where text like '%secret%'")
    # a device named on the command line is not opened either
    r2 = import_paths(db, [d / "zero.txt"], workers=1, progress=False, errors_to_stderr=False)
    assert r2.skipped == 1 and skipped(db)["zero.txt"] == "not a regular file (a character device): not opened"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_refused_without_blocking(tmp_path):
    from extractor.bulk import _examine_one
    from extractor.readers import read_document

    os.mkfifo(tmp_path / "pipe.md")
    result = _examine_one(str(tmp_path / "pipe.md"), 0)
    assert (result["ok"], result["message"]) == (False, "not a regular file (a named pipe)")
    with pytest.raises(UnreadableDocument, match="named pipe"):
        read_document(tmp_path / "pipe.md")


def test_names_and_formats_skipped_are_listed_and_real_minutes_kept(tmp_path):
    d = tmp_path / "archive"
    two_good_files(d)
    for name in ("NOTICE.minutes-2021.md", "Authors.meeting.2020.md"):
        (d / name).write_text(GOOD_MD.read_text().replace("Norfolk", f"Norfolk {name}"))
    (d / "README.md").write_text("# Project\n")
    (d / "LICENSE").write_text("MIT\n")
    (d / "~$minutes.docx").write_bytes(b"lock")
    (d / "minutes.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    (d / "minutes.odt").write_bytes(b"PK")
    (d / "copy.md").write_bytes(GOOD_MD.read_bytes())
    db = tmp_path / "m.db"
    report = import_paths(db, [d], workers=2, progress=False, errors_to_stderr=False)
    assert (report.imported, report.failed, report.skipped) == (4, 0, 6), report.errors
    found = skipped(db)
    assert (found.pop("copy.md", None) or found.pop(GOOD_MD.name)).startswith("a copy of document ")
    assert found == {
        "README.md": "a project file (README), not minutes",
        "LICENSE": "a project file (LICENSE), not minutes",
        "~$minutes.docx": "an Office lock file (~$), not a document",
        "minutes.doc": "a Word 97-2003 .doc file: not supported yet (save it as .docx)",
        "minutes.odt": "an OpenDocument text file: not supported yet (save it as .docx)",
    }
    (dup_of,) = rows(db, "select duplicate_of from import_skipped where duplicate_of is not null")
    assert rows(db, f"select sha256 from documents where id = {dup_of[0]}") == rows(
        db, f"select sha256 from documents where filename in ('copy.md', '{GOOD_MD.name}')")
    # every file is accounted for exactly once
    names = {p.name for p in d.iterdir()}
    imported = {Path(p).name for (p,) in rows(db, "select path from documents")}
    assert imported | set(skipped(db)) == names and not imported & set(skipped(db))


def test_encrypted_or_binary_word_files_say_so(tmp_path):
    d = tmp_path / "archive"
    d.mkdir()
    (d / "protected.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    (d / "renamed.docx").write_bytes(b"%PDF-1.4\n")
    (d / "empty.docx").write_bytes(b"")
    db = tmp_path / "m.db"
    import_paths(db, [d], workers=1, progress=False, errors_to_stderr=False)
    errors = {Path(p).name: m for p, m in rows(db, "select path, message from import_errors")}
    assert errors["protected.docx"].startswith("a password-protected (encrypted) Word file, or a Word 97-2003")
    assert errors["renamed.docx"] == "a PDF file named .docx: rename it to .pdf"
    assert errors["empty.docx"] == "an empty file (0 bytes)"


@pytest.mark.parametrize("extractor", ["loops_while_closing", "deaf_to_alarms"])
def test_one_worker_enforces_the_timeout(tmp_path, extractor):
    d = tmp_path / "archive"
    two_good_files(d)
    (d / "stuck-minutes.md").write_text("Minutes\n")
    started = time.monotonic()
    report = import_paths(tmp_path / "m.db", [d], workers=1, progress=False, errors_to_stderr=False, timeout=1,
                          extractor=f"tests.test_hostile:{extractor}")
    assert time.monotonic() - started < 15
    assert report.imported == 2
    assert [(Path(p).name, c) for p, c, _m in report.errors] == [("stuck-minutes.md", "DocumentTimeout")]


def test_a_worker_over_its_memory_limit_costs_one_document(tmp_path):
    d = tmp_path / "archive"
    two_good_files(d)
    (d / "greedy-minutes.md").write_text("Minutes\n")
    report = import_paths(tmp_path / "m.db", [d], workers=1, progress=False, errors_to_stderr=False,
                          memory_limit_mib=700, extractor="tests.test_hostile:greedy")
    assert report.imported == 2
    assert report.errors == [(str(d / "greedy-minutes.md"), "OutOfMemory",
                              "needed more than the 700 MiB of memory a worker may use (--memory-limit)")]
