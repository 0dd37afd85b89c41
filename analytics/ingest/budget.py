"""The rules of a budget-spending table (万元): long (period, source, amount), wide by source
(one column per funding source, optional total) or wide by month (one row per source); totals
against the sum of the sources; one basis per source and year; year-to-date → monthly.

:func:`ingest_budget_frame` runs the steps in order: find the layout (:func:`_layout`), check the
header (:func:`_check_header`), read each row (:class:`_Rows`), then the checks across rows
(:func:`report_duplicates`, and :mod:`analytics.ingest.spending`: totals, running totals, one basis).
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Mapping, Sequence

import pandas as pd

from analytics.core.values import Period, normalize_text, number_text
from analytics.ingest.checks import (
    assumed_year,
    check_column_duplicates,
    check_period_headers,
    dotted_period,
    fail,
    make_result,
    report_duplicates,
    report_missing,
)
from analytics.ingest.problems import Collector, IngestResult
from analytics.ingest.schema import (
    ACTUALS_ALIASES,
    BUDGET_ALIASES,
    BUDGET_COLUMNS,
    SOURCE_ALIASES,
    Col,
    RowCells,
    SourceLookup,
    bracket_basis,
    colname,
    dotted_style,
    header_scale,
    header_unit,
    is_blank,
    is_dash,
    is_future,
    is_total_label,
    map_columns,
    norm_header,
    parse_basis,
    parse_period_cell,
    period_key,
    read_in_unit,
    split_basis,
    stated_unit,
    unit_scale,
    with_unit,
)
from analytics.ingest.spending import TOTAL_TOLERANCE, check_cumulative, check_totals, to_monthly

def _named(sources: Sequence[str] | Mapping[str, str]) -> dict[str, str]:
    """Each source's key, and its project's own name when ``sources`` maps keys to names (a project
    made on 新建项目 keeps 中央补助 under ``s1``), lower-cased and normalised → the key."""
    out = {normalize_text(s).lower(): str(s) for s in sources}
    if isinstance(sources, Mapping):
        out.update({norm_header(str(name)): str(key) for key, name in sources.items() if str(name or "").strip()})
    return out


def _source_lookup(sources: Sequence[str] | Mapping[str, str]) -> SourceLookup:
    """The one rule that finds the funding source a header or a source cell names, and the basis it
    writes after the name: the source's key or the project's own name of it, a standard name
    (中央补助, 地方资金 …), else a source's name as the lexicon knows it (``facts.sources``; its key by
    ``facts.source_keys``: 省级财政资金 → ``provincial``) when one of the project's sources has that key
    or a name of that key; then the same once a 累计 / 当月 / 本月 … after, in brackets after or before
    it is set aside (``中央补助累计``, ``省级资金累计支出``, ``中央补助（累计）``, ``累计中央补助``:
    :func:`split_basis`)."""
    from analytics.ingest.tables.facts import source_key
    from analytics.ingest.tables.lexicon import load_lexicon

    exact, allowed, lex = _named(sources), set(map(str, sources)), load_lexicon()
    label = re.compile(str(lex.facts.get("sources") or "(?!)"))
    by_key: dict[str | None, set[str]] = {key: {key} for key in allowed}  # provincial, or s2 named 省级资金
    for key, name in (sources.items() if isinstance(sources, Mapping) else []):
        if str(name or "").strip():
            by_key.setdefault(source_key(str(name), lex, None), set()).add(str(key))

    def named(raw: str) -> str | None:
        key, norm = normalize_text(raw).lower(), norm_header(raw)
        if key in exact or norm in exact:
            return exact.get(key) or exact[norm]
        canonical = SOURCE_ALIASES.get(norm)
        return canonical if canonical in allowed else None

    def known(raw: str) -> str | None:
        norm = norm_header(raw)
        hits = by_key.get(source_key(norm, lex, None), set()) if norm and label.search(norm) else set()
        return next(iter(hits)) if len(hits) == 1 else None

    def lookup(raw: str) -> tuple[str | None, str | None]:
        found = named(raw)  # a project's own name is taken whole, whatever it ends with (a basis in brackets aside)
        if found is not None:
            return found, bracket_basis(raw)
        stem, basis = split_basis(raw)
        found = (named(stem) or known(stem)) if basis else None
        return (found, basis) if found is not None else (known(raw), None)

    return lookup


def _without_source(ctx: Collector, fields: dict[str, list[Col]], other: list[Col],
                    sources: Sequence[str] | Mapping[str, str], header_row: int
                    ) -> tuple[dict[str, list[Col]], list[Col]] | None:
    """(fields, unrecognised columns) of a table whose amount columns (金额, 支出金额, 累计支出, 当月支出)
    name no source. Beside a source column they are its amounts; beside the sources' columns one
    that writes a basis (累计支出 after 中央补助累计) stays unrecognised, as before; with neither, and one
    funding source, they are that source's columns (a 累计 and a 当月 one each of its basis); with
    several there is no telling each source's spending (the store keeps spending by source, never a
    total), so the table is refused once (``spending_unsplit``), as a total no source takes is
    (``total_unsplit``): None."""
    keys = list(map(str, sources))
    if "amount" not in fields or "source" in fields:
        return fields, other
    if any(k.startswith("src:") for k in fields):
        kept = [c for c in fields["amount"] if not c.get("basis")]
        moved = [c for c in fields["amount"] if c.get("basis")]
        rest = {k: v for k, v in fields.items() if k != "amount"}
        return ({**rest, "amount": kept} if kept else rest), sorted(other + moved, key=lambda c: c["index"])
    if len(keys) == 1:
        return {**{k: v for k, v in fields.items() if k != "amount"}, f"src:{keys[0]}": fields["amount"]}, other
    if "period" not in fields:
        return fields, other  # the missing columns are said
    col = fields["amount"][0]
    names = {"allowed_names": [str(sources[k]) for k in keys]} if isinstance(sources, Mapping) else {}
    ctx.add("spending_unsplit", row=header_row, column=colname(col), allowed=keys, allowed_kind="source", **names)
    return None


def _layout(fields: Mapping[str, list[Col]], source_cols: list[tuple[Col, str]], has_period_headers: bool
            ) -> tuple[str, str, list[str]]:
    """(layout, mode, missing fields): ``long`` (an amount column), ``by_source`` (one column per
    source), ``by_month`` (a source column and month columns)."""
    if "amount" in fields:
        return "long", "long", [f for f in ("period", "source") if f not in fields]
    if source_cols:
        return "wide", "by_source", [] if "period" in fields else ["period"]
    if "source" in fields and has_period_headers and "period" not in fields:
        return "wide", "by_month", []
    return "long", "long", [f for f in ("period", "source", "amount") if f not in fields]


def _check_header(ctx: Collector, fields: Mapping[str, list[Col]], source_cols: list[tuple[Col, str]],
                  other: list[Col], mode: str, header_row: int) -> None:
    """Repeated columns (a source's: of one basis), unrecognised columns (a warning), and a unit other
    than 万元 in a header."""
    check_column_duplicates(ctx, {k: v for k, v in fields.items() if not k.startswith("src:")}, header_row)
    for name, cols in fields.items():
        for basis in dict.fromkeys(c.get("basis") for c in cols) if name.startswith("src:") else ():
            check_column_duplicates(ctx, {name: [c for c in cols if c.get("basis") == basis]}, header_row)
    if other:
        ctx.add("ignored_columns", row=header_row, severity="warning", columns=[colname(c) for c in other],
                header_row=header_row, example="budget" if mode == "long" else "budget_wide")
    for c in [c for name in ("amount", "total") for c in fields.get(name, [])[:1]] + [c for c, _ in source_cols]:
        scale = header_scale(c["header"], "万元")  # 金额（元）: converted, said once; 金额（个）: read as 万元, said
        if scale != 1.0:
            ctx.add("unit_converted" if scale else "unit_mismatch", row=header_row, column=colname(c),
                    value=header_unit(c["header"]), severity="warning", expected="万元", subject="budget",
                    factor=number_text(scale or 0))


class _Rows(RowCells):
    """Reads the rows of one budget table: cells, amounts, sources, bases and periods, each with
    its located problem; collects the records and the total rows."""

    def __init__(self, frame: pd.DataFrame, ctx: Collector, fields: Mapping[str, list[Col]],
                 sources: Sequence[str] | Mapping[str, str], today: _dt.date | None,
                 budgets: Mapping[str, float] | None = None) -> None:
        super().__init__(frame, fields)
        self.ctx, self.today = ctx, today
        self.year = frame.attrs.get("year_hint")  # 1月 read in the year the title names
        self.in_unit = {colname(c): header_unit(c["header"]) for c in frame.attrs.get("columns", [])  # 金额（元）: converted
                        if header_scale(c["header"], "万元") not in (None, 1.0)}
        title = str(frame.attrs.get("unit_hint") or "")  # 「…（单位：元）」 above the header: every plain amount
        self.title_unit = title if unit_scale(title, "万元") not in (None, 1.0) else ""
        self.row_unit = ""  # 元 in this row's 单位 cell, or 单位：元 in its note: the row's plain amounts
        self.stated: dict[str, list[tuple[int, str]]] = {"unit_column": [], "note": []}  # (row, unit) converted from
        self.other_unit: tuple[int, str] | None = None  # the first 单位 cell of a unit 万元 is not another scale of
        self.over_budget: list[dict[str, Any]] = []  # amounts above their source's whole budget: said once, in 元?
        self.budgets = {str(k): float(v) for k, v in (budgets or {}).items() if v and float(v) > 0}
        pcol = self.col.get("period")
        self.dotted = dotted_style(frame[pcol["label"]].tolist()) if pcol is not None else None  # 2024.09, 2024.1
        self.lookup = _source_lookup(sources)
        self.allowed_sources = list(map(str, sources))
        self.source_names = [str(sources[k]) for k in self.allowed_sources] if isinstance(sources, Mapping) else []
        self.records: list[dict[str, Any]] = []
        self.totals: list[dict[str, Any]] = []
        self.total_rows: list[dict[str, Any]] = []  # 合计 rows in place of a month
        self.blanks: list[tuple[int, str, str, Period | None]] = []  # rows with a month and no amount

    def unit_of_row(self, rowvals: list[Any], note: str, rownum: int) -> None:
        """The unit this row's 单位 cell, else its note (备注「单位：元」), states, when it is one 万元
        converts from; a 单位 cell of another unit altogether is noted (read in 万元, said once)."""
        written = self.cell(rowvals, self.field("unit")).strip()
        where, unit = ("unit_column", written) if written else ("note", stated_unit(note))
        scale = unit_scale(unit, "万元") if unit else 1.0
        self.row_unit = unit if scale not in (None, 1.0) else ""
        if self.row_unit:
            self.stated[where].append((rownum, unit))
        elif scale is None and where == "unit_column" and self.other_unit is None:
            self.other_unit = (rownum, unit)

    def amount(self, raw: str, rownum: int, column: str, src: str | None) -> float | None:
        unit = self.in_unit.get(column) or self.row_unit or self.title_unit  # 30000 under 金额（元）, or 单位：元
        written = with_unit(raw, unit)
        number, code, words = read_in_unit(written, "万元")  # 3000万元, or 30000000元 for an amount in 万元
        extra = {"source": src} if src else {"subject": "budget"}
        if code is not None:
            self.ctx.add(code, row=rownum, column=column, value=written.strip(), **words, **extra)
            return None
        if words and written == raw:  # a header's unit is said once, for its column
            self.ctx.add("value_unit", row=rownum, column=column, value=raw.strip(), severity="warning", **words, **extra)
        assert number is not None
        if number < 0:
            self.ctx.add("negative", row=rownum, column=column, value=raw.strip(), **extra)
            return None
        plausible = self.ctx.limits.plausible_max("万元")
        if number > plausible:
            self.ctx.add("implausible", row=rownum, column=column, value=raw.strip(), max=plausible, unit="万元",
                         **extra)
            return None
        budget = self.budgets.get(src) if src else (sum(self.budgets.values()) or None)
        if budget and written == raw and not words and number > self.ctx.limits.budget_ratio * budget:
            self.over_budget.append(dict(row=rownum, column=column, value=raw.strip(), budget=number_text(budget),
                                         converted=number_text(round(number / 1e4, 6)), **extra))  # 3010000 for 10000万元
            return None
        return number

    def source(self, raw: str, rownum: int, column: str) -> tuple[str | None, str | None]:
        """(the source a cell names, the basis it writes after the name: ``中央补助累计``)."""
        found, basis = self.lookup(raw)
        if found is None:
            names = {"allowed_names": self.source_names} if self.source_names else {}  # the project's own: 省级资金
            self.ctx.add("bad_source", row=rownum, column=column, value=raw.strip(), allowed=self.allowed_sources,
                         allowed_kind="source", **names)
        return found, basis

    def basis(self, rowvals: list[Any], rownum: int) -> str | None:
        basis_col = self.field("basis")
        raw = self.cell(rowvals, basis_col)
        if basis_col is None or is_blank(raw):
            return "month"
        basis = parse_basis(raw)
        if basis not in ("month", "ytd"):
            self.ctx.add("bad_basis", row=rownum, column=colname(basis_col), value=raw.strip(),
                         allowed=["month", "ytd"], default="month",
                         reason="unknown" if basis is None else "not_allowed")
            return None
        return basis

    def period(self, rowvals: list[Any], rownum: int) -> tuple[Period | None, str]:
        period_col = self.field("period")
        raw = self.cell(rowvals, period_col)
        dotted = dotted_period(self.ctx, raw, self.dotted, rownum, colname(period_col))
        if dotted is False:
            return None, raw
        period, perr = (dotted, None) if dotted is not None else parse_period_cell(raw, self.year)
        if perr is not None:
            self.ctx.add(perr, row=rownum, column=colname(period_col), value=raw.strip())
            return None, raw
        if is_future(period, self.today):
            self.ctx.add("future_period", row=rownum, column=colname(period_col), value=raw.strip(),
                         severity="warning", period=period_key(period), today=self.today)
        return period, raw

    def record(self, period: Period, src: str, amount: float, basis: str, note: str, rownum: int,
               c: Mapping[str, Any], praw: str, pcol: str, vraw: str, named: bool = False) -> None:
        """One amount; ``named``: its basis is written after its source's name (``中央补助累计``)."""
        self.records.append({
            "source": src, "year": period.year, "month": period.month, "first_month": period.first_month,
            "amount": float(amount), "basis": basis, "note": note, "row": rownum, "col_index": c["index"],
            "period_key": period_key(period), "period_text": praw.strip(), "period_column": pcol,
            "value_column": colname(c), "value_text": vraw.strip(), "named": named,
        })

    def total(self, key: tuple[str, str], amount: float, rownum: int, column: str, text: str) -> None:
        self.totals.append({"key": key, "amount": amount, "row": rownum, "column": column, "text": text.strip()})

    # ------------------------------------------------------------------ one row per layout
    def blank(self, rownum: int, column: str, raw: str, period_text: str) -> None:
        """A row with a month but no amount: said at the end (:meth:`said_blanks`), unless its month is
        after the last month with an amount (a template's months not yet due)."""
        self.blanks.append((rownum, column, raw.strip(), parse_period_cell(period_text, self.year)[0]))

    def said_blanks(self) -> None:
        last = max(((r["year"], r["month"]) for r in self.records), default=None)
        for rownum, column, raw, period in self.blanks:
            if last is not None and period is not None and (period.year, period.first_month) > last:
                continue  # a month still to come in a template filled to date: nothing to say
            self.ctx.add("blank_value", row=rownum, column=column, value=raw, severity="warning", dash=raw or None)

    def total_row(self, rownum: int, rowvals: list[Any], cells: list[tuple[Col, str | None]]) -> bool:
        """Whether the row's period cell is a 合计 / 总计 / 小计 label: the row is a sum, skipped (said at
        the end, each amount checked against the sum of its column's rows: :func:`_check_total_rows`)."""
        period_col = self.field("period")
        raw = self.cell(rowvals, period_col)
        if period_col is None or not is_total_label(raw):
            return False
        kept = [(c, src, self.cell(rowvals, c)) for c, src in cells]
        self.total_rows.append({"row": rownum, "column": colname(period_col), "text": raw.strip(), "cells": kept})
        return True

    def long_row(self, rownum: int, rowvals: list[Any], note: str) -> None:
        period_col, source_col, amount_col = self.field("period"), self.field("source"), self.field("amount")
        if self.total_row(rownum, rowvals, []):
            return
        sraw, araw = self.cell(rowvals, source_col), self.cell(rowvals, amount_col)
        if is_blank(araw) or is_dash(araw):
            if not is_blank(self.cell(rowvals, period_col)) or not is_blank(sraw):
                self.blank(rownum, colname(amount_col), araw, self.cell(rowvals, period_col))
            return
        period, praw = self.period(rowvals, rownum)
        written = amount_col.get("basis")  # 累计支出: the header's basis, the 口径 column's for one that writes none
        basis = self.basis(rowvals, rownum)
        basis = written or basis
        if is_total_label(sraw):
            number = self.amount(araw, rownum, colname(amount_col), None)
            if number is not None and period is not None and basis is not None:
                self.total((period_key(period), basis), number, rownum, colname(amount_col), araw)
            return
        src, named = self.source(sraw, rownum, colname(source_col))
        number = self.amount(araw, rownum, colname(amount_col), src)
        basis = named or basis
        if period is not None and src is not None and number is not None and basis is not None:
            self.record(period, src, number, basis, note, rownum, amount_col, praw, colname(period_col), araw,
                        bool(named or written))

    def by_source_row(self, rownum: int, rowvals: list[Any], note: str, source_cols: list[tuple[Col, str]]) -> None:
        period_col, total_col = self.field("period"), self.field("total")
        if self.total_row(rownum, rowvals, list(source_cols)):
            return
        cells_here = [(c, s, self.cell(rowvals, c)) for c, s in source_cols]
        traw = self.cell(rowvals, total_col)
        if all(is_blank(v) or is_dash(v) for _, _, v in cells_here) and is_blank(traw):
            if not is_blank(self.cell(rowvals, period_col)):
                self.blank(rownum, colname(source_cols[0][0]), "", self.cell(rowvals, period_col))
            return
        period, praw = self.period(rowvals, rownum)
        basis = self.basis(rowvals, rownum)
        if all(is_blank(v) or is_dash(v) for _, _, v in cells_here) and not is_dash(traw):
            total = self.amount(traw, rownum, colname(total_col), None)
            if total:  # a total no source takes: refused, as a form's total with no split is (form_spending_unsplit)
                self.ctx.add("total_unsplit", row=rownum, column=colname(total_col), value=traw.strip(),
                             sources="、".join(colname(c) for c, _ in source_cols))
            return
        amounts: dict[str | None, float] = {}  # by basis: 中央补助累计 beside 中央补助当月 makes no one sum
        clean = True
        for c, src, vraw in cells_here:
            if is_blank(vraw) or is_dash(vraw):
                continue
            number = self.amount(vraw, rownum, colname(c), src)
            if number is None:
                clean = False
                continue
            own = c.get("basis") or basis
            amounts[own] = amounts.get(own, 0.0) + number
            if period is not None and own is not None:
                self.record(period, src, number, own, note, rownum, c, praw, colname(period_col), vraw, bool(c.get("basis")))
        if total_col is not None and not is_blank(traw) and not is_dash(traw):
            total = self.amount(traw, rownum, colname(total_col), None)  # checked against amounts of one basis
            if total is not None and clean and len(amounts) <= 1 and abs(total - sum(amounts.values())) > TOTAL_TOLERANCE:
                written = with_unit(traw, self.in_unit.get(colname(total_col)) or self.row_unit or self.title_unit)  # 90000元
                summed = sum(amounts.values())
                self.ctx.add("total_mismatch", row=rownum, column=colname(total_col), value=written.strip(),
                             severity="warning", sum=round(summed, 6), diff=round(total - summed, 6))

    def by_month_row(self, rownum: int, rowvals: list[Any], note: str, periods: list[tuple[Col, Period]]) -> None:
        sraw = self.cell(rowvals, self.field("source"))
        cells_here = [(c, p, self.cell(rowvals, c)) for c, p in periods]
        if all(is_blank(v) for _, _, v in cells_here):
            return
        basis = self.basis(rowvals, rownum)
        is_total = is_total_label(sraw)
        src, named = (None, None) if is_total else self.source(sraw, rownum, colname(self.field("source")))
        basis = named or basis
        for c, p, vraw in cells_here:
            if is_blank(vraw) or is_dash(vraw):
                continue
            number = self.amount(vraw, rownum, colname(c), None if is_total else src)
            if number is None or basis is None:
                continue
            if is_total:
                self.total((period_key(p), basis), number, rownum, colname(c), vraw)
            elif src is not None:
                self.record(p, src, number, basis, note, rownum, c, c["header"], colname(c), vraw, bool(named))


def _check_total_rows(ctx: Collector, rows: _Rows) -> None:
    """Each 合计 row in place of a month said skipped (``total_row``), its amounts checked against the
    sum of the amounts above it in their column (monthly amounts only; a difference is said)."""
    for t in rows.total_rows:
        diffs = []
        for c, src, raw in t["cells"]:
            above = [r for r in rows.records if r["source"] == src and r["row"] < t["row"]]
            if is_blank(raw) or not above or any(r["basis"] != "month" for r in above):
                continue
            number, code, _ = read_in_unit(with_unit(raw, rows.in_unit.get(colname(c)) or rows.title_unit), "万元")
            total = round(sum(r["amount"] for r in above), 6)
            if code is None and number is not None and abs(number - total) > TOTAL_TOLERANCE:
                diffs.append(f"{colname(c)} {raw.strip()}≠{number_text(total)}")
        ctx.add("total_row", row=t["row"], column=t["column"], value=t["text"], severity="warning",
                diffs=diffs, checked=bool(t["cells"]) and not diffs)


def _stated_units(ctx: Collector, rows: _Rows, fields: Mapping[str, list[Col]], source_cols: list[tuple[Col, str]]) -> None:
    """Say once that plain amounts were read in the unit a title row (「…（单位：元）」), rows' 单位
    cells (元) or their notes (备注「单位：元」) state, converted to 万元 like those under 金额（元）; and
    that 单位 cells of another unit altogether (个) were read in 万元."""
    amount_cols = [c for name in ("amount", "total") for c in fields.get(name, [])[:1]] + [c for c, _ in source_cols]
    if rows.title_unit and any(colname(c) not in rows.in_unit for c in amount_cols):
        ctx.add("unit_converted", value=rows.title_unit, severity="warning", expected="万元",
                subject="budget", where="title", factor=number_text(unit_scale(rows.title_unit, "万元") or 0))
    for where, field in (("unit_column", "unit"), ("note", "note")):
        said = rows.stated[where]
        if said:
            ctx.add("unit_converted", row=said[0][0], rows=[r for r, _ in said], column=colname(rows.field(field)),
                    value=said[0][1], severity="warning", expected="万元", subject="budget", where=where,
                    factor=number_text(unit_scale(said[0][1], "万元") or 0))
    if rows.other_unit is not None:
        ctx.add("unit_mismatch", row=rows.other_unit[0], column=colname(rows.field("unit")), value=rows.other_unit[1],
                severity="warning", expected="万元", subject="budget")


def _over_budget(ctx: Collector, rows: _Rows) -> None:
    """One error for the amounts written without a unit above their source's whole budget (an amount
    in 元 where 万元 is meant, as a whole table typed in 元 has them): how many rows, the first one
    (its amount converted), and every row (``rows``; the message names the first few)."""
    if not rows.over_budget:
        return
    first, listed = rows.over_budget[0], list(dict.fromkeys(p["row"] for p in rows.over_budget))
    ctx.add("amount_over_budget", rows=listed, row_count=len(listed), cells=len(rows.over_budget), **first)


def ingest_budget_frame(
    frame: pd.DataFrame, ctx: Collector, sources: Sequence[str] | Mapping[str, str], today: _dt.date | None,
    budgets: Mapping[str, float] | None = None,
) -> IngestResult:
    """Validate and normalise a budget table read by :func:`analytics.ingest.readers.read_table`;
    ``budgets``: each source's whole budget (万元), which no amount can pass unless written in 元."""
    header_row = int(frame.attrs.get("header_row", 1))
    fields, period_cols, bad_period_cols, other = map_columns(frame, BUDGET_ALIASES, _source_lookup(sources))
    found = _without_source(ctx, fields, other, sources, header_row)
    if found is None:
        return fail("budget", ctx)
    fields, other = found
    source_cols = sorted(({c.get("basis"): (c, name[4:]) for c in reversed(cols)}[basis]  # the first of each basis
                          for name, cols in fields.items() if name.startswith("src:")
                          for basis in dict.fromkeys(c.get("basis") for c in cols)), key=lambda t: t[0]["index"])
    layout, mode, missing = _layout(fields, source_cols, bool(period_cols or bad_period_cols))
    if missing:
        report_missing(ctx, frame, missing, "budget" if mode == "long" else "budget_wide")
        return fail("budget", ctx)
    if mode != "by_month":
        other = other + [c for c, _ in period_cols] + bad_period_cols
        period_cols, bad_period_cols = [], []
    _check_header(ctx, fields, source_cols, other, mode, header_row)
    if frame.empty:
        ctx.add("no_data", header_row=header_row)
        return fail("budget", ctx)
    usable_periods = check_period_headers(ctx, period_cols, bad_period_cols, header_row, today)
    rows = _Rows(frame, ctx, fields, sources, today, budgets)
    note_col = rows.field("note")
    for i, (rownum, rowvals) in enumerate(zip(frame.index.tolist(), frame.to_numpy(dtype=object).tolist())):
        rownum = int(rownum)
        if not i & 511:
            ctx.deadline.check(rownum)
        note = rows.cell(rowvals, note_col).strip()
        rows.unit_of_row(rowvals, note, rownum)
        if mode == "long":
            rows.long_row(rownum, rowvals, note)
        elif mode == "by_source":
            rows.by_source_row(rownum, rowvals, note, source_cols)
        else:
            rows.by_month_row(rownum, rowvals, note, usable_periods)
    records = rows.records
    _stated_units(ctx, rows, fields, source_cols)
    _over_budget(ctx, rows)
    _check_total_rows(ctx, rows)
    rows.said_blanks()
    report_duplicates(ctx, records, "source", lambda s: {"source": s})
    check_totals(ctx, records, rows.totals)
    if "basis" not in fields:
        check_cumulative(ctx, records, rows.budgets, summed=bool(rows.total_rows))
    assumed_year(ctx, frame, records, header_row)
    to_monthly(ctx, records)
    if not records and not ctx.has_errors:
        ctx.add("no_data", header_row=header_row)
    records.sort(key=lambda r: (r["row"], r["col_index"]))
    named = dict(zip(rows.allowed_sources, rows.source_names))
    for problem in ctx.problems:  # a source said by the project's name of it (省级资金), not its key alone
        if named.get(str(problem.params.get("source"))) and "source_name" not in problem.params:
            problem.params["source_name"] = named[str(problem.params["source"])]
    return make_result("budget", layout, ctx, records, BUDGET_COLUMNS)


def looks_like_budget(frame: pd.DataFrame, sources: Sequence[str] | Mapping[str, str]) -> bool:
    """An indicator column → actuals; an amount, total, source or 中央补助/地方资金… column without one → budget."""
    fields, _, _, _ = map_columns(frame, ACTUALS_ALIASES)
    if "indicator_id" in fields or "name" in fields:
        return False
    bfields, _, _, _ = map_columns(frame, BUDGET_ALIASES, _source_lookup(sources))
    return "amount" in bfields or "total" in bfields or any(k.startswith("src:") for k in bfields) or (
        "source" in bfields and "value" not in fields
    )
