"""`gdwatch report`: a static site (index.html + assets/) people open offline in any browser.

The page has, in order: a summary; the open disagreements side by side; what the latest runs changed;
one timeline chart per metric with a table of who reported what; the health of each source; the last
runs. Charts are inline SVG (charts.py), the style sheet is a local file, so the page needs no network.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from gdwatch.config.models import MetricCatalogue
from gdwatch.pipeline.present import (
    format_day,
    format_duration,
    format_figure,
    format_rate,
    format_share,
    format_time,
    language_of,
)
from gdwatch.pipeline.report import data
from gdwatch.pipeline.report.charts import chart_spec, figure_as_reported, metric_title, render_svg

ASSETS = ("report.css",)
RECENT_RUNS = 10
CHANGED_RUNS = 5


@dataclass(frozen=True)
class ReportOptions:
    """What `gdwatch report` shows and how it writes times."""

    zone: ZoneInfo
    since: datetime | None = None
    metrics: tuple[str, ...] = ()
    catalogue: MetricCatalogue | None = None


@dataclass(frozen=True)
class ReportResult:
    """Where the report went and what it holds."""

    index: Path
    charts: int
    disagreements: int
    summary: list[str] = field(default_factory=list)
    """The summary's sentences, as plain text (also embedded in the Prefect artifacts)."""


def default_report_dir(db: Path) -> Path:
    """`data/warehouse.duckdb` -> `data/warehouse-report/`."""
    return db.with_name(f"{db.stem}-report")


def build_report(published: Path, out_dir: Path, options: ReportOptions, *, now: datetime) -> ReportResult:
    """Write index.html and its assets into `out_dir` (created when missing) from the published copy.

    Args:
        published: the published copy of the warehouse.
        out_dir: the site's folder; index.html and assets/ in it are replaced.
        options: time zone, filters and the metrics catalogue (for titles).
        now: the report's clock (source health is as of this moment).
    """
    import jinja2

    lines = data.timeline(published, since=options.since, metrics=options.metrics or None)
    disputes = data.disagreements(published)
    changes = data.run_changes(published, limit=CHANGED_RUNS)
    revised = data.revisions(published, runs=[c.run_id for c in changes])
    health = data.health(published, now=now)
    runs = data.runs(published, limit=RECENT_RUNS)
    definitions = {m.key: m for m in options.catalogue.metrics} if options.catalogue else {}

    metrics = []
    for metric in sorted({line.metric for line in lines}):
        metric_lines = [line for line in lines if line.metric == metric]
        title = metric_title(metric, definitions.get(metric))
        metrics.append(
            {
                "key": metric,
                "title": title,
                "svg": render_svg(chart_spec(metric, metric_lines, title)),
                "rows": [row for line in metric_lines for row in _report_rows(line, options.zone)],
            }
        )
    summary = summary_sentences(lines, disputes, changes, health, options.zone)
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("gdwatch.pipeline.report", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        undefined=jinja2.StrictUndefined,
    )
    page = environment.get_template("index.html.j2").render(
        generated=format_time(now, options.zone),
        zone=str(options.zone),
        warehouse=str(published),
        since=format_day(options.since, options.zone) if options.since else None,
        summary=summary,
        disagreements=[_disagreement(d, options.zone) for d in disputes],
        changes=[_changes(c, options.zone) for c in changes],
        revisions=[_revision(r) for r in revised],
        metrics=metrics,
        health=[_health_row(row, options.zone) for row in health.rows],
        warnings=health.warnings,
        runs=[_run_row(run, options.zone) for run in runs],
    )
    index = _write_site(out_dir, page)
    return ReportResult(index=index, charts=len(metrics), disagreements=len(disputes), summary=summary)


def _write_site(out_dir: Path, page: str) -> Path:
    """Write the assets, then index.html in one step (a reader never sees half a page); its path.

    Raises:
        GdwatchError: the folder cannot be created or written (permissions, a read-only or full disk).
    """
    from gdwatch.config.errors import GdwatchError

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        assets = out_dir / "assets"
        assets.mkdir(exist_ok=True)
        for name in ASSETS:
            with resources.as_file(resources.files("gdwatch.pipeline.report") / "templates" / name) as source:
                shutil.copyfile(source, assets / name)
        index = out_dir / "index.html"
        partial = out_dir / ".index.html.partial"
        partial.write_text(page, encoding="utf-8")
        partial.replace(index)
    except OSError as exc:
        raise GdwatchError(
            f"report: cannot write {out_dir}: {exc.strerror or exc}; give --out a folder you can write"
        ) from None
    return index


def summary_sentences(
    lines: Sequence[data.TimelineLine],
    disputes: Sequence[data.Disagreement],
    changes: Sequence[data.RunChanges],
    health: data.Health,
    zone: ZoneInfo,
) -> list[str]:
    """The report's summary: what there is, what is disputed, the latest run, what needs a look."""
    metrics = len({line.metric for line in lines})
    reports = sum(len(c.reports) for line in lines for c in line.clusters)
    sentences = [f"{reports} figures on {metrics} metrics."]
    if disputes:
        sentences.append(f"{len(disputes)} open disagreement(s):")
        sentences += [f"  {describe_disagreement(d)}" for d in disputes]
    else:
        sentences.append("No open disagreements.")
    if changes:
        latest = changes[0]
        sentences.append(
            f"Latest run {latest.run_id} ({latest.flow}, {latest.status}, "
            f"{format_time(latest.started_at, zone)}): {_change_text(latest)}."
        )
    failing = [row["source"] for row in health.rows if row["consecutive_failures"]]
    if failing:
        sentences.append(f"Failing sources: {', '.join(failing)}.")
    if health.warnings:
        sentences.append(f"{len(health.warnings)} drift warning(s).")
    return sentences


def describe_disagreement(dispute: data.Disagreement) -> str:
    """'foreign_trade_total · Guangdong · 2025: 9.1 trillion yuan (2 witnesses) vs 9.4 trillion yuan (1)'."""
    line = dispute.line
    where = " · ".join(p for p in (line.metric, line.entity, line.partner, line.period or "no period") if p)
    sides = " vs ".join(
        f"{side_label(line, c)} ({c.witnesses} witness{'es' if c.witnesses != 1 else ''})"
        for c in line.clusters
    )
    return f"{where}: {sides}"


def side_label(line: data.TimelineLine, cluster: data.ValueCluster) -> str:
    """The cluster's value in each language its reports were written in: "9.1 trillion yuan / 9.1万亿元"."""
    labels: list[str] = []
    for report in sorted(cluster.reports, key=lambda r: language_of(r.language, r.quote)):
        label = figure_as_reported(line, cluster, report)
        if label not in labels:
            labels.append(label)
    return " / ".join(labels)


def _change_text(change: data.RunChanges) -> str:
    if not change.changed:
        return "nothing changed"
    parts = [
        (change.new_articles, "new article(s)"),
        (change.new_versions, "new version(s)"),
        (change.new_figures, "figure(s) extracted"),
        (change.revisions, "revision(s)"),
        (change.conflicts_opened, "conflict(s) opened"),
        (change.conflicts_closed, "conflict(s) closed"),
    ]
    return ", ".join(f"{n} {what}" for n, what in parts if n)


def _report_rows(line: data.TimelineLine, zone: ZoneInfo) -> list[dict[str, Any]]:
    rows = []
    for cluster in line.clusters:
        for report in cluster.reports:
            lang = language_of(report.language, report.quote)
            rows.append(
                {
                    "period": line.period
                    or f"not stated (published {format_day(report.published_at, zone)})",
                    "who": line.entity + (f" · {line.partner}" if line.partner else ""),
                    "value": figure_as_reported(line, cluster, report),
                    "lang": lang,
                    "witnesses": cluster.witnesses,
                    "status": "disputed" if cluster.disputed else ("projection" if line.projection else ""),
                    "outlet": report.outlet,
                    "published": format_time(report.published_at, zone),
                    "quote": report.quote,
                    "url": report.url,
                    "title": report.title or report.url,
                }
            )
    return rows


def _disagreement(dispute: data.Disagreement, zone: ZoneInfo) -> dict[str, Any]:
    line = dispute.line
    return {
        "metric": line.metric,
        "where": " · ".join(p for p in (line.entity, line.partner, line.period or "no period stated") if p),
        "kind": "projection" if line.projection else "actual",
        "difference": format_share(dispute.relative_difference),
        "run": dispute.detected_run_id,
        "sides": [
            {
                "label": side_label(line, cluster),
                "witnesses": cluster.witnesses,
                "disputed": cluster.disputed,
                "reports": [
                    {
                        "outlet": r.outlet,
                        "published": format_time(r.published_at, zone),
                        "quote": r.quote,
                        "url": r.url,
                        "title": r.title or r.url,
                        "lang": language_of(r.language, r.quote),
                    }
                    for r in cluster.reports
                ],
            }
            for cluster in line.clusters
        ],
    }


def _changes(change: data.RunChanges, zone: ZoneInfo) -> dict[str, Any]:
    return {
        "run": change.run_id,
        "flow": change.flow,
        "status": change.status,
        "started": format_time(change.started_at, zone),
        "text": _change_text(change),
    }


def _revision(revision: data.Revision) -> dict[str, Any]:
    lang = language_of(revision.language)
    return {
        "run": revision.run_id,
        "metric": revision.metric,
        "where": " · ".join(p for p in (revision.entity, revision.period) if p),
        "old": format_figure(revision.old_value, revision.unit, lang),
        "new": format_figure(revision.new_value, revision.unit, lang),
        "url": revision.url,
    }


def _health_row(row: dict[str, Any], zone: ZoneInfo) -> dict[str, Any]:
    return {
        "source": row["source"],
        "last_success": format_time(row["last_success"], zone),
        "failures": row["consecutive_failures"],
        "last_error": row["last_error"] or "",
        "per_day": " / ".join(
            format_rate(row[key]) for key in ("articles_per_day", "baseline_articles_per_day")
        ),
        "empty": format_share(row["empty_body_share"]),
        "undated": format_share(row["missing_date_share"]),
    }


def _run_row(run: dict[str, Any], zone: ZoneInfo) -> dict[str, Any]:
    started, ended = run["started_at"], run["ended_at"]
    counts = run["counts"] or {}
    return {
        "run": run["run_id"],
        "flow": run["flow"],
        "status": run["status"],
        "started": format_time(started, zone),
        "took": format_duration((ended - started).total_seconds() if started and ended else None),
        "articles": counts.get("new_articles", 0),
        "figures": counts.get("observations", 0),
        "conflicts": counts.get("new_conflicts", 0),
        "errors": len(run["errors"] or []),
    }
