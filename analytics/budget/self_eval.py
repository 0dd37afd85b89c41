"""The 绩效自评 score of a year as of a month — the one place that decides whether it is projected
(:func:`~analytics.budget.scoring.score_scenario`) or scored on what was reported
(:func:`~analytics.budget.scoring.score`), so the ``score`` command, the 预算情景 page and the
reports' 自评表 give one number. ``score_data`` gives the CLI's ``score`` JSON from it."""

from __future__ import annotations

import math
from typing import Any, Mapping, Sequence

from analytics.budget.document import scenario_arg
from analytics.budget.projection import project_scenario
from analytics.budget.results import ScenarioResult
from analytics.budget.score_results import ScoreResult
from analytics.budget.scoring import execution_unknown, score, score_scenario
from analytics.budget.year_budget import year_execution_rate
from analytics.core import calendar as cal
from analytics.core.model import Project
from analytics.core.reporting import year_reported
from analytics.core.series import Actuals, Budget
from analytics.rules.progress import IndicatorProgress, evaluate_all

__all__ = ["self_evaluation", "year_settled", "score_data"]


def year_settled(project: Project, actuals: Actuals, budget: Budget, year: int, as_of: tuple[int, int]) -> bool:
    """Whether ``year``'s outcome is known at ``as_of``: the year is over, or it is its December
    and all of December's figures are in (:func:`analytics.core.reporting.year_reported`: every
    indicator reported monthly this year, and the spending) — the 自评表 then scores what was
    reported, not a projection. With some Decembers still out the score stays projected: the
    projection takes an indicator's December where it is in, the others' year-end as forecast."""
    if year < as_of[0]:
        return True
    return year == as_of[0] and as_of[1] == 12 and year_reported(project, actuals, budget, year)


def self_evaluation(project: Project, actuals: Actuals, budget: Budget, year: int, as_of: tuple[int, int],
                    scenario: Mapping[str, Any] | None = None, *, rules: Mapping[str, Any] | None = None,
                    rows: Sequence[IndicatorProgress] | None = None, result: ScenarioResult | None = None,
                    ) -> tuple[ScoreResult | None, str]:
    """(the 绩效自评 score of ``year`` as of ``as_of``, its basis): ``projected`` — the year-end
    under ``scenario`` (``result``, its projection, worked out when not given) while the year
    runs; ``actual`` — the year's figures once it is settled (:func:`year_settled`); ``to_date``
    — the figures so far when no projection can be made; ``None, "none"`` for a year not started.
    ``rows`` are the year's progress rows at ``as_of`` when the caller has them."""
    month = cal.data_month(year, as_of)
    if year == as_of[0] and not year_settled(project, actuals, budget, year, as_of):
        try:
            if result is None:
                result = project_scenario(project, budget, as_of, scenario, actuals=actuals)
            return score_scenario(project, actuals, budget, as_of, scenario, rules=rules, progress_rows=rows, result=result), "projected"
        except ValueError:  # a scenario that cannot be used (ScenarioError): the figures so far
            pass
    if not month:
        return None, "none"
    end_rows = list(rows) if rows is not None and month == 12 else \
        evaluate_all(project, actuals, budget, year, (year, 12) if year < as_of[0] else as_of, with_previous=False)
    unknown = execution_unknown(budget, year, as_of)  # none of the year's spending reported: left out, as with none at all
    rate = None if unknown else budget.execution_rate(year, month)
    year_rate = None if unknown else \
        year_execution_rate(project, budget, year, budget.spent_in_year(year, month))  # the rule in force (execution_rule) as in a projection
    return score(project, end_rows, rate, year, rules, year_execution_rate=year_rate,
                 execution_why=unknown or "no_data"), ("actual" if month == 12 else "to_date")


def score_data(project: Project, actuals: Actuals, budget: Budget, as_of: tuple[int, int], scenario: Any = None,
               rules: Mapping[str, Any] | None = None, top: int = 10) -> tuple[dict[str, Any], ScoreResult]:
    """The numbers of the CLI's ``score`` JSON (docs/budget.md, "CLI JSON": the score's basis, the
    year-end execution rate, points per part, total and grade) and the score they come from — the
    :func:`self_evaluation` the reports' 自评表 shows; the reasons (``reason_zh``/``reason_en``) are
    added at the edge by :func:`analytics.present.score_text.score_json`. ``scenario`` is a
    document, a JSON/YAML path or ``None``."""
    doc = scenario_arg(scenario, project)
    y, m = int(as_of[0]), int(as_of[1])
    result = project_scenario(project, budget, (y, m), doc, actuals=actuals)
    res, basis = self_evaluation(project, actuals, budget, y, (y, m), doc, rules=rules, result=result)
    assert res is not None  # the as-of month's own year has started

    def r2(x: float | None) -> float | None:
        return None if x is None or not math.isfinite(x) else round(float(x), 2)

    payload = {
        "project": project.id,
        "as_of": f"{y:04d}-{m:02d}",
        "year": y,
        "basis": basis,  # projected (the year-end under the scenario) | actual (the year's figures)
        "scenario": {"name": result.name, "key": result.key, "levers": result.levers},
        "execution": {
            "projected_year_end_rate": r2(result.year_end_rate),
            "interval80": [r2(result.year_end_interval[0]), r2(result.year_end_interval[1])],
            "target": r2(result.target_rate),
            "points": r2(res.part("execution").points) if any(p.key == "execution" for p in res.parts) else None,
            # spending above the budget, in percentage points (execution_over_budget: note), else null
            "over_budget": r2(next((ln.reason_params.get("over_budget") for ln in res.lines if ln.part == "execution"), None)),
        },
        "parts": [{**row, "points": r2(row["points"]), "points_max": r2(row["points_max"])} for row in res.part_rows()],
        "indicators": res.coverage(),  # how many indicators the score rests on, and how many have no data
        "total": r2(res.total) if res.scored else None,  # nothing could be scored: no score, not 0 分
        "grade": res.grade if res.scored else None,
        "grade_en": res.grade_en if res.scored else None,
        "what_costs_points": [
            {"indicator_id": ln.indicator_id, "name": ln.name, "part": ln.part, "lost": r2(ln.lost)}
            for ln in res.what_costs_points[:top]
        ],
    }
    return payload, res
