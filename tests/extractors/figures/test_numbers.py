"""Numbers as news text writes them: parsing, units, qualifiers, ranges, conversions and non-figures."""

from __future__ import annotations

import pytest

from gdwatch.extractors.figures.finder import find_figures
from gdwatch.extractors.figures.numbers import (
    compound_number,
    normalize,
    parse_chinese_numeral,
    parse_decimal,
    parse_word_number,
    scale_value,
)


def figures_of(text: str) -> list[tuple[str, float, str, str]]:
    """(span, value, unit, qualifier) of every figure of one sentence."""
    sentence = normalize(text)
    return [(text[f.start : f.end], f.value, f.unit, f.qualifier) for f in find_figures(sentence)]


def test_normalize_maps_full_width_forms_one_for_one() -> None:
    text = "同比增长１２．５％，达２１５０亿元。"
    assert normalize(text) == "同比增长12.5%,达2150亿元。"
    assert len(normalize(text)) == len(text)


@pytest.mark.parametrize(
    ("digits", "expected"),
    [("1,865.4", (1865.4, 0.1)), ("12", (12.0, 1.0)), ("3.72", (3.72, 0.01)), ("1" * 30, None), ("", None)],
)
def test_parse_decimal(digits: str, expected: tuple[float, float] | None) -> None:
    assert parse_decimal(digits) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [("nine", 9), ("Eleven", 11), ("twenty", 20), ("twenty-five", 25), ("hundred", None)],
)
def test_parse_word_number(words: str, expected: int | None) -> None:
    assert parse_word_number(words) == expected


@pytest.mark.parametrize(
    ("numeral", "expected"),
    [("九", 9), ("十一", 11), ("两", 2), ("三百二十", 320), ("十", 10), ("十四五", None), ("一一", None)],
)
def test_parse_chinese_numeral(numeral: str, expected: int | None) -> None:
    assert parse_chinese_numeral(numeral) == expected


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Foreign trade reached RMB8.12 trillion.", "RMB8.12 trillion", 8.12e12, "CNY"),
        ("Sales hit ¥350 billion.", "¥350 billion", 350e9, "CNY"),
        ("Deals totaled US$2.4 billion.", "US$2.4 billion", 2.4e9, "USD"),
        ("Exports were 4.6 trillion yuan.", "4.6 trillion yuan", 4.6e12, "CNY"),
        ("Revenue was 5,120 billion yuan.", "5,120 billion yuan", 5.12e12, "CNY"),
        ("Midea earned RMB 218 billion.", "RMB 218 billion", 218e9, "CNY"),
        ("It signed a HK$3.8 billion deal.", "HK$3.8 billion", 3.8e9, "HKD"),
        ("Exports reached EUR 45 billion.", "EUR 45 billion", 45e9, "EUR"),
        ("Investment reached 18.2 billion US dollars.", "18.2 billion US dollars", 18.2e9, "USD"),
        ("Sales reached 7 billion euros.", "7 billion euros", 7e9, "EUR"),
        ("进出口总值9.1万亿元。", "9.1万亿元", 9.1e12, "CNY"),
        ("成交256.5亿美元。", "256.5亿美元", 256.5e8, "USD"),
        ("签订38亿港元的协议。", "38亿港元", 38e8, "HKD"),
        ("出口450亿欧元。", "450亿欧元", 450e8, "EUR"),
        ("营业收入超过千亿元。", "千亿元", 1e11, "CNY"),
        ("收入超过5千亿元。", "5千亿元", 5e11, "CNY"),
        ("售价¥4,788。", "¥4,788", 4788.0, "CNY"),
    ],
)
def test_currency_before_and_after_with_scale_words(text: str, span: str, value: float, unit: str) -> None:
    [(found, got, got_unit, _)] = figures_of(text)
    assert (found, got_unit) == (span, unit)
    assert got == pytest.approx(value)


def test_scale_value_has_no_binary_noise() -> None:
    assert scale_value(8.12, 1e12) == 8.12e12
    assert scale_value(1e-06, 1e4) == 0.01
    assert scale_value(0.1, 1.0) == 0.1


def test_many_decimals_with_a_scale_word() -> None:
    assert figures_of("出口1.000001万亿元。") == [("1.000001万亿元", 1000001000000.0, "CNY", "exact")]


def test_resolution_is_one_unit_of_the_last_digit() -> None:
    sentence = "Trade was 9.5 trillion yuan, up 3.1%, with 60,000 firms and 3.1 million workers."
    assert [f.resolution for f in find_figures(sentence)] == pytest.approx([1e11, 0.1, 1.0, 1e5])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exports rose 3.1% year-on-year.", [("3.1%", 3.1, "%", "exact")]),
        ("Retail sales saw a 7.2 percent increase.", [("7.2 percent", 7.2, "%", "exact")]),
        ("It rose 1.5 percentage points.", [("1.5 percentage points", 1.5, "pp", "exact")]),
        ("同比增长１２％。", [("１２％", 12.0, "%", "exact")]),
        ("提高0.9个百分点。", [("0.9个百分点", 0.9, "pp", "exact")]),
        ("增长3个百分点。", [("3个百分点", 3.0, "pp", "exact")]),
    ],
)
def test_percent_and_percentage_points(text: str, expected: list[tuple[str, float, str, str]]) -> None:
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It has more than 60,000 firms.", [("60,000", 60000.0, "enterprises", "over")]),
        ("It has ten industrial clusters.", [("ten", 10.0, "clusters", "exact")]),
        ("It led for six consecutive years.", [("six", 6.0, "years", "exact")]),
        ("Some 243,000 industrial robots were made.", [("243,000", 243000.0, "units", "approx")]),
        ("It covers 50 thousand square metres.", [("50 thousand", 50000.0, "m2", "exact")]),
        ("Seven Guangdong companies made the list.", [("Seven", 7.0, "enterprises", "exact")]),
        ("Clearance takes less than 30 minutes.", [("30", 30.0, "minutes", "under")]),
        ("吸引31万余名境外采购商。", [("31万", 310000.0, "buyers", "over")]),
        ("规模连续40年居全国首位。", [("40", 40.0, "years", "exact")]),
        ("已拥有九个万亿级产业集群。", [("九", 9.0, "clusters", "exact")]),
        ("深圳充电桩逾40万个。", [("40万", 400000.0, "charging piles", "over")]),
        ("销售新能源汽车460万辆。", [("460万", 4600000.0, "units", "exact")]),
        ("企业3000家以上。", [("3000", 3000.0, "enterprises", "over")]),
        ("美妆企业3000家左右。", [("3000", 3000.0, "enterprises", "approx")]),
    ],
)
def test_counts_take_the_counted_noun(text: str, expected: list[tuple[str, float, str, str]]) -> None:
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is about one-quarter of the total.", [("one-quarter", 25.0, "%", "approx")]),
        ("Roughly one-eighth of the world's phones.", [("one-eighth", 12.5, "%", "approx")]),
        ("It made up one-fifth of sales.", [("one-fifth", 20.0, "%", "exact")]),
        ("It accounts for nearly half of the total.", [("half", 50.0, "%", "under")]),
        ("They sell half of their output abroad.", [("half", 50.0, "%", "exact")]),
        ("Output rose by a quarter.", [("a quarter", 25.0, "%", "exact")]),
        ("Exports rose by more than a third.", [("a third", 100 / 3, "%", "over")]),
        ("Three-quarters of exporters use it.", [("Three-quarters", 75.0, "%", "exact")]),
        ("One in every three drones is made here.", [("One in every three", 100 / 3, "%", "exact")]),
        ("约占全国的四分之一。", [("四分之一", 25.0, "%", "approx")]),
        ("全球三分之一的无人机。", [("三分之一", 100 / 3, "%", "exact")]),
        ("占全省的近一半。", [("一半", 50.0, "%", "under")]),
        ("占百分之三十。", [("百分之三十", 30.0, "%", "exact")]),
    ],
)
def test_word_numbers_and_fractions(text: str, expected: list[tuple[str, float, str, str]]) -> None:
    assert figures_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In the first half of 2025 exports rose.",
        "In the first three quarters output grew.",
        "A year and a half ago.",
    ],
)
def test_period_words_are_not_fractions(text: str) -> None:
    assert figures_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "For September by itself, the two sides traded goods.",
        "Foshan and Zhongshan, the province's two biggest production bases, led.",
        "The ten months' turnover equals most of the goal.",
        "Its three plants run around the clock.",
    ],
)
def test_a_word_number_after_a_determiner_counts_nothing_new(text: str) -> None:
    assert figures_of(text) == []


def test_a_word_number_without_a_determiner_is_a_count() -> None:
    assert [value for _, value, _, _ in figures_of("The city added two plants.")] == [2.0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "GDP is expected to grow between 5 and 6 percent.",
            [("5", 5.0, "%", "over"), ("6 percent", 6.0, "%", "under")],
        ),
        ("Exports may rise 3-4%.", [("3", 3.0, "%", "over"), ("4%", 4.0, "%", "under")]),
        ("It should grow 5 to 5.5 percent.", [("5", 5.0, "%", "over"), ("5.5 percent", 5.5, "%", "under")]),
        ("经济增长5%至6%。", [("5%", 5.0, "%", "over"), ("6%", 6.0, "%", "under")]),
        ("工业增加值增长4%—5%。", [("4%", 4.0, "%", "over"), ("5%", 5.0, "%", "under")]),
        (
            "Sales of 1.2-1.5 trillion yuan.",
            [("1.2", 1.2e12, "CNY", "over"), ("1.5 trillion yuan", 1.5e12, "CNY", "under")],
        ),
    ],
)
def test_ranges_give_a_low_over_and_a_high_under(
    text: str, expected: list[tuple[str, float, str, str]]
) -> None:
    got = figures_of(text)
    assert [(s, u, q) for s, _, u, q in got] == [(s, u, q) for s, _, u, q in expected]
    assert [v for _, v, _, _ in got] == pytest.approx([v for _, v, _, _ in expected])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "France, Australia and Chile accounted for 34, 29 and 15 percent of the value, respectively.",
            [("34", 34.0, "%", "exact"), ("29", 29.0, "%", "exact"), ("15 percent", 15.0, "%", "exact")],
        ),
        (
            "Sales rose 1.2, 3.4 and 5.6 billion yuan.",
            [
                ("1.2", 1.2e9, "CNY", "exact"),
                ("3.4", 3.4e9, "CNY", "exact"),
                ("5.6 billion yuan", 5.6e9, "CNY", "exact"),
            ],
        ),
        (
            "分别增长23.1、17.6和5%。",
            [("23.1", 23.1, "%", "exact"), ("17.6", 17.6, "%", "exact"), ("5%", 5.0, "%", "exact")],
        ),
        # ", or" restates a count as a share; a year is never a member
        (
            "New energy vehicles numbered 613, or 56.5 percent of the exhibits.",
            [("56.5 percent", 56.5, "%", "exact")],
        ),
        ("Sales in 2024 and 2025 rose 5 percent.", [("5 percent", 5.0, "%", "exact")]),
    ],
)
def test_a_list_of_bare_numbers_takes_the_unit_of_its_last_member(
    text: str, expected: list[tuple[str, float, str, str]]
) -> None:
    got = figures_of(text)
    assert [(s, u, q) for s, _, u, q in got] == [(s, u, q) for s, _, u, q in expected]
    assert [v for _, v, _, _ in got] == pytest.approx([v for _, v, _, _ in expected])


def test_from_to_is_two_figures_each_with_its_own_qualifier() -> None:
    sentence = "Firms grew from 3.1 million in 2019 to over 6 million in 2024."
    figures = find_figures(sentence)
    assert [(sentence[f.start : f.end], f.value, f.unit, f.qualifier) for f in figures] == [
        ("3.1 million", 3.1e6, "enterprises", "exact"),
        ("6 million", 6e6, "enterprises", "over"),
    ]
    assert [(f.from_low, f.to_high) for f in figures] == [(True, False), (False, True)]


@pytest.mark.parametrize(
    ("text", "qualifiers"),
    [
        ("Trade topped 300 billion yuan ($41 billion).", ["over", "over"]),
        ("Exports hit $5.6 billion (about 40 billion yuan).", ["exact", "approx"]),
        ("外贸进出口3000亿元（约合410亿美元）。", ["exact", "approx"]),
        ("It was 300 billion yuan, or $41 billion, last year.", ["exact", "exact"]),
    ],
)
def test_conversions_point_at_their_figure(text: str, qualifiers: list[str]) -> None:
    figures = find_figures(normalize(text))
    assert [f.conversion_of for f in figures] == [None, 0]
    assert [f.qualifier for f in figures] == qualifiers


@pytest.mark.parametrize(
    ("text", "qualifiers"),
    [
        (
            "Clusters had more than 20 trillion yuan in revenue, 5 trillion yuan in added value and "
            "2 trillion yuan in profits.",
            ["over", "over", "over"],
        ),
        ("营业收入、增加值和利润分别超过20万亿元、5万亿元和2万亿元。", ["over", "over", "over"]),
        ("It will add some 4,000 little giant firms and 80,000 high-tech enterprises.", ["approx", "approx"]),
        ("It drew more than 310,000 buyers from 223 countries.", ["over", "exact"]),
        (
            "Shenzhen's exports rose 5% to over 2 trillion yuan, and imports fell 3%.",
            ["exact", "over", "exact"],
        ),
    ],
)
def test_a_bound_word_covers_a_list_but_not_a_new_clause(text: str, qualifiers: list[str]) -> None:
    assert [f.qualifier for f in find_figures(normalize(text))] == qualifiers


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("about 5 percent", "approx"),
        ("around 5 percent", "approx"),
        ("roughly 5 percent", "approx"),
        ("approximately 5 percent", "approx"),
        ("some 5 percent", "approx"),
        ("more than 5 percent", "over"),
        ("over 5 percent", "over"),
        ("exceeded 5 percent", "over"),
        ("above 5 percent", "over"),
        ("at least 5 percent", "over"),
        ("surpassed 5 percent", "over"),
        ("less than 5 percent", "under"),
        ("under 5 percent", "under"),
        ("below 5 percent", "under"),
        ("nearly 5 percent", "under"),
        ("almost 5 percent", "under"),
        ("close to 5 percent", "under"),
        ("约5%", "approx"),
        ("5%左右", "approx"),
        ("5%上下", "approx"),
        ("超过5%", "over"),
        ("逾5%", "over"),
        ("5%以上", "over"),
        ("突破5%", "over"),
        ("不到5%", "under"),
        ("不足5%", "under"),
        ("5%以下", "under"),
        ("近5%", "under"),
        ("将近5%", "under"),
        ("接近5%", "under"),
    ],
)
def test_qualifier_words(text: str, qualifier: str) -> None:
    [(_, value, unit, got)] = figures_of(text)
    assert (value, unit, got) == (5.0, "%", qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "The campaign was launched on Jan. 26, 2026.",
        "Updated: 2026-02-10 23:11",
        "据海关1月20日发布的数据，2025年3月5日。",
        "The plan runs in 2025.",
        "The 137th Canton Fair and the 14th Five-Year Plan were discussed at the fifth session.",
        "第十四届人民代表大会第五次会议，“十四五”时期。",
        "Trade grew [3][4].",
        "Group 2: component suppliers",
        "Part 3: The 6G race",
        "No. 1 exporter",
        "5G and 6G chips, 3C products and the Model Y.",
        "Seven makers are on the Forbes Global 2000 list.".replace("Seven makers", "Makers"),
        "Its Mate 70 and Pura 80 phones and the iPhone 17.",
        "Visit Room 1203, 45 Tianhe Road, or call 400-800-1234.",
        "Booth inquiries: +86-20-8913 8628.",
        "联系电话：020-87373998，科普路168号。",
        "The fair runs from 9:30 am to 5 pm.",
        "During the 14th Five-Year Plan period (2021-2025) it grew.",
        "1-11月，广东进出口增长。",
        "入选全球2000强。",
        "二、零部件企业",
        "the country's trillion-yuan clusters and 万亿级产业集群 and 超百亿元企业",
        "Hotline: 12345. Comments (2)",
        "($1 = 7.1046 Chinese yuan renminbi)",  # a wire story's exchange-rate line
        "($1 = 7.7950 Hong Kong dollars)",
    ],
)
def test_numbers_that_are_not_figures(text: str) -> None:
    assert figures_of(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The city now has 312 appliance enterprises, 26 more than at the end of last year.",
            [("312", 312.0, "enterprises"), ("26", 26.0, "enterprises")],
        ),
        (
            "Chaozhou has more than 5,000 ceramics enterprises, 612 of them above designated size.",
            [("5,000", 5000.0, "enterprises"), ("612", 612.0, "enterprises")],
        ),
        (
            "The district added 46 drone routes during the year, bringing its total to 212.",
            [("46", 46.0, "routes"), ("212", 212.0, "routes")],
        ),
        (
            "The district is home to 84 closure makers, nine more than in May.",
            [("84", 84.0, "enterprises"), ("nine", 9.0, "enterprises")],
        ),
        # only after a count: a rate has no noun to leave out
        ("Sales rose 5 percent, 3 more than in 2024.", [("5 percent", 5.0, "%")]),
    ],
)
def test_a_bare_number_that_leaves_out_the_noun_of_the_count_before_counts_the_same(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    assert [(s, v, u) for s, v, u, _ in figures_of(text)] == expected


def test_more_than_counts_the_same_things_as_the_count_before() -> None:
    sentence = (
        "The district added 46 drone routes during the year, bringing its total to 212, and 12 of them..."
    )
    first, total, part = find_figures(sentence)
    assert total.counts_the_same_as is first
    assert part.counts_the_same_as is None  # "12 of them" is a part of what was counted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("钢材出口三亿二千万元。", [("三亿二千万元", 320_000_000.0, "CNY", "exact")]),
        ("出口人民币十八亿六千万元。", [("人民币十八亿六千万元", 1_860_000_000.0, "CNY", "exact")]),
        ("出口3亿2000万元。", [("3亿2000万元", 320_000_000.0, "CNY", "exact")]),
        ("全镇从业人员两万三千多人。", [("两万三千", 23_000.0, "people", "over")]),
        ("一亿零五百万元", [("一亿零五百万元", 105_000_000.0, "CNY", "exact")]),
    ],
)
def test_a_number_written_across_yi_and_wan_is_one_figure(
    text: str, expected: list[tuple[str, float, str, str]]
) -> None:
    assert figures_of(text) == expected


def test_compound_number_refuses_parts_that_are_no_numbers() -> None:
    assert compound_number("三亿二千万") == 320_000_000
    assert compound_number("两万三千") == 23_000
    assert compound_number("一万二万") is None


def test_a_list_counted_again_right_after_it_is_written_is_no_figure() -> None:
    # metrics-2.87.0: 东盟、中东两个市场 restates the two markets just named
    assert [span for span, *_ in figures_of("东盟、中东两个市场的出口增幅分别为18.4%、26.7%。")] == [
        "18.4%",
        "26.7%",
    ]
    assert [span for span, *_ in figures_of("全市新增两个市场。")] == ["两"]
