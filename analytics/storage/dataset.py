"""One object holding everything the app and the CLI compute on: targets, actuals, spending.

Every file goes through the validator in :mod:`analytics.ingest.validate` before it is used.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from analytics.core.calendar import empty_as_of
from analytics.core.reporting import default_as_of
from analytics.core.model import Project
from analytics.rules.progress import IndicatorProgress, evaluate_all, load_rules
from analytics.rules.quality import QualityNote, evaluate as evaluate_quality
from analytics.core.series import Actuals, Budget
from analytics.ingest.targets import DEFAULT_PROJECT_DIR, load_project
from analytics.storage.errors import DataFileError
from analytics.storage.seeding import SAMPLE_ACTUALS, SAMPLE_BUDGET, sample_plan

__all__ = ["SAMPLE_ACTUALS", "SAMPLE_BUDGET", "YEAR_BUDGETS_SETTING", "DataFileError", "Dataset", "load_dataset",
           "read_actuals", "read_budget", "with_year_budgets"]

YEAR_BUDGETS_SETTING = "year_budgets"  # the store's setting holding the edited year budgets (JSON rows)


@dataclass
class Dataset:
    project: Project
    actuals: Actuals
    budget: Budget
    is_sample: bool = False
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def latest_period(self) -> tuple[int, int] | None:
        periods = [p for p in (self.actuals.latest_period(), self.budget.latest_period()) if p]
        return max(periods) if periods else None

    def periods(self) -> list[tuple[int, int]]:
        return sorted(set(self.actuals.periods()) | set(self.budget.monthly))

    def opening_as_of(self, today: tuple[int, int] | None = None) -> tuple[int, int]:
        """The as-of month the app opens on and the CLI judges at when none is given: the latest
        month most indicators (and the spending) have reported
        (:func:`analytics.core.reporting.default_as_of`); without any data, this month while
        the project runs or before it starts, else its last December
        (:func:`analytics.core.calendar.empty_as_of`; ``today`` defaults to the clock's month). A
        month after ``today`` has not happened: a row dated in it (kept, with the import's warning)
        never moves the month judged at."""
        now = _dt.date.today()
        month = today or (now.year, now.month)
        periods = self.periods()
        found = default_as_of(self.project, self.actuals, self.budget, [p for p in periods if p <= month] or periods)
        if found is not None:
            return found
        return empty_as_of(self.project.years, month)

    def years(self) -> list[int]:
        years = set(self.project.target_years)
        return sorted(y for y in years if any(ind.target(y) for ind in self.project.indicators))

    def progress(self, year: int, as_of: tuple[int, int], with_previous: bool = True) -> list[IndicatorProgress]:
        return evaluate_all(self.project, self.actuals, self.budget, year, as_of, load_rules(), with_previous)

    def quality(self) -> list[QualityNote]:
        return evaluate_quality(self.project)


def with_year_budgets(ds: Dataset, stored: str | None) -> Dataset:
    """Hand the store's year budgets (the setting's JSON text; empty or None = none stored) to the
    budget layer. Precedence (analytics.budget.year_table): stored > the project folder's
    year_budgets.csv > derived. A stored value that no longer fits the target table (a source or
    year gone) keeps only its cells that still do."""
    from analytics.budget.year_table import amounts_from_json

    try:
        amounts = amounts_from_json(stored)
    except (ValueError, KeyError, TypeError):
        amounts = None
    if amounts is not None:
        keys = set(ds.project.budget_source_keys)
        amounts = {k: v for k, v in amounts.items() if k[1] in keys and k[0] in ds.project.years}
        funded = ds.project.funded_by_year_budgets(amounts)  # a table naming no money: funded by these
        if funded is not ds.project:
            ds = replace(ds, project=funded, budget=Budget(funded, ds.budget.frame))
            # what was entered is the whole budget: a source or year left blank has none (never derived)
            amounts = {(y, k): amounts.get((y, k), 0.0) for y in funded.years for k in funded.budget_source_keys}
    ds.budget.year_budgets = amounts
    return ds


def read_actuals(project: Project, path: str | os.PathLike[str]) -> pd.DataFrame:
    from analytics.ingest.validate import ingest_actuals

    result = ingest_actuals(path, project.ingest_catalogue(), filename=Path(path).name)
    if not result.ok:
        raise DataFileError(result)
    return result.data


def read_budget(project: Project, path: str | os.PathLike[str]) -> pd.DataFrame:
    from analytics.ingest.validate import ingest_budget

    from analytics.storage.rows import as_project_sees, source_names

    names = source_names(project)  # a file may name a source by its key or the table's name
    result = as_project_sees(ingest_budget(path, sources=names, filename=Path(path).name, source_names=names), project, Path(path).name)
    if not result.ok:
        raise DataFileError(result)
    return result.data


def load_dataset(
    targets: str | os.PathLike[str] | None = None,
    actuals: str | os.PathLike[str] | None = None,
    budget: str | os.PathLike[str] | None = None,
) -> Dataset:
    """Load targets (default: the shipped Dongguan table) and data files (default: the shipped
    sample, 示例数据, when the targets are the shipped ones and no file is given)."""
    project = load_project(targets)
    plan = sample_plan(targets, actuals, budget)
    actuals, budget, is_sample = plan.actuals, plan.budget, plan.actuals_sample or plan.budget_sample
    a_frame = read_actuals(project, actuals) if actuals else None
    b_frame = read_budget(project, budget) if budget else None
    return Dataset(
        project=project,
        actuals=Actuals(project, a_frame),
        budget=Budget(project, b_frame),
        is_sample=is_sample,
        sources={"targets": str(targets or DEFAULT_PROJECT_DIR), "actuals": str(actuals or ""), "budget": str(budget or "")},
    )

