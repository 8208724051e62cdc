"""Actions (who must do what by when) and decisions recorded in minutes."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.provenance import Provenance

DueBasis = Literal["explicit_date", "next_meeting", "month", "relative", "meeting_reference"]


class Action(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="the task in the document's own words, without marker and owner")
    explicit: bool = Field(description="marked as an action by the document (ACTION line, action table or list)")
    owners: list[str] = Field(default_factory=list, description="owners, resolved to full names where possible")
    owner_text: str | None = Field(default=None, description="the owner as written")
    due: str | None = Field(default=None, description="ISO date, or YYYY-MM when only the month is known")
    due_text: str | None = Field(default=None, description="the deadline words as written")
    due_basis: DueBasis | None = Field(default=None, description="how `due` was worked out")
    source_text: str = Field(description="the whole sentence or line the action came from")
    section: str | None = Field(default=None, description="the heading or agenda item it stands under")
    rule: str = Field(description="id of the rule that found it")
    provenance: Provenance = Field(default_factory=Provenance)
    also: list[Provenance] = Field(default_factory=list, description="other places recording the same task")


class Decision(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    source_text: str
    section: str | None = None
    rule: str
    provenance: Provenance = Field(default_factory=Provenance)
