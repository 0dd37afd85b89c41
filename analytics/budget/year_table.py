"""The table of year budgets (年度预算指标) in force: year × funding source, 万元, with its origin.

Precedence (first that exists wins, as a whole table):

1. ``stored`` — the year budgets kept in the data store (edited on 数据管理 or set with
   ``python -m analytics year-budgets --set FILE.csv``); the storage layer reads them and hands
   them to :class:`~analytics.core.series.Budget` as ``budget.year_budgets``;
2. ``file`` — ``year_budgets.csv`` in the project folder;
3. ``derived`` — the year's cumulative execution target × the source's total − what the source
   spent before the year (:mod:`analytics.budget.year_budget`).

A year/source the stored table or the file leaves out is derived. This module parses, checks and
lays out such tables; it never reads the store (budget does not import storage).
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from analytics.core.model import Project
from analytics.core.series import Budget
from analytics.core.values import normalize_text
from analytics.budget.year_budget import derived_year_budget, source_lookup, year_budget, year_budgets_file

__all__ = ["Amounts", "YearBudgetCell", "YearBudgetCheck", "YearBudgetIssue", "YearBudgetTable", "amounts_from_json",
           "amounts_json", "check_year_budgets", "derived_amounts", "parse_year_budgets_csv", "source_lookup",
           "table_in_force"]

Amounts = dict[tuple[int, str], float]
TOLERANCE = 0.005  # 万元: rounding of a figure given to two decimals


@dataclass(frozen=True)
class YearBudgetIssue:
    """One finding on a year-budget table: ``code`` (catalogue key ``year_budgets.<code>``) and its numbers."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class YearBudgetCheck:
    errors: list[YearBudgetIssue]
    warnings: list[YearBudgetIssue]

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class YearBudgetCell:
    year: int
    source: str
    amount: float | None
    basis: str  # "store" | "file" | "target" | "none"


@dataclass(frozen=True)
class YearBudgetTable:
    """The table in force: ``origin`` is ``stored``, ``file`` or ``derived``."""

    origin: str
    cells: list[YearBudgetCell]
    file: str | None = None

    def amount(self, year: int, source: str) -> float | None:
        return next((c.amount for c in self.cells if c.year == year and c.source == source), None)

    def year_total(self, year: int) -> float | None:
        vals = [c.amount for c in self.cells if c.year == year]
        return None if not vals or any(v is None for v in vals) else round(sum(v for v in vals if v is not None), 6)


def parse_year_budgets_csv(text: str, project: Project) -> tuple[Amounts, list[YearBudgetIssue]]:
    """Rows ``year,source,amount`` (万元; ``#`` lines are comments) → amounts, plus the rows that
    could not be read (unknown source, not a number). Repeated year/source rows add up."""
    lines = [ln for ln in text.lstrip("\ufeff").splitlines() if not ln.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    cols = {normalize_text(c).lower(): c for c in (reader.fieldnames or [])}
    if not {"year", "source", "amount"} <= set(cols):
        return {}, [YearBudgetIssue("columns")]
    lookup, out, issues = source_lookup(project), {}, []
    for i, row in enumerate(reader):
        yraw, sraw, araw = (normalize_text(row.get(cols[c]) or "") for c in ("year", "source", "amount"))
        if not (yraw or sraw or araw):
            continue
        src = lookup.get(sraw) or lookup.get(sraw.lower())
        if src is None:
            issues.append(YearBudgetIssue("unknown_source", {"row": i + 2, "source": sraw}))
            continue
        try:
            year, amount = int(yraw), float(araw.replace(",", ""))
        except ValueError:
            issues.append(YearBudgetIssue("not_number", {"row": i + 2}))
            continue
        out[(year, src)] = out.get((year, src), 0.0) + amount
    return out, issues


def check_year_budgets(project: Project, amounts: Mapping[tuple[int, str], float]) -> YearBudgetCheck:
    """Errors: an amount not a number ≥ 0, a source not of the project, a year outside the
    project's years, a year whose sum over the sources is above the project total. Warning: the
    years' sum differs from the project total (the table is still accepted). A project whose table
    names no money takes its funding from these amounts: no total to check them against."""
    errors: list[YearBudgetIssue] = []
    sources = set(project.budget_source_keys)
    years = set(project.years)
    for (year, src), amount in sorted(amounts.items()):
        if src not in sources:
            errors.append(YearBudgetIssue("unknown_source", {"source": src}))
        if year not in years:
            errors.append(YearBudgetIssue("unknown_year", {"year": year, "years": "、".join(str(y) for y in sorted(years))}))
        if not isinstance(amount, (int, float)) or not math.isfinite(amount) or amount < 0:
            errors.append(YearBudgetIssue("negative", {"year": year, "source": src}))
    if not project.table_funded:
        return YearBudgetCheck(errors, [])
    total = project.funding_amount
    by_year: dict[int, float] = {}
    for (year, _src), amount in amounts.items():
        if isinstance(amount, (int, float)) and math.isfinite(amount):
            by_year[year] = by_year.get(year, 0.0) + float(amount)
    for year, s in sorted(by_year.items()):
        if s > total + TOLERANCE:
            errors.append(YearBudgetIssue("year_above_total", {"year": year, "sum": round(s, 2), "total": round(total, 2)}))
    warnings: list[YearBudgetIssue] = []
    if not errors and amounts and abs(sum(by_year.values()) - total) > TOLERANCE:
        warnings.append(YearBudgetIssue("sum_differs", {"sum": round(sum(by_year.values()), 2), "total": round(total, 2)}))
    return YearBudgetCheck(errors, warnings)


def amounts_json(amounts: Mapping[tuple[int, str], float]) -> str:
    """The stored form: a JSON list of ``{"year", "source", "amount"}`` sorted by year and source."""
    rows = [{"year": int(y), "source": s, "amount": round(float(a), 6)} for (y, s), a in sorted(amounts.items())]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def amounts_from_json(text: str | None) -> Amounts | None:
    """The stored form back (None when nothing is stored, or the value is empty = reset to derived)."""
    if not text or not text.strip():
        return None
    rows = json.loads(text)
    return {(int(r["year"]), str(r["source"])): float(r["amount"]) for r in rows}


def table_in_force(project: Project, budget: Budget, years: Iterable[int] | None = None) -> YearBudgetTable:
    """Every year × source cell of the table in force with its basis (see the precedence above)."""
    stored = getattr(budget, "year_budgets", None)
    f = None if stored is not None else year_budgets_file(project)
    origin = "stored" if stored is not None else ("file" if f is not None else "derived")
    cells = []
    for y in (sorted(years) if years is not None else list(project.years)):
        for s in project.budget_sources:
            yb = year_budget(project, budget, y, s.key)
            cells.append(YearBudgetCell(y, s.key, yb.amount, yb.basis))
    return YearBudgetTable(origin, cells, None if f is None else str(f))


def derived_amounts(project: Project, budget: Budget) -> dict[tuple[int, str], float | None]:
    """The derived rule for every year × source, whatever is stored or on file (the starting
    point of the editor; None where a year has no execution target and is not the last)."""
    return {(y, s.key): derived_year_budget(project, budget, y, s.key) for y in project.years for s in project.budget_sources}
