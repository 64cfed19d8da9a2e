"""The real pages of the shared corpus that the speed benchmarks run on (nothing is copied from it).

The 243 pages are the 181 pages of the scrapinghub extraction benchmark (English-language news and blogs,
gzip-compressed on disk) and the 62 Chinese news pages of `news-html/gne` (its list pages left out).
`--all` style callers may add the remaining news pages (newspaper4k, trafilatura, fundus and list pages).
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


@dataclass(frozen=True)
class CorpusPage:
    """One stored page: a name for reports, the URL it was published at, and its bytes as served."""

    name: str
    url: str
    raw: bytes


def corpus_root(explicit: Path | None = None) -> Path:
    """The corpus folder: the argument, else $GDWATCH_CORPUS, else ../shared/corpus next to the repo."""
    return explicit or Path(os.environ.get("GDWATCH_CORPUS", DEFAULT_CORPUS))


def required_corpus(explicit: Path | None = None) -> Path:
    """The corpus folder (see `corpus_root`); exits with a readable line when it is not there."""
    corpus = corpus_root(explicit)
    if not corpus.is_dir():
        sys.exit(f"corpus not found at {corpus} (set GDWATCH_CORPUS)")
    return corpus


def print_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    markdown: bool,
    lead_widths: Sequence[int],
    width: int,
) -> None:
    """A benchmark's table: markdown for docs/benchmarks.md, else aligned columns (the leading ones left
    aligned to `lead_widths`, the others right aligned to `width`)."""
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(row) + " |")
        return
    lead = len(lead_widths)
    for row in (header, *rows):
        cells = " ".join(f"{cell:{w}s}" for cell, w in zip(row, lead_widths, strict=False))
        print(cells + " " + " ".join(f"{cell:>{width}s}" for cell in row[lead:]))


def benchmark_pages(corpus: Path, *, every_news_page: bool = False) -> list[CorpusPage]:
    """The 243 benchmark pages in a fixed order; with `every_news_page`, every HTML page of news-html too."""
    root = corpus / "extraction"
    truth = json.loads((root / "ground-truth" / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [
        CorpusPage(
            name=f"extraction/{page_id}",
            url=expected["url"],
            raw=gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes()),
        )
        for page_id, expected in sorted(truth.items())
    ]
    news = corpus / "news-html"
    urls = {
        entry["path"]: entry.get("original_url") or entry.get("url_hint")
        for entry in json.loads((news / "manifest.json").read_text(encoding="utf-8"))["files"]
    }
    for path in sorted(news.rglob("*.html*")):
        relative = str(path.relative_to(news))
        in_benchmark = relative.startswith("gne/") and not relative.startswith("gne/list-pages/")
        if not (in_benchmark or every_news_page):
            continue
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
        url = urls.get(relative) or f"https://example.cn/{relative}"
        pages.append(CorpusPage(name=f"news-html/{relative}", url=url, raw=raw))
    return pages
