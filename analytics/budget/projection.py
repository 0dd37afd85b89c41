"""Budget execution under a scenario: the spending projection of :mod:`analytics.forecast.spending`
changed by the levers (:mod:`analytics.budget.levers`), summed into a :class:`ScenarioResult`.

Execution is cumulative from the project start against the (adjusted) total budget; the year's
target comes from ``project.execution_targets``. Spending is split over the goals by
``budget_allocation.csv`` (or a ``goal`` column in the data). Levers change the months after the
last month with spending reported (:func:`analytics.budget.levers.plan_months`: as of December with
spending to October, November and December); cumulative execution per source never exceeds that
source's (adjusted) budget.
Spend-driven indicators are projected from their goal's spending (:mod:`analytics.budget.outputs`).
See ``docs/budget.md``.
"""

from __future__ import annotations

import math
from typing import Any, Mapping

import numpy as np

from analytics.budget.allocation import load_allocation
from analytics.budget.checker import parse_month
from analytics.budget.document import levers_key, normalise_scenario
from analytics.budget.levers import Work, apply_levers
from analytics.budget.outputs import linked_outputs
from analytics.budget.results import GoalSpending, MonthPoint, Notice, ScenarioResult, SourceSummary
from analytics.core.calendar import time_progress
from analytics.core.model import Project
from analytics.core.series import Actuals, Budget
from analytics.forecast.spending import CappedPaths, SpendingBase, capped_paths, spending_base

__all__ = ["project_scenario", "Projected"]


class Projected:
    """The levers applied and the caps enforced: what :class:`ScenarioResult` is summed from."""

    def __init__(self, base: SpendingBase, levers: Mapping[str, Any]) -> None:
        w: Work = apply_levers(base, dict(levers))
        paths: CappedPaths = capped_paths(base, w.pattern, w.oneoff, w.caps)
        self.spend = paths.spend  # projected (S, G, 12) after caps
        self.cum, self.cum_low, self.cum_high = paths.cum, paths.cum_low, paths.cum_high
        self.caps, self.adj, self.transferred = w.caps, w.adj, w.transferred
        self.warnings: list[Notice] = list(w.warnings)
        for i, s in enumerate(base.sources):
            spent, cap = float(paths.cum_at_data_month[i]), float(self.caps[i])
            if np.isfinite(cap) and spent > cap + 1e-6:
                self.warnings.append(Notice("over_budget", {"source": s, "name": base.names[s], "spent": spent, "cap": cap}))
        self.capped_amount = paths.capped_amount
        self.capped_by_source = paths.capped_by_source


def _as_of(value: Any) -> tuple[int, int]:
    if isinstance(value, (tuple, list)) and len(value) == 2:
        return int(value[0]), int(value[1])
    ym = parse_month(value)
    if ym is None:
        raise ValueError(f"bad as-of month {value!r}")
    return ym


def project_scenario(
    project: Project,
    budget: Budget,
    as_of: tuple[int, int],
    scenario: Mapping[str, Any] | None = None,
    *,
    actuals: Actuals | None = None,
    allocation: Mapping[int, float] | None = None,
    with_baseline: bool = True,
) -> ScenarioResult:
    """Project the execution of ``as_of``'s year under ``scenario`` (``None`` = baseline).

    ``actuals`` (optional) enables the linked outputs of spend-driven indicators; ``allocation``
    overrides ``budget_allocation.csv``. Raises :class:`ScenarioError` for an invalid scenario.
    """
    ym = _as_of(as_of)
    canon = normalise_scenario(scenario, project)
    levers = canon["levers"]
    alloc = dict(allocation) if allocation is not None else load_allocation(project)
    base = spending_base(project, budget, ym, alloc)
    out = Projected(base, levers)
    baseline_out = Projected(base, {}) if (levers and with_baseline) else out
    return _result(project, base, canon, out, baseline_out, actuals, budget)


def _time_progress(last: float | None, target: float | None, month: int) -> float | None:
    """序时进度 of execution (:func:`analytics.core.calendar.time_progress`), ``None`` without a target or start."""
    return None if target is None or last is None else time_progress(last, target, month)


def _path(base: SpendingBase, out: Projected, adjusted: float, missing: tuple[int, ...] = ()) -> list[MonthPoint]:
    """The year's months; one inside a figure for several months (``base.combined``) or never
    reported (``missing``) has no figures of its own: None, never 0."""
    Y, d = base.year, base.data_month
    unknown = set(base.combined) | set(missing)
    total = base.total
    cum = out.cum.sum(axis=0)
    cum_l, cum_h = out.cum_low.sum(axis=0), out.cum_high.sum(axis=0)
    spent_month = np.diff(np.concatenate([[base.before.sum()], cum]))

    def rate(x: float, m: int) -> float | None:
        den = total if m <= d else adjusted  # the months planned divide by the adjusted budget
        if m in unknown:  # inside a figure for several months, or never reported: its own rate is unknown, not 0
            return None
        return 100.0 * x / den if den > 0 else None

    def amount(x: float, m: int) -> float | None:  # likewise the month's own spending and the total to it
        return None if m in unknown else float(x)

    return [
        MonthPoint(
            month=m,
            period=f"{Y:04d}-{m:02d}",
            observed=m <= d,
            spent=amount(spent_month[m - 1], m),
            cumulative=amount(cum[m - 1], m),
            execution_rate=rate(float(cum[m - 1]), m),
            lower=rate(float(cum_l[m - 1]), m),
            upper=rate(float(cum_h[m - 1]), m),
            cumulative_lower=amount(cum_l[m - 1], m),
            cumulative_upper=amount(cum_h[m - 1], m),
            time_progress=_time_progress(base.last_year_end_rate, base.target_rate, m),
            target=base.target_rate,
            missing=m in missing,
        )
        for m in range(1, 13)
    ]


def _sources(base: SpendingBase, out: Projected) -> tuple[list[SourceSummary], dict[str, float]]:
    obs_by_src = base.observed.sum(axis=(1, 2))
    proj_by_src = out.spend.sum(axis=(1, 2))
    sources = []
    unspent: dict[str, float] = {}
    for i, s in enumerate(base.sources):
        ye = float(out.cum[i, 11])
        cap = float(out.caps[i])
        un = cap - ye if math.isfinite(cap) else math.nan
        if math.isfinite(cap):
            unspent[s] = max(0.0, un)
        sources.append(SourceSummary(
            source=s, name=base.names[s], budget=float(base.budgets[i]), adjusted_budget=cap,
            spent_before_year=float(base.before[i]), spent_ytd=float(obs_by_src[i]), projected_rest=float(proj_by_src[i]),
            year_end_cumulative=ye, unspent=max(0.0, un) if math.isfinite(un) else math.nan,
            execution_rate=100.0 * ye / cap if math.isfinite(cap) and cap > 0 else None, pace=float(base.pace[i]),
            profile_method=base.profile_method[i], profile_years=base.profile_years[i],
            interval_method=base.interval_method[i], rel_error=float(base.rel[i]),
        ))
    return sources, unspent


def _central_risks(project: Project, base: SpendingBase, out: Projected, unspent: Mapping[str, float]) -> list[Notice]:
    """Why central funds are at risk of being reclaimed (中央资金被收回风险): unspent at the end of
    the final project year, or the central subsidy's own execution behind its time progress."""
    risks: list[Notice] = []
    if "central" not in base.sources:
        return risks
    Y, d, T = base.year, base.data_month, base.target_rate
    i = base.sources.index("central")
    cap = float(out.caps[i])
    if base.final_year is not None and Y >= base.final_year and unspent.get("central", 0.0) > 0.005:
        risks.append(Notice("central_unspent", {"year": Y, "amount": unspent["central"]}))
    if d > 0 and T is not None and cap > 0 and math.isfinite(cap):
        c_last = 0.0 if (project.execution_start and Y <= project.execution_start[0]) else 100.0 * float(base.before[i]) / cap
        c_tp = _time_progress(c_last, T, d)
        c_now = 100.0 * float(out.cum[i, d - 1]) / cap
        if c_tp is not None and c_now < c_tp - 0.005:  # behind by at least 0.01 point (what a 2-decimal display shows)
            risks.append(Notice("central_behind", {"year": Y, "month": d, "rate": c_now, "time_progress": c_tp,
                                                   "start": c_last, "target": float(T)}))
    return risks


def _capped(base: SpendingBase, out: Projected) -> Notice:
    """The projected spending held at the budget: ``capped`` {amount}, or, when every source cut
    was projected on the assumed default profile (no year of spending to learn from, its December
    rush), ``capped_default`` {amount, months, recent, budget} with where those sources end at
    the recent pace (the last ``months`` months' average) against their (adjusted) budget — 580 of
    800 spent evenly to September reads 1000 on the profile, about 773 at its pace."""
    amount = {"amount": out.capped_amount}
    cut = [i for i, x in enumerate(out.capped_by_source) if x > 1e-6] if out.capped_by_source is not None else []
    recent = base.recent
    if (not cut or recent is None or any(base.profile_method[i] != "default" or not math.isfinite(recent[i]) for i in cut)
            or not all(math.isfinite(float(out.caps[i])) for i in cut)):
        return Notice("capped", amount)
    return Notice("capped_default", {**amount, "months": base.recent_months,
                                     "recent": sum(float(base.before[i] + recent[i]) for i in cut),
                                     "budget": sum(float(out.caps[i]) for i in cut)})


def _by_goal(project: Project, base: SpendingBase, out: Projected, adjusted: float) -> list[GoalSpending]:
    goal_names = {g.id: g.name for g in project.goals}
    res = []
    for j, g in enumerate(base.goals):
        ytd = float(base.observed[:, j, :].sum())
        rest = float(out.spend[:, j, :].sum())
        before = float(base.before_goal[:, j].sum())
        gb = adjusted * float(base.shares[j]) + float(out.transferred[j])
        res.append(GoalSpending(
            goal=g, name=goal_names.get(g, ""), share=float(base.shares[j]), budget=gb, spent_before_year=before,
            spent_ytd=ytd, projected_rest=rest, year_spent=ytd + rest, year_end_cumulative=before + ytd + rest,
            execution_rate=100.0 * (before + ytd + rest) / gb if gb > 0 else None, transferred=float(out.transferred[j]),
        ))
    return res


def _result(project: Project, base: SpendingBase, canon: dict[str, Any], out: Projected, baseline_out: Projected,
            actuals: Actuals | None, budget: Budget) -> ScenarioResult:
    levers = canon["levers"]
    total = base.total
    adjusted = total + float(out.adj.sum())
    missing = base.missing
    path = _path(base, out, adjusted, missing)
    T = base.target_rate
    target_month = None
    if T is not None:
        target_month = next((p.month for p in path if p.execution_rate is not None and p.execution_rate >= T - 1e-9), None)
    year_end_spent = float(out.cum.sum(axis=0)[11])
    shortfall = max(0.0, T / 100.0 * adjusted - year_end_spent) if T is not None else 0.0
    sources, unspent = _sources(base, out)
    risks = _central_risks(project, base, out, unspent)
    if baseline_out is not out:
        base_rate = 100.0 * float(baseline_out.cum.sum(axis=0)[11]) / total if total > 0 else None
    else:
        base_rate = path[11].execution_rate
    warnings = list(out.warnings)
    if not budget.has_data:  # no spending recorded: the path is the targets' pace, assumed, not a projection
        warnings.insert(0, Notice("no_spending", {}))
    elif not base.data_month:  # none of the year's reported: the path is last year's spending or the budget left, assumed
        warnings.insert(0, Notice("no_spending_year", {"year": base.year}))
    if missing:  # a month never reported is no month without spending: said, with what it does to the figures
        reported = sum(1 for m in range(1, base.data_month + 1) if m not in missing and budget.counts(base.year, m))
        code = "missing_months" if base.data_month < 12 else "missing_months_year_end"  # December: no pace, the year's figures
        warnings.insert(0, Notice(code, {"year": base.year, "months": list(missing), "reported": reported}))
    if out.capped_amount > 0.005:
        warnings.append(_capped(base, out))
    linked = linked_outputs(project, base, levers, out.spend, baseline_out.spend, actuals, budget) if actuals is not None else []
    Y = base.year
    return ScenarioResult(
        name=canon.get("name", ""), levers=levers, key=levers_key(levers), as_of=f"{Y:04d}-{base.as_of_month:02d}", year=Y,
        data_month=base.data_month, total_budget=total, adjusted_budget=adjusted, target_rate=T,
        last_year_end_rate=base.last_year_end_rate, path=path, year_end_rate=path[11].execution_rate,
        year_end_interval=(path[11].lower, path[11].upper), year_end_spent=year_end_spent, target_month=target_month,
        target_period=f"{Y:04d}-{target_month:02d}" if target_month else None, shortfall=shortfall, sources=sources,
        unspent_by_source=unspent, central_at_risk=bool(risks), risks=risks, by_goal=_by_goal(project, base, out, adjusted),
        linked_outputs=linked, baseline_year_end_rate=base_rate, warnings=warnings, missing_months=missing,
    )
