"""A form with its indicators in two blocks side by side (analytics/ingest/tables/sidebyside.py)."""

from __future__ import annotations

from pathlib import Path

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.lexicon import load_lexicon
from analytics.ingest.tables.raw import RawTable
from analytics.ingest.tables.sidebyside import stacked_halves

LEX = load_lexicon()
HEADER = ["序号", "一级指标", "二级指标", "三级指标", "指标值", "一级指标", "二级指标", "三级指标", "指标值", "备注"]


def test_two_blocks_side_by_side_are_read_one_below_the_other_with_their_own_levels(tmp_path: Path) -> None:
    rows = ["\t".join(HEADER),
            "1\t产出指标\t数量指标\t培训人次\t≥500人次\t效益指标\t社会效益指标\t就业率\t≥80%\t",
            "2\t产出指标\t质量指标\t合格率\t≥90%\t满意度指标\t服务对象满意度指标\t学员满意度\t≥95%\t",
            "3\t产出指标\t时效指标\t完成时间\t2024年12月\t\t\t\t\t"]
    path = tmp_path / "t.txt"
    path.write_text("2024年项目支出绩效目标表\n" + "\n".join(rows), encoding="utf-8")
    result = parse_table(path)
    assert isinstance(result, TableReading), result
    got = [(i["where"], i["level1"], i["name"]) for i in result.indicators]
    assert got == [("L3", "产出指标", "培训人次"), ("L4", "产出指标", "合格率"), ("L5", "产出指标", "完成时间"),
                   ("L3R", "效益指标", "就业率"), ("L4R", "满意度指标", "学员满意度")]


def test_a_header_repeating_only_values_or_two_periods_over_its_blocks_or_the_same_names_is_no_such_form() -> None:
    years = RawTable("text-tab", [["三级指标", "2023年指标值", "2024年指标值"], ["培训人次", "500", "600"]], ["L1", "L2"])
    assert stacked_halves(years, LEX) is None
    periods = RawTable("text-tab", [["", "中期目标(2023年—2025年)", "", "年度目标", ""], HEADER[2:5] + HEADER[2:5][1:],
                                    ["数量指标", "报送招商信息线索", "≥60条", "开展招商活动", "≥5次"]], ["L1", "L2", "L3"])
    assert stacked_halves(periods, LEX) is None
    same = RawTable("text-tab", periods.rows[1:] + [["数量指标", "开展招商活动", "≥15次", "报送招商信息线索", "≥20条"]],
                    ["L2", "L3", "L4"])
    assert stacked_halves(same, LEX) is None  # the same names in both blocks
