"""What the decision rules read: a block or table cell as one stretch of text, its sentences and labels."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from extractor.nlp.engine import parse
from models.provenance import Provenance
from models.document import Block, Cell
from extractor.nlp.textutil import STOPWORDS, sentence_spans, squash, words
from extractor.nlp.decisions.lexicon import (
    _ACTION_LINE, _INLINE_BULLET, _LABEL, _LINE_BULLET, _MEETBOT, _MOVER, _PAREN_VOTE, _PROPOSER, _TRAILING_LABEL,
)


@dataclass
class _Found:
    text: str
    source: str
    rule: str
    unit: "_Unit"
    offset: int
    summary: bool = False


@dataclass
class _Unit:
    """A block, or a table cell, read as one stretch of text."""
    text: str
    doc: Doc
    block: Block
    section: str | None
    cell: Cell | None = None
    row: int | None = None
    listed: bool = False  # an entry (or entries, one a line) of a list of decisions
    produced: bool = False
    pending: _Found | None = None  # a matter (a motion) waiting for its outcome
    last_sentence: tuple[int, int] | None = None
    origin: list[int] = field(default_factory=list)  # offset in the block's (cell's) own text of each character

    @classmethod
    def of(cls, raw: str, block: Block, section: str | None, **kw) -> "_Unit":
        """A unit over `raw` with spaces tidied (none around line breaks, no runs), so that markers match
        across the line breaks of a PDF cell ("It was / agreed that …")."""
        text, origin = _tidy(raw)
        return cls(text=text, doc=parse([text.replace("\n", " ")])[0], block=block, section=section,
                   origin=origin, **kw)

    @property
    def level(self) -> int | None:
        return self.block.level if self.block.kind == "list_item" else None

    def prov(self, offset: int) -> Provenance:
        if self.origin:
            offset = self.origin[min(offset, len(self.origin) - 1)]
        if self.cell is None:
            return self.block.provenance(offset)
        ln = max((x for x in self.cell.lines if x.start <= offset), key=lambda x: x.start, default=None)
        return Provenance(page=ln.page if ln else None, line=ln.line if ln else None, block=self.block.index,
                          table=self.block.table, row=self.row, cell=self.cell.col)


def _tidy(raw: str) -> tuple[str, list[int]]:
    """`raw` with no spaces around line breaks and no runs of spaces, and for each character its offset in `raw`."""
    out: list[str] = []
    origin: list[int] = []
    for m in re.finditer(r"[ \t]*\n\s*|[ \t]{2,}|[^ \t\n]+|[ \t]", raw):
        piece = m.group(0)
        rep = "\n" if "\n" in piece else (" " if not piece.strip() else piece)
        for j, ch in enumerate(rep):
            out.append(ch)
            origin.append(m.start() + (j if rep == piece else 0))
    return "".join(out), origin


def _lead(text: str, s: int) -> int:
    """Offset where a sentence's words start, after its item label or bullet."""
    return s + len(_LABEL.match(text[s:]).group(0))


def _clean(text: str) -> str:
    text = _PAREN_VOTE.sub(" ", _PROPOSER.sub(" ", squash(text)))
    text = _MEETBOT.sub("", _MOVER.sub("", text))
    text = re.sub(r"^that\s+(?=\w)", "", text)  # "… moved by X and seconded by Y that the precept be set …"
    text = _LABEL.sub("", text, count=1)
    text = _TRAILING_LABEL.sub("", text.strip())
    return text.strip(" :;,-–—*•.").strip()


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentences, also broken at inline bullets ("… items • It was agreed …"), before ACTION lines and before
    lines that open with a bullet."""
    out: list[tuple[int, int]] = []
    for s, e in sentence_spans(text):
        cuts = [m.start() + 1 for m in _INLINE_BULLET.finditer(text, s, e)]
        cuts += [m.start() + 1 for m in _ACTION_LINE.finditer(text, s, e)]
        cuts += [m.start() + 1 for m in _LINE_BULLET.finditer(text, s, e)]
        start = s
        for c in sorted(cuts):
            if text[start:c].strip():
                out.append((start, c))
            start = c
        if text[start:e].strip():
            out.append((start, e))
    return out


def _stem(w: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > 4 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def _content(text: str) -> list[str]:
    return [_stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1]


def _heading_words_covered(text: str, doc: Doc, labels: tuple[str, ...]) -> bool:
    """True when every word of a short heading is part of a decision-list span (numbering, brackets and
    stop words aside): "Decisions made:", "5.2 Review of Decisions Reached (Secretary)"."""
    spans = [s for s in doc.spans.get("decisions", []) if s.label_ in labels]
    if not spans or len(text.split()) > 12:
        return False
    bracket = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", text)]
    for tok in doc:
        if not tok.is_alpha or tok.lower_ in STOPWORDS:
            continue
        if any(a <= tok.idx < b for a, b in bracket):
            continue
        if not any(s.start <= tok.i < s.end for s in spans):
            return False
    return True


def _line_spans(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out
