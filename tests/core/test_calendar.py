"""The calendar rules (analytics.core.calendar): one month type, data month, default year,
time progress, milestone achieved, the 80 % interval and the probability read from it."""

from __future__ import annotations

from statistics import NormalDist

import pytest

from analytics.core.calendar import (
    INTERVAL_LEVEL,
    INTERVAL_UPPER_Q,
    Z80,
    Month,
    data_month,
    year_over,
    empty_as_of,
    year_ahead,
    default_year,
    milestone_achieved,
    probability_at_least,
    start_meets_target,
    time_progress,
)


def test_month_is_a_tuple():
    m = Month(2024, 3)
    assert m == (2024, 3)
    y, mo = m
    assert (y, mo) == (2024, 3)
    assert Month(2023, 12) < m < (2024, 4)
    assert m.key == "2024-03"
    assert {(2024, 3): "x"}[m] == "x"


def test_month_parse_and_previous():
    assert Month.parse("2024-03") == (2024, 3)
    assert Month.parse(" 2024-7 ") == Month(2024, 7)
    for bad in ("2024-13", "2024-00", "2024/07", "March", ""):
        with pytest.raises(ValueError):
            Month.parse(bad)
    assert Month(2024, 1).previous() == (2023, 12)
    assert Month(2024, 5).previous() == (2024, 4)
    assert Month.of((2024, 2)).key == "2024-02"


def test_data_month():
    assert data_month(2023, (2024, 5)) == 12
    assert data_month(2024, (2024, 5)) == 5
    assert data_month(2025, (2024, 5)) == 0  # a future year: nothing counts yet


def test_empty_as_of():
    # a project with no data: this month while it runs or before it starts (a table for next year
    # judged now is not over), its last December once it has ended
    assert empty_as_of([2027], (2026, 12)) == (2026, 12) and not year_over(2027, empty_as_of([2027], (2026, 12)))
    assert empty_as_of([2026, 2027], (2026, 5)) == (2026, 5)
    assert empty_as_of([2022, 2023], (2026, 12)) == (2023, 12) and year_over(2023, (2023, 12))
    assert empty_as_of([], (2026, 3)) == (2026, 3)
    assert year_ahead(2027, (2026, 12)) and not year_ahead(2026, (2026, 1))


def test_year_over():
    assert year_over(2023, (2024, 5)) and year_over(2024, (2024, 12))
    assert not year_over(2024, (2024, 11)) and not year_over(2025, (2024, 12))


def test_default_year():
    assert default_year([2023, 2024], (2024, 6)) == 2024
    assert default_year([2022, 2023], (2024, 6)) == 2023
    assert default_year([2025, 2026], (2024, 6)) == 2025
    assert default_year([], (2024, 6)) == 2024
    assert default_year([2024, 2022, 2023], (2025, 1)) == 2024  # order of the input does not matter


def test_time_progress_linear_and_capped():
    assert time_progress(10.0, 70.0, 0) == 10.0
    assert time_progress(10.0, 70.0, 6) == pytest.approx(40.0)
    assert time_progress(10.0, 70.0, 12) == pytest.approx(70.0)
    assert time_progress(10.0, 70.0, 14) == pytest.approx(70.0)  # capped at the last month
    assert time_progress(10.0, 70.0, -1) == 10.0


def test_time_progress_when_the_start_already_meets_the_target():
    assert start_meets_target(80.0, 70.0)
    assert not start_meets_target(80.0, 70.0, higher=False)
    assert time_progress(80.0, 70.0, 3) == 70.0
    assert time_progress(80.0, 70.0, 6, hold_when_met=False) == pytest.approx(75.0)
    # lower is better: a start below the cap holds the cap; above it, the line comes down
    assert time_progress(5.0, 8.0, 6, higher=False) == 8.0
    assert time_progress(10.0, 8.0, 6, higher=False) == pytest.approx(9.0)


def test_milestone_achieved():
    assert milestone_achieved(1.0)
    assert milestone_achieved(0.5)
    assert not milestone_achieved(0.0)
    assert not milestone_achieved(None)


def test_interval_constants_agree():
    assert INTERVAL_LEVEL == pytest.approx(0.8)
    assert INTERVAL_UPPER_Q == pytest.approx(0.9)
    assert Z80 == pytest.approx(NormalDist().inv_cdf(INTERVAL_UPPER_Q), abs=1e-12)


def test_probability_at_least():
    assert probability_at_least(50.0, 40.0, 60.0, 50.0) == pytest.approx(0.5, abs=1e-6)
    # the target at the interval's lower end: 90 % chance of reaching it
    assert probability_at_least(50.0, 40.0, 60.0, 40.0) == pytest.approx(0.9, abs=1e-6)
    assert probability_at_least(50.0, 40.0, 60.0, 60.0) == pytest.approx(0.1, abs=1e-6)
    assert probability_at_least(50.0, 50.0, 50.0, 50.0) == 1.0
    assert probability_at_least(49.0, 49.0, 49.0, 50.0) == 0.0


def test_a_stored_time_stamp_is_said_in_the_servers_local_time(monkeypatch):
    """The conflict message said “于 2026-12-07T04:42:44+00:00” (UTC, eight hours off in Beijing)
    and 修改记录 cut the same stamp to 04:42: both say the server's local time, to the minute."""
    import time

    from analytics.core.calendar import local_stamp
    from analytics.storage.errors import Conflict

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        assert local_stamp("2026-12-07T04:42:44+00:00") == "2026-12-07 12:42"
        assert local_stamp("2026-12-07T04:42:44") == "2026-12-07 04:42" and local_stamp(None) is None and local_stamp("x") == "x"
        c = Conflict(("actuals", "a", 2024, 1, "month"), "甲", "A", 1, 2, 3.0, 3.1, "local", "2026-12-07T04:42:44+00:00")
        assert "于 2026-12-07 12:42 改为" in c.message("zh") and "+00:00" not in c.message("en")
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
