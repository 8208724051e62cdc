"""Attendees and apologies from lists, running text and tables."""
from __future__ import annotations

from spacy.tokens import Doc

from models.document import Document
from models.meeting import Attendee, Meeting


def extract_attendees(document: Document, parsed: list[Doc], meeting: Meeting) -> list[Attendee]:
    return []
