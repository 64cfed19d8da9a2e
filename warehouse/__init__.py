"""The DuckDB warehouse: migrations, the single writer, versioned loads, conflicts and the read side."""

from __future__ import annotations

from gdwatch.warehouse.connection import connect, publish, published_path
from gdwatch.warehouse.errors import MigrationError, WarehouseBusyError, WarehouseError
from gdwatch.warehouse.health import drift_warnings, source_health
from gdwatch.warehouse.read import (
    PUBLIC_VIEWS,
    open_conflicts,
    query,
    recent_runs,
    run_conflicts,
    run_coverage,
)
from gdwatch.warehouse.records import (
    BatchCounts,
    CoverageRow,
    LoadBatch,
    PageRecord,
    RawPage,
    SourceFetch,
    SourceState,
)
from gdwatch.warehouse.staging import article_id_for
from gdwatch.warehouse.writer import Warehouse

__all__ = [
    "PUBLIC_VIEWS",
    "BatchCounts",
    "CoverageRow",
    "LoadBatch",
    "MigrationError",
    "PageRecord",
    "RawPage",
    "SourceFetch",
    "SourceState",
    "Warehouse",
    "WarehouseBusyError",
    "WarehouseError",
    "article_id_for",
    "connect",
    "drift_warnings",
    "open_conflicts",
    "publish",
    "published_path",
    "query",
    "recent_runs",
    "run_conflicts",
    "run_coverage",
    "source_health",
]
