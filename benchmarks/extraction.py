"""Benchmark gdwatch's figure extractor against quantulum3 on the labelled development set."""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.devset import (
    DEVSET_DIR,
    DevDoc,
    Extracted,
    Prediction,
    Report,
    devset_files,
    format_details,
    load_devset,
    score,
)
from gdwatch.config.loader import load_gazetteer, load_metrics
from gdwatch.extractors.figures.engine import EXTRACTOR_VERSION, FigureExtractor

QUANTULUM_VERSION = "0.10.0"
SHOWN_ATTRIBUTES = ("qualifier", "period", "metric", "entity", "projection")


@dataclass
class SystemRun:
    name: str
    version: str
    report: Report | None
    docs_per_second: float | None
    note: str = ""


def _median_time(extract: Callable[[DevDoc], Sequence[Extracted]], docs: list[DevDoc], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        for doc in docs:
            extract(doc)
        times.append(time.perf_counter() - started)
    times.sort()
    return times[len(times) // 2]


def gdwatch_system() -> tuple[Callable[[DevDoc], Sequence[Extracted]] | None, str, str]:
    """gdwatch's extractor (always present: a missing module fails at import, it is never skipped)."""
    extractor = FigureExtractor(load_metrics(), load_gazetteer())

    def extract(doc: DevDoc) -> Sequence[Extracted]:
        return extractor.extract(doc.text, published=doc.published, headline=doc.headline)

    return extract, EXTRACTOR_VERSION, ""


def _quantulum_unit(quantity: object) -> str:
    unit = quantity.unit  # type: ignore[attr-defined]
    entity = unit.entity.name
    if entity == "currency" and getattr(unit, "currency_code", None):
        return str(unit.currency_code)
    if unit.name.startswith("percentage"):
        # why: it names compound units after the words that follow ("4.4 percent year-on-year" is
        # "percentage year"); the quantity is still a percent
        return "%"
    if entity == "time" and unit.name == "year":
        return "years"
    if entity == "dimensionless":
        return "count"
    return str(unit.name)


def quantulum_system() -> tuple[Callable[[DevDoc], Sequence[Extracted]] | None, str, str]:
    """quantulum3's parser, or None with the reason it cannot run.

    quantulum3 (``pip install quantulum3==0.10.0``, the ``bench`` extra) runs offline without its optional
    scikit-learn classifier: it then resolves ambiguous units with its built-in rules and warns, which is
    silenced here. It has English rules only, so Chinese text is parsed with them too. It has no notion
    of qualifier, period, metric, entity, partner or projection: those count as wrong for every figure.
    Its values are taken as they come (it reads "($41 billion)" as an accounting negative).
    """
    if importlib.util.find_spec("quantulum3") is None:
        return None, "", f"quantulum3 is not installed (pip install quantulum3=={QUANTULUM_VERSION})"
    with warnings.catch_warnings():
        # why: without scikit-learn it warns that the optional classifier is missing; the rules still work
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        parser.parse("warm-up 1 yuan")
    from importlib.metadata import version

    def extract(doc: DevDoc) -> Sequence[Extracted]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            quantities = parser.parse(doc.text, lang="en_US")
        return [
            Prediction(start=q.span[0], end=q.span[1], value=float(q.value), unit=_quantulum_unit(q))
            for q in quantities
        ]

    return extract, version("quantulum3"), ""


def run_system(
    name: str,
    factory: Callable[[], tuple[Callable[[DevDoc], Sequence[Extracted]] | None, str, str]],
    docs: list[DevDoc],
    repeats: int,
) -> SystemRun:
    extract, version, note = factory()
    if extract is None:
        return SystemRun(name, version, None, None, note)
    report = score(docs, extract)
    elapsed = _median_time(extract, docs, repeats)
    return SystemRun(name, version, report, len(docs) / elapsed if elapsed > 0 else None, note)


def machine_summary() -> str:
    memory = "unknown memory"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB RAM"
    return (
        f"{os.cpu_count()} CPU cores, {memory}, {platform.machine()}, "
        f"Python {platform.python_version()} ({platform.system()})"
    )


def table_rows(runs: list[SystemRun]) -> list[list[str]]:
    rows = []
    for run in runs:
        if run.report is None:
            rows.append([run.name, "-", "n/a"] + ["-"] * (7 + len(SHOWN_ATTRIBUTES)))
            continue
        slices = [("all", run.report.overall), *sorted(run.report.by_lang.items())]
        for lang, counts in slices:
            speed = f"{run.docs_per_second:.1f}" if lang == "all" and run.docs_per_second else ""
            rows.append(
                [
                    run.name,
                    run.version,
                    lang,
                    str(counts.labels),
                    str(counts.observations),
                    f"{counts.precision:.3f}",
                    f"{counts.recall:.3f}",
                    f"{counts.f1:.3f}",
                    *(f"{counts.accuracy(a):.3f}" for a in SHOWN_ATTRIBUTES),
                    f"{counts.fp_on_non_figures}",
                    speed,
                ]
            )
    return rows


HEADERS = [
    "system", "version", "lang", "labels", "found", "precision", "recall", "F1",
    *(f"{a} acc" for a in SHOWN_ATTRIBUTES), "FP on non-figures", "docs/s",
]  # fmt: skip


def render(rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(HEADERS)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(HEADERS, widths, strict=True))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines)


def phenomenon_table(runs: list[SystemRun], markdown: bool) -> str:
    scored = [r for r in runs if r.report is not None]
    if not scored:
        return ""
    tags = sorted({t for r in scored for t in r.report.phenomenon_labels})  # type: ignore[union-attr]
    headers = ["phenomenon", "labels", *(f"{r.name} recall" for r in scored)]
    rows = []
    for tag in tags:
        first = scored[0].report
        assert first is not None
        cells = [tag, str(first.phenomenon_labels[tag])]
        for run in scored:
            assert run.report is not None
            cells.append(f"{run.report.phenomenon_found[tag] / run.report.phenomenon_labels[tag]:.2f}")
        rows.append(cells)
    if markdown:
        out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        return "\n".join(out + ["| " + " | ".join(r) + " |" for r in rows])
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    out = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    return "\n".join(out + ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__,
        epilog="Run from the repository root: .venv/bin/python -m benchmarks.extraction --markdown",
    )
    parser.add_argument(
        "--markdown", action="store_true", help="print Markdown tables for docs/benchmarks.md"
    )
    parser.add_argument(
        "--verbose", action="store_true", help="list misses, false positives, wrong attributes"
    )
    parser.add_argument("--phenomena", action="store_true", help="print recall per labelled phenomenon")
    parser.add_argument("--lang", choices=["en", "zh"], help="score one language only")
    parser.add_argument("--repeats", type=int, default=5, help="timing repeats (the median is reported)")
    parser.add_argument(
        "--set",
        dest="set_dir",
        type=Path,
        default=DEVSET_DIR,
        metavar="DIR",
        help="labelled set to score: a directory of en.jsonl/zh.jsonl (default: the dev set, "
        "tests/data/devset; the held-out set is tests/data/heldout-v69)",
    )
    args = parser.parse_args(argv)
    if not devset_files(args.set_dir):
        parser.error(f"--set {args.set_dir}: no .jsonl files in that directory")

    docs = load_devset(args.set_dir, langs=[args.lang] if args.lang else None)
    runs = [
        run_system("gdwatch", gdwatch_system, docs, args.repeats),
        run_system("quantulum3", quantulum_system, docs, args.repeats),
    ]
    n_labels = sum(len(d.figures) for d in docs)
    n_non = sum(len(d.non_figures) for d in docs)
    set_name = "Dev set" if args.set_dir.resolve() == DEVSET_DIR else f"Set {args.set_dir}"
    print(f"{set_name}: {len(docs)} documents, {n_labels} labelled figures, {n_non} labelled non-figures")
    print(f"Machine: {machine_summary()}")
    print()
    print(render(table_rows(runs), args.markdown))
    for run in runs:
        if run.note:
            print(f"\n{run.name}: {run.note}")
    speeds = [r.docs_per_second for r in runs if r.docs_per_second]
    if len(speeds) == 2:
        assert runs[0].docs_per_second and runs[1].docs_per_second
        ours, theirs = runs[0].docs_per_second, runs[1].docs_per_second
        print(
            f"\nSpeed: gdwatch {ours:.1f} docs/s, quantulum3 {theirs:.1f} docs/s, "
            f"ratio gdwatch/quantulum3 = {ours / theirs:.2f}"
        )
    if args.phenomena:
        print()
        print(phenomenon_table(runs, args.markdown))
    if args.verbose:
        for run in runs:
            if run.report is not None:
                print(f"\n== {run.name} ==")
                print(format_details(run.report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
