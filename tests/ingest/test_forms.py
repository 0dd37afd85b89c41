"""A filled 监控表 / 自评表 brought to the import gate as actual values of a project that exists
(analytics/ingest/forms.py through analytics/ingest/validate.py)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from analytics.cli.main import main
from analytics.ingest.validate import ingest_actuals, ingest_any
from analytics.present.messages import render
from tests.own_forms import own_form

CATALOGUE = {
    "trainees": {"name": "培训人数", "unit": "人", "kind": "flow", "direction": "higher", "default_basis": "ytd", "max_value": None},
    "pass_rate": {"name": "培训合格率", "unit": "%", "kind": "rate", "direction": "higher", "default_basis": "level",
                  "max_value": 100},
}

MONITORING = ("项目绩效运行监控表（2024年度）\n项目名称\t职业技能培训补贴\n"
              "一级指标\t二级指标\t三级指标\t年度指标值\t1-8月执行情况\t全年预计完成情况\n"
              "产出指标\t数量指标\t培训人数（人）\t≥500人\t320人\t520人\n"
              "产出指标\t质量指标\t培训合格率\t≥90%\t93%\t93%\n"
              "产出指标\t数量指标\t培训教材种数\t≥5种\t3种\t5种\n"
              "产出指标\t数量指标\t项目预算执行率\t100%\t40%\t100%\n")


def _write(tmp_path: Path, text: str, name: str = "jiankong.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_filled_monitoring_form_gives_its_values_at_the_month_of_its_column(tmp_path: Path) -> None:
    result = ingest_actuals(_write(tmp_path, MONITORING), CATALOGUE, filename="jiankong.txt",
                            computed=frozenset({"项目预算执行率"}))
    assert result.ok and result.layout == "form"
    got = {(r.indicator_id, r.year, r.month, r.basis): r.value for r in result.data.itertuples()}
    assert got == {("trainees", 2024, 8, "ytd"): 320.0, ("pass_rate", 2024, 8, "level"): 93.0}  # never the forecast
    warning, = result.problems  # 培训教材种数 is not the project's: said, not guessed; the execution rate unsaid
    assert warning.code == "form_unmatched" and warning.severity == "warning"
    assert "「培训教材种数」" in render("form_unmatched", "zh", **warning.to_dict()["params"], file="jiankong.txt")
    assert "项目预算执行率" not in str(warning.params)


def test_a_self_evaluation_in_a_workbook_gives_its_values_at_december(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["项目支出绩效自评表（2023年度）"], ["项目名称", "职业技能培训补贴"],
                ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
                ["产出指标", "数量指标", "培训人数", "≥500人", "520人", 20, 20],
                [None, "质量指标", "培训合格率", "≥90%", "95%", 20, 20]):
        ws.append(row)
    ws.merge_cells("A4:A5")
    wb.save(tmp_path / "ziping.xlsx")
    result = ingest_any(tmp_path / "ziping.xlsx", CATALOGUE, filename="ziping.xlsx")
    assert result.ok and result.layout == "form" and not result.problems
    assert sorted(zip(result.data["indicator_id"], result.data["month"], result.data["value"])) == [
        ("pass_rate", 12, 95.0), ("trainees", 12, 520.0)]


def test_a_data_table_with_errors_keeps_its_own_problems(tmp_path: Path) -> None:
    wide = _write(tmp_path, "指标名称,2024-01,2024-13\n培训人数,10,20\n", "wide.csv")
    result = ingest_actuals(wide, CATALOGUE, filename="wide.csv")
    assert not result.ok and result.layout != "form" and "bad_period" in {p.code for p in result.problems}
    long = _write(tmp_path, "indicator_id,period,value\ntrainees,2024-03,-5\n", "long.csv")
    result = ingest_actuals(long, CATALOGUE, filename="long.csv")
    assert not result.ok and result.layout == "long"


@pytest.mark.parametrize("note", ["【示例数据，非官方统计】", "年中测算：截至2024年8月，实际完成值与全年执行数为按当前进度预计的年末值。"])
def test_a_form_of_invented_or_estimated_values_is_no_actuals(note: str, tmp_path: Path) -> None:
    text = MONITORING.replace("项目名称\t职业技能培训补贴\n", f"项目名称\t职业技能培训补贴\n{note}\n")
    result = ingest_actuals(_write(tmp_path, text), CATALOGUE, filename="jiankong.txt")
    assert not result.ok and result.layout != "form"


def test_this_apps_own_monitoring_form_filled_in_imports_into_the_project(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """The 监控表 exported for the project, sent out and brought back filled (here: the sample's
    values, its 示例数据 mark taken off): `import` takes its 1-8月 values into the store."""
    import json

    out = own_form(tmp_path, capsys)
    assert main(["import", str(out), "--store", str(tmp_path / "store")]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["layout"] == "form" and payload["summary"]["rows"] == 39  # every indicator but the execution rate
    assert not [p for p in payload["problems"] if p["code"] == "form_unmatched"]
    assert main(["status", "--as-of", "2024-08", "--store", str(tmp_path / "store")]) == 0
    status = json.loads(capsys.readouterr().out)
    jobs = next(i for i in status["indicators"] if i["indicator_id"] == "new_urban_jobs")
    assert status["sample_data"] is False and jobs["data_month"] == 8 and jobs["actual"] == 8.5  # the form holds 8.4998 as it shows it: 8.50万人


def test_a_value_that_fails_the_checks_is_located_in_the_form(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "监控表"
    for row in (["项目绩效运行监控表（2024年度）"], ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月执行情况"],
                ["产出指标", "数量指标", "培训人数", "≥500人", "240人"],
                [None, "质量指标", "培训合格率", "≥90%", "193%"]):
        ws.append(row)
    wb.save(tmp_path / "jiankong.xlsx")
    result = ingest_actuals(tmp_path / "jiankong.xlsx", CATALOGUE, filename="jiankong.xlsx")
    assert not result.ok and result.layout == "form"
    error, = result.errors
    assert (error.row, error.column, error.params.get("sheet")) == (4, None, "监控表")  # the form's row 4, not the long table's
    assert "工作表「监控表」第 4 行" in render(error.code, "zh", **error.to_dict()["params"], file="jiankong.xlsx",
                                              row=error.row, value=error.value)


def test_a_filled_form_imported_as_spending_gives_what_its_funds_block_says_was_spent(tmp_path: Path,
                                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """The same 监控表 imported as spending (``--kind budget``): its 1-8月执行数 by source, year to date
    at August; the 自评表 of a closed year: its 全年执行数 at December."""
    import json

    from analytics.storage.store import Store

    store = tmp_path / "store"
    out = own_form(tmp_path, capsys)
    assert main(["import", str(out), "--kind", "budget", "--store", str(store)]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert (payload["kind"], payload["layout"], payload["summary"]["rows"]) == ("budget", "form", 3)
    budget = Store(str(store)).load_dataset().budget
    assert budget.spent_by(2024, 8) == pytest.approx(29282.47)  # 中央补助 2349.67 + 地方资金 25388.04 + 其他资金 1544.76
    year_end = own_form(tmp_path, capsys, "self-eval", "2023-12")
    assert main(["import", str(year_end), "--kind", "budget", "--store", str(store), "--dry-run"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["layout"] == "form" and payload["summary"]["rows"] == 3


def test_a_spending_total_not_split_by_source_is_said_not_guessed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from analytics.ingest.validate import ingest_budget

    out = own_form(tmp_path, capsys, blank=(2349.67, 25388.04))  # only 其他资金 and the total left
    result = ingest_budget(out, filename="jiankong.xlsx", source_names={"central": "中央补助", "local": "地方资金", "other": "其他资金"})
    error, = result.problems
    assert not result.ok and error.code == "form_spending_unsplit" and "29282.47" in error.params["total"]
    assert "没有完整地按资金来源（中央补助、地方资金、其他资金）分列" in render(error.code, "zh", **error.to_dict()["params"], file="jiankong.xlsx")
    broken = _write(tmp_path, "period,source,amount\n2024-13,central,5\n", "spending.csv")  # a data table keeps its problems
    result = ingest_budget(broken, filename="spending.csv")
    assert not result.ok and result.layout != "form" and "bad_period" in {p.code for p in result.problems}


def test_this_apps_workbook_of_both_forms_gives_the_monitoring_forms_values(tmp_path: Path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """The two-sheet workbook `report` writes (监控表 + a 自评表 made mid-year, its values estimates:
    年中测算): imported without naming a sheet, the 监控表's 1-8月 values are taken and the 自评表's
    estimates are not — the note is its own sheet's."""
    import json

    out = tmp_path / "both.xlsx"
    assert main(["report", "--as-of", "2024-08", "--out", str(out)]) == 0
    capsys.readouterr()
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["绩效运行监控表", "项目支出绩效自评表"]
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and "示例数据" in cell.value:
                    cell.value = cell.value.replace("【示例数据，非官方统计】", "")
    wb.save(out)
    assert main(["import", str(out), "--store", str(tmp_path / "store")]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["layout"] == "form" and payload["summary"]["rows"] == 39
    assert main(["status", "--as-of", "2024-12", "--store", str(tmp_path / "store")]) == 0
    jobs = next(i for i in json.loads(capsys.readouterr().out)["indicators"] if i["indicator_id"] == "new_urban_jobs")
    assert jobs["data_month"] == 8  # no December from the 自评表's estimates
