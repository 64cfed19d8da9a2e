"""py3langid's language identification with its byte automaton walked by numpy instead of a Python loop.

py3langid counts the features of a text by walking a byte automaton (a DFA over n-grams) through the
text's UTF-8 bytes in a Python loop, about 1.5 ms for a 5,000-character article, most of its time. Its
automaton forgets where it started within `AUTOMATON_MEMORY` bytes: from any state, the same six bytes
lead to the same state (`tests/extractors/pages/test_language.py` proves it on the installed model, for
every state). So the state after byte i is the state the six bytes up to i lead to from the start, and
numpy computes it for every position at once, six gathers over the text. The features are counted and
summed in the order the loop meets them, and everything else is py3langid's own code (encoding, aliases,
the choice), so the scores are py3langid's, bit for bit.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np
from py3langid.langid import RAW_FLOOR, LanguageIdentifier, _get_identifier

AUTOMATON_MEMORY = 6
"""Bytes after which py3langid's automaton is in the same state whatever state it started from."""


class _ArrayIdentifier(LanguageIdentifier):
    """py3langid's default identifier (the same model arrays, not a copy) with the automaton in numpy."""

    __slots__ = ("_moves", "_outputs", "_rows")

    def __init__(self, model: LanguageIdentifier) -> None:
        super().__init__(
            model.nb_ptc,
            model.nb_pc,
            model.nb_classes,
            model.tk_nextmove,
            model.tk_output,
            tk_row=model.tk_row,
        )
        # a view of py3langid's own table (9.8 million entries), not a copy
        self._moves = np.frombuffer(model.tk_nextmove, dtype=np.uint32)
        self._rows = np.asarray(model.tk_row, dtype=np.int64) << 8
        self._outputs = np.asarray(model.tk_output, dtype=np.int64)

    def _raw_score(self, text: bytes) -> Any:
        """py3langid's `_raw_score` (without probabilities): the same sum, over `_visits`' arrays."""
        features, counts = self._visits(text)
        if len(features):
            return np.log1p(counts) @ self.nb_ptc[features] + self.nb_pc
        return np.full(len(self.nb_classes), RAW_FLOOR, dtype=np.float32)

    def _visits(self, text: bytes) -> tuple[Any, Any]:
        """The features py3langid's `visit_counts` meets (intp) and how often (float32), in the order met.

        py3langid sums its scores over the features in that order (a Counter's), so the sums are the same.
        """
        letters = np.frombuffer(text, dtype=np.uint8).astype(np.int64)
        states = np.zeros(len(letters), dtype=np.int64)
        # the state after byte i: the last AUTOMATON_MEMORY bytes up to i read from the start state; near the
        # beginning of the text only the bytes there are (the loop starts in state 0 too)
        for back in range(AUTOMATON_MEMORY - 1, -1, -1):
            if back < len(letters):
                states[back:] = self._moves[self._rows[states[back:]] + letters[: len(letters) - back]]
        features = self._outputs[states]
        features = features[features >= 0]
        found, first, counts = np.unique(features, return_index=True, return_counts=True)
        order = np.argsort(first)
        return found[order].astype(np.intp), counts[order].astype(np.float32)


_model: LanguageIdentifier | None = None
"""The model given by `use_model` (read from a cache by the pipeline); None: py3langid loads its own."""


def use_model(model: LanguageIdentifier) -> bool:
    """Identify languages with ``model``, py3langid's own model as its loader builds it, from elsewhere.

    The pipeline reads the model's arrays from a cache file instead of decompressing py3langid's package
    file in every run (`pipeline.language_model`); the arrays must be py3langid's, so the scores are too.
    Returns False when a model is in use already (its first text was identified): that one stays.
    """
    global _model
    if _identifier.cache_info().currsize:
        return False
    _model = model
    return True


@functools.cache
def _identifier() -> _ArrayIdentifier:
    return _ArrayIdentifier(_model if _model is not None else _get_identifier())


def classify(text: str) -> str:
    """The language py3langid's `classify` gives ``text`` ("en", "zh", ...), the same in every case."""
    language, _score = _identifier().classify(text)
    return str(language)
