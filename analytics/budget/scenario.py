"""Budget execution projection and what-if scenarios (预算执行情景模拟): the public face of
:mod:`analytics.budget`.

Pure computation (no Streamlit, no I/O except reading a scenario or allocation file on request).
The pieces: :mod:`~analytics.forecast.spending` (spending on the current pace),
:mod:`~analytics.budget.levers` (the lever registry), :mod:`~analytics.budget.document`
(validation, canonical form, files), :mod:`~analytics.budget.projection` (levers applied, the
result), :mod:`~analytics.budget.outputs` (outputs bought with the money). See ``docs/budget.md``.
"""

from __future__ import annotations

import math
from typing import Any

from analytics.budget.allocation import ALLOCATION_FILE, load_allocation
from analytics.budget.document import (
    levers_key,
    normalise_scenario,
    scenario_arg,
    scenario_from_file,
    scenario_problems,
    scenario_to_dict,
)
from analytics.budget.levers import LEVERS, REGISTRY, Lever
from analytics.budget.problems import ScenarioError, ScenarioProblem
from analytics.budget.projection import project_scenario
from analytics.budget.results import GoalSpending, LinkedOutput, MonthPoint, Notice, ScenarioResult, SourceSummary
from analytics.core.model import Indicator, Project
from analytics.core.series import Actuals, Budget
from analytics.forecast.spending import (
    DEFAULT_PROFILE,
    DEFAULT_REL_ERROR_END,
    DEFAULT_REL_ERROR_START,
    MIN_PACE_SHARE,
    SPREAD_REL_MAX,
    SPREAD_REL_MIN,
    Z80,
)

__all__ = [
    "ALLOCATION_FILE",
    "DEFAULT_PROFILE",
    "DEFAULT_REL_ERROR_START",
    "DEFAULT_REL_ERROR_END",
    "MIN_PACE_SHARE",
    "SPREAD_REL_MIN",
    "SPREAD_REL_MAX",
    "Z80",
    "LEVERS",
    "REGISTRY",
    "Lever",
    "Notice",
    "ScenarioProblem",
    "ScenarioError",
    "MonthPoint",
    "SourceSummary",
    "GoalSpending",
    "LinkedOutput",
    "ScenarioResult",
    "load_allocation",
    "scenario_problems",
    "normalise_scenario",
    "scenario_to_dict",
    "levers_key",
    "scenario_from_file",
    "scenario_arg",
    "project_scenario",
    "scenario_data",
    "spend_driven",
]


def _r(x: float | None, n: int = 2) -> float | None:
    return None if x is None or not math.isfinite(x) else round(float(x), n)


def scenario_data(project: Project, budget: Budget, as_of: tuple[int, int], scenario: Any = None,
                  actuals: Actuals | None = None) -> tuple[dict[str, Any], ScenarioResult]:
    """The numbers of the CLI's ``scenario`` JSON (see docs/budget.md, "CLI JSON") and the result
    they come from; the sentences (``risk_reasons_*``, ``warnings_*``) are added at the edge by
    :func:`analytics.present.budget_text.scenario_json`. ``scenario`` is a document, a path to a
    JSON/YAML file, or ``None`` (baseline); with ``actuals`` the linked outputs are filled in."""
    doc = scenario_arg(scenario, project)
    res = project_scenario(project, budget, as_of, doc, actuals=actuals)
    r = _r
    payload = {
        "project": project.id,
        "as_of": res.as_of,
        "year": res.year,
        "data_month": res.data_month,
        "scenario": {"name": res.name, "key": res.key, "levers": res.levers},
        "budget": {"total": r(res.total_budget), "adjusted": r(res.adjusted_budget)},
        "target_rate": r(res.target_rate),
        "path": [
            {"period": p.period, "observed": p.observed, "spent": r(p.spent), "cumulative": r(p.cumulative),
             "execution_rate": r(p.execution_rate), "lower": r(p.lower), "upper": r(p.upper),
             "time_progress": r(p.time_progress), "target": r(p.target), "missing": p.missing}
            for p in res.path
        ],
        "missing_months": [f"{res.year:04d}-{m:02d}" for m in res.missing_months],
        "year_end": {
            "execution_rate": r(res.year_end_rate),
            "interval80": [r(res.year_end_interval[0]), r(res.year_end_interval[1])],
            "spent_cumulative": r(res.year_end_spent),
            "baseline_execution_rate": r(res.baseline_year_end_rate),
        },
        "target_reached": res.target_period,
        "shortfall": r(res.shortfall),
        "unspent_by_source": {k: r(v) for k, v in res.unspent_by_source.items()},
        "by_goal": [
            {"goal": g.goal, "share": r(g.share, 4), "budget": r(g.budget), "year_spent": r(g.year_spent),
             "projected_rest": r(g.projected_rest), "execution_rate": r(g.execution_rate)}
            for g in res.by_goal
        ],
        "linked_outputs": [
            {"indicator_id": lo.indicator_id, "unit": lo.unit, "ytd": r(lo.ytd, 4), "unit_cost": r(lo.unit_cost, 4),
             "unit_cost_source": lo.unit_cost_source, "projected": r(lo.projected, 4), "target": lo.target,
             "attainment": r(lo.attainment, 4)}
            for lo in res.linked_outputs
        ],
        "central_at_risk": res.central_at_risk,
    }
    return payload, res


def spend_driven(project: Project) -> list[Indicator]:
    """The indicators bought with project money (``spend_driven`` = yes)."""
    return [i for i in project.indicators if i.spend_driven]
