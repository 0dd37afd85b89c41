"""User text is text, in a real browser: Markdown/HTML payloads in every text field a user can fill
never render as markup and never make the browser fetch anything.

Payloads go into indicator names, a goal name, the project name, a funding source and a mapping
note (a custom target file), deviation causes and measures, scenario names (one of them deleted
while chosen, for the meeting's budget-slide warning), the note/source columns of an import and
the import's file name. Every page and every meeting slide is visited; the test fails on an
``<img>``/``<a>`` carrying a payload URL, a heading made from a payload, KaTeX, a coloured span or a
material icon from a payload, a JavaScript dialog, or any request to 127.0.0.1:9.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_exception, pick_option, streamlit_server, wait_idle

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
expect.set_options(timeout=30_000)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "projects" / "dongguan"
PAYLOADS = ["![x](http://127.0.0.1:9/x.png)", "[link](http://127.0.0.1:9)", "# heading", "$x^2$", ":red[red]",
            ":material/home:", "<img src=x onerror=alert(1)>"]
SETEXT = "setext line\n==="
FILE_NAME = ":red[red] ![x](x.png) [link](x) $x^2$ :material_home: <img src=x onerror=alert(1)> # heading.csv"
DELETED = "DEL ![x](http://127.0.0.1:9/d.png) :red[red]"
AUDIT_TAB = "修改记录"
BUDGET_SLIDE = "预算执行与情景"
BAD_REQUEST = re.compile(r"127\.0\.0\.1:9(?:/|$)")

# What a rendered payload looks like in the page (an escaped one is plain text).
_MARKUP_JS = r"""() => {
  const bad = [];
  const hit = s => /127\.0\.0\.1:9(\/|$)/.test(s || "");
  for (const el of document.querySelectorAll("img")) {
    const src = el.getAttribute("src") || "";
    if (hit(src) || src === "x" || src.endsWith("x.png")) bad.push("img " + src);
  }
  for (const el of document.querySelectorAll("a")) {
    const href = el.getAttribute("href") || "";
    if (hit(href) || href === "x" || el.textContent.trim() === "link") bad.push("a " + href);
  }
  for (const el of document.querySelectorAll("h1,h2,h3,h4,h5,h6")) {
    if (/^(heading|setext)/.test(el.textContent.trim())) bad.push(el.tagName + " " + el.textContent.trim());
  }
  if (document.querySelector(".katex, .katex-display, math")) bad.push("katex");
  for (const el of document.querySelectorAll(".stMarkdownColoredText, .stMarkdownColoredBackground, span[style*='color']")) {
    if (el.textContent.trim() === "red") bad.push("coloured span");
  }
  for (const el of document.querySelectorAll("[role='img'], [data-testid='stIconMaterial']")) {
    if (el.textContent.trim() === "home" || (el.getAttribute("aria-label") || "") === "home icon") bad.push("material icon home");
  }
  return bad;
}"""


def _targets(where: Path) -> tuple[Path, list[str]]:
    """A custom target folder: the sample's, with payloads in names, a goal, the project, a fund."""
    targets = where / "targets"
    shutil.copytree(SAMPLE, targets)
    with open(targets / "indicators.csv", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    for i, p in enumerate(PAYLOADS):
        rows[i]["name"] = rows[i]["name_raw"] = rows[i]["name_en"] = f"{p} n{i}"
    rows[0]["level2"] = ":red[red]"
    rows[1]["mapping_note"] = "[link](http://127.0.0.1:9)"
    with open(targets / "indicators.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    doc = yaml.safe_load((targets / "project.yaml").read_text(encoding="utf-8"))
    doc["name"] = doc["name_en"] = "[link](http://127.0.0.1:9) project"
    doc["goals"][0]["name"] = doc["goals"][0]["name_en"] = "# heading goal"
    doc["goals"][1]["name"] = doc["goals"][1]["name_en"] = "$x^2$ goal"
    doc["funding"]["sources"][2]["name"] = doc["funding"]["sources"][2]["name_en"] = ":material/home: fund"
    (targets / "project.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return targets, [r["id"] for r in rows[: len(PAYLOADS)]]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A server over a store full of payloads: (url, payload indicator ids)."""
    from analytics.storage.store import SeedSpec, Store, store_location

    base = tmp_path_factory.mktemp("payloads")
    targets, ids = _targets(base)
    env = {"PT_DATA_DIR": str(base / "data"), "PT_TARGETS": str(targets),
           "PT_ACTUALS": str(SAMPLE / "sample_actuals.csv"), "PT_BUDGET": str(SAMPLE / "sample_budget.csv")}
    loc = store_location(None, env)
    store = Store(loc.file, seed=SeedSpec(loc.seed.targets, loc.seed.actuals, loc.seed.budget))
    project = store.load_dataset().project
    for i, iid in enumerate(ids):
        ind = project.indicator(iid)
        store.set_action(ind.goal, iid, "funding", PAYLOADS[i], f"{PAYLOADS[(i + 1) % len(PAYLOADS)]}\n{SETEXT}", "tester", year=2024)
    for p in PAYLOADS[:3] + [DELETED]:
        store.save_scenario(p, {"name": p, "levers": {"pace": 1.2}}, "tester")
    # an import whose file name, notes and sources are payloads (through the CLI, like an office would)
    upload = base / FILE_NAME
    lines = ["indicator_id,period,value,basis,note,source"]
    lines += [f'{ids[0]},2024-08,9.5,ytd,"{PAYLOADS[k]}","{PAYLOADS[k + 1]}"'.replace('""', '"') for k in (0,)]
    lines += [f'registered_unemployed,2024-08,4.0,level,"{SETEXT}","{PAYLOADS[4]}"']
    upload.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "analytics", "import", str(upload), "--store", str(loc.file.parent), "--format", "json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    with streamlit_server(env, "streamlit_payloads.log") as url:
        yield url, ids


@pytest.fixture()
def watched(page):
    """The browser page, recording requests to the payload address and JavaScript dialogs."""
    requests: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if BAD_REQUEST.search(r.url) else None)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield page
    assert not requests, f"the browser fetched {requests}"
    assert not dialogs, f"a script ran: {dialogs}"


def check(page, shows: str | None = None) -> None:
    wait_idle(page)
    assert_no_exception(page)
    assert page.evaluate(_MARKUP_JS) == [], page.url
    if shows is not None:  # the payload is on the page, as text
        body = page.evaluate("() => document.body.innerText.replace(/\\u2060/g, '')")
        assert shows in body, f"{shows!r} not shown on {page.url}"


def _visit(page, url: str) -> None:
    page.goto(url)
    expect(page.get_by_test_id("stMainBlockContainer")).to_be_visible()
    expect(page.get_by_test_id("stHeading").first).to_be_visible()  # every page and slide has a title


def test_pages_show_payloads_as_text(watched, hostile):
    url, ids = hostile
    page = watched
    for path, shows in [("", "[link](http://127.0.0.1:9) project"), ("goals", None), ("goals?goal=1", "# heading goal"),
                        ("targets", ":material/home: fund"), ("budget", "$x^2$ goal"), ("data", None)]:
        _visit(page, f"{url}/{path}")
        check(page, shows)
    page.get_by_role("tab", name=AUDIT_TAB).click()  # the undo list names the imported file
    check(page, FILE_NAME)
    for i, iid in enumerate(ids):
        name = PAYLOADS[i].replace(" ", "")  # indicator names are shown without blanks
        _visit(page, f"{url}/indicator?indicator={iid}")
        check(page, name)
        _visit(page, f"{url}/forecast?indicator={iid}")
        check(page, name)


def test_meeting_slides_show_payloads_as_text(watched, hostile):
    url, _ = hostile
    page = watched
    _visit(page, f"{url}/meeting?slide=1")
    wait_idle(page)
    counter = page.get_by_text(re.compile(r"第 \d+ / \d+ 页")).first.inner_text()
    n = int(re.search(r"/ (\d+)", counter).group(1))
    seen = ""
    for i in range(1, n + 1):
        _visit(page, f"{url}/meeting?slide={i}")
        check(page)
        seen += page.evaluate("() => document.body.innerText.replace(/\\u2060/g, '')")
    for p in PAYLOADS + ["setext line"]:  # every payload reached some slide (names in goal tables, causes and measures)
        assert p in seen or p.replace(" ", "") in seen, p


def test_deleted_scenario_name_in_the_budget_slide_warning(watched, hostile):
    url, _ = hostile
    page = watched
    _visit(page, f"{url}/budget")
    wait_idle(page)
    box = page.locator(".st-key-scn_pick, [data-testid='stSelectbox']").filter(has_text="选择情景").first
    pick_option(page, box, "DEL")
    expect(box.get_by_role("combobox")).to_have_value(DELETED)
    page.get_by_role("button", name="载入").click()
    wait_idle(page)
    page.get_by_role("button", name="删除").click()
    wait_idle(page)
    check(page)
    page.get_by_test_id("stSidebarNav").get_by_text("会议汇报").click()  # same session: the choice is kept
    wait_idle(page)
    counter = page.locator(".st-key-slide_nav").get_by_text(re.compile(r"第 \d+ / \d+ 页")).inner_text()
    n = int(re.search(r"/ (\d+)", counter).group(1))
    title = page.locator(".st-key-slide_body").get_by_test_id("stHeading").first
    for _ in range(n):  # forward to the budget slide, found by its title (its number depends on the deck)
        if BUDGET_SLIDE in title.inner_text():
            break
        nxt = page.locator(".st-key-slide_next button")
        assert nxt.is_enabled(), f"no slide titled {BUDGET_SLIDE} in the deck"
        nxt.click()
        wait_idle(page)
    expect(title).to_contain_text(BUDGET_SLIDE)
    alert = page.locator(".st-key-slide_body").get_by_test_id("stAlert").filter(has_text="未找到所选的预算情景")
    expect(alert).to_be_visible()
    assert DELETED in alert.inner_text().replace("\u2060", "")  # the deleted name, as text
    check(page, DELETED)
