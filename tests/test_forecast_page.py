"""年末预测 page through AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


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
