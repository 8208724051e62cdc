"""Actions: explicit markers, action lists and tables, narrative commitments.

Every way minutes record a task produces a `Candidate`; candidates that record the same task
twice (narrative plus ACTION line, body plus closing action table, MeetBot's three listings)
are merged, explicit wins. Deadlines are resolved last, against the meeting's dates.
"""
from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from extractor.nlp.dates import find_events, resolve_deadline
from extractor.nlp.candidates import Candidate, Context
from extractor.nlp.commitments import commitment_candidates
from extractor.nlp.owner_lines import owner_line_candidates
from extractor.nlp.merge import merge
from extractor.nlp.owners import TITLES, OwnerMatch, OwnerParser
from extractor.nlp.people import PeopleIndex
from extractor.nlp.sections import SectionTracker
from extractor.nlp.tables import table_candidates
from extractor.nlp.margin_actions import margin_candidates
from extractor.nlp.status import drop_closed
from extractor.nlp.textutil import sentence_spans, squash
from models.action import Action
from models.document import Block, Document
from models.meeting import Attendee, Meeting
from models.provenance import Provenance

_MEETBOT_TAIL = re.compile(r"\s*\(\s*[\w.\-\[\]|]+,\s*\d{1,2}:\d{2}(?::\d{2})?\s*\)\s*$")
_GLUED_ITEM = re.compile(r"\s(?:\d{1,3}\\?\.|\d{1,3}/\d{2,4})\s+(?=[A-Z][A-Z&’' ]{3,})")
_DONE = re.compile(r"^\W*(done|completed?|closed|finished|resolved|discharged)\b", re.IGNORECASE)
_MARK = r"(?:[*•●▪◦\-–+]|\(?[0-9]{1,3}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])"
_BULLET = re.compile(rf"^\s*(?:{_MARK}\s+(?:\[[ xX✓]?\]\s*)?|\[[ xX✓]?\]\s*)")  # "- [ ] " task lists too
_CHECKED = re.compile(r"^\s*(?:[*•●▪◦\-–+]\s+)?\[[xX✓]\]")  # a ticked task-list box: done
_HEDGE = re.compile(r"\b((?-i:may)|might|could|hopes?|hoped|hopefully|possibly|perhaps|likely|probably|would like|consider whether|"
                    r"if possible|in principle|was unable|were unable|not able)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(had|has already|have already|already|previously)\b", re.IGNORECASE)
_SPEAKER = re.compile(r"^\s*(?:[*\-•]\s*)?([A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2}|@[\w.-]+):\s+")
_NONE = re.compile(r"^\W*(none|n/a|nil|no actions?|\(none\))(?:\W*$|\s*[-–—:;,]\s)", re.IGNORECASE)  # "none - still waiting"
# "Last week's AI: Jory to update PR…", "Previous actions: …": a review of earlier tasks, not new ones
_REVIEW_HEAD = re.compile(r"(?i)\b(?:last|previous|prior|outstanding)\b[\w’' ]{0,20}\b(?:AI|actions?|action\s+items?)\W*$")

def _clean(text: str) -> str:
    text = squash(text)
    text = _MEETBOT_TAIL.sub("", text)
    return text.strip(" *_-–—:;,").strip()


def _strip_bullet(text: str) -> str:
    return _BULLET.sub("", text, count=1)


def _body_words(meeting: Meeting) -> set[str]:
    words = set()
    for s in (meeting.title, meeting.organisation):
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", s or "") if len(w) > 2)
    return words


def _speakers(document: Document) -> set[str]:
    """Names that open lines as speakers ("Travis: I have been…") — owners even when not listed."""
    names: dict[str, int] = {}
    for b in document.blocks:
        if b.kind == "table":
            continue
        for line in b.text.split("\n"):
            m = _SPEAKER.match(line)
            if m and m.group(1).lower() not in {"note", "notes", "action", "actions", "decision", "agenda",
                                                 "present", "apologies", "regrets", "scribe", "chair", "date",
                                                 "time", "location", "venue", "resolved", "agreed", "todo",
                                                 "link", "info", "idea", "help", "update", "conclusion",
                                                 "next meeting", "minutes", "attendees", "absent", "summary"}:
                names[m.group(1)] = names.get(m.group(1), 0) + 1
    return {n for n, c in names.items() if c >= 1 and len(n) > 1}


_NAME_THEN_INITIALS = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+)?"
                                 r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s*\(?([A-Z]{2,3})\)?(?=[\s,.;:)]|$)")


def _letters(*names: str) -> str:
    return "".join(part[0] for n in names for part in n.split("-"))


def _declared_initials(document: Document) -> dict[str, str]:
    """Initials the minutes give a name ("Cllr Dave Deighton DD", "Pam Walker (PW)"): their letters are
    the name's, so an owner "DD" is that person even when the attendee list could not be read. Initials
    two names claim ("Mike Hosking (MH)", "Marion Harvey (MH)") are left out."""
    found: dict[str, set[str]] = {}
    for b in document.blocks:
        for m in _NAME_THEN_INITIALS.finditer(b.text):
            first, middle, last, ini = m.groups()
            names = [n for n in (first, middle, last) if n]
            for k in range(len(names) - 1):  # "Cllr Jo Bruce JB": the words before the surname that fit
                if _letters(*names[k:]) == ini:
                    found.setdefault(ini, set()).add(" ".join(names[k:]))
                    break
    return {ini: next(iter(names)) for ini, names in found.items() if len(names) == 1}


# ---------------------------------------------------------------------------------------
# explicit markers: "ACTION: X to …", "**ACTION** KH to …", "(Action: JW)", "#action …"
# ---------------------------------------------------------------------------------------

def _valid_marker(block: Block, doc: Doc, span) -> bool:
    text = block.text
    first = doc[span.start]
    nxt = doc[span.end] if span.end < len(doc) else None
    has_sep = span.end - span.start > 1 and doc[span.end - 1].text in {":", "-", "–", "—", ";"}
    if span.label_ != "ACTION_MARKER":
        return False
    if span.id_ in ("action.meetbot", "action.todo"):
        return True
    if nxt is not None and nxt.lower_ in {"plan", "plans", "plan.", "points", "items", "log", "list", "taken",
                                          "register", "tracker", "required", "arising", "summary"} and not has_sep:
        return False
    if nxt is not None and nxt.lower_ == "to" and span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "be" \
            and not has_sep:
        return False  # the heading "ACTIONS TO BE TAKEN"
    before = text[:first.idx].rstrip(" *_")
    at_line_start = before == "" or before.endswith("\n") or re.search(r"(^|\n)\s*[*\-•#>]+$", before) is not None
    after_sentence = re.search(r"[.!?)\]:]$", before) is not None
    in_paren = before.endswith("(")
    upper = first.text.isupper()
    bold = block.is_bold(first.idx, first.idx + len(first.text))
    if not (at_line_start or after_sentence or in_paren):
        return upper and has_sep and len(first.text) > 2  # "… co.uk ACTION: Cllr X to …"
    return upper or has_sep or bold or in_paren


def _split_tasks(ctx: Context, content: str) -> list[str]:
    """'Councillors to provide X and Clerk to respond…' → two tasks; later sentences only when owned."""
    pieces: list[str] = []
    spans = sentence_spans(content)
    for i, (s, e) in enumerate(spans):
        sent = content[s:e].strip()
        if i > 0 and not (ctx.owners.leading(sent) or ctx.owners.colon_owner(sent)):
            break
        # split "… and Clerk to respond …" when a new owner takes over
        parts, start = [], 0
        for m in re.finditer(r"(?:,\s*|\s+)(?:and|&)\s+|;\s+|\.\s+", sent):
            rest = sent[m.end():]
            got = ctx.owners.leading(rest, links=("to", "will", "is to", "are to"))
            if got and m.group().strip() in ("and", "&") and re.search(r"[A-Z]\w*$", sent[:m.start()]) \
                    and len(got.owner_text.split()) >= 2 and not ctx.people.resolve(got.owner_text):
                continue  # "link up with Research and Information Officer to progress…" is one name
            if got and m.start() > start and ctx.owners.leading(sent[start:m.start()]):
                parts.append(sent[start:m.start()])
                start = m.end()
        parts.append(sent[start:])
        pieces.extend(p for p in parts if p.strip())
    return pieces


_NAME_TO = re.compile(r"^([A-Z][a-z'’-]+(?:\s*(?:/|&|\band\b)\s*[A-Z][a-z'’-]+)?)\s+to\s+(?!be\b)(?=[a-z])")


def _task_from(ctx: Context, piece: str, marked: bool = False) -> tuple[str, OwnerMatch | None]:
    piece = _clean(piece)
    got = ctx.owners.leading(piece) or ctx.owners.colon_owner(piece, as_written=marked)
    if got is None and marked:
        got = _name_to_as_written(ctx, piece)
    if got:
        return _clean(piece[got.end:]), got
    return piece, None


def _name_to_as_written(ctx: Context, piece: str) -> OwnerMatch | None:
    """"Action item: Niko to suggest…": after an ACTION marker a first name before "to" + verb is the
    owner, kept as written when no attendee list gives the name."""
    m = _NAME_TO.match(piece)
    got = ctx.owners.unknown_names(m.group(1)) if m else None
    if got:
        got.end, got.link = m.end(), "to"
    return got


_TASK_WORDS = re.compile(r"(?i)\b(?:will|would|shall|should|must|(?:is|are)\s+to|to\s+be|agreed|decided|resolved|"
                         r"asked\s+to|needs?\s+to)\b")


def _task_before_marker(before: str, own: OwnerMatch | None) -> str:
    """The sentence an "ACTION: AHop/MS" line marks, in the paragraph above it: of the last three
    sentences (of four words or more), the nearest that names an owner, else the nearest that reads
    as a task ("the letter would be updated…", not "AB requested it be minuted…"), else the last."""
    sents = [before[a:b] for a, b in sentence_spans(before)]
    recent = [t for t in reversed(sents) if len(t.split()) >= 4][:3]
    if not recent:
        return before
    if own:
        keys = [k for k in re.split(r"\s*(?:/|&|,|\band\b)\s*", own.owner_text) if k] + own.owners
        keys += [w for o in own.owners for w in o.split() if len(w) > 2]
        named = [t for t in recent if any(re.search(r"(?i)\b" + re.escape(k) + r"\b", t) for k in keys)]
        for t in named:  # the sentence naming the owner as doer of a future task, before one merely naming them
            if _TASK_WORDS.search(t) and not _PAST.search(t):
                return _with_what_is_assisted(sents, t)
        if named:
            return _with_what_is_assisted(sents, named[0])
    for t in recent:
        if _TASK_WORDS.search(t):
            return t
    return recent[0]


_INITIALS_LIST = re.compile(r"[A-Z][A-Za-z]{0,4}(?:\s*[/&,+]\s*[A-Z][A-Za-z]{0,4}){0,5}")


def _initials_as_written(ctx: Context, text: str) -> OwnerMatch | None:
    """"ACTION:MS/EL", "ACTION: MP/AB" where MP is nobody listed: an owner list, each resolved where the
    attendees allow and kept as written where not — never the task."""
    text = text.rstrip(".")
    if not _INITIALS_LIST.fullmatch(text):
        return None
    owners = []
    for part in re.split(r"\s*[/&,+]\s*", text):
        got = ctx.owners.owner_item(part)
        if got is None and not (part.isupper() and len(part) <= 4):
            return None
        owners.append(got[0] if got else part)
    return OwnerMatch(owner_text=text, owners=list(dict.fromkeys(owners)))


_ASSIST_ONLY = re.compile(r"(?i)^\W*\w+(?:\s\w+)?\s+(?:offered|agreed|volunteered|will)\s+(?:to\s+)?(?:assist|help)\W*$")


def _with_what_is_assisted(sents: list[str], t: str) -> str:
    """"Evelyn offered to assist." names the doer; the task is the sentence before it."""
    k = sents.index(t) if t in sents else -1
    return f"{sents[k - 1].strip()} {t.strip()}" if k > 0 and _ASSIST_ONLY.match(t) else t


def _previous_text(ctx: Context, index: int) -> tuple[str, int] | None:
    for j in range(index - 1, max(-1, index - 4), -1):
        b = ctx.document.blocks[j]
        if b.kind in ("paragraph", "list_item") and len(b.text.split()) >= 3:
            return b.text, j
        if b.kind == "heading":
            return None
    return None


def _markers(block: Block, doc: Doc) -> list:
    markers = [s for s in doc.spans.get("actions", []) if s.label_ == "ACTION_MARKER"]
    markers = sorted({s.start: s for s in sorted(markers, key=lambda s: s.end - s.start)}.values(), key=lambda s: s.start)
    return [s for s in markers if _valid_marker(block, doc, s)]


def _marked_from(block: Block, doc: Doc) -> int:
    """Where the block's ACTION-marked text begins: the sentence before the first marker on."""
    markers = _markers(block, doc)
    if not markers:
        return len(block.text)
    first = markers[0].start_char
    after = block.text[markers[0].end_char:].split("\n", 1)[0]
    if (first == 0 or block.text[first - 1] == "\n") and len(after.split()) >= 3:
        return first  # "ACTION: All members to send…" opening its own line marks only that line
    start = 0
    for s0, s1 in sentence_spans(block.text[:first]):
        if s1 <= first and block.text[s1:first].strip(" *_(\n") == "":
            start = s0
        elif s0 < first:
            start = s0 if block.text[s0:first].strip(" *_(\n") == "" else start
    return start


# "TODO: insert the link here.": the note-taker's reminder to finish the minutes, not a task of the meeting
_PLACEHOLDER = re.compile(r"(?i)^(?:insert|add|paste|put|fill\s+in|include)\s+(?:the\s+|a\s+)?(?:links?|url|reference|"
                          r"notes?|details|slides|names?)\b.{0,20}\bhere\b")
_BRACKET_OWNER = re.compile(r"\s*\(\s*([A-Z][a-z'’-]+(?:\s*(?:/|&|\band\b)\s*[A-Z][a-z'’-]+)?)\s+to\s+[a-z]+(?:\s+[a-z]+)?"
                            r"\W*\)\W*$")

_TRAILING_OWNERS = re.compile(r"\s*\(\s*([^()]{1,60}?)\s*\)\W*$")


def _owner_in_brackets(ctx: Context, task: str) -> tuple[str, OwnerMatch | None]:
    """"Action: Remove util.p (Jeremiah to respond.)": the bracket names who takes the task on;
    so does a closing bracket of owners alone: "Action: Take photos for display. (TF)", "(TD/JR/TF)"."""
    m = _BRACKET_OWNER.search(task)
    got = ctx.owners.unknown_names(m.group(1)) if m else None
    if got is None:
        m = _TRAILING_OWNERS.search(task)
        got = ctx.owners.parse_phrase(m.group(1)) if m else None
    return (_clean(task[:m.start()]), got) if got else (task, None)


def marker_candidates(ctx: Context, i: int, section: str | None, in_list: bool) -> list[Candidate]:
    block, doc = ctx.document.blocks[i], ctx.parsed[i]
    markers = _markers(block, doc)
    out: list[Candidate] = []
    if markers and _closed(ctx, i):
        return out
    for k, span in enumerate(markers):
        start = span.end_char
        end = markers[k + 1].start_char if k + 1 < len(markers) else len(block.text)
        if block.text[:span.start_char].rstrip().endswith("(") and ")" in block.text[start:end]:
            end = start + block.text[start:end].index(")")
        content = block.text[start:end]
        glued = _GLUED_ITEM.search(content)
        if glued:
            content = content[:glued.start()]
        content = content.strip(" *_:-–—\n")
        if _DONE.search(content.split("\n")[-1]) and len(content.split("\n")) > 1:
            continue
        for nl in [m.start() for m in re.finditer(r"\n", content)]:
            if ctx.owners.leading(content[nl + 1:], links=("to", "will", "is to", "are to")):
                content = content[:nl]  # the next line is another owner's task: "…by 31/08/2014\nPP to write…"
                break
        prov = block.provenance(span.start_char)
        own = (ctx.owners.parse_phrase(_clean(content).rstrip(".")) or _initials_as_written(ctx, _clean(content))) \
            if content else None
        if own or not _clean(content):
            # "ACTION: AHop/MS" or "(Action: JW)": the task is the text before the marker
            before = block.text[:span.start_char].rstrip(" *_(\n")
            prev_marker_end = markers[k - 1].end_char if k else 0
            before = before[prev_marker_end:]
            line = block.text[:span.start_char].rsplit("\n", 1)[-1].rstrip(" *_(")
            if "\n" in before and len(line.split()) >= 3:
                before = line  # "PP to write to local businesses.   Action: PP" marks its own line
            if len(before.split()) >= 3:
                task = _task_before_marker(before, own)
                src_block = i
            else:
                prev = _previous_text(ctx, i)
                if prev is None:
                    continue
                task, src_block = _task_before_marker(prev[0], own), prev[1]
            task = _clean(_ITEM_PREFIX.sub("", _strip_bullet(task.strip())))
            out.append(Candidate(text=task, explicit=True, owners=own.owners if own else [],
                                 owner_text=own.owner_text if own else None,
                                 source_text=squash(block.text[span.start_char:end]) + " — " + task if src_block != i
                                 else squash(block.text[max(0, span.start_char - len(task) - 2):end]),
                                 rule=span.id_ + ".after", kind="marker", block=i, provenance=prov, section=section,
                                 in_action_list=in_list, warnings=own.warnings if own else []))
            continue
        content, closing = _owner_in_brackets(ctx, content)  # "Take photos. (TF)": the owners close the item
        for piece in _split_tasks(ctx, content):
            task, got = _task_from(ctx, piece, marked=True)
            if not task or _NONE.match(task) or _PLACEHOLDER.match(task):
                continue
            if got is None:
                task, got = _owner_in_brackets(ctx, task)
            got = got or closing
            owners = got.owners if got else ctx.owners.mentioned(task)
            owner_text = got.owner_text if got else (", ".join(owners) if owners else None)
            out.append(Candidate(text=task, explicit=True, owners=owners, owner_text=owner_text,
                                 source_text=_clean(block.text[span.start_char:end]), rule=span.id_, kind="marker",
                                 block=i, provenance=prov, section=section, in_action_list=in_list,
                                 warnings=got.warnings if got else []))
    return out


# ---------------------------------------------------------------------------------------
# action lists: "ACTION POINTS", "Next steps", MeetBot "Action Items"
# ---------------------------------------------------------------------------------------

# "ISO 27001 policy review completed", "Security awareness training postponed until July": a line under
# "Action Items:" reporting where a matter stands, not a task ("Get Sprint #1 done" is one)
_STATUS_LINE = re.compile(r"(?i)^(?!(?:get|make|have|ensure|see|check|confirm|verify|keep|mark)\b)[^.;:]{3,80}?\s"
                          r"(?:(?:now|only|\d{1,3}%|fully|partly|partially|successfully|not)\s+)*"
                          r"(?:completed?|done|successful|postponed|deferred|cancell?ed|closed|resolved|achieved|"
                          r"finished|delayed|on\s+hold|in\s+progress|underway|under\s+way)"
                          r"(?:\s+(?:until|till|to|by|in|on|at)\s+[^.;]{1,30})?\W*$")


def list_candidate(ctx: Context, i: int, section: str | None) -> Candidate | None:
    block = ctx.document.blocks[i]
    if _CHECKED.match(block.text):
        return None
    text = _clean(_strip_bullet(block.text))
    if not text or _NONE.match(text) or len(text.split()) < 2 or text.endswith("?"):
        return None  # "Will the staff be informed?" is a question put to the meeting, not a task
    if _closed(ctx, i):
        return None
    if ctx.owners.parse_phrase(text):  # a bare owner name heads a MeetBot "by person" group
        return None
    task, got = _task_from(ctx, text, marked=True)
    if got is None:
        task, got = _owner_beside(ctx, text)
    if got is None:
        m = re.search(r"\b([A-Z][A-Za-z]{1,3}|@[\w.-]+)\s+to\s+(progress|action|lead|follow[- ]up|take forward)\W*$", text)
        tail = ctx.owners.parse_phrase(m.group(1)) if m else None
        owners = tail.owners if tail else ctx.owners.mentioned(text)
        owner_text = tail.owner_text if tail else None
        if not owners and _STATUS_LINE.match(text):
            return None
    else:
        owners, owner_text = got.owners, got.owner_text
    return Candidate(text=task if got else text, explicit=True, owners=owners, owner_text=owner_text,
                     source_text=text, rule="action.list", kind="list", block=i,
                     provenance=block.provenance(0), section=section, in_action_list=True,
                     warnings=got.warnings if got else [])


_HANDLE_FIRST = re.compile(r"^(@[\w.-]+(?:\s*(?:,|and|&)\s*@[\w.-]+)*)\s+(?=[a-z])")
_OWNER_FIRST = re.compile(r"^([^–—:]{1,40}?)\s+(?:--|[–—-])\s+(?=\S)")
# "Rick & Tom get Sprint #1 done", "Rob, Rick, Michele & Tom develop budget…": first names, then the verb
_NAMES_FIRST = re.compile(r"^([A-Z][a-z'’-]+(?:\s*(?:,|&|\band\b)\s*[A-Z][a-z'’-]+){0,5})\s+(?=[a-z]{2,}\b)(?!(?:to|will|is|are|was|were|has|had|have|and|or|of)\b)")
_OWNER_LAST = re.compile(r"(?:\s+[–—-]\s+([^–—\-()]{1,60})|\s*\(([^()]{1,60})\))\W*$")


def _owner_beside(ctx: Context, text: str) -> tuple[str, OwnerMatch | None]:
    """An action-list item's owner set beside the task: "@alice draft …", "Carol – book the venue",
    "Review the policy (Bob)", "Update the roadmap – Alice, Bob", "Rick & Tom get Sprint #1 done"."""
    m = _HANDLE_FIRST.match(text) or _OWNER_FIRST.match(text)
    if m:
        got = ctx.owners.parse_phrase(m.group(1))
        if got:
            return _clean(text[m.end():]), got
    m = _OWNER_LAST.search(text)
    if m:
        got = ctx.owners.parse_phrase(m.group(1) or m.group(2))
        if got:
            return _clean(text[:m.start()]), got
    m = _NAMES_FIRST.match(text)
    if m:  # no link word: only first names of attendees listed in full tell owners from a task ("Security …")
        got = ctx.owners.parse_phrase(m.group(1))
        if got and all(len(o.split()) >= 2 and o.split()[0] in got.owner_text for o in got.owners):
            return _clean(text[m.end():]), got
    return text, None


def _closed(ctx: Context, i: int) -> bool:
    """A reviewed action marked DONE in its next, deeper list item (or at its own end)."""
    block = ctx.document.blocks[i]
    if re.search(r"[-–—(]\s*(DONE|Done|COMPLETED|Completed|CLOSED|Closed)\W*$", block.text):
        return True
    if i + 1 < len(ctx.document.blocks):
        nxt = ctx.document.blocks[i + 1]
        if nxt.kind == "list_item" and (nxt.level or 0) > (block.level or 0) and _DONE.match(_strip_bullet(nxt.text)):
            return True
    return False


# ---------------------------------------------------------------------------------------
# narrative commitments: "KH agreed to report back", "The Clerk will write", "I'll contact you"
# ---------------------------------------------------------------------------------------

def narrative_candidates(ctx: Context, block: Block, doc: Doc, text_offset: int, text: str, section: str | None,
                         *, skip: list[tuple[int, int]] = (), provenance: Provenance | None = None,
                         row_key: tuple | None = None) -> list[Candidate]:
    out: list[Candidate] = []
    spans = [s for s in doc.spans.get("actions", []) if s.label_ == "COMMITMENT"]
    if not spans:
        return out
    speaker = None
    m = _SPEAKER.match(text)
    if m:
        speaker = ctx.owners.parse_phrase(m.group(1))
    subject: OwnerMatch | None = None  # the attendee the last sentence was about, for "He will…"
    for s0, s1 in sentence_spans(text):
        a, b = s0 + text_offset, s1 + text_offset
        sent = text[s0:s1]
        named, subject = subject, _sentence_subject(ctx, sent) or subject
        if any(x < b and a < y for x, y in skip):
            continue
        if sent.rstrip(" '’\"”)").endswith("?"):
            continue  # a question ("'Are you prepared?' booklet" inside a sentence is no question)
        accepted: list[tuple[int, OwnerMatch, str]] = []
        for span in spans:
            if not (a <= span.start_char < b):
                continue
            rel = span.start_char - a
            if accepted and rel <= accepted[-1][0]:
                continue
            before = sent[:rel]
            if accepted:
                before = before[accepted[-1][0]:]
                cut = re.search(r"(?:,\s*|\s)(?:and|while|but)\s+|;\s*", before)
                if cut is None:
                    continue  # a second verb of the same doer: "will try and will update"
                before = before[cut.end():]
            if _PAST.search(before[-25:]):
                continue
            got: OwnerMatch | None = None
            if span.id_ == "action.narrative.first_person" or (
                    span.id_ == "action.narrative.will" and re.search(r"(^|:|\band)\s*$", before.strip(" *-")) is not None
                    and speaker is not None):
                if speaker is None:
                    continue
                got = OwnerMatch(owner_text=speaker.owner_text, owners=speaker.owners)
            else:
                got = _owner_before(ctx, before)
                if got is None and named is not None and _PRONOUN_END.search(before):
                    got = OwnerMatch(owner_text=_PRONOUN_END.search(before).group(1), owners=named.owners)
                if got is None:
                    continue
                if span.id_ == "action.narrative.will" and not any(_doer(ctx, o) for o in got.owners):
                    continue  # "The plan will…", "SCC will repair": only people and officers commit
                if span.id_ == "action.narrative.should" and not (
                        _AGREED_THAT.search(before.rstrip()[:-len(got.owner_text)])
                        and all(_doer(ctx, o) for o in got.owners)):
                    continue  # "X should…" commits only as what the meeting agreed: "It was agreed that DC should check"
                if span.text.lower().startswith("offer") and not any(ctx.owners.is_known(o) for o in got.owners):
                    continue  # "Methwold Football Club offered to pay £10": an outside party's offer
            accepted.append((rel, got, span.id_))
        for k, (rel, got, rule) in enumerate(accepted):
            end = len(sent)
            if k + 1 < len(accepted):
                nxt = accepted[k + 1][0]
                cut = list(re.finditer(r"(?:,\s*|\s)(?:and|while|but)\s+|;\s*", sent[rel:nxt]))
                end = rel + cut[-1].start() if cut else nxt
            task = _clean(sent[rel:end])
            lead = re.split(r",|;|\band\b|\bthat\b|\bbut\b|\bwhile\b", sent[:rel])[-1]
            if _HEDGE.search(lead) or _hedged(task):
                continue  # "bulbs could also be planted … and the Clerk agreed to place a notice" is not hedged
            if _VAGUE_TASK.fullmatch(task):
                task = _clean(sent)
            task = re.sub(r"^(?:has agreed|agreed|volunteered|offered|undertook|promised|agrees|volunteers|offers|"
                          r"was asked|were asked|is asked|are asked|was instructed|were instructed|is|are|will|would|shall|should|'ll|can volunteer)\s+(?:to\s+)?",
                          "", task, flags=re.IGNORECASE)
            if len(task.split()) < 2 or rule == "action.narrative.agreed" and _AGREED_TO_THING.match(task):
                continue  # "the Parish Council agreed to this resolution" accepts, it does not commit
            out.append(Candidate(text=task, explicit=False, owners=got.owners, owner_text=got.owner_text,
                                 source_text=_clean(sent), rule=rule, kind="narrative", block=block.index,
                                 provenance=provenance or block.provenance(a + rel), section=section, row_key=row_key))
    return out


_AGREED_THAT = re.compile(r"(?i)\b(?:agreed|resolved|decided)\s+that\s+(?:the\s+)?$")
_AGREED_TO_THING = re.compile(r"(?i)(?:this|that|these|those|the|a|an|its|their|his|her)\b")
# a task that only points back at the sentence ("Heather agreed to do this."): the sentence is the task
_VAGUE_TASK = re.compile(r"(?i)(?:agreed\s+to\s+|will\s+|to\s+)?(?:do|action|progress|take|follow|look\s+into|"
                         r"deal\s+with|pick)\s+(?:this|that|it|up|forward|on)(?:\s+(?:up|forward|on))?\W*")
_PRONOUN_END = re.compile(r"(?:^|[,;]\s*|\band\s+|\bthat\s+)\W*\b(he|she|He|She)\s*(?:also\s+)?$")
_SUBJECT = re.compile(r"^\W*((?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
                      r"\s+(?:[a-z]|\()")


def _sentence_subject(ctx: Context, sentence: str) -> OwnerMatch | None:
    """The attendee a sentence opens with ("Alistair reported…"), whom a following "He will…" means."""
    m = _SUBJECT.match(sentence)
    if not m:
        return None
    got = ctx.owners.parse_phrase(m.group(1))
    if got and len(got.owners) == 1 and ctx.people.resolve(m.group(1)):
        return got
    return None


_CLAUSE = re.compile(r"(?:^|[;:\n]|,\s+and\b|,|\band\b|\bthat\b|\bthen\b|\bso\b|\bbut\b|\bwhile\b|\s[-–—]\s"
                     r"|(?=\bThe\s+[A-Z])|(?=\b(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+[A-Z]))\s*")


def _owner_before(ctx: Context, before: str) -> OwnerMatch | None:
    """The owner phrase that ends `before` and starts a clause: the longest that parses, unless it
    takes in a name nobody in the minutes has ("…Kings Lynn and West Norfolk and Cllr Colin Sampson
    agreed") where a shorter one does without."""
    found = []
    for m in _CLAUSE.finditer(before):
        clause = _strip_bullet(before[m.end():]).strip(" ,*")
        if clause and len(clause.split()) <= 8:
            got = ctx.owners.parse_phrase(clause)
            if got:
                found.append(got)
    for got in found:
        if all(ctx.owners.is_known(o) for o in got.owners):
            return got
    return found[0] if found else None


_ITEM_PREFIX = re.compile(r"^(?:(?:item|minute|min\.?|ref\.?)\s*)?[A-Z]{0,4}\s?\d{1,3}(?:[./]\d{1,4})*[a-z]?\s*[:.)–-]\s+"
                          r"|^\d{1,3}(?:\.\d{1,3})+\s+(?=[A-Z])", re.IGNORECASE)
# where a new clause may open with its own doer: "…run over; Clerk to notify", "planned for: Clerk to",
# "(Clerk to highlight this…)", "RESOLVED: 1) PW to update… 2) Locum Clerk to place…", "… • Locum Clerk to amend",
# "Councillors asked the Clerk to revise the budget"
_ASKED_OPEN = re.compile(r"\s(?:asked|requested|instructed|tasked)\s")
_CLAUSE_OPEN = re.compile(r";\s+|:\s+|\(\s*|\s\d{1,2}\)\s+|\s[•●▪]\s+|,?\s+(?:and|&)\s+(?=[A-Z])"
                          r"|\s(?:asked|requested|instructed|tasked)\s+(?=(?:the\s+)?[A-Z])"
                          r"|,\s+(?=(?:the\s+)?(?:[A-Z][a-z]+\s+)?Clerk\s+to\b)")
_RESOLUTION = re.compile(r"^(?:RESOLVED|AGREED)\b", re.IGNORECASE)
_ROLE_DOERS = {"clerk", "chair", "chairman", "secretary", "treasurer", "headteacher"}
# a one-word task ("Clerk to chase.", "NC to action."): its object is the sentence before
_BARE_VERB = re.compile(r"(?i)(?:chase|pursue|progress|action|investigate|follow\s+up|arrange|organise|organize|"
                        r"respond|reply|circulate|proceed)(?:\s+(?:this|it))?\W*")


def _doer(ctx: Context, owner: str) -> bool:
    """An owner who can commit: an attendee, a name the text gives initials for, a handle, an officer."""
    words = owner.lower().split()
    return bool(ctx.people.resolve(owner)) or owner in ctx.owners.aliases.values() or owner.startswith("@") \
        or words[-1] in _ROLE_DOERS or len(words) >= 2 and words[0].rstrip(".") in TITLES  # "Cllr Squires"


def _clauses(sent: str) -> list[tuple[int, int, str]]:
    """The sentence and each clause in it that may open with a doer: (connector start, clause start, clause)."""
    return [(0, 0, sent)] + [(m.start(), m.end(), sent[m.end():]) for m in _CLAUSE_OPEN.finditer(sent)]


def _hedged(text: str) -> bool:
    """A hedge in the task itself, not in its "if…"/"whether…" clause ("ask KN if she would like to…")."""
    return _HEDGE.search(re.split(r"\b(?:if|whether|that|because|since)\b(?!\s+possible)", text, maxsplit=1)[0]) \
        is not None


def _bare_owner_to(ctx: Context, block: Block, section: str | None, skip) -> list[Candidate]:
    """'KH to clarify this with colleagues at GO.' in running text: a person, then 'to' + a task; also
    after a semicolon, a colon, a bracket or "and", and 'RESOLVED: That the Clerk contact…'."""
    out = []
    sents = sentence_spans(block.text)
    resolution = False
    for k, (s0, s1) in enumerate(sents):
        if any(x < s1 and s0 < y for x, y in skip):
            continue
        sent = _ITEM_PREFIX.sub("", _strip_bullet(block.text[s0:s1].strip()))  # "Item 6: HO to chase the landlord."
        numbered = re.match(r"\s*\(?\d{1,2}[.)]\s", block.text[s0:s1]) is not None
        continued = resolution and numbered  # "RESOLVED: 1) That … . 2) That the Locum Clerk follow up …"
        resolution = bool(_RESOLUTION.match(sent)) or continued
        found = []
        for cut, off, clause in _clauses(sent):
            if found and off < found[-1][1] + found[-1][2].end or _REVIEW_HEAD.search(sent[:cut]):
                continue  # inside the owner phrase just taken, or a review of last week's actions
            got = _owner_to(ctx, _ITEM_PREFIX.sub("", clause), resolved=(off > 0 or continued) and resolution)
            if got and off > 0 and _ASKED_OPEN.match(sent[cut:off]) and _PAST.search(sent[max(0, cut - 12):cut]):
                continue  # "Tim Glover had asked the Clerk to meet": an earlier request, reported
            if got and not (off == 0 and ":" in clause[:got.end]):  # "David: To some extent." is an answer
                found.append((cut, off + len(clause) - len(_ITEM_PREFIX.sub("", clause)), got))
        for n, (cut, off, got) in enumerate(found):
            end = found[n + 1][0] if n + 1 < len(found) else len(sent)
            task = sent[off + got.end:end]
            if off > 0 and "(" in sent[cut:off]:
                task = task.split(")", 1)[0]  # "(Clerk to highlight this to …)" ends at its bracket
            task = _clean(task)
            if not task or _hedged(task):
                continue
            source = _clean(sent)
            if len(task.split()) < 2:
                prior = _prior_sentence(block.text, sents, k, sent[:cut]) if _BARE_VERB.fullmatch(task) else None
                if prior is None:
                    continue
                task = prior if _VAGUE_TASK.fullmatch(task) or task.lower().startswith("action") \
                    else f"{task.rstrip('.')}: {prior}"
                source = _clean(prior + " " + sent)
            out.append(Candidate(text=task, explicit=False, owners=got.owners, owner_text=got.owner_text,
                                 source_text=source, rule="action.narrative.to", kind="narrative",
                                 block=block.index, provenance=block.provenance(s0), section=section,
                                 resolution=resolution))
    return out


# "The boxes … are to be tackled by the Clerk prior to the next meeting": a passive task with its doer after "by"
_PASSIVE_BY = re.compile(r"\b(?:is|are)\s+to\s+be\s+[a-z]+(?:ed|en|t|ne)\s+by\s+((?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})"
                         r"(?=\s+(?:prior|before|by|at|in|on|within|as|and|when|if|after)\b|\s*[,.;]|\s*$)")


def _passive_by(ctx: Context, block: Block, section: str | None, skip) -> list[Candidate]:
    """A task worded in the passive, its doer named after "by" (a person or officer, not "by the end of")."""
    out = []
    for s0, s1 in sentence_spans(block.text):
        if any(x < s1 and s0 < y for x, y in skip):
            continue
        sent = block.text[s0:s1]
        m = _PASSIVE_BY.search(sent)
        got = ctx.owners.parse_phrase(m.group(1)) if m else None
        if not got or not all(_doer(ctx, o) for o in got.owners) or _hedged(sent[:m.start()]):
            continue
        clause = re.split(r"[;:]\s+", sent[:m.start()])[-1]
        task = _clean(_ITEM_PREFIX.sub("", _strip_bullet(clause.strip())) + " " + sent[m.start():])
        out.append(Candidate(text=task, explicit=False, owners=got.owners, owner_text=got.owner_text,
                             source_text=_clean(sent), rule="action.narrative.passive", kind="narrative",
                             block=block.index, provenance=block.provenance(s0), section=section))
    return out


def _owner_to(ctx: Context, clause: str, resolved: bool) -> OwnerMatch | None:
    """The doer opening `clause` with 'to' ("Locum Clerk to report…"), or after "RESOLVED: That" the
    subjunctive ("That the Locum Clerk contact the Planning Officer")."""
    that = re.match(r"(?i:that)\s+", clause)
    got = ctx.owners.leading(clause[that.end():] if that else clause, links=("to", "is to", "are to"))
    if got and all(_doer(ctx, o) for o in got.owners):
        got.end += that.end() if that else 0
        return got
    m = re.match(r"(?i:that)\s+((?:(?i:the)\s+)?[A-Z][\w ]{1,40}?)\s+(?!(?:to|will|would|should|shall|be|is|are|was|were|"
                 r"has|had|have|and|of)\b)(?=[a-z]{3,}\b)(?![a-z]+\s+be\b)", clause) if resolved else None
    if m:
        got = ctx.owners.parse_phrase(m.group(1))
        if got and all(_doer(ctx, o) for o in got.owners):
            got.end = m.end()
            return got
    return None


def _prior_sentence(text: str, sents: list[tuple[int, int]], k: int, head: str) -> str | None:
    """The sentence a one-word task refers to: the clause before it in its sentence, else the sentence
    before, when it is more than an item title."""
    head = _clean(_ITEM_PREFIX.sub("", head))
    if len(head.split()) >= 4:
        return head
    if k == 0:
        return None
    prior = _clean(_ITEM_PREFIX.sub("", _strip_bullet(text[sents[k - 1][0]:sents[k - 1][1]].strip())))
    return prior if len(prior.split()) >= 4 else None


# ---------------------------------------------------------------------------------------

_TITLE_LINE = re.compile(r"^[A-Z][^.!?:;\n]{2,80}$")


def _ends_list(ctx: Context, i: int) -> bool:
    """An unstyled title line ("Questions for Client (Airline Pilot)", "Other notes") with a list of its
    own below: the action list above it has ended, though Word gave the new title no heading style."""
    block = ctx.document.blocks[i]
    text = block.text.strip()
    if block.kind != "paragraph" or len(text.split()) > 8 or not _TITLE_LINE.match(text):
        return False
    if ctx.owners.leading(text) or _owner_beside(ctx, text)[1] is not None and not text.endswith(")"):
        return False  # "Rick - Familiarize with Keysight" is a task; "(Airline Pilot)" names the audience
    nxt = ctx.document.blocks[i + 1] if i + 1 < len(ctx.document.blocks) else None
    return nxt is not None and nxt.kind == "list_item"


# "This has been resolved and a formal report is being prepared.", "This action was completed and …"
_CLOSED_AFTER = re.compile(r"(?i)^\W*(?:this|that|it)(?:\s+action)?\s+(?:has\s+(?:now\s+)?been|had\s+been|was|is\s+now)\s+"
                           r"(?:resolved|completed|done|actioned|closed|dealt\s+with)\b")


def _closed_after(ctx: Context, c: Candidate) -> bool:
    """A task the minutes close in the very next sentence: a matter arising reviewed, not a new task."""
    text = ctx.document.blocks[c.block].text
    at = text.find(c.source_text[-40:])
    rest = text[at + len(c.source_text[-40:]):] if at >= 0 else ""
    if not rest.strip() and c.block + 1 < len(ctx.document.blocks):
        rest = ctx.document.blocks[c.block + 1].text
    return _CLOSED_AFTER.match(rest) is not None


def _without_margin_repeats(cands: list[Candidate]) -> list[Candidate]:
    """An owner set beside a paragraph whose doer another rule already gave a task of that paragraph ("Clerk to
    action." read with the sentence before it, "CC would clarify …") adds no second reading of the task."""
    return [c for c in cands if c.rule != "action.margin" or not any(
        o.rule != "action.margin" and o.block == c.block and set(o.owners) & set(c.owners) for o in cands)]



def collect(ctx: Context) -> list[Candidate]:
    cands: list[Candidate] = []
    tracker = SectionTracker()
    table_state: dict = {}
    list_ended = False
    sections: dict[int, str | None] = {}
    for i, block in enumerate(ctx.document.blocks):
        doc = ctx.parsed[i]
        tracker.see(block, doc)
        if block.kind == "heading" or tracker.is_label(block):
            list_ended = False
        elif tracker.in_action_list and not list_ended and _ends_list(ctx, i):
            list_ended = True
        if _CHECKED.match(block.text):
            continue  # a ticked task-list item is done
        section, in_list = tracker.section, tracker.in_action_list and not list_ended
        sections[i] = section
        if block.kind == "table":
            cands.extend(table_candidates(ctx, block, section, table_state))
            continue
        if block.kind == "heading" or tracker.is_label(block):
            continue
        cands.extend(margin_candidates(ctx, block, section))
        found = marker_candidates(ctx, i, section, in_list)
        cands.extend(found)
        covered = [(_marked_from(block, doc), len(block.text))] if found else []
        if not found and in_list and (block.kind == "list_item" or ctx.owners.leading(_strip_bullet(block.text))
                                      or _owner_beside(ctx, _clean(block.text))[1] is not None):
            c = list_candidate(ctx, i, section)
            if c:
                cands.append(c)
                covered = [(0, len(block.text))]
        if not covered or covered[0][0] > 0:
            cands.extend(narrative_candidates(ctx, block, doc, 0, block.text, section, skip=covered))
            cands.extend(_bare_owner_to(ctx, block, section, covered))
            cands.extend(_passive_by(ctx, block, section, covered))
    listed = {c.block for c in cands if c.kind in ("marker", "list")}
    cands = _without_margin_repeats(cands)
    checked = {i for i, b in enumerate(ctx.document.blocks) if _CHECKED.match(b.text)}
    for c in owner_line_candidates(ctx, cands, skip_blocks=checked, sections=sections) + \
            commitment_candidates(ctx, cands, skip_blocks=listed | checked):
        c.section = sections.get(c.block)
        cands.append(c)
    return [c for c in drop_closed(ctx.document.blocks, cands) if c.kind not in ("narrative", "list", "marker") or not _closed_after(ctx, c)]


def _deadline(c: Candidate, meeting: Meeting, body: set[str], events) -> tuple[str | None, str | None, str | None]:
    md = date.fromisoformat(meeting.date) if meeting.date and len(meeting.date) == 10 else None
    nd = date.fromisoformat(meeting.next_meeting_date) if meeting.next_meeting_date and len(meeting.next_meeting_date) == 10 else None
    for text in ([c.due_hint] if c.due_hint else []) + [c.text]:
        d = resolve_deadline(text, meeting_date=md, next_meeting_date=nd, body_words=body, events=events)
        if d is not None:
            return d.due, d.due_text, d.due_basis
    return None, None, None


def extract_actions(document: Document, parsed: list[Doc], meeting: Meeting,
                    attendees: list[Attendee]) -> list[Action]:
    people = PeopleIndex(attendees)
    speakers = _speakers(document)
    body = _body_words(meeting)
    ctx = Context(document=document, parsed=parsed, meeting=meeting, people=people,
                  owners=OwnerParser(people, body_words=body, known_names=speakers,
                                     aliases=_declared_initials(document)), speakers=speakers)
    cands = merge(collect(ctx), document.blocks)
    year = int(meeting.date[:4]) if meeting.date else None
    events = find_events([b.text for b in document.blocks], default_year=year,
                         after=date.fromisoformat(meeting.date) if meeting.date and len(meeting.date) == 10 else None)
    actions = []
    for c in cands:
        due, due_text, basis = _deadline(c, meeting, body, events)
        for twin in c.twins if due_text is None else []:  # a deadline only the other record states
            twin_due = _deadline(twin, meeting, body, events)
            if twin_due[0] is not None:
                due, due_text, basis = twin_due
                break
        actions.append(Action(text=c.text, explicit=c.explicit, owners=c.owners, owner_text=c.owner_text,
                              due=due, due_text=due_text, due_basis=basis, source_text=c.source_text,
                              section=c.section, rule=c.rule, provenance=c.provenance, also=c.also))
        document.warnings.extend(w for w in c.warnings if w not in document.warnings)
    return actions
