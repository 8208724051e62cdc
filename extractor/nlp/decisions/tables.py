"""Tables of actions and columns of decisions; decisions said twice (a summary restating the body)."""
from __future__ import annotations

import re

from extractor.nlp.engine import parse
from models.action import Decision
from models.document import Block
from extractor.nlp.textutil import squash
from extractor.nlp.decisions.lexicon import _ACTION_HDR, _DECISION_COLUMN, _GENERIC, _NOTES_HDR, _TASK
from extractor.nlp.decisions.units import _Found, _content, _heading_words_covered


def _action_table(block: Block) -> bool:
    """A table of actions (owner / due columns): its rows are tasks, not decisions."""
    if not block.rows:
        return False
    header = [squash(c.text) for c in block.rows[0]]
    if any(_NOTES_HDR.match(t) for t in header):
        return False  # "Item | Discussion | Decision | Owner": a minutes table with an owner column
    return any(_ACTION_HDR.match(t) for t in header)


def _decision_columns(block: Block) -> set[int]:
    """Columns titled as lists of decisions ("Decisions made:", "Decision", "Outcome")."""
    cols: set[int] = set()
    for row in block.rows[:1]:
        for c in row:
            t = squash(c.text)
            if t and len(t.split()) <= 4 and (_DECISION_COLUMN.match(t) or
                                              _heading_words_covered(t, parse([t])[0], ("HEADING",))):
                cols.add(c.col)
    return cols


def _restated(narrative: _Found, after: _Found) -> bool:
    """ "The minutes … held on 7 March 2018 were approved as a true record." then, in the next block, "RESOLVED: That
    minutes of 7 March 2018 be approved.": the resolution is the record of the same decision."""
    if after.rule != "decision.resolved" or narrative.rule == "decision.resolved" or after.unit.cell is not None:
        return False
    if after.unit.block.index != narrative.unit.block.index + 1:
        return False
    if _TASK.match(re.sub(r"(?i)^that\s+", "", after.text)):
        return False  # "RESOLVED: That the Locum Clerk to liaise …": a task, not the record of the decision above
    mine = {w for w in _content(narrative.text) if w not in _GENERIC}
    theirs = {w for w in _content(after.text) if w not in _GENERIC}
    return len(mine & theirs) >= 2


def _similar(summary: _Found, body: list[_Found]) -> bool:
    """A summary line restating decisions recorded in the body: most of its words are theirs, or it shares
    a run of three content words with one of them ("… Results Interchange Format")."""
    mine = _content(summary.text)
    if not mine or not body:
        return False
    pool: set[str] = set()
    for b in body:
        pool.update(_content(b.text + " " + b.source))
    if len(set(mine) & pool) >= 0.75 * len(set(mine)):
        return True
    runs = {tuple(mine[i:i + 3]) for i in range(len(mine) - 2)}
    for b in body:
        theirs = _content(b.text + " " + b.source)
        if runs & {tuple(theirs[i:i + 3]) for i in range(len(theirs) - 2)}:
            return True
    return False
