"""The DuckLake backend end to end through the Warehouse API: runs, batches, views, as-of."""

from __future__ import annotations

from gdwatch.warehouse import LoadBatch, Warehouse, query
from tests.scaleout.fixtures import LakeFactory
from tests.warehouse.conftest import T0, make_obs, make_page


def test_a_lake_warehouse_loads_and_reads_back(new_lake: LakeFactory) -> None:
    lake = new_lake()
    with Warehouse(lake) as wh:
        run = wh.start_run(flow="daily", params={}, started_at=T0)
        counts = wh.load_batch(
            LoadBatch(pages=(make_page("https://a.example/1", "one", observations=(make_obs(9.1e12),)),)),
            run_id=run,
        )
        wh.finish_run(run, ended_at=T0, status="completed", counts={}, errors=[])
    assert counts.observations == 1
    _, rows = query(lake, "SELECT count(*) FROM observations")
    assert rows == [(1,)]
    _, runs = query(lake, "SELECT run_id, status FROM runs")
    assert runs == [(run, "completed")]
