"""Where a table ends: the next form's title, the next table's number, the next form's facts."""

from __future__ import annotations

from analytics.ingest.tables.ends import form_title, next_title, starts_facts
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
