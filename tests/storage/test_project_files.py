"""``new-project FILE --out DIR``: what parse-table read, written in the folder format and loaded back."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import pytest

from analytics.cli.main import main
from analytics.core.values import normalize_text
from analytics.ingest.tables import parse_table
from analytics.ingest.targets import load_project
from analytics.storage.project_files import NoYearError, folder_files, project_id_for

TABLES = Path(__file__).resolve().parents[1] / "tables"


def _new_project(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["new-project", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_seed_folder_loads_with_the_same_targets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "dg"
    payload = _new_project(capsys, str(TABLES / "seed_dongguan.txt"), "--out", str(out), "--id", "dg2")
    assert payload["id"] == "dg2" and payload["indicators"] == 40 and payload["notes"] == []
    project = load_project(out)
    reading = parse_table(TABLES / "seed_dongguan.txt").to_json()  # type: ignore[union-attr]
    assert project.id == "dg2" and project.name == "东莞市公共就业服务能力提升示范项目"
    assert project.years == (2023, 2024) and project.baseline_year == 2022
    assert project.funding_total == pytest.approx(103414.18)
    assert [s.amount for s in project.funding_sources] == [10000.0, 87651.18, 5763.0]
    assert len(project.indicators) == 40
    for ind, read in zip(project.indicators, reading["indicators"]):
        assert (ind.id, ind.name, ind.unit, ind.kind, ind.direction) == (
            read["id"], normalize_text(read["name"]), read["unit"], read["kind"], read["direction"])
        for year, t in read["targets"].items():
            assert ind.targets[int(year)].raw == t["raw"]
            assert (ind.targets[int(year)].comparator, ind.targets[int(year)].value) == (t["comparator"], t["value"])
        assert ind.mapping_note  # the reasons of the inference are kept


def test_status_reads_the_written_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "p"
    _new_project(capsys, str(TABLES / "seed_dongguan.txt"), "--out", str(out))
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("indicator_id,period,value,basis\nt01,2024-06,6.5,ytd\nt02,2024-06,4.0,level\n", encoding="utf-8")
    assert main(["status", "--targets", str(out), "--actuals", str(actuals), "--as-of", "2024-06"]) == 0
    rows = {r["indicator_id"]: r for r in json.loads(capsys.readouterr().out)["indicators"]}
    assert rows["t01"]["actual"] == pytest.approx(6.5) and rows["t01"]["target"] == pytest.approx(12.4)
    assert rows["t02"]["actual"] == pytest.approx(4.0)


def test_qualitative_milestone_and_units_are_carried(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x"
    payload = _new_project(capsys, str(TABLES / "corpus" / "xiangtan_wupaoche_2023.txt"), "--out", str(out))
    rewritten = {(n["id"], n["code"]) for n in payload["notes"]}
    assert ("t04", "rewritten") in rewritten  # a deadline
    assert ("t05", "rewritten") in rewritten  # 250万 for an indicator in 万元: ≤250万元
    assert ("t02", "rewritten") not in rewritten  # ≥80M in M: kept as written (it lost its unit: ≥80)
    project = load_project(out)
    by_id = {i.id: i for i in project.indicators}
    assert by_id["t03"].kind == "qualitative" and by_id["t03"].targets[2023].raw == "优良"
    assert by_id["t03"].target(2023).value == 1.0  # type: ignore[union-attr]
    assert by_id["t04"].kind == "milestone" and by_id["t04"].due_month == 12
    assert by_id["t02"].targets[2023].value == 80.0 and by_id["t02"].targets[2023].raw == "≥80M"
    assert by_id["t05"].targets[2023].raw == "≤250万元"
    assert by_id["t05"].direction == "lower" and by_id["t05"].targets[2023].comparator == "<="


def test_self_evaluation_actuals_and_missing_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fixture = TABLES / "corpus" / "ningde_rencaiyizhan_2023.tsv"
    assert main(["new-project", str(fixture), "--out", str(tmp_path / "a")]) == 1  # no year anywhere: refused, said
    assert "--year" in capsys.readouterr().err and not (tmp_path / "a").exists()
    with pytest.raises(NoYearError):
        folder_files(parse_table(fixture).to_json())  # type: ignore[union-attr]
    payload = _new_project(capsys, str(fixture), "--out", str(tmp_path / "b"), "--year", "2023")
    assert "actuals.csv" in payload["files"]
    assert main(["status", "--targets", str(tmp_path / "b"), "--actuals", str(tmp_path / "b" / "actuals.csv"),
                 "--as-of", "2023-12"]) == 0
    rows = {r["indicator_id"]: r for r in json.loads(capsys.readouterr().out)["indicators"]}
    assert rows["t03"]["actual"] == pytest.approx(1700)


def test_a_monitoring_form_keeps_its_actuals_at_their_month_and_never_its_forecast(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "jiankong.txt"
    table.write_text("项目支出绩效目标执行监控表（2025年度）\n"
                     "项目名称：农村公路养护工程\t主管部门：某县交通运输局\n"
                     "一级指标\t二级指标\t三级指标\t年度指标值\t1-7月执行情况\t全年预计完成情况\t完成目标可能性\n"
                     "产出指标\t数量指标\t养护农村公路里程\t≥320公里\t190公里\t320公里\t确定能\n"
                     "产出指标\t质量指标\t路况优良率\t≥85%\t83%\t86%\t有可能\n"
                     "满意度指标\t服务对象满意度指标\t沿线群众满意度\t≥90%\t—\t92%\t确定能\n", encoding="utf-8")
    reading = parse_table(table).to_json()  # type: ignore[union-attr]
    roles = {c["header"]: (c["role"], c["value_role"], c.get("month")) for c in reading["source"]["columns"]}
    assert roles["1-7月执行情况"] == ("value", "actual", 7)
    assert roles["全年预计完成情况"][0] == "ignore" and roles["完成目标可能性"][0] == "ignore"
    assert reading["project"]["name"] == "农村公路养护工程"  # a label and its value in one cell
    assert reading["project"]["departments"] == {"主管部门": "某县交通运输局"}
    first, _, last = reading["indicators"]
    assert first["actuals"] == {"2025": {"raw": "190公里", "value": 190.0, "month": 7}}
    assert last["actuals"] == {}  # — : nothing reported, not a value to fill in
    _new_project(capsys, str(table), "--out", str(tmp_path / "p"))
    lines = (tmp_path / "p" / "actuals.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[:3] for line in lines[1:]] == [["t01", "2025-07", "190"], ["t02", "2025-07", "83"]]


def test_no_table_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "empty.txt"
    f.write_text("nothing here\n", encoding="utf-8")
    assert main(["new-project", str(f), "--out", str(tmp_path / "o")]) == 1
    assert not (tmp_path / "o").exists()


def test_project_ids_and_every_fixture_loads(tmp_path: Path) -> None:
    assert project_id_for("Pilot Project 2") == "pilot_project_2"
    assert project_id_for("2018年").startswith("p_") and project_id_for("东莞") == project_id_for("东莞")
    for fixture in sorted((TABLES / "corpus").glob("*.t*")):
        reading = parse_table(fixture, year=2023).to_json()  # type: ignore[union-attr]
        files = folder_files(reading)
        folder = tmp_path / fixture.stem
        folder.mkdir()
        for name, body in files.files.items():
            (folder / name).write_text(body, encoding="utf-8")
        assert len(load_project(folder).indicators) == len(reading["indicators"]), fixture.name


@pytest.mark.parametrize("name", ["seed_dongguan.xlsx", "seed_dongguan.docx"])
def test_merged_cell_workbooks_and_word_tables(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    payload = _new_project(capsys, str(TABLES / "generated" / name), "--out", str(tmp_path), "--format", "json")
    project = load_project(tmp_path)
    assert payload["indicators"] == len(project.indicators) == 40
    assert project.id == payload["id"] and project.years == (2023, 2024)


@pytest.mark.parametrize("comparator, text", [(">", ">90"), ("<", "<90"), (">=", "≥90"), ("<=", "≤90"), ("=", "90")])
def test_a_target_the_folder_format_cannot_read_as_written_is_rewritten_with_its_comparator(comparator: str, text: str) -> None:
    from analytics.storage.project_files import _cell_text

    got, why = _cell_text({"raw": "九十以上", "comparator": comparator, "value": 90.0}, "rate", "higher", "")
    assert got == text and why in ("rewritten", "exact")


@pytest.mark.parametrize("raw, unit, text", [("≥100百分比", "%", "≥100%"), ("不少于五十个", "个", "≥50个"),
                                             ("九十以上", "", "≥90")])
def test_a_rewritten_target_keeps_the_indicators_unit_when_it_reads_back_the_same(raw: str, unit: str, text: str) -> None:
    from analytics.storage.project_files import _cell_text

    value = 50.0 if "五十" in raw else 100.0 if "100" in raw else 90.0
    assert _cell_text({"raw": raw, "comparator": ">=", "value": value}, "rate", "higher", unit) == (text, "rewritten")


_SELF_EVALUATION = ("项目支出绩效自评表（2024年度）\n项目名称\t职业技能培训补贴\n{budget}"
                    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
                    "产出指标\t数量指标\t培训人数\t≥500人\t520人\t20\t20\n")


def _table(tmp_path: Path, text: str, name: str = "ziping.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _self_evaluation(tmp_path: Path, budget: str) -> Path:
    return _table(tmp_path, _SELF_EVALUATION.format(budget=budget))


def test_the_spending_a_self_evaluation_states_is_its_year_to_date_by_source(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = _self_evaluation(tmp_path, "项目资金（万元）\t全年预算数\t全年执行数\t执行率\n"
                                       "年度资金总额\t300\t270\t90%\n其中：中央补助\t100\t100\t100%\n地方资金\t200\t170\t85%\n")
    payload = _new_project(capsys, str(table), "--out", str(tmp_path / "p"))
    assert "spending.csv" in payload["files"]
    lines = (tmp_path / "p" / "spending.csv").read_text(encoding="utf-8").splitlines()
    assert lines == ["period,source,amount,basis,note", "2024-12,central,100,ytd,目标表：年度资金总额",
                     "2024-12,local,170,ytd,目标表：年度资金总额"]
    project = load_project(tmp_path / "p")
    assert project.execution_targets == {2024: 100.0} and project.execution_start == (2024, 1)
    assert main(["scenario", "--targets", str(tmp_path / "p"), "--budget", str(tmp_path / "p" / "spending.csv"),
                 "--as-of", "2024-12"]) == 0
    result = json.loads(capsys.readouterr().out)
    path = result["path"] if "path" in result else result["scenario"]["path"]
    assert path[-1]["execution_rate"] == pytest.approx(90.0)
    assert all(p["execution_rate"] is None for p in path[:-1])  # January to November are in December's figure, not 0
    assert all(p["spent"] is None and p["cumulative"] is None for p in path[:-1])  # no amount of their own either
    assert path[-1]["spent"] == pytest.approx(270.0)
    assert main(["scenario", "--targets", str(tmp_path / "p"), "--budget", str(tmp_path / "p" / "spending.csv"),
                 "--as-of", "2024-06"]) == 0  # before the figure: the months are projected, none inside it
    path = json.loads(capsys.readouterr().out)["path"]
    assert all(p["spent"] is not None and not p["observed"] for p in path)


def test_every_digit_of_a_figure_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Figures of seven digits and more keep them all in the folder's files (25388.04, not 25388;
    ≥1234567, not ≥1.23457e+06), and no float noise is written."""
    table = _table(tmp_path, "项目支出绩效自评表（2024年度）\n项目名称\t职业技能培训补贴\n"
                             "项目资金（万元）\t全年预算数\t全年执行数\t执行率\n年度资金总额\t30000\t25388.04\t84.63%\n"
                             "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
                             "产出指标\t数量指标\t补贴发放金额（元）\t1234567以上\t1234567.89\t20\t20\n"
                             "产出指标\t质量指标\t补贴发放准确率\t≥99.9%\t99.95%\t20\t20\n")
    _new_project(capsys, str(table), "--out", str(tmp_path / "p"))
    spending = (tmp_path / "p" / "spending.csv").read_text(encoding="utf-8")
    actuals = (tmp_path / "p" / "actuals.csv").read_text(encoding="utf-8")
    indicators = (tmp_path / "p" / "indicators.csv").read_text(encoding="utf-8")
    assert ",25388.04,ytd," in spending
    assert ",1234567.89," in actuals and ",99.95," in actuals
    assert "e+" not in indicators + actuals + spending
    project = load_project(tmp_path / "p")
    assert project.indicators[0].targets[2024].value == 1234567.0
    from analytics.storage.project_files import _cell_text

    assert _cell_text({"raw": "一百二十三万四千五百六十七以上", "comparator": ">=", "value": 1234567.0}, "flow", "higher", "") \
        == ("≥1234567", "rewritten")


def test_a_total_only_takes_the_one_source_left_or_stays_out_with_a_note(tmp_path: Path) -> None:
    one = parse_table(_self_evaluation(tmp_path, "项目资金（万元）\t全年预算数\t全年执行数\t执行率\n"
                                                 "年度资金总额\t300\t270\t90%\n")).to_json()  # type: ignore[union-attr]
    files = folder_files(one)
    assert files.files["spending.csv"].splitlines()[1] == "2024-12,all,270,ytd,目标表：年度资金总额"
    assert "- key: all" in files.files["project.yaml"] and "name: 全部资金" in files.files["project.yaml"]
    rest = parse_table(_self_evaluation(tmp_path, "项目资金（万元）\t全年预算数\t全年执行数\t执行率\n"
                                                  "年度资金总额\t300\t270\t90%\n其中：中央补助\t100\t100\t100%\n"
                                                  "地方资金\t200\t\t\n")).to_json()  # type: ignore[union-attr]
    assert folder_files(rest).files["spending.csv"].splitlines()[1:] == ["2024-12,central,100,ytd,目标表：年度资金总额",
                                                                         "2024-12,local,170,ytd,目标表：年度资金总额"]
    unsplit = parse_table(_self_evaluation(tmp_path, "项目资金（万元）\t全年预算数\t全年执行数\t执行率\n"
                                                     "年度资金总额\t300\t270\t90%\n其中：中央补助\t100\n地方资金\t200\n")).to_json()  # type: ignore[union-attr]
    written = folder_files(unsplit)
    assert "spending.csv" not in written.files
    assert [n["code"] for n in written.notes] == ["spending_unsplit"]


def test_a_monitoring_forms_spending_is_at_the_month_of_its_column(tmp_path: Path) -> None:
    path = _table(tmp_path, "项目支出绩效目标执行监控表（2025年度）\n项目名称：农村公路养护工程\n"
                  "项目资金（万元）\t全年预算数\t1-7月执行数\t执行率\t年末预计执行率\n年度资金总额\t500\t210\t42%\t95%\n"
                  "一级指标\t二级指标\t三级指标\t年度指标值\t1-7月执行情况\n"
                  "产出指标\t数量指标\t养护农村公路里程\t≥320公里\t190公里\n", "jiankong.txt")
    files = folder_files(parse_table(path).to_json())  # type: ignore[union-attr]
    assert files.files["spending.csv"].splitlines()[1] == "2025-07,all,210,ytd,目标表：年度资金总额"


def test_saving_imports_the_spending_into_the_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from analytics.present.tables_text import spent_words
    from analytics.storage.project_files import save_to_store
    from analytics.storage.store import Store

    table = _self_evaluation(tmp_path, "预算执行情况(万元) (20分)\t预算数(A)\t执行数(B)\t执行率(B/A)\t得分\n"
                                       "年度财政资金总额\t278.4449\t30.00\t10.77%\t2.16\n")
    store = Store(tmp_path / "store")
    saved = save_to_store(store, parse_table(table).to_json(), "lh")  # type: ignore[union-attr]
    assert saved.spending is not None and saved.spending.added == 1 and saved.spent() == ("2024-12", 30.0)
    assert spent_words(saved, "zh") == ("2024年12月", "30.00万元")
    ds = store.with_project("lh").load_dataset()
    assert ds.budget.execution_rate(2024, 12) == pytest.approx(10.77, abs=0.01)
    payload = _new_project(capsys, str(table), "--store", str(tmp_path / "store2"))
    assert payload["spending"]["added"] == 1


def _marked_self_evaluation(tmp_path: Path, mark: str = "【示例数据，非官方统计】") -> Path:
    return _table(tmp_path, _SELF_EVALUATION.format(budget=f"{mark}\n预算执行情况(万元)\t预算数\t执行数\t执行率\n"
                                                           "年度资金总额\t300\t120\t40%\n"))


@pytest.mark.parametrize("mark", ["【示例数据，非官方统计】", "[SAMPLE DATA, not official statistics]", "（演示数据）"])
def test_a_form_marked_as_sample_data_says_so(mark: str, tmp_path: Path) -> None:
    reading = parse_table(_marked_self_evaluation(tmp_path, mark)).to_json()  # type: ignore[union-attr]
    assert reading["source"]["sample_data"] is True
    assert [i["name"] for i in reading["indicators"]] == ["培训人数"]  # the mark is no indicator, no fact
    plain = parse_table(_self_evaluation(tmp_path, "示例数据采集率说明\n")).to_json()  # type: ignore[union-attr]
    assert plain["source"]["sample_data"] is False  # words without the brackets of a note mark nothing


def test_a_sample_forms_values_are_kept_as_sample_data_never_as_the_users(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from analytics.storage.dataset import load_dataset
    from analytics.storage.project_files import save_to_store
    from analytics.storage.store import Store

    table = _marked_self_evaluation(tmp_path)
    payload = _new_project(capsys, str(table), "--out", str(tmp_path / "p"))
    assert payload["sample_data"] is True and [n["code"] for n in payload["notes"]] == ["sample_data"]
    assert "示例数据" in payload["notes"][0]["message"]
    assert {"sample_actuals.csv", "sample_budget.csv"} <= set(payload["files"]) and "actuals.csv" not in payload["files"]
    ds = load_dataset(tmp_path / "p")  # the folder's own sample, labelled as the shipped project's is
    assert ds.is_sample and ds.actuals.frame["value"].tolist() == [520.0]
    assert main(["status", "--targets", str(tmp_path / "p"), "--as-of", "2024-12"]) == 0
    assert json.loads(capsys.readouterr().out)["sample_data"] is True

    store = Store(tmp_path / "store")
    saved = save_to_store(store, parse_table(table).to_json(), "demo")  # type: ignore[union-attr]
    assert saved.imported is not None and saved.imported.added == 1 and saved.spent() == ("2024-12", 120.0)
    scoped = store.with_project("demo")
    assert scoped.is_sample() and scoped.sample_count() == 2 and scoped.load_dataset().is_sample
    assert set(scoped.actuals_frame(with_meta=True)["origin"]) == {"sample"}
    real = scoped.validate_file("indicator_id,period,value,basis\nt01,2024-12,480,ytd\n".encode("utf-8"),
                                filename="mine.csv", kind="actuals")
    assert real.ok
    summary = scoped.apply_import(real, "mine.csv", "lh")  # the first real import takes the sample away
    assert summary.sample_removed == 1 and not scoped.is_sample()  # (the 480 replaced the sample's 520)
    assert set(scoped.actuals_frame(with_meta=True)["origin"]) == {"import"}


def test_an_unmarked_forms_values_are_the_users(tmp_path: Path) -> None:
    from analytics.storage.project_files import save_to_store
    from analytics.storage.store import Store

    table = _self_evaluation(tmp_path, "预算执行情况(万元)\t预算数\t执行数\t执行率\n年度资金总额\t300\t120\t40%\n")
    store = Store(tmp_path / "store")
    save_to_store(store, parse_table(table).to_json(), "mine")  # type: ignore[union-attr]
    assert not store.with_project("mine").is_sample()
    assert "actuals.csv" in folder_files(parse_table(table).to_json()).files  # type: ignore[union-attr]


def test_a_form_whose_actuals_are_estimates_gives_its_targets_only(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 自评表 made before the year's end says its 实际完成值 are projected (this app's mid-year
    form does): read back, they are no actuals."""
    note = "年中测算：截至2024年8月，实际完成值与全年执行数为按当前进度预计的年末值，得分为参考分。\n"
    table = _self_evaluation(tmp_path, note + "预算执行情况(万元)\t预算数\t执行数\t执行率\n年度资金总额\t300\t120\t40%\n")
    reading = parse_table(table).to_json()  # type: ignore[union-attr]
    assert reading["source"]["projected_actuals"] is True and reading["indicators"][0]["actuals"]  # read as held
    files = folder_files(reading)
    assert not {"actuals.csv", "spending.csv"} & set(files.files)
    assert [n["code"] for n in files.notes] == ["projected_actuals"]
    payload = _new_project(capsys, str(table), "--store", str(tmp_path / "store"))
    assert payload["actuals"] is None and payload["spending"] is None
    assert "预计的年末值" in payload["notes"][0]["message"]
    assert main(["report", "--as-of", "2024-08", "--form", "self-eval", "--out", str(tmp_path / "own.xlsx")]) == 0
    capsys.readouterr()  # this app's own mid-year form, read back the same way
    own = _new_project(capsys, str(tmp_path / "own.xlsx"), "--store", str(tmp_path / "store2"))
    assert own["actuals"] is None and own["spending"] is None and own["indicators"] >= 38
    plain = parse_table(_self_evaluation(tmp_path, "")).to_json()  # type: ignore[union-attr]
    assert plain["source"]["projected_actuals"] is False and "actuals.csv" in folder_files(plain).files


ZIPING_WORDS = ("项目支出绩效自评表（2022年度）\n项目名称\t档案数字化项目\n"
                "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
                "产出指标\t数量指标\t数字化档案数量\t≥3000卷\t3200卷\t20\t20\n"
                "产出指标\t质量指标\t档案管理规范性\t严格执行相关制度规定\t达成预期指标\t10\t10\n"
                "产出指标\t时效指标\t完成及时性\t按时完成\t基本完成\t10\t6\n"
                "效益指标\t社会效益指标\t档案利用便捷程度\t效果明显\t效果明显\t10\t10\n"
                "效益指标\t可持续影响指标\t长效机制建立\t逐步完善\t未完成\t10\t0\n"
                "效益指标\t可持续影响指标\t安全保障水平\t有效提升\t详见附件\t10\t8\n")


def test_a_self_evaluation_of_words_gives_check_ins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 自评表's results of qualitative indicators written in words are their check-ins: 达成预期指标
    and a result written as its target → 达成, 基本完成 → 部分达成, 未完成 → 未达成; a result that
    states none (详见附件) is left to fill in — and a new project made from it shows them so."""
    table = tmp_path / "ziping.txt"
    table.write_text(ZIPING_WORDS, encoding="utf-8")
    reading = parse_table(table).to_json()  # type: ignore[union-attr]
    got = {i["name"]: (i["kind"], i["actuals"]["2022"].get("checkin"), i["actuals"]["2022"]["value"]) for i in reading["indicators"]}
    assert got == {"数字化档案数量": ("flow", None, 3200.0),
                   "档案管理规范性": ("qualitative", "achieved", 1.0), "完成及时性": ("qualitative", "partial", 0.5),
                   "档案利用便捷程度": ("qualitative", "achieved", 1.0), "长效机制建立": ("qualitative", "not_achieved", 0.0),
                   "安全保障水平": ("qualitative", None, None)}
    store = tmp_path / "store"
    payload = _new_project(capsys, str(table), "--store", str(store))
    assert [n["raw"] for n in payload["notes"] if n["column"] == "actuals_2022"] == ["详见附件"]
    assert main(["status", "--store", str(store), "--project", payload["id"], "--as-of", "2022-12", "--format", "table"]) == 0
    lines = capsys.readouterr().out.splitlines()
    said = {line.split()[-1]: line.split()[1:3] for line in lines[1:]}
    assert said["档案管理规范性"] == ["已完成", "达成"] and said["完成及时性"][1] == "部分达成"
    assert said["长效机制建立"] == ["未完成", "未达成"] and said["安全保障水平"][1] == "—"


def test_a_check_in_is_never_the_number_of_an_indicator_of_another_kind(tmp_path: Path) -> None:
    """Set at review to another kind (or a project's indicator of another kind), an indicator's 达成预期指标
    is no actual value of it: never imported as the number 1."""
    from analytics.ingest.validate import ingest_actuals

    table = tmp_path / "ziping.txt"
    table.write_text(ZIPING_WORDS, encoding="utf-8")
    reading = parse_table(table).to_json()  # type: ignore[union-attr]
    for ind in reading["indicators"]:
        if ind["name"] == "档案管理规范性":
            ind["kind"] = "rate"
    iid = next(ind["id"] for ind in reading["indicators"] if ind["name"] == "档案管理规范性")
    written = [line.split(",")[0] for line in folder_files(reading).files["actuals.csv"].splitlines()[1:]]
    assert iid not in written and len(written) == 4  # 3200卷, 基本完成, 效果明显, 未完成
    catalogue = {"a": {"name": "档案管理规范性", "unit": "%", "kind": "rate", "direction": "higher", "default_basis": "level", "max_value": 100},
                 "b": {"name": "完成及时性", "unit": "", "kind": "qualitative", "direction": "higher", "default_basis": "level", "max_value": None}}
    result = ingest_actuals(table, catalogue, filename="ziping.txt")
    assert result.ok and result.layout == "form"
    assert list(zip(result.data["indicator_id"], result.data["value"])) == [("b", 0.5)]


def test_a_table_without_a_project_name_is_named_by_its_file_everywhere(tmp_path: Path) -> None:
    """No 项目名称 in the table: the project, its listing in the store (the sidebar's switcher) and
    its folder all take the file's name (the listing said the id, ``js``, the pages the file name)."""
    from analytics.storage.project_files import default_name
    from analytics.storage.store import Store

    table = Path(__file__).resolve().parents[1] / "tables" / "heldout12" / "jieshui_dabiao_fenjie_2016_2018.tsv"
    assert main(["new-project", str(table), "--store", str(tmp_path), "--id", "js"]) == 0
    store = Store(tmp_path, create=False)
    listed = {p.id: p.name for p in store.list_projects()}
    assert listed["js"] == store.with_project("js").project().name == "jieshui_dabiao_fenjie_2016_2018"
    reading = parse_table(table).to_json()
    assert default_name(reading) == "jieshui_dabiao_fenjie_2016_2018"
    assert default_name(reading, "附件3：节水目标表.xlsx") == "附件3：节水目标表"
    assert default_name({"project": {"name": " 节水达标建设 "}}, "x.xlsx") == "节水达标建设"
    assert default_name({}) == "未命名项目"
    assert default_name({}, "2024年某区职业技能培训项目绩效目标表.xlsx") == "某区职业技能培训项目"  # a file named as a title
    from analytics.storage.project_files import name_source
    assert name_source(reading) == "file" and name_source({}) == "none"
    assert name_source({}, "2024年某区职业技能培训项目绩效目标表.xlsx") == "file_title"
    assert name_source({"project": {"name": "甲"}, "source": {"name_from": "title"}}) == "title"
    assert name_source({"project": {"name": "甲"}, "source": {"name_from": "label"}}) == "table"


_ROWS_OF_A_SELF_EVALUATION = ("项目支出绩效自评表（2024年度）\n项目名称\t乡村污水治理\n"
                              "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
                              "产出指标\t数量指标\t新建污水处理设施数量\t≥6座\t{built}\t10\t8\n"
                              "产出指标\t质量指标\t出水水质达标率\t≥95%，≤100%\t96.2%\t10\t10\n"
                              "产出指标\t时效指标\t工程完工时间\t2024年11月底前\t2024年12月20日\t10\t8\n"
                              "产出指标\t成本指标\t预算执行偏差\t±5%以内\t-10%\t5\t2\n"
                              "满意度指标\t服务对象满意度指标\t群众满意度\t≥85%\t88%\t10\t10\n")


def test_one_refused_value_of_a_form_costs_it_only_that_value_and_is_said(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = _table(tmp_path, _ROWS_OF_A_SELF_EVALUATION.format(built="-5座"))
    payload = _new_project(capsys, str(table), "--store", str(tmp_path / "store"), "--id", "wu")
    assert payload["actuals"]["added"] == 4  # the four others (a negative count is no count: left out)
    said = {n["code"]: n["message"] for n in payload["notes"]}
    assert "表中的一项实际完成值未导入（其余已导入）" in said["left_out_actuals"] and "「-5」是负数" in said["left_out_actuals"]
    assert "ziping.txt" in said["left_out_actuals"] and "actuals.csv" not in said["left_out_actuals"]
    assert "按其大小 10 记录" in said["checked"]  # the deviation's size, judged against ±5%
    assert "是一个区间" in said["range"]
    assert main(["status", "--store", str(tmp_path / "store"), "--project", "wu", "--as-of", "2024-12"]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)["indicators"]}
    assert rows["预算执行偏差"]["actual"] == 10.0 and rows["预算执行偏差"]["status"] == "missed"
    assert rows["出水水质达标率"]["target_raw"] == "≥95%" and rows["出水水质达标率"]["status"] == "done"
    assert rows["工程完工时间"]["status"] == "missed"  # done in December, due by November


def test_a_range_is_tracked_by_the_bar_its_direction_makes(tmp_path: Path) -> None:
    from analytics.storage.project_files import _cell_text

    span = {"raw": "80-90", "comparator": "between", "value": None, "low": 80.0, "high": 90.0}
    assert _cell_text(span, "rate", "higher", "%") == ("≥80%", "range")
    assert _cell_text(span, "level", "lower", "天") == ("≤90天", "range")  # with its unit, as it reads back


def test_when_a_form_has_no_value_the_check_takes_nothing_is_imported_and_said(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = _table(tmp_path, _ROWS_OF_A_SELF_EVALUATION.format(built="6座"))
    payload = _new_project(capsys, str(table), "--store", str(tmp_path / "store"), "--id", "ok")
    assert payload["actuals"]["added"] == 5 and not any(n["code"].startswith("left_out") for n in payload["notes"])


def test_the_budget_execution_indicator_is_computed_from_the_spending(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from analytics.storage.project_files import execution_indicator

    payload = _new_project(capsys, str(TABLES / "seed_dongguan.txt"), "--out", str(tmp_path / "dg"), "--id", "dg2")
    project = load_project(tmp_path / "dg")
    rate = next(i for i in project.indicators if i.name == "项目预算执行率")
    assert project.execution_indicator == rate.id and project.execution_targets == {2023: 30.0, 2024: 100.0}
    assert payload["indicators"] == 40

    def ind(targets: dict, name: str = "预算执行率") -> dict:
        return {"id": "t9", "name": name, "unit": "%", "kind": "rate",
                "targets": {y: {"comparator": ">=", "value": v} for y, v in targets.items()}}

    assert execution_indicator([ind({"2024": 90.0})], [2024]) == ("t9", {2024: 90.0})
    assert execution_indicator([ind({"2024": 90.0, "2025": 90.0})], [2024, 2025]) is None  # each year's own
    assert execution_indicator([ind({"2024": 90.0}, "资金到位率")], [2024]) is None  # funds arriving, not spent
    assert execution_indicator([ind({"2024": 90.0}), ind({"2024": 95.0}, "资金执行率")], [2024]) is None  # which?


def test_a_row_dated_after_today_never_moves_the_month_judged_at(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from analytics.storage.store import Store

    table = _table(tmp_path, _ROWS_OF_A_SELF_EVALUATION.format(built="6座"))
    _new_project(capsys, str(table), "--store", str(tmp_path / "store"), "--id", "wu")
    scoped = Store(tmp_path / "store").with_project("wu")
    checked = scoped.validate_file("indicator_id,period,value\nt05,2027-01,3\n".encode("utf-8"), filename="a.csv",
                                   kind="actuals", today=_dt.date(2026, 12, 7))
    assert checked.ok and [p.code for p in checked.warnings] == ["future_period"]
    scoped.apply_import(checked, "a.csv", "lh")
    assert scoped.load_dataset().opening_as_of(today=(2026, 12)) == (2024, 12)  # not 2027-01


def test_a_report_of_a_project_funded_by_one_total_has_no_empty_brackets(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    import docx

    table = _table(tmp_path, "2024年农村公路提档升级工程绩效目标表\n项目名称\t农村公路提档升级工程\n项目资金（万元）\t45000\n"
                             "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t改造农村公路里程\t≥120公里\n")
    _new_project(capsys, str(table), "--store", str(tmp_path / "store"), "--id", "road")
    out = tmp_path / "road.docx"
    assert main(["report", "--store", str(tmp_path / "store"), "--project", "road", "--as-of", "2024-06",
                 "--out", str(out)]) == 0
    cover = {r.cells[0].text: r.cells[1].text for r in docx.Document(str(out)).tables[0].rows}
    assert cover["项目资金（万元）"] == "45,000.00"  # was 45,000.00（）


def test_a_names_explanation_is_kept_in_the_mapping_note(tmp_path: Path) -> None:
    """结余率(计算方法为:结余数/预算数) is saved as 结余率, the text as written in name_raw and the
    explanation in its mapping_note, so it is not lost."""
    table = tmp_path / "t.tsv"
    table.write_text("一级指标\t二级指标\t三级指标\t2024年指标值\n"
                     "效益指标\t经济效益指标\t结余率(计算方法为:结余数/预算数)\t≤5%\n", encoding="utf-8")
    out = tmp_path / "p"
    assert main(["new-project", str(table), "--out", str(out)]) == 0
    ind = load_project(out).indicators[0]
    assert (ind.name, ind.name_raw) == ("结余率", "结余率(计算方法为:结余数/预算数)")
    assert "名称：" in ind.mapping_note and "计算方法为:结余数/预算数" in ind.mapping_note


def test_a_source_named_in_its_own_words_keeps_their_english(tmp_path: Path) -> None:
    """A 项目资金 block of 其中：财政拨款 and 其他资金: on the English pages 财政拨款 reads Fiscal appropriation
    (it read Local funds, its key's name, as if it were the 地方资金 of a central/local split); a name the
    lexicon does not know in its own words keeps its key's English name (其他资金 → Other funds)."""
    import openpyxl

    book = openpyxl.Workbook()
    for row in (["2026年度项目支出绩效目标表"], ["项目名称", "社区养老服务提升项目"], ["项目资金（万元）", "年度资金总额", 800],
                [None, "其中：财政拨款", 600], [None, "其他资金", 200], ["一级指标", "二级指标", "三级指标", "2026年指标值"],
                ["产出指标", "数量指标", "新建社区养老服务站数量", "≥12个"]):
        book.active.append(row)
    book.save(tmp_path / "t.xlsx")
    out = tmp_path / "p"
    from analytics.storage.project_files import write_folder

    write_folder(parse_table(tmp_path / "t.xlsx").to_json(), out)  # type: ignore[union-attr]
    sources = load_project(out).funding_sources
    assert [(s.name, s.display_name("en"), s.amount) for s in sources] == [("财政拨款", "Fiscal appropriation", 600.0),
                                                                       ("其他资金", "Other funds", 200.0)]


@pytest.mark.parametrize("raw,unit,kept", [("≥48次", "次", "≥48次"), ("≥300平方米", "平方米", "≥300平方米"),
                                           ("≥6800户", "户", "≥6800户"), ("≥100百分比", "%", "≥100%")])
def test_a_target_keeps_a_unit_the_target_file_reads(raw: str, unit: str, kept: str) -> None:
    """≥48次 was saved as ≥48 (with a note): the target reader knew only a few units after a number.
    A target in its indicator's unit is kept as written; one in another (百分比 for %) is rewritten."""
    from analytics.storage.project_files import _cell_text

    value = float("".join(ch for ch in raw if ch.isdigit()))
    assert _cell_text({"raw": raw, "comparator": ">=", "value": value}, "flow", "higher", unit)[0] == kept
