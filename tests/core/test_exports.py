"""Spreadsheet writing (analytics/core/exports.py, the number formats of analytics/reports/sheet.py):
a unit holding ``"`` or ``\\`` must not break the Excel number format (issue 16)."""

from __future__ import annotations

import dataclasses
import io

import openpyxl
import pandas as pd
import pytest

from analytics.core.exports import csv_bytes, excel_literal, safe_cell, xlsx_bytes
from analytics.reports.sheet import Sheet, number_format

UNITS = ['万"人', "\\", '"', '\\"', "万人次", "%", "a;b", "0#,##", "个\n人", ""]


def parse_format(fmt: str) -> tuple[str, str]:
    """(digits part, literal text) of a format as Excel reads it; fails on an unclosed quote or a
    dangling backslash — the malformed formats Excel asks to repair."""
    digits, literal, i = "", "", 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == '"':
            end = fmt.find('"', i + 1)
            assert end > i, f"unclosed quote in {fmt!r}"
            literal += fmt[i + 1:end]
            i = end + 1
        elif ch == "\\":
            assert i + 1 < len(fmt), f"dangling backslash in {fmt!r}"
            literal += fmt[i + 1]
            i += 2
        else:
            assert not literal, f"format code after the unit in {fmt!r}"
            digits += ch
            i += 1
    return digits, literal


@pytest.mark.parametrize("unit", UNITS)
def test_unit_is_literal_text_of_the_format(unit):
    fmt = number_format(unit)
    digits, literal = parse_format(fmt)
    assert digits.startswith("#,##0") and literal == unit.replace("\n", "")


def test_plain_units_keep_todays_format():
    assert number_format("万人次").endswith('#,##0.00"万人次"')  # as the golden forms pin it
    # a form's cell shows the decimals the pages show: a whole 20000亩 whole, 12.5吨 with one
    assert number_format("亩", 20000.0) == '#,##0"亩"' and number_format("吨", 12.5) == '#,##0.0"吨"'
    assert number_format("万人", 12.0) == '#,##0.00"万人"' and number_format("亩") == '#,##0.00"亩"'
    assert excel_literal("万人次") == '"万人次"' and excel_literal("") == ""
    assert excel_literal('万"人') == '"万"\\""人"' and excel_literal("\\") == "\\\\"


@pytest.mark.parametrize("unit", UNITS)
def test_openpyxl_reads_the_format_back(unit, tmp_path):
    wb = openpyxl.Workbook()
    sh = Sheet(wb.active, 2)
    fmt = number_format(unit)
    sh.cell(1, 1, 1234.5, fmt=fmt)
    sh.cell(1, 2, "=1+1")
    path = tmp_path / "u.xlsx"
    wb.save(path)
    back = openpyxl.load_workbook(path)
    cell = back.active.cell(1, 1)
    assert cell.value == 1234.5 and cell.number_format == fmt
    assert parse_format(cell.number_format)[1] == unit.replace("\n", "")
    assert (back.active.cell(1, 2).value, back.active.cell(1, 2).data_type) == ("=1+1", "s")  # text, never a formula


def test_a_form_cell_of_an_indicator_with_such_a_unit(dataset, tmp_path):
    """The monitoring form's value cell, through the code that builds it."""
    from analytics.reports import monitoring, report

    ctx = report.build_context(dataset, (2024, 8))
    ind = next(i for i in ctx.project.indicators if i.kind != "milestone" and ctx.row(i.id) and ctx.row(i.id).actual)
    for unit in ('万"人', "\\"):
        value, fmt = monitoring._cell(ctx, dataclasses.replace(ind, unit=unit), "actual", False)
        wb = openpyxl.Workbook()
        Sheet(wb.active, 1).cell(1, 1, value, fmt=fmt)
        buf = io.BytesIO()
        wb.save(buf)
        cell = openpyxl.load_workbook(io.BytesIO(buf.getvalue())).active.cell(1, 1)
        assert cell.number_format == fmt and parse_format(fmt)[1] == unit


def test_frames_round_trip_formula_safe():
    df = pd.DataFrame({"单位": ['万"人', "\\", "=cmd"], "值": [1.5, 2.0, 3.0]})
    sheets = openpyxl.load_workbook(io.BytesIO(xlsx_bytes({"表": df}))).active
    assert [sheets.cell(r, 1).value for r in range(2, 5)] == ['万"人', "\\", "=cmd"]
    assert {c.data_type for row in sheets.iter_rows() for c in row} <= {"s", "n"}  # typed text: nothing to evaluate
    assert safe_cell("=cmd") == "'=cmd"  # a CSV has no types: the apostrophe stays there
    assert csv_bytes(df).decode("utf-8-sig").splitlines()[1] == '"万""人",1.5'
