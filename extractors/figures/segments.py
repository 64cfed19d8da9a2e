"""The part of the whole a figure is about (its segment): "private enterprises", "electromechanical products".

A figure about a part ("exports of electromechanical products rose 5 percent", 民营企业进出口4.1万亿元) keeps
the metric of its measure and gets the part as its segment, so it is compared only with reports of the same
part, never with the whole (docs/figure-labels-v2.md, rule 9). The part is found in the figure's sentence:
the nearest segment phrase before the figure, unless a clause after it names another subject, or the phrase
right after the metric phrase ("exports of drones").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from gdwatch.config.models import SegmentDefinition
from gdwatch.extractors.figures.headline_goods import headline_goods_en, headline_goods_zh
from gdwatch.extractors.figures.lexicon import (
    AFTER_PRODUCT_EN,
    MASS_NOUNS_EN,
    NOT_PRODUCT_HEADS_EN,
    PERIOD_REST_AFTER_DIGITS_ZH,
    VERBS_AND_ADVERBS_EN,
    WIRE_DATELINE_EN,
    WITH_GUANGDONG_ZH,
)
from gdwatch.extractors.figures.scan import literal_pattern


@dataclass(frozen=True)
class SegmentIndex:
    """The catalogue's parts (``[[segments]]`` of config/metrics.toml) compiled for matching: built once
    per :class:`engine.FigureExtractor`."""

    by_written: dict[str, str]
    """Each written form (English lower case, simplified Chinese) -> its segment ("" for the whole)."""
    pattern: re.Pattern[str]
    measures: frozenset[str]
    """Segments that name a measure with no catalogue metric ("container throughput"): its rates and amounts
    take the segment, and its counts in its own units (:meth:`may_count`)."""
    measure_units: dict[str, frozenset[str]]
    """A measure -> the canonical units it is counted in ("container throughput" -> TEU)."""
    implied: dict[str, str]
    """A unit that names one measure alone -> that measure (TEU -> "container throughput")."""
    in_money: dict[str, str]
    """A part -> the part its figures in money are (``in_money``: "overseas sales" -> "overseas business")."""

    @classmethod
    def build(cls, segments: tuple[SegmentDefinition, ...]) -> SegmentIndex:
        """Compile the catalogue's parts.

        Args:
            segments: the catalogue's segment definitions.

        Returns:
            The index.
        """
        by_written = {
            written: "" if segment.whole else segment.name
            for segment in segments
            for written in (*segment.en, *segment.zh_hans)
        }
        # why: one trie of the literals (the engine skips ahead by first character); word boundaries of the
        # English names are checked on each match instead of with look-arounds, which made every offset a try
        return cls(
            by_written=by_written,
            pattern=re.compile(literal_pattern(by_written)),
            measures=frozenset(segment.name for segment in segments if segment.measure),
            measure_units={segment.name: frozenset(segment.units) for segment in segments if segment.units},
            implied={unit: segment.name for segment in segments for unit in segment.implied_by},
            in_money={segment.name: segment.in_money for segment in segments if segment.in_money},
        )

    def may_count(self, segment: str | None, unit: str) -> bool:
        """Whether a count in ``unit`` can be a figure of ``segment``: any count of a part or of the whole, a
        measure's counts only in its own units ("handled 1.86 million TEUs" is container throughput; "from 223
        countries and regions" in the same sentence, or 港车北上车辆5.82万辆次 after 出入境旅客, is not).

        Args:
            segment: a segment name, or None for the whole.
            unit: the count's canonical unit.

        Returns:
            False when the segment is a measure not counted in that unit.
        """
        return segment not in self.measures or unit in self.measure_units.get(segment, ())


_DESCRIBES_A_FIRM = re.compile(
    r"\s*(?:maker|manufacturer|producer|giant|brand)\b|[^，。；]{0,4}(?:制造商|厂商|生产商)"
)


class SegmentMention(NamedTuple):
    """A segment phrase in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    segment: str


def find_segments(lowered: str, index: SegmentIndex) -> list[SegmentMention]:
    """The segment phrases a sentence names.

    Args:
        lowered: the sentence with ASCII letters lower-cased.
        index: the catalogue's parts.

    Returns:
        The mentions in order.
    """
    found = []
    for match in index.pattern.finditer(lowered):
        start, end = match.span()
        if match.group().isascii() and (
            (lowered[start - 1 : start].isalpha() and lowered[start - 1 : start].isascii())
            or (lowered[end : end + 1].isalpha() and lowered[end : end + 1].isascii())
        ):
            continue
        if _DESCRIBES_A_FIRM.match(lowered, end):
            continue  # "a home appliance maker", "a drone maker": what one firm makes, not a part
        negated = 0
        if lowered[max(0, start - 4) : start] == "non-":
            negated = 4
        elif lowered[start - 1 : start] == "非":
            negated = 1
        if negated:
            # "non-gaming revenue", 非博彩收入: everything but the part, named as written
            found.append(SegmentMention(start - negated, end, lowered[start - negated : end]))
            continue
        found.append(SegmentMention(start, end, index.by_written[match.group()]))
    return found


def parts(mentions: list[SegmentMention]) -> list[SegmentMention]:
    """The mentions that name a part (not a company's whole, "revenue").

    Args:
        mentions: a sentence's segment mentions.

    Returns:
        Those with a segment.
    """
    return [mention for mention in mentions if mention.segment]


def inside_a_part(mentions: list[SegmentMention], start: int, end: int) -> bool:
    """Whether a catalogue phrase is only a piece of a longer part's name ("trade" in "general trade",
    零售额 in 网络零售额): the part is named, not the phrase's whole measure.

    Args:
        mentions: the sentence's segment mentions.
        start: where the phrase starts.
        end: where it ends.

    Returns:
        True when a longer part's name covers the phrase.
    """
    return any(
        m.segment and m.start <= start and end <= m.end and m.end - m.start > end - start for m in mentions
    )


# 水产品出口, 纯电动乘用车出口, 冻虾出口: a product the catalogue does not list, written before its trade
_PRODUCT_WRITTEN = re.compile(
    r"([\u4e00-\u9fff]{0,11}(?:产品|商品|品|器|机|车|具|材|鞋|服|装|鱼|虾|菜|果|茶|瓷|池|备|件|饰|片|钢|板|船|刀|剪|砖|灯|药|械"
    # goods whose names end otherwise: 家私 (Cantonese furniture), 沙发, 内衣, 箱包, 眼镜, 手表 ...
    r"|私|发|衣|裤|袜|帽|包|镜|纸|料|油|酒|米|肉|糖|烟|表|伞|柜|桌|椅|床|缆|泵|阀|锁|球|瓶|杯|壶|锅|炉|扇|玉"
    # 五金 (hardware), 显示屏, 屏幕, and cloth: 棉纱, 面料布, 丝绸
    r"|金|屏|幕|纱|布|绸"
    # electronics and parts: 相机模组, 光模块, 陶瓷电容, 电感, 数据线, 镜头, 音箱, 外设, 滑鼠, 空调, 基座
    r"|模组|模块|机组|电容|电感|线|镜头|接头|音箱|冰箱|外设|鼠|电脑|空调|座"
    # other goods: 月饼, 轮胎, 筋膜枪, 保护膜, 化妆刷, 美容仪, 卫生巾, 铜精矿, 假睫毛, 玻璃, 电子秤, 砂仁
    r"|饼|胎|枪|膜|刷|仪|巾|矿|睫毛|玻璃|签|秤|缸|仁|袜子|鞋子|橘红|白兰地"
    # raw and farm goods: 天然橡胶, 燕麦, 棉花 (花), 奶粉, 辣椒酱, 果汁, 铝, 铜, 锌, 煤, 木炭
    r"|胶|麦|棉|粉|酱|汁|糕|膏|铝|铜|锌|煤|炭"
    # farm and forest goods: 肉桂, 荔枝, 陈皮, 鲜花, 香菇, 香蕉, 红木, 蚕丝, 柚子 ...
    r"|桂|枝|皮|花|菇|蕉|瓜|莲|橙|柑|桔|姜|椒|豆|蛋|奶|丝|竹|木|鸡|鸭|鹅|柚子|桔子|橘子|种子|粽子|椰子"
    # a category of goods (鞋类, 箱包类, 塑料制品类), not a kind of anything (各类, 这类, 品类)
    r"|(?<![各此这该同两三几大品门种])类))"
)


# what stands before "exports" without naming a product: the goods as a whole, a direction, a kind of value
_NOT_PRODUCTS_EN = frozenset(
    [
        "goods",
        "whole",
        "inbound",
        "outbound",
        "overseas",
        "foreign",
        "merchandise",
        "commodity",
        "commodities",
        "product",
        "products",
        "gross",
        "net",
        "value",
        "volume",
        "such",
        "these",
        "those",
        "other",
        "all",
        "two-way",
        "bilateral",
        "commerce",
    ]
)
_HEAD_NOUNS_EN = frozenset(["products", "goods"])
_PRODUCT_NOUNS = frozenset(["product", "products"])
_NOT_NOUN_ENDINGS = ("ed", "ing", "ly")
_FLOW_KINDS_EN = frozenset(["domestic", "direct", "general", "processing", "bonded"])
_PRODUCT_WORDS_EN = re.compile(r"(?:^|[\s,;(])((?:[a-z][a-z-]{2,}\s+){1,2})$")


def written_product_en(
    body: str, hit_start: int, not_products: frozenset[str], words_before: re.Pattern[str] | None = None
) -> str | None:
    """A product named as written right before an English trade phrase ("denim exports", "Guangdong's tea
    exports" -> "denim", "tea"), or None.

    Args:
        body: the sentence.
        hit_start: where the trade phrase starts.
        not_products: words that may stand before a phrase naming the whole ("total", "the", "annual").
        words_before: how many words the product may have (two unless given).

    Returns:
        The product, lower case.
    """
    found = (words_before or _PRODUCT_WORDS_EN).search(body, max(0, hit_start - 40), hit_start)
    if found is None:
        return None
    words = found.group(1).split()
    while words and words[0] in not_products:
        words.pop(0)
    last = len(words) - 1
    if not words or any(
        _names_no_goods(word, not_products, position == last)
        # "pet product exports": "product" after the goods' own word is part of their name
        and not (word in _PRODUCT_NOUNS and position > 0)
        for position, word in enumerate(words)
    ):
        return None
    return " ".join(words)


def _names_no_goods(word: str, not_products: frozenset[str], last: bool = True) -> bool:
    """Whether a word before a trade phrase rules out a product: a word for the whole, a verb or an adverb.
    A participle before the goods' noun describes them ("processed food exports", "fishing tackle"); "supply"
    is a noun."""
    return (
        word in not_products
        or word in _NOT_PRODUCTS_EN
        or word in VERBS_AND_ADVERBS_EN
        or (word.endswith(_NOT_NOUN_ENDINGS) and (last or word.endswith("ly")) and not word.endswith("pply"))
    )


# "Motorcycle exports from ... rose": a product opening the sentence, after a wire dateline if any
_OPENING_PRODUCT_EN = re.compile(
    rf"^(?:{WIRE_DATELINE_EN})?"
    r"([A-Z][a-z-]{2,}(?:\s+[a-z][a-z-]{2,})?)\s+$"
)


# a channel or a kind written before the flow, with no plural: "bonded online imports", "solar exports"
_NO_PLURAL_EN = frozenset(["online", "offline", "solar", "bonded", "direct-mail"])


def plural_product(product: str) -> str:
    """A product written as a noun adjunct, named as goods are named: "motorcycle" -> "motorcycles",
    "battery" -> "batteries", "ceramic" -> "ceramics", "agricultural" -> "agricultural products", "aquatic" ->
    "aquatic products"; a mass
    noun or a plural stays as it is ("tea", "denim", "drones").

    Args:
        product: the product as written, lower case.

    Returns:
        The product's name.
    """
    head = product.rsplit(" ", 1)[-1]
    if (
        head in _NO_PLURAL_EN
        or head in MASS_NOUNS_EN
        or head.endswith(("s", "ware", "wear", "fruit"))
        or not head.isalpha()
    ):
        return product
    if head == "material":
        return product + "s"  # "construction material exports": construction materials
    if head.endswith("al") or (head.endswith("ic") and head not in {"ceramic", "fabric", "garlic", "mosaic"}):
        # "agricultural exports", "aquatic exports": exports of agricultural or aquatic products
        return product + " products"
    if head.endswith("y") and head[-2:-1] not in "aeiou":
        return product[:-1] + "ies"
    if head.endswith(("sh", "ch", "x")):
        return product + "es"
    if head.endswith("ife"):
        return product[:-2] + "ves"  # "knife exports": exports of knives
    return product + "s"


_HEADLINE_FLOW_EN = re.compile(r"\b(exports?|shipments|imports?)\b")
_HEADLINE_FLOW_ZH = re.compile(r"(?:产品)?(出口|进口)")
# the plural nouns only: "appliance makers ride export wave" trades no goods of its own
_HEADLINE_WRITTEN_FLOW_EN = re.compile(r"\b(exports|shipments|imports)\b")
# up to three words in a headline: "robotic lawn mower exports"
_HEADLINE_PRODUCT_WORDS_EN = re.compile(r"(?:^|[\s,;(])((?:[a-z][a-z-]{2,}\s+){1,3})$")
_TRADE_BEFORE = re.compile(r"\btrade\b|贸易|进出口|外贸")
# who trades or when, not what: "appliance makers' exports", "third-quarter exports"
_NO_GOODS_IN_A_HEADLINE_EN = re.compile(
    r"\b(?:makers?|firms?|producers?|manufacturers?|companies|sector|industry)\b|quarter|month|year|half|week"
)


def headline_traded_part(lowered: str, index: SegmentIndex) -> tuple[str, str] | None:
    """The goods a headline says are traded, and the flow: "Jiangmen motorcycle exports hit record" ->
    ("exports", "motorcycles"), 前三季度广东新能源汽车出口增长27.5% -> ("exports", "new energy vehicles").
    Only catalogued goods count, written right before the flow word, so "Guangdong's exports" names none.

    Args:
        lowered: the normalized headline with ASCII letters lower-cased.
        index: the catalogue's parts.

    Returns:
        (flow, segment) for the first traded goods named, or None.
    """
    for match in _HEADLINE_FLOW_EN.finditer(lowered):
        words = lowered[: match.start()].replace("'s ", " ").split()[-4:]
        for size in range(len(words), 0, -1):
            written = " ".join(words[-size:])
            for form in (written, plural_product(written)):
                segment = index.by_written.get(form)
                if segment and segment not in index.measures:
                    return ("imports" if match.group(1).startswith("import") else "exports"), segment
    for match in _HEADLINE_FLOW_ZH.finditer(lowered):
        for mention in find_segments(lowered[: match.start()], index):
            # 农产品出口: the 产品 the flow pattern takes belongs to the goods' name
            ends_at_flow = mention.end in {match.start(), match.start(1)}
            if ends_at_flow and mention.segment and mention.segment not in index.measures:
                return ("imports" if match.group(1) == "进口" else "exports"), mention.segment
    return None


def headline_written_part(
    title: str, not_products: frozenset[str], leading_words: re.Pattern[str]
) -> tuple[str, str] | None:
    """Goods no catalogue lists, written right before a headline's flow word, and the flow: "Guangdong
    robotic lawn mower exports surge" -> ("exports", "lawn mowers"), 前8月广东割草机器人出口增长68% ->
    ("exports", "割草机器人"). English is read only when written in lower case, where a product stands out
    from the capitalised names before it.

    Args:
        title: the normalized headline.
        not_products: words that may stand before a phrase naming the whole ("total", "the", "annual").
        leading_words: the places, periods and other words a subject may open with.

    Returns:
        (flow, product) for the first traded goods written, or None.
    """
    for match in _HEADLINE_WRITTEN_FLOW_EN.finditer(title):
        if _TRADE_BEFORE.search(title, 0, match.start()):
            break  # "Guangdong-Germany trade grows as machinery imports pick up": the trade is the subject
        product = written_product_en(title, match.start(), not_products, _HEADLINE_PRODUCT_WORDS_EN)
        if product and not _NO_GOODS_IN_A_HEADLINE_EN.search(product):
            return ("imports" if match.group(1).startswith("import") else "exports"), plural_product(product)
    for match in _HEADLINE_FLOW_ZH.finditer(title):
        if _TRADE_BEFORE.search(title, 0, match.start()):
            break
        product = written_product(title, match.start(), leading_words) or headline_goods_zh(
            title, match, leading_words
        )
        if product:
            return ("imports" if match.group(1) == "进口" else "exports"), product
    if _TRADE_BEFORE.search(title):
        return None
    goods = headline_goods_en(title, MASS_NOUNS_EN, not_products | _NOT_PRODUCTS_EN)
    return ("exports", plural_product(goods)) if goods else None


def opening_product_en(
    body: str, hit_start: int, not_products: frozenset[str], names: Callable[[str], bool]
) -> str | None:
    """A product written with a capital because it opens the sentence ("Motorcycle exports from Jiangmen
    rose", "Laptop exports rose"), or None when the word is a name (a place, a partner, a company).

    Args:
        body: the sentence.
        hit_start: where the trade phrase starts.
        not_products: words that may stand before a phrase naming the whole ("Total", "Annual").
        names: whether a capitalised word is a name the gazetteer knows.

    Returns:
        The product, lower case.
    """
    found = _OPENING_PRODUCT_EN.match(body[:hit_start])
    if found is None or names(found.group(1).split()[0]):
        return None
    words = found.group(1).lower().split()
    if any(_names_no_goods(w, not_products) for w in words):
        return None
    if words[0] in _FLOW_KINDS_EN:
        return None  # "Domestic exports" (Hong Kong's, not re-exports): a kind of the flow, not goods
    return plural_product(" ".join(words))


# "exports of prepared dishes rose", "imports of crude oil from the Middle East": the words after "of" up to
# the verb, a preposition or punctuation; "and" joins two nouns ("vegetables and fruits")
# a word of a product's name: "prepared", "3d" (3D printers), never a number
_PRODUCT_WORD_EN = r"(?:\d+[a-zA-Z][a-z-]*|[a-z][a-z-]*)"
_OF_PRODUCT_EN = re.compile(rf"\s+of\s+((?:{_PRODUCT_WORD_EN}\s+){{0,5}}{_PRODUCT_WORD_EN})")


def written_product_after_en(body: str, hit_end: int) -> str | None:
    """A product named as written right after an English trade phrase ("exports of prepared dishes rose",
    "imports of crude oil from ..." -> "prepared dishes", "crude oil"), or None.

    Args:
        body: the sentence.
        hit_end: where the trade phrase ends.

    Returns:
        The product, lower case, at most four words.
    """
    found = _OF_PRODUCT_EN.match(body, hit_end)
    if found is None:
        return None
    words: list[str] = []
    for word in found.group(1).split():
        if word in AFTER_PRODUCT_EN or (words and word.endswith("ed") and word != "seed"):
            break
        words.append(word)
    while words and words[-1] == "and":
        words.pop()
    # "pet products", "ceramic goods": a head noun after a word naming them; alone it names nothing
    named = words[:-1] if len(words) > 1 and words[-1] in _HEAD_NOUNS_EN else words
    if (
        not 0 < len(words) <= (6 if "and" in words else 4)
        or words[0] in NOT_PRODUCT_HEADS_EN
        or any(w in _NOT_PRODUCTS_EN for w in named)
        or (len(words) == 1 and words[0].endswith("ing"))
    ):
        return None
    return " ".join(words).lower()  # "3D printers" -> "3d printers", as every segment is written


_ABROAD_EN = re.compile(r"\s+(?:abroad|overseas)\b")
_SHIPPED_OBJECT_EN = re.compile(r"\s+((?:[a-z][a-z-]*,?\s+){0,5}[a-z][a-z-]*)$")


def shipped_product_en(body: str, verb_end: int) -> str | None:
    """The goods a verb ships abroad, as written ("shipped 33.4 billion yuan worth of toys abroad", "sold
    knives, scissors and kitchen tools abroad worth ..." -> "toys", "knives, scissors and kitchen tools"), or
    None for goods it does not name ("goods", "them").

    Args:
        body: the sentence.
        verb_end: where the verb ends.

    Returns:
        The goods, lower case.
    """
    abroad = _ABROAD_EN.search(body, verb_end)
    if abroad is None:
        return None
    lowered = body[: abroad.start()].lower()
    between = lowered[verb_end:]
    worth = between.find(" worth ")
    if worth >= 0 and not any(ch.isdigit() for ch in between[:worth]):
        between = between[:worth]  # "shipped Christmas decorations worth RMB9.86 billion overseas"
    else:
        of = between.rfind(" of ")
        if of >= 0:  # "shipped 33.4 billion yuan worth of toys abroad"
            return written_product_after_en(lowered, verb_end + of)
    found = _SHIPPED_OBJECT_EN.fullmatch(between)
    if found is None:
        return None
    words = found.group(1).replace(",", " ").split()
    if words[0] in NOT_PRODUCT_HEADS_EN or any(w in _NOT_PRODUCTS_EN for w in words):
        return None
    return found.group(1)


_HAN_RUN_END = re.compile(r"[\u4e00-\u9fff]{2,16}$")
_AND_ZH = re.compile("[和及与]")


def traded_object_zh(body: str, figure_start: int) -> tuple[int, int] | None:
    """Where the goods are that a Chinese trade verb takes right before an amount (出口鞋类612.4亿元,
    分别进口大豆…), or None.

    Args:
        body: the sentence.
        figure_start: where the amount starts.

    Returns:
        The goods' (start, end) in ``body``.
    """
    found = _TRADED_OBJECT_ZH.search(body, max(0, figure_start - 14), figure_start)
    if found is None or _PRODUCT_WRITTEN.fullmatch(found.group(1)) is None:
        return None
    return found.span(1)


# 出口鞋类612.4亿元; the goods supplied to Hong Kong or Macao with their value: 供港蔬菜货值5.7亿元
_TRADED_OBJECT_ZH = re.compile(
    r"(?:出口|进口|[供输][港澳])的?([\u4e00-\u9fff]{2,12}?)(?:货值|价值)?(?:达|为|约)?$"
)


def names_goods(written: str) -> bool:
    """Whether Chinese text names goods, as :func:`written_product` reads them (白兰地, 榴莲, 冻虾)."""
    found = _PRODUCT_WRITTEN.fullmatch(written)
    return found is not None and len(written) >= 2


def written_product(body: str, hit_start: int, leading_words: re.Pattern[str]) -> str | None:
    """A product named as written right before a trade phrase ("湛江市水产品出口" -> 水产品), or None.

    Args:
        body: the sentence.
        hit_start: where the trade phrase starts.
        leading_words: the places, periods and other words a subject may open with
            (:class:`subjects.SubjectGrammar`).

    Returns:
        The product (simplified Chinese), without the places and periods before it.
    """
    if body.startswith(WITH_GUANGDONG_ZH, hit_start):
        return None  # 中美洲国家尼加拉瓜与广东的贸易: the partner stands before the trade, not goods
    window = body[max(0, hit_start - 17) : hit_start]
    run = _HAN_RUN_END.search(window)
    listed = _AND_ZH.search(run.group()) if run else None
    respectively = "分别" in body[hit_start:]
    if run is None or (respectively and (listed or window[: run.start()].endswith("、"))):
        return None  # 钢材、水产品出口分别增长: a list, whose items a respectively reading pairs
    # (服装及衣着附件出口, 动漫及衍生品出口: one category of goods, named with 及)
    written = run.group()
    if run.start() and window[run.start() - 1].isdigit():
        # 前10个月广东钟表出口: the rest of a period written with a digit opens the run
        written = PERIOD_REST_AFTER_DIGITS_ZH.sub("", written, count=1)
    opening = leading_words.match(written)
    # the longest opening of places and periods that leaves a product's name: 广州月饼 is 月饼, not 饼
    for cut in range(opening.end() if opening else 0, -1, -1):
        if cut and not leading_words.fullmatch(written, 0, cut):
            continue
        if names_goods(written[cut:]):
            return written[cut:]
    return None


def counted_segment(mentions: list[SegmentMention], body: str, figure_end: int) -> str | None:
    """The segment a count is of when the counted things are one ("243,000 industrial robots", 新能源汽车).

    Args:
        mentions: the sentence's segment mentions.
        body: the sentence.
        figure_end: where the figure (its number and scale) ends.

    Returns:
        The canonical segment, or None.
    """
    for mention in parts(mentions):
        if figure_end <= mention.start <= figure_end + 12 and _COUNTED_GAP.fullmatch(
            body[figure_end : mention.start]
        ):
            return mention.segment
    return None


_COUNTED_GAP = re.compile(r"\s*(?:units? of\s+|sets of\s+|more\s+|new\s+|[辆台架艘套部个只])?\s*")


def written_industry(body: str, clause_start: int, figure_start: int) -> str | None:
    """An industry named as the subject of an added-value rate, as written ("汽车制造业下降1.9%" ->
    汽车制造业), so that it is never one key with the whole industry's rate.

    Args:
        body: the sentence.
        clause_start: where the figure's clause starts.
        figure_start: where the figure starts.

    Returns:
        The industry as written (simplified), or None.
    """
    found = _INDUSTRY_WRITTEN.search(body, clause_start, figure_start)
    if found is None:
        return None
    written = _INDUSTRY_LEAD.sub("", found.group(1))
    return INDUSTRIES.get(written, written) or None


INDUSTRIES = {
    "高技术制造业": "high-tech manufacturing",
    "先进制造业": "advanced manufacturing",
    "装备制造业": "equipment manufacturing",
    "计算机、通信和其他电子设备制造业": "electronic equipment manufacturing",
    "计算机通信和其他电子设备制造业": "electronic equipment manufacturing",
    "计算机通信电子设备制造业": "electronic equipment manufacturing",
    "电池制造业": "battery manufacturing",
    "电子零组件制造业": "electronic components manufacturing",
    "电子设备制造业": "electronic equipment manufacturing",
    "电气机械和器材制造业": "electrical machinery manufacturing",
    "汽车制造业": "automobile manufacturing",
}
"""Industries of the statistics bureaus' classification by their English names, so that English and Chinese
reports of one industry's added value meet; others keep their Chinese name."""


_INDUSTRY_WRITTEN = re.compile(
    r"([\u4e00-\u9fff、]{2,24}?(?:制造业|行业|产业))(?:增加值)?(?:分别)?(?:同比)?(?:增长|下降|回落|提高)?$"
)
_INDUSTRY_LEAD = re.compile(r"^(?:其中|分行业看|分行业|从行业看|其|而)?(?:第[一二三四五]大(?:行业|产业))?")


def choose_segment(
    mentions: list[SegmentMention],
    figure_start: int,
    hit_span: tuple[int, int] | None,
    whole_hits: list[tuple[int, int]],
    clause: Callable[[int], tuple[int, int]],
    body: str,
) -> str | None:
    """The segment of a figure, or None for the whole.

    Args:
        mentions: the sentence's segment mentions.
        figure_start: where the figure starts.
        hit_span: the catalogue phrase chosen for the figure, if any: a mention inside it is the metric's
            own name ("cross-border e-commerce exports"), not a part.
        whole_hits: spans of catalogue phrases naming a whole quantity.
        clause: (start, end) of the clause holding an offset.
        body: the sentence, to see a part written with the figure's phrase and "their" referring back.

    Returns:
        The canonical segment, or None.
    """
    figure_clause = clause(figure_start)
    if hit_span is not None and not any(
        hit_span[1] <= m.start < figure_start and clause(m.start) == figure_clause != clause(hit_span[0])
        for m in parts(mentions)
    ):
        # the part written with the figure's own phrase: "exports of labour-intensive products such as toys"
        # (not when a later clause names its own part: "国有企业增加值增长3.2%，民营企业增长6.4%")
        for mention in parts(mentions):
            if mention.start < figure_start and _joined(body, mention, hit_span):
                return mention.segment
    for index in range(len(mentions) - 1, -1, -1):
        mention = mentions[index]
        if mention.start >= figure_start:
            continue
        inside_hit = bool(hit_span and hit_span[0] <= mention.start and mention.end <= hit_span[1])
        if not mention.segment and inside_hit:
            if _COMPANYS.search(body[max(0, mention.start - 16) : mention.start]):
                return None  # "Pearl Bay Appliances, a home appliance maker, said its revenue rose"
            continue  # "the electronic information cluster reported revenue of": the part's phrase
        if not mention.segment:
            if _DENOMINATOR.search(body[max(0, mention.start - 12) : mention.start]):
                continue  # "47% of revenue", 占总营收: the whole a share is taken of
            previous = mentions[index - 1] if index else None
            if previous and _PART_REVENUE.fullmatch(body[previous.end : mention.start]):
                continue  # 消费级无人机营收, "drone revenue": the part's revenue
            return None  # the company's whole ("revenue") is the nearest thing named
        if inside_hit or _in_a_composition(body, mention, figure_start):
            continue
        own_clause = clause(mention.start)
        if any(
            mention.end <= start < figure_start
            and clause(start) != own_clause
            and not _still_the_parts(body, mention, start, end)
            for start, end in whole_hits
        ):
            return None  # a later clause names another subject: "..., while foreign trade as a whole grew 3%"
        return mention.segment
    return None


# "Exports, led by motorcycles, mobile phones and photovoltaic modules, rose 38.6 percent": what the whole is
# made of, told in an apposition, is no part of the figure after it
_COMPOSITION_CUE = re.compile(
    r",\s*(?:mainly|chiefly|mostly|largely|primarily|predominantly|led by|dominated by|headed by|including"
    r"|such as|notably|especially)\s+[^\d,;.]*(?:,\s*[^\d,;.]*)*$",
    re.I,
)


def _in_a_composition(body: str, mention: SegmentMention, figure_start: int) -> bool:
    """Whether the mention is an item of an apposition telling what a whole is made of, closed before the
    figure ("Imports from Hungary, mainly auto parts and medicines, came to 3.5 billion yuan")."""
    if _COMPOSITION_CUE.search(body, max(0, mention.start - 90), mention.start) is None:
        return False
    closing = body.find(",", mention.end, figure_start)
    return (
        closing >= 0
        and not any(char.isdigit() for char in body[mention.end : closing])
        and _ABOUT_THE_ITEM.match(body, closing + 1) is None
    )


# "led by electromechanical products, which rose 29.1 percent": the apposition goes on about its item
_ABOUT_THE_ITEM = re.compile(
    r"\s*(?:which|that|whose|up|down|rising|growing|climbing|falling|accounting)\b", re.I
)


_DENOMINATOR = re.compile(
    r"(?:\bof|\bto|占|在)\s*(?:the\s+)?(?:company's\s+|group's\s+|its\s+|total\s+|总)?$", re.I
)
_COMPANYS = re.compile(r"(?:\bits|\bthe (?:company|group|firm)'s|公司|集团|其)\s*$", re.I)
_PART_REVENUE = re.compile(r"(?:产业|行业|业务|的|'s|’s)?\s*")


# "Private enterprises, the mainstay of the province's trade, saw ...": the whole named as what the part is of
_OF_A_WHOLE = re.compile(r"\bof\s+(?:the\s+)?(?:[a-z]+'s\s+|its\s+)?$", re.I)


# "Private enterprises, ..., saw imports and exports of 1.21 trillion yuan": the part's measure, its object
_OBJECT_OF_A_VERB = re.compile(
    r"\b(?:saw|posted|recorded|reported|registered|logged|had|handled|achieved)\s+(?:their\s+|its\s+)?$", re.I
)


def _still_the_parts(body: str, mention: SegmentMention, start: int, end: int) -> bool:
    """Whether a whole's phrase in a later clause still speaks of the part: "their imports", the part's
    measure repeated, "the mainstay of the province's trade", "saw imports and exports of"."""
    return bool(
        _BACK_REFERENCE.search(body[max(0, start - 20) : start])
        or _DESCRIBED_THEN_MEASURED.fullmatch(body[mention.end : start])
        or _same_measure(body, mention, body[start:end])
        or _OF_A_WHOLE.search(body[max(0, start - 24) : start])
        or _OBJECT_OF_A_VERB.search(body[max(0, start - 12) : start])
    )


def _same_measure(body: str, mention: SegmentMention, phrase: str) -> bool:
    """Whether a later phrase repeats the measure written with the part: "出口新能源汽车43.2万辆，…，出口额
    716.5亿元" (the part's export value), "exports of drones rose 12%, ... export value reached" ."""
    head = phrase[:2] if not phrase[:1].isascii() else phrase.split()[0].lower()[:5]
    around = body[max(0, mention.start - 8) : mention.start] + body[mention.end : mention.end + 8]
    return len(head) >= 2 and head in around.lower()


# "Private enterprises ..., with their imports and exports climbing 7.5 percent": the phrase is the part's
# "... saw their combined imports and exports expand 7.7 percent"
_BACK_REFERENCE = re.compile(r"(?:\btheir|\bits|其)(?:\s+(?:combined|total|overall|own))?\s*$", re.I)
# 民营企业是“广货出海”的主力军，一季度出口…: the part is described, then its measure follows with no subject
_DESCRIBED_THEN_MEASURED = re.compile(
    r"是[^，。；]{1,16}[，,]\s*(?:一季度|二季度|三季度|四季度|上半年|前三季度|全年|同期|今年)?"
)


def _joined(body: str, mention: SegmentMention, hit_span: tuple[int, int]) -> bool:
    if mention.end <= hit_span[0]:
        return bool(_JOIN_BEFORE.match(body[mention.end : hit_span[0]]))
    if mention.start >= hit_span[1]:
        return bool(_JOIN_AFTER.match(body[hit_span[1] : mention.start]))
    return False


# "private firms' imports", 玩具出口, 玩具对东南亚出口 (the part's trade with a partner)
# "“新三样”产品出口", 机器人产品出口额: a generic noun after the part's name is still the part
# 家用电器和音像器材类零售额: a category of the statistics' retail breakdown
_JOIN_BEFORE = re.compile(
    # (灯饰对中东、非洲出口分别增长: the part's trade with each partner of a list)
    r"^[”」\"]?(?:产品|商品|类产品)?(?:合计|同期|分别)?(?:'s?|’s?|的)?\s*$|^[对向与][\u4e00-\u9fff“”「」\"、]{1,16}$"
    r"|^(?:[和及与][\u4e00-\u9fff]{1,6})?[两三四五六七八九十]?类(?:商品|产品)?(?:分别)?$"
)
# "exports of drones"; 出口玩具286.4亿元 (the verb, then what it exports)
_JOIN_AFTER = re.compile(r"^\s*(?:of|by|from|for)\s+(?:the\s+)?$|^$")


def names_part(body: str, mentions: list[SegmentMention], hit_start: int, hit_end: int) -> bool:
    """Whether a catalogue phrase is qualified by a segment next to it (民营企业进出口, "exports of drones",
    "private firms' imports"): the phrase then keeps its metric, for the part.

    Args:
        body: the sentence.
        mentions: its segment mentions.
        hit_start: where the phrase starts.
        hit_end: where it ends.

    Returns:
        True when a segment is written right before or right after the phrase.
    """
    for mention in parts(mentions):
        if mention.end <= hit_start and _JOIN_BEFORE.match(body[mention.end : hit_start]):
            return True
        if mention.start >= hit_end and _JOIN_AFTER.match(body[hit_end : mention.start]):
            return True
    return False
