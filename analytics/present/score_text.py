"""Sentences of the self-evaluation score, made from the catalogue (``budget.score_*`` keys): why
an indicator got its points, and the CLI's ``score`` JSON with its ``reason_zh``/``reason_en``."""

from __future__ import annotations

from typing import Any, Mapping

from analytics.budget.scoring import ScoreLine, score_data
from analytics.core.model import Project
from analytics.core.series import Actuals, Budget
from analytics.present.catalogue import text
from analytics.present.format import fmt_value

__all__ = ["score_reason", "score_json"]


def score_reason(line: ScoreLine, lang: str = "zh") -> str:
    """Why ``line`` got its points, in ``lang``."""
    p: dict[str, Any] = dict(line.reason_params)
    if line.reason == "execution":
        return text("budget.score_execution", lang, **p)
    if "points" in p:
        p["tail"] = text("budget.score_tail", lang, points=p["points"], points_max=p["points_max"])
    unit = p.get("unit") or ""
    for k in ("actual", "target"):
        if k in p:  # the number with its unit, at the unit's precision (one formatter)
            p[k] = fmt_value(p[k], unit, lang)
    if line.reason in ("higher", "lower"):
        p["limit"] = text(f"budget.score_limit_{p['limit']}", lang, floor=p["floor"]) if p.get("limit") else ""
    return text(f"budget.score_{line.reason}", lang, **p)


def score_json(project: Project, actuals: Actuals, budget: Budget, as_of: tuple[int, int], scenario: Any = None,
               rules: Mapping[str, Any] | None = None, top: int = 10) -> dict[str, Any]:
    """The CLI's ``score`` output (docs/budget.md, "CLI JSON"): the numbers of
    :func:`analytics.budget.scoring.score_data` with each lost point's reason in both languages."""
    payload, res = score_data(project, actuals, budget, as_of, scenario, rules, top)
    for item, line in zip(payload["what_costs_points"], res.what_costs_points):
        item["reason_zh"] = score_reason(line, "zh")
        item["reason_en"] = score_reason(line, "en")
    return payload
