"""Where a table ends: the next form's title, the next table's number, the next form's facts."""

from __future__ import annotations

from analytics.ingest.tables.ends import next_title, starts_facts
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
