"""Compile the metrics catalogue's phrases into one matcher (once per :class:`engine.FigureExtractor`).

The phrases are compiled into a single trie-shaped regular expression so that matching costs one
pass over a sentence however many phrases the catalogue has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gdwatch.config.models import MetricCatalogue, MetricDefinition
from gdwatch.extractors.figures.places import PlaceIndex
from gdwatch.extractors.figures.scan import literal_trigger, trigger_starts

_MATCH_TABLE = str.maketrans(
    {
        **{chr(c): chr(c + 32) for c in range(65, 91)},
        "-": " ",
        '"': " ",
        "'": " ",
        "“": " ",
        "”": " ",
        "‘": " ",
        "’": " ",
        # Hong Kong and Taiwan copy quotes with corner brackets: 對「一帶一路」沿線國家
        "「": " ",
        "」": " ",
        "『": " ",
        "』": " ",
    }
)


def match_text(text: str) -> str:
    """Lower-case ASCII letters and read hyphens and quotes as spaces, keeping every offset.

    Args:
        text: normalized text.

    Returns:
        Text of the same length for phrase matching.
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        return text.translate(_MATCH_TABLE)
    for mark in "-\"'“”‘’「」『』":
        lowered = lowered.replace(mark, " ")
    return lowered


def _norm_phrase(phrase: str) -> str:
    return " ".join(match_text(phrase).split())


def _atoms(phrase: str) -> list[str]:
    """A phrase as regex atoms: one per character, spaces as \\s+, {partner} as one atom."""
    atoms: list[str] = []
    rest = phrase
    while rest:
        if rest.startswith("{partner}"):
            atoms.append(_PARTNER_ATOM)
            rest = rest[len("{partner}") :]
        elif rest[0] == " ":
            atoms.append(
                r"\s*" if not rest[1:2].isascii() or not atoms or not atoms[-1].isascii() else r"\s+"
            )
            rest = rest[1:].lstrip(" ")
        else:
            atoms.append(re.escape(rest[0]))
            rest = rest[1:]
    return atoms


def _trie_regex(sequences: list[list[str]]) -> str:
    """Build one regex from atom sequences, sharing prefixes and trying longer continuations first."""
    trie: dict = {}
    for sequence in sequences:
        node = trie
        for atom in sequence:
            node = node.setdefault(atom, {})
        node[""] = {}

    def render(node: dict) -> str:
        ends = "" in node
        branches = [atom + render(child) for atom, child in node.items() if atom]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return render(trie)


# A template's {partner} stands for any partner; the pattern comes from the gazetteer when compiled.
_PARTNER_ATOM = "(?:{partner})"


@dataclass(frozen=True, slots=True)
class PhraseHit:
    """A catalogue phrase found in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    metrics: tuple[MetricDefinition, ...]
    partner: str | None
    verb: bool = False
    """True for a verb that measures only with the words around it ("shipped ... abroad"): no product is
    written before it, the verb's subject is who shipped."""


class CatalogueMatcher:
    """Finds the catalogue's phrases in text; built once per :class:`engine.FigureExtractor`."""

    def __init__(self, catalogue: MetricCatalogue, places: PlaceIndex) -> None:
        self._places = places
        by_phrase: dict[str, list[MetricDefinition]] = {}
        for metric in catalogue.metrics:
            for phrase in (*metric.phrases_en, *metric.phrases_zh):
                by_phrase.setdefault(_norm_phrase(phrase), []).append(metric)
        self._plain = {p: tuple(m) for p, m in by_phrase.items() if "{partner}" not in p}
        self._templated = [
            (
                re.compile(
                    "".join(_atoms(p)).replace(_PARTNER_ATOM, "(?P<partner>" + places.partner_pattern + ")")
                ),
                tuple(m),
            )
            for p, m in by_phrase.items()
            if "{partner}" in p
        ]
        body = _trie_regex([_atoms(p) for p in by_phrase]).replace(
            _PARTNER_ATOM, "(?:" + places.partner_pattern + ")"
        )
        self._regex = re.compile(body) if body else None
        starts = {p[:1] if not p[:1].isascii() else p[:2] for p in by_phrase}
        self._trigger = literal_trigger(s for s in starts if "{" not in s)

    def find(self, text: str) -> list[PhraseHit]:
        """Find catalogue phrases in a sentence, dropping hits inside a longer hit.

        Args:
            text: the sentence as returned by :func:`match_text`.

        Returns:
            Hits in order of their start.
        """
        if self._regex is None:
            return []
        hits: list[PhraseHit] = []
        for start in trigger_starts(self._trigger, text):
            match = self._regex.match(text, start)
            if match is None:
                continue
            found = match.group()
            end = match.start() + len(found)
            previous = text[match.start() - 1 : match.start()] if match.start() else ""
            if (
                found[:1].isascii()
                and found[:1].isalnum()
                and (previous.isascii() and (previous.isalnum() or previous == "&"))
            ):
                continue
            if not found or (
                end < len(text)
                and found[-1].isascii()
                and found[-1].isalnum()
                and text[end].isalnum()
                and text[end].isascii()
            ):
                continue
            hit = self._resolve(found, match.start(), end)
            if hit:
                hits.append(hit)
        # why: the hits start at distinct offsets, in order, so a hit lies inside another one exactly when an
        # earlier hit ends at or after its end; one pass with the furthest end so far finds them all
        kept = []
        furthest = -1
        for hit in hits:
            if hit.end > furthest:
                kept.append(hit)
            furthest = max(furthest, hit.end)
        return kept

    def verb_hit(self, phrase: str, start: int, end: int) -> PhraseHit | None:
        """A hit of one catalogue phrase, placed at ``start``-``end``: for words that measure only in a
        construction a phrase cannot spell ("shipped ... abroad" is "sold abroad")."""
        metrics = self._plain.get(_norm_phrase(phrase))
        return PhraseHit(start, end, metrics, None, verb=True) if metrics else None

    def placed_hit(self, phrase: str, start: int, end: int, partner: str | None) -> PhraseHit | None:
        """A hit of one catalogue phrase, placed at ``start``-``end``, with a partner: for words that name the
        trade only with the article around them (粤乌贸易 after 乌干达)."""
        metrics = self._plain.get(_norm_phrase(phrase))
        return PhraseHit(start, end, metrics, partner) if metrics else None

    def _resolve(self, found: str, start: int, end: int) -> PhraseHit | None:
        metrics = self._plain.get(" ".join(found.split()))
        if metrics:
            return PhraseHit(start, end, metrics, None)
        for pattern, templated in self._templated:
            full = pattern.fullmatch(found)
            if full:
                return PhraseHit(start, end, templated, self._places.partner_name(full.group("partner")))
        return None
