"""新建项目 in a real browser: upload a real table (an .xlsx with merged cells), correct a target in
the review grid, save, land on the new project (switcher and URL), see the corrected target on its
target table, then switch back to the default project. Its own server and store, so the other
browser tests keep a store with one project."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_exception, edit_grid_cell, full_page_screenshot, pick_option, streamlit_server, wait_idle

pytestmark = pytest.mark.e2e
expect.set_options(timeout=30_000)

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "tests" / "tables" / "generated" / "nanyue_fupin_2018.xlsx"
NAME = "2018年市级专项扶贫资金基础设施(人大代表扶贫基地)"
DONGGUAN = "东莞市公共就业服务能力提升示范项目"


@pytest.fixture(scope="module")
def np_url(tmp_path_factory):
    store_dir = tmp_path_factory.mktemp("np_store")
    with streamlit_server({"PT_DATA_DIR": str(store_dir)}, "streamlit_new_project.log") as url:
        yield url, store_dir


def _upload(page, url: str, path: Path) -> None:
    """新建项目 at 1440×900, the file put in its upload box, the page settled."""
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{url}/new_project")
    expect(page.get_by_role("heading", name="新建项目").first).to_be_visible()
    wait_idle(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    wait_idle(page)


def test_upload_correct_save_and_switch(page, np_url):
    url, store_dir = np_url
    _upload(page, url, TABLE)
    expect(page.get_by_text("读出 16 个指标").first).to_be_visible()
    assert_no_exception(page)

    # correct the first target: 10 columns right of 序号 (二级, name, 需核对, unit, reason, kind, reason, direction, reason, 2018)
    grid = page.get_by_test_id("stDataFrame").nth(2)
    grid.scroll_into_view_if_needed()
    edit_grid_cell(page, grid, 1, 20, 10, "≥25平方米", old=">=20平方米")  # from the 序号 cell
    page.get_by_role("button", name="保存为新项目").click()
    wait_idle(page)
    expect(page.get_by_text("已保存项目").first).to_be_visible()
    assert_no_exception(page)
    assert "project=" in page.url
    sidebar = page.get_by_test_id("stSidebar")
    picker = sidebar.get_by_test_id("stSelectbox").filter(has_text="项目").first
    expect(picker.get_by_role("combobox")).to_have_value(NAME)
    full_page_screenshot(page, "new_project_saved.png")

    # the store holds the correction, read as a threshold; the new project's pages are its own
    from analytics.storage.store import Store

    pid = page.url.split("project=")[1].split("&")[0]
    target = Store(store_dir).with_project(pid).project().indicators[0].targets[2018]
    assert (target.comparator, target.value) == (">=", 25.0)  # was ≥20平方米 in the table
    page.get_by_test_id("stSidebarNav").get_by_text("目标表").click()
    wait_idle(page)
    assert_no_exception(page)
    body = page.evaluate("() => document.body.innerText")
    assert NAME in body and DONGGUAN not in body and "示例数据" not in body

    # back to the default project through the switcher: its own data again, project= gone from the URL
    pick_option(page, sidebar.get_by_test_id("stSelectbox").filter(has_text="项目").first, "东莞")
    expect(page.get_by_text(DONGGUAN).first).to_be_visible()
    assert "project=" not in page.url
    assert_no_exception(page)


def test_a_saved_web_page_is_read(page, np_url):
    """A page saved from the browser as one file (.mht, GBK): the table beside the reading, its rows
    named by table and row."""
    url, _ = np_url
    mht = ROOT / "tests" / "tables" / "generated" / "ningde_rencaiyizhan_2023.mht"
    _upload(page, url, mht)
    expect(page.get_by_text("读出 5 个指标").first).to_be_visible()
    assert_no_exception(page)
    full_page_screenshot(page, "new_project_mht.png")


def test_a_text_out_of_order_asks_for_the_file_itself(page, np_url, tmp_path):
    """Text a PDF converter gave column after column: the page says the order was most likely lost
    and asks for the file itself, above the rows it could not read."""
    from tests.ingest.test_blocks import DISORDERED

    url, _ = np_url
    text = tmp_path / "pdf_copy.txt"
    text.write_text(DISORDERED, encoding="utf-8")
    _upload(page, url, text)
    expect(page.get_by_text("行列顺序很可能在复制或转换时被打乱").first).to_be_visible()
    expect(page.get_by_text("无法读取的行").first).to_be_visible()
    assert_no_exception(page)
    full_page_screenshot(page, "new_project_disordered.png")


def test_a_file_locked_with_a_password_says_how_to_unlock_it(page, np_url):
    """A workbook saved with a password to open it: the page says so and how to remove the password,
    with no reading and no save button."""
    url, _ = np_url
    locked = ROOT / "tests" / "ingest" / "files" / "password_abc123.xlsx"
    _upload(page, url, locked)
    expect(page.get_by_text("文件设有密码").first).to_be_visible()
    assert page.get_by_role("button", name="保存为新项目").count() == 0
    assert "损坏" not in page.evaluate("() => document.body.innerText")
    assert_no_exception(page)
    full_page_screenshot(page, "new_project_password.png")


def test_a_year_taken_from_the_file_name_is_said(page, np_url, tmp_path):
    """A table naming no year, in a file named as its title (2023年培训项目绩效目标表.xlsx): its targets
    are 2023's and the page says the year was taken from the file's name."""
    import openpyxl

    book = openpyxl.Workbook()
    for row in (["项目支出绩效目标表"], ["项目名称", "培训项目"], ["一级指标", "二级指标", "三级指标", "指标值"],
                ["产出指标", "数量指标", "培训人数", "≥500人"], ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"]):
        book.active.append(row)
    named = tmp_path / "2023年培训项目绩效目标表.xlsx"
    book.save(named)
    url, _ = np_url
    _upload(page, url, named)
    expect(page.get_by_text("按文件名取为 2023 年").first).to_be_visible()
    assert_no_exception(page)
    full_page_screenshot(page, "new_project_year_from_file.png")


def test_an_ofd_document_is_read(page, np_url):
    """A 批复 sent as an OFD 版式文件 (the seed's form, as a converter saves its PDF): offered by the upload
    box, read as the PDF it was saved from (all 40 indicators), its table shown beside the reading."""
    url, _ = np_url
    _upload(page, url, ROOT / "tests" / "tables" / "generated" / "seed_dongguan.ofd")
    expect(page.get_by_text("读出 40 个指标").first).to_be_visible()
    expect(page.get_by_role("button", name="保存为新项目")).to_have_count(1)
    assert_no_exception(page)
    full_page_screenshot(page, "new_project_ofd.png")


def test_a_scanned_table_is_read_by_ocr_and_marked_to_be_checked(page, np_url, tmp_path):
    """A printed table scanned to a PDF of pictures: read by OCR (when the machine has Tesseract),
    the page saying it is a scan whose every row is to be checked against the paper."""
    from analytics.ingest.tables.scan import ocr_available
    from bench.scans import scanned

    if not ocr_available():
        pytest.skip("no Tesseract with chi_sim (.ci/run installs it)")
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(scanned((ROOT / "tests" / "tables" / "generated" / "ningde_rencaiyizhan_2023.pdf").read_bytes()))
    url, _ = np_url
    _upload(page, url, scan)
    expect(page.get_by_text("这是扫描件").first).to_be_visible()
    expect(page.get_by_text("个需要核对").first).to_be_visible()
    assert_no_exception(page)
    full_page_screenshot(page, "new_project_scan.png")
