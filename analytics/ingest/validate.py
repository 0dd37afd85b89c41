"""The one validation gate for every table that enters the app (actuals, budget spending).

Reads CSV (UTF-8, UTF-8 with BOM, GBK/GB18030) and XLSX/XLSM with every cell as text
(:mod:`analytics.ingest.readers`), finds the header even below title rows or merged header cells,
maps the Chinese and English column names (:mod:`analytics.ingest.schema`), and checks every value
(:mod:`analytics.ingest.actuals`, :mod:`analytics.ingest.budget`). Each problem is a
:class:`~analytics.ingest.problems.Problem` that names the file, the sheet row and the column as
the user sees them; :mod:`analytics.present.messages` renders it as a Chinese (default) or English
sentence that says how to fix it. The work per file is bounded by ``data/limits.yaml``.

Rules: a bad file never raises out of ``ingest_*`` or :func:`read_table` (unexpected
exceptions become the problem ``unreadable``); a result with any error carries no data;
everything is deterministic and pure (no writes, no clock unless ``today`` is given).
No Streamlit import.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
from typing import Any, BinaryIO, Callable, Collection, Mapping, Sequence

from analytics.ingest.actuals import ingest_actuals_frame
from analytics.ingest.budget import ingest_budget_frame, looks_like_budget
from analytics.ingest.checks import fail
from analytics.ingest.limits import LimitExceeded, Limits, resolve
from analytics.ingest.problems import Collector, IngestResult, Problem
from analytics.ingest.readers import MAX_BYTES_DEFAULT, display_name, read_guarded, read_table
from analytics.ingest.schema import ACTUALS_COLUMNS, BUDGET_COLUMNS

__all__ = [
    "MAX_BYTES_DEFAULT",
    "Problem",
    "IngestResult",
    "read_table",
    "ingest_actuals",
    "ingest_budget",
    "ingest_any",
    "ACTUALS_COLUMNS",
    "BUDGET_COLUMNS",
]


def _guard(kind: str, source: Any, filename: str | None, limits: Limits | Mapping[str, Any] | None,
           body: Callable[[Collector], IngestResult]) -> IngestResult:
    ctx = Collector(display_name(source, filename), limits=resolve(limits))
    try:
        return body(ctx)
    except LimitExceeded as exc:
        ctx.limit(exc)
        return fail(kind, ctx)
    except Exception as exc:  # noqa: BLE001 - the gate never raises
        ctx.add("unreadable", error=type(exc).__name__)
        return fail(kind, ctx)


def ingest_actuals(
    source: str | os.PathLike[str] | bytes | BinaryIO,
    indicators: Mapping[str, Mapping[str, Any]],
    *,
    filename: str | None = None,
    sheet: str | int | None = None,
    max_bytes: int = MAX_BYTES_DEFAULT,
    today: _dt.date | None = None,
    limits: Limits | Mapping[str, Any] | None = None,
    computed: Collection[str] = (),
) -> IngestResult:
    """Validate and normalise a table of actual values (long or wide layout, or a filled form:
    :func:`_or_form`; ``computed``: names of indicators no file brings, left out of a form unsaid).

    ``today``: periods after today's month are warned about (no check when ``None``).
    """

    def body(ctx: Collector) -> IngestResult:
        frame = read_guarded(source, ctx, sheet, max_bytes)
        if frame is None:
            return fail("actuals", ctx)
        return ingest_actuals_frame(frame, ctx, indicators, today)

    result = _guard("actuals", source, filename, limits, body)
    return _or_form(result, source, indicators, filename, sheet, max_bytes, today, limits, computed)


#: Problems after which a file is not read again as a form: its size or its time is the problem.
_NOT_AGAIN = frozenset({"too_large", "too_many_rows", "too_many_columns", "too_many_cells", "cell_too_long",
                        "time_limit", "password_protected", "empty_file"})


def _or_form(result: IngestResult, source: Any, indicators: Mapping[str, Mapping[str, Any]], filename: str | None,
             sheet: str | int | None, max_bytes: int, today: _dt.date | None,
             limits: Limits | Mapping[str, Any] | None, computed: Collection[str] = ()) -> IngestResult:
    """A table of actuals that does not pass, read again as a filled 监控表 / 自评表
    (:mod:`analytics.ingest.forms`): its actual values checked as a long table (layout ``form``),
    the form's indicators the project does not have listed in the warning ``form_unmatched``.
    Anything else (a data table with errors of its own, a long table) keeps its own problems."""
    if not _again(result, "actuals", sheet):
        return result
    from analytics.ingest.forms import form_actuals

    name = display_name(source, filename)
    try:
        form = form_actuals(source, indicators, name, max_bytes, sheet, computed)
    except Exception:  # noqa: BLE001 - the gate never raises: the file keeps its own problems
        return result
    if form is None:
        return result
    again = _guard("actuals", form.csv, name, limits, lambda ctx: _form_body(ctx, form, indicators, today))
    again.layout = "form"
    return again


def _again(result: IngestResult, kind: str, sheet: str | int | None) -> bool:
    """Whether a file that did not pass as a ``kind`` table is read again as a filled form."""
    return not (result.ok or result.kind != kind or result.layout == "long" or isinstance(sheet, int)
                or any(p.code in _NOT_AGAIN for p in result.problems))


def _or_form_spending(result: IngestResult, source: Any, sources: Sequence[str] | Mapping[str, str], names: Mapping[str, str],
                      filename: str | None, sheet: str | int | None, max_bytes: int, today: _dt.date | None,
                      limits: Limits | Mapping[str, Any] | None, budgets: Mapping[str, float] | None = None) -> IngestResult:
    """A spending table that does not pass, read again as a filled 监控表 / 自评表: what its funds
    block says was spent to date (1-8月执行数 → August, 全年执行数 → December), by source, checked as
    a long spending table (layout ``form``, basis ``ytd``). A total of several sources with no split
    is the problem ``form_spending_unsplit``; anything else keeps its own problems."""
    if not _again(result, "budget", sheet):
        return result
    from analytics.ingest.forms import form_spending

    name = display_name(source, filename)
    try:
        data, unsplit = form_spending(source, [{"key": k, "name": names.get(k, k)} for k in sources], name, max_bytes,
                                      sheet if isinstance(sheet, str) else None)
    except Exception:  # noqa: BLE001 - the gate never raises: the file keeps its own problems
        return result
    if unsplit is not None:
        ctx = Collector(name, limits=resolve(limits))
        ctx.add("form_spending_unsplit", total=unsplit, sources="、".join(names.get(k, k) for k in sources))
        return fail("budget", ctx)
    if data is None:
        return result

    def body(ctx: Collector) -> IngestResult:
        frame = _form_frame(ctx, data)
        if frame is None:
            return fail("budget", ctx)
        return ingest_budget_frame(frame, ctx, sources, today, budgets)

    again = _guard("budget", data, name, limits, body)
    again.layout = "form"
    return again


def _form_frame(ctx: Collector, data: bytes) -> Any:
    """The long CSV a form was turned into, read as one (named as the file the user gave)."""
    shown, ctx.file = ctx.file, "form.csv"
    try:
        return read_guarded(data, ctx, None, len(data))
    finally:
        ctx.file = shown


def _form_body(ctx: Collector, form: Any, indicators: Mapping[str, Mapping[str, Any]],
               today: _dt.date | None) -> IngestResult:
    frame = _form_frame(ctx, form.csv)
    if frame is None:
        return fail("actuals", ctx)
    if form.unmatched:
        ctx.add("form_unmatched", severity="warning", names=form.unmatched, count=len(form.unmatched))
    result = ingest_actuals_frame(frame, ctx, indicators, today)
    result.problems = [_in_form(p, form) for p in result.problems]
    return result


def _in_form(problem: Problem, form: Any) -> Problem:
    """A problem of the long table located in the form: its sheet and row there, no column of the long table."""
    sheet, row = form.place(problem.row)
    if row is None:
        return problem
    params = {**problem.params, **({"sheet": sheet} if sheet else {})}
    return dataclasses.replace(problem, row=row, column=None, params=params)


def ingest_budget(
    source: str | os.PathLike[str] | bytes | BinaryIO,
    *,
    sources: Sequence[str] | Mapping[str, str] = ("central", "local", "other"),
    filename: str | None = None,
    sheet: str | int | None = None,
    max_bytes: int = MAX_BYTES_DEFAULT,
    today: _dt.date | None = None,
    limits: Limits | Mapping[str, Any] | None = None,
    source_names: Mapping[str, str] | None = None,
    budgets: Mapping[str, float] | None = None,
) -> IngestResult:
    """Validate and normalise budget spending (万元), long or wide; ``amount`` is monthly. A file
    that does not pass is read again as a filled form (:func:`_or_form_spending`: what its funds
    block says was spent; ``source_names``: the project's name of each source key, 中央补助 …).
    ``budgets``: each source key's whole budget (万元); an amount above it was written in 元."""

    def body(ctx: Collector) -> IngestResult:
        frame = read_guarded(source, ctx, sheet, max_bytes)
        if frame is None:
            return fail("budget", ctx)
        return ingest_budget_frame(frame, ctx, sources, today, budgets)

    result = _guard("budget", source, filename, limits, body)
    return _or_form_spending(result, source, sources, source_names or {}, filename, sheet, max_bytes, today, limits,
                             budgets)


def ingest_any(
    source: str | os.PathLike[str] | bytes | BinaryIO,
    indicators: Mapping[str, Mapping[str, Any]],
    *,
    filename: str | None = None,
    sheet: str | int | None = None,
    max_bytes: int = MAX_BYTES_DEFAULT,
    sources: Sequence[str] | Mapping[str, str] = ("central", "local", "other"),
    today: _dt.date | None = None,
    limits: Limits | Mapping[str, Any] | None = None,
    computed: Collection[str] = (),
    budgets: Mapping[str, float] | None = None,
) -> IngestResult:
    """Tell actuals from budget by the columns (an indicator column → actuals; an amount,
    source or 中央补助/地方资金… column without one → budget), then validate (``budgets``: see
    :func:`ingest_budget`)."""

    def body(ctx: Collector) -> IngestResult:
        frame = read_guarded(source, ctx, sheet, max_bytes)
        if frame is None:
            return fail("actuals", ctx)
        if looks_like_budget(frame, sources):
            return ingest_budget_frame(frame, ctx, sources, today, budgets)
        return ingest_actuals_frame(frame, ctx, indicators, today)

    result = _guard("actuals", source, filename, limits, body)
    return _or_form(result, source, indicators, filename, sheet, max_bytes, today, limits, computed)
