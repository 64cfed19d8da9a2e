"""What a daily run leaves in Prefect: a Completed flow run with its parameters, one task run per source, the
run-summary artifact (the markdown of the run's summary) and its heartbeat, on a real Prefect API."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from gdwatch.config.loader import load_config
from gdwatch.flows.daily import daily_run
from gdwatch.flows.launch import run_flow
from gdwatch.pipeline.summaries import markdown_summary
from tests.conftest import WriteConfig
from tests.support.httpserver import LocalSite
from tests.support.pages import page, serve_articles

TRADE = page(
    "/news/trade.html",
    "Guangdong's foreign trade hits record",
    "Guangdong's foreign trade reached RMB9.1 trillion in 2025, up 4.4 percent year-on-year.",
)


def post(api: str, path: str, body: dict[str, Any]) -> Any:
    response = httpx.post(f"{api}{path}", json=body, timeout=10)
    response.raise_for_status()
    return response.json()


def flow_run_events(api: str, flow_run_id: str) -> list[str]:
    """The event names Prefect recorded for a flow run (events arrive asynchronously: wait for them)."""
    from prefect.events.worker import EventsWorker

    EventsWorker.drain_all()
    names: list[str] = []
    for _ in range(40):
        found = post(
            api, "/events/filter", {"filter": {"resource": {"id": [f"prefect.flow-run.{flow_run_id}"]}}}
        )
        names = sorted(event["event"] for event in found["events"])
        if "prefect.flow-run.Completed" in names and "prefect.flow-run.heartbeat" in names:
            break
        time.sleep(0.25)
    return names


@pytest.mark.parametrize("runs", [1, 2])
def test_a_daily_run_is_recorded_in_prefect(
    runs: int, http_server: LocalSite, write_config: WriteConfig, tmp_path: Path, prefect_api: str
) -> None:
    """The first run loads a page; the second finds the feed unchanged (what the start-up benchmark times)."""
    feed = serve_articles(http_server, [TRADE], etag='"v1"')
    config = write_config(
        [{"name": "one", "kind": "rss", "url": feed}, {"name": "two", "kind": "rss", "url": feed}]
    )
    db = tmp_path / "wh.duckdb"
    for _ in range(runs):
        summary = run_flow(daily_run, config_dir=str(config), db_path=str(db))

    (flow_run,) = [
        r
        for r in post(prefect_api, "/flow_runs/filter", {"sort": "START_TIME_DESC", "limit": 50})
        if r["parameters"].get("db_path") == str(db)
    ][:1]
    assert flow_run["state_type"] == "COMPLETED"
    assert flow_run["parameters"]["config_dir"] == str(config)
    tasks = post(prefect_api, "/task_runs/filter", {"flow_runs": {"id": {"any_": [flow_run["id"]]}}})
    assert sorted((t["name"].rsplit("-", 1)[0], t["state_type"]) for t in tasks) == [
        ("read-source", "COMPLETED"),
        ("read-source", "COMPLETED"),
    ]
    artifacts = post(
        prefect_api, "/artifacts/filter", {"artifacts": {"flow_run_id": {"any_": [flow_run["id"]]}}}
    )
    zone = ZoneInfo(load_config(config).settings.schedule.timezone)
    assert [(a["key"], a["data"]) for a in artifacts] == [
        ("run-summary", markdown_summary(summary, zone=zone))
    ]
    events = flow_run_events(prefect_api, flow_run["id"])
    assert events == [
        "prefect.flow-run.Completed",
        "prefect.flow-run.Pending",
        "prefect.flow-run.Running",
        "prefect.flow-run.heartbeat",
    ]
