"""The canonical unit of a count: one name per counted thing in English and Chinese (rule 14 of
docs/figure-labels-v2.md).

"60,000 firms", "6万家企业", "6萬家外貿企業" and "60,000 enterprises" count the same thing, so they get
the same unit, ``enterprises``; the word as written is kept beside it (``Figure.unit_text``). A Chinese
count is named by its noun when the noun is known (its longest known ending: 外贸企业 -> 企业), else by its
measure word (家 -> ``enterprises``, 辆 -> ``units``); an English count by its noun. A noun with no entry
keeps its English plural ("buyers") or, in Chinese, the noun as written.
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    "firms": "enterprises",
    "enterprises": "enterprises",
    "companies": "enterprises",
    "businesses": "enterprises",
    "makers": "enterprises",
    "manufacturers": "enterprises",
    "producers": "enterprises",
    "clusters": "clusters",
    "industrial clusters": "clusters",
    "teu": "TEU",
    "teus": "TEU",
    "equivalent units": "TEU",
    "gwh": "GWh",
    "gigawatt-hours": "GWh",
    "gigawatt hours": "GWh",
    "tonnes": "tonnes",
    "tons": "tonnes",
    "metric tons": "tonnes",
    "units": "units",
    "sets": "units",
    "vehicles": "units",
    "cars": "units",
    "drones": "units",
    "robots": "units",
    "deliveries": "units",
    "conditioners": "units",
    "air conditioners": "units",
    "smartphones": "units",
    "phones": "units",
    "handsets": "units",
    "televisions": "units",
    "industrial robots": "units",
    "service robots": "units",
    "people": "people",
    "persons": "people",
    "staff": "people",
    "employees": "people",
    "person-times": "person-times",
    "projects": "projects",
    "cases": "cases",
    "trips": "trips",
    "square metres": "m2",
    "square meters": "m2",
    "square kilometres": "km2",
    "square kilometers": "km2",
    "kilometres": "km",
    "kilometers": "km",
    "metres": "m",
    "meters": "m",
}
"""Lower-case English nouns -> canonical unit."""

CHINESE_NOUNS: dict[str, str] = {
    "企业": "enterprises",
    "公司": "enterprises",
    "厂商": "enterprises",
    "集群": "clusters",
    "采购商": "buyers",
    "展商": "exhibitors",
    "航线": "routes",
    "展位": "booths",
    "国家和地区": "countries and regions",
    "国家": "countries",
    "地区": "regions",
    "城市": "cities",
    "充电桩": "charging piles",
    "基站": "base stations",
    "无人机": "units",
    "机器人": "units",
    "汽车": "units",
    "车辆": "units",
    "项目": "projects",
    "平台": "platforms",
    "品牌": "brands",
    "专利": "patents",
    "门店": "stores",
    "店铺": "stores",
    "基地": "bases",
    "园区": "parks",
    "工厂": "factories",
    "机构": "institutions",
    "客户": "customers",
    "商家": "merchants",
    "产品": "products",
    "独角兽": "unicorns",
    "车型": "models",
    "港口": "ports",
    "泊位": "berths",
    "岗位": "jobs",
    "游客": "visitors",
    "旅客": "passengers",
    "经营主体": "entities",
    "市场主体": "entities",
    "起降点": "sites",
    "站点": "sites",
    "仓": "warehouses",
    "仓库": "warehouses",
    "政策": "measures",
    "措施": "measures",
    "举措": "measures",
    "标准箱": "TEU",  # 2756万个标准箱: the noun after 个
    "标箱": "TEU",
}
"""Chinese counted nouns (simplified) -> canonical unit, matched as the ending of the noun written."""

MEASURE_WORDS: dict[str, str] = {
    "家": "enterprises",
    "人": "people",
    "名": "people",
    "位": "people",
    "人次": "person-times",
    "台": "units",
    "辆": "units",
    "架": "units",
    "艘": "units",
    "列": "units",
    "套": "units",
    "部": "units",
    "颗": "units",
    "只": "units",
    "架次": "flights",
    "辆次": "vehicle trips",
    "吨": "tonnes",
    "标箱": "TEU",
    "标准箱": "TEU",
    "项": "projects",
    "条": "measures",
    "宗": "cases",
    "件": "cases",
    "次": "trips",
    "平方米": "m2",
    "平方公里": "km2",
    "平方千米": "km2",
    "公里": "km",
    "千米": "km",
    "米": "m",
    "千瓦": "kilowatts",
    "兆瓦": "MW",
    "兆瓦时": "MWh",
    "吉瓦": "GW",
    "吉瓦时": "GWh",
    "轮": "rounds",
    "千瓦时": "kilowatt-hours",
    "小时": "hours",
    "分钟": "minutes",
    "户": "households",
    "亩": "mu",
    "款": "models",
    "种": "types",
    "批": "batches",
}
"""Chinese measure words (simplified) -> canonical unit, when the noun says nothing more."""

STREAKS: dict[str, str] = {"年": "years", "个季度": "quarters", "季度": "quarters", "个月": "months"}
"""What a Chinese streak counts (连续8个季度 -> ``quarters``)."""

_ENDINGS = sorted(CHINESE_NOUNS, key=len, reverse=True)


def canonical_unit(written: str, measure_word: str | None = None) -> str:
    """The canonical unit of a count, from its noun as written and its Chinese measure word.

    Args:
        written: the counted noun as the sentence writes it ("firms", "外贸企业", "辆"), or ``count``.
        measure_word: the Chinese measure word between number and noun (家, 个), if any.

    Returns:
        The canonical unit: "enterprises" for firms / 企业 / 家, "units" for 台 / 辆, ..., else the
        noun itself (lower case for English).
    """
    if written.isascii():
        lower = written.lower()
        return ENGLISH.get(lower, lower)
    if written in MEASURE_WORDS and measure_word in {None, written}:
        return MEASURE_WORDS[written]
    for ending in _ENDINGS:
        if written.endswith(ending):
            return CHINESE_NOUNS[ending]
    if measure_word is not None and measure_word in MEASURE_WORDS and measure_word not in {"项", "条"}:
        return MEASURE_WORDS[measure_word]
    return written
