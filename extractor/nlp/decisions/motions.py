"""Motions and votes: a motion with its mover and seconder, carried by an outcome that follows it; a
vote line ("Prop JB, 2nd GK All agreed") standing for the proposal before it; mover and seconder named with the
matter ("Tony moved, Ian Stewart seconded that …", "… approved – J. Lee (motion), P. Shah (second)"); a count
("Minutes from 7/21/02 approved 8-0."); a vote's result under the vote ("VOTE FOR …:" / "Fails unanimously.")."""
from __future__ import annotations

import re

from spacy.tokens import Span

from extractor.nlp.textutil import words
from extractor.nlp.decisions.cues import _attribution, _committed, _joined, _own_clause
from extractor.nlp.decisions.lexicon import (
    _FAILED, _MOTION_OUTCOME, _MOVED_SECONDED, _PAREN_VOTE, _PROPOSED, _PROP_ONLY, _QUESTION, _SECONDED_THAT,
    _SECONDER, _TALLIED, _TALLY_ONLY_MATTER, _TASK, _VERBISH, _VOTE_HEADING, _VOTE_RESULT,
)
from extractor.nlp.decisions.units import _Found, _Unit, _lead


# "APPROVED –", "Carried:" heading the matter of a motion
_OUTCOME_HEAD = re.compile(r"(?i)^(?:approved|agreed|adopted|carried|passed|ratified|resolved)\s*[:–—-]\s*")
# after a motion: words that say it did not pass
_DEFEATED = re.compile(r"(?i)^\W*(?:(?:the\s+)?(?:motion|vote|proposal)\s+)?(?:was\s+)?(?:defeated|lost|fail(?:s|ed)|"
                       r"not\s+carried|rejected|withdrawn)\b")


class _Motions:
    """Motion and vote reading for `_Reader` (its `_emit`, `_bare`, `_matter_above` and `out`)."""

    def _votes(self, unit: _Unit, sents, k: int, marked: bool, decided: set[int]) -> bool | None:
        """Sentence k read as a motion with its mover and seconder, a count or a vote's result; None when it is
        none of these (the marker rules read it), else whether it recorded a decision."""
        text = unit.text
        s, e = sents[k]
        lead = _lead(text, s)
        sent = text[lead:e].strip()
        m = _MOVED_SECONDED.match(sent)
        if m:
            if k + 1 < len(sents) and _DEFEATED.match(text[sents[k + 1][0]:sents[k + 1][1]]):
                return False
            if m.group("matter"):
                return self._emit(unit, m.group("matter"), sent, "decision.motion", lead + m.start("matter"))
            return self._matter_voted(unit, sents, k, decided, "decision.motion")
        if _PAREN_VOTE.search(sent):
            head = _OUTCOME_HEAD.match(sent)  # "APPROVED – Revised budget – B. Munro (motion), …"
            return self._emit(unit, sent[head.end():] if head else sent, sent, "decision.motion",
                              lead + (head.end() if head else 0))
        if marked:
            return None
        m = _TALLIED.match(sent)
        if m and not _TALLY_ONLY_MATTER.match(m.group("matter").strip(" :-–—")):
            return self._emit(unit, sent, sent, "decision.vote", lead)
        m = _VOTE_RESULT.match(sent)
        if m:
            if m.group("out").lower() in _FAILED:
                matter = self._matter_text(unit, sents, k)
                if matter is None or not _VOTE_HEADING.match(matter):
                    self._retract_motion(unit, k)
                    return False  # a motion that failed decides nothing; a vote held and lost is recorded
            return self._bare(unit, sents, k, decided, "decision.vote")
        return None

    def _retract_motion(self, unit: _Unit, k: int) -> None:
        """ "Anna moved, Ben seconded that dues rise to $30." then "The motion was defeated.": the motion read as a
        decision just before did not pass."""
        if not self.out or self.out[-1].rule != "decision.motion":
            return
        last = self.out[-1]
        if last.unit is unit and k > 0 or k == 0 and self.history and last.unit is self.history[-1]:
            self.out.pop()

    def _matter_text(self, unit: _Unit, sents, k: int) -> str | None:
        """The words a result line stands for: the sentence before it, else the last sentence of the block above."""
        if k > 0:
            ps, pe = sents[k - 1]
            return unit.text[ps:pe]
        above = self._matter_above(unit)
        if above is None or above.last_sentence is None:
            return None
        ms, me = above.last_sentence
        return above.text[_lead(above.text, ms):me]

    def _matter_voted(self, unit: _Unit, sents, k: int, decided: set[int], rule: str) -> bool:
        """ "1. Minutes of previous meeting / 1. SM Moves, BR seconds": a mover and seconder with no matter of their
        own stand for the sentence before, else for the item they are nested in."""
        text = unit.text
        s, e = sents[k]
        if k > 0:
            if k - 1 in decided:
                return False
            ps, pe = sents[k - 1]
            matter = text[_lead(text, ps):pe]
            if not self._proposal(matter):
                return False
            return self._emit(unit, matter, text[ps:e], rule, _lead(text, ps))
        if len(sents) > 1 or unit.cell is not None:
            return False
        above = self._matter_above(unit)
        if above is None or above.produced or above.last_sentence is None:
            return False
        ms, me = above.last_sentence
        matter = above.text[_lead(above.text, ms):me]
        if not self._proposal(matter):
            return False
        ok = self._emit(above, matter, _joined(above.text[ms:me], text[s:e]), rule, _lead(above.text, ms))
        unit.produced = unit.produced or ok
        return ok

    def _seconded(self, unit: _Unit, sents, k: int, decided: set[int], used: set[int]) -> bool:
        """ "Additional hours will be funded for this. Prop JB, 2nd GK All agreed.": the vote stands for the proposal
        stated just before ("It was proposed to …"), else for the sentence before, unless that is already a decision,
        was read otherwise, gives someone a task or is a list of figures."""
        text = unit.text
        s, e = sents[k]
        before = [j for j in range(k - 1, -1, -1) if not _PROP_ONLY.match(text[sents[j][0]:sents[j][1]])]
        if not before:
            if k > 0 or len(sents) > 1 or unit.cell is not None:
                return False
            above = self._matter_above(unit)
            if above is None or above.produced or above.pending is not None or above.last_sentence is None:
                return False
            ms, me = above.last_sentence
            matter = above.text[_lead(above.text, ms):me]
            if not self._proposal(matter):
                return False
            ok = self._emit(above, matter, _joined(above.text[ms:me], text[s:e]), "decision.outcome", _lead(above.text, ms))
            unit.produced = unit.produced or ok
            return ok
        j = next((i for i in before[:3] if _PROPOSED.search(text[sents[i][0]:sents[i][1]])), before[0])
        if j in decided or j in used or any(i in decided for i in range(j + 1, k)):
            return False
        js, je = sents[j]
        matter = text[_lead(text, js):je]
        if not self._proposal(matter):
            return False
        used.add(j)
        return self._emit(unit, matter, text[js:e], "decision.outcome", _lead(text, js))

    @staticmethod
    def _proposal(matter: str) -> bool:
        """A sentence a vote can stand for: not a task for someone ("Clerk to update …"), a question or figures."""
        if _TASK.match(matter) or _QUESTION.search(matter.strip()):
            return False
        figures = re.findall(r"[£$€]\s?\d[\d,.]*|\b\d{1,2}/\d{1,2}/\d{2,4}\b", matter)
        return len(figures) < 2 or bool(set(words(matter)) & _VERBISH)

    def _motion(self, unit: _Unit, sents, k: int, sp: Span, used: set[int], decided: set[int]) -> None:
        """ "Michael moves to promote Stefan to secretary, Paul seconds, no discussion, no objections, approved." """
        text = unit.text
        s, e = sents[k]
        lead = _lead(text, s)
        sent = text[lead:e]
        m = _SECONDED_THAT.search(sent)
        offset = lead
        if _attribution(sp, sent):
            # "Approval of Financial Forecast. Motion by X, second by Y.": the matter is the sentence before
            if k == 0 or k - 1 in decided:
                return
            ps, pe = sents[k - 1]
            matter, offset, s = _SECONDER.sub("", text[_lead(text, ps):pe]), _lead(text, ps), ps
            rest_start = sp.end_char
        elif m and sp.text.lower().endswith("by"):
            matter = sent[m.start(1):]
            rest_start = lead + m.start()
        else:
            matter = _SECONDER.sub("", sent)
            rest_start = lead + len(matter)
        if sp.text.lower().startswith("motion") and not sp.text.lower().endswith("by"):
            matter = re.sub(r"(?i)^motion\s*[:\-–]\s*", "", matter)
        outcome = next((o for o in _MOTION_OUTCOME.finditer(text, min(rest_start, len(text)))
                        if not _committed(text, o.start())), None)
        stop = len(text)
        for j in range(k + 1, len(sents)):
            js, je = sents[j]
            if any(x.label_ == "MOTION" and js <= x.start_char < je and not _attribution(x, text[js:je])
                   or x.label_ == "DECISION" and js <= x.start_char < je and _own_clause(unit.doc, x)
                   for x in unit.doc.spans.get("decisions", [])):
                stop = js
                break
        found = _Found(text=matter, source=text[s:e], rule=sp.id_, unit=unit, offset=offset)
        if outcome is not None and outcome.start() < stop:
            if self._emit(unit, found.text, text[s:min(stop, len(text))], sp.id_, offset):
                decided.add(k)
                for j in range(k + 1, len(sents)):
                    if sents[j][0] >= stop:
                        break
                    used.add(j)
        else:
            unit.pending = found
