"""Attendance labels, group nouns and posts: which line of the minutes opens a list of who was there.

The words are data (`lexicons/attendance_labels.tsv`, `attendance_groups.tsv`, `posts.txt`); this module
reads one line at a time:

- `label_line("o Commissioners Present: A, B")` → a `Label` with status "present", group "Commissioners"
  and the rest "A, B"; bullets ("-", "*", "•", "o") and outline numbers ("1.2", "a)") before the label are
  skipped, a group noun before it ("Directors", "Board Members", "Others") may change the status
  ("Others Present" → in_attendance), and so may a qualifier after it ("Present but not on the Board");
- `group_heading("Non-BOD Members")` → the status and role of a sub-heading inside an attendance list;
- `split_post("Commissioner Meredith Ing")` → ("Commissioner", "Meredith Ing");
- `status_suffix("jkit - 2nd absence")` → ("jkit", "absent"): a status written after the name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractor.nlp.engine import lexicon_rows


@lru_cache(maxsize=1)
def labels() -> dict[str, str]:
    return {r[0].lower(): r[1] for r in lexicon_rows("attendance_labels.tsv")}


@lru_cache(maxsize=1)
def groups() -> dict[str, str]:
    return {r[0].lower(): r[1] for r in lexicon_rows("attendance_groups.tsv")}


@lru_cache(maxsize=1)
def posts() -> list[str]:
    return sorted((r[0].lower() for r in lexicon_rows("posts.txt")), key=len, reverse=True)


def _words_alt(phrases) -> str:
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True))


# a bullet or an outline number before a label or an entry: "-", "*", "•", "o ", "1.2", "a)", "(iii)"
BULLET = r"(?:[-*•·▪►–—]\s*|o\s+|\(?[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]?\s+|\(?[a-z][.)]\s+|\(?[ivx]{1,4}[.)]\s+)"
# after the label: "but not on the Board", "at the meeting", "(in person)"
_QUALIFIER = r"(?:\s+(?:but|and|at|from|for|in|on|of|via|who|tonight|today)\b[^:\n]{0,50}?|\s*\([^()\n]{1,30}\))?"


@lru_cache(maxsize=1)
def _label_re() -> re.Pattern:
    group = r"(?P<group>(?:[A-Z][\w/&'’.-]*\s+){1,3}?(?:(?:and|&)\s+(?:[A-Z][\w/&'’.-]*\s+){1,2}?)?)??"
    return re.compile(r"^\s*(?:" + BULLET + r")?[*_#]*\s*" + group + r"(?P<label>" + _words_alt(labels()) + r")\b"
                      + r"(?P<qual>" + _QUALIFIER + r")[*_]*\s*(?P<punct>:|[-–—]\s|$)[*_]*\s*(?P<rest>.*)$",
                      re.IGNORECASE)


@dataclass
class Label:
    status: str
    group: str | None  # "Commissioners", "Board Members"
    qualifier: str | None  # "but not on BoD for Tonight"
    rest: str  # what follows the label on its line
    start: int  # offset of the rest in the line
    colon: bool


def _group_status(group: str) -> str | None:
    """The status a group noun gives ("Others" → in_attendance), None when the words are no group."""
    low = re.sub(r"\s+", " ", group.lower()).strip()
    if re.search(r" (?:and|&) ", low):  # "Other board members and officers": the first group says it
        first, _, second = re.split(r" (and|&) ", low, maxsplit=1)
        return _group_status(first) if _group_status(second) else None
    if low.startswith("non-") or low.startswith("non "):
        return "in_attendance"
    gs = groups()
    for k in range(len(low.split()), 0, -1):
        tail = " ".join(low.split()[-k:])
        for cand in (tail, tail[:-1] if tail.endswith("s") else tail):
            if cand in gs:
                return gs[cand]
    return None


def label_line(line: str) -> Label | None:
    """The attendance label a line starts with, or None.

    A group of words before the label must be a known group ("Directors Present", "Board Members Present")
    or the line must have a colon ("Steering Group Present: …"); a line with words after the label needs a
    colon or a dash between them.
    """
    m = _label_re().match(line)
    if not m:
        return None
    status = labels()[re.sub(r"\s+", " ", m.group("label").lower())]
    group = (m.group("group") or "").strip() or None
    colon = m.group("punct") == ":"
    rest = m.group("rest").strip()
    qual = (m.group("qual") or "").strip() or None
    if group:
        gst = _group_status(group)
        if gst is None and not colon:
            return None
        if gst == "in_attendance" and status == "present":
            status = gst
    if qual and not qual.startswith("("):
        if not colon and not rest:
            if len(qual.split()) > 2:
                return None  # "Present at the time were …": a sentence
        if re.match(r"(?i)but\s+not\b", qual) and status == "present":
            status = "in_attendance"  # "Present but not on the Board"
    if rest and not colon and m.group("punct").strip() == "":
        return None
    if m.group("punct").strip() in "-–—" and m.group("punct").strip() and not rest:
        return None
    return Label(status=status, group=group, qualifier=qual if qual and not qual.startswith("(") else None,
                 rest=rest, start=m.start("rest"), colon=colon)


def group_heading(text: str) -> tuple[str, str] | None:
    """A sub-heading inside an attendance list: "BOD Members" → ("present", "BOD Members"),
    "Non-BOD Members" → ("in_attendance", …), "Guests" → ("in_attendance", "Guests")."""
    t = re.sub(r"\s+", " ", text).strip(" :*#_")
    if not t or len(t.split()) > 4 or not re.match(r"^[A-Z]", t) or re.search(r"[.,;!?]", t):
        return None
    st = _group_status(t)
    if st is None:
        return None
    last = t.split()[-1].lower().rstrip("s")
    if last not in groups() and not t.lower().startswith("non"):
        return None
    return st, t


@lru_cache(maxsize=1)
def _post_re() -> re.Pattern:
    return re.compile(r"^(?P<post>(?:" + _words_alt(posts()) + r")s?)\.?\s+(?=[A-Z])", re.IGNORECASE)


def split_post(text: str) -> tuple[str | None, str]:
    """"Commissioner Meredith Ing" → ("Commissioner", "Meredith Ing"); "Clerk J Smith" → ("Clerk", "J Smith")."""
    m = _post_re().match(text.strip())
    if not m or not m.group("post")[:1].isupper():
        return None, text
    return m.group("post"), text.strip()[m.end():]


# a status written after the name: "jkit - present", "phlee - 1st absence", "Cate not here", "George apologies"
_STATUS_TAIL = re.compile(
    r"(?i)\s*(?:[-–—:]\s*|\(\s*|\s)(?P<status>present|here|attending|attended|absent|away|not\s+here|not\s+present|"
    r"not\s+coming\b.*|\d+(?:st|nd|rd|th)\s+absence|absence|excused|apolog(?:ies|y)(?:\s+sent|\s+received)?|"
    r"sent\s+apolog(?:ies|y)|regrets|late)\s*\)?\s*\.?$")


def status_suffix(text: str) -> tuple[str, str | None]:
    """The entry without its written status, and that status (or None)."""
    m = _STATUS_TAIL.search(text)
    if not m or m.start() == 0:
        return text, None
    word = m.group("status").lower()
    if re.match(r"present|here|attend|late", word):
        status = "present"
    elif re.match(r"apolog|sent|regrets|excused", word):
        status = "apologies"
    else:
        status = "absent"
    return text[:m.start()], status
