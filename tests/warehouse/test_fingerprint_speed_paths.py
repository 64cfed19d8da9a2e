"""The faster paths of the fingerprint stage give what the slower ones gave: the witnesses of a batch equal
those of the loop that compared one pair at a time (as of a2121d4, copied below as the reference), and the
signatures of a batch tokenized and numbered in bulk equal those of each text's set of shingles hashed
alone (as 2bebc59 and datasketch compute them)."""

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
@pytest.mark.parametrize("slice_pairs", [20_000, 3])
def test_the_numpy_pass_gives_the_witnesses_of_the_pairwise_loop(
    seed: int, slice_pairs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gdwatch.warehouse import fingerprints

    monkeypatch.setattr(fingerprints, "_SLICE_PAIRS", slice_pairs)  # many slices of later versions
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


def _reference_best_stored(
    conn: object, new: Sequence[_New], threshold: float
) -> dict[int, tuple[float, set[str]]]:
    """The stored candidates as a2121d4 read and scored them: one row per probe and stored version, each with
    its signature (``reference_sql/select_copy_candidates.sql``), compared pair by pair; for each new version
    the best score and the witnesses of every candidate with that score (a2121d4 took the first the query
    returned, in no set order)."""
    from pathlib import Path

    import pyarrow as pa

    from gdwatch.warehouse.connection import registered

    sql = (Path(__file__).parent / "reference_sql" / "select_copy_candidates.sql").read_text(encoding="utf-8")
    probe = pa.table(
        {
            "band_hash": pa.array([b for item in new for b in item.bands], pa.uint64()),
            "probe_id": [item.article_id for item in new for _ in item.bands],
        }
    )
    with registered(conn, fingerprint_probe=probe):  # type: ignore[arg-type]
        rows = conn.execute(sql).fetchall()  # type: ignore[attr-defined]
    best: dict[int, tuple[float, set[str]]] = {}
    for position, item in enumerate(new):
        for probe_id, _, minhash, witness in rows:
            if probe_id != item.article_id:
                continue
            score = similarity(item.sig, np.frombuffer(minhash, dtype="<u4"))
            if score >= threshold and (position not in best or score > best[position][0]):
                best[position] = (score, {witness})
            elif position in best and score == best[position][0]:
                best[position][1].add(witness)
    return best


def test_stored_copies_are_the_candidates_the_previous_query_found(tmp_path: object) -> None:
    from pathlib import Path

    from gdwatch.warehouse import LoadBatch, Warehouse
    from gdwatch.warehouse.fingerprints import _best_stored, band_hash_rows, signatures
    from tests.warehouse.conftest import T0, make_page

    rng = random.Random(11)
    words = [f"w{i}" for i in range(300)]
    stories = [" ".join(rng.choice(words) for _ in range(120)) for _ in range(30)]

    def edited(text: str, share: float) -> str:
        return " ".join(w if rng.random() < share else rng.choice(words) for w in text.split())

    stored = [make_page(f"https://s{i % 4}.example/{i}", edited(stories[i % 30], 0.9)) for i in range(120)]
    path = Path(str(tmp_path)) / "w.duckdb"
    with Warehouse(path, hold_file=True) as wh:
        run = wh.start_run(flow="daily", params={}, started_at=T0)
        for first in range(0, len(stored), 40):
            wh.load_batch(LoadBatch(tuple(stored[first : first + 40])), run_id=run)
        texts = [edited(stories[i % 30], rng.choice((0.5, 0.8, 0.95, 1.0))) for i in range(60)]
        sigs = signatures(texts)
        bands = band_hash_rows(np.stack(sigs)).tolist()
        outlet = Outlet("n.example", "n.example", False)
        new = [
            _New(f"new{i % 50}", 1, outlet, sig, b)
            for i, (sig, b) in enumerate(zip(sigs, bands, strict=True))
        ]
        conn = wh._session
        assert conn is not None
        ties = False
        for threshold in (0.3, 0.5, 0.7):
            expected = _reference_best_stored(conn, new, threshold)
            got = _best_stored(conn, new, threshold)
            assert got.keys() == expected.keys() and len(got) > 3  # copies were found
            assert all(got[p][0] == expected[p][0] and got[p][1] in expected[p][1] for p in got)
            ties = ties or any(len(expected[p][1]) > 1 for p in got)  # any of the tied was right before
            assert _best_stored(conn, new, threshold) == got  # now always the same one
        assert ties


def _reference_signature(text: str) -> np.ndarray:
    """One text's MinHash as 2bebc59 and datasketch compute it: the SHA-1 of each of its distinct shingles,
    mixed and permuted, the minimum per permutation."""
    import hashlib

    from gdwatch.warehouse.fingerprints import _fmix32, _permutations, shingles

    a, b = _permutations()
    prefixes = [int.from_bytes(hashlib.sha1(s).digest()[:4], "little") for s in shingles(text)]
    hashed = _fmix32(np.asarray(prefixes, dtype=np.uint32))
    return np.min(a[:, None] * hashed[None, :] + b[:, None], axis=1)


def _mixed_texts(rng: random.Random) -> list[str]:
    """Texts that take every path: empty, blank, separators only, the NUL byte, fewer than three tokens,
    ASCII, English with curly quotes and dashes, Chinese, full-width and accented letters, repeated
    phrases (a shingle twice in one text) and the same text twice in the batch."""
    pieces = [
        "Guangdong's", "exports_total", "rose", "4.4%", "US$2.4", "—", "“record”", "’s", "…", "·", "\u00a0",
        "\t", "\x00", "\x1f", "Ｆｕｌｌ１２", "café", "广东", "9.1万亿元", "ß", "İ", "x²", "_", "a-b",
        "A", "B",
    ]  # fmt: skip
    fixed = ["", " ", "  \t ", "...", "\x00", "a", "a b", "A  b ", "广东", "’", "a\x00b c d", "x y x y x y"]
    made = [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 120))) for _ in range(300)]
    english = [
        " ".join(rng.choice(("trade", "rose", "the", "Shenzhen", "yuan", "“up”", "—")) for _ in range(400))
        for _ in range(20)
    ]
    texts = fixed + made + english + made[:5] + english[:3]
    rng.shuffle(texts)
    return texts


@pytest.mark.parametrize("one_key_tokens", [2**21 - 1, 1])
def test_batch_signatures_are_each_texts_shingles_hashed_alone(
    one_key_tokens: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gdwatch.warehouse import fingerprints

    # 1: the path of a batch of more than 2**21 distinct tokens (shingle keys through numbered pairs)
    monkeypatch.setattr(fingerprints, "_ONE_KEY_TOKENS", one_key_tokens)
    texts = _mixed_texts(random.Random(11))
    got = fingerprints.signatures(texts)
    assert len(got) == len(texts)
    for text, sig in zip(texts, got, strict=True):
        assert sig.dtype == np.uint32 and np.array_equal(sig, _reference_signature(text)), repr(text[:40])
    # a text's signature does not depend on the batch it comes in
    for text, sig in zip(texts[:40], got[:40], strict=True):
        assert np.array_equal(fingerprints.signature(text), sig)
    assert fingerprints.signatures([]) == []


def test_bulk_tokens_are_the_expressions() -> None:
    from gdwatch.warehouse.fingerprints import _batch_tokens, _tokens

    texts = _mixed_texts(random.Random(12))
    ids, lengths, words, order = _batch_tokens(texts)
    vocabulary = words.to_pylist()
    tokens = [vocabulary[i] for i in ids.tolist()]
    assert sorted(order.tolist()) == list(range(len(texts)))
    start = 0
    for position, length in zip(order.tolist(), lengths.tolist(), strict=True):
        assert tokens[start : start + length] == _tokens(texts[position]), repr(texts[position][:40])
        start += length
    assert start == len(tokens)
