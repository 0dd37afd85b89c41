"""What it takes to reach the year's execution target: the spending still needed in the months a
scenario plans (after the month spending runs to), as a monthly amount (万元/月) and as the pace
(the ``pace`` lever's multiplier) that gets there by December, on top of a scenario's other levers.

The 预算情景 page shows this as its answer, so nobody has to find the pace by dragging a slider.
Pure computation on :func:`analytics.budget.projection.project_scenario`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Mapping

from analytics.budget.document import normalise_scenario
from analytics.budget.projection import project_scenario
from analytics.budget.results import ScenarioResult
from analytics.core.model import Project
from analytics.core.series import Budget

__all__ = ["RequiredPace", "required_pace", "PACE_SEARCH_MAX"]

#: The largest pace searched for (× the current pace); beyond it the target counts as out of reach.
PACE_SEARCH_MAX = 20.0
_TOLERANCE = 0.005  # of the pace multiplier


@dataclass(frozen=True)
class RequiredPace:
    """The spending needed to reach the year's execution target (amounts in 万元)."""

    target_rate: float | None  # the year's execution target (%)
    target_amount: float  # cumulative spending the target means (target × adjusted budget)
    spent: float  # cumulative spending reported, to the month spending runs to (``month``)
    needed: float  # still to spend in the months after it (0 when already reached)
    months_left: int  # months after the month spending runs to (the months a scenario plans)
    monthly: float | None  # needed ÷ months_left (万元/月); None without months left
    planned_monthly: float | None  # what the scenario spends a month in those months, on average
    pace: float | None  # the ``pace`` lever value that reaches the target by December (None: out of reach)
    reached: bool  # the target is reached by December under the scenario as it is
    month: int = 0  # the month of the year spending runs to (0: none reported this year)

    @property
    def gap_monthly(self) -> float | None:
        """How much more a month than the scenario plans (万元/月; ≤ 0: the plan is enough)."""
        if self.monthly is None or self.planned_monthly is None:
            return None
        return self.monthly - self.planned_monthly


def _with_pace(levers: Mapping[str, Any], pace: float) -> dict[str, Any]:
    out = dict(levers)
    out["pace"] = pace
    return out


def _year_end(project: Project, budget: Budget, as_of: tuple[int, int], levers: Mapping[str, Any]) -> float:
    res = project_scenario(project, budget, as_of, {"levers": dict(levers)}, with_baseline=False)
    return float(res.year_end_spent)


def required_pace(project: Project, budget: Budget, as_of: tuple[int, int], scenario: Mapping[str, Any] | None = None,
                  result: ScenarioResult | None = None) -> RequiredPace:
    """The monthly amount and the pace needed to reach the execution target of ``as_of``'s year
    under ``scenario`` (its other levers kept; its ``pace`` replaced by the one found).

    The pace is found by bisection: execution grows with the pace until the budget caps bind, so
    the smallest pace whose December spending reaches the target is well defined; if even
    :data:`PACE_SEARCH_MAX` does not reach it (caps, freezes), ``pace`` is ``None``. ``result``
    (the scenario's projection, when the caller has it) saves one projection."""
    canon = normalise_scenario(scenario, project)
    levers = dict(canon.get("levers", {}))
    res = result if result is not None else project_scenario(project, budget, as_of, canon, with_baseline=False)
    month = res.data_month  # the months after it are the ones a scenario plans (levers.plan_months)
    months_left = max(0, 12 - month)
    T = res.target_rate
    target_amount = (T or 0.0) / 100.0 * res.adjusted_budget
    before = sum(s.spent_before_year for s in res.sources)
    spent = float(res.path[month - 1].cumulative or 0.0) if month >= 1 else before
    needed = max(0.0, target_amount - spent) if T is not None else 0.0
    planned = float(res.year_end_spent) - spent
    monthly = needed / months_left if months_left else None
    planned_monthly = planned / months_left if months_left else None
    reached = T is not None and res.shortfall <= 0.0
    return RequiredPace(T, target_amount, spent, needed, months_left, monthly, planned_monthly,
                        _find_pace(project, budget, as_of, levers, target_amount) if T is not None and months_left else None,
                        reached, month)


def _find_pace(project: Project, budget: Budget, as_of: tuple[int, int], levers: Mapping[str, Any], goal: float) -> float | None:
    """The smallest ``pace`` (to :data:`_TOLERANCE`, rounded up) whose year-end spending reaches ``goal``."""
    if _year_end(project, budget, as_of, _with_pace(levers, 0.0)) >= goal - 1e-6:
        return 0.0
    if _year_end(project, budget, as_of, _with_pace(levers, PACE_SEARCH_MAX)) < goal - 1e-6:
        return None
    lo, hi = 0.0, PACE_SEARCH_MAX
    while hi - lo > _TOLERANCE:
        mid = (lo + hi) / 2
        if _year_end(project, budget, as_of, _with_pace(levers, mid)) >= goal - 1e-6:
            hi = mid
        else:
            lo = mid
    return math.ceil(hi / _TOLERANCE) * _TOLERANCE if hi > 0 else 0.0
