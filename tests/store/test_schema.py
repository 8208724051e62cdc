"""The SQLite schema: created complete, idempotent, migrates an older database."""
from __future__ import annotations

import sqlite_utils

from extractor.store.schema import FTS, SCHEMA_VERSION, TABLES, VIEWS, ensure_schema, open_db, schema_version


def test_creates_tables_views_fts_and_indexes(tmp_path):
    db = open_db(tmp_path / "m.db")
    assert set(TABLES) <= set(db.table_names())
    assert set(db.view_names()) == set(VIEWS)
    for table, columns in FTS.items():
        assert db.table(table).detect_fts() == f"{table}_fts"
        assert set(db.table(f"{table}_fts").columns_dict) == set(columns)
    assert db.execute("pragma foreign_keys").fetchone()[0] == 1
    assert db.journal_mode == "wal"
    assert schema_version(db) == SCHEMA_VERSION
    # every foreign key column is indexed
    for name in TABLES:
        table = db.table(name)
        indexed = {i.columns[0] for i in table.indexes}
        for fk in table.foreign_keys:
            assert fk.column in indexed, f"{name}.{fk.column} has no index"
    # unique constraints
    assert any(i.unique and i.columns == ["sha256"] for i in db.table("documents").indexes)
    assert any(i.unique and i.columns == ["body", "name"] for i in db.table("people").indexes)
    assert any(i.unique and i.columns == ["meeting_id", "person_id"] for i in db.table("attendance").indexes)
    assert any(i.unique and i.columns == ["document_id"] for i in db.table("meetings").indexes)
    # views run on an empty database
    for view in VIEWS:
        assert list(db.query(f"select * from [{view}]")) == []
    db.close()


def test_ensure_schema_is_idempotent(tmp_path):
    db = open_db(tmp_path / "m.db")
    before = db.execute("select type, name, sql from sqlite_master order by name").fetchall()
    ensure_schema(db)
    ensure_schema(db)
    assert db.execute("select type, name, sql from sqlite_master order by name").fetchall() == before
    assert db.table("minutebook_meta").count == 1


def test_migrates_an_older_database(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    old["documents"].create({"id": int, "sha256": str, "path": str}, pk="id")
    old["documents"].insert({"sha256": "a" * 64, "path": "/x/a.md"})
    old["actions"].create({"id": int, "text": str}, pk="id")
    old.close()

    db = open_db(path)
    assert set(TABLES["documents"]["columns"]) <= set(db.table("documents").columns_dict)
    assert set(TABLES["actions"]["columns"]) <= set(db.table("actions").columns_dict)
    row = db.table("documents").get(1)
    assert row["sha256"] == "a" * 64 and row["version"] == 1 and row["is_latest"] == 1
    assert db.table("actions").detect_fts() == "actions_fts"
    assert set(db.view_names()) == set(VIEWS)
