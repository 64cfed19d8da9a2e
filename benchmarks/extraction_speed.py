"""Measure how many 5 KB articles per second one FigureExtractor handles on one core.

Run: ``.venv/bin/python benchmarks/extraction_speed.py [--articles 400] [--size 5000]``.
The articles are built deterministically from realistic English and Chinese sentences (figures,
periods, dates, boilerplate), so runs are comparable across machines and commits.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gdwatch.config.loader import load_gazetteer, load_metrics
from gdwatch.extractors.figures.engine import EXTRACTOR_VERSION, FigureExtractor

_EN = [
    "Guangdong's foreign trade reached RMB{a} trillion in {y}, up {p} percent year-on-year, customs said.",
    "Last year exports rose {p}% to {a} trillion yuan, while imports edged down {q} percent.",
    "The province currently has more than {n:,} enterprises with import and export records.",
    "Shenzhen's GDP grew {p}% in the first three quarters, and its R&D intensity reached {q} percent.",
    "The 138th Canton Fair closed on Jan. 26 after drawing {n:,} buyers from {c} countries and regions.",
    "Retail sales of consumer goods rose {p} percent to {a} trillion yuan in the first ten months of {y}.",
    "BYD sold {a} million new-energy vehicles, and its overseas sales more than doubled.",
    "Exports to ASEAN and the EU rose {p}% and {q}%, respectively, the bureau said on Tuesday.",
    "Scan the QR code to download the China Daily app for more stories. Comments ({c})",
    "The city aims to have {c} trillion-yuan clusters by 2030, up from nine in 2025.",
    "Officials met reporters in the afternoon to discuss the outlook for manufacturing and logistics.",
]
_ZH = [
    "{y}年，广东外贸进出口总值{a}万亿元，同比增长{p}%，规模连续{c}年居全国首位。",
    "其中，出口{a}万亿元，增长{p}%；进口{b}万亿元，下降{q}%。",
    "目前，全省有进出口实绩的外贸企业超过{c}万家，约占全国的四分之一。",
    "前三季度，社会消费品零售总额{a}万亿元，增长{p}%。",
    "据海关总署广东分署1月20日发布的数据，对东盟、欧盟出口分别增长{p}%和{q}%。",
    "“十五五”期间，力争研发投入强度达到{q}%。",
    "扫描二维码下载南方+客户端，第一时间获取权威资讯。",
    "广州市番禺区小谷围街科普路168号，联系电话：020-87373998。",
]


def build_articles(count: int, size: int, seed: int = 7) -> list[str]:
    """Build deterministic mixed English/Chinese articles of about ``size`` characters.

    Args:
        count: how many articles.
        size: target length of each article in characters.
        seed: random seed.

    Returns:
        The article texts.
    """
    rng = random.Random(seed)
    articles = []
    for index in range(count):
        templates = _EN if index % 2 == 0 else _ZH
        paragraphs: list[str] = []
        length = 0
        while length < size:
            sentence = rng.choice(templates).format(
                a=round(rng.uniform(1, 20), 2),
                b=round(rng.uniform(1, 9), 1),
                p=round(rng.uniform(0.1, 30), 1),
                q=round(rng.uniform(0.1, 9), 1),
                n=rng.randrange(1000, 900000),
                c=rng.randrange(2, 60),
                y=rng.choice([2024, 2025]),
            )
            if paragraphs and rng.random() < 0.6:
                paragraphs[-1] += " " + sentence
            else:
                paragraphs.append(sentence)
            length += len(sentence) + 1
        articles.append("\n".join(paragraphs))
    return articles


def corpus_articles(size: int) -> list[str]:
    """Real English article bodies from the shared corpus, joined or cut to about ``size`` characters.

    Args:
        size: target length of each article.

    Returns:
        The texts, or an empty list when the corpus is absent ($GDWATCH_CORPUS, default ../shared/corpus).
    """
    root = Path(os.environ.get("GDWATCH_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    truth = root / "extraction" / "ground-truth" / "ground-truth.json"
    if not truth.is_file():
        return []
    bodies = [entry["articleBody"] for entry in json.loads(truth.read_text(encoding="utf-8")).values()]
    articles = []
    for index, body in enumerate(bodies):
        text = body
        while len(text) < size:
            text += "\n" + bodies[(index + len(text)) % len(bodies)]
        articles.append(text[:size])
    return articles


def _measure(articles: list[str], repeats: int) -> tuple[float, int]:
    extractor = FigureExtractor(load_metrics(), load_gazetteer())
    published = datetime.date(2026, 1, 20)
    extractor.extract(articles[0], published=published)  # warm the converters loaded on first use
    timings = []
    figures = 0
    for _ in range(repeats):
        started = time.perf_counter()
        figures = sum(len(extractor.extract(text, published=published)) for text in articles)
        timings.append(time.perf_counter() - started)
    return min(timings), figures


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print articles per second with the machine's cores and memory.

    Args:
        argv: command-line arguments (default: sys.argv[1:]).

    Returns:
        The process exit code.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--size", type=int, default=5000, help="characters per article")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"extractor {EXTRACTOR_VERSION}, articles of ~{args.size} characters, best of {args.repeats} runs")
    suites = [("real English news (shared corpus)", corpus_articles(args.size)[: args.articles])]
    suites.append(("synthetic figure-dense EN/ZH", build_articles(args.articles, args.size)))
    for name, articles in suites:
        if not articles:
            print(f"{name}: skipped (corpus not found)")
            continue
        best, figures = _measure(articles, args.repeats)
        print(
            f"{name}: {len(articles) / best:.0f} articles/s on one core "
            f"({best * 1000 / len(articles):.2f} ms each, {figures / len(articles):.1f} figures per article)"
        )
    machine = f"{os.cpu_count()} cores, {_memory()}, {platform.machine()}"
    print(f"machine: {machine}, Python {platform.python_version()}")
    return 0


def _memory() -> str:
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return "memory unknown"
    return f"{pages / 2**30:.1f} GiB RAM"


if __name__ == "__main__":
    raise SystemExit(main())
