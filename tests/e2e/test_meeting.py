"""会议汇报 in a real browser at the projector's 1920×1080: walk the slides with the buttons and
the keys a presenter remote sends, the slide number in the URL, big type, no sidebar, every
slide on one screen, a full-page screenshot of every slide (artifacts/screens/meeting_slide_NN.png)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_exception, click_until_changed, full_page_screenshot, wait_idle

pytestmark = pytest.mark.e2e
expect.set_options(timeout=30_000)

PROJECT = "东莞市公共就业服务能力提升示范项目"


def _open(page, url: str) -> None:
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(url)
    wait_idle(page)
    expect(page.locator(".st-key-slide_nav")).to_be_visible()
    assert_no_exception(page)


def _count(page) -> tuple[int, int]:
    text = page.locator(".st-key-slide_nav").get_by_text(re.compile(r"第 \d+ / \d+ 页")).inner_text()
    i, n = re.findall(r"\d+", text)
    return int(i), int(n)


def _slide_in_url(page) -> int:
    m = re.search(r"[?&]slide=(\d+)", page.url)
    assert m, page.url
    return int(m.group(1))


def test_walk_with_buttons_and_keys(page, st_url):
    _open(page, f"{st_url}/meeting")
    expect(page.get_by_role("heading", name=PROJECT)).to_be_visible()
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    assert _count(page)[0] == 1 and _slide_in_url(page) == 1

    click_until_changed(page, page.locator(".st-key-slide_next button"), lambda: _slide_in_url(page) == 2)
    expect(page.get_by_role("heading", name="总体情况")).to_be_visible()
    expect(page.locator(".st-key-slide_nav")).to_contain_text("第 2 / ")  # the counter follows the slide
    assert _slide_in_url(page) == 2 and _count(page)[0] == 2

    click_until_changed(page, page.locator(".st-key-slide_prev button"), lambda: _slide_in_url(page) == 1)
    expect(page.get_by_role("heading", name=PROJECT)).to_be_visible()
    assert _slide_in_url(page) == 1

    # a presenter remote sends PageDown / PageUp (some send arrow keys)
    page.locator(".st-key-slide_body").click()
    page.keyboard.press("PageDown")
    wait_idle(page)
    expect(page.get_by_role("heading", name="总体情况")).to_be_visible()
    page.keyboard.press("ArrowRight")
    wait_idle(page)
    expect(page.get_by_role("heading", name=re.compile("^目标1"))).to_be_visible()
    assert _slide_in_url(page) == 3
    page.keyboard.press("PageUp")
    wait_idle(page)
    expect(page.get_by_role("heading", name="总体情况")).to_be_visible()
    page.keyboard.press("ArrowLeft")
    wait_idle(page)
    expect(page.get_by_role("heading", name=PROJECT)).to_be_visible()

    # the buttons are reachable with Tab and pressed with Enter
    page.locator(".st-key-slide_next button").focus()
    page.keyboard.press("Enter")
    wait_idle(page)
    expect(page.get_by_role("heading", name="总体情况")).to_be_visible()
    assert_no_exception(page)


def test_slide_from_url_and_leaving(page, st_url):
    _open(page, f"{st_url}/meeting?slide=3")
    expect(page.get_by_role("heading", name=re.compile("^目标1"))).to_be_visible()
    page.get_by_text("退出演示").click()
    wait_idle(page)
    expect(page.get_by_role("heading", name="总览")).to_be_visible()
    expect(page.get_by_test_id("stSidebar")).to_be_visible()  # the hiding CSS belongs to the meeting page only


def test_every_slide_fits_the_projector_and_reads_big(page, st_url):
    _open(page, f"{st_url}/meeting")
    _, n = _count(page)
    assert n >= 10
    for i in range(1, n + 1):
        _open(page, f"{st_url}/meeting?slide={i}")
        expect(page.locator(".st-key-slide_nav")).to_contain_text(f"第 {i} / ")
        assert _count(page)[0] == i
        h1 = page.locator("h1").first
        expect(h1).to_be_visible()
        size = float(h1.evaluate("e => getComputedStyle(e).fontSize").rstrip("px"))
        assert size >= 44, (i, size)
        cells = page.locator(".st-key-slide_body table td")
        if cells.count():
            assert float(cells.first.evaluate("e => getComputedStyle(e).fontSize").rstrip("px")) >= 22
        text = page.locator(".st-key-slide_body [data-testid='stMarkdownContainer'] p").first
        if text.count():
            assert float(text.evaluate("e => getComputedStyle(e).fontSize").rstrip("px")) >= 20
        # the whole slide and its navigation are on one 1080-pixel screen (no scrolling at the meeting)
        nav = page.locator(".st-key-slide_nav").bounding_box()
        assert nav and nav["y"] + nav["height"] <= 1080, (i, nav)
        body = page.locator(".st-key-slide_body").bounding_box()
        assert body and body["x"] + body["width"] <= 1920
        assert page.locator("text=/[\u4e00-\u9fff]/").count() > 0
        full_page_screenshot(page, f"meeting_slide_{i:02d}.png")


def test_english_slides(page, st_url):
    _open(page, f"{st_url}/meeting?lang=en&slide=2")
    expect(page.get_by_role("heading", name="Overall status")).to_be_visible()
    expect(page.locator(".st-key-slide_next button")).to_contain_text("Next")
    full_page_screenshot(page, "meeting_slide_02_en.png")
