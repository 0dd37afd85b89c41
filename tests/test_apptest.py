"""Every page and interaction, headless, through Streamlit's AppTest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ["pages/overview.py", "pages/goals.py", "pages/indicator.py", "pages/targets.py"]


def fresh(page: str | None = None, **query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title] + [s.value for s in at.subheader]
    parts += [w.value for w in at.warning] + [i.value for i in at.info]
    parts += [m.label for m in at.metric] + [m.value for m in at.metric]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs(page):
    at = fresh(page)
    assert at.title and not at.error


@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_english(page):
    at = fresh(page)
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert at.title


def test_overview_shows_real_figures():
    at = fresh()
    body = texts(at)
    assert at.title[0].value == "总览"
    assert "示例数据" in at.info[0].value
    assert "执行率" in body and "序时进度" in body
    for g in range(1, 6):
        assert f"目标{g}" in body
    assert "5.3" in body and "不一致" in body  # data-quality note
    metric_labels = [m.label for m in at.metric]
    assert any("正常" in lbl for lbl in metric_labels)


def test_overview_as_of_changes_the_numbers():
    at = fresh()
    before = [m.value for m in at.metric]
    at.sidebar.selectbox(key="as_of").set_value("2024-03").run()
    assert not at.exception
    after = [m.value for m in at.metric]
    assert before != after
    assert at.query_params["as_of"] == ["2024-03"] or at.query_params["as_of"] == "2024-03"


def test_overview_year_switch_to_closed_year():
    at = fresh()
    at.sidebar.selectbox(key="year").set_value(2023).run()
    assert not at.exception
    assert any("未完成" in m.label or "已完成" in m.label for m in at.metric)


def test_goal_pick_and_filters():
    at = fresh("pages/goals.py")
    total = len(at.dataframe[0].value)
    at.session_state["goal_pick"] = 1
    at.run()
    one = at.dataframe[0].value
    assert 0 < len(one) < total
    assert set(one["目标"]) == {"目标1 实施“技能人才之都”深化工程"}
    at.multiselect(key="f_status").set_value(["lagging"]).run()
    lag = at.dataframe[0].value
    assert all("滞后" in s for s in lag["状态"])
    at.text_input(key="f_search").set_value("培训").run()
    assert all("培训" in n for n in at.dataframe[0].value["三级指标"])


def test_goal_from_url():
    at = fresh("pages/goals.py", goal="3")
    df = at.dataframe[0].value
    assert len(df) == 3 and all(df["目标"].str.startswith("目标3"))


def test_overview_goal_button_opens_goal_page():
    at = fresh()
    at.button(key="goal_btn_2").click().run()
    assert not at.exception
    assert at.title[0].value == "目标进展"
    assert all(at.dataframe[0].value["目标"].str.startswith("目标2"))


def _chart_specs(at):
    return [json.loads(c.proto.spec) for c in at.get("arrow_vega_lite_chart")] or [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def test_indicator_drilldown_and_url():
    at = fresh("pages/indicator.py", indicator="registered_unemployed", as_of="2024-06")
    assert at.title[0].value == "登记失业人员规模"
    assert at.query_params["indicator"] in ("registered_unemployed", ["registered_unemployed"])
    body = texts(at)
    assert "越低越好" in body
    at.selectbox(key="indicator_pick").set_value("new_urban_jobs").run()
    assert not at.exception and at.title[0].value == "城镇新增就业人员规模"
    assert any("同比" in m.label for m in at.metric)


def test_indicator_chart_has_chinese_titles():
    at = fresh("pages/indicator.py", indicator="new_urban_jobs")
    elems = at.get("arrow_vega_lite_chart") + at.get("vega_lite_chart")
    assert elems
    spec = elems[0].proto.spec
    assert "累计值（万人）" in json.loads(spec).__repr__() or "累计值（万人）" in spec


@pytest.mark.parametrize("iid", ["budget_execution", "unified_info_platform", "mass_incidents", "reemployment_total_2y", "hr_park_national_application", "public_service_satisfaction"])
def test_indicator_kinds_render(iid):
    at = fresh("pages/indicator.py", indicator=iid)
    assert not at.exception and at.title


def test_targets_page_lists_all():
    at = fresh("pages/targets.py")
    df = at.dataframe[0].value
    assert len(df) == 48
    assert "90%以上" in df.to_string()


def test_deviation_cause_saved_and_shown_in_meeting():
    at = fresh("pages/indicator.py", indicator="vocational_training")
    # form widgets are submitted together with the form's button
    at.selectbox(key="act_cat_vocational_training").set_value("funding")
    at.text_area(key="act_cause_vocational_training").set_value("培训补贴拨付滞后")
    at.text_area(key="act_measure_vocational_training").set_value("四季度集中拨付补贴")
    at.button[[b.label for b in at.button].index("保存")].click().run()
    assert not at.exception and any("已保存" in s.value for s in at.success)
    again = fresh("pages/indicator.py", indicator="vocational_training")
    assert again.text_area(key="act_cause_vocational_training").value == "培训补贴拨付滞后"
    import os

    from analytics.storage.store import Store

    rows = Store(os.environ["PT_DATA_DIR"], create=False).list_actions()
    assert any(r["indicator_id"] == "vocational_training" and r["measure_text"] == "四季度集中拨付补贴" for r in rows)
