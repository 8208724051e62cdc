"""What every action rule produces: a candidate record of one task, before records of one task are merged."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from extractor.nlp.owners import OwnerParser
from extractor.nlp.people import PeopleIndex
from models.document import Document
from models.meeting import Meeting
from models.provenance import Provenance

# which record of a task wins when two are merged: an action table's row, then an Action column, …
RANK = {"table": 0, "column": 1, "list": 2, "marker": 2, "narrative": 3}


@dataclass
class Candidate:
    text: str
    explicit: bool
    owners: list[str]
    owner_text: str | None
    source_text: str
    rule: str
    kind: str  # table | column | marker | list | narrative
    block: int
    provenance: Provenance
    section: str | None = None
    due_hint: str | None = None  # a "by when" cell
    in_action_list: bool = False
    row_key: tuple | None = None  # (table, row) for candidates from one table row
    assigned: bool = False  # an Action-column entry whose sentence names its owner as the doer
    resolution: bool = False  # read from a "RESOLVED: Clerk to …" line, which restates the item's commitments
    item: int | None = None  # the minute/agenda item number of the row ("09a/1920" → 9), when a table gives it
    also: list[Provenance] = field(default_factory=list)
    twins: list["Candidate"] = field(default_factory=list)  # the other records of this task, merged into it
    warnings: list[str] = field(default_factory=list)


@dataclass
class Context:
    document: Document
    parsed: list[Doc]
    meeting: Meeting
    people: PeopleIndex
    owners: OwnerParser
    speakers: set[str]
