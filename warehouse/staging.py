"""Turn a LoadBatch into column-wise Arrow tables (pages, raw bytes, observations) for bulk inserts."""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass, field

import pyarrow as pa

from gdwatch.extractors.pages.fingerprint import simhash
from gdwatch.warehouse.errors import WarehouseError
from gdwatch.warehouse.records import LoadBatch, PageRecord
from gdwatch.warehouse.values import article_id_for, utc

_TS = pa.timestamp("us", tz="UTC")

RAW_COMPRESSION_LEVEL = 3
"""zlib level of stored raw pages: on the corpus pages level 3 is about 2.5x as fast as level 6 for an
11 % larger blob (docs/benchmarks.md, "Both cores")."""

PAGES_SCHEMA = pa.schema(
    [
        ("page_ordinal", pa.int32()),
        ("source", pa.string()),
        ("entry_id", pa.string()),
        ("entry_url", pa.string()),
        ("fetched_url", pa.string()),
        ("fetched_at", _TS),
        ("listed_published_at", _TS),
        ("outcome", pa.string()),
        ("error", pa.string()),
        ("http_status", pa.int32()),
        ("content_type", pa.string()),
        ("encoding", pa.string()),
        ("raw_sha256", pa.string()),
        ("reprocessed", pa.bool_()),
        ("topic_key", pa.string()),
        ("etag", pa.string()),
        ("last_modified", pa.string()),
        ("cleaner_version", pa.string()),
        ("extractor_version", pa.string()),
        ("article_id", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("author", pa.string()),
        ("site_name", pa.string()),
        ("language", pa.string()),
        ("published_at", _TS),
        ("date_source", pa.string()),
        ("text", pa.string()),
        ("content_hash", pa.string()),
        ("simhash", pa.uint64()),
    ]
)

RAW_SCHEMA = pa.schema([("raw_sha256", pa.string()), ("raw_zlib", pa.binary()), ("raw_size", pa.int64())])

OBSERVATIONS_SCHEMA = pa.schema(
    [
        ("page_ordinal", pa.int32()),
        ("ordinal", pa.int32()),
        ("extractor_version", pa.string()),
        ("metric", pa.string()),
        ("subject", pa.string()),
        ("entity", pa.string()),
        ("partner", pa.string()),
        ("period", pa.string()),
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("qualifier", pa.string()),
        ("projection", pa.bool_()),
        ("resolution", pa.float64()),
        ("conversion_of", pa.int32()),
        ("quote", pa.string()),
        ("start_offset", pa.int32()),
        ("end_offset", pa.int32()),
        ("segment", pa.string()),
        ("basis", pa.string()),
        ("kind", pa.string()),
        ("unit_text", pa.string()),
    ]
)


@dataclass(frozen=True)
class StagedArticle:
    """An article page of the batch as the load classifies it (``load._classify``), without reading Arrow."""

    page_ordinal: int
    article_id: str
    content_hash: str
    extractions: dict[str | None, int]
    """Each extractor version of the page (its figures' and, when not empty, the page's own) with the
    number of figures it found on the page."""


@dataclass(frozen=True)
class StagedBatch:
    """The Arrow tables of one batch, and what the load classifies its article pages by."""

    pages: pa.Table
    raw: pa.Table
    observations: pa.Table
    articles: tuple[StagedArticle, ...] = ()
    """The pages whose outcome is "article", in page order."""
    outcomes: dict[str, int] = field(default_factory=dict)
    """Pages per outcome."""


def stage_batch(batch: LoadBatch) -> StagedBatch:
    """Build the Arrow tables of ``batch``: compressing raw bytes and fingerprinting article text.

    Args:
        batch: the pages to load.

    Returns:
        Pages (one row per PageRecord), distinct raw pages, and observations of article pages.

    Raises:
        WarehouseError: a page says ``outcome="article"`` without an article.
    """
    pages: dict[str, list[object]] = {name: [] for name in PAGES_SCHEMA.names}
    observations: dict[str, list[object]] = {name: [] for name in OBSERVATIONS_SCHEMA.names}
    raw: dict[str, tuple[bytes, int]] = {}
    articles: list[StagedArticle] = []
    outcomes: dict[str, int] = {}
    for ordinal, page in enumerate(batch.pages):
        outcomes[page.outcome] = outcomes.get(page.outcome, 0) + 1
        raw_sha = None
        if page.raw is not None and page.raw_sha256:
            raw_sha = page.raw_sha256  # stored already (a reprocess): nothing to hash, compress or insert
        elif page.raw is not None:
            raw_sha = hashlib.sha256(page.raw).hexdigest()
            if raw_sha not in raw:
                raw[raw_sha] = (zlib.compress(page.raw, RAW_COMPRESSION_LEVEL), len(page.raw))
        _append_page(pages, ordinal, page, raw_sha)
        if page.outcome == "article":
            assert page.article is not None  # why: _append_page refused an article page without one
            counted: dict[str | None, int] = {}
            for obs in page.observations:
                counted[obs.extractor_version] = counted.get(obs.extractor_version, 0) + 1
            if page.extractor_version:  # a page with no figure still records its extraction
                counted.setdefault(page.extractor_version, 0)
            articles.append(
                StagedArticle(ordinal, str(pages["article_id"][-1]), page.article.content_hash, counted)
            )
            for index, obs in enumerate(page.observations):
                row = {
                    "page_ordinal": ordinal,
                    "ordinal": index,
                    "extractor_version": obs.extractor_version,
                    "metric": obs.metric,
                    "subject": obs.subject,
                    "entity": obs.entity,
                    "partner": obs.partner,
                    "period": obs.period,
                    "value": obs.value,
                    "unit": obs.unit,
                    "qualifier": obs.qualifier,
                    "projection": obs.projection,
                    "resolution": obs.resolution,
                    "conversion_of": obs.conversion_of,
                    "quote": obs.quote,
                    "start_offset": obs.start,
                    "end_offset": obs.end,
                    "segment": obs.segment,
                    "basis": obs.basis,
                    "kind": obs.kind,
                    "unit_text": obs.unit_text,
                }
                for name, value in row.items():
                    observations[name].append(value)
    raw_columns = {
        "raw_sha256": list(raw),
        "raw_zlib": [blob for blob, _ in raw.values()],
        "raw_size": [size for _, size in raw.values()],
    }
    return StagedBatch(
        pages=pa.table(pages, schema=PAGES_SCHEMA),
        raw=pa.table(raw_columns, schema=RAW_SCHEMA),
        observations=pa.table(observations, schema=OBSERVATIONS_SCHEMA),
        articles=tuple(articles),
        outcomes=outcomes,
    )


def _append_page(
    columns: dict[str, list[object]], ordinal: int, page: PageRecord, raw_sha: str | None
) -> None:
    """Append one page's row; article columns stay null unless the page produced an article."""
    article = page.article if page.outcome == "article" else None
    if page.outcome == "article" and article is None:
        raise WarehouseError(
            f"source {page.source}, entry {page.entry_id}: outcome is 'article' but no Article was given; "
            "set the article or use outcome 'no_article'"
        )
    row: dict[str, object] = {
        "page_ordinal": ordinal,
        "source": page.source,
        "entry_id": page.entry_id,
        "entry_url": page.entry_url,
        "fetched_url": page.fetched_url,
        "fetched_at": utc(page.fetched_at),
        "listed_published_at": utc(page.listed_published_at),
        "outcome": page.outcome,
        "error": page.error,
        "http_status": page.http_status,
        "content_type": page.content_type,
        "encoding": page.encoding,
        "raw_sha256": raw_sha,
        "reprocessed": page.reprocessed,
        "topic_key": page.topic_key,
        "etag": page.etag,
        "last_modified": page.last_modified,
        "cleaner_version": page.cleaner_version,
        "extractor_version": page.extractor_version,
        "article_id": None,
        "url": None,
        "title": None,
        "author": None,
        "site_name": None,
        "language": None,
        "published_at": None,
        "date_source": None,
        "text": None,
        "content_hash": None,
        "simhash": None,
    }
    if article is not None:
        row.update(
            article_id=article_id_for(article.url),
            url=article.url,
            title=article.title,
            author=article.author,
            site_name=article.site_name,
            language=article.language,
            published_at=utc(article.published_at),
            date_source=article.date_source,
            text=article.text,
            content_hash=article.content_hash,
            simhash=page.simhash if page.simhash is not None else simhash(article.text),
        )
    for name, value in row.items():
        columns[name].append(value)
