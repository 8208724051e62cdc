"""The `minutebook` command: each verb parses options and calls one library function."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from extractor import __version__
from extractor.errors import MinutebookError


def fail(path: str, reason: str, hint: str | None = None) -> None:
    from extractor.paths import clean_text, display_path

    click.echo(f"Error: {display_path(path)}: {clean_text(reason)}", err=True)
    if hint:
        click.echo(f"Hint: {hint}", err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="minutebook")
def cli() -> None:
    """Turn meeting minutes into a searchable record of attendees, actions and decisions."""


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the extraction as JSON (see `minutebook schema`).")
def extract(file: Path, as_json: bool) -> None:
    """Extract meeting, attendees, actions and decisions from one FILE."""
    from extractor.pipeline import extract as run_extract
    from extractor.summary import render_summary

    try:
        result = run_extract(file)
    except MinutebookError as e:
        fail(e.path, e.reason, e.hint)
    except Exception as e:  # a bug or an unforeseen parser failure: still no traceback for the user
        fail(str(file), f"{type(e).__name__}: {e}")
    if as_json:
        click.echo(result.model_dump_json(indent=2))
    else:
        render_summary(result)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of `extract --json` output."""
    from models.extraction import Extraction

    click.echo(json.dumps(Extraction.model_json_schema(), indent=2))


@cli.command("import")
@click.argument("db", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--workers", "-w", type=click.IntRange(min=1), default=None,
              help="Extraction processes (default: number of CPUs).")
@click.option("--timeout", type=click.FloatRange(min=0), default=120.0, show_default=True,
              help="Seconds allowed per document; a slower one is recorded as a DocumentTimeout (0 = no limit).")
@click.option("--memory-limit", type=click.IntRange(min=0), default=2048, show_default=True, metavar="MIB",
              help="Memory (address space) each extraction process may use, in MiB; a document that needs "
                   "more is recorded as OutOfMemory (0 = no limit).")
@click.option("--force", is_flag=True, help="Re-extract files already imported and replace their rows.")
@click.option("--silent", "-s", is_flag=True, help="No progress output: only errors and the closing summary.")
def import_(db: Path, paths: tuple[Path, ...], workers: int | None, timeout: float, memory_limit: int,
            force: bool, silent: bool) -> None:
    """Import minutes files, and folders of them (recursively), into the SQLite database DB.

    \b
    Files with a supported suffix (.pdf .docx .txt .text .md .markdown .html .htm) are
    imported, except hidden files and project files named README, SOURCES, LICENSE,
    CHANGELOG, CONTRIBUTING, NOTICE, AUTHORS or COPYING; other files, named pipes and
    devices, and symbolic links out of the folders given are skipped and listed, with
    the reason, in the import_skipped table. A file whose sha256 is already in DB is
    unchanged (a copy at another path is listed in import_skipped), so running the same
    import again (or after an interruption) only does the remaining work; a changed file
    at a known path is stored as a new version. A document that cannot be imported is
    recorded in the import_errors table and the import goes on.

    \b
    Exit status:
      0    every document imported or unchanged
      1    some documents failed (see the import_errors table)
      2    usage error, a PATH that does not exist, or nothing to import
      130  interrupted (Ctrl-C); run the same command again to resume
    """
    import sqlite3

    from extractor.bulk import import_paths

    for p in paths:
        if not os.path.lexists(p):
            click.echo(f"Error: {p}: no such file or directory", err=True)
            sys.exit(2)
    try:
        report = import_paths(db, paths, workers=workers, force=force, timeout=timeout or None,
                              memory_limit_mib=memory_limit or None, progress=not silent)
    except (OSError, sqlite3.DatabaseError) as e:  # the database itself: missing folder, not SQLite
        click.echo(f"Error: {db}: {getattr(e, 'strerror', None) or e}", err=True)
        sys.exit(2)
    click.echo(report.summary())
    sys.exit(report.exit_code)


@cli.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("db", type=click.Path(path_type=Path))
@click.argument("datasette_args", nargs=-1, type=click.UNPROCESSED)
def serve(db: Path, datasette_args: tuple[str, ...]) -> None:
    """Publish the database DB with Datasette, read-only, with minutebook's metadata.

    \b
    Options after DB go to `datasette serve` unchanged, for example:
      minutebook serve minutebook.db --port 8123 --host 127.0.0.1
      minutebook serve minutebook.db --get /minutebook/actions.json
    Defaults: --setting sql_time_limit_ms 3000, suggest_facets off, default_page_size 50.
    Every action, decision and section links to its source file at /-/minutebook/source/ID.
    """
    from extractor.publish.serve import ServeError, serve as run_serve

    try:
        run_serve(db, datasette_args)
    except ServeError as e:
        fail(str(db), str(e))
    except UnicodeDecodeError:  # datasette's --get prints text responses only
        fail(str(db), "--get can only print text responses; open binary sources (PDF, Word) in a browser")


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
