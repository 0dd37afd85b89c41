"""项目支出绩效自评表: funds by source (年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分),
the overall goals (预期目标 vs 实际完成情况), per indicator 年度指标值 / 实际完成值 / 分值 / 得分 /
偏差原因分析及改进措施, then 总分 and 自评等级. Mid-year the score is an estimate on projected
year-end values (:mod:`analytics.budget.scoring`) and the sheet says so. The columns are data
(``self_eval`` in ``data/report_forms.yaml``)."""

from __future__ import annotations

from typing import Any, Mapping

from analytics.budget.scoring import ScoreResult
from analytics.core.model import Indicator
from analytics.present.format import apportion_points, fmt_derived, fmt_score
from analytics.present.labels import status_name
from analytics.present.score_text import basis_text, gap_note, over_budget_text, score_parts, score_reason, total_said, unscored_reason
from analytics.reports.context import ReportContext, departments_text, execution, execution_rule_text
from analytics.reports.funds import FundRow, fund_notes, fund_rows, funds_known
from analytics.reports.sheet import (
    INDICATOR_CELLS,
    Sheet,
    col_title,
    fmt_title,
    form_target,
    indicator_cell,
    number_cell,
    rate_cell,
    row_height,
    slots,
)
from analytics.reports.wording import DASH, join, pct, t, value_text
from analytics.rules.progress import load_rules

_CENTERED = ("level1", "level2", "target", "unit")


def _cfg_text(cfg: Mapping[str, Any], ctx: ReportContext, name: str, default: str = "") -> str:
    """A title of the layout file in the report's language (``<name>_zh`` / ``<name>_en``)."""
    return fmt_title(cfg.get(f"{name}_en" if ctx.lang == "en" else f"{name}_zh", default), ctx)


_EXECUTION = ""  # the key of the execution part's points among an indicator's (:func:`printed_points`)


def printed_points(sc: ScoreResult | None) -> dict[str, tuple[float, float | None]]:
    """(分值, 得分) as the form prints them, by indicator id (the execution part's under ``""``):
    rounded to two places so that each column adds up to the 总分 row (a tail difference given to
    the largest remainders, :func:`analytics.present.format.apportion_points`); 得分 ``None``
    where an indicator is not scored. Worked out once per score (every cell of the form asks)."""
    if sc is None:
        return {}
    last = _PRINTED
    if last[0] is sc:
        return last[1]
    ex = next((p for p in sc.parts if p.key == "execution"), None)
    rows: list[tuple[str, float, float | None]] = [(ln.indicator_id, ln.points_max, None if ln.status == "excluded" else ln.points)
                                                   for ln in sc.lines if ln.part != "execution"]
    if ex is not None:
        rows.append((_EXECUTION, ex.points_max, None if sc.left_out(ex) else ex.points))
    printed = dict(zip((k for k, _m, _p in rows), apportion_points([(m, p) for _k, m, p in rows])))
    _remember(sc, printed)
    return printed


_PRINTED: tuple[Any, dict[str, tuple[float, float | None]]] = (None, {})  # (score, its printed points): one assignment, thread-safe


def _remember(sc: ScoreResult, printed: dict[str, tuple[float, float | None]]) -> None:
    global _PRINTED
    _PRINTED = (sc, printed)


def _fund_values(ctx: ReportContext, fund: FundRow) -> dict[str, Any]:
    """The cells of one funding source (``fund.key`` None = the total): the year's budget before
    and after the scenario's 调减/追加, the year's spending (projected to year-end mid-year), the
    year's rate and, on the total row, the execution points; then the cumulative figures."""
    if not funds_known(ctx):  # a table stating no money: — under every figure, never 0
        return {}
    sc = ctx.score
    exec_part = next((p for p in sc.parts if p.key == "execution"), None) if sc is not None else None
    spent = fund.projected_year_spent if fund.projected_year_spent is not None else (fund.spent_year if ctx.month else None)
    cum = fund.projected_cum_spent if fund.projected_cum_spent is not None else (fund.spent_to_date if ctx.month else None)
    rate = fund.projected_year_rate if fund.projected_year_spent is not None else fund.year_rate
    cum_rate = fund.projected_cum_rate if fund.projected_cum_spent is not None else fund.cum_rate
    total = fund.key is None
    points_max, points = printed_points(sc).get(_EXECUTION, (None, None)) if exec_part is not None else (None, None)
    out = {"budget_initial": fund.year_budget, "budget_year": fund.year_budget_adjusted, "spent": spent, "rate": rate,
           "points_max": points_max if total else DASH, "points": points if total else DASH,
           "total_budget": fund.total_budget, "spent_to_date": cum, "cum_rate": cum_rate}
    return out  # a figure the data do not give is None in the row (—, said under the funds), never 0


def _fund_label(fund: FundRow, first_source: bool, lang: str) -> str:
    """年度资金总额, then 其中：中央补助 / 地方资金 / 其他资金 (the form's rows)."""
    if fund.key is None:
        return t("total_funds", lang)
    return t("of_which", lang, name=fund.name(lang)) if first_source else fund.name(lang)


def _funds_block(sh: Sheet, ctx: ReportContext, cols: list[Mapping[str, Any]], title: str, r: int, widths: list[float]) -> int:
    """One block of the funds part: the title merged down, the column titles spread over the
    grid (the last one spans what is left), one row per source. Returns the next free row."""
    lang = ctx.lang
    vcols = cols[1:]
    spots = slots(len(vcols), sh.ncols - 2)
    funds = fund_rows(ctx)
    n_rows = 1 + len(funds)
    sh.cell(r, 1, title, head=True)
    for k in range(1, n_rows):
        sh.cell(r + k, 1, None, head=True)
    sh.merge(r, 1, r + n_rows - 1, 1)
    sh.cell(r, 2, col_title(cols[0], ctx), head=True)
    texts = [(col_title(cols[0], ctx), widths[1])]
    for i, col in enumerate(vcols):
        c1, c2 = spots[i]
        sh.cell(r, 2 + c1, col_title(col, ctx), head=True)
        texts.append((col_title(col, ctx), sum(widths[1 + c1:2 + c2])))
        for k in range(c1 + 1, c2 + 1):
            sh.cell(r, 2 + k, None, head=True)
        sh.merge(r, 2 + c1, r, 2 + c2)
    sh.ws.row_dimensions[r].height = max(24.0, row_height(texts))
    r += 1
    for i, fund in enumerate(funds):
        vals = _fund_values(ctx, fund)
        label = _fund_label(fund, i == 1, lang)
        sh.cell(r, 2, label, bold=fund.key is None)
        sh.ws.row_dimensions[r].height = row_height([(label, widths[1])])
        for j, col in enumerate(vcols):
            k = str(col["key"])
            v = vals.get(k)
            if k in ("rate", "cum_rate") and isinstance(v, (int, float)):
                v = rate_cell(v)  # held as shown: never 100.00% for a rate under 100%
            c1, c2 = spots[j]
            fmt = "0.00%" if k in ("rate", "cum_rate") else ("0.00" if k in ("points", "points_max") else "#,##0.00")
            sh.cell(r, 2 + c1, DASH if v is None else v, fmt=fmt if isinstance(v, (int, float)) else None, bold=fund.key is None,
                    align="auto" if isinstance(v, (int, float)) else "center")
            for kk in range(c1 + 1, c2 + 1):
                sh.cell(r, 2 + kk, None)
            sh.merge(r, 2 + c1, r, 2 + c2)
        r += 1
    return r


def _funds_part(sh: Sheet, ctx: ReportContext, cfg: Mapping[str, Any], r: int) -> int:
    """项目资金 (the year's figures) and, below it, the cumulative figures under their own titles."""
    fcols = list(cfg.get("funds_columns") or [])
    widths = [float(c.get("width", 12)) for c in cfg["columns"]]
    if fcols:
        r = _funds_block(sh, ctx, fcols, _cfg_text(cfg, ctx, "funds_title"), r, widths)
    ccols = list(cfg.get("funds_cumulative_columns") or [])
    if ccols:
        r = _funds_block(sh, ctx, ccols, _cfg_text(cfg, ctx, "funds_cumulative_title"), r, widths)
    if (fcols or ccols) and not funds_known(ctx):
        sh.line(r, t("funds_unknown_note", ctx.lang), height=30)
        r += 1
    elif fcols or ccols:
        basis = fund_rows(ctx)[0].year_budget_basis
        ex = next((ln for ln in ctx.score.lines if ln.part == "execution"), None) if ctx.score is not None else None
        over = over_budget_text(ex, ctx.lang) if ex is not None else ""  # spending above the budget: said under the figures
        dashes = fund_notes(ctx)
        sh.line(r, t("funds_note", ctx.lang, year_budget=t(f"year_budget_basis_{basis}", ctx.lang), rule=execution_rule_text(ctx))
                + (" " if over and ctx.lang == "en" else "") + over + ("" if not dashes else "\n" + join(dashes, ctx.lang, sep_zh="", sep_en=" ")),
                height=(60 if over else 45) + 15 * len(dashes))
        r += 1
    return r


def goal_texts(ctx: ReportContext) -> tuple[str, str]:
    """(预期目标: the overall goal and the goal texts, 实际完成情况: scores and counts per goal,
    budget execution, the self-evaluation score), one line each."""
    lang, project = ctx.lang, ctx.project
    exp = [t("overall_goal", lang, text=project.overall_goal)] if project.overall_goal else []
    for g in project.goals:
        goal_text = g.text_2023 if ctx.year == 2023 and g.text_2023 else g.text_span
        exp.append(goal_text or g.label(lang))
    statuses = load_rules()["statuses"]
    rolls = {r.goal: r for r in ctx.rollups}
    act = []
    for g in project.goals:
        r = rolls.get(g.id)
        if r is None:
            continue
        counts = "、".join(f"{status_name(k, lang)}{v}" for k, v in sorted(r.counts.items(), key=lambda kv: -statuses[kv[0]]["rank"]))
        act.append(t("goal_result", lang, goal=g.id, score=fmt_score(r.score, lang),
                     status=status_name(r.status, lang), n=r.n, counts=counts))
    rate, tp, _target = execution(ctx)
    if rate is not None:
        proj = ctx.scenario.year_end_rate if ctx.scenario is not None and ctx.score_basis == "projected" else None
        projected = t("execution_projected", lang, rate=pct(proj, 2)) if proj is not None else ""
        act.append(t("execution_result", lang, rate=pct(rate, 2), tp=pct(tp, 2), projected=projected))
    if ctx.score is not None and ctx.score.scored:
        key = "score_result_projected" if ctx.score_basis == "projected" else "score_result"
        act.append(t(key, lang, total=total_said(ctx.score.total, lang), grade=ctx.score.grade if lang == "zh" else ctx.score.grade_en))
    return "\n".join(exp), "\n".join(act)


def _goals_part(sh: Sheet, ctx: ReportContext, cfg: Mapping[str, Any], widths: list[float], r: int) -> int:
    """年度总体目标: 预期目标 (left half) vs 实际完成情况 (right half). Returns the next free row."""
    ncols = sh.ncols
    exp_text, act_text = goal_texts(ctx)
    half = max(2, (ncols - 1) // 2 + 1)
    sh.cell(r, 1, _cfg_text(cfg, ctx, "goals_title"), head=True)
    sh.cell(r, 2, _cfg_text(cfg, ctx, "goals_expected"), head=True)
    for k in range(3, half + 1):
        sh.cell(r, k, None, head=True)
    sh.merge(r, 2, r, half)
    sh.cell(r, half + 1, _cfg_text(cfg, ctx, "goals_actual"), head=True)
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
    sh.ws.row_dimensions[r + 1].height = row_height([(exp_text, sum(widths[1:half])), (act_text, sum(widths[half:]))])
    return r + 2


def _deviation(ctx: ReportContext, ind: Indicator, line: Any) -> str | None:
    """偏差原因分析及改进措施: the users' causes and measures, and why an indicator is not scored."""
    lang = ctx.lang
    parts = []
    for a in ctx.actions_for(ind.id):
        if a.cause_text:
            parts.append(t("remark_cause", lang, category=a.category_label(lang), cause=a.cause_text))
        if a.measure_text:
            parts.append(t("remark_measure", lang, measure=a.measure_text))
    if line.status == "excluded" or line.reason_params.get("open"):  # not scored, or a milestone open: why, as the score says
        parts.append(score_reason(line, lang))
    elif line.reason_params.get("gap_missing"):  # scored on the months given after missing ones: said
        parts.append(gap_note(line, lang))
    return "\n".join(parts) or None


def _line_cell(ctx: ReportContext, ind: Indicator, line: Any, key: str) -> tuple[Any, str | None]:
    """(value, number format) of one cell of a scored indicator's row."""
    row, sc = ctx.row(ind.id), ctx.score
    if key in INDICATOR_CELLS:
        return indicator_cell(ind, key, ctx.lang), None
    if key == "target":
        return form_target(ind, row, ctx.lang) if row is not None else (DASH if line.target is None else line.target), None
    if key == "actual":
        if line.actual is None:
            return DASH, None
        if ind.kind in ("milestone", "qualitative"):
            return value_text(ind, line.actual, ctx.lang), None
        # a year-end projection (not what was reported) is worked out: said so (预计1.2种) and kept to its decimal (fmt_derived)
        projected = line.reason_params.get("projected_from") is not None
        return number_cell(float(line.actual), ind.unit, ctx.lang, derived=projected, prefix=t("projected_prefix", ctx.lang) if projected else "")
    if key in ("points_max", "points"):
        points_max, points = printed_points(sc).get(ind.id, (line.points_max, None))
        shown = points_max if key == "points_max" else points
        return (DASH, None) if shown is None else (shown, "0.00")
    if key == "deviation":
        return _deviation(ctx, ind, line), None
    if key == "method":
        return ((sc.projections.get(ind.id) or {}) if sc is not None else {}).get("method", ""), None
    return None, None


def _indicator_part(sh: Sheet, ctx: ReportContext, cols: list[Mapping[str, Any]], widths: list[float], r: int) -> int:
    """The header and one row per scored indicator (the execution part is in the funds part).
    Returns the next free row."""
    r += sh.header(r, cols, ctx)
    first = r
    sc = ctx.score
    by_id = ctx.project.by_id
    for line in [ln for ln in (sc.lines if sc is not None else []) if ln.part != "execution"]:
        ind = by_id.get(line.indicator_id)
        if ind is None:
            continue
        cells = []
        for col in cols:
            key = str(col["key"])
            value, fmt = _line_cell(ctx, ind, line, key)
            cells.append((value, fmt, "center" if key in _CENTERED else "auto"))
        sh.data_row(r, cells, widths)
        r += 1
    sh.merge_levels(cols, first, r - 1)
    return r


def _label_row(sh: Sheet, r: int, label: str, label_to: int) -> None:
    sh.cell(r, 1, label, head=True)
    for k in range(2, label_to + 1):
        sh.cell(r, k, None, head=True)
    sh.merge(r, 1, r, label_to)


def _total_part(sh: Sheet, ctx: ReportContext, cfg: Mapping[str, Any], keys: list[str], r: int) -> int:
    """总分 and 自评等级 (labels span the columns up to 分值), then how the parts scored.
    Returns the last row written."""
    lang, sc, ncols = ctx.lang, ctx.score, sh.ncols
    label_to = max(1, min(ncols - 1, keys.index("points_max") if "points_max" in keys else ncols - 2))
    _label_row(sh, r, _cfg_text(cfg, ctx, "total", "总分"), label_to)
    for ci, key in enumerate(keys, start=1):
        if ci <= label_to:
            continue
        if key == "points_max":
            sh.cell(r, ci, sc.total_max if sc else DASH, fmt="0.00", bold=True)
        elif key == "points":
            sh.cell(r, ci, round(sc.total, 6) if sc and sc.scored else DASH, fmt="0.00", bold=True)
        else:
            sh.cell(r, ci, None)
    r += 1
    _label_row(sh, r, _cfg_text(cfg, ctx, "grade", "自评等级"), label_to)
    sh.cell(r, label_to + 1, (sc.grade_en if lang == "en" else sc.grade) if sc and sc.scored else DASH, bold=True, align="center")
    for k in range(label_to + 2, ncols + 1):
        sh.cell(r, k, None)
    sh.merge(r, label_to + 1, r, ncols)
    r += 1
    if sc is not None:
        sh.line(r, _parts_note(ctx, sc), height=45)
    return r


def _parts_note(ctx: ReportContext, sc: ScoreResult) -> str:
    lang = ctx.lang
    shown = score_parts(sc.part_rows(), lang)
    parts = join([f"{p['part']} {DASH if p['left_out'] else format(p['points'], '.2f')}/{p['points_max']:g}" for p in shown], lang)
    basis = _projected_basis(ctx)
    # nothing scored: one sentence on why, not "left out, the rest rescaled" for every part
    why = [p["why"] for p in shown if p["why"]] if sc.scored else [unscored_reason(sc, lang)]
    scaled = [p for p in sc.parts if p.table_points is not None and not p.empty and abs(p.table_points - p.points_max) > 1e-6]
    if scaled:  # the table's 分值 add up otherwise than the rules' parts: shared in their proportions, said
        each = [t("score_table_points_part", lang, name=p.name_en if lang == "en" else p.name_zh,
                  table=format(p.table_points or 0.0, "g"), points=format(p.points_max, "g")) for p in scaled]
        why.append(t("score_table_points", lang, parts=join(each, lang)))
    return basis + (" " if lang == "en" else "").join([t("score_parts", lang, parts=parts), *why])


def _projected_basis(ctx: ReportContext) -> str:
    """Where a projected score's values come from; spend-driven outputs that the scenario puts
    elsewhere than the monitoring form's trend forecast are named with both values."""
    if ctx.score_basis != "projected":
        return ""
    lang, by_id = ctx.lang, ctx.project.by_id
    items = [t("score_linked_item", lang, name=by_id[i].display_name(lang), value=fmt_derived(v, by_id[i].unit, lang),
               trend=fmt_derived(point, by_id[i].unit, lang)) for i, (v, point) in ctx.scenario_outputs().items()]
    if not items:
        return t("score_projected_basis", lang)
    return t("score_projected_basis_linked", lang, scenario=ctx.scenario_name or t("baseline_projection", lang), items=join(items, lang))


def write_self_eval(wb: Any, ctx: ReportContext, cfg: Mapping[str, Any]) -> Any:
    """The 项目支出绩效自评表 as a new sheet of ``wb``."""
    lang, project = ctx.lang, ctx.project
    cols = list(cfg["columns"])
    widths = [float(c.get("width", 12)) for c in cols]
    ws = wb.create_sheet((cfg.get("sheet_en") if lang == "en" else cfg.get("sheet_zh")) or "self_eval")
    sh = Sheet(ws, len(cols))
    sh.title(1, _cfg_text(cfg, ctx, "title"))
    basis = basis_text(ctx.score_basis, ctx.as_of, lang, year=ctx.year)  # the score JSON's basis line, alike
    info = t("self_eval_info", lang, name=project.name, name_en=project.name_en or project.name)
    if ctx.is_sample:
        info += t("form_sample_mark", lang)
    sh.line(2, info + "\n" + departments_text(ctx), height=36)
    sh.line(3, basis, height=20)
    r = _funds_part(sh, ctx, cfg, 4)
    r = _goals_part(sh, ctx, cfg, widths, r)
    r = _indicator_part(sh, ctx, cols, widths, r)
    r = _total_part(sh, ctx, cfg, [str(c["key"]) for c in cols], r)
    sh.widths(widths)
    ws.freeze_panes = "A4"
    sh.print_setup(r, "1:3")
    return ws
