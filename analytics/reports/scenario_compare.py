"""The Excel export of 预算情景's comparison of saved scenarios: its table (情景对比) and the
year month by month, one column per scenario (逐月执行率（%）).

Every month of the year has its row, as 预算情景's 逐月执行情况 lists it (``budget_text.path_rows``):
the month (``2024年4月``), what its figures are (实际 reported, 预计 projected, 未报送 never
reported) and each scenario's cumulative execution rate as shown (one decimal, under 100 never
rounded up to 100), ``—`` where there is none — never a month left out, which read as if the
year had eleven."""

from __future__ import annotations

from typing import Mapping

import pandas as pd

from analytics.budget.results import ScenarioResult
from analytics.core.exports import xlsx_bytes
from analytics.present.catalogue import text
from analytics.present.format import DASH, fmt_month, shown_number

__all__ = ["month_table", "comparison_workbook"]


def _kind(points: list) -> str:
    """What a month's figures are across the scenarios: 未报送 when the month was never reported,
    else 实际 when it was, else 预计 (the levers change only the months after the spending)."""
    if any(p.missing for p in points):
        return "missing"
    return "actual" if all(p.observed for p in points) else "projected"


def month_table(results: Mapping[str, ScenarioResult], lang: str = "zh") -> pd.DataFrame:
    """The months of the year, one row each, and each scenario's cumulative execution rate (%)
    in the order of ``results`` (name → result of the same year and as-of month)."""
    if not results:
        return pd.DataFrame()
    first = next(iter(results.values()))
    rows = []
    for i, point in enumerate(first.path):
        points = [r.path[i] for r in results.values()]
        row = {
            text("budget.cmp_month", lang): fmt_month(first.year, point.month, lang),
            text("budget.path_kind", lang): text(f"budget.path_{_kind(points)}", lang),
        }
        for name, p in zip(results, points):
            shown = shown_number(p.execution_rate, "%")
            row[name] = DASH if shown is None else shown
        rows.append(row)
    return pd.DataFrame(rows)


def comparison_workbook(table: pd.DataFrame, results: Mapping[str, ScenarioResult], lang: str = "zh") -> bytes:
    """The comparison as a workbook: ``table`` (the comparison as 预算情景 shows it) and
    :func:`month_table` of ``results``."""
    return xlsx_bytes({text("budget.sheet_compare", lang): table, text("budget.sheet_paths", lang): month_table(results, lang)})
