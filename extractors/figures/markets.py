"""Wholesale markets named as the owners of their figures: "the Baima Garment Market", 广州江南果菜批发市场.

A market's turnover, tenants and targets are the market's (a reader says "Jiangnan Market's turnover rose
6.9%"), not the district's it stands in. English copy writes the name in capitals and it is kept as written;
Chinese copy writes a place-like stem, the goods and 批发市场, and the name is the stem in pinyin with
"Market" ("Jiangnan Market", 一德路 -> "Yide Road Market"). Found by :func:`entities.find_entities` as
company-like mentions, so "the market" refers back to the one named last (:mod:`entity_choice`).
"""

from __future__ import annotations

import re

from gdwatch.extractors.figures.pinyin import name_syllables
from gdwatch.extractors.figures.places import PlaceIndex

# "the Baima Garment Market", "Guangzhou Baima Market": capitalised words before Market
_MARKET_EN = re.compile(r"\b((?:[A-Z][a-z]+[\s-]+){1,3}(?:Wholesale\s+)?Market)\b")
# markets of a kind, or of a country or bloc, are no wholesale market's name
_NOT_A_MARKET_NAME_EN = frozenset(
    (
        *("Stock", "Single", "Common", "Capital", "Property", "Financial", "Global", "European", "Domestic"),
        *("Chinese", "Asian", "Middle", "Free", "Open", "Bond", "Futures", "Internal", "World", "American"),
        *("African", "Emerging", "Overseas", "Foreign", "Local", "Export", "Import", "Consumer", "Labour"),
        *("Labor", "Housing", "Money", "Equity", "Main", "The", "A", "An", "Its", "This", "That"),
    )
)
# a market written after where it is (its city, a district, 位于…的, a month) or at a break
# (广州江南果菜批发市场, "1至8月芳村茶叶市场"), then its goods (four characters at most) and the measure it
# reports
_MARKET_ZH = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[的月年从在]))(?:广州|深圳|佛山|东莞|中山|汕头|揭阳|普宁)?市?"
    r"(?P<stem>[\u4e00-\u9fff]{2}路?)(?P<goods>[^\W\d_a-zA-Z和及与或的、]{0,4}?)(?:专业)?(?:批发)?市场"
    # what it reports next: its turnover, its traders, or where the reporter learned the figures
    r"(?=成交|交易|实现|内|共有|经营|营业|销售额|获悉|了解到|前\d|今年|\d)"
)
# stems that say which market (a region, a channel, a kind), never name one
_NOT_A_MARKET_STEM_ZH = frozenset(
    (
        *("国际", "海外", "国内", "境外", "线上", "线下", "农村", "城乡", "消费", "内需", "外需", "新兴"),
        *("传统", "资本", "期货", "股票", "全球", "本地", "当地", "内地", "中东", "非洲", "拉美", "欧洲"),
        *("美国", "日本", "东盟", "欧美", "主要", "重点", "多元", "全国", "全省", "全市", "区域", "专业"),
        *("批发", "农贸", "商品", "电商", "目前", "当前", "现时", "现在", "今年", "去年", "全年", "其中"),
    )
)
# "The market now houses 2,340 businesses", 市场内经营户, 全市场, 该市场: the market named before
MARKET_ANAPHOR = re.compile(r"\b[Tt]he market\b|^市场|市场内|全市场|该市场")


def find_markets(sentence: str, places: PlaceIndex) -> list[tuple[int, int, str]]:
    """(start, end, name) of each wholesale market a sentence names.

    Args:
        sentence: one normalized sentence.
        places: the compiled gazetteer (a partner or a country before "Market" names no market).

    Returns:
        The markets in order.
    """
    found: list[tuple[int, int, str]] = []
    if "Market" in sentence:
        for match in _MARKET_EN.finditer(sentence):
            words = match.group(1).split()
            if words[0] in _NOT_A_MARKET_NAME_EN or places.partner_name(words[0].lower()):
                continue
            found.append((match.start(1), match.end(1), " ".join(words)))
    if "市场" in sentence:
        for match in _MARKET_ZH.finditer(sentence):
            stem = match.group("stem")
            if (
                stem.rstrip("路") in _NOT_A_MARKET_STEM_ZH
                or places.partner_name(stem)
                or stem[0] in "月年日的全"  # 全港市场: the whole of Hong Kong's market
            ):
                continue
            if any(written in places.entity_of for written in (stem, stem + match.group("goods")[:1])):
                continue  # 华强北市场: the place the gazetteer knows (Huaqiangbei) keeps its figures
            found.append((match.start(), match.end(), market_name_zh(stem, match.group("goods"))))
    return found


# the goods a market is named for, as English copy names such markets ("Fangcun Tea Market", "Zhanxi Watch
# Market"); goods not listed are left out of the name (江南果菜批发市场 is "Jiangnan Market")
_MARKET_GOODS_EN = {
    "花卉": "Flower", "鲜花": "Flower", "茶叶": "Tea", "钟表": "Watch", "服装": "Garment",
    "家具": "Furniture", "玉器": "Jade", "布匹": "Cloth", "布料": "Cloth", "灯饰": "Lighting",
    "陶瓷": "Ceramics", "水果": "Fruit", "鞋业": "Footwear", "皮具": "Leather Goods", "五金": "Hardware",
    "珠宝": "Jewellery", "中药材": "Herbal Medicine",
}  # fmt: skip


def market_name_zh(stem: str, goods: str = "") -> str:
    """A Chinese market's name in English: its stem in pinyin, 路 as "Road", the goods it is named for when
    listed, and "Market" (一德路 -> "Yide Road Market", 岭南花卉市场 -> "Lingnan Flower Market")."""
    road = stem.endswith("路")
    place = stem[:-1] if road else stem
    name = "".join(name_syllables(place, place=True)).capitalize() + (" Road" if road else "")
    named_for = _MARKET_GOODS_EN.get(goods)
    return f"{name} {named_for} Market" if named_for else f"{name} Market"


def is_market(name: str) -> bool:
    """Whether an entity name is a market's (:func:`find_markets`)."""
    return name.endswith("Market")
