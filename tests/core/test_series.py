"""Monthly series of a project (analytics/core/series.py)."""

from __future__ import annotations

import dataclasses

from analytics.core.series import Budget
from analytics.ingest.targets import load_project
from tests.conftest import load_sample_frames


def test_spending_is_executable_only_with_a_budget_to_divide_it_by() -> None:
    project = load_project()
    spending = load_sample_frames()[1]
    assert Budget(project, spending).executable
    assert not Budget(project, None).executable  # no spending entered
    unfunded = Budget(dataclasses.replace(project, funding_total=None, funding_sources=[]), spending)
    assert unfunded.has_data and not unfunded.executable  # spending for a table that states no funding


def _spending(rows: list[tuple[int, int, int, float]]):
    import pandas as pd

    return pd.DataFrame([{"year": y, "month": m, "first_month": f, "source": "local", "amount": a} for y, m, f, a in rows])


def test_a_month_never_reported_is_missing_not_a_month_without_spending() -> None:
    """Spending for January to March and May, April never entered: April is a month missing
    (said, never read as 0.00); a month inside a record for several months (1-2月 as one figure)
    is no month missing, nor are the months after the spending runs to."""
    project = load_project()
    budget = Budget(project, _spending([(2024, 1, 1, 10.0), (2024, 2, 2, 10.0), (2024, 3, 3, 10.0), (2024, 5, 5, 10.0)]))
    assert budget.missing_months(2024, 8) == (4,)
    assert budget.missing_months(2024, 3) == ()  # judged at March, the spending runs to March without a hole
    assert budget.missing_months(2023, 12) == ()  # a year with none reported has no hole, it has no spending
    combined = Budget(project, _spending([(2024, 2, 1, 20.0), (2024, 5, 5, 10.0)]))
    assert combined.missing_months(2024, 6) == (3, 4)  # 1-2月 as one figure covers January


def test_months_before_the_funds_start_are_not_missing() -> None:
    project = dataclasses.replace(load_project(), execution_start=(2024, 3))
    budget = Budget(project, _spending([(2024, 3, 3, 10.0), (2024, 5, 5, 10.0)]))
    assert budget.missing_months(2024, 12) == (4,)
