"""Figures and times for people: the scale rule, currencies, qualifiers, languages and time zones."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from gdwatch.pipeline.present import (
    format_day,
    format_duration,
    format_figure,
    format_number,
    format_rate,
    format_share,
    format_time,
    format_value,
    language_of,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("value", "unit", "lang", "expected"),
    [
        (9.49e12, "CNY", "en", "9.49 trillion yuan"),
        (9.49e12, "CNY", "zh", "9.49万亿元"),
        (41.5e9, "USD", "en", "US$41.5 billion"),
        (41.5e9, "USD", "zh", "415亿美元"),
        (5.9e11, "CNY", "en", "590 billion yuan"),
        (5.9e11, "CNY", "zh", "5900亿元"),
        (1e9, "HKD", "en", "HK$1 billion"),
        (1e9, "EUR", "zh", "10亿欧元"),
        (-3e9, "USD", "en", "-US$3 billion"),
        (2e6, "XYZ", "en", "XYZ 2 million"),
        (4.4, "%", "en", "4.4%"),
        (4.4, "%", "zh", "4.4%"),
        (-2.1, "%", "en", "-2.1%"),
        (1.2, "pp", "en", "+1.2 pp"),
        (-0.5, "pp", "en", "-0.5 pp"),
        (1.2, "pp", "zh", "+1.2个百分点"),
        (60000, "firms", "en", "60,000 firms"),
        (60000, "企业", "zh", "6万企业"),
        (1500, "企业", "zh", "1500企业"),
        (2.5e6, "count", "en", "2.5 million"),
        (1, "years", "en", "1 year"),
        (5, "years", "zh", "5年"),
    ],
)
def test_values_read_as_articles_write_them(value: float, unit: str, lang: str, expected: str) -> None:
    assert format_value(value, unit, lang) == expected  # type: ignore[arg-type]


def test_the_scale_rule_picks_the_largest_unit_not_above_the_value() -> None:
    assert [format_number(v, "zh") for v in (9999, 1e4, 9.9e7, 1e8, 9.9e11, 1e12)] == [
        "9999",
        "1万",
        "9900万",
        "1亿",
        "9900亿",
        "1万亿",
    ]
    assert [format_number(v, "en") for v in (999_999, 1e6, 1e9, 1e12, 1.234e15)] == [
        "999,999",
        "1 million",
        "1 billion",
        "1 trillion",
        "1,234 trillion",
    ]


def test_decimals_follow_the_written_resolution() -> None:
    assert format_value(9.5e12, "CNY", "en", resolution=1e10) == "9.50 trillion yuan"
    assert format_value(9.5e12, "CNY", "en", resolution=1e11) == "9.5 trillion yuan"
    assert format_value(9.5e12, "CNY", "zh", resolution=1e12) == "10万亿元"
    assert format_value(1 / 3, "%", "en") == "0.333%"  # unknown resolution: at most three decimals
    assert format_number(float("inf")) == "∞" and format_number(float("nan")) == "n/a"


def test_a_chinese_count_says_the_articles_noun() -> None:
    # the catalogue's unit is English ("enterprises"); a Chinese article's own noun is kept as unit_text
    assert format_figure(6e4, "enterprises", "zh", qualifier="over", unit_text="企业") == "超过6万企业"
    assert format_figure(10, "clusters", "zh", projection=True, unit_text="产业集群") == "目标：10产业集群"
    # an English unit_text, or none, leaves the catalogue's unit; currencies keep their own words
    assert format_figure(6e4, "enterprises", "zh", unit_text="firms") == "6万 enterprises"
    assert format_figure(1200, "enterprises", "en", unit_text="firms") == "1,200 enterprises"
    assert format_figure(9.1e12, "CNY", "zh", unit_text="元") == "9.1万亿元"


@pytest.mark.parametrize(
    ("qualifier", "projection", "lang", "expected"),
    [
        ("exact", False, "en", "9.5 trillion yuan"),
        ("over", False, "en", "over 9.5 trillion yuan"),
        ("under", False, "en", "nearly 9.5 trillion yuan"),
        ("approx", False, "zh", "约9.5万亿元"),
        ("over", True, "zh", "目标：超过9.5万亿元"),
        ("exact", True, "en", "target: 9.5 trillion yuan"),
    ],
)
def test_qualifiers_and_projections_are_shown(
    qualifier: str, projection: bool, lang: str, expected: str
) -> None:
    figure = format_figure(9.5e12, "CNY", lang, qualifier=qualifier, projection=projection)  # type: ignore[arg-type]
    assert figure == expected


def test_a_figure_is_written_in_its_articles_language() -> None:
    assert language_of("zh-cn") == "zh" and language_of("en") == "en"
    assert language_of(None, "广东外贸进出口总值9.1万亿元") == "zh"
    assert language_of(None, "Guangdong's trade") == "en" and language_of(None, None) == "en"


def test_times_are_shown_in_the_configured_zone() -> None:
    moment = datetime(2026, 1, 20, 18, 30, tzinfo=UTC)
    assert format_time(moment, SHANGHAI) == "2026-01-21 02:30 CST"
    assert format_time(moment.replace(tzinfo=None), SHANGHAI, seconds=True) == "2026-01-21 02:30:00 CST"
    assert format_time(moment, ZoneInfo("Europe/Berlin")) == "2026-01-20 19:30 CET"
    assert (
        format_day(moment, SHANGHAI) == "2026-01-21"
        and format_day(date(2026, 1, 20), SHANGHAI) == "2026-01-20"
    )
    assert format_time(None, SHANGHAI) == "—"


def test_shares_rates_and_durations_for_tables() -> None:
    assert (format_share(0.5714285714), format_share(None)) == ("57%", "—")
    assert (format_rate(0.5714285714), format_rate(None)) == ("0.6", "—")
    assert [format_duration(s) for s in (0.4, 59, 185, 3720, None)] == [
        "0 s",
        "59 s",
        "3 min 5 s",
        "1 h 2 min",
        "—",
    ]
