"""analytics.present.goal_table: 目标进展's rows (the page and its exports read them)."""

from __future__ import annotations

import pytest

from analytics.forecast.outlook import forecast_all
from analytics.present.forecast_table import forecast_rows
from analytics.present.goal_table import COLUMNS, export_records, goal_rows, likelihood_cell, records, screen_columns
from analytics.storage.store import Store

AS_OF = (2024, 8)


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    return Store(str(tmp_path_factory.mktemp("goal") / "store.db")).load_dataset()


def _rows(ds, lang: str, goal: int = -1):
    prog = ds.progress(2024, AS_OF)
    outlooks = {o.indicator_id: o for o in forecast_all(ds, 2024, AS_OF)}
    view = {r.id: r for r in forecast_rows(ds, list(outlooks.values()), {p.indicator_id: p for p in prog}, lang)}
    return goal_rows(ds, prog, outlooks, view, 2024, lang, goal), view


def test_the_likelihood_and_year_end_are_the_forecast_pages(ds):
    rows, view = _rows(ds, "zh")
    assert len(rows) == len(ds.project.indicators)
    by = {r.id: r for r in rows}
    for iid, v in view.items():
        assert by[iid]["likelihood"] == likelihood_cell(v)
        if v.forecast != "—" and ds.project.indicator(iid).kind != "milestone":
            assert by[iid]["forecast"] == v.forecast  # in Chinese with its unit, as 年末预测 writes it
    survey = by["public_service_satisfaction"]
    assert survey["likelihood"] == "待下次测评" and survey["forecast"] == "—" and survey["p"] == "—"
    jobs = by["new_urban_jobs"]
    assert jobs["likelihood"] == f"{view['new_urban_jobs'].level} {view['new_urban_jobs'].prob}"
    assert jobs["forecast"].endswith("万人") and jobs["actual"].endswith("万人")


def test_english_numbers_go_without_their_unit_beside_a_unit_column(ds):
    rows, view = _rows(ds, "en")
    jobs = next(r for r in rows if r.id == "new_urban_jobs")
    assert jobs["unit"] != "—" and not jobs["forecast"].endswith(jobs["unit"])
    assert jobs["forecast"].replace(",", "").replace(".", "").isdigit()
    assert "unit" in screen_columns("en") and "unit" not in screen_columns("zh")


def test_english_percentages_keep_their_sign_beside_a_unit_column(ds):
    """A rate's actual, expected and forecast read 70.0% as its target (100%) and gap (0.0 pts) do,
    never a bare 70.0 beside a target of 100%."""
    rows, _ = _rows(ds, "en")
    rates = [r for r in rows if ds.project.by_id[r.id].unit == "%" and r["actual"] != "—"]
    assert rates
    for r in rates:
        assert r["actual"].endswith("%") and r["expected"].endswith("%"), (r.id, r["actual"], r["expected"])
        assert r["forecast"] == "—" or r["forecast"].endswith("%"), (r.id, r["forecast"])


def test_rows_follow_the_tables_order_and_a_goal_picks_its_own(ds):
    rows, _ = _rows(ds, "zh")
    l1 = list(dict.fromkeys(ind.level1 or "—" for ind in ds.project.indicators))
    seen = [l1.index(r.level1) for r in rows]
    assert seen == sorted(seen)
    goal = ds.project.goals[0].id
    picked, _ = _rows(ds, "zh", goal)
    assert picked and {r.goal for r in picked} == {goal}
    assert {r.id for r in picked} == {ind.id for ind in ds.project.indicators if ind.goal == goal}


def test_exports_carry_every_column_and_plain_percentages(ds):
    rows, _ = _rows(ds, "zh")
    shown, out = records(rows, "zh"), export_records(rows, "zh")
    assert len(shown[0]) == len(out[0]) == len(COLUMNS)
    assert list(out[0])[-1] == "指标编号" and "完成率（%）" in out[0] and "完成概率（%）" in out[0]
    assert all("%" not in r["完成率（%）"] and "%" not in r["完成概率（%）"] for r in out)
    for r in shown:
        assert "None" not in str(r) and "nan" not in str(r)


def test_a_check_in_is_said_in_words_on_every_cell(ds):
    # a qualitative indicator's actual and expected are 部分达成 / 达成 (never 0.5 / 1), its gap —,
    # and its explanation says how a check-in gives the status (not the rate bands)
    import dataclasses

    import pandas as pd

    from analytics.core.series import Actuals
    from analytics.present.labels import value_said
    from analytics.present.progress_text import explain

    project = ds.project
    ind = dataclasses.replace(project.indicator("zero_employment_family_rate"), kind="qualitative")
    proj = dataclasses.replace(project, indicators=tuple(ind if i.id == ind.id else i for i in project.indicators))
    frame = ds.actuals.frame[ds.actuals.frame["indicator_id"] != ind.id]
    checkin = pd.DataFrame([{"indicator_id": ind.id, "year": 2024, "month": 6, "first_month": 6, "value": 0.5,
                             "basis": "level", "note": "", "source": ""}])
    q = dataclasses.replace(ds, project=proj, actuals=Actuals(proj, pd.concat([frame, checkin], ignore_index=True)))
    rows, _ = _rows(q, "zh")
    row = next(r for r in rows if r.id == ind.id)
    assert (row["actual"], row["expected"], row["gap"]) == ("部分达成", "达成", "—")
    assert value_said(ind, 0.0, "en") == "Not achieved" and value_said(ind, None) == "—"
    prog = next(p for p in q.progress(2024, AS_OF) if p.indicator_id == ind.id)
    why = explain(ind, prog, "zh")
    assert "部分达成为“关注”" in why and "95%" not in why


def test_a_target_already_reached_needs_no_pace(ds):
    """A flow past its target by August: 已达到年度目标 and 0 a month still needed, never a negative
    pace (需月均 -533人次 was written while both paces were known); the slides' risk table likewise."""
    import dataclasses

    from analytics.core.calendar import still_needed

    outlooks = forecast_all(ds, 2024, AS_OF)
    ahead = next(o for o in outlooks if o.required_monthly is not None and o.recent_monthly is not None)
    prog = {p.indicator_id: p for p in ds.progress(2024, AS_OF)}
    met = dataclasses.replace(ahead, required_monthly=-533.0)
    row = forecast_rows(ds, [met], prog, "zh")[0]
    assert row.reason == "已达到年度目标" and "-" not in row.required and row.required.startswith("0")
    assert still_needed(-533.0) == 0.0 and still_needed(12.5) == 12.5 and still_needed(None) is None


def test_a_probability_under_one_percent_beside_at_risk_says_why(ds):
    """A flow whose probability is under 1 % but whose pace needed is within its best month ever is
    有风险, not 无法完成 (data/judgement_rules.yaml): its row says so beside the probability, where it
    said only the pace needed and the recent one."""
    outlooks = forecast_all(ds, 2024, AS_OF)
    low = [o for o in outlooks if o.likelihood_reason == "probability_low" and o.best_monthly]
    assert low, "the sample's August has such flows"
    prog = {p.indicator_id: p for p in ds.progress(2024, AS_OF)}
    for lang, said in (("zh", "未超历史最好单月"), ("en", "no more than its best month")):
        for row in forecast_rows(ds, low, prog, lang):
            assert said in row.reason and row.prob.startswith("<"), row


def test_a_caps_pace_is_what_may_still_happen(ds):
    """不超过5件 with 4 so far: “需月均0.3件” asked for more disputes. A cap's pace reads as what
    may still happen a month, at most (≤), its reason says so, and a cap already passed says that."""
    import dataclasses

    outlooks = {o.indicator_id: o for o in forecast_all(ds, 2024, AS_OF)}
    prog = {p.indicator_id: p for p in ds.progress(2024, AS_OF)}
    cap = dataclasses.replace(outlooks["mass_incidents"], target=5.0, required_monthly=0.2, recent_monthly=0.5)
    row = forecast_rows(ds, [cap], prog, "zh")[0]
    assert row.required == "≤0.2件" and row.reason == "每月至多0.2件，近期0.5件" and "需" not in row.reason
    assert forecast_rows(ds, [cap], prog, "en")[0].reason.startswith("At most 0.2 cases a month")
    over = dataclasses.replace(cap, required_monthly=-0.5)
    assert forecast_rows(ds, [over], prog, "zh")[0].reason == "已超过全年上限"
    assert forecast_rows(ds, [over], prog, "zh")[0].required == "已超过全年上限"  # not ≤0件: nothing left meets it


def test_a_forecast_against_a_cap_keeps_the_decimal_that_shows_the_breach(ds):
    """不超过5件, forecast 5.33: the table, forms and report said 5件 beside 有风险 39%, exactly
    the cap. A forecast is worked out: a counted thing keeps its decimal below 100 (5.3件)."""
    import dataclasses

    from analytics.present.forecast_table import forecast_text
    from analytics.reports.sheet import number_cell

    o = next(o for o in forecast_all(ds, 2024, AS_OF) if o.indicator_id == "mass_incidents")
    ind = ds.project.indicator("mass_incidents")
    assert forecast_text(ind, dataclasses.replace(o, point=5.333), "zh") == "5.3件"
    assert number_cell(5.333, "件", derived=True) == (5.3, '#,##0.0"件"') and number_cell(5.333, "件") == (5.0, '#,##0"件"')
    assert number_cell(24.8, "公斤/亩", "en") == (24.8, '#,##0.0" kg per mu"')  # an English form's unit in English


@pytest.fixture(scope="module")
def over_cap(tmp_path_factory):
    """A project of one cap (科目调整次数 ≤10次) already broken in October: 11次."""
    from analytics.cli.main import main

    tmp_path = tmp_path_factory.mktemp("cap")
    table = tmp_path / "t.txt"
    table.write_text("项目名称\t社会保险缴费经费\n一级指标\t二级指标\t三级指标\t2024年目标值\n"
                     "产出指标\t数量指标\t科目调整次数\t≤10次\n", encoding="utf-8")
    assert main(["new-project", str(table), "--store", str(tmp_path / "s"), "--id", "p"]) == 0
    data = tmp_path / "a.csv"
    data.write_text("indicator_id,period,value,basis\n" + "".join(
        f"t01,2024-{m:02d},{v},month\n" for m, v in enumerate([1, 0, 2, 1, 1, 0, 2, 1, 2, 1], 1)), encoding="utf-8")
    assert main(["import", str(data), "--store", str(tmp_path / "s"), "--project", "p"]) == 0
    return Store(tmp_path / "s", create=False).with_project("p").load_dataset()


def test_a_worked_out_gap_of_counted_things_keeps_its_decimal(over_cap):
    """11次 against an expected 8.3次 is +2.7次 ahead on 目标进展 (it read +3), and a forecast of
    13.2次 against ≤10次 is +3.2次 on 年末预测 (it read +3次 beside 13.2次)."""
    ds, as_of = over_cap, (2024, 10)
    prog = ds.progress(2024, as_of)
    outlooks = {o.indicator_id: o for o in forecast_all(ds, 2024, as_of)}
    view = {r.id: r for r in forecast_rows(ds, list(outlooks.values()), {p.indicator_id: p for p in prog}, "zh")}
    row = goal_rows(ds, prog, outlooks, view, 2024, "zh", -1)[0]
    assert row["actual"] == "11次" and row["gap"] == "+2.7次"
    assert view["t01"].forecast == "13.2次" and view["t01"].gap == "+3.2次"


def test_a_broken_cap_needs_no_pace_it_is_over(over_cap):
    """A cap already broken has nothing left that can meet it: 年末预测's 每月需完成 and the risk slide
    say 已超过全年上限 (they said ≤0次, and the slide 每月至多 0次 … 需压降 100%)."""
    from analytics.reports.context import build_context
    from analytics.reports.slides import slides

    ds, as_of = over_cap, (2024, 10)
    prog = ds.progress(2024, as_of)
    outlooks = forecast_all(ds, 2024, as_of)
    row = forecast_rows(ds, outlooks, {p.indicator_id: p for p in prog}, "zh")[0]
    assert row.required == "已超过全年上限" and row.reason == "已超过全年上限"
    for lang, over, said in (("zh", "已超过全年上限", "本年累计已超过全年上限"), ("en", "Already above the year's cap", "already above its cap")):
        risk = next(s for s in slides(build_context(ds, as_of, 2024, lang)) if s.key == "risks")
        assert over in risk.table[0] and any(said in b for b in risk.bullets), (risk.table, risk.bullets)
        assert not any("100%" in b for b in risk.bullets)


def test_an_open_milestone_is_due_by_the_end_of_its_month(ds):
    """年末预测's 说明 of a milestone not yet achieved names the end of its due month, as the 自评表 and
    the written report do (12月底前须完成 / Due by the end of Dec): it said 12月前须完成, which reads as
    before December, for a milestone due within December."""
    as_of = (2023, 8)
    prog = {p.indicator_id: p for p in ds.progress(2023, as_of)}
    outlooks = forecast_all(ds, 2023, as_of)
    said = {lang: {r.id: r.reason for r in forecast_rows(ds, outlooks, prog, lang)}["hr_park_provincial"] for lang in ("zh", "en")}
    assert said == {"zh": "12月底前须完成", "en": "Due by the end of Dec"}
