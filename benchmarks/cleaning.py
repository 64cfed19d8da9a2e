"""Cleaning quality on the shared corpus: token F1 on the 181-page extraction benchmark, and which
Chinese news and list pages are kept as articles (and why the others are not).

Run: python -m benchmarks.cleaning [--corpus DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from gdwatch.extractors.pages import clean_article, decode_html

NOW = datetime(2030, 1, 1, tzinfo=UTC)


def token_f1(predicted: str, truth: str) -> float:
    """Bag-of-words F1 of lower-cased `\\w+` tokens, as the benchmark's own scorer counts them."""
    got, want = Counter(re.findall(r"\w+", predicted.lower())), Counter(re.findall(r"\w+", truth.lower()))
    common = sum((got & want).values())
    if common == 0:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def benchmark_f1(corpus: Path) -> tuple[float, int]:
    """Mean token F1 of clean_article over all 181 benchmark pages, and how many gave no article."""
    root = corpus / "extraction"
    truth = json.loads((root / "ground-truth" / "ground-truth.json").read_text(encoding="utf-8"))
    scores, missing = [], 0
    for page_id, expected in sorted(truth.items()):
        html, _ = decode_html(gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes()), None)
        cleaned = clean_article(html, url=expected["url"], feed_published=None, now=NOW)
        missing += cleaned.article is None
        scores.append(token_f1(cleaned.article.text if cleaned.article else "", expected["articleBody"]))
    return sum(scores) / len(scores), missing


def chinese_pages(corpus: Path) -> list[tuple[str, str]]:
    """(page, outcome) for every page under news-html/gne: "article" or the reason it is not one."""
    root = corpus / "news-html" / "gne"
    rows = []
    for path in sorted(root.rglob("*.html")):
        html, _ = decode_html(path.read_bytes(), None)
        cleaned = clean_article(
            html, url=f"https://example.cn/{path.relative_to(root)}", feed_published=None, now=NOW
        )
        rows.append((str(path.relative_to(root)), "article" if cleaned.article else str(cleaned.reason)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    default = Path(
        os.environ.get("GDWATCH_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus")
    )
    parser.add_argument("--corpus", type=Path, default=default)
    args = parser.parse_args()
    f1, missing = benchmark_f1(args.corpus)
    print(f"181-page benchmark: mean token F1 {f1:.4f}; pages with no article: {missing}")
    rows = chinese_pages(args.corpus)
    news = [(p, o) for p, o in rows if not p.startswith("list-pages/")]
    lists = [(p, o) for p, o in rows if p.startswith("list-pages/")]
    kept = sum(o == "article" for _, o in news)
    print(f"Chinese news pages kept as articles: {kept} of {len(news)}")
    for page, outcome in news:
        if outcome != "article":
            print(f"  not kept: {page}: {outcome}")
    print(f"Chinese list pages refused: {sum(o != 'article' for _, o in lists)} of {len(lists)}")
    for page, outcome in lists:
        print(f"  {page}: {outcome}")


if __name__ == "__main__":
    main()
