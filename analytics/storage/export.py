"""The workbook export: one Excel file with every table people read — targets, actuals,
spending, scenarios, causes and measures, audit trail, batches — formula-injection safe
(:func:`analytics.core.exports.xlsx_bytes`). The actuals and spending sheets import again as
they are.

Sheets are built from SQL rows as ``object`` columns: an empty cell stays ``None`` (pandas'
string dtype would turn it into a float NaN)."""

from __future__ import annotations

import base64
import binascii
import json
from typing import TYPE_CHECKING, Any, Sequence

import pandas as pd

from analytics.ingest.schema import ACTUAL_FIELDS
from analytics.storage.connection import AnyDb
from analytics.storage.rows import CAUSE_CATEGORIES, clip, period_text, to_json
from analytics.storage.schema import DEFAULT_PROJECT

if TYPE_CHECKING:  # pragma: no cover
    from analytics.core.model import Project

__all__ = ["export_workbook"]


def _sheet(con: Any, sql: str, cols: Sequence[str], pid: str) -> pd.DataFrame:
    """The rows of ``sql`` (one ``?``: the project) as a sheet."""
    rows = con.execute(sql, (pid,)).fetchall()
    return pd.DataFrame([list(r) for r in rows], columns=list(cols), dtype=object)


def audit_cell(table: str, value: Any) -> Any:
    """An audit row's old/new JSON as shown in the sheet: target files as name, checksum and
    size (not their bytes); long text clipped; empty stays empty."""
    if not isinstance(value, str):
        return None
    if table != "target_files":
        return clip(value)
    try:
        row = json.loads(value)
        content = row.get("content")
        size = len(base64.b64decode(content["b64"])) if isinstance(content, dict) and "b64" in content else None
    except (ValueError, TypeError, AttributeError, binascii.Error):
        return clip(value)
    return to_json({"name": row.get("name"), "sha256": row.get("sha256"), "size": size, "version": row.get("version")})


def _targets_sheet(project: "Project") -> pd.DataFrame:
    years = sorted({y for ind in project.indicators for y in ind.targets} | {y for ind in project.indicators
                                                                              for y in ind.baseline})
    return pd.DataFrame([
        {"id": ind.id, "seq": ind.seq, "origin": ind.origin, "goal": ind.goal, "level1": ind.level1,
         "level2": ind.level2, "name": ind.name, "name_raw": ind.name_raw, "name_en": ind.name_en, "unit": ind.unit,
         "kind": ind.kind, "direction": ind.direction, "default_basis": ind.default_basis,
         **{f"actual_{y}": ind.baseline[y].raw if y in ind.baseline else "" for y in years},
         **{f"target_{y}": ind.targets[y].raw if y in ind.targets else "" for y in years},
         "span_years": f"{ind.span_years[0]}-{ind.span_years[1]}" if ind.span_years else "",
         "target_span": ind.span_target.raw if ind.span_target else ""}
        for ind in project.indicators
    ])


def _data_sheets(con: Any, project: "Project", pid: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    names = {ind.id: ind for ind in project.indicators}
    src_names = {s.key: s.name for s in project.budget_sources}
    a = _sheet(con, f"SELECT {', '.join(ACTUAL_FIELDS)}, origin, version, "
                    "updated_at, updated_by FROM actuals WHERE project = ? ORDER BY indicator_id, year, month, basis",
               [*ACTUAL_FIELDS, "origin", "version", "updated_at", "updated_by"], pid)
    actuals = pd.DataFrame({
        "indicator_id": a["indicator_id"],
        "name": [names[i].name if i in names else "" for i in a["indicator_id"]],
        "unit": [names[i].unit if i in names else "" for i in a["indicator_id"]],
        "period": [period_text(y, m, f) for y, m, f in zip(a["year"], a["month"], a["first_month"])],
        **{c: a[c] for c in ("value", "basis", "note", "source", "origin", "version", "updated_at", "updated_by")},
    })
    s = _sheet(con, "SELECT year, month, first_month, source, amount, note, origin, version, updated_at, updated_by "
                    "FROM spending WHERE project = ? ORDER BY year, month, source",
               ["year", "month", "first_month", "source", "amount", "note", "origin", "version", "updated_at",
                "updated_by"], pid)
    spending = pd.DataFrame({
        "period": [period_text(y, m, f) for y, m, f in zip(s["year"], s["month"], s["first_month"])],
        "source": s["source"],
        "source_name": [src_names.get(x, x) for x in s["source"]],
        "amount": s["amount"],
        "basis": ["month"] * len(s),
        **{c: s[c] for c in ("note", "origin", "version", "updated_at", "updated_by")},
    })
    for df, col in ((actuals, "value"), (spending, "amount")):
        df[col] = pd.to_numeric(df[col]).astype("float64")
    return actuals, spending


def export_workbook(db: AnyDb, project: "Project", pid: str = DEFAULT_PROJECT) -> bytes:
    """One Excel workbook of project ``pid``: targets, actuals, spending, scenarios, actions, audit, imports."""
    from analytics.core.exports import xlsx_bytes

    with db.read() as con:
        actuals, spending = _data_sheets(con, project, pid)
        scen = _sheet(con, "SELECT name, json, created_at, created_by, updated_at, updated_by, version FROM scenarios "
                           "WHERE project = ? ORDER BY name",
                      ["name", "json", "created_at", "created_by", "updated_at", "updated_by", "version"], pid)
        acts = _sheet(con, "SELECT year, goal, indicator_id, cause_category, cause_text, measure_text, updated_at, "
                           "updated_by, version FROM actions WHERE project = ? ORDER BY year, goal, indicator_id",
                      ["year", "goal", "indicator_id", "cause_category", "cause_text", "measure_text", "updated_at",
                       "updated_by", "version"], pid)
        audit = _sheet(con, "SELECT id, at, who, tbl, key, old, new, source, batch_id FROM audit WHERE project = ? ORDER BY id",
                       ["id", "at", "who", "table", "key", "old", "new", "source", "batch_id"], pid)
        imports = _sheet(con, "SELECT batch_id, kind, filename, at, who, added, changed, unchanged, removed, undone_at, "
                              "undone_by, undo_of FROM imports WHERE project = ? ORDER BY at, rowid",
                         ["batch_id", "kind", "filename", "at", "who", "added", "changed", "unchanged", "removed",
                          "undone_at", "undone_by", "undo_of"], pid)
    acts.insert(4, "cause_label", [CAUSE_CATEGORIES.get(c, (c, c))[0] for c in acts["cause_category"]])
    audit["old"] = [audit_cell(t, v) for t, v in zip(audit["table"], audit["old"])]
    audit["new"] = [audit_cell(t, v) for t, v in zip(audit["table"], audit["new"])]
    scen["json"] = [clip(v) for v in scen["json"]]
    return xlsx_bytes({"targets": _targets_sheet(project), "actuals": actuals, "spending": spending, "scenarios": scen,
                       "actions": acts, "audit": audit, "imports": imports})
