"""The SQLite schema minutebook stores extractions in, created and migrated with sqlite-utils.

`ensure_schema(db)` is idempotent: it creates what is missing (tables, columns, indexes,
full-text indexes, views) and never drops data. Run it on every open; `open_db()` does.

Tables (one row per ...):

- ``documents``       imported file version (sha256 unique; `version`/`is_latest` per path)
- ``meetings``        document's meeting (one per document); `body` names the committee
- ``people``          person of a body (UNIQUE body, name); `variants` lists names/initials seen
- ``attendance``      person at a meeting (status present / in_attendance / apologies / absent)
- ``actions``         action, with its owners as display text and its provenance
- ``action_owners``   owner of an action; `person_id` when the owner is a person of the body
- ``decisions``       decision, with provenance
- ``sections``        the minutes' text by heading, for full-text search
- ``import_errors``   file that could not be imported, with the error class and message
- ``import_skipped``  file an import passed over, with the reason (not minutes by its name, a
                      format not read, a duplicate of document N, a link out of the folders
                      imported, a named pipe ...)
- ``minutebook_meta`` key/value: ``schema_version``

Views: ``open_actions_by_owner``, ``actions_by_body_year``, ``decisions_by_meeting`` (all
over the latest version of each document only).
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

SCHEMA_VERSION = 1

# Column definitions in order. Types are sqlite-utils Python types.
TABLES: dict[str, dict] = {
    "minutebook_meta": {
        "columns": {"key": str, "value": str},
        "pk": "key",
    },
    "documents": {
        "columns": {
            "id": int, "sha256": str, "path": str, "filename": str, "format": str, "pages": int,
            "kind": str, "title": str, "imported_at": str, "extractor_version": str,
            "version": int, "is_latest": int, "warnings": str,
        },
        "pk": "id",
        "not_null": {"sha256", "path"},
        "defaults": {"version": 1, "is_latest": 1, "warnings": "[]"},
        "unique": [("sha256",)],
        "indexes": [("path",), ("format",), ("kind",), ("is_latest",)],
    },
    "meetings": {
        "columns": {
            "id": int, "document_id": int, "body": str, "organisation": str, "title": str,
            "date": str, "year": int, "next_meeting_date": str,
        },
        "pk": "id",
        "foreign_keys": [("document_id", "documents", "id")],
        "not_null": {"document_id", "body"},
        "unique": [("document_id",)],
        "indexes": [("body",), ("organisation",), ("year",), ("date",)],
    },
    "people": {
        "columns": {"id": int, "body": str, "name": str, "initials": str, "variants": str},
        "pk": "id",
        "not_null": {"body", "name"},
        "defaults": {"variants": "[]"},
        "unique": [("body", "name")],
        "indexes": [("body",), ("name",)],
    },
    "attendance": {
        "columns": {"id": int, "meeting_id": int, "person_id": int, "status": str, "role": str},
        "pk": "id",
        "foreign_keys": [("meeting_id", "meetings", "id"), ("person_id", "people", "id")],
        "not_null": {"meeting_id", "person_id"},
        "unique": [("meeting_id", "person_id")],
        "indexes": [("meeting_id",), ("person_id",), ("status",)],
    },
    "actions": {
        "columns": {
            "id": int, "meeting_id": int, "document_id": int, "body": str, "meeting_date": str,
            "year": int, "text": str, "explicit": int, "owners": str, "owner_text": str,
            "due": str, "due_text": str, "due_basis": str, "status": str, "section": str,
            "page": int, "line": int, "source_text": str, "rule": str,
        },
        "pk": "id",
        "foreign_keys": [("meeting_id", "meetings", "id"), ("document_id", "documents", "id")],
        "not_null": {"meeting_id", "document_id", "text"},
        "defaults": {"status": "open"},
        "indexes": [("meeting_id",), ("document_id",), ("body",), ("year",), ("status",),
                    ("explicit",), ("due",), ("due_basis",), ("rule",)],
    },
    "action_owners": {
        "columns": {"id": int, "action_id": int, "person_id": int, "owner": str},
        "pk": "id",
        "foreign_keys": [("action_id", "actions", "id"), ("person_id", "people", "id")],
        "not_null": {"action_id", "owner"},
        "indexes": [("action_id",), ("person_id",), ("owner",)],
    },
    "decisions": {
        "columns": {
            "id": int, "meeting_id": int, "document_id": int, "body": str, "meeting_date": str,
            "year": int, "text": str, "source_text": str, "section": str, "page": int,
            "line": int, "rule": str,
        },
        "pk": "id",
        "foreign_keys": [("meeting_id", "meetings", "id"), ("document_id", "documents", "id")],
        "not_null": {"meeting_id", "document_id", "text"},
        "indexes": [("meeting_id",), ("document_id",), ("body",), ("year",), ("rule",)],
    },
    "sections": {
        "columns": {
            "id": int, "document_id": int, "meeting_id": int, "heading": str, "text": str,
            "page": int, "line": int,
        },
        "pk": "id",
        "foreign_keys": [("document_id", "documents", "id"), ("meeting_id", "meetings", "id")],
        "not_null": {"document_id", "meeting_id"},
        "indexes": [("document_id",), ("meeting_id",)],
    },
    "import_errors": {
        "columns": {
            "id": int, "path": str, "sha256": str, "error_class": str, "message": str,
            "occurred_at": str,
        },
        "pk": "id",
        "not_null": {"path", "error_class"},
        "indexes": [("path",), ("sha256",), ("error_class",)],
    },
    "import_skipped": {
        "columns": {"id": int, "path": str, "reason": str, "duplicate_of": int, "occurred_at": str},
        "pk": "id",
        "not_null": {"path", "reason"},
        "unique": [("path",)],
        "indexes": [("reason",), ("duplicate_of",)],
    },
}

# Full-text search (FTS5, kept in step by triggers).
FTS: dict[str, list[str]] = {
    "actions": ["text", "source_text", "owners", "owner_text"],
    "decisions": ["text", "source_text"],
    "sections": ["heading", "text"],
}

VIEWS: dict[str, str] = {
    # One row per owner per open action; an action without owner appears once, owner NULL.
    "open_actions_by_owner": """
select
  action_owners.owner as owner,
  actions.body as body,
  actions.meeting_date as meeting_date,
  actions.text as text,
  actions.due as due,
  documents.path as path,
  actions.page as page,
  actions.line as line,
  actions.id as action_id
from actions
  join documents on documents.id = actions.document_id
  left join action_owners on action_owners.action_id = actions.id
where actions.status = 'open' and documents.is_latest = 1
order by owner, actions.due, actions.meeting_date, actions.id""".strip(),
    "actions_by_body_year": """
select
  actions.body as body,
  actions.year as year,
  count(*) as "count",
  sum(case when actions.status = 'open' then 1 else 0 end) as open_count
from actions
  join documents on documents.id = actions.document_id
where documents.is_latest = 1
group by actions.body, actions.year
order by actions.body, actions.year""".strip(),
    "decisions_by_meeting": """
select
  decisions.body as body,
  decisions.meeting_date as meeting_date,
  decisions.text as text,
  documents.path as path,
  decisions.page as page,
  decisions.line as line,
  decisions.id as decision_id
from decisions
  join documents on documents.id = decisions.document_id
where documents.is_latest = 1
order by decisions.body, decisions.meeting_date, decisions.id""".strip(),
}

# Child tables first: the order rows of one document are deleted in.
DOCUMENT_TABLES = ["action_owners", "actions", "decisions", "attendance", "sections", "meetings",
                   "documents"]


def open_db(path: str | Path | sqlite3.Connection, *, wal: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) a minutebook database: foreign keys on, WAL, schema current."""
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 30000")
    if wal and not db.memory:
        db.enable_wal()
    ensure_schema(db)
    return db


def _index_name(table: str, columns: tuple[str, ...], unique: bool) -> str:
    return f"{'ux' if unique else 'idx'}_{table}_{'_'.join(columns)}"


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create or migrate every table, index, full-text index and view. Idempotent."""
    with db.atomic():
        for name, spec in TABLES.items():
            table = db.table(name)
            if not table.exists():
                table.create(
                    spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys"),
                    not_null=spec.get("not_null"), defaults=spec.get("defaults"),
                )
            else:
                have = set(table.columns_dict)
                for col, typ in spec["columns"].items():
                    if col not in have:
                        table.add_column(col, typ, not_null_default=(spec.get("defaults") or {}).get(col))
            for cols in spec.get("unique", []):
                table.create_index(list(cols), index_name=_index_name(name, cols, True), unique=True,
                                   if_not_exists=True)
            for cols in spec.get("indexes", []):
                table.create_index(list(cols), index_name=_index_name(name, cols, False),
                                   if_not_exists=True)
        for name, columns in FTS.items():
            table = db.table(name)
            fts = table.detect_fts()
            if fts is None:
                table.enable_fts(columns, create_triggers=True)
            elif set(db.table(fts).columns_dict) != set(columns):
                table.enable_fts(columns, create_triggers=True, replace=True)
        for name, sql in VIEWS.items():
            db.create_view(name, sql, replace=True)
        db.table("minutebook_meta").upsert({"key": "schema_version", "value": str(SCHEMA_VERSION)},
                                           pk="key")


def schema_version(db: sqlite_utils.Database) -> int | None:
    if not db.table("minutebook_meta").exists():
        return None
    rows = list(db.query("select value from minutebook_meta where key = 'schema_version'"))
    return int(rows[0]["value"]) if rows else None
