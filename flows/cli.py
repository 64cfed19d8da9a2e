"""The `gdwatch` command line: a thin shell over the flows and the warehouse's read side.

Exit codes: 0 every source read; 1 some source failed (the rest still loaded) or the warehouse is busy;
2 bad usage or configuration.
"""

from __future__ import annotations

import gc
import json
import signal
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Annotated
from zoneinfo import ZoneInfo

import typer
from rich.console import Console
from rich.table import Table

from gdwatch.config.errors import ConfigError, GdwatchError, UsageError
from gdwatch.flows import cli_conflicts
from gdwatch.flows import cli_scaleout as _scaleout
from gdwatch.flows.cli_checks import published_copy
from gdwatch.flows.cli_output import ExportFormat, SqlFormat, print_rows

app = typer.Typer(
    name="gdwatch",
    help="Figures about Guangdong goods from news feeds into a versioned DuckDB warehouse.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # docstrings are paragraphs: markdown joins their lines and keeps "[schedule]" as written (rich markup
    # would take it for a style tag and drop it)
    rich_markup_mode="markdown",
)
# NOTE: piped output (cron mails, CI logs) gets 100 columns instead of rich's default 80; tables fit in 100.
console = Console(width=None if sys.stdout.isatty() else 100)


ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="Config directory (default: $GDWATCH_CONFIG or the packaged config/)."),
]
DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db", help="Warehouse file (default: $GDWATCH_DB or warehouse.path, data/warehouse.duckdb)."
    ),
]


@app.command()
def run(
    feed: Annotated[
        list[str] | None, typer.Option("--feed", help="Read only this feed URL (repeatable).")
    ] = None,
    any_topic: Annotated[bool, typer.Option("--any-topic", help="Keep off-topic articles too.")] = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """One incremental run over the configured sources (or only the given feeds).

    Example: gdwatch run --feed https://example.com/rss.xml --any-topic
    """
    from gdwatch.config.loader import load_config
    from gdwatch.flows.cli_checks import writing
    from gdwatch.flows.progress import show_progress
    from gdwatch.pipeline.sources import select_sources
    from gdwatch.pipeline.summaries import exit_code, print_summary

    settings = load_config(config)
    select_sources(settings, feed or None)
    with writing(settings, db) as path:
        from gdwatch.flows.daily import daily_run
        from gdwatch.flows.launch import run_flow

        summary = run_flow(
            daily_run,
            feeds=feed or None,
            any_topic=any_topic,
            config_dir=_str(config),
            db_path=str(path),
            show_progress=show_progress(),
        )
    print_summary(summary, console)
    raise typer.Exit(exit_code([summary]))


@app.command()
def backfill(
    since: Annotated[datetime, typer.Option("--since", formats=["%Y-%m-%d"], help="First day (UTC).")],
    until: Annotated[
        datetime, typer.Option("--until", formats=["%Y-%m-%d"], help="Last day (UTC), inclusive.")
    ],
    source: Annotated[
        list[str] | None, typer.Option("--source", help="Archive source name (repeatable).")
    ] = None,
    reprocess: Annotated[
        bool,
        typer.Option(
            "--reprocess",
            help="Extract stored raw pages again with the current code; no network. A page whose stored "
            "text the current cleaner produced keeps it (figures and topic only); the others are re-cleaned.",
        ),
    ] = False,
    reclean: Annotated[
        bool,
        typer.Option(
            "--reclean", help="With --reprocess: decode and clean every page again, whatever cleaned it."
        ),
    ] = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Load a date window from archive sources (sitemaps, GDELT), or reprocess stored pages.

    Example: gdwatch backfill --since 2026-01-01 --until 2026-01-31 --source gdelt-guangdong
    """
    from gdwatch.config.loader import load_config
    from gdwatch.flows.cli_checks import backfill_window, writing
    from gdwatch.flows.progress import show_progress
    from gdwatch.pipeline.sources import archive_sources
    from gdwatch.pipeline.summaries import exit_code, print_summary

    settings = load_config(config)
    first, last, note = backfill_window(since.date(), until.date())
    if note:
        console.print(f"[yellow]note[/yellow]: {note}")
    if reclean and not reprocess:
        raise UsageError("--reclean: goes with --reprocess (it says how stored pages are reprocessed)")
    if not reprocess:
        archive_sources(settings, source or None)
    with writing(settings, db) as path:
        from gdwatch.flows.backfill import backfill as backfill_flow
        from gdwatch.flows.launch import run_flow

        summary = run_flow(
            backfill_flow,
            since=first,
            until=last,
            sources=source or None,
            reprocess=reprocess,
            reclean=reclean,
            config_dir=_str(config),
            db_path=str(path),
            show_progress=show_progress(),
        )
    print_summary(summary, console)
    if not reprocess:
        _print_coverage(config, db, summary.run_id)
    raise typer.Exit(exit_code([summary]))


@app.command()
def serve(
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Run the daily flow on its cron schedule (config: [schedule]); starts a local Prefect server if needed.

    Example: gdwatch serve   (or, in production: prefect server start & PREFECT_API_URL=... gdwatch serve)
    """
    from gdwatch.flows.serve import serve_daily

    serve_daily(config_dir=config, db_path=db, console=console)


@app.command()
def status(
    limit: Annotated[int, typer.Option(help="How many recent runs to show.")] = 10,
    wide: Annotated[
        bool, typer.Option("--wide", help="Every column: parameters, counts, last errors.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON document, raw values, UTC times.")
    ] = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Recent runs with their outcome and counts, and each source's health and drift signals.

    Example: gdwatch status --limit 5 --wide
    """
    from gdwatch.config.loader import load_config
    from gdwatch.flows.cli_output import status_details, status_json, status_tables
    from gdwatch.pipeline.report import data

    loaded = load_config(config)
    path = published_copy(config, db, loaded=loaded)
    zone = ZoneInfo(loaded.settings.schedule.timezone)
    runs = data.runs(path, limit=limit)
    health = data.health(path, now=datetime.now(UTC))
    if as_json:
        print(status_json(runs, health.rows, health.warnings))
        return
    for table in status_tables(runs, health.rows, zone, wide=wide):
        console.print(table)
    for line in status_details(runs, health.rows, zone) if wide else []:
        console.print(line)
    for warning in health.warnings:
        console.print(f"[yellow]drift[/yellow]: {warning}", highlight=False)


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="A read-only SQL query.")],
    as_of: Annotated[
        int | None, typer.Option("--as-of", help="Show the warehouse as it was after run N.")
    ] = None,
    known_on: Annotated[
        datetime | None,
        typer.Option("--known-on", formats=["%Y-%m-%d"], help="As known at the end of that day."),
    ] = None,
    output: Annotated[
        SqlFormat,
        typer.Option(
            "--format", help="table (for people: local times, no exponents), csv or json (raw, UTC)."
        ),
    ] = SqlFormat.table,
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Run a read-only query against the published copy of the warehouse.

    A table too wide for the terminal is printed one row per block. Example:
    gdwatch sql "SELECT metric, period, value FROM observations LIMIT 5" --format csv
    """
    import duckdb

    from gdwatch.config.loader import load_config
    from gdwatch.flows.cli_checks import known_run
    from gdwatch.flows.cli_output import print_csv, print_json_lines, print_sql_table
    from gdwatch.warehouse import WarehouseError
    from gdwatch.warehouse import query as run_query

    loaded = load_config(config)  # once: the warehouse path and the time zone
    published = published_copy(config, db, loaded=loaded)
    if as_of is not None:
        known_run(published, as_of)
    try:
        columns, rows = run_query(
            published, query, as_of_run=as_of, known_on=known_on.date() if known_on else None
        )
    except (duckdb.Error, WarehouseError) as exc:
        raise UsageError(f"SQL: {str(exc).splitlines()[0]}") from None
    if as_json or output is SqlFormat.json:
        print_json_lines([dict(zip(columns, row, strict=True)) for row in rows])
    elif output is SqlFormat.csv:
        print_csv(columns, rows)
    else:
        print_sql_table(console, columns, rows, ZoneInfo(loaded.settings.schedule.timezone))


@app.command()
def export(
    view: Annotated[str, typer.Option("--view", help="A public view (docs/sql.md), e.g. observations.")],
    out: Annotated[Path, typer.Option("--out", help="The file to write.")],
    output: Annotated[
        ExportFormat | None, typer.Option("--format", help="parquet or csv (default: from --out's suffix).")
    ] = None,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Write one public view to a Parquet or CSV file (DuckDB COPY; raw values, UTC times).

    Example: gdwatch export --view observations --format parquet --out observations.parquet
    """
    from gdwatch.pipeline.report.data import export_view

    fmt = output or (ExportFormat.csv if out.suffix.lower() == ".csv" else ExportFormat.parquet)
    written = export_view(published_copy(config, db), view, fmt.value, out)
    console.print(f"wrote {written} row(s) of {view} to {out}", highlight=False)


@app.command()
def report(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Folder of the site (default: NAME-report/ beside the warehouse NAME.duckdb)."
        ),
    ] = None,
    since: Annotated[
        datetime | None,
        typer.Option("--since", formats=["%Y-%m-%d"], help="Only figures published since that day."),
    ] = None,
    metric: Annotated[
        list[str] | None, typer.Option("--metric", help="Only this metric key (repeatable).")
    ] = None,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Write the report: a static site with a timeline chart per metric, the open disagreements side by
    side, what changed, source health and the last runs. Opens offline; prints the path of index.html.

    Example: gdwatch report --out /tmp/report --since 2026-01-01 --metric foreign_trade_total
    """
    from gdwatch.config.loader import load_config, resolve_db_path
    from gdwatch.pipeline.report.build import ReportOptions, build_report, default_report_dir
    from gdwatch.pipeline.report.data import day_start

    loaded = load_config(config)
    known = set(loaded.metrics.metric_keys())
    unknown = [m for m in metric or [] if m not in known]
    if unknown:
        raise UsageError(
            f"--metric {unknown[0]}: not a metric key of the catalogue (see docs/architecture.md)"
        )
    path = published_copy(config, db)
    zone = ZoneInfo(loaded.settings.schedule.timezone)
    target = out or default_report_dir(resolve_db_path(db, loaded.settings))
    if not target.parent.is_dir():
        raise UsageError(f"--out {target}: the folder {target.parent} does not exist")
    options = ReportOptions(
        zone=zone,
        since=day_start(since.date(), zone) if since else None,
        metrics=tuple(metric or ()),
        catalogue=loaded.metrics,
    )
    result = build_report(path, target, options, now=datetime.now(UTC))
    print(result.index)


@app.command()
def extract(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A text or HTML file.")],
    published: Annotated[
        datetime | None,
        typer.Option(
            "--published",
            formats=["%Y-%m-%d"],
            help="Publication date, used as a feed's date would be (default: the page's date, else today).",
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per observation per line.")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Print the figures a text or HTML file reports.

    Example: gdwatch extract article.html --published 2026-01-20 --json
    """
    from gdwatch.config.loader import load_config
    from gdwatch.extractors.figures import FigureExtractor
    from gdwatch.extractors.pages import decode_html, looks_like_html, looks_like_text
    from gdwatch.pipeline.pages import process_page

    loaded = load_config(config)
    catalogue = loaded.metrics
    raw = path.read_bytes()
    now = datetime.now(UTC)
    listed = published.replace(tzinfo=UTC) if published else None
    if looks_like_html(None, raw):
        # The same path as a run: the page's own date first, then --published (as a feed's date), then today.
        processed = process_page(
            raw,
            content_type=None,
            url=path.resolve().as_uri(),
            listed_published_at=listed,
            read_at=now,
            catalogue=catalogue,
            relevance=None,
        )
        if processed.article is None:
            raise GdwatchError(f"{path}: no article text found ({processed.reason})")
        text = processed.article.text
        observations = list(processed.observations)
    else:
        text, _ = decode_html(raw, "text/plain")
        if not looks_like_text(text):
            raise GdwatchError(f"{path}: not a text or HTML file (binary data); nothing extracted")
        extractor = FigureExtractor(catalogue, loaded.gazetteer)
        observations = extractor.extract(text, published=(listed or now).date())
    if as_json:
        for obs in observations:
            print(json.dumps(asdict(obs), ensure_ascii=False))
        return
    table = Table(
        "metric", "entity", "partner", "period", "value", "unit", "qualifier", "proj.", "as written"
    )
    for obs in observations:
        table.add_row(
            obs.metric or f"— {obs.subject}".strip(),
            obs.entity,
            obs.partner or "",
            obs.period or "",
            f"{obs.value:,.10g}",
            obs.unit,
            obs.qualifier,
            "yes" if obs.projection else "",
            text[obs.start : obs.end],
        )
    console.print(table)
    console.print(f"{len(observations)} figure(s)")


# `conflicts` and `changes` live in flows/cli_conflicts.py
app.command()(cli_conflicts.conflicts)
app.command()(cli_conflicts.changes)


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="Warehouse file of the demo.")] = Path("data/demo.duckdb"),
    keep_serving: Annotated[bool, typer.Option(help="Keep the demo site up after the run.")] = False,
) -> None:
    """Serve the bundled demo site on 127.0.0.1 and run the whole pipeline against it (no network needed).

    Example: gdwatch demo --db data/demo.duckdb
    """
    from gdwatch.flows.demo.runner import run_demo
    from gdwatch.flows.prefect_server import prefect_api

    with prefect_api():
        code = run_demo(db, console=console, keep_serving=keep_serving)
    raise typer.Exit(code)


@app.command()
def server() -> None:
    """Run a local Prefect server on 127.0.0.1 (port $GDWATCH_PREFECT_PORT, default 4200) until stopped.

    Other gdwatch commands on this machine find it and start in about a second instead of starting a
    server of their own. Example: gdwatch server &
    """
    import time

    from gdwatch.flows.prefect_server import answers, api_url, default_port, guarded_server

    port = default_port()
    if answers(api_url(port)):
        raise GdwatchError(f"a Prefect server already answers at {api_url(port)}: gdwatch commands use it")
    with guarded_server(port) as url:
        console.print(f"Prefect server at {url} (UI: {url.removesuffix('/api')}); Ctrl-C stops it")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            console.print("stopped")


# The scale-out commands live in their own module (flows/cli_scaleout.py).
app.command()(_scaleout.deploy)
app.command()(_scaleout.maintain)


def _print_coverage(config: Path | None, db: Path | None, run_id: int) -> None:
    from gdwatch.warehouse import run_coverage

    rows = run_coverage(published_copy(config, db), run_id)
    if rows:
        errors = {str(row["source"]): error for row in rows if (error := row.pop("error", None))}
        print_rows(console, "coverage (quiet: nothing listed; gap: stored < listed; failed: not read)", rows)
        for source, error in errors.items():
            console.print(f"[red]✗ {source}[/red]: days not read: {error}", highlight=False)


def _str(path: Path | None) -> str | None:
    return str(path) if path is not None else None


def _stop_on_sigterm() -> None:
    """SIGTERM stops a command like Ctrl-C does, so its cleanup runs (local Prefect server, lock)."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def main() -> None:
    """Console-script entry point: one line per known error, exit 2 for config errors."""
    from gdwatch.flows.launch import prefect_env

    prefect_env()
    _stop_on_sigterm()
    try:
        app()
    except ConfigError as exc:
        # NOTE: plain print: rich would wrap the line and read "sources[x]" in a key as markup.
        print(f"config error: {exc}", file=sys.stderr)
        sys.exit(2)
    except UsageError as exc:
        print(f"usage error: {exc}", file=sys.stderr)
        sys.exit(2)
    except GdwatchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
    finally:
        _quick_exit()


def _quick_exit() -> None:
    """Let the interpreter end without its final garbage collections over every object still alive.

    NOTE: after a daily run, CPython's collections at shutdown traverse the objects Prefect and pydantic
    built at import (0.5-0.6 s measured, docs/benchmarks.md); frozen objects are skipped by them and still
    freed as usual. The command's work is done here: files written are closed, atexit handlers (Prefect's
    event and log flushes, logging.shutdown) still run after this.
    """
    gc.freeze()


if __name__ == "__main__":
    main()
