"""What the CLI checks before any flow starts: paths, windows, names, runs; and the writer claim.

Every check fails with one readable line and exit 2 (`UsageError`, `ConfigError`), so a bad argument
never starts Prefect, never writes a `failed` run and never prints a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

from gdwatch.config.errors import GdwatchError, UsageError
from gdwatch.config.loader import Config, load_config, resolve_db_path


def warehouse_path(config: Config, db: Path | None) -> Path:
    """The warehouse file a writing command uses; only the configured default's folder is created.

    Raises:
        UsageError: --db or $GDWATCH_DB names a file in a folder that does not exist.
    """
    path = resolve_db_path(db, config.settings)
    if path != config.settings.warehouse.path and not path.parent.is_dir():
        raise UsageError(
            f"--db {path}: the folder {path.parent} does not exist; create it or choose another path"
        )
    return path


def published_copy(config_dir: Path | None, db: Path | None, *, loaded: Config | None = None) -> Path:
    """The read-only copy that `sql`, `status` and `conflicts` read.

    Args:
        config_dir: --config; its files are read unless the command has `loaded` them already.
        db: --db.
        loaded: the configuration of `config_dir`, when the command has it.

    Raises:
        GdwatchError: no run has published it yet.
    """
    from gdwatch.warehouse import published_path

    settings = (loaded or load_config(config_dir)).settings
    path = published_path(resolve_db_path(db, settings))
    if str(path).startswith("ducklake:"):
        return path  # a DuckLake catalog: readers attach it live, read-only
    if not path.exists():
        raise GdwatchError(f"{path} does not exist yet: run `gdwatch run` (or `make demo`) first")
    return path


def backfill_window(since: date, until: date, *, today: date | None = None) -> tuple[date, date, str | None]:
    """The window a backfill reads: `until` in the future is clamped to today, with a note.

    Raises:
        UsageError: `since` is after `until`, or the whole window is in the future.
    """
    today = today or datetime.now(UTC).date()
    if since > until:
        raise UsageError(f"--since {since} is after --until {until}: give the earlier day first")
    if since > today:
        raise UsageError(f"--since {since} is in the future (today is {today} UTC): nothing is published yet")
    if until > today:
        return since, today, f"--until {until} is in the future: reading up to today, {today}"
    return since, until, None


def known_run(published: Path, run_id: int) -> None:
    """Check that `--as-of RUN` names a run the warehouse has.

    Raises:
        UsageError: no such run (the message gives the range there is).
    """
    from gdwatch.warehouse import query

    sql = f"SELECT min(run_id), max(run_id), count(*) FILTER (run_id = {int(run_id)}) FROM runs"
    _, rows = query(published, sql)
    first, last, found = rows[0]
    if not found:
        known = f"runs {first}..{last}" if first is not None else "no runs yet"
        raise UsageError(f"--as-of {run_id}: no such run ({known}); see `gdwatch status`")


@contextmanager
def writing(config: Config, db: Path | None) -> Iterator[Path]:
    """Claim the warehouse's writer lock, then reach a Prefect API; yields the warehouse path.

    The claim comes first and lasts to the end of the run, so a busy warehouse is always the one-line
    message, before any Prefect server starts.

    Raises:
        UsageError: --db names a file in a folder that does not exist.
        WarehouseBusyError: another process is writing (its pid is in the message).
    """
    from gdwatch.flows.prefect_server import prefect_api
    from gdwatch.warehouse.lock import claimed_for_process

    path = warehouse_path(config, db)
    with claimed_for_process(path, config.settings.warehouse.lock_wait_s), prefect_api():
        yield path
