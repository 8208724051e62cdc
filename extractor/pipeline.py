"""One document in, one `Extraction` out: reader → spaCy rules → assembled records."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, TypeVar

from extractor import __version__
from extractor.nlp.actions import extract_actions
from extractor.nlp.attendees import extract_attendees
from extractor.nlp.decisions import extract_decisions
from extractor.nlp.engine import forget, parse
from extractor.nlp.meeting import extract_meeting
from extractor.nlp.sections import build_sections
from extractor.readers import read_document
from models.document import Document
from models.meeting import Meeting
from models.extraction import DocumentInfo, Extraction

T = TypeVar("T")
# Set (to anything) to let a rule component's error propagate instead of becoming a warning; the tests set it.
STRICT_ENV = "MINUTEBOOK_STRICT"


def _guarded(what: str, run: Callable[[], T], fallback: T, warnings: list[str]) -> T:
    """One component's unexpected error costs that component's records, not the whole document."""
    try:
        return run()
    except MemoryError:  # not a rule bug: the document is too big for the memory allowed
        raise
    except Exception as exc:  # noqa: BLE001 - any rule bug; the reader's own errors were raised before
        if os.environ.get(STRICT_ENV):
            raise
        warnings.append(f"{what} not extracted: internal error {type(exc).__name__}: {exc}")
        return fallback


def extract_document(document: Document) -> Extraction:
    """Run every rule component over an already-read document."""
    forget()
    parsed = parse(b.text for b in document.blocks)
    warnings = list(document.warnings)
    meeting = _guarded("meeting details", lambda: extract_meeting(document, parsed), Meeting(), warnings)
    attendees = _guarded("attendees", lambda: extract_attendees(document, parsed, meeting), [], warnings)
    actions = _guarded("actions", lambda: extract_actions(document, parsed, meeting, attendees), [], warnings)
    decisions = _guarded("decisions", lambda: extract_decisions(document, parsed), [], warnings)
    if not document.blocks:
        warnings.append("no text found in the document")
    return Extraction(
        extractor_version=__version__,
        document=DocumentInfo(path=document.path, sha256=document.sha256, format=document.format,
                              pages=document.pages, kind=meeting.kind),
        meeting=meeting,
        attendees=attendees,
        actions=actions,
        decisions=decisions,
        sections=build_sections(document),
        warnings=warnings,
    )


def extract(path: str | Path) -> Extraction:
    """Read and extract one file. Raises a `MinutebookError` for a file it cannot read."""
    return extract_document(read_document(path))
