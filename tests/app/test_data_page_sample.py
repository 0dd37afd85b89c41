"""数据管理 and the sample: before the first real import is confirmed the page says how many
示例数据 values will be removed, keeping them is an explicit choice, and one undo brings them
back. Restore keeps the settings unless an admin asks. (AppTest; every test has its own store.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics.storage.store import Store

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
CSV = "indicator_id,period,value,basis\nnew_urban_jobs,2024-09,9.7,ytd\n"

pytestmark = pytest.mark.slow


@pytest.fixture()
def data_dir(tmp_path, monkeypatch) -> Path:
    d = tmp_path / "store"
    monkeypatch.setenv("PT_DATA_DIR", str(d))
    return d


def data_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/data.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_first_import_says_how_many_sample_values_go_and_undo_brings_them_back(data_dir):
    at = data_page()
    n = Store(data_dir).sample_count()
    at.file_uploader[0].set_value(("mine.csv", CSV.encode("utf-8"), "text/csv")).run()
    assert not at.exception
    warning = "\n".join(w.value for w in at.warning)
    assert f"移除剩余的 {n} 条示例数据" in warning
    at.button(key="import_confirm").click().run()
    assert not at.exception
    s = Store(data_dir)
    assert s.sample_count() == 0
    batch = s.batches(kinds=["import"])[0]
    at.button(key=f"undo_{batch.batch_id}").click().run()
    at.button(key=f"undo_yes_{batch.batch_id}").click().run()  # undo asks first
    assert not at.exception and s.sample_count() == n


def test_keeping_the_sample_is_an_explicit_choice(data_dir):
    at = data_page()
    n = Store(data_dir).sample_count()
    at.file_uploader[0].set_value(("mine.csv", CSV.encode("utf-8"), "text/csv")).run()
    assert any("移除" in w.value for w in at.warning)
    at.checkbox(key="import_keep_sample").check().run()
    assert not any("示例数据" in w.value and "移除" in w.value for w in at.warning)
    at.button(key="import_confirm").click().run()
    assert not at.exception and Store(data_dir).sample_count() == n


def test_pages_work_after_restoring_a_backup_that_points_at_a_server_file(data_dir, tmp_path):
    """Issue 16: a backup whose meta.targets_ref names /etc/passwd once made every page show
    TargetFileError; the reference is never taken from a backup."""
    import sqlite3

    s = Store(data_dir)
    con = sqlite3.connect(":memory:")
    con.deserialize(s.backup())
    con.execute("UPDATE meta SET value = '/etc/passwd' WHERE key = 'targets_ref'")
    con.commit()
    crafted = bytes(con.serialize())
    con.close()
    s.restore(crafted, "editor")
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    for page in ("pages/data.py", "pages/targets.py"):
        at.switch_page(page).run()
        assert not at.exception and not any("TargetFileError" in e.value for e in at.error)
