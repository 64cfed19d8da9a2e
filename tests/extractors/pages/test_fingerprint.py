"""extractors.fingerprint: a stable 64-bit simhash (tested here because the warehouse owns it)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gdwatch.extractors.pages.fingerprint import hamming_distance, simhash


def test_known_values_are_stable() -> None:
    # pinned: stored fingerprints must not change between releases
    assert simhash("") == 0
    assert simhash("Guangdong") == 16617590932818811692
    assert simhash("２０２５年广东外贸") == simhash("2025年广东外贸")
    assert simhash("Guangdong EXPORTS rose") == simhash("guangdong exports rose")


def test_unrelated_texts_are_far_apart() -> None:
    a = simhash(
        "Guangdong's foreign trade reached 9.1 trillion yuan in 2025, customs data showed on Tuesday."
    )
    b = simhash("Shenzhen drone makers shipped record volumes to Europe as the Canton Fair opened its doors.")
    assert hamming_distance(a, b) > 10


@given(st.text(max_size=300))
def test_fingerprints_are_64_bit_and_deterministic(text: str) -> None:
    value = simhash(text)
    assert 0 <= value < 2**64
    assert simhash(text) == value
    assert hamming_distance(value, value) == 0


def test_hamming_distance_counts_differing_bits() -> None:
    assert hamming_distance(0, 2**64 - 1) == 64
    assert hamming_distance(0b1011, 0b0001) == 2
