"""Data-entry grids and fill-in templates for the 数据管理 page. Pure (no Streamlit, no I/O).

A :class:`Grid` is what the page's table editor shows for one year — monthly actuals
(one row per indicator and basis, one column per month, the unit in the row label) or
monthly spending (one row per month, one column per funding source in 万元) — together with
the store key, version and first month behind every cell. Saving an edited grid:

1. :meth:`Grid.validate` writes the edited grid as a file in the validator's wide layout and
   runs it through :mod:`analytics.ingest.validate` (the one gate), so the messages are the very ones
   a file upload gets; rows and columns in them are renamed to the grid's (行 1 = the first
   row of the table, 「3月」 = the March column).
2. :meth:`Grid.edits` lists the changed cells; :meth:`Grid.expected_versions` the versions
   the user saw, for :meth:`analytics.storage.store.Store.save_grid_edits` (stale edits are refused).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Mapping

import pandas as pd

from analytics.core.exports import csv_bytes, xlsx_bytes
from analytics.core.qualitative import CODES, LEVELS
from analytics.storage.rows import CellKey, actual_key, spending_key

if TYPE_CHECKING:  # pragma: no cover
    from analytics.ingest.validate import IngestResult, Problem
    from analytics.core.model import Indicator, Project

__all__ = ["Grid", "actuals_grid", "budget_grid", "actuals_template", "budget_template", "template_bytes",
           "month_label", "basis_label", "checkin_choices", "checkin_key", "checkin_held", "checkin_check"]

MONTHS = tuple(range(1, 13))
UnitLabel = Callable[[str], str]
"""How a grid names a unit in its labels (the page passes :func:`analytics.present.format.unit_name`
in its language: ``天`` → ``days``, ``万元`` → ``10k yuan``); none: as written."""
_MONTH_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_BASIS = {
    "zh": {"month": "当月", "ytd": "累计", "level": "期末"},
    "en": {"month": "month", "ytd": "ytd", "level": "level"},
}
_TEXT = {
    "zh": {"row": "行", "indicator": "指标（单位）", "basis": "口径", "month": "月份", "grid_actuals": "实际数据表格（{y}年）",
           "grid_budget": "支出表格（{y}年）", "milestone": "是=1，否=0",
           "qualitative": "达成=1，部分达成=0.5，未达成=0", "checkin": "评价记录（{name}，{y}年{m}月）"},
    "en": {"row": "Row", "indicator": "Indicator (unit)", "basis": "Basis", "month": "Month",
           "grid_actuals": "actuals grid {y}", "grid_budget": "spending grid {y}", "milestone": "yes=1, no=0",
           "qualitative": "achieved=1, partly=0.5, not achieved=0",
           "checkin": "check-in ({name}, {y}-{m:02d})"},
}


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "zh"


def month_label(month: int, lang: str = "zh") -> str:
    return _MONTH_EN[month - 1] if lang == "en" else f"{month}月"


def basis_label(basis: str, lang: str = "zh") -> str:
    return _BASIS[_lang(lang)].get(basis, basis)


def _bracketed(name: str, words: str, lang: str) -> str:
    return f"{name}（{words}）" if lang != "en" else f"{name} ({words})"


def indicator_label(ind: "Indicator", lang: str = "zh", unit_label: UnitLabel | None = None) -> str:
    """"城镇新增就业人员规模（万人）" (``unit_label``: the unit as readers of ``lang`` say it,
    ``Visitors (person-times)``); milestones say how to enter yes/no."""
    tx = _TEXT[_lang(lang)]
    name = ind.display_name(lang)
    if ind.kind in ("milestone", "qualitative"):
        return _bracketed(name, tx[ind.kind], lang)
    if not ind.unit:
        return name
    return _bracketed(name, unit_label(ind.unit) if unit_label else ind.unit, lang)


def _num_text(v: float) -> str:
    text = f"{v:.15g}"
    if "e" in text:
        text = f"{v:.15f}".rstrip("0").rstrip(".")
    return text


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or (isinstance(v, str) and not v.strip())


def _as_float(v: Any) -> float | None:
    if _blank(v):
        return None
    try:
        return float(v)
    except (TypeError, ValueError):
        return math.nan  # not a number: the validator names it


@dataclass
class Grid:
    kind: str  # "actuals" | "budget"
    year: int
    lang: str
    frame: pd.DataFrame  # index 1..N named 行/Row; label columns, then value columns (float, NaN = blank)
    label_columns: list[str]
    value_columns: list[str]
    cells: dict[tuple[int, str], CellKey]  # (row number 1..N, value column) → store key
    versions: dict[CellKey, int] = field(default_factory=dict)  # stored cells only
    first_months: dict[CellKey, int] = field(default_factory=dict)
    store_version: int = 0
    # for the validator file
    _file_columns: dict[str, str] = field(default_factory=dict)  # grid column → validator header
    _row_ids: dict[int, dict[str, str]] = field(default_factory=dict)  # row number → id/basis (actuals)

    # -- editor state ---------------------------------------------------------------------
    def apply_state(self, state: Mapping[str, Any] | None) -> pd.DataFrame:
        """The edited table from ``st.data_editor``'s session state (``edited_rows`` by row
        position); rows cannot be added or deleted in these grids."""
        out = self.frame.copy()
        if not state:
            return out
        for pos, changes in (state.get("edited_rows") or {}).items():
            i = int(pos)
            if not 0 <= i < len(out):
                continue
            for col, value in (changes or {}).items():
                if col in self.value_columns:
                    out.iloc[i, out.columns.get_loc(col)] = math.nan if _blank(value) else value
        return out

    def edits(self, edited: pd.DataFrame) -> dict[CellKey, float | None]:
        """Changed cells → new value (``None`` = cleared)."""
        out: dict[CellKey, float | None] = {}
        for (row, col), key in self.cells.items():
            before = _as_float(self.frame.at[row, col])
            after = _as_float(edited.at[row, col]) if row in edited.index and col in edited.columns else before
            if before == after or (before is not None and after is not None and math.isnan(before) and math.isnan(after)):
                continue
            out[key] = after
        return out

    def expected_versions(self, edits: Mapping[CellKey, Any]) -> dict[CellKey, int]:
        return {k: self.versions.get(k, 0) for k in edits}

    def first_months_for(self, edits: Mapping[CellKey, Any]) -> dict[CellKey, int]:
        return {k: self.first_months[k] for k in edits if k in self.first_months}

    # -- validation through the one gate ----------------------------------------------------
    def name(self) -> str:
        tx = _TEXT[_lang(self.lang)]
        return tx["grid_actuals" if self.kind == "actuals" else "grid_budget"].format(y=self.year)

    def to_file(self, edited: pd.DataFrame) -> tuple[bytes, dict[int, int]]:
        """The edited grid as a CSV in the validator's wide layout (blank rows left out) and
        the map CSV row → grid row."""
        lines: list[list[str]] = []
        rowmap: dict[int, int] = {}
        if self.kind == "actuals":
            header = ["indicator_id", "basis"] + [self._file_columns[c] for c in self.value_columns]
        else:
            header = ["period"] + [self._file_columns[c] for c in self.value_columns]
        lines.append(header)
        for row in edited.index:
            values = [edited.at[row, c] for c in self.value_columns]
            if all(_blank(v) for v in values):
                continue
            cells = ["" if _blank(v) else (_num_text(float(v)) if isinstance(v, (int, float)) else str(v)) for v in values]
            if self.kind == "actuals":
                ids = self._row_ids[int(row)]
                lines.append([ids["indicator_id"], ids["basis"], *cells])
            else:
                lines.append([f"{self.year:04d}-{int(row):02d}", *cells])
            rowmap[len(lines)] = int(row)  # CSV row number (header = 1)
        buf = pd.DataFrame(lines[1:], columns=lines[0]).to_csv(index=False).encode("utf-8")
        return buf, rowmap

    def validate(self, edited: pd.DataFrame, project: "Project") -> "IngestResult":
        """Run the edited grid through :mod:`analytics.ingest.validate`; problems name grid rows and columns."""
        from analytics.ingest.validate import IngestResult, ingest_actuals, ingest_budget

        data, rowmap = self.to_file(edited)
        name = self.name()
        if not rowmap:  # every cell blank: nothing to check
            empty = ingest_actuals(b"indicator_id,period,value\n", {}, filename=name)
            return IngestResult(True, [], empty.data.iloc[0:0], self.kind, "wide")
        if self.kind == "actuals":
            result = ingest_actuals(data, project.ingest_catalogue(), filename=name)
        else:
            keys = project.budget_source_keys
            result = ingest_budget(data, sources=keys, filename=name)
        back = {v: k for k, v in self._file_columns.items()}
        back.update({"indicator_id": _TEXT[_lang(self.lang)]["indicator"], "basis": _TEXT[_lang(self.lang)]["basis"],
                     "period": _TEXT[_lang(self.lang)]["month"]})
        result.problems = [_renumber(p, rowmap, back) for p in result.problems]
        return result


def _renumber(p: "Problem", rowmap: Mapping[int, int], columns: Mapping[str, str]) -> "Problem":
    def row(n: Any) -> Any:
        return rowmap.get(int(n), None) if isinstance(n, int) else n

    params = dict(p.params)
    if "prev_row" in params:
        params["prev_row"] = row(params["prev_row"])
    if isinstance(params.get("rows"), list):
        params["rows"] = [row(r) for r in params["rows"]]
    if isinstance(params.get("columns"), list):
        params["columns"] = [columns.get(c, c) for c in params["columns"]]
    for k in ("period_column", "value_column"):
        if isinstance(params.get(k), str):
            params[k] = columns.get(params[k], params[k])
    return dataclasses.replace(p, row=row(p.row) if p.row is not None else None,
                               column=columns.get(p.column, p.column) if p.column else p.column, params=params)


# ---------------------------------------------------------------------------- building grids
def _catalogue_indicators(project: "Project") -> list["Indicator"]:
    cat = project.ingest_catalogue()
    return [ind for ind in project.indicators if ind.id in cat]


def actuals_grid(project: "Project", rows: pd.DataFrame, year: int, lang: str = "zh", store_version: int = 0,
                 unit_label: UnitLabel | None = None) -> Grid:
    """Indicators × months of ``year``. ``rows``: the store's actuals with ``version`` (any
    years; other years are ignored). One row per indicator for its usual basis, plus a row
    for every other basis that has data that year; ``unit_label`` names the units in the rows'
    labels (see :data:`UnitLabel`)."""
    lang = _lang(lang)
    tx = _TEXT[lang]
    month_cols = [month_label(m, lang) for m in MONTHS]
    data = rows[rows["year"] == year] if not rows.empty else rows
    stored: dict[tuple[str, str], dict[int, tuple[float, int, int]]] = {}
    for r in data.itertuples(index=False):
        stored.setdefault((str(r.indicator_id), str(r.basis)), {})[int(r.month)] = (
            float(r.value), int(r.version), int(r.first_month))
    records, cells, versions, firsts, row_ids = [], {}, {}, {}, {}
    n = 0
    for ind in _catalogue_indicators(project):
        bases = [ind.default_basis] + sorted(b for (i, b) in stored if i == ind.id and b != ind.default_basis)
        for basis in bases:
            n += 1
            values = stored.get((ind.id, basis), {})
            rec: dict[str, Any] = {tx["indicator"]: indicator_label(ind, lang, unit_label), tx["basis"]: basis_label(basis, lang)}
            for m, col in zip(MONTHS, month_cols):
                key = actual_key(ind.id, year, m, basis)
                cells[(n, col)] = key
                if m in values:
                    v, ver, fm = values[m]
                    rec[col] = v
                    versions[key] = ver
                    firsts[key] = fm
                else:
                    rec[col] = math.nan
            records.append(rec)
            row_ids[n] = {"indicator_id": ind.id, "basis": basis}
    frame = pd.DataFrame(records, columns=[tx["indicator"], tx["basis"], *month_cols],
                         index=pd.Index(range(1, n + 1), name=tx["row"]))
    for c in month_cols:
        frame[c] = frame[c].astype("float64")
    return Grid("actuals", int(year), lang, frame, [tx["indicator"], tx["basis"]], month_cols, cells, versions, firsts,
                store_version, {col: f"{year:04d}-{m:02d}" for m, col in zip(MONTHS, month_cols)}, row_ids)


def budget_grid(project: "Project", rows: pd.DataFrame, year: int, lang: str = "zh", store_version: int = 0,
                unit_label: UnitLabel | None = None) -> Grid:
    """Months of ``year`` × funding sources (万元; ``unit_label`` names it in the columns' titles,
    ``Other funds (10k yuan)``, see :data:`UnitLabel`). ``rows``: the store's spending with ``version``."""
    lang = _lang(lang)
    tx = _TEXT[lang]
    sources = [(s.key, s.display_name(lang)) for s in project.budget_sources]
    money = unit_label("万元") if unit_label else "万元"
    src_cols = [_bracketed(name, money, lang) for _, name in sources]
    data = rows[rows["year"] == year] if not rows.empty else rows
    stored = {(int(r.month), str(r.source)): (float(r.amount), int(r.version), int(r.first_month))
              for r in data.itertuples(index=False)}
    records, cells, versions, firsts = [], {}, {}, {}
    for m in MONTHS:
        rec: dict[str, Any] = {tx["month"]: f"{year}年{m}月" if lang != "en" else f"{year}-{m:02d}"}
        for (key_s, _), col in zip(sources, src_cols):
            key = spending_key(year, m, key_s)
            cells[(m, col)] = key
            if (m, key_s) in stored:
                v, ver, fm = stored[(m, key_s)]
                rec[col] = v
                versions[key] = ver
                firsts[key] = fm
            else:
                rec[col] = math.nan
        records.append(rec)
    frame = pd.DataFrame(records, columns=[tx["month"], *src_cols], index=pd.Index(list(MONTHS), name=tx["row"]))
    for c in src_cols:
        frame[c] = frame[c].astype("float64")
    return Grid("budget", int(year), lang, frame, [tx["month"]], src_cols, cells, versions, firsts, store_version,
                {col: key_s for (key_s, _), col in zip(sources, src_cols)}, {})


# ---------------------------------------------------------------------------- one check-in
def checkin_choices(ind: "Indicator") -> tuple[float, ...]:
    """The values a check-in of ``ind`` can record, the one that meets its target first: a
    qualitative indicator's 达成 / 部分达成 / 未达成 (codes 1 / 0.5 / 0), a yes/no's 是 / 否
    (1 / 0; 否 first when its target is 否). Empty for an indicator counted in numbers."""
    if ind.kind == "qualitative":
        return tuple(CODES[level] for level in LEVELS)
    if ind.kind == "milestone":
        return (0.0, 1.0) if ind.wants_no else (1.0, 0.0)
    return ()


def checkin_key(ind: "Indicator", year: int, month: int) -> CellKey:
    """The store cell a check-in of ``ind`` for ``year``-``month`` goes to (its usual basis)."""
    return actual_key(ind.id, year, month, ind.default_basis)


def checkin_held(rows: pd.DataFrame, ind: "Indicator", year: int, month: int) -> tuple[float | None, str]:
    """The check-in of ``ind`` recorded for ``year``-``month`` (value, note) in ``rows`` (the
    actuals with notes, :meth:`analytics.core.series.Actuals.notes`); ``(None, "")`` for none."""
    if rows.empty:
        return None, ""
    held = rows[(rows["year"] == int(year)) & (rows["month"] == int(month)) & (rows["basis"] == ind.default_basis)]
    if held.empty:
        return None, ""
    note = held["note"].iloc[-1]
    return float(held["value"].iloc[-1]), "" if _blank(note) else str(note)


def checkin_check(project: "Project", indicator_id: str, year: int, month: int, value: float, note: str = "",
                  lang: str = "zh", today: _dt.date | None = None) -> "IngestResult":
    """A check-in (value and note for one month) through the one gate, :mod:`analytics.ingest.validate`,
    as the one-row file ``indicator_id,period,basis,value,note`` it would be: the same checks and
    messages as an upload or the grid (a month after ``today`` is warned about)."""
    from analytics.ingest.validate import ingest_actuals

    ind = project.indicator(indicator_id)
    frame = pd.DataFrame([[ind.id, f"{int(year):04d}-{int(month):02d}", ind.default_basis, _num_text(float(value)), note]],
                         columns=["indicator_id", "period", "basis", "value", "note"], dtype="object")
    name = _TEXT[_lang(lang)]["checkin"].format(name=ind.display_name(lang), y=int(year), m=int(month))
    return ingest_actuals(frame.to_csv(index=False).encode("utf-8"), project.ingest_catalogue(), filename=name,
                          today=today)


# ---------------------------------------------------------------------------- templates
def actuals_template(project: "Project", year: int, lang: str = "zh") -> pd.DataFrame:
    """A fill-in table in the wide layout the validator reads: id, name, unit, basis, one
    column per month of ``year`` (blank), note."""
    zh = _lang(lang) == "zh"
    cols = ["indicator_id", "指标名称" if zh else "name", "单位" if zh else "unit", "口径" if zh else "basis",
            *[f"{year:04d}-{m:02d}" for m in MONTHS], "备注" if zh else "note"]
    rows = []
    for ind in _catalogue_indicators(project):
        rows.append([ind.id, ind.name, ind.unit, basis_label(ind.default_basis, "zh" if zh else "en"), *[""] * 12, ""])
    return pd.DataFrame(rows, columns=cols, dtype="object")


def budget_template(project: "Project", year: int, lang: str = "zh") -> pd.DataFrame:
    """Months of ``year`` × funding sources (万元, monthly amounts), note."""
    zh = _lang(lang) == "zh"
    names = [s.name if zh else s.key for s in project.budget_sources]
    cols = ["月份" if zh else "period", *names, "备注" if zh else "note"]
    rows = [[f"{year:04d}-{m:02d}", *[""] * len(names), ""] for m in MONTHS]
    return pd.DataFrame(rows, columns=cols, dtype="object")


def template_bytes(frame: pd.DataFrame, fmt: str, sheet: str = "data") -> bytes:
    """``fmt`` "csv" (UTF-8 with BOM, opens in Excel) or "xlsx"."""
    if fmt == "csv":
        return csv_bytes(frame)
    return xlsx_bytes({sheet: frame})
