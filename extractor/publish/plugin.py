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
  On every connection one function call is bounded too (`sqlsafety`): ``printf`` widths
  over 10,000 are refused and no string or blob grows past 32 MiB, since the time limit
  cannot stop a single call.
- `register_facet_classes`: the ``owner`` facet of the actions table counts actions per
  owner from `action_owners` (an action with two owners counts for both); choosing an
  owner filters with Datasette's ``_through`` filter on `action_owners`.
- `register_routes`: ``/-/minutebook/source/<document_id>`` sends, in chunks, a file
  registered in the `documents` table (never any other path, and only a regular file
  still holding the imported content): PDFs as application/pdf, DOCX with its MIME type,
  text formats (including HTML) as text/plain; the file name goes in the header as an
  ASCII fallback plus RFC 5987 ``filename*``, whatever characters it holds.
  ``/-/minutebook/source/<document_id>/lines`` shows the file's lines numbered as the
  provenance counts them, each with the anchor ``#line=N``: the file's own lines for
  text, Markdown and HTML; for DOCX the paragraphs (and table cell paragraphs) one to a
  line, as the DOCX reader numbers them; for a PDF, the link to its pages. Both return
  404 when the id is unknown or out of range, the file is gone, is no longer a regular
  file or its content is no longer the imported version. With several databases served, ``?db=NAME`` picks one.
"""
from __future__ import annotations

import asyncio
import codecs
import hashlib
import json
import os
import sqlite3
import weakref
from collections import OrderedDict
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote

import markupsafe
from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import path_with_added_args, path_with_removed_args
from datasette.utils.asgi import Response

from extractor.errors import MinutebookError
from extractor.paths import fs_path
from extractor.publish.sqlsafety import limit_connection

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
    """The Content-Type of a source file, from its format and (text) its first bytes."""
    if fmt in CONTENT_TYPES:
        return CONTENT_TYPES[fmt]
    if fmt in TEXT_FORMATS or fmt is None:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
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


MAX_ID = 2**63 - 1  # SQLite's largest integer
_VERIFIED: OrderedDict = OrderedDict()  # (path, dev, inode, size, mtime) -> sha256 read from that file
_VERIFIED_MAX = 256


def _open_source(path: str, sha256: str | None) -> tuple[BinaryIO, int] | str:
    """The imported file, opened and checked: (file at its start, size), or why not.

    Only a regular file is opened (a named pipe or device put in its place is refused
    without blocking), and only if it still holds the imported content: its sha256 is read
    in chunks once per version of the file, not into memory on every request."""
    from extractor.readers import open_regular

    candidates = [path] if fs_path(path) == path else [path, fs_path(path)]
    f = None
    for candidate in candidates:
        try:
            f = open_regular(Path(candidate))
            break
        except MinutebookError as e:
            if e.reason != "no such file":
                return f"The file at {path} is {e.reason}"
        except OSError as e:
            return f"The file at {path} cannot be read ({e.strerror or e})"
    if f is None:
        return f"The file is no longer at {path}"
    try:
        st = os.fstat(f.fileno())
        key = (path, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        if sha256 and _VERIFIED.get(key) != sha256:
            h = hashlib.sha256()
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
            if h.hexdigest() != sha256:
                f.close()
                return f"The file at {path} has changed since it was imported"
            _VERIFIED[key] = sha256
            while len(_VERIFIED) > _VERIFIED_MAX:
                _VERIFIED.popitem(last=False)
            f.seek(0)
        return f, st.st_size
    except BaseException:
        f.close()
        raise


class _FileResponse:
    """A file sent in chunks (never read into memory whole); closes it when done."""

    def __init__(self, f: BinaryIO, size: int, content_type: str, headers: dict[str, str]):
        self.f, self.size = f, size
        self.headers = {**headers, "content-type": content_type, "content-length": str(size)}

    async def asgi_send(self, send) -> None:
        try:
            await send({"type": "http.response.start", "status": 200,
                        "headers": [[k.encode("latin-1"), v.encode("latin-1")] for k, v in self.headers.items()]})
            left = self.size
            while left > 0:
                chunk = await asyncio.to_thread(self.f.read, min(left, 1 << 16))
                if not chunk:
                    break
                left -= len(chunk)
                await send({"type": "http.response.body", "body": chunk, "more_body": left > 0})
            if left > 0:  # the file shrank while it was sent
                await send({"type": "http.response.body", "body": b"", "more_body": False})
        finally:
            self.f.close()


def content_disposition(name: str) -> str:
    """``inline`` with the file name, safe in a header whatever the name holds (quotes,
    newlines, non-ASCII): an ASCII fallback and the exact name as RFC 5987 ``filename*``."""
    fallback = "".join(c if " " <= c <= "~" and c not in '"\\' else "_" for c in name) or "source"
    return f"inline; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


async def _load_source(request, datasette, *, read: bool = False):
    """The document a source route names, with its file opened and checked (with `read`,
    the bytes of a text format instead): a dict, or a 404 Response."""
    raw_id = request.url_vars["document_id"]
    if not (raw_id.isascii() and raw_id.isdigit()) or int(raw_id) > MAX_ID:
        return await _not_found(datasette, request, "No such document")
    document_id = int(raw_id)
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
    opened = await asyncio.to_thread(_open_source, path, sha256)
    if isinstance(opened, str):
        return await _not_found(datasette, request, f"{opened} (document {document_id})")
    f, size = opened
    doc = {"id": document_id, "database": database, "path": path, "filename": filename or os.path.basename(path),
           "format": fmt, "pages": pages, "file": f, "size": size}
    if read:  # the text of a text format (within the readers' size limits); other files closed
        try:
            doc["data"] = await asyncio.to_thread(f.read) if fmt in TEXT_FORMATS else b""
        finally:
            f.close()
    return doc


async def source(request, datasette):
    """The imported file for one document id, sent in chunks."""
    doc = await _load_source(request, datasette)
    if isinstance(doc, Response):
        return doc
    f = doc["file"]
    try:
        head = await asyncio.to_thread(f.read, 1 << 16)
        f.seek(0)
    except BaseException:
        f.close()
        raise
    return _FileResponse(f, doc["size"], _content_type(doc["format"], head), {
        "content-disposition": content_disposition(doc["filename"]),
        "x-content-type-options": "nosniff",
    })


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
    doc = await _load_source(request, datasette, read=True)
    if isinstance(doc, Response):
        return doc
    fmt = doc["format"]
    raw_url = _source_url(datasette, doc["database"], doc["id"])
    lines, problem = [], None
    if fmt == "pdf":
        problem = "A PDF is shown by the browser's own viewer, page by page."
    elif fmt == "docx":
        try:
            lines = await asyncio.to_thread(docx_lines, fs_path(doc["path"]) if not os.path.exists(doc["path"])
                                            else doc["path"])
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
    """Every connection to a minutebook database is query-only, Datasette's write connection too;
    on every connection one SQL function call is limited (see `sqlsafety`)."""
    limit_connection(conn)
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
