"""Goods a headline names beside its flow word, whatever their name ends with, or as its subject.

:func:`segments.written_product` knows goods by the last character of their name (鞋, 机, 果 ...), which
keeps a subject's trade (民营企业出口, 湾区城市出口) from being read as goods anywhere in an article. A
headline's slot before or after its flow word is narrower: "廣東智慧貓砂盆出口前10月年增36%",
"顺德小家电上半年出口", "廣東前10月自台進口矽晶圓年增18%" name the article's goods there, and whatever stands
in the slot that is not a place, a period, a partner, a kind of trader or trade, or a move is goods. The
article's trade figures then take those goods as their part, so they are never filed under the whole's
exports or imports.

English feature headlines name a cluster's goods without a flow word: by its makers ("Shuikou's faucet makers
ride overseas demand", "Jinli hardware exporters broaden reach") or as the subject of a sale abroad
("Guangdong's electric toothbrushes brush up global sales", "Buji's silicone kitchenware heats up overseas"):
:func:`headline_goods_en` reads those as the goods of the article's exports.
"""

from __future__ import annotations

import re

from gdwatch.extractors.figures.lexicon import HEADLINE_VERBS_EN, PERIOD_REST_AFTER_DIGITS_ZH
from gdwatch.extractors.figures.subjects import TIME_WORDS_ZH

# A period written between the goods and the flow word (顺德小家电上半年出口, 大涌红木家具去年出口)
_PERIOD_AT_END = re.compile(rf"(?:{TIME_WORDS_ZH}|今年|去年|全年|当年)+$")
# goods may carry Latin letters (POS机, LED灯); a period's digits end the run
_HAN_RUN_END = re.compile(r"(?:[A-Za-z]*[\u4e00-\u9fff])+$")
# the goods after the flow word end where the move or the measure begins (进口矽晶圆年增18%, 出口西柚量增)
_GOODS_AFTER_FLOW = re.compile(
    r"([\u4e00-\u9fff]{2,8}?)(?=同比|按年|按月|环比|年增|年减|月增|月减|增长|增加|增|大增|猛增|劲增|急增|下降|下跌|"
    r"减少|降|跌|回落|升|涨|达|超|逾|突破|创|量|额|值|翻|[前首]|[上下]半|今年|去年|全年|\d|[\s，,：:、]|$)"
)
# what fills the slot without being goods: traders, channels and kinds of trade, measures, adverbs, and
# the rest of a period (月, 季, 年, 半); goods whose names hold these (月饼, 年糕) are read by their last
# character already
_NOT_GOODS = re.compile(
    r"企业|公司|民企|外企|国企|[外港台民]资|城市|地区|口岸|关区|港区|电商|服务|贸易|保税|采购|维修|意向|订单|指数|成交|"
    r"占比|货值|总值|总额|规模|均价|价格|增速|数量|金额|同比|环比|按年|按月|逆势|持续|稳步|保持|连续|较快|稳中|"
    r"量价|量值|大幅|小幅|两位数|期间|货物|广货|产业|行业|[季月年半]"
    # a move in the slot (增长近两成, 降幅收窄)
    r"|[增降减涨跌幅]"
)
# a partner in the slot (广货对中东, 粤自台): 自 and 向 open goods' names too (自行车, 向日葵)
_PARTNER_MARKS = "对向从自与同"


def headline_goods_zh(title: str, flow: re.Match[str], leading_words: re.Pattern[str]) -> str | None:
    """The goods a Chinese headline names right before its flow word (after the places and periods that
    open it) or right after it (before the move), or None.

    Args:
        title: the normalized headline.
        flow: the flow word's match (group 1 is 出口 or 进口; a 产品 before it belongs to the goods).
        leading_words: the places, periods and other words a subject may open with.

    Returns:
        The goods as written (simplified Chinese).
    """
    if flow.group(1) == "出口" and title[flow.start(1) - 1 : flow.start(1)] == "进":
        return None  # 进出口: two-way trade names no goods here
    before = _HAN_RUN_END.search(title, max(0, flow.start(1) - 17), flow.start(1))
    if before is not None:
        written = _PERIOD_AT_END.sub("", before.group())
        if before.start() and title[before.start() - 1].isdigit():
            written = PERIOD_REST_AFTER_DIGITS_ZH.sub("", written)
        goods = _after_opening(written, leading_words)
        if _is_goods(goods, leading_words):
            return goods
    after = _GOODS_AFTER_FLOW.match(title, flow.end())
    if after is not None:
        goods = _after_opening(after.group(1), leading_words)
        if _is_goods(goods, leading_words):
            return goods
    return None


def subject_goods_zh(body: str, flow_start: int, leading_words: re.Pattern[str]) -> str | None:
    """Goods a Chinese sentence's clause opens with as the whole subject of its flow word, whatever their name
    ends with (其中，LED灯串出口18.9亿元; 液晶电视出口82.6亿元), read as a headline's slot is; else None.

    Args:
        body: the sentence.
        flow_start: where the flow word (出口, 进口) starts.
        leading_words: the places, periods and other words a subject may open with.
    """
    if body[flow_start - 1 : flow_start] == "进" or body[flow_start + 2 : flow_start + 3] == "商":
        return None  # 进出口: two-way trade; 进口商: the importers
    run = _HAN_RUN_END.search(body, max(0, flow_start - 17), flow_start)
    if run is None or (run.start() and body[run.start() - 1] not in _CLAUSE_OPENERS):
        return None  # not the clause's whole subject: a verb or a name runs on before it
    written = _PERIOD_AT_END.sub("", run.group())
    if _NOT_A_GOODS_SUBJECT.search(written):
        return None  # 广东对墨西哥出口, 该国, 线下出口成交: a partner, an anaphor or a channel, not goods
    goods = _after_opening(written, leading_words)
    return goods if _is_goods(goods, leading_words) else None


# a body's subject names a partner, an anaphor or a channel where a headline's slot would not
_NOT_A_GOODS_SUBJECT = re.compile(
    r"[对自向从与同该的和及但占比为达]|线[上下]|网[上络]|出口|进口|预计|商户|本地|本港|本澳|平均|相当|等于|贡献|合作社"
    r"|几家|多家|各家|分别|依次|[两三四五]地"
)
# what a clause's subject follows: the sentence's start, a comma, a colon, a list's 、
_CLAUSE_OPENERS = frozenset("，,。；;：:、 ")


def _after_opening(written: str, leading_words: re.Pattern[str]) -> str:
    """What is written after the places, periods and other words a subject opens with."""
    opening = leading_words.match(written)
    return written[opening.end() :] if opening else written


def _is_goods(written: str, leading_words: re.Pattern[str]) -> bool:
    """Whether what fills a headline's flow slot is goods: not a place, a period, a partner or a word of
    :data:`_NOT_GOODS`."""
    if not 2 <= len(written) <= 10 or leading_words.fullmatch(written) or _NOT_GOODS.search(written):
        return False
    return not any(
        mark in _PARTNER_MARKS and leading_words.fullmatch(written[index:])
        for index, mark in enumerate(written)
    )


# "faucet makers", "hardware exporters", "circuit board makers": up to three lower-case words before them
_MAKERS_EN = re.compile(
    r"(?:^|[\s'’-])((?:[a-z][a-z-]+\s+){0,2}[a-z][a-z-]+)\s+(?:makers|exporters|producers|manufacturers)\b"
)
# "Guangdong's electric toothbrushes", "Guangdong-made rice cookers", or else goods opening the headline
_OWNED_GOODS_EN = re.compile(r"\b[A-Z]\w*(?:'s|’s|-made)\s+((?:[a-z][a-z-]*\s+){1,4})")
_OPENING_GOODS_EN = re.compile(r"^((?:[A-Z][a-z-]*\s+)(?:[a-z][a-z-]*\s+){0,3})")
_FLOW_EN = re.compile(r"\b(?:exports?|imports?|shipments|trade)\b", re.I)
# where a headline says the goods are sold abroad
_ABROAD_EN = re.compile(r"\b(?:abroad|overseas|global|world|foreign|exports?|buyers|markets)\b", re.I)


def headline_goods_en(title: str, mass_nouns: frozenset[str], not_products: frozenset[str]) -> str | None:
    """The goods an English feature headline names by their makers or as the subject it sells abroad, or None.

    Args:
        title: the normalized headline.
        mass_nouns: goods named in the singular (kitchenware, hardware, tea).
        not_products: words that name no goods (the whole, a direction, a kind of value).

    Returns:
        The goods as written, lower case ("faucet"; :func:`segments.plural_product` names them).
    """
    makers = _MAKERS_EN.search(title)
    if makers is not None:
        words = makers.group(1).split()
        while words and words[0] in not_products:
            words.pop(0)
        if words and not any(word in not_products for word in words):
            return " ".join(words)
    if _FLOW_EN.search(title) or not _ABROAD_EN.search(title):
        return None  # a headline with a flow word names its goods before it, or none
    subject = _OWNED_GOODS_EN.search(title) or _OPENING_GOODS_EN.match(title)
    if subject is None:
        return None
    words = subject.group(1).lower().split()
    # the goods run up to the headline's verb: "robotic pool cleaners make a splash overseas"
    verb = next((index for index, word in enumerate(words) if word in HEADLINE_VERBS_EN), None)
    if verb is None or not 1 <= verb <= 3 or any(word in not_products for word in words[:verb]):
        return None
    head = words[verb - 1]
    if (
        head.endswith(("ware", "wear"))
        or head in mass_nouns
        or (head.endswith("s") and not head.endswith("ss"))
    ):
        return " ".join(words[:verb])
    return None
