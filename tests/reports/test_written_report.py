"""The written 绩效运行监控报告 (.docx, analytics/reports/written.py): its sections, its numbers
against the official forms (cell by cell for the indicator rows and the budget figures), the
CLI, English, and — when LibreOffice is installed — the rendered PDF."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from analytics.present.format import fmt_pct, fmt_value
from analytics.reports import report
from analytics.reports.sheet import load_forms
from analytics.reports.written import blocks, budget_table, docx_bytes, format_cell, indicator_table

docx = pytest.importorskip("docx")

ROOT = Path(__file__).resolve().parents[2]
ACTIONS = [
    {"goal": 1, "indicator_id": "vocational_training", "cause_category": "经费保障", "cause_text": "补贴资金拨付滞后",
     "measure_text": "9月底前完成第三批补贴拨付"},
]


@pytest.fixture(scope="module")
def ctx(dataset):
    return report.build_context(dataset, (2024, 8), actions=ACTIONS)


@pytest.fixture(scope="module")
def document(ctx):
    return docx.Document(io.BytesIO(docx_bytes(ctx, with_charts=False)))


@pytest.fixture(scope="module")
def monitoring(ctx):
    return openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(ctx, "monitoring"))).active


def _table_rows(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def _full_text(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def test_sections_in_order(document, ctx):
    text = _full_text(document)
    heads = ["一、总体进展情况", "二、各项目标进展情况", "三、预算执行情况", "四、偏差分析及纠偏措施", "五、超额完成情况", "六、数据说明", "附表"]
    pos = [text.index(h) for h in heads]
    assert pos == sorted(pos)
    assert "2024年度绩效运行监控报告" in text and "示例数据" in text
    for g in ctx.project.goals:
        assert f"目标{g.id}：{g.name}" in text
    # the cover names the departments as the target table gives them
    cover = _table_rows(document.tables[0])
    assert ["实施单位", "东莞市人力资源社会保障局"] in cover and ["中央主管部门", "人力资源社会保障部"] in cover
    # causes and measures of the users; over-achievement asks for an explanation
    assert "补贴资金拨付滞后" in text and "9月底前完成第三批补贴拨付" in text
    assert "零工市场服务人次" in text.split("五、超额完成情况")[1] and "请说明偏差原因" in text
    # the data notes: sample data, stale months, the target table's inconsistencies only
    notes = text.split("六、数据说明")[1]
    assert "示例数据" in notes and "截至6月" in notes and "5.2 对 5.3" in notes and "，一致。" not in notes


def test_analyst_sentence(ctx, document, monitoring):
    """截至2024年8月，城镇新增就业… 8.50万人，完成年度目标的68.5%，高于…进度…个百分点 — the
    numbers are the form's."""
    row = ctx.row("new_urban_jobs")
    r = next(rr for rr in range(1, monitoring.max_row + 1) if monitoring.cell(rr, 3).value == "城镇新增就业人员规模（万人）")
    actual = fmt_value(monitoring.cell(r, 5).value, "万人")
    forecast = fmt_value(monitoring.cell(r, 6).value, "万人")
    sentence = next(p.text for p in document.paragraphs if "城镇新增就业人员规模：" in p.text)
    assert f"截至2024年8月累计完成{actual}" in sentence and actual == "8.50万人"
    assert f"完成年度目标（12.4万人）的{fmt_pct(100 * row.actual / row.target)}" in sentence
    assert "个百分点" in sentence and f"预计全年完成{forecast}" in sentence


def test_a_two_year_total_is_measured_against_its_own_target_not_the_years(document):
    """补贴性职业技能培训两年合计 (30万人次 over 2023–2024) was said “完成年度目标（30万人次）的77.4%”
    and “预计全年完成”: it is the 2023—2024 total target and the total by the end of 2024."""
    sentence = next(p.text for p in document.paragraphs if "补贴性职业技能培训两年合计：" in p.text)
    assert "完成2023—2024年合计目标（30万人次）的" in sentence and "预计至2024年末合计完成" in sentence
    assert "年度目标" not in sentence and "全年" not in sentence
    plain = next(p.text for p in document.paragraphs if "城镇新增就业人员规模：" in p.text)
    assert "完成年度目标（12.4万人）" in plain and "预计全年完成" in plain


def test_indicator_table_matches_the_form_cell_by_cell(ctx, document, monitoring):
    cfg = load_forms()["monitoring"]
    keys = [str(c["key"]) for c in cfg["columns"]]
    col = {k: keys.index(k) + 1 for k in ("name", "target", "actual", "forecast", "remark")}
    marks = {k.split(":", 1)[1]: keys.index(k) + 1 for k in keys if k.startswith("likelihood:")}
    table = next(tb for tb in document.tables if tb.rows[0].cells[0].text == "序号")
    rows = _table_rows(table)
    assert rows == indicator_table(ctx)  # the document holds exactly the table built from the context
    by_name = {monitoring.cell(r, col["name"]).value: r for r in range(1, monitoring.max_row + 1)}
    inds = {(i.name_raw.strip() or i.name): i for i in ctx.project.indicators}
    assert len(rows) - 1 == sum(1 for i in ctx.project.indicators if i.origin == "table")
    for cells in rows[1:]:
        _no, name, target, actual, forecast, level, remark = cells
        r = by_name[name]
        ind = inds[name]
        assert target == str(monitoring.cell(r, col["target"]).value)
        assert actual == format_cell(ind, "actual", monitoring.cell(r, col["actual"]).value, "zh")
        assert forecast == format_cell(ind, "forecast", monitoring.cell(r, col["forecast"]).value, "zh")
        ticked = [lv for lv, c in marks.items() if monitoring.cell(r, c).value == "√"]
        assert level == (ticked[0] if ticked else "—")
        assert remark == (monitoring.cell(r, col["remark"]).value or "")


def test_budget_table_matches_the_form_cell_by_cell(ctx, document, monitoring):
    cfg = load_forms()["monitoring"]
    bkeys = [str(c["key"]) for c in cfg["budget_columns"]]
    table = next(tb for tb in document.tables if tb.rows[0].cells[0].text == "资金来源")
    rows = _table_rows(table)
    assert rows == budget_table(ctx)
    head = next(r for r in range(1, monitoring.max_row + 1) if monitoring.cell(r, 1).value == "资金来源")
    assert rows[0] == [monitoring.cell(head, c).value for c in range(1, len(bkeys) + 1)]
    for i, cells in enumerate(rows[1:], start=1):
        for j, key in enumerate(bkeys, start=1):
            v = monitoring.cell(head + i, j).value
            if key == "source":
                assert cells[j - 1] == v
            elif key in ("rate", "projected_rate", "cum_rate", "projected_cum_rate"):
                assert cells[j - 1] == ("—" if v in (None, "—") else fmt_pct(100 * v, decimals=2))
            else:
                assert cells[j - 1] == ("—" if v in (None, "—") else fmt_value(v, "", decimals=2))
    # and the sentences use the same figures
    text = _full_text(document)
    total = rows[1]
    assert f"2024年度项目全年预算数{total[1]}万元" in text and f"本年执行{total[2]}万元，执行率{total[3]}" in text
    assert f"累计执行{total[6]}万元" in text


def test_score_matches_the_self_evaluation(ctx, document):
    text = _full_text(document)
    assert f"预计得分{ctx.score.total:.2f}分" in text
    table = next(tb for tb in document.tables if tb.rows[0].cells[0].text == "评分部分")
    assert _table_rows(table)[-1][-1] == f"{ctx.score.total:.2f}"


def test_english(dataset):
    ctx_en = report.build_context(dataset, (2024, 8), lang="en")
    kinds = [b.kind for b in blocks(ctx_en)]
    assert kinds[0] == "title" and "figure" in kinds
    d = docx.Document(io.BytesIO(docx_bytes(ctx_en, with_charts=False)))
    text = _full_text(d)
    assert "Performance monitoring report, 2024" in text and "1. Overall progress" in text and "3. Budget execution" in text


def test_the_title_puts_the_project_and_the_report_on_two_lines(ctx, dataset):
    """业务装备经费Performance monitoring report: the line break between the project's name and the
    report's name was lost (its run emptied), running the two together in both languages."""
    for c in (ctx, report.build_context(dataset, (2024, 8), lang="en")):
        d = docx.Document(io.BytesIO(docx_bytes(c, with_charts=False)))
        name, _, title = d.paragraphs[0].text.partition("\n")
        assert name in (c.project.name, c.project.name_en) and title.startswith(("2024年度", "Performance monitoring report"))
        assert d.core_properties.title == f"{name} {title}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_closed_year_is_reported_as_outcomes(dataset, lang):
    # 2023 seen from August 2024: what was met and missed, the year-end execution and the points
    # scored — no "预计全年完成", no likelihood of a year already over, no pace for months gone
    ctx23 = report.build_context(dataset, (2024, 8), year=2023, lang=lang)
    doc = docx.Document(io.BytesIO(docx_bytes(ctx23, with_charts=False)))
    full = _full_text(doc)
    if lang == "zh":
        assert "本年度已结束：达到年度目标" in full and "未达到2项" in full and "截至2023年12月累计完成" in full
        assert "全年完成2.40万人次，未达到年度目标" in full
        assert "预计全年完成" not in full and "按年末预测" not in full
        assert "个月需月均完成" not in full.split("四、")[1].split("五、")[0]  # no pace for months gone
        assert "本年度已结束，以下" in full and "12月数据已出的指标，全年值为实际值" in full
    else:
        assert "The year is over: " in full and "target missed" in full and "year-end forecast is" not in full


def test_charts_are_pictures(ctx):
    d = docx.Document(io.BytesIO(docx_bytes(ctx)))
    assert len(d.inline_shapes) == 3  # status counts, goal scores, budget execution


def test_cli_writes_docx(tmp_path):
    out = tmp_path / "报告.docx"
    res = subprocess.run([sys.executable, "-m", "analytics", "report", "--out", str(out), "--as-of", "2024-08"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert '"kind": "docx"' in res.stdout
    assert "三、预算执行情况" in _full_text(docx.Document(str(out)))


@pytest.mark.slow
def test_rendered_pdf(ctx, tmp_path):
    """LibreOffice renders the report: more than one page, and the key sentences are in the PDF."""
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) or pdftotext is not installed: apt-get install libreoffice-writer-nogui poppler-utils")
    sys.path.insert(0, str(ROOT / "bench"))
    from render_documents import pdf_text, to_pdf

    src = tmp_path / "report.docx"
    src.write_bytes(docx_bytes(ctx))
    pdf = to_pdf(src, tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages > 1
    flat = "".join(pdf_text(pdf).split())
    total = budget_table(ctx)[1]
    for key in ("2024年度绩效运行监控报告", "一、总体进展情况", "三、预算执行情况", "城镇新增就业人员规模：截至2024年8月累计完成8.50万人",
                f"全年预算数{total[1]}万元", "六、数据说明"):
        assert key in flat, key


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_tables_own_department_labels_are_named_on_the_cover_and_both_forms(ctx, lang):
    """A project read from a table keeps its departments under the table's labels (主管部门,
    项目实施单位): the cover names each once, with no empty row, and both forms' header line too."""
    import dataclasses

    deps = {"主管部门": "池州市贵池区棠溪镇人民政府", "项目实施单位：": "棠溪镇财政所", "填报单位": ""}
    project = dataclasses.replace(ctx.project, departments=deps)
    other = dataclasses.replace(ctx, ds=dataclasses.replace(ctx.ds, project=project), lang=lang)
    cover = _table_rows(docx.Document(io.BytesIO(docx_bytes(other, with_charts=False))).tables[0])
    want = [["主管部门", "池州市贵池区棠溪镇人民政府"], ["项目实施单位", "棠溪镇财政所"]] if lang == "zh" else \
        [["Department in charge", "池州市贵池区棠溪镇人民政府"], ["Implementing unit", "棠溪镇财政所"]]
    assert all(row in cover for row in want) and not any(row == ["", ""] or row[0] == "填报单位" for row in cover)
    for form in ("monitoring", "self-eval"):
        line = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(other, form))).active["A2"].value
        assert all(f"{label}{'：' if lang == 'zh' else ': '}{name}" in line for label, name in want), line


def test_a_missing_cause_says_where_it_is_entered(dataset):
    """Causes and measures are entered on 指标详情 (its 偏差原因与改进措施), not on 数据管理."""
    plain = report.build_context(dataset, (2024, 8))  # no causes entered
    text = _full_text(docx.Document(io.BytesIO(docx_bytes(plain, with_charts=False))))
    assert "尚未填报" in text and "“指标详情”页该指标的“偏差原因与改进措施”" in text and "数据管理 → 偏差原因" not in text


def test_the_likelihood_sentence_counts_the_indicators_the_status_sentence_counts(document):
    """“纳入监控的48项…” then “确定能完成8项，有可能完成27项，完全不可能完成5项” (40: the goal-text
    indicators were left out of the second): both sentences count the same indicators."""
    import re

    text = _full_text(document)
    n = int(re.search(r"纳入监控的(\d+)项", text).group(1))
    m = re.search(r"预计确定能完成(\d+)项，有可能完成(\d+)项，完全不可能完成(\d+)项(?:，(\d+)项暂无法判断)?", text)
    assert m and sum(int(g) for g in m.groups() if g) == n == 48, m.group(0) if m else text[:400]


def test_the_indicator_tables_forecast_is_worked_out_as_the_text_above_it(ctx):
    """The report's sentence said 预计全年完成3.6次 and its table 4次 for the same forecast."""
    ind = ctx.project.indicator("mass_incidents")
    assert format_cell(ind, "forecast", 3.6, "zh") == "3.6件"
    assert format_cell(ind, "actual", 3.0, "zh") == "3件"



def test_execution_is_compared_with_the_time_gone_when_spending_was_last_reported(dataset):
    """As of October with spending to August: status said 序时进度 at October (83.3%) beside
    August's rate, the report's sentences 1—10月 and 83.3% beside the slides' and the 自评表's
    August 66.67%. One rule (Budget.data_month): August's everywhere."""
    from analytics.cli.progress import _budget_summary
    from analytics.reports.context import execution

    c = report.build_context(dataset, (2024, 10))
    assert c.spend_month == 8
    rate, tp, _target = execution(c)
    summary = _budget_summary(dataset, 2024, (2024, 10))
    assert summary["month"] == 8 and summary["time_progress"] == pytest.approx(tp)
    assert summary["execution_rate"] == pytest.approx(rate)
    text = "\n".join(b.text for b in blocks(c) if b.text)
    assert "1—8月执行" in text and "截至2024年8月，本年执行" in text and "截至8月的累计应达进度" in text
    assert "1—10月执行" not in text


def test_a_goals_score_reads_as_on_the_pages_in_the_report(ctx):
    """The report wrote a goal's score whole (63) where the pages and status said 62.5."""
    from analytics.present.format import fmt_score

    text = "\n".join(b.text for b in blocks(ctx) if b.text)
    said = re.findall(r"目标得分([0-9.]+)分", text)
    shown = [fmt_score(r.score) for r in ctx.rollups if r.score is not None]
    assert said and all(x in shown for x in said)
    assert "63.8" in said and "87.5" in said and "66.7" in said  # 63.75, 87.5, 66.67: never 64, 88, 67


@pytest.mark.parametrize("lang,said,not_said", [
    ("zh", "预算执行率因没有支出数据不计分，总分按其余部分折算为百分制", "预算执行率得分"),
    ("en", "budget execution left out (no spending data), the total rescaled to 100", "of which budget execution"),
])
def test_a_score_without_spending_says_execution_is_left_out(tmp_path, lang, said, not_said):
    """A project with figures but no spending: the 自评表 leaves 预算执行率 out (不计分) and rescales
    the total; the report's sentence said 其中预算执行率得分0.00分（满分10分） beside it."""
    from analytics.cli.main import main
    from analytics.storage.store import Store

    table = tmp_path / "t.txt"
    table.write_text("项目名称\t培训项目\n一级指标\t二级指标\t三级指标\t2024年目标值\n"
                     "产出指标\t数量指标\t培训人次\t≥6000人次\n", encoding="utf-8")
    assert main(["new-project", str(table), "--store", str(tmp_path / "s"), "--id", "p"]) == 0
    data = tmp_path / "a.csv"
    data.write_text("indicator_id,period,value,basis\n" + "".join(f"t01,2024-{m:02d},500,month\n" for m in range(1, 7)),
                    encoding="utf-8")
    assert main(["import", str(data), "--store", str(tmp_path / "s"), "--project", "p"]) == 0
    ds = Store(tmp_path / "s", create=False).with_project("p").load_dataset()
    text = _full_text(docx.Document(io.BytesIO(docx_bytes(report.build_context(ds, (2024, 6), lang=lang), with_charts=False))))
    assert said in text and not_said not in text


CAPPED_TABLE = """项目支出绩效目标表（2026年度）
项目名称\t实训项目
项目资金（万元）\t年度资金总额\t1000
\t其中：财政拨款\t1000
一级指标\t二级指标\t三级指标\t指标值
产出指标\t数量指标\t培训人次\t≥1200人次
成本指标\t经济成本指标\t项目总成本\t≤1000万元
满意度指标\t服务对象满意度指标\t学员满意度\t≥90%
"""


@pytest.fixture(scope="module")
def capped(tmp_path_factory):
    """96万元 a month to October of a 1000万元 budget: the projection is held at 1000万元 while
    项目总成本 (the same 96万元 a month) is forecast at 1152万元 against its ≤1000万元."""
    from analytics.cli.main import main
    from analytics.storage.store import Store

    d = tmp_path_factory.mktemp("capped")
    (d / "t.txt").write_text(CAPPED_TABLE, encoding="utf-8")
    (d / "a.csv").write_text("indicator_id,period,value,basis\n" + "".join(
        f"t01,2026-{m:02d},100,month\nt02,2026-{m:02d},96,month\n" for m in range(1, 11)), encoding="utf-8")
    (d / "b.csv").write_text("period,source,amount,basis\n" + "".join(f"2026-{m:02d},财政拨款,96,month\n" for m in range(1, 11)),
                             encoding="utf-8")
    assert main(["new-project", str(d / "t.txt"), "--store", str(d / "s"), "--id", "p"]) == 0
    for f in ("a.csv", "b.csv"):
        assert main(["import", str(d / f), "--store", str(d / "s"), "--project", "p"]) == 0
    return Store(d / "s", create=False).with_project("p").load_dataset()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_projection_held_at_the_budget_is_said_in_the_report_and_on_the_budget_slide(capped, lang):
    """预算情景 and ``scenario`` said the projected spending was capped at the budget; the written
    report and the budget slide showed 100% beside a cost forecast of 1152万元 over its ≤1000万元
    and said nothing. Both now say it in the scenario's own words."""
    from analytics.present.budget_text import warnings

    c = report.build_context(capped, (2026, 10), lang=lang)
    assert c.forecasts["t02"]["point"] == pytest.approx(1152) and c.scenario.year_end_spent == pytest.approx(1000)
    said = [s for s in warnings(c.scenario, lang, capped.project) if "432.84" in s]
    assert len(said) == 1
    section = [b.text for b in blocks(c)]
    start = section.index("三、预算执行情况" if lang == "zh" else "3. Budget execution")
    assert said[0] in section[start:section.index("四、偏差分析及纠偏措施" if lang == "zh" else "4. Deviations and corrective measures")]
    assert said[0] in next(s for s in report.slides(c) if s.key == "budget").bullets



def _budget_section(c) -> str:
    section = [b.text for b in blocks(c)]
    start = section.index("三、预算执行情况" if c.lang == "zh" else "3. Budget execution")
    return "\n".join(section[start:section.index("四、偏差分析及纠偏措施" if c.lang == "zh" else "4. Deviations and corrective measures")])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_as_of_december_with_spending_to_october_the_budget_is_projected_not_closed(december_dataset, lang):
    """As of December with the indicators' December in but the spending only to October, the budget
    section said 本年度已结束，年末累计执行率100.00% — the projection, not what was spent (800万元,
    80%). It is said to be a projection until December's spending is in."""
    c = report.build_context(december_dataset("october"), (2025, 12), lang=lang)
    assert c.year_over and not c.budget_over and c.spend_month == 10
    text = _budget_section(c)
    if lang == "zh":
        assert "本年度已结束" not in text and "年末累计执行率" not in text
        assert "年末预计累计执行率100.00%" in text and "12月支出尚未报送（支出数据截至2025年10月），以上为预计值" in text
        assert "截至2025年10月，本年执行800.00万元，执行率80.00%" in text
    else:
        assert "The year is over" not in text and "closed at" not in text
        assert "December's spending is not yet reported (it runs to Oct 2025), so the year-end is still projected" in text


def test_as_of_december_with_decembers_spending_in_the_budget_year_is_closed(december_dataset):
    """With December's spending in, the budget section says what the year's execution was."""
    c = report.build_context(december_dataset("december"), (2025, 12))
    assert c.budget_over and c.spend_month == 12
    text = _budget_section(c)
    assert "本年度已结束，年末累计执行率95.00%，距年度累计执行率目标100%差5.00个百分点" in text
    assert "尚未报送" not in text and "年末预计" not in text


def test_the_budget_columns_name_the_month_spending_runs_to(december_dataset):
    """As of December with the spending to October, the monitoring form's budget block and the
    written report's budget table titled October's 800万元 1-12月执行数 (as if the year's); the
    indicator columns keep the report's month."""
    c = report.build_context(december_dataset("october"), (2025, 12))
    ws = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(c, "monitoring"))).active
    cells = [str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    assert "1-10月执行数" in cells and "1-12月执行数" not in cells and "1-12月执行情况" in cells
    head = budget_table(c)[0]
    assert "1-10月执行数" in head and "1-12月执行数" not in head
    en = budget_table(report.build_context(december_dataset("october"), (2025, 12), lang="en"))[0]
    assert "Spent Jan–Oct" in en


def test_a_short_table_is_kept_on_one_page(document):
    """The score table (表3, six rows) broke over a page, its first row alone under its caption: a
    table of up to 15 rows keeps each row with the next (keep-with-next on every paragraph but the
    last row's), so it moves whole; a long table (the indicators of a 40-row project) may break."""
    def kept(row) -> bool:
        return all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)

    short = [t for t in document.tables if len(t.rows) <= 15]
    long = [t for t in document.tables if len(t.rows) > 15]
    assert short and long
    for table in short:
        assert all(kept(row) for row in table.rows[:-1]) and not kept(table.rows[-1]), _table_rows(table)[0]
    assert not any(kept(row) for table in long for row in table.rows)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_year_with_no_spending_reported_is_said_to_have_none(december_dataset, lang):
    """As of December with none of the year's spending reported, the budget table and the
    monitoring form titled its 0 万元 1-12月执行数, the written report said 1—12月执行0.00万元 and
    截至2025年12月，本年执行0.00万元, and the note under the projection 支出数据截至2025年12月. They
    say there is no spending reported this year."""
    c = report.build_context(december_dataset("none"), (2025, 12), lang=lang)
    assert c.spend_month == 0 and c.budget_pending
    head = budget_table(c)[0]
    text = _budget_section(c) + "\n".join(b.text for b in blocks(c))
    slide = "\n".join(next(s for s in report.slides(c) if s.key == "budget").bullets)
    if lang == "zh":
        assert "执行数（本年尚无支出）" in head and "1-12月执行数" not in head
        ws = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(c, "monitoring"))).active
        cells = [str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None]
        assert "执行数（本年尚无支出）" in cells and "1-12月执行数" not in cells
        assert "2025年尚无支出数据（未报送，不按 0 计）" in text
        assert "1—12月执行" not in text and "截至2025年12月，本年执行" not in text and "支出数据截至2025年12月" not in text
        assert "2025年尚无支出数据：不按其他年度的支出推算年末执行率。" in slide  # no year-end projected from nothing
    else:
        assert "Spent (none reported this year)" in head and "Spent Jan–Dec" not in head
        assert "No spending is reported for 2025 (not counted as 0)" in text and "spent from January to Dec," not in text and "was spent from January to Dec;" not in text and "it runs to Dec 2025" not in text


@pytest.mark.parametrize("values, as_of, said, not_said", [
    ("否,否,否,否,否,否", (2025, 6), "截至2025年6月记录为“否”（年度目标：否），全年保持即达标", "尚未实现"),
    ("否,否,否,是,是,是", (2025, 6), "已记录为“是”（年度目标：否），本年已无法达标", "尚未实现"),
    ("否,否,否,否,否,否,否,否,否,否,否,否", (2025, 12), "全年记录为“否”，达到年度目标（否）", "已实现（年度目标：否）")])
def test_a_yes_no_whose_target_is_no_is_written_as_held_or_broken(tmp_path, values, as_of, said, not_said):
    """修水 水利专项's 已建工程是否存在质量问题 | 否, recorded 否 each month: the written report said
    “尚未实现，计划于12月底前完成” of a target met while it stays 否."""
    from analytics.ingest.tables import parse_table
    from analytics.storage.dataset import load_dataset
    from analytics.storage.project_files import write_folder

    src = ROOT / "tests" / "tables" / "generated" / "xiuyu_shuili_quyu_2025.xlsx"
    write_folder(parse_table(src).to_json(), tmp_path / "p")
    a = tmp_path / "a.csv"
    a.write_text("indicator_id,period,value\n" + "".join(f"t03,2025-{m:02d},{v}\n" for m, v in enumerate(values.split(","), 1)),
                 encoding="utf-8")
    ctx = report.build_context(load_dataset(tmp_path / "p", a), as_of)
    line = next(b.text for b in blocks(ctx) if "已建工程是否存在质量问题" in b.text and "：" in b.text)
    assert said in line and not_said not in line, line
