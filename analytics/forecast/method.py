"""Year-end attainment forecast from monthly year-to-date (YTD) data.

Plain numpy/scipy, deterministic, no I/O.  Entry point: :func:`forecast_indicator`.
Method write-up and benchmark numbers: ``docs/forecast.md``; benchmark: ``bench/backtest.py``.

* **Flows** (annual total, values given as YTD cumulative) -- ``seasonal_blend``
  (季节占比与趋势混合).  For each of the last <= 6 usable prior years k, the amount
  still to come after month m in year k, ``T_k - C_k(m)``, is scaled by this year's
  growth against year k, and the scaled remainders are averaged (geometric mean,
  each older year weighted 0.7x the next).  The growth is a ratio of exponentially
  weighted monthly amounts (weight exp(-0.3 x months back)) over this year's months
  *and* the previous year's months, i.e. YoY growth of roughly the last four to six
  months.  With weight 0 on old months this is the plain seasonal share
  (YTD / share reached by month m); with a short window it is a "YoY recent trend"
  estimate -- the estimator sits in between.  The total is then blended
  (geometrically, weight 0.3) with a *recent-level* total: YTD + the seasonally
  adjusted level of the last 12 months (same month weights) x the remaining months'
  seasonal index (last <= 3 years).  Year-on-year growth measured across a level shift
  (e.g. a policy change early last year) double-counts it; the recent level does not.
* **Levels / stocks / rates** (value at month end) -- ``level_trend``
  (末值加季节变动): latest value + the prior years' mean change from month m to
  December with each year's own drift removed + half of the current 12-month change
  pro-rated to the months left.  Log scale for positive stocks/levels, percentage
  points for rates (results capped to 0..100).  A rate with at least 3 years in its
  own backtest (4 prior years): ``rate_weighted``, that point and the latest value held, weighted
  inversely by each one's mean squared error on those years.
* **Intervals / P(attain)**: Student-t on log(final / forecast) (flows, positive
  levels) or on the difference (rates).  The scale is a prior width by cutoff month
  and number of reference years (fitted once on benchmark development years, i.e.
  years *before* the test years) combined with the series' own month-to-month noise
  (flows: seasonal double differences, scaled to the months left), rescaled by the indicator's own leave-future-out
  backtest errors with a conjugate pooling rule (prior weight 5 pseudo-years); the t
  degrees of freedom are 5 + the number of backtest years.  ``p_attain`` comes from
  the same distribution (a flow's total cannot fall below its YTD).
* **Few whole events** (a flow in a unit of things against a ≥ target, at most one a month): ``event_rate``, the
  events' recent rate, whole events only (:mod:`analytics.forecast.events`).
* **Fallbacks**: flows without a usable prior year -> ``prorata`` (序时进度) or, with
  ``last_year_end``, ``prorata_anchored``; levels without prior-year months ->
  ``level_hold``; December observed -> ``observed_final``; no current data -> ``none``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from analytics.forecast.flows import _forecast_flow, _usable_flow_years
from analytics.forecast.levels import _forecast_level
from analytics.forecast.shared import BASES, METHODS, REASONS, Forecast  # the public vocabulary, re-exported here
from analytics.forecast.shared import _MAX_YEARS, _clean, _none, _wants_at_least

__all__ = [
    "BASES",
    "Forecast",
    "forecast_indicator",
    "METHODS",
    "REASONS",
]

# --------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------


def forecast_indicator(
    kind: str,
    direction: str,
    as_of_month: int,
    current: Mapping[int, float],
    history: Mapping[int, Mapping[int, float]],
    target: float | None = None,
    comparator: str = ">=",
    last_year_end: float | None = None,
    whole: bool = False,
) -> Forecast:
    """Forecast the year-end value of one indicator and the chance of meeting ``target``.

    kind: "flow" (annual sum; values are YTD cumulative), "stock", "level", "rate"
    (value at month end; rate in percent, capped to 0..100).  direction: "higher" or
    "lower" is better.  Only current months <= ``as_of_month`` are used; the forecast
    origin is the last observed month m (missing months are allowed).  ``history``
    maps prior year -> month -> value (same meaning as ``current``); its latest year
    is taken as the previous year when ``last_year_end`` fills a missing December.
    ``whole``: the indicator's unit counts whole things (个, 件 — :func:`analytics.core.values.counts_things`);
    a flow of few of them is counted by whole events (``event_rate``).
    Unknown kinds (e.g. "milestone") give method "none", reason "unsupported_kind".
    Raises ValueError on an unknown direction/comparator or as_of_month outside 1..12.
    """
    if kind not in ("flow", "stock", "level", "rate"):
        return _none("unsupported_kind", 0)
    if direction not in ("higher", "lower"):
        raise ValueError(f"unknown direction {direction!r}")
    if not 1 <= int(as_of_month) <= 12:
        raise ValueError(f"as_of_month must be 1..12, got {as_of_month!r}")
    at_least = _wants_at_least(direction, comparator)
    if target is not None:
        target = float(target)
        if not math.isfinite(target):
            target = None
    if last_year_end is not None:
        last_year_end = float(last_year_end)
        if not math.isfinite(last_year_end):
            last_year_end = None
    cur = _clean(current, int(as_of_month))
    if kind == "flow":
        if not cur:
            return _none("no_current_data", len(_usable_flow_years(history, last_year_end)))
        return _forecast_flow(cur, history, target, at_least, last_year_end, bool(whole))
    if not cur:
        n = sum(1 for y in (history or {}) if 12 in _clean(history[y]))
        return _none("no_current_data", min(n, _MAX_YEARS))
    return _forecast_level(kind, cur, history, target, at_least, last_year_end)
