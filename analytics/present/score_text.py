"""Sentences of the self-evaluation score, made from the catalogue (``budget.score_*`` keys): why
an indicator got its points, and the CLI's ``score`` JSON with its ``reason_zh``/``reason_en``."""

from __future__ import annotations

from typing import Any, Mapping

from analytics.budget.score_results import ScoreLine, ScoreResult
from analytics.budget.self_eval import score_data
from analytics.core.calendar import year_over
from analytics.core.model import Project
from analytics.core.series import Actuals, Budget
from analytics.present.catalogue import text
from analytics.present.format import apportion_points, fmt_derived, fmt_month, fmt_month_set, fmt_month_short, fmt_pct, fmt_prob, fmt_target_value, fmt_value

__all__ = ["coverage_text", "gap_note", "over_budget_text", "score_reason", "score_json", "score_parts", "total_said",
           "unscored_reason"]


def total_said(total: float | None, lang: str = "zh") -> str:
    """The 绩效自评 total as the 自评表 prints it, on every page, form, slide and report: two
    decimals (``94.95``; one decimal read ``94.9`` beside the form's 94.95, and ``90.0`` beside 良
    for 89.96); ``—`` for none."""
    return fmt_value(total, "", lang, decimals=2)


def score_reason(line: ScoreLine, lang: str = "zh") -> str:
    """Why ``line`` got its points, in ``lang``."""
    p: dict[str, Any] = dict(line.reason_params)
    if line.reason in ("execution", "execution_year"):  # a year the project sets no execution target for: the default, said
        key = "budget.score_execution_default" if p.get("default_target") and line.reason == "execution" else f"budget.score_{line.reason}"
        now = text("budget.score_execution_now", lang, now=fmt_pct(p["projected_from"], lang, 2)) if p.get("projected_from") is not None else ""
        return _joined([text(key, lang, **p), now, over_budget_text(line, lang)], lang)
    if line.reason == "no_part" and not p.get("level"):
        return text("budget.score_no_level", lang)
    if "points" in p:
        p["tail"] = text("budget.score_tail", lang, points=p["points"], points_max=p["points_max"])
    unit = p.get("unit") or ""
    projected = "projected_from" in p
    for k in ("actual", "target"):
        if k in p:  # the number with its unit, at the unit's precision (one formatter); a projection is worked out, not counted;
            # the target as the tables write it (12.4万人)
            p[k] = fmt_target_value(p[k], unit, lang) if k == "target" else fmt_derived(p[k], unit, lang) if projected else fmt_value(p[k], unit, lang)
    # what was reported, or the year-end the projection gives (a score to come), and what is reported now
    p["actual_word"] = text("budget.score_projected" if projected else "budget.score_actual", lang)
    if p.get("projected_from") is not None and "actual" in p:
        p["actual"] = text("budget.score_now", lang, value=p["actual"], current=fmt_value(p["projected_from"], unit, lang))
    p["actual_word_cap"] = p["actual_word"][:1].upper() + p["actual_word"][1:]
    if line.reason in ("higher", "lower"):
        p["limit"] = text(f"budget.score_limit_{p['limit']}", lang, floor=p["floor"]) if p.get("limit") else ""
    if line.reason == "milestone_missed" and p.get("open"):  # not yet achieved, nor overdue: as it stands, with its likelihood
        return text("budget.score_milestone_open", lang, due=fmt_month_short(int(p["due"]), lang), p=fmt_prob(p.get("p_attain"), lang), tail=p["tail"])
    gap = _gap_text(line.rule, p, lang)
    if line.reason in ("gap_shared", "gap_zero"):
        return text(f"budget.score_{line.reason}", lang, gap=gap)
    return _joined([text(f"budget.score_{line.reason}", lang, **p), gap], lang)


def _gap_text(rule: str, p: Mapping[str, Any], lang: str) -> str:
    """The months a flow's figures miss before months given (the status's words,
    ``progress.gap_*``): what those add up to, and whether they settle the year; "" without a gap."""
    if not p.get("gap_missing"):
        return ""
    key = "gap_open" if not p.get("gap_settled") else ("gap_settled_met" if rule == "higher" else "gap_settled_cap")
    return text(f"progress.{key}", lang, missing=fmt_month_set(p["gap_missing"], lang), given=fmt_month_set(p.get("gap_given") or [], lang),
                total=fmt_value(p.get("gap_total"), p.get("unit") or "", lang))


def gap_note(line: ScoreLine, lang: str = "zh") -> str:
    """The months missing before the months given of a flow scored on those (they settle its
    year), in the status's words; "" without."""
    return _gap_text(line.rule, line.reason_params, lang)


def over_budget_text(line: ScoreLine, lang: str = "zh") -> str:
    """That the execution line's spending exceeds the budget (a rate above 100 %, said by the rule
    ``execution_over_budget: note``), or ""."""
    over = line.reason_params.get("over_budget")
    return "" if over is None else text("budget.score_over_budget", lang, over=over)


def _joined(sentences: list[str], lang: str) -> str:
    return (" " if lang == "en" else "").join(s for s in sentences if s)


def coverage_text(res: ScoreResult, lang: str = "zh") -> str:
    """How many indicators the score rests on, said: ``得分按 13 项有数据的指标计算（共 40 项）；27 项
    尚无数据，其分值由同级其他指标分摊，得分可能偏乐观。``; empty when nothing was scored."""
    c = res.coverage()
    if not res.scored or not c["all"]:
        return ""
    if not c["no_data"]:
        return text("budget.score_coverage_all", lang, **c)
    rule = text("budget.score_coverage_zero" if res.options.get("no_data") == "zero" else "budget.score_coverage_shared", lang)
    return text("budget.score_coverage", lang, rule=rule, **c)


def _left_out_why(part: Mapping[str, Any], name: str, lang: str) -> str:
    """Why a part is left out of the total: the execution part's own reason (no spending recorded,
    or none of the year's), else that no indicator of it can be scored."""
    if part.get("reason"):
        return text("budget.score_part_empty_why_reason", lang, why=text(f"budget.score_{part['reason']}", lang, **(part.get("reason_params") or {})))
    return text("budget.score_part_empty_why", lang, name=name)


def score_parts(parts: list[Mapping[str, Any]], lang: str = "zh") -> list[dict[str, Any]]:
    """The parts of a score as shown (the budget page's chart, the CLI's table): name, points, the
    points lost, and for a part left out of the total (no indicator could be scored, the total
    rescaled to 100: ``empty_part: rescale``) no points and none lost, its name saying so and ``why``
    the sentence that explains it (empty for the other parts). Points are to two places, the
    points lost apportioned so that the parts add up to the total as printed. ``parts``
    are :meth:`~analytics.budget.scoring.ScoreResult.part_rows` (the CLI JSON's parts)."""
    out = []
    shown = iter(apportion_points([(float(p["points_max"]), float(p["points"] or 0.0)) for p in parts if not p.get("left_out")]))
    for p in parts:
        name = str(p["name_en" if lang == "en" else "name_zh"])
        left = bool(p.get("left_out"))
        _max, points = (None, None) if left else next(shown)  # the parts as shown add up to the total as shown
        out.append({"part": text("budget.score_part_empty", lang, name=name) if left else name,
                    "points": points, "points_max": p["points_max"],
                    "lost": 0.0 if left else round(float(p["points_max"]) - points, 2), "left_out": left,
                    "why": _left_out_why(p, name, lang) if left else ""})
    return out


def score_json(project: Project, actuals: Actuals, budget: Budget, as_of: tuple[int, int], scenario: Any = None,
               rules: Mapping[str, Any] | None = None, top: int = 10) -> dict[str, Any]:
    """The CLI's ``score`` output (docs/budget.md, "CLI JSON"): the numbers of
    the score the reports' 自评表 shows (:func:`analytics.budget.self_eval.score_data`) with each lost point's reason in both languages."""
    payload, res = score_data(project, actuals, budget, as_of, scenario, rules, top)
    for item, line in zip(payload["what_costs_points"], res.what_costs_points):
        item["reason_zh"] = score_reason(line, "zh")
        item["reason_en"] = score_reason(line, "en")
    over = next((ln for ln in res.lines if ln.part == "execution" and ln.reason_params.get("over_budget") is not None), None)
    if over is not None:  # spending above the budget costs no points by the rules, but is said
        payload["over_budget_zh"], payload["over_budget_en"] = over_budget_text(over, "zh"), over_budget_text(over, "en")
    if not res.scored:  # why there is no score (total null)
        payload["reason_zh"], payload["reason_en"] = unscored_reason(res, "zh"), unscored_reason(res, "en")
    else:
        payload["basis_zh"], payload["basis_en"] = (basis_text(payload["basis"], as_of, lang) for lang in ("zh", "en"))
        payload["coverage_zh"], payload["coverage_en"] = coverage_text(res, "zh"), coverage_text(res, "en")
    return payload


def basis_text(basis: str, as_of: tuple[int, int], lang: str = "zh", year: int | None = None) -> str:
    """What a score of ``year`` (the as-of year unless given) rests on, in the 自评表's own words
    (its basis line): a projection as of the month (年中测算 / 年末测算 while December is not in for
    all), actuals to date, or the year's; ``""`` for a score with no basis to say."""
    if basis not in ("projected", "to_date", "actual"):
        return ""
    final = "_final" if basis == "projected" and year_over(int(year or as_of[0]), as_of) else ""
    return text(f"reports.self_eval_basis_{basis}{final}", lang,
                as_of=fmt_month(int(as_of[0]), int(as_of[1]), lang))


def unscored_reason(res: ScoreResult, lang: str = "zh") -> str:
    """Why no part of ``res`` could be scored: the indicators name no 一级指标 the rules score
    (a list copied from a web page), or nothing has been reported yet."""
    lines = [ln for ln in res.lines if ln.part != "execution"]
    placeless = bool(lines) and all(ln.reason == "no_part" for ln in lines)
    execution = next((p for p in res.parts if p.key == "execution" and not p.empty), None)
    tail = text("budget.score_execution_only", lang, points=execution.points, points_max=execution.points_max) if execution else ""
    return text("budget.score_nothing" if placeless else "budget.score_nothing_yet", lang) + tail
