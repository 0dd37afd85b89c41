"""The seed transcription: every indicator of the official table with its three values."""

from __future__ import annotations

import re

import pytest

from analytics.ingest.targets import TargetFileError, load_project
from tests.conftest import SEED

# (三级指标 as written, 2022年数据, 2023年目标值, 2024年目标值) — copied from the seed by hand.
EXPECTED = [
    ("城镇新增就业人员规模（万人）", "11.09", "11.6", "12.4"),
    ("登记失业人员规模（万人）", "4.4", "4.2", "4.1"),
    ("高校毕业生就业服务人次（万）", "12.5", "17", "22"),
    ("农村转移劳动力服务人次（万）", "257.8", "261", "265"),
    ("脱贫劳动力服务人次（万）", "23.4", "24.2", "25"),
    ("登记失业人员服务人次（万）", "14.34", "14.75", "15.11"),
    ("就业困难人员服务人次 （万）", "0.6", "0.7", "0.8"),
    ("开展补贴性职业技能培训人次（万）", "14.47", "15", "15"),
    ("特色劳务品牌数量（个）", "2", "3", "4"),
    ("零工市场服务人次（万）", "0.1", "0.3", "0.5"),
    ("“一网通办”政策经办系统服务人次（万）", "1.96", "2.5", "3.5"),
    ("“一网通办”求职招聘系统服务人次（万）", "18", "22", "25"),
    ("就业失业登记、社保参保登记、劳动用工备案三项业务统一办理（是/否）", "是", "是", "是"),
    ("建成统一的就业信息平台（是/否）", "是", "是", "是"),
    ("建成统一的就业公共服务平台，支持线上线下同步开展就业服务（是/否）", "是", "是", "是"),
    ("就业信息资源按要求向省端、部端归集（是/否）", "是", "是", "是"),
    ("建设技能大师工作室（个）", "40", "50", "50"),
    ("选树技能领军人才（人）", "12", "25", "25"),
    ("累计认定创业孵化基地（家）", "42", "45", "50"),
    ("开展创业系列活动（场次）", "20", "40", "60"),
    ("完成高校毕业生档案数字化（万份）", "2.1", "2.2", "2.3"),
    ("提供人事档案服务人次数（万人次）", "10.2", "11", "12"),
    ("募集就业见习岗位个数（万个）", "1.9", "2", "2.1"),
    ("项目预算执行率", "—", "30%", "100%"),
    ("技能劳动者占总人口比重（%）", "25.4%", "26.5%", "28%"),
    ("离校未就业毕业生和困难失业青年“一对一”帮扶联系率（%）", "100%", "100%", "100%"),
    ("接受职业培训后取得职业资格证书（或职业技能等级证书、专项职业能力证书、培训合格证书）人员比例（%）", "85%", "87.5%", "90%"),
    ("通过服务实现就业创业人数占比（%）", "30%", "33%", "35%"),
    ("求职创业补贴发放准确率（%）", "100%", "100%", "100%"),
    ("项目带动新增就业规模（万人）", "—", "1.25", "2.5"),
    ("失业人员再就业规模（万人）", "1.7", "2.4", "2.8"),
    ("就业困难人员就业人数（万人）", "0.21", "0.23", "0.25"),
    ("高校毕业生去向落实率（%）", "95.94%", "96.00%", "96%"),
    ("零就业家庭帮扶率（%）", "100%", "100%", "100%"),
    ("登记失业人员帮扶率（%）", "100%", "100%", "100%"),
    ("就业困难人员帮扶率（%）", "100%", "100%", "100%"),
    ("因就业问题发生重大群体性事件数量", "0", "0", "0"),
    ("公共就业服务满意度", "90%以上", "93%以上", "95%以上"),
    ("职业技能培训对象满意度", "95%以上", "96%以上", "98%以上"),
    ("就业扶持政策经办服务满意度", "90%以上", "93%以上", "95%以上"),
]

_VALUE = re.compile(r"^(\d+(\.\d+)?%?(以上)?|是|否|—)$")


def _seed_rows() -> list[tuple[str, str, str, str]]:
    lines = [ln.strip() for ln in SEED.read_text(encoding="utf-8").splitlines()]
    lines = [ln for ln in lines if ln]
    rows = []
    for i in range(len(lines) - 3):
        if not _VALUE.match(lines[i]) and all(_VALUE.match(lines[i + k]) for k in (1, 2, 3)):
            rows.append((lines[i], lines[i + 1], lines[i + 2], lines[i + 3]))
    return rows


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed file is not beside the project")
def test_expected_list_matches_the_seed_text():
    assert _seed_rows() == EXPECTED


def test_forty_table_indicators_exactly_as_written(project):
    table = [i for i in project.indicators if i.origin == "table"]
    assert len(table) == 40
    got = [(i.name_raw, i.baseline[2022].raw, i.targets[2023].raw, i.targets[2024].raw) for i in table]
    assert got == EXPECTED


def test_levels_follow_the_table(project):
    table = [i for i in project.indicators if i.origin == "table"]
    assert [i.level1 for i in table].count("产出指标") == 29
    assert [i.level1 for i in table].count("效益指标") == 8
    assert [i.level1 for i in table].count("满意度指标") == 3
    assert [i.level2 for i in table].count("质量指标") == 6
    assert {i.level2 for i in table if i.level1 == "满意度指标"} == {"服务对象满意度指标"}


def test_project_facts_and_funding_sum(project):
    assert project.name == "东莞市公共就业服务能力提升示范项目"
    assert project.departments["central_department"] == "人力资源社会保障部"
    assert project.departments["local_department"] == "广东省人力资源社会保障厅"
    assert project.departments["provincial_finance"] == "广东省财政厅"
    assert project.departments["city_finance"] == "东莞市财政局"
    amounts = {s.name: s.amount for s in project.funding_sources}
    assert amounts == {"中央补助": 10000.00, "地方资金": 87651.18, "其他资金": 5763}
    assert round(sum(amounts.values()), 2) == project.funding_total == 103414.18
    assert project.execution_targets == {2023: 30.0, 2024: 100.0}


def test_five_goals_with_both_texts(project):
    assert [g.id for g in project.goals] == [1, 2, 3, 4, 5]
    assert all(g.text_span.startswith(f"目标{g.id}：") and g.text_2023.startswith(f"目标{g.id}：") for g in project.goals)
    assert "5.3万人" in project.goal(2).text_span and "2300人" in project.goal(2).text_2023
    assert project.overall_goal.startswith("锚定高质量充分就业目标")


def test_parsed_meaning(project):
    p = project.by_id
    t = p["public_service_satisfaction"].targets[2024]
    assert (t.comparator, t.value) == (">=", 95.0)
    assert p["registered_unemployed"].direction == "lower"
    assert p["registered_unemployed"].targets[2024].comparator == "<="
    inc = p["mass_incidents"]
    assert inc.direction == "lower" and inc.targets[2024].comparator == "<=" and inc.targets[2024].value == 0
    assert p["budget_execution"].baseline[2022].no_value
    assert p["project_driven_jobs"].baseline[2022].no_value
    ms = p["unified_info_platform"].targets[2023]
    assert ms.is_bool and ms.value == 1.0
    assert p["skilled_worker_share"].targets[2023].value == 26.5
    assert p["incubation_bases"].kind == "stock"
    assert p["new_urban_jobs"].kind == "flow" and p["registered_unemployed"].kind == "level"
    assert p["graduate_placement_rate"].kind == "rate" and p["graduate_placement_rate"].max_value == 100


def test_every_indicator_serves_a_goal(project):
    goal_ids = {g.id for g in project.goals} | {0}
    assert all(i.goal in goal_ids for i in project.indicators)
    assert {i.goal for i in project.indicators} >= {1, 2, 3, 4, 5}


def test_goal_text_indicators(project):
    p = project.by_id
    extra = {i.id for i in project.indicators if i.origin == "goal_text"}
    assert {"hr_park_institutions", "hr_park_provincial", "entrepreneurship", "training_total_2y", "new_jobs_total_2y",
            "reemployment_total_2y", "hardship_reemployment_total_2y", "hr_park_national_application"} <= extra
    assert p["hr_park_institutions"].targets[2023].value == 50 and p["hr_park_institutions"].targets[2024].value == 60
    assert p["entrepreneurship"].targets[2023].value == 1.3 and p["entrepreneurship"].span_target.value == 2.6
    assert p["training_total_2y"].span_target.value == 30 and p["training_total_2y"].derived_from == "vocational_training"
    assert p["new_jobs_total_2y"].span_target.value == 24
    assert p["reemployment_total_2y"].span_target.value == 5.3
    assert p["hardship_reemployment_total_2y"].span_target.value == 0.48
    assert p["hr_park_provincial"].kind == "milestone"


def test_quality_notes(project):
    from analytics.rules.quality import evaluate

    notes = {n.id: n for n in evaluate(project)}
    assert notes["reemployment_two_year"].status == "mismatch"
    assert (notes["reemployment_two_year"].left, notes["reemployment_two_year"].right) == (5.2, 5.3)
    assert notes["hardship_two_year"].status == "passed"
    assert notes["training_two_year"].status == "passed"
    assert notes["new_jobs_two_year"].status == "passed"
    assert notes["funding_sum"].status == "passed"
    assert notes["skilled_share_base"].status == "note" and "就业人员" in notes["skilled_share_base"].zh
    from analytics.present.quality_text import note_text

    assert note_text(notes["reemployment_two_year"], "zh").endswith("数值：5.2 对 5.3，不一致。")
    assert "Figures: 5.2 vs 5.3 — DISAGREE." in note_text(notes["reemployment_two_year"], "en")


def test_flat_target_file(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("indicator_id,name,unit,kind,direction,year,target\nx,产量,万,flow,higher,2024,12.5\nx,产量,万,flow,higher,2025,13\ny,失业,万人,level,lower,2024,4.1\n", encoding="utf-8")
    p = load_project(f)
    assert [i.id for i in p.indicators] == ["x", "y"]
    assert p.by_id["x"].targets[2025].value == 13 and p.by_id["y"].targets[2024].comparator == "<="


def test_flat_target_file_gbk(tmp_path):
    f = tmp_path / "t.csv"
    f.write_bytes("indicator_id,name,unit,kind,direction,year,target\nx,满意度,%,rate,higher,2024,90%以上\n".encode("gbk"))
    p = load_project(f)
    assert p.by_id["x"].targets[2024].value == 90 and p.by_id["x"].name == "满意度"


@pytest.mark.parametrize(
    "content, column",
    [
        ("indicator_id,name,unit,kind,direction,year,target\nx,a,,flowz,higher,2024,1\n", "kind"),
        ("indicator_id,name,unit,kind,direction,year,target\nx,a,,flow,up,2024,1\n", "direction"),
        ("indicator_id,name,unit,kind,direction,year,target\nx,a,,flow,higher,24,1\n", "year"),
        ("indicator_id,name,unit,kind,direction,year,target\nx,a,,flow,higher,2024,很多\n", "target_2024"),
        ("indicator_id,name,unit,kind,direction,year,target\nx,a,,flow,higher,2024,1\nx,a,,flow,higher,2024,2\n", "year"),
        ("id,name,unit,kind,direction,target_2024,points\nx,a,,flow,higher,1,-3\n", "points"),
        ("id,name,unit,kind,direction,target_2024,points\nx,a,,flow,higher,1,inf\n", "points"),
    ],
)
def test_bad_target_files_are_located(tmp_path, content, column):
    f = tmp_path / "bad.csv"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(TargetFileError) as exc:
        load_project(f)
    prob = exc.value.problems[0]
    assert prob.column == column and prob.row is not None
    assert "bad.csv" in prob.message("zh") and "bad.csv" in prob.message("en")


def test_xlsx_target_template_roundtrip(tmp_path, project):
    import pandas as pd

    rows = pd.read_csv("data/projects/dongguan/indicators.csv", dtype=str, keep_default_na=False)
    f = tmp_path / "targets.xlsx"
    with pd.ExcelWriter(f) as xw:
        rows.to_excel(xw, sheet_name="indicators", index=False)
        pd.DataFrame({"key": ["name", "id"], "value": ["某市项目", "other"]}).to_excel(xw, sheet_name="project", index=False)
    p = load_project(f)
    assert p.name == "某市项目"
    assert [(i.id, {y: t.raw for y, t in i.targets.items()}) for i in p.indicators] == [
        (i.id, {y: t.raw for y, t in i.targets.items()}) for i in project.indicators
    ]


def test_points_are_read_from_the_table_file(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("id,name,unit,kind,direction,target_2024,points\nx,a,,flow,higher,1,8\ny,b,,flow,higher,2,\n", encoding="utf-8")
    assert [i.points for i in load_project(f).indicators] == [8.0, None]
