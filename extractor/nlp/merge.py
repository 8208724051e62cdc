"""One record per task: merging the candidates that record the same task twice.

Minutes record a task in several places: a narrative sentence and its ACTION line, the body and a
closing action table, MeetBot's three listings. The explicit record wins, its twins are kept as
`also` provenance, and a deadline or owner only a twin states is not lost.
"""
from __future__ import annotations

import re

from extractor.nlp.candidates import RANK, Candidate
from extractor.nlp.owners import GROUPS, ROLE_HEADS
from extractor.nlp.textutil import content_words, overlap, squash
from models.document import Block


def _owner_keys(c: Candidate) -> set[str]:
    """Owners to compare records by; every collective owner ("All", "Governors", "The Board") is one key."""
    return {"(everyone)" if o.lower().removeprefix("the ").split()[-1:] and
            o.lower().removeprefix("the ").split()[-1] in GROUPS else o for o in c.owners}


def _same_owner(a: Candidate, b: Candidate) -> bool:
    return bool(_owner_keys(a) & _owner_keys(b)) or not a.owners or not b.owners


def _similarity(a: Candidate, b: Candidate) -> float:
    return max(overlap(a.text, b.text), overlap(a.source_text, b.source_text))


# words of deadlines, which say nothing of what the task is
_DATE_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
               "dec", "week", "weeks", "month", "months", "end", "asap", "monday", "tuesday", "wednesday",
               "thursday", "friday", "saturday", "sunday", "w", "c"}
_GENERIC_STEMS = {"meeti", "next", "agend", "item", "commi", "gover", "board", "counc", "minut", "repor"}


def _same_task_words(a: Candidate, b: Candidate) -> bool:
    """Whether two records of one agenda item share enough of the task's own words to be one task:
    two telling words, or a fifth of the shorter task's (owners' names and roles left out, words cut
    to a five-letter stem so that "communication" meets "Communications")."""
    sa, sb = _task_stems(a, b)
    if not sa or not sb:
        return False
    shared = sa & sb
    return len(shared - _GENERIC_STEMS) >= 2 or len(shared) / min(len(sa), len(sb)) >= 0.2


def _task_stems(a: Candidate, b: Candidate) -> tuple[set[str], set[str]]:
    names = {w for c in (a, b) for o in c.owners + [c.owner_text or ""] for w in content_words(o)} | ROLE_HEADS

    def stems(c: Candidate) -> set[str]:
        return {w[:5] for w in content_words(c.text) - names - _DATE_WORDS if not any(ch.isdigit() for ch in w)}

    return stems(a), stems(b)


def _telling_words_shared(a: Candidate, b: Candidate) -> bool:
    sa, sb = (x - _GENERIC_STEMS for x in _task_stems(a, b))
    if not sa or not sb:
        return False
    shared = len(sa & sb)
    return shared >= 2 or shared / min(len(sa), len(sb)) >= 0.5


def _task_overlap(a: Candidate, b: Candidate) -> float:
    sa, sb = _task_stems(a, b)
    return len(sa & sb) / min(len(sa), len(sb)) if sa and sb else 0.0


def _asked_then_resolved(a: Candidate, b: Candidate) -> bool:
    """"CC asked PW to seek feedback from them." then "RESOLVED: 1) PW to update with the Parishioners…":
    the resolution words the request of the paragraph just above it afresh, for the same one doer."""
    res, req = (a, b) if a.resolution else (b, a)
    return not req.resolution and req.block < res.block and req.rule == "action.narrative.to" \
        and re.search(r"\b(?:asked|requested|instructed|tasked)\s+(?:the\s+)?" + re.escape(req.owner_text or "~")
                      + r"\s+to\b", req.source_text) is not None and set(req.owners) == set(res.owners)


def _duplicate(keep: Candidate, other: Candidate, blocks: list[Block]) -> bool:
    sim = _similarity(keep, other)
    same_text = squash(keep.text).lower().rstrip(".") == squash(other.text).lower().rstrip(".")
    if keep.row_key is not None and keep.row_key == other.row_key and _same_owner(keep, other):
        # one row's narrative and its Action-column marker are one task; two markers beside two sentences are two
        return same_text if keep.kind == other.kind == "column" else True
    if keep.kind == "table" and other.kind == "table":
        return same_text and _same_owner(keep, other)  # the rows of an action table are distinct tasks
    if keep.item is not None and other.item is not None and keep.kind == "table":
        # the summary table's row for the item whose minutes recorded it; a neighbouring item's row only on
        # telling words, as summary tables misnumber ("38/1920 Minutes to website" for item 39)
        if keep.owners and other.owners and not _same_owner(keep, other) and abs(keep.item - other.item) <= 2 \
                and all(re.search(r"\b" + re.escape(o) + r"\b", keep.text) for o in other.owners):
            # "Chris Winfield volunteered to join the meeting" under the Clerk's row "Notify the chair that
            # Chris Winfield will be joining the … meeting": the row is about the body record's doer
            sa, sb = ({w[:4] for w in x - _GENERIC_STEMS} for x in _task_stems(keep, other))
            return bool(sa and sb) and len(sa & sb) / min(len(sa), len(sb)) >= 0.3
        if not keep.owners or not _same_owner(keep, other):
            return False
        if keep.item == other.item:
            return _same_task_words(keep, other)
        return abs(keep.item - other.item) <= 2 and _telling_words_shared(keep, other)
    if keep.explicit and other.explicit and keep.kind in ("marker", "list") and other.kind in ("marker", "list"):
        # the same ACTION line twice in the body is two tasks (different items); in a summary list it is one
        return same_text and (keep.in_action_list or other.in_action_list) and keep.owners == other.owners
    if not other.explicit and not keep.explicit:
        # two commitments by one person are two tasks unless the task's own words are the same and close
        # by: "Clerk to send a letter…" under four agenda items is four letters
        near = abs(keep.block - other.block) <= 2
        if near and (keep.resolution or other.resolution) and keep.owners and _same_owner(keep, other):
            # "The Locum Clerk agreed to pass onto the Handyman…" restated as "RESOLVED: Locum Clerk to report to
            # the Handyman…"
            sa, sb = _task_stems(keep, other)
            return same_text or len(sa & sb) >= 2 and _task_overlap(keep, other) >= 0.3 or _asked_then_resolved(keep, other)
        sa, sb = _task_stems(keep, other)
        return near and (same_text or _task_overlap(keep, other) >= 0.6 and min(len(sa), len(sb)) >= 2) \
            and _same_owner(keep, other)
    if not other.explicit or not keep.explicit:
        near = abs(keep.block - other.block) <= 2
        if _same_owner(keep, other) and keep.owners and other.owners and (
                near and _task_overlap(keep, other) >= 0.2 or _task_overlap(keep, other) >= 0.5):
            return True
        if near and sim >= 0.6:
            return True
        if keep.owners and set(keep.owners) == set(other.owners) and near and keep.block != other.block \
                and other.kind == "narrative" and keep.kind == "marker" and other.block < keep.block:
            return True  # "KH agreed to check back…" then "ACTION KH to advise…"
        summary, narrative = (keep, other) if keep.explicit else (other, keep)
        if summary.in_action_list and narrative.kind == "narrative" and narrative.block < summary.block \
                and summary.owners and set(summary.owners) == set(narrative.owners) and sim >= 0.2:
            return True  # "PB agreed to lead this at the next Board meeting" restated under ACTION POINTS
        return False
    # table row vs body marker / action column; an owner set beside a paragraph records a task of that paragraph
    if "action.margin" in (keep.rule, other.rule) and keep.block != other.block:
        return False
    return _same_owner(keep, other) and sim >= 0.45


def merge(cands: list[Candidate], blocks: list[Block]) -> list[Candidate]:
    order = sorted(range(len(cands)), key=lambda k: (not cands[k].explicit, RANK[cands[k].kind],
                                                     not cands[k].assigned, not cands[k].resolution, k))
    kept: list[Candidate] = []
    for k in order:
        c = cands[k]
        twins = [other for other in kept if _duplicate(other, c, blocks)]
        if twins:
            other = max(twins, key=lambda o: _similarity(o, c))
            other.also.append(c.provenance)
            other.twins.append(c)
            if not other.owners and c.owners or (other.kind == c.kind == "table" and set(c.owners) > set(other.owners)):
                other.owners, other.owner_text = c.owners, c.owner_text  # a later action table naming more owners
        else:
            kept.append(c)
    kept.sort(key=lambda c: (c.block, c.provenance.row or 0, c.provenance.line or 0))
    return kept
