"""A reprocess that keeps the stored text of pages the current cleaner produced writes exactly the rows a
reprocess that cleans every page again (`--reclean`) writes: the same fetch log, article versions, figures,
outcomes and versions. Both run on one warehouse built by a real run over real pages served on 127.0.0.1.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb

from benchmarks.corpus import benchmark_pages
from gdwatch.config.loader import load_config
from gdwatch.extractors.pages import CLEANER_VERSION
from gdwatch.pipeline.backfill import (
    ReprocessReport,
    ReprocessWindow,
    merge_reprocess,
    reprocess_batch,
    reprocess_batches,
)
from gdwatch.pipeline.context import RunSpec, context_for
from gdwatch.pipeline.ingest import SourceReport, read_source
from gdwatch.pipeline.runner import execute_run
from gdwatch.warehouse import published_path
from tests.conftest import WriteConfig
from tests.support.httpserver import LocalSite
from tests.support.pages import Item, page, rss, serve_articles

WINDOW = ReprocessWindow(since=date(1990, 1, 1), until=date(2100, 1, 1))
TRADE = page(
    "/news/trade.html",
    "Guangdong's foreign trade hits record",
    "Guangdong's foreign trade reached RMB9.1 trillion in 2025, up 4.4 percent year-on-year.",
    "Exports rose 6.1 percent this year, the provincial customs office said.",
)
SHENZHEN = page(
    "/news/shenzhen.html",
    "Shenzhen port throughput",
    "Shenzhen's container throughput reached 33.4 million TEUs last year, up 3 percent.",
)
# every 8th page of the corpus: English and Chinese, pages with and without a date of their own
CORPUS_SAMPLE = slice(0, None, 8)
# tables whose rows a run stamps with its own clock (when it started, when a row was loaded)
CLOCKED = {"run_started": {"started_at"}, "run_finished": {"ended_at"}}
OLDER_ENGINE = "metrics-0.0.1"


def daily(config_dir: Path, db: Path, *, any_topic: bool) -> None:
    config = load_config(config_dir)

    def work(spec: RunSpec) -> list[SourceReport]:
        ctx = context_for(spec)
        return [read_source(ctx, source) for source in config.sources.enabled()]

    execute_run("daily-run", {}, config, db, work, any_topic=any_topic)


def reprocess(config_dir: Path, db: Path, *, reclean: bool) -> ReprocessReport:
    config = load_config(config_dir)

    def work(spec: RunSpec) -> list[SourceReport]:
        ctx = context_for(spec)
        batches = reprocess_batches(ctx, WINDOW)
        total = sum(len(batch) for batch in batches)
        reports = [reprocess_batch(ctx, WINDOW, batch, reclean=reclean) for batch in batches]
        return [merge_reprocess(reports, total)]

    report = execute_run("backfill", {}, config, db, work).reports[0]
    assert isinstance(report, ReprocessReport)
    return report


def dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every stored table, in a fixed order, without the columns a run's clock sets."""
    conn = duckdb.connect(str(published_path(db)), read_only=True)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'store' AND table_type = 'BASE TABLE' ORDER BY 1"
            ).fetchall()
        ]
        rows: dict[str, list[tuple[object, ...]]] = {}
        for table in tables:
            columns = [
                name
                for (name,) in conn.execute(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_schema = 'store' AND table_name = ? ORDER BY ordinal_position",
                    [table],
                ).fetchall()
                if name not in CLOCKED.get(table, set())
            ]
            select = ", ".join(f'"{c}"' for c in columns)
            rows[table] = conn.execute(f"SELECT {select} FROM store.{table} ORDER BY ALL").fetchall()
        return rows
    finally:
        conn.close()


def edit_stored(db: Path, *statements: str) -> None:
    """Change stored rows as an older version of gdwatch would have written them, and publish the file."""
    conn = duckdb.connect(str(db))
    for statement in statements:
        conn.execute(statement)
    conn.execute("CHECKPOINT")
    conn.close()
    shutil.copyfile(db, published_path(db))


def copy_warehouse(db: Path, to: Path) -> None:
    shutil.copyfile(db, to)
    shutil.copyfile(published_path(db), published_path(to))


def build(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path, serve_more: Callable[[], str] | None
) -> tuple[Path, Path]:
    """A warehouse stored by real runs: the synthetic pages under the topic terms, then `serve_more`'s
    feed kept whatever its topic (--any-topic); returns the configuration and the warehouse."""
    feeds = [{"name": "local", "kind": "rss", "url": serve_articles(http_server, [TRADE, SHENZHEN])}]
    config_dir = write_config(feeds)
    db = tmp_path / "stored.duckdb"
    daily(config_dir, db, any_topic=False)
    if serve_more is not None:
        config_dir = write_config([{"name": "corpus", "kind": "rss", "url": serve_more()}], name="corpus")
        daily(config_dir, db, any_topic=True)
        # the reprocess reads every source's pages under one configuration
        more = {"name": "corpus", "kind": "rss", "url": serve_more()}
        config_dir = write_config([*feeds, more], name="both")
    # the figures were extracted by an older engine: a reprocess extracts them all again
    edit_stored(
        db,
        f"UPDATE store.extractions SET extractor_version = '{OLDER_ENGINE}'",
        f"UPDATE store.observations SET extractor_version = '{OLDER_ENGINE}'",
    )
    return config_dir, db


def assert_same_rows(config_dir: Path, db: Path, tmp_path: Path, *, stored: int) -> None:
    full_db, kept_db = tmp_path / "full.duckdb", tmp_path / "kept.duckdb"
    copy_warehouse(db, full_db)
    copy_warehouse(db, kept_db)

    full = reprocess(config_dir, full_db, reclean=True)
    kept = reprocess(config_dir, kept_db, reclean=False)

    assert (full.recleaned, full.figures_only) == (stored, 0)
    assert (kept.recleaned, kept.figures_only) == (0, stored)
    assert full.counts == kept.counts
    full_rows, kept_rows = dump(full_db), dump(kept_db)
    assert full_rows.keys() == kept_rows.keys()
    for table in full_rows:
        assert full_rows[table] == kept_rows[table], table
    # the figures were extracted again by both, with the current engine (the stored ones were older)
    extracted = [row for row in kept_rows["extractions"] if row[2] != OLDER_ENGINE]
    assert len(extracted) == stored - kept.counts.off_topic
    assert [row for row in kept_rows["observations"] if row[2] != OLDER_ENGINE]


def test_figures_only_reprocess_writes_what_a_full_reprocess_writes(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    config_dir, db = build(http_server, write_config, tmp_path, None)

    assert_same_rows(config_dir, db, tmp_path, stored=2)


def test_changed_topic_terms_apply_to_kept_text_as_to_recleaned_text(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    config_dir, db = build(http_server, write_config, tmp_path, None)
    settings = config_dir / "gdwatch.toml"
    # Shenzhen is no longer a topic term: its page is off topic under the new terms, on either path
    settings.write_text(settings.read_text().replace('"Shenzhen", ', ""))
    assert "Shenzhen" not in load_config(config_dir).settings.relevance.terms_en

    assert_same_rows(config_dir, db, tmp_path, stored=2)
    conn = duckdb.connect(str(published_path(tmp_path / "kept.duckdb")), read_only=True)
    outcomes = conn.execute(
        "SELECT entry_url, outcome FROM store.page_fetches WHERE reprocessed ORDER BY entry_url"
    ).fetchall()
    conn.close()
    assert [(url.rsplit("/", 1)[1], outcome) for url, outcome in outcomes] == [
        ("shenzhen.html", "off_topic"),
        ("trade.html", "article"),
    ]


def test_pages_cleaned_by_another_cleaner_version_are_cleaned_again(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    config_dir, db = build(http_server, write_config, tmp_path, None)
    edit_stored(
        db,
        "UPDATE store.article_versions SET cleaner_version = 'clean-0.0.1' WHERE url LIKE '%/shenzhen.html'",
    )

    report = reprocess(config_dir, db, reclean=False)

    assert (report.recleaned, report.figures_only) == (1, 1)
    assert CLEANER_VERSION != "clean-0.0.1"


def test_real_pages_give_the_same_rows_on_both_paths(
    corpus_dir: Path, http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    pages = benchmark_pages(corpus_dir)[CORPUS_SAMPLE]

    def serve_corpus() -> str:
        for i, corpus_page in enumerate(pages):
            http_server.add(f"/c/{i}.html", corpus_page.raw, content_type="text/html")
        # a page without a date of its own takes the feed's date
        items = [Item(link=http_server.url(f"/c/{i}.html"), guid=f"c{i}") for i in range(len(pages))]
        http_server.add("/corpus.xml", rss(items), content_type="application/rss+xml")
        return http_server.url("/corpus.xml")

    config_dir, db = build(http_server, write_config, tmp_path, serve_corpus)
    stored = (
        duckdb.connect(str(published_path(db)), read_only=True)
        .execute("SELECT count(DISTINCT article_id) FROM store.page_fetches WHERE outcome = 'article'")
        .fetchone()
    )
    assert stored is not None and stored[0] > len(pages) // 2

    assert_same_rows(config_dir, db, tmp_path, stored=stored[0])


def test_without_a_published_copy_every_page_is_cleaned_again(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    config_dir, db = build(http_server, write_config, tmp_path, None)
    published_path(db).unlink()

    report = reprocess(config_dir, db, reclean=False)

    assert (report.recleaned, report.figures_only, report.counts.failed) == (2, 0, 0)
