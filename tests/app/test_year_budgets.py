"""数据管理 › 年度预算指标 through AppTest: the derived starting point, save (checked, audited),
the stored figures reaching the budget figures, reset to derived, viewers read only."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics.storage.access import add_user
from analytics.storage.store import Store
from analytics.storage.year_budgets import stored_year_budgets

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


@pytest.fixture()
def data_dir(tmp_path, monkeypatch) -> Path:
    d = tmp_path / "store"
    monkeypatch.setenv("PT_DATA_DIR", str(d))
    return d


def data_page(secrets: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in (secrets or {}).items():
        at.secrets[k] = v
    at.run()
    at.switch_page("pages/data.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def edit(at: AppTest, rows: dict) -> AppTest:
    key = at.session_state["_year_budgets_key"]  # the section's documented test hook
    at.session_state[key] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    return at


def test_derived_start_save_reset(data_dir):
    at = data_page()
    assert any(s.value == "年度预算指标" for s in at.subheader)
    captions = "\n".join(c.value for c in at.caption)
    assert "当前使用：按累计执行率目标推算" in captions and "（推算）" in captions
    assert len(at.data_editor) == 3
    # the derived values are the starting point: 2023 central = 30 % × 10,000
    frame = at.data_editor[2].value
    assert list(frame["年度"]) == ["2023（推算）", "2024（推算）"] and frame.iloc[0]["中央补助"] == pytest.approx(3000.0)
    v0 = Store(data_dir).data_version()
    edit(at, {1: {"中央补助": 7000.0}})
    at.button(key="year_budgets_save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "年度预算指标已保存" in "\n".join(s.value for s in at.success)
    assert "与项目总预算" in "\n".join(w.value for w in at.warning)  # the derived years add up to more than the total
    db = Store(data_dir)
    stored = stored_year_budgets(db)
    assert stored is not None and stored[(2024, "central")] == pytest.approx(7000.0)
    assert db.data_version() != v0 and db.audit("settings")[0].who == "local"
    assert "当前使用：已保存的年度预算指标" in "\n".join(c.value for c in at.caption)
    assert list(at.data_editor[2].value["年度"]) == ["2023", "2024"]
    # the budget figures follow: the 2024 year budget of 中央补助 is now 7,000
    assert db.load_dataset().budget.year_budgets[(2024, "central")] == pytest.approx(7000.0)
    at.button(key="year_budgets_reset").click().run()
    assert not at.exception
    assert "已恢复为推算值" in "\n".join(s.value for s in at.success)
    assert stored_year_budgets(Store(data_dir)) is None


def test_error_is_shown_and_nothing_saved(data_dir):
    at = data_page()
    v0 = Store(data_dir).data_version()
    edit(at, {1: {"地方资金": 200000.0}}).button(key="year_budgets_save").click().run()
    assert not at.exception
    assert "超过项目总预算" in "\n".join(e.value for e in at.error)
    assert Store(data_dir).data_version() == v0 and stored_year_budgets(Store(data_dir)) is None


def test_viewer_reads_only(data_dir, tmp_path):
    users = tmp_path / "users.toml"
    add_user(users, "vic", "viewer", "pw-vic-viewer")
    at = AppTest.from_file(APP, default_timeout=120)
    at.secrets["users_file"] = str(users)
    at.run()
    at.text_input(key="signin_name").input("vic")
    at.text_input(key="signin_password").input("pw-vic-viewer")
    at.button[0].click().run()
    at.switch_page("pages/data.py").run()
    assert not at.exception and at.title[0].value == "数据管理"
    assert any(s.value == "年度预算指标" for s in at.subheader)
    assert len(at.data_editor) == 0
    assert not any(b.key in ("year_budgets_save", "year_budgets_reset") for b in at.button)
    assert any("中央补助" in d.value.columns for d in at.dataframe)


def test_a_project_whose_table_names_no_money_gets_it_here(data_dir, tmp_path):
    """A project made from a list naming no money: the grid offers the standard sources, says the
    year budgets are its funding, saves with a source left blank, and 预算情景 then computes the
    execution rate instead of asking for money it had no place to enter."""
    from analytics.cli.main import main

    src = tmp_path / "list.txt"
    src.write_text("1.孕产妇系统服务率≥90%\n2.肺结核患者管理率≥90%\n3.高血压患者管理人数142万人\n", encoding="utf-8")
    assert main(["new-project", str(src), "--store", str(data_dir), "--id", "gw", "--year", "2026"]) == 0
    db = Store(data_dir, create=False).with_project("gw")
    result = db.validate_file(io.BytesIO("period,source,amount\n2026-01,中央补助,300\n2026-02,中央补助,320\n".encode()),
                              filename="sp.csv", kind="budget")
    db.apply_import(result, "sp.csv", "tester")
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["project"] = "gw"
    at.run()
    at.switch_page("pages/budget.py").run()
    assert "年度预算指标" in "\n".join(w.value for w in at.warning)  # where to enter the money
    at.switch_page("pages/data.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("这里填写的各年预算就是项目资金" in c.value for c in at.caption)
    frame = at.data_editor[2].value
    assert list(frame.columns) == ["年度", "中央补助", "地方资金", "其他资金"]
    edit(at, {0: {"中央补助": 5000.0}}).button(key="year_budgets_save").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "年度预算指标已保存" in "\n".join(s.value for s in at.success)
    ds = Store(data_dir, create=False).with_project("gw").load_dataset()
    assert ds.project.funding_total == pytest.approx(5000.0) and ds.budget.execution_rate(2026, 2) == pytest.approx(12.4)
    at.switch_page("pages/budget.py").run()
    assert not at.exception
    assert not any("年度预算指标" in w.value for w in at.warning)  # no longer asked for
    assert at.metric[0].label == "年末预计执行率" and at.metric[0].value.endswith("%")
