"""Meeting metadata: dates, kind and heading on hand-built documents and on every corpus document with gold."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from extractor.nlp.meeting import date_from_filename, extract_meeting
from models.document import Block, Document, TextLine

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
READER_MODULES = {"pdf": "pdf", "docx": "docx", "html": "html", "txt": "text", "md": "text"}


def doc_of(*blocks: str | tuple[str, str], path: str = "minutes.md", title: str | None = None) -> Document:
    out = []
    for i, b in enumerate(blocks):
        kind, text = b if isinstance(b, tuple) else ("paragraph", b)
        out.append(Block(index=i, kind=kind, text=text, lines=[TextLine(start=0, line=i + 1)]))
    return Document(path=path, sha256="0" * 64, format="md", blocks=out, title=title)


def meeting_of(*blocks, **kw):
    return extract_meeting(doc_of(*blocks, **kw), [])


def test_held_on_date_and_previous_minutes():
    m = meeting_of("STOKE FERRY PARISH COUNCIL Draft (until approved at the next meeting) Minutes of the Ordinary "
                   "Meeting held on Wednesday 1 July 2020 at 7.00 pm, Virtually online via Zoom",
                   "112/20 To Approve the Minutes of the Ordinary Meeting held on 3 June 2020 There were no amendments.")
    assert (m.date, m.date_source) == ("2020-07-01", "text")
    assert m.organisation == "Stoke Ferry Parish Council"
    assert m.title == "Ordinary Meeting"


def test_previous_minutes_first_is_not_the_meeting_date():
    m = meeting_of("1.5 Approval of previous minutes [Minutes of 2021-09-17 Meeting #44] (Co-Chair Keaton)",
                   "Agenda: https://www.oasis-open.org/committees/download.php/69055/agenda_20210930.html",
                   path="oasis-tc-minutes.txt")
    assert (m.date, m.date_source) == ("2021-09-30", "text")


def test_date_from_file_name_last():
    m = meeting_of(("heading", "1. Opening Activities"), "Roll call", path="meeting_minutes/211014_SARIF_TC_46.md")
    assert (m.date, m.date_source) == ("2021-10-14", "filename")


@pytest.mark.parametrize("name,value", [
    pytest.param("oasis-sarif-tc-2021-10-14.md", "2021-10-14", id="iso-suffix"),
    pytest.param("211014_SARIF_TC_46.md", "2021-10-14", id="yymmdd-prefix"),
    pytest.param("2017-03-23.md", "2017-03-23", id="iso-only"),
    pytest.param("fgb-minutes-191014.pdf", None, id="no-separator-after"),
    pytest.param("minutes.md", None, id="no-date"),
])
def test_date_from_filename(name, value):
    d = date_from_filename(name)
    assert (d.isoformat() if d else None) == value


def test_next_meeting_date_moved_in_the_item():
    m = meeting_of("Minutes of the Ordinary Meeting held on Wednesday 1 July 2020 at 7.00 pm",
                   "126/20 To Confirm the Date of the Next Ordinary Meeting – Wednesday 5 August 2020 at 7 pm. The "
                   "Clerk requested that the date be moved by one week due to annual leave, the Council agreed to move "
                   "the meeting date to Wednesday 12 August 2020 at 7 pm.")
    assert m.next_meeting_date == "2020-08-12"


def test_next_meeting_heading_then_date_without_year():
    m = meeting_of(("heading", "TAG Teleconference"), ("heading", "20 March 2018"), "Present: Peter, Dan",
                   ("heading", "Next Meeting"), "3rd April, 17:00 UTC")
    assert (m.date, m.next_meeting_date, m.title) == ("2018-03-20", "2018-04-03", "TAG Teleconference")


def test_next_meeting_year_rolls_forward():
    m = meeting_of("Meeting held on 9th December 2019", "Date of next meeting: Monday 13th January")
    assert m.next_meeting_date == "2020-01-13"


def test_agenda_item_without_date_takes_nothing_from_the_next_table():
    m = meeting_of("Meeting Date: 9 May 2022", "LW 79/2122 Date of next meeting",
                   ("table", "ITEM | BY WHOM | BY WHEN\n67/2122 Minutes to website | Clerk | 01/06/2022"))
    assert m.next_meeting_date is None


def test_next_meeting_date_in_table_cell():
    m = meeting_of(("table", "COMMITTEE | Learning & Wellbeing Committee | DATE | 9 May 2022"),
                   ("table", "LW 79/2122 | Date of next\nmeeting | Monday 27 June 2022 at 1830"))
    assert (m.date, m.next_meeting_date) == ("2022-05-09", "2022-06-27")


def test_future_schedule_is_not_the_meeting_date():
    m = meeting_of("1.2 Roll call\n2. Future Meetings\n2.1 Future meeting schedule\n  October 14, 2021\n"
                   "  October 28, 2021\n6. Next Meeting\n October 14, 2021 / 08:00-09:30 PDT",
                   path="oasis-sarif-tc-2021-09-30.txt")
    assert (m.date, m.date_source, m.next_meeting_date) == ("2021-09-30", "filename", "2021-10-14")


def test_letter():
    m = meeting_of("From: Peter Wheelhouse", "18 July 2006", "cc DIP MB", "To ICE Working Group members",
                   "Re: ICE ACTION PLAN", "The purpose of this note is to thank you all.",
                   "Yours sincerely")
    assert (m.kind, m.date, m.title) == ("letter", "2006-07-18", "Ice Action Plan")


def test_agenda_only():
    m = meeting_of(("heading", "Parish Council Meeting Agenda"), "Tuesday 3rd March 2020 at 7.30pm",
                   "1. To receive apologies for absence", "2. To approve the minutes of the last meeting",
                   "3. To consider planning applications")
    assert m.kind == "agenda"


def test_minutes_are_not_an_agenda():
    m = meeting_of(("heading", "Agenda"), "1. To receive apologies for absence", "Apologies were noted and accepted.",
                   "It was agreed that the hedge be cut.")
    assert m.kind == "minutes"


def test_notes():
    assert meeting_of(("heading", "Notes of the Residents' Association meeting"), "Present: A, B").kind == "notes"


def test_action_log():
    m = meeting_of(("table", "Action | Owner | Due\nFix the gate | Clerk | 01/02/2020\nCut the hedge | JS | asap"))
    assert m.kind == "action-log"


def test_heading_area_skips_address_and_phone():
    m = meeting_of("**Norfolk Drug Interventions Programme**  \n**Room 401**  \n**Breckland Business Centre**",
                   "**Tel: 01362 852930**  \n**Fax: 01362 852939**",
                   ("heading", "**Drug Intervention Board Strategy Group Minutes**"), "**3rd June 2009**",
                   ("heading", "Present"), "Tony Oram (TO) (Chair)")
    assert (m.organisation, m.title, m.date) == ("Norfolk Drug Interventions Programme",
                                                 "Drug Intervention Board Strategy Group", "2009-06-03")


def test_front_matter_date_is_not_the_meeting_date():
    m = meeting_of("---\ntitle: \"Northwold Parish Council - April\"\ndate: \"2017-05-02\"\n---",
                   "DRAFT – FOR APPROVAL AT THE NEXT MEETING",
                   "Northwold and Whittington Parish Council – Ordinary Meeting Tuesday 4th April 2017, 7.30pm "
                   "Northwold Village Hall")
    assert (m.date, m.organisation, m.title) == ("2017-04-04", "Northwold and Whittington Parish Council",
                                                 "Ordinary Meeting")


def test_next_meeting_heading_then_a_table_of_its_details():
    m = meeting_of("Meeting Location, Date & Time | 19/04/21 Zoom", ("heading", "4 Next meeting"),
                   ("table", "Location | \nDate & Time | 21/04/21\nGoals | Discuss the themes and blocks."))
    assert (m.date, m.next_meeting_date) == ("2021-04-19", "2021-04-21")


def test_date_in_the_files_own_title():
    m = meeting_of(("heading", "Attendees:"), "Sylvie (SR), Stuart (SP)", title="Meeting 120 – 27th September 2018")
    assert (m.date, m.date_source) == ("2018-09-27", "title")


def test_metadata_date_only_when_nothing_else_dates_the_meeting():
    document = doc_of(("heading", "Attendees:"), "Sylvie (SR), Stuart (SP)")
    document.date = "2018-10-02"
    m = extract_meeting(document, [])
    assert (m.date, m.date_source) == ("2018-10-02", "metadata")
    document.path = "minutes-2018-09-27.md"
    assert extract_meeting(document, []).date == "2018-09-27"


# ---- the corpus, read by the real readers ------------------------------------------------------

def _gold_files() -> list:
    out = []
    for g in sorted(CORPUS.glob("*.gold.json")) + sorted(CORPUS.glob("series/*/*.gold.json")):
        source = g.with_name(g.name[: -len(".gold.json")])
        fmt = json.loads(g.read_text())["format"]
        module = READER_MODULES[fmt]
        marks = []
        if importlib.util.find_spec(f"extractor.readers.{module}") is None:
            marks.append(pytest.mark.xfail(reason=f"no {fmt} reader yet (extractor/readers/{module}.py)",
                                           raises=ImportError, strict=True))
        out.append(pytest.param(source, g, marks=marks, id=source.name))
    return out


@pytest.mark.parametrize("source,gold_path", _gold_files())
def test_corpus_meeting_dates(source: Path, gold_path: Path, tmp_path: Path):
    """The dates come from the document itself: each file is read under a name without a date."""
    from extractor.readers import read_document

    gold = json.loads(gold_path.read_text())
    neutral = tmp_path / f"minutes{source.suffix}"
    neutral.write_bytes(source.read_bytes())
    document = read_document(neutral)
    m = extract_meeting(document, [])
    assert m.date == gold["meeting_date"]
    assert m.next_meeting_date == gold["next_meeting_date"]
    assert m.kind == gold["kind"]


@pytest.mark.parametrize("label", [
    pytest.param("COMMITTEE Board of Governors DATE; 14/10/2019", id="label-with-semicolon"),
    pytest.param("Date of meeting - 14/10/2019", id="date-of-meeting-dash"),
])
def test_date_label_beats_dates_in_the_action_table(label):
    m = meeting_of(label, "Include visits on the agenda for the L&W Committee on 11 November 2019 | Clerk | 01/11/2019")
    assert m.date == "2019-10-14"


def test_target_date_label_is_not_the_meeting_date():
    m = meeting_of("Minutes of the Board held on 3 June 2009", "Target date: 30/06/2009")
    assert m.date == "2009-06-03"


def test_board_of_trustees_is_the_body_not_an_organisation():
    m = meeting_of(("heading", "MINUTES OF THE BOARD OF TRUSTEES MEETING"), "Date: 17/07/2014")
    assert (m.organisation, m.title, m.date) == (None, "Board of Trustees Meeting", "2014-07-17")


def test_organisation_from_the_running_header():
    doc = doc_of(("heading", "Management Committee Meeting"), "Date: 22 February 2023")
    doc.headers = ["Riverside Housing Co-operative - Management Committee", "Page 1 of 2"]
    m = extract_meeting(doc, [])
    assert (m.organisation, m.title) == ("Riverside Housing Co-operative", "Management Committee Meeting")


# ---- the heading's date beats dates of other meetings in the body ---------------------------------

@pytest.mark.parametrize("blocks,value", [
    pytest.param(("MINUTES OF WRETTON PARISH COUNCIL MEETING", "HELD AT THE CHURCH", "MONDAY 8th MARCH 2010",
                  "Present-", "Cllr D Llewellyn - Chairman, Cllr A Box, Cllr M Peake.",
                  "3\\. The Minutes of the meeting held on 11/01/10 were agreed as a true record."),
                 "2010-03-08", id="date-line-vs-escaped-item-held-on"),
    pytest.param(("WEREHAM PARISH COUNCIL", "Minutes of the Ordinary Parish Council Meeting", "8th July 2014 at 7.30pm",
                  "Wereham Village Hall", "Attendance: Cllr Jo Bruce JB Chair Cllr Dave Deighton DD Vice Chair",
                  "2.0 Minutes of Previous Meeting",
                  "2.1 To confirm as a correct record the Minutes of the Annual Parish Meeting and the Annual Meeting "
                  "of Wereham Parish Council held on 13th May 2014 and the Extraordinary Parish Council Meeting held "
                  "on 10th June 2014."),
                 "2014-07-08", id="date-line-with-time"),
    pytest.param(("DRAFT MINUTES OF THE WEST DEREHAM PARISH COUNCIL MEETING HELD AT WEST DEREHAM VILLAGE HALL AT "
                  "7.30 pm ON THURSDAY 2 MARCH 2017",
                  "PRESENT (four Councillors): - Pam Bullas (PB), Claire Cann (CC) – Chair",
                  "04/17 Minutes of the Parish Council meeting held on 2 February 2017. CC confirmed all Councillors "
                  "had seen the minutes of the Parish Council meeting held on 2 February 2017."),
                 "2017-03-02", id="held-at-venue-and-time-on"),
    pytest.param(("STOKE FERRY PARISH COUNCIL Draft Minutes Subject to the Approval at the next Meeting Ordinary "
                  "Meeting of the Parish Council Wednesday 4 April 2018 at 7.00 pm Stoke Ferry Village Hall",
                  "Attendance: Cllr Sue Lintern Chair Cllr Daphne Clements"),
                 "2018-04-04", id="draft-notice-before-the-date"),
    pytest.param((("heading", "DECOY COMMUNITY PRIMARY SCHOOL BOARD OF GOVERNORS"), ("table", " | 05/10/2020"),
                  "COMMITTEE Full Governing Body DATE", "Agenda:",
                  "FGB 01/2021 Attendance and associated matters\nFGB 19/2021 Date of next meeting",
                  ("table", "ITEM |  | BY WHOM |  | BY WHEN\n09a/2021 | Add the draft SIP to the agenda for the LW "
                            "Committee meeting on 16 November 2020 | Clerk/Heather Poustie |  | 01/11/2020")),
                 "2020-10-05", id="pdf-label-out-of-order-vs-meeting-on-in-action-table"),
])
def test_heading_date_beats_body_dates(blocks, value):
    m = meeting_of(*blocks)
    assert (m.date, m.date_source) == (value, "text")


@pytest.mark.parametrize("blocks,value", [
    pytest.param(("Minutes of the Board held on 3 June 2009", "1. Apologies",
                  "The minutes of the meeting held on 6 May 2009 were approved."), "2009-06-03", id="held-on-heading"),
    pytest.param(("Agenda", "1. Apologies", "Meeting held on 12 March 2019 at the Village Hall"), "2019-03-12",
                 id="no-date-in-the-heading-area"),
])
def test_held_on_still_counts(blocks, value):
    assert meeting_of(*blocks).date == value


@pytest.mark.parametrize("blocks,value", [
    pytest.param(("Ordinary Meeting of the Parish Council Wednesday 4 April 2018 at 7.00 pm",
                  "89/18 Date and Time of Next Meeting – Annual Meeting of the Parish Council Wednesday 2 May 2018 at "
                  "7.00 pm. After the Annual Parish Meeting to be held at 6.30 pm – regarding the Neighbourhood Plan."),
                 "2018-05-02", id="meeting-named-before-the-date"),
    pytest.param(("Minutes of the meeting of Trustees held on 22 November 2016",
                  "11. Date and venue of next meeTng: Wednesday 22nd February 2017, 5.45pm, in Halesworth"),
                 "2017-02-22", id="font-damaged-meeting"),
    pytest.param(("VILLAGE LIAISON MEETING", "Wednesday 2nd March 2005", "Present: Ms Jacqueline Murfitt",
                  "Mr Thompson and Mr Moore gave apologies for the next meeting.", "9. Dates of Meetings for 2005",
                  "2.30pm, Wednesday 2nd March 2005", "2.30pm, Wednesday 1st June 2005",
                  "2.30pm, Wednesday 7th September 2005"),
                 "2005-06-01", id="list-of-the-years-meetings"),
    pytest.param(("Meeting held on 9th May 2022", "Date of next meeting: to be confirmed by the Clerk after a poll for "
                  "12th June 2022 or later"), None, id="unsettled"),
    pytest.param(("Meeting held on 9th May 2022", "10. Items for the next meeting: the hedge, the pond on the village green "
                  "and the bus shelter repairs due 12th June 2022"), None,
                 id="weak-cue-far-from-the-date"),
])
def test_next_meeting_date(blocks, value):
    assert meeting_of(*blocks).next_meeting_date == value


@pytest.mark.parametrize("blocks,org,title", [
    pytest.param((("heading", "Meeting Minutes"), ("heading", "WAMR Project Maintainers and Bytecode Alliance TSC"),
                  "Date: November 18, 2025\nTime: 4:00am PT\nPlace: By online video conference"),
                 "WAMR Project Maintainers and Bytecode Alliance TSC", None, id="place-field-is-no-title"),
    pytest.param(("Meeting Minutes 3: Service Layer Development – Initial Setup",
                  "Subject: Initial Meeting for Service Layer Implementation\nLocation: Trottier Building, 3rd Floor"),
                 None, "Minutes 3: Service Layer Development", id="minutes-led-heading-is-no-organisation"),
    pytest.param(("Minutes of the March meeting of Wretton Parish Council", "MINUTES OF WRETTON PARISH COUNCIL MEETING",
                  "HELD AT THE CHURCH", "MONDAY 8th MARCH 2010", "Present-"),
                 "Wretton Parish Council", "March meeting of Wretton Parish Council", id="venue-is-no-organisation"),
    pytest.param(("**Boughton  Parish Council.  Meeting** **4th May 2012****.**",),
                 "Boughton Parish Council", "Meeting", id="council-keeps-its-word"),
    pytest.param((("heading", "DECOY COMMUNITY PRIMARY SCHOOL BOARD OF GOVERNORS"), "COMMITTEE; DATE",
                  ("heading", "Business Management Committee 23/11/2020")),
                 "Decoy Community Primary School Board of Governors", "Business Management Committee",
                 id="row-of-labels-is-no-title"),
    pytest.param((("heading", "Minutes of the Wereham Parish Meeting"), "Wereham Parish Council Minutes"),
                 "Wereham Parish Council", "Wereham Parish Meeting", id="parish-meeting-is-a-body"),
])
def test_organisation_and_title(blocks, org, title):
    m = meeting_of(*blocks)
    assert (m.organisation, m.title) == (org, title)


def test_page_title_without_site_suffix():
    m = meeting_of(("heading", "Minutes of Stoke Ferry residents' Association"), "Stoke Ferry Residents' Association",
                   title="Minutes of Stoke Ferry residents' Association - December 2006 - Stoke Ferry, Norfolk, UK")
    assert (m.organisation, m.title) == ("Stoke Ferry Residents' Association",
                                         "Minutes of Stoke Ferry residents' Association")


def test_pdf_title_printed_from_word_is_not_a_file_name():
    m = meeting_of("Present (7): Vice Chair Tran, Commissioners D. Smith", "1. Roll call",
                   title="Microsoft Word - Agenda - Parks and Recreation Advisory Commission (PRAC).docx")
    assert m.title == "Parks and Recreation Advisory Commission (PRAC)"
