"""The charts module: valid Vega-Lite (validated here, since the app skips validation for speed),
Chinese titles, horizontal labels, the CJK font family."""

from __future__ import annotations

import json

import pandas as pd

from pages import charts


def _check(chart) -> dict:
    spec = chart.to_dict(validate=True)
    assert "Noto Sans CJK SC" in spec["config"]["font"]
    assert spec["config"]["axis"]["labelAngle"] == 0
    return spec


def test_status_counts():
    spec = _check(charts.status_counts({"on_track": 3, "lagging": 1}, "zh"))
    text = json.dumps(spec, ensure_ascii=False)
    assert "指标数（项）" in text and "正常" in text and "#d32f2f" in text


def test_budget_execution():
    df = pd.DataFrame([{"month": 1, "value": 5.0, "series": "累计执行率", "kind": "actual"}, {"month": 1, "value": 8.0, "series": "序时进度", "kind": "expected"}])
    spec = _check(charts.budget_execution(df, "zh"))
    assert "累计执行率（%）" in json.dumps(spec, ensure_ascii=False)


def test_indicator_progress_units_in_axis():
    monthly = pd.DataFrame([{"month": 2, "value": 1.2, "label": "1-2月"}])
    lines = pd.DataFrame([{"month": 2, "value": 1.2, "series": "2024 累计实际", "kind": "actual"}, {"month": 2, "value": 1.0, "series": "应达进度", "kind": "expected"}])
    spec = _check(charts.indicator_progress(monthly, lines, "累计值（万人）", "zh", 12.4))
    text = json.dumps(spec, ensure_ascii=False)
    assert "累计值（万人）" in text and "年度目标 12.4" in text


def test_goal_scores():
    df = pd.DataFrame([{"goal": "目标1", "score": 80.0, "status": "关注"}])
    _check(charts.goal_scores(df, "zh"))
