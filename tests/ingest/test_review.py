"""The review step of a read table: flat rows, corrections written back, project facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.review import REVIEWED, REVIEWED_REASON, apply_facts, apply_review, needs_review, review_rows, target_years
from analytics.ingest.targets import load_project
from analytics.storage.project_files import folder_files

TABLES = Path(__file__).resolve().parents[1] / "tables"


def _reading(name: str, **kw: object) -> dict:
    result = parse_table(TABLES / name, **kw)  # type: ignore[arg-type]
    assert isinstance(result, TableReading)
    return result.to_json()


@pytest.fixture(scope="module")
def seed() -> dict:
    return _reading("seed_dongguan.txt")


def test_rows_carry_every_indicator_with_reasons(seed: dict) -> None:
    rows = review_rows(seed)
    assert len(rows) == 40 and target_years(seed) == ["2023", "2024"]
    first = rows[0]
    assert first["name"] == "城镇新增就业人员规模" and first["unit"] == "万人" and first["target_2024"] == "12.4"
    assert first["reason_unit"] and first["confidence_unit"] == "high"
    assert all(set(r["review"]) == set(needs_review(i)) for r, i in zip(rows, seed["indicators"]))


def test_a_corrected_target_is_read_like_a_table_cell(seed: dict) -> None:
    rows = review_rows(seed)
    edit = dict(rows[0], target_2024="达到13", direction="higher")
    res = apply_review(seed, [edit])
    assert res.ok and res.changed == 1
    t = res.reading["indicators"][0]["targets"]["2024"]
    assert (t["comparator"], t["value"], t["raw"]) == (">=", 13.0, "达到13")
    assert seed["indicators"][0]["targets"]["2024"]["value"] == 12.4  # the input is left alone


def test_a_changed_field_is_marked_as_set_by_a_person(seed: dict) -> None:
    rows = review_rows(seed)
    res = apply_review(seed, [dict(rows[0], kind="stock", direction="lower")])
    ind = res.reading["indicators"][0]
    assert res.changed == 4 and ind["kind"] == "stock" and ind["direction"] == "lower"
    assert ind["inferred"]["kind"]["rule"] == REVIEWED and ind["inferred"]["direction"]["confidence"] == "high"
    # a bare number now reads as a cap (lower is better)
    assert [t["comparator"] for t in ind["targets"].values()] == ["<=", "<="]


@pytest.mark.parametrize("field,value,code", [
    ("kind", "banana", "bad_kind"), ("direction", "up", "bad_direction"), ("name", " ", "empty_name"),
    ("target_2024", "同比增长10%", "unreadable_target"), ("target_2024", "效果明显", "words_for_number"),
])
def test_unusable_corrections_come_back_as_problems(seed: dict, field: str, value: str, code: str) -> None:
    res = apply_review(seed, [dict(review_rows(seed)[0], **{field: value})])
    assert [(p.field, p.code) for p in res.problems] == [(field, code)]


def test_qualitative_kind_keeps_words_and_refuses_a_number(seed: dict) -> None:
    row = dict(review_rows(seed)[0], kind="qualitative", target_2023="效果明显", target_2024="12")
    res = apply_review(seed, [row])
    assert [(p.field, p.code) for p in res.problems] == [("target_2024", "number_for_qualitative")]
    ok = apply_review(seed, [dict(row, target_2024="有效提升")])
    assert ok.ok and ok.reading["indicators"][0]["targets"]["2024"]["qualitative"] is True


def test_facts_and_the_saved_folder_load(seed: dict, tmp_path: Path) -> None:
    reading = apply_facts(seed, name="试点项目", years=[2024, 2023],
                          sources=[{"name": "中央补助", "amount": 100}, {"name": "地方资金", "amount": "50.5"}, {"name": "", "amount": 9}],
                          departments={"主管部门": "某局", "": "x"})
    p = reading["project"]
    assert p["name"] == "试点项目" and p["years"] == [2023, 2024]
    assert p["funding"]["total"] == pytest.approx(150.5) and [s["name"] for s in p["funding"]["sources"]] == ["中央补助", "地方资金"]
    assert p["departments"] == {"主管部门": "某局"}
    files = folder_files(apply_review(reading, [dict(review_rows(reading)[0], target_2024="≥13")]).reading, "pilot")
    for name, body in files.files.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    project = load_project(tmp_path)
    assert project.name == "试点项目" and project.indicators[0].targets[2024].value == 13


def test_a_table_without_a_year_gets_one_from_the_reader(tmp_path: Path) -> None:
    bare = _reading("corpus/ningde_rencaiyizhan_2023.tsv")
    assert target_years(bare) == ["?"]
    assert target_years(_reading("corpus/ningde_rencaiyizhan_2023.tsv", year=2023)) == ["2023"]


def test_a_target_column_left_blank_is_still_offered_for_review() -> None:
    reading = {"source": {"value_columns": [{"header": "指标值", "section": "targets", "key": "2024"}]},
               "indicators": [{"name": "新建堤防长度", "targets": {}}]}
    assert target_years(reading) == ["2024"]
    assert target_years({"indicators": [{"targets": {"2023": {}}}]}) == ["2023"]


def test_a_value_read_as_a_name_is_marked_until_a_person_writes_the_name(tmp_path: Path) -> None:
    """``25 人次`` standing where a name should (a text cut wrong) marks the name for checking; a
    name with a number in it (2023年度资金执行率, 5G基站数量) does not; writing the name clears it."""
    path = tmp_path / "t.txt"
    path.write_text("项目绩效目标表（2022年度）\n三级指标\t指标值\n主体班培训人次\t280人次\n25 人次\t6次\n"
                    "5G基站数量\t≥10个\n2023年度资金执行率\t≥95%\n", encoding="utf-8")
    result = parse_table(path)
    assert isinstance(result, TableReading)
    reading = result.to_json()
    flagged = {i["name"]: "name" in needs_review(i) for i in reading["indicators"]}
    assert flagged == {"主体班培训人次": False, "25 人次": True, "5G基站数量": False, "2023年度资金执行率": False}
    rows = review_rows(reading)
    bad = next(r for r in rows if r["name"] == "25 人次")
    fixed = apply_review(reading, [{**bad, "name": "邀请名师授课人次"}])
    ind = next(i for i in fixed.reading["indicators"] if i["id"] == bad["id"])
    assert ind["name"] == "邀请名师授课人次" and "name" not in needs_review(ind)


def test_a_name_whose_bracket_explained_it_gives_its_reason(tmp_path: Path) -> None:
    """结余率(计算方法为:结余数/预算数) is named 结余率: the row says why beside the name, in the
    page's language, as it does for the unit, kind and direction; a name as written has none."""
    path = tmp_path / "t.txt"
    path.write_text("项目绩效目标表（2022年度）\n三级指标\t指标值\n结余率(计算方法为:结余数/预算数)\t≤5%\n"
                    "主体班培训人次\t280人次\n", encoding="utf-8")
    result = parse_table(path)
    assert isinstance(result, TableReading)
    rows = {r["name"]: r for r in review_rows(result.to_json())}
    assert rows["结余率"]["reason_name"] == "名称括号内是说明“计算方法为:结余数/预算数”，不作名称，留作指标说明"
    assert rows["结余率"]["confidence_name"] == "high" and rows["主体班培训人次"]["reason_name"] == ""
    en = {r["name"]: r for r in review_rows(result.to_json(), "en")}
    assert en["结余率"]["reason_name"].startswith("The bracket in the name explains it (“计算方法为:结余数/预算数”)")


def test_a_fraction_typed_for_a_rate_that_cannot_pass_100_is_read_as_its_percentage(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("一级指标\t二级指标\t三级指标\t指标值\n满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\n"
                    "产出指标\t数量指标\t培训人次\t≥500人次\n产出指标\t质量指标\t合格率\t100%\n", encoding="utf-8")
    reading = parse_table(path, year=2024)
    assert isinstance(reading, TableReading)
    data = reading.to_json()
    sat = next(i for i in data["indicators"] if i["name"] == "学员满意度")
    out = apply_review(data, [{"id": sat["id"], "target_2024": "≥0.95"}])
    target = next(i for i in out.reading["indicators"] if i["name"] == "学员满意度")["targets"]["2024"]
    assert (target["comparator"], target["value"], out.problems) == (">=", 95.0, [])


def test_a_target_read_from_a_change_shows_its_reason_and_is_saved_as_the_level(tmp_path: Path) -> None:
    """较上年增长5% beside last year's 10000人: the grid keeps the text as written with the reason it
    is ≥10500人; saved untouched, the project's target is 10500 (the rewrite noted)."""
    src = tmp_path / "change.tsv"
    src.write_text("项目支出绩效目标表（2024年度）\n一级指标\t二级指标\t三级指标\t2023年完成值\t2024年目标值\n"
                   "产出指标\t数量指标\t新增就业人数\t10000人\t较上年增长5%\n"
                   "产出指标\t数量指标\t培训人次\t2000人次\t≥2100人次\n", encoding="utf-8")
    reading = parse_table(src).to_json()  # type: ignore[union-attr]
    rows = review_rows(reading)
    assert rows[0]["target_2024"] == "较上年增长5%" and "≥10500人" in rows[0]["reason_target"]
    assert rows[0]["confidence_target"] == "medium" and rows[1]["reason_target"] == ""
    reviewed = apply_review(reading, rows)
    assert reviewed.ok and reviewed.changed == 0
    reading = apply_facts(reviewed.reading, name="就业项目", years=[2024])
    files = folder_files(reading, "jobs")
    for name, body in files.files.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    project = load_project(tmp_path)
    assert (project.indicators[0].targets[2024].comparator, project.indicators[0].targets[2024].value) == (">=", 10500)
    assert "目标：“较上年增长5%”按2023年的10000人换算为≥10500人" in project.indicators[0].mapping_note  # why, kept


def test_rows_give_the_reasons_in_the_page_s_language(seed: dict) -> None:
    """Every reason read from a table has its English too (a page shown in English); a field set at
    review says so in both."""
    import re

    for row in review_rows(seed, "en"):
        for f in ("unit", "kind", "direction"):
            reason = row[f"reason_{f}"]
            assert reason and re.search("[A-Za-z]{3}", reason), (row["name"], f, reason)
    zh = review_rows(seed)[0]
    assert re.search("[\u4e00-\u9fff]", zh["reason_kind"]) and not re.search("[A-Za-z]{3}", zh["reason_kind"])
    res = apply_review(seed, [dict(review_rows(seed)[0], unit="万人次")])
    assert review_rows(res.reading, "en")[0]["reason_unit"] == "Set by a person at review"
    assert review_rows(res.reading)[0]["reason_unit"] == REVIEWED_REASON


def test_points_are_listed_corrected_and_kept_on_saving(tmp_path: Path) -> None:
    """The table's 分值 is a review column: a corrected value is kept, a blank clears it, anything
    else is refused; the saved project carries it (indicators.csv ``points``)."""
    reading = _reading("corpus/chizhou_weituo_ziping_2022.tsv")
    rows = review_rows(reading)
    assert [r["points"] for r in rows][:2] == [8.0, 8.0]
    assert review_rows(_reading("seed_dongguan.txt"))[0]["points"] is None
    res = apply_review(reading, [{"id": rows[0]["id"], "points": 12}, {"id": rows[1]["id"], "points": float("nan")},
                                 {"id": rows[2]["id"], "points": "八"}, {"id": rows[3]["id"], "points": -1}])
    assert [(p.indicator, p.field, p.code) for p in res.problems] == [
        (rows[2]["id"], "points", "bad_points"), (rows[3]["id"], "points", "bad_points")]
    res = apply_review(reading, [{"id": rows[0]["id"], "points": "12分"}, {"id": rows[1]["id"], "points": None}])
    assert res.ok and res.changed == 2
    assert [i.get("points") for i in res.reading["indicators"]][:3] == [12.0, None, 8.0]
    files = folder_files(res.reading)
    (tmp_path / "p").mkdir()
    for name, text in files.files.items():
        (tmp_path / "p" / name).write_text(text, encoding="utf-8")
    project = load_project(tmp_path / "p")
    assert [i.points for i in project.indicators][:3] == [12.0, None, 8.0]
