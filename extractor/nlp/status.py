"""Status of an action as minutes give it: a status cell of an action table ("Completed",
"c/f"), a status line under a task ("Action completed", "Action carried forwards") or a status
at the end of a reviewed item ("Item 1: … Status: Closed").

A status is not a task, and a task the minutes mark closed is no task of this meeting; a task
marked open ("carried forward", "ongoing") still is. The status words are data
(`lexicons/action_status.tsv`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractor.nlp.engine import lexicon_rows


@lru_cache(maxsize=1)
def _words() -> dict[str, str]:
    return {r[0].lower(): r[1].strip() for r in lexicon_rows("action_status.tsv") if len(r) == 2}


def _alternation(kind: str | None = None) -> str:
    words = sorted((w for w, k in _words().items() if kind is None or k == kind), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


@lru_cache(maxsize=None)
def _status_line(kind: str | None) -> re.Pattern:
    # "Completed", "Action completed", "Status: Closed", "(done)", "Action carried forwards."
    return re.compile(rf"(?i)^\W*(?:(?:action|task|item)\s+(?:is\s+|was\s+|now\s+)?|status\s*[:\-–]\s*)?"
                      rf"(?:{_alternation(kind)})(?![\w/])\W*$")


@lru_cache(maxsize=None)
def _status_tail(kind: str) -> re.Pattern:
    # "… were shared and amended. Status: Closed"
    return re.compile(rf"(?i)\bstatus\s*[:\-–]\s*(?:{_alternation(kind)})\W*$")


def is_status(text: str) -> bool:
    """`text` is a status and nothing else: no task."""
    return bool(text) and _status_line(None).match(text.strip()) is not None


def closes(text: str) -> bool:
    """`text` is a status that closes the action it stands beside or under."""
    return bool(text) and _status_line("closed").match(text.strip()) is not None


def ends_closed(text: str) -> bool:
    """`text` ends by giving its own status as closed ("… Status: Closed")."""
    return bool(text) and _status_tail("closed").search(text.strip()) is not None


def _closed_below(blocks, c, starts: set[int]) -> bool:
    """A status line that closes the task follows it, before the next task or heading
    ("Action GB: Research green popcorn" / "GB: “It looks vile”" / "Action completed")."""
    for b in blocks[c.block + 1:c.block + 4]:
        if b.kind in ("heading", "table") or b.index in starts:
            return False
        if is_status(b.text):
            return closes(b.text)
    return False


def drop_closed(blocks, cands: list) -> list:
    """The candidates without statuses read as tasks and without tasks the minutes mark closed."""
    starts = {c.block for c in cands if not is_status(c.text)}
    out = []
    for c in cands:
        if is_status(c.text) or is_status(c.source_text):
            continue
        if ends_closed(c.source_text) or ends_closed(c.text):
            continue
        if c.kind != "table" and _closed_below(blocks, c, starts):
            continue
        out.append(c)
    return out
