"""Sections: the heading or numbered item each block stands under, and the minutes' text by section."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from extractor.nlp.textutil import squash
from models.document import Block, Document
from models.extraction import Section

_NUMBERED_TITLE = re.compile(r"^\s*(?:[A-Z]{1,4}\s)?\d{1,3}(?:[./]\d{1,4})*\.?\s+([A-Z][^.:\n]{2,80})")


_LIST_PREFIX = {"review", "of", "the", "summary", "new", "open", "outstanding", "agreed", "previous", "key", "and",
                "meeting", "list", "carried", "forward", "with", "our"}


def _heads_label(span) -> bool:
    """ "Action items", "5.3 Review of action items": the list words lead the label, unlike
    "Discuss next steps for the draft" where they are the subject of an agenda item."""
    before = [t for t in span.doc[:span.start] if t.is_alpha]
    return all(t.lower_ in _LIST_PREFIX for t in before)


def _label_text(block: Block) -> str:
    return squash(block.text).strip("*_#: ")


class SectionTracker:
    """Walks blocks in order and knows the current section and whether it is an action list."""

    def __init__(self) -> None:
        self.section: str | None = None
        self.in_action_list = False

    @staticmethod
    def is_label(block: Block) -> bool:
        """A short line standing as a heading: wholly bold ("**Next steps**") or ending with a colon."""
        text = block.text.strip()
        if block.kind == "list_item":
            # a list item that only titles the items after it: "Action Items:", "To do:", "Next steps:"
            return "\n" not in text and 0 < len(text.split()) <= 4 and text.endswith(":") \
                and not re.search(r"\s(?:to|will|should|must)\s", " " + text.lower()[3:])
        if block.kind != "paragraph":
            return False
        if "\n" in text or not text or len(text.split()) > 8:
            return False
        return block.is_bold(0, len(block.text)) or text.endswith(":")

    def see(self, block: Block, doc: Doc) -> None:
        if block.kind == "heading" or self.is_label(block):
            heads = [s for s in doc.spans.get("actions", []) if s.label_ == "ACTION_HEADING" and _heads_label(s)]
            self.in_action_list = bool(heads) and len(block.text.split()) <= 10
            if block.kind == "heading":
                self.section = _label_text(block) or self.section
            return
        if block.kind == "paragraph" and not block.text.startswith((" ", "\t")):
            m = _NUMBERED_TITLE.match(block.text)
            first_line = block.text.split("\n", 1)[0]
            title_line = m is not None and len(first_line.split()) <= 8 and not re.search(r"[.!?]\s*$", first_line)
            if m and (m.group(1).split()[0].isupper() and len(m.group(1).split()) <= 12 or title_line):
                self.section = squash(m.group(0)).rstrip(" -–")  # "2. Actions of the previous meeting"


def build_sections(document: Document) -> list[Section]:
    """The document's text grouped under its headings, for full-text search."""
    out: list[Section] = []
    heading, parts, first = None, [], None
    for b in document.blocks:
        if b.kind == "heading":
            if parts:
                out.append(Section(heading=heading, text="\n\n".join(parts), provenance=first.provenance(0)))
            heading, parts, first = _label_text(b), [], b
            continue
        if first is None:
            first = b
        parts.append(b.text)
    if parts:
        out.append(Section(heading=heading, text="\n\n".join(parts), provenance=first.provenance(0)))
    return out
