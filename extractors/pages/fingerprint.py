"""A pure 64-bit simhash of article text, so near-identical wire copies can be counted once."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

# Latin words and digits as whole tokens; every CJK ideograph is its own token because Chinese
# text has no spaces between words.
_TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W_]+", re.UNICODE)
_SHINGLE = 3
_MASK = (1 << 64) - 1


def _tokens(text: str) -> list[str]:
    """Lower-cased NFKC tokens, so full-width digits and case do not change the fingerprint."""
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


def simhash(text: str) -> int:
    """Return the 64-bit simhash (Charikar) of ``text`` over word 3-shingles.

    Two copies of a wire story that differ by a byline, a caption or a few words differ in only a
    few of the 64 bits; unrelated texts differ in about 32.

    Args:
        text: cleaned article text (any language).

    Returns:
        An unsigned integer in ``[0, 2**64)``; 0 for text without tokens.
    """
    tokens = _tokens(text)
    if not tokens:
        return 0
    if len(tokens) < _SHINGLE:
        features = [" ".join(tokens)]
    else:
        features = [" ".join(shingle) for shingle in zip(tokens, tokens[1:], tokens[2:], strict=False)]
    blake2b = hashlib.blake2b
    digests = b"".join([blake2b(feature.encode("utf-8"), digest_size=8).digest() for feature in features])
    # One row of 64 bits per feature, most significant first (the digest is big-endian); each bit of
    # the fingerprint is the majority vote of its column, counted in C.
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8).reshape(-1, 8), axis=1)
    majority = bits.sum(axis=0, dtype=np.int64) * 2 > len(features)
    return int.from_bytes(np.packbits(majority).tobytes(), "big") & _MASK


def hamming_distance(a: int, b: int) -> int:
    """Return how many of the 64 bits differ between two simhashes.

    Args:
        a: a simhash.
        b: another simhash.

    Returns:
        The number of differing bits (0..64).
    """
    return ((a ^ b) & _MASK).bit_count()
