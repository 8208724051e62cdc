"""Where a piece of text stands in its source document."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Provenance(BaseModel):
    """A position in the source: enough for an auditor to open the page and find the line.

    `page` is 1-based and only set for paged formats (PDF); `line` is the 1-based line on
    that page (PDF) or in the file (text formats); `block` is the index of the block in
    the document model; `table`/`row`/`cell` locate a table cell (0-based).
    """

    model_config = ConfigDict(extra="forbid")

    page: int | None = None
    line: int | None = None
    block: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
