"""The check of queued figures in a short-lived process of its own (`python -m` this module).

A check of thousands of queued articles reads their texts, signatures and figures through DuckDB, which
keeps its allocator's pages and the blocks it read cached for the life of the connection's database, and
the Python allocator keeps what the fingerprint stage freed. In the run's process that stays for the rest
of the run, and later batches and the page workers forked from it start that much larger
(docs/benchmarks.md, "The check in a process of its own"). In a process of its own it all leaves with the
process.

The writer closes its held file before it starts the process and reopens it afterwards: DuckDB lets one
process open a file for writing. The process runs ``load.check_pending``, the very check the writer would
run in its own process, so it stores the same rows; each slice is one transaction, so a process that
fails or is killed leaves the slices it committed checked and the rest queued for the next check.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from gdwatch.warehouse.errors import WarehouseError

_MODULE = "gdwatch.warehouse.check_process"
_CAUSE_CHARS = 500
"""A failed check's cause is cut here, so the writer's one-line error stays readable."""


def check_in_own_process(
    path: Path,
    *,
    run_id: int,
    config_dir: Path | None,
    slice_articles: int | None,
    threads: int,
    lock_fd: int | None,
    timings: dict[str, float] | None = None,
) -> int:
    """Run ``load.check_pending`` on the DuckDB file ``path`` in a new process and wait for it.

    The caller holds the writer lock and has closed its own connection to ``path``.

    Args:
        path: the warehouse file.
        run_id: the run the check is recorded under.
        config_dir: the configuration directory the check reads its settings and outlets from.
        slice_articles: the check's slice size (``Warehouse.CHECK_SLICE_ARTICLES``).
        threads: DuckDB threads of the process's connection (``Warehouse.FILE_THREADS``).
        lock_fd: the descriptor of the writer lock, inherited by the process so that the lock stays held
            until it ends even if the caller is killed meanwhile: no other run opens the file under it.
        timings: if given, receives the seconds the check spent in each step, as in the caller's process.

    Returns:
        The conflicts the check opened.

    Raises:
        WarehouseError: the process failed or was killed; the message is one line and names the cause.
            The slices it committed stay checked; the rest stay queued for the next check.
    """
    request = {
        "path": str(path),
        "run_id": run_id,
        "config_dir": None if config_dir is None else str(config_dir),
        "slice_articles": slice_articles,
        "threads": threads,
    }
    done = subprocess.run(
        [sys.executable, "-m", _MODULE, json.dumps(request)],
        capture_output=True,
        text=True,
        env=_environment(),
        pass_fds=() if lock_fd is None or lock_fd < 0 else (lock_fd,),
        check=False,
    )
    if done.returncode != 0:
        raise WarehouseError(
            f"{path}: the check of the queued figures failed in its process ({_cause(done)}); "
            "what it did not check stays queued and the next check takes it up"
        )
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    if timings is not None:
        for step, seconds in answer["timings"].items():
            timings[step] = timings.get(step, 0.0) + seconds
    return int(answer["opened"])


def _environment() -> dict[str, str]:
    """The caller's environment, with the directory this package was imported from first on the path, so
    the process runs the caller's code even where another checkout is installed."""
    import gdwatch

    root = str(Path(gdwatch.__file__).parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(part for part in (root, env.get("PYTHONPATH")) if part)
    return env


def _cause(done: subprocess.CompletedProcess[str]) -> str:
    """One line: the process's last line of error output, or how it ended."""
    lines = [line.strip() for line in done.stderr.splitlines() if line.strip()]
    if done.returncode < 0:
        return f"killed by signal {-done.returncode}"
    return lines[-1] if lines else f"exit status {done.returncode}"


def main(argv: list[str]) -> int:
    """Check what is queued on the file named in ``argv[1]`` (a JSON request); print the result as JSON."""
    from gdwatch.warehouse.connection import connect
    from gdwatch.warehouse.load import check_pending

    request = json.loads(argv[1])
    timings: dict[str, float] = {}
    try:
        conn = connect(Path(request["path"]), migrate=False)
        try:
            conn.execute(f"SET threads = {int(request['threads'])}")
            opened = check_pending(
                conn,
                run_id=int(request["run_id"]),
                timings=timings,
                config_dir=None if request["config_dir"] is None else Path(request["config_dir"]),
                slice_articles=request["slice_articles"],
            )
        finally:
            conn.close()
    except Exception as exc:  # why: the writer shows one line; a traceback here would be cut to its last line
        one_line = " ".join(str(exc).split())[:_CAUSE_CHARS]
        print(f"{type(exc).__name__}: {one_line}", file=sys.stderr)
        return 1
    print(json.dumps({"opened": opened, "timings": timings}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
