"""Flow forecasts (annual totals from year-to-date figures) for
:func:`analytics.forecast.method.forecast_indicator`: ``seasonal_blend`` (seasonal share and
trend, blended with the recent level), the ``prorata`` fallbacks, the interval from the
indicator's own leave-future-out backtest. The method is described in
:mod:`analytics.forecast.method` and ``docs/forecast.md``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from analytics.core.calendar import INTERVAL_UPPER_Q
from analytics.forecast.events import event_forecast, few_events
from analytics.forecast.shared import (
    Forecast,
    _BLEND_LEVEL,
    _FLOW_A,
    _FLOW_C,
    _FLOW_NU0,
    _GROWTH_SIGMA,
    _K_REF,
    _K_SEAS,
    _LAMBDA,
    _LEVEL_SPAN,
    _MAX_BACKTEST,
    _MAX_YEARS,
    _MIN_MONTHS,
    _NOISE_PAIRS,
    _PRORATA_A,
    _PRORATA_NU,
    _PRORATA_POW,
    _SIGMA_OFFSET,
    _YEAR_DECAY,
    _attain_prob_add,
    _attain_prob_log,
    _clean,
    _pooled_scale,
    _t_ppf,
)


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


def _month_amounts(months: np.ndarray, cum: np.ndarray) -> np.ndarray:
    """This year's amounts of single months (index 0..11); NaN where a month is unobserved or
    only known inside a block of several months."""
    x = np.full(12, math.nan)
    prev, prev_c = 0, 0.0
    for mo, c in zip(months, cum):
        if int(mo) == prev + 1:
            x[int(mo) - 1] = float(c) - prev_c
        prev, prev_c = int(mo), float(c)
    return x


def _month_noise(x_cur: np.ndarray, curves: Mapping[int, np.ndarray], cur_year: int) -> tuple[float, int]:
    """Relative month noise of a flow: (sigma^2, number of terms). sigma is the standard deviation
    of a month's amount around its expected value, as a share of it. Seasonal double differences
    ``(x_t - x_{t-1}) - (x'_t - x'_{t-1})`` (``x'`` a year earlier) over the last ``_NOISE_PAIRS``
    pairs of consecutive years remove the seasonal pattern and the growth; without a year before,
    first differences of this year's months. Their mean square over the mean square of the
    amounts involved is 4 sigma^2 (first differences: 2 sigma^2). (0.0, 0) when nothing pairs."""
    rows = [x_cur] + [
        np.diff(curves[y]) if y in curves else np.full(12, math.nan)
        for y in range(cur_year - 1, cur_year - 1 - _NOISE_PAIRS, -1)
    ]
    num = den = 0.0
    n = 0
    for a, b in zip(rows[:-1], rows[1:]):
        quad = np.stack([a[1:], a[:-1], b[1:], b[:-1]])
        ok = np.all(np.isfinite(quad), axis=0)
        if ok.any():
            q = quad[:, ok]
            num += float(np.sum((q[0] - q[1] - q[2] + q[3]) ** 2))
            den += 4.0 * float(np.sum(q.mean(axis=0) ** 2))
            n += int(ok.sum())
    if n == 0:
        pair = np.stack([x_cur[1:], x_cur[:-1]])
        ok = np.all(np.isfinite(pair), axis=0)
        if ok.any():
            q = pair[:, ok]
            num = float(np.sum((q[0] - q[1]) ** 2))
            den = 2.0 * float(np.sum(q.mean(axis=0) ** 2))
            n = int(ok.sum())
    if n == 0 or not den > 0:
        return 0.0, 0
    return num / den, n


def _window_months(with_prev: bool) -> np.ndarray:
    """Effective number of months in the growth window at cutoff m = 1..11: (sum w)^2 / sum w^2
    with w = exp(-_LAMBDA x months back) over this year's months and, ``with_prev``, last year's."""
    out = np.empty(11)
    for m in range(1, 12):
        back = np.arange(m + (12 if with_prev else 0), dtype=float)
        w = np.exp(-_LAMBDA * back)
        out[m - 1] = float(w.sum() ** 2 / np.sum(w * w))
    return out


def _flow_noise_vec(sigma2: float, seas: np.ndarray | None, k: int, with_prev: bool) -> np.ndarray:
    """The month noise's share of the scale of log(T / T_hat) at cutoffs m = 1..11 for
    ``seasonal_blend``. With independent relative noise sigma, the remainder (months m+1..12,
    seasonal weights S) misses by sigma^2 / n_rem (its own months, n_rem = (sum S)^2 / sum S^2)
    plus sigma^2 / n_w (the growth window the remainder is scaled by), each doubled-up by the K
    reference years it is measured against (1 + 1/K_eff, K_eff the effective number of years of
    the weights _YEAR_DECAY ** age); times the remainder's share of the year."""
    s = seas if seas is not None and float(seas.sum()) > 0 else np.ones(12)
    tail = np.cumsum(s[::-1])[::-1][1:12]
    tail2 = np.cumsum((s * s)[::-1])[::-1][1:12]
    wy = _YEAR_DECAY ** np.arange(min(max(k, 1), _K_REF), dtype=float)
    k_eff = float(wy.sum() ** 2 / np.sum(wy * wy))
    with np.errstate(divide="ignore", invalid="ignore"):
        inv_rem = np.where(tail > 0, tail2 / (tail * tail), 0.0)
    var = sigma2 * (1.0 + 1.0 / k_eff) * (inv_rem + 1.0 / _window_months(with_prev))
    return tail / float(s.sum()) * np.sqrt(var)


def _prorata_noise(sigma2: float, m: int, w: float) -> float:
    """The month noise's share of the scale of log(T / T_hat) for pro-rata: this year's level from
    m months (weight ``w`` of the pro-rata value in the point) and the 12 - m months to come."""
    rem = (12 - m) / 12.0
    return rem * math.sqrt(sigma2 * (w * w / m + 1.0 / (12 - m)))


def _satterthwaite(a: float, nu_a: float, b: float, nu_b: int) -> float:
    """Degrees of freedom of the sum of two variance estimates a (nu_a) and b (nu_b), by
    Welch-Satterthwaite; inf for an exact a alone."""
    if b <= 0 or nu_b <= 0:
        return nu_a
    den = (a * a / nu_a if math.isfinite(nu_a) else 0.0) + b * b / nu_b
    return (a + b) ** 2 / den


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
    whole: bool = False,
) -> Forecast:
    """The flow forecast: December observed, a flow of few whole events (``whole``: its unit counts
    things; :mod:`analytics.forecast.events`), the pro-rata fallbacks, or ``seasonal_blend`` with
    its backtested interval. Long because each case returns a complete ``Forecast`` built from
    the same intermediate arrays; splitting it would pass half a dozen arrays between helpers."""
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
    if whole and at_least and few_events(cur, refs):  # a cap's projection keeps its decimal (what may still happen)
        prev = dict(refs).get(max(int(y) for y in history)) if history else None  # last year's, when usable
        return event_forecast(cur, prev, n_prior, target, at_least, None if required is None else float(required), float(recent))

    backtest_mape: float | None = None
    anchor = last_year_end if (last_year_end is not None and math.isfinite(last_year_end)) else None
    if refs:
        method = "seasonal_blend"
        curves = dict(refs)
        cur_year = max(int(y) for y in history) + 1  # history's latest year = last year
        point, frac, k_used = _flow_point(months, cum, refs, curves, cur_year)
        noise2, n_noise = _month_noise(_month_amounts(months, cum), curves, cur_year)
        seas = _seasonal_index(refs[:_K_REF])
        with_prev = (cur_year - 1) in curves and (cur_year - 2) in curves

        def sigma0_vec(k: int) -> np.ndarray:
            return np.sqrt(_flow_sigma0_vec(k) ** 2 + _flow_noise_vec(noise2, seas, k, with_prev) ** 2)

        bt = _flow_backtest(refs, curves)
        z2 = [float(np.mean((err / sigma0_vec(k)) ** 2)) for k, err in bt]
        scale, nu_pool = _pooled_scale(z2, _FLOW_NU0)
        var_prior = (_flow_sigma0(m, k_used) * scale) ** 2
        var_noise = (float(_flow_noise_vec(noise2, seas, k_used, with_prev)[m - 1]) * scale) ** 2
        sigma = math.sqrt(var_prior + var_noise)
        nu = _satterthwaite(var_prior, nu_pool, var_noise, n_noise)
        if bt:
            backtest_mape = float(
                np.mean([np.mean(np.abs(np.expm1(-err))) for _, err in bt]) * 100.0
            )
    else:
        frac = np.linspace(0.0, 1.0, 13 - m)
        prorata = c_m * 12.0 / m
        s_pr = _PRORATA_A * float(_REMAIN[m - 1]) ** _PRORATA_POW
        noise2, n_noise = _month_noise(_month_amounts(months, cum), {}, 0)
        if anchor is not None and anchor > 0 and prorata > 0:
            method = "prorata_anchored"
            w = _GROWTH_SIGMA**2 / (_GROWTH_SIGMA**2 + s_pr**2)
            point = math.exp(w * math.log(prorata) + (1 - w) * math.log(anchor))
            # the two errors are not independent (seasonality biases pro-rata, growth
            # moves both): no precision gain is claimed, the narrower scale is kept
            s_prior = min(s_pr, _GROWTH_SIGMA)
        else:
            method = "prorata"
            point = prorata
            s_prior = s_pr
            w = 1.0
        var_noise = _prorata_noise(noise2, m, w) ** 2
        sigma = math.sqrt(s_prior**2 + var_noise)
        nu = _satterthwaite(s_prior**2, _PRORATA_NU, var_noise, n_noise)
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
    q = _t_ppf(INTERVAL_UPPER_Q, nu)
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


