"""The figure engine: article text in, typed Observation records out (see docs/architecture.md)."""

from gdwatch.extractors.figures.engine import EXTRACTOR_VERSION, extract_observations

__all__ = ["EXTRACTOR_VERSION", "extract_observations"]
