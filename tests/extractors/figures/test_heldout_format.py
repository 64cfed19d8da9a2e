"""The held-out set (tests/data/heldout-v69, labels version 2) is well formed and shares no text with the
dev set.

The checks are the dev set's own (``test_devset_format.py``), run on the held-out records. A failure names
the record and the check only: the held-out texts and labels must stay unseen, so no assertion message
quotes them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from benchmarks.devset import DEVSET_DIR, HELDOUT_DIR, SCRIPT_FILES, devset_files, read_records
from tests.extractors.figures import test_devset_format as checks

if not HELDOUT_DIR.is_dir():
    # why: between retiring a held-out set into the dev set and committing its successor there is none
    pytest.skip(f"no held-out set at {HELDOUT_DIR}: write the next one", allow_module_level=True)
RECORDS = read_records(HELDOUT_DIR)
IDS = [r["id"] for r in RECORDS]
MIN_DOCS_PER_SCRIPT = 10
MIN_FIGURES = 300


def _quiet(check: Callable[[Any], None], argument: Any, what: str) -> None:
    """Run a check; on failure report only which record and check failed."""
    try:
        check(argument)
    except AssertionError:
        raise AssertionError(f"{what}: {check.__name__} failed") from None


def test_the_three_script_files_exist() -> None:
    assert [p.name for p in devset_files(HELDOUT_DIR)] == sorted(SCRIPT_FILES.values())


def test_set_is_large_enough() -> None:
    assert sum(len(r["figures"]) for r in RECORDS) >= MIN_FIGURES
    for script in SCRIPT_FILES:
        assert sum(r["script"] == script for r in RECORDS) >= MIN_DOCS_PER_SCRIPT, script


def test_ids_unique() -> None:
    _quiet(checks.check_ids_unique, RECORDS, "heldout")


@pytest.mark.parametrize("check", checks.RECORD_CHECKS, ids=[c.__name__ for c in checks.RECORD_CHECKS])
@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_record(record: dict[str, Any], check: Callable[[dict[str, Any]], None]) -> None:
    _quiet(check, record, record["id"])


def test_loader_and_scorer_agree_with_the_labels() -> None:
    _quiet(checks.check_scores_itself_perfectly, HELDOUT_DIR, "heldout")


def _sentences(text: str) -> set[str]:
    # why: a full stop inside a number ("2.4 times") does not end a sentence
    parts = re.split(r"(?<=[.!?])\s+|(?<=[。！？])|\n", text)
    return {" ".join(p.split()) for p in parts if len(p.strip()) >= 20}


def test_no_text_shared_with_devset() -> None:
    # why: a held-out sentence that is also a dev set sentence was seen in tuning and scores optimistically
    dev_records = read_records(DEVSET_DIR)
    dev = set().union(*(_sentences(r["text"]) for r in dev_records))
    dev_ids = {r["id"] for r in dev_records}
    clashes = [r["id"] for r in RECORDS if r["id"] in dev_ids or _sentences(r["text"]) & dev]
    assert not clashes, f"held-out records sharing an id or a sentence with the dev set: {clashes}"
