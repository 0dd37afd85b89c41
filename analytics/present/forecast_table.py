"""The 年末预测 decision table for people: one row of display texts per indicator, the decision
columns first (指标, 年度目标, 年末预计, 完成概率, 完成可能性, 当前状态, 预计与目标差, 说明), the
details after them and the id last. The page and its CSV/Excel exports read the same rows, so
units and rounding agree (every cell a text in the indicator's unit; probabilities ``<1%``,
``83%``; no ``None``).

Two rules of presentation live here:

* the run rate (尚需月均, 近期月均) is in the unit of the amounts that run — the budget execution
  rate (%) runs in 万元 a month, see :func:`runrate_unit`;
* an indicator measured periodically (a quarterly survey, detected from its reporting months by
  :func:`analytics.core.reporting.measured_months`) is not extrapolated flat between surveys: its
  level reads 待下次测评 with the last measured value and the next survey month.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any, Iterable, Mapping, Protocol, Sequence

from analytics.core.calendar import still_needed
from analytics.core.model import Indicator, Project
from analytics.core.reporting import between_measurements, cadence, next_measurement
from analytics.core.series import Actuals
from analytics.forecast.outlook import Outlook
from analytics.present import labels
from analytics.present.catalogue import text
from analytics.present.labels import likelihood_plain, likelihood_shown
from analytics.present.forecast_text import method_name, reason_name
from analytics.present.judgement_text import likelihood_reason_text
from analytics.present.format import DASH, fmt_gap, fmt_month_short, fmt_derived, fmt_prob, fmt_target_value, fmt_value, gap_sign
from analytics.rules.progress import IndicatorProgress

#: Reader-friendly names of the likelihood codes (``manager.level_<code>``), the outcomes already
#: known (``met``, ``missed``: :func:`analytics.present.labels.likelihood_shown`), and ``await``.
LEVEL_CODES: tuple[str, ...] = ("met", "certain", "likely", "possible", "impossible", "missed", "await")
#: The levels that are outcomes already known: said without a chance.
OUTCOME_CODES: tuple[str, ...] = ("met", "missed")

#: Screen columns (decision columns first) and export columns (all, the id last): catalogue keys.
SCREEN_COLUMNS: tuple[str, ...] = ("indicator", "target", "forecast", "prob", "level", "status", "gap", "reason")
EXPORT_COLUMNS: tuple[str, ...] = ("indicator", "target", "forecast", "prob_export", "level", "status", "gap", "reason",
                                   "basis", "interval", "required", "recent", "method", "goal", "id")


class ForecastData(Protocol):
    project: Project
    actuals: Actuals


@dataclass(frozen=True)
class ForecastRow:
    """One indicator's row: display texts, plus the level's code (``await`` for 待下次测评)."""

    id: str
    indicator: str
    target: str
    forecast: str
    prob: str
    level: str
    status: str
    gap: str
    reason: str
    interval: str
    required: str
    recent: str
    method: str
    goal: str
    level_code: str | None
    basis: str = DASH  # why the forecast layer gave this level (``Outlook.likelihood_reason``), one sentence
    no_data: bool = False  # no figure (nor check-in) for the year at the as-of month: its status 无数据

    @property
    def prob_export(self) -> str:
        return self.prob


def level_name(code: str | None, lang: str = "zh") -> str:
    """``impossible`` → ``难以完成``; ``met`` → ``已达到目标``; ``await`` → ``待下次测评``; no level → ``—``."""
    return likelihood_plain(code, lang) if code in LEVEL_CODES else DASH


def runrate_unit(project: Project, ind: Indicator) -> str:
    """The unit of 尚需月均 / 近期月均: the indicator's own, except the budget execution rate,
    whose run rate is money (万元 a month)."""
    return "万元" if ind.id == project.execution_indicator else ind.unit


def _every(months: tuple[int, ...], lang: str) -> str:
    return text(f"manager.every_{cadence(months)}", lang)


def _await_reason(ds: ForecastData, ind: Indicator, o: Outlook, lang: str) -> str | None:
    """The 待下次测评 phrase of a periodically measured indicator (None: reported monthly, or its
    year is complete)."""
    months = between_measurements(ds.actuals, ind, o.year, o.data_month, o.method)
    if months is None:
        return None
    last = ds.actuals.obs(ind.id, o.year).latest(o.data_month)
    nxt = next_measurement(ds.actuals, ind.id, o.year, o.data_month)
    if last is None:
        return text("manager.why_await", lang, every=_every(months, lang), last=DASH, value=DASH,
                    next=fmt_month_short(nxt or months[0], lang))
    value = labels.value_said(ind, last[1], lang)  # a check-in's word (部分达成), never its code 0.5
    if nxt is None:
        return text("manager.why_await_done", lang, every=_every(months, lang), last=fmt_month_short(last[0], lang), value=value)
    return text("manager.why_await", lang, every=_every(months, lang), last=fmt_month_short(last[0], lang), value=value,
                next=fmt_month_short(nxt, lang))


def _reason(project: Project, ind: Indicator, o: Outlook, p: IndicatorProgress | None, lang: str) -> str:
    """Why the outlook is what it is, in one short phrase."""
    if o.method == "checkin" and p is not None:  # a qualitative outcome: the check-in that decides it
        return text("manager.why_checkin", lang, month=fmt_month_short(p.data_month or 12, lang),
                    level=labels.value_said(ind, p.actual, lang))
    if ind.kind == "milestone":
        if o.p_attain == 1.0:
            return text("manager.why_milestone_done", lang)
        if o.p_attain == 0.0:
            return text("manager.why_milestone_overdue", lang)
        if o.p_attain is None:
            return text("manager.why_no_forecast", lang, reason=reason_name(o.reason, lang) or DASH)
        return text("manager.why_milestone_due", lang, due=fmt_month_short(ind.due_month or 12, lang))
    if o.point is None:
        return text("manager.why_no_forecast", lang, reason=reason_name(o.reason, lang) or DASH)
    if o.method == "observed_final" or o.likelihood_reason in ("final_met", "final_missed"):
        return text("manager.why_final", lang)  # the year is over: an outcome, no trend
    unit = runrate_unit(project, ind)
    if ind.direction == "lower" and o.required_monthly is not None:  # a cap: what may still happen, never a pace to reach
        if o.required_monthly < 0:
            return text("manager.why_cap_over", lang)
        allowed = fmt_derived(o.required_monthly, unit, lang)
        if o.recent_monthly is None:
            return text("manager.why_allowance_only", lang, allowed=allowed)
        return text("manager.why_allowance", lang, allowed=allowed, recent=fmt_derived(o.recent_monthly, unit, lang))
    if still_needed(o.required_monthly) == 0.0:  # reached already: no pace is needed (never "需月均 -533人次")
        return text("manager.why_met", lang)
    if o.likelihood_reason == "probability_low" and o.required_monthly is not None and o.best_monthly:
        # a probability under 1 % beside 有风险: the pace needed is within the best month ever (judgement rules)
        return text("manager.why_pace_best", lang, required=fmt_derived(o.required_monthly, unit, lang), best=fmt_derived(o.best_monthly, unit, lang))
    if o.required_monthly is not None and o.recent_monthly is not None:
        return text("manager.why_pace", lang, required=fmt_derived(o.required_monthly, unit, lang), recent=fmt_derived(o.recent_monthly, unit, lang))
    if o.required_monthly is not None:
        return text("manager.why_required", lang, required=fmt_derived(o.required_monthly, unit, lang))
    if o.target is None:
        return method_name(o.method, lang)
    side = {-1: "below", 0: "on", 1: "above"}[gap_sign(o.point - o.target, ind.unit)]
    return text(f"manager.why_{'hold' if o.method in ('level_hold', 'level_flat') else 'trend'}_{side}", lang)  # a held value is no trend


def _target(ind: Indicator, o: Outlook, p: IndicatorProgress | None, lang: str) -> str:
    """The target as the other pages say it (``≤5件``, never ``5件`` for a cap; 是 / 效果明显 as
    written); the bare number only without a progress row."""
    if p is not None or ind.kind in ("milestone", "qualitative"):
        return labels.target_said(ind, p, lang)
    return fmt_target_value(o.target, ind.unit, lang)


def forecast_text(ind: Indicator, o: Outlook, lang: str = "zh", *, with_unit: bool = True, p: IndicatorProgress | None = None) -> str:
    """The year-end of ``o`` in the indicator's unit (a milestone: 已实现 / 未实现; a qualitative outcome:
    the check-in of its progress row ``p`` that decides it; ``with_unit=False``: the number alone,
    for a table with a unit column)."""
    if ind.kind == "qualitative":
        x = labels.year_end_point(ind, o.point, o.method, p.actual if p is not None else None)
        return labels.value_said(ind, x, lang) if x is not None else DASH
    if ind.kind == "milestone":
        return labels.value_said(ind, o.point, lang) if o.point is not None else DASH
    return fmt_derived(o.point, ind.unit, lang, with_unit=with_unit)  # worked out: 5.3件 against ≤5件, never 5件


def forecast_row(ds: ForecastData, o: Outlook, p: IndicatorProgress | None, lang: str = "zh") -> ForecastRow:
    """The display row of one outlook (``p``: the indicator's progress row, for its status)."""
    project = ds.project
    ind = project.indicator(o.indicator_id)
    waiting = _await_reason(ds, ind, o, lang)
    unit = runrate_unit(project, ind)
    level = "await" if waiting else likelihood_shown(o.likelihood, o.likelihood_reason)
    measured = o.point is not None and ind.kind != "milestone"
    interval = DASH if o.lower is None or o.upper is None or not measured else \
        f"{fmt_derived(o.lower, ind.unit, lang)} – {fmt_derived(o.upper, ind.unit, lang)}"
    gap = fmt_gap(o.point - o.target, ind.unit, lang, short=True, derived=o.data_month != 12) if measured and o.target is not None and waiting is None else DASH
    method = method_name(o.method, lang) if o.method != "none" else DASH
    return ForecastRow(
        id=ind.id,
        indicator=ind.display_name(lang),
        target=_target(ind, o, p, lang),
        forecast=DASH if waiting else forecast_text(ind, o, lang, p=p),
        prob=DASH if waiting else fmt_prob(o.p_attain, lang),
        level=level_name(level, lang),
        status=labels.status_label(p.status, lang) if p is not None else DASH,
        gap=gap,
        reason=waiting or _reason(project, ind, o, p, lang),
        interval=DASH if waiting else interval,
        required=labels.pace_said(ind, o.required_monthly, lang, unit=unit),
        recent=fmt_derived(o.recent_monthly, unit, lang),
        method=method,
        goal=labels.goal_label(project, ind.goal, lang),
        level_code=level,
        basis=DASH if waiting else (likelihood_reason_text(asdict(o), unit, lang) or DASH),
        no_data=p is not None and p.actual is None,
    )


def forecast_rows(ds: ForecastData, outlooks: Sequence[Outlook], progress: Mapping[str, IndicatorProgress], lang: str = "zh") -> list[ForecastRow]:
    """The display rows of ``outlooks``, in their order."""
    return [forecast_row(ds, o, progress.get(o.indicator_id), lang) for o in outlooks]


def level_counts(rows: Iterable[ForecastRow], lang: str = "zh") -> list[str]:
    """``["很可能完成 3 项", "有风险 17 项", "暂无预测 6 项"]``: how many of ``rows`` are at each level,
    most likely first, then 待下次测评, then those without a forecast (no data yet, or qualitative:
    tracked by check-ins) — every row counted once, so the parts add up to the rows."""
    n = Counter(r.level_code if r.level_code in LEVEL_CODES else None for r in rows)
    parts = [text("likelihood_count", lang, name=level_name(k, lang), n=n[k]) for k in LEVEL_CODES if n[k]]
    if n[None]:
        parts.append(text("likelihood_count", lang, name=text("manager.level_none", lang), n=n[None]))
    return parts


def year_answer(rows: Iterable[ForecastRow], year: int, over: bool, lang: str = "zh") -> str | None:
    """总览's answer to “will the year's targets be met?” in one sentence: the levels of ``rows``
    (:func:`level_counts`, without 暂无预测), then the indicators without a level as a clause —
    those with no data for the year apart from those with data but no forecast (``over``: the year
    is over, so no outcome): ``2026 年已结束：已达到目标 4 项；另有 3 项指标本年没有数据。``,
    ``2026 is over; 8 indicators have no data for the year.`` None without rows."""
    rows = list(rows)
    levelled = [r for r in rows if r.level_code in LEVEL_CODES]
    rest_n = Counter(r.no_data for r in rows if r.level_code not in LEVEL_CODES)
    kinds = ("no_data_final" if over else "no_data", "no_outcome" if over else "no_forecast")
    rest = text("list_sep", lang).join(text(f"year_rest_{kind}", lang, n=rest_n[flag]) for kind, flag in zip(kinds, (True, False)) if rest_n[flag])
    parts = text("list_sep", lang).join(level_counts(levelled, lang))
    key = "year_answer_final" if over else "year_answer"
    if parts and rest:
        return text(key, lang, year=year, parts=text("year_answer_with_rest", lang, parts=parts, rest=rest))
    if parts:
        return text(key, lang, year=year, parts=parts)
    return text(f"{key}_rest", lang, year=year, rest=rest) if rest else None


def column_title(column: str, lang: str = "zh") -> str:
    return text(f"manager.col_{column}", lang)


def table(rows: Sequence[ForecastRow], columns: Sequence[str], lang: str = "zh") -> list[dict[str, Any]]:
    """The rows as records with the columns' titles (``columns``: :data:`SCREEN_COLUMNS` plus
    ``id`` for the page, :data:`EXPORT_COLUMNS` for CSV/Excel)."""
    out = []
    for r in rows:
        values = {**asdict(r), "prob_export": r.prob_export}
        out.append({column_title(c, lang): values[c] for c in columns})
    return out
