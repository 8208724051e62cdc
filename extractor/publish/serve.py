"""`minutebook serve DB [datasette serve options]`: Datasette on a minutebook database, read-only.

The database is opened the way Datasette opens any file it serves (read connections
with ``mode=ro``, so an import may keep writing to it meanwhile), and the plugin makes
every connection to it ``query_only``, Datasette's write connection too. No canned query
writes: a ``--metadata`` file adding one marked ``write: true`` is refused. SQL typed
into Datasette is limited to SELECT by Datasette itself. Defaults added before the
caller's own options (which win, being later):

    --setting sql_time_limit_ms 3000    stop any query after 3 s
    --setting suggest_facets off        no facet suggestions: slow on big databases
    --setting default_page_size 50

The metadata of `extractor.publish.metadata` is passed as ``--metadata``; a caller's own
``--metadata FILE`` is merged over it. Every other option goes to ``datasette serve``
unchanged (``--port``, ``--host``, ``--get PATH`` ...), which runs in this process.
Datasette prints a traceback (with rich, which minutebook installs) for every failed
request, even a 404, and fails with a 500 of its own on a path that no route matches. Here
tracebacks go to stderr, only for server errors, so that ``--get`` prints only the response
on stdout and a mistyped URL is a plain 404.
"""
from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from extractor.publish.metadata import build_metadata, merge

DEFAULT_SETTINGS: list[tuple[str, str]] = [
    ("sql_time_limit_ms", "3000"),
    ("suggest_facets", "off"),
    ("default_page_size", "50"),
]


class ServeError(Exception):
    """The database cannot be served; the message says why."""


def database_name(db: str | Path) -> str:
    """The name Datasette serves a file under: its stem (minutebook.db → minutebook)."""
    return Path(db).stem


def check_database(db: str | Path) -> None:
    """Raise `ServeError` unless `db` is an existing minutebook database (opened read-only)."""
    path = Path(db)
    if not path.is_file():
        raise ServeError("no such database (run minutebook import first)")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        raise ServeError(f"not a SQLite database ({e})") from None
    if "documents" not in tables:
        raise ServeError("not a minutebook database (run minutebook import first)")


def split_metadata_option(args: Sequence[str]) -> tuple[list[str], str | None]:
    """Take ``--metadata FILE`` / ``--metadata=FILE`` / ``-m FILE`` out of `args`."""
    rest: list[str] = []
    found = None
    it = iter(args)
    for arg in it:
        if arg in ("--metadata", "-m"):
            found = next(it, None)
        elif arg.startswith("--metadata="):
            found = arg.split("=", 1)[1]
        elif arg.startswith("-m") and not arg.startswith("--") and len(arg) > 2:
            found = arg[2:]
        else:
            rest.append(arg)
    return rest, found


def datasette_argv(db: str | Path, args: Sequence[str], metadata_path: str | Path) -> list[str]:
    """Arguments for Datasette's own CLI: ``serve DB <defaults> --metadata M <args>``."""
    argv = ["serve", str(db)]
    for name, value in DEFAULT_SETTINGS:
        argv += ["--setting", name, value]
    argv += ["--metadata", str(metadata_path)]
    return argv + list(args)


def metadata_for(db: str | Path, extra_metadata_file: str | None = None) -> dict:
    metadata = build_metadata(database_name(db))
    if extra_metadata_file:
        from datasette.utils import parse_metadata

        metadata = merge(metadata, parse_metadata(Path(extra_metadata_file).read_text()))
    return metadata


def writing_queries(metadata: dict) -> list[str]:
    """Names of canned queries in `metadata` that write (``write: true``)."""
    found = []
    for name, database in (metadata.get("databases") or {}).items():
        for query, spec in ((database or {}).get("queries") or {}).items():
            if isinstance(spec, dict) and spec.get("write"):
                found.append(f"{name}/{query}")
    return found


def quiet_request_tracebacks() -> None:
    """Datasette's rich tracebacks: to stderr, server errors only, none outside an exception."""
    import rich

    rich.reconfigure(stderr=True)
    console = rich.get_console()
    print_exception = type(console).print_exception

    def server_errors_only(*args, **kwargs):
        exception = sys.exc_info()[1]
        if exception is None or getattr(exception, "status", 500) < 500:
            return  # no exception being handled (a path no route matches), or a 4xx
        print_exception(console, *args, **kwargs)

    console.print_exception = server_errors_only


def serve(db: str | Path, args: Sequence[str] = ()) -> None:
    """Run ``datasette serve`` on `db` in this process; it exits the process when done."""
    from datasette.cli import cli as datasette_cli

    check_database(db)
    args, extra_metadata = split_metadata_option(args)
    try:
        metadata = metadata_for(db, extra_metadata)
    except OSError as e:
        raise ServeError(f"--metadata {extra_metadata}: {e.strerror or e}") from None
    except Exception as e:  # not JSON or YAML
        raise ServeError(f"--metadata {extra_metadata}: {e}") from None
    writes = writing_queries(metadata)
    if writes:
        raise ServeError(f"--metadata {extra_metadata}: canned queries that write are not served "
                         f"(the database is served read-only): {', '.join(writes)}")
    quiet_request_tracebacks()
    with tempfile.TemporaryDirectory(prefix="minutebook-serve-") as tmp:
        metadata_path = Path(tmp) / "metadata.json"
        metadata_path.write_text(json.dumps(metadata, indent=2))
        datasette_cli.main(args=datasette_argv(db, args, metadata_path), prog_name="minutebook")
