"""Located problems of one file: :class:`Problem` (a code, where, the value, parameters), the
:class:`Collector` that gathers them under the file's limits, and :class:`IngestResult`.

A problem carries no sentence: :mod:`analytics.present.messages` renders it (Chinese by default,
English) from the catalogue, at the edge.
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from analytics.core.values import Period
from analytics.ingest.limits import Deadline, LimitExceeded, Limits, resolve
from analytics.ingest.schema import period_key

MAX_PROBLEMS = 500  # more than this are cut, with a final "too_many_problems" (data/limits.yaml: max_problems)


@dataclass(frozen=True)
class Problem:
    """One located problem. ``row`` is the row number the user sees in Excel / the CSV
    (header = row 1 for a plain table; for XLSX the sheet row), ``column`` the header as
    written (or the column letter when the header cell is blank)."""

    code: str
    file: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    severity: str = "error"
    params: dict[str, Any] = field(default_factory=dict, hash=False)

    def to_dict(self) -> dict[str, Any]:
        """The fields (no sentence: ``analytics.present.messages.problem_dict`` adds the messages)."""
        return {
            "code": self.code,
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "severity": self.severity,
            "params": dict(self.params),
        }


@dataclass
class IngestResult:
    ok: bool
    problems: list[Problem]
    data: pd.DataFrame
    kind: str  # "actuals" | "budget"
    layout: str  # "long" | "wide" | "form" (a filled 监控表 / 自评表) | "unknown" (not read or understood)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]

    def summary(self) -> str:
        """A short, language-free line for logs and exceptions (sentences: analytics.present.messages)."""
        codes = sorted({p.code for p in self.errors})
        return f"{self.kind}: {len(self.errors)} error(s), {len(self.warnings)} warning(s)" + (
            f" ({', '.join(codes[:8])})" if codes else "")

    def to_json(self) -> dict[str, Any]:
        """Fields only; ``analytics.present.messages.result_json`` gives the CLI's JSON with messages."""
        return {
            "ok": self.ok,
            "kind": self.kind,
            "layout": self.layout,
            "rows": int(len(self.data)),
            "problems": [p.to_dict() for p in self.problems],
        }


def jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return [jsonable(v) for v in items]
    if isinstance(value, Period):
        return period_key(value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return None if math.isnan(value) else float(value)
    if hasattr(value, "item"):  # numpy scalar
        try:
            return jsonable(value.item())
        except Exception:  # pragma: no cover - defensive
            return str(value)
    return str(value)


class Collector:
    """Collects problems for one file (and sheet), under the file's limits and time budget.

    Lists in a problem's parameters are cut to ``limits.max_listed`` items (``<name>_more``
    counts the rest); past ten times ``limits.max_problems`` of one severity, problems are only
    counted, so a broken 700,000-row file cannot build 700,000 messages."""

    def __init__(self, file: str, sheet: str | None = None, limits: Limits | None = None,
                 deadline: Deadline | None = None) -> None:
        self.file = file
        self.sheet = sheet
        self.limits = limits if limits is not None else resolve(None)
        self.deadline = deadline if deadline is not None else Deadline(self.limits.max_seconds)
        self.problems: list[Problem] = []
        self.kept = {"error": 0, "warning": 0}
        self.dropped = {"error": 0, "warning": 0}

    def add(
        self,
        code: str,
        *,
        row: int | None = None,
        column: str | None = None,
        value: Any = None,
        severity: str = "error",
        **params: Any,
    ) -> None:
        level = "error" if severity == "error" else "warning"
        if self.kept[level] >= 10 * self.limits.max_problems:
            self.dropped[level] += 1
            return
        self.kept[level] += 1
        if self.sheet is not None:
            params.setdefault("sheet", self.sheet)
        listed = self.limits.max_listed
        for key, val in list(params.items()):
            if isinstance(val, (list, tuple)) and len(val) > listed:
                params[key] = list(val)[:listed]
                params[f"{key}_more"] = len(val) - listed
        text = None if value is None else str(value)
        if text is not None and len(text) > 200:
            text = text[:200] + "…"
        self.problems.append(
            Problem(code, self.file, None if row is None else int(row), column, text, severity, jsonable(params))
        )

    def limit(self, exc: LimitExceeded) -> None:
        """Record a passed limit as the located problem it names."""
        limits = self.limits
        bound = {"too_many_columns": limits.max_columns, "too_many_rows": limits.max_rows,
                 "too_many_cells": limits.max_cells, "cell_too_long": limits.max_cell_chars,
                 "too_much_text": limits.max_text_chars, "too_many_sheets": limits.max_sheets,
                 "time_limit": limits.max_seconds, "too_large": limits.max_unpacked_bytes}.get(exc.code)
        params = dict(exc.params)
        params.setdefault("limit", bound)
        self.add(exc.code, row=exc.row, column=exc.column, **params)

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    def finish(self) -> list[Problem]:
        return finish_problems(self.problems, self.limits.max_problems, sum(self.dropped.values()))


def finish_problems(problems: list[Problem], cap: int = MAX_PROBLEMS, dropped: int = 0) -> list[Problem]:
    """Sort (file-level first, then by row; stable) and cap the list."""
    ordered = sorted(problems, key=lambda p: (p.row is not None, p.row or 0))
    if len(ordered) <= cap and not dropped:
        return ordered
    errors = [p for p in ordered if p.severity == "error"][:cap]
    others = [p for p in ordered if p.severity != "error"][: cap - len(errors)]
    kept = set(map(id, errors + others))
    shown = [p for p in ordered if id(p) in kept]
    first = ordered[0]
    shown.append(
        Problem(
            "too_many_problems",
            first.file,
            None,
            None,
            None,
            "error" if any(p.severity == "error" for p in ordered) else "warning",
            jsonable({"shown": len(shown), "count": len(ordered) + dropped,
                       **({"sheet": first.params["sheet"]} if "sheet" in first.params else {})}),
        )
    )
    return shown
