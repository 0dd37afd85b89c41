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
