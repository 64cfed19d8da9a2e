"""One timeline chart per metric, drawn with Vega-Altair and rendered offline to inline SVG by vl-convert.

A chart shows a metric's value by period: a line from the period's first to its last day at the value,
and one mark per value cluster at the middle of the period, sized by its independent witnesses. Red marks
are values an open conflict disputes; hollow triangles with a dashed line are projections (targets,
forecasts); squares are figures whose article gave no period, placed on the day they were published.
Each unit gets a panel of its own (a metric reported in yuan and in US dollars is never drawn on one
axis), with the values divided by one scale ("trillion yuan") so the axis reads as people write it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from gdwatch.config.models import MetricDefinition
from gdwatch.pipeline.present import EN_SCALES, format_figure, language_of
from gdwatch.pipeline.report.data import Report, TimelineLine, ValueCluster

WIDTH = 640
PANEL_HEIGHT = 180
COLOURS = {"agreed": "#2b6cb0", "disputed": "#c53030"}
SHAPES = {"actual": "circle", "projection": "triangle-up", "no period stated": "square"}


def metric_title(metric: str, definition: MetricDefinition | None) -> str:
    """ "foreign_trade_total · Total value of imports plus exports. · 外贸进出口总值"."""
    if definition is None:
        return metric
    parts = [metric, definition.description.rstrip(".")]
    if definition.phrases_zh:
        parts.append(definition.phrases_zh[0])
    return " · ".join(parts)


def chart_spec(metric: str, lines: Sequence[TimelineLine], title: str) -> dict[str, Any]:
    """The Vega-Lite spec of one metric's timeline: one panel per unit, stacked."""
    import altair as alt

    panels = []
    for unit in sorted({line.unit for line in lines}):
        unit_lines = [line for line in lines if line.unit == unit]
        panels.append(_panel(unit, unit_lines))
    chart = panels[0] if len(panels) == 1 else alt.vconcat(*panels).resolve_scale(x="shared")
    # NOTE: no title inside the SVG: the page heads each chart with it; the SVG keeps it as its description.
    # validate=False: Altair's JSON-schema check costs ~0.1 s a chart and the spec is ours.
    spec: dict[str, Any] = chart.properties(description=title).to_dict(validate=False)
    spec["config"] = {"view": {"stroke": None}}
    return spec


def render_svg(spec: dict[str, Any]) -> str:
    """The chart as an SVG document (no network, no browser)."""
    import vl_convert

    return str(vl_convert.vegalite_to_svg(spec))


def _panel(unit: str, lines: Sequence[TimelineLine]) -> Any:
    import altair as alt

    scale, scale_word = _scale_for(lines)
    rows = [row for line in lines for row in _rows(line, scale)]
    base = alt.Chart(alt.Data(values=rows))
    x = alt.X("start:T", title="period", scale=alt.Scale(type="utc"), axis=alt.Axis(format="%Y-%m"))
    y = alt.Y("y:Q", title=_axis_title(unit, scale_word), scale=alt.Scale(zero=False, nice=True))
    colour = alt.Color(
        "status:N",
        title="reports",
        scale=alt.Scale(domain=list(COLOURS), range=list(COLOURS.values())),
    )
    spans = base.mark_rule(strokeWidth=2, opacity=0.6).encode(
        x=x,
        x2="end:T",
        y=y,
        color=colour,
        strokeDash=alt.StrokeDash(
            "kind:N",
            title="kind",
            scale=alt.Scale(domain=list(SHAPES), range=[[1, 0], [5, 3], [1, 0]]),
            legend=None,
        ),
    )
    marks = base.mark_point(filled=True, opacity=0.85).encode(
        x=alt.X("mid:T", scale=alt.Scale(type="utc")),
        y=y,
        color=colour,
        shape=alt.Shape(
            "kind:N", title="kind", scale=alt.Scale(domain=list(SHAPES), range=list(SHAPES.values()))
        ),
        fillOpacity=alt.condition("datum.kind == 'projection'", alt.value(0.0), alt.value(0.85)),
        size=alt.Size("witnesses:Q", title="witnesses", scale=alt.Scale(range=[60, 400], zero=False)),
        href="url:N",
        tooltip=[
            alt.Tooltip("label:N", title="value"),
            alt.Tooltip("period:N", title="period"),
            alt.Tooltip("series:N", title="who"),
            alt.Tooltip("witnesses:Q", title="witnesses"),
            alt.Tooltip("outlets:N", title="outlets"),
        ],
    )
    return (spans + marks).properties(width=WIDTH, height=PANEL_HEIGHT)


def figure_as_reported(line: TimelineLine, cluster: ValueCluster, report: Report) -> str:
    """The cluster's value as `report` wrote it: in its language, with its qualifier and precision."""
    return format_figure(
        cluster.value,
        line.unit,
        language_of(report.language, report.quote),
        qualifier=cluster.qualifier,
        projection=line.projection,
        resolution=report.resolution,
        unit_text=report.unit_text,
    )


def _rows(line: TimelineLine, scale: float) -> list[dict[str, Any]]:
    kind = "projection" if line.projection else ("actual" if line.period_stated else "no period stated")
    middle = line.period_start + (line.period_end - line.period_start) / 2
    series = line.entity + (f" · {line.partner}" if line.partner else "")
    rows = []
    for cluster in line.clusters:
        first = cluster.reports[0]
        rows.append(
            {
                "start": line.period_start.isoformat(),
                "end": line.period_end.isoformat(),
                "mid": middle.isoformat(),
                "y": cluster.value / scale,
                "label": figure_as_reported(line, cluster, first),
                "period": line.period or "not stated",
                "series": series,
                "witnesses": cluster.witnesses,
                "outlets": ", ".join(sorted({r.outlet for r in cluster.reports})),
                "status": "disputed" if cluster.disputed else "agreed",
                "kind": kind,
                "url": first.url,
            }
        )
    return rows


def _scale_for(lines: Sequence[TimelineLine]) -> tuple[float, str]:
    """Divide a panel's values by the English scale of its largest value (1 below a million)."""
    largest = max((abs(c.value) for line in lines for c in line.clusters), default=0.0)
    for size, word in EN_SCALES:
        if largest >= size:
            return size, word
    return 1.0, ""


def _axis_title(unit: str, scale_word: str) -> str:
    """ "trillion CNY", "percent", "firms": the unit the axis is read in."""
    if unit == "%":
        return "percent"
    if unit == "pp":
        return "percentage points"
    return f"{scale_word} {unit}".strip()
