"""Readers: one module per format, each returning a `models.document.Document`.

`read_document(path)` picks the reader by suffix, checked against the file's first bytes.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable

from extractor.errors import UnreadableDocument, UnsupportedFormat
from extractor.paths import display_path
from models.document import Document

Reader = Callable[[Path, str], Document]

SUFFIXES: dict[str, str] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def detect_format(path: Path) -> str:
    """The format of `path` by suffix, confirmed by content; raises UnsupportedFormat."""
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise UnsupportedFormat(str(path), f"unsupported file type {path.suffix or '(no suffix)'!r}",
                                hint="minutebook reads " + ", ".join(sorted(set(SUFFIXES))))
    with path.open("rb") as f:
        head = f.read(8)
    if fmt == "pdf" and not head.startswith(b"%PDF"):
        raise UnreadableDocument(str(path), "not a PDF file (no %PDF header)")
    if fmt == "docx" and not head.startswith(b"PK"):
        raise UnreadableDocument(str(path), "not a DOCX file (not a zip archive)")
    return fmt


def _reader(fmt: str) -> Reader:
    if fmt == "pdf":
        from extractor.readers.pdf import read_pdf
        return read_pdf
    if fmt == "docx":
        from extractor.readers.docx import read_docx
        return read_docx
    if fmt == "html":
        from extractor.readers.html import read_html
        return read_html
    from extractor.readers.text import read_text
    return read_text


def read_document(path: str | Path) -> Document:
    """Read any supported file into the document model."""
    path = Path(path)
    if not path.is_file():
        raise UnreadableDocument(str(path), "no such file")
    fmt = detect_format(path)
    document = _reader(fmt)(path, file_sha256(path))
    shown = display_path(path)
    if document.path != shown:  # a file name that is not UTF-8
        document = document.model_copy(update={"path": shown})
    return document
