"""Decisions: resolutions and agreements the meeting made, kept apart from actions.

The markers are data (`patterns/decisions.jsonl`, spans under the key "decisions"); this module
reads each sentence around them:

- DECISION spans mark a sentence that records a decision. "RESOLVED: That…", "DECISION: …",
  "It was agreed that…": the decision is what follows the marker. "The Board agreed to…": the
  clause from the deciding body on. "The MOU was agreed": the sentence.
- OUTCOME spans stand for a matter stated before them: "… could be circulated. AGREED",
  "Protocol for Remote Working. This was agreed.", "a. Finance Policy – Approved", a
  "Unanimous consent." line under a motion. The matter is the sentence before (from an agenda
  proposition "To approve …" when the item opens with one), or the list item above.
- MOTION spans ("Stefan moves that…") make a decision only once an outcome follows them.
- HEADING spans title a list of decisions ("Decisions made:"): each entry is a decision.
- BLOCK spans undo a marker they overlap: "to be agreed", "previously approved", "not agreed".

Sentences that only agree with a statement ("Governors agreed that they had read the
documents"), reports of decisions taken elsewhere ("approved by the Board on 4 May 2006"),
questions and procedural approvals (agenda, apologies, minutes with no record) are not decisions.
A decision recorded twice (in the body and again in a summary of decisions) is output once.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from extractor.nlp.sections import SectionTracker
from models.action import Decision
from extractor.nlp.textutil import squash, words
from extractor.nlp.decisions.elections import election_list, election_text
from extractor.nlp.decisions.lexicon import _NOTES_HDR
from extractor.nlp.decisions.markers import _Reader
from extractor.nlp.decisions.tables import _action_table, _decision_columns, _restated, _similar
from extractor.nlp.decisions.units import _Unit, _heading_words_covered


def extract_decisions(document: Document, parsed: list[Doc]) -> list[Decision]:
    tracker = SectionTracker()
    reader = _Reader()
    reader.title = [(b.index, squash(b.text)) for b in document.blocks[:4]]
    in_list = items_only = False
    skip_cols: int | None = None  # column count of the action table being skipped (it may go on over pages)
    elected: set[int] = set()  # list items read as part of an election list
    for i, block in enumerate(document.blocks):
        tracker.see(block, parsed[i])
        doc = parsed[i]
        if i in elected:
            continue
        election = election_list(document.blocks, i) if block.kind in ("heading", "paragraph") else None
        if election is not None:
            heading, posts, items = election
            elected.update(items)
            unit = _Unit.of(block.text, block, tracker.section)
            reader._emit(unit, election_text(heading, posts), heading + " " + "; ".join(posts), "decision.elected", 0)
            reader.history = []
            continue
        if block.kind == "heading" or SectionTracker.is_label(block):
            text = squash(block.text)
            markers = [s for s in doc.spans.get("decisions", []) if s.label_ == "DECISION"
                       and s.id_ in ("decision.marker", "decision.resolved")]
            in_list = _heading_words_covered(text, doc, ("HEADING",)) or (
                bool(markers) and not squash(block.text[markers[0].end_char:]).strip(" :*")
                and _heading_words_covered(text, doc, ("DECISION",)))
            # under a heading the list runs to the next heading; under a label ("Decisions:") over its list items
            items_only = block.kind != "heading"
            reader.history = []
            reader.awaiting = None
            if block.kind == "heading":
                continue
            if in_list:
                continue
        if in_list and items_only and block.kind != "list_item":
            in_list = False
        if block.kind == "table":
            reader.awaiting = None
            ncols = max((len(r) for r in block.rows), default=0)
            if _action_table(block):
                skip_cols = ncols
                continue
            header = block.rows[0] if block.rows else []
            if skip_cols is not None and ncols == skip_cols and not any(
                    _NOTES_HDR.match(squash(c.text)) or re.match(r"(?i)^item\W*$", squash(c.text)) for c in header):
                continue
            skip_cols = None
            listed_cols = _decision_columns(block)
            for ri, row in enumerate(block.rows):
                for cell in row:
                    if len(cell.text.split()) < 2:
                        continue
                    listed = cell.col in listed_cols and ri > 0
                    unit = _Unit.of(cell.text, block, tracker.section, cell=cell, row=ri, listed=listed)
                    reader.read(unit)
            continue
        skip_cols = None
        unit = _Unit.of(block.text, block, tracker.section, listed=in_list and not tracker.in_action_list)
        reader.read(unit)
        reader.history.append(unit)

    # a summary of decisions restating the body is said once
    body = [f for f in reader.out if not f.summary]
    kept = [f for f in reader.out if not f.summary or not _similar(f, body)]
    kept = [f for i, f in enumerate(kept) if i + 1 >= len(kept) or not _restated(f, kept[i + 1])]
    out: list[Decision] = []
    seen: set[str] = set()
    for f in kept:
        key = " ".join(words(f.text if len(words(f.text)) >= 6 else f.text + " " + f.source))
        if key in seen:
            continue
        seen.add(key)
        out.append(Decision(text=f.text, source_text=f.source, section=f.unit.section, rule=f.rule,
                            provenance=f.unit.prov(f.offset)))
    return out
