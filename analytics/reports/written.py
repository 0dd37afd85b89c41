"""The written 绩效运行监控报告 (.docx) that offices submit with the monitoring form.

The report is first built as a list of :class:`Block` (title, headings, paragraphs, tables,
figures) from a :class:`~analytics.reports.context.ReportContext` — the same context the forms
and slides are made from — so every number in it is the forms' number. Sentences come from the
catalogue (``written.*`` in :mod:`analytics.present.strings.written`), numbers from the one
formatter (:mod:`analytics.present.format`). :func:`docx_bytes` then lays the blocks out with
python-docx (:mod:`analytics.reports.written_docx`).

Sections: title and cover facts; 一、总体进展; 二、各项目标进展 (one section per goal with its
indicators); 三、预算执行 (the year's figures against time progress, the cumulative figures, the
year-end projection); 四、偏差分析及纠偏措施 (targets at risk with the users' causes and measures);
五、超额完成 (over-achieved targets, which also need an explanation); 六、数据说明 (sample data,
stale months, the target table's own inconsistencies); 附表 (indicator table, budget table,
score); figures (status counts, goal scores, budget execution) as images.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from analytics.core import calendar as cal
from analytics.core.model import Indicator
from analytics.present.budget_text import report_warnings, unbudgeted_spending
from analytics.forecast.outlook import judgement_rules
from analytics.present.catalogue import text
from analytics.present.format import DASH, fmt_derived, fmt_month_short, fmt_pct, fmt_score, fmt_value, text_width
from analytics.present.judgement_text import likelihood_reason_text, over_achievement_text, prob_text, thresholds_params
from analytics.present.labels import department_lines, project_name, status_name, target_said, target_value_said, year_end_outcome
from analytics.present.quality_text import note_text
from analytics.present.score_text import over_budget_text, score_parts, total_said, unscored_reason
from analytics.reports.context import (
    ReportContext,
    awaiting,
    execution,
    form_level_name,
    likelihood_levels,
    over_achieved,
)
from analytics.reports.funds import fund_rows
from analytics.reports.monitoring import budget_values, cell_values
from analytics.reports.sheet import col_title, form_indicators, load_forms
from analytics.reports.wording import month_label, point_text, value_text
from analytics.rules.progress import load_rules

__all__ = ["Block", "INDICATOR_KEYS", "blocks", "budget_table", "docx_bytes", "format_cell", "indicator_table", "risk_indicators", "w"]

#: The columns of the report's indicator table: keys of the monitoring form (same cells).
INDICATOR_KEYS = ("name", "target", "actual", "forecast", "likelihood", "remark")
_CN = "一二三四五六七八九十"
_RATE_KEYS = ("rate", "projected_rate", "cum_rate", "projected_cum_rate")
_BUDGET_WIDTHS = [1.3, 1.2, 1.2, 0.9, 1.0, 1.2, 1.4, 0.9, 1.0]  # the budget table's columns, relative


@dataclass
class Block:
    """One piece of the report: ``kind`` is title, subtitle, banner, h1, h2, p, item, table,
    caption, figure; ``text`` its text; ``rows`` a table's rows (first row = header);
    ``chart`` a figure's chart name."""

    kind: str
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    chart: str = ""
    widths: list[float] = field(default_factory=list)  # relative column widths of a table


def w(key: str, lang: str, **params: Any) -> str:
    """The catalogue entry ``written.<key>``."""
    return text(f"written.{key}", lang, **params)


def _v(x: float | None, unit: str, lang: str) -> str:
    return fmt_value(x, unit, lang)


def _money(x: float | None, lang: str) -> str:
    return fmt_value(x, "", lang, decimals=2)


def _rate(x: float | None, lang: str) -> str:
    """A rate given as a fraction (the forms' cells), in percent with 2 decimals."""
    return DASH if x is None else fmt_pct(100 * x, lang, decimals=2)


def _cmp(diff_pp: float | None, term: str, lang: str) -> str:
    """高于/低于/与…持平 the given progress, from a difference in percentage points."""
    if diff_pp is None:
        return ""
    gap = fmt_value(abs(diff_pp), "", lang, decimals=1)
    if gap in ("0.0", "-0.0"):
        return w("cmp_equal", lang, term=term)
    return w("cmp_above" if diff_pp > 0 else "cmp_below", lang, term=term, gap=gap)


# -- the sections ----------------------------------------------------------------------------


def _cover(ctx: ReportContext) -> list[Block]:
    """Title, period, the sample banner, the cover facts table and the basis paragraph."""
    lang, p = ctx.lang, ctx.project
    name = project_name(p, lang)
    out = [Block("title", w("title", lang, name=name, year=ctx.year)), Block("subtitle", w("period", lang, year=ctx.year, m=ctx.month or 12))]
    if ctx.is_sample:
        out.append(Block("banner", w("sample_banner", lang)))
    funds = fund_rows(ctx)
    parts = ("、" if lang == "zh" else ", ").join(f"{f.name(lang)} {_money(f.total_budget, lang)}" for f in funds[1:])
    rows = [[w("cover_project", lang), name]]
    rows += [[label, value] for label, value in department_lines(p, lang)]
    funds_value = (w("cover_funds_value", lang, total=_money(funds[0].total_budget, lang), parts=parts) if parts
                   else _money(funds[0].total_budget, lang)) if funds[0].total_budget \
        else text("project_pages.written_no_funding", lang)  # the table gave no funding: not "0.00（）"; no sources: no "（）"
    rows.append([w("cover_funds", lang), funds_value])
    if p.years:
        rows.append([w("cover_years", lang), w("cover_years_value", lang, y0=min(p.years), y1=max(p.years)) if len(set(p.years)) > 1
                     else text("project_pages.written_one_year", lang, year=p.years[0])])
    rows.append([w("cover_period", lang), w("cover_period_value", lang, year=ctx.year, m=ctx.month or 12,
                                                as_of=month_label(ctx.as_of[0], ctx.as_of[1], lang))])
    rows.append([w("cover_data", lang), w("cover_data_sample" if ctx.is_sample else "cover_data_real", lang)])
    out.append(Block("table", rows=rows, widths=[1, 3]))
    out.append(Block("p", w("basis", lang, year=ctx.year, m=ctx.month or 12)))
    return out


def _likelihood_counts(ctx: ReportContext) -> dict[str, int]:
    """How many of the indicators the status sentence counts are at each form level ("" for those
    that cannot be judged yet, a target not set included), so the two sentences count the same
    indicators (48 monitored, then 8 + 27 + 5 = 40 was one sentence after the other)."""
    counts = {"确定能": 0, "有可能": 0, "完全不可能": 0, "": 0}
    for row in ctx.rows:
        ind = ctx.project.by_id.get(row.indicator_id)
        level = likelihood_levels(ctx, ind)[0] if ind is not None and row.target is not None else None
        counts[level or ""] += 1
    return counts


def _through(ctx: ReportContext) -> str:
    """The month the figures run to: the as-of month in its own year, December of a year already
    over (2023 seen from August 2024 is 截至2023年12月, not 截至2024年8月)."""
    return month_label(ctx.year, ctx.month, ctx.lang) if ctx.month else month_label(ctx.as_of[0], ctx.as_of[1], ctx.lang)


def _outcome(ctx: ReportContext, ind: Indicator) -> str | None:
    """``met`` / ``missed`` once the indicator's year is over and its outcome known (December in, or a
    verdict that settles it), else None (:func:`analytics.present.labels.year_end_outcome`)."""
    if not ctx.year_over:
        return None
    fc = ctx.forecasts.get(ind.id) or {}
    return year_end_outcome(fc.get("likelihood"), fc.get("likelihood_reason"))


def _outcome_text(ctx: ReportContext) -> str:
    """本年度已结束：达到年度目标N项，未达到M项，K项尚无全年结果。"""
    counts: dict[str | None, int] = {"met": 0, "missed": 0, None: 0}
    for row in ctx.rows:  # the indicators the status sentence counts, as _likelihood_counts
        ind = ctx.project.by_id.get(row.indicator_id)
        counts[_outcome(ctx, ind) if ind is not None and row.target is not None else None] += 1
    none = w("overall_outcome_none", ctx.lang, k=counts[None]) if counts[None] else ""
    return w("overall_outcome", ctx.lang, met=counts["met"], missed=counts["missed"], none=none)


def _overall(ctx: ReportContext, n_risks: int, n_over: int) -> list[Block]:
    """一、总体进展: statuses, likelihood, over-achievement, score, budget in one paragraph each."""
    lang = ctx.lang
    order = ("done", "on_track", "watch", "lagging", "missed", "no_data", "no_target")
    parts = [w("overall_status_part", lang, status=status_name(s, lang) if lang == "zh" else status_name(s, lang).lower(), k=ctx.counts[s])
             for s in order if ctx.counts.get(s)]
    out = [Block("h1", w("h_overall", lang)),
           Block("p", w("overall_status", lang, as_of=_through(ctx), n=sum(ctx.counts.values()),
                         parts=("，" if lang == "zh" else ", ").join(parts)))]
    lc = _likelihood_counts(ctx)
    none = w("overall_likelihood_none", lang, k=lc[""]) if lc[""] else ""
    text_l = _outcome_text(ctx) if ctx.year_over else \
        w("overall_likelihood", lang, certain=lc["确定能"], possible=lc["有可能"], impossible=lc["完全不可能"], none=none)
    cut = fmt_pct(100 * judgement_rules()["over_achievement"].get("ratio_min", 1.3), lang, decimals=0)
    if n_over:
        text_l += w("overall_over", lang, k=n_over, cut=cut)
    if n_risks:
        text_l += w("overall_risks", lang, k=n_risks)
    out.append(Block("p", text_l))
    sc = ctx.score
    reported = ctx.ds.budget.has_data or any(v for k, v in ctx.counts.items() if k not in ("no_data", "no_target"))
    if ctx.score_basis == "unscorable" and reported:  # data, but no part that can be scored: said, not 0.00 分 “差”
        out.append(Block("p", unscored_reason(sc, lang)))
    if sc is not None and sc.scored and reported:  # nothing reported yet: no score (not 0.00 分 “差”)
        ex = next((pt for pt in sc.parts if pt.key == "execution"), None)
        key = "overall_score_projected" if ctx.score_basis == "projected" else "overall_score_actual"
        execution = w("overall_score_execution_left_out", lang, why=_left_out_why(ctx, lang)) \
            if ex is not None and ex.empty else \
            w("overall_score_execution", lang, exec_pts=fmt_value(ex.points if ex else None, "", lang, decimals=2),
              exec_max=fmt_value(ex.points_max if ex else None, "", lang, decimals=0))  # left out: not 0.00 of 10 beside 不计分 in its table
        out.append(Block("p", w(key, lang, year=ctx.year, total=total_said(sc.total, lang),
                                grade=sc.grade_en if lang == "en" else sc.grade, execution=execution)))
    total = fund_rows(ctx)[0] if ctx.ds.budget.has_data and ctx.month else None
    if total is not None and total.year_rate is not None:
        tp = cal.time_progress(0.0, 100.0, ctx.spend_month)  # the year's time gone by when spending was last reported
        out.append(Block("p", w("overall_budget" + ("" if ctx.spend_month else "_none"), lang, year=ctx.year, budget=_money(total.year_budget, lang), m=ctx.spend_month,
                                spent=_money(total.spent_year, lang), rate=_rate(total.year_rate, lang),
                                cmp=_cmp(100 * total.year_rate - tp, w("term_time", lang), lang))))
    out.append(Block("figure", text=text("reports.chart_status_counts", lang), chart="status_counts"))
    return out


def _target(ind: Indicator, ctx: ReportContext, lang: str) -> str:
    """The year's target as written (a derived one as its number), without a space before the unit in Chinese."""
    row = ctx.row(ind.id)
    if row is not None and row.target_derived and row.target is not None:
        return target_value_said(ind, row, lang)
    out = target_said(ind, row, lang)
    return out.replace(" ", "") if lang == "zh" else out


def _indicator_sentence(ctx: ReportContext, ind: Indicator) -> str:
    """One indicator as an analyst writes it: where it stands, against what, and the outlook."""
    lang = ctx.lang
    row = ctx.row(ind.id)
    fc = ctx.forecasts.get(ind.id) or {}
    name = ind.display_name(lang)
    as_of = _through(ctx)
    target = _target(ind, ctx, lang)
    level, _ = likelihood_levels(ctx, ind)
    level_name = form_level_name(level, lang) if lang == "en" else (level or DASH)
    if row is None or row.target is None:
        return w("ind_no_target", lang, name=name, as_of=as_of, actual=value_text(ind, row.actual if row else None, lang))
    if row.actual is None:
        return w("ind_no_data", lang, name=name, as_of=as_of, target=target)
    if ind.kind == "qualitative":
        return w("ind_qualitative", lang, name=name, m=row.data_month or ctx.month, level=value_text(ind, row.actual, lang),
                 target=target)
    if ind.kind == "milestone" and cal.wants_no(row.target):  # 是否存在质量问题 | 否: held while 否, never “尚未实现，计划于12月底前完成”
        if cal.milestone_achieved(row.actual):
            return w("ind_milestone_no_broken", lang, name=name)
        return w("ind_milestone_no_met" if row.status == "done" else "ind_milestone_no_holding", lang, name=name, as_of=as_of, level=level_name)
    if ind.kind == "milestone":
        if row.status == "done":
            return w("ind_milestone_done", lang, name=name, target=target)
        return w("ind_milestone_open", lang, name=name, due=fmt_month_short(ind.due_month or 12, lang), level=level_name)
    point = fc.get("point")
    span = ind.span_years if ind.span_years and ind.span_target is not None and not row.target_derived and row.year not in ind.targets else None
    okey = ("ind_outlook_span" if span else "ind_outlook") if ind.kind == "flow" else "ind_outlook_level"  # a two-year total: never 全年
    outcome = _outcome(ctx, ind)  # the year is over: what happened, not a likelihood
    if outcome is not None and point is not None:
        okey = f"ind_final_{outcome}" if ind.kind == "flow" else f"ind_final_level_{outcome}"
        if fc.get("data_month") != 12:  # settled by a verdict, its December not in: the year's value is still a forecast
            okey = f"ind_settled_{outcome}"
    outlook = (w(okey, lang, forecast=point_text(ind, point, lang), level=level_name, last=span[1] if span else ctx.year) if point is not None
               else w("ind_outlook_none", lang, level=level_name))
    if ind.kind == "flow" and ind.direction == "higher" and row.target and row.expected is not None:
        term = w("term_time" if row.trajectory_method in (None, "linear") else "term_expected", lang)
        diff = 100.0 * (row.actual - row.expected) / row.target
        goal_term = w("term_span_target", lang, first=span[0], last=span[1]) if span else w("term_year_target", lang)
        s = w("ind_flow", lang, name=name, as_of=as_of, actual=_v(row.actual, ind.unit, lang), target=target, term=goal_term,
              att=fmt_pct(100.0 * row.actual / row.target, lang, decimals=1), cmp=_cmp(diff, term, lang), outlook=outlook)
    else:
        s = w("ind_level", lang, name=name, as_of=as_of, actual=_v(row.actual, ind.unit, lang), target=target,
              status=status_name(row.status, lang), outlook=outlook)
    if row.data_month and ctx.month and row.data_month < ctx.month:
        s = s.rstrip("。.") + w("ind_stale", lang, m=row.data_month) + ("。" if lang == "zh" else ".")
    over = over_achieved(ctx, ind)
    if over is not None:
        s = s.rstrip("。.") + w("ind_over", lang, text=over_achievement_text(over[0], over[1], lang)) + ("。" if lang == "zh" else ".")
    return s


def _goals(ctx: ReportContext) -> list[Block]:
    """二、各项目标进展: per goal its text, its roll-up and one sentence per indicator."""
    lang, project = ctx.lang, ctx.project
    out = [Block("h1", w("h_goals", lang))]
    rolls = {r.goal: r for r in ctx.rollups}
    statuses = load_rules()["statuses"]
    inds = [i for i in form_indicators(ctx, ["table", "goal_text"]) if i.id != project.execution_indicator]
    goal_ids = [g.id for g in project.goals] + ([0] if any(i.goal == 0 for i in inds) else [])
    for k, gid in enumerate(goal_ids):
        members = [i for i in inds if i.goal == gid]
        if not members:
            continue
        cn = _CN[k] if k < len(_CN) and lang == "zh" else str(k + 1)
        g = project.goal(gid) if gid else None
        if g is not None:
            out.append(Block("h2", w("goal_heading", lang, cn=cn, goal=gid, name=g.name_en if lang == "en" and g.name_en else g.name)))
            goal_text = g.text_2023 if ctx.year == 2023 and g.text_2023 else g.text_span
            if goal_text:
                out.append(Block("p", w("goal_expected", lang, text=goal_text)))
        else:
            out.append(Block("h2", w("project_wide_heading", lang, cn=cn)))
        r = rolls.get(gid)
        if r is not None and r.score is not None:
            ranked = sorted(r.counts.items(), key=lambda kv: -int(statuses[kv[0]]["rank"]))
            counts = ("、".join(f"{status_name(s, lang)}{v}项" for s, v in ranked) if lang == "zh"
                      else ", ".join(f"{v} {status_name(s, lang).lower()}" for s, v in ranked))
            out.append(Block("p", w("goal_summary", lang, n=len(members), score=fmt_score(r.score, lang),
                                    status=status_name(r.status, lang), counts=counts)))
        else:
            out.append(Block("p", w("goal_summary_none", lang, n=len(members))))
        for j, ind in enumerate(members, start=1):
            out.append(Block("item", f"{j}. " + _indicator_sentence(ctx, ind)))
    out.append(Block("figure", text=text("reports.chart_goal_scores", lang), chart="goal_scores"))
    return out


def budget_table(ctx: ReportContext) -> list[list[str]]:
    """The budget table as text: the monitoring form's budget columns and cells, formatted."""
    lang = ctx.lang
    cols = list(load_forms()["monitoring"].get("budget_columns") or [])
    rows = [[col_title(c, ctx, month=ctx.spend_month) for c in cols]]  # 1-10月执行数 with spending to October
    for fund in fund_rows(ctx):
        vals = budget_values(ctx, fund)
        cells = []
        for c in cols:
            k, v = str(c["key"]), vals.get(str(c["key"]))
            cells.append(str(v) if k == "source" else (_rate(v, lang) if k in _RATE_KEYS else _money(v, lang)))
        rows.append(cells)
    return rows


def _left_out_why(ctx: ReportContext, lang: str) -> str:
    """Why the score leaves budget execution out, from its line's reason: no spending recorded
    (因没有支出数据), or none of the year's (因2025年尚无支出数据); empty for any other reason."""
    line = next((ln for ln in ctx.score.lines if ln.part == "execution"), None) if ctx.score is not None else None
    reason = line.reason if line is not None else ""
    if reason.startswith("execution_no_data_year"):
        return w("overall_score_execution_no_data_year", lang, year=ctx.year)
    return w("overall_score_execution_no_data", lang) if reason.startswith("execution_no_data") else ""


def _budget(ctx: ReportContext) -> list[Block]:
    """三、预算执行: the year's budget, spending against time progress, the cumulative figures and
    the year-end projection, the points rule, the table and the chart."""
    lang, project = ctx.lang, ctx.project
    out = [Block("h1", w("h_budget", lang))]
    if not (ctx.ds.budget.has_data and ctx.month):
        return out + [Block("p", text("project_pages.written_no_spending", lang))]
    if (unbudgeted := unbudgeted_spending(ctx.ds.budget, ctx.as_of, lang)):  # spent, but against no budget: no rates
        return out + [Block("p", unbudgeted), Block("caption", w("budget_table_caption", lang, k=1)),
                      Block("table", rows=budget_table(ctx), widths=_BUDGET_WIDTHS)]
    funds = fund_rows(ctx)
    total = funds[0]
    basis = w(f"basis_{total.year_budget_basis}", lang)
    sep = "、" if lang == "zh" else ", "
    parts = sep.join(w("budget_part", lang, name=f.name(lang), amount=_money(f.year_budget, lang)) for f in funds[1:])
    out.append(Block("p", w("budget_year", lang, year=ctx.year, budget=_money(total.year_budget, lang), parts=parts, basis=basis)))
    tp = cal.time_progress(0.0, 100.0, ctx.spend_month)
    as_of = month_label(ctx.year, ctx.spend_month, lang)
    if not ctx.spend_month:  # none of the year's spending reported: said so, not 截至12月 (its figures are unknown, not 0)
        out.append(Block("p", w("budget_spent_none", lang, year=ctx.year)))
    elif total.year_rate is not None:
        out.append(Block("p", w("budget_spent", lang, as_of=as_of, spent=_money(total.spent_year, lang), rate=_rate(total.year_rate, lang),
                                cmp=_cmp(100 * total.year_rate - tp, w("term_time", lang), lang), tp=fmt_pct(tp, lang, decimals=1))
                         + ("" if lang == "zh" else " ") + w("budget_by_source", lang, parts=sep.join(w("budget_source_rate", lang, name=f.name(lang), rate=_rate(f.year_rate, lang))
                                                                       for f in funds[1:]))))
    _rate_now, expected, target = execution(ctx)
    start = project.execution_start or (min(project.years or (ctx.year,)), 1)
    if total.spent_to_date is not None:  # unknown while a year's spending is not reported: not said as 0
        out.append(Block("p", w("budget_cumulative" if target is not None else "budget_cumulative_no_target", lang,
                                start=month_label(start[0], start[1], lang), cum=_money(total.spent_to_date, lang),
                                total=_money(total.total_budget, lang), rate=_rate(total.cum_rate, lang), year=ctx.year, m=ctx.spend_month or ctx.month,
                                target=fmt_pct(target, lang, decimals=0), expected=fmt_pct(expected, lang, decimals=2))))
    res = ctx.scenario
    final = ctx.budget_final  # December's spending in: what happened, under no scenario (not as of December with it to October)
    if res is not None and total.projected_cum_rate is not None:
        lo, hi = res.year_end_interval
        if res.target_rate is not None and res.year_end_rate is not None and res.year_end_rate + 1e-9 < res.target_rate:
            verdict = w("budget_verdict_short" + final, lang, target=fmt_pct(res.target_rate, lang, decimals=0),
                        gap=fmt_value(res.target_rate - res.year_end_rate, "", lang, decimals=2), amount=_money(res.shortfall, lang))
        elif res.target_rate is None:  # the table sets no execution target: nothing met or missed
            verdict = w("budget_verdict_no_target", lang)
        else:
            verdict = w("budget_verdict_met" + final, lang)
        scen = w("scenario_named", lang, name=ctx.scenario_name) if ctx.scenario_name else w("scenario_baseline", lang)
        out.append(Block("p", w("budget_final", lang, cum_rate=_rate(total.projected_cum_rate, lang), verdict=verdict) if final else
                         w("budget_projection" + ("_pending" if ctx.budget_pending else ""), lang, scenario=scen,  # 12月支出尚未报送
                           year_spent=_money(total.projected_year_spent, lang), year_rate=_rate(total.projected_year_rate, lang),
                           cum_rate=_rate(total.projected_cum_rate, lang), lo=fmt_pct(lo, lang, decimals=1), hi=fmt_pct(hi, lang, decimals=1),
                           verdict=verdict, spent_to=ctx.spending_said())))
        if not final:  # the projection held at the budget is said as 预算情景 says it
            out += [Block("p", said) for said in report_warnings(res, lang, project)]
    sc = ctx.score
    ex = next((pt for pt in sc.parts if pt.key == "execution"), None) if sc is not None else None
    if ex is not None:
        line = next((ln for ln in sc.lines if ln.part == "execution"), None)
        over = over_budget_text(line, lang) if line is not None else ""  # spending above the budget: said beside its points
        scored = "" if ctx.score_basis == "projected" else ctx.final  # 预计得 while the score is projected, December's too
        if sc.left_out(ex):  # no rate to score (none of the year's spending reported): why, never 0.00 分
            out.append(Block("p", w("rule_left_out", lang, why=_left_out_why(ctx, lang))))
        else:
            out.append(Block("p", w(f"rule_{sc.execution_rule}" + scored, lang, points=fmt_value(ex.points, "", lang, decimals=2),
                                    max=fmt_value(ex.points_max, "", lang, decimals=0)) + (" " if over and lang == "en" else "") + over))
    out.append(Block("caption", w("budget_table_caption", lang, k=1)))
    out.append(Block("table", rows=budget_table(ctx), widths=_BUDGET_WIDTHS))
    out.append(Block("figure", text=text("reports.chart_budget_execution", lang), chart="budget_execution"))
    return out


def risk_indicators(ctx: ReportContext) -> list[Indicator]:
    """The targets at risk: 完全不可能, a probability below ``report.at_risk_below`` of
    data/judgement_rules.yaml, or lagging / missed — not those already done or without a
    target; least likely first."""
    below = judgement_rules()["report"].get("at_risk_below", 0.5)
    out = []
    for ind in form_indicators(ctx, ["table", "goal_text"]):
        row, fc = ctx.row(ind.id), ctx.forecasts.get(ind.id) or {}
        if row is None or row.target is None or row.status == "done":
            continue
        p = None if awaiting(ctx, ind) else fc.get("p_attain")  # a survey between measurements: no chance yet, as on the slides and 年末预测
        if fc.get("likelihood") == "impossible" or (p is not None and p < below) or row.status in ("lagging", "missed"):
            out.append((2.0 if p is None else float(p), ind.seq, ind))
    return [i for _p, _s, i in sorted(out, key=lambda x: (x[0], x[1]))]


def _causes(ctx: ReportContext, ind: Indicator) -> tuple[str, str]:
    """(causes, measures) the users entered for the indicator, or the 'not entered' texts."""
    lang = ctx.lang
    sep = "；" if lang == "zh" else "; "
    acts = ctx.actions_for(ind.id)
    causes = sep.join(f"{a.category_label(lang)}：{a.cause_text}" if lang == "zh" else f"{a.category_label(lang)}: {a.cause_text}"
                      for a in acts if a.cause_text)
    measures = sep.join(a.measure_text for a in acts if a.measure_text)
    return causes or w("missing_cause", lang), measures or w("missing_measure", lang)


def _pace_unit(ctx: ReportContext, ind: Indicator) -> str:
    """The unit of monthly paces: the indicator's, or 万元 for budget execution (spending)."""
    return "万元" if ind.id == ctx.project.execution_indicator else ind.unit


def _pace(ctx: ReportContext, ind: Indicator, fc: dict[str, Any]) -> str:
    """剩余X个月需月均完成…，为近期月均水平的N倍 (flows and budget execution with both figures)."""
    req, rec = fc.get("required_monthly"), fc.get("recent_monthly")
    row = ctx.row(ind.id)
    if req is None or rec is None or rec <= 0 or row is None:
        return ""
    unit, left = _pace_unit(ctx, ind), 12 - (row.data_month or ctx.month)
    if ind.direction == "lower":  # a cap: what may still happen a month, against the recent months
        if req < 0 or rec <= req:
            return ""
        if req == 0:
            return w("risk_pace_cap_none", ctx.lang, left=left, rec=fmt_derived(rec, unit, ctx.lang))
        return w("risk_pace_cap", ctx.lang, left=left, req=fmt_derived(req, unit, ctx.lang), rec=fmt_derived(rec, unit, ctx.lang),
                 times=fmt_value(rec / req, "", ctx.lang, decimals=1))
    if req <= rec:
        return ""
    return w("risk_pace", ctx.lang, left=left, req=fmt_derived(req, unit, ctx.lang), rec=fmt_derived(rec, unit, ctx.lang),
             times=fmt_value(req / rec, "", ctx.lang, decimals=1))


def _risks(ctx: ReportContext, risky: list[Indicator]) -> list[Block]:
    """四、偏差分析及纠偏措施: each target at risk with why, its causes and its measures."""
    lang = ctx.lang
    final = ctx.final  # the year is over: what was missed, no chance or pace
    out = [Block("h1", w("h_risks", lang))]
    if not risky:
        return out + [Block("p", w("risks_none" + final, lang))]
    below = fmt_pct(100 * judgement_rules()["report"].get("at_risk_below", 0.5), lang, decimals=0)
    out.append(Block("p", w("risks_intro" + final, lang, n=len(risky), likely=below)))
    for k, ind in enumerate(risky, start=1):
        row, fc = ctx.row(ind.id), ctx.forecasts.get(ind.id) or {}
        level, _ = likelihood_levels(ctx, ind)
        level_name = form_level_name(level, lang) if lang == "en" else (level or DASH)
        out.append(Block("item", w("risk_item" + final, lang, k=k, name=ind.display_name(lang), status=status_name(row.status, lang) if row else DASH,
                                   level=level_name, p=prob_text(fc.get("p_attain"), lang), reason=likelihood_reason_text(fc, _pace_unit(ctx, ind), lang))
                         + ("" if final else _pace(ctx, ind, fc))))
        causes, measures = _causes(ctx, ind)
        if not ctx.actions_for(ind.id):
            out.append(Block("p", w("risk_missing", lang)))
            continue
        out.append(Block("p", w("risk_cause", lang, text=causes)))
        out.append(Block("p", w("risk_measure", lang, text=measures)))
    return out


def _over(ctx: ReportContext, over: list[Indicator]) -> list[Block]:
    """五、超额完成情况: each over-achieved target and its explanation (or that one is due)."""
    lang = ctx.lang
    cut = fmt_pct(100 * judgement_rules()["over_achievement"].get("ratio_min", 1.3), lang, decimals=0)
    out = [Block("h1", w("h_over", lang))]
    if not over:
        return out + [Block("p", w("over_none", lang, cut=cut))]
    out.append(Block("p", w("over_intro", lang, n=len(over), cut=cut)))
    for k, ind in enumerate(over, start=1):
        ratio, basis = over_achieved(ctx, ind) or (0.0, "actual")
        out.append(Block("item", w("over_item", lang, k=k, name=ind.display_name(lang), target=_target(ind, ctx, lang),
                                   text=over_achievement_text(ratio, basis, lang))))
        out.append(Block("p", w("risk_cause", lang, text=_causes(ctx, ind)[0])))
    return out


def _notes(ctx: ReportContext) -> list[Block]:
    """六、数据说明: sample or real data, stale months, the target table's inconsistencies,
    the forecasts' nature and the year's budget basis."""
    lang = ctx.lang
    out = [Block("h1", w("h_notes", lang))]
    as_of = month_label(ctx.as_of[0], ctx.as_of[1], lang)
    out.append(Block("item", "1. " + (w("note_sample", lang) if ctx.is_sample else w("note_real", lang, as_of=as_of))))
    n = 2
    stale = [(ind, ctx.row(ind.id)) for ind in form_indicators(ctx, ["table", "goal_text"])]
    stale = [(i, r) for i, r in stale if r is not None and r.data_month and ctx.month and r.data_month < ctx.month]
    if stale:
        items = ("、" if lang == "zh" else "; ").join(w("note_stale_item", lang, name=i.display_name(lang), dm=r.data_month) for i, r in stale)
        out.append(Block("item", f"{n}. " + w("note_stale", lang, m=ctx.month, items=items)))
        n += 1
    issues = [q for q in ctx.quality if q.status != "passed"]
    if issues:
        out.append(Block("item", f"{n}. " + w("note_quality_intro", lang)))
        for j, note in enumerate(issues, start=1):
            out.append(Block("p", f"（{j}）{note_text(note, lang)}" if lang == "zh" else f"({j}) {note_text(note, lang)}"))
        n += 1
    if ctx.year_over:
        out.append(Block("item", f"{n}. " + w("note_final", lang)))
        n += 1
    out.append(Block("item", f"{n}. " + w("note_forecast", lang, **thresholds_params())))
    if ctx.ds.budget.has_data:
        basis = w(f"basis_{fund_rows(ctx)[0].year_budget_basis}", lang)
        out.append(Block("item", f"{n + 1}. " + w("note_year_budget", lang, basis=basis)))
    return out


def indicator_table(ctx: ReportContext) -> list[list[str]]:
    """The indicator table: the monitoring form's cells of :data:`INDICATOR_KEYS`, formatted."""
    lang = ctx.lang
    cols = {str(c["key"]): c for c in load_forms()["monitoring"]["columns"]}
    head = [w("col_no", lang)] + [col_title(cols[k], ctx) if k in cols else w(f"col_{k}", lang) for k in INDICATOR_KEYS]
    rows = [head]
    for k, ind in enumerate(form_indicators(ctx, ["table"]), start=1):
        cells = [str(k)]
        for (value, _fmt), key in zip(cell_values(ctx, ind, list(INDICATOR_KEYS)), INDICATOR_KEYS):
            cells.append(format_cell(ind, key, value, lang))
        rows.append(cells)
    return rows


def format_cell(ind: Indicator, key: str, value: Any, lang: str) -> str:
    """A form cell as the report writes it: numbers in the indicator's unit and precision."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and key == "forecast":  # worked out: 3.6次 against ≤2次, as the text above it
        return point_text(ind, value, lang)
    if isinstance(value, (int, float)) and key == "actual":
        return fmt_value(value, ind.unit, lang)
    return str(value)


def _tables(ctx: ReportContext) -> list[Block]:
    """附表: the indicator table and the self-evaluation score by part."""
    lang = ctx.lang
    rows = indicator_table(ctx)
    worded = any(text_width(r[2]) > 12 for r in rows[1:])  # a target in words: its column wider, not 3 characters a line
    out = [Block("h1", w("h_tables", lang)),
           Block("caption", w("table_indicators_caption", lang, k=2, as_of=_through(ctx))),
           Block("table", rows=rows, widths=[0.6, 2.3, 1.9, 1.2, 1.2, 1.0, 1.9] if worded else [0.6, 2.5, 0.9, 1.45, 1.45, 1.1, 2.3])]
    sc = ctx.score
    if sc is not None:
        rows = [[w("col_part", lang), w("col_points_max", lang), w("col_points", lang)]]
        rows += [[p["part"], fmt_value(p["points_max"], "", lang, decimals=0),
                  DASH if p["left_out"] else fmt_value(p["points"], "", lang, decimals=2)] for p in score_parts(sc.part_rows(), lang)]
        rows.append([w("score_total_row", lang), fmt_value(sc.total_max, "", lang, decimals=0),
                     total_said(sc.total, lang) if sc.scored else DASH])
        out += [Block("caption", w("table_score_caption", lang, k=3)), Block("table", rows=rows, widths=[2, 1, 1])]
    return out


def blocks(ctx: ReportContext) -> list[Block]:
    """The whole report as blocks, in order."""
    risky = risk_indicators(ctx)
    over = [i for i in form_indicators(ctx, ["table", "goal_text"]) if over_achieved(ctx, i) is not None]
    return [*_cover(ctx), *_overall(ctx, len(risky), len(over)), *_goals(ctx), *_budget(ctx), *_risks(ctx, risky),
            *_over(ctx, over), *_notes(ctx), *_tables(ctx)]


def docx_bytes(ctx: ReportContext, charts_module: Any = None, with_charts: bool = True) -> bytes:
    """The report as .docx bytes (python-docx); ``with_charts=False`` leaves the figures out
    (faster, for tests)."""
    from analytics.reports.written_docx import render

    return render(ctx, blocks(ctx), charts_module=charts_module, with_charts=with_charts)

