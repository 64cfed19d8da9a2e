"""A process's claim on the writer lock: writers inside it join, other processes are refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from gdwatch.warehouse import Warehouse
from gdwatch.warehouse.lock import claimed_for_process
from tests.warehouse.conftest import T0

PROBE = """
import sys
from pathlib import Path
from gdwatch.warehouse.errors import WarehouseBusyError
from gdwatch.warehouse.lock import WriterLock
try:
    WriterLock(Path(sys.argv[1])).acquire(0)
except WarehouseBusyError as exc:
    print("busy", exc)
else:
    print("free")
"""


def other_process_sees(db: Path) -> str:
    out = subprocess.run([sys.executable, "-c", PROBE, str(db)], capture_output=True, text=True, check=True)
    return out.stdout.split()[0]


def test_a_writer_inside_the_claim_joins_it_and_the_claim_outlives_it(tmp_path: Path) -> None:
    db = tmp_path / "wh.duckdb"
    with claimed_for_process(db):
        with Warehouse(db) as writer:  # no wait for its own process's claim
            assert writer.start_run(flow="test", params={}, started_at=T0) == 1
        assert other_process_sees(db) == "busy"  # the writer closed, the claim still holds
    assert other_process_sees(db) == "free"
