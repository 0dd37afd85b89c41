"""The section and key of each value column of a table (:func:`value_keys`): targets, actuals,
baseline or the period's target, and the year each holds, from the column's header and the title's
year — a year written in the header first; an actual of a year before every target year is the
baseline; a column naming last year (上年实际完成值) is the year before's baseline and one naming next
year (下年目标值) the year after's target (lexicon ``value_roles.last_year`` / ``next_year``); of two
columns of one section and year the first is kept, except an adjusted target (调整后指标值, lexicon
``value_roles.adjusted``), read after the original so that it counts where it is filled.
"""

from __future__ import annotations

from analytics.ingest.tables.layout import Column, Layout
from analytics.ingest.tables.lexicon import Lexicon

__all__ = ["adjusts", "value_keys"]


def _year_of(col: Column, fallback: int | None) -> str:
    year = col.year or fallback
    return str(year) if year else "?"


def value_keys(layout: Layout, fallback: int | None, lex: Lexicon, adjusted: bool = True) -> list[tuple[Column, str, str]]:
    """(column, section, key) of each value column: section targets / actuals / baseline / span;
    an adjusted target column kept beside the original only when ``adjusted`` (a table in cells, not
    a text rebuilt line by line or a copy whose cells ran together: there the reader guesses which
    column a value is in, and a value beside a blank adjusted cell may land in it)."""
    values = layout.cols("value")
    target_years = [c.year for c in values if c.value_role == "target" and c.year]
    first_target = min(target_years) if target_years else (fallback or 0)
    out, seen = [], set()
    for c in values:
        role = c.value_role or "target"
        last = c.year is None and role in ("actual", "baseline") and bool(lex.last_year and lex.last_year.search(c.header))
        if last:
            role = "baseline"  # 上年实际完成值: last year's figure, keyed the year before (lexicon last_year)
        elif role == "baseline" and c.year and target_years and c.year >= first_target:
            role = "actual"
        elif role == "actual" and c.year and first_target and c.year < first_target:
            role = "baseline"  # 2023年完成值 beside 2024年目标值 (or the title's 2024): the year before, the baseline
        if role == "baseline" and not target_years and not c.year and not last:
            role = "actual"
        section = {"target": "targets", "actual": "actuals", "baseline": "baseline", "span": "span"}[role]
        key = "span" if section == "span" else _year_of(c, fallback if role != "baseline" else None)
        if section == "targets" and c.year is None and fallback and lex.next_year and lex.next_year.search(c.header):
            key = str(fallback + 1)  # 下年目标值 beside 本年目标值 (lexicon next_year)
        if section == "baseline" and key == "?":
            key = str(first_target - 1) if first_target else "?"
        if (section, key) in seen and not (adjusted and section == "targets" and adjusts(c, lex)):
            continue
        seen.add((section, key))
        out.append((c, section, key))
    return sorted(out, key=lambda k: k[1] == "targets" and adjusts(k[0], lex))  # 调整后指标值 read last: it counts


def adjusts(c: Column, lex: Lexicon) -> bool:
    """``c`` is a target column that adjusts the original of its year (调整后指标值, lexicon ``adjusted``)."""
    return bool(lex.adjusted and lex.adjusted.search(c.header))
