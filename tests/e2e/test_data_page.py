"""数据管理 in a real browser (Debian Chromium via Playwright): a broken upload shows the located
error, a good upload shows the summary and imports, a grid cell is edited and saved. The server
runs on a temp PT_DATA_DIR (tests/e2e/conftest.py); every change made here is undone through
the page's own undo buttons, so the other browser tests see the shipped sample again."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_exception, edit_grid_cell, full_page_screenshot, wait_idle

pytestmark = pytest.mark.e2e
expect.set_options(timeout=30_000)

ROOT = Path(__file__).resolve().parents[2]


def open_data_page(page, st_url: str) -> None:
    page.goto(f"{st_url}/data")
    expect(page.get_by_role("heading", name="数据管理")).to_be_visible()
    wait_idle(page)
    assert_no_exception(page)


def open_tab(page, name: str):
    page.get_by_role("tab", name=name).click()
    wait_idle(page)
    return page.locator('[role="tabpanel"]:visible')


def undo_latest(page, what: str) -> None:
    """Undo asks first (with the number of values it changes); the page stays on 修改记录."""
    panel = open_tab(page, "修改记录")
    panel.get_by_role("button", name="撤销", exact=True).first.click()
    wait_idle(page)
    expect(page.get_by_text("确定撤销？").first).to_be_visible()
    page.get_by_role("button", name="确定撤销").click()
    wait_idle(page)
    expect(page.get_by_text(f"已撤销「{what}」").first).to_be_visible()
    expect(page.get_by_role("tab", name="修改记录")).to_have_attribute("aria-selected", "true")
    assert_no_exception(page)


def test_upload_broken_csv_shows_the_located_error(page, st_url):
    open_data_page(page, st_url)
    panel = open_tab(page, "导入文件")
    panel.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(ROOT / "tests/data/broken/negative_count.csv"))
    wait_idle(page)
    alert = page.locator('[data-testid="stAlertContentError"]').first
    expect(alert).to_contain_text("文件「negative_count.csv」有 1 处错误，未导入任何数据")
    expect(alert).to_contain_text("第 3 行「数值」列的值「-1」是负数")
    expect(page.get_by_role("button", name="确认导入")).to_have_count(0)
    assert_no_exception(page)
    full_page_screenshot(page, "data_upload_error.png")


def test_a_ledger_kept_a_month_a_row_is_checked_and_what_was_assumed_is_said(page, st_url, tmp_path):
    """A 台账 as kept in Excel: a title naming the year, 1月 … in a column, a column per indicator
    with its unit in brackets. It passes; the page says the year, the conversion and the 累计 it
    assumed. Not imported (the other browser tests read the sample)."""
    import openpyxl

    ledger = tmp_path / "就业监测台账.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2024年就业监测台账", None, None])
    ws.merge_cells("A1:C1")
    ws.append(["月份", "城镇新增就业人员规模（人）", "登记失业人员规模（万人）"])
    for month, (jobs, unemployed) in enumerate([(12000, 4.1), (25000, 4.0), (34000, 4.2)], start=1):
        ws.append([f"{month}月", jobs, unemployed])
    wb.save(ledger)
    open_data_page(page, st_url)
    panel = open_tab(page, "导入文件")
    panel.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(ledger))
    wait_idle(page)
    expect(page.get_by_text("检查通过：6 条实际数据").first).to_be_visible()
    body = page.locator("section.main, [data-testid='stMain']").first
    expect(body).to_contain_text("已按表格标题写明的 2024 年读取")
    expect(body).to_contain_text("1人 = 0.0001万人")
    expect(body).to_contain_text("没有「口径」一列")
    assert_no_exception(page)
    full_page_screenshot(page, "data_ledger_checked.png")


def test_upload_good_file_confirm_summary_then_undo(page, st_url, tmp_path):
    good = tmp_path / "本单位数据.csv"
    good.write_text("indicator_id,period,value,basis\nnew_urban_jobs,2024-08,8.6,ytd\nnew_urban_jobs,2023-01,0.6,ytd\n",
                    encoding="utf-8-sig")
    open_data_page(page, st_url)
    panel = open_tab(page, "导入文件")
    panel.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(good))
    wait_idle(page)
    expect(page.get_by_text("检查通过：2 条实际数据").first).to_be_visible()
    expect(page.get_by_text("导入后的变化").first).to_be_visible()
    page.get_by_text("预览读取到的数据").first.click()  # the rows as people read them: 指标 / 月份 / 原值 / 新值
    full_page_screenshot(page, "data_import_preview.png")
    added = page.get_by_test_id("stMetric").filter(has_text="新增")
    expect(added.first).to_contain_text("1")
    panel.get_by_text("保留示例数据").first.click()  # keep the sample (the other browser tests read it)
    wait_idle(page)
    page.get_by_role("button", name="确认导入").click()
    wait_idle(page)
    expect(page.get_by_text("已导入「本单位数据.csv」。新增 1 条，修改 1 条，未变 0 条，移除 0 条。").first).to_be_visible()
    expect(page.get_by_role("tab", name="导入文件")).to_have_attribute("aria-selected", "true")  # still on the tab used
    assert_no_exception(page)
    undo_latest(page, "本单位数据.csv")


def test_edit_a_cell_in_the_grid_and_save(page, st_url):
    open_data_page(page, st_url)
    grid = page.locator('[data-testid="stDataFrame"]').first
    cell = page.get_by_test_id("glide-cell-5-0")  # row 1 (城镇新增就业人员规模), column 3月
    expect(cell).to_have_text("2.8789")
    edit_grid_cell(page, grid, 1, 150, 4, "3", old="2.8789")  # the indicator cell → 口径 → 1月 → 2月 → 3月
    page.get_by_text("保留示例数据").first.click()  # keep the sample around the one edit
    wait_idle(page)
    page.get_by_role("button", name="保存").first.click()
    wait_idle(page)
    expect(page.get_by_text("已保存 1 个单元格").first).to_be_visible()
    expect(page.get_by_test_id("glide-cell-5-0")).to_have_text("3")
    assert_no_exception(page)
    full_page_screenshot(page, "data_page.png")
    # the saved value is what every page now computes on
    page.goto(f"{st_url}/indicator?indicator=new_urban_jobs&as_of=2024-03&year=2024")
    expect(page.get_by_role("heading", name="城镇新增就业人员规模")).to_be_visible()
    wait_idle(page)
    expect(page.get_by_test_id("stMetric").filter(has_text="实际（截至）").get_by_test_id("stMetricValue")).to_have_text("3.00万人")
    open_data_page(page, st_url)
    undo_latest(page, "表格编辑")
    page.goto(f"{st_url}/data")
    wait_idle(page)
    expect(page.get_by_test_id("glide-cell-5-0")).to_have_text("2.8789")
