"""The development set's README counts what its files hold (benchmarks/retire_heldout.py regenerates them when
a held-out set is retired)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from benchmarks.devset import DEVSET_DIR, HELDOUT_DIR
from benchmarks.retire_heldout import README, _entries_before, count_blocks, main, rewrite_counts


def test_the_readme_counts_what_the_files_hold() -> None:
    assert main(["--check"]) == 0


def test_the_counts_follow_the_files(tmp_path: Path) -> None:
    for path in DEVSET_DIR.glob("*.jsonl"):
        shutil.copy(path, tmp_path / path.name)
    record = json.loads((tmp_path / "en.jsonl").read_text(encoding="utf-8").splitlines()[0])
    record["id"] = "en-extra"
    with open(tmp_path / "en.jsonl", "a", encoding="utf-8") as out:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    readme = README.read_text(encoding="utf-8")
    grown = rewrite_counts(readme, tmp_path)
    assert grown != readme
    documents = int(
        count_blocks(tmp_path)["table"].split("**total** | **")[1].split("**")[0].replace(",", "")
    )
    assert (
        documents
        == int(count_blocks()["table"].split("**total** | **")[1].split("**")[0].replace(",", "")) + 1
    )


def test_the_readme_names_the_set_before_the_held_out_one() -> None:
    # retiring the held-out set needs the README's entries for the set before it, whichever way its engines
    # were listed ("metrics-2.49.0 and 2.50.0", "metrics-2.50.0 to 2.53.0"); found before any file is touched
    held = int(HELDOUT_DIR.name.removeprefix("heldout-v"))
    previous, scored = _entries_before(held, README.read_text(encoding="utf-8"))
    assert f"`en-v{held - 1}-*`" in previous.group()
    assert scored.group().startswith(f"v{held - 1} with metrics-")
