"""Self-evaluation score (analytics/scoring.py + data/scoring_rules.yaml)."""

from __future__ import annotations

from tests.conftest import load_sample_frames

import dataclasses
import json
import types
from pathlib import Path

import pytest

from analytics.forecast.outlook import forecast_for
from analytics.rules.progress import evaluate_all
from analytics.budget.scenario import project_scenario
from analytics.present.score_text import score_json, score_parts, score_reason
from analytics.budget.scoring import (
    grade_for,
    load_scoring_rules,
    project_rows,
    resolve_rules,
    rule_options,
    score,
    score_scenario,
    validate_rules,
)
from analytics.core.series import Actuals, Budget
from analytics.budget.year_budget import year_budget, year_execution_rate

DATA = Path(__file__).resolve().parents[2] / "data" / "projects" / "dongguan"
SOURCES = {"中央补助": "central", "地方资金": "local", "其他资金": "other"}




@pytest.fixture(scope="module")
def sample(project):
    acts, bud = load_sample_frames()
    return Actuals(project, acts), Budget(project, bud)


@pytest.fixture(scope="module")
def rows24(project, sample):
    return evaluate_all(project, sample[0], sample[1], 2024, (2024, 8), with_previous=False)


def at_target(rows):
    return [dataclasses.replace(r, actual=r.target) if r.target is not None else r for r in rows]


def with_actual(rows, **values):
    return [dataclasses.replace(r, actual=values[r.indicator_id]) if r.indicator_id in values else r for r in rows]


def members(project, level1):
    return [i for i in project.indicators if i.level1 == level1 and i.origin == "table" and i.id != project.execution_indicator]


# -- the rules file -------------------------------------------------------------------------


def test_rules_file_is_valid_and_documented():
    rules = load_scoring_rules()
    assert validate_rules(rules) == []
    assert [(p["key"], p["points"]) for p in rules["parts"]] == [("execution", 10), ("output", 50), ("outcome", 30), ("satisfaction", 10)]
    assert [p["level1"] for p in rules["parts"]] == [None, ["产出指标", "成本指标"], "效益指标", "满意度指标"]
    for name, opt in rules["options"].items():
        assert opt.get("help_zh") and opt.get("help_en"), name
        if "choices" in opt:
            vals = opt["value"] if isinstance(opt["value"], list) else [opt["value"]]
            assert set(vals) <= set(opt["choices"]), name
    for part in rules["parts"]:
        assert part["help_zh"] and part["help_en"]
    assert [(g["min"], g["zh"]) for g in rules["grades"]] == [(90, "优"), (80, "良"), (60, "中"), (0, "差")]
    opts = rule_options()
    assert opts["no_target"] == "redistribute" and opts["no_data"] == "redistribute" and opts["weights"] == "table"


def test_validate_rules_catches_mistakes():
    rules = load_scoring_rules()
    rules["parts"][1]["points"] = 40
    rules["options"]["no_data"]["value"] = "guess"
    rules["grades"] = list(reversed(rules["grades"]))
    msgs = validate_rules(rules)
    assert len(msgs) == 3
    assert any("90" in m and "100" in m for m in msgs) and any("guess" in m for m in msgs)
    with pytest.raises(ValueError, match="unknown scoring option"):
        resolve_rules({"no_such_option": 1})


# -- invariants -----------------------------------------------------------------------------


def test_everything_at_target_with_full_execution_scores_100(project, rows24):
    res = score(project, at_target(rows24), 100.0, 2024)
    assert res.total == 100.0
    assert res.grade == "优" and res.grade_en == "Excellent"
    assert res.what_costs_points == []
    assert [round(p.points, 9) for p in res.parts] == [10, 50, 30, 10]
    assert all(ln.lost == pytest.approx(0.0, abs=1e-12) for ln in res.lines)
    # the same for 2023 (its own targets and execution target of 30 %)
    rows23 = evaluate_all(project, Actuals(project, None), Budget(project, None), 2023, (2024, 8), with_previous=False)
    assert score(project, at_target(rows23), 30.0, 2023).total == 100.0


def test_lost_points_add_up(project, rows24):
    res = score(project, rows24, 56.4, 2024)
    assert sum(ln.lost for ln in res.what_costs_points) == pytest.approx(100 - res.total)
    losses = [ln.lost for ln in res.what_costs_points]
    assert losses == sorted(losses, reverse=True)
    assert res.what_costs_points[0].indicator_id == "budget_execution"  # 56 % of 100 % costs the most


# -- each indicator type --------------------------------------------------------------------


def test_points_are_spread_equally_within_each_level(project, rows24):
    res = score(project, at_target(rows24), 100.0, 2024)
    n_out = len(members(project, "产出指标"))
    assert n_out == 28  # the 29 table outputs less 项目预算执行率
    for ln in res.lines:
        if ln.part == "output":
            assert ln.points_max == pytest.approx(50 / n_out)
        if ln.part == "outcome":
            assert ln.points_max == pytest.approx(30 / 8)
        if ln.part == "satisfaction":
            assert ln.points_max == pytest.approx(10 / 3)
    assert "budget_execution" not in {ln.indicator_id for ln in res.lines if ln.part == "output"}
    assert res.line("budget_execution").part == "execution"


def test_higher_is_better_completion(project, rows24):
    rows = with_actual(at_target(rows24), new_urban_jobs=12.4 * 0.8, graduate_services=44.0)
    res = score(project, rows, 100.0, 2024)
    ln = res.line("new_urban_jobs")
    assert ln.rule == "higher" and ln.attainment == pytest.approx(0.8)
    assert ln.points == pytest.approx(0.8 * 50 / 28)
    assert ln.lost == pytest.approx(0.2 * 50 / 28)
    assert "80.0%" in score_reason(ln, "zh") and "80.0%" in score_reason(ln, "en")
    over = res.line("graduate_services")
    assert over.attainment == pytest.approx(2.0) and over.points == pytest.approx(50 / 28)  # capped at full marks
    assert "超额完成" in score_reason(over, "zh")
    assert res.total == pytest.approx(100 - 0.2 * 50 / 28)


def test_lower_is_better_completion(project, rows24):
    res = score(project, with_actual(at_target(rows24), registered_unemployed=5.0), 100.0, 2024)
    ln = res.line("registered_unemployed")
    assert ln.rule == "lower" and ln.attainment == pytest.approx(4.1 / 5.0)
    assert ln.points == pytest.approx(4.1 / 5.0 * 50 / 28)
    assert "目标÷实际" in score_reason(ln, "zh")
    better = score(project, with_actual(at_target(rows24), registered_unemployed=3.0), 100.0, 2024).line("registered_unemployed")
    assert better.points == pytest.approx(50 / 28)


@pytest.mark.parametrize("incidents, full", [(0, True), (0.0, True), (1, False), (3, False)])
def test_zero_target_lower_is_better(project, rows24, incidents, full):
    ln = score(project, with_actual(at_target(rows24), mass_incidents=incidents), 100.0, 2024).line("mass_incidents")
    assert ln.rule == "zero_target"
    assert ln.points == pytest.approx(30 / 8 if full else 0.0)
    assert ("得满分" if full else "不得分") in score_reason(ln, "zh")


@pytest.mark.parametrize("value, full", [(1.0, True), (0.0, False)])
def test_milestones(project, rows24, value, full):
    ln = score(project, with_actual(at_target(rows24), unified_info_platform=value), 100.0, 2024).line("unified_info_platform")
    assert ln.rule == "milestone"
    assert ln.points == pytest.approx(50 / 28 if full else 0.0)
    assert ("已实现" if full else "未实现") in score_reason(ln, "zh")


@pytest.mark.parametrize("value, full", [(0.0, True), (1.0, False)])
def test_a_yes_no_whose_target_is_no_scores_full_while_no(project, rows24, value, full):
    rows = [dataclasses.replace(r, target=0.0, target_raw="否") if r.indicator_id == "unified_info_platform" else r
            for r in with_actual(at_target(rows24), unified_info_platform=value)]
    ln = score(project, rows, 100.0, 2024).line("unified_info_platform")
    assert ln.rule == "milestone" and ln.points == pytest.approx(50 / 28 if full else 0.0)
    assert ln.reason == ("milestone_no_done" if full else "milestone_no_missed")
    assert ("目标为“否”，记录为“否”" if full else "已记录为“是”") in score_reason(ln, "zh")


def test_a_broken_no_target_is_not_assumed_met_in_the_projection(project, sample):
    # an open milestone may be assumed met by its due month; a 否 target already recorded 是 cannot be
    from tests.rules.test_progress import no_target_project

    proj, iid = no_target_project(project)
    acts, bud = sample
    rows = evaluate_all(proj, acts, bud, 2024, (2024, 8), with_previous=False)
    broken = [dataclasses.replace(r, actual=1.0) if r.indicator_id == iid else r for r in rows]
    both = {"origins": ["table", "goal_text"]}  # the sample's milestone comes from the goal text
    res = score_scenario(proj, acts, bud, (2024, 8), None, progress_rows=broken, rules=both)
    assert res.projections[iid]["method"] == "as_is" and res.line(iid).points == 0.0


def test_execution_points(project, rows24):
    rows = at_target(rows24)
    assert score(project, rows, 84.56, 2024).part("execution").points == pytest.approx(8.456)
    assert score(project, rows, 28.0, 2023).part("execution").points == pytest.approx(28 / 30 * 10)
    assert score(project, rows, 35.0, 2023).part("execution").points == pytest.approx(10.0)
    assert score(project, rows, 0.0, 2024).part("execution").points == 0.0
    assert score(project, rows, 50.0, 2024, rules={"execution_cap": 0.9}).part("execution").points == pytest.approx(5.0)
    ln = score(project, rows, 84.56, 2024).line("budget_execution")
    assert "84.56%" in score_reason(ln, "zh") and ln.lost == pytest.approx(10 - 8.456)


def test_execution_default_target_when_the_year_has_none(project, rows24):
    res = score(project, at_target(rows24), 50.0, 2025)
    assert res.execution_target == 100 and res.part("execution").points == pytest.approx(5.0)


# -- missing targets or data ----------------------------------------------------------------


def test_no_data_is_redistributed_by_default(project, rows24):
    rows = with_actual(at_target(rows24), public_service_satisfaction=None)
    res = score(project, rows, 100.0, 2024)
    ln = res.line("public_service_satisfaction")
    assert ln.status == "excluded" and ln.points_max == 0 and ln.lost == 0
    assert "分摊" in score_reason(ln, "zh") and "shared" in score_reason(ln, "en")
    assert res.line("training_satisfaction").points_max == pytest.approx(5.0)
    assert res.total == 100.0
    zero = score(project, rows, 100.0, 2024, rules={"no_data": "zero"})
    assert zero.line("public_service_satisfaction").status == "zero"
    assert zero.line("public_service_satisfaction").lost == pytest.approx(10 / 3)
    assert zero.total == pytest.approx(100 - 10 / 3)


def test_no_target_is_redistributed_by_default(project, rows24):
    rows = [dataclasses.replace(r, target=None) if r.indicator_id == "labour_brands" else r for r in at_target(rows24)]
    res = score(project, rows, 100.0, 2024)
    assert res.line("labour_brands").status == "excluded"
    assert res.line("new_urban_jobs").points_max == pytest.approx(50 / 27)
    assert res.total == 100.0
    zero = score(project, rows, 100.0, 2024, rules={"no_target": "zero"})
    assert zero.total == pytest.approx(100 - 50 / 28)


def test_missing_rows_count_as_no_data(project, rows24):
    rows = [r for r in at_target(rows24) if r.indicator_id != "subsidy_accuracy"]
    res = score(project, rows, 100.0, 2024)
    assert res.line("subsidy_accuracy").status == "excluded" and res.total == 100.0


def test_empty_part_rescale_or_zero(project, rows24):
    sat = {i.id: None for i in members(project, "满意度指标")}
    rows = with_actual(at_target(rows24), **sat)
    res = score(project, rows, 100.0, 2024)
    assert res.part("satisfaction").empty and res.part("satisfaction").points == 0
    assert res.total == 100.0  # 90 available points all earned → rescaled to 100
    half = score(project, with_actual(rows, new_urban_jobs=6.2), 100.0, 2024)
    assert half.total == pytest.approx((90 - 0.5 * 50 / 28) * 100 / 90)
    zero = score(project, rows, 100.0, 2024, rules={"empty_part": "zero"})
    assert zero.total == pytest.approx(90.0)
    # as shown (budget page, CLI table): a left-out part loses no points and says why
    shown = {p["left_out"]: p for p in score_parts(res.part_rows(), "zh")}
    assert shown[True]["lost"] == 0.0 and shown[True]["points"] is None and "不计分" in shown[True]["part"]
    assert [p["lost"] for p in score_parts(zero.part_rows(), "zh") if p["part"] == "满意度指标"] == [10.0]


def test_cost_indicators_score_with_outputs_and_no_indicator_is_dropped(project, rows24):
    # a table with 成本指标 as a first-level category scores it with 产出指标; an indicator of no
    # part (a 一级指标 the rules do not score, or none) is still a line: listed, not scored
    inds = {i.id: i for i in project.indicators}
    cost = dataclasses.replace(inds["labour_brands"], level1="成本指标")
    odd = dataclasses.replace(inds["master_studios"], level1="其他类指标")
    proj = dataclasses.replace(project, indicators=tuple({cost.id: cost, odd.id: odd}.get(i.id, i) for i in project.indicators))
    res = score(proj, at_target(rows24), 100.0, 2024)
    assert res.line("labour_brands").part == "output" and res.line("labour_brands").status == "scored"
    line = res.line("master_studios")
    assert (line.part, line.status, line.reason, line.points_max) == ("", "excluded", "no_part", 0.0)
    assert score_reason(line, "zh").startswith("一级指标“其他类指标”不属于")
    assert res.total == pytest.approx(100.0)  # the others share its points


def test_nothing_to_score_is_no_score(project, rows24):
    # no indicator under 产出/效益/满意度 and no spending: no part scored — no score, not 0 “差”,
    # and the reason says which (no 一级指标, or nothing reported yet)
    from analytics.present.score_text import unscored_reason

    flat = dataclasses.replace(project, indicators=tuple(dataclasses.replace(i, level1="", level2="") for i in project.indicators))
    res = score(flat, at_target(rows24), None, 2024)
    assert not res.scored and all(res.left_out(p) for p in res.parts)
    assert "未划分一级指标" in unscored_reason(res, "zh")
    silent = score(project, with_actual(rows24, **{r.indicator_id: None for r in rows24}), None, 2024)
    assert not silent.scored and "尚无可计分的实际数据" in unscored_reason(silent, "zh")
    assert score(project, at_target(rows24), None, 2024).scored
    # budget execution alone is no total: 9.5 of 10 points rescaled would read 95 分 “优” for a
    # project none of whose indicators was scored; the reason gives the execution points instead
    spent = score(flat, at_target(rows24), 95.0, 2024)
    assert not spent.part("execution").empty and not spent.scored
    assert "预算执行率一项可计 9.50/10 分" in unscored_reason(spent, "zh")


def test_a_projection_without_spending_leaves_execution_out(project, rows24):
    # no spending recorded: the projected execution rate is no 0% (0 of 10 points) — the part is left out
    empty = Budget(project, None)
    res = score_scenario(project, Actuals(project, load_sample_frames()[0]), empty, (2024, 8), None)
    assert res.left_out(res.part("execution"))


def test_execution_without_data(project, rows24):
    res = score(project, at_target(rows24), None, 2024)
    assert res.part("execution").empty and res.total == 100.0
    assert score(project, at_target(rows24), None, 2024, rules={"no_data": "zero"}).total == pytest.approx(90.0)


def test_custom_weights_and_min_completion(project, rows24):
    rows = with_actual(at_target(rows24), new_urban_jobs=6.2)
    w = score(project, rows, 100.0, 2024, rules={"weights": "custom", "custom_weights": {"new_urban_jobs": 3, "labour_brands": 0}})
    ln = w.line("new_urban_jobs")
    assert ln.weight == 3 and ln.points_max == pytest.approx(50 * 3 / (26 + 3))
    assert w.line("labour_brands").status == "excluded"
    assert ln.points == pytest.approx(0.5 * ln.points_max)
    # custom weights are ignored unless weights = custom
    assert score(project, rows, 100.0, 2024, rules={"custom_weights": {"new_urban_jobs": 3}}).line("new_urban_jobs").points_max == pytest.approx(50 / 28)
    floor = score(project, rows, 100.0, 2024, rules={"min_completion": 0.6})
    assert floor.line("new_urban_jobs").points == 0 and "最低完成率" in score_reason(floor.line("new_urban_jobs"), "zh")


def test_the_tables_points_share_each_part(project, rows24):
    """A table that gives each indicator's 分值 (8, 8, … 10 of 产出指标 50): each part's points are
    shared in proportion to them (weights: table, the default); one member of a part without
    points, or weights: equal, shares that part equally; a weight of 0 leaves the indicator out."""
    outs = [i.id for i in members(project, "产出指标")]
    points = {iid: (4.0 if k < 14 else 1.0) for k, iid in enumerate(outs)}  # 14 × 4 + 14 × 1 = 70
    weighted = dataclasses.replace(project, indicators=tuple(
        dataclasses.replace(i, points=points[i.id]) if i.id in points else i for i in project.indicators))
    res = score(weighted, at_target(rows24), 100.0, 2024)
    assert res.line(outs[0]).points_max == pytest.approx(50 * 4 / 70)
    assert res.line(outs[-1]).points_max == pytest.approx(50 * 1 / 70)
    assert res.line(outs[0]).weight == 4.0
    assert res.total == pytest.approx(100.0) and res.part("output").points_max == 50
    outcome = [i.id for i in members(project, "效益指标")]
    assert res.line(outcome[0]).points_max == pytest.approx(30 / 8)  # no points given there: equal
    assert score(weighted, at_target(rows24), 100.0, 2024, rules={"weights": "equal"}).line(outs[0]).points_max \
        == pytest.approx(50 / 28)
    one_missing = dataclasses.replace(weighted, indicators=tuple(
        dataclasses.replace(i, points=None) if i.id == outs[3] else i for i in weighted.indicators))
    assert score(one_missing, at_target(rows24), 100.0, 2024).line(outs[0]).points_max == pytest.approx(50 / 28)
    zero = dataclasses.replace(weighted, indicators=tuple(
        dataclasses.replace(i, points=0.0) if i.id == outs[0] else i for i in weighted.indicators))
    res0 = score(zero, at_target(rows24), 100.0, 2024)
    assert res0.line(outs[0]).status == "excluded" and res0.line(outs[1]).points_max == pytest.approx(50 * 4 / 66)


def test_goal_text_indicators_only_on_request(project, rows24):
    ids = {ln.indicator_id for ln in score(project, at_target(rows24), 100.0, 2024).lines}
    assert "training_total_2y" not in ids and "hr_park_institutions" not in ids
    res = score(project, at_target(rows24), 100.0, 2024, rules={"origins": ["table", "goal_text"]})
    assert {"training_total_2y", "hr_park_institutions"} <= {ln.indicator_id for ln in res.lines}
    assert res.total == 100.0


# -- grades ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "total, grade",
    [(100, "优"), (90, "优"), (89.9999999999, "优"), (89.99, "良"), (80, "良"), (79.999, "中"), (60, "中"), (59.99, "差"), (0, "差")],
)
def test_grade_boundaries(total, grade):
    assert grade_for(total)["zh"] == grade


@pytest.mark.parametrize("rate, grade", [(100.0, "优"), (0.0, "优"), (50.0, "优")])
def test_grade_through_score(project, rows24, rate, grade):
    # 90 points of indicators + 0–10 for execution: never below 优
    assert score(project, at_target(rows24), rate, 2024).grade == grade


def test_grade_boundaries_through_score(project, rows24):
    rows = at_target(rows24)
    tgt = {r.indicator_id: r.target for r in rows24}
    res = score(project, rows, 0.0, 2024)  # no execution at all: 90 points left
    assert res.total == 90.0 and res.grade == "优"
    sat = members(project, "满意度指标")
    sid = sat[0].id
    res = score(project, with_actual(rows, **{sid: tgt[sid] * (1 - 0.01 / (10 / 3))}), 0.0, 2024)  # lose 0.01 more
    assert res.total == pytest.approx(89.99) and res.grade == "良"
    no_sat = with_actual(rows, **{i.id: None for i in sat})
    res = score(project, no_sat, 0.0, 2024, rules={"no_data": "zero"})
    assert res.total == 80.0 and res.grade == "良"
    higher = [i.id for i in members(project, "效益指标") if i.direction == "higher"]
    assert len(higher) == 7
    for loss, grade in ((20.0, "中"), (20.001, "差")):
        c = 1 - loss / (len(higher) * 30 / 8)  # each outcome is worth 30/8 points
        res = score(project, with_actual(no_sat, **{i: tgt[i] * c for i in higher}), 0.0, 2024, rules={"no_data": "zero"})
        assert res.total == pytest.approx(80 - loss) and res.grade == grade


# -- scenario scores ------------------------------------------------------------------------


NO_FC = {"use_forecast": False}  # the trajectory rule, whether or not analytics.forecast.method exists


def test_score_scenario_uses_the_projection(project, sample, rows24):
    acts, bud = sample
    res = score_scenario(project, acts, bud, (2024, 8), None, rules=NO_FC)
    proj = project_scenario(project, bud, (2024, 8), None, actuals=acts)
    cum = score_scenario(project, acts, bud, (2024, 8), None, rules={**NO_FC, "execution_rule": "cumulative_target"})
    assert cum.basis == "projected" and cum.execution_rate == pytest.approx(proj.year_end_rate)
    assert cum.execution_rule == "cumulative_target" and cum.part("execution").points == pytest.approx(proj.year_end_rate / 10)
    # default: the year's rate = (year-end cumulative − spent before 2024) ÷ the 2024 budget
    before = bud.spent_by(2023, 12)
    yb = year_budget(project, bud, 2024).amount
    assert yb == pytest.approx(project.funding_total - before)
    rate = 100 * (proj.year_end_spent - before) / yb
    assert res.execution_rule == "year_rate" and res.execution_rate == pytest.approx(rate)
    assert res.part("execution").points == pytest.approx(min(1.0, rate / 100) * 10)
    for lo in proj.linked_outputs:
        assert res.projections[lo.indicator_id]["method"] == "linked_output"
        assert res.line(lo.indicator_id).actual == pytest.approx(lo.projected)
    nj = next(r for r in rows24 if r.indicator_id == "new_urban_jobs")
    assert res.projections["new_urban_jobs"]["method"] == "trajectory"
    assert res.line("new_urban_jobs").actual == pytest.approx(nj.target * nj.ratio)
    ru = next(r for r in rows24 if r.indicator_id == "registered_unemployed")
    assert res.line("registered_unemployed").actual == pytest.approx(ru.target / ru.ratio)
    assert res.projections["mass_incidents"]["method"] == "as_is"
    assert res.projections["hr_park_national_application"]["method"] == "milestone_open"
    assert res.scenario["levers"] == {}
    json.dumps(res.as_dict(), ensure_ascii=False, allow_nan=False)
    # reusing rows and the scenario result gives the same numbers
    again = score_scenario(project, acts, bud, (2024, 8), None, progress_rows=rows24, result=proj, rules=NO_FC)
    assert again.as_dict() == res.as_dict()


def test_faster_spending_never_lowers_the_score(project, sample, rows24):
    acts, bud = sample
    totals = [score_scenario(project, acts, bud, (2024, 8), {"levers": {"pace": p}}, progress_rows=rows24).total for p in (0.5, 1.0, 1.3, 2.0, 4.0)]
    assert totals == sorted(totals)
    assert totals[-1] > totals[0]


def test_renamed_scenario_scores_the_same(project, sample, rows24):
    acts, bud = sample
    doc = {"name": "a", "levers": {"pace": 1.4, "transfers": [{"from_goal": 3, "to_goal": 1, "amount": 1000}]}}
    a = score_scenario(project, acts, bud, (2024, 8), doc, progress_rows=rows24).as_dict()
    b = score_scenario(project, acts, bud, (2024, 8), {**doc, "name": "b"}, progress_rows=rows24).as_dict()
    a["scenario"].pop("name"), b["scenario"].pop("name")
    assert a == b


def test_open_milestones_option(project, sample, rows24, monkeypatch):
    """A milestone not yet achieved (申请创建国家级产业园, due in December; from the goal text) is
    never scored as achieved in advance: 否 as it stands, its reason giving the due month and the
    forecast's likelihood (as the monitoring form says 有可能); 是 only once the forecast calls it
    certain (确定能)."""
    from analytics.budget import outputs
    from analytics.forecast import outlook

    acts, bud = sample
    both = ["table", "goal_text"]
    ind = project.indicator("hr_park_national_application")
    fc = forecast_for(project, acts, bud, ind, 2024, (2024, 8))
    assert fc.likelihood != "certain" and 0 < fc.p_attain < 1
    open_ = score_scenario(project, acts, bud, (2024, 8), None, progress_rows=rows24, rules={"origins": both})
    as_is = score_scenario(project, acts, bud, (2024, 8), None, progress_rows=rows24, rules={"origins": both, "open_milestones": "as_is"})
    ln, ln_as_is = open_.line(ind.id), as_is.line(ind.id)
    assert ln.points == 0 and ln.points_max > 0 and ln.actual == 0
    assert open_.projections[ind.id]["method"] == "milestone_open" and open_.projections[ind.id]["p_attain"] == fc.p_attain
    assert score_reason(ln, "zh").startswith(f"里程碑尚未实现（12月底前完成，完成可能性 {round(100 * fc.p_attain)}%），按目前未实现计，不得分")
    assert "likelihood" in score_reason(ln, "en")
    assert ln_as_is.points == 0 and as_is.projections[ind.id]["method"] == "as_is" and score_reason(ln_as_is, "zh").startswith("里程碑未实现")
    # rules under which the forecast calls it certain: then, and only then, it is projected achieved
    monkeypatch.setattr(outlook, "likelihood_thresholds", lambda: ((0.01, "certain"), (0.0, "impossible")))
    outputs._CACHE.clear()
    try:
        sure = score_scenario(project, acts, bud, (2024, 8), None, progress_rows=rows24, rules={"origins": both}).line(ind.id)
    finally:
        outputs._CACHE.clear()
    assert sure.points == pytest.approx(sure.points_max) and sure.reason == "milestone_done"


def test_projection_as_is_option(project, sample, rows24):
    acts, bud = sample
    res = score_scenario(project, acts, bud, (2024, 8), None, progress_rows=rows24, rules={"projection": "as_is", "use_forecast": False})
    assert res.line("new_urban_jobs").actual == pytest.approx(next(r.actual for r in rows24 if r.indicator_id == "new_urban_jobs"))


@pytest.fixture
def fake_forecast(monkeypatch):
    """``forecast_indicator`` with its real signature, replaced where the forecast's outlook (which
    the budget layer asks for a year-end) calls it."""
    from analytics.budget import outputs
    from analytics.forecast import outlook
    from analytics.forecast.shared import Forecast

    calls = []
    outputs._CACHE.clear()

    def forecast_indicator(kind, direction, as_of_month, current, history, target=None, comparator=">=", last_year_end=None, whole=False):
        key = next((k for k, v in _IDS.items() if v == dict(current)), None)  # which indicator: by its data
        calls.append(key)
        if key == "new_urban_jobs":
            return Forecast(13.0, 12.0, 14.0, 0.9, "fake", None, 1, (), None, None, None)
        if key == "graduate_services":
            raise ValueError("unknown comparator")
        return Forecast(None, None, None, None, "none", "no_current_data", 0, (), None, None, None)

    monkeypatch.setattr(outlook, "forecast_indicator", forecast_indicator)
    yield calls
    outputs._CACHE.clear()


_IDS: dict[str, tuple] = {}


def test_forecast_is_used_when_it_exists(project, sample, rows24, fake_forecast):
    acts, bud = sample
    _IDS.clear()
    _IDS.update({r.indicator_id: dict(acts.obs(r.indicator_id, 2024).values) for r in rows24})
    res = score_scenario(project, acts, bud, (2024, 8), None, progress_rows=rows24)
    assert res.projections["new_urban_jobs"] == {"current": pytest.approx(8.4998), "projected": 13.0, "method": "forecast"}
    assert res.projections["graduate_services"]["method"] == "trajectory"  # a failing forecast falls back
    assert res.projections["vocational_training"]["method"] == "linked_output"  # spend-driven: the scenario wins
    # the linked output's baseline, and the two-year total it adds up to (training_total_2y): the
    # score does not forecast the spend-driven output again
    assert fake_forecast.count("vocational_training") == 2
    off = score_scenario(project, acts, bud, (2024, 8), None, progress_rows=rows24, rules={"use_forecast": False})
    assert off.projections["new_urban_jobs"]["method"] == "trajectory"


def test_the_real_forecaster_is_used_when_present(project, sample, rows24):
    acts, bud = sample
    res = score_scenario(project, acts, bud, (2024, 8), None, progress_rows=rows24)
    methods = {k: v["method"] for k, v in res.projections.items()}
    assert methods["new_urban_jobs"] in ("forecast", "trajectory")  # trajectory only if the forecaster returns no number
    assert methods["vocational_training"] == "linked_output" and methods["mass_incidents"] == "as_is"
    assert methods["unified_info_platform"] == "as_is"  # no forecast for milestones
    # a two-year total in its final year: the forecast's own year-end (what 年末预测 gives), not a second rule
    fc = forecast_for(project, acts, bud, project.indicator("training_total_2y"), 2024, (2024, 8))
    assert methods["training_total_2y"] == "forecast" and res.projections["training_total_2y"]["projected"] == pytest.approx(fc.point)
    if methods["new_urban_jobs"] == "forecast":
        assert res.projections["new_urban_jobs"]["projected"] > 0
    json.dumps(res.as_dict(), ensure_ascii=False, allow_nan=False)


def test_project_rows_keeps_closed_years(project, sample):
    acts, bud = sample
    rows23 = evaluate_all(project, acts, bud, 2023, (2024, 8), with_previous=False)
    out, info = project_rows(project, rows23, (2024, 8))
    assert [r.actual for r in out] == [r.actual for r in rows23]
    assert {v["method"] for v in info.values()} <= {"as_is", "none"}


def test_score_json(project, sample):
    acts, bud = sample
    out = score_json(project, acts, bud, (2024, 8), {"name": "快", "levers": {"pace": 1.5}})
    json.dumps(out, ensure_ascii=False, allow_nan=False)
    assert set(out) == {"project", "as_of", "year", "basis", "scenario", "execution", "parts", "indicators", "total", "grade",
                        "grade_en", "what_costs_points", "basis_zh", "basis_en", "coverage_zh", "coverage_en"}
    assert out["basis"] == "projected"
    assert out["indicators"] == {"scored": 39, "no_data": 0, "all": 39} and out["coverage_zh"] == "得分按全部 39 项指标计算。"
    assert out["as_of"] == "2024-08" and out["scenario"]["name"] == "快"
    assert set(out["execution"]) == {"projected_year_end_rate", "interval80", "target", "points", "over_budget"}
    assert [p["key"] for p in out["parts"]] == ["execution", "output", "outcome", "satisfaction"]
    assert out["total"] == pytest.approx(sum(p["points"] for p in out["parts"]), abs=0.03)
    assert out["grade"] in {"优", "良", "中", "差"}
    base = score_json(project, acts, bud, (2024, 8), None)
    assert out["execution"]["projected_year_end_rate"] > base["execution"]["projected_year_end_rate"]


# -- the execution rule and the year's budget -----------------------------------------------


def test_execution_rule_year_rate_is_the_default(project, rows24):
    from analytics.budget.scoring import execution_rule

    assert execution_rule() == "year_rate"
    res = score(project, at_target(rows24), 84.56, 2024, year_execution_rate=45.0)
    assert res.execution_rule == "year_rate" and res.part("execution").points == pytest.approx(4.5)
    assert res.line("budget_execution").reason_params["rule"] == "year_rate"
    assert score(project, at_target(rows24), 84.56, 2024, year_execution_rate=120.0).part("execution").points == pytest.approx(10.0)
    old = score(project, at_target(rows24), 84.56, 2024, rules={"execution_rule": "cumulative_target"}, year_execution_rate=45.0)
    assert old.execution_rule == "cumulative_target" and old.part("execution").points == pytest.approx(8.456)
    # without the year's rate the cumulative rule is used, and the result says so
    assert score(project, at_target(rows24), 84.56, 2024).execution_rule == "cumulative_target"


def test_year_budget_derived_from_targets(project, sample):
    _acts, bud = sample
    first = year_budget(project, bud, 2023)
    assert first.basis == "target" and first.amount == pytest.approx(0.30 * project.funding_total)
    central = year_budget(project, bud, 2023, "central").amount
    assert central == pytest.approx(0.30 * 10000.0)
    last = year_budget(project, bud, 2024)
    assert last.amount == pytest.approx(project.funding_total - bud.spent_by(2023, 12))
    by_src = sum(year_budget(project, bud, 2024, s.key).amount for s in project.funding_sources)
    assert by_src == pytest.approx(last.amount)
    assert year_budget(project, bud, 2025).amount is None
    assert year_execution_rate(project, bud, 2023, 0.15 * project.funding_total) == pytest.approx(50.0)


def test_year_budget_file(project, sample, tmp_path):
    _acts, bud = sample
    f = tmp_path / "year_budgets.csv"
    f.write_text("# 年度预算指标\nyear,source,amount\n2024,中央补助,6000\n2024,local,50000\n2024,其他资金,3000\n", encoding="utf-8")
    yb = year_budget(project, bud, 2024, path=f)
    assert yb.basis == "file" and yb.amount == pytest.approx(59000.0)
    assert year_budget(project, bud, 2024, "central", path=f).amount == pytest.approx(6000.0)
    assert year_budget(project, bud, 2023, path=f).basis == "target"
    f.write_text("year,source,amount\n2024,unknown,1\n", encoding="utf-8")
    with pytest.raises(ValueError):
        year_budget(project, bud, 2024, path=f)


# -- qualitative (定性) indicators -------------------------------------------------------------


def test_qualitative_checkins_scored_by_bands(project, rows24):
    from analytics.core.qualitative import CODES, level_word, parse_checkin
    from analytics.core.values import ValueParseError

    assert parse_checkin("达成") == 1.0 and parse_checkin(" 部分达成 ") == 0.5 and parse_checkin("未达成") == 0.0
    assert level_word(0.5) == "部分达成" and level_word(1.0, "en") == "Achieved"
    with pytest.raises(ValueError):
        parse_checkin("0.7")
    with pytest.raises(ValueParseError):
        parse_checkin("较好")
    # make one outcome indicator qualitative: its target is 达成 whatever its text says
    ind = project.indicator("zero_employment_family_rate")
    qual = dataclasses.replace(ind, kind="qualitative")
    proj = dataclasses.replace(project, indicators=tuple(qual if i.id == ind.id else i for i in project.indicators))
    assert qual.target(2024).value == 1.0
    rows = at_target(rows24)
    for level, share in (("achieved", 1.0), ("partial", 0.7), ("not_achieved", 0.3)):
        res = score(proj, with_actual(rows, zero_employment_family_rate=CODES[level]), 100.0, 2024)
        ln = res.line(ind.id)
        assert ln.rule == "qualitative" and ln.reason == f"qualitative_{level}"
        assert ln.points == pytest.approx(ln.points_max * share)
        assert score_reason(ln, "zh") and "定性指标" in score_reason(ln, "zh")
    # the bands are data: another value inside the band
    levels = {"achieved": {"band": [0.8, 1.0], "value": 0.9}, "partial": {"band": [0.6, 0.8], "value": 0.6},
              "not_achieved": {"band": [0.0, 0.6], "value": 0.0}}
    res = score(proj, with_actual(rows, zero_employment_family_rate=0.5), 100.0, 2024, rules={"qualitative_levels": levels})
    assert res.line(ind.id).points == pytest.approx(res.line(ind.id).points_max * 0.6)
    bad = resolve_rules({"qualitative_levels": {**levels, "partial": {"band": [0.6, 0.8], "value": 0.9}}})
    assert any("partial" in p for p in validate_rules(bad))
    assert validate_rules(load_scoring_rules()) == []


def test_a_year_without_an_execution_target_says_the_default_stands(project, rows24):
    """A project that sets no execution target for the year: the default (100%) is scored, and
    the reason says it is the default and how to score the year's own rate instead."""
    bare = dataclasses.replace(project, execution_targets={})
    res = score(bare, at_target(rows24), 36.45, 2024, rules={"execution_rule": "cumulative_target"})
    line = res.line("budget_execution")
    assert line.reason_params["default_target"] is True and line.points == pytest.approx(3.645)
    assert "项目未设 2024 年执行率目标，按默认目标 100%" in score_reason(line, "zh")
    assert "sets no 2024 execution target" in score_reason(line, "en")
    own = score(project, at_target(rows24), 36.45, 2024, rules={"execution_rule": "cumulative_target"}).line("budget_execution")
    assert "default_target" not in own.reason_params and "按默认" not in score_reason(own, "zh")



def test_without_a_first_level_the_second_places_an_indicator(project, rows24):
    """A table that gives only 二级指标 (产出数量指标, 经济效益, 服务对象满意度): each indicator is scored
    in the part its 二级 names (the parts' ``level2`` patterns), each in one part only; one whose
    二级 names none (资金管理) is listed, not scored."""
    second = {"new_urban_jobs": "产出数量指标", "registered_unemployed": "经济效益", "graduate_services": "服务对象满意度",
              "rural_migrant_services": "资金管理", "poverty_alleviated_services": "产出效益"}
    inds = tuple(dataclasses.replace(i, level1="", level2=second[i.id]) for i in project.indicators if i.id in second)
    res = score(dataclasses.replace(project, indicators=inds), at_target(rows24), 100.0, 2024)
    parts = {ln.indicator_id: ln.part for ln in res.lines}
    assert parts["new_urban_jobs"] == "output" and parts["registered_unemployed"] == "outcome"
    assert parts["graduate_services"] == "satisfaction" and parts["rural_migrant_services"] == ""
    assert parts["poverty_alleviated_services"] == "output"  # the first part that claims it, once
    assert sum(1 for ln in res.lines if ln.indicator_id == "poverty_alleviated_services") == 1
    assert res.scored and res.total == pytest.approx(100.0)
    from analytics.budget.scoring import implied_level1  # the same rule groups 总览's cards

    assert [implied_level1(i) for i in inds] == ["产出指标", "效益指标", "满意度指标", None, "产出指标"]
    assert implied_level1(project.indicator("new_urban_jobs")) == "产出指标"  # a 一级指标 written: its own


def test_a_projected_execution_rate_is_said_beside_the_rate_now(dataset):
    """`score` mid-year said 当年预算执行率 57.15% — the year-end projection — as if it were the rate
    (18.86% then). The reason now says the rate scored is projected and gives the rate now."""
    from analytics.budget.scoring import score_scenario
    from analytics.present.score_text import score_reason

    res = score_scenario(dataset.project, dataset.actuals, dataset.budget, (2024, 8))
    ex = next(ln for ln in res.lines if ln.reason in ("execution", "execution_year"))
    now = ex.reason_params["projected_from"]
    assert now < ex.actual  # August's rate, below the year-end projected
    said = score_reason(ex, "zh")
    assert "以上为按目前进度预计的年末执行率，目前为" in said and f"{now:.2f}%" in said
    assert "the rate now is" in score_reason(ex, "en")
