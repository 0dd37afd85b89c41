"""Outputs bought with the money (资金驱动的产出): spend-driven indicators projected from their
goal's spending under a scenario, with the trend forecast as the baseline."""

from __future__ import annotations

import math
from typing import Any, Mapping

import numpy as np

from analytics.budget.results import LinkedOutput
from analytics.core.model import Indicator, Project
from analytics.core.series import Actuals
from analytics.forecast.method import forecast_indicator
from analytics.forecast.spending import SpendingBase

__all__ = ["year_end_point", "linked_outputs"]


def year_end_point(ind: Indicator, actuals: Actuals, year: int, month: int, target: float | None = None,
                   comparator: str = ">=") -> float | None:
    """The trend forecast of an indicator's year end (:func:`analytics.forecast.method.forecast_indicator`),
    or ``None`` when it gives no finite number."""
    try:
        f = forecast_indicator(ind.kind, ind.direction, month, dict(actuals.obs(ind.id, year).values), actuals.history(ind.id, year),
                               target, comparator, actuals.year_end(ind, year - 1))
    except ValueError:  # an unknown direction or comparator in the data: no forecast
        return None
    return f.point if f.point is not None and math.isfinite(f.point) else None


def linked_outputs(project: Project, base: SpendingBase, levers: Mapping[str, Any], spend: np.ndarray, baseline_spend: np.ndarray,
                   actuals: Actuals) -> list[LinkedOutput]:
    """Year-end output of each spend-driven indicator under the scenario's spending (``spend``,
    the projected (S, G, 12) after caps) against the baseline's (see docs/budget.md)."""
    gidx = {g: j for j, g in enumerate(base.goals)}
    gm = base.observed.sum(axis=0) + spend.sum(axis=0)  # spending by goal and month (G, 12)
    gm_base = base.observed.sum(axis=0) + baseline_spend.sum(axis=0)
    user = levers.get("unit_costs", {})
    return [_linked(ind, base, gm[gidx[ind.goal]], gm_base[gidx[ind.goal]], user, actuals)
            for ind in project.indicators if ind.spend_driven and ind.goal in gidx]


def _linked(ind: Indicator, base: SpendingBase, gm: np.ndarray, gm_base: np.ndarray, user: Mapping[str, float], actuals: Actuals) -> LinkedOutput:
    latest = actuals.obs(ind.id, base.year).latest(base.as_of_month)
    dm, ytd = (latest if latest else (0, 0.0))
    ytd = float(ytd)
    scale = ind.scale or 1.0
    spent_to = float(gm[:dm].sum())
    rest = float(gm[dm:].sum())
    rest_base = float(gm_base[dm:].sum())
    t = ind.target(base.year)
    target = t.value if t is not None else None
    derived = spent_to / (ytd * scale) if ytd > 0 and spent_to > 0 else None
    note = ""
    if ind.id in user:
        uc, src = float(user[ind.id]), "user"
    elif derived is not None:
        uc, src = derived, "derived"
    else:
        uc, src = None, "none"
        note = "no_unit_cost"
    baseline = ytd + rest_base / derived / scale if derived else None
    fc = year_end_point(ind, actuals, base.year, base.as_of_month) if latest else None
    if fc is not None:
        baseline = fc
    if src != "user" and fc is not None and rest_base > 0:
        # The year-end forecast is the baseline (so forms, forecast page and score agree);
        # the scenario scales what is still to come by its spending against the baseline's.
        projected: float | None = ytd + max(0.0, fc - ytd) * rest / rest_base
        note = "forecast_baseline"
    else:
        projected = ytd + rest / uc / scale if uc else None
    attainment = None
    if projected is not None and target is not None:
        attainment = projected / target if target > 0 else (1.0 if projected >= target else 0.0)
    return LinkedOutput(
        indicator_id=ind.id, name=ind.name, goal=ind.goal, unit=ind.unit, data_month=dm or None, ytd=ytd if latest else None,
        goal_spent_to_data_month=spent_to, goal_spending_rest=rest, unit_cost=uc, unit_cost_source=src, projected=projected,
        target=target, attainment=attainment, baseline_projected=baseline, note=note,
    )
