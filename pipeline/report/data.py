"""What the report and the people-facing commands read: the one module that queries the public views.

Everything here reads the published copy through the public views (`observations`, `articles`,
`metric_timeline`, `disagreements`, `disagreement_articles`, `conflicts`, `runs`, `article_versions`,
`observation_history`, `conflict_history`, `revisions`) and returns plain records, so the HTML, the CLI and
the run summary never see SQL.

- a figure's place in time is its `period_start`/`period_end`; a figure without a period is placed on the
  day it was published and flagged as such;
- a *value cluster* here is the reports of one line (metric, entity, partner, period, unit, projection)
  that give the same value with the same qualifier, for the charts; its witnesses are its distinct
  `witness_id`s (near-copies of one story count once), and its outlet is `observations.outlet`;
- a line is disputed when the `disagreements` view has open rows on it, and a value is disputed when an
  article on either side of one reports it (`disagreement_articles`).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import duckdb

from gdwatch.config.errors import GdwatchError, UsageError
from gdwatch.warehouse import PUBLIC_VIEWS, connect, recent_runs, source_health
from gdwatch.warehouse.health import source_health_rows, warnings_for
from gdwatch.warehouse.read import reader

ExportFormat = Literal["parquet", "csv"]

LineKey = tuple[str, str, str | None, str | None, str, bool]
"""metric, entity, partner, period, unit, projection: one line of `metric_timeline`."""


@dataclass(frozen=True)
class Report:
    """One article's report of a figure."""

    url: str
    outlet: str
    """The site's name, else the host of its URL."""
    source: str
    title: str | None
    published_at: datetime | None
    language: str | None
    quote: str
    qualifier: str
    resolution: float
    unit_text: str | None = None
    """The unit as the article wrote it ("企业" for enterprises)."""


@dataclass(frozen=True)
class ValueCluster:
    """The reports of one line that give the same value with the same qualifier."""

    value: float
    qualifier: str
    reports: tuple[Report, ...]
    witnesses: int
    """Independent witnesses: distinct `witness_id`s, so copies of one story count once."""
    disputed: bool = False
    """An article on a side of an open disagreement reports this value."""


@dataclass(frozen=True)
class TimelineLine:
    """One row of `metric_timeline` with its value clusters and its place in time."""

    metric: str
    entity: str
    partner: str | None
    period: str | None
    unit: str
    projection: bool
    agreed: bool
    articles: int
    witnesses: int
    open_conflicts: int
    period_start: date
    period_end: date
    period_stated: bool
    """False when the figures gave no period: the line is placed on its first publication day."""
    clusters: tuple[ValueCluster, ...]

    @property
    def key(self) -> LineKey:
        return (self.metric, self.entity, self.partner, self.period, self.unit, self.projection)


@dataclass(frozen=True)
class Disagreement:
    """An open disagreement: a line with open rows in `disagreements`, its value clusters side by side."""

    line: TimelineLine
    conflicts: int
    """Open rows of `disagreements` on the line."""
    relative_difference: float
    """The largest relative difference of its open disagreements."""
    detected_run_id: int


@dataclass(frozen=True)
class RunChanges:
    """What one run changed."""

    run_id: int
    flow: str
    status: str
    started_at: datetime | None
    ended_at: datetime | None
    new_articles: int
    new_versions: int
    new_figures: int
    conflicts_opened: int
    conflicts_closed: int
    revisions: int

    @property
    def changed(self) -> bool:
        return any(
            (
                self.new_articles,
                self.new_versions,
                self.new_figures,
                self.conflicts_opened,
                self.conflicts_closed,
                self.revisions,
            )
        )


@dataclass(frozen=True)
class Revision:
    """A figure a corrected article changed."""

    run_id: int
    url: str
    metric: str
    entity: str
    period: str | None
    unit: str
    old_value: float
    new_value: float
    revised_at: datetime | None
    language: str | None


@dataclass
class Health:
    """Each source's health row (`warehouse.source_health`) and the drift warnings."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


_PERIOD = re.compile(
    r"^(?P<y>\d{4})(?:-(?:Q(?P<q>[1-4])|H(?P<h>[12])|(?P<m>\d{2})(?:-(?P<d>\d{2}))?))?"
    r"(?:\.\.(?P<y2>\d{4})(?:-(?P<m2>\d{2}))?)?$"
)


def period_bounds(period: str | None) -> tuple[date, date] | None:
    """The first and last day a period string covers, for a sortable time axis.

    `YYYY` -> the year; `YYYY-Qn`, `YYYY-Hn`, `YYYY-MM` -> that quarter, half or month; `YYYY-MM-DD` ->
    that day; `YYYY-MM..YYYY-MM` and `YYYY..YYYY` -> from the first month or year to the end of the last.
    Returns None for None or a string of another form.
    """
    if not period:
        return None
    found = _PERIOD.match(period)
    if not found:
        return None
    year = int(found["y"])
    if found["y2"]:
        end_year = int(found["y2"])
        first_month = int(found["m"]) if found["m"] else 1
        last_month = int(found["m2"]) if found["m2"] else 12
        return date(year, first_month, 1), _month_end(end_year, last_month)
    if found["q"]:
        quarter = int(found["q"])
        return date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter)
    if found["h"]:
        half = int(found["h"])
        return date(year, 6 * half - 5, 1), _month_end(year, 6 * half)
    if found["m"]:
        month = int(found["m"])
        if found["d"]:
            day = date(year, month, int(found["d"]))
            return day, day
        return date(year, month, 1), _month_end(year, month)
    return date(year, 1, 1), date(year, 12, 31)


def outlet_of(site_name: str | None, url: str) -> str:
    """The outlet people know: the site's own name, else the URL's host without `www.`."""
    if site_name:
        return site_name
    return (urlsplit(url).hostname or url).removeprefix("www.")


def timeline(
    path: Path, *, since: datetime | None = None, metrics: Sequence[str] | None = None
) -> list[TimelineLine]:
    """The current figures, one line per metric_timeline row, ordered by metric and time.

    Args:
        path: the published copy.
        since: only figures published (else first fetched) at or after this moment.
        metrics: only these metric keys (None: all).
    """
    with reader(path) as conn:
        return _timeline(conn, since=since, metrics=metrics)


def _timeline(
    conn: duckdb.DuckDBPyConnection, *, since: datetime | None, metrics: Sequence[str] | None
) -> list[TimelineLine]:
    figures = _dicts(conn.execute(_FIGURES_SQL, {"since": since, "metrics": list(metrics or [])}))
    lines = _dicts(conn.execute(_LINES_SQL))
    disputed = _dicts(conn.execute(_DISPUTED_VALUES_SQL))
    return _build_lines(figures, lines, disputed)


def disagreements(path: Path, *, since: datetime | None = None) -> list[Disagreement]:
    """The open disagreements: each line with open `disagreements` rows, with all of its value clusters.

    Args:
        path: the published copy.
        since: only lines with a disagreement opened by a run started at or after this moment.
    """
    with reader(path) as conn:
        return _disagreements(conn, since=since)


def _disagreements(
    conn: duckdb.DuckDBPyConnection,
    *,
    since: datetime | None,
    all_lines: Sequence[TimelineLine] | None = None,
) -> list[Disagreement]:
    """`disagreements` on an open reader; `all_lines` is the unfiltered `timeline` when the caller has it."""
    conflicts = _dicts(conn.execute(_CONFLICT_LINES_SQL, {"since": since}))
    if not conflicts:
        return []
    if all_lines is None:
        all_lines = _timeline(conn, since=None, metrics=None)
    by_key = {line.key: line for line in all_lines}
    found = []
    for row in conflicts:
        line = by_key.get(_key(row))
        if line is not None:
            found.append(
                Disagreement(
                    line=line,
                    conflicts=int(row["conflicts"]),
                    relative_difference=float(row["relative_difference"]),
                    detected_run_id=int(row["detected_run_id"]),
                )
            )
    return found


def run_changes(path: Path, *, limit: int = 5) -> list[RunChanges]:
    """What each of the latest runs changed, newest first."""
    with reader(path) as conn:
        return _run_changes(conn, limit=limit)


def _run_changes(conn: duckdb.DuckDBPyConnection, *, limit: int) -> list[RunChanges]:
    return [RunChanges(**row) for row in _dicts(conn.execute(_RUN_CHANGES_SQL, {"limit": limit}))]


def revisions(path: Path, *, runs: Sequence[int]) -> list[Revision]:
    """The figures corrected articles changed in the given runs, newest first."""
    with reader(path) as conn:
        rows = _dicts(conn.execute(_REVISIONS_SQL, {"runs": list(runs)}))
    return [Revision(**row) for row in rows]


def runs(path: Path, *, limit: int = 10) -> list[dict[str, Any]]:
    """The latest runs, newest first (the `runs` view, JSON decoded)."""
    return [dict(row) for row in recent_runs(path, limit=limit)]


def health(path: Path, *, now: datetime) -> Health:
    """Each source's health as of `now` and the drift warnings it raises."""
    rows = source_health(path, now=now)
    return Health(rows=rows, warnings=warnings_for(rows))


@dataclass(frozen=True)
class SummaryData:
    """What the report's summary (`build.summary_sentences`) reads, all from one snapshot."""

    lines: list[TimelineLine]
    disagreements: list[Disagreement]
    latest_run: list[RunChanges]
    health: Health


def summary_data(path: Path, *, now: datetime) -> SummaryData:
    """`timeline`, `disagreements`, the latest run's `run_changes` and `health` read through one connection,
    the figures once: the same records as the four calls, for the run summary's artifact."""
    with reader(path) as conn:
        lines = _timeline(conn, since=None, metrics=None)
        disputes = _disagreements(conn, since=None, all_lines=lines)
        latest = _run_changes(conn, limit=1)
        rows = source_health_rows(conn, now=now)
    return SummaryData(lines, disputes, latest, Health(rows=rows, warnings=warnings_for(rows)))


def export_view(path: Path, view: str, fmt: ExportFormat, out: Path) -> int:
    """Write one public view to a Parquet or CSV file with DuckDB's COPY; returns the rows written.

    Timestamps are written in UTC, values in base units: the same as `gdwatch sql`.

    Raises:
        UsageError: `view` is not a public view, or the folder of `out` does not exist.
        GdwatchError: `out` cannot be written (permissions, a folder in the way, a full disk).
    """
    if view not in PUBLIC_VIEWS:
        raise UsageError(f"--view {view}: not a public view; one of {', '.join(sorted(PUBLIC_VIEWS))}")
    if not out.parent.is_dir():
        raise UsageError(f"--out {out}: the folder {out.parent} does not exist")
    conn = connect(path, read_only=True)
    try:
        # NOTE: the view name comes from PUBLIC_VIEWS, never from the user's text as such.
        relation = conn.sql(f"SELECT * FROM {view}")
        try:
            if fmt == "parquet":
                relation.write_parquet(str(out))
            else:
                relation.write_csv(str(out), header=True)
        except duckdb.IOException as exc:
            reason = str(exc).removeprefix("IO Error: ")
            raise GdwatchError(
                f"export: cannot write {out}: {reason}; give --out a file you can write"
            ) from None
        counted = conn.sql(f"SELECT count(*) FROM {view}").fetchone()
    finally:
        conn.close()
    return int(counted[0]) if counted else 0


def _build_lines(
    figures: list[dict[str, Any]], lines: list[dict[str, Any]], disputed: list[dict[str, Any]]
) -> list[TimelineLine]:
    disputed_values = {(*_key(row), row["value"]) for row in disputed}
    grouped: dict[LineKey, dict[tuple[float, str], list[Report]]] = {}
    witnesses: dict[tuple[LineKey, float, str], set[str]] = {}
    spans: dict[LineKey, tuple[date, date]] = {}
    first_seen: dict[LineKey, datetime] = {}
    for row in figures:
        key = _key(row)
        report = Report(
            url=row["url"],
            outlet=row["outlet"] or outlet_of(row["site_name"], row["url"]),
            source=row["source"],
            title=row["title"],
            published_at=row["reported_at"],
            language=row["language"],
            quote=row["quote"] or "",
            qualifier=row["qualifier"],
            resolution=float(row["resolution"] or 0.0),
            unit_text=row["unit_text"],
        )
        grouped.setdefault(key, {}).setdefault((row["value"], row["qualifier"]), []).append(report)
        witnesses.setdefault((key, row["value"], row["qualifier"]), set()).add(
            row["witness_id"] or row["url"]
        )
        if row["period_start"] is not None and row["period_end"] is not None:
            low, high = spans.get(key, (row["period_start"], row["period_end"]))
            spans[key] = (min(low, row["period_start"]), max(high, row["period_end"]))
        if row["reported_at"] is not None and (key not in first_seen or row["reported_at"] < first_seen[key]):
            first_seen[key] = row["reported_at"]
    built = []
    for row in lines:
        key = _key(row)
        if key not in grouped:
            continue
        clusters = []
        for (value, qualifier), reports in grouped[key].items():
            clusters.append(
                ValueCluster(
                    value=value,
                    qualifier=qualifier,
                    reports=tuple(reports),
                    witnesses=len(witnesses[(key, value, qualifier)]),
                    disputed=(*key, value) in disputed_values,
                )
            )
        bounds = spans.get(key) or period_bounds(row["period"])
        seen = first_seen.get(key) or row["first_reported_at"] or datetime.now(UTC)
        start, end = bounds or (seen.date(), seen.date())
        built.append(
            TimelineLine(
                metric=row["metric"],
                entity=row["entity"],
                partner=row["partner"],
                period=row["period"],
                unit=row["unit"],
                projection=bool(row["projection"]),
                agreed=bool(row["agreed"]),
                articles=int(row["articles"]),
                witnesses=int(row["witnesses"]),
                open_conflicts=int(row["open_conflicts"]),
                period_start=start,
                period_end=end,
                period_stated=bounds is not None,
                clusters=tuple(sorted(clusters, key=lambda c: (c.value, c.qualifier))),
            )
        )
    return sorted(built, key=lambda line: (line.metric, line.period_start, line.entity, line.partner or ""))


def _key(row: dict[str, Any]) -> LineKey:
    return (row["metric"], row["entity"], row["partner"], row["period"], row["unit"], bool(row["projection"]))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _dicts(result: Any) -> list[dict[str, Any]]:
    columns = [d[0] for d in result.description or []]
    return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]


def day_start(day: date, zone: Any) -> datetime:
    """The first moment of a local day, as an aware datetime (for `since` arguments)."""
    return datetime.combine(day, datetime.min.time(), tzinfo=zone)


_FIGURES_SQL = """
SELECT o.metric, o.entity, o.partner, o.period, o.unit, o.unit_text, o.projection, o.value, o.qualifier,
       o.resolution, o.quote, o.url, o.source, coalesce(o.published_at, a.first_fetched_at) AS reported_at,
       a.title, a.site_name, a.language, o.outlet, o.witness_id, o.period_start, o.period_end
FROM observations AS o
JOIN articles AS a USING (article_id)
WHERE o.metric IS NOT NULL AND o.conversion_of IS NULL
  AND ($since::TIMESTAMPTZ IS NULL OR coalesce(o.published_at, a.first_fetched_at) >= $since::TIMESTAMPTZ)
  AND (len($metrics::VARCHAR[]) = 0 OR list_contains($metrics::VARCHAR[], o.metric))
ORDER BY o.metric, o.entity, o.period, reported_at, o.url, o.ordinal
"""

_LINES_SQL = """
SELECT metric, entity, partner, period, unit, projection, agreed, articles, witnesses, open_conflicts,
       first_reported_at
FROM metric_timeline
"""

_DISPUTED_VALUES_SQL = """
SELECT DISTINCT d.metric, d.entity, d.partner, d.period, d.unit, d.projection, a.value
FROM disagreements AS d
JOIN disagreement_articles AS a USING (disagreement_id)
"""

_CONFLICT_LINES_SQL = """
SELECT d.metric, d.entity, d.partner, d.period, d.unit, d.projection, count(*) AS conflicts,
       max(d.relative_difference) AS relative_difference, max(d.opened_run_id) AS detected_run_id
FROM disagreements AS d
LEFT JOIN runs AS r ON r.run_id = d.opened_run_id
WHERE $since::TIMESTAMPTZ IS NULL OR r.started_at >= $since::TIMESTAMPTZ
GROUP BY ALL
ORDER BY max(d.opened_run_id) DESC, d.metric, d.entity, d.period
"""

_RUN_CHANGES_SQL = """
SELECT r.run_id, r.flow, r.status, r.started_at, r.ended_at,
       (SELECT count(*) FROM article_versions AS v WHERE v.run_id = r.run_id AND v.version = 1)
           AS new_articles,
       (SELECT count(*) FROM article_versions AS v WHERE v.run_id = r.run_id AND v.version > 1)
           AS new_versions,
       (SELECT count(*) FROM observation_history AS h WHERE h.run_id = r.run_id AND h.metric IS NOT NULL)
           AS new_figures,
       (SELECT count(*) FROM conflict_history AS e WHERE e.run_id = r.run_id AND e.event = 'opened')
           AS conflicts_opened,
       (SELECT count(*) FROM conflict_history AS e WHERE e.run_id = r.run_id AND e.event = 'closed')
           AS conflicts_closed,
       (SELECT count(*) FROM revisions AS rv
        JOIN article_versions AS v ON v.article_id = rv.article_id AND v.version = rv.new_version
        WHERE v.run_id = r.run_id) AS revisions
FROM runs AS r
ORDER BY r.run_id DESC
LIMIT $limit
"""

_REVISIONS_SQL = """
SELECT v.run_id, rv.url, rv.metric, rv.entity, rv.period, rv.unit, rv.old_value, rv.new_value, rv.revised_at,
       v.language
FROM revisions AS rv
JOIN article_versions AS v ON v.article_id = rv.article_id AND v.version = rv.new_version
WHERE list_contains($runs::BIGINT[], v.run_id)
ORDER BY v.run_id DESC, rv.revised_at DESC, rv.metric
"""
