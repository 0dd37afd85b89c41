"""The Excel export of 预算情景's scenario comparison (analytics/reports/scenario_compare.py)."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from analytics.budget.scenario import project_scenario
from analytics.reports.scenario_compare import comparison_workbook, month_table
from tests.budget.test_projection import _one_source
from tests.budget.test_scenario import budget_of

SCENARIOS = {"当前节奏": {"levers": {}}, "加快": {"levers": {"pace": 1.5}}}


def _results(project, budget, as_of=(2024, 6)):
    return {name: project_scenario(project, budget, as_of, doc) for name, doc in SCENARIOS.items()}


def _sheet(data: bytes, name: str) -> list[list]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return [list(r) for r in wb[name].iter_rows(values_only=True)]


@pytest.mark.parametrize("lang, sheet, missing, projected", [
    ("zh", "逐月执行率（%）", "未报送", "预计"),
    ("en", "Execution by month (%)", "not reported", "projected"),
])
def test_every_month_has_its_row_and_a_month_never_reported_says_so(project, lang, sheet, missing, projected):
    """January to March, May and June entered, April never: the sheet went 1, 2, 3, 5 … 12 (April
    dropped without a word, months as bare numbers). Every month of the year has its row, named as
    预算情景 names it, with what its figures are (实际 / 预计 / 未报送) and — where there is no rate;
    the scenarios stand in the order compared."""
    p = _one_source(project, 800.0)
    results = _results(p, budget_of(p, [(2024, m, "local", 40.0) for m in (1, 2, 3, 5, 6)]))
    rows = _sheet(comparison_workbook(pd.DataFrame({"x": [1]}), results, lang), sheet)
    assert rows[0][2:] == ["当前节奏", "加快"]
    assert len(rows) == 13
    assert rows[4] == ["2024年4月" if lang == "zh" else "Apr 2024", missing, "—", "—"]
    assert rows[5][2:] == [20.0, 20.0]  # 160 of 800: the months reported
    assert [r[1] for r in rows[1:]].count(projected) == 6 and rows[12][3] > rows[12][2]
    assert all(isinstance(v, (int, float)) for r in rows[1:] if r[1] != missing for v in r[2:])  # numbers, not text


def test_a_project_without_an_execution_rate_still_lists_its_months(project):
    """No funding stated: no month has a rate, and the pivot of the rates had no row at all."""
    p = _one_source(project, 0.0)
    table = month_table(_results(p, budget_of(p, [(2024, m, "local", 40.0) for m in range(1, 7)])))
    assert len(table) == 12 and set(table["当前节奏"]) == {"—"}
    assert list(table["数据"]) == ["实际"] * 6 + ["预计"] * 6
