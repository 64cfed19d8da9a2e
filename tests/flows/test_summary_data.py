"""The run-summary artifact reads the report's summary through one connection: the same records as the
report's own four reads (timeline, disagreements, the latest run's changes, health), on the demo warehouse."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from gdwatch.pipeline.report import data
from gdwatch.pipeline.report.build import summary_sentences
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
