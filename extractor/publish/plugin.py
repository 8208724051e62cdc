"""Datasette plugin: provenance links, the routes serving imported source files, read-only.

- `render_cell`: in HTML tables, the `line` cell of any row that carries provenance
  (`document_id` or `path`, plus `page` and `line`: actions, decisions, sections, the
  views and the canned queries) reads "minutes.pdf, p. 3, line 14" and links to the
  source: ``/-/minutebook/source/<document_id>#page=3`` for a PDF (the browser's viewer
  opens it at that page), ``/-/minutebook/source/<document_id>/lines#line=14`` for the
  other formats (the file's lines, numbered, scrolled to that line and highlighted).
  `filename` in `documents` links to the file itself. `action_id` / `decision_id` cells
  of views and query results link to the action or decision. Only databases with
  minutebook's `documents` and `minutebook_meta` tables are touched: other databases
  served by the same Datasette render as usual.
- `prepare_connection`: every connection to a minutebook database, Datasette's write
  connection included, is ``PRAGMA query_only``: a write (a canned query marked
  ``write: true``, anything else) fails with "attempt to write a readonly database".
- `register_facet_classes`: the ``owner`` facet of the actions table counts actions per
  owner from `action_owners` (an action with two owners counts for both); choosing an
  owner filters with Datasette's ``_through`` filter on `action_owners`.
- `register_routes`: ``/-/minutebook/source/<document_id>`` returns the bytes of a file
  registered in the `documents` table (never any other path): PDFs as application/pdf,
  DOCX with its MIME type, text formats (including HTML) as text/plain.
  ``/-/minutebook/source/<document_id>/lines`` shows the file's lines numbered as the
  provenance counts them, each with the anchor ``#line=N``: the file's own lines for
  text, Markdown and HTML; for DOCX the paragraphs (and table cell paragraphs) one to a
  line, as the DOCX reader numbers them; for a PDF, the link to its pages. Both return
  404 when the id is unknown, the file is gone or its content is no longer the imported
  version. With several databases served, ``?db=NAME`` picks one.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import os
import sqlite3
import weakref
from pathlib import Path
from urllib.parse import quote

import markupsafe
from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import path_with_added_args, path_with_removed_args
from datasette.utils.asgi import Response

SOURCE_ROUTE = "-/minutebook/source"
LINES_TEMPLATE = Path(__file__).with_name("templates") / "minutebook_source_lines.html"

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
TEXT_FORMATS = {"txt", "md", "html"}
LINE_FORMATS = TEXT_FORMATS | {"docx"}  # formats whose provenance links open the numbered lines
RECORD_LINKS = {"action_id": "actions", "decision_id": "decisions"}
VIEWS = {"open_actions_by_owner", "decisions_by_meeting"}


def provenance_label(filename: str | None, page, line) -> str:
    """'minutes.pdf, p. 3, line 14' (parts that are unknown are left out)."""
    parts = [filename or "source"]
    if page is not None:
        parts.append(f"p. {page}")
    if line is not None:
        parts.append(f"line {line}")
    return ", ".join(parts)


def _get(row, key):
    """A row's value; a foreign key Datasette expanded to {value, label} gives both."""
    value = row[key]
    if isinstance(value, dict):
        return value.get("value"), value.get("label")
    return value, None


def _source_url(datasette, database: str, document_id, page=None, *, fmt=None, line=None) -> str:
    """The link to a document's source: the file (at `page` for a PDF), or, for a format
    numbered by lines, the numbered lines at `line`."""
    lines = fmt in LINE_FORMATS and page is None
    url = datasette.urls.path(f"{SOURCE_ROUTE}/{int(document_id)}" + ("/lines" if lines else ""))
    if database != _default_database(datasette):
        url += "?db=" + quote(database, safe="")
    if lines:
        if line is not None:
            url += f"#line={int(line)}"
    elif page is not None:
        url += f"#page={int(page)}"
    return url


def _default_database(datasette) -> str | None:
    for name, db in datasette.databases.items():
        if name != "_internal" and not db.is_memory:
            return name
    return None


_MINUTEBOOK_DBS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


async def _is_minutebook(datasette, database: str) -> bool:
    db = datasette.get_database(database)
    if db not in _MINUTEBOOK_DBS:
        _MINUTEBOOK_DBS[db] = await db.table_exists("documents") and await db.table_exists("minutebook_meta")
    return _MINUTEBOOK_DBS[db]


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if column in RECORD_LINKS and (table is None or table in VIEWS):
        if isinstance(value, int):  # query results and views have no links of their own
            return _record_link(value, column, database, datasette)
        return None
    if table == "documents" and column == "filename" and value and "id" in row.keys():
        return _document_link(row, value, database, datasette)
    if column != "line":
        return None
    keys = set(row.keys())
    if "page" not in keys or not ({"document_id", "path"} & keys):
        return None
    return _render_provenance(row, keys, database, datasette)


async def _record_link(value: int, column: str, database: str, datasette):
    if not await _is_minutebook(datasette, database):
        return None
    href = datasette.urls.row(database, RECORD_LINKS[column], str(value))
    return markupsafe.Markup(f'<a href="{markupsafe.escape(href)}">{value}</a>')


async def _document_link(row, value, database: str, datasette):
    document_id = _get(row, "id")[0]
    if not isinstance(document_id, int) or not await _is_minutebook(datasette, database):
        return None
    href = _source_url(datasette, database, document_id, None)
    return markupsafe.Markup(
        f'<a class="minutebook-source" href="{markupsafe.escape(href)}">{markupsafe.escape(value)}</a>')


async def _render_provenance(row, keys, database, datasette):
    if not await _is_minutebook(datasette, database):
        return None
    page, _ = _get(row, "page")
    line, _ = _get(row, "line")
    document_id = filename = None
    if "document_id" in keys:
        document_id, filename = _get(row, "document_id")
    if "filename" in keys:
        filename = _get(row, "filename")[0] or filename
    db = datasette.get_database(database)
    fmt = None
    try:
        if document_id is not None:
            result = await db.execute("select filename, format from documents where id = ?", [document_id])
            if result.rows:
                filename = filename or result.first()[0]
                fmt = result.first()[1]
        elif "path" in keys and _get(row, "path")[0]:
            path = _get(row, "path")[0]
            result = await db.execute(
                "select id, filename, format from documents where path = ? "
                "order by is_latest desc, version desc limit 1",
                [path])
            if result.rows:
                document_id, filename, fmt = result.first()
    except Exception:  # an unexpected row shape: leave the cell alone
        return None
    if not isinstance(document_id, int):
        return None
    label = provenance_label(filename, page, line)
    href = _source_url(datasette, database, document_id, page, fmt=fmt, line=line)
    return markupsafe.Markup(
        f'<a class="minutebook-source" href="{markupsafe.escape(href)}" '
        f'title="Open the source file">{markupsafe.escape(label)}</a>'
    )


def _content_type(fmt: str | None, data: bytes) -> str:
    if fmt in CONTENT_TYPES:
        return CONTENT_TYPES[fmt]
    if fmt in TEXT_FORMATS or fmt is None:
        try:
            data.decode("utf-8")
            return "text/plain; charset=utf-8"
        except UnicodeDecodeError:
            return "text/plain; charset=windows-1252"
    return "application/octet-stream"


async def _not_found(datasette, request, message: str) -> Response:
    html = await datasette.render_template(
        ["404.html", "error.html"],
        {"ok": False, "error": message, "status": 404, "title": None},
        request=request,
    )
    return Response.html(html, status=404)


def _read_file(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


async def _load_source(request, datasette):
    """The document a source route names, with the bytes of its file: a dict, or a 404 Response."""
    if not request.url_vars["document_id"].isdigit():
        return await _not_found(datasette, request, "No such document")
    document_id = int(request.url_vars["document_id"])
    database = request.args.get("db") or _default_database(datasette)
    if database is None or database not in datasette.databases:
        return await _not_found(datasette, request, "No such database")
    await datasette.ensure_permissions(request.actor, [
        ("view-table", (database, "documents")),
        ("view-database", database),
        "view-instance",
    ])
    if not await _is_minutebook(datasette, database):
        return await _not_found(datasette, request, "Not a minutebook database")
    db = datasette.get_database(database)
    result = await db.execute(
        "select path, filename, format, sha256, pages from documents where id = ?", [document_id])
    if not result.rows:
        return await _not_found(datasette, request, f"No document {document_id}")
    path, filename, fmt, sha256, pages = result.first()
    try:
        data = await asyncio.to_thread(_read_file, path)
    except OSError:
        return await _not_found(datasette, request, f"The file of document {document_id} is no longer at {path}")
    if sha256 and hashlib.sha256(data).hexdigest() != sha256:
        return await _not_found(
            datasette, request, f"The file at {path} has changed since document {document_id} was imported")
    return {"id": document_id, "database": database, "path": path, "filename": filename or os.path.basename(path),
            "format": fmt, "pages": pages, "data": data}


async def source(request, datasette):
    """The imported file for one document id."""
    doc = await _load_source(request, datasette)
    if isinstance(doc, Response):
        return doc
    name = doc["filename"]
    ascii_name = name.encode("ascii", "replace").decode().replace('"', "").replace("\\", "")
    return Response(
        doc["data"],
        content_type=_content_type(doc["format"], doc["data"]),
        headers={
            "content-disposition": f'inline; filename="{ascii_name}"; filename*=UTF-8\'\'{quote(name)}',
            "x-content-type-options": "nosniff",
        },
    )


def _decode(data: bytes) -> str:
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    for enc in ("utf-8", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def text_lines(data: bytes, fmt: str | None = None) -> list[str]:
    """A text file's lines, counted as the readers count them: line N is [N-1]. Line breaks
    are LF, CRLF and CR, and in plain text and Markdown also a form feed."""
    text = _decode(data).replace("\r\n", "\n").replace("\r", "\n")
    if fmt != "html":
        text = text.replace("\f", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def docx_lines(path: str) -> list[str]:
    """A DOCX's lines as the DOCX reader numbers them: each paragraph, table cell paragraph
    and soft line break on a line of its own; line N is [N-1] ('' where nothing was read)."""
    from extractor.readers import read_document

    document = read_document(path)
    found: dict[int, str] = {}

    def take(text: str, lines) -> None:
        for k, ln in enumerate(lines):
            end = lines[k + 1].start if k + 1 < len(lines) else len(text)
            found.setdefault(ln.line, text[ln.start:end].strip("\n"))

    for block in document.blocks:
        if block.rows:
            for row in block.rows:
                for cell in row:
                    take(cell.text, cell.lines)
        else:
            take(block.text, block.lines)
    return [found.get(n, "") for n in range(1, max(found, default=0) + 1)]


async def source_lines(request, datasette):
    """A document's lines, numbered as provenance counts them, each with the anchor #line=N."""
    doc = await _load_source(request, datasette)
    if isinstance(doc, Response):
        return doc
    fmt = doc["format"]
    raw_url = _source_url(datasette, doc["database"], doc["id"])
    lines, problem = [], None
    if fmt == "pdf":
        problem = "A PDF is shown by the browser's own viewer, page by page."
    elif fmt == "docx":
        try:
            lines = await asyncio.to_thread(docx_lines, doc["path"])
        except Exception as e:  # the file imported once; say why it does not read now
            problem = f"The file could not be read again: {e}"
    else:
        lines = text_lines(doc["data"], fmt)
    template = datasette.jinja_env.from_string(LINES_TEMPLATE.read_text(encoding="utf-8"))
    html = await datasette.render_template(template, {
        "document_id": doc["id"],
        "database": doc["database"],
        "filename": doc["filename"],
        "format": fmt,
        "pages": doc["pages"],
        "raw_url": raw_url,
        "lines": lines,
        "problem": problem,
    }, request=request)
    return Response.html(html)


class OwnerFacet(Facet):
    """Facet the actions table by owner, one owner at a time (metadata: ``{"owner": "id"}``)."""

    type = "owner"

    async def suggest(self):
        return []

    def _through(self, owner: str) -> dict:
        return {"table": "action_owners", "column": "owner", "value": owner}

    async def facet_results(self):
        configs = self.get_configs()
        if self.table != "actions" or not configs:
            return [], []
        chosen = {}  # owner -> the _through argument exactly as in the query string
        for arg in self.request.args.getlist("_through"):
            try:
                data = json.loads(arg)
            except ValueError:
                continue
            if isinstance(data, dict) and data.get("table") == "action_owners" and data.get("column") == "owner":
                chosen[str(data.get("value"))] = arg
        size = self.get_facet_size()
        sql = f"""
            select owner as value, count(distinct action_id) as count from action_owners
            where action_id in (select id from ({self.sql}))
            group by owner order by count desc, owner limit {size + 1}"""
        try:
            found = await self.ds.execute(self.database, sql, self.params, truncate=False,
                                          custom_time_limit=self.ds.setting("facet_time_limit_ms"))
        except QueryInterrupted:
            return [], ["owner"]
        values = []
        for row in found.rows[:size]:
            owner = row["value"]
            if owner in chosen:
                path = path_with_removed_args(self.request, {"_through": chosen[owner]})
            else:
                path = path_with_added_args(self.request, {"_through": json.dumps(self._through(owner))})
            values.append({
                "value": owner, "label": owner, "count": row["count"], "selected": owner in chosen,
                "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(path)),
            })
        return [{
            "name": "owner", "type": self.type, "hideable": configs[0]["source"] != "metadata",
            "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet_owner": "id"})),
            "results": values, "truncated": len(found.rows) > size,
        }], []


def _has_minutebook_tables(conn) -> bool:
    found = conn.execute(
        "select count(*) from sqlite_master where type = 'table' and name in ('documents', 'minutebook_meta')"
    ).fetchone()[0]
    return found == 2


@hookimpl
def prepare_connection(conn, database, datasette):
    """Every connection to a minutebook database is query-only, Datasette's write connection too."""
    if database in ("_internal", "_memory"):
        return
    try:
        if _has_minutebook_tables(conn):
            conn.execute("pragma query_only = 1")
    except sqlite3.Error:  # not readable as a database: Datasette reports that itself
        pass


@hookimpl
def register_facet_classes():
    return [OwnerFacet]


@hookimpl
def register_routes():
    # Any id, so that a bad one gets this route's 404 rather than Datasette's generic one.
    return [
        (rf"^/{SOURCE_ROUTE}/(?P<document_id>[^/]+)/lines$", source_lines),
        (rf"^/{SOURCE_ROUTE}/(?P<document_id>[^/]+)$", source),
    ]
