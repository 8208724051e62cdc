"""Actions: explicit markers, action lists and tables, narrative commitments."""
from __future__ import annotations

from spacy.tokens import Doc

from models.action import Action
from models.document import Document
from models.meeting import Attendee, Meeting


def extract_actions(document: Document, parsed: list[Doc], meeting: Meeting,
                    attendees: list[Attendee]) -> list[Action]:
    return []
