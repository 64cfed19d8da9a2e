"""What people read at a 100-column terminal: snapshots of status, conflicts, sql and the run summary.

The snapshots live in tests/flows/snapshots/; after an intended change of the output, rewrite them with
GDWATCH_UPDATE_SNAPSHOTS=1 and read the diff.
"""

from __future__ import annotations

import io
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from rich.console import Console

from gdwatch.flows.cli_output import (
    print_csv,
    print_sql_table,
    status_details,
    status_json,
    status_tables,
)
from gdwatch.pipeline.ingest import SourceReport
from gdwatch.pipeline.summaries import RunSummary, markdown_summary, print_summary
from gdwatch.warehouse import BatchCounts

SNAPSHOTS = Path(__file__).parent / "snapshots"
SHANGHAI = ZoneInfo("Asia/Shanghai")
WIDTH = 100


def render(draw: Any) -> str:
    console = Console(file=io.StringIO(), width=WIDTH, color_system=None, record=True)
    draw(console)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"


def matches_snapshot(name: str, text: str) -> None:
    assert max(len(line) for line in text.splitlines()) <= WIDTH, f"{name}: wider than {WIDTH} columns"
    path = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("GDWATCH_UPDATE_SNAPSHOTS") == "1" or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def at(hour: int, minute: int = 0, day: int = 20) -> datetime:
    return datetime(2026, 1, day, hour, minute, tzinfo=UTC)


RUNS: list[dict[str, Any]] = [
    {
        "run_id": 12,
        "flow": "daily-run",
        "params": {"feeds": [], "any_topic": False, "config_dir": "config", "db": "data/warehouse.duckdb"},
        "started_at": at(22),
        "ended_at": at(22, 3),
        "status": "partial",
        "counts": {"new_articles": 14, "observations": 57, "new_conflicts": 1, "listed": 120},
        "errors": [{"source": "xinhua-en", "error": "timeout after 20 s"}],
    },
    {
        "run_id": 11,
        "flow": "backfill",
        "params": {"since": "2026-01-01", "until": "2026-01-19", "sources": ["gdtoday-sitemap"]},
        "started_at": at(9, 30, 19),
        "ended_at": at(10, 32, 19),
        "status": "completed",
        "counts": {"new_articles": 310, "observations": 1204, "new_conflicts": 6},
        "errors": [],
    },
]
HEALTH: list[dict[str, Any]] = [
    {
        "source": "google-news-guangdong-en",
        "last_success": at(22),
        "last_error": None,
        "last_error_at": None,
        "consecutive_failures": 0,
        "articles_per_day": 9.571428571428571,
        "baseline_articles_per_day": 10.25,
        "pages_last_7d": 71,
        "empty_body_share": 0.05633802816901408,
        "baseline_empty_body_share": 0.04,
        "articles_last_7d": 67,
        "missing_date_share": 0.0,
        "baseline_missing_date_share": 0.0,
    },
    {
        "source": "xinhua-en",
        "last_success": at(6, 0, 17),
        "last_error": "timeout after 20 s",
        "last_error_at": at(22),
        "consecutive_failures": 3,
        "articles_per_day": 0.0,
        "baseline_articles_per_day": 2.5714285714285716,
        "pages_last_7d": 0,
        "empty_body_share": None,
        "baseline_empty_body_share": 0.1,
        "articles_last_7d": 0,
        "missing_date_share": None,
        "baseline_missing_date_share": 0.2,
    },
]
DISAGREEMENT: dict[str, Any] = {
    "disagreement_id": "d3fdf73f4697b703b5a38cb11a50dde5",
    "metric": "foreign_trade_total",
    "entity": "Guangdong",
    "partner": None,
    "segment": None,
    "basis": None,
    "period": "2025",
    "unit": "CNY",
    "projection": False,
    "value": 9.1e12,
    "qualifier": "exact",
    "witnesses": 2,
    "articles": 3,
    "outlets": "21st Century Business Herald; 南方日报",
    "other_value": 9.4e12,
    "other_qualifier": "over",
    "other_witnesses": 1,
    "other_articles": 1,
    "other_outlets": "Reuters",
    "relative_difference": 0.0319,
    "opened_run_id": 12,
}


def test_status_fits_100_columns() -> None:
    def draw(console: Console) -> None:
        for table in status_tables(RUNS, HEALTH, SHANGHAI, wide=False):
            console.print(table)

    matches_snapshot("status", render(draw))


def test_status_wide_adds_what_does_not_fit_a_column() -> None:
    def draw(console: Console) -> None:
        for table in status_tables(RUNS, HEALTH, SHANGHAI, wide=True):
            console.print(table)
        for line in status_details(RUNS, HEALTH, SHANGHAI):
            console.print(line)

    matches_snapshot("status-wide", render(draw))


def test_status_json_keeps_raw_values() -> None:
    document = json.loads(status_json(RUNS, HEALTH, ["xinhua-en: the feed failed 3 times in a row"]))
    assert document["runs"][0]["started_at"] == "2026-01-20T22:00:00+00:00"
    assert document["sources"][0]["articles_per_day"] == 9.571428571428571
    assert document["drift_warnings"] == ["xinhua-en: the feed failed 3 times in a row"]


def test_sql_table_is_raw_but_readable_and_wide_results_go_one_row_per_block() -> None:
    columns = ["metric", "period", "value", "published_at", "agreed"]
    rows = [
        ("exports", None, 5.9e12, at(9, 30), True),
        ("rd_intensity", "2025", 56.150000000000006, None, False),
    ]
    narrow = render(lambda console: print_sql_table(console, columns, rows, SHANGHAI))
    assert "5,900,000,000,000" in narrow and "56.15 " in narrow and "e+12" not in narrow
    wide_columns = [f"column_{i}" for i in range(17)]
    wide_rows = [tuple(f"value {i}" for i in range(17))]
    wide = render(lambda console: print_sql_table(console, wide_columns, wide_rows, SHANGHAI))
    assert "column_16  value 16" in wide and "…" not in wide
    matches_snapshot("sql", narrow + wide)


def test_sql_csv_is_raw() -> None:
    out = io.StringIO()
    print_csv(["metric", "value", "published_at", "counts"], [("exports", 5.9e12, at(9, 30), {"n": 1})], out)
    assert out.getvalue() == (
        'metric,value,published_at,counts\nexports,5900000000000.0,2026-01-20T09:30:00+00:00,"{""n"": 1}"\n'
    )


def summary() -> RunSummary:
    def report(source: str, status: str, listed: int, new: int, **counts: int) -> SourceReport:
        return SourceReport(
            source=source, status=status, listed=listed, new_entries=new, counts=BatchCounts(**counts)
        )

    return RunSummary(
        run_id=12,
        flow="daily-run",
        status="partial",
        reports=[
            report("google-news-guangdong-en", "fetched", 100, 12, new_articles=9, new_versions=1,
                   duplicates=1, off_topic=1, observations=41, new_conflicts=1),
            report("chinadaily-business", "not_modified", 0, 0),
            SourceReport(source="xinhua-en", status="failed", error="timeout after 20 s"),
        ],
        disagreements=[DISAGREEMENT],
    )  # fmt: skip


def test_run_summary_fits_100_columns() -> None:
    matches_snapshot("run-summary", render(lambda console: print_summary(summary(), console)))


def test_run_summary_artifact_keeps_every_count_and_people_values() -> None:
    markdown = markdown_summary(summary(), zone=SHANGHAI)
    row = "| google-news-guangdong-en | fetched | 100 | 0 | 12 | 9 | 1 | 0 | 1 | 1 | 0 | 0 | 41 | 1 |"
    assert row in markdown
    assert (
        "foreign_trade_total / Guangdong / 2025: 9.1 trillion yuan (2 witnesses: 21st Century Business "
        "Herald; 南方日报) vs over 9.4 trillion yuan (1 witness: Reuters)"
    ) in markdown


@pytest.mark.parametrize("wide", [False, True])
def test_status_headers_are_never_cut(wide: bool) -> None:
    text = render(
        lambda console: [console.print(t) for t in status_tables(RUNS, HEALTH, SHANGHAI, wide=wide)]
    )
    assert "…" not in text and "last success (CST)" in text


def test_each_source_gets_its_own_progress_bar_that_knows_its_total() -> None:
    from rich.progress import Progress

    from gdwatch.flows.progress import SourcesProgress

    progress = Progress(console=Console(file=io.StringIO(), force_terminal=True, width=WIDTH))
    bars = SourcesProgress(progress)
    for source, pages in (("demo-en", 3), ("demo-zh", 2)):
        bars.listed(source, pages)
        for _ in range(pages - 1):
            bars.page_done(source)
    done = {t.description: (t.completed, t.total) for t in progress.tasks}
    assert done == {"demo-en": (2, 3), "demo-zh": (1, 2)}
    quiet = SourcesProgress(None)
    quiet.listed("x", 1)
    quiet.page_done("x")  # no terminal: nothing drawn, nothing raised
