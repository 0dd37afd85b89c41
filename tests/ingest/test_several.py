"""Several forms of one file given back together or one of them (analytics/ingest/tables/several.py)."""

from __future__ import annotations

from analytics.ingest.tables.reading import NoTable, TableReading
from analytics.ingest.tables.several import merge_forms


def _form(name: str, n: int, year: int) -> TableReading:
    inds = [{"seq": k, "id": f"t{k:02d}", "name": f"{name}指标{k}"} for k in range(1, n + 1)]
    return TableReading({"header_row": f"L{n}", "title": f"{name}绩效目标表"}, {"name": name, "years": [year]}, inds,
                        [{"reason": "after_table", "where": "L9"}], [])


def test_all_forms_merged_each_indicator_with_its_form() -> None:
    merged = merge_forms([_form("甲", 2, 2023), _form("乙", 1, 2024)], None)
    assert isinstance(merged, TableReading)
    assert [(i["id"], i["form"], i["name"]) for i in merged.indicators] == [
        ("t01", 1, "甲指标1"), ("t02", 1, "甲指标2"), ("t03", 2, "乙指标1")]
    assert [f["name"] for f in merged.source["forms"]] == ["甲", "乙"] and merged.project["years"] == [2023, 2024]
    assert len(merged.skipped) == 1  # rows after a form that are the next form are no rows left out


def test_one_form_chosen_or_none_there() -> None:
    chosen = merge_forms([_form("甲", 2, 2023), _form("乙", 1, 2024)], 1)
    assert isinstance(chosen, TableReading) and chosen.project["name"] == "甲" and not chosen.skipped
    assert len(chosen.source["forms"]) == 2
    missing = merge_forms([_form("甲", 2, 2023)], 3)
    assert isinstance(missing, NoTable) and missing.code == "no_form"
