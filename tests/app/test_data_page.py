"""数据管理 page through Streamlit's AppTest: grid edits reach the overview, located errors for
broken uploads, stale edits, import → confirm → undo, roles and sign-in. Every test has its own
store (PT_DATA_DIR in a temp dir)."""

from __future__ import annotations

import re

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics.storage.access import add_user
from analytics.storage.store import Store, actual_key

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
BROKEN = ROOT / "tests" / "data" / "broken"
KEY_AUG = actual_key("new_urban_jobs", 2024, 8, "ytd")


@pytest.fixture()
def data_dir(tmp_path, monkeypatch) -> Path:
    d = tmp_path / "store"
    monkeypatch.setenv("PT_DATA_DIR", str(d))
    return d


def fresh(page: str | None = None, secrets: dict | None = None, user: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in (secrets or {}).items():
        at.secrets[k] = v
    if user is not None:
        at.user = user
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def count(at: AppTest, word: str) -> int:
    """The overview's count of a status (a value card, or a status chip linking into 目标进展)."""
    found = next((int(m.value) for m in at.metric if word in m.label), None)
    if found is not None:
        return found
    labels = [link.proto.label for link in at.get("page_link")]
    return next((int(re.findall(r"\d+", label)[-1]) for label in labels if word in label), 0)


def success_text(at: AppTest) -> str:
    return "\n".join(s.value for s in at.success)


def error_text(at: AppTest) -> str:
    """Error boxes as the user reads them (the Markdown escapes of file contents removed)."""
    return "\n".join(e.value for e in at.error).replace("\\", "")


def edit(at: AppTest, kind: str, rows: dict) -> AppTest:
    key = at.session_state[f"_grid_{kind}_key"]  # the page's documented test hook
    at.session_state[key] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    return at


def test_default_user_is_a_local_editor_without_sign_in(data_dir):
    at = fresh("pages/data.py")
    assert at.title[0].value == "数据管理"
    assert len(at.data_editor) == 3 and len(at.file_uploader) >= 1
    assert not any(b.key == "signout" for b in at.sidebar.button)
    assert Store(data_dir).is_sample() and "示例数据" in at.info[0].value


def test_grid_edit_is_saved_and_shows_in_the_overview(data_dir):
    at = fresh()
    done_before, on_track_before = count(at, "已完成"), count(at, "正常")
    at.switch_page("pages/data.py").run()
    at.checkbox(key="grid_keep_sample_actuals").check().run()  # keep the sample around the one edit
    edit(at, "actuals", {0: {"8月": 13.0}})  # 城镇新增就业人员规模, 2024-08 YTD: over the 12.4 target
    at.button(key="save_actuals").click().run()
    assert not at.exception
    assert "已保存 1 个单元格" in success_text(at)
    assert Store(data_dir).cell_versions([KEY_AUG])[KEY_AUG][1] == 13.0
    e = Store(data_dir).history("new_urban_jobs")[0]
    assert (e.who, e.source, e.new["value"]) == ("local", "grid", 13.0)
    at.switch_page("pages/overview.py").run()
    assert not at.exception
    # the indicator and the two-year total built on it are now achieved
    assert count(at, "已完成") > done_before and count(at, "正常") < on_track_before
    at.switch_page("pages/goals.py").run()
    table = at.dataframe[0].value
    row = table[table["三级指标"] == "城镇新增就业人员规模"].iloc[0]
    assert "13" in str(row["实际（截至）"]) and "已完成" in row["状态"]


def test_grid_error_is_located_and_nothing_saved(data_dir):
    at = fresh("pages/data.py")
    before = Store(data_dir).dump()
    edit(at, "actuals", {0: {"8月": -1.0}})
    at.button(key="save_actuals").click().run()
    text = error_text(at)
    assert "第 1 行「8月」列" in text and "负数" in text and "实际数据表格（2024年）" in text
    assert Store(data_dir).dump() == before


def test_spending_grid_edit(data_dir):
    at = fresh("pages/data.py")
    edit(at, "budget", {8: {"中央补助（万元）": 500.0}})
    at.button(key="save_budget").click().run()
    assert "已保存 1 个单元格" in success_text(at)
    assert Store(data_dir).load_dataset().budget.spent_in_year(2024, 9, "central") > 0


def test_stale_edit_is_refused_with_the_newer_value(data_dir):
    at = fresh("pages/data.py")  # the grid is read now …
    other = Store(data_dir)
    other.save_grid_edits({KEY_AUG: 9.1}, {KEY_AUG: other.cell_versions([KEY_AUG])[KEY_AUG][0]}, "王五")
    edit(at, "actuals", {0: {"8月": 13.0}})  # … and edited after someone else saved the cell
    at.button(key="save_actuals").click().run()
    text = error_text(at)
    assert "城镇新增就业人员规模 2024年8月" in text and "9.1" in text and "王五" in text
    assert Store(data_dir).cell_versions([KEY_AUG])[KEY_AUG][1] == 9.1
    assert any("重新载入" in b.label for b in at.button)


def test_upload_of_a_broken_file_shows_the_located_error(data_dir):
    at = fresh("pages/data.py")
    before = Store(data_dir).dump()
    f = BROKEN / "negative_count.csv"
    at.file_uploader[0].set_value((f.name, f.read_bytes(), "text/csv")).run()
    assert not at.exception
    text = error_text(at)
    assert "negative_count.csv" in text and "第 3 行" in text and "负数" in text and "未导入任何数据" in text
    problems = next(d.value for d in at.dataframe if "说明及改法" in d.value.columns)
    assert problems["行"].tolist() == [3] and problems["列"].tolist() == ["数值"]
    assert not any(b.key == "import_confirm" for b in at.button)
    assert Store(data_dir).dump() == before


def test_upload_confirm_summary_and_undo(data_dir):
    at = fresh("pages/data.py")
    csv = "indicator_id,period,value,basis\nnew_urban_jobs,2024-08,8.6,ytd\nnew_urban_jobs,2024-09,9.7,ytd\n"
    at.file_uploader[0].set_value(("mine.csv", csv.encode("utf-8"), "text/csv")).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["新增"], metrics["修改"], metrics["未变"]) == ("1", "1", "0")
    assert len(Store(data_dir).batches()) == 1  # the preview writes nothing
    preview = next(d.value for d in reversed(at.dataframe) if "指标" in d.value.columns and "原值" in d.value.columns)
    assert list(preview.columns) == ["指标", "月份", "原值", "新值"]
    assert preview.values.tolist() == [["城镇新增就业人员规模", "2024年8月", "8.50万人", "8.60万人"],
                                       ["城镇新增就业人员规模", "2024年9月", "—", "9.70万人"]]
    at.button(key="import_confirm").click().run()
    assert not at.exception
    assert "已导入「mine.csv」" in success_text(at) and "新增 1 条，修改 1 条" in success_text(at)
    s = Store(data_dir)
    batch = s.batches(kinds=["import"])[0]
    assert (batch.filename, batch.who) == ("mine.csv", "local")
    assert s.cell_versions([KEY_AUG])[KEY_AUG][1] == 8.6
    at.button(key=f"undo_{batch.batch_id}").click().run()
    assert not at.exception
    asks = [w.value for w in at.warning if "确定撤销" in w.value]  # undo asks first, with the count
    assert asks and f"将改动 {batch.added + batch.changed + batch.removed} 个数值" in asks[0], asks
    assert s.cell_versions([KEY_AUG])[KEY_AUG][1] == 8.6
    at.button(key=f"undo_yes_{batch.batch_id}").click().run()
    assert not at.exception
    assert "已撤销「mine.csv」" in success_text(at)
    assert s.cell_versions([KEY_AUG])[KEY_AUG][1] == pytest.approx(8.4998)
    assert s.cell_versions([actual_key("new_urban_jobs", 2024, 9, "ytd")])[actual_key("new_urban_jobs", 2024, 9, "ytd")] == (0, None)


def test_clearing_the_sample_removes_the_banner(data_dir):
    at = fresh("pages/data.py")
    at.button(key="clear_sample").click().run()
    assert not at.exception and "示例数据" in success_text(at)
    at.switch_page("pages/overview.py").run()
    assert not any("示例数据" in i.value for i in at.info)


def _users(tmp_path: Path) -> str:
    path = tmp_path / "users.toml"
    add_user(path, "vera", "viewer", "pw-vera-viewer")
    add_user(path, "edda", "editor", "pw-edda-editor")
    add_user(path, "adam", "admin", "pw-adam-admin1")
    return str(path)


def sign_in(at: AppTest, name: str, password: str) -> AppTest:
    assert at.title[0].value == "登录"
    at.text_input(key="signin_name").input(name)
    at.text_input(key="signin_password").input(password)
    at.button[0].click().run()
    return at


def test_viewer_sees_no_editing_controls(data_dir, tmp_path):
    at = fresh(secrets={"users_file": _users(tmp_path)})
    sign_in(at, "vera", "pw-vera-viewer")
    assert at.title[0].value == "总览"
    assert any("vera" in c.value and "查看者" in c.value for c in at.sidebar.caption)
    at.switch_page("pages/data.py").run()
    assert not at.exception and at.title[0].value == "数据管理"
    assert len(at.data_editor) == 0 and len(at.file_uploader) == 0
    assert not any(b.key and b.key.startswith(("save_", "import_confirm", "undo_", "clear_sample", "restore"))
                   for b in at.button)
    assert len(at.dataframe) >= 2  # the grids as read-only tables
    assert any("查看者" in i.value for i in at.info)


def test_wrong_password_and_sign_out(data_dir, tmp_path):
    at = fresh(secrets={"users_file": _users(tmp_path)})
    sign_in(at, "edda", "wrong")
    assert at.title[0].value == "登录" and "不正确" in error_text(at)
    time.sleep(1.05)  # the back-off after one failed try (1 s)
    at.text_input(key="signin_password").input("pw-edda-editor")
    at.button[0].click().run()
    at.switch_page("pages/data.py").run()
    assert len(at.data_editor) == 3
    at.sidebar.button(key="signout").click().run()
    assert at.title[0].value == "登录"


def test_admin_turns_on_presentation_mode(data_dir, tmp_path):
    secrets = {"users_file": _users(tmp_path)}
    at = fresh(secrets=secrets)
    assert at.title[0].value == "登录"  # nobody gets in without signing in
    sign_in(at, "adam", "pw-adam-admin1")
    at.switch_page("pages/data.py").run()
    at.toggle(key="presentation_mode").set_value(True).run()
    assert not at.exception
    assert Store(data_dir).get_setting("presentation_mode") == "on"
    guest = fresh(secrets=secrets)
    assert guest.title[0].value == "总览"  # viewing without signing in
    assert any("访客" in c.value for c in guest.sidebar.caption)
    guest.switch_page("pages/data.py").run()
    assert len(guest.data_editor) == 0 and len(guest.file_uploader) == 0
    editor = fresh(secrets=secrets)
    editor.sidebar.button(key="signin_open").click().run()
    sign_in(editor, "edda", "pw-edda-editor")
    editor.switch_page("pages/data.py").run()
    assert len(editor.data_editor) == 3
    assert not any(t.key == "presentation_mode" for t in editor.toggle)  # editors do not see the setting


OIDC = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "test-only",
                 "client_id": "id", "client_secret": "secret",
                 "server_metadata_url": "https://sso.example.gov.cn/.well-known/openid-configuration"},
        "access": {"editors": ["ann@example.gov.cn"]}}


def test_oidc_sign_in_and_roles(data_dir):
    out = fresh(secrets=OIDC, user={"is_logged_in": False})
    assert out.title[0].value == "登录" and any(b.key == "signin_oidc" for b in out.button)
    ann = fresh("pages/data.py", secrets=OIDC, user={"is_logged_in": True, "email": "ann@example.gov.cn", "name": "Ann"})
    assert len(ann.data_editor) == 3
    assert any("Ann" in c.value and "编辑者" in c.value for c in ann.sidebar.caption)
    bob = fresh("pages/data.py", secrets=OIDC, user={"is_logged_in": True, "email": "bob@else.cn", "name": "Bob"})
    assert len(bob.data_editor) == 0


def test_data_page_in_english(data_dir):
    at = fresh("pages/data.py")
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception and at.title[0].value == "Data management"
    assert "Indicator (unit)" in at.data_editor[0].value.columns
    # units as the other English pages name them: never the Chinese unit in an English grid
    labels = at.data_editor[0].value["Indicator (unit)"].tolist()
    assert any(label.endswith(" (10k persons)") for label in labels) and not any("万" in label for label in labels), labels
    spending = [c for c in at.data_editor[1].value.columns if c != "Month"]
    assert spending and all(c.endswith(" (10k yuan)") for c in spending), spending


def test_upload_of_a_filled_monitoring_form_imports_its_values(data_dir):
    """The 监控表 sent out and brought back filled: its 1-8月 values are shown and imported as any file's."""
    import io

    import openpyxl

    wb = openpyxl.Workbook()
    for row in (["项目绩效运行监控表（2024年度）"], ["项目名称", "东莞市公共就业服务能力提升示范项目"],
                ["一级指标", "二级指标", "三级指标", "年度指标值", "1-8月执行情况", "全年预计完成情况"],
                ["产出指标", "数量指标", "城镇新增就业人员规模（万人）", "12.4", "8.6", "12.6"],
                [None, None, "培训教材种数", "≥5种", "3种", "5种"]):
        wb.active.append(row)
    wb.active.merge_cells("A4:A5")
    buf = io.BytesIO()
    wb.save(buf)
    at = fresh("pages/data.py")
    at.file_uploader[0].set_value(("jiankong.xlsx", buf.getvalue(), "application/vnd.ms-excel")).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["新增"], metrics["修改"]) == ("0", "1")
    assert "检查通过：1 条实际数据（按填好的绩效监控表/自评表读取" in success_text(at)
    listed = "\n".join(m for d in at.dataframe if "说明及改法" in d.value.columns for m in d.value["说明及改法"])
    assert "按填好的绩效监控表/自评表读取" in listed and "培训教材种数" in listed
    at.button(key="import_confirm").click().run()
    assert not at.exception and "已导入「jiankong.xlsx」" in success_text(at)
    assert Store(data_dir).cell_versions([KEY_AUG])[KEY_AUG][1] == 8.6


def test_upload_of_a_filled_form_as_spending_imports_its_funds_block(data_dir, tmp_path, capsys):
    """The same 监控表 uploaded with 支出数据 chosen: what its funds block says was spent by source,
    year to date at August, is shown and imported."""
    from tests.own_forms import own_form

    out = own_form(tmp_path, capsys)
    at = fresh("pages/data.py")
    at.radio(key="import_kind").set_value("budget").run()
    at.file_uploader[0].set_value(("jiankong.xlsx", out.read_bytes(), "application/vnd.ms-excel")).run()
    assert not at.exception
    assert "检查通过：3 条支出数据（按填好的绩效监控表/自评表读取：资金表中按来源填写的执行数" in success_text(at), success_text(at)
    at.button(key="import_confirm").click().run()
    assert not at.exception and "已导入「jiankong.xlsx」" in success_text(at)
    assert Store(data_dir).load_dataset().budget.spent_by(2024, 8) == pytest.approx(29282.47)


def test_each_uploader_asks_for_its_own_size_limit(data_dir):
    """A data file up to 20 MB, a backup up to 512 MB (the server's limit): a large backup restores
    on the page, while a data file past its limit is refused before it is sent."""
    at = fresh("pages/data.py")
    limits = {u.key.split("_")[0]: u.proto.max_upload_size_mb for u in at.file_uploader}
    assert limits == {"upload": 20, "restore": 512}
    assert "512 MB" in " ".join(c.value for c in at.caption)
