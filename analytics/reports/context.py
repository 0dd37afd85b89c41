"""What a report is computed from: :class:`ReportContext` and :func:`build_context`.

Everything a report shows is computed here once — progress, goal roll-up, year-end forecasts
(:mod:`analytics.forecast.outlook`), the budget projection under the chosen scenario
(:func:`analytics.budget.scenario.project_scenario`), the self-evaluation score
(:mod:`analytics.budget.scoring`), data-quality notes and the users' deviation causes and
measures — so the slides, the deck and both forms show the same numbers.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from analytics.budget.scenario import ScenarioError, ScenarioResult, project_scenario
from analytics.budget.scoring import ScoreResult, execution_unknown
from analytics.budget.self_eval import self_evaluation
from analytics.core import calendar as cal
from analytics.core.model import Indicator, Project
from analytics.core.reporting import between_measurements, spend_month, spending_closed
from analytics.forecast.outlook import forecast_all
from analytics.present.forecast_text import likelihood_text, outlook_json
from analytics.present.catalogue import text
from analytics.present.format import shown_number
from analytics.present.labels import department_lines, likelihood_plain, likelihood_shown
from analytics.reports.actions import Action, deviation_actions
from analytics.reports.wording import DASH, t
from analytics.rules.progress import GoalRollup, IndicatorProgress, count_by_status, execution_time_progress, rollup
from analytics.rules.quality import QualityNote
from analytics.storage.dataset import Dataset

# 完成目标可能性: the forecast has four levels (analytics/forecast/outlook.py and
# data/judgement_rules.yaml: ≥95% 确定能, ≥70% 很可能, ≥1% 有可能, 完全不可能 only for targets that
# can no longer be reached); the official form has three. 很可能 is not certain, so it is
# reported as 有可能 (only ≥95% is 确定能). Documented in the README.
FORM_LIKELIHOOD: dict[str, str] = {"certain": "确定能", "likely": "有可能", "possible": "有可能", "impossible": "完全不可能"}
_FORM_LEVEL_KEY = {"确定能": "certain", "有可能": "possible", "完全不可能": "impossible"}


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
    score_basis: str  # "projected" | "actual" | "to_date" | "none" | "unscorable" (no part could be scored)
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

    @property
    def year_over(self) -> bool:
        """Whether the report's year is over (:func:`analytics.core.calendar.year_over`): its
        slides and written report say what happened, not what is forecast."""
        return cal.year_over(self.year, self.as_of)

    @property
    def spend_month(self) -> int:
        """The month of the report's year the spending figures run to (:meth:`Budget.data_month
        <analytics.core.series.Budget.data_month>`), 0 when none of the year's is reported: its
        execution rates are compared with the time gone by then, and a year without spending is
        said to have none (never 1-12月执行数 as of December): :func:`analytics.core.reporting.spend_month`."""
        return spend_month(self.ds.budget, self.year, self.as_of)

    def spending_said(self) -> str:
        """How far the year's spending runs, in the report's words (:func:`~analytics.present.budget_text.spending_to`:
        支出数据截至2025年10月, or 本年尚无支出数据)."""
        from analytics.present.budget_text import spending_to
        from analytics.reports.wording import month_label

        return spending_to(month_label(self.year, self.spend_month, self.lang) if self.spend_month else None, self.lang)

    @property
    def final(self) -> str:
        """``"_final"`` for a year that is over, else ``""``: the suffix of the catalogue keys
        that say what happened (``budget_reached_final``) instead of what is forecast."""
        return "_final" if self.year_over else ""

    @property
    def budget_over(self) -> bool:
        """Whether the report's budget year is closed (:func:`analytics.core.reporting.spending_closed`):
        the year is over and its spending runs to December. As of December with spending to
        October the budget parts keep the projection, said to be one (12月支出尚未报送)."""
        return spending_closed(self.ds.budget, self.year, self.as_of)

    @property
    def budget_pending(self) -> bool:
        """Whether the year is over but its December's spending is not in: the budget's year-end
        is still projected (:attr:`budget_over` is not yet true)."""
        return self.year_over and self.ds.budget.has_data and not self.budget_over

    @property
    def budget_final(self) -> str:
        """``"_final"`` once the budget year is closed (:attr:`budget_over`), else ``""``: the
        suffix of the catalogue keys of the budget parts that say what was spent
        (``budget_reached_final``) instead of what is projected."""
        return "_final" if self.budget_over else ""

    def row(self, indicator_id: str) -> IndicatorProgress | None:
        for r in self.rows:
            if r.indicator_id == indicator_id:
                return r
        return None

    def actions_for(self, indicator_id: str) -> list[Action]:
        return [a for a in self.actions if a.indicator_id == indicator_id]

    def scenario_outputs(self) -> dict[str, tuple[float, float | None]]:
        """:attr:`_scenario_outputs`, worked out once per report (the monitoring form asks per row)."""
        return self._scenario_outputs

    @functools.cached_property
    def _scenario_outputs(self) -> dict[str, tuple[float, float | None]]:
        """Spend-driven outputs whose year-end the 自评表 takes from the scenario's spending
        (``linked_output``) and that read otherwise than the trend forecast the monitoring form
        and the report give: indicator id → (the scenario's value, the forecast's point). Empty
        without a projected score; the baseline's outputs follow the forecast."""
        if self.score is None or self.score_basis != "projected":
            return {}
        by_id = self.project.by_id
        out: dict[str, tuple[float, float | None]] = {}
        for ind_id, got in (self.score.projections or {}).items():
            ind = by_id.get(ind_id)
            if ind is None or got.get("method") != "linked_output" or got.get("projected") is None:
                continue
            point = (self.forecasts.get(ind_id) or {}).get("point")
            if shown_number(got["projected"], ind.unit) != shown_number(point, ind.unit):
                out[ind_id] = (float(got["projected"]), point)
        return out


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
    as_of = as_of or ds.opening_as_of()  # as the app opens: the latest month most have reported
    if year is None:
        year = cal.default_year(ds.years(), as_of)
    month = cal.data_month(year, as_of)
    prog = list(rows) if rows is not None else ds.progress(year, as_of)
    rolls = rollup(project, prog)
    forecasts = {o.indicator_id: outlook_json(o, project.indicator(o.indicator_id)) for o in forecast_all(ds, year, as_of)}

    res, name, note = _projection(ds, as_of, year, lang, scenario)

    if res is not None and project.execution_indicator in forecasts and res.year_end_rate is not None:
        # one number for the budget in every part of a report: the scenario projection
        forecasts[project.execution_indicator] = _execution_forecast(forecasts[project.execution_indicator], res, name)

    sc, basis = self_evaluation(project, ds.actuals, ds.budget, year, as_of, scenario if not note else None, rows=prog, result=res)
    if sc is not None and not sc.scored:  # nothing to score (no 一级指标, or nothing reported): no total, not 0 分 “差”
        basis = "unscorable"  # the lines stay (the 自评表 lists each indicator with its 分值)
    return ReportContext(
        ds=ds, year=year, as_of=as_of, lang=lang, month=month, rows=prog, rollups=rolls, counts=count_by_status(prog),
        forecasts=forecasts, scenario=res, scenario_name=name, scenario_note=note, score=sc, score_basis=basis,
        quality=ds.quality(), actions=deviation_actions(actions, project),
    )


def _projection(ds: Dataset, as_of: tuple[int, int], year: int, lang: str, scenario: Mapping[str, Any] | None
                ) -> tuple[ScenarioResult | None, str, str]:
    """(the budget projection under ``scenario``, its name ("" = baseline), a note when the
    chosen scenario cannot be used and the baseline is shown instead). None for another year,
    without a budget to execute (spending entered for a table that states no funding), and for a
    year none of whose spending is reported (:func:`~analytics.budget.scoring.execution_unknown`:
    other years' pace is no execution of this year, which the score leaves out too)."""
    if not (ds.budget.executable and year == as_of[0]) or execution_unknown(ds.budget, year, as_of):
        return None, "", ""
    try:
        res = project_scenario(ds.project, ds.budget, as_of, scenario, actuals=ds.actuals)
        return res, (res.name if scenario else ""), ""
    except ScenarioError as exc:
        from analytics.present.budget_text import problem_messages

        note = "; ".join(problem_messages(exc.problems, lang))
        return project_scenario(ds.project, ds.budget, as_of, None, actuals=ds.actuals), "", note


def _execution_forecast(fc: dict[str, Any], res: ScenarioResult, scenario_name: str) -> dict[str, Any]:
    """The budget-execution indicator's year-end forecast taken from the chosen scenario's
    projection (analytics/scenario.py), so that the monitoring form, the slides and the
    self-evaluation show the same year-end execution rate."""
    from analytics.forecast.outlook import Estimate, judge

    out = dict(fc)
    point = float(res.year_end_rate or 0.0)
    lo = point if res.year_end_interval[0] is None else float(res.year_end_interval[0])
    hi = point if res.year_end_interval[1] is None else float(res.year_end_interval[1])
    target = res.target_rate
    p = None
    if target is not None:
        p = cal.probability_at_least(point, lo, hi, float(target))
    est = Estimate(point=point, p_attain=p, method="budget_projection", required_monthly=fc.get("required_monthly"),
                   best_monthly=fc.get("best_monthly"))
    key, why = judge(est, res.data_month or 0)
    out.update(point=point, lower=lo, upper=hi, p_attain=p, likelihood=key, likelihood_zh=likelihood_text(key, "zh"),
               likelihood_en=likelihood_text(key, "en"), likelihood_reason=why, reason=None)
    if scenario_name:
        out.update(method="scenario", method_zh=t("method_scenario", "zh", name=scenario_name),
                   method_en=t("method_scenario", "en", name=scenario_name))
    return out


def execution(ctx: ReportContext) -> tuple[float | None, float | None, float | None]:
    """(execution rate at the data month, time progress at that month, the year's target)."""
    b, project = ctx.ds.budget, ctx.project
    if not b.has_data or not ctx.month:
        return None, None, project.execution_targets.get(ctx.year)
    dm = b.data_month(ctx.year, ctx.month)
    rate = b.execution_levels(ctx.year).get(dm) if dm else None
    dm = dm or ctx.month
    target = project.execution_targets.get(ctx.year)
    return rate, execution_time_progress(project, b, ctx.year, dm), target


def likelihood_levels(ctx: ReportContext, ind: Indicator) -> tuple[str | None, str]:
    """(form level 确定能/有可能/完全不可能 or None, the label shown on slides in the pages' plain
    words — 基本确定 / 很可能完成 / 有风险 / 难以完成, 已达到目标 / 未达到目标 once the outcome is
    known, 待下次测评 for a survey between two measurements, as on 年末预测; the official form keeps
    its level)."""
    fc = ctx.forecasts.get(ind.id) or {}
    row = ctx.row(ind.id)
    key = fc.get("likelihood")
    if key is None and row is not None and row.status == "done":
        key = "certain"
    if key is None and row is not None and row.status == "missed":
        key = "impossible"
    if awaiting(ctx, ind):  # as 年末预测 says: no year-end between two surveys (a qualitative check-in's too)
        return (FORM_LIKELIHOOD[key] if key else None), likelihood_plain("await", ctx.lang)
    if key is None:
        return None, DASH
    shown = likelihood_shown(key, fc.get("likelihood_reason"))  # 已达到目标 once the outcome is known
    return FORM_LIKELIHOOD[key], likelihood_plain(shown, ctx.lang)  # the slides say what the pages say


def awaiting(ctx: ReportContext, ind: Indicator) -> bool:
    """Whether the slides show no year-end forecast for ``ind`` (待下次测评, as 年末预测 does)."""
    fc = ctx.forecasts.get(ind.id) or {}
    return bool(fc) and between_measurements(ctx.ds.actuals, ind, ctx.year, fc.get("data_month") or 0, fc.get("method") or "") is not None


def form_likelihood(key: str | None) -> str | None:
    """The official form's 完成目标可能性 (3 levels) for an outlook likelihood key (4 levels)."""
    return FORM_LIKELIHOOD.get(key) if key else None


def form_level_name(level: str | None, lang: str) -> str:
    """A level of the form's 完成目标可能性 in ``lang`` (``—`` for none)."""
    if not level:
        return DASH
    key = _FORM_LEVEL_KEY.get(level)
    return t(f"form_level_{key}", lang) if key else level


#: The departments of the target table, in its order: project.yaml key → catalogue label key.
def departments_text(ctx: ReportContext, sep: str = "　　") -> str:
    """The departments the project names (:func:`analytics.present.labels.department_lines`: 中央主管部门,
    a table's 主管部门 / 实施单位, the finance departments), one line on both forms."""
    return (sep if ctx.lang == "zh" else "; ").join(
        text("label_value", ctx.lang, label=label, value=name) for label, name in department_lines(ctx.project, ctx.lang))


def execution_rule_text(ctx: ReportContext) -> str:
    """How the execution points were scored (the rule of data/scoring_rules.yaml in force)."""
    from analytics.budget.scoring import execution_rule

    rule = ctx.score.execution_rule if ctx.score is not None else execution_rule()
    return t(f"execution_rule_{rule}", ctx.lang)


def over_achieved(ctx: ReportContext, ind: Indicator) -> tuple[float, str] | None:
    """(ratio to the target, "actual" | "forecast") when the indicator is 超额较多 (an actual or
    year-end forecast ≥ the cut-off of data/judgement_rules.yaml × the annual target), else None."""
    from analytics.forecast.outlook import over_achievement

    row = ctx.row(ind.id)
    if row is None or row.target is None or ind.id == ctx.project.execution_indicator:
        return None
    fc = ctx.forecasts.get(ind.id) or {}
    return over_achievement(ind.direction, ind.kind, row.target, row.actual, fc.get("point"))

