"""Markers of decisions read sentence by sentence: "RESOLVED: …", "It was agreed that …", "The Board
approved …", an outcome ("AGREED", "Approved.") standing for the matter before it, lists of decisions."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractor.nlp.engine import parse
from extractor.nlp.textutil import STOPWORDS, squash, words
from extractor.nlp.decisions.cues import _adjective, _attribution, _delegated, _headed, _joined, _undone
from extractor.nlp.decisions.lexicon import (
    _ADJOURN, _ANAPHORA, _APOLOGIES, _BARE, _CONCESSIVE, _CONNECTIVES, _CONSENSUS, _ELSEWHERE, _EMPTY,
    _EMPTY_LIST, _FINITE, _FOLLOWING, _GENERIC, _INTRO_FILLER, _INTRO_ONLY, _ITEM_START, _MODALS, _MUST,
    _NAMED_BODY, _NEGATIVE_ITEM, _NOT_INFINITIVE, _OPINION, _OWN_BODY_WORDS, _PASSIVE_VOTE, _PROCEDURAL,
    _PRONOUNS, _PROPOSED_SECONDED, _PROPOSER, _PROPOSITION, _QUESTION, _RECORD, _ROLE_NAME, _SECONDER,
    _SECONDING, _SIGNATURE, _SUBJECT_WORDS, _TRAILING_LABEL, _OPENING, _VOTE_RECORD, _APPLICATION,
)
from extractor.nlp.decisions.motions import _Motions
from extractor.nlp.decisions.units import (
    _Found, _Unit, _clean, _heading_words_covered, _lead, _line_spans, _sentences,
)


class _Reader(_Motions):
    def __init__(self) -> None:
        self.out: list[_Found] = []
        self.history: list[_Unit] = []  # blocks of the current section, for outcomes standing for a matter above
        self.awaiting: _Found | None = None  # "Next meetings agreed:" waiting for the lines below it
        self.title: list[tuple[int, str]] = []  # the document's opening blocks, which name the body meeting

    # ---- helpers over one unit -------------------------------------------------------------
    @staticmethod
    def _spans(unit: _Unit) -> list[Span]:
        return sorted(unit.doc.spans.get("decisions", []), key=lambda s: (s.start_char, -(s.end_char - s.start_char)))

    def _emit(self, unit: _Unit, text: str, source: str, rule: str, offset: int) -> bool:
        text = _clean(text)
        source = re.sub(r"^[•●▪◦*\uf0b7\s-]+", "", _PROPOSER.sub(" ", squash(source))).strip()
        source = _TRAILING_LABEL.sub("", source)
        if not self._acceptable(text, source):
            return False
        self.out.append(_Found(text=text, source=source or text, rule=rule, unit=unit, offset=offset,
                               summary=unit.listed))
        unit.produced = True
        return True

    @staticmethod
    def _acceptable(text: str, source: str) -> bool:
        if not text or _EMPTY.match(text) or len(words(text)) < 3:
            return False
        if _QUESTION.search(text) or _ADJOURN.search(text):
            return False
        if _PROCEDURAL.match(text) and not _RECORD.search(text + " " + source) and not _VOTE_RECORD.search(source):
            return False  # "Minutes approved." is procedure; "Minutes … approved 8-0", moved and seconded, is recorded
        if _OPENING.search(text):
            return False
        if _APPLICATION.match(text):
            return False  # the planning authority's decision on an application, reported
        if _SIGNATURE.match(text) or _APOLOGIES.search(text):
            return False
        if _INTRO_ONLY.search(text) or _OPINION.search(text + " " + source):
            return False
        if _delegated(text):
            return False
        # a decision needs some content beyond the outcome words: "DECISION: meeting dates approved." has none
        return len([w for w in words(text + " " + source) if w not in _GENERIC and len(w) > 1]) >= 2

    @staticmethod
    def _context(text: str, sents: list[tuple[int, int]], k: int) -> str:
        """Words just before sentence k that title it: an item heading ("c. Approval of the SIP.") or an
        agenda proposition ("4) To approve the works related to the Fire Risk Assessment.")."""
        if k == 0:
            return ""
        ps, pe = sents[k - 1]
        prev = text[ps:pe]
        if _ITEM_START.match(prev) and len(prev.split()) <= 10:
            return prev
        if _ITEM_START.match(prev) and _PROPOSITION.match(_clean(prev)):
            return prev
        head, _, last = prev.rstrip().rpartition("\n")
        wrapped = not head or head.split()[-1].lower().strip(",") in STOPWORDS
        if not wrapped and 1 < len(last.split()) <= 6 and last[:1].isupper() and "," not in last:
            return last
        return ""

    @staticmethod
    def _matter(text: str, sents: list[tuple[int, int]], k: int) -> tuple[int, int]:
        """The matter an outcome in sentence k stands for: the sentence before it, or the whole item from its
        agenda proposition ("2) To approve the financial benchmarking … Agreed.")."""
        ps, pe = sents[k - 1]
        for j in range(k - 1, max(-1, k - 4), -1):
            js, _ = sents[j]
            if _ITEM_START.match(text[js:]):
                if _PROPOSITION.match(text[_lead(text, js):]):
                    return js, pe
                break
        return ps, pe

    @staticmethod
    def _statement_only(doc: Doc, span: Span, end_char: int) -> bool:
        """ "Governors agreed that they had read the documents": agreement with a statement, no course of action."""
        if span[-1].lower_ == "that" and len(span) > 1:
            verb, clause_start = span[-2], span.end
        elif span.end < len(doc) and doc[span.end].lower_ == "that":
            verb, clause_start = span[-1], span.end + 1
        else:
            return False
        if verb.lower_ not in ("agreed", "agree", "agrees", "concluded"):
            return False
        clause = [t for t in doc[clause_start:] if t.idx < end_char]
        if not clause:
            return False
        if clause[0].lower_ in _CONCESSIVE:
            return True
        for i, t in enumerate(clause):
            low = t.lower_
            if low in _MODALS:
                return False
            if low == "to" and i + 1 < len(clause) and i > 0 and clause[i - 1].lower_ not in _MUST:
                nxt = clause[i + 1]
                if nxt.is_alpha and nxt.lower_ not in _NOT_INFINITIVE and not nxt.text[:1].isupper():
                    return False
            if low in ("was", "were", "is", "are", "been") and i + 1 < len(clause):
                nxt = clause[i + 2] if clause[i + 1].lower_ in ("now", "then", "also", "duly", "all") \
                    and i + 2 < len(clause) else clause[i + 1]
                if re.search(r"(?:ed|sed|zed|en)$", nxt.lower_):
                    return False
        # a statement has a finite verb of state or of the past: "they had read", "he is very proactive",
        # "it needed to purchase"; "that the Clerk write to the council" (a subjunctive) is a course of action
        for i, t in enumerate(clause):
            if t.lower_ in _FINITE:
                return True
            if i > 0 and t.is_lower and t.lower_.endswith("ed") \
                    and (clause[i - 1].is_alpha and not clause[i - 1].is_lower or clause[i - 1].lower_ in _PRONOUNS):
                return True
        return False

    @staticmethod
    def _clause_start(doc: Doc, span: Span, lead: int) -> int:
        """Where the clause of an active decision starts: "This was discussed and the Parish Council decided…"
        → "the Parish Council decided…"; the sentence start when no connective comes before the subject."""
        i = span.start
        while i > 0 and doc[i - 1].idx >= lead and (doc[i - 1].lower_ in _SUBJECT_WORDS or
                                                    (doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha
                                                     and doc[i - 1].idx > lead)):
            i -= 1
        if i > 0 and doc[i - 1].idx >= lead and doc[i - 1].lower_ in _CONNECTIVES:
            return doc[i].idx
        return lead

    # ---- one unit ---------------------------------------------------------------------------
    def read(self, unit: _Unit) -> None:
        text, doc = unit.text, unit.doc
        sents = [(s, e) for s, e in (_line_spans(text) if unit.listed and unit.cell is not None else _sentences(text))]
        if not sents:
            return
        unit.last_sentence = sents[-1]
        spans = self._spans(unit)
        blocks = [s for s in spans if s.label_ == "BLOCK"]

        def live(label: str, s: int, e: int) -> list[Span]:
            return [sp for sp in spans if sp.label_ == label and s <= sp.start_char < e
                    and not any(b.start < sp.end and sp.start < b.end for b in blocks)]

        decided: set[int] = set()  # sentences that hold a decision
        used: set[int] = set()  # sentences read (as a decision, its matter, or rejected)
        intros: list[tuple[int, str]] = []  # generic "The following were agreed:" sentences, with their verb
        if self.awaiting is not None:
            found, self.awaiting = self.awaiting, None
            if not spans or not live("DECISION", 0, len(text)):
                lines = [squash(x) for x in text.split("\n") if x.strip()]
                found.text = squash(found.text.rstrip(" :") + ": " + ", ".join(lines))
                found.source = squash(found.source + " " + "; ".join(lines))
                if self._emit(found.unit, found.text, found.source, found.rule, found.offset):
                    unit.produced = True
                return
        for k, (s, e) in enumerate(sents):
            if k in used:
                continue
            lead = _lead(text, s)
            sent = text[s:e]
            body_words = words(text[lead:e])
            if not body_words:
                continue
            if _SECONDING.match(text[lead:e].strip()):
                used.add(k)
                if self._seconded(unit, sents, k, decided, used):
                    decided.add(k)
                continue
            dec, outs, mots = live("DECISION", s, e), live("OUTCOME", s, e), live("MOTION", s, e)
            dec = [sp for sp in dec if not _undone(doc, text, sp, lead)]
            outs = [sp for sp in outs if not _undone(doc, text, sp, lead)]
            mots = [sp for sp in mots if sp[0].lower_ == "it" or sp.start == 0
                    or doc[sp.start - 1].lower_ not in ("was", "were", "be", "been", "being", "is", "are")]
            any_marker = [sp for sp in spans if sp.label_ in ("DECISION", "OUTCOME", "MOTION") and s <= sp.start_char < e]
            voted = self._votes(unit, sents, k, bool(any_marker), decided)
            if voted is not None:
                used.add(k)
                if voted:
                    decided.add(k)
                continue
            if not any_marker and _CONSENSUS.match(text[lead:e]):
                used.add(k)
                if self._emit(unit, text[lead:e], sent, "decision.agreed", lead):
                    decided.add(k)
                continue
            if not any_marker and (_PASSIVE_VOTE.search(sent) or _PROPOSED_SECONDED.search(sent)):
                used.add(k)
                m = _PROPOSED_SECONDED.search(sent)
                body = text[s + m.end():e] if m else text[lead:e]
                if self._emit(unit, body, sent, "decision.motion", s + m.end() if m else lead):
                    decided.add(k)
                continue
            if any_marker and not (dec or outs or mots):
                used.add(k)  # every marker undone: "Date to be agreed", "previously agreed"
                continue
            if _QUESTION.search(sent.strip()):
                continue
            if len(dec) > 1:
                # of overlapping markers, the one that introduces the decision's clause: "… and unanimously
                # agreed that the minutes …" is read from "agreed that"
                first = [d for d in dec if d.start < dec[0].end]
                clause = [d for d in first if d[-1].lower_ == "that"] or \
                    [d for d in first if d.end < len(doc) and doc[d.end].lower_ == "that"]
                if clause and clause[0] is not dec[0]:
                    dec = clause[:1] + [d for d in dec if d is not clause[0]]
            if dec and dec[0].id_ in ("decision.resolved", "decision.marker") and dec[0].start_char == lead \
                    and _headed(dec[0]):
                # "RESOLVED: That …", "DECISION: …", "Conclusion: …"
                if self._decision(unit, sents, k, dec[0], used, decided, intros):
                    decided.add(k)
                used.add(k)
                continue
            at_start = [sp for sp in outs if sp.start_char == lead and not _adjective(doc, sp)]
            dashed = [sp for sp in outs if sp.text[:1] in "-–—"]
            if at_start and dec and dec[0].start_char >= at_start[0].start_char and (
                    len(at_start[0]) == 1 or at_start[0][0].lower_ in _ANAPHORA):
                dec = []  # "This was all decided …", "AGREED that …": the outcome leads
            if mots and dec and mots[0].start_char < dec[0].start_char and (
                    mots[0][-1].lower_ != "by" or _attribution(mots[0], sent)):
                # "Stefan moves that the TC agree that …": the motion holds the rest;
                # "Proposed by Cllr Smith seconded by Cllr Colenutt and unanimously approved.": the matter is above
                dec = []
            bare = (dec or outs) and all(w in _BARE or w.isdigit() for w in body_words)
            if bare:
                used.add(k)
                if self._bare(unit, sents, k, decided, (dec + outs)[0].id_ if not outs else outs[0].id_):
                    decided.add(k)
                continue
            if at_start and not dec:
                sp = at_start[0]
                nxt = doc[sp.end] if sp.end < len(doc) else None
                after = text[sp.end_char:e]
                anaphoric = sp[0].lower_ in _ANAPHORA
                if nxt is not None and nxt.lower_ in ("that", ":", "-", "–") and not anaphoric:
                    body = after.lstrip(" :-–").removeprefix("that ").removeprefix("That ")
                    if self._emit(unit, body, self._context(text, sents, k) + " " + sent, sp.id_, lead):
                        decided.add(k)
                    used.add(k)
                    continue
                if not anaphoric and nxt is not None and nxt.lower_ == "to" and len(words(after)) >= 6:
                    if self._emit(unit, text[lead:e], self._context(text, sents, k) + " " + sent, sp.id_, lead):
                        decided.add(k)
                    used.add(k)
                    continue
                used.add(k)
                if k > 0 and k - 1 in decided:
                    continue  # "… It was agreed that … This was agreed unanimously." says it once
                if k > 0 and k - 1 not in used:
                    ms, me = self._matter(text, sents, k)
                    for j, (a, b) in enumerate(sents):
                        if a >= ms and b <= me:
                            used.add(j)
                    if self._emit(unit, text[ms:e], text[ms:e], sp.id_, ms):
                        decided.add(k)
                elif self._emit(unit, text[lead:e], self._context(text, sents, k) + " " + sent, sp.id_, lead):
                    decided.add(k)
                continue
            if dec:
                if self._decision(unit, sents, k, dec[0], used, decided, intros):
                    decided.add(k)
                used.add(k)
                continue
            if mots:
                used.add(k)
                self._motion(unit, sents, k, mots[0], used, decided)
                continue
            if dashed:
                used.add(k)
                if self._emit(unit, text[lead:e], sent, dashed[0].id_, lead):
                    decided.add(k)
                continue
        # generic "The following policies were agreed/ratified as shown:": the entries are the decisions
        for k0, verb in intros:
            for k in range(k0 + 1, len(sents)):
                s, e = sents[k]
                if not _ITEM_START.match(text[s:]):
                    break
                if k in used:
                    continue
                used.add(k)
                entry = text[s:e]
                if _NEGATIVE_ITEM.search(entry) or _EMPTY_LIST.match(entry):
                    continue
                if self._emit(unit, entry, entry, "decision.list", s):
                    decided.add(k)
        # an entry of a list of decisions ("Decisions made:" column or section) with no marker of its own
        if unit.listed:
            for k, (s, e) in enumerate(sents):
                if k in used:
                    continue
                line = text[s:e]
                if line.strip().endswith(":") or _heading_words_covered(line, parse([line])[0], ("HEADING",)):
                    continue
                if self._emit(unit, line, line, "decision.list", s):
                    decided.add(k)

    def _bare(self, unit: _Unit, sents, k: int, decided: set[int], rule: str) -> bool:
        """An outcome with no words of its own ("AGREED", "This was agreed.", "Unanimous consent.")."""
        text = unit.text
        s, e = sents[k]
        if k > 0:
            if k - 1 in decided:
                return False
            ms, me = self._matter(text, sents, k)
            return self._emit(unit, _joined(_SECONDER.sub("", text[ms:me]), text[s:e]), text[ms:e], rule, ms)
        if len(sents) > 1:
            # "Agreed and signed. Copy to Headteacher …": the outcome heads its cell; its line is the record
            return self._emit(unit, text[s:e], text[s:sents[k + 1][1]], rule, s)
        if unit.cell is not None:
            return False
        matter = self._matter_above(unit)
        if matter is None or matter.produced:
            return False
        if matter.pending is not None:
            found = matter.pending
            matter.pending = None
            ok = self._emit(matter, found.text, _joined(found.source, text), found.rule, found.offset)
        elif matter.last_sentence is not None:
            ms, me = matter.last_sentence
            ok = self._emit(matter, matter.text[ms:me], _joined(matter.text[ms:me], text), rule, ms)
        else:
            ok = False
        unit.produced = unit.produced or ok
        return ok

    def _matter_above(self, unit: _Unit) -> _Unit | None:
        """The block an outcome line stands under: the list item it is nested in, else the block before it."""
        if not self.history:
            return None
        level = unit.level
        if level is not None and level > 0:
            for prev in reversed(self.history):
                if prev.level is not None and prev.level < level:
                    return prev
                if prev.level is None:
                    return None
            return None
        return self.history[-1]

    def _decision(self, unit: _Unit, sents, k: int, sp: Span, used: set[int], decided: set[int],
                  intros: list[tuple[int, str]]) -> bool:
        text, doc = unit.text, unit.doc
        s, e = sents[k]
        lead = _lead(text, s)
        sent = text[s:e]
        context = self._context(text, sents, k)
        rule = sp.id_
        first = sp[0].lower_
        if rule in ("decision.resolved", "decision.marker") and _headed(sp):
            before = text[lead:sp.start_char]
            if sp.start_char > lead and re.search(r"(?i)\baction", before):
                return False  # "Actions agreed:" heads a list of actions
            body = text[sp.end_char:e].strip()
            if not body:
                if k + 1 < len(sents):
                    ns, ne = sents[k + 1]
                    used.add(k + 1)
                    return self._emit(unit, text[ns:ne], context + " " + text[s:ne], rule, ns)
                if sp.start_char > lead or unit.cell is None:
                    self.awaiting = _Found(text=text[lead:e], source=sent, rule=rule, unit=unit, offset=lead)
                return False
            if any(x.label_ == "MOTION" for x in unit.doc.spans.get("decisions", []) if s <= x.start_char < e):
                body = _SECONDER.sub("", body)  # "DECISION: Michael moves that …, Paul seconds, no discussion"
            ok = self._emit(unit, body, context + " " + sent, rule, sp.end_char)
            if ok and rule == "decision.marker" and sp.start_char == lead:
                # "Conclusion: Go with simple majority… Ask for resignations after 3 months…": one a sentence
                for j in range(k + 1, len(sents)):
                    js, je = sents[j]
                    nxt = text[js:je]
                    if _ITEM_START.match(nxt) or re.search(r"(?i)\b(seconded|proposed|in favou?r|abstain)", nxt) \
                            or any(x.label_ in ("DECISION", "OUTCOME", "MOTION") and js <= x.start_char < je
                                   for x in unit.doc.spans.get("decisions", [])):
                        break
                    used.add(j)
                    if self._emit(unit, nxt, nxt, rule, js):
                        decided.add(j)
            return ok
        if rule in ("decision.resolved", "decision.marker"):
            rule = "decision.agreed"  # "Next meetings AGREED" read as a sentence
        if self._statement_only(doc, sp, e):
            return False
        if first in ("was", "were", "be") or rule in ("decision.approved", "decision.appointed", "decision.passed",
                                                      "decision.agenda"):
            if _ELSEWHERE.match(text[sp.end_char:e]):
                return False  # "… was approved by the DIP Management Board on 4 May 2006"
            start = lead
            colon = re.search(r":[ \t]*(?:\n|$)", text[sp.end_char:e])
            intro_end = sp.end_char + colon.end() if colon else e
            intro = text[lead:intro_end].rstrip()
            if _FOLLOWING.match(intro) and intro.endswith(":"):
                rest = text[intro_end:].strip()
                if _EMPTY_LIST.match(rest):
                    return False  # "The following policies were approved: a. There were no policies to be approved."
                filler = [w for w in words(intro) if w not in _INTRO_FILLER and w not in STOPWORDS]
                if not filler:
                    verb = sp[-1].lower_
                    if verb in ("elected", "appointed", "reappointed", "assigned", "allocated", "opted"):
                        found = False
                        for line in text[intro_end:e].split("\n"):
                            if not line.strip():
                                continue
                            if not _ROLE_NAME.match(line.strip()) or len(line.split()) > 10:
                                break
                            off = text.index(line, intro_end)
                            found |= self._emit(unit, line, intro + " " + line, "decision.list", off)
                        return found
                    intros.append((k, verb))
                    return False
            if colon:
                return self._emit(unit, intro, context + " " + intro, rule, start)
            for t in doc[:sp.start]:
                # "5. TO APPROVE THE MINUTES held 7th March 2017 The minutes were approved …": a title runs on
                if t.idx > lead and t.text in ("The", "A", "An") and 0 < t.i < sp.start \
                        and (doc[t.i - 1].is_alpha or doc[t.i - 1].like_num) and doc[t.i + 1].is_lower \
                        and doc[t.i + 1].lower_ not in ("was", "were", "is", "are", "be"):
                    start = t.idx
            return self._emit(unit, text[start:e], context + " " + sent, rule, start)
        if first in ("it", "unanimously", "and", "duly") or sp.start_char == lead and first in ("resolved", "decided"):
            tail = doc[sp.end].lower_ if sp.end < len(doc) else ""
            after = text[sp.end_char:e]
            if sp[-1].lower_ == "that" or tail == "that":
                body = after.strip()
                body = body[5:] if tail == "that" and body.lower().startswith("that ") else body
                if first == "it" and sp.start_char > lead:
                    start = self._clause_start(doc, sp, lead)
                    return self._emit(unit, body, context + " " + sent, rule, start)
                return self._emit(unit, body, context + " " + sent, rule, sp.end_char)
        start = self._clause_start(doc, sp, lead)
        if self._other_body(text[start:e], unit.block.index):
            return False
        return self._emit(unit, text[start:e], context + " " + sent, rule, start)

    def _other_body(self, clause: str, index: int) -> bool:
        """ "BCKLWN - Development Control Board resolved to object …" in the minutes of a parish council: a decision
        of a body named apart from the one meeting (its name is not in the document's title) is reported, not made."""
        m = _NAMED_BODY.match(clause)
        title = " ".join(t for i, t in self.title if i < index)
        if m is None or not title:
            return False
        own = {w.lower() for w in re.findall(r"[\w&'’-]+", title)} | _OWN_BODY_WORDS
        return any(w.lower() not in own for w in m.group(1).split())
