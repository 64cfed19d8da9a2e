"""Outlets from URLs and site names, and the near-copy threshold calibrated on the shared corpus."""

from __future__ import annotations

from pathlib import Path

from benchmarks.near_copies import calibrate
from gdwatch.config.loader import PACKAGED_CONFIG_DIR, load_outlets
from gdwatch.warehouse.fingerprints import OutletTable, signature, similarity

OUTLETS = OutletTable(load_outlets(PACKAGED_CONFIG_DIR))


def test_outlets_by_domain_then_site_name_then_registrable_domain() -> None:
    assert OUTLETS.outlet("https://english.news.cn/2026/a.htm", None).name == "Xinhua"
    # the longest configured domain wins: the statistics bureau, not the provincial government
    bureau = OUTLETS.outlet("http://stats.gd.gov.cn/tjsj/a.html", None)
    assert (bureau.name, bureau.official, bureau.domain) == (
        "Guangdong Provincial Bureau of Statistics",
        True,
        "gd.gov.cn",
    )
    assert OUTLETS.outlet("http://www.gd.gov.cn/a.html", None).name == "Guangdong Provincial Government"
    # English and Chinese names of one publisher are one outlet
    assert (
        OUTLETS.outlet("https://m.example-mirror.com/x", "21世纪经济报道").name
        == "21st Century Business Herald"
    )
    assert OUTLETS.outlet("https://www.unknown-paper.co.uk/x", "Unknown Paper").name == "unknown-paper.co.uk"
    # an address without a domain (a test server) falls back to the site name
    assert OUTLETS.outlet("http://127.0.0.1:8000/a.html", "Yicai").name == "Yicai"
    assert OUTLETS.outlet("http://127.0.0.1:8000/a.html", "Local Herald").name == "Local Herald"


def test_a_copy_with_a_byline_and_caption_is_similar_and_another_story_is_not() -> None:
    story = (
        "Guangdong's foreign trade reached 9.1 trillion yuan in 2025, the provincial customs said. Exports "
        "of electronics and vehicles led the growth while imports of energy fell as prices declined. "
        "Officials said support for exporters would continue through fairs abroad."
    )
    copy = "By Li Wei in Guangzhou\n" + story + "\nPhoto: containers at Nansha port."
    other = (
        "Shenzhen opened a new drone testing ground on Monday, where makers of unmanned aircraft can try "
        "delivery routes over the sea. The city hosts more than 1,000 drone companies, officials said."
    )
    assert similarity(signature(story), signature(copy)) >= 0.5
    assert similarity(signature(story), signature(other)) < 0.2
    assert (
        similarity(signature("广东外贸进出口总值9.1万亿元。"), signature("广东外贸进出口总值9.1万亿元。"))
        == 1.0
    )


def test_the_threshold_separates_real_copies_from_different_articles(corpus_dir: Path) -> None:
    result = calibrate(corpus_dir)
    positives, negatives = result["positives"], result["negatives"]
    assert isinstance(positives, list) and isinstance(negatives, list)
    positives = [float(x) for x in positives]
    negatives = [float(x) for x in negatives]
    caught = sum(x >= 0.5 for x in positives) / len(positives)
    assert caught >= 0.95, caught  # the same page in two extractions
    assert max(negatives) < 0.3  # no two different pages come near the threshold
    banded = result["banded"]
    assert isinstance(banded, float) and banded >= 0.95  # the LSH bands propose the copies


def test_signatures_are_datasketchs_minhash_bit_for_bit() -> None:
    # the numpy signatures must equal datasketch's, or stored fingerprints would stop matching new ones
    import random

    import numpy as np
    from datasketch import MinHash  # type: ignore[import-untyped]  # why: ships no type information

    from gdwatch.warehouse.fingerprints import _SEED, NUM_PERM, shingles, signatures

    rng = random.Random(1)
    words = ["trade", "广", "东", "exports", "rose", "9.1", "trillion", "yuan", "货", "the", "Shenzhen"]
    texts = ["", "a", "a b", "广东"] + [
        " ".join(rng.choice(words) for _ in range(rng.randint(1, 3000))) for _ in range(60)
    ]
    for text, got in zip(texts, signatures(texts), strict=True):
        reference = MinHash(num_perm=NUM_PERM, seed=_SEED)
        reference.update_batch(list(shingles(text)))
        assert np.array_equal(reference.hashvalues.astype(np.uint32), got), text[:40]


def test_the_ascii_tokenizer_finds_what_the_expression_finds() -> None:
    import random
    import unicodedata

    from gdwatch.warehouse.fingerprints import _NON_WORD_PUNCTUATION, _TOKEN, _tokens

    assert not any(_TOKEN.findall(mark) for mark in _NON_WORD_PUNCTUATION)  # separators, never tokens
    rng = random.Random(3)
    pieces = [
        "Guangdong's", "exports_total", "rose", "4.4%", "US$2.4", "—", "“record”", "’s", "…", "·",
        "\u00a0", "\t", "\x1f", "Ｆｕｌｌ１２", "café", "广东", "9.1万亿元", "ß", "İ", "x²", "_", "a-b",
    ]  # fmt: skip
    texts = ["", "_", "a", "’"] + [
        " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 60))) for _ in range(500)
    ]
    for text in texts:
        expected = _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())
        assert _tokens(text) == expected, text
