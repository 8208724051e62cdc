"""The whole pipeline on one document: a rule component's failure, a template's empty tables."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from extractor import pipeline

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_a_failing_component_costs_its_records_not_the_document(monkeypatch):
    def broken(*args):
        raise ValueError("max() arg is an empty sequence")

    monkeypatch.delenv(pipeline.STRICT_ENV, raising=False)
    monkeypatch.setattr(pipeline, "extract_decisions", broken)
    out = pipeline.extract(CORPUS / "norfolk-dip-strategy-group-2009-06-03.md")
    assert out.decisions == []
    assert len(out.actions) >= 5 and out.meeting.date == "2009-06-03"
    assert out.warnings == ["decisions not extracted: internal error ValueError: max() arg is an empty sequence"]


def test_running_out_of_memory_is_not_a_warning(monkeypatch):
    def greedy(*args):
        raise MemoryError()

    monkeypatch.delenv(pipeline.STRICT_ENV, raising=False)
    monkeypatch.setattr(pipeline, "extract_decisions", greedy)
    with pytest.raises(MemoryError):
        pipeline.extract(CORPUS / "norfolk-dip-strategy-group-2009-06-03.md")


def test_empty_action_table_of_a_template(tmp_path):
    """A first meeting's "Actions from previous meetings" table has its header and blank rows only."""
    d = docx.Document()
    d.add_paragraph("Meeting Minutes – Project Team 7, 19/04/2021")
    d.add_paragraph("Actions from previous meetings")
    empty = d.add_table(rows=4, cols=3)
    for cell, text in zip(empty.rows[0].cells, ["Task", "Who is responsible", "Deadline"]):
        cell.text = text
    d.add_paragraph("New actions")
    new = d.add_table(rows=3, cols=3)
    rows = [["Task", "Who is responsible", "Deadline"], ["Twitter Search Script", "Wei, Yuqi", "25/04"],
            ["CouchDB", "Zihao Y", "25/04"]]
    for row, texts in zip(new.rows, rows):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    path = tmp_path / "minutes.docx"
    d.save(path)
    out = pipeline.extract(path)
    assert [(a.text, a.owner_text, a.due) for a in out.actions] == [
        ("Twitter Search Script", "Wei, Yuqi", "2021-04-25"), ("CouchDB", "Zihao Y", "2021-04-25")]
