"""The cue words of lexicon.py drive the readers: each bound word gives its qualifier, each month its
number, each projection word a cue, each change word its role and sign."""

from __future__ import annotations

import pytest

from gdwatch.extractors.figures import lexicon
from gdwatch.extractors.figures.finder import find_figures
from gdwatch.extractors.figures.projection import projection_cues
from gdwatch.extractors.figures.roles import is_decline, percent_role


def _cases(table: dict[str, tuple[str, ...]]) -> list[tuple[str, str]]:
    return [(word, kind) for kind, words in table.items() for word in words]


def _qualifier(sentence: str) -> str:
    [figure] = find_figures(sentence)
    return figure.qualifier


@pytest.mark.parametrize(("word", "kind"), _cases(lexicon.QUALIFIERS_BEFORE_EN))
def test_english_bound_word_before_a_figure(word: str, kind: str) -> None:
    assert _qualifier(f"Exports were {word} 5 percent") == kind


@pytest.mark.parametrize(("word", "kind"), _cases(lexicon.QUALIFIERS_AFTER_EN))
def test_english_bound_word_after_a_figure(word: str, kind: str) -> None:
    assert _qualifier(f"Exports were 5 percent {word}") == kind


@pytest.mark.parametrize(("word", "kind"), _cases(lexicon.QUALIFIERS_BEFORE_ZH))
def test_chinese_bound_word_before_a_figure(word: str, kind: str) -> None:
    assert _qualifier(f"出口{word}5%") == kind


@pytest.mark.parametrize(("word", "kind"), _cases(lexicon.QUALIFIERS_AFTER_ZH))
def test_chinese_bound_word_after_a_figure(word: str, kind: str) -> None:
    assert _qualifier(f"出口5%{word}") == kind


@pytest.mark.parametrize(
    ("kind", "documented"),
    [
        ("approx", ["about", "around", "roughly", "approximately", "some", "约", "左右", "上下"]),
        (
            "over",
            ["more than", "over", "exceeded", "above", "at least", "surpassed", "超过", "逾", "以上", "突破"],
        ),
        (
            "under",
            ["less than", "under", "below", "nearly", "almost", "close to", "不到", "不足", "以下", "近"],
        ),
    ],
)
def test_bound_words_of_the_architecture_doc_are_in_the_lexicon(kind: str, documented: list[str]) -> None:
    # docs/architecture.md, "qualifier" (多 is read with the number: 3万多家)
    assert {word: lexicon.QUALIFIER_OF.get(word) for word in documented} == dict.fromkeys(documented, kind)


def test_months_and_abbreviations_have_their_numbers() -> None:
    assert [lexicon.MONTH_NUMBERS[name[:3]] for name in lexicon.MONTHS] == list(range(1, 13))
    assert all(lexicon.MONTH_NUMBERS[short[:3]] for short in lexicon.MONTH_ABBREVIATIONS)
    assert "may" not in lexicon.MONTH_ABBREVIATIONS


@pytest.mark.parametrize("word", [*lexicon.PROJECTION_WORDS_EN, *lexicon.PROJECTION_WORDS_ZH])
def test_every_projection_word_is_a_cue(word: str) -> None:
    assert projection_cues(f"{word} 5") == [0]


@pytest.mark.parametrize("word", lexicon.RISE_WORDS_EN + lexicon.RISE_WORDS_ZH)
def test_rise_words_make_a_growth_rate(word: str) -> None:
    assert percent_role(f"exports {word} ", "") == "growth"
    assert not is_decline(f"exports {word} ", "")


@pytest.mark.parametrize("word", lexicon.DECLINE_WORDS_EN + lexicon.DECLINE_WORDS_ZH)
def test_decline_words_make_a_negative_growth_rate(word: str) -> None:
    assert percent_role(f"exports {word} ", "") == "growth"
    assert is_decline(f"exports {word} ", "")


@pytest.mark.parametrize("word", lexicon.DECLINE_CUES_EN)
def test_decline_cues_after_a_rise_win(word: str) -> None:
    assert is_decline(f"imports rose while exports {word} ", "")
