"""The run summary: one row per source, totals, new conflicts and drift warnings, as text and markdown.

The terminal table fits 100 columns (the pages skipped for each reason are listed under it); the
markdown artifact keeps one column per count and ends with the report's summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from gdwatch.pipeline.ingest import SourceReport
from gdwatch.pipeline.present import format_figure
from gdwatch.warehouse.records import RunStatus

COLUMNS = (
    ("source", "source"),
    ("status", "feed"),
    ("listed", "listed"),
    ("no_link", "no link"),
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
"""The artifact's columns: (key of SourceReport.as_row(), header)."""

SKIPPED = (
    ("no_link", "without an http(s) link"),
    ("unchanged", "unchanged"),
    ("duplicates", "duplicates"),
    ("off_topic", "off-topic"),
    ("no_article", "no text"),
)
"""Pages read but not stored, by reason: listed under the terminal table."""
FEED_STATUS = {"fetched": "read", "not_modified": "unchanged", "failed": "failed"}


@dataclass
class RunSummary:
    """Everything a finished run reports: printed by the CLI, published as a Prefect artifact."""

    run_id: int
    flow: str
    status: RunStatus
    reports: list[SourceReport]
    disagreements: list[dict[str, object]] = field(default_factory=list)
    """The disagreements this run opened that are still open (rows of the ``disagreements`` view)."""
    warnings: list[str] = field(default_factory=list)
    published_path: str = ""
    late_conflicts: int = 0
    """Conflicts opened by the run's last check, of figures whose batch left its check to it (a run checks
    many batches at once, and a DuckLake writer may leave a check to another); counted in
    ``new_conflicts``. Once published, each source gets the share found on its articles; what is left here
    no source of the summary brought."""
    report_markdown: tuple[str, list[str]] | None = None
    """The report's summary for the artifact, read with the run's other reads of the published copy:
    (time zone, markdown lines); None: `markdown_summary` reads it."""

    @property
    def failed_sources(self) -> list[SourceReport]:
        return [r for r in self.reports if r.failed]

    def totals(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for report in self.reports:
            for key, value in report.as_row().items():
                if isinstance(value, int):
                    totals[key] = totals.get(key, 0) + value
        if self.late_conflicts:
            totals["new_conflicts"] = totals.get("new_conflicts", 0) + self.late_conflicts
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
    """The per-source table for a terminal: eight columns that fit 100; skipped pages go under it."""
    table = Table(
        title=f"gdwatch {summary.flow} — run {summary.run_id}: {summary.status}",
        box=box.SIMPLE_HEAD,
        show_edge=False,
    )
    table.add_column("source", overflow="fold", max_width=24)
    table.add_column("feed")
    for header in ("new/listed", "articles", "versions", "failed", "figures", "conflicts"):
        table.add_column(header, justify="right")
    for report in summary.reports:
        row = report.as_row()
        table.add_row(
            report.source,
            FEED_STATUS.get(str(row["status"]), str(row["status"])),
            f"{row['new_entries']}/{row['listed']}",
            str(row["new_articles"]),
            str(row["new_versions"]),
            str(row["failed_pages"]),
            str(row["observations"]),
            str(row["new_conflicts"]),
        )
    return table


def revisit_lines(summary: RunSummary) -> list[str]:
    """ "demo-en revisited 40, changed 1", one line per source that re-checked recent articles."""
    return [
        f"{report.source} revisited {report.revisited}, changed {report.changed}"
        for report in summary.reports
        if report.revisited
    ]


def reprocess_lines(summary: RunSummary) -> list[str]:
    """ "reprocess: 241 pages kept their stored text (figures only), 0 cleaned again", for a reprocess."""
    lines = []
    for report in summary.reports:
        kept, cleaned = getattr(report, "figures_only", None), getattr(report, "recleaned", None)
        if isinstance(kept, int) and isinstance(cleaned, int) and (kept or cleaned):
            kept_text = f"{kept} pages kept their stored text (figures only)"
            lines.append(f"{report.source}: {kept_text}, {cleaned} cleaned again")
    return lines


def skipped_lines(summary: RunSummary) -> list[str]:
    """ "demo-en skipped 1 off-topic", one line per source that skipped pages."""
    lines = []
    for report in summary.reports:
        row = report.as_row()
        reasons = [f"{row[key]} {label}" for key, label in SKIPPED if row[key]]
        if reasons:
            lines.append(f"{report.source} skipped {', '.join(reasons)}")
    return lines


def print_summary(summary: RunSummary, console: Console) -> None:
    """Print the per-source table, then why each failed source failed, new disagreements and warnings."""
    console.print(render_table(summary))
    for line in skipped_lines(summary) + revisit_lines(summary) + reprocess_lines(summary):
        console.print(Text(line, style="dim"))
    for report in summary.reports:
        if report.error:
            console.print(f"[red]✗ {report.source}[/red]: {report.error}", highlight=False)
        if report.parse_error:
            console.print(
                f"[yellow]! {report.source}[/yellow]: malformed feed, kept what parsed: {report.parse_error}",
                highlight=False,
            )
        for error in report.page_errors:
            console.print(f"[yellow]! {report.source}[/yellow]: page {error}", highlight=False)
    for disagreement in summary.disagreements:
        line = describe_disagreement(disagreement)
        console.print(f"[magenta]≠ disagreement[/magenta] {line}", highlight=False)
    for warning in summary.warnings:
        console.print(f"[yellow]drift[/yellow]: {warning}", highlight=False)
    if summary.published_path:
        console.print(f"consumers read: {summary.published_path}", highlight=False)


def describe_disagreement(row: dict[str, object]) -> str:
    """'foreign_trade_total / Guangdong / 2025: 9.1 trillion yuan (2 witnesses: A; B) vs 9.4 trillion yuan
    (1 witness: C)': the two values, each with its independent witnesses and outlets."""
    parts = (row.get(name) for name in ("metric", "entity", "partner", "segment", "basis"))
    key = " / ".join(str(part) for part in parts if part)
    return f"{key} / {row.get('period') or 'no period'}: {_side(row, '')} vs {_side(row, 'other_')}"


def markdown_summary(summary: RunSummary, *, zone: ZoneInfo | None = None) -> str:
    """The Prefect artifact: a markdown table of sources, conflicts, errors, warnings, then the report's
    summary (read from the published copy; times in `zone`, default UTC)."""
    header = "| " + " | ".join(h for _, h in COLUMNS) + " |"
    rule = "|" + "|".join("---" for _ in COLUMNS) + "|"
    rows = [
        "| " + " | ".join(_md(str(report.as_row()[key])) for key, _ in COLUMNS) + " |"
        for report in summary.reports
    ]
    lines = [f"# gdwatch {summary.flow}, run {summary.run_id}: {summary.status}", "", header, rule, *rows]
    notes = revisit_lines(summary) + reprocess_lines(summary)
    if notes:
        lines += ["", *[f"- {_md(line)}" for line in notes]]
    if summary.disagreements:
        lines += ["", "## New disagreements", ""]
        lines += [f"- {_md(describe_disagreement(d))}" for d in summary.disagreements]
    errors = summary.errors()
    if errors:
        lines += ["", "## Errors", ""] + [f"- **{e['source']}**: {_md(e['error'])}" for e in errors]
    if summary.warnings:
        lines += ["", "## Drift warnings", ""] + [f"- {_md(w)}" for w in summary.warnings]
    if summary.published_path and Path(summary.published_path).exists():
        zone = zone or ZoneInfo("UTC")
        read = summary.report_markdown
        report = read[1] if read is not None and read[0] == str(zone) else None
        if report is None:
            report = report_summary_markdown(Path(summary.published_path), zone)
        lines += ["", *report]
    return "\n".join(lines) + "\n"


def report_summary_markdown(published: Path, zone: ZoneInfo) -> list[str]:
    """The report's summary as markdown lines, with where the full report is (or how to write it)."""
    from datetime import UTC, datetime

    from gdwatch.pipeline.report import data
    from gdwatch.pipeline.report.build import default_report_dir, summary_sentences

    read = data.summary_data(published, now=datetime.now(UTC))
    sentences = summary_sentences(read.lines, read.disagreements, read.latest_run, read.health, zone)
    markdown = ["## Report summary", ""]
    markdown += [("  - " if s.startswith("  ") else "- ") + _md(s.strip()) for s in sentences]
    db = published.with_name(published.name.replace(".read.duckdb", ".duckdb"))
    index = default_report_dir(db) / "index.html"
    # why: a file URI needs an absolute path, and --db may be relative (make demo: data/demo.duckdb)
    where = f"[{index}]({index.resolve().as_uri()}), written" if index.exists() else "not written yet"
    markdown += ["", f"Full report: {where} by `gdwatch report --db {db}`."]
    return markdown


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _side(row: dict[str, object], prefix: str) -> str:
    """One side of a disagreement for people: "9.1 trillion yuan (2 witnesses: Demo Daily; 示例日报)"."""
    value = row.get(f"{prefix}value")
    witnesses = row.get(f"{prefix}witnesses")
    said = (
        format_figure(
            float(value),
            str(row.get("unit")),
            qualifier=str(row.get(f"{prefix}qualifier") or "exact"),
            projection=bool(row.get("projection")),
        )
        if isinstance(value, int | float)
        else str(value)
    )
    return f"{said} ({witnesses} witness{'' if witnesses == 1 else 'es'}: {row.get(f'{prefix}outlets')})"


def exit_code(summaries: Sequence[RunSummary]) -> int:
    """0 when every source was read, 1 when some failed (the rest still loaded)."""
    return 1 if any(s.failed_sources for s in summaries) else 0
