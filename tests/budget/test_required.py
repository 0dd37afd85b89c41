"""The pace and monthly amount needed to reach the year's execution target (analytics/budget/required.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics.budget.required import PACE_SEARCH_MAX, required_pace
from analytics.budget.scenario import project_scenario
from analytics.core.series import Budget
from analytics.ingest.targets import load_project
from tests.conftest import load_sample_frames


@pytest.fixture(scope="module")
def project():
    return load_project()


@pytest.fixture(scope="module")
def budget(project):
    return Budget(project, load_sample_frames()[1])


def test_monthly_amount_is_what_is_left_over_the_months_left(project, budget):
    r = required_pace(project, budget, (2024, 8))
    res = project_scenario(project, budget, (2024, 8))
    assert r.target_rate == 100.0 and r.months_left == 4
    assert r.target_amount == pytest.approx(res.adjusted_budget)
    assert r.spent == pytest.approx(res.path[7].cumulative)
    assert r.needed == pytest.approx(r.target_amount - r.spent)
    assert r.monthly == pytest.approx(r.needed / 4)
    assert r.planned_monthly == pytest.approx((res.year_end_spent - r.spent) / 4)
    assert not r.reached and r.gap_monthly > 0


def test_the_pace_found_reaches_the_target_and_a_little_less_does_not(project, budget):
    r = required_pace(project, budget, (2024, 8))
    assert r.pace is not None and 1.0 < r.pace < PACE_SEARCH_MAX
    at = project_scenario(project, budget, (2024, 8), {"levers": {"pace": r.pace}})
    below = project_scenario(project, budget, (2024, 8), {"levers": {"pace": r.pace - 0.01}})
    assert at.shortfall == pytest.approx(0.0, abs=1e-6) and at.target_period == "2024-12"
    assert below.shortfall > 0 and below.target_period is None


def test_other_levers_are_kept(project, budget):
    plain = required_pace(project, budget, (2024, 8))
    with_payment = required_pace(project, budget, (2024, 8), {"levers": {"one_off": [{"month": "2024-09", "amount": 15000}]}})
    assert with_payment.pace < plain.pace
    assert with_payment.monthly == pytest.approx(plain.monthly)  # the amount needed does not depend on how it is paid


def test_out_of_reach_and_already_reached(project, budget):
    frozen = {"levers": {"freeze": {"from": "2024-09", "to": "2024-12"}}}
    r = required_pace(project, budget, (2024, 8), frozen)
    assert r.pace is None and r.needed > 0
    done = required_pace(project, budget, (2024, 8), {"levers": {"pace": 3.0}})
    assert done.reached and done.pace is not None and done.pace < 3.0


def test_no_months_left_once_december_s_spending_is_in(project, budget):
    """As of December the months left are those after the spending's last month: the sample's
    runs to August (four months to plan), a year reported to December has none."""
    assert required_pace(project, budget, (2024, 12)).months_left == 4
    frame = pd.DataFrame([{"year": 2024, "month": m, "first_month": m, "source": "local", "amount": 1000.0} for m in range(1, 13)])
    r = required_pace(project, Budget(project, frame), (2024, 12))
    assert r.month == 12 and r.months_left == 0 and r.monthly is None and r.pace is None
