"""The CLI's JSON is a contract: check its shape and its numbers."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # every test runs the CLI in a subprocess


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analytics", *args], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env=None if env is None else {**os.environ, **env})


def test_targets_json():
    r = run("targets", "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    table = [i for i in data["indicators"] if i["origin"] == "table"]
    assert len(table) == 40
    first = table[0]
    assert first["id"] == "new_urban_jobs" and first["unit"] == "万人" and first["kind"] == "flow"
    assert first["targets"]["2023"] == {"raw": "11.6", "comparator": ">=", "value": 11.6, "is_bool": False, "no_value": False}
    assert first["baseline"]["2022"]["raw"] == "11.09"
    sat = next(i for i in table if i["id"] == "public_service_satisfaction")
    assert sat["targets"]["2024"]["raw"] == "95%以上" and sat["targets"]["2024"]["value"] == 95
    assert data["project"]["funding"]["total"] == 103414.18
    statuses = {n["id"]: n["status"] for n in data["quality"]}
    assert statuses["reemployment_two_year"] == "mismatch" and statuses["hardship_two_year"] == "passed"


def test_targets_table():
    r = run("targets", "--format", "table")
    assert r.returncode == 0 and "城镇新增就业人员规模" in r.stdout and "90%以上" in r.stdout


def test_status_json_direction():
    r = run("status", "--as-of", "2024-06", "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["as_of"] == "2024-06" and data["year"] == 2024 and data["sample_data"] is True
    rows = {i["indicator_id"]: i for i in data["indicators"]}
    ru = rows["registered_unemployed"]
    assert ru["direction"] == "lower" and ru["comparator"] == "<="
    for key in ("actual", "target", "expected", "attainment", "status", "explain_zh", "explain_en"):
        assert key in ru
    assert sum(data["counts"].values()) == len(data["indicators"])
    assert data["budget_execution"]["execution_rate"] < data["budget_execution"]["time_progress"]


def test_a_year_target_derived_from_a_two_year_total_is_said_never_a_formula():
    """促进创业人数 has a two-year target only (2.6万人以上, 2023–2024): the year's target is the rest.
    The status table showed the formula the row keeps (``2.6万人以上−1.36``) and 100% done for
    99.95%; it says the total and what the year still needs, and 99%."""
    r = run("status", "--as-of", "2024-08", "--format", "json")
    row = next(i for i in json.loads(r.stdout)["indicators"] if i["indicator_id"] == "entrepreneurship")
    assert row["target_derived"] and row["target_raw"] == "2.6万人以上−1.36"  # the JSON keeps how it was derived
    assert row["target_zh"] == "2.6万人以上（两年合计），2024年还需1.24万人"
    assert "2-year total" in row["target_en"] and "−" not in row["target_en"]
    table = run("status", "--as-of", "2024-08", "--format", "table").stdout
    line = next(x for x in table.splitlines() if x.startswith("entrepreneurship"))
    assert "（两年合计），2024年还需1.24万人" in line and "−1.36" not in line
    accuracy = next(x for x in table.splitlines() if x.startswith("subsidy_accuracy"))
    assert " 99.9% " in accuracy and " 100% " in accuracy  # done 99.9% (99.95 of 100), beside the target 100%
    # 完成率 to one decimal, as 目标进展 says it (the table said 99% and 69% where the page said 99.9% and 68.5%)
    jobs = next(x for x in table.splitlines() if x.startswith("new_urban_jobs"))
    assert " 68.5% " in jobs
    brands = next(x for x in table.splitlines() if x.startswith("labour_brands")).split()
    assert brands[2:4] == ["3", "3.7"]  # 应达 3.7个 (was 4 beside 3 and 75%)


def test_status_flat_files_direction(tmp_path):
    t = tmp_path / "t.csv"
    t.write_text("indicator_id,name,unit,kind,direction,year,target\nunemp,登记失业人员规模,万人,level,lower,2024,4.1\njobs,新增就业,万人,flow,higher,2024,12\n", encoding="utf-8")
    for value, met in (("3.9", True), ("4.5", False)):
        a = tmp_path / "a.csv"
        a.write_text(f"indicator_id,period,value,basis\nunemp,2024-06,{value},level\njobs,2024-06,6.5,ytd\n", encoding="utf-8")
        r = run("status", "--as-of", "2024-06", "--targets", str(t), "--actuals", str(a), "--format", "json")
        assert r.returncode == 0, r.stderr
        rows = {i["indicator_id"]: i for i in json.loads(r.stdout)["indicators"]}
        assert (rows["unemp"]["attainment"] >= 1) == met
        assert (rows["unemp"]["status"] in ("on_track", "done")) == met
        assert rows["jobs"]["status"] == "on_track"


def test_validate_clean_and_broken(tmp_path):
    ok = run("validate", "data/projects/dongguan/sample_actuals.csv", "--format", "json")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = tmp_path / "坏文件.csv"
    bad.write_text("indicator_id,period,value\nnew_urban_jobs,2024-13,1\nnew_urban_jobs,2024-06,abc\nnope,2024-06,1\n", encoding="utf-8")
    r = run("validate", str(bad), "--format", "json")
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert not data["ok"]
    codes = {p["code"] for p in data["problems"]}
    assert {"bad_period", "not_a_number", "unknown_indicator"} <= codes
    for p in data["problems"]:
        assert "坏文件.csv" in p["message_zh"] and p["row"] is not None
    t = run("validate", str(bad), "--format", "table", "--lang", "en")
    assert t.returncode == 1 and "Traceback" not in t.stderr and "row" in t.stdout.lower()


def test_validate_missing_file_is_not_a_traceback():
    r = run("validate", "no/such/file.csv")
    assert r.returncode == 1 and "Traceback" not in r.stderr


def test_a_target_table_not_there_is_said_not_there_not_damaged(tmp_path):
    """A mistyped path to parse-table or new-project said “文件可能已损坏、不完整…（FileNotFoundError）”:
    it says the file does not exist, as validate and import do, and exits 2 (a file not read)."""
    for args in (("parse-table", "no/such/表.xlsx"), ("new-project", "no/such/表.xlsx", "--out", str(tmp_path / "p"))):
        r = run(*args)
        assert r.returncode == 2 and "不存在，请检查路径" in r.stderr and "损坏" not in r.stderr, r.stderr


def test_validate_and_import_tables_speak_the_language_asked(tmp_path):
    """validate's and import's --format table said “通过：a.csv (3 rows)” and “新增 3，… (batch …)” in Chinese."""
    (tmp_path / "a.csv").write_text("indicator_id,period,value,basis\n" + "".join(
        f"new_urban_jobs,2024-{m:02d},{m},ytd\n" for m in (1, 2, 3)), encoding="utf-8")
    store = ["--store", str(tmp_path / "s")]
    assert run("projects", *store).returncode == 0  # a new store
    zh = run("validate", str(tmp_path / "a.csv"), *store, "--format", "table").stdout
    imported = run("import", str(tmp_path / "a.csv"), *store, "--format", "table").stdout
    assert "通过：a.csv（3 行）" in zh and "rows" not in zh, zh
    assert "（批次 " in imported and "batch" not in imported, imported
    en = run("validate", str(tmp_path / "a.csv"), *store, "--format", "table", "--lang", "en").stdout
    assert "OK: a.csv (3 rows)" in en, en


def test_status_with_bad_actuals_is_a_clear_error(tmp_path):
    a = tmp_path / "a.csv"
    a.write_text("indicator_id,period,value\nnew_urban_jobs,2024-06,oops\n", encoding="utf-8")
    r = run("status", "--as-of", "2024-06", "--actuals", str(a))
    assert r.returncode == 2 and "Traceback" not in r.stderr and "a.csv" in r.stderr


def test_bad_as_of():
    r = run("status", "--as-of", "2024-13")
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_quality_and_rules():
    q = json.loads(run("quality").stdout)
    assert any(n["status"] == "mismatch" for n in q["notes"])
    rules = json.loads(run("rules").stdout)
    assert "on_track" in rules["statuses"]


def test_forecast_json_shape_and_logic():
    r = run("forecast", "--as-of", "2024-06", "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    rows = {i["indicator_id"]: i for i in data["indicators"]}
    for key in ("indicator_id", "year", "target", "point", "lower", "upper", "p_attain", "method"):
        assert key in rows["new_urban_jobs"]
    jobs = rows["new_urban_jobs"]
    assert jobs["lower"] <= jobs["point"] <= jobs["upper"] and 0 <= jobs["p_attain"] <= 1
    assert jobs["method"] == "seasonal_blend"
    done = rows["unified_info_platform"]
    assert done["p_attain"] == 1.0 and done["likelihood"] == "certain"


def test_forecast_table_says_what_the_forecast_page_says():
    # a survey between measurements: 待下次测评, no year-end; a milestone: 是 / 已实现, never 1
    r = run("forecast", "--as-of", "2024-08", "--format", "table")
    assert r.returncode == 0, r.stderr
    rows = {line.split()[0]: line.split() for line in r.stdout.splitlines()[1:]}
    survey = rows["public_service_satisfaction"]
    assert survey[2:8] == ["—", "—", "—", "%", "—", "待下次测评"], survey  # the unit in its column
    done = rows["unified_info_platform"]
    assert done[1:3] == ["是", "已实现"] and done[7] == "已达到目标", done  # achieved: an outcome, not a forecast
    assert rows["new_urban_jobs"][7] == "很可能完成"


def test_forecast_flat_files_without_history(tmp_path):
    t = tmp_path / "t.csv"
    t.write_text("indicator_id,name,unit,kind,direction,year,target\njobs,新增就业,万人,flow,higher,2024,12\nunemp,失业,万人,level,lower,2024,4.1\n", encoding="utf-8")
    a = tmp_path / "a.csv"
    a.write_text("indicator_id,period,value,basis\njobs,2024-02,1.5,ytd\njobs,2024-06,7.5,ytd\nunemp,2024-06,3.5,level\n", encoding="utf-8")
    r = run("forecast", "--as-of", "2024-06", "--targets", str(t), "--actuals", str(a), "--format", "json")
    assert r.returncode == 0, r.stderr
    rows = {i["indicator_id"]: i for i in json.loads(r.stdout)["indicators"]}
    assert rows["jobs"]["method"] == "prorata" and abs(rows["jobs"]["point"] - 15.0) < 1e-6
    assert rows["jobs"]["lower"] < 15.0 < rows["jobs"]["upper"]
    assert rows["jobs"]["p_attain"] > 0.5
    assert rows["unemp"]["p_attain"] > 0.9  # 3.5 against a cap of 4.1: lower is better


def test_score_and_scenario_json(tmp_path):
    base = json.loads(run("score", "--as-of", "2024-08").stdout)
    assert {p["key"] for p in base["parts"]} >= {"execution", "output", "outcome", "satisfaction"} or len(base["parts"]) == 4
    assert abs(sum(p["points"] for p in base["parts"]) - base["total"]) < 0.05
    assert base["grade"] in ("优", "良", "中", "差")
    sc = tmp_path / "fast.json"
    sc.write_text(json.dumps({"name": "加快", "levers": {"pace": 2.0}}), encoding="utf-8")
    fast = json.loads(run("score", "--as-of", "2024-08", "--scenario", str(sc)).stdout)
    assert fast["execution"]["projected_year_end_rate"] > base["execution"]["projected_year_end_rate"]
    assert fast["total"] >= base["total"]
    path = json.loads(run("scenario", "--as-of", "2024-08", "--scenario", str(sc)).stdout)
    assert len(path["path"]) == 12 and path["path"][7]["observed"] and not path["path"][8]["observed"]
    rates = [m["execution_rate"] for m in path["path"]]
    assert rates == sorted(rates) and rates[-1] <= 100.0 + 1e-9


def test_score_and_scenario_of_another_year():
    """--year as the other commands take it: an earlier year at its December (its self-evaluation,
    the same as --as-of 2023-12); a year not started says so and exits 2."""
    earlier = json.loads(run("score", "--as-of", "2024-08", "--year", "2023").stdout)
    same = json.loads(run("score", "--as-of", "2023-12").stdout)
    assert (earlier["as_of"], earlier["year"]) == ("2023-12", 2023) and earlier["total"] == same["total"]
    path = json.loads(run("scenario", "--as-of", "2024-08", "--year", "2023").stdout)
    assert path["year"] == 2023 and all(m["observed"] for m in path["path"])
    table = run("scenario", "--as-of", "2024-08", "--format", "table").stdout.splitlines()
    assert table[0].split()[2] == "当月支出（万元）"  # the month's amount (1,274.38 in January), was headed 累计支出
    ahead = run("score", "--as-of", "2024-08", "--year", "2025")
    assert ahead.returncode == 2 and "2025 年尚未开始" in ahead.stderr and "Traceback" not in ahead.stderr
    assert json.loads(run("score", "--as-of", "2024-08", "--year", "2024").stdout)["as_of"] == "2024-08"


def test_scenario_table_says_a_month_never_reported(tmp_path):
    """Spending for January to March and May, April never entered: the table read 0.00 for April
    without a word. It says 未报送 with no figures, and the warning under the table asks for it."""
    rows = (ROOT / "data/projects/dongguan/sample_budget.csv").read_text(encoding="utf-8").splitlines()
    spending = tmp_path / "spending.csv"
    spending.write_text("\n".join(r for r in rows if not r.startswith("2024-04")) + "\n", encoding="utf-8")
    args = ("scenario", "--targets", str(ROOT / "data/projects/dongguan"), "--budget", str(spending), "--as-of", "2024-06")
    april = next(line for line in run(*args, "--format", "table").stdout.splitlines() if line.startswith("2024年4月"))
    assert april.split()[1:5] == ["未报送", "—", "—", "—"], april
    out = run(*args, "--format", "table").stdout
    assert "2024年4月的支出未报送" in out
    payload = json.loads(run(*args).stdout)
    assert payload["missing_months"] == ["2024-04"] and payload["path"][3]["missing"] is True


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_scenario_table_lists_the_months_as_the_budget_page_does(tmp_path, capsys, lang):
    """The table built its own rows from the JSON: a blank beside a projected month where 预算情景
    says 预计, 29.3–29.3 as the interval of a month reported, and the JSON's figures rounded a second
    time (序时进度 46.045 % read 46.1, the page 46.0). It now prints the page's rows (path_rows), month
    by month."""
    from analytics.cli.main import main
    from analytics.present.budget_text import path_rows, scenario_output
    from analytics.storage.dataset import load_dataset

    rows = (ROOT / "data/projects/dongguan/sample_budget.csv").read_text(encoding="utf-8").splitlines()
    spending = tmp_path / "spending.csv"
    spending.write_text("\n".join(r for r in rows if not r.startswith("2024-04")) + "\n", encoding="utf-8")
    targets = str(ROOT / "data/projects/dongguan")
    assert main(["scenario", "--targets", targets, "--budget", str(spending), "--as-of", "2024-08", "--format", "table",
                 "--lang", lang]) == 0
    printed = [re.split(r"\s{2,}", line.strip()) for line in capsys.readouterr().out.splitlines()[:13]]
    ds = load_dataset(targets, None, str(spending))
    _payload, result = scenario_output(ds.project, ds.budget, (2024, 8), None)
    page = path_rows(result, lang)
    assert printed == [list(page[0])] + [list(r.values()) for r in page]
    assert [r[1] for r in printed[1:]].count("预计" if lang == "zh" else "projected") == 4
    assert printed[3][-1] == "46.0"  # March's 序时进度, 46.045 %


def test_score_table_says_what_the_total_rests_on():
    """`score --format table` printed 总分 97.41 优 as if it were the year's, while the JSON said
    basis: projected: under the table now stands the 自评表's basis line (年中测算 … 得分为参考分), and
    the JSON carries it in both languages."""
    payload = json.loads(run("score", "--as-of", "2024-08").stdout)
    assert payload["basis"] == "projected" and payload["basis_zh"].startswith("年中测算：截至2024年8月")
    assert payload["basis_en"].startswith("Mid-year estimate as of Aug 2024")
    lines = run("score", "--as-of", "2024-08", "--format", "table").stdout.splitlines()
    assert any(line.startswith("年中测算：截至2024年8月") for line in lines), lines
    closed = run("score", "--as-of", "2023-12", "--format", "table", "--lang", "en").stdout
    assert "Scored on full-year actuals." in closed or "Year-end estimate as of Dec 2023" in closed, closed


def test_bad_scenario_file_is_a_clear_error(tmp_path):
    sc = tmp_path / "bad.yaml"
    sc.write_text("levers:\n  pace: -1\n", encoding="utf-8")
    r = run("score", "--scenario", str(sc))
    assert r.returncode == 2 and "Traceback" not in r.stderr and "pace" in r.stderr


def test_every_read_command_reads_the_apps_store_by_default(tmp_path):
    """One dataset path: without --store/--targets/--actuals/--budget the commands read the data
    store the app reads ($PT_DATA_DIR here), which a first command creates from the sample."""
    env = {"PT_DATA_DIR": str(tmp_path / "data")}
    before = json.loads(run("status", "--as-of", "2024-09", env=env).stdout)
    assert before["sample_data"] is True and (tmp_path / "data" / "tracker.sqlite").exists()
    f = tmp_path / "a.csv"
    f.write_text("indicator_id,period,value,basis\nnew_urban_jobs,2024-09,13,ytd\n", encoding="utf-8")
    assert run("import", str(f), "--keep-sample", env=env).returncode == 0
    status = json.loads(run("status", "--as-of", "2024-09", env=env).stdout)
    assert next(r for r in status["indicators"] if r["indicator_id"] == "new_urban_jobs")["actual"] == 13
    forecast = json.loads(run("forecast", "--as-of", "2024-09", env=env).stdout)
    assert next(r for r in forecast["indicators"] if r["indicator_id"] == "new_urban_jobs")["likelihood"] == "certain"
    out = tmp_path / "m.xlsx"
    assert run("report", "--as-of", "2024-09", "--out", str(out), "--form", "monitoring", env=env).returncode == 0
    import openpyxl

    cells = [c.value for row in openpyxl.load_workbook(out).worksheets[0].iter_rows() for c in row]
    assert 13 in cells
    assert json.loads(run("targets", env=env).stdout)["project"]["funding"]["total"] == 103414.18


def test_the_default_as_of_month_is_the_one_the_app_opens_on(tmp_path):
    # a later month that only a few indicators have reported (September: 2 of 48) is not where the
    # CLI judges by default: the month most have reported, as the app's sidebar opens on it
    from analytics.storage.store import Store

    store = tmp_path / "store"
    db = Store(store)
    ds = db.load_dataset()
    opening = ds.opening_as_of()
    assert opening == (2024, 8)
    early = io.BytesIO("indicator_id,period,value\nnew_urban_jobs,2024-09,9.9\nvocational_training,2024-09,8.8\n".encode())
    result = db.validate_file(early, filename="sep.csv", kind="actuals")
    assert result.ok, result.errors
    db.apply_import(result, "sep.csv", "tester", keep_sample=True)
    assert Store(store).load_dataset().latest_period == (2024, 9)
    r = run("status", "--store", str(store))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["as_of"] == "2024-08"


@pytest.mark.parametrize("lang,heads,method", [
    ("zh", ["编号", "目标", "年末预测", "区间下限", "区间上限", "单位", "达标概率", "完成可能性", "预测方法"], "季节占比与趋势混合"),
    ("en", ["id", "target", "point", "lower", "upper", "unit", "p_attain", "likelihood", "method"], "Seasonal share blended"),
])
def test_a_table_speaks_the_language_asked_for(lang, heads, method):
    r = run("forecast", "--as-of", "2024-08", "--format", "table", "--lang", lang)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0].split() == heads
    assert method in next(line for line in r.stdout.splitlines() if line.startswith("new_urban_jobs"))
    assert "seasonal_blend" not in r.stdout and "observed_final" not in r.stdout  # a method's name, never its code
    q = run("quality", "--format", "table", "--lang", lang)
    assert q.stdout.splitlines()[1].split()[0] == ("不一致" if lang == "zh" else "Mismatch")


def test_an_english_status_table_names_the_units_as_the_pages_do():
    """The unit column said 万人 and 个 in English, and the forecast table said ``≥12.4 10k persons``
    beside a forecast of ``12.61``: both tables name the unit in a column, as the pages' unit column
    does, and give the target and the figures in it."""
    for command in ("status", "forecast"):
        table = run(command, "--as-of", "2024-08", "--format", "table", "--lang", "en").stdout.splitlines()
        jobs = next(x for x in table if x.startswith("new_urban_jobs"))
        assert " 10k persons " in jobs and " 12.4 " in jobs and "12.4 10k" not in jobs, jobs
        zh = run(command, "--as-of", "2024-08", "--format", "table").stdout.splitlines()
        assert " 万人 " in next(x for x in zh if x.startswith("new_urban_jobs"))


def test_parse_table_names_each_project_of_a_file_with_several_and_takes_one_by_table(tmp_path: Path) -> None:
    """Two projects' forms in one text: stderr names each project with its indicators and how to take
    one; ``--table N`` (the same as ``--form N``) reads the Nth, for parse-table and new-project."""
    two = str(ROOT / "tests" / "ingest" / "files" / "two_projects.cell_lines.txt")
    r = run("parse-table", two)
    assert r.returncode == 0 and "1. 办公宿舍楼、食堂及餐厅暖通改造经费：9 个指标、2. 农村义务教育薄弱学校改造补助资金：9 个指标" in r.stderr
    assert "--form" in r.stderr and len(json.loads(r.stdout)["indicators"]) == 18
    en = run("parse-table", two, "--lang", "en")
    assert "(1. 办公宿舍楼、食堂及餐厅暖通改造经费: 9 indicators; 2. 农村义务教育薄弱学校改造补助资金: 9 indicators)" in en.stderr
    second = run("parse-table", two, "--table", "2")
    data = json.loads(second.stdout)
    assert data["project"]["name"] == "农村义务教育薄弱学校改造补助资金" and len(data["indicators"]) == 9
    assert "--form" not in second.stderr  # one form read: nothing to choose
    made = run("new-project", two, "--table", "2", "--out", str(tmp_path / "p"))
    assert made.returncode == 0, made.stderr
    assert "农村义务教育薄弱学校改造补助资金" in (tmp_path / "p" / "project.yaml").read_text(encoding="utf-8")


def test_an_english_table_says_targets_in_words_in_english(tmp_path):
    """``status`` and ``forecast --lang en --format table`` and the JSON's ``target_en`` kept 逐步完善,
    有效提升 and 符合相关规定 in Chinese: they read as the phrase lexicon (data/target_phrases.yaml) puts
    them, and wording it does not cover reads as written, said so."""
    table = tmp_path / "t.txt"
    table.write_text("项目名称\t培训项目\n一级指标\t二级指标\t三级指标\t2026年目标值\n"
                     "产出指标\t数量指标\t培训人次\t≥6000人次\n"
                     "效益指标\t可持续影响指标\t培训制度体系\t逐步完善\n"
                     "效益指标\t社会效益指标\t服务质量\t有效提升\n"
                     "产出指标\t质量指标\t验收合格\t符合相关规定\n"
                     "效益指标\t社会效益指标\t群众获得感\t惠及更多群众\n", encoding="utf-8")
    store = str(tmp_path / "s")
    assert run("new-project", str(table), "--store", store, "--id", "p").returncode == 0
    (tmp_path / "a.csv").write_text("indicator_id,period,value\nt01,2026-01,500\nt02,2026-06,部分达成\n", encoding="utf-8")
    assert run("import", str(tmp_path / "a.csv"), "--store", store, "--project", "p").returncode == 0
    said = {"t02": "Gradually refined", "t03": "Effectively improved", "t04": "Complies with the relevant regulations",
            "t05": "惠及更多群众 (as written)"}
    for command in ("status", "forecast"):
        r = run(command, "--store", store, "--project", "p", "--as-of", "2026-06", "--lang", "en", "--format", "table")
        assert r.returncode == 0, r.stderr
        rows = {line.split()[0]: line for line in r.stdout.splitlines()[1:]}
        assert all(english in rows[k] for k, english in said.items()), r.stdout
    r = run("status", "--store", store, "--project", "p", "--as-of", "2026-06", "--lang", "en")
    got = {i["indicator_id"]: i for i in json.loads(r.stdout)["indicators"]}
    assert {k: got[k]["target_en"] for k in said} == said
    assert got["t03"]["target_zh"] == "有效提升" and got["t03"]["target_raw"] == "有效提升"
