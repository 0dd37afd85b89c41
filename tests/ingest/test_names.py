"""A copy cut before its values: the names after the header, as rows whose targets are left to fill in."""

from __future__ import annotations

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.lexicon import load_lexicon
from analytics.ingest.tables.names import names_only
from analytics.ingest.tables.sources import split_text

LEX = load_lexicon()

CUT = ("附件 2 某某补助资金区域绩效目标表 ( 2024 年度) 专项名称 某某补助资金 年 度 总 体 目 标 目标 1:为群众提供服务。"
       " 一级 指标 二级指标 三级指标 培训人数 发放补贴人数 绩 效 指 标 产 出 指 标 数量指标 新建站点 个数"
       " 质量指标 服务达标率 效果指 标 社会效益 指标 满意度 指标 服务对象 群众满意程度 指标值\n")


def test_a_copy_cut_at_the_value_header_gives_its_names_without_targets() -> None:
    """Blank-broken level words (绩 效 指 标, 效果指 标, 社会效益 指标) are passed over, a name broken by
    a blank (新建站点 个数) is one name, a piece of a label drawn apart (服务对象) is no name; every target
    is left blank for review."""
    result = parse_table(CUT.encode("utf-8"), filename="t.txt")
    assert isinstance(result, TableReading)
    data = result.to_json()
    names = [i["name"] for i in data["indicators"]]
    assert names == ["培训人数", "发放补贴人数", "新建站点个数", "服务达标率", "群众满意程度"]
    assert all(not i["targets"] and i["inferred"]["target"]["rule"] == "target_blank" for i in data["indicators"])
    assert all(i["level1"] == "" for i in data["indicators"])  # labels drawn mid-block: not guessed
    assert data["source"]["advice"] == "names_only"  # the reviewer is told the values were not in the copy


def test_each_name_of_a_copy_over_several_lines_stands_at_its_own_line() -> None:
    text = CUT.replace(" 发放补贴人数", "\n发放补贴人数").replace(" 质量指标", "\n质量指标")
    result = parse_table(text.encode("utf-8"), filename="t.txt")
    assert isinstance(result, TableReading) and result.source["advice"] == "names_only"
    assert [(i["name"], i["where"]) for i in result.indicators] == [
        ("培训人数", "L1"), ("发放补贴人数", "L2"), ("新建站点个数", "L2"), ("服务达标率", "L3"), ("群众满意程度", "L3")]


def test_a_copy_with_values_after_its_header_is_not_read_as_names_only() -> None:
    text = CUT.replace("培训人数", "培训人数 500人")
    assert names_only(split_text(text), LEX) is None
