"""The language of a text is py3langid's, bit for bit, with its automaton walked by numpy.

The shortcut rests on one property of py3langid's model, proved here for every state of the installed
model: from any state, the same `AUTOMATON_MEMORY` bytes lead to the same state. The scores are then
compared with py3langid's own on crafted, random and real texts (every HTML page of the shared corpus).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import py3langid
import pytest
from py3langid.langid import _get_identifier

from gdwatch.extractors.pages.clean import clean_article
from gdwatch.extractors.pages.language import AUTOMATON_MEMORY, _identifier, classify
from tests.extractors.pages.test_single_parse import corpus_files, page_name_and_html


def test_the_automaton_forgets_its_start_within_its_memory() -> None:
    # pairs of states the same bytes reached from different starts: from (any state, the start state), one
    # byte at a time, every byte; pairs that meet stay together, so only the others are followed
    model = _get_identifier()
    moves = np.frombuffer(model.tk_nextmove, dtype=np.uint32)
    rows = np.asarray(model.tk_row, dtype=np.int64) << 8
    states = len(rows)
    letters = np.arange(256, dtype=np.int64)
    one = np.arange(states, dtype=np.int64)
    other = np.zeros(states, dtype=np.int64)
    for _ in range(AUTOMATON_MEMORY):
        one_next = moves[(rows[one][:, None] + letters).ravel()].astype(np.int64)
        other_next = moves[(rows[other][:, None] + letters).ravel()].astype(np.int64)
        apart = one_next != other_next
        pairs = np.unique(one_next[apart] * states + other_next[apart])
        one, other = pairs // states, pairs % states
    assert len(one) == 0


def assert_same_scores(text: str) -> None:
    model, ours = _get_identifier(), _identifier()
    assert ours._decide(text).tobytes() == model._decide(text).tobytes(), text
    assert classify(text) == py3langid.classify(text)[0]


TEXTS = [
    "",
    " ",
    "a",
    "中",
    "é",
    "ab",
    "Guangdong",
    "GUANGDONG EXPORTS ROSE 4.4 PERCENT",
    "Guangdong's foreign trade reached RMB9.1 trillion in 2025, up 4.4 percent year-on-year.",
    "今年前三季度，广东省外贸进出口总值6.8万亿元，同比增长4.4%。",
    "廣東省外貿進出口總值６．８萬億元，同比增長４．４％。",
    "Die Exporte der Provinz Guangdong stiegen um 4,4 Prozent.",
    "广东 Guangdong 2025 外贸 trade 4.4% — mixed lines\nand a second one",
    "\U0001f600 emoji \ud83d only a lone surrogate",
]


@pytest.mark.parametrize("text", TEXTS)
def test_crafted_texts(text: str) -> None:
    assert_same_scores(text)


def test_random_texts() -> None:
    rng = random.Random(13)
    alphabet = "abcdefgh ,.éÀЖ中文广东省日本語한국어0123456789\n"
    for _ in range(2000):
        assert_same_scores("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))))


def test_every_corpus_page(corpus_dir: Path) -> None:
    checked = 0
    for path in corpus_files(corpus_dir):
        _name, html = page_name_and_html(corpus_dir, path)
        article = clean_article(
            html, url="https://example.com/a.html", feed_published=None, now=datetime(2026, 12, 1, tzinfo=UTC)
        ).article
        if article is None:
            continue
        for cut in (5000, 200, 5):
            assert_same_scores(article.text[:cut])
        checked += 1
    assert checked >= 200
