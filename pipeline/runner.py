"""Run bookkeeping shared by every flow: lock the warehouse, record the run, publish, summarise."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from gdwatch.config.loader import Config
from gdwatch.pipeline.context import Progress, RunContext, RunSpec, registered
from gdwatch.pipeline.fetching import Fetcher
from gdwatch.pipeline.ingest import SourceReport
from gdwatch.pipeline.pages import process_job
from gdwatch.pipeline.summaries import RunSummary, report_summary_markdown
from gdwatch.pipeline.workers import Handler, PageWorkers
from gdwatch.warehouse import Warehouse, drift_warnings, run_conflicts_by_source, run_disagreements

if TYPE_CHECKING:
    from gdwatch.extractors.figures import FigureExtractor


def execute_run(
    flow_name: str,
    params: Mapping[str, object],
    config: Config,
    db_path: Path,
    work: Callable[[RunSpec], list[SourceReport]],
    *,
    any_topic: bool = False,
    now: datetime | None = None,
    progress: Progress | None = None,
    processes: int | None = None,
    page_handler: Handler = process_job,
) -> RunSummary:
    """Hold the writer lock for the whole run, record it in `runs`, do `work`, then publish the read copy.

    `work` receives the run as plain values; the live resources it needs are found with
    `pipeline.context.context_for(spec)` while the run is open. Pages are cleaned and extracted in
    `processes` worker processes (default: one per usable core), started on the first page;
    `page_handler` is what a worker does with a page (tests give their own).

    Raises:
        WarehouseBusyError: another run holds the writer lock (after waiting `lock_wait_s`).
    """
    started = now or datetime.now(UTC)
    with (
        # the run holds the file (no open and checkpoint per call) and checks its figures for many batches
        # at once (check_pending below, before it publishes); it reads only the published copy
        Warehouse(
            db_path,
            wait_s=config.settings.warehouse.lock_wait_s,
            config_dir=config.directory,
            hold_file=True,
            defer_checks=True,
        ) as warehouse,
        Fetcher(config.settings.politeness) as fetcher,
        PageWorkers(figure_engine(config), processes=processes, handler=page_handler) as workers,
    ):
        run_id = warehouse.start_run(flow=flow_name, params=params, started_at=started)
        spec = RunSpec(run_id=run_id, flow=flow_name, started_at=started, any_topic=any_topic)
        ctx = RunContext(
            spec=spec, config=config, fetcher=fetcher, warehouse=warehouse, progress=progress, workers=workers
        )
        try:
            with registered(ctx):
                reports = work(spec)
        except BaseException as exc:
            with suppress(Exception):  # the batches it loaded are compared before publishing, if possible;
                warehouse.check_pending(run_id=run_id)  # else they stay queued for the next run's check
            warehouse.finish_run(
                run_id,
                ended_at=datetime.now(UTC),
                status="failed",
                counts={},
                errors=[{"source": "*", "error": f"{type(exc).__name__}: {exc}"}],
            )
            warehouse.publish()
            raise
        summary = RunSummary(run_id=run_id, flow=flow_name, status="completed", reports=reports)
        # the run's batches left their checks to this one (on DuckLake, while another writer checked): none
        # of the run's figures stays unchecked when it ends, and the published copy has them compared
        summary.late_conflicts = warehouse.check_pending(run_id=run_id)
        if reports and all(r.failed for r in reports):
            summary.status = "failed"  # an outage: nothing could be read
        elif any(r.failed for r in reports):
            summary.status = "partial"
        warehouse.finish_run(
            run_id,
            ended_at=datetime.now(UTC),
            status=summary.status,
            counts=summary.totals(),
            errors=summary.errors(),
        )
        published = warehouse.publish()
    summary.published_path = str(published)
    read_published(summary, published, started=started, zone=config.settings.schedule.timezone)
    return summary


def read_published(summary: RunSummary, published: Path, *, started: datetime, zone: str) -> None:
    """What the summary reads from the run's published copy, each read in a thread of its own.

    The late conflicts by source, the disagreements the run opened, the drift warnings and the report's
    summary for the run's artifact (in the schedule's time zone, which the flows' artifacts use) are
    independent reads of one file; DuckDB runs them side by side (it releases the GIL) instead of one
    after the other at the end of every run. A failed read raises as it did when they ran in turn; the
    report's summary, which only the artifact needs, is read again when the artifact is written.
    """
    run_id = summary.run_id
    with ThreadPoolExecutor(max_workers=4, thread_name_prefix="published-reads") as reads:
        late = summary.late_conflicts
        by_source = reads.submit(run_conflicts_by_source, published, run_id) if late else None
        disagreements = reads.submit(run_disagreements, published, run_id)
        warnings = reads.submit(drift_warnings, published, now=started)
        report = reads.submit(report_summary_markdown, published, ZoneInfo(zone))
        if by_source is not None:
            _attribute_late_conflicts(summary, by_source.result())
        summary.disagreements = disagreements.result()
        summary.warnings = warnings.result()
        if report.exception() is None:
            summary.report_markdown = (zone, report.result())


def _attribute_late_conflicts(summary: RunSummary, by_source: Mapping[str, int]) -> None:
    """Give each source the conflicts the run's last check found on its articles, for the per-source table;
    the run's total stays the same (what no source of the summary brought stays counted as late)."""
    for report in summary.reports:
        found = min(by_source.get(report.source, 0), summary.late_conflicts)
        if found:
            report.counts = replace(report.counts, new_conflicts=report.counts.new_conflicts + found)
            summary.late_conflicts -= found


def figure_engine(config: Config) -> Callable[[], FigureExtractor]:
    """What compiles the run's figure engine; the page workers call it on the first page only."""

    def compile_engine() -> FigureExtractor:
        from gdwatch.extractors.figures import FigureExtractor

        return FigureExtractor(config.metrics, config.gazetteer)

    return compile_engine
