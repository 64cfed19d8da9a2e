"""`make demo`: the bundled site served on 127.0.0.1 and the whole pipeline run against it."""

from __future__ import annotations

from pathlib import Path

import duckdb

from gdwatch.warehouse import published_path
from tests.flows.conftest import DemoRun


def test_demo_shows_every_stage(demo_run: DemoRun) -> None:
    db = demo_run.db
    with duckdb.connect(str(published_path(db)), read_only=True) as con:
        assert con.execute("SELECT flow, status FROM runs ORDER BY run_id").fetchall() == [
            ("daily-run", "completed"),
            ("daily-run", "completed"),
            ("backfill", "completed"),
            ("backfill", "completed"),
        ]
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (
            6,
        )  # the off-topic story is not kept
        gbk = con.execute("SELECT text FROM articles WHERE url LIKE '%/zh/2026/01/21/waimao.html'").fetchone()
        assert gbk is not None and "广东外贸进出口总值9.1万亿元" in gbk[0]
        conflicts = con.execute("SELECT DISTINCT metric, period, conflicting_value FROM conflicts").fetchall()
        assert conflicts == [("foreign_trade_total", "2025", 9.4e12)]
        assert con.execute("SELECT metric, old_value, new_value FROM revisions").fetchall() == [
            ("industrial_robot_national_share", 36.6, 36.9)
        ]
        covered = con.execute("SELECT count(*) FROM coverage WHERE listed > 0").fetchone()
        assert covered is not None and covered[0] >= 5
    text = demo_run.output
    assert "open disagreements" in text and "9.4 trillion yuan" in text and "9.1万亿元" in text
    # the English and the Chinese report of 9.1 trillion are two witnesses of one side, against the wire's 9.4
    assert "9.1 trillion yuan  2 witnesses · Demo Daily; 示例日报" in text
    assert "1 open disagreement(s)" in text
    report = Path(text.strip().splitlines()[-1].removeprefix("report: "))
    assert report == db.parent / "demo-report" / "index.html" and report.is_file()
