"""Progress against target and against the expected trajectory (应达进度 / 序时进度).

The status of every indicator comes from the rules in ``data/status_rules.yaml``; this module
computes the measures those rules look at and evaluates them in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from analytics.core import calendar as cal
from analytics.core.calendar import Month, milestone_met, start_meets_target, time_progress, wants_no
from analytics.core.qualitative import level_of
from analytics.core.paths import DATA_DIR
from analytics.core.model import Indicator, Project
from analytics.core.series import Actuals, Budget
from analytics.core.values import ParsedTarget

RULES_FILE = DATA_DIR / "status_rules.yaml"


@lru_cache(maxsize=4)
def load_rules(path: str | None = None) -> dict[str, Any]:
    """The status rules, their help texts filled with the bands in force (:func:`help_params`)."""
    with open(path or RULES_FILE, encoding="utf-8") as fh:
        rules = yaml.safe_load(fh)
    params = _Keep(help_params(rules))
    for section in [*(rules.get("statuses") or {}).values(), rules.get("rollup") or {}, rules.get("trajectory") or {}]:
        for key in ("help_zh", "help_en"):
            if isinstance(section.get(key), str):
                try:
                    section[key] = section[key].format_map(params)
                except (ValueError, IndexError):  # a lone brace of a bureau's own text: kept as written
                    pass
    return rules


class _Keep(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:  # a brace a bureau wrote for itself stays as written
        return "{" + key + "}"


def _num(x: Any) -> str:
    return f"{float(x):g}"


def help_params(rules: dict[str, Any]) -> dict[str, str]:
    """The numbers the rules file's help texts may name, from the rules themselves, so that a band
    changed in one place is said everywhere: ``{watch_ratio}`` (the 关注 band's lowest ratio, 95%),
    ``{watch_gap_pp}`` (how many points a rate may lag and be 关注, 1), ``{milestone_months}`` (how many
    months before its due month a milestone turns 关注, 3), ``{points_<status>}`` and
    ``{band_<status>}`` of the goal roll-up, ``{seasonal_max_years}`` of the trajectory."""
    out: dict[str, str] = {}
    for r in rules.get("rules") or []:
        if r.get("status") == "watch" and r.get("measure") == "ratio" and r.get("min") is not None:
            out.setdefault("watch_ratio", f"{float(r['min']) * 100:g}%")
        if r.get("status") == "watch" and r.get("measure") == "gap_pp" and r.get("min") is not None:
            out.setdefault("watch_gap_pp", _num(-float(r["min"])))
        if r.get("status") == "on_track" and r.get("when") == "milestone_open" and r.get("min_months_left") is not None:
            out.setdefault("milestone_months", _num(r["min_months_left"]))
    rollup = rules.get("rollup") or {}
    out.update({f"points_{k}": _num(v) for k, v in (rollup.get("points") or {}).items()})
    out.update({f"band_{b['status']}": _num(b["min"]) for b in rollup.get("bands") or [] if "status" in b and "min" in b})
    if (rules.get("trajectory") or {}).get("seasonal_max_years") is not None:
        out["seasonal_max_years"] = _num(rules["trajectory"]["seasonal_max_years"])
    return out


# -- trajectory -----------------------------------------------------------------------------


def seasonal_shares(history: dict[int, dict[int, float]], max_years: int = 3) -> tuple[dict[int, float], int]:
    """Mean share of the annual total reached by the end of each month, over the most recent
    complete prior years (a year is complete when its December YTD is known and positive).
    Months missing in a year (e.g. January when 1-2月 is published combined) are
    interpolated linearly between the known shares. Returns (shares 1..12, years used)."""
    years = [y for y in sorted(history) if history[y].get(12, 0) and history[y][12] > 0][-max_years:]
    if not years:
        return {m: m / 12 for m in range(1, 13)}, 0
    acc = {m: 0.0 for m in range(1, 13)}
    for y in years:
        obs = history[y]
        known = {0: 0.0, **{m: obs[m] / obs[12] for m in obs if 1 <= m <= 12}}
        months = sorted(known)
        for m in range(1, 13):
            if m in known:
                acc[m] += known[m]
                continue
            lo = max(k for k in months if k < m)
            hi = min(k for k in months if k > m)
            acc[m] += known[lo] + (known[hi] - known[lo]) * (m - lo) / (hi - lo)
    shares = {m: acc[m] / len(years) for m in range(1, 13)}
    shares[12] = 1.0
    return shares, len(years)


@dataclass(frozen=True)
class Trajectory:
    """Expected value at the end of each month of a year (cumulative for flows)."""

    values: dict[int, float]
    method: str  # "seasonal" | "linear" | "path" | "path_first" | "threshold" | "due_month"
    years_used: int = 0
    start: float | None = None

    def at(self, month: int) -> float:
        return self.values[max(1, min(12, month))]


def trajectory(
    indicator: Indicator,
    target: float,
    comparator: str,
    history: dict[int, dict[int, float]],
    last_year_end: float | None,
    rules: dict[str, Any] | None = None,
    first: tuple[int, float] | None = None,
) -> Trajectory:
    """Expected value at each month end: flows by seasonal shares (else linearly); milestones
    from their due month; stocks, levels and rates on a straight path to the target from last
    year-end — or, that not known, from the year's ``first`` reading (month, value), which is
    then on its path; with neither, the target itself all year."""
    rules = rules or load_rules()
    cfg = rules.get("trajectory", {})
    if indicator.kind == "milestone":
        due = indicator.due_month or 12
        return Trajectory({m: (target if m >= due else 0.0) for m in range(1, 13)}, "due_month")
    if indicator.kind == "flow":
        shares, used = seasonal_shares(history, int(cfg.get("seasonal_max_years", 3)))
        if used >= int(cfg.get("seasonal_min_years", 1)):
            return Trajectory({m: target * shares[m] for m in range(1, 13)}, "seasonal", used)
        return Trajectory({m: target * m / 12 for m in range(1, 13)}, "linear")
    # stock / level / rate: a path from last year-end (else the year's first reading) to the target
    start_month, start = (0, last_year_end) if last_year_end is not None else first if first is not None else (0, None)
    if start is None:
        return Trajectory({m: target for m in range(1, 13)}, "threshold")
    higher = indicator.direction == "higher"
    hold = comparator in (">=", "<=", ">", "<")
    values = {m: time_progress(start, target, m, higher, hold, start_month) for m in range(1, 13)}
    held = hold and start_meets_target(start, target, higher)
    return Trajectory(values, "threshold" if held else ("path" if start_month == 0 else "path_first"), start=start)


# -- evaluation -----------------------------------------------------------------------------


@dataclass
class IndicatorProgress:
    indicator_id: str
    year: int
    as_of: str  # YYYY-MM asked for
    data_month: int | None  # month of the latest observation used (≤ as-of)
    target: float | None
    target_raw: str | None
    comparator: str | None
    target_derived: bool  # e.g. a year target derived from a multi-year total
    actual: float | None
    expected: float | None
    attainment: float | None  # actual vs annual target, direction-aware, 1.0 = met
    ratio: float | None
    gap: float | None  # actual − expected in the indicator's unit (raw sign)
    gap_pp: float | None
    status: str
    trajectory_method: str | None
    rule: str  # a plain copy of the rule that matched (status=…, kinds=…, measure=…)
    previous_status: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def compact_number(x: float | None, unit: str = "") -> str:
    """A number as the target table and the status explanations write it: whole above 1000,
    one decimal above 100, else at most two decimals without trailing zeros (``—`` for none)."""
    if x is None:
        return "—"
    if abs(x) >= 1000:
        s = f"{x:,.0f}"
    elif abs(x) >= 100:
        s = f"{x:,.1f}"
    else:
        s = f"{x:,.2f}".rstrip("0").rstrip(".") if abs(x - round(x)) > 1e-9 else f"{x:,.0f}"
    return f"{s}{unit}" if unit else s


def year_target(project: Project, ind: Indicator, actuals: Actuals, year: int) -> tuple[ParsedTarget | None, bool]:
    """(target, derived) for a year; for a flow with no year target inside a multi-year span, the span
    total minus what earlier years of the span achieved (documented in the README)."""
    t = ind.target(year)
    if t is not None:
        return t, False
    if ind.derived_from and ind.span_years and ind.span_target and ind.span_years[0] <= year <= ind.span_years[1]:
        return ind.span_target, False
    if ind.kind == "flow" and ind.span_years and ind.span_target and ind.span_target.value is not None:
        y0, y1 = ind.span_years
        if y0 < year <= y1:
            done = 0.0
            for y in range(y0, year):
                v = actuals.year_end(ind, y)
                if v is None:
                    return None, False
                done += v
            rest = max(0.0, ind.span_target.value - done)
            return ParsedTarget(f"{ind.span_target.raw}−{compact_number(done)}", ind.span_target.comparator, rest), True
    return None, False


def _observed(project: Project, ind: Indicator, actuals: Actuals, budget: Budget | None, year: int, month: int) -> tuple[int, float] | None:
    if ind.id == project.execution_indicator and budget is not None:
        levels = budget.execution_levels(year)
        months = [m for m in levels if m <= month]
        return (max(months), levels[max(months)]) if months else None
    if ind.derived_from and ind.span_years:
        src = project.indicator(ind.derived_from)
        y0 = ind.span_years[0]
        if year < y0:
            return None
        total = 0.0
        for y in range(y0, year):
            v = actuals.year_end(src, y)
            if v is None:
                return None
            total += v
        latest = actuals.obs(src.id, year).latest(month)
        if latest is None:
            return (0, total) if year > y0 else None
        return latest[0], total + latest[1]
    return actuals.obs(ind.id, year).latest(month)


def _history_for(project: Project, ind: Indicator, actuals: Actuals, year: int) -> dict[int, dict[int, float]]:
    src = project.indicator(ind.derived_from) if ind.derived_from else ind
    return actuals.history(src.id, year)


def _last_year_end(project: Project, ind: Indicator, actuals: Actuals, budget: Budget | None, year: int) -> float | None:
    if ind.id == project.execution_indicator and budget is not None:
        return execution_year_start(project, budget, year)
    return actuals.year_end(ind, year - 1)


def execution_year_start(project: Project, budget: Budget, year: int) -> float | None:
    """The cumulative budget execution rate (%) a year starts from: 0 up to the year spending
    starts (``execution_start``), else last December's rate (None without a budget total)."""
    start = project.execution_start
    if start and year <= start[0]:
        return 0.0
    return budget.execution_rate(year - 1, 12)


def execution_time_progress(project: Project, budget: Budget, year: int, month: int) -> float | None:
    """序时进度 of budget execution at the end of ``month``: from the rate the year starts from
    to the year's execution target (None without either)."""
    target = project.execution_targets.get(year)
    start = execution_year_start(project, budget, year)
    if target is None or start is None:
        return None
    return time_progress(start, float(target), month)


def _rule_text(rule: dict[str, Any]) -> str:
    parts = [f"status={rule['status']}"]
    for key in ("kinds", "when", "measure", "min", "min_months_left"):
        if key in rule:
            parts.append(f"{key}={rule[key]}")
    return ", ".join(parts)


def _measures(higher: bool, actual: float, expected: float, target: float,
              strict: bool = False) -> tuple[float, float, bool]:
    """(actual vs expected, actual vs the annual target — both 1.0 = as required, inverted when
    lower is better — and whether the annual target is met; with ``strict`` (written > / 大于,
    < / 小于) the target itself does not meet it)."""
    if higher:
        ratio = (actual / expected) if expected > 0 else (1.0 if actual >= expected else 0.0)
        attainment = (actual / target) if target > 0 else (1.0 if actual >= target else 0.0)
        return ratio, attainment, (actual > target + 1e-9) if strict else (actual >= target - 1e-9)
    ratio = (expected / actual) if actual > 0 else (1.0 if actual <= expected + 1e-9 else 0.0)
    attainment = (target / actual) if actual > 0 else 1.0
    if target == 0:
        attainment = 1.0 if actual <= 0 else 0.0
    return ratio, attainment, (actual < target - 1e-9) if strict else (actual <= target + 1e-9)


def gap_settles(ind: Indicator, least: float, target: float | None, comparator: str | None) -> bool:
    """Whether the least a flow's year-to-date can be (the months given after a gap,
    :meth:`~analytics.core.series.YearObs.open_gap`) already settles its year — the missing months
    can only add: a target met (higher is better) or a cap broken (lower)."""
    if target is None:
        return False
    met = _measures(ind.direction == "higher", least, least, target, comparator in (">", "<"))[2]
    return met == (ind.direction == "higher")


def evaluate_indicator(
    project: Project,
    ind: Indicator,
    actuals: Actuals,
    budget: Budget | None,
    year: int,
    as_of: tuple[int, int],
    rules: dict[str, Any] | None = None,
) -> IndicatorProgress:
    """The progress and status of one indicator for ``year`` as of ``as_of``: its target and
    latest actual, the expected value at the data month, the measures, and the first rule of
    ``data/status_rules.yaml`` that matches. (Over 60 lines only because the result's eighteen
    fields are named one per line.)"""
    rules = rules or load_rules()
    as_of_key = Month.of(as_of).key
    month = cal.data_month(year, as_of)  # 0 in a future year: nothing expected yet
    closed = year < as_of[0]
    t, derived = year_target(project, ind, actuals, year)
    obs = _observed(project, ind, actuals, budget, year, month) if month else None
    data_month = obs[0] if obs else None
    actual = obs[1] if obs else None
    target = t.value if t is not None else None
    comparator = t.comparator if t is not None else None
    higher = ind.direction == "higher"
    extra: dict[str, Any] = {}
    gap = actuals.obs(ind.id, year).open_gap(month) if month and ind.kind == "flow" and not ind.derived_from else None
    if gap is not None:
        missing, given, given_sum, least = gap
        extra.update(missing_months=missing, given_months=given, given_sum=given_sum, least_total=least)
        if gap_settles(ind, least, target, comparator):
            data_month, actual = given[-1], least
            extra["settled_by_given"] = True

    expected = ratio = gap = gap_pp = attainment = None
    traj_method = None
    months_left = None
    flags: dict[str, bool] = {"no_target": target is None, "no_data": actual is None}
    if target is not None and actual is not None and data_month is not None:
        traj = expected_path(project, ind, actuals, budget, year, rules, data_month)
        assert traj is not None
        traj_method = traj.method
        eval_month = max(1, data_month)
        expected = traj.at(eval_month)
        gap = actual - expected
        if ind.kind == "rate":
            gap_pp = gap if higher else -gap
        ratio, attainment, met = _measures(higher, actual, expected, target, comparator in (">", "<"))
        holding = broken = False
        if ind.kind == "milestone":
            met = milestone_met(actual, target)
            due = ind.due_month or 12
            months_left = due - as_of[1] if year == as_of[0] else (0 if closed else 12)
            if not met and year == as_of[0] and cal.milestone_overdue(due, as_of[1], data_month):
                months_left = min(months_left, -1)  # September's 否 for 9月底前: overdue, as the forecast says
            if wants_no(target):  # 是否存在质量问题 | 否: holding while 否, broken once 是
                holding, broken, months_left = met, not met, None
            elif met:  # the month it was first recorded done: after its deadline it was done late, and said so
                done = [m for m, v in actuals.obs(ind.id, year).values.items() if m <= month and milestone_met(v, target)]
                if done and min(done) > due:
                    extra["done_late"] = min(done)
            attainment = 1.0 if met else 0.0  # a yes/no is met or not, whatever its numbers
        if ind.kind == "qualitative":  # a check-in 达成 / 部分达成 / 未达成 (analytics/core/qualitative.py)
            level = level_of(actual)
            met = level == "achieved"
            attainment = None  # a check-in is a word: no 完成率 (its code 0.5 is no 50%)
            for key in ("achieved", "partial", "not_achieved"):
                flags[f"checkin_{key}"] = level == key
        # the year's result is known once its December figure is in (as the forecast's observed_final
        # holds it), or the year is over and the latest figure of a non-flow stands for it
        # — except a year inside a multi-year total's span, judged by its trajectory (half of 30万 by end-2023)
        mid_span = t is ind.span_target and ind.span_years is not None and year < ind.span_years[1]
        year_final = (data_month == 12 or (closed and ind.kind != "flow")) and not mid_span
        flags["year_closed_met"] = met and year_final
        flags["year_closed_missed"] = not met and year_final
        flags["cap_exceeded"] = ((not higher) and ind.kind == "flow" and actual > target + 1e-9) or broken
        flags["final_met"] = met and higher and (ind.kind in ("flow", "stock", "milestone")) and not holding
        flags["milestone_open"] = ind.kind == "milestone" and not met and months_left is not None and months_left >= 0
        flags["milestone_holding"] = holding  # met so far, not final until the year is over
    status, matched = _apply_rules(rules, ind.kind, flags, ratio, gap_pp, months_left)
    return IndicatorProgress(
        indicator_id=ind.id,
        year=year,
        as_of=as_of_key,
        data_month=data_month,
        target=target,
        target_raw=t.raw if t is not None else None,
        comparator=comparator,
        target_derived=derived,
        actual=actual,
        expected=expected,
        attainment=attainment,
        ratio=ratio,
        gap=gap,
        gap_pp=gap_pp,
        status=status,
        trajectory_method=traj_method,
        rule=_rule_text(matched) if matched else "",
        extra={**extra, "months_left": months_left} if months_left is not None else extra,
    )


def expected_path(
    project: Project, ind: Indicator, actuals: Actuals, budget: Budget | None, year: int, rules: dict[str, Any] | None = None,
    month: int = 12,
) -> Trajectory | None:
    """The expected-to-date trajectory of an indicator for a year (None without a target), as
    known at the end of ``month``: a stock, level or rate without last year-end starts at the
    year's first reading when a later one up to ``month`` can be judged along it (a lone reading
    is judged against the target)."""
    rules = rules or load_rules()
    t, _ = year_target(project, ind, actuals, year)
    if t is None or t.value is None:
        return None
    if ind.derived_from and ind.span_years:
        return _span_trajectory(project, ind, actuals, year, t.value, rules)
    hist = _history_for(project, ind, actuals, year)
    lye = _last_year_end(project, ind, actuals, budget, year)
    first = None
    if lye is None and ind.kind in ("stock", "level", "rate") and ind.id != project.execution_indicator:
        seen = {m: v for m, v in actuals.obs(ind.id, year).values.items() if m <= month}
        first = (min(seen), seen[min(seen)]) if len(seen) >= 2 else None
    return trajectory(ind, t.value, t.comparator or ">=", hist, lye, rules, first)


def _span_trajectory(project: Project, ind: Indicator, actuals: Actuals, year: int, target: float, rules: dict[str, Any]) -> Trajectory:
    """Expected cumulative total of a multi-year target at each month of ``year``: the span
    target spread evenly over its years, within a year by the source flow's seasonal shares."""
    assert ind.span_years is not None
    y0, y1 = ind.span_years
    n = y1 - y0 + 1
    src = project.indicator(ind.derived_from) if ind.derived_from else ind
    shares, used = seasonal_shares(actuals.history(src.id, year))
    done_years = year - y0
    values = {m: target * (done_years + shares[m]) / n for m in range(1, 13)}
    return Trajectory(values, "seasonal" if used else "linear", used)


def _apply_rules(
    rules: dict[str, Any], kind: str, flags: dict[str, bool], ratio: float | None, gap_pp: float | None, months_left: int | None
) -> tuple[str, dict[str, Any] | None]:
    for rule in rules["rules"]:
        if "kinds" in rule and kind not in rule["kinds"]:
            continue
        when = rule.get("when")
        if when is not None and not flags.get(when, False):
            continue
        if "min_months_left" in rule and (months_left is None or months_left < rule["min_months_left"]):
            continue
        measure = rule.get("measure")
        if measure:
            value = ratio if measure == "ratio" else gap_pp
            if value is None:
                continue
            if "min" in rule and value < float(rule["min"]) - 1e-12:
                continue
        if when is None and not measure and flags.get("no_data", False):
            continue
        return rule["status"], rule
    return "no_data", None


def evaluate_all(
    project: Project,
    actuals: Actuals,
    budget: Budget | None,
    year: int,
    as_of: tuple[int, int],
    rules: dict[str, Any] | None = None,
    with_previous: bool = True,
) -> list[IndicatorProgress]:
    """Progress of every indicator for ``year`` as of ``as_of``; with ``with_previous`` each
    row also carries the status one month earlier (what changed since the previous month)."""
    rules = rules or load_rules()
    rows = [evaluate_indicator(project, ind, actuals, budget, year, as_of, rules) for ind in project.indicators]
    if with_previous:
        m = as_of[1]
        prev = Month.of(as_of).previous()
        if prev[0] >= year or (prev[0] == year - 1 and m == 1):
            for row, ind in zip(rows, project.indicators):
                if prev[0] < year:
                    row.previous_status = None
                    continue
                row.previous_status = evaluate_indicator(project, ind, actuals, budget, year, prev, rules).status
    return rows


@dataclass(frozen=True)
class GoalRollup:
    goal: int
    score: float | None
    status: str
    counts: dict[str, int]
    n: int


def rollup(project: Project, rows: list[IndicatorProgress], rules: dict[str, Any] | None = None) -> list[GoalRollup]:
    rules = rules or load_rules()
    cfg = rules["rollup"]
    points = cfg["points"]
    by_id = project.by_id
    out = []
    for goal in [0] + [g.id for g in project.goals]:
        members = [r for r in rows if by_id[r.indicator_id].goal == goal]
        if not members:
            continue
        counts: dict[str, int] = {}
        for r in members:
            counts[r.status] = counts.get(r.status, 0) + 1
        scored = [points[r.status] for r in members if r.status in points]
        score = sum(scored) / len(scored) if scored else None
        status = "no_data"
        if score is not None:
            for band in cfg["bands"]:
                if score >= band["min"]:
                    status = band["status"]
                    break
        out.append(GoalRollup(goal, score, status, counts, len(members)))
    return out


def count_by_status(rows: list[IndicatorProgress]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.status] = counts.get(r.status, 0) + 1
    return counts
