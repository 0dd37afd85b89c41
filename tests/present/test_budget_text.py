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


def test_the_sources_table_gives_each_column_of_amounts_one_precision(dataset):
    """13,712 beside 865.47 read as two precisions in one column: a column with an amount under 1,000
    gives every amount two decimals, one whose amounts are all from 1,000 up gives none."""
    from analytics.present.budget_text import source_rows, wan_decimals

    res = project_scenario(dataset.project, dataset.budget, (2024, 8), None)
    rows = source_rows(res, {s.key: s.display_name("zh") for s in dataset.project.funding_sources}, "zh")
    assert [r["资金来源"] for r in rows] == ["中央补助", "地方资金", "其他资金"]
    for col in ("预算", "已支出（累计）", "预计剩余月份支出", "年末预计结余"):
        places = {len(r[col].partition(".")[2]) for r in rows}
        assert len(places) == 1, (col, [r[col] for r in rows])
    assert wan_decimals([13712.0, 865.47, 1385.0]) == 2 and wan_decimals([13712.0, 0.0, None]) == 0
