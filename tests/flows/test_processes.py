"""Process hygiene: gdwatch's own Prefect server dies with it, and Prefect states tell the truth."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import httpx
import pytest

from gdwatch.flows.prefect_server import answers, api_url, free_port
from tests.conftest import WriteConfig
from tests.support.cli import gdwatch, plain_env, start
from tests.support.httpserver import LocalSite
from tests.support.pages import page, serve_articles

STORY = page("/a.html", "Guangdong exports", "Guangdong's exports rose 6.1 percent in 2025.")


def children_of(pid: int) -> list[tuple[int, int]]:
    """(pid, process group) of the direct children of `pid`, read from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append((int(stat.parent.name), int(fields[2])))
    return found


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_until(condition, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


@pytest.fixture
def own_server_env(tmp_path: Path) -> dict[str, str]:
    """No PREFECT_API_URL and a port nothing answers on: the command must start a server of its own."""
    env = plain_env()
    env.update(
        GDWATCH_PREFECT_PORT=str(free_port()),
        PREFECT_HOME=str(tmp_path / "prefect-home"),
        PREFECT_LOGGING_LEVEL="WARNING",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
    )
    return env


def test_kill_9_of_a_run_leaves_no_prefect_server_behind(
    http_server: LocalSite, write_config: WriteConfig, own_server_env: dict[str, str], tmp_path: Path
) -> None:
    release = threading.Event()
    http_server.add("/held.xml", b"", hold=release)  # the run waits here, mid-flow, until killed
    config = write_config([{"name": "held", "kind": "rss", "url": http_server.url("/held.xml")}])
    run = start("run", "--config", str(config), "--db", str(tmp_path / "wh.duckdb"), env=own_server_env)
    try:
        assert wait_until(lambda: http_server.hits("/held.xml") > 0, 240), "the run never reached its feed"
        groups = {pgid for pid, pgid in children_of(run.pid) if pgid == pid}
        assert groups, "the run has no guarded Prefect server of its own"
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=30)
        assert wait_until(lambda: not any(group_alive(g) for g in groups), 60), "a server outlived its run"
    finally:
        release.set()
        if run.poll() is None:
            run.kill()


def test_sigterm_stops_serve_and_its_server(
    write_config: WriteConfig, own_server_env: dict[str, str], tmp_path: Path
) -> None:
    config = write_config([{"name": "x", "kind": "rss", "url": "http://127.0.0.1:9/feed.xml"}])
    url = api_url(int(own_server_env["GDWATCH_PREFECT_PORT"]))
    serve = start("serve", "--config", str(config), "--db", str(tmp_path / "wh.duckdb"), env=own_server_env)
    try:
        assert wait_until(lambda: answers(url) or serve.poll() is not None, 240) and serve.poll() is None
        groups = {pgid for pid, pgid in children_of(serve.pid) if pgid == pid}
        assert groups
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=60)
        assert wait_until(lambda: not any(group_alive(g) for g in groups), 60), "serve left its server behind"
        assert not answers(url)
    finally:
        if serve.poll() is None:
            serve.kill()


def test_a_run_where_every_source_failed_is_a_failed_flow_run(
    http_server: LocalSite,
    write_config: WriteConfig,
    cli_env: dict[str, str],
    prefect_api: str,
    tmp_path: Path,
) -> None:
    http_server.add("/down.xml", "oops", status=503, content_type="text/plain")
    feed = serve_articles(http_server, [STORY])
    db = tmp_path / "wh.duckdb"
    down = write_config([{"name": "down", "kind": "rss", "url": http_server.url("/down.xml")}], name="down")
    outage = gdwatch("run", "--config", str(down), "--db", str(db), env=cli_env)
    assert outage.returncode == 1 and "Traceback" not in outage.stderr, outage.stderr
    assert latest_flow_run_state(prefect_api) == "FAILED"

    partial = write_config(
        [
            {"name": "down", "kind": "rss", "url": http_server.url("/down.xml")},
            {"name": "up", "kind": "rss", "url": feed},
        ],
        name="partial",
    )
    some = gdwatch("run", "--config", str(partial), "--db", str(db), env=cli_env)
    assert some.returncode == 1 and "503" in some.stdout
    assert latest_flow_run_state(prefect_api) == "COMPLETED"


def test_a_failed_run_on_its_own_server_ends_without_prefect_noise(
    http_server: LocalSite, write_config: WriteConfig, own_server_env: dict[str, str], tmp_path: Path
) -> None:
    # the Failed state's last log record reaches the server before the command stops it
    http_server.add("/down.xml", "oops", status=503, content_type="text/plain")
    down = write_config([{"name": "down", "kind": "rss", "url": http_server.url("/down.xml")}])
    outage = gdwatch("run", "--config", str(down), "--db", str(tmp_path / "wh.duckdb"), env=own_server_env)
    assert outage.returncode == 1 and "503" in outage.stdout, outage.stdout + outage.stderr
    output = outage.stdout + outage.stderr
    assert "Error logging to API" not in output and "Traceback" not in output, output


def latest_flow_run_state(api: str) -> str:
    runs = httpx.post(
        f"{api}/flow_runs/filter",
        json={"sort": "EXPECTED_START_TIME_DESC", "limit": 1},
        timeout=10,
    ).json()
    return runs[0]["state_type"]
