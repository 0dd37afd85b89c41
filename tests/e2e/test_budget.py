"""预算情景 in a real browser: move the pace lever, see the projection and the score change."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_exception, full_page_screenshot, wait_idle

pytestmark = pytest.mark.e2e


def _metric(page, label: str) -> str:
    box = page.get_by_test_id("stMetric").filter(has_text=label).first
    return box.get_by_test_id("stMetricValue").inner_text()


def test_move_lever_changes_projection_and_score(page, st_url):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{st_url}/budget")
    expect(page.get_by_role("heading", name="预算情景")).to_be_visible()
    wait_idle(page)
    before_rate, before_score = _metric(page, "年末预计执行率"), _metric(page, "绩效自评预计得分")
    slider = page.get_by_role("slider").first
    box = slider.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 120, box["y"] + box["height"] / 2, steps=8)
    page.mouse.up()
    wait_idle(page)
    expect(page.get_by_test_id("stMetric").filter(has_text="年末预计执行率").get_by_test_id("stMetricValue")).not_to_have_text(before_rate, timeout=30_000)
    after_rate, after_score = _metric(page, "年末预计执行率"), _metric(page, "绩效自评预计得分")
    assert float(after_rate.rstrip("%")) > float(before_rate.rstrip("%"))
    assert float(after_score) >= float(before_score)
    assert_no_exception(page)
    full_page_screenshot(page, "budget_1920x1080.png")
