"""Publishing with Datasette, in process: metadata, facets, canned queries, provenance links,
the source-file route and the `minutebook serve` command."""
from __future__ import annotations

import asyncio
import hashlib
import html
import json
import re
import shutil
import sqlite3
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from extractor.cli import cli
from extractor.publish.metadata import QUERIES, build_metadata
from extractor.publish.plugin import docx_lines, provenance_label, text_lines
from extractor.publish.serve import split_metadata_option, writing_queries
from extractor.store.load import load_extraction
from extractor.store.schema import open_db

from .conftest import HALESWORTH, HALESWORTH_BODY, NORTHWOLD, NORTHWOLD_BODY, STUDENT, northwold_extraction

HALESWORTH_NAME = HALESWORTH.name


def datasette(db_path: Path) -> Datasette:
    return Datasette(files=[str(db_path)], metadata=build_metadata(db_path.stem),
                     settings={"suggest_facets": False})


def get(ds: Datasette, path: str):
    return asyncio.run(ds.client.get(path))


def get_json(ds: Datasette, path: str):
    response = get(ds, path)
    assert response.status_code == 200, response.text[:500]
    return response.json()


def rows(ds: Datasette, path: str) -> list[dict]:
    sep = "&" if "?" in path else "?"
    return get_json(ds, f"{path}{sep}_shape=array")


def query_db(db_path: Path, sql: str, params=()) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def action_id(db_path: Path, text_start: str) -> int:
    (row,) = query_db(db_path, "select id from actions where text like ?", [text_start + "%"])
    return row["id"]


@pytest.fixture(scope="module")
def ds(minutebook_db):
    return datasette(minutebook_db)


# Metadata ------------------------------------------------------------------------------

def test_instance_title_and_descriptions_are_shown(ds):
    home = get(ds, "/").text
    assert "Minutebook" in home
    page = get(ds, "/minutebook/actions").text
    assert "Actions recorded in minutes" in page  # table description
    assert "The task, in the document&#39;s own words." in page or "The task, in the document's own words." in page


def test_every_table_view_and_column_is_described(minutebook_db):
    tables = build_metadata()["databases"]["minutebook"]["tables"]
    conn = sqlite3.connect(minutebook_db)
    names = [r[0] for r in conn.execute(
        "select name from sqlite_master where type in ('table', 'view') and name not like '%_fts%'")]
    assert {"documents", "actions", "decisions", "open_actions_by_owner"} <= set(names)
    for name in names:
        assert name in tables, f"{name} has no metadata"
        assert tables[name].get("description"), f"{name} has no description"
        columns = [r[1] for r in conn.execute(f"pragma table_info([{name}])")]
        missing = [c for c in columns if not tables[name].get("columns", {}).get(c)]
        assert not missing, f"{name}: columns without description: {missing}"
        stale = set(tables[name].get("columns", {})) - set(columns)
        assert not stale, f"{name}: metadata describes columns the schema lacks: {sorted(stale)}"
    every = {r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")}
    stale = set(tables) - every
    assert not stale, f"metadata describes tables the schema lacks: {sorted(stale)}"
    conn.close()


def test_canned_queries_run_on_an_empty_database(tmp_path):
    """Every canned query compiles against the real schema, whatever its parameters."""
    db_path = tmp_path / "minutebook.db"
    open_db(db_path).close()
    ds = datasette(db_path)
    for name in QUERIES:
        assert rows(ds, f"/minutebook/{name}.json?person=x&action_id=1&term=x") == [], name


def test_internal_tables_are_hidden(ds):
    data = get_json(ds, "/minutebook.json")
    hidden = {t["name"] for t in data["tables"] if t["hidden"]}
    assert {"minutebook_meta", "actions_fts", "decisions_fts", "sections_fts"} <= hidden
    assert "actions" not in hidden


def test_actions_have_default_facets_and_search(ds):
    data = get_json(ds, "/minutebook/actions.json")
    facets = data["facet_results"]
    assert {"owner", "body", "year", "explicit", "status"} <= set(facets)
    by_body = {r["value"]: r["count"] for r in facets["body"]["results"]}
    assert by_body == {HALESWORTH_BODY: 4, NORTHWOLD_BODY: 1}
    assert {r["value"]: r["count"] for r in facets["status"]["results"]} == {"open": 5}
    assert {r["value"]: r["count"] for r in facets["explicit"]["results"]} == {1: 5}
    found = rows(ds, "/minutebook/actions.json?_search=Barclays")
    assert [r["text"][:20] for r in found] == ["talk to both Barclay"]


def test_owner_facet_counts_each_owner_and_filters(ds):
    facet = get_json(ds, "/minutebook/actions.json")["facet_results"]["owner"]
    counts = {r["value"]: r["count"] for r in facet["results"]}
    assert counts == {"Mike Stephens": 3, "Alison Hopkins": 2, "David Olds": 1, "N Cooper": 1}
    mike = next(r for r in facet["results"] if r["value"] == "Mike Stephens")
    path = mike["toggle_url"].replace("http://localhost", "").replace("/actions?", "/actions.json?")
    data = get_json(ds, path)
    assert sorted(r[data["columns"].index("text")][:12] for r in data["rows"]) == [
        "ask the East", "talk to both", "to be posted"]
    (selected,) = [r for r in data["facet_results"]["owner"]["results"] if r["selected"]]
    assert selected["value"] == "Mike Stephens"
    # the body facet now counts Mike Stephens' actions only
    assert data["facet_results"]["body"]["results"][0]["count"] == 3


def test_meetings_sorted_by_date_descending(ds):
    dates = [r["date"] for r in rows(ds, "/minutebook/meetings.json")]
    assert dates == ["2017-04-04", "2016-01-26"]


# Canned queries ------------------------------------------------------------------------

@pytest.mark.parametrize("person", ["MS", "ms", "Mike Stephens", "Stephens"])
def test_actions_for_person_by_initials_or_name(ds, person):
    found = rows(ds, f"/minutebook/actions_for_person.json?person={person}")
    assert sorted(r["text"][:12] for r in found) == ["ask the East", "talk to both", "to be posted"]
    row = next(r for r in found if r["text"].startswith("ask the East"))
    assert row["owners"] == "Mike Stephens, Alison Hopkins"
    assert row["body"] == HALESWORTH_BODY and row["meeting_date"] == "2016-01-26"
    assert row["status"] == "open"
    assert (row["filename"], row["page"], row["line"]) == (HALESWORTH_NAME, 2, 26)


def test_actions_for_person_by_owner_as_written_and_with_deadline(ds):
    (row,) = rows(ds, "/minutebook/actions_for_person.json?person=Clerk")
    assert row["text"] == "put Glebe Close streetlamp on the May agenda"
    assert row["due"] == "2017-05" and row["page"] is None and row["line"] == 28
    (row,) = rows(ds, "/minutebook/actions_for_person.json?person=DO")
    assert row["due"] == "2016-03-15"
    assert rows(ds, "/minutebook/actions_for_person.json?person=") == []
    assert rows(ds, "/minutebook/actions_for_person.json?person=Nobody") == []


def test_when_was_this_action_raised(ds, minutebook_db):
    planters = action_id(minutebook_db, "purchase 2 planters")
    (row,) = rows(ds, f"/minutebook/when_was_this_action_raised.json?action_id={planters}")
    assert row["action_id"] == planters
    assert row["body"] == HALESWORTH_BODY
    assert row["meeting_date"] == row["first_raised"] == "2016-01-26"
    assert row["path"] == str(HALESWORTH) and row["filename"] == HALESWORTH_NAME
    assert (row["page"], row["line"]) == (2, 35)
    assert row["source_text"].startswith("13.1 DO had obtained costs")
    assert row["owners"] == "David Olds" and row["owner_text"] == "DO"
    assert rows(ds, "/minutebook/when_was_this_action_raised.json?action_id=999999") == []


@pytest.mark.parametrize("term, expected", [
    ("planters", ["AGREED to purchase the planters"]),
    ("wi-fi", ["AGREED to pay on the understanding we may not be able to meet this year on year"]),
    ('"year on year"', ["AGREED to pay on the understanding we may not be able to meet this year on year"]),
    ("contract", ["the contract was otherwise accepted"]),
    ("AGREED", ["AGREED to pay on the understanding we may not be able to meet this year on year",
                "AGREED to purchase the planters",
                "the contract was otherwise accepted"]),  # matches the source sentence too
    ("zeppelin", []),
    ("", []),
])
def test_decisions_mentioning(ds, term, expected):
    found = rows(ds, f"/minutebook/decisions_mentioning.json?term={term}")
    assert sorted(r["text"] for r in found) == expected
    for r in found:
        assert r["meeting_date"] and r["filename"] and r["line"]


def test_no_canned_query_writes():
    assert not any(q.get("write") for q in QUERIES.values())
    assert {"actions_for_person", "when_was_this_action_raised", "decisions_mentioning"} <= set(QUERIES)


# Read-only -----------------------------------------------------------------------------

def copy_db(minutebook_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "minutebook.db"
    shutil.copy(minutebook_db, target)
    return target


def count_actions(db_path: Path) -> int:
    return query_db(db_path, "select count(*) as n from actions")[0]["n"]


def test_a_write_through_datasette_is_refused(minutebook_db, tmp_path):
    """Even a canned query marked write: true, run on Datasette's write connection, cannot write."""
    db_path = copy_db(minutebook_db, tmp_path)
    before = count_actions(db_path)
    metadata = build_metadata()
    metadata["databases"]["minutebook"]["queries"]["wipe"] = {"sql": "delete from actions", "write": True}
    ds = Datasette(files=[str(db_path)], metadata=metadata)

    async def post():
        form = await ds.client.get("/minutebook/wipe")
        token = re.search(r'name="csrftoken" value="([^"]+)"', form.text).group(1)
        return await ds.client.post("/minutebook/wipe", data={"csrftoken": token},
                                    cookies={"ds_csrftoken": form.cookies["ds_csrftoken"]})

    response = asyncio.run(post())
    assert response.status_code == 302  # back to the form, with the failure as a message
    assert ds.unsign(response.cookies["ds_messages"], "messages") == [
        ["attempt to write a readonly database", Datasette.ERROR]]
    assert count_actions(db_path) == before
    for sql in ["delete from actions", "update actions set status = 'done'", "drop table actions",
                "select 1; delete from actions"]:
        response = get(ds, f"/minutebook.json?sql={quote(sql)}")
        assert response.status_code == 400, sql
    assert count_actions(db_path) == before
    conn = ds.get_database("minutebook").connect(write=True)
    ds._prepare_connection(conn, "minutebook")
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("delete from actions")
    conn.close()


def test_other_databases_stay_writable(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table t (x)").connection.close()
    ds = Datasette(files=[str(other)])
    conn = ds.get_database("other").connect(write=True)
    ds._prepare_connection(conn, "other")
    conn.execute("insert into t values (1)")
    conn.close()


def test_serve_refuses_metadata_with_a_writing_query(minutebook_db, tmp_path):
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({"databases": {"minutebook": {"queries": {
        "wipe": {"sql": "delete from actions", "write": True}}}}}))
    result = CliRunner().invoke(cli, ["serve", str(minutebook_db), "--metadata", str(extra), "--get", "/"])
    assert result.exit_code == 1
    assert "canned queries that write are not served" in result.output and "minutebook/wipe" in result.output
    assert writing_queries(build_metadata()) == []


def test_serve_sql_time_limit_stops_a_slow_query(minutebook_db):
    slow = "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"
    result = CliRunner().invoke(cli, ["serve", str(minutebook_db), "--setting", "sql_time_limit_ms", "50",
                                      "--get", f"/minutebook.json?sql={quote(slow)}"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["title"] == "SQL Interrupted" and "too long" in data["error"]


@pytest.mark.parametrize("path, status", [
    ("/nosuchdb.json", 404),
    ("/minutebook.json?sql=delete+from+actions", 400),
    ("/-/minutebook/source/1/lines/more", 404),  # no route matches at all
    ("/-/minutebook/source/999999", 404),
])
def test_serve_get_of_a_failing_path_prints_only_the_response(minutebook_db, path, status):
    result = CliRunner().invoke(cli, ["serve", str(minutebook_db), "--get", path])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"{status}" in result.stdout
    if path.split("?")[0].endswith(".json"):
        assert json.loads(result.stdout)["status"] == status


def test_serve_get_of_a_pdf_source_says_why_it_cannot_print_it(minutebook_db):
    result = CliRunner().invoke(cli, ["serve", str(minutebook_db), "--get", "/-/minutebook/source/1"])  # Halesworth PDF
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "--get can only print text responses" in result.output


# Provenance links and the source route -------------------------------------------------

def test_provenance_label():
    assert provenance_label("m.pdf", 3, 14) == "m.pdf, p. 3, line 14"
    assert provenance_label("m.md", None, 14) == "m.md, line 14"
    assert provenance_label("m.pdf", 3, None) == "m.pdf, p. 3"


def document_id(db_path: Path, path: Path) -> int:
    (row,) = query_db(db_path, "select id from documents where path = ?", [str(path)])
    return row["id"]


def test_provenance_link_in_actions_table(ds, minutebook_db):
    pdf, md = document_id(minutebook_db, HALESWORTH), document_id(minutebook_db, NORTHWOLD)
    html = get(ds, "/minutebook/actions").text
    assert (f'href="/-/minutebook/source/{pdf}#page=2" title="Open the source file">'
            f"{HALESWORTH_NAME}, p. 2, line 35</a>") in html
    assert (f'href="/-/minutebook/source/{md}/lines#line=28" title="Open the source file">'
            f"{NORTHWOLD.name}, line 28</a>") in html
    html = get(ds, "/minutebook/documents").text
    assert f'href="/-/minutebook/source/{pdf}">{HALESWORTH_NAME}</a>' in html


def test_provenance_link_in_row_page_views_and_queries(ds, minutebook_db):
    pdf = document_id(minutebook_db, HALESWORTH)
    link = f'href="/-/minutebook/source/{pdf}#page=1"'
    label = f"{HALESWORTH_NAME}, p. 1, line 33</a>"
    barclays = action_id(minutebook_db, "talk to both")
    for path in [f"/minutebook/actions/{barclays}", "/minutebook/open_actions_by_owner",
                 "/minutebook/actions_for_person?person=MS",
                 f"/minutebook/when_was_this_action_raised?action_id={barclays}"]:
        html = get(ds, path).text
        assert link in html and label in html, path
    html = get(ds, "/minutebook/decisions_mentioning?term=planters").text
    assert f"{HALESWORTH_NAME}, p. 2, line 34</a>" in html
    # query results link to the action itself
    html = get(ds, "/minutebook/actions_for_person?person=MS").text
    assert f'<a href="/minutebook/actions/{barclays}">{barclays}</a>' in html


def test_other_databases_are_left_alone(minutebook_db, tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("create table notes (id integer primary key, document_id int, page int, line int)")
    conn.execute("insert into notes values (1, 1, 2, 3)")
    conn.commit()
    conn.close()
    both = Datasette(files=[str(minutebook_db), str(other)], metadata=build_metadata())
    assert "minutebook-source" not in get(both, "/other/notes").text
    pdf = document_id(minutebook_db, HALESWORTH)
    assert f'href="/-/minutebook/source/{pdf}#page=2"' in get(both, "/minutebook/actions").text
    assert get(both, f"/-/minutebook/source/{pdf}").status_code == 200
    assert get(both, f"/-/minutebook/source/{pdf}?db=minutebook").status_code == 200
    assert get(both, "/-/minutebook/source/1?db=other").status_code == 404


def test_source_route_serves_registered_files(ds, minutebook_db):
    response = get(ds, f"/-/minutebook/source/{document_id(minutebook_db, HALESWORTH)}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content == HALESWORTH.read_bytes()
    assert HALESWORTH_NAME in response.headers["content-disposition"]
    response = get(ds, f"/-/minutebook/source/{document_id(minutebook_db, NORTHWOLD)}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.content == NORTHWOLD.read_bytes()


def test_source_route_404s(ds, tmp_path):
    assert get(ds, "/-/minutebook/source/999999").status_code == 404
    assert get(ds, "/-/minutebook/source/abc").status_code == 404
    assert get(ds, "/-/minutebook/source/1?db=nosuchdb").status_code == 404
    # a file that is gone, or no longer holds the imported content
    copy = tmp_path / NORTHWOLD.name
    shutil.copy(NORTHWOLD, copy)
    db_path = tmp_path / "minutebook.db"
    db = open_db(db_path)
    doc = load_extraction(db, northwold_extraction(), path=copy)
    db.close()
    local = datasette(db_path)
    assert get(local, f"/-/minutebook/source/{doc}").status_code == 200
    copy.write_text("changed")
    assert get(local, f"/-/minutebook/source/{doc}").status_code == 404
    copy.unlink()
    response = get(local, f"/-/minutebook/source/{doc}")
    assert response.status_code == 404 and "no longer at" in response.text


def lines_page(ds, document: int) -> dict[int, str]:
    """The numbered lines of /-/minutebook/source/<id>/lines: {number: text}."""
    response = get(ds, f"/-/minutebook/source/{document}/lines")
    assert response.status_code == 200, response.text[:300]
    found = re.findall(r'<tr id="line=(\d+)"><td class="n"><a href="#line=\1">\1</a></td><td class="t">(.*?)</td></tr>',
                       response.text, re.S)
    return {int(n): html.unescape(t) for n, t in found}


def test_source_lines_of_a_text_document(ds, minutebook_db):
    md = document_id(minutebook_db, NORTHWOLD)
    lines = lines_page(ds, md)
    expected = NORTHWOLD.read_text(encoding="utf-8").split("\n")
    if expected[-1] == "":
        expected.pop()
    assert lines == dict(enumerate(expected, start=1))
    assert lines[28].startswith("ACTIONS: Clerk to put Glebe Close streetlamp on the May agenda.")
    page = get(ds, f"/-/minutebook/source/{md}/lines").text
    assert f'<a class="minutebook-raw" href="/-/minutebook/source/{md}">the file as imported</a>' in page
    assert f'href="/minutebook/documents/{md}"' in page
    assert "tr:target" in page  # the linked line is highlighted


def test_source_lines_of_a_pdf_point_to_its_pages(ds, minutebook_db):
    pdf = document_id(minutebook_db, HALESWORTH)
    page = get(ds, f"/-/minutebook/source/{pdf}/lines").text
    assert lines_page(ds, pdf) == {}
    for n in (1, 2, 3):
        assert f'<a href="/-/minutebook/source/{pdf}#page={n}">Page {n}</a>' in page


def test_source_lines_number_html_and_docx_as_the_readers_do(tmp_path):
    """An HTML page's own lines; a DOCX's paragraphs and cell paragraphs one to a line."""
    html_file = tmp_path / "minutes.html"
    html_file.write_bytes(b"<html>\r\n<body>\r\n<p>RESOLVED: to buy <b>two</b> benches &amp; a bin.</p>\r\n</body></html>")
    assert text_lines(html_file.read_bytes(), "html") == [
        "<html>", "<body>", "<p>RESOLVED: to buy <b>two</b> benches &amp; a bin.</p>", "</body></html>"]
    assert text_lines(b"a\fb\rc\r\nd\n", "txt") == ["a", "b", "c", "d"]
    assert text_lines("caf\xe9\n".encode("cp1252"), "md") == ["caf\xe9"]
    lines = docx_lines(str(STUDENT))
    assert lines[30] == "Edit meeting minutes and create code of conduct."  # line 31: a table cell
    assert lines[33] == "Start class diagram"


def test_source_lines_404s(ds, tmp_path):
    assert get(ds, "/-/minutebook/source/999999/lines").status_code == 404
    assert get(ds, "/-/minutebook/source/abc/lines").status_code == 404
    assert get(ds, "/-/minutebook/source/1/lines?db=nosuchdb").status_code == 404


# Extractions from the real pipeline ----------------------------------------------------

def source_href(document: int, fmt: str, page, line) -> str:
    if fmt == "pdf":
        return f"/-/minutebook/source/{document}" + (f"#page={page}" if page else "")
    return f"/-/minutebook/source/{document}/lines" + (f"#line={line}" if line else "")


def words(text: str) -> set[str]:
    return set(re.findall(r"\w{4,}", text.lower()))


def test_pipeline_extractions_publish_with_provenance(pipeline_db):
    ds = datasette(pipeline_db)
    located = query_db(pipeline_db, """
        select min(actions.id) as id, actions.page, actions.line, documents.id as document_id,
               documents.filename, documents.format
        from actions join documents on documents.id = actions.document_id
        where actions.line is not null group by documents.id order by documents.id""")
    assert {a["format"] for a in located} == {"md", "pdf", "docx"}, "an action located in every document"
    for a in located:
        html = get(ds, f"/minutebook/actions/{a['id']}").text
        label = provenance_label(a["filename"], a["page"], a["line"])
        href = source_href(a["document_id"], a["format"], a["page"], a["line"])
        assert f'href="{href}" title="Open the source file">{label}</a>' in html
    owned = query_db(pipeline_db, "select action_id, owner from action_owners order by id limit 3")
    for o in owned:
        found = rows(ds, f"/minutebook/actions_for_person.json?person={quote(o['owner'])}")
        assert o["action_id"] in [r["action_id"] for r in found]
    for doc in query_db(pipeline_db, "select id, path from documents"):
        response = get(ds, f"/-/minutebook/source/{doc['id']}")
        assert response.status_code == 200 and response.content == Path(doc["path"]).read_bytes()


def test_pipeline_provenance_lines_open_at_the_source_sentence(pipeline_db):
    """For every action and decision of a text or Word document, the numbered line its link
    opens at shares words with the sentence it was read from."""
    ds = datasette(pipeline_db)
    records = query_db(pipeline_db, """
        select 'action' as kind, a.id, a.line, a.source_text, a.document_id from actions a
          join documents d on d.id = a.document_id where d.format != 'pdf' and a.line is not null
        union all
        select 'decision', x.id, x.line, x.source_text, x.document_id from decisions x
          join documents d on d.id = x.document_id where d.format != 'pdf' and x.line is not null""")
    assert len({r["document_id"] for r in records}) == 2  # the Markdown and the DOCX file
    pages = {}
    for r in records:
        if r["document_id"] not in pages:
            pages[r["document_id"]] = lines_page(ds, r["document_id"])
        line = pages[r["document_id"]].get(r["line"], "")
        assert words(line) & words(r["source_text"]), (r["kind"], r["id"], r["line"], line, r["source_text"])


# minutebook serve ----------------------------------------------------------------------

def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_serve_get_prints_json(minutebook_db):
    before = sha256(minutebook_db)
    result = CliRunner().invoke(cli, ["serve", str(minutebook_db), "--get", "/minutebook/actions.json?_shape=array"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert len(data) == 5 and {"text", "owners", "page", "line"} <= set(data[0])
    assert sha256(minutebook_db) == before  # served read-only


def test_serve_settings_and_passthrough(minutebook_db):
    result = CliRunner().invoke(cli, ["serve", str(minutebook_db), "--get", "/-/settings.json"])
    settings = json.loads(result.output)
    assert settings["sql_time_limit_ms"] == 3000
    assert settings["suggest_facets"] is False
    assert settings["default_page_size"] == 50
    result = CliRunner().invoke(cli, ["serve", str(minutebook_db), "--setting", "default_page_size", "5",
                                      "--get", "/-/settings.json"])
    assert json.loads(result.output)["default_page_size"] == 5
    result = CliRunner().invoke(cli, ["serve", str(minutebook_db), "--get", "/-/metadata.json"])
    metadata = json.loads(result.output)
    assert metadata["title"] == "Minutebook"
    assert "actions_for_person" in metadata["databases"]["minutebook"]["queries"]


def test_serve_merges_own_metadata(minutebook_db, tmp_path):
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({"title": "Parish minutes", "databases": {"minutebook": {
        "tables": {"actions": {"description": "Local description"}}}}}))
    result = CliRunner().invoke(cli, ["serve", str(minutebook_db), "--metadata", str(extra),
                                      "--get", "/-/metadata.json"])
    metadata = json.loads(result.output)
    assert metadata["title"] == "Parish minutes"
    actions = metadata["databases"]["minutebook"]["tables"]["actions"]
    assert actions["description"] == "Local description" and {"owner": "id"} in actions["facets"]
    assert split_metadata_option(["-m", "a.json", "--port", "1"]) == (["--port", "1"], "a.json")
    assert split_metadata_option(["--metadata=a.yaml"]) == ([], "a.yaml")


def test_serve_missing_database_fails(tmp_path):
    missing = tmp_path / "nope.db"
    result = CliRunner().invoke(cli, ["serve", str(missing), "--get", "/"])
    assert result.exit_code == 1
    assert f"Error: {missing}: no such database (run minutebook import first)" in result.output
    assert not missing.exists()


def test_serve_rejects_a_database_that_is_not_minutebook(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table t (x)").connection.close()
    result = CliRunner().invoke(cli, ["serve", str(other), "--get", "/"])
    assert result.exit_code == 1 and "not a minutebook database" in result.output
    garbage = tmp_path / "garbage.db"
    garbage.write_text("not sqlite at all " * 100)
    result = CliRunner().invoke(cli, ["serve", str(garbage), "--get", "/"])
    assert result.exit_code == 1 and "not a SQLite database" in result.output
