"""Where a table ends: the next form's title, the next table's number, the next form's facts, its header said
again with the levels over from their first (analytics/ingest/tables/ends.py)."""

from __future__ import annotations

from analytics.ingest.tables.ends import form_title, indicator_header, levels_again, next_title, starts_facts
from analytics.ingest.tables.layout import find_layout
from analytics.ingest.tables.lexicon import load_lexicon
from analytics.ingest.tables.raw import RawTable

LEX = load_lexicon()
LAYOUT = find_layout(RawTable("text-tab", [["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"]], ["L1"]), LEX)


def test_a_title_with_its_year_unit_or_note_and_a_tables_number_end_the_table() -> None:
    assert LAYOUT is not None
    for row in (["项目支出绩效目标表", "(2025年度)"], ["项目绩效目标完成情况表 (2019 年度)"], ["部门预算项目支出绩效自评表(2023年度)"],
                ["2023年一般性项目绩效目标表(一级项目)"], ["表十二"], ["附表3"], ["表 2-1"],
                ["项目绩效目标完成情况表 (2019 年度)", "产出指标", "数量指标"]):  # levels merged down over the title
        assert next_title(row, LAYOUT, LEX), row
    for row in (["", "产出指标", "数量指标", "编制绩效自评表"], ["", "产出指标", "数量指标", "绩效自评表按时报送率", "100%"],
                ["表格填报及时率"], ["自评表", "100%"]):
        assert not next_title(row, LAYOUT, LEX), row


def test_a_project_name_starts_the_next_forms_facts() -> None:
    assert starts_facts(["项目名称", "公务用车运行维护项目"], LEX)
    assert starts_facts(["专项资金名称", "在职村村干部补助"], LEX)
    assert not starts_facts(["预算单位", "大英县公安局"], LEX)


def test_a_forms_own_title_is_the_nearest_above_its_header_when_other_rows_stand_between() -> None:
    budget = [["2026年部门预算"], ["一、部门收支总表"]] + [[f"科目{k}", f"{k}.00"] for k in range(12)]
    own = [["财政项目支出绩效目标申报表（2026年度）"], ["项目名称", "拆违经费"]]
    assert form_title(budget + own) == "财政项目支出绩效目标申报表（2026年度）"  # another table's title at the top
    assert form_title([["湘潭市工伤保险服务中心2023年项目支出绩效目标表"]] + [["单位", "x"]] * 10
                      + [["2023年项目支出绩效目标表"], ["项目名称", "x"]]) == "湘潭市工伤保险服务中心2023年项目支出绩效目标表"
    assert form_title([["项目支出绩效目标表"], ["项目名称", "x"]]) == "项目支出绩效目标表"
    assert form_title([["年度绩效目标"], ["项目名称", "x"]] + [["单位", "x"]] * 12) == "年度绩效目标"  # no own title near: the top's


def test_a_header_said_again_begins_a_next_table_when_its_levels_start_over() -> None:
    header = ["一级指标", "二级指标", "三级指标", "指标值"]
    assert indicator_header(header, LEX) and indicator_header(["绩效指标", "一级指标", "二级指标", "三级指标", "指标值类型",
                                                                 "*指标值"], LEX)
    assert not indicator_header(["一级指标", "二级指标"], LEX) and not indicator_header(["产出指标", "数量指标", "100%"], LEX)
    above = ["产出指标", "产出指标", "效益指标", "满意度指标"]
    assert levels_again(above, [[], ["产出指标", "数量指标", "学生资助人数", "≥1200人"]], LEX)  # 产出指标 again after 满意度指标
    assert levels_again(above, [["2021年实际实现值", "预期2022年实现值"], ["产出指标", "数量指标", "x", "1"]], LEX)
    assert levels_again(above, [[t] for t in header + ["产出指标(50分)", "数量指标"]], LEX)  # one cell a line, the header's lines
    # a header repeated at the top of a PDF's new page: the rows go on in the level the page broke in, or a later one
    assert not levels_again(above, [["满意度指标", "服务对象满意度指标", "x", "≥90%"]], LEX)
    assert not levels_again(above, [["", "时效指标", "资金发放及时率", "100%"], ["产出指标", "成本指标", "x", "1"]], LEX)
    assert not levels_again(above, [["", "", "学校满意度", "≥90%"]], LEX)
    assert not levels_again(["产出指标", "效益指标"], [["社会效益指标", "x", "1"]], LEX)  # a 二级 label not read yet
    assert not levels_again([], [["产出指标", "数量指标", "x", "1"]], LEX)  # no rows above
    # a web copy dropping merged cells puts 产出指标 in the middle of its block: 数量指标 first, as it began
    labelled = ["", "数量指标", "产出指标", "数量指标", "产出指标", "质量指标", "满意度指标", "服务对象满意度指标"]
    assert levels_again(labelled, [["数量指标", "短期培训班次", "12期"]], LEX)
    assert not levels_again(labelled, [["服务对象满意度指标", "参训学员满意度", "≥90%"]], LEX)
    # a first table of 产出指标 only: the next one's first level is the one it ended in, its second starts over
    only = ["产出指标", "数量指标", "产出指标", "质量指标", "产出指标", "时效指标"]
    assert levels_again(only, [["产出指标", "数量指标", "x", "1"]], LEX)
    assert levels_again(only, [[t] for t in header + ["产出指标", "数量指标", "x"]], LEX)  # one cell a line
    assert not levels_again(only, [["产出指标", "时效指标", "x", "1"]], LEX)  # a PDF's new page, the level it broke in
    assert not levels_again(only, [["产出指标", "成本指标", "x", "1"]], LEX)  # a later level of the same table
    assert not levels_again(only, [["产出指标"], ["时效指标"], ["x"]], LEX)
