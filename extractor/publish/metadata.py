"""Datasette metadata for a minutebook database: what every table and column means.

`build_metadata(name)` returns Datasette 0.65 metadata for a database served under
`name` (Datasette names a database after its file: ``minutebook.db`` → ``minutebook``).
It holds the instance title and description, a description of every table, view and
column, default facets and sort orders, full-text search settings, and three canned
read-only queries:

- ``actions_for_person``          (:person)    actions owned by a person, by name, initials or
                                                the owner as written
- ``when_was_this_action_raised`` (:action_id) the action's meeting, document, page, line and
                                                the sentence it came from
- ``decisions_mentioning``        (:term)      full-text search of decisions

Print it as JSON with ``python -m extractor.publish.metadata [NAME]`` (to run
``datasette DB --metadata metadata.json`` by hand).
"""
from __future__ import annotations

import copy
import json
import sys

DEFAULT_DATABASE = "minutebook"

TITLE = "Minutebook"
DESCRIPTION = (
    "Attendees, actions (with owners and deadlines) and decisions extracted from archives of "
    "meeting minutes. Every action and decision links back to the file, page and line it was "
    "read from. The record is extracted automatically: check the source before relying on it."
)

# Provenance columns shared by actions, decisions and sections.
_PROVENANCE = {
    "document_id": "The imported file this was read from (see documents).",
    "page": "Page of the source file (PDFs only; empty for text formats).",
    "line": "Line on that page (PDF) or in the file (text formats). Links to the source file.",
}

TABLES: dict[str, dict] = {
    "documents": {
        "description": (
            "One row per imported file version. A file whose content changed is stored again as "
            "a new version; only the latest version of each path counts in the views."
        ),
        "sort_desc": "imported_at",
        "facets": ["format", "kind", "is_latest"],
        "label_column": "filename",
        "columns": {
            "id": "Document number.",
            "sha256": "SHA-256 of the file's bytes: identifies this exact version of the file.",
            "path": "Absolute path of the file when it was imported.",
            "filename": "File name, without folders.",
            "format": "File format: pdf, docx, txt, md or html.",
            "pages": "Number of pages (PDFs only).",
            "kind": "What the document is: minutes, notes, letter, agenda, action-log or other.",
            "title": "Meeting title read from the document.",
            "imported_at": "When the file was imported (UTC, ISO 8601).",
            "extractor_version": "Version of minutebook that extracted it.",
            "version": "1 for the first content seen at this path, 2 for the next, and so on.",
            "is_latest": "1 if this is the latest version of the file at this path, else 0.",
            "warnings": "Problems met while reading the file (JSON list), e.g. pages without text.",
        },
    },
    "meetings": {
        "description": "One row per document: the meeting (or letter) it records.",
        "sort_desc": "date",
        "facets": ["body", "year"],
        "label_column": "date",
        "columns": {
            "id": "Meeting number.",
            "document_id": "The document recording this meeting.",
            "body": "The committee or group that met: organisation and meeting title without its number, else the folder of the file.",
            "organisation": "The organisation the body belongs to, when stated.",
            "title": "Meeting title as written in the document.",
            "date": "Date of the meeting (ISO 8601); for a letter, the letter's date.",
            "year": "Year of the meeting.",
            "next_meeting_date": "Date of the next meeting, when the minutes give it.",
        },
    },
    "people": {
        "description": (
            "People named as attendees, one row per person per body. Owners of actions are "
            "matched to these people by name."
        ),
        "sort": "name",
        "facets": ["body"],
        "label_column": "name",
        "columns": {
            "id": "Person number.",
            "body": "The body whose meetings this person attended.",
            "name": "Full name as listed among attendees.",
            "initials": "Initials used for the person in the minutes, e.g. in ACTION: lines.",
            "variants": "Every way the person was written (JSON list): names, initials, owner text.",
        },
    },
    "attendance": {
        "description": "Who attended each meeting, sent apologies or was absent.",
        "facets": ["status", "role"],
        "columns": {
            "id": "Attendance record number.",
            "meeting_id": "The meeting.",
            "person_id": "The person.",
            "status": "present, in_attendance (officers, guests), apologies or absent.",
            "role": "Role at the meeting when stated, e.g. Chair, Clerk.",
        },
    },
    "actions": {
        "description": (
            "Actions recorded in minutes: who must do what, by when. Each action links to the "
            "page and line it was read from. Search covers the action, its sentence and owners."
        ),
        "sort_desc": "meeting_date",
        # "owner": one entry per owner from action_owners (see extractor.publish.plugin).
        "facets": [{"owner": "id"}, "body", "year", "explicit", "status"],
        "fts_table": "actions_fts",
        "fts_pk": "id",
        "columns": {
            "id": "Action number.",
            "meeting_id": "The meeting at which the action was recorded.",
            "document_id": _PROVENANCE["document_id"],
            "body": "The committee or group whose meeting recorded it.",
            "meeting_date": "Date of that meeting.",
            "year": "Year of that meeting.",
            "text": "The task, in the document's own words.",
            "explicit": (
                "1 if the minutes mark it as an action (ACTION line, action table or list); "
                "0 if it was inferred from a sentence such as 'X will ...'."
            ),
            "owners": "Who owns the action, names resolved where possible (comma-separated).",
            "owner_text": "The owner as written in the minutes, e.g. initials.",
            "due": "Deadline as an ISO date, or YYYY-MM when only the month is known.",
            "due_text": "The deadline as written, e.g. 'by the next meeting'.",
            "due_basis": (
                "How the deadline was worked out: explicit_date, next_meeting, month, relative "
                "or meeting_reference."
            ),
            "status": "Status of the action; every extracted action starts 'open'.",
            "section": "The heading or agenda item the action stands under.",
            "page": _PROVENANCE["page"],
            "line": _PROVENANCE["line"],
            "source_text": "The whole sentence or line the action was read from.",
            "rule": "The extraction rule that found it (for checking the extraction).",
        },
    },
    "action_owners": {
        "description": "One row per owner of each action, linked to people when the name is known.",
        "facets": ["owner"],
        "sort": "owner",
        "columns": {
            "id": "Row number.",
            "action_id": "The action.",
            "person_id": "The person, when the owner matches an attendee of the same body.",
            "owner": "Owner name (resolved from initials where possible).",
        },
    },
    "decisions": {
        "description": (
            "Decisions recorded in minutes (resolved, agreed, approved ...), with the page and "
            "line they were read from."
        ),
        "sort_desc": "meeting_date",
        "facets": ["body", "year"],
        "fts_table": "decisions_fts",
        "fts_pk": "id",
        "columns": {
            "id": "Decision number.",
            "meeting_id": "The meeting that took the decision.",
            "document_id": _PROVENANCE["document_id"],
            "body": "The committee or group that decided.",
            "meeting_date": "Date of that meeting.",
            "year": "Year of that meeting.",
            "text": "The decision, in the document's own words.",
            "source_text": "The whole sentence or line the decision was read from.",
            "section": "The heading or agenda item it stands under.",
            "page": _PROVENANCE["page"],
            "line": _PROVENANCE["line"],
            "rule": "The extraction rule that found it (for checking the extraction).",
        },
    },
    "sections": {
        "description": "The full text of the minutes, by heading or agenda item, for searching.",
        "fts_table": "sections_fts",
        "fts_pk": "id",
        "columns": {
            "id": "Section number.",
            "document_id": _PROVENANCE["document_id"],
            "meeting_id": "The meeting.",
            "heading": "Heading or agenda item (empty for text before the first heading).",
            "text": "The text under the heading.",
            "page": "Page where the section starts (PDFs only).",
            "line": "Line where the section starts. Links to the source file.",
        },
    },
    "import_errors": {
        "description": "Files that could not be imported, and why. A file that later imports is removed.",
        "sort_desc": "occurred_at",
        "facets": ["error_class"],
        "columns": {
            "id": "Row number.",
            "path": "Absolute path of the file.",
            "sha256": "SHA-256 of the file, when it could be read.",
            "error_class": "Kind of failure, e.g. a file that is not a valid PDF or took too long.",
            "message": "What went wrong.",
            "occurred_at": "When the import failed (UTC, ISO 8601).",
        },
    },
    "import_skipped": {
        "description": ("Files an import passed over, and why: not minutes by their name, a format "
                        "not read yet, a copy of a document already imported, a link out of the "
                        "folders imported, a named pipe or device. A file that later imports is removed."),
        "sort_desc": "occurred_at",
        "facets": ["reason"],
        "columns": {
            "id": "Row number.",
            "path": "Absolute path of the file.",
            "reason": "Why the file was not imported.",
            "duplicate_of": "The document with the same content, for a copy of a file already imported.",
            "occurred_at": "When the import passed the file over (UTC, ISO 8601).",
        },
    },
    "open_actions_by_owner": {
        "description": (
            "Open actions, one row per owner (an action with two owners appears twice), latest "
            "version of each document only. Facet or filter by owner to see one person's actions."
        ),
        "facets": ["owner", "body"],
        "columns": {
            "owner": "Owner of the action (empty when the minutes name none).",
            "body": "The body whose meeting recorded it.",
            "meeting_date": "Date of that meeting.",
            "text": "The task.",
            "due": "Deadline (ISO date or YYYY-MM).",
            "path": "The source file.",
            "page": _PROVENANCE["page"],
            "line": _PROVENANCE["line"],
            "action_id": "The action (see actions).",
        },
    },
    "actions_by_body_year": {
        "description": "Number of actions, and of open actions, per body and year (latest versions only).",
        "facets": ["body"],
        "columns": {
            "body": "The committee or group.",
            "year": "Year of the meetings.",
            "count": "Number of actions recorded.",
            "open_count": "Number of those still open.",
        },
    },
    "decisions_by_meeting": {
        "description": "Decisions by body and meeting date (latest version of each document only).",
        "facets": ["body"],
        "columns": {
            "body": "The body that decided.",
            "meeting_date": "Date of the meeting.",
            "text": "The decision.",
            "path": "The source file.",
            "page": _PROVENANCE["page"],
            "line": _PROVENANCE["line"],
            "decision_id": "The decision (see decisions).",
        },
    },
    "minutebook_meta": {
        "description": "Internal: schema version of this database.",
        "hidden": True,
        "columns": {"key": "Setting name.", "value": "Setting value."},
    },
}

# Full-text index tables (and their shadow tables) are internal.
for _table in ("actions", "decisions", "sections"):
    for _suffix in ("", "_config", "_data", "_docsize", "_idx"):
        TABLES[f"{_table}_fts{_suffix}"] = {"hidden": True}

# Canned queries. Every row carries document_id, filename, page and line, which the plugin
# renders as a link to the source file; action_id / decision_id link to the record.
QUERIES: dict[str, dict] = {
    "actions_for_person": {
        "title": "Actions for a person",
        "description": (
            "Actions owned by a person, newest meetings first. Type a full name, part of a name "
            "(3 letters or more), initials (e.g. MS) or the owner as the minutes wrote it."
        ),
        "sql": """
select
  actions.id as action_id,
  actions.text,
  actions.owners,
  actions.due,
  actions.status,
  actions.body,
  actions.meeting_date,
  documents.id as document_id,
  documents.filename,
  actions.page,
  actions.line
from actions
  join documents on documents.id = actions.document_id
where documents.is_latest = 1
  and trim(:person) != ''
  and (
    actions.id in (
      select action_owners.action_id
      from action_owners
      where action_owners.person_id in (
          select people.id from people
          where people.name = trim(:person) collate nocase
            or people.initials = trim(:person) collate nocase
            or exists (
              select 1 from json_each(coalesce(people.variants, '[]'))
              where json_each.value = trim(:person) collate nocase
            )
        )
        or action_owners.owner = trim(:person) collate nocase
        or (length(trim(:person)) >= 3
            and action_owners.owner like '%' || trim(:person) || '%')
    )
    or actions.owner_text = trim(:person) collate nocase
  )
order by actions.meeting_date desc, actions.id
""".strip(),
    },
    "when_was_this_action_raised": {
        "title": "When was this action raised?",
        "description": (
            "One action with the meeting that recorded it, the source file, page, line and "
            "sentence, and the first meeting of the same body recording the same task."
        ),
        "sql": """
select
  actions.id as action_id,
  actions.text,
  actions.owners,
  actions.owner_text,
  actions.due,
  actions.due_text,
  actions.status,
  meetings.id as meeting_id,
  meetings.body,
  meetings.title as meeting_title,
  meetings.date as meeting_date,
  (select min(earlier.meeting_date) from actions as earlier
    where earlier.body = actions.body and lower(earlier.text) = lower(actions.text)) as first_raised,
  documents.id as document_id,
  documents.path,
  documents.filename,
  documents.version,
  documents.is_latest,
  actions.section,
  actions.page,
  actions.line,
  actions.source_text
from actions
  join meetings on meetings.id = actions.meeting_id
  join documents on documents.id = actions.document_id
where actions.id = :action_id
""".strip(),
    },
    "decisions_mentioning": {
        "title": "Decisions mentioning a term",
        "description": (
            "Full-text search of decisions and the sentences they came from, newest meetings "
            "first. Several words find decisions containing all of them; quote a phrase."
        ),
        "sql": """
select
  decisions.id as decision_id,
  decisions.text,
  decisions.body,
  decisions.meeting_date,
  documents.id as document_id,
  documents.filename,
  decisions.page,
  decisions.line,
  decisions.source_text
from decisions
  join documents on documents.id = decisions.document_id
where documents.is_latest = 1
  and decisions.id in (
    select rowid from decisions_fts
    where decisions_fts match coalesce(nullif(escape_fts(:term), ''), '""')
  )
order by decisions.meeting_date desc, decisions.id
""".strip(),
    },
}


def build_metadata(database: str = DEFAULT_DATABASE) -> dict:
    """Datasette metadata for a minutebook database served under the name `database`."""
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "databases": {
            database: {
                "title": "Minutes",
                "description": (
                    "Start with actions, decisions or the canned queries below. The open_actions_by_owner "
                    "view lists each person's open actions."
                ),
                "tables": copy.deepcopy(TABLES),
                "queries": copy.deepcopy(QUERIES),
            }
        },
    }


def merge(base: dict, extra: dict) -> dict:
    """`base` updated by `extra`, recursively for nested dicts (extra wins)."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


if __name__ == "__main__":  # pragma: no cover
    print(json.dumps(build_metadata(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DATABASE), indent=2))
