"""Every slide of 会议汇报 fits a 1920×1080 projector: walked one by one in Chinese and English, a
slide fails when the page is taller than 1080 px, when anything scrolls, or when a slide shows
what belongs to the presenter (the key hints, the export panel, configuration paths, command
lines). Screenshots: artifacts/screens/slide_fit_<lang>_NN.png."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS, assert_no_exception, wait_idle

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
expect.set_options(timeout=30_000)

# every element that can scroll, and how far: nothing may (the page, Streamlit's main pane, tables)
_OVERFLOW_JS = """() => {
  const out = [];
  for (const el of [document.documentElement, document.body, ...document.querySelectorAll('*')]) {
    const cs = getComputedStyle(el);
    const scrolls = el === document.documentElement || el === document.body || /(auto|scroll)/.test(cs.overflowY + cs.overflowX);
    if (!scrolls || el.clientHeight === 0) continue;
    if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
      out.push([el.getAttribute('data-testid') || el.tagName, el.scrollHeight, el.clientHeight, el.scrollWidth, el.clientWidth]);
  }
  return out;
}"""

_PRESENTER_ONLY = re.compile(r"python -m|\.yaml|PageDown / PageUp|\?slide=N|report_forms|Command line|命令行")


_POSITION = re.compile(r"(第 \d+ / \d+ 页|Slide \d+ of \d+)")


def _count(page) -> tuple[int, int]:
    nav = page.locator(".st-key-slide_nav")
    expect(nav).to_contain_text(_POSITION)  # the position shows once the rerun has drawn it (slow under load)
    i, n = re.findall(r"\d+", _POSITION.search(nav.inner_text()).group(0))
    return int(i), int(n)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_slide_fits_1920x1080(page, st_url, lang):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{st_url}/meeting?lang={lang}&slide=1")
    wait_idle(page)
    expect(page.locator(".st-key-slide_nav")).to_be_visible()
    _, n = _count(page)
    assert n >= 10
    for i in range(1, n + 1):
        page.goto(f"{st_url}/meeting?lang={lang}&slide={i}")
        wait_idle(page)
        expect(page.locator(".st-key-slide_nav")).to_be_visible()
        assert_no_exception(page)
        assert _count(page)[0] == i
        page.wait_for_timeout(300)  # charts settle
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"slide_fit_{lang}_{i:02d}.png"))
        overflow = page.evaluate(_OVERFLOW_JS)
        assert overflow == [], (i, overflow)
        nav = page.locator(".st-key-slide_nav").bounding_box()
        assert nav and nav["y"] + nav["height"] <= 1080, (i, nav)
        height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        assert height <= 1080, (i, height)
        shown = page.locator("[data-testid='stMain']").inner_text()
        assert not _PRESENTER_ONLY.search(shown), (i, _PRESENTER_ONLY.search(shown).group(0))
        assert page.get_by_test_id("stExpander").count() == 0  # the exports are behind the small menu


def test_exports_behind_the_small_menu(page, st_url):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{st_url}/meeting?slide=2")
    wait_idle(page)
    expect(page.get_by_role("button", name="演示文稿（PowerPoint）")).to_be_hidden()
    page.locator(".st-key-slide_nav").get_by_text("导出").click()
    expect(page.get_by_role("button", name="演示文稿（PowerPoint）")).to_be_visible()
    assert_no_exception(page)
