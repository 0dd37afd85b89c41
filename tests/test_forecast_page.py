"""年末预测 page through AppTest."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")

pytestmark = pytest.mark.slow


def page(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    at.switch_page("pages/forecast.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_risk_table_sorted_and_estimate_note():
    at = page()
    df = at.dataframe[0].value
    ps = [p for p in df["完成概率"] if p == p]
    assert ps == sorted(ps)
    assert set(df["完成目标可能性"]) <= {"确定能", "很可能", "有可能", "完全不可能", "—"}
    assert "估计值" in at.warning[0].value


@pytest.mark.parametrize("iid", ["new_urban_jobs", "registered_unemployed", "budget_execution", "mass_incidents", "training_total_2y", "hr_park_national_application", "public_service_satisfaction"])
def test_each_kind_of_indicator(iid):
    at = page(indicator=iid)
    assert at.selectbox(key="fc_pick").value == iid
    labels = {m.label: m.value for m in at.metric}
    assert "完成概率" in labels and "年末预计" in labels


def test_track_record_shown_for_flow():
    at = page(indicator="new_urban_jobs")
    assert any("平均误差" in c.value for c in at.caption)


def test_english():
    at = page()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception and at.title[0].value == "Year-end forecast"


def _cli_import(store: Path, file: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "analytics", "import", str(file), "--store", str(store), "--format", "json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr + done.stdout


def test_a_changed_actual_reaches_the_forecast(tmp_path, monkeypatch):
    """The rows are cached per data version (a hashed argument): an actual imported by another
    process changes the year-end forecast on the next run, not only on a server restart."""
    store = tmp_path / "store"
    monkeypatch.setenv("PT_DATA_DIR", str(store))
    _cli_import(store, ROOT / "data" / "projects" / "dongguan" / "sample_actuals.csv")
    at = page(indicator="new_urban_jobs")

    def shown() -> tuple[str, str]:
        df = at.dataframe[0].value
        point = next(m.value for m in at.metric if m.label == "年末预计")
        return df[df["id"] == "new_urban_jobs"].to_string(), point

    before = shown()
    changed = tmp_path / "actuals.csv"
    changed.write_text("indicator_id,period,value,basis,note,source\nnew_urban_jobs,2024-08,9.5,ytd,,\n", encoding="utf-8")
    _cli_import(store, changed)
    time.sleep(1.2)  # the app looks at the store's data version at most once a second
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    after = shown()
    assert after[0] != before[0] and after[1] != before[1], (before, after)
