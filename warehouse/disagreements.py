"""The load steps behind the disagreement views: fingerprint new articles, then re-cluster touched figures.

A load appends, in its own transaction: each new article version's outlet and witness
(``store.article_fingerprints``, ``store.article_bands``), then reads the current figures of every figure
scope the batch touched (shared with the conflict steps, which run between), then one snapshot of their
value clusters (``store.cluster_snapshots``, ``store.cluster_members``). The views
``disagreements``, ``consensus``, ``changes`` and their kin read the latest snapshot of each scope, or
compare consecutive ones, so reading them costs no clustering.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb

from gdwatch.config.errors import ConfigError
from gdwatch.config.loader import resolve_config_dir
from gdwatch.config.models import ConflictSettings
from gdwatch.warehouse.fingerprints import OutletTable, configured_outlets, insert_fingerprints
from gdwatch.warehouse.sql import read_sql


@dataclass(frozen=True)
class DisagreementSettings:
    """What the step needs from the configuration."""

    stock_window_days: int = 31
    near_copy_similarity: float = 0.5


@cache
def configured_settings(directory: Path | None = None) -> DisagreementSettings:
    """The ``[conflicts]`` section of a configuration directory's gdwatch.toml (``--config DIR``, else
    $GDWATCH_CONFIG, else the packaged one), else the defaults."""
    import tomllib

    path = resolve_config_dir(directory) / "gdwatch.toml"
    try:
        section = tomllib.loads(path.read_text(encoding="utf-8")).get("conflicts", {})
    except (OSError, tomllib.TOMLDecodeError):
        section = {}
    try:
        parsed = ConflictSettings.model_validate(section)
    except ValueError as exc:
        raise ConfigError(str(path), "conflicts", str(exc)) from None
    return DisagreementSettings(parsed.stock_window_days, parsed.near_copy_similarity)


def fingerprint_batch(
    conn: duckdb.DuckDBPyConnection,
    *,
    run_id: int,
    settings: DisagreementSettings,
    outlets: OutletTable | None = None,
    timings: dict[str, float] | None = None,
    config_dir: Path | None = None,
) -> None:
    """Store the outlet, MinHash fingerprint and witness of each of the batch's new article versions.

    Args:
        conn: the load's connection inside its transaction (``batch_articles`` exists, the versions are
            inserted).
        run_id: the run loading the batch.
        settings: the near-copy threshold.
        outlets: the outlet table; the configured one by default.
        timings: if given, receives the seconds spent (``fingerprint_articles``).
        config_dir: the configuration directory the default outlets come from (``--config DIR``).
    """
    started = time.perf_counter()
    insert_fingerprints(
        conn,
        run_id=run_id,
        threshold=settings.near_copy_similarity,
        outlets=outlets or configured_outlets(config_dir),
    )
    if timings is not None:
        timings["fingerprint_articles"] = (
            timings.get("fingerprint_articles", 0.0) + time.perf_counter() - started
        )


def select_touched_figures(
    conn: duckdb.DuckDBPyConnection, *, timings: dict[str, float] | None = None
) -> None:
    """Create ``touched_scopes`` and ``touched_figures``: the current figures of the scopes the batch touched.

    The one read of the stored figures per batch: the conflict steps and :func:`snapshot_clusters` share it.

    Args:
        conn: the load's connection inside its transaction, after the batch's figures and fingerprints were
            inserted (``batch_articles`` and ``batch_extractions`` exist).
        timings: if given, receives the seconds of each statement (``cluster:<statement>``) and their sum
            (``touched_figures``).
    """
    _run_statements(
        conn,
        ("create_touched_scopes", None),
        ("create_touched_figures", None),
        timings=timings,
        total="touched_figures",
    )


def snapshot_clusters(
    conn: duckdb.DuckDBPyConnection,
    *,
    run_id: int,
    settings: DisagreementSettings,
    timings: dict[str, float] | None = None,
) -> None:
    """Cluster the touched figures and append one snapshot of every touched scope.

    Args:
        conn: the load's connection inside its transaction, after :func:`select_touched_figures`.
        run_id: the run loading the batch.
        settings: the stock window.
        timings: if given, receives the seconds of each statement (``cluster:<statement>``) and their sum
            (``cluster_figures``).
    """
    _run_statements(
        conn,
        ("create_touched_clusters", {"stock_window_days": settings.stock_window_days}),
        ("insert_cluster_snapshots", {"run_id": run_id}),
        ("insert_cluster_members", None),
        timings=timings,
        total="cluster_figures",
    )


def _run_statements(
    conn: duckdb.DuckDBPyConnection,
    *statements: tuple[str, dict[str, object] | None],
    timings: dict[str, float] | None,
    total: str,
) -> None:
    """Run the statement files in order; per statement too, so a slow one shows up in a benchmark."""
    started = lap = time.perf_counter()
    for name, params in statements:
        conn.execute(read_sql(name), params)
        if timings is not None:
            now = time.perf_counter()
            timings[f"cluster:{name}"] = timings.get(f"cluster:{name}", 0.0) + now - lap
            lap = now
    if timings is not None:
        timings[total] = timings.get(total, 0.0) + time.perf_counter() - started
