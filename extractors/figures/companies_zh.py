"""Chinese company names that are in no gazetteer: 粤澄电器 (002986.SZ), 锂电池制造商华南电池, 湾区储能科技
股份有限公司.

A company is recognised where the text introduces it as one: after a word saying what it is (企业, 制造商,
厂), before its registered form (股份有限公司) or its stock code, or at the start of a headline followed by
its results. Its English name is the trade name in pinyin and the trade in English (粤澄电器 -> "Yuecheng
Appliances"), the form English copy uses, so Chinese and English reports of one firm share an entity. Hong
Kong and Taiwan firms often romanise in Cantonese or their own way (嵘峰电子 is "Wingfung Electronics");
those need a gazetteer entry. Once introduced, the name and its bare trade name (昱盛) name the company for
the rest of the article.
"""

from __future__ import annotations

import re

from gdwatch.extractors.figures.lexicon import (
    COMPANY_FORMS_ZH,
    COMPANY_INTRODUCERS_ZH,
    COMPANY_TRADES_ZH,
    NOT_TRADE_NAMES_ZH,
)
from gdwatch.extractors.figures.pinyin import name_syllables
from gdwatch.extractors.figures.scan import literal_pattern

_TRADE_RE = re.compile(literal_pattern(COMPANY_TRADES_ZH))
# 家电企业粤澄电器; 总部位于深圳的鹏远汽车 (a firm introduced by where it is based)
_INTRODUCER_RE = re.compile(
    "(?:" + literal_pattern(COMPANY_INTRODUCERS_ZH) + r"|总部(?:位于|设于|设在)[\u4e00-\u9fff]{2,8}的)$"
)
_FORM_AFTER_RE = re.compile(r"^(?:[\u4e00-\u9fff]{0,4}?)(?:" + literal_pattern(COMPANY_FORMS_ZH) + ")")
_CODE_AFTER_RE = re.compile(r"^\((?:代号[:：]?\s*|股票代码[:：]?\s*)?\d{4,6}(?:\.[A-Z]{2})?\)")
# a headline about a company's results: 粤澄电器2025年营收增长11.6%, 岭秀智能去年多赚37%
_RESULTS_AFTER_RE = re.compile(
    r"^(?:\d|去年|今年|前|首|上半年|下半年|全年|中期|年度|营收|净利|纯利|年报|业绩|第|一季|二季|三季|四季)"
)
_PARTICLES = frozenset("的和与及、,，等为是在了对向从把被将也")


def find_introduced(text: str, headline: bool = False, places: tuple[str, ...] = ()) -> dict[str, str]:
    """The companies a text introduces, by the forms that name them later.

    Args:
        text: normalized (simplified, ASCII punctuation) text: a sentence or a headline.
        headline: whether ``text`` is a headline, where a company may simply come first.
        places: the gazetteer's places in simplified Chinese: a firm may open a clause after its city
            (深圳安屹医疗二季度营收…).

    Returns:
        Each written form (the full name and the bare trade name) mapped to the English name.
    """
    found: dict[str, str] = {}
    if text.isascii():
        return found  # why: a trade name is two Chinese characters; most English sentences skip the scan
    for match in _TRADE_RE.finditer(text):
        start = match.start()
        if start < 2:
            continue
        name = text[start - 2 : start]
        if not _is_trade_name(name):
            continue
        before, after = text[: start - 2], text[match.end() :]
        introduced = (
            bool(_INTRODUCER_RE.search(before))
            or bool(_FORM_AFTER_RE.match(after))
            or bool(_CODE_AFTER_RE.match(after))
            or (headline and start == 2 and bool(_RESULTS_AFTER_RE.match(after)))
            # 企业层面，飞屿航空上半年交付…; 天舟互动去年海外收入…: a firm opening a clause with its period
            or (
                (start == 2 or text[start - 3] in "，,。；" or _opens_with_place(before, places))
                and bool(_RESULTS_AFTER_RE.match(after))
            )
        )
        if introduced:
            english = english_name(name, match.group())
            found[name + match.group()] = english
            found[name] = english
    if "(" in text:
        _add_listed_with_unknown_trades(text, found)
    return found


# 曜川新材(301958): four characters before a stock code name a listed firm whatever its trade
_NAME_BEFORE_CODE_RE = re.compile(
    r"([\u4e00-\u9fff]{4})(?=\((?:代号[:：]?\s*|股票代码[:：]?\s*)?\d{4,6}(?:\.[A-Z]{2})?\))"
)
# the form a listed name may end with instead of a trade: 雅澜控股(02618) -> "Yalan Holdings"
_LISTED_FORMS = {"控股": "Holdings", "集团": "Group", "股份": ""}  # 凌拓股份 (joint-stock) is "Lingtuo"


def _add_listed_with_unknown_trades(text: str, found: dict[str, str]) -> None:
    """Add the listed firms a trade scan missed, by the four characters before their stock code: a trade
    the lexicon knows (澜厨电器 -> "Lanchu Appliances": 厨电 hid 电器 from the scan), a form (雅澜控股 ->
    "Yalan Holdings"), or else the trade in pinyin (曜川纺机 -> "Yaochuan Fangji"): their figures are the
    firm's, never the province's, even when no English name is known."""
    for match in _NAME_BEFORE_CODE_RE.finditer(text):
        written = match.group(1)
        name, trade = written[:2], written[2:]
        if written in found or not _is_trade_name(name) or name in _FORM_WORDS:
            continue
        if trade in COMPANY_TRADES_ZH:
            english = english_name(name, trade)
        elif trade in _LISTED_FORMS:
            english = (_in_pinyin(name) + " " + _LISTED_FORMS[trade]).strip()
        elif _is_trade_name(trade) and not any(form in written for form in _FORM_WORDS):
            english = _in_pinyin(name) + " " + _in_pinyin(trade)
        else:
            continue  # 控股集团(000001): the form of a name written before it, not a name
        found[written] = found[name] = english


_FORM_WORDS = ("集团", "控股", "股份", "公司", "有限")


def _opens_with_place(before: str, places: tuple[str, ...]) -> bool:
    """Whether ``before`` is a clause's opening place and nothing else (惠州, 深圳市, 。佛山顺德)."""
    head = before[:-1] if before.endswith(("市", "区")) else before
    for place in places:
        if head.endswith(place):
            rest = head[: -len(place)]
            if not rest or rest[-1] in "，,。；" or _opens_with_place(rest, places):
                return True
    return False


def _is_trade_name(name: str) -> bool:
    return (
        len(name) == 2
        and all("\u4e00" <= char <= "\u9fff" and char not in _PARTICLES for char in name)
        and name not in NOT_TRADE_NAMES_ZH
        and name not in COMPANY_TRADES_ZH
    )


def _in_pinyin(characters: str) -> str:
    """Characters in pinyin, one capitalised word (曜川 -> "Yaochuan")."""
    return "".join(name_syllables(characters)).capitalize()


def english_name(trade_name: str, trade: str) -> str:
    """The English name of a company: 粤澄 + 电器 -> "Yuecheng Appliances".

    Args:
        trade_name: the two characters of the trade name.
        trade: the trade it ends with (a key of ``COMPANY_TRADES_ZH``).

    Returns:
        The name in pinyin, capitalised, and the trade in English.
    """
    return _in_pinyin(trade_name) + " " + COMPANY_TRADES_ZH[trade]


def find_named(text: str, companies: dict[str, str]) -> list[tuple[int, int, str]]:
    """Where the companies an article introduced are named in a sentence.

    Args:
        text: the normalized sentence.
        companies: written forms mapped to English names (:func:`find_introduced`).

    Returns:
        (start, end, English name) of each mention, longest form first at a position, in text order.
    """
    spans: list[tuple[int, int, str]] = []
    for written in sorted(companies, key=len, reverse=True):
        position = text.find(written)
        while position != -1:
            end = position + len(written)
            # an English short form is a whole word: "Xinghai" in "Xinghai's", not in "Xinghaiwan"
            inside_a_word = written.isascii() and (
                text[position - 1 : position].isalnum() or text[end : end + 1].isalnum()
            )
            if not inside_a_word and not any(s <= position < e or s < end <= e for s, e, _ in spans):
                spans.append((position, end, companies[written]))
            position = text.find(written, end)
    return sorted(spans)
