"""Real-browser fixtures: start `streamlit run app.py` on a free port, drive Debian's Chromium.

Outside CI a missing browser skips the suite (with the reason); with CI=true it fails.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "screens"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--disable-quic"]


def _browser_available() -> bool:
    return Path(CHROMIUM).exists()


def pytest_collection_modifyitems(config, items):
    if _browser_available():
        return
    if os.environ.get("CI", "").lower() == "true":
        return  # the browser fixture will fail loudly
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}: apt-get install chromium fonts-noto-cjk to run the browser suite")
    for item in items:
        if "e2e" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not _browser_available():
        pytest.fail(f"CI=true but Chromium is missing at {CHROMIUM}; .ci/run installs it with apt-get")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROME_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}, "locale": "zh-CN", "accept_downloads": True}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(env: dict[str, str], log_name: str = "streamlit.log") -> Iterator[str]:
    """``streamlit run app.py`` on a free port with ``env`` added; yields the base URL."""
    port = _free_port()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = open(ROOT / "artifacts" / log_name, "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless=true", "--server.address=127.0.0.1",
         f"--server.port={port}", "--browser.gatherUsageStats=false", "--server.fileWatcherType=none", "--server.runOnSave=false"],
        cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **env},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail(f"streamlit did not start; see artifacts/{log_name}")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def st_url(tmp_path_factory):
    with streamlit_server({"PT_DATA_DIR": str(tmp_path_factory.mktemp("e2e_store"))}) as url:  # never the developer's var/
        yield url


def wait_idle(page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=30_000)
    page.wait_for_timeout(300)


def click_until_changed(page, button, changed, attempts: int = 4) -> None:
    """Click ``button`` until ``changed()`` holds: a click that lands while the page is still
    re-rendering from the last one can be lost under load, and only then is it clicked again (a
    click that took effect is never repeated). Each click is given up to 10 s to show (a machine
    running other suites beside this one redraws slowly)."""
    for _ in range(attempts):
        button.click()
        wait_idle(page)
        for _ in range(20):
            if changed():
                return
            page.wait_for_timeout(500)
    assert changed(), "the click did not take effect"


def pick_option(page, box, text: str) -> None:
    """Open a select box, type to filter it, wait until the list holds only options showing the
    text, then press Enter (the first of them is the highlighted one).

    Pressing Enter before the list is filtered picks whatever row was first; clicking the row can
    miss while the list re-renders under the pointer."""
    field = box.get_by_role("combobox")
    typed = field.count() > 0  # a text field that shows the chosen option once picked
    field = field.first if typed else box
    options = page.get_by_role("option")
    for attempt in range(3):  # a click while the page is still settling can leave the list closed
        field.click()
        page.keyboard.type(text)
        try:
            expect(options.filter(has_text=text).first).to_be_visible(timeout=5_000)
            expect(options.filter(has_not_text=text)).to_have_count(0, timeout=5_000)
            want = options.filter(has_text=text).first.inner_text(timeout=5_000).strip()
        except (AssertionError, PlaywrightTimeout):  # the list closed under a rerun between the two looks
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
            wait_idle(page)
            continue
        page.keyboard.press("Enter")
        wait_idle(page)
        # a rerun that closes the list under the key leaves only the typed filter in the field: pick again
        if not typed or attempt == 2 or field.input_value().strip() == want:
            return
        page.keyboard.press("Escape")
        wait_idle(page)


def edit_grid_cell(page, grid, row: int, x: float, right: int, value: str, old: str | None = None) -> None:
    """Type ``value`` into an editable grid (a canvas): click the cell ``x`` px into data row ``row``
    (1-based), move ``right`` cells with the arrow keys, open the editor with Enter, fill, Enter.

    Under load an arrow key can be lost before the grid has the focus; with ``old`` (the cell's
    text) the opened editor must show it, else the editor is closed and the walk is done again."""
    editor = page.locator("input.gdg-input, textarea.gdg-input").first
    for attempt in range(3):
        box = grid.bounding_box()
        page.mouse.click(box["x"] + x, box["y"] + 35 * row + 17)
        page.wait_for_timeout(300)  # the grid takes the focus
        for _ in range(right):
            page.keyboard.press("ArrowRight")
            page.wait_for_timeout(50)
        page.keyboard.press("Enter")
        expect(editor).to_be_visible()
        if old is None or editor.input_value() == old:
            break
        page.keyboard.press("Escape")
        page.wait_for_timeout(300)
        if attempt == 2:
            expect(editor).to_have_value(old)
    editor.fill(value)
    page.keyboard.press("Enter")
    wait_idle(page)


def full_page_screenshot(page, name: str) -> Path:
    """Streamlit scrolls an inner container; unlock it so the screenshot has the whole page."""
    page.add_style_tag(content='[data-testid="stAppViewContainer"], [data-testid="stMain"], section.main {overflow: visible !important; height: auto !important;} html, body, #root, .stApp {height: auto !important; overflow: visible !important;}')
    page.wait_for_timeout(300)
    out = ARTIFACTS / name
    page.screenshot(path=str(out), full_page=True)
    return out


def assert_no_exception(page) -> None:
    """No exception box, and no page-error box of the app's error boundary (pages/ui/errors.py)."""
    assert page.locator('[data-testid="stException"]').count() == 0, page.locator('[data-testid="stException"]').first.inner_text()
    assert page.locator(".st-key-page_error").count() == 0, page.locator(".st-key-page_error").first.inner_text()


_CUT_METRICS_JS = """() => Array.from(document.querySelectorAll('[data-testid="stMetricValue"]')).filter(el =>
  [el, ...el.querySelectorAll('*')].some(x => x.clientWidth > 0 && x.scrollWidth > x.clientWidth + 1)).map(el => el.innerText)"""


def cut_metric_values(page) -> list[str]:
    """Texts of value cards (st.metric) whose value is cut off (shown with an ellipsis)."""
    return page.evaluate(_CUT_METRICS_JS)
