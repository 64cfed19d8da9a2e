"""Read-only commands stay light: `gdwatch sql`, `status` and `conflicts` never import the pipeline's
heavy libraries (Arrow staging, trafilatura, Prefect), checked in a separate process."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gdwatch.warehouse import Warehouse
from tests.support.cli import REPO, plain_env

HEAVY = (
    "pyarrow",
    "trafilatura",
    "htmldate",
    "prefect",
    "gdwatch.extractors.figures.engine",
    "datasketch",
    "scipy",
)

# Runs the CLI in-process, then prints which heavy modules it loaded, even when the command exits.
PROBE = """
import atexit, json, sys
heavy = {heavy!r}
atexit.register(lambda: print("LOADED=" + json.dumps([m for m in heavy if m in sys.modules])))
sys.argv = ["gdwatch", *{args!r}]
from gdwatch.flows.cli import main
main()
"""


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse with one finished run and its published copy."""
    path = tmp_path_factory.mktemp("wh") / "warehouse.duckdb"
    with Warehouse(path) as warehouse:
        run = warehouse.start_run(flow="daily-run", params={}, started_at=datetime.now(UTC))
        warehouse.finish_run(run, ended_at=datetime.now(UTC), status="completed", counts={}, errors=[])
        warehouse.publish()
    return path


def loaded_modules(*args: str) -> tuple[list[str], subprocess.CompletedProcess[str]]:
    code = PROBE.format(heavy=HEAVY, args=list(args))
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=plain_env(), capture_output=True, text=True, timeout=120
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("LOADED="))
    return json.loads(line.removeprefix("LOADED=")), result


@pytest.mark.parametrize(
    "args",
    [
        ("sql", "SELECT count(*) AS runs FROM runs"),
        ("sql", "SELECT count(*) AS runs FROM runs", "--format", "csv"),
        ("status",),
        ("conflicts",),
    ],
)
def test_read_commands_import_no_pipeline_libraries(published: Path, args: tuple[str, ...]) -> None:
    loaded, result = loaded_modules(*args, "--db", str(published))
    assert result.returncode == 0, result.stderr
    assert loaded == []


def test_sql_still_answers(published: Path) -> None:
    _, result = loaded_modules(
        "sql", "SELECT count(*) AS runs FROM runs", "--format", "csv", "--db", str(published)
    )
    assert result.stdout.splitlines()[:2] == ["runs", "1"]
