"""Attendees from label lines, headed lists, sentences and tables; every corpus document with gold."""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from extractor.nlp.attendees import extract_attendees
from extractor.nlp.engine import parse
from extractor.nlp.meeting import extract_meeting
from models.document import Block, Cell, Document, TextLine
from models.meeting import Meeting

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
READER_MODULES = {"pdf": "pdf", "docx": "docx", "html": "html", "txt": "text", "md": "text"}
TITLES = {"the", "cllr", "councillor", "dr", "mr", "mrs", "ms", "miss", "prof", "professor", "sir", "rev", "revd"}
F1_FLOOR = 0.9


def doc_of(*blocks: str | tuple[str, str]) -> Document:
    out = []
    for i, b in enumerate(blocks):
        kind, text = b if isinstance(b, tuple) else ("paragraph", b)
        lines, start = [], 0
        for n, ln in enumerate(text.split("\n")):
            lines.append(TextLine(start=start, line=i * 10 + n + 1))
            start += len(ln) + 1
        out.append(Block(index=i, kind=kind, text=text, lines=lines))
    return Document(path="minutes.md", sha256="0" * 64, format="md", blocks=out)


def table_of(rows: list[list[str]], index: int = 0) -> Block:
    cells = [[Cell(text=t, row=r, col=c) for c, t in enumerate(row)] for r, row in enumerate(rows)]
    return Block(index=index, kind="table", text="\n".join(" | ".join(r) for r in rows), rows=cells, table=0,
                 lines=[TextLine(start=0, line=1)])


def attendees(*blocks, date: str | None = None):
    doc = doc_of(*blocks)
    return extract_attendees(doc, parse(b.text for b in doc.blocks), Meeting(date=date))


def people(*blocks, **kw) -> list[tuple[str, str]]:
    return [(a.name, a.status) for a in attendees(*blocks, **kw)]


@pytest.mark.parametrize("text,expected", [
    ("Present: Cllr A Smith (Chair), B Jones", [("A Smith", "present"), ("B Jones", "present")]),
    ("PRESENT: Cllr R. Crisp (Chairman), Cllr S. Leet , Cllr. A. Jenkinson, Cllr C Anderson and Mrs N Cooper, Clerk.",
     [("R. Crisp", "present"), ("S. Leet", "present"), ("A. Jenkinson", "present"), ("C Anderson", "present"),
      ("N Cooper", "present")]),
    ("Present: Cllr Sue Lintern (Chair) Cllr Kit Hesketh-Harvey (Vice-Chair) Cllr Andy Hayward Cllr Janet Taylor "
     "Helen Richardson (Parish Clerk and Financial Responsible Person)",
     [("Sue Lintern", "present"), ("Kit Hesketh-Harvey", "present"), ("Andy Hayward", "present"),
      ("Janet Taylor", "present"), ("Helen Richardson", "present")]),
    ("Present: R. Lankfer - Chairman, Mrs. Willis, G. Gott and C. Humphries together with 5 members of the public.",
     [("R. Lankfer", "present"), ("Willis", "present"), ("G. Gott", "present"), ("C. Humphries", "present")]),
    ("Apologies: D. Pickston and G. Clere", [("D. Pickston", "apologies"), ("G. Clere", "apologies")]),
    ("Present; Sheila Freeman (SF), Alan Holzer, Chair (AHol), Alison Hopkins\n(AHop), Natalie Lloyd-Evans (NLE)",
     [("Sheila Freeman", "present"), ("Alan Holzer", "present"), ("Alison Hopkins", "present"),
      ("Natalie Lloyd-Evans", "present")]),
    ("1.   Apologies; David Thomas, Andrew Payne", [("David Thomas", "apologies"), ("Andrew Payne", "apologies")]),
    ("Also present: Cllr Martin Storey – Norfolk County Council", [("Martin Storey", "in_attendance")]),
    ("Also, in Attendance Public – Two. (from Minute number 111/20 One). Cllr Colin Sampson, Borough Council of "
     "Kings Lynn and West Norfolk", [("Colin Sampson", "in_attendance")]),
    ("109/20 To Receive and Consider Acceptance for Apologies of Absence Apologies were noted and accepted for "
     "Cllr Mandy Leamon (work commitment).", [("Mandy Leamon", "apologies")]),
    ("3. ACCEPTANCE OF APOLOGIES FOR ABSENCE Apologies of absence were provided for Cllr A Collins. This was "
     "accepted by all.", [("A Collins", "apologies")]),
    ("Present: Peter, Dan, David, Sangwhan, Yves\nRegrets: Andrew, Hadley\nScribe: Sangwhan",
     [("Peter", "present"), ("Dan", "present"), ("David", "present"), ("Sangwhan", "present"), ("Yves", "present"),
      ("Andrew", "apologies"), ("Hadley", "apologies")]),
    ("Apologies: Lex Gainsbury and sanctioned\nIn attendance: Simon Barnes",
     [("Lex Gainsbury", "apologies"), ("Simon Barnes", "in_attendance")]),
    ("Chaired by Paul Evemy Clerked by Pete Osborne", [("Paul Evemy", "present"), ("Pete Osborne", "in_attendance")]),
    ("Present: Councillors J Smith (Chairman), P Brown and Mrs L Green (Clerk)",
     [("J Smith", "present"), ("P Brown", "present"), ("L Green", "present")]),
    ("Apologies were received from Cllrs Smith, Jones and Brown.",
     [("Smith", "apologies"), ("Jones", "apologies"), ("Brown", "apologies")]),
    ("Cllr Smith sent apologies.", [("Smith", "apologies")]),
    ("In attendance: Jane Doe (Clerk), PCSO Dave Lee, 3 members of the public",
     [("Jane Doe", "in_attendance"), ("Dave Lee", "in_attendance")]),
    ("Attendees: dka, plinss, slightlyoff, Travis",
     [("dka", "present"), ("plinss", "present"), ("slightlyoff", "present"), ("Travis", "present")]),
    ("Present were Cllrs Smith and Jones.", [("Smith", "present"), ("Jones", "present")]),
    ("The meeting was attended by John Smith and Mary Jones.", [("John Smith", "present"), ("Mary Jones", "present")]),
    ("Minutes taken by Sarah Green", [("Sarah Green", "in_attendance")]),
    ("Members: John Smith, Mary Jones", [("John Smith", "present"), ("Mary Jones", "present")]),
    ("Absent with apologies: Cllr T Black", [("T Black", "apologies")]),
    ("Present (remote): Jane Doe, Sam Lee", [("Jane Doe", "present"), ("Sam Lee", "present")]),
    ("Staff: Karen Hill (Finance Officer)", [("Karen Hill", "in_attendance")]),
])
def test_label_lines(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text", [
    "Cllr Smith presented the report on the village hall.",
    "The minutes were approved by all Councillors present and signed by the Chairman.",
    "Residents present were concerned about the necessity and location of the lamp.",
    "Cllr Storey had been present at the Planning Committee meeting and he advised the residents.",
    "108/20 To Record Those Councillors Present who do not have a Video Link There were none.",
    "LW 64/2122 To record those who are present, accept apologies and welcome any visitors.",
    "Visitors: None",
    "Apologies: none received.",
    "Present: all members of the board.",
    "Present: 12 members of the public",
    "Clerk to write to the council about the verge.",
    "Chair: I think we should move on.",
    "Members agreed to fund the repairs.",
    "Officers: none",
    "Attendance: 8 members",
])
def test_narrative_yields_no_attendees(text):
    assert people(text) == []


def test_heading_then_one_person_per_line():
    got = attendees(("heading", "Present"),
                    "Tony Oram (TO) (Chair) DAAT Strategy Manager\nPeter Burnham (PB)\n"
                    "Stuart MacDonald (SM) (Assistant Chief Officer Norfolk Probation Service)",
                    ("heading", "Apologies for absence"),
                    "Steph Ross-Wagenknecht (SRW) Finance & Administration Manager (N-DAP)",
                    ("heading", "Minutes of the last meeting"),
                    "KH agreed to check back with colleagues.")
    assert [(a.name, a.initials, a.status) for a in got] == [
        ("Tony Oram", "TO", "present"), ("Peter Burnham", "PB", "present"), ("Stuart MacDonald", "SM", "present"),
        ("Steph Ross-Wagenknecht", "SRW", "apologies")]
    assert "Chair" in got[0].role and "DAAT Strategy Manager" in got[0].role
    assert got[0].provenance.block == 1 and got[1].provenance.line == 12


def test_a_list_ends_where_the_minutes_begin():
    got = people(("heading", "Present"), "John Smith\nMary Jones", "John welcomed everyone and the minutes were read.",
                 "Cllr Brown raised the matter of the verge.")
    assert got == [("John Smith", "present"), ("Mary Jones", "present")]


def test_one_bullet_one_person():
    got = attendees(("heading", "Attendees"), ("list_item", "John Smith, Acme Corp"),
                    ("list_item", "Mary Jones – Treasurer"), ("heading", "Apologies"), "None.",
                    ("heading", "1. Welcome"), "Bob Stone opened the meeting.")
    assert [(a.name, a.role) for a in got] == [("John Smith", "Acme Corp"), ("Mary Jones", "Treasurer")]


def test_markdown_bullets_with_handles():
    got = attendees(("heading", "Present"), ("list_item", "James Snell @jasnell (TSC)"),
                    ("list_item", "Michael Dawson @mhdawson (observer/CTC)"), ("heading", "Agenda"),
                    ("list_item", "Copyright"))
    assert [(a.name, a.role) for a in got] == [("James Snell", "TSC"), ("Michael Dawson", "observer/CTC")]


def test_meetbot_people_present_without_bots():
    got = people(("heading", "People Present (lines said)"), "* dgilmore (116)\n* zodbot (5)\n* nirik (0)",
                 "Generated by `MeetBot`_ 0.1.4")
    assert got == [("dgilmore", "present"), ("nirik", "present")]


def test_roll_call_table_guests_in_attendance():
    doc = Document(path="m.md", sha256="0" * 64, format="md", blocks=[
        Block(index=0, kind="heading", text="1.2 Introduction of participants/roll call (Co-Chair David)"),
        table_of([["First Name", "Last Name", "Company", "Role(s)"], ["Aditya", "Sharad", "GitHub", "Guest"],
                  ["David", "Keaton", "Individual", "Chair"], ["Chad", "Bentz", "defi", "Public Participant"]], 1)])
    got = extract_attendees(doc, [], Meeting())
    assert [(a.name, a.role, a.status) for a in got] == [
        ("Aditya Sharad", "Guest", "in_attendance"), ("David Keaton", "Chair", "present"),
        ("Chad Bentz", "Public Participant", "in_attendance")]


def test_attendees_table_not_action_table():
    doc = Document(path="m.docx", sha256="0" * 64, format="docx", blocks=[
        table_of([["Attendees:", "Signatures:"], ["Arlana Keen ", ""], ["Oliver Howe", ""]], 0),
        table_of([["Next Steps:", "Owner:", "Due date:"], ["Arlana Keen", "Edit minutes", "21st February 2019"]], 1)])
    got = extract_attendees(doc, [], Meeting())
    assert [a.name for a in got] == ["Arlana Keen", "Oliver Howe"]


def test_attendance_grid_picks_the_meeting_date_column():
    doc = Document(path="m.pdf", sha256="0" * 64, format="pdf", blocks=[table_of([
        ["", "04/10/2021", "15/11/2021", "9/05/2022"],
        ["Paul Evemy", "P", "P", "P"],
        ["Sandra Cartwright", "P", "P", "S"],
        ["Alexa Gainsbury", "", "P", "A"],
        ["Simon Barnes", "P", "P", ""]])])
    got = extract_attendees(doc, [], Meeting(date="2022-05-09"))
    assert [(a.name, a.status) for a in got] == [
        ("Paul Evemy", "present"), ("Sandra Cartwright", "apologies"), ("Alexa Gainsbury", "absent")]


def test_grid_header_split_from_its_body_and_rotated_dates():
    # the dates row read bottom to top ("2202/50/9" is 9/05/2022) and in a table of its own
    header = table_of([["1\n2\n0\n2\n/\n0\n1\n/\n4\n0", "1\n2\n0\n2\n/\n1\n1\n/\n5\n1",
                        "2\n2\n0\n2\n/\n5\n0\n/\n9", "2\n2\n0\n2\n/\n6\n0\n/\n7\n2"]], 0)
    body_rows = [("Paul Evemy", {1: "P", 4: "P", 7: "P", 10: ""}), ("Ruth Dennis", {1: "P", 4: "P", 7: "S", 10: ""}),
                 ("Alexa Gainsbury", {1: "", 2: "", 3: "", 4: "P", 7: "S", 10: ""}),
                 ("Simon Barnes", {1: "P", 4: "P", 7: "", 8: "", 9: "", 10: ""})]
    cells = [[Cell(text=n, row=r, col=0)] + [Cell(text=t, row=r, col=c) for c, t in marks.items()]
             for r, (n, marks) in enumerate(body_rows)]
    body = Block(index=1, kind="table", text="", rows=cells, table=1)
    doc = Document(path="m.pdf", sha256="0" * 64, format="pdf", blocks=[
        header, body, Block(index=2, kind="paragraph", text="Apologies: Lex Gainsbury and sanctioned")])
    got = extract_attendees(doc, [], Meeting(date="2022-05-09"))
    assert [(a.name, a.status) for a in got] == [
        ("Paul Evemy", "present"), ("Ruth Dennis", "apologies"), ("Alexa Gainsbury", "apologies")]


def test_grid_without_dates_uses_the_last_filled_column_and_skips_resigned():
    doc = Document(path="m.pdf", sha256="0" * 64, format="pdf", blocks=[table_of([
        ["HEATHER POUSTIE", "Headteacher", "P", "P", ""],
        ["KEITH MOORE", "Parent", "P", "S", ""],
        ["VACANT", "Parent", "", "", ""],
        ["ALEX KIRKBRIDE", "Parent", "S", "", "18/10/2019"]])])
    got = extract_attendees(doc, [], Meeting(date="2019-12-09"))
    assert [(a.name, a.role, a.status) for a in got] == [
        ("Heather Poustie", "Headteacher", "present"), ("Keith Moore", "Parent", "apologies")]


def test_same_person_twice_is_merged():
    got = attendees("Present: Cllr A Smith, B Jones", "Chair: Alan Smith")
    assert [(a.name, a.role) for a in got] == [("Alan Smith", "Chair"), ("B Jones", None)]


# -- the corpus ----------------------------------------------------------------------------------
def _key(name: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in TITLES]


def _match(pred: str, gold: str) -> bool:
    p, g = _key(pred), _key(gold)
    if not p or not g:
        return False
    return p == g or (len(p) > 1 and len(g) > 1 and p[-1] == g[-1] and p[0][0] == g[0][0])


def _reader_ready(suffix: str) -> bool:
    mod = READER_MODULES.get(suffix)
    return bool(mod) and importlib.util.find_spec(f"extractor.readers.{mod}") is not None


GOLD = sorted(g for g in CORPUS.rglob("*.gold.json") if "unseen" not in g.relative_to(CORPUS).parts)


@pytest.mark.parametrize("gold_path", GOLD, ids=[g.name.removesuffix(".gold.json") for g in GOLD])
def test_corpus_attendees(gold_path):
    gold = json.loads(gold_path.read_text())
    path = gold_path.parent / gold["file"]
    if not _reader_ready(path.suffix.lstrip(".").lower()):
        pytest.skip(f"no reader for {path.suffix} yet")
    from extractor.readers import read_document
    doc = read_document(path)
    parsed = parse(b.text for b in doc.blocks)
    got = extract_attendees(doc, parsed, extract_meeting(doc, parsed))
    used, tp, misses = set(), 0, []
    for ga in gold["attendees"]:
        i = next((i for i, a in enumerate(got) if i not in used and _match(a.name, ga["name"])), None)
        if i is None:
            misses.append(ga["name"])
        else:
            used.add(i)
            tp += 1
    false = [a.name for i, a in enumerate(got) if i not in used]
    p = tp / len(got) if got else float(not gold["attendees"])
    r = tp / len(gold["attendees"]) if gold["attendees"] else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    assert f1 >= F1_FLOOR, f"attendee F1 {f1:.2f}; missed {misses}; false {false}"


def test_present_and_apologies_columns_marked_with_a_plus():
    """ICAT meeting 60: Init | Name | Institute | Present | Apologies, '+' in one of the last two."""
    doc = Document(path="m.md", sha256="0" * 64, format="md", blocks=[
        Block(index=0, kind="heading", text="Attendance 60"),
        table_of([["Init", "Name", "Institute", "Present", "Apologies"],
                  ["AM", "Alistair Mills", "STFC SCD", "+", ""],
                  ["KP", "Kevin Phipps", "STFC SCD", "", "+"]], 1)])
    got = extract_attendees(doc, [], Meeting())
    assert [(a.name, a.initials, a.status) for a in got] == [
        ("Alistair Mills", "AM", "present"), ("Kevin Phipps", "KP", "apologies")]


def test_bullets_of_name_initials_and_affiliation():
    """ICAT steering group: "Steve Fisher (SF), STFC, Scientific Computing" is one person."""
    got = attendees(("paragraph", "Attendance"), ("list_item", "Steve Fisher (SF), STFC, Scientific Computing"),
                    ("list_item", "Andy Goetz (AG), ESRF"), ("paragraph", "Apologies"),
                    ("list_item", "Brian Matthews, STFC, Scientific Computing"), ("paragraph", "1. Welcome"))
    assert [(a.name, a.initials, a.status) for a in got] == [
        ("Steve Fisher", "SF", "present"), ("Andy Goetz", "AG", "present"), ("Brian Matthews", None, "apologies")]
    assert got[0].role == "STFC; Scientific Computing"


def test_role_label_inside_a_present_line():
    got = attendees("Present: Jane Doe (JD) – Chair, Robert Roe (RR), Sam Smith (SS), Clerk: Linda Lee\n"
                    "Apologies: Mark Twain (MT)")
    assert [(a.name, a.role, a.status) for a in got] == [
        ("Jane Doe", "Chair", "present"), ("Robert Roe", None, "present"), ("Sam Smith", None, "present"),
        ("Linda Lee", "Clerk", "present"), ("Mark Twain", None, "apologies")]


def test_initials_and_role_in_one_parenthesis():
    got = attendees("Attendees: Peter Parker (PP, Chair), Mary Watson (MW)")
    assert [(a.name, a.initials, a.role) for a in got] == [("Peter Parker", "PP", "Chair"), ("Mary Watson", "MW", None)]


def test_two_column_table_of_names_under_present():
    doc = Document(path="m.pdf", sha256="0" * 64, format="pdf", blocks=[
        Block(index=0, kind="heading", text="Present:"),
        table_of([["Cllr Jo Bloggs (Chair)", "Cllr Sam Wise"], ["Cllr Ali Khan", "Cllr Pat Lee"],
                  ["Mrs Kim Ray (Clerk)", ""]], 1),
        Block(index=2, kind="paragraph", text="Apologies: Cllr Max Power")])
    got = extract_attendees(doc, parse(b.text for b in doc.blocks), Meeting())
    assert [(a.name, a.role, a.status) for a in got] == [
        ("Jo Bloggs", "Chair", "present"), ("Sam Wise", None, "present"), ("Ali Khan", None, "present"),
        ("Pat Lee", None, "present"), ("Kim Ray", "Clerk", "present"), ("Max Power", None, "apologies")]


# -- people run together on one line ---------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("Attendance: Cllr Sue Lintern Chair Cllr Daphne Clements Cllr Gail Reeve Helen Richardson Parish Clerk and "
     "Financial Responsible Person",
     [("Sue Lintern", "present"), ("Daphne Clements", "present"), ("Gail Reeve", "present"),
      ("Helen Richardson", "present")]),
    ("Also, in attendance: Cllr Martin Storey Norfolk County Council Cllr Colin Sampson Borough Council of Kings "
     "Lynn and West Norfolk Mr Chris Philpott Footpath Warden Kevin Kent, Emergency Planning Officer, Borough "
     "Council of Kings Lynn and West Norfolk",
     [("Martin Storey", "in_attendance"), ("Colin Sampson", "in_attendance"), ("Chris Philpott", "in_attendance"),
      ("Kevin Kent", "in_attendance")]),
    ("Attendance: Cllr Jo Bruce JB Chair Cllr Dave Deighton DD Vice Chair Cllr Roger Lankfer RL Nicola Cooper NC "
     "Parish Clerk (Minutes)",
     [("Jo Bruce", "present"), ("Dave Deighton", "present"), ("Roger Lankfer", "present"),
      ("Nicola Cooper", "present")]),
    ("Also in attendance: Cllr Martin Storey MS NCC Chris Smith CS CGM",
     [("Martin Storey", "in_attendance"), ("Chris Smith", "in_attendance")]),
    ("Present: Mrs R Crisp-Chair, Mr F. Eglington, Mr A Collins",
     [("R Crisp", "present"), ("F. Eglington", "present"), ("A Collins", "present")]),
    ("Present: Mark Adney (MA) Service Manager West Norfolk PCT", [("Mark Adney", "present")]),
])
def test_run_on_names(text, expected):
    assert people(text) == expected


def test_run_on_initials_and_roles_kept():
    got = {a.name: (a.initials, a.role) for a in attendees(
        "Attendance: Cllr Jo Bruce JB Chair Cllr Dave Deighton DD Vice Chair Nicola Cooper NC Parish Clerk")}
    assert got["Dave Deighton"] == ("DD", "Vice Chair")
    assert got["Nicola Cooper"] == ("NC", "Parish Clerk")


def test_role_words_end_a_name_on_its_line():
    got = [(a.name, a.role) for a in attendees(("paragraph", "Present:"), "Joyce Hull Chairman",
                                               "Debroy Summers Deputy Chairman", "Val Summers")]
    assert got == [("Joyce Hull", "Chairman"), ("Debroy Summers", "Deputy Chairman"), ("Val Summers", None)]


@pytest.mark.parametrize("text,expected", [
    ("PRESENT (four Councillors): - Pam Bullas (PB), Claire Cann (CC) – Chair, Paula Kellingray (PK) and Pam Walker "
     "(PW) Locum Clerk: Helen Richardson Eleven members of the public were in attendance. Cllr Sandra Squires "
     "attended. The Chairman welcomed everyone present and opened the meeting.",
     [("Pam Bullas", "present"), ("Claire Cann", "present"), ("Paula Kellingray", "present"),
      ("Pam Walker", "present"), ("Helen Richardson", "present"), ("Sandra Squires", "in_attendance")]),
    ("Present; David Thomas (DT), Alan Holzer (AHol), Evelyn\nLindqvist (EL), Alison Hopkins (AHop), Alison Britton\n"
     "(AB), Mike Stephens (MS)",
     [("David Thomas", "present"), ("Alan Holzer", "present"), ("Evelyn Lindqvist", "present"),
      ("Alison Hopkins", "present"), ("Alison Britton", "present"), ("Mike Stephens", "present")]),
    ("Present: Dr Andrew Payne, Chair (AP) Evelyn Lindqvist (EL) Dr Umi Hashim (UH) Alan Holzer, Minutes\nSecretary "
     "(AH) Sheila Freeman (SF) Mike Stephens,\nTreasurer (MS) Wendy Boyden (WB). Also, present, Ali Hopkins, Library\n"
     "Manager.",
     [("Andrew Payne", "present"), ("Evelyn Lindqvist", "present"), ("Umi Hashim", "present"),
      ("Alan Holzer", "present"), ("Sheila Freeman", "present"), ("Mike Stephens", "present"),
      ("Wendy Boyden", "present"), ("Ali Hopkins", "in_attendance")]),
    ("Attendees Shona Bendix (SB)(Chair), Mike Readman\n(MR), Robert Spivey (RS)\nInvited Ian Brookman (IB)(Finance & "
     "Resources Manager); Stephen Taylor\n(ST)(SCC Commissioner): Charlotte Clark (CC) & Marion Harvey\n(MH)(Staff "
     "Observers) Nigel Blake (NB)(ICT Strategy), Nikki\nSturmey (NS)(Clerk)",
     [("Shona Bendix", "present"), ("Mike Readman", "present"), ("Robert Spivey", "present"),
      ("Ian Brookman", "in_attendance"), ("Stephen Taylor", "in_attendance"), ("Charlotte Clark", "in_attendance"),
      ("Marion Harvey", "in_attendance"), ("Nigel Blake", "in_attendance"), ("Nikki Sturmey", "in_attendance")]),
])
def test_run_on_lists_with_initials(text, expected):
    assert people(text) == expected


def test_a_job_title_after_the_initials_stays_with_the_person():
    got = attendees(("paragraph", "Present"), "Anne-Louise Schofield (ALS) Adult Joint Commissioning Manager (N-DAP)")
    assert [(a.name, a.initials) for a in got] == [("Anne-Louise Schofield", "ALS")]
    assert "Adult Joint Commissioning Manager" in got[0].role


def test_group_labels_inside_an_attendance_list():
    got = attendees(("heading", "Attendance"),
                    ("list_item", "Team members: nikomatsakis, joshtriplett, scottmcm"),
                    ("list_item", "Others: simulacrum, mara, connor horman"), ("heading", "Meeting roles"),
                    ("list_item", "Action item scribe: Mark"))
    assert [(a.name, a.status) for a in got] == [
        ("nikomatsakis", "present"), ("joshtriplett", "present"), ("scottmcm", "present"),
        ("simulacrum", "present"), ("mara", "present"), ("connor horman", "present")]
    assert got[-1].role == "Others"


def test_group_line_over_bullets_is_no_person():
    got = attendees(("paragraph", "Attendees:"), ("paragraph", "Developers"), ("list_item", "Adriel Koh"),
                    ("list_item", "Adrian Ng"), ("paragraph", "Airline Pilot (Client)"), ("list_item", "Teck Ping"),
                    ("paragraph", "Elicitation method: Interview and Document"))
    assert [(a.name, a.role) for a in got] == [("Adriel Koh", "Developers"), ("Adrian Ng", "Developers"),
                                               ("Teck Ping", "Airline Pilot (Client)")]


def test_label_and_value_cells_and_first_names_of_named_people():
    doc = Document(path="m.docx", sha256="0" * 64, format="docx", blocks=[
        table_of([["Meeting called by:", "Rudolph Paulin", "Type of meeting:", "Status Update"],
                  ["Facilitator:", "Rudolph Paulin", "Note taker:", "Cristina Hilario"],
                  ["Timekeeper:", "Sean O’Connor", "", ""]], 0),
        table_of([["Attendees:", "Cristina, Sean"], ["Please read:", "Review the points"]], 1)])
    got = extract_attendees(doc, parse(b.text for b in doc.blocks), Meeting())
    assert sorted((a.name, a.role) for a in got) == [("Cristina Hilario", "Scribe"), ("Rudolph Paulin", "Convenor; Facilitator"),
                                                    ("Sean O’Connor", "Timekeeper")]


def test_first_name_with_initials_takes_the_full_name_the_minutes_give():
    got = attendees(("heading", "Attendees:"), "Sylvie (SR), Stuart (SP), Alex (AdM), Rolf (RK)",
                    "| 120.2 | Stuart to speak to Brian Matthews about ExPanDS | Stuart Pullinger |",
                    "Action: AdM to demo it at the next meeting (Alex de Maria)")
    assert [a.name for a in got] == ["Sylvie", "Stuart Pullinger", "Alex de Maria", "Rolf"]


@pytest.mark.parametrize("text,expected", [
    ("* **Luke Hinds (Red Hat, TAC)** - need to leave 30 mins early.", [("Luke Hinds", "present")]),
    ("* **Abhishek Arya (Google, TAC) - **need to leave 30 min early", [("Abhishek Arya", "present")]),
])
def test_a_note_after_a_dash_keeps_the_list_going(text, expected):
    assert people(("heading", "Attendance (please add yourself)"), ("list_item", "Josh Bressers (Anchore, TAC)"),
                  ("list_item", text), ("list_item", "Bob Callaway (Google, TAC)"))[1:] == expected + [
        ("Bob Callaway", "present")]


def test_present_line_then_one_person_per_paragraph():
    got = people("Present: Ms Jacqueline Murfitt (Environmental Health Officer, King's Lynn and West Norfolk Borough "
                 "Council)", "Mr Brian Harrison (Parish Council representative)", "Mrs Pat Holton (Village "
                 "representative)", "1. Apologies", "Apologies were received from Mr Murphy, Mr Manley and Mr Rosser.",
                 "Mr Thompson and Mr Moore gave apologies for the next meeting. Indeed Mr Moore will be unable to "
                 "attend the next two meetings due to previous commitments.")
    assert got == [("Jacqueline Murfitt", "present"), ("Brian Harrison", "present"), ("Pat Holton", "present"),
                   ("Murphy", "apologies"), ("Manley", "apologies"), ("Rosser", "apologies")]


def test_heading_with_a_dash():
    assert people("Present-", "Cllr D Llewellyn - Chairman, Cllr A Box, Cllr M Peake.") == [
        ("D Llewellyn", "present"), ("A Box", "present"), ("M Peake", "present")]


def test_one_person_present_line_does_not_run_into_a_table():
    doc = doc_of("In attendance: Simon Barnes")
    doc.blocks.append(table_of([["Chaired by", "Oliver Laity", "Clerked by", "Pete Osborne"]], 1))
    got = {a.name: a.status for a in extract_attendees(doc, parse(b.text for b in doc.blocks), Meeting())}
    assert got == {"Simon Barnes": "in_attendance", "Oliver Laity": "present", "Pete Osborne": "in_attendance"}


def test_details_table_of_label_and_value_cells():
    """A minutes front sheet laid out as a table: "Attendees | …", "Invited | …", one wrapped list per cell."""
    details = table_of([
        ["Title of Meeting", "Suffolk Libraries IPS - Board Meeting"], ["Date", "19th November 2012"],
        ["Place", "County Library Ipswich"], ["Time", "12.30pm – 4.30pm"],
        ["Attendees", "Shona Bendix (SB)(Chair), Mike Hosking (MH)(Hon. Secretary &\nTreasurer), Alison Wheeler "
                      "(AW)(General Manager), Mike Readman\n(MR), Robert Spivey (RS), Sylvia Knights (SK)"],
        ["Invited", "Ian Brookman (IB)(Finance & Resources Manager), Nigel Blake (NB)(ICT Strategy), Nikki\n"
                    "Sturmey (NS)(Clerk)"],
        ["Apologies", "Richard Hunt"]], 0)
    doc = Document(path="m.pdf", sha256="0" * 64, format="pdf", blocks=[details])
    doc.blocks.append(doc_of("x", "Apologies were received from Ian Brookman.").blocks[1])
    got = {a.name: (a.initials, a.status) for a in extract_attendees(doc, parse(b.text for b in doc.blocks), Meeting())}
    assert got == {"Shona Bendix": ("SB", "present"), "Mike Hosking": ("MH", "present"),
                   "Alison Wheeler": ("AW", "present"), "Mike Readman": ("MR", "present"),
                   "Robert Spivey": ("RS", "present"), "Sylvia Knights": ("SK", "present"),
                   "Ian Brookman": ("IB", "apologies"), "Nigel Blake": ("NB", "in_attendance"),
                   "Nikki Sturmey": ("NS", "in_attendance"), "Richard Hunt": (None, "apologies")}


def test_details_table_label_cells_need_a_value_beside_them():
    doc = Document(path="m.pdf", sha256="0" * 64, format="pdf", blocks=[
        table_of([["Present", "Apologies", "Role"], ["Item", "Peter Callaghan raised it", ""]], 0)])
    assert extract_attendees(doc, parse(b.text for b in doc.blocks), Meeting()) == []


def test_a_numbered_agenda_item_ends_the_present_line():
    got = people("Date: 13 February, 2012\nTime: 5:00pm\nPresent: David Bartz, Karen Gilmer, Ian Stewart\n"
                 "1:    Project Plan, Milestones, Activity Chart, Pert Chart, and Interaction Diagram")
    assert got == [("David Bartz", "present"), ("Karen Gilmer", "present"), ("Ian Stewart", "present")]
    got = people("Present: David Bartz, Ian Stewart\n1:    Review of Specification Report with Client, Paul Sedor")
    assert got == [("David Bartz", "present"), ("Ian Stewart", "present")]


@pytest.mark.parametrize("text,expected", [
    ("Attendees: Sylvie (SR), Stuart (SP), Alex (AdM), Maxime (Max), Rolf (RK)",
     [("Sylvie", "SR", None), ("Stuart", "SP", None), ("Alex", "AdM", None), ("Maxime", "Max", None),
      ("Rolf", "RK", None)]),
    ("Present: Dan, Travis, Alex, Sangwhan (Mr. Moon), Peter, David",
     [("Dan", None, None), ("Travis", None, None), ("Alex", None, None), ("Sangwhan", None, None),
      ("Peter", None, None), ("David", None, None)]),
    ("Present: Mark Hosking (Marketing)", [("Mark Hosking", None, "Marketing")]),
])
def test_short_names_and_titled_aliases_in_parentheses(text, expected):
    assert [(a.name, a.initials, a.role) for a in attendees(text)] == expected


@pytest.mark.parametrize("blocks,expected", [
    ((("paragraph", "Attendees:"), "CIO, IT Manager, Security Officer, Compliance Officer"),
     [("CIO", "present"), ("IT Manager", "present"), ("Security Officer", "present"),
      ("Compliance Officer", "present")]),
    (("Present: Cllr D Llewellyn - Chairman, Cllr A Box, Parish Clerk",), [("D Llewellyn", "present"), ("A Box", "present")]),
    ((("heading", "Present"), "Chairman\nVice Chairman"), []),
    (("Present: Security Officer",), []),
])
def test_posts_listed_as_attendees_stay_whole(blocks, expected):
    assert people(*blocks) == expected


def test_grid_marks_a_column_off_their_date_still_count():
    """PDF grids whose rows are cut into columns differently: some rows' marks sit one column left of the date."""
    def row(cells: dict[int, str]) -> list[Cell]:
        return [Cell(text=t, row=0, col=c) for c, t in sorted(cells.items())]
    rows = [row({0: "", 4: "27/09/2021", 8: "22/11/2021", 12: "24/01/2022", 16: "21/03/2022"}),
            row({1: "GOVERNOR ATTENDANCE"}),
            row({1: "Heather Poustie", 4: "P", 8: "P", 12: "P", 16: ""}),
            row({1: "Oliver Laity", 3: "P", 8: "P", 11: "P", 15: ""}),
            row({1: "Andrew McKenzie", 3: "", 8: "", 11: "P", 15: ""}),
            row({1: "Craig Veal", 3: "P", 8: "P", 10: "P", 15: ""}),
            row({1: "Ruth Shoare", 4: "P", 8: "P", 12: "", 16: ""})]
    table = Block(index=0, kind="table", text="grid", rows=rows, table=0, lines=[TextLine(start=0, line=1)])
    doc = Document(path="m.pdf", sha256="0" * 64, format="pdf", blocks=[table])
    got = extract_attendees(doc, [], Meeting(date="2022-01-24"))
    # col 10 is as near the 22/11 date as the 24/01 one: no guess
    assert [(a.name, a.status) for a in got] == [
        ("Heather Poustie", "present"), ("Oliver Laity", "present"), ("Andrew McKenzie", "present")]


def test_details_table_one_person_to_a_line_and_a_header_row_stays_a_header():
    doc = Document(path="m.pdf", sha256="0" * 64, format="pdf", blocks=[table_of([
        ["Title of Meeting", "Board Meeting"], ["Date", "19th November 2012"],
        ["Attendees", "Shona Bendix (Chair)\nMike Hosking (Hon. Secretary & Treasurer)\nMike Readman"],
        ["Invited", "Nikki Sturmey (Clerk)"], ["Apologies", "Richard Hunt\nCharlotte Clark"]], 0),
        table_of([["Attendees", "Role"], ["Paul Evemy", "Chair"], ["Simon Barnes", "Parent"]], 1)])
    got = [(a.name, a.role, a.status) for a in extract_attendees(doc, parse(b.text for b in doc.blocks), Meeting())]
    assert got == [("Shona Bendix", "Chair", "present"), ("Mike Hosking", "Hon. Secretary & Treasurer", "present"),
                   ("Mike Readman", None, "present"), ("Nikki Sturmey", "Clerk", "in_attendance"),
                   ("Richard Hunt", None, "apologies"), ("Charlotte Clark", None, "apologies"),
                   ("Paul Evemy", "Chair", "present"), ("Simon Barnes", "Parent", "present")]


# -- forms of minutes from bodies the rules were not written on -----------------------------------------
@pytest.mark.parametrize("blocks,expected", [
    # a group noun before the label, the names one to a line in the same paragraph; a post before a name
    (["Directors Present:\nKaren Brimacombe\nMondo Chun\nCommissioner Meredith Ing", "Absent:\nJodi Lui",
      "Guests:\nDayna Hillcrest", "6:50 pm. Meeting called to order"],
     [("Karen Brimacombe", "present"), ("Mondo Chun", "present"), ("Meredith Ing", "present"),
      ("Jodi Lui", "absent"), ("Dayna Hillcrest", "in_attendance")]),
    # "o" bullets before group labels, a list wrapped over lines, affiliations in parentheses
    ([("list_item", "Perfunctory Business\no Commissioners Present: Ann Quay, Zach Moore,\nBen Munro\n"
                    "o Others Present: Ryan Ward (LSRCC), Kim Bares (PLACE\nConsulting)\no Commissioners Absent: Pat Bader")],
     [("Ann Quay", "present"), ("Zach Moore", "present"), ("Ben Munro", "present"), ("Ryan Ward", "in_attendance"),
      ("Kim Bares", "in_attendance"), ("Pat Bader", "absent")]),
    # a heading word over "-Name" lines in a text file
    (["Attendance\n-Chet\n-Jack\n-Tuan", ("list_item", "tasks")],
     [("Chet", "present"), ("Jack", "present"), ("Tuan", "present")]),
    # "name - status" lines under a first line that is no label; handles one to a line under a qualified label
    (["Board for Tonight:\neleen - present\njkit - present\njoydip - 2nd absence\nphlee - 1st absence",
      "Present but not on Board for Tonight:\ngeo\ncpfeyh", "Present Total: 6"],
     [("eleen", "present"), ("jkit", "present"), ("joydip", "absent"), ("phlee", "absent"),
      ("geo", "in_attendance"), ("cpfeyh", "in_attendance")]),
    # two lists side by side, read line by line
    (["Present: Also in attendance:\nMr N Oakhill (Chairman NO) Mr B May\nMr C Rothero (CR) Mrs M May"],
     [("N Oakhill", "present"), ("B May", "in_attendance"), ("C Rothero", "present"), ("M May", "in_attendance")]),
])
def test_label_lines_over_their_lists(blocks, expected):
    assert people(*blocks) == expected


def test_a_present_heading_goes_on_past_a_name_the_token_rules_reject():
    got = people(("heading", "Present"), ("list_item", "Rene Bartosh"), ("list_item", "Lawrence d’Oliveiro"),
                 ("list_item", "Chris O’Halloran"), ("list_item", "Ian Young"), ("heading", "Presidents Report"),
                 "Meetup.com listing has worked well to reach new members.")
    assert [n for n, _ in got] == ["Rene Bartosh", "Lawrence d’Oliveiro", "Chris O’Halloran", "Ian Young"]


def test_apologies_after_a_sentence_on_the_same_line():
    assert people("Meeting opened at 8:10pm. Apologies Mark Smith, Michael Cree") == [
        ("Mark Smith", "apologies"), ("Michael Cree", "apologies")]


def test_sub_headings_and_a_handle_column_inside_an_attendance_list():
    got = attendees("Who Was There:", ("heading", "Board Members"), "Akopps Akop Pogosian", "Jtsai John Tsai",
                    "Smcc Stephen McCamant", ("heading", "Non-Board Members"), "Jjlin Jeremy Lin",
                    "Meeting starts at 7:14pm. Jeffe agrees to take notes.")
    assert [(a.name, a.status, a.role) for a in got] == [
        ("Akop Pogosian", "present", "Board Members"), ("John Tsai", "present", "Board Members"),
        ("Stephen McCamant", "present", "Board Members"), ("Jeremy Lin", "in_attendance", "Non-Board Members")]


@pytest.mark.parametrize("blocks,expected", [
    (["Daniel, Braden, Cate, Tristan and Sri were in attendance"],
     [("Daniel", "present"), ("Braden", "present"), ("Cate", "present"), ("Tristan", "present"), ("Sri", "present")]),
    (["Daniel,Braden,TristanandSriwereinattendance"],  # a PDF that lost its spaces
     [("Daniel", "present"), ("Braden", "present"), ("Tristan", "present"), ("Sri", "present")]),
    ([("heading", "1.3 Apologies"), "Apologies were received from Stephi"], [("Stephi", "apologies")]),
    ([("heading", "1.3 Apologies"), "ApologieswerereceivedfromStephi"], [("Stephi", "apologies")]),
    (["Cate not here, George not coming ever, Innes not here", ("heading", "Apologies"), "George apologies"],
     [("Cate", "absent"), ("George", "apologies"), ("Innes", "absent")]),
])
def test_attendance_in_sentences(blocks, expected):
    assert people(*blocks) == expected


def test_initials_among_first_names_do_not_end_the_list():
    got = people("Present: Gibson, Nicholas, Will Myers, Luther, LJ, Valentine, Claudio, CJ, Roland")
    assert [n for n, _ in got] == ["Gibson", "Nicholas", "Will Myers", "Luther", "LJ", "Valentine", "Claudio",
                                   "CJ", "Roland"]


def test_a_document_opening_with_a_bare_list_of_names_and_affiliations():
    got = attendees(("list_item", "Bob Engle (Biogen)"), ("list_item", "CG Wang"), ("list_item", "Ellis Hughes (GSK)"),
                    ("list_item", "Heidi Curinckx (Johnson & Johnson)"), "The meeting was recorded.")
    assert [(a.name, a.role) for a in got] == [("Bob Engle", "Biogen"), ("CG Wang", None), ("Ellis Hughes", "GSK"),
                                               ("Heidi Curinckx", "Johnson & Johnson")]
    # a list of tasks is no such list
    assert attendees(("list_item", "Book the hall"), ("list_item", "Order the food"), ("list_item", "Print flyers"),
                     ("list_item", "Send the agenda")) == []


@pytest.mark.parametrize("blocks,expected", [
    # group nouns before labels, as headings
    ([("heading", "Board Members Present"), "Jane Roe", "Tom Brown", ("heading", "Residents Present"), "Sue Green",
      ("heading", "Minutes")],
     [("Jane Roe", "present"), ("Tom Brown", "present"), ("Sue Green", "in_attendance")]),
    # a Present heading over lines that start with a post; a count of the public names nobody
    ([("heading", "Present"), "Councillors A Bell (Chair), C Dunn & E Ford", "Clerk J Smith",
      "Members of the public: 2", ("heading", "1. Apologies")],
     [("A Bell", "present"), ("C Dunn", "present"), ("E Ford", "present"), ("J Smith", "present")]),
    # an outline number before the label
    (["1.1 Present: Ann Lee, Bob Roe\n1.2 Apologies: Cat Fox"],
     [("Ann Lee", "present"), ("Bob Roe", "present"), ("Cat Fox", "apologies")]),
    # officers with roles in attendance
    (["In attendance: Jane Doe (Clerk), Tom Hardy – Finance Officer"],
     [("Jane Doe", "in_attendance"), ("Tom Hardy", "in_attendance")]),
])
def test_attendance_forms_of_formal_bodies(blocks, expected):
    assert people(*blocks) == expected


def test_a_post_before_a_name_becomes_the_role():
    got = attendees("Directors Present:\nCommissioner Meredith Ing\nClerk J Smith")
    assert [(a.name, a.role) for a in got] == [("Meredith Ing", "Commissioner"), ("J Smith", "Clerk")]


@pytest.mark.parametrize("rows,expected", [
    # a roll-call vote: every member who voted was there
    ([["Member", "Vote"], ["Ann Lee", "Yes"], ["Bob Roe", "No"], ["Cat Fox", "Absent"]],
     [("Ann Lee", "present"), ("Bob Roe", "present"), ("Cat Fox", "absent")]),
    # a tick grid
    ([["Name", "Present", "Apologies"], ["Ann Lee", "✓", ""], ["Bob Roe", "", "✓"]],
     [("Ann Lee", "present"), ("Bob Roe", "apologies")]),
    # names with a role column
    ([["Name", "Role"], ["Ann Lee", "Chair"], ["Bob Roe", "Treasurer"]],
     [("Ann Lee", "present"), ("Bob Roe", "present")]),
])
def test_attendance_tables(rows, expected):
    doc = Document(path="m.md", sha256="0" * 64, format="md", blocks=[table_of(rows)])
    got = extract_attendees(doc, [], Meeting())
    assert [(a.name, a.status) for a in got] == expected


def _items(*specs: tuple[str, str, int | None, str | None]) -> list[tuple[str, str]]:
    """People from blocks given as (kind, text, level, numbering)."""
    blocks = [Block(index=i, kind=k, text=t, level=lv, numbering=num, lines=[TextLine(start=0, line=i + 1)])
              for i, (k, t, lv, num) in enumerate(specs)]
    doc = Document(path="minutes.md", sha256="0" * 64, format="md", blocks=blocks)
    return [(a.name, a.status) for a in extract_attendees(doc, parse(b.text for b in blocks), Meeting())]


def test_numbered_items_under_a_participants_heading_with_accented_names():
    got = _items(("heading", "Participants (3/25)", 2, None), ("list_item", "1. Jonathan Beliën", 0, "1."),
                 ("list_item", "1. Raúl Raja", 0, "1."), ("list_item", "1. Łukasz Nowak", 0, "1."),
                 ("heading", "Location", 2, None), ("paragraph", "Online", None, None))
    assert got == [("Jonathan Beliën", "present"), ("Raúl Raja", "present"), ("Łukasz Nowak", "present")]


def test_members_among_other_category_keys_is_no_attendance_list():
    got = _items(("paragraph", "Sponsorship proposal accepted.", None, None),
                 ("list_item", "members: Anyways, Champs-Libres", 1, None),
                 ("list_item", "active discussion: Toerisme Vlaanderen, RouteYou", 1, None),
                 ("list_item", "declined: Mapbox", 1, None))
    assert got == []


def test_present_were_sentences_with_posts_and_the_oxford_comma():
    got = attendees("A regular meeting of the Board occurred on August 4, 2014. Present were President, Tom Jones; "
                    "Vice-President, Lisa Hicks; and At Large, David Hardy. Also present were Jim Winzell, Judy\n"
                    "Winzell, and\nClint Keith.", "Byard Peake was not present. The report was accepted.")
    assert [(a.name, a.status) for a in got] == [
        ("Tom Jones", "present"), ("Lisa Hicks", "present"), ("David Hardy", "present"),
        ("Jim Winzell", "in_attendance"), ("Judy Winzell", "in_attendance"), ("Clint Keith", "in_attendance"),
        ("Byard Peake", "absent")]
    assert got[0].role == "President"


@pytest.mark.parametrize("text", [
    "Present were the auditors' figures for last year.",
    "The budget was not present in the pack.",
])
def test_present_were_needs_names(text):
    assert people(text) == []


def test_lists_opened_by_a_sentence_and_by_mixed_groups_of_name_company_bullets():
    got = _items(("heading", "Attendees", 2, None), ("heading", "Attendees present", 3, None),
                 ("paragraph", "The following new board members were present:", None, None),
                 ("list_item", "James Belsey, Morgan Stanley", 0, None),
                 ("paragraph", "Other board members and officers present:", None, None),
                 ("list_item", "Raúl Raja, 47 Degrees", 0, None),
                 ("paragraph", "For the Foundation:", None, None),
                 ("list_item", "Heather Miller, EPFL", 0, None),
                 ("paragraph", "Also present:", None, None),
                 ("list_item", "Seth Tisue, Lightbend", 0, None),
                 ("heading", "Proceedings", 2, None),
                 ("paragraph", "The chair opened the meeting.", None, None))
    assert got == [("James Belsey", "present"), ("Raúl Raja", "present"), ("Heather Miller", "present"),
                   ("Seth Tisue", "in_attendance")]


def test_margin_labels_with_posts_before_surnames_and_first_names_from_the_minutes():
    got = attendees("PRESENT Chair Lord-Hausman and Commissioners Berger, Fort, Longley-\nCook, and Kreitz.",
                    "EXCUSED Commissioner Kirola",
                    "ABSENT Commissioners Robinson and Vice Chair Moore.",
                    "Chair Audrey Lord-Hausman reported on the event. Commissioners Roberta Kreitz and Adrienne\n"
                    "Longley-Cook will staff the table.")
    assert [(a.name, a.status) for a in got] == [
        ("Audrey Lord-Hausman", "present"), ("Berger", "present"), ("Fort", "present"),
        ("Adrienne Longley-Cook", "present"), ("Roberta Kreitz", "present"), ("Kirola", "apologies"),
        ("Robinson", "absent"), ("Moore", "absent")]


def test_roll_call_with_posts_and_staff_present_as_such():
    got = attendees(("heading", "2. ROLL CALL"),
                    "Present: Chairperson Adam Gillitt, Vice Chairperson Liz Rush, Commissioners\nMark Farrell and "
                    "Tierney Sneeringer.\nAbsent: None.\nLois Butler (PAC Secretary) and Amanda Gehrke present as "
                    "staff to the\nCommission.")
    assert [(a.name, a.status, a.role) for a in got] == [
        ("Adam Gillitt", "present", "Chairperson"), ("Liz Rush", "present", "Vice Chairperson"),
        ("Mark Farrell", "present", "Commissioner"), ("Tierney Sneeringer", "present", None),
        ("Lois Butler", "in_attendance", "PAC Secretary"), ("Amanda Gehrke", "in_attendance", None)]


def test_a_margin_present_label_over_lines_of_names_each_with_initials():
    got = attendees("Present Catherine Chisholm CC Margaret Carey MC\nKenny Combe KC Graham Dolan GD\n"
                    "Isabel Kellie IK Helen Laing (SBC) HL\nSarah Woodbury SW",
                    "In Attendance Two members of the public.")
    assert [(a.name, a.status) for a in got] == [(n, "present") for n in (
        "Catherine Chisholm", "Margaret Carey", "Kenny Combe", "Graham Dolan", "Isabel Kellie", "Helen Laing",
        "Sarah Woodbury")]
    assert got[0].initials == "CC"


def test_bracketed_template_names_honorific_after_the_name_and_dotted_user_names():
    got = _items(("paragraph", "Attendees:", None, None), ("list_item", "[Varun Sir], Project Lead", 0, None),
                 ("list_item", "[Naincy]", 0, None), ("list_item", "Shreya.Bhopal (India)", 0, None),
                 ("list_item", "Kwameghana (Ghana)", 0, None),
                 ("paragraph", "Reporting to Manager (Varun Sir)", None, None),
                 ("paragraph", "Estimate Date of Completion - [----------------]", None, None),
                 ("paragraph", "Agenda:", None, None), ("list_item", "1. internal hiring for the portal", 0, "1."))
    assert got == [("Varun", "present"), ("Naincy", "present"), ("Shreya.Bhopal", "present"),
                   ("Kwameghana", "present")]


def test_a_roll_call_kept_as_a_task_list_ticked_when_present():
    got = attendees(("heading", "Voting member attendance"),
                    ("list_item", "[x] Ann Lindqvist - Chairperson, Harbour Films Ltd"),
                    ("list_item", "[ ] Bo Chandra, Northwind Inc."), ("list_item", "[X] Cyril Ortega"),
                    ("heading", "Other attendees"), ("list_item", "Dana Whitcombe (Observer Co)"),
                    ("heading", "Agenda"), ("list_item", "[x] Review the budget"))
    assert [(a.name, a.status, a.role) for a in got] == [
        ("Ann Lindqvist", "present", "Chairperson, Harbour Films Ltd"), ("Bo Chandra", "absent", "Northwind Inc."),
        ("Cyril Ortega", "present", None), ("Dana Whitcombe", "in_attendance", "Observer Co")]


def test_a_list_after_were_present_and_a_colon_and_those_who_also_attended():
    got = attendees("The following members of the Board of Directors were present at the\nmeeting: Ann Lee, "
                    "Bob Roe, Cy Diaz,\nand Dee O?Hara.\nEd Fox and Flo G. also attended the meeting.  Roe took "
                    "minutes.", "Members were present: the quorum was met.")
    assert [(a.name, a.status) for a in got] == [
        ("Ann Lee", "present"), ("Bob Roe", "present"), ("Cy Diaz", "present"), ("Dee O?Hara", "present"),
        ("Ed Fox", "in_attendance"), ("Flo G.", "in_attendance")]


def test_a_cell_holding_the_attendee_list_under_its_own_label_line_with_organisation_groups():
    block = table_of([["Committee Meeting Minutes June 12th\nAttendees (present in bold):\nAnn Lee - Acme, Bob Roe\n"
                       "Cy Diaz - Globex\nNorth Foundation: Dee Hart, Ed Fox\nPast business\n"
                       "○ Approval of minutes - approved"]])
    got = extract_attendees(Document(path="m.pdf", sha256="0" * 64, format="pdf", blocks=[block]), [], Meeting())
    assert [(a.name, a.role) for a in got] == [("Ann Lee", "Acme"), ("Bob Roe", None), ("Cy Diaz", "Globex"),
                                               ("Dee Hart", "North Foundation"), ("Ed Fox", "North Foundation")]
