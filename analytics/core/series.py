"""Monthly actuals and spending, normalised for computation.

Input frames are the validator's normalised output (see :mod:`analytics.ingest.validate`):

* actuals: ``indicator_id, year, month, first_month, value, basis, note, source``
* budget:  ``year, month, first_month, source, amount`` (monthly amounts in 万元)

For every indicator and year this module keeps *observations*: for flows the year-to-date
total known at a month (``ytd``), for every other kind the level at the end of the month.
Rules (README, "实际数据格式"):

* ``ytd`` rows are taken as written; a combined period (1-2月) is simply a February YTD.
* ``month`` rows are summed from January; the YTD at month m is known only when every
  month 1..m is present (a combined row covers its months). A gap leaves later months unknown
  rather than guessing.
* ``level`` rows are the level at the end of that month.
* When both a ``ytd`` and a summed ``month`` figure exist for a month, the ``ytd`` row wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import pandas as pd

from analytics.core.model import Indicator, Project

ACTUAL_COLUMNS = ["indicator_id", "year", "month", "first_month", "value", "basis", "note", "source"]
BUDGET_COLUMNS = ["year", "month", "first_month", "source", "amount"]


def empty_actuals() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in ACTUAL_COLUMNS})


def empty_budget() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in BUDGET_COLUMNS})


@dataclass
class YearObs:
    """Observations of one indicator in one year: month → YTD (flows) or level."""

    values: dict[int, float] = field(default_factory=dict)
    combined_until: dict[int, int] = field(default_factory=dict)  # month → first month it covers
    pending: dict[int, tuple[int, float]] = field(default_factory=dict)  # flows: month → (first month, amount) given after a gap

    def given(self, month: int) -> bool:
        """Whether a figure for ``month`` is in: a total or level, or a flow's month given after
        months missing (counted once they are given)."""
        return month in self.values or month in self.pending

    def latest(self, as_of_month: int) -> tuple[int, float] | None:
        months = [m for m in self.values if m <= as_of_month]
        if not months:
            return None
        m = max(months)
        return m, self.values[m]

    def monthly_amounts(self) -> dict[int, tuple[int, float]]:
        """For flows: month → (first month covered, amount) from consecutive YTD figures."""
        out: dict[int, tuple[int, float]] = {}
        prev_m, prev_v = 0, 0.0
        for m in sorted(self.values):
            out[m] = (prev_m + 1, self.values[m] - prev_v)
            prev_m, prev_v = m, self.values[m]
        return out

    def open_gap(self, as_of_month: int) -> tuple[list[int], list[int], float, float] | None:
        """For a flow whose year-to-date cannot be summed to ``as_of_month`` because months are
        missing (:func:`flow_totals`): (the months missing, the months given after them, what those
        add up to, and the least the year-to-date can be — the last total before the gap plus that,
        as the missing months can only add). None when nothing given is left uncounted."""
        latest = self.latest(as_of_month)
        known, base = latest if latest else (0, 0.0)
        after = sorted(m for m in self.pending if known < m <= as_of_month)
        if not after:
            return None
        covered = {c for m in after for c in range(self.pending[m][0], m + 1)}
        missing = [m for m in range(known + 1, after[-1] + 1) if m not in covered]
        given = sum(self.pending[m][1] for m in after)
        return missing, after, given, base + given


def flow_totals(totals: dict[int, tuple[int, float]], amounts: dict[int, tuple[int, float]]
                ) -> tuple[dict[int, tuple[int, float]], list[tuple[list[int], list[int]]]]:
    """A flow's year-to-date total at each month it is known, from its ``totals`` (累计: month →
    (first month, value)) and monthly ``amounts`` (当月, the same), and its gaps: (the months
    missing, the months of amounts after them left uncounted). A total stands on its own; a month's
    amount adds to the total of the month before it (a total, or amounts from January); after a gap
    nothing is guessed until the next total — so a year kept partly as totals, partly as amounts
    (累计 to January, 当月 after) runs on. The one rule of summing months, which the validator also
    uses to say which months a file leaves uncounted."""
    known: dict[int, tuple[int, float]] = {}
    gaps: list[tuple[list[int], list[int]]] = []
    total, expect, gap = 0.0, 1, False
    for m in sorted(set(totals) | set(amounts)):
        if m in totals:
            first, value = totals[m]
            total, expect, gap = value, m + 1, False
        else:
            first, value = amounts[m]
            if gap or first != expect:
                if not gap:
                    gaps.append((list(range(expect, first)), []))
                gaps[-1][1].append(m)
                gap = True
                continue
            total, expect = total + value, m + 1
        known[m] = (first, total)
    return known, gaps


class Actuals:
    """Observations per (indicator, year), built once from a normalised frame."""

    def __init__(self, project: Project, frame: pd.DataFrame | None) -> None:
        self.project = project
        self.frame = frame if frame is not None else empty_actuals()
        self._obs: dict[tuple[str, int], YearObs] = {}
        self._build()

    def _build(self) -> None:
        if self.frame.empty:
            return
        kinds = {ind.id: ind for ind in self.project.indicators}
        df = self.frame
        for (iid, year), grp in df.groupby(["indicator_id", "year"], sort=True):
            ind = kinds.get(str(iid))
            if ind is None:
                continue
            obs = YearObs()
            if ind.kind == "flow":
                totals = {int(r.month): (int(r.first_month), float(r.value)) for r in grp[grp["basis"] != "month"].itertuples()}
                amounts = {int(r.month): (int(r.first_month), float(r.value)) for r in grp[grp["basis"] == "month"].itertuples()}
                known, gaps = flow_totals(totals, amounts)
                for m, (first, total) in known.items():
                    obs.values[m] = total
                    if first != m:
                        obs.combined_until[m] = first
                obs.pending = {m: amounts[m] for _, later in gaps for m in later}
            else:
                for r in grp.itertuples():
                    obs.values[int(r.month)] = float(r.value)
            obs.values = dict(sorted(obs.values.items()))
            self._obs[(str(iid), int(year))] = obs

    # -- queries -------------------------------------------------------------------------
    def obs(self, indicator_id: str, year: int) -> YearObs:
        return self._obs.get((indicator_id, year), YearObs())

    def years(self, indicator_id: str) -> list[int]:
        return sorted(y for (i, y) in self._obs if i == indicator_id)

    def latest_period(self) -> tuple[int, int] | None:
        if not self._obs:
            return None
        return max((y, max(o.values)) for (_, y), o in self._obs.items() if o.values)

    def periods(self) -> list[tuple[int, int]]:
        return sorted({(y, m) for (_, y), o in self._obs.items() for m in o.values})

    def history(self, indicator_id: str, before_year: int) -> dict[int, dict[int, float]]:
        return {y: dict(self.obs(indicator_id, y).values) for y in self.years(indicator_id) if y < before_year}

    def year_end(self, indicator: Indicator, year: int) -> float | None:
        """The December figure of a year, from the monthly data or, failing that, the table's
        baseline data for that year (e.g. 2022年数据)."""
        obs = self.obs(indicator.id, year)
        if 12 in obs.values:
            return obs.values[12]
        base = indicator.baseline.get(year)
        if base is not None and base.value is not None:
            return base.value
        return None

    def notes(self, indicator_id: str, year: int | None = None) -> pd.DataFrame:
        df = self.frame[self.frame["indicator_id"] == indicator_id]
        if year is not None:
            df = df[df["year"] == year]
        return df.sort_values(["year", "month"])


class Budget:
    """Monthly spending by funding source; cumulative execution against the project budget."""

    def __init__(self, project: Project, frame: pd.DataFrame | None) -> None:
        self.project = project
        self.frame = frame if frame is not None else empty_budget()
        self.total = project.funding_amount
        monthly: dict[tuple[int, int], dict[str, float]] = {}
        for r in self.frame.itertuples():
            monthly.setdefault((int(r.year), int(r.month)), {}).setdefault(str(r.source), 0.0)
            monthly[(int(r.year), int(r.month))][str(r.source)] += float(r.amount)
        self.monthly = dict(sorted(monthly.items()))
        # The data store's year budgets (年度预算指标), (year, source) → 万元, when the store holds
        # some: set by the storage layer, read by analytics.budget.year_budget (None: file or derived).
        self.year_budgets: dict[tuple[int, str], float] | None = None

    @property
    def has_data(self) -> bool:
        return bool(self.monthly)

    @property
    def executable(self) -> bool:
        """Spending entered and a budget to divide it by: an execution rate, a projection and a
        chart of them can be given (spending entered for a table that states no funding has none)."""
        return self.has_data and bool(self.total)

    def latest_period(self) -> tuple[int, int] | None:
        return max(self.monthly) if self.monthly else None

    def counts(self, year: int, month: int) -> bool:
        """Whether spending of (year, month) is the project's execution: not before its funds start
        being spent (``execution_start``; earlier months, said on import by
        :func:`analytics.ingest.checks.before_start`, teach the monthly profile only)."""
        start = self.project.execution_start
        return not start or (year, month) >= tuple(start)

    def spent_by(self, year: int, month: int, sources: Iterable[str] | None = None) -> float:
        """Cumulative spending from the start of the project (:meth:`counts`) to the end of (year, month)."""
        keys = set(sources) if sources is not None else None
        total = 0.0
        for (y, m), by_src in self.monthly.items():
            if (y, m) <= (year, month) and self.counts(y, m):
                total += sum(v for s, v in by_src.items() if keys is None or s in keys)
        return total

    def spent_in_year(self, year: int, month: int = 12, source: str | None = None) -> float:
        return sum(
            v
            for (y, m), by_src in self.monthly.items()
            if y == year and m <= month
            for s, v in by_src.items()
            if source is None or s == source
        )

    def combined_months(self, year: int) -> frozenset[int]:
        """Months of ``year`` with no figure of their own, inside a record that covers several
        (a 自评表's year to date at December: January to November are in it, not 0)."""
        own = {m for (y, m) in self.monthly if y == year}
        out: set[int] = set()
        for r in self.frame.itertuples():
            if int(r.year) == year and int(r.first_month) < int(r.month):
                out.update(range(int(r.first_month), int(r.month)))
        return frozenset(out - own)

    def missing_months(self, year: int, month: int) -> tuple[int, ...]:
        """Months of ``year`` before the month its spending runs to at the end of ``month``
        (:meth:`data_month`) that have no figure: no row of their own and not inside a record
        covering several (:meth:`combined_months`) — from January, or from the month the funds
        start being spent (:meth:`counts`) in its year. A month never reported is not a month
        without spending: it is said (补报，没有支出的填 0), never read as 0.00. Empty when the
        year's spending runs without a hole or none of it is reported."""
        last = self.data_month(year, month)
        if not last:
            return ()
        own = {m for (y, m) in self.monthly if y == year}
        covered = own | set(self.combined_months(year))
        return tuple(m for m in range(1, last) if m not in covered and self.counts(year, m))

    def execution_rate(self, year: int, month: int) -> float | None:
        if not self.total:
            return None
        return 100.0 * self.spent_by(year, month) / self.total

    def data_month(self, year: int, month: int) -> int | None:
        """The month of ``year`` the spending figures run to at the end of ``month`` (the latest
        with a figure; None before any): execution and its 序时进度 are compared there — one rule
        for status, the pages, the forms and the slides (as of December with spending to October:
        October's 83.33%, never December's 100% beside October's rate)."""
        months = [m for (y, m) in self.monthly if y == year and m <= month]
        return max(months) if months else None

    def execution_levels(self, year: int) -> dict[int, float]:
        """Cumulative execution rate (%) at the end of each month of ``year`` with data."""
        out = {}
        for (y, m) in self.monthly:
            if y == year:
                rate = self.execution_rate(y, m)
                if rate is not None:
                    out[m] = rate
        return out
