"""The faster paths of the fingerprint stage give what the slower ones gave: the witnesses of a batch equal
those of the loop that compared one pair at a time (as of a2121d4, copied below as the reference)."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence

import numpy as np
import pytest

from gdwatch.warehouse.fingerprints import BANDS, NUM_PERM, Outlet, _give_witnesses, _New, similarity


def _reference_witnesses(new: Sequence[_New], stored: dict[int, tuple[float, str]], threshold: float) -> None:
    """The loop of ``insert_fingerprints`` before the numpy pass (a2121d4)."""
    seen_bands: dict[int, list[_New]] = {}
    for position, item in enumerate(new):
        best = stored.get(position)
        for other in _reference_earlier(item, seen_bands):
            score = similarity(item.sig, other.sig)
            if score >= threshold and (best is None or score > best[0]):
                best = (score, other.witness_id)
        item.witness_id, item.similarity = (best[1], best[0]) if best else (item.article_id, None)
        for band in item.bands:
            seen_bands.setdefault(band, []).append(item)


def _reference_earlier(item: _New, seen_bands: dict[int, list[_New]]) -> Iterable[_New]:
    found: dict[int, _New] = {}
    for band in item.bands:
        for other in seen_bands.get(band, ()):
            if other.article_id != item.article_id:
                found[id(other)] = other
    return found.values()


def _batch(rng: random.Random, size: int) -> list[_New]:
    """Versions whose signatures come from a few values (so many pairs tie) and whose bands come from a small
    set (so many share one); some articles have two versions in the batch."""
    outlet = Outlet("example.com", "example.com", False)
    base = [rng.choices(range(3), k=NUM_PERM) for _ in range(4)]
    made = []
    for i in range(size):
        template = rng.choice(base)
        sig = np.asarray([v if rng.random() < 0.7 else rng.randrange(3) for v in template], np.uint32)
        bands = [rng.randrange(size * 2) for _ in range(BANDS)]
        article = f"a{rng.randrange(size // 2 + 1)}"
        made.append(_New(article, i, outlet, sig, bands))
    return made


@pytest.mark.parametrize("seed", range(12))
def test_the_numpy_pass_gives_the_witnesses_of_the_pairwise_loop(seed: int) -> None:
    rng = random.Random(seed)
    size = rng.choice((1, 2, 10, 80, 300))
    threshold = rng.choice((0.05, 0.5, 0.6, 0.8))
    stored = {
        p: (rng.choice((0.5, 0.6, 0.7, 0.75, 0.9, 1.0)), f"stored{p}")
        for p in range(size)
        if rng.random() < 0.3
    }
    got, expected = _batch(random.Random(seed), size), _batch(random.Random(seed), size)
    _give_witnesses(got, stored, threshold)
    _reference_witnesses(expected, stored, threshold)
    assert [(i.witness_id, i.similarity) for i in got] == [(i.witness_id, i.similarity) for i in expected]
    assert size < 80 or sum(i.witness_id != i.article_id for i in got) > 5  # copies were found


def _reference_band_hashes(sig: np.ndarray) -> list[int]:
    """``band_hashes`` of a2121d4: one BLAKE2b per band of the signature's bytes, band number first."""
    import hashlib

    raw = sig.tobytes()
    width = (NUM_PERM // BANDS) * sig.itemsize
    return [
        int.from_bytes(
            hashlib.blake2b(bytes([band]) + raw[band * width : (band + 1) * width], digest_size=8).digest(),
            "little",
        )
        for band in range(BANDS)
    ]


def test_band_hashes_of_a_whole_batch_are_those_of_each_signature() -> None:
    from gdwatch.warehouse.fingerprints import band_hash_rows, band_hashes, signatures

    rng = random.Random(5)
    texts = ["", "a", "a b c d"] + [" ".join(rng.choice("abcdefgh") for _ in range(50)) for _ in range(40)]
    sigs = signatures(texts)
    rows = band_hash_rows(np.stack(sigs))
    assert rows.dtype == np.uint64 and rows.shape == (len(texts), BANDS)
    for sig, row in zip(sigs, rows.tolist(), strict=True):
        assert row == band_hashes(sig) == _reference_band_hashes(sig)


def test_registrable_domains_are_tldextracts_whatever_the_url_of_the_host() -> None:
    import tldextract

    from gdwatch.warehouse import fingerprints

    extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    urls = [
        "https://www.chinadaily.com.cn/a/1",
        "https://WWW.ChinaDaily.com.cn/a/2",
        "http://user:pw@news.bbc.co.uk:8080/x?y#z",
        "https://news.bbc.co.uk./x",
        "https://127.0.0.1/a",
        "http://[::1]:8000/a",
        "https://localhost/a",
        "//gd.gov.cn/path",
        "gd.gov.cn/path",
        "https://a.blogspot.com/x",
        "https://例子.广东.cn/x",
        "",
    ]
    fingerprints._REGISTRABLE.clear()
    for _ in range(2):  # the second time from what the first remembered
        for url in urls:
            assert fingerprints._registrable(url) == (extract(url).top_domain_under_public_suffix or None), (
                url
            )
