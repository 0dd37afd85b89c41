"""A web copy a cell a line, each cell closed by | and each empty cell a | line of its own."""

from __future__ import annotations

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.closed import closed_cells
from analytics.ingest.tables.lexicon import load_lexicon
from analytics.ingest.tables.sources import split_text

LEX = load_lexicon()


def _form(project: str, rows: list[list[str]]) -> list[str]:
    head = ["表十二", "2023年一般性项目绩效目标表(一级项目)", "编制单位:", "813-某镇", "专项资金名称", project,
            "当年绩效目标", "按时足额发放", "绩效指标", "指标", "指标权重", "计量单位", "指标性质", "指标值"]
    return [f"{c} |" if c else "|" for c in head + [c for r in rows for c in r]]


TWO_FORMS = "\n".join(["重庆市某镇人民政府2023年一般性项目绩效目标表", "发布日期: 2023-10-19"]
                      + _form("汇总项目库", [["发放人数", "20", "人", "≥", "80"], ["促进社会和谐", "20", "", "定性", ""],
                                        ["保障收入", "20", "", "定性", ""]])
                      + _form("村干部补助", [["按月发放", "20", "次", "=", "1"], ["本土人才满意度", "10", "%", "≥", "95"],
                                        ["促进经济发展", "20", "", "定性", ""]])) + "\n"


def test_rows_are_counted_by_the_header_and_each_form_read_on_its_own() -> None:
    grid = closed_cells(split_text(TWO_FORMS), LEX)
    assert grid is not None
    assert ["指标", "指标权重", "计量单位", "指标性质", "指标值"] in grid.rows  # 绩效指标 merged down the left: in no row
    assert ["促进社会和谐", "20", "", "定性", ""] in grid.rows and ["专项资金名称", "村干部补助"] in grid.rows
    result = parse_table(TWO_FORMS.encode("utf-8"), filename="t.txt")
    assert isinstance(result, TableReading)
    data = result.to_json()
    assert [(f["name"], f["indicators"]) for f in data["source"]["forms"]] == [("汇总项目库", 3), ("村干部补助", 3)]
    assert [i["name"] for i in data["indicators"]] == ["发放人数", "促进社会和谐", "保障收入", "按月发放", "本土人才满意度",
                                                       "促进经济发展"]
    social = next(i for i in data["indicators"] if i["name"] == "促进社会和谐")
    assert social["kind"] == "qualitative" and social["targets"]["2023"]["qualitative"]  # 定性 | (blank)
    assert social["inferred"]["target"]["rule"] == "qualitative_by_type"
    assert not data["unread"]


def test_a_copy_of_another_kind_or_with_cells_left_out_is_not_counted() -> None:
    assert closed_cells(split_text("指标\n指标值\n发放人数\n80\n"), LEX) is None  # no | at all
    shifted = "\n".join(f"{c} |" if c else "|" for c in
                        ["指标", "计量单位", "指标值", "发放人数", "人", "80", "合格率", "95", "", "",
                         "服务满意度", "", "90", "培训人次", "人次", "300", "", ""]) + "\n"
    assert closed_cells(split_text(shifted), LEX) is None  # 合格率's unit cell left out: counted rows go wrong


def test_a_name_starting_with_the_word_for_table_is_a_row() -> None:
    """表彰先进个人数量 starts with 表 but is no table's number: its row is counted like the others."""
    text = "\n".join(f"{c} |" if c else "|" for c in
                     ["指标", "计量单位", "指标值", "发放人数", "人", "80", "表彰先进个人数量", "人", "10",
                      "群众满意度", "", "≥90%"]) + "\n"
    grid = closed_cells(split_text(text), LEX)
    assert grid is not None and ["表彰先进个人数量", "人", "10"] in grid.rows
