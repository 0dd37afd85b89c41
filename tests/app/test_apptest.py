"""Every page and interaction, headless, through Streamlit's AppTest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.slow

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGES = ["pages/overview.py", "pages/goals.py", "pages/indicator.py", "pages/targets.py", "pages/forecast.py", "pages/budget.py",
         "pages/data.py", "pages/meeting.py", "pages/new_project.py"]


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
    assert at.title and not any("参考编号" in e.value for e in at.error)


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
    chips = [pl.proto.label for pl in at.get("page_link")]
    assert any("正常" in lbl for lbl in chips)


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
    assert any("未完成" in pl.proto.label or "已完成" in pl.proto.label for pl in at.get("page_link"))


def test_status_chips_wrap_so_their_counts_are_never_cut():
    """Six statuses (2023 at December: 已完成 41 … 未完成 2) sit three to a row, not six in one row
    where a card is too narrow for 「已完成 41 项」."""
    at = fresh(as_of="2023-12", year="2023")
    chips = [c for c in at.columns if any("status=" in pl.proto.query_string for pl in c.get("page_link"))]
    assert len(chips) == 6 and all(c.proto.weight == pytest.approx(1 / 3) for c in chips)
    assert any("41" in pl.proto.label for c in chips for pl in c.get("page_link"))


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


def test_overview_links_goals_statuses_and_indicators():
    """Goal cards link to 目标进展 with ?goal=, status chips with ?status=, the watch list to 指标详情."""
    at = fresh()
    links = {(pl.proto.page, pl.proto.query_string) for pl in at.get("page_link")}
    assert any(page.endswith("goals") and "goal=2" in qs for page, qs in links)
    assert any(page.endswith("goals") and "status=lagging" in qs for page, qs in links)
    assert any(page.endswith("indicator") and "indicator=" in qs for page, qs in links)
    assert "年末预测" in texts(at) and "完成概率" in texts(at)
    watch = [pl for pl in at.get("page_link") if "query_stats" in pl.proto.icon]  # the watch list: the eight most at risk
    assert len(watch) == 8, len(watch)


def test_status_link_filters_the_goal_table():
    at = fresh("pages/goals.py", status="lagging")
    df = at.dataframe[0].value
    assert len(df) > 0 and all("滞后" in s for s in df["状态"])
    assert "None" not in df.to_string()


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


# -- the shell: error boundary, store path for admins only, user text as text ---------------------

def test_page_error_shows_a_reference_not_the_file_and_line(monkeypatch):
    """With ``showErrorDetails = false`` (the shipped config) a page's exception is logged with a
    reference id; the user sees one sentence with that id, no file names or line numbers."""
    import logging

    from streamlit.testing.v1.util import patch_config_options

    from pages.ui import common, errors

    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    errors.LOG.addHandler(handler)

    def broken(*_a, **_k):
        raise ValueError("secret detail /srv/data/store.sqlite")

    monkeypatch.setattr(common, "goal_rollup", broken)
    try:
        with patch_config_options({"client.showErrorDetails": "false"}):
            at = fresh()
    finally:
        errors.LOG.removeHandler(handler)
    assert not at.exception
    shown = "\n".join(e.value for e in at.error)
    assert "参考编号" in shown and "secret detail" not in shown and ".py" not in shown
    ref = shown.split("参考编号")[1].split()[0]
    assert records and ref in records[-1].getMessage() and records[-1].exc_info[0] is ValueError
    assert at.sidebar.radio(key="lang").value == "zh"  # the sidebar still works


def test_a_data_folder_that_cannot_be_used_is_said_not_a_traceback(tmp_path, monkeypatch):
    """PT_DATA_DIR naming a file: the page says the data store cannot be opened (a misconfigured
    or read-only folder) with a reference, and keeps the folder's path for the log."""
    from streamlit.testing.v1.util import patch_config_options

    from pages.ui import common

    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x")
    monkeypatch.setenv("PT_DATA_DIR", str(blocker / "data"))
    common.invalidate_data()
    with patch_config_options({"client.showErrorDetails": "false"}):
        at = fresh()
    assert not at.exception
    shown = "\n".join(e.value for e in at.error)
    assert "数据存储无法打开" in shown and "参考编号" in shown and str(blocker) not in shown


def test_store_path_is_for_admins_only(tmp_path, monkeypatch):
    from analytics.storage.access import add_user

    monkeypatch.setenv("PT_DATA_DIR", str(tmp_path / "store"))
    at = fresh("pages/data.py")  # the local user is an editor
    assert "pytest" not in texts(at) and ".sqlite" not in texts(at)
    users = tmp_path / "users.toml"
    add_user(users, "adam", "admin", "pw-admin-long")
    admin = AppTest.from_file(APP, default_timeout=60)
    admin.secrets["users_file"] = str(users)
    admin.run()
    admin.text_input(key="signin_name").input("adam")
    admin.text_input(key="signin_password").input("pw-admin-long")
    admin.button[0].click().run()
    admin.switch_page("pages/data.py").run()
    assert not admin.exception
    from pages.ui.common import esc

    assert any(esc(str(tmp_path)) in c.value for c in admin.caption)


@pytest.mark.parametrize("payload", ["![x](http://127.0.0.1:9/x.png)", "[link](http://127.0.0.1:9)", "# heading", "$x^2$",
                                     ":red[red]", ":material/home:", "a\n===", "<img src=x onerror=alert(1)>", "    code", "www.example.org",
                                     "- item\n2) item\n---", "mail a@b.co", "-\n1.", "a\n  -  "])
def test_esc_leaves_no_markup(payload):
    import re

    from pages.ui.common import esc

    out = esc(payload)
    unescaped = re.sub(r"\\.", "X", out)  # every escaped character replaced by a harmless one
    assert not re.search(r"[\[\]#$<>=`*_~!|&@:^{}+]", unescaped), out
    assert not re.search(r"(?m)^(-|\d+[.)]|www\.)", unescaped), out
    assert not re.search(r"(^|[^\\]):[\w+-]", out), out  # no ":name" a text plugin could pick up
    assert not out.startswith((" ", "\t"))
    assert re.sub(r"\\(.)", r"\1", out).replace("\u2060", "") == "\n".join(ln.lstrip() for ln in payload.split("\n"))


def test_indicator_outlook_says_what_the_forecast_page_says():
    # the indicator's outlook is the 年末预测 page's own row (level, chance, basis), and its help states the
    # thresholds of data/judgement_rules.yaml (P < 1% with a pace above the best month), not figures of its own
    from analytics.present.judgement_text import thresholds_params

    at = fresh("pages/indicator.py", indicator="vocational_training", as_of="2024-08")
    fc = fresh("pages/forecast.py", as_of="2024-08")
    table = fc.dataframe[0].value
    row = table[table.iloc[:, 0].astype(str).str.contains("职业技能培训")].iloc[0]
    metric = next(m for m in at.metric if m.label == "完成可能性")
    assert str(row["完成可能性"]) in metric.value and str(row["完成概率"]) in metric.value
    assert f"概率低于{thresholds_params()['cut']}" in metric.proto.help and "<5%" not in metric.proto.help
    assert any(c.value.startswith("判定依据：") for c in at.caption)


def test_every_page_tells_the_forecast_page_story_of_a_survey_between_measurements():
    # 公共就业服务满意度 is surveyed quarterly: in August 年末预测 says 待下次测评 with no chance; the
    # overview's answer counts it so, the goals table shows it so, and it is not listed among the risks
    fc = fresh("pages/forecast.py", as_of="2024-08")
    table = fc.dataframe[0].value
    levels = table["完成可能性"].astype(str).value_counts()
    assert levels.get("待下次测评", 0) >= 1
    ov = fresh(as_of="2024-08")
    answer = next(m.value for m in ov.markdown if "能否完成" in m.value)
    for level, n in levels.items():
        if level != "—":
            assert f"{level} {n} 项" in answer, (level, n, answer)
    assert not any("公共就业服务满意度" in pl.proto.label for pl in ov.get("page_link"))  # the risks link their indicators
    goals = fresh("pages/goals.py", as_of="2024-08")
    df = goals.dataframe[0].value
    row = df[df.iloc[:, 0].astype(str) == "公共就业服务满意度"].iloc[0]
    assert row["完成可能性"] == "待下次测评"
    ind = fresh("pages/indicator.py", indicator="public_service_satisfaction", as_of="2024-08")
    assert next(m.value for m in ind.metric if m.label == "完成可能性") == "待下次测评"
    assert any("每季度测评" in c.value and "下次 9月" in c.value for c in ind.caption)  # and why


def test_a_link_to_a_project_that_is_not_there_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("PT_DATA_DIR", str(tmp_path / "store"))
    at = fresh(project="nosuch")
    said = [w.value for w in at.warning]
    assert any("「nosuch」不存在或已归档" in w for w in said), said
    assert "东莞市公共就业服务能力提升示范项目" in texts(at)  # the default project, shown
    again = fresh()  # no project asked for: nothing to say
    assert not any("不存在或已归档" in w.value for w in again.warning)


def test_overview_of_a_year_with_no_spending_reported_says_so(tmp_path, monkeypatch):
    """As of December 2025 with only 2026's spending reported, 总览 set 0.0% spent beside a 序时进度
    of 100.0% (its month fell back to the as-of month). It says no spending is reported this year
    and shows no 序时进度 to compare with (the reports' rule, core.reporting.spend_month)."""
    from analytics.cli.main import main

    (tmp_path / "t.txt").write_text("项目支出绩效目标表（2025年度）\n项目名称\t实训项目\n项目资金（万元）\t年度资金总额\t1000\n"
                                    "\t其中：财政拨款\t1000\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人次\t≥1200人次\n",
                                    encoding="utf-8")
    (tmp_path / "a.csv").write_text("indicator_id,period,value,basis\n" + "".join(f"t01,2025-{m:02d},110,month\n" for m in range(1, 13)),
                                    encoding="utf-8")
    (tmp_path / "b.csv").write_text("period,source,amount,basis\n2026-01,财政拨款,50,month\n", encoding="utf-8")
    store = tmp_path / "s"
    assert main(["new-project", str(tmp_path / "t.txt"), "--store", str(store), "--id", "p"]) == 0
    for f, kind in (("a.csv", "actuals"), ("b.csv", "budget")):
        assert main(["import", str(tmp_path / f), "--kind", kind, "--store", str(store), "--project", "p"]) == 0
    monkeypatch.setenv("PT_DATA_DIR", str(store))
    at = fresh(project="p", as_of="2025-12", year="2025")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["累计执行率"] == "0.0%" and metrics["序时进度"] == "—", metrics
    assert any(c.value.startswith("2025年：本年尚无支出数据。") for c in at.caption)
    at.sidebar.radio(key="lang").set_value("en").run()
    assert any(c.value.startswith("2025: no spending is reported this year.") for c in at.caption)
