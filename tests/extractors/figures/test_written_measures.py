"""A figure with no catalogue metric names what it measures in ``segment``, as its sentence writes it
(metrics-2.14.0): the subject of an English clause, the measure written right before a Chinese figure."""

from __future__ import annotations

from datetime import date

import pytest

from gdwatch.extractors.figures import FigureExtractor


def segments(extractor: FigureExtractor, text: str) -> list[tuple[str, str | None, str | None]]:
    found = extractor.extract(text, published=date(2026, 11, 20))
    return [(text[o.start : o.end], o.metric, o.segment) for o in found]


def test_an_english_subject_names_the_measure(extractor: FigureExtractor) -> None:
    text = (
        "Output of electric kettles in Zhongshan rose 8.3 percent in the first ten months.\n"
        "Hotel occupancy stood at 71.2 percent in October.\n"
        "Ferry passenger trips reached 4.6 million, up 12.5 percent.\n"
        "Bamboo flooring accounted for 18 percent of the county's exports."
    )
    assert segments(extractor, text) == [
        ("8.3 percent", None, "electric kettles"),
        ("71.2 percent", None, "hotel occupancy"),
        ("4.6 million", None, "ferry passenger trips"),
        ("12.5 percent", None, "ferry passenger trips"),  # ", up ..." goes on with the sentence's subject
        ("18 percent", None, "bamboo flooring"),
    ]


def test_a_clause_of_its_own_names_its_own_measure(extractor: FigureExtractor) -> None:
    text = "Ferry passenger trips reached 4.6 million, while cruise calls increased 9.4 percent."
    assert [s for *_, s in segments(extractor, text)] == [
        "ferry passenger trips",
        "cruise calls",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the owner is the subject, not a measure of it
        "Zhongshan Port handled 1.2 million of them in October.",
        # a company's revenue is its whole (docs/figure-labels-v2.md)
        "The company's revenue rose 14.2 percent to 3.6 billion yuan.",
        # a list of measures distributed by "respectively" is not one measure
        "Ferry and cruise trips were 4.6 million and 0.3 million, respectively.",
        # a reporting clause before the measure
        "Officials said the programme is expected to create 12,000 jobs.",
    ],
)
def test_no_measure_where_the_subject_is_not_one(extractor: FigureExtractor, text: str) -> None:
    assert [s for *_, s in segments(extractor, text)] == [None] * len(segments(extractor, text))


def test_a_catalogue_metric_keeps_its_own_segment(extractor: FigureExtractor) -> None:
    found = segments(extractor, "Guangdong's exports rose 4.1 percent in October.")
    assert found == [("4.1 percent", "exports_growth", None)]


def test_a_chinese_measure_written_before_the_figure(extractor: FigureExtractor) -> None:
    text = "今年1-10月，中山市电热水壶产量1860万台，同比增长8.3%。\n全市酒店客房入住率71.2%。"
    assert segments(extractor, text) == [
        ("1860万", None, "电热水壶产量"),
        ("8.3%", None, "电热水壶产量"),  # "，同比增长" goes on with the clause before
        ("71.2%", None, None),  # 入住率 is not a measure's name this reads (a rate, not a level)
    ]


def test_a_traditional_measure_is_named_in_simplified(extractor: FigureExtractor) -> None:
    text = "首10個月，中山電熱水壺產量1860萬台，按年增長8.3%。"
    assert [s for *_, s in segments(extractor, text)] == ["电热水壶产量", "电热水壶产量"]


@pytest.mark.parametrize(
    "text",
    [
        "全市重点项目计划总投资超过620亿元。",  # the measure alone names nothing measured
        "公司营业收入38.6亿元，同比增长22.4%。",  # a company's revenue is its whole
    ],
)
def test_no_chinese_measure_where_none_is_named(extractor: FigureExtractor, text: str) -> None:
    assert all(s is None for *_, s in segments(extractor, text))


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("發明專利授權量13.6萬件，年增9.1%。", "发明专利授权量"),
        ("國際及地區旅客830萬人次，增長21.5%。", "国际及地区旅客"),
        ("石化產業投資362億元，大增22.5%。", "石化产业投资"),
    ],
)
def test_a_rate_after_its_level_measures_what_the_level_measures(
    extractor: FigureExtractor, text: str, measure: str
) -> None:
    found = extractor.extract(text, published=date(2026, 3, 5))
    assert [(o.segment, o.kind) for o in found] == [(measure, "level"), (measure, "change")]


def test_a_ports_tonnes_of_cargo_are_its_cargo_throughput(extractor: FigureExtractor) -> None:
    text = "Zhongshan Port handled 1.2 million tonnes of cargo in October."
    found = extractor.extract(text, published=None)
    assert [o.segment for o in found] == ["cargo throughput"]


@pytest.mark.parametrize(
    ("text", "measures"),
    [
        # what a count counts, written after it, is its measure, and its rate's
        ("Heyuan received 32.64 million visits in the period, up 8.7 percent.", ["visits", "visits"]),
        ("Shenzhen's land checkpoints handled 1.41 million cross-border trips.", ["cross-border trips"]),
        # places, firms and some of the things counted before are no measure
        ("The fair drew buyers from 223 countries and regions.", [None]),
        ("About 500 such firms export to Africa.", [None]),
    ],
)
def test_what_an_english_count_counts_is_its_measure(
    extractor: FigureExtractor, text: str, measures: list[str | None]
) -> None:
    assert [o.segment for o in extractor.extract(text, published=date(2026, 10, 30))] == measures


@pytest.mark.parametrize(
    ("text", "measures"),
    [
        # a measure word counts nothing of its own: the things after "of" are the measure (metrics-2.27.0)
        ("The town exported 146 million pairs of jeans abroad in the period.", ["jeans"]),
        ("Xuwen shipped 12,000 tonnes of fresh pineapples abroad so far this year.", ["fresh pineapples"]),
        # with nothing after it, the measure word stays (what the count is in)
        ("The airport moved 2.51 million tonnes, up 4.3 percent.", ["tonnes", "tonnes"]),
    ],
)
def test_a_measure_word_gives_way_to_what_it_measures(
    extractor: FigureExtractor, text: str, measures: list[str | None]
) -> None:
    assert [o.segment for o in extractor.extract(text, published=date(2026, 5, 12))] == measures


def test_a_measure_with_no_growth_metric_names_its_rate(extractor: FigureExtractor) -> None:
    # the catalogue's rd_investment has named_part "r&d expenditure" and no growth metric (metrics-2.27.0)
    text = (
        "Guangdong's R&D spending reached 520 billion yuan in 2025.\n"
        "R&D spending has grown by an average of 9.4 percent a year."
    )
    assert segments(extractor, text) == [
        ("520 billion yuan", "rd_investment", None),
        ("9.4 percent", None, "r&d expenditure"),
    ]


def test_a_companys_rd_spending_is_its_own_measure(extractor: FigureExtractor) -> None:
    text = (
        "Aerovane Systems Co., a drone maker based in Shenzhen, reported higher sales on Tuesday.\n"
        "The company's research and development spending climbed 29% to 690 million yuan."
    )
    assert segments(extractor, text) == [
        ("29%", None, "r&d expenditure"),
        ("690 million yuan", None, "r&d expenditure"),
    ]
