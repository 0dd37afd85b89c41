"""Monthly data files as managers prepare them (analytics/ingest/: budget, actuals, schema,
readers): units stated apart from the numbers, cumulative figures without a 口径 column, periods
written in other ways, total rows, names as the target table writes them, file types."""

from __future__ import annotations

import io
from typing import Any

import openpyxl

from analytics.ingest.validate import ingest_actuals, ingest_any, ingest_budget
from analytics.present.messages import render_problem

BUDGETS = {"central": 10000.0, "local": 87651.18, "other": 5763.0}
NAMES = {"central": "中央补助", "local": "地方资金", "other": "其他资金"}


def _xlsx(rows: list[list[Any]]) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _codes(result: Any, severity: str | None = None) -> list[str]:
    return [p.code for p in result.problems if severity is None or p.severity == severity]


# ---------------------------------------------------------------------------- 1. amounts in 元
def test_amount_above_its_sources_whole_budget_is_refused_as_yuan() -> None:
    data = "月份,资金来源,金额\n2024-01,中央补助,3010000\n2024-01,地方资金,2500\n".encode()
    result = ingest_budget(data, sources=NAMES, filename="b.csv", budgets=BUDGETS)
    assert not result.ok and _codes(result, "error") == ["amount_over_budget"]
    problem = result.errors[0]
    assert problem.row == 2 and problem.params["converted"] == "301"
    assert "是以「元」填写的" in render_problem(problem) and "301万元" in render_problem(problem)
    assert "look written in 元" in render_problem(problem, "en")
    # without a budget, or under it, nothing is said
    assert ingest_budget(data, sources=NAMES, filename="b.csv").ok
    assert ingest_budget(data, sources=NAMES, filename="b.csv", budgets=BUDGETS,
                         limits={"budget_ratio": 1000.0}).ok


def test_a_table_typed_in_yuan_is_refused_once_naming_its_first_rows() -> None:
    rows = "".join(f"2024-{m:02d},{3000000 + m},{25000000 + m}\n" for m in range(1, 10)) + \
        "".join(f"2024-{m:02d},{3000000 + m},\n" for m in range(10, 13)) + \
        "".join(f"2025-{m:02d},{3000000 + m},\n" for m in range(1, 7))
    result = ingest_budget(("月份,中央补助,地方资金\n" + rows).encode(), sources=NAMES, filename="b.csv", budgets=BUDGETS)
    assert not result.ok and _codes(result) == ["amount_over_budget"]  # 18 rows, 27 amounts: one message
    problem = result.errors[0]
    assert problem.row == 2 and problem.params["row_count"] == 18 and problem.params["cells"] == 27
    assert problem.params["rows"][:3] == [2, 3, 4]  # every row kept (up to max_listed), for the page to point at
    zh, en = render_problem(problem), render_problem(problem, "en")
    assert "第 2、3、4、5、6 行等 18 行的金额超过了所属资金来源的全部预算" in zh and "看起来表中的金额是以「元」填写的" in zh
    assert "请在表格标题中写明「（单位：元）」，或加一列「单位」并填「元」" in zh
    assert "rows 2, 3, 4, 5, 6 and 13 more (18 rows)" in en and "add a 单位 (unit) column with 元" in en


def test_a_unit_column_of_a_spending_table_converts_its_rows() -> None:
    data = "月份,资金来源,金额,单位\n2024-01,中央补助,3010000,元\n2024-01,地方资金,2500,万元\n2024-02,地方资金,25000000,元\n"
    result = ingest_budget(data.encode(), sources=NAMES, filename="b.csv", budgets=BUDGETS)
    assert result.ok, _codes(result)
    assert list(result.data["amount"]) == [301.0, 2500.0, 2500.0]
    assert _codes(result) == ["unit_converted"] and result.problems[0].params["rows"] == [2, 4]
    assert "第 2、4 行「单位」列写明单位「元」" in render_problem(result.problems[0])
    other = ingest_budget(data.replace("万元\n", "个\n").encode(), sources=NAMES, filename="b.csv", budgets=BUDGETS)
    assert other.ok and _codes(other) == ["unit_converted", "unit_mismatch"]  # read in 万元, said


def test_year_to_date_amount_above_the_budget_is_refused_too() -> None:
    data = "月份,中央补助,地方资金,口径\n2024-01,300,2500,累计\n2024-02,6000000,4900,累计\n".encode()
    result = ingest_budget(data, sources=NAMES, filename="b.csv", budgets=BUDGETS)
    assert _codes(result, "error") == ["amount_over_budget"] and result.errors[0].row == 3


def test_unit_stated_in_a_title_row_is_honoured() -> None:
    data = _xlsx([["2024年项目资金支出明细（单位：元）"], ["月份", "中央补助", "地方资金", "合计"],
                  ["2024-01", 3000000, 25000000, 28000000]])
    result = ingest_budget(data, sources=NAMES, filename="b.xlsx", budgets=BUDGETS)
    assert result.ok, _codes(result)
    assert sorted(result.data["amount"]) == [300.0, 2500.0]
    assert _codes(result) == ["unit_converted"] and result.problems[0].params["where"] == "title"
    assert "表格标题写明单位「元」" in render_problem(result.problems[0])


def test_unit_stated_in_a_note_converts_that_rows_amounts() -> None:
    data = "月份,资金来源,金额,备注\n2024-01,中央补助,8510,单位：元\n2024-01,地方资金,9200,\n".encode()
    result = ingest_budget(data, sources=NAMES, filename="b.csv", budgets=BUDGETS)
    assert result.ok
    assert list(result.data.sort_values("source")["amount"]) == [0.851, 9200.0]
    warning = result.problems[0]
    assert warning.code == "unit_converted" and warning.params["where"] == "note" and warning.row == 2
    assert "备注写明单位「元」" in render_problem(warning)


# ---------------------------------------------------------------------------- 2. cumulative spending, no 口径
def test_spending_that_grows_as_a_total_is_said() -> None:
    data = _xlsx([["月份", "中央补助", "地方资金"], ["2024-01", 300, 2500], ["2024-02", 580, 2400],
                  ["2024-03", 900, 2600], ["2024-04", 1200, 2500]])
    result = ingest_budget(data, sources=NAMES, filename="b.xlsx", budgets=BUDGETS)
    assert result.ok and _codes(result) == ["cumulative_suspect"]  # 地方资金 falls in February: monthly
    warning = result.problems[0]
    assert warning.params["source"] == "central" and warning.params["rows"] == [2, 3, 4, 5] and warning.row == 5
    assert "请加一列「口径」并填「累计」" in render_problem(warning)
    with_basis = _xlsx([["月份", "中央补助", "口径"], ["2024-01", 300, "当月"], ["2024-02", 580, "当月"],
                        ["2024-03", 900, "当月"]])
    assert _codes(ingest_budget(with_basis, sources=NAMES, filename="b.xlsx", budgets=BUDGETS)) == []


def test_running_totals_far_ahead_of_time_when_summed_are_read_as_totals() -> None:
    rows = [["月份", "中央补助", "地方资金"], ["2024-01", 1500, 2500], ["2024-02", 3200, 2400], ["2024-03", 4600, 2600]]
    result = ingest_budget(_xlsx(rows), sources=NAMES, filename="b.xlsx", budgets=BUDGETS)
    assert result.ok and _codes(result) == ["cumulative_read"]  # summed 9300 of 10000 by March: 93% against 25%
    central = result.data[result.data["source"] == "central"]
    assert list(central["amount"]) == [1500.0, 1700.0, 1400.0] and central["amount"].sum() == 4600.0
    warning = result.problems[0]
    assert warning.params["share"] == "93" and warning.params["elapsed"] == "25" and warning.params["rows"] == [2, 3, 4]
    zh, en = render_problem(warning), render_problem(warning, "en")
    assert "远超时间进度（25%）" in zh and "已按累计数导入" in zh and "请加一列「口径」并填「当月」" in zh
    assert "imported as such" in en
    # weaker evidence stays a warning, amounts kept monthly: no budget, a 合计 row summing them, or a slower pace
    assert _codes(ingest_budget(_xlsx(rows), sources=NAMES, filename="b.xlsx")) == ["cumulative_suspect"]
    summed = ingest_budget(_xlsx(rows + [["合计", 9300, 7500]]), sources=NAMES, filename="b.xlsx", budgets=BUDGETS)
    assert "cumulative_suspect" in _codes(summed) and summed.data["amount"].sum() == 9300 + 7500
    cautious = ingest_budget(_xlsx(rows), sources=NAMES, filename="b.xlsx", budgets=BUDGETS, limits={"cumulative_pace": 4})
    assert _codes(cautious) == ["cumulative_suspect"]


def test_spending_over_budget_only_when_summed_is_refused() -> None:
    rows = [["月份", "中央补助"]] + [[f"2024-{m:02d}", 1500 * m] for m in range(1, 7)]  # summed 31500 > 10000 ≥ 9000
    result = ingest_budget(_xlsx(rows), sources=NAMES, filename="b.xlsx", budgets=BUDGETS)
    assert not result.ok and _codes(result, "error") == ["cumulative_over_budget"]
    assert "按累计数读取则为 9000万元" in render_problem(result.errors[0])


# ---------------------------------------------------------------------------- 2b. 累计 and 当月 rows of one source
def _spending(lines: list[str]) -> Any:
    return ingest_budget(("月份,资金来源,金额,口径\n" + "\n".join(lines) + "\n").encode(), sources=NAMES, filename="b.csv")


def test_totals_and_monthly_amounts_of_one_source_are_put_together_as_actuals_are() -> None:
    result = _spending(["2024-01,中央补助,100,当月", "2024-02,中央补助,250,累计", "2024-03,中央补助,120,当月",
                        "2024-05,中央补助,600,累计", "2024-01,地方资金,2500,当月"])
    assert result.ok and _codes(result) == ["basis_converted"]
    central = result.data[result.data["source"] == "central"]
    assert list(zip(central["first_month"], central["month"], central["amount"])) == [
        (1, 1, 100.0), (2, 2, 150.0), (3, 3, 120.0), (4, 5, 230.0)]  # each total less the months before it
    warning = result.problems[0]
    assert warning.params["rows"] == [3, 5] and warning.params["source"] == "central"
    assert "既有当月数又有累计数，已统一按当月数导入" in render_problem(warning)
    assert "imported as monthly amounts" in render_problem(warning, "en")
    # a quarter's own amount (当季) after a total to February: March is the quarter less the total
    quarter = _spending(["2024-02,中央补助,250,累计", "2024年一季度,中央补助,400,当季"])
    assert quarter.ok and list(zip(quarter.data["first_month"], quarter.data["amount"])) == [(1, 250.0), (3, 150.0)]
    # a 当月 beside the 累计 of the same month that agrees with it is not counted twice
    both = _spending(["2024-01,中央补助,100,累计", "2024-01,中央补助,100,当月", "2024-02,中央补助,250,累计",
                      "2024-02,中央补助,150,当月"])
    assert both.ok and list(both.data["amount"]) == [100.0, 150.0] and both.problems[0].params["agreed"] == 2


def test_totals_and_monthly_amounts_that_disagree_are_refused_naming_the_row() -> None:
    overlap = _spending(["2024-01,中央补助,100,当月", "2024-02,中央补助,250,累计", "2024-02,中央补助,200,当月"])
    assert not overlap.ok and _codes(overlap) == ["mixed_basis"]
    problem = overlap.errors[0]
    assert problem.row == 4 and problem.params["rows"] == [2, 3, 4] and problem.params["conflict"] == "overlap"
    assert "第 4 行（2024年2月）的当月数 200 所含月份已计入累计数，按累计数应为 150" in render_problem(problem)
    assert "where the totals make 150" in render_problem(problem, "en")
    below = _spending(["2024-01,中央补助,100,当月", "2024-02,中央补助,90,累计"])
    assert _codes(below) == ["mixed_basis"] and "累计数 90 小于此前各月之和 100" in render_problem(below.errors[0])
    inside = _spending(["2024-02,中央补助,250,累计", "2024年2-3月,中央补助,300,当月"])  # February in both
    assert _codes(inside) == ["mixed_basis"] and inside.errors[0].params["conflict"] == "inside"


# ---------------------------------------------------------------------------- 2c. a source and its 口径 in one header
LEVELS = {"central": "中央补助", "provincial": "省级资金", "municipal": "市级配套"}


def test_a_header_naming_a_source_and_its_basis_is_read_as_both() -> None:
    rows = [["月份", "中央补助累计", "省级资金累计支出", "市级配套当月"], ["2024-01", 100, 50, 10],
            ["2024-02", 250, 120, 12], ["2024-03", 400, 200, 30]]
    result = ingest_budget(_xlsx(rows), sources=LEVELS, filename="b.xlsx")
    assert result.ok, [render_problem(p) for p in result.problems]
    assert _codes(result) == []  # no column ignored, no running total suspected in 市级配套当月
    by = {s: list(g["amount"]) for s, g in result.data.groupby("source")}
    assert by == {"central": [100.0, 150.0, 150.0], "provincial": [50.0, 70.0, 80.0], "municipal": [10.0, 12.0, 30.0]}
    # the project's sources under keys of their own (新建项目: s1, s2 …), named as the lexicon knows them
    own = ingest_budget(_xlsx([["月份", "中央补助本月支出", "省级财政资金累计"], ["2024-01", 100, 50], ["2024-02", 80, 120]]),
                        sources={"s1": "中央补助", "s2": "省级资金"}, filename="b.xlsx")
    assert own.ok and {s: list(g["amount"]) for s, g in own.data.groupby("source")} == {"s1": [100.0, 80.0],
                                                                                         "s2": [50.0, 70.0]}
    # a source the project does not have stays an ignored column
    other = ingest_budget(_xlsx([["月份", "中央补助累计", "县级配套累计"], ["2024-01", 100, 5]]), sources=LEVELS,
                          filename="b.xlsx")
    assert other.ok and _codes(other) == ["ignored_columns"] and other.problems[0].params["columns"] == ["县级配套累计"]


def test_a_source_with_a_当月_and_a_累计_column_is_read_once() -> None:
    """中央补助 merged over 当月 | 累计 (a 支出进度表): both columns read, the 当月 checked against the 累计."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["月份", "中央补助", None, "合计"], [None, "当月", "累计", None], ["2024-01", 100, 100, 100],
                ["2024-02", 150, 250, 150]):
        ws.append(row)
    ws.merge_cells("B1:C1")
    ws.merge_cells("A1:A2")
    ws.merge_cells("D1:D2")
    buf = io.BytesIO()
    wb.save(buf)
    result = ingest_budget(buf.getvalue(), sources=NAMES, filename="b.xlsx")
    assert result.ok, [render_problem(p) for p in result.problems]
    assert list(result.data["amount"]) == [100.0, 150.0] and "duplicate_column" not in _codes(result)
    long = ("月份,资金来源,金额\n2024-01,中央补助累计,100\n2024-02,中央补助累计,250\n2024-02,地方资金当月,40\n").encode()
    read = ingest_budget(long, sources=NAMES, filename="b.csv")
    assert read.ok and list(zip(read.data["source"], read.data["amount"])) == [("central", 100.0), ("central", 150.0),
                                                                               ("local", 40.0)]


# ---------------------------------------------------------------------------- 3. the 单位 column
INDICATORS: dict[str, dict[str, Any]] = {
    "new_urban_jobs": {"name": "城镇新增就业人员规模", "unit": "万人", "kind": "flow", "direction": "higher",
                       "default_basis": "ytd", "max_value": None, "reference": 12.4},
    "hardship_employed": {"name": "就业困难人员就业人数", "unit": "万人", "kind": "flow", "direction": "higher",
                          "default_basis": "ytd", "max_value": None, "reference": 0.1},
    "registered_unemployed": {"name": "登记失业人员规模", "unit": "万人", "kind": "level", "direction": "lower",
                              "default_basis": "level", "max_value": None},
    "master_studios": {"name": "建设技能大师工作室", "unit": "个", "kind": "flow", "direction": "higher",
                       "default_basis": "ytd", "max_value": None},
    "graduate_placement_rate": {"name": "高校毕业生去向落实率", "unit": "%", "kind": "rate", "direction": "higher",
                                "default_basis": "level", "max_value": 100},
    "youth_contact_rate": {"name": "离校未就业毕业生和困难失业青年“一对一”帮扶联系率", "unit": "%", "kind": "rate",
                           "direction": "higher", "default_basis": "level", "max_value": 100},
}


def test_a_unit_cell_of_another_scale_is_converted_like_a_headers() -> None:
    data = ("indicator_id,指标名称,单位,口径,2024-01,2024-02\n"
            "hardship_employed,就业困难人员就业人数,人,累计,6,25\n"
            "new_urban_jobs,城镇新增就业人员规模,万人,累计,1.05,1.98\n").encode()
    result = ingest_actuals(data, INDICATORS, filename="a.csv")
    assert result.ok, _codes(result)
    small = result.data[result.data["indicator_id"] == "hardship_employed"]
    assert list(small["value"]) == [0.0006, 0.0025]
    assert list(result.data[result.data["indicator_id"] == "new_urban_jobs"]["value"]) == [1.05, 1.98]
    warning = next(p for p in result.problems if p.code == "unit_converted")
    assert warning.row == 2 and "「单位」列写明单位「人」" in render_problem(warning)
    other = ingest_actuals(data.replace("人,累计,6".encode(), "个,累计,6".encode()), INDICATORS, filename="a.csv")
    assert "unit_mismatch" in _codes(other)  # another unit altogether: read in the indicator's, said


# ---------------------------------------------------------------------------- 4. 2024.10 kept as the number 2024.1
def test_2024_1_among_two_digit_months_is_october() -> None:
    rows = [["指标名称", "月份", "数值"]] + [["登记失业人员规模", p, v] for p, v in
                                           ((2024.08, 3.9), (2024.09, 3.85), (2024.1, 3.8), (2024.11, 3.75))]
    result = ingest_actuals(_xlsx(rows), INDICATORS, filename="a.xlsx")
    assert result.ok and list(result.data["month"]) == [8, 9, 10, 11]
    assert _codes(result) == ["period_read_as_october"] and result.problems[0].row == 4
    budget = ingest_budget("月份,资金来源,金额\n2024.09,中央补助,30\n2024.1,中央补助,40\n".encode(), sources=NAMES,
                           filename="b.csv")
    assert budget.ok and list(budget.data["month"]) == [9, 10]
    wide = ingest_actuals("指标名称,2024.09,2024.1,2024.11\n登记失业人员规模,3.9,3.8,3.7\n".encode(), INDICATORS,
                          filename="a.csv")
    assert wide.ok and list(wide.data["month"]) == [9, 10, 11] and "period_read_as_october" in _codes(wide)


def test_2024_1_is_january_among_one_digit_months_and_refused_when_no_telling() -> None:
    plain = ingest_actuals("指标名称,月份,数值\n登记失业人员规模,2024.1,3.9\n登记失业人员规模,2024.2,3.8\n".encode(),
                           INDICATORS, filename="a.csv")
    assert plain.ok and list(plain.data["month"]) == [1, 2] and _codes(plain) == []
    unsure = ingest_actuals("指标名称,月份,数值\n登记失业人员规模,2024.1,3.9\n登记失业人员规模,2024.11,3.8\n".encode(),
                            INDICATORS, filename="a.csv")
    assert not unsure.ok and _codes(unsure, "error") == ["period_ambiguous"]


# ---------------------------------------------------------------------------- 5. a month with only its total
def test_a_month_with_only_its_total_is_refused() -> None:
    data = "月份,中央补助,地方资金,其他资金,合计\n2024-01,,,,2950\n2024-02,280,2400,140,2820\n".encode()
    result = ingest_budget(data, sources=NAMES, filename="b.csv")
    assert not result.ok and _codes(result) == ["total_unsplit"]
    assert result.errors[0].row == 2 and result.errors[0].column == "合计"
    assert "没有按资金来源（中央补助、地方资金、其他资金）分列" in render_problem(result.errors[0])
    zero = ingest_budget(data.replace(b",,,,2950", b",,,,0"), sources=NAMES, filename="b.csv")
    assert zero.ok


# ---------------------------------------------------------------------------- 6. a month missing in a monthly series
def _gaps(data: bytes, stored: Any = None) -> Any:
    import pandas as pd

    from analytics.ingest.checks import report_gaps

    result = ingest_actuals(data, INDICATORS, filename="a.csv")
    return report_gaps(result, stored if stored is not None else pd.DataFrame(), INDICATORS, "a.csv")


def test_a_missing_month_in_a_monthly_series_is_said() -> None:
    rows = "".join(f"master_studios,2024-{m:02d},{m},month\n" for m in (1, 2, 4, 5, 6))
    result = _gaps(("indicator_id,period,value,basis\n" + rows).encode())
    assert result.ok and _codes(result) == ["month_gap"]
    warning = result.problems[0]
    assert warning.row == 4 and warning.params["gap_months"] == [3] and warning.params["later_months"] == [4, 5, 6]
    assert "2024年3月缺报，4—6月的数值（当月数）暂不能累计" in render_problem(warning)
    assert "Mar 2024" in render_problem(warning, "en") and "Apr–Jun" in render_problem(warning, "en")


def test_a_series_reported_monthly_from_march_is_said_unless_the_store_holds_the_first_months() -> None:
    import pandas as pd

    data = ("indicator_id,period,value,basis\n" + "".join(f"master_studios,2024-{m:02d},{m},month\n" for m in (3, 4))).encode()
    result = _gaps(data)
    assert _codes(result) == ["month_gap"] and result.problems[0].params["gap_months"] == [1, 2]
    stored = pd.DataFrame([{"indicator_id": "master_studios", "year": 2024, "month": 2, "first_month": 1, "value": 3.0,
                            "basis": "ytd", "origin": "import"}])
    assert _codes(_gaps(data, stored)) == []
    totals = ("indicator_id,period,value,basis\nmaster_studios,2024-02,3,ytd\nmaster_studios,2024-03,4,month\n").encode()
    assert _codes(_gaps(totals)) == []  # a total to February, March's amount after it: nothing missing


# ---------------------------------------------------------------------------- 7. 合计 rows
def test_total_rows_are_skipped_with_a_note() -> None:
    wide = ("指标名称,2024年1月,2024年2月\n城镇新增就业人员规模,1.05,1.98\n建设技能大师工作室,3,5\n合计,4.05,6.98\n").encode()
    result = ingest_actuals(wide, INDICATORS, filename="a.csv")
    assert result.ok and "total_row" in _codes(result) and len(result.data) == 4
    ledger = _xlsx([["2024年就业工作台账"], ["月份", "城镇新增就业人员规模", "建设技能大师工作室"], ["1月", 1.05, 3],
                    ["2月", 1.98, 5], ["合计", 3.03, 8]])
    result = ingest_actuals(ledger, INDICATORS, filename="a.xlsx")
    assert result.ok and next(p for p in result.problems if p.code == "total_row").row == 5
    assert "是合计行" in render_problem(next(p for p in result.problems if p.code == "total_row"))


def test_a_spending_total_row_is_checked_against_the_rows_above() -> None:
    data = "月份,中央补助,地方资金,合计\n2024-01,300,2500,2800\n2024-02,320,2400,2720\n{label},620,4900,5520\n"
    result = ingest_budget(data.format(label="合计").encode(), sources=NAMES, filename="b.csv")
    assert result.ok and _codes(result) == ["total_row"] and len(result.data) == 4
    assert "与上面各行之和相符" in render_problem(result.problems[0])
    off = ingest_budget(data.format(label="小计").replace("620,4900", "600,4900").encode(), sources=NAMES, filename="b.csv")
    assert off.ok and off.problems[-1].params["diffs"] == ["中央补助 600≠620"]
    assert "与上面各行之和不符" in render_problem(off.problems[-1])


# ---------------------------------------------------------------------------- 8. names as the target table writes them
def test_names_as_written_in_the_target_table_are_taken_with_a_note() -> None:
    data = ("指标名称,月份,数值\n城镇新增就业人员规模（万人）,2024-06,6.45\n登记失业人员规模(人),2024-06,39000\n"
            "1.建设技能大师工作室,2024-06,22\n（一）高校毕业生去向落实率,2024-06,95.5\n"
            '"离校未就业毕业生和困难失业青年""一对一""帮扶联系率 ",2024-06,99.5\n').encode()
    result = ingest_actuals(data, INDICATORS, filename="a.csv")
    assert result.ok, _codes(result)
    values = dict(zip(result.data["indicator_id"], result.data["value"]))
    assert values == {"new_urban_jobs": 6.45, "registered_unemployed": 3.9, "master_studios": 22.0,
                      "graduate_placement_rate": 95.5, "youth_contact_rate": 99.5}
    assert _codes(result).count("name_matched") == 5
    converted = next(p for p in result.problems if p.code == "unit_converted")
    assert converted.row == 3 and "指标名称写明单位「人」" in render_problem(converted)
    assert any("按指标清单中的「建设技能大师工作室」导入" in render_problem(p) for p in result.problems)


def test_a_name_matching_two_indicators_once_normalised_is_still_refused() -> None:
    twins = {**INDICATORS, "a": {"name": "培训人次（线上）", "unit": "人次", "kind": "flow"},
             "b": {"name": "培训人次（线下）", "unit": "人次", "kind": "flow"}}
    result = ingest_actuals("指标名称,月份,数值\n培训人次,2024-06,3\n".encode(), twins, filename="a.csv")
    assert not result.ok and _codes(result, "error") == ["unknown_indicator"]


# ---------------------------------------------------------------------------- 9. file types
def test_an_old_excel_workbook_is_read() -> None:
    from pathlib import Path

    xls = Path(__file__).resolve().parent / "files" / "monthly_actuals.xls"
    result = ingest_actuals(xls, INDICATORS, filename=xls.name)
    assert result.ok, _codes(result)
    assert sorted(result.data["value"]) == [1.05, 1.98, 3.0, 5.0]
    assert not ingest_actuals(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, INDICATORS, filename="x.xls").ok


def test_hidden_rows_and_columns_of_a_data_workbook_are_read_and_named_in_xls_and_xlsx() -> None:
    """tests/ingest/files/monthly_actuals_hidden.xls (saved by LibreOffice from the .xlsx below): row 3
    (建设技能大师工作室) and column C (2024-02) hidden; an old workbook left them out unsaid."""
    from pathlib import Path

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "actuals"
    for row in (["指标名称", "2024-01", "2024-02", "2024-03"], ["城镇新增就业人员规模", 1.05, 1.98, 3.12],
                ["建设技能大师工作室", 3, 5, 8], ["登记失业人员规模", 3.9, 3.85, 3.8]):
        ws.append(row)
    ws.row_dimensions[3].hidden = True
    ws.column_dimensions["C"].hidden = True
    buf = io.BytesIO()
    wb.save(buf)
    xls = Path(__file__).resolve().parent / "files" / "monthly_actuals_hidden.xls"
    for data, name in ((xls.read_bytes(), xls.name), (buf.getvalue(), "hidden.xlsx")):
        result = ingest_actuals(data, INDICATORS, filename=name)
        assert result.ok, (name, _codes(result))
        assert len(result.data) == 9 and sorted(result.data[result.data["indicator_id"] == "master_studios"]["value"]) == [3, 5, 8]
        warning = next(p for p in result.problems if p.code == "hidden_read")
        assert (warning.severity, warning.row, warning.params["rows"], warning.params["columns"]) == ("warning", 3, [3], ["C"])
        assert "第 3 行、「C」列在 Excel 中是隐藏的，其中的数据已照常读取" in render_problem(warning)
        assert 'row 3 and column "C" are hidden in Excel; their data were read as usual' in render_problem(warning, "en")


def test_a_word_document_and_a_pdf_are_named_as_such() -> None:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    word = ingest_actuals(buf.getvalue(), INDICATORS, filename="letter.docx")
    assert _codes(word) == ["not_a_table"] and "是 Word 文档" in render_problem(word.problems[0])
    assert "a Word document" in render_problem(word.problems[0], "en")
    pdf = ingest_budget(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", sources=NAMES, filename="letter.pdf")
    assert _codes(pdf) == ["not_a_table"] and "是 PDF 文件" in render_problem(pdf.problems[0])


def test_utf16_tab_text_is_read() -> None:
    text = "指标名称\t月份\t数值\n城镇新增就业人员规模\t2024-06\t6.45\n"
    result = ingest_actuals(text.encode("utf-16"), INDICATORS, filename="unicode.txt")
    assert result.ok and list(result.data["value"]) == [6.45]


# ---------------------------------------------------------------------------- 11. a template filled to date
def test_blank_months_after_the_last_filled_one_are_not_said() -> None:
    rows = "".join(f"2024-{m:02d},,,\n" for m in range(2, 13))
    data = ("月份,中央补助,地方资金,其他资金\n2024-01,300,2500,150\n" + rows).encode()
    result = ingest_budget(data, sources=NAMES, filename="b.csv")
    assert result.ok and _codes(result) == []
    gap = ("月份,中央补助,地方资金,其他资金\n2024-01,300,2500,150\n2024-02,,,\n2024-03,280,2400,140\n2024-04,,,\n").encode()
    result = ingest_budget(gap, sources=NAMES, filename="b.csv")
    assert [(p.code, p.row) for p in result.problems] == [("blank_value", 3)]  # February, before March's amounts


# ---------------------------------------------------------------------------- 10. periods written in other ways
def test_periods_with_one_meaning_are_read() -> None:
    from analytics.ingest.schema import parse_period_cell

    read = {t: parse_period_cell(t)[0] for t in ("2024年Q1", "2024年二季度", "2024年上半年", "24年4月", "2024年9月末",
                                                 "2024年10月底", "45351", "7/31/2024", "31/08/2024")}
    assert {t: (p.year, p.first_month, p.month) for t, p in read.items() if p} == {
        "2024年Q1": (2024, 1, 3), "2024年二季度": (2024, 4, 6), "2024年上半年": (2024, 1, 6), "24年4月": (2024, 4, 4),
        "2024年9月末": (2024, 9, 9), "2024年10月底": (2024, 10, 10), "45351": (2024, 2, 2), "7/31/2024": (2024, 7, 7),
        "31/08/2024": (2024, 8, 8)}
    assert parse_period_cell("8/7/2024") == (None, "bad_period")  # August or July: the message gives the accepted forms
    assert parse_period_cell("12345") == (None, "bad_period")


def test_a_quarter_reported_as_当季_is_its_three_months() -> None:
    data = "指标名称,期间,数值,口径\n城镇新增就业人员规模,2024年一季度,3.12,当季\n城镇新增就业人员规模,2024年Q2,3.33,当季\n".encode()
    result = ingest_actuals(data, INDICATORS, filename="a.csv")
    assert result.ok, _codes(result)
    assert list(zip(result.data["first_month"], result.data["month"], result.data["basis"])) == [(1, 3, "month"), (4, 6, "month")]


def test_day_numbers_as_month_headers_are_read() -> None:
    data = _xlsx([["指标名称", 45292, 45323, 45352], ["城镇新增就业人员规模", 1.05, 1.98, 3.12]])
    result = ingest_actuals(data, INDICATORS, filename="a.xlsx")
    assert result.ok and list(result.data["month"]) == [1, 2, 3]


# ---------------------------------------------------------------------------- 12. one reader of a row's cells
def test_actuals_and_spending_read_a_rows_cells_with_the_one_helper() -> None:
    import pandas as pd

    from analytics.ingest import actuals, budget
    from analytics.ingest.schema import RowCells

    assert actuals._Rows.cell is budget._Rows.cell is RowCells.cell
    frame = pd.DataFrame([["a\x07b", float("nan")]], columns=["备注", "金额"])
    cells = RowCells(frame, {"note": [{"label": "备注"}], "amount": [{"label": "金额"}]})
    row = frame.to_numpy(dtype=object).tolist()[0]
    assert cells.cell(row, cells.field("note")) == "ab" and cells.cell(row, cells.field("amount")) == ""
    assert cells.cell(row, cells.field("basis")) == ""


def test_a_spending_message_names_the_source_as_the_project_does() -> None:
    """The English message named the source by its key (the funding source "central"); a project's
    own source (省级资金, key provincial) was its key in both languages."""
    result = _spending(["2024-01,中央补助,100,当月", "2024-02,中央补助,250,累计"])
    assert 'the funding source "Central subsidy"' in render_problem(result.problems[0], "en")
    own = ingest_budget("月份,资金来源,金额,口径\n2024-01,省级资金,100,当月\n2024-02,省级资金,250,累计\n".encode(),
                        sources={"provincial": "省级资金"}, filename="b.csv")
    assert own.ok and _codes(own) == ["basis_converted"]
    assert "资金来源「省级资金」" in render_problem(own.problems[0])
    assert 'the funding source "省级资金" (provincial)' in render_problem(own.problems[0], "en")
