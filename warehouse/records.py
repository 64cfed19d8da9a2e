"""Records the flows hand to the warehouse writer and get back from it."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Literal

from gdwatch.extractors.records import Article, Observation

PageOutcome = Literal["article", "off_topic", "no_article", "failed"]
FetchOutcome = Literal["fetched", "not_modified", "failed"]
RunStatus = Literal["completed", "partial", "failed"]


@dataclass(frozen=True)
class PageRecord:
    """One listed entry after fetching and cleaning: what happened, the raw bytes and what came out."""

    source: str
    entry_id: str
    entry_url: str
    fetched_url: str | None
    fetched_at: datetime
    listed_published_at: datetime | None
    """Publication date the feed or sitemap gave for the entry."""
    outcome: PageOutcome
    error: str | None
    http_status: int | None
    content_type: str | None
    encoding: str | None
    raw: bytes | None
    """Raw page bytes; stored zlib-compressed, content-addressed by SHA-256 (a reprocess re-sends them)."""
    article: Article | None
    """The cleaned article when ``outcome == "article"``."""
    observations: tuple[Observation, ...] = ()
    cleaner_version: str = ""
    """Labels article versions: which cleaning code produced the text."""
    reprocessed: bool = False
    """True when produced by ``backfill --reprocess`` from stored raw bytes (no fetch happened)."""
    extractor_version: str = ""
    """Extractor that produced ``observations``; set it so an extraction that found no figure is
    recorded too (otherwise it is taken from the observations)."""
    simhash: int | None = None
    """The article text's simhash when it was computed with the page (in a worker); else staging does."""
    topic_key: str | None = None
    """The topic settings the outcome was decided under (see ``RunContext.topic_key``)."""
    etag: str | None = None
    """The page's ETag, for a later conditional GET (revisits)."""
    last_modified: str | None = None
    """The page's Last-Modified, likewise."""
    raw_sha256: str | None = None
    """The SHA-256 of ``raw`` when those bytes are stored already (a reprocess re-sends them): the load
    neither hashes nor compresses them again."""


@dataclass(frozen=True)
class SourceFetch:
    """One fetch of a source's feed or listing, recorded with the batch that finishes the source."""

    source: str
    url: str
    fetched_at: datetime
    outcome: FetchOutcome
    http_status: int | None
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    entries_listed: int
    entries_new: int
    error: str | None
    parse_error: str | None
    """Bozo message of a malformed feed that still yielded entries."""
    topic_key: str | None = None
    """The topic settings the entries were judged under (see ``PageRecord.topic_key``)."""


@dataclass(frozen=True)
class LoadBatch:
    """Pages to load in one transaction, optionally with the feed fetch they came from."""

    pages: tuple[PageRecord, ...]
    source_fetch: SourceFetch | None = None
    """Recorded in the same transaction, so a crash before it leaves the feed state unadvanced."""


@dataclass(frozen=True)
class BatchCounts:
    """What one or more ``load_batch`` calls stored."""

    new_articles: int = 0
    """Articles seen for the first time (version 1)."""
    new_versions: int = 0
    """Articles whose text changed (version >= 2)."""
    unchanged: int = 0
    """Articles whose text equals their latest stored version."""
    duplicates: int = 0
    """Pages whose canonical URL already appeared earlier in the same batch."""
    off_topic: int = 0
    no_article: int = 0
    failed: int = 0
    observations: int = 0
    """Observation rows inserted."""
    new_conflicts: int = 0
    """Conflicts opened by the batch."""

    def __add__(self, other: BatchCounts) -> BatchCounts:
        """Field-wise sum, so a flow can total the counts of its batches."""
        if not isinstance(other, BatchCounts):
            return NotImplemented
        return BatchCounts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


@dataclass(frozen=True)
class SourceState:
    """What the last successful fetch of a source returned, for a conditional GET and a body-hash check."""

    etag: str | None
    last_modified: str | None
    body_hash: str | None
    fetched_at: datetime
    topic_key: str | None = None
    """The topic settings the feed was last read under; under others its validators do not apply."""


@dataclass(frozen=True)
class RevisitCandidate:
    """A recent article of a source to re-check: its entry, URL and the validators of its last fetch."""

    entry_id: str
    entry_url: str
    url: str
    listed_published_at: datetime | None
    etag: str | None
    last_modified: str | None
    raw_sha256: str | None


@dataclass(frozen=True)
class RawPage:
    """A stored raw page, decompressed, as ``backfill --reprocess`` needs it."""

    source: str
    entry_id: str
    entry_url: str
    fetched_url: str | None
    fetched_at: datetime
    listed_published_at: datetime | None
    content_type: str | None
    encoding: str | None
    raw: bytes
    topic_key: str | None = None
    """The topic settings the page was stored under: 'any' when it was kept whatever its topic."""
    raw_sha256: str = ""
    """The SHA-256 of ``raw`` as stored (its content address)."""


@dataclass(frozen=True)
class CoverageRow:
    """How many entries a source listed, fetched and stored for one publication day."""

    source: str
    day: date
    listed: int
    fetched: int
    stored: int
    error: str | None = None
    """Why the day's listing failed; None when it was read (then listed 0 is a quiet day)."""
