"""Inferring an indicator's unit, kind and direction (analytics/ingest/tables/infer.py)."""

from __future__ import annotations

import pytest

from analytics.ingest.tables.cells import read_value
from analytics.ingest.tables.infer import infer_unit
from analytics.ingest.tables.lexicon import load_lexicon

LEX = load_lexicon()


@pytest.mark.parametrize("name,unit", [
    ("受益户数", "户"), ("服务天数", "天"), ("设备台数", "台"), ("检查次数", "次"), ("安全事故发生次数", "次"),
    ("活动场次", "场次"), ("培训人次数", "人次"), ("参训人数", "人"), ("违法案件数量", "件"), ("资金到位率", "%"),
])
def test_a_unit_no_cell_writes_is_taken_from_the_name_s_counting_word_for_review(name: str, unit: str) -> None:
    got = infer_unit(name, "", "", [read_value("≥12", "higher", LEX)], LEX)
    assert got["value"] == unit and got["rule"] == "name_words"
    assert got["confidence"] == ("medium" if unit == "%" else "low") and unit in str(got["reason"])


def test_a_name_without_a_counting_word_gets_no_unit_and_a_written_unit_wins() -> None:
    assert infer_unit("专项工作经费数", "", "", [read_value("≥12", "higher", LEX)], LEX)["value"] == ""
    assert infer_unit("受益户数", "人", "", [read_value("≥12", "higher", LEX)], LEX)["value"] == "人"
    assert infer_unit("受益户数", "", "", [read_value("≥12个", "higher", LEX)], LEX)["value"] == "个"


def test_a_cell_read_again_is_a_cell_of_its_own_and_of_its_lexicon(tmp_path):
    # read_value keeps the cells it has read (the layout search reads the same cells many times):
    # a caller changing its cell changes no later reading, and another lexicon reads anew
    import yaml

    from analytics.ingest.tables.lexicon import LEXICON_FILE

    first = read_value("≥95%", "higher", LEX)
    first.comparator, first.value = "<=", 0.0
    again = read_value("≥95%", "higher", LEX)
    assert (again.comparator, again.value, again.unit) == (">=", 95.0, "%") and again is not first
    doc = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    doc["units"]["aliases"]["坨"] = "个"  # a bureau's own unit word
    path = tmp_path / "lexicon.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    assert read_value("≥12坨", "higher", LEX).unit == "坨"
    assert read_value("≥12坨", "higher", load_lexicon(str(path))).unit == "个"
    assert read_value("≥12坨", "higher", LEX).unit == "坨"


@pytest.mark.parametrize("name, target", [("工程建设成本控制", "有效控制"), ("项目实施周期控制", "按期完成"),
                                          ("运行维护成本", "合理")])
def test_a_qualitative_indicator_is_better_achieved_whatever_its_name_says_of_amounts(name: str, target: str) -> None:
    """A target in words is checked in 达成 / 部分达成 / 未达成: higher is better, not 成本 → lower."""
    from analytics.ingest.tables import parse_table

    text = ("2026年度项目支出绩效目标表\n一级指标\t二级指标\t三级指标\t单位\t指标值\n"
            f"成本指标\t经济成本指标\t{name}\t\t{target}\n成本指标\t经济成本指标\t亩均建设成本\t元/亩\t≤3000\n")
    inds = parse_table(text.encode("utf-8"), filename="t.txt").to_json()["indicators"]  # type: ignore[union-attr]
    words, cost = inds
    assert (words["kind"], words["direction"]) == ("qualitative", "higher")
    assert words["inferred"]["direction"]["confidence"] == "high" and "direction" not in words["review"]
    assert cost["direction"] == "lower"  # a cost written as a number stays a cap
