"""Narrative commitments read by grammar: plain "X to …", "X will …" wording with any doer the minutes name."""
from __future__ import annotations

import pytest

from models.meeting import Attendee, Meeting
from tests.nlp.test_actions import doc_of, run

COUNCIL = [Attendee(name="Ann Bell", role="Chair"), Attendee(name="Sam Hope"), Attendee(name="Robert Bliss", role="Clerk"),
           Attendee(name="Rita Barnes", initials="RB")]
MEETING = Meeting(date="2021-03-03", organisation="Brampton Parish Council")

COMMITS = [
    ("The footpath was discussed. Clerk to reply and confirm the date.", ["Robert Bliss"], "reply and confirm the date"),
    ("Sam will update the website with the new times.", ["Sam Hope"], "update the website"),
    ("RB is looking to organise a workshop in the spring.", ["Rita Barnes"], "organise a workshop"),
    ("The secretary will contact the venue about parking.", ["secretary"], "contact the venue"),
    ("We will check with the insurers.", ["Brampton Parish Council"], "check with the insurers"),
    ("Ann to draft the letter to the landowner.", ["Ann Bell"], "draft the letter"),
    ("Following the report, the Clerk was asked to write to Highways about the potholes.", ["Robert Bliss"],
     "write to Highways"),
    ("Sam Hope reported on the hedges. He will be walking the footpaths next week.", ["Sam Hope"],
     "walking the footpaths"),
]


@pytest.mark.parametrize("text,owners,task", COMMITS, ids=[c[2] for c in COMMITS])
def test_plain_commitment_is_a_task_of_its_doer(text, owners, task):
    actions = run(doc_of(text), COUNCIL, MEETING)
    found = [a for a in actions if task in a.text]
    assert found, [a.text for a in actions]
    assert found[0].owners == owners and not found[0].explicit


NOT_COMMITS = [
    "It would be good to have a website for the village hall.",
    "The Council will not fund the project this year.",
    "SCC will repair the road next month.",
    "A member of the public will send photographs of the flooding.",
    "The Council will co-opt to fill the vacancy at the September meeting.",
    "Sam will likely update the website.",
    "He was also going to review the old reports.",
    "Last week's actions: Sam to update the website.",
    "They will allow Sam to update the website.",
    "Will the Clerk write to the landowner?",
    "Counter-motion: Ann and Sam will form a subcommittee to decide on the hall.",
    "Sam Hope will take over as treasurer from April.",
    "Bilingual signs: Welsh and English to cater to all visitors.",
]


@pytest.mark.parametrize("text", NOT_COMMITS)
def test_not_a_commitment(text):
    assert run(doc_of(text), COUNCIL, MEETING) == []


def test_needs_to_binds_a_person_not_a_group():
    club = [Attendee(name="Matthew Alves", role="Mogmiester"), Attendee(name="Chris Sinjakli", role="Sinjo")]
    actions = run(doc_of("Mogmiester needs to email the list, and Sinjo needs to get the ports reopened. "
                         "Staff need to give their reasons to their managers."), club, MEETING)
    assert [(a.owners, a.text) for a in actions] == [
        (["Matthew Alves"], "email the list"), (["Chris Sinjakli"], "get the ports reopened")]


def test_owner_first_lines_are_tasks_where_they_read_as_orders():
    team = [Attendee(name="Luther Tan"), Attendee(name="Valentine Ng"), Attendee(name="Roland Ho")]
    orders = doc_of("Resolved", "Luther: Introduce Soares to Juanita for the following task, by June 26",
                    "Roland: Implement supporters page 1st iteration; seek comment for next plenum",
                    kinds=("heading", "list_item", "list_item"))
    got = run(orders, team, MEETING)
    assert [(a.owners, a.explicit) for a in got] == [(["Luther Tan"], True), (["Roland Ho"], True)]
    talk = doc_of("Discussion", "Luther: I think the survey is too long.", "Valentine: Agree, and the form is slow.",
                  "Roland: Check the form on a phone.", "Luther: That was last year's problem.",
                  kinds=("heading", "list_item", "list_item", "list_item", "list_item"))
    assert run(talk, team, MEETING) == []  # what each said, not orders
