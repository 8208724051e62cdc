"""One document in, one `Extraction` out: reader → spaCy rules → assembled records."""
from __future__ import annotations

from pathlib import Path

from extractor import __version__
from extractor.nlp.actions import extract_actions
from extractor.nlp.attendees import extract_attendees
from extractor.nlp.decisions import extract_decisions
from extractor.nlp.engine import forget, parse
from extractor.nlp.meeting import extract_meeting
from extractor.nlp.sections import build_sections
from extractor.readers import read_document
from models.document import Document
from models.extraction import DocumentInfo, Extraction


def extract_document(document: Document) -> Extraction:
    """Run every rule component over an already-read document."""
    forget()
    parsed = parse(b.text for b in document.blocks)
    meeting = extract_meeting(document, parsed)
    attendees = extract_attendees(document, parsed, meeting)
    actions = extract_actions(document, parsed, meeting, attendees)
    decisions = extract_decisions(document, parsed)
    warnings = list(document.warnings)
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
