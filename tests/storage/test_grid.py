"""Data-entry grids and templates (analytics/grid.py): the same validator as file imports,
messages renamed to the grid's rows and columns, edits and versions for the store."""

from __future__ import annotations

import io
import math

import openpyxl
import pandas as pd
import pytest

from analytics.storage.grid import actuals_grid, actuals_template, budget_grid, budget_template, template_bytes
from analytics.ingest.validate import ingest_actuals, ingest_budget
from analytics.present.messages import render_problem, result_report
from analytics.storage.store import Store, actual_key, spending_key
from tests.pg import BACKENDS, new_schema


@pytest.fixture(scope="module", params=BACKENDS)
def db(request, tmp_path_factory) -> Store:
    """One store per backend for the module (a SQLite folder, a PostgreSQL schema)."""
    if request.param == "sqlite":
        yield Store(tmp_path_factory.mktemp("grid"))
        return
    url, drop = new_schema()
    with pytest.MonkeyPatch.context() as mp:  # its local work folder: not the project's var/
        mp.setenv("PT_DATA_DIR", str(tmp_path_factory.mktemp("grid-pg")))
        s = Store(url)
    yield s
    s.close()
    drop()


@pytest.fixture(scope="module")
def project(db):
    return db.project()


def test_actuals_grid_shape_and_labels(db, project):
    g = actuals_grid(project, db.actuals_frame(with_meta=True), 2024, "zh", db.dataset_version())
    assert g.frame.index.name == "行" and list(g.frame.index[:3]) == [1, 2, 3]
    assert g.frame.columns.tolist()[:3] == ["指标（单位）", "口径", "1月"] and g.frame.columns[-1] == "12月"
    assert g.frame.iloc[0, 0] == "城镇新增就业人员规模（万人）" and g.frame.iloc[0, 1] == "累计"
    assert any("是=1，否=0" in x for x in g.frame.iloc[:, 0])
    assert len(g.frame) == len(project.ingest_catalogue())  # one basis per indicator in the sample
    assert g.frame.at[1, "8月"] == pytest.approx(8.4998) and math.isnan(g.frame.at[1, "1月"])  # Jan–Feb combined
    key = actual_key("new_urban_jobs", 2024, 2, "ytd")
    assert g.first_months[key] == 1 and g.versions[key] >= 1
    en = actuals_grid(project, db.actuals_frame(with_meta=True), 2024, "en")
    assert en.frame.columns.tolist()[:3] == ["Indicator (unit)", "Basis", "Jan"]


def test_extra_basis_gets_its_own_row(db, project):
    frame = db.actuals_frame(with_meta=True)
    extra = frame.iloc[:1].copy()
    extra.loc[:, ["indicator_id", "year", "month", "first_month", "basis", "value"]] = ["new_urban_jobs", 2024, 3, 3, "month", 1.2]
    g = actuals_grid(project, pd.concat([frame, extra]), 2024)
    rows = [i for i, lbl in enumerate(g.frame.iloc[:, 0]) if lbl.startswith("城镇新增就业人员规模")]
    assert len(rows) == 2 and g.frame.iloc[rows[1], 1] == "当月"


def test_edits_and_versions(db, project):
    g = actuals_grid(project, db.actuals_frame(with_meta=True), 2024)
    edited = g.apply_state({"edited_rows": {"0": {"8月": 9.0, "9月": 10.0}, 1: {"8月": None}}, "added_rows": [],
                            "deleted_rows": []})
    edits = g.edits(edited)
    k8, k9 = actual_key("new_urban_jobs", 2024, 8, "ytd"), actual_key("new_urban_jobs", 2024, 9, "ytd")
    k_unemp = actual_key("registered_unemployed", 2024, 8, "level")
    assert edits == {k8: 9.0, k9: 10.0, k_unemp: None}
    exp = g.expected_versions(edits)
    assert exp[k9] == 0 and exp[k8] == g.versions[k8] and exp[k_unemp] == g.versions[k_unemp]
    assert g.validate(edited, project).ok
    assert g.edits(g.frame.copy()) == {}


def test_grid_validation_uses_the_import_messages(db, project):
    g = actuals_grid(project, db.actuals_frame(with_meta=True), 2024)
    row_rate = next(i for i, lbl in enumerate(g.frame.iloc[:, 0]) if "%" in lbl) + 1
    edited = g.apply_state({"edited_rows": {0: {"8月": -1.0}, 2: {"4月": 0.1}, row_rate - 1: {"3月": 120.0}}})
    result = g.validate(edited, project)
    assert not result.ok
    by_code = {p.code: p for p in result.errors}
    assert set(by_code) == {"negative", "ytd_decrease", "pct_over_100"}
    neg = by_code["negative"]
    assert (neg.row, neg.column, neg.value, neg.file) == (1, "8月", "-1", "实际数据表格（2024年）")
    assert "第 1 行「8月」列" in render_problem(neg, "zh") and "负数" in render_problem(neg, "zh")
    dec = by_code["ytd_decrease"]
    assert dec.row == 3 and dec.params["prev_row"] == 3 and dec.column == "4月"
    assert by_code["pct_over_100"].row == row_rate
    # the same cell in a file gives the same message, apart from where it is
    direct = ingest_actuals(b"indicator_id,period,value,basis\nnew_urban_jobs,2024-08,-1,ytd\n", project.ingest_catalogue(),
                            filename="f.csv")
    assert direct.errors[0].code == "negative"
    assert render_problem(direct.errors[0], "zh").split("是负数")[1] == render_problem(neg, "zh").split("是负数")[1]


def test_budget_grid(db, project):
    g = budget_grid(project, db.spending_frame(with_meta=True), 2024, "zh", db.dataset_version())
    assert g.frame.columns.tolist() == ["月份", "中央补助（万元）", "地方资金（万元）", "其他资金（万元）"]
    assert len(g.frame) == 12 and math.isnan(g.frame.at[12, "中央补助（万元）"])
    edited = g.apply_state({"edited_rows": {8: {"中央补助（万元）": 500.0}, 1: {"地方资金（万元）": -3.0}}})
    result = g.validate(edited, project)
    assert [(p.code, p.row, p.column) for p in result.errors] == [("negative", 2, "地方资金（万元）")]
    edited = g.apply_state({"edited_rows": {8: {"中央补助（万元）": 500.0}}})
    assert g.validate(edited, project).ok
    assert g.edits(edited) == {spending_key(2024, 9, "central"): 500.0}


def test_grids_name_units_as_told(db, project):
    """An English grid names its units as the page tells it (the pages' English, 10k yuan), and
    an edit under such a column still reaches its funding source."""
    units = {"万元": "10k yuan", "万人": "10k persons"}.get
    g = budget_grid(project, db.spending_frame(with_meta=True), 2024, "en", unit_label=lambda u: units(u, u))
    assert g.frame.columns.tolist()[1:] == [f"{s.display_name('en')} (10k yuan)" for s in project.budget_sources]
    column = g.frame.columns[1]
    edited = g.apply_state({"edited_rows": {8: {column: 500.0}}})
    assert g.validate(edited, project).ok and g.edits(edited) == {spending_key(2024, 9, "central"): 500.0}
    a = actuals_grid(project, db.actuals_frame(with_meta=True), 2024, "en", unit_label=lambda u: units(u, u))
    assert a.frame.iloc[0, 0].endswith(" (10k persons)")
    assert budget_grid(project, db.spending_frame(with_meta=True), 2024, "en").frame.columns[1].endswith(" (万元)")  # none told: as written


def test_clearing_every_cell_validates(db, project):
    g = budget_grid(project, db.spending_frame(with_meta=True), 2030)
    assert g.validate(g.frame.copy(), project).ok


def test_templates_round_trip_through_the_validator(project):
    a = actuals_template(project, 2025, "zh")
    assert a.columns.tolist()[:5] == ["indicator_id", "指标名称", "单位", "口径", "2025-01"]
    assert len(a) == len(project.ingest_catalogue())
    assert a.iloc[0, :3].tolist() == ["new_urban_jobs", "城镇新增就业人员规模", "万人"]
    blank = ingest_actuals(template_bytes(a, "csv"), project.ingest_catalogue(), filename="t.csv")
    assert not blank.ok and [p.code for p in blank.errors] == ["no_data"]
    filled = a.copy()
    filled.loc[0, "2025-01"] = "1.5"
    filled.loc[0, "2025-02"] = "2.5"
    for fmt in ("csv", "xlsx"):
        data = template_bytes(filled, fmt, "actuals")
        res = ingest_actuals(data, project.ingest_catalogue(), filename=f"t.{fmt}")
        assert res.ok, result_report(res, "en")
        assert res.data[["indicator_id", "month", "value", "basis"]].values.tolist() == [
            ["new_urban_jobs", 1, 1.5, "ytd"], ["new_urban_jobs", 2, 2.5, "ytd"]]
    assert template_bytes(a, "csv").startswith(b"\xef\xbb\xbf")
    ws = openpyxl.load_workbook(io.BytesIO(template_bytes(a, "xlsx", "actuals")))["actuals"]
    assert ws["A2"].value == "new_urban_jobs"
    b = budget_template(project, 2025, "en")
    assert b.columns.tolist() == ["period", "central", "local", "other", "note"]
    b.loc[0, "central"] = "100"
    res = ingest_budget(template_bytes(b, "csv"), sources=("central", "local", "other"), filename="b.csv")
    assert res.ok and res.data["amount"].tolist() == [100.0]
    bz = budget_template(project, 2025, "zh")
    bz.loc[2, "地方资金"] = "7"
    res = ingest_budget(template_bytes(bz, "xlsx"), sources=("central", "local", "other"), filename="b.xlsx")
    assert res.ok and res.data[["month", "source", "amount"]].values.tolist() == [[3, "local", 7.0]]
