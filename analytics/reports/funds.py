"""The budget figures of the official forms and the written report, by funding source — one
computation so that every document shows the same numbers.

Year figures (titled for the year): 全年预算数 = the year's budget (:mod:`analytics.budget.year_budget`),
1-X月执行数 = this year's spending from January to the data month, 执行率 = their ratio, 年末预计执行率
= the projected spending of the year ÷ the year's budget (after the scenario's 调减/追加).
Cumulative figures (explicitly titled): 项目总预算 (the source's share of the project budget),
累计执行数 since the project start, 累计执行率 = cumulative ÷ total, 年末预计累计执行率.
Rates are fractions (0.25 = 25 %), amounts 万元.

A figure the data do not give is None (each form prints ``—`` and says why under its funds, from
:func:`fund_notes`), never 0: what was spent while no spending is recorded, or this year's while
none of the year's is reported; what was spent before the year while no earlier year's is. The
total is the project's budget; when its sources do not hold all of it (the table's total above
their sum) or spending is recorded under a source the table does not list, the rest is a row of
its own, so that the rows always add up to the total.
"""

from __future__ import annotations

from dataclasses import dataclass

from analytics.budget.year_budget import year_budget
from analytics.present.format import fmt_month_set
from analytics.reports.context import ReportContext
from analytics.reports.wording import t


@dataclass(frozen=True)
class FundRow:
    key: str | None  # funding-source key; None = all sources
    name_zh: str
    name_en: str
    total_budget: float | None  # 项目总预算 (None: the table states no funding)
    year_budget: float | None  # 全年预算数 (年初: before the scenario's adjustments)
    year_budget_adjusted: float | None  # after the scenario's 调减/追加
    year_budget_basis: str  # "file" | "target" | "mixed" | "none"
    spent_before: float | None  # 以前年度执行数 (None: no earlier year's spending reported)
    spent_year: float | None  # this year, January to the data month (None: none of the year's reported)
    spent_to_date: float | None  # cumulative since the project start (None: either part unknown)
    year_rate: float | None
    cum_rate: float | None
    projected_year_spent: float | None  # the year's spending at year-end (projected mid-year)
    projected_year_rate: float | None
    projected_cum_spent: float | None
    projected_cum_rate: float | None

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_zh


def _ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or not b else a / b


def _spending_known(ctx: ReportContext) -> tuple[bool, bool]:
    """(this year's spending is known, the spending before the year is known): the year's when
    some of it is reported (:attr:`ReportContext.spend_month`); the earlier years' when the year
    is the first the funds are spent in or spending before it is recorded."""
    b, year = ctx.ds.budget, ctx.year
    if not b.has_data:
        return False, False
    start = ctx.project.execution_start
    first = start is None or year <= start[0]
    before = first or any(y < year and b.counts(y, m) for (y, m) in b.monthly)
    return bool(ctx.month and ctx.spend_month), before


def _row(ctx: ReportContext, key: str | None, name_zh: str, name_en: str, amount: float | None,
         keys: list[str] | None = None) -> FundRow:
    """One row: ``keys`` the sources whose spending it holds (None = every source)."""
    b, res, year, month = ctx.ds.budget, ctx.scenario, ctx.year, ctx.month
    keys = keys if keys is not None else (None if key is None else [key])
    year_known, before_known = _spending_known(ctx)
    before = b.spent_by(year - 1, 12, keys)
    to_date = b.spent_by(year, month, keys) if month else before
    yb = year_budget(ctx.project, b, year, key)
    if amount is None:  # no funding stated: no year's budget either (never 0)
        yb = type(yb)(yb.year, yb.source, None, "none")
    adjusted = yb.amount
    proj_cum: float | None = None
    if res is not None and b.has_data:  # without spending the path is the targets' pace, assumed: no projection
        if key is None:
            delta, proj_cum = res.adjusted_budget - res.total_budget, res.year_end_spent
        else:
            s = next((x for x in res.sources if x.source == key), None)
            delta, proj_cum = (s.adjusted_budget - s.budget, s.year_end_cumulative) if s is not None else (0.0, None)
        adjusted = None if yb.amount is None else yb.amount + delta
        total_adj = None if amount is None else amount + delta
    else:
        total_adj = amount
        if month == 12 and year_known and before_known:
            proj_cum = to_date
    proj_year = None if proj_cum is None else proj_cum - before  # the year's own: whatever came before
    if not before_known:  # the cumulative rests on the earlier years' spending, not reported
        proj_cum = None
    spent_before = round(before, 2) if before_known else None
    spent_year = round(to_date - before, 2) if year_known else None
    spent_to_date = round(to_date, 2) if year_known and before_known else None
    return FundRow(
        key=key, name_zh=name_zh, name_en=name_en, total_budget=None if amount is None else round(amount, 2),
        year_budget=None if yb.amount is None else round(yb.amount, 2),
        year_budget_adjusted=None if adjusted is None else round(adjusted, 2), year_budget_basis=yb.basis,
        spent_before=spent_before, spent_year=spent_year, spent_to_date=spent_to_date,
        year_rate=_ratio(None if spent_year is None else to_date - before, yb.amount),  # rates of the amounts as computed, as every page and the CLI give them
        cum_rate=_ratio(None if spent_to_date is None else to_date, amount),
        projected_year_spent=None if proj_year is None else round(proj_year, 2),
        projected_year_rate=_ratio(proj_year, adjusted),
        projected_cum_spent=None if proj_cum is None else round(proj_cum, 2),
        projected_cum_rate=_ratio(proj_cum, total_adj),
    )


def _difference(total: FundRow, parts: list[FundRow], name_zh: str, name_en: str) -> FundRow | None:
    """The row of what the total holds beyond its sources (money of no listed source, spending
    under a source the table does not list), so the rows add up to the total; None when they do."""
    def rest(field: str) -> float | None:
        whole = getattr(total, field)
        if whole is None or any(getattr(p, field) is None for p in parts):
            return None
        return round(whole - sum(getattr(p, field) for p in parts), 2)

    amounts = ("total_budget", "year_budget", "year_budget_adjusted", "spent_before", "spent_year", "spent_to_date",
               "projected_year_spent", "projected_cum_spent")
    diff = {f: rest(f) for f in amounts}
    if all(v is None or abs(v) <= 0.005 * (len(parts) + 1) for v in diff.values()):  # the rows' rounding only
        return None
    return FundRow(
        key="", name_zh=name_zh, name_en=name_en, total_budget=diff["total_budget"], year_budget=diff["year_budget"],
        year_budget_adjusted=diff["year_budget_adjusted"], year_budget_basis=total.year_budget_basis,
        spent_before=diff["spent_before"], spent_year=diff["spent_year"], spent_to_date=diff["spent_to_date"],
        year_rate=_ratio(diff["spent_year"], diff["year_budget"]), cum_rate=_ratio(diff["spent_to_date"], diff["total_budget"]),
        projected_year_spent=diff["projected_year_spent"], projected_year_rate=_ratio(diff["projected_year_spent"], diff["year_budget_adjusted"]),
        projected_cum_spent=diff["projected_cum_spent"], projected_cum_rate=_ratio(diff["projected_cum_spent"], diff["total_budget"]),
    )


def funds_known(ctx: ReportContext) -> bool:
    """Whether the project's money is known at all — funding in its target table, or a budget or
    spending in the data. A table that states none gives its forms ``—``, never 0 万元."""
    return bool(ctx.project.funding_sources) or ctx.ds.budget.has_data or bool(ctx.ds.budget.total)


def fund_rows(ctx: ReportContext) -> list[FundRow]:
    """The total (年度资金总额: the project's budget, as every output has it, even where its sources
    do not add up to it) first, then one row per funding source of the project, then — when the
    total holds more than its sources — the rest (未列明来源), so that the rows add up."""
    project = ctx.project
    sources = [(s.key, s.name, s.name_en or s.name, float(s.amount)) for s in project.funding_sources]
    total = float(ctx.ds.budget.total or 0.0) or sum(a for *_x, a in sources)
    out = [_row(ctx, None, t("total_funds", "zh"), t("total_funds", "en"), total if funds_stated(ctx) else None)]
    out += [_row(ctx, k, n, ne, a) for k, n, ne, a in sources]
    if sources:
        rest = _difference(out[0], out[1:], t("funds_unlisted", "zh"), t("funds_unlisted", "en"))
        out += [rest] if rest is not None else []
    return out


def funds_stated(ctx: ReportContext) -> bool:
    """Whether there is a budget to print: the table's funding, or year budgets entered for it."""
    return bool(ctx.project.funding_sources) or bool(ctx.ds.budget.total)


def fund_notes(ctx: ReportContext, rows: list[FundRow] | None = None) -> list[str]:
    """Why a funds cell of the forms is ``—`` or what a row holds, one sentence each, in the form's
    language: no spending recorded, none of this year's, none of the years before, months of the
    year not reported, a year's budget that cannot be derived, the row of no listed source."""
    rows = rows if rows is not None else fund_rows(ctx)
    lang, b, year = ctx.lang, ctx.ds.budget, ctx.year
    if not funds_known(ctx):
        return []
    notes = []
    year_known, before_known = _spending_known(ctx)
    if not b.has_data:
        notes.append(t("funds_dash_no_spending", lang))
    elif not year_known:
        notes.append(t("funds_dash_no_spending_year", lang, year=year))
    elif not before_known:
        notes.append(t("funds_dash_no_spending_before", lang, year=year))
    missing = b.missing_months(year, ctx.spend_month) if year_known else ()
    if missing:
        notes.append(t("funds_missing_months", lang, year=year, months=fmt_month_set(list(missing), lang)))
    if not funds_stated(ctx):
        notes.append(t("funds_dash_no_budget", lang))
    elif any(r.year_budget is None for r in rows):
        notes.append(t("funds_dash_year_budget", lang, year=year))
    if any(r.key == "" for r in rows):
        notes.append(t("funds_unlisted_note", lang))
    return notes
