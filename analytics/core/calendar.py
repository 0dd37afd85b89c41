"""The calendar of the programme, written once: the month type, which month of a year counts at
an as-of month, the default year, time progress (序时进度), "milestone achieved", and the 80 %
interval with the probability read from it.

Every layer calls these; none writes its own copy.
"""

from __future__ import annotations

import re
from statistics import NormalDist
from typing import Iterable, NamedTuple

# -- the month type ---------------------------------------------------------------------------


class Month(NamedTuple):
    """A calendar month. A tuple, so it compares, sorts and unpacks like ``(year, month)``."""

    year: int
    month: int

    @property
    def key(self) -> str:
        """``YYYY-MM``, the form used in files, URLs and JSON."""
        return f"{self.year:04d}-{self.month:02d}"

    @classmethod
    def parse(cls, text: str) -> "Month":
        """A month key, ``YYYY-MM`` (or ``YYYY-M``) → Month; ValueError otherwise. (Data files
        write months in many more ways: :func:`analytics.core.values.parse_period` reads those.)"""
        m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", str(text))
        if not m or not 1 <= int(m.group(2)) <= 12:
            raise ValueError(f"not a month (YYYY-MM): {text!r}")
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def of(cls, value: "Month | tuple[int, int]") -> "Month":
        """A Month from any ``(year, month)`` pair."""
        return cls(int(value[0]), int(value[1]))

    def previous(self) -> "Month":
        return Month(self.year, self.month - 1) if self.month > 1 else Month(self.year - 1, 12)


# -- which month of a year counts -------------------------------------------------------------


def data_month(year: int, as_of: tuple[int, int]) -> int:
    """The last month of ``year`` whose data count when judging at ``as_of``: 12 for a year
    already over, the as-of month in its own year, 0 for a year not started (nothing counts)."""
    if year < as_of[0]:
        return 12
    if year == as_of[0]:
        return int(as_of[1])
    return 0


def year_over(year: int, as_of: tuple[int, int]) -> bool:
    """Whether ``year`` is over when judging at ``as_of`` (its December counts): results, no
    longer forecasts, for the indicators whose December is in."""
    return data_month(year, as_of) == 12


def year_ahead(year: int, as_of: tuple[int, int]) -> bool:
    """Whether ``year`` has not started when judging at ``as_of`` (none of its months counts)."""
    return data_month(year, as_of) == 0


def empty_as_of(years: Iterable[int], today: tuple[int, int]) -> tuple[int, int]:
    """The as-of month of a project with no data at all: this month (``today``) while the project
    runs or before it starts (a table for next year judged now: its year has not started, nothing
    is over), December of its last year once it has ended."""
    known = sorted(set(years))
    if not known or tuple(today) <= (known[-1], 12):
        return (int(today[0]), int(today[1]))
    return (known[-1], 12)


def default_year(years: Iterable[int], as_of: tuple[int, int]) -> int:
    """The year shown when none is chosen: the as-of year when it has data or targets (or
    nothing is known), else the latest earlier year, else the first year known."""
    known = sorted(set(years))
    if not known or as_of[0] in known:
        return int(as_of[0])
    earlier = [y for y in known if y <= as_of[0]]
    return earlier[-1] if earlier else known[0]


# -- time progress (序时进度) -----------------------------------------------------------------


def start_meets_target(start: float, target: float, higher: bool = True) -> bool:
    """The value the year starts from already satisfies the year's target (direction-aware)."""
    return start >= target if higher else start <= target


def time_progress(start: float, target: float, month: int, higher: bool = True, hold_when_met: bool = True,
                  start_month: int = 0) -> float:
    """序时进度 at the end of ``month``: the straight line from last year-end's value (``start``)
    to the year's target, one twelfth per month, capped at month 12 (and at month 0 below).
    When the start already meets the target and ``hold_when_met`` (a ≥/≤ target), the expected
    value is the target itself all year: a line running away from the target is not "progress".
    ``start_month``: the line starts at the end of that month instead (the year's first reading
    when last year-end is not known), flat before it."""
    if hold_when_met and start_meets_target(start, target, higher):
        return target
    s = min(12, max(0, int(start_month)))
    m = min(12, max(s, int(month)))
    return target if s == 12 else start + (target - start) * (m - s) / (12 - s)


# -- milestones -------------------------------------------------------------------------------

MILESTONE_DONE = 0.5  # a yes/no milestone is recorded as 1 (done) or 0 (not yet)


def still_needed(required_monthly: float | None) -> float | None:
    """The monthly pace still needed to meet a target, as people read it: a target already
    reached needs nothing more (0), never a negative pace (``需月均 -533人次``); None for none."""
    return None if required_monthly is None else max(0.0, float(required_monthly))


def milestone_achieved(value: float | None) -> bool:
    """A yes/no milestone's recorded value means "achieved"."""
    return value is not None and value >= MILESTONE_DONE


def milestone_overdue(due: int, month: int, reported_to: int | None) -> bool:
    """Whether a milestone not achieved is past its deadline (``due``: the month of 9月底前) in a
    year seen at ``month``: the month is past the deadline, or a figure of the deadline's month or
    later (``reported_to``) says 否 — a month's figure is its state at the month's end. The one
    rule of the status, the forecast and the 自评表's projection."""
    return month > due or (reported_to is not None and reported_to >= due)


def wants_no(target: float | None) -> bool:
    """A yes/no milestone whose target is 否 (``是否存在质量问题 | 否``): met while it stays 否,
    broken once 是 is recorded (like a count that must stay 0)."""
    return target is not None and target < MILESTONE_DONE


def milestone_met(value: float | None, target: float | None) -> bool:
    """A yes/no milestone's recorded value meets its target: 是 for a target 是 (or none), 否 for
    a target 否."""
    if value is None:
        return False
    return not milestone_achieved(value) if wants_no(target) else milestone_achieved(value)


# -- the 80 % interval ------------------------------------------------------------------------

INTERVAL_LEVEL = 0.80  # every forecast and projection interval is the central 80 %
INTERVAL_UPPER_Q = 0.5 + INTERVAL_LEVEL / 2  # its upper quantile, 0.9
Z80 = 1.2815515655446004  # standard-normal quantile at 0.9 (half-width of the 80 % interval in σ)


def probability_at_least(point: float, lower: float, upper: float, target: float) -> float:
    """P(outcome ≥ target) for a normal outcome centred on ``point`` whose central 80 % interval
    is [lower, upper]; an interval of no width is a certain outcome."""
    if upper - lower < 1e-9:
        return 1.0 if point >= target - 1e-9 else 0.0
    sigma = (upper - lower) / (2 * Z80)
    return 1 - NormalDist(point, sigma).cdf(target - 1e-9)


def local_stamp(stamp: str | None) -> str | None:
    """A stored time stamp (ISO 8601, ``2026-12-07T04:42:44+00:00``) as people read it: in this
    server's local time (``TZ``), to the minute (``2026-12-07 12:42`` in Beijing); a stamp
    without an offset or not a time stamp at all as it is, cut at the minute."""
    import datetime as _dt

    if not stamp:
        return None
    text = str(stamp)
    try:
        when = _dt.datetime.fromisoformat(text)
    except ValueError:
        return text.replace("T", " ")[:16]
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.strftime("%Y-%m-%d %H:%M")
