"""`gdwatch conflicts` and `gdwatch changes`: disagreements and what runs changed, for people.

Both read the published copy's views (`disagreements`, `disagreement_articles`, `changes`) and import
nothing of the pipeline's heavy libraries.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import typer
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from gdwatch.config.errors import UsageError

# NOTE: piped output (cron mails, CI logs) gets 100 columns, as the other commands.
console = Console(width=None if sys.stdout.isatty() else 100)

ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="Config directory (default: $GDWATCH_CONFIG or the packaged config/)."),
]
DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db", help="Warehouse file (default: $GDWATCH_DB or warehouse.path, data/warehouse.duckdb)."
    ),
]
QUOTES_PER_SIDE = 2


def conflicts(
    since: Annotated[
        datetime | None,
        typer.Option("--since", formats=["%Y-%m-%d"], help="Only disagreements opened since this day."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per disagreement, raw values, UTC times.")
    ] = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """List open disagreements: values of one figure that cannot both hold, with witnesses and outlets.

    Copies of one story count as one witness; a later revision of a figure is a change, not a
    disagreement (see `gdwatch changes`).

    Example: gdwatch conflicts --since 2026-01-01
    """
    from gdwatch.config.loader import load_config
    from gdwatch.flows.cli_checks import published_copy
    from gdwatch.flows.cli_output import json_value, print_json_lines
    from gdwatch.warehouse import open_disagreements

    loaded = load_config(config)
    zone = ZoneInfo(loaded.settings.schedule.timezone)
    start = datetime.combine(since.date(), datetime.min.time(), tzinfo=zone) if since else None
    rows = open_disagreements(published_copy(config, db, loaded=loaded), since=start)
    if as_json:
        for row in rows:  # the articles of each side, nested: raw values too
            articles: list[dict[str, Any]] = row["disagreement_articles"]  # type: ignore[assignment]  # why: set by read
            row["disagreement_articles"] = [{k: json_value(v) for k, v in a.items()} for a in articles]
        print_json_lines(rows)
        return
    print_disagreements(console, rows, zone)


def changes(
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="A day (YYYY-MM-DD: runs started since its start) or a run id (runs after it). "
            "Default: since the start of yesterday.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per change, raw values.")] = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """List what runs changed: new figure keys, moved consensus, supersessions, opened and closed
    disagreements.

    Example: gdwatch changes --since 2026-01-20   or   gdwatch changes --since 12
    """
    from gdwatch.config.loader import load_config
    from gdwatch.flows.cli_checks import published_copy
    from gdwatch.flows.cli_output import print_json_lines
    from gdwatch.warehouse import changes_since

    loaded = load_config(config)
    zone = ZoneInfo(loaded.settings.schedule.timezone)
    after_run, start = parse_since(since, zone, today=datetime.now(zone).date())
    rows = changes_since(published_copy(config, db, loaded=loaded), after_run=after_run, since=start)
    if as_json:
        print_json_lines(rows)
        return
    print_changes(console, rows, zone)


def parse_since(value: str | None, zone: ZoneInfo, *, today: date) -> tuple[int | None, datetime | None]:
    """``--since``: a run id gives (run, None), a day gives (None, its local start); None is yesterday.

    Raises:
        UsageError: neither a run id nor a YYYY-MM-DD day.
    """
    if value is None:
        day = date.fromordinal(today.toordinal() - 1)
    elif value.isdigit():
        return int(value), None
    else:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise UsageError(f"--since {value!r}: give a day (YYYY-MM-DD) or a run id") from None
    return None, datetime.combine(day, datetime.min.time(), tzinfo=zone)


def print_disagreements(console: Console, rows: Sequence[dict[str, Any]], zone: ZoneInfo) -> None:
    """Each open disagreement: both sides' values, intervals, witnesses, outlets, quotes and links."""
    from gdwatch.pipeline.present import format_share, format_time

    if not rows:
        console.print("no open disagreements")
        return
    for row in rows:
        where = " · ".join(
            str(p)
            for p in (
                row["metric"],
                row["entity"],
                row["partner"],
                row["segment"],
                row["basis"],
                row["period"] or "no period",
            )
            if p
        )
        console.rule(Text(where, style="bold"), align="left")
        articles = row.get("disagreement_articles") or []
        for side, prefix in (("value", ""), ("other", "other_")):
            _print_side(console, row, prefix, [a for a in articles if a["side"] == side], zone)
        opened = row.get("opened_at")
        console.print(
            f"  {format_share(row['relative_difference'])} apart · opened "
            f"{format_time(opened, zone) if opened else '—'} (run {row['opened_run_id']})"
            f" · disagreement {str(row['disagreement_id'])[:12]}",
            style="dim",
            highlight=False,
        )
    console.print(f"{len(rows)} open disagreement(s)")


def _print_side(
    console: Console, row: dict[str, Any], prefix: str, articles: list[dict[str, Any]], zone: ZoneInfo
) -> None:
    from gdwatch.pipeline.present import (
        format_figure,
        format_interval,
        format_time,
        format_units,
        language_of,
    )

    first = articles[0] if articles else {}
    lang = language_of(first.get("language"), first.get("quote"))
    value = format_figure(
        row[f"{prefix}value"],
        row["unit"],
        lang,
        qualifier=row[f"{prefix}qualifier"] or "exact",
        projection=bool(row["projection"]),
        unit_text=first.get("unit_text"),
    )
    witnesses = row[f"{prefix}witnesses"]
    count = row[f"{prefix}articles"]
    head = Text("  ")
    head.append(value, style="bold")
    head.append(
        f"  {witnesses} witness{'es' if witnesses != 1 else ''}"
        + (f" ({count} articles)" if count != witnesses else "")
        + f" · {row[f'{prefix}outlets']}"
    )
    console.print(head, highlight=False)
    interval = format_interval(row[f"{prefix}value_low"], row[f"{prefix}value_high"], row["unit"], lang)
    console.print(
        Padding(
            Text(
                f"allows {interval} · unit {format_units(row['unit'], first.get('unit_text'))} · reported "
                f"{format_time(row[f'{prefix}first_reported_at'], zone)}"
                + (
                    f" to {format_time(row[f'{prefix}last_reported_at'], zone)}"
                    if row[f"{prefix}last_reported_at"] != row[f"{prefix}first_reported_at"]
                    else ""
                ),
                style="dim",
                overflow="fold",
            ),
            (0, 0, 0, 4),
        )
    )
    originals = [a for a in articles if not a["copy"]]
    for article in originals[:QUOTES_PER_SIDE]:
        console.print(
            Padding(
                Text(
                    f"“{article['quote']}” — {article['outlet']}, "
                    + format_time(article["published_at"], zone)
                ),
                (0, 0, 0, 4),
            ),
            highlight=False,
        )
        console.print(Padding(Text(article["url"], style="dim", overflow="fold"), (0, 0, 0, 6)))
    copies = [a for a in articles if a["copy"]]
    if copies:
        outlets = ", ".join(sorted({str(a["outlet"]) for a in copies}))
        console.print(
            Padding(
                Text(f"+ {len(copies)} cop{'ies' if len(copies) != 1 else 'y'} of these: {outlets}"),
                (0, 0, 0, 4),
            ),
            style="dim",
            highlight=False,
        )
    if len(originals) > QUOTES_PER_SIDE:
        console.print(
            Padding(Text(f"+ {len(originals) - QUOTES_PER_SIDE} more witness(es)"), (0, 0, 0, 4)), style="dim"
        )


_CHANGE_WORDS = {
    "new_key": "new",
    "consensus_moved": "consensus moved",
    "superseded": "revised",
    "disagreement_opened": "disagreement opened",
    "disagreement_closed": "disagreement closed",
}


def print_changes(console: Console, rows: Sequence[dict[str, Any]], zone: ZoneInfo) -> None:
    """One line per change: when, what, which figure, its values for people, witnesses."""
    from gdwatch.pipeline.present import format_time

    if not rows:
        console.print("no changes")
        return
    table = Table(
        box=None, show_edge=False, pad_edge=False, title=f"times in {zone.key}", title_justify="left"
    )
    for name in ("run", "when", "change", "figure", "values", "witn."):
        flexible = {"figure": 3, "values": 2}.get(name)
        table.add_column(name, overflow="fold", no_wrap=flexible is None, ratio=flexible)
    for row in rows:
        parts = (row["metric"], row["entity"], row["partner"], row["segment"], row["basis"], row["period"])
        table.add_row(
            str(row["run_id"]),
            format_time(row["changed_at"], zone)[5:16],
            _CHANGE_WORDS.get(row["change"], row["change"]),
            " · ".join(str(p) for p in parts if p),
            _change_values(row),
            "" if row["witnesses"] is None else str(row["witnesses"]),
        )
    console.print(table)
    console.print(f"{len(rows)} change(s)")


def _change_values(row: dict[str, Any]) -> str:
    """The values of a change in the words of its kind: "9.1 → 9.4 trillion yuan" for a move or a revision,
    "9.1 vs 9.4 trillion yuan" for the two sides of a disagreement, the value alone for a new key."""
    from gdwatch.pipeline.present import format_figure

    def said(value: float) -> str:
        return format_figure(value, row["unit"], "en", projection=bool(row["projection"]))

    old, new = row["old_value"], row["new_value"]
    if old is None or new is None:
        return "—" if old is None and new is None else said(new if old is None else old)
    joint = " vs " if str(row["change"]).startswith("disagreement") else " → "
    return f"{said(old)}{joint}{said(new)}"
