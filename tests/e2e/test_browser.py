"""The app in a real browser (Debian Chromium via Playwright): every page at 1280×900 and 1920×1080."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_exception, cut_metric_values, full_page_screenshot, pick_option, wait_idle

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
expect.set_options(timeout=30_000)

PAGES = [("", "总览"), ("goals", "目标进展"), ("indicator", "城镇新增就业人员规模"), ("targets", "绩效目标表"), ("forecast", "年末预测"), ("budget", "预算情景")]


@pytest.mark.parametrize("size", [(1280, 900), (1920, 1080)], ids=["1280x900", "1920x1080"])
@pytest.mark.parametrize("path, heading", PAGES, ids=[p or "overview" for p, _ in PAGES])
def test_every_page_renders(page, st_url, path, heading, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(f"{st_url}/{path}")
    expect(page.get_by_role("heading", name=heading).first).to_be_visible()
    wait_idle(page)
    assert_no_exception(page)
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav.get_by_text("总览")).to_be_visible()
    assert page.get_by_text("Page not found").count() == 0
    for helper in ("common", "charts", "i18n", "app", "shell", "router", "errors", "markup", "ui"):
        assert nav.get_by_text(helper, exact=True).count() == 0
    if path in ("", "indicator", "forecast", "budget"):  # pages with value cards
        expect(page.get_by_test_id("stMetricValue").nth(3)).to_be_visible()
        wait_idle(page)
    assert cut_metric_values(page) == [], "value cards cut off"
    full_page_screenshot(page, f"{path or 'overview'}_{size[0]}x{size[1]}.png")


def test_overview_shows_chinese_figures(page, st_url):
    page.goto(st_url)
    expect(page.get_by_role("heading", name="总览")).to_be_visible()
    wait_idle(page)
    expect(page.get_by_text("示例数据").first).to_be_visible()
    expect(page.get_by_text("累计执行率").first).to_be_visible()
    expect(page.get_by_text("数据质量说明").first).to_be_visible()


def test_change_as_of_month(page, st_url):
    page.goto(st_url)
    wait_idle(page)
    pick_option(page, page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").first, "2024年3月")
    expect(page.get_by_text("截至 2024年3月").first).to_be_visible()
    assert "as_of=2024-03" in page.url
    assert_no_exception(page)


def test_open_goal_and_indicator(page, st_url):
    page.goto(f"{st_url}/goals?goal=1")
    expect(page.get_by_role("heading", name="目标进展")).to_be_visible()
    wait_idle(page)
    expect(page.get_by_text("实施“技能人才之都”深化工程").first).to_be_visible()
    page.goto(f"{st_url}/indicator?indicator=registered_unemployed&as_of=2024-06")
    expect(page.get_by_role("heading", name="登记失业人员规模")).to_be_visible()
    wait_idle(page)
    expect(page.get_by_text("越低越好").first).to_be_visible()
    assert_no_exception(page)
    full_page_screenshot(page, "indicator_registered_unemployed.png")


def test_download_goal_table_csv(page, st_url):
    page.goto(f"{st_url}/goals")
    expect(page.get_by_role("heading", name="目标进展")).to_be_visible()
    wait_idle(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="下载 CSV").click()
    data = open(info.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "三级指标" in text and "城镇新增就业人员规模" in text


def test_download_goal_table_xlsx(page, st_url):
    import openpyxl

    page.goto(f"{st_url}/goals")
    expect(page.get_by_role("heading", name="目标进展")).to_be_visible()
    wait_idle(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="下载 Excel").click()
    wb = openpyxl.load_workbook(io.BytesIO(open(info.value.path(), "rb").read()))
    ws = wb.active
    assert ws.freeze_panes == "A2"
    headers = [c.value for c in ws[1]]
    assert "三级指标" in headers and ws.max_row > 40


def test_english_switch(page, st_url):
    page.goto(f"{st_url}/?lang=en")
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    wait_idle(page)
    assert_no_exception(page)


@pytest.mark.parametrize("path", ["", "indicator", "forecast", "budget"], ids=["overview", "indicator", "forecast", "budget"])
def test_english_value_cards_are_not_cut(page, st_url, path):
    """English labels are longer ("● On track", "Very unlikely"): still whole at 1280 px."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{st_url}/{path}?lang=en")
    expect(page.get_by_test_id("stMetricValue").nth(3)).to_be_visible()
    wait_idle(page)
    assert_no_exception(page)
    assert cut_metric_values(page) == [], "value cards cut off"


def test_forecast_exports_carry_units_and_percentages(page, st_url):
    import csv

    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{st_url}/forecast")
    expect(page.get_by_role("heading", name="年末预测")).to_be_visible()
    wait_idle(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="下载 CSV").click()
    rows = list(csv.DictReader(io.StringIO(open(info.value.path(), "rb").read().decode("utf-8-sig"))))
    assert list(rows[0])[:8] == ["指标", "年度目标", "年末预计", "完成概率（%）", "完成可能性", "当前状态", "预计与目标差", "说明"]
    assert list(rows[0])[-1] == "指标编号"
    by_id = {r["指标编号"]: r for r in rows}
    assert by_id["new_urban_jobs"]["完成概率（%）"] == "78%" and by_id["new_urban_jobs"]["年末预计"].endswith("万人")
    assert by_id["budget_execution"]["尚需月均"].endswith("万元")
    assert not any(v in ("None", "nan") for r in rows for v in r.values())
