"""Expected-to-date trajectories and the status rules, direction-aware."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics.rules.progress import evaluate_all, evaluate_indicator, load_rules, rollup, seasonal_shares
from analytics.core.series import Actuals, Budget


def frame(rows):
    """rows: (indicator_id, year, month, value, basis[, first_month])"""
    recs = []
    for r in rows:
        iid, y, m, v, basis = r[:5]
        first = r[5] if len(r) > 5 else m
        recs.append({"indicator_id": iid, "year": y, "month": m, "first_month": first, "value": float(v), "basis": basis, "note": "", "source": ""})
    return pd.DataFrame(recs)


def status_of(project, rows, iid, year=2024, as_of=(2024, 6)):
    acts = Actuals(project, frame(rows))
    return evaluate_indicator(project, project.indicator(iid), acts, Budget(project, None), year, as_of)


@pytest.mark.parametrize("value, status", [(3.9, "on_track"), (4.1, "on_track"), (4.5, "lagging"), (4.2, "watch")])
def test_lower_is_better_level(project, value, status):
    rows = [("registered_unemployed", 2023, 12, 4.2, "level"), ("registered_unemployed", 2024, 6, value, "level")]
    p = status_of(project, rows, "registered_unemployed")
    assert p.status == status
    assert p.expected == pytest.approx(4.2 + (4.1 - 4.2) * 6 / 12)
    assert (p.attainment >= 1.0) == (value <= 4.1)


def test_zero_cap_incidents(project):
    ok = status_of(project, [("mass_incidents", 2024, m, 0, "month") for m in range(1, 7)], "mass_incidents")
    assert ok.status == "on_track" and ok.attainment == 1.0
    bad = status_of(project, [("mass_incidents", 2024, m, 1 if m == 3 else 0, "month") for m in range(1, 7)], "mass_incidents")
    assert bad.status == "lagging" and bad.attainment == 0.0 and bad.actual == 1


def test_flow_linear_without_history(project):
    p = status_of(project, [("new_urban_jobs", 2024, 6, 6.2, "ytd")], "new_urban_jobs")
    assert p.trajectory_method == "linear"
    assert p.expected == pytest.approx(12.4 * 6 / 12)
    assert p.status == "on_track"
    assert status_of(project, [("new_urban_jobs", 2024, 6, 5.95, "ytd")], "new_urban_jobs").status == "watch"
    assert status_of(project, [("new_urban_jobs", 2024, 6, 5.0, "ytd")], "new_urban_jobs").status == "lagging"


def test_flow_seasonal_profile_from_history(project):
    hist = [("new_urban_jobs", 2023, m, 11.6 * (0.2 if m <= 6 else 0.2 + 0.8 * (m - 6) / 6), "ytd") for m in range(2, 13)]
    p = status_of(project, hist + [("new_urban_jobs", 2024, 6, 2.6, "ytd")], "new_urban_jobs")
    assert p.trajectory_method == "seasonal"
    assert p.expected == pytest.approx(12.4 * 0.2)
    assert p.status == "on_track"  # 2.6 is far below pro-rata 6.2 but ahead of the usual seasonal path


def test_flow_reaching_target_is_done(project):
    p = status_of(project, [("new_urban_jobs", 2024, 6, 12.5, "ytd")], "new_urban_jobs")
    assert p.status == "done"


def test_monthly_basis_with_gap_stops_ytd(project):
    rows = [("new_urban_jobs", 2024, 1, 1, "month"), ("new_urban_jobs", 2024, 2, 1, "month"), ("new_urban_jobs", 2024, 4, 1, "month")]
    acts = Actuals(project, frame(rows))
    assert acts.obs("new_urban_jobs", 2024).values == {1: 1.0, 2: 2.0}


def test_months_given_after_a_gap_settle_a_broken_cap(project):
    """事故 reported from March: January–February missing, the year-to-date cannot be summed, yet the
    months given already break a cap of 0 — they can only add (was 无数据 with nothing said)."""
    from analytics.present.progress_text import explain

    rows = [("mass_incidents", 2024, m, 1 if m == 4 else 0, "month") for m in range(3, 7)]
    p = status_of(project, rows, "mass_incidents")
    assert p.status == "lagging" and p.actual == 1 and p.data_month == 6
    assert p.extra["missing_months"] == [1, 2] and p.extra["given_months"] == [3, 4, 5, 6]
    zh = explain(project.indicator("mass_incidents"), p, "zh")
    assert "1—2月缺报，但已报各月合计已达 1件，超过全年上限" in zh
    assert "Jan–Feb not reported, but the months given alone add up to 1" in explain(project.indicator("mass_incidents"), p, "en")


def test_months_given_after_a_gap_that_settle_nothing_are_said(project):
    from analytics.present.progress_text import explain

    quiet = status_of(project, [("mass_incidents", 2024, m, 0, "month") for m in range(3, 7)], "mass_incidents")
    assert quiet.status == "no_data" and quiet.actual is None  # 0 so far, but January–February may hold one
    said = explain(project.indicator("mass_incidents"), quiet, "zh")
    assert said.startswith("无数据：1—2月缺报，已报的3—6月合计 0件 暂不能计入年度累计。请补报1—2月")
    rows = [("new_urban_jobs", 2024, 1, 1, "month"), ("new_urban_jobs", 2024, 2, 1, "month"),
            ("new_urban_jobs", 2024, 4, 1, "month"), ("new_urban_jobs", 2024, 6, 1, "month")]
    p = status_of(project, rows, "new_urban_jobs")
    assert p.actual == 2.0 and p.data_month == 2  # judged where the year-to-date stops, as before
    assert p.extra["missing_months"] == [3, 5] and p.extra["given_sum"] == 2.0 and p.extra["least_total"] == 4.0
    assert "3月、5月缺报，已报的4月、6月合计 2.00万人 暂不能计入年度累计" in explain(project.indicator("new_urban_jobs"), p, "zh")
    met = status_of(project, rows[:2] + [("new_urban_jobs", 2024, 4, 11, "month")], "new_urban_jobs")
    assert met.status == "done" and met.actual == 13.0  # 13 ≥ 12.4 whatever March holds
    closed = status_of(project, rows[:2] + [("new_urban_jobs", 2024, 6, 3, "ytd")], "new_urban_jobs")
    assert "missing_months" not in closed.extra  # a later total closes the gap


def test_combined_jan_feb(project):
    rows = [("new_urban_jobs", 2024, 2, 1.5, "month", 1), ("new_urban_jobs", 2024, 3, 1.0, "month")]
    acts = Actuals(project, frame(rows))
    assert acts.obs("new_urban_jobs", 2024).values == {2: 1.5, 3: 2.5}


def test_rate_threshold_uses_points(project):
    rows = [("public_service_satisfaction", 2023, 12, 95.5, "level"), ("public_service_satisfaction", 2024, 6, 94.5, "level")]
    p = status_of(project, rows, "public_service_satisfaction")
    assert p.expected == 95.0 and p.gap_pp == pytest.approx(-0.5) and p.status == "watch"
    rows[1] = ("public_service_satisfaction", 2024, 6, 93.0, "level")
    assert status_of(project, rows, "public_service_satisfaction").status == "lagging"
    rows[1] = ("public_service_satisfaction", 2024, 6, 96.0, "level")
    assert status_of(project, rows, "public_service_satisfaction").status == "on_track"


def test_milestone_due_month(project):
    p = status_of(project, [("hr_park_national_application", 2024, 6, 0, "level")], "hr_park_national_application")
    assert p.status == "on_track"
    p = status_of(project, [("hr_park_national_application", 2024, 11, 0, "level")], "hr_park_national_application", as_of=(2024, 11))
    assert p.status == "watch"
    p = status_of(project, [("hr_park_national_application", 2024, 6, 1, "level")], "hr_park_national_application")
    assert p.status == "done"


def test_closed_year(project):
    rows = [("new_urban_jobs", 2023, 12, 11.0, "ytd")]
    assert status_of(project, rows, "new_urban_jobs", year=2023, as_of=(2024, 3)).status == "missed"
    rows = [("new_urban_jobs", 2023, 12, 11.7, "ytd")]
    assert status_of(project, rows, "new_urban_jobs", year=2023, as_of=(2024, 3)).status == "done"


def test_the_december_figure_settles_the_year(project):
    """With December's figure in, the year's result is known — 已完成 / 未完成 in December as after
    it (and as the forecast's observed_final says), not 正常 / 滞后 by the trajectory."""
    rate = [("public_service_satisfaction", 2024, 12, 96.0, "level")]
    assert status_of(project, rate, "public_service_satisfaction", as_of=(2024, 12)).status == "done"
    rate = [("public_service_satisfaction", 2024, 12, 94.0, "level")]
    assert status_of(project, rate, "public_service_satisfaction", as_of=(2024, 12)).status == "missed"
    flow = [("new_urban_jobs", 2024, 12, 11.0, "ytd")]
    assert status_of(project, flow, "new_urban_jobs", as_of=(2024, 12)).status == "missed"
    # before December the same rate is judged by the trajectory
    rate = [("public_service_satisfaction", 2024, 11, 96.0, "level")]
    assert status_of(project, rate, "public_service_satisfaction", as_of=(2024, 12)).status == "on_track"


def test_a_multi_year_total_is_not_missed_at_the_end_of_its_first_year(project):
    """30万 over 2023–2024: the end of 2023 is halfway, judged by the trajectory (15万 due), and the
    total is met or missed only at the end of its span."""
    rows = [("reemployed_unemployed", 2023, 12, 2.7, "ytd")]
    p = status_of(project, rows, "reemployment_total_2y", year=2023, as_of=(2024, 3))
    assert p.target == 5.3 and p.status == "on_track"
    from analytics.present.progress_text import explain

    ind = project.indicator("reemployment_total_2y")
    assert "2023—2024年合计目标不低于 5.3万人" in explain(ind, p, "zh") and "年度目标" not in explain(ind, p, "zh")
    assert "2023–2024 total target at least" in explain(ind, p, "en")
    rows = [("reemployed_unemployed", 2023, 12, 2.5, "ytd"), ("reemployed_unemployed", 2024, 12, 2.5, "ytd")]
    assert status_of(project, rows, "reemployment_total_2y", year=2024, as_of=(2025, 1)).status == "missed"
    # a year inside the span with a target of its own (促进创业 1.3万人 in 2023) is met or missed at its end
    rows = [("entrepreneurship", 2023, 12, 1.2, "ytd")]
    assert status_of(project, rows, "entrepreneurship", year=2023, as_of=(2024, 3)).status == "missed"


def test_no_data_and_no_target(project):
    assert status_of(project, [], "new_urban_jobs").status == "no_data"
    p = status_of(project, [("hr_park_national_application", 2023, 6, 0, "level")], "hr_park_national_application", year=2023, as_of=(2023, 6))
    assert p.status == "no_target"


def test_span_target_tracks_two_years(project):
    rows = [("reemployed_unemployed", 2023, 12, 2.5, "ytd"), ("reemployed_unemployed", 2024, 6, 1.4, "ytd")]
    p = status_of(project, rows, "reemployment_total_2y")
    assert p.actual == pytest.approx(3.9) and p.target == 5.3
    assert p.expected == pytest.approx(5.3 * (1 + 6 / 12) / 2)


def test_year_target_derived_from_span(project):
    rows = [("entrepreneurship", 2023, 12, 1.5, "ytd"), ("entrepreneurship", 2024, 6, 0.6, "ytd")]
    p = status_of(project, rows, "entrepreneurship")
    assert p.target == pytest.approx(1.1) and p.target_derived


def test_seasonal_shares_interpolates_missing_january():
    shares, n = seasonal_shares({2023: {2: 20.0, 12: 100.0}})
    assert n == 1 and shares[2] == pytest.approx(0.2) and shares[1] == pytest.approx(0.1) and shares[12] == 1.0


def test_rules_are_data(project, tmp_path):
    import yaml

    rules = yaml.safe_load(open("data/status_rules.yaml", encoding="utf-8"))
    for rule in rules["rules"]:
        if rule.get("measure") == "ratio" and rule.get("min") == 0.95:
            rule["min"] = 0.5
    acts = Actuals(project, frame([("new_urban_jobs", 2024, 6, 5.0, "ytd")]))
    p = evaluate_indicator(project, project.indicator("new_urban_jobs"), acts, Budget(project, None), 2024, (2024, 6), rules)
    assert p.status == "watch"


def test_every_status_is_explained():
    rules = load_rules()
    for key, info in rules["statuses"].items():
        assert info["zh"] and info["en"] and info["help_zh"] and info["help_en"] and info["symbol"] and info["color"]
    assert {r["status"] for r in rules["rules"]} <= set(rules["statuses"])


def test_sample_dataset_has_a_mix(dataset):
    rows = dataset.progress(2024, (2024, 8))
    statuses = {r.status for r in rows}
    assert {"done", "on_track", "watch", "lagging"} <= statuses
    goals = {g.goal: g for g in rollup(dataset.project, rows)}
    assert set(goals) >= {1, 2, 3, 4, 5}
    execution = next(r for r in rows if r.indicator_id == "budget_execution")
    assert execution.actual < execution.expected  # budget execution behind time progress


def test_sample_2022_matches_seed(dataset):
    for ind in dataset.project.indicators:
        base = ind.baseline.get(2022)
        obs = dataset.actuals.obs(ind.id, 2022).values
        if base is None or base.value is None or not obs or ind.kind == "milestone":
            continue
        assert obs[12] == pytest.approx(base.value), ind.id


def test_previous_month_status(dataset):
    rows = evaluate_all(dataset.project, dataset.actuals, dataset.budget, 2024, (2024, 8), with_previous=True)
    assert all(r.previous_status is not None for r in rows)


def test_explanation_is_rendered_from_the_catalogue(dataset):
    """The engine row carries numbers; the sentence is made at the edge, in either language."""
    from analytics.present.progress_text import explain

    rows = {r.indicator_id: r for r in dataset.progress(2024, (2024, 8))}
    by_id = dataset.project.by_id
    r = rows["budget_execution"]
    assert not hasattr(r, "explain_zh")
    assert explain(by_id["budget_execution"], r, "zh").startswith(
        "滞后：截至2024年8月实际 56.4%，应达进度 76.0%，年度目标不低于 100%。与应达进度相差 -19.6个百分点。")
    assert explain(by_id["budget_execution"], r, "en").startswith(
        "Lagging: By Aug 2024 the actual is 56.4%, expected 76.0%, annual target at least 100%. Gap to the trajectory: -19.6 percentage points. ")
    low = rows["registered_unemployed"]
    assert "（越低越好，按 应达÷实际 计）" in explain(by_id["registered_unemployed"], low, "zh")
    assert explain(by_id["unified_registration"], rows["unified_registration"], "en").startswith("Achieved: Milestone achieved; due in month 12. ")


def test_explanation_without_data_is_the_status_help(project):
    from analytics.present.progress_text import explain

    p = status_of(project, [], "new_urban_jobs")
    assert p.status == "no_data"
    assert explain(project.indicator("new_urban_jobs"), p, "en") == load_rules()["statuses"]["no_data"]["help_en"]


def test_threshold_already_met_holds_the_target(project):
    """A level already better than a ≥ target expects the target all year (not a line away from it)."""
    rows = [("public_service_satisfaction", 2023, 12, 96.0, "level"), ("public_service_satisfaction", 2024, 6, 95.5, "level")]
    p = status_of(project, rows, "public_service_satisfaction")
    assert p.trajectory_method == "threshold" and p.expected == pytest.approx(95.0)


def test_without_last_year_end_the_path_starts_at_the_years_first_reading(project):
    """No December of last year and no baseline for it (a project's first year): a level is
    expected on the line from its first reading this year to the target — on track in its first
    month, not measured against the full target from January — and behind when it stalls."""
    start = [("registered_unemployed", 2024, 2, 4.6, "level")]  # lower is better, target 4.1
    lone = status_of(project, start, "registered_unemployed", as_of=(2024, 2))  # one reading: nothing to judge a path by
    assert lone.trajectory_method == "threshold" and lone.expected == pytest.approx(4.1) and lone.status == "lagging"
    on_path = status_of(project, start + [("registered_unemployed", 2024, 3, 4.55, "level")], "registered_unemployed", as_of=(2024, 3))
    assert on_path.trajectory_method == "path_first" and on_path.expected == pytest.approx(4.55) and on_path.status == "on_track"
    stalled = status_of(project, start + [("registered_unemployed", 2024, m, 4.7, "level") for m in (3, 4, 5, 6)],
                        "registered_unemployed")
    assert stalled.expected == pytest.approx(4.6 + (4.1 - 4.6) * 4 / 10) and stalled.status == "lagging"
    beaten = status_of(project, [("public_service_satisfaction", 2024, 3, 96.0, "level")], "public_service_satisfaction")
    assert beaten.trajectory_method == "threshold" and beaten.expected == pytest.approx(95.0)  # a met threshold holds


def test_time_progress_from_a_later_start():
    from analytics.core.calendar import time_progress

    assert time_progress(60.0, 90.0, 6) == pytest.approx(75.0)  # from last December
    assert time_progress(60.0, 90.0, 6, start_month=2) == pytest.approx(60.0 + 30.0 * 4 / 10)
    assert time_progress(60.0, 90.0, 1, start_month=2) == pytest.approx(60.0)  # flat before its start
    assert time_progress(60.0, 90.0, 12, start_month=12) == pytest.approx(90.0)
    assert time_progress(95.0, 90.0, 6, start_month=3) == pytest.approx(90.0)  # already met: the target


def test_execution_time_progress(dataset):
    from analytics.rules.progress import execution_time_progress, execution_year_start

    project, budget = dataset.project, dataset.budget
    assert execution_year_start(project, budget, 2023) == 0.0  # spending starts in 2023
    start = budget.execution_rate(2023, 12)
    assert execution_year_start(project, budget, 2024) == pytest.approx(start)
    assert execution_time_progress(project, budget, 2024, 6) == pytest.approx(start + (100.0 - start) / 2)
    assert execution_time_progress(project, budget, 2024, 12) == pytest.approx(100.0)
    assert execution_time_progress(project, budget, 2025, 6) is None  # no target for 2025


@pytest.mark.parametrize("higher, actual, strict, met", [
    (True, 92.0, False, True), (True, 92.0, True, False), (True, 92.5, True, True),
    (False, 24.0, False, True), (False, 24.0, True, False), (False, 23.0, True, True),
])
def test_a_strict_target_is_not_met_by_the_number_itself(higher, actual, strict, met):
    from analytics.rules.progress import _measures

    target = 92.0 if higher else 24.0
    assert _measures(higher, actual, target, target, strict)[2] is met


def test_status_help_says_the_bands_in_force(tmp_path):
    # a bureau that makes 关注 start at 90% and allows 2 points on rates changes the rules only; every
    # help text (the pages' status help, the CLI's rules table) says the new bands
    from analytics.rules.progress import RULES_FILE

    shipped = load_rules()
    assert "比率低于 95%" in shipped["statuses"]["lagging"]["help_zh"] and "{" not in shipped["statuses"]["watch"]["help_en"]
    assert "≥90 为正常" in shipped["rollup"]["help_zh"]
    text = RULES_FILE.read_text(encoding="utf-8")
    text = text.replace("measure: ratio, min: 0.95}", "measure: ratio, min: 0.9}").replace("measure: gap_pp, min: -1.0}", "measure: gap_pp, min: -2.0}")
    text = text.replace("- {status: on_track, min: 90}", "- {status: on_track, min: 85}")
    path = tmp_path / "status_rules.yaml"
    path.write_text(text, encoding="utf-8")
    mine = load_rules(str(path))
    assert "比率低于 90%，或比率类指标落后超过 2 个百分点" in mine["statuses"]["lagging"]["help_zh"]
    assert "ratio 90%–100%, or a rate at most 2 pp behind" in mine["statuses"]["watch"]["help_en"]
    assert "or a rate more than 1 pp behind" in shipped["statuses"]["lagging"]["help_en"]  # was 1 percentage points
    assert "≥85 为正常，70–85 为关注" in mine["rollup"]["help_zh"]
    odd = text.replace("已超过全年上限，或里程碑已逾期。", "已超过全年上限，或里程碑已逾期（见附件{2）。").replace("(under {milestone_months} months)", "({0} {note})")
    path = tmp_path / "status_rules_odd.yaml"
    path.write_text(odd, encoding="utf-8")
    kept = load_rules(str(path))  # braces of a bureau's own: kept as written, never an error
    assert kept["statuses"]["lagging"]["help_zh"].endswith("（见附件{2）。") and "({0} {note})" in kept["statuses"]["watch"]["help_en"]


def no_target_project(project):
    """The sample with its yes/no milestone's target turned to 否 (是否存在质量问题 | 否)."""
    import dataclasses

    from analytics.core.values import ParsedTarget

    ind = project.indicator("hr_park_national_application")
    no = dataclasses.replace(ind, targets={y: ParsedTarget("否", "=", 0.0, is_bool=True) for y in ind.targets})
    return dataclasses.replace(project, indicators=tuple(no if i.id == ind.id else i for i in project.indicators)), no.id


@pytest.mark.parametrize("rows, as_of, status, attain", [
    ([(6, 0)], (2024, 6), "on_track", 1.0),  # 否 so far: holding, not done before the year is over
    ([(3, 0), (6, 1)], (2024, 6), "lagging", 0.0),  # 是 recorded: broken
    ([(6, 0)], (2025, 2), "done", 1.0),  # the year is over with 否
    ([(9, 1)], (2025, 2), "missed", 0.0),
    ([(12, 0)], (2024, 12), "done", 1.0),  # December's 否 settles it
])
def test_a_yes_no_whose_target_is_no_holds_while_no_and_breaks_at_yes(project, rows, as_of, status, attain):
    from analytics.core.calendar import milestone_met, wants_no

    proj, iid = no_target_project(project)
    assert proj.indicator(iid).wants_no and not project.indicator(iid).wants_no
    p = status_of(proj, [(iid, 2024, m, v, "level") for m, v in rows], iid, as_of=as_of)
    assert (p.status, p.attainment) == (status, attain)
    assert wants_no(0.0) and not wants_no(1.0) and not wants_no(None)
    assert milestone_met(0.0, 0.0) and not milestone_met(1.0, 0.0) and milestone_met(1.0, 1.0) and not milestone_met(None, 0.0)


@pytest.mark.parametrize("code, status", [(0.5, "watch"), (1.0, "done"), (0.0, "lagging")])
def test_a_check_in_has_no_completion_rate(project, code, status):
    """部分达成 is stored as 0.5: its 完成率 is none, never 50% (目标进展 showed 50.0%)."""
    import dataclasses

    ind = project.indicator("zero_employment_family_rate")
    qual = dataclasses.replace(ind, kind="qualitative")
    proj = dataclasses.replace(project, indicators=tuple(qual if i.id == ind.id else i for i in project.indicators))
    p = status_of(proj, [(ind.id, 2024, 6, code, "level")], ind.id)
    assert p.status == status and p.attainment is None


@pytest.mark.parametrize("code, as_of, status, said", [
    (0.5, (2024, 6), "watch", "部分达成为“关注”"), (0.5, (2024, 12), "missed", "年度已结束"),
    (0.0, (2024, 12), "missed", "年度已结束"), (1.0, (2024, 12), "done", "")])
def test_a_check_ins_explanation_gives_the_rule_its_status_came_from(project, code, as_of, status, said):
    """部分达成 as December's check-in is 未完成 (the year's result), but its explanation said
    “状态按最近一次评价：…部分达成为“关注”，未达成为“滞后”” beside it: the rule of its status is said."""
    import dataclasses

    from analytics.present.progress_text import explain

    ind = project.indicator("zero_employment_family_rate")
    qual = dataclasses.replace(ind, kind="qualitative")
    proj = dataclasses.replace(project, indicators=tuple(qual if i.id == ind.id else i for i in project.indicators))
    p = status_of(proj, [(ind.id, 2024, as_of[1], code, "level")], ind.id, as_of=as_of)
    text = explain(qual, p, "zh")
    assert p.status == status and said in text, text
    if status == "missed":
        assert "部分达成为“关注”" not in text and "未达成为“滞后”" not in text


def test_a_caps_completion_rate_is_the_share_of_the_cap_used(project, tmp_path):
    """188.6 of ≤1000万元 in June read 完成率 530% beside 正常 (target ÷ actual, an over-achievement);
    84.9 of ≤90 read 106% beside 滞后. A cap on a running total says the share used; a level
    below its ceiling keeps target ÷ actual."""
    from analytics.present.labels import attainment_said

    p = status_of(project, [("mass_incidents", 2024, m, 0, "month") for m in range(1, 7)], "mass_incidents")
    assert attainment_said(project.indicator("mass_incidents"), p, "zh") == "100.0%"  # a zero cap: met or not
    ind = project.indicator("new_urban_jobs")
    cap = type(ind)(**{**ind.__dict__, "direction": "lower"})
    row = type(p)(**{**p.__dict__, "indicator_id": cap.id, "actual": 188.6, "target": 1000.0, "attainment": 1000 / 188.6})
    assert attainment_said(cap, row, "zh") == "已用18.9%" and attainment_said(cap, row, "en", 0) == "19% used"
    level = status_of(project, [("registered_unemployed", 2023, 12, 4.2, "level"), ("registered_unemployed", 2024, 6, 3.9, "level")],
                      "registered_unemployed")
    assert attainment_said(project.indicator("registered_unemployed"), level, "zh") == "105.1%"


def test_a_milestone_done_after_its_deadline_says_it_was_late(project):
    """Due in month 9, first recorded done in November: 已完成, and the explanation says it was
    late (it read as fully on time)."""
    from analytics.present.progress_text import explain

    ind = project.indicator("unified_registration")
    late = type(ind)(**{**ind.__dict__, "due_month": 9})
    proj = type(project)(**{**project.__dict__, "indicators": [late if i.id == ind.id else i for i in project.indicators]})
    rows = [(ind.id, 2024, m, 0, "level") for m in range(1, 11)] + [(ind.id, 2024, 11, 1, "level")]
    p = status_of(proj, rows, ind.id, as_of=(2024, 11))
    assert p.status == "done" and p.extra["done_late"] == 11
    assert "晚于到期月（9 月到期，11 月完成）" in explain(late, p, "zh")
    on_time = status_of(proj, [(ind.id, 2024, 8, 1, "level")], ind.id, as_of=(2024, 11))
    assert "done_late" not in on_time.extra and "晚于" not in explain(late, on_time, "zh")
