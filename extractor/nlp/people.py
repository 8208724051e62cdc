"""Who a short reference in the minutes denotes: initials, handles, first names, surnames, roles.

`PeopleIndex` is built from the meeting's attendees. `resolve("KH")` gives the full name of the
one attendee a token denotes, or None when no attendee or more than one fits; it never guesses.
Forms, strongest first (the first form that fits anyone decides):

- the full name (any case, with or without spaces, titles, dots, possessive 's);
- initials the document gave ("KH", "AHop", "Ahop");
- a handle ("@jasnell"), from the attendee line or from the letters of the name;
- initials derived from the name ("Karen Hillen" → KH; "Anne-Louise Schofield" → ALS or AS;
  extended forms "AHop"/"JHa" = first initial + the start of the surname);
- first name plus surname with a nickname or an initial ("Mike Stephens", "M Stephens");
- the first name alone, then a common nickname ("Karen", "Mike" for Michael);
- the surname alone, with or without a title ("Cllr Smith", "Hillen");
- a role ("General Manager", "Locum Clerk") as an attendee's role gives it, then a role word ("Clerk",
  "the Chair", "Treasurer") held by exactly one attendee.
"""
from __future__ import annotations

import re
import unicodedata

from models.meeting import Attendee

TITLES = {"cllr", "cll", "councillor", "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "rev", "revd",
          "reverend", "sir", "dame", "lord", "lady", "father", "canon", "pcso", "sgt", "sergeant", "insp",
          "inspector", "hon", "cllrs", "councillors", "messrs", "commissioner", "commissioners", "mayor", "alderman",
          "alderwoman"}
# Words that may lead a name as a form of address: "Co-Chair Keaton", "Secretary Stefan".
ROLE_PREFIXES = {"chair", "co-chair", "cochair", "vice-chair", "chairman", "secretary", "clerk", "treasurer",
                 "president", "governor", "trustee"}

NICKNAME_GROUPS = [
    {"michael", "mike", "mick", "mickey", "mikey"},
    {"alistair", "alisdair", "alasdair", "ali"},
    {"alison", "allison", "ali"},
    {"alexander", "alex", "lex", "sandy", "alec", "xander"},
    {"alexandra", "alex", "lexi", "sandra", "sandy"},
    {"alexa", "alex", "lex", "lexa"},
    {"robert", "bob", "rob", "robbie", "bobby", "bert"},
    {"william", "bill", "will", "billy", "liam", "willie"},
    {"james", "jim", "jimmy", "jamie"},
    {"thomas", "tom", "tommy"},
    {"david", "dave", "davy"},
    {"stephen", "steve", "stevie"},
    {"steven", "steve", "stevie"},
    {"stephanie", "steph"},
    {"christopher", "chris", "kit"},
    {"christine", "chris", "chrissie"},
    {"christina", "chris", "tina"},
    {"elizabeth", "liz", "lizzie", "beth", "betty", "eliza", "libby"},
    {"susan", "sue", "susie", "suzy"},
    {"nicholas", "nick", "nicky"},
    {"nicola", "nicky", "nikki"},
    {"andrew", "andy", "drew"},
    {"matthew", "matt"},
    {"daniel", "dan", "danny"},
    {"samuel", "sam", "sammy"},
    {"samantha", "sam", "sammy"},
    {"anthony", "tony"},
    {"antony", "tony"},
    {"edward", "ed", "eddie", "eddy", "ted"},
    {"edmund", "ed", "eddie"},
    {"richard", "rich", "rick", "dick", "richie"},
    {"joseph", "joe", "joey"},
    {"josephine", "jo", "josie"},
    {"joshua", "josh"},
    {"jennifer", "jenn", "jenny", "jen"},
    {"katherine", "kate", "kathy", "katie", "kath", "kat"},
    {"catherine", "cathy", "cath", "kate", "katie", "cat"},
    {"kathryn", "kate", "kathy", "katie"},
    {"margaret", "maggie", "meg", "peggy", "marge"},
    {"patricia", "pat", "patty", "trish"},
    {"patrick", "pat", "paddy"},
    {"peter", "pete"},
    {"philip", "phil"},
    {"phillip", "phil"},
    {"timothy", "tim"},
    {"benjamin", "ben"},
    {"jonathan", "jon", "jonny"},
    {"gillian", "gill", "jill"},
    {"jacqueline", "jackie", "jacqui"},
    {"deborah", "debbie", "deb", "debs"},
    {"rebecca", "becky", "becca"},
    {"victoria", "vicky", "vicki", "tori"},
    {"charles", "charlie", "chuck"},
    {"frederick", "fred", "freddie"},
    {"gregory", "greg"},
    {"kenneth", "ken", "kenny"},
    {"raymond", "ray"},
    {"ronald", "ron", "ronnie"},
    {"donald", "don", "donny"},
    {"douglas", "doug"},
    {"geoffrey", "geoff"},
    {"jeffrey", "jeff"},
    {"leonard", "len", "lenny"},
    {"terence", "terry"},
    {"gerald", "gerry"},
    {"lawrence", "larry", "laurie"},
    {"nathaniel", "nathan", "nat"},
    {"natalie", "nat"},
    {"rosalind", "roz", "ros"},
    {"rosemary", "rose", "rosie"},
    {"stuart", "stu"},
    {"stewart", "stu"},
    {"zachary", "zach", "zack"},
    {"abigail", "abby", "abi"},
    {"amanda", "mandy"},
    {"pamela", "pam"},
    {"barbara", "barb", "babs"},
    {"dorothy", "dot", "dottie"},
    {"helen", "nell"},
    {"eleanor", "ellie", "nell"},
    {"frances", "fran"},
    {"francis", "frank"},
    {"harold", "harry"},
    {"henry", "harry", "hal"},
    {"john", "jack", "johnny"},
    {"thaddeus", "tad"},
    {"vincent", "vince"},
    {"walter", "walt"},
    {"arthur", "art"},
    {"albert", "al", "bert"},
    {"alan", "al"},
    {"allan", "al"},
    {"alfred", "alf", "fred"},
]
NICKNAMES: dict[str, set[str]] = {}
for _group in NICKNAME_GROUPS:
    for _n in _group:
        NICKNAMES.setdefault(_n, set()).update(_group)

# Role words that denote an office holder; "chair" covers its variants.
_ROLE_CANON = {"chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "chairs": "chair",
               "chaired": "chair", "minute-taker": "minute taker", "minutes": "minute"}
_ROLE_WORDS = {"chair", "chairman", "chairwoman", "chairperson", "clerk", "treasurer", "secretary", "scribe",
               "headteacher", "head teacher", "president", "vice-chair", "vice chair", "minute taker",
               "minute-taker", "convenor", "convener", "bursar", "principal", "director", "manager", "facilitator",
               "note taker", "notetaker", "rfo", "responsible financial officer", "coordinator", "co-ordinator"}
_ROLE_BLOCKERS = {"vice", "deputy", "co", "assistant", "former", "acting", "past", "ex", "previous"}

_HANDLES: dict[str, str] = {}  # attendee name (lower case) → handle without "@"


def register_handle(name: str, handle: str) -> None:
    """Remember that `name` goes by `handle` (as given on the attendee line, e.g. "James Snell @jasnell")."""
    h = handle.lstrip("@").strip().lower()
    if h and name:
        if len(_HANDLES) > 5000:
            _HANDLES.clear()
        _HANDLES[name.strip().lower()] = h


def handle_of(name: str) -> str | None:
    return _HANDLES.get(name.strip().lower())


def fold(text: str) -> str:
    """Lower case without accents, curly quotes straightened."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("\u2019", "'").replace("\u2018", "'").lower()


def name_words(name: str) -> list[str]:
    """The words of a person's name without titles: "Cllr. R. Crisp" → ["R", "Crisp"]."""
    toks = [t for t in re.split(r"[\s.]+", name.strip()) if t]
    while toks and fold(toks[0]).strip(".") in TITLES and len(toks) > 1:
        toks = toks[1:]
    return [t.strip(",;:") for t in toks if t.strip(",;:")]


def strip_title(name: str) -> str:
    """A name without leading titles ("Cllr", "Mrs.", "Dr") or surrounding punctuation."""
    name = re.sub(r"\s+", " ", name).strip(" ,;:-–—")
    while True:
        m = re.match(r"(?i)^(%s)\b\.?\s+(?=\S)" % "|".join(sorted(TITLES, key=len, reverse=True)), name)
        if not m:
            return name
        name = name[m.end():]


def derived_initials(name: str) -> set[str]:
    """Upper-case initials a document may use for `name`: all parts, first + last, hyphen parts."""
    ws = name_words(name)
    if len(ws) < 2:
        return set()
    parts: list[str] = []
    for w in ws:
        parts.extend(p for p in re.split(r"[-'’]", w) if p)
    out = set()
    letters = [p[0].upper() for p in parts if p[0].isalpha()]
    if len(letters) >= 2:
        out.add("".join(letters))
    first, last = ws[0], ws[-1]
    last_parts = [p for p in re.split(r"-", last) if p]
    out.add(first[0].upper() + last[0].upper())
    if len(last_parts) > 1:
        out.add(first[0].upper() + "".join(p[0].upper() for p in last_parts))
    first_parts = [p for p in first.split("-") if p]
    if len(first_parts) > 1:
        out.add("".join(p[0].upper() for p in first_parts) + last[0].upper())
    return {o for o in out if len(o) >= 2}


def extended_initials(name: str) -> set[str]:
    """"Alison Hopkins" → {"AHo", "AHop"}: first initial + the first 2 or 3 letters of the surname."""
    ws = name_words(name)
    if len(ws) < 2 or not ws[0][0].isalpha():
        return set()
    last = ws[-1]
    out = set()
    for k in (2, 3):
        if len(last) > k:
            out.add((ws[0][0] + last[:k]).lower())
    return out


def _is_initial(word: str) -> bool:
    return len(word.strip(".")) == 1


def _initials_shaped(token: str) -> bool:
    """"KH", "AHop", "Ahop", "JHa", "NLE": short, starts upper case, not an ordinary word."""
    if not re.fullmatch(r"[A-Z][A-Za-z]{1,4}", token):
        return False
    uppers = sum(c.isupper() for c in token)
    if uppers >= 2:
        return True
    return len(token) == 4  # "Ahop": first initial + three letters of the surname


def _first_variants(first: str) -> set[str]:
    f = fold(first)
    return {f} | NICKNAMES.get(f, set())


def _role_terms(role: str) -> set[str]:
    """Role words an attendee's role holds, without those qualified by vice/deputy/co-."""
    low = fold(role)
    low = re.sub(r"\bvice[\s-]+chair\w*", " vice-chair ", low)
    low = re.sub(r"\bco[\s-]+chair\w*", " co-chair ", low)
    toks = re.findall(r"[a-z][a-z-]*", low)
    out = set()
    for i, t in enumerate(toks):
        prev = toks[i - 1] if i else ""
        if prev in _ROLE_BLOCKERS:
            continue
        t = _ROLE_CANON.get(t, t)
        if t in _ROLE_WORDS or t in {"vice-chair", "co-chair"}:
            out.add(_ROLE_CANON.get(t, t))
        if t == "minute" and i + 1 < len(toks) and toks[i + 1] in {"taker", "secretary"}:
            out.add("minute taker")
        if t in {"taking", "takes", "took"} and i + 1 < len(toks) and toks[i + 1] in {"notes", "minutes"}:
            out.add("minute taker")
        if t == "head" and i + 1 < len(toks) and toks[i + 1] == "teacher":
            out.add("headteacher")
    if "chair" in out and re.search(r"\b(?:elected|acting|temporary)\s+chair\b", low) is None:
        pass
    return out


def _nickname_shaped(role: str) -> bool:
    """A one-word "role" in brackets after a name that is no office: a nickname or handle ("Mogmiester", "zed0")."""
    word = role.strip()
    return bool(re.fullmatch(r"[A-Za-z][\w.-]{1,24}", word)) and _canon_role_token(word) is None \
        and fold(word) not in _ROLE_BLOCKERS and not word.isupper()


def _canon_role_token(token: str) -> str | None:
    low = fold(token).strip()
    low = re.sub(r"^the\s+", "", low)
    low = re.sub(r"\s+", " ", low)
    if low in {"vice chair", "vice-chair", "vice chairman", "vice-chairman"}:
        return "vice-chair"
    if low in {"co-chair", "co chair", "cochair"}:
        return "co-chair"
    if low in {"minute taker", "minute-taker", "minutes secretary", "note taker", "notetaker"}:
        return "minute taker"
    if low in {"head teacher", "head", "ht"}:
        return "headteacher"
    words = low.split()
    if not words:
        return None
    last = _ROLE_CANON.get(words[-1], words[-1])
    if len(words) <= 3 and last in _ROLE_WORDS:
        return last
    return None


def _handle_match(handle: str, ws: list[str]) -> bool:
    """Does a handle's spelling fit a name? "jasnell" ~ James Snell, "mhdawson" ~ Michael Dawson."""
    h = re.sub(r"[^a-z]", "", fold(handle))
    if len(h) < 3:
        return False
    names = [re.sub(r"[^a-z]", "", fold(w)) for w in ws]
    names = [n for n in names if n]
    if not names:
        return False
    if len(names) == 1:
        return h == names[0]
    first, last = names[0], names[-1]
    if h in {first + last, last + first, first[0] + last, last + first[0], first + last[0], first, last}:
        return True  # "@alice" is Alice Martin too, when she is the only Alice
    if len(first) >= 2 and len(last) >= 3:
        # first name (or its start) + the start of the surname: "joshgav" = josh + gav
        for i in range(1, len(first) + 1):
            rest = h[i:] if h.startswith(first[:i]) else None
            if rest and len(rest) >= 3 and last.startswith(rest) and (i >= 3 or len(rest) >= 4):
                return True
        # first initial, a middle initial or two, then the surname: "mhdawson"
        if h.startswith(first[0]) and h.endswith(last) and len(h) - len(last) <= 3:
            return True
    return False


class PeopleIndex:
    """Attendees by every short form the minutes may use for them."""

    def __init__(self, attendees: list[Attendee]):
        self.attendees = list(attendees)
        self.names: list[str] = []
        self._words: list[list[str]] = []
        for a in self.attendees:
            if a.name not in self.names:
                self.names.append(a.name)
                self._words.append(name_words(a.name))
        self._full: dict[str, set[str]] = {}
        self._given: dict[str, set[str]] = {}
        self._derived: dict[str, set[str]] = {}
        self._extended: dict[str, set[str]] = {}
        self._roles: dict[str, set[str]] = {}
        self._handles: dict[str, set[str]] = {}
        self._nicks: dict[str, set[str]] = {}
        for a in self.attendees:
            ws = name_words(a.name)
            full = " ".join(fold(w) for w in ws)
            for key in {full, full.replace(" ", ""), full.replace("-", " "), full.replace("-", "").replace(" ", "")}:
                self._full.setdefault(key, set()).add(a.name)
            if a.initials:
                self._given.setdefault(fold(a.initials.strip(". ")), set()).add(a.name)
            for ini in derived_initials(a.name):
                self._derived.setdefault(ini.lower(), set()).add(a.name)
            for ext in extended_initials(a.name):
                self._extended.setdefault(ext, set()).add(a.name)
            if a.role:
                for term in _role_terms(a.role):
                    self._roles.setdefault(term, set()).add(a.name)
                if _nickname_shaped(a.role):  # "Matthew Alves (Mogmiester)": the name the minutes use for him
                    self._nicks.setdefault(fold(a.role), set()).add(a.name)
            h = handle_of(a.name)
            if h:
                self._handles.setdefault(h, set()).add(a.name)

    # -- lookup -------------------------------------------------------------------------
    @staticmethod
    def _clean(token: str) -> str:
        t = unicodedata.normalize("NFKC", token or "").strip()
        t = t.replace("\u2019", "'").replace("\u2018", "'")
        t = t.strip(" \t\n\"'“”*_()[]{}<>")
        t = re.sub(r"[.,;:!?]+$", "", t).strip()
        t = re.sub(r"(?i)(?<=\w)'s$", "", t)
        t = re.sub(r"(?i)(?<=s)'$", "", t)
        t = re.sub(r"\s+", " ", t)
        t = re.sub(r"(?i)^the\s+", "", t)
        return t.strip()

    def _candidates(self, token: str) -> set[str]:
        """Attendees the first fitting form of `token` denotes (empty when none fits)."""
        t = self._clean(token)
        if not t:
            return set()
        for tiers in (self._tiers(t), self._tiers(strip_title(t)) if strip_title(t) != t else []):
            for found in tiers:
                if found:
                    return found
        # "Co-Chair Keaton", "Secretary Stefan": a role word used as a form of address
        ws = t.split()
        if len(ws) >= 2 and fold(ws[0]) in ROLE_PREFIXES:
            for found in self._tiers(" ".join(ws[1:]), roles=False):
                if found:
                    return found
        return set()

    def _tiers(self, t: str, roles: bool = True):
        """Lazily yields the matches of each form, strongest first."""
        if not t:
            return
        folded = fold(t)
        key = re.sub(r"[.]", " ", folded)
        key = re.sub(r"\s+", " ", key).strip()
        yield self._full.get(key, set()) | self._full.get(key.replace(" ", ""), set())
        yield self._nicks.get(folded, set())
        bare = t.replace(".", "").replace(" ", "")
        if _initials_shaped(bare) or (bare.isupper() and 2 <= len(bare) <= 5):
            yield self._given.get(bare.lower(), set())
        if t.startswith("@"):
            h = fold(t[1:])
            found = set(self._handles.get(h, set()))
            if not found:
                found = {n for n, ws in zip(self.names, self._words) if _handle_match(h, ws)}
            yield found
            return
        if _initials_shaped(bare):
            found = set(self._derived.get(bare.lower(), set())) if sum(c.isupper() for c in bare) == len(bare) \
                else set()
            if not found and not bare.isupper():
                found = set(self._extended.get(bare.lower(), set()))
            yield found
        words = [w for w in re.split(r"[\s.]+", t) if w]
        if len(words) >= 2:
            yield self._first_last(words)
        if len(words) == 1 and re.fullmatch(r"[A-Za-z][A-Za-z'’-]+", words[0]):
            w = fold(words[0])
            # "Ali" is Ali Hopkins before it is Alison Britton
            yield {n for n, ws in zip(self.names, self._words) if len(ws) >= 2 and fold(ws[0]) == w}
            yield {n for n, ws in zip(self.names, self._words)
                   if len(ws) >= 2 and not _is_initial(ws[0]) and w in _first_variants(ws[0])}
            yield {n for n, ws in zip(self.names, self._words) if len(ws) >= 2 and fold(ws[-1]) == w}
            yield {n for n, ws in zip(self.names, self._words) if len(ws) == 1 and fold(ws[0]) == w}
        if roles:
            role = _canon_role_token(t)
            if role:
                # "General Manager", "Locum Clerk": the attendee whose role says so, before any manager or clerk
                if len(words) >= 2:
                    phrase = re.sub(r"^the\s+", "", " ".join(fold(w) for w in words))
                    yield {a.name for a in self.attendees
                           if a.role and re.search(r"\b" + re.escape(phrase) + r"\b", fold(a.role))}
                yield set(self._roles.get(role, set()))

    def _first_last(self, words: list[str]) -> set[str]:
        """"Mike Stephens", "M Stephens", "Lex Gainsbury": same surname, first name or nickname or initial fits."""
        first, last = fold(words[0]), fold(words[-1])
        out = set()
        for n, ws in zip(self.names, self._words):
            if len(ws) < 2 or fold(ws[-1]) != last:
                continue
            f = fold(ws[0])
            if len(first) == 1 or len(f) == 1:
                if first[0] == f[0]:
                    out.add(n)
            elif first in _first_variants(ws[0]) or f in NICKNAMES.get(first, set()):
                out.add(n)
        return out

    def resolve(self, token: str) -> str | None:
        """The full name of the one attendee `token` denotes, else None."""
        found = self._candidates(token)
        return next(iter(found)) if len(found) == 1 else None

    def ambiguous(self, token: str) -> bool:
        """True when `token` fits two or more attendees equally well."""
        return len(self._candidates(token)) >= 2
