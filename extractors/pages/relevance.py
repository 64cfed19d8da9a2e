"""Decide whether an article is on topic: English terms as whole words, Chinese terms as substrings in
either script (广东 matches 廣東)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from gdwatch.extractors.figures.script import to_simplified


def is_relevant(title: str | None, text: str, *, terms_en: Sequence[str], terms_zh: Sequence[str]) -> bool:
    """Whether the title or text mentions one of the terms.

    English terms match case-insensitively as whole words ("GD" does not match "GDP"; "Guangdong" matches
    "Guangdong's"), with any run of whitespace between the words of a phrase. Chinese terms match as
    substrings, since Chinese has no spaces between words, in simplified or traditional script (text and
    terms are both simplified before matching). Text and terms are NFKC-normalised first, so full-width
    letters match too. The compiled matchers are cached per term set.

    Args:
        title: the article title, if any.
        text: the cleaned article text.
        terms_en: English terms, e.g. ("Guangdong", "Pearl River Delta", "Canton Fair").
        terms_zh: Chinese terms, e.g. ("广东", "粤港澳大湾区").

    Returns:
        True when at least one term occurs.
    """
    english, chinese = _matchers(tuple(terms_en), tuple(terms_zh))
    haystack = unicodedata.normalize("NFKC", f"{title or ''}\n{text}")
    if english is not None and english.search(haystack):
        return True
    if not chinese:
        return False
    simplified = to_simplified(haystack)
    return any(term in simplified for term in chinese)


@lru_cache(maxsize=32)
def _matchers(
    terms_en: tuple[str, ...], terms_zh: tuple[str, ...]
) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """One alternation regex for the English terms (longest first) and the normalised Chinese terms."""
    english = sorted(
        {unicodedata.normalize("NFKC", term).strip() for term in terms_en if term.strip()},
        key=len,
        reverse=True,
    )
    pattern = None
    if english:
        alternatives = "|".join(r"\s+".join(map(re.escape, term.split())) for term in english)
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    chinese = tuple(
        dict.fromkeys(
            to_simplified(unicodedata.normalize("NFKC", term).strip()) for term in terms_zh if term.strip()
        )
    )
    return pattern, chinese
