"""Whether cleaned text is an article: at least one complete sentence, and mostly prose, not a list.

Length thresholds in characters suit English and drop Chinese news, which says as much in a third of the
characters; so the rules count words in alphabetic text and characters in CJK text:

- a **complete sentence** ends with . ! ? 。！ or ？ (closing quotes and brackets may follow) and has at
  least `MIN_SENTENCE_WORDS` words (a number counts as one) or `MIN_SENTENCE_CJK` CJK characters;
- a page is an **article** when its text has at least one complete sentence; a two-sentence customs
  flash or a 快讯 of one sentence qualifies;
- a page is a **list page** (a channel of headlines, a forum index) when it has at least
  `LIST_MIN_LINES` lines and less than `LIST_MAX_PROSE_SHARE` of its characters stand in paragraphs that
  hold a complete sentence: headlines do not end with a full stop. The share is low on purpose: a
  calendar or a photo caption page from the 181-page extraction benchmark sits at 0.12, and refusing
  it would lose text the benchmark counts as the article.

Lines hard-wrapped inside a sentence (a line without end punctuation followed by one that starts in
lower case) are joined first, so a wrapped sentence counts as one.
"""

from __future__ import annotations

import re

MIN_SENTENCE_WORDS = 6
MIN_SENTENCE_CJK = 10
LIST_MIN_LINES = 8
LIST_MAX_PROSE_SHARE = 0.1

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# A word, or a number with its decimals and percent sign ("3.2%" is one word of "exports rose 3.2%").
_WORD = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_]+")
# A sentence: text up to terminal punctuation (a decimal point is none), closing quotes or brackets after.
# A line that stops mid-sentence: it ends in a letter, digit or comma, not in end punctuation.
_WRAPPED_END = re.compile(r"[\w,;]$")
_SENTENCE = re.compile(r"(?:[^.!?。！？]|(?<=\d)\.(?=\d))+[.!?。！？]+[\"'”’）)」』]*")


def is_complete_sentence(sentence: str) -> bool:
    """Ends with terminal punctuation and is long enough (words, or CJK characters) to say something."""
    stripped = sentence.strip()
    if not stripped or not _SENTENCE.fullmatch(stripped):
        return False
    cjk = len(_CJK.findall(stripped))
    if cjk >= MIN_SENTENCE_CJK:
        return True
    return len(_WORD.findall(_CJK.sub(" ", stripped))) >= MIN_SENTENCE_WORDS


def has_complete_sentence(line: str) -> bool:
    """Whether a line holds at least one complete sentence."""
    return any(is_complete_sentence(match.group(0)) for match in _SENTENCE.finditer(line))


def paragraphs(text: str) -> list[str]:
    """The non-empty lines of `text`, with lines hard-wrapped inside a sentence joined."""
    joined: list[str] = []
    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        if joined and _WRAPPED_END.search(joined[-1]) and line[0].islower():
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def prose_share(text: str) -> float:
    """Share of the text's characters that stand in paragraphs holding a complete sentence."""
    parts = paragraphs(text)
    return _prose_share(parts, [has_complete_sentence(part) for part in parts])


def _prose_share(parts: list[str], prose: list[bool]) -> float:
    total = sum(len(part) for part in parts)
    if total == 0:
        return 0.0
    return sum(len(part) for part, holds in zip(parts, prose, strict=True) if holds) / total


def verdict(text: str) -> str | None:
    """None for an article, else why the text is not one: "no complete sentence" or "list page"."""
    parts = paragraphs(text)
    if len(parts) >= LIST_MIN_LINES:
        # NOTE: the paragraphs and their sentence search serve both rules (the search is most of the cost)
        prose = [has_complete_sentence(part) for part in parts]
        if _prose_share(parts, prose) < LIST_MAX_PROSE_SHARE:
            return "list page"
        return None if any(prose) else "no complete sentence"
    if not any(has_complete_sentence(part) for part in parts):
        return "no complete sentence"
    return None
