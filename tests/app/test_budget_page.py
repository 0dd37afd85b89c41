"""预算情景 page through AppTest: levers move the projection and the score; scenarios are saved,
loaded, duplicated, renamed, compared and deleted."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("pages/budget.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_page_shows_projection_score_and_assumption():
    at = page()
    m = metrics(at)
    assert m["年末预计执行率"].endswith("%") and m["等级"] in ("优", "良", "中", "差")
    assert any("假设分配" in i.value for i in at.info)
    assert any("中央补助" in e.value for e in at.error)  # central funds at risk in the sample
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")


def test_pace_lever_raises_execution_and_score():
    at = page()
    before = metrics(at)
    at.slider(key="lv_pace").set_value(1.6).run()
    assert not at.exception
    after = metrics(at)
    rate = lambda s: float(s.rstrip("%"))  # noqa: E731
    assert rate(after["年末预计执行率"]) > rate(before["年末预计执行率"])
    assert float(after["绩效自评预计得分"]) >= float(before["绩效自评预计得分"])


def test_freeze_lowers_execution():
    at = page()
    base = float(metrics(at)["年末预计执行率"].rstrip("%"))
    at.toggle(key="lv_freeze.on").set_value(True).run()
    assert not at.exception
    assert float(metrics(at)["年末预计执行率"].rstrip("%")) < base


def test_budget_increase_lowers_the_rate():
    at = page()
    base = float(metrics(at)["年末预计执行率"].rstrip("%"))
    at.number_input(key="lv_budget_adjustment.local").set_value(20000.0).run()
    assert float(metrics(at)["年末预计执行率"].rstrip("%")) < base


def test_save_load_duplicate_rename_compare_delete():
    at = page()
    at.slider(key="lv_pace").set_value(1.4).run()
    at.text_input(key="scn_name").set_value("加快支付").run()
    at.button(key="scn_save").click().run()
    at.slider(key="lv_pace").set_value(1.0).run()
    at.text_input(key="scn_name").set_value("按当前节奏").run()
    at.button(key="scn_save").click().run()
    assert sorted(at.selectbox(key="scn_pick").options) == ["加快支付", "按当前节奏"]
    assert at.selectbox(key="scn_pick").value == "按当前节奏"  # the scenario just saved is the one picked
    at.selectbox(key="scn_pick").set_value("加快支付").run()
    at.button(key="scn_load").click().run()
    assert at.slider(key="lv_pace").value == 1.4
    at.button(key="scn_dup").click().run()
    assert "加快支付 副本" in at.selectbox(key="scn_pick").options
    at.selectbox(key="scn_pick").set_value("加快支付 副本").run()
    at.text_input(key="scn_new_name").set_value("再加快").run()
    at.button(key="scn_rename").click().run()
    assert "再加快" in at.selectbox(key="scn_pick").options and "加快支付 副本" not in at.selectbox(key="scn_pick").options
    at.multiselect(key="scn_compare").set_value(["加快支付", "按当前节奏"]).run()
    assert not at.exception
    comp = at.dataframe[-1].value
    assert list(comp["情景名称"]) == ["加快支付", "按当前节奏"]
    assert comp["年末执行率（%）"].iloc[0] > comp["年末执行率（%）"].iloc[1]
    assert list(comp["措施"]) == ["剩余月份节奏 ×1.4", "按当前节奏"]  # levers in words, never JSON
    at.selectbox(key="scn_pick").set_value("再加快").run()
    at.button(key="scn_delete").click().run()
    assert "再加快" not in at.selectbox(key="scn_pick").options


def test_english():
    at = page()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception and at.title[0].value == "Budget scenarios"


def test_saved_scenarios_persist_in_the_store():
    at = page()
    at.slider(key="lv_pace").set_value(1.3).run()
    at.text_input(key="scn_name").set_value("四季度加快").run()
    at.button(key="scn_save").click().run()
    again = page()  # a new session reads the same store
    assert "四季度加快" in again.selectbox(key="scn_pick").options
    again.text_input(key="scn_name").set_value("另一个").run()
    again.button(key="scn_save").click().run()
    again.selectbox(key="scn_pick").set_value("另一个").run()
    again.text_input(key="scn_new_name").set_value("四季度加快").run()
    again.button(key="scn_rename").click().run()  # the name is taken: a clear message, nothing lost
    assert any("四季度加快" in e.value for e in again.error)
    assert {"四季度加快", "另一个"} <= set(again.selectbox(key="scn_pick").options)


def test_widgets_come_from_the_lever_registry():
    from analytics.budget.levers import REGISTRY

    at = page()
    keys = {w.key for w in at.number_input} | {w.key for w in at.slider} | {w.key for w in at.selectbox} | {w.key for w in at.toggle} | {w.key for w in at.multiselect}
    for lv in REGISTRY:
        assert any(k == f"lv_{lv.name}" or k.startswith(f"lv_{lv.name}.") for k in keys), lv.name


def test_item_levers_save_reset_and_load():
    at = page()
    rate = lambda: float(metrics(at)["年末预计执行率"].rstrip("%"))  # noqa: E731
    base = rate()
    at.number_input(key="lv_one_off.amount").set_value(5000.0).run()
    assert not at.exception and rate() > base
    at.number_input(key="lv_transfers.amount").set_value(1000.0).run()
    at.number_input(key="lv_pace_by_goal.1").set_value(1.2).run()
    assert not at.exception
    at.text_input(key="scn_name").set_value("一次性支付").run()
    at.button(key="scn_save").click().run()
    at.button(key="lv_reset").click().run()
    assert at.number_input(key="lv_one_off.amount").value == 0 and rate() == base
    at.selectbox(key="scn_pick").set_value("一次性支付").run()
    at.button(key="scn_load").click().run()
    assert at.number_input(key="lv_one_off.amount").value == 5000.0
    assert at.number_input(key="lv_transfers.amount").value == 1000.0 and at.number_input(key="lv_pace_by_goal.1").value == 1.2
    assert rate() > base


def test_month_levers_follow_the_as_of_month():
    at = page()
    at.number_input(key="lv_one_off.amount").set_value(1000.0).run()
    at.toggle(key="lv_freeze.on").set_value(True).run()
    assert at.selectbox(key="lv_one_off.month").value == "2024-09"
    at.sidebar.selectbox(key="as_of").set_value("2023年6月").run()  # another year: 2024-09 cannot be chosen there
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="lv_one_off.month").value == "2023-07"
    assert at.select_slider(key="lv_freeze.range").value == ("2023-07", "2023-12")


def test_the_pace_needed_is_the_answer():
    """The page computes the monthly amount and the pace that reach the target; using it removes
    the shortfall, the card and the chart caption name the same month, and the central-funds
    alarm clears when the scenario spends the central subsidy."""
    at = page()
    m = metrics(at)
    assert m["剩余每月需支出"].endswith("万元/月") and m["所需节奏倍数"].startswith("×")
    assert m["年末距目标缺口"].endswith("万元")
    at.button(key="need_apply").click().run()
    assert not at.exception
    m = metrics(at)
    assert m["达到年度目标的月份"] == "2024年12月"
    assert any("2024年12月达到年度执行目标" in c.value for c in at.caption)
    assert not any("中央补助" in e.value for e in at.error)


def _december_page(tmp_path, monkeypatch, spending_months: range) -> AppTest:
    """预算情景 of a project reported to December 2025, its spending for ``spending_months``."""
    from analytics.cli.main import main

    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "t.txt").write_text("项目支出绩效目标表（2025年度）\n项目名称\t实训项目\n项目资金（万元）\t年度资金总额\t1000\n"
                                    "\t其中：财政拨款\t1000\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人次\t≥1200人次\n"
                                    "满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\n", encoding="utf-8")
    (tmp_path / "a.csv").write_text("indicator_id,period,value,basis\n" + "".join(
        f"t01,2025-{m:02d},110,month\nt02,2025-{m:02d},92,level\n" for m in range(1, 13)), encoding="utf-8")
    (tmp_path / "b.csv").write_text("period,source,amount,basis\n" + "".join(f"2025-{m:02d},财政拨款,80,month\n" for m in spending_months),
                                    encoding="utf-8")
    store = tmp_path / "s"
    assert main(["new-project", str(tmp_path / "t.txt"), "--store", str(store), "--id", "p"]) == 0
    for f, kind in (("a.csv", "actuals"), ("b.csv", "budget")):
        assert main(["import", str(tmp_path / f), "--kind", kind, "--store", str(store), "--project", "p"]) == 0
    monkeypatch.setenv("PT_DATA_DIR", str(store))
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(project="p", as_of="2025-12", year="2025")
    at.run()
    at.switch_page("pages/budget.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_as_of_december_with_spending_to_october_the_page_says_the_year_end_is_projected(tmp_path, monkeypatch):
    """As of December with the spending to October, 预算情景 titled the projection 年末执行率, the
    projected score 绩效自评得分 and its chart 本年度已结束：实线为实际执行率. They stay projections,
    said so, until December's spending is in."""
    at = _december_page(tmp_path, monkeypatch, range(1, 11))
    m = metrics(at)
    assert "年末预计执行率" in m and "年末执行率" not in m
    assert "绩效自评预计得分" in m and "绩效自评得分" not in m
    assert any(i.value.startswith("12月支出尚未报送（支出数据截至2025年10月）") for i in at.info)
    assert not any("本年度已结束" in c.value for c in at.caption)
    closed = _december_page(tmp_path / "closed", monkeypatch, range(1, 13))
    m = metrics(closed)
    assert "年末执行率" in m and "绩效自评得分" in m and not any("尚未报送" in i.value for i in closed.info)


def test_as_of_december_with_spending_to_october_the_levers_plan_november_and_december(tmp_path, monkeypatch):
    """As of December with the spending to October the page said 本年度已无剩余月份，调整措施不起作用
    and drew no lever: the months left were counted from December. November and December are
    planned: the month pickers offer them, a freeze of both lowers the year-end, and the help
    of the amount needed names October and the two months."""
    at = _december_page(tmp_path, monkeypatch, range(1, 11))
    assert not any("调整措施不起作用" in c.value for c in at.caption)
    assert list(at.selectbox(key="lv_one_off.month").options) == ["2025年11月", "2025年12月"]
    base = float(metrics(at)["年末预计执行率"].rstrip("%"))
    at.toggle(key="lv_freeze.on").set_value(True).run()
    assert not at.exception
    assert at.select_slider(key="lv_freeze.range").value == ("2025-11", "2025-12")
    assert float(metrics(at)["年末预计执行率"].rstrip("%")) == 80.0 < base
    help_ = next(m.help for m in at.metric if m.label == "剩余每月需支出")
    assert "截至 2025年10月" in help_ and "剩余 2 个月" in help_
    closed = _december_page(tmp_path / "closed", monkeypatch, range(1, 13))
    assert any("调整措施不起作用" in c.value for c in closed.caption)


def test_a_month_never_reported_reads_not_reported_in_the_monthly_table(tmp_path, monkeypatch):
    """Spending to October with April never entered: the page drew the path with no word of
    April in it (the CLI's table said 未报送). Its table of months, open when a month is missing,
    reads 未报送 with — for April's figures, never 0.00, and 实际 / 预计 for the others."""
    at = _december_page(tmp_path, monkeypatch, [m for m in range(1, 11) if m != 4])
    assert any(w.value.startswith("2025年4月的支出未报送") for w in at.warning)
    table = next(df.value for df in at.dataframe if "数据" in df.value.columns)
    rows = {r["月份"]: r for r in table.to_dict("records")}
    april = rows["2025年4月"]
    assert april["数据"] == "未报送" and april["当月支出（万元）"] == "—" and april["累计执行率（%）"] == "—", april
    assert rows["2025年3月"]["数据"] == "实际" and rows["2025年3月"]["当月支出（万元）"] == "80.00"
    assert rows["2025年11月"]["数据"] == "预计" and rows["2025年11月"]["80% 区间（%）"] != "—"
    assert next(e for e in at.expander if e.label == "逐月执行情况").proto.expanded
