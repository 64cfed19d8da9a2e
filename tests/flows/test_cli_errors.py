"""Bad arguments get one readable line and exit 2, before Prefect starts and before anything is written."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import WriteConfig, write_config_dir
from tests.flows.conftest import cli_environment
from tests.support.cli import gdwatch
from tests.support.httpserver import LocalSite
from tests.support.pages import page, serve_articles


def one_line_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


@pytest.fixture(scope="module")
def published_db(prefect_api: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A warehouse after one real `gdwatch run`, made once for the tests that only read it."""
    directory = tmp_path_factory.mktemp("published")
    story = page("/a.html", "Guangdong exports", "Guangdong's exports rose 6.1 percent in 2025.")
    with LocalSite() as site:
        sources: list[dict[str, object]] = [
            {"name": "local", "kind": "rss", "url": serve_articles(site, [story])}
        ]
        config = write_config_dir(directory / "config", sources)
        db = directory / "wh.duckdb"
        done = gdwatch(
            "run", "--config", str(config), "--db", str(db), env=cli_environment(prefect_api, directory)
        )
    assert done.returncode == 0, done.stdout + done.stderr
    return config, db


def test_a_bad_query_is_one_line_and_exit_2(published_db: tuple[Path, Path]) -> None:
    config, db = published_db
    result = gdwatch("sql", "SELEC 1", "--config", str(config), "--db", str(db))
    assert result.returncode == 2
    assert one_line_error(result.stderr).startswith("usage error: SQL:")


def test_as_of_an_unknown_run_is_refused(published_db: tuple[Path, Path]) -> None:
    config, db = published_db
    result = gdwatch("sql", "SELECT 1", "--as-of", "99", "--config", str(config), "--db", str(db))
    assert result.returncode == 2
    assert "no such run (runs 1..1)" in one_line_error(result.stderr)


def test_backfill_window_backwards_is_refused_before_anything_runs(
    write_config: WriteConfig, tmp_path: Path
) -> None:
    config = write_config([])
    db = tmp_path / "wh.duckdb"
    result = gdwatch(
        "backfill", "--since", "2026-02-01", "--until", "2026-01-01", "--config", str(config), "--db", str(db)
    )
    assert result.returncode == 2
    assert "--since 2026-02-01 is after --until 2026-01-01" in one_line_error(result.stderr)
    assert not db.exists()


def test_an_unknown_source_is_refused_and_writes_no_run(write_config: WriteConfig, tmp_path: Path) -> None:
    config = write_config([{"name": "local", "kind": "rss", "url": "http://127.0.0.1:9/feed.xml"}])
    db = tmp_path / "wh.duckdb"
    result = gdwatch(
        "backfill",
        "--since",
        "2026-01-01",
        "--until",
        "2026-01-02",
        "--source",
        "nosuch",
        "--config",
        str(config),
        "--db",
        str(db),
    )
    assert result.returncode == 2
    assert "--source nosuch: no such source (known: local)" in one_line_error(result.stderr)
    assert not db.exists()


def test_reclean_without_reprocess_is_refused_and_writes_no_run(
    write_config: WriteConfig, tmp_path: Path
) -> None:
    config = write_config([])
    db = tmp_path / "wh.duckdb"
    result = gdwatch(
        "backfill", "--since", "2026-01-01", "--until", "2026-01-02", "--reclean", "--config", str(config),
        "--db", str(db),
    )  # fmt: skip
    assert result.returncode == 2
    assert "--reclean: goes with --reprocess" in one_line_error(result.stderr)
    assert not db.exists()
    assert "--reclean" in gdwatch("backfill", "--help").stdout


def test_a_window_in_the_future_is_refused(write_config: WriteConfig, tmp_path: Path) -> None:
    config = write_config([])
    later = datetime.now(UTC).date() + timedelta(days=30)
    result = gdwatch(
        "backfill", "--since", str(later), "--until", str(later), "--reprocess", "--config", str(config),
        "--db", str(tmp_path / "wh.duckdb"),
    )  # fmt: skip
    assert result.returncode == 2
    assert "is in the future" in one_line_error(result.stderr)


def test_db_in_a_missing_folder_is_refused_and_not_created(write_config: WriteConfig, tmp_path: Path) -> None:
    config = write_config([{"name": "local", "kind": "rss", "url": "http://127.0.0.1:9/feed.xml"}])
    missing = tmp_path / "no" / "such" / "dir"
    result = gdwatch("run", "--config", str(config), "--db", str(missing / "x.duckdb"))
    assert result.returncode == 2
    assert f"the folder {missing} does not exist" in one_line_error(result.stderr)
    assert not missing.parent.exists()
