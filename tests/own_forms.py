"""This app's own forms of the sample project, as a unit brings them back filled (shared by the
tests of the import gate and of 数据管理)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from analytics.cli.main import main


def own_form(tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str = "monitoring", as_of: str = "2024-08",
             blank: tuple[float, ...] = ()) -> Path:
    """This app's own form of the sample project, its 示例数据 mark taken off as a unit filling it
    would (cells holding one of ``blank`` emptied)."""
    out = tmp_path / f"{form}.xlsx"
    assert main(["report", "--as-of", as_of, "--year", as_of[:4], "--form", form, "--out", str(out)]) == 0
    capsys.readouterr()
    wb = openpyxl.load_workbook(out)
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and "示例数据" in cell.value:
                    cell.value = cell.value.replace("【示例数据，非官方统计】", "")
                if isinstance(cell.value, (int, float)) and any(abs(cell.value - b) < 0.005 for b in blank):
                    cell.value = None
    wb.save(out)
    return out
