"""The Chinese words that may stand before a metric phrase without making it a part ("全省进出口",
"深圳外贸", "对东盟出口"), compiled with the gazetteer's city, company and partner names.

:func:`metric_choice.is_whole` and :func:`metric_choice.choose_hit` read these patterns; they are built once
per :class:`engine.FigureExtractor` (:class:`facts.Vocabulary`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gdwatch.extractors.figures.places import PlaceIndex

# Periods written before a subject (首季全省, 前10个月, 上半年)
TIME_WORDS_ZH = (
    r"\d{4}年|前?[一二三四]季度|首季度?|第[一二三四1-4]季度?|[前首][二两三1-3]季度?|"
    r"[前首](?:\d{1,2}|[一二三四五六七八九十]+)个?月|[上下]半年|\d+(?:-\d+)?月份?"
)
_ALLOWED_WORDS = (
    r"全省|全市|全国|我国|中国|广东省|广东|其中|当中|业界|业者|法人|预估|估计|预测|同期|当月|单月|本月|同月|当季|单季|目前|今年|去年|明年|年|实现|完成|全年|当年|外贸|货物贸易|消费品|总|"
    r"全部|月份|月|日|共建|一带一路|对|与|向|从|同|、|市(?!场)|区|镇|街道|县|粤港|粤澳|力争|预计|预期|有望|将|计划|争取|推动|带动|拉动|促进|提升|提高|累计|合计|集团|"
    # the trade of goods, of a customs district, a port area, a port of entry or a zone is still the whole
    r"货物|粤企|海关|关区|港区|口岸|合作区|分别|整体|本港|香港|澳门|台湾|我市|我省|本市|本省|县域|全区|全县|全镇|"
    # a zone's trade is its whole (前海综合保税区进出口, 横琴粤澳深度合作区进出口, 松山湖高新区进出口)
    r"深度合作区|综合保税区|综保区|保税区|高新区|开发区|自贸区|自贸片区|新区|示范区|园区|"
    # the last of a list of places and their count (宝安、龙岗、南山三区进出口, 揭阳、汕尾两市外贸)
    r"(?:[\u4e00-\u9fff]{2,3})?[两三四五六七八九十]个?[市区县]"
)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class SubjectGrammar:
    """Compiled patterns for the words before a Chinese metric phrase."""

    allowed_prefix: re.Pattern[str]
    """A prefix made only of these words leaves the phrase naming the whole."""
    partner_prefix: re.Pattern[str]
    """对东盟、欧盟 (or 对美国、欧盟和日本) before a phrase: the partners, not a part."""
    time_or_place: re.Pattern[str]
    """Periods and places a clause may open with and still name no subject of its own."""
    company_forms: tuple[str, ...]
    leading_words: re.Pattern[str]
    """The allowed words a Chinese run opens with (全省, 预计全年, 湛江市): stripped before a product."""

    @classmethod
    def build(cls, places: PlaceIndex) -> SubjectGrammar:
        """Compile the patterns with the gazetteer's names.

        Args:
            places: the compiled gazetteer.

        Returns:
            The grammar.
        """
        names = _alternation((*places.place_names_zh, *places.company_forms_zh))
        partners = _alternation(places.partner_forms_zh)
        # a one-character partner (美, 日, 非) opens a run only after its preposition (对美出口): alone it is
        # more often the start of the goods' name (美容仪, 日用陶瓷, 非洲鼓)
        named_partners = _alternation(tuple(form for form in places.partner_forms_zh if len(form) > 1))
        one_character = "".join(form for form in places.partner_forms_zh if len(form) == 1)
        cities = _alternation(places.place_names_zh)
        return cls(
            allowed_prefix=re.compile(rf"(?:{TIME_WORDS_ZH}|{_ALLOWED_WORDS}|{names})+$"),
            partner_prefix=re.compile(
                rf"[对与向从同自](?:共建)?(?:{partners})(?:[、和及与](?:{partners}))*(?:分别)?$"
                # 巴西、墨西哥和智利分别进出口…: partners listed bare, each the subject of its figure
                rf"|(?:{partners})(?:[、和及与](?:{partners}))+分别$"
                # 东盟、中东两地出口增幅分别为…: the partners of a list, counted
                rf"|(?:{partners})(?:[、和及与](?:{partners}))+[两三四五六七八九十](?:地|国|大市场|个市场)$"
            ),
            time_or_place=re.compile(rf"(?:{TIME_WORDS_ZH}|今年|去年|目前|同期|全省|全市|全国|{cities}|市)+"),
            company_forms=places.company_forms_zh,
            # 对东盟鞋类出口: the partner before the goods is no part of their name
            leading_words=re.compile(
                rf"^(?:[对与向从同自][{one_character}]|(?:输往|销往|运往|卖往)(?:{partners})的?|{TIME_WORDS_ZH}"
                rf"|{_ALLOWED_WORDS}|{names}|{named_partners})+"
            ),
        )
