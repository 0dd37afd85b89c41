"""Year-end forecasts of series whose level steps up or down during the year.

Run: ``.venv/bin/python bench/step_changes.py [--seeds 6]``  (about half a minute)

A programme's monthly count doubles when a new service point opens in May; a stock or a rate
jumps to a new level in April and stays there. The real series of ``bench/backtest.py`` hold one
such step (the 1983 seat-belt law); this script builds many, with the same seasonal pattern the
tests use, so that the forecast's reaction to a step can be measured, and series without a step
(the controls) so that a rule for steps can be seen not to fire where there is none.

Series (each with ``--seeds`` noise draws, forecast from every cutoff m = 1..11):

* flows: 100 a month × a seasonal pattern, 1 or 3 prior years, month noise 3% or 12%, growth
  0% or 5% a year; steps ×2 from May, ×1.5 from January, ×0.6 from April, ×1.3 from August, none;
* stocks: 1,000 with a seasonal swing, a random walk of 0.5% a month, drift 0% or 3% a year;
  steps ×1.3 from April, ×0.8 from July, none;
* rates: 60% with a seasonal swing, a random walk of 0.3 points a month; +10 points from April,
  −8 points from September, none.

Printed: MAPE of the year-end value (flows: the annual total; stocks and rates: December) over
all cutoffs and over the cutoffs from the step on, the 80% interval's coverage, and the ratio of
ours to a baseline run in the same process: the plain seasonal share (flows; the YTD ÷ the share
of the year the prior years had reached by month m) and the latest value held (stocks, rates).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analytics.forecast.method import forecast_indicator  # noqa: E402

PATTERN = np.array([0.6, 0.7, 1.0, 1.0, 1.1, 1.2, 1.1, 1.0, 1.0, 1.0, 1.1, 1.2])
SWING = np.array([0.0, 0.4, 0.9, 1.0, 1.2, 1.0, 0.6, 0.4, 0.2, 0.0, -0.2, -0.4])  # a stock's seasonal position
FLOW_STEPS = (("x2 from May", 5, 2.0), ("x1.5 from Jan", 1, 1.5), ("x0.6 from Apr", 4, 0.6),
              ("x1.3 from Aug", 8, 1.3), ("none", 0, 1.0))
STOCK_STEPS = (("x1.3 from Apr", 4, 1.3), ("x0.8 from Jul", 7, 0.8), ("none", 0, 1.0))
RATE_STEPS = (("+10 pp from Apr", 4, 10.0), ("-8 pp from Sep", 9, -8.0), ("none", 0, 0.0))
CUR_YEAR = 2024


@dataclass
class Row:
    group: str  # e.g. "flow x2 from May"
    step: int  # first month at the new level (0: no step)
    m: int
    actual: float
    ours: float
    lower: float
    upper: float
    base: float


def ytd(x: np.ndarray) -> dict[int, float]:
    return {i + 1: float(v) for i, v in enumerate(np.cumsum(x))}


def flow_rows(seeds: int) -> list[Row]:
    rows: list[Row] = []
    for label, step, factor in FLOW_STEPS:
        for n_prior in (1, 3):
            for noise in (0.03, 0.12):
                for growth in (1.0, 1.05):
                    for seed in range(seeds):
                        rng = np.random.default_rng([seed, n_prior, int(noise * 100), int(growth * 100), step])
                        years = [100.0 * PATTERN * growth ** (k + np.arange(12) / 12.0) * np.exp(rng.normal(0, noise, 12))
                                 for k in range(n_prior + 1)]
                        x = years[-1].copy()
                        if step:
                            x[step - 1:] *= factor
                        hist = {CUR_YEAR - n_prior + k: ytd(years[k]) for k in range(n_prior)}
                        shares = np.mean([np.cumsum(y) / y.sum() for y in years[:-1]], axis=0)
                        cum = np.cumsum(x)
                        for m in range(1, 12):
                            f = forecast_indicator("flow", "higher", m, {k: v for k, v in ytd(x).items() if k <= m}, hist)
                            rows.append(Row(f"flow {label}", step, m, float(x.sum()), float(f.point), float(f.lower),
                                            float(f.upper), float(cum[m - 1] / shares[m - 1])))
    return rows


def level_rows(seeds: int, kind: str) -> list[Row]:
    rows: list[Row] = []
    steps = STOCK_STEPS if kind == "stock" else RATE_STEPS
    for label, step, size in steps:
        for n_prior in (1, 4):
            for drift in ((0.0, 0.03) if kind == "stock" else (0.0,)):
                for seed in range(seeds):
                    rng = np.random.default_rng([seed, n_prior, int(drift * 100), step, 7])
                    n = 12 * (n_prior + 1)
                    walk = np.cumsum(rng.normal(0.0, 0.005 if kind == "stock" else 0.3, n))
                    if kind == "stock":
                        v = 1000.0 * np.exp(walk + drift * np.arange(n) / 12.0 + 0.02 * np.tile(SWING, n_prior + 1))
                    else:
                        v = 60.0 + walk + 1.5 * np.tile(SWING, n_prior + 1)
                    grid = v.reshape(n_prior + 1, 12)
                    x = grid[-1].copy()
                    if step:
                        x[step - 1:] = x[step - 1:] * size if kind == "stock" else x[step - 1:] + size
                    hist = {CUR_YEAR - n_prior + k: {i + 1: float(grid[k, i]) for i in range(12)} for k in range(n_prior)}
                    for m in range(1, 12):
                        cur = {i + 1: float(x[i]) for i in range(m)}
                        f = forecast_indicator(kind, "higher", m, cur, hist)
                        rows.append(Row(f"{kind} {label}", step, m, float(x[11]), float(f.point), float(f.lower),
                                        float(f.upper), float(x[m - 1])))
    return rows


def _mape(rows: list[Row], pick: Callable[[Row], float]) -> float:
    return float(np.mean([abs(pick(r) / r.actual - 1.0) for r in rows]) * 100.0) if rows else float("nan")


def report(title: str, rows: list[Row], base_name: str) -> None:
    print(f"\n## {title} (baseline: {base_name})")
    print(f"{'series':24s} {'n':>5s} {'ours':>7s} {'base':>7s} {'ratio':>6s} | {'after step':>10s} {'ours':>7s} "
          f"{'base':>7s} {'ratio':>6s} | {'cov80':>5s}")
    groups = list(dict.fromkeys(r.group for r in rows))
    for g in groups + ["all steps", "all"]:
        sel = [r for r in rows if r.group == g or g == "all" or (g == "all steps" and r.step)]
        after = [r for r in sel if r.step and r.m >= r.step]
        o, b = _mape(sel, lambda r: r.ours), _mape(sel, lambda r: r.base)
        oa, ba = _mape(after, lambda r: r.ours), _mape(after, lambda r: r.base)
        cov = np.mean([r.lower <= r.actual <= r.upper for r in sel]) * 100.0
        tail = f"{len(after):10d} {oa:7.2f} {ba:7.2f} {oa / ba:6.2f}" if after else f"{'':10s} {'':7s} {'':7s} {'':6s}"
        print(f"{g:24s} {len(sel):5d} {o:7.2f} {b:7.2f} {o / b:6.2f} | {tail} | {cov:5.1f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, default=6, help="noise draws per series shape")
    args = ap.parse_args(argv)
    print("# Step changes: MAPE% of the year-end value, all cutoffs and from the step's month on")
    report("Flows: annual total", flow_rows(args.seeds), "seasonal share")
    report("Stocks: December value", level_rows(args.seeds, "stock"), "latest value held")
    report("Rates: December value", level_rows(args.seeds, "rate"), "latest value held")
    return 0


if __name__ == "__main__":
    sys.exit(main())
