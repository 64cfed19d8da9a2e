"""The run-summary artifact reads the report's summary through one connection: the same records as the
report's own four reads (timeline, disagreements, the latest run's changes, health), on the demo warehouse."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from gdwatch.pipeline.report import data
from gdwatch.pipeline.report.build import summary_sentences
from gdwatch.pipeline.summaries import report_summary_markdown
from gdwatch.warehouse import published_path


def test_the_run_summary_reads_what_the_report_reads(demo_warehouse: Path) -> None:
    published = published_path(demo_warehouse)
    now = datetime.now(UTC)

    once = data.summary_data(published, now=now)

    assert once.disagreements, "the demo opens a disagreement: the shared figures must be exercised"
    assert once.lines == data.timeline(published)
    assert once.disagreements == data.disagreements(published)
    assert once.latest_run == data.run_changes(published, limit=1)
    assert once.health == data.health(published, now=now)
    zone = ZoneInfo("Asia/Shanghai")
    assert summary_sentences(once.lines, once.disagreements, once.latest_run, once.health, zone) == (
        summary_sentences(
            data.timeline(published),
            data.disagreements(published),
            data.run_changes(published, limit=1),
            data.health(published, now=now),
            zone,
        )
    )


def test_the_summary_links_a_written_report_of_a_relative_warehouse_path(
    demo_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `make demo` passes --db data/demo.duckdb: the second demo found the first one's report and failed
    shutil.copyfile(published_path(demo_warehouse), tmp_path / "w.read.duckdb")
    (tmp_path / "w-report").mkdir()
    (tmp_path / "w-report" / "index.html").write_text("<html></html>", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    markdown = report_summary_markdown(Path("w.read.duckdb"), ZoneInfo("UTC"))

    uri = (tmp_path / "w-report" / "index.html").as_uri()
    assert (
        markdown[-1]
        == f"Full report: [w-report/index.html]({uri}), written by `gdwatch report --db w.duckdb`."
    )
