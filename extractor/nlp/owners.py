"""Owner phrases: "KH", "AB & JW", "Cllr Jenkinson", "The Clerk", "@jasnell", "DIP Strategy manager".

`OwnerParser` recognises an owner phrase and resolves each owner through the people index
(initials, first names and handles → attendees' full names; roles → the named holder).
Unresolvable owners are kept as written; an ambiguous one is kept as written with a warning.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.nlp.people import PeopleIndex

TITLES = {"cllr", "cll", "councillor", "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "rev", "revd", "sir",
          "dame", "lord", "lady", "commissioner", "commissioners", "mayor", "alderman", "alderwoman"}
ROLE_HEADS = {"clerk", "chair", "chairman", "chairwoman", "chairperson", "vice-chair", "secretary", "treasurer",
              "headteacher", "head", "manager", "officer", "coordinator", "co-ordinator", "director", "lead",
              "president", "convenor", "convener", "scribe", "administrator", "editor", "minute-taker", "webmaster",
              "principal", "bursar", "governor", "representative", "rep", "facilitator", "leader", "owner",
              "champion", "team"}
GROUPS = {"board", "council", "committee", "governors", "councillors", "trustees", "members", "all", "everyone",
          "everybody", "group", "tc", "panel", "staff", "officers", "directors", "fgb", "meeting", "sub-committee",
          "subcommittee", "working group", "team", "tsc", "executive", "management", "parish council"}
# Capitalised words that start sentences or tasks and are never owners.
NOT_NAMES = {"minutes", "notify", "add", "plan", "consider", "prepare", "make", "continue", "revisit", "bumped",
             "punt", "discuss", "item", "agenda", "copy", "feedback", "provide", "review", "update", "send", "write",
             "contact", "check", "find", "ask", "arrange", "invite", "place", "put", "circulate", "report", "agreed",
             "action", "actions", "resolved", "it", "this", "that", "there", "these", "those", "they", "he", "she",
             "we", "i", "you", "who", "what", "which", "when", "where", "following", "further", "as", "any", "no",
             "none", "nothing", "next", "noted", "note", "also", "then", "both", "each", "some", "all's", "budget",
             "minute", "date", "time", "work", "documents", "document", "letter", "email", "policy", "policies",
             "a", "an", "in", "on", "at", "for", "by", "with", "if", "but", "and", "or", "so", "to", "of", "not",
             "once", "after", "before", "during", "until", "please", "thanks", "ongoing", "done", "start", "edit",
             "create", "resource", "investigate", "look", "finalize", "finalise", "reach", "author", "insert",
             "complete", "finish", "clean", "set", "follow", "take", "get", "seek", "instruct", "respond", "post",
             "sign", "approve", "share", "monitor", "ensure", "establish", "identify", "explore", "draft",
             "organise", "organize", "book", "chase", "confirm", "liaise", "speak", "talk", "meet", "hold",
             "research", "develop", "produce", "submit", "request", "obtain", "purchase", "order", "install",
             "remove", "repair", "replace", "clear", "collect", "distribute", "publish", "register", "renew",
             "schedule", "visit", "attend", "present", "presentation", "board's", "council's", "public",
             "residents", "parishioners", "community", "school", "pupils", "parents", "staff's", "team's",
             "quotes", "quote", "estimates", "money", "funds", "costs", "items", "matters", "issues", "signs",
             "trees", "bins", "website", "newsletter", "report", "reports", "data", "information"}

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "this", "that"}

LINKS = ["has agreed to", "have agreed to", "agreed to", "volunteered to", "offered to", "undertook to",
         "is asked to", "are asked to", "was asked to", "were asked to", "is to", "are to", "needs to", "need to",
         "will", "shall", "must", "should", "to"]
_LINK_RE = re.compile(r"\s(" + "|".join(re.escape(x) for x in LINKS) + r")\s+", re.IGNORECASE)
_SPLIT_RE = re.compile(r"\s*(?:/|&|\+|,|\band\b|\bwith\b)\s*", re.IGNORECASE)
_NOT_IN_ROLE = re.compile(r"^(?:the|a|an|that|to|[a-z]+ed)$")  # a verb or article inside: a clause, not a role
_HANDLE = re.compile(r"^@[\w.-]+$")
_INITIALS = re.compile(r"^[A-Z][A-Za-z]{0,3}$")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.?|Mc[A-Z][a-z]+|O'[A-Z][a-z]+)$")


@dataclass
class OwnerMatch:
    owner_text: str
    owners: list[str]
    end: int = 0  # offset in the parsed text where the task begins (after the link word)
    link: str = ""
    warnings: list[str] = field(default_factory=list)


class OwnerParser:
    def __init__(self, people: PeopleIndex, body_words: set[str] | None = None, known_names: set[str] | None = None,
                 aliases: dict[str, str] | None = None):
        self.people = people
        self.body_words = {w.lower() for w in (body_words or set())}
        self.known = {n.lower() for n in (known_names or set())}
        self.aliases = dict(aliases or {})  # initials the text itself gives a name ("Dave Deighton DD") → the name

    # -- single owners ------------------------------------------------------------------
    def owner_item(self, item: str) -> tuple[str, str | None] | None:
        """(owner as output, warning) when `item` is one valid owner, else None."""
        raw = item.strip().strip("*_\"'“”").strip()
        raw = re.sub(r"\s+", " ", raw)
        if not raw or len(raw) > 60:
            return None
        low = raw.lower()
        if low in PRONOUNS:
            return None  # "he" is never the attendee surnamed He
        bare = re.sub(r"^the\s+", "", raw, flags=re.IGNORECASE)
        resolved = self.people.resolve(raw) or self.people.resolve(bare)
        if resolved:
            return resolved, None
        if self.people.ambiguous(bare):
            return bare, f"owner {bare!r} is ambiguous: left as written"
        if bare in self.aliases:
            return self.people.resolve(self.aliases[bare]) or self.aliases[bare], None
        toks = bare.split()
        if not toks:
            return None
        tl = [t.lower().strip(".,") for t in toks]
        if _HANDLE.match(bare):
            return bare, None
        if low in self.known or bare.lower() in self.known:
            return bare, None
        if tl[-1] in ROLE_HEADS and len(toks) <= 4 and all(t[:1].isupper() or t.lower() in ROLE_HEADS or t.lower() in {"of", "and"} for t in toks):
            return bare, None
        if tl[-1] in ROLE_HEADS and len(toks) <= 4 and toks[0][:1].isupper() \
                and not any(_NOT_IN_ROLE.match(t) for t in toks[1:-1]):  # not "Councillors asked the Clerk"
            return bare, None
        if " ".join(tl) in GROUPS or (tl[-1] in GROUPS and len(toks) <= 3 and (
                tl[0] in self.body_words or tl[0] in {"all", "every", "each"} or len(toks) == 1)):
            return bare[:1].upper() + bare[1:], None
        if tl[0] in TITLES and len(toks) >= 2 and all(_NAME_TOKEN.match(t) for t in toks[1:]):
            return bare, None
        if 2 <= len(toks) <= 3 and all(_NAME_TOKEN.match(t) for t in toks) and tl[0] not in NOT_NAMES \
                and not any(t in GROUPS or t in ROLE_HEADS for t in tl):
            return bare, None
        if len(toks) == 1 and _INITIALS.match(bare) and sum(c.isupper() for c in bare) >= 2 and bare.isupper() is False:
            return None
        return None

    def parse_phrase(self, phrase: str) -> OwnerMatch | None:
        """All of `phrase` as a list of owners ("AB & JW", "Mike and Eddy"), or None. A team with its people in
        brackets ("Storage (Pavan)", "Automotive (Luis/James)") is owned by those people."""
        phrase = phrase.strip().strip(":-–—,").strip()
        team = re.fullmatch(r"([^()]{1,40}?)\s*\(([^()]{1,60})\)", phrase)
        if team and len(team.group(1).split()) <= 3 and all(w[:1].isupper() for w in team.group(1).split()):
            inner = self.parse_phrase(team.group(2))
            if inner and all(self.people.resolve(o) or o in self.people.names for o in inner.owners):
                return OwnerMatch(owner_text=phrase, owners=inner.owners, warnings=inner.warnings)
        if not phrase or len(phrase) > 90 or re.search(r"[.;!?]\s", phrase):
            return None
        parts = [p for p in _SPLIT_RE.split(phrase) if p and p.strip()]
        if not parts or len(parts) > 6:
            return None
        owners, warnings = [], []
        items = [self.owner_item(p) for p in parts]
        if len(parts) > 1 and re.search(r",|\band\b", phrase) \
                and any(i is not None and self.people.resolve(i[0]) for i in items):
            # "Stefan, David and Chet": beside attendees, a lone capitalised name is a person as written
            items = [i if i is not None or not self._lone_name(p) else (p.strip(), None) for i, p in zip(items, parts)]
        for p, got in zip(parts, items):
            if got is None:
                return None
            if got[0] not in owners:
                owners.append(got[0])
            if got[1]:
                warnings.append(got[1])
        return OwnerMatch(owner_text=phrase, owners=owners, warnings=warnings)

    # -- owner at the start of a task --------------------------------------------------
    def leading(self, text: str, links: tuple[str, ...] | None = None) -> OwnerMatch | None:
        """'KH to advice on…' → owner KH, task from 'advice'. Tries each link word in the first words."""
        head = text[:120]
        for m in _LINK_RE.finditer(head):
            link = m.group(1).lower()
            if links is not None and link not in links:
                continue
            before = text[:m.start()]
            if len(before.split()) > 8:
                break
            got = self.parse_phrase(before)
            if got:
                got.end = m.end()
                got.link = link
                return got
        return None

    def colon_owner(self, text: str, as_written: bool = False) -> OwnerMatch | None:
        """'Michael: Reach out to ParaSoft' / 'Michael/Eddy: Finalize…' (owner before a colon).

        With `as_written` (after an ACTION marker, where "<Name>:" can only be the owner) a name
        that no attendee list resolves is kept as written."""
        m = re.match(r"\s*([^:]{1,60}):\s+(?=\S)", text)
        if not m:
            return None
        got = self.parse_phrase(m.group(1))
        if got is None and as_written:
            got = self.unknown_names(m.group(1))
        if got:
            got.end = m.end()
            got.link = ":"
        return got

    @staticmethod
    def _lone_name(part: str) -> bool:
        t = part.strip()
        return bool(re.fullmatch(r"[A-Z][a-z]{2,}", t)) and t.lower() not in NOT_NAMES and t.lower() not in GROUPS \
            and t.lower() not in ROLE_HEADS

    def is_known(self, owner: str) -> bool:
        """An attendee, a role ("Clerk") or a collective ("Governors"), not just a name-shaped phrase."""
        words = owner.lower().split()
        return bool(self.people.resolve(owner)) or owner in self.people.names or owner in self.aliases.values() \
            or bool(words) and (
            words[-1] in ROLE_HEADS or words[-1] in GROUPS or owner.lower() in self.known)

    def unknown_names(self, phrase: str) -> OwnerMatch | None:
        """'Michael' or 'Michael/Eddy' as written: one to three capitalised name words per owner."""
        parts = [p.strip() for p in _SPLIT_RE.split(phrase.strip()) if p and p.strip()]
        owners = []
        for p in parts:
            toks = p.split()
            if not 1 <= len(toks) <= 3 or not all(_NAME_TOKEN.match(t) for t in toks) \
                    or any(t.lower() in NOT_NAMES or t.lower() in GROUPS or t.lower() in ROLE_HEADS for t in toks):
                owner = self.owner_item(p)
                if owner is None:
                    return None
                owners.append(owner[0])
            else:
                owners.append(p)
        return OwnerMatch(owner_text=phrase.strip(), owners=owners) if owners else None

    def mentioned(self, text: str) -> list[str]:
        """Attendees named in `text` by initials, handle or full name (for ownerless ACTION lines)."""
        out: list[str] = []
        for tok in re.findall(r"@[\w.-]+|\b[A-Z][A-Za-z]{1,3}\b", text):
            if tok.isupper() or tok.startswith("@") or re.match(r"^[A-Z][a-z]?[A-Z]", tok):
                name = self.people.resolve(tok) if (tok.startswith("@") or sum(c.isupper() for c in tok) >= 2) else None
                if name and name not in out:
                    out.append(name)
        return out
