"""Fast scanning: find candidate positions with a plain alternation of literals, then match there.

Python's regex engine skips ahead by first character only when every branch of a pattern starts
with a literal; patterns with groups, classes or look-behinds at the start are tried at every
position, which is many times slower. Scanning literal triggers first keeps extraction fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def literal_trigger(literals: Iterable[str]) -> re.Pattern[str]:
    """Compile literals into one alternation the engine can skip through by first character.

    Args:
        literals: the strings a match may start with (case-sensitive).

    Returns:
        The compiled trigger pattern.
    """
    ordered = sorted({literal for literal in literals if literal}, key=len, reverse=True)
    return re.compile("|".join(re.escape(literal) for literal in ordered))


def scan(trigger: re.Pattern[str], pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Yield non-overlapping matches of ``pattern`` that start where ``trigger`` matches.

    Args:
        trigger: a pattern from :func:`literal_trigger`.
        pattern: the full pattern, anchored at each trigger position with ``match``.
        text: the text to scan.

    Yields:
        Matches in order, none overlapping the previous one.
    """
    cursor = 0
    for found in trigger.finditer(text):
        start = found.start()
        if start < cursor:
            continue
        match = pattern.match(text, start)
        if match is not None and match.end() > start:
            cursor = match.end()
            yield match
