"""年末预测 page through AppTest."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
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


def test_risk_table_decision_columns_first():
    at = page()
    df = at.dataframe[0].value
    shown = at.dataframe[0].proto.column_order  # what the reader sees: the decision columns, no id
    assert list(shown) == ["指标", "年度目标", "年末预计", "完成概率", "完成可能性", "当前状态", "预计与目标差", "说明"]
    cells = [str(v) for v in df.drop(columns=["指标编号"]).to_numpy().ravel()]
    assert not any(c in ("None", "nan", "NaN") for c in cells)
    assert all(p == "—" or p in ("<1%", ">99%") or p.rstrip("%").isdigit() for p in df["完成概率"])
    assert set(df["完成可能性"]) <= {"已达到目标", "基本确定", "很可能完成", "有风险", "难以完成", "未达到目标", "待下次测评", "—"}
    assert "估计值" in at.warning[0].value


def test_survey_awaits_next_measurement_and_budget_runs_in_wan():
    at = page()
    df = at.dataframe[0].value.set_index("指标编号")
    survey = df.loc["public_service_satisfaction"]
    assert survey["完成可能性"] == "待下次测评" and survey["年末预计"] == "—" and "下次 9月" in survey["说明"]
    assert "万元" in df.loc["budget_execution"]["说明"] and df.loc["budget_execution"]["年度目标"].endswith("%")


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
    lines = [m.value for m in at.main.markdown]  # English sentences take an English colon
    assert any(v.startswith("**Why**: ") for v in lines) and any(v.startswith("**Method**: ") for v in lines)
    assert not any("：" in v for v in lines if v.startswith("**")), [v for v in lines if "：" in v]


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
        return df[df["指标编号"] == "new_urban_jobs"].to_string(), point

    before = shown()
    changed = tmp_path / "actuals.csv"
    changed.write_text("indicator_id,period,value,basis,note,source\nnew_urban_jobs,2024-08,9.5,ytd,,\n", encoding="utf-8")
    _cli_import(store, changed)
    time.sleep(1.2)  # the app looks at the store's data version at most once a second
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    after = shown()
    assert after[0] != before[0] and after[1] != before[1], (before, after)


def test_default_month_is_the_one_most_have_reported(tmp_path, monkeypatch):
    """Two early September values do not move the app to September: it opens on August, says
    "2024年9月已报 2/40", and September chosen by hand names the indicators still missing."""
    store = tmp_path / "store"
    monkeypatch.setenv("PT_DATA_DIR", str(store))
    _cli_import(store, ROOT / "data" / "projects" / "dongguan" / "sample_actuals.csv")
    early = tmp_path / "september.csv"
    early.write_text("indicator_id,period,value,basis,note,source\nregistered_unemployed,2024-09,3.9,level,,\n"
                     "skilled_worker_share,2024-09,27.5,level,,\n", encoding="utf-8")
    _cli_import(store, early)
    at = page()
    assert at.sidebar.selectbox(key="as_of").value == "2024-08"
    assert any("2024年9月已报 2/" in c.value for c in at.sidebar.caption)
    assert not any("只有" in w.value for w in at.warning)
    at.sidebar.selectbox(key="as_of").set_value("2024-09").run()
    assert not at.exception, [e.value for e in at.exception]
    warning = next(w.value for w in at.warning if "只有" in w.value)
    assert "2024年9月只有 2/" in warning and "城镇新增就业人员规模" in warning and "等 38 项" in warning


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_forecast_is_said_once(tmp_path, monkeypatch, lang):
    """An indicator with no data this year: the box says 不作预测：本年尚无数据 — not the same words
    again as 说明, nor 无法预测 — 数据不足 as its method."""
    from analytics.cli.main import main

    table = ROOT / "tests" / "tables" / "corpus" / "yueyanglou_jiage_2023.txt"
    assert main(["new-project", str(table), "--store", str(tmp_path), "--id", "yy"]) == 0
    monkeypatch.setenv("PT_DATA_DIR", str(tmp_path))
    at = page(project="yy", lang=lang)
    said = [i.value for i in at.info]
    assert len(said) == 1 and said[0].startswith("不作预测" if lang == "zh" else "No forecast"), said
    words = [m.value for m in at.markdown]
    assert not any(said[0].rstrip("。.") in w for w in words), words
    assert not any(w.startswith("**预测方法**" if lang == "zh" else "**Method**") for w in words), words
