"""The projection held at the budget (analytics/budget/projection.py): what its warning says of
where the spending is heading."""

from __future__ import annotations

import pytest

from analytics.budget.scenario import DEFAULT_PROFILE, project_scenario
from analytics.present import budget_text
from analytics.present.budget_text import scenario_json
from tests.budget.test_scenario import budget_of


def _one_source(project, amount: float):
    """The sample project with one funding source (地方资金) of ``amount`` 万元."""
    from dataclasses import replace

    from analytics.core.model import FundingSource

    return replace(project, funding_sources=(FundingSource("local", "地方资金", "Local funds", amount),), funding_total=amount)


def test_a_projection_capped_on_the_assumed_profile_says_so_and_gives_the_recent_pace(project):
    """580 of 800万元 spent to September (57 a month, then 79.33): the default profile's December
    rush projects 1000 (580 ÷ 0.58), capped at 800, while the last three months' pace ends near
    818. The warning said only that 200 was capped, as if spending were heading 200 over budget;
    it keeps the amount and says the projection follows the assumed year-end rush and what the
    recent pace gives."""
    p = _one_source(project, 800.0)
    rows = [(2023, m, "local", 57.0) for m in range(1, 7)] + [(2023, m, "local", 79.33) for m in (7, 8, 9)]
    res = project_scenario(p, budget_of(p, rows), (2023, 9), None)
    assert res.sources[0].profile_method == "default" and res.year_end_spent == pytest.approx(800.0)
    notice = next(n for n in res.warnings if n.code.startswith("capped"))
    assert notice.code == "capped_default"
    assert notice.params["amount"] == pytest.approx(579.99 / sum(DEFAULT_PROFILE[:9]) - 800)
    assert notice.params["recent"] == pytest.approx(579.99 + 3 * 79.33) and notice.params["months"] == 3
    zh, en = (budget_text.report_warnings(res, lang, p) for lang in ("zh", "en"))
    assert zh == ["有 199.98 万元的预计支出超过（调整后）预算，已按预算封顶。这一预计按假设的年末集中支付节奏（尚无往年支出数据可学习）；"
                  "按近3个月支出节奏，年末约为 817.98 万元（预算 800.00 万元）。"]
    assert "assumed year-end rush (no spending history to learn from)" in en[0] and "about 817.98 (budget 800.00)" in en[0]
    assert scenario_json(p, budget_of(p, rows), (2023, 9))["warnings_en"] == en


def test_a_projection_capped_on_a_learnt_profile_is_said_as_before(project):
    """A source with a year of its own to learn from (2022, before the project's funds start) is
    capped on its own profile: the warning says the amount only."""
    p = _one_source(project, 800.0)
    rows = [(2022, m, "local", 10.0) for m in range(1, 13)] + [(2023, m, "local", 70.0) for m in range(1, 10)]
    res = project_scenario(p, budget_of(p, rows), (2023, 9), None)
    assert res.sources[0].profile_method == "history"
    assert [n.code for n in res.warnings] == ["capped"]
    assert budget_text.report_warnings(res, "en", p) == ["40.00 (10k yuan) of projected spending exceeded the (adjusted) budget and was capped."]


def test_a_month_never_reported_is_said_and_never_read_as_no_spending(project):
    """Spending entered for January to March and May, April never: April's row read 0.00 spent
    and the March rate again, as if nothing had been paid, with no word of it. It has no figures
    (None, 未报送 in the table), is listed in ``missing_months``, and the first warning says the
    later rates and the projected pace take it as no spending until it is reported."""
    p = _one_source(project, 800.0)
    rows = [(2024, m, "local", 40.0) for m in (1, 2, 3, 5, 6)]
    res = project_scenario(p, budget_of(p, rows), (2024, 6), None)
    april = res.path[3]
    assert april.missing and april.observed
    assert april.spent is None and april.cumulative is None and april.execution_rate is None and april.lower is None
    assert not res.path[2].missing and res.path[4].spent == pytest.approx(40.0)
    assert res.missing_months == (4,) and res.warnings[0].code == "missing_months"
    payload = scenario_json(p, budget_of(p, rows), (2024, 6))
    assert payload["missing_months"] == ["2024-04"]
    assert [row["missing"] for row in payload["path"]] == [m == 4 for m in range(1, 13)]
    assert payload["path"][3]["spent"] is None
    assert payload["warnings_zh"][0].startswith("2024年4月的支出未报送，未按 0 计")
    assert payload["warnings_en"][0].startswith("Spending for Apr 2024 is not reported and is not counted as 0")
    assert "年末预测的支出节奏只依据已报送的5个月，缺报月份的支出按这一节奏估计在预计之内" in payload["warnings_zh"][0]
    assert "pace rests on the 5 months reported" in payload["warnings_en"][0]
    whole = scenario_json(p, budget_of(p, rows + [(2024, 4, "local", 0.0)]), (2024, 6))  # April entered as 0: no longer missing
    assert whole["missing_months"] == [] and whole["path"][3]["spent"] == 0.0
    assert not any("未报送" in w for w in whole["warnings_zh"])


def test_a_month_never_reported_in_a_year_spent_to_december_is_said_without_a_pace(project):
    """Every month to December reported but April: no month is left to project, so no pace
    stands in for April; the warning says the year-end rate holds the 11 months reported (it
    spoke of the projection's pace, which December has none of)."""
    p = _one_source(project, 800.0)
    rows = [(2024, m, "local", 40.0) for m in range(1, 13) if m != 4]
    res = project_scenario(p, budget_of(p, rows), (2024, 12), None)
    assert res.warnings[0].code == "missing_months_year_end" and res.year_end_spent == pytest.approx(440.0)
    zh, en = (budget_text.warnings(res, lang, p)[0] for lang in ("zh", "en"))
    assert zh == "2024年4月的支出未报送，未按 0 计（表中写“未报送”）：之后各月的累计执行率和年末执行率只含已报送的11个月，可能偏低。请补报4月的支出（没有支出的月份填 0）。"
    assert "the year-end rate hold the 11 months reported only" in en and "pace" not in en


def test_a_year_none_of_whose_spending_is_reported_says_its_path_is_assumed(project):
    """400万元 spent in 2023, none of 2024's reported: the path and the year-end rate are last
    year's spending laid over the year, with no word that no spending of the year stands behind
    them. The first warning says so, as it does with no spending at all."""
    p = _one_source(project, 800.0)
    res = project_scenario(p, budget_of(p, [(2023, m, "local", 400.0 / 12) for m in range(1, 13)]), (2024, 12), None)
    assert res.data_month == 0 and res.warnings[0].code == "no_spending_year"
    zh = budget_text.warnings(res, "zh", p)[0]
    assert zh.startswith("2024年尚无支出数据：以下执行路径和年末执行率是按上年支出（没有上年支出时按剩余预算）假设的") and "不计预算执行率得分" in zh
    spent = project_scenario(p, budget_of(p, [(2023, 1, "local", 400.0), (2024, 1, "local", 10.0)]), (2024, 12), None)
    assert not any(n.code.startswith("no_spending") for n in spent.warnings)
