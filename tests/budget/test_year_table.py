"""Year budgets (年度预算指标): precedence stored > year_budgets.csv > derived, the checks, the store
round trip (audited setting, data_version) and the monitoring form's 全年预算数."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import openpyxl
import pytest

from analytics.budget.year_budget import year_budget, year_execution_rate
from analytics.budget.year_table import (amounts_from_json, amounts_json, check_year_budgets, derived_amounts,
                                         parse_year_budgets_csv, table_in_force)
from analytics.core.series import Budget
from analytics.storage.dataset import YEAR_BUDGETS_SETTING, with_year_budgets

ROOT = Path(__file__).resolve().parents[2]
GOOD = {(2023, "central"): 3000.0, (2023, "local"): 26000.0, (2023, "other"): 1700.0,
        (2024, "central"): 7000.0, (2024, "local"): 61651.18, (2024, "other"): 4063.0}


def _budget(dataset, stored=None) -> Budget:
    b = Budget(dataset.project, dataset.budget.frame)
    b.year_budgets = stored
    return b


def test_derived_when_nothing_given(dataset):
    b = _budget(dataset)
    t = table_in_force(dataset.project, b)
    assert t.origin == "derived" and {c.basis for c in t.cells} == {"target"}
    assert t.amount(2023, "central") == pytest.approx(3000.0)
    assert derived_amounts(dataset.project, b)[(2024, "central")] == pytest.approx(10000 - b.spent_by(2023, 12, ["central"]))


def test_stored_wins_over_file_and_derived(dataset, tmp_path):
    folder = tmp_path / "proj"
    shutil.copytree(ROOT / "data" / "projects" / "dongguan", folder)
    (folder / "year_budgets.csv").write_text("year,source,amount\n2024,central,1234\n", encoding="utf-8")
    from analytics.ingest.targets import load_project

    p2 = load_project(folder)
    b = Budget(p2, dataset.budget.frame)
    # the file: its cell from the file, the rest derived
    assert year_budget(p2, b, 2024, "central").basis == "file"
    assert year_budget(p2, b, 2024, "central").amount == pytest.approx(1234.0)
    assert table_in_force(p2, b).origin == "file"
    # stored: replaces the file as a whole; cells it leaves out are derived
    b.year_budgets = {(2024, "central"): 5555.0}
    assert year_budget(p2, b, 2024, "central").amount == pytest.approx(5555.0)
    assert year_budget(p2, b, 2024, "central").basis == "store"
    assert year_budget(p2, b, 2024).basis == "store_mixed"
    assert table_in_force(p2, b).origin == "stored"
    b.year_budgets = dict(GOOD)
    assert year_budget(p2, b, 2024).amount == pytest.approx(72714.18)
    assert year_budget(p2, b, 2024).basis == "store"


def test_year_rate_follows_stored(dataset):
    b = _budget(dataset, dict(GOOD))
    spent = b.spent_in_year(2024, 8)
    assert year_execution_rate(dataset.project, b, 2024, spent) == pytest.approx(100 * spent / 72714.18)


def test_checks(project):
    assert check_year_budgets(project, GOOD).ok and check_year_budgets(project, GOOD).warnings == []
    bad = {(2025, "central"): 1.0, (2023, "nope"): 1.0, (2024, "local"): -1.0}
    codes = sorted(i.code for i in check_year_budgets(project, bad).errors)
    assert codes == ["negative", "unknown_source", "unknown_year"]
    over = {(2024, "local"): 100000.0, (2024, "central"): 10000.0}
    assert [i.code for i in check_year_budgets(project, over).errors] == ["year_above_total"]
    under = {(2023, "central"): 1000.0}
    res = check_year_budgets(project, under)
    assert res.ok and [i.code for i in res.warnings] == ["sum_differs"]
    assert check_year_budgets(project, {(2023, "central"): float("nan")}).errors[0].code == "negative"


def test_parse_csv(project):
    amounts, issues = parse_year_budgets_csv("# comment\nyear,source,amount\n2023,中央补助,\"1,000\"\n2023,central,5\n"
                                             "2024,Local funds,2\n2024,x,1\n2024,local,abc\n", project)
    assert amounts == {(2023, "central"): 1005.0, (2024, "local"): 2.0}
    assert [i.code for i in issues] == ["unknown_source", "not_number"]
    assert parse_year_budgets_csv("a,b\n1,2\n", project)[1][0].code == "columns"


def test_json_round_trip_and_dataset_hand_over(dataset):
    assert amounts_from_json(amounts_json(GOOD)) == GOOD
    assert amounts_from_json("") is None and amounts_from_json(None) is None
    from analytics.storage.dataset import load_dataset

    ds = with_year_budgets(load_dataset(), amounts_json({**GOOD, (2030, "central"): 1.0}))
    assert ds.budget.year_budgets == GOOD  # cells outside the project dropped
    assert with_year_budgets(load_dataset(), "not json").budget.year_budgets is None


def test_store_round_trip_changes_data_version_and_is_audited(tmp_path):
    from analytics.storage.store import Store
    from analytics.storage.year_budgets import reset_year_budgets, save_year_budgets, stored_year_budgets

    db = Store(tmp_path / "s")
    project = db.project()
    v0 = db.data_version()
    assert stored_year_budgets(db) is None and db.load_dataset().budget.year_budgets is None
    assert not save_year_budgets(db, project, {(2024, "local"): -5.0}, "ed").ok
    assert db.data_version() == v0  # nothing written on an error
    check = save_year_budgets(db, project, GOOD, "ed")
    assert check.ok and db.data_version() != v0
    assert stored_year_budgets(db) == GOOD and db.load_dataset().budget.year_budgets == GOOD
    assert any(e.key.get("key") == YEAR_BUDGETS_SETTING for e in db.audit("settings"))
    v1 = db.data_version()
    assert reset_year_budgets(db, "ed") and db.data_version() != v1
    assert db.load_dataset().budget.year_budgets is None and not reset_year_budgets(db, "ed")


def test_stored_year_budget_changes_the_monitoring_form(tmp_path):
    from analytics.reports import report
    from analytics.storage.store import Store
    from analytics.storage.year_budgets import save_year_budgets

    db = Store(tmp_path / "s")

    def cells() -> tuple[float, float]:
        ws = openpyxl.load_workbook(io.BytesIO(report.xlsx_bytes(report.build_context(db.load_dataset(), (2024, 8)),
                                                                 "monitoring"))).active
        head = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "资金来源")
        col = [ws.cell(head, c).value for c in range(1, 12)].index("全年预算数") + 1
        row = {ws.cell(r, 1).value: r for r in range(head, ws.max_row + 1)}
        return ws.cell(row["中央补助"], col).value, ws.cell(row["年度资金总额"], col).value

    central, total = cells()
    assert central != pytest.approx(7000.0)
    save_year_budgets(db, db.project(), GOOD, "ed")
    central, total = cells()
    assert central == pytest.approx(7000.0) and total == pytest.approx(72714.18)


def test_a_table_naming_no_money_is_funded_by_the_year_budgets_entered(tmp_path):
    """A project made from a table that names no money (a target list from a web page): its year
    budgets are entered under the standard sources (a source may stay blank) and are its funding —
    execution rate, projection and forms follow — with no total to check them against."""
    from analytics.budget.scenario import project_scenario
    from analytics.cli.main import main
    from analytics.storage.store import Store
    from analytics.storage.year_budgets import save_year_budgets

    src = tmp_path / "list.txt"
    src.write_text("1.孕产妇系统服务率≥90%\n2.肺结核患者管理率≥90%\n3.高血压患者管理人数142万人\n", encoding="utf-8")
    assert main(["new-project", str(src), "--store", str(tmp_path / "s"), "--id", "gw", "--year", "2026"]) == 0
    db = Store(tmp_path / "s", create=False).with_project("gw")
    project = db.project()
    assert not project.table_funded and [s.key for s in project.budget_sources] == ["central", "local", "other"]
    assert db.load_dataset().budget.total == 0  # nothing entered: no money
    assert not save_year_budgets(db, project, {(2026, "nope"): 1.0}, "ed").ok
    check = save_year_budgets(db, project, {(2026, "central"): 5000.0, (2026, "local"): 3000.0}, "ed")
    assert check.ok and not check.warnings  # no total in the table: nothing to differ from
    rows = "".join(f"2026-{m:02d},中央补助,{300 + m}\n" for m in range(1, 9))
    result = db.validate_file(io.BytesIO(("period,source,amount\n" + rows).encode()), filename="sp.csv", kind="budget")
    assert result.ok, result.errors
    db.apply_import(result, "sp.csv", "ed")
    ds = db.load_dataset()
    assert ds.project.funding_from_year_budgets and ds.project.funding_total == pytest.approx(8000.0)
    assert {s.key: s.amount for s in ds.project.funding_sources} == {"central": 5000.0, "local": 3000.0}
    assert ds.budget.total == pytest.approx(8000.0) and ds.budget.execution_rate(2026, 8) == pytest.approx(100 * 2436 / 8000)
    assert year_budget(ds.project, ds.budget, 2026).amount == pytest.approx(8000.0)
    assert project_scenario(ds.project, ds.budget, (2026, 8), None).year_end_rate is not None
    # the grid of the standard sources as the store holds it: the blank source has none
    table = table_in_force(ds.project, ds.budget)
    assert {c.source: c.amount for c in table.cells} == {"central": 5000.0, "local": 3000.0, "other": 0.0}
    assert check_year_budgets(ds.project, {(2026, "central"): 9000.0}).ok  # raising it is no error against the old sum
    from analytics.reports import report
    from analytics.storage.rows import cell_label

    # the standard sources by name wherever a row is named (history, messages, exports), not by key
    assert cell_label(project, ("spending", 2026, 3, "other")) == ("支出 其他资金 2026年3月", "Spending Other funds 2026-03")
    slide = next(sl for sl in report.slides(report.build_context(ds, (2026, 8))) if sl.key == "budget")
    shown = {m.label: m.value for m in slide.metrics}
    assert shown["年度执行目标"] == "—" and shown["年末缺口"] == "—"  # no execution target: no shortfall, never 0 万元
