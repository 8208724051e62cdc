"""The document model every reader produces: blocks of text with provenance."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.provenance import Provenance

BlockKind = Literal["heading", "paragraph", "list_item", "table"]
Format = Literal["pdf", "docx", "txt", "md", "html"]


class TextLine(BaseModel):
    """One physical line of a block or cell: where it starts in the text and where it sits."""

    model_config = ConfigDict(extra="forbid")

    start: int = Field(description="character offset of the line in the block's (or cell's) text")
    line: int = Field(description="1-based line number on the page (PDF) or in the file")
    page: int | None = None
    top: float | None = Field(default=None, description="PDF only: distance from the page top, in points")


class Cell(BaseModel):
    """A table cell; merged cells appear once, at their first row/column."""

    model_config = ConfigDict(extra="forbid")

    text: str
    row: int
    col: int
    bold: bool = False
    lines: list[TextLine] = Field(default_factory=list)


class Block(BaseModel):
    """A heading, paragraph, list item or table, in reading order.

    `text` has single newlines where the source broke lines inside the block (hyphenated
    breaks already joined); `lines` maps offsets in `text` back to source lines. `bold` holds
    [start, end) character spans of bold text. A table keeps its cells in `rows` and a
    plain-text rendering (cells joined by " | ", rows by newlines) in `text`.
    """

    model_config = ConfigDict(extra="forbid")

    index: int
    kind: BlockKind = "paragraph"
    text: str = ""
    level: int | None = Field(default=None, description="heading level, or list nesting depth (0 = top)")
    numbering: str | None = Field(default=None, description="list/item number as written, e.g. '3.' or 'b)'")
    bold: list[tuple[int, int]] = Field(default_factory=list)
    lines: list[TextLine] = Field(default_factory=list)
    rows: list[list[Cell]] = Field(default_factory=list)
    table: int | None = Field(default=None, description="index of the table in the document, for tables")

    def line_at(self, offset: int) -> TextLine | None:
        """The source line holding character `offset` of `text`."""
        found = None
        for ln in self.lines:
            if ln.start <= offset:
                found = ln
            else:
                break
        return found

    def provenance(self, offset: int = 0) -> Provenance:
        ln = self.line_at(offset)
        return Provenance(page=ln.page if ln else None, line=ln.line if ln else None, block=self.index,
                          table=self.table)

    def is_bold(self, start: int, end: int) -> bool:
        """True when every non-space character of text[start:end] is inside a bold span."""
        for i in range(start, min(end, len(self.text))):
            if self.text[i].isspace():
                continue
            if not any(s <= i < e for s, e in self.bold):
                return False
        return end > start


class Document(BaseModel):
    """A whole source document as read: metadata plus blocks in reading order."""

    model_config = ConfigDict(extra="forbid")

    path: str
    sha256: str
    format: Format
    pages: int | None = None
    title: str | None = Field(default=None, description="title given by the file's own metadata, if any")
    date: str | None = Field(default=None, description="date given by the file's own metadata (front matter "
                             "`date:`), as written; often when it was published rather than when the meeting was held")
    blocks: list[Block] = Field(default_factory=list)
    headers: list[str] = Field(default_factory=list, description="running header/footer lines removed from pages")
    warnings: list[str] = Field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)
