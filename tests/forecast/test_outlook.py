"""The project-level outlook: the forecasting engine fed per indicator, plus milestones, zero
caps, multi-year totals and budget execution."""

from __future__ import annotations

import pytest

from analytics.core.series import Actuals, Budget
from analytics.forecast.method import METHODS, REASONS
from analytics.forecast.outlook import LIKELIHOOD, OUTLOOK_METHODS, OUTLOOK_REASONS, Outlook, forecast_all, forecast_for, likelihood, risk_order, track_record, track_summary
from analytics.present.catalogue import CATALOGUE
from analytics.present.forecast_text import method_desc, method_name, outlook_json, reason_name
from analytics.present.labels import likelihood_shown
from tests.rules.test_progress import frame


@pytest.mark.parametrize("p, key", [(0.99, "certain"), (0.95, "certain"), (0.8, "likely"), (0.3, "possible"), (0.05, "possible"), (0.01, "possible"), (0.009, "impossible"), (None, None)])
def test_likelihood_mapping(p, key):
    assert likelihood(p) == key


def one(project, rows, iid, year=2024, as_of=(2024, 6), budget=None):
    acts = Actuals(project, frame(rows))
    return forecast_for(project, acts, budget or Budget(project, None), project.indicator(iid), year, as_of)


def test_milestone_rules(project):
    assert one(project, [("hr_park_national_application", 2024, 6, 1, "level")], "hr_park_national_application").p_attain == 1.0
    open_ = one(project, [("hr_park_national_application", 2024, 6, 0, "level")], "hr_park_national_application")
    later = one(project, [("hr_park_national_application", 2024, 10, 0, "level")], "hr_park_national_application", as_of=(2024, 10))
    assert 0 < later.p_attain < open_.p_attain < 1 and open_.point is None
    assert one(project, [("hr_park_national_application", 2024, 12, 0, "level")], "hr_park_national_application", as_of=(2024, 12)).p_attain == 0.0


@pytest.mark.parametrize("checkins, as_of, year, want", [
    ([(6, 1.0)], (2024, 6), 2024, ("certain", "checkin_achieved")),  # 达成 is an outcome mid-year
    ([(3, 1.0), (6, 0.5)], (2024, 6), 2024, (None, None)),  # the latest check-in counts; 部分达成 mid-year: no forecast
    ([(6, 0.0)], (2024, 12), 2024, (None, None)),  # December selected but June the latest: not the year's last
    ([(12, 0.5)], (2024, 12), 2024, ("impossible", "final_missed")),  # December's check-in below 达成
    ([(9, 0.0)], (2025, 3), 2024, ("impossible", "final_missed")),  # the year is over: its latest stands
    ([(12, 1.0)], (2025, 3), 2024, ("certain", "final_met")),
    ([], (2024, 6), 2024, (None, None)),
])
def test_a_qualitative_indicator_has_an_outcome_from_its_checkins_and_never_a_number(project, checkins, as_of, year, want):
    import dataclasses

    ind = project.indicator("zero_employment_family_rate")
    qual = dataclasses.replace(ind, kind="qualitative")
    proj = dataclasses.replace(project, indicators=tuple(qual if i.id == ind.id else i for i in project.indicators))
    o = one(proj, [(ind.id, year, m, v, "level") for m, v in checkins], ind.id, year=year, as_of=as_of)
    assert (o.likelihood, o.likelihood_reason) == want and o.point is None and o.lower is None
    assert o.method == ("checkin" if want[0] else "none") and (o.reason == "qualitative") == (want[0] is None)
    shown = likelihood_shown(o.likelihood, o.likelihood_reason)  # an outcome, said as one on every page and slide
    assert shown == {"certain": "met", "impossible": "missed", None: None}[want[0]]


def test_a_qualitative_outcome_is_never_awaiting_its_next_check_in(project):
    """部分达成 in June, 达成 in September: the forecast said 确定能 (certain) while 年末预测, 总览
    and the slides said 待下次测评, the two check-ins read as a quarterly survey. The check-in
    that decides the year is an outcome everywhere; one that does not keeps waiting."""
    import dataclasses

    from analytics.core.reporting import between_measurements

    ind = dataclasses.replace(project.indicator("zero_employment_family_rate"), kind="qualitative")
    proj = dataclasses.replace(project, indicators=tuple(ind if i.id == ind.id else i for i in project.indicators))
    for checkins, decided in (([(6, 0.5), (9, 1.0)], True), ([(6, 1.0), (9, 0.5)], False)):
        acts = Actuals(proj, frame([(ind.id, 2024, m, v, "level") for m, v in checkins]))
        o = forecast_for(proj, acts, Budget(proj, None), ind, 2024, (2024, 9))
        assert (o.likelihood == "certain") == decided
        assert (between_measurements(acts, ind, 2024, o.data_month or 9, o.method) is None) == decided


def test_zero_cap(project):
    clean = one(project, [("mass_incidents", 2024, m, 0, "month") for m in range(1, 7)], "mass_incidents")
    assert clean.method == "zero_cap" and 0.5 < clean.p_attain < 1
    hit = one(project, [("mass_incidents", 2024, m, 1 if m == 2 else 0, "month") for m in range(1, 7)], "mass_incidents")
    assert hit.p_attain == 0.0 and hit.likelihood == "impossible"


def test_months_given_after_a_gap_settle_the_forecast_as_the_status(project):
    """事故 reported from March with one in April: the status is 滞后 (the months given break the
    cap of 0); the forecast said there was no data. Both now settle it; a gap that settles nothing
    leaves the forecast on the year-to-date before it."""
    from tests.rules.test_progress import status_of

    rows = [("mass_incidents", 2024, m, 1 if m == 4 else 0, "month") for m in range(3, 7)]
    o = one(project, rows, "mass_incidents")
    assert (o.likelihood, o.likelihood_reason, o.p_attain, o.point, o.data_month) == ("impossible", "zero_cap_broken", 0.0, 1.0, 6)
    assert status_of(project, rows, "mass_incidents").status == "lagging"
    jobs = [("new_urban_jobs", 2024, 1, 1, "month"), ("new_urban_jobs", 2024, 2, 1, "month"), ("new_urban_jobs", 2024, 4, 11, "month")]
    met = one(project, jobs, "new_urban_jobs")
    assert (met.likelihood, met.likelihood_reason, met.point, met.method) == ("certain", "given_met", 13.0, "given_months")
    assert likelihood_shown(met.likelihood, met.likelihood_reason) == "met"
    open_ = one(project, jobs[:2] + [("new_urban_jobs", 2024, 4, 1, "month")], "new_urban_jobs")
    assert open_.likelihood_reason != "given_met" and open_.data_month == 2


def test_multi_year_total_only_in_final_year(project):
    rows = [("reemployed_unemployed", 2023, m, 2.5 * m / 12, "ytd") for m in range(2, 13)] + [("reemployed_unemployed", 2024, m, 2.6 * m / 12, "ytd") for m in range(2, 7)]
    mid = one(project, rows, "reemployment_total_2y", year=2023, as_of=(2023, 6))
    assert mid.point is None and mid.reason == "multi_year_total"
    final = one(project, rows, "reemployment_total_2y")
    assert final.method == "multi_year" and final.point == pytest.approx(2.5 + 2.6, rel=0.05)
    assert final.lower < final.point < final.upper


def test_no_current_data_says_why(project):
    r = one(project, [("new_urban_jobs", 2023, 12, 11.6, "ytd")], "new_urban_jobs")
    assert r.point is None and r.reason == "no_current_data" and reason_name(r.reason, "zh") == "本年无数据"


def test_lower_is_better_level(project):
    good = one(project, [("registered_unemployed", 2023, 12, 4.2, "level"), ("registered_unemployed", 2024, 6, 3.6, "level")], "registered_unemployed")
    bad = one(project, [("registered_unemployed", 2023, 12, 4.2, "level"), ("registered_unemployed", 2024, 6, 4.6, "level")], "registered_unemployed")
    assert good.p_attain > 0.8 > 0.2 > bad.p_attain


def test_budget_execution_matches_the_scenario_page(dataset):
    from analytics.budget.scenario import project_scenario

    row = forecast_for(dataset.project, dataset.actuals, dataset.budget, dataset.project.indicator("budget_execution"), 2024, (2024, 8))
    res = project_scenario(dataset.project, dataset.budget, (2024, 8), None)
    assert row.method == "budget_projection" and row.point == pytest.approx(res.year_end_rate)
    assert row.p_attain < 0.05  # the sample is far behind


def test_budget_execution_of_a_year_without_its_own_spending_is_not_projected_from_other_years(dataset):
    """With 2023's spending in and none of 2024's, 2024's execution has no forecast (the score and
    the forms leave it out by the same rule, analytics.budget.scoring.execution_unknown)."""
    spent = dataset.budget.frame
    only_2023 = Budget(dataset.project, spent[spent["year"] == 2023])
    row = forecast_for(dataset.project, dataset.actuals, only_2023, dataset.project.indicator("budget_execution"), 2024, (2024, 8))
    assert row.point is None and row.reason == "no_budget_data_year" and "不以其他年度推算" in reason_name(row.reason, "zh")


def test_all_rows_and_risk_order(dataset):
    rows = forecast_all(dataset, 2024, (2024, 8))
    assert len(rows) == len(dataset.project.indicators)
    ordered = sorted(rows, key=risk_order)
    ps = [r.p_attain for r in ordered if r.p_attain is not None]
    assert ps == sorted(ps)
    for r in rows:
        if r.point is not None and r.lower is not None:
            assert r.lower - 1e-9 <= r.point <= r.upper + 1e-9, r.indicator_id
        assert method_name(r.method, "zh") != r.method and method_name(r.method, "en") != r.method


def test_track_record(dataset):
    rec = track_record(dataset, "new_urban_jobs", 2023)
    assert [x.month for x in rec] == list(range(1, 12))
    assert all(x.final == pytest.approx(dataset.actuals.obs("new_urban_jobs", 2023).values[12]) for x in rec)
    late = [abs(x.error) for x in rec if x.month >= 9 and x.error is not None]
    assert late and max(late) < 0.05
    mape, cover = track_summary(rec)
    errs = [abs(x.error) for x in rec if x.error is not None]
    assert mape == pytest.approx(sum(errs) / len(errs)) and 0 <= cover <= 1
    assert track_summary([]) == (None, None)  # no month to judge: no figure (not a 0% error)


def test_every_code_has_its_words():
    for code in (*METHODS, *OUTLOOK_METHODS):
        assert f"forecast.method_{code}" in CATALOGUE and method_desc(code, "en"), code
    for code in (*REASONS, *OUTLOOK_REASONS):
        assert f"forecast.reason_{code}" in CATALOGUE, code
    for _, code in LIKELIHOOD:
        assert f"labels.likelihood_{code}" in CATALOGUE, code
    assert method_name("unknown_code", "en") == "unknown_code" and reason_name(None) is None


def test_outlook_json_keeps_the_cli_fields(dataset):
    rows = forecast_all(dataset, 2024, (2024, 8))
    assert all(isinstance(o, Outlook) for o in rows)
    o = next(o for o in rows if o.indicator_id == "new_urban_jobs")
    j = outlook_json(o, dataset.project.indicator("new_urban_jobs"))
    assert list(j)[:11] == ["point", "lower", "upper", "p_attain", "method", "reason", "n_prior_years", "path",
                            "required_monthly", "recent_monthly", "backtest_mape"]
    assert j["method_zh"] == "季节占比与趋势混合" and j["method_en"] == "Seasonal share blended with recent trend"
    assert j["likelihood"] == o.likelihood and j["likelihood_zh"] in {"确定能", "很可能", "有可能", "完全不可能"}
    assert j["reason_zh"] is None and j["name"] == "城镇新增就业人员规模" and j["path"][0][0] == 9


@pytest.mark.parametrize("rows, as_of, year, want", [
    ([(6, 0)], (2024, 6), 2024, ("likely", "probability")),  # 否 so far: it holds, more likely as the months pass
    ([(3, 0), (6, 1)], (2024, 6), 2024, ("impossible", "milestone_broken")),
    ([(9, 1)], (2025, 2), 2024, ("impossible", "final_missed")),  # the year is over: missed, not "broken"
    ([(6, 0)], (2025, 2), 2024, ("certain", "final_met")),
    ([], (2024, 6), 2024, (None, None)),
])
def test_a_yes_no_whose_target_is_no_is_forecast_as_holding_or_broken(project, rows, as_of, year, want):
    from tests.rules.test_progress import no_target_project

    proj, iid = no_target_project(project)
    o = one(proj, [(iid, year, m, v, "level") for m, v in rows], iid, year=year, as_of=as_of)
    assert (o.likelihood, o.likelihood_reason) == want
    if want[0]:
        assert o.method == "milestone_no"
    early = one(proj, [(iid, 2024, 2, 0, "level")], iid, as_of=(2024, 2))
    assert 0.7 < early.p_attain < one(proj, [(iid, 2024, 10, 0, "level")], iid, as_of=(2024, 10)).p_attain <= 0.95


def test_a_stock_at_its_target_is_met_and_a_broken_cap_on_a_flow_out_of_reach(tmp_path, capsys):
    """A 累计 count at its target in November (3 → 30, ≥ 30) is 已完成 by the status rules: its
    forecast said 50% 有风险 with an interval down to 19; a complaints count at 23 against ≤ 20 in
    March can never come back under its cap: it said 0% but 有风险 (only a zero cap was settled)."""
    import json

    from analytics.cli.main import main

    (tmp_path / "t.csv").write_text("indicator_id,name,unit,kind,direction,year,target\n"
                                    "s1,累计认定创业孵化基地数量,个,stock,higher,2026,≥30\n"
                                    "c20,群众投诉件数,件,flow,lower,2026,≤20\n"
                                    "c21,群众投诉件数（未超）,件,flow,lower,2026,≤20\n", encoding="utf-8")
    counts = (3, 5, 8, 10, 13, 15, 18, 20, 23, 27, 30)
    rows = [f"s1,2026-{m:02d},{v},level" for m, v in enumerate(counts, start=1)]
    rows += ["c20,2026-01,9,month", "c20,2026-02,8,month", "c20,2026-03,6,month"]
    rows += ["c21,2026-01,2,month", "c21,2026-02,1,month", "c21,2026-03,2,month"]
    (tmp_path / "a.csv").write_text("indicator_id,period,value,basis\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = {}
    for as_of in ("2026-11", "2026-03"):
        assert main(["forecast", "--targets", str(tmp_path / "t.csv"), "--actuals", str(tmp_path / "a.csv"), "--as-of", as_of]) == 0
        out[as_of] = {r["indicator_id"]: r for r in json.loads(capsys.readouterr().out)["indicators"]}
    stock = out["2026-11"]["s1"]
    assert stock["p_attain"] == 1.0 and stock["likelihood"] == "certain" and stock["likelihood_reason"] == "stock_met"
    assert stock["lower"] >= 30 and all(lo >= 30 for _m, _p, lo, _hi in stock["path"])
    cap = out["2026-03"]["c20"]
    assert cap["p_attain"] == 0.0 and cap["likelihood"] == "impossible" and cap["likelihood_reason"] == "cap_broken"
    assert out["2026-03"]["c21"]["likelihood_reason"] != "cap_broken"  # 5 of 20 so far: not settled
    early = {r for r in ("s1",) if out["2026-03"]["s1"]["likelihood_reason"] == "stock_met"}
    assert not early  # 8 of 30 in March: still a forecast


def test_a_flow_whose_year_to_date_reached_its_target_is_met(tmp_path, capsys):
    """开展修复工程 2 against ≥ 1 by April: the status said 已完成 while 年末预测 said 基本确定 — a
    forecast of an outcome already known (the months left can only add). It is met (`ytd_met`, shown
    as 已达到目标), its year-end and interval not below where it stands; a flow
    still below its target keeps its forecast."""
    import json

    from analytics.cli.main import main
    from analytics.present.labels import likelihood_shown

    (tmp_path / "t.csv").write_text("indicator_id,name,unit,kind,direction,year,target\n"
                                    "w,开展修复工程,个,flow,higher,2025,≥1\n"
                                    "v,培训人次,人次,flow,higher,2025,≥100\n", encoding="utf-8")
    rows = [f"w,2025-{m:02d},{1 if m in (2, 4) else 0},month" for m in range(1, 6)]
    rows += [f"v,2025-{m:02d},9,month" for m in range(1, 6)]
    (tmp_path / "a.csv").write_text("indicator_id,period,value,basis\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert main(["forecast", "--targets", str(tmp_path / "t.csv"), "--actuals", str(tmp_path / "a.csv"), "--as-of", "2025-05"]) == 0
    out = {r["indicator_id"]: r for r in json.loads(capsys.readouterr().out)["indicators"]}
    done = out["w"]
    assert done["likelihood_reason"] == "ytd_met" and done["p_attain"] == 1.0, done
    assert likelihood_shown(done["likelihood"], done["likelihood_reason"]) == "met"
    assert done["lower"] >= 2 and all(lo >= 2 for _m, _p, lo, _hi in done["path"])
    assert out["v"]["likelihood_reason"] != "ytd_met"  # 45 of 100 by May: still a forecast


def test_a_first_year_flow_is_not_called_out_of_reach_from_its_own_months_alone(tmp_path, capsys):
    """9.5 of 12 by November in a first year, best month 1.4: the forecast's <1% and a pace above
    the best month made it 难以完成 — but a December that carries the year is not known in a first
    year (such series met their target 45% of times). It is 有风险 with the reason said; with a prior
    year whose months are known, the rule stands."""
    import json

    from analytics.cli.main import main

    (tmp_path / "t.csv").write_text("indicator_id,name,unit,kind,direction,year,target\n"
                                    "dec,项目资金支出,万元,flow,higher,2026,≥12\n"
                                    "dec,项目资金支出,万元,flow,higher,2025,≥12\n", encoding="utf-8")
    months = (0.5, 0.5, 0.7, 0.8, 0.8, 0.9, 0.9, 0.9, 1.0, 1.1, 1.4)
    first = [f"dec,2026-{m:02d},{v},month" for m, v in enumerate(months, start=1)]
    (tmp_path / "a.csv").write_text("indicator_id,period,value,basis\n" + "\n".join(first) + "\n", encoding="utf-8")
    prior = [f"dec,2025-{m:02d},{v},month" for m, v in enumerate((*months, 1.2), start=1)]
    (tmp_path / "b.csv").write_text("indicator_id,period,value,basis\n" + "\n".join(prior + first) + "\n", encoding="utf-8")
    out = {}
    for name in ("a", "b"):
        assert main(["forecast", "--targets", str(tmp_path / "t.csv"), "--actuals", str(tmp_path / f"{name}.csv"), "--as-of", "2026-11"]) == 0
        out[name] = json.loads(capsys.readouterr().out)["indicators"][0]
    assert out["a"]["p_attain"] < 0.01 and (out["a"]["likelihood"], out["a"]["likelihood_reason"]) == ("possible", "first_year")
    assert out["b"]["likelihood"] == "impossible"  # a prior year's December is known: out of reach


@pytest.mark.parametrize("reported_to, as_of, overdue", [(9, (2024, 9), True), (8, (2024, 9), False), (8, (2024, 10), True), (7, (2024, 8), False)])
def test_a_milestone_past_its_deadline_is_overdue_on_every_output(project, reported_to, as_of, overdue):
    """设备采购安装 by 9月底前, 否 every month to September: the status said 关注 (临近到期), the
    forecast 完全不可能 (逾期) and the 自评表 scored it 是 with full points. September's 否 is its
    state at the deadline: overdue for the status, the forecast and the projected score alike;
    without September's figure it is still open in September, and overdue once October comes."""
    import dataclasses

    from analytics.budget.scoring import project_rows
    from analytics.rules.progress import evaluate_indicator

    ind = dataclasses.replace(project.indicator("hr_park_national_application"), due_month=9)
    proj = dataclasses.replace(project, indicators=tuple(ind if i.id == ind.id else i for i in project.indicators))
    acts = Actuals(proj, frame([(ind.id, 2024, m, 0, "level") for m in range(1, reported_to + 1)]))
    row = evaluate_indicator(proj, ind, acts, Budget(proj, None), 2024, as_of)
    o = forecast_for(proj, acts, Budget(proj, None), ind, 2024, as_of)
    assert (row.status == "lagging") == overdue and (o.likelihood_reason == "milestone_overdue") == overdue
    projected, info = project_rows(proj, [row], as_of, actuals=acts)
    # open or overdue, a milestone not achieved is never projected 是 (the forecast calls it 有可能 at most)
    assert (info[ind.id]["method"] == "milestone_open") != overdue and projected[0].actual == 0


@pytest.mark.parametrize("reported_to, as_of, final", [(12, (2024, 12), True), (11, (2025, 3), True), (11, (2024, 12), False)])
def test_a_milestone_overdue_at_the_years_end_is_missed_not_hard_to_meet(project, reported_to, as_of, final):
    """完成时限 by 10月底前, 否 every month to December: the status said 未完成 and the written
    report 未达到, while 年末预测, 总览 and the slides called it 难以完成 0% with no year-end value,
    as if it were still a forecast. With December's figure in, or the year over, it is missed:
    未达到目标, its year-end 未实现; as of December with November's the last figure, still overdue."""
    import dataclasses

    from analytics.present.forecast_table import forecast_text
    from analytics.present.labels import likelihood_shown
    from analytics.rules.progress import evaluate_indicator

    ind = dataclasses.replace(project.indicator("hr_park_national_application"), due_month=10)
    proj = dataclasses.replace(project, indicators=tuple(ind if i.id == ind.id else i for i in project.indicators))
    acts = Actuals(proj, frame([(ind.id, 2024, m, 0, "level") for m in range(1, reported_to + 1)]))
    row = evaluate_indicator(proj, ind, acts, Budget(proj, None), 2024, as_of)
    o = forecast_for(proj, acts, Budget(proj, None), ind, 2024, as_of)
    assert (row.status == "missed") == final
    assert likelihood_shown(o.likelihood, o.likelihood_reason) == ("missed" if final else "impossible")
    assert forecast_text(ind, o, "zh") == ("未实现" if final else "—")


def test_a_broken_cap_stays_settled_at_the_years_end_with_december_not_in(tmp_path, capsys):
    """投诉 3 against ≤ 2 with data to October: 完全不可能 in October and November, yet 有可能 as of
    December (the rule was skipped for the as-of month, not the month the figures run to); the
    year-end report counted it neither met nor missed and wrote its forecast as the year's value."""
    import io
    import json

    import docx
    import pptx

    from analytics.cli.main import main

    (tmp_path / "t.csv").write_text("indicator_id,name,unit,kind,direction,year,target\n"
                                    "c2,装备使用投诉次数,次,flow,lower,2026,≤2\n"
                                    "a0,装备使用安全事故,起,flow,lower,2026,≤0\n", encoding="utf-8")
    rows = [f"c2,2026-{m:02d},{1 if m in (2, 6, 9) else 0},month" for m in range(1, 11)]
    rows += [f"a0,2026-{m:02d},{1 if m == 5 else 0},month" for m in range(1, 11)]
    (tmp_path / "a.csv").write_text("indicator_id,period,value,basis\n" + "\n".join(rows) + "\n", encoding="utf-8")
    src = ["--targets", str(tmp_path / "t.csv"), "--actuals", str(tmp_path / "a.csv"), "--as-of", "2026-12"]
    assert main(["forecast", *src]) == 0
    out = {r["indicator_id"]: r for r in json.loads(capsys.readouterr().out)["indicators"]}
    assert (out["c2"]["likelihood"], out["c2"]["likelihood_reason"], out["c2"]["data_month"]) == ("impossible", "cap_broken", 10)
    assert out["a0"]["data_month"] == 10  # a zero cap's figures run to October too
    assert main(["report", *src, "--out", str(tmp_path / "r.docx")]) == 0
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs)
    assert "未达到2项" in text
    assert "预计全年3.6次（12月数据未到），已无法达到年度目标" in text and "全年完成3.6次" not in text
    assert main(["report", *src, "--out", str(tmp_path / "r.pptx")]) == 0
    deck = pptx.Presentation(str(tmp_path / "r.pptx"))
    cells = [c.text for s in deck.slides for sh in s.shapes if sh.has_table for r in sh.table.rows for c in r.cells]
    assert "3.6次（预计）" in cells and "+1.6次" in cells  # never the forecast as the year's value, nor +2次 for 1.6
    capsys.readouterr()


def test_figures_given_after_missing_months_are_no_forecast_for_that_reason_not_for_no_data(project):
    """车辆采购数量 with 1 reported in June and the months before it missing: the monitoring form
    said 未预测：本年无数据 beside the 1 it printed."""
    from analytics.present.forecast_text import reason_name

    o = one(project, [("new_urban_jobs", 2024, 6, 1, "month")], "new_urban_jobs")
    assert o.reason == "months_missing" and o.point is None
    assert reason_name(o.reason, "zh").startswith("有月份缺报")
    assert one(project, [], "new_urban_jobs").reason == "no_current_data"


def test_a_rate_back_at_its_100_percent_target_says_its_chance_is_its_record(project):
    """青年一对一帮扶率 at 100% in June after 98% in March, against 100%: the chance is the share of
    its readings at 100% (6/8, 很可能), and the reason says where it comes from, not 50% 有风险."""
    from analytics.present.judgement_text import likelihood_reason_text

    vals = {1: 100.0, 2: 100.0, 3: 98.0, 4: 100.0, 5: 100.0, 6: 100.0}
    r = one(project, [("youth_one_to_one_rate", 2024, m, v, "level") for m, v in vals.items()], "youth_one_to_one_rate")
    assert r.p_attain == pytest.approx(6 / 8) and (r.likelihood, r.likelihood_reason) == ("likely", "bound_record")
    said = likelihood_reason_text({"likelihood_reason": r.likelihood_reason, "p_attain": r.p_attain}, "%", "zh")
    assert "75%" in said and "比例" in said


def test_a_count_of_few_things_is_forecast_by_whole_events_and_a_count_in_wan_is_not(project):
    """师傅工作室 (个): one in March, nothing since — counted by whole events, 1 by December, not the
    2 of pro-rata; the same figures in 万人 are no count of things and keep pro-rata."""
    rows = [(iid, 2024, m, v, "ytd") for iid in ("master_studios", "hardship_employed")
            for m, v in {1: 0.0, 2: 0.0, 3: 1.0, 4: 1.0, 5: 1.0, 6: 1.0}.items()]
    counted = one(project, rows, "master_studios")
    assert counted.method == "event_rate" and counted.point == 1.0
    assert one(project, rows, "hardship_employed").method != "event_rate"
