"""Write one `Extraction` into the database: one document, all its rows, one transaction.

Rules that keep the database deterministic (the same files give the same rows whatever
order they are loaded in, and loading a file twice adds nothing):

- A document is identified by its sha256. Loading a sha256 that is already stored does
  nothing unless ``replace=True``, which swaps that document's rows for the new ones
  (keeping its id, path and version).
- A new sha256 at a path already stored becomes the next ``version`` of that path and the
  only row of the path with ``is_latest = 1``; older versions keep their rows.
- ``people`` are the attendees of each body (see `meeting_body`), one row per (body, name). Their ``variants`` gather the names and
  initials they were listed with and the owner text of actions they alone own.
- An action owner gets a ``person_id`` when a person of the same body has exactly that
  name; owners loaded before that person was known are linked when the person arrives.
"""
from __future__ import annotations

import json
import os
import re
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from extractor.paths import clean_text, display_path
from models.extraction import Extraction

UNKNOWN_BODY = "(unknown)"


def utc_now() -> str:
    """The current time as ISO 8601 UTC, to the second: 2024-05-01T09:30:00Z."""
    return datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


# A title that names a kind of meeting, not a body: "Ordinary Meeting", "Meeting 60", "Minutes".
_GENERIC_TITLE = re.compile(r"(?i)^(?:(?:the|ordinary|annual|extraordinary|special|monthly|weekly|regular|general|"
                            r"virtual|online|remote|full|public|open|closed|team|group)\s+)*"
                            r"(?:meeting|minutes|notes|teleconference|telecon|call)(?:\s+(?:minutes|notes))?$")
_NUMBERING = re.compile(r"(?i)\s*(?:[-–—:,]\s*)?(?:#|no\.?\s*|number\s+)?\d+\s*$")


def meeting_body(extraction: Extraction, path: str | Path | None = None) -> str:
    """The body whose meetings these are, the same for each of its meetings.

    The title without its numbering ("ICAT Steering Group Meeting #3"); the organisation when
    the title only names a kind of meeting ("Ordinary Meeting" of two different councils) or
    is part of it; both when both say something. With neither, the folder the file is in
    (archives are kept a folder per body), else "(unknown)"."""
    m = extraction.meeting
    title = _NUMBERING.sub("", (m.title or "").strip()).strip(" -–—:,")
    org = (m.organisation or "").strip()
    if _GENERIC_TITLE.match(title):
        title = ""
    if title and org:
        if title.lower() in org.lower():
            return org
        if org.lower() in title.lower():
            return title
        return f"{org} – {title}"
    if title or org:
        return title or org
    folder = display_path(Path(path).resolve().parent.name) if path else ""
    return folder or UNKNOWN_BODY


def _year(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


_SQL_CACHE: dict[tuple[str, tuple[str, ...]], str] = {}


def _insert(conn, table: str, row: dict) -> int:
    cols = tuple(row)
    sql = _SQL_CACHE.get((table, cols))
    if sql is None:
        sql = (f'insert into "{table}" ({", ".join(f"[{c}]" for c in cols)}) '
               f'values ({", ".join("?" for _ in cols)})')
        _SQL_CACHE[(table, cols)] = sql
    return conn.execute(sql, tuple(row.values())).lastrowid


def _insert_many(conn, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    cols = tuple(rows[0])
    sql = (f'insert into "{table}" ({", ".join(f"[{c}]" for c in cols)}) '
           f'values ({", ".join("?" for _ in cols)})')
    conn.executemany(sql, [tuple(r[c] for c in cols) for r in rows])


def find_document(db: sqlite_utils.Database, sha256: str) -> dict | None:
    """The stored document with this content, or None."""
    cur = db.conn.execute("select id, path, version, is_latest from documents where sha256 = ?", (sha256,))
    row = cur.fetchone()
    if row is None:
        return None
    return {"id": row[0], "path": row[1], "version": row[2], "is_latest": row[3]}


def mark_latest(db: sqlite_utils.Database, document_id: int) -> None:
    """Make a stored document the latest version of its path (a file put back as it was)."""
    with db.atomic():
        conn = db.conn
        (path,) = conn.execute("select path from documents where id = ?", (document_id,)).fetchone()
        conn.execute("update documents set is_latest = 0 where path = ? and id != ?", (path, document_id))
        conn.execute("update documents set is_latest = 1 where id = ?", (document_id,))


def _delete_document_rows(conn, document_id: int) -> None:
    """Delete everything loaded from one document except the `documents` row itself."""
    # The people this document refers to: the only ones its deletion can leave unreferenced.
    people = [r[0] for r in conn.execute(
        "select person_id from attendance where meeting_id in (select id from meetings where document_id = ?) "
        "union select person_id from action_owners where person_id is not null "
        "and action_id in (select id from actions where document_id = ?)", (document_id, document_id))]
    conn.execute("delete from action_owners where action_id in "
                 "(select id from actions where document_id = ?)", (document_id,))
    conn.execute("delete from actions where document_id = ?", (document_id,))
    conn.execute("delete from decisions where document_id = ?", (document_id,))
    conn.execute("delete from sections where document_id = ?", (document_id,))
    conn.execute("delete from attendance where meeting_id in "
                 "(select id from meetings where document_id = ?)", (document_id,))
    conn.execute("delete from meetings where document_id = ?", (document_id,))
    # Those of them nobody refers to any more (indexed look-ups, not a scan of every person).
    conn.executemany("delete from people where id = ? "
                     "and not exists (select 1 from attendance where person_id = people.id) "
                     "and not exists (select 1 from action_owners where person_id = people.id)",
                     [(p,) for p in people])


def _upsert_person(conn, body: str, name: str, initials: str | None, variants: set[str]) -> int:
    row = conn.execute("select id, initials, variants from people where body = ? and name = ?",
                       (body, name)).fetchone()
    if row is None:
        person_id = _insert(conn, "people", {
            "body": body, "name": name, "initials": initials,
            "variants": json.dumps(sorted(variants), ensure_ascii=False),
        })
        # Owners of this body's actions loaded before this person was known.
        conn.execute("update action_owners set person_id = ? where person_id is null and owner = ? "
                     "and action_id in (select id from actions where body = ?)", (person_id, name, body))
        return person_id
    person_id, old_initials, old_variants = row
    # min() keeps the result independent of the order documents are loaded in.
    new_initials = min(i for i in (old_initials, initials) if i) if (old_initials or initials) else None
    merged = sorted(set(json.loads(old_variants or "[]")) | variants)
    new_variants = json.dumps(merged, ensure_ascii=False)
    if new_initials != old_initials or new_variants != old_variants:
        conn.execute("update people set initials = ?, variants = ? where id = ?",
                     (new_initials, new_variants, person_id))
    return person_id


def load_extraction(db: sqlite_utils.Database, extraction: Extraction, *, path: str | Path,
                    imported_at: str | None = None, replace: bool = False) -> int:
    """Store one document and everything extracted from it, atomically; return its id.

    `path` is the file as given (stored absolute). If the sha256 is already stored the
    call changes nothing and returns the stored id, unless `replace` is true.
    """
    imported_at = imported_at or utc_now()
    ex = extraction
    info = ex.document
    path = display_path(os.path.abspath(path))
    body = meeting_body(ex, path)
    meeting = ex.meeting
    date = meeting.date
    year = _year(date)

    with db.atomic():
        conn = db.conn
        existing = find_document(db, info.sha256)
        doc_row = {
            "filename": os.path.basename(path), "format": info.format, "pages": info.pages,
            "kind": info.kind, "title": meeting.title, "imported_at": imported_at,
            "extractor_version": ex.extractor_version,
            "warnings": json.dumps(ex.warnings, ensure_ascii=False),
        }
        if existing is not None:
            if not replace:
                return existing["id"]
            document_id = existing["id"]
            _delete_document_rows(conn, document_id)
            doc_row.pop("filename")
            sets = ", ".join(f"[{c}] = ?" for c in doc_row)
            conn.execute(f"update documents set {sets} where id = ?", (*doc_row.values(), document_id))
        else:
            (last,) = conn.execute("select max(version) from documents where path = ?", (path,)).fetchone()
            conn.execute("update documents set is_latest = 0 where path = ?", (path,))
            document_id = _insert(conn, "documents", {
                "sha256": info.sha256, "path": path, **doc_row,
                "version": (last or 0) + 1, "is_latest": 1,
            })

        meeting_id = _insert(conn, "meetings", {
            "document_id": document_id, "body": body, "organisation": meeting.organisation,
            "title": meeting.title, "date": date, "year": year,
            "next_meeting_date": meeting.next_meeting_date,
        })

        # People and attendance. Owner text of an action owned by one attendee alone is a
        # variant of that attendee's name (e.g. "KH" for Karen Hillen).
        attendee_names = {a.name for a in ex.attendees}
        handles: dict[str, set[str]] = {}
        for action in ex.actions:
            if len(action.owners) == 1 and action.owner_text and action.owners[0] in attendee_names:
                handles.setdefault(action.owners[0], set()).add(action.owner_text.strip())
        attended: dict[int, dict] = {}
        for a in ex.attendees:
            variants = {a.name} | ({a.initials} if a.initials else set()) | handles.get(a.name, set())
            variants.discard("")
            person_id = _upsert_person(conn, body, a.name, a.initials, variants)
            if person_id not in attended:  # first listing wins if a name appears twice
                attended[person_id] = {"meeting_id": meeting_id, "person_id": person_id,
                                       "status": a.status, "role": a.role}
        _insert_many(conn, "attendance", list(attended.values()))

        # Actions and their owners.
        people_cache: dict[str, int | None] = {}

        def person_for(name: str) -> int | None:
            if name not in people_cache:
                row = conn.execute("select id from people where body = ? and name = ?", (body, name)).fetchone()
                people_cache[name] = row[0] if row else None
            return people_cache[name]

        for action in ex.actions:
            prov = action.provenance
            action_id = _insert(conn, "actions", {
                "meeting_id": meeting_id, "document_id": document_id, "body": body,
                "meeting_date": date, "year": year, "text": action.text,
                "explicit": int(action.explicit), "owners": ", ".join(action.owners) or None,
                "owner_text": action.owner_text, "due": action.due, "due_text": action.due_text,
                "due_basis": action.due_basis, "status": "open", "section": action.section,
                "page": prov.page, "line": prov.line, "source_text": action.source_text,
                "rule": action.rule,
            })
            seen: set[str] = set()
            owners = []
            for owner in action.owners:
                if owner in seen:
                    continue
                seen.add(owner)
                owners.append({"action_id": action_id, "person_id": person_for(owner), "owner": owner})
            _insert_many(conn, "action_owners", owners)

        _insert_many(conn, "decisions", [{
            "meeting_id": meeting_id, "document_id": document_id, "body": body,
            "meeting_date": date, "year": year, "text": d.text, "source_text": d.source_text,
            "section": d.section, "page": d.provenance.page, "line": d.provenance.line,
            "rule": d.rule,
        } for d in ex.decisions])

        _insert_many(conn, "sections", [{
            "document_id": document_id, "meeting_id": meeting_id, "heading": s.heading,
            "text": s.text, "page": s.provenance.page, "line": s.provenance.line,
        } for s in ex.sections])

        # This file now loads: forget its earlier failures and skips.
        conn.execute("delete from import_errors where path = ?", (path,))
        conn.execute("delete from import_skipped where path = ?", (path,))
    return document_id


def record_error(db: sqlite_utils.Database, *, path: str | Path, sha256: str | None, error_class: str,
                 message: str, occurred_at: str | None = None) -> None:
    """Record why a file could not be imported, replacing earlier errors for that path."""
    path = display_path(os.path.abspath(path))
    message = clean_text(message) if message else message
    with db.atomic():
        db.conn.execute("delete from import_errors where path = ?", (path,))
        db.conn.execute("delete from import_skipped where path = ?", (path,))
        _insert(db.conn, "import_errors", {
            "path": path, "sha256": sha256, "error_class": error_class, "message": message,
            "occurred_at": occurred_at or utc_now(),
        })


def record_skips(db: sqlite_utils.Database, skips: list[tuple[str | Path, str, int | None]],
                 occurred_at: str | None = None) -> None:
    """Record files passed over, as (path, reason, id of the document it duplicates or None),
    in one transaction, replacing earlier errors and skips of those paths."""
    if not skips:
        return
    occurred_at = occurred_at or utc_now()
    with db.atomic():
        conn = db.conn
        for path, reason, duplicate_of in skips:
            path = display_path(os.path.abspath(path))
            conn.execute("delete from import_errors where path = ?", (path,))
            conn.execute("delete from import_skipped where path = ?", (path,))
            _insert(conn, "import_skipped", {"path": path, "reason": clean_text(reason),
                                             "duplicate_of": duplicate_of, "occurred_at": occurred_at})
