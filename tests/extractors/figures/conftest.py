"""The figure engine the tests of this folder read with, compiled once per module from the packaged
catalogues."""

from __future__ import annotations

import pytest

from gdwatch.config.loader import load_gazetteer, load_metrics
from gdwatch.extractors.figures import FigureExtractor


@pytest.fixture(scope="module")
def extractor() -> FigureExtractor:
    return FigureExtractor(load_metrics(), load_gazetteer())
