"""Which Prefect API a gdwatch command talks to, and a local server that dies with gdwatch.

In order: PREFECT_API_URL when set; a local server already answering on 127.0.0.1 at
GDWATCH_PREFECT_PORT (default 4200: `gdwatch server`, or the README's production service), reused so a
command starts in a second; else a server of this command's own, started under `flows.server_guard`,
which stops it and its children when the command exits, even by kill -9. Prefect's own ephemeral
server is not used: it outlives a killed parent.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from gdwatch.config.errors import GdwatchError

HOST = "127.0.0.1"
START_TIMEOUT_S = 180.0


def default_port() -> int:
    return int(os.environ.get("GDWATCH_PREFECT_PORT", "4200"))


def api_url(port: int) -> str:
    return f"http://{HOST}:{port}/api"


def answers(url: str, timeout_s: float = 1.0) -> bool:
    """Whether a Prefect API answers its health check at `url`."""
    try:
        return httpx.get(f"{url}/health", timeout=timeout_s).status_code == 200
    except httpx.HTTPError:
        return False


@contextmanager
def prefect_api(own_port: int | None = None) -> Iterator[str]:
    """Make PREFECT_API_URL point at a Prefect API for the duration of the block; yields the URL.

    Args:
        own_port: the port of this command's own server when one must be started (default: a free one).
    """
    configured = os.environ.get("PREFECT_API_URL")
    if configured:
        yield configured
        return
    shared = api_url(default_port())
    if answers(shared):
        os.environ["PREFECT_API_URL"] = shared
        try:
            yield shared
        finally:
            os.environ.pop("PREFECT_API_URL", None)
        return
    with guarded_server(own_port or free_port()) as url:
        os.environ["PREFECT_API_URL"] = url
        try:
            yield url
        finally:
            os.environ.pop("PREFECT_API_URL", None)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@contextmanager
def guarded_server(port: int) -> Iterator[str]:
    """Start `prefect server start` on 127.0.0.1:`port` under a guard; stop the guard's group on exit.

    Raises:
        GdwatchError: the server did not answer within START_TIMEOUT_S.
    """
    url = api_url(port)
    guard = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gdwatch.flows.server_guard",
            "--parent",
            str(os.getpid()),
            "--host",
            HOST,
            "--port",
            str(port),
        ],
        start_new_session=True,
        stdin=subprocess.DEVNULL,
    )
    try:
        _wait_healthy(url, guard, port)
        yield url
    finally:
        stop_guard(guard)


def stop_guard(guard: subprocess.Popen[bytes]) -> None:
    """Ask the guard to stop its group, and make sure it does."""
    if guard.poll() is None:
        guard.send_signal(signal.SIGTERM)
        try:
            guard.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(guard.pid, signal.SIGKILL)
            guard.wait()


def _wait_healthy(url: str, guard: subprocess.Popen[bytes], port: int) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if guard.poll() is not None:
            raise GdwatchError(
                f"the local Prefect server on port {port} exited at start; is the port taken? "
                "Set GDWATCH_PREFECT_PORT, or run `prefect server start` yourself and set PREFECT_API_URL"
            )
        if answers(url, timeout_s=2.0):
            return
        time.sleep(0.5)
    raise GdwatchError(f"the local Prefect server did not answer {url}/health within {START_TIMEOUT_S:.0f} s")
