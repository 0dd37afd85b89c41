"""analytics.present.forecast_table: 总览's one-sentence answer about the year (year_answer)."""

from __future__ import annotations

import dataclasses

import pytest

from analytics.forecast.outlook import forecast_all
from analytics.present.forecast_table import ForecastRow, forecast_rows, year_answer
from analytics.storage.store import Store

ROW = ForecastRow(id="t01", indicator="培训人次", target="≥280人次", forecast="—", prob="—", level="—", status="无数据",
                  gap="—", reason="—", interval="—", required="—", recent="—", method="—", goal="—", level_code=None)


def _rows(*codes: str | None, no_data: int = 0, no_forecast: int = 0) -> list[ForecastRow]:
    """Rows at the levels ``codes``, then ``no_data`` rows without any figure and ``no_forecast``
    rows with data but no level (a check-in of 部分达成, a multi-year total)."""
    return ([dataclasses.replace(ROW, level_code=c, level=c or "—") for c in codes]
            + [dataclasses.replace(ROW, no_data=True)] * no_data + [ROW] * no_forecast)


def test_a_year_over_without_data_is_said_in_a_sentence() -> None:
    # it read 2026 is over: No forecast yet 8. (a level's name and a count glued on)
    assert year_answer(_rows(no_data=8), 2026, True, "en") == "2026 is over; 8 indicators have no data for the year."
    assert year_answer(_rows(no_data=8), 2026, True, "zh") == "2026 年已结束：8 项指标本年没有数据。"
    assert year_answer(_rows(no_data=1), 2026, True, "en") == "2026 is over; 1 indicator has no data for the year."


def test_a_year_under_way_without_data_is_not_yet_known() -> None:
    assert year_answer(_rows(no_data=8), 2026, False, "en") == "Will 2026 be met? Not yet known: 8 indicators have no data for the year yet."
    assert year_answer(_rows(no_data=8), 2026, False, "zh") == "2026 年能否完成？尚无法预测：8 项指标本年尚无数据。"


def test_the_levels_come_first_and_the_rest_as_a_clause() -> None:
    rows = _rows("likely", "possible", "possible", no_data=10)
    assert year_answer(rows, 2026, False, "en") == \
        "Will 2026 be met? Year-end forecast: Likely 1, At risk 2; 10 indicators have no data for the year yet."
    assert year_answer(rows, 2026, False, "zh") == "2026 年能否完成？年末预测：很可能完成 1 项，有风险 2 项；另有 10 项指标本年尚无数据。"
    over = _rows("met", "met", "missed", no_data=2, no_forecast=1)
    assert year_answer(over, 2026, True, "en") == \
        "2026 is over: Met 2, Missed 1; 2 indicators have no data for the year, 1 indicator cannot be judged met or missed."
    assert year_answer(over, 2026, True, "zh") == \
        "2026 年已结束：已达到目标 2 项，未达到目标 1 项；另有 2 项指标本年没有数据，1 项指标无法判定是否达到目标。"
    assert year_answer(_rows(no_forecast=2), 2026, False, "en") == "Will 2026 be met? Not yet known: 2 indicators have no forecast yet."


def test_every_level_is_said_as_before_and_nothing_without_rows() -> None:
    assert year_answer(_rows("met", "missed"), 2026, True, "en") == "2026 is over: Met 1, Missed 1."
    assert year_answer([], 2026, False, "zh") is None


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory):
    return Store(str(tmp_path_factory.mktemp("answer") / "store.db")).load_dataset()


def test_a_row_without_a_figure_for_the_year_is_marked_no_data(ds) -> None:
    prog = {p.indicator_id: p for p in ds.progress(2024, (2024, 8))}
    prog["new_urban_jobs"] = dataclasses.replace(prog["new_urban_jobs"], actual=None, data_month=None, status="no_data")
    rows = forecast_rows(ds, forecast_all(ds, 2024, (2024, 8)), prog, "zh")
    assert [r.id for r in rows if r.no_data] == ["new_urban_jobs"]
