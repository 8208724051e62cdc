"""Action tables and Action columns: real rows from school, library-board and parish minutes."""
from __future__ import annotations

import pytest

from extractor.nlp.actions import extract_actions
from extractor.nlp.engine import parse
from extractor.nlp.tables import _entries, _TASKISH
from models.document import Block, Cell, Document, TextLine
from models.meeting import Attendee, Meeting

GOVERNORS = [Attendee(name="Pete Osborne", role="Clerk"), Attendee(name="Keith Moore"),
             Attendee(name="Heather Poustie"), Attendee(name="Paul Evemy"), Attendee(name="Chris Winfield")]


def _table(index: int, table: int, rows: list[list[str]]) -> Block:
    cells = [[Cell(text=t, row=r, col=c) for c, t in enumerate(row)] for r, row in enumerate(rows)]
    return Block(index=index, kind="table", table=table, rows=cells, text="\n".join(" | ".join(r) for r in rows),
                 lines=[TextLine(start=0, line=index + 1)])


def _positioned(lines: list[tuple[str, float]], col: int = 0, row: int = 0) -> Cell:
    """A PDF cell: one text line per (text, top)."""
    text, out, pos = [], [], 0
    for k, (t, top) in enumerate(lines):
        out.append(TextLine(start=pos, line=k + 1, page=1, top=top))
        text.append(t)
        pos += len(t) + 1
    return Cell(text="\n".join(text), row=row, col=col, lines=out)


def run(blocks: list[Block], attendees, date: str = "2020-10-05"):
    document = Document(path="t.pdf", sha256="0" * 64, format="pdf", blocks=blocks)
    return extract_actions(document, parse(b.text for b in blocks), Meeting(date=date), attendees)


# decoy fgb 2020-10-05: "ACTIONS TO BE TAKEN" then, on the same page, the minutes table without column titles
ACTION_TABLE = [["ITEM", "", "BY WHOM", "", "BY WHEN"],
                ["01/2021", "Notify Babcock and amend GIAS", "Clerk", "", "asap"],
                ["14a/2021", "Produce a draft objective on strategic resilience", "Keith Moore", "", "01/11/2020"]]
BODY = [["FGB 01/2021", "To record those who were present, accept apologies and sanction absences",
         "The meeting commenced at 1834 Visitors: None Apologies: Oliver Laity and sanctioned The quorum for "
         "this meeting is 5 governors. This was a remote meeting.", "", ""],
        ["FGB 02/2021", "To agree the Minutes of the last meeting held 13 July 2020",
         "Agreed and signed. Copy to Headteacher and to be placed on website", "", "Clerk"]]
BODY_2 = [["FGB 14/2021", "Governors", "The following matters were considered: a. Set board objectives for the year. "
           "Keith Moore advised possibly both he and Simon Barnes may leave at the end of the Academic Year and he "
           "proposed four objectives.", "", "Keith Moore"],
          ["FGB 19/2021", "Date of next meeting", "Monday 7 December 2020 at 1830", "", ""]]


def test_minutes_table_after_the_action_table_is_not_more_action_rows():
    actions = run([_table(0, 0, ACTION_TABLE), _table(1, 1, BODY), _table(2, 2, BODY_2)], GOVERNORS)
    owners = [o for a in actions for o in a.owners]
    assert "Notify Babcock and amend GIAS" in [a.text for a in actions]
    assert not any(o.startswith(("The meeting commenced", "Monday 7 December", "Agreed and signed")) for o in owners)
    assert not any(a.text in ("Date of next meeting", "To agree the Minutes of the last meeting held 13 July 2020")
                   for a in actions)


def test_headerless_minutes_table_reads_its_action_column():
    actions = run([_table(0, 0, BODY), _table(1, 1, BODY_2)], GOVERNORS)
    assert [(a.owners, a.rule) for a in actions if "placed on website" in a.text] == [(["Pete Osborne"], "action.column")]
    assert not any(a.owners == ["Monday 7 December 2020 at 1830"] for a in actions)


@pytest.mark.parametrize("lines, entries", [
    pytest.param([("Heather", 248.17), ("Poustie/Kay", 261.97), ("Dicken", 275.79),
                  ("Heather", 427.62), ("Poustie/Kay", 441.42), ("Dicken", 455.22)],
                 ["Heather Poustie/Kay Dicken", "Heather Poustie/Kay Dicken"], id="surname-cut-after-slash"),
    pytest.param([("Kay", 433.07), ("Dicken/Clerk", 446.87), ("Kay", 488.27), ("Dicken/Clerk", 502.07)],
                 ["Kay Dicken/Clerk", "Kay Dicken/Clerk"], id="role-after-slash-is-whole"),
    pytest.param([("Kay Dicken", 129.37), ("/Oliver Laity", 143.17), ("Kay Dicken", 184.57)],
                 ["Kay Dicken/Oliver Laity", "Kay Dicken"], id="slash-at-line-start"),
])
def test_action_column_entries_rejoin_wrapped_names(lines, entries):
    assert [t for t, _, _ in _entries(_positioned(lines), lambda t: True)] == entries


def _split_row(cells: list[list[tuple[str, float]]], row: int = 0) -> list[Cell]:
    return [_positioned(lines, col=k, row=row) for k, lines in enumerate(cells)]


def test_owner_cut_by_a_stray_rule_is_joined_back():
    """pdfplumber reads a rule drawn through the table as a column: 'Heather Poustie/Kay | Dicken'."""
    header = _split_row([[("ITEM", 200.0)], [], [("BY WHOM", 200.0)], [], [("BY WHEN", 200.0)]])
    row = _split_row([[("08/2021", 214.0)], [("Purchase the necessary Phonics resources as agreed", 214.0)],
                      [("Heather", 214.0), ("Poustie/Kay", 227.8)], [("Dicken", 227.8)], [("asap", 214.0)]], row=1)
    block = Block(index=0, kind="table", table=0, rows=[header, row], text="t", lines=[TextLine(start=0, line=1)])
    actions = run([block], GOVERNORS)  # Kay Dicken (business manager) is no attendee
    assert [(a.text, a.owners) for a in actions] == [
        ("Purchase the necessary Phonics resources as agreed", ["Heather Poustie", "Kay Dicken"])]


@pytest.mark.parametrize("sentence, taskish", [
    ("3) To approve the Schools Financial Value Standards (SFVS) and ensure submission to the LA.", True),
    ("The Clerk is to notify Babcock and amend GIAS", True),
    ("Governors made various comments and amendments to the SFVS and recommended its acceptance", False),
    ("Agreed and signed.", False),
])
def test_task_sentences_beside_an_action_column(sentence, taskish):
    assert bool(_TASKISH.search(sentence)) is taskish


# Suffolk Libraries board 2015-01-22: meeting details, then a row titled only "Action" over the initials column
SUFFOLK_TOP = [[(0, "Title of Meeting"), (2, "Suffolk Libraries IPS - Board Meeting")],
               [(0, "Attendees"), (2, "Tony Brown (Chair), Sylvia Knights (Vice Chair), Alison Wheeler (General Manager)")],
               [(3, "Action")],
               [(0, "1."), (1, "Welcome and Apologies Apologies were received from Charlotte Clark."), (3, "")]]
SUFFOLK_NEXT = [["8.", "Suffolk Libraries Advisory Group The Chair raised the idea that an Advisory Group be set up. "
                 "The Board members have been asked to suggest names of individuals to be invited.", "ALL"],
                ["9.", "The Suffolk Libraries Journey – Independence and Opportunity. Mark Bee attendance – SK to remind.",
                 "SK"]]


def test_action_column_titled_alone_below_the_meeting_details():
    """The first part's merged cells put the Action column at another column number than the next part's."""
    top = [[Cell(text=t, row=r, col=c) for c, t in row] for r, row in enumerate(SUFFOLK_TOP)]
    first = Block(index=0, kind="table", table=0, rows=top, text="t", lines=[TextLine(start=0, line=1)])
    actions = run([first, _table(1, 1, SUFFOLK_NEXT)], [], date="2015-01-22")
    got = [(a.owner_text, a.rule) for a in actions]
    assert ("ALL", "action.column") in got and ("SK", "action.column") in got
    assert not any(a.owner_text in ("Apologies", "Action") for a in actions)


@pytest.mark.parametrize("entry, owners", [
    pytest.param("SK/IB", ["SK", "IB"], id="two-initials"),
    pytest.param("RH", ["RH"], id="one"),
])
def test_initials_in_an_action_column_are_owners_without_an_attendee_list(entry, owners):
    rows = [["", "Notes", "Action"],
            ["4.", "A revised version of the Rules had been checked by the SCC Lawyer. These can be referred back "
                   "to the Governance Committee.", entry]]
    assert [a.owners for a in run([_table(0, 0, rows)], [], date="2012-11-19")] == [owners]


def test_action_column_entry_takes_the_sentence_that_hands_out_the_task():
    """board 2012-11-19: 'AW' is printed level with the line before 'The General Manager to check …'."""
    notes = _positioned([("a) Aldeburgh Library – an alternative opening hours proposal has", 605.93),
                         ("been suggested which will add another afternoon session. There", 619.73),
                         ("was a follow-up through the local School. The General Manager to", 633.53),
                         ("check the final outcome.", 647.33)], col=1, row=1)
    row = [Cell(text="3.", row=1, col=0), notes, _positioned([("AW", 619.73)], col=2, row=1)]
    header = [Cell(text="", row=0, col=0), Cell(text="", row=0, col=1), _positioned([("Action", 590.0)], col=2)]
    block = Block(index=0, kind="table", table=0, rows=[header, row], text="t", lines=[TextLine(start=0, line=1)])
    assert [a.text for a in run([block], [], date="2012-11-19")] == ["The General Manager to check the final outcome."]


def test_two_action_column_entries_beside_one_paragraph_take_two_sentences():
    """board 2012-11-19: 'AW' beside (a) and again beside (c) of one cell; the second 'AW' is within
    reach of (a)'s 'The General Manager to check …' but stands level with (c)'s own task."""
    notes = _positioned([("a) Aldeburgh Library – an alternative opening hours proposal has", 605.93),
                         ("been suggested which will add another afternoon session. There", 619.73),
                         ("was a follow-up through the local School. The General Manager to", 633.53),
                         ("check the final outcome.", 647.33),
                         ("b) Google Applications – No update.", 661.13),
                         ("c) Board Away Day – Andrew St. Ledger is working on the report. The", 674.93),
                         ("next Away Day has been suggested for January 2013 – date to be", 688.73),
                         ("confirmed.", 702.53)], col=1, row=1)
    row = [Cell(text="3.", row=1, col=0), notes, _positioned([("AW", 619.73), ("AW", 702.53)], col=2, row=1)]
    header = [Cell(text="", row=0, col=0), Cell(text="", row=0, col=1), _positioned([("Action", 590.0)], col=2)]
    block = Block(index=0, kind="table", table=0, rows=[header, row], text="t", lines=[TextLine(start=0, line=1)])
    board = [Attendee(name="Alison Wheeler", initials="AW", role="General Manager")]
    got = [a.text for a in run([block], board, date="2012-11-19") if a.rule == "action.column"]
    assert got[0] == "The General Manager to check the final outcome."
    assert got[1].startswith("The next Away Day has been suggested for January 2013")


def test_entry_over_two_lines_belongs_to_the_paragraph_its_second_line_opens():
    """bm committee 2022-01-24: 'Kay Dicken' is printed beside the end of (c), '/Oliver Laity' level
    with the start of (d), the item whose SFVS Oliver Laity signs."""
    notes = _positioned([("c. Financial benchmarking using the DfE tool, discuss findings and", 74.14),
                         ("make recommendations to FGB. Kay Dicken provided information", 87.94),
                         ("on the benchmarking and governors had an opportunity to ask", 101.74),
                         ("questions and reassuring answers were provided.", 115.57),
                         ("d. Schools Financial Value Standards document and ensure", 143.17),
                         ("submission to the LA. Oliver made comments on the dashboard and", 156.97),
                         ("the SFVS was agreed and will be signed by Oliver Laity", 170.77)], col=1, row=1)
    row = [Cell(text="BM 41/2122", row=1, col=0), notes,
           _positioned([("Kay Dicken", 129.37), ("/Oliver Laity", 143.17)], col=2, row=1)]
    header = [Cell(text="", row=0, col=0), Cell(text="", row=0, col=1), _positioned([("Action", 60.0)], col=2)]
    block = Block(index=0, kind="table", table=0, rows=[header, row], text="t", lines=[TextLine(start=0, line=1)])
    governors = [Attendee(name="Kay Dicken"), Attendee(name="Oliver Laity")]
    got = [a for a in run([block], governors, date="2022-01-24") if a.rule == "action.column"]
    assert [a.owners for a in got] == [["Kay Dicken", "Oliver Laity"]]
    assert "Kay Dicken provided" not in got[0].text and "signed by Oliver Laity" in got[0].text


ICAT = [Attendee(name="Catherine Jones"), Attendee(name="Stuart Pullinger", initials="SP"),
        Attendee(name="Alex de Maria"), Attendee(name="Rolf", initials="RK")]
ICAT_ACTIONS = [["", "", ""],
                ["113.2", "Organise a meeting for the discussion of a Topcat replacement", "Catherine Jones"],
                ["119.1", "Review and update instructions for Apache proxy configuration.", "SP and RK"],
                ["120.2", "Stuart to speak to Brian Matthews about ExPanDS", "Stuart Pullinger"]]


def test_closing_action_table_with_blank_titles_is_item_task_people():
    actions = run([_heading(0, "Actions"), _table(1, 0, ICAT_ACTIONS)], ICAT, date="2018-09-27")
    assert [(a.text, a.owners) for a in actions] == [
        ("Organise a meeting for the discussion of a Topcat replacement", ["Catherine Jones"]),
        ("Review and update instructions for Apache proxy configuration.", ["Stuart Pullinger", "Rolf"]),
        ("Stuart to speak to Brian Matthews about ExPanDS", ["Stuart Pullinger"])]


def _heading(index: int, text: str) -> Block:
    return Block(index=index, kind="heading", text=text, lines=[TextLine(start=0, line=index + 1)])


@pytest.mark.parametrize("heading, rows", [
    pytest.param("Agenda", [["", "", ""], ["1.", "Apologies were received from Charlotte Clark.", "Catherine Jones"],
                            ["2.", "Review of the Apache proxy configuration", "Alex de Maria"]], id="item-lead-not-actions"),
    pytest.param("Actions", [["", "", ""], ["60.03", "Release of IJP", "SP"]], id="one-row"),
    pytest.param("Actions", [["3.", "Date of next meeting", "26th March 2015, Bury Library"],
                             ["4.", "Any Other Business was discussed", "There were no other matters"]], id="not-names"),
])
def test_tables_that_are_not_item_task_people(heading, rows):
    actions = run([_heading(0, heading), _table(1, 0, rows)], ICAT)
    assert [a.rule for a in actions if a.rule == "action.table"] == []


def test_row_of_lettered_sub_items_is_one_task_per_letter():
    """lw committee 2020-11-16: sub-items a–c share a row, each with its own owner and deadline."""
    rows = [["ITEM", "", "BY WHOM", "BY WHEN"],
            ["23/2021", "Carry out visits and provide reports to the Clerk for the next meeting:\na. Literacy – 20 November "
             "2020\nb. SEND – 24 November 2020\nc. EYFS Curriculum - 26 November 2020",
             "a. Paul Evemy/ Sandra\nCartwright\nb. Paul Evemy/Sandra\nCartwright\nc. Chris Winfield",
             "a. 01/01/2021\nb. 01/01/2021\nc. 01/01/2021"],
            ["", "d. Maths – date to be arranged", "d. Chris Winfield", "d. 01/01/2021"]]
    got = [(a.text, a.owners, a.due) for a in run([_table(0, 0, rows)], GOVERNORS + [Attendee(name="Sandra Cartwright")])]
    lead = "Carry out visits and provide reports to the Clerk for the next meeting: "
    assert got == [(lead + "Literacy – 20 November 2020", ["Paul Evemy", "Sandra Cartwright"], "2021-01-01"),
                   (lead + "SEND – 24 November 2020", ["Paul Evemy", "Sandra Cartwright"], "2021-01-01"),
                   (lead + "EYFS Curriculum - 26 November 2020", ["Chris Winfield"], "2021-01-01"),
                   ("d. Maths – date to be arranged", ["Chris Winfield"], "2021-01-01")]


# --- a table of decisions with a "Responsible" column is no action table ---------------------------------

TEAM = [Attendee(name="Rodrigo Solano"), Attendee(name="Anna Berg")]


def _para(index: int, text: str, kind: str = "paragraph") -> Block:
    return Block(index=index, kind=kind, text=text, lines=[TextLine(start=0, line=index + 1, page=1)])


def test_a_decisions_column_beside_a_responsible_column_is_not_an_action_table():
    decisions = [["#", "Topic", "Decision / Agreement", "Responsible"],
                 ["1", "Repository", "Fork the repository under the platform organisation.", "Rodrigo"],
                 ["2", "Pipeline", "Use the existing job template; no new pipeline.", "Team"]]
    actions = [["Action", "Owner", "Due Date"],
               ["Share the forked repository link with the team.", "Rodrigo", "Oct 3, 2025"]]
    got = run([_para(0, "3. Decisions and Agreements", "heading"), _table(1, 0, decisions),
               _para(2, "4. Action Items", "heading"), _table(3, 1, actions)], TEAM)
    assert [(a.text, a.owners) for a in got] == [("Share the forked repository link with the team.", ["Rodrigo Solano"])]


def test_a_table_under_a_decisions_heading_is_not_an_action_table_but_an_action_column_keeps_it_one():
    rows = [["Item", "Outcome", "Responsible"], ["1", "The budget of the fair is approved as tabled.", "Anna"]]
    assert run([_para(0, "Decisions", "heading"), _table(1, 0, rows)], TEAM) == []
    rows = [["Decision", "Action", "Owner"], ["Budget approved", "Send the approved budget to the bank", "Anna"]]
    got = run([_para(0, "Decisions", "heading"), _table(1, 0, rows)], TEAM)
    assert [(a.text, a.owners) for a in got] == [("Send the approved budget to the bank", ["Anna Berg"])]


# --- statuses: a status is no task; a task its status closes is none of this meeting ----------------------

COMMITTEE = [Attendee(name="George Barrell", initials="GB"), Attendee(name="Leonardo Bishop", initials="LB")]


def test_status_lines_under_marked_actions():
    blocks = [_para(0, "Action: George to do the paperwork", "list_item"), _para(1, "Action completed", "list_item"),
              _para(2, "Action: George to research green popcorn", "list_item"),
              _para(3, "George said it looks vile", "list_item"), _para(4, "Action completed", "list_item"),
              _para(5, "Action: George to buy popcorn", "list_item"),
              _para(6, "Action: Leonardo to do more publicity next Tuesday", "list_item"),
              _para(7, "Action carried forwards", "list_item")]
    assert [(a.text, a.owners) for a in run(blocks, COMMITTEE)] == [
        ("buy popcorn", ["George Barrell"]), ("do more publicity next Tuesday", ["Leonardo Bishop"])]


def test_a_reviewed_item_ending_in_a_closed_status_is_no_task():
    blocks = [_para(0, "1. Action List", "heading"),
              _para(1, "Item 1: Our progress on the report was reviewed. Status: Closed", "list_item"),
              _para(2, "Item 2: George will share any errors in testing. Status: Open", "list_item")]
    got = [a.text for a in run(blocks, COMMITTEE)]
    assert not any("progress on the report" in t for t in got)


def test_status_words_are_data():
    from extractor.nlp.status import closes, ends_closed, is_status
    assert closes("Completed") and closes("Action completed") and closes("Status: Done") and closes("closed.")
    assert is_status("c/f") and is_status("Carried forward") and is_status("Ongoing")
    assert not closes("c/f") and not closes("Carried forwards") and not closes("Ongoing")
    assert not is_status("Complete the survey form") and not is_status("Close the account")
    assert ends_closed("Item 2: Errors were amended. Status: Closed") and not ends_closed("Status: Open")


# --- owners written after the paragraph: an Action column read into the text, ", action Jon." ------------

COUNCIL = [Attendee(name="Catherine Chisholm", initials="CC"), Attendee(name="Graham Dolan", initials="GD"),
           Attendee(name="Helen Laing", initials="HL"), Attendee(name="Isabel Kellie", initials="IK")]


def _lines(index: int, lines: list[str], kind: str = "list_item") -> Block:
    pos, out = 0, []
    for k, t in enumerate(lines):
        out.append(TextLine(start=pos, line=index * 10 + k + 1, page=1, top=100.0 + 12 * k))
        pos += len(t) + 1
    return Block(index=index, kind=kind, text="\n".join(lines), lines=out)


def test_action_column_initials_read_onto_the_paragraph_lines():
    blocks = [_lines(0, ["Resilient Communities – a meeting had taken place to discuss the arrangements.",
                         "It was agreed to arrange a leaflet drop to all households by the end of March. CC would",
                         "clarify the residents position at a forthcoming meeting. HL would explore the costs",
                         "associated with this exercise. GD/CC/HL"]),
              _lines(1, ["Castle View Houses – HL undertook to find out the cost of a street sign.",
                         "The cost would be met by the CC. HL"])]
    got = sorted((a.owners[0], a.text) for a in run(blocks, COUNCIL))
    assert ("Graham Dolan", "It was agreed to arrange a leaflet drop to all households by the end of March.") in got
    assert any(o == "Catherine Chisholm" and "clarify the residents position" in t for o, t in got)
    assert any(o == "Helen Laing" and "explore the costs" in t for o, t in got)
    assert any(o == "Helen Laing" and "street sign" in t for o, t in got)
    assert not any("met by the CC" in t for _, t in got)


def test_initials_after_an_attendance_line_are_no_action_column():
    blocks = [_lines(0, ["Present Catherine Chisholm CC Graham Dolan GD", "Helen Laing (SBC) HL"], "paragraph")]
    assert run(blocks, COUNCIL) == []


HALL = [Attendee(name="Mick Ratford"), Attendee(name="Jon Stride"), Attendee(name="Mags Ratford")]


def test_owner_named_after_the_task_as_action_name():
    blocks = [_lines(0, ["Karen expressed concern over the large tree in the car park.",
                         "Are we responsible? Look at the insurance, action Mick. Also find out whose tree it is."]),
              _lines(1, ["7. Doors and fencing project.",
                         "o A thank you to the playgroup for the contribution to the fence, action Jon.",
                         "o Replacement sink No progress?, c/f action Jon."])]
    got = [(a.text, a.owners, a.source_text) for a in run(blocks, HALL)]
    assert ("Look at the insurance", ["Mick Ratford"]) in [(t, o) for t, o, _ in got]
    assert any(s.startswith("Karen expressed concern") for t, _, s in got if t == "Look at the insurance")
    assert ("A thank you to the playgroup for the contribution to the fence", ["Jon Stride"]) in [(t, o) for t, o, _ in got]
    assert ("Replacement sink No progress?", ["Jon Stride"]) in [(t, o) for t, o, _ in got]


# --- a task table of team members and their assigned work ---------------------------------------------

def test_team_member_and_assigned_module_columns():
    rows = [["Team Member", "Assigned Module/Function", "Notes / Focus"],
            ["Adil", "Registration & Login", "Test inputs, error handling, 2FA"],
            ["Haris", "Map & Dashboard", "Layered map, data display, filtering"]]
    got = run([_para(0, "Task Allocation", "heading"), _table(1, 0, rows)],
              [Attendee(name="Adil"), Attendee(name="Haris")])
    assert [(a.text, a.owners) for a in got] == [("Registration & Login", ["Adil"]), ("Map & Dashboard", ["Haris"])]
    assert "Test inputs, error handling, 2FA" in got[0].source_text


def test_attendance_table_of_members_is_no_action_table():
    rows = [["Member", "Status"], ["Adil", "Present"], ["Haris", "Present"]]
    assert run([_para(0, "Attendance", "heading"), _table(1, 0, rows)], [Attendee(name="Adil")]) == []


# --- a list item or line that only titles an action list ----------------------------------------------

def test_a_list_item_titling_the_action_items_below_it():
    blocks = [_para(0, "Discussed Items:", "list_item"),
              _para(1, "Mastercard will share details about the new version after contracting.", "list_item"),
              _para(2, "Action Items:", "list_item"),
              _para(3, "List of parameters in the session request.", "list_item"),
              _para(4, "Review the process of migration of the table and set the period of data longevity.", "list_item")]
    got = [a.text for a in run(blocks, [])]
    assert "List of parameters in the session request." in got
    assert any(t.startswith("Review the process of migration") for t in got)


def test_a_to_do_line_titles_an_action_list():
    blocks = [_para(0, "Extra info:"), _para(1, "Berend-Jan is only at school when he gives lectures.", "list_item"),
              _para(2, "To do:"), _para(3, "Create a planning", "list_item"), _para(4, "Meet & Greet", "list_item")]
    got = [a.text for a in run(blocks, [])]
    assert got == ["Create a planning", "Meet & Greet"]


def test_initials_at_a_line_end_that_start_the_next_sentence_are_no_action_column():
    blocks = [_lines(0, ["Information on a community led plan was circulated and it was resolved",
                         "that the village groups should be approached. GD"], "paragraph"),
              _lines(1, ["GD"], "heading"),
              _lines(2, ["to speak to Mel Radford, who has expressed an interest"], "paragraph")]
    assert not any(a.text.startswith("Information on a community") for a in run(blocks, COUNCIL))
