"""Readers: one module per format, each returning a `models.document.Document`.

`read_document(path)` picks the reader by suffix, checked against the file's first bytes.
Only regular files are opened, without blocking (a named pipe or a device is refused, not
read), and the sha256 is read in chunks up to the format's size limit.
"""
from __future__ import annotations

import hashlib
import importlib
import os
import stat
from pathlib import Path
from typing import BinaryIO, Callable

from extractor.errors import DocumentTooLarge, UnreadableDocument, UnsupportedFormat
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


# Formats minutebook does not read yet, and what to do with them.
UNSUPPORTED: dict[str, str] = {
    ".doc": "a Word 97-2003 .doc file: not supported yet (save it as .docx)",
    ".dot": "a Word 97-2003 template: not supported yet (save it as .docx)",
    ".docm": "a macro-enabled Word file: not supported yet (save it as .docx)",
    ".odt": "an OpenDocument text file: not supported yet (save it as .docx)",
    ".rtf": "a Rich Text Format file: not supported yet (save it as .docx)",
    ".pages": "an Apple Pages file: not supported yet (export it as .docx or PDF)",
    ".wpd": "a WordPerfect file: not supported yet (save it as .docx)",
}

_READER_MODULES = {"pdf": "pdf", "docx": "docx", "html": "html", "txt": "text", "md": "text"}
_KINDS = {stat.S_IFIFO: "a named pipe", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder", stat.S_IFLNK: "a symbolic link"}


def file_kind(mode: int) -> str:
    """'a named pipe', 'a folder' ... for a file that is not a regular file."""
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def open_regular(path: Path) -> BinaryIO:
    """Open `path` for reading if it is a regular file. Opening never blocks: a named pipe
    or a device is refused (UnreadableDocument), not read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise UnreadableDocument(str(path), "no such file") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise UnreadableDocument(str(path), f"not a regular file ({file_kind(mode)})")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def size_limit(fmt: str) -> int:
    """The largest file, in bytes, the reader of `fmt` accepts (its MAX_BYTES)."""
    module = importlib.import_module(f"extractor.readers.{_READER_MODULES[fmt]}")
    return module.MAX_BYTES


def file_sha256(path: Path, limit: int | None = None) -> str:
    """The sha256 of a regular file, read in chunks; DocumentTooLarge past `limit` bytes."""
    h = hashlib.sha256()
    done = 0
    with open_regular(path) as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            done += len(chunk)
            if limit is not None and done > limit:
                raise DocumentTooLarge(str(path), f"over the {limit:,} byte limit for this format")
            h.update(chunk)
    return h.hexdigest()


def detect_format(path: Path) -> str:
    """The format of `path` by suffix, confirmed by content; raises UnsupportedFormat."""
    suffix = path.suffix.lower()
    fmt = SUFFIXES.get(suffix)
    if fmt is None:
        reason = UNSUPPORTED.get(suffix) or f"unsupported file type {path.suffix or '(no suffix)'!r}"
        raise UnsupportedFormat(str(path), reason, hint="minutebook reads " + ", ".join(sorted(set(SUFFIXES))))
    with open_regular(path) as f:
        head = f.read(8)
    if fmt == "pdf" and not head.startswith(b"%PDF"):
        raise UnreadableDocument(str(path), "not a PDF file (no %PDF header)")
    if fmt == "docx" and not head.startswith(b"PK"):
        raise UnreadableDocument(str(path), _not_a_docx(head))
    return fmt


def _not_a_docx(head: bytes) -> str:
    """Why a .docx file that is not a zip archive cannot be read, by its first bytes."""
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2 compound file
        return ("a password-protected (encrypted) Word file, or a Word 97-2003 .doc file named .docx: "
                "remove the password or save it as .docx")
    if head.startswith(b"%PDF"):
        return "a PDF file named .docx: rename it to .pdf"
    if head.startswith(b"{\\rtf"):
        return "a Rich Text Format file named .docx: not supported yet (save it as .docx)"
    if not head:
        return "an empty file (0 bytes)"
    return "not a DOCX file (not a zip archive)"


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
    fmt = detect_format(path)
    document = _reader(fmt)(path, file_sha256(path, size_limit(fmt)))
    shown = display_path(path)
    if document.path != shown:  # a file name that is not UTF-8
        document = document.model_copy(update={"path": shown})
    return document
