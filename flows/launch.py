"""Start a flow from the CLI or the demo and get its run summary back, whatever state it ended in."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from gdwatch.config.errors import GdwatchError

if TYPE_CHECKING:
    from gdwatch.pipeline.summaries import RunSummary

PREFECT_DEFAULTS = {
    # NOTE: Prefect's INFO logs drown the run summary; its telemetry fails offline.
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
}


def prefect_env() -> None:
    """Quiet Prefect defaults for a command line; a blank PREFECT_API_URL means unset."""
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    if os.environ.get("PREFECT_API_URL") == "":
        # A blank PREFECT_API_URL breaks Prefect's events client.
        del os.environ["PREFECT_API_URL"]


def run_flow(flow: Any, **params: object) -> RunSummary:
    """Call a gdwatch flow and return its summary, also when the flow run ended Failed.

    A run in which every source failed returns a Failed state carrying its summary (so Prefect can
    alert on the outage); a flow that crashed re-raises its exception here.
    """
    # NOTE: imported here: every command calls prefect_env(), and the summary pulls in the whole pipeline
    # (0.6 s that `gdwatch sql` or `status` should not pay).
    import inspect

    from gdwatch.pipeline.summaries import RunSummary

    state = flow(**params, return_state=True)
    if inspect.isawaitable(state):
        state = _run_to_end(state)
    _send_queued_logs()
    result = state.result(raise_on_failure=False)
    if isinstance(result, RunSummary):
        return result
    if isinstance(result, BaseException):
        raise result
    raise GdwatchError(f"the {flow.name} flow ended {state.type.value}: {state.message}")


def _run_to_end(awaitable: Any) -> Any:
    """Run an async flow's coroutine to its end on a loop of its own, in this thread.

    NOTE: not `asyncio.run`: it would take over SIGINT and, while the flow's body blocks, turn Ctrl-C into
    a cancellation that waits for the body's next await; here Ctrl-C raises KeyboardInterrupt in the
    body at once, as in a sync flow, and the flow run ends Crashed.
    """
    import asyncio

    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(awaitable)
    finally:
        loop.close()


def _send_queued_logs() -> None:
    """Send the flow's last log records to Prefect while its server still answers.

    NOTE: a run that ends Failed logs its final state as it ends; left queued, that record is sent at exit,
    after the server this process started is stopped, and Prefect prints "--- Error logging to API ---
    All connection attempts failed" under the run's summary.
    """
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=5)
