"""The `minutebook` command: each verb parses options and calls one library function."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from extractor import __version__
from extractor.errors import MinutebookError


def fail(path: str, reason: str, hint: str | None = None) -> None:
    click.echo(f"Error: {path}: {reason}", err=True)
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


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
