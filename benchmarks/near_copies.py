"""Calibrate the near-copy threshold (when two articles count as one witness) on the shared corpus.

Usage: python -m benchmarks.near_copies [--corpus DIR]

Positive pairs are one article in two real versions: for each page of the extraction benchmark, its
ground-truth body and the published trafilatura output. They differ by what separates wire copies across
outlets (a byline, a photo caption, a teaser, an "Editor:" line). Negative pairs are every two different
articles of the benchmark. For each pair the script prints the estimated Jaccard similarity (the
128-permutation MinHash the warehouse stores) and reports, per candidate threshold, the share of positives
caught, the number of negatives let through, and how often the LSH bands propose a positive at all.
It also reports the cost of fingerprinting per article. Nothing from the corpus is written anywhere.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import time
from pathlib import Path

from gdwatch.warehouse.fingerprints import band_hashes, signature, similarity

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)


def corpus_dir(explicit: str | None) -> Path:
    """--corpus, else $GDWATCH_CORPUS, else ../shared/corpus."""
    return Path(explicit or os.environ.get("GDWATCH_CORPUS", "../shared/corpus"))


def pairs(corpus: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """(ground truth, trafilatura output) per page, and the ground-truth bodies."""
    truth = json.loads((corpus / "extraction/ground-truth/ground-truth.json").read_text(encoding="utf-8"))
    output = json.loads(
        (corpus / "extraction/published-outputs/trafilatura.json").read_text(encoding="utf-8")
    )["output"]
    positives = [
        (truth[key]["articleBody"], output[key]["articleBody"])
        for key in sorted(truth)
        if key in output and truth[key]["articleBody"] and output[key]["articleBody"]
    ]
    return positives, [a for a, _ in positives]


def calibrate(corpus: Path) -> dict[str, object]:
    """Scores of positive and negative pairs and the per-article cost of a fingerprint."""
    positives, bodies = pairs(corpus)
    started = time.perf_counter()
    sigs = [signature(text) for text in bodies]
    per_article_ms = (time.perf_counter() - started) * 1000 / len(bodies)
    other = [signature(b) for _, b in positives]
    pos = [similarity(a, b) for a, b in zip(sigs, other, strict=True)]
    banded = [bool(set(band_hashes(a)) & set(band_hashes(b))) for a, b in zip(sigs, other, strict=True)]
    neg = [similarity(sigs[i], sigs[j]) for i, j in itertools.combinations(range(len(sigs)), 2)]
    return {
        "pages": len(pos),
        "negative_pairs": len(neg),
        "positives": sorted(pos),
        "negatives": sorted(neg, reverse=True),
        "banded": sum(banded) / len(banded),
        "per_article_ms": per_article_ms,
        "mean_chars": sum(map(len, bodies)) / len(bodies),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus")
    args = parser.parse_args()
    corpus = corpus_dir(args.corpus)
    if not (corpus / "extraction/ground-truth/ground-truth.json").is_file():
        raise SystemExit(f"{corpus}: shared corpus not found (set GDWATCH_CORPUS)")
    result = calibrate(corpus)
    pos, neg = result["positives"], result["negatives"]
    assert isinstance(pos, list) and isinstance(neg, list)
    print(
        f"{result['pages']} positive pairs, {result['negative_pairs']:,} negative pairs; "
        f"fingerprint {result['per_article_ms']:.2f} ms per article ({result['mean_chars']:,.0f} chars)"
    )
    print(f"positives proposed by the LSH bands: {result['banded']:.1%}")
    print(f"highest negatives: {', '.join(f'{x:.3f}' for x in neg[:5])}")
    print("| threshold | positives caught | negatives above |")
    print("|---:|---:|---:|")
    for threshold in THRESHOLDS:
        caught = sum(x >= threshold for x in pos) / len(pos)
        wrong = sum(x >= threshold for x in neg)
        print(f"| {threshold:.1f} | {caught:.1%} | {wrong} |")


if __name__ == "__main__":
    main()
