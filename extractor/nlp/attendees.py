"""Attendees and apologies from lists, running text and tables.

Where the minutes say who was there:

- a label and a list on one line: "Present: Cllr A Smith (Chair), B Jones and C Brown",
  "Apologies; D Thomas", "Regrets: Andrew, Hadley", "Also present: Cllr X – County Council",
  lists without commas split on titles ("Cllr X (Chair) Cllr Y Cllr Z");
- a heading ("Present", "Apologies for absence", "Roll call", "People Present (lines said)")
  followed by one person per line ("Tony Oram (TO) (Chair) DAAT Strategy Manager", "* nick (12)");
- sentences: "Apologies were noted and accepted for Cllr X", "Chaired by X Clerked by Y";
- tables with a name column (or first/last name columns) and role or status columns, and
  attendance grids (rows of names, a column of P/A/S marks per meeting date).

Each person becomes an `Attendee` with titles stripped from the name, initials from "(KH)",
a role from "(Chair)" or the text after the name, and a status: present, in_attendance
(officers, guests, clerks, the public), apologies or absent. People named twice are merged.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from extractor.nlp.attendance_labels import BULLET, group_heading, label_line, split_post, status_suffix
from extractor.nlp.people import TITLES, fold, register_handle
from models.document import Block, Cell, Document
from models.meeting import Attendee, Meeting
from models.provenance import Provenance

# -- labels -----------------------------------------------------------------------------------
_STATUS_LABELS: list[tuple[str, str]] = [
    (r"apolog(?:ies|y)(?:\s+(?:for|of)\s+absence)?(?:\s+(?:were\s+)?received(?:\s+from)?)?(?:\s+from)?|excused",
     "apologies"),
    (r"(?:sent\s+)?regrets|absent\s+with\s+apolog(?:ies|y)", "apologies"),
    (r"absent(?:\s+without\s+apolog(?:ies|y))?|absentees|not\s+present", "absent"),
    (r"also\s*,?\s+(?:present|in\s+attendance|attending)|in\s+attendance|officers?\s+(?:present|in\s+attendance)|"
     r"guests?|visitors?|observers|officers|staff|invited(?:\s+guests?)?", "in_attendance"),
    (r"(?:committee\s+|board\s+|council\s+|team\s+)?members|councillors|governors|trustees|directors", "present"),
    (r"(?:(?:members|councillors|governors|trustees|directors|those|people)\s+)?present\s+(?:at\s+the\s+meeting\s+)?"
     r"(?:were|was)|(?:members|councillors|governors|trustees|directors|those|people)\s+present|present|"
     r"attendees|attending|"
     r"attendance|participants|roll\s+call", "present"),
]
_ROLE_LABELS: list[tuple[str, str, str]] = [
    (r"chair(?:man|woman|person)?|chaired\s+by|in\s+the\s+chair", "Chair", "present"),
    (r"scribe|note\s*-?taker", "Scribe", "present"),
    (r"time\s*-?keeper", "Timekeeper", "present"),
    (r"facilitator|facilitated\s+by", "Facilitator", "present"),
    (r"(?:meeting\s+)?called\s+by|convened\s+by|conven[eo]r", "Convenor", "present"),
    (r"minute\s*-?taker|minute\s+secretary", "Minute taker", "in_attendance"),
    (r"clerk(?:ed\s+by)?|clerk\s+to\s+the\s+\w+", "Clerk", "in_attendance"),
]
_LABEL_ALT = "|".join(p for p, _ in _STATUS_LABELS) + "|" + "|".join(p for p, _, _ in _ROLE_LABELS)
# A label at the start of a line (after an item number or bullet), then ":" ";" "-" or just space.
_INLINE = re.compile(r"(?im)^[ \t]*(?:\(?[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]?\s+|[*•·\-–]\s+)?\**(?P<label>" + _LABEL_ALT +
                     r")(?P<note>\s*\((?:in\s+person|remote(?:ly)?|online|virtual(?:ly)?|via\s+\w+|in\s+the\s+room|"
                     r"on\s+\w+|by\s+\w+|\w+\s+(?:councillors|members|trustees|governors|directors))\))?\**\s*(?P<punct>[:;\-–—]|\s)\s*")
# group words that are labels only with a colon ("Members: A, B"), never in running text
_COLON_ONLY = re.compile(r"(?i)^(?:(?:committee|board|council|team)\s+)?members|councillors|governors|trustees|directors|"
                         r"officers|staff|guests?|visitors?|observers|participants|attendance$")
_HEADING_LABEL = re.compile(r"(?i)^(?:(?:members|councillors|governors|trustees|directors|those|people)\s+)?"
                            r"(?:present|attendees|attendance|attending|participants)(?:\s*\(lines said\))?$|"
                            r"^(?:introduction\s+of\s+participants\s*/\s*)?roll\s*-?\s*call$|"
                            r"^(?:governor\s+)?attendance(?:\s+record)?$|^(?:attendance\s+and\s+)?apolog(?:ies|y)"
                            r"(?:\s+(?:for|of)\s+absence)?(?:\s+received)?$|^regrets$|^absent$|^absentees$|"
                            r"^(?:also\s+present|in\s+attendance|also\s+in\s+attendance|guests|visitors)$|"
                            r"^(?:present|attendance)\s+and\s+apolog(?:ies|y)$")
_APOLOGY_SENTENCE = re.compile(
    r"(?i)\b(?:apolog(?:ies|y)|regrets)\b(?:\s+(?:for|of)\s+absence)?\s+(?:were|was|had\s+been|have\s+been|are)?\s*"
    r"(?:(?:duly\s+)?(?:received|noted|accepted|given|provided|tendered|offered|sent|submitted)\s+(?:and\s+"
    r"(?:accepted|approved|noted)\s+)?)?(?:from|for|by|on\s+behalf\s+of)\s+"
    # the same sentence from a PDF that lost its spaces: "ApologieswerereceivedfromStephi"
    r"|(?i:apolog(?:ies|y))(?:were|was)(?:received|noted|given)(?:from|for)(?=[A-Z])")
_ATTENDED_BY = re.compile(r"(?i)\b(?:meeting|session|call)\s+was\s+attended\s+by\s+")
_SENT_APOLOGIES = re.compile(r"(?P<name>(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]+)*)"
                             r"\s+(?:sent|gave|offered|tendered)\s+(?:his\s+|her\s+|their\s+)?(?:apologies|regrets)"
                             r"(?!\s+for\s+(?:the\s+)?(?:next|following|future|coming)\b)")
# a sentence of its own: "Cllr Sandra Squires attended."
_NAME_ATTENDED = re.compile(r"(?:^|(?<=[.!?]\s))(?P<name>(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][\w'’.-]*"
                            r"(?:\s+[A-Z][\w'’-]+){0,2}|[A-Z][a-z]+\s+[A-Z][\w'’-]+)\s+(?:also\s+)?attended"
                            r"(?:\s+the\s+meeting)?\s*\.", re.M)
_CHAIRED = re.compile(r"(?i)\b(chaired|clerked|minuted|minutes\s+taken)\s+by\s*\|?\s*")

# -- names ------------------------------------------------------------------------------------
# letters with accents count ("Beliën", "Raúl", "Łukasz"); a user name may join two words with a dot ("Shreya.Bhopal")
_UP = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
_LO = "a-zß-öø-ÿ\u0100-\u017f"
_NAME_TOKEN = re.compile(r"^(?:[{U}]\.?|[{U}][{L}'’]*(?:[{U}][{L}'’]+)*(?:-[{U}][{L}'’]+)*\.?|"
                         r"(?:Mc|Mac|O'|O’|D'|D’|d'|d’|l'|l’)[{U}][{L}]+(?:-[{U}][{L}'’]+)*|[{U}][{U}'’-]+|[{U}][{L}]+\.[{U}{L}][{L}]+)$"
                         .replace("{U}", _UP).replace("{L}", _LO))
_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "le", "la", "du", "del", "dos", "ter", "bin"}
NOT_NAME = {
    "council", "councils", "county", "borough", "district", "parish", "town", "city", "committee", "board",
    "group", "public", "members", "member", "residents", "resident", "police", "constabulary", "service",
    "services", "university", "school", "ltd", "limited", "inc", "office", "team", "department", "trust",
    "society", "association", "club", "church", "none", "nil", "all", "everyone", "nobody", "apologies",
    "present", "absent", "minutes", "meeting", "agenda", "item", "items", "the", "of", "for", "and", "with",
    "chair", "chairman", "chairwoman", "chairperson", "vice-chair", "clerk", "treasurer", "secretary",
    "scribe", "officer", "manager", "director", "governor", "governors", "councillor", "councillors",
    "representative", "guest", "guests", "visitor", "visitors", "observer", "observers", "participant",
    "participants", "headteacher", "head", "staff", "tbc", "tba", "n/a", "na", "vacant", "vacancy", "other",
    "others", "absence", "unknown", "various", "microsoft", "individual", "company", "name", "names", "role", "status",
    "signature", "signatures", "attendees", "attendance", "yes", "no", "p", "a", "s", "x", "page", "date",
    "time", "location", "venue", "zoom", "teams", "online", "virtual", "via", "video", "link", "telephone",
    "phone", "call", "regrets", "scribe:", "welcome", "opening", "closed", "noted", "agreed", "resolved",
    "report", "reports", "notes", "action", "actions", "matters", "arising", "business", "update", "summary",
    "discussion", "next", "any", "other", "aob", "total", "quorum", "quorate", "two", "three", "one", "four",
    "five", "six", "seven", "eight", "nine", "ten", "several", "many", "some", "few", "no-one", "noone",
    "nhs", "pct", "ccg", "plc", "llp", "gmbh", "corp", "corporation", "foundation", "project", "programme",
    "partnership", "network", "forum", "panel", "unit", "agency", "authority", "government", "ministry",
    # words of job titles, never a first name or surname: "Deputy Chairman", "Footpath Warden"
    "deputy", "vice", "locum", "acting", "interim", "assistant", "emergency", "planning", "footpath", "finance",
    "financial", "responsible", "executive", "general", "senior", "chief", "operations", "development",
    "community", "environmental", "health", "safety", "technical", "liaison", "support", "strategy", "resources",
    "highways", "warden", "ranger", "engineer", "coordinator", "co-ordinator", "administrator", "timekeeper",
    "developers", "developer", "client", "library", "also",
}
# where a job title ends: a new name may follow it on a run-on line ("… Footpath Warden Kevin Kent")
_ROLE_HEADS = {"chair", "chairman", "chairwoman", "chairperson", "vice-chair", "clerk", "warden", "officer",
               "manager", "secretary", "treasurer", "councillor", "director", "coordinator", "co-ordinator",
               "representative", "adviser", "advisor", "engineer", "ranger", "administrator", "consultant"}
# organisation words: the capitalised word before them is a place, not a surname ("Storey Norfolk County Council")
_ORG_WORDS = {"council", "county", "borough", "district", "city", "town", "university", "college", "school",
              "police", "constabulary", "trust", "ltd", "limited", "association", "society", "nhs", "foundation",
              "group", "partnership", "services", "service"}
_ROLE_HINT = re.compile(r"(?i)\b(chair\w*|vice[\s-]?chair\w*|clerk|treasurer|secretary|scribe|minute[\s-]?taker|"
                        r"note[\s-]?taker|manager|officer|director|governor|councillor|representative|guest|"
                        r"visitor|observer|member|headteacher|head|lead|coordinator|co-ordinator|advisor|adviser|"
                        r"consultant|president|convenor|facilitator|rfo|accountant|auditor|solicitor|engineer|"
                        r"warden|ranger|administrator|assistant|principal|bursar|trustee|participant|"
                        r"council|police|constabulary|service|tsc|ctc)\b")
_IN_ATTENDANCE_ROLE = re.compile(r"(?i)\b(guest|visitor|public\s+participant|member\s+of\s+the\s+public|observer"
                                 r"(?=\s*$)|in\s+attendance|minute[\s-]?taker|clerk\s+to|officer)\b")
_BOTS = re.compile(r"(?i)^(?:zodbot|meetbot|fedbot|supybot|limnoria|\w*bot|\w*-bot|rrsagent|zakim|trackbot|"
                   r"github-bot|chanserv|nickserv)$")
_NICK_LINE = re.compile(r"^\s*[*•-]?\s*(?P<nick>[A-Za-z_\[\]\\`^{}|][\w\[\]\\`^{}|.-]*)\s*\((?P<n>\d+)\)\s*$")
_HANDLE = re.compile(r"@[A-Za-z0-9][\w.-]*")
_INITIALS = re.compile(r"^(?:[A-Z]{2,4}|[A-Z][a-z]?[A-Z][a-z]{0,2}|[A-Z][a-z]{1,3}[A-Z]|[A-Z]\.?(?:[A-Z]\.?){1,3})$")
_TITLE_RE = re.compile(r"(?i)^(?:%s|cllrs|councillors)\b(?![-'’])\.?\s*" % "|".join(sorted(TITLES, key=len, reverse=True)))
_SPLIT_TITLE = re.compile(r"(?<=\S)\s+(?=(?:Cllr|Councillor|Cll|Mr|Mrs|Ms|Miss|Dr|Rev|Revd|Prof)\b\.?\s+[A-Z])")
_TRAILING_JUNK = re.compile(r"(?i)\s+(?:together\s+with|along\s+with|with|plus|and\s+\d+|and\s+(?:several|two|three|"
                            r"four|five|six|a\s+number)|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|"
                            r"a\s+few|many)\s+(?:members?|residents?|parishioners?)\b).*$")
_MARKS = {"p": "present", "present": "present", "y": "present", "yes": "present", "✓": "present", "✔": "present",
          "x": "present", "l": "present", "late": "present", "v": "present",
          "a": "absent", "absent": "absent", "n": "absent", "no": "absent",
          "ap": "apologies", "apol": "apologies", "apologies": "apologies", "s": "apologies", "sanctioned": "apologies",
          "aa": "apologies", "r": "apologies", "regrets": "apologies", "apologies received": "apologies",
          "ua": "absent", "au": "absent", "u": "absent", "unsanctioned": "absent"}


@dataclass
class _Person:
    name: str
    status: str
    initials: str | None = None
    role: str | None = None
    handle: str | None = None
    provenance: Provenance = field(default_factory=Provenance)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _tidy_name(raw: str) -> str:
    name = _squash(raw).strip(" ,;:-–—*_")
    while True:
        m = _TITLE_RE.match(name)
        if not m or m.end() >= len(name):
            break
        name = name[m.end():]
    name = name.strip(" ,;:-–—*_")
    if name.isupper() and len(name) > 4:
        name = " ".join(w if len(w) <= 2 and w.endswith(".") else w.capitalize() for w in name.split())
        name = re.sub(r"\b(Mc|Mac)([a-z])", lambda m: m.group(1) + m.group(2).upper(), name)
        name = re.sub(r"(?<=-)([a-z])", lambda m: m.group(1).upper(), name)
    return name


def name_like(text: str, allow_single: bool = True, titled: bool = False) -> bool:
    """Does `text` (titles already removed) look like a person's name?"""
    toks = text.split()
    if not toks or len(toks) > 5:
        return False
    if any(fold(t).strip(".,") in NOT_NAME for t in toks if len(t.strip(".")) > 1):
        return False
    if not all(_NAME_TOKEN.match(t) or t.lower() in _PARTICLES for t in toks):
        return False
    if toks[0].lower() in _PARTICLES:
        return False
    if not any(len(t.strip(".")) >= 2 for t in toks):
        return False
    if len(toks) == 1:
        t = toks[0]
        if not allow_single and not titled:
            return False
        if t.isupper() and len(t) <= 4:  # "KH", "TSC": initials or an acronym, not a name
            return False
    if len(toks) >= 2 and all(t.isupper() and len(t) > 1 for t in toks) and len(toks[-1]) <= 3:
        return False
    return True


def _paren_split(text: str, seps: str) -> list[tuple[int, int]]:
    """[start, end) spans of `text` split at characters in `seps` (and ". ") outside parentheses."""
    spans, depth, start, i = [], 0, 0, 0
    while i < len(text):
        c = text[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and (c in seps or (c == "." and i + 1 < len(text) and text[i + 1] == " "
                                           and _sentence_stop(text, i))):
            spans.append((start, i))
            start = i + 1
        i += 1
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _sentence_stop(text: str, i: int) -> bool:
    """Is the full stop at `i` the end of a sentence (not an initial or a title)?"""
    m = re.search(r"(\S+)$", text[:i])
    word = m.group(1) if m else ""
    if len(word.strip("(")) <= 1 or fold(word).strip("(") in TITLES or fold(word) in {"cllrs", "cll", "st", "inc"}:
        return False
    return True


# -- one entry of a list --------------------------------------------------------------------------
_ROLE_FIRST = re.compile(r"(?i)^((?:vice[\s-]?)?chair(?:man|woman|person)?|(?:(?:locum|parish|deputy|acting|"
                         r"assistant)\s+)?clerk|secretary|treasurer|minute[\s-]?taker|"
                         r"scribe|note[\s-]?taker|facilitator)\s*[:–—]\s*(?=[A-Z])")


# a note after a dash: "Luke Hinds (Red Hat, TAC) - need to leave 30 mins early."
_NOTE_TAIL = re.compile(r"(?<=[\w)])\s+[-–—]+\s*\**\s*[a-z][^()]*$")
# a role joined to the surname: "Mrs R Crisp-Chair"
_ROLE_SUFFIX = re.compile(r"(?<=[a-z])-(?=(?:Vice-)?Chair(?:man|woman|person)?$|Clerk$|Treasurer$|Secretary$)")


def _parse_item(item: str, status: str, allow_single: bool = True) -> _Person | str | None:
    """A person from "Cllr A Smith (Chair)", "Tony Oram (TO) (Chair) DAAT Manager", "James Snell @jasnell (TSC)".

    Returns a `_Person`, a string when the item is only a role ("Clerk", "Chair (AHol)") to give to the
    person before it, or None.
    """
    text = _squash(item).strip(" ,;:*•·")
    text = re.sub(r"^[-–—]\s+", "", text)
    text = re.sub(r"(?<=[a-z])- (?=[A-Z][a-z])", "-", text)  # "Longley-\nCook": a double name wrapped at its hyphen
    text = re.sub(r"^\[([^\[\]]+)\]", r"\1", text)  # "[Varun Sir], Project Lead": a template's blank filled in
    text = re.sub(r"^([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:Sir|Madam|Ma'am|Ji)\b", r"\1", text)  # "Varun Sir"
    text = _NOTE_TAIL.sub("", text)
    text = _ROLE_SUFFIX.sub(" – ", text)
    if not text:
        return None
    initials = handle = None
    roles: list[str] = []
    labelled = _ROLE_FIRST.match(text)
    if labelled:  # "Clerk: Linda Lee" inside a Present line
        roles.append(labelled.group(1))
        text = text[labelled.end():]
    else:
        post, after = split_post(text)
        if post and after and _NAME_TOKEN.match(after.split()[0]) and fold(after.split()[0]) not in NOT_NAME:
            roles.append(post[:-1] if post.endswith("s") else post)  # "Commissioner Meredith Ing", "Clerk J Smith"
            text = after
    before = text.split("(")[0]
    lead = _tidy_name(_HANDLE.sub(" ", before))
    lead_ok = "(" in text and name_like(lead, allow_single, bool(_TITLE_RE.match(before.strip())))
    # parentheses: initials, roles; notes about arrival or departure are dropped
    inners = []
    for m in re.finditer(r"\(([^()]*)\)", text):
        first, _, more = m.group(1).partition(",")  # "(PP, Chair)"
        if more and _INITIALS.match(first.strip().replace(" ", "")):
            inners += [first, more]
        else:
            inners.append(m.group(1))
    for inner in inners:
        inner = inner.strip()
        if initials is None and not roles and _short_name(inner, lead):
            initials = inner  # "Maxime (Max)": the short form the minutes use for her
        elif _TITLED_ALIAS.match(inner):
            pass  # "Sangwhan (Mr. Moon)": the same person by title and surname, not a role
        elif _INITIALS.match(inner.replace(" ", "")) and initials is None and not roles:
            initials = inner.replace(" ", "").replace(".", "")
        elif re.match(r"(?i)^(from|until|left|arrived|joined|departed|for\s+item|items?\b|minute|part|\d)", inner):
            pass
        elif inner.startswith("@"):
            handle = inner
        elif inner:
            roles.append(inner)
    text = _squash(re.sub(r"\([^()]*\)", " ", text))
    text = re.sub(r"\(.*$", "", text).strip()  # an unclosed parenthesis
    hm = _HANDLE.search(text)
    if hm:
        handle = handle or hm.group(0)
        text = _squash(text[:hm.start()] + " " + text[hm.end():])
    text = _TRAILING_JUNK.sub("", text)
    titled = bool(_TITLE_RE.match(text))
    # the name: leading name tokens; the rest (after a dash, comma or directly) is a role
    body = _tidy_name(text)
    m = re.match(r"^(.*?)\s+[-–—|]\s+(.*)$", body) or re.match(r"^(.*?),\s+(.*)$", body)
    if lead_ok and body.startswith(lead):
        name, rest = lead, body[len(lead):]
    elif m and name_like(_tidy_name(m.group(1)), allow_single, titled):
        name, rest = _tidy_name(m.group(1)), m.group(2)
    else:
        toks = body.split()
        k = 0
        while k < len(toks) and k < 5 and (_NAME_TOKEN.match(toks[k]) or toks[k].lower() in _PARTICLES) \
                and (len(toks[k].strip(".")) <= 1 or fold(toks[k]).strip(".,") not in NOT_NAME):
            k += 1
        # "Tony Oram DAAT Strategy Manager": an all-capitals acronym or a role word starts the role
        while k > 1 and (toks[k - 1].isupper() and len(toks[k - 1]) > 1 and not toks[k - 1].endswith(".")):
            k -= 1
        if 3 <= k < len(toks) and fold(toks[k]).strip(",.") in _ORG_WORDS | _ROLE_HEADS and len(toks[k - 1]) > 1:
            k -= 1  # "Martin Storey Norfolk County Council", "Chris Philpott Tree Warden"
        name, rest = " ".join(toks[:k]), " ".join(toks[k:])
        if k == 1 and not titled and rest and fold(rest.split()[0]).strip(",.") in _ROLE_HEADS:
            name, rest = "", body  # "Security Officer", "Compliance Officer": a post, not a name and a role
        first = rest.split()[0] if rest else ""
        if initials is None and re.fullmatch(r"[A-Z]{2,4}", first) and _initials_fit(first, name):
            initials, rest = first, rest[len(first):]  # "Dave Deighton DD Vice Chair"
    name = name.strip(" ,.;:") if not re.search(r"\b[A-Z]\.$", name) else name.strip(" ,;:")
    rest = rest.strip(" ,;:-–—")
    if rest and re.match(r"^(?:and|&)\b", rest, re.IGNORECASE):
        rest = ""  # "Lex Gainsbury and sanctioned"
    elif rest and re.match(r"^[a-z]", rest) and not re.match(r"^(?:observer|guest|member|clerk|chair)", rest):
        return None  # prose: "Generated by MeetBot", "Smith presented the report"
    if rest:
        roles.insert(0, rest) if not roles else roles.append(rest)
    if initials and name and not _initials_fit(initials, name):
        roles.insert(0, initials)  # "(TSC)" after "James Snell": an acronym, not his initials
        initials = None
    role = "; ".join(r for r in roles if r) or None
    if name and name_like(name, allow_single, titled):
        return _Person(name=name, status=status, initials=initials, role=role, handle=handle)
    # nothing like a name: a bare role continues the previous entry ("…, Clerk", "Alan Holzer, Chair (AHol)")
    plain = _squash(re.sub(r"\([^()]*\)", " ", item)).strip(" ,.;:")
    if plain and len(plain.split()) <= 10 and plain[:1].isupper():
        return plain + (f" ({initials})" if initials else "")
    return None


# a parenthesis naming the person by title and surname: "(Mr. Moon)", "(Dr Smith)"
_TITLED_ALIAS = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+[A-Z][\w'’-]+$")


def _short_name(inner: str, lead: str) -> bool:
    """Is `inner` a short form of the first name before it: "Maxime (Max)", "Nicholas (Nick)"?"""
    first = lead.split()[0] if lead.split() else ""
    return bool(re.fullmatch(r"[A-Z][a-z]{1,4}", inner)) and len(first) > len(inner) \
        and first.startswith(inner) and fold(inner) not in NOT_NAME


def _initials_fit(initials: str, name: str) -> bool:
    """"TO" fits Tony Oram, "AHol" Alan Holzer, "NLE" Natalie Lloyd-Evans; "TSC" fits James Snell not."""
    ws = [w for w in re.split(r"[\s.]+", name) if w]
    if not ws:
        return False
    caps = [c for c in initials if c.isupper()]
    if not caps or caps[0].lower() != fold(ws[0])[0]:
        return False
    return len(ws) == 1 or fold(ws[-1])[0] in initials.lower()[1:]


def _split_and(item: str, allow_single: bool) -> list[str]:
    """"G. Gott and C. Humphries" → two entries; "Borough Council of Kings Lynn and West Norfolk" → one."""
    item = re.sub(r"^\s*(?:and|&)\s+(?=[A-Z])", "", item)  # "…, Mike Hicks, and Clint Keith"
    masked = re.sub(r"\([^()]*\)", lambda m: "x" * len(m.group(0)), item)
    cuts = [m.span() for m in re.finditer(r"\s+(?:and|&)\s+", masked)]
    if not cuts:
        return [item]
    parts, start = [], 0
    for a, b in cuts:
        parts.append(item[start:a])
        start = b
    parts.append(item[start:])
    for p in parts:
        bare = _squash(_HANDLE.sub(" ", re.sub(r"\([^()]*\)", " ", p)))
        bare = split_post(bare)[1] or bare  # "Chair Lord-Hausman and Commissioners Berger"
        if not name_like(_tidy_name(bare), allow_single, bool(_TITLE_RE.match(bare))):
            return [item]
    return parts


def _items(segment: str) -> list[tuple[int, str]]:
    """Entries of a list (offset, text): split at commas, semicolons, sentence ends and new lines."""
    out = []
    # join a line break inside an entry: "Alison Hopkins\n(AHop)"
    seg = _join_wrapped(re.sub(r"\n\s*(?=[(a-z])", " ", segment))
    for s, e in _paren_split(seg, ",;\n"):
        piece = seg[s:e]
        sub = [piece]
        if len(_SPLIT_TITLE.findall(piece)) >= 1:
            sub = _split_titles(piece)
        sub = [q for p in sub for q in _split_after_paren(p)]
        sub = [q for p in sub for q in _split_run_on(p)]
        off = s
        for p in sub:
            k = seg.find(p, off)
            out.append((k if k >= 0 else s, p))
    return out


# a closing parenthesis, then a capitalised word: a new entry ("Dr Umi Hashim (UH) Alan Holzer, Minutes Secretary (AH)")
_AFTER_PAREN = re.compile(r"(?<=\))[:;]?\s+(?=[A-Z])")


def _split_after_paren(piece: str) -> list[str]:
    """Entries after a parenthesis: "Claire Cann (CC) Paula Kellingray (PK)"; not "Anne-Louise Schofield (ALS)
    Adult Joint Commissioning Manager (N-DAP)", whose words after the parenthesis are a job title."""
    out: list[str] = []
    parts = _AFTER_PAREN.split(piece)
    for i, part in enumerate(parts):
        words = [fold(w).strip(",.:") for w in part.split("(")[0].split()]
        if i and out and any(w in _ROLE_HEADS for w in words) and not _ROLE_FIRST.match(part.strip()):
            out[-1] = out[-1] + " " + part
        elif i and out and re.fullmatch(r"\s*[A-Z]{2,4}\s*", part):
            out[-1] = out[-1] + " " + part  # "Helen Laing (SBC) HL": her initials after the parenthesis
        elif part.strip():
            out.append(part)
    return out


def _join_wrapped(seg: str) -> str:
    """A comma list wrapped mid-entry: "…, Alan Holzer (AHol), Evelyn\nLindqvist (EL), …" and "…, Library\nManager."

    A line break after a lone word following a comma is a wrap, not the end of the entry (same length kept).
    """
    if len(re.findall(r"[,;]", seg)) < 2:
        return seg
    out = list(seg)
    for m in re.finditer(r"\n", seg):
        before = re.split(r"[,;(]", seg[:m.start()])[-1]
        if len(before.split()) == 1 and re.search(r"[,;]", seg[:m.start()]) and re.match(r"\s*[A-Z]", seg[m.end():]):
            out[m.start()] = " "
    return "".join(out)


def _split_titles(piece: str) -> list[str]:
    """"Cllr Sue Lintern (Chair) Cllr Kit Hesketh-Harvey (Vice-Chair) Cllr Janet Taylor Helen Richardson (Clerk)"."""
    parts = [p for p in _SPLIT_TITLE.split(piece) if p.strip()]
    out = []
    for p in parts:
        # a closing parenthesis followed by a capitalised name also starts a new entry
        sub = re.split(r"(?<=\))\s+(?=[A-Z][a-z])", p)
        for q in sub:
            bare = _squash(re.sub(r"\([^()]*\)", " ", q))
            toks = _tidy_name(bare).split()
            if len(toks) == 4 and all(_NAME_TOKEN.match(t) and len(t) > 1 for t in toks) and _TITLE_RE.match(bare):
                # "Cllr Janet Taylor Helen Richardson (…)": two people run together
                cut = q.find(toks[2], q.find(toks[1]) + len(toks[1]))
                out.extend([q[:cut], q[cut:]])
            else:
                out.append(q)
    return out


def _full_word(tok: str) -> bool:
    """A capitalised word that may be part of a name: "Nicola", "Hesketh-Harvey"; not "NC", "Clerk", "A."."""
    return bool(re.fullmatch(r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)*", tok)) and fold(tok) not in NOT_NAME \
        and fold(tok) not in TITLES


def _split_run_on(piece: str) -> list[str]:
    """People run together on a line without commas: "Cllr Roger Lankfer RL Nicola Cooper NC Parish Clerk",
    "Mr Chris Philpott Footpath Warden Kevin Kent", "Cllr Gail Reeve Helen Richardson Parish Clerk".

    A new person starts at two name words followed by their own initials, at two name words ending the
    line (or followed by their initials) after a job title, and after the first two of four name words behind a title.
    """
    masked = re.sub(r"\([^()]*\)", lambda m: "x" * len(m.group(0)), piece)
    spans = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", masked)]
    toks = [t for _, t in spans]
    starts: set[int] = set()
    for j, tok in enumerate(toks):
        if re.fullmatch(r"[A-Z]{2,4}", tok):
            end = j - 1 if j >= 1 and piece[spans[j - 1][0]] == "(" else j  # "Helen Laing (SBC) HL"
            for k in (3, 2):
                i = end - k
                if i >= 0 and all(_full_word(t) for t in toks[i:end]) and "".join(t[0] for t in toks[i:end]) == tok:
                    starts.add(i)
                    break
        if fold(tok) in _ROLE_HEADS and j >= 2 and len(toks) >= j + 3 \
                and _full_word(toks[j + 1]) and _full_word(toks[j + 2]) \
                and (len(toks) == j + 3 or toks[j + 3] == toks[j + 1][0] + toks[j + 2][0]):
            starts.add(j + 1)
    if toks and _TITLE_RE.match(toks[0] + " "):
        run = 1
        while run < len(toks) and _full_word(toks[run]):
            run += 1
        if run == 5:
            starts.add(3)
    cuts = []
    for i in sorted(starts):
        if i > 0 and fold(toks[i - 1]).strip(".") in TITLES:
            i -= 1  # the title goes with the name after it
        if i > 0 and any(fold(t).strip(".") not in TITLES for t in toks[:i]):
            cuts.append(spans[i][0])
    if not cuts:
        return [piece]
    bounds = [0] + cuts + [len(piece)]
    return [piece[a:b] for a, b in zip(bounds, bounds[1:]) if piece[a:b].strip()]


def _parse_list(segment: str, status: str, block: Block, base: int, allow_single: bool = True,
                stop_on_prose: bool = True) -> list[_Person]:
    people: list[_Person] = []
    raw = _items(segment)
    entries: list[tuple[int, str]] = []
    for off, it in raw:
        it2 = _TRAILING_JUNK.sub("", it) if not re.search(r"\([^)]*$", it) else it
        for p in _split_and(it2, allow_single):
            entries.append((off + max(0, it.find(p)), p))
    nicks = len(entries) >= 2 and all(re.fullmatch(r"\s*[A-Za-z][\w-]{1,24}(?: [a-z][\w-]{1,24})?\s*", it)
                                      for _, it in entries) \
        and any(re.search(r"[a-z]", it.strip()[:1]) for _, it in entries)
    if nicks:  # IRC nicks: "Present: dka, plinss, slightlyoff, Travis"
        for off, it in entries:
            nick = it.strip()
            if fold(nick) not in NOT_NAME and not _BOTS.match(nick):
                people.append(_Person(name=nick, status=status, provenance=block.provenance(base + off)))
        return people
    affiliation_line = -1  # a line whose entries after a non-name are the person's affiliation
    singles = sum(bool(re.fullmatch(r"\s*[A-Z][a-z]+\s*", it)) for _, it in entries)
    first_names = len(entries) >= 5 and singles >= len(entries) // 2  # "Gibson, Nicholas, Luther, LJ, …"
    for off, it in entries:
        words = re.sub(r"\([^()]*\)", " ", it).split()
        lower = [w for w in words if re.match(r"^[a-z]{3,}", w) and w not in {"and", "the", "for", "with"}]
        if stop_on_prose and len(lower) >= 3 and len(words) > 5:
            break  # narrative text after the list
        line_no = segment.count("\n", 0, off)
        got = _parse_item(it, status, allow_single)
        if first_names and re.fullmatch(r"\s*[A-Z]{2,3}\s*", it):
            got = _Person(name=it.strip(), status=status)  # "LJ" among first names: a person known by initials
        if isinstance(got, _Person) and people and line_no == affiliation_line and "(" not in it \
                and not first_names:
            got = _squash(it)  # "Steve Fisher (SF), STFC, Scientific Computing": one person and where they work
        if isinstance(got, _Person):
            got.provenance = block.provenance(base + off)
            if status == "apologies" and got.role and not _ROLE_HINT.search(got.role):
                got.role = None  # a reason for absence ("work", "holiday"), not a role
            people.append(got)
        elif isinstance(got, str) and people:
            ini = re.search(r"\(([^()]+)\)$", got)
            if ini and _INITIALS.match(ini.group(1)) and not people[-1].initials:
                people[-1].initials = ini.group(1)
                got = got[:ini.start()].strip()
            if got:
                people[-1].role = f"{people[-1].role}; {got}" if people[-1].role else got
                if not _ROLE_HINT.search(got):
                    affiliation_line = line_no
    if not people and len(entries) >= 2 and "\n" not in segment.strip() and all(_job_title(it) for _, it in entries):
        # "Attendees: CIO, IT Manager, Security Officer, Compliance Officer": posts, each one person
        for off, it in entries:
            title = _squash(it).strip(" ,;:.")
            people.append(_Person(name=title, status=status, role=title, provenance=block.provenance(base + off)))
    return people


# a post held by one person: "IT Manager", "Security Officer", "CIO"
_CHIEF = re.compile(r"^C[A-Z]{1,2}O$")


def _job_title(item: str) -> bool:
    """Is the list entry only a job title, written with capitals ("Compliance Officer", "CFO")?"""
    words = _squash(item).strip(" ,;:.").split()
    if not words or len(words) > 4 or not all(re.fullmatch(r"[A-Z][\w&-]*", w) for w in words):
        return False
    return bool(_CHIEF.match(words[-1])) or fold(words[-1]) in _ROLE_HEADS


# -- labels in running text ------------------------------------------------------------------------
def _label_status(label: str) -> tuple[str, str | None]:
    low = _squash(label.lower())
    for pat, role, status in _ROLE_LABELS:
        if re.fullmatch(pat, low):
            return status, role
    for pat, status in _STATUS_LABELS:
        if re.fullmatch(pat, low):
            return status, None
    return "present", None


def _inline_lists(text: str, block: Block) -> list[_Person]:
    """People after labels at line starts: "Present: …", "Apologies; …", "Scribe: …"."""
    out: list[_Person] = []
    matches = list(_INLINE.finditer(text))
    for i, m in enumerate(matches):
        label = m.group("label")
        status, role = _label_status(label)
        if m.group("punct") != ":" and _COLON_ONLY.match(label):
            continue
        if m.group("punct").isspace():
            nxt = text[m.end():m.end() + 30]
            # without ":" the label must be followed by a title or a capitalised name, and not by a verb
            if not re.match(r"(?:Cllr|Councillor|Mr|Mrs|Ms|Dr|Miss|[A-Z][a-z]+\s+[A-Z]|[A-Z]\.?\s+[A-Z]|Public)", nxt):
                continue
            if role and not re.search(r"(?i)by$", label):
                continue
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        segment = text[m.end():end]
        # a single-line label list ends at the line's end unless the list runs on ("…, Alison Hopkins\n(AHop), …")
        lines = segment.split("\n")
        keep = [lines[0]]
        for ln in lines[1:]:
            if _ITEM_NUMBER.match(ln):
                break  # "1:   Project Plan, Milestones, …": the first agenda item, not more names
            if re.match(r"^\s*[(a-z]", ln) or keep[-1].rstrip().endswith((",", ";", "and", "&")) or \
                    (_NAME_INITIALS_RUN.match(keep[-1]) and _NAME_INITIALS_RUN.match(ln)) or \
                    (re.search(r",\s*\S", ln) and "," in keep[-1] and not _INLINE.match(ln)) or \
                    (re.search(r",\s*[A-Z][\w'’-]*$", keep[-1].rstrip()) and re.match(r"\s*[A-Z][\w'’-]*(?:\s*\(|\.?\s*$)", ln)):
                # "…, Nikki\nSturmey (NS)(Clerk)", "…, Library\nManager.": an entry wrapped onto the next line
                keep.append(ln)
            else:
                break
        segment = "\n".join(keep)
        if role and re.search(r"(?i)by$", label):
            segment = re.split(r"(?i)\b(?:clerked|chaired|minuted)\s+by\b|\|", segment)[0]
        segment = _join_wrapped(segment)
        also = _ALSO_INSIDE.search(segment) if status == "present" else None
        people = _parse_list(segment[:also.start()] if also else segment, status, block, m.end(), allow_single=True)
        if role:
            for p in people:
                p.role = p.role or role
        out.extend(people)
        if also:  # "… Natalie Meg-Evans (N M-E). Also, present, Ali Hopkins, Library Manager."
            out.extend(_parse_list(segment[also.end():], "in_attendance", block, m.end() + also.end()))
    return out


# a line of people each followed by their initials: "Kenny Combe KC Graham Dolan GD", "Helen Laing (SBC) HL"
_NAME_INITIALS_RUN = re.compile(r"^\s*(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}(?:\s*\([^()\n]*\))?\s+[A-Z]{2,4}\s*)+$")
# a numbered agenda item starting a line: "1:", "2.", "3)" (not "10.30am")
_ITEM_NUMBER = re.compile(r"^\s*\**[0-9]{1,2}[:.)](?!\d)\s*\S")
# a paragraph that starts an attendance list: "Present: …", "Apologies: …"
_LIST_START = re.compile(r"(?i)^\s*\**(?P<label>present|attendees|in\s+attendance|also\s+present|apolog(?:ies|y))\**\s*:")
# "Also present" inside a Present line's list
_ALSO_INSIDE = re.compile(r"(?i)(?<=[.,;)]\s)\s*also\s*,?\s+(?:present|in\s+attendance|attending)\s*[,:;]?\s*")


def _chaired_by(text: str, block: Block) -> list[_Person]:
    """"Chaired by Paul Evemy Clerked by Pete Osborne" (also across table cells)."""
    out = []
    for m in _CHAIRED.finditer(text):
        rest = text[m.end():]
        nm = re.match(r"((?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr|Miss)\.?[ \t]+)?[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’-]+){0,3})",
                      rest)
        if not nm:
            continue
        words = nm.group(1).split()
        while len(words) > 1 and (fold(words[-1]) in {"clerked", "chaired", "minuted", "minutes"}
                                  or fold(words[-1]) in NOT_NAME):
            words.pop()
        name = _tidy_name(" ".join(words))
        if not name_like(name, allow_single=False):
            continue
        kind = m.group(1).lower()
        if kind.startswith("chair"):
            out.append(_Person(name=name, status="present", role="Chair", provenance=block.provenance(m.start())))
        elif kind.startswith("clerk"):
            out.append(_Person(name=name, status="in_attendance", role="Clerk", provenance=block.provenance(m.start())))
        else:
            out.append(_Person(name=name, status="in_attendance", role="Minute taker",
                               provenance=block.provenance(m.start())))
    return out


def _apology_sentences(text: str, block: Block) -> list[_Person]:
    """"Apologies were noted and accepted for Cllr Mandy Leamon (work commitment)." and the like."""
    out: list[_Person] = []
    for m in _APOLOGY_SENTENCE.finditer(text):
        rest = text[m.end():]
        end = len(rest)
        for k in range(len(rest)):
            if rest[k] == "." and (k + 1 == len(rest) or rest[k + 1] in " \n") and _sentence_stop(rest, k):
                end = k
                break
            if rest[k] == "\n" and k + 1 < len(rest) and rest[k + 1] == "\n":
                end = k
                break
        segment = rest[:end]
        if len(segment) > 300:
            continue
        people = _parse_list(segment, "apologies", block, m.end(), allow_single=False)
        for p in people:
            if p.role and not _ROLE_HINT.search(p.role):
                p.role = None  # a reason for absence ("work commitment"), not a role
        out.extend(p for p in people if len(p.name.split()) >= 2 or re.search(r"(?i)\b(cllr|mr|mrs|ms|dr)\b", segment))
    for m in _ATTENDED_BY.finditer(text):
        rest = text[m.end():]
        end = next((k for k in range(len(rest)) if rest[k] == "." and (k + 1 == len(rest) or rest[k + 1] in " \n")
                    and _sentence_stop(rest, k)), len(rest))
        out.extend(_parse_list(rest[:end], "present", block, m.end(), allow_single=False))
    for m in _NAME_ATTENDED.finditer(text):
        name = _tidy_name(m.group("name"))
        if name_like(name, allow_single=False, titled=bool(_TITLE_RE.match(m.group("name")))):
            out.append(_Person(name=name, status="in_attendance", provenance=block.provenance(m.start())))
    for m in _SENT_APOLOGIES.finditer(text):
        name = _tidy_name(m.group("name"))
        titled = bool(_TITLE_RE.match(m.group("name")))
        if name_like(name, allow_single=False, titled=titled) and (len(name.split()) >= 2 or titled):
            out.append(_Person(name=name, status="apologies", provenance=block.provenance(m.start())))
    return out


# -- a label line over its list, inside one block ---------------------------------------------------
def _entry_person(line: str, status: str, block: Block, off: int, allow_single: bool = True) -> list[_Person]:
    """The people of one line of a list: "-Chet", "Commissioner Meredith Ing", "jkit - present",
    "Councillors A Bell (Chair), C Dunn & E Ford", "Lawrence d’Oliveiro"; none for "Members of the public: 2"."""
    text = re.sub(r"^\s*(?:" + BULLET + r")", "", line).strip()
    if not text or re.search(r"\d", re.sub(r"\([^()]*\)", "", text)):
        return []  # "Members of the public: 2", "# members present: 9/12"
    group = re.match(r"^(?P<label>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s*:\s+(?P<list>[^:]+,[^:]+)$", text)
    if group:  # "Acme Foundation: Ann Lee, Bob Roe": the people of one organisation, its name their role
        entries = [e for e in re.split(r",\s*|\s+(?:and|&)\s+", group.group("list")) if e.strip()]
        if len(entries) >= 2 and all(name_like(_tidy_name(e), allow_single=False) for e in entries):
            got = [p for p in _parse_list(group.group("list"), status, block, off + group.start("list"),
                                          allow_single=False) if isinstance(p, _Person)]
            for p in got:
                p.role = p.role or group.group("label")
            if len(got) == len(entries):
                return got
    text, written = status_suffix(text)
    status = written if written and written != "present" else status
    post, bare = split_post(text)
    if re.search(r"[,;]|\s(?:and|&)\s", re.sub(r"\([^()]*\)", "", bare)):
        got = _parse_list(bare, status, block, off, allow_single=allow_single)
        got = [p for p in got if isinstance(p, _Person)]
    else:
        one = _parse_item(bare, status, allow_single=allow_single)
        if not isinstance(one, _Person):
            one = _ner_person(bare, status)
        got = [one] if one else []
    for p in got:
        p.provenance = block.provenance(off)
        if post:
            role = post if not post.lower().endswith("s") or post.lower().endswith("ss") else post[:-1]
            p.role = f"{role}; {p.role}" if p.role else role
    return got


def _ner_person(text: str, status: str) -> _Person | None:
    """A short line the token rules reject ("Lawrence d’Oliveiro") that the trained pipeline reads as one
    PERSON entity covering it."""
    bare = _squash(re.sub(r"\([^()]*\)", " ", text)).strip(" ,;:.")
    if not bare or len(bare.split()) > 4 or len(bare.split()) < 2 or not bare[:1].isupper() or \
            any(fold(w) in NOT_NAME for w in bare.split()):
        return None
    try:
        from extractor.nlp.engine import get_parser
        doc = get_parser()(bare)
    except Exception:  # noqa: BLE001 - no trained pipeline installed: the token rules stand alone
        return None
    ents = [e for e in doc.ents if e.label_ == "PERSON"]
    if len(ents) == 1 and len(ents[0].text) >= 0.8 * len(bare):
        return _Person(name=ents[0].text, status=status)
    return None


def _one_per_line(lines: list[tuple[int, str]], status: str, block: Block) -> list[_Person]:
    """A list of one person to a line; an odd line does not end it, a run of prose does."""
    body = [(o, ln) for o, ln in lines if ln.strip()]
    bare = [re.sub(r"^\s*(?:" + BULLET + r")", "", ln).strip() for _, ln in body]
    if len(bare) >= 2 and all(re.fullmatch(r"[A-Za-z][\w.-]{1,24}", b) for b in bare) \
            and any(b[:1].islower() for b in bare):
        # handles, one to a line: "geo", "cpfeyh"
        return [_Person(name=b, status=status, provenance=block.provenance(o))
                for (o, _), b in zip(body, bare) if fold(b) not in NOT_NAME and not _BOTS.match(b)]
    if len(bare) >= 2 and sum(bool(_STATUS_LINE.match(b)) for b in bare) >= max(2, len(bare) * 2 // 3):
        out = []
        for (o, _), b in zip(body, bare):
            m = _STATUS_LINE.match(b)
            if m:
                name, st = status_suffix(b)
                out.append(_Person(name=name.strip(" -–—:"), status=st or status, provenance=block.provenance(o)))
        return out
    out: list[_Person] = []
    misses = 0
    for o, ln in body:
        got = _entry_person(ln, status, block, o)
        if got:
            out.extend(got)
            misses = 0
            continue
        words = re.findall(r"\b[a-z]{3,}\b", ln)
        misses += 1
        if len(words) >= 3 or misses >= 2:
            break  # prose: the list is over
    return out


# "eleen - present", "phlee - 1st absence": a handle or a name, a dash, its status
_STATUS_LINE = re.compile(r"^[A-Za-z][\w.'’ -]{0,40}?\s+[-–—:]\s*(?:present|absent|apolog\w*|excused|late|"
                          r"\d+(?:st|nd|rd|th)\s+absence)\s*$", re.IGNORECASE)


def _labelled_block(block: Block) -> tuple[list[_Person], str | None]:
    """People under label lines inside one block: "Directors Present:\\nA\\nB", "Attendance\\n-Chet\\n-Jack",
    "o Commissioners Present: A, B\\no Others Present: C (Org)", "Present: Also in attendance:\\nMr A Mr B",
    and a block of "name - status" lines under any first line ("Board for Tonight:\\neleen - present").

    Returns the people and, when the block ends with a label over one-per-line entries, that label's status
    (the list may go on in the next blocks).
    """
    text = block.text or ""
    lines, off = [], 0
    for ln in text.split("\n"):
        lines.append((off, ln))
        off += len(ln) + 1
    marks = [(i, lab) for i, (_, ln) in enumerate(lines) if (lab := label_line(ln))]
    if not marks:
        body = lines[1:] if len(lines) >= 4 and not _STATUS_LINE.match(lines[0][1].strip()) else lines
        if len(body) >= 3 and all(_STATUS_LINE.match(ln.strip()) for _, ln in body if ln.strip()):
            return _one_per_line(body, "present", block), None
        return [], None
    out: list[_Person] = []
    open_status = None
    for k, (i, lab) in enumerate(marks):
        end = marks[k + 1][0] if k + 1 < len(marks) else len(lines)
        following = lines[i + 1:end]
        for j, (_, ln) in enumerate(following):
            if _ITEM_NUMBER.match(ln) or len(re.findall(r"\b[a-z]{3,}\b", re.sub(r"\([^()]*\)", "", ln))) >= 3:
                following = following[:j]  # "1: Project Plan, …", a sentence: the list is over
                break
        role = lab.qualifier or (lab.group if lab.group and lab.group.lower() not in {"others", "other"} else None)
        second = label_line(lab.rest) if lab.rest else None
        if second and not second.rest:
            got = _two_columns(following, lab.status, second.status, block)
        elif lab.rest:
            seg_off = lines[i][0] + lab.start
            segment = "\n".join([lab.rest] + [ln for _, ln in following])
            if len(following) and all(len(re.findall(r"[,;]", ln)) == 0 for _, ln in following) \
                    and not lab.rest.rstrip().endswith((",", ";")) and "," not in lab.rest:
                got = _one_per_line([(seg_off, lab.rest)] + following, lab.status, block)
            else:
                segment = re.sub(r"\n\s*(?:" + BULLET + r")?", " ", segment) if "," in lab.rest else segment
                got = _parse_list(segment, lab.status, block, seg_off, allow_single=True)
        else:
            got = _one_per_line(following, lab.status, block)
            open_status = lab.status if k == len(marks) - 1 else None
        for p in got:
            if role and not p.role:
                p.role = role
        out.extend(got)
    return out, open_status


def _two_columns(lines: list[tuple[int, str]], left: str, right: str, block: Block) -> list[_Person]:
    """Two lists side by side under "Present: Also in attendance:", read line by line: each line holds the
    left column's person, then the right column's, split where a title starts a name."""
    out: list[_Person] = []
    for o, ln in lines:
        parts = [p for p in _SPLIT_TITLE.split(ln.strip()) if p.strip()]
        if not parts:
            continue
        statuses = [left] + [right] * (len(parts) - 1) if len(parts) > 1 else [left]
        for part, st in zip(parts, statuses):
            got = _parse_item(part, st, allow_single=False)
            if isinstance(got, _Person):
                got.provenance = block.provenance(o + max(0, ln.find(part)))
                out.append(got)
    return out


# "Daniel, Braden and Sri were in attendance", "A Smith and B Jones were present"
_WERE_PRESENT = re.compile(r"(?P<list>[A-Z][^.:;!?\n]{0,300}?)\s*\b(?:were|was)\s*(?:in\s*attendance|present)\b"
                           r"|(?P<glued>[A-Z][\w,’'-]{0,300}?)(?:were|was)in(?:attendance)")
# the label first, in a sentence: "Present were A, B and C.", "Also present were D and E."
_PRESENT_WERE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<also>Also\s+)?(?(also)present|Present)\s+(?:were|was)\s*:?\s+"
                           r"(?=[A-Z])")
# "A (Secretary) and B present as staff to the Commission": officers and guests named in a sentence
_PRESENT_AS = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<list>[A-Z][^.:;!?]{0,160}?)\s+(?:(?:were|was)\s+)?"
                         r"(?:also\s+)?present\s+as\s+(?:the\s+)?(?:staff|guests?|observers?|officers?|visitors?|advisers?|"
                         r"advisors?|consultants?)\b")
# "Byard Peake was not present.", "Ann Lee and Bob Roe were absent."
_NOT_PRESENT = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<list>[A-Z][^.:;!?\n]{0,120}?)\s+(?:were|was)\s+"
                          r"(?:not\s+present|absent)\b")
# "Meeting opened at 8:10pm. Apologies Mark Smith, Michael Cree": a label after a sentence's end
_MID_LABEL = re.compile(r"(?<=[.!?])\s+(?P<label>Apologies|Present|Absent|Regrets|In\s+attendance)\s*:?\s+"
                        r"(?=(?:Cllr|Mr|Mrs|Ms|Dr)?\.?\s*[A-Z][a-z]+)")


# the list after the verb, behind a colon: "The following members of the Board were present at the
# meeting: A, B, and C."; and those who came besides: "D and E also attended the meeting."
_PRESENT_COLON = re.compile(r"(?i)\b(?:were|was)\s+(?P<also>also\s+)?(?:present|in\s+attendance)"
                            r"(?:\s+(?:at|for)\s+the\s+meeting)?\s*:\s+(?=[A-Z])")
_ALSO_ATTENDED = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=\n))(?P<list>[A-Z](?:[^.:;!?\n]|(?<=\b[A-Z])\.){0,120}?)\s+also\s+"
                            r"(?:attended|joined)(?:\s+the\s+(?:meeting|call))?\s*[.;]")


def _attendance_sentences(text: str, block: Block) -> list[_Person]:
    out: list[_Person] = []
    for m in _WERE_PRESENT.finditer(text):
        raw = m.group("list") or m.group("glued")
        raw = re.sub(r"(?<=[a-z])and(?=[A-Z])", ", ", raw) if m.group("glued") else raw
        raw = re.sub(r",(?=\S)", ", ", raw)
        entries = [e for e in re.split(r",\s*|\s+(?:and|&)\s+", raw) if e.strip()]
        if not entries or not all(name_like(_tidy_name(e), allow_single=True) for e in entries):
            continue
        got = _parse_list(", ".join(entries), "present", block, m.start(), allow_single=True)
        if len(got) == len(entries):
            out.extend(got)
    for m in _PRESENT_WERE.finditer(text):  # "Present were President, Tom Jones; Treasurer, Sue McCarthy."
        status = "in_attendance" if m.group("also") else "present"
        rest = text[m.end():]
        end = next((k for k in range(len(rest)) if rest[k] == "." and _sentence_stop(rest, k)), len(rest))
        seg = rest[:end].replace("\n", " ")
        if ";" in seg:  # "post, name; post, name": the name is the part of each entry that reads as one
            off, entries = m.end(), []
            for piece in re.split(r"(?<=;)", seg):
                entry = re.sub(r"^\s*(?:and|&)\s+", "", piece.strip(" ;"))
                parts = [x.strip() for x in entry.split(",") if x.strip()]
                names = [i for i, x in enumerate(parts) if name_like(_tidy_name(x), allow_single=False)
                         and not split_post(x + " X")[0]]
                entries.append((off, parts, names))
                off += len(piece)
            # where an entry has two name-like parts, the name stands where it stands in the clear ones
            clear = [names[0] for _, _, names in entries if len(names) == 1]
            usual = max(set(clear), key=clear.count) if clear else None
            for off, parts, names in entries:
                at = names[0] if len(names) == 1 else usual if usual in names else None
                if at is not None:
                    out.append(_Person(name=_tidy_name(parts[at]), status=status,
                                       role=", ".join(x for i, x in enumerate(parts) if i != at) or None,
                                       provenance=block.provenance(off)))
        else:
            out.extend(_parse_list(seg, status, block, m.end(), allow_single=False))
    for m in _PRESENT_COLON.finditer(text):
        rest = text[m.end():]
        end = next((k for k in range(len(rest)) if rest[k] == "." and _sentence_stop(rest, k)), len(rest))
        seg = rest[:end].replace("\n", " ")
        entries = [e for e in re.split(r",\s*(?:and\s+)?|\s+(?:and|&)\s+", seg) if e.strip()]
        named = [name_like(_tidy_name(e), allow_single=False) for e in entries]
        # one entry the token rules cannot read ("Martin v. L?wis") does not undo a list of clear names
        if len(entries) >= 2 and sum(named) >= max(2, len(entries) - 1) and \
                all(re.fullmatch(r"[A-Z][\w'’?.-]*(?:\s+[\w'’?.-]+){1,3}", e.strip()) for e in entries):
            status = "in_attendance" if m.group("also") else "present"
            out.extend(_Person(name=_tidy_name(e), status=status, provenance=block.provenance(m.end()))
                       for e in entries)
    for m in _ALSO_ATTENDED.finditer(text):
        entries = [e for e in re.split(r",\s*(?:and\s+)?|\s+(?:and|&)\s+", m.group("list")) if e.strip()]
        if entries and all(name_like(_tidy_name(e), allow_single=False) for e in entries):
            out.extend(_Person(name=_tidy_name(e), status="in_attendance", provenance=block.provenance(m.start()))
                       for e in entries)
    out.extend(_present_as(text, block))
    for m in _NOT_PRESENT.finditer(text):  # "Byard Peake was not present."
        entries = [e for e in re.split(r",\s*|\s+(?:and|&)\s+", m.group("list")) if e.strip()]
        if entries and all(name_like(_tidy_name(e), allow_single=False) for e in entries):
            out.extend(_Person(name=_tidy_name(e), status="absent", provenance=block.provenance(m.start()))
                       for e in entries)
    for m in _MID_LABEL.finditer(text):
        status, _ = _label_status(m.group("label"))
        rest = text[m.end():]
        end = next((k for k in range(len(rest)) if rest[k] in "\n" or (rest[k] == "." and _sentence_stop(rest, k))),
                   len(rest))
        got = _parse_list(rest[:end], status, block, m.end(), allow_single=False)
        out.extend(got)
    return out


def _present_as(text: str, block: Block) -> list[_Person]:
    out: list[_Person] = []
    for m in _PRESENT_AS.finditer(text):  # "Lois Butler (PAC Secretary) and Amanda Gehrke present as staff"
        raw = re.sub(r"\s+", " ", m.group("list"))
        entries = [e for e in re.split(r",\s*|\s+(?:and|&)\s+", re.sub(r"\([^()]*\)", "", raw)) if e.strip()]
        if entries and all(name_like(_tidy_name(e), allow_single=False) for e in entries):
            out.extend(_parse_list(raw, "in_attendance", block, m.start("list"), allow_single=False))
    return out


def _status_entries(text: str, block: Block, least: int = 2) -> list[_Person]:
    """"Cate not here, George not coming ever, Innes not here", "George apologies": each entry a name and
    its status; the whole line must be such entries."""
    if "\n" in text.strip() or len(text) > 200:
        return []
    out = []
    for m in re.finditer(r"[^,;]+", text):
        name, status = status_suffix(m.group(0).strip().rstrip("."))
        name = _tidy_name(name)
        if not status or not name_like(name, allow_single=True):
            return []
        out.append(_Person(name=name, status=status, provenance=block.provenance(m.start())))
    return out if len(out) >= least else []


def _handle_column(people: list[_Person]) -> None:
    """"Akopps Akop Pogosian", "Jtsai John Tsai": a list whose every line starts with the person's handle.

    When three or more people of one status have three-word names whose first word fits the rest as a
    handle (its first letters or a piece of a name), the first word is the handle, the rest the name.
    """
    def fits(h: str, first: str, last: str) -> bool:
        h, first, last = fold(h), fold(first), fold(last)
        return h[:1] == first[:1] or (len(last) >= 3 and last[:3] in h) or (len(first) >= 3 and first[:3] in h)

    three = [p for p in people if len(p.name.split()) == 3 and not p.handle and "." not in p.name]
    if len(three) < 3 or sum(fits(*p.name.split()) for p in three) < 0.75 * len(three):
        return
    for p in three:
        h, first, last = p.name.split()
        p.handle, p.name = h, f"{first} {last}"


def _leading_names(document: Document) -> list[_Person]:
    """A document that opens with a bare bullet list of names ("Bob Engle (Biogen)", "CG Wang"), its label
    lost with the page's furniture: the people at the meeting, when four or more items in a row are nothing
    but a name and an affiliation."""
    blocks = document.blocks
    start = next((i for i, b in enumerate(blocks[:4]) if b.kind == "list_item"), None)
    if start is None:
        return []
    run = []
    for b in blocks[start:]:
        if b.kind != "list_item":
            break
        run.append(b)
    if len(run) < 4:
        return []
    out = []
    for b in run:
        t = _squash(b.text)
        m = re.fullmatch(r"([^()]+?)\s*(?:\(([^()]{1,60})\))?", t)
        if not m:
            return []
        name = m.group(1)
        toks = name.split()
        ok = name_like(name, allow_single=False) or (len(toks) == 2 and re.fullmatch(r"[A-Z]{2,3}", toks[0])
                                                     and _NAME_TOKEN.match(toks[1]))
        if not ok:
            return []
        out.append(_Person(name=name, status="present", role=m.group(2), provenance=b.provenance(0)))
    return out


# -- sections under a heading ----------------------------------------------------------------------
def _heading_status(text: str) -> str | None:
    t = _squash(re.sub(r"\([^()]*\)\s*$", "", text.strip()) if "lines said" not in text.lower() else text)
    t = re.sub(r"^(?:[0-9]+(?:\.[0-9]+)*\.?|[A-Z]{1,4}\s?[0-9/]+)\s+", "", t).strip(" :;*#.-–")
    if not t or len(t.split()) > 6:
        return None
    if not _HEADING_LABEL.match(t):
        lab = label_line(t)  # "Directors Present", "Board Members Present", "Who Was There"
        return lab.status if lab and not lab.rest else None
    status, _ = _label_status(re.sub(r"(?i)\s*\(lines said\)", "", t))
    low = t.lower()
    if re.search(r"apolog|regrets", low) and "present" not in low and "attendance and" not in low:
        return "apologies"
    if low.startswith(("absent", "absentees")):
        return "absent"
    if re.search(r"also present|in attendance|guests|visitors", low) and not low.startswith("attendance"):
        return "in_attendance"
    return "present" if status not in {"apologies", "absent", "in_attendance"} else status


# under an attendance heading, a group label and its list: "Team members: a, b", "Others: c, d"
_GROUP_LINE = re.compile(r"^\s*(?:[*•-]\s+)?\**(?P<label>[A-Z][\w-]*(?: [\w-]+){0,2})\**:\**\s+(?P<list>\S.*)$")


# a roll call kept as a task list, one member to a line, ticked when present: "[x] Ann Lee, Acme",
# "[ ] Bo Chan - Treasurer", "☒ Cy Diaz"; an unticked box is a member who was not there
_CHECKBOX = re.compile(r"^\s*(?:[-*•]\s+)?(?:\[(?P<mark>[ xX✓✔])\]|(?P<glyph>[☐☑☒]))\s+(?P<rest>\S.*)$")


def _checkbox_person(block: Block, status: str) -> _Person | None:
    """One line of a ticked roll call; the name, then its role or organisation after a dash or comma."""
    m = _CHECKBOX.match(block.text.strip()) if "\n" not in block.text.strip() else None
    if not m:
        return None
    ticked = (m.group("mark") or "").strip() != "" if m.group("mark") is not None else m.group("glyph") != "☐"
    rest = m.group("rest").strip()
    parts = re.split(r"\s+[-–—]\s+|\s*,\s*|\s*\(", rest, maxsplit=1)
    name = _tidy_name(_TITLE_RE.sub("", parts[0]).strip())
    if not name_like(name, allow_single=False):
        return None
    role = parts[1].strip(" )") if len(parts) > 1 else None
    if not ticked:
        status = "absent"
    return _Person(name=name, role=role or None, status=status, provenance=block.provenance(m.start("rest")))


def _section_lines(block: Block, status: str) -> list[_Person]:
    """One person per line under a heading (or a comma list)."""
    text = block.text
    if block.kind == "list_item" and block.numbering and text.startswith(block.numbering):
        text = " " * len(block.numbering) + text[len(block.numbering):]  # "1. Jonathan Beliën": offsets kept
    people: list[_Person] = []
    box = _checkbox_person(block, status) if _CHECKBOX.match(text.strip()) else None
    if box is not None:
        return [box]
    said = _attendance_sentences(text, block)
    for m in _APOLOGY_SENTENCE.finditer(text):  # "Apologies were received from Stephi" under "Apologies"
        said.extend(_parse_list(re.split(r"\.\s|\n", text[m.end():])[0], "apologies", block, m.end(),
                                allow_single=True))
    said = said or _status_entries(text, block, least=1)
    if said:  # a label line may come with the sentence: "Present: A, B.\nC and D present as staff"
        return (_inline_lists(text, block) if _INLINE.search(text) else []) + said
    if _INLINE.search(text) and not _NICK_LINE.match(text.split("\n")[0]):
        got = _inline_lists(text, block)
        if got:
            return got
    bare = re.sub(r"\([^()]*\)", " ", text)
    if len([w for w in re.findall(r"\b[a-z]{3,}\b", bare) if w not in {"and", "the", "for", "with"}]) >= 4 \
            and re.search(r"\b(?:was|were|is|are|had|has|have|gave|will|would|said)\b", bare):
        return []  # a sentence, not a list: "Mr Thompson and Mr Moore gave apologies for the next meeting."
    group = _GROUP_LINE.match(text)
    if group and "\n" not in text.strip() and "," in group.group("list"):  # "Team members: a, b", "Others: c, d"
        got = _parse_list(group.group("list"), status, block, group.start("list"), allow_single=True)
        for p in got:
            p.role = p.role or group.group("label").strip()
        if got:
            return got
    lines = text.split("\n")
    if block.kind == "list_item" and len(lines) == 1 and len(re.findall(r"[,;]", re.sub(r"\([^()]*\)", "", text))) <= 1 \
            and not re.search(r"\s(?:and|&)\s", text) and not _NICK_LINE.match(text):
        # one bullet, one person: "John Smith, Acme Corp"
        got = _parse_item(text.replace(",", " –", 1) if "," in text else text, status, allow_single=True)
        if isinstance(got, _Person):
            got.provenance = block.provenance(0)
            return [got]
    nicks = [(_NICK_LINE.match(ln), ln) for ln in lines]
    if lines and sum(1 for m, _ in nicks if m) >= max(1, len([ln for ln in lines if ln.strip()]) // 2):
        off = 0
        for m, ln in nicks:
            if m and not _BOTS.match(m.group("nick")):
                people.append(_Person(name=m.group("nick"), status=status, provenance=block.provenance(off)))
            off += len(ln) + 1
        return people
    return _parse_list(text, status, block, 0, allow_single=True, stop_on_prose=True)


# -- tables --------------------------------------------------------------------------------------
_NAME_HDR = re.compile(r"(?i)^(?:full\s+)?names?\W*$|^attendees?\W*$|^present\W*$|^members?(?:\s+present)?\W*$|"
                       r"^governors?\W*$|^participants?\W*$|^councillors?\W*$|^trustees?\W*$|^people\W*$|"
                       r"^attended\s+by\W*$|^attendance\W*$|^(?:governor|member)\s+name\W*$")
_FIRST_HDR = re.compile(r"(?i)^(?:first|given|fore)\s*names?\W*$")
_LAST_HDR = re.compile(r"(?i)^(?:last|family|sur)\s*names?\W*$|^surname\W*$")
_ROLE_HDR = re.compile(r"(?i)^(?:roles?(?:\(s\))?|position|title|type|capacity|representing|office|job\s+title)\W*$")
_STATUS_HDR = re.compile(r"(?i)^(?:status|attendance|present\??|attended\??|apologies|present\s*/\s*(?:apologies|absent)|"
                         r"attendance\s+status|p\s*/\s*a)\W*$")


_INITIALS_HDR = re.compile(r"(?i)^init(?:ials?)?\.?$")
# a roll-call vote: whoever voted, yes or no, was there
_VOTE_HDR = re.compile(r"(?i)^(?:votes?|voted|roll[\s-]*call(?:\s+vote)?|aye\s*/\s*nay|yes\s*/\s*no)\W*$")
# one column per status, a mark ("+", "x", "✓") in the one that applies
_STATUS_COLUMN = [(re.compile(r"(?i)^present\??$|^attended\??$"), "present"),
                  (re.compile(r"(?i)^apolog(?:y|ies)\??$|^regrets?$|^sent\s+apologies$"), "apologies"),
                  (re.compile(r"(?i)^absent\??$|^not\s+present$"), "absent"),
                  (re.compile(r"(?i)^in\s+attendance$|^guests?$|^observers?$"), "in_attendance")]


def _status_columns(texts: dict[int, str]) -> dict[int, str]:
    cols = {}
    for c, t in texts.items():
        for rx, status in _STATUS_COLUMN:
            if rx.match(t):
                cols[c] = status
                break
    return cols if len(set(cols.values())) >= 2 else {}


def _cell_text(row, col) -> str:
    for c in row:
        if c.col == col:
            return _squash(c.text)
    return ""


def _status_of(text: str, default: str) -> str:
    low = _squash(text.lower()).strip(" .")
    if low in _MARKS:
        return _MARKS[low]
    if re.search(r"apolog|regret|sanction", low):
        return "apologies"
    if re.search(r"\babsent\b", low):
        return "absent"
    return default


def _date_cell(text: str) -> date | None:
    """A date in a grid header, also written rotated (its characters read bottom to top)."""
    t = re.sub(r"\s+", "", text)
    for cand in (t, t[::-1]):
        m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})", cand)
        if m:
            d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            y = y + 2000 if y < 100 else y
            try:
                return date(y, mo, d)
            except ValueError:
                continue
    return None


# a row's first cell naming who its second cell lists, without a colon: "Attendees | …", "Invited | …"
_LABEL_CELL = re.compile(r"(?i)^(?:attendees|present|members\s+present|in\s+attendance|also\s+present|invited|"
                         r"apolog(?:ies|y)(?:\s+(?:for|of)\s+absence)?|absent|regrets)$")


def _label_cell(cells: list[Cell]) -> bool:
    """Is this a label/value row ("Attendees | Tony Brown (Chair), Sylvia Knights") of a details table?"""
    filled = [c for c in cells if c.text.strip()]
    if not (len(filled) == 2 and filled[0] is cells[0] and cells[1] is filled[1]
            and _LABEL_CELL.match(_squash(cells[0].text))):
        return False
    value = _squash(cells[1].text)
    if any(rx.match(value) for rx in (_ROLE_HDR, _STATUS_HDR, _INITIALS_HDR, _NAME_HDR)):
        return False  # "Attendees | Role": a column header
    return bool(re.search(r"[,;\n]", cells[1].text.strip()) or re.search(r"[A-Z][\w'’.-]*\s+[A-Z]", value))


def _table_people(block: Block, meeting: Meeting, dates: dict[int, date] | None = None) -> list[_Person]:
    rows = block.rows
    if not rows:
        return []
    out: list[_Person] = []
    mdate = date.fromisoformat(meeting.date) if meeting.date and len(meeting.date) == 10 else None
    # a header row: the first row with a name column
    for hi, row in enumerate(rows[:3]):
        if _label_cell(sorted(row, key=lambda c: c.col)):
            continue  # "Attendees | Tony Brown, …" is a label and its list, not a column header
        texts = {c.col: _squash(c.text) for c in row}
        name_col = next((c for c, t in texts.items() if _NAME_HDR.match(t)), None)
        first_col = next((c for c, t in texts.items() if _FIRST_HDR.match(t)), None)
        last_col = next((c for c, t in texts.items() if _LAST_HDR.match(t)), None)
        role_col = next((c for c, t in texts.items() if _ROLE_HDR.match(t)), None)
        status_col = next((c for c, t in texts.items() if _STATUS_HDR.match(t) and c != name_col), None)
        status_cols = _status_columns(texts)
        initials_col = next((c for c, t in texts.items() if _INITIALS_HDR.match(t)), None)
        vote_col = next((c for c, t in texts.items() if _VOTE_HDR.match(t)), None)
        if name_col is None and (first_col is None or last_col is None):
            continue
        if any(re.match(r"(?i)^(?:actions?|tasks?|due|deadline|by when|owner)\W*$", t) for t in texts.values()):
            return []
        default = "present"
        if name_col is not None and re.match(r"(?i)^apolog", texts[name_col]):
            default = "apologies"
        for ri, r in enumerate(rows[hi + 1:], hi + 1):
            if name_col is not None:
                raw = _cell_text(r, name_col)
            else:
                raw = f"{_cell_text(r, first_col)} {_cell_text(r, last_col)}"
            if not raw.strip():
                continue
            got = _parse_item(raw, default, allow_single=True)
            if not isinstance(got, _Person):
                continue
            role = _cell_text(r, role_col) if role_col is not None else ""
            if role:
                got.role = role if not got.role else f"{got.role}; {role}"
            st = default
            if status_cols:
                marked = [status for c, status in status_cols.items() if _cell_text(r, c).strip(" -–.")]
                st = marked[0] if len(marked) == 1 else default
            elif status_col is not None:
                st = _status_of(_cell_text(r, status_col), default)
            elif vote_col is not None:
                vote = _cell_text(r, vote_col).lower()
                st = "apologies" if re.search(r"apolog|excused", vote) else \
                    "absent" if re.search(r"absent|not\s+present", vote) else default
            if initials_col is not None and not got.initials:
                ini = _cell_text(r, initials_col)
                if _INITIALS.match(ini) or re.fullmatch(r"[A-Z]{2,4}", ini):
                    got.initials = ini
            if role and _IN_ATTENDANCE_ROLE.search(role) and st == "present":
                st = "in_attendance"
            got.status = st
            cell = next((c for c in r if c.col == (name_col if name_col is not None else first_col)), None)
            where = cell.lines[0] if cell is not None and cell.lines else None
            got.provenance = Provenance(page=where.page if where else block.provenance().page,
                                        line=where.line if where else block.provenance().line,
                                        block=block.index, table=block.table, row=ri, cell=name_col)
            out.append(got)
        return out
    return _grid_people(block, mdate, dates)


def _mark(text: str) -> str | None:
    return _MARKS.get(_squash(text).lower().strip(" .")) if len(_squash(text)) <= 12 else None


def _grid_people(block: Block, mdate: date | None, dates: dict[int, date] | None = None) -> list[_Person]:
    """An attendance grid: names down the first column, P/A/S marks in a column per meeting.

    The column is the meeting date's when a header row (in this table or given as `dates`, from a
    table just before) names it; else the last column holding any mark — minutes record the
    meeting itself in the latest filled column.
    """
    rows = block.rows
    date_cols: dict[int, date] = {}
    start = 0
    for hi, row in enumerate(rows[:4]):
        found = {c.col: d for c in row if (d := _date_cell(c.text))}
        if len(found) >= 2:
            date_cols, start = found, hi + 1
            break
    borrowed = False
    if not date_cols and dates:
        date_cols, borrowed = dict(dates), True
    body: list[tuple[int, Cell, list[Cell]]] = []
    for ri, r in enumerate(rows[start:], start):
        cells = sorted(r, key=lambda c: c.col)
        name_cell = next((c for c in cells if _squash(c.text)), None)
        if name_cell is None:
            continue
        rest = [c for c in cells if c.col > name_cell.col]
        if _mark(name_cell.text) is not None or not any(_mark(c.text) for c in rest):
            continue
        left = [d for c in rest if (d := _date_cell(c.text))]
        if mdate and left and min(left) < mdate:
            continue  # a "date resigned" before this meeting
        body.append((ri, name_cell, rest))
    if len(body) < 2:
        return []
    mark_cols = sorted({c.col for _, _, rest in body for c in rest if _mark(c.text)})
    col = None
    if mdate and date_cols:
        hits = [c for c, d in date_cols.items() if d == mdate]
        if hits:
            col = hits[0]
            if borrowed or col not in {c.col for _, _, rest in body for c in rest}:
                # header and body columns don't line up: the i-th date is the i-th slot of the usual row
                from collections import Counter
                shape = Counter(tuple(c.col for c in rest) for _, _, rest in body).most_common(1)[0][0]
                order = sorted(date_cols)
                i = order.index(col)
                slots = [c for c in shape if c >= min(mark_cols)]
                col = slots[i] if i < len(slots) else None
    if col is None:
        col = mark_cols[-1]
    type_col = None
    for row in rows[:start]:
        for c in row:
            if re.match(r"(?i)^(?:type|role|category|position)\W*$", _squash(c.text)):
                type_col = c.col
    near = col in date_cols and not borrowed and len(date_cols) >= 2
    out = []
    for ri, name_cell, rest in body:
        cell = next((c for c in rest if c.col == col), None)
        if near and not (cell and _mark(cell.text)):
            cell = _nearest_mark(rest, date_cols, col)
        status = _mark(cell.text) if cell else None
        if not status:
            continue
        got = _parse_item(_squash(name_cell.text), status, allow_single=False)
        if not isinstance(got, _Person):
            continue
        kind = next((c.text for c in rest if c.col == type_col), "") if type_col is not None else ""
        if not kind:
            kind = next((c.text for c in rest if c.col < min(mark_cols) and re.match(r"^[A-Za-z][A-Za-z -]+$",
                                                                                     _squash(c.text))), "")
        got.role = _squash(kind) or None
        got.provenance = Provenance(page=block.provenance().page, line=block.provenance().line, block=block.index,
                                    table=block.table, row=ri, cell=name_cell.col)
        out.append(got)
    return out


def _nearest_mark(rest: list[Cell], date_cols: dict[int, date], col: int) -> Cell | None:
    """A row's mark set a column or two off its date ("P" under col 11, the date over col 12): the mark
    whose nearest date column is the meeting's, and no other date's as near."""
    for c in rest:
        if not _mark(c.text):
            continue
        dist = sorted((abs(c.col - d), d) for d in date_cols)
        if dist[0][1] == col and (len(dist) == 1 or dist[1][0] > dist[0][0]) and dist[0][0] <= 2:
            return c
    return None


def _header_dates(block: Block) -> dict[int, date]:
    """A table that is only a row of meeting dates (a grid's header split from its body)."""
    if block.kind != "table" or not block.rows or len(block.rows) > 2:
        return {}
    found = {c.col: d for row in block.rows for c in row if (d := _date_cell(c.text))}
    return found if len(found) >= 2 else {}


_MARK_RE = r"(?:P|A|S|L|AP|Ap|X|✓)"
_GRID_LINE = re.compile(r"^(?P<name>[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){1,3})"
                        r"(?P<marks>(?:\s+" + _MARK_RE + r")+)\s*$")
# "HEATHER POUSTIE Headteacher Ex-officio P P", "KEITH MOORE Parent 10/2019 P S 18/10/2019"
_GRID_LINE_CAPS = re.compile(r"^(?P<name>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){1,3})(?P<kind>(?:\s+[A-Z][a-z][\w-]*)*)"
                             r"(?:\s+\d{1,2}/\d{2,4}|\s+Ex-officio)*(?P<marks>(?:\s+" + _MARK_RE + r")+)"
                             r"(?P<left>\s+\d{1,2}/\d{1,2}/\d{2,4})?\s*$")


def _grid_lines(block: Block, mdate: date | None) -> list[_Person]:
    """A grid read as text lines: each row with the most marks gives its last mark (the latest meeting)."""
    rows = []
    off = 0
    for ln in (block.text or "").split("\n"):
        m = _GRID_LINE_CAPS.match(ln.strip()) or _GRID_LINE.match(ln.strip())
        if m:
            rows.append((off, m))
        off += len(ln) + 1
    if len(rows) < 3:
        return []
    most = max(len(m.group("marks").split()) for _, m in rows)
    out = []
    for off, m in rows:
        marks = m.group("marks").split()
        if len(marks) != most:
            continue  # where its marks stand is unknown
        left = m.groupdict().get("left")
        if left and mdate and (d := _date_cell(left)) and d < mdate:
            continue
        name = _tidy_name(m.group("name"))
        kind = _squash(m.groupdict().get("kind") or "") or None
        toks = m.group("name").split()
        if m.re is _GRID_LINE_CAPS and len(toks) > 2 and len(toks[-1]) <= 2:
            name = _tidy_name(" ".join(toks[:-1]))  # "PAUL EVEMY LA": a governor type, not a name
            kind = " ".join(x for x in (toks[-1], kind) if x)
        status = _mark(marks[-1])
        if status and name_like(name, allow_single=False):
            out.append(_Person(name=name, status=status, role=kind, provenance=block.provenance(off)))
    return out


def _grid_hints(block: Block) -> list[str]:
    """Names from grid rows read as text ("Alexa Gainsbury P S"): fuller spellings for people named elsewhere."""
    out = []
    for ln in (block.text or "").split("\n"):
        m = _GRID_LINE_CAPS.match(ln.strip()) or _GRID_LINE.match(ln.strip())
        if m:
            name = _tidy_name(m.group("name"))
            if name_like(name, allow_single=False):
                out.append(name)
    return out


# -- merging ------------------------------------------------------------------------------------
def _key(name: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9']+", fold(name)) if w not in TITLES]


def _same(a: str, b: str) -> bool:
    from extractor.nlp.people import NICKNAMES
    ka, kb = _key(a), _key(b)
    if not ka or not kb:
        return False
    if ka == kb or "".join(ka) == "".join(kb):
        return True
    if len(ka) >= 2 and len(kb) >= 2 and ka[-1] == kb[-1]:
        fa, fb = ka[0], kb[0]
        if len(fa) == 1 or len(fb) == 1:
            return fa[0] == fb[0]
        return fa == fb or fb in NICKNAMES.get(fa, set()) or fa in NICKNAMES.get(fb, set()) \
            or fa.startswith(fb) or fb.startswith(fa) or fa.endswith(fb) or fb.endswith(fa)
    return False


def _merge(people: list[_Person]) -> list[_Person]:
    out: list[_Person] = []
    for p in people:
        twin = next((q for q in out if _same(q.name, p.name)), None)
        if twin is None:
            out.append(p)
            continue
        # the fuller spelling wins: "Alexa Gainsbury" over "Lex Gainsbury", "Alan Holzer" over "A Holzer"
        if len(_key(p.name)[0]) > len(_key(twin.name)[0]) and len(_key(p.name)) >= len(_key(twin.name)):
            twin.name = p.name
        if p.status == "apologies" and twin.status in {"present", "in_attendance", "absent"}:
            twin.status = "apologies"  # listed on the front sheet, then "Apologies were received from …"
        twin.initials = twin.initials or p.initials
        twin.handle = twin.handle or p.handle
        if p.role and (not twin.role or p.role.lower() not in twin.role.lower()):
            twin.role = f"{twin.role}; {p.role}" if twin.role else p.role
    return out


# a short line heading a group of bullets in an attendance list: "Developers", "Airline Pilot (Client)"
_GROUP_LABEL = re.compile(r"^\s*[A-Z][\w-]*(?: [\w-]+){0,3}(?:\s*\([^()\n]{1,30}\))?:?\s*$")


def _absorb_first_names(people: list[_Person]) -> list[_Person]:
    """"Cristina" in an Attendees cell is the "Cristina Hilario" named as note taker: one person, when only
    one attendee has that first name."""
    out = []
    for p in people:
        ws = _key(p.name)
        if len(ws) == 1 and len(ws[0]) > 1 and not p.handle:
            fulls = [q for q in people if len(_key(q.name)) >= 2 and _key(q.name)[0] == ws[0]]
            if len(fulls) == 1 and not (p.initials and fulls[0].initials and p.initials != fulls[0].initials):
                q = fulls[0]
                q.initials = q.initials or p.initials
                if p.role and (not q.role or p.role.lower() not in q.role.lower()):
                    q.role = f"{q.role}; {p.role}" if q.role else p.role
                continue
        out.append(p)
    return out


def _fuller_from_text(document: Document, people: list[_Person]) -> None:
    """"Stuart (SP)" on the attendee line, "Stuart Pullinger" elsewhere in the minutes: the full name, when
    the given initials fit it and the minutes name only one such person."""
    text = document.text
    for p in people:
        if not p.initials or len(p.name.split()) != 1:
            continue
        pat = re.compile(r"\b" + re.escape(p.name) + r"((?:\s+(?:[a-z]{1,3}))?(?:\s+[A-Z][\w'’-]+){1,2})\b")
        fits = set()
        for m in pat.finditer(text):
            words = f"{p.name}{m.group(1)}".split()
            for n in range(2, len(words) + 1):  # "Stuart Pullinger STFC": the first words may be the name
                full = " ".join(words[:n])
                if "".join(w[0] for w in words[:n]).lower() == p.initials.lower() and name_like(full):
                    fits.add(full)
        if len(fits) == 1:
            p.name = fits.pop()
    # "Chair Lord-Hausman" on the attendance line, "Chair Audrey Lord-Hausman" (or "Commissioners Roberta
    # Kreitz and Adrienne Longley-Cook") in the minutes: the first name, when a post stands before it
    post = _post_words()
    for p in people:
        if p.initials or len(p.name.split()) != 1 or len(p.name) < 3 or not p.name[:1].isupper():
            continue
        pat = re.compile(r"(?<![\w-])(?i:" + post + r")s?\.?\s+(?:[A-Z][\w'’-]+\s+[A-Z][\w'’-]+\s+(?:and|&)\s+)?"
                         r"(?P<first>[A-Z][a-z'’]+)\s+" + re.escape(p.name) + r"(?![\w-])")
        fits = {f"{m.group('first')} {p.name}" for m in pat.finditer(text)
                if name_like(m.group("first"), allow_single=True) and fold(m.group("first")) not in NOT_NAME}
        if len(fits) == 1:
            p.name = fits.pop()


def _post_words() -> str:
    from extractor.nlp.attendance_labels import posts
    return "|".join(r"\s+".join(re.escape(w) for w in ph.split()) for ph in posts())


# -- the component ------------------------------------------------------------------------------
# a sentence that introduces the list of who was there: "The following members were present:"
_INTRO = re.compile(r"(?i)^the\s+following\b[\w\s,'’-]{0,60}?\b(?:(?:were|was)\s+(?P<also>also\s+)?"
                    r"(?:present|in\s+attendance)|attended(?:\s+the\s+meeting)?)\s*:$")
_KEY_LINE = re.compile(r"^\s*\**(?P<key>[A-Za-z][\w -]{0,30}?)\**\s*:\s*\S")


def _category_item(document: Document, bi: int) -> bool:
    """A bare group label ("members: A, B") among sibling items that sort things under other keys
    ("active discussion: C", "declined: D"): a list of categories, not of who was at the meeting."""
    block = document.blocks[bi]
    m = _KEY_LINE.match(block.text or "")
    if block.kind != "list_item" or not m or not _COLON_ONLY.fullmatch(m.group("key").strip()):
        return False
    for j in (bi - 1, bi + 1):
        if 0 <= j < len(document.blocks):
            other = document.blocks[j]
            km = _KEY_LINE.match(other.text or "")
            if other.kind == "list_item" and other.level == block.level and km and not label_line(other.text) \
                    and not _INLINE.match(other.text) and not _COLON_ONLY.fullmatch(km.group("key").strip()):
                return True
    return False


def extract_attendees(document: Document, parsed: list[Doc], meeting: Meeting) -> list[Attendee]:
    found: list[_Person] = []
    role_only: list[_Person] = []  # "Chaired by", "Scribe:" — roles for people listed elsewhere
    section: str | None = None
    dates: dict[int, date] = {}
    hints: list[str] = []
    mdate = date.fromisoformat(meeting.date) if meeting.date and len(meeting.date) == 10 else None
    group: str | None = None  # a group label inside the attendance list ("Developers")
    group_any = False  # the group came from a sub-heading: it names paragraphs too, not only bullets
    soft = False  # the section was opened by a one-person "Present: …" paragraph
    for bi, block in enumerate(document.blocks):
        hints.extend(_grid_hints(block))
        text = block.text or ""
        if block.kind == "heading":
            sub = group_heading(text) if section in {"present", "in_attendance"} else None
            if sub:  # "BOD Members", "Non-BOD Members": a group inside the attendance list
                section, group, group_any = sub[0], sub[1], True
                continue
            section, soft, group_any = _heading_status(text), False, False
            if section is None:
                # a heading that is itself a label line: "Present: A, B"
                found.extend(_inline_lists(text, block))
            continue
        if block.kind == "table":
            if soft:
                section = None  # a one-person Present line runs on in paragraphs only
            if _header_dates(block):
                dates = _header_dates(block)
                continue
            got = _table_people(block, meeting, dates)
            dates = {}
            if section and not got and block.rows:
                # names laid out in a grid under an attendance heading, one or more to a row; a cell
                # that is only a role ("Chair") belongs to the person before it in its row
                got = []
                for row in block.rows:
                    in_row: list[_Person] = []
                    for c in row:
                        item = _parse_item(c.text, section, allow_single=False)
                        if isinstance(item, _Person):
                            where = c.lines[0] if c.lines else None
                            item.provenance = Provenance(page=where.page if where else None,
                                                         line=where.line if where else None, block=block.index,
                                                         table=block.table, row=c.row, cell=c.col)
                            in_row.append(item)
                        elif isinstance(item, str) and in_row and len(item.split()) <= 4:
                            in_row[-1].role = f"{in_row[-1].role}; {item}" if in_row[-1].role else item
                    got.extend(in_row)
            found.extend(got)
            for row in block.rows:
                cells = sorted(row, key=lambda c: c.col)
                for i, c in enumerate(cells):
                    text_c = c.text
                    if re.fullmatch(r"\s*[A-Z][\w /-]{1,30}:\s*", c.text) and i + 1 < len(cells):
                        text_c = f"{c.text.strip()} {cells[i + 1].text}"  # label and value cells: "Attendees: | Cristina, Sean"
                    elif i == 0 and _label_cell(cells):
                        value = cells[1].text.strip()
                        if not re.search(r"[,;]", value):
                            value = re.sub(r"\s*\n\s*", "; ", value)  # one person to a line
                        text_c = f"{c.text.strip()}: {value}"  # "Attendees | Tony Brown (Chair), …"
                    sub = Block(index=block.index, kind="paragraph", text=text_c, lines=c.lines, table=block.table)
                    inline_c = _inline_lists(text_c, sub)
                    labelled_c = _labelled_block(sub)[0] if "\n" in text_c.strip() else []
                    # a cell holding a whole page: a label on its own line, then the list, one line a group
                    found.extend(labelled_c if len(labelled_c) > len(inline_c) else inline_c)
                    found.extend(_apology_sentences(c.text, sub))
            role_only.extend(_chaired_by(text, block))
            continue
        labelled, open_status = _labelled_block(block)
        if labelled and len(labelled) > len(_inline_lists(text, block)):
            found.extend(labelled)  # "Directors Present:\nA\nB", "o Others Present: C (Org)"
            found.extend(_present_as(text, block))  # "…\nC and D present as staff"
            section, group, soft, group_any = open_status, None, False, False
            continue
        # a short paragraph that works as a heading ("Present", "**Apologies:**" alone on its line)
        short = _heading_status(text) if len(text) < 60 and "\n" not in text.strip() else None
        intro = _INTRO.match(text.strip()) if "\n" not in text.strip() else None
        if intro and not short:  # "The following new board members were present:", then the list
            short = "in_attendance" if intro.group("also") else "present"
        if short:
            section = short
            continue
        if section:
            nxt = document.blocks[bi + 1] if bi + 1 < len(document.blocks) else None
            if block.kind == "paragraph" and nxt is not None and nxt.kind == "list_item" and _GROUP_LABEL.match(text):
                group = _squash(text).rstrip(":")  # "Developers", then its bullets
                continue
            got = _section_lines(block, section)
            if block.kind == "paragraph" and any(document.blocks[k].kind == "list_item" for k in range(max(0, bi - 2), bi)):
                # a paragraph after the bulleted names: "Estimate Date of Completion - […]" is no "Name - role"
                got = [p for p in got if len(p.name.split()) >= 2 or not p.role]
            one_line = "\n" not in text.strip() and len(text.split()) <= 5
            if not got and one_line:
                ner = _ner_person(text, section)  # "Lawrence d’Oliveiro"
                got = [ner] if ner else []
                for p in got:
                    p.provenance = block.provenance(0)
            if got or any(_NICK_LINE.match(ln) for ln in text.split("\n")):  # a bot's line counts as a row
                for p in got:
                    if group and (block.kind == "list_item" or group_any) and not p.role:
                        p.role = group
                found.extend(got)
                continue
            nxt = document.blocks[bi + 1] if bi + 1 < len(document.blocks) else None
            if one_line and nxt is not None and nxt.kind == block.kind and ":" not in text \
                    and _section_lines(nxt, section):
                continue  # one odd line inside the list: the list goes on
            section = group = None  # the list is over: what follows is the minutes themselves
            soft = group_any = False
        found.extend(_grid_lines(block, mdate))
        inline = _inline_lists(text, block) if not _category_item(document, bi) else []
        found.extend(inline)
        found.extend(_apology_sentences(text, block))
        found.extend(_attendance_sentences(text, block))
        found.extend(_status_entries(text, block))
        role_only.extend(_chaired_by(text, block))
        lead = _LIST_START.match(text)
        if block.kind == "paragraph" and len(inline) == 1 and lead and "\n" not in text.strip():
            # "Present: Ms Jacqueline Murfitt (…)" alone, the others in the paragraphs after it
            section = inline[0].status if _label_status(lead.group("label"))[1] is None else None
            soft = section is not None
    if not found:
        found = _leading_names(document)
    _handle_column(found)
    merged = _merge(found)
    for h in hints:  # "Lex Gainsbury" in the text, "Alexa Gainsbury" in the grid
        for p in merged:
            if _same(p.name, h) and len(_key(h)) >= len(_key(p.name)) and len(_key(h)[0]) > len(_key(p.name)[0]):
                p.name = h
    merged = _absorb_first_names(merged)
    _fuller_from_text(document, merged)
    for p in role_only:
        twin = next((q for q in merged if _same(q.name, p.name)), None)
        if twin is None:
            merged.append(p)
        elif p.role and (not twin.role or p.role.lower() not in twin.role.lower()):
            twin.role = f"{twin.role}; {p.role}" if twin.role else p.role
    out = []
    for p in merged:
        if p.handle:
            register_handle(p.name, p.handle)
        out.append(Attendee(name=p.name, initials=p.initials, role=p.role, status=p.status, provenance=p.provenance))
    return out
