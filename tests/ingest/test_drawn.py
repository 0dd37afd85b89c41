"""Cells broken over lines in a PDF's drawing order, put back together (analytics/ingest/tables/drawn.py)."""

from __future__ import annotations

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.drawn import join_drawn_pieces
from analytics.ingest.tables.lexicon import load_lexicon
from analytics.ingest.tables.raw import RawTable

LEX = load_lexicon()

#: a PDF viewer's copy (pdftotext -raw) of a Word 自评表: each cell's lines in turn, the first lines of
#: neighbouring cells run together at one height
VIEWER_COPY = "\n".join([
    "项目支出绩效自评表", "(2022 年度)",
    "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分", "析及改进措", "施",
    "产出指标", "(50 分)", "数量指标 补助村(社", "区)数量", "=8 个 8 8 8", "保障村干部", "人数", "=42 个 42 8 8",
    "质量指标 补助资格合", "规性", "合规 达成预期指", "标", "8 8",
    "经费审批流", "程规范性", "严格执行相", "关制度规定", "达成预期指", "标", "8 8",
    "成本指标 项目总成本 ≤202.6 万", "元", "132.9 10 10",
    "填报人： 联系电话：",
])


def _pieces(*texts: str) -> RawTable:
    return RawTable("text-lines", [[t] for t in texts], [f"L{i}" for i in range(1, len(texts) + 1)])


def test_pieces_of_a_wrapped_cell_are_joined_and_whole_cells_stay_apart() -> None:
    got = join_drawn_pieces(_pieces("偏差原因分", "析及改进措", "施", "补助资格合", "规性", "合规", "达成预期指", "标",
                                    "8", "≤202.6万", "元", "132.9", "项目总成本", "效果明显"), LEX)
    assert [r[0] for r in got.rows] == ["偏差原因分析及改进措施", "补助资格合规性", "合规", "达成预期指标", "8",
                                        "≤202.6万元", "132.9", "项目总成本", "效果明显"]


def test_a_number_s_unit_run_into_the_next_name_goes_back_to_the_number() -> None:
    cut = RawTable("text-lines", [["与短期预报报告次数"], ["2000"], ["次汇总突发事件季度报告次数"], ["4"], ["次趋势会商会次数"]],
                   ["L1", "L1", "L1", "L2", "L2"])  # 与短期预报报告次数 2000 次汇总突发事件季度报告次数 4 次趋势会商会次数
    got = join_drawn_pieces(cut, LEX)
    assert [r[0] for r in got.rows] == ["与短期预报报告次数", "2000次", "汇总突发事件季度报告次数", "4次", "趋势会商会次数"]


def test_a_viewer_s_copy_of_a_word_table_is_read_cell_by_cell() -> None:
    """Each name, target and actual whole: a name wrapped in pieces, a target in words wrapped
    (达成预期指 / 标), a cost whose unit wrapped (≤202.6 万 / 元) and the header cell 偏差原因分析及改进措施."""
    result = parse_table(VIEWER_COPY.encode("utf-8"), filename="copy.txt")
    assert isinstance(result, TableReading)
    got = [(i["level2"], i["name"], i["targets"]["2022"]["raw"], (i.get("actuals") or {}).get("2022", {}).get("raw"))
           for i in result.indicators]
    assert got == [("数量指标", "补助村(社区)数量", "=8个", "8"), ("数量指标", "保障村干部人数", "=42个", "42"),
                   ("质量指标", "补助资格合规性", "合规", "达成预期指标"),
                   ("质量指标", "经费审批流程规范性", "严格执行相关制度规定", "达成预期指标"),
                   ("成本指标", "项目总成本", "≤202.6万元", "132.9")]
    assert not result.unread


def test_a_reading_whose_names_are_level_words_loses_to_one_with_names() -> None:
    """A cut that takes the level words for names (数量指标, 质量指标 …) reads each row wrong however
    many rows it fills: the viewer's copy is read with the rows' own names."""
    text = "\n".join([
        "省级部门预算项目支出绩效目标表(2023 年度)",
        "一级指标 二级指标 三级指标 指标目标值",
        "产出指标 数量指标 免费开放天数 =300 天",
        "质量指标 博物馆绩效考", "核指标完成率", "=100 百分比",
        "时效指标 各项工作完成", "及时率%", "=99 百分比",
        "效益指标 社会效益指标 免费开放接待", "观众人数", "=30000 人次",
        "满意度指标 服务对象满意", "度", "服务对象满意", "度%", "=99 百分比",
        "填报人： 联系电话：",
    ])
    result = parse_table(text.encode("utf-8"), filename="copy.txt")
    assert isinstance(result, TableReading)
    names = [i["name"] for i in result.indicators]
    assert "免费开放天数" in names and "博物馆绩效考核指标完成率" in names and "免费开放接待观众人数" in names
    assert not any(n.endswith("指标") for n in names)
