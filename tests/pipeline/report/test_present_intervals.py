"""The interval and both units of a side of a disagreement, as people read them."""

from __future__ import annotations

import math

import pytest

from gdwatch.pipeline.present import format_interval, format_units


@pytest.mark.parametrize(
    ("low", "high", "unit", "lang", "resolution", "expected"),
    [
        (9.05e12, 9.15e12, "CNY", "en", 1e11, "9.05–9.15 trillion yuan"),
        (9.05e12, 9.15e12, "CNY", "zh", 1e11, "9.05–9.15万亿元"),
        (2.2e12, math.inf, "CNY", "en", 1e11, "over 2.2 trillion yuan"),
        (-math.inf, 5.0, "%", "en", 0.0, "under 5%"),
        (4.35, 4.45, "%", "en", 0.1, "4.35–4.45%"),
        (59_500, 60_500, "enterprises", "en", 1000, "59,500–60,500 enterprises"),
        (None, 1.0, "%", "en", 0.0, "—"),
    ],
)
def test_intervals_read_like_the_figures(
    low: float | None, high: float | None, unit: str, lang: str, resolution: float, expected: str
) -> None:
    assert format_interval(low, high, unit, lang, resolution=resolution) == expected  # type: ignore[arg-type]


def test_both_units_when_the_written_one_differs() -> None:
    assert format_units("enterprises", "家") == "enterprises (家)"
    assert format_units("enterprises", "Enterprises") == "enterprises"
    assert format_units("CNY", None) == "CNY"
