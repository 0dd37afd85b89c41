"""Year-end outlook per indicator (basic version; the forecast issue refines the method).

Method (documented in the README, "Forecast"):

* Flows with complete prior years: **seasonal share** — YTD ÷ the average share of the annual
  total reached by this month (same shares as the expected trajectory). The 80% interval comes
  from how far each prior year's own share at this month was from the average (relative spread,
  never narrower than a floor that shrinks as the year goes by).
* Flows without a prior year: **pro-rata** (序时进度) YTD × 12 ÷ m with a wide interval.
* Levels, rates, stocks: the latest value plus the average change from this month to December in
  prior years (0 without history); interval from the spread of those changes plus a floor.
* Milestones: achieved → 1; otherwise no forecast number, probability by the time left.
* P(attain): a normal predictive distribution whose 10th/90th percentiles are the interval.
"""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import Any

from .progress import _observed, _year_target, load_rules, seasonal_shares  # noqa: PLC2701
from .model import Indicator

Z80 = NormalDist().inv_cdf(0.9)

LIKELIHOOD = [  # (min probability, key, zh, en) — 完成目标可能性
    (0.95, "certain", "确定能", "Certain"),
    (0.70, "likely", "很可能", "Likely"),
    (0.05, "possible", "有可能", "Possible"),
    (0.0, "impossible", "完全不可能", "Very unlikely"),
]

METHOD_NAMES = {
    "seasonal_share": ("季节占比法", "Seasonal share"),
    "prorata": ("序时进度推算", "Pro-rata (time share)"),
    "level_trend": ("期末变化法", "Level + usual change to December"),
    "observed_final": ("全年实际", "Full-year actual"),
    "milestone": ("里程碑", "Milestone"),
    "none": ("无法预测", "No forecast"),
}


def likelihood(p: float | None) -> tuple[str | None, str | None, str | None]:
    if p is None:
        return None, None, None
    for threshold, key, zh, en in LIKELIHOOD:
        if p >= threshold:
            return key, zh, en
    return LIKELIHOOD[-1][1:]


def _p_attain(point: float, lower: float, upper: float, target: float, higher: bool) -> float:
    sigma = max((upper - lower) / (2 * Z80), 1e-12)
    dist = NormalDist(point, sigma)
    return 1 - dist.cdf(target) if higher else dist.cdf(target)


def forecast_one(ind: Indicator, current: dict[int, float], history: dict[int, dict[int, float]], month: int,
                 target: float | None) -> dict[str, Any]:
    higher = ind.direction == "higher"
    obs = {m: v for m, v in current.items() if m <= month}
    out: dict[str, Any] = {"point": None, "lower": None, "upper": None, "p_attain": None, "method": "none", "reason": None}
    if not obs:
        out["reason"] = "no_current_data"
        return out
    m = max(obs)
    value = obs[m]
    if ind.kind == "milestone":
        done = value >= 0.5
        out.update(method="milestone", point=1.0 if done else 0.0)
        due = ind.due_month or 12
        out["p_attain"] = 1.0 if done else (0.0 if m >= due else round(min(0.9, 0.3 + 0.6 * (due - m) / 12), 3))
        return out
    if m == 12:
        out.update(point=value, lower=value, upper=value, method="observed_final")
    elif ind.kind == "flow":
        shares, used = seasonal_shares(history)
        if used:
            point = value / shares[m] if shares[m] > 0 else value * 12 / m
            errs = []
            for y, h in history.items():
                if h.get(12) and m in h and shares[m] > 0:
                    errs.append(abs(h[m] / h[12] / shares[m] - 1))
            spread = max(errs) if errs else 0.0
            rel = max(spread * (1.5 if used < 3 else 1.2), 0.02 + 0.10 * (12 - m) / 12)
            out.update(point=point, lower=point * (1 - rel), upper=point * (1 + rel), method="seasonal_share")
        else:
            point = value * 12 / m
            rel = 0.05 + 0.30 * (12 - m) / 12
            out.update(point=point, lower=point * (1 - rel), upper=point * (1 + rel), method="prorata")
        remaining = 12 - m
        if target is not None and remaining:
            out["required_monthly"] = max(0.0, (target - value) / remaining) if higher else None
        recent = sorted(obs)[-4:]
        if len(recent) >= 2:
            out["recent_monthly"] = (obs[recent[-1]] - obs[recent[0]]) / (recent[-1] - recent[0])
        if higher and target is not None and value >= target:
            out["p_attain"] = 1.0
    else:
        changes = [h[12] - h[m] for h in history.values() if 12 in h and m in h]
        drift = sum(changes) / len(changes) if changes else 0.0
        point = value + drift
        spread = (max(changes) - min(changes)) / 2 if len(changes) >= 2 else 0.0
        scale = abs(value) if value else 1.0
        half = max(spread * 1.5, scale * (0.005 + 0.04 * (12 - m) / 12))
        if ind.kind == "rate" and ind.max_value is not None:
            point = min(point, ind.max_value)
        out.update(point=point, lower=point - half, upper=min(point + half, ind.max_value or math.inf), method="level_trend")
    if target is not None and out["p_attain"] is None and out["point"] is not None:
        if out["method"] == "observed_final":
            out["p_attain"] = 1.0 if (value >= target if higher else value <= target) else 0.0
        else:
            out["p_attain"] = _p_attain(out["point"], out["lower"], out["upper"], target, higher)
    return out


def forecast_all(ds: Any, year: int, as_of: tuple[int, int]) -> list[dict[str, Any]]:
    project = ds.project
    rules = load_rules()
    del rules
    month = 12 if year < as_of[0] else (as_of[1] if year == as_of[0] else 0)
    rows = []
    for ind in project.indicators:
        t, _ = _year_target(project, ind, ds.actuals, year)
        target = t.value if t is not None else None
        if ind.id == project.execution_indicator:
            current = ds.budget.execution_levels(year)
            history = {y: ds.budget.execution_levels(y) for y in range(year - 3, year)}
            history = {y: v for y, v in history.items() if v}
        elif ind.derived_from:
            latest = _observed(project, ind, ds.actuals, ds.budget, year, month) if month else None
            src = project.indicator(ind.derived_from)
            current = {}
            if latest is not None:
                base = latest[1] - (ds.actuals.obs(src.id, year).latest(month) or (0, 0.0))[1]
                current = {m: base + v for m, v in ds.actuals.obs(src.id, year).values.items() if m <= month}
            history = {}
        else:
            current = ds.actuals.obs(ind.id, year).values
            history = ds.actuals.history(ind.id, year)
        res = forecast_one(ind, current, history, month, target) if month else {
            "point": None, "lower": None, "upper": None, "p_attain": None, "method": "none", "reason": "future_year"}
        if ind.derived_from and res.get("point") is not None and ind.span_years and year < ind.span_years[1]:
            res.update(point=None, lower=None, upper=None, p_attain=None, method="none", reason="multi_year_total")
        key, zh, en = likelihood(res.get("p_attain"))
        name_zh, name_en = METHOD_NAMES[res["method"]]
        rows.append({
            "indicator_id": ind.id,
            "name": ind.name,
            "unit": ind.unit,
            "year": year,
            "target": target,
            "comparator": t.comparator if t is not None else None,
            "point": res.get("point"),
            "lower": res.get("lower"),
            "upper": res.get("upper"),
            "p_attain": res.get("p_attain"),
            "likelihood": key,
            "likelihood_zh": zh,
            "likelihood_en": en,
            "method": res["method"],
            "method_zh": name_zh,
            "method_en": name_en,
            "reason": res.get("reason"),
            "required_monthly": res.get("required_monthly"),
            "recent_monthly": res.get("recent_monthly"),
        })
    return rows
