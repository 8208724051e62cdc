"""Actions in tables: action tables (task / owner / due columns) and a minutes table's "Action" column.

Columns are told apart by their content as much as by their headers, because real tables
mislabel them (a "Next Steps" column holding names, an "Owner" column holding tasks).
A table that continues on the next page without its header row keeps the layout of the
table before it when it has the same number of columns.
"""
from __future__ import annotations

import re
from typing import Callable

from extractor.nlp.candidates import Candidate, Context
from extractor.nlp.engine import parse
from extractor.nlp.status import closes
from extractor.nlp.textutil import sentence_spans, squash
from models.document import Block, Cell, TextLine
from models.provenance import Provenance

OWNER_HDR = re.compile(r"^(owners?|by whom|who|who(?:'s| is| are)? responsible|responsible|responsibility|lead|assigned(?: to)?|action by|person|"
                       r"actionee|name|names|resp\.?|res\.?|responsible person|person responsible|assignee|"
                       r"action owner|initials|action(?:ed)? by|(?:team\s+)?members?)\W*$", re.IGNORECASE)
DUE_HDR = re.compile(r"^(due(?: date)?|by when|deadline|target(?: date)?|when|date(?: due)?|timescales?|"
                     r"completion(?: date)?|by)\W*$", re.IGNORECASE)
TASK_HDR = re.compile(r"^(actions?|tasks?|next steps?|description|what|activity|to do|action points?|"
                      r"actions? to be taken|agreed actions?|detail|action required|action items?|"
                      r"actions? agreed|assigned\s+(?!to\b)(?:modules?|functions?|tasks?|areas?|work|roles?|duties)(?:\s*/\s*\w+)?)\W*$", re.IGNORECASE)
STATUS_HDR = re.compile(r"^(status|progress|state|update|current status|status update)\W*$", re.IGNORECASE)
ITEM_HDR = re.compile(r"^(item|no\.?|ref\.?|#|minute|agenda item|item no\.?)\W*$", re.IGNORECASE)
NOTES_HDR = re.compile(r"^(notes?|minutes?|discussion|details|comments?|summary|record|discussion and decisions|"
                       r"decisions?|outcome|matters?)\W*$", re.IGNORECASE)
ACTION_COL_HDR = re.compile(r"^(actions?|action by|who|owner|by whom)\W*$", re.IGNORECASE)
ITEM_CELL = re.compile(r"^[A-Z&]{0,4}\s?\d{1,3}[a-z0-9)]*(?:[/.]\d{1,5})*\.?$")


# sections that review actions of earlier meetings
_REVIEW = re.compile(r"(?i)\b(?:previous|last|earlier|outstanding|review(?:ed)?|arising|carried\s+forward|progress|"
                     r"update[sd]?|from\s+(?:the\s+)?(?:meeting|minutes)|matters\s+arising)\b")
_DONE = re.compile(r"^\W*(done|completed?|closed|finished|resolved|discharged)\b", re.IGNORECASE)


def _text(cell: Cell | None) -> str:
    return squash(cell.text) if cell else ""


def _header_kind(row: list[Cell]) -> dict | None:
    texts = [_text(c) for c in row]
    if sum(1 for t in texts if t) < 2 or any(len(t.split()) > 6 for t in texts):
        return None
    roles = {}
    for c, t in zip(row, texts):
        if not t:
            continue
        for name, rx in (("owner", OWNER_HDR), ("due", DUE_HDR), ("task", TASK_HDR), ("item", ITEM_HDR),
                         ("notes", NOTES_HDR), ("status", STATUS_HDR)):
            if rx.match(t):
                roles.setdefault(name, []).append(c.col)
                break
    if "notes" in roles and not ("task" in roles and ("owner" in roles or "due" in roles)):
        action_cols = [c.col for c, t in zip(row, texts) if ACTION_COL_HDR.match(t)] or roles.get("owner", [])
        if action_cols:
            return {"kind": "column", "notes": roles["notes"][0], "action": action_cols[-1], "ncols": len(row)}
        return {"kind": "notes", "notes": roles["notes"][0], "ncols": len(row)}
    if ("owner" in roles or "due" in roles) and len(roles) >= 2:
        return {"kind": "action", "roles": roles, "ncols": len(row), "status": roles.get("status", [None])[0]}
    return None


_ATTENDANCE_HDR = re.compile(r"(?i)^(present|apologies|absent|attended|attendance|in attendance|init(?:ials)?\.?|"
                             r"institute|organi[sz]ation|company|affiliation|role|title|first name|last name|surname)$")


def _titles_row(row: list[Cell]) -> bool:
    """A row of column titles (short words, at least two of them titles an attendance list uses)."""
    texts = [_text(c) for c in row if _text(c)]
    return len(texts) >= 2 and all(len(t.split()) <= 3 for t in texts) \
        and sum(bool(_ATTENDANCE_HDR.match(t)) for t in texts) >= 2


def _names_score(ctx: Context, cells: list[str]) -> float:
    vals = [t for t in cells if t]
    if not vals:
        return 0.0
    return sum(1 for t in vals if ctx.owners.parse_phrase(t.rstrip(".")) is not None) / len(vals)


def _layout_action(ctx: Context, rows: list[list[Cell]], header: dict) -> dict:
    """Which column holds the task, the owner and the deadline, judged by content."""
    ncols = max((c.col for r in rows for c in r), default=-1) + 1
    cols: dict[int, list[str]] = {k: [] for k in range(ncols)}
    for r in rows:
        for c in r:
            if c.col < ncols:
                cols[c.col].append(_text(c))
    roles = header["roles"]
    due = roles.get("due", [None])[0]
    status = roles.get("status", [None])[0]
    item = next((k for k, v in cols.items() if v and sum(bool(ITEM_CELL.match(t)) for t in v if t) >= max(1, 0.6 * len([t for t in v if t]))), None)
    others = [k for k in cols if k not in (due, item, status) and any(cols[k])]
    if not others:
        return {}
    def words(k: int) -> int:
        return sum(len(t.split()) for t in cols[k])

    said_owner = next((k for k in roles.get("owner", []) if k in others), None)
    said_task = next((k for k in roles.get("task", []) if k in others and k != said_owner), None)
    if said_owner is not None and said_task is not None and not (
            words(said_owner) > words(said_task) and _names_score(ctx, cols[said_task]) > _names_score(ctx, cols[said_owner])):
        # the header names both columns; believe it unless the "owner" column holds the longer text
        # and the "task" column the names (headers swapped by mistake)
        return {"task": said_task, "owner": said_owner, "due": due, "item": item, "status": status}
    owner = max(others, key=lambda k: (_names_score(ctx, cols[k]), k in roles.get("owner", [])))
    if _names_score(ctx, cols[owner]) < 0.3 and owner not in roles.get("owner", []):
        owner = None
    rest = [k for k in others if k != owner]
    task = max(rest, key=words) if rest else None
    return {"task": task, "owner": owner, "due": due, "item": item, "status": status}


_FUNCTION_WORD = re.compile(r"(?i)^(?:and|or|the|a|an|of|to|on|in|at|for|with|by|that|this|had|have|has|was|were|is|are|be|will|not|as|it)$")


def _aligned(spill: Cell, left: Cell) -> bool:
    """Every line of `spill` sits level with a line of `left` (the same printed line)."""
    tops = [ln.top for ln in left.lines if ln.top is not None]
    return bool(spill.lines) and bool(tops) and all(
        ln.top is not None and any(abs(ln.top - t) <= 2.0 for t in tops) for ln in spill.lines)


def _line_texts(cell: Cell) -> list[tuple[str, TextLine]]:
    out = []
    for k, ln in enumerate(cell.lines):
        end = cell.lines[k + 1].start if k + 1 < len(cell.lines) else len(cell.text)
        out.append((cell.text[ln.start:end].strip(), ln))
    return out


def _spill_col(ctx: Context, rows: list[list[Cell]], k: int, header: bool) -> bool:
    """Whether column `k` holds only the ends of lines of the column to its left, cut off by a stray
    rule drawn through the table ("…to be placed | on website", "Heather Poustie/Kay | Dicken")."""
    pairs = []
    for ri, row in enumerate(rows):
        right, left = _cell(row, k), _left_of(row, k)
        if header and ri == 0:
            if _text(right):
                return False  # a column with its own title is a column
            continue
        if not _text(right):
            continue
        if not _text(left) or not _aligned(right, left):
            return False
        if any(len(t.split()) > 3 for t, _ in _line_texts(right)):
            return False
        pairs.append((left, right))
    if not pairs or any(ITEM_CELL.match(_text(left)) for left, _ in pairs):
        return False
    prose = sum(len(_text(left).split()) for left, _ in pairs) / len(pairs) >= 8
    if prose:
        pieces = [t for _, right in pairs for t, _ in _line_texts(right) if t]
        return _names_score(ctx, pieces) < 0.5 and any(_FUNCTION_WORD.match(t.split()[0]) or t[:1].islower() for t in pieces)
    # short cells: the cut-off name only reads as owners once joined back ("Kay" + "Dicken")
    return all(ctx.owners.parse_phrase(squash(_joined(left, right).text)) is not None for left, right in pairs)


def _left_of(row: list[Cell], k: int, skip: tuple[int, ...] = ()) -> Cell | None:
    """The nearest cell left of column `k` that holds text (a cell merged across columns sits at its first)."""
    return next((c for c in sorted(row, key=lambda c: -c.col) if c.col < k and c.col not in skip and _text(c)), None)


def _joined(left: Cell, right: Cell) -> Cell:
    """`left` with the line ends held in `right` put back on their lines."""
    rest = _line_texts(right)
    parts, lines, pos = [], [], 0
    for text, ln in _line_texts(left):
        tail = " ".join(t for t, r in rest if ln.top is not None and r.top is not None and abs(r.top - ln.top) <= 2.0 and t)
        text = (text + (" " if text and tail and not text.endswith("/") else "") + tail).strip()
        lines.append(TextLine(start=pos, line=ln.line, page=ln.page, top=ln.top))
        parts.append(text)
        pos += len(text) + 1
    return Cell(text="\n".join(parts), row=left.row, col=left.col, bold=left.bold, lines=lines)


def _rejoin_spills(ctx: Context, rows: list[list[Cell]]) -> list[list[Cell]]:
    """The table with columns cut off by a stray rule joined back to the column they belong to.
    The last column is never one (it is where an Action column sits)."""
    ncols = max((c.col for r in rows for c in r), default=-1) + 1
    header = bool(rows) and _header_kind(rows[0]) is not None
    spills = [k for k in range(1, ncols - 1) if _spill_col(ctx, rows, k, header)]
    if not spills:
        return rows
    out = []
    for row in rows:
        into = {}
        for k in spills:
            right, left = _cell(row, k), _left_of(row, k, tuple(spills))
            if _text(right) and left is not None and left.lines:
                into[left.col] = _joined(into.get(left.col, left), right)
        out.append([into.get(c.col, c) for c in row if c.col not in spills])
    return out


def _cell(row: list[Cell], col: int | None) -> Cell | None:
    if col is None:
        return None
    for c in row:
        if c.col == col:
            return c
    return None


def _prov(block: Block, cell: Cell | None, row_index: int) -> Provenance:
    line = cell.lines[0] if cell and cell.lines else None
    return Provenance(page=line.page if line else None, line=line.line if line else None, block=block.index,
                      table=block.table, row=row_index, cell=cell.col if cell else None)


_SUB_ITEM = re.compile(r"(?:^|(?<=\s))([a-h])[.)]\s+")


def _lettered(text: str) -> tuple[str, dict[str, str]]:
    """A cell split at its sub-items: ("Carry out visits …:", {"a": "Literacy – 20 November 2020", …})."""
    parts = _SUB_ITEM.split(squash(text))
    lead, items = parts[0].strip(), {}
    for k in range(1, len(parts) - 1, 2):
        items[parts[k]] = parts[k + 1].strip().rstrip("/").strip()
    letters = list(items)
    if letters and letters != [chr(ord(letters[0]) + i) for i in range(len(letters))]:
        return squash(text), {}
    return lead, items


def _sub_rows(task: str, owner: str, due: str) -> list[tuple[str, str, str, str | None]]:
    """One row of an action table holding sub-items a., b., c. in its task, owner and deadline cells
    ("a. Literacy …" | "a. Paul Evemy/ Sandra Cartwright" | "a. 01/01/2021"): one task for each letter,
    with its own owner and deadline. A row of a single lettered item loses the letters of its cells."""
    lead, tasks = _lettered(task)
    _, owners = _lettered(owner)
    _, dues = _lettered(due)
    if tasks and owners and set(owners) <= set(tasks) and (not dues or set(dues) <= set(tasks)):
        if len(tasks) == 1:
            letter = next(iter(tasks))
            return [(squash(task), owners.get(letter, owner), dues.get(letter, due), None)]
        head = lead.rstrip(":").strip()
        return [((head + ": " if head else "") + t, owners.get(k, ""), dues.get(k, due if not dues else ""), k)
                for k, t in tasks.items()]
    return [(task, owner, due, None)]


def _action_rows(ctx: Context, block: Block, rows: list[list[Cell]], layout: dict, section) -> list[Candidate]:

    out = []
    for ri, row in rows:
        status = _text(_cell(row, layout.get("status")))
        if (closes(status) or _DONE.match(status)) and section and _REVIEW.search(section):
            continue  # a reviewed action from an earlier meeting, its status closed ("Completed"), is not a task of this one
        task_cell = _cell(row, layout.get("task"))
        whole = _text(task_cell)
        if not whole or len(whole) < 3 or re.fullmatch(r"\W*(none|n/a|-)?\W*", whole, re.IGNORECASE):
            continue
        subs = _sub_rows(whole, _text(_cell(row, layout.get("owner"))), _text(_cell(row, layout.get("due"))))
        for task, owner_text, due, letter in subs:
            out.append(_row_candidate(ctx, block, row, ri, task_cell, task, owner_text, due or None, section, letter))
    return out


def _row_candidate(ctx: Context, block: Block, row: list[Cell], ri: int, task_cell: Cell | None, task: str,
                   owner_text: str, due_text: str | None, section, letter: str | None) -> Candidate:
    got = ctx.owners.parse_phrase(owner_text.rstrip(".")) if owner_text else None
    if got is None and owner_text:
        joined = ctx.people.resolve(owner_text.replace(" ", ""))
        owners = [joined] if joined else [p.strip() for p in re.split(r"[/&,]", owner_text) if p.strip()]
        got_owners, got_text = owners, owner_text
    elif got is not None:
        got_owners, got_text = got.owners, got.owner_text
    else:
        lead = ctx.owners.leading(task)
        got_owners = lead.owners if lead else ctx.owners.mentioned(task)
        got_text = lead.owner_text if lead else None
    key = (block.table, ri) if letter is None else (block.table, ri, letter)
    return Candidate(text=task, explicit=True, owners=got_owners, owner_text=got_text or None,
                     source_text=" | ".join(_text(c) for c in row if _text(c)), rule="action.table",
                     kind="table", block=block.index, provenance=_prov(block, task_cell, ri),
                     section=section, due_hint=due_text, in_action_list=True, row_key=key)


# a list of owners whose last name was cut by the line end ("Heather Poustie/Kay" over "Dicken")
_CUT_NAME_LIST = re.compile(r"\S\s*[/&]\s*[A-Z][a-z'-]+$")


def _next_line(above: float | None, top: float | None, pieces: list[tuple[str, float | None, int | None]]) -> bool:
    """Whether the line at `top` is the very next printed line after the entry starting at `above`
    (entries of an Action column are set apart by blank space, wrapped names are not)."""
    tops = sorted(t for _, t, _ in pieces if t is not None)
    steps = [b - a for a, b in zip(tops, tops[1:]) if b - a > 1]
    if above is None or top is None or not steps:
        return False
    prev = max((t for t in tops if t < top), default=None)
    return prev is not None and prev >= above and top - prev <= 1.5 * min(steps)


def _entries(cell: Cell, is_owner: Callable[[str], bool] = lambda s: False) -> list[tuple[str, float | None, int | None]]:
    """An Action-column cell split into its entries: (text, top, line), joining wrapped names
    ("Heather" over "Poustie/Clerk" is one entry when the two lines read as one owner phrase)."""
    if not cell.lines:
        return [(_text(cell), None, None)] if _text(cell) else []
    pieces = []
    for k, ln in enumerate(cell.lines):
        end = cell.lines[k + 1].start if k + 1 < len(cell.lines) else len(cell.text)
        pieces.append((cell.text[ln.start:end].strip(), ln.top, ln.line))
    out: list[list] = []
    for text, top, line in pieces:
        if not text:
            continue
        if out and (out[-1][0].endswith(("/", "&", " to", " and", "-")) or text[:1].islower() or text.startswith("/")
                    or re.fullmatch(r"[a-z]+ ?[A-Z]?\w*", text)
                    or (_CUT_NAME_LIST.search(out[-1][0]) and re.fullmatch(r"[A-Z][a-z'-]+", text) and _next_line(out[-1][1], top, pieces))
                    or (re.fullmatch(r"[A-Z][a-z]+", out[-1][0]) and is_owner(out[-1][0] + " " + re.split(r"\s*[/&,]\s*", text)[0]))):
            out[-1][0] = (out[-1][0] + ("" if out[-1][0].endswith("/") or text.startswith("/") else " ") + text).strip()
        else:
            out.append([text, top, line])
    return [(t, top, line) for t, top, line in out]


# words that make a sentence a task rather than a sub-heading ("a. Audit of Data Protection.")
_TASKISH = re.compile(r"(?i)\b(?:(?:is|are)\s+to|will|shall|should|must|to\s+be|agreed\s+to|asked\s+to|needs?\s+to)\b"
                      r"|^\W*(?:\d{1,2}[.)]|[a-h][.)])?\s*To\s+[a-z]+\b")  # or an agenda-style "3) To approve … and ensure …"


def _names_any(sentence: str, owners: list[str], owner_text: str) -> bool:
    """Whether `sentence` names one of the owners: as written, in full, by first name or surname."""
    low = sentence.lower()
    keys = {owner_text.lower()} | {o.lower() for o in owners} | {o.split()[0].lower() for o in owners if o.split()}
    keys |= {o.split()[-1].lower() for o in owners if len(o.split()) > 1}
    return any(k and re.search(r"\b" + re.escape(k) + r"\b", low) for k in keys)


def _sentence_at(notes: Cell, top: float | None, owners: list[str], owner_text: str,
                 assigns: Callable[[str], bool] = lambda s: False,
                 hands_out: Callable[[str], bool] = lambda s: False,
                 taken: frozenset[int] = frozenset()) -> tuple[str, int]:
    """The notes sentence that an Action-column entry stands beside.

    Of the sentences level with the entry, one that assigns the task to the owner ("Heather
    Poustie to finalise…") beats one that merely names them ("Heather Poustie suggested…"),
    which beats one that does not name them at all. Sentences starting at `taken` offsets
    belong to the cell's earlier entries: two markers beside one paragraph are two tasks.
    """
    text = notes.text
    spans = sentence_spans(text)
    spans = [sp for sp in spans if sp[0] not in taken] or spans
    if not spans:
        return squash(text), 0
    if top is None or not notes.lines or all(ln.top is None for ln in notes.lines):
        # no positions (Word, HTML): the sentence that assigns the task, else one naming the owner
        for test in (assigns, lambda s: _names_any(s, owners, owner_text)):
            for s0, s1 in spans:
                if test(text[s0:s1]):
                    return squash(text[s0:s1]), s0
        return squash(text), 0

    def line_top(off: int) -> float:
        best = notes.lines[0]
        for ln in notes.lines:
            if ln.start <= off:
                best = ln
        return best.top if best.top is not None else 0.0

    def mentions(s: str) -> bool:
        return _names_any(s, owners, owner_text)

    def dist(span) -> float:
        s, e = span
        tops = [line_top(o) for o in range(s, e, max(1, (e - s) // 6 or 1))] + [line_top(max(s, e - 1))]
        return min(abs(t - top) for t in tops)

    near = sorted(spans, key=dist)
    for sp in near:
        if dist(sp) > 60:
            break
        if assigns(text[sp[0]:sp[1]]):
            return squash(text[sp[0]:sp[1]]), sp[0]
    for sp in near[:3]:
        if dist(sp) <= 40 and mentions(text[sp[0]:sp[1]]):
            return squash(text[sp[0]:sp[1]]), sp[0]
    for test, reach in ((lambda span: hands_out(squash(text[span[0]:span[1]])), 3),  # "The General Manager to check…"
                        (lambda span: bool(_TASKISH.search(text[span[0]:span[1]])), 2)):  # a sentence of duty
        for sp in near[:reach]:
            if dist(sp) <= 24 and test(sp) and not test(near[0]):
                return squash(text[sp[0]:sp[1]]), sp[0]
    sp = near[0]
    return squash(text[sp[0]:sp[1]]), sp[0]


def _paragraph_tops(notes: Cell) -> set[float]:
    """Tops of the notes lines that open a paragraph: after a blank line, or a lettered or bulleted sub-item."""
    tops = [ln.top for ln in notes.lines if ln.top is not None]
    steps = [b - a for a, b in zip(tops, tops[1:]) if b - a > 1]
    if not steps:
        return set()
    step = min(steps)
    out = set()
    for k, ln in enumerate(notes.lines):
        if ln.top is None or k == 0:
            continue
        end = notes.lines[k + 1].start if k + 1 < len(notes.lines) else len(notes.text)
        prev = notes.lines[k - 1].top
        if (prev is not None and ln.top - prev > 1.5 * step) or _OPENS_ITEM.match(notes.text[ln.start:end]):
            out.add(ln.top)
    return out


# a line that opens a sub-item: "d. Schools Financial …", "• Home learning costs …"
_OPENS_ITEM = re.compile(r"^\s*(?:[a-h][.)]|[•●▪\-–])\s+\S")


def _level_start(notes: Cell, action: Cell, top: float | None, next_top: float | None) -> float | None:
    """The top an Action-column entry is read at: the first of its own lines that is level with the
    start of a paragraph of the notes, else its first line. A name set over two lines ("Kay Dicken" over
    "/Oliver Laity") often starts a line above the paragraph it belongs to, beside the one before."""
    if top is None or not notes.lines:
        return top
    starts = _paragraph_tops(notes)
    own = [ln.top for ln in action.lines if ln.top is not None and top <= ln.top and (next_top is None or ln.top < next_top)]
    for t in own[1:]:
        if any(abs(t - s) <= 2.0 for s in starts) and not any(abs(top - s) <= 2.0 for s in starts):
            return t
    return top


# "SK/IB", "KV/RH", "AW": initials of owners, as an Action column gives them
_INITIALS_LIST = re.compile(r"[A-Z]{2,4}(?:\s*[/&,]\s*[A-Z]{2,4})*")


def _column_rows(ctx: Context, block: Block, rows, layout: dict, section) -> list[Candidate]:
    from extractor.nlp.actions import narrative_candidates

    out = []
    for ri, row in rows:
        taken: set[int] = set()  # sentences already given to an entry of this row's Action cell
        notes = _cell(row, layout["notes"])
        action = _cell(row, layout["action"])
        if notes is not None and _text(notes):
            doc = parse([notes.text])[0]
            out.extend(narrative_candidates(ctx, block, doc, 0, notes.text, section,
                                            provenance=_prov(block, notes, ri), row_key=(block.table, ri)))
        if action is None or not _text(action) or re.fullmatch(r"\W*(none|n/a|-)?\W*", _text(action), re.I):
            continue
        entries = _entries(action, lambda t: ctx.owners.parse_phrase(t) is not None)
        for k, (entry, top, line) in enumerate(entries):
            if notes is not None:
                top = _level_start(notes, action, top, entries[k + 1][1] if k + 1 < len(entries) else None)
            lead = ctx.owners.leading(entry)
            if lead:
                owners, owner_text = lead.owners, lead.owner_text
            else:
                got = ctx.owners.parse_phrase(entry.rstrip("."))
                if got is None:
                    joined = ctx.people.resolve(entry.replace(" ", ""))
                    if joined:
                        owners, owner_text = [joined], entry
                    elif _INITIALS_LIST.fullmatch(entry):
                        # initials in an Action column are owners even when no attendee list resolves them
                        owners = [ctx.people.resolve(p) or p for p in re.split(r"\s*[/&,]\s*", entry)]
                        owner_text = entry
                    else:
                        continue
                else:
                    owners, owner_text = got.owners, got.owner_text
            if notes is None or not _text(notes):
                continue
            def assigns(sentence: str, owners=owners) -> bool:
                got = ctx.owners.leading(squash(sentence))
                return bool(got and set(got.owners) & set(owners))

            sent, off = _sentence_at(notes, top, owners, owner_text, assigns,
                                     lambda s: ctx.owners.leading(s, links=("to", "will", "is to", "are to")) is not None,
                                     frozenset(taken))
            taken.add(off)
            assigned = assigns(sent)
            if lead and len(entry[lead.end:].split()) >= 2:
                task = squash(entry[lead.end:])
            else:
                task = sent
                doer = ctx.owners.leading(sent)
                if doer and doer.owners and not set(doer.owners) & set(owners) and ctx.people.resolve(doer.owner_text) \
                        and not _names_any(sent, owners, owner_text):
                    # the sentence names an attendee as the doer: that person owns it, whatever the margin says
                    owners, owner_text, assigned = doer.owners, doer.owner_text, True
            prov = _prov(block, notes, ri)
            ln = notes.lines and max((x for x in notes.lines if x.start <= off), key=lambda x: x.start, default=None)
            if ln:
                prov.page, prov.line = ln.page, ln.line
            out.append(Candidate(text=task, explicit=True, owners=owners, owner_text=owner_text,
                                 source_text=sent, rule="action.column", kind="column", block=block.index,
                                 provenance=prov, section=section, row_key=(block.table, ri), assigned=assigned))
    return out


_ITEM_NUMBER = re.compile(r"^[A-Z&]{0,4}\s?0*(\d{1,3})")


def _item_number(row: list[Cell]) -> int | None:
    """The item number a row belongs to, from its first cell shaped like a minute reference."""
    for c in row[:2]:
        t = _text(c)
        if t and ITEM_CELL.match(t):
            m = _ITEM_NUMBER.match(t)
            return int(m.group(1)) if m else None
    return None


def table_candidates(ctx: Context, block: Block, section: str | None, state: dict) -> list[Candidate]:
    out = _table_candidates(ctx, block, section, state)
    items, last = [], state.get("item")
    for row in block.rows:  # a row with an empty item cell continues the item above (or on the page before)
        last = _item_number(row) or last
        items.append(last)
    state["item"] = last
    for c in out:
        if c.row_key is not None and c.row_key[1] < len(items):
            c.item = items[c.row_key[1]]
    return out


def _is_prose(ctx: Context, text: str) -> bool:
    """A cell of running text, not an owner or a date ("The meeting commenced at 1834 …")."""
    return len(text.split()) > 8 and ctx.owners.parse_phrase(text.rstrip(".")) is None


def _fits(ctx: Context, rows: list[list[Cell]], header: dict) -> bool:
    """Whether a headerless table reads as more rows of the action table before it: not when its
    owner column holds paragraphs (a minutes table of item / notes / action that follows the
    summary action table on the same page)."""
    layout = header.get("layout") or {}
    owner = layout.get("owner")
    if header["kind"] != "action" or owner is None:
        return True
    cells = [_text(_cell(r, owner)) for r in rows]
    cells = [t for t in cells if t]
    return not cells or sum(_is_prose(ctx, t) for t in cells) < 0.5 * len(cells)


_NO_ACTION = re.compile(r"\W*(none|n/a|nil|-)?\W*", re.IGNORECASE)


def _run_rows(ctx: Context, block: Block) -> list[list[Cell]]:
    """The rows of `block` and of the headerless tables straight after it with as many columns
    (one table broken over pages), cut-off columns joined back."""
    blocks, ncols = ctx.document.blocks, _ncols(block.rows)
    rows = _rejoin_spills(ctx, block.rows)
    for nxt in blocks[block.index + 1:block.index + 40]:
        if nxt.kind != "table":
            if nxt.kind == "heading" or len(nxt.text.split()) > 12:
                break
            continue
        if _ncols(nxt.rows) != ncols or any(_header_kind(r) for r in nxt.rows[:3]):
            break
        rows += _rejoin_spills(ctx, nxt.rows)
    return rows


def _ncols(rows: list[list[Cell]]) -> int:
    return max((len(r) for r in rows), default=0)


def _body_layout(ctx: Context, block: Block) -> dict | None:
    """A minutes table without column titles (item | heading | notes | action): the column of
    paragraphs is the notes, and the last column, when its cells are owners, the Action column."""
    rows = _run_rows(ctx, block)
    last = max((c.col for r in rows for c in r), default=0)
    cols: dict[int, list[str]] = {}
    for r in rows:
        for c in r:
            if _text(c):
                cols.setdefault(c.col, []).append(_text(c))
    notes = max((k for k in cols if k < last and len(cols[k]) >= 2), default=None,
                key=lambda k: sum(len(t.split()) for t in cols[k]) / len(cols[k]))
    if notes is None or sum(len(t.split()) for t in cols[notes]) / len(cols[notes]) < 12:
        return None
    marks = [c for r in rows for c in r if c.col == last and _text(c) and not _NO_ACTION.fullmatch(_text(c))]
    if len(marks) < 2:
        return None

    def owners(cell: Cell) -> bool:
        entries = _entries(cell, lambda t: ctx.owners.parse_phrase(t) is not None)
        return bool(entries) and all(ctx.owners.leading(t) or ctx.owners.parse_phrase(t.rstrip(".")) for t, _, _ in entries)

    if sum(owners(c) for c in marks) < max(2, 0.7 * len(marks)):
        return None
    return {"kind": "column", "notes": notes, "action": last, "ncols": _ncols(block.rows), "inferred": True}


def _last_col(rows: list[list[Cell]]) -> int:
    return max((c.col for r in rows for c in r), default=0)


def _wordiest(rows: list[list[Cell]], skip: int) -> int | None:
    words: dict[int, int] = {}
    for r in rows:
        for c in r:
            if c.col != skip:
                words[c.col] = words.get(c.col, 0) + len(_text(c).split())
    return max(words, key=words.get, default=None) if words and max(words.values()) else None


def _lone_action_title(rows: list[list[Cell]]) -> tuple[dict | None, int]:
    """A minutes table whose only column title is "Action" over its last column (Suffolk Libraries
    board minutes: item number | heading and discussion | initials), possibly below a block of
    meeting details in the same table. The column of running text is the notes."""
    for k, row in enumerate(rows[:12]):
        titled = [c for c in row if _text(c)]
        below = rows[k + 1:]
        if len(titled) != 1 or not below or not re.fullmatch(r"(?i)actions?\W*", _text(titled[0])):
            continue
        action = titled[0].col
        if action < _last_col(below):
            continue
        notes = _wordiest(below, action)
        if notes is None:
            return None, 0
        return {"kind": "column", "notes": notes, "action": action, "ncols": _ncols(rows), "lone": True}, k + 1
    return None, 0


def _recolumn(header: dict, rows: list[list[Cell]]) -> dict:
    """The header of an Action-column table for its continuation on the next page, whose cells may
    sit at other column numbers (merged cells of the first part): Action the last, notes the wordiest."""
    if header["kind"] != "column" or _last_col(rows) == header["action"]:
        return header
    action = _last_col(rows)
    notes = _wordiest(rows, action)
    return header if notes is None else {**header, "action": action, "notes": notes}


_ACTIONS_SECTION = re.compile(r"(?i)\bactions?\b")


def _item_task_names(ctx: Context, rows: list[list[Cell]]) -> dict | None:
    """An action table without column titles (or with blank ones) under an "Actions" heading, told by
    its content: every row an item number, a task and the people who do it ("113.2 | Organise a meeting for … | Catherine Jones")."""
    data = [r for r in rows if any(_text(c) for c in r)]
    if len(data) < 2 or len({len(r) for r in data}) != 1 or len(data[0]) != 3:
        return None
    item, task, owner = (_cell(data[0], c.col) and c.col for c in data[0])
    cols = [[_text(_cell(r, k)) for r in data] for k in (item, task, owner)]
    if not all(ITEM_CELL.match(t) for t in cols[0]) or not all(len(t.split()) >= 3 for t in cols[1]):
        return None
    if not all(t and len(t.split()) <= 5 for t in cols[2]) or _names_score(ctx, cols[2]) < 0.75:
        return None
    layout = {"task": task, "owner": owner, "due": None, "item": item, "status": None}
    return {"kind": "action", "roles": {"owner": [owner]}, "ncols": _ncols(rows), "status": None, "layout": layout}


# a column of decisions ("Decision / Agreement", "Resolution"), and a heading over a table of them
_DECISION_HDR = re.compile(r"(?i)^(?:decisions?|decisions?\s*(?:/|and|&)\s*agreements?|agreements?|resolutions?|"
                           r"decisions?\s+(?:made|taken|agreed)|agreed|resolved)\W*$")
_DECISIONS_SECTION = re.compile(r"(?i)\b(?:decisions?|resolutions?|agreements)\b")


def _decisions_table(rows: list[list[Cell]], section: str | None) -> bool:
    """A table of decisions, not of actions, though it has a "Responsible" column: a column titled
    as decisions and none as tasks, or a table under a Decisions heading with no task column."""
    for row in rows[:2]:
        texts = [_text(c) for c in row if _text(c)]
        if len(texts) < 2 or any(len(t.split()) > 6 for t in texts):
            continue
        if any(TASK_HDR.match(t) for t in texts):
            return False
        if any(_DECISION_HDR.match(t) for t in texts):
            return True
        if section and _DECISIONS_SECTION.search(section) and not _ACTIONS_SECTION.search(section):
            return True
    return False


def _table_candidates(ctx: Context, block: Block, section: str | None, state: dict) -> list[Candidate]:
    rows = block.rows
    if not rows:
        return []
    if _decisions_table(rows, section):
        state.pop("last", None)
        return []
    header, start = None, 0
    for k, row in enumerate(rows[:3]):
        header = _header_kind(row)
        if header:
            start = k + 1
            break
    if header is None:
        header, start = _lone_action_title(rows)
    if header is None:
        # a table continued over a page break keeps the header of the part before it: only right after it,
        # when its content fits that header, and not when its own first rows are titles of another kind
        last = state.get("last")
        if last and last["ncols"] == _ncols(rows) and block.index - state.get("last_block", -9) <= 2 \
                and not any(_titles_row(r) for r in rows[:2]) and _fits(ctx, rows, last):
            header = _recolumn(last, rows)
        else:
            header = _body_layout(ctx, block) or (_item_task_names(ctx, rows) if _ACTIONS_SECTION.search(section or "") else None)
    if header is not None:
        rows = _rejoin_spills(ctx, rows)
    if header is None:
        # a table of running text ("Discussion:"): narrative commitments in its cells
        from extractor.nlp.actions import narrative_candidates
        out = []
        for ri, row in enumerate(rows):
            for c in row:
                if len(c.text.split()) >= 6:
                    doc = parse([c.text])[0]
                    out.extend(narrative_candidates(ctx, block, doc, 0, c.text, section,
                                                    provenance=_prov(block, c, ri), row_key=(block.table, ri)))
        return out
    state["last"], state["last_block"] = header, block.index
    data = [(ri, rows[ri]) for ri in range(start, len(rows))]
    if header["kind"] == "action":
        if "layout" not in header:
            header["layout"] = _layout_action(ctx, [r for _, r in data], header)
        return _action_rows(ctx, block, data, header["layout"], section) if header["layout"] else []
    if header["kind"] == "column":
        return _column_rows(ctx, block, data, header, section)
    from extractor.nlp.actions import narrative_candidates
    out = []
    for ri, row in data:
        c = _cell(row, header["notes"])
        if c is not None and _text(c):
            doc = parse([c.text])[0]
            out.extend(narrative_candidates(ctx, block, doc, 0, c.text, section,
                                            provenance=_prov(block, c, ri), row_key=(block.table, ri)))
    return out
