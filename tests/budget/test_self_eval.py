"""The 绩效自评 score of a small project as its managers keep it — months missing before figures
given, a milestone still open, a count projected, spending over the budget — given alike by the
``score`` command, the 预算情景 page (:func:`analytics.budget.self_eval.self_evaluation`) and the
reports' 自评表, and projected by the forecast's own rules."""

from __future__ import annotations

import io

import openpyxl
import pytest

from analytics.budget.self_eval import self_evaluation
from analytics.forecast.outlook import forecast_for
from analytics.present.score_text import score_json, score_reason
from analytics.reports import report
from analytics.reports.written import blocks

TABLE = """项目支出绩效目标表（2025年度）
项目名称\t送戏下乡项目
项目资金（万元）\t年度资金总额\t100
\t其中：财政拨款\t100
一级指标\t二级指标\t三级指标\t指标值
产出指标\t数量指标\t开展送戏进村\t≥70村
产出指标\t数量指标\t车辆采购数量\t≤1辆
产出指标\t时效指标\t完成时间\t是
产出指标\t成本指标\t车辆购置成本\t≤12万元
满意度指标\t服务对象满意度指标\t群众满意度\t≥90%
效益指标\t可持续影响指标\t投诉次数\t≤2次
"""
# t01 villages: to July as totals, August missing, then the months' own (they reach 70 in November);
# t02 one vehicle bought in June, t04 its 12.8万元 in June — January to May never reported;
# t03 完成时间 (December) 否 in September and October; t06 complaints 3 by October (3.6 by the year's end)
ACTUALS = """indicator_id,period,value,basis
t01,2025-03,10,ytd
t01,2025-06,30,ytd
t01,2025-07,40,ytd
t01,2025-09,15,month
t01,2025-10,10,month
t01,2025-11,5,month
t01,2025-12,2,month
t02,2025-06,1,month
t04,2025-06,12.8,month
t03,2025-09,否,level
t03,2025-10,否,level
t05,2025-06,92,level
""" + "".join(f"t06,2025-{m:02d},{v},ytd\n" for m, v in zip(range(1, 11), (0, 1, 1, 1, 1, 1, 2, 2, 3, 3)))
SPENDING = "period,source,amount,basis\n2025-03,财政拨款,20,month\n2025-06,财政拨款,30,month\n2025-09,财政拨款,30,month\n2025-12,财政拨款,21.7,month\n"


def _load(tmp_path_factory, name: str, actuals: str):
    from analytics.cli.main import main
    from analytics.storage.store import Store

    d = tmp_path_factory.mktemp(name)
    (d / "t.txt").write_text(TABLE, encoding="utf-8")
    (d / "a.csv").write_text(actuals, encoding="utf-8")
    (d / "b.csv").write_text(SPENDING, encoding="utf-8")
    assert main(["new-project", str(d / "t.txt"), "--store", str(d / "s"), "--id", "p"]) == 0
    for f in ("a.csv", "b.csv"):
        assert main(["import", str(d / f), "--store", str(d / "s"), "--project", "p"]) == 0
    return Store(d / "s", create=False).with_project("p").load_dataset()


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    return _load(tmp_path_factory, "songxiang", ACTUALS)


@pytest.fixture(scope="module")
def settled(tmp_path_factory):
    """The same year with every indicator's December in (complaints 3 to the year's end)."""
    return _load(tmp_path_factory, "songxiang_settled", ACTUALS + "t02,2025-12,0,month\nt03,2025-12,否,level\n"
                 "t04,2025-12,0,month\nt05,2025-12,92,level\nt06,2025-11,3,ytd\nt06,2025-12,3,ytd\n")


def _form(ctx):
    return openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx, "self-eval"))).active


def _cell(ws, name: str, col: int):
    return next(ws.cell(r, col) for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value == name)


@pytest.mark.parametrize("as_of, basis", [((2025, 10), "projected"), ((2025, 11), "projected"), ((2025, 12), "projected")])
def test_the_score_command_the_budget_page_and_the_self_evaluation_form_give_one_score(ds, as_of, basis):
    """At December with December's figures in, the 自评表 scored the year's figures and the ``score``
    command a projection (songxi 97.26 against 94.07): one computation now, whichever month. (At
    this December the complaints are still to October: the year is not settled, the score projected.)"""
    ctx = report.build_context(ds, as_of)
    out = score_json(ds.project, ds.actuals, ds.budget, as_of)
    page, page_basis = self_evaluation(ds.project, ds.actuals, ds.budget, as_of[0], as_of, None, rows=ds.progress(as_of[0], as_of))
    assert out["total"] == pytest.approx(round(ctx.score.total, 2)) and page.total == pytest.approx(ctx.score.total)
    assert ctx.score_basis == out["basis"] == page_basis == basis
    ws = _form(ctx)
    total = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "总分")
    assert pytest.approx(ctx.score.total, abs=1e-6) in [ws.cell(total, c).value for c in range(1, ws.max_column + 1)]


def test_a_projection_is_the_forecasts_and_never_below_what_is_reached(ds):
    """The villages reach 70 by November through the months given after August's gap: the forecast
    says 70 (met), and so does the score — it projected 68.57 from the totals before the gap."""
    res, _ = self_evaluation(ds.project, ds.actuals, ds.budget, 2025, (2025, 11))
    fc = forecast_for(ds.project, ds.actuals, ds.budget, ds.project.indicator("t01"), 2025, (2025, 11))
    line = res.line("t01")
    assert fc.point == pytest.approx(70) and fc.likelihood_reason == "given_met"
    assert line.actual == pytest.approx(fc.point) and line.points == pytest.approx(line.points_max)
    assert "年末预计" not in score_reason(line, "zh")  # what is reached is the year's, not a projection above or below it


def test_a_one_off_purchase_is_projected_as_the_forecast_says_not_doubled(ds):
    """12.8万元 spent once in June (January to May never reported): the monitoring form and the
    forecast say 12.80 for the year; the 自评表 and ``score`` scaled it by the trajectory to 25.60."""
    res, _ = self_evaluation(ds.project, ds.actuals, ds.budget, 2025, (2025, 10))
    fc = forecast_for(ds.project, ds.actuals, ds.budget, ds.project.indicator("t04"), 2025, (2025, 10))
    assert fc.point == pytest.approx(12.8)
    assert res.line("t04").actual == pytest.approx(12.8) and res.projections["t04"]["method"] == "forecast"
    assert res.line("t04").attainment == pytest.approx(12 / 12.8)


def test_an_open_milestone_is_not_scored_as_achieved_before_it_is(ds):
    """完成时间 (by December) 否 in October: the monitoring form says 否, 有可能 (40%); the 自评表 said
    是 with full points. It is 否 as it stands, its likelihood said beside it."""
    ctx = report.build_context(ds, (2025, 10))
    fc = ctx.forecasts["t03"]
    line = ctx.score.line("t03")
    assert fc["likelihood"] == "possible" and fc["p_attain"] == pytest.approx(0.4)
    assert line.points == 0 and line.points_max > 0
    ws = _form(ctx)
    assert _cell(ws, "完成时间", 5).value == "否" and _cell(ws, "完成时间", 7).value == 0
    assert "尚未实现（12月底前完成，完成可能性 40%）" in _cell(ws, "完成时间", 8).value
    assert score_reason(line, "en").startswith("Milestone not yet achieved (due by the end of Dec, likelihood 40%)")


def test_a_projected_count_is_said_as_a_projection_with_its_decimal(ds):
    """Complaints 3 by October, 3.6 by the forecast: the reason said 年末预计 4次 and the form 3.6次
    as if counted; both now say the projection as the one formatter does (fmt_derived)."""
    ctx = report.build_context(ds, (2025, 10))
    line = ctx.score.line("t06")
    assert line.actual == pytest.approx(ctx.forecasts["t06"]["point"]) and round(line.actual, 1) == pytest.approx(3.6)
    assert "年末预计 3.6次（目前 3次）" in score_reason(line, "zh")
    cell = _cell(_form(ctx), "投诉次数", 5)
    assert cell.value == pytest.approx(3.6) and cell.number_format == '"预计"#,##0.0"次"'
    assert _cell(_form(ctx), "群众满意度", 5).number_format == '#,##0.0"%"'  # a figure reported as it stands: no 预计


def test_flows_with_months_missing_before_their_figure_are_treated_alike(ds):
    """车辆采购数量 (1 in June) and 车辆购置成本 (12.8万元 in June), January to May missing: the first
    read 没有实际数据 while the second was scored. Both say the months missing; the cost is scored
    on the months given (they break the cap whatever May adds), the count is left out until the
    months are given (they settle nothing)."""
    ctx = report.build_context(ds, (2025, 12))
    count, cost = ctx.score.line("t02"), ctx.score.line("t04")
    assert count.status == "excluded" and count.reason == "gap_shared" and cost.status == "scored"
    said = score_reason(count, "zh")
    assert "没有实际数据" not in said and said.startswith("1—5月缺报，已报的6月合计 1辆") and "不计分" in said
    assert "1—5月缺报，但已报各月合计已达 12.80万元，超过全年上限" in score_reason(cost, "zh")
    ws = _form(ctx)
    assert _cell(ws, "车辆采购数量", 8).value.startswith("1—5月缺报") and _cell(ws, "车辆购置成本", 8).value.startswith("1—5月缺报")
    assert ctx.score.coverage() == {"scored": 5, "no_data": 1, "all": 6}


def test_spending_over_the_budget_is_said_and_costs_no_points_unless_the_rules_say(ds):
    """101.7% of the year's budget spent: full points and nothing said. The rules take no points
    off (execution_over_budget: note), but the score, the 自评表 and the written report say it."""
    ctx = report.build_context(ds, (2025, 12))
    ex = ctx.score.line("budget_execution")
    assert ex.points == pytest.approx(ex.points_max) and ex.reason_params["over_budget"] == pytest.approx(1.7)
    assert "支出超过预算 1.70 个百分点" in score_reason(ex, "zh")
    ws = _form(ctx)
    assert any("支出超过预算 1.70 个百分点" in str(c.value) for row in ws.iter_rows() for c in row)
    out = score_json(ds.project, ds.actuals, ds.budget, (2025, 12))
    assert out["execution"]["over_budget"] == pytest.approx(1.7) and "超支" in out["over_budget_zh"]
    assert any("支出超过预算 1.70 个百分点" in b.text for b in blocks(ctx) if b.kind == "p")
    quiet, _ = self_evaluation(ds.project, ds.actuals, ds.budget, 2025, (2025, 12), rules={"execution_over_budget": "silent"})
    assert "over_budget" not in quiet.line("budget_execution").reason_params and quiet.total == pytest.approx(ctx.score.total)


@pytest.mark.parametrize("which, basis", [("ds", "projected"), ("settled", "actual")])
def test_the_year_is_scored_as_reported_only_once_every_december_is_in(request, which, basis):
    """As of December with the villages' and the spending's December in but the complaints only to
    October, the 自评表 and ``score`` took 3 complaints (October's) as the year's. The year is settled
    only once every indicator reported monthly has its December; until then the score is projected
    (the villages' December taken as it is) and the 自评表's basis line, ``score``'s basis, the
    written report and the slides say so alike."""
    data = request.getfixturevalue(which)
    ctx = report.build_context(data, (2025, 12))
    out = score_json(data.project, data.actuals, data.budget, (2025, 12))
    assert ctx.score_basis == out["basis"] == basis
    complaints, villages = ctx.score.line("t06"), ctx.score.line("t01")
    line3 = _form(ctx).cell(3, 1).value
    text = "\n".join(b.text for b in blocks(ctx) if b.text)
    label = next(m.label for m in next(s for s in report.slides(ctx) if s.key == "overview").metrics if m.label.startswith("绩效自评"))
    if basis == "projected":
        assert complaints.actual == pytest.approx(ctx.forecasts["t06"]["point"]) and "年末预计" in score_reason(complaints, "zh")
        assert villages.actual == pytest.approx(ctx.row("t01").actual)  # its December is in: the year's own
        assert line3.startswith("年末测算：截至2025年12月，12月数据尚未全部报送")
        assert "绩效自评预计得分" in text and "预计得" in text and label == "绩效自评（预计）"
    else:
        assert complaints.actual == pytest.approx(3) and "年末预计" not in score_reason(complaints, "zh")
        assert line3 == "按全年实际值测算。"
        assert "绩效自评预计得分" not in text and label == "绩效自评"


@pytest.mark.parametrize("as_of", [(2024, 6), (2024, 12), (2025, 3)])
def test_a_year_none_of_whose_spending_is_reported_leaves_execution_out(project, as_of):
    """400 of 800万元 spent in 2023, none of 2024's reported: the score projected 2024 from
    2023's pace (its 400 make the year's budget: 100 %) and awarded the full 10 points, mid-year,
    in December and once the year was over. It leaves the execution part out, as with no
    spending at all, and says why: none of the year's spending is reported."""
    from dataclasses import replace

    from analytics.core.model import FundingSource
    from analytics.core.series import Actuals
    from analytics.present.score_text import score_parts
    from tests.budget.test_scenario import budget_of
    from tests.conftest import load_sample_frames

    p = replace(project, funding_sources=(FundingSource("local", "地方资金", "Local funds", 800.0),), funding_total=800.0)
    budget = budget_of(p, [(2023, m, "local", 400.0 / 12) for m in range(1, 13)])
    actuals = Actuals(p, load_sample_frames()[0])
    sc, _basis = self_evaluation(p, actuals, budget, 2024, as_of)
    execution = next(ln for ln in sc.lines if ln.part == "execution")
    assert sc.left_out(sc.part("execution")), (execution.points, execution.reason)
    assert execution.reason == "execution_no_data_year_left_out" and execution.reason_params == {"year": 2024}
    assert score_reason(execution, "zh").startswith("2024年尚无支出数据")
    part = next(r for r in score_parts(sc.part_rows(), "en") if r["left_out"] and "execution" in r["part"].lower())
    assert part["why"].startswith("No spending of 2024 is reported") and part["points"] is None
    assert sc.execution_rule == "year_rate"  # the rule in force, said as it is (no rate to fall back from)
    spent = budget_of(p, [(2023, m, "local", 400.0 / 12) for m in range(1, 13)] + [(2024, 1, "local", 20.0)])
    assert not self_evaluation(p, actuals, spent, 2024, as_of)[0].part("execution").empty  # January's in: scored
