"""The one validation gate for every table that enters the app (actuals, budget spending).

Reads CSV (UTF-8, UTF-8 with BOM, GBK/GB18030) and XLSX/XLSM with every cell as text,
finds the header even below title rows or merged header cells, maps the Chinese and
English column names, and checks every value. Each problem is a :class:`Problem` that
names the file, the sheet row and the column as the user sees them, and renders to a
Chinese (default) or English sentence that says how to fix it (:mod:`analytics.present.messages`).

Rules: a bad file never raises out of ``ingest_*`` or :func:`read_table` (unexpected
exceptions become the problem ``unreadable``); a result with any error carries no data;
everything is deterministic and pure (no writes, no clock unless ``today`` is given).
No Streamlit import.
"""

from __future__ import annotations

import csv
import datetime as _dt
import difflib
import functools
import io
import math
import os
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Callable, Iterable, Mapping, Sequence

import pandas as pd

from analytics.present import messages
from analytics.core.values import Period, ValueParseError, normalize_text, parse_bool, parse_number, parse_period

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

MAX_BYTES_DEFAULT = 10 * 1024 * 1024
MAX_PROBLEMS = 500  # more than this are cut, with a final "too_many_problems"
HEADER_SCAN_ROWS = 10  # the header is looked for in the first N non-blank rows
UNZIPPED_FACTOR = 12  # an xlsx may unpack to at most max_bytes * this
TOTAL_TOLERANCE = 0.01

ACTUALS_COLUMNS = ["indicator_id", "year", "month", "first_month", "value", "basis", "note", "source", "row"]
BUDGET_COLUMNS = ["year", "month", "first_month", "source", "amount", "basis", "note", "row"]


# ---------------------------------------------------------------------------- problems
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

    def message(self, lang: str = "zh") -> str:
        fields = dict(self.params)
        fields.update(file=self.file, row=self.row, column=self.column, value=self.value)
        return messages.render(self.code, lang, **fields)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "severity": self.severity,
            "message_zh": self.message("zh"),
            "message_en": self.message("en"),
            "params": dict(self.params),
        }


@dataclass
class IngestResult:
    ok: bool
    problems: list[Problem]
    data: pd.DataFrame
    kind: str  # "actuals" | "budget"
    layout: str  # "long" | "wide" | "unknown" (the table could not be read or understood)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]

    def report(self, lang: str = "zh") -> str:
        """One line per problem, prefixed 错误/警告 (Error/Warning); a one-line summary when clean."""
        if not self.problems:
            if lang == "en":
                return f"No problems found; {len(self.data)} rows ready to import."
            return f"检查通过，共 {len(self.data)} 条数据可以导入。"
        prefix = {"zh": {"error": "错误：", "warning": "警告："}, "en": {"error": "Error: ", "warning": "Warning: "}}
        pre = prefix.get(lang, prefix["zh"])
        return "\n".join(pre.get(p.severity, pre["warning"]) + p.message(lang) for p in self.problems)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "kind": self.kind,
            "layout": self.layout,
            "rows": int(len(self.data)),
            "problems": [p.to_dict() for p in self.problems],
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return [_jsonable(v) for v in items]
    if isinstance(value, Period):
        return _period_key(value)
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
            return _jsonable(value.item())
        except Exception:  # pragma: no cover - defensive
            return str(value)
    return str(value)


class _Ctx:
    """Collects problems for one file (and sheet)."""

    def __init__(self, file: str, sheet: str | None = None) -> None:
        self.file = file
        self.sheet = sheet
        self.problems: list[Problem] = []

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
        if self.sheet is not None:
            params.setdefault("sheet", self.sheet)
        text = None if value is None else str(value)
        self.problems.append(
            Problem(code, self.file, None if row is None else int(row), column, text, severity, _jsonable(params))
        )

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


def _finish(problems: list[Problem]) -> list[Problem]:
    """Sort (file-level first, then by row; stable) and cap the list."""
    ordered = sorted(problems, key=lambda p: (p.row is not None, p.row or 0))
    if len(ordered) <= MAX_PROBLEMS:
        return ordered
    errors = [p for p in ordered if p.severity == "error"][:MAX_PROBLEMS]
    others = [p for p in ordered if p.severity != "error"][: MAX_PROBLEMS - len(errors)]
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
            _jsonable({"shown": len(shown), "count": len(ordered), **({"sheet": first.params["sheet"]}
                                                                       if "sheet" in first.params else {})}),
        )
    )
    return shown


# ---------------------------------------------------------------------------- headers
def _norm_header(text: Any) -> str:
    """Case-, space- and width-insensitive form of a header; drops a unit in brackets and ``_-*:``."""
    t = normalize_text(text).lower()
    t = re.sub(r"[(\[【〔].*?[)\]】〕]", "", t)
    return re.sub(r"[_\-*:：·.]", "", t)


def _header_unit(text: Any) -> str:
    m = re.search(r"[(\[【〔]([^)\]】〕]*)[)\]】〕]", normalize_text(text))
    return m.group(1) if m else ""


def _aliases(table: Mapping[str, Iterable[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for canonical, names in table.items():
        for name in names:
            out[_norm_header(name)] = canonical
    return out


_PERIOD_NAMES = ["period", "month", "月份", "期间", "统计期", "时间", "日期", "年月", "统计月份", "统计期间",
                 "所属期", "报告期", "date", "yearmonth"]
_BASIS_NAMES = ["basis", "口径", "统计口径", "数据口径"]
_NOTE_NAMES = ["note", "notes", "备注", "说明", "comment", "comments", "remark", "remarks"]
_UNIT_NAMES = ["unit", "单位", "计量单位"]

_ACTUALS_ALIASES = _aliases({
    "indicator_id": ["indicator_id", "indicator", "id", "指标编号", "指标ID", "指标代码", "指标编码", "indicator code"],
    "name": ["指标名称", "三级指标", "name", "indicator_name", "指标", "指标名"],
    "period": _PERIOD_NAMES,
    "value": ["value", "数值", "值", "完成值", "实际值", "完成数", "实际完成", "完成情况", "actual"],
    "basis": _BASIS_NAMES,
    "note": _NOTE_NAMES,
    "source": ["source", "来源", "数据来源"],
    "unit": _UNIT_NAMES,
})
_BUDGET_ALIASES = _aliases({
    "period": _PERIOD_NAMES,
    "source": ["source", "资金来源", "来源", "资金类别", "资金渠道"],
    "amount": ["amount", "金额", "支出", "支出金额", "执行数", "支出数", "实际支出", "支出额", "执行金额"],
    "basis": _BASIS_NAMES,
    "note": _NOTE_NAMES,
    "unit": _UNIT_NAMES,
    "total": ["合计", "总计", "total", "合计金额", "支出合计", "总额"],
})
_SOURCE_ALIASES = _aliases({
    "central": ["central", "中央", "中央补助", "中央资金", "中央补助资金", "中央财政", "中央财政补助", "中央财政资金"],
    "local": ["local", "地方", "地方资金", "地方财政", "地方财政资金", "地方配套", "地方配套资金"],
    "other": ["other", "其他", "其他资金", "其它", "其它资金"],
})
_KNOWN_HEADERS = set(_ACTUALS_ALIASES) | set(_BUDGET_ALIASES) | set(_SOURCE_ALIASES)

_BASIS_ALIASES = {
    "month": "month", "monthly": "month", "m": "month", "当月": "month", "本月": "month", "月度": "month",
    "当期": "month", "本期": "month", "当月数": "month", "月": "month",
    "ytd": "ytd", "累计": "ytd", "年累计": "ytd", "本年累计": "ytd", "累计数": "ytd", "累计值": "ytd",
    "年初至今": "ytd", "yeartodate": "ytd",
    "level": "level", "期末": "level", "时点": "level", "水平": "level", "期末数": "level", "时点数": "level",
    "期末值": "level", "水平值": "level",
}
_YTD_SPAN_RE = re.compile(r"^(1|一)(-|~|—|–|至|到)(\d{1,2}|[一二三四五六七八九十]+)月(累计|累计数)?$")

_KIND_BASES: dict[str, tuple[str, ...]] = {
    "flow": ("month", "ytd"),
    "stock": ("level",),
    "level": ("level",),
    "rate": ("level", "month", "ytd"),
    "milestone": ("level",),
}

_DASHES = {"—", "–", "-", "－", "——", "--", "---", "/", "n/a", "na", "无", "#n/a", "…", "..."}
_NOTE_ROW_RE = re.compile(
    r"^(注|说明|备注|填表人|制表人|审核人|数据来源|资料来源|负责人|单位负责人|联系人|联系电话|填报人|填报单位|制表|填表|审核)"
    r"\s*[\d]*\s*[:：]"
)
_PERIODISH_RE = re.compile(
    r"^(\d{4}\s*[-/.年]\s*\d|\d{5,8}$|\d{4}\s*[-/.年]\s*[一二三四五六七八九十]|.*\d.*月|[一二三四五六七八九十]+月$)"
)


_FULL_DATE_RE = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$")


def _to_period(value: str) -> Period:
    """:func:`parse_period`, except that a full date written with one separator
    (``2024-06-30``, ``2024-01-05``) is read as a date: ``values.parse_period`` takes
    ``2024-01-05`` for the combined span January–May and rejects ``2024-06-30``."""
    m = _FULL_DATE_RE.match(normalize_text(value))
    if m:
        year, month, day = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if not 1900 <= year <= 2100:
            raise ValueParseError("bad_period", value)
        try:
            _dt.date(year, month, day)
        except ValueError as exc:
            raise ValueParseError("bad_period", value) from exc
        return Period(year, month, month)
    return parse_period(value)


def _period_header(text: str) -> Period | None:
    if not text.strip():
        return None
    try:
        return _to_period(text)
    except ValueParseError:
        return None


def _looks_periodish(text: str) -> bool:
    """A header that was meant as a month but is not one (``2024-13``, ``2024/6/31``, ``六月``)."""
    t = normalize_text(text)
    return bool(t) and bool(_PERIODISH_RE.match(t))


def _period_key(p: Period) -> str:
    if p.first_month != p.month:
        return f"{p.year:04d}-{p.first_month:02d}~{p.month:02d}"
    return f"{p.year:04d}-{p.month:02d}"


def _col_letter(index: int) -> str:
    """0-based column index → Excel letters."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


# ---------------------------------------------------------------------------- reading
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _display_name(source: Any, filename: str | None) -> str:
    if filename:
        return os.path.basename(str(filename)) or str(filename)
    if isinstance(source, (str, os.PathLike)):
        return os.path.basename(os.fspath(source)) or os.fspath(source)
    name = getattr(source, "name", None)
    if isinstance(name, str) and name:
        return os.path.basename(name) or name
    return "上传的文件"


def _size_mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}"


def _read_bytes(source: Any, ctx: _Ctx, max_bytes: int) -> bytes | None:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        try:
            size = os.path.getsize(path)
        except OSError as exc:
            ctx.add("unreadable", error=type(exc).__name__)
            return None
        if size > max_bytes:
            ctx.add("too_large", size=size, limit=max_bytes, size_mb=_size_mb(size), limit_mb=_size_mb(max_bytes))
            return None
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    elif hasattr(source, "read"):
        if hasattr(source, "seek"):
            try:
                source.seek(0)
            except Exception:  # noqa: BLE001 - an unseekable stream is read from where it is
                pass
        data = source.read(max_bytes + 1)
        if isinstance(data, str):
            data = data.encode("utf-8")
        data = bytes(data or b"")
    else:
        ctx.add("unreadable", error=type(source).__name__)
        return None
    if len(data) > max_bytes:
        ctx.add("too_large", size=len(data), limit=max_bytes, size_mb=_size_mb(len(data)),
                limit_mb=_size_mb(max_bytes))
        return None
    return data


@dataclass
class _Grid:
    cells: dict[int, list[str]]  # sheet row number → cell texts (column 0-based)
    merges: list[tuple[int, int, int, int]]  # (min_row, min_col, max_row, max_col), 1-based
    fmt: str


def _decode(data: bytes, ctx: _Ctx) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        ctx.add("bad_encoding", detected="UTF-16")
        return None
    text: str | None = None
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(body) - 3 and "end of data" in str(exc.reason):
            text = body[: exc.start].decode("utf-8", errors="replace")  # only the last character was cut
        else:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                text = None
    if text is None:
        ctx.add("bad_encoding")
        return None
    controls = len(_CONTROL_RE.findall(text))
    if "\x00" in text or controls > max(2, len(text) // 200):
        nul_pattern = data[1:200:2].count(0) > 20 or data[0:200:2].count(0) > 20
        ctx.add("bad_encoding", detected="UTF-16" if nul_pattern else None)
        return None
    return text


_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def _sniff_delimiter(text: str) -> str:
    lines = [ln for ln in text.splitlines()[:20] if ln.strip()][:10]
    best, best_count = ",", 0
    for delim in (",", "\t", ";", "，", "|"):
        count = sum(ln.count(delim) for ln in lines)
        if count > best_count:
            best, best_count = delim, count
    return best


def _read_csv(data: bytes, ctx: _Ctx) -> _Grid | None:
    text = _decode(data, ctx)
    if text is None:
        return None
    if not text.strip():
        ctx.add("empty_file")
        return None
    delim = _sniff_delimiter(text)
    cells: dict[int, list[str]] = {}
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        for number, record in enumerate(reader, start=1):
            if any(c.strip() for c in record):
                cells[number] = [c for c in record]
    except csv.Error as exc:
        ctx.add("bad_csv", row=reader.line_num or None, error=str(exc)[:120])
        return None
    return _Grid(cells, [], "csv")


def _fmt_float(value: float) -> str:
    text = f"{value:.15g}"
    if "e" in text and abs(value) < 1e15 and abs(value) >= 1e-4:
        text = f"{value:f}".rstrip("0").rstrip(".")
    return text


def _cell_text(value: Any, number_format: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        if number_format and "%" in number_format:
            return f"{value * 100}%"
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return str(value)
        if number_format and "%" in number_format:
            return _fmt_float(value * 100) + "%"
        return _fmt_float(value)
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, _dt.timedelta):
        return str(value)
    if isinstance(value, str):
        return value
    text = getattr(value, "text", None)  # ArrayFormula / DataTableFormula
    if isinstance(text, str):
        return text if text.startswith("=") else "=" + text
    return str(value)


_MERGE_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref=\"([A-Za-z]{1,3}\d+:[A-Za-z]{1,3}\d+)\"")


def _sheet_merges(zf: zipfile.ZipFile, ws: Any) -> list[tuple[int, int, int, int]]:
    """Merged ranges of a read-only worksheet, scanned from its XML (read-only mode has none)."""
    from openpyxl.utils.cell import range_boundaries

    path = getattr(ws, "_worksheet_path", None)
    if not path:
        return []
    names = set(zf.namelist())
    path = path if path in names else path.lstrip("/")
    if path not in names:
        return []
    found: set[bytes] = set()
    tail = b""
    with zf.open(path) as fh:
        while True:
            chunk = fh.read(1 << 20)
            if not chunk:
                break
            block = tail + chunk
            found.update(_MERGE_RE.findall(block))
            tail = block[-300:]
    merges = []
    for ref in found:
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref.decode("ascii"))
        except (ValueError, TypeError):
            continue
        if None not in (min_col, min_row, max_col, max_row) and (max_row > min_row or max_col > min_col):
            merges.append((int(min_row), int(min_col), int(max_row), int(max_col)))
    return sorted(merges)


def _pick_sheet(worksheets: list[Any], sheet: str | int | None) -> Any:
    if sheet is None:
        visible = [w for w in worksheets if getattr(w, "sheet_state", "visible") == "visible"]
        return (visible or worksheets)[0]
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        return worksheets[sheet] if 0 <= sheet < len(worksheets) else None
    wanted = str(sheet)
    for w in worksheets:
        if w.title == wanted:
            return w
    key = normalize_text(wanted).lower()
    for w in worksheets:
        if normalize_text(w.title).lower() == key:
            return w
    return None


def _sheet_cells(ws: Any) -> tuple[dict[int, list[str]], dict[tuple[int, int], str | None]]:
    """Cell texts by row, and the formula cells (coordinate → number format)."""
    cells: dict[int, list[str]] = {}
    formulas: dict[tuple[int, int], str | None] = {}
    reset = getattr(ws, "reset_dimensions", None)
    if reset is not None:
        reset()  # do not trust the <dimension> element: read every row there is
    for row in ws.iter_rows():
        for cell in row:
            value = cell.value
            if value is None:
                continue
            r, c = int(cell.row), int(cell.column)
            fmt = cell.number_format if isinstance(value, (int, float)) and not isinstance(value, bool) else None
            if getattr(cell, "data_type", None) == "f":
                formulas[(r, c)] = None
            text = _cell_text(value, fmt)
            if not text.strip():
                continue
            line = cells.setdefault(r, [])
            if len(line) < c:
                line.extend([""] * (c - len(line)))
            line[c - 1] = text
    return cells, formulas


def _read_excel(data: bytes, ctx: _Ctx, sheet: str | int | None, max_bytes: int) -> _Grid | None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(max(0, i.file_size) for i in zf.infolist())
    except Exception as exc:  # noqa: BLE001 - anything wrong with the zip is a bad workbook
        ctx.add("bad_excel", error=type(exc).__name__)
        return None
    if unpacked > max_bytes * UNZIPPED_FACTOR:
        ctx.add("too_large", size=unpacked, limit=max_bytes * UNZIPPED_FACTOR, size_mb=_size_mb(unpacked),
                limit_mb=_size_mb(max_bytes * UNZIPPED_FACTOR), unpacked=True)
        return None
    import openpyxl  # local: only needed for Excel

    wb = cached_wb = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
            worksheets = list(wb.worksheets)
            titles = [w.title for w in worksheets]
            ws = _pick_sheet(worksheets, sheet) if worksheets else None
            if ws is None:
                ctx.add("no_sheet", requested="" if sheet is None else str(sheet), sheets=titles)
                return None
            ctx.sheet = ws.title
            cells, formulas = _sheet_cells(ws)
            if formulas:  # use the values Excel saved with the formulas; keep "=…" where there are none
                cached_wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
                cached_cells, _ = _sheet_cells(cached_wb[ws.title])
                for r, c in formulas:
                    line = cached_cells.get(r)
                    if line is not None and c <= len(line) and line[c - 1].strip():
                        cells[r][c - 1] = line[c - 1]
            merges = _sheet_merges(zf, ws)
    except Exception as exc:  # noqa: BLE001 - corrupt / truncated / not a workbook
        ctx.add("bad_excel", error=type(exc).__name__)
        return None
    finally:
        zf.close()
        for book in (wb, cached_wb):
            try:
                if book is not None:
                    book.close()
            except Exception:  # noqa: BLE001 - closing a broken archive must not raise
                pass
    return _Grid(cells, merges, "xlsx")


def _is_texty(text: str) -> bool:
    if not text.strip():
        return False
    try:
        parse_number(text)
        return False
    except ValueParseError:
        return True


def _score_header(cells: list[str]) -> int:
    score = 0
    for text in cells:
        if not text.strip():
            continue
        if _norm_header(text) in _KNOWN_HEADERS or _period_header(text) is not None:
            score += 1
    return score


def _grid_to_frame(grid: _Grid, ctx: _Ctx) -> pd.DataFrame | None:
    cells = {r: list(v) for r, v in grid.cells.items() if any(c.strip() for c in v)}
    if not cells:
        ctx.add("empty_file")
        return None
    merges = grid.merges

    def get(r: int, c: int) -> str:  # c is 0-based
        row = cells.get(r)
        return row[c] if row is not None and c < len(row) else ""

    def covering(r: int, c: int) -> tuple[int, int, int, int] | None:  # c 0-based
        for m in merges:
            if m[0] <= r <= m[2] and m[1] <= c + 1 <= m[3] and (m[0], m[1]) != (r, c + 1):
                return m
        return None

    order = sorted(cells)
    candidates = order[:HEADER_SCAN_ROWS]
    scores = [(_score_header(cells[r]), -i, r) for i, r in enumerate(candidates)]
    best = max(scores)
    header_row = best[2] if best[0] > 0 else order[0]
    width = max(len(cells[r]) for r in order)
    for m in merges:
        if m[0] <= header_row + 1:
            width = max(width, m[3])

    header_merges = [m for m in merges if m[0] <= header_row <= m[2] and (m[2] > m[0] or m[3] > m[1])]
    nxt = header_row + 1
    vertical = [m for m in merges if m[0] == header_row and m[2] > header_row]
    horizontal = [m for m in merges if m[0] == header_row == m[2] and m[3] > m[1]]
    two_level = nxt in cells and bool(
        vertical
        or (horizontal and all(_is_texty(get(nxt, c - 1)) for m in horizontal for c in range(m[1], m[3] + 1)))
    )
    header_rows = [header_row, nxt] if two_level else [header_row]
    last_header = header_rows[-1]

    names: list[str] = []
    for c in range(width):
        own = get(header_row, c).strip()
        m = covering(header_row, c)
        if not own and m is not None and (m[0] < header_row or two_level):
            own = get(m[0], m[1] - 1).strip()
        if not two_level:
            names.append(" ".join(own.split()))
            continue
        child = get(nxt, c).strip()
        mc = covering(nxt, c)
        if mc is not None and mc[0] < nxt:
            child = ""
        if not child:
            name = own
        elif not own or _norm_header(child) in _KNOWN_HEADERS or _period_header(child) is not None:
            name = child
        elif _period_header(own + child) is not None:
            name = own + child
        else:
            name = own + child
        names.append(" ".join(name.split()))

    # data area: fill cells merged down a column (what the user sees), warn about all merges there
    data_merges = [m for m in merges if m[0] > last_header and (m[2] > m[0] or m[3] > m[1])]
    for m in data_merges:
        if m[1] == m[3]:
            top = get(m[0], m[1] - 1)
            for r in range(m[0] + 1, m[2] + 1):
                row = cells.setdefault(r, [])
                if len(row) < m[1]:
                    row.extend([""] * (m[1] - len(row)))
                if not row[m[1] - 1].strip():
                    row[m[1] - 1] = top
    if data_merges:
        ranges = [f"{_col_letter(m[1] - 1)}{m[0]}:{_col_letter(m[3] - 1)}{m[2]}" for m in data_merges]
        ctx.add("merged_cells", severity="warning", ranges=ranges[:10] + (["…"] if len(ranges) > 10 else []))

    data_rows = []
    for r in sorted(cells):
        if r <= last_header:
            continue
        row = cells[r]
        if not any(c.strip() for c in row):
            continue
        filled = [c for c in row if c.strip()]
        if len(filled) == 1 and _NOTE_ROW_RE.match(normalize_text(filled[0])):
            col = next(i for i, c in enumerate(row) if c.strip())
            ctx.add("ignored_row", row=r, column=names[col] if col < len(names) and names[col] else None,
                    value=filled[0].strip()[:80], severity="warning")
            continue
        data_rows.append(r)
        width = max(width, len(row))
    while len(names) < width:
        names.append("")

    keep = [c for c in range(width) if names[c] or any(get(r, c).strip() for r in data_rows)]
    labels: list[str] = []
    seen: dict[str, int] = {}
    meta = []
    for c in keep:
        label = names[c] or _col_letter(c)
        if label in seen:
            seen[label] += 1
            label = f"{label}.{seen[label]}"
        else:
            seen[label] = 0
        labels.append(label)
        meta.append({"label": label, "header": names[c], "letter": _col_letter(c), "index": c})
    matrix = []
    for r in data_rows:
        line = cells[r]
        n = len(line)
        matrix.append([line[c] if c < n else "" for c in keep])
    frame = pd.DataFrame(matrix, columns=labels, index=pd.Index(data_rows, name="row", dtype="int64"), dtype=str)
    frame.attrs.update({
        "file": ctx.file,
        "sheet": ctx.sheet,
        "format": grid.fmt,
        "header_row": last_header,
        "header_rows": header_rows,
        "merged_header": bool(header_merges),
        "columns": meta,
    })
    return frame


def _read_table(
    source: Any, ctx: _Ctx, sheet: str | int | None, max_bytes: int
) -> pd.DataFrame | None:
    data = _read_bytes(source, ctx, max_bytes)
    if data is None:
        return None
    if not data.strip():
        ctx.add("empty_file")
        return None
    ext = os.path.splitext(ctx.file)[1].lower()
    if data.startswith(_OLE2) or ext == ".xls":
        ctx.add("old_excel")
        return None
    if data.startswith(b"PK\x03\x04") or ext in (".xlsx", ".xlsm", ".xltx", ".xltm"):
        grid = _read_excel(data, ctx, sheet, max_bytes)
    else:
        grid = _read_csv(data, ctx)
    if grid is None:
        return None
    return _grid_to_frame(grid, ctx)


def read_table(
    source: str | os.PathLike[str] | bytes | BinaryIO,
    *,
    filename: str | None = None,
    sheet: str | int | None = None,
    max_bytes: int = MAX_BYTES_DEFAULT,
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read a CSV or Excel table with every cell as text (``""`` for blank).

    The frame's index is the row number the user sees (named ``row``); its columns are the
    header texts (blank headers → the column letter; repeated headers get ``.1``…).
    ``frame.attrs`` holds ``file``, ``sheet``, ``format``, ``header_row`` (last header row),
    ``header_rows``, ``merged_header`` and ``columns`` (per column: label, header as written,
    letter, 0-based index). Returns ``(None, problems)`` when the file cannot be read.
    Never raises.
    """
    ctx = _Ctx(_display_name(source, filename))
    try:
        frame = _read_table(source, ctx, sheet, max_bytes)
    except Exception as exc:  # noqa: BLE001 - the gate never raises
        ctx.add("unreadable", error=type(exc).__name__)
        frame = None
    if frame is not None and frame.attrs.get("sheet") is None:
        frame.attrs["sheet"] = ctx.sheet
    return frame, _finish(ctx.problems)


# ---------------------------------------------------------------------------- shared checks
def _is_blank(text: str) -> bool:
    return not text or not text.strip()


def _is_dash(text: str) -> bool:
    t = text.strip()
    return 0 < len(t) <= 5 and normalize_text(t).lower() in _DASHES


def _parse_basis(text: str) -> str | None:
    t = normalize_text(text).lower()
    if t in _BASIS_ALIASES:
        return _BASIS_ALIASES[t]
    if _YTD_SPAN_RE.match(t):
        return "ytd"
    return None


def _number(text: str) -> tuple[float | None, str | None]:
    try:
        return parse_number(text), None
    except ValueParseError as exc:
        return None, "formula" if exc.code == "formula" else "not_a_number"


@functools.lru_cache(maxsize=4096)
def _parse_period_cell(text: str) -> tuple[Period | None, str | None]:
    try:
        return _to_period(text), None
    except ValueParseError as exc:
        return None, "blank_period" if exc.code == "empty" else "bad_period"


def _future(p: Period, today: _dt.date | None) -> bool:
    return today is not None and (p.year, p.month) > (today.year, today.month)


def _months(rec: Mapping[str, Any]) -> range:
    if rec["basis"] == "month":
        return range(rec["first_month"], rec["month"] + 1)
    return range(rec["month"], rec["month"] + 1)


def _duplicate_groups(records: list[dict[str, Any]], key: str) -> list[list[dict[str, Any]]]:
    """Groups of records that give the same thing (``key``) for overlapping periods and the same basis."""
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    slots: dict[tuple[Any, ...], int] = {}
    for i, rec in enumerate(records):
        for m in _months(rec):
            slot = (rec[key], rec["basis"], rec["year"], m)
            if slot in slots:
                a, b = find(slots[slot]), find(i)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                slots[slot] = i
    comps: dict[int, list[dict[str, Any]]] = {}
    for i in range(len(records)):
        comps.setdefault(find(i), []).append(records[i])
    return [c for c in comps.values() if len(c) > 1]


def _report_duplicates(
    ctx: _Ctx, records: list[dict[str, Any]], key: str, extra: Callable[[Any], dict[str, Any]]
) -> None:
    groups = _duplicate_groups(records, key)
    merged: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for group in groups:
        rows = tuple(sorted({r["row"] for r in group}))
        merged.setdefault((group[0][key], group[0]["basis"], rows), []).extend(group)
    for (item, basis, rows), group in sorted(merged.items(), key=lambda kv: (kv[0][2], str(kv[0][0]), kv[0][1])):
        group = sorted(group, key=lambda r: (r["row"], r["col_index"]))
        last = group[-1]
        periods = sorted({r["period_key"] for r in group})
        columns = sorted({r["period_column"] for r in group}) if len(rows) == 1 else []
        ctx.add(
            "duplicate",
            row=last["row"],
            column=last["period_column"] if len(rows) == 1 else None,
            value=last["period_text"],
            rows=list(rows),
            periods=periods,
            written=sorted({r["period_text"] for r in group}),
            basis=basis,
            key=key if key != "indicator_id" else "indicator",
            columns=columns,
            **extra(item),
        )


def _resolve_indicator(
    raw: str, by_id: Mapping[str, str], by_name: Mapping[str, str]
) -> str | None:
    key = normalize_text(raw).lower()
    return by_id.get(key) or by_name.get(key)


def _result(
    kind: str, layout: str, ctx: _Ctx, records: list[dict[str, Any]] | None, columns: list[str]
) -> IngestResult:
    problems = _finish(ctx.problems)
    ok = not any(p.severity == "error" for p in problems)
    frame = _empty_frame(columns)
    if ok and records:
        frame = pd.DataFrame([{c: r[c] for c in columns} for r in records], columns=columns)
        frame = frame.astype({c: _DTYPES[c] for c in columns}).reset_index(drop=True)
    return IngestResult(ok, problems, frame, kind, layout)


_DTYPES = {
    "indicator_id": str, "year": "int64", "month": "int64", "first_month": "int64", "value": "float64",
    "basis": str, "note": str, "source": str, "row": "int64", "amount": "float64",
}


def _empty_frame(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=_DTYPES[c]) for c in columns})


def _fail(kind: str, ctx: _Ctx) -> IngestResult:
    columns = ACTUALS_COLUMNS if kind == "actuals" else BUDGET_COLUMNS
    return IngestResult(False, _finish(ctx.problems), _empty_frame(columns), kind, "unknown")


def _ctx_from_frame(frame: pd.DataFrame, problems: list[Problem], file: str) -> _Ctx:
    ctx = _Ctx(frame.attrs.get("file") or file, frame.attrs.get("sheet"))
    ctx.problems.extend(problems)
    return ctx


_Col = dict[str, Any]  # column metadata from read_table: label, header, letter, index


def _map_columns(
    frame: pd.DataFrame, aliases: Mapping[str, str], extra: Mapping[str, str] | None = None
) -> tuple[dict[str, list[_Col]], list[tuple[_Col, Period]], list[_Col], list[_Col]]:
    """→ (field → columns, period-header columns, bad period-header columns, unrecognised columns)."""
    fields: dict[str, list[dict[str, Any]]] = {}
    periods: list[tuple[dict[str, Any], Period]] = []
    bad: list[dict[str, Any]] = []
    other: list[dict[str, Any]] = []
    for col in frame.attrs.get("columns", []):
        header = col["header"]
        norm = _norm_header(header)
        target = aliases.get(norm) if norm else None
        if target is None and extra is not None and norm:
            hit = extra.get(norm)
            target = f"src:{hit}" if hit else None
        if target is not None:
            fields.setdefault(target, []).append(col)
            continue
        period = _period_header(header)
        if period is not None:
            periods.append((col, period))
        elif header and _looks_periodish(header):
            bad.append(col)
        else:
            other.append(col)
    return fields, periods, bad, other


def _colname(col: Mapping[str, Any]) -> str:
    return col["header"] or col["letter"]


def _check_column_duplicates(ctx: _Ctx, fields: Mapping[str, list[dict[str, Any]]], header_row: int) -> None:
    for name, cols in fields.items():
        if len(cols) > 1:
            label = name[4:] if name.startswith("src:") else name
            ctx.add("duplicate_column", row=header_row, column=_colname(cols[1]), value=cols[1]["header"],
                    columns=[_colname(c) for c in cols], field=label, header_row=header_row)


def _check_period_headers(
    ctx: _Ctx,
    periods: list[tuple[dict[str, Any], Period]],
    bad: list[dict[str, Any]],
    header_row: int,
    today: _dt.date | None,
) -> list[tuple[dict[str, Any], Period]]:
    for col in bad:
        ctx.add("bad_period", row=header_row, column=_colname(col), value=col["header"], header=True)
    usable: list[tuple[dict[str, Any], Period]] = []
    taken: dict[tuple[int, int], dict[str, Any]] = {}
    for col, p in periods:
        clash = [taken[(p.year, m)] for m in range(p.first_month, p.month + 1) if (p.year, m) in taken]
        if clash:
            ctx.add("duplicate_column", row=header_row, column=_colname(col), value=col["header"],
                    columns=[_colname(clash[0]), _colname(col)], field="period", header_row=header_row)
            continue
        for m in range(p.first_month, p.month + 1):
            taken[(p.year, m)] = col
        if _future(p, today):
            ctx.add("future_period", row=header_row, column=_colname(col), value=col["header"],
                    severity="warning", period=_period_key(p), today=today)
        usable.append((col, p))
    return usable


def _missing(ctx: _Ctx, frame: pd.DataFrame, missing: list[str], example: str) -> None:
    header_row = frame.attrs.get("header_row", 1)
    found = [c["header"] or c["letter"] for c in frame.attrs.get("columns", [])]
    code = "merged_header" if frame.attrs.get("merged_header") else "missing_columns"
    ctx.add(code, row=header_row, missing=missing, found=[f[:40] for f in found[:20]], header_row=header_row,
            example=example)


# ---------------------------------------------------------------------------- actuals
def _value_check(
    ctx: _Ctx,
    raw: str,
    meta: Mapping[str, Any],
    ind: str,
    row: int,
    column: str,
) -> float | None:
    """Parse and check one value cell of an actuals table (not blank)."""
    name = str(meta.get("name") or ind)
    unit = str(meta.get("unit") or "")
    kind = str(meta.get("kind") or "")
    base = {"indicator": ind, "name": name}
    if kind == "milestone":
        try:
            number: float | None = 1.0 if parse_bool(raw) else 0.0
        except ValueParseError:
            number, code = _number(raw)
            if code == "formula":
                ctx.add("formula", row=row, column=column, value=raw, **base)
                return None
            if number not in (0.0, 1.0):
                ctx.add("not_a_bool", row=row, column=column, value=raw, **base)
                return None
    else:
        number, code = _number(raw)
        if code is not None:
            ctx.add(code, row=row, column=column, value=raw, **base)
            return None
    assert number is not None
    if raw.rstrip().endswith(("%", "％")) and unit.strip() not in ("%", "％"):
        ctx.add("percent_unit", row=row, column=column, value=raw, severity="warning", unit=unit,
                number=number, **base)
    if number < 0:
        ctx.add("negative", row=row, column=column, value=raw, **base)
        return None
    max_value = meta.get("max_value")
    if max_value is not None:
        try:
            limit = float(max_value)
        except (TypeError, ValueError):
            limit = math.nan
        if not math.isnan(limit) and number > limit:
            ctx.add("pct_over_100", row=row, column=column, value=raw, max=limit, unit=unit, **base)
            return None
    return number


def _allowed_bases(meta: Mapping[str, Any]) -> tuple[str, ...]:
    allowed = list(_KIND_BASES.get(str(meta.get("kind") or ""), ("month", "ytd", "level")))
    default = str(meta.get("default_basis") or "")
    if default in ("month", "ytd", "level") and default not in allowed:
        allowed.append(default)
    return tuple(allowed)


def _basis_for(
    ctx: _Ctx, raw: str | None, meta: Mapping[str, Any], ind: str, row: int, column: str | None
) -> str | None:
    allowed = _allowed_bases(meta)
    default = str(meta.get("default_basis") or allowed[0])
    if raw is None or _is_blank(raw):
        return default
    basis = _parse_basis(raw)
    if basis is None or basis not in allowed:
        ctx.add("bad_basis", row=row, column=column, value=raw, allowed=list(allowed), default=default,
                reason="unknown" if basis is None else "not_allowed", indicator=ind,
                name=str(meta.get("name") or ind))
        return None
    return basis


def _ingest_actuals_frame(
    frame: pd.DataFrame, ctx: _Ctx, indicators: Mapping[str, Mapping[str, Any]], today: _dt.date | None
) -> IngestResult:
    header_row = int(frame.attrs.get("header_row", 1))
    fields, period_cols, bad_period_cols, other = _map_columns(frame, _ACTUALS_ALIASES)
    has_ind = "indicator_id" in fields or "name" in fields
    if "period" in fields or "value" in fields or not (period_cols or bad_period_cols):
        layout = "long"
        missing = [f for f, present in (("indicator_id", has_ind), ("period", "period" in fields),
                                         ("value", "value" in fields)) if not present]
        if missing:
            _missing(ctx, frame, missing, "actuals")
            return _fail("actuals", ctx)
        other = other + [c for c, _ in period_cols] + bad_period_cols
        period_cols, bad_period_cols = [], []
    else:
        layout = "wide"
        if not has_ind:
            _missing(ctx, frame, ["indicator_id"], "actuals_wide")
            return _fail("actuals", ctx)
    _check_column_duplicates(ctx, fields, header_row)
    if other:
        ctx.add("ignored_columns", row=header_row, severity="warning", columns=[_colname(c) for c in other],
                header_row=header_row, example="actuals" if layout == "long" else "actuals_wide")
    if frame.empty:
        ctx.add("no_data", header_row=header_row)
        return _fail("actuals", ctx)

    by_id = {normalize_text(k).lower(): str(k) for k in indicators}
    by_name = {normalize_text(v.get("name", "")).lower(): str(k) for k, v in indicators.items()
               if normalize_text(v.get("name", ""))}
    choices = sorted(set(map(str, indicators)) | {str(v.get("name")) for v in indicators.values() if v.get("name")})
    first_id = next(iter(indicators), "new_urban_jobs")
    examples = {"example_id": str(first_id),
                "example_name": str(indicators.get(first_id, {}).get("name", "")) if indicators else ""}

    def col(name: str) -> dict[str, Any] | None:
        cols = fields.get(name)
        return cols[0] if cols else None

    id_col, name_col, period_col, value_col = col("indicator_id"), col("name"), col("period"), col("value")
    basis_col, note_col, source_col, unit_col = col("basis"), col("note"), col("source"), col("unit")
    usable_periods = _check_period_headers(ctx, period_cols, bad_period_cols, header_row, today)

    records: list[dict[str, Any]] = []
    resolved: dict[str, str | None] = {}
    labels = list(frame.columns)
    rows = frame.index.tolist()
    values = frame.to_numpy(dtype=object).tolist()
    index_of = {c["label"]: labels.index(c["label"]) for c in frame.attrs["columns"]}

    def cell(rowvals: list[Any], c: Mapping[str, Any] | None) -> str:
        if c is None:
            return ""
        v = rowvals[index_of[c["label"]]]
        return "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)

    for rownum, rowvals in zip(rows, values):
        rownum = int(rownum)
        id_raw, name_raw = cell(rowvals, id_col), cell(rowvals, name_col)
        if layout == "long":
            value_cells = [(value_col, cell(rowvals, value_col), None)]
        else:
            value_cells = [(c, cell(rowvals, c), p) for c, p in usable_periods]
        has_data = any(not _is_blank(v) for _, v, _ in value_cells) or (
            layout == "long" and not _is_blank(cell(rowvals, period_col))
        )
        # --- indicator
        ind: str | None = None
        if not _is_blank(id_raw) or not _is_blank(name_raw):
            raw, where = (id_raw, id_col) if not _is_blank(id_raw) else (name_raw, name_col)
            if raw not in resolved:
                resolved[raw] = _resolve_indicator(raw, by_id, by_name)
            ind = resolved[raw]
            if ind is None:
                close = difflib.get_close_matches(normalize_text(raw), choices, n=1, cutoff=0.6)
                ctx.add("unknown_indicator", row=rownum, column=_colname(where), value=raw.strip(),
                        suggestion=close[0] if close else None, **examples)
            elif where is id_col and not _is_blank(name_raw):
                other_ind = _resolve_indicator(name_raw, {}, by_name)
                if other_ind is not None and other_ind != ind:
                    ctx.add("name_mismatch", row=rownum, column=_colname(name_col), value=name_raw.strip(),
                            severity="warning", indicator=ind, name=indicators[ind].get("name", ind))
        elif has_data:
            ctx.add("blank_indicator", row=rownum, column=_colname(id_col or name_col), value="", **examples)
            continue
        else:
            continue
        meta: Mapping[str, Any] = indicators.get(ind, {}) if ind is not None else {}
        if ind is not None and unit_col is not None:
            unit_raw = cell(rowvals, unit_col)
            expected = str(meta.get("unit") or "")
            if not _is_blank(unit_raw) and normalize_text(unit_raw) != normalize_text(expected):
                ctx.add("unit_mismatch", row=rownum, column=_colname(unit_col), value=unit_raw.strip(),
                        severity="warning", expected=expected, indicator=ind, name=meta.get("name", ind))
        # --- basis
        basis: str | None = None
        if ind is not None:
            basis = _basis_for(ctx, cell(rowvals, basis_col) if basis_col else None, meta, ind, rownum,
                               _colname(basis_col) if basis_col else None)
        note = cell(rowvals, note_col).strip()
        src = cell(rowvals, source_col).strip()
        # --- period(s) and value(s)
        for vcol, vraw, header_period in value_cells:
            if layout == "long":
                praw = cell(rowvals, period_col)
                pcol_name = _colname(period_col)
                period, perr = _parse_period_cell(praw)
                if perr is not None:
                    if perr == "blank_period" and _is_blank(vraw):
                        continue
                    ctx.add(perr, row=rownum, column=pcol_name, value=praw.strip())
                elif _future(period, today):
                    ctx.add("future_period", row=rownum, column=pcol_name, value=praw.strip(),
                            severity="warning", period=_period_key(period), today=today)
            else:
                if _is_blank(vraw):
                    continue
                praw, pcol_name, period = vcol["header"], _colname(vcol), header_period
            if _is_blank(vraw) or _is_dash(vraw):
                if layout == "long":
                    ctx.add("blank_value", row=rownum, column=_colname(vcol), value=vraw.strip(),
                            severity="warning", dash=vraw.strip() or None)
                continue
            if ind is None:
                continue
            number = _value_check(ctx, vraw, meta, ind, rownum, _colname(vcol))
            if number is None or period is None or basis is None:
                continue
            records.append({
                "indicator_id": ind, "year": period.year, "month": period.month,
                "first_month": period.first_month, "value": float(number), "basis": basis,
                "note": note, "source": src, "row": rownum, "col_index": vcol["index"],
                "period_key": _period_key(period), "period_text": str(praw).strip(),
                "period_column": pcol_name, "value_column": _colname(vcol), "value_text": vraw.strip(),
            })

    def names(ind: Any) -> dict[str, Any]:
        return {"indicator": ind, "name": indicators.get(ind, {}).get("name", ind)}

    _report_duplicates(ctx, records, "indicator_id", names)
    # year-to-date series of flows must not fall within a year
    series: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for rec in records:
        if rec["basis"] == "ytd" and indicators.get(rec["indicator_id"], {}).get("kind") == "flow":
            series.setdefault((rec["indicator_id"], rec["year"]), []).append(rec)
    for (ind, _year), recs in sorted(series.items()):
        recs = sorted(recs, key=lambda r: (r["month"], r["row"], r["col_index"]))
        for prev, cur in zip(recs, recs[1:]):
            if cur["month"] > prev["month"] and cur["value"] < prev["value"] - 1e-9:
                ctx.add("ytd_decrease", row=cur["row"], column=cur["value_column"], value=cur["value_text"],
                        prev_row=prev["row"], prev_value=prev["value_text"], prev_period=prev["period_key"],
                        period=cur["period_key"], **names(ind))
    if not records and not ctx.has_errors:
        ctx.add("no_data", header_row=header_row)
    records.sort(key=lambda r: (r["row"], r["col_index"]))
    return _result("actuals", layout, ctx, records, ACTUALS_COLUMNS)


def _guard(kind: str, source: Any, filename: str | None, body: Callable[[_Ctx], IngestResult]) -> IngestResult:
    ctx = _Ctx(_display_name(source, filename))
    try:
        return body(ctx)
    except Exception as exc:  # noqa: BLE001 - the gate never raises
        ctx.add("unreadable", error=type(exc).__name__)
        return _fail(kind, ctx)


def ingest_actuals(
    source: str | os.PathLike[str] | bytes | BinaryIO,
    indicators: Mapping[str, Mapping[str, Any]],
    *,
    filename: str | None = None,
    sheet: str | int | None = None,
    max_bytes: int = MAX_BYTES_DEFAULT,
    today: _dt.date | None = None,
) -> IngestResult:
    """Validate and normalise a table of actual values (long or wide layout).

    ``today``: periods after today's month are warned about (no check when ``None``).
    """

    def body(ctx: _Ctx) -> IngestResult:
        frame, problems = read_table(source, filename=filename, sheet=sheet, max_bytes=max_bytes)
        if frame is None:
            ctx.problems.extend(problems)
            return _fail("actuals", ctx)
        return _ingest_actuals_frame(frame, _ctx_from_frame(frame, problems, ctx.file), indicators, today)

    return _guard("actuals", source, filename, body)


# ---------------------------------------------------------------------------- budget
def _source_lookup(sources: Sequence[str]) -> Callable[[str], str | None]:
    exact = {normalize_text(s).lower(): str(s) for s in sources}
    allowed = set(map(str, sources))

    def lookup(raw: str) -> str | None:
        key = normalize_text(raw).lower()
        if key in exact:
            return exact[key]
        canonical = _SOURCE_ALIASES.get(_norm_header(raw))
        return canonical if canonical in allowed else None

    return lookup


def _ingest_budget_frame(
    frame: pd.DataFrame, ctx: _Ctx, sources: Sequence[str], today: _dt.date | None
) -> IngestResult:
    header_row = int(frame.attrs.get("header_row", 1))
    lookup = _source_lookup(sources)
    extra = {k: v for k, v in _SOURCE_ALIASES.items() if v in set(map(str, sources))}
    extra.update({normalize_text(s).lower(): str(s) for s in sources})
    fields, period_cols, bad_period_cols, other = _map_columns(frame, _BUDGET_ALIASES, extra)
    source_cols = [(cols[0], name[4:]) for name, cols in fields.items() if name.startswith("src:")]
    source_cols.sort(key=lambda t: t[0]["index"])
    if "amount" in fields:
        layout, mode = "long", "long"
        missing = [f for f in ("period", "source") if f not in fields]
    elif source_cols:
        layout, mode = "wide", "by_source"
        missing = [] if "period" in fields else ["period"]
    elif "source" in fields and (period_cols or bad_period_cols) and "period" not in fields:
        layout, mode = "wide", "by_month"
        missing = []
    else:
        layout, mode = "long", "long"
        missing = [f for f in ("period", "source", "amount") if f not in fields]
    if missing:
        _missing(ctx, frame, missing, "budget" if mode == "long" else "budget_wide")
        return _fail("budget", ctx)
    if mode != "by_month":
        other = other + [c for c, _ in period_cols] + bad_period_cols
        period_cols, bad_period_cols = [], []
    _check_column_duplicates(ctx, fields, header_row)
    if other:
        ctx.add("ignored_columns", row=header_row, severity="warning", columns=[_colname(c) for c in other],
                header_row=header_row, example="budget" if mode == "long" else "budget_wide")
    # a unit in the header of an amount column must be 万元
    for name in ["amount", "total"] + [f"src:{s}" for _, s in source_cols]:
        for c in fields.get(name, [])[:1]:
            unit = _header_unit(c["header"])
            if unit and normalize_text(unit) != "万元":
                ctx.add("unit_mismatch", row=header_row, column=_colname(c), value=unit, severity="warning",
                        expected="万元", subject="budget")
    if frame.empty:
        ctx.add("no_data", header_row=header_row)
        return _fail("budget", ctx)

    def col(name: str) -> dict[str, Any] | None:
        cols = fields.get(name)
        return cols[0] if cols else None

    period_col, source_col, amount_col = col("period"), col("source"), col("amount")
    basis_col, note_col, total_col = col("basis"), col("note"), col("total")
    usable_periods = _check_period_headers(ctx, period_cols, bad_period_cols, header_row, today)
    labels = list(frame.columns)
    index_of = {c["label"]: labels.index(c["label"]) for c in frame.attrs["columns"]}
    allowed_sources = list(map(str, sources))

    def cell(rowvals: list[Any], c: Mapping[str, Any] | None) -> str:
        if c is None:
            return ""
        v = rowvals[index_of[c["label"]]]
        return "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)

    def amount_of(raw: str, rownum: int, column: str, src: str | None) -> float | None:
        number, code = _number(raw)
        extra_p = {"source": src} if src else {"subject": "budget"}
        if code is not None:
            ctx.add(code, row=rownum, column=column, value=raw.strip(), **extra_p)
            return None
        assert number is not None
        if number < 0:
            ctx.add("negative", row=rownum, column=column, value=raw.strip(), **extra_p)
            return None
        return number

    def source_of(raw: str, rownum: int, column: str) -> str | None:
        found = lookup(raw)
        if found is None:
            ctx.add("bad_source", row=rownum, column=column, value=raw.strip(), allowed=allowed_sources,
                    allowed_kind="source")
        return found

    def basis_of(rowvals: list[Any], rownum: int) -> str | None:
        if basis_col is None:
            return "month"
        raw = cell(rowvals, basis_col)
        if _is_blank(raw):
            return "month"
        basis = _parse_basis(raw)
        if basis not in ("month", "ytd"):
            ctx.add("bad_basis", row=rownum, column=_colname(basis_col), value=raw.strip(),
                    allowed=["month", "ytd"], default="month", reason="unknown" if basis is None else "not_allowed")
            return None
        return basis

    def period_of(rowvals: list[Any], rownum: int) -> tuple[Period | None, str]:
        raw = cell(rowvals, period_col)
        period, perr = _parse_period_cell(raw)
        if perr is not None:
            ctx.add(perr, row=rownum, column=_colname(period_col), value=raw.strip())
            return None, raw
        if _future(period, today):
            ctx.add("future_period", row=rownum, column=_colname(period_col), value=raw.strip(),
                    severity="warning", period=_period_key(period), today=today)
        return period, raw

    records: list[dict[str, Any]] = []
    totals: list[dict[str, Any]] = []
    total_names = {k for k, v in _BUDGET_ALIASES.items() if v == "total"}

    def record(period: Period, src: str, amount: float, basis: str, note: str, rownum: int,
               c: Mapping[str, Any], praw: str, pcol: str, vraw: str) -> None:
        records.append({
            "source": src, "year": period.year, "month": period.month, "first_month": period.first_month,
            "amount": float(amount), "basis": basis, "note": note, "row": rownum, "col_index": c["index"],
            "period_key": _period_key(period), "period_text": praw.strip(), "period_column": pcol,
            "value_column": _colname(c), "value_text": vraw.strip(),
        })

    for rownum, rowvals in zip(frame.index.tolist(), frame.to_numpy(dtype=object).tolist()):
        rownum = int(rownum)
        note = cell(rowvals, note_col).strip()
        if mode == "long":
            sraw, araw = cell(rowvals, source_col), cell(rowvals, amount_col)
            if _is_blank(araw) or _is_dash(araw):
                if not _is_blank(cell(rowvals, period_col)) or not _is_blank(sraw):
                    ctx.add("blank_value", row=rownum, column=_colname(amount_col), value=araw.strip(),
                            severity="warning", dash=araw.strip() or None)
                continue
            period, praw = period_of(rowvals, rownum)
            basis = basis_of(rowvals, rownum)
            if _norm_header(sraw) in total_names:
                number = amount_of(araw, rownum, _colname(amount_col), None)
                if number is not None and period is not None and basis is not None:
                    totals.append({"key": (_period_key(period), basis), "amount": number, "row": rownum,
                                   "column": _colname(amount_col), "text": araw.strip()})
                continue
            src = source_of(sraw, rownum, _colname(source_col))
            number = amount_of(araw, rownum, _colname(amount_col), src)
            if None not in (period, src, number, basis):
                record(period, src, number, basis, note, rownum, amount_col, praw, _colname(period_col), araw)
        elif mode == "by_source":
            cells_here = [(c, s, cell(rowvals, c)) for c, s in source_cols]
            traw = cell(rowvals, total_col)
            if all(_is_blank(v) or _is_dash(v) for _, _, v in cells_here) and _is_blank(traw):
                if not _is_blank(cell(rowvals, period_col)):
                    ctx.add("blank_value", row=rownum, column=_colname(source_cols[0][0]), value="",
                            severity="warning")
                continue
            period, praw = period_of(rowvals, rownum)
            basis = basis_of(rowvals, rownum)
            amounts: list[float] = []
            clean = True
            for c, src, vraw in cells_here:
                if _is_blank(vraw) or _is_dash(vraw):
                    continue
                number = amount_of(vraw, rownum, _colname(c), src)
                if number is None:
                    clean = False
                    continue
                amounts.append(number)
                if period is not None and basis is not None:
                    record(period, src, number, basis, note, rownum, c, praw, _colname(period_col), vraw)
            if total_col is not None and not _is_blank(traw) and not _is_dash(traw):
                total = amount_of(traw, rownum, _colname(total_col), None)
                if total is not None and clean:
                    diff = total - sum(amounts)
                    if abs(diff) > TOTAL_TOLERANCE:
                        ctx.add("total_mismatch", row=rownum, column=_colname(total_col), value=traw.strip(),
                                severity="warning", sum=round(sum(amounts), 6), diff=round(diff, 6))
        else:  # by_month: one row per source, one column per month
            sraw = cell(rowvals, source_col)
            cells_here = [(c, p, cell(rowvals, c)) for c, p in usable_periods]
            if all(_is_blank(v) for _, _, v in cells_here):
                continue
            basis = basis_of(rowvals, rownum)
            if _norm_header(sraw) in total_names:
                for c, p, vraw in cells_here:
                    if _is_blank(vraw) or _is_dash(vraw):
                        continue
                    number = amount_of(vraw, rownum, _colname(c), None)
                    if number is not None and basis is not None:
                        totals.append({"key": (_period_key(p), basis), "amount": number, "row": rownum,
                                       "column": _colname(c), "text": vraw.strip()})
                continue
            src = source_of(sraw, rownum, _colname(source_col))
            for c, p, vraw in cells_here:
                if _is_blank(vraw) or _is_dash(vraw):
                    continue
                number = amount_of(vraw, rownum, _colname(c), src)
                if None not in (src, number, basis):
                    record(p, src, number, basis, note, rownum, c, c["header"], _colname(c), vraw)

    _report_duplicates(ctx, records, "source", lambda s: {"source": s})
    # total rows of a long (or by-month) table against the sum of the sources
    if totals and not ctx.has_errors:
        sums: dict[tuple[str, str], float] = {}
        for rec in records:
            key = (rec["period_key"], rec["basis"])
            sums[key] = sums.get(key, 0.0) + rec["amount"]
        for t in totals:
            if t["key"] in sums and abs(t["amount"] - sums[t["key"]]) > TOTAL_TOLERANCE:
                ctx.add("total_mismatch", row=t["row"], column=t["column"], value=t["text"], severity="warning",
                        sum=round(sums[t["key"]], 6), diff=round(t["amount"] - sums[t["key"]], 6))
    # one basis per source and year; year-to-date → monthly by differencing
    by_series: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for rec in records:
        by_series.setdefault((rec["source"], rec["year"]), []).append(rec)
    for (src, year), recs in sorted(by_series.items()):
        bases = {r["basis"] for r in recs}
        if len(bases) > 1:
            rows = sorted({r["row"] for r in recs})
            last = max(recs, key=lambda r: (r["row"], r["col_index"]))
            ctx.add("mixed_basis", row=last["row"], column=None, value=None, rows=rows, year=year, source=src)
            continue
        if bases != {"ytd"}:
            continue
        recs.sort(key=lambda r: (r["month"], r["row"], r["col_index"]))
        prev: dict[str, Any] | None = None
        for rec in recs:
            if prev is not None and rec["month"] == prev["month"]:
                continue  # a duplicate, reported above
            ytd = rec["amount"]
            if prev is not None and ytd < prev["ytd"] - 1e-9:
                ctx.add("ytd_decrease", row=rec["row"], column=rec["value_column"], value=rec["value_text"],
                        prev_row=prev["row"], prev_value=prev["value_text"], prev_period=prev["period_key"],
                        period=rec["period_key"], source=src)
            rec["ytd"] = ytd
            rec["amount"] = ytd - (prev["ytd"] if prev is not None else 0.0)
            rec["first_month"] = prev["month"] + 1 if prev is not None else 1
            prev = rec
    if not records and not ctx.has_errors:
        ctx.add("no_data", header_row=header_row)
    records.sort(key=lambda r: (r["row"], r["col_index"]))
    return _result("budget", layout, ctx, records, BUDGET_COLUMNS)


def ingest_budget(
    source: str | os.PathLike[str] | bytes | BinaryIO,
    *,
    sources: Sequence[str] = ("central", "local", "other"),
    filename: str | None = None,
    sheet: str | int | None = None,
    max_bytes: int = MAX_BYTES_DEFAULT,
    today: _dt.date | None = None,
) -> IngestResult:
    """Validate and normalise budget spending (万元), long or wide; ``amount`` is monthly."""

    def body(ctx: _Ctx) -> IngestResult:
        frame, problems = read_table(source, filename=filename, sheet=sheet, max_bytes=max_bytes)
        if frame is None:
            ctx.problems.extend(problems)
            return _fail("budget", ctx)
        return _ingest_budget_frame(frame, _ctx_from_frame(frame, problems, ctx.file), sources, today)

    return _guard("budget", source, filename, body)


def _looks_like_budget(frame: pd.DataFrame, sources: Sequence[str]) -> bool:
    fields, _, _, _ = _map_columns(frame, _ACTUALS_ALIASES)
    if "indicator_id" in fields or "name" in fields:
        return False
    extra = {k: v for k, v in _SOURCE_ALIASES.items() if v in set(map(str, sources))}
    extra.update({normalize_text(s).lower(): str(s) for s in sources})
    bfields, _, _, _ = _map_columns(frame, _BUDGET_ALIASES, extra)
    return "amount" in bfields or "total" in bfields or any(k.startswith("src:") for k in bfields) or (
        "source" in bfields and "value" not in fields
    )


def ingest_any(
    source: str | os.PathLike[str] | bytes | BinaryIO,
    indicators: Mapping[str, Mapping[str, Any]],
    *,
    filename: str | None = None,
    sheet: str | int | None = None,
    max_bytes: int = MAX_BYTES_DEFAULT,
    sources: Sequence[str] = ("central", "local", "other"),
    today: _dt.date | None = None,
) -> IngestResult:
    """Tell actuals from budget by the columns (an indicator column → actuals; an amount,
    source or 中央补助/地方资金… column without one → budget), then validate."""

    def body(ctx: _Ctx) -> IngestResult:
        frame, problems = read_table(source, filename=filename, sheet=sheet, max_bytes=max_bytes)
        if frame is None:
            ctx.problems.extend(problems)
            return _fail("actuals", ctx)
        fctx = _ctx_from_frame(frame, problems, ctx.file)
        if _looks_like_budget(frame, sources):
            return _ingest_budget_frame(frame, fctx, sources, today)
        return _ingest_actuals_frame(frame, fctx, indicators, today)

    return _guard("actuals", source, filename, body)
