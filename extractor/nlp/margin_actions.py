"""Owners written after a paragraph rather than in a table: the Action column of minutes set as
paragraphs, whose initials a PDF reads onto the end of the paragraph's lines ("… with SBC. HL",
"… speed sign for the village. KC/HL"), and an owner named after the task as ", action Jon."
("Look at the insurance, action Mick.", "Replacement sink No progress?, c/f action Jon.").

Each entry is a task of the person it names, read from the sentence beside it: the sentence that
makes that person the doer ("HL would explore …"), else the last sentence before the entry.
"""
from __future__ import annotations

import re

from extractor.nlp.candidates import Candidate, Context
from extractor.nlp.textutil import sentence_spans, squash
from models.document import Block
from models.provenance import Provenance

# a line ending, after its sentence, with the initials of an Action column: ". HL", ". KC/HL", ". GD/CC/HL"
_MARGIN_INITIALS = re.compile(r"(?<=[.;!?’”\"])[ \t]+([A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4}){0,4})[ \t]*$", re.MULTILINE)
# a sentence ending in the owner it is given to: ", action Mick.", ", c/f action Jon.", ", action Mags to check."
_ACTION_AFTER = re.compile(r"(?i),?\s*(?:c/f\s+|c/fwd\s+)?\baction(?:ed)?(?:\s+by)?\s+"
                           r"((?-i:[A-Z][\w'’-]+)(?:\s*(?:/|&|\band\b)\s*(?-i:[A-Z][\w'’-]+)){0,3})"
                           r"(?:\s+to\s+([a-z][^.;]*?))?\s*[.;]?\s*$")


# the column titles of such minutes, read as one line: "Items Action", "Minute Discussion Actions"
_ACTION_TITLE = re.compile(r"^\s*[A-Z][\w ]{0,40}?\s{1,}(?:Actions?|Action\s+by|Who)\s*$")


def _titled(ctx: Context) -> bool:
    """The minutes have a line of column titles that ends with an Action column."""
    return any(len(b.text.split()) <= 5 and _ACTION_TITLE.match(b.text) for b in ctx.document.blocks
               if b.kind in ("heading", "paragraph"))


def _owner(ctx: Context, initials: str) -> str | None:
    got = ctx.people.resolve(initials)
    if got:
        return got
    phrase = ctx.owners.parse_phrase(initials)
    return phrase.owners[0] if phrase and len(phrase.owners) == 1 else None


def _starts_next(ctx: Context, block: Block, rest: str, mark: str) -> bool:
    """Whether initials ending a line start the sentence after them, wrapped onto the next line
    (perhaps with the same initials in the Action column beside it, read as a line of its own)."""
    following = [rest] + [b.text for b in ctx.document.blocks[block.index + 1:block.index + 3]]
    for text in following:
        text = squash(text)
        while text.startswith(mark):
            text = text[len(mark):].strip()
        if text:
            return text[:1].islower()
    return False


def _prov(block: Block, offset: int) -> Provenance:
    ln = block.line_at(offset)
    return Provenance(page=ln.page if ln else None, line=ln.line if ln else None, block=block.index)


def _margin(ctx: Context, block: Block, section: str | None) -> list[Candidate]:
    text, out, start, titled = block.text, [], 0, None
    for m in _MARGIN_INITIALS.finditer(text):
        initials = [p for p in re.split(r"\s*/\s*", m.group(1))]
        people = [_owner(ctx, p) for p in initials]
        seg_from, start = start, m.end()
        if _starts_next(ctx, block, text[m.end():], m.group(1)):
            continue  # "… a steering group. BM" / "BM to speak to …": the subject of the next sentence, set over the line end
        if not all(people):
            # initials the minutes do not resolve are owners only under an Action column title
            if titled is None:
                titled = _titled(ctx)
            if not titled:
                continue
            people = [p or k for p, k in zip(people, initials)]
        segment = text[seg_from:m.start()]
        spans = [(a + seg_from, b + seg_from) for a, b in _pieces(segment)]
        if not spans:
            continue
        free, taken = [], set()
        for name, mark in zip(people, initials):
            sent = _sentence_of(ctx, text, spans, name, mark)
            if sent is None:
                free.append((name, mark))
                continue
            taken.add(sent)
            out.append(_candidate(block, text, sent, [name], mark, section))
        if free:
            # the last sentence not given to a named owner, or the one before it when only that one states a task
            left = [sp for sp in spans if sp not in taken] or spans
            a, b = next((sp for sp in reversed(left[-2:]) if _TASKISH.search(text[sp[0]:sp[1]])), left[-1])
            names = [n for n, _ in free]
            out.append(_candidate(block, text, (a, b), names, "/".join(k for _, k in free), section))
    return out


_TASKISH = re.compile(r"(?i)\b(?:will|would|shall|should|must|(?:is|are)\s+to|to\s+be|agreed\s+to|undertook|asked\s+to|needs?\s+to)\b")


def _sentence_of(ctx: Context, text: str, spans: list[tuple[int, int]], name: str, mark: str) -> tuple[int, int] | None:
    """The sentence of the paragraph that makes the owner the doer, else the last that names them."""
    named = None
    for a, b in spans:
        sent = squash(text[a:b])
        got = ctx.owners.leading(sent)
        if got and (name in got.owners or got.owner_text == mark):
            return a, b
        if re.search(r"\b(?:" + re.escape(mark) + "|" + re.escape(name) + r")\b", sent):
            named = (a, b)
    return named


def _candidate(block: Block, text: str, span: tuple[int, int], owners: list[str], owner_text: str,
               section: str | None, task: str | None = None, source: str | None = None) -> Candidate:
    sent = squash(text[span[0]:span[1]])
    return Candidate(text=task or sent, explicit=True, owners=owners, owner_text=owner_text,
                     source_text=source or sent, rule="action.margin", kind="column", block=block.index,
                     provenance=_prov(block, span[0]), section=section, assigned=True)


# the start of a bulleted line inside a paragraph ("Ø To establish …", "o A thank you …")
_BULLET_LINE = re.compile(r"(?:^|\n)[ \t]*[•●▪◦Øo*–\-\uf0d8\uf0b7\uf0a7]+[ \t]+(?=\S)")


def _pieces(text: str) -> list[tuple[int, int]]:
    """The sentences of `text`, a bulleted line always starting a new one (its bullet left out)."""
    cuts = [(m.start(), m.end()) for m in _BULLET_LINE.finditer(text)]
    out = []
    for a, b in sentence_spans(text):
        inner = [(x, y) for x, y in cuts if a < y < b]
        starts = [a] + [y for _, y in inner]
        ends = [x for x, _ in inner] + [b]
        out.extend((x, y) for x, y in zip(starts, ends) if text[x:y].strip())
    return out


def _action_after(ctx: Context, block: Block, section: str | None) -> list[Candidate]:
    text, out = block.text, []
    items = [m.end() for m in _BULLET_LINE.finditer(text)]
    for a, b in _pieces(text):
        sent = squash(text[a:b])
        m = _ACTION_AFTER.search(sent)
        if not m or m.start() == 0:
            continue
        got = ctx.owners.parse_phrase(m.group(1))
        if got is None or not got.owners:
            continue
        task = sent[:m.start()].strip(" ,;–-")
        if m.group(2):
            task = f"{task}; {m.group(2).strip()}"
        start = max([k for k in items if k <= a] or [0])  # the passage from the start of its item
        out.append(_candidate(block, text, (a, b), got.owners, got.owner_text, section, task=task,
                              source=squash(text[start:b])))
    return out


def margin_candidates(ctx: Context, block: Block, section: str | None) -> list[Candidate]:
    """Tasks of the owners a paragraph names after its sentences."""
    if block.kind in ("table", "heading") or not block.text:
        return []
    return _margin(ctx, block, section) + _action_after(ctx, block, section)
