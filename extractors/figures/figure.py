"""The figure record the finder produces: one number with its unit, read from one sentence."""

from __future__ import annotations

from dataclasses import dataclass

MULTIPLE_KIND = "times"
"""The kind a multiple of a level (是去年的4倍, unit ``times``) is given. It becomes "times" together with
the metric chooser's table of unit kinds, which raises on a kind it does not know."""


@dataclass(slots=True)
class Figure:
    """One figure in a sentence, with offsets relative to that sentence."""

    start: int
    end: int
    value: float
    unit: str
    """Canonical: an ISO currency code, ``%``, ``pp``, ``times``, ``years`` / ``quarters`` / ``months``,
    or a count's unit from :mod:`count_units` ("enterprises" for firms, 企业, 家)."""
    resolution: float
    kind: str
    """"currency", "percent", "pp", "count", "years" (a streak or duration, in years, quarters or months),
    or :data:`MULTIPLE_KIND` for a multiple of a level (是去年的4倍, unit ``times``)."""
    qualifier: str = "exact"
    qualifier_own: bool = False
    range_role: str | None = None
    conversion_of: int | None = None
    from_low: bool = False
    to_high: bool = False
    noun_after: bool = False
    unit_text: str = ""
    """The unit as the sentence writes it ("firms", 外贸企业, 元, "percent"); "" when nothing is written."""
    unit_start: int | None = None
    """Where ``unit_text`` starts in the sentence (the original script is ``text[unit_start:][:len]``)."""
    part: str | None = None
    """The part of a whole a ratio figure is ("primary sector" in 2.1:45.3:52.6), else None."""
    counts_the_same_as: Figure | None = None
    """The count before a bare number that counts the same things and leaves out their noun ("312
    enterprises ..., 26 more than at the end of last year", "bringing the total to 178"), else None."""
