"""The year's budget (年度预算指标) by funding source and the year's execution rate.

The target table gives the project's total budget by source (two years together); the official
forms need the budget of one year. It comes from the year budgets kept in the data store
(``budget.year_budgets``, set by the storage layer; see :mod:`analytics.budget.year_table` for
the precedence), else from ``year_budgets.csv`` in the project folder
(columns ``year,source,amount``: amount in 万元; ``source`` is a funding-source key such as
``central`` or its name such as 中央补助; lines starting with ``#`` are comments). Without that
file, or for a year/source the file leaves out, the year's budget is derived from the project's
cumulative execution targets (a documented local rule):

    year budget = the year's cumulative execution target × the source's total − what the source
                  spent before the year

so the first year's budget is its target × the total (30 % × 103,414.18 万元) and the last year's
(target 100 %) is the total minus what was spent before. A year without an execution target that
is not the last year has no derived budget (``None``).

The year's execution rate (本年执行率) = this year's spending from January ÷ the year's budget.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analytics.core.model import Project
from analytics.core.series import Budget
from analytics.core.values import normalize_text

__all__ = ["YEAR_BUDGETS_FILE", "YearBudget", "derived_year_budget", "year_budget", "year_budgets_file", "year_execution_rate", "year_rate"]

YEAR_BUDGETS_FILE = "year_budgets.csv"


@dataclass(frozen=True)
class YearBudget:
    """The budget of one year for one source (``source`` None = all sources) and where it came
    from: ``store`` (the data store's year budgets), ``file`` (year_budgets.csv), ``target``
    (execution target × total − spent before), ``mixed`` / ``store_mixed`` (some sources from
    the file / the store, the rest derived), ``none`` (cannot be derived)."""

    year: int
    source: str | None
    amount: float | None
    basis: str


def year_budgets_file(project: Project) -> Path | None:
    """``year_budgets.csv`` of the project folder, if there is one."""
    if not project.source:
        return None
    folder = Path(project.source)
    if folder.is_file():
        folder = folder.parent
    f = folder / YEAR_BUDGETS_FILE
    return f if f.exists() else None


def _file_amounts(project: Project, path: str | os.PathLike[str] | None) -> dict[tuple[int, str], float]:
    f = Path(path) if path else year_budgets_file(project)
    if f is None or not f.exists():
        return {}
    return dict(_read(str(f), tuple(sorted(source_lookup(project).items())), f.stat().st_mtime_ns))


def source_lookup(project: Project) -> dict[str, str]:
    """Key, Chinese name and English name (lower case) of each funding source → its key."""
    sources = project.budget_sources
    keys = {s.key: s.key for s in sources}
    keys.update({normalize_text(s.name): s.key for s in sources})
    keys.update({normalize_text(s.name_en).lower(): s.key for s in sources if s.name_en})
    return keys


@lru_cache(maxsize=16)
def _read(file: str, keys: tuple[tuple[str, str], ...], mtime: int) -> dict[tuple[int, str], float]:  # mtime: re-read when edited
    lookup = dict(keys)
    df = pd.read_csv(file, dtype=str, keep_default_na=False, comment="#", encoding="utf-8-sig")
    cols = {normalize_text(c).lower(): c for c in df.columns}
    if not {"year", "source", "amount"} <= set(cols):
        raise ValueError(f"{file}: columns year, source and amount are required / 需要 year、source、amount 三列")
    out: dict[tuple[int, str], float] = {}
    for i, row in enumerate(df.to_dict("records")):
        yraw, sraw, araw = (normalize_text(row[cols[c]]) for c in ("year", "source", "amount"))
        src = lookup.get(sraw) or lookup.get(sraw.lower())
        if src is None:
            raise ValueError(f"{file} row {i + 2}: unknown source {sraw!r} / 第 {i + 2} 行资金来源「{sraw}」不存在")
        try:
            year, amount = int(yraw), float(araw.replace(",", ""))
        except ValueError:
            raise ValueError(f"{file} row {i + 2}: year/amount must be numbers / 第 {i + 2} 行年度或金额不是数字") from None
        if not math.isfinite(amount) or amount < 0:
            raise ValueError(f"{file} row {i + 2}: amount must be ≥ 0 / 第 {i + 2} 行金额不能为负")
        out[(year, src)] = out.get((year, src), 0.0) + amount
    return out


def derived_year_budget(project: Project, budget: Budget, year: int, source: str) -> float | None:
    """Execution target × the source's total − the source's spending before the year."""
    amount = next((s.amount for s in project.funding_sources if s.key == source), None)
    if amount is None:
        return None
    return _derived(project, budget, year, float(amount), [source])


def _derived(project: Project, budget: Budget, year: int, amount: float, keys: list[str]) -> float | None:
    """Execution target × ``amount`` − the spending of ``keys`` before the year (None: no target)."""
    target = project.execution_targets.get(year)
    last = bool(project.years) and year == max(project.years)
    if target is None and not last:
        return None
    share = 1.0 if target is None else float(target) / 100.0
    before = budget.spent_by(year - 1, 12, keys) if keys else 0.0
    return max(0.0, share * amount - before)


def year_budget(project: Project, budget: Budget, year: int, source: str | None = None,
                path: str | os.PathLike[str] | None = None) -> YearBudget:
    """The budget of ``year`` for ``source`` (None = the sum over the sources, and the part of the
    total no listed source holds, derived): the store's table when the budget carries one
    (``budget.year_budgets``), else the file, else derived."""
    stored: dict[tuple[int, str], float] | None = getattr(budget, "year_budgets", None)
    given = "store" if stored is not None and path is None else "file"
    from_file = stored if given == "store" and stored is not None else _file_amounts(project, path)
    keys = [s.key for s in project.funding_sources] if source is None else [source]
    total, bases = 0.0, set()
    for k in keys:
        if (year, k) in from_file:
            total += from_file[(year, k)]
            bases.add(given)
            continue
        v = derived_year_budget(project, budget, year, k)
        if v is None:
            return YearBudget(year, source, None, "none")
        total += v
        bases.add("target")
    gap = project.funding_gap if source is None and keys else None
    if gap is not None and gap > 0:  # the part of the total no listed source holds: the whole's budget is the total's
        v = _derived(project, budget, year, gap, [])
        if v is None:
            return YearBudget(year, source, None, "none")
        total += v
        bases.add("target")
    basis = given if bases == {given} else ("target" if bases == {"target"} else
                                            "store_mixed" if given == "store" else "mixed")
    return YearBudget(year, source, round(total, 6), basis if keys else "none")


def year_rate(spent_in_year: float | None, year_amount: float | None) -> float | None:
    """The year's execution rate as a fraction (spending of the year ÷ the year's budget)."""
    if spent_in_year is None or not year_amount:
        return None
    return spent_in_year / year_amount


def year_execution_rate(project: Project, budget: Budget, year: int, spent_in_year: float | None,
                        adjustment: float = 0.0, source: str | None = None) -> float | None:
    """The year's execution rate in percent: ``spent_in_year`` ÷ (the year's budget +
    ``adjustment``, e.g. a scenario's 调减/追加 of the total). None without a year budget."""
    yb = year_budget(project, budget, year, source).amount
    if yb is None or spent_in_year is None:
        return None
    amount = yb + adjustment
    return 100.0 * spent_in_year / amount if amount > 0 else None
