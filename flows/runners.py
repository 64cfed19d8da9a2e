"""The task runner the flows use: threads, since a task's work waits on the network or on the writer."""

from __future__ import annotations

from typing import Any, cast

from prefect.futures import PrefectFuture
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner


def thread_pool(max_workers: int) -> TaskRunner[PrefectFuture[Any]]:
    """A thread-pool task runner typed as the flow decorator expects.

    The cast is needed because Prefect declares TaskRunner invariant in its future type, so its own
    ThreadPoolTaskRunner does not type-check as `@flow(task_runner=...)`.
    """
    return cast("TaskRunner[PrefectFuture[Any]]", ThreadPoolTaskRunner(max_workers=max_workers))
