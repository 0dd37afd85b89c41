"""A table whose text runs column after column (plain pdftotext of a workbook's PDF):
analytics/ingest/tables/blocks.py."""

from __future__ import annotations

from pathlib import Path

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.blocks import column_blocks
from analytics.ingest.tables.lexicon import load_lexicon
from analytics.ingest.tables.sources import split_text

LEX = load_lexicon()

# the order plain pdftotext gives a workbook's PDF: each column one block, header word first
FLOW = ["项目支出绩效目标批复表", "(2022年度)", "项目名称", "主体班", "绩效指标", "一级指标", "二级指标",
        "数量指标", "产出指标", "质量指标", "三级指标", "主体班培训人次", "开设课程数量", "培训完成率",
        "及时完成率", "培训学员对培训效果满意度", "指标值", "指标标准或依据", "280人次", "220", "100%", "100%", "≥95%",
        "填报人：", "联系电话："]


def test_the_names_block_and_a_value_block_of_as_many_cells_are_set_side_by_side() -> None:
    rows = column_blocks(split_text("\n".join(FLOW)), LEX)
    assert rows is not None
    assert rows.rows[-6:] == [["三级指标", "指标值"], ["主体班培训人次", "280人次"], ["开设课程数量", "220"],
                              ["培训完成率", "100%"], ["及时完成率", "100%"], ["培训学员对培训效果满意度", "≥95%"]]


def test_a_text_in_row_order_or_values_going_on_past_the_names_is_no_column_text() -> None:
    rows_first = ["三级指标", "指标值", "培训完成率", "100%", "及时完成率", "100%", "开设课程数量", "220"]
    assert column_blocks(split_text("\n".join(rows_first)), LEX) is None
    # a block that runs on past the names' count mixes two columns: not read this way
    mixed = ["三级指标", "红薯种植面积", "梨树种植面积", "猪养殖数量", "全年实际值", "5.5亩", "6亩", "80头", "5.5亩", "6亩"]
    assert column_blocks(split_text("\n".join(mixed)), LEX) is None


def test_a_column_after_column_text_is_read_with_its_title_year(tmp_path: Path) -> None:
    path = tmp_path / "flow.txt"
    path.write_text("\n".join(FLOW) + "\n", encoding="utf-8")
    result = parse_table(path)
    assert isinstance(result, TableReading)
    got = {i["name"]: i["targets"]["2022"]["raw"] for i in result.to_json()["indicators"]}
    assert got == {"主体班培训人次": "280人次", "开设课程数量": "220", "培训完成率": "100%", "及时完成率": "100%",
                   "培训学员对培训效果满意度": "≥95%"}


DISORDERED = ("项目支出绩效目标表（2022年度）\n一级指标\n二级指标\n产出指标\n三级指标\n指标值\n数量指标\n主体班培训\n"
              "人次;邀请校外\n名师、领导授课\n质量指标\n情景教学或外\n训批次\n280 人次\n25 人次\n6 次\n70%\n100%\n100%\n≥95%\n"
              "满意度指标\n服务对象满意\n度指标\n")


def test_a_text_out_of_order_is_read_with_advice_to_upload_the_file(tmp_path: Path) -> None:
    """A text whose reading leaves many rows unread (at least 5, and half as many as the indicators:
    data/lexicon.yaml ``disorder``) says its order was most likely lost; a text read whole does not."""
    path = tmp_path / "disordered.txt"
    path.write_text(DISORDERED, encoding="utf-8")
    result = parse_table(path)
    assert isinstance(result, TableReading) and len(result.unread) >= 5
    assert result.source["advice"] == "text_disordered"
    from analytics.present.tables_text import advice_message

    assert "请直接上传" in (advice_message(result.to_json(), "zh") or "")
    assert "upload the Excel, Word or PDF file itself" in (advice_message(result.to_json(), "en") or "")
    clean = tmp_path / "flow.txt"
    clean.write_text("\n".join(FLOW) + "\n", encoding="utf-8")
    read = parse_table(clean)
    assert isinstance(read, TableReading) and "advice" not in read.source
    assert advice_message(read.to_json(), "zh") is None


# plain pdftotext of a workbook's PDF whose form has no 三级指标 header: the blocks parted by blank lines, the
# merged level labels taken in the middle of their blocks (质量指标 between two names), a total after the values
PARTED = ["绩效目标表", "绩效指标", "一级指标", "二级指标", "办公大楼日常维修维护次数", "数量指标", "大楼安检巡察次数",
          "办公大楼日常维修维护验收合格率", "质量指标", "重要设备维修维保验收合格率", "成本指标", "成本控制率", "",
          "金额", "191", "99", "", "当年预期实现值", "2280次", "200次", ">92%", "95%", "不超预算", "", "814", ""]


def test_blocks_parted_by_blank_lines_keep_their_names_without_the_level_words_among_them() -> None:
    rows = column_blocks(split_text("\n".join(PARTED)), LEX)
    assert rows is not None
    assert rows.rows[-6][1:] == ["当年预期实现值"]  # the 金额 block (2 cells) and 814 are no column of the names
    assert rows.rows[-5:] == [["办公大楼日常维修维护次数", "2280次"], ["大楼安检巡察次数", "200次"],
                              ["办公大楼日常维修维护验收合格率", ">92%"], ["重要设备维修维保验收合格率", "95%"],
                              ["成本控制率", "不超预算"]]
    # the same lines without the blank lines: the names end at the first level word, no block of as many values
    assert column_blocks(split_text("\n".join(c for c in PARTED if c)), LEX) is None
