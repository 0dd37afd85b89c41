"""Deviation causes and corrective measures (偏差原因分析及改进措施) as the reports take them.

The categories are the store's (:data:`analytics.present.labels.CAUSE_KEYS`, named in the
catalogue as ``labels.cause_<key>``); a report keeps the Chinese name, which is what the
official forms print.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from analytics.core.model import Project
from analytics.present.catalogue import text
from analytics.present.labels import CAUSE_KEYS, cause_label

# 偏差原因分析 categories of the official monitoring form (in the form's order), by Chinese name.
CAUSE_CATEGORIES: tuple[str, ...] = tuple(text(f"labels.cause_{k}", "zh") for k in CAUSE_KEYS)
_KEY_OF: dict[str, str] = {text(f"labels.cause_{k}", "zh"): k for k in CAUSE_KEYS}
_CAUSE_ALIASES = {
    "funding": "经费保障", "fund": "经费保障", "money": "经费保障", "经费": "经费保障",
    "rules": "制度保障", "system": "制度保障", "institution": "制度保障", "制度": "制度保障",
    "staff": "人员保障", "staffing": "人员保障", "personnel": "人员保障", "人员": "人员保障",
    "hardware": "硬件条件保障", "facilities": "硬件条件保障", "硬件": "硬件条件保障", "硬件条件": "硬件条件保障",
    "other": "其他", "others": "其他",
}


@dataclass(frozen=True)
class Action:
    """A deviation cause and its corrective measure, entered by a user for an indicator or a goal."""

    goal: int | None
    indicator_id: str | None
    cause_category: str  # one of CAUSE_CATEGORIES
    cause_text: str
    measure_text: str

    def category_label(self, lang: str = "zh") -> str:
        key = _KEY_OF.get(self.cause_category)
        return cause_label(key, lang) if key else self.cause_category


def clean_text(value: Any) -> str:
    """Plain text of a user's entry: no control characters, no surrounding blanks."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", str(value)).strip()


def _category(value: Any) -> str:
    name = clean_text(value)
    if name in CAUSE_CATEGORIES:
        return name
    return _CAUSE_ALIASES.get(name.lower(), "其他")


def _goal(value: Any) -> int | None:
    try:
        return int(str(value).replace("目标", "").strip()) if clean_text(value) else None
    except ValueError:
        return None


def actions_of_year(rows: Iterable[Mapping[str, Any]], year: int) -> list[dict[str, Any]]:
    """The stored causes and measures that belong in a report on ``year``: those of that year
    and those not tied to a year (``year`` 0 or empty)."""
    return [dict(r) for r in rows if int(r.get("year") or 0) in (0, year)]


def deviation_actions(actions: Iterable[Mapping[str, Any]] | None = None, project: Project | None = None) -> list[Action]:
    """The deviation causes and corrective measures to report (default: none).

    ``actions`` is a list of dicts ``{goal, indicator_id, cause_category, cause_text,
    measure_text}`` (the data store's ``list_actions()``, or a file given to the CLI). An
    unknown category becomes 其他; the goal is taken from the indicator when missing; entries
    with neither a cause nor a measure are dropped; an indicator id the project does not know
    is kept without the link (goal only). Text is kept as plain text (control characters
    removed)."""
    out: list[Action] = []
    by_id = project.by_id if project is not None else {}
    for item in actions or []:
        if not isinstance(item, Mapping):
            continue
        cause, measure = clean_text(item.get("cause_text")), clean_text(item.get("measure_text"))
        if not cause and not measure:
            continue
        iid = clean_text(item.get("indicator_id")) or None
        goal = _goal(item.get("goal"))
        if project is not None and iid is not None and iid not in by_id:
            iid = None
        if goal is None and iid is not None and iid in by_id:
            goal = by_id[iid].goal
        out.append(Action(goal, iid, _category(item.get("cause_category")), cause, measure))
    return out
