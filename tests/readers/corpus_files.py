"""Helpers for reader tests on the corpus's real files."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from extractor.readers import read_document

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@lru_cache(maxsize=None)
def read_cached(path: Path):
    """A corpus file read once per test session."""
    return read_document(path)


def find_block(doc, needle: str):
    """(block, offset) of the first block whose text holds `needle`."""
    for b in doc.blocks:
        at = b.text.find(needle)
        if at >= 0:
            return b, at
    raise AssertionError(f"{needle!r} not in any block")
