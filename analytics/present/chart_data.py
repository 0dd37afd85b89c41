"""The data behind the charts, computed once for the pages, the slides and the exported images.

Each function returns plain frames in the shape the builders of :mod:`analytics.present.charts`
take; series names are rendered from the catalogue in the reader's language. No Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import pandas as pd

from analytics.budget.scenario import ScenarioResult
from analytics.core.model import Indicator, Project
from analytics.present.catalogue import text
from analytics.present.format import fmt_month_short, fmt_score, shown_score, text_width, unit_name
from analytics.present.labels import goal_label, status_name
from analytics.rules.progress import GoalRollup, execution_time_progress, expected_path
from analytics.storage.dataset import Dataset

__all__ = ["FanChart", "IndicatorChart", "budget_execution", "forecast_fan", "goal_scores", "indicator_progress", "status_counts",
           "track_fan", "unit_axis_title"]

LINE_COLUMNS = ["month", "value", "series", "kind"]
BAR_COLUMNS = ["month", "value", "label"]


def status_counts(counts: Mapping[str, int]) -> dict[str, int]:
    """Indicators by status (the builder names and colours them)."""
    return dict(counts)


def goal_scores(project: Project, rollups: Iterable[GoalRollup], lang: str) -> pd.DataFrame:
    """goal (label), score (0–100, as :func:`~analytics.present.format.fmt_score` shows it), label (its
    text: 62.5, 80), status (name) of every goal with a score."""
    recs = [
        {"goal": goal_label(project, r.goal, lang), "score": shown_score(r.score), "label": fmt_score(r.score, lang),
         "status": status_name(r.status, lang)}
        for r in rollups
        if r.goal != 0 and r.score is not None
    ]
    return pd.DataFrame(recs, columns=["goal", "score", "label", "status"])


def budget_execution(ds: Dataset, year: int, month: int, lang: str, projection: ScenarioResult | None = None,
                     scenario_name: str | None = None) -> pd.DataFrame:
    """month, series, value (%), kind ∈ actual / expected / projection: execution to ``month``,
    time progress all year and, with a scenario result, its projected path."""
    recs: list[dict[str, Any]] = []
    for m, v in sorted(ds.budget.execution_levels(year).items()):
        if m <= (month or 0):
            recs.append({"month": m, "value": round(v, 4), "series": text("budget_rate", lang), "kind": "actual"})
    for m in range(1, 13):
        tp = execution_time_progress(ds.project, ds.budget, year, m)
        if tp is not None:
            recs.append({"month": m, "value": round(tp, 4), "series": text("budget_time", lang), "kind": "expected"})
    if projection is not None and any(p.month > projection.data_month for p in projection.path):  # a year over: nothing ahead
        label = text("ch_projection_named", lang, name=scenario_name) if scenario_name else text("ch_projection", lang)
        for p in projection.path:
            if p.execution_rate is None or (p.observed and p.month != projection.data_month):
                continue
            recs.append({"month": p.month, "value": round(p.execution_rate, 4), "series": label, "kind": "projection"})
    return pd.DataFrame(recs, columns=LINE_COLUMNS)


@dataclass(frozen=True)
class IndicatorChart:
    """The inputs of ``charts.indicator_progress`` for one indicator and year."""

    monthly: pd.DataFrame  # month, value, label: the month's own amounts (flows)
    lines: pd.DataFrame  # month, value, series, kind ∈ actual / expected / prior
    unit_title: str  # the value axis title, with the unit
    target: float | None
    bars: bool  # monthly bars are drawn (flows)
    bar_title: str = ""  # the bars' own axis title, with the unit (当月值（万人）)
    unit: str = ""  # the indicator's unit, for the target's label (年度目标 20,000亩)
    yes_no: bool = False  # a milestone: the axis and the target read 否 / 是
    cap: bool = False  # lower is better: the target reads ≤ (年度目标 ≤5件)

    def args(self, lang: str) -> tuple[Any, ...]:
        """Positional arguments of ``charts.indicator_progress``."""
        return self.monthly, self.lines, self.unit_title, lang, self.target

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments of ``charts.indicator_progress`` (bars and the units' words)."""
        return {"bars": self.bars, "bar_title": self.bar_title, "target_unit": self.unit, "yes_no": self.yes_no, "target_cap": self.cap}


AXIS_TITLE_WIDTH = 36
"""Widest value-axis title (in :func:`~analytics.present.format.text_width` columns, 18 CJK
characters) that fits beside a chart's height on the pages, slides and exported PNGs."""


def unit_axis_title(name: str, unit: str, lang: str, cumulative: bool) -> str:
    """Value-axis title: ``累计值（万人）`` / ``Cumulative (10k persons)`` for flows, else the
    indicator's name with its unit (``城镇登记失业率（%）``) — or ``数值（%）`` / ``Value (%)`` when the
    name is too long to stand beside the chart (real tables' names run to 30 characters; the
    page or slide names the indicator above the chart)."""
    u = unit_name(unit, lang)
    if cumulative:
        return text("ch_cum_axis", lang, unit=u) if u else text("ch_cum_axis_nounit", lang)
    title = text("ch_name_unit", lang, name=name, unit=u) if u else name
    if text_width(title) <= AXIS_TITLE_WIDTH:
        return title
    return text("ch_value_axis", lang, unit=u) if u else text("ch_value_axis_nounit", lang)


def indicator_progress(ds: Dataset, indicator_id: str, year: int, month: int, lang: str,
                       target: float | None) -> IndicatorChart:
    """Monthly bars, the actual line, the expected trajectory and the two prior years of one
    indicator, observed up to ``month`` of ``year`` (as on the 指标详情 page and in the exports)."""
    project = ds.project
    ind = project.indicator(indicator_id)
    src = project.indicator(ind.derived_from) if ind.derived_from else ind
    execution = ind.id == project.execution_indicator
    series_actual = text("ind_cum_line", lang) if ind.kind == "flow" else text("ind_level_line", lang)
    monthly: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    if execution:
        observed = {m: v for m, v in ds.budget.execution_levels(year).items() if m <= month}
    else:
        obs = ds.actuals.obs(src.id, year)
        observed = {m: v for m, v in obs.values.items() if m <= month}
        if ind.kind == "flow" and not ind.derived_from:
            for m, (first, amount) in obs.monthly_amounts().items():
                if m <= month:
                    monthly.append({"month": m, "value": amount, "label": fmt_month_short(m, lang, first=first)})
    for m, v in sorted(observed.items()):
        lines.append({"month": m, "value": v, "series": f"{year} {series_actual}", "kind": "actual"})
    traj = expected_path(project, ind, ds.actuals, ds.budget, year, month=month)
    if traj is not None and ind.kind != "milestone":
        for m in range(1, 13):
            lines.append({"month": m, "value": traj.at(m), "series": text("ind_expected_line", lang), "kind": "expected"})
    if not ind.derived_from and not execution:
        for py in [y for y in ds.actuals.years(ind.id) if y < year][-2:]:
            for m, v in sorted(ds.actuals.obs(ind.id, py).values.items()):
                lines.append({"month": m, "value": v, "series": text("ind_prior_year", lang, y=py), "kind": "prior"})
    title = unit_axis_title(ind.display_name(lang), ind.unit, lang, ind.kind == "flow")
    u = unit_name(ind.unit, lang)
    bar_title = text("ind_monthly_axis", lang, unit=u) if u else text("ind_monthly_bar", lang)
    return IndicatorChart(pd.DataFrame(monthly, columns=BAR_COLUMNS), pd.DataFrame(lines, columns=LINE_COLUMNS),
                          title, target, ind.kind == "flow", bar_title, ind.unit, ind.kind == "milestone",
                          ind.direction == "lower" and ind.kind != "milestone")


@dataclass(frozen=True)
class FanChart:
    """The inputs of ``charts.forecast_fan``: the lines, the band, the axis title, the target."""

    lines: pd.DataFrame  # month, value, series, kind ∈ prior / actual / projection / expected
    band: pd.DataFrame  # month, lower, upper
    unit_title: str
    target: float | None
    cumulative: bool
    unit: str = ""
    cap: bool = False  # lower is better: the target reads ≤

    def args(self, lang: str) -> tuple[Any, ...]:
        return self.lines, self.band, self.unit_title, lang, self.target, self.cumulative

    def kwargs(self) -> dict[str, Any]:
        return {"target_unit": self.unit, "target_cap": self.cap}


def forecast_fan(ds: Dataset, indicator_id: str, year: int, data_month: int, path: Iterable[tuple[Any, ...]],
                 target: float | None, lang: str) -> FanChart:
    """年末预测's chart of one indicator: up to three prior years, this year observed to
    ``data_month``, the forecast ``path`` ((month, point, lower, upper) …) from the last
    observation with its band, and the expected trajectory."""
    project = ds.project
    ind = project.indicator(indicator_id)
    src = project.indicator(ind.derived_from) if ind.derived_from else ind
    execution = ind.id == project.execution_indicator
    if execution:
        obs = {m: v for m, v in ds.budget.execution_levels(year).items() if m <= data_month}
        prior: dict[int, Mapping[int, float]] = {}
    else:
        base = 0.0
        if ind.derived_from and ind.span_years:  # a multi-year total: the earlier years' totals under this year's line
            base = sum(ds.actuals.year_end(src, y) or 0.0 for y in range(ind.span_years[0], year))
        obs = {m: v + base for m, v in ds.actuals.obs(src.id, year).values.items() if m <= data_month}
        prior = {} if ind.derived_from else {y: ds.actuals.obs(src.id, y).values for y in ds.actuals.years(src.id) if y < year}
    lines: list[dict[str, Any]] = []
    for py in sorted(prior)[-3:]:
        for m, v in sorted(prior[py].items()):
            lines.append({"month": m, "value": v, "series": text("ind_prior_year", lang, y=py), "kind": "prior"})
    for m, v in sorted(obs.items()):
        lines.append({"month": m, "value": v, "series": text("fc_series_actual", lang, y=year), "kind": "actual"})
    fan = list(path)
    band = pd.DataFrame([{"month": int(p[0]), "lower": p[2], "upper": p[3]} for p in fan], columns=["month", "lower", "upper"])
    if fan and obs:
        last = max(obs)
        lines.append({"month": last, "value": obs[last], "series": text("fc_series_forecast", lang), "kind": "projection"})
        for p in fan:
            lines.append({"month": int(p[0]), "value": p[1], "series": text("fc_series_forecast", lang), "kind": "projection"})
    traj = expected_path(project, ind, ds.actuals, ds.budget, year, month=data_month)
    if traj is not None:
        for m in range(1, 13):
            lines.append({"month": m, "value": traj.at(m), "series": text("ind_expected_line", lang), "kind": "expected"})
    return FanChart(pd.DataFrame(lines, columns=LINE_COLUMNS), band,
                    unit_axis_title(ind.display_name(lang), ind.unit, lang, ind.kind == "flow"), target,
                    ind.kind == "flow" or execution, ind.unit, ind.direction == "lower" and not execution)


def track_fan(ind: Indicator, record: Iterable[Any], year: int, lang: str) -> FanChart | None:
    """A past year's track record as a fan: what was forecast each month (with its band) against
    the year's final value; None when the year has no final value."""
    rec = list(record)
    final = rec[0].final if rec else None
    if final is None:
        return None
    lines = [{"month": x.month, "value": x.point, "series": text("fc_track_point", lang), "kind": "projection"} for x in rec if x.point is not None]
    lines += [{"month": m, "value": final, "series": text("fc_track_final", lang), "kind": "actual"} for m in range(1, 12)]
    band = pd.DataFrame([{"month": x.month, "lower": x.lower, "upper": x.upper} for x in rec if x.lower is not None],
                        columns=["month", "lower", "upper"])
    target = ind.target(year)
    return FanChart(pd.DataFrame(lines, columns=LINE_COLUMNS), band, unit_axis_title(ind.display_name(lang), ind.unit, lang, False),
                    target.value if target else None, False, ind.unit, ind.direction == "lower" and ind.kind != "milestone")

