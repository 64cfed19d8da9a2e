"""Split normalized article text into paragraphs, sentences and clauses, keeping offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr prof no nos co ltd inc corp st vs etc "
    "e.g i.e u.s u.k approx fig vol gov rep jr sr dept est".split()
)
_END = re.compile(r"[.!?](?=[\"'”’)\]]*(?:\s+|$))|[。！？][”’」』]?")
_CLAUSE_BREAK = re.compile(r"[,;，；:：]|\s(?:while|whereas|but)\s")
_BOILERPLATE = re.compile(
    r"(?i)scan the qr|qr code|download the|subscribe|comments\s*\(|\[photo|photo by|provided to china daily|"
    r"for china daily|updated:|contact the writer|二维码|客户端|责任编辑|联系电话|来源：|记者.{0,8}摄|评论（|评论\("
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its offsets in the text and the paragraph it belongs to."""

    start: int
    end: int
    paragraph: int
    boilerplate: bool


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences; paragraphs are separated by newlines.

    Args:
        text: normalized article text.

    Returns:
        The sentences in order, with start/end offsets into ``text``, empty ones dropped.
    """
    sentences: list[Sentence] = []
    paragraph_start = 0
    for paragraph_index, line in enumerate(text.split("\n")):
        start = 0
        for match in _END.finditer(line):
            if match.group().startswith(".") and _is_abbreviation(line, match.start()):
                continue
            if match.group().startswith(".") and not _next_starts_sentence(line, match.end()):
                continue
            _append(sentences, line, paragraph_start, start, match.end(), paragraph_index)
            start = match.end()
        _append(sentences, line, paragraph_start, start, len(line), paragraph_index)
        paragraph_start += len(line) + 1
    return sentences


def clause_bounds(sentence: str, position: int) -> tuple[int, int]:
    """The clause of a sentence containing a position (split at commas, semicolons and "while").

    Args:
        sentence: the sentence text.
        position: an offset inside it.

    Returns:
        (start, end) of the clause, relative to the sentence.
    """
    start, end = 0, len(sentence)
    for match in _CLAUSE_BREAK.finditer(sentence):
        if _inside_number(sentence, match.start()) or _inside_parentheses(sentence, match.start()):
            continue
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return start, end


def _inside_number(sentence: str, index: int) -> bool:
    return sentence[index] == "," and index > 0 and sentence[index - 1 : index].isdigit() and (
        sentence[index + 1 : index + 2].isdigit()
    )


def _inside_parentheses(sentence: str, index: int) -> bool:
    opened = sentence.rfind("(", 0, index)
    return opened != -1 and sentence.find(")", opened) > index


def _append(sentences: list[Sentence], line: str, base: int, start: int, end: int, paragraph: int) -> None:
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    offset = start + (len(chunk) - len(chunk.lstrip()))
    sentences.append(
        Sentence(base + offset, base + offset + len(stripped), paragraph, bool(_BOILERPLATE.search(stripped)))
    )


def _is_abbreviation(line: str, dot: int) -> bool:
    word = re.search(r"([A-Za-z.]+)$", line[:dot])
    if word is None:
        return False
    token = word.group(1).lower().strip(".")
    return token in _ABBREVIATIONS or len(token) == 1


def _next_starts_sentence(line: str, index: int) -> bool:
    rest = line[index:].lstrip()
    return not rest or not rest[0].islower()
