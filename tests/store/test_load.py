"""Loading extractions into SQLite: rows, owners, versions, re-loads, full-text search.

The extractions here are built from the corpus gold files (the hand-checked answers), so
these tests exercise the store with realistic data independently of the extraction rules.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.readers import file_sha256
from extractor.store.load import load_extraction, meeting_body, record_error
from extractor.store.schema import open_db
from models.action import Action, Decision
from models.extraction import DocumentInfo, Extraction, Section
from models.meeting import Attendee, Meeting
from models.provenance import Provenance

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
NORFOLK = CORPUS / "norfolk-dip-strategy-group-2009-06-03.md"
CONTENT_TABLES = ["documents", "meetings", "people", "attendance", "actions", "action_owners",
                  "decisions", "sections", "import_errors"]


def extraction_from_gold(path: Path, *, sha256: str | None = None) -> Extraction:
    """An Extraction holding the gold answers for one corpus file."""
    gold = json.loads(Path(f"{path}.gold.json").read_text())
    attendees = [Attendee(name=a["name"], initials=a.get("initials"), role=a.get("role"),
                          status=a.get("status", "present"), provenance=Provenance(line=i + 1))
                 for i, a in enumerate(gold.get("attendees", []))]
    actions = [Action(text=a["quote"], explicit=a.get("explicit", True), owners=a.get("owners") or [],
                      owner_text=a.get("owner_text"), due=a.get("due"), due_text=a.get("due_text"),
                      source_text=a["quote"], section="Actions", rule="gold",
                      provenance=Provenance(page=1 if gold["format"] == "pdf" else None, line=100 + i))
               for i, a in enumerate(gold.get("actions", []))]
    decisions = [Decision(text=d["quote"], source_text=d["quote"], rule="gold",
                          provenance=Provenance(line=200 + i))
                 for i, d in enumerate(gold.get("decisions", []))]
    sections = [Section(heading="Minutes", text=path.read_text(errors="replace")[:2000],
                        provenance=Provenance(line=1))] if gold["format"] != "pdf" else []
    return Extraction(
        extractor_version="test",
        document=DocumentInfo(path=str(path), sha256=sha256 or file_sha256(path), format=gold["format"],
                              pages=1 if gold["format"] == "pdf" else None, kind=gold.get("kind", "minutes")),
        meeting=Meeting(organisation=gold.get("organisation"), title=gold.get("meeting_title"),
                        date=gold.get("meeting_date"), next_meeting_date=gold.get("next_meeting_date")),
        attendees=attendees, actions=actions, decisions=decisions, sections=sections,
    )


def counts(db) -> dict[str, int]:
    return {t: db.table(t).count for t in CONTENT_TABLES}


@pytest.fixture
def db(tmp_path):
    d = open_db(tmp_path / "m.db")
    yield d
    d.close()


def test_load_writes_every_table(db):
    ex = extraction_from_gold(NORFOLK)
    doc_id = load_extraction(db, ex, path=NORFOLK, imported_at="2024-01-01T00:00:00Z")
    doc = db.table("documents").get(doc_id)
    assert doc["sha256"] == ex.document.sha256
    assert doc["path"] == str(NORFOLK) and doc["filename"] == NORFOLK.name
    assert (doc["version"], doc["is_latest"]) == (1, 1)
    assert json.loads(doc["warnings"]) == []
    meeting = next(db.query("select * from meetings"))
    assert meeting["body"] == "Norfolk Drug Interventions Programme – Drug Intervention Board Strategy Group"
    assert (meeting["date"], meeting["year"], meeting["next_meeting_date"]) == ("2009-06-03", 2009, "2009-09-02")
    assert db.table("attendance").count == len(ex.attendees) == db.table("people").count
    assert db.table("actions").count == len(ex.actions)
    assert db.table("decisions").count == len(ex.decisions)
    assert db.table("sections").count == 1
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_owners_resolve_to_people_of_the_body(db):
    load_extraction(db, extraction_from_gold(NORFOLK), path=NORFOLK)
    row = next(db.query(
        "select actions.owners, actions.owner_text, action_owners.owner, people.name, people.variants "
        "from actions join action_owners on action_owners.action_id = actions.id "
        "left join people on people.id = action_owners.person_id "
        "where actions.text like 'to advice on the position%'"))
    assert row["owners"] == "Karen Hillen" and row["owner_text"] == "KH"
    assert row["name"] == "Karen Hillen"
    assert {"Karen Hillen", "KH"} <= set(json.loads(row["variants"]))
    # "Andrew Barwick, Jacqueline Westrop" style display text for several owners
    multi = list(db.query("select owners from actions where owners like '%, %'"))
    assert multi, "the Norfolk gold has actions with two owners"


def test_owner_known_only_from_a_later_meeting_is_linked(db):
    body_meeting = Meeting(title="Board", date="2020-01-01")
    first = Extraction(document=DocumentInfo(path="a.md", sha256="a" * 64, format="md"), meeting=body_meeting,
                       actions=[Action(text="write the report", explicit=True, owners=["Jo Bloggs"],
                                       source_text="ACTION Jo Bloggs to write the report", rule="t")])
    second = Extraction(document=DocumentInfo(path="b.md", sha256="b" * 64, format="md"),
                        meeting=Meeting(title="Board", date="2020-02-01"),
                        attendees=[Attendee(name="Jo Bloggs", initials="JB")])
    load_extraction(db, first, path="/x/a.md")
    assert next(db.query("select person_id from action_owners"))["person_id"] is None
    load_extraction(db, second, path="/x/b.md")
    person = next(db.query("select id from people where name = 'Jo Bloggs'"))["id"]
    assert next(db.query("select person_id from action_owners"))["person_id"] == person


def test_loading_twice_adds_nothing_and_replace_swaps_rows(db):
    ex = extraction_from_gold(NORFOLK)
    first = load_extraction(db, ex, path=NORFOLK)
    before = counts(db)
    assert load_extraction(db, ex, path=NORFOLK) == first
    assert counts(db) == before
    # replace: same rows again, same document id
    assert load_extraction(db, ex, path=NORFOLK, replace=True) == first
    assert counts(db) == before
    smaller = ex.model_copy(update={"actions": ex.actions[:1]})
    load_extraction(db, smaller, path=NORFOLK, replace=True)
    assert db.table("actions").count == 1
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_replace_removes_only_people_nobody_refers_to(db):
    def board(sha: str, names: list[str], owner: str | None = None) -> Extraction:
        actions = [Action(text="write the report", explicit=True, owners=[owner],
                          source_text=f"ACTION {owner} to write the report", rule="t")] if owner else []
        return Extraction(document=DocumentInfo(path=f"{sha[0]}.md", sha256=sha * 64, format="md"),
                          meeting=Meeting(title="Board", date="2020-01-01"),
                          attendees=[Attendee(name=n) for n in names], actions=actions)

    load_extraction(db, board("a", ["Ann Lee", "Bob Ray", "Cy Day"], owner="Cy Day"), path="/x/a.md")
    load_extraction(db, board("b", ["Bob Ray"]), path="/x/b.md")
    load_extraction(db, board("c", ["Dee Fox"]), path="/x/c.md")
    # a.md re-extracted with one attendee left and no action: Ann and Cy are referenced by nothing
    # else, Bob still attends b.md, and Dee (another document) is untouched
    load_extraction(db, board("a", ["Bob Ray"]), path="/x/a.md", replace=True)
    assert sorted(r["name"] for r in db.query("select name from people")) == ["Bob Ray", "Dee Fox"]
    # a person who owns an action of another document stays when they no longer attend anything
    load_extraction(db, board("d", [], owner="Dee Fox"), path="/x/d.md")
    load_extraction(db, board("c", []), path="/x/c.md", replace=True)
    assert sorted(r["name"] for r in db.query("select name from people")) == ["Bob Ray", "Dee Fox"]
    assert [r["name"] for r in db.query("select p.name from action_owners o join people p on p.id = o.person_id")] \
        == ["Dee Fox"]
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_changed_file_at_same_path_is_a_new_version(db):
    ex = extraction_from_gold(NORFOLK)
    v1 = load_extraction(db, ex, path=NORFOLK)
    changed = extraction_from_gold(NORFOLK, sha256="0" * 64)
    v2 = load_extraction(db, changed, path=NORFOLK)
    rows = {r["id"]: r for r in db.query("select id, version, is_latest from documents")}
    assert rows[v1]["version"] == 1 and rows[v1]["is_latest"] == 0
    assert rows[v2]["version"] == 2 and rows[v2]["is_latest"] == 1
    assert db.table("meetings").count == 2  # version 1 keeps its rows
    # views show the latest version only
    by_year = list(db.query("select * from actions_by_body_year"))
    assert by_year == [{"body": "Norfolk Drug Interventions Programme – Drug Intervention Board Strategy Group", "year": 2009,
                        "count": len(ex.actions), "open_count": len(ex.actions)}]


def test_failed_load_leaves_nothing_behind(db):
    ex = extraction_from_gold(NORFOLK)
    bad = ex.model_copy(update={"decisions": [Decision.model_construct(text=None, source_text="x", section=None,
                                                                        rule="t", provenance=Provenance())]})
    with pytest.raises(Exception):
        load_extraction(db, bad, path=NORFOLK)  # decisions.text is NOT NULL
    assert all(n == 0 for n in counts(db).values())


def test_success_clears_earlier_errors(db):
    record_error(db, path=NORFOLK, sha256=None, error_class="UnreadableDocument", message="broken")
    record_error(db, path=NORFOLK, sha256=None, error_class="UnreadableDocument", message="broken")
    assert db.table("import_errors").count == 1
    load_extraction(db, extraction_from_gold(NORFOLK), path=NORFOLK)
    assert db.table("import_errors").count == 0


def test_full_text_search_finds_actions_decisions_sections(db):
    load_extraction(db, extraction_from_gold(NORFOLK), path=NORFOLK)
    hits = [r["text"] for r in db.table("actions").search("facilitated")]
    assert any("probation contract manager" in h for h in hits)
    assert list(db.table("actions").search("Hillen"))  # owners are searchable
    assert [r["text"] for r in db.table("decisions").search("criteria")] == ["the current criteria will stand"]
    assert list(db.table("sections").search("Strategy"))


def test_views(db):
    load_extraction(db, extraction_from_gold(NORFOLK), path=NORFOLK)
    rows = list(db.query("select * from open_actions_by_owner where owner = 'Karen Hillen'"))
    assert rows and set(rows[0]) == {"owner", "body", "meeting_date", "text", "due", "path", "page", "line",
                                     "action_id"}
    assert rows[0]["path"] == str(NORFOLK) and rows[0]["meeting_date"] == "2009-06-03"
    n_owner_rows = db.execute("select count(*) from action_owners").fetchone()[0]
    n_unowned = db.execute("select count(*) from actions where owners is null").fetchone()[0]
    assert db.execute("select count(*) from open_actions_by_owner").fetchone()[0] == n_owner_rows + n_unowned
    dec = list(db.query("select * from decisions_by_meeting"))
    assert len(dec) == db.table("decisions").count and dec[0]["body"] == meeting_body(extraction_from_gold(NORFOLK))


def test_order_of_loading_does_not_change_content(tmp_path):
    series = sorted((CORPUS / "series" / "oasis-sarif-tc-2021").glob("*.gold.json"))
    files = [Path(str(g).removesuffix(".gold.json")) for g in series]

    def content(order):
        db = open_db(tmp_path / f"{order[0].name}-{len(order)}-{id(order)}.db")
        for f in order:
            load_extraction(db, extraction_from_gold(f), path=f, imported_at="x")
        out = {
            "people": sorted(db.execute("select body, name, initials, variants from people").fetchall()),
            "owners": sorted(db.execute(
                "select a.text, o.owner, p.name from action_owners o join actions a on a.id = o.action_id "
                "left join people p on p.id = o.person_id").fetchall(), key=repr),
        }
        db.close()
        return out

    assert content(files) == content(list(reversed(files)))


@pytest.mark.parametrize("organisation,title,path,body", [
    pytest.param("Northwold and Whittington Parish Council", "Ordinary Meeting", "a/minutes.md",
                 "Northwold and Whittington Parish Council", id="kind-of-meeting-title"),
    pytest.param(None, "ICAT Steering Group Meeting #3", "a/minutes.md", "ICAT Steering Group Meeting", id="numbered"),
    pytest.param("Decoy Community Primary School Board of Governors", "Board of Governors", "a/m.pdf",
                 "Decoy Community Primary School Board of Governors", id="title-inside-organisation"),
    pytest.param("Decoy Community Primary School", "Learning & Wellbeing Committee", "a/m.pdf",
                 "Decoy Community Primary School – Learning & Wellbeing Committee", id="committee-of-organisation"),
    pytest.param(None, "Meeting 60", "archive/icat/minutes.md", "icat", id="only-a-number-then-folder"),
    pytest.param(None, None, "archive/oasis-sarif-tc/2021-10-14.md", "oasis-sarif-tc", id="nothing-then-folder"),
    pytest.param(None, None, None, "(unknown)", id="nothing-at-all"),
])
def test_meeting_body_is_the_same_for_each_meeting_of_a_body(organisation, title, path, body):
    ex = Extraction(extractor_version="t", document=DocumentInfo(path="x", sha256="0" * 64, format="md"),
                    meeting=Meeting(organisation=organisation, title=title))
    assert meeting_body(ex, path) == body
