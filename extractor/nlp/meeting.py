"""Meeting metadata: organisation, title, date, next meeting date, document kind."""
from __future__ import annotations

from spacy.tokens import Doc

from models.document import Document
from models.meeting import Meeting


def extract_meeting(document: Document, parsed: list[Doc]) -> Meeting:
    return Meeting()
