"""指标详情 in a real browser: a qualitative indicator's check-in recorded (pick the month, the
result, a note, save) changes its status and shows under 原始数据. Its own server and store (池州
委托业务 2022, a 自评表 whose qualitative rows read 达成 in December)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from analytics.cli.main import main
from tests.e2e.conftest import assert_no_exception, full_page_screenshot, streamlit_server, wait_idle

pytestmark = pytest.mark.e2e
expect.set_options(timeout=30_000)

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "tests" / "tables" / "corpus" / "chizhou_weituo_ziping_2022.tsv"


@pytest.fixture(scope="module")
def ck_url(tmp_path_factory):
    store_dir = tmp_path_factory.mktemp("ck_store")
    assert main(["new-project", str(TABLE), "--store", str(store_dir), "--id", "cz"]) == 0
    with streamlit_server({"PT_DATA_DIR": str(store_dir)}, "streamlit_checkin.log") as url:
        yield url


def test_a_check_in_changes_the_status_and_is_listed(page, ck_url):
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{ck_url}/indicator?project=cz&indicator=t03")
    wait_idle(page)
    expect(page.get_by_role("heading", name="经费支出合规性").first).to_be_visible()
    status = page.get_by_test_id("stMetric").filter(has_text="状态").first
    expect(status).to_contain_text("已完成")  # December's 达成 from the table

    box = page.get_by_test_id("stExpander").filter(has_text="记录评价").first
    expect(box.get_by_test_id("stSelectbox").first.get_by_role("combobox")).to_have_value("2022年12月")  # the latest month
    box.get_by_text("未达成", exact=True).click()
    wait_idle(page)
    note = box.get_by_label("说明（可选）").last
    note.fill("合规检查发现两笔报销凭证不全，正在整改")
    note.press("Enter")
    wait_idle(page)
    box.get_by_role("button", name="保存评价").click()
    wait_idle(page)
    expect(page.get_by_text("已保存2022年12月的评价：未达成。").first).to_be_visible()
    assert_no_exception(page)
    expect(page.get_by_test_id("stMetric").filter(has_text="状态").first).to_contain_text("未完成")
    expect(page.get_by_test_id("stMetric").filter(has_text="全年结果").first).to_contain_text("未达到目标")
    raw = page.get_by_test_id("stExpander").filter(has_text="原始数据").first
    expect(raw.get_by_test_id("stDataFrame")).to_be_visible()
    full_page_screenshot(page, "checkin_saved.png")
