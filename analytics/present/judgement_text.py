"""Sentences for the 完成目标可能性 reasons and over-achievement (catalogue ``judgement.*``),
with numbers through the one formatter (:mod:`analytics.present.format`)."""

from __future__ import annotations

from typing import Any, Mapping

from analytics.forecast.outlook import judgement_rules
from analytics.present.catalogue import text
from analytics.present.format import fmt_derived, fmt_pct, fmt_prob

__all__ = ["likelihood_reason_text", "over_achievement_text", "prob_text", "thresholds_params"]


def thresholds_params() -> dict[str, Any]:
    """The thresholds of data/judgement_rules.yaml as the templates show them."""
    r = judgement_rules()
    lk, over = r["likelihood"], r["over_achievement"]
    return {"certain": fmt_pct(100 * lk.get("certain_min", 0.95), decimals=0),
            "likely": fmt_pct(100 * lk.get("likely_min", 0.70), decimals=0),
            "cut": fmt_pct(100 * lk.get("impossible_below", 0.01), decimals=0),
            "factor": lk.get("run_rate_factor", 2.0), "over": fmt_pct(100 * over.get("ratio_min", 1.3), decimals=0)}


def likelihood_reason_text(fc: Mapping[str, Any], unit: str, lang: str = "zh") -> str:
    """Why a forecast row (the CLI's forecast JSON row) got its level; "" without one."""
    code = fc.get("likelihood_reason")
    if not code:
        return ""
    req, best = fc.get("required_monthly"), fc.get("best_monthly")
    if code in ("probability_below", "probability_low") and (req is None or best is None):
        code += "_plain"
    return text(f"judgement.reason_{code}", lang, p=prob_text(fc.get("p_attain"), lang), required=fmt_derived(req, unit, lang),
                best=fmt_derived(best, unit, lang), **thresholds_params())


def prob_text(p: float | None, lang: str = "zh") -> str:
    """A probability in a sentence: 不足1% / 超过99% in Chinese (``<1%`` / ``>99%`` in tables)."""
    s = fmt_prob(p)
    if lang == "zh" and s.startswith("<"):
        return "不足" + s[1:]
    if lang == "zh" and s.startswith(">"):
        return "超过" + s[1:]
    return "under " + s[1:] if s.startswith("<") else ("over " + s[1:] if s.startswith(">") else s)


def over_achievement_text(ratio: float, basis: str, lang: str = "zh") -> str:
    """超额较多：… of the target, asking for the deviation's explanation."""
    return text(f"judgement.over_{basis}", lang, ratio=fmt_pct(100 * ratio, decimals=0))
