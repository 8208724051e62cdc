"""Dates and deadlines on real phrases from the corpus, and phrases that must not yield one."""
from __future__ import annotations

from datetime import date

import pytest

from extractor.nlp.dates import find_dates, find_events, parse_date, resolve_deadline

FOUND = [
    pytest.param("3rd June 2009", "2009-06-03", "day", id="ordinal-dmy"),
    pytest.param("**3<sup>rd</sup> June 2009**", "2009-06-03", "day", id="sup-ordinal"),
    pytest.param("Ordinary Meeting Tuesday 4th April 2017, 7.30pm Northwold Village Hall", "2017-04-04", "day",
                 id="weekday-ordinal"),
    pytest.param("held on Wednesday 1 July 2020 at 7.00 pm", "2020-07-01", "day", id="weekday-dmy"),
    pytest.param("Date of next meeting September 2nd 2009", "2009-09-02", "day", id="mdy-ordinal"),
    pytest.param("September 2<sup>nd</sup> 2009 9.30 a.m – 1.00 p.m", "2009-09-02", "day", id="mdy-sup"),
    pytest.param("October 14, 2021 / 08:00-09:30 PDT / 15:00-16:30 UTC", "2021-10-14", "day", id="mdy-comma"),
    pytest.param("December 09, 2021 / 08:00-09:30 PT", "2021-12-09", "day", id="mdy-zero-day"),
    pytest.param("Committee dates: 14 October 2019", "2019-10-14", "day", id="dmy"),
    pytest.param("COMMITTEE Board of Governors DATE; 14/10/2019", "2019-10-14", "day", id="numeric-uk"),
    pytest.param("11/01/2020", "2020-01-11", "day", id="numeric-day-first"),
    pytest.param("COLIN BROWN Co-opted 02/10/19", "2019-10-02", "day", id="numeric-two-digit-year"),
    pytest.param("# Node.js Foundation TSC Meeting 2017-03-23", "2017-03-23", "day", id="iso"),
    pytest.param("#fedora-meeting-1: RELENG (2015-02-09)", "2015-02-09", "day", id="iso-in-brackets"),
    pytest.param("##### 20 March 2018", "2018-03-20", "day", id="heading"),
    pytest.param("ITEMS FOR AGENDA OF NEXT MEETING: TO BE HELD: TUESDAY 7th May 2017, 7pm", "2017-05-07", "day",
                 id="upper-weekday"),
    pytest.param("held on Tuesday\n11th May 2004 at 7.00 p.m.", "2004-05-11", "day", id="weekday-line-break"),
    pytest.param("Meeting of 26th January 2016", "2016-01-26", "day", id="meeting-of"),
    pytest.param("Minutes of the Wereham Parish Meeting - June 2004", "2004-06-01", "month", id="month-year"),
]


@pytest.mark.parametrize("text,value,precision", FOUND)
def test_find_dates(text, value, precision):
    found = find_dates(text)
    assert [f.value.isoformat() for f in found] == [value]
    assert found[0].precision == precision
    assert text[found[0].start:found[0].end] == found[0].text


DEFAULT_YEAR = [
    pytest.param("Tuesday 4th April", 2017, "2017-04-04", "day", id="weekday-no-year"),
    pytest.param("by the end of the week (9th April)", 2017, "2017-04-09", "day", id="ordinal-no-year"),
    pytest.param("The Clerk would continue to pursue in July", 2020, "2020-07-01", "month", id="in-month"),
    pytest.param("a presentation to the Board in September detailing", 2009, "2009-09-01", "month", id="in-september"),
    pytest.param("DECISION: Next meetings to be November 11 and December 2", 2021, "2021-11-11", "day", id="mdy-no-year"),
    pytest.param("25/04", 2021, "2021-04-25", "day", id="day-month-cell"),
    pytest.param("Action: Revisit 5/22.", 2018, "2018-05-22", "day", id="month-day-us"),
]


@pytest.mark.parametrize("text,year,value,precision", DEFAULT_YEAR)
def test_find_dates_default_year(text, year, value, precision):
    found = find_dates(text, default_year=year)
    assert found[0].value.isoformat() == value
    assert found[0].precision == precision
    assert not found[0].year_given


def test_no_year_without_default_gives_nothing():
    assert find_dates("by the end of the week (9th April)") == []


def test_month_day_order():
    assert find_dates("04/05/2020", day_first=False)[0].value == date(2020, 4, 5)
    assert find_dates("04/05/2020")[0].value == date(2020, 5, 4)
    assert find_dates("12/31/2020")[0].value == date(2020, 12, 31)  # only one reading possible


NOT_DATES = [
    pytest.param("Cllr May to contact Highways about road sweeping", id="cllr-may"),
    pytest.param("Cllr May 2019 was elected", id="cllr-may-year"),
    pytest.param("this may be impacted upon the library", id="may-be"),
    pytest.param("quotes for discussion at the March meeting", id="month-meeting"),
    pytest.param("Ordinary Meeting, 7.30pm Northwold Village Hall", id="time"),
    pytest.param("The meeting closed at 2020", id="time-like-year"),
    pytest.param("150cm long and cost approximately £200", id="money"),
    pytest.param("107/20 Openness and Transparency Notice", id="minute-number"),
    pytest.param("LW 64/2122 To record those who are present", id="item-number"),
    pytest.param("accounts for the year 1.4.16-31.3.17 were approved", id="dotted-range"),
    pytest.param("CHRIS WINFIELD Co-opted 7/2022 P", id="month-year-numeric"),
    pytest.param("agenda_20211014.html", id="compact-in-url"),
    pytest.param("we will march on to the next item", id="lowercase-march"),
    pytest.param("agreed by 1/2 of the members present", id="fraction"),
    pytest.param("as recorded at minute 12/20 last month", id="minute-number-short"),
    pytest.param("FGB 10/12 Safeguarding report", id="item-code-short"),
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert find_dates(text, default_year=2020) == []


PARSE = [
    pytest.param("11/01/2020", "2020-01-11", id="cell-numeric"),
    pytest.param("21st February 2019", "2019-02-21", id="cell-ordinal"),
    pytest.param(" 14th February 2019 ", "2019-02-14", id="cell-spaces"),
    pytest.param("Monday 27 June 2022 at 1830", "2022-06-27", id="cell-weekday-time"),
    pytest.param("15/10/2019", "2019-10-15", id="cell-day-over-12"),
    pytest.param("Wed 21-02-17", "2017-02-21", id="weekday-dashed-short-year"),
    pytest.param("Wednesday, September14, 2022", "2022-09-14", id="month-glued-to-day"),
    pytest.param("asap", None, id="asap"),
    pytest.param("On-going", None, id="ongoing"),
    pytest.param("Version 1 by 21st February 2019", None, id="not-only-a-date"),
    pytest.param("107/20", None, id="minute-number"),
]


@pytest.mark.parametrize("text,value", PARSE)
def test_parse_date(text, value):
    got = parse_date(text)
    assert (got.isoformat() if got else None) == value


def test_parse_date_default_year():
    assert parse_date("9th April", default_year=2017) == date(2017, 4, 9)


NORFOLK_BODY = {"norfolk", "drug", "interventions", "programme", "intervention", "board", "strategy", "group"}
NODE_BODY = {"node", "js", "foundation", "technical", "steering", "committee", "tsc", "meeting"}

# text, meeting date, next meeting date, body words, expected due, due_text, basis
DEADLINES = [
    pytest.param("ACTION KH to advice on the position prior to the next board meeting", "2009-06-03", "2009-09-02",
                 NORFOLK_BODY, "2009-09-02", "prior to the next board meeting", "next_meeting", id="next-board-meeting"),
    pytest.param("AB to report to the next strategy meeting on progress", "2009-06-03", "2009-09-02", NORFOLK_BODY,
                 "2009-09-02", "to the next strategy meeting", "next_meeting", id="next-body-word-meeting"),
    pytest.param("@mikeal to consider for presentation at next board meeting", "2017-03-23", "2017-04-06", NODE_BODY,
                 None, "at next board meeting", None, id="another-body-meeting"),
    pytest.param("PB to do a presentation to the Board in September detailing the", "2009-06-03", "2009-09-02",
                 NORFOLK_BODY, "2009-09", "in September", "month", id="in-month"),
    pytest.param("Clerk to put Glebe Close streetlamp on the May agenda", "2017-04-04", "2017-05-07", set(),
                 "2017-05-07", "on the May agenda", "next_meeting", id="month-agenda"),
    pytest.param("Clerk to place on the agenda for the May meeting", "2017-04-04", "2017-05-07", set(),
                 "2017-05-07", "for the May meeting", "next_meeting", id="month-meeting"),
    pytest.param("Cllr Jenkinson to seek quotes for discussion at the May meeting", "2017-04-04", "2017-05-07", set(),
                 "2017-05-07", "for discussion at the May meeting", "next_meeting", id="discussion-at-month-meeting"),
    pytest.param("Clerk to bring quotes to the June meeting", "2017-04-04", "2017-05-07", set(),
                 "2017-06", "to the June meeting", "month", id="month-meeting-not-next"),
    pytest.param("Councillors were asked to provide any emails by the end of the week (9th April)", "2017-04-04",
                 "2017-05-07", set(), "2017-04-09", "by the end of the week (9th April)", "explicit_date",
                 id="end-of-week-explicit"),
    pytest.param("The Clerk would continue to pursue in July", "2020-07-01", "2020-08-12", set(), "2020-07", "in July",
                 "month", id="in-july-same-month"),
    pytest.param("to review it in February", "2020-07-01", None, set(), "2021-02", "in February", "month",
                 id="month-next-year"),
    pytest.param("The Council agreed to review the draft letter and approve on email for ratification at the next "
                 "meeting", "2020-07-01", "2020-08-12", set(), "2020-08-12", "at the next meeting", "next_meeting",
                 id="at-the-next-meeting"),
    pytest.param("ACTION David: Provide draft of Wikipedia article for review on next meeting", "2021-11-11",
                 "2021-12-09", set(), "2021-12-09", "on next meeting", "next_meeting", id="on-next-meeting"),
    pytest.param("the clerk will provide feedback to the next meeting", "2020-02-03", "2020-03-23", set(),
                 "2020-03-23", "to the next meeting", "next_meeting", id="to-the-next-meeting"),
    pytest.param("This item was deferred to the next BM Committee meeting", "2019-10-14", "2019-12-09",
                 {"board", "governors"}, None, "to the next BM Committee meeting", None, id="other-committee"),
    pytest.param("11/01/2020", "2019-12-09", "2020-02-03", set(), "2020-01-11", "11/01/2020", "explicit_date",
                 id="cell-date"),
    pytest.param("Version 1 by 21st February 2019", "2019-02-14", None, set(), "2019-02-21",
                 "Version 1 by 21st February 2019", "explicit_date", id="cell-version-by"),
    pytest.param("21st February 2019", "2019-02-14", None, set(), "2019-02-21", "21st February 2019", "explicit_date",
                 id="cell-ordinal"),
    pytest.param("asap", "2022-05-09", "2022-06-27", set(), None, "asap", None, id="asap"),
    pytest.param("ASAP", "2020-03-23", "2020-04-20", set(), None, "ASAP", None, id="asap-upper"),
    pytest.param("On-going", "2022-05-09", "2022-06-27", set(), None, "On-going", None, id="ongoing"),
    pytest.param("Undecided", "2019-02-14", None, set(), None, "Undecided", None, id="undecided"),
    pytest.param("Governors agreed it would be available as soon as possible", "2020-03-23", None, set(), None,
                 "as soon as possible", None, id="as-soon-as-possible"),
    pytest.param("The Clerk agreed to post any Neighbourhood Plan items on the website when required", "2020-07-01",
                 "2020-08-12", set(), None, "when required", None, id="when-required"),
    pytest.param("ACTION: Bumped to next teleconference.", "2018-03-20", None, set(), None, "to next teleconference",
                 None, id="next-teleconference-unknown"),
    pytest.param("David: Beginning of next week it seems.", "2018-03-20", None, set(), None, "Beginning of next week",
                 None, id="beginning-of-next-week"),
    pytest.param("Suggest we delay until next week", "2018-03-20", None, set(), None, "until next week", None,
                 id="next-week"),
    pytest.param("ACTION: Revisit during F2F", "2018-03-20", None, set(), None, "during F2F", None, id="during-f2f"),
    pytest.param("I can volunteer to look into this before the F2F", "2018-03-20", None, set(), None, "before the F2F",
                 None, id="before-f2f"),
    pytest.param("ACTION Michael: To send an email after the meeting to David", "2021-10-28", "2021-11-11", set(),
                 None, "after the meeting", None, id="after-the-meeting"),
    pytest.param("Clerk to respond within the 20 working day timeframe", "2017-04-04", "2017-05-07", set(), None,
                 "within the 20 working day timeframe", None, id="working-day-timeframe"),
    pytest.param("Clerk to respond by 30 June", "2017-04-04", None, set(), "2017-06-30", "by 30 June", "explicit_date",
                 id="by-date-this-year"),
    pytest.param("Clerk to respond by 3 March", "2017-04-04", None, set(), "2018-03-03", "by 3 March",
                 "explicit_date", id="by-date-rolls-forward"),
    pytest.param("Treasurer to report by end of March", "2017-04-04", None, set(), "2018-03-31", "by end of March",
                 "explicit_date", id="end-of-month-name"),
    pytest.param("Treasurer to report by the end of the month", "2017-04-04", None, set(), "2017-04-30",
                 "by the end of the month", "relative", id="end-of-the-month"),
    pytest.param("Secretary to circulate within two weeks", "2017-04-04", None, set(), "2017-04-18",
                 "within two weeks", "relative", id="within-two-weeks"),
    pytest.param("Secretary to circulate in 10 days", "2017-04-04", None, set(), "2017-04-14", "in 10 days",
                 "relative", id="in-ten-days"),
    pytest.param("will be attending the forum being held 29th February in Stow", "2016-01-26", "2016-03-15", set(),
                 "2016-02-29", "29th February", "explicit_date", id="event-being-held"),
]


@pytest.mark.parametrize("text,md,nd,body,due,due_text,basis", DEADLINES)
def test_resolve_deadline(text, md, nd, body, due, due_text, basis):
    d = resolve_deadline(text, meeting_date=date.fromisoformat(md),
                         next_meeting_date=date.fromisoformat(nd) if nd else None, body_words=body)
    assert d is not None
    assert (d.due, d.due_text, d.due_basis) == (due, due_text, basis)
    assert text[d.start:d.end] == d.due_text


NO_DEADLINE = [
    pytest.param("Clerk to book Sandra Cartwright on the course on 27 February 2020", id="course-date"),
    pytest.param("Cllr May to contact Highways about road sweeping", id="cllr-may"),
    pytest.param("Clerk to contact CGM about the updated clause and sign updated contract", id="no-deadline"),
    pytest.param("It may be possible to fix the lamp", id="may-be"),
    pytest.param("The Chair read the notice.", id="plain"),
    pytest.param("AH advised that Waveney Council would be vacating their offices on London Road 1st April", id="on-date"),
    pytest.param("", id="empty"),
]


@pytest.mark.parametrize("text", NO_DEADLINE)
def test_no_deadline(text):
    assert resolve_deadline(text, meeting_date=date(2020, 2, 3), next_meeting_date=date(2020, 3, 23)) is None


HALESWORTH_NEXT = ("16.1 It was agreed to also set the date for the AGM and to agree its format therefore the next "
                   "meeting will be 15th March 5:45pm followed by the AGM 26th April 6pm.")


def test_find_events_and_meeting_reference():
    events = find_events([HALESWORTH_NEXT, "Date of Next Meeting 15th March 2016, 17:45."], default_year=2016)
    assert events == {"agm": date(2016, 4, 26)}
    d = resolve_deadline("the letter would be updated and sent in time for April's AGM",
                         meeting_date=date(2016, 1, 26), next_meeting_date=date(2016, 3, 15), events=events)
    assert (d.due, d.due_text, d.due_basis) == ("2016-04-26", "in time for April's AGM", "meeting_reference")


def test_find_events_forms():
    events = find_events(["The Annual General Meeting will be held on Tuesday 12th May 2020.",
                          "Next F2F on 3 April in London."], default_year=2020)
    assert events == {"agm": date(2020, 5, 12), "f2f": date(2020, 4, 3)}


def test_known_event_resolves():
    d = resolve_deadline("Revisit during F2F", meeting_date=date(2018, 3, 20), next_meeting_date=None,
                         events={"f2f": date(2018, 4, 4)})
    assert (d.due, d.due_basis) == ("2018-04-04", "meeting_reference")


def test_next_meeting_unknown_keeps_words():
    d = resolve_deadline("Report to the next meeting", meeting_date=date(2020, 1, 1), next_meeting_date=None)
    assert (d.due, d.due_text) == (None, "to the next meeting")


FGB_COMMITTEES = ("Minutes of the following committees: a. Learning & Wellbeing Committee (23 September 2019) "
                  "b. Business Management Committee (30 September 2019)",
                  "Committee Reports a. Learning & Wellbeing Committee (11 November 2019) b. Business Management "
                  "Committee (25 November 2019)")


def test_committee_meetings_by_name_and_initials():
    events = find_events(FGB_COMMITTEES, default_year=2019, after=date(2019, 10, 14))
    assert events["bm committee"] == events["business management committee"] == date(2019, 11, 25)
    assert events["l&w"] == date(2019, 11, 11)


@pytest.mark.parametrize("text,due", [
    pytest.param("This item was deferred to the next BM Committee meeting.", "2019-11-25", id="initials"),
    pytest.param("Visits to be arranged at the next L&W meeting", "2019-11-11", id="initials-no-kind"),
    pytest.param("To be raised at the next Finance Committee meeting", None, id="committee-without-a-date"),
])
def test_next_committee_meeting_resolves_to_its_stated_date(text, due):
    events = find_events(FGB_COMMITTEES, default_year=2019, after=date(2019, 10, 14))
    d = resolve_deadline(text, meeting_date=date(2019, 10, 14), next_meeting_date=date(2019, 12, 9), events=events)
    assert d.due == due and d.due_text.startswith(("to the next", "at the next"))


@pytest.mark.parametrize("cell,due", [
    pytest.param("September", "2014-09", id="month"),
    pytest.param("Sept 2015", "2015-09", id="abbreviated-month-and-year"),
    pytest.param("May", "2015-05", id="a-month-already-past-is-next-year"),
])
def test_a_due_cell_holding_only_a_month(cell, due):
    d = resolve_deadline(cell, meeting_date=date(2014, 6, 3), next_meeting_date=None)
    assert (d.due, d.due_basis) == (due, "month")


def test_a_month_word_inside_a_sentence_is_not_a_lone_month():
    assert resolve_deadline("We may revisit this", meeting_date=date(2014, 6, 3), next_meeting_date=None) is None


@pytest.mark.parametrize("text,due,basis", [
    pytest.param("Clerk to write by next Friday", "2021-10-15", "relative", id="next-weekday"),
    pytest.param("RA to reply by Monday", "2021-10-11", "relative", id="weekday"),
    pytest.param("to be sent by Friday 15th", "2021-10-15", "relative", id="weekday-and-day"),
    pytest.param("lights to be up before Christmas", "2021-12-25", "relative", id="holiday"),
    pytest.param("quotes by mid-November", "2021-11", "month", id="mid-month"),
    pytest.param("comments before 5/11", "2021-11-05", "explicit_date", id="day-month-without-year"),
    pytest.param("comments before 5/3", "2022-03-05", "explicit_date", id="day-month-already-past"),
])
def test_weekdays_holidays_and_short_dates_after_the_meeting(text, due, basis):
    d = resolve_deadline(text, meeting_date=date(2021, 10, 8), next_meeting_date=date(2021, 11, 12))
    assert (d.due, d.due_basis) == (due, basis)


@pytest.mark.parametrize("text,meeting,due", [
    ("by end of week", date(2022, 3, 9), "2022-03-11"),  # a Wednesday meeting: that Friday
    ("by the end of the week", date(2022, 3, 12), "2022-03-13"),  # a Saturday meeting: its own week's end
    ("by the end of next week", date(2022, 3, 9), "2022-03-18"),
])
def test_end_of_a_week_is_its_working_week(text, meeting, due):
    assert resolve_deadline(text, meeting_date=meeting, next_meeting_date=None).due == due
