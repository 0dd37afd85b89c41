"""Words of the year-end outlook, made from the catalogue: the names and descriptions of the
forecasting methods and of the reasons no forecast is made (``forecast.*`` keys), the likelihood
levels (``labels.likelihood_*``), and the CLI's ``forecast`` JSON row with its ``*_zh``/``*_en``
fields."""

from __future__ import annotations

from typing import Any

from analytics.core.model import Indicator
from analytics.forecast.outlook import Outlook
from analytics.present.catalogue import CATALOGUE, text
from analytics.present.labels import likelihood_name

__all__ = ["method_name", "method_desc", "reason_name", "likelihood_text", "outlook_json"]


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "zh"


def method_name(code: str, lang: str = "zh") -> str:
    """``seasonal_blend`` → ``季节占比与趋势混合``; an unknown code as it is."""
    key = f"forecast.method_{code}"
    return text(key, _lang(lang)) if key in CATALOGUE else code


def method_desc(code: str, lang: str = "zh") -> str:
    key = f"forecast.method_{code}_desc"
    return text(key, _lang(lang)) if key in CATALOGUE else ""


def reason_name(code: str | None, lang: str = "zh") -> str | None:
    """Why there is no forecast (None without a reason); an unknown code as it is."""
    if code is None:
        return None
    key = f"forecast.reason_{code}"
    return text(key, _lang(lang)) if key in CATALOGUE else code


def likelihood_text(code: str | None, lang: str = "zh") -> str | None:
    """``likely`` → ``很可能`` / ``Likely``; None (JSON null) for no level."""
    return likelihood_name(code, _lang(lang)) if code else None


def outlook_json(o: Outlook, ind: Indicator) -> dict[str, Any]:
    """One row of the CLI's ``forecast`` output (field names and order are the JSON contract;
    the reports read the same row)."""
    return {
        "point": o.point, "lower": o.lower, "upper": o.upper, "p_attain": o.p_attain, "method": o.method,
        "reason": o.reason, "n_prior_years": o.n_prior_years, "path": [list(p) for p in o.path],
        "required_monthly": o.required_monthly, "recent_monthly": o.recent_monthly, "backtest_mape": o.backtest_mape,
        "indicator_id": o.indicator_id, "year": o.year, "target": o.target, "comparator": o.comparator,
        "data_month": o.data_month,
        "likelihood": o.likelihood,
        "likelihood_zh": likelihood_text(o.likelihood, "zh"), "likelihood_en": likelihood_text(o.likelihood, "en"),
        "likelihood_reason": o.likelihood_reason, "best_monthly": o.best_monthly,
        "method_zh": method_name(o.method, "zh"), "method_en": method_name(o.method, "en"),
        "method_desc_zh": method_desc(o.method, "zh"), "method_desc_en": method_desc(o.method, "en"),
        "reason_zh": reason_name(o.reason, "zh"), "reason_en": reason_name(o.reason, "en"),
        "name": ind.name, "name_en": ind.name_en, "unit": ind.unit, "kind": ind.kind, "direction": ind.direction, "goal": ind.goal,
    }
