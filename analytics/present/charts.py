"""The one charts module: every chart in the app (and in exports) is built here with Altair.

Conventions: Chinese labels horizontal (labelAngle=0), units in axis titles, status colours
from ``data/status_rules.yaml``, and a CJK font family so PNG/SVG exports render Chinese.

Importable without Streamlit — keep it that way: this module imports only altair, pandas and
``analytics``. The exports use it outside the app: :mod:`analytics.reports.images` imports it
(present sits below reports), so the chart PNGs/SVGs and the deck's pictures are drawn by these
same builders (names: status_counts, goal_scores, budget_execution, indicator:<id>; see
analytics.reports.images.chart_request).
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Any

import altair as alt
import pandas as pd
from altair.utils.data import to_values

from analytics.present.format import fmt_target_value
from analytics.present.i18n import t
from analytics.present.labels import status_color, status_label, status_name
from analytics.rules.progress import load_rules

FONT = "Microsoft YaHei, PingFang SC, Noto Sans CJK SC, Noto Sans SC, WenQuanYi Micro Hei, sans-serif"
SERIES_COLORS = {
    "actual": "#1f5fa8",
    "expected": "#e07b00",
    "target": "#c62828",
    "prior": "#9e9e9e",
    "band": "#90caf9",
    "bar": "#90b4de",
}


THEME = "performance_targets"


@alt.theme.register(THEME, enable=True)
def _theme() -> alt.theme.ThemeConfig:
    """Fonts and axis style for every chart (applied when a chart is turned into a spec, which
    is much cheaper than configuring each chart object)."""
    return {
        "config": {
            "font": FONT,
            "axis": {"labelAngle": 0, "labelFont": FONT, "titleFont": FONT, "labelFontSize": 12, "titleFontSize": 13},
            "legend": {"labelFont": FONT, "titleFont": FONT, "orient": "bottom", "labelFontSize": 12},
            "title": {"font": FONT, "fontSize": 15, "anchor": "start"},
            "view": {"strokeWidth": 0},
        }
    }


def _finish(chart: alt.TopLevelMixin, height: int = 320) -> alt.TopLevelMixin:
    return chart.properties(height=height)


def status_scale(lang: str) -> alt.Scale:
    """Status names in ``lang`` coloured as in data/status_rules.yaml."""
    rules = load_rules()
    return alt.Scale(
        domain=[status_name(k, lang, rules) for k in rules["statuses"]],
        range=[status_color(k, rules) for k in rules["statuses"]],
    )


def status_counts(counts: dict[str, int], lang: str, title: str = "") -> alt.TopLevelMixin:
    rules = load_rules()
    rows = [
        {"status": status_name(k, lang, rules), "label": status_label(k, lang, rules), "n": counts.get(k, 0), "order": -v["rank"]}
        for k, v in rules["statuses"].items()
        if counts.get(k, 0)
    ]
    df = pd.DataFrame(rows)
    n_title = t("ch_count", lang)
    base = alt.Chart(df).encode(
        y=alt.Y("label:N", sort=alt.SortField("order"), title=None),
        x=alt.X("n:Q", title=n_title, axis=alt.Axis(tickMinStep=1)),
        tooltip=[alt.Tooltip("label:N", title=t("col_status", lang)), alt.Tooltip("n:Q", title=n_title)],
    )
    bars = base.mark_bar().encode(color=alt.Color("status:N", scale=status_scale(lang), legend=None))
    text = base.mark_text(align="left", dx=4, fontSize=13).encode(text="n:Q")
    return _finish((bars + text).properties(title=title), height=max(120, 34 * len(rows)))


def budget_execution(df: pd.DataFrame, lang: str, title: str = "") -> alt.TopLevelMixin:
    """``df``: month (int), series (label), value (%), kind in {actual, expected, target, projection}."""
    y_title = t("ch_exec_axis", lang)
    x_title = t("ind_month", lang)
    color = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=list(dict.fromkeys(df["series"])), range=[SERIES_COLORS.get(k, "#555") for k in dict.fromkeys(df["kind"])]),
    )
    lines = (
        alt.Chart(df)
        .mark_line(point=True)
        .encode(
            x=alt.X("month:O", title=x_title),
            y=alt.Y("value:Q", title=y_title, scale=alt.Scale(domain=[0, max(100.0, float(df["value"].max() or 0))])),
            color=color,
            strokeDash=alt.StrokeDash("kind:N", legend=None, scale=alt.Scale(domain=["actual", "expected", "target", "projection"], range=[[1, 0], [6, 3], [2, 2], [4, 4]])),
            tooltip=[alt.Tooltip("series:N", title=" "), alt.Tooltip("month:O", title=x_title), alt.Tooltip("value:Q", title=y_title, format=".1f")],
        )
    )
    return _finish(lines.properties(title=title), height=300)


def indicator_progress(
    monthly: pd.DataFrame,
    lines: pd.DataFrame,
    unit_title: str,
    lang: str,
    target: float | None,
    title: str = "",
    bars: bool = True,
    bar_title: str | None = None,
    target_unit: str | None = None,
    yes_no: bool = False,
    target_cap: bool = False,
) -> alt.TopLevelMixin:
    """Monthly bars (``monthly``: month, value, label) with lines (``lines``: month, value,
    series, kind ∈ actual/expected/prior/forecast) and the target as a rule. The bars have their
    own axis on the right (``bar_title``), scaled to the lower part of the chart, so a month's
    amount stays readable under a cumulative line that ends ten times higher. ``yes_no``: a
    milestone, its axis and target read 否 / 是, not 0 / 1."""
    x_title = t("ind_month", lang)
    layers: list[Any] = []
    x = alt.X("month:O", title=x_title, scale=alt.Scale(domain=list(range(1, 13))))
    bar_layer = None
    if bars and not monthly.empty:
        top = float(monthly["value"].max() or 0)
        btitle = bar_title or t("ind_monthly_bar", lang)
        bar_layer = (
            alt.Chart(monthly)
            .mark_bar(opacity=0.6, color=SERIES_COLORS["bar"])
            .encode(
                x=x,
                y=alt.Y("value:Q", title=btitle, axis=alt.Axis(orient="right", titleColor="#5a7fb0", labelColor="#5a7fb0", grid=False),
                        scale=alt.Scale(domain=[0, top * 2.2]) if top > 0 else alt.Undefined),
                tooltip=[alt.Tooltip("label:N", title=x_title), alt.Tooltip("value:Q", title=btitle, format=",.2~f")],
            )
        )
    values = ([float(v) for v in lines["value"].dropna()] if not lines.empty else []) + ([float(target)] if target is not None else [])
    flat = bool(values) and max(values) == min(values)  # every value and the target alike (a 否 kept 否): no range to draw
    y_scale = alt.Scale(domain=[min(0.0, values[0]), max(values[0], 0.0) + (abs(values[0]) or 1.0)]) if flat else alt.Undefined
    y_axis = alt.Axis(orient="left")
    if yes_no:
        no, yes = t("no", lang), t("yes", lang)
        y_scale = alt.Scale(domain=[-0.1, 1.1])
        y_axis = alt.Axis(orient="left", values=[0, 1], labelExpr=f"datum.value >= 0.5 ? '{yes}' : '{no}'", grid=False)
    if not lines.empty:
        domain = list(dict.fromkeys(lines["series"]))
        kinds = lines.drop_duplicates("series").set_index("series")["kind"].to_dict()
        colors = [SERIES_COLORS.get(kinds[s], "#555") if kinds[s] != "prior" else "#b0b0b0" for s in domain]
        dashes = [[1, 0] if kinds[s] in ("actual",) else ([6, 3] if kinds[s] == "expected" else [2, 2]) for s in domain]
        layers.append(
            alt.Chart(lines)
            .mark_line(point=True)
            .encode(
                x=x,
                y=alt.Y("value:Q", title=unit_title, axis=y_axis, scale=y_scale),
                color=alt.Color("series:N", title=None, scale=alt.Scale(domain=domain, range=colors),
                                legend=alt.Legend(symbolType="stroke", symbolStrokeWidth=2.5, symbolSize=400)),
                strokeDash=alt.StrokeDash("series:N", title=None, scale=alt.Scale(domain=domain, range=dashes)),  # same field as colour: one merged legend (legend=None here hid it)
                tooltip=[alt.Tooltip("series:N", title=" "), alt.Tooltip("month:O", title=x_title), alt.Tooltip("value:Q", title=unit_title, format=",.2~f")],
            )
        )
    if lines.empty and bar_layer is None:  # nothing reported yet: the months still on their axis, under the target
        layers.append(alt.Chart(pd.DataFrame({"month": list(range(1, 13))})).mark_point(opacity=0).encode(x=x))
    if target is not None:
        label = t("ch_target_label", lang, v=t("yes" if target >= 0.5 else "no", lang)) if yes_no else target_label(target, target_unit, lang, target_cap)
        tdf = pd.DataFrame({"value": [target], "label": [label]})
        ty = alt.Y("value:Q", title=unit_title, axis=y_axis, scale=y_scale)  # the axis's words when no line gives them (no data yet)
        layers.append(alt.Chart(tdf).mark_rule(color=SERIES_COLORS["target"], strokeWidth=2).encode(y=ty))
        layers.append(
            alt.Chart(tdf).mark_text(align="left", dx=4, dy=-8, color=SERIES_COLORS["target"], fontSize=12).encode(
                y=ty, x=alt.value(0), text="label:N")
        )
    if bar_layer is not None:  # the bars behind the lines, on their own (right) axis
        chart = alt.layer(bar_layer, alt.layer(*layers)).resolve_scale(y="independent") if layers else bar_layer
    else:
        chart = alt.layer(*layers) if layers else alt.Chart(pd.DataFrame({"month": []})).mark_point()
    return _finish(chart.properties(title=title), height=360)


def goal_scores(df: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    """``df``: goal (label), score (0–100), label (the score as the pages write it), status (label)."""
    x_title = t("ch_goal_score_axis", lang)
    base = alt.Chart(df).encode(
        y=alt.Y("goal:N", title=None, sort=None),
        x=alt.X("score:Q", title=x_title, scale=alt.Scale(domain=[0, 100])),
    )
    bars = base.mark_bar().encode(color=alt.Color("status:N", scale=status_scale(lang), legend=None), tooltip=["goal:N", "label:N", "status:N"])
    text = base.mark_text(align="left", dx=4).encode(text=alt.Text("label:N"))
    return _finish(bars + text, height=40 * len(df) + 30)


def target_label(target: float, unit: str | None, lang: str, cap: bool = False) -> str:
    """The words beside a chart's target line: ``年度目标 20,000亩`` (the one formatter's value); a
    cap (lower is better) reads as the pages say it, ``年度目标 ≤5件``."""
    return t("ch_target_label", lang, v=("≤" if cap else "") + fmt_target_value(target, unit, lang))


def forecast_fan(lines: pd.DataFrame, band: pd.DataFrame, y_title: str, lang: str, target: float | None = None,
                 zero_based: bool = False, title: str = "", target_unit: str | None = None,
                 target_cap: bool = False) -> alt.TopLevelMixin:
    """History, this year's actuals and the forecast path with its 80% band (the fan), the
    expected trajectory and the target (labelled in ``target_unit``; ``target_cap``: ≤). ``lines``: month, value,
    series, kind ∈ actual / projection / expected / prior / baseline / scenario; ``band``:
    month, lower, upper."""
    return _fan_chart(lines, band, y_title, lang, target, _fan_domain(lines, band, target, zero_based), zero_based, title,
                      target_unit, target_cap)


def _fan_domain(lines: pd.DataFrame, band: pd.DataFrame, target: float | None, zero_based: bool) -> list[float]:
    """Value-axis range of a fan chart: every value, band bound and the target, padded 8%."""
    values = [float(v) for v in lines["value"].dropna()] if not lines.empty else []
    values += [float(v) for v in band["upper"].dropna()] if not band.empty else []
    values += [float(v) for v in band["lower"].dropna()] if not band.empty else []
    if target is not None:
        values.append(float(target))
    lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
    if zero_based:
        lo = min(0.0, lo)
    pad = (hi - lo) * 0.08 or abs(hi) * 0.05 or 1.0
    return [lo - (0 if zero_based else pad), hi + pad]


def _fan_chart(lines: pd.DataFrame, band: pd.DataFrame, y_title: str, lang: str, target: float | None,
               y_domain: list[float], zero_based: bool, title: str, target_unit: str | None = None,
               target_cap: bool = False) -> alt.TopLevelMixin:
    x_title = t("ind_month", lang)
    x = alt.X("month:O", title=x_title, scale=alt.Scale(domain=list(range(1, 13))))
    y_scale = alt.Scale(domain=y_domain, nice=False, zero=zero_based)
    layers: list[Any] = []
    if not band.empty:
        layers.append(
            alt.Chart(band)
            .mark_area(opacity=0.25, color=SERIES_COLORS["band"])
            .encode(x=x, y=alt.Y("lower:Q", title=y_title, scale=y_scale), y2="upper:Q",
                    tooltip=[alt.Tooltip("month:O", title=x_title), alt.Tooltip("lower:Q", format=",.2~f", title=t("ch_low", lang)),
                             alt.Tooltip("upper:Q", format=",.2~f", title=t("ch_high", lang))])
        )
    if not lines.empty:
        domain = list(dict.fromkeys(lines["series"]))
        kinds = lines.drop_duplicates("series").set_index("series")["kind"].to_dict()
        palette = {"actual": SERIES_COLORS["actual"], "projection": "#1565c0", "expected": SERIES_COLORS["expected"], "baseline": "#9e9e9e", "prior": "#bdbdbd"}
        extra = ["#6a1b9a", "#00897b", "#c2185b", "#5d4037"]
        colors, dashes = [], []
        for i, s_ in enumerate(domain):
            k = kinds[s_]
            colors.append(palette.get(k, extra[i % len(extra)]))
            dashes.append([1, 0] if k in ("actual", "scenario", "prior") else ([6, 3] if k == "expected" else [3, 3]))
        layers.append(
            alt.Chart(lines)
            .mark_line(point=True)
            .encode(
                x=x,
                y=alt.Y("value:Q", title=y_title, scale=y_scale),
                color=alt.Color("series:N", title=None, scale=alt.Scale(domain=domain, range=colors),
                                legend=alt.Legend(symbolType="stroke", symbolStrokeWidth=2.5, symbolSize=400)),
                strokeDash=alt.StrokeDash("series:N", title=None, scale=alt.Scale(domain=domain, range=dashes)),
                tooltip=[alt.Tooltip("series:N", title=" "), alt.Tooltip("month:O", title=x_title), alt.Tooltip("value:Q", title=y_title, format=",.2~f")],
            )
        )
    if target is not None:
        tdf = pd.DataFrame({"value": [target], "label": [target_label(target, target_unit, lang, target_cap)]})
        layers.append(alt.Chart(tdf).mark_rule(color=SERIES_COLORS["target"], strokeWidth=2).encode(y=alt.Y("value:Q", scale=y_scale)))
        layers.append(alt.Chart(tdf).mark_text(align="left", dx=4, dy=-8, color=SERIES_COLORS["target"]).encode(y=alt.Y("value:Q", scale=y_scale), x=alt.value(0), text="label:N"))
    return _finish(alt.layer(*layers).properties(title=title), height=340)


# -- fast specs --------------------------------------------------------------------------------
# Building an Altair chart object costs 40-80 ms (schema objects are created, copied and
# checked), which dominates a rerun when a chart's data change on every interaction (the budget
# levers, the forecast of another indicator). A fan chart's *structure* depends only on its
# series, whether it has a band and a target, its titles and language; the data and the value
# range are filled into a spec built once per structure. ``spec`` is what the app renders;
# tests check that it equals the Altair builder's own spec.

_SENTINEL_DOMAIN = [-987654.25, 987654.75]


@lru_cache(maxsize=256)
def _fan_template(series: tuple[tuple[str, str], ...], has_band: bool, has_target: bool, y_title: str, lang: str,
                  zero_based: bool, title: str) -> tuple[dict[str, Any], dict[str, str]]:
    """The spec of a fan chart with placeholder data, and which dataset holds what."""
    lines = pd.DataFrame([{"month": 1, "value": 0.0, "series": s_, "kind": k} for s_, k in series], columns=["month", "value", "series", "kind"])
    band = pd.DataFrame([{"month": 1, "lower": -1.0, "upper": -2.0}] if has_band else [], columns=["month", "lower", "upper"])
    target = 123456.5 if has_target else None
    spec = _fan_chart(lines, band, y_title, lang, target, list(_SENTINEL_DOMAIN), zero_based, title).to_dict(validate=False)
    roles: dict[str, str] = {}
    for name, rows in spec.get("datasets", {}).items():
        cols = set(rows[0]) if rows else set()
        roles[name] = "band" if "lower" in cols else ("lines" if "series" in cols else "target")
    return spec, roles


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return to_values(df)["values"]  # the same conversion Altair applies


def _fill(node: Any, domain: list[float]) -> Any:
    if isinstance(node, dict):
        return {k: (list(domain) if k == "domain" and v == _SENTINEL_DOMAIN else _fill(v, domain)) for k, v in node.items()}
    if isinstance(node, list):
        return [_fill(v, domain) for v in node]
    return node


def fan_spec(lines: pd.DataFrame, band: pd.DataFrame, y_title: str, lang: str, target: float | None = None,
             zero_based: bool = False, title: str = "", target_unit: str | None = None,
             target_cap: bool = False) -> dict[str, Any]:
    """The Vega-Lite spec of :func:`forecast_fan` without building Altair objects each time."""
    series = tuple(lines.drop_duplicates("series")[["series", "kind"]].itertuples(index=False, name=None)) if not lines.empty else ()
    template, roles = _fan_template(series, not band.empty, target is not None, y_title, lang, zero_based, title)
    spec = _fill({k: v for k, v in template.items() if k != "datasets"}, _fan_domain(lines, band, target, zero_based))
    data = {"lines": lines, "band": band}
    if target is not None:
        data["target"] = pd.DataFrame({"value": [target], "label": [target_label(target, target_unit, lang, target_cap)]})
    renamed: dict[str, str] = {}
    datasets: dict[str, list[dict[str, Any]]] = {}
    for old_name, role in roles.items():
        rows = _records(data[role])
        new_name = "data-" + hashlib.md5(json.dumps(rows, sort_keys=True, default=str).encode()).hexdigest()
        renamed[old_name] = new_name
        datasets[new_name] = rows
    spec = _rename_data(spec, renamed)
    spec["datasets"] = datasets
    return spec


def _rename_data(node: Any, renamed: dict[str, str]) -> Any:
    if isinstance(node, dict):
        if set(node) == {"name"} and node["name"] in renamed:
            return {"name": renamed[node["name"]]}
        return {k: _rename_data(v, renamed) for k, v in node.items()}
    if isinstance(node, list):
        return [_rename_data(v, renamed) for v in node]
    return node


def spec(builder: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """Vega-Lite spec of chart ``builder`` (a function of this module) for these inputs."""
    if builder == "forecast_fan":
        return fan_spec(*args, **kwargs)
    if builder == "execution_projection":
        return fan_spec(*_execution_fan_args(*args, **kwargs), zero_based=True, target_unit="%")
    return globals()[builder](*args, **kwargs).to_dict(validate=False)


def _execution_fan_args(lines: pd.DataFrame, band: pd.DataFrame, lang: str, target: float | None = None) -> tuple[Any, ...]:
    return lines, band, t("ch_exec_axis", lang), lang, target


def execution_projection(lines: pd.DataFrame, band: pd.DataFrame, lang: str, target: float | None = None) -> alt.TopLevelMixin:
    """Budget execution by month (a fan chart on a 0–100% axis)."""
    return forecast_fan(*_execution_fan_args(lines, band, lang, target), zero_based=True, target_unit="%")


def score_parts(df: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    """Self-evaluation score by part: ``df`` (part, points, lost) stacked to each part's maximum."""
    got_lost = [t("ch_points", lang), t("ch_lost", lang)]
    long = pd.concat([
        pd.DataFrame({"part": df["part"], "value": df["points"], "what": got_lost[0], "rank": 0}),
        pd.DataFrame({"part": df["part"], "value": df["lost"], "what": got_lost[1], "rank": 1}),
    ])
    x_title = t("ch_points_axis", lang)
    return _finish(
        alt.Chart(long)
        .mark_bar()
        .encode(
            y=alt.Y("part:N", title=None, sort=None, axis=alt.Axis(labelLimit=220)),
            x=alt.X("value:Q", title=x_title, stack="zero"),
            color=alt.Color("what:N", title=None, scale=alt.Scale(domain=got_lost, range=["#2e7d32", "#d9d9d9"])),
            order=alt.Order("rank:Q"),
            tooltip=["part:N", "what:N", alt.Tooltip("value:Q", format=".2f")],
        ),
        height=56 * len(df) + 20,
    )
