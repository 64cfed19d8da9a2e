"""The dependency direction of docs/architecture.md, checked on a fresh interpreter per layer."""

from __future__ import annotations

import subprocess
import sys

import pytest

# layer -> modules it imports (all of its modules), and what must stay out of the process after that
LAYERS = {
    "extractors are pure": (
        ["gdwatch.extractors.listing", "gdwatch.extractors.pages", "gdwatch.extractors.figures"],
        ["httpx", "duckdb", "prefect", "gdwatch.warehouse", "gdwatch.pipeline", "gdwatch.flows"],
    ),
    "warehouse knows no HTTP or Prefect": (
        ["gdwatch.warehouse"],
        ["httpx", "prefect", "gdwatch.pipeline", "gdwatch.flows"],
    ),
    "pipeline is plain Python": (
        [
            "gdwatch.pipeline.archives",
            "gdwatch.pipeline.backfill",
            "gdwatch.pipeline.context",
            "gdwatch.pipeline.fetching",
            "gdwatch.pipeline.ingest",
            "gdwatch.pipeline.pages",
            "gdwatch.pipeline.present",
            "gdwatch.pipeline.report.build",
            "gdwatch.pipeline.runner",
            "gdwatch.pipeline.sources",
            "gdwatch.pipeline.summaries",
        ],
        ["prefect", "gdwatch.flows"],
    ),
}


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_layer_imports_nothing_above_it(layer: str) -> None:
    modules, forbidden = LAYERS[layer]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"print(sorted(f for f in {forbidden!r} if f in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]", f"{layer}: imports {result.stdout.strip()}"
