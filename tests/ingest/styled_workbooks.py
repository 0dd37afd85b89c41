"""Workbooks carrying a huge styles part, as tools that copy between workbooks pile styles up:
the one way to rewrite an .xlsx's ``xl/styles.xml`` and to open a workbook for openpyxl's own
reading of it, shared by the tests of the styles reading (tests/ingest/test_xlsx_styles.py) and
its bench (bench/xlsx_styles.py)."""

from __future__ import annotations

import io
import zipfile
from typing import Any, Callable


def restyled(data: bytes, edit: Callable[[str], str]) -> bytes:
    """``data`` (an .xlsx) with its ``xl/styles.xml`` rewritten by ``edit`` (text → text), every
    other part as it is."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            raw = src.read(info)
            if info.filename == "xl/styles.xml":
                raw = edit(raw.decode("utf-8")).encode("utf-8")
            dst.writestr(info, raw)
    return out.getvalue()


def opened(data: bytes) -> Any:
    """openpyxl's reader of ``data`` (read-only), its manifest and workbook part read, before any
    styles are: for the styles reading under test, or openpyxl's own (:func:`openpyxl_styles`)."""
    from openpyxl.reader.excel import ExcelReader

    reader = ExcelReader(io.BytesIO(data), read_only=True)
    reader.read_manifest()
    reader.read_workbook()
    return reader


def openpyxl_styles(data: bytes) -> Any:
    """The workbook of ``data`` with its styles part read by openpyxl's stylesheet objects (what
    every read of such a file cost before the streaming reading)."""
    from openpyxl.styles.stylesheet import apply_stylesheet

    reader = opened(data)
    apply_stylesheet(reader.archive, reader.wb)
    return reader.wb
