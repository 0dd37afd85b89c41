"""Generate the reproducible sample data (示例数据) for the Dongguan project.

Run: ``python data/generate_sample.py`` (seeded; the same files every time).
Writes ``data/projects/dongguan/sample_actuals.csv`` and ``sample_budget.csv``.

These numbers are INVENTED for demonstration: they are not official statistics.
Assumptions (documented in the README, section 示例数据):

* Months 2022-01 … 2024-08. 2022 annual totals/levels equal the seed's "2022年数据".
* Flows are published as 1-X月累计 (year-to-date), as Chinese statistics usually are, and
  January is not published on its own: the first figure of each year is 1-2月 combined
  (Spring Festival). A few series have a missing month. 因就业问题发生重大群体性事件数量 is
  reported monthly (number of incidents in the month).
* Monthly seasonality: Spring Festival dip in Jan–Feb, after-festival recruitment peak in
  Mar, graduation season (Jun–Aug) for graduate-related services, training in the spring
  and autumn terms, a small year-end push in Nov–Dec.
* 2023 ends with a realistic mix (most targets met, a few missed); 2024 (to August) has
  some targets clearly ahead, some at risk and some clearly off track, so every status
  appears. Budget execution is behind time progress, with a December rush.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analytics.ingest.targets import load_project  # noqa: E402

OUT_DIR = ROOT / "data" / "projects" / "dongguan"
SEED = 20240901
LAST = (2024, 8)

# Seasonal weights of a normal year (sum is normalised): Jan Feb Mar … Dec
SEASON = {
    "default": [0.060, 0.050, 0.100, 0.090, 0.088, 0.088, 0.085, 0.085, 0.088, 0.088, 0.087, 0.091],
    "graduate": [0.030, 0.030, 0.060, 0.070, 0.080, 0.140, 0.170, 0.140, 0.090, 0.070, 0.060, 0.060],
    "training": [0.030, 0.040, 0.100, 0.110, 0.110, 0.090, 0.070, 0.070, 0.110, 0.110, 0.090, 0.070],
    "jobs": [0.050, 0.060, 0.120, 0.100, 0.090, 0.085, 0.090, 0.085, 0.085, 0.080, 0.075, 0.080],
    "events": [0.02, 0.03, 0.08, 0.08, 0.09, 0.10, 0.10, 0.10, 0.10, 0.10, 0.10, 0.10],
}
SEASON_OF = {
    "graduate_services": "graduate",
    "graduate_archives_digitised": "graduate",
    "internship_posts": "graduate",
    "vocational_training": "training",
    "master_studios": "training",
    "skill_leaders": "events",
    "startup_events": "events",
    "new_urban_jobs": "jobs",
    "reemployed_unemployed": "jobs",
    "hardship_employed": "jobs",
    "project_driven_jobs": "jobs",
    "entrepreneurship": "jobs",
}
# Year-end outcome ÷ target: 2023 (final) and 2024 (the full-year pace the sample follows).
FACTOR = {
    "new_urban_jobs": (1.04, 1.01),
    "graduate_services": (1.06, 1.12),
    "rural_migrant_services": (1.01, 0.97),
    "poverty_alleviated_services": (1.02, 1.00),
    "unemployed_services": (1.00, 0.90),
    "hardship_services": (1.09, 1.05),
    "vocational_training": (1.03, 0.82),
    "gig_market_services": (1.20, 1.35),
    "policy_system_services": (0.96, 0.86),
    "job_matching_system_services": (1.05, 1.02),
    "master_studios": (1.00, 0.94),
    "skill_leaders": (1.00, 1.00),
    "startup_events": (1.10, 0.93),
    "graduate_archives_digitised": (1.02, 0.97),
    "archive_services": (1.03, 1.02),
    "internship_posts": (1.05, 0.88),
    "project_driven_jobs": (1.06, 0.95),
    "reemployed_unemployed": (1.02, 0.96),
    "hardship_employed": (1.04, 1.03),
    "entrepreneurship": (1.05, 0.99),
}
SOURCE_OF = {"new_urban_jobs": "东莞市统计局", "registered_unemployed": "东莞市统计局"}
MISSING = {("archive_services", 2024, 5), ("gig_market_services", 2023, 7), ("startup_events", 2024, 6)}


def _split(total: float, weights: list[float], rng: np.random.Generator, noise: float = 0.05) -> np.ndarray:
    w = np.array(weights) * rng.lognormal(0.0, noise, 12)
    return total * w / w.sum()


def _r(x: float, nd: int = 4) -> float:
    return float(round(x, nd))


def main() -> None:
    project = load_project(OUT_DIR)
    rng = np.random.default_rng(SEED)
    rows: list[dict[str, object]] = []

    def add(iid: str, y: int, m: int, value: float, basis: str, note: str = "", first: int | None = None) -> None:
        if (y, m) > LAST or (iid, y, m) in MISSING:
            return
        period = f"{y}-{m:02d}" if first is None else f"{y}年{first}-{m}月"
        rows.append({"indicator_id": iid, "period": period, "value": value, "basis": basis, "note": note,
                     "source": SOURCE_OF.get(iid, "东莞市人力资源社会保障局")})

    for ind in project.indicators:
        if ind.derived_from or ind.id == project.execution_indicator:
            continue
        iid = ind.id
        if ind.kind == "flow" and iid != "mass_incidents":
            base22 = ind.baseline.get(2022)
            t23 = ind.targets.get(2023)
            t24 = ind.targets.get(2024)
            f23, f24 = FACTOR.get(iid, (1.02, 1.0))
            totals = {}
            if base22 is not None and base22.value is not None:
                totals[2022] = base22.value
            if t23 is not None and t23.value is not None:
                totals[2023] = t23.value * f23
            if t24 is not None and t24.value is not None:
                totals[2024] = t24.value * f24
            elif iid == "entrepreneurship":
                totals[2024] = 1.3 * f24
            nd = 4 if ind.unit.startswith("万") else 0
            for y, total in totals.items():
                months = _split(total, SEASON[SEASON_OF.get(iid, "default")], rng, 0.06)
                ytd = np.cumsum(months)
                ytd = ytd * total / ytd[-1]
                for m in range(2, 13):
                    v = _r(ytd[m - 1], nd)
                    if nd == 0:
                        v = float(int(round(ytd[m - 1])))
                    if m == 12:
                        v = _r(total, nd) if nd else float(round(total))
                    if m == 2:
                        add(iid, y, 2, v, "ytd", "1-2月合并发布", first=1)
                    else:
                        add(iid, y, m, v, "ytd")
        elif iid == "mass_incidents":
            for y in (2022, 2023, 2024):
                for m in range(1, 13):
                    add(iid, y, m, 0.0, "month")
        elif ind.kind == "milestone":
            for y in (2022, 2023, 2024):
                for m in range(1, 13):
                    if iid.startswith("hr_park"):
                        if y == 2022:
                            continue
                        if iid == "hr_park_provincial":
                            done = (y, m) >= (2023, 10)
                        else:
                            done = False
                        add(iid, y, m, 1.0 if done else 0.0, "level", "省级产业园认定批复" if iid == "hr_park_provincial" and (y, m) == (2023, 10) else "")
                    else:
                        add(iid, y, m, 1.0, "level")
        else:
            # levels, rates and stocks: a path between year-end values with noise
            ends = _level_path(ind, rng)
            for (y, m), v in ends.items():
                add(iid, y, m, v, "level", *(("季度满意度调查",) if ind.level1 == "满意度指标" else ()))

    with (OUT_DIR / "sample_actuals.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["indicator_id", "period", "value", "basis", "note", "source"])
        writer.writeheader()
        writer.writerows(rows)

    _write_budget(project, rng)
    print(f"wrote {len(rows)} actual rows")


def _level_path(ind, rng: np.random.Generator) -> dict[tuple[int, int], float]:
    """Year-end anchors per indicator (2022 from the seed), linear-ish monthly path between them."""
    b22 = ind.baseline.get(2022)
    start = b22.value if b22 is not None and b22.value is not None else None
    anchors: dict[str, tuple[float | None, float, float]] = {
        # id: (2021-12 level, 2023-12 level, 2024-12 pace level)
        "registered_unemployed": (4.6, 4.15, 3.95),
        "labour_brands": (2, 3, 3.4),
        "incubation_bases": (40, 45, 48),
        "skilled_worker_share": (24.8, 26.6, 27.35),
        "youth_one_to_one_rate": (100, 100, 99.6),
        "training_certificate_rate": (84.6, 88.1, 88.8),
        "employment_via_services_share": (29.5, 33.4, 34.2),
        "subsidy_accuracy": (100, 100, 100),
        "graduate_placement_rate": (95.6, 96.1, 95.2),
        "zero_employment_family_rate": (100, 100, 100),
        "unemployed_help_rate": (100, 100, 99.1),
        "hardship_help_rate": (100, 100, 100),
        "public_service_satisfaction": (89.0, 94.2, 95.3),
        "training_satisfaction": (94.8, 96.6, 97.1),
        "policy_service_satisfaction": (90.2, 93.8, 93.9),
        "hr_park_institutions": (None, 53, 58),
    }
    a = anchors[ind.id]
    out: dict[tuple[int, int], float] = {}
    integer = ind.kind == "stock"
    quarterly = ind.level1 == "满意度指标"
    points = [(2021, a[0]), (2022, start), (2023, a[1]), (2024, a[2])]
    if ind.id == "hr_park_institutions":
        points = [(2022, 38.0), (2023, a[1]), (2024, a[2])]
    for (y0, v0), (y1, v1) in zip(points, points[1:]):
        if v0 is None or v1 is None:
            continue
        for m in range(1, 13):
            frac = m / 12
            if integer:
                v = float(np.floor(v0 + (v1 - v0) * min(1.0, frac * 1.15) + 1e-9))
            else:
                noise = rng.normal(0, 0.04 if ind.unit == "万人" else 0.15)
                v = v0 + (v1 - v0) * frac + (noise if m != 12 else 0.0)
                if ind.id == "registered_unemployed" and m in (2, 3):
                    v += 0.12  # after the Spring Festival, more people register
                v = round(min(v, 100.0) if ind.unit == "%" else v, 2)
            if m == 12 and y1 == 2022:
                v = float(v1)
            if quarterly and m % 3:
                continue
            out[(y1, m)] = v
    return out


def _write_budget(project, rng: np.random.Generator) -> None:
    total = project.funding_total or 0.0
    share_2023 = {"central": 0.42, "local": 0.27, "other": 0.20}  # of each source, spent in 2023
    pace_2024 = {"central": 0.50, "local": 0.62, "other": 0.55}  # of each source, on the 2024 full-year pace
    weights = np.array([0.02, 0.03, 0.06, 0.07, 0.07, 0.08, 0.08, 0.08, 0.09, 0.09, 0.11, 0.22])
    rows = []
    for src in project.funding_sources:
        for y, frac in ((2023, share_2023[src.key]), (2024, pace_2024[src.key])):
            months = _split(src.amount * frac, list(weights), rng, 0.12)
            for m in range(1, 13):
                if (y, m) > LAST:
                    continue
                rows.append({"period": f"{y}-{m:02d}", "source": src.name, "amount": round(float(months[m - 1]), 2),
                             "basis": "month", "note": "年末集中支付" if m == 12 else ""})
    del total
    with (OUT_DIR / "sample_budget.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["period", "source", "amount", "basis", "note"])
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
