"""How the flows run their tasks (threads) and end (a state that tells the truth about the run)."""

from __future__ import annotations

from typing import Any, cast

from prefect import State
from prefect.futures import PrefectFuture
from prefect.states import Failed
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from gdwatch.pipeline.summaries import RunSummary


def thread_pool(max_workers: int) -> TaskRunner[PrefectFuture[Any]]:
    """A thread-pool task runner typed as the flow decorator expects.

    The cast is needed because Prefect declares TaskRunner invariant in its future type, so its own
    ThreadPoolTaskRunner does not type-check as `@flow(task_runner=...)`.
    """
    return cast("TaskRunner[PrefectFuture[Any]]", ThreadPoolTaskRunner(max_workers=max_workers))


def final_state(summary: RunSummary) -> RunSummary | State:
    """The flow's return value: the summary, or a Failed state carrying it when every source failed."""
    if summary.status != "failed":
        return summary
    failed = ", ".join(r.source for r in summary.reports)
    return Failed(message=f"every source failed ({failed}): see the run-summary artifact", data=summary)
