"""Run `gdwatch` the way users do: a separate process, its exit code, stdout and stderr."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def gdwatch(
    *args: str, env: dict[str, str] | None = None, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gdwatch.flows.cli", *args],
        cwd=REPO,
        env=env or plain_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def start(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "gdwatch.flows.cli", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def plain_env() -> dict[str, str]:
    """This process's environment without Prefect or gdwatch settings."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "GDWATCH_"))}
