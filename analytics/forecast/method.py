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
  points for rates (results capped to 0..100).
* **Intervals / P(attain)**: Student-t on log(final / forecast) (flows, positive
  levels) or on the difference (rates).  The scale is a prior width by cutoff month
  and number of reference years (fitted once on benchmark development years, i.e.
  years *before* the test years), rescaled by the indicator's own leave-future-out
  backtest errors with a conjugate pooling rule (prior weight 5 pseudo-years); the t
  degrees of freedom are 5 + the number of backtest years.  ``p_attain`` comes from
  the same distribution (a flow's total cannot fall below its YTD).
* **Fallbacks**: flows without a usable prior year -> ``prorata`` (序时进度) or, with
  ``last_year_end``, ``prorata_anchored``; levels without prior-year months ->
  ``level_hold``; December observed -> ``observed_final``; no current data -> ``none``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from scipy import special

__all__ = [
    "Forecast",
    "forecast_indicator",
    "seasonal_profile",
    "METHODS",
    "REASONS",
]

# --------------------------------------------------------------------------------------
# Public types and vocabularies
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Forecast:
    """Year-end forecast for one indicator.

    ``point``/``lower``/``upper`` are the year-end value (flow: annual total; other
    kinds: December value) and the 80% predictive interval (10th/90th percentile).
    ``path`` holds ``(month, point, lower, upper)`` for months ``m+1..12`` where ``m``
    is the last observed month (cumulative for flows, level otherwise).
    ``backtest_mape`` is in percent (e.g. ``2.4`` means 2.4%).
    """

    point: float | None
    lower: float | None
    upper: float | None
    p_attain: float | None
    method: str
    reason: str | None
    n_prior_years: int
    path: tuple[tuple[int, float, float, float], ...]
    required_monthly: float | None
    recent_monthly: float | None
    backtest_mape: float | None


METHODS: dict[str, dict[str, str]] = {
    "seasonal_blend": {
        "zh": "季节占比与趋势混合",
        "en": "Seasonal share blended with recent trend",
        "desc_zh": "按往年同期进度推算全年，并用近几个月相对往年的增长修正剩余月份（近期月份权重更高）；"
        "再与“剔除季节因素后的近期月均水平×剩余月份季节系数”的推算值按7:3合成，避免上年水平突变被重复计入。",
        "desc_en": "Scales prior years' remaining-month amounts by this year's growth, "
        "weighting recent months more, which blends the seasonal share with a YoY trend; "
        "then mixed 7:3 with the seasonally adjusted recent level carried over the remaining "
        "months, so that a level shift last year is not counted twice.",
    },
    "prorata": {
        "zh": "序时进度外推",
        "en": "Pro-rata (time-elapsed) extrapolation",
        "desc_zh": "无可用历史数据，按累计值×12/已过月数外推，区间较宽。",
        "desc_en": "No usable history: year-to-date × 12 / months elapsed, with a wide interval.",
    },
    "prorata_anchored": {
        "zh": "序时进度与上年总量加权",
        "en": "Pro-rata anchored on last year's total",
        "desc_zh": "无月度历史但已知上年全年值，将序时外推与上年全年值按精度加权。",
        "desc_en": "No monthly history but last year's total is known: precision-weighted "
        "mix of the pro-rata extrapolation and last year's total.",
    },
    "level_trend": {
        "zh": "末值加季节变动",
        "en": "Latest value plus usual change to December",
        "desc_zh": "最新值加上往年同期至年末的平均季节变动（剔除各年自身趋势），并延续一半当前同比变化。",
        "desc_en": "Latest value plus the prior years' mean seasonal change to December (each "
        "year's own drift removed), continuing half of the current 12-month change.",
    },
    "level_hold": {
        "zh": "保持最新值",
        "en": "Hold latest value",
        "desc_zh": "无往年月度数据，假定年末等于最新值，区间按本年（及上年末）的月度波动放宽。",
        "desc_en": "No prior-year monthly data: December assumed equal to the latest value, "
        "with a wide interval from this year's (and last December's) monthly changes.",
    },
    "observed_final": {
        "zh": "年末实际值",
        "en": "Observed year-end value",
        "desc_zh": "12月数据已出，直接采用实际值。",
        "desc_en": "December is observed; the actual value is used.",
    },
    "none": {
        "zh": "无法预测",
        "en": "No forecast",
        "desc_zh": "数据不足，不作预测。",
        "desc_en": "Not enough data to forecast.",
    },
}

REASONS: dict[str, dict[str, str]] = {
    "no_current_data": {
        "zh": "本年无数据",
        "en": "No current-year data",
        "desc_zh": "截至所选月份本年度尚无任何有效数据，无法预测。",
        "desc_en": "The current year has no valid observation up to the selected month.",
    },
    "unsupported_kind": {
        "zh": "该类指标不作预测",
        "en": "Indicator kind not forecast",
        "desc_zh": "仅对流量、存量、水平值和比率类指标作年末预测（如里程碑类不适用）。",
        "desc_en": "Only flow, stock, level and rate indicators are forecast (e.g. not milestones).",
    },
}

# --------------------------------------------------------------------------------------
# Constants.  Chosen on benchmark *development* years (complete years before each
# series' three test years, at most eight per series), never on the test years.
# --------------------------------------------------------------------------------------

_K_REF = 6  # prior years used for the point estimate (flows)
_K_LEVEL = 3  # prior years used for the point estimate (levels)
_MAX_YEARS = 10  # prior years read at all (point + own backtest)
_MAX_BACKTEST = 5  # own-backtest years
_LAMBDA = 0.3  # exponential month weight of the growth ratio (per month back)
_YEAR_DECAY = 0.7  # weight of each older reference year relative to the next
_MIN_MONTHS = 6  # observed months (incl. December) for a prior year to be usable
# Recent-level estimate blended into the flow point (robust to level shifts):
_BLEND_LEVEL = 0.3  # weight of the recent-level total (geometric blend)
_K_SEAS = 3  # reference years for its seasonal index (weights _YEAR_DECAY ** age)
_LEVEL_SPAN = 12  # months in its window (previous year's months + this year's)
_Z80 = 0.9  # upper quantile of the 80% central interval

# Flow interval.  Prior scale of log(T / T_hat) at cutoff m:
#   sigma0(m, K) = _FLOW_C * _FLOW_A[K] * ((12 - m) / 12 + 0.1)
# with K = reference years used (1, 2, 3, 4+).  _FLOW_A: 80%-quantile-matched scale of
# the dev-year errors per K; _FLOW_C, _FLOW_NU0: chosen so that dev-year coverage of
# the complete procedure (prior + own-backtest pooling + Student-t) is ~80%.
_FLOW_A = np.array([0.044, 0.038, 0.034, 0.031])
_SIGMA_OFFSET = 0.1
_FLOW_C = 0.9
_FLOW_NU0 = 5.0  # prior pseudo-years for the scale pooling and the t degrees of freedom
# No usable monthly history: pro-rata log-error scale 0.2 * ((12 - m) / 12 + 0.1) ** 1.2
# (dev years), and the scale of log(T / last year's total) for the anchored variant.
_PRORATA_A = 0.2
_PRORATA_POW = 1.2
_GROWTH_SIGMA = 0.075
_PRORATA_NU = math.inf  # sigma above is matched to the normal 80% quantile

# Level interval: prior sigma(h) = _LEVEL_C * v * sqrt(h + _LEVEL_DRIFT * h^2), v =
# innovation scale (per month) of the seasonally differenced series, h = months ahead;
# rescaled by the own backtest like flows (prior weight _LEVEL_NU0 pseudo-years).
_LEVEL_C = 1.0
_LEVEL_NU0 = 4.0
_LEVEL_PHI = 0.5  # share of the current 12-month change carried to December
_LEVEL_DRIFT = 0.1  # drift-uncertainty term of the horizon shape (dev years)
_VOL_MONTHS = 120  # months of data used for the volatility v
_HOLD_REL_SIGMA = 0.03  # per sqrt(month), relative, when nothing else is known


# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------


def _clean(values: Mapping[int, float] | None, max_month: int = 12) -> dict[int, float]:
    out: dict[int, float] = {}
    if not values:
        return out
    for k, v in values.items():
        try:
            mo = int(k)
            fv = float(v)
        except (TypeError, ValueError):
            continue
        if 1 <= mo <= max_month and math.isfinite(fv):
            out[mo] = fv
    return out


def _t_ppf(q: float, nu: float) -> float:
    return float(special.stdtrit(nu, q)) if math.isfinite(nu) else float(special.ndtri(q))


def _t_cdf(x: float, nu: float) -> float:
    return float(special.stdtr(nu, x)) if math.isfinite(nu) else float(special.ndtr(x))


def _wants_at_least(direction: str, comparator: str) -> bool:
    c = comparator.strip()
    if c in (">=", ">", "≥"):
        return True
    if c in ("<=", "<", "≤"):
        return False
    if c in ("=", "==", "＝"):
        return direction == "higher"
    raise ValueError(f"unknown comparator {comparator!r}")


def _none(reason: str, n_prior: int) -> Forecast:
    return Forecast(None, None, None, None, "none", reason, n_prior, (), None, None, None)


# --------------------------------------------------------------------------------------
# Flows
# --------------------------------------------------------------------------------------


def _flow_curve(vals: Mapping[int, float], total: float | None = None) -> np.ndarray | None:
    """Cumulative curve c[0..12] (c[0] = 0) of one prior year, gaps interpolated
    linearly in the cumulative (= gap months share the block evenly).  ``None`` if
    the year has no December total or fewer than ``_MIN_MONTHS`` observations."""
    pts = dict(vals)
    if 12 not in pts and total is not None and math.isfinite(total):
        pts[12] = float(total)
    if 12 not in pts or len(pts) < _MIN_MONTHS:
        return None
    xs = [0, *sorted(pts)]
    ys = [0.0, *(pts[k] for k in sorted(pts))]
    return np.interp(np.arange(13, dtype=float), xs, ys)


def _usable_flow_years(
    history: Mapping[int, Mapping[int, float]] | None, last_year_end: float | None
) -> list[tuple[int, np.ndarray]]:
    """Usable prior years as (year, cumulative curve), most recent first (at most
    ``_MAX_YEARS``).  ``last_year_end`` completes the latest history year when its
    December is missing."""
    if not history:
        return []
    years = sorted((int(y) for y in history), reverse=True)
    out: list[tuple[int, np.ndarray]] = []
    for i, y in enumerate(years):
        total = last_year_end if i == 0 else None
        c = _flow_curve(_clean(history[y]), total)
        if c is not None:
            out.append((y, c))
        if len(out) >= _MAX_YEARS:
            break
    return out


# weights exp(LAMBDA * t) for months t = 1..12 of the current year and t - 12 of the
# year before (the common factor exp(-LAMBDA * m) cancels in the growth ratio)
_W_CUR = np.exp(_LAMBDA * np.arange(1, 13))
_W_PREV = np.exp(_LAMBDA * (np.arange(1, 13) - 12.0))


def _combine_remainders(rem: np.ndarray, n: int) -> np.ndarray:
    """Weighted (decay ``_YEAR_DECAY`` per year back) geometric mean over the first
    axis of ``rem`` (n reference years); arithmetic where a value is <= 0."""
    w = _YEAR_DECAY ** np.arange(n, dtype=float)
    w = w / w.sum()
    arith = np.tensordot(w, rem, axes=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        geo = np.exp(np.tensordot(w, np.log(np.where(rem > 0, rem, 1.0)), axes=1))
    return np.where(np.all(rem > 0, axis=0), geo, arith)


def _flow_point(
    months: np.ndarray,
    cum: np.ndarray,
    refs: list[tuple[int, np.ndarray]],
    curves: Mapping[int, np.ndarray],
    cur_year: int,
) -> tuple[float, np.ndarray, int]:
    """Point estimate of the annual total from the current year's YTD values ``cum``
    at observed ``months`` (ascending, last = cutoff m), reference years ``refs``
    (most recent first) and all usable ``curves`` by year (for the growth window
    that reaches into the previous year).
    Returns (total, mean fraction of the remainder reached by months m..12, K used)."""
    m = int(months[-1])
    c_m = float(cum[-1])
    prev_m = np.concatenate(([0], months[:-1]))
    amount = cum - np.concatenate(([0.0], cum[:-1]))
    w = _W_CUR[months - 1]
    prev_cur = curves.get(cur_year - 1)
    refs = refs[:_K_REF]
    rem = np.empty(len(refs))
    frac = np.zeros(13 - m)
    latest_total = refs[0][1][12]
    for i, (yr, c) in enumerate(refs):
        num = float(np.dot(w, amount))
        den = float(np.dot(w, c[months] - c[prev_m]))
        prev_ref = curves.get(yr - 1)
        if prev_cur is not None and prev_ref is not None:
            num += float(np.dot(_W_PREV, np.diff(prev_cur)))
            den += float(np.dot(_W_PREV, np.diff(prev_ref)))
        if num > 0 and den > 0:
            g = num / den
        elif c_m > 0 and c[m] > 0:
            g = c_m / c[m]
        else:  # no usable signal: same annual size as the latest year
            g = latest_total / c[12] if c[12] > 0 else 1.0
        r_k = c[12] - c[m]
        rem[i] = g * r_k
        frac += (c[m:] - c[m]) / r_k if r_k > 0 else np.linspace(0.0, 1.0, 13 - m)
    remainder = float(_combine_remainders(rem[:, None], len(refs))[0])
    total = c_m + remainder
    seas = _seasonal_index(refs)
    if seas is not None:
        t: list[float] = []
        d: list[float] = []
        if prev_cur is not None:
            t.extend(np.arange(1, 13) - 12.0)
            d.extend(np.diff(prev_cur) / np.where(seas > 0, seas, math.nan))
        for p0, mo, a in zip(prev_m, months, amount):
            s_blk = float(seas[p0:mo].sum())
            t.append(float(mo))
            d.append(a / s_blk if s_blk > 0 else math.nan)
        level = _recent_level(np.array(t), np.array(d), np.array([m]))[0]
        total = float(_blend_level(np.array([total]), np.array([c_m + level * seas[m:].sum()]))[0])
    return total, frac / len(refs), len(refs)


def _seasonal_index(refs: list[tuple[int, np.ndarray]]) -> np.ndarray | None:
    """Monthly seasonal index (month amount / that year's monthly mean), weighted mean
    over the latest ``_K_SEAS`` reference years; None when a year's total is not > 0."""
    rs = refs[:_K_SEAS]
    w = _YEAR_DECAY ** np.arange(len(rs), dtype=float)
    idx = np.zeros(12)
    for wk, (_, c) in zip(w / w.sum(), rs):
        if not c[12] > 0:
            return None
        idx += wk * np.diff(c) / (c[12] / 12.0)
    idx[idx < 0] = 0.0
    return idx


def _recent_level(t: np.ndarray, d: np.ndarray, cutoffs: np.ndarray) -> np.ndarray:
    """Seasonally adjusted monthly level at each cutoff m: mean of the adjusted values
    ``d`` at months ``t`` (previous year: -11..0) within the last ``_LEVEL_SPAN`` months,
    weights exp(-_LAMBDA x months back); geometric when all are > 0.  NaN when none."""
    ok = np.isfinite(d)
    t, d = t[ok], d[ok]
    out = np.full(len(cutoffs), math.nan)
    for i, m in enumerate(cutoffs):
        sel = (t > m - _LEVEL_SPAN) & (t <= m)
        if not sel.any():
            continue
        w = np.exp(_LAMBDA * (t[sel] - m))
        v = d[sel]
        if np.all(v > 0):
            out[i] = math.exp(float(np.dot(w, np.log(v)) / w.sum()))
        else:
            out[i] = float(np.dot(w, v) / w.sum())
    return out


def _blend_level(trend_total: np.ndarray, level_total: np.ndarray) -> np.ndarray:
    """Geometric blend of the growth-ratio total and the recent-level total (weight
    ``_BLEND_LEVEL``); the growth-ratio total alone where either is not > 0."""
    ok = np.isfinite(level_total) & (level_total > 0) & (trend_total > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        mix = np.exp(
            (1.0 - _BLEND_LEVEL) * np.log(np.where(ok, trend_total, 1.0))
            + _BLEND_LEVEL * np.log(np.where(ok, level_total, 1.0))
        )
    return np.where(ok, mix, trend_total)


def _flow_backtest(
    refs: list[tuple[int, np.ndarray]], curves: Mapping[int, np.ndarray]
) -> list[tuple[int, np.ndarray]]:
    """Own leave-future-out backtest, vectorised over cutoffs: for each of the latest
    ``_MAX_BACKTEST`` usable prior years j with an older usable year, the log errors
    log(T_j / T_hat_j(m)) for m = 1..11 using only years before j (same estimator as
    :func:`_flow_point` with complete months).  Returns [(K used, errors[11]), ...]."""
    out: list[tuple[int, np.ndarray]] = []
    for j in range(min(len(refs) - 1, _MAX_BACKTEST)):
        yr, target = refs[j]
        older = refs[j + 1 : j + 1 + _K_REF]
        t_true = target[12]
        if t_true <= 0:
            continue
        x = np.diff(target)
        num = np.cumsum(_W_CUR * x)[:11]
        prev_t = curves.get(yr - 1)
        rem = np.empty((len(older), 11))
        latest_total = older[0][1][12]
        for i, (yr_r, c) in enumerate(older):
            den = np.cumsum(_W_CUR * np.diff(c))[:11]
            n_i, d_i = num, den
            prev_r = curves.get(yr_r - 1)
            if prev_t is not None and prev_r is not None:
                n_i = num + float(np.dot(_W_PREV, np.diff(prev_t)))
                d_i = den + float(np.dot(_W_PREV, np.diff(prev_r)))
            ok = (n_i > 0) & (d_i > 0)
            ytd_ok = (target[1:12] > 0) & (c[1:12] > 0)
            g = np.where(
                ok,
                n_i / np.where(ok, d_i, 1.0),
                np.where(
                    ytd_ok,
                    target[1:12] / np.where(ytd_ok, c[1:12], 1.0),
                    latest_total / c[12] if c[12] > 0 else 1.0,
                ),
            )
            rem[i] = g * (c[12] - c[1:12])
        t_hat = target[1:12] + _combine_remainders(rem, len(older))
        seas = _seasonal_index(older)
        if seas is not None:
            t = np.arange(1, 12, dtype=float)
            d = np.diff(target)[:11] / np.where(seas[:11] > 0, seas[:11], math.nan)
            if prev_t is not None:
                t = np.concatenate((np.arange(1, 13) - 12.0, t))
                d = np.concatenate((np.diff(prev_t) / np.where(seas > 0, seas, math.nan), d))
            level = _recent_level(t, d, np.arange(1, 12))
            tail = np.cumsum(seas[::-1])[::-1][1:]  # seas[m:].sum() for m = 1..11
            t_hat = _blend_level(t_hat, target[1:12] + level * tail)
        with np.errstate(divide="ignore", invalid="ignore"):
            err = np.log(t_true / t_hat)
        if np.all(np.isfinite(err)):
            out.append((len(older), err))
    return out


_REMAIN = (12 - np.arange(1, 12)) / 12.0 + _SIGMA_OFFSET  # by cutoff m = 1..11


def _flow_sigma0_vec(k: int) -> np.ndarray:
    return _FLOW_C * _FLOW_A[min(max(k, 1), 4) - 1] * _REMAIN


def _flow_sigma0(m: int, k: int) -> float:
    return float(_flow_sigma0_vec(k)[m - 1])


def _pooled_scale(z2_means: list[float], nu0: float) -> tuple[float, float]:
    """Conjugate pooling of standardised squared errors: returns (scale factor, dof)."""
    n = len(z2_means)
    s2 = (nu0 * 1.0 + float(np.sum(z2_means))) / (nu0 + n)
    return math.sqrt(s2), nu0 + n


def _attain_prob_log(
    point: float, sigma: float, nu: float, target: float, at_least: bool, floor: float | None
) -> float:
    """P(final >= target) (or <=) for final = point * exp(sigma * t_nu), truncated
    below at ``floor`` (the YTD for flows)."""
    if floor is not None:
        if at_least and target <= floor:
            return 1.0
        if not at_least and target < floor:
            return 0.0
    if target <= 0:
        return 1.0 if at_least else 0.0
    if sigma <= 0:
        met = point >= target if at_least else point <= target
        return 1.0 if met else 0.0
    z = math.log(target / point) / sigma
    p_below = _t_cdf(z, nu)
    return float(min(1.0, max(0.0, 1.0 - p_below if at_least else p_below)))


def _attain_prob_add(
    point: float, sigma: float, nu: float, target: float, at_least: bool
) -> float:
    if sigma <= 0:
        met = point >= target if at_least else point <= target
        return 1.0 if met else 0.0
    p_below = _t_cdf((target - point) / sigma, nu)
    return float(min(1.0, max(0.0, 1.0 - p_below if at_least else p_below)))


def _recent_monthly(months: np.ndarray, cum: np.ndarray) -> float:
    """Mean monthly amount since the latest observation at or before month m-3
    (from January when there is none; with gaps the window can be longer)."""
    m = int(months[-1])
    p, cp = 0, 0.0
    for mo, v in zip(months[:-1], cum[:-1]):
        if mo <= m - 3:
            p, cp = int(mo), float(v)
    return (float(cum[-1]) - cp) / (m - p)


def _forecast_flow(
    cur: dict[int, float],
    history: Mapping[int, Mapping[int, float]] | None,
    target: float | None,
    at_least: bool,
    last_year_end: float | None,
) -> Forecast:
    months = np.array(sorted(cur), dtype=int)
    cum = np.array([cur[k] for k in months], dtype=float)
    m = int(months[-1])
    c_m = float(cum[-1])
    refs = _usable_flow_years(history, last_year_end)
    n_prior = len(refs)
    recent = _recent_monthly(months, cum)
    required = (target - c_m) / (12 - m) if (target is not None and m < 12) else None

    if m == 12:
        p = None
        if target is not None:
            p = 1.0 if (c_m >= target if at_least else c_m <= target) else 0.0
        return Forecast(c_m, c_m, c_m, p, "observed_final", None, n_prior, (), None, recent, None)

    backtest_mape: float | None = None
    anchor = last_year_end if (last_year_end is not None and math.isfinite(last_year_end)) else None
    if refs:
        method = "seasonal_blend"
        curves = dict(refs)
        cur_year = max(int(y) for y in history) + 1  # history's latest year = last year
        point, frac, k_used = _flow_point(months, cum, refs, curves, cur_year)
        sigma0 = _flow_sigma0(m, k_used)
        bt = _flow_backtest(refs, curves)
        z2 = [float(np.mean((err / _flow_sigma0_vec(k)) ** 2)) for k, err in bt]
        scale, nu = _pooled_scale(z2, _FLOW_NU0)
        sigma = sigma0 * scale
        if bt:
            backtest_mape = float(
                np.mean([np.mean(np.abs(np.expm1(-err))) for _, err in bt]) * 100.0
            )
    else:
        frac = np.linspace(0.0, 1.0, 13 - m)
        prorata = c_m * 12.0 / m
        s_pr = _PRORATA_A * float(_REMAIN[m - 1]) ** _PRORATA_POW
        nu = _PRORATA_NU
        if anchor is not None and anchor > 0 and prorata > 0:
            method = "prorata_anchored"
            w = _GROWTH_SIGMA**2 / (_GROWTH_SIGMA**2 + s_pr**2)
            point = math.exp(w * math.log(prorata) + (1 - w) * math.log(anchor))
            # the two errors are not independent (seasonality biases pro-rata, growth
            # moves both): no precision gain is claimed, the narrower scale is kept
            sigma = min(s_pr, _GROWTH_SIGMA)
        else:
            method = "prorata"
            point = prorata
            sigma = s_pr
        point = max(point, c_m)

    lower, upper, p_attain = _flow_interval(point, sigma, nu, c_m, target, at_least)
    path = tuple(
        (
            int(m + i),
            float(c_m + (point - c_m) * frac[i]),
            float(c_m + (lower - c_m) * frac[i]),
            float(c_m + (upper - c_m) * frac[i]),
        )
        for i in range(1, 13 - m)
    )
    return Forecast(
        float(point),
        float(lower),
        float(upper),
        p_attain,
        method,
        None,
        n_prior,
        path,
        None if required is None else float(required),
        float(recent),
        backtest_mape,
    )


def _flow_interval(
    point: float, sigma: float, nu: float, c_m: float, target: float | None, at_least: bool
) -> tuple[float, float, float | None]:
    q = _t_ppf(_Z80, nu)
    if point > 0:
        # the year-end total cannot fall below the YTD when the expected remainder is
        # non-negative (the usual case): truncate there
        floor = c_m if point >= c_m else None
        lower = point * math.exp(-q * sigma)
        upper = point * math.exp(q * sigma)
        if floor is not None:
            lower, upper = max(floor, lower), max(floor, upper)
        p = None
        if target is not None:
            p = _attain_prob_log(point, sigma, nu, target, at_least, floor)
        return lower, upper, p
    # degenerate (non-positive) totals: additive scale
    s_abs = sigma * max(abs(point), abs(c_m), 1e-9)
    lower, upper = point - q * s_abs, point + q * s_abs
    p = None if target is None else _attain_prob_add(point, s_abs, nu, target, at_least)
    return lower, upper, p


def seasonal_profile(history: Mapping[int, Mapping[int, float]]) -> dict[int, float]:
    """Mean share of the annual total reached by the end of each month (flows).

    ``history`` is year -> (month -> YTD cumulative).  Years without a December total
    or with fewer than six observed months are skipped; gaps are interpolated
    linearly in the cumulative.  Plain mean over the last three usable years.
    Returns {1..12: share} (share[12] == 1.0), or {} when no usable year.
    """
    refs = [c for _, c in _usable_flow_years(history, None)[:3] if c[12] > 0]
    if not refs:
        return {}
    shares = np.mean([c[1:] / c[12] for c in refs], axis=0)
    return {int(i + 1): float(s) for i, s in enumerate(shares)}


# --------------------------------------------------------------------------------------
# Levels, stocks, rates
# --------------------------------------------------------------------------------------


def _level_grid(
    kind: str,
    cur: dict[int, float],
    history: Mapping[int, Mapping[int, float]] | None,
    last_year_end: float | None,
) -> tuple[np.ndarray, bool, np.ndarray]:
    """Continuous monthly grid G[year_index, 0..11] (last row = current year) in the
    working scale (log for positive stocks/levels, raw otherwise), internal gaps
    interpolated linearly.  Returns (G, log_scale, usable) where ``usable[k]`` says
    whether row k is a usable prior year: December known and at least ``_MIN_MONTHS``
    months observed (an absent year is interpolated for continuity but never used)."""
    hist = {}
    if history:
        for y in sorted((int(y) for y in history), reverse=True)[:_MAX_YEARS]:
            hist[y] = _clean(history[y])
    years = sorted(hist)
    cur_year = (years[-1] + 1) if years else 1
    first = years[0] if years else cur_year
    if last_year_end is not None:
        first = min(first, cur_year - 1)
    ny = cur_year - first + 1
    raw = np.full((ny, 12), np.nan)
    for y, vals in hist.items():
        for mo, v in vals.items():
            raw[y - first, mo - 1] = v
    for mo, v in cur.items():
        raw[ny - 1, mo - 1] = v
    if last_year_end is not None and ny >= 2 and not np.isfinite(raw[ny - 2, 11]):
        raw[ny - 2, 11] = last_year_end
    counts = np.isfinite(raw).sum(axis=1)
    usable = (counts >= _MIN_MONTHS) & np.isfinite(raw[:, 11])
    usable[-1] = False  # the current year
    flat = raw.reshape(-1)
    ok = np.isfinite(flat)
    use_log = kind != "rate" and bool(np.all(flat[ok] > 0))
    if use_log:
        flat = np.where(ok, np.log(np.where(ok & (flat > 0), flat, 1.0)), np.nan)
    idx = np.flatnonzero(ok)
    filled = flat.copy()
    if idx.size >= 2:
        inner = np.arange(idx[0], idx[-1] + 1)
        filled[inner] = np.interp(inner, idx, flat[idx])
    G = filled.reshape(ny, 12)
    return G, use_log, usable & np.all(np.isfinite(G), axis=1)


def _level_refs(G: np.ndarray, yi: int, usable: np.ndarray) -> tuple[list[int], np.ndarray]:
    """Reference rows (most recent first, <= _K_LEVEL usable prior years before row
    ``yi``) and each one's annual drift (December minus previous December; NaN if
    unknown)."""
    refs: list[int] = []
    for k in range(yi - 1, -1, -1):
        if usable[k]:
            refs.append(k)
            if len(refs) >= _K_LEVEL:
                break
    drift = np.array([G[k, 11] - G[k - 1, 11] if k >= 1 else np.nan for k in refs])
    return refs, drift


def _level_path(G: np.ndarray, yi: int, m: int, usable: np.ndarray) -> tuple[np.ndarray, int] | None:
    """Working-scale point path for months m+1..12 of row ``yi`` from cutoff ``m``:
    last value + mean seasonal change (each reference year's drift removed) + a share
    ``_LEVEL_PHI`` of the current 12-month change, pro-rated to the months ahead.
    Returns (path, number of reference years) or None without a reference year."""
    last = G[yi, m - 1]
    refs, drift = _level_refs(G, yi, usable)
    if not refs or not np.isfinite(last):
        return None
    steps = np.arange(1, 13 - m) / 12.0
    seas = np.array([G[k, m:] - G[k, m - 1] for k in refs])  # (K, 12-m)
    known = np.isfinite(drift)
    if known.any():
        d = np.where(known, drift, drift[known].mean())
        s = (seas - d[:, None] * steps[None, :]).mean(axis=0)
        yoy = G[yi, m - 1] - G[yi - 1, m - 1] if yi >= 1 else np.nan
        trend = _LEVEL_PHI * (yoy if np.isfinite(yoy) else float(drift[known].mean()))
        return last + s + trend * steps, len(refs)
    return last + seas.mean(axis=0), len(refs)


def _level_backtest_points(G: np.ndarray, yi: int, usable: np.ndarray) -> np.ndarray | None:
    """December predictions for row ``yi`` (a complete prior year) from every cutoff
    m = 1..11, vectorised; same formula as :func:`_level_path`.  None without refs."""
    refs, drift = _level_refs(G, yi, usable)
    if not refs:
        return None
    ms = np.arange(1, 12)
    steps = (12 - ms) / 12.0
    seas = np.array([G[k, 11] - G[k, :11] for k in refs])  # (K, 11)
    last = G[yi, :11]
    known = np.isfinite(drift)
    if known.any():
        d = np.where(known, drift, drift[known].mean())
        s = (seas - d[:, None] * steps[None, :]).mean(axis=0)
        yoy = G[yi, :11] - G[yi - 1, :11] if yi >= 1 else np.full(11, np.nan)
        yoy = np.where(np.isfinite(yoy), yoy, float(drift[known].mean()))
        return last + s + _LEVEL_PHI * yoy * steps
    return last + seas.mean(axis=0)


def _horizon_shape(h: np.ndarray) -> np.ndarray:
    """Growth of the level error with the horizon h (months): random walk plus an
    uncertain drift, sqrt(h + _LEVEL_DRIFT * h^2)."""
    return np.sqrt(h + _LEVEL_DRIFT * h * h)


def _level_volatility(G: np.ndarray) -> float | None:
    """Innovation scale v (per month) of the seasonally differenced monthly changes over
    the last ``_VOL_MONTHS`` months of the grid (recent volatility)."""
    flat = G.reshape(-1)
    last = int(np.flatnonzero(np.isfinite(flat))[-1]) if np.isfinite(flat).any() else 0
    flat = flat[max(0, last + 1 - _VOL_MONTHS - 13) : last + 1]
    d = np.diff(flat)
    dd = d[12:] - d[:-12]
    dd = dd[np.isfinite(dd)]
    if dd.size >= 3:
        return float(np.sqrt(np.mean(dd**2) / 2.0))
    d = d[np.isfinite(d)]
    if d.size >= 1:
        return float(np.sqrt(np.mean(d**2)))
    return None


def _forecast_level(
    kind: str,
    cur: dict[int, float],
    history: Mapping[int, Mapping[int, float]] | None,
    target: float | None,
    at_least: bool,
    last_year_end: float | None,
) -> Forecast:
    G, use_log, usable = _level_grid(kind, cur, history, last_year_end)
    yi = G.shape[0] - 1
    m = max(cur)
    last_raw = cur[m]
    fwd = math.exp if use_log else (lambda v: v)
    fwd_arr = np.exp if use_log else np.asarray

    if m == 12:
        p = None
        if target is not None:
            p = 1.0 if (last_raw >= target if at_least else last_raw <= target) else 0.0
        n_prior = int(usable.sum())
        return Forecast(last_raw, last_raw, last_raw, p, "observed_final", None, n_prior, (), None, None, None)

    res = _level_path(G, yi, m, usable)
    h = np.arange(1, 13 - m, dtype=float)
    backtest_mape = None
    if res is not None:
        method = "level_trend"
        path_w, k_used = res
        point_w = float(path_w[-1])
        n_prior = int(usable.sum())
        v = _level_volatility(G)
        v = v if v is not None and v > 0 else _fallback_scale(G[yi, m - 1], use_log)
        prior = _LEVEL_C * v * _horizon_shape(np.arange(11, 0, -1, dtype=float))  # by m=1..11
        z2: list[float] = []
        apes: list[float] = []
        for j in range(yi - 1, 0, -1):  # own backtest on up to _MAX_YEARS - 1 prior years
            if not usable[j]:
                continue
            pts_bt = _level_backtest_points(G, j, usable)
            if pts_bt is None or not np.all(np.isfinite(pts_bt)):
                continue
            err = G[j, 11] - pts_bt
            z2.append(float(np.mean((err / prior) ** 2)))
            truth, pred = fwd_arr(G[j, 11]), fwd_arr(pts_bt)
            with np.errstate(divide="ignore", invalid="ignore"):
                ape = np.abs(truth / pred - 1.0)
            apes.append(float(np.mean(np.where(np.isfinite(ape), ape, 0.0))))
            if len(z2) >= _MAX_YEARS - 1:
                break
        scale, nu = _pooled_scale(z2, _LEVEL_NU0)
        sig_h = _LEVEL_C * v * _horizon_shape(h) * scale
        if apes and n_prior >= 2:
            backtest_mape = float(np.mean(apes) * 100.0)
    else:
        n_prior = 0
        base = G[yi, m - 1]
        # No prior-year months: hold the latest value.  (A trend from last December to
        # now was worse than holding on the development years -- the change since
        # December is mostly seasonal -- so last_year_end only informs the volatility.)
        method = "level_hold"
        path_w = np.full(h.size, base)
        point_w = float(path_w[-1])
        v = _level_volatility(G)
        if v is None or v <= 0:
            v = _fallback_scale(base, use_log)
        nu = 3.0
        sig_h = _LEVEL_C * v * _horizon_shape(h)

    q = _t_ppf(_Z80, nu)
    lo_w = path_w - q * sig_h
    hi_w = path_w + q * sig_h
    pts = np.array([fwd(x) for x in path_w])
    los = np.array([fwd(x) for x in lo_w])
    his = np.array([fwd(x) for x in hi_w])
    if kind == "rate":
        pts, los, his = (np.clip(a, 0.0, 100.0) for a in (pts, los, his))
    p_attain = None
    if target is not None:
        sd = float(sig_h[-1])
        if use_log:
            p_attain = _attain_prob_log(math.exp(point_w), sd, nu, target, at_least, None)
        else:
            p_attain = _attain_prob_add(point_w, sd, nu, target, at_least)
    path = tuple(
        (int(m + i + 1), float(pts[i]), float(los[i]), float(his[i])) for i in range(h.size)
    )
    return Forecast(
        float(pts[-1]),
        float(los[-1]),
        float(his[-1]),
        p_attain,
        method,
        None,
        n_prior,
        path,
        None,
        None,
        backtest_mape,
    )


def _fallback_scale(value: float, use_log: bool) -> float:
    """Per-month scale when nothing but one value is known (a stated assumption)."""
    if use_log:
        return _HOLD_REL_SIGMA
    return _HOLD_REL_SIGMA * max(abs(float(value)), 1.0)


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
) -> Forecast:
    """Forecast the year-end value of one indicator and the chance of meeting ``target``.

    kind: "flow" (annual sum; values are YTD cumulative), "stock", "level", "rate"
    (value at month end; rate in percent, capped to 0..100).  direction: "higher" or
    "lower" is better.  Only current months <= ``as_of_month`` are used; the forecast
    origin is the last observed month m (missing months are allowed).  ``history``
    maps prior year -> month -> value (same meaning as ``current``); its latest year
    is taken as the previous year when ``last_year_end`` fills a missing December.
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
        return _forecast_flow(cur, history, target, at_least, last_year_end)
    if not cur:
        n = sum(1 for y in (history or {}) if 12 in _clean(history[y]))
        return _none("no_current_data", min(n, _MAX_YEARS))
    return _forecast_level(kind, cur, history, target, at_least, last_year_end)
