"""Self-evaluation score (绩效自评得分) following the 财预〔2020〕10号 defaults.

The rules live in ``data/scoring_rules.yaml`` (parts and their points, weighting, what to do
with indicators without a target or data, grades). :func:`score` scores given progress rows;
:func:`score_scenario` scores the projected year-end under a budget scenario. Pure computation,
no Streamlit. See ``docs/budget.md``.
"""

from __future__ import annotations

import copy
import dataclasses
import math
import os
import re
from functools import lru_cache
from typing import Any, Iterable, Mapping, Sequence

import yaml

from analytics.core.calendar import milestone_met, milestone_overdue, wants_no
from analytics.core.qualitative import level_of
from analytics.core.reporting import spend_month
from analytics.core.paths import DATA_DIR
from analytics.core.model import Indicator, Project
from analytics.rules.progress import IndicatorProgress, evaluate_all
from analytics.budget.outputs import year_end_outlook, year_end_point
from analytics.budget.projection import project_scenario
from analytics.budget.results import ScenarioResult
from analytics.budget.score_results import ScoreLine, ScorePart, ScoreResult
from analytics.budget.year_budget import year_execution_rate
from analytics.core.series import Actuals, Budget

__all__ = [
    "RULES_FILE",
    "ScoreLine",
    "ScorePart",
    "ScoreResult",
    "load_scoring_rules",
    "resolve_rules",
    "rule_options",
    "validate_rules",
    "grade_for",
    "score",
    "score_scenario",
    "project_rows",
    "execution_rule",
    "execution_unknown",
]

RULES_FILE = DATA_DIR / "scoring_rules.yaml"
_EPS = 1e-9


# -- rules ----------------------------------------------------------------------------------


def _load(path: str) -> dict[str, Any]:
    """The parsed rules file, cached until the file changes (treat as read-only)."""
    return _load_cached(path, os.stat(path).st_mtime_ns)


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: int) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def load_scoring_rules(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The rules document (a fresh copy: callers may change it)."""
    return copy.deepcopy(_load(str(path or RULES_FILE)))


def resolve_rules(rules: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A full rules document from ``None`` (the file), a full document, or a mapping of option
    overrides such as ``{"no_data": "zero"}`` / ``{"options": {"no_data": {"value": "zero"}}}``."""
    if rules is None:
        return _load(str(RULES_FILE))
    if "parts" in rules and "grades" in rules:
        return dict(rules)
    base = load_scoring_rules()
    overrides = rules.get("options", rules)
    for key, value in overrides.items():
        if key not in base["options"]:
            raise ValueError(f"unknown scoring option {key!r} / 未知的评分选项「{key}」")
        base["options"][key]["value"] = value["value"] if isinstance(value, Mapping) and "value" in value else value
    return base


def _opt(rules: Mapping[str, Any], name: str) -> Any:
    entry = rules.get("options", {}).get(name)
    if isinstance(entry, Mapping) and "value" in entry:
        return entry["value"]
    if entry is None:
        return _load(str(RULES_FILE))["options"][name]["value"]
    return entry


def rule_options(rules: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Option name → value in effect."""
    r = resolve_rules(rules)
    return {k: _opt(r, k) for k in r.get("options", {})}


def validate_rules(rules: Mapping[str, Any]) -> list[str]:
    """Problems of a rules document (bilingual strings); empty = usable."""
    out: list[str] = []
    parts = rules.get("parts") or []
    if not parts:
        out.append("缺少 parts（评分部分）。 / parts are missing.")
    total = 0.0
    for p in parts:
        pts = p.get("points")
        if not isinstance(pts, (int, float)) or isinstance(pts, bool) or pts < 0:
            out.append(f"部分「{p.get('key')}」的分值应为非负数字。 / part {p.get('key')!r}: points must be a number ≥ 0.")
        else:
            total += float(pts)
    if parts and abs(total - 100.0) > 1e-6:
        out.append(f"各部分分值合计为 {total:g}，应为 100。 / the parts add up to {total:g}, not 100.")
    for name, entry in (rules.get("options") or {}).items():
        if isinstance(entry, Mapping) and "choices" in entry:
            v = entry.get("value")
            vals = v if isinstance(v, list) else [v]
            bad = [x for x in vals if x not in entry["choices"]]
            if bad:
                out.append(f"选项 {name} 的值 {bad} 不在可选范围 {entry['choices']} 内。 / option {name}: {bad} not in {entry['choices']}.")
    levels = (rules.get("options") or {}).get("qualitative_levels")
    levels = levels.get("value") if isinstance(levels, Mapping) and "value" in levels else levels
    for key, entry in (levels or {}).items():
        lo, hi = (entry.get("band") or [0.0, 1.0]) if isinstance(entry, Mapping) else (0.0, 1.0)
        v = entry.get("value") if isinstance(entry, Mapping) else None
        if not isinstance(v, (int, float)) or not (float(lo) - 1e-9 <= float(v) <= float(hi) + 1e-9):
            out.append(f"定性指标等级 {key} 的 value 应在其区间 {lo}–{hi} 内。 / qualitative level {key}: value must lie in its band {lo}–{hi}.")
    mins = [g.get("min") for g in rules.get("grades") or []]
    if not mins or any(not isinstance(m, (int, float)) for m in mins) or mins != sorted(mins, reverse=True):
        out.append("grades 应按 min 从高到低排列。 / grades must be listed from the highest min down.")
    return out


def part_levels(part: Mapping[str, Any]) -> tuple[str, ...]:
    """The 一级指标 a part scores: one (``level1: 效益指标``) or several (``level1: [产出指标, 成本指标]``)."""
    lv = part.get("level1")
    if not lv:
        return ()
    return tuple(str(x) for x in lv) if isinstance(lv, (list, tuple)) else (str(lv),)


def in_part(ind: Indicator, part: Mapping[str, Any]) -> bool:
    """Whether ``part`` scores ``ind``: by its 一级指标 (``level1``), or — when the table gives it
    none — by its 二级指标 matching the part's ``level2`` pattern (产出数量指标 → 产出指标,
    经济效益 → 效益指标, 服务对象满意度 → 满意度指标)."""
    if ind.level1:
        return ind.level1 in part_levels(part)
    pattern = part.get("level2")
    return bool(pattern and ind.level2 and re.search(str(pattern), ind.level2))


def implied_level1(ind: Indicator, rules: Mapping[str, Any] | None = None) -> str | None:
    """The 一级指标 an indicator the table gives none belongs to by its 二级指标: the name of the
    first part whose ``level2`` pattern it matches (服务对象满意度 → 满意度指标); its own 一级指标
    when it has one; None when neither says."""
    if ind.level1:
        return ind.level1
    part = next((p for p in resolve_rules(rules)["parts"] if p.get("level1") and in_part(ind, p)), None)
    return str(part["name_zh"]) if part is not None else None


def grade_for(total: float, rules: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The grade band of a total (compared after rounding to 6 decimals, so 89.9999999 is 优)."""
    r = resolve_rules(rules)
    t = round(float(total), 6)
    for g in r["grades"]:
        if t >= float(g["min"]):
            return dict(g)
    return dict(r["grades"][-1])


# -- results: analytics/budget/score_results.py (ScoreLine, ScorePart, ScoreResult) ---------------


# -- scoring --------------------------------------------------------------------------------


def qualitative_share(code: float, opts: Mapping[str, Any]) -> tuple[str, float]:
    """(level, share of the points) of a qualitative check-in: the ``value`` of its level in
    ``qualitative_levels`` (within the level's band)."""
    level = level_of(code) or "not_achieved"
    levels = opts.get("qualitative_levels") or _load(str(RULES_FILE))["options"]["qualitative_levels"]["value"]
    return level, float(levels[level]["value"])


def _completion(ind: Indicator, actual: float, target: float, opts: Mapping[str, Any] | None = None) -> tuple[str, float]:
    """(rule, completion ratio) for one indicator, direction- and type-aware."""
    if ind.kind == "qualitative":
        return "qualitative", qualitative_share(actual, opts or {})[1]
    if ind.kind == "milestone":
        return "milestone", 1.0 if milestone_met(actual, target) else 0.0
    if ind.direction == "lower":
        if abs(target) < _EPS:
            return "zero_target", 1.0 if actual <= _EPS else 0.0
        if actual <= 0:
            return "lower", 1.0
        return "lower", target / actual
    if target <= 0:
        return "higher", 1.0 if actual >= target - _EPS else 0.0
    return "higher", actual / target


def _reason(rule: str, ind: Indicator, actual: float, target: float, ratio: float, pts: float, mx: float, cap: float,
            floor: float) -> tuple[str, dict[str, Any]]:
    """(reason code, its numbers) of a scored indicator (the sentences: budget.score_<code>)."""
    tail = {"points": pts, "points_max": mx}
    if rule == "milestone":
        word = "milestone_no" if wants_no(target) else "milestone"  # 是否存在质量问题 | 否: held or broken
        return (f"{word}_done" if ratio >= 1.0 else f"{word}_missed"), tail
    if rule == "qualitative":
        return f"qualitative_{level_of(actual)}", {"share": ratio, **tail}
    if rule == "zero_target":
        return ("zero_target_met" if ratio >= 1.0 else "zero_target_missed"), {"actual": actual, "unit": ind.unit, **tail}
    limit = "floor" if ratio < floor - _EPS else ("cap" if ratio > cap + _EPS else "")
    return rule, {"actual": actual, "target": target, "unit": ind.unit, "ratio": ratio, "limit": limit, "floor": floor, **tail}


def execution_rule(rules: Mapping[str, Any] | None = None) -> str:
    """The execution rule in force: ``year_rate`` (min(1, the year's execution rate) × points,
    default) or ``cumulative_target`` (cumulative rate ÷ the year's cumulative target)."""
    return str(_opt(resolve_rules(rules), "execution_rule"))


def execution_unknown(budget: Budget, year: int, as_of: tuple[int, int]) -> str | None:
    """Why ``year``'s budget execution has no rate to score at ``as_of`` — ``no_data``: no
    spending recorded at all; ``no_data_year``: none of the year's reported by then
    (:func:`analytics.core.reporting.spend_month`), though other years' is (their pace is no
    spending of this year: the part is left out, or 0 by rule, never projected from nothing) —
    or ``None`` when it has one. The one rule of the score, the 预算情景 page and the forms."""
    if not budget.has_data:
        return "no_data"
    return None if spend_month(budget, year, as_of) else "no_data_year"


def _score_execution(p: Mapping[str, Any], opts: Mapping[str, Any], exec_id: str, execution_rate: float | None,
                     exec_target: float, year: int, rule: str = "cumulative_target",
                     default_target: bool = False, unknown: str = "no_data") -> tuple[ScoreLine, ScorePart]:
    """The execution part: ``min(cap, rate ÷ target) × points`` (under ``year_rate`` the rate is
    the year's and the target 100 %; ``default_target``: the project sets no target for the year,
    ``execution_default_target`` stands for it, and the reason says so). Without a rate the part
    is left out (or 0 by rule) with why (``unknown``, :func:`execution_unknown`)."""
    mx = float(p["points"])
    if execution_rate is None:
        empty = opts.get("no_data", "redistribute") != "zero"
        line = ScoreLine(exec_id, p["name_zh"], p["name_en"], p["name_zh"], p["key"], "execution",
                         "excluded" if empty else "zero", 1.0, 0.0 if empty else mx, None, exec_target, None, 0.0,
                         0.0 if empty else mx, f"execution_{unknown}_{'left_out' if empty else 'zero'}",
                         {"year": year} if unknown == "no_data_year" else {})
        return line, ScorePart(p["key"], p["name_zh"], p["name_en"], mx, 0.0, 1, 0, empty)
    ratio = execution_rate / exec_target if exec_target > 0 else 1.0
    pts = mx * max(0.0, min(float(opts.get("execution_cap", 1.0)), ratio))
    # spending above the budget (a rate over 100 %): said, the points as the rules give them (execution_over_budget)
    over = execution_rate - 100.0 if execution_rate > 100.0 + 0.005 and opts.get("execution_over_budget", "note") == "note" else None
    line = ScoreLine(
        exec_id, p["name_zh"], p["name_en"], p["name_zh"], p["key"], "execution", "scored", 1.0, mx,
        execution_rate, exec_target, ratio, pts, mx - pts,
        "execution_year" if rule == "year_rate" else "execution",
        {"rate": execution_rate, "year": year, "target": exec_target, "points_max": mx, "points": pts, "rule": rule,
         **({"default_target": True} if default_target and rule != "year_rate" else {}),
         **({"over_budget": over} if over is not None else {})},
    )
    return line, ScorePart(p["key"], p["name_zh"], p["name_en"], mx, pts, 1, 1, False)


def _gap(ind: Indicator, row: IndicatorProgress | None) -> dict[str, Any]:
    """The months missing before months given of a flow (the status rule's
    :meth:`~analytics.core.series.YearObs.open_gap`, kept in the row's ``extra``): which, what the
    months given add up to, and whether they settle the year (:func:`~analytics.rules.progress.gap_settles`)
    — said in the reason, whether the indicator is scored on them or left out; empty without a gap."""
    extra = row.extra if row is not None else {}
    if not extra.get("missing_months"):
        return {}
    settled = bool(extra.get("settled_by_given"))
    return {"gap_missing": list(extra["missing_months"]), "gap_given": list(extra.get("given_months") or []),
            "gap_total": extra.get("least_total" if settled else "given_sum"), "gap_settled": settled, "unit": ind.unit}


def _stage(ind: Indicator, row: IndicatorProgress | None, w: float, year: int, opts: Mapping[str, Any]) -> tuple[Any, ...]:
    """(ind, status, weight, actual, target, reason if not scored) of one member of a part."""
    tgt = row.target if row is not None else (ind.target(year).value if ind.target(year) else None)
    act = row.actual if row is not None else None
    if w <= 0:
        return (ind, "excluded", 0.0, act, tgt, ("weight_zero", {}))
    if tgt is None:
        zero = opts.get("no_target", "redistribute") == "zero"
        return (ind, "zero" if zero else "excluded", w, act, None, ("no_target_zero" if zero else "no_target_shared", {"year": year}))
    if act is None:  # months given after a gap that settle nothing are no figure either, but said
        zero = opts.get("no_data", "redistribute") == "zero"
        gap = _gap(ind, row)
        return (ind, "zero" if zero else "excluded", w, None, tgt,
                (f"{'gap' if gap else 'no_data'}_{'zero' if zero else 'shared'}", gap))
    return (ind, "scored", w, act, tgt, None)


def _score_part(p: Mapping[str, Any], members: list[Indicator], rows: Mapping[str, IndicatorProgress], year: int,
                opts: Mapping[str, Any]) -> tuple[list[ScoreLine], ScorePart]:
    """One part of indicators: points spread by weight over the members that are scored."""
    mx = float(p["points"])
    cap = float(opts.get("completion_cap", 1.0))
    floor = float(opts.get("min_completion", 0.0))
    custom = dict(opts.get("custom_weights") or {}) if opts.get("weights") == "custom" else {}
    # weights: table = the table's 分值 of each member, when every member of the part has one
    table = opts.get("weights") == "table" and bool(members) and all(ind.points is not None for ind in members)
    staged = [_stage(ind, rows.get(ind.id), float(ind.points) if table and ind.points is not None else
                     float(custom.get(ind.id, 1.0)), year, opts) for ind in members]
    wsum = sum(w for (_i, st, w, *_rest) in staged if st != "excluded")
    lines: list[ScoreLine] = []
    got = 0.0
    n_scored = 0
    for ind, st, w, act, tgt, why in staged:
        pmax = mx * w / wsum if (st != "excluded" and wsum > 0) else 0.0
        if st == "scored":
            rule, ratio = _completion(ind, float(act), float(tgt), opts)
            eff = 0.0 if ratio < floor - _EPS else max(0.0, min(cap, ratio))
            pts = pmax * eff
            reason, params = _reason(rule, ind, float(act), float(tgt), ratio, pts, pmax, cap, floor)
            params.update(_gap(ind, rows.get(ind.id)))  # scored on the months given after a gap, which settle it
            n_scored += 1
        else:
            rule = ind.kind if ind.kind in ("milestone", "qualitative") else (
                "zero_target" if ind.direction == "lower" and tgt == 0 else ind.direction)
            ratio, pts = None, 0.0
            reason, params = why
        got += pts
        lines.append(ScoreLine(ind.id, ind.name, ind.display_name("en"), ind.level1, p["key"], rule, st, w, pmax,
                               None if act is None else float(act), None if tgt is None else float(tgt),
                               ratio, pts, pmax - pts, reason, params))
    return lines, ScorePart(p["key"], p["name_zh"], p["name_en"], mx, got, len(members), n_scored, wsum <= 0,
                            sum(float(ind.points or 0.0) for ind in members) if table else None)


def score(
    project: Project,
    progress_rows: Iterable[IndicatorProgress],
    execution_rate: float | None,
    year: int,
    rules: Mapping[str, Any] | None = None,
    year_execution_rate: float | None = None,
    execution_why: str = "no_data",
) -> ScoreResult:
    """Score the rows (``actual`` vs ``target`` of each indicator) and the execution rate.
    (Slightly over 60 lines: the execution rule, the parts and the rescaling read best in one
    place.)

    ``execution_rate`` is the cumulative rate (%), ``year_execution_rate`` the year's (this
    year's spending ÷ the year's budget, %). Under the rule ``year_rate`` (scoring_rules.yaml
    ``execution_rule``) the year's rate is scored against 100 %; when it is not given, the
    cumulative rule is used and the result says so (``execution_rule``).

    The rows are scored as given: pass year-end (or projected year-end) values; mid-year
    year-to-date rows score low by construction (use :func:`score_scenario` for a projection).
    ``rules`` = ``None`` (data/scoring_rules.yaml), a full rules document or option overrides.
    """
    r = resolve_rules(rules)
    opts = {k: _opt(r, k) for k in r.get("options", {})}
    origins = set(opts.get("origins") or ["table"])
    rows = {row.indicator_id: row for row in progress_rows}
    parts_cfg = list(r["parts"])
    lines: list[ScoreLine] = []
    parts: list[ScorePart] = []
    exec_cfg = next((p for p in parts_cfg if not p.get("level1")), None)
    target = project.execution_targets.get(year)
    exec_target = float(target) if target is not None else float(opts.get("execution_default_target", 100))
    exec_id = project.execution_indicator or "budget_execution"
    rule = str(opts.get("execution_rule") or "year_rate")
    if rule == "year_rate" and year_execution_rate is None and execution_rate is not None:  # (no rate at all: the rule in force stays)
        rule = "cumulative_target"
    if rule == "year_rate":
        execution_rate, exec_target = year_execution_rate, 100.0
    scored = [p for p in parts_cfg if p is not exec_cfg]
    owner = {ind.id: next((i for i, p in enumerate(scored) if in_part(ind, p)), None) for ind in project.indicators}
    for p in parts_cfg:
        if p is exec_cfg:
            line, part = _score_execution(p, opts, exec_id, execution_rate, exec_target, year, rule, target is None, execution_why)
            lines.append(line)
            parts.append(part)
            continue
        members = [ind for ind in project.indicators  # each indicator in the first part that claims it
                   if owner[ind.id] == scored.index(p) and ind.id != project.execution_indicator and ind.origin in origins]
        part_lines, part = _score_part(p, members, rows, year, opts)
        lines.extend(part_lines)
        parts.append(part)
    placed = {ln.indicator_id for ln in lines}
    for ind in project.indicators:  # in no part (a 一级指标 the rules do not score, or none): listed, never dropped
        if ind.id not in placed and ind.id != project.execution_indicator and ind.origin in origins:
            row = rows.get(ind.id)
            lines.append(ScoreLine(ind.id, ind.name, ind.name_en, ind.level1, "", ind.kind, "excluded", 0.0, 0.0,
                                   row.actual if row is not None else None, row.target if row is not None else None,
                                   None, 0.0, 0.0, "no_part", {"level": ind.level1}))
    raw = sum(pt.points for pt in parts)
    if opts.get("empty_part", "rescale") == "rescale":
        avail = sum(pt.points_max for pt in parts if not pt.empty)
        total_max = sum(pt.points_max for pt in parts)
        total = raw * total_max / avail if avail > 0 else 0.0
    else:
        total = raw
    total = round(total, 6)
    g = grade_for(total, r)
    costs = sorted((ln for ln in lines if ln.lost > 1e-6), key=lambda ln: (-ln.lost, ln.indicator_id))
    return ScoreResult(
        year=year, execution_rate=execution_rate, execution_target=exec_target, parts=parts, lines=lines, total=total,
        total_max=float(sum(float(p["points"]) for p in parts_cfg)), grade=str(g["zh"]), grade_en=str(g["en"]),
        grade_key=str(g.get("key", "")), what_costs_points=costs, options=opts, execution_rule=rule,
    )


# -- projection -----------------------------------------------------------------------------


def project_rows(
    project: Project,
    rows: Sequence[IndicatorProgress],
    as_of: tuple[int, int],
    result: ScenarioResult | None = None,
    actuals: Actuals | None = None,
    budget: Budget | None = None,
    rules: Mapping[str, Any] | None = None,
) -> tuple[list[IndicatorProgress], dict[str, dict[str, Any]]]:
    """Year-end projected copies of the rows and, per indicator, how the value was obtained:
    ``linked_output`` (spend-driven, from the scenario), ``forecast`` (the forecast's own year-end,
    :func:`analytics.budget.outputs.year_end_point`), ``trajectory`` (actual ÷ expected as the
    year-end completion, when the forecast gives no number), ``milestone_open`` (a milestone not
    yet achieved nor overdue: 是 only once the forecast calls it certain, else 否 as it stands; with
    its ``due`` month and the forecast's ``p_attain``), ``as_is`` (closed year, zero-target caps, no
    ratio) or ``none`` (no target/data)."""
    r = resolve_rules(rules)
    method_opt = _opt(r, "projection")
    open_ms = _opt(r, "open_milestones")
    use_forecast = bool(_opt(r, "use_forecast"))
    by_id = project.by_id
    out: list[IndicatorProgress] = []
    info: dict[str, dict[str, Any]] = {}
    for row in rows:
        ind = by_id.get(row.indicator_id)
        if ind is None or ind.id == project.execution_indicator:
            out.append(row)
            continue
        value, method = row.actual, "as_is"
        extra: dict[str, Any] = {}
        lo = result.linked(ind.id) if result is not None else None
        if row.target is None or (row.actual is None and not (lo and lo.projected is not None)):
            method = "none"
        elif row.year < as_of[0]:
            method = "as_is"
        elif lo is not None and lo.projected is not None:
            value, method = lo.projected, "linked_output"
        elif ind.kind == "qualitative":
            method = "as_is"  # the latest check-in stands: no invented year-end value
        elif ind.kind == "milestone":
            due = ind.due_month or 12
            if wants_no(row.target) or milestone_met(row.actual, row.target):
                method = "as_is"  # 否 so far is assumed to hold; 是 recorded cannot be undone
            elif open_ms == "likelihood" and not milestone_overdue(due, as_of[1], row.data_month):
                # open: 是 only once the forecast calls it certain (the monitoring form's 确定能), else 否 as it stands
                got = year_end_outlook(project, ind, actuals, budget, row.year, as_of) if actuals is not None else None
                certain = got is not None and got.likelihood == "certain"
                value, method = (row.target if certain else row.actual), "milestone_open"
                extra = {"due": due, "p_attain": got.p_attain if got is not None else None}
        elif ind.direction == "lower" and abs(row.target) < _EPS:
            method = "as_is"  # a cap of 0 already exceeded cannot be undone; 0 so far stays 0
        else:
            fc = None
            if use_forecast and actuals is not None:  # the forecast's own year-end, as 年末预测 and the monitoring form give it
                fc = year_end_point(project, ind, actuals, budget, row.year, as_of)
            if fc is not None:
                value, method = fc, "forecast"
            elif method_opt == "trajectory" and row.ratio is not None and math.isfinite(row.ratio) and row.actual is not None:
                if ind.direction == "lower":
                    value = row.target / row.ratio if row.ratio > 0 else row.actual
                else:
                    value = row.target * row.ratio
                method = "trajectory"
        info[ind.id] = {"current": row.actual, "projected": value, "method": method, **extra}
        out.append(dataclasses.replace(row, actual=value) if value is not row.actual else row)
    return out, info


def score_scenario(
    project: Project,
    actuals: Actuals,
    budget: Budget,
    as_of: tuple[int, int],
    scenario: Mapping[str, Any] | None = None,
    *,
    rules: Mapping[str, Any] | None = None,
    progress_rows: Sequence[IndicatorProgress] | None = None,
    result: ScenarioResult | None = None,
    allocation: Mapping[int, float] | None = None,
) -> ScoreResult:
    """Projected year-end score of ``as_of``'s year under a budget scenario.

    Execution = the scenario's year-end execution rate; spend-driven indicators = the
    scenario's linked outputs; others = the trend forecast (``analytics.forecast.method.forecast_indicator``),
    else the trajectory rule (see :func:`project_rows`). ``progress_rows`` and ``result`` may be
    passed to reuse work already done (the page caches the rows: they do not depend on levers).
    """
    y, m = int(as_of[0]), int(as_of[1])
    if result is None:
        result = project_scenario(project, budget, (y, m), scenario, actuals=actuals, allocation=allocation)
    rows = list(progress_rows) if progress_rows is not None else evaluate_all(project, actuals, budget, y, (y, m), with_previous=False)
    projected, info = project_rows(project, rows, (y, m), result, actuals, budget, rules)
    year_spent = float(result.year_end_spent) - budget.spent_by(y - 1, 12)
    year_rate = year_execution_rate(project, budget, y, year_spent, result.adjusted_budget - result.total_budget)
    unknown = execution_unknown(budget, y, (y, m))
    if unknown:  # no spending recorded, or none of the year's: no execution rate to project (left out, never 0 分)
        year_rate = None
    res = score(project, projected, None if unknown else result.year_end_rate, y, rules, year_execution_rate=year_rate,
                execution_why=unknown or "no_data")
    res.basis = "projected"
    res.projections = info
    for line in res.lines:  # a value the score takes from the year-end projection, not from what was reported
        if line.reason in ("execution", "execution_year") and (budget.data_month(y, m) or 0) < 12:  # the rate now, beside the year-end's
            now = (year_execution_rate(project, budget, y, budget.spent_in_year(y, m)) if line.reason == "execution_year"
                   else budget.execution_rate(y, m))
            if now is not None:
                line.reason_params["projected_from"] = now
            continue
        got = info.get(line.indicator_id) or {}
        if got.get("projected") is not None and got.get("projected") != got.get("current"):
            line.reason_params["projected_from"] = got.get("current")
        if got.get("method") == "milestone_open" and line.reason == "milestone_missed":  # open, scored as it stands
            line.reason_params.update(open=True, due=got["due"], p_attain=got["p_attain"])
    res.scenario = {"name": result.name, "key": result.key, "levers": result.levers,
                    "year_end_rate": result.year_end_rate, "year_end_interval": list(result.year_end_interval)}
    return res
