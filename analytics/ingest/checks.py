"""Checks shared by the actuals and budget rules: columns (duplicates, period headers, missing
fields), duplicate rows, and the result of one file."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Callable, Mapping

import pandas as pd

from analytics.core.series import flow_totals
from analytics.core.values import Period, number_text
from analytics.ingest.problems import Collector, IngestResult, Problem
from analytics.ingest.schema import (
    ACTUALS_COLUMNS,
    BUDGET_COLUMNS,
    DTYPES,
    colname,
    dotted_reading,
    empty_frame,
    is_future,
    month_in_year,
    period_key,
    yearless_month,
)


def check_column_duplicates(ctx: Collector, fields: Mapping[str, list[dict[str, Any]]], header_row: int) -> None:
    for name, cols in fields.items():
        if len(cols) > 1:
            label = name[4:] if name.startswith("src:") else name
            ctx.add("duplicate_column", row=header_row, column=colname(cols[1]), value=cols[1]["header"],
                    columns=[colname(c) for c in cols], field=label, header_row=header_row)


def check_period_headers(
    ctx: Collector,
    periods: list[tuple[dict[str, Any], Period]],
    bad: list[dict[str, Any]],
    header_row: int,
    today: _dt.date | None,
) -> list[tuple[dict[str, Any], Period]]:
    yearless = [col for col in bad if yearless_month(col["header"])]  # 1月, 2月 … with no year named anywhere: said once
    if yearless:
        ctx.add("month_without_year", row=header_row, column=colname(yearless[0]), value=yearless[0]["header"],
                columns=[colname(c) for c in yearless])
    for col in bad:
        if col.get("dotted") == "ambiguous":
            ctx.add("period_ambiguous", row=header_row, column=colname(col), value=col["header"], year=col["header"][:4])
        elif col not in yearless:
            ctx.add("bad_period", row=header_row, column=colname(col), value=col["header"], header=True)
    usable: list[tuple[dict[str, Any], Period]] = []
    taken: dict[tuple[int, int], dict[str, Any]] = {}
    for col, p in periods:
        clash = [taken[(p.year, m)] for m in range(p.first_month, p.month + 1) if (p.year, m) in taken]
        if clash:
            ctx.add("duplicate_column", row=header_row, column=colname(col), value=col["header"],
                    columns=[colname(clash[0]), colname(col)], field="period", header_row=header_row)
            continue
        for m in range(p.first_month, p.month + 1):
            taken[(p.year, m)] = col
        if col.get("dotted") == "october":
            ctx.add("period_read_as_october", row=header_row, column=colname(col), value=col["header"],
                    severity="warning", year=p.year)
        if is_future(p, today):
            ctx.add("future_period", row=header_row, column=colname(col), value=col["header"],
                    severity="warning", period=period_key(p), today=today)
        usable.append((col, p))
    return usable


def dotted_period(ctx: Collector, raw: str, style: str | None, rownum: int, column: str) -> Period | bool | None:
    """A period cell ``2024.1`` in a column whose other year.month numbers have two-digit months:
    October, said (``period_read_as_october``); False when the column cannot tell January from
    October (``period_ambiguous``, an error); None when it is read as written."""
    dotted = dotted_reading(raw, style)
    if dotted is None:
        return None
    if isinstance(dotted, Period):
        ctx.add("period_read_as_october", row=rownum, column=column, value=raw.strip(), severity="warning",
                year=dotted.year)
        return dotted
    ctx.add("period_ambiguous", row=rownum, column=column, value=raw.strip(), year=raw.strip()[:4])
    return False


def report_missing(ctx: Collector, frame: pd.DataFrame, missing: list[str], example: str) -> None:
    header_row = frame.attrs.get("header_row", 1)
    found = [c["header"] or c["letter"] for c in frame.attrs.get("columns", [])]
    code = "merged_header" if frame.attrs.get("merged_header") else "missing_columns"
    ctx.add(code, row=header_row, missing=missing, found=[f[:40] for f in found[:20]], header_row=header_row,
            example=example)


def _months(rec: Mapping[str, Any]) -> range:
    if rec["basis"] == "month":
        return range(rec["first_month"], rec["month"] + 1)
    return range(rec["month"], rec["month"] + 1)


def _duplicate_groups(records: list[dict[str, Any]], key: str) -> list[list[dict[str, Any]]]:
    """Groups of records that give the same thing (``key``) for overlapping periods and the same basis."""
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    slots: dict[tuple[Any, ...], int] = {}
    for i, rec in enumerate(records):
        for m in _months(rec):
            slot = (rec[key], rec["basis"], rec["year"], m)
            if slot in slots:
                a, b = find(slots[slot]), find(i)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                slots[slot] = i
    comps: dict[int, list[dict[str, Any]]] = {}
    for i in range(len(records)):
        comps.setdefault(find(i), []).append(records[i])
    return [c for c in comps.values() if len(c) > 1]


def report_duplicates(
    ctx: Collector, records: list[dict[str, Any]], key: str, extra: Callable[[Any], dict[str, Any]]
) -> None:
    groups = _duplicate_groups(records, key)
    merged: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for group in groups:
        rows = tuple(sorted({r["row"] for r in group}))
        merged.setdefault((group[0][key], group[0]["basis"], rows), []).extend(group)
    for (item, basis, rows), group in sorted(merged.items(), key=lambda kv: (kv[0][2], str(kv[0][0]), kv[0][1])):
        group = sorted(group, key=lambda r: (r["row"], r["col_index"]))
        last = group[-1]
        periods = sorted({r["period_key"] for r in group})
        columns = sorted({r["period_column"] for r in group}) if len(rows) == 1 else []
        ctx.add(
            "duplicate",
            row=last["row"],
            column=last["period_column"] if len(rows) == 1 else None,
            value=last["period_text"],
            rows=list(rows),
            periods=periods,
            written=sorted({r["period_text"] for r in group}),
            basis=basis,
            key=key if key != "indicator_id" else "indicator",
            columns=columns,
            **extra(item),
        )


def make_result(
    kind: str, layout: str, ctx: Collector, records: list[dict[str, Any]] | None, columns: list[str]
) -> IngestResult:
    problems = ctx.finish()
    ok = not any(p.severity == "error" for p in problems)
    frame = empty_frame(columns)
    if ok and records:
        frame = pd.DataFrame([{c: r[c] for c in columns} for r in records], columns=columns)
        frame = frame.astype({c: DTYPES[c] for c in columns}).reset_index(drop=True)
    return IngestResult(ok, problems, frame, kind, layout)


def fail(kind: str, ctx: Collector) -> IngestResult:
    columns = ACTUALS_COLUMNS if kind == "actuals" else BUDGET_COLUMNS
    return IngestResult(False, ctx.finish(), empty_frame(columns), kind, "unknown")


def assumed_year(ctx: Collector, frame: pd.DataFrame, records: list[dict[str, Any]], header_row: int) -> None:
    """Say once that months written without a year were read in the year the table's title, sheet
    or file names (``period_year_assumed``, with the first such month)."""
    year = frame.attrs.get("year_hint")
    first = next((r for r in records if month_in_year(r["period_text"], year)), None)
    if first is not None:
        ctx.add("period_year_assumed", row=header_row, severity="warning", value=first["period_text"], year=year,
                where=frame.attrs.get("year_hint_from"))


def against_stored(result: IngestResult, stored: pd.DataFrame, indicators: Mapping[str, Mapping[str, Any]],
                   filename: str) -> IngestResult:
    """A file that passed its own checks, checked with what the store already holds: a flow's
    year-to-date totals must not fall once the file's months join the stored ones (11月累计 17.9
    after a stored 10月累计 18.5: monthly figures typed as totals, or a slip) — ``ytd_decrease_stored``,
    located at the file's row; the file's own months replace the stored ones of the same month.
    ``stored``: the store's actuals (``indicator_id, year, month, value, basis, origin``); 示例数据
    rows are left out (the first real import removes them)."""
    if not result.ok or result.kind != "actuals" or result.data.empty or stored.empty:
        return result
    mine = result.data[(result.data["basis"] == "ytd")]
    mine = mine[[str(indicators.get(i, {}).get("kind")) == "flow" for i in mine["indicator_id"]]]
    if mine.empty:
        return result
    held = stored[(stored["basis"] == "ytd") & (stored.get("origin", pd.Series("", index=stored.index)) != "sample")]
    problems = list(result.problems)
    for (ind, year), rows in mine.groupby(["indicator_id", "year"], sort=True):
        ours = {int(r.month): r for r in rows.itertuples()}
        theirs = held[(held["indicator_id"] == ind) & (held["year"] == year) & (~held["month"].isin(list(ours)))]
        if theirs.empty:
            continue
        series = sorted([(m, float(r.value), r) for m, r in ours.items()]
                        + [(int(r.month), float(r.value), None) for r in theirs.itertuples()], key=lambda t: t[0])
        for (m0, v0, r0), (m1, v1, r1) in zip(series, series[1:]):
            if v1 < v0 - 1e-9 and (r0 is None) != (r1 is None):  # one side from the file, the other stored
                mine_row = r1 if r1 is not None else r0
                name = str(indicators.get(ind, {}).get("name") or ind)
                problems.append(Problem("ytd_decrease_stored", filename, int(mine_row.row), None, number_text(mine_row.value),
                                        params={"indicator": ind, "name": name, "year": int(year),
                                                "month": m1 if r1 is not None else m0,
                                                "stored_month": m0 if r1 is not None else m1,
                                                "stored_value": number_text(v0 if r1 is not None else v1)}))
                break
    if len(problems) == len(result.problems):
        return result
    return IngestResult(False, problems, result.data.iloc[0:0], result.kind, result.layout)


def report_gaps(result: IngestResult, stored: pd.DataFrame, indicators: Mapping[str, Mapping[str, Any]],
                filename: str) -> IngestResult:
    """A file that passed, checked for monthly amounts (当月) of a flow that cannot be summed: a month
    missing before them, in the file and in what the store holds (示例数据 aside), leaves them
    uncounted until a later year-to-date total (:func:`analytics.core.series.flow_totals`, the rule
    the pages sum by) — said, located at the first such row (``month_gap``, a warning: the
    missing month may come in a later file). ``stored``: the store's actuals, or an empty frame."""
    if not result.ok or result.kind != "actuals" or result.data.empty:
        return result
    data = result.data
    flows = {i for i in set(data["indicator_id"]) if str(indicators.get(i, {}).get("kind")) == "flow"}
    mine = data[data["indicator_id"].isin(flows)]
    if not (mine["basis"] == "month").any():
        return result
    held = stored
    if not held.empty:
        held = held[held["indicator_id"].isin(flows)]
        if "origin" in held.columns:
            held = held[held["origin"] != "sample"]
    problems = list(result.problems)
    for (ind, year), rows in mine.groupby(["indicator_id", "year"], sort=True):
        if not (rows["basis"] == "month").any():
            continue
        ours = {int(r.month): r for r in rows.itertuples()}
        theirs = held[(held["indicator_id"] == ind) & (held["year"] == year) & (~held["month"].isin(list(ours)))] \
            if not held.empty else held
        every = [(int(r.month), int(r.first_month), float(r.value), str(r.basis)) for r in theirs.itertuples()] + \
            [(m, int(r.first_month), float(r.value), str(r.basis)) for m, r in ours.items()]
        totals = {m: (f, v) for m, f, v, b in every if b != "month"}
        amounts = {m: (f, v) for m, f, v, b in every if b == "month"}
        for missing, uncounted in flow_totals(totals, amounts)[1]:
            in_file = [m for m in uncounted if m in ours]
            if not missing or not in_file:
                continue
            first = ours[in_file[0]]
            problems.append(Problem("month_gap", filename, int(first.row), None, number_text(first.value), "warning",
                                    params={"indicator": ind, "name": str(indicators.get(ind, {}).get("name") or ind),
                                            "year": int(year), "gap_months": missing, "later_months": uncounted}))
    if len(problems) == len(result.problems):
        return result
    return IngestResult(result.ok, problems, result.data, result.kind, result.layout)


def before_start(result: IngestResult, start: tuple[int, int] | None, filename: str) -> IngestResult:
    """A spending file that passed, checked for months before the project's spending starts
    (``execution_start``, 2025年1月 for a table of 2025): such spending is no part of the project's
    execution (:class:`analytics.core.series.Budget` leaves it out), said once with its rows
    (``spending_before_start``, a warning: a month written wrong is corrected and imported again)."""
    if start is None or not result.ok or result.kind != "budget" or result.data.empty:
        return result
    data = result.data
    early = data[(data["year"] * 12 + data["month"]) < (int(start[0]) * 12 + int(start[1]))]
    if early.empty:
        return result
    rows = sorted({int(r) for r in early["row"]})
    problem = Problem("spending_before_start", filename, rows[0], None, None, "warning",
                      params={"rows": rows,
                              "start_year": int(start[0]), "start_month": int(start[1]),
                              "sum": number_text(round(float(early["amount"].sum()), 2))})
    return IngestResult(result.ok, [*result.problems, problem], result.data, result.kind, result.layout)
