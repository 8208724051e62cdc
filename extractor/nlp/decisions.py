"""Decisions: "RESOLVED that…", "It was agreed…", "The Board agreed…", "DECISION:", kept apart from actions."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from extractor.nlp.engine import parse
from extractor.nlp.sections import SectionTracker
from extractor.nlp.textutil import sentence_spans, squash
from models.action import Decision
from models.document import Block, Document
from models.provenance import Provenance

_PROPOSER = re.compile(r"\s*\((?:[^()]*\b(?:proposed|seconded|in favour|abstain\w*|unanimous\w*)\b[^()]*)\)\s*\.?$",
                       re.IGNORECASE)
_EMPTY = re.compile(r"^\W*(none( noted)?|n/a|nil|no decisions?( made| taken)?)\W*$", re.IGNORECASE)
_PROCEDURAL = re.compile(r"^\W*(?:the\s+)?(?:agenda|minutes|meeting dates?|next meetings?)\b[^.]{0,60}?\b(?:was|were|is|are)?\s*"
                         r"(?:approved|agreed|accepted)\b(?!\s+as\s+(?:a|the)\s+(?:true|correct))", re.IGNORECASE)
_NEGATED = re.compile(r"\b(not agreed|no agreement|could not be agreed|was not approved)\b", re.IGNORECASE)


def _decision_texts(text: str, doc: Doc) -> list[tuple[int, str, str]]:
    """(offset, decision text, rule id) for each sentence holding a decision marker."""
    spans = sorted(doc.spans.get("decisions", []), key=lambda s: (s.start_char, -(s.end_char - s.start_char)))
    out: list[tuple[int, str, str]] = []
    sents = sentence_spans(text)
    used: set[int] = set()
    for span in spans:
        for k, (s, e) in enumerate(sents):
            if s <= span.start_char < e and k not in used:
                sent = text[s:e]
                rel = span.start_char - s
                # "RESOLVED: That …" / "DECISION: …": the decision is what follows the marker
                if span.id_ in ("decision.resolved", "decision.marker") and sent[:rel].strip(" *•-") == "":
                    body = sent[span.end_char - s:].strip(" :-–—*.")
                    if not body and k > 0 and span.text.isupper() and span.id_ == "decision.resolved":
                        ps, pe = sents[k - 1]  # "… could be circulated. AGREED"
                        body = squash(text[ps:pe] + " " + span.text)
                    elif not body and k + 1 < len(sents):
                        body = text[sents[k + 1][0]:sents[k + 1][1]]
                        used.add(k + 1)
                else:
                    body = sent
                body = _PROPOSER.sub("", squash(body)).strip(" •*-")
                if span.id_ == "decision.resolved" and span.text.isupper() and rel > 0 and len(sent[:rel].split()) <= 3 \
                        and k > 0 and len(body.split()) <= 3:
                    # "… asked if this could be circulated. AGREED": the matter agreed is the sentence before
                    ps, pe = sents[k - 1]
                    body = squash(text[ps:pe] + " " + body)
                procedural = (span.id_ != "decision.resolved" and _PROCEDURAL.match(body)
                              and not re.search(r"(?i)\b(?:true|correct|accurate)\s+record|\bsigned\b", body))
                if _EMPTY.match(body) or _NEGATED.search(body) or len(body.split()) < 3 or procedural:
                    used.add(k)
                    break
                out.append((s, body, span.id_))
                used.add(k)
                break
    return out


def extract_decisions(document: Document, parsed: list[Doc]) -> list[Decision]:
    tracker = SectionTracker()
    out: list[Decision] = []
    seen: set[str] = set()

    def add(block: Block, offset: int, text: str, rule: str, prov: Provenance, section) -> None:
        key = text.lower()
        if key in seen:
            return
        seen.add(key)
        out.append(Decision(text=text, source_text=text, section=section, rule=rule, provenance=prov))

    for i, block in enumerate(document.blocks):
        tracker.see(block, parsed[i])
        if block.kind == "heading":
            continue
        if block.kind == "table":
            for ri, row in enumerate(block.rows):
                for cell in row:
                    if len(cell.text.split()) < 2:
                        continue
                    doc = parse([cell.text])[0]
                    for off, text, rule in _decision_texts(cell.text, doc):
                        ln = max((x for x in cell.lines if x.start <= off), key=lambda x: x.start, default=None)
                        prov = Provenance(page=ln.page if ln else None, line=ln.line if ln else None,
                                          block=block.index, table=block.table, row=ri, cell=cell.col)
                        add(block, off, text, rule, prov, tracker.section)
            continue
        for off, text, rule in _decision_texts(block.text, parsed[i]):
            add(block, off, text, rule, block.provenance(off), tracker.section)
    return out
