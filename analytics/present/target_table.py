"""The 目标表 page's table for people: every indicator as the official table writes it, with the
meaning read from each value — one column pair (原文 / 解析) per year, the same for every row. A
year that holds a target of any indicator is titled by the year (``2023 原文``); a year holding
only data (a baseline, 2022年数据) is titled so (``2022（数据） 原文``), for every indicator of the
table, whether or not it has a value there.
"""

from __future__ import annotations

from analytics.core.model import Project
from analytics.present.catalogue import text
from analytics.present.format import fmt_parsed_target, fmt_value, unit_name
from analytics.present.labels import category_name, goal_label, indicator_direction, kind_name, origin_name


def year_columns(project: Project) -> list[tuple[int, bool]]:
    """(year, holds targets) of every year of the table, in order."""
    targets = {y for i in project.indicators for y in i.targets}
    every = targets | {y for i in project.indicators for y in i.baseline}
    return [(y, y in targets) for y in sorted(every)]


def target_records(project: Project, lang: str = "zh") -> list[dict[str, str]]:
    """One record per indicator, titled in ``lang``; every record has the same columns."""
    years = year_columns(project)
    spans = sorted({tuple(i.span_years) for i in project.indicators if i.span_years and i.span_target})
    weighted = any(i.points is not None for i in project.indicators)  # the table's 分值 column
    out = []
    for ind in project.indicators:
        rec = {
            text("col_id", lang): ind.id,
            text("col_goal", lang): goal_label(project, ind.goal, lang),
            text("col_level1", lang): category_name(ind.level1, lang),
            text("col_level2", lang): category_name(ind.level2, lang),
            text("col_name", lang): ind.name_raw if lang == "zh" else ind.display_name("en"),
            text("col_unit", lang): unit_name(ind.unit, lang) or "—",
            text("col_kind", lang): kind_name(ind.kind, lang),
            text("col_direction", lang): indicator_direction(ind, lang) or "—",
            text("col_origin", lang): origin_name(ind.origin, lang),
        }
        for y, of_targets in years:
            value = (ind.targets.get(y) or ind.baseline.get(y)) if of_targets else ind.baseline.get(y)
            label = str(y) if of_targets else text("targets_year_data", lang, y=y)
            rec[f"{label} {text('raw_text', lang)}"] = value.raw if value else ""
            rec[f"{label} {text('parsed', lang)}"] = fmt_parsed_target(value, lang) if value else ""
        for first, last in spans:  # a multi-year total (2023-2024), in a column of its own
            rec[f"{first}-{last}"] = ind.span_target.raw if ind.span_target and tuple(ind.span_years or ()) == (first, last) else ""
        if weighted:
            rec[text("col_table_points", lang)] = fmt_value(ind.points, "分", lang) if ind.points is not None else "—"
        out.append(rec)
    return out
