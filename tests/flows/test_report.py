"""`gdwatch report` on the demo warehouse, opened in headless Chromium as a person would open it.

The test drives Debian's `chromium` with its `chromedriver` (installed by `.ci/run` / the Makefile when
missing) through Selenium, keeps a full-page screenshot under build/test-artifacts/ and prints its path.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import duckdb
import httpx
import pytest

from gdwatch.pipeline.report.data import period_bounds
from gdwatch.warehouse import published_path
from tests.support.cli import REPO, gdwatch

ARTIFACTS = REPO / "build" / "test-artifacts"


@pytest.mark.parametrize(
    ("period", "bounds"),
    [
        ("2025", (date(2025, 1, 1), date(2025, 12, 31))),
        ("2026-Q1", (date(2026, 1, 1), date(2026, 3, 31))),
        ("2025-H2", (date(2025, 7, 1), date(2025, 12, 31))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2025-01..2025-10", (date(2025, 1, 1), date(2025, 10, 31))),
        ("2021..2025", (date(2021, 1, 1), date(2025, 12, 31))),
        ("2026-02-10", (date(2026, 2, 10), date(2026, 2, 10))),
        (None, None),
        ("soon", None),
    ],
)
def test_a_period_string_gives_its_first_and_last_day(period: str | None, bounds: object) -> None:
    assert period_bounds(period) == bounds


@pytest.fixture(scope="module")
def report_site(demo_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "site"
    result = gdwatch("report", "--db", str(demo_warehouse), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out / "index.html")
    return out / "index.html"


def test_a_folder_that_cannot_be_written_is_one_line(demo_warehouse: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"  # --out names a file: its folder exists, the site's cannot be made
    blocker.write_text("not a folder")
    result = gdwatch("report", "--db", str(demo_warehouse), "--out", str(blocker))
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 1 and len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith(f"error: report: cannot write {blocker}: ")
    assert "give --out a folder you can write" in lines[0]


def test_the_report_needs_no_network(report_site: Path) -> None:
    html = report_site.read_text(encoding="utf-8")
    assert "<script" not in html and "http://cdn" not in html and "https://cdn" not in html
    assert 'href="assets/report.css"' in html and (report_site.parent / "assets" / "report.css").is_file()


def test_the_report_in_headless_chromium(
    report_site: Path, demo_warehouse: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.common.by import By

    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver_path:
        pytest.skip("Debian's chromium and chromium-driver are not installed (make test installs them)")
    with duckdb.connect(str(published_path(demo_warehouse)), read_only=True) as con:
        metrics = [
            m for (m,) in con.execute("SELECT DISTINCT metric FROM metric_timeline ORDER BY 1").fetchall()
        ]

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=driver_path))
    try:
        driver.get(report_site.as_uri())
        charts = driver.find_elements(By.CSS_SELECTOR, "article.metric")
        assert [c.get_attribute("data-metric") for c in charts] == metrics
        for chart in charts:
            marks = chart.find_elements(By.CSS_SELECTOR, "figure.chart svg .mark-symbol path")
            assert marks, f"{chart.get_attribute('data-metric')}: a chart without marks"
            assert chart.find_elements(By.CSS_SELECTOR, "table.reports tbody tr")

        (dispute,) = driver.find_elements(By.CSS_SELECTOR, ".disagreement")
        assert dispute.get_attribute("data-metric") == "foreign_trade_total"
        sides = [s.text for s in dispute.find_elements(By.CSS_SELECTOR, ".side .value")]
        assert sides == ["9.1 trillion yuan / 9.1万亿元", "9.4 trillion yuan"]
        witnesses = [w.text for w in dispute.find_elements(By.CSS_SELECTOR, ".side .witnesses")]
        assert witnesses == ["2 independent witnesses", "1 independent witness"]
        assert "示例日报" in dispute.text and "据海关统计" in dispute.text

        # The Chinese labels render with a CJK font, not as boxes.
        assert driver.execute_script("return document.fonts.check('16px \"Noto Sans CJK SC\"', '广货')")
        errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        assert errors == []

        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1280, min(int(height), 16000))
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        screenshot = ARTIFACTS / "report-demo.png"
        assert driver.save_screenshot(str(screenshot))
    finally:
        driver.quit()
    with capsys.disabled():
        print(f"\nreport screenshot (CI artifact): {screenshot}")


def test_export_writes_a_view_with_duckdb_copy(demo_warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "timeline.parquet"
    result = gdwatch("export", "--db", str(demo_warehouse), "--view", "metric_timeline", "--out", str(out))
    assert result.returncode == 0, result.stderr
    with duckdb.connect() as con:
        exported = con.execute(f"SELECT count(*), count(DISTINCT metric) FROM '{out}'").fetchone()
    with duckdb.connect(str(published_path(demo_warehouse)), read_only=True) as con:
        assert (
            exported == con.execute("SELECT count(*), count(DISTINCT metric) FROM metric_timeline").fetchone()
        )
    csv_out = tmp_path / "conflicts.csv"
    csv = gdwatch(
        "export", "--db", str(demo_warehouse), "--view", "conflicts", "--format", "csv", "--out", str(csv_out)
    )
    assert csv.returncode == 0 and csv_out.read_text(encoding="utf-8").startswith("conflict_id,metric,")
    # a folder where the file should go is one line, not a traceback
    blocked = gdwatch("export", "--db", str(demo_warehouse), "--view", "runs", "--out", str(tmp_path))
    assert blocked.returncode == 1 and "Traceback" not in blocked.stderr, blocked.stderr
    assert blocked.stderr.strip().startswith(f"error: export: cannot write {tmp_path}: ")
    assert len(blocked.stderr.strip().splitlines()) == 1
    bad = gdwatch("export", "--db", str(demo_warehouse), "--view", "store.runs", "--out", str(csv_out))
    assert bad.returncode == 2 and "not a public view" in bad.stderr


def test_read_commands_on_the_demo_fit_100_columns(demo_warehouse: Path) -> None:
    for args in (["status"], ["status", "--wide"], ["conflicts"], ["sql", "SELECT * FROM metric_timeline"]):
        result = gdwatch(*args, "--db", str(demo_warehouse))
        assert result.returncode == 0, result.stderr
        assert max(len(line.rstrip()) for line in result.stdout.splitlines()) <= 100, args
        assert "…" not in result.stdout, args
    conflicts = gdwatch("conflicts", "--json", "--db", str(demo_warehouse))
    rows = [json.loads(line) for line in conflicts.stdout.splitlines()]
    # one disagreement, however many articles stand on each side
    assert [sorted((r["value"], r["other_value"])) for r in rows] == [[9.1e12, 9.4e12]]
    people = gdwatch("conflicts", "--db", str(demo_warehouse)).stdout
    assert "9.1万亿元" in people and "9.4 trillion yuan" in people and "CST" in people


def test_each_run_artifact_embeds_the_report_summary(demo_warehouse: Path, prefect_api: str) -> None:
    # the session's Prefect API holds the artifacts of every run of the session: the demo's last run is
    # the newest one that names the demo's warehouse
    found = httpx.post(
        f"{prefect_api}/artifacts/filter",
        json={"artifacts": {"key": {"any_": ["run-summary"]}}, "sort": "CREATED_DESC"},
        timeout=30,
    ).json()
    markdown = next(a["data"] for a in found if f"gdwatch report --db {demo_warehouse}`" in a["data"])
    assert "## Report summary" in markdown and "9.4 trillion yuan" in markdown
    assert "gdwatch report --db" in markdown
