"""`gdwatch demo`: serve the demo site on 127.0.0.1 and run the whole pipeline against it, offline."""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from rich.console import Console

from gdwatch.config.loader import METRICS_FILE, PACKAGED_CONFIG_DIR, SETTINGS_FILE
from gdwatch.flows.demo.server import DemoServer
from gdwatch.flows.demo.site import build_site, demo_config


def write_demo_config(directory: Path, base_url: str) -> Path:
    """The packaged settings and metrics, with the demo's sources, no politeness delay and 127.0.0.1 allowed
    (the demo site is local; the fetcher refuses loopback addresses otherwise)."""
    settings = (PACKAGED_CONFIG_DIR / SETTINGS_FILE).read_text(encoding="utf-8")
    settings = settings.replace("per_host_delay_s = 1.0", "per_host_delay_s = 0.0")
    settings = settings.replace("allow_hosts = []", 'allow_hosts = ["127.0.0.1"]')
    (directory / SETTINGS_FILE).write_text(settings, encoding="utf-8")
    (directory / METRICS_FILE).write_text((PACKAGED_CONFIG_DIR / METRICS_FILE).read_text(encoding="utf-8"))
    for name, text in demo_config(base_url).items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


def run_demo(db: Path, *, console: Console, keep_serving: bool = False) -> int:
    """Day 1 run, day 2 run (a correction and a contradicting report), a sitemap backfill, an offline
    reprocess, then the open disagreements and the timeline a consumer would query, and the report (its
    path is the last line). Returns the exit code."""
    from zoneinfo import ZoneInfo

    from rich.table import Table

    from gdwatch.config.loader import load_config
    from gdwatch.flows.backfill import backfill
    from gdwatch.flows.cli_conflicts import print_disagreements
    from gdwatch.flows.cli_output import TABLE_BOX
    from gdwatch.flows.daily import daily_run
    from gdwatch.flows.launch import run_flow
    from gdwatch.pipeline.present import format_figure, language_of
    from gdwatch.pipeline.report.build import ReportOptions, build_report, default_report_dir
    from gdwatch.pipeline.summaries import exit_code, print_summary
    from gdwatch.warehouse import open_disagreements, published_path, query

    for stale in (db, db.with_name(db.name + ".wal"), published_path(db)):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    with DemoServer() as server, tempfile.TemporaryDirectory(prefix="gdwatch-demo-") as tmp:
        config_dir = write_demo_config(Path(tmp), server.base_url)
        console.rule(f"demo site at {server.base_url} — day 1")
        server.replace_routes(build_site(server.base_url, day=1))
        summaries = [run_flow(daily_run, config_dir=str(config_dir), db_path=str(db))]
        print_summary(summaries[-1], console)

        console.rule("day 2: one article corrected, one wire report contradicts day 1")
        server.replace_routes(build_site(server.base_url, day=2))
        summaries.append(run_flow(daily_run, config_dir=str(config_dir), db_path=str(db)))
        print_summary(summaries[-1], console)

        console.rule("backfill 2026-01-01..2026-04-30 from the demo news sitemap")
        summaries.append(
            run_flow(
                backfill,
                since=date(2026, 1, 1),
                until=date(2026, 4, 30),
                sources=["demo-sitemap"],
                config_dir=str(config_dir),
                db_path=str(db),
            )
        )
        print_summary(summaries[-1], console)

        console.rule("reprocess the stored raw pages of that window (no network)")
        summaries.append(
            run_flow(
                backfill,
                since=date(2026, 1, 1),
                until=date(2026, 4, 30),
                reprocess=True,
                config_dir=str(config_dir),
                db_path=str(db),
            )
        )
        print_summary(summaries[-1], console)

        published = published_path(db)
        config = load_config(config_dir)
        zone = ZoneInfo(config.settings.schedule.timezone)
        console.rule("open disagreements, with their witnesses (gdwatch conflicts)")
        print_disagreements(console, open_disagreements(published), zone)
        console.rule("revisions: figures a corrected article changed (SELECT ... FROM revisions)")
        _, revised = query(
            published, "SELECT metric, unit, old_value, new_value, old_version, new_version FROM revisions"
        )
        for metric, unit, old, new, old_version, new_version in revised:
            before, after = format_figure(old, unit), format_figure(new, unit)
            console.print(f"{metric}: {before} (version {old_version}) -> {after} (version {new_version})")
        console.rule("figures per metric (SELECT ... FROM observations)")
        _, rows = query(
            published,
            "SELECT metric, entity, coalesce(partner, segment, ''), period, value, unit, unit_text, "
            "qualifier, projection, language FROM observations JOIN articles USING (article_id) "
            "WHERE metric IS NOT NULL ORDER BY metric, entity, period, value",
        )
        figures = Table(box=TABLE_BOX, pad_edge=False)
        for name in ("metric", "entity", "of", "period", "figure"):
            figures.add_column(name, no_wrap=name != "figure", overflow="fold")
        for metric, entity, part, period, value, unit, unit_text, qualifier, projection, language in rows:
            said = format_figure(value, unit, language_of(language, None), qualifier=qualifier,
                                 projection=projection, unit_text=unit_text)  # fmt: skip
            figures.add_row(metric, entity, part, period or "—", said)
        console.print(figures)
        console.print(f"{len(rows)} figures", highlight=False)
        console.print(
            f"demo finished in {time.perf_counter() - started:.1f} s; query it with "
            f'`gdwatch sql --db {db} "SELECT * FROM metric_timeline"`',
            highlight=False,
        )
        console.rule("report (gdwatch report)")
        options = ReportOptions(zone=zone, catalogue=config.metrics)
        report = build_report(published, default_report_dir(db), options, now=datetime.now(UTC))
        console.print("report:", str(report.index), highlight=False, soft_wrap=True)
        if keep_serving:
            console.print(f"serving {server.base_url} until Ctrl-C")
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                pass
    return exit_code(summaries)
