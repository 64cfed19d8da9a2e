"""The example queries of docs/sql.md run on a live warehouse, and the four that issue 10 asks for answer it.

Each ```sql block of the reference is run as written on a warehouse holding a disagreement (three copies of a
wire story against one independent report), a figure of the first half of 2025, and runs started today, so
that "since yesterday" and "today" have rows.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from gdwatch.warehouse import LoadBatch, Warehouse
from tests.warehouse.conftest import make_obs, make_page
from tests.warehouse.test_disagreements import WIRE, rows

DOC = Path(__file__).resolve().parents[2] / "docs" / "sql.md"
BLOCKS = re.findall(r"```sql\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def example(start: str) -> str:
    """The documented query that starts with ``start``."""
    (block,) = [b for b in BLOCKS if b.lstrip().startswith(start)]
    return block


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("examples") / "warehouse.duckdb"
    now = datetime.now(UTC).replace(microsecond=0)
    trade: dict[str, Any] = {"resolution": 1e10}
    copies = [
        make_page(url, text, observations=(make_obs(9.1e12, **trade),), published_at=now, fetched_at=now)
        for url, text in (
            ("https://www.chinadaily.com.cn/a/1.html", WIRE.format(value="9.1")),
            ("https://www.newsgd.com/b/2.html", "By Li Wei | GD Today\n" + WIRE.format(value="9.1")),
            ("https://www.21jingji.com/c/3.html", WIRE.format(value="9.1") + " Editor: Zhang Min."),
        )
    ]
    independent = make_page(
        "https://www.yicai.com/news/4.html",
        "Guangdong's trade grew to 9.4 trillion yuan last year, our reporter learned from officials.",
        observations=(
            make_obs(9.4e12, **trade),
            make_obs(4.3e12, period="2025-H1", quote="In the first half, trade reached 4.3 trillion yuan."),
        ),
        published_at=now,
        fetched_at=now,
    )
    with Warehouse(path) as wh:
        for pages in (copies, [independent]):
            run = wh.start_run(flow="test", params={}, started_at=now)
            wh.load_batch(LoadBatch(tuple(pages)), run_id=run)
            wh.finish_run(run, ended_at=now + timedelta(seconds=1), status="completed", counts={}, errors=[])
    return path


@pytest.mark.parametrize("sql", BLOCKS, ids=[b.split("\n")[0][:40] for b in BLOCKS])
def test_every_documented_query_runs(warehouse: Path, sql: str) -> None:
    rows(warehouse, sql)


def test_the_latest_consensus_of_a_metric_with_its_witnesses(warehouse: Path) -> None:
    (row,) = rows(warehouse, example("SELECT period, value / 1e12 AS trillion, qualifier, witnesses"))
    # the whole year ends last; its two values have one independent witness each (three copies count once)
    assert (row["period"], row["witnesses"], row["contested"], row["clusters"]) == ("2025", 1, False, 2)
    # a tie of witnesses, neither side official, reported at once: the cluster id decides (one value, always)
    assert row["outlets"] == "21st Century Business Herald; China Daily; GD Today (Nanfang Media)"


def test_what_changed_since_yesterday(warehouse: Path) -> None:
    changes = rows(warehouse, example("SELECT changed_at, change, metric"))
    assert {(c["change"], c["period"]) for c in changes} == {
        ("new_key", "2025"),
        ("new_key", "2025-H1"),
        ("disagreement_opened", "2025"),
    }


def test_which_outlets_disagree_most_often(warehouse: Path) -> None:
    outlets = rows(warehouse, example("SELECT outlet, count(DISTINCT disagreement_id)"))
    assert [(o["outlet"], o["disagreements"]) for o in outlets] == [
        ("21st Century Business Herald", 1),
        ("China Daily", 1),
        ("GD Today (Nanfang Media)", 1),
        ("Yicai", 1),
    ]


def test_all_figures_for_a_period_range(warehouse: Path) -> None:
    figures = rows(warehouse, example("SELECT period, metric, entity, value, unit, qualifier, outlet, url"))
    assert [(f["period"], f["value"]) for f in figures] == [("2025-H1", 4.3e12)]
