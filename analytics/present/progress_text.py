"""Sentences of a progress row, made from the catalogue (``progress.*`` keys): why an indicator
has its status, with the numbers behind it (the CLI's ``explain_zh``/``explain_en``, the
pages' explanation lines)."""

from __future__ import annotations

import math
from typing import Any

from analytics.core.calendar import milestone_achieved, wants_no
from analytics.core.model import Indicator, Project
from analytics.core.qualitative import CODES, level_of, level_word
from analytics.present.catalogue import text
from analytics.present.format import fmt_derived, fmt_gap, fmt_month, fmt_month_set, fmt_value
from analytics.present.labels import status_label, target_value_said
from analytics.rules.progress import IndicatorProgress, count_by_status, load_rules

__all__ = ["changes", "explain"]

#: From this many indicators with their first data this month, 总览 says how many (by status) in
#: one line instead of one ``○ 无数据 → ✔ 已完成`` line each (a 自评表's December, a first import).
FIRST_DATA_GROUPED = 4


def _quantity(x: float | None, unit: str, lang: str) -> str:
    return fmt_value(x, unit, lang)


def _body(ind: Indicator, p: IndicatorProgress, lang: str) -> str:
    if ind.kind == "milestone":
        if wants_no(p.target):  # 是否存在质量问题 | 否
            return text("progress.milestone_no_broken" if milestone_achieved(p.actual) else "progress.milestone_no_holding", lang)
        key = "milestone_done" if milestone_achieved(p.actual) else "milestone_open"
        if key == "milestone_done" and p.extra.get("done_late"):
            key = "milestone_done_late"
        return text(f"progress.{key}", lang, due=ind.due_month or 12, done=p.extra.get("done_late") or "")
    if ind.kind == "qualitative":  # a check-in, never a number
        return text("judgement.qualitative_checkin", lang, month=p.data_month or 0, level=level_word(p.actual, lang) or "—")
    unit = ind.unit
    span = ind.span_years if ind.derived_from else None
    body = text(
        "progress.values_span" if span else "progress.values", lang,
        when=fmt_month(p.year, p.data_month or 1, lang) if p.data_month else str(p.year),
        first=span[0] if span else "", last=span[1] if span else "",
        actual=_quantity(p.actual, unit, lang), expected=fmt_derived(p.expected, unit, lang),
        target=target_value_said(ind, p, lang),  # as the tables write it: 12.4万人, never 12.40万人
        cmp=text(f"progress.cmp_{p.comparator}", lang) if p.comparator in (">=", "<=", ">", "<", "=") else "",
    )
    if lang != "zh":
        body = body.replace("  ", " ")
    if p.gap_pp is not None:
        body += text("progress.gap_pp", lang, gap=fmt_gap(p.gap_pp, "%", lang))
    elif p.ratio is not None and math.isfinite(p.ratio):
        body += text("progress.ratio_lower" if ind.direction == "lower" else "progress.ratio", lang, ratio=p.ratio)
    return body


def explain(ind: Indicator, p: IndicatorProgress, lang: str = "zh", rules: dict[str, Any] | None = None) -> str:
    """Plain-language reason for the status of ``p``, with the numbers behind it."""
    rules = rules or load_rules()
    info = rules["statuses"][p.status]
    lang = "en" if lang == "en" else "zh"
    gap = _gap(ind, p, lang)
    if p.status == "no_data" and gap:
        return text("progress.explain", lang, status=info[lang], body=gap, help="")
    if p.status in ("no_target", "no_data"):
        return str(info[f"help_{lang}"])
    help_ = _checkin_help(rules, lang) if ind.kind == "qualitative" and _by_checkin(rules, p) else info[f"help_{lang}"]
    body = _body(ind, p, lang) + (gap if lang == "zh" or not gap else " " + gap)
    return text("progress.explain", lang, status=info[lang], body=body, help=help_)


def _gap(ind: Indicator, p: IndicatorProgress, lang: str) -> str:
    """The months a flow's year-to-date cannot be summed across, and what the months given after
    them already settle (a cap broken, a target met) — empty without such a gap."""
    missing = p.extra.get("missing_months")
    if not missing:
        return ""
    key = "gap_open"
    if p.extra.get("settled_by_given"):
        key = "gap_settled_met" if ind.direction == "higher" else "gap_settled_cap"
    return text(f"progress.{key}", lang, missing=fmt_month_set(missing, lang),
                given=fmt_month_set(p.extra.get("given_months") or [], lang),
                total=_quantity(p.extra.get("least_total" if p.extra.get("settled_by_given") else "given_sum"), ind.unit, lang))


def _by_checkin(rules: dict[str, Any], p: IndicatorProgress) -> bool:
    """Whether a qualitative row has the status its latest check-in gives by the check-in rules
    (部分达成 → 关注), not one of a rule before them (the year's result: 部分达成 in December → 未完成)."""
    level = level_of(p.actual)
    return any(r.get("when") == f"checkin_{level}" and r.get("status") == p.status and "qualitative" in (r.get("kinds") or [])
               for r in rules.get("rules") or [])


def _checkin_help(rules: dict[str, Any], lang: str) -> str:
    """How a check-in gives a qualitative indicator its status, from the rules in force:
    ``定性指标按最近一次评价判断：达成为已完成，部分达成为关注，未达成为滞后。``"""
    parts = []
    for r in rules.get("rules") or []:
        level = str(r.get("when") or "").removeprefix("checkin_")
        if "qualitative" in (r.get("kinds") or []) and level in CODES:
            parts.append(text("progress.checkin_maps", lang, level=level_word(CODES[level], lang),
                              status=rules["statuses"][r["status"]][lang]))
    return text("progress.checkin_help", lang, parts=text("list_sep", lang).join(parts)) if parts else ""


def changes(project: Project, rows: list[IndicatorProgress], lang: str = "zh", rules: dict[str, Any] | None = None) -> list[str]:
    """总览's changes since last month, one line each: ``名称：▲ 关注 → ■ 滞后``; indicators with
    their first data this month, when there are :data:`FIRST_DATA_GROUPED` or more, in one line
    by status (``本月首次有数据的指标 9 项：✔ 已完成 9 项``) after the others."""
    changed = [r for r in rows if r.previous_status and r.previous_status != r.status]
    first = [r for r in changed if r.previous_status == "no_data"]
    first = first if len(first) >= FIRST_DATA_GROUPED else []
    lines = [text("changes_from_to", lang, name=project.indicator(r.indicator_id).display_name(lang),
                  old=status_label(r.previous_status, lang, rules), new=status_label(r.status, lang, rules))
             for r in changed if r not in first]
    if first:
        parts = [text("likelihood_count", lang, name=status_label(k, lang, rules), n=n) for k, n in count_by_status(first).items() if n]
        lines.append(text("changes_first_data", lang, n=len(first), parts=text("list_sep", lang).join(parts)))
    return lines
