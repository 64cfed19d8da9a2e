"""Retire a scored held-out set into the development set.

Run from the repository root, after the set was scored once with the engine before and after a change:
``python -m benchmarks.retire_heldout 28 "metrics-2.26.0 and 2.27.0"``. It appends
``tests/data/heldout-v28/*.jsonl`` to ``tests/data/devset/``, regenerates the development set README's counts
and its list of retired sets, removes the held-out folder with ``git rm`` and points the code at
``tests/data/heldout-v29`` (benchmarks/devset.py, benchmarks/extraction.py, the held-out format test). The
gate's pins (``tests/extractors/figures/test_devset_gate.py``) are then reset by hand from
``benchmarks.devset.devset_sha256()``, with the floors under the grown set's scores.

``--check`` only recomputes the README's counts from the files and prints what differs (nothing when they
agree); ``tests/benchmarks/test_retire_heldout.py`` runs it.
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.devset import (
    BASES,
    DATA_DIR,
    DEVSET_DIR,
    FIGURE_PHENOMENA,
    FIGURE_PHENOMENA_V2,
    KINDS,
    NON_FIGURE_PHENOMENA,
    NON_FIGURE_PHENOMENA_V2,
    SCRIPT_FILES,
    read_records,
)

README = DEVSET_DIR / "README.md"
POINTERS = (
    "benchmarks/devset.py",
    "benchmarks/extraction.py",
    "tests/extractors/figures/test_heldout_format.py",
)
_WIDTH = 111
_RESPECTIVELY_WORDS = ("respectively", "分别", "分別")


def _wrap(text: str) -> str:
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > _WIDTH:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return "\n".join(lines)


def count_blocks(directory: Path = DEVSET_DIR) -> dict[str, str]:
    """The README's table and tag lines, computed from the set's files.

    Args:
        directory: the set's folder.

    Returns:
        "table", "kinds", "v2", "v1" and "non_figures" -> their Markdown.
    """
    rows = []
    total: Counter[str] = Counter()
    kinds: Counter[Any] = Counter()
    bases: Counter[Any] = Counter()
    tags: Counter[str] = Counter()
    non_figure_tags: Counter[str] = Counter()
    by_file: dict[str, list[dict[str, Any]]] = {name: [] for name in sorted(SCRIPT_FILES.values())}
    for record in read_records(directory):
        by_file[record["_where"].split(":")[0]].append(record)
    for name, records in by_file.items():
        counts: Counter[str] = Counter()
        for record in records:
            figures = record["figures"]
            counts["documents"] += 1
            counts["figures"] += len(figures)
            counts["non_figures"] += len(record.get("non_figures", []))
            counts["lede"] += sum("period-lede" in f.get("phenomena", []) for f in figures)
            counts["respectively"] += any(word in record["text"] for word in _RESPECTIVELY_WORDS)
            counts["segment"] += any(f.get("segment") for f in figures)
            for figure in figures:
                kinds[figure.get("kind")] += 1
                bases[figure.get("basis")] += 1
                tags.update(figure.get("phenomena", []))
            for non_figure in record.get("non_figures", []):
                non_figure_tags.update(non_figure.get("phenomena", []))
        rows.append((name, counts))
        total.update(counts)

    def row(label: str, counts: Counter[str], bold: bool = False) -> str:
        cells = [
            f"{counts[key]:,}"
            for key in ("documents", "figures", "non_figures", "lede", "respectively", "segment")
        ]
        if bold:
            cells = [f"**{cell}**" for cell in cells]
        return f"| {label} | " + " | ".join(cells) + " |"

    table = "\n".join(
        [
            "| file | documents | labelled figures | labelled non-figures | figures tagged `period-lede` "
            "| documents with respectively / 分别 / 分別 lists | documents with segment figures |",
            "|---|---|---|---|---|---|---|",
            *(row(f"`{name}`", counts) for name, counts in rows),
            row("**total**", total, bold=True),
        ]
    )
    kinds_line = (
        "Figures by kind: "
        + ", ".join(f"`{k}` {kinds[k]}" for k in KINDS)
        + ". By basis: "
        + ", ".join(f"`{b}` {bases[b]}" for b in BASES)
        + f", null {bases[None]}."
    )
    v2 = (
        "Version-2 figure tags: "
        + ", ".join(f"`{t}` {tags[t]}" for t in FIGURE_PHENOMENA_V2 if tags[t])
        + "."
    )
    v1 = (
        "Version-1 figure tags: "
        + ", ".join(f"`{t}` {tags[t]}" for t in sorted(FIGURE_PHENOMENA) if tags[t])
        + ". (`period-inherited` is retired: version 2 tags those figures `period-lede`.)"
    )
    non_figure_names = sorted(set(NON_FIGURE_PHENOMENA) | set(NON_FIGURE_PHENOMENA_V2))
    non_figures = (
        "Non-figure tags: "
        + ", ".join(f"`{t}` {non_figure_tags[t]}" for t in non_figure_names if non_figure_tags[t])
        + "."
    )
    return {
        "table": table,
        "kinds": _wrap(kinds_line),
        "v2": _wrap(v2),
        "v1": _wrap(v1),
        "non_figures": _wrap(non_figures),
    }


def rewrite_counts(readme: str, directory: Path = DEVSET_DIR) -> str:
    """The README with its table and tag lines recomputed from the set's files."""
    blocks = count_blocks(directory)
    readme = re.sub(
        r"\| file \| documents \|.*?\n\| \*\*total\*\*[^\n]*",
        lambda _: blocks["table"],
        readme,
        count=1,
        flags=re.S,
    )
    readme = re.sub(r"Figures by kind: .*?null \d+\.", lambda _: blocks["kinds"], readme, count=1, flags=re.S)
    readme = re.sub(
        r"Version-2 figure tags: .*?\.\n\n", lambda _: blocks["v2"] + "\n\n", readme, count=1, flags=re.S
    )
    readme = re.sub(
        r"Version-1 figure tags: .*?`period-lede`\.\)", lambda _: blocks["v1"], readme, count=1, flags=re.S
    )
    return re.sub(
        r"Non-figure tags: .*?\.\n\n", lambda _: blocks["non_figures"] + "\n\n", readme, count=1, flags=re.S
    )


def _entries_before(version: int, readme: str) -> tuple[re.Match[str], re.Match[str]]:
    """The README's entries for the set before ``version``: its ids and counts, and the engines it was scored
    with ("v50 with metrics-2.49.0 and 2.50.0;", "v51 with metrics-2.50.0 to 2.53.0;")."""
    previous = re.search(rf"`en-v{version - 1}-\*`, `hans-v{version - 1}-\*`, `hant-v{version - 1}-\*`: "
                         r"\d+ documents, [\d,]+ figures\)", readme)  # fmt: skip
    scored = re.search(rf"v{version - 1} with metrics-[\d.]+(?: (?:and|to) [\d.]+)?;", readme)
    if previous is None or scored is None:
        raise SystemExit(f"{README}: no entry for v{version - 1} to put v{version} after")
    return previous, scored


def retire(version: int, scored_with: str) -> str:
    """Move held-out set ``version`` into the development set (see the module docstring).

    Args:
        version: the held-out set's number.
        scored_with: the engines it was scored with, as the README lists them ("metrics-2.26.0 and 2.27.0").

    Returns:
        A one-line summary.
    """
    held = DATA_DIR / f"heldout-v{version}"
    added = read_records(held)
    documents, figures = len(added), sum(len(record["figures"]) for record in added)
    # why: checked before the files grow, so that a README it cannot update leaves the set where it was
    _entries_before(version, README.read_text(encoding="utf-8"))
    for name in SCRIPT_FILES.values():
        with open(DEVSET_DIR / name, "a", encoding="utf-8") as out:
            out.write((held / name).read_text(encoding="utf-8").rstrip("\n") + "\n")
    readme = rewrite_counts(README.read_text(encoding="utf-8"))
    ids = f"`en-v{version}-*`, `hans-v{version}-*`, `hant-v{version}-*`"
    previous, scored = _entries_before(version, readme)
    readme = (
        readme[: previous.end() - 1]
        + f"; {ids}: {documents} documents, {figures} figures)"
        + readme[previous.end() : scored.end() - 1]
        + f", v{version} with {scored_with};"
        + readme[scored.end() :]
    )
    for old, new in (
        (
            f"held-out set `tests/data/heldout-v{version}/`",
            f"held-out set `tests/data/heldout-v{version + 1}/`",
        ),
        (f"held-out sets v2 to v{version - 1}**", f"held-out sets v2 to v{version}**"),
        (f"`tests/data/heldout-v{version - 1}/README.md`)", f"`tests/data/heldout-v{version}/README.md`)"),
        (
            f"The held-out set is now `tests/data/heldout-v{version}/`",
            f"The held-out set is now `tests/data/heldout-v{version + 1}/`",
        ),
    ):
        readme = readme.replace(old, new)
    README.write_text(readme, encoding="utf-8")
    for pointer in POINTERS:
        path = Path(pointer)
        path.write_text(
            path.read_text(encoding="utf-8").replace(f"heldout-v{version}", f"heldout-v{version + 1}"),
            encoding="utf-8",
        )
    subprocess.run(["git", "rm", "-rq", str(held)], check=True)
    return f"retired v{version}: {documents} documents, {figures} figures"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version", nargs="?", type=int, help="the held-out set's number")
    parser.add_argument("scored_with", nargs="?", help='e.g. "metrics-2.26.0 and 2.27.0"')
    parser.add_argument(
        "--check", action="store_true", help="only compare the README's counts with the files"
    )
    args = parser.parse_args(argv)
    if args.check:
        old = README.read_text(encoding="utf-8")
        diff = list(difflib.unified_diff(old.splitlines(), rewrite_counts(old).splitlines(), lineterm=""))
        if diff:
            print("\n".join(diff))
        return 1 if diff else 0
    if args.version is None or not args.scored_with:
        parser.error("give the held-out set's number and the engines it was scored with, or --check")
    print(retire(args.version, args.scored_with))
    return 0


if __name__ == "__main__":
    sys.exit(main())
