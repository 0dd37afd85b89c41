"""The slide sequence of the review meeting (会议汇报): shown by the meeting page and written to
the .pptx deck from the same list, so the two stay the same by construction.

Order: title, overall status, one slide (or a few) per goal, top risks, budget and scenario,
data quality, causes and measures. Every text is rendered from the catalogue (``reports.*``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from analytics.core.calendar import still_needed
from analytics.core.model import Indicator
from analytics.present.budget_text import report_warnings, risk_reasons, unbudgeted_spending
from analytics.present.score_text import total_said
from analytics.present.catalogue import text
from analytics.present.format import fmt_gap, fmt_derived, fmt_period_key, fmt_prob, fmt_score, fmt_value, text_width
from analytics.present.judgement_text import thresholds_params
from analytics.present.labels import pace_said, project_name, target_said, year_end_point
from analytics.present.quality_text import note_text
from analytics.reports.context import ReportContext, awaiting, execution, likelihood_levels
from analytics.reports.images import has_chart
from analytics.reports.wording import DASH, goal_name, month_label, num, pct, point_text, status_text, t, value_text
from analytics.rules.progress import GoalRollup, load_rules

ROWS_PER_SLIDE = 9
#: How much table a 1920×1080 slide holds, in row units (a row whose name wraps counts
#: 1 + WRAP_UNITS): with the goal's value cards above the table, and without them.
TABLE_UNITS_WITH_METRICS = 8.0
TABLE_UNITS = 11.0
#: English cells wrap more (status words, units): fewer row units a slide.
TABLE_UNITS_EN = (4.5, 7.5)  # (with the value cards, without)
WRAP_UNITS = 0.7
#: Widths (in text_width columns: a CJK character 2, a letter 1) on one line of a cell, as the
#: deck measures them (analytics.reports.deck: a line taken as 80 % full) for its narrowest
#: columns: the names (a third of the table) and a target in words (what is left of the table).
NAME_WIDTH = 28
NAME_WIDTH_EN = 26
TARGET_WIDTH = 16
TARGET_WIDTH_EN = 16
BULLETS_PER_SLIDE = 6  # more bullets go on a continuation slide


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

    @property
    def status_column(self) -> int | None:
        """The table column coloured by each row's status (goal slides: 状态), else None."""
        return 3 if self.key.startswith("goal") and self.row_status else None


def slides(ctx: ReportContext) -> list[Slide]:
    """The presentation: title, overall status, each goal, top risks, budget and scenario,
    data quality, actions. Long goals are split over several slides (at most 9 rows each)."""
    badge = text("sample_tag", ctx.lang) if ctx.is_sample else ""
    return [
        _title_slide(ctx, badge),
        _overview_slide(ctx, badge),
        *_goal_slides(ctx, badge),
        _risk_slide(ctx, badge),
        _budget_slide(ctx, badge),
        *_quality_slides(ctx, badge),
        _actions_slide(ctx, badge),
    ]


def _data_source(ctx: ReportContext) -> str:
    lang = ctx.lang
    if ctx.is_sample:
        return t("source_sample", lang)
    paths = [p for k, p in ctx.ds.sources.items() if k in ("actuals", "budget") and p]
    if any(p.startswith("store:") for p in paths):  # the data store, not a file someone handed in
        return text("project_pages.source_store", lang)
    names = list(dict.fromkeys(Path(p).name for p in paths))
    return t("source_files", lang, files="、".join(names)) if names else t("source_none", lang)


def _title_slide(ctx: ReportContext, badge: str) -> Slide:
    lang, project = ctx.lang, ctx.project
    amount = project.funding_amount
    first, last = project.years[0], project.years[-1]
    if not amount:  # the table gave no funding: say so rather than 0.00
        years = str(first) if first == last else f"{first}–{last}"
        budget = text("project_pages.title_no_budget", lang, years=years)
    elif first == last:
        budget = text("project_pages.title_budget_one_year", lang, funding=f"{amount:,.2f}", year=first)
    else:
        budget = t("title_budget", lang, funding=f"{amount:,.2f}", first=first, last=last)
    return Slide(
        "title", project_name(project, lang),
        subtitle=t("title_subtitle", lang),
        bullets=[
            t("title_as_of", lang, as_of=month_label(ctx.as_of[0], ctx.as_of[1], lang), year=ctx.year),
            t("title_source", lang, source=_data_source(ctx)),
            budget,
        ],
        badge=badge,
    )


def _score_text(ctx: ReportContext) -> str:
    if ctx.score is None or not ctx.score.scored:
        return DASH
    grade = ctx.score.grade_en if ctx.lang == "en" else ctx.score.grade
    return f"{total_said(ctx.score.total, ctx.lang)} {grade}"


def _overview_slide(ctx: ReportContext, badge: str) -> Slide:
    lang, c = ctx.lang, ctx.counts
    good = c.get("done", 0) + c.get("on_track", 0)
    bad = c.get("lagging", 0) + c.get("missed", 0)
    rate, tp, _target = execution(ctx)
    score_label = t("metric_self_eval_projected" if ctx.score_basis == "projected" else "metric_self_eval", lang)
    n_judged = sum(v for k, v in c.items() if k not in ("no_data", "no_target"))
    scored = ctx.score_basis not in ("none", "unscorable") and (n_judged or rate is not None)  # nothing reported: no score, not 0 (差)
    metrics = [
        Metric(t("metric_good", lang), str(good)),
        Metric(t("metric_watch", lang), str(c.get("watch", 0))),
        Metric(t("metric_bad", lang), str(bad)),
        Metric(t("metric_execution_to_date", lang), pct(rate), t("time_progress_note", lang, tp=pct(tp))),
        Metric(score_label, _score_text(ctx) if scored else DASH, t(f"score_basis_{ctx.score_basis}", lang) if scored else ""),
    ]
    as_of = month_label(ctx.as_of[0], ctx.as_of[1], lang)
    return Slide(
        "overview", t("overview_title", lang),
        subtitle=t("overview_subtitle", lang, as_of=as_of, n=len(ctx.rows), judged=n_judged),
        metrics=metrics, charts=[n for n in ("status_counts", "goal_scores") if has_chart(ctx, n)], badge=badge,
    )


def _indicator_row(ctx: ReportContext, ind: Indicator) -> list[str]:
    lang = ctx.lang
    row = ctx.row(ind.id)
    fc = ctx.forecasts.get(ind.id) or {}
    _, like = likelihood_levels(ctx, ind)
    return [
        ind.display_name(lang),
        target_said(ind, row, lang),
        value_text(ind, row.actual if row else None, lang),
        status_text(row.status, lang) if row else DASH,
        DASH if awaiting(ctx, ind) else point_text(ind, year_end_point(ind, fc.get("point"), fc.get("method"), row.actual if row else None), lang),
        like,
    ]


def _goal_groups(ctx: ReportContext) -> list[tuple[int, str, list[Indicator]]]:
    """(goal id, label, indicators) per goal, plus the indicators of no goal (0) at the end."""
    lang, project = ctx.lang, ctx.project
    goal_ids = {g.id for g in project.goals}
    groups = [(g.id, g.label(lang), [i for i in project.indicators if i.goal == g.id]) for g in project.goals]
    rest = [i for i in project.indicators if i.goal not in goal_ids and i.id != project.execution_indicator]
    if rest:  # e.g. a flat target file without goals, or project-wide indicators
        groups.append((0, t("group_project_wide" if goal_ids else "group_all", lang), rest))
    return [g for g in groups if g[2]]


def _goal_metrics(roll: GoalRollup, lang: str) -> list[Metric]:
    statuses = load_rules()["statuses"]
    out = [Metric(t("metric_goal_score", lang), fmt_score(roll.score, lang), status_text(roll.status, lang))]
    for k in sorted(roll.counts, key=lambda s: -statuses[s]["rank"]):
        out.append(Metric(status_text(k, lang), str(roll.counts[k])))
    return out[:6]


def _goal_slides(ctx: ReportContext, badge: str) -> list[Slide]:
    lang, m = ctx.lang, ctx.month
    statuses = load_rules()["statuses"]
    rolls = {r.goal: r for r in ctx.rollups}
    goal_ids = {g.id for g in ctx.project.goals}
    over = ctx.final  # the year is over: year values and outcomes
    cols = [t("col_indicator", lang), t("col_target", lang), t("col_to_month", lang, m=m) if m else t("col_actual", lang),
            t("col_status", lang), t("col_year_end" + over, lang), t("col_likelihood", lang)]
    out: list[Slide] = []
    for gid, glabel, members in _goal_groups(ctx):
        # worst first (未完成, 滞后, 关注 …), those with no data or no target last: the meeting talks about problems first
        members.sort(key=lambda i: (statuses[ctx.row(i.id).status]["rank"] or 9 if ctx.row(i.id) else 9, i.seq))
        roll = rolls.get(gid) if gid in goal_ids else None
        chunks = _fit_rows(members, lang, roll is not None, [target_said(i, ctx.row(i.id), lang) for i in members])
        n_parts = len(chunks)
        for part, chunk in enumerate(chunks):
            suffix = t("part_suffix", lang, i=part + 1, n=n_parts) if n_parts > 1 else ""
            out.append(Slide(
                f"goal:{gid}" + (f":{part + 1}" if n_parts > 1 else ""), glabel + suffix,
                subtitle=t("n_indicators", lang, n=roll.n if roll is not None else len(members)),
                metrics=_goal_metrics(roll, lang) if roll is not None and part == 0 else [],
                columns=cols, table=[_indicator_row(ctx, i) for i in chunk],
                row_status=[(ctx.row(i.id).status if ctx.row(i.id) else "") for i in chunk],
                notes=[t("goal_note" + over, lang, **thresholds_params())], badge=badge,
            ))
    return out


def _row_units(name: str, target: str, lang: str) -> float:
    """A table row in row units: one, plus :data:`WRAP_UNITS` for each further line its longest
    cell takes — the name, or a target in words (a qualitative target, a two-year total)."""
    name_w, target_w = (NAME_WIDTH_EN, TARGET_WIDTH_EN) if lang == "en" else (NAME_WIDTH, TARGET_WIDTH)
    lines = max(math.ceil(text_width(name) / name_w), math.ceil(text_width(target) / target_w), 1)
    return 1.0 + WRAP_UNITS * (lines - 1)


def _fit_rows(members: list[Indicator], lang: str, with_metrics: bool, targets: list[str] | None = None) -> list[list[Indicator]]:
    """The goal's indicators in as few slide-sized parts as fit 1920×1080 (and the deck's 16 pt
    tables): each part at most :data:`ROWS_PER_SLIDE` rows and its table units (the first part
    has the goal's value cards above the table), the rows spread evenly over the parts.
    ``targets``: the target cell of each member, as the table shows it."""
    units = [_row_units(i.display_name(lang), targets[k] if targets else "", lang) for k, i in enumerate(members)]

    def cap(k: int) -> float:
        first, rest = TABLE_UNITS_EN if lang == "en" else (TABLE_UNITS_WITH_METRICS, TABLE_UNITS)
        return first if with_metrics and k == 0 else rest

    for n_parts in range(1, len(members) + 1):
        parts: list[list[Indicator]] = []
        start = 0
        while start < len(members) and len(parts) < n_parts:
            want = min(ROWS_PER_SLIDE, math.ceil((len(members) - start) / (n_parts - len(parts))))
            take, used = 0, 0.0
            while start + take < len(members) and take < want and used + units[start + take] <= cap(len(parts)):
                used += units[start + take]
                take += 1
            take = max(take, 1)
            parts.append(members[start:start + take])
            start += take
        if start >= len(members):
            return parts
    return [[i] for i in members] or [[]]


def _risk_candidates(ctx: ReportContext) -> list[tuple]:
    """The indicators at risk (chance below 70%, or lagging/missed), least likely first, at most 6."""
    project, statuses = ctx.project, load_rules()["statuses"]
    cands = []
    for ind in project.indicators:
        if ind.id == project.execution_indicator:
            continue
        row, fc = ctx.row(ind.id), ctx.forecasts.get(ind.id) or {}
        if row is None or row.target is None:
            continue
        p = None if awaiting(ctx, ind) else fc.get("p_attain")  # a survey between measurements: no chance yet (年末预测)
        risky = (p is not None and p < 0.7) or row.status in ("lagging", "missed")
        if not risky or row.status == "done":
            continue
        cands.append((p if p is not None else 0.5, statuses[row.status]["rank"], ind.seq, ind, row, fc))
    cands.sort(key=lambda x: (x[0], x[1], x[2]))
    return cands[:6]


def _missed_slide(ctx: ReportContext, badge: str) -> Slide:
    """The risks slide of a year that is over: the targets missed or lagging, with the year's
    value and its gap to the target (no chance, no pace needed: no month is left)."""
    lang = ctx.lang
    cols = [t("col_indicator", lang), t("col_target", lang), t("col_year_end_final", lang), t("col_gap", lang), t("col_status", lang)]
    table, status = [], []
    for _p, _rank, _seq, ind, row, fc in _risk_candidates(ctx):
        point, target = year_end_point(ind, fc.get("point"), fc.get("method"), row.actual), fc.get("target")
        known = fc.get("data_month") == 12 or fc.get("method") == "checkin"  # December in, or the check-in that decides it: the year's value; else still a forecast, said so
        gap = fmt_gap(point - target, ind.unit, lang, short=True, derived=not known) \
            if ind.kind not in ("milestone", "qualitative") and point is not None and target is not None else DASH
        value = value_text(ind, point, lang) if known else t("value_forecast", lang, value=point_text(ind, point, lang))
        table.append([ind.display_name(lang), target_said(ind, row, lang), value, gap,
                      status_text(row.status, lang)])
        status.append(row.status)
    return Slide(
        "risks", t("risk_title_final", lang), subtitle=t("risk_subtitle_final", lang), columns=cols if table else [],
        table=table, row_status=status, bullets=[] if table else [t("risk_none_final", lang)], badge=badge,
    )


def _risk_slide(ctx: ReportContext, badge: str) -> Slide:
    lang = ctx.lang
    if ctx.year_over:
        return _missed_slide(ctx, badge)
    cols = [t("col_indicator", lang), t("col_target", lang), t("col_forecast", lang), t("col_p_meet", lang),
            t("col_needed_monthly", lang), t("col_recent_monthly", lang)]
    table, status, bullets = [], [], []
    for _p, _rank, _seq, ind, row, fc in _risk_candidates(ctx):
        req, rec = still_needed(fc.get("required_monthly")), fc.get("recent_monthly")
        wait, cap = awaiting(ctx, ind), ind.direction == "lower"  # a cap's pace is what may still happen, at most
        table.append([ind.display_name(lang), target_said(ind, row, lang), DASH if wait else point_text(ind, fc.get("point"), lang),
                      DASH if wait else fmt_prob(fc.get("p_attain")), pace_said(ind, fc.get("required_monthly"), lang) if req is not None else DASH,
                      fmt_derived(rec, ind.unit, lang) if rec is not None else DASH])
        status.append(row.status)
        left = 12 - (row.data_month or ctx.month)
        if cap and fc.get("required_monthly") is not None and fc["required_monthly"] < 0:
            bullets.append(t("risk_bullet_cap_over", lang, name=ind.display_name(lang), rec=fmt_derived(rec, ind.unit, lang) if rec is not None else DASH))
        elif cap and req is not None and rec is not None and rec > req:
            bullets.append(t("risk_bullet_cap", lang, name=ind.display_name(lang), left=left, req=fmt_derived(req, ind.unit, lang),
                             rec=fmt_derived(rec, ind.unit, lang), down=f"{1 - req / rec:.0%}"))
        elif not cap and req is not None and rec is not None and rec > 0 and req > rec:
            bullets.append(t("risk_bullet", lang, name=ind.display_name(lang), left=left,
                             req=fmt_derived(req, ind.unit, lang), rec=fmt_derived(rec, ind.unit, lang), up=f"{req / rec - 1:.0%}"))
    if not table:
        bullets = [t("risk_none", lang)]
    paced = any(r[4] != DASH or r[5] != DASH for r in table)  # rates, stocks and levels have no monthly pace
    capped = any(str(r[4]).startswith("≤") for r in table)
    if not paced:
        cols, table = cols[:4], [r[:4] for r in table]
    return Slide(
        "risks", t("risk_title", lang), subtitle=t(("risk_subtitle_cap" if capped else "risk_subtitle") if paced else "risk_subtitle_nopace", lang),
        columns=cols if table else [], table=table, row_status=status, bullets=bullets[:3], badge=badge,
    )


def _source_rows(ctx: ReportContext) -> list[list[str]]:
    """The budget slide's table: budget, spent, rate, year-end projection, unspent by source."""
    lang, project, res = ctx.lang, ctx.project, ctx.scenario
    rows = []
    for s in res.sources if res is not None else []:
        spent = s.spent_before_year + s.spent_ytd
        name = next((f.display_name(lang) for f in project.funding_sources if f.key == s.source), s.name)
        rows.append([name, num(s.adjusted_budget, nd=2), num(spent, nd=2),
                     pct(100 * spent / s.adjusted_budget if s.adjusted_budget else None), pct(s.execution_rate), num(s.unspent, nd=2)])
    return rows


def _budget_bullets(ctx: ReportContext, target: float | None) -> list[str]:
    lang, res = ctx.lang, ctx.scenario
    bullets: list[str] = []
    over = ctx.budget_final  # December's spending in: what happened, under no scenario
    if res is not None:
        if ctx.budget_pending:  # the year is over, its spending to October: the year-end is projected, said so
            bullets.append(t("budget_december_pending", lang, spent_to=ctx.spending_said()))
        if not over:
            bullets.append(t("budget_scenario", lang, name=ctx.scenario_name or t("budget_baseline", lang)))
            bullets += report_warnings(res, lang, ctx.project)  # the projection held at the budget, as 预算情景 says
        if res.target_period:
            bullets.append(t("budget_reached" + over, lang, period=fmt_period_key(res.target_period, lang)))
        elif target is not None:
            bullets.append(t("budget_not_reached" + over, lang, target=f"{target:g}", shortfall=fmt_value(res.shortfall, "万元", lang)))
        bullets += risk_reasons(res, lang)[:2]
    elif not ctx.ds.budget.has_data:
        bullets.append(t("budget_no_spending", lang))
    elif not ctx.spend_month:  # none of the year's spending reported: no projection from other years, nor points
        bullets.append(t("budget_no_spending_year", lang, year=ctx.year))
    elif (unbudgeted := unbudgeted_spending(ctx.ds.budget, ctx.as_of, lang)):
        bullets.append(unbudgeted)
    if ctx.scenario_note:
        bullets.append(t("budget_scenario_unusable", lang, note=ctx.scenario_note))
    return bullets


def _budget_subtitle(ctx: ReportContext) -> str:
    """How execution is measured, against the total (the sources' sum when the table wrote the
    total as 0; said plainly when the table gives no funding)."""
    project = ctx.project
    total = project.funding_amount
    if not total:
        return text("project_pages.budget_subtitle_none", ctx.lang)
    return t("budget_subtitle", ctx.lang, total=f"{total:,.2f}")


def _budget_slide(ctx: ReportContext, badge: str) -> Slide:
    lang, project, res = ctx.lang, ctx.project, ctx.scenario
    rate, tp, target = execution(ctx)
    over = ctx.budget_final  # December's spending in: its execution, no projection
    metrics = [Metric(t("metric_year_final" if over else "metric_execution_to_date", lang), pct(rate), t("time_progress_note", lang, tp=pct(tp))),
               Metric(t("metric_year_target", lang), pct(target, 0))]
    columns: list[str] = []
    if res is not None:
        lo, hi = res.year_end_interval
        if not over:
            metrics.append(Metric(t("metric_year_end", lang), pct(res.year_end_rate), t("interval_note", lang, lo=pct(lo), hi=pct(hi))))
        # 40万元 / 40 10k yuan; no execution target: no shortfall to give (never 0 万元)
        metrics.append(Metric(t("metric_shortfall", lang), fmt_value(res.shortfall, "万元", lang) if target is not None else DASH))  # as the table and the report
        columns = [t("col_source", lang), t("col_budget", lang), t("col_spent", lang), t("col_rate", lang),
                   t("col_source_year_end" + over, lang), t("col_unspent", lang)]
    return Slide(
        "budget", t("budget_title", lang),
        subtitle=_budget_subtitle(ctx),
        metrics=metrics, charts=["budget_execution"] if has_chart(ctx, "budget_execution") else [], columns=columns,
        table=_source_rows(ctx), bullets=_budget_bullets(ctx, target), badge=badge,
    )


def _quality_slides(ctx: ReportContext, badge: str) -> list[Slide]:
    """The data-quality notes, at most :data:`BULLETS_PER_SLIDE` to a slide (no wall of bullets)."""
    lang, project = ctx.lang, ctx.project
    bullets = [t("quality_bullet", lang, label=t(f"quality_{n.status}", lang), goal=goal_name(project, n.goal, lang), text=note_text(n, lang))
               for n in ctx.quality if n.status in ("mismatch", "note", "unresolved")]
    passed = sum(1 for n in ctx.quality if n.status == "passed")
    parts = [bullets[k:k + BULLETS_PER_SLIDE] for k in range(0, len(bullets), BULLETS_PER_SLIDE)] or [[t("quality_none", lang)]]
    return [Slide(
        "quality" + (f":{k + 1}" if k else ""),  # the first part keeps the key "quality"
        t("quality_title", lang) + (t("part_suffix", lang, i=k + 1, n=len(parts)) if len(parts) > 1 else ""),
        subtitle=_quality_subtitle(ctx, passed),
        bullets=part, badge=badge,
    ) for k, part in enumerate(parts)]


def _quality_subtitle(ctx: ReportContext, passed: int) -> str:
    """How many checks agree; else whether the project has a goal text at all (a project made
    from a table keeps its 年度总体目标 but has no checks of it set up)."""
    lang, goal = ctx.lang, ctx.project.overall_goal.strip()
    if ctx.quality:
        return t("quality_subtitle", lang, n=passed, total=len(ctx.quality))
    if goal:
        return t("quality_subtitle_unchecked", lang, goal=goal if len(goal) <= 24 else goal[:24] + "…")
    return t("quality_subtitle_none", lang)


def _actions_slide(ctx: ReportContext, badge: str) -> Slide:
    lang, project = ctx.lang, ctx.project
    by_id = project.by_id
    cols = [t("col_goal_or_indicator", lang), t("col_category", lang), t("col_cause", lang), t("col_measure", lang)]
    table = []
    for a in ctx.actions:
        what = by_id[a.indicator_id].display_name(lang) if a.indicator_id in by_id else goal_name(project, a.goal, lang)
        table.append([what, a.category_label(lang), a.cause_text or DASH, a.measure_text or DASH])
    return Slide(
        "actions", t("actions_title", lang), subtitle=t("actions_subtitle", lang, n=len(table)),
        columns=cols if table else [], table=table,
        bullets=[] if table else [t("actions_none", lang)], notes=[text("manager.actions_where", lang)] if table else [], badge=badge,
    )
