"""A target table read as people hold it: the indicator rows of its layout, each with its targets
(and actuals, baseline, period target), unit, kind and direction, what was inferred and why, the
project facts above it, and every row that was skipped or could not be read, with its place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import Cell, header_role, read_value, split_name
from analytics.ingest.tables.facts import is_sign_off, read_facts
from analytics.ingest.tables.infer import infer_direction, infer_kind, infer_unit
from analytics.ingest.tables.layout import Column, Layout, fill_levels, find_layout, level_text, title_year
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.sources import RawTable

__all__ = ["TableReading", "read_grid", "NoTable"]


@dataclass
class NoTable:
    """Why no indicator table was found: what was looked for, what was there."""

    code: str  # no_header | unreadable | empty | xls_reader_missing | no_sheet | …
    detail: str = ""
    rows: int = 0
    sample: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)


@dataclass
class TableReading:
    source: dict[str, Any]
    project: dict[str, Any]
    indicators: list[dict[str, Any]]
    skipped: list[dict[str, Any]]
    unread: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return {"schema": 1, "source": self.source, "project": self.project, "indicators": self.indicators,
                "skipped": self.skipped, "unread": self.unread}


_TOTAL_RE = re.compile(r"^(合计|总计|总分|小计|得分合计|总得分)$")


def _cell(row: list[str], i: int | None) -> str:
    return row[i] if i is not None and 0 <= i < len(row) else ""


def _row_text(row: list[str]) -> str:
    out: list[str] = []
    for c in row:
        t = " ".join(c.split())
        if t and (not out or out[-1] != t):
            out.append(t)
    return " | ".join(out)


def _year_of(col: Column, fallback: int | None) -> str:
    year = col.year or fallback
    return str(year) if year else "?"


def _value_keys(layout: Layout, fallback: int | None) -> list[tuple[Column, str, str]]:
    """(column, section, key) of each value column: section targets / actuals / baseline / span."""
    values = layout.cols("value")
    target_years = [c.year for c in values if c.value_role == "target" and c.year]
    first_target = min(target_years) if target_years else (fallback or 0)
    out, seen = [], set()
    for c in values:
        role = c.value_role or "target"
        if role == "baseline" and c.year and target_years and c.year >= first_target:
            role = "actual"
        if role == "baseline" and not target_years and not c.year:
            role = "actual"
        section = {"target": "targets", "actual": "actuals", "baseline": "baseline", "span": "span"}[role]
        key = "span" if section == "span" else _year_of(c, fallback if role != "baseline" else None)
        if section == "baseline" and key == "?":
            key = str(first_target - 1) if first_target else "?"
        if (section, key) in seen:
            continue
        seen.add((section, key))
        out.append((c, section, key))
    return out


def _classify(row: list[str], layout: Layout, lex: Lexicon) -> str:
    """indicator | label | header | sign_off | total | blank | stray | end."""
    texts = [normalize_text(c) for c in row]
    if not any(texts):
        return "blank"
    if is_sign_off(next(t for t in texts if t), lex):
        return "sign_off"
    name = normalize_text(_cell(row, layout.name_col))
    roles = [header_role(t, lex) for t in texts if t]
    if roles.count("name") + roles.count("level1") + roles.count("level2") >= 2 and "value" in roles:
        return "header"
    if re.search(lex.facts["name"], texts[0]) or any(re.search(lex.facts["name"], t) for t in texts[:2]):
        return "end"
    if any(_TOTAL_RE.match(t) for t in texts):
        return "total"
    if name and lex.level_word(name) is None:
        return "indicator"
    levels = [normalize_text(_cell(row, i)) for i in layout.level_cols.values()]
    if any(levels) or (name and lex.level_word(name)):
        return "label"
    values = [normalize_text(_cell(row, c.index)) for c in layout.cols("value")]
    return "stray" if any(values) else "label"


def read_grid(table: RawTable, lex: Lexicon, year: int | None, filename: str) -> TableReading | NoTable:
    """Read one grid (see the module's help)."""
    layout = find_layout(table, lex)
    if layout is None:
        sample = [_row_text(r)[:80] for r in table.rows if any(c.strip() for c in r)][:6]
        return NoTable("no_header", rows=len(table.rows), sample=sample, sheets=table.sheets)
    fallback = year or title_year(table.rows, layout.first_header_row)
    keys = _value_keys(layout, fallback)
    skipped: list[dict[str, Any]] = []
    unread: list[dict[str, Any]] = []
    rows: list[tuple[int, list[str]]] = []
    pending_labels: dict[str, str] = {}
    label_rows: list[dict[str, str]] = []
    for i in range(layout.header_row + 1, len(table.rows)):
        row = table.rows[i]
        kind = _classify(row, layout, lex)
        where = table.refs[i]
        if kind == "end":
            skipped.extend({"where": table.refs[j], "text": _row_text(table.rows[j])[:200], "reason": "after_table"}
                           for j in range(i, len(table.rows)) if any(c.strip() for c in table.rows[j]))
            break
        if kind == "blank":
            continue
        if kind in ("sign_off", "total", "header"):
            skipped.append({"where": where, "text": _row_text(row)[:200], "reason": kind})
            continue
        if kind == "stray":
            unread.append({"where": where, "text": _row_text(row)[:200], "reason": "no_name"})
            continue
        if kind == "label":
            for lv, col in layout.level_cols.items():
                t = level_text(_cell(row, col))
                if t:
                    pending_labels[lv] = t
            name = normalize_text(_cell(row, layout.name_col))
            word = lex.level_word(name) if name else None
            if word:
                pending_labels[word[0]] = word[1]
            if not pending_labels:
                skipped.append({"where": where, "text": _row_text(row)[:200], "reason": "label"})
            continue
        labels = {lv: level_text(_cell(row, col)) for lv, col in layout.level_cols.items()}
        for lv, t in pending_labels.items():
            labels[lv] = labels.get(lv) or t
        pending_labels = {}
        rows.append((i, row))
        label_rows.append(labels)
    indicators = _indicators(table, layout, rows, label_rows, keys, lex, unread)
    facts = read_facts(table.rows[: layout.first_header_row], lex)
    source = {"file": filename, "format": table.fmt, "sheet": table.sheet,
              "header_row": table.refs[layout.first_header_row],
              "columns": [{"index": c.index, "header": c.header, "role": c.role, "year": c.year,
                           "value_role": c.value_role} for c in layout.columns if c.role],
              "value_columns": [{"header": c.header, "section": s, "key": k} for c, s, k in keys],
              "title": _title(table.rows[: layout.first_header_row]), "year": fallback}
    project = _project(facts, indicators, keys)
    return TableReading(source, project, indicators, skipped, unread)


def _title(rows: list[list[str]]) -> str | None:
    for row in rows[:4]:
        cells = {normalize_text(c) for c in row if c.strip()}
        if len(cells) == 1:
            t = " ".join(next(c for c in row if c.strip()).split())
            if re.search("表|绩效目标", t):
                return t.replace(" ", "")
    return None


def _project(facts: dict[str, Any], indicators: list[dict[str, Any]], keys: list[tuple[Column, str, str]]
             ) -> dict[str, Any]:
    years = sorted({int(k) for _, s, k in keys if s == "targets" and k.isdigit()})
    base = sorted({int(k) for _, s, k in keys if s == "baseline" and k.isdigit()})
    goals = facts.get("goals") or []
    return {"name": facts.get("name"), "years": years, "baseline_year": base[-1] if base else None,
            "departments": facts.get("departments") or {}, "funding": facts.get("funding"),
            "overall_goal": goals[0]["text"] if goals else None, "goals": goals}


def _indicators(table: RawTable, layout: Layout, rows: list[tuple[int, list[str]]], labels: list[dict[str, str]],
                keys: list[tuple[Column, str, str]], lex: Lexicon, unread: list[dict[str, Any]]
                ) -> list[dict[str, Any]]:
    filled: dict[str, list[str]] = {}
    modes: dict[str, str] = {}
    for lv in ("level1", "level2"):
        filled[lv], modes[lv] = fill_levels([lab.get(lv, "") for lab in labels])
    unit_col = layout.cols("unit")
    comp_col = layout.cols("comparator")
    out: list[dict[str, Any]] = []
    for n, (i, row) in enumerate(rows):
        ind = _indicator(row, layout, keys, lex, unit_col[0].index if unit_col else None,
                         comp_col[0].index if comp_col else None)
        ind["where"] = table.refs[i]
        l1, l2 = filled["level1"][n], filled["level2"][n]
        if not l1 and l2 in lex.level2_to_level1:
            l1 = lex.level2_to_level1[l2]
            ind["inferred"]["level1"] = {"value": l1, "rule": "level2_to_level1",
                                         "reason": f"二级指标“{l2}”属于“{l1}”", "confidence": "medium"}
        ind["level1"], ind["level2"] = l1, l2
        problems = [f"{k}:{v['raw']}→{v['error']}" for sec in ("targets", "actuals", "baseline")
                    for k, v in ind[sec].items() if v.get("error")]
        if not any(ind[sec] for sec in ("targets", "actuals")) and not ind["span"]:
            unread.append({"where": ind["where"], "text": _row_text(row)[:200], "reason": "no_value"})
        elif problems:
            unread.append({"where": ind["where"], "text": _row_text(row)[:200], "reason": "bad_value",
                           "cells": problems})
        out.append(ind)
    for n, ind in enumerate(out, start=1):
        ind["seq"] = n
        ind["id"] = f"t{n:02d}"
    return [_ordered(ind) for ind in out]


_ORDER = ("id", "seq", "origin", "where", "level1", "level2", "name", "name_raw", "unit", "kind", "direction",
          "baseline", "targets", "actuals", "span", "inferred", "review")


def _ordered(ind: dict[str, Any]) -> dict[str, Any]:
    return {k: ind[k] for k in _ORDER if k in ind}


def _with_comparator(raw: str, comp: str) -> str:
    c = normalize_text(comp)
    if c in ("≥", ">=", "≧", ">", "大于等于", "不低于"):
        return "≥" + raw
    if c in ("≤", "<=", "≦", "<", "小于等于", "不高于"):
        return "≤" + raw
    return raw


def _indicator(row: list[str], layout: Layout, keys: list[tuple[Column, str, str]], lex: Lexicon,
               unit_idx: int | None, comp_idx: int | None) -> dict[str, Any]:
    """One indicator row: read the cells once to see the written comparators and units, infer
    unit, kind and direction, then read them again with the direction (bare numbers)."""
    name_raw = "".join(s.strip() for s in _cell(row, layout.name_col).splitlines()) \
        if "\n" in _cell(row, layout.name_col) else _cell(row, layout.name_col).strip()
    name, bracket, marker = split_name(name_raw, lex)
    comp = _cell(row, comp_idx)
    raws = [(c, s, k, _with_comparator(_cell(row, c.index).strip(), comp)) for c, s, k in keys]
    first = [read_value(r, "higher", lex) for _, s, _, r in raws if s in ("targets", "span")]
    unit_written = _cell(row, unit_idx).strip()
    unit_inf = infer_unit(name, normalize_text(unit_written), bracket, first, lex)
    unit = str(unit_inf["value"])
    kind_inf = infer_kind(name, unit, marker, first, lex)
    if normalize_text(comp) == "定性" and kind_inf["value"] != "qualitative":
        kind_inf = {"value": "qualitative", "rule": "comparator_column", "reason": "指标性质列写作“定性”",
                    "confidence": "high"}
    dir_inf = infer_direction(name, unit, first, lex)
    direction = str(dir_inf["value"])
    sections: dict[str, dict[str, Any]] = {"targets": {}, "actuals": {}, "baseline": {}}
    span = None
    for _, section, key, raw in raws:
        if not normalize_text(raw):
            continue
        cell: Cell = read_value(raw, direction, lex)
        if section == "actuals":
            entry = {"raw": cell.raw, "value": cell.value if cell.form in ("number", "bool", "deadline") else None}
            if cell.form == "unreadable":
                entry["value"] = None
            sections["actuals"][key] = entry
        elif section == "span":
            span = cell.as_dict()
        else:
            sections[section][key] = cell.as_dict()
    inferred = {"unit": unit_inf, "kind": kind_inf, "direction": dir_inf}
    review = [f for f, v in inferred.items() if v["confidence"] == "low"]
    return {"origin": "table", "name": name, "name_raw": name_raw, "unit": unit, "kind": kind_inf["value"],
            "direction": direction, **sections, "span": span, "inferred": inferred, "review": review}
