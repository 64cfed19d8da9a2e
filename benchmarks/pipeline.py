"""Pipeline throughput: bare trafilatura vs gdwatch's cleaning + extraction, a full run, and a reprocess.

Usage: python benchmarks/pipeline.py [--articles 300] [--markdown]

Every stage runs on the same generated pages (English and Chinese, demo-site layout) in one process, so
the ratios are meaningful even on a noisy shared machine. The Prefect flow runs use the ephemeral API
server; its start-up is paid by a warm-up flow first and reported separately.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")

import trafilatura

from gdwatch.config.loader import load_config
from gdwatch.extractors.figures.engine import extract_observations
from gdwatch.extractors.pages import clean_article, decode_html
from gdwatch.flows.demo.runner import write_demo_config
from gdwatch.flows.demo.server import DemoServer
from gdwatch.flows.demo.site import DemoArticle, render_article, render_rss

EN = (
    "Guangdong's foreign trade reached RMB{a}.{b} trillion in the first {m} months of 2025, "
    "up {g}.{h} percent year-on-year, the provincial customs authority said.",
    "Exports rose {h}.{g} percent to {a} trillion yuan (${b}{g}0 billion), "
    "while imports grew {b}.{a} percent.",
    "Trade with ASEAN reached {b}.{h} trillion yuan, "
    "and more than {a}{b},000 firms had import and export records.",
    "The province has nine trillion-yuan industrial clusters "
    "and aims to lift R&D intensity to {a}.{g} percent "
    "by 2027.",
)
ZH = (
    "据海关统计，2025年前{m}个月广东外贸进出口总值{a}.{b}万亿元，同比增长{g}.{h}%。",
    "其中，出口{a}.{h}万亿元，增长{h}.{g}%；进口{b}.{g}万亿元，增长{b}.{a}%。",
    "同期，广东对东盟进出口{b}.{h}万亿元，有进出口实绩的企业超过{a}万家。",
)


def make_articles(n: int) -> list[DemoArticle]:
    articles = []
    start = datetime(2026, 1, 1, 8, tzinfo=UTC)
    for i in range(n):
        values = {"a": 1 + i % 9, "b": i % 10, "g": 1 + i % 8, "h": i % 7, "m": 2 + i % 10}
        zh = i % 3 == 2
        template = ZH if zh else EN
        filler = (
            ("广东制造业持续升级，企业加快开拓海外市场。" * 6,)
            if zh
            else ("Factories across the Pearl River Delta kept hiring as overseas orders recovered. " * 6,)
        )
        articles.append(
            DemoArticle(
                path=f"/{'zh' if zh else 'en'}/{i}.html",
                feed="zh" if zh else "en",
                title=f"{'广东外贸' if zh else 'Guangdong trade update'} {i}",
                published=start + timedelta(hours=i),
                lang="zh" if zh else "en",
                paragraphs=tuple(p.format(**values) for p in template) + filler,
            )
        )
    return articles


SIDEBAR = "".join(
    f'<li><a href="/news/{i}.html">Related story number {i} about markets, ports and factories</a></li>'
    for i in range(150)
)


def with_chrome(page: bytes) -> bytes:
    """Real news pages carry far more navigation than text: add a long related-stories sidebar."""
    return page.replace(b"<aside>", f"<aside><ul>{SIDEBAR}</ul>".encode(), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()

    from gdwatch.flows.backfill import backfill
    from gdwatch.flows.daily import daily_run
    from gdwatch.flows.launch import run_flow

    articles = make_articles(args.articles)
    results: list[tuple[str, float, str]] = []
    with DemoServer() as server, tempfile.TemporaryDirectory() as tmp:
        routes = {
            a.path: ("text/html; charset=utf-8", with_chrome(render_article(a, server.base_url)))
            for a in articles
        }
        routes["/robots.txt"] = ("text/plain", b"User-agent: *\n")
        routes["/en/rss.xml"] = ("application/rss+xml", render_rss(tuple(articles), server.base_url, "bench"))
        routes["/zh/rss.xml"] = ("application/rss+xml", render_rss((), server.base_url, "bench"))
        server.replace_routes(routes)
        config_dir = write_demo_config(Path(tmp), server.base_url)
        settings_file = config_dir / "gdwatch.toml"
        settings_file.write_text(
            settings_file.read_text().replace(
                "max_entries_per_feed = 200", f"max_entries_per_feed = {args.articles}"
            )
        )
        catalogue = load_config(config_dir).metrics
        pages = [routes[a.path][1] for a in articles]
        now = datetime.now(UTC)

        t0 = time.perf_counter()
        for raw in pages:
            trafilatura.bare_extraction(raw.decode("utf-8"), with_metadata=True)
        bare = time.perf_counter() - t0
        results.append(("trafilatura.bare_extraction alone", bare, f"{len(pages) / bare:.0f} pages/s"))

        t0 = time.perf_counter()
        figures = 0
        for article, raw in zip(articles, pages, strict=True):
            html, _ = decode_html(raw, "text/html; charset=utf-8")
            cleaned = clean_article(html, url=server.base_url + article.path, feed_published=None, now=now)
            if cleaned.article:
                figures += len(
                    extract_observations(
                        cleaned.article.text, published=date(2026, 1, 20), catalogue=catalogue
                    )
                )
        ours = time.perf_counter() - t0
        results.append(
            (
                "gdwatch decode + clean + extract",
                ours,
                f"{len(pages) / ours:.0f} pages/s, {figures} figures, {ours / bare:.2f}x bare trafilatura",
            )
        )

        db = Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        run_flow(
            daily_run, feeds=[server.base_url + "/zh/rss.xml"], config_dir=str(config_dir), db_path=str(db)
        )
        warmup = time.perf_counter() - t0
        results.append(("Prefect ephemeral start + empty run", warmup, "paid once per process"))

        t0 = time.perf_counter()
        summary = run_flow(daily_run, config_dir=str(config_dir), db_path=str(db))
        run = time.perf_counter() - t0
        stored = sum(r.counts.new_articles for r in summary.reports)
        results.append(
            (
                "daily run (fetch + clean + extract + load)",
                run,
                f"{stored} articles, {stored / run:.0f} articles/s, {run / bare:.2f}x bare trafilatura",
            )
        )

        t0 = time.perf_counter()
        summary = run_flow(
            backfill,
            since=date(2025, 12, 1),
            until=date(2026, 12, 31),
            reprocess=True,
            config_dir=str(config_dir),
            db_path=str(db),
        )
        reprocess = time.perf_counter() - t0
        n = summary.reports[0].listed
        results.append(
            (
                "backfill --reprocess (no network)",
                reprocess,
                f"{n} pages, {n / reprocess:.0f} articles/s, {reprocess / bare:.2f}x bare trafilatura",
            )
        )

    cores = os.cpu_count()
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print(f"machine: {cores} cores, {mem_gib:.0f} GiB; {args.articles} pages of ~{len(pages[0]) // 1024} KB")
    if args.markdown:
        print("| stage | seconds | throughput |\n|---|---|---|")
        for name, seconds, note in results:
            print(f"| {name} | {seconds:.2f} | {note} |")
    else:
        for name, seconds, note in results:
            print(f"{name:45s} {seconds:8.2f} s  {note}")


if __name__ == "__main__":
    main()
