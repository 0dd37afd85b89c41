"""Review-meeting reports (会议汇报): the slide sequence, the official forms, the deck, chart images.

Engine module: plain Python, no Streamlit and no ``pages`` import, deterministic (the same data
gives the same bytes apart from the timestamps python-pptx/openpyxl write into file metadata).

* :func:`build_context` computes everything once (progress, goal roll-up, year-end forecasts
  from :mod:`analytics.forecast.outlook`, the budget projection of :func:`analytics.budget.scenario.project_scenario`
  under the chosen scenario, the self-evaluation score of :mod:`analytics.budget.scoring`, data-quality
  notes and the user's deviation causes / corrective measures).
* :func:`slides` turns it into the slide sequence shown by the 会议汇报 page and written to the
  ``.pptx`` deck (:func:`pptx_bytes`): the two stay the same by construction.
* :func:`xlsx_bytes` writes the 绩效运行监控表 and/or the 项目支出绩效自评表, laid out by
  ``data/report_forms.yaml`` (local forms differ: the layout is data).
* Charts: the one charts module is ``pages/charts.py`` (pure Altair, importable without
  Streamlit). This module builds the chart *data* (``chart_data_*``) and a :class:`ChartRequest`
  naming the builder; the caller passes that module in (``charts_module``) so that the engine
  never imports ``pages``. :func:`chart_image` converts with vl-convert to PNG or SVG.
* :func:`find_cjk_font` / :func:`cjk_font_warning`: without a CJK font on the machine, chart
  images show Chinese as boxes; the CLI and the page warn and say how to fix it.

Deviation causes and measures come from the data-management store (being built); until then
:func:`deviation_actions` reads an optional list of dicts ``{goal, indicator_id, cause_category,
cause_text, measure_text}`` and defaults to none.
"""

from __future__ import annotations

import io
import math
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterable, Mapping, Sequence

import pandas as pd
import yaml

from analytics.core.paths import ROOT
from analytics.storage.dataset import Dataset
from analytics.core.exports import safe_cell
from analytics.core.model import Indicator, Project
from analytics.forecast.outlook import forecast_all
from analytics.rules.progress import GoalRollup, IndicatorProgress, count_by_status, expected_path, load_rules, rollup
from analytics.rules.quality import QualityNote
from analytics.budget.scenario import ScenarioError, ScenarioResult, project_scenario
from analytics.budget.scoring import ScoreResult, score, score_scenario

__all__ = [
    "CAUSE_CATEGORIES",
    "FORM_LIKELIHOOD",
    "FORMS_FILE",
    "CHART_NAMES",
    "EA_FONT",
    "Action",
    "ReportContext",
    "Metric",
    "Slide",
    "ChartRequest",
    "deviation_actions",
    "build_context",
    "slides",
    "form_likelihood",
    "load_forms",
    "xlsx_bytes",
    "pptx_bytes",
    "deck_chart_png",
    "chart_names",
    "chart_request",
    "chart_spec",
    "chart_image",
    "find_cjk_font",
    "cjk_font_warning",
    "write_report",
]

FORMS_FILE = ROOT / "data" / "report_forms.yaml"

# 偏差原因分析 categories of the official monitoring form (in the form's order).
CAUSE_CATEGORIES: tuple[str, ...] = ("经费保障", "制度保障", "人员保障", "硬件条件保障", "其他")
CAUSE_EN = {"经费保障": "Funding", "制度保障": "Rules and procedures", "人员保障": "Staffing", "硬件条件保障": "Facilities", "其他": "Other"}
_CAUSE_ALIASES = {
    "funding": "经费保障", "fund": "经费保障", "money": "经费保障", "经费": "经费保障",
    "rules": "制度保障", "system": "制度保障", "institution": "制度保障", "制度": "制度保障",
    "staff": "人员保障", "staffing": "人员保障", "personnel": "人员保障", "人员": "人员保障",
    "hardware": "硬件条件保障", "facilities": "硬件条件保障", "硬件": "硬件条件保障", "硬件条件": "硬件条件保障",
    "other": "其他", "others": "其他",
}

# 完成目标可能性: the forecast has four levels (analytics/outlook.py: ≥95% 确定能, ≥70% 很可能,
# ≥5% 有可能, else 完全不可能); the official form has three. 很可能 is not certain, so it is
# reported as 有可能 (only ≥95% is 确定能). Documented in the README.
FORM_LIKELIHOOD: dict[str, str] = {"certain": "确定能", "likely": "有可能", "possible": "有可能", "impossible": "完全不可能"}
FORM_LIKELIHOOD_EN = {"确定能": "Certain", "有可能": "Possible", "完全不可能": "Impossible"}

EA_FONT = "Microsoft YaHei"  # East Asian font set on every run of the deck (PowerPoint / WPS)

CHART_NAMES: tuple[str, ...] = ("status_counts", "goal_scores", "budget_execution")  # + "indicator:<id>"

ROWS_PER_SLIDE = 9


# -- deviation causes and measures ----------------------------------------------------------


@dataclass(frozen=True)
class Action:
    """A deviation cause and its corrective measure, entered by a user for an indicator or a goal."""

    goal: int | None
    indicator_id: str | None
    cause_category: str  # one of CAUSE_CATEGORIES
    cause_text: str
    measure_text: str

    def category_label(self, lang: str = "zh") -> str:
        return CAUSE_EN.get(self.cause_category, self.cause_category) if lang == "en" else self.cause_category


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", str(value)).strip()


def _category(value: Any) -> str:
    text = _text(value)
    if text in CAUSE_CATEGORIES:
        return text
    return _CAUSE_ALIASES.get(text.lower(), "其他")


def deviation_actions(actions: Iterable[Mapping[str, Any]] | None = None, project: Project | None = None) -> list[Action]:
    """The deviation causes and corrective measures to report (default: none yet).

    ``actions`` is a list of dicts ``{goal, indicator_id, cause_category, cause_text,
    measure_text}`` (the data-management store will provide them). An unknown category becomes
    其他; the goal is taken from the indicator when missing; entries with neither a cause nor a
    measure are dropped; an indicator id the project does not know is kept without the link
    (goal only). Text is kept as plain text (control characters removed)."""
    out: list[Action] = []
    by_id = project.by_id if project is not None else {}
    for item in actions or []:
        if not isinstance(item, Mapping):
            continue
        cause, measure = _text(item.get("cause_text")), _text(item.get("measure_text"))
        if not cause and not measure:
            continue
        iid = _text(item.get("indicator_id")) or None
        goal_raw = item.get("goal")
        goal: int | None
        try:
            goal = int(str(goal_raw).replace("目标", "").strip()) if _text(goal_raw) else None
        except ValueError:
            goal = None
        if project is not None and iid is not None and iid not in by_id:
            iid = None
        if goal is None and iid is not None and iid in by_id:
            goal = by_id[iid].goal
        out.append(Action(goal, iid, _category(item.get("cause_category")), cause, measure))
    return out


# -- context --------------------------------------------------------------------------------


@dataclass
class ReportContext:
    ds: Dataset
    year: int
    as_of: tuple[int, int]
    lang: str
    month: int  # data month of the year: as-of month, 12 for a closed year, 0 for a future year
    rows: list[IndicatorProgress]
    rollups: list[GoalRollup]
    counts: dict[str, int]
    forecasts: dict[str, dict[str, Any]]
    scenario: ScenarioResult | None
    scenario_name: str  # "" = baseline
    scenario_note: str  # e.g. a chosen scenario that could not be used
    score: ScoreResult | None
    score_basis: str  # "projected" | "actual" | "none"
    quality: list[QualityNote]
    actions: list[Action]

    @property
    def project(self) -> Project:
        return self.ds.project

    @property
    def as_of_key(self) -> str:
        return f"{self.as_of[0]:04d}-{self.as_of[1]:02d}"

    @property
    def is_sample(self) -> bool:
        return self.ds.is_sample

    def row(self, indicator_id: str) -> IndicatorProgress | None:
        for r in self.rows:
            if r.indicator_id == indicator_id:
                return r
        return None

    def actions_for(self, indicator_id: str) -> list[Action]:
        return [a for a in self.actions if a.indicator_id == indicator_id]


def build_context(
    ds: Dataset,
    as_of: tuple[int, int] | None = None,
    year: int | None = None,
    lang: str = "zh",
    scenario: Mapping[str, Any] | None = None,
    actions: Iterable[Mapping[str, Any]] | None = None,
    rows: Sequence[IndicatorProgress] | None = None,
) -> ReportContext:
    """Compute everything a report needs. ``scenario`` is a scenario document (docs/budget.md;
    ``None`` = the baseline projection); an invalid one falls back to the baseline with a note."""
    project = ds.project
    as_of = as_of or ds.latest_period or (project.years[0], 12)
    if year is None:
        years = ds.years()
        year = as_of[0] if (as_of[0] in years or not years) else max([y for y in years if y <= as_of[0]] or years)
    month = 12 if year < as_of[0] else (as_of[1] if year == as_of[0] else 0)
    prog = list(rows) if rows is not None else ds.progress(year, as_of)
    rolls = rollup(project, prog)
    forecasts = {f["indicator_id"]: f for f in forecast_all(ds, year, as_of)}

    res: ScenarioResult | None = None
    name, note = "", ""
    if ds.budget.has_data and year == as_of[0]:
        try:
            res = project_scenario(project, ds.budget, as_of, scenario, actuals=ds.actuals)
            name = res.name if scenario else ""
        except ScenarioError as exc:
            note = "; ".join(exc.messages(lang))
            res = project_scenario(project, ds.budget, as_of, None, actuals=ds.actuals)

    if res is not None and project.execution_indicator in forecasts and res.year_end_rate is not None:
        # one number for the budget in every part of a report: the scenario projection
        forecasts[project.execution_indicator] = _execution_forecast(forecasts[project.execution_indicator], res, name)

    sc: ScoreResult | None = None
    basis = "none"
    if year == as_of[0] and res is not None:
        try:
            sc = score_scenario(project, ds.actuals, ds.budget, as_of, scenario if not note else None, progress_rows=prog, result=res)
            basis = "projected"
        except (ScenarioError, ValueError):
            sc = None
    if sc is None and month:
        end_rows = prog if month == 12 else ds.progress(year, (year, 12) if year < as_of[0] else as_of, with_previous=False)
        rate = ds.budget.execution_rate(year, month) if ds.budget.has_data else None
        sc = score(project, end_rows, rate, year)
        basis = "actual" if month == 12 else "to_date"
    return ReportContext(
        ds=ds, year=year, as_of=as_of, lang=lang, month=month, rows=prog, rollups=rolls, counts=count_by_status(prog),
        forecasts=forecasts, scenario=res, scenario_name=name, scenario_note=note, score=sc, score_basis=basis,
        quality=ds.quality(), actions=deviation_actions(actions, project),
    )


def _execution_forecast(fc: dict[str, Any], res: ScenarioResult, scenario_name: str) -> dict[str, Any]:
    """The budget-execution indicator's year-end forecast taken from the chosen scenario's
    projection (analytics/scenario.py), so that the monitoring form, the slides and the
    self-evaluation show the same year-end execution rate."""
    from statistics import NormalDist

    from analytics.forecast.outlook import likelihood

    out = dict(fc)
    point = float(res.year_end_rate or 0.0)
    lo = point if res.year_end_interval[0] is None else float(res.year_end_interval[0])
    hi = point if res.year_end_interval[1] is None else float(res.year_end_interval[1])
    target = res.target_rate
    p = None
    if target is not None:
        if hi - lo < 1e-9:
            p = 1.0 if point >= target - 1e-9 else 0.0
        else:
            sigma = (hi - lo) / (2 * NormalDist().inv_cdf(0.9))
            p = 1 - NormalDist(point, sigma).cdf(float(target) - 1e-9)
    key, zh, en = likelihood(p)
    out.update(point=point, lower=lo, upper=hi, p_attain=p, likelihood=key, likelihood_zh=zh, likelihood_en=en, reason=None)
    if scenario_name:
        out.update(method="scenario", method_zh=f"预算情景“{scenario_name}”", method_en=f"Budget scenario '{scenario_name}'")
    return out


# -- formatting -----------------------------------------------------------------------------

_INT_UNITS = {"个", "人", "家", "场次", "件", "项"}


def _num(x: float | None, unit: str = "", nd: int | None = None) -> str:
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "—"
    if nd is None:
        ax = abs(x)
        if unit in _INT_UNITS and abs(x - round(x)) < 1e-9:
            nd = 0
        else:
            nd = 0 if ax >= 1000 else (1 if ax >= 100 else (2 if ax >= 1 or ax == 0 else 3))
    s = f"{x:,.{nd}f}"
    if unit == "%":
        return s + "%"
    return f"{s} {unit}".strip() if unit else s


def _pct(x: float | None, nd: int = 1) -> str:
    return "—" if x is None or not math.isfinite(x) else f"{x:.{nd}f}%"


def _value(ind: Indicator, x: float | None, lang: str) -> str:
    if ind.kind == "milestone":
        if x is None:
            return "—"
        return ("是" if x >= 0.5 else "否") if lang == "zh" else ("Yes" if x >= 0.5 else "No")
    return _num(x, ind.unit)


def _target_text(ind: Indicator, row: IndicatorProgress | None, lang: str) -> str:
    raw = row.target_raw if row is not None else None
    if not raw:
        return "—"
    if re.fullmatch(r"[\d.,]+", raw) and ind.unit and ind.unit != "%":
        return f"{raw} {ind.unit}"
    if lang == "en":
        raw = raw.replace("以上", "+").replace("以下", " or less")
        raw = {"是": "Yes", "否": "No"}.get(raw, raw)
    return raw


def _status(status: str, lang: str) -> str:
    info = load_rules()["statuses"][status]
    return f"{info['symbol']} {info['en' if lang == 'en' else 'zh']}"


def _month_label(y: int, m: int, lang: str) -> str:
    return f"{y}年{m}月" if lang == "zh" else f"{y}-{m:02d}"


def _tr(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def _likelihood(ctx: ReportContext, ind: Indicator) -> tuple[str | None, str]:
    """(form level 确定能/有可能/完全不可能 or None, the four-level label shown on slides)."""
    fc = ctx.forecasts.get(ind.id) or {}
    row = ctx.row(ind.id)
    key = fc.get("likelihood")
    if key is None and row is not None and row.status == "done":
        key = "certain"
    if key is None and row is not None and row.status == "missed":
        key = "impossible"
    if key is None:
        return None, "—"
    label = {"certain": ("确定能", "Certain"), "likely": ("很可能", "Likely"), "possible": ("有可能", "Possible"),
             "impossible": ("完全不可能", "Very unlikely")}[key]
    return FORM_LIKELIHOOD[key], label[1] if ctx.lang == "en" else label[0]


def form_likelihood(key: str | None) -> str | None:
    """The official form's 完成目标可能性 (3 levels) for an outlook likelihood key (4 levels)."""
    return FORM_LIKELIHOOD.get(key) if key else None


# -- slides ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Metric:
    label: str
    value: str
    note: str = ""


@dataclass
class Slide:
    """One slide: shown by the 会议汇报 page and written to the deck the same way."""

    key: str  # title | overview | goal:<id>[:<part>] | risks | budget | quality | actions
    title: str
    subtitle: str = ""
    metrics: list[Metric] = field(default_factory=list)
    charts: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)
    row_status: list[str] = field(default_factory=list)  # status key per table row ("" = none)
    bullets: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    badge: str = ""  # 示例数据


def _goal_name(project: Project, goal: int | None, lang: str) -> str:
    if goal is None:
        return "—"
    if goal == 0:
        return _tr(lang, "项目整体", "Project as a whole")
    g = project.goal(goal)
    return g.label(lang) if g else str(goal)


def _data_source(ctx: ReportContext) -> str:
    lang = ctx.lang
    if ctx.is_sample:
        return _tr(lang, "示例数据（虚构的月度数据，仅用于演示，不是官方统计）", "Sample data (invented monthly figures for demonstration, not official statistics)")
    names = [Path(p).name for k, p in ctx.ds.sources.items() if k in ("actuals", "budget") and p]
    return (_tr(lang, "数据文件：", "Data files: ") + "、".join(names)) if names else _tr(lang, "无月度数据", "No monthly data")


def _score_text(ctx: ReportContext) -> str:
    if ctx.score is None:
        return "—"
    grade = ctx.score.grade_en if ctx.lang == "en" else ctx.score.grade
    return f"{ctx.score.total:.1f} {grade}"


def _score_note(ctx: ReportContext) -> str:
    return {
        "projected": _tr(ctx.lang, "按年末预计值测算的参考分", "reference score on projected year-end values"),
        "actual": _tr(ctx.lang, "按全年实际值测算", "on full-year actuals"),
        "to_date": _tr(ctx.lang, "按截至目前的实际值测算", "on actuals to date"),
    }.get(ctx.score_basis, "")


def _execution(ctx: ReportContext) -> tuple[float | None, float | None, float | None]:
    """(execution rate at the data month, time progress at that month, the year's target)."""
    b, project = ctx.ds.budget, ctx.project
    if not b.has_data or not ctx.month:
        return None, None, project.execution_targets.get(ctx.year)
    levels = {m: v for m, v in b.execution_levels(ctx.year).items() if m <= ctx.month}
    dm = max(levels) if levels else ctx.month
    rate = levels.get(dm)
    target = project.execution_targets.get(ctx.year)
    prev = 0.0 if project.execution_start and ctx.year <= project.execution_start[0] else b.execution_rate(ctx.year - 1, 12)
    tp = None if target is None or prev is None else prev + (target - prev) * dm / 12
    return rate, tp, target


def _indicator_row(ctx: ReportContext, ind: Indicator) -> list[str]:
    lang = ctx.lang
    row = ctx.row(ind.id)
    fc = ctx.forecasts.get(ind.id) or {}
    _, like = _likelihood(ctx, ind)
    point = fc.get("point")
    return [
        ind.display_name(lang),
        _target_text(ind, row, lang),
        _value(ind, row.actual if row else None, lang),
        _status(row.status, lang) if row else "—",
        _value(ind, point, lang),
        like,
    ]


def slides(ctx: ReportContext) -> list[Slide]:
    """The presentation: title, overall status, each goal, top risks, budget and scenario,
    data quality, actions. Long goals are split over several slides (at most 9 rows each)."""
    lang, project = ctx.lang, ctx.project
    m = ctx.month
    as_of_label = _month_label(ctx.as_of[0], ctx.as_of[1], lang)
    badge = _tr(lang, "示例数据", "Sample data") if ctx.is_sample else ""
    out: list[Slide] = []

    # 1 title
    out.append(Slide(
        "title", project.name_en if lang == "en" and project.name_en else project.name,
        subtitle=_tr(lang, "绩效目标执行情况汇报", "Performance-target review"),
        bullets=[
            _tr(lang, f"截至 {as_of_label} · {ctx.year} 年度目标", f"As of {as_of_label} · {ctx.year} targets"),
            _tr(lang, "数据来源：", "Data: ") + _data_source(ctx),
            _tr(lang, f"项目资金 {project.funding_total or 0:,.2f} 万元 · 实施期 {project.years[0]}–{project.years[-1]} 年",
                f"Budget {project.funding_total or 0:,.2f} (10k yuan) · {project.years[0]}–{project.years[-1]}"),
        ],
        badge=badge,
    ))

    # 2 overall status
    c = ctx.counts
    good = c.get("done", 0) + c.get("on_track", 0)
    bad = c.get("lagging", 0) + c.get("missed", 0)
    rate, tp, target = _execution(ctx)
    metrics = [
        Metric(_tr(lang, "✔ 已完成 / ● 正常", "✔ Achieved / ● On track"), str(good)),
        Metric(_tr(lang, "▲ 关注", "▲ Watch"), str(c.get("watch", 0))),
        Metric(_tr(lang, "■ 滞后 / ✖ 未完成", "■ Lagging / ✖ Missed"), str(bad)),
        Metric(_tr(lang, "预算执行率", "Budget execution"), _pct(rate), _tr(lang, f"序时进度 {_pct(tp)}", f"time progress {_pct(tp)}")),
        Metric(_tr(lang, "绩效自评（预计）", "Self-evaluation (projected)") if ctx.score_basis == "projected" else _tr(lang, "绩效自评", "Self-evaluation"),
               _score_text(ctx), _score_note(ctx)),
    ]
    n_judged = sum(v for k, v in c.items() if k not in ("no_data", "no_target"))
    out.append(Slide(
        "overview", _tr(lang, "总体情况", "Overall status"),
        subtitle=_tr(lang, f"截至 {as_of_label}：{len(ctx.rows)} 项指标，{n_judged} 项可判断", f"As of {as_of_label}: {len(ctx.rows)} indicators, {n_judged} judged"),
        metrics=metrics, charts=[n for n in ("status_counts", "goal_scores") if _has_chart(ctx, n)], badge=badge,
    ))

    # 3 one slide (or a few) per goal
    rolls = {r.goal: r for r in ctx.rollups}
    rules = load_rules()
    cols = [_tr(lang, "指标", "Indicator"), _tr(lang, "年度目标", "Target"), _tr(lang, f"1-{m}月", f"Jan-{m}") if m else _tr(lang, "实际", "Actual"),
            _tr(lang, "状态", "Status"), _tr(lang, "全年预计", "Year-end forecast"), _tr(lang, "完成可能性", "Likelihood")]
    goal_ids = {g.id for g in project.goals}
    groups: list[tuple[int, str, list[Indicator]]] = [(g.id, g.label(lang), [i for i in project.indicators if i.goal == g.id]) for g in project.goals]
    rest = [i for i in project.indicators if i.goal not in goal_ids and i.id != project.execution_indicator]
    if rest:  # e.g. a flat target file without goals, or project-wide indicators
        groups.append((0, _tr(lang, "项目整体指标", "Project-wide indicators") if goal_ids else _tr(lang, "全部指标", "All indicators"), rest))
    for gid, glabel, members in groups:
        if not members:
            continue
        members.sort(key=lambda i: (rules["statuses"][ctx.row(i.id).status]["rank"] if ctx.row(i.id) else 9, i.seq))
        roll = rolls.get(gid) if gid in goal_ids else None
        n_parts = max(1, math.ceil(len(members) / ROWS_PER_SLIDE))
        size = math.ceil(len(members) / n_parts)
        for part in range(n_parts):
            chunk = members[part * size:(part + 1) * size]
            suffix = f"（{part + 1}/{n_parts}）" if n_parts > 1 and lang == "zh" else (f" ({part + 1}/{n_parts})" if n_parts > 1 else "")
            sub = ""
            gm: list[Metric] = []
            if roll is not None:
                sub = _tr(lang, f"{roll.n} 项指标", f"{roll.n} indicators")
                gm = [Metric(_tr(lang, "目标得分", "Goal score"), "—" if roll.score is None else f"{roll.score:.0f}", _status(roll.status, lang))]
                for k in sorted(roll.counts, key=lambda s: -rules["statuses"][s]["rank"]):
                    gm.append(Metric(_status(k, lang), str(roll.counts[k])))
            if roll is None:
                sub = _tr(lang, f"{len(members)} 项指标", f"{len(members)} indicators")
            out.append(Slide(
                f"goal:{gid}" + (f":{part + 1}" if n_parts > 1 else ""), glabel + suffix, subtitle=sub,
                metrics=gm[:6] if part == 0 else [], columns=cols, table=[_indicator_row(ctx, i) for i in chunk],
                row_status=[(ctx.row(i.id).status if ctx.row(i.id) else "") for i in chunk],
                notes=[_tr(lang, "全年预计为基于月度趋势的估计值，不是承诺；完成可能性按预测的达标概率分级（≥95% 确定能，≥70% 很可能，≥5% 有可能）。",
                           "Year-end forecasts are estimates from monthly trends, not commitments; likelihood bands: ≥95% certain, ≥70% likely, ≥5% possible.")],
                badge=badge,
            ))

    # 4 top risks
    out.append(_risk_slide(ctx, badge))
    # 5 budget and the scenario
    out.append(_budget_slide(ctx, badge))
    # 6 data quality
    notes = ctx.quality
    qb = []
    for n in notes:
        if n.status in ("mismatch", "note", "unresolved"):
            label = {"mismatch": _tr(lang, "不一致", "Mismatch"), "note": _tr(lang, "说明", "Note"), "unresolved": _tr(lang, "无法核对", "Cannot check")}[n.status]
            qb.append(f"{label}（{_goal_name(project, n.goal, lang)}）：{n.text(lang)}" if lang == "zh" else f"{label} ({_goal_name(project, n.goal, lang)}): {n.text(lang)}")
    passed = sum(1 for n in notes if n.status == "passed")
    out.append(Slide(
        "quality", _tr(lang, "数据质量说明", "Data-quality notes"),
        subtitle=_tr(lang, f"目标文本与指标表的一致性检查：{passed} 项一致", f"Goal text vs indicator table: {passed} checks agree"),
        bullets=qb or [_tr(lang, "没有需要说明的问题。", "Nothing to report.")], badge=badge,
    ))
    # 7 actions
    out.append(_actions_slide(ctx, badge))
    return out


def _risk_slide(ctx: ReportContext, badge: str) -> Slide:
    lang, project = ctx.lang, ctx.project
    rules = load_rules()
    cands = []
    for ind in project.indicators:
        if ind.id == project.execution_indicator:
            continue
        row, fc = ctx.row(ind.id), ctx.forecasts.get(ind.id) or {}
        if row is None or row.target is None:
            continue
        p = fc.get("p_attain")
        risky = (p is not None and p < 0.7) or row.status in ("lagging", "missed")
        if not risky or row.status == "done":
            continue
        cands.append((p if p is not None else 0.5, rules["statuses"][row.status]["rank"], ind.seq, ind, row, fc))
    cands.sort(key=lambda x: (x[0], x[1], x[2]))
    top = cands[:6]
    cols = [_tr(lang, "指标", "Indicator"), _tr(lang, "年度目标", "Target"), _tr(lang, "全年预计", "Forecast"), _tr(lang, "达标概率", "P(meet)"),
            _tr(lang, "每月需完成", "Needed per month"), _tr(lang, "近期月均", "Recent per month")]
    table, status, bullets = [], [], []
    for p, _rank, _seq, ind, row, fc in top:
        req, rec = fc.get("required_monthly"), fc.get("recent_monthly")
        table.append([ind.display_name(lang), _target_text(ind, row, lang), _value(ind, fc.get("point"), lang),
                      "—" if fc.get("p_attain") is None else f"{fc['p_attain']:.0%}", _num(req, ind.unit) if req is not None else "—",
                      _num(rec, ind.unit) if rec is not None else "—"])
        status.append(row.status)
        if req is not None and rec is not None and rec > 0 and req > rec:
            left = 12 - (row.data_month or ctx.month)
            bullets.append(_tr(
                lang,
                f"{ind.display_name(lang)}：剩余 {left} 个月每月需完成 {_num(req, ind.unit)}，近期月均 {_num(rec, ind.unit)}，需提速 {req / rec - 1:.0%}。",
                f"{ind.display_name(lang)}: {_num(req, ind.unit)} a month needed over the last {left} months against a recent {_num(rec, ind.unit)} a month (+{req / rec - 1:.0%}).",
            ))
    if not table:
        bullets = [_tr(lang, "没有达标概率低于 70% 或滞后的指标。", "No indicator below a 70% chance or lagging.")]
    return Slide(
        "risks", _tr(lang, "主要风险：最可能完不成的指标", "Top risks: the targets most likely to be missed"),
        subtitle=_tr(lang, "按达标概率从低到高；每月需完成 = （年度目标 − 累计）÷ 剩余月数", "Lowest chance first; needed per month = (target − to date) ÷ months left"),
        columns=cols if table else [], table=table, row_status=status, bullets=bullets[:3], badge=badge,
    )


def _budget_slide(ctx: ReportContext, badge: str) -> Slide:
    lang, project, b = ctx.lang, ctx.project, ctx.ds.budget
    rate, tp, target = _execution(ctx)
    res = ctx.scenario
    scen = ctx.scenario_name or _tr(lang, "基线（按当前支出节奏）", "baseline (current pace)")
    metrics = [Metric(_tr(lang, "累计执行率", "Execution to date"), _pct(rate), _tr(lang, f"序时进度 {_pct(tp)}", f"time progress {_pct(tp)}")),
               Metric(_tr(lang, "年度执行目标", "Year's target"), _pct(target, 0))]
    bullets: list[str] = []
    columns: list[str] = []
    table: list[list[str]] = []
    if res is not None:
        lo, hi = res.year_end_interval
        metrics.append(Metric(_tr(lang, "年末预计执行率", "Projected year-end"), _pct(res.year_end_rate),
                              _tr(lang, f"80%区间 {_pct(lo)}–{_pct(hi)}", f"80% interval {_pct(lo)}–{_pct(hi)}")))
        metrics.append(Metric(_tr(lang, "年末缺口", "Year-end shortfall"), _num(res.shortfall, "万元" if lang == "zh" else "", 0)))
        columns = [_tr(lang, "资金来源", "Source"), _tr(lang, "预算数（万元）", "Budget"), _tr(lang, "累计执行", "Spent"),
                   _tr(lang, "执行率", "Rate"), _tr(lang, "年末预计", "Year-end"), _tr(lang, "年末未执行", "Unspent")]
        for s in res.sources:
            spent = s.spent_before_year + s.spent_ytd
            table.append([s.name if lang == "zh" else (next((f.name_en for f in project.funding_sources if f.key == s.source), s.name)),
                          _num(s.adjusted_budget, nd=2), _num(spent, nd=2), _pct(100 * spent / s.adjusted_budget if s.adjusted_budget else None),
                          _pct(s.execution_rate), _num(s.unspent, nd=2)])
        bullets.append(_tr(lang, f"情景：{scen}。", f"Scenario: {scen}."))
        if res.target_period:
            bullets.append(_tr(lang, f"预计 {res.target_period} 达到年度执行目标。", f"The year's target is reached in {res.target_period}."))
        elif target is not None:
            bullets.append(_tr(lang, f"按此情景年末达不到 {target:g}% 的执行目标，缺口约 {res.shortfall:,.0f} 万元。",
                               f"Under this scenario the {target:g}% target is not reached; about {res.shortfall:,.0f} (10k yuan) short."))
        bullets += (res.risk_reasons_en if lang == "en" else res.risk_reasons_zh)[:2]
    elif not b.has_data:
        bullets.append(_tr(lang, "没有支出数据。", "No spending data."))
    if ctx.scenario_note:
        bullets.append(_tr(lang, "所选情景无法使用，已显示基线：", "The chosen scenario cannot be used; showing the baseline: ") + ctx.scenario_note)
    return Slide(
        "budget", _tr(lang, "预算执行与情景", "Budget execution and scenario"),
        subtitle=_tr(lang, f"执行率 = 自项目开始累计支出 ÷ 项目总预算 {project.funding_total or 0:,.2f} 万元", f"Execution = spending since the start ÷ the total budget of {project.funding_total or 0:,.2f}"),
        metrics=metrics, charts=["budget_execution"] if _has_chart(ctx, "budget_execution") else [], columns=columns, table=table, bullets=bullets, badge=badge,
    )


def _actions_slide(ctx: ReportContext, badge: str) -> Slide:
    lang, project = ctx.lang, ctx.project
    by_id = project.by_id
    cols = [_tr(lang, "目标 / 指标", "Goal / indicator"), _tr(lang, "原因类别", "Category"), _tr(lang, "偏差原因", "Cause"), _tr(lang, "改进措施", "Measure")]
    table = []
    for a in ctx.actions:
        what = by_id[a.indicator_id].display_name(lang) if a.indicator_id in by_id else _goal_name(project, a.goal, lang)
        table.append([what, a.category_label(lang), a.cause_text or "—", a.measure_text or "—"])
    return Slide(
        "actions", _tr(lang, "偏差原因与改进措施", "Causes of deviation and corrective measures"),
        subtitle=_tr(lang, f"{len(table)} 条", f"{len(table)} entries"),
        columns=cols if table else [], table=table,
        bullets=[] if table else [_tr(lang, "尚未录入偏差原因和改进措施（在“数据管理”页面录入后会显示在这里和导出的报表中）。",
                                      "No causes or measures entered yet (enter them on the Data page; they appear here and in the exported forms).")],
        badge=badge,
    )


# -- chart data (the charts themselves are built by pages/charts.py) ------------------------


@dataclass(frozen=True)
class ChartRequest:
    """Which builder of the charts module to call, and with what."""

    name: str
    builder: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    title: str


def _has_chart(ctx: ReportContext, name: str) -> bool:
    if name == "goal_scores":
        return any(r.goal != 0 and r.score is not None for r in ctx.rollups)
    if name == "budget_execution":
        return ctx.ds.budget.has_data and bool(ctx.month)
    return True


def chart_names(ctx: ReportContext) -> list[str]:
    """Every chart that can be exported by name: status_counts, goal_scores (with goals),
    budget_execution (with spending data) and indicator:<id> for each indicator."""
    return [n for n in CHART_NAMES if _has_chart(ctx, n)] + [f"indicator:{ind.id}" for ind in ctx.project.indicators]


def chart_data_status_counts(ctx: ReportContext) -> dict[str, int]:
    return dict(ctx.counts)


def chart_data_goal_scores(ctx: ReportContext) -> pd.DataFrame:
    statuses = load_rules()["statuses"]
    recs = []
    for r in ctx.rollups:
        if r.goal == 0 or r.score is None:
            continue
        g = ctx.project.goal(r.goal)
        recs.append({"goal": g.label(ctx.lang) if g else str(r.goal), "score": round(r.score, 1),
                     "status": statuses[r.status]["en" if ctx.lang == "en" else "zh"]})
    return pd.DataFrame(recs, columns=["goal", "score", "status"])


def chart_data_budget_execution(ctx: ReportContext) -> pd.DataFrame:
    """month, series, value (%), kind ∈ actual / expected / projection."""
    lang, b, project = ctx.lang, ctx.ds.budget, ctx.project
    recs: list[dict[str, Any]] = []
    levels = {m: v for m, v in b.execution_levels(ctx.year).items() if m <= (ctx.month or 0)}
    for m, v in sorted(levels.items()):
        recs.append({"month": m, "value": round(v, 4), "series": _tr(lang, "累计执行率", "Execution rate"), "kind": "actual"})
    target = project.execution_targets.get(ctx.year)
    prev = 0.0 if project.execution_start and ctx.year <= project.execution_start[0] else b.execution_rate(ctx.year - 1, 12)
    if target is not None and prev is not None:
        for m in range(1, 13):
            recs.append({"month": m, "value": round(prev + (target - prev) * m / 12, 4), "series": _tr(lang, "序时进度", "Time progress"), "kind": "expected"})
    res = ctx.scenario
    if res is not None:
        label = _tr(lang, "年末预计", "Projection") + (f"（{ctx.scenario_name}）" if ctx.scenario_name and lang == "zh" else (f" ({ctx.scenario_name})" if ctx.scenario_name else ""))
        for p in res.path:
            if p.execution_rate is None:
                continue
            if p.observed and p.month != res.data_month:
                continue
            recs.append({"month": p.month, "value": round(p.execution_rate, 4), "series": label, "kind": "projection"})
    return pd.DataFrame(recs, columns=["month", "value", "series", "kind"])


def chart_data_indicator(ctx: ReportContext, indicator_id: str) -> tuple[pd.DataFrame, pd.DataFrame, str, float | None, bool]:
    """(monthly bars, lines, y-axis title with unit, target, bars?) as on the 指标详情 page."""
    lang, ds, project = ctx.lang, ctx.ds, ctx.project
    ind = project.indicator(indicator_id)
    year = ctx.year
    src = project.indicator(ind.derived_from) if ind.derived_from else ind
    series_actual = _tr(lang, "累计实际", "Actual (cumulative)") if ind.kind == "flow" else _tr(lang, "实际值", "Actual")
    monthly: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    last = ctx.month
    if ind.id == project.execution_indicator:
        obs_values = {m: v for m, v in ds.budget.execution_levels(year).items() if m <= last}
    else:
        obs = ds.actuals.obs(src.id, year)
        obs_values = {m: v for m, v in obs.values.items() if m <= last}
        if ind.kind == "flow" and not ind.derived_from:
            for m, (first, amount) in obs.monthly_amounts().items():
                if m <= last:
                    label = (f"{first}-{m}月" if first != m else f"{m}月") if lang == "zh" else (f"{first}-{m}" if first != m else f"{m}")
                    monthly.append({"month": m, "value": amount, "label": label})
    for m, v in sorted(obs_values.items()):
        lines.append({"month": m, "value": v, "series": f"{year} {series_actual}", "kind": "actual"})
    traj = expected_path(project, ind, ds.actuals, ds.budget, year)
    if traj is not None and ind.kind != "milestone":
        for m in range(1, 13):
            lines.append({"month": m, "value": traj.at(m), "series": _tr(lang, "应达进度", "Expected"), "kind": "expected"})
    if not ind.derived_from and ind.id != project.execution_indicator:
        for py in [y for y in ds.actuals.years(ind.id) if y < year][-2:]:
            for m, v in sorted(ds.actuals.obs(ind.id, py).values.items()):
                lines.append({"month": m, "value": v, "series": _tr(lang, f"{py}年", f"{py}"), "kind": "prior"})
    unit = ind.unit
    title = f"{ind.display_name(lang)}（{unit}）" if unit else ind.display_name(lang)
    if ind.kind == "flow":
        title = (_tr(lang, f"累计值（{unit}）", f"Cumulative ({unit})") if unit else _tr(lang, "累计值", "Cumulative"))
    row = ctx.row(ind.id)
    return (pd.DataFrame(monthly, columns=["month", "value", "label"]), pd.DataFrame(lines, columns=["month", "value", "series", "kind"]),
            title, row.target if row else None, ind.kind == "flow")


def chart_request(ctx: ReportContext, name: str) -> ChartRequest:
    """The builder call for a chart name; ``ValueError`` (listing the names) for an unknown one."""
    lang = ctx.lang
    if name in CHART_NAMES and not _has_chart(ctx, name):
        raise ValueError(f"chart {name!r} has no data here (no goals / no spending data) / 图表「{name}」没有数据")
    if name == "status_counts":
        return ChartRequest(name, "status_counts", (chart_data_status_counts(ctx), lang), {"title": _tr(lang, "指标状态分布", "Indicators by status")},
                            _tr(lang, "指标状态分布", "Indicators by status"))
    if name == "goal_scores":
        return ChartRequest(name, "goal_scores", (chart_data_goal_scores(ctx), lang), {}, _tr(lang, "各目标得分", "Goal scores"))
    if name == "budget_execution":
        title = _tr(lang, "预算执行 vs 序时进度", "Budget execution vs time progress")
        return ChartRequest(name, "budget_execution", (chart_data_budget_execution(ctx), lang), {"title": title}, title)
    if name.startswith("indicator:"):
        iid = name.split(":", 1)[1]
        if iid in ctx.project.by_id:
            monthly, lines, unit_title, target, bars = chart_data_indicator(ctx, iid)
            title = f"{ctx.project.indicator(iid).display_name(lang)} · {ctx.year}"
            return ChartRequest(name, "indicator_progress", (monthly, lines, unit_title, lang, target), {"title": title, "bars": bars}, title)
    raise ValueError(
        f"unknown chart {name!r}; names: {', '.join(CHART_NAMES)}, indicator:<id> (e.g. indicator:new_urban_jobs) / "
        f"未知的图表「{name}」，可用：{'、'.join(CHART_NAMES)}、indicator:<指标编号>"
    )


def _scale_fonts(node: Any, factor: float) -> None:
    if isinstance(node, dict):
        for k, v in list(node.items()):
            if isinstance(v, (int, float)) and not isinstance(v, bool) and (k == "fontSize" or k.endswith("FontSize")):
                node[k] = round(v * factor, 1)
            else:
                _scale_fonts(v, factor)
    elif isinstance(node, list):
        for v in node:
            _scale_fonts(v, factor)


def chart_spec(ctx: ReportContext, name: str, charts_module: ModuleType, *, font_scale: float = 1.0, width: int | None = None,
               height: int | None = None) -> dict[str, Any]:
    """The Vega-Lite spec of a chart, built by ``charts_module`` (pages/charts.py), with the CJK
    font family guaranteed and, for slides/images, bigger type and a fixed width."""
    req = chart_request(ctx, name)
    chart = getattr(charts_module, req.builder)(*req.args, **req.kwargs)
    spec: dict[str, Any] = chart.to_dict()
    font = getattr(charts_module, "FONT", "Microsoft YaHei, PingFang SC, Noto Sans CJK SC, sans-serif")
    cfg = spec.setdefault("config", {})
    cfg.setdefault("font", font)
    axis = cfg.setdefault("axis", {})
    for k, v in (("labelFont", font), ("titleFont", font), ("labelFontSize", 12), ("titleFontSize", 13), ("labelAngle", 0)):
        axis.setdefault(k, v)
    legend = cfg.setdefault("legend", {})
    for k, v in (("labelFont", font), ("titleFont", font), ("labelFontSize", 12)):
        legend.setdefault(k, v)
    axis.setdefault("labelLimit", 320)  # long Chinese goal names
    title = cfg.setdefault("title", {})
    title.setdefault("font", font)
    title.setdefault("fontSize", 15)
    cfg.setdefault("text", {}).setdefault("fontSize", 12)
    if font_scale != 1.0:
        _scale_fonts(spec, font_scale)
        if isinstance(spec.get("height"), (int, float)):
            spec["height"] = int(spec["height"] * font_scale)
    if height is not None:
        spec["height"] = height
    if not spec.get("title") and req.title:
        spec["title"] = {"text": req.title, "anchor": "start", "font": font, "fontSize": round(15 * font_scale, 1)}
    if width is not None:
        spec["width"] = width
    return spec


def chart_image(ctx: ReportContext, name: str, fmt: str, charts_module: ModuleType, *, scale: float = 2.0,
                width: int = 900, font_scale: float = 1.3, height: int | None = None) -> bytes:
    """PNG or SVG bytes of a chart (vl-convert). Chinese renders only with a CJK font installed
    (see :func:`cjk_font_warning`)."""
    import vl_convert as vlc

    spec = chart_spec(ctx, name, charts_module, font_scale=font_scale, width=width, height=height)
    spec.setdefault("background", "white")
    if fmt == "png":
        return bytes(vlc.vegalite_to_png(spec, scale=scale))
    if fmt == "svg":
        return vlc.vegalite_to_svg(spec).encode("utf-8")
    raise ValueError(f"unknown image format {fmt!r} (png or svg)")


# -- CJK font check -------------------------------------------------------------------------

_CJK_FILE = re.compile(
    r"(noto(sans|serif)(cjk|sc|tc|jp|kr|hk)|sourcehan(sans|serif)|wqy|wenquanyi|msyh|simhei|simsun|simkai|simfang|"
    r"pingfang|hiragino|droidsansfallback|uming|ukai|arphic|stheiti|sthei|yahei|deng|fangzheng|fz)",
    re.I,
)
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.fonts", "~/.local/share/fonts", "/Library/Fonts",
             "/System/Library/Fonts", "C:/Windows/Fonts")


def _probe_fc_list() -> bool | None:
    exe = shutil.which("fc-list")
    if not exe:
        return None
    try:
        out = subprocess.run([exe, ":lang=zh", "family"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    return bool(out.stdout.strip())


def _probe_dirs(dirs: Iterable[str] = FONT_DIRS) -> bool:
    for d in dirs:
        root = Path(os.path.expanduser(d))
        if not root.is_dir():
            continue
        for _dirpath, _dirs, files in os.walk(root):
            if any(_CJK_FILE.search(f) and f.lower().endswith((".ttf", ".ttc", ".otf", ".otc")) for f in files):
                return True
    return False


@lru_cache(maxsize=1)
def _default_probe() -> bool:
    found = _probe_fc_list()
    return True if found else _probe_dirs()


def find_cjk_font(probe: Callable[[], bool] | None = None) -> bool:
    """Is a font with Chinese glyphs installed? ``fc-list :lang=zh``, else a scan of the usual
    font folders for Noto CJK / Source Han / WenQuanYi / Microsoft YaHei / SimHei … files.
    ``probe`` replaces the check (tests)."""
    return bool(probe() if probe is not None else _default_probe())


def cjk_font_warning(lang: str = "zh", probe: Callable[[], bool] | None = None) -> str | None:
    """A warning to show when no CJK font is installed (chart images would show boxes), else None."""
    if find_cjk_font(probe):
        return None
    return _tr(
        lang,
        "未找到中文字体：导出的图表图片（PNG/SVG、演示文稿中的图）里的中文会显示为方框。"
        "请在服务器上安装中文字体，例如 Debian/Ubuntu：sudo apt-get install fonts-noto-cjk，然后重启应用。",
        "No CJK (Chinese) font found: Chinese text in exported chart images (PNG/SVG, the deck's charts) would render as boxes. "
        "Install one on the server, e.g. on Debian/Ubuntu: sudo apt-get install fonts-noto-cjk, then restart the app.",
    )


# -- forms (.xlsx) --------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _forms_cached(path: str, mtime: int) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def load_forms(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The form layouts (``data/report_forms.yaml``)."""
    p = str(path or FORMS_FILE)
    data = _forms_cached(p, os.stat(p).st_mtime_ns)
    for form in ("monitoring", "self_eval"):
        if form not in data or not data[form].get("columns"):
            raise ValueError(f"{p}: form {form!r} needs a columns list / 报表格式文件缺少 {form} 的 columns")
    return data


def _fmt_title(text: str, ctx: ReportContext) -> str:
    return str(text).format(year=ctx.year, as_of_year=ctx.as_of[0], m=ctx.month or 12)


def _col_title(col: Mapping[str, Any], ctx: ReportContext, key: str = "") -> str:
    return _fmt_title(col.get(f"{key}en" if ctx.lang == "en" else f"{key}zh") or col.get(f"{key}zh") or "", ctx)


def _number_format(unit: str, value: float | None = None) -> str:
    if unit == "%":
        return '0.00"%"'
    if unit in _INT_UNITS:
        return '#,##0' + (f'"{unit}"' if unit else "") if value is None or abs(value - round(value)) < 1e-9 else '#,##0.00' + f'"{unit}"'
    return '#,##0.00' + (f'"{unit}"' if unit else "")


class _Sheet:
    """openpyxl helpers: styled cells, merged headers, widths, print setup."""

    def __init__(self, ws: Any, ncols: int) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.ws = ws
        self.ncols = ncols
        thin = Side(style="thin", color="808080")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.head_font = Font(name="宋体", bold=True, size=10)
        self.body_font = Font(name="宋体", size=10)
        self.title_font = Font(name="黑体", bold=True, size=16)
        self.head_fill = PatternFill("solid", fgColor="DDE7F3")
        self.section_fill = PatternFill("solid", fgColor="F2F2F2")
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.left = Alignment(horizontal="left", vertical="center", wrap_text=True)
        self.right = Alignment(horizontal="right", vertical="center")

    def cell(self, row: int, col: int, value: Any, *, head: bool = False, fmt: str | None = None, align: str = "auto",
             fill: Any = None, bold: bool = False) -> Any:
        c = self.ws.cell(row, col, safe_cell(value))
        c.border = self.border
        c.font = self.head_font if (head or bold) else self.body_font
        if head:
            c.fill = self.head_fill
        if fill is not None:
            c.fill = fill
        if fmt:
            c.number_format = fmt
        if align == "auto":
            align = "center" if head else ("right" if isinstance(value, (int, float)) and not isinstance(value, bool) else "left")
        c.alignment = {"center": self.center, "left": self.left, "right": self.right}[align]
        return c

    def merge(self, r1: int, c1: int, r2: int, c2: int) -> None:
        if (r1, c1) != (r2, c2):
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    self.ws.cell(r, c).border = self.border
            self.ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)

    def title(self, row: int, text: str) -> None:
        from openpyxl.styles import Alignment

        c = self.ws.cell(row, 1, safe_cell(text))
        c.font = self.title_font
        c.alignment = Alignment(horizontal="center", vertical="center")
        self.ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=self.ncols)
        self.ws.row_dimensions[row].height = 30

    def line(self, row: int, text: str, *, bold: bool = False, height: float | None = None) -> None:
        from openpyxl.styles import Alignment, Font

        c = self.ws.cell(row, 1, safe_cell(text))
        c.font = Font(name="宋体", size=10, bold=bold)
        c.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        self.ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=self.ncols)
        if height:
            self.ws.row_dimensions[row].height = height

    def header(self, row: int, cols: Sequence[Mapping[str, Any]], ctx: ReportContext, start_col: int = 1) -> int:
        """Two header rows when any column has a group (merged above), else one. Returns the
        number of header rows written."""
        grouped = any(c.get("group_zh") for c in cols)
        if not grouped:
            for i, col in enumerate(cols):
                self.cell(row, start_col + i, _col_title(col, ctx), head=True)
            self.ws.row_dimensions[row].height = 30
            return 1
        i = 0
        while i < len(cols):
            g = cols[i].get("group_zh")
            if not g:
                self.cell(row, start_col + i, _col_title(cols[i], ctx), head=True)
                self.cell(row + 1, start_col + i, None, head=True)
                self.merge(row, start_col + i, row + 1, start_col + i)
                i += 1
                continue
            j = i
            while j + 1 < len(cols) and cols[j + 1].get("group_zh") == g:
                j += 1
            self.cell(row, start_col + i, _col_title(cols[i], ctx, "group_"), head=True)
            for k in range(i, j + 1):
                if k > i:
                    self.cell(row, start_col + k, None, head=True)
                self.cell(row + 1, start_col + k, _col_title(cols[k], ctx), head=True)
            self.merge(row, start_col + i, row, start_col + j)
            i = j + 1
        self.ws.row_dimensions[row].height = 22
        self.ws.row_dimensions[row + 1].height = 30
        return 2

    def widths(self, widths: Sequence[float]) -> None:
        from openpyxl.utils import get_column_letter

        for i, w in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = max(6.0, float(w))

    def merge_runs(self, col: int, first: int, last: int) -> None:
        """Merge consecutive equal values in a column (一级/二级指标 as in the official forms)."""
        r = first
        while r <= last:
            v = self.ws.cell(r, col).value
            e = r
            while e + 1 <= last and self.ws.cell(e + 1, col).value == v and v not in (None, ""):
                e += 1
            if e > r:
                for k in range(r + 1, e + 1):
                    self.ws.cell(k, col).value = None
                self.merge(r, col, e, col)
                self.ws.cell(r, col).alignment = self.center
            r = e + 1

    def print_setup(self, last_row: int, title_rows: str | None) -> None:
        from openpyxl.utils import get_column_letter

        ws = self.ws
        ws.print_area = f"A1:{get_column_letter(self.ncols)}{last_row}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.5
        if title_rows:
            ws.print_title_rows = title_rows


def _row_height(texts: Iterable[tuple[str, float]], base: float = 15.0) -> float:
    """Row height (points) for wrapped text: (text, column width in characters) pairs."""
    lines = 1
    for text, width in texts:
        if not text:
            continue
        w = sum(2 if ord(ch) > 0x2E80 else 1 for ch in str(text))
        per = max(1.0, float(width) - 1)
        n = sum(max(1, math.ceil(sum(2 if ord(ch) > 0x2E80 else 1 for ch in part) / per)) for part in str(text).split("\n"))
        lines = max(lines, n if w else 1)
    return min(409.0, base * lines + 4)


def _form_indicators(ctx: ReportContext, origins: Sequence[str]) -> list[Indicator]:
    inds = [i for i in ctx.project.indicators if i.origin in origins]
    order: dict[str, int] = {}
    for i in ctx.project.indicators:
        order.setdefault(i.level1, len(order))
    return sorted(inds, key=lambda i: (order.get(i.level1, 99), i.seq))


def _remark(ctx: ReportContext, ind: Indicator, cause_in_text: bool) -> str:
    lang = ctx.lang
    parts = []
    for a in ctx.actions_for(ind.id):
        if not cause_in_text and a.cause_text:
            parts.append(_tr(lang, f"原因（{a.cause_category}）：{a.cause_text}", f"Cause ({a.category_label(lang)}): {a.cause_text}"))
        if a.measure_text:
            parts.append(_tr(lang, f"措施：{a.measure_text}", f"Measure: {a.measure_text}"))
    row = ctx.row(ind.id)
    fc = ctx.forecasts.get(ind.id) or {}
    if row is not None and row.target is None:
        parts.append(_tr(lang, "本年度无目标值", "No target this year"))
    elif fc.get("reason"):
        why = fc.get("reason_en" if lang == "en" else "reason_zh") or {
            "multi_year_total": _tr(lang, "跨年度目标尚未到最后一年", "Multi-year target not in its final year"),
            "no_current_data": _tr(lang, "本年尚无数据", "No data this year"),
        }.get(fc["reason"], fc["reason"])
        parts.append(_tr(lang, f"未预测：{why}", f"No forecast: {why}"))
    elif fc.get("method") and fc["method"] != "none" and not parts:
        name = fc.get("method_en" if lang == "en" else "method_zh") or fc["method"]
        parts.append(_tr(lang, f"预计方法：{name}", f"Forecast method: {name}"))
    if row is not None and row.data_month and ctx.month and row.data_month < ctx.month:
        parts.append(_tr(lang, f"数据截至{row.data_month}月", f"Data to month {row.data_month}"))
    return "；".join(parts) if lang == "zh" else "; ".join(parts)



_INDICATOR_CELLS = ("level1", "level2", "name", "name_display", "unit")


def _indicator_cell(ind: Indicator, key: str, lang: str) -> str:
    """The form cells that describe the indicator itself (the same in both official forms)."""
    if key == "level1":
        return ind.level1
    if key == "level2":
        return ind.level2
    if key == "name":
        return ind.name_raw.strip() or ind.name
    if key == "name_display":
        return ind.display_name(lang)
    return ind.unit or "—"

def _write_monitoring(wb: Any, ctx: ReportContext, cfg: Mapping[str, Any]) -> Any:
    lang = ctx.lang
    cols = list(cfg["columns"])
    ncols = len(cols)
    ws = wb.create_sheet((cfg.get("sheet_en") if lang == "en" else cfg.get("sheet_zh")) or "monitoring")
    sh = _Sheet(ws, ncols)
    project = ctx.project
    sh.title(1, _fmt_title(cfg.get("title_en" if lang == "en" else "title_zh", ""), ctx))
    info = _tr(lang, f"项目名称：{project.name}　　主管部门：{project.departments.get('local_department_city') or project.departments.get('local_department', '')}"
                     f"　　截至：{_month_label(ctx.as_of[0], ctx.as_of[1], lang)}",
               f"Project: {project.name_en or project.name}    As of: {_month_label(ctx.as_of[0], ctx.as_of[1], lang)}")
    if ctx.is_sample:
        info += _tr(lang, "　　【示例数据，非官方统计】", "    [SAMPLE DATA, not official statistics]")
    sh.line(2, info, height=20)
    head_row = 3
    nh = sh.header(head_row, cols, ctx)
    first = head_row + nh
    r = first
    cause_in_text = cfg.get("cause_cell", "text") == "text"
    inds = _form_indicators(ctx, cfg.get("origins") or ["table"])
    widths = [float(c.get("width", 12)) for c in cols]
    for ind in inds:
        row = ctx.row(ind.id)
        fc = ctx.forecasts.get(ind.id) or {}
        level, _label = _likelihood(ctx, ind)
        height_texts: list[tuple[str, float]] = []
        for ci, col in enumerate(cols, start=1):
            key = str(col["key"])
            value: Any = None
            fmt = None
            if key in _INDICATOR_CELLS:
                value = _indicator_cell(ind, key, lang)
            elif key == "target":
                value = row.target_raw if row and row.target_raw else "—"
            elif key in ("actual", "forecast"):
                x = (row.actual if row else None) if key == "actual" else fc.get("point")
                if ind.kind == "milestone":
                    value = _value(ind, x, lang) if x is not None else "—"
                elif x is None:
                    value = "—"
                else:
                    value, fmt = round(float(x), 4), _number_format(ind.unit, float(x))
            elif key == "forecast_range":
                lo, hi = fc.get("lower"), fc.get("upper")
                value = "—" if lo is None or hi is None else f"{_num(lo, ind.unit)} – {_num(hi, ind.unit)}"
            elif key == "status":
                value = _status(row.status, lang) if row else "—"
            elif key.startswith("cause:"):
                cat = key.split(":", 1)[1]
                acts = [a for a in ctx.actions_for(ind.id) if a.cause_category == cat]
                if acts:
                    value = "√" + ((" " + "；".join(a.cause_text for a in acts if a.cause_text)) if cause_in_text else "")
            elif key == "cause":
                value = "；".join(f"{a.category_label(lang)}：{a.cause_text}" for a in ctx.actions_for(ind.id) if a.cause_text) or None
            elif key.startswith("likelihood:"):
                value = "√" if level == key.split(":", 1)[1] else None
            elif key == "likelihood":
                value = (FORM_LIKELIHOOD_EN.get(level or "", level) if lang == "en" else level) or "—"
            elif key == "remark":
                value = _remark(ctx, ind, cause_in_text)
            align = "center" if (key.startswith("likelihood") or key in ("level1", "level2", "target", "unit")) else "auto"
            if isinstance(value, str) and value.startswith("√") and len(value) == 1:
                align = "center"
            sh.cell(r, ci, value, fmt=fmt, align=align)
            if isinstance(value, str):
                height_texts.append((value, widths[ci - 1]))
        ws.row_dimensions[r].height = _row_height(height_texts)
        r += 1
    last_ind = r - 1
    for ci, col in enumerate(cols, start=1):
        if col["key"] in ("level1", "level2"):
            sh.merge_runs(ci, first, last_ind)
    # budget part
    r += 1
    bcols = list(cfg.get("budget_columns") or [])
    if bcols and ctx.ds.budget.has_data and ctx.month:
        sh.line(r, _fmt_title(cfg.get("budget_title_en" if lang == "en" else "budget_title_zh", ""), ctx), bold=True, height=20)
        r += 1
        # the budget table uses the first columns of the grid; its last column spans the rest
        span_last = ncols - len(bcols)
        for i, col in enumerate(bcols):
            sh.cell(r, i + 1, _col_title(col, ctx), head=True)
        if span_last > 0:
            for k in range(len(bcols) + 1, ncols + 1):
                sh.cell(r, k, None, head=True)
            sh.merge(r, len(bcols), r, ncols)
        ws.row_dimensions[r].height = 30
        r += 1
        b = ctx.ds.budget
        res = ctx.scenario
        sources = [(s.key, s.name if lang == "zh" else (s.name_en or s.name), s.amount) for s in project.funding_sources]
        total_budget = sum(a for _k, _n, a in sources) or (b.total or 0.0)
        rows_out = [(None, _tr(lang, "年度资金总额", "Total"), total_budget)] + sources
        for key, name, amount in rows_out:
            keys = None if key is None else [key]
            to_date = b.spent_by(ctx.year, ctx.month, keys)
            before = b.spent_by(ctx.year - 1, 12, keys)
            in_year = to_date - before
            proj = None
            if res is not None:
                if key is None:
                    proj = res.year_end_rate
                else:
                    s = next((x for x in res.sources if x.source == key), None)
                    proj = s.execution_rate if s else None
            elif ctx.month == 12:
                proj = 100 * to_date / amount if amount else None
            vals = {"source": name, "budget": round(amount, 2), "spent_to_date": round(to_date, 2), "spent_before": round(before, 2),
                    "spent_year": round(in_year, 2), "rate": round(to_date / amount, 6) if amount else None,
                    "projected_rate": None if proj is None else round(proj / 100, 6)}
            for i, col in enumerate(bcols):
                k = str(col["key"])
                v = vals.get(k)
                fmt = "0.00%" if k in ("rate", "projected_rate") else ("#,##0.00" if k != "source" else None)
                sh.cell(r, i + 1, "—" if v is None else v, fmt=fmt, bold=key is None)
            if span_last > 0:
                for k in range(len(bcols) + 1, ncols + 1):
                    sh.cell(r, k, None)
                sh.merge(r, len(bcols), r, ncols)
            r += 1
        start = project.execution_start
        scen = ctx.scenario_name or _tr(lang, "按当前支出节奏的基线预测", "the baseline projection at the current pace")
        note_tpl = str(cfg.get("budget_note_en" if lang == "en" else "budget_note_zh", ""))
        sh.line(r, note_tpl.format(start=f"{start[0]}-{start[1]:02d}" if start else "—", scenario=scen), height=30)
        r += 1
    note = _tr(lang, "注：完成目标可能性按年末预测的达标概率划分：≥95% 为“确定能”，5%–95% 为“有可能”（含“很可能”），<5% 为“完全不可能”；预测为估计值，不是承诺。",
               "Note: likelihood from the forecast's probability of meeting the target: ≥95% certain, 5–95% possible (including 'likely'), <5% impossible; forecasts are estimates, not commitments.")
    sh.line(r, note, height=30)
    sh.widths(widths)
    ws.freeze_panes = ws.cell(first, 4 if ncols > 3 else 1)
    sh.print_setup(r, f"{head_row}:{head_row + nh - 1}")
    return ws


def _write_self_eval(wb: Any, ctx: ReportContext, cfg: Mapping[str, Any]) -> Any:
    lang = ctx.lang
    project = ctx.project
    cols = list(cfg["columns"])
    ncols = len(cols)
    widths = [float(c.get("width", 12)) for c in cols]
    ws = wb.create_sheet((cfg.get("sheet_en") if lang == "en" else cfg.get("sheet_zh")) or "self_eval")
    sh = _Sheet(ws, ncols)
    sh.title(1, _fmt_title(cfg.get("title_en" if lang == "en" else "title_zh", ""), ctx))
    basis_note = {
        "projected": _tr(lang, f"年中测算：截至{_month_label(ctx.as_of[0], ctx.as_of[1], lang)}，实际完成值与全年执行数为按当前进度预计的年末值，得分为参考分。",
                         f"Mid-year estimate as of {_month_label(ctx.as_of[0], ctx.as_of[1], lang)}: actuals and spending are projected year-end values; a reference score."),
        "to_date": _tr(lang, "按截至目前的实际值测算。", "Scored on actuals to date."),
        "actual": _tr(lang, "按全年实际值测算。", "Scored on full-year actuals."),
    }.get(ctx.score_basis, "")
    info = _tr(lang, f"项目名称：{project.name}　　主管部门：{project.departments.get('central_department', '')}　　实施单位：{project.departments.get('local_department_city', '')}",
               f"Project: {project.name_en or project.name}")
    if ctx.is_sample:
        info += _tr(lang, "　　【示例数据，非官方统计】", "    [SAMPLE DATA, not official statistics]")
    sh.line(2, info, height=20)
    sh.line(3, basis_note, height=20)
    r = 4
    sc = ctx.score
    exec_part = None
    if sc is not None:
        exec_part = next((p for p in sc.parts if p.key == "execution"), None)

    # funds part: the section title (merged down), the source label, the value columns spread
    # over the rest of the grid (the last one spans what is left)
    fcols = list(cfg.get("funds_columns") or [])
    if fcols:
        vcols = fcols[1:]
        slots = _slots(len(vcols), ncols - 2)
        n_rows = 2 + len(project.funding_sources)
        sh.cell(r, 1, _fmt_title(cfg.get("funds_title_en" if lang == "en" else "funds_title_zh", ""), ctx), head=True)
        for k in range(1, n_rows):
            sh.cell(r + k, 1, None, head=True)
        sh.merge(r, 1, r + n_rows - 1, 1)
        sh.cell(r, 2, _col_title(fcols[0], ctx), head=True)
        for i, col in enumerate(vcols):
            c1, c2 = slots[i]
            sh.cell(r, 2 + c1, _col_title(col, ctx), head=True)
            for k in range(c1 + 1, c2 + 1):
                sh.cell(r, 2 + k, None, head=True)
            sh.merge(r, 2 + c1, r, 2 + c2)
        ws.row_dimensions[r].height = 24
        r += 1
        res = ctx.scenario
        b = ctx.ds.budget
        rows_out: list[tuple[str | None, str, float]] = [(None, _tr(lang, "年度资金总额", "Total"), sum(s.amount for s in project.funding_sources) or (b.total or 0.0))]
        rows_out += [(s.key, (_tr(lang, "其中：", "of which ") + (s.name if lang == "zh" else (s.name_en or s.name))), s.amount) for s in project.funding_sources]
        for key, name, amount in rows_out:
            adjusted = amount
            spent: float | None = None
            if res is not None:
                if key is None:
                    adjusted, spent = res.adjusted_budget, res.year_end_spent
                else:
                    s = next((x for x in res.sources if x.source == key), None)
                    if s is not None:
                        adjusted, spent = s.adjusted_budget, s.year_end_cumulative
            elif b.has_data and ctx.month:
                spent = b.spent_by(ctx.year, ctx.month, None if key is None else [key])
            rate = round(spent / adjusted, 6) if spent is not None and adjusted else None
            vals: dict[str, Any] = {"budget_initial": round(amount, 2), "budget_year": round(adjusted, 2),
                                    "spent": None if spent is None else round(spent, 2), "rate": rate,
                                    "points_max": (exec_part.points_max if exec_part else None) if key is None else "—",
                                    "points": (round(exec_part.points, 6) if exec_part else None) if key is None else "—"}
            sh.cell(r, 2, name, bold=key is None)
            for i, col in enumerate(vcols):
                k = str(col["key"])
                v = vals.get(k)
                c1, c2 = slots[i]
                fmt = "0.00%" if k == "rate" else ("0.00" if k in ("points", "points_max") else "#,##0.00")
                sh.cell(r, 2 + c1, "—" if v is None else v, fmt=fmt if isinstance(v, (int, float)) else None, bold=key is None)
                for kk in range(c1 + 1, c2 + 1):
                    sh.cell(r, 2 + kk, None)
                sh.merge(r, 2 + c1, r, 2 + c2)
            r += 1

    # overall goals: expected vs achieved
    exp_text, act_text = _goal_texts(ctx)
    half = max(2, (ncols - 1) // 2 + 1)
    sh.cell(r, 1, _fmt_title(cfg.get("goals_title_en" if lang == "en" else "goals_title_zh", ""), ctx), head=True)
    sh.cell(r, 2, _fmt_title(cfg.get("goals_expected_en" if lang == "en" else "goals_expected_zh", ""), ctx), head=True)
    for k in range(3, half + 1):
        sh.cell(r, k, None, head=True)
    sh.merge(r, 2, r, half)
    sh.cell(r, half + 1, _fmt_title(cfg.get("goals_actual_en" if lang == "en" else "goals_actual_zh", ""), ctx), head=True)
    for k in range(half + 2, ncols + 1):
        sh.cell(r, k, None, head=True)
    sh.merge(r, half + 1, r, ncols)
    sh.cell(r + 1, 1, None, head=True)
    sh.merge(r, 1, r + 1, 1)
    sh.cell(r + 1, 2, exp_text, align="left")
    for k in range(3, half + 1):
        sh.cell(r + 1, k, None)
    sh.merge(r + 1, 2, r + 1, half)
    sh.cell(r + 1, half + 1, act_text, align="left")
    for k in range(half + 2, ncols + 1):
        sh.cell(r + 1, k, None)
    sh.merge(r + 1, half + 1, r + 1, ncols)
    w_exp = sum(widths[1:half])
    w_act = sum(widths[half:])
    ws.row_dimensions[r + 1].height = _row_height([(exp_text, w_exp), (act_text, w_act)])
    r += 2

    # indicators
    nh = sh.header(r, cols, ctx)
    r += nh
    first = r
    lines = [ln for ln in (sc.lines if sc is not None else []) if ln.part != "execution"]
    by_id = project.by_id
    for ln in lines:
        ind = by_id.get(ln.indicator_id)
        if ind is None:
            continue
        row = ctx.row(ind.id)
        texts: list[tuple[str, float]] = []
        for ci, col in enumerate(cols, start=1):
            key = str(col["key"])
            value: Any = None
            fmt = None
            if key in _INDICATOR_CELLS:
                value = _indicator_cell(ind, key, lang)
            elif key == "target":
                value = row.target_raw if row and row.target_raw else ("—" if ln.target is None else ln.target)
            elif key == "actual":
                if ln.actual is None:
                    value = "—"
                elif ind.kind == "milestone":
                    value = _value(ind, ln.actual, lang)
                else:
                    value, fmt = round(float(ln.actual), 4), _number_format(ind.unit, float(ln.actual))
            elif key == "points_max":
                value, fmt = round(ln.points_max, 6), "0.00"
            elif key == "points":
                value, fmt = round(ln.points, 6), "0.00"
                if ln.status == "excluded":
                    value, fmt = "—", None
            elif key == "deviation":
                parts = []
                for a in ctx.actions_for(ind.id):
                    if a.cause_text:
                        parts.append(_tr(lang, f"原因（{a.cause_category}）：{a.cause_text}", f"Cause ({a.category_label(lang)}): {a.cause_text}"))
                    if a.measure_text:
                        parts.append(_tr(lang, f"措施：{a.measure_text}", f"Measure: {a.measure_text}"))
                if ln.status == "excluded":
                    parts.append(ln.reason_en if lang == "en" else ln.reason_zh)
                value = "\n".join(parts) or None
            elif key == "method":
                info = (sc.projections.get(ind.id) or {}) if sc is not None else {}
                value = info.get("method", "")
            align = "center" if key in ("level1", "level2", "target", "unit") else "auto"
            sh.cell(r, ci, value, fmt=fmt, align=align)
            if isinstance(value, str):
                texts.append((value, widths[ci - 1]))
        ws.row_dimensions[r].height = _row_height(texts)
        r += 1
    last = r - 1
    for ci, col in enumerate(cols, start=1):
        if col["key"] in ("level1", "level2"):
            sh.merge_runs(ci, first, last)
    # total and grade
    keys = [str(c["key"]) for c in cols]
    label_to = max(1, min(ncols - 1, keys.index("points_max") if "points_max" in keys else ncols - 2))  # label spans 1..label_to
    sh.cell(r, 1, _fmt_title(cfg.get("total_en" if lang == "en" else "total_zh", "总分"), ctx), head=True)
    for k in range(2, label_to + 1):
        sh.cell(r, k, None, head=True)
    sh.merge(r, 1, r, label_to)
    for ci, key in enumerate(keys, start=1):
        if ci <= label_to:
            continue
        if key == "points_max":
            sh.cell(r, ci, sc.total_max if sc else "—", fmt="0.00", bold=True)
        elif key == "points":
            sh.cell(r, ci, round(sc.total, 6) if sc else "—", fmt="0.00", bold=True)
        else:
            sh.cell(r, ci, None)
    r += 1
    grade = (sc.grade_en if lang == "en" else sc.grade) if sc else "—"
    sh.cell(r, 1, _fmt_title(cfg.get("grade_en" if lang == "en" else "grade_zh", "自评等级"), ctx), head=True)
    for k in range(2, label_to + 1):
        sh.cell(r, k, None, head=True)
    sh.merge(r, 1, r, label_to)
    sh.cell(r, label_to + 1, grade, bold=True, align="center")
    for k in range(label_to + 2, ncols + 1):
        sh.cell(r, k, None)
    sh.merge(r, label_to + 1, r, ncols)
    r += 1
    if sc is not None:
        parts_txt = ("；" if lang == "zh" else "; ").join(
            f"{p.name_en if lang == 'en' else p.name_zh} {p.points:.2f}/{p.points_max:g}" for p in sc.parts)
        basis_txt = ""
        if ctx.score_basis == "projected":
            basis_txt = _tr(lang, "实际完成值为年末预计值：资金驱动的产出指标按预算情景的支出测算，其余指标按年末预测（见 docs/budget.md）。",
                            "Actuals are projected year-end values: spend-driven outputs from the scenario's spending, the others from the year-end forecast (docs/budget.md). ")
        sh.line(r, basis_txt + _tr(lang, f"各部分得分：{parts_txt}。等级：优 ≥ 90，良 ≥ 80，中 ≥ 60，差 < 60（data/scoring_rules.yaml）。",
                                   f"Parts: {parts_txt}. Grades: ≥90 excellent, ≥80 good, ≥60 fair, <60 poor (data/scoring_rules.yaml)."), height=45)
    sh.widths(widths)
    ws.freeze_panes = "A4"
    sh.print_setup(r, "1:3")
    return ws


def _slots(n: int, width: int) -> list[tuple[int, int]]:
    """Spread n items over ``width`` grid columns (1-based offsets); extra columns go to the last."""
    if n <= 0:
        return []
    if n >= width:
        return [(i + 1, i + 1) for i in range(n)]
    out = [(i + 1, i + 1) for i in range(n)]
    out[-1] = (n, width)
    return out


def _goal_texts(ctx: ReportContext) -> tuple[str, str]:
    lang, project = ctx.lang, ctx.project
    exp = [(_tr(lang, "总体目标：", "Overall goal: ") + project.overall_goal)] if project.overall_goal else []
    for g in project.goals:
        text = g.text_2023 if ctx.year == 2023 and g.text_2023 else g.text_span
        exp.append(text or g.label(lang))
    rules = load_rules()
    rolls = {r.goal: r for r in ctx.rollups}
    act = []
    for g in project.goals:
        r = rolls.get(g.id)
        if r is None:
            continue
        parts = "、".join(f"{rules['statuses'][k]['zh' if lang == 'zh' else 'en']}{v}" for k, v in sorted(r.counts.items(), key=lambda kv: -rules["statuses"][kv[0]]["rank"]))
        score_txt = "—" if r.score is None else f"{r.score:.0f}"
        act.append(_tr(lang, f"目标{g.id}：得分 {score_txt}（{rules['statuses'][r.status]['zh']}），{r.n} 项指标：{parts}。",
                       f"Goal {g.id}: score {score_txt} ({rules['statuses'][r.status]['en']}), {r.n} indicators: {parts}."))
    rate, tp, target = _execution(ctx)
    if rate is not None:
        proj = ctx.scenario.year_end_rate if ctx.scenario is not None else None
        act.append(_tr(lang, f"预算执行率 {_pct(rate, 2)}（序时进度 {_pct(tp, 2)}" + (f"，年末预计 {_pct(proj, 2)}" if proj is not None else "") + "）。",
                       f"Budget execution {_pct(rate, 2)} (time progress {_pct(tp, 2)}" + (f", projected year-end {_pct(proj, 2)}" if proj is not None else "") + ")."))
    if ctx.score is not None:
        act.append(_tr(lang, f"绩效自评{'预计' if ctx.score_basis == 'projected' else ''}得分 {ctx.score.total:.2f}，等级“{ctx.score.grade}”。",
                       f"Self-evaluation {'(projected) ' if ctx.score_basis == 'projected' else ''}score {ctx.score.total:.2f}, grade {ctx.score.grade_en}."))
    return "\n".join(exp), "\n".join(act)


FORMS = ("monitoring", "self-eval")


def xlsx_bytes(ctx: ReportContext, form: str | None = None, forms_path: str | os.PathLike[str] | None = None) -> bytes:
    """The official forms as one workbook: both sheets (default) or ``form`` =
    ``monitoring`` (绩效运行监控表) / ``self-eval`` (项目支出绩效自评表)."""
    from openpyxl import Workbook

    if form not in (None, "both", *FORMS):
        raise ValueError(f"unknown form {form!r}: monitoring or self-eval / 未知的报表「{form}」：monitoring 或 self-eval")
    cfg = load_forms(forms_path)
    wb = Workbook()
    wb.remove(wb.active)
    if form in (None, "both", "monitoring"):
        _write_monitoring(wb, ctx, cfg["monitoring"])
    if form in (None, "both", "self-eval"):
        _write_self_eval(wb, ctx, cfg["self_eval"])
    wb.properties.creator = "绩效目标跟踪 / performance-target tracker"
    wb.properties.title = ctx.project.name
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# -- deck (.pptx) ---------------------------------------------------------------------------

_STATUS_RGB = {"done": "1B7F3B", "on_track": "2E7DD7", "watch": "B07D00", "lagging": "D32F2F", "missed": "7B1F1F"}


def _ea(run: Any, font: str = EA_FONT) -> None:
    """Set the Latin and East Asian typefaces of a run so PowerPoint/WPS draw Chinese properly."""
    from pptx.oxml.ns import qn

    rpr = run._r.get_or_add_rPr()
    for tag in ("a:latin", "a:ea", "a:cs"):
        el = rpr.find(qn(tag))
        if el is None:
            el = rpr.makeelement(qn(tag), {})
            rpr.append(el)
        el.set("typeface", font)


# Dingbats (✔ ✖) are missing from Microsoft YaHei / SimSun and WPS's fallbacks: use √ and ×,
# which every Chinese font has. The page keeps the rule file's symbols (browsers fall back).
_DECK_GLYPHS = str.maketrans({"✔": "√", "✖": "×"})


def _para(tf: Any, text: str, size: float, *, bold: bool = False, color: str | None = None, first: bool = False, space: int = 6) -> Any:
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    p = tf.paragraphs[0] if first else tf.add_paragraph()
    run = p.add_run()
    run.text = str(text).translate(_DECK_GLYPHS)
    run.font.size = Pt(size)
    run.font.bold = bold
    if color:
        run.font.color.rgb = RGBColor.from_string(color)
    _ea(run)
    p.space_after = Pt(space)
    return p


def _textbox(slide: Any, x: float, y: float, w: float, h: float) -> Any:
    from pptx.util import Inches

    box = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
    tf = box.text_frame
    tf.word_wrap = True
    return tf


def _width_of(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in str(text))


def _lines(text: str, width_in: float, size_pt: float) -> int:
    """Wrapped line count of ``text`` in a box ``width_in`` wide at ``size_pt`` (CJK char ≈ 1 em)."""
    per_line = max(1.0, width_in * 72 / size_pt * 2 * 0.95)  # in half-em units
    return max(1, math.ceil(_width_of(text) / per_line))


def deck_chart_png(ctx: ReportContext, charts_module: ModuleType) -> Callable[[str], bytes]:
    """The chart renderer the deck uses: narrower images with bigger type, so that a chart
    placed at half the slide width still reads at ~12 pt."""
    def render(name: str) -> bytes:
        wide = name == "budget_execution" or name.startswith("indicator:")
        return chart_image(ctx, name, "png", charts_module, width=620, font_scale=1.55, scale=2.0, height=260 if wide else None)

    return render


def pptx_bytes(ctx: ReportContext, chart_png: Callable[[str], bytes | None] | None = None) -> bytes:
    """The presentation as a 16:9 deck mirroring the 会议汇报 page: one slide per
    :func:`slides` entry, editable text boxes and tables, charts as PNG pictures (rendered by
    ``chart_png(name)``, e.g. :func:`deck_chart_png`; without it the slides carry no pictures).
    Every run carries the East Asian font (Microsoft YaHei) so PowerPoint/WPS draw Chinese."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    blank = prs.slide_layouts[6]
    W, M, BOTTOM = 13.333, 0.5, 6.85
    prs.core_properties.title = ctx.project.name
    prs.core_properties.author = "绩效目标跟踪"
    deck = slides(ctx)
    for i, s in enumerate(deck, start=1):
        slide = prs.slides.add_slide(blank)
        tf = _textbox(slide, W - 1.3, 7.0, 1.0, 0.4)
        _para(tf, f"{i}/{len(deck)}", 11, color="7F7F7F", first=True)
        if s.badge:
            tf = _textbox(slide, W - 2.2, 0.35, 1.8, 0.5)
            _para(tf, s.badge, 16, bold=True, color="C55A11", first=True)
        if s.key == "title":
            tf = _textbox(slide, 0.8, 1.9, W - 1.6, 1.8)
            _para(tf, s.title, 38, bold=True, color="1F3864", first=True)
            _para(tf, s.subtitle, 26, color="404040")
            tf = _textbox(slide, 0.8, 4.2, W - 1.6, 2.4)
            for j, b in enumerate(s.bullets):
                _para(tf, b, 20, first=j == 0, color="404040")
            continue
        tf = _textbox(slide, M, 0.3, W - 2.9, 0.8)
        _para(tf, s.title, 28, bold=True, color="1F3864", first=True)
        y = 1.05
        if s.subtitle:
            tf = _textbox(slide, M, y, W - 2 * M, 0.45)
            _para(tf, s.subtitle, 14, color="595959", first=True)
            y += 0.5
        if s.metrics:
            n = len(s.metrics)
            wbox = (W - 2 * M) / n
            for j, mt in enumerate(s.metrics):
                tf = _textbox(slide, M + j * wbox, y, wbox - 0.1, 1.2)
                _para(tf, mt.label, 13, color="595959", first=True, space=2)
                _para(tf, mt.value, 28, bold=True, color="1F3864", space=2)
                if mt.note:
                    _para(tf, mt.note, 11, color="7F7F7F", space=0)
            y += 1.3
        # bullets at the bottom: reserve their height first
        bsize = 16 if len(s.bullets) <= 4 and sum(_width_of(b) for b in s.bullets) < 420 else 13
        blines = sum(_lines("• " + b, W - 2 * M, bsize) for b in s.bullets)
        bh = 0.0 if not s.bullets else min(BOTTOM - y, blines * bsize * 1.45 / 72 + 0.15)
        area_bottom = BOTTOM - bh - (0.1 if bh else 0.0)
        images = [(name, chart_png(name)) for name in s.charts] if chart_png else []
        images = [(nm, b) for nm, b in images if b]
        table_x, table_w = M, W - 2 * M
        if images:
            per = (W - 2 * M) / 2 - 0.15 if (s.table or len(images) > 1) else min(W - 2 * M, 9.0)
            cx = M
            for _name, png in images[: (1 if s.table else 2)]:
                pic = slide.shapes.add_picture(io.BytesIO(png), Inches(cx), Inches(y), width=Inches(per))
                max_h = Inches(max(0.5, area_bottom - y))
                if pic.height > max_h:
                    ratio = max_h / pic.height
                    pic.height = int(max_h)
                    pic.width = int(pic.width * ratio)
                cx += per + 0.3
            table_x = M + per + 0.3
            table_w = W - M - table_x
        if s.table:
            ncols = len(s.columns)
            # column widths from the content (CJK counts double), first column at least 28%
            need = [max([_width_of(s.columns[c])] + [_width_of(r[c]) for r in s.table]) + 2 for c in range(ncols)]
            total = float(sum(need))
            fracs = [n_ / total for n_ in need]
            size = 14 if len(s.table) <= 6 else (13 if len(s.table) <= 8 else 12)
            if s.key == "actions":
                fracs = [0.22, 0.12, 0.33, 0.33][:ncols]
            widths_in = [table_w * f for f in fracs]
            row_lines = [max(_lines(str(v), max(0.3, widths_in[c] - 0.15), size) for c, v in enumerate(r)) for r in s.table]
            head_lines = max(_lines(h, max(0.3, widths_in[c] - 0.15), size) for c, h in enumerate(s.columns))
            line_h = size * 1.3 / 72
            heights = [head_lines * line_h + 0.12] + [n_ * line_h + 0.12 for n_ in row_lines]
            avail = area_bottom - y
            if sum(heights) > avail and size > 11:
                size = 11
                line_h = size * 1.3 / 72
                heights = [head_lines * line_h + 0.1] + [n_ * line_h + 0.1 for n_ in row_lines]
            shape = slide.shapes.add_table(len(s.table) + 1, ncols, Inches(table_x), Inches(y), Inches(table_w), Inches(sum(heights)))
            table = shape.table
            for c in range(ncols):
                table.columns[c].width = Inches(widths_in[c])
            for r_, h_ in enumerate(heights):
                table.rows[r_].height = Inches(h_)
            for c, name in enumerate(s.columns):
                cell = table.cell(0, c)
                cell.text = ""
                cell.margin_top = cell.margin_bottom = Pt(2)
                _para(cell.text_frame, name, size, bold=True, first=True, space=0)
            for r_, values in enumerate(s.table, start=1):
                st_key = s.row_status[r_ - 1] if r_ - 1 < len(s.row_status) else ""
                for c, v in enumerate(values):
                    cell = table.cell(r_, c)
                    cell.text = ""
                    cell.margin_top = cell.margin_bottom = Pt(2)
                    color = _STATUS_RGB.get(st_key) if c == 3 and s.key.startswith("goal") else None
                    _para(cell.text_frame, str(v), size, first=True, space=0, color=color, bold=color is not None)
        if s.bullets:
            top = BOTTOM - bh if (images or s.table) else y + 0.1  # under the content, or at the top of an empty slide
            tf = _textbox(slide, M, top, W - 2 * M, bh)
            for j, b in enumerate(s.bullets):
                _para(tf, "• " + b, bsize, first=j == 0, color="262626", space=3)
        if s.notes:
            tf = _textbox(slide, M, 6.95, W - 2.2, 0.45)
            _para(tf, " ".join(s.notes), 10, color="7F7F7F", first=True)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


# -- one entry point for the CLI ------------------------------------------------------------


def write_report(ctx: ReportContext, out: str | os.PathLike[str], *, form: str | None = None, chart: str | None = None,
                 charts_module: ModuleType | None = None) -> dict[str, Any]:
    """Write ``out`` by its suffix: ``.xlsx`` (both forms, or ``form``), ``.pptx`` (the deck),
    ``.png`` / ``.svg`` (the chart ``chart``). Charts need ``charts_module`` (pages/charts.py).
    Returns a JSON-friendly summary. ``ValueError`` for usage problems."""
    path = Path(out)
    suffix = path.suffix.lower()
    summary: dict[str, Any] = {"out": str(path), "kind": suffix.lstrip("."), "as_of": ctx.as_of_key, "year": ctx.year, "sample_data": ctx.is_sample}
    if form is not None and suffix != ".xlsx":
        raise ValueError("--form applies to .xlsx only / --form 只用于 .xlsx")
    if chart is not None and suffix not in (".png", ".svg"):
        raise ValueError("--chart applies to .png/.svg only / --chart 只用于 .png/.svg")
    if suffix == ".xlsx":
        data = xlsx_bytes(ctx, form)
        from openpyxl import load_workbook

        summary["sheets"] = load_workbook(io.BytesIO(data), read_only=True).sheetnames
    elif suffix == ".pptx":
        data = pptx_bytes(ctx, deck_chart_png(ctx, charts_module) if charts_module is not None else None)
        summary["slides"] = len(slides(ctx))
    elif suffix in (".png", ".svg"):
        if not chart:
            raise ValueError(f"give --chart NAME: {', '.join(CHART_NAMES)}, indicator:<id> / 请用 --chart 指定图表")
        if charts_module is None:
            raise ValueError("charts module needed for images")
        data = chart_image(ctx, chart, suffix.lstrip("."), charts_module)
        summary["chart"] = chart
    else:
        raise ValueError(f"unknown output type {suffix or '(none)'!r}: .xlsx, .pptx, .png or .svg / 不支持的文件类型，请用 .xlsx、.pptx、.png 或 .svg")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    summary["bytes"] = len(data)
    return summary
