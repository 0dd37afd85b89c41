"""The rules of an actuals table (long: one value per row; wide: one column per month, or one row
per month with a column per indicator, as a 台账 is kept): which indicator, which period, which
basis, whether the value can be meant, duplicates, and year-to-date totals that fall."""

from __future__ import annotations

import datetime as _dt
import difflib
import math
import re
from typing import Any, Mapping

import pandas as pd

from analytics.core.qualitative import parse_checkin
from analytics.core.values import ValueParseError, normalize_text, number_text, parse_bool
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
    ACTUALS_COLUMNS,
    KIND_BASES,
    Col,
    RowCells,
    colname,
    dotted_style,
    header_scale,
    header_unit,
    header_words,
    in_header_unit,
    is_blank,
    is_dash,
    is_future,
    is_total_label,
    map_columns,
    parse_basis,
    parse_period_cell,
    period_key,
    read_in_unit,
    read_number,
    unit_scale,
    with_unit,
)


def value_sign(name: str) -> str | None:
    """``signed`` when an indicator's actual values may be below zero (a change: 增长率), ``magnitude``
    when such a value is a deviation read as its size (预算执行偏差), None when none may (lexicon ``signs``)."""
    from analytics.ingest.tables.lexicon import load_lexicon

    lex, text = load_lexicon(), normalize_text(name)
    if lex.magnitude is not None and lex.magnitude.search(text):
        return "magnitude"
    return "signed" if lex.signed is not None and lex.signed.search(text) else None


def _value_check(
    ctx: Collector,
    raw: str,
    meta: Mapping[str, Any],
    ind: str,
    row: int,
    column: str,
    said: bool = False,
) -> float | None:
    """Parse and check one value cell of an actuals table (not blank); ``said``: its unit came from
    the column's header, whose conversion is said once for the column, not at each value."""
    name = str(meta.get("name") or ind)
    unit = str(meta.get("unit") or "")
    kind = str(meta.get("kind") or "")
    base = {"indicator": ind, "name": name}
    words: dict[str, Any] = {}  # the unit a value was written with, when it had one
    if kind == "milestone":
        try:
            number: float | None = 1.0 if parse_bool(raw) else 0.0
        except ValueParseError:
            number, code = read_number(raw)
            if code == "formula":
                ctx.add("formula", row=row, column=column, value=raw, **base)
                return None
            if number not in (0.0, 1.0):
                ctx.add("not_a_bool", row=row, column=column, value=raw, **base)
                return None
    elif kind == "qualitative":  # 达成 / 部分达成 / 未达成 → the level's code (analytics/core/qualitative.py)
        try:
            number = parse_checkin(raw)
        except ValueParseError:
            ctx.add("not_a_checkin", row=row, column=column, value=raw, **base)
            return None
    else:
        number, code, words = read_in_unit(raw, unit)  # 12.5万人, or 125000人 for an indicator counted in 万人
        if code is not None:
            ctx.add(code, row=row, column=column, value=raw, **words, **base)
            return None
        if words and not said:
            ctx.add("value_unit", row=row, column=column, value=raw, severity="warning", **words, **base)
    assert number is not None
    if raw.rstrip().endswith(("%", "％")) and unit.strip() not in ("%", "％"):
        if unit.strip():  # 85% for 万人: a share is no count (most likely another row's rate): never a guess
            ctx.add("percent_not_unit", row=row, column=column, value=raw, unit=unit, **base)
            return None
        ctx.add("percent_unit", row=row, column=column, value=raw, severity="warning", unit=unit,
                number=number, **base)
    reference = meta.get("reference")
    if (kind == "rate" and unit.strip() in ("%", "％") and not raw.rstrip().endswith(("%", "％")) and 0 < number <= 1
            and reference is not None and float(reference) >= ctx.limits.fraction_floor):
        number = round(number * 100, 9)  # 0.962 for a rate whose target is 95%: a fraction, as a spreadsheet keeps it
        ctx.add("fraction_as_percent", row=row, column=column, value=raw, severity="warning", number=number, **base)
    scale = 1e4 if unit.startswith("万") else 1e8 if unit.startswith("亿") else None
    if scale and reference and not words and number > ctx.limits.scale_ratio * float(reference):
        ctx.add("scale_suspect", row=row, column=column, value=raw, unit=unit, reference=float(reference),
                base_unit=unit[1:], converted=number / scale, **base)  # 380 for 0.5万人次: counted in 人次
        return None
    if number < 0:
        sign = value_sign(name)
        if sign == "magnitude":
            ctx.add("magnitude", row=row, column=column, value=raw, severity="warning", number=-number, **base)
            number = -number
        elif sign != "signed":
            ctx.add("negative", row=row, column=column, value=raw, **base)
            return None
    max_value = meta.get("max_value")
    if max_value is not None:
        try:
            limit = float(max_value)
        except (TypeError, ValueError):
            limit = math.nan
        if not math.isnan(limit) and number > limit:
            ctx.add("pct_over_100", row=row, column=column, value=raw, max=limit, unit=unit, **base)
            return None
    plausible = ctx.limits.plausible_max(unit)
    if number > plausible:
        ctx.add("implausible", row=row, column=column, value=raw, max=plausible, unit=unit, **base)
        return None
    return number


def _allowed_bases(meta: Mapping[str, Any]) -> tuple[str, ...]:
    allowed = list(KIND_BASES.get(str(meta.get("kind") or ""), ("month", "ytd", "level")))
    default = str(meta.get("default_basis") or "")
    if default in ("month", "ytd", "level") and default not in allowed:
        allowed.append(default)
    return tuple(allowed)


def _basis_for(
    ctx: Collector, raw: str | None, meta: Mapping[str, Any], ind: str, row: int, column: str | None
) -> str | None:
    allowed = _allowed_bases(meta)
    default = str(meta.get("default_basis") or allowed[0])
    if raw is None or is_blank(raw):
        return default
    basis = parse_basis(raw)
    if basis is None or basis not in allowed:
        ctx.add("bad_basis", row=row, column=column, value=raw, allowed=list(allowed), default=default,
                reason="unknown" if basis is None else "not_allowed", indicator=ind,
                name=str(meta.get("name") or ind))
        return None
    return basis


def _resolve_indicator(
    raw: str, by_id: Mapping[str, str], by_name: Mapping[str, str]
) -> str | None:
    key = normalize_text(raw).lower()
    return by_id.get(key) or by_name.get(key)


_QUOTES_AND_BLANKS = re.compile(r"[\s\"'“”‘’「」『』〝〞]")


def _loose(raw: str) -> tuple[str, str]:
    """(a name's key with its numbering, a unit in brackets after it, quotes and blanks left out, that
    unit): ``1.建设技能大师工作室``, ``登记失业人员规模(万人)``, ``离校…青年"一对一"帮扶联系率`` read as the
    target table's reader reads a name cell (:func:`analytics.ingest.tables.cells.split_name`)."""
    from analytics.ingest.tables.cells import split_name
    from analytics.ingest.tables.lexicon import load_lexicon

    name, unit, _ = split_name(str(raw), load_lexicon())
    return _QUOTES_AND_BLANKS.sub("", normalize_text(name)).lower(), unit


def _layout(ctx: Collector, frame: pd.DataFrame, fields: Mapping[str, list[Col]], period_cols: list[Any],
            bad_period_cols: list[Col], other: list[Col], found: "_Indicators"
            ) -> tuple[str | None, list[Any], list[Col], list[Col]]:
    """(layout, period columns — or for a month a row, the indicator columns with their indicator —,
    bad period columns, ignored columns); layout ``None`` after a missing-columns problem. Long:
    period and value columns; wide: one column per month, or a period column and one column per
    indicator (its id or name, a unit in brackets after it: ``项目总成本（万元）``)."""
    has_ind = "indicator_id" in fields or "name" in fields
    if "period" in fields and not has_ind and "value" not in fields:
        by_indicator = [(c, found.column(c["header"])) for c in other]
        if any(ind for _, ind in by_indicator):
            return "wide_months", [(c, ind) for c, ind in by_indicator if ind], [], \
                [c for c, ind in by_indicator if not ind] + [c for c, _ in period_cols] + bad_period_cols
        if other:  # a month a row, no column naming an indicator of the project
            report_missing(ctx, frame, ["indicator_id", "value"], "actuals_months")
            return None, [], [], other
    if "period" in fields or "value" in fields or not (period_cols or bad_period_cols):
        missing = [f for f, present in (("indicator_id", has_ind), ("period", "period" in fields),
                                         ("value", "value" in fields)) if not present]
        if missing:
            report_missing(ctx, frame, missing, "actuals")
            return None, [], [], other
        return "long", [], [], other + [c for c, _ in period_cols] + bad_period_cols
    if not has_ind:
        report_missing(ctx, frame, ["indicator_id"], "actuals_wide")
        return None, [], [], other
    return "wide", period_cols, bad_period_cols, other


class _Indicators:
    """Finds the indicator a row names (by id, else by name), with a suggestion for an unknown one;
    each distinct text is looked up once."""

    def __init__(self, indicators: Mapping[str, Mapping[str, Any]]) -> None:
        self.indicators = indicators
        self.by_id = {normalize_text(k).lower(): str(k) for k in indicators}
        self.by_name = {normalize_text(v.get("name", "")).lower(): str(k) for k, v in indicators.items()
                        if normalize_text(v.get("name", ""))}
        self.choices = sorted(set(map(str, indicators)) | {str(v.get("name")) for v in indicators.values()
                                                           if v.get("name")})
        first_id = next(iter(indicators), "new_urban_jobs")
        self.examples = {"example_id": str(first_id),
                         "example_name": str(indicators.get(first_id, {}).get("name", "")) if indicators else ""}
        self.resolved: dict[str, str | None] = {}
        self.suggested: dict[str, str | None] = {}
        self.loosely: dict[str, str] = {}  # a name found only once normalised → the unit in brackets after it
        self._by_loose: dict[str, set[str]] | None = None

    def find(self, raw: str) -> str | None:
        if raw not in self.resolved:
            self.resolved[raw] = _resolve_indicator(raw, self.by_id, self.by_name) or self._find_loose(raw)
        return self.resolved[raw]

    def _find_loose(self, raw: str) -> str | None:
        """The one indicator whose name ``raw`` is once numbering, a unit in brackets, quotes and blanks
        are set aside (``（一）高校毕业生去向落实率``); None when none or several are."""
        if not normalize_text(raw):
            return None
        if self._by_loose is None:
            self._by_loose = {}
            for k, v in self.indicators.items():
                if normalize_text(v.get("name", "")):
                    self._by_loose.setdefault(_loose(str(v.get("name")))[0], set()).add(str(k))
        key, unit = _loose(raw)
        hits = self._by_loose.get(key, set()) if key else set()
        if len(hits) != 1:
            return None
        self.loosely[raw] = unit
        return next(iter(hits))

    def column(self, header: Any) -> str | None:
        """The indicator a column's header names (its id or name; a unit in brackets after it aside)."""
        text = str(header or "").strip()
        return (self.find(text) or self.find(header_words(text))) if text else None

    def suggestion(self, raw: str) -> str | None:
        if raw not in self.suggested:
            close = difflib.get_close_matches(normalize_text(raw), self.choices, n=1, cutoff=0.6)
            self.suggested[raw] = close[0] if close else None
        return self.suggested[raw]

    def names(self, ind: Any) -> dict[str, Any]:
        return {"indicator": ind, "name": self.indicators.get(ind, {}).get("name", ind)}


class _Rows(RowCells):
    """Reads the rows of one actuals table: the indicator, its unit and basis, then each period
    and value, each with its located problem; collects the records."""

    def __init__(self, frame: pd.DataFrame, ctx: Collector, fields: Mapping[str, list[Col]], layout: str,
                 periods: list[tuple[Col, Any]], found: _Indicators, today: _dt.date | None) -> None:
        super().__init__(frame, fields)
        self.ctx, self.layout, self.periods, self.found, self.today = ctx, layout, periods, found, today
        self.year = frame.attrs.get("year_hint")  # 1月 read in the year the title names
        pcol = self.col.get("period")
        self.dotted = dotted_style(frame[pcol["label"]].tolist()) if pcol is not None else None  # 2024.09, 2024.1
        self.in_unit = {c["label"] for c, ind in periods if layout == "wide_months"  # 城镇新增就业人员规模（人）: converted
                        and header_scale(c["header"], str(found.indicators.get(ind, {}).get("unit") or "")) not in (None, 1.0)}
        self.records: list[dict[str, Any]] = []

    def indicator(self, rownum: int, rowvals: list[Any], has_data: bool) -> tuple[bool, str | None]:
        """(row to be read, indicator or ``None`` when unknown); a row without one is skipped."""
        id_col, name_col = self.field("indicator_id"), self.field("name")
        id_raw, name_raw = self.cell(rowvals, id_col), self.cell(rowvals, name_col)
        if is_blank(id_raw) and is_blank(name_raw):
            if has_data:
                self.ctx.add("blank_indicator", row=rownum, column=colname(id_col or name_col), value="",
                             **self.found.examples)
            return False, None
        raw, where = (id_raw, id_col) if not is_blank(id_raw) else (name_raw, name_col)
        if is_total_label(raw):  # a 合计 row under the indicators: a sum of unlike things, skipped
            self.ctx.add("total_row", row=rownum, column=colname(where), value=raw.strip(), severity="warning")
            return False, None
        ind = self.found.find(raw)
        if ind is None:
            self.ctx.add("unknown_indicator", row=rownum, column=colname(where), value=raw.strip(),
                         suggestion=self.found.suggestion(raw), **self.found.examples)
        elif raw in self.found.loosely:
            self.ctx.add("name_matched", row=rownum, column=colname(where), value=raw.strip(), severity="warning",
                         **self.found.names(ind))
        elif where is id_col and not is_blank(name_raw):
            other_ind = _resolve_indicator(name_raw, {}, self.found.by_name)
            if other_ind is not None and other_ind != ind:
                self.ctx.add("name_mismatch", row=rownum, column=colname(name_col), value=name_raw.strip(),
                             severity="warning", **self.found.names(ind))
        return True, ind

    def unit(self, rownum: int, rowvals: list[Any], ind: str, meta: Mapping[str, Any]) -> str:
        """The unit the row's 单位 cell, else a unit in brackets after its indicator's name
        (``登记失业人员规模（人）``), states for its plain numbers when it is another scale of the
        indicator's (人 for 万人: converted, as under a header's 「（人）」, said), else "" (another unit
        altogether: read in the indicator's, said)."""
        unit_col = self.field("unit")
        unit_raw, where, column = self.cell(rowvals, unit_col), "unit_column", unit_col
        if unit_col is None or is_blank(unit_raw):
            column = self.field("indicator_id") if not is_blank(self.cell(rowvals, self.field("indicator_id"))) \
                else self.field("name")
            unit_raw, where = self.found.loosely.get(self.cell(rowvals, column), ""), "name"
        expected = str(meta.get("unit") or "")
        if is_blank(unit_raw) or normalize_text(unit_raw) == normalize_text(expected):
            return ""
        scale = unit_scale(unit_raw, expected) if expected else None
        self.ctx.add("unit_converted" if scale else "unit_mismatch", row=rownum, column=colname(column),
                     value=unit_raw.strip(), severity="warning", expected=expected or "—", indicator=ind,
                     name=meta.get("name", ind), factor=number_text(scale or 0), where=where)
        return unit_raw.strip() if scale else ""

    def period(self, rownum: int, rowvals: list[Any], vcol: Col, vraw: str, header_period: Any
               ) -> tuple[bool, Any, str, str]:
        """(go on with this value, period or ``None``, period as written, its column)."""
        if self.layout == "wide":
            return not is_blank(vraw), header_period, vcol["header"], colname(vcol)
        period_col = self.field("period")
        praw, pcol_name = self.cell(rowvals, period_col), colname(period_col)
        dotted = dotted_period(self.ctx, praw, self.dotted, rownum, pcol_name)
        if dotted is False:
            return True, None, praw, pcol_name
        period, perr = (dotted, None) if dotted is not None else parse_period_cell(praw, self.year)
        if perr is not None:
            if perr == "blank_period" and is_blank(vraw):
                return False, None, praw, pcol_name
            self.ctx.add(perr, row=rownum, column=pcol_name, value=praw.strip())
        elif is_future(period, self.today):
            self.ctx.add("future_period", row=rownum, column=pcol_name, value=praw.strip(),
                         severity="warning", period=period_key(period), today=self.today)
        return True, period, praw, pcol_name

    def _record(self, ind: str, period: Any, number: float, basis: str, note: str, src: str, rownum: int,
                vcol: Col, praw: str, pcol_name: str, vraw: str) -> None:
        self.records.append({
            "indicator_id": ind, "year": period.year, "month": period.month,
            "first_month": period.first_month, "value": float(number), "basis": basis,
            "note": note, "source": src, "row": rownum, "col_index": vcol["index"],
            "period_key": period_key(period), "period_text": str(praw).strip(),
            "period_column": pcol_name, "value_column": colname(vcol), "value_text": vraw.strip(),
        })

    def month_row(self, rownum: int, rowvals: list[Any]) -> None:
        """A month a row: its period, then one value per indicator column (its header's unit, when
        the value writes none: ``3000000`` under ``项目总成本（元）`` for an indicator in 万元)."""
        cells = [(c, ind, self.cell(rowvals, c)) for c, ind in self.periods]
        if all(is_blank(v) for _, _, v in cells):
            return
        some_value = next(v for _, _, v in cells if not is_blank(v))  # a blank month beside values is an error
        if self.skip_total(rownum, rowvals):
            return
        go_on, period, praw, pcol_name = self.period(rownum, rowvals, self.periods[0][0], some_value, None)
        if not go_on:
            return
        basis_col = self.field("basis")
        basis_raw = self.cell(rowvals, basis_col) if basis_col else None
        note = self.cell(rowvals, self.field("note")).strip()
        src = self.cell(rowvals, self.field("source")).strip()
        for vcol, ind, vraw in cells:
            if is_blank(vraw) or is_dash(vraw):
                continue
            meta = self.found.indicators.get(ind, {})
            flow = meta.get("kind") == "flow"  # the row's 口径 is its flows' (当月 / 累计); the rest keep theirs
            basis = _basis_for(self.ctx, basis_raw if flow else None, meta, ind, rownum,
                               colname(basis_col) if basis_col else None)
            written = in_header_unit(vraw, vcol["header"]) if vcol["label"] in self.in_unit else vraw
            number = _value_check(self.ctx, written, meta, ind, rownum, colname(vcol), said=written != vraw)
            if number is not None and period is not None and basis is not None:
                self._record(ind, period, number, basis, note, src, rownum, vcol, praw, pcol_name, vraw)

    def skip_total(self, rownum: int, rowvals: list[Any]) -> bool:
        """A 合计 / 总计 row in place of a month (a 台账's last line): skipped, said."""
        period_col = self.field("period")
        praw = self.cell(rowvals, period_col)
        if period_col is None or not is_total_label(praw):
            return False
        self.ctx.add("total_row", row=rownum, column=colname(period_col), value=praw.strip(), severity="warning")
        return True

    def row(self, rownum: int, rowvals: list[Any]) -> None:
        if self.layout == "long" and self.skip_total(rownum, rowvals):
            return
        if self.layout == "wide_months":
            self.month_row(rownum, rowvals)
            return
        if self.layout == "long":
            value_col = self.field("value")
            value_cells = [(value_col, self.cell(rowvals, value_col), None)]
        else:
            value_cells = [(c, self.cell(rowvals, c), p) for c, p in self.periods]
        has_data = any(not is_blank(v) for _, v, _ in value_cells) or (
            self.layout == "long" and not is_blank(self.cell(rowvals, self.field("period"))))
        read, ind = self.indicator(rownum, rowvals, has_data)
        if not read:
            return
        meta: Mapping[str, Any] = self.found.indicators.get(ind, {}) if ind is not None else {}
        basis: str | None = None
        row_unit = ""
        if ind is not None:
            row_unit = self.unit(rownum, rowvals, ind, meta)
            basis_col = self.field("basis")
            basis = _basis_for(self.ctx, self.cell(rowvals, basis_col) if basis_col else None, meta, ind, rownum,
                               colname(basis_col) if basis_col else None)
        note = self.cell(rowvals, self.field("note")).strip()
        src = self.cell(rowvals, self.field("source")).strip()
        for vcol, vraw, header_period in value_cells:
            go_on, period, praw, pcol_name = self.period(rownum, rowvals, vcol, vraw, header_period)
            if not go_on:
                continue
            if is_blank(vraw) or is_dash(vraw):
                if self.layout == "long":
                    self.ctx.add("blank_value", row=rownum, column=colname(vcol), value=vraw.strip(),
                                 severity="warning", dash=vraw.strip() or None)
                continue
            if ind is None:
                continue
            written = with_unit(vraw, row_unit)  # 25 beside 单位「人」 for an indicator in 万人: 25人
            number = _value_check(self.ctx, written, meta, ind, rownum, colname(vcol), said=written != vraw)
            if number is None or period is None or basis is None:
                continue
            self._record(ind, period, number, basis, note, src, rownum, vcol, praw, pcol_name, vraw)


def _ytd_falls(records: list[dict[str, Any]], found: _Indicators
               ) -> list[tuple[str, int, list[dict[str, Any]], list[tuple[dict[str, Any], dict[str, Any]]]]]:
    """Each flow's year given as year-to-date totals: (indicator, year, its records by month, the
    (before, after) pairs where a total falls below the month before)."""
    series: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for rec in records:
        if rec["basis"] == "ytd" and found.indicators.get(rec["indicator_id"], {}).get("kind") == "flow":
            series.setdefault((rec["indicator_id"], rec["year"]), []).append(rec)
    out = []
    for (ind, year), recs in sorted(series.items()):
        recs = sorted(recs, key=lambda r: (r["month"], r["row"], r["col_index"]))
        falls = [(prev, cur) for prev, cur in zip(recs, recs[1:]) if cur["month"] > prev["month"] and cur["value"] < prev["value"] - 1e-9]
        out.append((ind, year, recs, falls))
    return out


def _check_ytd(ctx: Collector, records: list[dict[str, Any]], found: _Indicators) -> None:
    """Year-to-date series of flows must not fall within a year."""
    for ind, _year, _recs, falls in _ytd_falls(records, found):
        for prev, cur in falls:
            ctx.add("ytd_decrease", row=cur["row"], column=cur["value_column"], value=cur["value_text"],
                    prev_row=prev["row"], prev_value=prev["value_text"], prev_period=prev["period_key"],
                    period=cur["period_key"], **found.names(ind))


def _falling_read_monthly(ctx: Collector, fields: Mapping[str, list[Col]], records: list[dict[str, Any]],
                          found: _Indicators) -> None:
    """A flow given without a 口径 column (its default: year-to-date totals) whose values fall from
    one month to the next more than once in a year (500, 400, 600, 550, 450) cannot be totals: they
    are each month's own figures, read so and said (``basis_read_monthly``). One fall alone may be a
    slip in a total: refused as such (``ytd_decrease``)."""
    if "basis" in fields:
        return
    for ind, year, recs, pairs in _ytd_falls(records, found):
        falls = [cur for _prev, cur in pairs]
        if len(falls) < 2:
            continue
        for rec in recs:
            rec["basis"] = "month"
        ctx.add("basis_read_monthly", row=falls[0]["row"], column=falls[0]["value_column"], severity="warning", year=year,
                falls=len(falls), rows=[r["row"] for r in falls], **found.names(ind))


def _assumed_basis(ctx: Collector, fields: Mapping[str, list[Col]], records: list[dict[str, Any]], found: _Indicators,
                   header_row: int) -> None:
    """Say once that a table without a 口径 column gave its flows' values as year-to-date totals
    (their default basis), naming them: monthly amounts read so would count the year short."""
    if "basis" in fields:
        return
    flows = list(dict.fromkeys(r["indicator_id"] for r in records if r["basis"] == "ytd"
                               and found.indicators.get(r["indicator_id"], {}).get("kind") == "flow"))
    if flows:
        ctx.add("basis_assumed", row=header_row, severity="warning", basis="ytd", count=len(flows),
                names=[str(found.indicators[i].get("name") or i) for i in flows[:3]])


def ingest_actuals_frame(
    frame: pd.DataFrame, ctx: Collector, indicators: Mapping[str, Mapping[str, Any]], today: _dt.date | None
) -> IngestResult:
    """Validate and normalise an actuals table read by :func:`analytics.ingest.readers.read_table`."""
    header_row = int(frame.attrs.get("header_row", 1))
    fields, period_cols, bad_period_cols, other = map_columns(frame, ACTUALS_ALIASES)
    found = _Indicators(indicators)
    layout, period_cols, bad_period_cols, other = _layout(ctx, frame, fields, period_cols, bad_period_cols, other, found)
    if layout is None:
        return fail("actuals", ctx)
    check_column_duplicates(ctx, fields, header_row)
    if layout == "wide_months":  # a column named close to an indicator: its data would be lost unsaid
        for c in [c for c in other if found.suggestion(header_words(c["header"]))]:
            ctx.add("unknown_indicator", row=header_row, column=colname(c), value=str(c["header"]).strip(),
                    suggestion=found.suggestion(header_words(c["header"])), **found.examples)
            other.remove(c)
        for c, ind in period_cols:  # a unit in brackets: converted (said once), or another unit (read as written)
            meta = indicators.get(ind, {})
            unit, scale = str(meta.get("unit") or ""), header_scale(c["header"], str(meta.get("unit") or ""))
            if scale != 1.0:
                ctx.add("unit_converted" if scale else "unit_mismatch", row=header_row, column=colname(c),
                        value=header_unit(c["header"]), severity="warning", expected=unit or "—", factor=number_text(scale or 0),
                        indicator=ind, name=meta.get("name", ind))
    if other:
        ctx.add("ignored_columns", row=header_row, severity="warning", columns=[colname(c) for c in other],
                header_row=header_row, example={"long": "actuals", "wide_months": "actuals_months"}.get(layout, "actuals_wide"))
    if frame.empty:
        ctx.add("no_data", header_row=header_row)
        return fail("actuals", ctx)
    usable_periods = period_cols if layout == "wide_months" else \
        check_period_headers(ctx, period_cols, bad_period_cols, header_row, today)
    rows = _Rows(frame, ctx, fields, layout, usable_periods, found, today)
    for i, (rownum, rowvals) in enumerate(zip(frame.index.tolist(), frame.to_numpy(dtype=object).tolist())):
        if not i & 511:
            ctx.deadline.check(int(rownum))
        rows.row(int(rownum), rowvals)
    records = rows.records
    report_duplicates(ctx, records, "indicator_id", found.names)
    _falling_read_monthly(ctx, fields, records, found)
    _check_ytd(ctx, records, found)
    assumed_year(ctx, frame, records, header_row)
    if layout != "long" and not ctx.has_errors:  # a 台账's wide table about to be imported (the long layout documents 口径)
        _assumed_basis(ctx, fields, records, found, header_row)
    if not records and not ctx.has_errors:
        ctx.add("no_data", header_row=header_row)
    records.sort(key=lambda r: (r["row"], r["col_index"]))
    return make_result("actuals", "wide" if layout == "wide_months" else layout, ctx, records, ACTUALS_COLUMNS)
