"""Traditional Chinese to simplified, one character for one, so offsets stay valid.

Hong Kong and Taiwan coverage writes 萬億, 進出口, 個, 增長; every word list of the figure engine is
simplified. :func:`to_simplified` maps each traditional character to its simplified form with OpenCC's
character dictionary (``t2s``), never with its phrase dictionary: a phrase may change the text's length,
a character never does. Callers keep quoting the original text; only matching reads the converted one.

A character-level reading chooses OpenCC's first candidate (於 -> 于, 乾 -> 干). That is the reading of
news copy; the few characters whose other reading is a simplified word of its own (乾隆) are names, not
figures, cue words or metric phrases.
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

# why: every code point OpenCC's t2s dictionaries can map lies in these blocks (CJK Unified Ideographs,
# Extension A, Compatibility Ideographs); the supplementary planes hold rare characters news never uses
_BLOCKS = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


@lru_cache(maxsize=1)
def traditional_to_simplified() -> dict[str, str]:
    """The character table: each traditional character OpenCC simplifies, to its simplified twin.

    Returns:
        A dict of single characters (about 4,200 entries), built once from OpenCC's ``t2s`` data.
    """
    characters = [chr(code) for low, high in _BLOCKS for code in range(low, high)]
    # why: one call for all characters, one per line, so that no phrase can span two of them
    converted = opencc.OpenCC("t2s").convert("\n".join(characters)).split("\n")
    if len(converted) != len(characters):  # a converter that merged lines: keep the text as it is
        return {}
    return {
        before: after
        for before, after in zip(characters, converted, strict=True)
        if before != after and len(after) == 1
    }


@lru_cache(maxsize=1)
def _traditional_class() -> re.Pattern[str]:
    return re.compile("[" + "".join(sorted(traditional_to_simplified())) + "]")


def has_traditional(text: str) -> bool:
    """Whether the text has at least one character that simplified Chinese writes differently.

    Args:
        text: any text.

    Returns:
        True for 廣東進出口, False for 广东进出口 and for English.
    """
    return _traditional_class().search(text) is not None


def to_simplified(text: str) -> str:
    """Simplify traditional Chinese characters, one for one (``len`` and every offset unchanged).

    Args:
        text: any text.

    Returns:
        The text with each traditional character replaced by its simplified form.
    """
    present = set(_traditional_class().findall(text))
    if not present:
        return text
    table = traditional_to_simplified()
    replacements: dict[str, str | int | None] = {char: table[char] for char in present}
    return text.translate(str.maketrans(replacements))
