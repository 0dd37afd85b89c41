"""Targets written as a change from last year, read from the base the row gives
(analytics/ingest/tables/change.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.change import from_base
from analytics.ingest.tables.lexicon import load_lexicon

LEX = load_lexicon()


def _row(target: str, base: str, base_year: str = "2023", section: str = "baseline") -> list[tuple[None, str, str, str]]:
    return [(None, section, base_year, base), (None, "targets", "2024", target)]


@pytest.mark.parametrize("target,base,level", [
    ("较上年增长5%", "10000人", (">=", 10500, "人")),
    ("同比下降0.5个百分点", "3.2%", ("<=", 2.7, "%")),
    ("同比减少20%", "50件", ("<=", 40, "件")),
    ("比上年增加500人以上", "8000人", (">=", 8500, "人")),
    ("较上年增长不超过3%", "200万元", ("<=", 206, "万元")),  # the change itself capped: a cap
    ("较上年下降5%以内", "100次", (">=", 95, "次")),  # a fall of at most 5%: a floor
    ("增 长 １０ ％", "1000", (">=", 1100, "")),  # blanks, full-width figures
])
def test_a_change_from_last_year_is_read_as_the_level_it_means(target: str, base: str, level: tuple[str, float, str]) -> None:
    got = from_base(_row(target, base), LEX)
    cell, why = got["2024"]
    assert (cell.comparator, cell.value, cell.unit) == level and target in why["reason"]
    assert why["rule"] == "change_from_base" and why["confidence"] == "medium" and base in why["reason"]


def test_a_share_changed_by_a_percent_is_read_as_relative_and_marked_to_be_checked() -> None:
    cell, why = from_base(_row("较上年提高5%", "90%"), LEX)["2024"]
    assert (cell.comparator, cell.value, cell.unit) == (">=", 94.5, "%")
    assert why["confidence"] == "low" and "百分点" in why["reason"]


@pytest.mark.parametrize("row", [
    _row("较上年增长5%", "10000人", base_year="2022"),  # no value for the year before the target
    _row("较上年增长5%", "—"),  # last year's cell blank
    _row("较上年增长5%", "10000人", section="span"),  # not a base
    _row("年均增长5%", "10000人"),  # an average over several years
    _row("较上年增加5万人", "10000人"),  # another unit: not converted
    _row("较上年下降1个百分点", "50件"),  # points on a count
    _row("≥10500人", "10000人"),  # a level already
    _row("较上年增长" + "9" * 300 + "%", "9" * 300 + "人"),  # no finite level
])
def test_no_level_is_made_without_last_year_s_value_or_from_a_change_that_does_not_go(row: list[tuple[None, str, str, str]]) -> None:
    assert from_base(row, LEX) == {}


def test_a_table_with_last_year_s_column_reads_its_changes_as_levels(tmp_path: Path) -> None:
    """The unit, kind and direction come from the level (人, flow), not from the change's ``%``;
    without last year's column the same targets are kept unread, to be filled in at review."""
    head = "项目支出绩效目标表（2024年度）\n一级指标\t二级指标\t三级指标\t2023年完成值\t2024年目标值\n"
    rows = ("产出指标\t数量指标\t新增就业人数\t10000人\t较上年增长5%\n"
            "效益指标\t社会效益指标\t城镇登记失业率\t3.2%\t较上年下降0.5个百分点\n"
            "效益指标\t社会效益指标\t投诉数量\t50件\t同比减少20%\n")
    path = tmp_path / "change.tsv"
    path.write_text(head + rows, encoding="utf-8")
    result = parse_table(path)
    assert isinstance(result, TableReading)
    got = {i["name"]: (i["unit"], i["kind"], i["direction"], i["targets"]["2024"]["comparator"], i["targets"]["2024"]["value"])
           for i in result.indicators}
    assert got == {"新增就业人数": ("人", "flow", "higher", ">=", 10500), "城镇登记失业率": ("%", "rate", "lower", "<=", 2.7),
                   "投诉数量": ("件", "flow", "lower", "<=", 40)}
    assert all(i["inferred"]["target"]["rule"] == "change_from_base" for i in result.indicators) and not result.unread
    path.write_text(head.replace("\t2023年完成值", "") + "".join(
        "\t".join(r.split("\t")[:3] + r.split("\t")[4:]) + "\n" for r in rows.splitlines()), encoding="utf-8")
    alone = parse_table(path)
    assert isinstance(alone, TableReading)
    assert all(i["targets"]["2024"]["value"] is None for i in alone.indicators) and len(alone.unread) == 3


def test_a_column_of_last_year_without_a_year_is_the_baseline_not_this_year_s_actual(tmp_path: Path) -> None:
    """上年实际完成值 beside 本年目标值 under a 2024 title: last year's figure (baseline 2023, lexicon
    ``value_roles.last_year``), the base of a change; this year's 实际完成值 stays the actual."""
    path = tmp_path / "self.tsv"
    path.write_text("项目支出绩效自评表（2024年度）\n三级指标\t上年实际完成值\t本年目标值\t实际完成值\n"
                    "新增就业人数\t10000人\t较上年增长5%\t10800人\n培训人次\t2000人次\t≥2100人次\t2300人次\n", encoding="utf-8")
    result = parse_table(path)
    assert isinstance(result, TableReading)
    first, second = result.indicators
    assert first["baseline"]["2023"]["value"] == 10000 and first["targets"]["2024"]["value"] == 10500
    assert first["actuals"] == {"2024": {"raw": "10800人", "value": 10800}}
    assert second["baseline"]["2023"]["value"] == 2000 and second["actuals"]["2024"]["value"] == 2300
    assert result.to_json()["project"]["baseline_year"] == 2023
