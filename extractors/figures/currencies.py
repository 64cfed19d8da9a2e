"""Currency and scale words around a number: "RMB9.1 trillion", "300 billion yuan", "$41 bn", 2.1万亿元."""

from __future__ import annotations

import re

from gdwatch.extractors.figures.numbers import SCALES_ZH

EN_SCALE = re.compile(r"(?:\s*|-)(thousand|million|billion|trillion|mln|bln|bn|mn|tn)(?![A-Za-z])", re.I)
"""A scale word after a number: "4.6 trillion", "RMB9.1tn", "a 4-trillion-yuan" (compact, hyphenated)."""
GLUED_SCALE = re.compile(r"([tb])(?![A-Za-z])")
"""A one-letter scale glued to the number ("14t yuan", "$3b"): trillion or billion next to a currency only."""
GLUED_SCALES = {"t": 1e12, "b": 1e9}
ZH_SCALE = re.compile("|".join(SCALES_ZH))
ZH_MORE = re.compile(r"[多余几]")
"""多 / 余 / 几 after a Chinese number or scale (3万多家, 20余个, 十几个): more than that."""
CURRENCY_NAMES_EN = (
    r"yuan|renminbi|RMB|CNY|U\.?S\.? dollars|US dollars|dollars?|USD|HK dollars|Hong Kong dollars|HKD|euros?"
    r"|EUR|pounds|GBP|yen|JPY|patacas|pataca|MOP"
)
"""The currencies written after an amount in English (regex source; a year is never followed by one)."""
CURRENCY_AFTER = re.compile(
    rf"(?:\s*|-)(?P<c>{CURRENCY_NAMES_EN})(?![A-Za-z])"
    r"|(?P<z>美元|港元|港币|澳门元|澳门币|欧元|日元|英镑|人民币|新台币|元)"
)
CURRENCY_BEFORE = re.compile(
    r"(?P<c>US\$|HK\$|MOP\$|RMB|Rmb|CNY|USD|HKD|MOP|EUR|GBP|JPY|\$|¥|€|£|人民币|新台币|港币)\s?$"
)
GLUED_BEFORE = frozenset(["¥", "人民币", "新台币", "港币"])
"""Currencies before the number that belong to a span closed by a currency after it (人民币3.2万亿元)."""
_CURRENCY_CODES = {
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "¥": "CNY",
    "元": "CNY",
    "人民币": "CNY",
    "us$": "USD",
    "$": "USD",
    "usd": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "美元": "USD",
    "hk$": "HKD",
    "hkd": "HKD",
    "hk dollars": "HKD",
    "hong kong dollars": "HKD",
    "港元": "HKD",
    "港币": "HKD",
    "patacas": "MOP",
    "pataca": "MOP",
    "mop": "MOP",
    "mop$": "MOP",
    "澳门元": "MOP",
    "澳门币": "MOP",
    "新台币": "TWD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "€": "EUR",
    "欧元": "EUR",
    "pounds": "GBP",
    "gbp": "GBP",
    "£": "GBP",
    "英镑": "GBP",
    "yen": "JPY",
    "jpy": "JPY",
    "日元": "JPY",
}


def closing_currency(before: re.Match[str] | None, after: re.Match[str]) -> str:
    """The currency of an amount written with a currency on both sides: a bare 元 closes 新台币186亿元 and
    港币12亿元 in the currency named first; otherwise the one after decides (人民币3.2万亿元, "$41 bn")."""
    if before is not None and after.group("z") == "元" and before.group("c") in {"新台币", "港币"}:
        return currency_code(before)
    return currency_code(after)


def currency_code(match: re.Match[str]) -> str:
    """The ISO code of a :data:`CURRENCY_AFTER` or :data:`CURRENCY_BEFORE` match.

    Args:
        match: the currency as written.

    Returns:
        "CNY", "USD", "HKD", "MOP", "TWD", "EUR", "GBP" or "JPY".
    """
    # NOTE: group "c" is always set in CURRENCY_BEFORE, which has no group "z"
    written = (match.group("c") or match.group("z")).lower()
    # "U.S dollars" / "US. dollars": the pattern tolerates a missing or extra dot, so does the lookup.
    return _CURRENCY_CODES.get(written) or _CURRENCY_CODES[written.replace(".", "")]
