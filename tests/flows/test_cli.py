"""The `gdwatch` command as users run it: separate processes, exit codes, kill -9, two writers at once."""

from __future__ import annotations

import json
import random
import signal
import threading
import time
from pathlib import Path

import duckdb
import httpx

from gdwatch.warehouse import published_path
from tests.conftest import WriteConfig
from tests.support.cli import gdwatch, start
from tests.support.httpserver import LocalSite
from tests.support.pages import html, page, serve_articles


def articles(n: int) -> list:
    return [
        page(f"/news/{i}.html", f"Guangdong story {i}", f"Guangdong's exports rose {i}.5 percent in 2025.")
        for i in range(n)
    ]


def test_bad_config_exits_2_naming_file_and_key(write_config: WriteConfig) -> None:
    config = write_config([{"name": "x", "kind": "rss", "url": "http://127.0.0.1:9/feed"}])
    toml = config / "gdwatch.toml"
    toml.write_text(toml.read_text().replace("retries", "retrys"), encoding="utf-8")
    result = gdwatch("run", "--config", str(config))
    assert result.returncode == 2
    assert "gdwatch.toml" in result.stderr and "politeness.retrys" in result.stderr
    assert "unknown key" in result.stderr


def test_bad_source_kind_exits_2(write_config: WriteConfig) -> None:
    config = write_config([{"name": "x", "kind": "newsletter", "url": "http://127.0.0.1:9/feed"}])
    result = gdwatch("run", "--config", str(config))
    assert result.returncode == 2
    assert "sources.toml" in result.stderr and "sources[x].kind" in result.stderr


def test_run_exit_codes_and_read_commands(
    http_server: LocalSite, write_config: WriteConfig, cli_env: dict[str, str], tmp_path: Path
) -> None:
    feed = serve_articles(http_server, articles(2))
    config = write_config([])
    db = tmp_path / "wh.duckdb"
    ok = gdwatch("run", "--feed", feed, "--config", str(config), "--db", str(db), env=cli_env)
    assert ok.returncode == 0, ok.stderr
    assert "completed" in ok.stdout and "adhoc-" in ok.stdout

    http_server.add("/gone.xml", "no", status=500, content_type="text/plain")
    failed = gdwatch(
        "run", "--feed", http_server.url("/gone.xml"), "--config", str(config), "--db", str(db), env=cli_env
    )
    assert failed.returncode == 1
    assert "500" in failed.stdout

    out = gdwatch(
        "sql", "SELECT count(*) AS n FROM articles", "--json", "--config", str(config), "--db", str(db)
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip()) == {"n": 2}
    refused = gdwatch("sql", "DELETE FROM article_versions", "--config", str(config), "--db", str(db))
    assert refused.returncode != 0

    status = gdwatch("status", "--config", str(config), "--db", str(db))
    assert status.returncode == 0, status.stderr
    assert "failed" in status.stdout and "completed" in status.stdout

    as_of = gdwatch(
        "sql",
        "SELECT count(*) AS n FROM runs",
        "--as-of",
        "1",
        "--json",
        "--config",
        str(config),
        "--db",
        str(db),
    )
    assert json.loads(as_of.stdout.strip()) == {"n": 1}


def test_kill_9_mid_run_loses_nothing_and_duplicates_nothing(
    http_server: LocalSite, write_config: WriteConfig, cli_env: dict[str, str], tmp_path: Path
) -> None:
    stories = articles(8)
    feed = serve_articles(http_server, stories)
    for story in stories:
        http_server.add(story.path, html(story, http_server.base_url), delay_s=0.4)
    config = write_config([{"name": "local", "kind": "rss", "url": feed}])  # batch_size = 2
    db = tmp_path / "wh.duckdb"

    process = start("run", "--config", str(config), "--db", str(db), env=cli_env)
    deadline = time.monotonic() + 120
    while sum(http_server.hits(s.path) for s in stories) < 5 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    rerun = gdwatch("run", "--config", str(config), "--db", str(db), env=cli_env)
    assert rerun.returncode == 0, rerun.stderr
    with duckdb.connect(str(published_path(db)), read_only=True) as con:
        assert con.execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchone() == (8, 8)
        assert con.execute("SELECT count(*) FROM article_versions").fetchone() == (8,)
        dupes = con.execute(
            "SELECT count(*) FROM (SELECT article_id, ordinal, extractor_version FROM observation_history "
            "GROUP BY ALL HAVING count(*) > 1)"
        ).fetchone()
        assert dupes == (0,)


def test_a_second_run_exits_while_one_is_writing(
    http_server: LocalSite, write_config: WriteConfig, cli_env: dict[str, str], tmp_path: Path
) -> None:
    stories = articles(4)
    feed = serve_articles(http_server, stories)
    # The pages answer only once the second run has exited, so the first run is surely still writing
    # then, however slow the machine (no delay racing a timeout).
    release = threading.Event()
    for story in stories:
        http_server.add(story.path, html(story, http_server.base_url), hold=release)
    config = write_config([{"name": "local", "kind": "rss", "url": feed}], read_timeout_s=600.0)
    db = tmp_path / "wh.duckdb"

    first = start("run", "--config", str(config), "--db", str(db), env=cli_env)
    deadline = time.monotonic() + 120
    while http_server.hits("/feed.xml") == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        second = gdwatch("run", "--config", str(config), "--db", str(db), env=cli_env)
    finally:
        release.set()
    assert second.returncode == 1
    assert "being written" in second.stderr and str(first.pid) in second.stderr
    _, err = first.communicate(timeout=180)
    assert first.returncode == 0, err
    with duckdb.connect(str(published_path(db)), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (4,)


def test_extract_reads_text_and_html_files(tmp_path: Path) -> None:
    text = tmp_path / "note.txt"
    text.write_text(
        "Guangdong's foreign trade reached RMB9.1 trillion in 2025, up 4.4 percent.", encoding="utf-8"
    )
    result = gdwatch("extract", str(text), "--published", "2026-01-20", "--json")
    assert result.returncode == 0, result.stderr
    figures = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(f["value"], f["unit"], f["period"]) for f in figures] == [
        (9.1e12, "CNY", "2025"),
        (4.4, "%", "2025"),
    ]

    article = page(
        "/a.html", "广东外贸", "2025年广东外贸进出口总值9.1万亿元，同比增长4.4%。", lang="zh", encoding="gbk"
    )
    page_file = tmp_path / "a.html"
    page_file.write_bytes(html(article, "http://127.0.0.1"))
    table = gdwatch("extract", str(page_file))
    assert table.returncode == 0, table.stderr
    assert "9.1万亿元" in table.stdout and "2 figure(s)" in table.stdout


def test_extract_refuses_binary_data_in_one_line(tmp_path: Path) -> None:
    blob = tmp_path / "photo.jpg"
    rng = random.Random(3)
    blob.write_bytes(bytes(rng.randrange(256) for _ in range(4000)))
    result = gdwatch("extract", str(blob))
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {blob}: not a text or HTML file (binary data); nothing extracted"
    assert result.stdout == ""


def test_serve_registers_the_daily_cron_deployment(
    write_config: WriteConfig, cli_env: dict[str, str], prefect_api: str, tmp_path: Path
) -> None:
    config = write_config([{"name": "x", "kind": "rss", "url": "http://127.0.0.1:9/feed.xml"}])
    process = start("serve", "--config", str(config), "--db", str(tmp_path / "wh.duckdb"), env=cli_env)
    try:
        deployment = None
        deadline = time.monotonic() + 90
        while deployment is None and time.monotonic() < deadline and process.poll() is None:
            found = httpx.post(f"{prefect_api}/deployments/filter", json={}, timeout=10).json()
            deployment = next((d for d in found if d["name"] == "daily"), None)
            time.sleep(0.5)
        assert deployment is not None, (
            process.stderr.read() if process.stderr and process.poll() is not None else "no deployment"
        )
        (schedule,) = deployment["schedules"]
        assert schedule["schedule"]["cron"] == "0 6 * * *"
        assert schedule["schedule"]["timezone"] == "Asia/Shanghai"
        assert deployment["global_concurrency_limit"]["limit"] == 1
        assert deployment["parameters"]["config_dir"] == str(config)
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_help_keeps_bracketed_words_and_joins_each_description() -> None:
    result = gdwatch("--help")
    assert result.returncode == 0, result.stderr
    # "[schedule]" is a config table's name, not a style tag; a description reads as one paragraph, so
    # wherever the panel wraps it, no line ends inside "opened and closed" with the rest on a new paragraph
    words = " ".join(result.stdout.replace("│", " ").split())
    assert "(config: [schedule])" in words
    assert "supersessions, opened and closed disagreements." in words
    out = " ".join(gdwatch("report", "--help").stdout.replace("│", " ").split())
    assert "NAME-report/ beside the warehouse NAME.duckdb" in out
