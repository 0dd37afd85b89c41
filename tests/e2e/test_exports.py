"""Exports of the 会议汇报 page, downloaded through a real browser and opened: both official
forms (.xlsx, openpyxl), the deck (.pptx, python-pptx) and chart images (.png via Pillow, .svg)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_exception, pick_option, wait_idle

pytestmark = pytest.mark.e2e
expect.set_options(timeout=60_000)


def _open_exports(page, st_url: str, query: str = "") -> int:
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{st_url}/meeting{query}")
    wait_idle(page)
    expect(page.locator(".st-key-slide_nav")).to_be_visible()
    text = page.locator(".st-key-slide_nav").get_by_text(re.compile(r"第 \d+ / \d+ 页")).inner_text()
    n = int(re.findall(r"\d+", text)[1])
    page.locator(".st-key-slide_nav").get_by_text("导出").click()  # the exports are in a small menu (popover)
    expect(page.locator(".st-key-dl_forms button")).to_be_visible()
    assert_no_exception(page)
    return n


def _download(page, key: str) -> tuple[str, bytes]:
    with page.expect_download(timeout=90_000) as info:
        page.locator(f".st-key-{key} button").click()
    dl = info.value
    return dl.suggested_filename, Path(dl.path()).read_bytes()


def test_download_both_forms_and_open_them(page, st_url):
    import openpyxl

    _open_exports(page, st_url)
    name, data = _download(page, "dl_forms")
    assert name.endswith(".xlsx") and "绩效报表" in name
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["绩效运行监控表", "项目支出绩效自评表"]
    mon = wb["绩效运行监控表"]
    heads = [mon.cell(r, c).value for r in (3, 4) for c in range(1, mon.max_column + 1)]
    for h in ("一级指标", "三级指标", "年度指标值", "全年预计完成情况", "偏差原因分析", "经费保障", "完成目标可能性", "确定能", "备注"):
        assert h in heads
    names = [mon.cell(r, 3).value for r in range(5, mon.max_row + 1)]
    assert "城镇新增就业人员规模（万人）" in names and "开展补贴性职业技能培训人次（万）" in names
    assert mon.freeze_panes == "D5" and mon.page_setup.orientation == "landscape"
    se = wb["项目支出绩效自评表"]
    labels = {se.cell(r, 1).value: r for r in range(1, se.max_row + 1)}
    assert "总分" in labels and "自评等级" in labels
    total = [v for v in (se.cell(labels["总分"], c).value for c in range(2, se.max_column + 1)) if isinstance(v, (int, float))]
    assert 100 in total and any(0 < v <= 100 and v != 100 for v in total)
    grade = [se.cell(labels["自评等级"], c).value for c in range(2, se.max_column + 1)]
    assert any(g in ("优", "良", "中", "差") for g in grade)


@pytest.mark.parametrize("key, sheet", [("dl_monitoring", "绩效运行监控表"), ("dl_self_eval", "项目支出绩效自评表")])
def test_download_one_form(page, st_url, key, sheet):
    import openpyxl

    _open_exports(page, st_url)
    name, data = _download(page, key)
    assert name.startswith(sheet) and name.endswith(".xlsx")
    assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames == [sheet]


def test_download_deck_and_open_it(page, st_url):
    from pptx import Presentation

    n = _open_exports(page, st_url)
    name, data = _download(page, "dl_pptx")
    assert name.endswith(".pptx") and "会议汇报" in name
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) == n
    first = "\n".join(sh.text_frame.text for sh in prs.slides[0].shapes if sh.has_text_frame)
    assert "东莞市公共就业服务能力提升示范项目" in first and "示例数据" in first
    pictures = [sh for sh in prs.slides[1].shapes if sh.shape_type == 13]
    assert len(pictures) == 2


def _non_blank_png(data: bytes):
    from PIL import Image

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    img = Image.open(io.BytesIO(data)).convert("RGB")
    colours = img.getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 20
    return img


def test_download_chart_png_and_svg(page, st_url):
    _open_exports(page, st_url)
    name, data = _download(page, "dl_png")
    assert name.startswith("status_counts") and name.endswith(".png")
    img = _non_blank_png(data)
    assert img.width >= 900
    # another chart: an indicator
    pick_option(page, page.get_by_test_id("stPopoverBody").get_by_test_id("stSelectbox"), "城镇新增就业")
    name, data = _download(page, "dl_png")
    assert name.startswith("indicator_new_urban_jobs")
    _non_blank_png(data)
    name, data = _download(page, "dl_svg")
    svg = data.decode("utf-8")
    assert name.endswith(".svg") and "<svg" in svg and "累计值" in svg
