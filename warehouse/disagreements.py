"""The load step behind the disagreement views: fingerprint new articles, then re-cluster touched figures.

A load appends, in its own transaction: each new article version's outlet and witness
(``store.article_fingerprints``, ``store.article_bands``), then one snapshot of the value clusters of
every figure scope the batch touched (``store.cluster_snapshots``, ``store.cluster_members``). The views
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

# A sentence that says its figure revises an earlier one (matched on the lower-cased quote).
REVISION_PATTERN = (
    r"\b(revised|revision|corrected|finali[sz]ed|final (verification|figures?|data|accounting))\b"
    r"|最终核实|最终核算|最终数|修订为|修订后|修正为|核实后|最終核實|修訂為"
)


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


def refresh_disagreements(
    conn: duckdb.DuckDBPyConnection,
    *,
    run_id: int,
    settings: DisagreementSettings | None = None,
    outlets: OutletTable | None = None,
    timings: dict[str, float] | None = None,
    config_dir: Path | None = None,
) -> int:
    """Fingerprint the batch's new article versions and snapshot the clusters of the scopes it touched.

    Args:
        conn: the load's connection inside its transaction, after the batch's figures were inserted
            (``batch_articles`` and ``batch_extractions`` exist).
        run_id: the run loading the batch.
        settings: stock window and near-copy threshold; the configured ones by default.
        outlets: the outlet table; the configured one by default.
        config_dir: the configuration directory the defaults come from (``--config DIR``).
        timings: if given, receives the seconds spent fingerprinting (``fingerprint_articles``) and
            clustering (``cluster_figures``), included in the load's ``refresh_disagreements``.

    Returns:
        The number of snapshot rows written (one per cluster, one per emptied scope).
    """
    settings = settings or configured_settings(config_dir)
    started = time.perf_counter()
    insert_fingerprints(
        conn,
        run_id=run_id,
        threshold=settings.near_copy_similarity,
        outlets=outlets or configured_outlets(config_dir),
    )
    fingerprinted = time.perf_counter()
    row = None
    lap = fingerprinted
    for name, params in (
        ("create_touched_scopes", None),
        ("create_touched_figures", {"revision_pattern": REVISION_PATTERN}),
        ("create_touched_clusters", {"stock_window_days": settings.stock_window_days}),
        ("insert_cluster_snapshots", {"run_id": run_id}),
        ("insert_cluster_members", None),
    ):
        result = conn.execute(read_sql(name), params)
        if name == "insert_cluster_snapshots":
            row = result.fetchone()
        if timings is not None:  # per statement too, so a slow one shows up in a benchmark's breakdown
            now = time.perf_counter()
            timings[f"cluster:{name}"] = timings.get(f"cluster:{name}", 0.0) + now - lap
            lap = now
    if timings is not None:
        timings["fingerprint_articles"] = timings.get("fingerprint_articles", 0.0) + fingerprinted - started
        timings["cluster_figures"] = timings.get("cluster_figures", 0.0) + time.perf_counter() - fingerprinted
    return int(row[0]) if row else 0
