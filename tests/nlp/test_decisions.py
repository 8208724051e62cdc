"""Decision rules on real lines from the corpus, and lines that must NOT become decisions."""
from __future__ import annotations

import pytest

from extractor.nlp.decisions import extract_decisions
from extractor.nlp.engine import parse, pattern_files
from models.document import Block, Cell, Document, TextLine


def _block(i: int, text: str) -> Block:
    """ "## x" is a heading, "* x" / "** x" a list item (nesting by stars), anything else a paragraph."""
    kind, level = "paragraph", None
    if text.startswith("## "):
        kind, text = "heading", text[3:]
    elif text.startswith("*"):
        stars = len(text) - len(text.lstrip("*"))
        kind, level, text = "list_item", stars - 1, text.lstrip("* ")
    return Block(index=i, kind=kind, level=level, text=text, lines=[TextLine(start=0, line=i + 1)])


def decisions_of(*paragraphs: str):
    blocks = [_block(i, t) for i, t in enumerate(paragraphs)]
    document = Document(path="t.md", sha256="0" * 64, format="md", blocks=blocks)
    return extract_decisions(document, parse(b.text for b in blocks))


def decisions_of_table(rows: list[list[str]]):
    cells = [[Cell(text=t, row=r, col=c, lines=[TextLine(start=0, line=r + 1, page=1)]) for c, t in enumerate(row)]
             for r, row in enumerate(rows)]
    text = "\n".join(" | ".join(row) for row in rows)
    block = Block(index=0, kind="table", text=text, rows=cells, table=0)
    document = Document(path="t.pdf", sha256="0" * 64, format="pdf", blocks=[block])
    return extract_decisions(document, parse([text]))


# (line from a corpus document, the decision text expected, the rule expected)
DECISIONS = [
    pytest.param("RESOLVED: That Stuart Collins be co-opted to Stoke Ferry Parish Council. (Cllr Sue Lintern proposed, "
                 "Cllr Kit Hesketh-Harvey seconded, all were in favour).",
                 "That Stuart Collins be co-opted to Stoke Ferry Parish Council", "decision.resolved", id="resolved-that"),
    pytest.param("RESOLVED: • That the minutes of the Ordinary meeting held on 3 June 2020 be approved as a correct record. "
                 "(Cllr Donna Stocking proposed, Cllr Janet Taylor seconded, six were in favour and two abstained).",
                 "That the minutes of the Ordinary meeting held on 3 June 2020 be approved as a correct record",
                 "decision.resolved", id="resolved-bullet-minutes"),
    pytest.param("RESOLVED: That the revised Covid-19 Action Plan be approved as presented. (Cllr Andy Hayward proposed, "
                 "Cllr Janet Taylor seconded, all were in favour).",
                 "That the revised Covid-19 Action Plan be approved as presented", "decision.resolved",
                 id="resolved-action-plan-title"),
    pytest.param("A resolution was passed to adopt this policy and a copy will be placed on the website.",
                 "A resolution was passed to adopt this policy", "decision.passed", id="resolution-passed"),
    pytest.param("It was agreed that the Councillors would wait for these.",
                 "the Councillors would wait for these", "decision.agreed", id="it-was-agreed-that"),
    pytest.param("It was agreed to write-off a sum of £78.20 (Family H) which is outstanding dinner money.",
                 "It was agreed to write-off a sum of £78.20", "decision.agreed", id="it-was-agreed-to"),
    pytest.param("It was noted and agreed that as four traps were damaged by CGM during routine Grounds Maintenance the "
                 "Parish Council will need to pay for these.", "the Parish Council will need to pay for these",
                 "decision.agreed", id="noted-and-agreed"),
    pytest.param("11. CPRE Housing Allocation Pledge This was discussed and the Parish Council decided to not sign the "
                 "pledge.", "the Parish Council decided to not sign the pledge", "decision.agreed",
                 id="council-decided-clause"),
    pytest.param("The Clerk requested that the date be moved by one week due to annual leave, the Council agreed to move "
                 "the meeting date to Wednesday 12 August 2020 at 7 pm.",
                 "the Council agreed to move the meeting date to Wednesday 12 August 2020", "decision.agreed",
                 id="council-agreed-after-comma"),
    pytest.param("All Councillors resolved that this work should be undertaken.",
                 "All Councillors resolved that this work should be undertaken", "decision.agreed", id="all-resolved"),
    pytest.param("* DECISION: The TC will recharter to extend its scope", "The TC will recharter to extend its scope",
                 "decision.marker", id="decision-marker"),
    pytest.param("Consensus is yes, would be better to maintain in TSC repo.",
                 "Consensus is yes, would be better to maintain in TSC repo", "decision.agreed", id="consensus"),
    pytest.param("3.1 TI tabled a form requesting for 'Friends' for the Town Park and asked if this could be circulated. "
                 "AGREED", "asked if this could be circulated. AGREED", "decision.outcome", id="trailing-agreed"),
    pytest.param("13.1 DO had obtained costs for the provision of 2 planters for outside the library. These\nwould be "
                 "150cm long and cost approximately £200. AGREED to purchase.\nACTION:DO",
                 "These would be 150cm long and cost approximately £200. AGREED to purchase", "decision.outcome",
                 id="agreed-to-purchase-takes-matter-before"),
    pytest.param("6.2 We have had a request from Suffolk Libraries to pay for our share of wi-fi. AGREED to pay on the "
                 "understanding we may not be able to meet this year on year.",
                 "AGREED to pay on the understanding we may not be able to meet this year on year", "decision.outcome",
                 id="agreed-to-with-own-words"),
    pytest.param("10.1 DO advised that 60% of people were not aware that we operated as a charity. AGREED\nthat we would "
                 "publicise this by asking the East Anglian Daily Times to do a feature on this.",
                 "we would publicise this by asking the East Anglian Daily Times", "decision.outcome",
                 id="agreed-that-across-line-break"),
    pytest.param("The minutes were approved by all Councillors present and signed by the Chairman as a true record.",
                 "The minutes were approved by all Councillors present", "decision.approved", id="minutes-approved"),
    pytest.param("5. TO APPROVE AND SIGN THE MINUTES OF THE MEETING held 7th March 2017 The minutes were approved by all "
                 "Councillors present and signed by the Chairman as a true record.",
                 "The minutes were approved by all Councillors present and signed", "decision.approved",
                 id="minutes-approved-after-run-on-title"),
    pytest.param("The contract was otherwise accepted as per agreed at the March meeting and the Clerk was authorised "
                 "to sign this.", "The contract was otherwise accepted as per agreed at the March meeting",
                 "decision.approved", id="otherwise-accepted"),
    pytest.param("Minutes: It was proposed by G. (loft, seconded by Mrs. Willis and unanimously agreed that the minutes "
                 "of the May 2003 Parish Meeting be signed as a correct record.",
                 "the minutes of the May 2003 Parish Meeting be signed as a correct record", "decision.agreed",
                 id="proposed-seconded-unanimously-agreed"),
    pytest.param("Board adopted the action points as detailed in the adult treatment Plan ALS to progress.",
                 "Board adopted the action points as detailed in the adult treatment Plan", "decision.agreed",
                 id="board-adopted"),
    pytest.param("Item therefore taken off the agenda until further information and clarification was available.",
                 "Item therefore taken off the agenda until further information", "decision.agenda",
                 id="taken-off-agenda"),
    pytest.param("Michael moves to promote Stefan to secretary, Paul seconds, no discussion, no objections, approved.",
                 "Michael moves to promote Stefan to secretary", "decision.motion", id="motion-approved"),
    pytest.param("Stefan moves that the TC agree that the ERRATA do not constitute a Material Change. Paul seconds. "
                 "No discussion. No objection.",
                 "Stefan moves that the TC agree that the ERRATA do not constitute a Material Change",
                 "decision.motion", id="motion-no-objection"),
    pytest.param("b. Protocol for Remote Working (Item 70b). This was agreed.",
                 "Protocol for Remote Working (Item 70b). This was agreed", "decision.outcome",
                 id="this-was-agreed-takes-item"),
    pytest.param("A member of staff is currently off sick and it was requested that certain\npayments for sick pay "
                 "continue until the 31 March 2020. This was\nagreed.",
                 "payments for sick pay continue until the 31 March 2020. This was agreed", "decision.outcome",
                 id="this-was-agreed-across-lines"),
    pytest.param("5) To approve the recommendation of the BM Committee that the\nminor works on the attached paper be "
                 "carried out. There was a\ndiscussion on the reasons for the various woks. Agreed.",
                 "To approve the recommendation of the BM Committee that the minor works", "decision.outcome",
                 id="agreed-takes-agenda-proposition"),
    pytest.param("h. Agree policy review schedule - agreed", "Agree policy review schedule - agreed",
                 "decision.outcome", id="dash-agreed"),
    pytest.param("c. Pupil Premium Strategy (From L&W Committee) – Agreed. To be\nplaced on website",
                 "Pupil Premium Strategy (From L&W Committee) – Agreed", "decision.outcome", id="dash-agreed-title"),
    pytest.param("Keith Moore was re- appointed a parent governor. Babcock is to be\nnotified of the appointment.",
                 "Keith Moore was re- appointed a parent governor", "decision.appointed", id="re-appointed"),
    pytest.param("Appointment of a new Governor. Gill Quantrell was appointed as a Co-opted Governor. Clerk to notify "
                 "Babcock of the appointment.", "Gill Quantrell was appointed as a Co-opted Governor",
                 "decision.appointed", id="appointed"),
    pytest.param("There was a brief discussion on academisation/federation and it was\nagreed that currently the school "
                 "will remain as a maintained school.",
                 "currently the school will remain as a maintained school", "decision.agreed",
                 id="it-was-agreed-across-line-break"),
    pytest.param("It was agreed that the Strategy was now formalised.", "the Strategy was now formalised",
                 "decision.agreed", id="agreed-that-passive"),
    pytest.param("We then decided who was doing what mission and which missions we would complete as a group.",
                 "We then decided who was doing what mission", "decision.decided", id="we-decided-who"),
    pytest.param("All agree to not keep the github page as master but to keep an eye on the wikipedia page",
                 "All agree to not keep the github page as master", "decision.agreed", id="all-agree-to"),
]


@pytest.mark.parametrize("line,quote,rule", DECISIONS)
def test_decision_lines(line, quote, rule):
    found = decisions_of(line)
    assert len(found) == 1, [d.text for d in found]
    assert quote in found[0].text
    assert found[0].rule == rule
    assert "proposed" not in found[0].text and "seconds" not in found[0].text
    assert "ACTION" not in found[0].text


def test_source_text_is_the_sentence():
    (found,) = decisions_of("RESOLVED: That the payments for June as presented be approved. (Cllr Andy Hayward "
                            "proposed, Cllr Donna Stocking seconded, all were in favour).")
    assert found.text == "That the payments for June as presented be approved"
    assert found.source_text == "RESOLVED: That the payments for June as presented be approved."
    assert found.provenance.block == 0 and found.provenance.line == 1


def test_one_decision_a_sentence_after_a_conclusion_marker():
    found = decisions_of("Conclusion: Go with simple majority/>50% for everything to minimize friction. Ask for "
                         "resignations after 3 months of complete inactivity instead of 6.")
    assert [d.text for d in found] == ["Go with simple majority/>50% for everything to minimize friction",
                                       "Ask for resignations after 3 months of complete inactivity instead of 6"]


def test_three_resolutions_in_one_run_on_paragraph():
    found = decisions_of("i. Model Publication Scheme A resolution was passed to adopt this policy and a copy will be "
                         "placed on the website. ii. Financial Regulations A resolution was passed to adopt these "
                         "updated regulations and a copy will be placed on the website. iii. Asset Register A "
                         "resolution was passed to adopt this schedule.")
    assert [d.text.split(" and ")[0] for d in found] == ["A resolution was passed to adopt this policy",
                                                         "A resolution was passed to adopt these updated regulations",
                                                         "A resolution was passed to adopt this schedule"]


def test_inline_bullets_split_decisions_from_the_agenda_title():
    found = decisions_of("123/20 To Receive Urgent items of concern & matters to be included on the next agenda • It "
                         "was agreed to arrange a date for weed picking in the village to generally tidy footpaths. "
                         "Cllr Gail Reeve and Cllr Donna Stocking agreed to take the idea forward. • The Clerk agreed to "
                         "write to a property whose fence was leaning onto the footpath on Wretton Road.")
    assert [d.text for d in found] == ["It was agreed to arrange a date for weed picking in the village to generally "
                                       "tidy footpaths"]


def test_outcome_line_under_a_suggestion_makes_it_a_decision():
    found = decisions_of("* David suggests to wait until publication of Errata to SARIF v2.1 and then do the "
                         "rechartering", "** All agree")
    assert [d.text for d in found] == ["David suggests to wait until publication of Errata to SARIF v2.1 and then do "
                                       "the rechartering"]
    assert found[0].rule == "decision.outcome" and found[0].provenance.block == 0


def test_motion_with_roll_call_is_one_decision():
    found = decisions_of(
        "* Stefan moves to approve the aforementioned three work products subsequently called just ERRATA as "
        "Committee Specification Draft Errata. Paul seconds. No discussion. No objection.",
        "** Roll call for named votes:", "*** David - YES", "*** Eddy - YES", "** Unanimous consent.",
        "* Stefan moves to upload the content as is to wikipedia per #507")
    assert len(found) == 1
    assert found[0].text.startswith("Stefan moves to approve the aforementioned three work products")


def test_motion_carried_only_by_a_later_line():
    found = decisions_of("* Stefan moves that the TC approve requesting that OASIS initiate a 15-day public review",
                         "** Roll call for named votes:", "*** Paul - YES", "** Unanimous consent.")
    assert [d.rule for d in found] == ["decision.motion"]
    assert "15-day public review" in found[0].text


def test_marker_with_the_list_below_it():
    found = decisions_of("** Next meetings agreed:", "  November 11\n  December 2")
    assert [d.text for d in found] == ["Next meetings agreed: November 11, December 2"]


def test_summary_of_decisions_restating_the_body_is_said_once():
    found = decisions_of(
        "* DECISION: Michael moves that we repurpose our name as 'Software Analysis Results Interchange Format', "
        "Paul seconds, no discussion, no objections",
        "## 5.2 Review of Decisions Reached (Meeting Secretary)",
        "* DECISION: meeting dates approved.",
        "* DECISION: we propose to rename ourselves 'Software Results Interchange Format'",
        "* DECISION: we will rework our repository to store work artifacts, with Stefan to own final process.")
    assert [d.text for d in found] == [
        "Michael moves that we repurpose our name as 'Software Analysis Results Interchange Format'",
        "we will rework our repository to store work artifacts, with Stefan to own final process"]


def test_the_same_decision_twice_is_output_once():
    found = decisions_of("It was agreed to arrange a date for weed picking.", "It was agreed to arrange a date for "
                         "weed picking.")
    assert len(found) == 1


def test_decisions_made_table_lists_one_decision_a_line():
    found = decisions_of_table([
        ["Discussion:"],
        ["We then looked at deadlines for each task and discussed a real time frame which everyone agreed to so that "
         "we could start the project."],
        ["Decisions made:"],
    ]) + decisions_of_table([
        ["Decisions made:"],
        ["The decisions made were:\nMissions for each person and group missions\nProject proposal\nBasic code of "
         "conduct and general guidelines"],
    ])
    assert [d.text for d in found] == [
        "We then looked at deadlines for each task and discussed a real time frame which everyone agreed to so that "
        "we could start the project",
        "Missions for each person and group missions", "Basic code of conduct and general guidelines"]
    assert found[1].rule == "decision.list" and found[1].provenance.row == 1


def test_decisions_label_over_list_items():
    found = decisions_of("Decisions made:", "* Missions for each person and group missions", "* Project proposal",
                         "* Basic code of conduct and general guidelines",
                         "We then made the project proposal and discussed briefly the code of conduct.")
    assert [d.text for d in found] == ["Missions for each person and group missions",
                                       "Basic code of conduct and general guidelines"]
    assert {d.rule for d in found} == {"decision.list"}


def test_agreement_on_a_course_of_action_in_the_subjunctive():
    (found,) = decisions_of("It was agreed that further questions be added to the Visit Template.")
    assert found.text == "further questions be added to the Visit Template"


def test_elected_list_in_a_minutes_cell():
    found = decisions_of_table([
        ["Item", "Notes", "Action"],
        ["07/1920", "The following were elected:\nChair – Keith Moore\nVice Chair – Simon Barnes\nClerk to notify "
         "Babcock of the appointments", "Clerk"],
    ])
    assert [d.text for d in found] == ["Chair – Keith Moore", "Vice Chair – Simon Barnes"]


def test_policies_agreed_as_shown_lists_the_entries_not_the_heading():
    found = decisions_of_table([
        ["Item", "Notes", "Action"],
        ["34/1920", "The following policies/document were agreed/ratified as shown:\na. To Consider LA Admissions "
         "Arrangements for 2 years hence –\ndeferred to the next FGB\nb. SEND information Report and SEND Policy - "
         "ratified\nc. Teacher Appraisal - ratified\nd. Remote Working arrangements – agreed at Item 58.", ""],
    ])
    assert [d.text for d in found] == ["SEND information Report and SEND Policy - ratified",
                                       "Teacher Appraisal - ratified"]


def test_minutes_agreed_and_signed_cell():
    found = decisions_of_table([
        ["Item", "Notes", "Action"],
        ["02/1920", "Agreed and signed. Copy to Headteacher and to be placed on website", "Clerk to place on website"],
        ["67/2122", "Agreed and signed", "Clerk to place on website"],
    ])
    assert len(found) == 1
    assert found[0].text == "Agreed and signed"
    assert "Copy to Headteacher" in found[0].source_text


def test_action_table_rows_are_not_decisions():
    assert decisions_of_table([
        ["ITEM", "", "BY WHOM", "BY WHEN"],
        ["28a/1920", "Notify Kay Dicken that the Board agreed the HT progression", "Clerk", "asap"],
    ]) == []


@pytest.mark.parametrize("line", [
    pytest.param("* DECISION: None noted", id="none-noted"),
    pytest.param("* DECISION: meeting dates approved.", id="no-content-beyond-the-outcome"),
    pytest.param("The Council had agreed to support the consultation.", id="report-of-earlier-agreement"),
    pytest.param("The ICE Action Plan was subsequently developed by members of the WG and was approved by the DIP "
                 "Management Board on 4 May 2006.", id="decision-taken-elsewhere"),
    pytest.param("d. Annual report on SEND provision for the school website in line with statutory duties. Previously "
                 "agreed.", id="previously-agreed"),
    pytest.param("The Pay Committee had met on 13 November 2019 and had received a sample of recommendations from "
                 "Heather Poustie and these had all been agreed.", id="had-been-agreed"),
    pytest.param("KH agreed to check back with colleagues and report to the Board.", id="commitment-not-decision"),
    pytest.param("The Clerk agreed to find out what the status of the old railway station development currently was.",
                 id="clerk-agreed-to-is-an-action"),
    pytest.param("ACTION: Clerk to respond to consultation with no objections.", id="action-line"),
    pytest.param("Propose to keep stub for a year, then remove.", id="proposal"),
    pytest.param("* Stefan moves to upload the content as is to wikipedia per #507", id="motion-without-outcome"),
    pytest.param("Agenda was approved with the following changes:", id="procedural-agenda"),
    pytest.param("Minutes were approved as amended per 210930_SARIF_TC_45.txt", id="procedural-minutes"),
    pytest.param("Michael moves, Paul seconds, no discussion, no objections, approved.", id="adjournment-motion"),
    pytest.param("109/20 To Receive and Consider Acceptance for Apologies of Absence Apologies were noted and accepted "
                 "for Cllr Mandy Leamon (work commitment).", id="apologies-accepted"),
    pytest.param("3. ACCEPTANCE OF APOLOGIES FOR ABSENCE Apologies of absence were provided for Cllr A Collins. This "
                 "was accepted by all.", id="apologies-this-was-accepted"),
    pytest.param("118/20 To Approve Revised Covid-19 Action Plan The Clerk advised that minor amendments had been made "
                 "to the Covid-19 action plan in relation to meetings being held virtually.", id="covid-action-plan"),
    pytest.param("● Maths Visit (Kate Eames) - Date to be agreed", id="to-be-agreed"),
    pytest.param("The questions will be agreed at the LW Committee meeting.", id="will-be-agreed"),
    pytest.param("Shall the TC approve the combination of these documents as Committee Specification Draft Errata?",
                 id="question"),
    pytest.param("The Chair asked whether members agreed.", id="whether-agreed"),
    pytest.param("Governors agreed that they had read the documents.", id="agreed-with-a-fact"),
    pytest.param("There was a brief discussion on the work of the new caretaker and Governors agreed that the he is very "
                 "proactive and he is a welcome addition to the school.", id="agreed-with-an-opinion"),
    pytest.param("Councillors agreed that although there were some mistakes in the minutes, as there was no Clerk in "
                 "post at the time the Councillor who took the minutes did so as fully as they could.",
                 id="agreed-with-a-concession"),
    pytest.param("The Council agreed that it needed to purchase a bin for the common as there was excess litter from "
                 "the smaller bin currently in place.", id="agreed-on-a-need"),
    pytest.param("* Approved Teleconferences (Tuesdays at 08:00 PT / 16:00 UTC for 1.5 hours)",
                 id="approved-as-adjective"),
    pytest.param("David: Reminds everyone what was last time decided to proceed in that order:", id="last-time-decided"),
    pytest.param("No definition of flexibility was decided on at the meeting.", id="nothing-decided"),
    pytest.param("The Chair thanked Heather for her update and information on this matter.", id="no-marker"),
    pytest.param("Signed as a true record.", id="signature-line"),
    pytest.param("4) To approve the works related to the Fire Risk Assessment.", id="agenda-proposition-alone"),
    pytest.param("The motion was defeated.", id="motion-defeated"),
    pytest.param("It was not agreed to proceed.", id="not-agreed"),
])
def test_lines_that_are_not_decisions(line):
    assert decisions_of(line) == []


def test_every_pattern_has_a_known_label_and_an_id():
    rows = pattern_files()["decisions"]
    assert rows
    for row in rows:
        assert row["label"] in {"DECISION", "OUTCOME", "MOTION", "HEADING", "BLOCK"}, row
        assert row.get("id", "").startswith(("decision.", "block.")), row


# a proposer / seconder line with its outcome stands for the proposal just before it
VOTES = [
    pytest.param("11.2 The Financial Risk assessment was proposed, agreed and signed. Prop.JB, 2nd DD All agreed. DD "
                 "advised that documents should be scanned. NC to action. Additional hours will be funded for this. "
                 "Prop JB, 2nd GK All agreed.",
                 ["The Financial Risk assessment was proposed, agreed and signed",
                  "Additional hours will be funded for this"], id="prop-2nd-all-agreed"),
    pytest.param("Approve the Data Protection Policy and remove the Parish Councillors email addresses from the pump. "
                 "Proposed Cllr Mandy Leamon, Seconded Cllr Shirley Cordner, all in favour.",
                 ["Approve the Data Protection Policy and remove the Parish Councillors email addresses from the pump"],
                 id="proposed-seconded-in-favour"),
    pytest.param("The minutes were then accepted as a true and accurate record. Prop. JB 2nd DD All agreed.",
                 ["The minutes were then accepted as a true and accurate record"], id="said-once-after-prop-dot"),
    pytest.param("9.2 Clerk to update the address on title numbers NK408732 and NK393387. Prop JB, 2nd GK, All agreed.",
                 [], id="task-voted-is-an-action"),
    pytest.param("9.5 Agreed to hold bi-monthly meetings commencing from DoNM.",
                 ["Agreed to hold bi-monthly meetings commencing from DoNM"], id="agreed-to-after-item-number"),
]


@pytest.mark.parametrize("paragraph,expected", VOTES)
def test_votes_stand_for_the_proposal_before(paragraph, expected):
    assert [d.text for d in decisions_of(paragraph)] == expected


def test_vote_under_a_table_of_figures_is_not_a_decision():
    assert decisions_of("Balance as per cash book at 08/07/14 Business Saver £12,456.03 Community Account £2,911.90",
                        "Prop JB 2nd GK All agreed.") == []


@pytest.mark.parametrize("line", [
    pytest.param("She would support a Neighbourhood Plan if it was decided to go ahead.", id="if-it-was-decided"),
    pytest.param("The Parish Council would be responsible for the upkeep if wooden gates were approved.",
                 id="if-approved"),
    pytest.param("Prompt a warning message to the manager that there is no one to be assigned", id="to-be-assigned"),
    pytest.param("The May agenda will include discussion as to how money held in reserve should be allocated to future "
                 "projects.", id="should-be-allocated"),
    pytest.param("Owners have been contacted and this matter will now be passed to Highways.", id="will-now-be-passed"),
    pytest.param("82/18 Mid-Summer Fayre 2018 – 24 June 2018 The Chair advised that at a previous meeting the Parish "
                 "Council approved costs for the Fayre up to £1500, she advised that there had been numerous activities "
                 "booked for the day.", id="at-a-previous-meeting"),
    pytest.param("Item 6.1 – The penultimate paragraph should read; The Board agreed to refer the draft back to the "
                 "Management team to review.", id="correction-of-the-minutes"),
    pytest.param("(Note from SP: the conclusion was that other sites did not have this problem.)", id="note-aside"),
    pytest.param("**Note – confirmed post meeting, service no longer available - closed", id="note-dash"),
    pytest.param("Xin warned that partitioning might not yield the best outcome if it fragmented interest in the "
                 "project, to which everyone agreed.", id="to-which-everyone-agreed"),
    pytest.param("If this was so it was important that a new Stoke Ferry correspondent for the Lynn News be appointed "
                 "as a matter of some urgency.", id="important-that"),
    pytest.param("**Football Club Agreement**: Mrs Crisp had been contacted by Methwold Football Club asking about "
                 "hiring the football pitch.", id="agreement-in-a-title"),
    pytest.param("The official meeting concluded at 9.10 pm, and was opened to the floor for general comment.",
                 id="meeting-concluded-at"),
])
def test_markers_undone_by_the_words_around_them(line):
    assert decisions_of(line) == []


@pytest.mark.parametrize("line,quote", [
    pytest.param("Ali and DO tabled details of a Lean To metal shed and once the details of dimensions were finalised "
                 "it was AGREED to purchase.", "AGREED to", id="once-then-it-was-agreed"),
    pytest.param("Oliver Laity asked whether the Strategy is to be wide-reaching and it was agreed that that it would "
                 "encompass communication channels with all stakeholders.", "encompass communication channels",
                 id="whether-then-it-was-agreed"),
])
def test_a_condition_before_the_main_clause_does_not_undo_it(line, quote):
    (found,) = decisions_of(line)
    assert quote in found.text + " " + found.source_text


@pytest.mark.parametrize("line", [
    pytest.param("Confirmed as a true and accurate record of the meeting:", id="signature-confirmed"),
    pytest.param("The Councillors voted on the following:", id="voted-on-the-following"),
    pytest.param("As other ideas for the area it was agreed that a map of the footpaths amongst the gardens would be "
                 "nice.", id="would-be-nice"),
    pytest.param("It was discussed and agreed that the saving was too little to make it worth while changing provider.",
                 id="too-little-to"),
    pytest.param("1. DHO raised matter of clerk training and CILCA membership, this was confirmed as “nice to have” "
                 "but not legal statute", id="nice-to-have"),
    pytest.param("8. Membership Report: The Trustees were agreed on the importance of a good Friends set-up as a "
                 "‘named’ support organisation.", id="agreed-on-the-importance"),
])
def test_views_and_record_lines_are_not_decisions(line):
    assert decisions_of(line) == []


@pytest.mark.parametrize("line,quote", [
    pytest.param("A request for height-adjustable monitors for the Library counter was proposed by AP, seconded DO and "
                 "agreed. 2 new monitors to be purchased.",
                 "A request for height-adjustable monitors for the Library counter was proposed", id="passive-vote"),
    pytest.param("5.1 DT proposed and AH seconded that Sheila continue as Co-ordinator of this group.",
                 "Sheila continue as Co-ordinator of this group", id="proposed-and-seconded-that"),
    pytest.param("Following a full discussion by Trustees it was proposed by AP, seconded by UH, and agreed unanimously "
                 "‘That, for 2016, an amount of up to £85 of Friends funds be released to part-support volunteer "
                 "attendance at their Christmas Dinner.’", "an amount of up to £85 of Friends funds be released",
                 id="agreed-unanimously-quoted-that"),
])
def test_motions_proposed_and_seconded(line, quote):
    (found,) = decisions_of(line)
    assert quote in found.text
    assert "seconded" not in found.text or found.text.startswith("A request")


def test_decision_column_of_an_item_table():
    found = decisions_of_table([
        ["Item", "Decision (if applicable)"],
        ["Assignment allocation", "Divide into 4 parts, each for 1 week"],
        ["Prototype arrangements", ""],
        ["Brainstorm about the themes", "Sentiment analysis mostly"],
    ])
    assert [d.text for d in found] == ["Divide into 4 parts, each for 1 week", "Sentiment analysis mostly"]


def test_there_was_consensus_on():
    (found,) = decisions_of("* There was consensus on the overall goal, cadence based on even distribution over the year, "
                            "and having written artifacts that can be shared & archived")
    assert found.text.startswith("There was consensus on the overall goal")


def test_narrative_then_resolution_is_said_once():
    found = decisions_of("71/18 Minutes of the Meeting dated 7 March 2018 The minutes of the Ordinary Parish Council "
                         "Meeting held on 7 March 2018 were approved as a true record.",
                         "RESOLVED: That minutes of 7 March 2018 be approved.")
    assert [d.text for d in found] == ["That minutes of 7 March 2018 be approved"]


def test_a_task_resolved_below_does_not_replace_the_decision_above():
    found = decisions_of("The payments were considered and approved. Cheques to be signed at the end of the meeting.",
                         "RESOLVED: That the Locum Clerk to liaise with Helen Carrier on her final payment to be approved "
                         "at the April meeting.")
    assert found[0].text == "The payments were considered and approved"


@pytest.mark.parametrize("line", [
    pytest.param("RESOLVED: Locum Clerk to report fly tipping to Norfolk County Council Highways along Lime Kiln Road.",
                 id="resolved-role-to"),
    pytest.param("RESOLVED: 1) PW to update with the Parishioners about their Broadband in Basil Road.",
                 id="resolved-initials-to"),
    pytest.param("RESOLVED: That the Locum Clerk contact the Planning Officer and observe that there were no details of "
                 "size and employee numbers within the application.", id="resolved-that-subjunctive"),
    pytest.param("After discussion the Parish Council agreed for the Locum Clerk to place a request in the Parish Notice.",
                 id="agreed-for-role-to"),
    pytest.param("It was agreed that the Locum Clerk would email the Parish Councillors information about the Community "
                 "Heartbeat Trust for future consideration.", id="agreed-that-role-would"),
    pytest.param("After some discussion it was agreed that DC should check with Mally Reeve to see if the Village Hall "
                 "could be used.", id="agreed-that-initials-should"),
])
def test_a_resolution_that_only_hands_someone_a_task_is_not_a_decision(line):
    assert decisions_of(line) == []


@pytest.mark.parametrize("line,quote", [
    pytest.param("It was agreed by all and resolved that the Clerk should raise an invoice to the Sports and Social Club "
                 "for the period 1.4.16-31.3.18 to cover two years at a total cost of £550.",
                 "resolved that the Clerk should raise an invoice", id="task-that-charges-a-sum"),
    pytest.param("RESOLVED: That the Clerk position be advertised for one week as soon as possible before the deadline "
                 "of 31 March for £90 plus VAT.", "That the Clerk position be advertised", id="role-word-as-a-noun"),
    pytest.param("k. The Chairman sought the view of the Committee on whether a representative of Freebridge should be "
                 "invited to attend the AGM. This was unanimously agreed.", "This was unanimously agreed",
                 id="role-with-a-past-verb"),
])
def test_a_resolution_naming_who_carries_it_out_can_still_decide(line, quote):
    (found,) = decisions_of(line)
    assert quote.lower() in (found.text + " " + found.source_text).lower()


def test_a_motion_is_not_carried_by_a_later_agreement_of_its_own():
    assert decisions_of("e. DS proposed that Kit Hesketh-Harvey be invited as a guest and the opportunity taken top "
                        "present him with a financial recompense for heat and light used in events held in the church. "
                        "After some discussion it was agreed that the Chairman would ask Helaine to prepare a note to "
                        "K H-H.") == []


def test_a_member_agreeing_to_a_task_does_not_carry_a_motion():
    found = decisions_of("The Chair proposed that the Parish Council agreed an amount to spend on the gardens area on "
                         "plants. The Parish Council accepted Cllr Grant Tomkins offer to try and get plants for free "
                         "from Tescos. Cllr Trudy Mann agreed to cross check with two other prices from elsewhere. It was "
                         "agreed to propose an amount for planting annually and the planting of a permanent tree.")
    assert [d.text for d in found] == ["It was agreed to propose an amount for planting annually and the planting of a "
                                       "permanent tree"]


def test_a_decision_of_another_named_body_is_reported_not_made():
    assert decisions_of("## Wretton Parish Council", "Minutes of the Parish Council Meeting held on 8th March 2010",
                        "6. BCKLWN - Development Control Board resolved to object to the removal of kiosks thereby not "
                        "allowing adoptions to proceed") == []


@pytest.mark.parametrize("title,line", [
    pytest.param("Suffolk Libraries Board Meeting", "It was agreed by the Suffolk Libraries Board that the options "
                 "appraisal goes ahead. The Suffolk Libraries Board agreed to adopt option 2.", id="own-named-board"),
    pytest.param("Northwold Parish Council", "The Parish Council agreed to take on the website.", id="parish-council"),
    pytest.param("Board meeting minutes", "The Board formally agreed to adopt option 2.", id="the-board"),
])
def test_the_body_meeting_still_decides(title, line):
    assert decisions_of("## " + title, line)


# ---- motions with mover and seconder, counts, vote results ------------------------------------------------
MOVER_SECONDER = [
    pytest.param("Maria moved, Ken Lowe seconded that the annual fee remain at $15",
                 "the annual fee remain at $15", id="moved-seconded-that"),
    pytest.param("Budget for 2019 approved – A. Park (motion), R. Diaz (second)",
                 "Budget for 2019 approved", id="matter-then-motion-and-second"),
    pytest.param("APPROVED – Spring events calendar – L. Moss (motion), D. Roy (second)",
                 "Spring events calendar", id="approved-dash-with-motion-and-second"),
    pytest.param("Minutes from 3/14/19 approved 6-0.", "Minutes from 3/14/19 approved 6-0", id="minutes-with-a-count"),
    pytest.param("The revised bylaws were adopted 7-1-1.", "The revised bylaws were adopted 7-1-1", id="count-with-abstention"),
]


@pytest.mark.parametrize("line, quote", MOVER_SECONDER)
def test_motions_with_mover_seconder_or_count(line, quote):
    found = decisions_of(line)
    assert [d.text for d in found] == [quote]
    assert "(motion)" not in found[0].text and "(second)" not in found[0].text


def test_mover_and_seconder_under_an_item_stand_for_it():
    found = decisions_of("* 1. Adoption of the equipment policy", "** 1. JT Moves, KL seconds")
    assert [d.text for d in found] == ["Adoption of the equipment policy"]
    assert found[0].rule == "decision.motion" and "JT Moves, KL seconds" in found[0].source_text


def test_motion_verb_with_seconder_and_all_agreeing():
    found = decisions_of("Lee motions that the spring social is held on Friday at 7pm. Sam seconds. All board members "
                         "agree. Meeting ends at 9pm.")
    assert [d.text for d in found] == ["Lee motions that the spring social is held on Friday at 7pm"]


def test_bulleted_lines_of_one_block_are_read_one_by_one():
    found = decisions_of("New Business\no APPROVED – Annual meetings calendar\no APPROVED – Revised operating budget – "
                         "P. Ng (motion), T. Osei (second)")
    assert [d.text for d in found] == ["Annual meetings calendar", "Revised operating budget"]


def test_a_vote_and_its_result_on_the_line_below():
    found = decisions_of("* VOTE ON MOVING THE WORKSHOP TO SATURDAYS:", "** Passes 5-2.")
    assert len(found) == 1 and "MOVING THE WORKSHOP TO SATURDAYS" in found[0].text
    assert found[0].rule == "decision.vote"
    failed = decisions_of("* VOTE FOR ALLOWING GUESTS IN THE LAB:", "** Fails unanimously.")
    assert len(failed) == 1 and "Fails unanimously" in failed[0].source_text


@pytest.mark.parametrize("paragraphs", [
    pytest.param(("Meeting called to order at 7:02pm – J. Ross (motion), E. Kay (second)",), id="call-to-order"),
    pytest.param(("Motion: buy a second projector.", "Failed 2-5."), id="failed-motion"),
    pytest.param(("Anna moved, Ben seconded that dues rise to $30.", "The motion was defeated."), id="defeated-motion"),
    pytest.param(("Motion carried 4-1.",), id="count-with-no-matter"),
])
def test_procedure_and_failed_motions_are_not_decisions(paragraphs):
    assert decisions_of(*paragraphs) == []


def test_election_heading_over_posts_is_one_decision():
    found = decisions_of("## Election of 2020 Officers", "* Chair - Maya", "* Secretary - Olu Ade", "* Treasurer - Ravi")
    assert [d.text for d in found] == ["Election of 2020 Officers: Chair - Maya; Secretary - Olu Ade; Treasurer - Ravi"]
    assert found[0].rule == "decision.elected"
    found = decisions_of("Assigning various committee roles:\nEvents Committee: Ana, Joe, KT\nWebsite: an old role, kept "
                         "by the secretary.")
    assert [d.text for d in found] == ["Assigning various committee roles: Events Committee: Ana, Joe, KT"]


def test_a_heading_about_elections_with_no_posts_below_is_not_a_decision():
    assert decisions_of("## Election of officers", "The election will be held at the AGM in May.") == []


@pytest.mark.parametrize("line, quote", [
    pytest.param("Voted: Consensed to move the meeting to Tuesdays, same time", "Consensed to move the meeting to Tuesdays",
                 id="voted-consensed"),
    pytest.param("Discussion of the mailing list leads to agreement on opening a forum for members.",
                 "leads to agreement on opening a forum for members", id="leads-to-agreement-on"),
    pytest.param("Printing costs are high, so the exec decided we should print fewer flyers.",
                 "the exec decided we should print fewer flyers", id="exec-decided"),
    pytest.param("After a short discussion, Dana was nominated to the position of social secretary.",
                 "Dana was nominated to the position of social secretary", id="nominated-to-a-post"),
])
def test_consensus_and_club_bodies(line, quote):
    found = decisions_of(line)
    assert len(found) == 1 and quote in found[0].text + " " + found[0].source_text, [d.text for d in found]


@pytest.mark.parametrize("line", [
    "The previous exec decided that a new website was needed.",
    "14/00321/F – Erection of a garden shed at Mill House - Approved",
    "APP/D2510/W/15/3004417 – Land at Station Road Appeal – Approved",
])
def test_earlier_bodies_and_planning_authority_decisions_are_not_decisions(line):
    assert decisions_of(line) == []
