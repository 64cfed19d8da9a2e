"""Fast scanning: find where a match may start (a character class and word look-ups), then match there.

A big alternation of patterns is tried at almost every position of a text by Python's regex engine,
which is slow. A character class is scanned in C at full speed, and ``str.find`` finds a word faster
still; anchoring the full pattern only at those positions keeps extraction fast.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Trigger:
    """The ways a match may start: one character class and a list of lower-case words."""

    chars: re.Pattern[str] | None
    words: tuple[str, ...]
    word_after: re.Pattern[str] | None = None
    """A non-letter followed by one of ``words`` (built by :func:`literal_trigger`)."""
    char_runs: re.Pattern[str] | None = None
    """A run of ``chars`` (built by :func:`literal_trigger`): one match per run of digits, not per digit."""


def literal_trigger(literals: Iterable[str]) -> Trigger:
    """Build the trigger for the strings a match may start with.

    Literals that do not start with an ASCII letter are reduced to their first character (a character
    class); literals that do are looked up as words, kept only at the start of a word.

    Args:
        literals: the strings a match may start with (case-sensitive).

    Returns:
        The trigger.
    """
    literals = [literal for literal in literals if literal]
    chars = sorted(
        {literal[0] for literal in literals if not (literal[0].isascii() and literal[0].isalpha())}
    )
    words = tuple(sorted({literal for literal in literals if literal[0].isascii() and literal[0].isalpha()}))
    pattern = re.compile("[" + "".join(re.escape(c) for c in chars) + "]") if chars else None
    # why: a word that another word starts with adds no offset, and a regex anchored on the character
    # before a word (rarer than letters) finds every word start in one C-level pass
    shortest = sorted(w for w in words if not any(o != w and w.startswith(o) for o in words))
    word_after = re.compile("[^A-Za-z](?=" + literal_pattern(shortest) + ")") if shortest else None
    runs = re.compile(pattern.pattern + "+") if pattern else None
    return Trigger(pattern, words, word_after, runs)


def literal_pattern(literals: Iterable[str]) -> str:
    """Regex source matching the longest of ``literals`` that starts at a position, sharing prefixes.

    It matches what the alternation of the literals sorted longest first matches (at one position the
    text decides the path through the shared prefixes, and a longer literal is tried before a shorter
    one ends), but the regex engine compares each character once instead of once per literal, and it
    skips ahead by first character.

    Args:
        literals: non-empty strings, matched case-sensitively.

    Returns:
        The pattern source ("" for no literals).
    """
    heads: dict[str, list[str]] = {}
    for literal in sorted(set(literals)):
        heads.setdefault(literal[0], []).append(literal[1:])
    branches = []
    for head, tails in heads.items():
        rest = [tail for tail in tails if tail]
        tail_pattern = literal_pattern(rest) if rest else ""
        if rest and len(rest) < len(tails):  # why: the head alone is a literal too, tried last
            tail_pattern = f"(?:{tail_pattern})?"
        branches.append(re.escape(head) + tail_pattern)
    if len(branches) <= 1:
        return "".join(branches)
    return "(?:" + "|".join(branches) + ")"


def trigger_starts(trigger: Trigger, text: str) -> list[int]:
    """Offsets where a trigger matches, in order (words only at the start of a word).

    Args:
        trigger: from :func:`literal_trigger`.
        text: the text to scan.

    Returns:
        The sorted offsets.
    """
    if trigger.word_after is None and trigger.words:  # a Trigger built by hand
        found = {m.start() for m in trigger.chars.finditer(text)} if trigger.chars else set()
        for word in trigger.words:
            index = text.find(word)
            while index != -1:
                previous = text[index - 1] if index else ""
                if not (previous.isascii() and previous.isalpha()):
                    found.add(index)
                index = text.find(word, index + 1)
        return sorted(found)
    if trigger.word_after is None:
        return _char_starts(trigger, text)
    return _with_word_starts(trigger, text, [m.start() + 1 for m in trigger.word_after.finditer(text)])


def _char_starts(trigger: Trigger, text: str) -> list[int]:
    """The offsets of the trigger's characters, in order."""
    if trigger.char_runs is not None:
        # why: a match object per run ("2025", 三十) instead of one per character
        starts: list[int] = []
        for run in trigger.char_runs.finditer(text):
            starts.extend(range(*run.span()))
        return starts
    return [m.start() for m in trigger.chars.finditer(text)] if trigger.chars else []


def _with_word_starts(trigger: Trigger, text: str, words: list[int]) -> list[int]:
    """A trigger's character offsets merged with the offsets where its words start (``words``, sorted)."""
    # why: character offsets never start with an ASCII letter and word offsets always do, so the two
    # lists are disjoint and one sort merges them
    starts = _char_starts(trigger, text)
    if text.startswith(trigger.words):
        words.insert(0, 0)
    if not starts:
        return words
    starts += words
    starts.sort()
    return starts


def word_union(triggers: Iterable[Trigger]) -> re.Pattern[str]:
    """One pattern finding where a word of any of the triggers starts (see :func:`shared_trigger_starts`).

    Args:
        triggers: triggers from :func:`literal_trigger`.

    Returns:
        A non-letter followed by one of their words.
    """
    words = {word for trigger in triggers for word in trigger.words}
    shortest = sorted(w for w in words if not any(o != w and w.startswith(o) for o in words))
    return re.compile("[^A-Za-z](?=" + literal_pattern(shortest) + ")")


def shared_trigger_starts(
    triggers: tuple[Trigger, ...], union: re.Pattern[str], text: str
) -> list[list[int]]:
    """:func:`trigger_starts` of each trigger over one text, their word starts found in one pass.

    Args:
        triggers: triggers from :func:`literal_trigger`.
        union: :func:`word_union` of them.
        text: the text to scan.

    Returns:
        The sorted offsets of each trigger, in order.
    """
    # why: the word scan tries a look-ahead after every non-letter of the text; one pass for all the
    # triggers' words, then each trigger's own pattern only where some word starts, finds the same offsets
    candidates = [match.start() for match in union.finditer(text)]
    found = []
    for trigger in triggers:
        if trigger.word_after is None:
            found.append(trigger_starts(trigger, text))
            continue
        word_after = trigger.word_after
        words = [offset + 1 for offset in candidates if word_after.match(text, offset)]
        found.append(_with_word_starts(trigger, text, words))
    return found


class TriggerIndex:
    """The trigger offsets of a whole text, computed once and sliced per sentence."""

    def __init__(self, trigger: Trigger, text: str, starts: list[int] | None = None) -> None:
        """Index a text's trigger offsets (``starts`` when found already: :func:`shared_trigger_starts`)."""
        self._starts = trigger_starts(trigger, text) if starts is None else starts

    def between(self, start: int, end: int) -> list[int]:
        """Offsets in [start, end), relative to ``start``.

        Args:
            start: where the sentence starts in the text.
            end: where it ends.

        Returns:
            The sentence's trigger offsets.
        """
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_left(self._starts, end, low)
        if low == high:
            return []  # why: most sentences have no trigger of one kind or the other
        return [offset - start for offset in self._starts[low:high]]


def scan(
    trigger: Trigger, pattern: re.Pattern[str], text: str, starts: list[int] | None = None
) -> Iterator[re.Match[str]]:
    """Yield non-overlapping matches of ``pattern`` that start where ``trigger`` matches.

    Args:
        trigger: from :func:`literal_trigger`.
        pattern: the full pattern, anchored at each trigger position with ``match``.
        text: the text to scan.
        starts: the trigger offsets when already known (:class:`TriggerIndex`).

    Yields:
        Matches in order, none overlapping the previous one.
    """
    cursor = 0
    for start in trigger_starts(trigger, text) if starts is None else starts:
        if start < cursor:
            continue
        match = pattern.match(text, start)
        if match is not None and match.end() > start:
            cursor = match.end()
            yield match


def may_end_with(text: str, endings: tuple[str, ...], strip: str = "") -> bool:
    """A cheap test that an end-anchored regex ("(?:than|over)\\s*$", re.I) may match: whether ``text``
    ends with one of ``endings`` once trailing whitespace (and ``strip`` characters) are removed.

    It never says False where the regex matches, so ``may_end_with(...) and regex.search(...)`` equals
    the search; the search, tried at every offset of the text, is many times slower.

    Args:
        text: the text before a number.
        endings: what the regex's match may end with before its trailing whitespace (lower case).
        strip: characters the regex allows after the ending besides whitespace ("." of "No.", quotes).

    Returns:
        False when the regex cannot match.
    """
    tail = text.rstrip()
    if strip:
        tail = tail.rstrip(strip).rstrip()
    if tail.lower().endswith(endings):
        return True
    # why: a case-insensitive regex also matches these four non-ASCII letters to i, s and k
    return not tail.isascii() and ("İ" in tail or "ı" in tail or "ſ" in tail or "K" in tail)
