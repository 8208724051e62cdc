"""Errors named after their condition; the CLI turns them into `Error: PATH: reason`."""
from __future__ import annotations


class MinutebookError(Exception):
    """Base class: a problem with one input that the user can act on."""

    def __init__(self, path: str, reason: str, hint: str | None = None):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.hint = hint


class UnsupportedFormat(MinutebookError):
    """The file is not a format minutebook reads."""


class UnreadableDocument(MinutebookError):
    """The file claims a supported format but cannot be parsed (corrupt, encrypted, truncated)."""


class DocumentTooLarge(MinutebookError):
    """The file (or an archive inside it, such as a DOCX) is over a safety limit."""
