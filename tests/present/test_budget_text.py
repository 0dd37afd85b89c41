"""The sentences and tables of a budget scenario (analytics/present/budget_text.py)."""

from __future__ import annotations

from analytics.budget.scenario import project_scenario
from analytics.present.budget_text import path_rows
from tests.budget.test_projection import _one_source
from tests.budget.test_scenario import budget_of


def test_the_monthly_table_says_a_month_never_reported_in_both_languages(project):
    """January to March, May and June entered, April never: its row reads 未报送 / not reported with
    — under its figures (never 0.00), the others 实际 / reported and 预计 / projected."""
    p = _one_source(project, 800.0)
    res = project_scenario(p, budget_of(p, [(2024, m, "local", 40.0) for m in (1, 2, 3, 5, 6)]), (2024, 6), None)
    zh, en = path_rows(res, "zh"), path_rows(res, "en")
    assert len(zh) == len(en) == 12
    assert zh[3] == {"月份": "2024年4月", "数据": "未报送", "当月支出（万元）": "—", "累计执行率（%）": "—", "80% 区间（%）": "—", "序时进度（%）": zh[3]["序时进度（%）"]}
    assert en[3]["Figures"] == "not reported" and en[3]["Spent in month (10k yuan)"] == "—"
    assert zh[4]["数据"] == "实际" and zh[4]["当月支出（万元）"] == "40.00" and zh[4]["累计执行率（%）"] == "20.0"  # 160 of 800: the months reported
    assert en[6]["Figures"] == "projected" and en[6]["80% interval (%)"] != "—"
