"""Every test here is a scaleout test: real PostgreSQL (tests/scaleout/fixtures.py), real DuckLake files."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/scaleout/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.scaleout)
