"""会议汇报 page, headless (AppTest): every slide renders, next/previous move the slide and the
URL, the slide comes from ``?slide=N``, the sidebar is hidden, the export buttons are there."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics.reports import report

pytestmark = pytest.mark.slow  # AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGE = "pages/meeting.py"


def meeting(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def slide_no(at: AppTest) -> int:
    v = at.query_params["slide"]
    return int(v[0] if isinstance(v, list) else v)


def _keys() -> list[str]:
    from analytics.storage.dataset import load_dataset

    return [s.key for s in report.slides(report.build_context(load_dataset(), (2024, 8)))]


@pytest.fixture(scope="module")
def n_slides():
    return len(_keys())


def slide_of(key: str) -> int:
    """The number of the slide with ``key`` (the split goals and notes change the count)."""
    return _keys().index(key) + 1


def test_opens_on_the_title_slide():
    at = meeting()
    assert slide_no(at) == 1
    assert at.title[0].value == "东莞市公共就业服务能力提升示范项目"
    body = "\n".join(m.value for m in at.markdown)
    assert "2024年8月" in body and "示例数据" in body and "绩效目标执行情况汇报" in body
    assert at.button(key="slide_prev").disabled and not at.button(key="slide_next").disabled


def test_every_slide_renders(n_slides):
    at = meeting(slide="1")
    titles = []
    for i in range(1, n_slides + 1):
        if i > 1:
            at.button(key="slide_next").click().run()
        assert not at.exception, (i, [e.value for e in at.exception])
        assert slide_no(at) == i
        titles.append(at.title[0].value)
        assert any(f"第 {i} / {n_slides} 页" in m.value for m in at.markdown)
    assert titles[1] == "总体情况"
    assert titles[2].startswith("目标1") and any(t.startswith("目标5") for t in titles)
    assert titles[-5:] == ["主要风险：最可能完不成的指标", "预算执行与情景", "数据质量说明（1/2）", "数据质量说明（2/2）", "偏差原因与改进措施"]
    assert at.button(key="slide_next").disabled


def test_next_and_previous_change_slide_and_url():
    at = meeting()
    at.button(key="slide_next").click().run()
    assert slide_no(at) == 2 and at.title[0].value == "总体情况"
    assert len(at.metric) == 5 and len(at.get("vega_lite_chart")) == 2
    at.button(key="slide_next").click().run()
    assert slide_no(at) == 3 and at.title[0].value.startswith("目标1")
    assert at.table and "完成可能性" in at.table[0].value.columns
    at.button(key="slide_prev").click().run()
    assert slide_no(at) == 2
    # the hidden arrow-key buttons do the same
    at.button(key="slide_next_arrow").click().run()
    assert slide_no(at) == 3
    at.button(key="slide_prev_arrow").click().run()
    assert slide_no(at) == 2


def test_slide_from_the_url(n_slides):
    at = meeting(slide="3")
    assert at.title[0].value.startswith("目标1")
    at = meeting(slide="999")
    assert slide_no(at) == n_slides and at.title[0].value == "偏差原因与改进措施"
    at = meeting(slide="abc")
    assert slide_no(at) == 1


def test_budget_and_risk_slides(n_slides):
    at = meeting(slide=str(slide_of("budget")))
    assert at.title[0].value == "预算执行与情景"
    assert [m.label for m in at.metric][:2] == ["累计执行率", "年度执行目标"]
    assert "中央补助" in at.table[0].value.iloc[:, 0].tolist()
    assert any("基线" in m.value for m in at.markdown)
    at = meeting(slide=str(slide_of("risks")))
    assert "每月需完成" in at.table[0].value.columns


def test_chosen_scenario_that_no_longer_exists():
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.session_state["scenario_pick"] = "已删除的情景"
    at.switch_page(PAGE).run()
    at.query_params["slide"] = str(slide_of("budget"))
    at.run()
    assert not at.exception
    assert any("已删除的情景" in w.value for w in at.warning)


def test_sidebar_hidden_by_static_css():
    at = meeting()
    html = [h.proto.body for h in at.get("html")]
    assert html and '[data-testid="stSidebar"]' in html[0] and "display: none" in html[0]
    assert "<script" not in html[0]


def test_export_buttons_present():
    at = meeting()
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels == ["下载两张报表（Excel）", "绩效运行监控表（Excel）", "项目支出绩效自评表（Excel）", "演示文稿（PowerPoint）", "绩效运行监控报告（Word）",
                      "下载图表 PNG", "下载图表 SVG"]
    assert at.selectbox(key="meet_chart").value == "status_counts"
    at.selectbox(key="meet_chart").set_value("indicator:new_urban_jobs").run()
    assert not at.exception


def test_english():
    at = meeting(lang="en", slide="2")
    assert at.title[0].value == "Overall status"
    assert at.button(key="slide_next").label == "Next"
    assert "Both forms (Excel)" in [d.proto.label for d in at.get("download_button")]


def test_actions_from_the_data_store(tmp_path, monkeypatch, n_slides):
    """Causes and measures entered on the 数据管理 page (the store) show on the last slide."""
    monkeypatch.setenv("PT_DATA_DIR", str(tmp_path))
    store_mod = pytest.importorskip("analytics.storage.store")
    if not hasattr(store_mod.Store, "set_action"):
        pytest.skip("this store has no actions")
    at = meeting(slide=str(n_slides))  # seeds the store in tmp_path
    from pages.ui.common import store

    store().set_action(1, "vocational_training", "funding", "补贴资金拨付滞后", "9月底前拨付", "tester", year=2024)
    at = meeting(slide=str(n_slides))
    df = at.table[0].value
    assert "补贴资金拨付滞后" in df.to_string() and "经费保障" in df.to_string()


def test_no_presenter_text_on_the_slide_and_exports_in_a_menu():
    """No key hints, configuration paths or command lines on a slide; the exports sit in a small
    menu (a popover) of the navigation row."""
    at = meeting(slide="2")
    shown = "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])
    assert "PageDown / PageUp" not in shown and "python -m" not in shown and ".yaml" not in shown
    assert not at.expander
    assert any(m.help and "PageDown" in m.help for m in at.markdown)  # the keys: in the counter's tooltip


def test_pptx_tables_fit_above_the_footnote_in_16pt():
    """Every table of the deck ends above the footnote line and none of its text is under 16 pt."""
    import io

    from pptx import Presentation
    from pptx.util import Inches, Pt

    from analytics.storage.dataset import load_dataset

    for lang in ("zh", "en"):
        ctx = report.build_context(load_dataset(), (2024, 8), lang=lang)
        prs = Presentation(io.BytesIO(report.pptx_bytes(ctx)))
        for k, slide in enumerate(prs.slides, start=1):
            for shape in slide.shapes:
                if not shape.has_table:
                    continue
                assert shape.top + shape.height <= Inches(6.9), (lang, k, (shape.top + shape.height) / 914400)
                sizes = [r.font.size for row in shape.table.rows for cell in row.cells for p in cell.text_frame.paragraphs for r in p.runs]
                assert sizes and min(sizes) >= Pt(16), (lang, k)


def test_derived_year_target_reads_without_a_formula():
    from analytics.storage.dataset import load_dataset

    deck = report.slides(report.build_context(load_dataset(), (2024, 8)))
    cells = [c for s in deck for row in s.table for c in row]
    assert "2.6万人以上（两年合计），2024年还需1.24万人" in cells
    assert not any("−" in c for c in cells)
    actions = next(s for s in deck if s.key == "actions")
    assert any("指标详情" in b for b in actions.bullets + actions.notes)


def test_chart_labels_are_never_cut():
    """Long goal names on the slides' charts are shown whole (Vega's labelLimit 0), never with "…"."""
    from analytics.storage.dataset import load_dataset

    ctx = report.build_context(load_dataset(), (2024, 8))
    spec = report.chart_spec(ctx, "goal_scores", font_scale=1.6)
    assert spec["config"]["axis"]["labelLimit"] == 0
