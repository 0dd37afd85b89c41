"""A file with several forms (one a project): one below the other on a sheet, or a form on each
sheet of a workbook, read form by form and given back together or one of them."""

from __future__ import annotations

from analytics.ingest.tables.reading import NoTable, TableReading

__all__ = ["merge_forms"]


def merge_forms(readings: list[TableReading], form: int | None) -> TableReading | NoTable:
    """Several forms (one a project): all of them merged, each indicator with its ``form``, or
    only form ``form``; ``source.forms`` lists them."""
    first = readings[0]
    forms = [{"form": k, "where": r.source["header_row"], "title": r.source.get("title"), "name": r.project.get("name"),
              "indicators": len(r.indicators)} for k, r in enumerate(readings, start=1)]
    if form is not None:
        if not 1 <= form <= len(readings):
            return NoTable("no_form", str(form), len(readings))
        chosen = readings[form - 1]
        if len(readings) > 1:
            chosen.source["forms"] = forms
        if form < len(readings):  # the rows after it are the next forms, read
            chosen.skipped = [s for s in chosen.skipped if s["reason"] != "after_table"]
        return chosen
    if len(readings) == 1:
        return first
    merged = TableReading(dict(first.source), dict(first.project), [], [], [])
    merged.source["forms"] = forms
    for k, r in enumerate(readings, start=1):
        for ind in r.indicators:
            merged.indicators.append({**ind, "form": k})
        merged.skipped.extend(s for s in r.skipped if s["reason"] != "after_table" or k == len(readings))
        merged.unread.extend(r.unread)
    for n, ind in enumerate(merged.indicators, start=1):
        ind["seq"], ind["id"] = n, f"t{n:02d}"
    merged.project["years"] = sorted({y for r in readings for y in r.project.get("years") or []})
    return merged
