"""The places and companies a sentence names, and whether each can be the subject of a figure.

Which one a figure is about is decided in :mod:`entity_choice`.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from gdwatch.extractors.figures.companies_zh import find_named
from gdwatch.extractors.figures.lexicon import MONTH_ABBREVIATIONS, MONTHS, WIRE_DATELINE_EN
from gdwatch.extractors.figures.markets import find_markets
from gdwatch.extractors.figures.pinyin import name_syllables
from gdwatch.extractors.figures.places import PlaceIndex
from gdwatch.extractors.figures.scan import may_end_with

# "Kestrel Power Technology Co.": the capitalised words before a corporate suffix (the name is what
# _CORPORATE_SUFFIX leaves: "Kestrel Power")
_GROUP_RE = re.compile(r"\b((?:[A-Z][A-Za-z]+\s+){0,3}[A-Z][A-Za-z]+)\s+(?:Group|Co\.|Corp\.?|Inc\.?|Ltd\.?)")
_GROUP_WORDS = ("Group", "Co.", "Corp", "Inc", "Ltd")
# "Pearl Bay Appliances", "Xinghai Shipbuilding": a capitalised name followed by the trade it is in names a
# company (a name that is a place, "Chaozhou Ceramics", names the place's industry, see find_entities)
_TRADES = (
    "Motors", "Auto", "Automobile", "Appliances", "Electronics", "Technology", "Technologies",
    "Energy Storage", "Energy", "Battery", "Batteries", "Robotics", "Semiconductor", "Semiconductors",
    "Logistics", "Shipping", "Holdings", "Pharma", "Pharmaceutical", "Pharmaceuticals", "Biopharmaceutical",
    "Biopharmaceuticals", "Biotech", "Motorcycle", "Motorcycles", "Automation", "Shipbuilding", "Shipyard",
    "Microelectronics", "Optoelectronics", "Photonics", "Optics", "Acoustics", "Precision", "Intelligence",
    "Machinery", "Materials", "Chemicals", "Ceramics", "Apparel", "Garments", "Textiles", "Jewellery",
    "Jewelry", "Cutlery", "Kitchenware", "Furniture", "Lighting", "Drones", "E-Mobility", "Instruments",
    "Aviation", "Airlines", "Toys", "Optical", "Cycle", "Cycles", "Imaging", "Lingerie", "Metals", "Additive",
    "Packaging", "Foods",
)  # fmt: skip
_TRADE_ALTERNATIVES = "|".join(sorted(map(re.escape, _TRADES), key=len, reverse=True))
_TRADE_NAME_RE = re.compile(r"\b((?:[A-Z][a-z]+\s+){1,2}(?:" + _TRADE_ALTERNATIVES + r"))\b")
# "SkyReach Technology, a consumer drone maker based in Shenzhen, said": a name in apposition to a trade
_APPOSITION_RE = re.compile(
    r"\b([A-Z][A-Za-z0-9&'.-]*(?:\s+[A-Z][A-Za-z0-9&'.-]*){0,4}),\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,6}?"
    r"|one\s+of\s+(?:the|its|[\w-]+'s)\s+(?:[\w-]+\s+){0,4}?)"
    r"(?:maker|manufacturer|producer|company|firm|carmaker|automaker|developer|supplier|exporter|retailer|"
    r"operator|giant|startup|start-up|conglomerate|chipmaker|brand|builder|shipbuilder|designer|processor|"
    r"distributor|provider|assembler|lender|insurer|airline|carrier|grower)s?\b"
    # "Tidewell Drones, which builds crop-spraying drones in Shenzhen, said": a maker described by its trade
    r"|\b([A-Z][A-Za-z0-9&'.-]*(?:\s+[A-Z][A-Za-z0-9&'.-]*){0,3}),\s+which\s+"
    r"(?:makes|builds|produces|manufactures|designs|sells|supplies|exports|operates|develops)\b"
)
# "Haiyun Toys (2386.HK), a Shantou-based maker": a name before its stock code is a listed company
# why: the code is looked for first (it starts with a literal bracket), then the name right before it
# and Reuters' code with no brackets: "Restora Wellness 301872.SZ, a Shenzhen-based maker"
_STOCK_CODE_RE = re.compile(
    r"\s+(?:\((?:\d{4,6}\.(?:HK|SZ|SH|SS)|(?:HKEX|HK|SZ|SH|SSE|SZSE):\s?\d{4,6})\)|\d{4,6}\.(?:HK|SZ|SH|SS)\b)"
)
_STOCK_CODE_GATE = re.compile(r"\(|\d\.(?:HK|SZ|SH|SS)\b")
_AFTER_A_CODE = re.compile(r"\d\.$")
_NAME_BEFORE_CODE = re.compile(r"\b([A-Z][A-Za-z0-9&'.-]*(?:\s+[A-Z][A-Za-z0-9&'.-]*){0,4})$")
# "... in the six months ended June, the company said": a reporting clause after a date, not an apposition
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NOT_A_NAME = {"The", "China", "Guangdong", "It", "Its", *_WEEKDAYS} | {
    month.capitalize() for month in (*MONTHS, *MONTH_ABBREVIATIONS)
}
# capitalised words that open a sentence before a company's name, not part of it
_BEFORE_A_NAME = _NOT_A_NAME | {
    "In", "On", "At", "For", "By", "As", "After", "And", "But", "While", "Of", "From", "With", "Meanwhile",
    "Shares", "Both",
}  # fmt: skip
_REPORTING_AFTER = re.compile(r"\s+(?:said|says|added|noted|reported|announced)\b")
_CORPORATE_SUFFIX = re.compile(
    r"(?:\s+(?:Technology|Technologies|Group|Holdings|Co\.|Corp\.?|Inc\.?|Ltd\.?))+$"
)
_APPOSITION_WORDS = (
    "maker", "manufacturer", "producer", "company", "firm", "developer", "supplier", "exporter", "retailer",
    "operator", "giant", "startup", "start-up", "conglomerate", "brand", ", which", "builder", "designer",
    "processor", "distributor", "provider", "assembler", "lender", "insurer", "airline", "carrier", "grower",
    "companies",
)  # fmt: skip
# why: the three scans above try every offset; each runs only when the text has a word it needs. The words
# are looked for with one pattern each (the engine skips ahead to their capitals), and an apposition also
# needs its comma and article or "which" (",\s+a ", ",\s+which ") before its trade word
_GROUP_GATE = re.compile("|".join(re.escape(word) for word in _GROUP_WORDS))
_TRADE_GATE = re.compile(_TRADE_ALTERNATIVES)
_APPOSITION_GATE = re.compile(r",\s+(?:an?|the|which|one of)\s")
# "Zhuhai-based Sonaris Hearing, which ...", "hearing-aid maker Sonaris lifts ...": a name after where it is
# based or after the trade it is in (lower case, so not a title-case headline's next words)
_TRADES_BEFORE_A_NAME = (
    "maker", "manufacturer", "producer", "exporter", "supplier", "carmaker", "automaker", "chipmaker",
    "shipbuilder", "retailer", "developer", "operator",
)  # fmt: skip
_NAME_AFTER_ITS_TRADE_RE = re.compile(
    r"(?:\b[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)?-based|\b(?:" + "|".join(_TRADES_BEFORE_A_NAME) + "))"
    r"\s+((?:[A-Z][A-Za-z0-9&'.-]*\s+){0,3}[A-Z][A-Za-z0-9&'.-]*?)(?='s\b|’s\b|[,;:]|\s+[a-z(]|\s*$)"
)
# why: the words the pattern opens with, found by one cheap search before the pattern is tried
_NAME_AFTER_GATE = re.compile("|".join(re.escape(word + " ") for word in ("-based", *_TRADES_BEFORE_A_NAME)))
_ANAPHOR_WORDS = (
    "its", "company", "firm", "group", "maker", "manufacturer", "fair", "port", "district", "imports",
    "exports", "shipments",
)  # fmt: skip
_ANAPHOR_RE = re.compile(
    r"\b[Ii]ts\b|\b[Tt]he (?:company|firm|group|carmaker|automaker|maker|manufacturer|fair|port|district)\b"
    # "Guangdong imported 31,400 tonnes ... " then "The imports were valued at": the same trader's
    r"|^\s*The (?:imports|exports|shipments) (?:were|was|rose|fell|grew|totall?ed|amounted|reached)\b"
    r"|其中|其|该公司|公司|该企业|该集团|本届|该区|全区"
)


# "Hong Kong residents made …", "Taiwan exporters shipped …": the place opens the sentence as its subject
# the sentence's start, after a dateline if any: Xinhua's "--", Reuters' "-"
_SUBJECT_START = re.compile(rf"^(?:{WIRE_DATELINE_EN})?$")
_NOUN_AFTER = re.compile(
    r"\s+(?:residents|exports|imports|re-exports|retail|economy|exporters|consumers|shoppers|households|"
    r"inflation|unemployment|visitor arrivals"
    # "Hong Kong welcomed 4.62 million visitor arrivals": the place as the subject of a verb of its figures
    r"|welcomed|recorded|received|posted|reported|logged|attracted|handled|registered)\b"
)
# an apposition right after Guangdong or one of its cities: "Guangdong, China's biggest trading province"
_AFTER_A_HOME_PLACE = re.compile(
    r"\b(?:Guangdong|Guangdong Province|Shenzhen|Guangzhou|Foshan|Dongguan),\s+"
    # "Guangdong, the factory province on China's southern coast"
    r"(?:the\s+(?:[\w-]+\s+){1,4}(?:on|in|of|along)\s+)?$"
)
_REGION_OF_CHINA = re.compile(r"\b(?:south|southern|south-eastern|southeastern)\s+$", re.I)
_DATELINE_BEFORE = re.compile(
    r"(?:本报|新华社|中新社|中新网|人民网|南方网|央视网|记者[^，。,]{0,10}|通讯员[^，。,]{0,10})\s*$"
)
_DATELINE_AFTER = re.compile(
    r"^(?:讯|报道|\d{1,2}月\d{1,2}日电|电(?![\u4e00-\u9fff]))"
    # a city's newspaper or station names the outlet ("中山日报讯", 佛山电视台), not the subject
    r"|^(?:日报|晚报|商报|特区报|电视台|广播电视台)"
)
# a wire dateline's whole span: a place inside it, even inside a foreign city's name (博罗 of 哈博罗内,
# Gaborone, in "新华社哈博罗内10月20日电"), is where the reporter was
_DATELINE_SPAN_ZH = re.compile(r"(?:新华社|中新社|中新网)[\u4e00-\u9fff/、]{1,16}?\d{1,2}月\d{1,2}日电")
# an English dateline's date after its place: "GUANGZHOU, Nov. 20 (Xinhua)", "GONGHE, Heshan, Nov. 20 --"
_DATELINE_AFTER_EN = re.compile(r",\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*(?:\(|--|—|–)")
# a dateline's town in capitals and the place it is in, with no date: "SHUIKOU, Kaiping --"
_DATELINE_TOWN_BEFORE_EN = re.compile(r"[A-Z][A-Z'’ -]+,\s*")
_DATELINE_DASH_AFTER_EN = re.compile(r"\s*(?:\([A-Za-z ]+\)\s*)?(?:--|—|–)")
# the office that published the figures: 广州海关数据显示, 深圳海关昨日公布
_SOURCE_AFTER_ZH = re.compile(
    r"(?:昨日|今日|日前|近日|昨天|今天|\d{1,2}日)?(?:统计|数据|最新数据|最新统计|获悉|消息|发布|公布|通报|表示|介绍)"
    # 广州海关的数据表明, 广州海关向记者提供的统计表明
    r"|的(?:最新)?(?:数据|统计)|向(?:记者|媒体|本报)"
)
_OWNER_AFTER_ZH = ("的", "进出口", "出口", "转口", "外贸", "货物", "整体", "对", "输往")
# "58 percent of Guangdong's total", "a third of the city's exports": the whole a share is taken of (but "the
# value of Hong Kong's retail sales" names the owner)
_DENOMINATOR_BEFORE = re.compile(
    r"(?:(?:%|\bpercent|\bper cent|\bshare|\bproportion|\bhalf|\bthird|\bthirds|\bquarter|\bquarters|\bfifth|"
    r"\bfifths|\btenth|\bmajority|\bmost|\bbulk|\bpart|\bportion|\btotal|\bmuch|\bnone)\s+of"
    r"|\binto\b|\bfor|\bwith(?: a)?|\bto|占|居|对|与|比|向|从|来自)\s*(?:the\s+)?$",
    re.I,
)

_DENOMINATOR_ENDS = (
    "of",
    "into",
    "for",
    "with",
    "with a",
    "to",
    "占",
    "居",
    "对",
    "与",
    "比",
    "向",
    "从",
    "来自",
    "the",
)
"""What :data:`_DENOMINATOR_BEFORE` may end with before its spaces (see :func:`scan.may_end_with`)."""
_DENOMINATOR_ENDS_ZH = ("占", "居", "对", "与", "比", "向", "从", "来自")
"""Its Chinese words: with only spaces after one of them, :data:`_DENOMINATOR_BEFORE` matches."""


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A city, company, country or province named in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    name: str
    kind: str
    valid: bool
    """False when the mention is a denominator ("of Guangdong's total") or an attribute ("Shenzhen-based")."""


def may_name_a_company(sentence: str, places: PlaceIndex, companies: dict[str, str] | None = None) -> bool:
    """A cheap test that :func:`find_entities` may find a company in a sentence: False only when none of the
    ways it finds one can match (a gazetteer company's written form, the company patterns' words, a company
    the article introduced).

    Args:
        sentence: one normalized sentence.
        places: the compiled gazetteer.
        companies: Chinese companies the article introduced.

    Returns:
        False when ``find_entities(sentence, places, companies)`` has no mention of kind company.
    """
    if places.company_re is not None and places.company_re.search(sentence):
        return True
    if _GROUP_GATE.search(sentence) or _TRADE_GATE.search(sentence):
        return True
    if _STOCK_CODE_GATE.search(sentence) and _STOCK_CODE_RE.search(sentence):
        return True
    if _APPOSITION_GATE.search(sentence) and any(w in sentence for w in _APPOSITION_WORDS):
        return True
    if _NAME_AFTER_GATE.search(sentence):
        return True
    if ("Market" in sentence or "市场" in sentence) and find_markets(sentence, places):
        return True  # a wholesale market is found as a company
    return companies is not None and any(written in sentence for written in companies)


# words whose last character begins a place's Chinese name, read across when the place follows them
# 新增城镇: the 增 of 新增 and 城镇, not Zengcheng (增城); 拉美的, 欧美的: Latin America's, not Midea (美的)
_WORDS_A_PLACE_NAME_STARTS_INSIDE = frozenset(
    ["新增", "拉美", "欧美", "北美", "南美", "中美", "完美", "精美", "优美", "甜美", "审美", "健美", "赞美"]
)


def _place_matches(pattern: re.Pattern[str], sentence: str) -> Iterator[re.Match[str]]:
    """The gazetteer's names in a sentence, left to right; where a Chinese name runs into another that ends
    in an administrative word, the other one (记者从化州市农业农村局获悉: 化州市, Huazhou, not 从化)."""
    position = 0
    while (match := pattern.search(sentence, position)) is not None:
        if not match.group().isascii():
            match = _later_place(pattern, sentence, match) or match
        yield match
        position = match.end()


def _later_place(pattern: re.Pattern[str], sentence: str, match: re.Match[str]) -> re.Match[str] | None:
    for inside in range(match.start() + 1, match.end()):
        later = pattern.match(sentence, inside)
        if (
            later is not None
            and later.end() > match.end()
            and sentence[later.end() : later.end() + 1] in _ADMINISTRATIVE_ZH
        ):
            return later
    return None


_ADMINISTRATIVE_ZH = frozenset("市县区镇")


def find_entities(
    sentence: str,
    places: PlaceIndex,
    companies: dict[str, str] | None = None,
    towns: dict[str, str] | None = None,
    places_too: bool = True,
) -> list[EntityMention]:
    """Find the places and companies a sentence names.

    Args:
        sentence: one normalized sentence.
        places: the compiled gazetteer.
        companies: companies the article introduced (:func:`companies_zh.find_introduced`, and English
            short forms).
        towns: places in no gazetteer the article introduced (:func:`introduced_towns`).
        places_too: False to find the companies only (and a gazetteer company's forms), which is much
            cheaper: the whole gazetteer's pattern is the slow part.

    Returns:
        Mentions in order; each says whether it can be the subject of a figure.
    """
    found = []
    for start, end, name in find_named(sentence, towns) if towns else ():
        found.append(_mention(sentence, start, end, name, "district"))
    pattern = places.entity_re if places_too else places.company_re
    for match in _place_matches(pattern, sentence) if pattern is not None else ():
        token = match.group()
        if token.isascii() and (
            sentence[match.start() - 1 : match.start()].isalpha()
            or sentence[match.end() : match.end() + 1].isalpha()
        ):
            continue
        if sentence[match.start() - 1 : match.start() + 1] in _WORDS_A_PLACE_NAME_STARTS_INSIDE:
            continue  # 新增城镇就业: the 增 of 新增 ("newly added") and 城镇, not Zengcheng (增城)
        if token == "全市" and sentence.startswith("场", match.end()):
            continue  # 全市场: the whole market, not the city
        name, kind = places.entity_of[token]
        found.append(_mention(sentence, match.start(), match.end(), name, kind, places.jurisdictions))
    # why: a company suffix is rare, and the scan for it tries every offset
    for match in _GROUP_RE.finditer(sentence) if _GROUP_GATE.search(sentence) else ():
        start, name = _company_name(match.group(1), match.end(1))
        if (
            name not in places.entity_of
            and name not in {"The", "China"}
            and not _overlaps(found, start, start + len(name), kinds={"company"})
        ):
            found.append(_mention(sentence, start, start + len(name), name, "company"))
    for code in _STOCK_CODE_RE.finditer(sentence) if _STOCK_CODE_GATE.search(sentence) else ():
        named = _NAME_BEFORE_CODE.search(sentence, max(0, code.start() - 80), code.start())
        if named is None:
            continue
        start, name = _company_name(named.group(1), named.end(1))
        if name not in places.entity_of and not _overlaps(found, start, start + len(name)):
            found.append(_mention(sentence, start, start + len(name), name, "company"))
    appositions = _APPOSITION_GATE.search(sentence) and any(w in sentence for w in _APPOSITION_WORDS)
    for match in _APPOSITION_RE.finditer(sentence) if appositions else ():
        group = 1 if match.group(1) else 2
        start, name = _company_name(match.group(group), match.end(group))
        if (
            name.split()[0] not in _NOT_A_NAME
            and name not in places.entity_of
            and not _REPORTING_AFTER.match(sentence, match.end())
            and not _overlaps(found, start, start + len(name), kinds={"company"})
            and not _AFTER_A_CODE.search(sentence, 0, start)  # the exchange of "301872.SZ, a ... maker"
        ):
            found.append(_mention(sentence, start, start + len(name), name, "company"))
    for match in _NAME_AFTER_ITS_TRADE_RE.finditer(sentence) if _NAME_AFTER_GATE.search(sentence) else ():
        start, name = _company_name(match.group(1), match.end(1))
        if name not in places.entity_of and not _overlaps(found, start, start + len(name)):
            found.append(_mention(sentence, start, start + len(name), name, "company"))
    for match in _TRADE_NAME_RE.finditer(sentence) if _TRADE_GATE.search(sentence) else ():
        name = match.group(1)
        first = name.split()[0]
        if (
            first not in {"The", "China", "Chinese", "New", "Its", "Their", "Guangdong"}
            and first not in places.entity_of  # "Chaozhou Ceramics": the place's industry
            and not any(m.start <= match.start(1) < m.end for m in found)
        ):
            found.append(_mention(sentence, match.start(1), match.end(1), name, "company"))
    for start, end, name in find_named(sentence, companies) if companies else ():
        if not _overlaps(found, start, end):
            found.append(_mention(sentence, start, end, name, "company"))
    for start, end, name in find_markets(sentence, places) if places_too else ():
        if not _overlaps(found, start, end, kinds={"company"}):
            # "Guangzhou Baima Market", 广州江南果菜批发市场: the city inside the name is no other owner (but
            # stays the city a later 全市 refers to)
            found = [dataclasses.replace(m, valid=False) if start <= m.start < end else m for m in found]
            found.append(_mention(sentence, start, end, name, "company"))
    found.sort(key=lambda mention: mention.start)
    return _routes_after_an_owner(
        sentence, _listed_with_the_one_before(sentence, _province_before_its_city(sentence, found))
    )


def _routes_after_an_owner(sentence: str, found: list[EntityMention]) -> list[EntityMention]:
    """ "广东经南沙及深圳口岸进口车厘子": the places after 经 that follow an owner are the ports its goods
    went through, not owners."""
    if "经" not in sentence:
        return found
    out = list(found)
    for index, mention in enumerate(found):
        if not mention.valid or mention.kind not in {"city", "district"}:
            continue
        route = _ROUTE_BEFORE_ZH.search(sentence, max(0, mention.start - 10), mention.start)
        if route is None:
            continue
        owner_end = route.start()
        if any(
            other.valid and sentence[other.end : owner_end] in {"", "省", "市", "区"}
            for other in found[:index]
        ):
            out[index] = dataclasses.replace(mention, valid=False)
    return out


# "Henggang, a subdistrict in Shenzhen's Longgang district": a place in no gazetteer, introduced by what it is
# a town's name, with pinyin's apostrophe before a syllable opening with a vowel (Jun'an, Chang'an)
_TOWN_NAME = r"[A-Z][a-z]+(?:['’][a-z]+)?(?:\s+[A-Z][a-z]+)?"
_TOWN_APPOSITION_RE = re.compile(
    rf"\b({_TOWN_NAME}),\s+(?:a|an|the)\s+(?:[\w'-]+\s+){{0,3}}?"
    r"(?:subdistrict|town|township|village|county|county-level city|district|zone)"
    # "Shatou, a Nanhai district town known across Foshan for its bathing suits"
    r"(?:\s+(?:in|of|on)\s|\s+(?:known|famed|famous|noted|renowned|best\s+known)\b|,)"
)


_SIDE = r"(?:north|south|east|west|centre|center)(?:ern)?(?:\s+part)?"
# "Shenzhen's Henggang subdistrict exported ...", "Dalang town in Dongguan": the name before what it is, after
# its city's possessive or before the place it is in
_TOWN_NAMED_RE = re.compile(
    rf"(?:\b([A-Z][a-z]+)(?:'s|’s)\s+({_TOWN_NAME})\s+(?:subdistrict|town|township|village)\b"
    rf"|\b({_TOWN_NAME})\s+(?:subdistrict|town|township|village),?\s+(?:in|of)\s+(?:[A-Z]|the\s)"
    # "Luocun in Nanhai district", "Dali town, the industry's core area": a name in pinyin (checked below)
    # placed in a district or county, or called a town
    # "Danshui, Huiyang district", "Pingdi, in the east of Shenzhen's Longgang district",
    # "Pinggang town, Yangjiang"
    rf"|\b({_TOWN_NAME})(?:,?\s+(?:in\s+(?:the\s+{_SIDE}\s+of\s+)?)?(?:[A-Z][a-z]+(?:'s|’s)\s+)?"
    r"[A-Z][a-z'’]+\s+(?:district|county)"
    r"|\s+(?:subdistrict|town|township)(?:,\s+(?=[A-Z]))?)\b)"
    # "on Donghai Island, Zhanjiang": an island named with its city
    r"|\b([A-Z][a-z]+\s+Island)(?=,\s+[A-Z][a-z]+\b|\s+(?:in|off)\s+[A-Z][a-z]+\b)"
)
_DATELINE_TOWN_RE = re.compile(
    r"([A-Z]{3,}(?: [A-Z]{3,})?),\s+([A-Z][a-z]+(?:['’][a-z]+)?)"
    # "SHATOU, Foshan, Nov 18 --", "GONGHE, Heshan, Nov. 20 (GDToday) --": a date and a source may follow
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([^)]{1,30}\))?\s*(?:--|—|–)"
)
_TOWN_WORDS = ("town", "district", "village", "county", "zone", "Island")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][a-z]+\s$")
# one or more pinyin syllables: a place's name, never "Exports in Nanhai district"
_PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u)"
)
_PINYIN_NAME = re.compile(rf"(?:{_PINYIN_SYLLABLE}['’]?)+", re.I)


def introduced_towns(sentence: str, places: PlaceIndex) -> dict[str, str]:
    """The places in no gazetteer an English sentence introduces by what they are ("Henggang, a subdistrict
    in Shenzhen's Longgang district", "Dalang, a town in Dongguan"), to be found as districts from then on.

    Args:
        sentence: one normalized sentence.
        places: the compiled gazetteer.

    Returns:
        Each place's written form mapped to its name (the same).
    """
    if "镇" in sentence or "街" in sentence or "岛" in sentence:
        return _introduced_towns_zh(sentence, places)
    dateline = _DATELINE_TOWN_RE.match(sentence)
    if dateline is not None and dateline.group(2) in places.entity_of:
        # "SHIWAN, Foshan --": the dateline's town, in the place the gazetteer knows
        town = dateline.group(1).title()
        if town not in places.entity_of and _PINYIN_NAME.fullmatch(town.replace(" ", "")):
            return {town: town, **introduced_towns(sentence[dateline.end() :], places)}
    # why: called for every sentence; the scan tries every offset, so it runs only with a word it needs
    if not any(word in sentence for word in _TOWN_WORDS) or not sentence.isascii():
        return {}
    found = {
        match.group(1): match.group(1)
        for match in (_TOWN_APPOSITION_RE.finditer(sentence) if ", " in sentence else ())
        if match.group(1) not in places.entity_of and match.group(1).split()[0] not in _BEFORE_A_NAME
    }
    for match in _TOWN_NAMED_RE.finditer(sentence):
        city, town = match.group(1), match.group(2) or match.group(3) or match.group(4) or match.group(5)
        if city is not None and city not in places.entity_of:
            continue  # "Li's Chang town": the possessive of a place the gazetteer knows, not of a person
        if match.group(4) and not _PINYIN_NAME.fullmatch(town.replace(" ", "")):
            continue
        if match.group(5) and (
            not _PINYIN_NAME.fullmatch(town.split()[0])
            or _CAPITALISED_BEFORE.search(sentence, max(0, match.start(5) - 20), match.start(5))
        ):
            continue  # "Lantau Island", "Hong Kong Island" are no towns of Guangdong
        if town not in places.entity_of and town.split()[0] not in _BEFORE_A_NAME:
            found[town] = town
    return found


# a town, subdistrict or island written after the place it is in: 中山市大涌镇, 东莞市大岭山镇,
# 深圳龙岗区横岗街道, 白云区嘉禾街, 惠州仲恺高新区潼湖镇, 阳江海陵岛
# 街区 is a block of streets (平洲玉器街区), not a subdistrict (街)
_TOWN_AFTER_PLACE_ZH = re.compile(
    r"(?:高新区|开发区|新区|[市区县])?([\u4e00-\u9fff]{2,3}?)(?:镇|街道|街(?!区)|岛)"
)


_NOT_A_TOWN_START = (
    *("新增", "全", "各", "本", "乡", "城", "村", "重点", "特色", "小"),
    *("步行", "商业", "美食", "文化"),  # 步行街, 商业街: streets, not subdistricts
)


# a two-character town or subdistrict written on its own after a preposition or a break: 记者从大涌镇获悉,
# "2025年大涌镇红木家具", 在秋长街道 (never 占全镇, 在全镇, 各镇: the stem's characters are checked below)
_TOWN_AFTER_A_BREAK_ZH = re.compile(
    r"(?:^|(?<=[从在于据由是，、。“（年,;:( ]))([\u4e00-\u9fff]{2})(?:镇|街道)"
)
# characters no town's two-character name has: 全镇 (the whole town), 该镇, 每个镇, 中心镇, 专业镇, 示范镇,
# 今年镇里 (this year, the town ...)
_NOT_IN_A_TOWN_STEM = frozenset("全各本该这每个中业点范型级化心重强名小古集城乡村区市县省今年")


def _introduced_towns_zh(sentence: str, places: PlaceIndex) -> dict[str, str]:
    """The towns in no gazetteer a Chinese sentence names after their city or district, or alone after a
    break or a preposition, by the written forms that name them later (大涌镇, 大涌) -> the name in pinyin
    ("Dachong": :mod:`pinyin`)."""
    found: dict[str, str] = {}
    alone = (
        match
        for match in _TOWN_AFTER_A_BREAK_ZH.finditer(sentence)
        if not _NOT_IN_A_TOWN_STEM.intersection(match.group(1))
    )
    after_a_place = (
        _TOWN_AFTER_PLACE_ZH.match(sentence, match.end())
        for match in places.entity_re.finditer(sentence)
        if places.entity_of[match.group()][1] in {"city", "district"}
    )
    for town in (*alone, *after_a_place):
        if town is None or town.group(1) in places.entity_of or town.group(1).startswith(_NOT_A_TOWN_START):
            continue
        if len(town.group(1)) == 3 and sentence[town.end() - 2 : town.end()] in {"城镇", "乡镇", "村镇"}:
            continue  # 佛山农村城镇: towns (城镇), not a town called 农村城; 杨村镇 and 明城镇 are towns
        written = town.group(1)
        suffixed = written + sentence[town.end(1) : town.end()]
        if suffixed in places.entity_of:
            # 东莞长安镇 … 长安模具: the gazetteer's town (Chang'an), named later without its 镇
            found[written] = places.entity_of[suffixed][0]
            continue
        syllables = name_syllables(written, place=True)
        # pinyin writes an apostrophe before a syllable opening with a, o or e (Chang'an, Xi'an)
        name = syllables[0] + "".join("'" + sound if sound[:1] in "aoe" else sound for sound in syllables[1:])
        found[suffixed] = found[written] = name.capitalize()
    return found


def received_from_home(text: str) -> bool:
    """Whether Hong Kong or Macao takes in goods from Guangdong in a text (本港从广东输入, "Hong Kong received
    ... from Guangdong"): a report of what Guangdong supplied."""
    return any(
        _RECEIVED_FROM_HOME.match(text, match.end())
        for match in re.finditer(r"本港|香港|澳门|Hong Kong|Macao|Macau", text)
    )


def _overlaps(found: list[EntityMention], start: int, end: int, kinds: set[str] | None = None) -> bool:
    """Whether a span overlaps a mention already found (of one of ``kinds``, when given)."""
    return any(m.start < end and start < m.end and (kinds is None or m.kind in kinds) for m in found)


def _company_name(written: str, end: int) -> tuple[int, str]:
    """Where a company's name starts and the name, from the capitalised words before its suffix or stock
    code: the words opening the sentence ("The Midea Group", "In May GAC Group") and the corporate suffix
    ("Kestrel Power Technology Co." -> "Kestrel Power") are not part of it."""
    while " " in written and written.split(" ", 1)[0] in _BEFORE_A_NAME:
        written = written.split(" ", 1)[1].lstrip()
    written = _WHERE_LISTED.sub("", written)  # "Hong Kong-listed Canopia Holdings": where, not who
    return end - len(written), _CORPORATE_SUFFIX.sub("", written) or written


_WHERE_LISTED = re.compile(r"^(?:[A-Z][\w.]*\s+)*[A-Z][\w.]*-(?:listed|based|headquartered)\s+")


def _listed_with_the_one_before(sentence: str, found: list[EntityMention]) -> list[EntityMention]:
    """ "东莞与佛山去年出口分别年增…": a place joined by 与 to an owner before it is listed with it, not a
    partner (与 alone before a place names whom it trades with)."""
    out = list(found)
    for index, (first, second) in enumerate(itertools.pairwise(found), start=1):
        joined = sentence[first.end : second.start] == "与"
        if joined and first.valid and not second.valid and first.kind == second.kind:
            out[index] = dataclasses.replace(second, valid=True)
    return out


_PROVINCE_TO_CITY = re.compile(r"省?|'s\s+|\s+province's\s+", re.I)
_CITY_TO_ITS_PART = re.compile(r"市?|的|'s\s+|’s\s+|\s+city's\s+", re.I)
"""What stands between a city and its district, town or port ("Guangzhou's Nansha port", 深圳市南山区)."""


def _province_before_its_city(sentence: str, found: list[EntityMention]) -> list[EntityMention]:
    """ "广东东莞市", "廣東東莞海關": the province only says where the city is; the city is the owner."""
    out = list(found)
    for index, (first, second) in enumerate(itertools.pairwise(found)):
        if (
            (
                first.kind == "province"
                and second.kind in {"city", "district"}
                and _PROVINCE_TO_CITY.fullmatch(sentence[first.end : second.start])
            )
            or (
                # "Guangzhou's Baiyun district", "深圳市南山区", "Guangzhou's Nansha port": the city says
                # where its district, town or port is
                first.kind == "city"
                and second.kind in {"district", "region"}
                and _CITY_TO_ITS_PART.fullmatch(sentence[first.end : second.start])
            )
            or (
                # "China's Guangdong province", "China's southern city of Shenzhen": the country says where
                first.kind == "foreign"
                and second.kind in {"province", "city", "district"}
                and _COUNTRY_TO_ITS_PLACE.fullmatch(sentence[first.end : second.start])
            )
        ):
            out[index] = dataclasses.replace(first, valid=False)
    return out


_COUNTRY_TO_ITS_PLACE = re.compile(
    r"['’]s\s+(?:(?:south|southern|eastern|western|northern|south-eastern|southeastern|coastal|manufacturing|"
    r"export|tech)\s+)*(?:(?:hub|province|city|county|district|powerhouse|heartland)\s+(?:of\s+)?)?",
    re.I,
)
_CLAUSE_START_BEFORE = re.compile(r"(?:^|[，,；;。]|\d年)$")
_INSTITUTION_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:brokerage|bank|securities|consultancy|consulting|think\s+tank|research\s+firm|"
    r"law\s+firm|fund|university|institute|newspaper)\b"
)
_IN_BEFORE = re.compile(r"\bin\s+$")
_PLURAL_IN_BEFORE = re.compile(r"[a-z]s\s+in\s+$")
_VERB_IN_BEFORE = re.compile(r"\b(?:is|are|was|were)\s+\w+\s+in\s+$")


_CUSTOMS_FORECASTS_EN = re.compile(
    r"\s+customs\s+(?:officers\s+|officials\s+)?"
    r"(?:expects?|forecasts?|predicts?|sees?|estimates?|projects?|anticipates?)\b",
    re.I,
)
# what the people there do: they speak or forecast ("traders in Guangzhou said"), rather than sell
_THEY_SAY_AFTER_EN = re.compile(
    r"(?:\s+and\s+[A-Z][\w'’-]+)?(?:'s\s+[\w\s-]{1,40}?)?\s+(?:said|say|says|expect|expects|see|sees|forecast|forecasts|"
    r"predict|predicts|estimate|estimates|look\s+for|reckon|believe|anticipate)\b"
)
_PEOPLE_THERE_EN = re.compile(
    r"\b(?:customs(?:\s+(?:officers|officials))?|traders|wholesalers|dealers|importers|merchants|officials)"
    r"\s+(?:in|at)\s+(?:[A-Z][\w'’-]+\s+and\s+)?$",
    re.I,
)


def _mention(
    sentence: str,
    start: int,
    end: int,
    name: str,
    kind: str,
    jurisdictions: frozenset[str] = frozenset(),
) -> EntityMention:
    before = sentence[max(0, start - 30) : start]
    after = sentence[end : end + 7]
    possessive = after.startswith(("'s", "’s"))
    # why: a Chinese denominator word at the end matches _DENOMINATOR_BEFORE whatever precedes it, so the
    # search (tried at every offset of the window) is left for the other endings
    denominator = before.rstrip().endswith(_DENOMINATOR_ENDS_ZH) or (
        may_end_with(before, _DENOMINATOR_ENDS) and _DENOMINATOR_BEFORE.search(before)
    )
    valid = not after.startswith(("-based", " province", "-made", "-listed", "-headq")) and not denominator
    if kind in {"foreign", "country_ref"} and not possessive:
        valid = (
            name in jurisdictions
            and bool(_SUBJECT_START.match(sentence[:start]))
            and bool(_NOUN_AFTER.match(after + sentence[end + 7 : end + 20]))
        )
    if (
        kind in {"city", "district"}
        and before.endswith(("a ", "an "))
        and _INSTITUTION_AFTER.match(sentence, end)
    ):
        valid = False  # "Analysts at a Guangzhou brokerage forecast ...": where the firm is, not the subject
    if kind == "foreign" and _REGION_OF_CHINA.search(before):
        valid = False  # "south China's Guangdong Province" names Guangdong
    if kind == "foreign" and possessive and _AFTER_A_HOME_PLACE.search(sentence, max(0, start - 70), start):
        valid = False  # "Guangdong, China's biggest trading province, ...": what the place before it is
    if kind == "city" and (_DATELINE_BEFORE.search(before) or _DATELINE_AFTER.match(after)):
        valid = False  # where the reporter was: "本报广州讯", "新华社广州10月20日电", "……深圳报道"
    if "日电" in sentence and any(
        span.start() <= start and end <= span.end()
        for span in _DATELINE_SPAN_ZH.finditer(sentence, 0, end + 12)
    ):
        valid = False
    if kind in {"city", "district"} and (
        _DATELINE_AFTER_EN.match(sentence, end, end + 16)
        or (
            _DATELINE_TOWN_BEFORE_EN.fullmatch(sentence, 0, start)
            and _DATELINE_DASH_AFTER_EN.match(sentence, end)
        )
    ):
        # the place a dateline adds to its town: "GONGHE, Heshan, Nov. 20 (GDToday) --", "SHUIKOU, Kaiping --"
        valid = False
    if kind == "region" and (_SOURCE_AFTER_ZH.match(after) or before.endswith("据")):
        valid = False  # the office that published the figure: "据拱北海关统计，珠海市…", "广州海关数据显示"
    if kind == "region" and name.endswith(" Customs") and after.startswith(("预计", "预测", "预期")):
        valid = False  # "广州海关预计，全年双边贸易有望突破25亿元": the office forecasts the trade it counts
    if kind in {"city", "district"} and _CUSTOMS_FORECASTS_EN.match(sentence, end):
        valid = False  # "Guangzhou customs expects full-year trade to approach 3 billion yuan": the office
    if (
        kind in {"city", "district"}
        and may_end_with(before, ("in", "at", "and"))
        and _PEOPLE_THERE_EN.search(before)
        and _THEY_SAY_AFTER_EN.match(sentence, end)
    ):
        # "Customs officers in Guangzhou see full-year trade ... topping", "Meat traders in Guangzhou said":
        # where the people who speak are, not whose figure it is
        valid = False
    if kind == "national_zh" and not _CLAUSE_START_BEFORE.search(before):
        valid = False
    if kind in {"city", "district"} and (
        after.startswith(_PLANT_AFTER) or (before.rstrip().endswith("in") and _PLANT_IN_BEFORE.search(before))
    ):
        # "东莞厂的出货量", "the Dongguan plant", "a new plant in Heshan": a company's plant, its figure
        valid = False
    # why: both searches below try every offset of the window; the cheap tests on how they end come first
    if may_end_with(before, _WHERE_ANOTHER_IS_ENDS) and _WHERE_ANOTHER_IS.search(before):
        valid = False  # "Chaozhou, a city in eastern Guangdong", "made in Guangdong", "came from Guangdong"
    if ("对" in before or "對" in before) and _PARTNER_LIST_BEFORE.search(before):
        valid = False  # 对中国大陆及香港出口: the second partner of a list after 对, not the trader
    # 台灣對廣東出口, 香港輸往內地: the trader owns the figure; the place after 对 is a partner
    if kind == "foreign_zh" and (not after.startswith(_OWNER_AFTER_ZH) or before.endswith("经")):
        valid = False  # 经香港转口的广东货物: goods re-exported via Hong Kong are still Guangdong's
    if kind in {"foreign", "foreign_zh"} and _RECEIVED_FROM_HOME.match(sentence, end):
        # 本港上月从广东输入西兰花5860吨, "Hong Kong received 1,846 tonnes of spinach from Guangdong": what
        # Guangdong supplied, Guangdong's figure
        valid = False
    if kind in {"foreign_zh", "region"} and _DESTINATION_BEFORE_ZH.search(before):
        # 销往香港和澳门的鲜蚝, 发往粤港澳大湾区和长三角的比例, 对中国香港进出口: where the goods went
        valid = False
    if (
        kind in {"city", "district"}
        and _ROUTE_BEFORE_ZH.search(before)
        and _ONWARD.search(sentence, end, end + 12)
    ):
        # 经深圳及珠海口岸输往香港: the ports another's goods went through (but 经深圳口岸入境3890万人次 is
        # what the port counted; :func:`_routes_after_an_owner` for 广东经南沙口岸进口)
        valid = False
    if (
        kind == "city"
        and name.isascii()
        and _IN_BEFORE.search(before)
        and not _PLURAL_IN_BEFORE.search(before)
    ):
        # "a new plant in Heshan" is where, not whose; "value added in Chaozhou", "retail sales in
        # Jieyang" and "is highest in Foshan" are the place's own
        valid = bool(_VERB_IN_BEFORE.search(before) or _MEASURE_IN.search(before))
    return EntityMention(start, end, name, kind, valid)


_WHERE_ANOTHER_IS_ENDS = ("in", "from", "south", "north", "east", "west", "central", "ern", "'s", "’s")
"""What :data:`_WHERE_ANOTHER_IS` may end with before its spaces (see :func:`scan.may_end_with`)."""
_WHERE_ANOTHER_IS = re.compile(
    r"\b(?:(?:city|town|district|county|port|hub|area|region)\s+in\s+"
    r"(?:(?:south|north|east|west|central|southern|northern|eastern|western|south-east|south-west|north-east|"
    r"north-west|southeastern|southwestern|northeastern|northwestern)\s+)?"
    # "Jinli, a town in Zhaoqing's Gaoyao district", "a subdistrict of Shenzhen's Bao'an district": the
    # district after its city's possessive places the town too
    r"|(?:town|township|subdistrict|village)\s+(?:in|of)\s+[A-Z][a-z]+(?:'s|’s)\s+"
    r"|(?:made|produced|manufactured)\s+in\s+|(?:came|come|comes|coming)\s+from\s+)$",
    re.I,
)
_PLANT_AFTER = ("厂", "廠", "工厂", "工廠", "新厂", "新廠", " plant", " factory")
_PLANT_IN_BEFORE = re.compile(r"\b(?:plant|factory|facility|base|campus|headquarters|warehouse)\s+in\s+$")
_PARTNER_LIST_BEFORE = re.compile(r"[对對][\u4e00-\u9fff]{1,6}(?:及|和|与|與|、)$")
_ROUTE_BEFORE_ZH = re.compile(r"经(?:[\u4e00-\u9fff]{1,6}(?:、|和|及|与))?$")
_ONWARD = re.compile(r"输往|运往|销往|发往|转运|出口到|出口至|[输供][港澳]")
# a destination's or a source's verb before a place, or before the list it is the next item of
# (销往香港和澳门)
_DESTINATION_BEFORE_ZH = re.compile(
    r"(?:[对向自从往]|直供|供应|出口到|出口至|出口)(?:中国)?(?:[\u4e00-\u9fff]{1,8}(?:、|和|及|与))*$"
)
_RECEIVED_FROM_HOME = re.compile(
    r"[\u4e00-\u9fff\d]{0,6}?[从由自](?:广东|粤)"
    r"|\s+(?:received|imported|took in|bought)\b[^.;]{0,80}?\bfrom\s+(?:south\s+China's\s+)?Guangdong\b"
)
_MEASURE_IN = re.compile(
    r"\b(?:value|added|output|trade|investment|gdp|growth|revenue|income|production|consumption|turnover)"
    r"(?:\s+(?:and|or)\s+[a-z]+)?\s+in\s+$"
)


# "The company sold ...", "Shares of the firm": a clause referring back to a company, not to a place
_COMPANY_NOUNS = ("company", "firm", "group", "carmaker", "automaker", "maker", "manufacturer", "shipbuilder",
                  "chipmaker")  # fmt: skip
_COMPANY_ANAPHOR_RE = re.compile(r"\b[Tt]he (?:" + "|".join(_COMPANY_NOUNS) + r")\b")
COMPANY_ANAPHORS = tuple("the " + noun for noun in _COMPANY_NOUNS)
"""The same, lower case, for a quick test of a whole article."""


def has_company_anaphor(text: str) -> bool:
    """Whether a clause refers back to a company ("The company sold", "shares of the firm").

    Args:
        text: a clause.

    Returns:
        True if it says "the company", "the firm", "the group" or "the <kind of> maker".
    """
    return "he " in text and bool(_COMPANY_ANAPHOR_RE.search(text))


def short_name(name: str, places: PlaceIndex) -> str | None:
    """The form a later sentence names an English company by: its name without the trade it is in
    ("Ridgewave E-Mobility" -> "Ridgewave", "Pearl Bay Appliances" -> "Pearl Bay"), when that is no place
    or common word; None for a Chinese name or a name of one word.

    Args:
        name: a company's English name as :func:`find_entities` found it.
        places: the compiled gazetteer.

    Returns:
        The short form, or None.
    """
    words = name.split()
    if len(words) < 2 or not name.isascii():
        return None
    short = " ".join(words[:-1])
    if len(short) < 4 or words[0] in _NOT_A_NAME or short in places.entity_of or words[0] in places.entity_of:
        return None
    return short


def has_anaphor(text: str) -> bool:
    """Whether a clause refers back to an earlier subject ("its imports", 其中).

    Args:
        text: a clause.

    Returns:
        True if it contains "its"/"Its", 其中 or 其.
    """
    if "其" in text or "公司" in text or "本届" in text or "该" in text or "全区" in text:
        return True
    # why: the regex tries every offset; without one of its words it cannot match
    lowered = text.lower()
    return any(word in lowered for word in _ANAPHOR_WORDS) and bool(_ANAPHOR_RE.search(text))
