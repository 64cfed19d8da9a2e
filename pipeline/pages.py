"""One page, bytes to figures: the one path shared by runs, `backfill --reprocess` and `gdwatch extract`.

`process_page` decodes the bytes, cleans the HTML into an article, applies the relevance check and extracts
the figures. Every caller goes through it, so the same page gives the same figures whichever command
reads it; in particular the publication date falls back the same way everywhere (page evidence, then the
listing's date, then the day the page was read).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal

from gdwatch.config.models import MetricCatalogue, RelevanceSettings
from gdwatch.extractors.records import Article, Observation
from gdwatch.pipeline.context import RunContext
from gdwatch.pipeline.fetching import FetchError, FetchResult
from gdwatch.warehouse import PageRecord

if TYPE_CHECKING:
    from concurrent.futures import Future

    from gdwatch.extractors.figures import FigureExtractor

# NOTE: the figure engine and the cleaner (trafilatura, htmldate) are imported by the functions that use
# them (0.4 s): a run that finds nothing new never processes a page (workers import them before forking).

ProcessedOutcome = Literal["article", "off_topic", "no_article"]
PAGE_TYPES = ("text/html", "application/xhtml+xml")
"""What a page may be served as (generic types are sniffed by the fetcher)."""


@dataclass(frozen=True)
class ProcessedPage:
    """What a page yielded: an article with its figures, or why it is not one."""

    outcome: ProcessedOutcome
    encoding: str
    """The codec the bytes were decoded with."""
    reason: str | None = None
    """Why the page is not an article (``no_article``)."""
    article: Article | None = None
    observations: tuple[Observation, ...] = ()
    simhash: int | None = None
    """The article text's near-duplicate fingerprint, computed where the page was processed."""


def process_page(
    raw: bytes,
    *,
    content_type: str | None,
    url: str,
    listed_published_at: datetime | None,
    read_at: datetime,
    catalogue: MetricCatalogue,
    relevance: RelevanceSettings | None,
    extractor: FigureExtractor | None = None,
) -> ProcessedPage:
    """Decode, clean, check relevance and extract the figures of one fetched page.

    Args:
        raw: the page's bytes as fetched (or as stored, for a reprocess).
        content_type: the HTTP Content-Type, if any (its charset is one decoding hint).
        url: the URL the page was read from; relative links and the canonical URL resolve against it.
        listed_published_at: the date the feed, sitemap or user gave for the page.
        read_at: when the page was fetched; the publication date falls back to its day.
        catalogue: the metrics catalogue figures are matched against.
        relevance: the topic terms; None keeps off-topic articles (``--any-topic``, ``gdwatch extract``).
        extractor: the figure engine compiled once for many pages (a run's workers); None compiles one
            from `catalogue` and the packaged gazetteer for this page.
    """
    from gdwatch.extractors.pages import clean_article, decode_html

    html, encoding = decode_html(raw, content_type)
    cleaned = clean_article(html, url=url, feed_published=listed_published_at, now=read_at)
    if cleaned.article is None:
        return ProcessedPage(outcome="no_article", encoding=encoding, reason=cleaned.reason)
    return judged_article(
        cleaned.article,
        encoding=encoding,
        read_at=read_at,
        catalogue=catalogue,
        relevance=relevance,
        extractor=extractor,
    )


def judged_article(
    article: Article,
    *,
    encoding: str,
    read_at: datetime,
    catalogue: MetricCatalogue,
    relevance: RelevanceSettings | None,
    extractor: FigureExtractor | None = None,
) -> ProcessedPage:
    """What follows cleaning: the relevance check, the figures and the fingerprint of a cleaned article.

    A page cleaned now and a page whose stored article the current cleaner produced go through this same
    step, so both give the same outcome and figures (the date falls back to the day the page was read).
    """
    from gdwatch.extractors.figures import extract_observations
    from gdwatch.extractors.pages import is_relevant, simhash

    if relevance is not None and not is_relevant(
        article.title, article.text, terms_en=relevance.terms_en, terms_zh=relevance.terms_zh
    ):
        return ProcessedPage(outcome="off_topic", encoding=encoding, article=article)
    if extractor is not None:
        observations = extractor.extract(
            article.text, published=publication_day(article, read_at), headline=article.title
        )
    else:
        observations = extract_observations(
            article.text,
            published=publication_day(article, read_at),
            catalogue=catalogue,
            headline=article.title,
        )
    return ProcessedPage(
        outcome="article",
        encoding=encoding,
        article=article,
        observations=tuple(observations),
        simhash=simhash(article.text),
    )


def publication_day(article: Article, read_at: datetime) -> date:
    """The day relative periods ("this year", "last month") resolve against: published, else read."""
    return (article.published_at or read_at).date()


@dataclass(frozen=True)
class PageJob:
    """One page to process: its bytes and the settings it is read under (see `process_page`).

    Plain values only, so a job can be sent to a worker process (`pipeline.workers`).
    """

    raw: bytes
    content_type: str | None
    url: str
    listed_published_at: datetime | None
    read_at: datetime
    relevance: RelevanceSettings | None


@dataclass(frozen=True)
class StoredArticleJob:
    """A stored page whose stored article the current cleaner produced: only the steps after cleaning run.

    Plain values only, like `PageJob`. `encoding` is the codec the page's bytes were decoded with.
    """

    article: Article
    encoding: str
    read_at: datetime
    relevance: RelevanceSettings | None


Job = PageJob | StoredArticleJob
"""What a worker is given: a page to clean and extract, or a stored article to extract again."""


def process_job(job: Job, extractor: FigureExtractor) -> ProcessedPage:
    """`process_page` with a job's settings and a compiled figure engine: what a worker does with a page.

    A `StoredArticleJob` skips decoding and cleaning (`judged_article` only).
    """
    if isinstance(job, StoredArticleJob):
        return judged_article(
            job.article,
            encoding=job.encoding,
            read_at=job.read_at,
            catalogue=extractor.catalogue,
            relevance=job.relevance,
            extractor=extractor,
        )
    return process_page(
        job.raw,
        content_type=job.content_type,
        url=job.url,
        listed_published_at=job.listed_published_at,
        read_at=job.read_at,
        catalogue=extractor.catalogue,
        relevance=job.relevance,
        extractor=extractor,
    )


def page_skeleton(
    source: str, entry_id: str, entry_url: str, listed_published_at: datetime | None, fetched_at: datetime
) -> PageRecord:
    """A record for one entry before anything is known of its page: the outcome is filled in later."""
    from gdwatch.extractors.pages import CLEANER_VERSION

    return PageRecord(
        source=source,
        entry_id=entry_id,
        entry_url=entry_url,
        fetched_url=None,
        fetched_at=fetched_at,
        listed_published_at=listed_published_at,
        outcome="failed",
        error=None,
        http_status=None,
        content_type=None,
        encoding=None,
        raw=None,
        article=None,
        cleaner_version=CLEANER_VERSION,
    )


def fetched(page: PageRecord, result: FetchResult) -> PageRecord:
    """The record of an entry once its page answered: where from, with what status, type and validators."""
    return replace(
        page,
        fetched_url=result.final_url,
        http_status=result.status,
        content_type=result.content_type,
        etag=result.etag,
        last_modified=result.last_modified,
    )


def processed_record(
    ctx: RunContext, page: PageRecord, raw: bytes, *, relevance: RelevanceSettings | None
) -> PageRecord:
    """Process a page's bytes into its record, under the run's catalogue and the given topic settings.

    The page is read as of its fetch time, from the URL it answered at, in one of the run's worker
    processes when it has them. A bug met on one page fails that page alone ("failed": retried next run),
    never the source's other pages.
    """
    return finished_record(submit_page(ctx, page, raw, relevance=relevance))


@dataclass(frozen=True)
class PendingPage:
    """A page handed to a worker: its record so far, its bytes and the worker's answer to come."""

    page: PageRecord
    raw: bytes
    result: Future[ProcessedPage] | ProcessedPage | Exception


def submit_page(
    ctx: RunContext, page: PageRecord, raw: bytes, *, relevance: RelevanceSettings | None
) -> PendingPage:
    """Start processing a page (in a worker process when the run has them) and return at once."""
    # a reprocess gives the topic settings the page was stored under; every other page is read under the run's
    page = replace(page, topic_key=page.topic_key or ctx.topic_key)
    job = PageJob(
        raw=raw,
        content_type=page.content_type,
        url=page.fetched_url or page.entry_url,
        listed_published_at=page.listed_published_at,
        read_at=page.fetched_at,
        relevance=relevance,
    )
    return submit_job(ctx, page, raw, job)


def submit_job(ctx: RunContext, page: PageRecord, raw: bytes, job: Job) -> PendingPage:
    """Start a page's job (in a worker process when the run has them); `raw` is kept for its record."""
    page = replace(page, topic_key=page.topic_key or ctx.topic_key)
    if ctx.workers is not None:
        return PendingPage(page, raw, ctx.workers.submit(job))
    from gdwatch.extractors.figures import FigureExtractor

    try:
        return PendingPage(
            page, raw, process_job(job, FigureExtractor(ctx.config.metrics, ctx.config.gazetteer))
        )
    except Exception as exc:
        return PendingPage(page, raw, exc)


def finished_record(pending: PendingPage) -> PageRecord:
    """Wait for a page's processing and make its record; an error fails the page alone."""
    result = pending.result
    try:
        processed = result if isinstance(result, ProcessedPage | Exception) else result.result()
    except Exception as exc:
        processed = exc
    if isinstance(processed, Exception):
        error = (
            f"processing the page failed ({type(processed).__name__}: {processed}); it is retried next run"
        )
        return replace(pending.page, outcome="failed", error=error)
    return with_processed(pending.page, processed, pending.raw)


def with_processed(page: PageRecord, processed: ProcessedPage, raw: bytes) -> PageRecord:
    """The record of a fetched page once processed; raw bytes are kept only for articles."""
    if processed.outcome != "article":
        return replace(page, outcome=processed.outcome, error=processed.reason, encoding=processed.encoding)
    from gdwatch.extractors.figures import EXTRACTOR_VERSION

    return replace(
        page,
        outcome="article",
        error=None,
        encoding=processed.encoding,
        raw=raw,
        article=processed.article,
        observations=processed.observations,
        extractor_version=EXTRACTOR_VERSION,
        simhash=processed.simhash,
    )


def failed_fetch(page: PageRecord, error: FetchError) -> PageRecord:
    """The record of a page that could not be fetched.

    A timeout or a 5xx may pass: "failed" pages are retried next run. A 404, a PDF, a 50 MB page or a
    robots.txt refusal will not change: recorded once as "no_article" with the reason.
    """
    outcome: Literal["failed", "no_article"] = "failed" if is_transient(error) else "no_article"
    return replace(page, outcome=outcome, error=str(error), http_status=error.status)


def is_transient(error: FetchError) -> bool:
    """Whether trying the same URL again later may succeed."""
    if error.kind in ("timeout", "network", "dns"):
        return True
    return (
        error.kind == "http_status"
        and error.status is not None
        and (error.status >= 500 or error.status == 429)
    )
