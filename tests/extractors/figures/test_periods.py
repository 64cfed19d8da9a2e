"""Periods a sentence names, in English and Chinese, read against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from gdwatch.extractors.figures.numbers import normalize
from gdwatch.extractors.figures.periods import PeriodMention, explicit_year, find_periods

PUBLISHED = date(2025, 12, 18)


def periods_of(text: str, published: date | None = PUBLISHED, context_year: int | None = None) -> list[str]:
    return [m.period for m in find_periods(normalize(text), published, context_year) if not m.base]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exports rose in 2025.", ["2025"]),
        ("In the first ten months of 2025, trade grew.", ["2025-01..2025-10"]),
        ("In the first 10 months of 2024, trade grew.", ["2024-01..2024-10"]),
        ("In the first three quarters of 2025, GDP grew.", ["2025-01..2025-09"]),
        ("In the first half of 2025, exports grew.", ["2025-H1"]),
        ("In the second half of 2024, exports grew.", ["2024-H2"]),
        ("In the third quarter of 2025, output grew.", ["2025-Q3"]),
        ("Q2 2025 was strong.", ["2025-Q2"]),
        ("In October 2025, sales rose.", ["2025-10"]),
        ("From January to November, trade rose.", ["2025-01..2025-11"]),
        ("Between 2026 and 2030, it will add firms.", ["2026..2030"]),
        ("During the 14th Five-Year Plan period, spending rose.", ["2021..2025"]),
        ("For the 15th Five-Year Plan period, it targets growth.", ["2026..2030"]),
        ("Exports grew last year.", ["2024"]),
        # a listed company's reports name the period they cover
        ("雅陶卫浴发布2025年半年报。", ["2025-H1"]),
        ("公司披露半年度报告。", ["2025-H1"]),
        ("公司中报显示。", ["2025-H1"]),
        ("公司发布2025年三季报。", ["2025-01..2025-09"]),
        ("公司一季报显示。", ["2025-Q1"]),
        ("The group posted interim results on Tuesday.", ["2025-H1"]),
        ("上年全年增长3%。", ["2024"]),
        ("公司昨公布截至6月底止中期業績。", ["2025-06-30", "2025-H1"]),
        ("Exports will grow this year.", ["2025"]),
        ("It wants 18,000 firms by year's end.", ["2025-12-31"]),  # a point: stocks take it
        ("It aims to surpass the target by 2030.", ["2030"]),
        ("The province currently has 110,000 firms.", ["2025-12-18"]),
        ("It now hosts 3,000 firms.", ["2025-12-18"]),
        ("2025年，广东外贸增长。", ["2025"]),
        ("2025年前三季度，地区生产总值增长。", ["2025-01..2025-09"]),
        ("1-11月，跨境电商增长。", ["2025-01..2025-11"]),
        ("2025年前8个月，投资增长。", ["2025-01..2025-08"]),
        ("2025年上半年，出口增长。", ["2025-H1"]),
        ("2025年二季度，增长4.2%。", ["2025-Q2"]),
        ("７月份，进出口下降。", ["2025-07"]),
        ("去年，全省营业收入增长。", ["2024"]),
        ("今年全省力争增长。", ["2025"]),
        ("到今年年底，力争达到8万家。", ["2025-12-31"]),  # a point: stocks take it
        ("截至2025年底，装机容量突破。", ["2025-12-31"]),
        ("“十四五”时期，研发投入增长。", ["2021..2025"]),
        ("“十五五”期间，力争达到3.8%。", ["2026..2030"]),
        ("目前，全省有企业11万家。", ["2025-12-18"]),
        ("预计２０２６—２０３０年，新增企业。", ["2026..2030"]),
    ],
)
def test_periods(text: str, expected: list[str]) -> None:
    assert periods_of(text) == expected


def test_a_quarter_without_a_year_takes_the_sentence_year_then_the_paragraph_then_the_date() -> None:
    assert periods_of("2025年二季度增长4.2%，一季度增长4.1%。") == ["2025-Q2", "2025-Q1"]
    assert periods_of("In the third quarter, output grew.", context_year=2023) == ["2023-Q3"]
    assert periods_of("In the third quarter, output grew.", published=date(2025, 10, 21)) == ["2025-Q3"]
    assert periods_of("In the fourth quarter, output grew.", published=date(2026, 1, 15)) == ["2025-Q4"]
    assert periods_of("In the fourth quarter, output grew.", published=None) == []


def test_relative_words_need_a_publication_date() -> None:
    assert periods_of("Exports grew last year and now total more.", published=None) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Guangdong sent 186,000 live geese to Hong Kong last month.", date(2026, 12, 2), ["2026-11"]),
        ("Last month by itself, exports grew 8.1 percent.", date(2026, 1, 9), ["2025-12"]),
        ("【明報專訊】廣東上月供應本港活豬10.6萬頭。", date(2026, 12, 2), ["2026-11"]),
        ("上个月出口增长6.8%。", date(2026, 3, 5), ["2026-02"]),
        ("業界預計，今個月供港量將再增一成。", date(2026, 12, 3), ["2026-12"]),
        ("本月1日至20日出口香港的盆栽植物達46.8萬盆。", date(2026, 1, 22), ["2026-01"]),
        ("Shipments are expected to grow next month.", date(2026, 12, 3), ["2027-01"]),
    ],
)
def test_last_this_and_next_month_are_read_against_the_publication_date(
    text: str, published: date, expected: list[str]
) -> None:
    assert periods_of(text, published=published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("For the nine months, net profit rose 28.7%.", ["2025-01..2025-09"]),
        ("In the ten months, exports grew.", ["2025-01..2025-10"]),
        ("Shaoguan received 9.42 million visits in the two months.", []),  # the months in force, not Jan-Feb
    ],
)
def test_the_months_so_far_written_with_the(text: str, expected: list[str]) -> None:
    assert periods_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Peru's share rose to 52%, from 44% in September.",
        "Revenue grew 6.1% on the April-June period.",
        "Output value grew 7.9 percent on the first three months.",
    ],
)
def test_the_other_side_of_a_comparison_is_a_base(text: str) -> None:
    assert periods_of(text) == []


def test_the_month_before_as_a_comparison_is_a_base() -> None:
    mentions = find_periods(normalize("售價約6元，較上月同日上升0.5元。"), date(2026, 12, 2))
    assert [(m.period, m.base) for m in mentions] == [("2026-11", True)]


def test_comparison_bases_are_marked() -> None:
    mentions = find_periods("Exports rose 5% from 2024 and 3% than last year.", PUBLISHED)
    assert [(m.period, m.base) for m in mentions] == [("2024", True), ("2024", True)]


def test_explicit_year_is_the_last_own_year() -> None:
    mentions = [PeriodMention(0, 4, "2024", False), PeriodMention(9, 16, "2025-Q3", False)]
    assert explicit_year(mentions) == 2025
    assert explicit_year([PeriodMention(0, 4, "2024", True)]) is None


@pytest.mark.parametrize(
    "text",
    [
        "It was launched on Jan. 26, 2026.",
        "Updated: 2026-02-10 23:11",
        "11月4日在广州闭幕。",
        "Seven firms are on the Forbes Global 2000 list.",
        "It rose year-on-year in the same period.",
        "有2000家企业和1900万户经营主体。",
        # the bases of a multiple or of the same months (metrics-2.39.0)
        "The company sold 1.6 million air coolers, 2.5 times as many as in the same months of last year.",
        "Trade reached 48.6 billion yuan, up 11.2 percent from the same months of 2024.",
        "Purchases came to 212,000 tonnes, 1.6 times the amount of 2024.",
        "Online sales reached 2.1 billion yuan, more than three times the figure of 2023.",
    ],
)
def test_dates_and_names_are_not_periods(text: str) -> None:
    assert periods_of(text) == []


@pytest.mark.parametrize(
    ("text", "published", "period"),
    [
        (
            "Jade traders sold goods worth 1.18 billion yuan during the May Day holiday.",
            date(2026, 5, 6),
            "2026-05",
        ),
        (
            "广州各区共设迎春花市23个。",
            date(2026, 2, 20),
            "2026-02",
        ),  # the Spring Festival of 2026: 17 February
        ("春节假期，全省接待游客612万人次。", date(2026, 1, 20), "2026-02"),  # the coming one, within 45 days
        ("春节假期，全省接待游客612万人次。", date(2026, 1, 1), "2025-01"),  # the last one (29 January 2025)
        (
            "国庆中秋假期，全市共接待游客384万人次。",
            date(2026, 10, 9),
            "2026-10",
        ),  # one break, to the later day
        (
            "黄金周期间，出入境旅客68.4万人次。",
            date(2026, 5, 6),
            "2026-05",
        ),  # May's Golden Week, not October's
    ],
)
def test_a_holiday_is_the_month_it_falls_in(text: str, published: date, period: str) -> None:
    mentions = find_periods(normalize(text), published)
    assert [m.period for m in mentions] == [period]


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("国庆假期刚过，玉器市场又热闹起来。", []),  # the holiday dates the narrative
        ("12月，受春节备货带动，出栏1580万只。", ["2025-12"]),  # a period written out dates the sentence
        ("Arrivals were up 4.3% from February, when the Lunar New Year holiday fell.", []),
    ],
)
def test_a_holiday_that_dates_the_narrative_or_beside_a_written_period_dates_nothing(
    text: str, periods: list[str]
) -> None:
    assert [m.period for m in find_periods(normalize(text), date(2026, 2, 6)) if not m.base] == periods


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("Growers harvested 2.95 million tonnes of cane in the 2025-26 crushing season.", ["2025..2026"]),
        ("湛江市2025/26榨季產糖74.2萬噸。", ["2025..2026"]),
        ("公司预计2026/2027榨季入榨甘蔗约380万吨。", ["2026..2027"]),
    ],
)
def test_a_season_across_two_years_is_the_two_years(text: str, periods: list[str]) -> None:
    assert [m.period for m in find_periods(normalize(text), date(2026, 4, 9)) if not m.base] == periods


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # metrics-2.32.0: a headline's "in nine months" is the year so far; a record's or a promise's is not
        ("Guangdong-Egypt trade tops 20b yuan in nine months", ["2025-01..2025-09"]),
        ("Guangdong-Saudi Arabia trade climbs in 10 months", ["2025-01..2025-10"]),
        ("The sub-index rose to 49.6, the highest in eight months.", []),
        ("Output is set to double within six months.", []),
    ],
)
def test_in_n_months_is_the_year_so_far(text: str, expected: list[str]) -> None:
    assert periods_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # metrics-2.36.0: a headline's "in three quarters" is the year so far, a streak's is not
        ("Guangdong 3D printer exports double in three quarters", ["2025-01..2025-09"]),
        ("Sales rose in two quarters running.", []),
        # a Hong Kong firm's interim payout and 中期纯利 are the first half's
        ("Raincove lifts interim payout as sales rise", ["2025-H1"]),
        ("焯匠控股中期纯利升27%", ["2025-H1"]),
    ],
)
def test_year_so_far_and_interim_in_headlines(text: str, expected: list[str]) -> None:
    assert periods_of(text) == expected


def test_over_a_plan_period_opening_a_sentence_is_its_span() -> None:
    text = "Over the 14th Five-Year Plan period, trade expanded at an average annual rate of 7.8 percent."
    assert periods_of(text) == ["2021..2025"]
    assert [
        m.base for m in find_periods(normalize("Exports rose 5 percent over 2024."), PUBLISHED, None)
    ] == [True]


def test_a_total_so_far_this_year_is_dated_on_the_day_of_the_report() -> None:
    text = "Freight trains have made 1,536 trips so far this year."
    assert periods_of(text) == ["2025-12-18"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("博彩監察協調局昨日公布，十月份幸運博彩毛收入247.2億澳門元。", ["2025-10"]),
        ("一月廣東供港蔬菜達6.8萬噸。", ["2025-01"]),
        ("2024年十二月出口增長。", ["2024-12"]),
        ("一月一日起施行。", []),  # a date
        ("統一月度結算。", []),  # 统一 "unify", not January
        ("三個月內完成。", []),
        # month spans in Chinese numerals, and 两 (metrics-2.50.0)
        ("今年一至五月，全市遊艇企業交付遊艇312艘。", ["2025-01..2025-05"]),
        ("今年首兩月，紅木傢俱出口2.1億元。", ["2025-01..2025-02"]),
    ],
)
def test_months_written_in_chinese_numerals(text: str, expected: list[str]) -> None:
    assert periods_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trade hit 2.86 billion yuan over January-September 2025, a rise of 18.3 percent.", [False]),
        ("Trade amounted to 38.62 billion yuan over January to October of this year.", [False]),
        # an earlier year's span after "over" is what the figure is compared with
        ("Exports rose 5 percent over January-September 2024.", [True]),
    ],
)
def test_a_month_span_of_the_report_year_after_over_is_the_span(text: str, expected: list[bool]) -> None:
    assert [m.base for m in find_periods(normalize(text), PUBLISHED, None)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今年头10个月，广东进出口增长。", ["2025-01..2025-10"]),
        ("粤尼两地今年頭10個月的贸易往来明显升温。", ["2025-01..2025-10"]),
        # 头 is "first" only before a count of months: 汕头10月 is Shantou in October
        ("汕头10月出口环比增长5.6%。", ["2025-10"]),
    ],
)
def test_tou_counts_the_first_months_and_ends_a_place_name(text: str, expected: list[str]) -> None:
    assert periods_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turnover for the half year ended June rose 19.6 per cent.", ["2025-H1"]),
        ("Trade totalled 5.86 billion yuan in the year through October.", ["2025-01..2025-10"]),
        ("Exports rose 5 percent in the year to March.", ["2025-Q1"]),
    ],
)
def test_a_half_or_a_year_ended_with_a_month_runs_to_that_month(text: str, expected: list[str]) -> None:
    assert periods_of(text) == expected


@pytest.mark.parametrize(
    ("text", "own", "bases"),
    [
        ("The figure was 41 percent higher than in the matching months of 2024.", [], ["2024"]),
        ("Output rose 5.2 percent over the corresponding period of 2024.", [], ["2024"]),
        ("Output rose 5.2 percent on the comparable stretch of 2024.", [], ["2024"]),
        ("Trade in October was 612 million yuan, 8.7 percent above September.", ["2025-10"], ["2025-09"]),
        ("Volumes were up 12.6% on September.", [], ["2025-09"]),
        (
            "Sales rose 5 percent to 3 billion yuan in November, 2 percent below October.",
            ["2025-11"],
            ["2025-10"],
        ),
    ],
)
def test_matching_months_and_the_month_a_rate_is_above_or_below_are_bases(
    text: str, own: list[str], bases: list[str]
) -> None:
    found = find_periods(normalize(text), PUBLISHED, None)
    assert [m.period for m in found if not m.base] == own
    assert [m.period for m in found if m.base] == bases


@pytest.mark.parametrize(
    ("text", "own", "bases"),
    [
        ("Xintang jeans exports climb through September", ["2025-01..2025-09"], []),
        ("Exports from July through September rose.", ["2025-Q3"], []),
        ("Some 214 firms traded with Gabon, 37 more than in the first ten months of 2024.", [],
         ["2024-01..2024-10"]),
        ("Farmers have gathered 21,500 tonnes so far this season, up 11 percent on the same point last year.",
         ["2025-12-18"], ["2024"]),
        ("Sales so far have brought in 236 million yuan.", ["2025-12-18"], []),
    ],
)  # fmt: skip
def test_the_year_so_far_and_the_other_side_of_a_comparison(
    text: str, own: list[str], bases: list[str]
) -> None:
    found = find_periods(normalize(text), PUBLISHED, None)
    assert [m.period for m in found if not m.base] == own
    assert [m.period for m in found if m.base] == bases


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # metrics-2.82.0: Hong Kong results' 截至…止…个月 / 截至…的半年, the holiday season, a range into
        # the next year, "for the year", and a forecast's half or quarter still to come
        ("翊岚控股发布截至今年6月的半年业绩", date(2026, 8, 28), ["2026-H1"]),
        ("公布截至6月底止6个月收入", date(2026, 8, 25), ["2026-H1"]),
        ("截至9月底止9个月的收入", date(2026, 11, 5), ["2026-01..2026-09"]),
        ("进口商预计圣诞及新年期间进口量将增长两成", date(2026, 11, 13), ["2026-12..2027-01"]),
        ("菜商估计，圣诞至新年假期豆芽输港量会多约5%", date(2026, 12, 7), ["2026-12..2027-01"]),
        ("For Christmas and New Year, traders see supply rising", date(2026, 11, 17), ["2026-12..2027-01"]),
        ("圣诞及新年期间销售增长一成", date(2027, 1, 10), ["2026-12..2027-01"]),  # looking back in January
        ("业界预计12月至明年1月进口量将增长约两成", date(2026, 12, 4), ["2026-12..2027-01"]),
        ("The town expects exports for the year to grow by around 10 percent.", date(2026, 9, 15), ["2026"]),
        ("Exports rose 5 percent for the year.", date(2026, 3, 15), ["2025"]),
        ("管理层估计，下半年收入增幅可达18%", date(2026, 8, 26), ["2026-H2"]),
        ("业内预计，一季度出口增速有望达到10%以上", date(2026, 11, 26), ["2027-Q1"]),
        ("下半年收入增长18%", date(2026, 8, 26), ["2025-H2"]),  # no forecast: the last half that ended
    ],
)
def test_spans_of_results_holidays_and_forecasts(text: str, published: date, expected: list[str]) -> None:
    assert periods_of(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # metrics-2.87.0: a month's end opening the sentence is a moment, in Chinese and in English
        ("10月底时，全省有电子烟出口实绩的企业1210家", date(2026, 11, 24), ["2026-10-31"]),
        ("8月末，全省有挂烫机出口实绩的企业173家", date(2026, 9, 18), ["2026-08-31"]),
        ("As October closed, 186 Guangdong firms were doing business with Suriname", date(2026, 11, 23),
         ["2026-10-31"]),
        ("When August ended, 286 companies were selling dehumidifiers abroad", date(2026, 9, 16),
         ["2026-08-31"]),
        ("10月份出口增长", date(2026, 11, 24), ["2026-10"]),  # a month's flow stays the month
        # 年初至今: the year so far, dated on the day
        ("由年初至今，翁源县兰花销量达3860万盆", date(2026, 11, 30), ["2026-11-30"]),
        ("totalled 9.36 billion yuan over the ten months ending in October", date(2026, 11, 26),
         ["2026-01..2026-10"]),
    ],
)  # fmt: skip
def test_month_ends_and_the_year_so_far(text: str, published: date, expected: list[str]) -> None:
    assert periods_of(text, published) == expected


def test_reaching_a_multiple_of_last_years_figure_names_a_base() -> None:
    found = find_periods("市场跨境电商交易额2.4亿元，达到去年同期的1.9倍。", date(2026, 11, 18))
    assert [(m.period, m.base) for m in found] == [("2025", True)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # metrics-2.91.0: a day a count is taken on, and 今年以来 as the year so far, dated on the day
        ("9月30日时，岚砚的研发团队共有412人。", date(2026, 10, 28), ["2026-09-30"]),
        ("公司研发人员截至9月30日为1280人", date(2026, 10, 28), ["2026-09-30"]),
        ("截至8月28日收盘，雅陶卫浴报18.62元/股", date(2026, 8, 29), []),  # a close, dated elsewhere
        ("今年以来，化州市化橘红全产业链实现产值96.3亿元", date(2026, 11, 5), ["2026-11-05"]),
        ("今年出口增长", date(2026, 11, 5), ["2026"]),
    ],
)
def test_days_of_counts_and_the_year_so_far(text: str, published: date, expected: list[str]) -> None:
    assert periods_of(text, published) == expected
