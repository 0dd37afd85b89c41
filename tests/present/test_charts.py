"""The charts module: valid Vega-Lite (validated here, since the app skips validation for speed),
Chinese titles, horizontal labels, the CJK font family."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from analytics.present import charts
from analytics.present.format import fmt_score


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
    spec = _check(charts.indicator_progress(monthly, lines, "累计值（万人）", "zh", 12.4, target_unit="万人"))
    text = json.dumps(spec, ensure_ascii=False)
    assert "累计值（万人）" in text and "年度目标 12.4万人" in text


@pytest.mark.parametrize("lang, label", [("zh", "年度目标 20000亩"), ("en", "Target 20000 mu")])
def test_a_target_line_reads_as_the_pages_write_the_target(lang, label):
    """The target's label goes through the one formatter of a target (never ``2e+04``), also on the fan: as
    the target table writes it (20000亩, as the pages' tables), not at its unit's precision."""
    lines = pd.DataFrame([{"month": 2, "value": 1500.0, "series": "实际", "kind": "actual"}])
    band = pd.DataFrame(columns=["month", "lower", "upper"])
    progress = json.dumps(_check(charts.indicator_progress(lines.iloc[:0], lines, "亩", lang, 20000.0, target_unit="亩")), ensure_ascii=False)
    fan = json.dumps(charts.spec("forecast_fan", lines, band, "亩", lang, 20000.0, target_unit="亩"), ensure_ascii=False)
    for text in (progress, fan):
        assert label in text and "e+" not in text
    execution = json.dumps(charts.spec("execution_projection", lines, band, lang, 95.0), ensure_ascii=False)
    assert ("年度目标 95%" if lang == "zh" else "Target 95%") in execution  # as the target table writes it, not 95.0%
    cap = "年度目标 ≤5件" if lang == "zh" else "Target ≤5 cases"  # a cap reads as the pages write it, never a count to reach
    for kind in ("indicator_progress", "forecast_fan"):
        args = (lines.iloc[:0], lines, "件", lang, 5.0) if kind == "indicator_progress" else (lines, band, "件", lang, 5.0)
        assert cap in json.dumps(charts.spec(kind, *args, target_unit="件", target_cap=True), ensure_ascii=False)


def test_goal_scores():
    """A goal's score reads as the pages write it (62.5, never 63 from a rounded label)."""
    df = pd.DataFrame([{"goal": "目标1", "score": 62.5, "label": fmt_score(62.5), "status": "滞后"}])
    spec = json.dumps(charts.goal_scores(df, "zh").to_dict(), ensure_ascii=False)
    assert '"field": "label"' in spec and ".0f" not in spec and '"62.5"' in spec
    _check(charts.goal_scores(df, "zh"))


def _normalised(spec: dict) -> dict:
    """The spec with its dataset names replaced by their position of first use."""
    text = json.dumps({k: v for k, v in spec.items() if k != "datasets"}, sort_keys=True)
    names = {n: f"ds{i}" for i, n in enumerate(sorted(spec.get("datasets", {}), key=text.find))}
    for old, new in names.items():
        text = text.replace(f'"{old}"', f'"{new}"')
    out = json.loads(text)
    out["datasets"] = {names[n]: rows for n, rows in spec.get("datasets", {}).items()}
    return out


def _fan_inputs(seed: int, with_band: bool, series: list[tuple[str, str]]):
    rng = np.random.default_rng(seed)
    lines = pd.DataFrame(
        [{"month": m, "value": float(rng.normal(50, 20)) if m != 4 else np.nan, "series": s_, "kind": k}
         for s_, k in series for m in range(1, 13)],
        columns=["month", "value", "series", "kind"],
    )
    band = pd.DataFrame(
        [{"month": m, "lower": float(rng.normal(40, 5)), "upper": float(rng.normal(70, 5))} for m in range(9, 13)] if with_band else [],
        columns=["month", "lower", "upper"],
    )
    return lines, band


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("with_band, target, zero_based", [(True, 80.0, False), (False, None, True), (True, None, False), (False, 3.5, False)])
def test_fast_fan_spec_equals_the_altair_spec(seed, with_band, target, zero_based):
    series = [("2023年", "prior"), ("2024 实际", "actual"), ("预测", "projection"), ("应达进度", "expected")][: 2 + seed]
    lines, band = _fan_inputs(seed, with_band, series)
    fast = charts.spec("forecast_fan", lines, band, "累计值（万人）", "zh", target, zero_based, title="2024")
    slow = charts.forecast_fan(lines, band, "累计值（万人）", "zh", target, zero_based, title="2024").to_dict(validate=False)
    assert _normalised(fast) == _normalised(slow)
    # a second call with other numbers reuses the template but not the numbers
    lines2, band2 = _fan_inputs(seed + 10, with_band, series)
    fast2 = charts.spec("forecast_fan", lines2, band2, "累计值（万人）", "zh", target, zero_based, title="2024")
    slow2 = charts.forecast_fan(lines2, band2, "累计值（万人）", "zh", target, zero_based, title="2024").to_dict(validate=False)
    assert _normalised(fast2) == _normalised(slow2)
    assert fast2 != fast


def test_fast_execution_projection_spec_equals_the_altair_spec():
    lines, band = _fan_inputs(5, True, [("累计执行率", "actual"), ("预测", "projection"), ("序时进度", "expected")])
    for lang in ("zh", "en"):
        fast = charts.spec("execution_projection", lines, band, lang, 100.0)
        slow = charts.execution_projection(lines, band, lang, 100.0).to_dict(validate=False)
        assert _normalised(fast) == _normalised(slow)


def test_spec_of_other_builders_is_the_altair_spec():
    counts = {"on_track": 3, "lagging": 1}
    assert charts.spec("status_counts", counts, "zh") == charts.status_counts(counts, "zh").to_dict(validate=False)


# -- chart data (analytics/present/chart_data.py): computed once for pages and exports ---------

from analytics.present import chart_data  # noqa: E402
from analytics.storage.dataset import load_dataset  # noqa: E402


@pytest.fixture(scope="module")
def sample():
    return load_dataset()


def test_budget_execution_data(sample):
    df = chart_data.budget_execution(sample, 2024, 8, "zh")
    assert list(df.columns) == ["month", "value", "series", "kind"]
    actual = df[df["kind"] == "actual"]
    assert actual["month"].max() == 8 and set(df["kind"]) == {"actual", "expected"}
    expected = df[df["kind"] == "expected"].set_index("month")["value"]
    assert list(expected.index) == list(range(1, 13)) and expected[12] == pytest.approx(100.0)
    en = chart_data.budget_execution(sample, 2024, 8, "en")
    assert set(en["series"]) == {"Execution rate", "Time progress"}
    _check(charts.budget_execution(df, "zh"))


def test_budget_execution_projection_only_when_months_are_left(sample):
    # August: the projection joins the last actual month and runs to December; a year over
    # (December in) has nothing ahead, so no projection point sits on the actual one
    from analytics.budget.scenario import project_scenario

    aug = chart_data.budget_execution(sample, 2024, 8, "zh", project_scenario(sample.project, sample.budget, (2024, 8), None))
    assert set(aug[aug["kind"] == "projection"]["month"]) == set(range(8, 13))
    dec = chart_data.budget_execution(sample, 2023, 12, "zh", project_scenario(sample.project, sample.budget, (2023, 12), None))
    assert "projection" not in set(dec["kind"]) and dec[dec["kind"] == "actual"]["month"].max() == 12


def test_indicator_data_flow_has_bars_and_prior_years(sample):
    c = chart_data.indicator_progress(sample, "new_urban_jobs", 2024, 8, "zh", 12.4)
    assert c.bars and not c.monthly.empty and c.monthly["month"].max() <= 8
    assert c.unit_title == "累计值（万人）"
    kinds = set(c.lines["kind"])
    assert {"actual", "expected", "prior"} <= kinds
    assert set(c.lines.loc[c.lines["kind"] == "prior", "series"]) == {"2022年", "2023年"}
    assert c.monthly["label"].iloc[0] in ("1-2月", "1月", "2月")
    _check(charts.indicator_progress(*c.args("zh"), title="2024", bars=c.bars))


def test_indicator_data_in_english_has_english_units(sample):
    c = chart_data.indicator_progress(sample, "new_urban_jobs", 2024, 8, "en", 12.4)
    assert c.unit_title == "Cumulative (10k persons)"
    assert "2024 Actual (cumulative)" in set(c.lines["series"])
    level = chart_data.indicator_progress(sample, "registered_unemployed", 2024, 8, "en", 4.1)
    assert not level.bars and level.unit_title == "Registered unemployed (10k persons)"


@pytest.mark.parametrize("lang, short, long_title", [
    ("zh", "城镇登记失业率（%）", "数值（%）"), ("en", "Unemployment rate (%)", "Value (%)")])
def test_a_long_name_leaves_the_value_axis_to_its_unit(lang, short, long_title):
    # a real table's 以乡镇(街道)为单位适龄儿童国家免疫规划疫苗接种率 ran past the chart's height
    short_name = short.rsplit("（" if lang == "zh" else " (", 1)[0]
    assert chart_data.unit_axis_title(short_name, "%", lang, False) == short
    long_name = "以乡镇(街道)为单位适龄儿童国家免疫规划疫苗接种率" if lang == "zh" else "Vaccination rate of school-age children by township"
    assert chart_data.unit_axis_title(long_name, "%", lang, False) == long_title
    assert chart_data.unit_axis_title(long_name, "", lang, False) == long_title.split("（")[0].split(" (")[0]
    assert chart_data.unit_axis_title(long_name, "万人", "zh", True) == "累计值（万人）"


def test_forecast_fan_data(sample):
    # 年末预测's chart: at most three prior years, this year to its data month, the forecast from the
    # last observation with its band, the expected path; a past year's track record against its final
    from analytics.forecast.outlook import forecast_all, track_record

    o = next(x for x in forecast_all(sample, 2024, (2024, 8)) if x.indicator_id == "new_urban_jobs")
    c = chart_data.forecast_fan(sample, "new_urban_jobs", 2024, o.data_month, o.path, o.target, "zh")
    kinds = c.lines.groupby("kind")["month"].agg(["min", "max", "count"])
    assert kinds.loc["actual", "max"] == 8 and kinds.loc["projection", "min"] == 8 and kinds.loc["projection", "max"] == 12
    assert kinds.loc["expected", "count"] == 12 and c.lines[c.lines["kind"] == "prior"]["series"].nunique() <= 3
    assert len(c.band) == len(o.path) and c.cumulative and c.unit_title == "累计值（万人）" and c.kwargs() == {"target_unit": "万人", "target_cap": False}
    _check(charts.forecast_fan(*c.args("zh"), **c.kwargs()))
    ind = sample.project.indicator("new_urban_jobs")
    past = chart_data.track_fan(ind, track_record(sample, "new_urban_jobs", 2023), 2023, "zh")
    assert past is not None and past.target == pytest.approx(11.6) and not past.cumulative
    assert chart_data.track_fan(ind, [], 2023, "zh") is None


def test_report_and_page_use_the_same_chart_data(sample):
    from analytics.reports.context import build_context
    from analytics.reports.images import chart_data_indicator

    ctx = build_context(sample, (2024, 8), lang="zh")
    r = chart_data_indicator(ctx, "new_urban_jobs")
    c = chart_data.indicator_progress(sample, "new_urban_jobs", 2024, 8, "zh", r.target)
    assert r.monthly.equals(c.monthly) and r.lines.equals(c.lines) and (r.unit_title, r.bars) == (c.unit_title, c.bars)
    assert r.kwargs() == c.kwargs() and r.kwargs()["target_unit"] == "万人" and r.kwargs()["bar_title"] == "当月值（万人）"


def test_goal_scores_data(sample):
    from analytics.rules.progress import rollup

    rows = sample.progress(2024, (2024, 8))
    df = chart_data.goal_scores(sample.project, rollup(sample.project, rows), "en")
    assert list(df.columns) == ["goal", "score", "label", "status"] and df["goal"].str.startswith("Goal ").all()
    assert all(fmt_score(r.score) == label for r, label in zip([r for r in rollup(sample.project, rows)
                                                               if r.goal != 0 and r.score is not None], df["label"]))
    _check(charts.goal_scores(df, "en"))


@pytest.mark.parametrize("lang, yes, no", [("zh", "是", "否"), ("en", "Yes", "No")])
def test_a_yes_no_chart_reads_yes_and_no_not_0_and_1(sample, lang, yes, no):
    c = chart_data.indicator_progress(sample, "hr_park_national_application", 2024, 8, lang, 1.0)
    assert c.yes_no and c.kwargs()["yes_no"]
    spec = json.dumps(charts.indicator_progress(*c.args(lang), **c.kwargs()).to_dict(), ensure_ascii=False)
    assert f"'{yes}'" in spec and f"'{no}'" in spec and "labelExpr" in spec
    assert ("年度目标 是" if lang == "zh" else yes) in spec


def test_a_chart_whose_values_are_all_alike_has_a_range_to_draw():
    lines = pd.DataFrame({"month": [3, 6], "value": [0.0, 0.0], "series": ["a", "a"], "kind": ["actual", "actual"]})
    spec = charts.indicator_progress(pd.DataFrame(columns=["month", "value", "label"]), lines, "y", "zh", 0.0, bars=False).to_dict()
    domains = [layer["encoding"]["y"]["scale"]["domain"] for layer in spec["layer"] if "scale" in layer["encoding"]["y"]]
    assert domains and all(d == [0.0, 1.0] for d in domains)


@pytest.mark.parametrize("yes_no", [True, False])
def test_a_chart_with_nothing_reported_keeps_its_axes(yes_no):
    """No data yet, only the target: the value axis keeps its title (it read ``value``) and, for a
    yes/no, its 否 / 是; the months stay on their axis (it vanished)."""
    empty = pd.DataFrame(columns=["month", "value", "series", "kind"])
    spec = charts.indicator_progress(pd.DataFrame(columns=["month", "value", "label"]), empty, "已建工程是否存在质量问题", "zh",
                                     0.0, bars=False, yes_no=yes_no).to_dict()
    ys = [layer["encoding"]["y"] for layer in spec["layer"] if "y" in layer["encoding"]]
    assert ys and all(y.get("title") == "已建工程是否存在质量问题" for y in ys)
    assert any("x" in layer["encoding"] for layer in spec["layer"])
    text = json.dumps(spec, ensure_ascii=False)
    assert ("'是'" in text and "'否'" in text) == yes_no
