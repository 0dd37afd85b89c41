"""Spending on the current pace (analytics/forecast/spending.py): a month never reported is left
out of the pace, not read as a month without spending."""

from __future__ import annotations

from dataclasses import replace

import pytest

from analytics.core.model import FundingSource
from analytics.forecast.spending import DEFAULT_PROFILE, execution_outlook, spending_base
from tests.budget.test_scenario import budget_of, profile_rows


def _one_source(project, amount: float):
    return replace(project, funding_sources=(FundingSource("local", "地方资金", "Local funds", amount),), funding_total=amount)


def _base(p, rows, as_of=(2024, 6)):
    return spending_base(p, budget_of(p, rows), as_of, {0: 1.0})


def test_a_month_never_reported_does_not_pull_the_pace_down(project):
    """600万元 a year paid on the default profile, April never reported: the pace divided the
    months reported by the profile's share of January to June, April's 7 % included, and read
    473 instead of 600 (the year-end pulled down as if April spent nothing). It divides by the
    share of the months reported, so it reads 600 — what the whole year's figures give — and
    the year-end execution with it."""
    p = _one_source(project, 800.0)
    whole = profile_rows(2024, {"local": 600.0}, months=range(1, 7))
    hole = [r for r in whole if r[1] != 4]
    assert _base(p, whole).pace[0] == pytest.approx(600.0)
    base = _base(p, hole)
    assert base.pace[0] == pytest.approx(600.0)
    assert base.missing == (4,)
    assert base.rest[0].sum() == pytest.approx(600.0 - sum(r[3] for r in hole))  # April's spending at the pace, until it is in
    outlook = execution_outlook(p, budget_of(p, hole), 2024, 6)
    assert outlook.year_end_rate == pytest.approx(100.0 * 600.0 / 800.0)


def test_a_learnt_profile_and_its_interval_count_the_months_reported(project):
    """With two prior years to learn from, the pace is taken over the months reported: a year
    paid on the years' mean profile reads its total with March and June never reported, as it
    does with every month in (it read less, as if they had spent nothing)."""
    p = _one_source(project, 5000.0)
    flat = [1 / 12] * 12
    rows = profile_rows(2022, {"local": 1200.0}, DEFAULT_PROFILE) + profile_rows(2023, {"local": 1200.0}, flat)
    mean = [(a + b) / 2 for a, b in zip(DEFAULT_PROFILE, flat)]
    whole = rows + profile_rows(2024, {"local": 1500.0}, mean, months=range(1, 9))
    hole = [r for r in whole if (r[0], r[1]) not in {(2024, 3), (2024, 6)}]
    full, gappy = _base(p, whole, (2024, 8)), _base(p, hole, (2024, 8))
    assert full.profile_method == gappy.profile_method == ["history"]
    assert full.pace[0] == pytest.approx(1500.0) and gappy.pace[0] == pytest.approx(1500.0)
    assert gappy.missing == (3, 6) and gappy.interval_method == ["spread"]


def test_most_months_missing_lean_on_last_year_and_widen_the_interval(project):
    """As of June with only January and June reported (10 % of last year's profile), the pace
    rests on little: it is blended with last year's total as in a year's first months (it was
    the two months scaled by the six months' 33 %), the interval is that of two months known,
    not six, and the recent pace is the average of the months reported."""
    p = _one_source(project, 5000.0)
    last = profile_rows(2023, {"local": 1200.0})
    rows = last + [(2024, 1, "local", 20.0), (2024, 6, "local", 80.0)]
    base = _base(p, rows)
    c = DEFAULT_PROFILE[0] + DEFAULT_PROFILE[5]
    w = c / 0.15
    assert base.pace[0] == pytest.approx(w * 100.0 / c + (1 - w) * 1200.0)
    assert base.missing == (2, 3, 4, 5) and base.profile_method == ["history"]
    complete = _base(p, last + [(2024, m, "local", 50.0) for m in range(1, 7)])
    assert base.rel[0] > complete.rel[0]
    assert base.recent_months == 2
    assert base.recent[0] == pytest.approx(100.0 + 50.0 * (6 + 4))  # January and June's average in the months left and missing


def test_a_pace_resting_on_few_months_reaches_down_to_the_missing_months_as_nothing(project):
    """June to August reported (100万元 each), January to May never, no year before: the pace
    scales the three months by their 24 % of the profile (1250 a year), while with the five
    months as no spending the year ends at 612 — the data cannot tell the two apart until those
    months are in. The interval was ±25 % around 1250 (its low end 1012); it now reaches down to
    612."""
    p = _one_source(project, 5000.0)
    rows = [(2024, m, "local", 100.0) for m in (6, 7, 8)]
    base = _base(p, rows, (2024, 8))
    assert base.missing == (1, 2, 3, 4, 5)
    assert base.pace[0] == pytest.approx(300.0 / sum(DEFAULT_PROFILE[5:8]))
    as_none = 300.0 / sum(DEFAULT_PROFILE[:8])
    assert 300.0 + base.rest[0].sum() * (1 - base.rel[0]) == pytest.approx(as_none)
    low, high = execution_outlook(p, budget_of(p, rows), 2024, 8).year_end_interval
    assert low == pytest.approx(100.0 * as_none / 5000.0) and high > 100.0 * base.pace[0] / 5000.0
