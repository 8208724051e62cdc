"""Serving under hostile requests and files: bounded SQL function calls, safe source responses."""
from __future__ import annotations

import asyncio
import os
import shutil
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from datasette.app import Datasette

from extractor.publish.metadata import build_metadata
from extractor.publish.plugin import content_disposition
from extractor.store.load import load_extraction
from extractor.store.schema import open_db

from .conftest import NORTHWOLD, northwold_extraction


def served(tmp_path: Path, name: str) -> tuple[Datasette, int, Path]:
    """A database whose one document is a copy of the Northwold minutes named `name`."""
    copy = tmp_path / name
    shutil.copy(NORTHWOLD, copy)
    db_path = tmp_path / "minutebook.db"
    db = open_db(db_path)
    doc = load_extraction(db, northwold_extraction(), path=copy)
    db.close()
    ds = Datasette(files=[str(db_path)], metadata=build_metadata("minutebook"), settings={"suggest_facets": False})
    return ds, doc, copy


def get(ds: Datasette, path: str):
    return asyncio.run(ds.client.get(path))


@pytest.mark.parametrize("sql", [
    "select length(printf('%.*c', 999999999, 'x'))",
    "select printf('%999999999d', 1)",
    "select format('%2000000000s', 'x')",
    "select length(zeroblob(999999999))",
])
def test_one_expensive_function_call_is_refused_at_once(tmp_path, sql):
    ds, _doc, _copy = served(tmp_path, "minutes.md")
    started = time.monotonic()
    response = get(ds, f"/minutebook.json?sql={quote(sql)}")
    assert time.monotonic() - started < 2
    assert response.status_code == 400, response.text[:300]


def test_printf_still_formats(tmp_path):
    ds, _doc, _copy = served(tmp_path, "minutes.md")
    sql = "select printf('%05.1f|%-4s|%*d|%%', 3.14159, 'ab', 4, 7) as a, format('%d items', 3) as b"
    response = get(ds, f"/minutebook.json?sql={quote(sql)}&_shape=array")
    assert response.json() == [{"a": "003.1|ab  |   7|%", "b": "3 items"}]


def test_source_of_a_file_name_with_newline_quotes_and_accents(tmp_path):
    name = 'minutes "final"\nrévisé.md'
    ds, doc, copy = served(tmp_path, name)
    response = get(ds, f"/-/minutebook/source/{doc}")
    assert response.status_code == 200 and response.content == NORTHWOLD.read_bytes()
    header = response.headers["content-disposition"]
    assert header == content_disposition(name)
    assert header.startswith('inline; filename="minutes _final__r_vis_.md"; ')
    assert header.endswith("filename*=UTF-8''minutes%20%22final%22%0Ar%C3%A9vis%C3%A9.md")


def test_source_of_a_file_name_that_is_not_utf8(tmp_path):
    ds, doc, _copy = served(tmp_path, os.fsdecode(b"proc\xe8s-verbal.md"))
    response = get(ds, f"/-/minutebook/source/{doc}")
    assert response.status_code == 200 and response.content == NORTHWOLD.read_bytes()
    assert get(ds, f"/-/minutebook/source/{doc}/lines").status_code == 200


@pytest.mark.parametrize("document_id", ["9" * 30, str(2**63), "١٢"])
def test_source_ids_out_of_range_are_404(tmp_path, document_id):
    ds, _doc, _copy = served(tmp_path, "minutes.md")
    assert get(ds, f"/-/minutebook/source/{document_id}").status_code == 404
    assert get(ds, f"/-/minutebook/source/{document_id}/lines").status_code == 404


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_put_in_place_of_a_source_is_not_opened(tmp_path):
    ds, doc, copy = served(tmp_path, "minutes.md")
    copy.unlink()
    os.mkfifo(copy)
    started = time.monotonic()
    response = get(ds, f"/-/minutebook/source/{doc}")
    assert time.monotonic() - started < 2
    assert response.status_code == 404 and "named pipe" in response.text


def test_source_is_sent_in_chunks(tmp_path, monkeypatch):
    """The file is streamed from disk: never read whole, checked once per version."""
    from extractor.publish import plugin

    ds, doc, copy = served(tmp_path, "minutes.md")
    reads = []
    real_open = plugin._open_source

    def spy(path, sha):
        opened = real_open(path, sha)
        if not isinstance(opened, str):
            f, size = opened
            real_read = f.read
            f.read = lambda n=-1: reads.append(n) or real_read(n)
        return opened

    monkeypatch.setattr(plugin, "_open_source", spy)
    for _ in range(2):
        assert get(ds, f"/-/minutebook/source/{doc}").content == NORTHWOLD.read_bytes()
    assert reads and all(0 < n <= 1 << 16 for n in reads)
