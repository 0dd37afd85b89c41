"""The review step between reading a table and saving it as a project (the 新建项目 page; the same
reading the CLI's ``parse-table`` prints).

:func:`review_rows` flattens a reading (the JSON of
:meth:`~analytics.ingest.tables.reading.TableReading.to_json`) into one editable row per indicator:
name, unit, kind, direction and the target text of each year, with the reason and confidence of each
inferred field. :func:`apply_review` writes a person's corrections back into the reading: a changed
target text is read again by the same cell reader as the table (so ``≥95%``, ``90%及以上``, ``是`` and
qualitative wording mean the same as in a file), a changed field is marked as set by a person, and
every value that cannot be used comes back as a :class:`ReviewProblem` (row, field, code) instead of
being saved. :func:`apply_facts` sets the project facts (name, years, funding by source, departments).
"""

from __future__ import annotations

import copy
import math
import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from analytics.core.model import funding_gap
from analytics.ingest.tables.cells import read_value
from analytics.ingest.tables.facts import keyed_sources
from analytics.ingest.tables.infer import fraction_of_percent
from analytics.ingest.tables.lexicon import Lexicon, load_lexicon
from analytics.ingest.tables.scan import mark_read_by_ocr

__all__ = ["DIRECTIONS", "KINDS", "REVIEWED", "ReviewProblem", "ReviewResult", "advise", "apply_facts", "apply_review",
           "review_rows", "target_years", "needs_review"]

KINDS = ("flow", "stock", "level", "rate", "milestone", "qualitative")
DIRECTIONS = ("higher", "lower")
FIELDS = ("unit", "kind", "direction")
#: the ``rule`` of an inferred field a person set or confirmed on the review grid
REVIEWED = "reviewed"
#: its reason, in the language of the lexicon's reasons (it is kept in the target file's mapping_note), and in English
REVIEWED_REASON = "复核时由人工设定"
REVIEWED_REASON_EN = "Set by a person at review"
_YEAR_RE = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class ReviewProblem:
    """A correction that cannot be used: the indicator's id, the field (``name``, ``kind``,
    ``direction``, ``target_2024``, ``points``…), the code (``empty_name`` | ``bad_kind`` | ``bad_direction`` |
    ``unreadable_target`` | ``number_for_qualitative`` | ``words_for_number`` | ``bad_points``) and the text given."""

    indicator: str
    field: str
    code: str
    text: str = ""


@dataclass
class ReviewResult:
    reading: dict[str, Any]
    problems: list[ReviewProblem]
    changed: int  # fields changed by the person

    @property
    def ok(self) -> bool:
        return not self.problems


def advise(result: Any, lex: Lexicon) -> None:
    """``source.advice`` of a reading (a :class:`~analytics.ingest.tables.reading.TableReading`):
    ``scanned_ocr`` when its text was read from pictures by OCR (every indicator then marked to be
    checked, :func:`~analytics.ingest.tables.scan.mark_read_by_ocr`); ``text_disordered`` when a
    text left many rows unread (data/lexicon.yaml ``disorder``), its rows most likely out of order."""
    least, per = lex.disorder
    unread = len(result.unread)
    if result.source.get("ocr"):
        result.source["advice"] = "scanned_ocr"
        mark_read_by_ocr(result.indicators)
    elif result.source.get("hidden"):
        result.source["advice"] = "hidden_left_out"  # rows or columns the sheet hides were not read
    elif str(result.source.get("format") or "").startswith("text") and unread >= least \
            and unread >= per * len(result.indicators):
        result.source["advice"] = "text_disordered"


def target_years(reading: Mapping[str, Any]) -> list[str]:
    """The keys of the target columns, years in order (``?`` for a column without a year last)."""
    keys = {str(k) for ind in reading.get("indicators") or [] for k in (ind.get("targets") or {})}
    keys |= {str(c["key"]) for c in (reading.get("source") or {}).get("value_columns") or []
             if c.get("section") == "targets" and c.get("key")}  # a column left blank (a template) is still there
    return sorted(keys, key=lambda k: (not _YEAR_RE.match(k), k))


def needs_review(ind: Mapping[str, Any]) -> list[str]:
    """The fields of an indicator a person should look at: low-confidence inferences and the
    reader's own review flags."""
    low = [f for f, v in (ind.get("inferred") or {}).items() if (v or {}).get("confidence") == "low"]
    return sorted(set(low) | {str(r) for r in ind.get("review") or []})


def review_rows(reading: Mapping[str, Any], lang: str = "zh") -> list[dict[str, Any]]:
    """One flat row per indicator: ``id, seq, level1, level2, name, unit, kind, direction``,
    ``target_<year>`` (the text as written), ``reason_<field>`` and ``confidence_<field>`` for
    unit, kind and direction, for the target when it was read other than written and for the name
    when a bracket explaining it was taken off (结余率(计算方法为:结余数/预算数) → 结余率; empty
    otherwise), in ``lang`` (zh / en), ``points`` (the table's 分值, None without one) and ``review``
    (the fields to check, see :func:`needs_review`)."""
    years = target_years(reading)
    rows: list[dict[str, Any]] = []
    for ind in reading.get("indicators") or []:
        row: dict[str, Any] = {k: ind.get(k) or "" for k in ("id", "level1", "level2", "name", "unit", "kind", "direction")}
        row["seq"] = ind.get("seq")
        for y in years:
            row[f"target_{y}"] = str(((ind.get("targets") or {}).get(y) or {}).get("raw") or "")
        for f in (*FIELDS, "target", "name"):  # a target read other than written (较上年增长5% → ≥10500人), a name's note taken off
            inf = (ind.get("inferred") or {}).get(f) or {}
            row[f"reason_{f}"] = str((inf.get("reason_en") if lang == "en" else None) or inf.get("reason") or "")
            row[f"confidence_{f}"] = str(inf.get("confidence") or "")
        row["points"] = ind.get("points")  # the table's 分值 (None: it gives none)
        row["review"] = needs_review(ind)
        rows.append(row)
    return rows


def _mark(ind: dict[str, Any], field: str, value: Any) -> None:
    ind.setdefault("inferred", {})[field] = {"value": value, "rule": REVIEWED, "reason": REVIEWED_REASON,
                                             "reason_en": REVIEWED_REASON_EN, "confidence": "high"}
    ind["review"] = [r for r in ind.get("review") or [] if r != field]


def _target_cell(text: str, ind: Mapping[str, Any], lex: Lexicon) -> tuple[dict[str, Any] | None, str | None]:
    """(target dict, problem code) of a corrected target text."""
    cell = read_value(text, str(ind.get("direction") or "higher"), lex, sentence=True)
    cell = fraction_of_percent(cell, str(ind.get("name") or ""), str(ind.get("unit") or ""), lex) or cell  # ≥0.9 → ≥90%
    if cell.form == "unreadable":
        return None, "unreadable_target"
    if ind.get("kind") == "qualitative" and cell.form in ("number", "range"):
        return None, "number_for_qualitative"
    if ind.get("kind") != "qualitative" and cell.form == "qualitative":
        return None, "words_for_number"
    out = cell.as_dict()
    if ind.get("kind") == "qualitative" and cell.form == "qualitative":
        out["qualitative"] = True
    return out, None


def _points_cell(value: Any) -> tuple[float | None, bool]:
    """(points, bad) of a corrected 分值 cell: blank → none; a number of 0 or more, else bad."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or not str(value).strip():
        return None, False
    try:
        points = float(str(value).strip().rstrip("分"))
    except ValueError:
        return None, True
    return (points, False) if math.isfinite(points) and points >= 0 else (None, True)


def _apply_row(ind: dict[str, Any], edit: Mapping[str, Any], years: Sequence[str], lex: Lexicon,
               problems: list[ReviewProblem]) -> int:
    """Write one edited row into its indicator; returns how many fields changed."""
    iid, changed = str(ind.get("id")), 0
    name = str(edit.get("name", ind.get("name")) or "").strip()
    if not name:
        problems.append(ReviewProblem(iid, "name", "empty_name"))
    elif name != ind.get("name"):
        ind["name"], changed = name, changed + 1
        ind["review"] = [r for r in ind.get("review") or [] if r != "name"]  # the name a person wrote
    checks = {"kind": (KINDS, "bad_kind"), "direction": (DIRECTIONS, "bad_direction")}
    before = (ind.get("kind"), ind.get("direction"))
    for f in FIELDS:
        if f not in edit:
            continue
        value = str(edit.get(f) or "").strip()
        if f in checks and value not in checks[f][0]:
            problems.append(ReviewProblem(iid, f, checks[f][1], value))
            continue
        if value != (ind.get(f) or ""):
            ind[f], changed = value, changed + 1
            _mark(ind, f, value)
    if "points" in edit:  # the table's 分值, corrected or cleared
        points, bad = _points_cell(edit.get("points"))
        if bad:
            problems.append(ReviewProblem(iid, "points", "bad_points", str(edit.get("points"))))
        elif points != ind.get("points"):
            if points is None:
                ind.pop("points", None)
            else:
                ind["points"] = points
            changed += 1
    for y in years:
        key = f"target_{y}"
        if key not in edit:
            continue
        text = str(edit.get(key) or "").strip()
        old = (ind.get("targets") or {}).get(y)
        if text == str((old or {}).get("raw") or "") and before == (ind.get("kind"), ind.get("direction")):
            continue  # unchanged text of an unchanged kind and direction: as the table was read
        if not text:
            if old is not None:
                ind["targets"].pop(y, None)
                changed += 1
            continue
        cell, code = _target_cell(text, ind, lex)
        if code:
            problems.append(ReviewProblem(iid, key, code, text))
        elif cell != old:
            ind.setdefault("targets", {})[y] = cell
            changed += 1
    return changed


def apply_review(reading: Mapping[str, Any], edits: Sequence[Mapping[str, Any]], lexicon: Lexicon | None = None) -> ReviewResult:
    """The reading with the corrections of ``edits`` (rows shaped as :func:`review_rows`, matched by
    ``id``; missing keys are left as they were). The input is not changed."""
    lex = lexicon or load_lexicon()
    out = copy.deepcopy(dict(reading))
    by_id = {str(e.get("id")): e for e in edits}
    years = target_years(out)
    problems: list[ReviewProblem] = []
    changed = 0
    for ind in out.get("indicators") or []:
        edit = by_id.get(str(ind.get("id")))
        if edit is not None:
            changed += _apply_row(ind, edit, years, lex, problems)
    return ReviewResult(out, problems, changed)


def apply_facts(reading: Mapping[str, Any], *, name: str | None = None, years: Sequence[int] | None = None,
                sources: Sequence[Mapping[str, Any]] | None = None, departments: Mapping[str, str] | None = None,
                unit: str = "万元") -> dict[str, Any]:
    """The reading with the project facts a person set: name, target years, funding sources
    (``[{name, amount}]``, amounts in ``unit``; the total is their sum, or the table's own when they
    are the table's sources as read: a total its sources do not fill stays, ``unallocated`` said) and departments
    (``{role: name}``). ``None`` keeps what the table said; the spending a 自评表 states is kept
    beside the sources set."""
    out = copy.deepcopy(dict(reading))
    project = dict(out.get("project") or {})
    if name is not None and name.strip():
        project["name"] = name.strip()
    if years is not None:
        project["years"] = sorted({int(y) for y in years})
    if sources is not None:
        kept = keyed_sources([{"key": str(s.get("key") or ""), "name": str(s.get("name") or "").strip(),
                               "amount": float(s["amount"])} for s in sources
                              if str(s.get("name") or "").strip() and s.get("amount") not in (None, "")], load_lexicon())
        table = project.get("funding") or {}
        spent = table.get("spent")
        listed = [(s["name"], s["amount"]) for s in kept]
        own = unit == "万元" and listed == [(str(s.get("name")), float(s.get("amount") or 0)) for s in table.get("sources") or []]
        total = float(table["total"]) if own and table.get("total") else round(sum(s["amount"] for s in kept), 6)
        project["funding"] = {"total": total, "unit": unit, "sources": kept} if kept else None  # the table's total kept with its sources
        gap = funding_gap(total, [s["amount"] for s in kept]) if kept else None
        if gap is not None:
            project["funding"]["unallocated"] = gap
        if project["funding"] and spent and unit == "万元":  # what the form says was spent stays (万元, by source name)
            project["funding"]["spent"] = spent
    if departments is not None:
        project["departments"] = {str(k).strip(): str(v).strip() for k, v in departments.items() if str(k).strip() and str(v).strip()}
    out["project"] = project
    return out
