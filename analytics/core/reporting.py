"""What the data say about reporting: which months have been reported by most indicators (the
default as-of month) and which indicators are measured only now and then (surveys measured
quarterly or less often, whose year-end is not extrapolated between two measurements).

The thresholds are data (:data:`REPORTING_RULES`), not code; results are codes and numbers only
(the words are in the catalogue, ``manager.*``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from analytics.core import calendar as cal
from analytics.core.model import Indicator, Project
from analytics.core.series import Actuals, Budget

#: The reporting rules, with why.
REPORTING_RULES: dict[str, Any] = {
    # A month is "reported" when at least this share of the indicators that report monthly have
    # a value for it (and spending has been reported for it, when the project records spending):
    # two early September values out of 48 do not move the whole app to September.
    "reported_share": 0.5,
    # An indicator reported in at most this many months of its latest complete year (one with a
    # December value) is measured periodically — a survey each quarter, half-year or year.
    "periodic_max_reports": 4,
}


@dataclass(frozen=True)
class MonthCoverage:
    """Who has reported one month: the indicators expected to report monthly, those with a value
    for the month, and whether spending is in (None: the project records no spending)."""

    year: int
    month: int
    expected: tuple[str, ...]
    reported: tuple[str, ...]
    spending: bool | None

    @property
    def missing(self) -> tuple[str, ...]:
        have = set(self.reported)
        return tuple(i for i in self.expected if i not in have)

    @property
    def share(self) -> float:
        return len(self.reported) / len(self.expected) if self.expected else 1.0

    def complete(self, rules: dict[str, Any] | None = None) -> bool:
        """Reported by enough indicators (and spending) to be the default as-of month."""
        share = float((rules or REPORTING_RULES)["reported_share"])
        return self.share >= share and self.spending is not False


def _latest_complete_year(actuals: Actuals, indicator_id: str, before: int) -> dict[int, float] | None:
    for y in sorted(actuals.years(indicator_id), reverse=True):
        values = actuals.obs(indicator_id, y).values
        if y < before and 12 in values:
            return values
    return None


def measured_months(actuals: Actuals, indicator_id: str, year: int, rules: dict[str, Any] | None = None) -> tuple[int, ...] | None:
    """The months in which a periodically measured indicator is measured (``(3, 6, 9, 12)`` for a
    quarterly survey), from its latest complete year before ``year`` (else from ``year``'s own
    months when they are at least three apart, continued at their pace to December); None for an
    indicator reported (nearly) monthly."""
    limit = int((rules or REPORTING_RULES)["periodic_max_reports"])
    full = _latest_complete_year(actuals, indicator_id, year)
    if full is not None:
        months = tuple(sorted(full))
        return months if len(months) <= limit else None
    months = tuple(sorted(actuals.obs(indicator_id, year).values))
    if len(months) >= 2 and all(b - a >= 3 for a, b in zip(months, months[1:])):
        gap = min(b - a for a, b in zip(months, months[1:]))  # this year's schedule goes on at its pace:
        return months + tuple(range(months[-1] + gap, 13, gap))  # measured in 3 and 6 → 9 and 12 to come
    return None


def between_measurements(actuals: Actuals, ind: Indicator, year: int, data_month: int, method: str) -> tuple[int, ...] | None:
    """Whether ``ind``'s year-end is left open until its next measurement (待下次测评): a periodically
    measured level, rate or stock (:func:`measured_months`; a survey, whose forecast would only
    repeat the last value) whose year is not closed (``method`` of its outlook is not
    ``observed_final``). A flow reported each quarter keeps its forecast: its total so far and its
    pace say where the year ends; milestones and totals derived from another are never open, nor
    is a qualitative indicator whose check-in decided its year (``checkin``: 达成 is met, as the
    forecast says). The months of its schedule when it is open, else None."""
    if method in ("observed_final", "checkin") or ind.kind in ("milestone", "flow") or ind.derived_from or not data_month:
        return None
    return measured_months(actuals, ind.id, year)


def cadence(months: tuple[int, ...]) -> str:
    """How often an indicator measured in ``months`` (:func:`measured_months`) is measured:
    ``"year"``, ``"half"`` or ``"quarter"`` — from the spacing of the months, not their number, so
    a quarterly survey seen twice this year (3, 6) is still quarterly."""
    if len(months) < 2:
        return "year"
    gap = min(b - a for a, b in zip(months, months[1:]))
    return "year" if gap >= 12 else "half" if gap >= 6 else "quarter"


def next_measurement(actuals: Actuals, indicator_id: str, year: int, month: int, rules: dict[str, Any] | None = None) -> int | None:
    """The next month (after ``month``) in which a periodically measured indicator is measured;
    None when it is reported monthly or its last measurement of the year is done."""
    months = measured_months(actuals, indicator_id, year, rules)
    if months is None:
        return None
    later = [m for m in months if m > month]
    return later[0] if later else None


def monthly_reporters(project: Project, actuals: Actuals, year: int, rules: dict[str, Any] | None = None) -> tuple[str, ...]:
    """Indicators expected to report every month of ``year``: those with data of their own in that
    year or the year before, except periodically measured ones and totals derived from another."""
    out = []
    for ind in project.indicators:
        if ind.derived_from:
            continue
        if not (actuals.obs(ind.id, year).values or actuals.obs(ind.id, year - 1).values):
            continue
        if measured_months(actuals, ind.id, year, rules) is not None:
            continue
        out.append(ind.id)
    return tuple(out)


def month_coverage(project: Project, actuals: Actuals, budget: Budget, year: int, month: int,
                   rules: dict[str, Any] | None = None) -> MonthCoverage:
    """Who has reported ``year``-``month`` (see :class:`MonthCoverage`)."""
    expected = monthly_reporters(project, actuals, year, rules)
    reported = tuple(i for i in expected if month in actuals.obs(i, year).values)
    spending = None if not budget.has_data else (year, month) in budget.monthly
    return MonthCoverage(year, month, expected, reported, spending)


def year_reported(project: Project, actuals: Actuals, budget: Budget, year: int, rules: dict[str, Any] | None = None) -> bool:
    """Whether all of ``year``'s December is in: every indicator reported monthly
    (:func:`monthly_reporters`) with figures of its own in ``year`` has its December
    (:meth:`YearObs.given <analytics.core.series.YearObs.given>`), and so has the spending when the
    project records any. One indicator's December (or the spending's) settles only itself."""
    for ind_id in monthly_reporters(project, actuals, year, rules):
        obs = actuals.obs(ind_id, year)
        if (obs.values or obs.pending) and not obs.given(12):
            return False
    return not budget.has_data or spending_closed(budget, year, (year, 12))


def spend_month(budget: Budget, year: int, as_of: tuple[int, int]) -> int:
    """The month of ``year`` its spending runs to when judging at ``as_of`` (:meth:`Budget.data_month
    <analytics.core.series.Budget.data_month>` by the month that counts,
    :func:`analytics.core.calendar.data_month`), 0 when none of the year's is reported — never the
    as-of month for a year without spending: execution rates are compared with the time gone by
    then, and such a year is said to have none (the reports, ``status``, 总览 alike)."""
    month = cal.data_month(year, as_of)
    return (budget.data_month(year, month) or 0) if month else 0


def spending_closed(budget: Budget, year: int, as_of: tuple[int, int]) -> bool:
    """Whether ``year``'s spending is closed at ``as_of``: the year is over
    (:func:`analytics.core.calendar.year_over`) and its spending runs to December
    (:meth:`Budget.data_month <analytics.core.series.Budget.data_month>`). Only then do the budget
    parts of the pages and reports say what the year's execution was; as of December with spending
    to October its year-end is still a projection, said so (年末预计累计执行率…，12月支出尚未报送)."""
    return cal.year_over(year, as_of) and budget.data_month(year, 12) == 12


def default_as_of(project: Project, actuals: Actuals, budget: Budget, periods: Iterable[tuple[int, int]],
                  rules: dict[str, Any] | None = None) -> tuple[int, int] | None:
    """The as-of month to open the app on: the latest of ``periods`` that most indicators (and
    spending) have reported (:meth:`MonthCoverage.complete`); the latest period when none has."""
    ordered = sorted(set(periods))
    for y, m in reversed(ordered):
        if month_coverage(project, actuals, budget, y, m, rules).complete(rules):
            return (y, m)
    return ordered[-1] if ordered else None


def later_partial(project: Project, actuals: Actuals, budget: Budget, periods: Iterable[tuple[int, int]], as_of: tuple[int, int],
                  rules: dict[str, Any] | None = None) -> MonthCoverage | None:
    """The latest period after ``as_of`` that only some indicators have reported (the "9月已报
    2/40" banner), or None."""
    later = [p for p in sorted(set(periods)) if p > tuple(as_of)]
    return month_coverage(project, actuals, budget, *later[-1], rules) if later else None
