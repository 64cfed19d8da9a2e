"""Run bookkeeping shared by every flow: lock the warehouse, record the run, publish, summarise."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path

from gdwatch.config.loader import Config
from gdwatch.pipeline.fetching import Fetcher
from gdwatch.pipeline.ingest import RunContext, SourceReport
from gdwatch.pipeline.summaries import RunSummary
from gdwatch.warehouse import Warehouse, drift_warnings, run_conflicts


def execute_run(
    flow_name: str,
    params: Mapping[str, object],
    config: Config,
    db_path: Path,
    work: Callable[[RunContext], list[SourceReport]],
    *,
    any_topic: bool = False,
    now: datetime | None = None,
) -> RunSummary:
    """Hold the writer lock for the whole run, record it in `runs`, do `work`, then publish the read copy.

    Raises:
        WarehouseBusyError: another run holds the writer lock (after waiting `lock_wait_s`).
    """
    started = now or datetime.now(UTC)
    with (
        Warehouse(db_path, wait_s=config.settings.warehouse.lock_wait_s) as warehouse,
        Fetcher(config.settings.politeness) as fetcher,
    ):
        run_id = warehouse.start_run(flow=flow_name, params=params, started_at=started)
        ctx = RunContext(
            config=config,
            fetcher=fetcher,
            warehouse=warehouse,
            run_id=run_id,
            now=started,
            any_topic=any_topic,
        )
        try:
            reports = work(ctx)
        except BaseException as exc:
            warehouse.finish_run(
                run_id,
                ended_at=datetime.now(UTC),
                status="failed",
                counts={},
                errors=[{"source": "*", "error": f"{type(exc).__name__}: {exc}"}],
            )
            warehouse.publish()
            raise
        status = "partial" if any(r.failed for r in reports) else "completed"
        summary = RunSummary(run_id=run_id, flow=flow_name, status=status, reports=reports)
        warehouse.finish_run(
            run_id,
            ended_at=datetime.now(UTC),
            status=status,
            counts=summary.totals(),
            errors=summary.errors(),
        )
        published = warehouse.publish()
    summary.published_path = str(published)
    summary.conflicts = run_conflicts(published, run_id)
    summary.warnings = drift_warnings(published, now=started)
    return summary
