"""Factories for warehouse tests: articles, observations and page records built directly."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from gdwatch.extractors.records import Article, Observation
from gdwatch.warehouse import PageRecord, Warehouse

T0 = datetime(2026, 1, 10, 8, 0, tzinfo=UTC)
EXTRACTOR = "ext-1.0"


def make_article(url: str, text: str, *, published_at: datetime | None = T0, title: str = "Title") -> Article:
    """An article with the given canonical URL and text."""
    return Article(
        url=url,
        title=title,
        author=None,
        site_name="Example Daily",
        text=text,
        language="en",
        published_at=published_at,
        date_source="page" if published_at else None,
    )


def make_obs(
    value: float,
    *,
    metric: str | None = "foreign_trade_total",
    entity: str = "Guangdong",
    partner: str | None = None,
    period: str | None = "2025",
    unit: str = "CNY",
    qualifier: str = "exact",
    projection: bool = False,
    resolution: float = 0.0,
    conversion_of: int | None = None,
    quote: str = "Guangdong's foreign trade reached RMB9.1 trillion in 2025.",
    extractor_version: str = EXTRACTOR,
    segment: str | None = None,
    basis: str | None = None,
    kind: str = "level",
) -> Observation:
    """An observation of ``metric`` with everything else defaulted to a Guangdong 2025 actual."""
    return Observation(
        metric=metric,
        subject="foreign trade",
        entity=entity,
        partner=partner,
        period=period,
        value=value,
        unit=unit,
        qualifier=qualifier,  # type: ignore[arg-type]
        projection=projection,
        quote=quote,
        start=0,
        end=10,
        extractor_version=extractor_version,
        resolution=resolution,
        conversion_of=conversion_of,
        segment=segment,
        basis=basis,  # type: ignore[arg-type]
        kind=kind,  # type: ignore[arg-type]
    )


def make_page(
    url: str,
    text: str = "Body text.",
    *,
    observations: tuple[Observation, ...] = (),
    source: str = "chinadaily",
    entry_id: str | None = None,
    fetched_at: datetime = T0,
    published_at: datetime | None = T0,
    raw: bytes | None = None,
    outcome: str = "article",
    **changes: Any,
) -> PageRecord:
    """A page record; ``outcome="article"`` pages carry an article built from ``url`` and ``text``."""
    page = PageRecord(
        source=source,
        entry_id=entry_id or url,
        entry_url=url,
        fetched_url=url,
        fetched_at=fetched_at,
        listed_published_at=published_at,
        outcome=outcome,  # type: ignore[arg-type]
        error=None,
        http_status=200,
        content_type="text/html",
        encoding="utf-8",
        raw=raw if raw is not None else f"<html><body>{text}</body></html>".encode(),
        article=make_article(url, text, published_at=published_at) if outcome == "article" else None,
        observations=observations,
        cleaner_version="clean-1",
    )
    return replace(page, **changes) if changes else page


BOTH_BACKENDS = {"test_conflicts", "test_versioning", "test_health"}
"""Modules whose tests use only the Warehouse API and the read side: they run on a DuckDB file and on a
DuckLake catalog on PostgreSQL (tests/scaleout/fixtures.py)."""


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames and metafunc.module.__name__.rsplit(".", 1)[-1] in BOTH_BACKENDS:
        backends = ["duckdb", pytest.param("ducklake", marks=pytest.mark.scaleout)]
        metafunc.parametrize("backend", backends, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "duckdb"))


@pytest.fixture
def db_path(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Path:
    """The warehouse: a DuckDB file, or (backend ducklake) a fresh DuckLake catalog on PostgreSQL."""
    if backend == "ducklake":
        return Path(request.getfixturevalue("new_lake")())
    return tmp_path / "data" / "warehouse.duckdb"


@pytest.fixture
def wh(db_path: Path) -> Iterator[Warehouse]:
    with Warehouse(db_path) as warehouse:
        yield warehouse
