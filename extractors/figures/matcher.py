"""Compile the metrics catalogue's phrases into one matcher, cached per catalogue.

The phrases are compiled into a single trie-shaped regular expression so that matching costs one
pass over a sentence however many phrases the catalogue has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from gdwatch.config.models import MetricCatalogue, MetricDefinition
from gdwatch.extractors.figures.scan import literal_trigger, trigger_starts

# Canonical partner name -> ways of writing it (already lower-case, quotes and hyphens as spaces).
PARTNERS: dict[str, tuple[str, ...]] = {
    "ASEAN": ("asean", "the association of southeast asian nations", "东盟"),
    "EU": ("the european union", "european union", "the eu", "eu", "欧盟"),
    "US": ("the united states", "united states", "the us", "the u.s.", "us", "u.s.", "america", "美国", "美"),
    "Hong Kong": ("hong kong", "香港"),
    "Macao": ("macao", "macau", "澳门"),
    "Africa": ("africa", "非洲"),
    "Latin America": ("latin america", "拉美", "拉丁美洲"),
    "Belt and Road countries": (
        "belt and road countries",
        "the belt and road countries",
        "countries along the belt and road",
        "bri countries",
        "共建 一带一路 国家",
        "一带一路 沿线国家",
        "一带一路 国家",
    ),
    "Japan": ("japan", "日本"),
    "South Korea": ("south korea", "korea", "韩国"),
    "Taiwan": ("taiwan", "台湾"),
    "Russia": ("russia", "俄罗斯"),
    "India": ("india", "印度"),
    "Vietnam": ("vietnam", "越南"),
    "Malaysia": ("malaysia", "马来西亚"),
    "Thailand": ("thailand", "泰国"),
    "Indonesia": ("indonesia", "印度尼西亚", "印尼"),
    "Singapore": ("singapore", "新加坡"),
    "Philippines": ("the philippines", "philippines", "菲律宾"),
    "Middle East": ("the middle east", "middle east", "中东"),
    "UK": ("the united kingdom", "united kingdom", "the uk", "britain", "英国"),
    "Germany": ("germany", "德国"),
    "Australia": ("australia", "澳大利亚"),
    "Brazil": ("brazil", "巴西"),
    "Mexico": ("mexico", "墨西哥"),
    "RCEP members": ("rcep members", "rcep countries", "rcep成员国", "其他rcep成员国"),
}
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
    for mark in "-\"'“”‘’":
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


def _partner_pattern() -> str:
    variants = sorted({v for names in PARTNERS.values() for v in names}, key=len, reverse=True)
    return "(?:" + "|".join(r"\s*".join(re.escape(w) for w in v.split()) for v in variants) + ")"


_PARTNER_ATOM = "(?:" + _partner_pattern() + ")"
_PARTNER_RE = re.compile(
    r"(?<![a-z])(?:" + _partner_pattern() + r")(?![a-z])",
)
_PARTNER_OF = {" ".join(v.split()): name for name, variants in PARTNERS.items() for v in variants}


@dataclass(frozen=True, slots=True)
class PhraseHit:
    """A catalogue phrase found in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    metrics: tuple[MetricDefinition, ...]
    partner: str | None


class CatalogueMatcher:
    """Finds the catalogue's phrases in text; build it with :func:`compile_catalogue`."""

    def __init__(self, catalogue: MetricCatalogue) -> None:
        by_phrase: dict[str, list[MetricDefinition]] = {}
        for metric in catalogue.metrics:
            for phrase in (*metric.phrases_en, *metric.phrases_zh):
                by_phrase.setdefault(_norm_phrase(phrase), []).append(metric)
        self._plain = {p: tuple(m) for p, m in by_phrase.items() if "{partner}" not in p}
        self._templated = [
            (
                re.compile(
                    "".join(_atoms(p)).replace(_PARTNER_ATOM, "(?P<partner>" + _partner_pattern() + ")")
                ),
                tuple(m),
            )
            for p, m in by_phrase.items()
            if "{partner}" in p
        ]
        body = _trie_regex([_atoms(p) for p in by_phrase])
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
        return [
            h for h in hits if not any(o is not h and o.start <= h.start and h.end <= o.end for o in hits)
        ]

    def _resolve(self, found: str, start: int, end: int) -> PhraseHit | None:
        metrics = self._plain.get(" ".join(found.split()))
        if metrics:
            return PhraseHit(start, end, metrics, None)
        for pattern, templated in self._templated:
            full = pattern.fullmatch(found)
            if full:
                return PhraseHit(start, end, templated, partner_name(full.group("partner")))
        return None


def partner_name(written: str) -> str | None:
    """The canonical partner name for the way a partner is written.

    Args:
        written: the partner as found in match text ("the european union", "东盟").

    Returns:
        "EU", "ASEAN", ... or None.
    """
    return _PARTNER_OF.get(" ".join(written.split()))


def find_partners(text: str) -> list[tuple[int, int, str]]:
    """Find trade partners named in match text.

    Args:
        text: a sentence as returned by :func:`match_text`.

    Returns:
        (start, end, canonical name) for each partner mention.
    """
    found = []
    for match in _PARTNER_RE.finditer(text):
        name = partner_name(match.group())
        if name:
            found.append((match.start(), match.end(), name))
    return found


_LAST: list[tuple[MetricCatalogue, CatalogueMatcher]] = []


def compile_catalogue(catalogue: MetricCatalogue) -> CatalogueMatcher:
    """Build (once per catalogue) the matcher for a catalogue's phrases.

    Args:
        catalogue: a loaded metrics catalogue (hashable, frozen).

    Returns:
        The compiled matcher.
    """
    # why: hashing a whole frozen catalogue costs more than extracting from a short article, and
    # callers pass the same object every time, so it is recognised by identity first
    last = _LAST[0] if _LAST else None
    if last is not None and last[0] is catalogue:
        return last[1]
    matcher = _compile_catalogue(catalogue)
    _LAST[:] = [(catalogue, matcher)]
    return matcher


@lru_cache(maxsize=16)
def _compile_catalogue(catalogue: MetricCatalogue) -> CatalogueMatcher:
    return CatalogueMatcher(catalogue)
