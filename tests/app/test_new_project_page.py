"""新建项目 through AppTest: paste a real table, correct a cell, save, switch projects; a correction
that cannot be used, a text with no table, a table without a year; archive and bring back."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
CORPUS = ROOT / "tests" / "tables" / "corpus"
DONGGUAN = "东莞市公共就业服务能力提升示范项目"


@pytest.fixture()
def at(tmp_path, monkeypatch) -> AppTest:
    monkeypatch.setenv("PT_DATA_DIR", str(tmp_path / "store"))
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    app.switch_page("pages/new_project.py").run()
    assert not app.exception
    return app


def _paste(at: AppTest, text: str) -> None:
    at.radio(key="np_kind").set_value("text").run()
    at.text_area(key="np_text_0").input(text).run()
    assert not at.exception, [e.value for e in at.exception]


def _body(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [w.value for w in at.warning]
    parts += [e.value for e in at.error] + [s.value for s in at.success] + [i.value for i in at.info] + [t.value for t in at.title]
    return "\n".join(str(p) for p in parts)


def _edit(at: AppTest, row: int, **cells: str) -> None:
    key = at.session_state["_np_grid_key"]
    at.session_state[key] = {"edited_rows": {row: cells}, "added_rows": [], "deleted_rows": []}


def test_paste_correct_save_and_switch(at: AppTest) -> None:
    _paste(at, (CORPUS / "yueyang_xian_nongtian_2022.txt").read_text(encoding="utf-8"))
    body = _body(at)
    assert "读出 **" in body and "需要核对" in body
    key = at.session_state["_np_grid_key"]
    assert key.startswith("np_grid_")
    _edit(at, 0, target_2022="≥999")
    at.button(key="np_save").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "已保存项目" in at.success[0].value
    pid = at.query_params["project"][0] if isinstance(at.query_params["project"], list) else at.query_params["project"]
    assert at.session_state["project"] == pid
    # the new project on its pages: its own indicators, the corrected target, no sample
    at.switch_page("pages/targets.py").run()
    assert not at.exception and not at.error
    frame = at.dataframe[0].value
    first = frame.iloc[0].astype(str).tolist()
    assert "≥999" in first, first
    assert DONGGUAN not in _body(at) and "示例数据" not in _body(at)
    at.switch_page("pages/overview.py").run()
    assert not at.exception and not at.error and DONGGUAN not in _body(at)
    # back to the default project through the sidebar
    at.sidebar.selectbox(key="project").set_value("dongguan").run()
    assert not at.exception
    assert DONGGUAN in _body(at) and "project" not in at.query_params


def test_unusable_correction_is_listed_and_nothing_saved(at: AppTest) -> None:
    _paste(at, (CORPUS / "yueyang_xian_nongtian_2022.txt").read_text(encoding="utf-8"))
    _edit(at, 0, target_2022="同比增长10%", name="")
    at.button(key="np_save").click().run()
    errors = "\n".join(e.value for e in at.error)
    assert "2 处修改无法使用" in errors
    assert "同比增长10%" in "\n".join(m.value for m in at.markdown) and "指标名称不能为空" in "\n".join(m.value for m in at.markdown)
    assert "project" not in at.query_params and not [s for s in at.sidebar.selectbox if s.key == "project"]  # nothing saved


def test_text_without_a_table_says_what_was_looked_for(at: AppTest) -> None:
    _paste(at, "会议纪要\n今天讨论了预算。\n下次再议。\n")
    assert not at.exception
    assert "没有找到绩效指标表" in at.error[0].value


def test_a_table_without_a_year_needs_one(at: AppTest) -> None:
    _paste(at, (CORPUS / "ningde_rencaiyizhan_2023.tsv").read_text(encoding="utf-8"))
    assert any("没有写明目标值所属的年度" in w.value for w in at.warning)
    assert at.button(key="np_save").disabled
    at.number_input(key="np_year").set_value(2023).run()
    assert not at.exception and not any("没有写明目标值所属的年度" in w.value for w in at.warning)
    at.button(key="np_save").click().run()
    assert not at.error and "已保存项目" in at.success[0].value


def test_archive_and_bring_back(at: AppTest) -> None:
    _paste(at, (CORPUS / "yueyang_xian_nongtian_2022.txt").read_text(encoding="utf-8"))
    at.button(key="np_save").click().run()
    pid = at.session_state["project"]
    at.button(key=f"np_arch_{pid}").click().run()
    assert not at.exception
    assert "已归档项目" in at.success[0].value
    # archived: gone from the switcher (one project left, so no switcher), its URL falls back to the default
    assert not [s for s in at.sidebar.selectbox if s.key == "project"]
    at.button(key=f"np_arch_{pid}").click().run()  # bring back (undoes the archiving)
    assert "已恢复项目" in at.success[0].value
    assert [s for s in at.sidebar.selectbox if s.key == "project"]


def test_a_total_without_sources_is_kept(at: AppTest) -> None:
    """岳阳县's table gives 854万 with no split by source: the total is offered as one row and saved."""
    _paste(at, (CORPUS / "yueyang_xian_nongtian_2022.txt").read_text(encoding="utf-8"))
    at.button(key="np_save").click().run()
    assert not at.error and "已保存项目" in at.success[0].value
    from analytics.storage.store import Store
    import os

    project = Store(os.environ["PT_DATA_DIR"]).with_project(at.session_state["project"]).project()
    assert project.funding_amount == 854
