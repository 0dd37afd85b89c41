"""Flows of few whole things (``event_rate``) for :func:`analytics.forecast.method.forecast_indicator`:
a count such as 项目数 ≥ 1 个 or 培训场次 3 场 a year, whose months are mostly empty, against a target of
at least so many (a cap — 投诉 ≤ 2次 — keeps the usual model: rounding down what may still happen
would understate it, and its projection is said with its decimal as a projection). Seasonal shares and
pro-rata extrapolate such a count at its early pace — one project in March read 2 by December
(200% of the target, the forms' over-achievement prompt) — and give fractions of a thing.

Here the events to come are counted at the events' recent rate: the monthly amounts of the last
12 months (last year's months where known, this year's), weighted by ``exp(-_LAMBDA x months
back)`` as the flows' growth window, so months without an event since the last one lower the pace.
Once a target of at least so many is met, only the events beyond it count (this year's months):
a plan carried out says nothing of more to come. The point is the year-to-date plus the
whole events that rate brings by December (rounded down: a fraction of an event does not happen);
the interval and the chance of meeting the target come from the count of events to come, Poisson
with the rate uncertain (gamma, with half an event of prior as the zero-cap rule of
:mod:`analytics.forecast.outlook`, so months without one are not certainty), i.e. negative
binomial. The timing of events within the year (a December rush) is not modelled: with a few
events a year it cannot be told from chance. Described in ``docs/forecast.md``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
from scipy import special

from analytics.core.calendar import INTERVAL_UPPER_Q
from analytics.forecast.shared import Forecast, _LAMBDA

#: At most this many events a month on average (this year so far, and each prior year's total over
#: 12 months) make a flow of few events: months without one are then the rule, and a month's
#: amount says little of the next (a stated assumption, no value was fitted).
_FEW_PER_MONTH = 1.0
_PRIOR_EVENTS = 0.5  # half an event of prior on the rate (the zero-cap rule's)
_WHOLE = 1e-9  # a whole number up to floating-point noise


def _is_whole(v: float) -> bool:
    return abs(v - round(v)) <= _WHOLE * max(1.0, abs(v))


def few_events(cur: Mapping[int, float], curves: list[tuple[int, np.ndarray]]) -> bool:
    """Whether a flow in a unit of whole things is one of few events: every figure a whole number
    ≥ 0 and never falling (this year's and the usable prior years'), at most ``_FEW_PER_MONTH`` a
    month so far this year and over each prior year."""
    months = sorted(cur)
    vals = [float(cur[k]) for k in months]
    if not all(v >= 0 and _is_whole(v) for v in vals) or any(b < a for a, b in zip(vals, vals[1:])):
        return False
    if vals[-1] > _FEW_PER_MONTH * months[-1]:
        return False
    for _, c in curves:
        if not all(_is_whole(float(v)) for v in c) or np.any(np.diff(c) < 0) or c[12] > _FEW_PER_MONTH * 12:
            return False
    return True


def _amounts(cur: Mapping[int, float], m: int) -> np.ndarray:
    """This year's monthly amounts 1..m; months known only together share their block evenly."""
    months = sorted(cur)
    cum = np.interp(np.arange(0, m + 1, dtype=float), [0.0, *months], [0.0, *(float(cur[k]) for k in months)])
    return np.diff(cum)


def _window(cur: Mapping[int, float], prev: np.ndarray | None, m: int, target: float | None, at_least: bool
            ) -> tuple[np.ndarray, np.ndarray]:
    """(amounts, months back from m) the rate is measured on: the last 12 months, or, once a ≥ target
    is met, this year's months with only the events beyond the target counted."""
    x = _amounts(cur, m)
    cum = np.cumsum(x)
    back = m - np.arange(1, m + 1, dtype=float)
    if at_least and target is not None and cum[-1] >= target - _WHOLE:
        return np.diff(np.concatenate(([0.0], np.maximum(cum - target, 0.0)))), back
    if prev is not None:  # last year's months within the last 12: m+1..12
        x = np.concatenate((np.diff(prev)[m:], x))
        back = np.concatenate((m + 12.0 - np.arange(m + 1, 13, dtype=float), back))
    return x, back


def _nb_cdf(k: float, shape: float, p: float) -> float:
    """P(N ≤ k) for N negative binomial (``shape`` events of a gamma rate, success share ``p``)."""
    if k < 0:
        return 0.0
    return float(special.betainc(shape, math.floor(k) + 1.0, p))


def _nb_ppf(q: float, shape: float, p: float) -> int:
    k = 0
    while _nb_cdf(k, shape, p) < q and k < 100_000:
        k += 1
    return k


def event_forecast(
    cur: Mapping[int, float],
    prev: np.ndarray | None,
    n_prior: int,
    target: float | None,
    at_least: bool,
    required: float | None,
    recent: float,
) -> Forecast:
    """The ``event_rate`` forecast of a flow of few whole events (see the module's description);
    ``prev`` is last year's cumulative curve when usable."""
    m = max(cur)
    c_m = float(cur[m])
    x, back = _window(cur, prev, m, target, at_least)
    w = np.exp(-_LAMBDA * back)
    events, exposure = float(np.dot(w, x)), float(w.sum())
    rate = events / exposure
    shape = events + _PRIOR_EVENTS
    q_lo, q_hi = 1.0 - INTERVAL_UPPER_Q, INTERVAL_UPPER_Q

    def at(h: int) -> tuple[float, float, float]:
        p = exposure / (exposure + h)
        point = c_m + math.floor(rate * h + _WHOLE)
        return point, c_m + _nb_ppf(q_lo, shape, p), max(point, c_m + _nb_ppf(q_hi, shape, p))

    path = tuple((m + h, *at(h)) for h in range(1, 13 - m))
    point, lower, upper = path[-1][1:]
    p_attain = None
    if target is not None:
        p_end = exposure / (exposure + 12 - m)
        if at_least:
            need = math.ceil(target - c_m - _WHOLE)
            p_attain = 1.0 if need <= 0 else 1.0 - _nb_cdf(need - 1, shape, p_end)
        else:  # not reached from forecast_indicator (a cap keeps the usual model); kept for completeness
            room = math.floor(target - c_m + _WHOLE)
            p_attain = _nb_cdf(room, shape, p_end) if room >= 0 else 0.0
    return Forecast(float(point), float(lower), float(upper), p_attain, "event_rate", None, n_prior,
                    tuple((int(mo), float(a), float(b), float(c)) for mo, a, b, c in path),
                    required, recent, None)
