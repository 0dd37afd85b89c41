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
