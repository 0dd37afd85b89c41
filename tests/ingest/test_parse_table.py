"""parse-table: reading real target tables (the seed, the corpus in tests/tables/, layouts)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from analytics.core.values import normalize_text, parse_target
from analytics.ingest.tables import NoTable, TableReading, parse_table
from analytics.ingest.tables.cells import fits, read_value, split_name
from analytics.ingest.tables.layout import fill_levels
from analytics.ingest.tables.lexicon import load_lexicon
from tests.ingest.copies import read_copy, targets_read

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "tables" / "seed_dongguan.txt"
TABLES = ROOT / "tests" / "tables"
LEX = load_lexicon()


def _read(path: Path | str, **kw: object) -> dict:
    result = parse_table(path, **kw)  # type: ignore[arg-type]
    assert isinstance(result, TableReading), result
    return result.to_json()


# --- the seed against the hand-made reading --------------------------------------------------

#: Fields of indicators.csv that only a person could know, and why the reading may differ there.
ONLY_A_PERSON_KNOWS = {
    # 原表未写单位：a person chose 件; the reading infers 件 from 事件 too, but marks it for review.
    ("mass_incidents", "unit"): "件",
}


def _csv_rows() -> list[dict[str, str]]:
    with open(ROOT / "data" / "projects" / "dongguan" / "indicators.csv", encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if r["origin"] == "table"]


def test_seed_gives_the_hand_made_reading() -> None:
    data = _read(SEED)
    rows = _csv_rows()
    inds = data["indicators"]
    assert len(rows) == 40 and len(inds) == 40
    assert data["unread"] == []
    for want, got in zip(rows, inds):
        assert normalize_text(got["name_raw"]) == normalize_text(want["name_raw"])
        assert got["name"] == want["name"]
        assert (got["level1"], got["level2"]) == (want["level1"], want["level2"])
        assert got["unit"] == want["unit"], want["id"]
        assert got["kind"] == want["kind"], want["id"]
        assert got["direction"] == want["direction"], want["id"]
        for year, column in (("2023", "target_2023"), ("2024", "target_2024")):
            expected = parse_target(want[column], want["direction"])
            t = got["targets"][year]
            assert (t["comparator"], t["value"], t["no_value"]) == (
                expected.comparator, expected.value, expected.no_value), (want["id"], year)
        base = parse_target(want["actual_2022"], want["direction"])
        assert (got["baseline"]["2022"]["value"], got["baseline"]["2022"]["no_value"]) == (base.value, base.no_value)
    # the only field inferred with low confidence is the one a person had to decide
    low = {(rows[i]["id"], f) for i, ind in enumerate(inds) for f in ind["review"]}
    assert low == set(ONLY_A_PERSON_KNOWS)


def test_seed_project_facts() -> None:
    p = _read(SEED)["project"]
    assert p["name"] == "东莞市公共就业服务能力提升示范项目"
    assert p["years"] == [2023, 2024] and p["baseline_year"] == 2022
    assert p["funding"]["total"] == 103414.18
    assert [(s["key"], s["amount"]) for s in p["funding"]["sources"]] == [
        ("central", 10000.0), ("local", 87651.18), ("other", 5763.0)]
    assert p["departments"]["中央主管部门"] == "人力资源社会保障部"
    assert "东莞市人力资源社会保障局" in p["departments"]["地方主管部门"]
    assert p["overall_goal"].startswith("锚定高质量充分就业目标")


def test_facts_written_as_a_label_and_its_value_in_one_cell() -> None:
    from analytics.ingest.tables.facts import read_facts
    from analytics.ingest.tables.lexicon import load_lexicon

    rows = [["项目支出绩效目标表（2024年度）"], ["项目名称：乡村道路建设", "实施单位：某镇人民政府"],
            ["资金总额：120万元", "其中：中央资金：100万元"], ["年度目标：完成道路硬化5公里，改善群众出行条件"],
            ["备注：其中一项为示例"]]
    facts = read_facts(rows, load_lexicon())
    assert facts["name"] == "乡村道路建设" and facts["departments"] == {"实施单位": "某镇人民政府"}
    assert facts["funding"]["total"] == 120.0
    assert [(s["key"], s["amount"]) for s in facts["funding"]["sources"]] == [("central", 100.0)]
    assert facts["goals"] == [{"label": "年度目标", "text": "完成道路硬化5公里，改善群众出行条件"}]


def test_facts_in_a_header_row_over_the_indicator_table() -> None:
    # 整体支出绩效目标表: one header row names the unit, its money and its goal over the indicators,
    # their values in the first row below (not 单位名称 → 按收入性质分); 金额单位：万元 names no office
    text = ("整体支出绩效目标表\n金额单位:万元\n"
            "单位编码\t单位名称\t资金总额\t按收入性质分\t\t整体绩效目标\t一级指标\t二级指标\t三级指标\t指标值\t计量单位\n"
            "\t\t\t一般公共预算\t其他资金\t\t\t\t\t\t\n"
            "058003\t某市社会福利院\t1,752.48\t1,462.48\t290\t为全院283名服务对象提供良好的生活、学习环境\t产出指标\t数量指标\t开展开放日活动次数\t1\t次\n"
            "\t\t\t\t\t\t\t质量指标\t设施设备维修维护覆盖率\t90\t%\n")
    project = parse_table(text.encode("utf-8"), filename="zhengti.txt", year=2025).to_json()["project"]  # type: ignore[union-attr]
    assert project["name"] == "某市社会福利院" and project["funding"]["total"] == 1752.48
    assert project["departments"] == {} and "283名服务对象" in (project["overall_goal"] or "")


@pytest.mark.parametrize("cell, name, departments", [
    # several facts in one cell, as forms print them: a gap (two spaces, 　) or a new line between them
    ("项目名称：就业服务提升项目\u3000\u3000截至：2024年8月\u3000\u3000【示例】\n主管部门：市人社局\u3000\u3000实施单位：市就业中心",
     "就业服务提升项目", {"主管部门": "市人社局", "实施单位": "市就业中心"}),
    ("项目名称：农村公路养护工程    主管部门：某县交通运输局", "农村公路养护工程", {"主管部门": "某县交通运输局"}),
    # a name wrapped onto a next line is one name
    ("项目名称：某某县高标准农田\n建设项目", "某某县高标准农田建设项目", {}),
    ("项目名称：某某县 高标准农田建设项目", "某某县 高标准农田建设项目", {}),
])
def test_facts_written_several_to_a_cell(cell: str, name: str, departments: dict[str, str]) -> None:
    from analytics.ingest.tables.facts import read_facts
    from analytics.ingest.tables.lexicon import load_lexicon

    facts = read_facts([["项目支出绩效目标表（2024年度）"], [cell]], load_lexicon())
    assert (facts["name"], facts["departments"]) == (name, departments)


def test_a_system_export_of_many_projects_is_one_form_a_project(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from analytics.ingest.tables import TableReading, parse_table
    wb = Workbook()
    ws = wb.active
    for row in [["2025年项目支出绩效目标"], ["项目名称", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
                ["就业补助资金", "产出指标", "数量指标", "职业培训补贴人数", "≥", 3000, "人"],
                [None, "效益指标", "社会效益指标", "城镇登记失业率", "≤", 4, "%"],
                ["创业担保贷款贴息", "产出指标", "数量指标", "发放创业担保贷款", "≥", 5000, "万元"],
                [None, "满意度指标", "服务对象满意度指标", "创业者满意度", "≥", 90, "%"],
                [None, "效益指标", "社会效益指标", "带动就业人数", "≥", 1500, "人"]]:
        ws.append(row)
    ws.merge_cells("A3:A4")
    ws.merge_cells("A5:A7")
    path = tmp_path / "export.xlsx"
    wb.save(path)
    whole = parse_table(path)
    assert isinstance(whole, TableReading)
    assert [(f["form"], f["name"], f["indicators"]) for f in whole.source["forms"]] == [
        (1, "就业补助资金", 2), (2, "创业担保贷款贴息", 3)]
    assert [i["form"] for i in whole.indicators] == [1, 1, 2, 2, 2]
    second = parse_table(path, form=2)
    assert isinstance(second, TableReading) and second.project["name"] == "创业担保贷款贴息"
    assert [(i["id"], i["name"], i["targets"]["2025"]["value"]) for i in second.indicators] == [
        ("t01", "发放创业担保贷款", 5000.0), ("t02", "创业者满意度", 90.0), ("t03", "带动就业人数", 1500.0)]
    one = tmp_path / "one.csv"  # a project column naming one project only: one form, as before
    one.write_text("项目名称,三级指标,指标值\n就业补助资金,培训人数,≥3000人\n就业补助资金,满意度,≥90%\n", encoding="utf-8")
    single = parse_table(one, year=2025)
    assert isinstance(single, TableReading) and "forms" not in single.source and len(single.indicators) == 2


def test_cli_parse_table_names_a_target_column_without_year() -> None:
    # a list naming no year anywhere: the table's target column says so and how to give one (not "?")
    src = ROOT / "tests" / "tables" / "heldout11" / "ewitkey_jibengongwei_quyu_2023.txt"  # 29 numbered lines, a date only
    out = subprocess.run([sys.executable, "-m", "analytics", "parse-table", str(src), "--format", "table"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    head = out.stdout.splitlines()[0]
    assert "目标（无年份：用 --year 指定）" in head and " ? " not in head + " "


def test_cli_parse_table_json_and_no_table(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "analytics", "parse-table", str(SEED)], capture_output=True,
                         text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert len(data["indicators"]) == 40 and data["indicators"][0]["inferred"]["kind"]["value"] == "flow"
    bad = tmp_path / "notes.txt"
    bad.write_text("会议纪要\n今天讨论了预算。\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "analytics", "parse-table", str(bad)], capture_output=True,
                         text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 1
    assert "notes.txt" in out.stderr and "三级指标" in out.stderr and "会议纪要" in out.stderr
    assert "Traceback" not in out.stderr
    assert "advice" not in data["source"] and "行列顺序" not in out.stderr  # the seed is read whole
    from tests.ingest.test_blocks import DISORDERED

    scrambled = tmp_path / "scrambled.txt"
    scrambled.write_text(DISORDERED, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "analytics", "parse-table", str(scrambled)], capture_output=True,
                         text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0 and json.loads(out.stdout)["source"]["advice"] == "text_disordered"
    assert "行列顺序很可能" in out.stderr  # said beside the unread rows


# --- layouts and cell forms (small tables written here) -----------------------------------------

def _text(tmp_path: Path, text: str, name: str = "t.txt", **kw: object) -> dict:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return _read(path, **kw)


def _ind(data: dict, name: str) -> dict:
    return next(i for i in data["indicators"] if i["name"] == name)


def test_multi_row_header_unit_column_and_span(tmp_path: Path) -> None:
    text = ("区域绩效目标表\n（2023年度）\n"
            "一级指标\t二级指标\t三级指标\t单位\t实施期目标\t年度指标值\t\n"
            "\t\t\t\t\t2023年\t2024年\n"
            "产出指标（50分）\t数量指标\t培训人数（万人）\t\t≥10\t4.5\t5.5\n"
            "\t\t职业指导\t人次\t\t≥280\t≥300\n"
            "\t质量指标\t培训合格率\t%\t\t≥95\t≥96\n")
    data = _text(tmp_path, text)
    cols = {c["header"]: (c["section"], c["key"]) for c in data["source"]["value_columns"]}
    assert cols["实施期目标"] == ("span", "span")
    a = _ind(data, "培训人数")
    assert a["level1"] == "产出指标" and a["unit"] == "万人" and a["span"]["value"] == 10
    assert a["targets"]["2024"]["value"] == 5.5
    b = _ind(data, "职业指导")
    assert b["unit"] == "人次" and b["targets"]["2023"]["comparator"] == ">=" and b["targets"]["2023"]["value"] == 280
    assert _ind(data, "培训合格率")["kind"] == "rate"


def test_title_year_full_width_ranges_caps_and_words(tmp_path: Path) -> None:
    text = ("项目支出绩效目标表（２０２２年度）\n"
            "一级指标|二级指标|三级指标|指标值\n"
            "|---|---|---|---|\n"
            "产出指标|数量指标|参训人员年龄|18—54周岁\n"
            "||安全责任事故|0\n"
            "||投诉办结率|１００％\n"
            "||人均成本|不超过500元\n"
            "|时效指标|完成时间|2022年12月底前完成\n"
            "效益指标|社会效益指标|就业帮扶效果|效果明显\n"
            "||服务能力|有效提升\n"
            "满意度指标|服务对象满意度指标|群众满意度|90%及以上\n")
    data = _text(tmp_path, text)
    assert data["source"]["year"] == 2022 and data["unread"] == []
    age = _ind(data, "参训人员年龄")["targets"]["2022"]
    assert (age["comparator"], age["low"], age["high"], age["unit"]) == ("between", 18, 54, "周岁")
    cap = _ind(data, "安全责任事故")
    assert cap["direction"] == "lower" and cap["targets"]["2022"]["comparator"] == "<="
    assert _ind(data, "投诉办结率")["direction"] == "higher"
    assert _ind(data, "投诉办结率")["targets"]["2022"]["value"] == 100
    cost = _ind(data, "人均成本")
    assert cost["direction"] == "lower" and cost["unit"] == "元"
    due = _ind(data, "完成时间")
    assert due["kind"] == "milestone" and due["targets"]["2022"]["due"] == "2022-12"
    for name in ("就业帮扶效果", "服务能力"):
        q = _ind(data, name)
        assert q["kind"] == "qualitative" and q["targets"]["2022"]["qualitative"] is True
        assert q["targets"]["2022"]["value"] is None and q["unit"] == ""
    sat = _ind(data, "群众满意度")
    assert (sat["kind"], sat["direction"], sat["targets"]["2022"]["comparator"]) == ("rate", "higher", ">=")


def test_target_and_actual_columns_and_year_argument(tmp_path: Path) -> None:
    text = ("三级指标,目标值,完成值\n培训人次,≥280人次,300人次\n是否按期验收,是,是\n失业率,≤5%,4.2%\n")
    data = _text(tmp_path, text, "t.csv", year=2024)
    t = _ind(data, "培训人次")
    assert t["targets"]["2024"]["value"] == 280 and t["actuals"]["2024"]["value"] == 300
    assert _ind(data, "是否按期验收")["kind"] == "milestone"
    u = _ind(data, "失业率")
    assert (u["kind"], u["direction"], u["unit"]) == ("rate", "lower", "%")


def test_an_actual_of_a_year_before_the_titles_is_the_baseline(tmp_path: Path) -> None:
    # 2022年实际完成值 beside 指标值 under a 2023 title: last year's figure, never this project's actual
    text = ("某某项目2023年度绩效目标表\n一级指标\t二级指标\t三级指标\t2022年实际完成值\t指标值\n"
            "产出指标\t数量指标\t培训人数\t1200人\t≥1500人\n产出指标\t质量指标\t合格率\t92%\t≥95%\n")
    data = _text(tmp_path, text, "t.tsv")
    assert data["project"]["years"] == [2023] and data["project"]["baseline_year"] == 2022
    t = _ind(data, "培训人数")
    assert t["baseline"]["2022"]["value"] == 1200 and t["actuals"] == {} and t["targets"]["2023"]["value"] == 1500


def test_label_in_the_middle_of_its_block(tmp_path: Path) -> None:
    text = ("一级指标\t二级指标\t三级指标\t指标值\n"
            "\t\t指标甲\t1\n"
            "产出指标\t数量指标\t指标乙\t2\n"
            "\t\t指标丙\t3\n"
            "\t\t指标丁\t4\n"
            "效益指标\t社会效益指标\t指标戊\t5\n"
            "\t\t指标己\t6\n")
    data = _text(tmp_path, text)
    got = {i["name"]: (i["level1"], i["level2"]) for i in data["indicators"]}
    assert got["指标甲"] == got["指标丙"] == ("产出指标", "数量指标")
    assert got["指标丁"] == got["指标己"] == ("效益指标", "社会效益指标")


def test_rows_that_cannot_be_read_are_listed(tmp_path: Path) -> None:
    text = ("三级指标\t指标值\n培训人次\t约二百人\n\t95%\n办结率\t≥≤90%\n签到人数\t\n")
    data = _text(tmp_path, text, year=2023)
    reasons = {u["reason"] for u in data["unread"]}
    assert {"no_name", "bad_value", "no_value"} <= reasons
    assert all(u["where"].startswith("L") and u["text"] for u in data["unread"])


def test_lexicon_has_help_for_every_rule() -> None:
    from analytics.ingest.tables.lexicon import lexicon_help

    entries = lexicon_help()
    assert all(e["help"] for e in entries)
    assert {"value_roles.to_month", "value_roles.last_year", "headers.run_words"} <= {e["entry"] for e in entries}
    assert all(r.help and r.reason_zh and r.reason_en for r in LEX.kind_rules + LEX.direction_rules)
    assert all(r.reason_zh.count("{match}") == r.reason_en.count("{match}") for r in LEX.kind_rules + LEX.direction_rules)


def test_value_and_name_forms() -> None:
    assert read_value("达到90%", "higher", LEX).comparator == ">="
    # a note in brackets with figures of its own after the value: the value before it, the text kept
    noted = [read_value(t, "higher", LEX) for t in ("4次（每季度1次）", "≥95%（2023年为93%）", "100万元（其中中央50万元）", "3个（按计划）")]
    assert [(c.comparator, c.value, c.unit, c.raw) for c in noted] == [
        (">=", 4, "次", "4次（每季度1次）"), (">=", 95, "%", "≥95%（2023年为93%）"),
        (">=", 100, "万元", "100万元（其中中央50万元）"), (">=", 3, "个", "3个（按计划）")]
    assert read_value("2024年12月（前）", "higher", LEX).due == "2024-12"
    assert read_value("完成率（2次）", "higher", LEX).form == "unreadable"  # no value before the note
    assert read_value("效果明显（2项）", "higher", LEX).form != "number"
    # a count in Chinese numerals before a known unit; other words with a numeral stay words
    assert [(c.comparator, c.value, c.unit) for c in (read_value(t, "higher", LEX) for t in ("不少于三次", "一百二十人次", "两期"))] \
        == [(">=", 3, "次"), (">=", 120, "人次"), (">=", 2, "期")]
    assert read_value("十二月底前", "higher", LEX).due == "12"
    # a date with what is to be done by it said after: still a deadline; a share done by it is no date
    assert [read_value(t, "higher", LEX).due for t in ("2021年12月底完成项目规划相关工作。", "2022年6月30日前完成验收",
                                                      "于2023年10月底前完成", "2023年底前完成全部建设任务")] == \
        ["2021-12", "2022-06", "2023-10", "2023-12"]
    assert read_value("12月底前完成80%", "higher", LEX).form != "deadline"
    # a lower and an upper bound one after the other is a range; ≤±3% a deviation of at most 3%
    both = read_value("≥95%，≤100%", "higher", LEX)
    assert (both.form, both.low, both.high, both.unit) == ("range", 95, 100, "%")
    assert (read_value("≤±3%", "lower", LEX).comparator, read_value("≤±3%", "lower", LEX).value) == ("<=", 3)
    assert all(read_value(t, "higher", LEX).form == "qualitative" for t in ("一般", "一次性", "一定提高", "十佳", "三级"))
    assert read_value("10及以下", "higher", LEX).comparator == "<="
    assert read_value("≥100百分比", "higher", LEX).unit == "%"
    assert read_value("4000万元", "higher", LEX).unit == "万元"
    assert read_value("=300天", "higher", LEX).comparator == "="
    assert read_value("—", "higher", LEX).form == "none"
    assert read_value("在项目计划完成时间内完成", "higher", LEX).form == "qualitative"


def test_signs_typed_with_a_chinese_keyboard_a_bound_said_twice_and_a_rate_per_population() -> None:
    def read(raw: str, direction: str = "higher", sentence: bool = False) -> tuple:
        cell = read_value(raw, direction, LEX, sentence=sentence)
        return cell.form, cell.comparator, cell.value, cell.unit

    assert read("》=95%") == ("number", ">=", 95, "%")
    assert read("》95%") == ("number", ">", 95, "%")
    assert read("〈=5%", "lower") == ("number", "<=", 5, "%")
    assert read("95%以上（含95%）") == ("number", ">=", 95, "%")
    assert read("100%（全覆盖）") == ("number", ">=", 100, "%")  # a note in words after a share
    assert read("50（万元）") == ("number", ">=", 50, "万元")  # a unit in brackets stays the unit
    assert read("≤12/10万", "lower") == ("number", "<=", 12, "/10万")
    assert read("5人/10万人") == ("number", ">=", 5, "人/10万人")  # what is counted written before the population
    # a target cell that names its rate again before the value; elsewhere such words stay words
    assert read("完成率100%", sentence=True) == ("number", ">=", 100, "%")
    assert read("合格率达到95%", sentence=True) == ("number", ">=", 95, "%")
    assert read("完成率100%")[0] != "number"
    # 《 before words is a title, not a sign
    assert read("《实施方案》编制完成")[0] == "qualitative"


def test_durations_and_frequencies_are_levels() -> None:
    from analytics.ingest.tables.infer import infer_kind
    assert infer_kind("项目建设周期", "个月", "", [read_value("≤12个月", "lower", LEX)], LEX)["value"] == "level"
    assert infer_kind("投诉处理时长", "个工作日", "", [read_value("≤3个工作日", "lower", LEX)], LEX)["value"] == "level"
    assert infer_kind("数据更新频率", "次/月", "", [read_value("每月1次", "higher", LEX)], LEX)["value"] == "level"
    assert infer_kind("培训频率达标率", "%", "", [read_value("≥90%", "higher", LEX)], LEX)["value"] == "rate"
    counted = infer_kind("基本药物制度覆盖率", "个", "", [read_value("37个", "higher", LEX)], LEX)
    assert (counted["value"], counted["rule"], counted["confidence"]) == ("flow", "rate_name_counted", "low")
    assert infer_kind("基本药物制度覆盖率", "", "", [read_value("100", "higher", LEX)], LEX)["value"] == "rate"
    assert infer_kind("投诉件数", "件", "", [read_value("≤3件", "lower", LEX)], LEX)["value"] == "flow"
    aged = infer_kind("慰问对象年龄", "岁", "", [read_value("≥100岁", "higher", LEX)], LEX)
    assert (aged["value"], aged["rule"]) == ("level", "age_unit")  # who is served, not a count over the year
    sized = infer_kind("放流苗种规格", "cm", "", [read_value("≥3cm", "higher", LEX)], LEX)
    assert (sized["value"], sized["rule"]) == ("level", "size_unit")  # what each item measures, not a count
    flown = infer_kind("飞机飞行时长", "小时", "", [read_value("≥928小时", "higher", LEX)], LEX)
    assert (flown["value"], flown["rule"]) == ("flow", "hours_done")  # hours put in over the year add up
    assert infer_kind("系统故障修复时长", "小时", "", [read_value("≤4小时", "lower", LEX)], LEX)["value"] == "level"


def test_a_target_written_as_reaching_or_keeping_a_level() -> None:
    def read(raw: str, direction: str = "higher") -> tuple:
        cell = read_value(raw, direction, LEX)
        return cell.form, cell.comparator, cell.value, cell.unit
    assert read("保持在90%以上") == ("number", ">=", 90.0, "%")
    assert read("提高到95%") == ("number", ">=", 95.0, "%")
    assert read("降至5%以下") == ("number", "<=", 5.0, "%")
    assert read("降低到3%", "higher") == ("number", "<=", 3.0, "%")  # the words win over the direction
    assert read("稳定在10万人", "lower") == ("number", "<=", 10.0, "万人")  # keeping: the side from the direction
    assert read("同比增长10%")[0] == "unreadable"  # growth by, not to: no target to track


def test_quarters_year_months_zero_words_about_and_paired_units(tmp_path: Path) -> None:
    data = _text(tmp_path, "2024年绩效目标表\n一级指标\t二级指标\t三级指标\t指标值\n"
                 "产出指标\t数量指标\t设备购置\t3台（套）\n\t\t安全生产事故\t零\n"
                 "\t时效指标\t设备安装完成时间\t2024年第三季度\n\t\t资金拨付时间\t2024.12\n"
                 "\t\t方案编制时间\t上半年\n\t\t培训场次\t100左右\n"
                 "效益指标\t社会效益指标\t重大责任事故\t零事故\n")
    got = {i["name"]: i["targets"]["2024"] for i in data["indicators"]}
    assert (got["设备购置"]["value"], got["设备购置"]["unit"]) == (3, "台(套)")
    assert (got["安全生产事故"]["comparator"], got["安全生产事故"]["value"]) == ("<=", 0)
    assert (got["重大责任事故"]["comparator"], got["重大责任事故"]["value"]) == ("<=", 0)
    assert got["设备安装完成时间"]["due"] == "2024-09" and got["资金拨付时间"]["due"] == "2024-12"
    assert got["方案编制时间"]["due"] == "2024-06"  # the table's year
    assert (got["培训场次"]["comparator"], got["培训场次"]["value"]) == (">=", 100) and not got["培训场次"].get("unit")
    assert read_value("2024.5万元", "higher", LEX).value == 2024.5  # a number with a unit is no month


def test_name_forms() -> None:
    assert split_name("公用经费生均补助标准（小学）", LEX)[:2] == ("公用经费生均补助标准（小学）", "")  # qualifies the name
    assert split_name("其他试验(水稻)", LEX)[:2] == ("其他试验(水稻)", "")
    assert split_name("新增藏书（万册）", LEX)[:2] == ("新增藏书", "万册")
    assert split_name("签订野生动物致害保险(单)", LEX)[:2] == ("签订野生动物致害保险", "单")
    assert split_name("处理能力(kg)", LEX)[:2] == ("处理能力", "kg")
    # a counting word after a magnitude, a measure or another counting word is a unit; after a noun it is a name's part
    assert [split_name(t, LEX)[1] for t in ("购置设备(台套)", "巡查(车次)", "服务外包(万美元)", "面积(平米)")] == \
        ["台套", "车次", "万美元", "平米"]
    assert [split_name(t, LEX)[:2] for t in ("新增限上商贸企业(法人)", "受益(农户)", "补助(个人)")] == \
        [("新增限上商贸企业(法人)", ""), ("受益(农户)", ""), ("补助(个人)", "")]
    assert split_name("①培训人\n数", LEX)[0] == "培训人数"  # circled numbering, a line wrapped inside the cell
    assert split_name("高校毕业生就业服务人次（万）", LEX) == ("高校毕业生就业服务人次", "万人次", "")
    assert split_name("建成统一的就业信息平台（是/否）", LEX)[2] == "是/否"
    assert split_name("其中桃树种植面积", LEX)[0] == "桃树种植面积"  # a part of the row above, with or without a colon
    assert split_name("其中：中央资金", LEX)[0] == "中央资金"
    assert fill_levels(["", "A", "", "", "B", ""])[0] == ["A", "A", "A", "B", "B", "B"]


def _xlsx(tmp_path: Path, rows: list[list[object]], name: str = "t.xlsx") -> dict:
    from openpyxl import Workbook

    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(tmp_path / name)
    return _read(tmp_path / name)


def test_header_words_of_other_templates(tmp_path: Path) -> None:
    for name_word, value_word, actual_word in (("考核指标", "指标数值", "实际达成值"), ("指标项", "目标数值", "执行值"),
                                               ("明细指标", "期望值", "实际完成值"), ("指标名", "年度指标", "完成值"),
                                               ("具体绩效指标", "考核目标", "实际值")):
        data = _text(tmp_path, "2023年绩效自评表\n"
                     f"一级\t二级\t{name_word}\t{value_word}\t{actual_word}\n"
                     "产出指标\t数量指标\t培训人数\t≥280人次\t300人次\n")
        ind = _ind(data, "培训人数")
        assert ind["targets"]["2023"]["value"] == 280 and ind["actuals"]["2023"]["value"] == 300, name_word


def test_a_sequence_column_before_rows_without_levels(tmp_path: Path) -> None:
    """序号 | 一级 | 二级 | 三级 | 指标值 with the first rows' levels left blank: each row's number
    is its 序号, not a sign that the row starts right of its column."""
    data = _xlsx(tmp_path, [["绩效目标表（2021年度）"],
                            ["序号", "一级指标", "二级指标", "三级指标", "指标值"],
                            [1, None, None, "新增特色产业数量", "≥1个"],
                            ["(2)", None, None, "养殖动物成活率", "≥95%"],
                            [3, "产出指标", "时效指标", "竣工时限", "2021年9月"]])
    assert [i["name"] for i in data["indicators"]] == ["新增特色产业数量", "养殖动物成活率", "竣工时限"]
    assert _ind(data, "养殖动物成活率")["targets"]["2021"]["value"] == 95 and not data["unread"]


def test_a_merged_header_over_a_second_header_row(tmp_path: Path) -> None:
    """绩效指标 merged across the first column (the facts' labels above) and 一级 | 二级 | 三级,
    年度指标值 and 实际完成值 merged down over both rows: the workbook fills 绩效指标 into each
    column it spans, and the lower row starts with a blank."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for r in [["项目支出绩效自评表（2022年度）"],
              ["项目名称", "委托业务经费"],
              ["绩效指标", None, None, None, "年度指标值", "实际完成值", "分值"],
              [None, "一级指标", "二级指标", "三级指标", None, None, None],
              [None, "产出指标", "数量指标", "委托项目数量", "≥50个", "50", "10"],
              [None, None, "质量指标", "报告合格率", "≥95%", "100%", "10"]]:
        ws.append(r)
    for rng in ("A3:D3", "E3:E4", "F3:F4", "G3:G4", "B5:B6"):
        ws.merge_cells(rng)
    wb.save(tmp_path / "h.xlsx")
    data = _read(tmp_path / "h.xlsx")
    got = {i["name"]: (i["level1"], i["level2"], i["targets"]["2022"]["value"], i["actuals"]["2022"]["value"])
           for i in data["indicators"]}
    assert got == {"委托项目数量": ("产出指标", "数量指标", 50, 50), "报告合格率": ("产出指标", "质量指标", 95, 100)}


def test_a_unit_column_with_compound_or_short_money_units(tmp_path: Path) -> None:
    data = _xlsx(tmp_path, [["2021年绩效目标表"],
                            ["一级指标", "二级指标", "三级指标", "指标值", "计量单位"],
                            ["产出指标", "成本指标", "补贴标准", 1130, "元/月/人"],
                            [None, None, "人工成本", "≤620", "万/月"],
                            [None, None, "生均经费", 800, "元/人·年"],
                            [None, "数量指标", "清运量", 12, "万m3"]])
    assert _ind(data, "补贴标准")["unit"] == "元/月/人" and _ind(data, "生均经费")["unit"] == "元/人·年"
    cost = _ind(data, "人工成本")
    assert cost["unit"] == "万元/月" and cost["inferred"]["unit"]["rule"] == "money_wan"
    assert _ind(data, "清运量")["unit"] == "万m3"



def test_a_unit_column_holding_the_targets_bound(tmp_path: Path) -> None:
    """天以内 | 2 and 家以上 | 10 under 计量单位 | 指标值: the unit is 天 / 家, the bound goes with the
    value (≤ 2, ≥ 10); a value with a comparator of its own keeps it."""
    data = _xlsx(tmp_path, [["2020年绩效目标表"],
                            ["一级指标", "二级指标", "三级指标", "计量单位", "指标值"],
                            ["产出指标", "时效指标", "解决群众问题时间", "天以内", 2],
                            [None, "数量指标", "培育高新技术企业数量", "家以上", 10],
                            [None, None, "举办讲座次数", "次以上", "≥12"]])
    late, firms, talks = _ind(data, "解决群众问题时间"), _ind(data, "培育高新技术企业数量"), _ind(data, "举办讲座次数")
    assert (late["unit"], late["direction"], late["targets"]["2020"]["comparator"]) == ("天", "lower", "<=")
    assert (firms["unit"], firms["targets"]["2020"]["comparator"], firms["targets"]["2020"]["value"]) == ("家", ">=", 10)
    assert (talks["unit"], talks["targets"]["2020"]["value"]) == ("次", 12)


# --- the real tables of tests/tables/ --------------------------------------------------------------

def _bench():  # the bench's scoring, shared
    import importlib.util

    spec = importlib.util.spec_from_file_location("parse_tables_bench", ROOT / "bench" / "parse_tables.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.mark.parametrize("case", [c[0] for c in _bench().cases()])
def test_real_tables_read_as_checked_by_hand(case: str) -> None:
    bench = _bench()
    name, blob, exp = next(c for c in bench.cases() if c[0] == case)
    result = parse_table(blob, filename=name, year=exp.get("args", {}).get("year"))
    assert isinstance(result, TableReading)
    m = bench.score(result.to_json(), exp)
    for key in ("rows", "targets", "units", "directions", "kinds", "qualitative", "unread"):
        hit, total = m[key]
        assert hit == total, (key, m)
    assert m["extra"][0] == 0


def test_no_table_in_a_workbook_says_what_it_found(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["姓名", "电话"])
    wb.active.append(["张三", "123"])
    wb.save(tmp_path / "x.xlsx")
    result = parse_table(tmp_path / "x.xlsx")
    assert isinstance(result, NoTable) and result.code == "no_header" and "姓名 | 电话" in result.sample


def test_word_table_split_over_two_tables_and_two_row_excel_header(tmp_path: Path) -> None:
    import docx
    from openpyxl import Workbook

    doc = docx.Document()
    doc.add_paragraph("项目支出绩效目标表")
    doc.add_paragraph("（2023年度）")
    for rows in ([["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "培训人次", "≥280人次"],
                  ["", "", "发放补贴人数", "≥1000人"]],
                 [["一级指标", "二级指标", "三级指标", "指标值"], ["满意度指标", "服务对象满意度指标", "学员满意度", "≥95%"]]):
        table = doc.add_table(rows=len(rows), cols=4)
        for i, r in enumerate(rows):
            for j, c in enumerate(r):
                table.cell(i, j).text = c
        if len(rows) == 3:
            top = table.cell(1, 0).merge(table.cell(2, 0))
            top.text = "产出指标"
    doc.add_paragraph("填报人：张三")
    doc.save(tmp_path / "t.docx")
    data = _read(tmp_path / "t.docx")
    assert [i["name"] for i in data["indicators"]] == ["培训人次", "发放补贴人数", "学员满意度"]
    assert _ind(data, "发放补贴人数")["level1"] == "产出指标"
    assert {s["reason"] for s in data["skipped"]} == {"header", "sign_off"}

    wb = Workbook()
    ws = wb.active
    ws.append(["项目支出绩效自评表（2023年度）"])
    ws.merge_cells("A1:F1")
    ws.append(["一级指标", "二级指标", "三级指标", "年度指标值", None, "实际完成值"])
    ws.append([None, None, None, "2023年", "2024年", None])
    for rng in ("A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:F3"):
        ws.merge_cells(rng)
    ws.append(["产出指标(40分)", "数量指标", "培训人次", "≥280人次", "≥300人次", "290人次"])
    ws.append([None, None, "城镇登记失业率", "≤4.5%", "≤4.5%", "4.2%"])
    ws.merge_cells("A4:A5")
    ws.merge_cells("B4:B5")
    wb.save(tmp_path / "t.xlsx")
    data = _read(tmp_path / "t.xlsx")
    t = _ind(data, "培训人次")
    assert t["targets"]["2024"]["value"] == 300 and t["actuals"]["2023"]["value"] == 290
    u = _ind(data, "城镇登记失业率")
    assert (u["level1"], u["direction"], u["targets"]["2023"]["comparator"]) == ("产出指标", "lower", "<=")


def test_a_word_table_in_a_text_box_is_read_once_where_the_box_stands(tmp_path: Path) -> None:
    """What a PDF-to-Word converter often makes of a page: the form in a text box (a drawing's shape,
    with the copy an old reader gets in mc:Fallback); read where the box is anchored, not twice, and
    not reported as a table that is a picture."""
    import copy

    import docx
    from docx.oxml import parse_xml

    doc = docx.Document()
    doc.add_paragraph("项目支出绩效目标表（2023年度）")
    rows = [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "培训人次", "≥280人次"],
            ["满意度指标", "服务对象满意度指标", "学员满意度", "≥95%"]]
    table = doc.add_table(rows=3, cols=4)
    for i, r in enumerate(rows):
        for j, c in enumerate(r):
            table.cell(i, j).text = c
    tbl = table._tbl
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"')
    holder = parse_xml(f'<w:p {ns}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>'
                       '<w:txbxContent><w:p><w:r><w:t>绩效指标</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>'
                       '</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent/></v:textbox>'
                       '</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    boxes = holder.findall(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}txbxContent")
    boxes[1].append(copy.deepcopy(tbl))  # the old readers' copy
    boxes[0].append(tbl)  # moved out of the body into the box
    doc.element.body.insert(1, holder)
    doc.add_paragraph("填报人：张三")
    doc.save(tmp_path / "box.docx")
    data = _read(tmp_path / "box.docx")
    assert [(i["name"], i["targets"]["2023"]["raw"]) for i in data["indicators"]] == [("培训人次", "≥280人次"),
                                                                                     ("学员满意度", "≥95%")]
    assert _ind(data, "培训人次")["level1"] == "产出指标"


def test_numbering_direction_column_and_unit_words(tmp_path: Path) -> None:
    text = ("一级指标\t二级指标\t三级指标\t指标方向\t指标值\n"
            "一、产出指标\t（一）数量指标\t1.培训人数（单位：人）\t正向\t300\n"
            "\t\t2.投诉件数\t反向\t5件\n"
            "\t\t3.报告提交\t\t100%完成\n")
    data = _text(tmp_path, text, year=2024)
    a = _ind(data, "培训人数")
    assert (a["level1"], a["level2"], a["unit"]) == ("产出指标", "数量指标", "人")
    assert a["targets"]["2024"]["comparator"] == ">="
    b = _ind(data, "投诉件数")
    assert (b["direction"], b["targets"]["2024"]["comparator"], b["unit"]) == ("lower", "<=", "件")
    assert _ind(data, "报告提交")["targets"]["2024"]["value"] == 100


# -- bounded work (data/limits.yaml: max_table_rows, max_table_columns, max_table_cells, max_table_unpacked_bytes)
def _docx_bytes(body: bytes) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                    b'wordprocessingml/2006/main"><w:body>' + body + b"</w:body></w:document>")
    return buf.getvalue()


@pytest.mark.parametrize("name,blob,code", [
    ("bomb.docx", _docx_bytes(b" " * 21_000_000), "too_large_unpacked"),
    ("span.docx", _docx_bytes(b'<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999999"/></w:tcPr>'
                            b'<w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'),
     "too_many_columns"),
    ("lines.txt", ("三级指标\n指标值\n" + "就业\n≥5\n" * 4001).encode(), "too_many_rows"),
    ("wide.tsv", ("三级指标\t指标值\t" + "\t".join(f"c{i}" for i in range(100)) + "\n").encode(), "too_many_columns"),
    ("cells.tsv", ("三级指标\t" + "\t".join(["指标值"] * 90) + "\n" + ("就业\t" + "\t".join(["5"] * 90) + "\n") * 700).encode(),
     "too_many_cells"),
])
def test_a_table_over_a_limit_is_refused_before_reading(name: str, blob: bytes, code: str) -> None:
    result = parse_table(blob, filename=name)
    assert isinstance(result, NoTable) and result.code == code
    from analytics.present.tables_text import no_table_message  # a message for every code, in both languages

    assert "{" not in no_table_message(result, name, "zh") and "{" not in no_table_message(result, name, "en")


def test_a_table_just_under_the_limits_is_read() -> None:
    blob = ("三级指标\n指标值\n" + "".join(f"城镇新增就业{k}\n≥5万人\n" for k in range(3990))).encode()  # distinct rows: a row repeating the one above is one indicator
    result = parse_table(blob, filename="many.txt")
    assert not isinstance(result, NoTable) and len(result.indicators) == 3990


# -- PDF: ruled tables read in a bounded child process
def _pdf_bytes(content: bytes, pages: int = 1, resources: bytes = b"", extra: tuple[bytes, ...] = ()) -> bytes:
    """A PDF of ``pages`` pages drawing ``content``, with the page ``resources`` and ``extra`` objects
    (numbered from 4 + pages on) they refer to."""
    import zlib

    packed = zlib.compress(content, 9)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (3 + i) for i in range(pages)), pages)]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] %s/Contents %d 0 R >>" % (resources, 3 + pages)] * pages
    objs.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream")
    objs += list(extra)
    out, offsets = b"%PDF-1.4\n", []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)


def test_a_pdf_with_text_and_no_ruled_table_is_read_by_its_words_places() -> None:
    from analytics.ingest.limits import default_limits
    from analytics.ingest.tables.pdf import read_pdf

    rows, refs, code, detail = read_pdf(_pdf_bytes(b"BT /F1 12 Tf 72 712 Td (no table here) Tj ET"), default_limits())
    assert (code, detail, [r[0].strip() for r in rows], refs) == ("", "layout", ["no table here"], ["p1 L1"])
    result = parse_table(_pdf_bytes(b"BT /F1 12 Tf 72 712 Td (no table here) Tj ET"), filename="x.pdf")
    assert isinstance(result, NoTable)  # read as a text, and no table in it


def test_a_sheet_printed_without_borders_reads_like_its_workbook() -> None:
    pdf = parse_table(TABLES / "generated" / "chizhou_weituo_ziping_2022.sheet.pdf")
    sheet = parse_table(TABLES / "generated" / "chizhou_weituo_ziping_2022.xlsx")
    assert isinstance(pdf, TableReading) and isinstance(sheet, TableReading)
    assert pdf.source["format"] == "text-layout"
    assert pdf.indicators[0]["where"].startswith("p1 L")  # its line on its page, as the source pane shows it
    assert [(i["name"], i["unit"], i["kind"], i["direction"], i["targets"]) for i in pdf.indicators] == \
        [(i["name"], i["unit"], i["kind"], i["direction"], i["targets"]) for i in sheet.indicators]


def test_a_pdf_row_split_by_the_page_break_joins_the_row_before_when_its_cells_ran_to_their_edge() -> None:
    from types import SimpleNamespace

    from analytics.ingest.tables.pdf import _continues, _full_lines

    def chars(text: str, x0: float, top: float) -> list[dict]:
        return [{"text": ch, "x0": x0 + 10 * k, "x1": x0 + 10 * k + 10, "top": top, "bottom": top + 10}
                for k, ch in enumerate(text)]

    # cells 34 wide: 消除安 (30 of 34) ran to the edge; 20万元 (40 of 70) did not
    page = SimpleNamespace(chars=chars("效益指", 2, 5) + chars("消除安", 36, 5) + chars("持续影", 70, 5) + chars("20万元", 106, 5))
    assert _full_lines(page, [(0, 0, 34, 20), (34, 0, 68, 20), (68, 0, 102, 20), (102, 0, 172, 20), None]) == \
        [True, True, True, False, False]
    previous = ["效益指", "消除安", "持续影", "20万元"]
    assert _continues(["标", "全隐患", "响", ""], previous, [True, True, True, False])
    # a row of its own at the top of the page: its value stands under a value that ended there
    assert not _continues(["满意度指标", "干警满意度", "持续", "≥95%"], previous, [True, True, True, False])
    assert _continues(["", "全隐患", "", ""], previous, [False] * 4)  # one or two pieces: the rest of a name
    assert not _continues(["标", "全隐患", "响", ""], previous[:3], [True] * 3)  # not as wide
    # narrow cells filled to their edge, and the next row under them holds whole figures: a row of its own
    assert not _continues(["", "社会效益", "参训学员就业率", "60%及以上", "53.53%"],
                          ["效益指标", "经济效益", "减轻参训人员经济负担", "有效减轻", "有效减轻"], [True] * 5)


def test_a_ruled_pdf_table_reads_like_its_word_original() -> None:
    pdf = parse_table(TABLES / "generated" / "seed_dongguan.pdf")
    word = parse_table(TABLES / "generated" / "seed_dongguan.docx")
    assert isinstance(pdf, TableReading) and isinstance(word, TableReading)
    assert [(i["name"], i["unit"], i["kind"], i["direction"]) for i in pdf.indicators] == \
        [(i["name"], i["unit"], i["kind"], i["direction"]) for i in word.indicators]
    assert pdf.project["funding"]["total"] == pytest.approx(103414.18) and pdf.project["years"] == [2023, 2024]


def test_a_pdf_cell_s_letter_spacing_is_dropped_from_its_text() -> None:
    """A cell whose text is spread over its width (分散对齐) or set with wider character spacing comes
    out of the PDF with blanks between its characters: they are dropped, words of English and
    separate figures keep theirs."""
    from analytics.ingest.tables.pdf import _join_lines

    assert _join_lines("> = 2 0 平方米") == ">=20平方米" and _join_lines("指 标 值") == "指标值"
    assert _join_lines("2018 年市级专项扶贫资金") == "2018年市级专项扶贫资金" and _join_lines("<=475元/ 亩") == "<=475元/亩"
    assert _join_lines("三级指标\n值 (万元)") == "三级指标值 (万元)"
    assert _join_lines("Smart City 平台") == "Smart City 平台" and _join_lines("优秀□ 良好□") == "优秀□ 良好□"
    assert _join_lines("12 15") == "12 15"


def test_a_pdf_whose_fonts_map_its_characters_to_no_text_says_so() -> None:
    """A ruled table drawn in a CID font with no map to text (no ToUnicode: what it gives, and what a
    copy gives, is (cid:650)(cid:2431)…): told as such, not as a file without a table."""
    from analytics.present.tables_text import no_table_message

    rules = b"".join(b"50 %d m 550 %d l S\n" % (y, y) for y in (700, 680, 660, 640)) \
        + b"".join(b"%d 640 m %d 700 l S\n" % (x, x) for x in (50, 250, 400, 550))
    glyphs = b"".join(b"BT /F1 10 Tf %d %d Td <%s> Tj ET\n" % (x, y, b"".join(b"%04X" % (100 + 37 * k + x + y) for k in range(5)))
                      for y in (685, 665, 645) for x in (55, 255, 405))
    data = _pdf_bytes(rules + glyphs, resources=b"/Resources << /Font << /F1 5 0 R >> >> ", extra=(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>"))
    result = parse_table(data, filename="cid.pdf")
    assert isinstance(result, NoTable) and result.code == "pdf_text_unmapped"
    assert "cid:" not in no_table_message(result, "cid.pdf", "zh") and "乱码" in no_table_message(result, "cid.pdf", "zh")


def test_a_pdf_page_stored_turned_a_quarter_reads_like_the_upright_page() -> None:
    """A landscape page stored turned a quarter (``/Rotate 90``), its content drawn turned back through
    a rotation computed in floating point: the ruling lines' ends differ by rounding errors only and
    are still the table's rules."""
    from bench.pdf_text import rotated_pdf  # the bench's way of turning a page, as a landscape page is stored

    source = TABLES / "generated" / "seed_dongguan.pdf"
    turned, upright = parse_table(rotated_pdf(source), filename="turned.pdf"), parse_table(source)
    assert isinstance(turned, TableReading) and isinstance(upright, TableReading)
    assert turned.source["format"] == upright.source["format"]
    assert [(i["name"], i["targets"]) for i in turned.indicators] == [(i["name"], i["targets"]) for i in upright.indicators]
    assert len(upright.indicators) >= 10


@pytest.mark.parametrize("content,pages,changes,code", [
    (b" " * (300 << 20), 1, {"max_pdf_memory_mb": 150}, "too_large_unpacked"),  # a stream unpacking past the memory limit
    (b"".join(b"%d 0 m %d 9 l S\n" % (i % 500, i % 700) for i in range(300_000)), 1, {"max_seconds": 1.0}, "time_limit"),
    (b"BT ET", 60, {}, "too_many_pages"),
    (b"0 0 m 100 100 l S", 1, {}, "no_pdf_table"),  # no text at all: a scan
])
def test_a_hostile_pdf_is_stopped_in_its_child(content: bytes, pages: int, changes: dict, code: str) -> None:
    from analytics.ingest.limits import default_limits
    from analytics.ingest.tables.pdf import read_pdf

    rows, refs, got, detail = read_pdf(_pdf_bytes(content, pages), default_limits().replace(**changes))
    assert (rows, got) == ([], code), detail
    from analytics.present.tables_text import no_table_message

    message = no_table_message(NoTable(code, detail), "x.pdf", "zh")
    assert "{" not in message and "x.pdf" in message


# --- a table of several projects, scores beside blank targets, targets in the name ---------------

def test_several_projects_with_their_cells_on_each_first_row(tmp_path: Path) -> None:
    text = ("| 部门预算项目绩效目标申报表(2023年度) | |||||||||\n"
            "| 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 |\n"
            "| 801-某镇部门 | 1,000.00 | |||||||||\n"
            "| 801001-某镇人民政府 | 村干部报酬 | 500.00 | 按时发放 | 产出指标 | 数量指标 | 村干部人数 | ≥ | 30 | 人 | 10 |\n"
            "| 产出指标 | 时效指标 | 发放及时率 | ≥ | 95 | % | 10 | ||||\n"
            "| 办公经费 | 500.00 | 保障运转 | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥ | 90 | % | 10 | |\n"
            "| 产出指标 | 数量指标 | 行政村数量 | = | 11 | 个 | 10 | ||||\n")
    data = _text(tmp_path, text)
    assert [i["name"] for i in data["indicators"]] == ["村干部人数", "发放及时率", "群众满意度", "行政村数量"]
    assert all(c["role"] != "unit" for c in data["source"]["columns"] if c["header"] == "单位名称")
    assert _ind(data, "村干部人数")["targets"]["2023"]["value"] == 30 and _ind(data, "村干部人数")["unit"] == "人"
    assert _ind(data, "群众满意度")["level1"] == "满意度指标"
    assert any("801-某镇部门" in s["text"] for s in data["skipped"])  # the office's line: listed, not read


def test_blank_target_with_a_score_and_a_target_in_the_name(tmp_path: Path) -> None:
    # a self-evaluation copied out of a PDF viewer: cells at blanks, empty cells gone
    text = ("项目支出绩效自评表\n（2022年度）\n"
            "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因\n"
            "产出指标 数量指标 完成改造项目数量 1 1 10 10\n"
            "质量指标 指标1:工程质量合格 10 10\n"
            "指标2:\n"
            "时效指标 指标1:年度资金支付完成率100% 10 10\n"
            "满意度指标 服务对象满意度指标 服务对象满意度 90% 100% 10 10\n")
    data = _text(tmp_path, text)
    names = [i["name"] for i in data["indicators"]]
    assert names == ["完成改造项目数量", "工程质量合格", "年度资金支付完成率", "服务对象满意度"]
    q = _ind(data, "工程质量合格")
    assert q["kind"] == "qualitative" and q["targets"]["2022"].get("qualitative")
    assert q["inferred"]["target"]["confidence"] == "low" and "target" in q["review"]
    r = _ind(data, "年度资金支付完成率")
    assert r["targets"]["2022"]["value"] == 100 and r["unit"] == "%" and r["inferred"]["target"]["rule"] == "value_in_name"
    assert _ind(data, "完成改造项目数量")["targets"]["2022"]["value"] == 1  # a complete row keeps its cells
    assert all("指标2" not in i["name"] for i in data["indicators"])


def test_a_weight_alone_does_not_make_the_name_a_target(tmp_path: Path) -> None:
    text = ("三级指标\t目标值\t分值\n规章制度建立与否\t\t20\n培训人数\t100人\t10\n")
    data = _text(tmp_path, text, year=2023)
    assert [i["name"] for i in data["indicators"]] == ["培训人数"]
    assert any(u["reason"] == "no_value" and "规章制度" in u["text"] for u in data["unread"])


def test_web_copy_header_not_joined_to_the_row_below_and_a_next_form_ends_the_table(tmp_path: Path) -> None:
    # rows broken after a cell (``… | 100% |`` / ``100% | 10 | |``); the header ends like a broken row
    text = ("绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 得分 |\n"
            "产出指标 | 成本指标 | 成本控制数 | ≤30万元 |\n28万元 | 90 | |\n"
            "产出指标 | 质量指标 | 验收合格率 | 100% |\n100% | 10 | |\n"
            "产出指标 | 时效指标 | 按时完成率 | 100% |\n100% | 10 | |\n"
            "合计 | 100 | |||||\n"
            "项目支出绩效自评表(2023年度) | ||||||\n"
            "项目名称 | 另一个项目 | |||||\n"
            "产出指标 | 质量指标 | 另一个指标 | 100% | 100% | 10 | |\n")
    data = _text(tmp_path, text, year=2023)
    assert [i["name"] for i in data["indicators"]] == ["成本控制数", "验收合格率", "按时完成率"]
    assert _ind(data, "成本控制数")["targets"]["2023"]["comparator"] == "<="
    assert _ind(data, "按时完成率")["actuals"]["2023"]["value"] == 100
    assert any(s["reason"] == "after_table" and "另一个项目" in s["text"] for s in data["skipped"])


def test_target_columns_named_after_places(tmp_path: Path) -> None:
    text = ("某区2025年水利专项资金绩效目标表\n"
            "绩效指标\t一级指标\t二级指标\t三级指标\t指标解释\t指标方向\t甲街道\t乙镇\n"
            "\t产出指标\t数量指标\t开展修复工程(个)\t反映开展情况\t≥\t1\t1\n"
            "\t\t质量指标\t已建工程是否存在质量问题\t是否发现质量问题\t是/否\t否\t否\n"
            "\t\t时效指标\t项目开展率(%)\t反映开展情况\t≥\t100%\t100%\n")
    data = _text(tmp_path, text)
    assert [i["name"] for i in data["indicators"]] == ["开展修复工程", "已建工程是否存在质量问题", "项目开展率"]
    assert _ind(data, "开展修复工程")["targets"]["2025"]["value"] == 1 and _ind(data, "开展修复工程")["unit"] == "个"
    assert _ind(data, "已建工程是否存在质量问题")["kind"] == "milestone"
    assert [c["header"] for c in data["source"]["value_columns"]] == ["甲街道"]


def test_names_under_the_second_level_header_and_a_rate_over_100(tmp_path: Path) -> None:
    text = ("某市2022年项目支出绩效目标表\n"
            "一级指标\t二级指标\t绩效标准\t当年预期实现值\n"
            "数量指标\t办公大楼日常维修维护次数\t反映维修情况\t2280次\n"
            "\t大楼安检巡察次数\t反映巡检情况\t200次\n"
            "质量指标\t设备更新验收合格率\t反映验收情况\t292%\n"
            "\t维修维保验收合格率\t反映维保质量\t95%\n")
    data = _text(tmp_path, text)
    assert [i["name"] for i in data["indicators"]] == ["办公大楼日常维修维护次数", "大楼安检巡察次数",
                                                      "设备更新验收合格率", "维修维保验收合格率"]
    first = _ind(data, "办公大楼日常维修维护次数")
    assert (first["level1"], first["level2"], first["targets"]["2022"]["value"]) == ("产出指标", "数量指标", 2280)
    over = _ind(data, "设备更新验收合格率")["targets"]["2022"]
    assert over["value"] is None and over["error"] == "percent_over_100"
    bad = next(u for u in data["unread"] if u["reason"] == "bad_value" and "292%" in u["text"])
    from analytics.present.tables_text import row_message  # the cell's problem in words, both languages

    assert "比率超过100%" in row_message(bad, "zh") and "a rate above 100%" in row_message(bad, "en")
    assert "percent_over_100" not in row_message(bad, "zh")


def test_a_template_s_blank_or_a_masked_number_is_no_target_in_words(tmp_path: Path) -> None:
    """≥**人 (the template's hint left unfilled), ≤****000元 (a site's mask) and ≥XX% hold no number:
    the row is kept, its target unreadable with its unit, marked for review and listed for the
    manager to fill in;
    never a qualitative target tracked as 达成 / 未达成."""
    data = _text(tmp_path, "三级指标\t指标值\n培训人数\t≥**人\n项目总成本\t≤****000元\n合格率\t≥XX%\n就业率\t≥80%\n",
                 year=2023)
    got = [(i["name"], i["unit"], i["targets"]["2023"].get("error"), bool(i["targets"]["2023"].get("qualitative")))
           for i in data["indicators"]]
    assert got == [("培训人数", "人", "masked", False), ("项目总成本", "元", "masked", False),
                   ("合格率", "%", "masked", False), ("就业率", "%", None, False)]
    assert ["target" in i["review"] for i in data["indicators"]] == [True, True, True, False]  # marked on the grid
    from analytics.present.tables_text import row_message

    listed = [u for u in data["unread"] if u["reason"] == "bad_value"]
    assert len(listed) == 3 and "数值未填写或被隐去" in row_message(listed[0], "zh")
    assert "masked" in row_message(listed[0], "en")


def test_a_page_or_list_number_before_a_target_in_words_is_no_part_of_it() -> None:
    """3、高 (a document page's or a list's number run into the cell) is the target 高 in words; a number
    after the mark (2、3个) stays a cell that cannot be read."""
    assert read_value("3、高", "higher", LEX).form == "qualitative"
    assert read_value("2、3个", "higher", LEX).form == "unreadable"
    assert read_value("“100%”", "higher", LEX).value == 100


@pytest.mark.parametrize("blank", ["  ", "\u3000", "\u00a0", "\u00a0\u00a0", " \u200b"])
def test_cells_set_apart_by_two_blanks_a_full_width_or_a_no_break_blank(tmp_path: Path, blank: str) -> None:
    """Cells set apart by two blanks (typed, or a document's text), a full-width blank (　) or a web
    page's no-break blank (&nbsp;), their places across the line not kept, read as cells split at a
    blank: no reading by place takes over with fewer rows read whole."""
    rows = [["评价指标", "评价内容", "指标名称", "指标说明", "目标值", "分值"],
            ["产出数量指标", "享受资助人数", "达到预计值", "2100", "10"],
            ["资金支出率", "达到目标值", "95%", "10"],
            ["质量指标", "建档立卡学生全面覆盖", "100%", "10"],
            ["资助对象满意度", "达到目标值", "95%以上", "10"],
            ["时效指标", "及时发放率", "达到目标值", "100%", "20"],
            ["成本指标", "资助标准达标率", "100%", "20"]]
    data = _text(tmp_path, "2019年度助学金项目绩效评价指标表\n" + "\n".join(blank.join(r) for r in rows), name="blanks.txt")
    got = [(i["name"], i["targets"]["2019"]["value"]) for i in data["indicators"]]
    assert got == [("享受资助人数", 2100), ("资金支出率", 95), ("建档立卡学生全面覆盖", 100), ("资助对象满意度", 95),
                   ("及时发放率", 100), ("资助标准达标率", 100)]


@pytest.mark.parametrize("style", ["box", "ascii"])
def test_a_table_drawn_with_rules_reads_without_its_rules_as_rows(tmp_path: Path, style: str) -> None:
    """A table drawn in text (├──┼──┤ with │ between cells, or +----+----+ with |): its rules are no
    rows, so nothing is listed as unread; a lone - under a pipe (an empty value) is no rule."""
    bar, rule = ("│", "├──────┼──────┼──────┤") if style == "box" else ("|", "+------+------+------+")
    rows = [["三级指标", "指标值", "备注"], ["培训人数", "≥500人", ""], ["培训合格率", "≥90%", ""], ["就业率", "≥80%", ""]]
    lines = [rule] + [x for r in rows for x in (bar + bar.join(f" {c} " for c in r) + bar, rule)]
    data = _text(tmp_path, "\n".join(lines), name="drawn.txt", year=2024)
    assert [i["name"] for i in data["indicators"]] == ["培训人数", "培训合格率", "就业率"]
    assert data["unread"] == []


def test_a_planned_value_is_a_target_and_a_project_column_of_level_words_is_the_second_level(tmp_path: Path) -> None:
    """计划完成值 (the value planned to be reached) is the target, though it speaks of 完成; a column
    headed 项目 whose cells are 数量指标 / 质量指标 is the second level, not a list of projects."""
    data = _text(tmp_path, "类别\t项目\t考核指标\t计划完成值\n产出指标\t数量指标\t培训人数\t≥500人\n"
                 "产出指标\t质量指标\t培训合格率\t≥90%\n效益指标\t社会效益指标\t就业率\t≥80%\n", name="plan.tsv", year=2024)
    got = [(i["level2"], i["name"], i["targets"]["2024"]["value"], i.get("actuals") or {}) for i in data["indicators"]]
    assert got == [("数量指标", "培训人数", 500, {}), ("质量指标", "培训合格率", 90, {}), ("社会效益指标", "就业率", 80, {})]


@pytest.mark.parametrize("output, outcome", [("项目完成指标", "项目效益指标"), ("产出", "效益"), ("产出目标", "效益目标")])
def test_a_first_level_worded_otherwise_is_filled_down_its_whole_block(tmp_path: Path, output: str, outcome: str) -> None:
    """项目完成指标 / 项目效益指标 (or 产出 / 效益, 产出目标 / 效益目标), merged down its block: every row of the
    block takes it, not the usual 产出指标 / 效益指标 its second level belongs to (one goal, not two)."""
    data = _text(tmp_path, "一级指标\t二级指标\t三级指标\t指标值\n"
                 f"{output}\t数量指标\t培训人数\t≥500人\n\t质量指标\t培训合格率\t≥90%\n\t时效指标\t完成时间\t2024年12月底前\n"
                 f"{outcome}\t社会效益指标\t就业率\t≥80%\n\t可持续影响指标\t持续性\t长期\n"
                 "满意度指标\t服务对象满意度指标\t学员满意度\t≥95%\n", name="levels.tsv", year=2024)
    assert [i["level1"] for i in data["indicators"]] == [output] * 3 + [outcome] * 2 + ["满意度指标"]


def test_an_actual_of_a_year_before_the_targets_is_the_baseline(tmp_path: Path) -> None:
    """2023年完成值 beside 2024年目标值 and 2025年目标值 is what the year before achieved: the baseline,
    not an actual of a year the table sets no target for."""
    data = _text(tmp_path, "一级指标\t二级指标\t三级指标\t2023年完成值\t2024年目标值\t2025年目标值\n"
                 "产出指标\t数量指标\t培训人数\t480人\t≥500人\t≥550人\n", name="years.tsv")
    ind = data["indicators"][0]
    assert ind["baseline"]["2023"]["value"] == 480 and not ind.get("actuals")
    assert sorted(ind["targets"]) == ["2024", "2025"]


def test_money_per_month_written_with_wan(tmp_path: Path) -> None:
    data = _text(tmp_path, "三级指标\t指标值\n人工成本\t≤15万/月\n清运车辆\t8辆\n", year=2020)
    assert _ind(data, "人工成本")["unit"] == "万元/月" and _ind(data, "人工成本")["direction"] == "lower"


def test_template_placeholder_gives_the_unit_and_a_comparator_column_named_计算符号(tmp_path: Path) -> None:
    text = ("2022年度项目支出绩效自评结果\n"
            "一级指标\t二级指标\t三级指标\t计算符号\t年初目标值\t实际完成值\n"
            "产出指标\t数量指标\t公猪舍(≥**平方米)\t≥\t22.8\t22.8\n"
            "\t\t排污沟(≥米)\t=\t50\t50\n"
            "\t\t化粪池（≥**立方米）\t≥\t63\t63\n")
    data = _text(tmp_path, text)
    assert data["source"]["year"] == 2022  # from a title that begins with 2022年度 and is not a 表
    assert [(i["name"], i["unit"]) for i in data["indicators"]] == [("公猪舍", "平方米"), ("排污沟", "米"), ("化粪池", "立方米")]
    assert _ind(data, "排污沟")["targets"]["2022"]["comparator"] == "="


def test_required_marks_on_levels_statements_as_names_and_a_year_end_deadline(tmp_path: Path) -> None:
    text = ("项目支出绩效目标申报表\n(2022年度)\n"
            "一级指标\t二级指标\t三级指标\t指标值\n"
            "产出指标\t数量指标 (必填硬性指标)\t实施营造林总面积(亩)\t80000\n"
            "\t\t其中:实施新造林总面积(亩)\t30000\n"
            "\t\t修建作业道长度(公里)\t30\n"
            "\t时效指标 (必填)\t项目完成时间\t2023年底\n"
            "效益指标\t经济效益 指标 (选填)\t增加就业机会,提高农民收入。\t\n")
    data = _text(tmp_path, text)
    assert [i["name"] for i in data["indicators"]] == ["实施营造林总面积", "实施新造林总面积", "修建作业道长度",
                                                      "项目完成时间", "增加就业机会,提高农民收入"]
    assert _ind(data, "实施新造林总面积")["level2"] == "数量指标"
    assert _ind(data, "修建作业道长度")["kind"] == "flow"  # built this year: adds up
    due = _ind(data, "项目完成时间")
    assert due["kind"] == "milestone" and due["targets"]["2022"]["due"] == "2023-12"
    said = _ind(data, "增加就业机会,提高农民收入")
    assert said["level2"] == "经济效益指标" and said["kind"] == "qualitative" and "target" in said["review"]


def test_marks_before_a_name_and_a_unit_written_with_a_star(tmp_path: Path) -> None:
    text = ("三级指标\t年度指标值\t全年实际值\n"
            "★★★其中:农村低保对象中建档立卡贫困人口数量(按月平均)(≥**人)\t>=9431人\t9453人\n"
            "★农村低保标准(≥**元/人·月)\t>=530元/人*月\t583元/人*月\n"
            "扶贫临时救助标准(<**元/户·年)——一户年最高5300元\t<=5300元/户\t5830元/户\n")
    data = _text(tmp_path, text, year=2019)
    assert [i["name"] for i in data["indicators"]] == ["农村低保对象中建档立卡贫困人口数量(按月平均)", "农村低保标准",
                                                      "扶贫临时救助标准"]
    std = _ind(data, "农村低保标准")
    assert std["unit"] == "元/人·月" and std["targets"]["2019"]["value"] == 530 and std["actuals"]["2019"]["value"] == 583


def test_not_applicable_rows_a_next_title_and_prose_after_a_closing_line(tmp_path: Path) -> None:
    text = ("三级指标\t指标值\n赛事完成率\t100%\n本项目不适用此指标\t无\n观众满意度\t≥90%\n"
            "(三)存在的问题和原因\t\n1、受资助学生覆盖率有待进一步提高。主要原因是\t\n")
    data = _text(tmp_path, text, year=2025)
    assert [i["name"] for i in data["indicators"]] == ["赛事完成率", "观众满意度"]
    text2 = "三级指标\t指标值\n赛事完成率\t100%\n观众满意度\t≥90%\n项目支出绩效目标表\t\n场馆开放天数\t300天\n"
    data2 = _text(tmp_path, text2, year=2025)
    assert [i["name"] for i in data2["indicators"]] == ["赛事完成率", "观众满意度"]
    assert any(s["reason"] == "after_table" and "场馆开放天数" in s["text"] for s in data2["skipped"])


def test_a_value_cell_holding_only_a_unit_is_a_template_never_filled(tmp_path: Path) -> None:
    text = "三级指标\t指标值\n新建堤防长度\t公里\n工程验收合格率\t≧ %\n危房改造户数\t应改尽改\n"
    data = _text(tmp_path, text, year=2020)
    assert [i["name"] for i in data["indicators"]] == ["新建堤防长度", "工程验收合格率", "危房改造户数"]
    assert _ind(data, "危房改造户数")["kind"] == "qualitative"
    assert [(i["unit"], i["targets"]) for i in data["indicators"][:2]] == [("公里", {}), ("%", {})]
    assert data["unread"] == []  # kept, their targets to be filled in at review


def test_levels_written_with_值_and_a_年度数值_column(tmp_path: Path) -> None:
    text = ("项目支出目标申报表（2025年度）\n一级\t二级\t三级\t年度数值\t备注\n"
            "产出值\t数量值\t小学就读人数\t<=6962人\t\n\t质量值\t办学水平提高\t=100%\t\n"
            "效益值\t社会效益值\t学生受益情况\t═100%\t\n")
    data = _text(tmp_path, text)
    rows = [(i["level1"], i["level2"], i["name"]) for i in data["indicators"]]
    assert rows == [("产出指标", "数量指标", "小学就读人数"), ("产出指标", "质量指标", "办学水平提高"),
                    ("效益指标", "社会效益指标", "学生受益情况")]
    assert _ind(data, "学生受益情况")["targets"]["2025"]["comparator"] == "="


def test_level_words_with_alternatives_and_a_plus_minus_cap(tmp_path: Path) -> None:
    text = ("一级指标\t二级指标\t三级指标\t指标值\n"
            "预期产出指标\t数量指标(或建筑规模指标)\t完成结算项目数\t3个\n"
            "\t质量指标\t补助款结算误差率\t±3%以内\n"
            "\t时效指标(工期指标)\t结算款支付及时性\t及时\n"
            "\t\t实现建设总目标控制程度\t\n")
    data = _text(tmp_path, text, year=2019)
    assert [(i["level1"], i["level2"], i["name"]) for i in data["indicators"]] == [
        ("产出指标", "数量指标", "完成结算项目数"), ("产出指标", "质量指标", "补助款结算误差率"),
        ("产出指标", "时效指标", "结算款支付及时性")]
    cap = _ind(data, "补助款结算误差率")["targets"]["2019"]
    assert (cap["comparator"], cap["value"]) == ("<=", 3)
    assert any(u["reason"] == "no_value" and "控制程度" in u["text"] for u in data["unread"])  # a name, not a statement


def test_an_old_excel_workbook_is_read_and_a_sheet_over_the_limits_refused() -> None:
    from analytics.ingest.limits import Limits
    from analytics.ingest.tables.sources import ReadFailure, _read_xls

    blob = (ROOT / "tests" / "tables" / "generated" / "seed_dongguan.xls").read_bytes()
    result = parse_table(blob, filename="seed.xls")
    assert isinstance(result, TableReading) and result.source["format"] == "xls" and len(result.indicators) == 40
    assert "!" in result.source["header_row"]  # places are sheet!row
    refused = _read_xls(blob, None, Limits(max_table_rows=20))
    assert isinstance(refused, ReadFailure) and refused.code == "too_many_rows"
    missing = _read_xls(blob, "没有这个表", Limits())
    assert isinstance(missing, ReadFailure) and missing.code == "no_sheet"


def test_dates_and_percents_of_workbooks_are_read_as_shown() -> None:
    """A date cell (2024-12-31) is a deadline, not its day number; a number formatted as a percent
    (0.95 shown as 95%) is 95% — in .xls (``formats_date_percent.xls``, saved by LibreOffice from
    an .xlsx written here) as in .xlsx."""
    import datetime
    import io

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["2024年项目支出绩效目标表"], ["一级指标", "二级指标", "三级指标", "指标值"],
                ["产出指标", "质量指标", "验收合格率", 0.95], [None, "时效指标", "完成时间", datetime.datetime(2024, 12, 31)],
                [None, "数量指标", "培训人数", 1200], [None, "质量指标", "达标率", 0.955]):
        ws.append(row)
    ws["D3"].number_format, ws["D4"].number_format, ws["D6"].number_format = "0%", "yyyy-mm-dd", "0.0%"
    ws.merge_cells("A3:A6")
    buf = io.BytesIO()
    wb.save(buf)
    for blob, name in ((buf.getvalue(), "t.xlsx"),
                       ((ROOT / "tests" / "tables" / "generated" / "formats_date_percent.xls").read_bytes(), "t.xls")):
        result = parse_table(blob, filename=name)
        assert isinstance(result, TableReading), name
        got = {i["name"]: i for i in result.indicators}
        assert got["验收合格率"]["targets"]["2024"]["value"] == 95 and got["验收合格率"]["unit"] == "%", name
        assert got["达标率"]["targets"]["2024"]["value"] == 95.5, name
        assert got["完成时间"]["kind"] == "milestone" and got["完成时间"]["targets"]["2024"]["due"] == "2024-12", name
        assert got["培训人数"]["targets"]["2024"]["value"] == 1200 and got["培训人数"]["level1"] == "产出指标", name


def test_blank_separated_copy_with_an_explanation_column_left_empty(tmp_path: Path) -> None:
    text = ("2019年度助学金项目绩效评价指标表\n评价指标 评价内容 指标名称 指标说明 目标值 分值 备注\n"
            "产出数量指标 享受资助人数 达到预计值 2100 10\n资金支出率 达到目标值 95% 10\n"
            "质量指标 建档立卡学生全面覆盖 100% 10\n")
    data = _text(tmp_path, text)
    assert data["source"]["format"] == "text-space"
    assert [(i["name"], i["targets"]["2019"]["raw"]) for i in data["indicators"]] == [
        ("享受资助人数", "2100"), ("资金支出率", "95%"), ("建档立卡学生全面覆盖", "100%")]


def test_a_period_with_days_is_a_deadline_at_its_last_month() -> None:
    lex = load_lexicon()
    assert lex.due("2020.1.1-2020.12.31") == "2020-12" and lex.due("2020/1/1-2020/12/31") == "2020-12"
    assert lex.due("2021年全年") == "2021-12" and lex.due("2023年底") == "2023-12"
    assert read_value("2020.1.1-2020.12.31", "higher", lex).form == "deadline"


def test_blank_separated_copy_with_one_target_column_per_place(tmp_path: Path) -> None:
    # the level cells of merged blocks appear once, so the rows are short; the places' values end each row
    text = ("2025年水利专项资金绩效目标表\n"
            "绩效指标 一级指标 二级指标 三级指标 指标解释 指标方向 笏石街道办 埭头镇\n"
            "成本指标 经济成本指标 成本控制率(%) 反映成本控制情况 ≤ 100% 100%\n"
            "产出指标 数量指标 开展修复工程(个) 反映修复项目开展情况 ≥ 1 1\n"
            "质量指标 已建工程是否存在质量问题 当年已完工项目是否发现质量问题 是/否 否 否\n")
    data = _text(tmp_path, text)
    assert data["source"]["format"] == "text-space"
    got = [(i["level2"], i["name"], i["targets"]["2025"]["raw"], i["kind"]) for i in data["indicators"]]
    assert got == [("经济成本指标", "成本控制率", "≤100%", "rate"), ("数量指标", "开展修复工程", "≥1", "flow"),
                   ("质量指标", "已建工程是否存在质量问题", "否", "milestone")]


def test_regional_target_header_with_one_column_per_county_is_one_header(tmp_path: Path) -> None:
    text = ("一级指标\t二级指标\t三级指标\t指标解释\t区域目标值\t\t\n"
            "\t\t\t\t新罗区\t永定区\t上杭县\n"
            "产出指标\t质量指标\t资金使用合规性\t反映资金使用合规情况\t>=95%\t>=95%\t>=95%\n")
    data = _text(tmp_path, text)
    assert [i["name"] for i in data["indicators"]] == ["资金使用合规性"]
    assert data["unread"] == [] and data["skipped"] == []


def test_browser_copy_whose_wrapped_cells_break_their_rows(tmp_path: Path) -> None:
    # a narrow web table: 一级 / 指标 and 群众满意度 / （%） were written on two lines in their cells
    text = ("绩效指标\t一级\n指标\n\t二级指标\t三级指标\t指标值\t全年实际完成值\n"
            "\t产出指标\t数量指标\t发放补贴人数\t200人\t210人\n"
            "\t\t质量指标\t补贴发放准确率\t100%\t100%\n"
            "\t效益\n指标\n\t经济效益\n指标\n\t带动就业人数\t50人\t55人\n"
            "\t\t社会效益指标\t群众满意度\n（%）\t≥90\t95\n")
    data = _text(tmp_path, text, year=2021)
    got = [(i["level1"], i["level2"], i["name"], i["unit"], i["targets"]["2021"]["raw"]) for i in data["indicators"]]
    assert got == [("产出指标", "数量指标", "发放补贴人数", "人", "200人"),
                   ("产出指标", "质量指标", "补贴发放准确率", "%", "100%"),
                   ("效益指标", "经济效益指标", "带动就业人数", "人", "50人"),
                   ("效益指标", "社会效益指标", "群众满意度", "%", "≥90")]
    assert [i["where"] for i in data["indicators"]] == ["L4", "L5", "L6", "L11"]  # each row at its first line
    assert data["unread"] == []


#: a 自评表 whose 指标值 / 全年实际完成值 hold each row's weight and score (together 100)
_SCORED_ROWS = [("产出指标", "数量指标", "建设普通省道二级公路32.1公里", "20", "20"),
                ("", "质量指标", "建设符合验收要求", "20", "20"),
                ("", "时效指标", "按期完成投资", "10", "10"),
                ("效益指标", "经济效益指标", "对经济发展的促进作用", "10", "10"),
                ("", "社会效益指标", "基本公共服务水平", "10", "8"),
                ("", "生态效益指标", "交通建设符合环评审批要求", "10", "10"),
                ("满意度指标", "服务对象满意度指标", "改善通行服务水平群众满意度", "20", "20")]
_SCORED_HEADER = "一级指标\t二级指标\t三级指标\t指标值\t全年实际完成值\n"


def test_value_columns_holding_the_scores_are_not_read_as_targets(tmp_path: Path) -> None:
    # the value columns hold the scores: the names say the targets
    text = _SCORED_HEADER + "\n".join("\t".join(r) for r in _SCORED_ROWS) + "\n"
    data = _text(tmp_path, text, year=2021)
    got = {i["name"]: (i["kind"], i["targets"].get("2021", {}).get("raw"), i["inferred"]["target"]["rule"], i["actuals"])
           for i in data["indicators"]}
    assert got == {"建设普通省道二级公路": ("flow", "32.1公里", "value_in_name", {}),
                   "建设符合验收要求": ("qualitative", "建设符合验收要求", "name_as_statement", {}),
                   "按期完成投资": ("qualitative", "按期完成投资", "name_as_statement", {}),
                   "对经济发展的促进作用": ("flow", None, "target_blank", {}),
                   "基本公共服务水平": ("flow", None, "target_blank", {}),
                   "交通建设符合环评审批要求": ("qualitative", "交通建设符合环评审批要求", "name_as_statement", {}),
                   "改善通行服务水平群众满意度": ("rate", None, "target_blank", {})}
    # a row whose name states no target is listed as unread, and kept for its target to be filled in at review
    assert all("target" in i["review"] for i in data["indicators"] if not i["targets"])
    assert [(u["where"], u["reason"]) for u in data["unread"]] == [
        ("L5", "weights_only"), ("L6", "weights_only"), ("L8", "weights_only")]
    # the same numbers as targets of real counts (not adding up to 100) stay targets
    counts = text.replace("\t20\t20", "\t25\t20")
    data = _text(tmp_path, counts, year=2021)
    assert data["indicators"][1]["targets"]["2021"]["raw"] == "25"


def test_direction_words_in_their_own_column_beside_a_nature_column(tmp_path: Path) -> None:
    # 指标性质 (正向/反向) and 指标方向 (大于等于/小于等于/等于): the written sign decides the comparator
    text = ("一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t目标值\t计量单位\n"
            "产出指标\t数量指标\t车辆采购数量\t\t小于等于\t1\t辆\n"
            "\t质量指标\t设备验收合格率\t正向\t等于\t100\t%\n"
            "\t时效指标\t办结案件数量\t正向\t大于等于\t70\t件\n")
    data = _text(tmp_path, text, year=2025)
    got = [(i["name"], i["targets"]["2025"]["comparator"], i["targets"]["2025"]["value"]) for i in data["indicators"]]
    assert got == [("车辆采购数量", "<=", 1.0), ("设备验收合格率", "=", 100.0), ("办结案件数量", ">=", 70.0)]


def test_pipe_copy_with_a_closing_bar_and_rows_short_of_their_first_level(tmp_path: Path) -> None:
    text = ("项目名称 | 安全隐患维修 | |||||\n"
            "绩效目标 | 1.维修审判大楼玻璃幕墙等,消除外延脱落安全隐患。 |\n"
            "一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 |\n"
            "产出指标 | 数量指标 | 维修面积 | 维修面积 | ≥400平方米 |\n"
            "质量指标 | 验收合格率 | 验收合格率 | ≥98百分比 | |\n"
            "时效指标 | 资金支付及时率 | 资金支付及时率 | 100百分比 | |\n"
            "满意度指标 | 服务对象满意度指标 | 干警满意度 | 干警满意度 | ≥95百分比 |\n")
    data = _text(tmp_path, text, year=2023)
    got = [(i["level2"], i["name"], i["targets"]["2023"]["raw"]) for i in data["indicators"]]
    assert got == [("数量指标", "维修面积", "≥400平方米"), ("质量指标", "验收合格率", "≥98百分比"),
                   ("时效指标", "资金支付及时率", "100百分比"), ("服务对象满意度指标", "干警满意度", "≥95百分比")]


def test_handled_cases_per_head_figures_and_time_taken() -> None:
    from analytics.ingest.tables.infer import infer_direction, infer_kind
    assert infer_direction("违法案件查办率", "%", [], LEX)["value"] == "higher"
    assert infer_direction("违法案件发生率", "%", [], LEX)["value"] == "lower"
    assert infer_direction("汇总突发事件季度报告次数", "次", [], LEX)["value"] == "higher"  # reports, not events
    assert infer_direction("突发事件发生次数", "次", [], LEX)["value"] == "lower"
    assert infer_kind("药品不良反应每百万人口报告数", "", "", [], LEX)["value"] == "level"
    assert infer_kind("药品监管人员人均培训学时", "", "", [], LEX)["value"] == "level"
    assert infer_kind("投资计划分解(转发)用时", "工作日", "", [], LEX)["value"] == "level"
    assert infer_kind("维护及时性", "小时", "", [read_value("<24小时", "lower", LEX)], LEX)["value"] == "level"
    assert infer_kind("创业担保基金放大倍数", "", "", [read_value("5", "higher", LEX)], LEX)["value"] == "level"


@pytest.mark.parametrize("name, unit, direction", [
    ("传染病发病率", "%", "lower"), ("森林火灾受害率", "‰", "lower"), ("不合格率", "%", "lower"),
    ("产品合格率", "%", "higher"), ("未完成率", "%", "lower"), ("单位GDP能耗下降率", "%", "higher"),
    ("城镇登记失业率下降", "百分点", "higher"), ("审批时限压缩比例", "%", "higher"), ("二氧化硫排放量", "吨", "lower"),
    ("水土流失治理面积", "平方公里", "higher"), ("欠薪案件数", "件", "lower"), ("欠薪案件查处率", "%", "higher"),
    ("库存积压量", "吨", "lower"), ("道路拥堵指数", "", "lower"), ("PM2.5平均浓度", "微克/立方米", "lower"),
    ("返贫人数", "人", "lower"), ("防止返贫监测帮扶率", "%", "higher"), ("节约免费老年人出行成本", "万元", "higher"),
    ("共节约特殊群体出行成本", "万元", "higher"), ("出行成本", "万元", "lower"), ("调解各类纠纷数量", "件", "higher"),
    ("矛盾纠纷数量", "件", "lower"), ("林业有害生物成灾率", "‰", "lower"),
    ("不良贷款率", "%", "lower"), ("不良反应监测率", "%", "higher"), ("失败率", "%", "lower"), ("等候时间", "分钟", "lower"),
    ("漏检率", "%", "lower"), ("误报率", "%", "lower"), ("复发率", "%", "lower"), ("损耗率", "%", "lower"),
    ("人均费用", "元", "lower"), ("安全隐患数", "个", "lower"), ("隐患整改率", "%", "higher"), ("信访量", "件", "lower"),
    ("信访办结率", "%", "higher")])
def test_direction_of_names_without_a_written_comparator(name: str, unit: str, direction: str) -> None:
    from analytics.ingest.tables.infer import infer_direction
    assert infer_direction(name, unit, [read_value("5", "higher", LEX)], LEX)["value"] == direction


def test_livestock_on_hand_and_people_registered_are_stocks_and_new_ones_flows() -> None:
    from analytics.ingest.tables.infer import infer_kind
    kinds = {n: infer_kind(n, u, "", [], LEX)["value"] for n, u in (
        ("生猪存栏量", "头"), ("注册志愿者人数", "人"), ("新增存栏", "头"), ("新注册志愿者人数", "人"), ("注册资金", "万元"),
        ("编外人员数量", ""), ("在职人员人数", "人"), ("培训人数", "人"))}
    assert kinds == {"生猪存栏量": "stock", "注册志愿者人数": "stock", "新增存栏": "flow", "新注册志愿者人数": "flow",
                     "注册资金": "flow", "编外人员数量": "stock", "在职人员人数": "stock", "培训人数": "flow"}  # staff on the books are held


def test_a_collection_is_a_stock_and_a_capacity_a_level() -> None:
    from analytics.ingest.tables.infer import infer_kind
    assert infer_kind("公共图书馆藏书量", "万册", "", [read_value("50万册", "higher", LEX)], LEX)["value"] == "stock"
    assert infer_kind("日处理污水能力", "万吨", "", [read_value("5万吨", "higher", LEX)], LEX)["value"] == "level"
    assert infer_kind("新建充电桩", "个", "", [read_value("100个", "higher", LEX)], LEX)["value"] == "flow"


def test_a_standard_per_unit_and_a_unit_per_person_and_day(tmp_path: Path) -> None:
    text = ("一级指标\t二级指标\t三级指标\t年度指标值\n"
            "产出指标\t成本指标\t造林补助\t每亩300\n"
            "\t\t苗木补助\t每亩50元\n"
            "\t\t培训成本\t400元/人、天\n")
    data = _text(tmp_path, text, year=2021)
    got = [(i["name"], i["unit"], i["kind"], i["direction"], i["targets"]["2021"]["comparator"],
            i["targets"]["2021"]["value"]) for i in data["indicators"]]
    assert got == [("造林补助", "", "level", "lower", "<=", 300.0), ("苗木补助", "元/亩", "level", "lower", "<=", 50.0),
                   ("培训成本", "元/人、天", "level", "lower", "<=", 400.0)]


def test_time_taken_in_working_days_standards_and_a_whole_share_under_cost() -> None:
    from analytics.ingest.tables.cells import read_value
    from analytics.ingest.tables.infer import infer_direction, infer_kind
    days = [read_value("≤7工作日", "lower", LEX)]
    assert infer_kind("检测及时率", "工作日", "", days, LEX)["value"] == "level"
    assert infer_kind("免费开放天数", "天", "", [read_value("365天", "higher", LEX)], LEX)["value"] != "level"
    assert infer_kind("农村特困人员救助供养基本生活标准", "元/月", "", [], LEX)["value"] == "level"
    assert infer_kind("受助人数", "人", "", [], LEX)["value"] == "flow"
    whole = [read_value("100%", "higher", LEX)]
    assert infer_direction("按照物价部门定价标准采购", "%", whole, LEX, "产出指标 成本指标")["value"] == "higher"
    assert infer_direction("项目总成本", "万元", [read_value("100", "higher", LEX)], LEX, "产出指标 成本指标")["value"] == "lower"
    assert infer_direction("设备采购支出", "万元", [read_value("100", "higher", LEX)], LEX, "产出指标 成本指标")["value"] == "lower"


def test_a_web_copy_pasted_into_excel_is_put_back_and_a_merged_label_over_the_sign_off(tmp_path: Path) -> None:
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    for row in [["项目支出绩效目标表（2023年度）"],
                ["一级指标", "二级指标", "三级指标", "指标值"],
                ["产出指标", "数量指标", "培训人次", "≥500人次"],
                ["质量指标", "培训合格率", "≥95%"],          # the merged 产出指标 left out: shifted left
                ["时效指标", "按时完成率", "100%"],
                ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"],
                ["", "", "填报人：张三　联系电话：12345678"]]:
        ws.append(row)
    ws.merge_cells("A6:A7")  # a level label merged down over the closing line
    path = tmp_path / "pasted.xlsx"
    wb.save(path)
    data = _read(path)
    got = [(i["level1"], i["level2"], i["name"], i["targets"]["2023"]["value"]) for i in data["indicators"]]
    assert got == [("产出指标", "数量指标", "培训人次", 500.0), ("产出指标", "质量指标", "培训合格率", 95.0),
                   ("产出指标", "时效指标", "按时完成率", 100.0), ("满意度指标", "服务对象满意度指标", "学员满意度", 90.0)]
    assert any("填报人" in s["text"] and s["reason"] == "sign_off" for s in data["skipped"])


def test_header_copied_in_pieces_is_put_together(tmp_path: Path) -> None:
    """A 自评表 whose header a web copy split: 绩效指标 | 年度指标值 | 实际完成值 … on one line, 一级指标
    alone, then 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位; rows shifted left under a merged 一级."""
    text = ("| 2023年度项目支出绩效自评表 | | | |\n"
            "| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
            "|\n"
            "| 一级 指标 |\n"
            "| 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | | |\n"
            "| 产出指标 | 数量指标 | 维修道路长度 | ≥ | 12 | 公里 | 12.5 | 20 | 20 | |\n"
            "| 质量指标 | 验收合格率 | ﹦ | 100 | % | 100 | 20 | 20 | |\n"
            "| 效益指标 | 社会效益指标 | 群众投诉次数 | ≤ | 3 | 次 | 1 | 30 | 30 | |\n")
    data = _text(tmp_path, text, name="pieces.txt")
    assert [i["name"] for i in data["indicators"]] == ["维修道路长度", "验收合格率", "群众投诉次数"]
    road, rate, complaints = data["indicators"]
    assert road["unit"] == "公里" and road["targets"]["2023"]["value"] == 12 and road["actuals"]["2023"]["value"] == 12.5
    assert rate["level1"] == "产出指标" and rate["level2"] == "质量指标" and rate["targets"]["2023"]["comparator"] == "="
    assert complaints["direction"] == "lower" and complaints["targets"]["2023"]["comparator"] == "<="


TWO_FORMS = ("项目支出绩效目标表\n（2024年）\n"
             "项目名称 | 道路维修 |\n"
             "一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
             "产出指标 | 数量指标 | 维修道路长度 | ≥12公里 |\n"
             "满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |\n"
             "项目名称 | 路灯更换 |\n"
             "一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
             "产出指标 | 数量指标 | 更换路灯数量 | ≥300盏 |\n"
             "产出指标 | 时效指标 | 完成及时率 | 100% |\n")


def test_several_forms_in_one_file_are_all_read_or_one_chosen(tmp_path: Path) -> None:
    """A document with one form a project, one below another: every form is read (each indicator
    with its form, the year of the form above when a form names none), or only the one asked for."""
    data = _text(tmp_path, TWO_FORMS, name="forms.txt")
    assert [(i["form"], i["name"]) for i in data["indicators"]] == [
        (1, "维修道路长度"), (1, "群众满意度"), (2, "更换路灯数量"), (2, "完成及时率")]
    assert [i["id"] for i in data["indicators"]] == ["t01", "t02", "t03", "t04"]
    assert [(f["form"], f["name"], f["indicators"]) for f in data["source"]["forms"]] == [(1, "道路维修", 2), (2, "路灯更换", 2)]
    assert _ind(data, "更换路灯数量")["targets"]["2024"]["value"] == 300
    assert not [s for s in data["skipped"] if s["reason"] == "after_table"]
    second = _text(tmp_path, TWO_FORMS, name="forms.txt", form=2)
    assert [i["name"] for i in second["indicators"]] == ["更换路灯数量", "完成及时率"] and "form" not in second["indicators"][0]
    assert second["project"]["name"] == "路灯更换" and second["source"]["year_from"] == "form_above"
    path = tmp_path / "forms.txt"
    missing = parse_table(path, form=3)
    assert isinstance(missing, NoTable) and missing.code == "no_form" and missing.rows == 2
    proc = subprocess.run([sys.executable, "-m", "analytics", "parse-table", str(path), "--form", "3"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1 and "没有第 3 张目标表，文件中共有 2 张" in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "analytics", "parse-table", str(path)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and "有 2 张目标表" in proc.stderr and len(json.loads(proc.stdout)["indicators"]) == 4


def test_text_in_gbk_or_excel_unicode_text_is_read(tmp_path: Path) -> None:
    """Excel's 另存为 Unicode 文本 writes UTF-16 with a byte-order mark; Notepad and older Excel GBK."""
    text = "2024年项目支出绩效目标表\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人数\t≥500人\n"
    for enc in ("utf-16", "gbk"):
        path = tmp_path / f"t_{enc}.txt"
        path.write_bytes(text.replace("\n", "\r\n").encode(enc))
        data = _read(path)
        assert [(i["name"], i["targets"]["2024"]["value"]) for i in data["indicators"]] == [("培训人数", 500)], enc


def test_a_name_holding_a_column_word_and_a_next_title_with_its_year(tmp_path: Path) -> None:
    """One cell per line: 赛事完成率 (like the 完成率 column's header) followed by its value is a row;
    the next form's title with its year on the same row (项目支出绩效目标表 | (2025年度)) ends the table."""
    text = "\n".join(["2025年项目支出绩效目标表", "一级指标", "二级指标", "三级指标", "指标值",
                      "产出指标", "质量指标", "经费支出合规率", "100%", "赛事完成率", "100%",
                      "时效指标", "完成时间", "2025年年底前"]) + "\n"
    data = _text(tmp_path, text, name="lines.txt")
    assert [i["name"] for i in data["indicators"]] == ["经费支出合规率", "赛事完成率", "完成时间"]
    assert _ind(data, "赛事完成率")["targets"]["2025"]["value"] == 100 and not data["unread"]
    piped = ("2025年项目支出绩效目标表 |\n一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
             "产出指标 | 数量指标 | 开展赛事场次 | ≥3场 |\n项目支出绩效目标表 | (2025年度) |\n")
    data = _text(tmp_path, piped, name="piped.txt")
    assert [i["name"] for i in data["indicators"]] == ["开展赛事场次"]
    assert [s["reason"] for s in data["skipped"] if "(2025年度)" in s["text"]] == ["after_table"]


def test_a_next_forms_title_with_its_year_in_one_cell_under_a_merged_level_ends_the_table(tmp_path: Path) -> None:
    """A workbook of two forms: the second's title holds its year in its own cell (项目绩效目标完成情况表
    (2019 年度)) and the first form's level labels are merged down over it; no 项目名称 row follows. The
    title ends the first form, the second is read under its own header, and a closing line's 存在问题 | 无
    below the first form is no indicator."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for r in (["绩效指标完成情况", "一级指标", "二级指标", "三级指标", "预期指标值", "实际完成指标值"],
              ["", "产出指标", "数量指标", "查处交通违法行为", "7万起", "7.07万起"],
              ["", "", "", "评价结论", "完成", ""],
              ["", "", "", "存在问题", "无", ""],
              ["项目绩效目标完成情况表 (2019 年度)", "", "", "", "", ""],
              ["预算单位", "交通警察大队", "", "", "", ""],
              ["绩效指标完成情况", "一级指标", "二级指标", "三级指标", "预期指标值", "实际完成指标值"],
              ["", "产出指标", "数量指标", "保障公务用车数量", "8辆", "8辆"]):
        ws.append(r)
    ws.merge_cells("B2:B5")
    ws.merge_cells("C2:C5")
    wb.save(tmp_path / "two.xlsx")
    data = _read(tmp_path / "two.xlsx")
    assert [i["name"] for i in data["indicators"]] == ["查处交通违法行为", "保障公务用车数量"]
    assert [f["indicators"] for f in data["source"]["forms"]] == [1, 1]
    assert _ind(data, "保障公务用车数量")["targets"]["2019"]["value"] == 8
    assert [s["reason"] for s in data["skipped"] if "存在问题" in s["text"]] == ["sign_off"]


def test_a_page_number_between_the_rows_is_no_indicator(tmp_path: Path) -> None:
    text = ("一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人次\t≥500人次\n"
            "—2—\t偏差大或\t\t\n\t质量指标\t培训合格率\t≥95%\n- 3 -\t\t\t\n")
    data = _text(tmp_path, text, year=2023)
    assert [i["name"] for i in data["indicators"]] == ["培训人次", "培训合格率"]
    assert {s["text"].split(" | ")[0] for s in data["skipped"] if s["reason"] == "placeholder"} >= {"—2—"}


def test_a_template_value_cell_holding_only_a_unit_keeps_its_row_to_fill_in(tmp_path: Path) -> None:
    data = _text(tmp_path, "2020年绩效目标表\n一级指标\t二级指标\t三级指标\t指标值\n"
                           "产出指标\t数量指标\t新建堤防长度\t公里\n\t质量指标\t工程验收合格率\t≧ %\n"
                           "\t时效指标\t按时完工率\t100%\n\t\t培训人数\t\n")
    dike, rate = _ind(data, "新建堤防长度"), _ind(data, "工程验收合格率")
    assert (dike["unit"], dike["targets"], dike["inferred"]["target"]["rule"]) == ("公里", {}, "target_blank")
    assert (rate["unit"], rate["kind"], rate["targets"]) == ("%", "rate", {})
    assert "target" in dike["review"] and "公里" in dike["inferred"]["target"]["reason"]
    assert _ind(data, "按时完工率")["targets"]["2020"]["value"] == 100.0
    # a blank cell in a table that has values is still a row that could not be read, not a template
    assert [(u["reason"], u["text"]) for u in data["unread"]] == [("no_value", "培训人数")]


def test_a_row_with_its_unit_written_and_its_target_left_blank_is_kept_for_review(tmp_path: Path) -> None:
    data = _text(tmp_path, "2016年绩效目标表\n一级指标\t二级指标\t三级指标\t计量单位\t目标值\n"
                           "产出指标\t质量指标\t检验合格率\t%\t≥95%\n\t\t进境植物疫情检出率\t%\t\n"
                           "\t\t培训人数\t\t\n")
    found = _ind(data, "进境植物疫情检出率")
    assert (found["unit"], found["targets"], found["inferred"]["target"]["rule"]) == ("%", {}, "target_blank")
    assert "target" in found["review"] and "空着" in found["inferred"]["target"]["reason"]
    # with no unit written the row may head the rows under it: still listed as not read
    assert [(u["reason"], u["text"].split(" | ")[-1]) for u in data["unread"]] == [("no_value", "培训人数")]


def test_a_blank_template_keeps_every_named_row_with_its_unit_from_the_name(tmp_path: Path) -> None:
    data = _text(tmp_path, "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t灌区节水改造面积（万亩）\t\n"
                           "\t质量指标\t工程验收合格率\t\n满意度指标\t服务对象满意度\t群众满意度\t\n")
    assert [(i["name"], i["unit"], i["targets"]) for i in data["indicators"]] == [
        ("灌区节水改造面积", "万亩", {}), ("工程验收合格率", "%", {}), ("群众满意度", "%", {})]
    assert all(i["inferred"]["target"]["rule"] == "target_blank" and "target" in i["review"] for i in data["indicators"])
    assert data["unread"] == []


def test_a_name_of_signs_or_digits_only_is_never_an_indicator(tmp_path: Path) -> None:
    data = _text(tmp_path, "2024年绩效目标表\n三级指标\t指标值\n≥\t1200\n日常养护里程\t≥1200公里\n")
    assert [i["name"] for i in data["indicators"]] == ["日常养护里程"]
    assert [(u["reason"], u["text"]) for u in data["unread"]] == [("no_name", "≥ | 1200")]


def test_excel_s_copy_of_cells_quotes_a_cell_written_on_several_lines(tmp_path: Path) -> None:
    """Cells copied out of Excel or WPS and pasted as text: tab-separated, a cell holding a line
    break in quotes ("2023年<newline>目标值"); the quotes are not part of the cell."""
    from analytics.ingest.tables.sources import split_text
    from tests.tables.make_fixtures import source_text

    rows = split_text(source_text(ROOT / "tests" / "tables" / "seed_dongguan.txt")).rows
    quoted = lambda c: '"' + c.replace('"', '""') + '"' if "\n" in c or '"' in c else c  # noqa: E731
    text = "\n".join("\t".join(quoted(c) for c in r) for r in rows)
    data = _text(tmp_path, text)
    assert [c["header"] for c in data["source"]["value_columns"]] == ["2022年数据", "2023年目标值", "2024年目标值"]
    assert len(data["indicators"]) == 40 and data["unread"] == []
    assert data["project"]["funding"]["total"] == 103414.18


def test_a_sentence_states_one_bound_and_a_template_row_filled_with_zeros(tmp_path: Path) -> None:
    from analytics.ingest.tables.cells import read_value

    sentence = lambda t: read_value(t, "higher", LEX, sentence=True)  # noqa: E731
    assert (sentence("按时完成，合格率不低于95%").comparator, sentence("按时完成，合格率不低于95%").value) == (">=", 95.0)
    assert sentence("培训人数500人以上").unit == "人"
    for text in ("开展培训不少于3期，每期不少于50人", "同比增长不低于10%", "90%以上实际收到补助金额/预算90%"):
        assert sentence(text).form != "number", text  # two bounds, a growth, cells run together
    assert read_value("总航时不少于30小时", "higher", LEX).form != "number"  # only for a cell known to be the target
    text = "\n".join([
        "项目支出绩效目标审批表 | (2023年度) |",
        "一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 |",
        "成本指标 | 经济成本指标 | 0 | 0.00% | 0 |",
        "产出指标 | 数量指标 | 举报奖励次数 | ≥5次 | 10 |"])
    data = _text(tmp_path, text)
    assert [i["name"] for i in data["indicators"]] == ["举报奖励次数"]
    assert [u["reason"] for u in data["unread"]] == ["no_name"] and "经济成本指标" in data["unread"][0]["text"]


def test_a_header_whose_first_cell_broke_off_onto_its_own_line(tmp_path: Path) -> None:
    text = "\n".join(["项目支出绩效目标表", " (2023年度)", "项目名称 残疾人精准康复", "项目资金", "(万元)",
                      " 年度资金总额: 80", "年度", "目标", "聚焦残疾人康复需求，提供基本康复服务", "", "一级", "指标",
                      "二级指标 三级指标 指标值",
                      "产出指标 数量指标 签约康复人数 ≥18000人", "涉及乡镇街数量 =22个", "发放辅助器具人数 ≥4000人"])
    data = _text(tmp_path, text)
    got = [(i["name"], i["targets"]["2023"]["comparator"], i["targets"]["2023"]["value"]) for i in data["indicators"]]
    assert got == [("签约康复人数", ">=", 18000.0), ("涉及乡镇街数量", "=", 22.0), ("发放辅助器具人数", ">=", 4000.0)]
    assert data["project"]["name"] == "残疾人精准康复"


def test_a_row_a_line_with_a_template_hint_spaced_a_worded_target_and_a_yearly_deadline(tmp_path: Path) -> None:
    """A PDF viewer's or web page's copy, cells separated by blanks: ``收益率( ≥**% )`` is one cell,
    a target in words holding numbers is the target (not a 备注), ``每年12月底前`` a deadline."""
    text = "\n".join([
        "2018年南岳镇资产收益扶贫项目绩效目标申报表",
        "绩效指标 一级指标 二级指标 三级指标 指标值 备注",
        "产出指标 数量指标 入股合作社个数 =10个  ",
        "质量指标 返本分红比例 第一年按总投资额返本20%,分红按8%分红  ",
        "时效指标 每年返本分红时间 每年12月底前  ",
        "效益指标 经济效益指标 *资产股权年收益率( ≥**% ) >=8%  "])
    data = _text(tmp_path, text)
    got = {i["name"]: (i["kind"], i["targets"]["2018"].get("value"), i["targets"]["2018"].get("due")) for i in data["indicators"]}
    assert got == {"入股合作社个数": ("stock", 10.0, None), "返本分红比例": ("qualitative", None, None),
                   "每年返本分红时间": ("milestone", 1.0, "2018-12"), "资产股权年收益率": ("rate", 8.0, None)}
    assert data["unread"] == []


def test_a_title_year_is_kept_when_the_way_of_cutting_drops_the_lines_above_the_header(monkeypatch) -> None:
    """A copy whose header only the stream cutter finds (it keeps no line above the header): the
    year of the title (（2023年度）) still dates the targets."""
    import analytics.ingest.tables.breaks as breaks

    monkeypatch.setattr(breaks, "_header_goes_on", lambda *a: False)  # the header broken off, as no other way knows
    path = TABLES / "heldout14" / "jinan_canlian_kangfu_2023.txt"
    data = _read(path)
    assert data["source"]["year"] == 2023 and data["source"]["year_from"] == "title"
    assert [list(i["targets"]) for i in data["indicators"]] == [["2023"]] * 3


def test_scores_in_the_value_columns_with_a_level_label_broken_off_its_block(tmp_path: Path) -> None:
    """A row holding only a broken level label (服务对象 above 满意度指标) has no value cell: it
    neither hides that the value columns hold scores nor becomes a target statement itself."""
    rows = _SCORED_ROWS[:6] + [("满意度指标", "", "服务对象", "", ""),
                               ("", "满意度指标", "改善通行服务水平群众满意度", "20", "20")]
    text = _SCORED_HEADER + "\n".join("\t".join(r) for r in rows) + "\n"
    data = _text(tmp_path, text, year=2021)
    assert [i["name"] for i in data["indicators"]] == ["建设普通省道二级公路", "建设符合验收要求", "按期完成投资",
                                                       "对经济发展的促进作用", "基本公共服务水平",
                                                       "交通建设符合环评审批要求", "改善通行服务水平群众满意度"]
    assert all(i["targets"].get("2021", {}).get("raw") not in ("10", "20") for i in data["indicators"])
    assert any("服务对象" in u["text"] for u in data["unread"])


def test_a_score_only_row_repeating_the_name_above_it_is_no_second_indicator(tmp_path: Path) -> None:
    """A name merged over two rows (按期完成投资 over 时效指标 and 成本指标) in a table whose value cells
    hold scores: the second row is not kept as a second indicator with a blank target."""
    rows = _SCORED_ROWS[:3] + [("", "成本指标", "按期完成投资", "", "")] + _SCORED_ROWS[3:]
    text = _SCORED_HEADER + "\n".join("\t".join(r) for r in rows) + "\n"
    data = _text(tmp_path, text, year=2021)
    names = [i["name"] for i in data["indicators"]]
    assert names.count("按期完成投资") == 1 and "对经济发展的促进作用" in names


def test_a_cell_a_line_with_a_bar_line_after_each_cell_is_read_from_its_header(tmp_path: Path) -> None:
    """A web page copied one cell a line with a ``|`` line after each: the header's rebuild wins over
    a way of cutting that runs names into their values (``接种率≧90%``) and reads ``7 岁以下`` as a
    target, though that one finds more rows with a value; the last name, whose value the copy cut
    to ``≧``, is listed as unread."""
    cells = ["项目支出绩效目标申报表", "(2024 年度)", "项目名称", "|", "某服务项目", "|", "绩效 指标", "|", "一级 指标", "|",
             "二级指标", "|", "三级指标", "|", "指标值", "|", "产出 指标", "|", "数量指标", "|",
             "适龄儿童疫苗接种率", "|", "≧90%", "|", "7 岁以下儿童健康管理率", "|", "≧85%", "|",
             "0-6 岁儿童视力检查覆盖率", "|", "≧"]
    path = tmp_path / "bars.txt"
    path.write_text("\n".join(cells) + "\n", encoding="utf-8")
    result = parse_table(path)
    assert isinstance(result, TableReading)
    got = {i["name"]: i["targets"]["2024"] for i in result.to_json()["indicators"]}
    assert list(got) == ["适龄儿童疫苗接种率", "7 岁以下儿童健康管理率"]
    assert (got["7 岁以下儿童健康管理率"]["comparator"], got["7 岁以下儿童健康管理率"]["value"]) == (">=", 85)
    assert any("0-6 岁儿童视力检查覆盖率" in u["text"] for u in result.to_json()["unread"])


def test_a_level_word_with_an_alternative_inside_its_brackets() -> None:
    """东莞's 预期产出指标 blocks: 预算(或投资规模)控制指标 is a second level under 产出指标, like
    数量指标(或建筑规模指标); a bracket that is no alternative stays part of the word."""
    assert LEX.level_word("预算(或投资规模)控制指标") == ("level2", "预算控制指标")
    assert LEX.level_word("数量指标(或建筑规模指标)") == ("level2", "数量指标")
    assert LEX.level2_to_level1["预算控制指标"] == "产出指标"
    assert LEX.level_word("预算(投资)控制情况") is None


def test_the_template_s_compound_label_copied_without_its_zhibiao_is_the_level() -> None:
    """社会公众或服务对象满意度 (the template's 社会公众或服务对象满意度指标, its 指标 left off) is the
    second level; a name is not taken for a level so (群众满意度)."""
    assert LEX.level_word("社会公众或服务对象满意度") == ("level2", "社会公众或服务对象满意度指标")
    assert LEX.level_word("群众满意度") is None
    text = ("2023年项目支出绩效目标表\n一级指标 二级指标 三级指标 指标值及单位 绩效标准\n"
            "产出指标 数量指标 全年工伤预防培训场次 ≥1场 计划标准\n"
            "社会公众或服务对象满意度 服务对象满意度 满意 历史标准\n")
    data = _read(text.encode("utf-8"), filename="copy.txt")
    got = [(i["level2"], i["name"], i["kind"]) for i in data["indicators"]]
    assert got[-1] == ("社会公众或服务对象满意度指标", "服务对象满意度", "qualitative")


def test_a_value_header_merged_over_a_comparator_a_number_and_a_unit(tmp_path: Path) -> None:
    """指标值 merged over three cells (≥ | 500 | 人次), in a workbook or a tab copy without the merge:
    one value ≥500人次, never the comparator alone read as a target in words."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["项目支出绩效目标表（2024年度）"])
    ws.append(["一级指标", "二级指标", "三级指标", "指标值", None, None])
    ws.merge_cells("D2:F2")
    ws.append(["产出指标", "数量指标", "培训人次", "≥", 500, "人次"])
    ws.append([None, "质量指标", "培训合格率", "≥", 95, "%"])
    ws.append([None, "成本指标", "人均培训成本", "≤", 1000, "元/人"])
    wb.save(tmp_path / "merged.xlsx")
    data = _read(tmp_path / "merged.xlsx")
    got = {i["name"]: (i["targets"]["2024"]["comparator"], i["targets"]["2024"]["value"], i["unit"], i["kind"])
           for i in data["indicators"]}
    assert got == {"培训人次": (">=", 500, "人次", "flow"), "培训合格率": (">=", 95, "%", "rate"),
                   "人均培训成本": ("<=", 1000, "元/人", "level")}
    text = _text(tmp_path, "项目支出绩效目标表（2024年度）\n一级指标\t二级指标\t三级指标\t指标值\n"
                           "产出指标\t数量指标\t培训人次\t≥\t500\t人次\n")
    assert text["indicators"][0]["targets"]["2024"]["raw"] == "≥500人次"


def test_both_levels_in_one_cell_and_a_target_after_a_name_whose_value_cell_is_blank(tmp_path: Path) -> None:
    """``产出指标-数量指标`` in one 指标类型 column is both levels; a blank value cell beside
    ``培训人次（≥500人次）`` or ``培训合格率达到95%以上`` takes the target from the name (marked for
    checking), while a template's hint ``(≥**人)`` is still no target."""
    data = _text(tmp_path, "项目绩效目标表（2024年度）\n序号\t指标类型\t指标名称\t目标值\n"
                           "1\t产出指标-数量指标\t培训人次（≥500人次）\t\n2\t产出指标/质量指标\t培训合格率达到95%以上\t\n"
                           "3\t效益指标-社会效益指标\t受益人数(≥**人)\t\n4\t满意度指标、服务对象满意度指标\t学员满意度\t≥90%\n")
    by = {i["name"]: i for i in data["indicators"]}
    assert [(i["level1"], i["level2"]) for i in data["indicators"]] == [
        ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("满意度指标", "服务对象满意度指标")]
    assert (by["培训人次"]["targets"]["2024"]["comparator"], by["培训人次"]["targets"]["2024"]["value"]) == (">=", 500)
    assert by["培训人次"]["unit"] == "人次" and "target" in by["培训人次"]["review"]
    assert (by["培训合格率"]["targets"]["2024"]["comparator"], by["培训合格率"]["targets"]["2024"]["value"]) == (">=", 95)
    assert "受益人数" not in by and any("受益人数" in u["text"] for u in data["unread"])  # a hint, no target


@pytest.mark.parametrize("name_header, value_header", [
    ("评价指标", "绩效目标值"), ("细化指标", "年度指标值（2024年）"), ("量化指标", "标准值"), ("考核内容", "年度目标"),
    ("绩效指标内容", "预期绩效目标"), ("具体指标", "指标值（包含数字及文字描述）")])
def test_other_words_for_the_name_and_value_headers(tmp_path: Path, name_header: str, value_header: str) -> None:
    text = (f"一级指标\t二级指标\t{name_header}\t{value_header}\n"
            "产出指标\t数量指标\t培训人数\t≥500人次\n"
            "\t质量指标\t培训合格率\t≥95%\n")
    data = _text(tmp_path, text, year=2024)
    assert [(i["name"], i["targets"]["2024"]["value"]) for i in data["indicators"]] == [("培训人数", 500), ("培训合格率", 95)]


def test_a_generic_name_header_beside_a_specific_one_is_a_level_not_a_second_set(tmp_path: Path) -> None:
    text = ("评价指标\t评价内容\t指标名称\t指标说明\t目标值\t分值\n"
            "项目年度绩效目标(定量指标)\t产出数量指标\t享受资助人数\t达到预计值\t2100\t10\n"
            "\t\t资金支出率\t达到目标值\t95%\t10\n"
            "\t质量指标\t资助对象满意度\t达到目标值\t95%以上\t10\n")
    data = _text(tmp_path, text, year=2019)
    assert [i["name"] for i in data["indicators"]] == ["享受资助人数", "资金支出率", "资助对象满意度"]


def test_a_unit_or_sign_in_a_cells_number_format_is_read_with_its_number(tmp_path: Path) -> None:
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.append(["一级指标", "二级指标", "三级指标", "指标值"])
    for name, value, fmt in [("培训人数", 500, '#,##0"人次"'), ("就业人数", 1.2, '0.0"万人"'), ("培训合格率", 0.95, '"≥"0%'),
                             ("人均成本", 1200, '\\¥#,##0')]:
        ws.append(["产出指标", "数量指标", name, value])
        ws.cell(ws.max_row, 4).number_format = fmt
    wb.save(tmp_path / "t.xlsx")
    data = _read(tmp_path / "t.xlsx", year=2024)
    got = [(i["name"], i["unit"], i["targets"]["2024"]["comparator"], i["targets"]["2024"]["value"]) for i in data["indicators"]]
    assert got == [("培训人数", "人次", ">=", 500), ("就业人数", "万人", ">=", 1.2), ("培训合格率", "%", ">=", 95),
                   ("人均成本", "", "<=", 1200)]  # a currency sign is no target's word


_WORD_ROWS = [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "培训人数", "≥500人次"],
              ["", "质量指标", "培训合格率", "≥95%"], ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"]]


def _word_names(path: Path) -> list[tuple[str, str, float]]:
    data = _read(path, year=2024)
    return [(i["level2"], i["name"], i["targets"]["2024"]["value"]) for i in data["indicators"]]


def test_word_rows_and_cells_in_content_controls_a_row_starting_further_right_and_a_nested_table(tmp_path: Path) -> None:
    import docx
    from docx.oxml.ns import qn
    from lxml import etree

    want = [("数量指标", "培训人数", 500), ("质量指标", "培训合格率", 95), ("服务对象满意度指标", "学员满意度", 90)]

    def table(doc: "docx.document.Document", cell: object = None) -> object:
        t = (cell or doc).add_table(rows=4, cols=4)  # type: ignore[attr-defined]
        for i, r in enumerate(_WORD_ROWS):
            for j, v in enumerate(r):
                t.cell(i, j).text = v
        return t

    def wrap(el: object) -> None:  # el inside <w:sdt><w:sdtContent>, where it stood
        sdt = etree.Element(qn("w:sdt"))
        content = etree.SubElement(sdt, qn("w:sdtContent"))
        el.addprevious(sdt)  # type: ignore[attr-defined]
        content.append(el)

    d = docx.Document()
    t = table(d)
    wrap(t._tbl.findall(qn("w:tr"))[2])  # a row in a content control
    wrap(t._tbl.findall(qn("w:tr"))[2].findall(qn("w:tc"))[3])  # a cell in one
    d.save(tmp_path / "sdt.docx")
    assert _word_names(tmp_path / "sdt.docx") == want

    d = docx.Document()
    tr = table(d)._tbl.findall(qn("w:tr"))[2]
    tr.remove(tr.findall(qn("w:tc"))[0])  # the blank 一级 cell left out: the row starts one column right
    pr = tr.find(qn("w:trPr"))
    if pr is None:
        pr = etree.Element(qn("w:trPr"))
        tr.insert(0, pr)
    etree.SubElement(pr, qn("w:gridBefore")).set(qn("w:val"), "1")
    d.save(tmp_path / "before.docx")
    assert _word_names(tmp_path / "before.docx") == want

    d = docx.Document()
    outer = d.add_table(rows=2, cols=2)
    outer.cell(0, 0).text, outer.cell(0, 1).text = "项目名称", "职业技能培训补贴"
    outer.cell(1, 0).text = "绩效指标"
    table(d, outer.cell(1, 1))  # the indicators as a table inside the form's cell
    d.save(tmp_path / "nested.docx")
    assert _word_names(tmp_path / "nested.docx") == want


def test_a_damaged_old_workbook_prints_no_reader_warnings_and_says_what_to_do(tmp_path: Path) -> None:
    xls = (ROOT / "tests" / "tables" / "generated" / "seed_dongguan.xls").read_bytes()
    path = tmp_path / "broken.xls"
    path.write_bytes(xls[:6000])  # cut off: the old format's reader complains of the sectors
    done = subprocess.run([sys.executable, "-m", "analytics", "parse-table", str(path), "--format", "json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 1 and done.stdout == ""  # the output stays the program's: no WARNING *** lines
    assert "另存" in done.stderr and "Traceback" not in done.stderr


def test_a_row_a_line_copy_with_level_headers_above_scoring_notes_and_a_cut_last_row() -> None:
    """A 自评表 copied a row a line, cells apart by blanks: 一级指标 / 二级指标 each on a line above
    ``三级指标 预期指标值(A) …`` are the header's first cells (the rows, their 一级 label lost, are set
    under them); a level's score alone (``(50分)``) is no row; a scoring note between the rows
    (``定量指标计算:…记满分``) is skipped without closing the table; a last row cut off inside its
    name (ending in 、) is listed as unread, never read as its own qualitative target."""
    text = "\n".join([
        "区级部门预算项目支出绩效自评表", "( 2021 年度)",
        "一级", "指标", "二级", "指标",
        "三级指标 预期指标值(A) 实际完成指标值(B) 分值 得分 未完成原因",
        "(50分)",
        "数量指标 图书借阅人次 20000人次 21000人次 25 25",
        "定量指标计算:完成值达到指标值,记满分;未达到指标值,按B/A*该指标分值记分。",
        "-",
        "质量指标 图书编目合格率 98% 99% 25 25",
        "(30分)",
        "社会效益",
        "指标",
        "提升群众阅读水平,满足群众文化需求、",
    ])
    data = _read(text.encode("utf-8"), filename="t.txt")
    got = [(i["level1"], i["level2"], i["name"], i["targets"]["2021"]["raw"]) for i in data["indicators"]]
    assert got == [("产出指标", "数量指标", "图书借阅人次", "20000人次"), ("产出指标", "质量指标", "图书编目合格率", "98%")]
    assert [u["text"] for u in data["unread"]] == ["提升群众阅读水平,满足群众文化需求、"]
    assert any(s["reason"] == "note" and s["text"].startswith("定量指标计算") for s in data["skipped"])


def test_fragments_where_a_name_stands_are_skipped_not_read_as_indicators() -> None:
    """A word wrapped off its cell (高), a value word (是, 有效), a tick-box list, a level with only its
    score (产出指标 | (60分)), the value columns' years repeated on a new page and a 评价结论 line are
    no indicators; each is listed among the skipped rows with its reason."""
    text = "\n".join([
        "一级指标\t二级指标\t三级指标\t2022年指标值\t2022年实际完成值",
        "产出指标\t(60分)\t\t\t",
        "产出指标\t数量指标\t维修设备数量\t≥20台\t22台",
        "\t\t高\t高\t",
        "\t\t2022年\t2023年\t",
        "\t质量指标\t设备完好率\t≥95%\t97%",
        "\t\t是\t是\t",
        "\t\t优秀□ 良好□ 合格□\t\t",
        "效益指标\t社会效益指标\t群众满意度\t≥90%\t93%",
        "评价结论\t完成年度目标\t\t\t",
    ])
    data = _read(text.encode("utf-8"), filename="t.txt")
    assert [i["name"] for i in data["indicators"]] == ["维修设备数量", "设备完好率", "群众满意度"]
    reasons = {s["text"].split(" | ")[0].strip(): s["reason"] for s in data["skipped"]}
    assert reasons.get("是") == "fragment" and reasons.get("高") == "fragment"
    assert not data["unread"]


def test_a_target_written_as_the_change_is_read_only_on_a_name_that_measures_the_change() -> None:
    """同比增长10% under 营业收入增长率 is the growth rate itself (≥10%, marked for review); under 就业人数
    it is relative to last year's figure, which the table does not give: listed as unreadable."""
    text = "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t就业人数\t同比增长10%\n" \
           "\t\t营业收入增长率\t同比增长10%\n\t\t单位能耗下降率\t较上年下降5%以上\n"
    data = _read(text.encode("utf-8"), filename="t.tsv", year=2024)
    got = {i["name"]: i for i in data["indicators"]}
    assert (got["营业收入增长率"]["targets"]["2024"]["comparator"], got["营业收入增长率"]["targets"]["2024"]["value"]) == (">=", 10.0)
    assert (got["单位能耗下降率"]["targets"]["2024"]["comparator"], got["单位能耗下降率"]["targets"]["2024"]["value"]) == (">=", 5.0)
    assert "target" in got["营业收入增长率"]["review"]
    assert got["就业人数"]["targets"]["2024"]["value"] is None
    assert any("就业人数" in u["text"] for u in data["unread"])


def test_a_fraction_on_a_rate_that_cannot_pass_100_is_read_as_its_percentage_for_review(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("一级指标\t二级指标\t三级指标\t指标值\t实际完成值\n"
                    "满意度指标\t服务对象满意度指标\t学员满意度\t≥0.9\t0.93\n"
                    "产出指标\t质量指标\t验收合格率\t1\t100%\n"
                    "效益指标\t社会效益指标\t带动就业人数\t0.5\t0.6\n", encoding="utf-8")
    rows = {i["name"]: i for i in _read(path, year=2024)["indicators"]}
    sat = rows["学员满意度"]
    assert (sat["targets"]["2024"]["comparator"], sat["targets"]["2024"]["value"]) == (">=", 90.0)
    assert sat["actuals"]["2024"]["value"] == 93.0
    assert "target" in sat["review"] and sat["inferred"]["target"]["rule"] == "fraction_as_percent"
    assert rows["验收合格率"]["targets"]["2024"]["value"] == 100.0
    assert rows["带动就业人数"]["targets"]["2024"]["value"] == 0.5  # not a rate: the number as written


def test_a_spreadsheet_day_number_under_a_name_of_a_date_is_read_as_that_date_for_review(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"  # a date cell that lost its format when the sheet was copied: 44561 = 2021-12-31
    path.write_text("一级指标\t二级指标\t三级指标\t指标值\n"
                    "产出指标\t时效指标\t资金到位时间\t=44,561\n"
                    "产出指标\t时效指标\t验收完成日期\t44286\n"
                    "产出指标\t数量指标\t培训人次\t44561\n"
                    "产出指标\t时效指标\t项目开工时间\t12\n", encoding="utf-8")
    rows = {i["name"]: i for i in _read(path, year=2021)["indicators"]}
    due = rows["资金到位时间"]
    assert due["kind"] == "milestone" and due["targets"]["2021"]["due"] == "2021-12"
    assert "target" in due["review"] and due["inferred"]["target"]["rule"] == "date_serial"
    assert "2021年12月31日" in due["inferred"]["target"]["reason"]
    assert rows["验收完成日期"]["targets"]["2021"]["due"] == "2021-03"
    assert rows["培训人次"]["targets"]["2021"]["value"] == 44561.0  # not a date's name: the number as written
    assert "due" not in rows["项目开工时间"]["targets"]["2021"]  # a small number is no day of a year


def test_a_sum_of_money_in_a_table_without_levels_is_a_cap_unless_it_is_money_earned_or_paid_out(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"  # no 一级 / 二级 columns: no 成本指标 label says what a sum is
    path.write_text("指标名称\t指标值\n"
                    "围墙建设单价\t300元/米\n"
                    "项目计划总投资\t20万元\n"
                    "带动农户增收\t500元/人\n"
                    "发放补助资金\t120万元\n"
                    "培训人次\t300人次\n", encoding="utf-8")
    rows = {i["name"]: i for i in _read(path, year=2024)["indicators"]}
    for capped in ("围墙建设单价", "项目计划总投资"):
        assert rows[capped]["direction"] == "lower" and rows[capped]["targets"]["2024"]["comparator"] == "<="
        assert rows[capped]["inferred"]["direction"]["rule"] == "money_without_level"
        assert "direction" in rows[capped]["review"]  # a guess: marked low for review
    for grown in ("带动农户增收", "发放补助资金", "培训人次"):
        assert rows[grown]["direction"] == "higher"
    levelled = tmp_path / "l.txt"  # under 数量指标 a sum paid out is a count to reach, as before
    levelled.write_text("一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t硬化道路投资\t20万元\n", encoding="utf-8")
    assert _read(levelled, year=2024)["indicators"][0]["direction"] == "higher"


def test_a_second_level_whose_first_level_was_lost_takes_its_own_parent_not_the_next_block_s(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"  # a copy that lost the centred 产出指标: 效益指标 below is not carried up into it
    path.write_text("一级指标\t二级指标\t三级指标\t指标值\n"
                    "\t数量指标\t抽检批次\t≥3批次\n"
                    "\t质量指标\t抽检完成率\t100%\n"
                    "效益指标\t社会效益指标\t总体安全\t稳定\n", encoding="utf-8")
    rows = [(i["level1"], i["level2"]) for i in _read(path, year=2021)["indicators"]]
    assert rows == [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("效益指标", "社会效益指标")]


def test_a_notices_closing_lines_after_its_table_are_no_indicators(tmp_path: Path) -> None:
    """A published notice (预算绩效评价结果的公示) ends with its 公示期 and 联系地址: sign-off lines, not rows."""
    path = tmp_path / "notice.txt"
    path.write_text("\n".join([
        "一级指标 | 二级指标 | 三级指标 | 预算设定指标值 | 项目完成指标值 | ||",
        "产出指标 | 数量指标 | 改造实验室 | 2间 | 2间 | ||",
        "质量指标 | 设备验收合格率 | 100% | 100% | |||",
        "公示期:自即日起3天。",
        "联系地址:综合实验楼D702 电话:23507658",
    ]), encoding="utf-8")
    data = _read(path, year=2018)
    assert [i["name"] for i in data["indicators"]] == ["改造实验室", "设备验收合格率"]


def test_a_table_without_a_third_level_names_each_row_by_its_second(tmp_path: Path) -> None:
    """一级指标 | 二级指标 | 年初绩效目标 | 全年绩效目标 | 全年实际完成情况 (a 决算's 绩效目标完成情况, no 三级指标):
    each row is named by its 二级指标, the first target column is the target, the last the actual."""
    path = tmp_path / "juesuan.tsv"
    path.write_text("\n".join([
        "一级指标\t二级指标\t年初绩效目标\t全年绩效目标\t全年实际完成情况",
        "项目完成指标\t质量指标\t做好河道保洁服务。\t做好河道保洁服务。\t做好河道保洁服务。",
        "项目完成指标\t时效指标\t2020年全年。\t2020年全年。\t2020年全年。",
        "项目完成指标\t成本指标\t15万元。\t15万元。\t按合同10.5万元。",
        "满意度指标\t满意度指标\t辖区企业满意率达95%以上。\t辖区企业满意率达95%以上。\t辖区企业满意率达95%以上。",
    ]), encoding="utf-8")
    data = _read(path, year=2020)
    got = [(i["name"], i["targets"]["2020"]["raw"], i["actuals"]["2020"]["raw"]) for i in data["indicators"]]
    assert got == [("质量指标", "做好河道保洁服务。", "做好河道保洁服务。"), ("时效指标", "2020年全年。", "2020年全年。"),
                   ("成本指标", "15万元。", "按合同10.5万元。"), ("满意度指标", "辖区企业满意率达95%以上。", "辖区企业满意率达95%以上。")]
    assert data["indicators"][2]["targets"]["2020"]["value"] == 15.0


def test_the_next_tables_header_ends_the_indicators(tmp_path: Path) -> None:
    """An allocation table under the indicators (序号 | 学校性质 | 培训机构 | 补助标准(元/人) | … | 备注) is no
    part of them: its header ends the table, its rows are never indicators. A template's slot 指标: goes
    off a name, and a value cut to its sign (<) is no value: the row is listed as unread."""
    path = tmp_path / "two_tables.txt"
    path.write_text("\n".join([
        "一级指标 | 二级指标 | 指标名称 | 目标值 | 完成值 |",
        "产出指标 | 产出数量 | 完成护工培训任务 | 12500名 | 12166名 |",
        "| 产出质量 | 参训学员结业考核通过率 | 100% | 98.79% |",
        "| 产出成本 | 指标:项目总下达资金 | < | |",
        "序号 | 学校性质 | 培训机构 | 培训补助标准(元/人) | 就业奖补标准(元/人) | 2021年培训人数 | 合格人数 | 补助资金 | 备注 |",
        "1 | 民办 | 吕梁市远航职业培训学校 | 2600 | 400 | 842 | 842 | 218.92 | |",
        "2 | 民办 | 吕梁精准职业培训学校 | 2600 | 400 | 900 | 900 | 234 | |",
    ]), encoding="utf-8")
    result = parse_table(path, year=2021)
    assert isinstance(result, TableReading)
    assert [i["name"] for i in result.indicators] == ["完成护工培训任务", "参训学员结业考核通过率", "项目总下达资金"]
    assert result.indicators[2]["targets"]["2021"]["error"] == "not_a_value"  # kept for review, and listed
    assert any("项目总下达资金" in u["text"] for u in result.unread)


def test_a_header_with_no_indicator_under_it_is_no_table_with_where_the_header_was() -> None:
    """A header whose rows cannot be read (a copy that lost them) is no reading with nothing in it: it
    says where the header was, so the CLI exits 1 with that message."""
    from analytics.present.tables_text import no_table_message

    text = "项目支出绩效目标表\n一级指标\t二级指标\t三级指标\t指标值\n"
    result = parse_table(text.encode("utf-8"), filename="t.txt", year=2024)
    assert isinstance(result, NoTable) and result.code == "no_rows" and result.detail == "L2"
    assert "L2" in no_table_message(result, "t.txt", "zh") and "header was found at L2" in no_table_message(result, "t.txt", "en")


def test_dealing_with_bad_things_is_counted_up_and_a_bare_whole_share_is_no_cap(tmp_path: Path) -> None:
    """查处各类交通违法行为 7万起 counts offences dealt with (higher, ≥), though 违法 is a word better low;
    a bare 100% beside a name holding 事故 or 投诉 is the share of the aim reached (higher), while
    成本控制率 100% and a 事故 count keep their rules."""
    path = tmp_path / "t.txt"
    path.write_text("一级指标\t二级指标\t三级指标\t指标值\n"
                    "产出指标\t数量指标\t查处各类交通违法行为\t7万起\n"
                    "产出指标\t数量指标\t排查安全隐患\t120处\n"
                    "效益指标\t社会效益指标\t保障人民生命财产安全、降低交通事故发生率\t100%\n"
                    "效益指标\t社会效益指标\t较大交通事故起数\t2起\n"
                    "产出指标\t成本指标\t成本控制率\t100%\n", encoding="utf-8")
    rows = {i["name"]: i for i in _read(path, year=2019)["indicators"]}
    for up, rule in (("查处各类交通违法行为", "handled_things"), ("排查安全隐患", "handled_things"),
                     ("保障人民生命财产安全、降低交通事故发生率", "whole_share_named_low")):
        assert rows[up]["direction"] == "higher" and rows[up]["targets"]["2019"]["comparator"] == ">=", up
        assert rows[up]["inferred"]["direction"]["rule"] == rule
    assert rows["较大交通事故起数"]["direction"] == "lower"
    assert rows["成本控制率"]["inferred"]["direction"]["rule"] != "whole_share_named_low"



def test_an_area_under_care_is_a_stock_an_area_worked_this_year_a_flow(tmp_path: Path) -> None:
    """公益林管护面积 (and 管理忠烈祠面積, traditional characters) is the area held in care, a stock;
    森林抚育面积 and 新增管护面积 add up over the year."""
    path = tmp_path / "t.txt"
    path.write_text("一级指标\t二级指标\t三级指标\t指标值\n"
                    "产出指标\t数量指标\t国家级公益林管护面积\t28万亩\n"
                    "产出指标\t数量指标\t管理忠烈祠面積\t=230畝\n"
                    "产出指标\t数量指标\t森林抚育面积\t21万亩\n"
                    "产出指标\t数量指标\t新增管护面积\t2万亩\n", encoding="utf-8")
    rows = {i["name"]: i for i in _read(path, year=2023)["indicators"]}
    for name in ("国家级公益林管护面积", "管理忠烈祠面積"):
        assert rows[name]["kind"] == "stock" and rows[name]["inferred"]["kind"]["rule"] == "area_in_care", name
    assert rows["森林抚育面积"]["kind"] == "flow" and rows["新增管护面积"]["kind"] == "flow"


def test_the_people_insured_are_a_stock_people_enrolled_this_year_a_flow(tmp_path: Path) -> None:
    """失业保险参保总人数 counts the people covered at a time (a stock); 新增参保人数 adds up over the year."""
    data = _text(tmp_path, "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t失业保险参保总人数\t9000人\n"
                           "产出指标\t数量指标\t基本医疗保险参保人数\t≥30万人\n产出指标\t数量指标\t新增参保人数\t500人\n",
                 year=2023)
    rows = {i["name"]: i for i in data["indicators"]}
    for name in ("失业保险参保总人数", "基本医疗保险参保人数"):
        assert rows[name]["kind"] == "stock" and rows[name]["inferred"]["kind"]["rule"] == "insured", name
    assert rows["新增参保人数"]["kind"] == "flow"


def test_a_title_year_in_brackets_without_nian_and_a_value_cell_that_names_its_row_again(tmp_path: Path) -> None:
    """…绩效目标自评表 (2021) gives the year; in a cell-a-line copy, an actual's cell that repeats the
    row's name before its number (建设…子站 / 0) is that number, not a second row."""
    path = tmp_path / "t.txt"
    path.write_text("\n\n".join([
        "转移支付区域(项目)绩效目标自评表 (2021)", "一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值",
        "未完成原因和改进措施", "产出指标", "数量指标", "建设环境空气质量自动监测子站", "11个", "建设环境空气质量自动监测子站",
        "0", "原计划建设内容不适合现状，按程序申报调整", "质量指标", "监测数据有效率", "≥90%", "95%", "", "时效指标",
        "监测数据上报及时率", "≥95%", "98%", "", "满意度指标", "服务对象满意度指标", "公众满意度", "≥85%", "90%", ""]),
        encoding="utf-8")
    data = _read(path)
    assert data["source"]["year"] == 2021
    got = [(i["name"], i["targets"]["2021"]["value"], i["actuals"]["2021"]["value"]) for i in data["indicators"]]
    assert got == [("建设环境空气质量自动监测子站", 11, 0), ("监测数据有效率", 90, 95), ("监测数据上报及时率", 95, 98),
                   ("公众满意度", 85, 90)]


def test_a_pdf_text_drawn_a_column_at_a_time_a_few_cells_a_line_under_a_site_banner(tmp_path: Path) -> None:
    """A PDF's text that gives the 三级指标 column, then the 年度目标值 column, a few cells to a line
    (三级指标 新建高校(校区) 工程质量达标率(%) / 开工率(%) / 年度目标值 / 7 100% 100%): each name meets its
    value; a document site's banner above (【#第一文档网# 导语】…) names no indicator."""
    path = tmp_path / "t.txt"
    path.write_text("\n".join([
        "【#第一文档网# 导语】以下是®第一文档网的小编为您整理的《绩效目标表【模板】》,欢迎阅读!", "", "绩效目标表",
        "资金名称 省级业务主管部", "门 资金类型 实施周期", "教育发展专项资金", "支持新建高校 省教育厅 专项资金 2020年-2022年",
        "三级指标 新建高校(校区) 工程质量达标率(%)", "开工率(%)", "年度目标值", "7 100% 100%", "实施周期目标值",
        "7 100% 100%"]), encoding="utf-8")
    data = _read(path, year=2021)
    got = [(i["name"], i["unit"], i["targets"]["2021"]["raw"]) for i in data["indicators"]]
    assert got == [("新建高校(校区)", "", "7"), ("工程质量达标率", "%", "100%"), ("开工率", "%", "100%")]
    from analytics.ingest.tables.cells import names_nothing
    from analytics.ingest.tables.lexicon import load_lexicon

    assert names_nothing("【#第一文档网#", load_lexicon()) and not names_nothing("【产出指标】培训人数", load_lexicon())

def test_a_row_named_by_its_deadline_keeps_its_level_word_as_its_level(tmp_path: Path) -> None:
    """A self-evaluation row a line whose name cell holds its deadline (时效指标 2022年底之前 2022年底之前
    达成预期指标 10 10): 时效指标 is its level and the date its name and target; a level word with only a
    value beside it (社会成本指标 0) is still a row named by that word."""
    path = tmp_path / "t.txt"
    path.write_text("\n".join([
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
        "产出指标(50分) 数量指标 开展县域结对交流活动 ≥3次 3 10 10",
        "时效指标 2022年底之前 2022年底之前 达成预期指标 10 10",
        "成本指标 科技特派员业务培训开展 ≥5万元 5 10 10",
    ]), encoding="utf-8")
    got = [(i["level2"], i["name"], i["kind"], i["targets"]["2022"].get("due"))
           for i in _read(path, year=2022)["indicators"]]
    assert got[1] == ("时效指标", "2022年底之前", "milestone", "2022-12")
    assert [g[1] for g in got] == ["开展县域结对交流活动", "2022年底之前", "科技特派员业务培训开展"]


def test_a_whole_share_written_with_its_unit_in_a_column_of_its_own_is_read_the_same(tmp_path: Path) -> None:
    """100 under 指标值 beside % under 计量单位 is the target 100%: the rules on the target's text (a bare
    100% beside a name with 事故 is a share reached) hold as for 100% written in one cell."""
    path = tmp_path / "t.txt"
    path.write_text("一级指标\t二级指标\t三级指标\t指标值\t计量单位\n"
                    "效益指标\t社会效益指标\t保障人民生命财产安全、降低交通事故发生率\t100\t%\n"
                    "效益指标\t社会效益指标\t较大交通事故起数\t2\t起\n", encoding="utf-8")
    rows = {i["name"]: i for i in _read(path, year=2019)["indicators"]}
    share = rows["保障人民生命财产安全、降低交通事故发生率"]
    assert share["direction"] == "higher" and share["inferred"]["direction"]["rule"] == "whole_share_named_low"
    assert rows["较大交通事故起数"]["direction"] == "lower"


def test_a_quoted_value_an_approximate_one_and_a_labels_colon(tmp_path: Path) -> None:
    """指标值为“100%”: the quotes are no words before the number; 大约30个 is about 30; a name
    written as a label (建设占地面积:) loses its colon."""
    for raw, value, unit in (("“100%”", 100, "%"), ("「≥90%」", 90, "%"), ("\"95%\"", 95, "%"), ("大约30个", 30, "个"),
                             ("“约12000平方米”", 12000, "平方米")):
        cell = read_value(raw, "higher", LEX)
        assert (cell.form, cell.value, cell.unit) == ("number", value, unit), raw
    assert read_value("“2021年4月15日”", "higher", LEX).due == "2021-04"
    assert split_name("建设占地面积:", LEX)[0] == split_name("建设占地面积：", LEX)[0] == "建设占地面积"


def test_closing_lines_a_mistyped_level_and_the_next_tables_number(tmp_path: Path) -> None:
    """偏差大或目标未完成原因分析 | 无 closes the form (no indicator); 时效性指标 (or 日效性指标, mistyped)
    is a level; 表十二 alone on a row, then a title with a note in brackets, end the table."""
    data = _text(tmp_path, "2020年部门整体支出绩效自评表\n"
                 "一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分\n"
                 "产出指标 | 数量指标 | 办结信访案件 | 168起 | 168起 | 10\n"
                 "| 日效性指标 | 解决群众问题时间 | 2天以内 | 2天以内 | 10\n"
                 "| 时效性指标 | 资金拨付时间 | 12月底前 | 12月 | 10\n"
                 "总分 | 100分\n"
                 "偏差大或 目标未完成 原因分析 | 无\n"
                 "表十二\n"
                 "2021年一般性项目绩效目标表(一级项目)\n"
                 "项目名称 | 另一个项目\n", name="closing.txt")
    assert [i["name"] for i in data["indicators"]] == ["办结信访案件", "解决群众问题时间", "资金拨付时间"]
    assert _ind(data, "解决群众问题时间")["level2"] == "日效性指标"
    assert _ind(data, "解决群众问题时间")["targets"]["2020"]["comparator"] == "<="
    assert [s["reason"] for s in data["skipped"] if "原因分析" in s["text"]] == ["sign_off"]
    assert [s["reason"] for s in data["skipped"] if s["text"] == "表十二"] == ["after_table"]
    assert LEX.level_word("时效性指标") == ("level2", "时效性指标")


def test_a_numbered_template_name_in_the_first_column_starts_its_row_right(tmp_path: Path) -> None:
    """A web copy that left out the merged 指标类型 cell: 指标2:项目成本控制 | 不超预算 | … is the name
    and its worded target one column left, even though 不超预算 could pass for a name."""
    data = _text(tmp_path, "2018年项目绩效目标表\n"
                 "| 指标类型 | 绩效指标 | 绩效目标 | 评价标准 |\n"
                 "| 产出指标 | 指标1:物业管理面积 | 6500平方米 | 6500平方米以上 |\n"
                 "| 指标2:用电量 | 60万度 | 60万度以上 | |\n"
                 "| 效益指标 | 指标1:设备使用率 | 80%以上 | 80%以上 |\n"
                 "| 指标2:项目成本控制 | 不超预算 | 不超预算 | |\n", name="slots.txt")
    assert [i["name"] for i in data["indicators"]] == ["物业管理面积", "用电量", "设备使用率", "项目成本控制"]
    assert _ind(data, "项目成本控制")["targets"]["2018"]["qualitative"]


def test_a_target_sentence_stating_one_count_is_read_by_it(tmp_path: Path) -> None:
    """实施基本药物制度补助村卫生室352个。 or 补助资金及时到位100% (the count or share at the end) and
    37个基层医疗机构 (the count first, then what it counts) are targets of that count, but only where the cell is known to be the
    target; a sentence with two numbers, or a worded actual, stays words."""
    for raw, value in (("实施基本药物制度补助村卫生室352个。", 352), ("37个基层医疗机构", 37), ("全年开展培训4次", 4),
                       ("补助资金及时到位100%", 100)):
        cell = read_value(raw, "higher", LEX, sentence=True)
        assert (cell.form, cell.comparator, cell.value) == ("number", ">=", value), raw
    assert read_value("同比增长10%", "higher", LEX, sentence=True).form != "number"  # a change, not a level
    standard = read_value("严格按照预算标准1000元/人给补助对象兑付补助", "lower", LEX, sentence=True)  # a standard stated
    assert (standard.value, standard.unit, standard.explicit) == (1000, "元/人", False)  # its comparator from the direction
    assert read_value("标准500元/人,每年补助2次", "higher", LEX, sentence=True).form != "number"  # two numbers: words
    assert read_value("37个基层医疗机构", "higher", LEX).form == "unreadable"  # not while cutting cells
    assert read_value("本年度已完成37个基层医疗机构基药补助制度实施。", "higher", LEX, sentence=True).form == "qualitative"
    assert read_value("2022年完成37个机构", "higher", LEX, sentence=True).value != 37
    data = _text(tmp_path, "2021年度绩效目标自评表\n"
                 "一级指标 二级指标 三级指标 年度指标值 全年完成值 未完成原因和改进措施\n"
                 "数量指标  指标1:村卫生室实施基本药物制度 实施基本药物制度补助村卫生室352个。 本年度已完成352个。\n"
                 " 指标2:乡镇卫生院实施基本药物制度 实施基本药物制度补助乡镇卫生院12个。 本年度已完成12个。\n"
                 "质量指标  指标1:基层医疗机构补助 37个基层医疗机构 100%\n", name="sentences.txt")
    assert _ind(data, "村卫生室实施基本药物制度")["targets"]["2021"]["value"] == 352
    assert _ind(data, "基层医疗机构补助")["targets"]["2021"]["value"] == 37


def test_a_template_hint_s_sign_a_level_not_carried_into_the_next_block_and_a_split_closing_line(tmp_path: Path) -> None:
    """投资金额(≥万元) | 800 under 成本指标 is at least 800 (the hint's sign, not the cost block's);
    the 二级 label 成本指标 is not carried down into the 效益指标 rows below it; 偏差大或 alone on its
    line closes the form, so the explanation under it is no indicator."""
    data = _text(tmp_path, "2022年度项目支出绩效自评表\n"
                 "一级指标 二级指标 三级指标 年初目标值(A) 实际完成值(B) 得分\n"
                 "产出指标 数量指标 新建厂房面积(平方米) 3000\n"
                 "质量指标 工程合格率(%) 95\n"
                 "成本指标 投资金额(≥万元) 800\n"
                 "效益指标 年新增产值 (万元) 200\n"
                 "带动就业人数(人) 50\n"
                 "满意度指标 服务对象满意度指标 业主满意度(%) 90\n"
                 "总分\n"
                 "偏差大或\n"
                 "目标未完成\n"
                 "原因分析\n"
                 "该项目由于用地手续未办结,至今未形成实质性工程量,资金未支付。\n", name="hint.txt")
    assert [i["name"] for i in data["indicators"]] == ["新建厂房面积", "工程合格率", "投资金额", "年新增产值",
                                                       "带动就业人数", "业主满意度"]
    spent = _ind(data, "投资金额")["targets"]["2022"]
    assert (spent["comparator"], spent["value"], _ind(data, "投资金额")["direction"]) == (">=", 800, "higher")
    jobs = _ind(data, "带动就业人数")
    assert (jobs["level1"], jobs["level2"], jobs["direction"]) == ("效益指标", "", "higher")


def test_an_amount_per_head_without_its_currency_and_a_deadline_set_apart_by_a_blank(tmp_path: Path) -> None:
    """300/人 is 300 per head (its unit /人); 2023年 年底前, split at a blank in a copy whose cells are
    set apart by blanks, is one deadline."""
    cell = read_value("300/人", "higher", LEX)
    assert (cell.form, cell.value, cell.unit) == ("number", 300.0, "/人")
    data = _text(tmp_path, "2023年项目支出绩效目标表\n"
                 "一级指标 二级指标 三级指标 指标值及单位 绩效标准 备注\n"
                 "产出指标 数量指标 工伤预防培训场次 ≥1场 计划标准 定量指标\n"
                 "质量指标 参训人员考核通过率 ≥90% 计划标准 定量指标\n"
                 "时效指标 开展工伤预防培训 2023年 年底前 计划标准 定量指标\n"
                 "成本指标 人均慰问标准 300/人 计划标准 定量指标\n", name="blanks.txt")
    assert _ind(data, "开展工伤预防培训")["targets"]["2023"]["due"] == "2023-12"
    assert _ind(data, "人均慰问标准")["targets"]["2023"]["value"] == 300


def test_a_performance_standard_word_is_no_target(tmp_path: Path) -> None:
    """计划标准 / 历史标准 belong to a 绩效标准 column: a row short of a merged cell never reads one as its
    target (满意 as a name, 历史标准 as its value); the row's level written without its 指标
    (社会公众或服务对象满意度) puts its name and worded target back in place."""
    assert not fits("历史标准", "value", LEX) and fits("历史标准", "ignore", LEX)
    assert fits("按时完成", "value", LEX)
    data = _text(tmp_path, "2023年项目支出绩效目标表\n"
                 "部门整体支出年度绩效指标 绩效目标 一级指标 二级指标 三级指标 指标值及单位 绩效标准 备注\n"
                 "绩效目标1:按时足额发放待遇 产出指标 数量指标 待遇发放人数 2800人 计划标准 定量指标\n"
                 "质量指标 待遇发放准确率 100% 历史标准 定量指标\n"
                 "时效指标 待遇及时发放率 100% 历史标准 定量指标\n"
                 "效益指标 可持续影响指标 待遇持续发放率 100% 历史标准 定量指标\n"
                 "社会公众或服务对象满意度 服务对象满意度 满意 历史标准 定性指标\n", name="standards.txt")
    assert [i["name"] for i in data["indicators"]] == ["待遇发放人数", "待遇发放准确率", "待遇及时发放率", "待遇持续发放率",
                                                      "服务对象满意度"]
    assert data["indicators"][-1]["targets"]["2023"]["raw"] == "满意"


def test_a_target_without_a_unit_takes_its_actual_s(tmp_path: Path) -> None:
    text = ("三级指标\t年度指标值\t实际完成值\n"
            "假肢安装服务\t21\t21人\n"
            "辅具适配\t200\t230\n")
    data = _text(tmp_path, text, year=2022)
    got = {i["name"]: (i["unit"], i["inferred"]["unit"]["rule"]) for i in data["indicators"]}
    assert got["假肢安装服务"] == ("人", "actual_unit")
    assert got["辅具适配"][1] != "actual_unit"


def test_a_sign_after_a_system_code_and_a_magnitude_in_the_value_before_the_unit_column(tmp_path: Path) -> None:
    text = ("一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t实际完成值\n"
            "产出指标\t数量指标\t汇报工作次数\t004 >=\t20\t次\t113\n"
            "产出指标\t成本指标\t经费支出\t005 <=\t33\t万元\t32.9\n"
            "效益指标\t经济效益\t形成新能源投资增加数\t004 >=\t1亿\t元\t24亿\n")
    data = _text(tmp_path, text, year=2023)
    got = [(i["name"], i["unit"], i["targets"]["2023"]["comparator"], i["targets"]["2023"]["value"])
           for i in data["indicators"]]
    assert got == [("汇报工作次数", "次", ">=", 20.0), ("经费支出", "万元", "<=", 33.0),
                   ("形成新能源投资增加数", "亿元", ">=", 1.0)]


def test_a_content_column_after_the_names_starts_no_second_set_of_columns(tmp_path: Path) -> None:
    text = ("部门整体 支出年度 绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标内容 | 指标值 | 备注 | |\n"
            "产出指标 | 数量指标 | 新认定高新技术企业数量 | 新认定高新技术企业数量 | 6家以上 | |||\n"
            "科普宣传活动次数 | 全年开展科普宣传活动次数 | 3次 | |||||\n")
    data = _text(tmp_path, text, year=2021)
    got = [(i["name"], i["unit"], i["targets"]["2021"]["value"]) for i in data["indicators"]]
    assert got == [("新认定高新技术企业数量", "家", 6.0), ("科普宣传活动次数", "次", 3.0)]


def test_a_header_whose_value_words_wrap_onto_the_next_line(tmp_path: Path) -> None:
    text = ("部门整体支出绩效自评表\n( 2020 年度)\n"
            "年度绩效指标完成情况 一级指标 二级指标 三级指标 绩效 实际 评分标准 指标分值 自评得分 未完成原因\n目标值 完成值\n"
            "产出目标 数量目标 抽查地震监测台站个数 9个 8个 本指标满分6分,抽查数量达9个得6分,少检查一个扣1分,扣完为止。 6 5 已完成\n"
            "开展科普宣传活动场数 10场 11场 本指标满分6分,开展活动场数达10场得6分,少一场扣1分,扣完为止。 6 6 已完成\n"
            "协同开展宣传活动场数 6场 7场 本指标满分6分,协同开展宣传活动场数达6场得6分,少一场扣1分,扣完为止。 6 6 已完成\n")
    data = _text(tmp_path, text)
    got = [(i["name"], i["targets"]["2020"]["value"], i["actuals"]["2020"]["value"]) for i in data["indicators"]]
    assert got == [("抽查地震监测台站个数", 9.0, 8.0), ("开展科普宣传活动场数", 10.0, 11.0), ("协同开展宣传活动场数", 6.0, 7.0)]


def test_target_forms_after_a_documents_other_tables_are_found_deep_in_it_with_their_own_titles(tmp_path: Path) -> None:
    """A whole 部门预算 document: its budget tables fill the first hundred rows and more, its
    项目支出绩效目标表 come after them; each form is found and titled by the line right above it."""
    budget = ["2026年部门预算", "一、部门收支总表"] + [f"科目{k}\t{k * 10}.00\t{k * 5}.00" for k in range(150)]
    forms = []
    for project, name, value in (("拆违经费", "完成年度拆违计划", "≥100%"), ("道路养护", "养护里程", "≥120公里")):
        forms += ["财政项目支出绩效目标申报表（2026年度）", f"项目名称\t{project}", "一级指标\t二级指标\t三级指标\t指标值",
                  f"产出指标\t数量指标\t{name}\t{value}", "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%"]
    path = tmp_path / "t.txt"
    path.write_text("\n".join(budget + forms), encoding="utf-8")
    data = _read(path)
    assert [(i["form"], i["name"]) for i in data["indicators"]] == [
        (1, "完成年度拆违计划"), (1, "群众满意度"), (2, "养护里程"), (2, "群众满意度")]
    assert data["source"]["title"] == "财政项目支出绩效目标申报表（2026年度）"
    assert [f["name"] for f in data["source"]["forms"]] == ["拆违经费", "道路养护"]


def test_a_value_column_that_calls_its_target_the_standard_and_other_target_headers(tmp_path: Path) -> None:
    """指标值（绩效标准） and 目标值/标准 name the target (the standard to meet), 达标值 the level to
    reach and 目标任务 a 考核 table's targets; 评分标准 and 绩效标准 alone stay scoring notes."""
    for header in ("指标值（绩效标准）", "目标值/标准", "达标值", "目标任务"):
        path = tmp_path / "t.txt"
        path.write_text(f"一级指标\t二级指标\t三级指标\t{header}\t评分标准\n"
                        "产出指标\t数量指标\t培训人次\t≥500人次\t每少10人次扣1分\n"
                        "产出指标\t质量指标\t培训合格率\t≥90%\t未达到不得分\n", encoding="utf-8")
        data = _read(path, year=2024)
        assert [(i["name"], i["targets"]["2024"]["value"]) for i in data["indicators"]] == [
            ("培训人次", 500), ("培训合格率", 90)], header
        roles = {c["index"]: c["role"] for c in data["source"]["columns"]}
        assert roles[3] == "value" and roles[4] == "ignore", header


def test_a_workbook_with_a_form_on_each_of_several_sheets_reads_each_as_a_form(tmp_path: Path) -> None:
    """A workbook of one project a sheet (an instructions sheet first): every sheet's form is read,
    listed in source.forms; --form picks one; --sheet still reads only the sheet named."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "填表说明"
    wb.active.append(["填表说明：本表由项目单位填写。"])
    for title, name in (("项目1", "培训人次"), ("项目2", "养护里程")):
        ws = wb.create_sheet(title)
        for row in (["2024年项目支出绩效目标表"], ["项目名称", title], ["一级指标", "二级指标", "三级指标", "指标值"],
                    ["产出指标", "数量指标", name, "≥500"], ["满意度指标", "服务对象满意度指标", "满意度", "≥90%"]):
            ws.append(row)
    path = tmp_path / "t.xlsx"
    wb.save(path)
    data = _read(path)
    assert [(i["form"], i["where"], i["name"]) for i in data["indicators"]] == [
        (1, "项目1!4", "培训人次"), (1, "项目1!5", "满意度"), (2, "项目2!4", "养护里程"), (2, "项目2!5", "满意度")]
    assert [f["name"] for f in data["source"]["forms"]] == ["项目1", "项目2"]
    second = parse_table(path, form=2)
    assert isinstance(second, TableReading) and [i["name"] for i in second.indicators] == ["养护里程", "满意度"]
    only = parse_table(path, sheet="项目2")
    assert isinstance(only, TableReading) and "forms" not in only.source


def test_rows_under_a_label_down_the_form_s_left_side_split_at_blanks_are_indicators() -> None:
    """A PDF viewer's copy of a sheet (labels at the bottom of their merged cells): 部门整体 | 支出年度 |
    绩效目标 is one label down the form's left side split at blanks, not three columns of a project;
    the rows above the one that carries the levels hold a name, its content and a target."""
    text = "\n".join([
        "桃源县科学技术局2021年度部门整体支出绩效目标申报表",
        "部门整体 支出年度 绩效目标 一级指标 二级指标 三级指标 指标内容 指标值 备注",
        "培育指导高新技术企业数量 全年培育指导高新技术企业数量 15家以上",
        "新认定高新技术企业数量 新认定高新技术企业数量 6家以上",
        "科普宣传活动次数 科普宣传活动次数 3次",
        "产出指标 数量指标 组建科技特派员团队数量 组建科技特派员团队数量 1个",
    ])
    data = _read(text.encode("utf-8"), filename="copy.txt")
    got = [(i["level2"], i["name"], i["targets"]["2021"]["value"]) for i in data["indicators"]]
    assert got == [("数量指标", "培育指导高新技术企业数量", 15), ("数量指标", "新认定高新技术企业数量", 6),
                   ("数量指标", "科普宣传活动次数", 3), ("数量指标", "组建科技特派员团队数量", 1)]


def test_a_label_down_the_form_s_side_spelt_with_fillers_between_its_letters_is_no_project_column() -> None:
    """A viewer's copy of an Excel form printed to PDF (held-out 1's 病媒防治 form): 绩???效??? 指??? 标
    down its left side, the first rows of a block above the row that carries its label."""
    text = "\n".join([
        "抗疫特别国债项目绩效目标表(打捆项目)",
        "(2020年度)",
        "项目名称 疫情期间区域病媒防治环境卫生清洁等费用",
        "绩????????????效?????????? 指???????????????????? 标 一级指标 二级指标 三级指标 指标值",
        "清扫保洁道路面积 1346.0088万平方米",
        "清扫保洁道路条数 485条",
        "数量指标 生活垃圾运输车辆 283辆",
        "质量指标 垃圾无害化处理率 100%",
        "城市道路以克论净量化考核 1次/月",
        "环境卫生专项考核 1次/月",
        "时效指标 各项费用使用周期 2020年1月--2020年11月",
    ])
    data = _read(text.encode("utf-8"), filename="copy.txt")
    assert [(i["name"], i["targets"]["2020"].get("value")) for i in data["indicators"]][:3] == [
        ("清扫保洁道路面积", 1346.0088), ("清扫保洁道路条数", 485), ("生活垃圾运输车辆", 283)]


def test_a_markdown_table_is_read_and_its_file_type_is_offered_for_upload() -> None:
    from analytics.ingest.tables import TABLE_FILE_TYPES

    text = ("# 2023年度某项目绩效目标表\n\n| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|:---|:---:|---|---:|\n"
            "| 产出指标 | 数量指标 | 培训人次 | ≥500人次 |\n| | 质量指标 | 培训合格率 | ≥95% |\n")
    result = parse_table(text.encode("utf-8"), filename="targets.md")
    assert isinstance(result, TableReading) and result.unread == []
    assert [(i["level1"], i["name"], i["targets"]["2023"]["value"]) for i in result.indicators] == [
        ("产出指标", "培训人次", 500), ("产出指标", "培训合格率", 95)]
    assert "md" in TABLE_FILE_TYPES


def test_money_in_renminbi_is_yuan_and_trade_or_investment_sums_are_better_high(tmp_path: Path) -> None:
    data = _text(tmp_path, "2021年绩效自评表\n三级指标\t计量单位\t指标值\n外贸进出口总额\t亿人民币\t17.5\n"
                           "招商引资到位资金\t万元人民币\t5000\n围墙建设单价\t元\t300\n")
    got = {i["name"]: (i["unit"], i["direction"]) for i in data["indicators"]}
    assert got == {"外贸进出口总额": ("亿元", "higher"), "招商引资到位资金": ("万元", "higher"), "围墙建设单价": ("元", "lower")}


def test_a_second_level_the_lexicon_does_not_know_after_a_first_level_is_still_a_level() -> None:
    """A copy split at blanks: 效益指标 | 社会效率指标 (a slip of 社会效益指标; or a form's own second
    level such as 履职效能指标) | name | target: the word ending in 指标 after a first level is the
    second level, not the name."""
    text = "\n".join([
        "2023年项目支出绩效目标表",
        "一级指标 二级指标 三级指标 指标值及单位 绩效标准",
        "产出指标 数量指标 全年工伤预防培训场次 ≥1场 计划标准",
        "效益指标 社会效率指标 参训单位职工重度伤残比率 ≤10% 计划标准",
        "效益指标 履职效能指标 案件按时办结率 ≥95% 计划标准",
    ])
    data = _read(text.encode("utf-8"), filename="copy.txt")
    assert [(i["level2"], i["name"], i["targets"]["2023"]["value"]) for i in data["indicators"]] == [
        ("数量指标", "全年工伤预防培训场次", 1), ("社会效率指标", "参训单位职工重度伤残比率", 10),
        ("履职效能指标", "案件按时办结率", 95)]


def test_things_fostered_or_recognised_this_year_are_a_flow_and_things_standing_a_stock(tmp_path: Path) -> None:
    data = _text(tmp_path, "2021年绩效目标表\n三级指标\t指标值\n培育指导高新技术企业数量\t15家以上\n"
                           "扶持创业孵化基地数量\t3个\n市级示范基地数量\t12个\n")
    got = {i["name"]: (i["kind"], i["inferred"]["kind"]["rule"]) for i in data["indicators"]}
    assert got["培育指导高新技术企业数量"][0] == "flow" and got["扶持创业孵化基地数量"][0] == "flow"
    assert got["市级示范基地数量"] == ("stock", "stock_count")


def test_a_form_naming_its_indicators_by_their_second_level_with_the_first_level_merged_down() -> None:
    """指标类型 | 指标名称 | 指标值: the first level written on a block's first row only, the second
    level as the indicator's name; the rows below start one column left (质量指标 | 100% | …), and
    a row whose target is a period (时效指标 | 全年 | 全年) is named by its level, not by the period."""
    text = "\n".join([
        "2024年项目绩效目标",
        "指标类型 | 指标名称 | 指标值 | 指标描述 |",
        "产出指标 | 数量指标 | 375万平方米 | 完成全市375万平方米的绿地养护 |",
        "质量指标 | 100% | 达到绿化绿地全覆盖 |",
        "时效指标 | 全年 | 全年 |",
        "效益指标 | 社会效益指标 | 是 | 满足市民生存环境的需求 |",
        "生态效益指标 | 是 | 改善城市生态环境 |",
        "满意度指标 | 服务对象满意度 | ≥95% | 满意率应该在95%以上 |",
    ])
    data = _read(text.encode("utf-8"), filename="copy.txt")
    assert [(i["level1"], i["name"]) for i in data["indicators"]] == [
        ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"), ("效益指标", "社会效益指标"),
        ("效益指标", "生态效益指标"), ("满意度指标", "服务对象满意度")]
    assert _ind(data, "时效指标")["targets"]["2024"]["due"] == "2024-12"
    assert not data["unread"]


def test_a_numbered_slot_left_without_a_target_is_kept_for_review() -> None:
    """指标4.不合格产品处置率 with nothing after it, in a form whose other rows have targets: one of the
    form's rows whose target was left blank (whatever its name ends with), kept and marked for
    review, not listed as unread."""
    text = "\n".join([
        "2021年项目支出绩效自评表",
        "二级指标 三级指标 指标值 完成值",
        "质量指标 指标1.药品抽检完成率 100% 100%",
        "指标2.不合格产品处置率",
        "成本指标 指标1.培训成本 400元/人 180元/人",
        "指标2.药品抽验平均标准",
    ])
    data = _read(text.encode("utf-8"), filename="copy.txt")
    assert [i["name"] for i in data["indicators"]] == ["药品抽检完成率", "不合格产品处置率", "培训成本", "药品抽验平均标准"]
    blank = _ind(data, "药品抽验平均标准")
    assert blank["inferred"]["target"]["rule"] == "target_blank" and "target" in blank["review"]
    assert not data["unread"]


def test_a_report_s_sentences_are_read_as_sentences_when_its_labelled_lines_run_across_them() -> None:
    """A 自评报告 whose 产出指标完成情况 paragraph says each target in a sentence (…指标值1000元/生.年,
    全年实际完成值1000元/生.年;…): a reading of labelled lines that runs a name across the
    sentence's end (产出指标完成情况。一是数量指标:2023年) gives way to the sentences'."""
    text = "\n".join([
        "昌宁县珠街彝族乡中心学校2023年度项目支出绩效自评报告",
        "(二)绩效目标完成情况",
        "1. 执行率情况。",
        "2023年,我校收到上级下拨专项资金合计149.63万元,实际发放107.78万元,实际执行率为72.03%。",
        "2. 完成的绩效目标。",
        "产出指标完成情况。一是数量指标:2023年,我校享受生活补助学生人次940人次,实际发放940人次。"
        "二是成本指标:小学寄宿学生人均补助标准指标值1000元/生.年,全年实际完成值1000元/生.年;"
        "小学非寄宿学生人均补助标准指标值500元/生.年,全年实际完成值500元/生.年。"
        "初中寄宿学生人均补助标准指标值1250元/生.年,全年实际完成值1250元/生.年;"
        "初中非寄宿学生人均补助标准指标值625元/生.年,全年实际完成值625元/生.年。",
    ])
    data = _read(text.encode("utf-8"), filename="report.txt")
    got = {i["name"]: i["targets"]["2023"]["value"] for i in data["indicators"]}
    assert got["享受生活补助学生人次"] == 940 and got["小学寄宿学生人均补助标准"] == 1000
    assert got["初中寄宿学生人均补助标准"] == 1250 and got["初中非寄宿学生人均补助标准"] == 625
    assert not any("。" in name for name in got)


def test_environmental_benefit_is_a_second_level_under_benefits(tmp_path: Path) -> None:
    """环境效益 (a form's word for 生态效益) heads its rows as the second level, not as a name."""
    assert LEX.level_word("环境效益")[0] == "level2"
    data = _text(tmp_path, "2022年绩效自评表\n一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |\n"
                           "效益指标 | 社会效益 | 读者查阅便捷度 | 良好 | 良好 |\n"
                           "环境效益 | 数字图书馆环境优良无污染 | 良好 | 良好 |\n")
    row = _ind(data, "数字图书馆环境优良无污染")
    assert (row["level1"], row["level2"]) == ("效益指标", "环境效益")


def test_a_blank_between_two_chinese_characters_of_a_name_is_a_wrapped_line_and_goes() -> None:
    """县级储备粮管理制 度严格执行率: a line wrapped inside the cell, copied as a blank; the name reads
    whole (a blank beside a number or a Latin word stays)."""
    assert split_name("县级储备粮管理制 度严格执行率", LEX)[0] == "县级储备粮管理制度严格执行率"
    assert split_name("0-6 岁儿童健康管理率", LEX)[0] == "0-6 岁儿童健康管理率"
    assert split_name("PM2.5 年均浓度", LEX)[0] == "PM2.5 年均浓度"


def test_a_row_one_cell_left_with_a_comparator_under_the_name_column_is_put_back() -> None:
    """绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 …, the side label merged down
    and left out of each row: ``产出指标 | 质量指标 | 完成…资金 | = | 100`` puts its comparator under
    三级指标, which is no name; the row is put back one column right."""
    text = "\n".join([
        "部门预算项目支出绩效自评表(2023年度) |",
        "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 |",
        "产出指标 | 质量指标 | 完成安可产品购买并按要求支付资金 | = | 100 |",
        "产出指标 | 数量指标 | 购买安可电脑数量 | ≥ | 13 | 台 | 13 | 20 | 20 |",
    ])
    data = _read(text.encode("utf-8"), filename="copy.txt")
    assert [(i["name"], i["targets"]["2023"]["value"]) for i in data["indicators"]] == [
        ("完成安可产品购买并按要求支付资金", 100), ("购买安可电脑数量", 13)]


def test_records_kept_and_reserves_held_are_a_stock(tmp_path: Path) -> None:
    data = _text(tmp_path, "2021年绩效目标表\n三级指标\t指标值\n居民电子健康档案建档数\t38508份\n"
                           "市级森林防火物资储备\t500件\n档案整理\t2000卷\n")
    got = {i["name"]: (i["kind"], i["inferred"]["kind"]["rule"]) for i in data["indicators"]}
    assert got["居民电子健康档案建档数"] == ("stock", "records_held") == got["市级森林防火物资储备"]
    assert got["档案整理"][0] == "flow"


def test_the_specific_indicator_column_names_the_row_beside_its_content(tmp_path: Path) -> None:
    """一级指标 | 二级 | 具体指标 | 指标内容 | 预期目标值: 具体指标 names the indicator (as 三级指标 does);
    指标内容 beside it says what it covers."""
    data = _text(tmp_path, "专项资金绩效目标表\n(2021年)\n一级指标\t二级\t具体指标\t指标内容\t预期目标值\n"
                           "产出指标\t数量指标\t补助人数\t实际发放解困工资人数\t250人\n"
                           "\t质量指标\t补贴覆盖率\t对符合条件的对象发放解困工资的覆盖率\t100%\n")
    assert [i["name"] for i in data["indicators"]] == ["补助人数", "补贴覆盖率"]


def test_a_numbered_form_naming_its_rows_by_level_with_notes_below(tmp_path: Path) -> None:
    """序号 | 指标类型 | 指标名称 | 指标值 with the first level merged down and notes and sign-off lines
    under the table: each numbered row is in place (its name a second-level word), and the lines
    below, holding no value, do not count against 指标类型 being the first level."""
    text = "\n".join([
        "2024年项目绩效目标",
        "序号\t指标类型\t指标名称\t指标值\t指标描述",
        "1\t产出指标\t数量指标\t375万平方米\t完成全市绿地养护",
        "2\t\t质量指标\t100%\t达到绿化绿地全覆盖",
        "3\t\t时效指标\t全年\t全年",
        "4\t效益指标\t社会效益指标\t是\t满足市民生存环境的需求",
        "5\t\t生态效益指标\t是\t改善城市生态环境",
        "6\t满意度指标\t服务对象满意度\t≥95%\t满意率在95%以上",
        "\t最近年度绩效评价情况\t优秀□ 良好□\t附上一年度评价报告列示的主要问题\t",
        "备注：1.指标值按年度填写；2.定性指标填写“达成”“部分达成”或“未达成”。\t\t\t\t",
        "填报人：张三\t\t联系电话：0769-12345678",
        "单位负责人（签字）：\t\t填报日期：2024年1月10日",
    ])
    data = _text(tmp_path, text)
    assert [(i["level1"], i["name"]) for i in data["indicators"]] == [
        ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"), ("效益指标", "社会效益指标"),
        ("效益指标", "生态效益指标"), ("满意度指标", "服务对象满意度")]


def test_the_third_level_under_a_merged_band_names_the_row_beside_its_content(tmp_path: Path) -> None:
    """绩效指标 merged over 一级指标 | 二级指标 | 三级指标 on a second header row, 指标内容 and 指标值
    merged down beside them: the 三级指标 under the band names the indicator, not 指标内容."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in (["专项资金绩效目标表(2021年)"], ["绩效指标", "", "", "指标内容", "指标值"],
                ["一级指标", "二级指标", "三级指标", "", ""],
                ["产出指标", "数量指标", "补助人数", "实际发放解困工资人数", "250人"],
                ["", "质量指标", "补贴覆盖率", "对符合条件的对象发放解困工资的覆盖率", "100%"]):
        ws.append(row)
    for rng in ("A2:C2", "D2:D3", "E2:E3", "A4:A5"):
        ws.merge_cells(rng)
    path = tmp_path / "t.xlsx"
    wb.save(path)
    data = _read(path)
    assert [(i["name"], i["targets"]["2021"]["value"]) for i in data["indicators"]] == [("补助人数", 250), ("补贴覆盖率", 100)]


def test_level_columns_are_judged_on_rows_holding_a_value_not_on_blank_cells_of_notes() -> None:
    """A Word table pads every row to its width: the notes and sign-off rows under the indicators
    hold blank cells, which are no values, and no name, so they do not count against 指标类型
    being the first level."""
    from analytics.ingest.tables.layout import find_layout, infer_level_cols
    from analytics.ingest.tables.raw import RawTable

    rows = [["指标类型", "指标名称", "指标值", "指标描述"],
            ["产出指标", "数量指标", "375万平方米", "完成全市绿地养护"], ["", "质量指标", "100%", "全覆盖"],
            ["效益指标", "社会效益指标", "是", "满足市民需求"], ["", "生态效益指标", "是", "改善生态环境"],
            ["满意度指标", "服务对象满意度", "≥95%", ""],
            ["最近年度绩效评价情况", "优秀□ 良好□", "附上一年度评价报告列示的主要问题", ""],
            ["备注：1.指标值按年度填写。", "", "", ""], ["填报人：张三", "", "联系电话：0769-12345678", ""],
            ["单位负责人（签字）：", "", "填报日期：2024年1月10日", ""]]
    table = RawTable("docx", rows, [f"R{k}" for k in range(1, len(rows) + 1)])
    layout = find_layout(table, LEX)
    infer_level_cols(table, layout, LEX)
    assert layout.level_cols == {"level1": 0}


def test_a_header_naming_its_indicators_keeps_that_column_over_a_name_word_in_the_row_below() -> None:
    """三级指标 on the header row names the indicators; a name word in the row under it (a second
    header row, or the text of a copy run into it) does not move the name elsewhere: only a
    description column (指标内容) gives way to a 三级指标 under a band (绩效指标)."""
    from analytics.ingest.tables.layout import find_layout
    from analytics.ingest.tables.raw import RawTable

    rows = [["一级指标", "二级指标", "三级指标", "指标值", "备注"], ["", "", "", "", "指标名称"],
            ["产出指标", "数量指标", "培训人次", "≥500人次", ""]]
    layout = find_layout(RawTable("docx", rows, ["R1", "R2", "R3"]), LEX)
    assert layout.name_col == 2


def test_a_hainan_form_with_outcome_and_efficiency_levels_and_grading_bands(tmp_path: Path) -> None:
    """海南's 项目绩效目标表 (指标类型 | 绩效指标 | 绩效目标 | 绩效标准 over 优 / 良 / 中 / 差): its first
    levels are 产出指标 / 成效指标 / 效率指标, the 指标类型 column holds them, and the four grading bands
    are no targets."""
    data = _text(tmp_path, "\n".join([
        "指标类型\t绩效指标\t绩效目标\t绩效标准\t\t\t",
        "\t\t\t优\t良\t中\t差",
        "产出指标\t年育苗数量\t600万株\t600万\t500万\t300万\t200万",
        "成效指标\t群众满意度\t群众满意度较好\t较好\t好\t一般\t差",
        "效率指标\t资金按时到位\t资金按时到位率为100%\t100%\t80%-100%\t60%-80%\t<50%",
        "\t按时完成既定目标\t2017年12月31日前完成\t按时完成\t延期15天以内\t延期15-30天\t延期30天以上",
    ]), name="hainan.tsv", year=2017)
    got = [(i["level1"], i["name"], i["targets"]["2017"].get("value")) for i in data["indicators"]]
    assert got == [("产出指标", "年育苗数量", 600.0), ("成效指标", "群众满意度", None),
                   ("效率指标", "资金按时到位", 100.0), ("效率指标", "按时完成既定目标", 1.0)]


def test_a_small_table_one_cell_a_line_is_not_outread_by_a_cutting_that_splits_its_scoring_rules() -> None:
    """Two rows one cell a line with explanation, note and scoring-rule columns: cut where cells run
    together, the text gives more rows (该指标值数 | 完成得满 …), but each holds a scoring rule's words,
    so the reading by the header, with its two whole rows, wins."""
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标解释", "计算符号", "目标值", "度量单位", "指标值说明",
                      "评（扣）分标准", "产出指标", "数量指标", "保障在职职工人数", "(人)", "反映保障在职职工", "情况", "=", "116",
                      "人", "该指标值数据合理", "完成得满分，未完", "成按比例扣分",
                      "保障退休职工人数", "(人)", "反映保障退休职工", "情况", "=", "81", "人", "该指标值数据合理",
                      "完成得满分，未完", "成按比例扣分"])
    result = parse_table(text.encode("utf-8"), filename="t.txt", year=2026)
    assert isinstance(result, TableReading)
    assert [(i["name"], i["targets"]["2026"]["value"]) for i in result.indicators] == [("保障在职职工人数", 116),
                                                                                     ("保障退休职工人数", 81)]


def test_a_raw_pdf_copy_whose_rows_run_cells_together_at_blanks_is_read_one_cell_a_line() -> None:
    """``pdftotext -raw`` of a Word table with its text in the middle of each cell (黄石市委党校's
    主体班 批复表): the cells standing at one height run together at blanks (``质量指标 培训完成率 100%``),
    a wrapped name's later lines below (``邀请校外名师、`` / ``领导授课人次``). Set out one cell a line
    and read so, the wrapped names come back whole with their targets."""
    read = targets_read(read_copy("huangshi_pifu_2022.word_centre.raw.txt"), "2022")
    assert {"邀请校外名师、领导授课人次": "25人次", "情景教学或外训批次": "6次", "课程数量达标率": "100%",
            "培训学员对培训效果满意度": "≥95%"}.items() <= read.items()
    assert len(read) >= 12


def test_a_raw_pdf_copy_is_not_read_with_a_column_of_one_word_as_its_names() -> None:
    """``pdftotext -raw`` of a Word form with a 指标值类型 column (岳阳楼区价格认证鉴定中心's 整体绩效目标表):
    read a row a line, its names are that column's 定量 / 定性, the same on every row; set out one cell
    a line, each row has its own name (a column of one word read as names cut the rows wrong)."""
    read = targets_read(read_copy("yueyanglou_jiage_2023.word_top.raw.txt"), "2023")
    assert {"业务工作支出安排金额": "28.8万元", "业务工作支出到位率": "100%", "工作安排时间": "按月安排"}.items() <= read.items()
    assert not {"定量", "定性"} & set(read)


def test_a_scoring_rule_cut_into_cells_is_a_note_and_a_row_missing_its_name_is_unread() -> None:
    """得满分,未 | 完成按比 (a scoring rule a copy cut into cells, no level beside it and no figure) is a
    note on scoring, skipped, never an indicator; 效益指标 | 经济效益指标 | 未达指标值酌情扣分 (a row of the
    table whose name is missing) stays listed as unread."""
    text = "\n".join(["一级指标|二级指标|三级指标|指标值|评（扣）分标准",
                      "产出指标|数量指标|培训人次|≥280人次|完成得满分，未完成按比例扣分",
                      "||得满分,未|完成按比|",
                      "效益指标|经济效益指标|未达指标值酌情扣分||",
                      "满意度指标|服务对象满意度指标|学员满意度|≥95%|完成得满分"]).encode("utf-8")
    read = _read(text, filename="t.txt", year=2023)
    assert [i["name"] for i in read["indicators"]] == ["培训人次", "学员满意度"]
    assert any(s["reason"] == "note" and "得满分" in s["text"] for s in read["skipped"])
    assert any("未达指标值酌情扣分" in u["text"] for u in read["unread"])


def test_a_level_word_alone_as_a_name_marks_a_row_cut_wrong() -> None:
    """Choosing among the ways of cutting a text: a name that is a second level's word alone (产出数量, 质量,
    a stream cut at 产出数量指标) marks a row cut wrong, as 数量指标 does; names that only hold such a word
    (质量达标率, 服务对象满意度) do not."""
    from analytics.ingest.tables.measures import _cut_wrong

    assert all(_cut_wrong(n) for n in ("产出数量", "质量", "时效", "成本", "数量指标"))
    assert not any(_cut_wrong(n) for n in ("质量达标率", "服务对象满意度", "资金支出率", "产出数量完成率", "成本控制"))


def test_a_target_written_as_a_change_on_the_year_before_asks_for_the_target_it_comes_to() -> None:
    """下降5% / 同比增长10%以上 under a name that measures a level (not its change) needs last year's
    figure: its target is left for review and the row listed as unread with that reason, in words; on
    a name that measures the change itself (…增长率) the change is the target."""
    from analytics.present.tables_text import row_message

    text = "\n".join(["一级指标\t二级指标\t三级指标\t指标值", "产出指标\t数量指标\t单位能耗\t下降5%",
                      "产出指标\t数量指标\t网络零售额\t同比增长10%以上", "效益指标\t经济效益指标\t网络零售额增长率\t同比增长10%"])
    result = parse_table(text.encode("utf-8"), filename="t.tsv", year=2024)
    assert isinstance(result, TableReading)
    assert [(i["name"], i["targets"]["2024"]["value"], i["targets"]["2024"].get("error")) for i in result.indicators] == \
        [("单位能耗", None, "change"), ("网络零售额", None, "change"), ("网络零售额增长率", 10.0, None)]
    assert [u["cells"] for u in result.unread] == [["2024:下降5%→change"], ["2024:同比增长10%以上→change"]]
    assert all("上年的基数" in row_message(u, "zh") and "last year" in row_message(u, "en") for u in result.unread)


def test_a_word_table_with_tracked_changes_reads_as_if_they_were_accepted() -> None:
    """A name moved with changes tracked (w:moveFrom at its old place, w:moveTo at its new one) is
    read once; a row deleted with changes tracked (w:trPr/w:del) is left out."""
    import io
    import zipfile

    source = TABLES / "generated" / "seed_dongguan.docx"
    with zipfile.ZipFile(source) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    doc = parts["word/document.xml"].decode("utf-8")
    at = doc.find("城镇新增就业人员规模")
    start = max(doc.rfind("<w:r>", 0, at), doc.rfind("<w:r ", 0, at))
    end = doc.find("</w:r>", at) + len("</w:r>")
    run = doc[start:end]
    doc = doc[:start] + f'<w:moveFrom w:id="1" w:author="a">{run}</w:moveFrom><w:moveTo w:id="2" w:author="a">{run}</w:moveTo>' \
        + doc[end:]
    row = doc.rfind("<w:tr", 0, doc.find("登记失业人员规模"))
    row_open = doc.find(">", row) + 1
    doc = doc[:row_open] + '<w:trPr><w:del w:id="3" w:author="a"/></w:trPr>' + doc[row_open:]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, doc.encode("utf-8") if name == "word/document.xml" else data)
    changed, plain = parse_table(buf.getvalue(), filename="t.docx"), parse_table(source)
    assert isinstance(changed, TableReading) and isinstance(plain, TableReading)
    assert [i["name"] for i in changed.indicators] == [i["name"] for i in plain.indicators if i["name"] != "登记失业人员规模"]


def test_a_target_column_of_next_year_is_keyed_the_year_after_the_title_s(tmp_path: Path) -> None:
    """下年目标值 beside 本年目标值 under a 2024 title: the 2025 target (lexicon ``value_roles.next_year``),
    not dropped as a second column of 2024."""
    path = tmp_path / "next.tsv"
    path.write_text("项目绩效目标表（2024年度）\n三级指标\t本年目标值\t下年目标值\n新增就业人数\t≥10000人\t≥11000人\n",
                    encoding="utf-8")
    data = _read(path)
    assert {k: v["value"] for k, v in data["indicators"][0]["targets"].items()} == {"2024": 10000, "2025": 11000}
    assert data["project"]["years"] == [2024, 2025]


def test_an_adjusted_target_counts_where_a_row_fills_it(tmp_path: Path) -> None:
    """调整后指标值 beside 年初指标值 (lexicon ``value_roles.adjusted``): the adjusted target where it is
    filled, the original named in the reason; the original where the adjusted cell is blank."""
    path = tmp_path / "adjusted.tsv"
    path.write_text("项目支出绩效自评表（2024年度）\n三级指标\t年初指标值\t调整后指标值\t实际完成值\n"
                    "新增就业人数\t≥10000人\t≥9000人\t9500人\n培训人次\t≥2000人次\t\t2300人次\n", encoding="utf-8")
    first, second = _read(path)["indicators"]
    assert (first["targets"]["2024"]["value"], first["actuals"]["2024"]["value"]) == (9000, 9500)
    assert first["inferred"]["target"]["rule"] == "adjusted_target" and "≥10000人" in first["inferred"]["target"]["reason"]
    assert second["targets"]["2024"]["value"] == 2000 and "target" not in second["inferred"]


def test_hidden_text_in_a_word_cell_is_not_read(tmp_path: Path) -> None:
    """A run Word does not show (``w:vanish``: a template's note, an old value kept hidden) is no part
    of the cell's text."""
    import docx
    from docx.oxml import OxmlElement

    doc = docx.Document()
    doc.add_paragraph("项目支出绩效目标表（2024年度）")
    rows = [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "培训人次", "≥500人次"]]
    table = doc.add_table(rows=2, cols=4)
    for i, r in enumerate(rows):
        for j, c in enumerate(r):
            table.cell(i, j).text = c
    for cell, hidden in ((table.cell(1, 2), "示例名称"), (table.cell(1, 3), "≥400人次")):
        run = cell.paragraphs[0].add_run(hidden)
        run._r.get_or_add_rPr().append(OxmlElement("w:vanish"))
    doc.save(tmp_path / "vanish.docx")
    got = _read(tmp_path / "vanish.docx")["indicators"]
    assert [(i["name"], i["targets"]["2024"]["raw"]) for i in got] == [("培训人次", "≥500人次")]


def test_a_grade_below_the_total_closes_the_form() -> None:
    """自评等级 | 优 (or 评价等级：良) under 总分: the form's grade, no indicator."""
    text = ("项目支出绩效自评表（2023年度）\n项目名称\t职业技能培训补贴\n"
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "产出指标\t数量指标\t培训人数\t≥500人\t520人\t20\t20\n"
            "总分\t\t\t\t\t100\t96\n自评等级\t优\n评价等级：良\n")
    data = parse_table(text.encode("utf-8"), filename="ziping.txt").to_json()  # type: ignore[union-attr]
    assert [i["name"] for i in data["indicators"]] == ["培训人数"]
    assert [s["reason"] for s in data["skipped"] if "等级" in s["text"]] == ["sign_off", "sign_off"]


# --- an indicator's weight (分值) -------------------------------------------------------------


def test_the_points_column_gives_each_indicator_its_weight() -> None:
    """池州 委托业务 2022: 年度指标值 | 实际完成值 | 分值 | 得分 — the 分值 is read as each indicator's
    points (8 × 5 and 10 of 产出指标 50; 10 × 3 of 效益指标 30), never the score given (得分)."""
    got = _read(TABLES / "corpus" / "chizhou_weituo_ziping_2022.tsv")
    assert [i.get("points") for i in got["indicators"]] == [8.0, 8.0, 8.0, 8.0, 8.0, 10.0, 10.0, 10.0, 10.0]
    assert list(got["indicators"][0]).index("points") > list(got["indicators"][0]).index("targets")


def test_a_score_given_is_no_weight_and_a_table_without_points_has_none() -> None:
    text = ("一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t得分\n"
            "产出指标\t数量指标\t培训人次\t≥500人次\t520人次\t10\n"
            "满意度指标\t满意度\t服务对象满意度\t≥90%\t95%\t10\n")
    got = _read_text(text)
    assert all("points" not in i for i in got["indicators"])
    weighted = text.replace("\t得分\n", "\t分值（分）\n").replace("520人次\t10", "520人次\t12分")
    assert [i.get("points") for i in _read_text(weighted)["indicators"]] == [12.0, 10.0]
    assert "points" not in _read(SEED)["indicators"][0]  # the seed gives none


def _read_text(text: str) -> dict:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "t.txt"
        path.write_text(text, encoding="utf-8")
        return _read(path, year=2024)


def test_a_blank_result_given_a_score_is_a_check_in_by_its_share() -> None:
    """A 自评表's qualitative row whose 实际完成值 is blank but which was scored (工程质量合格 | | 10 | 10):
    达成 at 80% of its points or more, 部分达成 from 60%, else 未达成 — marked for review; a number
    row is never given one, nor a row without a score."""
    text = ("项目支出绩效自评表（2022年度）\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "产出指标\t质量指标\t工程质量合格\t\t\t10\t10\n"
            "产出指标\t质量指标\t资金执行在预算范围内\t\t\t10\t7\n"
            "效益指标\t社会效益指标\t保护全市人口财产不受损失\t\t\t10\t5\n"
            "效益指标\t社会效益指标\t群众满意度提升明显\t\t\t10\t\n"
            "产出指标\t数量指标\t培训人次\t≥500人次\t\t10\t10\n")
    reading = _read_text(text)
    got = {i["name"]: i for i in reading["indicators"]}
    levels = {n: next(iter((i.get("actuals") or {"-": {}}).values())).get("checkin") for n, i in got.items()}
    assert levels == {"工程质量合格": "achieved", "资金执行在预算范围内": "partial", "保护全市人口财产不受损失": "not_achieved",
                      "培训人次": None}, levels
    assert any("群众满意度提升明显" in u["text"] for u in reading["unread"])  # no score, no result: to fill in
    first = got["工程质量合格"]
    assert list(first["actuals"].values()) == [{"raw": "得分10（分值10）", "value": 1.0, "checkin": "achieved"}]
    assert first["inferred"]["actual"]["confidence"] == "low" and "actual" in first["review"]


def test_cli_parse_table_lists_the_points_when_the_table_gives_them() -> None:
    src = ROOT / "tests" / "tables" / "corpus" / "chizhou_weituo_ziping_2022.tsv"
    out = subprocess.run([sys.executable, "-m", "analytics", "parse-table", str(src), "--format", "table"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    head, first = out.stdout.splitlines()[:2]
    assert head.split()[-2:] == ["分值", "待核对"] and first.split()[-2] == "8"
    seed = subprocess.run([sys.executable, "-m", "analytics", "parse-table", str(SEED), "--format", "table"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert "points" not in seed.stdout.splitlines()[0]


def test_what_a_row_means_beyond_its_words(tmp_path: Path) -> None:
    data = _text(tmp_path, "2024年项目支出绩效自评表\n"
                 "一级指标\t二级指标\t三级指标\t单位\t指标性质\t年度指标值\t实际完成值\n"
                 "产出指标\t时效指标\t锅炉淘汰任务完成时限\t\t定性\t2024年11月底前\t2024年12月20日\n"
                 "产出指标\t时效指标\t监测站建成时间\t\t\t2024年9月底前\t2024年9月28日\n"
                 "产出指标\t成本指标\t单个健身路径建设成本\t万元\t\t≤8\t7.5\n"
                 "效益指标\t社会效益指标\t孕产妇死亡率\t/10万\t\t≤12\t10.3\n"
                 "效益指标\t社会效益指标\t安全生产责任事故\t起\t\t无\t无\n")
    late = _ind(data, "锅炉淘汰任务完成时限")
    assert late["kind"] == "milestone" and late["direction"] == "higher"  # 定性 beside a date; 时限 done in time
    assert late["inferred"]["direction"]["rule"] == "deadline_done"
    assert late["actuals"]["2024"] == {"raw": "2024年12月20日", "value": 0.0, "late": {"done": "2024-12", "due": "2024-11"}}
    assert _ind(data, "监测站建成时间")["actuals"]["2024"]["value"] == 1.0  # in its month: in time
    assert _ind(data, "单个健身路径建设成本")["kind"] == "level"  # the cost of one item, not summed
    assert _ind(data, "孕产妇死亡率")["unit"] == "/10万"  # the 单位 column's own unit, not %
    none = _ind(data, "安全生产责任事故")
    assert (none["targets"]["2024"]["comparator"], none["targets"]["2024"]["value"]) == ("<=", 0.0)
    assert none["actuals"]["2024"]["value"] == 0.0 and none["inferred"]["target"]["rule"] == "none_as_zero"


def test_money_labels_over_their_figures_give_the_funding(tmp_path: Path) -> None:
    data = _text(tmp_path, "2025年部门整体支出绩效目标表\n部门（单位）名称\t某市文化广电旅游局\n"
                 "年度预算申请（万元）\t资金总额\t财政拨款\t其他资金\n年度预算申请（万元）\t2860\t2600\t260\n"
                 "年度总体目标\t组织开展群众性文化活动不少于200场次\n"
                 "年度绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n"
                 "年度绩效指标\t产出指标\t数量指标\t群众性文化活动场次\t不少于200场次\n")
    funding = data["project"]["funding"]
    assert funding["total"] == 2860.0 and [(s["name"], s["amount"]) for s in funding["sources"]] == [
        ("财政拨款", 2600.0), ("其他资金", 260.0)]


def test_a_self_evaluations_goal_is_the_one_expected_not_the_one_reached(tmp_path: Path) -> None:
    data = _text(tmp_path, "项目支出绩效自评表\n（2024年度）\n项目名称\t城乡供水一体化工程\n"
                 "年度总体目标\t预期目标\t\t\t\t实际完成情况\n"
                 "\t新建供水管网45公里，改善3.2万农村人口饮水条件。\t\t\t\t新建供水管网42.6公里，改善3.1万农村人口饮水条件。\n"
                 "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\n"
                 "\t产出指标\t数量指标\t新建供水管网长度\t≥45公里\t42.6公里\n")
    assert data["project"]["overall_goal"] == "新建供水管网45公里，改善3.2万农村人口饮水条件。"


def test_a_regional_forms_year_goal_and_year_money(tmp_path: Path) -> None:
    # 中央对地方转移支付区域绩效目标申报表: money and goals for the whole period and for the year, side
    # by side; the year is what is tracked — its goal and its money — and a column's heading is no goal
    rows = [["中央对地方转移支付区域绩效目标申报表", None, None, None, None], ["（2025年度）", None, None, None, None],
            ["专项名称", "农田建设补助资金", None, None, None],
            ["资金情况（万元）", None, "实施期资金总额", "年度资金总额", None],
            [None, "其中：中央补助", 360000, 120000, None], [None, "地方资金", 90000, 30000, None],
            [None, "其他资金", 0, 0, None],
            ["总体目标", "实施期目标（2024-2026年）", None, "年度目标", None],
            [None, "建设高标准农田150万亩。", None, "2025年建设高标准农田50万亩。", None],
            ["一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值"],
            ["产出指标", "数量指标", "建设高标准农田面积", "≥150万亩", "≥50万亩"]]
    data = _xlsx(tmp_path, rows)
    funding = data["project"]["funding"]
    assert funding["total"] == 150000.0 and [s["amount"] for s in funding["sources"]] == [120000.0, 30000.0, 0.0]
    assert data["project"]["overall_goal"] == "2025年建设高标准农田50万亩。"
    assert [g["label"] for g in data["project"]["goals"]] == ["实施期目标（2024-2026年）", "年度目标"]


_FACTS_FIRST = [  # a header line whose first columns are the project's facts, then its levels
    "项目绩效目标表",
    "单位:元",
    "项目名称 项目单位 项目类别 预算数 年度绩效目标 一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值",
    "办公设备购置 301001-某县财政局 31-一般性项目 560,000.00 保障日常办公需要,提高办公效率。 "
    "产出指标(50分) 数量指标 电脑采购数量 正向 大于等于 20 台 10",
    "质量指标 设备验收合格率 正向 等于 100 % 10",
]


def test_the_facts_on_a_header_line_are_the_projects_not_indicators() -> None:
    """项目名称 | 项目单位 | 项目类别 | 预算数 | 年度绩效目标 before the levels on the header's line: the
    cells before the levels on the first row are the project's facts. Read one cell a line (a 定性
    row's value on a line of its own) they are skipped as facts, never an indicator such as
    31-一般性项目 | 560,000.00; read split at blanks, the project column names one project."""
    lines = _FACTS_FIRST + ["时效指标 采购完成时间 定性", "10月底之前", "10", "效益指标(30分) 社会效益 办公效率 定性", "明显提升", "20",
                            "满意度指标(20分) 服务对象满意度 使用人员满意度 正向 大于等于 95 % 20"]
    data = _read("\n".join(lines).encode("utf-8"), filename="t.txt", year=2025)
    assert [i["name"] for i in data["indicators"]] == ["电脑采购数量", "设备验收合格率", "采购完成时间", "办公效率", "使用人员满意度"]
    assert [i["targets"]["2025"]["raw"] for i in data["indicators"][2:4]] == ["10月底之前", "明显提升"]
    assert {s["reason"] for s in data["skipped"] if "一般性项目" in s["text"] or "某县财政局" in s["text"]} == {"facts"}
    assert data["project"]["name"] == "办公设备购置" and data["project"]["overall_goal"].startswith("保障日常办公需要")
    assert not data["unread"]
    lines = _FACTS_FIRST + ["效益指标 社会效益 群众满意度 正向 大于等于 90 % 20"]
    data = _read("\n".join(lines).encode("utf-8"), filename="t.txt", year=2025)
    assert [i["name"] for i in data["indicators"]] == ["电脑采购数量", "设备验收合格率", "群众满意度"]
    assert data["project"]["name"] == "办公设备购置" and not data["source"].get("forms")


def test_cli_parse_table_names_the_year_of_a_target_to_review() -> None:
    from analytics.cli.tables import _table

    ind = {"seq": 1, "level1": "产出指标", "level2": "数量指标", "name": "培训人数", "unit": "人", "kind": "flow",
           "direction": "higher", "targets": {"2025": {"raw": "约300"}}, "review": ["unit", "target"]}
    assert _table({"indicators": [ind]}, "zh")[1][-1] == "单位、2025年目标"
