"""Databases for the publishing tests, built through the store from corpus documents.

`minutebook_db` holds two corpus files whose extractions are written out by hand here
(the real sentences, pages and lines of the files), so the tests can expect exact rows
whatever the extraction rules currently find. `pipeline_db` holds corpus files run
through the real extraction pipeline, for checks that hold whatever it extracts.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.readers import file_sha256
from extractor.store.load import load_extraction
from extractor.store.schema import open_db
from models.action import Action, Decision
from models.extraction import DocumentInfo, Extraction, Section
from models.meeting import Attendee, Meeting
from models.provenance import Provenance

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
HALESWORTH = CORPUS / "halesworth-library-friends-trustees-2016-01-26.pdf"
NORTHWOLD = CORPUS / "northwold-pc-2017-04-04.md"
STUDENT = CORPUS / "student-project-team-minutes-2019-02-14.docx"
HALESWORTH_BODY = "Meeting of Trustees of The Friends of Halesworth County Library"
NORTHWOLD_BODY = "Northwold and Whittington Parish Council - Ordinary Meeting"
PIPELINE_FILES = ["northwold-pc-2017-04-04.md", "halesworth-library-friends-trustees-2016-01-26.pdf",
                  "student-project-team-minutes-2019-02-14.docx"]


def _at(page: int | None, line: int) -> Provenance:
    return Provenance(page=page, line=line)


def halesworth_extraction() -> Extraction:
    """Page 1, 2 and 3 actions and decisions of the Halesworth trustees' minutes."""
    people = [("Sheila Freeman", "SF", None), ("Alan Holzer", "AHol", "Chair"),
              ("Alison Hopkins", "AHop", None), ("Alison Britton", "AB", None),
              ("Mike Stephens", "MS", None), ("David Olds", "DO", None)]
    return Extraction(
        extractor_version="test",
        document=DocumentInfo(path=str(HALESWORTH), sha256=file_sha256(HALESWORTH), format="pdf", pages=3),
        meeting=Meeting(organisation="The Friends of Halesworth County Library", title=HALESWORTH_BODY,
                        date="2016-01-26", next_meeting_date="2016-03-15"),
        attendees=[Attendee(name=n, initials=i, role=r, provenance=_at(1, 3)) for n, i, r in people]
        + [Attendee(name="David Thomas", status="apologies", provenance=_at(1, 6))],
        actions=[
            Action(text="to be posted on the website and noticeboard", explicit=True,
                   owners=["Alison Hopkins", "Mike Stephens"], owner_text="AHop/MS",
                   source_text="2.1 The minutes were amended to delete an inaccuracy and then accepted as "
                               "a true and accurate record to be posted on the website and noticeboard.",
                   section="2 Minutes of the meeting held 9th December 2015", rule="action_line",
                   provenance=_at(1, 10)),
            Action(text="talk to both Barclays and Lloyds bank and see which would be the most "
                        "accommodating to arrange a transfer from HSBC", explicit=True,
                   owners=["Mike Stephens"], owner_text="MS",
                   source_text="6.3 MS stated that he would talk to both Barclays and Lloyds bank and see "
                               "which would be the most accommodating to arrange a transfer from HSBC.",
                   section="6 Finance Update", rule="action_line", provenance=_at(1, 33)),
            Action(text="ask the East Anglian Daily Times to do a feature on our charity status",
                   explicit=True, owners=["Mike Stephens", "Alison Hopkins"], owner_text="MS/AHop",
                   source_text="AGREED that we would publicise this by asking the East Anglian Daily Times "
                               "to do a feature on this and the library",
                   section="10 Raising Awareness of our charity status", rule="action_line",
                   provenance=_at(2, 26)),
            Action(text="purchase 2 planters for outside the library", explicit=True,
                   owners=["David Olds"], owner_text="DO", due="2016-03-15",
                   due_text="by the next meeting", due_basis="next_meeting",
                   source_text="13.1 DO had obtained costs for the provision of 2 planters for outside the "
                               "library. These would be 150cm long and cost approximately £200. AGREED to purchase.",
                   section="13 Planters for the Library", rule="action_line", provenance=_at(2, 35)),
        ],
        decisions=[
            Decision(text="AGREED to pay on the understanding we may not be able to meet this year on year",
                     source_text="6.2 We have had a request from Suffolk Libraries to pay for our share of "
                                 "wi-fi and for 2015/16 our share is £609.48. AGREED to pay on the "
                                 "understanding we may not be able to meet this year on year.",
                     section="6 Finance Update", rule="agreed", provenance=_at(1, 29)),
            Decision(text="AGREED to purchase the planters",
                     source_text="13.1 DO had obtained costs for the provision of 2 planters for outside the "
                                 "library. AGREED to purchase.",
                     section="13 Planters for the Library", rule="agreed", provenance=_at(2, 34)),
        ],
        sections=[Section(heading="13 Planters for the Library",
                          text="13.1 DO had obtained costs for the provision of 2 planters for outside the library.",
                          provenance=_at(2, 32))],
    )


def northwold_extraction() -> Extraction:
    """A Markdown document: provenance has lines but no pages."""
    return Extraction(
        extractor_version="test",
        document=DocumentInfo(path=str(NORTHWOLD), sha256=file_sha256(NORTHWOLD), format="md"),
        meeting=Meeting(organisation="Northwold and Whittington Parish Council", title=NORTHWOLD_BODY,
                        date="2017-04-04"),
        attendees=[Attendee(name="N Cooper", role="Clerk", status="in_attendance")],
        actions=[Action(text="put Glebe Close streetlamp on the May agenda", explicit=True, owners=["N Cooper"],
                        owner_text="Clerk", due="2017-05", due_text="on the May agenda", due_basis="month",
                        source_text="ACTIONS: Clerk to put Glebe Close streetlamp on the May agenda.",
                        rule="action_line", provenance=_at(None, 28))],
        decisions=[Decision(text="the contract was otherwise accepted",
                            source_text="The contract was otherwise accepted as per agreed at the March meeting",
                            section="12. GROUNDS MAINTENANCE", rule="accepted", provenance=_at(None, 68))],
    )


@pytest.fixture(scope="session")
def minutebook_db(tmp_path_factory) -> Path:
    """minutebook.db (served as /minutebook) with the two hand-written extractions."""
    path = tmp_path_factory.mktemp("publish") / "minutebook.db"
    db = open_db(path)
    load_extraction(db, halesworth_extraction(), path=HALESWORTH, imported_at="2024-05-01T09:30:00Z")
    load_extraction(db, northwold_extraction(), path=NORTHWOLD, imported_at="2024-05-01T09:30:01Z")
    db.close()
    return path


@pytest.fixture(scope="session")
def pipeline_db(tmp_path_factory) -> Path:
    """minutebook.db with corpus files run through the extraction pipeline."""
    path = tmp_path_factory.mktemp("publish-pipeline") / "minutebook.db"
    db = open_db(path)
    try:
        from extractor.pipeline import extract

        extractions = [(CORPUS / name, extract(CORPUS / name)) for name in PIPELINE_FILES]
    except ImportError as e:  # a reader or rule module not in this checkout
        pytest.skip(f"the extraction pipeline cannot run here: {e}")
    for file, extraction in extractions:
        load_extraction(db, extraction, path=file)
    db.close()
    return path
