"""What the read commands print: tables that fit 100 columns, values and times for people, raw CSV/JSON.

`status`, `conflicts` and `sql --format table` are read by people: values are written as articles write
them ("9.1 trillion yuan", "9.1万亿元"), times in the configured time zone. `--json`, `--format csv|json`
and `gdwatch export` are read by programs: base units and UTC, exactly as in SQL.
"""

from __future__ import annotations

import csv
import json
import math
import sys
from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from gdwatch.pipeline.present import (
    format_duration,
    format_rate,
    format_share,
    format_time,
)

TABLE_BOX = box.SIMPLE_HEAD
WRAP_AT = 24
"""A text column wider than this wraps inside a table (`sql --format table`)."""


class SqlFormat(StrEnum):
    """`gdwatch sql --format`."""

    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(StrEnum):
    """`gdwatch export --format`."""

    parquet = "parquet"
    csv = "csv"


def json_value(value: Any) -> Any:
    """A JSON-ready raw value: datetimes and dates in ISO 8601 (UTC as stored), the rest as it is."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def print_json_lines(rows: Sequence[dict[str, Any]], out: TextIO | None = None) -> None:
    """One JSON object per line, raw values."""
    out = out or sys.stdout
    for row in rows:
        out.write(json.dumps({k: json_value(v) for k, v in row.items()}, ensure_ascii=False) + "\n")


def print_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]], out: TextIO | None = None) -> None:
    """A CSV document with a header row, raw values (JSON columns as JSON text)."""
    writer = csv.writer(out or sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if v is None else _csv_value(v) for v in row])


def people_cell(value: Any, zone: ZoneInfo) -> str:
    """A SQL value in a table for people: no exponent, no float noise, times in the configured zone."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if value.is_integer() and abs(value) < 1e16:
            return f"{int(value):,}"
        return f"{value:.15g}"
    if isinstance(value, datetime):
        return format_time(value, zone, seconds=True)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def print_rows(console: Console, title: str, rows: list[dict[str, object]]) -> None:
    """A titled table with one column per key (backfill coverage)."""
    if not rows:
        console.print(f"{title}: none")
        return
    table = Table(*rows[0].keys(), title=title)
    for row in rows:
        table.add_row(*["" if v is None else str(v) for v in row.values()])
    console.print(table)


def print_sql_table(
    console: Console, columns: Sequence[str], rows: Sequence[Sequence[Any]], zone: ZoneInfo
) -> None:
    """A table when it fits the console, else one block per row (`column  value`), like psql's \\x.

    A column wider than WRAP_AT counts as WRAP_AT: rich wraps its text within the table.
    """
    cells = [[people_cell(v, zone) for v in row] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    if sum(min(w, WRAP_AT) + 3 for w in widths) + 1 <= console.width:  # 3: padding and rule per column
        table = Table(*columns, box=TABLE_BOX, show_edge=False)
        for row in cells:
            table.add_row(*row)
        console.print(table)
    else:
        name_width = max((len(c) for c in columns), default=0)
        for number, row in enumerate(cells, start=1):
            console.rule(f"row {number}", align="left", style="dim")
            for column, cell in zip(columns, row, strict=True):
                line = Text(f"{column:<{name_width}}  ", style="bold")
                line.append(cell)
                console.print(line, overflow="fold")
    console.print(f"{len(rows)} row(s)")


def status_tables(
    runs: Sequence[dict[str, Any]], health: Sequence[dict[str, Any]], zone: ZoneInfo, *, wide: bool
) -> tuple[Table, Table]:
    """The last runs and each source's health, a few readable columns (all of them with `wide`)."""
    zone_name = datetime.now(zone).strftime("%Z")
    run_table = _table("last runs")
    for header in ("run", "flow", "status", f"started ({zone_name})", "took", "articles", "figures"):
        run_table.add_column(header, justify="right" if header in ("run", "articles", "figures") else "left")
    run_table.add_column("conflicts", justify="right")
    run_table.add_column("errors", justify="right")
    for run in runs:
        started, ended = run["started_at"], run["ended_at"]
        counts = run["counts"] or {}
        cells = [
            str(run["run_id"]),
            run["flow"],
            run["status"],
            _local(started, zone),
            format_duration((ended - started).total_seconds() if started and ended else None),
            str(counts.get("new_articles", 0)),
            str(counts.get("observations", 0)),
            str(counts.get("new_conflicts", 0)),
            str(len(run["errors"] or [])),
        ]
        run_table.add_row(*cells)

    health_table = _table("source health")
    health_table.add_column("source", overflow="fold", max_width=24)
    health_table.add_column(f"last success ({zone_name})")
    health_table.add_column("failures", justify="right")
    health_table.add_column("per day", justify="right")
    health_table.add_column("empty", justify="right")
    health_table.add_column("no date", justify="right")
    if wide:
        health_table.add_column("pages 7 d", justify="right")
    for row in health:
        cells = [
            row["source"],
            _local(row["last_success"], zone),
            str(row["consecutive_failures"]),
            f"{format_rate(row['articles_per_day'])} ({format_rate(row['baseline_articles_per_day'])})",
            _share_pair(row["empty_body_share"], row["baseline_empty_body_share"]),
            _share_pair(row["missing_date_share"], row["baseline_missing_date_share"]),
        ]
        if wide:
            cells.append(str(row["pages_last_7d"]))
        health_table.add_row(*cells)
    health_table.caption = "articles per day, empty bodies, no date: last 7 days (the 28 days before)"
    health_table.caption_justify = "left"
    return run_table, health_table


def status_details(
    runs: Sequence[dict[str, Any]], health: Sequence[dict[str, Any]], zone: ZoneInfo
) -> list[Padding]:
    """`status --wide`: what does not fit a column: each run's parameters, counts and errors, each
    source's last error."""
    lines: list[Padding] = []
    for run in runs:
        lines.append(
            _indented(f"run {run['run_id']} params: {json.dumps(run['params'], ensure_ascii=False)}")
        )
        lines.append(_indented(f"run {run['run_id']} counts: {_counts_text(run['counts'] or {})}"))
        for error in run["errors"] or []:
            lines.append(_indented(f"run {run['run_id']} error: {json.dumps(error, ensure_ascii=False)}"))
    for row in health:
        if row["last_error"]:
            when = format_time(row["last_error_at"], zone)
            lines.append(_indented(f"{row['source']} last error ({when}): {row['last_error']}"))
    return lines


def status_json(
    runs: Sequence[dict[str, Any]], health: Sequence[dict[str, Any]], warnings: Sequence[str]
) -> str:
    """`status --json`: one document with the raw runs, health rows and drift warnings."""
    document = {
        "runs": [{k: json_value(v) for k, v in run.items()} for run in runs],
        "sources": [{k: json_value(v) for k, v in row.items()} for row in health],
        "drift_warnings": list(warnings),
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _indented(text: str) -> Padding:
    """A detail line; its continuation lines are indented under it."""
    return Padding(Text(text, overflow="fold"), (0, 0, 0, 2))


def _local(moment: datetime | None, zone: ZoneInfo) -> str:
    """A recent time in the zone named by its column header, without the year: "01-20 17:30"."""
    return format_time(moment, zone).rsplit(" ", 1)[0][5:] if moment else "—"


def _table(title: str) -> Table:
    return Table(title=title, box=TABLE_BOX, title_justify="left", show_edge=False)


def _share_pair(recent: float | None, baseline: float | None) -> str:
    return f"{format_share(recent)} ({format_share(baseline)})"


def _counts_text(counts: dict[str, Any]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if v)


def _csv_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value
