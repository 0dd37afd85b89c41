"""Year-end outlook for every indicator of a project: the forecasting engine
(:mod:`analytics.forecast.method`) fed with each indicator's own data, plus the project-level rules
the engine does not know about (milestones, multi-year totals, budget execution).

* Flows, stocks, levels, rates → :func:`analytics.forecast.method.forecast_indicator` with this year's
  observations, prior years and last year's December value (the table's 2022 column counts).
* Budget execution → the baseline projection of :mod:`analytics.budget.scenario` (spending pattern,
  year-end rush), so the forecast page and the 预算情景 page agree.
* Multi-year totals (e.g. 培训 30万人次 over 2023–2024) → in their final year, what earlier years
  achieved plus the forecast of this year's source indicator; before that, no forecast
  ("multi_year_total").
* Yes/no milestones → achieved: certain; overdue: impossible; otherwise no number, and a
  probability that falls as the due month nears (documented rule, not a statistical model).

完成目标可能性 (likelihood, the column of Chinese monitoring forms): P ≥ 95% 确定能, ≥ 70% 很可能,
≥ 5% 有可能, else 完全不可能.
"""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import Any

from analytics.forecast.method import METHODS, REASONS, Forecast, forecast_indicator
from analytics.core.model import Indicator, Project
from analytics.rules.progress import _year_target  # noqa: PLC2701 - shared rule for derived year targets
from analytics.core.series import Actuals, Budget

Z80 = NormalDist().inv_cdf(0.9)

LIKELIHOOD = [  # (min probability, key, zh, en)
    (0.95, "certain", "确定能", "Certain"),
    (0.70, "likely", "很可能", "Likely"),
    (0.05, "possible", "有可能", "Possible"),
    (0.0, "impossible", "完全不可能", "Very unlikely"),
]

EXTRA_METHODS = {
    "zero_cap": {"zh": "零容忍计数", "en": "Zero-tolerance count",
                 "desc_zh": "目标为0的越低越好计数：已发生即无法完成；否则按往年发生频率估计剩余月份不发生的概率。",
                 "desc_en": "A lower-is-better count with target 0: any event means it cannot be met; otherwise the chance of no event in the remaining months from the historical rate."},
    "milestone": {"zh": "里程碑规则", "en": "Milestone rule",
                  "desc_zh": "已实现为确定能；逾期未实现为完全不可能；未到期时按剩余时间给出可能性。",
                  "desc_en": "Achieved: certain; overdue: very unlikely; otherwise a probability by the time left."},
    "budget_projection": {"zh": "支出节奏预测", "en": "Spending-pattern projection",
                          "desc_zh": "按各资金来源往年的月度支出规律（含年末集中支付）和本年节奏预测年末执行率，与“预算情景”页一致。",
                          "desc_en": "Year-end execution from each source's monthly spending pattern (incl. the year-end rush) and this year's pace, as on the budget page."},
    "multi_year": {"zh": "跨年度合计", "en": "Multi-year total",
                   "desc_zh": "以前年度实际完成加本年度来源指标的预测。", "desc_en": "Earlier years' actuals plus this year's forecast of the source indicator."},
}
EXTRA_REASONS = {
    "multi_year_total": {"zh": "跨年度目标尚未到最后一年", "en": "Multi-year target not in its final year",
                         "desc_zh": "跨年度合计目标在最后一年才预测年末值。", "desc_en": "A multi-year total is forecast only in its final year."},
    "future_year": {"zh": "年度尚未开始", "en": "Year not started",
                    "desc_zh": "所选年度在截至月份之后。", "desc_en": "The year is after the as-of month."},
    "no_target": {"zh": "无目标", "en": "No target", "desc_zh": "该年度没有目标值。", "desc_en": "No target for this year."},
    "no_budget_data": {"zh": "无支出数据", "en": "No spending data", "desc_zh": "没有支出数据，无法预测执行率。", "desc_en": "No spending data."},
}


def method_info(key: str) -> dict[str, str]:
    return METHODS.get(key) or EXTRA_METHODS.get(key) or {"zh": key, "en": key, "desc_zh": "", "desc_en": ""}


def reason_info(key: str | None) -> dict[str, str] | None:
    if key is None:
        return None
    return REASONS.get(key) or EXTRA_REASONS.get(key) or {"zh": key, "en": key, "desc_zh": "", "desc_en": ""}


def likelihood(p: float | None) -> tuple[str | None, str | None, str | None]:
    if p is None:
        return None, None, None
    for threshold, key, zh, en in LIKELIHOOD:
        if p >= threshold:
            return key, zh, en
    return LIKELIHOOD[-1][1:]


def _as_dict(f: Forecast) -> dict[str, Any]:
    return {
        "point": f.point, "lower": f.lower, "upper": f.upper, "p_attain": f.p_attain, "method": f.method,
        "reason": f.reason, "n_prior_years": f.n_prior_years, "path": [list(p) for p in f.path],
        "required_monthly": f.required_monthly, "recent_monthly": f.recent_monthly, "backtest_mape": f.backtest_mape,
    }


def _empty(method: str = "none", reason: str | None = None) -> dict[str, Any]:
    return {"point": None, "lower": None, "upper": None, "p_attain": None, "method": method, "reason": reason,
            "n_prior_years": 0, "path": [], "required_monthly": None, "recent_monthly": None, "backtest_mape": None}


def _milestone(ind: Indicator, obs: dict[int, float], month: int, target: float | None) -> dict[str, Any]:
    out = _empty("milestone")
    known = {m: v for m, v in obs.items() if m <= month}
    if target is None:
        out["reason"] = "no_target"
        return out
    done = bool(known) and known[max(known)] >= 0.5
    due = ind.due_month or 12
    out["point"] = 1.0 if done else None
    if done:
        out["p_attain"] = 1.0
    elif month >= due:
        out["p_attain"] = 0.0
    else:
        out["p_attain"] = round(min(0.9, 0.3 + 0.6 * (due - month) / 12), 3)
    return out


def _budget(project: Project, budget: Budget, year: int, month: int, target: float | None) -> dict[str, Any]:
    from analytics.budget.scenario import project_scenario

    if not budget.has_data:
        return _empty(reason="no_budget_data")
    res = project_scenario(project, budget, (year, month), None, with_baseline=False)
    lo, hi = res.year_end_interval
    out = _empty("budget_projection")
    out.update(point=res.year_end_rate, lower=lo, upper=hi)
    out["path"] = [[p.month, p.execution_rate, p.lower if p.lower is not None else p.execution_rate, p.upper if p.upper is not None else p.execution_rate]
                   for p in res.path if not p.observed]
    if target is not None:
        sigma = max((hi - lo) / (2 * Z80), 1e-9)
        out["p_attain"] = 1 - NormalDist(res.year_end_rate, sigma).cdf(target - 1e-9) if hi > lo else float(res.year_end_rate >= target - 1e-9)
        rest = 12 - month
        if rest:
            total = budget.total or 1.0
            out["required_monthly"] = max(0.0, (target - (budget.execution_rate(year, month) or 0.0)) / 100 * total / rest)
    return out


def forecast_for(project: Project, actuals: Actuals, budget: Budget, ind: Indicator, year: int, as_of: tuple[int, int]) -> dict[str, Any]:
    """The outlook of one indicator for ``year`` as of ``as_of`` (a JSON-friendly dict)."""
    month = 12 if year < as_of[0] else (as_of[1] if year == as_of[0] else 0)
    t, _ = _year_target(project, ind, actuals, year)
    target = t.value if t is not None else None
    comparator = (t.comparator if t is not None else None) or (">=" if ind.direction == "higher" else "<=")
    if month == 0:
        res = _empty(reason="future_year")
    elif ind.kind == "milestone":
        res = _milestone(ind, actuals.obs(ind.id, year).values, month, target)
    elif ind.id == project.execution_indicator:
        res = _budget(project, budget, year, month, target)
    elif ind.derived_from and ind.span_years:
        res = _multi_year(project, actuals, ind, year, month, target, comparator)
    elif ind.kind == "flow" and ind.direction == "lower" and target is not None and target <= 0:
        res = _zero_cap(actuals, ind, year, month, target)
    else:
        current = actuals.obs(ind.id, year).values
        history = actuals.history(ind.id, year)
        f = forecast_indicator(ind.kind, ind.direction, month, current, history, target, comparator, actuals.year_end(ind, year - 1))
        res = _as_dict(f)
    res.update(indicator_id=ind.id, year=year, target=target, comparator=t.comparator if t is not None else None, data_month=month)
    key, zh, en = likelihood(res.get("p_attain"))
    res.update(likelihood=key, likelihood_zh=zh, likelihood_en=en)
    info = method_info(res["method"])
    res.update(method_zh=info["zh"], method_en=info["en"], method_desc_zh=info["desc_zh"], method_desc_en=info["desc_en"])
    rinfo = reason_info(res.get("reason"))
    res.update(reason_zh=rinfo["zh"] if rinfo else None, reason_en=rinfo["en"] if rinfo else None)
    return res


def _zero_cap(actuals: Actuals, ind: Indicator, year: int, month: int, target: float) -> dict[str, Any]:
    """A count that must stay at zero (e.g. 重大群体性事件 0 件): already above → impossible;
    otherwise P(no event in the remaining months) under a Poisson rate estimated from the
    indicator's own history with half an event of prior (so a spotless record is not certainty)."""
    obs = actuals.obs(ind.id, year).values
    known = {m: v for m, v in obs.items() if m <= month}
    if not known:
        return _empty(reason="no_current_data")
    m = max(known)
    so_far = known[m]
    out = _empty("zero_cap")
    if so_far > target:
        out.update(point=so_far, lower=so_far, upper=so_far, p_attain=0.0)
        return out
    hist = actuals.history(ind.id, year)
    events = sum(h.get(12, 0.0) for h in hist.values() if 12 in h)
    months = 12 * sum(1 for h in hist.values() if 12 in h) + m
    rate = (events + 0.5) / max(months, 1)
    rest = 12 - m
    out.update(point=so_far, lower=so_far, upper=so_far + (1.0 if rest else 0.0), p_attain=math.exp(-rate * rest))
    return out


def _multi_year(project: Project, actuals: Actuals, ind: Indicator, year: int, month: int, target: float | None, comparator: str) -> dict[str, Any]:
    assert ind.span_years is not None and ind.derived_from
    y0, y1 = ind.span_years
    if year < y1:
        return _empty(reason="multi_year_total")
    src = project.indicator(ind.derived_from)
    base = 0.0
    for y in range(y0, year):
        v = actuals.year_end(src, y)
        if v is None:
            return _empty(reason="no_current_data")
        base += v
    rest_target = None if target is None else target - base
    f = forecast_indicator(src.kind, src.direction, month, actuals.obs(src.id, year).values, actuals.history(src.id, year), rest_target, comparator, actuals.year_end(src, year - 1))
    res = _as_dict(f)
    if f.point is not None:
        res.update(point=f.point + base, lower=(f.lower or f.point) + base, upper=(f.upper or f.point) + base, method="multi_year")
        res["path"] = [[m, p + base, lo + base, hi + base] for m, p, lo, hi in f.path]
    return res


def forecast_all(ds: Any, year: int, as_of: tuple[int, int]) -> list[dict[str, Any]]:
    """Outlook rows for every indicator (the CLI's ``forecast`` command and the 年末预测 page)."""
    rows = []
    for ind in ds.project.indicators:
        row = forecast_for(ds.project, ds.actuals, ds.budget, ind, year, as_of)
        row.update(name=ind.name, name_en=ind.name_en, unit=ind.unit, kind=ind.kind, direction=ind.direction, goal=ind.goal)
        rows.append(row)
    return rows


def track_record(ds: Any, indicator_id: str, year: int) -> list[dict[str, Any]]:
    """How the forecast of a past year evolved month by month against the final outcome."""
    ind = ds.project.indicator(indicator_id)
    final_row = forecast_for(ds.project, ds.actuals, ds.budget, ind, year, (year + 1, 1))
    final = final_row["point"] if final_row["method"] in ("observed_final", "budget_projection", "multi_year", "milestone") else None
    if ind.id == ds.project.execution_indicator:
        final = ds.budget.execution_rate(year, 12)
    elif ind.kind != "milestone" and not ind.derived_from:
        final = ds.actuals.obs(ind.id, year).values.get(12, final)
    out = []
    for m in range(1, 12):
        r = forecast_for(ds.project, ds.actuals, ds.budget, ind, year, (year, m))
        err = None
        if final not in (None, 0) and r["point"] is not None:
            err = (r["point"] - final) / abs(final)
        inside = None if final is None or r["lower"] is None else (r["lower"] <= final <= r["upper"])
        out.append({"month": m, "point": r["point"], "lower": r["lower"], "upper": r["upper"], "p_attain": r["p_attain"],
                    "final": final, "error": err, "inside": inside, "method": r["method"]})
    return out


def risk_order(row: dict[str, Any]) -> tuple[float, float]:
    """Sort key: lowest probability of meeting the target first; rows without one last."""
    p = row.get("p_attain")
    return (2.0 if p is None else float(p), 0.0 if row.get("point") is None else 1.0)


def finite(x: Any) -> bool:
    return isinstance(x, (int, float)) and math.isfinite(x)
