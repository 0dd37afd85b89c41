"""Review-meeting exports (analytics/reports/): the official forms (.xlsx), the deck (.pptx),
chart images (.png/.svg), the ``report`` CLI command and the missing-CJK-font warning."""

from __future__ import annotations

import io
import math
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn

from analytics.reports import fonts, report

ROOT = Path(__file__).resolve().parents[2]

ACTIONS = [
    {"goal": 1, "indicator_id": "vocational_training", "cause_category": "经费保障", "cause_text": "补贴资金拨付滞后",
     "measure_text": "9月底前完成第三批补贴拨付"},
    {"goal": 5, "indicator_id": "", "cause_category": "staff", "cause_text": "创业指导专员不足", "measure_text": "聘请兼职导师"},
    {"indicator_id": "startup_events", "cause_category": "不存在的类别", "cause_text": "场地改造", "measure_text": ""},
    {"indicator_id": "internship_posts", "cause_category": "其他", "cause_text": "", "measure_text": ""},  # empty: dropped
]


@pytest.fixture(scope="module")
def charts():
    from analytics.present import charts as module

    return module


@pytest.fixture(scope="module")
def ctx(dataset):
    return report.build_context(dataset, (2024, 8), actions=ACTIONS)


def _sheet_text(ws) -> str:
    return "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)


def _row_of(ws, text: str, col: int = 3) -> int:
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, col).value == text:
            return r
    raise AssertionError(f"{text!r} not in column {col}")


def _headers(ws, rows=(3, 4)) -> list[str]:
    return [str(ws.cell(r, c).value) for r in rows for c in range(1, ws.max_column + 1) if ws.cell(r, c).value is not None]


# -- actions and mapping --------------------------------------------------------------------


def test_deviation_actions_default_to_none(project):
    assert report.deviation_actions() == []
    assert report.deviation_actions(None, project) == []


def test_deviation_actions_are_normalised(project):
    acts = report.deviation_actions(ACTIONS, project)
    assert len(acts) == 3  # the empty one is dropped
    a, b, c = acts
    assert (a.goal, a.indicator_id, a.cause_category) == (1, "vocational_training", "经费保障")
    assert (b.goal, b.indicator_id, b.cause_category) == (5, None, "人员保障")  # English key of the store
    assert (c.goal, c.cause_category) == (5, "其他")  # goal from the indicator, unknown category → 其他
    unknown = report.deviation_actions([{"indicator_id": "nope", "goal": "目标2", "cause_text": "x"}], project)
    assert unknown[0].indicator_id is None and unknown[0].goal == 2


def test_likelihood_four_levels_onto_the_forms_three():
    assert report.form_likelihood("certain") == "确定能"
    assert report.form_likelihood("likely") == "有可能"
    assert report.form_likelihood("possible") == "有可能"
    assert report.form_likelihood("impossible") == "完全不可能"
    assert report.form_likelihood(None) is None
    assert set(report.FORM_LIKELIHOOD.values()) == {"确定能", "有可能", "完全不可能"}


# -- slides ---------------------------------------------------------------------------------


def test_slide_sequence(ctx):
    deck = report.slides(ctx)
    keys = [s.key for s in deck]
    assert keys[0] == "title" and keys[1] == "overview"
    assert [k for k in keys if ":" not in k][-4:] == ["risks", "budget", "quality", "actions"]  # quality:2… continue it
    goal_keys = [k for k in keys if k.startswith("goal:")]
    assert {k.split(":")[1] for k in goal_keys} == {"1", "2", "3", "4", "5"}
    assert all(len(s.table) <= report.ROWS_PER_SLIDE for s in deck)
    # every indicator of goal 2 appears exactly once over its slides
    rows = [r[0] for s in deck if s.key.startswith("goal:2") for r in s.table]
    assert len(rows) == len(set(rows)) == sum(1 for i in ctx.project.indicators if i.goal == 2)
    title = deck[0]
    assert title.title == "东莞市公共就业服务能力提升示范项目" and title.badge == "示例数据"
    assert any("2024年8月" in b for b in title.bullets) and any("示例数据" in b for b in title.bullets)


def test_goal_slides_say_what_the_forecast_page_says(ctx):
    # each goal slide's 全年预计 and 完成可能性 agree with 年末预测: a survey between two measurements
    # (公共就业服务满意度, quarterly, in August) has no year-end there and none on the slide either
    from analytics.forecast.outlook import forecast_all
    from analytics.present.forecast_table import forecast_rows

    prog = {p.indicator_id: p for p in ctx.rows}
    page = {r.indicator: r for r in forecast_rows(ctx.ds, forecast_all(ctx.ds, 2024, (2024, 8)), prog, "zh")}
    waiting = {name for name, r in page.items() if r.level_code == "await"}
    assert "公共就业服务满意度" in waiting
    rows = {r[0]: r for s in report.slides(ctx) if s.key.startswith("goal:") for r in s.table}
    for name in waiting:
        assert rows[name][4] == "—" and rows[name][5] == "待下次测评", rows[name]
    assert all(rows[name][5] != "待下次测评" for name in rows if name not in waiting)


def test_risk_and_budget_slides(ctx):
    deck = {s.key: s for s in report.slides(ctx)}
    risks = deck["risks"]
    assert risks.table and risks.columns[4] == "每月需完成"
    assert any("需提速" in b for b in risks.bullets)
    budget = deck["budget"]
    assert budget.charts == ["budget_execution"]
    assert [r[0] for r in budget.table] == ["中央补助", "地方资金", "其他资金"]
    assert any("基线" in b for b in budget.bullets)
    acts = deck["actions"]
    assert len(acts.table) == 3 and acts.table[0][2] == "补贴资金拨付滞后"


def test_slides_in_english(dataset):
    ctx_en = report.build_context(dataset, (2024, 8), lang="en")
    deck = report.slides(ctx_en)
    assert deck[0].title.startswith("Dongguan") and deck[1].title == "Overall status"
    assert deck[-1].bullets and "No causes" in deck[-1].bullets[0]
    assert any(b.startswith("Source: ") for b in deck[0].bullets)  # Data: Data entered … read the word twice


def test_chosen_scenario_drives_budget_and_score(dataset):
    base = report.build_context(dataset, (2024, 8))
    fast = report.build_context(dataset, (2024, 8), scenario={"name": "加快支付", "levers": {"pace": 1.3}})
    assert fast.scenario_name == "加快支付"
    assert fast.scenario.year_end_rate > base.scenario.year_end_rate
    assert fast.forecasts["budget_execution"]["point"] == pytest.approx(fast.scenario.year_end_rate)
    assert fast.score.total >= base.score.total
    bad = report.build_context(dataset, (2024, 8), scenario={"levers": {"pace": -1}})
    assert bad.scenario_note and bad.scenario is not None and bad.scenario_name == ""


def test_a_scenarios_outputs_are_said_on_both_forms(dataset):
    """Under 加快支付 the 自评表 scored 开展补贴性职业技能培训人次 at 13.97万人次 from the scenario's
    spending while the monitoring form beside it said 12.54 (the trend), with no word on why; both
    now say both. The baseline's outputs follow the forecast: nothing to say."""
    base = report.build_context(dataset, (2024, 8))
    assert base.scenario_outputs() == {}
    fast = report.build_context(dataset, (2024, 8), scenario={"name": "加快支付", "levers": {"pace": 1.3}})
    value, point = fast.scenario_outputs()["vocational_training"]
    assert value > point
    wb = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(fast)))
    mon, se = _sheet_text(wb["绩效运行监控表"]), _sheet_text(wb["项目支出绩效自评表"])
    said = f"{value:.2f}万人次"
    assert f"按情景“加快支付”的支出，自评表测算年末{said}" in mon
    assert f"开展补贴性职业技能培训人次{said}，监控表按趋势预计{point:.2f}万人次" in se and "docs/" not in se
    assert "自评表测算" not in _sheet_text(openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(base)))["绩效运行监控表"])


# -- the forms (.xlsx) ----------------------------------------------------------------------


def test_xlsx_both_forms(ctx):
    wb = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx)))
    assert wb.sheetnames == ["绩效运行监控表", "项目支出绩效自评表"]


def test_monitoring_form(ctx):
    ws = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx, "monitoring"))).active
    assert ws.title == "绩效运行监控表"
    assert "2024年度项目支出绩效运行监控表" in ws["A1"].value and "示例数据" in ws["A2"].value
    heads = _headers(ws)
    for h in ("一级指标", "二级指标", "三级指标", "年度指标值", "1-8月执行情况", "全年预计完成情况", "偏差原因分析", "经费保障", "制度保障",
              "人员保障", "硬件条件保障", "其他", "完成目标可能性", "确定能", "有可能", "完全不可能", "备注"):
        assert h in heads, h
    # merged group headers, two header rows frozen, print setup for people
    assert any(str(m) == "G3:K3" for m in ws.merged_cells.ranges) and any(str(m) == "L3:N3" for m in ws.merged_cells.ranges)
    assert ws.freeze_panes == "D5"
    assert ws.print_title_rows == "$3:$4"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_area
    # one row per indicator of the target table
    names = [ws.cell(r, 3).value for r in range(5, ws.max_row + 1)]
    table_names = [i.name_raw.strip() or i.name for i in ctx.project.indicators if i.origin == "table"]
    assert all(n in names for n in table_names)
    r = _row_of(ws, "开展补贴性职业技能培训人次（万）")
    assert ws.cell(r, 4).value == "15"
    assert ws.cell(r, 5).value == round(ctx.row("vocational_training").actual, 2)  # as the pages show it
    assert ws.cell(r, 5).number_format.endswith('"万人次"')
    assert ws.cell(r, 7).value == "√ 补贴资金拨付滞后"  # 经费保障
    assert "9月底前完成第三批补贴拨付" in ws.cell(r, 15).value
    marks = [ws.cell(r, c).value for c in (12, 13, 14)]
    assert marks.count("√") == 1
    level = report.form_likelihood(ctx.forecasts["vocational_training"]["likelihood"])
    assert marks[("确定能", "有可能", "完全不可能").index(level)] == "√"
    # every indicator with a forecast has exactly one √ under 完成目标可能性
    for row in range(5, r + 1):
        assert [ws.cell(row, c).value for c in (12, 13, 14)].count("√") <= 1
    # the budget part
    text = _sheet_text(ws)
    assert "项目资金执行情况（万元）" in text and "全年预算数" in text and "1-8月执行数" in text
    for h in ("项目总预算", "累计执行数（2023年1月起）", "累计执行率", "年末预计执行率", "年末预计累计执行率"):
        assert h in text, h
    b = ctx.ds.budget
    head = next(rr for rr in range(1, ws.max_row + 1) if ws.cell(rr, 1).value == "资金来源")
    titles = [ws.cell(head, c).value for c in range(1, 10)]
    col = {k: titles.index(h) + 1 for k, h in (("budget", "全年预算数"), ("spent", "1-8月执行数"), ("rate", "执行率"),
                                                 ("total", "项目总预算"), ("cum", "累计执行数（2023年1月起）"), ("cum_rate", "累计执行率"))}
    rb = next(rr for rr in range(1, ws.max_row + 1) if ws.cell(rr, 1).value == "中央补助")
    # year figures under the year's titles: the 2024 budget = total − spent before 2024 (no year_budgets.csv)
    before_c = b.spent_by(2023, 12, ["central"])
    assert ws.cell(rb, col["budget"]).value == pytest.approx(round(10000 - before_c, 2))
    assert ws.cell(rb, col["budget"]).number_format == "#,##0.00"
    assert ws.cell(rb, col["spent"]).value == pytest.approx(round(b.spent_in_year(2024, 8, "central"), 2))
    assert ws.cell(rb, col["rate"]).number_format == "0.00%" and 0 < ws.cell(rb, col["rate"]).value < 1
    # cumulative figures under their own titles
    assert ws.cell(rb, col["total"]).value == 10000
    assert ws.cell(rb, col["cum"]).value == pytest.approx(round(b.spent_by(2024, 8, ["central"]), 2))
    total = next(rr for rr in range(1, ws.max_row + 1) if ws.cell(rr, 1).value == "年度资金总额")
    assert ws.cell(total, col["total"]).value == pytest.approx(103414.18)
    assert ws.cell(total, col["cum_rate"]).value == pytest.approx(ctx.ds.budget.execution_rate(2024, 8) / 100, abs=5e-5)  # as shown, 56.38%
    year_budget = 103414.18 - b.spent_by(2023, 12)
    assert ws.cell(total, col["budget"]).value == pytest.approx(round(year_budget, 2))
    assert ws.cell(total, col["rate"]).value == pytest.approx(b.spent_in_year(2024, 8) / year_budget, abs=5e-5)  # as shown: 39.36%
    assert "按当年执行率计分" in text
    # the departments as the target table gives them
    for d in ("中央主管部门：人力资源社会保障部", "地方主管部门：广东省人力资源社会保障厅", "实施单位：东莞市人力资源社会保障局",
              "省级财政部门：广东省财政厅", "市级财政部门：东莞市财政局"):
        assert d in ws["A2"].value


def test_a_monitoring_form_read_back_gives_its_project(ctx):
    """The 监控表 this app exports, loaded as a table (新建项目 / parse-table): the project's name and
    departments, its indicators and no row of the funds block below them as one, its spending to
    the form's month."""
    from analytics.ingest.tables import parse_table

    reading = parse_table(report.xlsx_bytes(ctx, "monitoring"), filename="监控表.xlsx").to_json()
    project = reading["project"]
    assert project["name"] == "东莞市公共就业服务能力提升示范项目"
    assert project["departments"]["实施单位"] == "东莞市人力资源社会保障局"
    table = [i for i in ctx.project.indicators if i.origin == "table"]
    assert len(reading["indicators"]) == len(table)
    assert not any("资金" in i["level1"] for i in reading["indicators"])
    spent = project["funding"]["spent"]
    b = ctx.ds.budget
    assert spent["month"] == 8 and spent["amount"] == pytest.approx(round(b.spent_in_year(2024, 8), 2))
    assert [s["key"] for s in spent["sources"]] == ["central", "local", "other"]


def test_a_year_with_its_december_figures_is_scored_on_its_actuals(dataset):
    """At December with December's figures in, the 自评表 is the year's, not a projection (年中测算),
    and it scores the execution by the rule in force (the year's rate) as a projection would and
    as a closed year does."""
    from analytics.budget.scoring import execution_rule

    december = report.build_context(dataset, (2023, 12))
    closed = report.build_context(dataset, (2024, 3), year=2023)
    assert december.score_basis == closed.score_basis == "actual"
    assert december.score.execution_rule == closed.score.execution_rule == execution_rule()
    assert december.score.total == pytest.approx(closed.score.total)
    ws = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(december, "self-eval"))).active
    assert "年中测算" not in _sheet_text(ws) and "年末预计" not in _sheet_text(ws)  # nor a projected year-end rate


def test_self_evaluation_form(ctx):
    ws = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx, "self-eval"))).active
    assert ws.title == "项目支出绩效自评表"
    text = _sheet_text(ws)
    for h in ("项目支出绩效自评表（2024年度）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "年度总体目标", "预期目标",
              "实际完成情况", "年度指标值", "实际完成值", "偏差原因分析及改进措施", "总分", "自评等级"):
        assert h in text, h
    sc = ctx.score
    total_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "总分")
    values = [ws.cell(total_row, c).value for c in range(1, ws.max_column + 1)]
    assert 100 in values and pytest.approx(sc.total, abs=1e-6) in values
    grade_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "自评等级")
    assert sc.grade in [ws.cell(grade_row, c).value for c in range(1, ws.max_column + 1)]
    # the funds part: total row with the execution points
    fund = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "年度资金总额")
    exec_part = next(p for p in sc.parts if p.key == "execution")
    row_vals = [ws.cell(fund, c).value for c in range(3, ws.max_column + 1)]
    assert 10 in row_vals and round(exec_part.points, 2) in row_vals
    labels = [ws.cell(r, 2).value for r in range(fund, fund + 4)]
    assert labels == ["年度资金总额", "其中：中央补助", "地方资金", "其他资金"]
    assert "项目累计（万元）" in text and "累计执行数（2023年1月起）" in text and "按当年执行率计分" in text
    assert "实施单位：东莞市人力资源社会保障局" in ws["A2"].value and "中央主管部门：人力资源社会保障部" in ws["A2"].value
    # indicator lines = the scored lines; causes and measures in the last column
    n_lines = sum(1 for ln in sc.lines if ln.part != "execution")
    first = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value == "三级指标") + 1
    assert total_row - first == n_lines
    r = _row_of(ws, "开展补贴性职业技能培训人次（万）")
    dev = ws.cell(r, 8).value
    assert "原因（经费保障）：补贴资金拨付滞后" in dev and "措施：9月底前完成第三批补贴拨付" in dev
    points = [ws.cell(rr, 7).value for rr in range(first, total_row) if isinstance(ws.cell(rr, 7).value, float)]
    assert sum(points) + round(exec_part.points, 2) == pytest.approx(sc.total, abs=0.005)  # printed to two places
    assert ws.page_setup.orientation == "landscape" and ws.freeze_panes == "A4"


def test_xlsx_unknown_form(ctx):
    with pytest.raises(ValueError, match="monitoring or self-eval"):
        report.xlsx_bytes(ctx, "budget")


def test_forms_layout_is_data(ctx, tmp_path):
    """Local forms differ: a reordered / shortened column list and other titles come out as written."""
    import yaml

    cfg = yaml.safe_load(report.FORMS_FILE.read_text(encoding="utf-8"))
    cfg["monitoring"]["title_zh"] = "=HYPERLINK(\"http://x\")"  # formula injection through a title
    cfg["monitoring"]["columns"] = [
        {"key": "name", "zh": "指标名称", "en": "Indicator"},
        {"key": "target", "zh": "年度目标值", "en": "Target"},
        {"key": "likelihood", "zh": "完成可能性", "en": "Likelihood"},
        {"key": "cause", "zh": "偏差原因", "en": "Cause"},
    ]
    path = tmp_path / "forms.yaml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    ws = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx, "monitoring", forms_path=path))).active
    assert ws["A1"].value.startswith("=") and ws["A1"].data_type == "s"  # shown as text, never evaluated
    assert [ws.cell(3, c).value for c in range(1, 5)] == ["指标名称", "年度目标值", "完成可能性", "偏差原因"]
    r = _row_of(ws, "开展补贴性职业技能培训人次（万）", col=1)
    assert ws.cell(r, 3).value in ("确定能", "有可能", "完全不可能")
    assert ws.cell(r, 4).value == "经费保障：补贴资金拨付滞后"


def test_xlsx_in_english(dataset):
    ctx_en = report.build_context(dataset, (2024, 8), lang="en")
    wb = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx_en)))
    assert wb.sheetnames == ["Monitoring", "Self-evaluation"]
    assert "Annual target" in _headers(wb["Monitoring"])
    # two causes of one category in English punctuation: "a; b", not "a；b"
    two = [*ACTIONS, {**ACTIONS[0], "cause_text": "培训机构申报延迟"}]
    ctx_en = report.build_context(dataset, (2024, 8), lang="en", actions=two)
    text = _sheet_text(openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx_en, "monitoring"))).active)
    assert "补贴资金拨付滞后; 培训机构申报延迟" in text and "；" not in text


def test_closed_year_scores_actuals(dataset):
    ctx23 = report.build_context(dataset, (2024, 8), year=2023)
    assert ctx23.month == 12 and ctx23.score_basis == "actual" and ctx23.scenario is None
    ws = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx23, "monitoring"))).active
    assert "1-12月执行情况" in _headers(ws)


def test_a_closed_year_on_the_slides(dataset):
    # 2023 is over at August 2024: year values and outcomes, the targets missed (no chance, no
    # pace needed), the year-end execution without a projection or a scenario
    deck = {s.key: s for s in report.slides(report.build_context(dataset, (2024, 8), year=2023))}
    goals = [s for k, s in deck.items() if k.startswith("goal:")]
    assert goals and all(s.columns[4] == "全年值" for s in goals)
    assert {r[5] for s in goals for r in s.table} <= {"已达到目标", "未达到目标", "—"}
    assert any("本年度已结束" in n for n in goals[0].notes)
    risks = deck["risks"]
    assert risks.title == "未达到目标的指标" and risks.columns == ["指标", "年度目标", "全年值", "与目标差", "状态"]
    missed = {r[0]: r for r in risks.table}
    assert "−0.1" in missed["“一网通办”政策经办系统服务人次"][3] or "-0.1" in missed["“一网通办”政策经办系统服务人次"][3]
    assert not risks.bullets
    budget = deck["budget"]
    assert [m.label for m in budget.metrics][0] == "年末执行率" and "年末预计执行率" not in [m.label for m in budget.metrics]
    assert not any("情景" in b for b in budget.bullets)


# -- the deck (.pptx) -----------------------------------------------------------------------


def test_pptx_slides_text_fonts_and_pictures(ctx, charts):
    data = report.pptx_bytes(ctx, report.deck_chart_png(ctx, charts))
    prs = Presentation(io.BytesIO(data))
    deck = report.slides(ctx)
    assert len(prs.slides) == len(deck)
    assert prs.slide_width / prs.slide_height == pytest.approx(16 / 9, rel=0.01)

    def text_of(slide) -> str:
        out = []
        for sh in slide.shapes:
            if sh.has_text_frame:
                out.append(sh.text_frame.text)
            if sh.has_table:
                out += [c.text for r in sh.table.rows for c in r.cells]
        return "\n".join(out)

    first = text_of(prs.slides[0])
    assert "东莞市公共就业服务能力提升示范项目" in first and "示例数据" in first
    assert "总体情况" in text_of(prs.slides[1])
    pics = [sh for sh in prs.slides[1].shapes if sh.shape_type == 13]
    assert len(pics) == 2  # status_counts + goal_scores
    goal1 = text_of(prs.slides[2])
    assert "开展补贴性职业技能培训人次" in goal1 and "完成可能性" in goal1
    assert "补贴资金拨付滞后" in text_of(prs.slides[-1])
    assert "✔" not in "".join(text_of(s) for s in prs.slides)  # dingbats replaced by √ (in every Chinese font)
    # every run carries the East Asian typeface
    runs = [r for s in prs.slides for sh in s.shapes if sh.has_text_frame for p in sh.text_frame.paragraphs for r in p.runs]
    assert runs
    for run in runs:
        ea = run._r.find(qn("a:rPr")).find(qn("a:ea"))
        assert ea is not None and ea.get("typeface") == report.EA_FONT
    # shapes stay on the slide
    for s in prs.slides:
        for sh in s.shapes:
            assert sh.left + sh.width <= prs.slide_width + 1 and sh.top + sh.height <= prs.slide_height + 1


def test_pptx_without_chart_renderer(ctx):
    prs = Presentation(io.BytesIO(report.pptx_bytes(ctx)))
    assert not [sh for s in prs.slides for sh in s.shapes if sh.shape_type == 13]


# -- chart images ---------------------------------------------------------------------------


def _non_blank(png: bytes) -> Image.Image:
    img = Image.open(io.BytesIO(png)).convert("RGB")
    colours = img.getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 20  # not a blank canvas
    return img


@pytest.mark.parametrize("name", ["status_counts", "goal_scores", "budget_execution", "indicator:new_urban_jobs", "indicator:unified_info_platform"])
def test_png_of_every_chart_kind(ctx, charts, name):
    png = report.chart_image(ctx, name, "png", charts)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    img = _non_blank(png)
    assert img.width >= 900


def test_svg_has_chinese_and_the_cjk_font_family(ctx, charts):
    svg = report.chart_image(ctx, "budget_execution", "svg", charts).decode("utf-8")
    assert svg.lstrip().startswith("<svg") and "累计执行率" in svg and "序时进度" in svg
    spec = report.chart_spec(ctx, "goal_scores", charts)
    assert "Noto Sans CJK SC" in spec["config"]["font"] and spec["title"]["text"] == "各目标得分"


def test_chart_names_and_unknown(ctx, charts):
    names = report.chart_names(ctx)
    assert names[:3] == ["status_counts", "goal_scores", "budget_execution"] and "indicator:new_urban_jobs" in names
    with pytest.raises(ValueError, match="indicator:<id>"):
        report.chart_request(ctx, "pie")
    with pytest.raises(ValueError):
        report.chart_request(ctx, "indicator:nope")
    with pytest.raises(ValueError):
        report.chart_image(ctx, "status_counts", "gif", charts)


@pytest.mark.slow
def test_charts_module_imports_without_streamlit():
    code = ("import sys, builtins\n"
            "real = builtins.__import__\n"
            "def guard(name, *a, **k):\n"
            "    if name == 'streamlit' or name.startswith('streamlit.'):\n"
            "        raise ImportError('no streamlit here')\n"
            "    return real(name, *a, **k)\n"
            "builtins.__import__ = guard\n"
            "import analytics.present.charts as c\n"
            "import analytics.reports.report as r\n"
            "assert 'streamlit' not in sys.modules and 'pages' not in str(r.__dict__.get('__builtins__', ''))\n"
            "print(c.FONT)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "Noto Sans CJK SC" in out.stdout
    for path in (ROOT / "analytics" / "reports").glob("*.py"):
        src = path.read_text(encoding="utf-8")
        assert "import streamlit" not in src and "from pages" not in src and "import pages" not in src, path.name


# -- CJK font probe -------------------------------------------------------------------------


def test_missing_font_warning_with_a_probe():
    assert report.cjk_font_warning("zh", probe=lambda: True) is None
    zh = report.cjk_font_warning("zh", probe=lambda: False)
    en = report.cjk_font_warning("en", probe=lambda: False)
    assert "方框" in zh and "fonts-noto-cjk" in zh
    assert "boxes" in en and "apt-get install fonts-noto-cjk" in en


def test_font_probe_dirs(tmp_path):
    empty = tmp_path / "none"
    empty.mkdir()
    assert fonts._probe_dirs([str(empty)]) is False
    (empty / "DejaVuSans.ttf").write_bytes(b"x")
    assert fonts._probe_dirs([str(empty)]) is False
    sub = tmp_path / "fonts" / "opentype" / "noto"
    sub.mkdir(parents=True)
    (sub / "NotoSansCJK-Regular.ttc").write_bytes(b"x")
    assert fonts._probe_dirs([str(tmp_path / "fonts")]) is True


def test_fc_list_probe_without_fc_list(monkeypatch):
    monkeypatch.setattr(fonts.shutil, "which", lambda name: None)
    assert fonts._probe_fc_list() is None


def test_default_probe_finds_the_installed_font():
    # the CI image installs fonts-noto-cjk (.ci/run); a machine without it skips
    if not fonts._probe_dirs():
        pytest.skip("no CJK font installed here")
    assert report.find_cjk_font() is True


# -- the CLI --------------------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analytics", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_cli_report_xlsx_both_and_one_form(tmp_path):
    out = tmp_path / "报表.xlsx"
    r = run("report", "--as-of", "2024-08", "--out", str(out))
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    assert summary["sheets"] == ["绩效运行监控表", "项目支出绩效自评表"] and summary["sample_data"] is True
    assert openpyxl.load_workbook(out).sheetnames == summary["sheets"]
    one = tmp_path / "m.xlsx"
    r = run("report", "--as-of", "2024-08", "--out", str(one), "--form", "self-eval")
    assert r.returncode == 0, r.stderr
    assert openpyxl.load_workbook(one).sheetnames == ["项目支出绩效自评表"]


@pytest.mark.slow
def test_cli_report_actions_file(tmp_path):
    acts = tmp_path / "actions.json"
    acts.write_text(json.dumps(ACTIONS, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "m.xlsx"
    r = run("report", "--as-of", "2024-08", "--out", str(out), "--form", "monitoring", "--actions", str(acts))
    assert r.returncode == 0, r.stderr
    assert "补贴资金拨付滞后" in _sheet_text(openpyxl.load_workbook(out).active)


@pytest.mark.slow
def test_cli_report_pptx_png_svg(tmp_path):
    deck = tmp_path / "deck.pptx"
    r = run("report", "--as-of", "2024-08", "--out", str(deck), "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert len(Presentation(deck).slides) == json.loads(r.stdout)["slides"]
    png = tmp_path / "c.png"
    r = run("report", "--as-of", "2024-06", "--out", str(png), "--chart", "indicator:vocational_training")
    assert r.returncode == 0, r.stderr
    _non_blank(png.read_bytes())
    svg = tmp_path / "c.svg"
    r = run("report", "--out", str(svg), "--chart", "status_counts")
    assert r.returncode == 0, r.stderr
    assert "指标数" in svg.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize(
    "args, message",
    [
        (["--out", "x.doc"], "unknown output type"),
        (["--out", "x.png"], "--chart"),
        (["--out", "x.png", "--chart", "pie"], "unknown chart"),
        (["--out", "x.pptx", "--form", "monitoring"], "--form applies to .xlsx only"),
        (["--out", "x.xlsx", "--chart", "status_counts"], "--chart applies"),
    ],
)
def test_cli_report_usage_errors(tmp_path, args, message):
    args = [a if not a.startswith("x.") else str(tmp_path / a) for a in args]
    r = run("report", "--as-of", "2024-08", *args)
    assert r.returncode == 2 and message in r.stderr and "Traceback" not in r.stderr
    assert not any(tmp_path.iterdir())


def test_cli_warns_on_stderr_without_a_cjk_font(tmp_path, monkeypatch, capsys):
    from analytics.cli import main as cli

    monkeypatch.setattr(fonts, "_default_probe", lambda: False)
    out = tmp_path / "c.png"
    assert cli.main(["report", "--as-of", "2024-08", "--out", str(out), "--chart", "status_counts"]) == 0
    err = capsys.readouterr().err
    assert "fonts-noto-cjk" in err and out.exists()
    # no warning for the spreadsheet (no chart pictures in it)
    assert cli.main(["report", "--as-of", "2024-08", "--out", str(tmp_path / "f.xlsx")]) == 0
    assert "fonts-noto-cjk" not in capsys.readouterr().err


def test_flat_target_file_without_goals_or_spending(tmp_path, charts):
    """Another project's flat file: no goals, no spending — every export still works."""
    from analytics.storage.dataset import load_dataset

    t = tmp_path / "t.csv"
    t.write_text("indicator_id,name,unit,kind,direction,year,target\njobs,新增就业,万人,flow,higher,2024,10\n"
                 "rate,满意度,%,rate,higher,2024,95\n", encoding="utf-8")
    a = tmp_path / "a.csv"
    a.write_text("indicator_id,period,value,basis\njobs,2024-03,2.5,ytd\njobs,2024-04,3.1,ytd\nrate,2024-04,93,level\n", encoding="utf-8")
    ctx = report.build_context(load_dataset(t, a))
    assert ctx.as_of == (2024, 4) and ctx.scenario is None and not ctx.is_sample
    deck = report.slides(ctx)
    keys = [s.key for s in deck]
    assert "goal:0" in keys and deck[keys.index("goal:0")].title == "全部指标"
    assert {r[0] for r in deck[keys.index("goal:0")].table} == {"新增就业", "满意度"}
    assert deck[1].charts == ["status_counts"]
    assert report.chart_names(ctx) == ["status_counts", "indicator:jobs", "indicator:rate"]
    with pytest.raises(ValueError, match="no data"):
        report.chart_request(ctx, "budget_execution")
    wb = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx)))
    assert _row_of(wb["绩效运行监控表"], "新增就业") > 0
    prs = Presentation(io.BytesIO(report.pptx_bytes(ctx, report.deck_chart_png(ctx, charts))))
    assert len(prs.slides) == len(deck)
    _non_blank(report.chart_image(ctx, "indicator:jobs", "png", charts))


# -- 完成目标可能性 and over-achievement (data/judgement_rules.yaml) ----------------------------


def test_likelihood_reasons_and_thresholds():
    from analytics.forecast.outlook import Estimate, judge, judgement_rules

    rules = judgement_rules()
    assert rules["likelihood"]["impossible_below"] == 0.01 and rules["over_achievement"]["ratio_min"] == 1.30
    assert judge(Estimate(p_attain=0.0, method="zero_cap", verdict="zero_cap_broken"), 5) == ("impossible", "zero_cap_broken")
    assert judge(Estimate(p_attain=0.0, method="milestone", verdict="milestone_overdue"), 9) == ("impossible", "milestone_overdue")
    assert judge(Estimate(p_attain=1.0, method="milestone"), 5) == ("certain", "achieved")
    # a needed pace above 2 × the best month ever: out of reach whatever the probability says
    assert judge(Estimate(p_attain=0.3, method="seasonal_blend", n_prior_years=2, required_monthly=2.1, best_monthly=1.0), 8) == ("impossible", "run_rate")
    assert judge(Estimate(p_attain=0.3, method="seasonal_blend", n_prior_years=2, required_monthly=1.9, best_monthly=1.0), 8) == ("possible", "probability")
    # a probability under 1 % is 完全不可能 only with a needed pace above the best month ever (default) …
    assert judge(Estimate(p_attain=0.005, method="seasonal_blend", n_prior_years=2, required_monthly=1.2, best_monthly=1.0), 8) == ("impossible", "probability_below")
    assert judge(Estimate(p_attain=0.005, method="seasonal_blend", n_prior_years=2, required_monthly=0.9, best_monthly=1.0), 8) == ("possible", "probability_low")
    assert judge(Estimate(p_attain=0.005, method="prorata", required_monthly=2.1, best_monthly=1.0), 8) == ("possible", "first_year")  # no prior year
    assert judge(Estimate(p_attain=0.005, method="seasonal_blend"), 8) == ("possible", "probability_low")
    assert judge(Estimate(p_attain=0.02, method="seasonal_blend"), 8) == ("possible", "probability")
    assert judge(Estimate(p_attain=0.96, method="seasonal_blend"), 8) == ("certain", "probability")
    assert judge(Estimate(p_attain=0.0, method="observed_final"), 12) == ("impossible", "final_missed")


def test_form_likelihood_reserved_for_unreachable_targets(ctx):
    from analytics.present.judgement_text import likelihood_reason_text

    n = 0
    for ind in ctx.project.indicators:
        fc = ctx.forecasts.get(ind.id) or {}
        if fc.get("likelihood") == "impossible":
            n += 1
            assert fc["likelihood_reason"] in ("zero_cap_broken", "milestone_overdue", "run_rate", "probability_below", "final_missed")
            if fc["likelihood_reason"] == "probability_below":
                assert fc["p_attain"] < 0.01 and fc["required_monthly"] > fc["best_monthly"]
        if fc.get("likelihood"):
            assert likelihood_reason_text(fc, ind.unit, "zh") and likelihood_reason_text(fc, ind.unit, "en")
    assert n <= 5  # 14 of the sample's rows were 完全不可能 under the former 5 % cut


def test_probability_alone_is_a_setting(tmp_path, monkeypatch):
    """probability_needs_run_rate: false makes the probability alone decide (the literal rule)."""
    import yaml

    from analytics.forecast import outlook

    doc = yaml.safe_load(outlook.JUDGEMENT_FILE.read_text(encoding="utf-8"))
    doc["likelihood"]["probability_needs_run_rate"]["value"] = False
    f = tmp_path / "judgement_rules.yaml"
    f.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(outlook, "JUDGEMENT_FILE", f)
    assert outlook.judge(outlook.Estimate(p_attain=0.005, method="seasonal_blend"), 8) == ("impossible", "probability_below")


def test_over_achievement_flag(ctx):
    from analytics.forecast.outlook import over_achievement

    assert over_achievement("higher", "flow", 10.0, 13.0, None) == (pytest.approx(1.3), "actual")
    assert over_achievement("higher", "flow", 10.0, 5.0, 14.0) == (pytest.approx(1.4), "forecast")
    assert over_achievement("higher", "flow", 10.0, 5.0, 12.9) is None
    assert over_achievement("lower", "flow", 10.0, 20.0, 20.0) is None
    assert over_achievement("higher", "milestone", 1.0, 2.0, 2.0) is None
    from analytics.reports.context import over_achieved

    flagged = [i for i in ctx.project.indicators if over_achieved(ctx, i)]
    ws = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx, "monitoring"))).active
    for ind in flagged:
        r = _row_of(ws, ind.name_raw.strip() or ind.name)
        assert "超额较多" in ws.cell(r, 15).value and "请说明偏差原因" in ws.cell(r, 15).value
    assert "完全不可能”仅用于已无法完成的目标" in _sheet_text(ws)


# -- qualitative (定性) indicators end to end ----------------------------------------------------


def test_qualitative_indicator_end_to_end(dataset):
    """A 定性 indicator: check-ins 达成/部分达成/未达成 imported from words, a status from the latest
    one, no numeric forecast, the words (never a number) on the forms, a banded score."""
    import dataclasses

    import pandas as pd

    from analytics.core.series import Actuals
    from analytics.ingest.validate import ingest_actuals
    from analytics.storage.dataset import Dataset

    project = dataset.project
    ind = dataclasses.replace(project.indicator("zero_employment_family_rate"), kind="qualitative")
    proj = dataclasses.replace(project, indicators=tuple(ind if i.id == ind.id else i for i in project.indicators))
    csv = ("indicator_id,period,value,basis,note\nzero_employment_family_rate,2024-03,达成,level,一季度全部帮扶到位\n"
           "zero_employment_family_rate,2024-06,部分达成,level,两户未联系上\n").encode("utf-8")
    res = ingest_actuals(csv, proj.ingest_catalogue(), filename="q.csv")
    assert not res.errors
    assert sorted(res.data["value"]) == [0.5, 1.0]
    bad = ingest_actuals("indicator_id,period,value,basis\nzero_employment_family_rate,2024-07,较好,level\n".encode("utf-8"),
                         proj.ingest_catalogue(), filename="q.csv")
    assert [p.code for p in bad.errors] == ["not_a_checkin"]
    frame = dataset.actuals.frame
    frame = pd.concat([frame[frame["indicator_id"] != ind.id], res.data], ignore_index=True)
    ds = Dataset(proj, Actuals(proj, frame), dataset.budget, is_sample=True)
    ctx_q = report.build_context(ds, (2024, 8))
    row = ctx_q.row(ind.id)
    assert row.status == "watch" and row.target == 1.0 and row.data_month == 6
    fc = ctx_q.forecasts[ind.id]
    assert fc["point"] is None and fc["reason"] == "qualitative"
    ws = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx_q, "monitoring"))).active
    r = _row_of(ws, ind.name_raw.strip() or ind.name)
    assert ws.cell(r, 5).value == "部分达成" and ws.cell(r, 6).value == "—"
    line = ctx_q.score.line(ind.id)
    assert line.rule == "qualitative" and line.points == pytest.approx(0.7 * line.points_max)
    ws2 = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx_q, "self-eval"))).active
    assert "部分达成" in [ws2.cell(_row_of(ws2, ind.name_raw.strip() or ind.name), c).value for c in range(1, 9)]
    from analytics.reports.written import blocks

    assert any("最近一次（6月）评价为“部分达成”" in b.text for b in blocks(ctx_q))
    assert f"indicator:{ind.id}" not in report.chart_names(ctx_q)  # check-ins are words: no line to draw
    with pytest.raises(ValueError, match="定性指标"):
        report.chart_request(ctx_q, f"indicator:{ind.id}")


def test_a_list_without_levels_or_money_is_not_scored_0_points(tmp_path, charts):
    """A target list copied from a web page (no 一级指标, no funding, no spending): no part can be
    scored, so there is no score — never 0.00 分 “差” — and its forms say — for money, never 0;
    its slides fit targets in words and name likelihood levels as the pages do."""
    from analytics.ingest.tables import parse_table
    from analytics.reports.written import blocks
    from analytics.storage.dataset import load_dataset
    from analytics.storage.project_files import write_folder

    src = tmp_path / "list.txt"
    src.write_text("".join(f"{k}.{n}\n" for k, n in enumerate([
        "适龄儿童国家免疫规划疫苗接种率≥90%", "孕产妇系统服务率≥90%", "肺结核患者管理率≥90%",
        "宫颈癌、乳腺癌筛查目标人群覆盖率较上年提高", "城乡居民公共卫生差距不断缩小", "居民健康素养水平不断提高",
        "职工对职业病防治社会知晓率较上年提高", "基本公共卫生服务水平不断提高", "基本公共卫生服务对象满意度较上年提高"], 1)),
        encoding="utf-8")
    write_folder(parse_table(src, year=2023).to_json(), tmp_path / "p")
    a = tmp_path / "a.csv"
    a.write_text("indicator_id,period,value,basis\n" + "".join(f"t0{k},2023-{m:02d},{88 + k + m / 10},level\n"
                                                              for k in (1, 2, 3) for m in range(1, 10)), encoding="utf-8")
    ctx = report.build_context(load_dataset(tmp_path / "p", a), (2023, 9))
    assert not ctx.score.scored and ctx.score_basis == "unscorable"
    assert any("自评得分暂无法测算" in b.text for b in blocks(ctx))
    assert not any("0.00分" in b.text or "“差”" in b.text for b in blocks(ctx))
    ws = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx, "self-eval"))).active
    total = _row_of(ws, "年度资金总额", 2)
    assert [ws.cell(total, c).value for c in range(3, 6)] == ["—", "—", "—"]
    assert "目标表未写明项目资金" in _sheet_text(ws)
    assert "自评得分暂无法测算" in _sheet_text(ws) and "折算为百分制" not in _sheet_text(ws)  # one reason, not four rescalings
    assert _row_of(ws, "孕产妇系统服务率") > 0  # each indicator with its 分值, the total —
    assert [v for v in (ws.cell(_row_of(ws, "总分", 1), c).value for c in range(2, 9)) if v is not None][-1] == "—"
    deck = report.slides(ctx)
    levels = {r[5] for s in deck if s.key.startswith("goal:") for r in s.table}
    assert levels <= {"已达到目标", "基本确定", "很可能完成", "有风险", "难以完成", "未达到目标", "待下次测评", "—"} and levels - {"—"}
    shown = [st for s in deck if s.key.startswith("goal:") for st in s.row_status]
    assert shown[0] != "no_data" and set(shown[shown.index("no_data"):]) == {"no_data"}  # problems first, no data last
    worded = [s for s in deck if s.key.startswith("goal:") and any(len(r[1]) > 10 for r in s.table)]
    assert worded and all(len(s.table) <= 6 for s in worded)  # six long targets in words fill a slide
    Presentation(io.BytesIO(report.pptx_bytes(ctx, report.deck_chart_png(ctx, charts))))


def test_every_deck_table_ends_above_the_footnote(tmp_path, charts):
    """A real target list of 29 long names and targets in words (基本公共卫生服务, a 医微客 copy):
    every table of the deck ends above the footnote, whatever wraps (a status column narrowed
    to two lines doubled every row of a slide and ran its last rows into the footnote); a risk
    slide of rates and stocks only has no monthly-pace columns (they would all read —)."""
    from pptx import Presentation

    from analytics.ingest.tables import parse_table
    from analytics.reports.deck import BOTTOM
    from analytics.storage.dataset import load_dataset
    from analytics.storage.project_files import write_folder

    src = Path(__file__).resolve().parents[1] / "tables" / "heldout11" / "ewitkey_jibengongwei_quyu_2023.txt"
    write_folder(parse_table(src, year=2026).to_json(), tmp_path / "p")
    a = tmp_path / "a.csv"
    a.write_text("indicator_id,period,value,basis\n" + "".join(
        f"{i},2026-{m:02d},{v + m},level\n" for i, v in (("t02", 60), ("t04", 50), ("t06", 120), ("t17", 50)) for m in range(1, 11)),
        encoding="utf-8")
    ctx = report.build_context(load_dataset(tmp_path / "p", a), (2026, 10))
    deck = {s.key: s for s in report.slides(ctx)}
    assert deck["risks"].table and deck["risks"].columns == ["指标", "年度目标", "全年预计", "达标概率"]
    assert deck["risks"].subtitle == "按达标概率从低到高"
    prs = Presentation(io.BytesIO(report.pptx_bytes(ctx, report.deck_chart_png(ctx, charts))))
    tables = [(n, sh) for n, slide in enumerate(prs.slides, 1) for sh in slide.shapes if sh.has_table]
    assert len(tables) >= 5  # the indicators over four slides or more, the risks
    for n, sh in tables:
        bottom = (sh.top + sum(r.height for r in sh.table.rows)) / 914400
        assert bottom <= BOTTOM + 1e-6, (n, bottom)


CAPS_TABLE = ("项目支出绩效目标表（2025年度）\n项目名称\t职业技能提升补贴项目\n项目资金（万元）\t年度资金总额\t1000\n\t其中：财政拨款\t1000\n"
              "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人次\t≥1200人次\n产出指标\t数量指标\t补贴发放人数\t≥800人\n"
              "产出指标\t成本指标\t人均培训成本\t≤1000元/人\n产出指标\t成本指标\t人均生活补贴标准\t不超过 1200元/人·年\n"
              "产出指标\t成本指标\t每场次招聘会场地租赁费用\t不超过3.5万元/场次·天\n产出指标\t时效指标\t补贴发放及时率\t≥95%\n"
              "效益指标\t社会效益指标\t就业率\t≥85%\n满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\n")


def _drawn_em(text: str) -> float | None:
    """How wide LibreOffice draws ``text`` in a slide's table, in em: Latin in DejaVu Sans (what it
    puts for Microsoft YaHei), Chinese in Noto Sans CJK, a quarter em between the two scripts.
    None without those fonts."""
    from PIL import ImageFont

    def _wide(ch: str) -> bool:  # drawn in the Chinese font: CJK, the status symbols, quotes
        return ord(ch) > 0x2E80 or 0x2500 <= ord(ch) <= 0x27BF or 0x2018 <= ord(ch) <= 0x201F or ch in "√×"

    try:
        latin = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 100)
        cjk = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 100, index=2)
    except OSError:
        return None
    wide = [_wide(ch) for ch in text]
    turns = sum(1 for i in range(1, len(text)) if wide[i] != wide[i - 1] and not text[i].isspace() and not text[i - 1].isspace())
    return sum((cjk if w else latin).getlength(ch) for ch, w in zip(text, wide)) / 100 + 0.25 * turns


def test_a_long_cap_fits_the_row_the_slide_plans_for_it(tmp_path):
    """Caps with a unit per unit (≤1000元/人, 不超过 1200元/人·年): a renderer puts a space between
    Chinese and Latin text (``≤1000 元 / 人``), so a cap planned on one line of the risks slide ran
    over two and out of its row. Every cell of every slide table fits the lines its row was given."""
    from pptx import Presentation

    from analytics.storage.dataset import load_dataset

    if _drawn_em("元") is None:
        pytest.skip("DejaVu Sans and Noto Sans CJK are needed to measure the drawn text")
    from analytics.cli.main import main
    from analytics.storage.store import Store

    (tmp_path / "t.txt").write_text(CAPS_TABLE, encoding="utf-8")
    rows = [(1, 100), (2, 70), (3, 1000), (4, 1180), (5, 3.4), (6, 96), (7, 86), (8, 92)]
    (tmp_path / "a.csv").write_text("indicator_id,period,value,basis\n" + "".join(
        f"t{i:02d},2025-{m:02d},{v + (10 * m if i == 3 else 0)},{'month' if i < 3 else 'level'}\n" for i, v in rows for m in range(1, 7)),
        encoding="utf-8")
    assert main(["new-project", str(tmp_path / "t.txt"), "--store", str(tmp_path / "s"), "--id", "p"]) == 0
    assert main(["import", str(tmp_path / "a.csv"), "--kind", "actuals", "--store", str(tmp_path / "s"), "--project", "p"]) == 0
    ctx = report.build_context(Store(tmp_path / "s", create=False).with_project("p").load_dataset(), (2025, 6))
    assert any(s.key == "risks" and any("≤1000元/人" in r for r in s.table) for s in report.slides(ctx))
    prs = Presentation(io.BytesIO(report.pptx_bytes(ctx)))
    checked = 0
    for n, slide in enumerate(prs.slides, 1):
        for sh in (x for x in slide.shapes if x.has_table):
            table = sh.table
            for r in range(1, len(table.rows)):
                for c in range(len(table.columns)):
                    cell = table.cell(r, c)
                    size = cell.text_frame.paragraphs[0].runs[0].font.size.pt
                    room = (table.columns[c].width / 914400 - 0.2) * 72 / size  # in em, less the cell's insets
                    planned = round((table.rows[r].height / 914400 - 0.1) / (size * 1.35 / 72))
                    assert math.ceil(_drawn_em(cell.text) / room - 1e-9) <= planned, (n, cell.text, planned)
                    checked += 1
    assert checked > 20


def test_a_budget_slide_table_of_few_columns_keeps_its_numbers_on_one_line_and_gives_the_chart_the_rest(tmp_path, charts):
    """A 自评表 made a project (one source, its year's spending): the budget slide's table at 18 pt
    wrapped ``100.0%`` over two lines beside a chart held at 3 inches; now the headings take two
    lines before a number wraps, and the chart takes the room the table leaves."""
    from pptx import Presentation

    from analytics.ingest.tables import parse_table
    from analytics.reports.deck import _cell_lines
    from analytics.storage.dataset import load_dataset
    from analytics.storage.project_files import write_folder

    src = Path(__file__).resolve().parents[1] / "tables" / "generated" / "chizhou_weituo_ziping_2022.docx"
    write_folder(parse_table(src).to_json(), tmp_path / "p")
    ctx = report.build_context(load_dataset(tmp_path / "p", tmp_path / "p" / "actuals.csv", tmp_path / "p" / "spending.csv"), (2022, 12))
    prs = Presentation(io.BytesIO(report.pptx_bytes(ctx, report.deck_chart_png(ctx, charts))))
    slide = next(sl for sl in prs.slides if any(sh.has_table and "执行率" in sh.table.cell(0, 3).text for sh in sl.shapes))
    table = next(sh for sh in slide.shapes if sh.has_table).table
    picture = next(sh for sh in slide.shapes if sh.shape_type == 13)
    for r in range(1, len(table.rows)):
        for c in range(1, len(table.columns)):
            cell = table.cell(r, c)
            size = cell.text_frame.paragraphs[0].runs[0].font.size.pt
            assert _cell_lines(cell.text, table.columns[c].width / 914400 - 0.15, size) == 1, (cell.text, c)
    assert picture.width / 914400 > 3.5


def test_funding_known_but_nothing_spent_yet_shows_dashes_not_zeros(dataset):
    # the table states its money, no spending is recorded: the budget figures are written, what
    # was spent, its rate and the execution points are — (not 0, not 0 of 10 points)
    import dataclasses

    from analytics.core.series import Budget

    ds = dataclasses.replace(dataset, budget=Budget(dataset.project, None))
    ctx = report.build_context(ds, (2024, 8))
    assert ctx.score.left_out(ctx.score.part("execution"))
    ws = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx, "self-eval"))).active
    r = _row_of(ws, "年度资金总额", 2)
    cells = [ws.cell(r, c).value for c in range(3, 9)]  # 年初预算数 全年预算数 全年执行数 分值 执行率 得分
    assert cells[0] == cells[1] == pytest.approx(103414.18) and cells[2:] == ["—", 10, "—", "—"], cells


def _funds_rows(ws, first: str, col: int, ncols: int) -> dict[str, list]:
    """The funds block's rows from the one labelled ``first`` in column ``col``: label → cells."""
    r = _row_of(ws, first, col)
    out = {}
    while ws.cell(r, col).value not in (None, "", "资金来源") and not str(ws.cell(r, col).value).startswith(("注", "全年预算数为")):
        out[str(ws.cell(r, col).value)] = [ws.cell(r, c).value for c in range(col + 1, col + 1 + ncols)]
        r += 1
    return out


def test_the_monitoring_form_prints_the_funding_the_table_states_before_any_spending(dataset):
    """Funding by source, no spending recorded: the 自评表 printed the budgets while the 监控表 left
    its whole funds block out. Both print the budgets the table states, — for what was spent and
    its rates, and say why under the block."""
    import dataclasses

    from analytics.core.series import Budget

    ds = dataclasses.replace(dataset, budget=Budget(dataset.project, None))
    ctx = report.build_context(ds, (2024, 6))
    ws = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx, "monitoring"))).active
    rows = _funds_rows(ws, "年度资金总额", 1, 8)  # 全年预算数 执行数 执行率 年末预计 项目总预算 累计 累计率 年末预计累计
    assert rows["年度资金总额"][4] == pytest.approx(103414.18) and rows["中央补助"][4] == pytest.approx(10000.0)
    assert all(row[1:4] == ["—"] * 3 and row[5:] == ["—"] * 3 for row in rows.values()), rows
    cells = [str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    assert any("尚无支出数据：执行数、执行率为“—”（未报送，不是 0）" in c for c in cells)


def test_a_year_with_none_of_its_spending_reported_prints_no_zeros(december_dataset):
    """As of December with none of the year's spending reported, the 监控表 printed 0.00 spent, a
    0.00% rate and 0.00 cumulative beside budgets: figures nobody reported. They are —, said under
    the block."""
    c = report.build_context(december_dataset("none"), (2025, 12))
    ws = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(c, "monitoring"))).active
    total = _funds_rows(ws, "年度资金总额", 1, 8)["年度资金总额"]
    assert total[0] == pytest.approx(1000.0) and total[4] == pytest.approx(1000.0)
    assert total[1] == total[2] == total[5] == total[6] == "—", total
    cells = [str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    assert any("2025年尚无支出数据：本年执行数及其执行率、累计执行数、年末预计值为“—”" in c for c in cells)


def test_a_year_with_none_of_its_spending_reported_scores_no_execution_and_the_outputs_agree(december_dataset):
    """As of December with none of 2025's spending reported (a row of 2026 only), the 自评表 printed
    a projected 全年执行数 1000.00 and 100% with the full 10 execution points, the 监控表 a 100% year-end,
    the slide and the report the year's target reached — all from no spending of the year. The
    execution part is left out as with no spending at all: — under the points, the year-end and
    its rate, and every output says why."""
    from analytics.reports.written import blocks

    c = report.build_context(december_dataset("none"), (2025, 12))
    assert c.scenario is None and c.score.left_out(c.score.part("execution"))
    book = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(c)))
    year = _funds_rows(book["项目支出绩效自评表"], "年度资金总额", 2, 6)["年度资金总额"]  # 年初 全年预算数 全年执行数 分值 执行率 得分
    assert year[2] == "—" and year[3] == 10 and year[4] == "—" and year[5] == "—", year
    monitoring = _funds_rows(book["绩效运行监控表"], "年度资金总额", 1, 8)["年度资金总额"]
    assert monitoring[3] == monitoring[7] == "—", monitoring
    cells = [str(v) for row in book["项目支出绩效自评表"].iter_rows(values_only=True) for v in row if v is not None]
    assert any("2025年尚无支出数据（其他年度的支出不是本年的执行），无法计算本年预算执行率。本部分不计分。总分按其余部分折算为百分制。" in x
               for x in cells), cells
    said = "\n".join(b.text for b in blocks(c) if b.text)
    assert "预算执行率因2025年尚无支出数据不计分" in said and "预计得0.00分" not in said and "本年执行数为0" not in said
    budget = next(s for s in report.slides(c) if s.key == "budget")
    assert "2025年尚无支出数据：不按其他年度的支出推算年末执行率。" in budget.bullets
    assert not any("达到年度执行目标" in b for b in budget.bullets), budget.bullets


def test_spending_of_the_year_alone_keeps_its_projection_and_leaves_the_cumulative_unknown(dataset):
    """Only this year's spending recorded (the years before never entered): the cumulative since
    the project start is not known (—, said under the block), while the 自评表's 全年执行数 stays the
    year's projected year-end its basis line announces, never the spending so far."""
    import dataclasses

    from analytics.core.series import Budget

    frame = dataset.budget.frame[dataset.budget.frame["year"] == 2024]
    ds = dataclasses.replace(dataset, budget=Budget(dataset.project, frame))
    ctx = report.build_context(ds, (2024, 6))
    book = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx)))
    total = _funds_rows(book["绩效运行监控表"], "年度资金总额", 1, 8)["年度资金总额"]
    assert isinstance(total[1], float) and isinstance(total[3], float) and total[5:] == ["—"] * 3, total
    year = _funds_rows(book["项目支出绩效自评表"], "年度资金总额", 2, 3)["年度资金总额"]
    assert year[2] == pytest.approx(ctx.scenario.year_end_spent, abs=0.01) and year[2] > ctx.ds.budget.spent_in_year(2024, 6) + 1
    cells = [str(v) for row in book["项目支出绩效自评表"].iter_rows(values_only=True) for v in row if v is not None]
    assert any("2024年以前的支出未报送：累计执行数、累计执行率为“—”。" in c for c in cells)


def test_the_funds_rows_add_up_to_the_total_when_its_sources_do_not_hold_all_of_it(dataset):
    """A table whose sources hold less than its total (10000 + 87651.18 of 103414.18): the total's
    budget and spending were printed above rows that did not add up to them. The rest is a row of
    its own (未列明来源) in both forms, said under the block, and every column adds up."""
    import dataclasses

    from analytics.core.series import Budget

    project = dataclasses.replace(dataset.project, funding_sources=tuple(dataset.project.funding_sources[:2]))
    ds = dataclasses.replace(dataset, project=project, budget=Budget(project, dataset.budget.frame))
    ctx = report.build_context(ds, (2024, 6))
    book = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx)))
    for ws, col, amounts in ((book["绩效运行监控表"], 1, (0, 1, 4, 5)), (book["项目支出绩效自评表"], 2, (0, 1, 2))):
        rows = _funds_rows(ws, "年度资金总额", col, 6)
        assert "未列明来源" in rows, rows
        parts = [v for k, v in rows.items() if k != "年度资金总额"]
        for i in amounts:
            assert sum(p[i] for p in parts) == pytest.approx(rows["年度资金总额"][i], abs=0.02), (ws.title, i, rows)
        cells = [str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None]
        assert any("“未列明来源”为资金总额中未分到所列来源的部分" in c for c in cells)
    assert "未列明来源" not in [str(v) for row in openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(report.build_context(dataset, (2024, 6))))).worksheets[0].iter_rows(values_only=True) for v in row]


def test_the_forms_print_figures_that_add_up_and_never_round_a_miss_to_100(ctx):
    """The 自评表's 分值 and 得分 columns add up, as printed, to its 总分 row (28 × 1.7857 printed
    1.79 summed to 100.11, the 得分 to 95.46 against 95.41), a row at full marks prints 得分 = 分值;
    a rate of 99.95% is held as 99.9 (Excel's 0.0 format showed 100.0% where the pages say 99.9%)."""
    book = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx)))
    ws = book["项目支出绩效自评表"]
    head = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value == "三级指标")
    col = {ws.cell(head, c).value: c for c in range(1, ws.max_column + 1)}
    total = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "总分")
    fund = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "年度资金总额")
    fund_cells = [ws.cell(fund, c).value for c in range(3, ws.max_column + 1)]
    exec_max, exec_points = 10, round(next(p for p in ctx.score.parts if p.key == "execution").points, 2)
    assert exec_max in fund_cells and exec_points in fund_cells
    rows = range(head + 1, total)
    maxes = [ws.cell(r, col["分值"]).value for r in rows]
    points = [ws.cell(r, col["得分"]).value for r in rows]
    assert all(round(v, 2) == v for v in maxes + points)
    assert round(sum(maxes) + exec_max, 2) == ws.cell(total, col["分值"]).value == 100
    assert round(sum(points) + exec_points, 2) == round(ws.cell(total, col["得分"]).value, 2) == round(ctx.score.total, 2)
    full = [ln.indicator_id for ln in ctx.score.lines if ln.part != "execution" and ln.points >= ln.points_max - 1e-9]
    assert full and all(m == p for m, p, ln in zip(maxes, points, [x for x in ctx.score.lines if x.part != "execution"])
                        if ln.indicator_id in full)
    near = [ln.actual for ln in ctx.score.lines if ln.actual is not None and 99.95 <= ln.actual < 100]
    assert near, "the sample has rates of 99.95% and more"
    for sheet in book:
        for cells in sheet.iter_rows():
            for c in cells:
                if isinstance(c.value, float) and '"%"' in c.number_format:
                    assert not 99.95 <= c.value < 100, (sheet.title, c.coordinate, c.value)


def test_a_derived_year_target_reads_as_the_total_and_the_rest_on_every_output(ctx):
    """A year target derived from a two-year total: pages, forms, slides and the written report say
    the total and the year's rest, one rule (the forms and the CLI table wrote the formula
    ``2.6万人以上−1.36``; the sample's one is a goal-text indicator, on the slides, not the forms)."""
    from analytics.present.labels import target_said
    from analytics.reports.sheet import form_target

    ind = ctx.project.by_id["entrepreneurship"]
    assert target_said(ind, ctx.row("entrepreneurship"), "zh") == "2.6万人以上（两年合计），2024年还需1.24万人"
    assert target_said(ctx.project.by_id["registered_unemployed"], ctx.row("registered_unemployed"), "zh") == "≤4.1万人"
    assert form_target(ind, ctx.row("entrepreneurship"), "zh") == "2.6万人以上（两年合计），2024年还需1.24万人"
    assert form_target(ctx.project.by_id["vocational_training"], ctx.row("vocational_training"), "zh") == "15"  # as written
    slides = report.pptx_bytes(ctx, chart_png=lambda _name: None)
    from pptx import Presentation

    said = [sh.text_frame.text if sh.has_text_frame else " ".join(c.text for r in sh.table.rows for c in r.cells) if sh.has_table else ""
            for s in Presentation(io.BytesIO(slides)).slides for sh in s.shapes]
    assert any("2.6万人以上（两年合计），2024年还需1.24万人" in x for x in said) and not any("−1.36" in x for x in said)


@pytest.mark.parametrize("table, first, note", [
    ("corpus/chizhou_weituo_ziping_2022.tsv", 8.0, None),  # 产出指标 8+8+8+8+8+10 = 50: the table's own points
    ("heldout/zhongjiang_shuibiaochi_2022.tsv", 50 * 10 / 70, "产出指标表中合计70分，按50分折算；效益指标表中合计20分，按30分折算"),
])
def test_the_self_evaluation_gives_the_tables_points(tmp_path, table, first, note):
    """A table with a 分值 column: the 自评表's 分值 follow it (weights: table); where the table's
    parts add up otherwise than the rules' (产出指标 70), the note says how they were scaled."""
    from analytics.cli.main import main
    from analytics.storage.store import Store

    assert main(["new-project", str(ROOT / "tests" / "tables" / table), "--store", str(tmp_path), "--id", "p"]) == 0
    ds = Store(tmp_path, create=False).with_project("p").load_dataset()
    ws = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(report.build_context(ds, (2022, 12)), "self-eval"))).active
    head = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value == "三级指标")
    points_col = next(c for c in range(1, ws.max_column + 1) if ws.cell(head, c).value == "分值")
    assert ws.cell(head + 1, points_col).value == pytest.approx(first, abs=0.01)  # printed to two places
    text = _sheet_text(ws)
    assert (note in text) if note else "按目标表所列分值" not in text


def test_a_qualitative_check_in_between_two_reviews_awaits_on_the_slides_as_on_the_page(tmp_path):
    """A qualitative indicator reviewed each half-year (部分达成 in June): 年末预测 says 待下次测评, and
    so do the slides (they said —)."""
    from analytics.cli.main import main
    from analytics.present.forecast_table import forecast_rows
    from analytics.reports.context import likelihood_levels
    from analytics.storage.store import Store

    table = tmp_path / "t.txt"
    table.write_text("项目名称\t培训项目\n一级指标\t二级指标\t三级指标\t2025年目标值\t2026年目标值\n"
                     "产出指标\t数量指标\t培训人次\t≥5000人次\t≥6000人次\n"
                     "效益指标\t可持续影响指标\t培训制度体系\t逐步完善\t进一步完善\n", encoding="utf-8")
    assert main(["new-project", str(table), "--store", str(tmp_path / "s"), "--id", "p"]) == 0
    rows = ["indicator_id,period,value"] + [f"t01,{y}-{m:02d},{500 * m}" for y in (2025, 2026) for m in range(1, 13)
                                            if (y, m) <= (2026, 10)]
    rows += ["t02,2025-06,部分达成", "t02,2025-12,达成", "t02,2026-06,部分达成"]
    (tmp_path / "a.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["import", str(tmp_path / "a.csv"), "--store", str(tmp_path / "s"), "--project", "p"]) == 0
    ds = Store(tmp_path / "s", create=False).with_project("p").load_dataset()
    ctx = report.build_context(ds, (2026, 10))
    from analytics.forecast.outlook import forecast_all

    prog = {r.indicator_id: r for r in ds.progress(2026, (2026, 10))}
    page = {r.id: r for r in forecast_rows(ds, forecast_all(ds, 2026, (2026, 10)), prog, "zh")}
    assert page["t02"].level == "待下次测评"
    assert "最近6月：部分达成" in page["t02"].reason.replace(" ", "") and "0.5" not in page["t02"].reason  # the word, not its code
    assert likelihood_levels(ctx, ds.project.indicator("t02"))[1] == "待下次测评"


def test_a_slide_table_whose_rows_wrap_more_than_planned_stays_on_the_slide():
    """Nine rows whose numbers with long units squeeze the names onto two lines ran 0.5 in past
    the bottom of a 7.5 in slide (the last row cut, the footnote over the rows): the table's type
    gets smaller instead, never under 12 pt; typed ``>=`` reads ``≥``."""
    from analytics.present.format import fmt_target
    from analytics.reports.deck import LAST_RESORT_PT, _table_layout
    from analytics.reports.slides import Slide

    row = ["贫困地区旅游基础设施建设工程建设成本", "≤3000元/平方米", "3,000元/平方米", "● 正常", "3,000元/平方米", "有风险"]
    s = Slide("goal:1:2", "全部指标（2/2）", columns=["指标", "年度目标", "1-8月", "状态", "全年预计", "完成可能性"], table=[row] * 9,
              row_status=["on_track"] * 9)
    size, widths, heights = _table_layout(s, 12.3, 5.4)
    assert sum(heights) <= 5.4 and size >= LAST_RESORT_PT and abs(sum(widths) - 12.3) < 1e-6
    assert fmt_target(">=6万元", "万元") == "≥6万元" and fmt_target("<=475", "元/亩") == "≤475元/亩"


def test_an_english_slide_table_never_cuts_a_word_of_its_headings():
    """The English budget slide, its table beside the chart, printed ``Budge|t`` and ``Uns|pent`` (the
    columns scaled down alike), the indicators slide ``Likeliho|od`` (a heading taken as two half
    lines): a heading's word is never cut — the names give way first, onto more lines."""
    from analytics.reports.deck import _table_layout
    from analytics.reports.slides import Slide

    budget = Slide("budget", "Budget execution and scenario", columns=["Source", "Budget", "Spent", "Rate", "Year-end", "Unspent"],
                   table=[["Fiscal appropriation", "35.00", "31.50", "90.0%", "100.0%", "0.00"],
                          ["Other funds", "0.00", "0.00", "—", "—", "0.00"]])
    goals = Slide("goal:0", "All indicators", columns=["Indicator", "Target", "Jan–Dec", "Status", "Year value", "Likelihood"],
                  table=[["截至2026年12月底,项目开展率", "≥100%", "80.0%", "■ Lagging", "88.0%", "At risk"]] * 4,
                  row_status=["lagging"] * 4)
    for s, table_w in ((budget, 8.7), (goals, 12.33)):
        size, widths, _heights = _table_layout(s, table_w, 4.5)
        em = size / 72 * 1.2
        for head, w in zip(s.columns, widths):  # a bold Latin letter about 0.6 em wide: 1.2 half-em units
            word = max(len(part) for part in head.replace("-", "- ").split())
            assert word * 1.2 / 2 * em <= w - 0.15, (s.key, head, w)
        assert abs(sum(widths) - table_w) < 1e-6


def test_a_forms_target_carries_the_unit_the_table_kept_in_its_own_column(dataset):
    """受益农户数 | 户 | ≥6800 printed ``≥6800`` beside actuals in 户; a unit in brackets after the
    name (…（万人）) stays as the table wrote the target."""
    import dataclasses

    from analytics.reports.sheet import form_target

    prog = {r.indicator_id: r for r in dataset.progress(2024, (2024, 8))}
    ind, row = dataset.project.indicator("mass_incidents"), prog["mass_incidents"]
    assert form_target(ind, row, "zh") == "≤0件"
    farms = dataclasses.replace(ind, name_raw="受益农户数", unit="户", direction="higher")
    assert form_target(farms, dataclasses.replace(row, target_raw="≥6800", comparator=">="), "zh") == "≥6800户"
    jobs = dataset.project.indicator("new_urban_jobs")
    assert form_target(jobs, prog["new_urban_jobs"], "zh") == "12.4"  # 城镇新增就业人员规模（万人）: as written


def test_an_english_form_names_levels_targets_and_units_in_english(dataset):
    """The English forms kept 产出指标 / 数量指标, a yes/no target 是 (an indicator named …（是/否）), and
    numbers such as ``12.80 10k yuan`` or ``1 incidents``: the levels, the target and the units read in
    English, a 10k unit in brackets (``12.80 (10k yuan)``) and a count of one in the singular (a number
    format section of its own)."""
    ctx_en = report.build_context(dataset, (2024, 8), lang="en")
    wb = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx_en)))
    for ws in wb.worksheets:
        text = _sheet_text(ws)
        assert "产出指标" not in text and "数量指标" not in text and "Outputs" in text and "Quantity" in text
        cells = {(c.row, c.column): c for row in ws.iter_rows() for c in row}
        platform = next(c for c in cells.values() if isinstance(c.value, str) and c.value.startswith("建成统一的就业信息平台"))
        assert cells[(platform.row, platform.column + 1)].value == "Yes", ws.title
        formats = {c.number_format for c in cells.values() if isinstance(c.value, (int, float))}
        assert any('" (10k ' in fmt for fmt in formats) and not any('0" 10k' in fmt for fmt in formats)
    monitoring = wb["Monitoring"]
    formats = {c.number_format for row in monitoring.iter_rows() for c in row if isinstance(c.value, (int, float))}
    assert any(fmt.startswith("[=1]") and '" person";' in fmt for fmt in formats), formats


def test_english_forms_slides_and_report_say_targets_in_words_in_english(tmp_path):
    """The English 监控表, 自评表, deck and written report kept 进一步完善 and 有效提升 in Chinese: they read
    as the phrase lexicon puts them (Further refined), and wording it does not cover as written, said so."""
    from analytics.cli.main import main
    from analytics.reports.written import blocks
    from analytics.storage.store import Store

    table = tmp_path / "t.txt"
    table.write_text("项目名称\t培训项目\n一级指标\t二级指标\t三级指标\t2026年目标值\n"
                     "产出指标\t数量指标\t培训人次\t≥6000人次\n"
                     "效益指标\t可持续影响指标\t培训制度体系\t进一步完善\n"
                     "效益指标\t社会效益指标\t服务质量\t有效提升\n"
                     "效益指标\t社会效益指标\t群众获得感\t惠及更多群众\n", encoding="utf-8")
    assert main(["new-project", str(table), "--store", str(tmp_path / "s"), "--id", "p"]) == 0
    (tmp_path / "a.csv").write_text("indicator_id,period,value\n" + "".join(f"t01,2026-{m:02d},{500 * m}\n" for m in range(1, 7))
                                    + "t02,2026-06,部分达成\nt03,2026-06,达成\nt04,2026-06,达成\n", encoding="utf-8")
    assert main(["import", str(tmp_path / "a.csv"), "--store", str(tmp_path / "s"), "--project", "p"]) == 0
    ds = Store(tmp_path / "s", create=False).with_project("p").load_dataset()
    said = {"Further refined", "Effectively improved", "惠及更多群众 (as written)"}
    en, zh = report.build_context(ds, (2026, 6), lang="en"), report.build_context(ds, (2026, 6))
    for form in ("monitoring", "self-eval"):
        cells = set(_sheet_text(openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(en, form))).active).splitlines())
        assert said <= cells, form
        assert {"进一步完善", "有效提升", "惠及更多群众"} <= set(_sheet_text(openpyxl.load_workbook(
            io.BytesIO(report.xlsx_bytes(zh, form))).active).splitlines()), form
    deck = Presentation(io.BytesIO(report.pptx_bytes(en)))
    texts = {c.text for s in deck.slides for sh in s.shapes if sh.has_table for r in sh.table.rows for c in r.cells}
    assert said <= texts
    assert any("(target: Effectively improved)" in b.text for b in blocks(en))


def test_as_of_december_with_spending_to_october_the_budget_slide_projects_the_year_end(december_dataset):
    """As of December with the spending to October, the budget slide labelled October's 80.0% 年末执行率
    and said 2025-12 达到年度执行目标 of the projection, under no scenario. Until December's spending
    is in it shows the execution to date, the projected year-end and its scenario, and says why."""
    budget = next(s for s in report.slides(report.build_context(december_dataset("october"), (2025, 12))) if s.key == "budget")
    labels = [m.label for m in budget.metrics]
    assert labels[0] == "累计执行率" and budget.metrics[0].value == "80.0%" and "年末执行率" not in labels
    assert "年末预计执行率" in labels and budget.columns[4] == "年末预计"
    assert budget.bullets[0] == "12月支出尚未报送（支出数据截至2025年10月），年末执行率为预计值。"
    assert any(b.startswith("情景：") for b in budget.bullets) and "预计2025年12月达到年度执行目标。" in budget.bullets
    english = next(s for s in report.slides(report.build_context(december_dataset("october"), (2025, 12), lang="en"))
                   if s.key == "budget")  # the month as the pages write it (2025-12 on the slide before)
    assert "The year's target is reached in Dec 2025." in english.bullets, english.bullets
    closed = next(s for s in report.slides(report.build_context(december_dataset("december"), (2025, 12))) if s.key == "budget")
    assert [m.label for m in closed.metrics][0] == "年末执行率" and closed.metrics[0].value == "95.0%"
    assert not any("尚未报送" in b or b.startswith("情景：") for b in closed.bullets)
    assert any(b.startswith("全年未达到 100% 的执行目标") for b in closed.bullets)


def test_the_self_evaluation_total_reads_alike_on_the_slides_the_report_and_the_form(ctx):
    """The overview slide wrote the 绩效自评 total to one decimal (94.9 beside the 自评表's 94.95, and
    90.0 beside 良 for 89.96): every output writes it as the form prints it, two decimals."""
    from analytics.present.score_text import total_said
    from analytics.reports.written import docx_bytes

    said = total_said(ctx.score.total, "zh")
    assert said == f"{ctx.score.total:.2f}"
    overview = next(s for s in report.slides(ctx) if s.key == "overview")
    assert said in repr(overview), repr(overview)
    import docx
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(docx_bytes(ctx, with_charts=False))).paragraphs)
    assert f"得分{said}分" in text
    assert total_said(89.96) == "89.96" and total_said(None) == "—"


def _unfunded_with_spending(tmp_path):
    """A target list that states no funding (2025), two rates reported monthly, and spending
    entered by source all the same (地方资金, 2024 and 2025): its money spent is known, its
    budget is not."""
    from analytics.ingest.tables import parse_table
    from analytics.storage.dataset import load_dataset
    from analytics.storage.project_files import write_folder

    src = tmp_path / "list.txt"
    src.write_text("1.适龄儿童国家免疫规划疫苗接种率≥90%\n2.孕产妇系统服务率≥90%\n", encoding="utf-8")
    write_folder(parse_table(src, year=2025).to_json(), tmp_path / "p")
    a = tmp_path / "a.csv"
    a.write_text("indicator_id,period,value,basis\n" + "".join(f"t0{k},2025-{m:02d},{88 + k + m / 10},level\n"
                                                              for k in (1, 2) for m in range(1, 13)), encoding="utf-8")
    b = tmp_path / "b.csv"
    b.write_text("period,source,amount,basis\n" + "".join(f"{y}-{m:02d},地方资金,{1.5 if y == 2024 else 1.0},month\n"
                                                         for y in (2024, 2025) for m in range(1, 13)), encoding="utf-8")
    return load_dataset(tmp_path / "p", a, b)


def test_the_deck_of_a_project_with_spending_but_no_funding_is_written(tmp_path, charts):
    """Spending entered for a project whose table states no funding has no execution rate to
    draw: the deck leaves the execution chart out (its empty chart failed the whole export:
    “Vega-Lite to PNG conversion failed: SVG has an invalid size”)."""
    ctx = report.build_context(_unfunded_with_spending(tmp_path), (2025, 12))
    assert "budget_execution" not in report.chart_names(ctx)
    Presentation(io.BytesIO(report.pptx_bytes(ctx, report.deck_chart_png(ctx, charts))))
    import docx

    written = "\n".join(p.text for p in docx.Document(io.BytesIO(report.docx_bytes(ctx, charts))).paragraphs)
    assert "图表未能生成" not in written  # the written report drew no failed chart either


def test_spending_without_funding_is_said_as_spent_against_no_budget(tmp_path):
    """Spending entered for a project whose table states no funding: the forms give what was
    spent and — for the budget and every rate (the total budget read 0.00 beside 36.20 spent),
    the budget slide says why there is no execution rate instead of a projection against no
    budget (a source row by its key, ``local``, at 0.0%), and so does the written report."""
    from analytics.reports.written import blocks

    ctx = report.build_context(_unfunded_with_spending(tmp_path), (2025, 12))
    ws = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx, "monitoring"))).active
    r = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "年度资金总额")
    cells = [ws.cell(r, c).value for c in range(2, ws.max_column + 1) if ws.cell(r, c).value is not None]
    assert 12.0 in cells and 0 not in cells and 0.0 not in cells, cells  # 2025's 12万元 spent; no 0.00 budget
    ws = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx, "self-eval"))).active
    r = _row_of(ws, "年度资金总额", 2)
    assert [ws.cell(r, c).value for c in range(3, 5)] == ["—", "—"], [ws.cell(r, c).value for c in range(1, 9)]
    budget = next(s for s in report.slides(ctx) if s.key == "budget")
    assert not budget.table and any("没有写明项目资金" in b and "万元" in b for b in budget.bullets), (budget.table, budget.bullets)
    assert any("没有写明项目资金" in b.text for b in blocks(ctx))


def test_spending_before_the_first_year_of_a_project_without_funding_is_not_its_own(tmp_path):
    """A project whose table states no funding (2025) counts its spending from its first January,
    as one with funding does: the forms' 累计执行数（2025年1月起） gave 30万元, 2024's 18万元 with it."""
    ds = _unfunded_with_spending(tmp_path)
    assert ds.project.execution_start == (2025, 1)
    ctx = report.build_context(ds, (2025, 12))
    ws = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx, "monitoring"))).active
    r = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "年度资金总额")
    cells = [ws.cell(r, c).value for c in range(2, ws.max_column + 1)]
    assert 30 not in cells and cells.count(12) == 2, cells  # the year's and the cumulative spending


def test_a_check_in_that_decides_the_year_is_its_year_end_on_forms_and_slides(tmp_path):
    """同心 设施农业技术培训's worded targets (提高, 增加) with December's check-ins: 年末预测 gives
    达成 / 未达成 as their year-end, but the monitoring form's 全年预计完成情况 and the slides' 全年值
    said — beside the 12月 check-in they printed."""
    from analytics.ingest.tables import parse_table
    from analytics.storage.dataset import load_dataset
    from analytics.storage.project_files import write_folder

    src = ROOT / "tests" / "tables" / "heldout17" / "tongxin_sheshi_peixun_2025.txt"
    write_folder(parse_table(src).to_json(), tmp_path / "p")
    a = tmp_path / "a.csv"
    a.write_text("indicator_id,period,value\nt06,2025-06,部分达成\nt06,2025-12,达成\nt07,2025-06,部分达成\nt07,2025-12,未达成\n",
                 encoding="utf-8")
    ctx = report.build_context(load_dataset(tmp_path / "p", a), (2025, 12))
    names = {ctx.project.indicator(i).display_name("zh"): i for i in ("t06", "t07")}
    ws = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx, "monitoring"))).active
    heads = _headers(ws)
    col = next(c for c in range(1, ws.max_column + 1) if str(ws.cell(4, c).value or ws.cell(3, c).value).startswith("全年预计"))
    form = {ws.cell(r, 3).value: ws.cell(r, col).value for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value in names}
    assert form == {n: {"t06": "达成", "t07": "未达成"}[i] for n, i in names.items()}, (heads, form)
    deck = report.slides(ctx)
    rows = {r[0]: r for s in deck if s.key.startswith("goal:") for r in s.table if r[0] in names}
    assert {n: rows[n][4] for n in names} == {n: {"t06": "达成", "t07": "未达成"}[i] for n, i in names.items()}, rows
    missed = next(s for s in deck if s.key == "risks")
    assert any(r[0] in names and r[2] == "未达成" for r in missed.table), missed.table
