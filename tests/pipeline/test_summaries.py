"""RunSummary: the conflicts a run's last check opened count with the batches' own; a reprocess says
what it kept."""

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


def test_a_reprocess_says_how_many_pages_kept_their_text() -> None:
    from gdwatch.pipeline.backfill import ReprocessReport
    from gdwatch.pipeline.summaries import markdown_summary, reprocess_lines

    report = ReprocessReport(source="reprocess", figures_only=239, recleaned=2)
    summary = RunSummary(run_id=8, flow="backfill", status="completed", reports=[report])
    line = "reprocess: 239 pages kept their stored text (figures only), 2 cleaned again"
    assert reprocess_lines(summary) == [line]
    assert f"- {line}" in markdown_summary(summary)
    daily = RunSummary(run_id=9, flow="daily", status="completed", reports=[SourceReport(source="a")])
    assert reprocess_lines(daily) == []
