"""Resolving short references (initials, handles, nicknames, surnames, roles) to attendees."""
from __future__ import annotations

import pytest

from extractor.nlp.people import PeopleIndex, derived_initials, register_handle
from models.meeting import Attendee


def index(*people: tuple) -> PeopleIndex:
    return PeopleIndex([Attendee(name=p[0], initials=p[1] if len(p) > 1 else None,
                                 role=p[2] if len(p) > 2 else None) for p in people])


NORFOLK = index(("Tony Oram", "TO", "DAAT Strategy Manager (Chair)"), ("Anne-Louise Schofield", "ALS"),
                ("Karen Hillen", "KH", "Government Office representative"), ("Steph Ross-Wagenknecht", "SRW"),
                ("Jacqueline Westrop", "JW", "DIP Manager and minute taker"), ("Daniel Harry",))
HALESWORTH = index(("Alan Holzer", "AHol", "Chair"), ("Alison Hopkins", "AHop"), ("Alison Britton", "AB"),
                   ("Mike Stephens", "MS"), ("Natalie Lloyd-Evans", "NLE"), ("David Olds", "DO"),
                   ("David Thomas",), ("Heather Poustie",), ("Jane Harper",))
NODE = index(("James Snell",), ("Michael Dawson",), ("Josh Gavant",), ("Jeremiah Senkpiel",), ("dgilmore",))
COUNCIL = index(("R. Crisp", None, "Chairman"), ("S. Leet",), ("N Cooper", None, "Clerk"), ("Willis",),
                ("Kit Hesketh-Harvey", None, "Vice-Chair"), ("Sue Lintern", None, "Chair"),
                ("Mandy Smith",), ("Peter Smith",), ("Ravi Patel", None, "Treasurer"), ("Alexa Gainsbury",))


@pytest.mark.parametrize("people,token,expected", [
    (NORFOLK, "KH", "Karen Hillen"),
    (NORFOLK, "KH's", "Karen Hillen"),
    (NORFOLK, "KH.", "Karen Hillen"),
    (NORFOLK, "Karen", "Karen Hillen"),
    (NORFOLK, "karen hillen", "Karen Hillen"),
    (NORFOLK, "Hillen", "Karen Hillen"),
    (NORFOLK, "ALS", "Anne-Louise Schofield"),
    (NORFOLK, "SRW", "Steph Ross-Wagenknecht"),
    (NORFOLK, "DH", "Daniel Harry"),           # derived from the name
    (NORFOLK, "Dan", "Daniel Harry"),          # nickname
    (NORFOLK, "the Chair", "Tony Oram"),
    (NORFOLK, "Minute taker", "Jacqueline Westrop"),
    (HALESWORTH, "AHop", "Alison Hopkins"),
    (HALESWORTH, "Ahop", "Alison Hopkins"),
    (HALESWORTH, "AHol", "Alan Holzer"),
    (HALESWORTH, "NLE", "Natalie Lloyd-Evans"),
    (HALESWORTH, "Mike", "Mike Stephens"),
    (HALESWORTH, "Michael", "Mike Stephens"),
    (HALESWORTH, "HeatherPoustie", "Heather Poustie"),
    (HALESWORTH, "JHa", "Jane Harper"),
    (HALESWORTH, "Chair", "Alan Holzer"),
    (NODE, "@jasnell", "James Snell"),
    (NODE, "@mhdawson", "Michael Dawson"),
    (NODE, "@joshgav", "Josh Gavant"),
    (NODE, "@dgilmore", "dgilmore"),
    (NODE, "dgilmore", "dgilmore"),
    (NODE, "Mike", "Michael Dawson"),
    (COUNCIL, "Cllr Crisp", "R. Crisp"),
    (COUNCIL, "Mr Crisp", "R. Crisp"),
    (COUNCIL, "Cllr R Crisp", "R. Crisp"),
    (COUNCIL, "Chairman", None),      # two chairs: R. Crisp and Sue Lintern
    (COUNCIL, "Clerk", "N Cooper"),
    (COUNCIL, "the Clerk", "N Cooper"),
    (COUNCIL, "Mrs Willis", "Willis"),
    (COUNCIL, "Vice-Chair", "Kit Hesketh-Harvey"),
    (COUNCIL, "Treasurer", "Ravi Patel"),
    (COUNCIL, "Dr Patel", "Ravi Patel"),
    (COUNCIL, "Lex", "Alexa Gainsbury"),
    (COUNCIL, "Lex Gainsbury", "Alexa Gainsbury"),
    (COUNCIL, "Mrs Smith", None),     # two Smiths
    (COUNCIL, "Mandy Smith", "Mandy Smith"),
    (COUNCIL, "Secretary", None),     # nobody holds the role
    (HALESWORTH, "AH", None),         # Alan Holzer and Alison Hopkins
    (HALESWORTH, "Ali", None),        # two Alisons
    (HALESWORTH, "David", None),      # two Davids
    (HALESWORTH, "Do", None),         # an ordinary word, not initials
    (NORFOLK, "To", None),
    (NORFOLK, "XY", None),
    (NORFOLK, "", None),
])
def test_resolve(people, token, expected):
    assert people.resolve(token) == expected


@pytest.mark.parametrize("people,token,expected", [
    (HALESWORTH, "AH", True),
    (HALESWORTH, "Ali", True),
    (HALESWORTH, "David", True),
    (COUNCIL, "Mrs Smith", True),
    (COUNCIL, "Chair", True),
    (NORFOLK, "KH", False),
    (NORFOLK, "XY", False),
    (COUNCIL, "Secretary", False),
])
def test_ambiguous(people, token, expected):
    assert people.ambiguous(token) is expected


def test_handle_given_on_the_attendee_line():
    register_handle("Jeremiah Senkpiel", "@Fishrock123")
    people = index(("Jeremiah Senkpiel",), ("James Snell",))
    assert people.resolve("@Fishrock123") == "Jeremiah Senkpiel"
    assert people.resolve("@fishrock123") == "Jeremiah Senkpiel"


def test_shared_initials_never_guess():
    people = index(("Karen Hill",), ("Kevin Hughes",))
    assert people.resolve("KH") is None and people.ambiguous("KH")
    # initials the document gave win over derived ones
    people = index(("Karen Hill", "KH"), ("Kevin Hughes", "KHu"))
    assert people.resolve("KH") == "Karen Hill"
    assert people.resolve("KHu") == "Kevin Hughes"


@pytest.mark.parametrize("name,expected", [
    ("Karen Hillen", {"KH"}),
    ("Anne-Louise Schofield", {"ALS", "AS"}),
    ("Steph Ross-Wagenknecht", {"SRW", "SR"}),
    ("John Paul Smith", {"JPS", "JS"}),
    ("Cllr R. Crisp", {"RC"}),
    ("Willis", set()),
])
def test_derived_initials(name, expected):
    assert derived_initials(name) == expected


FOHCL = index(("Andrew Payne", "AP", "Chair"), ("Alison Britton", "AB", "Vice-Chair"), ("Ali Hopkins", None,
                                                                                        "Library Manager"))
SUFFOLK = index(("Alison Wheeler", "AW", "General Manager"), ("Ian Brookman", "IB", "Finance & Resources Manager"),
                ("Nikki Sturmey", "NS", "Clerk"))
DEREHAM = index(("Claire Cann", "CC", "Chair"), ("Helen Richardson", None, "Locum Clerk"), ("Pam Walker", "PW"))


@pytest.mark.parametrize("people,token,expected", [
    (FOHCL, "Ali", "Ali Hopkins"),                  # her own first name before Alison's nickname
    (FOHCL, "Alison", "Alison Britton"),
    (SUFFOLK, "The General Manager", "Alison Wheeler"),  # the role as given, not any manager
    (SUFFOLK, "Manager", None),
    (SUFFOLK, "Clerk", "Nikki Sturmey"),
    (DEREHAM, "Locum Clerk", "Helen Richardson"),
    (DEREHAM, "the Locum Clerk", "Helen Richardson"),
    (DEREHAM, "Clerk", "Helen Richardson"),         # the only clerk there is
])
def test_resolve_first_names_and_roles_as_given(people, token, expected):
    assert people.resolve(token) == expected


def test_a_nickname_in_brackets_names_the_person():
    index = PeopleIndex([Attendee(name="Matthew Alves", role="Mogmiester"), Attendee(name="Tim Monks", role="monk"),
                         Attendee(name="Ann Bell", role="Chair")])
    assert index.resolve("Mogmiester") == "Matthew Alves"
    assert index.resolve("monk") == "Tim Monks"
    assert index.resolve("Chair") == "Ann Bell"  # an office stays an office
