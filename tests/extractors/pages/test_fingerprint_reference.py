"""The vectorised simhash gives exactly the fingerprints of the per-feature reference, so fingerprints
stored before it still compare."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from gdwatch.extractors.pages.fingerprint import _tokens, simhash


def reference_simhash(text: str) -> int:
    """Charikar's simhash written out bit by bit: blake2b-64 of each word 3-shingle, majority per bit."""
    tokens = _tokens(text)
    if not tokens:
        return 0
    features = [" ".join(tokens[i : i + 3]) for i in range(max(1, len(tokens) - 2))]
    votes = [0] * 64
    for feature in features:
        digest = int.from_bytes(hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest(), "big")
        for bit in range(64):
            votes[bit] += 1 if digest >> (63 - bit) & 1 else -1
    value = 0
    for vote in votes:
        value = (value << 1) | (vote > 0)
    return value


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("ab c广东 9,.\n"), max_size=400))
def test_equals_the_reference_on_any_text(text: str) -> None:
    assert simhash(text) == reference_simhash(text)


def test_equals_the_reference_on_articles() -> None:
    article = (
        "Guangdong's foreign trade reached 9.1 trillion yuan in 2025, up 4.4 percent year-on-year. "
        "今年前三季度，广东省外贸进出口总值6.8万亿元，同比增长4.4%。"
    ) * 20
    for length in (1, 2, 3, 10, 100, len(article)):
        assert simhash(article[:length]) == reference_simhash(article[:length])
