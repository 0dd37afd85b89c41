"""The data behind the charts, computed once for the pages, the slides and the exported images.

Each function returns plain frames in the shape the builders of :mod:`analytics.present.charts`
take; series names are rendered from the catalogue in the reader's language. No Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import pandas as pd

from analytics.budget.scenario import ScenarioResult
from analytics.core.model import Project
from analytics.present.catalogue import text
from analytics.present.format import fmt_month_short, unit_name
from analytics.present.labels import goal_label, status_name
from analytics.rules.progress import GoalRollup, execution_time_progress, expected_path
from analytics.storage.dataset import Dataset

__all__ = ["IndicatorChart", "budget_execution", "goal_scores", "indicator_progress", "status_counts", "unit_axis_title"]

LINE_COLUMNS = ["month", "value", "series", "kind"]
BAR_COLUMNS = ["month", "value", "label"]


def status_counts(counts: Mapping[str, int]) -> dict[str, int]:
    """Indicators by status (the builder names and colours them)."""
    return dict(counts)


def goal_scores(project: Project, rollups: Iterable[GoalRollup], lang: str) -> pd.DataFrame:
    """goal (label), score (0–100, one decimal), status (name) of every goal with a score."""
    recs = [
        {"goal": goal_label(project, r.goal, lang), "score": round(r.score, 1), "status": status_name(r.status, lang)}
        for r in rollups
        if r.goal != 0 and r.score is not None
    ]
    return pd.DataFrame(recs, columns=["goal", "score", "status"])


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
    if projection is not None:
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

    def args(self, lang: str) -> tuple[Any, ...]:
        """Positional arguments of ``charts.indicator_progress``."""
        return self.monthly, self.lines, self.unit_title, lang, self.target

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments of ``charts.indicator_progress`` (bars and the units' words)."""
        return {"bars": self.bars, "bar_title": self.bar_title, "target_unit": self.unit}


def unit_axis_title(name: str, unit: str, lang: str, cumulative: bool) -> str:
    """Value-axis title: ``累计值（万人）`` / ``Cumulative (10k persons)`` for flows, else the
    indicator's name with its unit."""
    u = unit_name(unit, lang)
    if cumulative:
        return text("ch_cum_axis", lang, unit=u) if u else text("ch_cum_axis_nounit", lang)
    return text("ch_name_unit", lang, name=name, unit=u) if u else name


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
    traj = expected_path(project, ind, ds.actuals, ds.budget, year)
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
                          title, target, ind.kind == "flow", bar_title, ind.unit)
