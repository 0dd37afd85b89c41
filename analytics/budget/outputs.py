"""Outputs bought with the money (资金驱动的产出): spend-driven indicators projected from their
goal's spending under a scenario, with the trend forecast as the baseline."""

from __future__ import annotations

import math
import weakref
from typing import Any, Mapping

import numpy as np

from analytics.budget.results import LinkedOutput
from analytics.core.model import Indicator, Project
from analytics.core.series import Actuals, Budget
from analytics.forecast.outlook import Outlook, forecast_for
from analytics.forecast.spending import SpendingBase

__all__ = ["year_end_outlook", "year_end_point", "linked_outputs"]


_CACHE: "weakref.WeakKeyDictionary[Actuals, dict[tuple[Any, ...], Outlook | None]]" = weakref.WeakKeyDictionary()


def year_end_outlook(project: Project, ind: Indicator, actuals: Actuals, budget: Budget | None, year: int,
                     as_of: tuple[int, int]) -> Outlook | None:
    """The forecast's own outlook of an indicator's year (:func:`analytics.forecast.outlook.forecast_for`:
    what 年末预测 and the monitoring form give — its point with the project's settled rules, a stock
    met staying at least where it stands, the months given after a gap, a cap broken; a milestone's
    likelihood), ``None`` when the data cannot be forecast. Cached per ``Actuals`` object (the
    forecast depends on the data and the month, not on the budget levers)."""
    key = (repr(ind), year, tuple(as_of))  # never the budget execution indicator (the scenario projects it)
    cache = _CACHE.setdefault(actuals, {})
    if key not in cache:
        try:
            cache[key] = forecast_for(project, actuals, budget or Budget(project, None), ind, year, as_of)
        except ValueError:  # an unknown direction or comparator in the data: no forecast
            cache[key] = None
    return cache[key]


def year_end_point(project: Project, ind: Indicator, actuals: Actuals, budget: Budget | None, year: int,
                   as_of: tuple[int, int]) -> float | None:
    """The point of :func:`year_end_outlook`, or ``None`` when it gives no finite number."""
    got = year_end_outlook(project, ind, actuals, budget, year, as_of)
    point = got.point if got is not None else None
    return point if point is not None and math.isfinite(point) else None


def linked_outputs(project: Project, base: SpendingBase, levers: Mapping[str, Any], spend: np.ndarray, baseline_spend: np.ndarray,
                   actuals: Actuals, budget: Budget | None = None) -> list[LinkedOutput]:
    """Year-end output of each spend-driven indicator under the scenario's spending (``spend``,
    the projected (S, G, 12) after caps) against the baseline's (see docs/budget.md)."""
    gidx = {g: j for j, g in enumerate(base.goals)}
    gm = base.observed.sum(axis=0) + spend.sum(axis=0)  # spending by goal and month (G, 12)
    gm_base = base.observed.sum(axis=0) + baseline_spend.sum(axis=0)
    user = levers.get("unit_costs", {})
    return [_linked(project, ind, base, gm[gidx[ind.goal]], gm_base[gidx[ind.goal]], user, actuals, budget)
            for ind in project.indicators if ind.spend_driven and ind.goal in gidx]


def _linked(project: Project, ind: Indicator, base: SpendingBase, gm: np.ndarray, gm_base: np.ndarray, user: Mapping[str, float],
            actuals: Actuals, budget: Budget | None) -> LinkedOutput:
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
    fc = year_end_point(project, ind, actuals, budget, base.year, (base.year, base.as_of_month)) if latest else None
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
