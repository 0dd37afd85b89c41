"""What both official forms share: the layouts of ``data/report_forms.yaml`` (local forms differ:
columns, their order and titles are data), an openpyxl sheet helper (styled and formula-safe
cells, merged headers, widths, print setup), Excel number formats by unit, and the cells that
describe an indicator."""

from __future__ import annotations

import math
import os
from functools import lru_cache
from typing import Any, Iterable, Mapping, Sequence

import yaml

from analytics.core.exports import excel_literal, keep_text, xlsx_text
from analytics.core.model import Indicator
from analytics.core.paths import ROOT
from analytics.present.format import (DASH, decimals_for, derived_decimals, fmt_month_short, fmt_target, shown_decimals, shown_number,
                                      unit_name, unit_suffix)
from analytics.present.labels import category_name, target_said
from analytics.reports.context import ReportContext
from analytics.rules.progress import IndicatorProgress


FORMS_FILE = ROOT / "data" / "report_forms.yaml"


@lru_cache(maxsize=4)
def _forms_cached(path: str, mtime: int) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def load_forms(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The form layouts (``data/report_forms.yaml``)."""
    p = str(path or FORMS_FILE)
    data = _forms_cached(p, os.stat(p).st_mtime_ns)
    for form in ("monitoring", "self_eval"):
        if form not in data or not data[form].get("columns"):
            raise ValueError(f"{p}: form {form!r} needs a columns list / 报表格式文件缺少 {form} 的 columns")
    return data


def fmt_title(text: str, ctx: ReportContext, month: int | None = None) -> str:
    """A title of data/report_forms.yaml: {year}, {as_of_year}, {m}, {m_name} (the month's English
    short name, ``Jan–{m_name} actual`` → ``Jan–Sep actual``), {start_year}, {start_month}.
    ``month``: the month {m} names when not the report's data month (the budget's columns: the
    month spending runs to, :attr:`ReportContext.spend_month`)."""
    start = ctx.project.execution_start or (min(ctx.project.years or (ctx.year,)), 1)
    m = month or ctx.month or 12
    return str(text).format(year=ctx.year, as_of_year=ctx.as_of[0], m=m, m_name=fmt_month_short(m, "en"),
                            start_year=start[0], start_month=start[1])


def col_title(col: Mapping[str, Any], ctx: ReportContext, key: str = "", month: int | None = None) -> str:
    """A column's title in the report's language (:func:`fmt_title`; ``month`` as there). ``month``
    0 (the budget's columns of a year with no spending reported, :attr:`ReportContext.spend_month`)
    takes the column's ``none_zh``/``none_en`` title where it has one (执行数（本年尚无支出）, never
    1-12月执行数)."""
    if month == 0 and col.get(f"none_{key}zh"):
        key = f"none_{key}"
    return fmt_title(col.get(f"{key}en" if ctx.lang == "en" else f"{key}zh") or col.get(f"{key}zh") or "", ctx, month)


def number_format(unit: str, value: float | None = None, lang: str = "zh", *, derived: bool = False, prefix: str = "") -> str:
    """The Excel number format of a form cell: the decimals the pages show ``value`` with
    (analytics/present/format.py: 20000 亩 → ``#,##0``, 12.5 吨 → ``#,##0.0``; ``derived``: a
    forecast's, 5.3件, as :func:`~analytics.present.format.fmt_derived` says it), the unit as
    readers of ``lang`` say it (``0.0" kg per mu"``; a count of one in the singular,
    ``[=1]#,##0" incident";#,##0" incidents"``) and ``prefix`` words before the number (``预计``)."""
    nd = (derived_decimals(value, unit) if derived else shown_decimals(value, unit)) if value is not None else decimals_for(unit)
    body = "#,##0" + ("." + "0" * nd if nd else "")
    lead = excel_literal(prefix) if prefix else ""
    many, one = unit_suffix(unit, lang), unit_suffix(unit, lang, one=True)
    if not nd and one != many:  # 1 incident, 2 incidents: a section for a count of one
        return f"[=1]{lead}{body}{excel_literal(one)};{lead}{body}{excel_literal(many)}"
    return lead + body + excel_literal(many)  # words holding " or \ cannot break the format


def number_cell(value: float, unit: str, lang: str = "zh", *, derived: bool = False, prefix: str = "") -> tuple[float | None, str]:
    """A form cell of ``value`` in ``unit``: the number as the pages show it (99.96% is 99.9, never
    a cell that Excel shows as 100.0%; ``derived``: a forecast keeps a counted thing's decimal, so
    5.3件 against 不超过5件 never reads 5件) and its number format in ``lang`` (``prefix``: words
    shown before the number, the cell holding the number alone)."""
    return shown_number(value, unit, derived=derived), number_format(unit, value, lang, derived=derived, prefix=prefix)


def rate_cell(rate: float | None) -> float | None:
    """A rate (a fraction, 0.9996) for a ``0.00%`` cell: held as shown (0.9995 → 99.95%, a rate
    under 100% never shown as 100.00%)."""
    shown = shown_number(None if rate is None else 100 * rate, "%", decimals=2)
    return None if shown is None else round(shown / 100, 6)


class Sheet:
    """openpyxl helpers: styled cells, merged headers, widths, print setup."""

    def __init__(self, ws: Any, ncols: int) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.ws = ws
        self.ncols = ncols
        thin = Side(style="thin", color="808080")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.head_font = Font(name="宋体", bold=True, size=10)
        self.body_font = Font(name="宋体", size=10)
        self.title_font = Font(name="黑体", bold=True, size=16)
        self.head_fill = PatternFill("solid", fgColor="DDE7F3")
        self.section_fill = PatternFill("solid", fgColor="F2F2F2")
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.left = Alignment(horizontal="left", vertical="center", wrap_text=True)
        self.right = Alignment(horizontal="right", vertical="center")

    def cell(self, row: int, col: int, value: Any, *, head: bool = False, fmt: str | None = None, align: str = "auto",
             fill: Any = None, bold: bool = False) -> Any:
        c = keep_text(self.ws.cell(row, col, xlsx_text(value)))
        c.border = self.border
        c.font = self.head_font if (head or bold) else self.body_font
        if head:
            c.fill = self.head_fill
        if fill is not None:
            c.fill = fill
        if fmt:
            c.number_format = fmt
        if align == "auto":
            align = "center" if head else ("right" if isinstance(value, (int, float)) and not isinstance(value, bool) else "left")
        c.alignment = {"center": self.center, "left": self.left, "right": self.right}[align]
        return c

    def merge(self, r1: int, c1: int, r2: int, c2: int) -> None:
        if (r1, c1) != (r2, c2):
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    self.ws.cell(r, c).border = self.border
            self.ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)

    def title(self, row: int, text: str) -> None:
        from openpyxl.styles import Alignment

        c = keep_text(self.ws.cell(row, 1, xlsx_text(text)))
        c.font = self.title_font
        c.alignment = Alignment(horizontal="center", vertical="center")
        self.ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=self.ncols)
        self.ws.row_dimensions[row].height = 30

    def line(self, row: int, text: str, *, bold: bool = False, height: float | None = None) -> None:
        from openpyxl.styles import Alignment, Font

        c = keep_text(self.ws.cell(row, 1, xlsx_text(text)))
        c.font = Font(name="宋体", size=10, bold=bold)
        c.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        self.ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=self.ncols)
        if height:
            self.ws.row_dimensions[row].height = height

    def header(self, row: int, cols: Sequence[Mapping[str, Any]], ctx: ReportContext, start_col: int = 1) -> int:
        """Two header rows when any column has a group (merged above), else one. Returns the
        number of header rows written."""
        grouped = any(c.get("group_zh") for c in cols)
        if not grouped:
            for i, col in enumerate(cols):
                self.cell(row, start_col + i, col_title(col, ctx), head=True)
            self.ws.row_dimensions[row].height = 30
            return 1
        i = 0
        while i < len(cols):
            g = cols[i].get("group_zh")
            if not g:
                self.cell(row, start_col + i, col_title(cols[i], ctx), head=True)
                self.cell(row + 1, start_col + i, None, head=True)
                self.merge(row, start_col + i, row + 1, start_col + i)
                i += 1
                continue
            j = i
            while j + 1 < len(cols) and cols[j + 1].get("group_zh") == g:
                j += 1
            self.cell(row, start_col + i, col_title(cols[i], ctx, "group_"), head=True)
            for k in range(i, j + 1):
                if k > i:
                    self.cell(row, start_col + k, None, head=True)
                self.cell(row + 1, start_col + k, col_title(cols[k], ctx), head=True)
            self.merge(row, start_col + i, row, start_col + j)
            i = j + 1
        self.ws.row_dimensions[row].height = 22
        self.ws.row_dimensions[row + 1].height = 30
        return 2

    def widths(self, widths: Sequence[float]) -> None:
        from openpyxl.utils import get_column_letter

        for i, w in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = max(6.0, float(w))

    def data_row(self, r: int, cells: Sequence[tuple[Any, str | None, str]], widths: Sequence[float]) -> None:
        """One row of a form's indicator table: each cell as (value, number format, alignment);
        the row is as tall as its longest text needs at the column's width."""
        texts: list[tuple[str, float]] = []
        for ci, (value, fmt, align) in enumerate(cells, start=1):
            self.cell(r, ci, value, fmt=fmt, align=align)
            if isinstance(value, str):
                texts.append((value, widths[ci - 1]))
        self.ws.row_dimensions[r].height = row_height(texts)

    def merge_levels(self, cols: Sequence[Mapping[str, Any]], first: int, last: int) -> None:
        """Merge the 一级/二级指标 columns' runs of equal labels over rows ``first``..``last``."""
        for ci, col in enumerate(cols, start=1):
            if col["key"] in ("level1", "level2"):
                self.merge_runs(ci, first, last)

    def merge_runs(self, col: int, first: int, last: int) -> None:
        """Merge consecutive equal values in a column (一级/二级指标 as in the official forms)."""
        r = first
        while r <= last:
            v = self.ws.cell(r, col).value
            e = r
            while e + 1 <= last and self.ws.cell(e + 1, col).value == v and v not in (None, ""):
                e += 1
            if e > r:
                for k in range(r + 1, e + 1):
                    self.ws.cell(k, col).value = None
                self.merge(r, col, e, col)
                self.ws.cell(r, col).alignment = self.center
            r = e + 1

    def print_setup(self, last_row: int, title_rows: str | None) -> None:
        from openpyxl.utils import get_column_letter

        ws = self.ws
        ws.print_area = f"A1:{get_column_letter(self.ncols)}{last_row}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.5
        if title_rows:
            ws.print_title_rows = title_rows


def row_height(texts: Iterable[tuple[str, float]], base: float = 15.0) -> float:
    """Row height (points) for wrapped text: (text, column width in characters) pairs."""
    lines = 1
    for text, width in texts:
        if not text:
            continue
        w = sum(2 if ord(ch) > 0x2E80 else 1 for ch in str(text))
        per = max(1.0, float(width) - 1)
        n = sum(max(1, math.ceil(sum(2 if ord(ch) > 0x2E80 else 1 for ch in part) / per)) for part in str(text).split("\n"))
        lines = max(lines, n if w else 1)
    return min(409.0, base * lines + 4)


def form_indicators(ctx: ReportContext, origins: Sequence[str]) -> list[Indicator]:
    inds = [i for i in ctx.project.indicators if i.origin in origins]
    order: dict[str, int] = {}
    for i in ctx.project.indicators:
        order.setdefault(i.level1, len(order))
    return sorted(inds, key=lambda i: (order.get(i.level1, 99), i.seq))


INDICATOR_CELLS = ("level1", "level2", "name", "name_display", "unit")


def indicator_cell(ind: Indicator, key: str, lang: str) -> str:
    """The form cells that describe the indicator itself (the same in both official forms): its levels
    and unit as readers of ``lang`` name them (产出指标 → Outputs; a level of the table's own as written)."""
    if key in ("level1", "level2"):
        return category_name(getattr(ind, key), lang)
    if key == "name":
        return ind.name_raw.strip() or ind.name
    if key == "name_display":
        return ind.display_name(lang)
    return unit_name(ind.unit, lang) or "—"


def slots(n: int, width: int) -> list[tuple[int, int]]:
    """Spread n items over ``width`` grid columns (1-based offsets); extra columns go to the last."""
    if n <= 0:
        return []
    if n >= width:
        return [(i + 1, i + 1) for i in range(n)]
    out = [(i + 1, i + 1) for i in range(n)]
    out[-1] = (n, width)
    return out


def form_target(ind: Indicator, row: IndicatorProgress | None, lang: str) -> str:
    """A form's 年度指标值: as the table wrote it (``15`` with the unit in the indicator's name, as
    ``…人次（万）``; the unit added when the table had it in a column of its own), a year target
    derived from a multi-year total said as such (:func:`analytics.present.labels.target_said`),
    never the formula the progress row keeps."""
    if row is None or not row.target_raw:
        return DASH
    if row.target_derived:
        return target_said(ind, row, lang)
    named = indicator_cell(ind, "name", lang)
    if ind.unit and not named.rstrip().endswith(("）", ")")):
        # the table's unit stood in a column of its own (no （万人）, （万） after the name, whatever the name
        # holds: 受益农户数 | 户 | ≥6800 reads ``≥6800户``): ``≥2.5`` reads ``≥2.5万亩``
        return fmt_target(row.target_raw, ind.unit, lang, row.comparator)
    return row.target_raw if lang == "zh" else fmt_target(row.target_raw, "", lang)  # 是 → Yes, 95%以上 → ≥95%
