"""The run summary: one row per source, totals, new conflicts and drift warnings, as text and markdown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.console import Console
from rich.table import Table

from gdwatch.pipeline.ingest import SourceReport
from gdwatch.warehouse.records import RunStatus

COLUMNS = (
    ("source", "source"),
    ("status", "feed"),
    ("listed", "listed"),
    ("new_entries", "new"),
    ("new_articles", "articles"),
    ("new_versions", "versions"),
    ("unchanged", "unchanged"),
    ("duplicates", "dupes"),
    ("off_topic", "off-topic"),
    ("no_article", "no text"),
    ("failed_pages", "failed"),
    ("observations", "figures"),
    ("new_conflicts", "conflicts"),
)


@dataclass
class RunSummary:
    """Everything a finished run reports: printed by the CLI, published as a Prefect artifact."""

    run_id: int
    flow: str
    status: RunStatus
    reports: list[SourceReport]
    conflicts: list[dict[str, object]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    published_path: str = ""

    @property
    def failed_sources(self) -> list[SourceReport]:
        return [r for r in self.reports if r.failed]

    def totals(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for report in self.reports:
            for key, value in report.as_row().items():
                if isinstance(value, int):
                    totals[key] = totals.get(key, 0) + value
        return totals

    def errors(self) -> list[dict[str, str]]:
        errors = []
        for report in self.reports:
            if report.error:
                errors.append({"source": report.source, "error": report.error})
            if report.parse_error:
                errors.append({"source": report.source, "error": f"malformed feed: {report.parse_error}"})
            errors.extend({"source": report.source, "error": e} for e in report.page_errors)
        return errors


def render_table(summary: RunSummary) -> Table:
    table = Table(title=f"gdwatch {summary.flow} — run {summary.run_id}: {summary.status}")
    for _, header in COLUMNS:
        table.add_column(header, justify="left" if header in ("source", "feed") else "right")
    for report in summary.reports:
        row = report.as_row()
        table.add_row(*[str(row[key]) for key, _ in COLUMNS])
    return table


def print_summary(summary: RunSummary, console: Console) -> None:
    """Print the per-source table, then why each failed source failed, new conflicts and warnings."""
    console.print(render_table(summary))
    for report in summary.reports:
        if report.error:
            console.print(f"[red]✗ {report.source}[/red]: {report.error}")
        if report.parse_error:
            console.print(
                f"[yellow]! {report.source}[/yellow]: malformed feed, kept what parsed: {report.parse_error}"
            )
        for error in report.page_errors:
            console.print(f"[yellow]! {report.source}[/yellow]: page {error}")
    for conflict in summary.conflicts:
        console.print(f"[magenta]≠ conflict[/magenta] {describe_conflict(conflict)}")
    for warning in summary.warnings:
        console.print(f"[yellow]drift[/yellow]: {warning}")
    if summary.published_path:
        console.print(f"consumers read: {summary.published_path}")


def describe_conflict(conflict: dict[str, object]) -> str:
    return (
        f"{conflict.get('metric')} / {conflict.get('entity')} / {conflict.get('period')}: "
        f"{_fmt(conflict.get('value'))} {conflict.get('unit')} ({conflict.get('url')}) vs "
        f"{_fmt(conflict.get('conflicting_value'))} ({conflict.get('conflicting_url')})"
    )


def markdown_summary(summary: RunSummary) -> str:
    """The Prefect artifact: a markdown table of sources, then conflicts and warnings."""
    header = "| " + " | ".join(h for _, h in COLUMNS) + " |"
    rule = "|" + "|".join("---" for _ in COLUMNS) + "|"
    rows = [
        "| " + " | ".join(_md(str(report.as_row()[key])) for key, _ in COLUMNS) + " |"
        for report in summary.reports
    ]
    lines = [f"# gdwatch {summary.flow}, run {summary.run_id}: {summary.status}", "", header, rule, *rows]
    if summary.conflicts:
        lines += ["", "## New conflicts", ""] + [f"- {_md(describe_conflict(c))}" for c in summary.conflicts]
    errors = summary.errors()
    if errors:
        lines += ["", "## Errors", ""] + [f"- **{e['source']}**: {_md(e['error'])}" for e in errors]
    if summary.warnings:
        lines += ["", "## Drift warnings", ""] + [f"- {_md(w)}" for w in summary.warnings]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:.4g}"
    return str(value)


def exit_code(summaries: Sequence[RunSummary]) -> int:
    """0 when every source was read, 1 when some failed (the rest still loaded)."""
    return 1 if any(s.failed_sources for s in summaries) else 0
