"""Typed records passed between the stages: feed entries, articles and observations.

Records are frozen dataclasses: extractors create them, flows pass them on, the warehouse loads them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Qualifier = Literal["exact", "approx", "over", "under"]
FigureKind = Literal["level", "change", "share", "increment", "multiple"]
"""What sort of quantity a figure is (docs/figure-labels-v2.md, rule 11)."""
Basis = Literal["yoy", "mom", "qoq", "avg_annual", "share_of_plan"]
"""What a change or a plan figure is measured against (docs/figure-labels-v2.md, rule 12)."""
DateSource = Literal["feed", "page", "url"]


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of an RSS/Atom feed, a sitemap or an archive listing."""

    entry_id: str
    """The item's guid/id, or its link when it has none."""
    url: str
    """The link as the feed gives it (may be a redirect or carry tracking parameters)."""
    title: str = ""
    published_at: datetime | None = None
    """Timezone-aware (UTC) publication time claimed by the feed, if any."""
    summary: str = ""


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """What a feed document yielded: its entries, and the parse error if it was malformed (bozo)."""

    entries: tuple[FeedEntry, ...]
    title: str | None = None
    error: str | None = None
    skipped: int = 0
    """Items left out because they carry no http(s) link (a mailto:, a relative link with no base, none)."""


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: main text and metadata extracted from one fetched page."""

    url: str
    """Canonical URL: rel=canonical / og:url when present, tracking parameters stripped."""
    title: str | None
    author: str | None
    site_name: str | None
    text: str
    language: str | None
    published_at: datetime | None
    date_source: DateSource | None
    """Which evidence gave published_at: the feed, the page metadata or a date in the URL."""

    @property
    def content_hash(self) -> str:
        """SHA-256 of the cleaned text: a new article version is stored only when this changes."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Observation:
    """One figure an article reports."""

    metric: str | None
    """Key of the metrics catalogue, or None when no metric matches (subject is kept)."""
    subject: str
    """The phrase the figure is about, e.g. "foreign trade", "exports to ASEAN"."""
    entity: str
    """Who the figure is about: "Guangdong" unless the text names a city, company or country."""
    partner: str | None
    """Trade partner (ASEAN, EU, Hong Kong, US, ...) for bilateral figures, else None."""
    period: str | None
    """"2025", "2025-Q3", "2025-01..2025-08", "2021..2025", "2026-11-25" (as of), or None."""
    value: float
    """Value in base units: RMB9.49 trillion is 9.49e12 with unit CNY."""
    unit: str
    """ISO currency code, "%", "pp", "years", the counted noun, or "count"."""
    qualifier: Qualifier
    projection: bool
    """True for forecasts, targets and "expected to" figures."""
    quote: str
    """The verbatim sentence the figure comes from."""
    start: int
    """Character offset of the figure's text in the article text."""
    end: int
    extractor_version: str
    resolution: float = 0.0
    """Size of one unit in the last written digit, in base units ("9.5 trillion" -> 1e11); 0 if unknown.

    Conflict detection widens an exact figure to value ± resolution / 2."""
    conversion_of: int | None = None
    """Index (in the same extraction's list) of the figure this one restates in another currency."""
    segment: str | None = None
    """The part of the entity's whole the figure is about ("private enterprises", "electromechanical
    products", a company), or None for the whole. Figures are compared only within one segment."""
    basis: Basis | None = None
    """What a change is measured against; None for levels and shares of a whole."""
    kind: FigureKind = "level"
    unit_text: str = ""
    """The unit as written ("企业", "firms", "万亿元"); ``unit`` is canonical."""
