"""Hostile and broken input: every file ends as a document, a skipped file or an import error."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.bulk import import_paths

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
