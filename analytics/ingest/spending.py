"""The checks across the rows of a spending table (万元, by funding source): 合计 rows against the
sum of the sources, amounts that grow as running totals without a 口径 column, and one basis per
source and year (year-to-date totals become monthly amounts). The rows themselves are read by
:mod:`analytics.ingest.budget`; each record is a dict with ``source, year, month, first_month,
amount, basis, row, col_index, period_key, value_column, value_text``."""

from __future__ import annotations

from typing import Any, Mapping

from analytics.core.values import number_text
from analytics.ingest.problems import Collector

TOTAL_TOLERANCE = 0.01


def check_totals(ctx: Collector, records: list[dict[str, Any]], totals: list[dict[str, Any]]) -> None:
    """Total rows of a long (or by-month) table against the sum of the sources (a warning)."""
    if not totals or ctx.has_errors:
        return
    sums: dict[tuple[str, str], float] = {}
    for rec in records:
        key = (rec["period_key"], rec["basis"])
        sums[key] = sums.get(key, 0.0) + rec["amount"]
    for t in totals:
        if t["key"] in sums and abs(t["amount"] - sums[t["key"]]) > TOTAL_TOLERANCE:
            ctx.add("total_mismatch", row=t["row"], column=t["column"], value=t["text"], severity="warning",
                    sum=round(sums[t["key"]], 6), diff=round(t["amount"] - sums[t["key"]], 6))


def check_cumulative(ctx: Collector, records: list[dict[str, Any]], budgets: Mapping[str, float],
                     summed: bool = False) -> None:
    """A table without a 口径 column whose source's amounts never fall over three months or more (and
    whose headers or source cells do not write 当月 after the source's name) reads them as each
    month's spending, summed, unless they are plainly running totals:

    * summed they pass the source's whole budget while read as year-to-date totals they do not:
      refused (``cumulative_over_budget``);
    * they grow as a total from January does (the last month at least ``cumulative_ratio`` × months ×
      the first) and, summed, they would have spent more than ``cumulative_pace`` times the share of
      the budget the months gone make (by March, 2 × 3/12 of it): read as year-to-date totals, said
      (``cumulative_read``) — never when a 合计 row sums them (``summed``);
    * they grow as a total does, no more: read as monthly amounts, said (``cumulative_suspect``),
      suggesting a 口径 column with 累计."""
    by_series: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for rec in records:
        by_series.setdefault((rec["source"], rec["year"]), []).append(rec)
    limits = ctx.limits
    for (src, year), recs in sorted(by_series.items()):
        recs = sorted(recs, key=lambda r: (r["month"], r["row"], r["col_index"]))
        months = [r["month"] for r in recs]
        if (len(recs) < 3 or any(r["basis"] != "month" or r["first_month"] != r["month"] or r.get("named") for r in recs)
                or len(set(months)) != len(months)):
            continue
        amounts = [r["amount"] for r in recs]
        if any(b < a for a, b in zip(amounts, amounts[1:])) or amounts[-1] <= amounts[0]:
            continue
        total, budget = sum(amounts), budgets.get(src)
        params = dict(rows=[r["row"] for r in recs], year=year, source=src, months=len(recs),
                      first=number_text(amounts[0]), last=number_text(amounts[-1]), sum=number_text(round(total, 6)))
        last = recs[-1]
        if budget and total > limits.budget_ratio * budget >= amounts[-1]:
            ctx.add("cumulative_over_budget", row=last["row"], value=last["value_text"], budget=number_text(budget),
                    **params)
            continue
        if not (amounts[0] > 0 and amounts[-1] / amounts[0] >= limits.cumulative_ratio * last["month"] / recs[0]["month"]):
            continue
        pace = budget * limits.cumulative_pace * last["month"] / 12 if budget else None
        if pace is not None and total > pace and not summed:
            for rec in recs:
                rec["basis"] = "ytd"  # one basis for the year: to_monthly makes them monthly amounts
            ctx.add("cumulative_read", row=last["row"], value=last["value_text"], severity="warning",
                    budget=number_text(budget), share=number_text(round(100 * total / budget, 1)),
                    elapsed=number_text(round(100 * last["month"] / 12, 1)), **params)
        else:
            ctx.add("cumulative_suspect", row=last["row"], value=last["value_text"], severity="warning", **params)


def to_monthly(ctx: Collector, records: list[dict[str, Any]]) -> None:
    """One basis per source and year: monthly amounts. A year-to-date series becomes monthly amounts
    by differencing (a total that falls is ``ytd_decrease``). A year given partly as totals (累计),
    partly as amounts (当月 / 当季) is put together as an actuals year is (a total stands on its own;
    an amount adds to the total before its first month): each total less what came before it, said
    once (``basis_converted``); an amount for months a total already holds is left out when it agrees
    with it. Where the two disagree — an amount that is not what the totals around it make, a total
    below the amounts before it — there is no telling which is meant: refused (``mixed_basis``)."""
    by_series: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for rec in records:
        by_series.setdefault((rec["source"], rec["year"]), []).append(rec)
    left_out: set[int] = set()
    for (src, year), recs in sorted(by_series.items()):
        if all(r["basis"] != "ytd" for r in recs):
            continue
        recs.sort(key=lambda r: (r["month"], r["basis"] != "ytd", r["row"], r["col_index"]))
        series = _Series(ctx, src, year)
        if not all(series.take(rec) for rec in recs):
            continue
        left_out.update(map(id, series.agreed))
        if series.converted and any(r["basis"] != "ytd" for r in recs):
            rows = sorted({r["row"] for r in series.converted})
            ctx.add("basis_converted", row=rows[0], rows=rows, severity="warning", year=year, source=src,
                    agreed=len(series.agreed))
    records[:] = [r for r in records if id(r) not in left_out]


class _Series:
    """One source's year put together month by month: the total known at the end of each month
    (with the row that gave it), the months covered so far, and the records changed or left out."""

    def __init__(self, ctx: Collector, source: str, year: int) -> None:
        self.ctx, self.source, self.year = ctx, source, year
        self.known: dict[int, tuple[float, dict[str, Any] | None]] = {0: (0.0, None)}  # month → (total, its record)
        self.covered = 0
        self.converted: list[dict[str, Any]] = []
        self.agreed: list[dict[str, Any]] = []

    @property
    def running(self) -> float:
        return self.known[self.covered][0]

    def take(self, rec: dict[str, Any]) -> bool:
        """Put ``rec`` into the year; False (said) when it cannot be."""
        first, month, value = rec["first_month"], rec["month"], rec["amount"]
        last = self.known[self.covered][1]
        if rec["basis"] == "ytd":
            if month <= self.covered:
                return True  # a second total for the month: a duplicate, reported above
            if value < self.running - 1e-9 and last is not None:
                if last["basis"] != "ytd":  # below the amounts before it
                    return self._conflict(rec, "below", self.running, [last])
                self.ctx.add("ytd_decrease", row=rec["row"], column=rec["value_column"], value=rec["value_text"],
                             prev_row=last["row"], prev_value=last["value_text"], prev_period=last["period_key"],
                             period=rec["period_key"], source=self.source)  # each fall said; the file is refused
            total = value
        else:
            base = self.known.get(first - 1) if first <= self.covered else self.known[self.covered]
            if base is None:  # it begins inside months a total holds together
                return self._conflict(rec, "inside", None, [last])
            total = base[0] + value
            if month <= self.covered:  # months a total already holds: it must agree with it
                held = self.known.get(month)
                if held is None or abs(held[0] - total) > TOTAL_TOLERANCE:
                    expected = None if held is None else held[0] - base[0]
                    return self._conflict(rec, "overlap", expected, [held[1] if held else last, base[1]])
                self.agreed.append(rec)
                return True
            if total < self.running - 1e-9:  # less than the totals already hold for its months
                return self._conflict(rec, "overlap", None, [last, base[1]])
        if rec["basis"] == "ytd" or first <= self.covered:  # a total, or an amount reaching back into one
            rec["ytd"] = total
            rec["amount"] = total - self.running
            rec["first_month"] = self.covered + 1
            self.converted.append(rec)
        self.known[month] = (total, rec)
        self.covered = month
        return True

    def _conflict(self, rec: dict[str, Any], kind: str, expected: float | None,
                  others: list[dict[str, Any] | None]) -> bool:
        rows = sorted({rec["row"], *(o["row"] for o in others if o)})
        self.ctx.add("mixed_basis", row=rec["row"], column=rec["value_column"], value=rec["value_text"], rows=rows,
                     year=self.year, source=self.source, conflict=kind, basis=rec["basis"], period=rec["period_key"],
                     expected=None if expected is None else number_text(round(expected, 6)))
        return False
