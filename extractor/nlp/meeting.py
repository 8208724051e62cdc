"""Meeting metadata: organisation, title, date, next meeting date, document kind.

The meeting's own date is looked for in the heading region first ("Minutes of the meeting
held on …", "Meeting Date: | 14th February 2019", a date heading, "RELENG (2015-02-09)"), never
taken from a mention of previous minutes or of the next meeting. A date of the heading area (before
the attendance list or the first agenda item) beats any "held on" date below it, which is usually
another meeting's. Failing that, from an agenda
URL ("agenda_20211014.html") and last from a dated file name. The next meeting's date comes from
"Date of next meeting …" items, "Next meeting: …" lines and "Next Meeting" headings, failing those
from the first date after the meeting's in a "Dates of meetings for 2005" list.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import NamedTuple

from spacy.tokens import Doc

from extractor.nlp.dates import FoundDate, find_dates
from models.document import Block, Document
from models.meeting import DocumentKind, Meeting

HEAD_BLOCKS = 15
HEAD_CHARS = 6000

# words just before a date that make it some other date than the meeting's own
_NOT_MEETING_DATE = re.compile(
    r"(?i)\b(?:previous|last|prior|approv\w*|confirm\w*|sign\w*|next|future|following|resign\w*|end\s+of\s+term|"
    r"deadline|due|by\s+when|issued|circulated|published|posted|updated|revised|amended|received|dated|"
    r"letter\s+of|email\s+of|report\s+of|term|expires?|until|from|since|before|after|by)\b[^.;()|]*$")
_MEETING_DATE_CUE = re.compile(
    r"(?i)(?:\bheld\b(?:\s+on)?|\bmeeting\s+(?:of|on)|\bmeeting\s+date\b|\bdate\b\s*(?:of\s+meeting)?\s*[:;|]?|"
    r"\bminutes\b|\bmeeting\b|\bteleconference\b|\btelecon\b|\bcall\b|\bnotes\b|\bagenda\b|\bcommittee\b|"
    r"\bgroup\b|\bcouncil\b|\bboard\b|\bheld\b)(?:[^.;|]|(?<=\d)\.(?=\d)){0,80}$")  # "… HELD AT … AT 7.30 pm ON"
# the draft notice of a heading, whose "next meeting" is not about the date that follows:
# "Draft Minutes Subject to the Approval at the next Meeting Ordinary Meeting … Wednesday 4 April 2018"
_DRAFT_NOTICE = re.compile(
    r"(?i)\b(?:subject\s+to|until|for|pending|awaiting)\s+(?:the\s+)?(?:approv\w*|ratif\w*|confirm\w*|sign\w*|agree\w*)"
    r"\s+(?:at|by)\s+(?:the\s+)?next\s+(?:\w+\s+)?(?:meeting|council)\b\)?")
# a line that opens the body: an agenda item ("1. Apologies", "68/18 Apologies", "FGB 01/2021 Attendance"),
# the attendance list or the agenda
_BODY_START = re.compile(r"^\W*(?:(?:[A-Z]{1,5}\s+)?\d+(?:[./]\d+)*[a-z]?\.?\s+[A-Z]|(?:agenda|action)\b\W*$)")
_TIME = r"\d{1,2}(?:[.:]\d\d\s*(?:[ap]\.?m\b\.?|hrs\b|hours\b|utc\b|gmt\b)?|\s*(?:[ap]\.?m\b\.?|hrs\b|hours\b))"
_TIME_ONLY = re.compile(rf"(?i)(?:\b(?:at|from)\s+)?{_TIME}(?:\s*(?:-|–|to)\s*{_TIME})?")  # "at 7.30pm", "18:00-19:00 UTC"
# a label right before the date, whatever its punctuation: "DATE; 14/10/2019", "Date of meeting - …"
_DATE_LABEL = re.compile(r"(?i)(?:^|\|)\W*(?:(?!target|due|completion|review|expiry|end|start|birth)[A-Za-z]+\s+){0,5}?"
                         r"\b(?:meeting\s+)?date(?:\s+of\s+(?:the\s+)?meeting)?\s*[:;,–—-]?\s*$")
_YAML_LINE = re.compile(r"^\s*[a-z_]+:\s")
_PREVIOUS_MINUTES = re.compile(
    r"(?i)(?:^\s*(?:[A-Z]{0,4}\s?\d+[\w./()]*\s+|\d+\.?\s+)(?:to\s+)?(?:approve|agree|confirm|receive|sign|accept)?\w*\s*"
    r"(?:and\s+sign\s+)?(?:the\s+)?minutes\s+of\b)"
    r"|(?:\b(?:previous|last|prior)\s+(?:\w+\s+)?(?:minutes|meeting)\b)"
    r"|(?:\b(?:approv\w*|confirm\w*|sign\w*|agree\w*|accept\w*)\s+(?:and\s+sign\s+)?(?:of\s+)?(?:the\s+)?minutes\b)")
_MEETBOT = re.compile(r"(?i)\bmeeting\s+started\s+by\s+\S+\s+at\s+\d")
_AGENDA_URL = re.compile(r"(?i)\bagenda[_-]?(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)\b")
_FILENAME_DATE = [
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-_.]?(?P<m>[01]\d)[-_.]?(?P<d>[0-3]\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?=[_-])"),
]

_NEXT_PHRASE = re.compile(
    r"(?i)\b(?:(?P<strong>(?:date|day|time)s?(?:\s+(?:and|&)\s+(?:time|venue|place)s?)?\s+(?:of|for)\s+(?:the\s+)?next\b)"
    r"|(?P<next>next))(?:\s+(?:[\w&'-]+\s+){0,3}?(?:mee(?:ti|[A-Z])ng|session|teleconference|telecon|call|gathering)\b(?!s)|(?<=next)(?=\s*(?:\n|\||$)))"
    r"(?P<tail>\s*(?:[:;|–—-]|\bwill\s+be(?:\s+held)?|\bis|\bto\s+be\s+held|\bshall\s+be|\bon|\bat)?[:;|\s]*"
    r"(?:(?:to\s+be\s+held|will\s+be\s+held|held|on)[:;\s]+)?)")
_NEXT_LINE = re.compile(r"(?i)\bnext\s+(?:[\w&'-]+\s+){0,3}?(?:meeting|session|teleconference|telecon|call)\W*$|"
                        r"\bdate\s+of\s+(?:the\s+)?next\b\W*$")
# a list of the coming meetings' dates: "9. Dates of Meetings for 2005", "Future meeting dates:"
_FUTURE_DATES_HEAD = re.compile(
    r"(?i)^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:future|forthcoming|upcoming|further)\s+meeting\s+dates|"
    r"dates?\s+of\s+(?:(?:future|forthcoming|upcoming|further|next)\s+)?meetings|(?:future|forthcoming)\s+meetings|"
    r"meeting\s+dates)(?:\s+(?:for|in)\s+(?:19|20)\d\d(?:/\d\d)?)?\s*[:;–—-]?\s*")
_FUTURE = re.compile(r"(?i)\b(?:future|upcoming|forthcoming|schedule|calendar|proposed|next|dates\s+of)\b")
_UNSETTLED = re.compile(r"(?i)\b(?:tb[ca]|to\s+be\s+(?:confirmed|arranged|agreed|decided|fixed)|doodle|poll)\b")
_CUE_END = re.compile(r"(?i)(?:\bheld(?:\s+on)?|\bon|\bof|\bdate\W*|\w+day,?)\s*$")
_MOVED = re.compile(r"(?i)\b(?:mov(?:e|ed|ing)|chang(?:e|ed|ing)|postpon\w+|re-?arrang\w+|re-?schedul\w+|instead|"
                    r"brought\s+forward|put\s+back|amend\w*)\b")

_LETTER = re.compile(r"(?im)^\s*(?:dear\b|yours\s+(?:sincerely|faithfully|truly)|kind\s+regards|best\s+wishes)")
_MEMO_FROM = re.compile(r"(?im)^\s*(?:\*\*)?from\s*:")
_MEMO_TO = re.compile(r"(?im)^\s*(?:\*\*)?(?:to|re|subject|cc)\s*:?\s+\S")
_ATTENDEES = re.compile(r"(?im)^\W*(?:present|attendees|attendance|in\s+attendance|apologies|members\s+present|"
                        r"participants|regrets|roll\s+call)\b")
_MINUTE_VERBS = re.compile(r"(?i)\b(?:was|were)\s+(?:agreed|approved|noted|discussed|resolved|reported|accepted|"
                           r"received|adopted|decided)\b|\bresolved\b|\bit\s+was\s+\w+|\b(?:agreed|noted|reported)\s+that\b|"
                           r"\bACTION\b|\bdecision\b")
_NOTES = re.compile(r"(?i)^\W*(?:(?:meeting\s+)?notes\s+(?:of|from|for)\b|(?:[\w&'-]+\s+){0,4}meeting\s+notes\b)")
_AGENDA_HEAD = re.compile(r"(?i)^\W*(?:[\w&'-]+\s+){0,6}agenda\b")

_ORG_WORDS = re.compile(
    r"(?i)\b(?:council|programme|program|foundation|school|governors|association|society|trust|charity|library|club|"
    r"church|university|college|academy|institute|federation|authority|department|service|services|partnership|"
    r"project|consortium|union|ltd|limited|inc|plc|corporation|company|organisation|organization|network|alliance|"
    r"friends\s+of|parish|commission|agency|ministry|office|co-?operative|housing|hospital|nhs|cic|guild)\b")
_TITLE_WORDS = re.compile(
    r"(?i)\b(?:meeting|minutes|committee|group|teleconference|telecon|call|board|session|governors|"
    r"council|forum|panel|trustees|assembly|conference|steering|working|sub-committee|subcommittee|TC|TSC|body|"
    r"notes|agenda|AGM)\b")
_JUNK = re.compile(
    r"(?i)(?:\b(?:tel|telephone|fax|phone|mobile|e-?mail|www\.|https?:|room\s+\d|p\.?o\.?\s+box|page\s+\d)\b|@\w+\.\w|"
    r"\b[A-Z]{1,2}\d{1,2}[A-Z]?\s+\d[A-Z]{2}\b|\d{5,}|\d{3,}\s+\d{3,}|^\W*\d+(?:\.\d+)*\.?\s|"
    r"\b(?:street|road|lane|avenue|close|drive|way|business\s+centre|house|floor|building)\b\W*$)")
_NOT_TITLE = re.compile(r"(?i)^\s*(?:draft\b|[-•·●]\s?|\*\s|\d+(?:\.\d+)*\.?\s)")
# heading-area fields that are no title nor organisation: "Place: By online video conference", "HELD AT THE CHURCH"
_FIELD_LINE = re.compile(
    r"(?i)^(?:(?:place|location|venue|where|time|start\s+time|end\s+time|duration|dial[\s-]?in|zoom|link|chair(?:ed\s+by)?|"
    r"minute[sd]?\s+(?:taker|by)|scribe|note[\s-]?taker|facilitator)\s*:|(?:held\s+(?:at|in|via|by)|at\s+the)\b)"
    r"|^(?:(?:committee|date|time|venue|place|location|meeting|title)\W*)+$")  # a row of labels: "COMMITTEE; DATE"
_SUBJECT_LABEL = re.compile(r"(?i)^(?:subject|topic|title)\s*:\s*")
_MINUTES_LED = re.compile(r"(?i)^(?:meeting\s+)?(?:minutes|notes|agenda)\b")
_SMALL = {"of", "and", "the", "for", "in", "on", "at", "to", "a", "an", "&"}


def _clean(text: str) -> str:
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"[*_`]{1,3}", "", text)
    text = re.sub(r"^\s*#+\s*", "", text)
    return re.sub(r"\s+", " ", text).strip(" |:;-–—=\t")


def _tidy_case(text: str) -> str:
    """ALL-CAPS headings in title case ("STOKE FERRY PARISH COUNCIL" → "Stoke Ferry Parish Council")."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4 or sum(c.isupper() for c in letters) / len(letters) < 0.9:
        return text
    words = []
    for i, w in enumerate(text.split()):
        lw = w.lower()
        if i and lw in _SMALL:
            words.append(lw)
        elif re.fullmatch(r"[A-Z]{2,4}", w) and not re.fullmatch(r"(?i)[aeiou]\w*|\w*[aeiou]\w*", w):
            words.append(w)  # an acronym without vowels: "FGB", "TSC"
        else:
            words.append(w[:1] + w[1:].lower())
    return " ".join(words)


def _head_blocks(document: Document) -> list[Block]:
    out, chars = [], 0
    for b in document.blocks:
        if len(out) >= HEAD_BLOCKS or chars > HEAD_CHARS:
            break
        out.append(b)
        chars += len(b.text)
    return out


def _lines(block: Block) -> list[tuple[int, str]]:
    """(offset, line) pairs of a block; table rows are lines, cells joined by " | ".

    Markdown escapes are undone ("3\\. The Minutes of …" is item 3)."""
    out, pos = [], 0
    for line in block.text.split("\n"):
        out.append((pos, re.sub(r"\\(?=[.\-*#_()\[\]+!])", "", line)))
        pos += len(line) + 1
    return out


def _opens_body(line: str) -> bool:
    """The heading area is over: an agenda item, the attendance list, the agenda."""
    if _ATTENDEES.match(line):
        return True
    if not _BODY_START.match(line):
        return False
    found = find_dates(line[:40])
    return not (found and found[0].start <= 6)  # a date line ("18 July 2006"), not an item


class _Candidate(NamedTuple):
    score: int  # 4: "held on"/"Date:"; 3: a meeting cue, a date line or heading; 1: any other date
    order: int
    found: FoundDate
    in_heading: bool  # before the body opens (agenda item, attendance list)


def _in_front_matter(document: Document, block: Block) -> bool:
    first = document.blocks[0].text.lstrip() if document.blocks else ""
    return block.index == 0 and first.startswith("---") or bool(
        re.match(r"^\s*---\s*$", block.text.split("\n")[0]) and block.index < 3)


def _meeting_date_candidates(document: Document, blocks: list[Block], in_heading: bool = True) -> list[_Candidate]:
    """The dates that may be the meeting's own, scored; those of the heading area are marked."""
    out: list[_Candidate] = []
    order = 0
    prev = ""
    section = ""
    n_line = 0
    for block in blocks:
        if _in_front_matter(document, block):
            continue
        for off, line in _lines(block):
            if off > HEAD_CHARS:
                break
            if not line.strip() or _YAML_LINE.match(line):
                continue
            n_line += 1
            if in_heading and _opens_body(_clean(line)):
                in_heading = False
            line = _DRAFT_NOTICE.sub(lambda m: " " * len(m.group()), line)
            if block.kind == "heading" or re.match(r"^\W*\d+(?:\.\d+)*\.?\s+[A-Z]", line):
                section = line
            if _FUTURE.search(section):
                continue
            for f in find_dates(line):
                order += 1
                if f.precision != "day":
                    continue
                before = line[:f.start]
                if len(_clean(before)) < 3 and _NEXT_LINE.search(prev):
                    continue  # the date under a "Next meeting" heading
                if len(_clean(re.sub(r"(?i)\b\w+day\b,?", "", before))) < 3 and _CUE_END.search(prev):
                    before = prev + " " + before  # "… held on Tuesday\n11th May 2004"
                clause = re.split(r"[.;)\]]\s|\|(?=[^|]*\|)", before)[-1]
                if _NOT_MEETING_DATE.search(clause[-70:]) or _PREVIOUS_MINUTES.search(clause):
                    continue
                if re.search(r"(?i)\bminutes\s+of\s+$", clause) or re.search(r"\[\s*(?:minutes\s+of\s+)?$", clause, re.I):
                    continue
                score = 1
                rest = _clean(_TIME_ONLY.sub(" ", line.replace(f.text, " ")))
                if _MEETING_DATE_CUE.search(clause):
                    score = 3
                if re.search(r"(?i)\b(?:held(?:\s+on)?|meeting\s+(?:of|on)|meeting\s+date|date)\W*(?:\w+day,?\s*)?$", clause) \
                        or _DATE_LABEL.search(before):
                    score = 4
                if (len(rest) <= 3 and n_line <= 25) or block.kind == "heading":
                    score = max(score, 3)  # a date line or a date heading
                if re.search(r"\(\s*$", before) and re.search(r"(?i)meeting|[:#]", before):
                    score = max(score, 3)  # MeetBot: "#fedora-meeting-1: RELENG (2015-02-09)"
                out.append(_Candidate(score, order, f, in_heading))
            prev = line[-120:]
    return out


def find_meeting_date(document: Document) -> tuple[date | None, str | None]:
    """The meeting's own date and where it came from ("text", "title", "filename" or "metadata")."""
    head = _head_blocks(document)
    cands = _meeting_date_candidates(document, head)
    strong = [c for c in cands if c.score >= 3]
    heading = [c for c in strong if c.in_heading]
    if heading:  # the heading's date beats "held on" dates of the previous minutes or other meetings below
        best = max(heading, key=lambda c: (c.score >= 4, -c.order))
        return best.found.value, "text"
    if strong:
        best = max(strong, key=lambda c: (c[0] >= 4, -c[1]))
        return best[2].value, "text"
    # a "held on <date>" further down (long preambles, navigation menus)
    rest = _meeting_date_candidates(document, document.blocks[len(head):len(head) + 60], in_heading=False)
    held = [c for c in rest if c[0] >= 4]
    if held:
        return held[0][2].value, "text"
    titled = [f for f in find_dates(document.title or "") if f.precision == "day"]
    if titled:  # the file's own title: "Meeting 60 – 30 May 2013"
        return titled[0].value, "title"
    if cands:
        return min(cands, key=lambda c: c[1])[2].value, "text"
    for block in document.blocks:
        if _MEETBOT.search(block.text):
            m = re.search(r"\((?P<d>(?:19|20)\d\d-\d\d-\d\d)\)", block.text)
            if m:
                return date.fromisoformat(m.group("d")), "text"
    for block in head or document.blocks[:HEAD_BLOCKS]:
        m = _AGENDA_URL.search(block.text)
        if m:
            try:
                return date(int(m["y"]), int(m["m"]), int(m["d"])), "text"
            except ValueError:
                pass
    d = date_from_filename(document.path)
    if d:
        return d, "filename"
    # last: the metadata date, often the day the minutes were published rather than held
    dated = [f for f in find_dates(document.date or "") if f.precision == "day"]
    return (dated[0].value, "metadata") if dated else (None, None)


def date_from_filename(path: str) -> date | None:
    """A date in a file name: "…-2021-10-14.md", "2017-03-23.md", "211014_SARIF_TC_46.md"."""
    name = Path(path).name
    for rx in _FILENAME_DATE:
        for m in rx.finditer(name):
            y = int(m["y"])
            if y < 100:
                y += 2000 if y < 70 else 1900
            try:
                return date(y, int(m["m"]), int(m["d"]))
            except ValueError:
                continue
    return None


def _with_year(f: FoundDate, meeting_date: date | None) -> date:
    value = f.value
    if not f.year_given and meeting_date and value < meeting_date:
        try:
            value = value.replace(year=value.year + 1)
        except ValueError:
            pass
    return value


def find_next_meeting_date(document: Document, meeting_date: date | None) -> date | None:
    """The date the minutes give for the next meeting; when the date was moved in the item, the last one."""
    year = meeting_date.year if meeting_date else None
    found: list[tuple[int, int, date]] = []  # (strength, position, date)
    blocks = document.blocks
    for i, block in enumerate(blocks):
        text = block.text
        if "next" not in text.lower():
            continue
        for m in _NEXT_PHRASE.finditer(text):
            after = text[m.end():]
            dates = [f for f in find_dates(after, default_year=year) if f.precision == "day"]
            chosen: FoundDate | None = None
            # "Date and Time of Next Meeting – Annual Meeting of the Parish Council Wednesday 2 May 2018"
            reach = 80 if m.group("strong") else 25
            if dates and dates[0].start <= reach and not re.search(r"[.!?]\s", after[:dates[0].start]) \
                    and not _UNSETTLED.search(after[:dates[0].start]):
                chosen = dates[0]
                if m.group("strong") and _MOVED.search(after[dates[0].end:]):
                    later = [f for f in dates[1:] if not re.search(r"\n\s*\n", after[dates[0].end:f.start])]
                    if later:
                        chosen = later[-1]
            elif not after.strip(" \t|:–—-*#") and i + 1 < len(blocks):
                # a heading or a table cell with the date in what follows
                nxt = blocks[i + 1].text
                nd = [f for f in find_dates(nxt[:80], default_year=year) if f.precision == "day"]
                if nd and nd[0].start <= 12:
                    chosen = nd[0]
                elif blocks[i + 1].kind == "table":  # "Location | …" then "Date & Time | 21/04/21"
                    for row in nxt.split("\n")[:6]:
                        if re.match(r"(?i)\W*(?:date|when)\b", row):
                            nd = [f for f in find_dates(row, default_year=year) if f.precision == "day"]
                            chosen = nd[0] if nd else None
                            break
            if chosen is None:
                continue
            value = _with_year(chosen, meeting_date)
            if meeting_date and not (meeting_date < value <= date(meeting_date.year + 2, 12, 31)):
                continue
            strength = 2 if (m.group("strong") or block.kind == "heading" or text.strip().lower().startswith("next")) else 1
            found.append((strength, i, value))
    listed = _first_listed_meeting(document, meeting_date)
    if listed:
        found.append((1, listed[0], listed[1]))
    if not found:
        return None
    best = max(found, key=lambda c: (c[0], c[1]))
    return best[2]


def _first_listed_meeting(document: Document, meeting_date: date | None) -> tuple[int, date] | None:
    """(block, date) of the first date after the meeting's in a "Dates of meetings for 2005" list."""
    if meeting_date is None:
        return None
    blocks = document.blocks
    for i, block in enumerate(blocks):
        m = _FUTURE_DATES_HEAD.match(_clean(block.text.split("\n")[0]))
        if not m:
            continue
        texts = [_clean(block.text)[m.end():]]
        for nxt in blocks[i + 1:i + 8]:
            if nxt.kind == "heading" or _opens_body(_clean(nxt.text)):
                break
            texts.append(nxt.text)
        for text in texts:
            for f in find_dates(text, default_year=meeting_date.year):
                if f.precision != "day":
                    continue
                value = _with_year(f, meeting_date)
                if meeting_date < value <= date(meeting_date.year + 2, 12, 31):
                    return i, value
    return None


def document_kind(document: Document) -> DocumentKind:
    blocks = document.blocks
    head = _head_blocks(document)
    head_text = "\n".join(b.text for b in head)
    all_text = document.text
    has_attendees = bool(_ATTENDEES.search(all_text))
    if not has_attendees:
        memo = bool(_MEMO_FROM.search(head_text)) and bool(_MEMO_TO.search(head_text))
        if _LETTER.search(all_text) or memo:
            return "letter"
    tables = [b for b in blocks if b.kind == "table"]
    prose = [b for b in blocks if b.kind in ("paragraph", "list_item") and len(b.text.split()) > 6]
    if tables and len(prose) <= 2 and all(
            re.search(r"(?i)\baction", t.text.split("\n")[0]) and
            re.search(r"(?i)\b(?:owner|by\s+whom|who|responsible|due|by\s+when|deadline|status)\b", t.text.split("\n")[0])
            for t in tables):
        return "action-log"
    for b in head[:6]:
        if _NOTES.search(_clean(b.text.split("\n")[0])):
            return "notes"
    if not _MINUTE_VERBS.search(all_text) and any(_AGENDA_HEAD.search(_clean(b.text.split("\n")[0])) for b in head[:8]):
        if re.search(r"(?im)^\W*(?:\d+[.)]?\s*)?to\s+(?:receive|consider|approve|note|agree|discuss)\b", all_text) or \
                len(prose) < 5:
            return "agenda"
    return "minutes"


def _numbered(line: str) -> bool:
    """An agenda item ("1. Opening Activities", "12 Finance"), not a date line ("18 July 2006")."""
    if not re.match(r"^\W*\d+(?:\.\d+)*\.?\s+[A-Z]", line):
        return False
    found = find_dates(line[:40])
    return not (found and found[0].start <= 4)


def _title_lines(document: Document) -> list[tuple[Block, str]]:
    out: list[tuple[Block, str]] = []
    for block in _head_blocks(document)[:10]:
        if _in_front_matter(document, block):
            continue
        if _numbered(block.text) and block.kind in ("heading", "list_item") or block.kind == "list_item":
            return out  # the first (numbered) agenda item: the heading area is over
        if block.kind == "paragraph" and len(block.text.split()) > 30:
            return out  # running text: the minutes have begun
        for _, line in _lines(block)[:4]:
            if _ATTENDEES.match(line):
                return out
            if _numbered(line) and not re.search(r"(?i)minutes\s+of", line):
                return out
            cells = [c for c in line.split(" | ")] if block.kind == "table" else [line]
            for c in cells:
                if _NOT_TITLE.match(c):
                    continue
                c = _clean(c)
                if c and not _YAML_LINE.match(c):
                    out.append((block, c))
        if len(out) > 12:
            break
    return out


def _strip_dates(text: str) -> str:
    for f in reversed(find_dates(text)):
        text = text[:f.start] + text[f.end:]
    text = re.sub(r"(?i)\s*,?\s*\b(?:at\s+)?\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.?m\.?|hrs|utc)\b.*$", "", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"(?i)\b(?:held|on|of|dated?|date)\s*[;:]?\s*$", "", text.strip(" ,;:-–—|/"))
    return re.sub(r"\s+", " ", text).strip(" ,;:-–—|/")


def organisation_and_title(document: Document, kind: DocumentKind) -> tuple[str | None, str | None]:
    org: str | None = None
    title: str | None = None
    lines = _title_lines(document)
    for block, line in lines:
        if _JUNK.search(line) and not re.search(r"(?i)minutes\s+of", line) or len(line) > 300 or len(line) < 3:
            continue
        if _NOT_TITLE.match(line) or _FIELD_LINE.search(line):
            continue
        if kind == "letter":
            m = re.match(r"(?i)^re\s*:\s*(.+)$", line)
            if m and not title:
                title = _tidy_case(m.group(1).strip())
            continue
        text = _SUBJECT_LABEL.sub("", line)
        m = re.search(r"(?i)\b(?:draft\b.*?\)\s*)?minutes\s+of\s+(?:the\s+)?(?P<what>.+?)(?:\s+held\b.*)?$", text)
        prefix = text[:m.start()].strip(" -–—:|") if m else ""
        if m:
            what = re.split(r"\s+[–—-]\s+", _strip_dates(m.group("what")))[0]
            mo = re.match(r"(?i)^(?P<body>(?:trustees|members|governors|directors|committee|board)\b.*?)\s+of\s+(?P<org>.+)$", what)
            if mo and re.fullmatch(r"(?i)(?:trustees|members|governors|directors|councillors)(?:\s+meeting)?",
                                   mo.group("org").strip()):
                mo = None  # "Board of Trustees Meeting" is the body, not a board of an organisation
            if not mo and not org:
                org = _org_of_title(what, leading=False)  # "Wereham Parish Meeting" is a body of its own
            if mo and not org:
                org = _tidy_case(mo.group("org"))
                title = title or _tidy_case(what)
            elif what and not title:
                title = _tidy_case(what)
            prefix = re.sub(r"(?i)\bdraft\b.*$", "", prefix).strip(" -–—:|")
            if prefix and _ORG_WORDS.search(prefix) and not org and not _JUNK.search(prefix):
                org = _tidy_case(prefix)
            continue
        m = re.match(r"(?i)^(?:committee|meeting|title|body|group)(?:\s*:\s*|\s+(?=[A-Za-z]))(?P<v>.+?)(?:\s+date\b.*)?$", text)
        if m and block.index < 4:
            text = m.group("v")
        parts = [p for p in re.split(r"\s+[–—-]\s+|\.\s+(?=[A-Z])", text) if p.strip()]
        for p in parts:
            p = _strip_dates(p).strip(" .")
            p = re.sub(r"(?i)\s+minutes$", "", p).strip()
            if not p or _JUNK.search(p) or len(p.split()) > 14:
                continue
            if re.fullmatch(r"(?i)(?:agenda|minutes|notes|meeting\s+minutes|action\s+points|actions?|present)", p):
                if not title and re.fullmatch(r"(?i)meeting\s+minutes", p):
                    title = p
                continue
            is_org = bool(_ORG_WORDS.search(p)) and not _MINUTES_LED.match(p)  # "Minutes 3: Service Layer …"
            is_title = bool(_TITLE_WORDS.search(p))
            if is_title and not title and (not is_org or org or re.search(r"(?i)\b(?:meeting|committee|teleconference|group)\b", p)):
                if org is None and is_org:
                    org = _org_of_title(p)
                title = _tidy_case(p)
            elif is_org and not org:
                # a meeting's name holds the organisation at most: not "Initial Meeting for Service Layer …"
                org = _org_of_title(p) if re.search(r"(?i)\bmeeting\b", p) else _tidy_case(p)
        if org and title:
            break
    if title and org and title.lower() == org.lower():
        title = None
    if org is None:  # a running header or footer often names the organisation: "Riverside Co-operative - …"
        for line in document.headers:
            for part in re.split(r"\s+[-–—|]\s+", line):
                part = _strip_dates(_clean(part))
                if part and _ORG_WORDS.search(part) and not _JUNK.search(part) and len(part.split()) <= 8:
                    org = _tidy_case(part)
                    break
            if org:
                break
    if not title and document.title and not _JUNK.search(document.title):
        title = _page_title(document.title)
    return org, title


def _org_of_title(text: str, leading: bool = True) -> str | None:
    """The organisation that opens or ends a meeting's name: "Wretton Parish Council Meeting",
    "March meeting of Wretton Parish Council"; a council keeps its word ("Boughton Parish Council")."""
    m = re.match(r"(?i)^.*?\bmeeting\s+of\s+(?:the\s+)?(?P<o>.+)$", text)
    if m and _ORG_WORDS.search(m.group("o")) and not _TITLE_WORDS.search(_ORG_WORDS.sub("", m.group("o"))
                                                                       .replace("council", "").replace("Council", "")):
        return _tidy_case(m.group("o"))
    m = re.match(rf"^(?P<o>.*?{_ORG_WORDS.pattern[4:]}(?:\s+council\b)?)\s+(?P<rest>.+)$", text, re.I)
    if m and (leading or m.group("o").lower().endswith("council")) and _TITLE_WORDS.search(m.group("rest")):
        return _tidy_case(m.group("o"))
    return None


def _page_title(page_title: str) -> str | None:
    """A page title without its dates and site suffix: "Minutes of X - December 2006 - Stoke Ferry, Norfolk, UK"."""
    page_title = re.split(r"\s+[|·•»]\s+", page_title)[0]  # "Meeting 88 – 27 August 2015 | Site name"
    # a PDF printed from Word keeps its file name: "Microsoft Word - Agenda - PRAC.docx"
    page_title = re.sub(r"(?i)^\s*microsoft\s+(?:word|excel|powerpoint)\s*[-–—]\s*|\.(?:docx?|odt|rtf|pdf)\s*$", "",
                        page_title)
    page_title = re.sub(r"(?i)^\s*(?:draft\s+)?(?:agenda|minutes)\s*[-–—:]\s*", "", page_title)
    parts = [_strip_dates(_clean(p)) for p in re.split(r"\s+[-–—]\s+", page_title)]
    parts = [p for p in parts if p]
    while len(parts) > 1 and not _TITLE_WORDS.search(parts[-1]) and "," in parts[-1]:
        parts.pop()  # "Stoke Ferry, Norfolk, UK"
    return " – ".join(parts) or None


def extract_meeting(document: Document, parsed: list[Doc]) -> Meeting:
    meeting_date, source = find_meeting_date(document)
    next_date = find_next_meeting_date(document, meeting_date)
    kind = document_kind(document)
    org, title = organisation_and_title(document, kind)
    return Meeting(organisation=org, title=title, date=meeting_date.isoformat() if meeting_date else None,
                   date_source=source, next_meeting_date=next_date.isoformat() if next_date else None, kind=kind)
