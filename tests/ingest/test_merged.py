"""Cells merged in the source and written once in a text copy (analytics/ingest/tables/merged.py),
the wrapped-line joining that must leave them alone (sources._join_wrapped), and criteria in words."""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.cells import is_worded, read_value
from analytics.ingest.tables.lexicon import load_lexicon
from analytics.ingest.tables.sources import split_text

LEX = load_lexicon()

# a web table whose 指标 header spans a group column and the name; the group is written on its
# first row only, a worded target is merged over the three years, the header repeats after a page
WATER = (
    "节水达标建设目标分解表\n"
    "指标\t预期值\n"
    "2016年\t2017年\t2018年\n"
    "综合指标\t万元GDP用水量\t低于全区平均值的50%或年降低率5%\n"
    "用水总量控制\t不超自治区年度下达指标\n"
    "再生水回用率\t30%\t40%\t55%\n"
    "农业节水\t农田灌溉水有效利用系数\t0.72\t0.75\t0.78\n"
    "节水灌溉工程控制面积比例\t74%\t74.5%\t75%\n"
    "节水型企业覆盖率\t7.9%\t15.8%\t23.8%\n"
    "指标\t预期值\n"
    "2016年\t2017年\t2018年\n"
    "管理类指标\t公共供水管网覆盖范围内自备井关闭\t-\t100%\t100%\n"
    "水资源费征收率\t35%\t65%\t90%\n"
)


def _read_text(tmp_path: Path, text: str, name: str = "t.txt") -> dict:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = parse_table(path)
    assert isinstance(result, TableReading), result
    return result.to_json()


def _by_name(reading: dict) -> dict[str, dict]:
    return {i["name"]: i for i in reading["indicators"]}


def test_a_group_written_on_its_first_row_only_is_the_second_level_of_its_block(tmp_path: Path) -> None:
    got = _by_name(_read_text(tmp_path, WATER))
    assert list(got) == ["万元GDP用水量", "用水总量控制", "再生水回用率", "农田灌溉水有效利用系数", "节水灌溉工程控制面积比例",
                         "节水型企业覆盖率", "公共供水管网覆盖范围内自备井关闭", "水资源费征收率"]
    assert [got[n]["level2"] for n in got] == ["综合指标"] * 3 + ["农业节水"] * 3 + ["管理类指标"] * 2
    assert got["农田灌溉水有效利用系数"]["targets"]["2018"]["value"] == 0.78
    assert got["公共供水管网覆盖范围内自备井关闭"]["targets"]["2016"]["no_value"] is True
    assert got["公共供水管网覆盖范围内自备井关闭"]["targets"]["2017"]["value"] == 100.0


def test_a_target_merged_over_the_years_is_each_years_and_says_so(tmp_path: Path) -> None:
    reading = _read_text(tmp_path, WATER)
    got = _by_name(reading)
    total = got["用水总量控制"]
    assert sorted(total["targets"]) == ["2016", "2017", "2018"]
    assert all(t["qualitative"] for t in total["targets"].values())
    assert total["kind"] == "qualitative"
    assert total["inferred"]["targets"]["rule"] == "merged_over_years"
    assert "2016、2017、2018" in total["inferred"]["targets"]["reason"]
    assert "inferred" in got["再生水回用率"] and "targets" not in got["再生水回用率"]["inferred"]
    assert reading["unread"] == []  # the repeated header is skipped, not an indicator or an unread row


def test_a_short_row_is_not_spread_when_most_rows_are_short(tmp_path: Path) -> None:
    text = "指标名称\t2023年目标值\t2024年目标值\n培训人数\t500人\n开展活动\t12场\n发放手册\t3000册\t3500册\n"
    got = _by_name(_read_text(tmp_path, text))
    assert sorted(got["培训人数"]["targets"]) == ["2023"]
    assert "targets" not in got["培训人数"]["inferred"]


def test_two_worded_targets_after_a_name_are_no_group(tmp_path: Path) -> None:
    text = ("指标名称\t2023年目标值\t2024年目标值\n"
            "社会效益\t明显提升\t持续提升\n"
            "培训人数\t500人\t600人\n")
    got = _by_name(_read_text(tmp_path, text))
    assert list(got) == ["社会效益", "培训人数"]
    assert got["社会效益"]["level2"] == ""
    assert got["社会效益"]["kind"] == "qualitative"


def test_a_level_word_in_front_of_the_name_is_its_level(tmp_path: Path) -> None:
    text = ("指标\t2023年目标值\t2024年目标值\n"
            "产出指标\t培训人数\t500人\t600人\n"
            "合格证书发放数\t450本\t550本\n"
            "满意度指标\t学员满意度\t≥90%\t≥92%\n")
    got = _by_name(_read_text(tmp_path, text))
    assert list(got) == ["培训人数", "合格证书发放数", "学员满意度"]
    assert [got[n]["level1"] for n in got] == ["产出指标", "产出指标", "满意度指标"]


def test_a_row_ending_in_a_value_takes_no_header_word_from_the_line_below() -> None:
    table = split_text("指标\t2023年\t2024年\n培训人数\t500人\t600人\n合格率\t90%\t95%\n指标\t预期值\n2023年\t2024年\n")
    assert ["合格率", "90%", "95%"] in table.rows
    assert not any("95%指标" in c for r in table.rows for c in r)


def test_a_wrapped_level_word_still_joins_its_row() -> None:
    table = split_text("一级指标\t二级指标\t三级指标\t指标值\n效益\n指标\t社会效益指标\t就业人数\t100人\n产出指标\t数量指标\t培训人数\t500人\n")
    assert ["效益指标", "社会效益指标", "就业人数", "100人"] in table.rows


@pytest.mark.parametrize("text", ["低于全区平均值的50%或年降低率5%", "完成2023年度目标任务", "按照2023年工作计划完成"])
def test_a_criterion_in_words_with_numbers_is_qualitative(text: str) -> None:
    assert is_worded(text)
    cell = read_value(text, "higher", LEX)
    assert (cell.form, cell.value, cell.error) == ("qualitative", None, None)


@pytest.mark.parametrize("text", ["同比增长10%", "二100百分比", "较上年提高5个百分点"])
def test_a_number_with_a_few_words_before_it_stays_unreadable(text: str) -> None:
    assert not is_worded(text)
    assert read_value(text, "higher", LEX).form == "unreadable"


def test_control_words_and_the_whole_year_before_a_number() -> None:
    assert (read_value("控制在3%以内", "higher", LEX).comparator, read_value("控制在3%以内", "higher", LEX).value) == ("<=", 3.0)
    cell = read_value("全年不少于2次", "higher", LEX)
    assert (cell.comparator, cell.value, cell.unit) == (">=", 2.0, "次")


def test_a_strict_sign_in_a_table_is_kept_and_sets_the_direction(tmp_path: Path) -> None:
    text = ("指标名称\t指标值\n验收合格率\t>92%\n维护及时性\t<24小时\n成本\t小于等于5万元\n森林火灾受害率\t小于0.9‰\n")
    got = _by_name(_read_text(tmp_path, text))
    year = next(iter(got["验收合格率"]["targets"]))
    assert got["验收合格率"]["targets"][year]["comparator"] == ">"
    assert (got["维护及时性"]["targets"][year]["comparator"], got["维护及时性"]["direction"]) == ("<", "lower")
    assert got["成本"]["targets"][year]["comparator"] == "<="
    fire = got["森林火灾受害率"]
    assert (fire["targets"][year]["comparator"], fire["targets"][year]["value"], fire["unit"], fire["kind"]) == ("<", 0.9, "‰", "rate")



def test_a_value_wrapped_onto_a_line_of_its_own_is_its_row_s(tmp_path: Path) -> None:
    text = ("2022年度绩效目标表\n一级指标 二级指标 三级指标 指标内容 指标值及单位\n"
            "产出指标 数量指标 技术交易项目数量 全年开展技术交易项目数量 ≥10项\n"
            "科技成果转化项目数量 科技成果转化项目数量\n≥8项\n"
            "科普宣传活动次数 科普宣传活动次数 3次\n")
    rows = _by_name(_read_text(tmp_path, text))
    assert list(rows) == ["技术交易项目数量", "科技成果转化项目数量", "科普宣传活动次数"]
    assert rows["科技成果转化项目数量"]["targets"]["2022"]["value"] == 8.0
