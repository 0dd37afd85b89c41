"""What a scenario projection returns: typed results with codes and numbers (no sentences).

Warnings, risks and notes are :class:`Notice` codes with their numbers; the sentences are made
from the message catalogue at the edge (:mod:`analytics.present.budget_text`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = ["Notice", "MonthPoint", "SourceSummary", "GoalSpending", "LinkedOutput", "ScenarioResult"]


@dataclass(frozen=True)
class Notice:
    """A warning, risk or note: its catalogue code (``budget.<kind>_<code>``) and numbers."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "params": {k: _jsonable(v) for k, v in self.params.items()}}


class _AsDict:
    """``as_dict()`` for the result dataclasses: every field, JSON-friendly."""

    def as_dict(self) -> dict[str, Any]:
        return {k: _jsonable(getattr(self, k)) for k in self.__dataclass_fields__}  # type: ignore[attr-defined]


@dataclass(frozen=True)
class MonthPoint(_AsDict):
    month: int
    period: str  # YYYY-MM
    observed: bool  # True: spending data; False: projected
    spent: float | None  # spending in the month (万元); None inside a figure for several months
    cumulative: float | None  # cumulative since the project start (万元); likewise
    execution_rate: float | None  # %
    lower: float | None  # % (80 % interval of the cumulative execution)
    upper: float | None
    cumulative_lower: float | None
    cumulative_upper: float | None
    time_progress: float | None  # % (序时进度)
    target: float | None  # % (the year's execution target)
    missing: bool = False  # a month before the data month never reported: its figures are None, not 0



@dataclass(frozen=True)
class SourceSummary(_AsDict):
    source: str
    name: str
    budget: float  # original
    adjusted_budget: float
    spent_before_year: float
    spent_ytd: float  # observed spending of the year (to the data month)
    projected_rest: float  # projected spending of the rest of the year
    year_end_cumulative: float
    unspent: float  # adjusted budget − cumulative at year-end
    execution_rate: float | None  # year-end cumulative ÷ adjusted budget (%)
    pace: float  # projected spending of the whole year at the baseline pace (万元)
    profile_method: str  # "history" | "pooled" | "default"
    profile_years: int
    interval_method: str  # "spread" | "default"
    rel_error: float  # half-width of the 80 % interval, relative to the remaining spending



@dataclass(frozen=True)
class GoalSpending(_AsDict):
    goal: int
    name: str
    share: float
    budget: float  # adjusted total × share, ± transfers
    spent_before_year: float
    spent_ytd: float
    projected_rest: float
    year_spent: float
    year_end_cumulative: float
    execution_rate: float | None
    transferred: float  # net transfers in (+) / out (−)



@dataclass(frozen=True)
class LinkedOutput(_AsDict):
    indicator_id: str
    name: str
    goal: int
    unit: str
    data_month: int | None
    ytd: float | None  # output to the data month (indicator unit)
    goal_spent_to_data_month: float  # 万元
    goal_spending_rest: float  # scenario spending of the goal after the data month (万元)
    unit_cost: float | None  # 万元 of the goal's spending per base unit (人次, 个, 份, 场次)
    unit_cost_source: str  # "derived" | "user" | "none"
    projected: float | None  # year-end output (indicator unit)
    target: float | None
    attainment: float | None
    baseline_projected: float | None  # the same without levers
    note: str = ""  # "" | "no_unit_cost" | "forecast_baseline" (catalogue budget.note_<code>)



@dataclass
class ScenarioResult:
    name: str
    levers: dict[str, Any]
    key: str
    as_of: str
    year: int
    data_month: int  # last month of the year with spending data (≤ as-of); 0 = none
    total_budget: float
    adjusted_budget: float
    target_rate: float | None
    last_year_end_rate: float | None
    path: list[MonthPoint]
    year_end_rate: float | None
    year_end_interval: tuple[float | None, float | None]
    year_end_spent: float  # cumulative at year-end (万元)
    target_month: int | None
    target_period: str | None
    shortfall: float  # 万元 still needed at year-end to reach the target (0 if reached)
    sources: list[SourceSummary]
    unspent_by_source: dict[str, float]
    central_at_risk: bool
    risks: list[Notice]  # why central funds are at risk (catalogue budget.risk_<code>)
    by_goal: list[GoalSpending]
    linked_outputs: list[LinkedOutput]
    baseline_year_end_rate: float | None
    warnings: list[Notice] = field(default_factory=list)  # catalogue budget.warning_<code>
    missing_months: tuple[int, ...] = ()  # months before the data month with no spending reported (Budget.missing_months)

    def linked(self, indicator_id: str) -> LinkedOutput | None:
        for lo in self.linked_outputs:
            if lo.indicator_id == indicator_id:
                return lo
        return None

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "levers": self.levers,
            "key": self.key,
            "as_of": self.as_of,
            "year": self.year,
            "data_month": self.data_month,
            "total_budget": self.total_budget,
            "adjusted_budget": self.adjusted_budget,
            "target_rate": self.target_rate,
            "last_year_end_rate": _jsonable(self.last_year_end_rate),
            "path": [p.as_dict() for p in self.path],
            "year_end_rate": _jsonable(self.year_end_rate),
            "year_end_interval": [_jsonable(x) for x in self.year_end_interval],
            "year_end_spent": _jsonable(self.year_end_spent),
            "target_month": self.target_month,
            "target_period": self.target_period,
            "shortfall": _jsonable(self.shortfall),
            "sources": [s.as_dict() for s in self.sources],
            "unspent_by_source": {k: _jsonable(v) for k, v in self.unspent_by_source.items()},
            "central_at_risk": self.central_at_risk,
            "risks": [n.as_dict() for n in self.risks],
            "by_goal": [g.as_dict() for g in self.by_goal],
            "linked_outputs": [lo.as_dict() for lo in self.linked_outputs],
            "baseline_year_end_rate": _jsonable(self.baseline_year_end_rate),
            "warnings": [n.as_dict() for n in self.warnings],
            "missing_months": list(self.missing_months),
        }


def _jsonable(x: Any) -> Any:
    if isinstance(x, (np.floating, np.integer)):
        x = x.item()
    if isinstance(x, float) and not math.isfinite(x):
        return None
    if isinstance(x, tuple):
        return [_jsonable(v) for v in x]
    return x
