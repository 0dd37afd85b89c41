"""Spending on the current pace: the lever-free projection of budget execution (支出节奏预测).

The months of the as-of year after the last month with spending data are projected per funding
source: a monthly profile (share of the year's spending in each month, learned from complete
prior years, else :data:`DEFAULT_PROFILE` with its December rush) times the year's pace (YTD
spending ÷ the profile's share of the months reported: a month never reported
(:meth:`Budget.missing_months`) is no month without spending, so it is left out of both). An 80 % interval comes from the spread of the prior years'
profiles (≥ 2 years) or from a default relative error that shrinks as the year goes on.
Cumulative execution per source never exceeds that source's budget.

This is the forecast of the ``budget_execution`` indicator (:mod:`analytics.forecast.outlook`)
and the baseline the budget scenarios (:mod:`analytics.budget`) change with their levers, so the
forecast page and the 预算情景 page agree. See ``docs/budget.md`` for the model.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Mapping

import numpy as np

from analytics.core.calendar import Z80  # two-sided 80 % normal quantile
from analytics.core.model import Project
from analytics.core.series import Budget
from analytics.core.values import normalize_text
from analytics.rules.progress import execution_year_start

__all__ = [
    "DEFAULT_PROFILE",
    "DEFAULT_REL_ERROR_START",
    "DEFAULT_REL_ERROR_END",
    "SPREAD_REL_MIN",
    "SPREAD_REL_MAX",
    "MIN_PACE_SHARE",
    "Z80",
    "SpendingBase",
    "CappedPaths",
    "ExecutionPoint",
    "ExecutionOutlook",
    "goal_id",
    "spending_base",
    "capped_paths",
    "execution_outlook",
]

# Default monthly spending profile (share of a year's spending paid in each month, Jan…Dec),
# used when no complete prior year is in the data. Fiscal payments in China are slow in the
# first quarter (budgets are released after the Spring Festival) and bunch up at year-end
# (年末集中支付): 22 % in December.
DEFAULT_PROFILE: tuple[float, ...] = (0.02, 0.03, 0.06, 0.07, 0.07, 0.08, 0.08, 0.08, 0.09, 0.09, 0.11, 0.22)
# Default half-width of the 80 % interval of the remaining spending, relative to it: 30 % with
# no month of the year observed, shrinking linearly to 10 % as the months are observed.
DEFAULT_REL_ERROR_START = 0.30
DEFAULT_REL_ERROR_END = 0.10
# Bounds for the interval from the spread of prior-year profiles.
SPREAD_REL_MIN = 0.05
SPREAD_REL_MAX = 0.90
# The pace (YTD ÷ expected YTD share) is blended with last year's total while the expected
# YTD share is below this (early months: a single month says little about the year).
MIN_PACE_SHARE = 0.15
MAX_PROFILE_YEARS = 3


def goal_id(value: Any) -> int | None:
    """A goal number from ``1``, ``"1"``, ``"目标1"``, ``"goal 1"``, ``"g1"`` (``None`` otherwise)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = normalize_text(value).lower()
    for prefix in ("目标", "goal", "g"):
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    return int(text) if text.isdigit() else None


@dataclass
class SpendingBase:
    """Everything about a year's spending that does not depend on the levers
    (S sources, G goals; amounts in 万元)."""

    year: int
    as_of_month: int
    data_month: int
    sources: list[str]
    names: dict[str, str]
    budgets: np.ndarray  # (S,) original budget per source (inf = unknown)
    goals: list[int]
    shares: np.ndarray  # (G,)
    before: np.ndarray  # (S,) cumulative spending before the year
    before_goal: np.ndarray  # (S, G)
    observed: np.ndarray  # (S, G, 12) spending of the observed months (0 elsewhere)
    mix: np.ndarray  # (S, G) goal mix used for the projection
    rest: np.ndarray  # (S, 12) baseline projected spending (0 in observed months)
    pace: np.ndarray  # (S,) projected whole-year spending
    rel: np.ndarray  # (S,) relative half-width of the 80 % interval
    profile_method: list[str]
    profile_years: list[int]
    interval_method: list[str]
    total: float
    last_year_end_rate: float | None
    target_rate: float | None
    final_year: int | None
    combined: frozenset[int] = frozenset()  # observed months inside a record covering several (no rate of their own)
    recent: np.ndarray | None = None  # (S,) the year's spending at the recent pace continued to December (nan: none)
    recent_months: int = 0  # the months that pace is the average of (the last three reported, fewer early on)
    missing: tuple[int, ...] = ()  # months before the data month never reported (the pace rests on the others)


def _profiles(monthly: Mapping[tuple[int, int], Mapping[str, float]], year: int, source: str | None) -> list[np.ndarray]:
    """Monthly shares of each complete prior year (December present, positive total)."""
    years = sorted({y for (y, _m) in monthly if y < year})
    out = []
    for y in years:
        vals = np.zeros(12)
        for m in range(1, 13):
            by_src = monthly.get((y, m))
            if by_src:
                vals[m - 1] = by_src.get(source, 0.0) if source is not None else sum(by_src.values())
        if (y, 12) not in monthly or vals.sum() <= 0 or (vals < 0).any():
            continue
        out.append(vals / vals.sum())
    return out[-MAX_PROFILE_YEARS:]


def _goal_frame(budget: Budget, goals: list[int]) -> dict[tuple[int, int, str, int], float] | None:
    """Spending by (year, month, source, goal) when the budget frame has a goal column."""
    frame = budget.frame
    if "goal" not in frame.columns or frame.empty:
        return None
    out: dict[tuple[int, int, str, int], float] = {}
    for y, m, s, g, a in zip(frame["year"], frame["month"], frame["source"], frame["goal"], frame["amount"]):
        gid = goal_id(g)
        if gid is None or gid not in goals:
            continue
        k = (int(y), int(m), str(s), gid)
        out[k] = out.get(k, 0.0) + float(a)
    return out or None


def _sources(project: Project, budget: Budget) -> tuple[list[str], dict[str, str], np.ndarray]:
    """Source keys (the project's, then any other source in the data), names and budgets."""
    names = {s.key: s.name for s in project.funding_sources}
    sources = [s.key for s in project.funding_sources]
    for by_src in budget.monthly.values():
        for s in by_src:
            if s not in names:
                names[s] = s
                sources.append(s)
    if not sources:
        sources = ["total"]
        names["total"] = "合计"
    budgets = np.array([next((fs.amount for fs in project.funding_sources if fs.key == s), math.inf) for s in sources], dtype=float)
    if not project.funding_sources:
        budgets[:] = budget.total or math.inf
    return sources, names, budgets


def _observed(budget: Budget, year: int, as_of_month: int, sidx: Mapping[str, int]) -> tuple[int, np.ndarray, np.ndarray]:
    """(data month, spending before the year per source, observed spending by source and month)."""
    monthly = budget.monthly
    d = budget.data_month(year, as_of_month) or 0  # the month spending runs to: the scenario plans the months after it
    before = np.zeros(len(sidx))
    ytd_obs = np.zeros((len(sidx), 12))
    for (y, m), by_src in monthly.items():
        for s, v in by_src.items():
            i = sidx.get(s, 0)
            if y < year:
                before[i] += v if budget.counts(y, m) else 0.0
            elif y == year and m <= d:
                ytd_obs[i, m - 1] += v
    return d, before, ytd_obs


def _by_goal(budget: Budget, year: int, d: int, goals: list[int], shares: np.ndarray, sidx: Mapping[str, int],
             before: np.ndarray, ytd_obs: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(observed (S, G, 12), before the year (S, G), projection mix (S, G)): goal-tagged rows go
    to their goal, the untagged rest by share; without tags everything by share."""
    S, G = len(sidx), len(goals)
    observed = ytd_obs[:, None, :] * shares[None, :, None]
    before_goal = before[:, None] * shares[None, :]
    mix = np.tile(shares, (S, 1))
    gf = _goal_frame(budget, goals)
    if gf is None:
        return observed, before_goal, mix
    gidx = {g: j for j, g in enumerate(goals)}
    tagged = np.zeros((S, G, 12))
    tagged_before = np.zeros((S, G))
    for (y, m, s, g), v in gf.items():
        i = sidx.get(s)
        if i is None:
            continue
        if y < year:
            tagged_before[i, gidx[g]] += v
        elif y == year and m <= d:
            tagged[i, gidx[g], m - 1] += v
    untagged = ytd_obs - tagged.sum(axis=1)
    observed = tagged + np.clip(untagged, 0, None)[:, None, :] * shares[None, :, None]
    before_goal = tagged_before + np.clip(before - tagged_before.sum(axis=1), 0, None)[:, None] * shares[None, :]
    for i in range(S):
        tot = observed[i].sum()
        if tot > 0:
            mix[i] = observed[i].sum(axis=1) / tot
    return observed, before_goal, mix


@dataclass
class _SourceProjection:
    rest: np.ndarray  # (12,)
    pace: float
    rel: float
    profile_method: str
    profile_years: int
    interval_method: str
    recent: float = math.nan  # the year's spending at the recent pace continued to December


def _recent_pace(ytd: np.ndarray, d: int, missing: frozenset[int] = frozenset()) -> float:
    """The year's spending with the average of the last (up to) three months reported paid in
    every month left and every month never reported (``nan`` with no month reported or none
    left): what a steady spender ends at, beside a profile's December rush."""
    reported = [m for m in range(1, d + 1) if m not in missing]
    if not 0 < d < 12 or not reported:
        return math.nan
    last = reported[-3:]
    return float(ytd[:d].sum()) + float(np.mean([ytd[m - 1] for m in last])) * (12 - d + len(missing))


def _paced(spent: float, share: float, prior_total: float | None) -> float:
    """The year's spending at the pace of ``spent`` over the profile's ``share`` of the year,
    blended with last year's total while that share is below :data:`MIN_PACE_SHARE`."""
    annual = spent / share
    if share < MIN_PACE_SHARE and prior_total is not None:
        w = share / MIN_PACE_SHARE
        annual = w * annual + (1 - w) * prior_total
    return annual


def _share(prof: np.ndarray, d: int, missing: frozenset[int]) -> float:
    """The profile's share of the months reported to month ``d`` (a month never reported is left
    out: its spending is unknown, not nothing)."""
    return float(sum(prof[m - 1] for m in range(1, d + 1) if m not in missing))


def _project_source(project: Project, budget: Budget, source: str, year: int, d: int, ytd: np.ndarray, before: float,
                    budget_amount: float, pooled: list[np.ndarray], missing: frozenset[int] = frozenset()) -> _SourceProjection:
    """Profile, pace, remaining spending and interval of one source (see the module text). The
    pace is the spending of the months reported ÷ the profile's share of those months, so a month
    never reported (``missing``) does not pull it down; the remaining spending (pace − reported)
    then holds that month's spending at the pace until it is reported."""
    monthly = budget.monthly
    final_year = max(project.years) if project.years else None
    own = _profiles(monthly, year, source) if source != "total" else pooled
    if own:
        profs, method = own, "history"
    elif pooled:
        profs, method = pooled, "pooled"
    else:
        profs, method = [np.array(DEFAULT_PROFILE, dtype=float)], "default"
    prof = np.mean(profs, axis=0)
    prof = prof / prof.sum()
    y_s = float(ytd.sum())
    c = _share(prof, d, missing)
    if d > 0 and c <= 0 < y_s:  # the years learnt from spent nothing by now, this one did: they cannot scale it
        profs, method = [np.array(DEFAULT_PROFILE, dtype=float)], "default"
        prof = profs[0] / profs[0].sum()
        c = _share(prof, d, missing)
    prior_total = sum(v.get(source, 0.0) for (yy, _m), v in monthly.items() if yy == year - 1) if any(yy == year - 1 for (yy, _m) in monthly) else None
    if d == 0 or c <= 0:
        if prior_total is not None:
            annual = prior_total
        else:
            years_left = (final_year - year + 1) if final_year is not None and final_year >= year else 0
            annual = max(0.0, (budget_amount - before)) / years_left if years_left and math.isfinite(budget_amount) else 0.0
    else:
        annual = _paced(y_s, c, prior_total)
    remaining = max(0.0, annual - y_s)
    if project.execution_start and year < project.execution_start[0]:
        remaining = 0.0  # nothing is projected before the project starts
    rest = np.zeros(12)
    if d < 12:
        weights = prof[d:]
        weights = weights / weights.sum() if weights.sum() > 0 else np.full(12 - d, 1.0 / (12 - d))
        rest[d:] = remaining * weights
    years = len(profs) if method != "default" else 0
    seen = d - len(missing)  # the months reported: the interval narrows as they come in, not as the calendar runs
    recent = _recent_pace(ytd, d, missing)
    if missing and seen < len(missing) and 0 < d < 12 and remaining > 0 and c > 0:
        # most months so far never reported: the pace rests on few of them, so the interval reaches
        # down to the year-end with the missing months as no spending (what they may yet turn out to be)
        as_none = _paced(y_s, float(prof[:d].sum()), prior_total)
        widest = min(SPREAD_REL_MAX, max(0.0, annual - as_none) / remaining)
    else:
        widest = 0.0
    if len(profs) >= 2 and method != "default" and 0 < d < 12:
        cs = np.array([_share(p, d, missing) for p in profs])
        cbar = c
        if (cs > 0).all() and (cs < 1).all() and 0 < cbar < 1:
            ratio = ((1 - cs) / cs) / ((1 - cbar) / cbar) - 1.0
            rel = min(SPREAD_REL_MAX, max(SPREAD_REL_MIN, Z80 * float(np.std(ratio, ddof=1)), widest))
            return _SourceProjection(rest, y_s + remaining, rel, method, years, "spread", recent)
    rel_default = max(DEFAULT_REL_ERROR_START - (DEFAULT_REL_ERROR_START - DEFAULT_REL_ERROR_END) * seen / 12, widest)
    if method == "default" and 0 < d < 12 and remaining > 0:
        # no year of its own or of the project to learn from: the assumed profile (a December
        # rush) is a guess, so the interval reaches the year-end of spending on at the recent pace
        # (the last three months' average) to December — a steady spender 10 % in by February
        # reads 100 % on the profile and 62 % at its pace
        steady = recent
        if seen / 12 < MIN_PACE_SHARE and prior_total is not None:
            w = (seen / 12) / MIN_PACE_SHARE
            steady = w * steady + (1 - w) * prior_total
        rel_default = max(rel_default, min(SPREAD_REL_MAX, abs(annual - steady) / remaining))
    return _SourceProjection(rest, y_s + remaining, rel_default, method, years, "default", recent)


def spending_base(project: Project, budget: Budget, as_of: tuple[int, int], allocation: Mapping[int, float]) -> SpendingBase:
    """The year's spending on the current pace, split over the goals by ``allocation``
    (goal → share; normalised here)."""
    year, as_of_month = int(as_of[0]), int(as_of[1])
    sources, names, budgets = _sources(project, budget)
    goals = sorted(allocation) or [0]
    shares = np.array([allocation.get(g, 0.0) for g in goals], dtype=float)
    shares = shares / shares.sum() if shares.sum() > 0 else np.full(len(goals), 1.0 / len(goals))
    sidx = {s: i for i, s in enumerate(sources)}
    d, before, ytd_obs = _observed(budget, year, as_of_month, sidx)
    missing = budget.missing_months(year, as_of_month)
    observed, before_goal, mix = _by_goal(budget, year, d, goals, shares, sidx, before, ytd_obs)
    pooled = _profiles(budget.monthly, year, None)
    per = [_project_source(project, budget, s, year, d, ytd_obs[i], float(before[i]), float(budgets[i]), pooled, frozenset(missing))
           for i, s in enumerate(sources)]
    last = execution_year_start(project, budget, year)
    target = project.execution_targets.get(year)
    return SpendingBase(
        year, as_of_month, d, sources, names, budgets, goals, shares, before, before_goal, observed, mix,
        np.array([p.rest for p in per]).reshape(len(sources), 12), np.array([p.pace for p in per], dtype=float),
        np.array([p.rel for p in per], dtype=float), [p.profile_method for p in per], [p.profile_years for p in per],
        [p.interval_method for p in per], float(budget.total or np.nansum(budgets[np.isfinite(budgets)])),
        last, float(target) if target is not None else None, max(project.years) if project.years else None,
        frozenset(m for m in budget.combined_months(year) if m < d),  # (a figure after the as-of month is not seen)
        np.array([p.recent for p in per], dtype=float), min(3, d - len(missing)), missing,
    )


@dataclass
class CappedPaths:
    """Cumulative spending per source after the caps (S, 12), and the projected spending scaled to fit."""

    spend: np.ndarray  # (S, G, 12) projected spending after the caps
    cum: np.ndarray  # (S, 12) cumulative since the project start, central path
    cum_low: np.ndarray
    cum_high: np.ndarray
    capped_amount: float  # projected spending cut by the caps (万元)
    cum_at_data_month: np.ndarray  # (S,) cumulative spending at the data month
    capped_by_source: np.ndarray | None = None  # (S,) the part of ``capped_amount`` cut from each source


def capped_paths(base: SpendingBase, pattern: np.ndarray, oneoff: np.ndarray, caps: np.ndarray) -> CappedPaths:
    """Cumulative paths of ``pattern`` (the pace-driven projection, (S, G, 12), with an interval)
    plus ``oneoff`` (exact payments), with each source's cumulative spending never above its cap
    (spending already made is never undone)."""
    d = base.data_month
    obs_month = base.observed.sum(axis=1)  # (S, 12)
    cum_at_d = base.before + obs_month.sum(axis=1)
    spend = pattern + oneoff  # (S, G, 12)
    central = spend.sum(axis=1)
    low = (pattern * (1 - base.rel)[:, None, None]).sum(axis=1) + oneoff.sum(axis=1)
    high = (pattern * (1 + base.rel)[:, None, None]).sum(axis=1) + oneoff.sum(axis=1)

    def capped(monthly: np.ndarray) -> np.ndarray:
        cum = base.before[:, None] + np.cumsum(obs_month + monthly, axis=1)
        lim = np.maximum(caps, cum_at_d)[:, None]
        return np.where(np.arange(12)[None, :] < d, cum, np.minimum(cum, lim))

    cum_c, cum_l, cum_h = capped(central), capped(low), capped(high)
    month_c = np.diff(np.concatenate([base.before[:, None], cum_c], axis=1), axis=1)
    proj_c = month_c - obs_month  # projected part (0 in observed months)
    with np.errstate(invalid="ignore", divide="ignore"):
        scale = np.where(central > 0, proj_c / central, 0.0)
    cut = (central - proj_c).sum(axis=1)
    return CappedPaths(spend * scale[:, None, :], cum_c, cum_l, cum_h, float(cut.sum()), cum_at_d, cut)


@dataclass(frozen=True)
class ExecutionPoint:
    month: int
    observed: bool
    execution_rate: float | None  # %
    lower: float | None  # % (80 % interval)
    upper: float | None


@dataclass(frozen=True)
class ExecutionOutlook:
    """Year-end execution on the current pace (no levers)."""

    year_end_rate: float | None
    year_end_interval: tuple[float | None, float | None]
    path: list[ExecutionPoint]


def execution_outlook(project: Project, budget: Budget, year: int, month: int) -> ExecutionOutlook:
    """Projected execution of ``year`` as of ``month`` on the current pace (the goals play no
    part in the total, so they are not split here)."""
    base = spending_base(project, budget, (year, month), {0: 1.0})
    pattern = base.rest[:, None, :] * base.mix[:, :, None]
    paths = capped_paths(base, pattern, np.zeros_like(pattern), base.budgets)
    cum, lo, hi = paths.cum.sum(axis=0), paths.cum_low.sum(axis=0), paths.cum_high.sum(axis=0)
    total = base.total

    def rate(x: float) -> float | None:
        return 100.0 * x / total if total > 0 else None

    path = [ExecutionPoint(m, m <= base.data_month, rate(float(cum[m - 1])), rate(float(lo[m - 1])), rate(float(hi[m - 1])))
            for m in range(1, 13)]
    return ExecutionOutlook(path[11].execution_rate, (path[11].lower, path[11].upper), path)
