"""Reporting rules (default as-of month, periodic measurement) and the 年末预测 decision rows."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from analytics.core.reporting import (
    REPORTING_RULES,
    cadence,
    default_as_of,
    later_partial,
    measured_months,
    month_coverage,
    monthly_reporters,
    next_measurement,
    spending_closed,
    year_reported,
)
from analytics.core.series import Actuals, Budget
from analytics.forecast.outlook import forecast_all, risk_order
from analytics.present.forecast_table import EXPORT_COLUMNS, SCREEN_COLUMNS, forecast_rows, level_counts, level_name, runrate_unit, table
from analytics.storage.store import Store


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    return Store(str(tmp_path_factory.mktemp("rep") / "store.db")).load_dataset()


def _with_early_september(ds, ids: list[str]) -> Actuals:
    """The sample's actuals plus September values of ``ids`` (an early, half-reported month)."""
    extra = pd.DataFrame([{"indicator_id": i, "year": 2024, "month": 9, "first_month": 9, "value": 1.0,
                           "basis": "level", "note": "", "source": ""} for i in ids])
    return Actuals(ds.project, pd.concat([ds.actuals.frame, extra], ignore_index=True))


def test_quarterly_survey_is_detected_from_its_reporting_months(ds):
    assert measured_months(ds.actuals, "public_service_satisfaction", 2024) == (3, 6, 9, 12)
    assert measured_months(ds.actuals, "new_urban_jobs", 2024) is None
    assert next_measurement(ds.actuals, "public_service_satisfaction", 2024, 8) == 9
    assert next_measurement(ds.actuals, "public_service_satisfaction", 2024, 12) is None
    reporters = monthly_reporters(ds.project, ds.actuals, 2024)
    assert "public_service_satisfaction" not in reporters and "new_jobs_total_2y" not in reporters
    assert "new_urban_jobs" in reporters


@pytest.mark.parametrize("months, every", [((3, 6, 9, 12), "quarter"), ((3, 6), "quarter"), ((6, 12), "half"),
                                           ((12,), "year"), ((2, 5, 8, 11), "quarter"), ((1, 7), "half")])
def test_cadence_is_read_from_the_spacing_of_the_months(months, every):
    assert cadence(months) == every


def test_a_survey_in_its_first_year_is_quarterly_from_two_quarters(ds):
    # no complete year before: the months of this year (March and June) give the cadence, and two
    # measurements three months apart are a quarterly survey (not "half-yearly" for being two)
    frame = ds.actuals.frame
    keep = (frame["indicator_id"] != "public_service_satisfaction") | ((frame["year"] == 2024) & frame["month"].isin([3, 6]))
    actuals = Actuals(ds.project, frame[keep])
    assert measured_months(actuals, "public_service_satisfaction", 2024) == (3, 6, 9, 12)
    first_year = dataclasses.replace(ds, actuals=actuals)
    outlooks = [o for o in forecast_all(first_year, 2024, (2024, 8)) if o.indicator_id == "public_service_satisfaction"]
    prog = {p.indicator_id: p for p in first_year.progress(2024, (2024, 8))}
    survey = forecast_rows(first_year, outlooks, prog, "zh")[0]
    assert survey.level == "待下次测评" and survey.reason.startswith("每季度测评") and "下次 9月" in survey.reason


def test_default_as_of_skips_a_half_reported_month(ds):
    assert default_as_of(ds.project, ds.actuals, ds.budget, ds.periods()) == (2024, 8)
    early = _with_early_september(ds, ["registered_unemployed", "skilled_worker_share"])
    periods = sorted(set(early.periods()) | set(ds.budget.monthly))
    assert max(periods) == (2024, 9)
    assert default_as_of(ds.project, early, ds.budget, periods) == (2024, 8)
    cov = later_partial(ds.project, early, ds.budget, periods, (2024, 8))
    assert cov is not None and (cov.year, cov.month) == (2024, 9)
    assert len(cov.reported) == 2 and len(cov.missing) == len(cov.expected) - 2 and cov.spending is False
    assert not cov.complete()


def test_a_month_most_have_reported_is_the_default(ds):
    reporters = monthly_reporters(ds.project, ds.actuals, 2024)
    early = _with_early_september(ds, list(reporters))
    budget = Budget(ds.project, pd.concat([ds.budget.frame, pd.DataFrame([{"year": 2024, "month": 9, "first_month": 9, "source": "central", "amount": 1.0}])]))
    periods = sorted(set(early.periods()) | set(budget.monthly))
    assert default_as_of(ds.project, early, budget, periods) == (2024, 9)
    assert month_coverage(ds.project, early, budget, 2024, 9).complete()
    # spending counts: without September spending the month is not the default
    assert default_as_of(ds.project, early, ds.budget, periods) == (2024, 8)
    assert REPORTING_RULES["reported_share"] == 0.5


def test_forecast_rows_read_for_people(ds):
    outlooks = sorted(forecast_all(ds, 2024, (2024, 8)), key=risk_order)
    prog = {p.indicator_id: p for p in ds.progress(2024, (2024, 8))}
    rows = {r.id: r for r in forecast_rows(ds, outlooks, prog, "zh")}
    survey = rows["public_service_satisfaction"]
    assert survey.level == "待下次测评" and survey.forecast == "—" and survey.prob == "—" and "下次 9月" in survey.reason
    budget = rows["budget_execution"]
    assert runrate_unit(ds.project, ds.project.indicator("budget_execution")) == "万元"
    assert budget.required.endswith("万元") and "万元" in budget.reason and budget.target == "100%"  # as written, as every page says it
    assert rows["new_urban_jobs"].prob == "78%" and rows["new_urban_jobs"].gap.startswith("+") and rows["new_urban_jobs"].gap.endswith("万人")
    assert rows["vocational_training"].prob == "<1%" and rows["vocational_training"].level == "难以完成"
    for r in rows.values():
        assert "None" not in str(r) and "nan" not in str(r)
    records = table(list(rows.values()), EXPORT_COLUMNS, "zh")
    assert list(records[0])[:8] == ["指标", "年度目标", "年末预计", "完成概率（%）", "完成可能性", "当前状态", "预计与目标差", "说明"]
    assert list(records[0])[-1] == "指标编号"
    assert list(table(list(rows.values()), SCREEN_COLUMNS, "en")[0])[:3] == ["Indicator", "Target", "Year-end forecast"]
    assert level_name("impossible", "en") == "Hard to meet" and level_name(None) == "—"


def test_a_flow_reported_each_quarter_keeps_its_forecast(ds):
    # 城镇新增就业 reported at quarter ends only: its total so far and pace still give a year-end, so it
    # is not 待下次测评 (that is for surveys, whose forecast would repeat the last value)
    frame = ds.actuals.frame
    keep = (frame["indicator_id"] != "new_urban_jobs") | frame["month"].isin([3, 6, 9, 12])
    quarterly = dataclasses.replace(ds, actuals=Actuals(ds.project, frame[keep]))
    assert measured_months(quarterly.actuals, "new_urban_jobs", 2024) == (3, 6, 9, 12)
    outlooks = [o for o in forecast_all(quarterly, 2024, (2024, 8)) if o.indicator_id == "new_urban_jobs"]
    prog = {p.indicator_id: p for p in quarterly.progress(2024, (2024, 8))}
    row = forecast_rows(quarterly, outlooks, prog, "zh")[0]
    assert row.level_code != "await" and row.forecast != "—" and row.prob != "—"


def test_level_counts_add_up_to_every_indicator(ds):
    # 总览's answer: every indicator counted once — those with no forecast (no data yet, or a
    # qualitative one tracked by check-ins) as 暂无预测, so the parts add up to the table
    outlooks = forecast_all(ds, 2024, (2024, 8))
    prog = {p.indicator_id: p for p in ds.progress(2024, (2024, 8))}
    rows = forecast_rows(ds, outlooks, prog, "zh")
    none = dataclasses.replace(rows[0], level_code=None, level="—")
    parts = level_counts([*rows, none, none], "zh")
    assert parts[-1] == "暂无预测 2 项" and "待下次测评 3 项" in parts
    assert sum(int(p.split()[-2]) for p in parts) == len(rows) + 2
    assert level_counts([none], "en") == ["No forecast yet 1"]


def test_a_held_value_is_not_called_a_trend(ds):
    # no earlier year: a level's year-end is its latest value held, and 说明 says so (not 按趋势推算)
    frame = ds.actuals.frame
    keep = (frame["indicator_id"] != "registered_unemployed") | (frame["year"] == 2024)
    first = dataclasses.replace(ds, actuals=Actuals(ds.project, frame[keep]))
    outlooks = [o for o in forecast_all(first, 2024, (2024, 8)) if o.indicator_id == "registered_unemployed"]
    assert outlooks[0].method == "level_hold"
    prog = {p.indicator_id: p for p in first.progress(2024, (2024, 8))}
    row = forecast_rows(first, outlooks, prog, "zh")[0]
    assert "按保持推算" in row.reason and "趋势" not in row.reason


def test_a_closed_year_reads_as_outcomes_not_forecasts(ds):
    # 2023 seen from August 2024: December is in, so each row says whether the target was met
    # (已达到目标 / 未达到目标) and why in one phrase (12月数据已出), never 基本确定 or 按趋势推算
    outlooks = forecast_all(ds, 2023, (2024, 8))
    prog = {p.indicator_id: p for p in ds.progress(2023, (2024, 8))}
    rows = {r.id: r for r in forecast_rows(ds, outlooks, prog, "zh")}
    assert rows["new_urban_jobs"].level == "已达到目标" and rows["new_urban_jobs"].level_code == "met"
    assert rows["policy_system_services"].level == "未达到目标" and rows["policy_system_services"].level_code == "missed"
    assert rows["budget_execution"].level_code == "missed" and rows["budget_execution"].reason == "12月数据已出"
    assert rows["unified_registration"].level == "已达到目标"  # a milestone achieved
    assert not {r.level for r in rows.values()} & {"基本确定", "很可能完成", "有风险", "难以完成"}
    parts = level_counts(rows.values(), "zh")
    assert parts[0].startswith("已达到目标") and any(p.startswith("未达到目标") for p in parts)
    assert level_name("missed", "en") == "Missed"
    # the year under way keeps its forecast levels: a milestone achieved is met, the rest forecasts
    now = {r.id: r for r in forecast_rows(ds, forecast_all(ds, 2024, (2024, 8)), {p.indicator_id: p for p in ds.progress(2024, (2024, 8))}, "zh")}
    assert now["new_urban_jobs"].level_code in ("certain", "likely", "possible", "impossible")


def _actuals(project, rows: list[tuple[str, int, int, float, str]]) -> Actuals:
    return Actuals(project, pd.DataFrame([{"indicator_id": i, "year": y, "month": m, "first_month": m, "value": v, "basis": b,
                                           "note": "", "source": ""} for i, y, m, v, b in rows]))


def _spending(project, months: range) -> Budget:
    return Budget(project, pd.DataFrame([{"year": 2025, "month": m, "first_month": m, "source": "local", "amount": 10.0} for m in months]))


def test_a_year_is_reported_once_every_december_is_in(ds):
    """One indicator's December (or the spending's) settled the whole year: every indicator
    reported monthly this year, and the spending, must have its December."""
    p = ds.project
    jobs = [("new_urban_jobs", 2025, m, float(m), "ytd") for m in range(1, 13)]
    served = [("graduate_services", 2025, m, 1.0, "month") for m in range(1, 12)]
    spent = _spending(p, range(1, 13))
    assert not year_reported(p, _actuals(p, jobs + served), spent, 2025)  # graduate_services to November
    december = [("graduate_services", 2025, 12, 1.0, "month")]
    assert year_reported(p, _actuals(p, jobs + served + december), spent, 2025)
    assert not year_reported(p, _actuals(p, jobs + served + december), _spending(p, range(1, 12)), 2025)  # spending to November
    assert year_reported(p, _actuals(p, jobs + served + december), Budget(p, None), 2025)  # no spending recorded at all
    # a December given after a month missing is in; an indicator with figures only last year waits for nothing
    gap = [r for r in served if r[2] != 11] + december + [("rural_migrant_services", 2024, m, 1.0, "month") for m in range(1, 13)]
    assert year_reported(p, _actuals(p, jobs + gap), spent, 2025)


def test_the_spending_year_is_closed_once_its_december_is_in(ds):
    """As of December with the spending to October the budget year is not closed (its year-end is
    a projection); with December's spending in, or seen from a later year, it is."""
    p = ds.project
    to_october, to_december = _spending(p, range(1, 11)), _spending(p, range(1, 13))
    assert not spending_closed(to_october, 2025, (2025, 12)) and not spending_closed(to_october, 2025, (2026, 3))
    assert spending_closed(to_december, 2025, (2025, 12)) and spending_closed(to_december, 2025, (2026, 3))
    assert not spending_closed(to_december, 2025, (2025, 11))  # the year is not over
    assert not spending_closed(Budget(p, None), 2025, (2025, 12))  # no spending recorded: nothing closed
