"""The part a revenue or trade figure is about when the sentence names it only once or not at all: an
industry's revenue and its growth, the industry an earlier sentence named, goods a lede traded by volume, and
one catalogued name for the same goods in English, simplified and traditional copy (docs/architecture.md,
"Segments")."""

from __future__ import annotations

from datetime import date

import pytest

from gdwatch.extractors.figures import FigureExtractor

PUBLISHED = date(2026, 7, 20)


def read(extractor: FigureExtractor, text: str) -> dict[str, tuple[str | None, str | None]]:
    found = extractor.extract(text, published=PUBLISHED)
    return {text[o.start : o.end]: (o.metric, o.segment) for o in found}


def test_an_industrys_revenue_and_its_growth_are_the_industrys(extractor: FigureExtractor) -> None:
    text = "Zhuhai's aviation industry posted revenue of 51.2 billion yuan last year, up 9.6 percent."
    assert read(extractor, text) == {
        "51.2 billion yuan": ("industry_revenue", "aviation"),
        "9.6 percent": (None, "aviation"),
    }


def test_an_industry_written_as_a_modifier_takes_the_catalogued_name(extractor: FigureExtractor) -> None:
    text = (
        "Revenue of Guangdong's semiconductor and integrated-circuit industry rose 14.6% to 285.3 billion "
        "yuan last year.\nThe motorcycle industry's revenue reached 52.3 billion yuan."
    )
    found = read(extractor, text)
    assert found["285.3 billion yuan"] == ("industry_revenue", "semiconductors and integrated circuits")
    assert found["52.3 billion yuan"] == ("industry_revenue", "motorcycles")


def test_the_industrys_revenue_is_the_industry_named_before(extractor: FigureExtractor) -> None:
    text = (
        "Chaozhou is home to more than 3,000 ceramics makers, and its ceramics industry had revenue of 78 "
        "billion yuan last year.\nLocal authorities aim to lift the industry's revenue above 100 billion "
        "yuan by 2030."
    )
    found = read(extractor, text)
    assert found["100 billion yuan"] == ("industry_revenue", "ceramics")


def test_a_chinese_industry_after_its_city_and_period(extractor: FigureExtractor) -> None:
    text = "上半年，江门市新型储能产业实现营业收入486亿元，同比增长37.2%。"
    found = read(extractor, text)
    assert found["486亿元"] == ("industry_revenue", "energy storage")
    assert found["37.2%"] == (None, "energy storage")


def test_qualifiers_of_industries_name_no_industry(extractor: FigureExtractor) -> None:
    text = "广东已拥有九个万亿级产业集群，重点产业营业收入超过千亿元。"
    assert {segment for _, segment in read(extractor, text).values()} == {None}


def test_a_lede_that_trades_a_volume_of_goods_puts_them_in_force(extractor: FigureExtractor) -> None:
    text = (
        "Maoming in western Guangdong exported 3,860 metric tons of fresh lychees between May 1 and June 20, "
        "according to Zhanjiang Customs.\nThe shipments were worth 118 million yuan, up 36.7 percent."
    )
    found = read(extractor, text)
    assert found["118 million yuan"] == ("exports", "fresh lychees")
    assert found["36.7 percent"] == ("exports_growth", "fresh lychees")


def test_a_count_that_no_trade_verb_moves_puts_nothing_in_force(extractor: FigureExtractor) -> None:
    text = (
        "Maoming harvested 580,000 tons of lychees last year.\n"
        "The city's exports were worth 118 million yuan."
    )
    assert read(extractor, text)["118 million yuan"] == ("exports", None)


@pytest.mark.parametrize(
    "text",
    [
        "Footwear exports from Guangdong rose 3.6% to 11.8 billion yuan.",
        "广东鞋类出口118亿元，增长3.6%。",
        "廣東鞋類出口118億元，增長3.6%。",
    ],
)
def test_one_name_for_the_same_goods_in_three_scripts(extractor: FigureExtractor, text: str) -> None:
    assert {segment for _, segment in read(extractor, text).values()} == {"footwear"}


@pytest.mark.parametrize(
    ("headline", "text", "segment"),
    [
        (
            "Jiangmen motorcycle exports hit record in 2025",
            "The export value climbed to 11.8 billion yuan last year.",
            "motorcycles",
        ),
        ("前三季度广东新能源汽车出口增长27.5%", "前三季度，出口额达到856亿元。", "new energy vehicles"),
        ("Guangdong's exports hit record in 2025", "The export value climbed to 11.8 billion yuan.", None),
    ],
)
def test_goods_a_headline_says_are_traded_are_in_force(
    extractor: FigureExtractor, headline: str, text: str, segment: str | None
) -> None:
    found = extractor.extract(text, published=PUBLISHED, headline=headline)
    assert [(o.metric, o.segment) for o in found] == [("exports", segment)]


def test_an_industry_that_had_revenue_reports_its_revenue(extractor: FigureExtractor) -> None:
    text = (
        "Exports of aluminium profiles from the city rose 11.4 per cent to 16.2 billion yuan.\n"
        "The city's aluminium industry had revenue of 168 billion yuan in the period, up 5.2 per cent."
    )
    found = read(extractor, text)
    # the rate is the industry's revenue growth, never the exports' of the sentence before
    assert found["168 billion yuan"] == ("industry_revenue", "aluminium")
    assert found["5.2 per cent"] == (None, "aluminium")


@pytest.mark.parametrize(
    ("text", "figure", "segment"),
    [
        ("The city now has 312 gas appliance enterprises with export records.", "312", "gas appliances"),
        ("More than 42,000 private firms posted import and export records.", "42,000", "private enterprises"),
        ("目前，全市有塑料制品进出口实绩企业628家。", "628", "plastic products"),
    ],
)
def test_a_count_of_traders_of_some_goods_is_a_part(
    extractor: FigureExtractor, text: str, figure: str, segment: str
) -> None:
    assert read(extractor, text)[figure] == ("import_export_enterprises", segment)


def test_some_of_the_traders_counted_before_are_not_all_traders(extractor: FigureExtractor) -> None:
    text = (
        "Dongguan now has more than 1,300 furniture enterprises with export records, about 420 of which "
        "sell abroad through cross-border e-commerce platforms."
    )
    found = read(extractor, text)
    assert found["1,300"] == ("import_export_enterprises", "furniture")
    assert found["420"][0] is None
