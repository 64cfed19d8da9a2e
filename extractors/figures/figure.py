"""The figure record the finder produces: one number with its unit, read from one sentence."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Figure:
    """One figure in a sentence, with offsets relative to that sentence."""

    start: int
    end: int
    value: float
    unit: str
    resolution: float
    kind: str
    """"currency", "percent", "pp", "count" or "years"."""
    qualifier: str = "exact"
    qualifier_own: bool = False
    range_role: str | None = None
    conversion_of: int | None = None
    from_low: bool = False
    to_high: bool = False
    noun_after: bool = False
