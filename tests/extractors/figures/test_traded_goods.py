"""The goods a trade figure is about, as English copy writes them: a product opening the sentence, a
conversion between an amount and its goods, goods named with "products", and the part a lede's sentence
puts in force (docs/figure-labels-v2.md, rule 10; docs/architecture.md, "Segments")."""

from __future__ import annotations

from datetime import date

import pytest

from gdwatch.config.loader import load_gazetteer, load_metrics
from gdwatch.extractors.figures import FigureExtractor
from gdwatch.extractors.figures.segments import plural_product

PUBLISHED = date(2026, 1, 29)


@pytest.fixture(scope="module")
def extractor() -> FigureExtractor:
    return FigureExtractor(load_metrics(), load_gazetteer())


def segments(extractor: FigureExtractor, text: str) -> dict[str, str | None]:
    found = extractor.extract(text, published=PUBLISHED)
    return {text[o.start : o.end]: o.segment for o in found}


@pytest.mark.parametrize(
    ("written", "named"),
    [
        ("motorcycle", "motorcycles"),
        ("battery", "batteries"),
        ("ceramic", "ceramics"),
        ("agricultural", "agricultural products"),
        ("tea", "tea"),
        ("furniture", "furniture"),
        ("drones", "drones"),
        ("kitchenware", "kitchenware"),
        ("watch", "watches"),
    ],
)
def test_a_noun_adjunct_names_its_goods_in_the_plural(written: str, named: str) -> None:
    assert plural_product(written) == named


def test_a_product_opening_the_sentence_is_the_part_and_a_place_is_not(extractor: FigureExtractor) -> None:
    text = (
        "HONG KONG, June 18 (Reuters) - Motorcycle exports from the southern Chinese city of Jiangmen rose "
        "22.7% in the first five months of the year."
    )
    assert segments(extractor, text) == {"22.7%": "motorcycles"}
    assert segments(extractor, "Guangdong exports rose 4.1% in May.") == {"4.1%": None}


def test_goods_after_a_conversion_stay_the_part_for_the_article(extractor: FigureExtractor) -> None:
    text = (
        "Guangdong exported 21.8 billion yuan ($3.1bn) of pet products last year, up 13.4%, according to "
        "customs data.\nIn December alone, exports reached 2.3 billion yuan."
    )
    assert set(segments(extractor, text).values()) == {"pet products"}


@pytest.mark.parametrize("goods", ["家私", "沙发", "内衣", "箱包", "眼镜"])
def test_chinese_goods_of_more_endings_are_a_part(extractor: FigureExtractor, goods: str) -> None:
    found = extractor.extract(f"首三季乐从{goods}出口87.4亿元，按年增长9.1%。", published=PUBLISHED)
    assert [(o.metric, o.segment) for o in found] == [("exports", goods), ("exports_growth", goods)]
