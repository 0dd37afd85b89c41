"""Names of codes in both languages: deviation-cause categories and likelihood levels
(reached as ``"labels.<key>"``).

The cause categories are defined once with the store that validates them and read into the
catalogue here; the likelihood levels' codes are those of ``analytics.forecast.outlook.LIKELIHOOD``
(a test checks every code has its name here). Pages, slides, forms and the CLI name them the
same way.
"""

from __future__ import annotations

from analytics.storage.store import CAUSE_CATEGORIES

STRINGS: dict[str, dict[str, str]] = {
    **{f"cause_{key}": {"zh": zh, "en": en} for key, (zh, en) in CAUSE_CATEGORIES.items()},
    "likelihood_certain": {"zh": "确定能", "en": "Certain"},
    "likelihood_likely": {"zh": "很可能", "en": "Likely"},
    "likelihood_possible": {"zh": "有可能", "en": "Possible"},
    "likelihood_impossible": {"zh": "完全不可能", "en": "Very unlikely"},
}
