"""Spreadsheet exports shared by the app and the CLI: formula-injection safe, formatted for people."""

from __future__ import annotations

import io
import re
from typing import Any

import pandas as pd

from analytics.core.values import printable

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A CSV cell safe from formula injection: text starting with = + - @ (or a tab/CR) is
    prefixed with an apostrophe so Excel shows it as text instead of evaluating it; control
    characters are dropped. (A workbook's cells are typed instead: :func:`xlsx_text`.)"""
    if isinstance(value, str):
        value = printable(value)  # a control character makes the whole workbook fail to save
        if value.startswith(_FORMULA_START):
            return "'" + value
    return value


def xlsx_text(value: Any) -> Any:
    """A value for a workbook cell: text without the control characters a workbook cannot hold,
    written as it is (``+0.08万人``, never ``'+0.08万人``); :func:`keep_text` makes it text."""
    return printable(value) if isinstance(value, str) else value


def keep_text(cell: Any) -> Any:
    """An openpyxl cell whose text openpyxl took for a formula (it begins with ``=``) kept as text:
    a string cell is shown and never evaluated, with no apostrophe for people to see."""
    if getattr(cell, "data_type", None) == "f":
        cell.data_type = "s"
    return cell


_FORMAT_SPECIAL = re.compile(r'(["\\])')


def excel_literal(text: str) -> str:
    """``text`` as literal text inside an Excel number format (e.g. a unit after the digits):
    runs of ordinary characters in double quotes, a ``"`` or ``\\`` as a backslash escape
    (``万"人`` → ``"万"\\""人"``), control and other unprintable characters dropped — so no unit
    can end the quoted text early and leave Excel a malformed format."""
    clean = "".join(ch for ch in str(text or "") if ch.isprintable())
    return "".join("\\" + part if part in ('"', "\\") else f'"{part}"'
                   for part in _FORMAT_SPECIAL.split(clean) if part)


def _texts(df: pd.DataFrame, cell: Any) -> pd.DataFrame:
    """``df`` with every text (cells of text columns, column names) passed through ``cell``:
    :func:`safe_cell` for a CSV, :func:`xlsx_text` for a workbook."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(cell)
    out.columns = [cell(str(c)) for c in out.columns]
    return out


def csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV that Excel opens correctly in Chinese (UTF-8 with BOM)."""
    return _texts(df, safe_cell).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """One workbook, one sheet per frame: frozen header row, sensible column widths."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        for name, df in sheets.items():
            sheet = name[:31]
            _texts(df, xlsx_text).to_excel(xw, index=False, sheet_name=sheet)
            ws = xw.sheets[sheet]
            for row in ws.iter_rows():
                for c in row:
                    keep_text(c)  # typed text: never a formula, shown as written
            ws.freeze_panes = "A2"
            for i, col in enumerate(df.columns, start=1):
                values = [str(col)] + [str(v) for v in df[col].head(200).tolist()]
                width = max(sum(2 if ord(ch) > 0x2E80 else 1 for ch in v) for v in values)
                ws.column_dimensions[ws.cell(1, i).column_letter].width = min(60, max(8, width + 2))
    return buf.getvalue()
