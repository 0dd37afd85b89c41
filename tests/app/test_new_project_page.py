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


def _grid(at: AppTest):  # noqa: ANN202 - a pandas DataFrame
    """The review grid (③) as the page holds it."""
    return next(d.value for d in at.dataframe if "review" in d.value.columns)


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


def test_targets_written_as_sentences_are_offered_for_review_and_saved(at: AppTest) -> None:
    notice = ("关于某镇葡萄种植项目绩效目标设定的公示\n根据2023年资金安排，现将绩效目标设定如下:\n一、 产出指标\n"
              "数量指标:葡萄种植数量(≥**株)>=17600株;种植作物成活率(≥**%)>=85;时效指标:完成及时率(≥**%)>=100%。\n"
              "二、 效益指标\n效益指标:经济效益指标:特色产业产值(≥**万元)≥80万元;生态效益指标:生态修复功能提高。\n")
    _paste(at, notice)
    grid = _grid(at)
    assert list(grid["name"]) == ["葡萄种植数量", "种植作物成活率", "完成及时率", "特色产业产值"]
    assert list(grid["unit"]) == ["株", "%", "%", "万元"]
    at.button(key="np_save").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "已保存项目" in at.success[0].value


def test_a_target_taken_from_the_name_is_marked_for_checking(at: AppTest) -> None:
    text = ("项目支出绩效自评表\n（2022年度）\n"
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "产出指标\t数量指标\t完成改造项目数量\t1\t1\t10\t10\n"
            "\t质量指标\t工程质量合格\t\t\t10\t10\n"
            "\t时效指标\t年度资金支付完成率100%\t\t\t10\t10\n")
    _paste(at, text)
    assert "需要核对" in _body(at)
    rows = {r["name"]: r for _, r in _grid(at).iterrows()}
    # its blank result, scored 10 of 10, read as 达成: to check too
    assert rows["工程质量合格"]["target_2022"] == "工程质量合格" and rows["工程质量合格"]["review"] == "实际、目标"
    assert rows["年度资金支付完成率"]["target_2022"] == "100%" and rows["年度资金支付完成率"]["review"] == "目标"
    assert rows["完成改造项目数量"]["review"] != "目标"


def test_a_target_written_as_a_change_shows_the_level_it_was_read_as_and_is_saved_so(at: AppTest) -> None:
    text = ("项目支出绩效目标表（2024年度）\n一级指标\t二级指标\t三级指标\t2023年完成值\t2024年目标值\n"
            "产出指标\t数量指标\t新增就业人数\t10000人\t较上年增长5%\n"
            "效益指标\t社会效益指标\t城镇登记失业率\t3.2%\t较上年下降0.5个百分点\n")
    _paste(at, text)
    rows = {r["name"]: r for _, r in _grid(at).iterrows()}
    assert rows["新增就业人数"]["target_2024"] == "较上年增长5%" and "≥10500人" in rows["新增就业人数"]["reason_target"]
    assert "≤2.7%" in rows["城镇登记失业率"]["reason_target"] and rows["新增就业人数"]["unit"] == "人"
    at.button(key="np_save").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    at.switch_page("pages/targets.py").run()
    assert not at.exception and not at.error
    shown = "\n".join(" ".join(at.dataframe[0].value.iloc[k].astype(str).tolist()) for k in range(2))
    assert "10500" in shown and "2.7" in shown, shown


def test_in_english_the_reasons_are_english(at: AppTest) -> None:
    at.sidebar.radio(key="lang").set_value("en").run()
    _paste(at, "项目支出绩效目标表（2024年度）\n一级指标\t二级指标\t三级指标\t2023年完成值\t2024年目标值\n"
               "产出指标\t数量指标\t新增就业人数\t10000人\t较上年增长5%\n")
    grid = _grid(at)
    row = grid.iloc[0]
    assert row["reason_kind"].startswith("Name contains") and row["reason_unit"] == "Target written “≥10500人”", dict(row)
    assert row["reason_target"].startswith("“较上年增长5%” from 2023's 10000人 comes to ≥10500人"), row["reason_target"]


def test_a_name_whose_bracket_explained_it_says_why_beside_it(at: AppTest) -> None:
    _paste(at, "项目绩效目标表（2022年度）\n三级指标\t指标值\n结余率(计算方法为:结余数/预算数)\t≤5%\n主体班培训人次\t280人次\n")
    rows = {r["name"]: r for _, r in _grid(at).iterrows()}
    assert "计算方法为:结余数/预算数" in rows["结余率"]["reason_name"] and rows["主体班培训人次"]["reason_name"] == ""
    shown = list(next(d for d in at.dataframe if "review" in d.value.columns).proto.column_order)
    assert shown[shown.index("name") + 1] == "reason_name", shown  # beside the name, as the other fields' reasons
    at.sidebar.radio(key="lang").set_value("en").run()
    row = next(r for _, r in _grid(at).iterrows() if r["name"] == "结余率")
    assert row["reason_name"].startswith("The bracket in the name explains it"), dict(row)


def test_a_file_with_several_forms_offers_each_form(at: AppTest) -> None:
    text = ("项目支出绩效目标表\n（2024年）\n"
            "项目名称 | 道路维修 |\n一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
            "产出指标 | 数量指标 | 维修道路长度 | ≥12公里 |\n满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |\n"
            "项目名称 | 路灯更换 |\n一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
            "产出指标 | 数量指标 | 更换路灯数量 | ≥300盏 |\n")
    _paste(at, text)
    box = next(s for s in at.selectbox if s.key and s.key.startswith("np_form_"))
    assert box.value == 0 and "读出 **3** 个指标" in _body(at)
    box.set_value(2).run()
    assert not at.exception and "读出 **1** 个指标" in _body(at)
    assert next(w for w in at.text_input if w.key and w.key.startswith("np_name_")).value == "路灯更换"
    at.button(key="np_save").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "已保存项目" in at.success[0].value and "路灯更换" in at.success[0].value


def test_two_projects_forms_pasted_one_cell_a_line_offer_each_project(at: AppTest) -> None:
    # 廊坊's 自评表 then 青山区's 绩效目标表 copied out of one PDF: two forms to choose from, not one project of 18 rows
    _paste(at, (ROOT / "tests" / "ingest" / "files" / "two_projects.cell_lines.txt").read_text(encoding="utf-8"))
    box = next(s for s in at.selectbox if s.key and s.key.startswith("np_form_"))
    assert box.options == ["全部 2 张（合并为一个项目）", "第 1 张：办公宿舍楼、食堂及餐厅暖通改造经费（9 个指标）",
                           "第 2 张：农村义务教育薄弱学校改造补助资金（9 个指标）"]
    assert not (_grid(at).astype(str) == "绩效目标表").any().any()  # the second form's title is no indicator
    box.set_value(2).run()
    assert not at.exception and "读出 **9** 个指标" in _body(at)
    assert next(w for w in at.text_input if w.key and w.key.startswith("np_name_")).value == "农村义务教育薄弱学校改造补助资金"


def test_a_template_never_filled_in_keeps_its_rows_to_fill_at_review(at: AppTest) -> None:
    text = ("2024年水利发展资金绩效目标表\n"
            "一级指标\t二级指标\t三级指标\t指标值\n"
            "产出指标\t数量指标\t新建堤防长度\t公里\n"
            "\t质量指标\t工程验收合格率\t≧ %\n")
    _paste(at, text)
    grid = _grid(at)
    assert list(grid["name"]) == ["新建堤防长度", "工程验收合格率"]
    assert list(grid["unit"]) == ["公里", "%"]
    assert list(grid["target_2024"]) == ["", ""] and all("目标" in r for r in grid["review"])
    _edit(at, 0, target_2024="≥12")
    at.button(key="np_save").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    at.switch_page("pages/targets.py").run()
    assert not at.exception and not at.error
    first = at.dataframe[0].value.iloc[0].astype(str).tolist()
    assert "≥12" in first, first


def test_a_text_out_of_order_asks_for_the_file_itself(at: AppTest) -> None:
    from tests.ingest.test_blocks import DISORDERED

    _paste(at, DISORDERED)
    assert any("行列顺序很可能在复制或转换时被打乱" in w.value for w in at.warning)
    _paste(at, (CORPUS / "ningde_rencaiyizhan_2023.tsv").read_text(encoding="utf-8"))
    assert not any("行列顺序" in w.value for w in at.warning)


def test_a_copy_cut_before_its_values_lists_its_names_and_says_why(at: AppTest) -> None:
    """Only names after the header (the copy stops at 指标值): the names are offered for review with
    their targets blank, and the page says the values were not in the copy."""
    from tests.ingest.test_names import CUT

    _paste(at, CUT)
    assert not at.exception
    assert any("只有指标名称，没有指标值" in w.value for w in at.warning)
    grid = _grid(at)
    assert "新建站点个数" in list(grid["name"])


def test_what_was_read_shows_the_baseline_and_the_actuals(at: AppTest) -> None:
    """② lists every value the table gave, not only its targets: last year's data (the baseline)
    and a 自评表's actual values, which are saved with the project."""
    _paste(at, "项目支出绩效自评表（2023年度）\n项目名称\t职业技能培训补贴\n"
               "一级指标\t二级指标\t三级指标\t2022年数据\t2023年目标值\t实际完成值\n"
               "产出指标\t数量指标\t培训人数\t480人\t≥500人\t520人\n")
    read = next(d.value for d in at.dataframe if "2023年目标" in d.value.columns)
    assert "2023年实际" in read.columns and "2022年数据（基数）" in read.columns, list(read.columns)
    row = read.iloc[0]
    assert row["2022年数据（基数）"] == "480人" and row["2023年实际"] == "520人"


def test_a_self_evaluation_brings_its_spending(at: AppTest) -> None:
    """A 自评表's 执行数 becomes the year's spending: said on saving, shown on 预算情景."""
    _paste(at, "项目支出绩效自评表（2024年度）\n项目名称\t职业技能培训补贴\n"
               "预算执行情况(万元) (20分)\t预算数(A)\t执行数(B)\t执行率(B/A)\t得分\n"
               "年度财政资金总额\t278.4449\t30.00\t10.77%\t2.16\n"
               "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
               "产出指标\t数量指标\t培训人数\t≥500人\t520人\t20\t20\n")
    assert "表中的预算执行数 30.00万元（执行率 10.8%），保存时作为 2024年12月 的支出导入" in _body(at)  # said before saving
    at.button(key="np_save").click().run()
    assert not at.error and "已保存项目" in at.success[0].value
    assert "表中的预算执行数已作为 2024年12月 的支出导入（30.00万元）。" in _body(at)
    at.switch_page("pages/budget.py").run()
    assert not at.exception
    cards = {m.label: m.value for m in at.metric}
    assert cards["年末执行率"] == "10.8%"  # 2024 is over at its December: the year-end, no projection
    at.switch_page("pages/overview.py").run()
    cards = {m.label: m.value for m in at.metric}  # 序时进度 from the project's execution target (100% by its end)
    assert (cards["累计执行率"], cards["序时进度"], cards["年度执行目标"]) == ("10.8%", "100.0%", "100%")


_NOTED_FORM = ("项目支出绩效自评表（2024年度）\n项目名称\t职业技能培训补贴\n{note}\n"
               "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
               "产出指标\t数量指标\t培训人数\t≥500人\t520人\t20\t20\n")  # a 自评表 with a note under its name


def test_a_form_marked_as_sample_data_is_saved_as_sample_data(at: AppTest) -> None:
    """A form this app printed from its sample (【示例数据】) read back: said before saving, and its
    values are 示例数据 on every page after — never the user's own."""
    _paste(at, _NOTED_FORM.format(note="【示例数据，非官方统计】"))
    assert "此表标有【示例数据】" in "\n".join(w.value for w in at.warning)
    at.button(key="np_save").click().run()
    assert not at.error and "已保存项目" in at.success[0].value
    assert "作为示例数据保存" in _body(at)
    at.switch_page("pages/overview.py").run()
    assert not at.exception
    assert any("示例数据" in str(c.value) for c in at.sidebar.caption)  # the badge and the banner
    assert any("当前显示的是**示例数据**" in i.value for i in at.info)


def test_a_form_whose_actuals_are_estimates_is_said_before_saving(at: AppTest) -> None:
    _paste(at, _NOTED_FORM.format(note="年中测算：截至2024年8月，实际完成值与全年执行数为按当前进度预计的年末值，得分为参考分。"))
    assert "只保存指标和目标" in "\n".join(w.value for w in at.warning)
    at.button(key="np_save").click().run()
    assert not at.error and "已保存项目" in at.success[0].value
    assert "未作为实际数据导入" in _body(at)


def test_the_tables_points_are_shown_corrected_and_saved(at: AppTest) -> None:
    """A 分值 column: each indicator's points in ② and in the review grid; a corrected one is saved
    and shown on 目标表."""
    _paste(at, "项目支出绩效自评表（2024年度）\n项目名称\t职业技能培训补贴\n"
               "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
               "产出指标\t数量指标\t培训人数\t≥500人\t520人\t20\t20\n"
               "产出指标\t质量指标\t培训合格率\t≥90%\t95%\t30\t30\n")
    read = next(d.value for d in at.dataframe if "2024年目标" in d.value.columns)
    assert read["分值"].tolist() == [20.0, 30.0]
    assert _grid(at)["points"].tolist() == [20.0, 30.0]
    _edit(at, 1, points=25)
    at.button(key="np_save").click().run()
    assert not at.error and "已保存项目" in at.success[0].value
    at.switch_page("pages/targets.py").run()
    assert not at.exception
    assert at.dataframe[0].value["分值"].tolist() == ["20.00分", "25.00分"]


def test_a_name_taken_from_the_title_or_the_file_is_said_beside_it(at: AppTest) -> None:
    """No 项目名称 in the table: the name its title gives is filled in and said to be taken from the
    title; with no title either, the field says to give the official name."""
    rows = "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t维修工程处数\t≥12处\n产出指标\t质量指标\t验收合格率\t100%\n"
    _paste(at, "某县2023年农村饮水安全维修养护项目绩效目标表\n" + rows)
    name = next(w for w in at.text_input if w.key and w.key.startswith("np_name_"))
    assert name.value == "农村饮水安全维修养护项目"
    assert "名称取自表格标题，请核对" in _body(at)
    _paste(at, rows)
    assert "名称取自表格标题" not in _body(at) and "暂以文件名命名，请改为项目的正式名称" in _body(at)


def test_saving_while_the_sidebar_offers_projects_goes_to_the_new_one(at: AppTest) -> None:
    text = (CORPUS / "yueyang_xian_nongtian_2022.txt").read_text(encoding="utf-8")
    _paste(at, text)
    at.button(key="np_save").click().run()
    first = at.session_state["project"]
    at.radio(key="np_kind").set_value("text").run()  # a second project: the sidebar now shows the switcher,
    next(w for w in at.text_area if w.key.startswith("np_text_")).input(text).run()  # drawn before the save runs
    next(w for w in at.text_input if w.key.startswith("np_id_")).input("second").run()
    assert at.sidebar.selectbox(key="project") is not None
    at.button(key="np_save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.session_state["project"] == "second" != first and "已保存项目" in at.success[0].value


def test_the_table_uploader_takes_a_file_as_large_as_a_data_file(at: AppTest) -> None:
    """The server takes uploads as large as a backup; a target table is held to the data files' 20 MB."""
    assert [u.proto.max_upload_size_mb for u in at.file_uploader] == [20]


def test_funding_read_from_a_letters_words_is_offered_with_where_it_came_from(at: AppTest) -> None:
    """The letter's 补助资金772万元 fills the funding grid, and a warning quotes its line to be checked."""
    _paste(at, "关于下达2024年就业补助资金项目绩效目标的通知\n各县（市、区）人力资源社会保障局：\n现下达你区补助资金772万元，请按照绩效目标组织实施。\n"
               "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人数\t≥1000人次\n产出指标\t质量指标\t培训合格率\t≥90%\n")
    warned = [w.value for w in at.warning if "请核对这是本项目的资金" in w.value]
    assert len(warned) == 1 and "补助资金772万元" in warned[0] and warned[0].startswith("L3")
