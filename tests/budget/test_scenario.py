"""Budget projection and scenario levers (analytics/scenario.py): invariants and each lever."""

from __future__ import annotations

from tests.conftest import load_sample_frames

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analytics.budget.scenario import (
    DEFAULT_PROFILE,
    DEFAULT_REL_ERROR_END,
    DEFAULT_REL_ERROR_START,
    SPREAD_REL_MIN,
    load_allocation,
    normalise_scenario,
    project_scenario,
    levers_key,
)
from analytics.budget.levers import plan_months
from analytics.core.series import Actuals, Budget
from analytics.present import budget_text
from analytics.present.budget_text import scenario_json, validate_scenario

DATA = Path(__file__).resolve().parents[2] / "data" / "projects" / "dongguan"
SOURCES = {"中央补助": "central", "地方资金": "local", "其他资金": "other"}
EXAMPLE = {
    "name": "加快支付",
    "levers": {
        "pace": 1.2,
        "pace_by_source": {"central": 1.5},
        "pace_by_goal": {"1": 1.1},
        "one_off": [{"month": "2024-10", "amount": 5000, "source": "local", "goal": 1}],
        "freeze": {"from": "2024-09", "to": "2024-10", "sources": ["local"]},
        "budget_adjustment": {"local": -3000},
        "transfers": [{"from_goal": 2, "to_goal": 1, "amount": 2000}],
        "unit_costs": {"vocational_training": 0.2},
    },
}


# -- helpers (the small loader of the sample files, until the official importer is used) ----




def budget_of(project, rows) -> Budget:
    """rows: (year, month, source, amount[, goal])"""
    recs = []
    for r in rows:
        rec = {"year": r[0], "month": r[1], "first_month": r[1], "source": r[2], "amount": float(r[3])}
        if len(r) > 4:
            rec["goal"] = r[4]
        recs.append(rec)
    return Budget(project, pd.DataFrame(recs))


def profile_rows(year, annual: dict[str, float], profile=DEFAULT_PROFILE, months=range(1, 13)):
    return [(year, m, s, total * profile[m - 1]) for s, total in annual.items() for m in months]


@pytest.fixture(scope="module")
def sample(project):
    acts, bud = load_sample_frames()
    return Actuals(project, acts), Budget(project, bud)


@pytest.fixture(scope="module")
def budget(sample):
    return sample[1]


@pytest.fixture(scope="module")
def actuals(sample):
    return sample[0]


def rest_by_source(res):
    return {s.source: s.projected_rest for s in res.sources}


def months(res, key="cumulative"):
    return np.array([getattr(p, key) for p in res.path])


# -- invariants -----------------------------------------------------------------------------

AS_OFS = [(2023, 3), (2023, 8), (2024, 1), (2024, 5), (2024, 8), (2024, 11)]
BASES = [
    None,
    {"levers": {"freeze": {"from": "2024-12", "sources": ["central"]}}},
    {"levers": {"pace_by_source": {"local": 0.3}, "pace_by_goal": {"2": 2.5}}},
    {"levers": {"budget_adjustment": {"central": -5000}}},
]


@pytest.mark.parametrize("as_of", AS_OFS)
@pytest.mark.parametrize("base_doc", BASES)
@pytest.mark.parametrize("pace", [0.0, 0.5, 1.0, 1.7, 3.0, 10.0])
def test_doubling_the_pace_never_lowers_execution(project, budget, as_of, base_doc, pace):
    levers = dict((base_doc or {}).get("levers", {}))
    slow = project_scenario(project, budget, as_of, {"levers": {**levers, "pace": pace}})
    fast = project_scenario(project, budget, as_of, {"levers": {**levers, "pace": 2 * pace}})
    assert fast.year_end_rate >= slow.year_end_rate - 1e-9
    assert (months(fast) >= months(slow) - 1e-6).all()
    assert fast.year_end_interval[1] >= slow.year_end_interval[1] - 1e-9


@pytest.mark.parametrize("as_of", AS_OFS)
@pytest.mark.parametrize("adjust", [{}, {"local": -30000}, {"central": 2000, "other": -5000}])
def test_execution_is_capped_at_the_budget(project, budget, as_of, adjust):
    doc = {"levers": {"pace": 50, "one_off": [{"month": f"{as_of[0]}-12", "amount": 90000, "source": "local"}], "budget_adjustment": adjust}}
    res = project_scenario(project, budget, as_of, doc)
    limit = 0.0
    for s in res.sources:
        already = s.spent_before_year + s.spent_ytd  # spending cannot be undone by a cut
        assert s.year_end_cumulative <= max(s.adjusted_budget, already) + 1e-6
        if already >= s.adjusted_budget:
            assert s.projected_rest == pytest.approx(0.0, abs=1e-9)
        assert s.unspent >= 0
        limit += max(s.adjusted_budget, already)
    for p in res.path:
        assert p.cumulative_upper <= limit + 1e-6
        if p.month > as_of[1] and limit <= res.adjusted_budget + 1e-6:
            assert p.execution_rate <= 100.0 + 1e-9 and p.upper <= 100.0 + 1e-9
    if as_of[0] == 2024 and limit <= res.adjusted_budget + 1e-6:  # in the final year enough pace spends everything
        assert res.year_end_rate == pytest.approx(100.0)
        assert res.shortfall == pytest.approx(0.0, abs=1e-6)
        assert any("封顶" in w for w in budget_text.warnings(res, "zh"))


def test_renaming_changes_nothing(project, budget, actuals):
    a = project_scenario(project, budget, (2024, 8), EXAMPLE, actuals=actuals).as_dict()
    renamed = {**EXAMPLE, "name": "另一个名字", "description": "same levers"}
    b = project_scenario(project, budget, (2024, 8), renamed, actuals=actuals).as_dict()
    assert a.pop("name") != b.pop("name")
    assert a == b
    assert levers_key(normalise_scenario(EXAMPLE, project)["levers"]) == levers_key(normalise_scenario(renamed, project)["levers"])
    # a different spelling of the same levers is the same scenario
    respelled = {"name": "x", "levers": {**EXAMPLE["levers"], "pace_by_source": {"中央补助": 1.5}, "pace_by_goal": {"目标1": 1.1}}}
    c = project_scenario(project, budget, (2024, 8), respelled, actuals=actuals).as_dict()
    c.pop("name")
    assert c == a


@pytest.mark.parametrize("as_of", [(2023, 6), (2024, 6), (2024, 8)])
@pytest.mark.parametrize(
    "freeze",
    [
        {"from": "2024-09"},
        {"from": "2024-09", "to": "2024-10", "sources": ["local"]},
        {"from": "2024-12", "to": "2024-12", "sources": ["central", "other"]},
        {"from": "2023-07", "to": "2023-12"},
        {"from": "2024-01", "to": "2024-07"},
    ],
)
@pytest.mark.parametrize("pace", [1.0, 3.0])
def test_freeze_lowers_or_keeps_the_year_end(project, budget, as_of, freeze, pace):
    base = project_scenario(project, budget, as_of, {"levers": {"pace": pace}})
    frozen = project_scenario(project, budget, as_of, {"levers": {"pace": pace, "freeze": freeze}})
    assert frozen.year_end_rate <= base.year_end_rate + 1e-9
    assert (months(frozen) <= months(base) + 1e-6).all()


def test_freeze_stops_the_frozen_source_in_the_frozen_months(project, budget):
    base = project_scenario(project, budget, (2024, 8), None)
    res = project_scenario(project, budget, (2024, 8), {"levers": {"freeze": {"from": "2024-09", "to": "2024-10", "sources": ["local"]}}})
    drop = base.year_end_spent - res.year_end_spent
    src = next(s for s in base.sources if s.source == "local")
    assert drop > 0
    assert rest_by_source(res)["central"] == pytest.approx(rest_by_source(base)["central"])
    assert rest_by_source(res)["other"] == pytest.approx(rest_by_source(base)["other"])
    assert rest_by_source(res)["local"] == pytest.approx(src.projected_rest - drop)
    lost = sum(base.path[m - 1].spent - res.path[m - 1].spent for m in (9, 10))
    assert lost == pytest.approx(drop)  # all of the drop is in September and October
    assert res.path[10].spent == pytest.approx(base.path[10].spent)
    assert res.path[11].spent == pytest.approx(base.path[11].spent)  # December untouched


@pytest.mark.parametrize("as_of", [(2023, 8), (2024, 8)])
@pytest.mark.parametrize("extra", [1000.0, 20000.0])
def test_budget_increase_lowers_the_rate_for_the_same_spending(project, budget, as_of, extra):
    base = project_scenario(project, budget, as_of, None)
    more = project_scenario(project, budget, as_of, {"levers": {"budget_adjustment": {"local": extra}}})
    assert more.year_end_spent == pytest.approx(base.year_end_spent)
    assert more.adjusted_budget == pytest.approx(base.total_budget + extra)
    assert more.year_end_rate < base.year_end_rate
    assert more.year_end_rate == pytest.approx(100 * base.year_end_spent / (base.total_budget + extra))
    # the observed months keep their reported rates
    for a, b in zip(base.path[: as_of[1]], more.path[: as_of[1]]):
        assert a.execution_rate == pytest.approx(b.execution_rate)


@pytest.mark.parametrize("as_of", [(2023, 8), (2024, 8), (2024, 5)])
@pytest.mark.parametrize("item", [
    {"month": "12", "amount": 1234.5, "source": "local", "goal": 3},
    {"month": "11", "amount": 800, "source": "central"},
    {"month": "10", "amount": 321, "goal": 5},
    {"month": "9", "amount": 50},
])
def test_one_off_adds_exactly_its_amount(project, budget, as_of, item):
    item = {**item, "month": f"{as_of[0]}-{int(item['month']):02d}"}
    base = project_scenario(project, budget, as_of, None)
    res = project_scenario(project, budget, as_of, {"levers": {"one_off": [item]}})
    assert res.year_end_spent - base.year_end_spent == pytest.approx(item["amount"])
    m = int(item["month"][5:])
    assert res.path[m - 1].spent - base.path[m - 1].spent == pytest.approx(item["amount"])
    if "source" in item:
        d = {s.source: s.year_end_cumulative for s in res.sources}
        d0 = {s.source: s.year_end_cumulative for s in base.sources}
        assert d[item["source"]] - d0[item["source"]] == pytest.approx(item["amount"])
    if "goal" in item:
        g = {x.goal: x.year_spent for x in res.by_goal}
        g0 = {x.goal: x.year_spent for x in base.by_goal}
        assert g[item["goal"]] - g0[item["goal"]] == pytest.approx(item["amount"])


# -- baseline model -------------------------------------------------------------------------


def test_baseline_on_the_sample(project, budget):
    res = project_scenario(project, budget, (2024, 8), None)
    assert res.data_month == 8 and res.year == 2024 and res.target_rate == 100.0
    assert res.path[7].execution_rate == pytest.approx(budget.execution_rate(2024, 8))
    assert all(p.observed for p in res.path[:8]) and not any(p.observed for p in res.path[8:])
    lo, hi = res.year_end_interval
    assert lo < res.year_end_rate < hi
    assert res.path[7].lower == res.path[7].upper == res.path[7].execution_rate  # no spread on observed months
    widths = [p.upper - p.lower for p in res.path[8:]]
    assert widths == sorted(widths)  # the interval widens over the projected months
    assert all(s.profile_method == "history" and s.profile_years == 1 for s in res.sources)
    assert res.target_month is None
    assert res.shortfall == pytest.approx(res.total_budget - res.year_end_spent)
    assert res.baseline_year_end_rate == pytest.approx(res.year_end_rate)


def test_time_progress_is_linear_from_last_year_end(project, budget):
    r23 = project_scenario(project, budget, (2023, 8), None)
    assert [p.time_progress for p in r23.path] == pytest.approx([30 * m / 12 for m in range(1, 13)])
    r24 = project_scenario(project, budget, (2024, 8), None)
    last = budget.execution_rate(2023, 12)
    assert r24.last_year_end_rate == pytest.approx(last)
    assert [p.time_progress for p in r24.path] == pytest.approx([last + (100 - last) * m / 12 for m in range(1, 13)])
    assert all(p.target == 100.0 for p in r24.path)


def test_profile_learned_from_prior_year_and_pace(project):
    prof = np.array([1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 6, 20], dtype=float)
    prof /= prof.sum()
    rows = profile_rows(2023, {"central": 4000, "local": 30000, "other": 1000}, prof)
    rows += profile_rows(2024, {"central": 2000, "local": 45000, "other": 1000}, prof, range(1, 7))  # half, 1.5×, same pace
    b = budget_of(project, rows)
    res = project_scenario(project, b, (2024, 6), None)
    pace = {s.source: s.pace for s in res.sources}
    assert pace == pytest.approx({"central": 2000, "local": 45000, "other": 1000})
    rest = rest_by_source(res)
    c6 = prof[:6].sum()
    assert rest["local"] == pytest.approx(45000 * (1 - c6))
    for m in range(7, 13):
        assert res.path[m - 1].spent == pytest.approx(48000 * prof[m - 1])


def test_default_profile_without_history(project):
    rows = [(2023, m, "local", 1000.0) for m in range(1, 7)]
    res = project_scenario(project, budget_of(project, rows), (2023, 6), None)
    src = next(s for s in res.sources if s.source == "local")
    assert src.profile_method == "default" and src.interval_method == "default"
    c6 = sum(DEFAULT_PROFILE[:6])
    assert src.pace == pytest.approx(6000 / c6)
    assert res.path[11].spent == pytest.approx(6000 / c6 * DEFAULT_PROFILE[11])  # December rush
    assert res.path[11].spent == max(p.spent for p in res.path)
    # the profile is a guess: the interval reaches the year-end of spending 1000 a month (12000), not ±20 %
    remaining = 6000 / c6 - 6000
    assert src.rel_error == pytest.approx((6000 / c6 - 12000) / remaining)
    assert src.rel_error > DEFAULT_REL_ERROR_START - (DEFAULT_REL_ERROR_START - DEFAULT_REL_ERROR_END) * 6 / 12
    december = res.path[11]
    assert december.cumulative_lower is not None and december.cumulative_lower <= 12000 + 1e-6 < december.cumulative_upper


def test_without_history_the_interval_reaches_the_recent_pace_continued(project):
    """A spender speeding up (500 → 1,000 a month) is judged by its last three months: the
    interval's low end is 6 × 1,000 more than spent, not 6 × its average."""
    rows = [(2023, m, "local", v) for m, v in zip(range(1, 7), (500.0, 500.0, 500.0, 1000.0, 1000.0, 1000.0))]
    res = project_scenario(project, budget_of(project, rows), (2023, 6), None)
    src = next(s for s in res.sources if s.source == "local")
    c6, spent = sum(DEFAULT_PROFILE[:6]), 4500.0
    assert src.rel_error == pytest.approx((spent / c6 - (spent + 6 * 1000.0)) / (spent / c6 - spent))


def test_default_interval_shrinks_as_the_year_progresses(project, budget):
    rel = [project_scenario(project, budget, (2024, m), None).sources[1].rel_error for m in (1, 4, 8)]
    assert rel[0] > rel[1] > rel[2]


def test_interval_from_the_spread_of_prior_years(project):
    p1 = np.array(DEFAULT_PROFILE)
    p2 = np.roll(p1, 1)
    p3 = (p1 + p2) / 2
    rows = []
    for y, prof in ((2020, p1), (2021, p2), (2022, p3)):
        rows += profile_rows(y, {"local": 20000}, prof / prof.sum())
    rows += profile_rows(2023, {"local": 20000}, p3 / p3.sum(), range(1, 8))
    res = project_scenario(project, budget_of(project, rows), (2023, 7), None)
    src = next(s for s in res.sources if s.source == "local")
    assert src.interval_method == "spread" and src.profile_years == 3
    assert src.rel_error > SPREAD_REL_MIN
    lo, hi = res.year_end_interval
    assert lo < res.year_end_rate < hi
    # identical profiles → the narrowest interval
    same = []
    for y in (2020, 2021, 2022):
        same += profile_rows(y, {"local": 20000})
    same += profile_rows(2023, {"local": 20000}, months=range(1, 8))
    src2 = next(s for s in project_scenario(project, budget_of(project, same), (2023, 7), None).sources if s.source == "local")
    assert src2.interval_method == "spread" and src2.rel_error == pytest.approx(SPREAD_REL_MIN)


def test_early_months_blend_with_last_year(project):
    rows = profile_rows(2023, {"local": 24000}) + [(2024, 1, "local", 0.0)]
    res = project_scenario(project, budget_of(project, rows), (2024, 1), None)
    assert next(s for s in res.sources if s.source == "local").pace > 20000  # not "nothing all year"


def test_no_data_in_the_year_uses_last_year_total(project):
    rows = profile_rows(2023, {"local": 24000})
    res = project_scenario(project, budget_of(project, rows), (2024, 3), None)
    assert res.data_month == 0
    assert next(s for s in res.sources if s.source == "local").pace == pytest.approx(24000)


def test_target_month_and_shortfall(project, budget):
    base = project_scenario(project, budget, (2024, 8), None)
    assert base.target_month is None and base.shortfall > 0
    big = project_scenario(project, budget, (2024, 8), {"levers": {"one_off": [{"month": "2024-11", "amount": 60000}]}})
    assert big.target_month == 11 and big.target_period == "2024-11" and big.shortfall == 0
    r23 = project_scenario(project, budget, (2023, 12), None)
    assert r23.target_month is None
    assert r23.shortfall == pytest.approx(0.30 * r23.total_budget - budget.spent_by(2023, 12))


def test_central_funds_at_risk(project, budget):
    base = project_scenario(project, budget, (2024, 8), None)
    assert base.central_at_risk
    assert len(budget_text.risk_reasons(base, "zh")) == 2 and len(budget_text.risk_reasons(base, "en")) == 2
    assert base.unspent_by_source["central"] > 0
    spend_all = project_scenario(project, budget, (2024, 8), {"levers": {"one_off": [{"month": "2024-12", "amount": 9000, "source": "central"}]}})
    assert spend_all.unspent_by_source["central"] == pytest.approx(0.0, abs=1e-6)
    assert len(budget_text.risk_reasons(spend_all, "zh")) == 1  # still behind time progress today
    # not the final year and on time: no risk
    rows = [(2023, m, "central", 10000 * 0.3 / 12 * 1.2) for m in range(1, 9)]
    early = project_scenario(project, budget_of(project, rows), (2023, 8), None)
    assert not early.central_at_risk


# -- each lever -----------------------------------------------------------------------------


def test_pace_scales_the_months_after_as_of(project, budget):
    base = project_scenario(project, budget, (2024, 8), None)
    res = project_scenario(project, budget, (2024, 8), {"levers": {"pace": 1.2}})
    for a, b in zip(base.path, res.path):
        assert b.spent == pytest.approx(a.spent * (1.2 if a.month > 8 else 1.0))
    assert res.baseline_year_end_rate == pytest.approx(base.year_end_rate)


def test_levers_change_the_months_after_the_spending_s_last_month(project, budget):
    """Spending to August as of October: the scenario plans September to December (it kept
    September and October at the baseline, as if they were reported)."""
    base = project_scenario(project, budget, (2024, 10), None)
    res = project_scenario(project, budget, (2024, 10), {"levers": {"pace": 2.0}})
    assert base.data_month == 8
    for m in range(1, 9):
        assert res.path[m - 1].spent == pytest.approx(base.path[m - 1].spent)
    for m in range(9, 12):  # (December is held at the budget)
        assert res.path[m - 1].spent == pytest.approx(2 * base.path[m - 1].spent)
    assert plan_months(budget, (2024, 10)) == ["2024-09", "2024-10", "2024-11", "2024-12"]


def test_as_of_december_with_spending_to_october_the_levers_plan_november_and_december(project):
    """As of December with the spending to October the levers changed nothing: the months left
    were counted from December. November and December are planned: the pace, a one-off in
    November and a freeze of both move the year-end; the monthly amount needed divides by them."""
    from analytics.budget.required import required_pace

    b = budget_of(project, [(2024, m, "local", 2000.0) for m in range(1, 11)])
    assert plan_months(b, (2024, 12)) == ["2024-11", "2024-12"]
    base = project_scenario(project, b, (2024, 12), None)
    faster = project_scenario(project, b, (2024, 12), {"levers": {"pace": 1.5}})
    paid = project_scenario(project, b, (2024, 12), {"levers": {"one_off": [{"month": "2024-11", "amount": 1000, "source": "local"}]}})
    frozen = project_scenario(project, b, (2024, 12), {"levers": {"freeze": {"from": "2024-11"}}})
    assert base.data_month == 10
    assert faster.path[10].spent == pytest.approx(1.5 * base.path[10].spent) and faster.year_end_spent > base.year_end_spent
    assert paid.year_end_spent == pytest.approx(base.year_end_spent + 1000) and not paid.warnings
    assert frozen.year_end_spent == pytest.approx(base.path[9].cumulative)
    need = required_pace(project, b, (2024, 12))
    assert need.month == 10 and need.months_left == 2 and need.spent == pytest.approx(base.path[9].cumulative)
    assert need.monthly == pytest.approx(need.needed / 2)
    closed = budget_of(project, [(2024, m, "local", 2000.0) for m in range(1, 13)])
    assert plan_months(closed, (2024, 12)) == []


def test_pace_by_source(project, budget):
    base = rest_by_source(project_scenario(project, budget, (2024, 8), None))
    res = rest_by_source(project_scenario(project, budget, (2024, 8), {"levers": {"pace_by_source": {"other": 1.5}}}))
    assert res["other"] == pytest.approx(1.5 * base["other"])
    assert res["local"] == pytest.approx(base["local"]) and res["central"] == pytest.approx(base["central"])


def test_pace_by_goal(project, budget):
    base = project_scenario(project, budget, (2024, 8), None)
    res = project_scenario(project, budget, (2024, 8), {"levers": {"pace_by_goal": {"1": 1.3}}})
    g0 = {g.goal: g.projected_rest for g in base.by_goal}
    g1 = {g.goal: g.projected_rest for g in res.by_goal}
    assert g1[1] == pytest.approx(1.3 * g0[1])
    for k in (2, 3, 4, 5):
        assert g1[k] == pytest.approx(g0[k])
    assert res.year_end_spent - base.year_end_spent == pytest.approx(0.3 * g0[1])


def test_transfers_move_spending_between_goals(project, budget, actuals):
    base = project_scenario(project, budget, (2024, 8), None, actuals=actuals)
    res = project_scenario(project, budget, (2024, 8), {"levers": {"transfers": [{"from_goal": 2, "to_goal": 1, "amount": 2000}]}}, actuals=actuals)
    g0 = {g.goal: g for g in base.by_goal}
    g1 = {g.goal: g for g in res.by_goal}
    assert g1[1].year_spent - g0[1].year_spent == pytest.approx(2000)
    assert g1[2].year_spent - g0[2].year_spent == pytest.approx(-2000)
    assert g1[1].transferred == 2000 and g1[2].transferred == -2000
    assert g1[1].budget - g0[1].budget == pytest.approx(2000)
    assert res.year_end_spent == pytest.approx(base.year_end_spent)
    # the goal-1 output rises, the goal-2 output falls
    assert res.linked("vocational_training").projected > base.linked("vocational_training").projected
    assert res.linked("internship_posts").projected < base.linked("internship_posts").projected
    # more than is left: only what is left moves, with a warning
    huge = project_scenario(project, budget, (2024, 8), {"levers": {"transfers": [{"from_goal": 3, "to_goal": 1, "amount": 10 ** 6}]}})
    g3 = {g.goal: g for g in huge.by_goal}
    assert g3[3].projected_rest == pytest.approx(0.0, abs=1e-6)
    assert budget_text.warnings(huge, "en") and "transfer" in budget_text.warnings(huge, "en")[0]


def test_budget_cut_below_spending_stops_spending(project, budget):
    spent_local = budget.spent_by(2024, 8, ["local"])
    cut = -(87651.18 - spent_local) - 100  # adjusted budget 100 below what is already spent
    res = project_scenario(project, budget, (2024, 8), {"levers": {"budget_adjustment": {"local": cut}}})
    local = next(s for s in res.sources if s.source == "local")
    assert local.projected_rest == pytest.approx(0.0, abs=1e-9)
    assert local.unspent == 0
    assert any("超过（调整后）预算" in w for w in budget_text.warnings(res, "zh"))
    name = next(s.display_name("en") for s in project.budget_sources if s.key == "local")  # the source's own name
    english = budget_text.warnings(res, "en", project)
    assert any(w.startswith(f"{name}: ") for w in english) and not any(w.startswith("local:") for w in english)
    assert any(w.startswith(f"{name}: ") for w in scenario_json(project, budget, (2024, 8), {"levers": {"budget_adjustment":
                                                                                             {"local": cut}}})["warnings_en"])


def test_unit_costs_drive_linked_outputs(project, budget, actuals):
    base = project_scenario(project, budget, (2024, 8), None, actuals=actuals)
    vt = base.linked("vocational_training")
    assert vt.unit_cost_source == "derived" and vt.data_month == 8
    assert vt.unit_cost == pytest.approx(vt.goal_spent_to_data_month / (vt.ytd * 1e4))
    # the baseline is the trend forecast of the year end (as on the forecast page and the forms)
    from analytics.forecast.outlook import forecast_for

    fc = forecast_for(project, actuals, budget, project.indicator("vocational_training"), 2024, (2024, 8))
    assert vt.baseline_projected == pytest.approx(fc.point) and vt.projected == pytest.approx(fc.point)
    assert vt.attainment == pytest.approx(vt.projected / 15.0)
    assert {lo.indicator_id for lo in base.linked_outputs} == {"vocational_training", "startup_events", "graduate_archives_digitised", "internship_posts"}
    res = project_scenario(project, budget, (2024, 8), {"levers": {"unit_costs": {"vocational_training": 0.2}}}, actuals=actuals)
    vt2 = res.linked("vocational_training")
    assert vt2.unit_cost_source == "user" and vt2.unit_cost == 0.2
    assert vt2.projected == pytest.approx(vt2.ytd + vt2.goal_spending_rest / 0.2 / 1e4)
    assert vt2.baseline_projected == pytest.approx(vt.projected)
    # faster goal-1 spending → more training
    fast = project_scenario(project, budget, (2024, 8), {"levers": {"pace_by_goal": {"1": 1.5}}}, actuals=actuals)
    assert fast.linked("vocational_training").projected > vt.projected
    assert fast.linked("startup_events").projected == pytest.approx(base.linked("startup_events").projected)


def test_one_off_before_as_of_is_ignored_with_a_warning(project, budget):
    base = project_scenario(project, budget, (2024, 8), None)
    res = project_scenario(project, budget, (2024, 8), {"levers": {"one_off": [{"month": "2024-05", "amount": 999}]}})
    assert res.year_end_spent == pytest.approx(base.year_end_spent)
    assert budget_text.warnings(res, "en") and "ignored" in budget_text.warnings(res, "en")[0]
    assert validate_scenario({"levers": {"one_off": [{"month": "2024-05", "amount": 999}]}}, project, as_of=(2024, 8), budget=budget)


def test_one_off_in_a_freeze_is_blocked(project, budget):
    base = project_scenario(project, budget, (2024, 8), {"levers": {"freeze": {"from": "2024-10", "to": "2024-10", "sources": ["local"]}}})
    res = project_scenario(project, budget, (2024, 8), {"levers": {"freeze": {"from": "2024-10", "to": "2024-10", "sources": ["local"]},
                                                                    "one_off": [{"month": "2024-10", "amount": 500, "source": "local"}]}})
    assert res.year_end_spent == pytest.approx(base.year_end_spent)
    assert any("暂停" in w for w in budget_text.warnings(res, "zh"))


def test_the_full_example(project, budget, actuals):
    res = project_scenario(project, budget, (2024, 8), EXAMPLE, actuals=actuals)
    assert res.name == "加快支付"
    assert res.adjusted_budget == pytest.approx(103414.18 - 3000)
    assert res.levers["freeze"] == [{"from": "2024-09", "to": "2024-10", "sources": ["local"]}]
    assert res.baseline_year_end_rate is not None and res.baseline_year_end_rate != res.year_end_rate
    assert res.linked("vocational_training").unit_cost_source == "user"
    json.dumps(res.as_dict(), ensure_ascii=False, allow_nan=False)


# -- allocation and goal data ---------------------------------------------------------------


def test_shipped_allocation(project):
    alloc = load_allocation(project)
    assert set(alloc) == {1, 2, 3, 4, 5}
    assert sum(alloc.values()) == pytest.approx(1.0)
    assert max(alloc, key=alloc.get) == 1
    df = pd.read_csv(DATA / "budget_allocation.csv")
    assert list(df.columns) == ["goal", "share", "note"] and df.share.sum() == pytest.approx(1.0)


def test_allocation_without_a_file_is_equal_and_bad_files_fail(project, tmp_path):
    import dataclasses

    p2 = dataclasses.replace(project, source=str(tmp_path))
    assert load_allocation(p2) == pytest.approx({g: 0.2 for g in range(1, 6)})
    bad = tmp_path / "budget_allocation.csv"
    bad.write_text("goal,share,note\n9,0.5,\n1,0.5,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown goal"):
        load_allocation(p2)
    bad.write_text("goal,share\n1,-1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="≥ 0"):
        load_allocation(p2, bad)
    ok = tmp_path / "alloc.csv"
    ok.write_text("# comment\ngoal,share\n1,2\n2,2\n", encoding="utf-8")
    assert load_allocation(p2, ok) == pytest.approx({1: 0.5, 2: 0.5, 3: 0, 4: 0, 5: 0})


def test_goal_column_in_the_data_wins(project):
    rows = [(2023, m, "local", 100.0, 1 if m <= 6 else 4) for m in range(1, 13)]
    rows += [(2024, m, "local", 100.0, 4) for m in range(1, 7)]
    res = project_scenario(project, budget_of(project, rows), (2024, 6), None)
    g = {x.goal: x for x in res.by_goal}
    assert g[4].spent_ytd == pytest.approx(600) and g[1].spent_ytd == 0
    assert g[4].projected_rest == pytest.approx(res.year_end_spent - 1200 - 600)  # all the projection goes to goal 4
    assert g[1].spent_before_year == pytest.approx(600) and g[4].spent_before_year == pytest.approx(600)


# -- JSON -----------------------------------------------------------------------------------


def test_scenario_json(project, budget, actuals, tmp_path):
    out = scenario_json(project, budget, (2024, 8), EXAMPLE)
    json.dumps(out, ensure_ascii=False, allow_nan=False)
    assert set(out) >= {"as_of", "year", "scenario", "budget", "path", "year_end", "target_reached", "shortfall",
                        "unspent_by_source", "central_at_risk"}
    assert len(out["path"]) == 12 and out["path"][0]["period"] == "2024-01"
    assert set(out["path"][0]) == {"period", "observed", "spent", "cumulative", "execution_rate", "lower", "upper", "time_progress", "target", "missing"}
    assert out["missing_months"] == [] and not any(p["missing"] for p in out["path"])  # the sample reports every month
    assert out["scenario"]["levers"]["pace"] == 1.2
    f = tmp_path / "s.json"
    f.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    assert scenario_json(project, budget, (2024, 8), str(f)) == out
    assert scenario_json(project, budget, (2024, 8), None)["scenario"]["levers"] == {}
    assert out["linked_outputs"] == [] and len(out["by_goal"]) == 5
    linked = scenario_json(project, budget, (2024, 8), EXAMPLE, actuals=actuals)["linked_outputs"]
    assert {x["indicator_id"]: x["unit_cost_source"] for x in linked}["vocational_training"] == "user"


def test_nothing_is_projected_before_the_project_starts(project, budget):
    res = project_scenario(project, budget, (2022, 6), {"levers": {"pace": 3}})
    assert res.year_end_spent == 0 and res.target_rate is None and res.path[5].time_progress is None


def test_empty_budget_does_not_crash(project):
    res = project_scenario(project, Budget(project, None), (2024, 6), {"levers": {"pace": 2}})
    assert res.data_month == 0
    json.dumps(res.as_dict(), allow_nan=False)
