"""One shard of a daily run in its own process, the work the `daily-shard` flow does, without Prefect:
``python -m tests.scaleout.shard_worker CONFIG_DIR WAREHOUSE SHARD SHARDS`` prints the run as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from gdwatch.config.loader import load_config
from gdwatch.flows.sharded import shard_sources
from gdwatch.pipeline.context import RunSpec, context_for
from gdwatch.pipeline.ingest import SourceReport, read_source
from gdwatch.pipeline.runner import execute_run
from gdwatch.pipeline.sources import select_sources


def main(config_dir: str, db: str, shard: int, shards: int) -> None:
    config = load_config(Path(config_dir))
    sources = shard_sources(select_sources(config, None), shard, shards)

    def work(run: RunSpec) -> list[SourceReport]:
        ctx = context_for(run)
        return [read_source(ctx, source) for source in sources]

    params = {
        "shard": shard,
        "shards": shards,
        "parent": "two-processes",
        "sources": [s.name for s in sources],
    }
    summary = execute_run("daily-shard", params, config, Path(db), work, processes=1)
    print(json.dumps({"run_id": summary.run_id, "status": summary.status}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
