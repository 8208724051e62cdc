"""A readable summary of one extraction, for `minutebook extract` without `--json`."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from models.extraction import Extraction


def _where(p) -> str:
    parts = []
    if p.page:
        parts.append(f"p. {p.page}")
    if p.line:
        parts.append(f"line {p.line}")
    return ", ".join(parts)


def render_summary(x: Extraction, console: Console | None = None) -> None:
    console = console or Console()
    m = x.meeting
    console.print(f"[bold]{m.title or x.document.path}[/bold]")
    if m.organisation:
        console.print(m.organisation)
    console.print(f"{x.document.kind}, {x.document.format}"
                  + (f", {x.document.pages} pages" if x.document.pages else "")
                  + (f" — meeting {m.date}" if m.date else "")
                  + (f", next {m.next_meeting_date}" if m.next_meeting_date else ""))
    if x.attendees:
        by_status: dict[str, list[str]] = {}
        for a in x.attendees:
            by_status.setdefault(a.status, []).append(a.name + (f" ({a.initials})" if a.initials else ""))
        for status, names in by_status.items():
            console.print(f"[bold]{status.replace('_', ' ').capitalize()}:[/bold] " + ", ".join(names))
    if x.actions:
        t = Table(title=f"{len(x.actions)} actions", show_lines=False)
        for col in ("owner", "action", "due", "where"):
            t.add_column(col)
        for a in x.actions:
            t.add_row(", ".join(a.owners) or "—", a.text + ("" if a.explicit else " [dim](narrative)[/dim]"),
                      a.due or (a.due_text or ""), _where(a.provenance))
        console.print(t)
    else:
        console.print("No actions found.")
    if x.decisions:
        console.print(f"[bold]{len(x.decisions)} decisions[/bold]")
        for d in x.decisions:
            console.print(f" • {d.text} [dim]{_where(d.provenance)}[/dim]")
    for w in x.warnings:
        console.print(f"[yellow]warning:[/yellow] {w}")
