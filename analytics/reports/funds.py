"""The budget figures of the official forms and the written report, by funding source — one
computation so that every document shows the same numbers.

Year figures (titled for the year): 全年预算数 = the year's budget (:mod:`analytics.budget.year_budget`),
1-X月执行数 = this year's spending from January to the data month, 执行率 = their ratio, 年末预计执行率
= the projected spending of the year ÷ the year's budget (after the scenario's 调减/追加).
Cumulative figures (explicitly titled): 项目总预算 (the source's share of the project budget),
累计执行数 since the project start, 累计执行率 = cumulative ÷ total, 年末预计累计执行率.
Rates are fractions (0.25 = 25 %), amounts 万元.
"""

from __future__ import annotations

from dataclasses import dataclass

from analytics.budget.year_budget import year_budget
from analytics.reports.context import ReportContext
from analytics.reports.wording import t


@dataclass(frozen=True)
class FundRow:
    key: str | None  # funding-source key; None = all sources
    name_zh: str
    name_en: str
    total_budget: float  # 项目总预算
    year_budget: float | None  # 全年预算数 (年初: before the scenario's adjustments)
    year_budget_adjusted: float | None  # after the scenario's 调减/追加
    year_budget_basis: str  # "file" | "target" | "mixed" | "none"
    spent_before: float  # 以前年度执行数
    spent_year: float  # this year, January to the data month
    spent_to_date: float  # cumulative since the project start
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


def _row(ctx: ReportContext, key: str | None, name_zh: str, name_en: str, amount: float) -> FundRow:
    b, res, year, month = ctx.ds.budget, ctx.scenario, ctx.year, ctx.month
    keys = None if key is None else [key]
    before = b.spent_by(year - 1, 12, keys)
    to_date = b.spent_by(year, month, keys) if month else before
    yb = year_budget(ctx.project, b, year, key)
    adjusted = yb.amount
    proj_cum: float | None = None
    if res is not None:
        if key is None:
            delta, proj_cum = res.adjusted_budget - res.total_budget, res.year_end_spent
        else:
            s = next((x for x in res.sources if x.source == key), None)
            delta, proj_cum = (s.adjusted_budget - s.budget, s.year_end_cumulative) if s is not None else (0.0, None)
        adjusted = None if yb.amount is None else yb.amount + delta
        total_adj = amount + delta
    else:
        total_adj = amount
        if month == 12:
            proj_cum = to_date
    proj_year = None if proj_cum is None else proj_cum - before
    return FundRow(
        key=key, name_zh=name_zh, name_en=name_en, total_budget=round(amount, 2),
        year_budget=None if yb.amount is None else round(yb.amount, 2),
        year_budget_adjusted=None if adjusted is None else round(adjusted, 2), year_budget_basis=yb.basis,
        spent_before=round(before, 2), spent_year=round(to_date - before, 2), spent_to_date=round(to_date, 2),
        year_rate=_ratio(to_date - before, yb.amount),  # rates of the amounts as computed, as every page and the CLI give them
        cum_rate=_ratio(to_date, amount),
        projected_year_spent=None if proj_year is None else round(proj_year, 2),
        projected_year_rate=_ratio(proj_year, adjusted),
        projected_cum_spent=None if proj_cum is None else round(proj_cum, 2),
        projected_cum_rate=_ratio(proj_cum, total_adj),
    )


def funds_known(ctx: ReportContext) -> bool:
    """Whether the project's money is known at all — funding in its target table, or a budget or
    spending in the data. A table that states none gives its forms ``—``, never 0 万元."""
    return bool(ctx.project.funding_sources) or ctx.ds.budget.has_data or bool(ctx.ds.budget.total)


def fund_rows(ctx: ReportContext) -> list[FundRow]:
    """The total (年度资金总额: the project's budget, as every output has it, even where its sources
    do not add up to it) first, then one row per funding source of the project."""
    project = ctx.project
    sources = [(s.key, s.name, s.name_en or s.name, float(s.amount)) for s in project.funding_sources]
    total = float(ctx.ds.budget.total or 0.0) or sum(a for *_x, a in sources)
    out = [_row(ctx, None, t("total_funds", "zh"), t("total_funds", "en"), total)]
    out += [_row(ctx, k, n, ne, a) for k, n, ne, a in sources]
    return out
