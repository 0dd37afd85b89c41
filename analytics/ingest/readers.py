"""Reading a CSV or Excel file into a table of cell texts, whatever its shape, within its limits.

CSV: UTF-8 (with or without BOM) or GBK/GB18030, delimiter sniffed; Excel: .xlsx/.xlsm via
:mod:`analytics.ingest.xlsx`. The header is found even below title rows or in two merged rows;
cells merged down a column are filled; note rows (注：…) are skipped with a warning. Every read is
bounded by ``data/limits.yaml`` (columns, rows, cells, cell length, seconds) and stops at the first
passed limit with a located problem. Never raises out of :func:`read_table`.
"""

from __future__ import annotations

import csv
import io
import os
import re
from typing import Any, BinaryIO, Iterable, Mapping

import pandas as pd

from analytics.core.values import ValueParseError, normalize_text, parse_number
from analytics.ingest.limits import LimitExceeded, Limits, resolve
from analytics.ingest.problems import Collector, Problem
from analytics.ingest.schema import (
    KNOWN_HEADERS, NOTE_ROW_RE, col_letter, day_number, norm_header, period_header, stated_unit, year_hint,
)
from analytics.ingest.xlsx import OLE2, Grid, password_protected, read_excel, size_mb

MAX_BYTES_DEFAULT = 10 * 1024 * 1024
HEADER_SCAN_ROWS = 10  # the header is looked for in the first N non-blank rows
_TITLE_ROWS = 10  # the rows above a header whose words may name the year of its months (1月 … 12月)


def display_name(source: Any, filename: str | None) -> str:
    if filename:
        return os.path.basename(str(filename)) or str(filename)
    if isinstance(source, (str, os.PathLike)):
        return os.path.basename(os.fspath(source)) or os.fspath(source)
    name = getattr(source, "name", None)
    if isinstance(name, str) and name:
        return os.path.basename(name) or name
    return "上传的文件"


def _read_bytes(source: Any, ctx: Collector, max_bytes: int) -> bytes | None:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        try:
            size = os.path.getsize(path)
        except OSError as exc:
            ctx.add("unreadable", error=type(exc).__name__)
            return None
        if not os.path.isfile(path):  # a pipe is never opened (it waits for a writer); a device never ends
            ctx.add("unreadable", error="IsADirectoryError" if os.path.isdir(path) else "not a regular file")
            return None
        if size > max_bytes:
            ctx.add("too_large", size=size, limit=max_bytes, size_mb=size_mb(size, max_bytes), limit_mb=size_mb(max_bytes, max_bytes))
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
        ctx.add("too_large", size=len(data), limit=max_bytes, size_mb=size_mb(len(data), max_bytes),
                limit_mb=size_mb(max_bytes, max_bytes))
        return None
    return data


def source_bytes(source: Any, max_bytes: int) -> bytes | None:
    """The bytes of ``source`` (a path, bytes or a stream), None when unreadable or over ``max_bytes``."""
    return _read_bytes(source, Collector("file"), max_bytes)


def _decode(data: bytes, ctx: Collector) -> str | None:
    from analytics.ingest.tables.raw import decode_text, utf8_evidence, utf8_text

    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's 另存为 Unicode 文本: read as parse-table reads it
        text = decode_text(data)
        if text is None:
            ctx.add("bad_encoding", detected="UTF-16")
        return text
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    text = utf8_text(body)  # only a cut last character is forgiven
    if text is None:
        evidence, bad_rows = utf8_evidence(body)
        if evidence >= 8 and bad_rows:  # UTF-8 Chinese on some lines, other bytes on others
            ctx.add("mixed_encoding", row=bad_rows[0], rows=bad_rows, detected="GBK")
            return None
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
    """The delimiter of the first ten non-blank lines (only the first 64 KB are looked at)."""
    lines = [ln for ln in text[:65536].splitlines()[:20] if ln.strip()][:10]
    best, best_count = ",", 0
    for delim in (",", "\t", ";", "，", "|"):
        count = sum(ln.count(delim) for ln in lines)
        if count > best_count:
            best, best_count = delim, count
    return best


def _bounded_lines(text: str, delim: str, limits: Limits) -> Iterable[str]:
    """The physical lines of ``text``; a line with more delimiters than ``max_columns`` allows
    stops the read before the CSV parser splits it (a 20 MB line would become millions of cells)."""
    for line in io.StringIO(text, newline=""):
        if len(line) > limits.max_columns and line.count(delim) >= limits.max_columns:
            raise LimitExceeded("too_many_columns", column=col_letter(limits.max_columns),
                                count=line.count(delim) + 1)
        yield line


def _read_csv(data: bytes, ctx: Collector) -> Grid | None:
    text = _decode(data, ctx)
    if text is None:
        return None
    if not text.strip():
        ctx.add("empty_file")
        return None
    delim = _sniff_delimiter(text)
    limits = ctx.limits
    cells: dict[int, list[str]] = {}
    reader = csv.reader(_bounded_lines(text, delim, limits), delimiter=delim)
    number, filled_cells = 0, 0
    try:
        for number, record in enumerate(reader, start=1):
            if not number & 1023:
                ctx.deadline.check(number)
            if number > limits.max_rows:
                raise LimitExceeded("too_many_rows", row=number)
            if any(c.strip() for c in record):
                filled_cells += len(record) - record.count("")
                _check_record(record, number, filled_cells, limits)
                cells[number] = record
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise LimitExceeded("cell_too_long", row=reader.line_num or None) from exc
        ctx.add("bad_csv", row=reader.line_num or None, error=str(exc)[:120])
        return None
    except LimitExceeded as exc:
        if exc.row is None:
            exc.row = number + 1
        raise
    return Grid(cells, [], "csv")


def _check_record(record: list[str], number: int, filled_cells: int, limits: Limits) -> None:
    """Column, cell and cell-length limits for one non-blank CSV record."""
    if len(record) > limits.max_columns:
        last = max(i for i, c in enumerate(record) if c.strip())
        if last >= limits.max_columns:
            raise LimitExceeded("too_many_columns", row=number, column=col_letter(last), count=last + 1)
    if filled_cells > limits.max_cells:
        raise LimitExceeded("too_many_cells", row=number)
    if sum(map(len, record)) > limits.max_cell_chars:
        for i, c in enumerate(record):
            if len(c) > limits.max_cell_chars:
                raise LimitExceeded("cell_too_long", row=number, column=col_letter(i), length=len(c))


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
        if norm_header(text) in KNOWN_HEADERS or (period_header(text) is not None and not day_number(text)):
            score += 1
    return score

_Merge = tuple[int, int, int, int]  # (min_row, min_col, max_row, max_col), 1-based, inclusive


class _Sheet:
    """The non-blank rows of a grid and its merged ranges, clipped to the last filled row and the
    column limit (a merge down to row 1,048,576 must not make a million rows)."""

    def __init__(self, grid: Grid, max_columns: int) -> None:
        self.cells = {r: list(v) for r, v in grid.cells.items() if any(c.strip() for c in v)}
        last_row = max(self.cells) if self.cells else 0
        self.merges: list[_Merge] = [(a, b, min(c, last_row), min(d, max_columns)) for a, b, c, d in grid.merges
                                     if a <= last_row and b <= max_columns]
        self._by_row: dict[int, list[_Merge]] = {}

    def get(self, r: int, c: int) -> str:  # c is 0-based
        row = self.cells.get(r)
        return row[c] if row is not None and c < len(row) else ""

    def covering(self, r: int, c: int) -> _Merge | None:  # c 0-based; a merge that hides this cell
        if r not in self._by_row:
            self._by_row[r] = [m for m in self.merges if m[0] <= r <= m[2]]
        for m in self._by_row[r]:
            if m[1] <= c + 1 <= m[3] and (m[0], m[1]) != (r, c + 1):
                return m
        return None


def _find_header(sheet: _Sheet) -> tuple[int, bool, int]:
    """(header row, two header rows?, width): the best-scoring of the first rows, and whether the
    row below it completes it (merged cells over sub-headers)."""
    cells, merges = sheet.cells, sheet.merges
    order = sorted(cells)
    scores = [(_score_header(cells[r]), -i, r) for i, r in enumerate(order[:HEADER_SCAN_ROWS])]
    best = max(scores)
    header_row = best[2] if best[0] > 0 else order[0]
    width = max(len(cells[r]) for r in order)
    for m in merges:
        if m[0] <= header_row + 1:
            width = max(width, m[3])
    nxt = header_row + 1
    vertical = [m for m in merges if m[0] == header_row and m[2] > header_row]
    horizontal = [m for m in merges if m[0] == header_row == m[2] and m[3] > m[1]]
    two_level = nxt in cells and bool(
        vertical
        or (horizontal and all(_is_texty(sheet.get(nxt, c - 1)) for m in horizontal for c in range(m[1], m[3] + 1)))
    )
    return header_row, two_level, width


def _header_names(sheet: _Sheet, header_row: int, two_level: bool, width: int) -> list[str]:
    """The name of every column: its header cell, the merged cell over it, or both header rows."""
    names: list[str] = []
    nxt = header_row + 1
    for c in range(width):
        own = sheet.get(header_row, c).strip()
        m = sheet.covering(header_row, c)
        if not own and m is not None and (m[0] < header_row or two_level):
            own = sheet.get(m[0], m[1] - 1).strip()
        if not two_level:
            names.append(" ".join(own.split()))
            continue
        child = sheet.get(nxt, c).strip()
        mc = sheet.covering(nxt, c)
        if mc is not None and mc[0] < nxt:
            child = ""
        if not child:
            name = own
        elif not own or norm_header(child) in KNOWN_HEADERS or period_header(child) is not None:
            name = child
        else:
            name = own + child
        names.append(" ".join(name.split()))
    return names


def _fill_merged(sheet: _Sheet, ctx: Collector, last_header: int) -> None:
    """Fill cells merged down a column in the data area (what the user sees); warn about every
    merge there."""
    data_merges = [m for m in sheet.merges if m[0] > last_header and (m[2] > m[0] or m[3] > m[1])]
    if sum(m[2] - m[0] for m in data_merges if m[1] == m[3]) > ctx.limits.max_cells:
        raise LimitExceeded("too_many_cells", row=data_merges[0][0])
    for m in data_merges:
        if m[1] == m[3]:
            top = sheet.get(m[0], m[1] - 1)
            for r in range(m[0] + 1, m[2] + 1):
                row = sheet.cells.setdefault(r, [])
                if len(row) < m[1]:
                    row.extend([""] * (m[1] - len(row)))
                if not row[m[1] - 1].strip():
                    row[m[1] - 1] = top
    if data_merges:
        ranges = [f"{col_letter(m[1] - 1)}{m[0]}:{col_letter(m[3] - 1)}{m[2]}" for m in data_merges]
        ctx.add("merged_cells", severity="warning", ranges=ranges[:10] + (["…"] if len(ranges) > 10 else []))


def _data_rows(sheet: _Sheet, ctx: Collector, last_header: int, names: list[str]) -> list[int]:
    """Rows below the header that hold data; a lone note (注：…, 填表人：…) is skipped with a warning."""
    data_rows = []
    for r in sorted(sheet.cells):
        if r <= last_header:
            continue
        row = sheet.cells[r]
        filled = [c for c in row if c.strip()]
        if not filled:
            continue
        if len(filled) == 1 and NOTE_ROW_RE.match(normalize_text(filled[0])):
            col = next(i for i, c in enumerate(row) if c.strip())
            ctx.add("ignored_row", row=r, column=names[col] if col < len(names) and names[col] else None,
                    value=filled[0].strip()[:80], severity="warning")
            continue
        data_rows.append(r)
    return data_rows


def _build_frame(sheet: _Sheet, names: list[str], data_rows: list[int]) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """The table of texts: columns with a name or a value, labelled by header (repeats get
    ``.1``…; a blank header gets the column letter), indexed by sheet row."""
    width = max([len(names)] + [len(sheet.cells[r]) for r in data_rows])
    names = names + [""] * (width - len(names))
    used: set[int] = set()
    for r in data_rows:
        used.update(c for c, v in enumerate(sheet.cells[r]) if v.strip())
    keep = [c for c in range(width) if names[c] or c in used]
    labels: list[str] = []
    seen: dict[str, int] = {}
    meta = []
    for c in keep:
        label = names[c] or col_letter(c)
        if label in seen:
            seen[label] += 1
            label = f"{label}.{seen[label]}"
        else:
            seen[label] = 0
        labels.append(label)
        meta.append({"label": label, "header": names[c], "letter": col_letter(c), "index": c})
    matrix = []
    for r in data_rows:
        line = sheet.cells[r]
        n = len(line)
        matrix.append([line[c] if c < n else "" for c in keep])
    frame = pd.DataFrame(matrix, columns=labels, index=pd.Index(data_rows, name="row", dtype="int64"), dtype=str)
    return frame, meta


def _grid_to_frame(grid: Grid, ctx: Collector) -> pd.DataFrame | None:
    """Header, column names, merged cells, data rows → the table of texts (see :func:`read_table`)."""
    sheet = _Sheet(grid, ctx.limits.max_columns)
    if not sheet.cells:
        ctx.add("empty_file")
        return None
    header_row, two_level, width = _find_header(sheet)
    header_rows = [header_row, header_row + 1] if two_level else [header_row]
    header_merges = [m for m in sheet.merges if m[0] <= header_row <= m[2] and (m[2] > m[0] or m[3] > m[1])]
    names = _header_names(sheet, header_row, two_level, width)
    _fill_merged(sheet, ctx, header_rows[-1])
    data_rows = _data_rows(sheet, ctx, header_rows[-1], names)
    frame, meta = _build_frame(sheet, names, data_rows)
    _hidden_read(ctx, grid, data_rows, meta)
    title = " ".join(v for r in sorted(r for r in sheet.cells if r < header_row)[:_TITLE_ROWS] for v in sheet.cells[r] if v.strip())
    hint, hint_from = year_hint(title, ctx.sheet, ctx.file)
    frame.attrs.update({
        "year_hint": hint,  # the year months written without one (1月) are read in, and where it was found
        "year_hint_from": hint_from,
        "unit_hint": stated_unit(title),  # 「…（单位：元）」 in a title row: the unit of the table's plain numbers
        "file": ctx.file,
        "sheet": ctx.sheet,
        "format": grid.fmt,
        "header_row": header_rows[-1],
        "header_rows": header_rows,
        "merged_header": bool(header_merges),
        "columns": meta,
    })
    return frame


def _hidden_read(ctx: Collector, grid: Grid, data_rows: list[int], meta: list[dict[str, Any]]) -> None:
    """Say once that rows or columns of the table the sheet hides were read as the rest (a hidden row
    of a data file mostly still holds data: one left out unsaid would count the year short)."""
    rows = sorted(set(grid.hidden_read[0]) & set(data_rows))
    letters = {m["index"] + 1: m["letter"] for m in meta}
    columns = [letters[c] for c in grid.hidden_read[1] if c in letters]
    if rows or columns:
        ctx.add("hidden_read", row=rows[0] if rows else None, severity="warning", rows=rows, row_count=len(rows),
                columns=columns)


def _read_table(
    source: Any, ctx: Collector, sheet: str | int | None, max_bytes: int
) -> pd.DataFrame | None:
    data = _read_bytes(source, ctx, max_bytes)
    if data is None:
        return None
    if not data.strip():
        ctx.add("empty_file")
        return None
    ext = os.path.splitext(ctx.file)[1].lower()
    if password_protected(data):
        ctx.add("password_protected")
        return None
    if data.startswith(b"%PDF-") or ext == ".pdf":
        ctx.add("not_a_table", detected="pdf")
        return None
    if _word_document(data, ext):
        ctx.add("not_a_table", detected="word")
        return None
    if data.startswith(OLE2) or ext == ".xls":
        grid = _read_xls(data, ctx, sheet)
        return None if grid is None else _grid_to_frame(grid, ctx)
    if data.startswith(b"PK\x03\x04") or ext in (".xlsx", ".xlsm", ".xltx", ".xltm"):
        grid = read_excel(data, ctx, sheet, max_bytes)
    else:
        grid = _read_csv(data, ctx)
    if grid is None:
        return None
    return _grid_to_frame(grid, ctx)


_WORD_EXTS = (".docx", ".docm", ".doc", ".wps", ".odt", ".rtf")


def _word_document(data: bytes, ext: str) -> bool:
    """A Word (or WPS / OpenDocument text) document: by its name, or a zip holding ``word/document.xml``,
    or an old Office file holding Word's text stream and no workbook."""
    if ext in _WORD_EXTS:
        return True
    if data.startswith(b"PK\x03\x04"):
        return b"word/document.xml" in data[:200_000] and b"xl/workbook.xml" not in data[:200_000]
    if data.startswith(OLE2):
        from analytics.ingest.tables.sources import _OLE_BOOK, _OLE_BOOK_OLD, _OLE_WORD

        return _OLE_WORD in data and _OLE_BOOK not in data and _OLE_BOOK_OLD not in data
    return False


def _read_xls(data: bytes, ctx: Collector, sheet: str | int | None) -> Grid | None:
    """An old Excel workbook (.xls) read as parse-table reads one (``xlrd``, merged cells filled,
    within the data file's limits): the requested sheet, else the first one shown; ``old_excel`` when
    it cannot be read (no xlrd, a damaged file)."""
    from analytics.ingest.tables.raw import ReadFailure
    from analytics.ingest.tables.sources import _read_xls as read_xls

    limits = ctx.limits.replace(max_table_rows=ctx.limits.max_rows, max_table_columns=ctx.limits.max_columns,
                                max_table_cells=ctx.limits.max_cells)
    try:
        tables = read_xls(data, sheet if isinstance(sheet, str) else None, limits, shown=False)
    except Exception:  # noqa: BLE001 - a damaged .xls: said as one the reader cannot open
        tables = ReadFailure("bad_excel")
    if isinstance(tables, ReadFailure):
        if tables.code == "no_sheet" and isinstance(sheet, str):
            ctx.add("no_sheet", requested=sheet, sheets=[t for t in tables.detail.split(", ") if t])
        elif tables.code == "password_protected":
            ctx.add("password_protected")
        elif tables.code in ("too_many_rows", "too_many_cells"):
            ctx.add(tables.code, limit=int(tables.detail))
        else:
            ctx.add("old_excel")
        return None
    index = sheet if isinstance(sheet, int) and not isinstance(sheet, bool) else 0
    if not 0 <= index < len(tables):
        ctx.add("no_sheet", requested=str(sheet), sheets=[t.sheet or "" for t in tables])
        return None
    table = tables[index]
    ctx.sheet = ctx.sheet if ctx.sheet is not None else table.sheet
    cells = {r + 1: list(row) for r, row in enumerate(table.rows) if any(str(c).strip() for c in row)}
    return Grid(cells, [], "xls", hidden_read=table.hidden_read)


def read_guarded(source: Any, ctx: Collector, sheet: str | int | None, max_bytes: int) -> pd.DataFrame | None:
    """:func:`_read_table` that turns a passed limit or any exception into a problem."""
    try:
        frame = _read_table(source, ctx, sheet, max_bytes)
    except LimitExceeded as exc:
        ctx.limit(exc)
        frame = None
    except Exception as exc:  # noqa: BLE001 - the gate never raises
        ctx.add("unreadable", error=type(exc).__name__)
        frame = None
    if frame is not None and frame.attrs.get("sheet") is None:
        frame.attrs["sheet"] = ctx.sheet
    return frame


def read_table(
    source: str | os.PathLike[str] | bytes | BinaryIO,
    *,
    filename: str | None = None,
    sheet: str | int | None = None,
    max_bytes: int = MAX_BYTES_DEFAULT,
    limits: Limits | Mapping[str, Any] | None = None,
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read a CSV or Excel table with every cell as text (``""`` for blank).

    The frame's index is the row number the user sees (named ``row``); its columns are the
    header texts (blank headers → the column letter; repeated headers get ``.1``…).
    ``frame.attrs`` holds ``file``, ``sheet``, ``format``, ``header_row`` (last header row),
    ``header_rows``, ``merged_header`` and ``columns`` (per column: label, header as written,
    letter, 0-based index). Returns ``(None, problems)`` when the file cannot be read.
    ``limits``: the file's limits (``data/limits.yaml``), or a mapping of settings to change.
    Never raises.
    """
    ctx = Collector(display_name(source, filename), limits=resolve(limits))
    frame = read_guarded(source, ctx, sheet, max_bytes)
    return frame, ctx.finish()
