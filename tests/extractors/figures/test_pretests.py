"""The cheap pre-tests of the speed passes agree with the slow checks they stand in front of.

Each pre-test may only skip work that cannot find anything: these tests compare it with the full check on
the development and held-out texts, and on windows cut from them at every offset.
"""

from __future__ import annotations

import re

import pytest

from benchmarks.devset import DEVSET_DIR, HELDOUT_DIR, load_v2_set
from gdwatch.extractors.figures import sentences
from gdwatch.extractors.figures.numbers import normalize


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """The normalized, lower-cased texts of the development and held-out sets, plus boilerplate lines."""
    docs = load_v2_set(DEVSET_DIR) + load_v2_set(HELDOUT_DIR)
    extra = [
        "Scan the QR code to download the China Daily app. [Photo provided to China Daily]",
        "扫描二维码下载客户端。来源：南方日报 责任编辑：李明 评论（3） 张三 摄）photo by AP",
        "for china daily | updated: 2026-01-20 | contact the writer at x@chinadaily.com.cn",
        "来源:新华社 评论(12) 李四 摄) comments (4) subscribe",
    ]
    return [normalize(doc.text).lower() for doc in docs] + [text.lower() for text in extra]


def _marks_by_regex(lowered: str) -> list[int]:
    """The reference: where ``finditer`` of the marks' alternation, in list order, finds a mark."""
    pattern = re.compile("|".join(re.escape(mark) for mark in sentences._BOILERPLATE_MARKS))
    return [match.start() for match in pattern.finditer(lowered)]


def test_mark_gates_are_inside_their_marks() -> None:
    for mark, gate in sentences._MARK_GATES.items():
        assert mark in sentences._BOILERPLATE_MARKS
        assert gate in mark
    for mark in sentences._BOILERPLATE_MARKS:
        assert mark.isascii() or sentences._HAN.search(mark), mark


def test_boilerplate_marks_agree_with_the_regex(texts: list[str]) -> None:
    found = 0
    for lowered in texts:
        expected = _marks_by_regex(lowered)
        assert sentences._boilerplate_marks(lowered) == expected
        found += len(expected)
    assert found > 10  # why: the comparison must see marks, not only texts without any
