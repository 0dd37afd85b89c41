"""Spending headers as managers write them (analytics/ingest/schema.py: split_basis, bracket_basis,
header_unit, map_columns; analytics/ingest/budget.py): the basis in brackets, after a dash or before
the source's name, and a basis and spending with no source at all — the project's one source's
spending, or refused when it has several."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from analytics.ingest.schema import bracket_basis, header_unit, split_basis
from analytics.ingest.validate import ingest_any, ingest_budget
from analytics.present.messages import render_problem

NAMES = {"central": "中央补助", "local": "地方资金", "other": "其他资金"}
ONE = {"central": "中央补助"}
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
    ("累计支出", ("支出", "ytd")),
    ("累计支出（万元）", ("支出", "ytd")),
    ("当月支出", ("支出", "month")),
    ("本月支出", ("支出", "month")),
    ("累计执行数", ("执行数", "ytd")),
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


# ---------------------------------------------------------------------------- spending with no source
@pytest.mark.parametrize(("header", "expected"), [
    ("累计支出", [100.0, 150.0, 150.0]),
    ("累计支出（万元）", [100.0, 150.0, 150.0]),
    ("累计执行数", [100.0, 150.0, 150.0]),
    ("当月支出", [100.0, 250.0, 400.0]),
    ("本月支出", [100.0, 250.0, 400.0]),
])
def test_spending_without_a_source_is_the_one_sources(header: str, expected: list[float]) -> None:
    result = ingest_budget(_xlsx([header], YTD), sources=ONE, filename="b.xlsx")
    assert result.ok, [render_problem(p) for p in result.problems]
    assert _codes(result) == [] and _by_source(result) == {"central": expected}


def test_spending_without_a_source_keeps_the_amount_columns_rules() -> None:
    plain = ingest_budget(_xlsx(["支出金额"], YTD), sources=ONE, filename="b.xlsx")  # no basis: monthly, suspected
    assert plain.ok and _codes(plain) == ["cumulative_suspect"] and _by_source(plain) == {"central": [100.0, 250.0, 400.0]}
    yuan = ingest_budget(_xlsx(["累计支出（元）"], [[1_000_000], [2_500_000]]), sources=ONE, filename="b.xlsx")
    assert yuan.ok and _codes(yuan) == ["unit_converted"] and _by_source(yuan) == {"central": [100.0, 150.0]}
    assert yuan.problems[0].params["factor"] == "0.0001"
    both = ingest_budget(_xlsx(["当月支出", "累计支出"], [[100, 100], [150, 250]]), sources=ONE, filename="b.xlsx")
    assert both.ok and _by_source(both) == {"central": [100.0, 150.0]}  # a 当月 and a 累计 column, read once
    found = ingest_any(_xlsx(["累计支出"], YTD), {}, sources=ONE, filename="b.xlsx")  # told from actuals by it
    assert found.ok and found.kind == "budget" and _by_source(found) == {"central": [100.0, 150.0, 150.0]}


@pytest.mark.parametrize("header", ["累计支出", "累计支出（万元）", "当月支出", "本月支出", "累计执行数", "支出金额"])
def test_spending_without_a_source_is_refused_once_when_the_project_has_several(header: str) -> None:
    result = ingest_budget(_xlsx([header], YTD), sources=NAMES, filename="b.xlsx")
    assert not result.ok and _codes(result) == ["spending_unsplit"]
    problem = result.errors[0]
    assert (problem.row, problem.column) == (1, header)
    zh, en = render_problem(problem), render_problem(problem, "en")
    assert "没有按资金来源分列" in zh and "中央补助（central）、地方资金（local）、其他资金（other）" in zh
    assert "「中央补助」，累计数写「中央补助累计」" in zh and "{" not in zh
    assert "not split by funding source" in en and "{" not in en


def test_a_long_table_with_a_source_column_takes_the_amount_headers_basis() -> None:
    data = "月份,资金来源,累计支出\n2024-01,中央补助,100\n2024-02,中央补助,250\n2024-01,地方资金,40\n".encode()
    result = ingest_budget(data, sources=NAMES, filename="b.csv")
    assert result.ok and _by_source(result) == {"central": [100.0, 150.0], "local": [40.0]}


def test_a_header_the_rule_cannot_place_is_still_an_ignored_column() -> None:
    for extra in ("县级配套（累计）", "累计", "累计（万元）", "累计完成", "累计支出"):  # 累计支出 beside the sources' columns
        result = ingest_budget(_xlsx(["中央补助累计", extra], YTD), sources=NAMES, filename="b.xlsx")
        assert result.ok and _codes(result) == ["ignored_columns"], extra
        assert result.problems[0].params["columns"] == [extra] and _by_source(result) == {"central": [100.0, 150.0, 150.0]}


# ---------------------------------------------------------------------------- through the CLI
TABLE = """2026年度项目支出绩效目标表
项目名称\t高标准农田建设项目
主管部门\t某县农业农村局\t实施单位\t某县农田建设服务中心
项目资金（万元）\t年度资金总额\t2000
项目资金（万元）\t其中：中央补助\t2000
年度总体目标\t新建高标准农田2.5万亩；受益农户满意度达到90%以上。
一级指标\t二级指标\t三级指标\t单位\t指标值
产出指标\t数量指标\t新建高标准农田面积\t万亩\t≥2.5
满意度指标\t服务对象满意度指标\t受益农户满意度\t%\t≥90
"""


def test_import_reads_a_sourceless_total_for_the_one_source_and_refuses_it_for_several(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from analytics.cli.main import main

    table, spending = tmp_path / "nt.txt", tmp_path / "spending.csv"
    table.write_text(TABLE, encoding="utf-8")
    spending.write_text("月份,累计支出（万元）\n2026-01,100\n2026-02,250\n", encoding="utf-8")
    store = str(tmp_path / "store")
    assert main(["new-project", str(table), "--store", store, "--id", "nt"]) == 0
    capsys.readouterr()
    assert main(["import", str(spending), "--kind", "budget", "--store", store, "--project", "nt"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] and out["rows"] == 2 and out["problems"] == []
    several = main(["import", str(spending), "--kind", "budget", "--store", str(tmp_path / "dg"), "--dry-run"])
    out = json.loads(capsys.readouterr().out)
    assert several != 0 and [p["code"] for p in out["problems"]] == ["spending_unsplit"]
    assert "中央补助" in out["problems"][0]["message_zh"] and "地方资金" in out["problems"][0]["message_zh"]
