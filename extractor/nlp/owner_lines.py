"""Tasks written owner first: "Roland: Implement supporters page", "Luther/Valentine – Sort out details".

Minutes often list what each person is to do as "<owner>: <task>" or "<owner> – <task>" lines, under
headings of any name ("Resolved", "Outcomes", an agenda item). Such a line is a task when the owner
is a person the minutes know (an attendee, a name the text gives, a PERSON entity) or an officer, and
the task opens with a verb in the imperative. The trained pipeline tells "Implement" (a verb) from
"Update" in "Roland: Update on the website" (a noun), which no word list can.
"""
from __future__ import annotations

import re

from extractor.nlp.candidates import Candidate, Context
from extractor.nlp.engine import parse_sentences
from extractor.nlp.owners import ROLE_HEADS
from extractor.nlp.textutil import squash
from models.document import Block

_LINE = re.compile(r"^\s*(?:[*•·◦▪\-–+]\s*|\(?\d{1,2}[.)]\s+|\(?[a-z][.)]\s+)?\**"
                   r"(?P<owner>[A-Z@][\w.'’@-]*(?:\s*(?:/|&|,|\band\b)\s*[A-Z@][\w.'’@-]*|\s+[A-Z][\w.'’-]*){0,4})"
                   r"\**\s*(?::|\s[-–—]+)\s+(?P<task>\S.{6,})$")
# imperatives that open a remark, not a task: "Chet: Thanks all", "Ann: Let's wait"
_NOT_TASK_VERBS = {"let", "thank", "thanks", "please", "see", "note", "agree", "disagree", "welcome", "say", "think",
                   "like", "love", "hope", "wish", "want", "be", "have", "apologise", "apologize", "sorry"}


# a marked action line is the marker rules' to take or to leave; a review of earlier actions raises none
_MARKED = re.compile(r"(?i)\bactions?\b|\bAI\b|\btodo\b|\bdone\b|\bclosed\b|\bongoing\b")
_REVIEW_SECTION = re.compile(r"(?i)\b(?:previous|last|outstanding|review|prior|carried|arising|progress)\b")


def owner_line_candidates(ctx: Context, taken: list[Candidate], skip_blocks: set[int],
                          sections: dict[int, str | None]) -> list[Candidate]:
    """Owner-first task lines in blocks that no other action rule took a task from."""
    found: list[tuple[Block, int, str, object, str]] = []
    taken_blocks = {c.block for c in taken}
    for block in ctx.document.blocks:
        if block.kind in ("heading", "table") or block.index in skip_blocks or block.index in taken_blocks \
                or _REVIEW_SECTION.search(sections.get(block.index) or ""):
            continue
        offset = 0
        for line in block.text.split("\n"):
            m = _LINE.match(line)
            if m and not _MARKED.search(line):
                got = ctx.owners.parse_phrase(m.group("owner"))
                if got and all(_listed(ctx, o) for o in got.owners):
                    found.append((block, offset, line, got, m.group("task")))
            offset += len(line) + 1
    if not found:
        return []
    parsed = parse_sentences([f[4] for f in found])
    imperative = [_imperative(doc) for doc in parsed]
    # where most "Name: …" lines are not orders they are what each one said (a transcript): none is a task
    share: dict[object, list[bool]] = {}
    for (block, *_), ok in zip(found, imperative):
        share.setdefault(sections.get(block.index) or block.index, []).append(ok)
    out = []
    for (block, offset, line, got, task), ok in zip(found, imperative):
        votes = share[sections.get(block.index) or block.index]
        if not ok or sum(votes) < 0.6 * len(votes):
            continue
        out.append(Candidate(text=squash(task).rstrip(" ."), explicit=True, owners=got.owners,
                             owner_text=got.owner_text, source_text=squash(line), rule="action.owner_line",
                             kind="list", block=block.index, provenance=block.provenance(offset)))
    return out


def _listed(ctx: Context, owner: str) -> bool:
    """An attendee, a name the text gives initials for, or an officer: a label such as "Purpose:" is none."""
    return bool(ctx.people.resolve(owner)) or owner in ctx.owners.aliases.values() \
        or owner.lower().split()[-1] in ROLE_HEADS


def _imperative(doc) -> bool:
    """The task opens with an order: a base-form verb, not negated ("Don't have…"), not a link or a remark."""
    first = doc[0]
    if first.like_url or first.tag_ not in ("VB", "VBP") or first.lemma_.lower() in _NOT_TASK_VERBS \
            or first.lower_ in _NOT_TASK_VERBS:
        return False
    return not (len(doc) > 1 and doc[1].dep_ == "neg")
