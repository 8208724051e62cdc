"""Action rules on real lines from the corpus, and lines that must NOT become actions."""
from __future__ import annotations

import pytest

from extractor.nlp.actions import extract_actions
from extractor.nlp.engine import parse
from models.document import Block, Document, TextLine
from models.meeting import Attendee, Meeting

NORFOLK = [Attendee(name="Karen Hillen", initials="KH"), Attendee(name="Andrew Barwick", initials="AB"),
           Attendee(name="Jacqueline Westrop", initials="JW"), Attendee(name="Roz Brookes", initials="RB"),
           Attendee(name="Tony Oram", initials="TO", role="Chair"), Attendee(name="Peter Burnham", initials="PB"),
           Attendee(name="Anne-Louise Schofield", initials="ALS")]
PARISH = [Attendee(name="N Cooper", role="Clerk"), Attendee(name="A. Jenkinson"), Attendee(name="C. Pointeer"),
          Attendee(name="Martin Storey", status="in_attendance")]
STOKE = [Attendee(name="Helen Richardson", role="Parish Clerk and Financial Responsible Person"),
         Attendee(name="Sue Lintern", role="Chair"), Attendee(name="Gail Reeve"), Attendee(name="Donna Stocking"),
         Attendee(name="Colin Sampson", status="in_attendance")]
HALES = [Attendee(name="Alison Hopkins", initials="AHop"), Attendee(name="Mike Stephens", initials="MS"),
         Attendee(name="Alan Holzer", initials="AHol", role="Chair")]


def doc_of(*paragraphs: str, kinds: tuple[str, ...] = ()) -> Document:
    blocks = []
    for i, text in enumerate(paragraphs):
        kind = kinds[i] if i < len(kinds) else "paragraph"
        blocks.append(Block(index=i, kind=kind, text=text, lines=[TextLine(start=0, line=i + 1)]))
    return Document(path="t.md", sha256="0" * 64, format="md", blocks=blocks)


def run(document: Document, attendees, meeting: Meeting | None = None):
    parsed = parse(b.text for b in document.blocks)
    return extract_actions(document, parsed, meeting or Meeting(date="2009-06-03"), attendees)


EXPLICIT = [
    pytest.param("ACTION KH to advice on the position prior to the next board meeting", NORFOLK,
                 ["Karen Hillen"], "advice on the position", id="bold-marker-initials"),
    pytest.param("ACTION RB to arrange a meeting with TO to discuss the issue", NORFOLK,
                 ["Roz Brookes"], "arrange a meeting with TO", id="marker-owner-not-the-other-initials"),
    pytest.param("ACTION a meeting between probation contract manager AB & JW to be facilitated to look into this matter.",
                 NORFOLK, ["Andrew Barwick", "Jacqueline Westrop"], "a meeting between", id="ownerless-marker-mentions"),
    pytest.param("ACTION DIP Strategy manager to instruct team to take flexible approach to acceptance.", NORFOLK,
                 ["DIP Strategy manager"], "instruct team", id="role-as-written"),
    pytest.param("ACTIONS: Cllr Storey to contact Highways about road sweeping.", PARISH,
                 ["Martin Storey"], "contact Highways", id="title-surname"),
    pytest.param("ACTION: Clerk to contact CPRE.", PARISH, ["N Cooper"], "contact CPRE", id="clerk-resolved"),
    pytest.param("ACTION Michael: Reach out to ParaSoft", [Attendee(name="Michael Fanning")],
                 ["Michael Fanning"], "Reach out to ParaSoft", id="owner-before-colon"),
    pytest.param("ACTION Michael: Reach out to ParaSoft", [Attendee(name="David Keaton")],
                 ["Michael"], "Reach out to ParaSoft", id="owner-before-colon-not-an-attendee"),
    pytest.param("ACTION: Sangwhan to comb through the discussion and while issues on whatwg/html.",
                 [Attendee(name="Sangwhan")], ["Sangwhan"], "comb through", id="first-name"),
    pytest.param("ACTION: Revisit next week.", [], [], "Revisit next week", id="ownerless-deferral"),
    pytest.param("* ACTION: pbrobinson to send patch to infra list enabling keepalive (dgilmore, 16:43:08)",
                 [Attendee(name="pbrobinson"), Attendee(name="dgilmore")], ["pbrobinson"],
                 "send patch to infra list enabling keepalive", id="meetbot-inline"),
]


@pytest.mark.parametrize("line,attendees,owners,task", EXPLICIT)
def test_explicit_action_lines(line, attendees, owners, task):
    actions = run(doc_of(line), attendees)
    assert len(actions) == 1, [a.text for a in actions]
    a = actions[0]
    assert a.explicit
    assert a.owners == owners
    assert task in a.text


def test_marker_with_owner_only_takes_the_paragraph_above():
    d = doc_of("6.3 MS stated that he would talk to both Barclays and Lloyds bank and see which would be the most "
               "accommodating to arrange a transfer from HSBC.", "ACTION:MS")
    actions = run(d, HALES)
    assert [a.owners for a in actions] == [["Mike Stephens"]]
    assert "talk to both Barclays and Lloyds bank" in actions[0].text


@pytest.mark.parametrize("paragraph,task", [
    pytest.param("9.2 It became apparent that the action agreed at our meeting 27th October at 3.1 had not been "
                 "implemented therefore the letter would be updated and sent in time for April's AGM. AB requested it "
                 "be minuted that she was not in agreement with this.\nACTION: MS",
                 "the letter would be updated", id="task-sentence-before-a-note-of-dissent"),
    pytest.param("14.1 The lift is currently broken and SCC will repair. Ahop will enquire as to whether the library "
                 "can also use this facility. Ali asked if we could agree to the purchase of cycle maps which would "
                 "generate a small income of 40% of the revenue. AGREED\nACTION:AHop",
                 "Ahop will enquire", id="sentence-naming-the-owner"),
])
def test_action_line_marks_the_right_sentence_above(paragraph, task):
    actions = run(doc_of(paragraph), HALES)
    assert len(actions) == 1 and task in actions[0].text


def test_task_list_boxes():
    d = doc_of("Action items", "- [ ] Dan to confirm the venue for the summit", "- [x] Bob to send the minutes",
               kinds=("heading", "list_item", "list_item"))
    actions = run(d, [Attendee(name="Dan Evans"), Attendee(name="Bob Chen")])
    assert [(a.owners, a.owner_text, a.text) for a in actions] == [
        (["Dan Evans"], "Dan", "confirm the venue for the summit")]


def test_handle_to_in_the_body_is_a_commitment_and_its_next_steps_line_the_action():
    """nodejs-tsc 2017-03-23: the body's '@jasnell to …' restated under Next steps is one explicit task."""
    d = doc_of("@jasnell to open a PR to put code of conduct in TSC repo, and to replace in other repos with a stub.",
               "Propose to keep stub for a year, then remove.",
               "Next steps",
               "* @jasnell to open PR to move code of conduct to TSC repo and replace in other repos with stubs.",
               kinds=("paragraph", "paragraph", "heading", "list_item"))
    actions = run(d, [Attendee(name="James Snell")])
    assert [(a.explicit, a.owners, a.text[:16]) for a in actions] == [(True, ["James Snell"], "open PR to move ")]
    assert actions[0].also


def test_action_dash_role_marks_the_task_sentence_of_the_paragraph_above():
    d = doc_of("The footpath at Mill Lane is overgrown. The Clerk will write to the County Council about it.",
               "Action – Clerk")
    actions = run(d, PARISH)
    assert [(a.owners, a.text) for a in actions] == [
        (["N Cooper"], "The Clerk will write to the County Council about it.")]


def test_role_name_with_and_is_not_a_second_task():
    actions = run(doc_of("ACTION AB to link up with Research and Information Officer to progress this matter further."),
                  NORFOLK)
    assert [(a.owners, a.text) for a in actions] == [
        (["Andrew Barwick"], "link up with Research and Information Officer to progress this matter further.")]


def test_narrative_commitment_restated_in_the_action_points_is_one_task():
    d = doc_of("It was clear a much more in depth presentation was needed. PB agreed to lead this at the next Board meeting.",
               "There was brief debate about how we understand and manage the business of the programme.",
               "This work was contained within the Adult Treatment Plan.",
               "ACTION POINTS",
               "PB to do a presentation to the Board in September detailing the PPO structure",
               kinds=("paragraph", "paragraph", "paragraph", "heading", "list_item"))
    actions = run(d, NORFOLK)
    assert [(a.explicit, a.text[:19]) for a in actions] == [(True, "do a presentation t")]


def test_two_owners_on_one_action_line_make_two_actions():
    line = "ACTIONS: Councillors to provide relevant emails and Clerk to respond within the 20 working day timeframe."
    actions = run(doc_of(line), PARISH, Meeting(date="2017-04-04"))
    assert [(a.owners, a.text.split()[0]) for a in actions] == [(["Councillors"], "provide"), (["N Cooper"], "respond")]


def test_action_line_glued_to_the_next_numbered_item_stops_there():
    line = ("ACTION: Cllr Pointeer to discuss positioning with Whittington Church. 15. PARISH COUNCIL NOTICEBOARDS "
            "These have not yet been received. ACTION: Clerk to follow up to find out when noticeboards will be delivered.")
    actions = run(doc_of(line), PARISH)
    assert [a.owners for a in actions] == [["C. Pointeer"], ["N Cooper"]]
    assert "NOTICEBOARDS" not in actions[0].text


def test_identical_action_lines_under_different_items_stay_two_tasks():
    line = "ACTION: Clerk to get two more estimates for tree works and put on the May agenda."
    d = doc_of("16. WHITTINGTON PLAYGROUND An estimate has been received.", line,
               "17. NORTHWOLD OLD CEMETERY A further two estimates are required.", line)
    assert len(run(d, PARISH)) == 2


def test_action_points_list_under_heading():
    d = doc_of("ACTION POINTS",
               "PB to do a presentation to the Board in September detailing the PPO structure",
               "Board adopted the action points as detailed in the adult treatment Plan ALS to progress.",
               "The Board to consider as part of its wider debate what its strategic vision was.",
               kinds=("heading", "list_item", "list_item", "list_item"))
    actions = run(d, NORFOLK)
    assert [a.owners for a in actions] == [["Peter Burnham"], ["Anne-Louise Schofield"], ["Board"]]
    assert all(a.explicit for a in actions)


def test_reviewed_action_marked_done_is_not_open():
    d = Document(path="t.md", sha256="0" * 64, format="md", blocks=[
        Block(index=0, kind="heading", text="1.6 Review of action items and resolutions"),
        Block(index=1, kind="list_item", level=0, text="ACTION Michael: Update OASIS repo teams/permissions"),
        Block(index=2, kind="list_item", level=1, text="DONE"),
        Block(index=3, kind="list_item", level=0, text="ACTION David: Author Wikipedia page"),
        Block(index=4, kind="list_item", level=1, text="ONGOING"),
    ])
    actions = run(d, [Attendee(name="Michael Fanning"), Attendee(name="David Keaton")])
    assert [a.owners for a in actions] == [["David Keaton"]]


NARRATIVE = [
    pytest.param("The Clerk agreed to escalate via the Planning Enforcement team at the Borough Council.", STOKE,
                 ["Helen Richardson"], id="clerk-agreed-to"),
    pytest.param("Cllr Gail Reeve and Cllr Donna Stocking agreed to take the idea forward.", STOKE,
                 ["Gail Reeve", "Donna Stocking"], id="two-owners-agreed"),
    pytest.param("The Clerk would continue to pursue in July.", STOKE, ["Helen Richardson"], id="would-continue"),
    pytest.param("Cllr Storey will contact Highways about this.", PARISH, ["Martin Storey"], id="will"),
    pytest.param("KH to clarify this with colleagues at GO.", NORFOLK, ["Karen Hillen"], id="initials-to"),
    pytest.param("It was agreed that inspections take place in May and September. Betty and Diane to carry out the "
                 "May inspection.", [Attendee(name="Betty White"), Attendee(name="Diane Black")],
                 ["Betty White", "Diane Black"], id="the-month-may-is-no-hedge"),
    pytest.param("Stefan, David and Chet will drive the decision-making here.",
                 [Attendee(name="Stefan Hagen"), Attendee(name="David Keaton")],
                 ["Stefan Hagen", "David Keaton", "Chet"], id="an-unlisted-name-beside-attendees"),
    pytest.param("122/20 Urgent Matters - Chairman The Clerk agreed to post any Neighbourhood Plan items on the website "
                 "when required.", STOKE, ["Helen Richardson"], id="doer-after-an-item-title"),
    pytest.param("The Borough Council of Kings Lynn and West Norfolk and Cllr Colin Sampson agreed to support the action.",
                 STOKE, ["Colin Sampson"], id="owner-after-a-place-joined-by-and"),
]


@pytest.mark.parametrize("line,attendees,owners", NARRATIVE)
def test_narrative_commitments(line, attendees, owners):
    actions = run(doc_of(line), attendees, Meeting(date="2020-07-01"))
    assert [(a.owners, a.explicit) for a in actions] == [(owners, False)]


NOT_ACTIONS = [
    pytest.param("118/20 To Approve Revised Covid-19 Action Plan The Clerk advised that minor amendments had been made.",
                 STOKE, id="action-plan-title"),
    pytest.param("The plan will shortly be added to drugs.gov.uk website as well as distributed through the DAT update.",
                 [], id="thing-will"),
    pytest.param("SCC will repair the lift.", HALES, id="third-party"),
    pytest.param("Cllr Colin Sampson shared that he was unsure when any consultation might happen, but he would look "
                 "to support the Parish Council's views on the matter.", STOKE, id="hedged-pronoun"),
    pytest.param("The Clerk had agreed to write to the council last month.", STOKE, id="already-done"),
    pytest.param("Residents were advised of the location of a streetlamp shade along West End as an example.", PARISH,
                 id="residents"),
    pytest.param("It was agreed that a Policy would be appropriate.", [], id="decision-not-action"),
    pytest.param("Cllr Crisp advised that all of the moles on Northwold recreation ground have now been exterminated.",
                 PARISH, id="report"),
]


@pytest.mark.parametrize("line,attendees", NOT_ACTIONS)
def test_lines_that_are_not_actions(line, attendees):
    assert run(doc_of(line), attendees) == []


def _table(index: int, table: int, rows: list[list[str]]) -> Block:
    from models.document import Cell
    cells = [[Cell(text=t, row=r, col=c) for c, t in enumerate(row)] for r, row in enumerate(rows)]
    return Block(index=index, kind="table", table=table, rows=cells, text="\n".join(" | ".join(r) for r in rows),
                 lines=[TextLine(start=0, line=index + 1)])


GOVERNORS = [Attendee(name="Pete Osborne", role="Clerk"), Attendee(name="Keith Moore"), Attendee(name="Heather Poustie")]


def test_rows_of_one_action_table_are_distinct_tasks():
    """Two rows for one owner with similar wording (decoy-fgb 2019-10-14, 'ACTIONS TO BE TAKEN')."""
    doc = Document(path="t.pdf", sha256="0" * 64, format="pdf", blocks=[_table(0, 0, [
        ["ITEM", "", "BY WHOM", "BY WHEN"],
        ["07/1920", "Notify Babcock of the appointments of Chair and Vice Chair", "Clerk", "asap"],
        ["14e/1920", "Notify Babcock of the re-appointment of Keith Moore as a parent governor", "Clerk", "asap"],
    ])])
    texts = [a.text for a in run(doc, GOVERNORS)]
    assert texts == ["Notify Babcock of the appointments of Chair and Vice Chair",
                     "Notify Babcock of the re-appointment of Keith Moore as a parent governor"]


def test_body_action_column_merges_into_the_summary_row_of_its_item():
    doc = Document(path="t.pdf", sha256="0" * 64, format="pdf", blocks=[
        _table(0, 0, [["ITEM", "", "BY WHOM", "BY WHEN"],
                      ["09a/1920", "Arrange a meeting to work towards a Communications Strategy", "Keith Moore",
                       "01/12/2019"]]),
        _table(1, 1, [["", "Item", "Notes", "Action"],
                      ["09/1920", "SIP", "Keith Moore said that he would wish to take on the role of lead governor "
                                         "for communication.", "Keith Moore"]]),
    ])
    actions = run(doc, GOVERNORS)
    assert [a.text for a in actions] == ["Arrange a meeting to work towards a Communications Strategy"]
    assert actions[0].also, "the body record is kept as the row's other provenance"


def test_action_column_of_a_real_pdf():
    """decoy-fgb 2019-10-14: owners wrapped over two lines of the Action column, a margin marker beside
    another person's task, and a deadline given as another committee's next meeting."""
    from pathlib import Path

    from extractor.pipeline import extract
    pdf = Path(__file__).resolve().parents[2] / "corpus/series/decoy-fgb-2019/decoy-fgb-2019-10-14.pdf"
    actions = {a.text: a for a in extract(pdf).actions}
    deferred = actions["This item was deferred to the next BM Committee meeting."]
    assert (deferred.owners, deferred.due) == (["Heather Poustie", "Pete Osborne"], "2019-11-25")
    finalise = next(a for t, a in actions.items() if t.startswith("Heather Poustie to finalise arrangements"))
    assert finalise.owners == ["Heather Poustie"]
    assert not any(t.startswith("Heather Poustie suggested") for t in actions)


ICAT = [Attendee(name="Alistair Mills", initials="AM"), Attendee(name="Steve Fisher", initials="SMF"),
        Attendee(name="Tom Griffin", initials="TG"), Attendee(name="Brian Matthews", status="apologies")]


@pytest.mark.parametrize("header", [
    pytest.param(["No.", "Detail", "Resp."], id="detail-resp"),
    pytest.param(["Item", "Description", "Res", "Status", "Comment"], id="res-status-comment"),
    pytest.param(["ITEM", "DESCRIPTION", "ASSIGNED"], id="assigned"),
])
def test_action_table_headers(header):
    row = ["60.03", "Finalise a release of IJP and send a note to the mailing list", "SF", ".", "–"][:len(header)]
    doc = Document(path="t.md", sha256="0" * 64, format="md", blocks=[_table(0, 0, [header, row])])
    assert [(a.text, a.owners) for a in run(doc, ICAT)] == [
        ("Finalise a release of IJP and send a note to the mailing list", ["Steve Fisher"])]


def test_done_rows_of_a_review_of_previous_actions_are_not_tasks_but_this_meetings_are():
    header = ["No.", "Detail", "Resp.", "Status"]
    review = Document(path="t.md", sha256="0" * 64, format="md", blocks=[
        Block(index=0, kind="paragraph", text="2. Actions of the previous meeting", lines=[TextLine(start=0, line=1)]),
        _table(1, 0, [header, ["2.1", "Add the terms of reference to the website", "TG", "Done"],
                      ["2.2", "Update the ToR to include a section on voting", "TG", "Not Done"]])])
    assert [a.text for a in run(review, ICAT)] == ["Update the ToR to include a section on voting"]
    own = Document(path="t.md", sha256="0" * 64, format="md", blocks=[
        Block(index=0, kind="heading", text="Actions 60", lines=[TextLine(start=0, line=1)]),
        _table(1, 0, [header, ["60.00", "Document the meeting and update the actions", "AM", "Done"]])])
    assert [a.text for a in run(own, ICAT)] == ["Document the meeting and update the actions"]


def test_he_will_is_the_person_named_before():
    actions = run(doc_of("Steve said that work on ICAT 4.3 was progressing well, with the development of Notifications "
                         "and Logging completed. He will deal with Free text next."), ICAT)
    assert [(a.owners, a.owner_text, a.text) for a in actions] == [(["Steve Fisher"], "He", "deal with Free text next.")]


def test_a_pronoun_with_nobody_named_before_is_no_commitment():
    assert run(doc_of("The release is late. He will deal with Free text next."), ICAT) == []


def test_later_action_table_naming_more_owners_wins():
    header = ["No.", "Detail", "Resp."]
    doc = Document(path="t.md", sha256="0" * 64, format="md", blocks=[
        _table(0, 0, [header, ["2.4", "Check with CLF/LSF that they are correctly represented", "BM"]]),
        _table(1, 1, [header, ["2.4", "Check with CLF/LSF that they are correctly represented", "TG & BM"]])])
    assert [a.owners for a in run(doc, ICAT)] == [["Tom Griffin", "Brian Matthews"]]


def test_two_commitments_of_one_doer_naming_the_same_people_stay_two():
    d = doc_of("The Clerk agreed to escalate via the Planning Enforcement team at the Borough Council and Cllr Colin "
               "Sampson agreed to support the action.",
               "The Clerk agreed to forward the letter to Cllr Colin Sampson to take forward internally at the Borough "
               "Council.")
    texts = [a.text for a in run(d, STOKE, Meeting(date="2020-07-01"))]
    assert any(t.startswith("escalate") for t in texts) and any(t.startswith("forward the letter") for t in texts)


def test_summary_row_misnumbered_by_one_still_takes_its_body_record():
    """decoy-fgb 2020-02-03: the summary table says 38/1920 for the minutes-approval item 39/1920."""
    doc = Document(path="t.pdf", sha256="0" * 64, format="pdf", blocks=[
        _table(0, 0, [["ITEM", "", "BY WHOM", "BY WHEN"], ["38/1920", "Minutes to website", "Clerk", "asap"],
                      ["40/1920", "Include SOAP on the agenda for the next L&W Committee meeting", "Clerk", "asap"]]),
        _table(1, 1, [["", "Item", "Notes", "Action"],
                      ["39/1920", "Minutes", "Agreed and signed. Copy to Headteacher and to be placed on website",
                       "Clerk to place on website"],
                      ["41/1920", "Data Protection", "This item was deferred to the next BM Committee meeting.",
                       "Clerk"]])])
    texts = [a.text for a in run(doc, GOVERNORS)]
    assert texts == ["Minutes to website", "Include SOAP on the agenda for the next L&W Committee meeting",
                     "This item was deferred to the next BM Committee meeting."]


def test_summary_row_about_the_body_records_doer_takes_it():
    """decoy-fgb 2019-12-09: the Clerk's row "Notify the chair that Chris Winfield will be joining…" is
    the task behind "Chris Winfield volunteered to join the meeting" in the item's notes."""
    people = GOVERNORS + [Attendee(name="Chris Winfield")]
    doc = Document(path="t.pdf", sha256="0" * 64, format="pdf", blocks=[
        _table(0, 0, [["ITEM", "", "BY WHOM", "BY WHEN"],
                      ["22/1920", "Notify the chair that Chris Winfield will be joining the Communications Strategy "
                                  "meeting", "Clerk", "asap"]]),
        _table(1, 1, [["", "Item", "Notes", "Action"],
                      ["22/1920", "Communications", "Chris Winfield volunteered to join the meeting.", ""],
                      ["23/1920", "Budget", "Chris Winfield agreed to review the budget figures.", ""]])])
    assert [(a.text[:20], a.owners) for a in run(doc, people)] == [
        ("Notify the chair tha", ["Pete Osborne"]), ("review the budget fi", ["Chris Winfield"])]


FINANCE = [Attendee(name="Jane Doe", initials="JD", role="Chair"), Attendee(name="Robert Roe", initials="RR"),
           Attendee(name="Sam Smith", initials="SS"), Attendee(name="Linda Lee", role="Clerk")]


def test_item_of_several_tasks_keeps_each():
    d = doc_of("5. Budget\nThe budget was discussed. RR will prepare a revised budget by 30th June. Action: RR",
               "7. Grants\nSS agreed to draft the grant application by the end of the month.\n"
               "JD and RR to meet the auditor w/c 16 June.\n"
               "ACTION: All members to send comments to the Clerk before the next meeting.",
               kinds=("list_item", "list_item"))
    got = [(a.owners, a.text) for a in run(d, FINANCE, Meeting(date="2014-06-03", next_meeting_date="2014-07-01"))]
    assert sorted(got) == sorted([
        (["Robert Roe"], "RR will prepare a revised budget by 30th June."),
        (["Sam Smith"], "draft the grant application by the end of the month."),
        (["Jane Doe", "Robert Roe"], "meet the auditor w/c 16 June."),
        (["All members"], "send comments to the Clerk before the next meeting.")])


TRUSTEES = [Attendee(name="Peter Parker", initials="PP"), Attendee(name="Mary Watson", initials="MW"),
            Attendee(name="Harry Osborn", initials="HO")]


def test_action_lines_of_a_typed_paragraph_are_read_line_by_line():
    d = doc_of("HO reported on the summer fair.\nAction by: MW and HO - to book the venue by 31/08/2014\n"
               "PP to write to local businesses for sponsorship.   Action: PP")
    got = [(a.owners, a.text) for a in run(d, TRUSTEES, Meeting(date="2014-07-17"))]
    assert got == [(["Mary Watson", "Harry Osborn"], "book the venue by 31/08/2014"),
                   (["Peter Parker"], "PP to write to local businesses for sponsorship.")]


def test_owner_after_an_item_reference():
    got = [(a.owners, a.text) for a in run(doc_of("Item 6: HO to chase the landlord. Ongoing."), TRUSTEES)]
    assert got == [(["Harry Osborn"], "chase the landlord.")]


def test_action_column_without_positions_takes_the_owners_sentence():
    """A Word or HTML minutes table has no line positions: the cell's sentence naming the owner is the task."""
    people = [Attendee(name="Cara Jones", initials="CJ"), Attendee(name="Ben Ives", initials="BI")]
    doc = Document(path="t.docx", sha256="0" * 64, format="docx", blocks=[_table(0, 0, [
        ["Item", "Discussion", "Action by"],
        ["1. Parking", "Residents raised concerns about parking on Elm Road. CJ will write to the council.", "CJ"],
        ["2. Newsletter", "The winter newsletter is nearly ready. BI to print 200 copies by 1 December.", "BI"]])])
    assert [(a.owners, a.text) for a in run(doc, people)] == [
        (["Cara Jones"], "CJ will write to the council."), (["Ben Ives"], "BI to print 200 copies by 1 December.")]


def test_a_task_pointing_back_at_its_sentence_takes_the_sentence():
    line = ("Paul Evemy suggested that a costing package be put together to provide additional space for "
            "interventions for the SENDCo and Heather agreed to do this.")
    actions = run(doc_of(line), [Attendee(name="Heather Poustie"), Attendee(name="Paul Evemy")])
    assert [(a.owners, a.text) for a in actions] == [(["Heather Poustie"], line)]


def test_a_speakers_answer_is_no_task():
    assert run(doc_of("David: To some extent."), [Attendee(name="David Baron")]) == []


def test_deadline_stated_only_in_the_narrative_twin():
    """northwold 2017-04-04: the ACTIONS line has no deadline; the sentence it restates does."""
    d = doc_of("Councillors were asked to provide any emails which relate to the FOI request by the end of the week "
               "(9th April) to enable the Clerk to respond within 20 working days.",
               "ACTIONS: Councillors to provide relevant emails")
    actions = run(d, PARISH, Meeting(date="2017-04-04"))
    assert [(a.text, a.due, a.due_text) for a in actions] == [
        ("provide relevant emails", "2017-04-09", "by the end of the week (9th April)")]


@pytest.mark.parametrize("item,owners,task", [
    pytest.param("- [ ] @alice draft the announcement", ["Alice Martin"], "draft the announcement", id="handle-first"),
    pytest.param("- Review the security policy (Bob)", ["Bob Chen"], "Review the security policy", id="paren-last"),
    pytest.param("- Carol – book the venue by 20 January", ["Carol Diaz"], "book the venue by 20 January",
                 id="dash-after-owner"),
    pytest.param("- Update the roadmap page – Alice, Bob", ["Alice Martin", "Bob Chen"], "Update the roadmap page",
                 id="dash-before-owners"),
])
def test_action_list_owner_beside_the_task(item, owners, task):
    people = [Attendee(name="Alice Martin"), Attendee(name="Bob Chen"), Attendee(name="Carol Diaz")]
    d = doc_of("Action items", item, kinds=("heading", "list_item"))
    assert [(a.owners, a.text) for a in run(d, people)] == [(owners, task)]


WEREHAM = [Attendee(name="Nicola Cooper", initials="NC", role="Parish Clerk"), Attendee(name="Dave Deighton", initials="DD"),
           Attendee(name="Roger Lankfer", initials="RL")]


def test_one_doers_like_tasks_under_different_items_stay_distinct():
    """wereham-pc 2014-07-08: four different 'Clerk to send a letter…' tasks, far apart."""
    doc = doc_of("6.1 Poplar trees. Clerk to send a letter of thanks.",
                 "7.0 Correspondence Received", "7.1 Newsletter received.",
                 "9.9 Church Road renumbering. Clerk to send a letter to let residents know and advise changing "
                 "to a house name.",
                 "10.0 Village Management Issues", "10.1 Noted.",
                 "14.1 The trees along the Row need to be pruned. Clerk to send a letter to Mr and Mrs Ryan.")
    assert len(run(doc, WEREHAM)) == 3


CLIENT = [Attendee(name="He Haiqi"), Attendee(name="Adrian Ng")]


def test_action_list_ends_at_an_unstyled_title_with_its_own_list():
    """ict2201: 'Questions for Client (Airline Pilot)' in plain text ends the 'Action Items:' list."""
    doc = doc_of("Action Items:", "1) Update use case diagram", "2) Update the M1 Report",
                 "Questions for Client (Airline Pilot)",
                 "1) What happens when the manager rejects the staff weekly availability after the deadline?",
                 "Staff can only reject certain slots, not the whole week’s allocation.",
                 kinds=("paragraph", "list_item", "list_item", "paragraph", "list_item", "list_item"))
    assert [a.text for a in run(doc, CLIENT)] == ["Update use case diagram", "Update the M1 Report"]


def test_he_is_a_pronoun_not_the_attendee_surnamed_he():
    doc = doc_of("Report format: he will only reply after week 5 (format to follow, font size 9, 1 page)")
    assert all(a.owners != ["He Haiqi"] for a in run(doc, CLIENT))


OLS = [Attendee(name="Michele Reeder"), Attendee(name="Rick Ales"), Attendee(name="Tom Waples")]


@pytest.mark.parametrize("line,owners", [
    pytest.param("Michele -  Generate stage gate check list requirements.", ["Michele Reeder"], id="dash"),
    pytest.param("Rick -- Project Charter for Agile PM with Stage gated sprints.", ["Rick Ales"], id="double-dash"),
])
def test_plain_lines_under_an_action_items_label(line, owners):
    doc = doc_of("Action Items:", line)
    assert [a.owners for a in run(doc, OLS)] == [owners]


@pytest.mark.parametrize("paragraph,owners,task", [
    pytest.param("6.2 Dog waste bins are with Bonnets but have not yet been installed. Clerk to chase.",
                 ["Nicola Cooper"], "chase: Dog waste bins are with Bonnets", id="one-word-task"),
    pytest.param("10.1 It was agreed that the condition of these areas would be included on the monthly play area "
                 "checklist. Clerk to action.", ["Nicola Cooper"], "It was agreed that the condition of these areas", id="to-action"),
    pytest.param("10.4 A new surface needs to be planned for: Clerk to contact NPFA to seek advice on best type of "
                 "flooring.", ["Nicola Cooper"], "contact NPFA to seek advice", id="after-colon"),
    pytest.param("15.1 Cllr Storey provided an update on funding to enable Public Houses to offer other services "
                 "(Clerk to highlight this to the George and Dragon and VG), funding awarded for WW1 events.",
                 ["Nicola Cooper"], "highlight this to the George and Dragon and VG", id="in-brackets"),
    pytest.param("6.6 Garden of Remembrance. Clerk to ask KN if she would like to pass the information over for the "
                 "Clerk to complete.", ["Nicola Cooper"], "ask KN if she would like", id="hedge-in-if-clause"),
    pytest.param("9.2 Clerk to update the address on title numbers NK408732, NK127127 and NK393387.",
                 ["Nicola Cooper"], "update the address", id="item-number-without-stop"),
])
def test_clerk_to_tasks_in_running_text(paragraph, owners, task):
    actions = run(doc_of(paragraph), WEREHAM)
    assert [a.owners for a in actions] == [owners]
    assert actions[0].text.startswith(task)


def test_two_doers_in_one_sentence_and_initials_the_text_gives():
    doc = doc_of("Attendance: Cllr Dave Deighton DD Vice Chair Cllr Roger Lankfer RL Nicola Cooper NC Parish Clerk",
                 "11.1 RL to check the number of Street Lamp Posts under the responsibility of the Parish Council "
                 "and NC to check with AON whether we are correctly covered.")
    actions = run(doc, [])
    assert [(a.owners, a.text) for a in actions] == [
        (["Roger Lankfer"], "check the number of Street Lamp Posts under the responsibility of the Parish Council"),
        (["Nicola Cooper"], "check with AON whether we are correctly covered.")]


LOCUM = [Attendee(name="Helen Richardson", role="Locum Clerk")]


@pytest.mark.parametrize("paragraph,tasks", [
    pytest.param("RESOLVED: Locum Clerk to report fly tipping to Norfolk County Council Highways along Lime Kiln Road.",
                 ["report fly tipping"], id="resolved-colon"),
    pytest.param("RESOLVED: 1) That the Locum Clerk add the IDB Invitation to the Parish Website. 2) That the Locum "
                 "Clerk follow up on the dyke concerns from the Parishioner at Lime Kiln Road.",
                 ["add the IDB Invitation", "follow up on the dyke"], id="resolved-that-numbered"),
    pytest.param("RESOLVED: That the Locum Clerk contact the Planning Officer and observe that there were no details "
                 "and therefore the Parish Council were unable to consider.", ["contact the Planning Officer"],
                 id="hedge-in-that-clause"),
    pytest.param("RESOLVED: That the Clerk position be advertised for one week as soon as possible.", [],
                 id="passive-is-no-task"),
])
def test_tasks_inside_a_resolution(paragraph, tasks):
    texts = [a.text for a in run(doc_of(paragraph), LOCUM)]
    assert len(texts) == len(tasks) and all(t.startswith(x) for t, x in zip(texts, tasks))


def test_a_narrative_commitment_and_its_resolution_are_one_task():
    doc = doc_of("Goal post concrete - The Locum Clerk agreed to pass onto the Handyman and check removal.",
                 "RESOLVED: Locum Clerk to report to the Handyman regarding goal post concrete removal on the "
                 "recreation ground.")
    actions = run(doc, LOCUM)
    assert [a.text for a in actions] == ["report to the Handyman regarding goal post concrete removal on the "
                                         "recreation ground."]


def test_agreeing_to_a_resolution_is_no_task():
    assert run(doc_of("After discussion the Parish Council agreed to this resolution."), LOCUM) == []


FOHCL = [Attendee(name="Mike Stephens", initials="MS"), Attendee(name="Evelyn Lindqvist"),
         Attendee(name="Alison Britton", initials="AB"), Attendee(name="David Thomas", initials="DT")]


@pytest.mark.parametrize("paragraph,marker,owners,task", [
    pytest.param("7.1 There were no volunteers for this position so this will be on the agenda for our next meeting. "
                 "AH raised the point that the members database requires managing, especially in 2 years time. "
                 "Evelyn offered to assist.", "ACTION:MS/EL", ["Mike Stephens", "Evelyn Lindqvist"], "AH raised the point",
                 id="glued-initials-assist"),
    pytest.param("7.3 Megan will continue to update Facebook and Twitter and Alison B offered to assist with the "
                 "Newsletter.", "ACTION: MP/AB", ["MP", "Alison Britton"], "Megan will continue",
                 id="unknown-initials-as-written"),
])
def test_owner_only_action_line_keeps_unknown_initials(paragraph, marker, owners, task):
    actions = run(doc_of(paragraph, marker), FOHCL)
    assert [(a.owners, a.text.startswith(task)) for a in actions] == [(owners, True)]


def test_actions_to_be_taken_heading_is_no_action():
    assert run(doc_of("ACTIONS TO BE TAKEN"), GOVERNORS) == []


CPC = [Attendee(name="Jory Burson"), Attendee(name="Myles Borins")]


@pytest.mark.parametrize("line,tasks", [
    pytest.param("AI: remove agenda tag and close after 14 days is up (3 more days)",
                 ["remove agenda tag and close after 14 days is up (3 more days)"], id="ai-colon"),
    pytest.param("AI, unrelated: examine issues related to getting voting members in for quorum",
                 ["examine issues related to getting voting members in for quorum"], id="ai-comma-word"),
    pytest.param("AI: none - still waiting on review from legal (has been sent off)", [], id="ai-none"),
    pytest.param("Last week’s AI: Jory to update PR & Send to legal for review", [], id="last-weeks-ai"),
    pytest.param("Last week’s AI: Need to get Board ok, then once 14 days has passed, should be ready to land.", [],
                 id="last-weeks-ai-ownerless"),
])
def test_ai_action_item_markers(line, tasks):
    assert [a.text for a in run(doc_of(line), CPC)] == tasks


STOKE18 = [Attendee(name="Martin Storey"), Attendee(name="Helen Richardson", role="Clerk")]


@pytest.mark.parametrize("paragraph,task", [
    pytest.param("The Chair shared that bulbs could also be planted around the village and the Clerk agreed to place "
                 "a notice out to ask for donation of bulbs.", "place a notice out", id="hedge-in-another-clause"),
    pytest.param("The Parish Council agreed to order a copy of the ‘Are you prepared?’ booklet and the Clerk agreed to "
                 "arrange with Kevin.", "arrange with Kevin", id="quoted-question-mark"),
    pytest.param("After discussion Cllr Martin Storey agreed to investigate the village gates as the costs provided "
                 "were considerably higher.", "investigate the village gates", id="title-after-an-opening-phrase"),
])
def test_narrative_commitments_in_longer_sentences(paragraph, task):
    assert any(a.text.startswith(task) for a in run(doc_of(paragraph), STOKE18))


def test_he_also_agreed_is_the_person_named_before():
    doc = doc_of("Martin Storey reported on the gates. He also agreed to explore with highways if there was a clause "
                 "for replacement.")
    assert [a.owners for a in run(doc, STOKE18)] == [["Martin Storey"]]


ATP = [Attendee(name="Rick Ales"), Attendee(name="Rob Hyde"), Attendee(name="Tom Waples"),
       Attendee(name="Michele Reeder"), Attendee(name="Travis Cottrell")]


@pytest.mark.parametrize("line,owners,task", [
    pytest.param("Rick & Tom get Sprint #1 done ASAP to support ongoing 8D ATP testing.", ["Rick Ales", "Tom Waples"],
                 "get Sprint #1 done ASAP to support ongoing 8D ATP testing.", id="two-names"),
    pytest.param("Rob, Rick, Michele & Tom develop budget for Sprint #2, request PO.",
                 ["Rob Hyde", "Rick Ales", "Michele Reeder", "Tom Waples"], "develop budget for Sprint #2, request PO.",
                 id="four-names"),
])
def test_action_list_names_before_the_verb_without_a_link_word(line, owners, task):
    doc = doc_of("Action Items:", line)
    assert [(a.owners, a.text) for a in run(doc, ATP)] == [(owners, task)]


def test_a_capitalised_task_is_not_an_unlisted_owner():
    doc = doc_of("Action Items:", "Security awareness training starts in July",
                 kinds=("paragraph", "list_item"))
    assert [a.owners for a in run(doc, [Attendee(name="Security", role="Officer")])] == [[]]


@pytest.mark.parametrize("line", [
    "ISO 27001 policy review completed",
    "User access review only 70% complete",
    "Security awareness training postponed until July",
    "Backup testing successful",
])
def test_status_lines_under_action_items_are_no_tasks(line):
    doc = doc_of("Action Items:", line, kinds=("paragraph", "list_item"))
    assert run(doc, ATP) == []


@pytest.mark.parametrize("line,owners,task", [
    pytest.param("* Action item: Niko to suggest posting on the RFC repository", ["Niko"],
                 "suggest posting on the RFC repository", id="first-name"),
    pytest.param("* Action item: nikomatsakis to write up the proposal", ["nikomatsakis"], "write up the proposal",
                 id="lowercase-handle"),
])
def test_action_item_owner_not_in_the_attendee_list(line, owners, task):
    people = [Attendee(name="nikomatsakis"), Attendee(name="pnkfelix")]
    assert [(a.owners, a.text) for a in run(doc_of(line), people)] == [(owners, task)]


def test_a_likely_intention_is_no_commitment():
    doc = doc_of("scottmcm will likely update the names based on libs feedback from Wednesday's meeting (2021-02-17).")
    assert run(doc, [Attendee(name="scottmcm")]) == []


NORTHWOLD = [Attendee(name="A Collins"), Attendee(name="R Crisp"), Attendee(name="N Cooper", role="Clerk")]


@pytest.mark.parametrize("paragraph,task", [
    pytest.param("The Clerk went through payments and receipts and the current balance on the internal statement. "
                 "Councillors asked the Clerk to revise the budget and complete a budget projection for the end of the year.",
                 "revise the budget and complete a budget projection for the end of the year.", id="asked-the-clerk"),
    pytest.param("The Clerk was instructed to put a notice in Village Life to say that all bottle banks will be withdrawn "
                 "from next year.", "put a notice in Village Life to say that all bottle banks will be withdrawn from "
                 "next year.", id="was-instructed"),
])
def test_the_body_asking_or_instructing_its_clerk(paragraph, task):
    assert [(a.owners, a.text) for a in run(doc_of(paragraph), NORTHWOLD)] == [(["N Cooper"], task)]


@pytest.mark.parametrize("paragraph", [
    "Methwold Football Club offered to pay £10 per match in the letter.",
    "The Clerk reported that Tim Glover had asked the Clerk to meet to discuss CGM’s contract.",
])
def test_outside_offers_and_reported_requests_are_no_tasks(paragraph):
    assert run(doc_of(paragraph), NORTHWOLD) == []


def test_a_resolution_rewording_the_request_just_above_is_one_task():
    """west-dereham-pc 2017-03-02: 'CC asked PW to seek feedback…' then 'RESOLVED: 1) PW to update…'."""
    people = [Attendee(name="Pam Walker", initials="PW"), Attendee(name="Chris Cross", initials="CC")]
    doc = doc_of("PW advised them how to investigate and improve their broadband. CC asked PW to seek feedback from them.",
                 "RESOLVED: 1) PW to update with the Parishioners about their Broadband in Basil Road.")
    assert [a.text for a in run(doc, people)] == ["update with the Parishioners about their Broadband in Basil Road."]


SFRA = [Attendee(name="Joyce Hull", initials="JH", role="Chairman"), Attendee(name="Daphne Clements", initials="DC"),
        Attendee(name="Debroy Summers", initials="DS")]


@pytest.mark.parametrize("paragraph,owners", [
    pytest.param("It was agreed that DC should check with Mally Reeve to see if the Village Hall could be used.",
                 ["Daphne Clements"], id="initials"),
    pytest.param("It was agreed that the Chairman should discuss the matter with the Parish Clerk before approaching "
                 "the Lynn News.", ["Joyce Hull"], id="role"),
])
def test_agreed_that_someone_should(paragraph, owners):
    assert [a.owners for a in run(doc_of(paragraph), SFRA)] == [owners]


@pytest.mark.parametrize("paragraph", [
    "The Committee felt that DC should check with Mally Reeve first.",
    "It was agreed that the concert should raise funds for the church.",
])
def test_should_outside_an_agreement_is_no_task(paragraph):
    assert run(doc_of(paragraph), SFRA) == []


@pytest.mark.parametrize("first,closing", [
    ("a. JH agreed to contact Norfolk Rural Community Council to find out if they required actual receipts.",
     "This has been resolved and a formal report is being prepared."),
    ("b. Secretary agreed to contact Ray Thompson to confirm details of the Constitution.",
     "This action was completed and the final version of the Constitution is now held by the Secretary."),
])
def test_a_task_closed_in_the_next_sentence_is_no_task(first, closing):
    assert run(doc_of(first, closing), SFRA) == []
    assert run(doc_of(f"{first} {closing}"), SFRA) == []


@pytest.mark.parametrize("paragraph,owners", [
    pytest.param("11.2 The boxes of historical documents which need to be sorted through are to be tackled by the Clerk "
                 "prior to the next meeting where possible.", ["Nicola Cooper"], id="by-the-clerk"),
    pytest.param("The boxes of historical documents are to be sorted by the end of the month.", [], id="by-a-date"),
])
def test_passive_task_with_its_doer_after_by(paragraph, owners):
    assert [a.owners for a in run(doc_of(paragraph), WEREHAM)] == ([owners] if owners else [])


def test_an_owner_in_brackets_after_the_task():
    doc = doc_of("Action: Remove util.p (Jeremiah to respond.)")
    assert [(a.owners, a.text) for a in run(doc, [Attendee(name="Bert Belder")])] == [(["Jeremiah"], "Remove util.p")]


def test_a_note_takers_placeholder_is_no_task():
    doc = doc_of("Sam has a document about import naming. TODO: insert the link here. We’ll discuss it in the next meeting.")
    assert all("insert the link" not in a.text for a in run(doc, [Attendee(name="Sam Clegg")]))
