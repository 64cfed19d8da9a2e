"""Typed, validated configuration: settings, the source catalogue and the metrics catalogue.

Every model forbids unknown keys, so a typo fails loudly with the file and the key.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

SourceKind = Literal["rss", "atom", "sitemap", "gdelt"]
UnitKind = Literal["currency", "percent", "pp", "count", "years", "ratio", "any"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScheduleSettings(_Strict):
    cron: str = Field(default="0 6 * * *", description="Cron expression of the daily run.")
    timezone: str = Field(default="Asia/Shanghai", description="IANA time zone the cron is read in.")

    @field_validator("cron")
    @classmethod
    def _five_fields(cls, value: str) -> str:
        if len(value.split()) != 5:
            raise ValueError("a cron expression has five fields, e.g. '0 6 * * *'")
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r} (use an IANA name like Asia/Shanghai)") from exc
        return value


class PolitenessSettings(_Strict):
    user_agent: str = Field(
        default="gdwatch/0.1 (+https://github.com/gdwatch/gdwatch; news figures monitor)",
        description="User-Agent header sent with every request; names gdwatch.",
    )
    connect_timeout_s: float = Field(default=10.0, gt=0, description="TCP/TLS connect timeout.")
    read_timeout_s: float = Field(default=20.0, gt=0, description="Timeout between bytes read.")
    retries: int = Field(default=2, ge=0, le=10, description="Retries after a timeout or a 5xx.")
    backoff_s: float = Field(default=1.0, ge=0, description="First retry delay; doubles each retry.")
    max_bytes: int = Field(default=5_000_000, gt=0, description="Largest response body accepted.")
    max_redirects: int = Field(default=5, ge=0, le=20, description="Redirects followed per request.")
    per_host_delay_s: float = Field(default=1.0, ge=0, description="Pause between two requests to one host.")
    respect_robots: bool = Field(default=True, description="Obey robots.txt of every host.")
    max_entries_per_feed: int = Field(default=200, ge=1, description="Newest entries read per feed per run.")
    request_deadline_s: float = Field(
        default=60.0,
        gt=0,
        description="Wall-clock limit on one request, connect to last byte (robots.txt too); not retried.",
    )
    allow_hosts: tuple[str, ...] = Field(
        default=(),
        description="Host names, IPs or networks that may be fetched although not public (e.g. 127.0.0.1).",
    )

    @field_validator("allow_hosts")
    @classmethod
    def _hosts_or_networks(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        cleaned = []
        for entry in value:
            text = entry.strip().strip("[]").lower().rstrip(".")
            if not text:
                raise ValueError("an allow_hosts entry is empty")
            if "/" in text or ":" in text:
                try:
                    ipaddress.ip_network(text, strict=False)
                except ValueError:
                    raise ValueError(
                        f"{entry!r} is neither a host name nor an IP address or network (no port)"
                    ) from None
            cleaned.append(text)
        return tuple(cleaned)


class RelevanceSettings(_Strict):
    terms_en: tuple[str, ...] = Field(description="English terms; an article mentioning one is on topic.")
    terms_zh: tuple[str, ...] = Field(description="Chinese terms; an article mentioning one is on topic.")

    @field_validator("terms_en", "terms_zh")
    @classmethod
    def _not_empty(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        cleaned = tuple(term.strip() for term in value if term.strip())
        if not cleaned:
            raise ValueError("give at least one relevance term")
        return cleaned


LAKE_PREFIX = "ducklake:"
"""A warehouse location that starts with this is a DuckLake catalog, not a DuckDB file."""


def lake_location(catalog: str, data_path: str | None = None) -> Path:
    """The warehouse location of a DuckLake catalog: ``ducklake:<catalog>[#data_path=<quoted path>]``.

    The data path is percent-quoted so that the location survives ``Path`` (which folds ``s3://``).
    """
    from urllib.parse import quote

    suffix = f"#data_path={quote(data_path, safe='')}" if data_path else ""
    return Path(f"{LAKE_PREFIX}{catalog}{suffix}")


class WarehouseSettings(_Strict):
    path: Path = Field(default=Path("data/warehouse.duckdb"), description="DuckDB file the pipeline writes.")
    batch_size: int = Field(default=200, ge=1, le=10_000, description="Articles per load transaction.")
    lock_wait_s: float = Field(
        default=0.0, ge=0, description="How long a run waits for another run's writer lock before exiting."
    )
    backend: Literal["duckdb", "ducklake"] = Field(
        default="duckdb", description="duckdb: one embedded file; ducklake: a SQL catalog + Parquet files."
    )
    catalog: str | None = Field(
        default=None,
        description="DuckLake catalog: 'postgres:dbname=... host=... user=...', 'sqlite:PATH' or "
        "'duckdb:PATH' (ducklake only).",
    )
    data_path: str | None = Field(
        default=None, description="DuckLake data files: a directory or an s3:// prefix (ducklake only)."
    )
    snapshot_retention_days: int = Field(
        default=30, ge=0, description="gdwatch maintain expires DuckLake snapshots older than this."
    )

    @model_validator(mode="before")
    @classmethod
    def _lake_location(cls, data: object) -> object:
        """With backend = "ducklake" the warehouse location is the catalog (``path`` is not used)."""
        if not isinstance(data, dict) or data.get("backend") != "ducklake":
            if isinstance(data, dict) and (data.get("catalog") or data.get("data_path")):
                raise ValueError('catalog and data_path need backend = "ducklake"')
            return data
        catalog, data_path = data.get("catalog"), data.get("data_path")
        if not isinstance(catalog, str) or catalog.split(":", 1)[0] not in ("postgres", "sqlite", "duckdb"):
            raise ValueError(
                "backend ducklake needs catalog = 'postgres:...', 'sqlite:PATH' or 'duckdb:PATH'"
            )
        if not isinstance(data_path, str) or not data_path:
            raise ValueError("backend ducklake needs data_path (a directory or an s3:// prefix)")
        return {**data, "path": lake_location(catalog, data_path)}


class RevisitSettings(_Strict):
    days: int = Field(
        default=3, ge=0, description="Re-check articles first seen within this many days (0: never)."
    )
    max_pages: int = Field(default=20, ge=0, description="Articles re-checked per source per run.")


class ConflictSettings(_Strict):
    stock_window_days: int = Field(
        default=31,
        ge=0,
        le=3660,
        description="Point-in-time figures (counts now, balances) this many days apart are compared.",
    )
    near_copy_similarity: float = Field(
        default=0.5,
        gt=0,
        le=1,
        description="Estimated Jaccard similarity (3-token shingles, MinHash) from which two articles are "
        "copies of one story and count as one witness.",
    )


class Settings(_Strict):
    schedule: ScheduleSettings = ScheduleSettings()
    politeness: PolitenessSettings = PolitenessSettings()
    relevance: RelevanceSettings
    warehouse: WarehouseSettings = WarehouseSettings()
    revisit: RevisitSettings = RevisitSettings()
    conflicts: ConflictSettings = ConflictSettings()


class SourceDefinition(_Strict):
    name: str = Field(
        pattern=r"^[a-z0-9][a-z0-9_-]*$", description="Short unique id, e.g. chinadaily-business."
    )
    kind: SourceKind
    url: HttpUrl
    language: Literal["en", "zh", "any"] = "any"
    enabled: bool = True
    archive: bool = Field(default=False, description="Whether backfill may list past days from this source.")
    query: str | None = Field(default=None, description="GDELT: the DOC 2.0 query, e.g. 'Guangdong exports'.")
    min_interval_s: float = Field(default=5.0, ge=0, description="GDELT: seconds between two API calls.")
    max_records: int = Field(default=250, ge=1, le=250, description="GDELT: records per call (API max 250).")

    @model_validator(mode="after")
    def _gdelt_needs_query(self) -> SourceDefinition:
        if self.kind == "gdelt" and not self.query:
            raise ValueError("a gdelt source needs a query")
        return self


class SourceCatalogue(_Strict):
    sources: tuple[SourceDefinition, ...] = ()

    @field_validator("sources")
    @classmethod
    def _unique_names(cls, value: tuple[SourceDefinition, ...]) -> tuple[SourceDefinition, ...]:
        seen: set[str] = set()
        for source in value:
            if source.name in seen:
                raise ValueError(f"duplicate source name {source.name!r}")
            seen.add(source.name)
        return value

    def enabled(self) -> tuple[SourceDefinition, ...]:
        return tuple(s for s in self.sources if s.enabled)

    def by_name(self, name: str) -> SourceDefinition:
        for source in self.sources:
            if source.name == name:
                return source
        raise KeyError(name)


class MetricDefinition(_Strict):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    description: str
    unit_kind: UnitKind
    unit: str | None = None
    """For a count: the canonical unit its figures are stored in ("enterprises", "clusters", "TEU"),
    whatever word the article used (kept as unit_text)."""
    phrases_en: tuple[str, ...] = ()
    phrases_zh: tuple[str, ...] = ()
    for_companies: bool = True
    """False for a metric of an industry or a region that a company's own figure is not ("revenue" of an
    industry cluster is ``industry_revenue``; a company's revenue keeps no metric)."""
    named_part: str | None = None
    """The segment a figure of this measure is stored under when it cannot take the metric: a company's own
    figure of a metric with ``for_companies = false`` ("its R&D spending rose to 690 million yuan"), or a
    growth rate of a level metric with no growth metric in the catalogue ("R&D spending grew 9.4 percent").
    So the figure still names what it measures and is never one key with the entity's other figures."""
    product: str | None = None
    """For a metric of one product's output (industrial robots): that product's segment name. A figure
    about another part of the same sentence ("and that of new energy vehicles 21.7 percent") never takes
    this metric."""
    channel: str | None = None
    """For the trade of a channel (cross-border e-commerce): the segment its parts carry. "其中，出口…" or
    "exports via the channel" after this metric's whole are exports with this segment, not the whole's."""

    @model_validator(mode="after")
    def _has_phrases(self) -> MetricDefinition:
        if not self.phrases_en and not self.phrases_zh:
            raise ValueError(f"metric {self.key!r} needs at least one English or Chinese phrase")
        if self.unit_kind == "count" and not self.unit:
            raise ValueError(f'count metric {self.key!r} needs a unit (e.g. unit = "enterprises")')
        if self.unit_kind != "count" and self.unit:
            raise ValueError(
                f"metric {self.key!r}: only count metrics take a unit; {self.unit_kind} has its own"
            )
        return self


class SegmentDefinition(_Strict):
    """One part of a whole a figure can be about (private enterprises, drones, net profit)."""

    name: str = Field(min_length=1, description="The segment figures about this part are stored under.")
    en: tuple[str, ...] = Field(default=(), description="English forms, lower case, matched as whole words.")
    zh_hans: tuple[str, ...] = Field(default=(), description="Simplified Chinese forms.")
    zh_hant: tuple[str, ...] = Field(default=(), description="Traditional Chinese forms.")
    whole: bool = Field(
        default=False,
        description="The forms name the whole again (a company's revenue after its profit): no segment.",
    )
    measure: bool = Field(
        default=False,
        description="The forms name a measure with no catalogue metric (container throughput), not a part: "
        "its rates and amounts take the segment, and so do its counts in one of its `units`.",
    )
    units: tuple[str, ...] = Field(
        default=(),
        description="For a measure: the canonical units it is counted in (TEU for container throughput). "
        "A count in another unit in the same sentence counts something else (223 countries and regions).",
    )

    implied_by: tuple[str, ...] = Field(
        default=(),
        description="For a measure: units that name it alone, so a count in one of them with no measure "
        'named is this measure ("Shenzhen Port handled 17.9 million TEUs" is container throughput). Each '
        "must be one of its `units`, and no unit may imply two measures.",
    )

    in_money: str | None = Field(
        default=None,
        description="The segment this part's figures are stored under when they are in money: a currency "
        'amount, or a rate or share in a sentence that counts no units (a company\'s "overseas sales" of '
        "4.7 billion yuan are its `overseas business`; 128,400 units sold abroad stay `overseas sales`).",
    )

    @model_validator(mode="after")
    def _has_forms(self) -> SegmentDefinition:
        if not (self.en or self.zh_hans):
            raise ValueError(f"segment {self.name!r} needs at least one English or simplified Chinese form")
        if any(form != form.lower() for form in self.en):
            raise ValueError(f"segment {self.name!r}: English forms are written in lower case")
        if self.units and not self.measure:
            raise ValueError(f"segment {self.name!r}: units are for measures (measure = true)")
        if not set(self.implied_by) <= set(self.units):
            raise ValueError(f"segment {self.name!r}: implied_by lists only units of the measure (`units`)")
        return self


class MetricCatalogue(_Strict):
    metrics: tuple[MetricDefinition, ...]
    segments: tuple[SegmentDefinition, ...] = ()

    @field_validator("segments")
    @classmethod
    def _forms_once(cls, value: tuple[SegmentDefinition, ...]) -> tuple[SegmentDefinition, ...]:
        seen: dict[str, str] = {}
        for segment in value:
            for form in (*segment.en, *segment.zh_hans):
                if form in seen:
                    raise ValueError(f"{form!r} is listed under both {seen[form]!r} and {segment.name!r}")
                seen[form] = segment.name
        implied: dict[str, str] = {}
        for segment in value:
            for unit in segment.implied_by:
                if unit in implied:
                    raise ValueError(
                        f"unit {unit!r} is implied_by both {implied[unit]!r} and {segment.name!r}"
                    )
                implied[unit] = segment.name
        names = {segment.name for segment in value}
        for segment in value:
            if segment.in_money is not None and segment.in_money not in names:
                raise ValueError(f"segment {segment.name!r}: in_money {segment.in_money!r} is no segment")
        return value

    @field_validator("metrics")
    @classmethod
    def _unique_keys(cls, value: tuple[MetricDefinition, ...]) -> tuple[MetricDefinition, ...]:
        seen: set[str] = set()
        for metric in value:
            if metric.key in seen:
                raise ValueError(f"duplicate metric key {metric.key!r}")
            seen.add(metric.key)
        return value

    def metric_keys(self) -> tuple[str, ...]:
        # NOTE: not `keys()`: with a `keys` method, Prefect and others take the model for a mapping.
        return tuple(m.key for m in self.metrics)


class OutletDefinition(_Strict):
    name: str = Field(
        min_length=1, description="Display name of the publisher, e.g. 21st Century Business Herald."
    )
    domains: tuple[str, ...] = Field(default=(), description="Registrable domains, e.g. 21jingji.com.")
    aliases: tuple[str, ...] = Field(
        default=(), description="Other names the publisher's pages give (og:site_name), e.g. 21世纪经济报道."
    )
    official: bool = Field(default=False, description="An official releaser (statistics bureau, customs).")


class OutletCatalogue(_Strict):
    outlets: tuple[OutletDefinition, ...] = ()

    @field_validator("outlets")
    @classmethod
    def _unique_names(cls, value: tuple[OutletDefinition, ...]) -> tuple[OutletDefinition, ...]:
        seen: dict[str, str] = {}
        for outlet in value:
            for label in (*outlet.domains, *outlet.aliases, outlet.name):
                key = label.casefold()
                if seen.get(key, outlet.name) != outlet.name:
                    raise ValueError(f"{label!r} names both {seen[key]!r} and {outlet.name!r}")
                seen[key] = outlet.name
        return value


class GazetteerEntry(_Strict):
    """One place, company, event or trade partner, with every way it is written."""

    name: str = Field(min_length=1, description="The name figures are stored under (entity or partner).")
    en: tuple[str, ...] = Field(default=(), description="English names, matched as whole words.")
    zh_hans: tuple[str, ...] = Field(default=(), description="Simplified Chinese names.")
    zh_hant: tuple[str, ...] = Field(default=(), description="Traditional Chinese names.")

    @model_validator(mode="after")
    def _has_names(self) -> GazetteerEntry:
        if not (self.en or self.zh_hans):
            raise ValueError(f"{self.name!r} needs at least one English or simplified Chinese name")
        if any(not alias.strip() for alias in (*self.en, *self.zh_hans, *self.zh_hant)):
            raise ValueError(f"{self.name!r} has an empty name")
        return self


class Gazetteer(_Strict):
    """config/gazetteer.toml: whom figures can belong to and whom trade figures are with."""

    home: GazetteerEntry
    cities: tuple[GazetteerEntry, ...] = ()
    districts: tuple[GazetteerEntry, ...] = ()
    regions: tuple[GazetteerEntry, ...] = ()
    events: tuple[GazetteerEntry, ...] = ()
    companies: tuple[GazetteerEntry, ...] = ()
    partners: tuple[GazetteerEntry, ...] = ()
    jurisdictions: tuple[GazetteerEntry, ...] = ()
    """Places with statistics of their own, each with the agencies and wire services whose naming in a
    headline or lede makes the article about that place (中央社, 政府統計處) when it names no home place."""

    @model_validator(mode="after")
    def _unique_names(self) -> Gazetteer:
        for kind in ("cities", "districts", "regions", "events", "companies", "partners", "jurisdictions"):
            seen: set[str] = set()
            for entry in getattr(self, kind):
                if entry.name in seen:
                    raise ValueError(f"{kind}: {entry.name!r} is listed twice")
                seen.add(entry.name)
        return self
