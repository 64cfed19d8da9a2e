"""The DuckDB warehouse: migrations, the single writer, versioned loads, conflicts and the read side.

The names below load their module on first use, so the read side (`gdwatch sql`, `status`) never
imports the writer's Arrow staging.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gdwatch.warehouse.connection import connect, publish, published_path
    from gdwatch.warehouse.errors import MigrationError, WarehouseBusyError, WarehouseError
    from gdwatch.warehouse.health import drift_warnings, source_health
    from gdwatch.warehouse.read import (
        PUBLIC_VIEWS,
        changes_since,
        open_conflicts,
        open_disagreements,
        query,
        recent_runs,
        run_conflicts,
        run_conflicts_by_source,
        run_coverage,
        run_disagreements,
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
    from gdwatch.warehouse.values import article_id_for
    from gdwatch.warehouse.writer import Warehouse

_HOMES = {
    "connect": "connection",
    "publish": "connection",
    "published_path": "connection",
    "MigrationError": "errors",
    "WarehouseBusyError": "errors",
    "WarehouseError": "errors",
    "drift_warnings": "health",
    "source_health": "health",
    "PUBLIC_VIEWS": "read",
    "open_conflicts": "read",
    "open_disagreements": "read",
    "changes_since": "read",
    "query": "read",
    "recent_runs": "read",
    "run_conflicts": "read",
    "run_conflicts_by_source": "read",
    "run_coverage": "read",
    "run_disagreements": "read",
    "BatchCounts": "records",
    "CoverageRow": "records",
    "LoadBatch": "records",
    "PageRecord": "records",
    "RawPage": "records",
    "SourceFetch": "records",
    "SourceState": "records",
    "article_id_for": "values",
    "Warehouse": "writer",
}

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
    "changes_since",
    "connect",
    "drift_warnings",
    "open_conflicts",
    "open_disagreements",
    "publish",
    "published_path",
    "query",
    "recent_runs",
    "run_conflicts",
    "run_conflicts_by_source",
    "run_coverage",
    "run_disagreements",
    "source_health",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
