"""Split normalized article text into paragraphs, sentences and clauses, keeping offsets."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from gdwatch.extractors.figures.lexicon import ABBREVIATIONS_EN

# why: both patterns start with one character class so the regex engine skips ahead to candidates
# ("[.!?](?=...)|[。！？][”’」』]?" and "[,;，；:：]|\s(?:while|whereas|but)\s", written that way)
_END = re.compile(r"[.!?。！？](?:(?<=[.!?])(?=[\"'”’)\]]*(?:\s+|$))|(?<=[。！？])[”’」』]?)")
_CLAUSE_BREAK = re.compile(r"[,;，；:：\s](?:(?<=[,;，；:：])|(?<=\s)(?:while|whereas|but)\s)")
_BOILERPLATE_MARKS = (
    "scan the qr",
    "qr code",
    "download the",
    "subscribe",
    "comments (",
    "[photo",
    "photo by",
    "provided to china daily",
    "for china daily",
    "updated:",
    "contact the writer",
    "二维码",
    "客户端",
    "责任编辑",
    "联系电话",
    "来源：",
    "来源:",
    "评论（",
    "评论(",
    " 摄）",
    " 摄)",
)
# why: each str.find scans the whole text; a mark is looked for only when a string every occurrence of it
# contains is in the text (one scan for several marks), and the Chinese marks only in text with a Chinese
# character (one character-class scan for all of them)
_MARK_GATES = {
    "scan the qr": "qr",
    "qr code": "qr",
    "[photo": "photo",
    "photo by": "photo",
    "provided to china daily": "china daily",
    "for china daily": "china daily",
    "来源：": "来源",
    "来源:": "来源",
    "评论（": "评论",
    "评论(": "评论",
    " 摄）": " 摄",
    " 摄)": " 摄",
}
_HAN = re.compile("[\u4e00-\u9fff]")
_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})


MAX_SENTENCE = 800
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_WORD_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."
"""The characters of :data:`_WORD_BEFORE`'s run."""
_NON_SPACE = re.compile(r"\S")


class Sentence(NamedTuple):
    """One sentence: its offsets in the text and the paragraph it belongs to."""

    # why: a NamedTuple, not a frozen dataclass, because one is made per sentence of every article and a
    # frozen dataclass sets each field through object.__setattr__ (about four times slower to build)

    start: int
    end: int
    paragraph: int
    boilerplate: bool


def split_sentences(text: str, lowered: str | None = None) -> list[Sentence]:
    """Split text into sentences; paragraphs are separated by newlines.

    Args:
        text: normalized article text.
        lowered: ``text.lower()``, when the caller has it.

    Returns:
        The sentences in order, with start/end offsets into ``text``, empty ones dropped.
    """
    sentences: list[Sentence] = []
    paragraph_start = 0
    marks = _boilerplate_marks(text.lower() if lowered is None else lowered)
    for paragraph_index, line in enumerate(text.split("\n")):
        if not line:
            paragraph_start += 1  # why: an empty line has no sentence; most articles have many
            continue
        start = 0
        for match in _END.finditer(line):
            end = match.end()
            # the match is one end mark, perhaps with a closing quote: a full stop when it starts with "."
            if line[match.start()] == "." and (
                _is_abbreviation(line, match.start()) or not _next_starts_sentence(line, end)
            ):
                continue
            _append(sentences, line, paragraph_start, start, end, paragraph_index)
            start = end
        _append(sentences, line, paragraph_start, start, len(line), paragraph_index)
        paragraph_start += len(line) + 1
    if marks:
        sentences = [_with_boilerplate(sentence, marks) for sentence in sentences]
    return sentences


def _boilerplate_marks(lowered: str) -> list[int]:
    """Where boilerplate marks start, as ``finditer`` of their alternation (in list order) finds them.

    Each mark is found with ``str.find``; at one offset the earliest mark in the list wins, and a mark
    starting inside the previous one found is skipped, as in a regex scan.
    """
    found = []
    has_han = not lowered.isascii() and _HAN.search(lowered) is not None
    gates: dict[str, bool] = {}
    for order, mark in enumerate(_BOILERPLATE_MARKS):
        if not (has_han or mark.isascii()):
            continue  # NOTE: every mark that is not ASCII has a Han character (tests/extractors/figures)
        gate = _MARK_GATES.get(mark)
        if gate is not None:
            if gate not in gates:
                gates[gate] = gate in lowered
            if not gates[gate]:
                continue
        index = lowered.find(mark)
        while index != -1:
            found.append((index, order))
            index = lowered.find(mark, index + 1)
    if not found:
        return []
    found.sort()
    marks = []
    cursor = 0
    for index, order in found:
        if index >= cursor:
            marks.append(index)
            cursor = index + len(_BOILERPLATE_MARKS[order])
    return marks


def _with_boilerplate(sentence: Sentence, marks: list[int]) -> Sentence:
    index = bisect.bisect_left(marks, sentence.start)
    if index < len(marks) and marks[index] < sentence.end:
        return Sentence(sentence.start, sentence.end, sentence.paragraph, True)
    return sentence


def clause_breaks(sentence: str) -> list[tuple[int, int]]:
    """Where a sentence splits into clauses (at commas, semicolons, colons, "while"), outside numbers.

    Args:
        sentence: the sentence text.

    Returns:
        (start, end) of every break, in order.
    """
    appositions = _subject_appositions(sentence)
    return [
        match.span()
        for match in _CLAUSE_BREAK.finditer(sentence)
        if not _inside_number(sentence, match.start())
        and not _inside_parentheses(sentence, match.start())
        and not _inside_examples(sentence, match.start())
        and not (appositions and _around_a_subjects_apposition(sentence, match.start(), appositions))
    ]


def clause_bounds(
    sentence: str, position: int, breaks: list[tuple[int, int]] | None = None
) -> tuple[int, int]:
    """The clause of a sentence containing a position.

    Args:
        sentence: the sentence text.
        position: an offset inside it.
        breaks: the sentence's :func:`clause_breaks`, when already computed.

    Returns:
        (start, end) of the clause, relative to the sentence.
    """
    breaks = clause_breaks(sentence) if breaks is None else breaks
    index = bisect.bisect_left(breaks, (position, -1))
    end = breaks[index][0] if index < len(breaks) else len(sentence)
    previous = index - 1
    while previous >= 0 and breaks[previous][1] > position:
        previous -= 1
    start = breaks[previous][1] if previous >= 0 else 0
    return start, end


def _inside_number(sentence: str, index: int) -> bool:
    return (
        sentence[index] == ","
        and index > 0
        and sentence[index - 1 : index].isdigit()
        and (sentence[index + 1 : index + 2].isdigit())
    )


def among_examples(sentence: str, index: int) -> bool:
    """Whether a position lies among the examples given after "such as" ("pet supplies such as leashes, beds
    and toys rose"): no number or other break between the last "such as" before it and it.

    Args:
        sentence: the sentence text.
        index: an offset inside it.

    Returns:
        True when the position is inside such a list of examples.
    """
    opened = sentence.rfind("such as", 0, index)
    return opened != -1 and not _NUMBER_OR_BREAK.search(sentence, opened, index)


def _inside_examples(sentence: str, index: int) -> bool:
    """Whether a comma separates the examples after "such as": the list's "and" / "or" follows within three
    words."""
    return (
        sentence[index] == ","
        and among_examples(sentence, index)
        and _LIST_GOES_ON.match(sentence, index + 1) is not None
    )


_NUMBER_OR_BREAK = re.compile(r"\d|[;；:：.]")
# "Outbound shipments from Guangdong, mainly motorbikes, solar panels and textiles, increased 17.8 percent":
# what the subject is made of, set off by commas before its verb
_APPOSITION_OPENS = re.compile(r",\s+(?:mainly|mostly|chiefly|largely|primarily|dominated\s+by)\s")
_APPOSITION_CLOSES = re.compile(r"[^\d;:.]{1,80}?,\s+[a-z]+(?:ed|s)\b")


def _subject_appositions(sentence: str) -> list[tuple[int, int]]:
    """(comma opening it, end of its closing verb) of every apposition a sentence's subject may have: one
    opened before any figure, closed by a comma and a verb (-1 when none closes it)."""
    if ", " not in sentence:
        return []
    first_number = _NUMBER_OR_BREAK.search(sentence)
    limit = first_number.start() if first_number else len(sentence)
    found = []
    for opening in _APPOSITION_OPENS.finditer(sentence, 0, limit):
        closing = _APPOSITION_CLOSES.match(sentence, opening.start() + 2)
        found.append((opening.start(), closing.end() if closing else -1))
    return found


def _around_a_subjects_apposition(sentence: str, index: int, appositions: list[tuple[int, int]]) -> bool:
    """Whether a comma opens, splits or closes an apposition on a sentence's subject (no figure before it)
    that ends with a comma and the subject's verb: the clause is the subject's, whose figures follow the
    verb."""
    if sentence[index] != ",":
        return False
    # the apposition the comma is in: the last one opened at or before it, with no figure between
    opened, closing_end = max(((o, c) for o, c in appositions if o <= index), default=(-1, -1))
    return opened != -1 and index < closing_end and not _NUMBER_OR_BREAK.search(sentence, opened, index)


_LIST_GOES_ON = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,3}?(?:and|or)\s+[a-z]")


def _inside_parentheses(sentence: str, index: int) -> bool:
    opened = sentence.rfind("(", max(0, index - 60), index)
    return opened != -1 and sentence.find(")", opened, index + 60) > index


def _append(sentences: list[Sentence], line: str, base: int, start: int, end: int, paragraph: int) -> None:
    # why: real sentences are far shorter; cutting run-ons keeps every later step linear in the text.
    while end - start > MAX_SENTENCE:
        cut = max(line.rfind(" ", start, start + MAX_SENTENCE), line.rfind(",", start, start + MAX_SENTENCE))
        cut = cut + 1 if cut > start else start + MAX_SENTENCE
        _append(sentences, line, base, start, cut, paragraph)
        start = cut
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    offset = start + (len(chunk) - len(chunk.lstrip()))
    sentences.append(
        Sentence(
            base + offset,
            base + offset + len(stripped),
            paragraph,
            False,
        )
    )


def _is_abbreviation(line: str, dot: int) -> bool:
    if not line[dot - 1 : dot].isalpha():
        return False
    # why: the run of letters and dots ending at the dot, at most 12 long, is what _WORD_BEFORE's search
    # finds there; str.rstrip finds it without trying the pattern at each offset
    window = line[max(0, dot - 12) : dot]
    word = window[len(window.rstrip(_WORD_CHARACTERS)) :]
    if not word:
        return False
    token = word.lower().strip(".")
    return token in ABBREVIATIONS_EN or "." in token


def _next_starts_sentence(line: str, index: int) -> bool:
    first = _NON_SPACE.search(line, index)
    if first is not None and first.group().isdigit() and index >= 2 and line[index - 2].isdigit():
        return False  # "1. 5万亿元": a decimal point broken by a space, not a sentence end
    return first is None or not first.group().islower()
