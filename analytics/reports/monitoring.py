"""绩效运行监控表: per indicator of the target table — the levels, the year's target as written,
1–X月执行情况, 全年预计完成情况, 偏差原因分析, 完成目标可能性, 备注 — and below it 项目资金执行情况
by funding source. The columns are data (``monitoring`` in ``data/report_forms.yaml``)."""

from __future__ import annotations

from typing import Any, Mapping

from analytics.core.model import Indicator
from analytics.present.catalogue import text
from analytics.present.format import fmt_derived
from analytics.present.judgement_text import over_achievement_text, thresholds_params
from analytics.present.labels import year_end_point
from analytics.reports.context import (
    ReportContext,
    departments_text,
    execution_rule_text,
    form_level_name,
    likelihood_levels,
    over_achieved,
)
from analytics.reports.funds import FundRow, fund_notes, fund_rows, funds_known
from analytics.reports.sheet import (
    INDICATOR_CELLS,
    Sheet,
    col_title,
    fmt_title,
    form_indicators,
    form_target,
    indicator_cell,
    number_cell,
    rate_cell,
)
from analytics.reports.wording import DASH, join, month_label, status_text, t, value_text

_CENTERED = ("level1", "level2", "target", "unit")
_RATES = ("rate", "projected_rate", "cum_rate", "projected_cum_rate")


def remark(ctx: ReportContext, ind: Indicator, cause_in_text: bool) -> str:
    """备注: the measures (and causes, when the cause cells hold only √), why there is no
    forecast or which method made it, and a note when the data is older than the month."""
    lang = ctx.lang
    parts = []
    for a in ctx.actions_for(ind.id):
        if not cause_in_text and a.cause_text:
            parts.append(t("remark_cause", lang, category=a.category_label(lang), cause=a.cause_text))
        if a.measure_text:
            parts.append(t("remark_measure", lang, measure=a.measure_text))
    row = ctx.row(ind.id)
    fc = ctx.forecasts.get(ind.id) or {}
    if row is not None and row.target is None:
        parts.append(t("remark_no_target", lang))
    elif fc.get("reason"):
        reason = fc["reason"]
        why = fc.get("reason_en" if lang == "en" else "reason_zh")
        if not why:
            why = t(f"no_forecast_{reason}", lang) if reason in ("multi_year_total", "no_current_data") else reason
        parts.append(t("remark_no_forecast", lang, why=why))
    elif fc.get("method") and fc["method"] != "none" and not parts:
        name = fc.get("method_en" if lang == "en" else "method_zh") or fc["method"]
        parts.append(t("remark_method", lang, method=name))
    scen = ctx.scenario_outputs().get(ind.id)
    if scen is not None:  # the 自评表 scores this output on the scenario's spending: both values said
        parts.append(t("remark_scenario_output", lang, scenario=ctx.scenario_name or t("baseline_projection", lang),
                       value=fmt_derived(scen[0], ind.unit, lang)))
    over = over_achieved(ctx, ind)
    if over is not None:
        parts.insert(0, over_achievement_text(over[0], over[1], lang))
    if row is not None and row.data_month and ctx.month and row.data_month < ctx.month:
        parts.append(t("remark_data_month", lang, m=row.data_month))
    return join(parts, lang)


def _cell(ctx: ReportContext, ind: Indicator, key: str, cause_in_text: bool) -> tuple[Any, str | None]:
    """(value, number format) of one cell of an indicator's row."""
    lang = ctx.lang
    row = ctx.row(ind.id)
    fc = ctx.forecasts.get(ind.id) or {}
    if key in INDICATOR_CELLS:
        return indicator_cell(ind, key, lang), None
    if key == "target":
        return form_target(ind, row, lang), None
    if key in ("actual", "forecast"):
        actual = row.actual if row else None
        x = actual if key == "actual" else year_end_point(ind, fc.get("point"), fc.get("method"), actual)
        if x is None:
            return DASH, None
        if ind.kind in ("milestone", "qualitative"):
            return value_text(ind, x, lang), None
        return number_cell(float(x), ind.unit, lang, derived=key == "forecast")
    if key == "forecast_range":
        lo, hi = fc.get("lower"), fc.get("upper")
        return (DASH if lo is None or hi is None else f"{fmt_derived(lo, ind.unit, lang)} – {fmt_derived(hi, ind.unit, lang)}"), None
    if key == "status":
        return (status_text(row.status, lang) if row else DASH), None
    if key.startswith("cause:"):
        acts = [a for a in ctx.actions_for(ind.id) if a.cause_category == key.split(":", 1)[1]]
        if not acts:
            return None, None
        sep = text("list_sep_long", lang)
        return "√" + ((" " + sep.join(a.cause_text for a in acts if a.cause_text)) if cause_in_text else ""), None
    if key == "cause":
        return text("list_sep_long", lang).join(text("label_value", lang, label=a.category_label(lang), value=a.cause_text)
                                                for a in ctx.actions_for(ind.id) if a.cause_text) or None, None
    level, _label = likelihood_levels(ctx, ind)
    if key.startswith("likelihood:"):
        return ("√" if level == key.split(":", 1)[1] else None), None
    if key == "likelihood":
        return (form_level_name(level, lang) if lang == "en" else (level or DASH)), None
    if key == "remark":
        return remark(ctx, ind, cause_in_text), None
    return None, None


def cell_values(ctx: ReportContext, ind: Indicator, keys: list[str], cause_in_text: bool = True) -> list[tuple[Any, str | None]]:
    """The (value, number format) of the given columns of an indicator's row, as the form writes
    them (the written report's tables use the same cells)."""
    return [_cell(ctx, ind, k, cause_in_text) for k in keys]


def budget_values(ctx: ReportContext, fund: FundRow) -> dict[str, Any]:
    """The budget table's cells of one funding source (see :func:`_source_values`)."""
    return _source_values(ctx, fund, ctx.lang)


def _indicator_rows(sh: Sheet, ctx: ReportContext, cfg: Mapping[str, Any], first: int) -> int:
    """Write one row per indicator of the form from row ``first``; returns the next free row."""
    cols = list(cfg["columns"])
    widths = [float(c.get("width", 12)) for c in cols]
    cause_in_text = cfg.get("cause_cell", "text") == "text"
    r = first
    for ind in form_indicators(ctx, cfg.get("origins") or ["table"]):
        cells = []
        for col in cols:
            key = str(col["key"])
            value, fmt = _cell(ctx, ind, key, cause_in_text)
            centered = key.startswith("likelihood") or key in _CENTERED or value == "√"
            cells.append((value, fmt, "center" if centered else "auto"))
        sh.data_row(r, cells, widths)
        r += 1
    sh.merge_levels(cols, first, r - 1)
    return r


def _source_values(ctx: ReportContext, row: FundRow, lang: str) -> dict[str, Any]:
    """The budget table's cells of one funding source (year figures under year titles,
    cumulative ones under their own titles; keys documented in data/report_forms.yaml)."""
    if not funds_known(ctx):  # a table stating no money: — under every figure, never 0
        return {"source": row.name(lang)}
    # a figure the data do not give is None in the row (—, said under the table), never 0
    return {"source": row.name(lang), "budget": row.year_budget, "spent_year": row.spent_year, "rate": row.year_rate,
            "projected_rate": row.projected_year_rate, "total_budget": row.total_budget, "spent_before": row.spent_before,
            "spent_to_date": row.spent_to_date, "cum_rate": row.cum_rate, "projected_cum_rate": row.projected_cum_rate}


def _budget_part(sh: Sheet, ctx: ReportContext, cfg: Mapping[str, Any], r: int) -> int:
    """项目资金执行情况 under the indicators (its last column spans the rest of the grid);
    returns the next free row."""
    lang, project = ctx.lang, ctx.project
    bcols = list(cfg.get("budget_columns") or [])
    ncols = sh.ncols
    if not (bcols and funds_known(ctx) and ctx.month):  # the money the table states is printed, spending or not
        return r
    sh.line(r, fmt_title(cfg.get("budget_title_en" if lang == "en" else "budget_title_zh", ""), ctx), bold=True, height=20)
    r += 1
    spans = ncols - len(bcols) > 0
    for i, col in enumerate(bcols):
        sh.cell(r, i + 1, col_title(col, ctx, month=ctx.spend_month), head=True)  # 1-10月执行数 with spending to October
    if spans:
        for k in range(len(bcols) + 1, ncols + 1):
            sh.cell(r, k, None, head=True)
        sh.merge(r, len(bcols), r, ncols)
    sh.ws.row_dimensions[r].height = 30
    r += 1
    funds = fund_rows(ctx)
    for fund in funds:
        vals = _source_values(ctx, fund, lang)
        for i, col in enumerate(bcols):
            k = str(col["key"])
            v = vals.get(k)
            if k in _RATES and v is not None:
                v = rate_cell(v)  # held as shown: never 100.00% for a rate under 100%
            fmt = "0.00%" if k in _RATES else ("#,##0.00" if k != "source" else None)
            sh.cell(r, i + 1, DASH if v is None else v, fmt=fmt if v is not None else None, bold=fund.key is None)
        if spans:
            for k in range(len(bcols) + 1, ncols + 1):
                sh.cell(r, k, None)
            sh.merge(r, len(bcols), r, ncols)
        r += 1
    start = project.execution_start
    scen = ctx.scenario_name or t("baseline_projection", lang)
    note_tpl = str(cfg.get("budget_note_en" if lang == "en" else "budget_note_zh", ""))
    basis = funds[0].year_budget_basis
    exec_ind = project.by_id.get(project.execution_indicator or "")
    same_as = t("budget_note_same_as", lang, name=exec_ind.display_name(lang)) if exec_ind else ""  # only a project that has one
    note = note_tpl.format(start=f"{start[0]}-{start[1]:02d}" if start else DASH, scenario=scen, same_as=same_as,
                           year_budget=t(f"year_budget_basis_{basis}", lang), rule=execution_rule_text(ctx))
    dashes = fund_notes(ctx, funds)
    sh.line(r, note + ("" if not dashes else "\n" + join(dashes, lang, sep_zh="", sep_en=" ")), height=45 + 15 * len(dashes))
    return r + 1


def write_monitoring(wb: Any, ctx: ReportContext, cfg: Mapping[str, Any]) -> Any:
    """The 绩效运行监控表 as a new sheet of ``wb``."""
    lang, project = ctx.lang, ctx.project
    cols = list(cfg["columns"])
    ncols = len(cols)
    ws = wb.create_sheet((cfg.get("sheet_en") if lang == "en" else cfg.get("sheet_zh")) or "monitoring")
    sh = Sheet(ws, ncols)
    sh.title(1, fmt_title(cfg.get("title_en" if lang == "en" else "title_zh", ""), ctx))
    info = t("monitoring_info", lang, name=project.name, name_en=project.name_en or project.name,
             as_of=month_label(ctx.as_of[0], ctx.as_of[1], lang))
    if ctx.is_sample:
        info += t("form_sample_mark", lang)
    sh.line(2, info + "\n" + departments_text(ctx), height=36)
    head_row = 3
    nh = sh.header(head_row, cols, ctx)
    first = head_row + nh
    r = _indicator_rows(sh, ctx, cfg, first)
    r = _budget_part(sh, ctx, cfg, r + 1)
    sh.line(r, text("judgement.monitoring_note", lang, **thresholds_params()), height=45)
    sh.widths([float(c.get("width", 12)) for c in cols])
    ws.freeze_panes = ws.cell(first, 4 if ncols > 3 else 1)
    sh.print_setup(r, f"{head_row}:{head_row + nh - 1}")
    return ws
