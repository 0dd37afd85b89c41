"""The 目标进展 table for people: one row of display texts per indicator, grouped by 一级/二级指标 in
the table's own order, the decision columns first (指标, 年度目标, 当前完成, 完成可能性, 当前状态,
与序时差距, 完成率) and the details after them (序时应达, 年末预计, 完成概率, …, the id last). The page
and its CSV/Excel exports read the same rows.

Two rules of presentation live here:

* the likelihood, the chance and the year-end are 年末预测's own
  (:class:`analytics.present.forecast_table.ForecastRow`), so a survey between measurements reads
  待下次测评 here as there;
* in Chinese a unit is short (万人次) and stays inside the cell; in English it gets its own column
  (``inline=False``), except a percentage gap, which would be ambiguous without its ``pp``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Protocol, Sequence

from analytics.core.model import Project
from analytics.core.series import Actuals
from analytics.forecast.outlook import Outlook
from analytics.present.catalogue import text
from analytics.present.forecast_table import OUTCOME_CODES, ForecastRow, forecast_text
from analytics.present.format import DASH, fmt_gap, fmt_month, unit_name
from analytics.present.labels import attainment_said, category_name, expected_said, goal_label, origin_name, status_label, target_said, value_said
from analytics.present.progress_text import explain
from analytics.rules.progress import IndicatorProgress

#: Every column (catalogue ``col_<key>``), in the exports' order; the id last.
COLUMNS: tuple[str, ...] = ("name", "target", "actual", "likelihood", "status", "gap", "attain", "expected", "forecast", "p", "unit",
                            "goal", "level1", "level2", "data_month", "origin", "why", "id")
#: The columns on screen (1440 px wide): decision columns first, the unit only in English.
SCREEN: tuple[str, ...] = ("name", "unit", "target", "actual", "likelihood", "status", "gap", "attain")
#: The details shown under a picked row.
DETAILS: tuple[str, ...] = ("expected", "forecast", "data_month", "goal")


class GoalData(Protocol):
    project: Project
    actuals: Actuals


@dataclass(frozen=True)
class GoalRow:
    """One indicator's row: ``cells`` by column key (display texts), plus what filters it."""

    id: str
    goal: int
    status: str
    level1: str  # as written (— when none): the table's order and the 一级指标 filter
    level2: str
    cells: Mapping[str, str]

    def __getitem__(self, key: str) -> str:
        return self.cells[key]


def column_title(key: str, lang: str = "zh") -> str:
    """``attain`` → ``完成率``; ``p`` → ``完成概率`` (the chance, without the export's ``（%）``)."""
    if key == "p":
        return text("col_p_pct", lang).replace("（%）", "").replace(" (%)", "")
    return text(f"col_{key}", lang)


def likelihood_cell(row: ForecastRow | None) -> str:
    """``很可能完成 83%``; ``待下次测评``; a level without a chance alone, and an outcome (已达到目标 /
    未达到目标: no chance of what already happened); ``—``."""
    if row is None or row.level == DASH:
        return DASH
    return row.level if row.prob == DASH or row.level_code in OUTCOME_CODES else f"{row.level} {row.prob}"


def screen_columns(lang: str) -> list[str]:
    """The keys on screen in ``lang`` (the unit column in English only)."""
    return [k for k in SCREEN if k != "unit" or lang != "zh"]


def goal_rows(ds: GoalData, progress: Sequence[IndicatorProgress], outlooks: Mapping[str, Outlook],
              view: Mapping[str, ForecastRow], year: int, lang: str = "zh", goal: int = -1,
              rules: dict[str, Any] | None = None) -> list[GoalRow]:
    """The rows of ``goal`` (-1: every indicator; 0: the project as a whole) in the table's order
    (一级, 二级 as first met, then the indicator's own place). ``view``: 年末预测's rows by id."""
    project = ds.project
    inline = lang == "zh"
    by_id = project.by_id
    out: list[tuple[tuple[int, int, int], GoalRow]] = []
    l1_order = {v: i for i, v in enumerate(dict.fromkeys(ind.level1 or DASH for ind in project.indicators))}
    l2_order = {v: i for i, v in enumerate(dict.fromkeys(ind.level2 or DASH for ind in project.indicators))}
    for r in progress:
        ind = by_id[r.indicator_id]
        if goal != -1 and ind.goal != goal:
            continue
        unit, milestone, checkin = ind.unit, ind.kind == "milestone", ind.kind == "qualitative"
        said = inline or unit == "%"  # beside the unit column a percentage keeps its sign, as its target and gap do
        o, v = outlooks.get(ind.id), view.get(ind.id)
        cells = {
            "name": ind.display_name(lang),
            "target": target_said(ind, r, lang, unit=unit if inline else ""),
            "actual": value_said(ind, r.actual, lang, with_unit=said),
            "likelihood": likelihood_cell(v),
            "status": status_label(r.status, lang, rules),
            "gap": DASH if milestone or checkin else fmt_gap(r.gap, unit, lang, short=True, with_unit=said, derived=True),
            "attain": attainment_said(ind, r, lang),
            "expected": expected_said(ind, r.expected, lang, with_unit=said),
            "forecast": DASH if milestone or checkin or o is None or v is None or v.forecast == DASH else forecast_text(ind, o, lang, with_unit=said),
            "p": DASH if v is None else v.prob,
            "unit": unit_name(unit, lang) or DASH,
            "goal": goal_label(project, ind.goal, lang),
            "level1": category_name(ind.level1, lang) or DASH,
            "level2": category_name(ind.level2, lang) or DASH,
            "data_month": fmt_month(year, r.data_month, lang) if r.data_month else DASH,
            "origin": origin_name(ind.origin, lang),
            "why": explain(ind, r, lang, rules),
            "id": ind.id,
        }
        l1, l2 = ind.level1 or DASH, ind.level2 or DASH
        out.append(((l1_order[l1], l2_order[l2], ind.seq), GoalRow(ind.id, ind.goal, r.status, l1, l2, cells)))
    return [row for _, row in sorted(out, key=lambda kr: kr[0])]


def records(rows: Sequence[GoalRow], lang: str = "zh") -> list[dict[str, str]]:
    """The rows as records titled for the screen (every column, :data:`COLUMNS` order)."""
    return [{column_title(k, lang): row[k] for k in COLUMNS} for row in rows]


def export_records(rows: Sequence[GoalRow], lang: str = "zh") -> list[dict[str, str]]:
    """The rows for CSV/Excel: every column, the rate and the chance as plain numbers under
    ``完成率（%）`` / ``完成概率（%）`` (a spreadsheet sums them), the unit column in both languages."""
    titles = {k: column_title(k, lang) for k in COLUMNS} | {"attain": text("col_attain_pct", lang), "p": text("col_p_pct", lang)}
    out = []
    for row in rows:
        rec = {}
        for k in COLUMNS:
            v = row[k]
            rec[titles[k]] = v.replace("%", "") if k in ("attain", "p") else v
        out.append(rec)
    return out
