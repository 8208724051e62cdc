"""The meeting a document records, and who attended it."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.provenance import Provenance

AttendanceStatus = Literal["present", "in_attendance", "apologies", "absent"]
DocumentKind = Literal["minutes", "notes", "letter", "agenda", "action-log", "other"]


class Meeting(BaseModel):
    model_config = ConfigDict(extra="forbid")

    organisation: str | None = None
    title: str | None = None
    date: str | None = Field(default=None, description="ISO date of the meeting (a letter's own date)")
    date_source: str | None = Field(default=None, description="how the date was found: 'text' (the minutes), "
                                     "'title' (the file's own title), 'filename', or 'metadata' (front matter date)")
    next_meeting_date: str | None = None
    kind: DocumentKind = "minutes"


class Attendee(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    initials: str | None = None
    role: str | None = None
    status: AttendanceStatus = "present"
    provenance: Provenance = Field(default_factory=Provenance)
