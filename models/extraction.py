"""The `extract --json` contract: one record per document."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.action import Action, Decision
from models.document import Format
from models.meeting import Attendee, DocumentKind, Meeting
from models.provenance import Provenance

SCHEMA_VERSION = "1"


class DocumentInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    sha256: str
    format: Format
    pages: int | None = None
    kind: DocumentKind = "minutes"


class Section(BaseModel):
    """The minutes' text under one heading or numbered item, for full-text search."""

    model_config = ConfigDict(extra="forbid")

    heading: str | None = None
    text: str
    provenance: Provenance = Field(default_factory=Provenance)


class Extraction(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: Literal["1"] = SCHEMA_VERSION
    extractor_version: str | None = None
    document: DocumentInfo
    meeting: Meeting = Field(default_factory=Meeting)
    attendees: list[Attendee] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
