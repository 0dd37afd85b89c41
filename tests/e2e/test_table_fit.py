"""目标进展 and 年末预测 at 1440×900 as a desktop browser draws them, scrollbars showing: the
decision columns fit inside the table (no sideways scrolling, the last column whole) and no
cell's text is cut at the top or bottom of its row — a long reason wraps onto more lines.

Playwright's headless Chromium hides scrollbars by default; a manager's browser shows them (the
page's and the table's own), and they take width from the table. These tests show them.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_exception, full_page_screenshot, wait_idle

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
expect.set_options(timeout=30_000)

W, H = 1440, 900
#: Grid lines are light grey, text is dark: a pixel darker than INK is text.
GRID, INK = 235, 150


@pytest.fixture(scope="module")
def desktop_page(browser_type, browser_type_launch_args, browser_context_args):
    """A page in a Chromium that draws scrollbars, as on a manager's desktop."""
    browser = browser_type.launch(**browser_type_launch_args, ignore_default_args=["--hide-scrollbars"])
    context = browser.new_context(**{**browser_context_args, "viewport": {"width": W, "height": H}})
    try:
        yield context.new_page()
    finally:
        context.close()
        browser.close()


def _runs(flags: list[bool]) -> list[int]:
    """Where each run of True starts."""
    return [i for i, f in enumerate(flags) if f and (i == 0 or not flags[i - 1])]


def cut_cells(img: Image.Image) -> list[tuple[int, int]]:
    """(row, column) of the visible cells whose text touches their row's top or bottom line (the
    text runs past the row and is cut), read from a screenshot of the grid."""
    g = img.convert("L")
    w, h = g.size
    cols = _runs([g.getpixel((x, 4)) < GRID for x in range(w)]) + [w - 1]  # the header's column lines
    rows = _runs([all(g.getpixel((x, y)) < GRID for x in (3, 5, 7)) for y in range(h)])  # row lines, in the marker column
    out = []
    for r in range(1, len(rows) - 1):  # data rows (row 0 is the header)
        top, bottom = rows[r], rows[r + 1]
        for c in range(len(cols) - 1):
            left, right = cols[c] + 3, cols[c + 1] - 3
            if left < 40 or right <= left:  # the row-marker column
                continue
            if any(g.getpixel((x, y)) < INK for y in (top + 1, top + 2, bottom - 2, bottom - 1) for x in range(left, right)):
                out.append((r, c))
    return out


@pytest.mark.parametrize("when", ["as_of=2024-06", "as_of=2023-12&year=2023"], ids=["mid-year", "year-end"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", ["forecast", "goals"])
def test_decision_table_fits_1440_with_reasons_wrapped(desktop_page, st_url, path, lang, when):
    page = desktop_page
    page.goto(f"{st_url}/{path}?{when}&lang={lang}")
    grid = page.get_by_test_id("stDataFrame").first
    expect(grid).to_be_visible()
    wait_idle(page)
    assert_no_exception(page)
    page.wait_for_timeout(1000)  # the grid's canvas drawn
    scroll_w, client_w = grid.locator(".dvn-scroller").first.evaluate("e => [e.scrollWidth, e.clientWidth]")
    shot = grid.screenshot()
    full_page_screenshot(page, f"table_fit_{path}_{lang}_{when.split('&')[0]}_1440x900.png")
    assert scroll_w <= client_w, f"the columns run {scroll_w - client_w} px past the table's right edge"
    assert cut_cells(Image.open(io.BytesIO(shot))) == [], "cells whose text is cut at the row's edge (row, column)"
