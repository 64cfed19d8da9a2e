"""Run bookkeeping shared by every flow: lock the warehouse, record the run, publish, summarise."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from gdwatch.config.loader import Config
from gdwatch.pipeline.context import Progress, RunContext, RunSpec, registered
from gdwatch.pipeline.fetching import Fetcher
from gdwatch.pipeline.ingest import SourceReport
from gdwatch.pipeline.pages import process_job
from gdwatch.pipeline.summaries import RunSummary
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
    if summary.late_conflicts:
        _attribute_late_conflicts(summary, run_conflicts_by_source(published, run_id))
    summary.disagreements = run_disagreements(published, run_id)
    summary.warnings = drift_warnings(published, now=started)
    return summary


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
