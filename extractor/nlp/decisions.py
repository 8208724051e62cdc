"""Decisions: RESOLVED, It was agreed, Decision:, kept apart from actions."""
from __future__ import annotations

from spacy.tokens import Doc

from models.action import Decision
from models.document import Document


def extract_decisions(document: Document, parsed: list[Doc]) -> list[Decision]:
    return []
