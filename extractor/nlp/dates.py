"""Dates in minutes: finding them in text, parsing short strings, and resolving deadlines.

`find_dates` locates candidate spans with one compiled regular expression (day-month-year,
month-day-year, numeric, ISO and month-only forms) and builds the `date` from the captured
parts; `parse_date` handles a whole short string and falls back to dateparser (strict,
day-first) for forms the patterns do not know. `resolve_deadline` reads the deadline phrase of
an action's sentence ("by 30 June", "prior to the next board meeting", "in September",
"asap") and works out the due date against the meeting's own dates.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Literal

from models.action import DueBasis

Precision = Literal["day", "month"]

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_FULL = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"]
_ABBR = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"]


def _cases(words: Iterable[str]) -> str:
    """Title case and upper case only: "may be" and "march on" are not months."""
    out = []
    for w in words:
        out += [w, w.upper()]
    return "|".join(out)


MONTH_FULL = rf"(?:{_cases(_FULL)})"
MONTH = rf"(?:{_cases(_FULL)}|(?:{_cases(_ABBR)})\.?)"
WEEKDAY = (r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?|"
           r"(?:MON|TUES?|WED(?:NES)?|THU(?:RS?)?|FRI|SAT(?:UR)?|SUN)(?:DAY)?)\.?,?")
_SUFFIX = r"(?:st|nd|rd|th|ST|ND|RD|TH|<sup>(?:st|nd|rd|th)</sup>)"
DAY = rf"(?:[12][0-9]|3[01]|0?[1-9]){_SUFFIX}?"
YEAR = r"(?:19|20)\d\d"

_DATE_RE = re.compile(
    rf"""
    (?:(?P<wd>{WEEKDAY})\s+)?
    (?:
        (?:the\s+)?(?P<d1>{DAY})(?:\s+of)?\s+(?P<m1>{MONTH})(?:,?\s+(?P<y1>{YEAR}))?(?![\w/])
      | (?P<m2>{MONTH})(?:\s+(?:the\s+)?|(?<=[a-z])(?=\d))(?P<d2>{DAY})(?!\d|:|\.\d|/)(?:,?\s+(?P<y2>{YEAR}))?(?![\w/])
      | (?<![\d/.\-])(?P<n1>\d{{1,2}})(?P<sep>[/.\-])(?P<n2>\d{{1,2}})(?P=sep)(?P<n3>\d{{4}}|\d{{2}})(?![\d/.\-]|\.\d)
      | (?<![\d/.\-£$€])(?P<s1>\d{{1,2}})/(?P<s2>\d{{1,2}})(?![\d/]|\.\d|\s*(?:of|th)\b)
      | (?<![\d/.\-])(?P<iy>{YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\d\-])
      | (?P<m3>{MONTH_FULL}),?\s+(?P<y3>{YEAR})(?!\d)
      | (?P<prep>\b(?:in|during|by|until|till|before|from|since|of|early|mid|late|mid-)\s+)(?P<m4>{MONTH_FULL})\b(?!['’]s|\s+(?:meeting|agenda|AGM))
    )
    """,
    re.VERBOSE,
)
_REFERENCE = re.compile(r"(?:(?i:minutes?|min|items?|ref|no|nos|number|agenda|page|para|paragraph|section)\.?|[A-Z]{2,}|#)\s*$")
_TITLES = re.compile(r"(?:\b(?:Cllr|Cll|Councillor|Mr|Mrs|Ms|Miss|Dr|Rev|Prof|Sir|Dame|Lady|Lord)\.?\s+)$")


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    text: str
    value: date
    precision: Precision = "day"
    year_given: bool = True


def _year(y: str | None) -> int | None:
    if y is None:
        return None
    n = int(y)
    if len(y) == 2:
        n += 2000 if n < 70 else 1900
    return n


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word).group(0))


def _build(m: re.Match, default_year: int | None, day_first: bool) -> tuple[date, Precision, bool] | None:
    g = m.groupdict()
    try:
        if g["d1"]:
            y = _year(g["y1"])
            return date(y or default_year, _month(g["m1"]), _day(g["d1"])), "day", y is not None
        if g["m2"]:
            y = _year(g["y2"])
            return date(y or default_year, _month(g["m2"]), _day(g["d2"])), "day", y is not None
        if g["n1"]:
            a, b, y = int(g["n1"]), int(g["n2"]), _year(g["n3"])
            if g["sep"] != "/" and len(g["n3"]) == 2 and not g["wd"]:
                return None  # "1.4.16": too easily a section number or a range end; "Wed 21-02-17" is a date
            d, mo = (a, b) if day_first else (b, a)
            if mo > 12 and d <= 12:
                d, mo = mo, d
            return date(y, mo, d), "day", True
        if g["s1"]:  # "25/04", "5/22": no year, so only where the year is known; "1/2", "3/4" are fractions
            a, b = int(g["s1"]), int(g["s2"])
            if default_year is None or max(len(g["s1"]), len(g["s2"])) < 2:
                return None
            d, mo = (a, b) if day_first else (b, a)
            if mo > 12 and d <= 12:
                d, mo = mo, d
            return date(default_year, mo, d), "day", False
        if g["iy"]:
            return date(int(g["iy"]), int(g["im"]), int(g["id"])), "day", True
        if g["m3"]:
            return date(int(g["y3"]), _month(g["m3"]), 1), "month", True
        if g["m4"]:
            if default_year is None:
                return None
            return date(default_year, _month(g["m4"]), 1), "month", False
    except (TypeError, ValueError):  # no year known, or 31 February
        return None
    return None


def find_dates(text: str, *, default_year: int | None = None, day_first: bool = True) -> list[FoundDate]:
    """Every date written in `text`, in order. Dates without a year need `default_year`.

    Month-only dates ("June 2004", "in September") have precision "month" and the 1st as day;
    a bare month counts only after in/during/by/until/before/from/of ("the March meeting" is
    a meeting reference, not a date)."""
    if not text or not re.search(r"\d|[A-Z][a-z]|[A-Z]{3}", text):
        return []
    out: list[FoundDate] = []
    for m in _DATE_RE.finditer(text):
        month_word = m.group("m1") or m.group("m2") or m.group("m3") or m.group("m4")
        start = m.start()
        if m.group("prep"):
            start = m.start("m4")
        elif month_word and (m.group("m2") or m.group("m3")) and not m.group("wd"):
            if _TITLES.search(text[max(0, start - 14):start]):
                continue  # "Cllr May 2019"
        elif m.group("s1") and _REFERENCE.search(text[max(0, start - 12):start]):
            continue  # "minute 12/20", "FGB 10/12": a minute number, not a date
        built = _build(m, default_year, day_first)
        if built is None:
            continue
        value, precision, year_given = built
        out.append(FoundDate(start=start, end=m.end(), text=text[start:m.end()], value=value,
                             precision=precision, year_given=year_given))
    return out


def parse_date(text: str, *, default_year: int | None = None, day_first: bool = True) -> date | None:
    """The date a short string (a table cell, a heading) states as a whole, or None."""
    s = text.strip().strip(".,;:()[]")
    if not s or len(s) > 60:
        return None
    found = [f for f in find_dates(s, default_year=default_year, day_first=day_first) if f.precision == "day"]
    if len(found) == 1:
        rest = (s[:found[0].start] + s[found[0].end:]).strip(" ,.-–/")
        if not rest or re.fullmatch(r"(?i)(?:on|at|the|by|date:?)?\s*(?:at\s+)?(?:\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.?m\.?)?|"
                                    r"[0-2]\d[0-5]\d\s*(?:hrs|hours|utc)?)?", rest):
            return found[0].value
        return None
    if found:
        return None
    if not re.search(r"\d", s) or re.fullmatch(r"[\d\s./\-]+", s) and s.count("/") + s.count("-") + s.count(".") < 2:
        return None
    import dateparser  # only for forms the patterns above don't know; slow to import

    settings = {"DATE_ORDER": "DMY" if day_first else "MDY", "STRICT_PARSING": True,
                "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month"],
                "PREFER_DATES_FROM": "current_period"}
    if default_year is not None:
        settings["RELATIVE_BASE"] = __import__("datetime").datetime(default_year, 1, 1)
    try:
        parsed = dateparser.parse(s, languages=["en"], settings=settings)
    except Exception:  # dateparser raises on some odd inputs; a cell we can't read is no date
        return None
    return parsed.date() if parsed else None


# ---------------------------------------------------------------------------------------------
# Deadlines

@dataclass(frozen=True)
class Deadline:
    due: str | None
    due_text: str
    due_basis: DueBasis | None
    start: int
    end: int


GENERIC_MEETING_WORDS = {"full", "ordinary", "regular", "monthly", "weekly", "general", "scheduled", "normal",
                         "usual", "formal", "committee", "council", "parish", "team", "group", "business",
                         "planned", "main", "plenary", "virtual", "online", "zoom"}
MEETING_NOUNS = r"(?:meeting|agenda|teleconference|telecon|call|session|conference\s+call)"
VAGUE = re.compile(r"(?i)\b(?:asap|a\.s\.a\.p\.?|as\s+soon\s+as\s+possible|on-?\s?going|tbc|tba|t\.b\.c\.|undecided|"
                   r"when\s+required|as\s+required|when\s+necessary|immediately|urgently)(?![\w-])")
_TRIGGER = (r"(?:by|before|prior\s+to|no\s+later\s+than|not\s+later\s+than|until|till|in\s+time\s+for|"
            r"deadline(?:\s+(?:of|is))?:?|due(?:\s+(?:by|on|date))?:?|for|w/c|week\s+commencing|"
            r"(?:being|to\s+be|will\s+be)\s+held(?:\s+on)?)")
_TRIGGER_BEFORE = re.compile(
    rf"(?i)\b(?P<trig>{_TRIGGER})\s+(?:the\s+)?(?:(?:end|close|beginning)\s+of\s+(?:the\s+)?(?:week|month|day)\s*\(\s*)?$")
_EVENT_WORDS = (r"(?:AGM|EGM|annual\s+general\s+meeting|annual\s+(?:parish\s+)?meeting|extraordinary\s+(?:general\s+)?meeting|"
                r"F2F|face[\s-]to[\s-]face|conference|summit|workshop|retreat|away\s*day|open\s+day|forum|"
                r"plenary|hackathon|AGMs)")
_NEXT_MEETING = re.compile(
    rf"(?i)(?:\b(?P<trig>prior\s+to|before|by|for|at|on|to|until|in\s+time\s+for|during)\s+)?"
    rf"(?:\bthe\s+)?\bnext\s+(?P<words>(?:[\w&'-]+\s+){{0,3}}?){MEETING_NOUNS}\b")
_MONTH_MEETING = re.compile(
    rf"(?:\b(?P<lead>(?:(?:for\s+discussion|put|placed?|added|add)\s+)?(?:on|at|for|to|in\s+time\s+for|before|by|until|"
    rf"prior\s+to|in|during)\s+))?(?:\bthe\s+)?\b(?P<month>{MONTH_FULL})(?:['’]s)?\s+(?P<what>(?:[\w&-]+\s+)?"
    rf"(?:meeting|agenda)|{_EVENT_WORDS})\b")
_EVENT_REF = re.compile(
    rf"(?i)(?:\b(?P<trig>in\s+time\s+for|before|by|for|at|during|after|until|prior\s+to)\s+)?(?:\bthe\s+)?"
    rf"(?:\bnext\s+)?\b(?P<event>{_EVENT_WORDS})\b")
_END_OF = re.compile(
    rf"(?i)\b(?:(?:by|before|until|at|for)\s+)?(?:the\s+)?(?:end|close)\s+of\s+(?:(?P<this>the|this|next)\s+)?"
    rf"(?P<unit>week|month|year|term|quarter|(?P<month>{MONTH_FULL}))\b")
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_WEEKDAY_DUE = re.compile(
    r"(?i)\b(?:by|before|on|until|till|no\s+later\s+than)\s+(?:(?:this|next|the)\s+)?"
    r"(?P<wd>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?"
    r"(?:\s+(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?:/|\.\d|[A-Za-z]{3})))?")
_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "new year": (1, 1), "new year's day": (1, 1),
             "new years day": (1, 1), "halloween": (10, 31), "bonfire night": (11, 5)}
_HOLIDAY_DUE = re.compile(r"(?i)\b(?:by|before|until|till|in\s+time\s+for|for)\s+(?:the\s+)?"
                          r"(?P<holiday>christmas(?:\s+day)?|new\s+year(?:['’]?s\s+day)?|halloween|bonfire\s+night)\b")


def _next_weekday(after: date, weekday: int, day: int | None) -> date | None:
    """The first `weekday` after `after` (on the `day`th of a month, when given, within a year)."""
    d = after + timedelta(days=1)
    for _ in range(370):
        if d.weekday() == weekday and (day is None or d.day == day):
            return d
        d += timedelta(days=1)
    return None


_RELATIVE = re.compile(
    r"(?i)\b(?:within|in|by)\s+(?:the\s+next\s+)?(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"a|a\s+couple\s+of)\s+(?P<working>working\s+|business\s+|calendar\s+)?(?P<unit>days?|weeks?|months?)\b"
    r"(?!\s+(?:ago|later|before))")
_MONTH_ONLY = re.compile(
    rf"\b(?P<trig>in|during|by|before|until|till|from|early|mid|late|mid-)\s*(?<=\s|-)(?:(?:early|mid|late)[\s-]+)?(?P<month>{MONTH_FULL})"
    rf"(?:\s+(?P<year>{YEAR}))?\b(?!['’]s|\s+(?:meeting|agenda|\d))")
_LONE_MONTH = re.compile(rf"^\W*(?:(?:early|mid|late|end\s+of)\s+)?(?P<month>{MONTH})(?:\s+(?P<year>{YEAR}))?\W*$",
                         re.IGNORECASE)
_UNRESOLVED = re.compile(
    r"(?i)\b(?:(?:by|before|until|during|after|within|over|in)\s+)?(?:the\s+)?"
    r"(?:(?:beginning|start|end)\s+of\s+)?(?:next|following|coming)\s+(?:few\s+)?(?:week|weeks|month|months|days|fortnight)\b"
    r"|(?i:\bafter\s+the\s+meeting\b)"
    r"|(?i:\bwithin\s+the\s+[\w\s-]{1,30}?\btime\s*frame\b)"
    r"|(?i:\bwithin\s+\d+\s+working\s+days\b)"
    r"|(?i:\b(?:tomorrow|this\s+week|later\s+(?:this|in\s+the)\s+(?:week|month|year)))\b")
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "a": 1, "a couple of": 2}


def _month_date(month: int, meeting_date: date | None, year: int | None = None) -> date | None:
    """The 1st of `month` in the meeting's year, or the next year when that month is already past."""
    if year is None:
        if meeting_date is None:
            return None
        year = meeting_date.year + (1 if month < meeting_date.month else 0)
    return date(year, month, 1)


def _last_day(d: date) -> date:
    return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _is_cell(text: str, start: int, end: int) -> bool:
    """A short table cell ("Version 1 by 21st February 2019"): the whole cell is the deadline text."""
    s = text.strip()
    return (len(s.split()) <= 6 and not re.search(r"[.!?]\s", s) and (end - start) >= 0.4 * len(s)
            and len(text[:start].split()) <= 2 and not text[end:].strip(" .)"))


def _deadline(text: str, start: int, end: int, due: str | None, basis: DueBasis | None,
              cell: bool = False) -> Deadline:
    if cell and _is_cell(text, start, end):
        lead = len(text) - len(text.lstrip())
        start, end = lead, lead + len(text.strip())
    return Deadline(due=due, due_text=text[start:end], due_basis=basis if due else None, start=start, end=end)


_SHORT_DATE = re.compile(r"(?i)\b(?:by|before|until|till|no\s+later\s+than|on|due)\s+(?P<d>[0-3]?\d)/(?P<m>[01]?\d)(?![/\d.])")


def _explicit(text: str, meeting_date: date | None) -> Deadline | None:
    year = meeting_date.year if meeting_date else None
    m = _SHORT_DATE.search(text)
    if m and meeting_date:  # "before 5/11": day and month, in the meeting's year or the next
        try:
            value = date(meeting_date.year, int(m.group("m")), int(m.group("d")))
        except ValueError:
            value = None
        if value:
            if value < meeting_date:
                value = value.replace(year=value.year + 1)
            return _deadline(text, m.start(), m.end(), value.isoformat(), "explicit_date", cell=True)
    found = [f for f in find_dates(text, default_year=year) if f.precision == "day"]
    for f in found:
        value = f.value
        if not f.year_given and meeting_date and value < meeting_date:
            try:
                value = value.replace(year=value.year + 1)
            except ValueError:
                continue
        before = _TRIGGER_BEFORE.search(text[max(0, f.start - 60):f.start])
        end = f.end
        if before:
            start = max(0, f.start - 60) + before.start()
            if "(" in before.group(0) and text[end:end + 1] == ")":
                end += 1
            if re.match(r"(?i)(?:being|to be|will be)\s+held", before.group("trig")):
                start = f.start  # "the forum being held 29th February": the date is the deadline
            return _deadline(text, start, end, value.isoformat(), "explicit_date", cell=True)
        if _is_cell(text, f.start, f.end) or len(text.strip()) <= len(f.text) + 4:
            return _deadline(text, f.start, f.end, value.isoformat(), "explicit_date", cell=True)
    return None


def _meeting_words_ok(words: str, body_words: set[str] | frozenset[str]) -> bool:
    body = {w.lower() for w in body_words}
    for w in re.findall(r"[\w&'-]+", words.lower()):
        if w in GENERIC_MEETING_WORDS or w in body or w in {"the", "of"}:
            continue
        return False
    return True


def resolve_deadline(text: str, *, meeting_date: date | None, next_meeting_date: date | None,
                     body_words: set[str] | frozenset[str] = frozenset(),
                     events: dict[str, date] | None = None) -> Deadline | None:
    """The deadline an action's sentence (or a "by when" cell) states, resolved to a date when possible.

    Explicit dates count only when introduced as a deadline (by/before/prior to/until/for/
    deadline/due, "(9th April)" after "by the end of the week") or when they stand alone in a cell.
    Phrases that clearly set a deadline but cannot be dated ("next week", "asap", "during F2F")
    come back with `due` None and the words kept."""
    if not text or not text.strip():
        return None
    events = {k.lower(): v for k, v in (events or {}).items()}

    # 1. an explicit date
    d = _explicit(text, meeting_date)
    if d:
        return d

    # 2. "<Month> meeting/agenda", "April's AGM"
    for m in _MONTH_MEETING.finditer(text):
        month = _month(m.group("month"))
        what = re.sub(r"\s+", " ", m.group("what").lower())
        start = m.start("lead") if m.group("lead") else m.start()
        if re.search(r"the\s+$", text[:m.start("month")]) and not m.group("lead"):
            start = m.start()
        event_key = _event_key(what)
        if event_key in events and events[event_key].month == month:
            return _deadline(text, start, m.end(), events[event_key].isoformat(), "meeting_reference")
        if re.search(r"meeting|agenda", what) and next_meeting_date and next_meeting_date.month == month and (
                meeting_date is None or next_meeting_date >= meeting_date):
            return _deadline(text, start, m.end(), next_meeting_date.isoformat(), "next_meeting")
        md = _month_date(month, meeting_date)
        return _deadline(text, start, m.end(), md.strftime("%Y-%m") if md else None, "month")

    # 3. the next meeting
    for m in _NEXT_MEETING.finditer(text):
        words = m.group("words") or ""
        start = m.start()
        if _meeting_words_ok(words, body_words) and next_meeting_date is not None:
            return _deadline(text, start, m.end(), next_meeting_date.isoformat(), "next_meeting")
        body = re.sub(r"\s+", " ", words).strip().lower()
        when = events.get(body)
        if when and (meeting_date is None or when > meeting_date):
            return _deadline(text, start, m.end(), when.isoformat(), "meeting_reference")  # "the next BM Committee meeting"
        return _deadline(text, start, m.end(), None, None)

    # 4. a named event: AGM, F2F, conference
    for m in _EVENT_REF.finditer(text):
        key = _event_key(m.group("event"))
        if key in events:
            return _deadline(text, m.start(), m.end(), events[key].isoformat(), "meeting_reference")
        if m.group("trig"):
            return _deadline(text, m.start(), m.end(), None, None)

    # 5. end of a week / month / named month
    m = _END_OF.search(text)
    if m:
        unit = m.group("unit").lower()
        due = None
        basis: DueBasis | None = "relative"
        if m.group("month"):
            md = _month_date(_month(m.group("month")), meeting_date)
            due = _last_day(md).isoformat() if md else None
            basis = "explicit_date"
        elif meeting_date and (m.group("this") or "the").lower() in ("the", "this"):
            if unit == "week":  # the working week's end, Friday; a meeting held at the weekend ends its own week
                wd = meeting_date.weekday()
                due = (meeting_date + timedelta(days=(6 if wd > 4 else 4) - wd)).isoformat()
            elif unit == "month":
                due = _last_day(meeting_date).isoformat()
            elif unit == "year":
                due = date(meeting_date.year, 12, 31).isoformat()
        elif meeting_date and m.group("this").lower() == "next" and unit == "month":
            due = _last_day(_add_months(meeting_date.replace(day=1), 1)).isoformat()
        elif meeting_date and m.group("this").lower() == "next" and unit == "week":
            due = (meeting_date + timedelta(days=11 - meeting_date.weekday())).isoformat()  # next week's Friday
        return _deadline(text, m.start(), m.end(), due, basis)

    # 5b. a weekday or a fixed holiday after the meeting: "by Friday", "by Friday 15th", "before Christmas"
    m = _WEEKDAY_DUE.search(text)
    if m:
        due = _next_weekday(meeting_date, _WEEKDAYS[m.group("wd")[:3].lower()],
                            int(m.group("day")) if m.group("day") else None) if meeting_date else None
        return _deadline(text, m.start(), m.end(), due.isoformat() if due else None, "relative")
    m = _HOLIDAY_DUE.search(text)
    if m:
        due = None
        if meeting_date:
            month, day = _HOLIDAYS[m.group("holiday").lower()]
            due = date(meeting_date.year, month, day)
            if due < meeting_date:
                due = due.replace(year=due.year + 1)
        return _deadline(text, m.start(), m.end(), due.isoformat() if due else None, "relative")

    # 6. within two weeks / in 10 days
    m = _RELATIVE.search(text)
    if m:
        n_word = re.sub(r"\s+", " ", m.group("n").lower())
        n = int(n_word) if n_word.isdigit() else _NUMBERS[n_word]
        unit = m.group("unit").lower()
        due = None
        if meeting_date and not m.group("working"):
            if unit.startswith("day"):
                due = (meeting_date + timedelta(days=n)).isoformat()
            elif unit.startswith("week"):
                due = (meeting_date + timedelta(weeks=n)).isoformat()
            else:
                due = _add_months(meeting_date, n).isoformat()
        return _deadline(text, m.start(), m.end(), due, "relative")

    # 7. a month: "in September"
    for m in _MONTH_ONLY.finditer(text):
        if _TITLES.search(text[max(0, m.start("month") - 14):m.start("month")]):
            continue
        year = int(m.group("year")) if m.group("year") else None
        md = _month_date(_month(m.group("month")), meeting_date, year)
        return _deadline(text, m.start(), m.end(), md.strftime("%Y-%m") if md else None, "month")

    # 7b. a month standing alone, as in a "Due" cell: "September", "Sept 2014"
    m = _LONE_MONTH.match(text)
    if m:
        year = int(m.group("year")) if m.group("year") else None
        md = _month_date(_month(m.group("month")), meeting_date, year)
        return _deadline(text, m.start("month"), m.end(), md.strftime("%Y-%m") if md else None, "month")

    # 8. words that set no date: asap, on-going, undecided
    m = VAGUE.search(text)
    if m:
        return _deadline(text, m.start(), m.end(), None, None)

    # 9. deadline phrases that can't be dated: "next week", "after the meeting"
    m = _UNRESOLVED.search(text)
    if m:
        return _deadline(text, m.start(), m.end(), None, None)
    return None


def _event_key(name: str) -> str:
    key = re.sub(r"[\s-]+", " ", name.lower()).strip()
    if key in ("annual general meeting", "agms"):
        return "agm"
    if key in ("face to face",):
        return "f2f"
    return key


_EVENT_DATE = re.compile(
    rf"(?i)\b(?P<event>{_EVENT_WORDS})\b(?:\s+(?:will\s+be|is\s+to\s+be|to\s+be|is|being)\s+held|\s+takes\s+place|"
    rf"\s+will\s+take\s+place)?(?:\s+(?:on|at))?(?:\s+the)?\s+$")


# "Business Management Committee (25 November 2019)", "the L&W Committee on 11 November 2019"
_BODY_DATE = re.compile(
    r"(?P<name>\b[A-Z][\w&'’-]*\s+(?:(?:[A-Z][\w&'’-]*|&|and)\s+){0,4}?)(?P<kind>Committee|Sub-?[Cc]ommittee|Working\s+Group|Group|Panel|Board|Forum)"
    r"(?:\s+[Mm]eeting)?\s*(?:\(\s*|\s+(?:on|held\s+on|will\s+meet\s+on|meets\s+on|[-–—:])\s+)(?:\w+day,?\s+)?$")


def body_keys(name: str, kind: str) -> list[str]:
    """Keys a committee is referred to by: its full name and its initials ("BM", "L&W"), each with and
    without the word "committee"."""
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    kind = re.sub(r"\s+", " ", kind.lower())
    initials = "".join(w if w == "&" else w[0] for w in words if w[0].isupper() or w == "&").lower()
    full = " ".join(words).lower()
    keys = [f"{full} {kind}", full]
    if len(words) > 1:
        keys += [f"{initials} {kind}", initials]
    return keys


def find_events(texts: Iterable[str], default_year: int | None = None, after: date | None = None) -> dict[str, date]:
    """Named events with a date stated in the document: {"agm": date(2016, 4, 26)} from "the AGM 26th April".

    Keys are lower-cased event names ("agm", "f2f", "conference", "annual parish meeting"), and
    committees' names and initials ("bm committee", "l&w") from "Business Management Committee
    (25 November 2019)": a committee's first date after `after` (the meeting's date), since the
    minutes also cite its past meetings."""
    events: dict[str, date] = {}
    for text in texts:
        if not text:
            continue
        named = re.search(_EVENT_WORDS, text, re.I)
        bodies = re.search(r"(?i)committee|group|panel|board|forum", text)
        if not named and not bodies:
            continue
        for f in find_dates(text, default_year=default_year):
            if f.precision != "day":
                continue
            before = text[max(0, f.start - 60):f.start]
            m = _EVENT_DATE.search(before) if named else None
            if m:
                events.setdefault(_event_key(m.group("event")), f.value)
                continue
            b = _BODY_DATE.search(before) if bodies else None
            if b and (after is None or f.value > after):
                for key in body_keys(b.group("name"), b.group("kind")):
                    if key not in events or f.value < events[key]:
                        events[key] = f.value
    return events
