"""A guard that runs `prefect server start` for a gdwatch process and never outlives it.

Started by `flows.prefect_server` as the leader of a new process group; the server and whatever it
starts stay in that group. The guard stops the whole group when its parent exits by any means (kill -9
included: it watches for the parent's pid to go away) or when it is told to stop (SIGTERM, SIGINT).

Run: python -m gdwatch.flows.server_guard --parent PID --host 127.0.0.1 --port 4200
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import time
from types import FrameType

POLL_S = 0.5
GRACE_S = 15.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--parent", type=int, required=True, help="pid whose exit stops the server")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)

    stop = False

    def request_stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", args.host, "--port", str(args.port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    while not stop and server.poll() is None and _alive(args.parent):
        time.sleep(POLL_S)
    stop_group(server)
    return 0


def _alive(pid: int) -> bool:
    # NOTE: after the parent dies this process is re-parented, so getppid() changing is the surest sign.
    if os.getppid() != pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def stop_group(server: subprocess.Popen[bytes]) -> None:
    """SIGTERM to every process of this group but the guard, then SIGKILL what is left after a grace."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    group = os.getpgrp()
    os.killpg(group, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        server.wait(timeout=GRACE_S)
    # Whatever the server started and did not stop goes now; the guard goes with it.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.killpg(group, signal.SIGKILL)


if __name__ == "__main__":
    sys.exit(main())
