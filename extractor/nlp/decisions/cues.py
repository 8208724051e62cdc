"""Judgements on one marker in its sentence: undone by the words around it, a task handed to one person, a
member's own commitment, a heading marker, an attribution of a motion."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractor.nlp.textutil import squash
from extractor.nlp.decisions.lexicon import (
    _ADVERBS, _ASIDE, _ASSENT, _COMMITMENT, _CONDITIONS, _CORRECTION, _DELEGATE, _EARLIER_MEETING, _ENDED,
    _MODALS, _OFFER_TAKEN, _SECONDED_THAT, _SUM, _VIEW,
)


def _undone(doc: Doc, text: str, sp: Span, lead: int) -> bool:
    """A marker the words around it undo: a condition ("… if wooden gates were approved"), a view ("it was important
    that a new correspondent be appointed"), a modal ("how many hours
    should be allocated", "will now be passed to Highways"), an earlier meeting ("at a previous meeting the Parish
    Council approved …"), a correction of the minutes ("… should read; The Board agreed …"), agreement with what
    someone said ("… to which everyone agreed"), an aside ("(Note from SP: the conclusion was …"), a title
    ("Football Club Agreement:") or a meeting ending ("concluded at 9.10 pm")."""
    before = [t for t in doc[:sp.start] if t.idx >= lead]
    if sp[0].lower_ != "it":
        for t in reversed(before[-6:]):
            if t.text in (",", ";", ":", "(", ")", "-", "–", "—"):
                break
            if t.lower_ in _CONDITIONS:
                return True
    elif before and before[-1].lower_ in _CONDITIONS:
        return True  # "if it was decided to go ahead"; but "once the details were finalised it was AGREED to purchase"
    if sp[0].lower_ == "be" and before:
        prev = [t.lower_ for t in before[-2:]]
        if prev[-1] in _MODALS | {"to"} or len(prev) > 1 and prev[-1] in _ADVERBS and prev[-2] in _MODALS | {"to"}:
            return True
    head = text[lead:sp.start_char]
    if _EARLIER_MEETING.search(head) or _VIEW.search(head) or _CORRECTION.search(head) or _ASIDE.search(head):
        return True
    if sp.start_char > lead and sp[0].lower_ == "agreement":
        return True
    return bool(_ASSENT.search(head) or _ENDED.match(text[sp[-1].idx:]))


def _delegated(text: str) -> bool:
    """ "RESOLVED: Locum Clerk to report fly tipping …", "agreed that the Clerk would send a letter …": a resolution
    that only hands one person a task records an action; one that spends or charges a sum ("resolved that the Clerk
    should raise an invoice … at a total cost of £550") still decides.
    A member's offer taken up ("accepted Cllr Grant Tomkins offer to try and get plants …") is their task too."""
    return bool(_DELEGATE.match(text) or _OFFER_TAKEN.match(text)) and not _SUM.search(text)


def _committed(text: str, at: int) -> bool:
    """The "agreed" at `at` is one member taking a task on ("Cllr Trudy Mann agreed to cross check …")."""
    return any(m.end() > at >= m.start() for m in _COMMITMENT.finditer(text, max(0, at - 50), at + 12))


def _own_clause(doc: Doc, sp: Span) -> bool:
    """ "… it was agreed that the Chairman would ask …", "agreed to …": a marker opening a decision of its own, which
    ends the motion before it ("DS proposed that … After some discussion it was agreed that …") without carrying it."""
    nxt = doc[sp.end].lower_ if sp.end < len(doc) else ""
    return sp[-1].lower_ == "that" or nxt in ("that", "to")


def _attribution(sp: Span, sentence: str) -> bool:
    """ "Moved by Smith, seconded by Jones.", "Motion by X, second by Y": who moved, with no matter of its own."""
    return sp.text.lower().endswith(("by", "from")) and not _SECONDED_THAT.search(sentence) \
        and not re.search(r"(?i)\bby\b[^.;]*?\b(?:that|to)\s+(?:the\s+)?\w", sentence)


def _headed(sp: Span) -> bool:
    """ "RESOLVED:", "Decision –", "RESOLVED that", "#agreed": a marker heading the words of the decision."""
    return sp[0].text == "#" or sp[-1].lower_ not in ("agreed", "decided", "resolved")


def _joined(matter: str, outcome: str) -> str:
    matter = squash(matter)
    return matter + ("" if matter.endswith((".", ":", ";", "!")) else ".") + " " + squash(outcome)


def _adjective(doc: Doc, sp: Span) -> bool:
    """ "Approved Teleconferences (Tuesdays …)": a title-case outcome word used as an adjective of a name."""
    if sp.text.isupper() or len(sp) != 1 or sp.end >= len(doc):
        return False
    nxt = doc[sp.end]
    return nxt.is_alpha and nxt.text[:1].isupper()
