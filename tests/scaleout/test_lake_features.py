"""DuckLake specifics: data files under s3:// (moto's server on 127.0.0.1), snapshots tagged with runs,
maintenance, a read-only PostgreSQL role for consumers, and run ids from the catalog's sequence."""

from __future__ import annotations

from pathlib import Path

import duckdb
import psycopg
import pytest

from gdwatch.config.models import lake_location
from gdwatch.warehouse import LoadBatch, Warehouse, WarehouseError, query
from gdwatch.warehouse.lake import LakeTarget, maintain, open_lake, run_snapshot
from tests.scaleout.fixtures import LakeFactory, PostgresServer, S3Server
from tests.warehouse.conftest import T0, make_obs, make_page

BIG_TEXT = "Guangdong's foreign trade reached 9.1 trillion yuan in 2025. " * 400


def load_run(lake, urls: list[str], value: float = 9.1e12) -> int:
    with Warehouse(lake) as wh:
        run = wh.start_run(flow="daily", params={}, started_at=T0)
        pages = tuple(make_page(u, BIG_TEXT + u, observations=(make_obs(value),)) for u in urls)
        wh.load_batch(LoadBatch(pages=pages), run_id=run)
        wh.finish_run(run, ended_at=T0, status="completed", counts={}, errors=[])
    return run


def test_data_files_on_s3(new_lake: LakeFactory, s3_server: S3Server) -> None:
    import boto3  # type: ignore[import-untyped]

    lake = new_lake(data_path=f"s3://{s3_server.bucket}/warehouse/")
    load_run(lake, [f"https://a.example/{i}" for i in range(200)])
    assert query(lake, "SELECT count(*) FROM articles")[1] == [(200,)]
    s3 = boto3.client("s3", endpoint_url=s3_server.endpoint, region_name="us-east-1")
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=s3_server.bucket).get("Contents", [])]
    assert any(k.startswith("warehouse/store/article_versions/") and k.endswith(".parquet") for k in keys)


def test_runs_tag_snapshots_and_maintain_keeps_the_rows(new_lake: LakeFactory) -> None:
    lake = new_lake()
    first = load_run(lake, ["https://a.example/1", "https://a.example/2"])
    second = load_run(lake, ["https://a.example/3"])
    assert second > first
    conn = open_lake(lake, read_only=True)
    try:
        snapshot = run_snapshot(conn, first)
        assert snapshot is not None
        assert conn.execute(
            f"SELECT count(*) FROM store.article_versions AT (VERSION => {snapshot})"
        ).fetchall() == [(2,)]
    finally:
        conn.close()
    assert query(lake, "SELECT count(*) FROM articles", as_of_run=first)[1] == [(2,)]
    done = maintain(lake, retention_days=0)
    assert done.snapshots_after < done.snapshots_before
    assert query(lake, "SELECT count(*) FROM articles")[1] == [(3,)]
    assert query(lake, "SELECT count(*) FROM articles", as_of_run=first)[1] == [(2,)]


def test_consumers_read_with_a_read_only_role(new_lake: LakeFactory, postgres_server: PostgresServer) -> None:
    lake = new_lake()
    load_run(lake, ["https://a.example/1"])
    dbname = LakeTarget.parse(lake).conninfo.split()[0].removeprefix("dbname=")
    postgres_server.execute(
        "DO $$ BEGIN CREATE ROLE gdwatch_reader LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
    )
    postgres_server.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO gdwatch_reader", dbname)
    reader = lake_location(f"postgres:{postgres_server.conninfo(dbname, user='gdwatch_reader')}")
    assert query(reader, "SELECT count(*) FROM observations")[1] == [(1,)]
    with Warehouse(reader) as wh, pytest.raises((WarehouseError, duckdb.Error, psycopg.Error)):
        wh.start_run(flow="daily", params={}, started_at=T0)  # the role can read, never write


@pytest.mark.parametrize("kind", ["sqlite", "duckdb"])
def test_a_single_host_catalog_has_one_writer_at_a_time(kind: str, tmp_path: Path) -> None:
    from gdwatch.warehouse import WarehouseBusyError

    lake = lake_location(f"{kind}:{tmp_path}/meta.{kind}", str(tmp_path / "files"))
    with Warehouse(lake) as wh:
        run = wh.start_run(flow="daily", params={}, started_at=T0)
        wh.load_batch(
            LoadBatch(pages=(make_page("https://a.example/1", "x", observations=(make_obs(1e12),)),)),
            run_id=run,
        )
        wh.finish_run(run, ended_at=T0, status="completed", counts={}, errors=[])
        with pytest.raises(WarehouseBusyError):
            Warehouse(lake)
    assert query(lake, "SELECT run_id, status FROM runs")[1] == [(1, "completed")]
    assert query(lake, "SELECT count(*) FROM observations")[1] == [(1,)]
