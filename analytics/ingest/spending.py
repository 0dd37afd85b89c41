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


def check_cumulative(ctx: Collector, records: list[dict[str, Any]], budgets: Mapping[str, float]) -> None:
    """A table without a 口径 column whose source's amounts never fall over three months or more reads
    them as each month's spending, summed: refused when so they pass the source's whole budget while
    read as year-to-date totals they do not (``cumulative_over_budget``); said when they grow as a
    total from January does (the last month at least ``cumulative_ratio`` × months × the first:
    ``cumulative_suspect``), suggesting a 口径 column with 累计."""
    by_series: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for rec in records:
        by_series.setdefault((rec["source"], rec["year"]), []).append(rec)
    for (src, year), recs in sorted(by_series.items()):
        recs = sorted(recs, key=lambda r: (r["month"], r["row"], r["col_index"]))
        months = [r["month"] for r in recs]
        if (len(recs) < 3 or any(r["basis"] != "month" or r["first_month"] != r["month"] for r in recs)
                or len(set(months)) != len(months)):
            continue
        amounts = [r["amount"] for r in recs]
        if any(b < a for a, b in zip(amounts, amounts[1:])) or amounts[-1] <= amounts[0]:
            continue
        total, budget = sum(amounts), budgets.get(src)
        params = dict(rows=[r["row"] for r in recs], year=year, source=src, months=len(recs),
                      first=number_text(amounts[0]), last=number_text(amounts[-1]), sum=number_text(round(total, 6)))
        last = recs[-1]
        if budget and total > ctx.limits.budget_ratio * budget >= amounts[-1]:
            ctx.add("cumulative_over_budget", row=last["row"], value=last["value_text"], budget=number_text(budget),
                    **params)
        elif amounts[0] > 0 and amounts[-1] / amounts[0] >= ctx.limits.cumulative_ratio * last["month"] / recs[0]["month"]:
            ctx.add("cumulative_suspect", row=last["row"], value=last["value_text"], severity="warning", **params)


def to_monthly(ctx: Collector, records: list[dict[str, Any]]) -> None:
    """One basis per source and year; a year-to-date series becomes monthly amounts by
    differencing (a total that falls is an error)."""
    by_series: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for rec in records:
        by_series.setdefault((rec["source"], rec["year"]), []).append(rec)
    for (src, year), recs in sorted(by_series.items()):
        bases = {r["basis"] for r in recs}
        if len(bases) > 1:
            rows = sorted({r["row"] for r in recs})
            last = max(recs, key=lambda r: (r["row"], r["col_index"]))
            ctx.add("mixed_basis", row=last["row"], column=None, value=None, rows=rows, year=year, source=src)
            continue
        if bases != {"ytd"}:
            continue
        recs.sort(key=lambda r: (r["month"], r["row"], r["col_index"]))
        prev: dict[str, Any] | None = None
        for rec in recs:
            if prev is not None and rec["month"] == prev["month"]:
                continue  # a duplicate, reported above
            ytd = rec["amount"]
            if prev is not None and ytd < prev["ytd"] - 1e-9:
                ctx.add("ytd_decrease", row=rec["row"], column=rec["value_column"], value=rec["value_text"],
                        prev_row=prev["row"], prev_value=prev["value_text"], prev_period=prev["period_key"],
                        period=rec["period_key"], source=src)
            rec["ytd"] = ytd
            rec["amount"] = ytd - (prev["ytd"] if prev is not None else 0.0)
            rec["first_month"] = prev["month"] + 1 if prev is not None else 1
            prev = rec
