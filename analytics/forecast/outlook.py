"""Year-end outlook for every indicator of a project: the forecasting engine
(:mod:`analytics.forecast.method`) fed with each indicator's own data, plus the project-level rules
the engine does not know about (milestones, multi-year totals, budget execution).

* Flows, stocks, levels, rates → :func:`analytics.forecast.method.forecast_indicator` with this year's
  observations, prior years and last year's December value (the table's 2022 column counts).
* Budget execution → the spending projection of :mod:`analytics.forecast.spending` (spending pattern,
  year-end rush), the baseline of the 预算情景 page, so the two pages agree.
* Multi-year totals (e.g. 培训 30万人次 over 2023–2024) → in their final year, what earlier years
  achieved plus the forecast of this year's source indicator; before that, no forecast
  ("multi_year_total").
* Yes/no milestones → achieved: certain; overdue: impossible; otherwise no number, and a
  probability that falls as the due month nears (documented rule, not a statistical model).
* A yes/no whose target is 否 (是否存在质量问题 | 否, ``milestone_no``) → 是 recorded: impossible
  (missed once the year is over); 否 so far: a probability rising from 70 % to 95 % with the months
  passed (documented rule), met once the year ends 否.
* Qualitative indicators → never a number: a latest check-in 达成 is an outcome (certain, as a
  milestone achieved); one below 达成 is an outcome once it is the year's last (December's, or the
  latest of a year over: missed); otherwise no forecast ("qualitative").

完成目标可能性 (likelihood, the column of Chinese monitoring forms), thresholds in
``data/judgement_rules.yaml``: P ≥ 95% 确定能, ≥ 70% 很可能, ≥ 1% 有可能. 完全不可能 is kept for
targets that can no longer be reached — a zero cap already broken, a milestone overdue, a closed
year missed, a required monthly run-rate above ``run_rate_factor`` × the best month the series has
ever had — or a probability under 1 %. Each level comes with a reason code
(:data:`LIKELIHOOD_REASONS`, catalogue ``judgement.reason_<code>``). Over-achievement (超额较多):
an actual or forecast ≥ 130 % of a higher-is-better target (:func:`over_achievement`).

Results are typed (:class:`Outlook`, :class:`TrackPoint`) and carry codes and numbers only; the
names of methods, reasons and likelihood levels are in the catalogue (``forecast.*``, ``labels.*``).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Protocol

import yaml

from analytics.core import calendar as cal
from analytics.core.paths import DATA_DIR
from analytics.core.model import Indicator, Project
from analytics.core.qualitative import level_of
from analytics.core.series import Actuals, Budget
from analytics.core.values import counts_things
from analytics.forecast.method import BASES, Forecast, forecast_indicator
from analytics.rules.progress import gap_settles, year_target

JUDGEMENT_FILE = DATA_DIR / "judgement_rules.yaml"
#: Likelihood levels (完成目标可能性), most likely first: (minimum probability, code) — the
#: defaults of data/judgement_rules.yaml (:func:`likelihood_thresholds` reads the file).
LIKELIHOOD: tuple[tuple[float, str], ...] = ((0.95, "certain"), (0.70, "likely"), (0.01, "possible"), (0.0, "impossible"))
#: Why an indicator got its level (catalogue ``judgement.reason_<code>``).
LIKELIHOOD_REASONS: tuple[str, ...] = ("achieved", "checkin_achieved", "stock_met", "ytd_met", "given_met", "final_met", "final_missed", "zero_cap_broken", "cap_broken",
                                       "milestone_broken", "milestone_overdue",
                                       "run_rate", "probability_below", "probability_low", "first_year", "probability", *BASES)
#: Method codes of the project-level rules, beside :data:`analytics.forecast.method.METHODS`.
OUTLOOK_METHODS: tuple[str, ...] = ("zero_cap", "given_months", "milestone", "milestone_no", "checkin", "budget_projection", "multi_year")
#: Reasons for no forecast, beside :data:`analytics.forecast.method.REASONS`.
OUTLOOK_REASONS: tuple[str, ...] = ("months_missing", "multi_year_total", "future_year", "no_target", "no_budget_data",
                                        "no_budget_data_year", "qualitative")

#: Verdicts that settle a target as met (the others settle it as out of reach).
MET_VERDICTS: tuple[str, ...] = ("stock_met", "ytd_met", "given_met")

FanPath = tuple[tuple[int, float, float, float], ...]  # (month, point, lower, upper)


@dataclass(frozen=True)
class Estimate:
    """The year-end estimate of one indicator (numbers and codes; see :class:`Outlook`)."""

    point: float | None = None
    lower: float | None = None
    upper: float | None = None
    p_attain: float | None = None
    method: str = "none"
    reason: str | None = None
    n_prior_years: int = 0
    path: FanPath = ()  # the months after the data month
    required_monthly: float | None = None
    recent_monthly: float | None = None
    backtest_mape: float | None = None  # percent
    verdict: str | None = None  # a reason that decides the level by itself (zero_cap_broken, milestone_overdue, …)
    best_monthly: float | None = None  # the best single month the series has ever had (same unit as required_monthly)
    basis: str | None = None  # where p_attain comes from when not from the interval (Forecast.basis)


@dataclass(frozen=True)
class Outlook(Estimate):
    """The outlook of one indicator for a year as of a month: the estimate, the year's target,
    the month the data count to (0 in a year not started) and the likelihood level's code."""

    indicator_id: str = ""
    year: int = 0
    target: float | None = None
    comparator: str | None = None
    data_month: int = 0
    likelihood: str | None = None
    likelihood_reason: str | None = None  # LIKELIHOOD_REASONS


@dataclass(frozen=True)
class TrackPoint:
    """The forecast made at the end of ``month`` of a past year, against the final outcome."""

    month: int
    point: float | None
    lower: float | None
    upper: float | None
    p_attain: float | None
    final: float | None
    error: float | None  # (point − final) ÷ |final|
    inside: bool | None  # the final value inside the 80 % interval
    method: str


class ProjectData(Protocol):
    """What the outlook reads: the project, its actuals and its spending (a dataset)."""

    project: Project
    actuals: Actuals
    budget: Budget


def judgement_rules(path: str | os.PathLike[str] | None = None) -> dict[str, dict[str, float]]:
    """Section → setting → value of data/judgement_rules.yaml (cached until the file changes)."""
    f = str(path or JUDGEMENT_FILE)
    return _read_rules(f, os.stat(f).st_mtime_ns)


@lru_cache(maxsize=4)
def _read_rules(path: str, mtime: int) -> dict[str, dict[str, float]]:  # mtime: re-read when edited
    with open(path, encoding="utf-8") as fh:
        doc: dict[str, Any] = yaml.safe_load(fh) or {}
    out: dict[str, dict[str, float]] = {}
    for section in ("likelihood", "over_achievement", "report"):
        out[section] = {k: float(v["value"] if isinstance(v, dict) else v) for k, v in (doc.get(section) or {}).items()}
    return out


def likelihood_thresholds() -> tuple[tuple[float, str], ...]:
    """(minimum probability, level) from data/judgement_rules.yaml, most likely first."""
    r = judgement_rules()["likelihood"]
    return ((r.get("certain_min", 0.95), "certain"), (r.get("likely_min", 0.70), "likely"),
            (r.get("impossible_below", 0.01), "possible"), (0.0, "impossible"))


def likelihood(p: float | None) -> str | None:
    """The likelihood level (code) of a probability of meeting the target."""
    if p is None:
        return None
    levels = likelihood_thresholds()
    for threshold, key in levels:
        if p >= threshold:
            return key
    return levels[-1][1]


def judge(est: Estimate, month: int, direction: str = "higher") -> tuple[str | None, str | None]:
    """(likelihood level, reason code) of an estimate: a verdict of the project rules first
    (a zero cap broken, a milestone overdue), then a closed year, then the run-rate still needed
    against the best month ever, then the probability."""
    if est.verdict:
        return ("certain" if est.verdict in MET_VERDICTS else "impossible"), est.verdict
    p = est.p_attain
    if p is None:
        return None, None
    if month >= 12 and est.method in ("observed_final", "budget_projection", "zero_cap", "multi_year", "checkin", "milestone_no") \
            and p in (0.0, 1.0):
        return ("certain", "final_met") if p >= 1.0 else ("impossible", "final_missed")
    if p >= 1.0 and est.method in ("milestone", "checkin"):
        return "certain", "achieved" if est.method == "milestone" else "checkin_achieved"
    rules = judgement_rules()["likelihood"]
    req, best = est.required_monthly, est.best_monthly
    measurable = direction == "higher" and req is not None and best is not None and best > 0
    if measurable and est.n_prior_years == 0 and est.method != "budget_projection":
        # a first year: its best month is only this year's — a December that always carries the
        # year is not known yet (a December-heavy series was called out of reach and met 45% of times)
        level = likelihood(p)
        return ("possible", "first_year") if level == "impossible" else (level, "probability")
    if measurable and req > rules.get("run_rate_factor", 2.0) * best:
        return "impossible", "run_rate"
    level = likelihood(p)
    if level == "impossible" and rules.get("probability_needs_run_rate") and not (measurable and req > best):
        return "possible", "probability_low"
    if est.basis:  # a probability from the indicator's record, not its interval: the reason says so
        return level, est.basis
    return level, ("probability_below" if level == "impossible" else "probability")


def best_month(values: dict[int, dict[int, float]]) -> float | None:
    """The best single month of a flow over the years given (year → month → YTD); months
    reported together count as their average."""
    best: float | None = None
    for obs in values.values():
        prev_m, prev_v = 0, 0.0
        for m in sorted(obs):
            amount = (obs[m] - prev_v) / max(1, m - prev_m)
            best = amount if best is None else max(best, amount)
            prev_m, prev_v = m, obs[m]
    return best


def over_achievement(direction: str, kind: str, target: float | None, actual: float | None,
                     forecast: float | None) -> tuple[float, str] | None:
    """(ratio to the target, "actual" | "forecast") when a higher-is-better indicator's actual or
    year-end forecast is at least ``over_achievement.ratio_min`` × its target (超额较多), else None."""
    if direction != "higher" or kind == "milestone" or target is None or target <= 0:
        return None
    cut = judgement_rules()["over_achievement"].get("ratio_min", 1.30)
    best: tuple[float, str] | None = None
    for value, basis in ((actual, "actual"), (forecast, "forecast")):
        if value is not None and math.isfinite(value) and value / target >= cut - 1e-12:
            if best is None or value / target > best[0]:
                best = (value / target, basis)
    return best


def _of(f: Forecast) -> Estimate:
    return Estimate(f.point, f.lower, f.upper, f.p_attain, f.method, f.reason, f.n_prior_years, tuple(f.path),
                    f.required_monthly, f.recent_monthly, f.backtest_mape, basis=f.basis)


def _milestone(ind: Indicator, obs: dict[int, float], month: int, target: float | None, closed: bool = False) -> Estimate:
    """Achieved: certain; due and reported as not achieved: impossible — missed, the year's
    outcome, once December's figure is in or the year is over (``closed``); due with no report at
    all: no forecast; otherwise a probability that falls from 0.9 as the due month nears (a
    documented rule, not a statistical model)."""
    if target is None:
        return Estimate(method="milestone", reason="no_target")
    known = {m: v for m, v in obs.items() if m <= month}
    if cal.wants_no(target):  # 是否存在质量问题 | 否: broken once 是; else it holds to December
        if not known:
            return Estimate(reason="no_current_data")
        if cal.milestone_achieved(known[max(known)]):  # broken; once the year is over, simply missed
            return Estimate(point=1.0, p_attain=0.0, method="milestone_no", verdict=None if month >= 12 else "milestone_broken")
        if month >= 12:
            return Estimate(point=0.0, p_attain=1.0, method="milestone_no")
        return Estimate(point=0.0, p_attain=round(min(0.95, 0.7 + 0.25 * month / 12), 3), method="milestone_no")
    done = bool(known) and cal.milestone_achieved(known[max(known)])
    due = ind.due_month or 12
    if done:
        return Estimate(point=1.0, p_attain=1.0, method="milestone")
    if month >= due and not known:  # due, but nothing reported at all: unknown, not "missed"
        return Estimate(reason="no_current_data")
    if cal.milestone_overdue(due, month, max(known) if known else None):
        if 12 in known or closed:  # the year's result, as the status has it (未完成): not done, no forecast of it
            return Estimate(point=0.0, p_attain=0.0, method="milestone", verdict="final_missed")
        return Estimate(p_attain=0.0, method="milestone", verdict="milestone_overdue")
    return Estimate(p_attain=round(min(0.9, 0.3 + 0.6 * (due - month) / 12), 3), method="milestone")


def _checkin(obs: dict[int, float], month: int, closed: bool) -> Estimate:
    """A qualitative indicator, never a number: its latest check-in 达成 is an outcome (certain);
    one below 达成 is an outcome once it is the year's last (December's, or the latest of a year
    over); otherwise, or with no check-in, no forecast."""
    known = {m: v for m, v in obs.items() if m <= month}
    if not known:
        return Estimate(reason="qualitative")
    last = max(known)
    if level_of(known[last]) == "achieved":
        return Estimate(p_attain=1.0, method="checkin")
    if last == 12 or closed:
        return Estimate(p_attain=0.0, method="checkin")
    return Estimate(reason="qualitative")


def _budget(project: Project, budget: Budget, year: int, month: int, target: float | None) -> Estimate:
    from analytics.forecast.spending import execution_outlook

    if not budget.has_data:
        return Estimate(reason="no_budget_data")
    if not budget.data_month(year, month):  # none of the year's reported: other years' pace is none of its spending
        return Estimate(reason="no_budget_data_year")
    res = execution_outlook(project, budget, year, month)
    lo, hi = res.year_end_interval
    path = tuple((p.month, p.execution_rate, p.lower if p.lower is not None else p.execution_rate,
                  p.upper if p.upper is not None else p.execution_rate) for p in res.path if not p.observed)
    est = Estimate(point=res.year_end_rate, lower=lo, upper=hi, method="budget_projection", path=path)
    if target is None:
        return est
    required = None
    rest = 12 - month
    if rest:
        total = budget.total or 1.0
        required = max(0.0, (target - (budget.execution_rate(year, month) or 0.0)) / 100 * total / rest)
    best = max((sum(v.values()) for v in budget.monthly.values()), default=None)
    return replace(est, p_attain=cal.probability_at_least(res.year_end_rate, lo, hi, target), required_monthly=required,
                   best_monthly=best)


def forecast_for(project: Project, actuals: Actuals, budget: Budget, ind: Indicator, year: int, as_of: tuple[int, int]) -> Outlook:
    """The outlook of one indicator for ``year`` as of ``as_of``."""
    month = cal.data_month(year, as_of)
    data_month = month  # the month the figures used run to (earlier when the latest months are missing)
    t, _ = year_target(project, ind, actuals, year)
    target = t.value if t is not None else None
    comparator = (t.comparator if t is not None else None) or (">=" if ind.direction == "higher" else "<=")
    if month == 0:
        est = Estimate(reason="future_year")
    elif ind.kind == "qualitative":  # a check-in, never a number (analytics/core/qualitative.py)
        est = _checkin(actuals.obs(ind.id, year).values, month, year < as_of[0])
    elif ind.kind == "milestone":
        est = _milestone(ind, actuals.obs(ind.id, year).values, month, target, year < as_of[0])
    elif ind.id == project.execution_indicator:
        est = _budget(project, budget, year, month, target)
    elif ind.kind == "flow" and not ind.derived_from and (given := _given_settles(actuals, ind, year, month, target, comparator)):
        est, data_month = given
    elif ind.derived_from and ind.span_years:
        est = _multi_year(project, actuals, ind, year, month, target, comparator)
    elif ind.kind == "flow" and ind.direction == "lower" and target is not None and target <= 0:
        est = _zero_cap(actuals, ind, year, month, target)
        data_month = max((m for m in actuals.obs(ind.id, year).values if m <= month), default=month)
    else:
        current = actuals.obs(ind.id, year).values
        history = actuals.history(ind.id, year)
        data_month = max((m for m in current if m <= month), default=month)  # May missing: the year so far runs to April
        est = _of(forecast_indicator(ind.kind, ind.direction, month, current, history, target, comparator, actuals.year_end(ind, year - 1),
                                     whole=counts_things(ind.unit)))
        if ind.kind == "flow":
            est = replace(est, best_monthly=best_month({**history, year: {m: v for m, v in current.items() if m <= month}}))
        if data_month < 12:  # December in: the year's outcome (final_met / final_missed), not a verdict
            est = _settled(ind, est, {m: v for m, v in current.items() if m <= month}, target, comparator)
        if est.reason == "no_current_data" and ind.kind == "flow" and actuals.obs(ind.id, year).open_gap(month):
            est = replace(est, reason="months_missing")  # figures given, but after months missing: not “no data”
    fields = {name: getattr(est, name) for name in Estimate.__dataclass_fields__}
    level, why = judge(est, month, ind.direction)
    return Outlook(**fields, indicator_id=ind.id, year=year, target=target, comparator=t.comparator if t is not None else None,
                   data_month=data_month, likelihood=level, likelihood_reason=why)


def _settled(ind: Indicator, est: Estimate, known: dict[int, float], target: float | None, comparator: str) -> Estimate:
    """What the project's rules already settle, whatever the trend: a stock (a cumulative count,
    already 已完成 by the status rules) at or above its target is met — its year-end is not below
    where it stands; so is a flow whose year-to-date already reached its target (开展修复工程 2 against
    ≥ 1 in November: the months left can only add); a flow's year-to-date above its cap (投诉 23 against ≤ 20 in March) cannot come
    back under it. Otherwise ``est`` as it is."""
    if target is None or not known or est.point is None:
        return est
    now = known[max(known)]
    strict = comparator in (">", "<")
    if ind.kind in ("stock", "flow") and ind.direction == "higher" and (now > target if strict else now >= target - 1e-9):
        floor = lambda v: None if v is None else max(v, now)  # noqa: E731  (a flow's months left can only add)
        return replace(est, point=floor(est.point), lower=floor(est.lower), upper=floor(est.upper), p_attain=1.0,
                       verdict="stock_met" if ind.kind == "stock" else "ytd_met",
                       path=tuple((m, max(p, now), max(lo, now), max(hi, now)) for m, p, lo, hi in est.path))
    if ind.kind == "flow" and ind.direction == "lower" and (now >= target if strict else now > target + 1e-9):
        return replace(est, point=max(est.point, now), lower=None if est.lower is None else max(est.lower, now), p_attain=0.0,
                       verdict="cap_broken")
    return est


def _given_settles(actuals: Actuals, ind: Indicator, year: int, month: int, target: float | None, comparator: str
                   ) -> tuple[Estimate, int] | None:
    """A flow whose year-to-date stops at missing months while the months given after them already
    settle the year (the status rule :func:`~analytics.rules.progress.gap_settles`: 事故 reported
    from March, 1 against ≤ 0): out of reach, or met, with the least the year can be, as the status
    says. None otherwise (the forecast runs on the year-to-date before the gap)."""
    gap = actuals.obs(ind.id, year).open_gap(month)
    if gap is None or not gap_settles(ind, gap[3], target, comparator):
        return None
    least, last = gap[3], gap[1][-1]
    if ind.direction == "higher":
        return Estimate(point=least, lower=least, upper=None, p_attain=1.0, method="given_months", verdict="given_met"), last
    broken = "zero_cap_broken" if target is not None and target <= 0 else "cap_broken"
    return Estimate(point=least, lower=least, upper=None, p_attain=0.0, method="given_months", verdict=broken), last


def _zero_cap(actuals: Actuals, ind: Indicator, year: int, month: int, target: float) -> Estimate:
    """A count that must stay at zero (e.g. 重大群体性事件 0 件): already above → impossible;
    otherwise P(no event in the remaining months) under a Poisson rate estimated from the
    indicator's own history with half an event of prior (so a spotless record is not certainty)."""
    obs = actuals.obs(ind.id, year).values
    known = {m: v for m, v in obs.items() if m <= month}
    if not known:
        return Estimate(reason="no_current_data")
    m = max(known)
    so_far = known[m]
    if so_far > target:
        return Estimate(point=so_far, lower=so_far, upper=so_far, p_attain=0.0, method="zero_cap", verdict="zero_cap_broken")
    hist = actuals.history(ind.id, year)
    events = sum(h.get(12, 0.0) for h in hist.values() if 12 in h)
    months = 12 * sum(1 for h in hist.values() if 12 in h) + m
    rate = (events + 0.5) / max(months, 1)
    rest = 12 - m
    return Estimate(point=so_far, lower=so_far, upper=so_far + (1.0 if rest else 0.0), p_attain=math.exp(-rate * rest), method="zero_cap")


def _multi_year(project: Project, actuals: Actuals, ind: Indicator, year: int, month: int, target: float | None, comparator: str) -> Estimate:
    """A multi-year total in its final year: earlier years' actuals plus this year's forecast of
    the source indicator (no forecast before the final year)."""
    assert ind.span_years is not None and ind.derived_from
    y0, y1 = ind.span_years
    if year < y1:
        return Estimate(reason="multi_year_total")
    src = project.indicator(ind.derived_from)
    base = 0.0
    for y in range(y0, year):
        v = actuals.year_end(src, y)
        if v is None:
            return Estimate(reason="no_current_data")
        base += v
    rest_target = None if target is None else target - base
    f = forecast_indicator(src.kind, src.direction, month, actuals.obs(src.id, year).values, actuals.history(src.id, year),
                           rest_target, comparator, actuals.year_end(src, year - 1), whole=counts_things(src.unit))
    cur = {m: v for m, v in actuals.obs(src.id, year).values.items() if m <= month}
    est = replace(_of(f), best_monthly=best_month({**actuals.history(src.id, year), year: cur}) if src.kind == "flow" else None)
    if f.point is None:
        return est
    return replace(est, point=f.point + base, lower=(f.lower or f.point) + base, upper=(f.upper or f.point) + base, method="multi_year",
                   path=tuple((m, p + base, lo + base, hi + base) for m, p, lo, hi in f.path))


def forecast_all(ds: ProjectData, year: int, as_of: tuple[int, int]) -> list[Outlook]:
    """The outlook of every indicator, in the project's order (the CLI's ``forecast`` command,
    the 年末预测 page, the reports)."""
    return [forecast_for(ds.project, ds.actuals, ds.budget, ind, year, as_of) for ind in ds.project.indicators]


_FINAL_METHODS = ("observed_final", "budget_projection", "multi_year", "milestone")


def track_record(ds: ProjectData, indicator_id: str, year: int) -> list[TrackPoint]:
    """How the forecast of a past year evolved month by month against the final outcome."""
    ind = ds.project.indicator(indicator_id)
    final_row = forecast_for(ds.project, ds.actuals, ds.budget, ind, year, (year + 1, 1))
    final = final_row.point if final_row.method in _FINAL_METHODS else None
    if ind.id == ds.project.execution_indicator:
        final = ds.budget.execution_rate(year, 12)
    elif ind.kind != "milestone" and not ind.derived_from:
        final = ds.actuals.obs(ind.id, year).values.get(12, final)
    out = []
    for m in range(1, 12):
        r = forecast_for(ds.project, ds.actuals, ds.budget, ind, year, (year, m))
        err = None
        if final not in (None, 0) and r.point is not None:
            err = (r.point - final) / abs(final)
        inside = None if final is None or r.lower is None or r.upper is None else (r.lower <= final <= r.upper)
        out.append(TrackPoint(m, r.point, r.lower, r.upper, r.p_attain, final, err, inside, r.method))
    return out


def track_summary(points: list[TrackPoint]) -> tuple[float | None, float | None]:
    """(mean absolute error of the monthly forecasts against the final outcome, share of the months
    whose 80% band held it) of a :func:`track_record`, as fractions; None where no month has one."""
    errs = [abs(x.error) for x in points if x.error is not None]
    inside = [x.inside for x in points if x.inside is not None]
    return (sum(errs) / len(errs) if errs else None, sum(inside) / len(inside) if inside else None)


def risk_order(row: Outlook) -> tuple[float, float]:
    """Sort key: lowest probability of meeting the target first; rows without one last."""
    p = row.p_attain
    return (2.0 if p is None else float(p), 0.0 if row.point is None else 1.0)
