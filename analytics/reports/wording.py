"""How the reports write values: numbers with their unit, percentages, targets, statuses, months
and goal names, shared by the slides, the deck and both official forms.

Sentences come from the one catalogue (:mod:`analytics.present.catalogue`, domain ``reports``);
:func:`t` is the short name used in this package. Numbers go through the one formatter,
:mod:`analytics.present.format` (:func:`num`, :func:`pct` are its report-side names).
"""

from __future__ import annotations

from typing import Any

from analytics.core.model import Indicator, Project
from analytics.core.qualitative import level_word
from analytics.present.catalogue import text
from analytics.present.format import DASH, fmt_derived, fmt_month, fmt_pct, fmt_value
from analytics.present.labels import goal_label, milestone_value, status_label


def t(key: str, lang: str, **params: Any) -> str:
    """The catalogue entry ``reports.<key>`` in ``lang``, filled with ``params``."""
    return text(f"reports.{key}", lang, **params)


def num(x: float | None, unit: str = "", nd: int | None = None, lang: str = "zh") -> str:
    """A value in its unit for slides and forms, as readers of ``lang`` say the unit (the one
    formatter, analytics/present/format.py)."""
    return fmt_value(x, unit, lang, decimals=nd)


def pct(x: float | None, nd: int = 1) -> str:
    """A percentage given in percent (``28.4`` → ``28.4%``)."""
    return fmt_pct(x, decimals=nd)


def point_text(ind: Indicator, x: float | None, lang: str) -> str:
    """A forecast of an indicator: as :func:`value_text`, its number worked out (5.3件, never a 5件
    beside 不超过5件 that hides the breach; :func:`~analytics.present.format.fmt_derived`)."""
    if ind.kind in ("milestone", "qualitative"):
        return value_text(ind, x, lang)
    return fmt_derived(x, ind.unit, lang)


def value_text(ind: Indicator, x: float | None, lang: str) -> str:
    """A value of an indicator: 是/否 for milestones, else the number with the unit."""
    if ind.kind == "milestone":  # the forms answer a yes/no with 是 / 否, whatever its target
        return milestone_value(x, lang, wants_no=True)
    if ind.kind == "qualitative":  # 达成 / 部分达成 / 未达成, never the stored code
        return level_word(x, lang) or DASH
    return num(x, ind.unit, lang=lang)


def status_text(status: str, lang: str) -> str:
    """``● 正常`` / ``● On track`` (symbol and name from the rules file)."""
    return status_label(status, lang)


def month_label(y: int, m: int, lang: str) -> str:
    """A month as the pages write it (:func:`~analytics.present.format.fmt_month`: 2025年10月 / Oct 2025)."""
    return fmt_month(y, m, lang)


def goal_name(project: Project, goal: int | None, lang: str) -> str:
    if goal is None:
        return DASH
    return goal_label(project, goal, lang)


def join(parts: list[str], lang: str, sep_zh: str = "；", sep_en: str = "; ") -> str:
    return (sep_en if lang == "en" else sep_zh).join(parts)
