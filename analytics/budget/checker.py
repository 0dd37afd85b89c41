"""Reading the values of a scenario document: numbers, months, sources, goals — each reader
records a located :class:`~analytics.budget.problems.ScenarioProblem` instead of raising."""

from __future__ import annotations

import math
from typing import Any, Mapping

from analytics.budget.problems import ScenarioProblem
from analytics.core.model import Project
from analytics.core.values import ValueParseError, normalize_text, parse_period
from analytics.forecast.spending import goal_id

__all__ = ["Checker", "number", "parse_month", "month_key", "planned"]


def number(value: Any) -> float | None:
    """A finite number from a number or a text such as ``"1,200"`` (``None`` otherwise)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        x = float(value)
    else:
        text = normalize_text(value).replace(",", "")
        try:
            x = float(text)
        except ValueError:
            return None
    return x if math.isfinite(x) else None


def parse_month(value: Any) -> tuple[int, int] | None:
    """(year, month) of a single month (``2024-10``, ``2024年10月``, ``202410``), else ``None``."""
    if value is None or isinstance(value, bool):
        return None
    try:
        p = parse_period(value)
    except (ValueParseError, TypeError, ValueError):
        return None
    if p.first_month != p.month:
        return None
    return p.year, p.month


def month_key(ym: tuple[int, int]) -> str:
    return f"{ym[0]:04d}-{ym[1]:02d}"


def planned(ym: tuple[int, int], reported: tuple[int, int]) -> bool:
    """Whether a scenario plans (changes) month ``ym``: one of ``reported``'s year after its month,
    the last month of spending reported (0 with none this year) — the one rule of
    :func:`analytics.budget.levers.plan_months`, the levers and the document's checks."""
    return ym[0] == reported[0] and ym[1] > reported[1]


def _source_aliases(project: Project) -> dict[str, str]:
    out: dict[str, str] = {}
    for s in project.funding_sources:
        for alias in (s.key, s.name, s.name_en):
            if alias:
                out[normalize_text(alias).lower()] = s.key
    return out


class Checker:
    """Readers of a document's values for one project and, with ``reported`` (year, the last month
    of spending reported, 0 with none), the months a scenario plans; ``problems`` collects what is
    wrong."""

    def __init__(self, project: Project, reported: tuple[int, int] | None) -> None:
        self.project = project
        self.reported = reported
        self.sources = _source_aliases(project)
        self.source_keys = [s.key for s in project.funding_sources]
        self.goals = [g.id for g in project.goals]
        self.spend_driven = [i.id for i in project.indicators if i.spend_driven]
        self.problems: list[ScenarioProblem] = []

    def add(self, code: str, where: str, message: str | None = None, /, **params: Any) -> None:
        """Record a problem; its message is ``budget.problem_<message>`` (default: the code)."""
        self.problems.append(ScenarioProblem(code, where, message or code, params))

    def mapping(self, value: Any, where: str) -> dict[str, Any] | None:
        if not isinstance(value, Mapping):
            self.add("not_mapping", where)
            return None
        return {str(k): v for k, v in value.items()}

    def fields(self, item: Any, where: str, allowed: tuple[str, ...], required: tuple[str, ...], missing: str) -> dict[str, Any] | None:
        """An item of a list lever: a mapping with only ``allowed`` keys and every ``required`` one
        (``missing``: the message key when one is missing)."""
        m = self.mapping(item, where)
        if m is None:
            return None
        unknown = [k for k in m if k not in allowed]
        if unknown:
            self.add("unknown_key", where, "unknown_fields", fields=unknown, allowed=[k for k in allowed if k != "note"])
        if not all(k in m for k in required):
            self.add("missing_field", where, missing)
            return None
        return m

    def rate(self, value: Any, where: str) -> float | None:
        x = number(value)
        if x is None:
            self.add("not_number", where, "not_rate", value=value)
            return None
        if x < 0:
            self.add("negative_pace", where, value=x)
            return None
        return x

    def amount(self, value: Any, where: str, allow_negative: bool = False) -> float | None:
        x = number(value)
        if x is None:
            self.add("not_number", where, "not_amount", value=value)
            return None
        if not allow_negative and x <= 0:
            self.add("bad_amount", where, value=x)
            return None
        return x

    def source(self, value: Any, where: str) -> str | None:
        key = self.sources.get(normalize_text(value).lower()) if isinstance(value, str) else None
        if key is None:
            self.add("unknown_source", where, value=value, sources=[(s.key, s.name) for s in self.project.funding_sources])
        return key

    def goal(self, value: Any, where: str) -> int | None:
        gid = goal_id(value)
        if gid is None or gid not in self.goals:
            self.add("unknown_goal", where, value=value, goals=list(self.goals))
            return None
        return gid

    def month(self, value: Any, where: str, planned_only: bool = True) -> tuple[int, int] | None:
        ym = parse_month(value)
        if ym is None:
            self.add("bad_month", where, value=value)
            return None
        if planned_only:
            self.not_planned(where, "month", month=month_key(ym), months=[ym])
        return ym

    def not_planned(self, where: str, what: str, /, months: list[tuple[int, int]], **params: Any) -> None:
        """Record ``what`` (``month`` or ``freeze``) when none of ``months`` is planned (see
        :func:`planned`): a month of another year (``<what>_not_in_year``) or one with spending
        reported (``<what>_not_after_spending``, naming that last month)."""
        if self.reported is None or any(planned(ym, self.reported) for ym in months):
            return
        year, last = self.reported
        if last and any(ym[0] == year for ym in months):
            self.add("month_not_planned", where, f"{what}_not_after_spending", year=year, last=month_key((year, last)), **params)
        else:
            self.add("month_not_planned", where, f"{what}_not_in_year", year=year, **params)
