"""Spending headers as managers write them (analytics/ingest/schema.py: split_basis, bracket_basis,
header_unit; analytics/ingest/budget.py): the basis in brackets, after a dash or before the
source's name."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import pytest

from analytics.ingest.schema import bracket_basis, header_unit, split_basis
from analytics.ingest.validate import ingest_budget
from analytics.present.messages import render_problem

NAMES = {"central": "中央补助", "local": "地方资金", "other": "其他资金"}
YTD = [[100, 500], [250, 900], [400, 1500]]  # running totals: monthly 100, 150, 150 and 500, 400, 600


def _xlsx(header: list[str], values: list[list[Any]]) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["月份", *header])
    for i, row in enumerate(values, start=1):
        ws.append([f"2024-{i:02d}", *row[:len(header)]])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _by_source(result: Any) -> dict[str, list[float]]:
    return {s: [round(a, 6) for a in g.sort_values("month")["amount"]] for s, g in result.data.groupby("source")}


def _codes(result: Any) -> list[str]:
    return [p.code for p in result.problems]


# ---------------------------------------------------------------------------- the one rule
@pytest.mark.parametrize(("header", "expected"), [
    ("中央补助累计", ("中央补助", "ytd")),
    ("省级资金累计支出", ("省级资金", "ytd")),
    ("中央补助（累计）", ("中央补助", "ytd")),
    ("中央补助(当月)", ("中央补助", "month")),
    ("省级资金（累计支出）", ("省级资金", "ytd")),
    ("中央补助（累计，万元）", ("中央补助", "ytd")),
    ("中央补助—累计", ("中央补助", "ytd")),
    ("中央补助-累计", ("中央补助", "ytd")),
    ("中央补助/累计", ("中央补助", "ytd")),
    ("累计中央补助", ("中央补助", "ytd")),
    ("本月中央补助支出", ("中央补助", "month")),
    ("支出金额", ("支出金额", None)),
    ("中央补助", ("中央补助", None)),
    ("累计", ("累计", None)),
    ("中央补助（万元）", ("中央补助", None)),
])
def test_split_basis_finds_the_basis_wherever_the_header_writes_it(header: str, expected: tuple[str, str | None]) -> None:
    assert split_basis(header) == expected


def test_a_basis_in_brackets_is_no_unit() -> None:
    assert (header_unit("中央补助（累计）"), bracket_basis("中央补助（累计）")) == ("", "ytd")
    assert (header_unit("中央补助（累计，元）"), bracket_basis("中央补助（累计，元）")) == ("元", "ytd")
    assert (header_unit("累计支出（万元）"), bracket_basis("累计支出（万元）")) == ("万元", None)
    assert (header_unit("金额（单位：元）"), header_unit("长度（m）")) == ("元", "m")


# ---------------------------------------------------------------------------- a source and its basis
@pytest.mark.parametrize("header", [
    ["中央补助（累计）", "地方资金（累计）"],
    ["中央补助(累计)", "地方资金(累计支出)"],
    ["中央补助—累计", "地方资金-累计"],
    ["累计中央补助", "累计地方资金"],
    ["中央补助（累计执行数）", "本年累计地方资金支出"],
])
def test_a_source_with_its_basis_in_brackets_a_dash_or_before_it_is_read_as_both(header: list[str]) -> None:
    result = ingest_budget(_xlsx(header, YTD), sources=NAMES, filename="b.xlsx")
    assert result.ok, [render_problem(p) for p in result.problems]
    assert _codes(result) == []  # no 单位「累计」, no running total suspected
    assert _by_source(result) == {"central": [100.0, 150.0, 150.0], "local": [500.0, 400.0, 600.0]}


def test_a_monthly_basis_in_brackets_keeps_the_amounts_and_a_unit_beside_it_is_read() -> None:
    monthly = ingest_budget(_xlsx(["中央补助(当月)", "地方资金（本月）"], YTD), sources=NAMES, filename="b.xlsx")
    assert monthly.ok and _codes(monthly) == []  # 当月 written: no cumulative_suspect
    assert _by_source(monthly) == {"central": [100.0, 250.0, 400.0], "local": [500.0, 900.0, 1500.0]}
    yuan = ingest_budget(_xlsx(["中央补助（累计，元）"], [[1_000_000], [2_500_000]]), sources=NAMES, filename="b.xlsx")
    assert yuan.ok and _codes(yuan) == ["unit_converted"] and _by_source(yuan) == {"central": [100.0, 150.0]}


# ---------------------------------------------------------------------------- columns it cannot place
def test_a_header_the_rule_cannot_place_is_still_an_ignored_column() -> None:
    for extra in ("县级配套（累计）", "累计", "累计（万元）", "累计完成"):
        result = ingest_budget(_xlsx(["中央补助累计", extra], YTD), sources=NAMES, filename="b.xlsx")
        assert result.ok and _codes(result) == ["ignored_columns"], extra
        assert result.problems[0].params["columns"] == [extra] and _by_source(result) == {"central": [100.0, 150.0, 150.0]}
