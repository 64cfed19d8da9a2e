"""RunSummary totals: the conflicts a run's last check opened count with the batches' own."""

from __future__ import annotations

from gdwatch.pipeline.ingest import SourceReport
from gdwatch.pipeline.summaries import RunSummary
from gdwatch.warehouse.records import BatchCounts


def test_late_conflicts_count_in_the_runs_new_conflicts() -> None:
    reports = [
        SourceReport(source="a", counts=BatchCounts(new_articles=2, new_conflicts=1)),
        SourceReport(source="b", counts=BatchCounts(new_articles=1)),
    ]
    summary = RunSummary(run_id=7, flow="daily", status="completed", reports=reports)
    assert summary.totals()["new_conflicts"] == 1
    summary.late_conflicts = 2
    assert summary.totals()["new_conflicts"] == 3
    assert summary.totals()["new_articles"] == 3
