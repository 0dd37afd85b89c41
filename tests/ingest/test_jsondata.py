"""Target tables kept as JSON (analytics/ingest/tables/jsondata.py): a grid of cells, a page's
tables, a page's text as one JSON string; JSON without a table is read as text."""

from __future__ import annotations

import json

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.jsondata import json_content

GRID = [["财政项目支出绩效目标申报表", "", "", ""], ["（2026年度）", "", "", ""],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "道路建设\n长度", "985米"],
        ["", "质量指标", "项目验收达标率", "=100.00(%)"],
        ["满意度指标", "服务对象满意度", "居民群众满意度", "≥90.00(%)"]]


def _read(data: str) -> TableReading:
    result = parse_table(data.encode("utf-8"), filename="t.json")
    assert isinstance(result, TableReading), result
    return result


def test_a_grid_of_cells_is_read_as_a_table_with_its_rows_places() -> None:
    text, rows, refs = json_content(json.dumps(GRID, ensure_ascii=False), 1000)  # type: ignore[misc]
    assert text is None and rows[2] == ["一级指标", "二级指标", "三级指标", "指标值"] and refs[2] == "T1:3"
    got = [(i["level1"], i["name"], i["targets"]["2026"]["value"]) for i in _read(json.dumps(GRID, ensure_ascii=False)).indicators]
    assert got == [("产出指标", "道路建设长度", 985), ("产出指标", "项目验收达标率", 100), ("满意度指标", "居民群众满意度", 90)]


def test_a_pages_tables_and_an_object_holding_them_are_read_in_order() -> None:
    page = {"page": 12, "tables": [[["单位名称", "普陀区"], ["项目名称", "拆违经费"]], GRID]}
    _, rows, refs = json_content(json.dumps([page], ensure_ascii=False), 1000)  # type: ignore[misc]
    assert rows[0] == ["单位名称", "普陀区"] and refs[0] == "T1:1" and refs[2] == "T2:1"
    assert len(_read(json.dumps([page], ensure_ascii=False)).indicators) == 3


def test_a_pages_text_as_one_json_string_also_cut_out_of_a_list_is_read_as_its_text() -> None:
    page = "财政项目支出绩效目标申报表\n（2026年度）\n" + "\n".join("\t".join(r) for r in GRID[2:])
    line = "    " + json.dumps(page, ensure_ascii=False) + ","
    text, rows, _ = json_content(line, 1000)  # type: ignore[misc]
    assert text == page and rows == []
    assert [i["name"] for i in _read(line).indicators] == ["道路建设长度", "项目验收达标率", "居民群众满意度"]


def test_json_without_a_table_or_no_json_at_all_is_left_to_the_text_readers() -> None:
    assert json_content("[1, 2, 3]", 1000) is None
    assert json_content('{"a": 1}', 1000) is None
    assert json_content("[附件] 绩效目标表", 1000) is None
    assert json_content('"一级指标","二级指标"\n"产出指标","数量指标"', 1000) is None  # a quoted CSV
    assert json_content("[" * 100_000 + "]" * 100_000, 1000) is None  # nested deeper than any table


def test_records_one_object_a_row_are_a_grid_under_their_keys() -> None:
    records = [{"一级指标": "产出指标", "二级指标": "数量指标", "三级指标": "培训人次", "指标值": "≥500人次"},
               {"一级指标": "产出指标", "二级指标": "质量指标", "三级指标": "培训合格率", "指标值": "≥90%", "备注": None},
               {"一级指标": "满意度指标", "二级指标": "服务对象满意度指标", "三级指标": "学员满意度", "指标值": "≥95%"}]
    _, rows, _ = json_content(json.dumps({"year": 2024, "data": records}, ensure_ascii=False), 1000)  # type: ignore[misc]
    assert rows[0] == ["一级指标", "二级指标", "三级指标", "指标值", "备注"] and rows[1][4] == ""
    result = parse_table(json.dumps(records, ensure_ascii=False).encode("utf-8"), filename="t.json", year=2024)
    assert isinstance(result, TableReading)
    assert [(i["name"], i["targets"]["2024"]["value"]) for i in result.indicators] == [
        ("培训人次", 500), ("培训合格率", 90), ("学员满意度", 95)]
