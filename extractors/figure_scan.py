"""Fast scanning: find candidate positions with a plain alternation of literals, then match there.

Python's regex engine skips ahead by first character only when every branch of a pattern starts
with a literal; patterns with groups, classes or look-behinds at the start are tried at every
position, which is many times slower. Scanning literal triggers first keeps extraction fast.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Iterator

Trigger = tuple["re.Pattern[str] | None", "re.Pattern[str] | None"]


def literal_trigger(literals: Iterable[str]) -> Trigger:
    """Compile the strings a match may start with into two fast patterns.

    Literals that do not start with an ASCII letter are reduced to their first character and joined
    in one character class (the fastest thing to scan for); words become a plain alternation, and
    :func:`scan` keeps only those at the start of a word.

    Args:
        literals: the strings a match may start with (case-sensitive).

    Returns:
        (character-class pattern, word pattern); either may be None.
    """
    literals = list(literals)
    chars = sorted(
        {literal[0] for literal in literals if literal and not literal[0].isalpha()}
        | {literal[0] for literal in literals if literal and not literal[0].isascii()}
    )
    words = sorted(
        {literal for literal in literals if literal[:1].isascii() and literal[:1].isalpha()}, key=len
    )
    char_pattern = re.compile("[" + "".join(re.escape(c) for c in chars) + "]") if chars else None
    word_pattern = re.compile("|".join(re.escape(w) for w in reversed(words))) if words else None
    return char_pattern, word_pattern


def trigger_starts(trigger: Trigger, text: str) -> Iterator[int]:
    """Offsets where a trigger matches, in order (words only at the start of a word).

    Args:
        trigger: from :func:`literal_trigger`.
        text: the text to scan.

    Returns:
        An iterator of offsets.
    """
    chars, words = trigger
    char_starts = (m.start() for m in chars.finditer(text)) if chars else iter(())
    word_starts = (
        (
            m.start()
            for m in words.finditer(text)
            if not (m.start() and text[m.start() - 1].isascii() and text[m.start() - 1].isalpha())
        )
        if words
        else iter(())
    )
    return heapq.merge(char_starts, word_starts)


def scan(trigger: Trigger, pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Yield non-overlapping matches of ``pattern`` that start where ``trigger`` matches.

    Args:
        trigger: from :func:`literal_trigger`.
        pattern: the full pattern, anchored at each trigger position with ``match``.
        text: the text to scan.

    Yields:
        Matches in order, none overlapping the previous one.
    """
    cursor = 0
    for start in trigger_starts(trigger, text):
        if start < cursor:
            continue
        match = pattern.match(text, start)
        if match is not None and match.end() > start:
            cursor = match.end()
            yield match
