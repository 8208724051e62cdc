"""Decision rules on real lines from the corpus, and lines that must NOT become decisions."""
from __future__ import annotations

import pytest

from extractor.nlp.decisions import extract_decisions
from extractor.nlp.engine import parse
from models.document import Block, Document, TextLine


def decisions_of(*paragraphs: str):
    blocks = [Block(index=i, text=t, lines=[TextLine(start=0, line=i + 1)]) for i, t in enumerate(paragraphs)]
    document = Document(path="t.md", sha256="0" * 64, format="md", blocks=blocks)
    return extract_decisions(document, parse(b.text for b in blocks))


DECISIONS = [
    pytest.param("RESOLVED: That Stuart Collins be co-opted to Stoke Ferry Parish Council. (Cllr Sue Lintern proposed, "
                 "Cllr Kit Hesketh-Harvey seconded, all were in favour).",
                 "That Stuart Collins be co-opted to Stoke Ferry Parish Council", id="resolved-that"),
    pytest.param("A resolution was passed to adopt this policy and a copy will be placed on the website.",
                 "A resolution was passed to adopt this policy", id="resolution-passed"),
    pytest.param("It was agreed that the Councillors would wait for these.",
                 "It was agreed that the Councillors would wait for these", id="it-was-agreed"),
    pytest.param("11. CPRE Housing Allocation Pledge This was discussed and the Parish Council decided to not sign the pledge.",
                 "the Parish Council decided to not sign the pledge", id="council-decided"),
    pytest.param("* DECISION: The TC will recharter to extend its scope", "The TC will recharter to extend its scope",
                 id="decision-marker"),
    pytest.param("3.1 TI tabled a form requesting for 'Friends' for the Town Park and asked if this could be circulated. AGREED",
                 "asked if this could be circulated", id="trailing-agreed"),
    pytest.param("The minutes were approved by all Councillors present and signed by the Chairman as a true record.",
                 "The minutes were approved by all Councillors present", id="minutes-approved"),
]


@pytest.mark.parametrize("line,quote", DECISIONS)
def test_decision_lines(line, quote):
    found = decisions_of(line)
    assert len(found) == 1, [d.text for d in found]
    assert quote in found[0].text
    assert "proposed" not in found[0].text


@pytest.mark.parametrize("line", [
    pytest.param("* DECISION: None noted", id="none-noted"),
    pytest.param("The Council had agreed to support the consultation.", id="not-a-marker-shape"),
    pytest.param("KH agreed to check back with colleagues and report to the Board.", id="commitment-not-decision"),
    pytest.param("Propose to keep stub for a year, then remove.", id="proposal"),
    pytest.param("Agenda was approved with the following changes:", id="procedural-agenda"),
    pytest.param("Minutes were approved as amended per 210930_SARIF_TC_45.txt", id="procedural-minutes"),
])
def test_lines_that_are_not_decisions(line):
    assert decisions_of(line) == []
