"""Who published an article (its outlet) and which stored article it is a copy of (its witness).

Copies of one story across outlets, a wire report with a byline or a caption added, count as one
independent witness of a figure. Two texts are copies when the estimated Jaccard similarity of their
3-token shingles (a token is a word, or one CJK character) is at least ``near_copy_similarity`` (0.5 by
default). The threshold was calibrated on the shared extraction corpus (``benchmarks/near_copies.py``):
the same article extracted by two systems, which differ by bylines, captions and teasers, scored 0.5 or
more for 98.3 % of 181 pages (0.7 or more for 93.9 %), while none of 16,290 pairs of different articles
scored above 0.18.

Signatures are 128-permutation MinHashes, bit for bit those of datasketch 2.0's ``MinHash`` (SHA-1 of each
shingle, its default "affine32" permutations drawn from seed 20260101), computed here with numpy for a whole
batch at once: datasketch hashes shingle by shingle in Python and pulls in scipy (~2 s) on import, so it is
only the reference the tests compare against (measured on 300 articles of 700 words: 1.15 ms per article
here, 2.08 ms with datasketch). Candidates are found with 32 LSH bands of 4 rows,
stored in ``store.article_bands``, so a new article is compared with the few stored articles that share a
band, not with all of them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import tldextract
from tldextract.remote import lenient_netloc

from gdwatch.config.loader import load_outlets
from gdwatch.config.models import OutletCatalogue
from gdwatch.warehouse.connection import registered
from gdwatch.warehouse.memory import release_free_memory
from gdwatch.warehouse.sql import read_sql

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 3
_SEED = 20260101
_TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W_]+", re.UNICODE)

# the bundled Public Suffix List snapshot: no network fetch, no cache directory
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

FINGERPRINTS_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("version", pa.int32()),
        ("run_id", pa.int64()),
        ("domain", pa.string()),
        ("outlet", pa.string()),
        ("official", pa.bool_()),
        ("minhash", pa.binary()),
        ("witness_id", pa.string()),
        ("similarity", pa.float64()),
    ]
)
BANDS_SCHEMA = pa.schema([("band_hash", pa.uint64()), ("article_id", pa.string()), ("version", pa.int32())])


@dataclass(frozen=True)
class Outlet:
    """An article's publisher as the warehouse stores it."""

    domain: str | None
    name: str
    official: bool


class OutletTable:
    """Maps a URL and a page's site name to one outlet (see config/outlets.toml)."""

    def __init__(self, catalogue: OutletCatalogue) -> None:
        self._domains: dict[str, tuple[str, bool]] = {}
        self._names: dict[str, tuple[str, bool]] = {}
        for outlet in catalogue.outlets:
            for domain in outlet.domains:
                self._domains[domain.casefold().strip(".")] = (outlet.name, outlet.official)
            for label in (outlet.name, *outlet.aliases):
                self._names[_name_key(label)] = (outlet.name, outlet.official)

    def outlet(self, url: str, site_name: str | None) -> Outlet:
        """Return the outlet of an article.

        Args:
            url: the article's canonical URL.
            site_name: the name the page gives its site, if any.

        Returns:
            The configured outlet of the longest configured domain the host ends with; else the one named
            like ``site_name``; else the registrable domain; else (an IP address) the site name or host.
        """
        host = (urlsplit(url).hostname or "").casefold().strip(".")
        parts = host.split(".")
        for start in range(len(parts)):
            found = self._domains.get(".".join(parts[start:]))
            if found:
                return Outlet(_registrable(url), found[0], found[1])
        if site_name:
            named = self._names.get(_name_key(site_name))
            if named:
                return Outlet(_registrable(url), named[0], named[1])
        domain = _registrable(url)
        return Outlet(domain, domain or (site_name or "").strip() or host or "unknown", False)


@cache
def configured_outlets(directory: Path | None = None) -> OutletTable:
    """The outlet table of a configuration directory (``--config DIR``, else $GDWATCH_CONFIG, else the
    packaged one)."""
    return OutletTable(load_outlets(directory))


def _name_key(label: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", label)).strip().casefold()


def _registrable(url: str) -> str | None:
    """The registrable domain of ``url``'s host (tldextract's), looked up once per host as tldextract reads
    it (``lenient_netloc``: the result depends on nothing else), so a batch's many pages of one site cost
    one lookup."""
    return _registrable_host(lenient_netloc(url), url)


def _registrable_host(netloc: str, url: str) -> str | None:
    found = _REGISTRABLE.get(netloc, _UNSEEN)
    if found is _UNSEEN:
        found = _EXTRACT(url).top_domain_under_public_suffix or None
        if len(_REGISTRABLE) >= _REGISTRABLE_HOSTS:
            _REGISTRABLE.clear()
        _REGISTRABLE[netloc] = found
    return found  # type: ignore[return-value]  # why: not _UNSEEN once set


_REGISTRABLE: dict[str, str | None] = {}
_REGISTRABLE_HOSTS = 100_000
"""Hosts remembered at most (then forgotten at once): outlets come from a few thousand sites."""
_UNSEEN = object()


def shingles(text: str) -> set[bytes]:
    """The 3-token shingles of ``text``: words in lower case, each CJK character a token of its own."""
    return {shingle.encode("utf-8") for shingle in _shingle_strings(text)}


def _shingle_strings(text: str) -> set[str]:
    """:func:`shingles` before encoding (a set of strings dedupes as the set of their UTF-8 bytes does)."""
    return _shingles_of(_tokens(text))


def _tokens(text: str) -> list[str]:
    """The tokens :data:`_TOKEN` finds in the folded text, faster for text without CJK or accented letters.

    Once the common non-word punctuation of English copy is a space, a text of ASCII only has letters and
    digits as its only token characters, so splitting at everything else gives ``_TOKEN``'s tokens about
    seven times as fast as the regular expression (tested against it).
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    if not folded.isascii():
        # a separator to the expression too; str.replace, because translating non-ASCII text with a table
        # is slower than the expression itself
        for mark in _NON_WORD_PUNCTUATION:
            folded = folded.replace(mark, " ")
        if not folded.isascii():
            return _TOKEN.findall(folded)
    return folded.translate(_ASCII_SEPARATORS).split()


_NON_WORD_PUNCTUATION = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00b7\u2022\u00a0"
"""Quotes, dashes, ellipsis, dots and the no-break space of English copy: none is a token character."""
_ASCII_SEPARATORS = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})


def _shingles_of(tokens: list[str]) -> set[str]:
    """The distinct 3-token shingles of ``tokens`` (the tokens joined when there are fewer than three)."""
    if len(tokens) < SHINGLE:
        return {" ".join(tokens)}
    return set(map(" ".join, zip(tokens, tokens[1:], tokens[2:], strict=False)))


# datasketch 2.0's default "affine32" scheme: the shingle's 32-bit SHA-1 prefix is mixed by the MurmurHash3
# finalizer, then each permutation is h -> a * h + b in uint32 (the wraparound is the modulo 2**32).
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The ``(a, b)`` parameters datasketch draws for ``MinHash(num_perm=NUM_PERM, seed=_SEED)``."""
    gen = np.random.RandomState(_SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(hv: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return hv ^ (hv >> s3)


def signatures(texts: Sequence[str]) -> list[np.ndarray]:
    """The MinHash signatures of ``texts``: for each, ``NUM_PERM`` values below 2**32, as uint32.

    The texts are signed in chunks of consecutive texts of at most ``_CHUNK_CHARS`` characters (a longer
    text alone): a text's signature depends on nothing else, and the arrays and shingle bytes of a chunk
    take tens of times its text, so a whole check slice's at once raised the writer's RSS by 140-220
    MiB for 1,000 articles; chunks of 20-50 articles are also faster than one pass, their hash tables
    being smaller (docs/benchmarks.md, "Signing the texts in chunks").
    """
    out: list[np.ndarray] = []
    first = 0
    while first < len(texts):
        last, chars = first + 1, len(texts[first])
        while last < len(texts) and chars + len(texts[last]) <= _CHUNK_CHARS:
            chars += len(texts[last])
            last += 1
        out.extend(_chunk_signatures(texts[first:last]))
        first = last
    return out


def _chunk_signatures(texts: Sequence[str]) -> list[np.ndarray]:
    """:func:`signatures` of one chunk of texts (not empty).

    The chunk is tokenized in bulk and its tokens numbered by Arrow (:func:`_batch_tokens`); each 3-token
    shingle is then an int64 key in numpy, so that only the chunk's distinct shingles are built (by Arrow)
    and hashed (SHA-1, one call each), and every text's shingles go through the permutations in one numpy
    pass for the whole chunk (in slices, to bound memory).
    """
    ids, lengths, words, text_order = _batch_tokens(texts)
    size = max(len(words), 1)
    starts = np.cumsum(lengths) - lengths
    # a shingle starts at each token with two more tokens of its text after it
    text_of = np.repeat(np.arange(len(lengths)), lengths)
    shingle_at = np.flatnonzero(np.arange(len(ids)) - starts[text_of] < (lengths - (SHINGLE - 1))[text_of])
    firsts, seconds, thirds = ids[shingle_at], ids[shingle_at + 1], ids[shingle_at + 2]
    if size <= _ONE_KEY_TOKENS:  # three token numbers as one key
        distinct, refs = _factorize((firsts * size + seconds) * size + thirds)
        firsts, seconds, thirds = distinct // (size * size), distinct // size % size, distinct % size
    else:  # number the pairs first, so that the key stays below 2**63
        pairs, pair_refs = _factorize(firsts * size + seconds)
        distinct, refs = _factorize(pair_refs * size + thirds)
        firsts, seconds = pairs[distinct // size] // size, pairs[distinct // size] % size
        thirds = distinct % size
    # the distinct shingles' UTF-8, built by Arrow
    blobs = (
        pc.binary_join_element_wise(*(words.take(pa.array(part)) for part in (firsts, seconds, thirds)), " ")
        .cast(pa.binary())
        .to_pylist()
    )
    # a text's shingles with their repeats: its minimum over them is the minimum over its set of shingles
    # (datasketch's), and removing repeats (rare in real text) costs more than permuting them
    text_of = text_of[shingle_at]
    # a text of fewer than three tokens has one shingle: its tokens joined (the empty string for none)
    short = np.flatnonzero(lengths < SHINGLE)
    blobs.extend(
        " ".join(words.take(pa.array(ids[first : first + length])).to_pylist()).encode("utf-8")
        for first, length in zip(starts[short].tolist(), lengths[short].tolist(), strict=True)
    )
    counts = np.bincount(text_of, minlength=len(lengths))
    counts[short] = 1
    bounds = np.concatenate(([0], np.cumsum(counts)))
    slots = np.empty(int(bounds[-1]), dtype=np.intp)
    at_short = np.zeros(len(slots), dtype=bool)
    at_short[bounds[short]] = True
    slots[~at_short] = refs
    slots[at_short] = len(distinct) + np.arange(len(short))
    sha1 = hashlib.sha1
    # whole digests, not their first 4 bytes: slicing each costs more than striding over them below
    digests = b"".join([hashed.digest() for hashed in map(sha1, blobs)])
    prefixes = np.frombuffer(digests, dtype="<u4")[::_DIGEST_WORDS]  # a SHA-1 digest is 5 words
    hashed = _fmix32(prefixes.astype(np.uint32))[slots]
    a, b = _permutations()
    out = np.empty((len(texts), NUM_PERM), dtype=np.uint32)
    ends = bounds.tolist()
    # every text has at least one shingle, so no slice is empty
    first = 0
    while first < len(texts):
        last = first + 1
        while last < len(texts) and ends[last + 1] - ends[first] <= _SLICE_SHINGLES:
            last += 1
        # one row per permutation, so each text's minimum is a reduction over contiguous memory
        permuted = a[:, None] * hashed[None, ends[first] : ends[last]]
        permuted += b[:, None]
        out[text_order[first:last]] = np.minimum.reduceat(
            permuted, bounds[first:last] - ends[first], axis=1
        ).T
        first = last
    return list(out)


def _factorize(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ``values`` (int64) in order of first occurrence, and the number of each value among
    them: a hash table (Arrow's), not a sort."""
    encoded = pc.dictionary_encode(pa.array(values, pa.int64()))
    return encoded.dictionary.to_numpy(), encoded.indices.to_numpy().astype(np.int64)


def _batch_tokens(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, pa.StringArray, np.ndarray]:
    """The tokens of all ``texts`` (:func:`_tokens`'s), numbered.

    Returns:
        Every token's number (int64; the texts' tokens one after another, in the order of the last item),
        each text's number of tokens, the distinct tokens (a number's token) and the position in ``texts``
        of each text in that order.

    A text that is ASCII once folded is lower-cased and its separators made spaces by one table (bytes
    translated: the same tokens as ``_tokens``'s ``str.translate``), and Arrow splits all those texts at
    once; the others are tokenized one by one with the expression. Arrow numbers the tokens, so no Python
    object is made per token.
    """
    bulk: list[bytes] = []
    bulk_at: list[int] = []
    alone: list[list[str]] = []
    alone_at: list[int] = []
    for position, text in enumerate(texts):
        # NFKC leaves ASCII as it is, and casefold is lower for ASCII: the table lower-cases it
        folded = text if text.isascii() else _folded(text)
        if not folded.isascii():
            alone.append(_TOKEN.findall(folded))
            alone_at.append(position)
            continue
        # stripped: Arrow's split gives an empty token before a leading space, after a trailing one and
        # for an empty text, where str.split gives none
        spaced = folded.encode("ascii").translate(_BULK_TABLE).strip(b" ")
        if spaced:
            bulk.append(spaced)
            bulk_at.append(position)
        else:
            alone.append([])
            alone_at.append(position)
    lists = pa.concat_arrays(
        [
            pc.ascii_split_whitespace(pa.array(bulk, pa.binary()).cast(pa.string())),
            pa.array(alone, pa.list_(pa.string())),
        ]
    )
    encoded = pc.dictionary_encode(lists.flatten())
    return (
        encoded.indices.to_numpy().astype(np.int64),
        pc.list_value_length(lists).to_numpy().astype(np.int64),
        encoded.dictionary,
        np.asarray(bulk_at + alone_at, dtype=np.intp),
    )


def _folded(text: str) -> str:
    """``text`` folded as :func:`_tokens` folds it before it finds the tokens."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    if not folded.isascii():
        for mark in _NON_WORD_PUNCTUATION:
            folded = folded.replace(mark, " ")
    return folded


_BULK_TABLE = bytes(
    ord(chr(code).lower()) if chr(code).isalnum() and code < 128 else ord(" ") for code in range(256)
)
"""ASCII letters lower-cased, letters and digits kept, everything else a space (``_ASCII_SEPARATORS`` and
``casefold`` on bytes)."""


_CHUNK_CHARS = 100_000
"""Characters of text signed together (about 20 English news articles, or 40 Chinese ones, whose every
character is a token): the chunk's token numbers, shingle keys and shingle bytes are freed before the next
chunk's are made."""
_TEXTS_PER_FETCH = 200
"""Texts read from DuckDB at a time by :func:`insert_fingerprints`: a check slice's 1,000 texts are never
Python strings at once."""
_ONE_KEY_TOKENS = 2**21 - 1
"""Distinct tokens in a batch up to which a shingle's three token numbers fit one int64 key."""
_DIGEST_WORDS = 5
_SLICE_SHINGLES = 40_000
"""Shingles permuted per numpy pass: 40,000 x 128 x 4 bytes is 20 MB."""


def signature(text: str) -> np.ndarray:
    """The MinHash signature of ``text``: ``NUM_PERM`` values below 2**32, as uint32."""
    return signatures([text])[0]


def band_hashes(sig: np.ndarray) -> list[int]:
    """One 64-bit hash per LSH band (band number included, so equal rows of two bands differ)."""
    return band_hash_rows(sig[None, :])[0].tolist()


def band_hash_rows(sigs: np.ndarray) -> np.ndarray:
    """:func:`band_hashes` of each row of ``sigs`` (n x ``NUM_PERM`` uint32), as n x ``BANDS`` uint64.

    Each band's input (its number as one byte, then its rows as little-endian uint32) is laid out by numpy in
    one buffer for the whole batch; only the BLAKE2b calls are made one by one.
    """
    count = len(sigs)
    width = ROWS * 4
    laid = np.empty((count, BANDS, 1 + width), dtype=np.uint8)
    laid[:, :, 0] = np.arange(BANDS, dtype=np.uint8)
    laid[:, :, 1:] = np.ascontiguousarray(sigs, dtype="<u4").view(np.uint8).reshape(count, BANDS, width)
    # each band's input as one bytes object, made by numpy (a void item's bytes keep trailing zeros)
    inputs = laid.reshape(count * BANDS, 1 + width).view(f"V{1 + width}").ravel().tolist()
    digests = b"".join([hashed.digest() for hashed in map(_band_hasher, inputs)])
    return np.frombuffer(digests, dtype="<u8").reshape(count, BANDS)


def _band_hasher(data: bytes) -> hashlib.blake2b:
    return hashlib.blake2b(data, digest_size=8)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal slots."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


@dataclass
class _New:
    article_id: str
    version: int
    outlet: Outlet
    sig: np.ndarray
    bands: list[int]
    witness_id: str = ""
    similarity: float | None = None


def insert_fingerprints(
    conn: duckdb.DuckDBPyConnection,
    *,
    run_id: int,
    threshold: float,
    outlets: OutletTable,
) -> int:
    """Fingerprint the article versions this batch added and give each its witness.

    Reads ``batch_articles`` (new articles and new versions); a version is a copy of the stored or earlier
    article of this batch (never its own article) that shares an LSH band and is at least ``threshold``
    similar, the most similar first, and counts as that article's witness.

    Args:
        conn: the load's connection, inside its transaction.
        run_id: the run loading the batch.
        threshold: estimated Jaccard similarity from which two texts are copies.
        outlets: the outlet table.

    Returns:
        The number of article versions fingerprinted.
    """
    # the texts in chunks, each signed and dropped before the next is read: only the signatures (512 bytes
    # an article) and the rows' keys stay for the rest of the stage. DuckDB sends each distinct text once
    # (its first row); a copy of it under another URL takes that row's signature, as signing it would give.
    result = conn.execute(read_sql("select_batch_article_texts"))
    rows: list[tuple[str, int, str, str | None]] = []
    sigs: list[np.ndarray] = []
    while chunk := result.fetchmany(_TEXTS_PER_FETCH):
        firsts = [text or "" for at, (*_, text, same) in enumerate(chunk, len(rows)) if same == at]
        signed = iter(signatures(firsts))
        for article_id, version, url, site_name, _, same in chunk:
            sigs.append(next(signed) if same == len(rows) else sigs[same])
            rows.append((article_id, version, url, site_name))
        del chunk
    if not rows:
        return 0
    # what the chunks freed goes back to the system here: the rest of the check allocates in DuckDB, which
    # cannot reuse the Python allocator's free pages, so kept they would add to the check's peak
    release_free_memory()
    bands = band_hash_rows(np.stack(sigs)).tolist()
    new = [
        _New(article_id, int(version), outlets.outlet(url, site_name), sig, item_bands)
        for (article_id, version, url, site_name), sig, item_bands in zip(rows, sigs, bands, strict=True)
    ]
    _give_witnesses(new, _best_stored(conn, new, threshold), threshold)
    _append(conn, new, run_id)
    return len(new)


def _give_witnesses(new: Sequence[_New], stored: dict[int, tuple[float, str]], threshold: float) -> None:
    """Set each new version's witness and similarity, in batch order: the most similar of its best stored
    copy (``stored``, by position) and the earlier versions of other articles in the batch that share one of
    its bands, at least ``threshold`` similar; the stored copy first, then the batch's in the order their
    bands are met (band by band, each band's versions in batch order), and of equally similar ones the
    first. A version with no copy is its own witness.

    The most similar earlier version of each is chosen in numpy for the whole batch
    (:func:`_closest_earlier`); only taking its witness, which it got the same way, is a loop.
    """
    closest = _closest_earlier(new)
    for position, item in enumerate(new):
        best = stored.get(position)
        found = closest.get(position)
        if found is not None:
            other, equal = found
            score = equal / NUM_PERM
            if score >= threshold and (best is None or score > best[0]):
                best = (score, new[other].witness_id)
        item.witness_id, item.similarity = (best[1], best[0]) if best else (item.article_id, None)


def _closest_earlier(new: Sequence[_New]) -> dict[int, tuple[int, int]]:
    """For each version (by position) that shares a band with an earlier version of another article: the
    earliest in band order (its first shared band of the later one's bands, then batch order) of the most
    similar of those, and the number of equal slots of their signatures.

    Pairs are made from the batch's (band hash, position) entries sorted by hash and position, every entry
    with each earlier one of its hash; in slices of later positions, to bound memory when many versions share
    bands (copies of one story).
    """
    count = len(new)
    if count < 2:
        return {}
    sigs = np.stack([item.sig for item in new])
    hashes = np.asarray([item.bands for item in new], dtype=np.uint64).ravel()
    width = len(new[0].bands)
    article = np.unique(np.asarray([item.article_id for item in new]), return_inverse=True)[1].ravel()
    order = np.lexsort((np.arange(len(hashes)), hashes))  # by hash, then position (then band)
    sorted_hashes = hashes[order]
    group_start = np.flatnonzero(np.concatenate(([True], sorted_hashes[1:] != sorted_hashes[:-1])))
    starts = np.repeat(group_start, np.diff(np.concatenate((group_start, [len(order)]))))
    earlier = np.arange(len(order)) - starts  # entries before each in its group
    later_pos = order // width
    per_position = np.bincount(later_pos, weights=earlier, minlength=count).cumsum()
    closest: dict[int, tuple[int, int]] = {}
    first = 0
    while first < count:
        done = per_position[first - 1] if first else 0.0
        last = max(int(np.searchsorted(per_position, done + _SLICE_PAIRS * 8, side="right")), first + 1)
        entries = np.flatnonzero((later_pos >= first) & (later_pos < last) & (earlier > 0))
        repeats = earlier[entries]
        pair_entry = np.repeat(entries, repeats)
        offsets = np.arange(len(pair_entry)) - np.repeat(np.cumsum(repeats) - repeats, repeats)
        later_entry = order[pair_entry]
        other_entry = order[starts[pair_entry] + offsets]
        later, other, band = later_entry // width, other_entry // width, later_entry % width
        keep = (other < later) & (article[other] != article[later])
        later, other, band = later[keep], other[keep], band[keep]
        first = last
        if not len(later):
            continue
        # one pair per (later, other), with the first band of the later one's that they share
        pairs = np.lexsort((band, other, later))
        later, other, band = later[pairs], other[pairs], band[pairs]
        firsts = np.concatenate(([True], (later[1:] != later[:-1]) | (other[1:] != other[:-1])))
        later, other, band = later[firsts], other[firsts], band[firsts]
        equal = np.empty(len(later), dtype=np.int64)
        for begin in range(0, len(later), _SLICE_PAIRS):  # to bound the memory of the comparison
            part = slice(begin, begin + _SLICE_PAIRS)
            equal[part] = np.count_nonzero(sigs[later[part]] == sigs[other[part]], axis=1)
        # for each later version the most similar, of equally similar ones the first met
        best = np.lexsort((other, band, -equal, later))
        heads = best[np.concatenate(([True], later[best][1:] != later[best][:-1]))]
        for position, chosen, same in zip(
            later[heads].tolist(), other[heads].tolist(), equal[heads].tolist(), strict=True
        ):
            closest[position] = (chosen, same)
    return closest


def _best_stored(
    conn: duckdb.DuckDBPyConnection, new: Sequence[_New], threshold: float
) -> dict[int, tuple[float, str]]:
    """For each new article version (by position): the most similar stored version of another article that
    shares one of its bands and is at least ``threshold`` similar, as (similarity, its witness).

    All candidates are scored in one numpy pass; of equally similar ones the first stored (by article id,
    then version) wins.
    """
    probe = pa.table(
        {
            "band_hash": pa.array([b for item in new for b in item.bands], pa.uint64()),
            "probe_id": [item.article_id for item in new for _ in item.bands],
        }
    )
    with registered(conn, fingerprint_probe=probe):
        conn.execute(read_sql("create_copy_hits"))
    conn.execute(read_sql("create_copy_candidates"))
    # Arrow, not rows of Python objects: a batch can have many candidates (a wire story's copies), and
    # the signatures then reach numpy without a copy per row; each signature comes once, the pairs as numbers
    candidates = conn.execute(read_sql("select_copy_signatures")).to_arrow_table()
    found = conn.execute(read_sql("select_copy_pairs")).to_arrow_table() if candidates.num_rows else None
    conn.execute("DROP TABLE temp.copy_hits")
    conn.execute("DROP TABLE temp.copy_candidates")
    if found is None or not found.num_rows:
        return {}
    positions: dict[str, list[int]] = {}
    for position, item in enumerate(new):  # one article can come twice (two versions in one batch)
        positions.setdefault(item.article_id, []).append(position)
    probe_ids = list(positions)
    probed = pc.index_in(found.column("probe_id"), value_set=pa.array(probe_ids, pa.string()))
    probed_number = probed.to_numpy()
    numbers = found.column("candidate").to_numpy()
    if len(probe_ids) == len(new):  # each probed article once: one pair per row
        rows = numbers
        probes = np.asarray([positions[i][0] for i in probe_ids])[probed_number]
    else:  # one pair per row and version of its probed article, in order
        per_row = [positions[probe_ids[number]] for number in probed_number.tolist()]
        rows = np.repeat(numbers, [len(p) for p in per_row])
        probes = np.asarray([position for p in per_row for position in p])
    stored_sigs = _signature_rows(candidates.column("minhash"))
    new_sigs = np.stack([item.sig for item in new])
    equal = np.empty(len(rows), dtype=np.int64)
    for first in range(0, len(rows), _SLICE_PAIRS):  # in slices, to bound the memory of the comparison
        pairs = slice(first, first + _SLICE_PAIRS)
        equal[pairs] = np.count_nonzero(stored_sigs[rows[pairs]] == new_sigs[probes[pairs]], axis=1)
    scores = equal / NUM_PERM  # what similarity() gives each pair
    witnesses = candidates.column("witness_id")
    best: dict[int, tuple[float, str]] = {}
    close = np.flatnonzero(scores >= threshold)
    # by candidate number, so that of equally similar ones the first stored (article, version) wins: before,
    # the first in the order DuckDB returned them, which could differ between two runs
    for pair in close[np.argsort(rows[close], kind="stable")].tolist():
        position, score = int(probes[pair]), float(scores[pair])
        if position not in best or score > best[position][0]:
            best[position] = (score, witnesses[int(rows[pair])].as_py())
    return best


_SLICE_PAIRS = 20_000
"""Candidate pairs compared per numpy pass: 20,000 x 128 x 4 bytes is 10 MB per side."""


def _signature_rows(column: pa.ChunkedArray) -> np.ndarray:
    """The stored signatures of a binary column as one uint32 row each (every blob is ``NUM_PERM`` words)."""
    blobs = column.combine_chunks()
    offsets_type = np.int64 if pa.types.is_large_binary(blobs.type) else np.int32
    offsets = np.frombuffer(blobs.buffers()[1], dtype=offsets_type)[
        blobs.offset : blobs.offset + len(blobs) + 1
    ]
    width = NUM_PERM * 4
    if blobs.null_count or not np.all(np.diff(offsets) == width):
        raise ValueError("a stored MinHash signature is not 128 uint32 values")
    data = np.frombuffer(blobs.buffers()[2], dtype=np.uint8)[offsets[0] : offsets[-1]]
    return data.view("<u4").reshape(-1, NUM_PERM)


def _append(conn: duckdb.DuckDBPyConnection, new: Sequence[_New], run_id: int) -> None:
    fingerprints = pa.table(
        {
            "article_id": [i.article_id for i in new],
            "version": [i.version for i in new],
            "run_id": [run_id] * len(new),
            "domain": [i.outlet.domain for i in new],
            "outlet": [i.outlet.name for i in new],
            "official": [i.outlet.official for i in new],
            "minhash": [i.sig.astype("<u4").tobytes() for i in new],
            "witness_id": [i.witness_id for i in new],
            "similarity": [i.similarity for i in new],
        },
        schema=FINGERPRINTS_SCHEMA,
    )
    bands = pa.table(
        {
            "band_hash": [b for i in new for b in i.bands],
            "article_id": [i.article_id for i in new for _ in i.bands],
            "version": [i.version for i in new for _ in i.bands],
        },
        schema=BANDS_SCHEMA,
    )
    with registered(conn, staged_fingerprints=fingerprints, staged_bands=bands):
        conn.execute(read_sql("insert_article_fingerprints"))
        conn.execute(read_sql("insert_article_bands"))
