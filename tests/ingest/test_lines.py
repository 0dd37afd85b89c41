"""Rows rebuilt from a copy with one cell per line (the empty cells gone)."""

from __future__ import annotations

from analytics.ingest.tables import TableReading, parse_table


def _read(text: str, year: int = 2023) -> dict:
    result = parse_table(text.encode("utf-8"), filename="t.txt", year=year)
    assert isinstance(result, TableReading), result
    return result.to_json()


def test_explanations_and_a_completion_rate_after_the_values_stay_in_their_rows() -> None:
    text = "\n".join([
        "评价内容", "绩效内容", "指标说明", "绩效目标值", "实际完成值", "累计完成率",
        "产出目标", "数量目标",
        "人才驿站数量", "反映驿站建设情况", ">=2个", "0个", "0%",
        "组织活动数量", ">=28次", "40次", "143%",
        "质量目标", "政策知晓率", "达到目标值", ">=95%", "98%", "103%"])
    data = _read(text)
    rows = [(i["name"], i["targets"]["2023"]["raw"], i["actuals"]["2023"]["raw"]) for i in data["indicators"]]
    assert rows == [("人才驿站数量", ">=2个", "0个"), ("组织活动数量", ">=28次", "40次"), ("政策知晓率", ">=95%", "98%")]


def test_names_under_the_second_level_and_a_note_column_left_empty_before_the_next_name() -> None:
    text = "\n".join([
        "一级指标", "二级指标", "绩效标准", "当年预期实现值", "偏差原因",
        "数量指标", "维修维护次数", "反映全年维修情况", "2280次",
        "巡察次数", "反映巡检情况", "200次",
        "质量指标", "验收合格率", "95%"])
    data = _read(text, 2022)
    assert [i["name"] for i in data["indicators"]] == ["维修维护次数", "巡察次数", "验收合格率"]
    assert data["indicators"][0]["targets"]["2022"]["value"] == 2280


def test_an_empty_explanation_leaves_the_worded_target_to_the_value_column() -> None:
    text = "\n".join(["一级指标", "二级指标", "三级指标", "绩效标准", "当年预期实现值",
                      "产出指标", "数量指标", "维修次数", "反映维修情况", "2280次",
                      "成本指标", "成本控制率", "不超预算"])
    data = _read(text, 2022)
    assert [(i["name"], i["targets"]["2022"]["raw"]) for i in data["indicators"]] == [
        ("维修次数", "2280次"), ("成本控制率", "不超预算")]
