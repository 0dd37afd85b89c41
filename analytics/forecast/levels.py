"""Level, stock and rate forecasts (the value at month end) for
:func:`analytics.forecast.method.forecast_indicator`: ``level_trend`` (latest value plus the
usual change to December; for a rate with years enough of its own, ``rate_weighted``: that and the
latest value held, weighted by their errors on those years), ``level_hold`` (or ``level_inyear_trend``: a very steady line through
this year's readings, at half pace), and their interval from the indicator's own
backtest. The method is described in :mod:`analytics.forecast.method` and ``docs/forecast.md``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from analytics.core.calendar import INTERVAL_UPPER_Q
from analytics.forecast.shared import (
    Forecast,
    _HOLD_REL_SIGMA,
    _INYEAR_MIN_MONTHS,
    _INYEAR_PHI,
    _INYEAR_T,
    _K_LEVEL,
    _LEVEL_C,
    _LEVEL_DRIFT,
    _LEVEL_NU0,
    _LEVEL_PHI,
    _MAX_YEARS,
    _MIN_MONTHS,
    _RATE_HELD_YEARS,
    _VOL_MONTHS,
    _attain_prob_add,
    _attain_prob_log,
    _clean,
    _pooled_scale,
    _t_ppf,
)


# --------------------------------------------------------------------------------------
# Levels, stocks, rates
# --------------------------------------------------------------------------------------

_AT = 1e-9  # a reading on a bound: 100% or 0, up to floating-point noise
_LOG_SPAN = 5.0  # largest ÷ smallest reading of a level worked on the log scale (with prior years)
_LOG_SPAN_FIRST = 2.0  # the same in a first year


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
    # log scale (relative changes) for a positive level that stays within a narrow range of size; a
    # count built up from a small base (2.5 → 65: a cumulative 累计 count) changes by amounts, not
    # shares — on the log scale its early months' large shares were carried forward (+63%); in a
    # first year (no usable prior year) the range is narrower (3 → 8 held with an interval to 10,543)
    span = _LOG_SPAN if bool(usable.any()) else _LOG_SPAN_FIRST
    use_log = kind != "rate" and bool(np.all(flat[ok] > 0)) and float(np.max(flat[ok])) <= span * float(np.min(flat[ok]))
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


def _own_backtest(G: np.ndarray, yi: int, usable: np.ndarray) -> list[tuple[int, np.ndarray]]:
    """The indicator's own backtest: (row, December predicted from each cutoff m = 1..11) for up to
    ``_MAX_YEARS - 1`` complete prior years, most recent first."""
    backs: list[tuple[int, np.ndarray]] = []
    for j in range(yi - 1, 0, -1):
        if not usable[j]:
            continue
        pts = _level_backtest_points(G, j, usable)
        if pts is not None and np.all(np.isfinite(pts)):
            backs.append((j, pts))
            if len(backs) >= _MAX_YEARS - 1:
                break
    return backs


def _held_weight(G: np.ndarray, backs: list[tuple[int, np.ndarray]]) -> float:
    """The latest value's weight beside the usual change's point for a rate: each one's mean squared
    error on the rate's own prior years (the value at each cutoff held to December), inversely."""
    e_usual = float(np.mean([np.mean((G[j, 11] - pts) ** 2) for j, pts in backs]))
    e_held = float(np.mean([np.mean((G[j, 11] - _held(G, j, pts)) ** 2) for j, pts in backs]))
    if not e_usual + e_held > 0:
        return 0.0
    return e_usual / (e_usual + e_held)


def _held(G: np.ndarray, j: int, pts: np.ndarray) -> np.ndarray:
    """Row ``j``'s value at each cutoff m = 1..11 held to December (the usual change's point where
    a month is missing)."""
    return np.where(np.isfinite(G[j, :11]), G[j, :11], pts)


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
    """The level/stock/rate forecast: December observed, ``level_hold`` without prior years, or
    ``level_trend`` with its backtested interval, on the log or the additive scale. Long because
    the scale choice threads through every step (point, path, interval, probability); split, the
    helpers would share that state through many arguments."""
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

    still = _still_readings(cur, history, m)
    res = None if still is not None else _level_path(G, yi, m, usable)
    h = np.arange(1, 13 - m, dtype=float)
    backtest_mape = None
    if still is not None:
        # the same value in every reading this year, and no prior year moved from this month to
        # December: held, with the one-value scale narrowed by the months that did not move
        method = "level_flat"
        n_prior = int(usable.sum())
        path_w = np.full(h.size, G[yi, m - 1])
        point_w = float(path_w[-1])
        steps = still[1]
        nu = 1.0 + steps
        sig_h = _LEVEL_C * _fallback_scale(G[yi, m - 1], use_log) / math.sqrt(1.0 + steps) * _horizon_shape(h)
    elif res is not None:
        method = "level_trend"
        path_w, k_used = res
        point_w = float(path_w[-1])
        n_prior = int(usable.sum())
        v = _level_volatility(G)
        v = v if v is not None and v > 0 else _fallback_scale(G[yi, m - 1], use_log)
        prior = _LEVEL_C * v * _horizon_shape(np.arange(11, 0, -1, dtype=float))  # by m=1..11
        backs = _own_backtest(G, yi, usable)
        if kind == "rate" and len(backs) >= _RATE_HELD_YEARS:
            w = _held_weight(G, backs)
            method = "rate_weighted"
            path_w = (1.0 - w) * path_w + w * G[yi, m - 1]
            point_w = float(path_w[-1])
            backs = [(j, (1.0 - w) * pts + w * _held(G, j, pts)) for j, pts in backs]
        z2: list[float] = []
        apes: list[float] = []
        for j, pts_bt in backs:
            err = G[j, 11] - pts_bt
            z2.append(float(np.mean((err / prior) ** 2)))
            truth, pred = fwd_arr(G[j, 11]), fwd_arr(pts_bt)
            with np.errstate(divide="ignore", invalid="ignore"):
                ape = np.abs(truth / pred - 1.0)
            apes.append(float(np.mean(np.where(np.isfinite(ape), ape, 0.0))))
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
        # A very steady line through this year's own readings is carried on at half pace.
        slope = _inyear_slope(cur, use_log)
        method = "level_hold" if slope is None else "level_inyear_trend"
        path_w = base + (0.0 if slope is None else _INYEAR_PHI * slope) * h
        point_w = float(path_w[-1])
        v = _level_volatility(G)
        if v is None or v <= 0:
            v = _fallback_scale(base, use_log)
        nu = 3.0
        sig_h = _LEVEL_C * v * _horizon_shape(h)

    q = _t_ppf(INTERVAL_UPPER_Q, nu)
    lo_w = path_w - q * sig_h
    hi_w = path_w + q * sig_h
    pts = np.array([fwd(x) for x in path_w])
    los = np.array([fwd(x) for x in lo_w])
    his = np.array([fwd(x) for x in hi_w])
    if kind == "rate":
        pts, los, his = (np.clip(a, 0.0, 100.0) for a in (pts, los, his))
    elif not use_log and all(v >= 0 for v in cur.values()):  # a count on the additive scale: never below nothing
        pts, los, his = (np.maximum(a, 0.0) for a in (pts, los, his))
    p_attain = None
    if target is not None:
        sd = float(sig_h[-1])
        if use_log:
            p_attain = _attain_prob_log(math.exp(point_w), sd, nu, target, at_least, None)
        else:
            p_attain = _attain_prob_add(point_w, sd, nu, target, at_least)
    bound = _bound_of(kind, target, at_least)
    basis = None
    if bound is not None and p_attain is not None and _at(cur[m], bound):
        p_attain, basis = _share_at(bound, cur, history), "bound_record"  # at 100% (or 0) now: how often it has been there
    elif still is not None and p_attain is not None and target is not None:
        meets = (cur[m] >= target) if at_least else (cur[m] <= target)
        n = still[0]
        p_attain, basis = _succession(n if meets else 0, n), "flat_record"  # a value that never moved: its own record
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
        basis,
    )


def _bound_of(kind: str, target: float | None, at_least: bool) -> float | None:
    """The value a target sits on when nothing beyond it can be reached: a rate's 100% (≥ 100%)
    or a rate's or level's 0 (≤ 0); None for any other target."""
    if target is None:
        return None
    if at_least and kind == "rate" and target >= 100.0 - _AT:
        return 100.0
    if not at_least and kind in ("rate", "level") and target <= _AT:
        return 0.0
    return None


def _at(value: float, bound: float) -> bool:
    return abs(value - bound) <= _AT


def _share_at(bound: float, cur: Mapping[int, float], history: Mapping[int, Mapping[int, float]] | None) -> float:
    """The chance that a value on its bound now (100%, or 0: its latest reading) is there in
    December: the share of its readings on the bound — this year's and the prior years' (up to
    ``_MAX_YEARS``) — by the rule of succession, (k + 1) ÷ (n + 2). A symmetric interval around a
    value that cannot go further says 50% whatever its record: 22 readings all at 100% say 96%;
    100, 100, 98, 100, 100, 100 by June 6/8 = 75% (one month in six off the bound, and December is
    one month more); ten this year at 100% after a year mostly below it much less."""
    readings = [float(v) for v in cur.values()]
    for y in sorted((int(y) for y in (history or {})), reverse=True)[:_MAX_YEARS]:
        readings += [float(v) for v in (history or {})[y].values() if v is not None and math.isfinite(float(v))]
    k = sum(1 for v in readings if _at(v, bound))
    return _succession(k, len(readings))


def _succession(k: int, n: int) -> float:
    """The rule of succession, (k + 1) ÷ (n + 2): the chance that the next reading is like k of
    the n readings seen (a stated assumption, used where a symmetric interval cannot speak)."""
    return (k + 1.0) / (n + 2.0)


def _still_readings(
    cur: Mapping[int, float], history: Mapping[int, Mapping[int, float]] | None, m: int
) -> tuple[int, int] | None:
    """(readings, month-to-month steps) that show a value not moving: this year's, all the same
    (:func:`_never_moved`), and each prior year's (up to ``_MAX_YEARS``) from month ``m`` to
    December, each year's all the same (a step at another time of year — a January intake — says
    nothing of these months). None when this year's value moved or a prior year moved late in the
    year: then the model and its interval speak."""
    if not _never_moved(cur):
        return None
    n, steps = len(cur), len(cur) - 1
    for y in sorted((int(y) for y in (history or {})), reverse=True)[:_MAX_YEARS]:
        late = [float(v) for k, v in _clean(history[y]).items() if k >= m]
        if late and any(abs(v - late[0]) > _AT * max(1.0, abs(late[0])) for v in late):
            return None
        n, steps = n + len(late), steps + max(0, len(late) - 1)
    return n, steps


def _never_moved(cur: Mapping[int, float]) -> bool:
    """Whether this year's readings (at least ``_INYEAR_MIN_MONTHS`` of them, as for a line) are all
    the same value. Their month-to-month changes are all nil: the volatility of the changes says
    nothing, and the one-value scale (3% of the value per √month: ±15 pp for a rate at 99.5 by
    December, 10.3–14.0 for a stock of 12) ignores the months that did not move."""
    vals = [float(v) for v in cur.values()]
    return len(vals) >= _INYEAR_MIN_MONTHS and all(abs(v - vals[0]) <= _AT * max(1.0, abs(vals[0])) for v in vals)


def _inyear_slope(cur: Mapping[int, float], use_log: bool) -> float | None:
    """The monthly slope (working scale) of the least-squares line through this year's readings,
    when there are at least ``_INYEAR_MIN_MONTHS`` of them and the slope's t statistic exceeds
    ``_INYEAR_T`` (a line so steady that it is the indicator's own pace, not a season); else None."""
    months = sorted(cur)
    if len(months) < _INYEAR_MIN_MONTHS:
        return None
    y = np.array([cur[k] for k in months], dtype=float)
    if use_log:
        if np.any(y <= 0):
            return None
        y = np.log(y)
    x = np.array(months, dtype=float)
    xc = x - x.mean()
    sxx = float(np.sum(xc * xc))
    slope = float(np.sum(xc * (y - y.mean())) / sxx)
    resid = y - y.mean() - slope * xc
    se = math.sqrt(float(np.sum(resid * resid)) / (len(months) - 2) / sxx)
    if slope == 0.0 or (se > 0 and abs(slope) / se <= _INYEAR_T):
        return None
    return slope


def _fallback_scale(value: float, use_log: bool) -> float:
    """Per-month scale when nothing but one value is known (a stated assumption)."""
    if use_log:
        return _HOLD_REL_SIGMA
    return _HOLD_REL_SIGMA * max(abs(float(value)), 1.0)


