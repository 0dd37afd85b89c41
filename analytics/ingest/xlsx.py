"""Reading one worksheet of an .xlsx/.xlsm as cell texts, streaming, within the file's limits.

openpyxl reads the workbook's parts (sheet list); the cell styles' number formats are read by
:mod:`analytics.ingest.xlsx_styles`; the chosen sheet's XML and the shared strings are parsed here,
row by row, with lxml's ``iterparse`` (no entities, no DTD, no network; lxml comes with python-pptx). Unlike ``load_workbook``, this reads only the chosen sheet, never scans
a sheet whose ``<dimension>`` element is missing from top to bottom first, and is several times
faster, so the work stops soon at the first passed limit (columns, rows, cells, cell length, seconds). A formula cell
gives the value Excel saved with it, or the formula text (``=…``) when there is none; numbers with
a percent format read as ``12.5%``; merged ranges come from the same pass.
"""

from __future__ import annotations

import datetime as _dt
import io
import math
import re
import warnings
import zipfile
from typing import Any, Iterator

from analytics.core.values import normalize_text
from analytics.ingest.limits import Deadline, LimitExceeded, Limits
from analytics.ingest.problems import Collector
from analytics.ingest.schema import col_letter
from analytics.ingest.xlsx_styles import XML_OPTIONS as _XML_OPTIONS
from analytics.ingest.xlsx_styles import Styles as _Styles

__all__ = ["Grid", "read_excel", "cell_text", "OLE2", "password_protected"]

UNZIPPED_FACTOR = 12  # an xlsx may unpack to at most max_bytes * this (and max_unpacked_bytes)
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE2 compound file: old Office formats, and a password-locked new one
_LOCKED = "EncryptedPackage".encode("utf-16-le")  # the stream holding an encrypted .xlsx / .docx package


def password_protected(data: bytes) -> bool:
    """An .xlsx / .docx saved with a password to open it: Office then stores it as an OLE2 file
    whose ``EncryptedPackage`` stream holds the encrypted workbook or document."""
    return data.startswith(OLE2) and _LOCKED in data


class Grid:
    """Cell texts by sheet row (columns 0-based), merged ranges (1-based, inclusive), format, and
    whether the sheet is hidden in the workbook."""

    __slots__ = ("cells", "merges", "fmt", "hidden", "left_out", "hidden_read")

    def __init__(self, cells: dict[int, list[str]], merges: list[tuple[int, int, int, int]], fmt: str,
                 hidden: bool = False, left_out: tuple[int, int] = (0, 0),
                 hidden_read: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())) -> None:
        self.cells = cells
        self.merges = merges
        self.fmt = fmt
        self.hidden = hidden
        self.left_out = left_out  # rows and columns holding text that the sheet hides, left out (read as shown)
        self.hidden_read = hidden_read  # rows and columns (1-based) holding text that the sheet hides, read


def size_mb(n: int, limit: int | None = None) -> str:
    """``n`` bytes in MB as a message says it beside ``limit``: in the megabytes the limit is a round
    number of (200,000,000 → 200.0 MB; 20 × 1024² → 20.0 MB), so a size and its limit compare."""
    unit = 1_000_000 if limit is not None and limit % 1_000_000 == 0 else 1024 * 1024
    return f"{n / unit:.1f}"


def _fmt_float(value: float) -> str:
    text = f"{value:.15g}"
    if "e" in text and abs(value) < 1e15 and abs(value) >= 1e-4:
        text = f"{value:f}".rstrip("0").rstrip(".")
    return text


_FORMAT_LITERAL = re.compile(r'"([^"]*)"|\\(.)')
_FORMAT_NOISE = re.compile(r"\[[^\]]*\]|_.|\*.")  # [Red], [$-804], padding _) and fill *-
_PLACEHOLDER = re.compile(r"[0#?]")
_SIGN_PREFIX = re.compile(r"[≥≤<>=≧≦]{0,2}|不低于|不少于|不超过|不高于|达到|约")  # a currency sign (¥) is no target's word


def format_affixes(number_format: str | None) -> tuple[str, str]:
    """The words a number format shows before and after a number (``'#,##0"人次"'`` → ("", "人次"),
    ``'"≥"0%'`` → ("≥", "")): the unit or sign a person put in the cell's format, not in its text.
    Only the format's first (positive) section counts; ("", "") when it shows none."""
    if not number_format or not _PLACEHOLDER.search(number_format):
        return "", ""
    section = _FORMAT_NOISE.sub("", number_format.split(";")[0])
    first = _PLACEHOLDER.search(section)
    last = list(_PLACEHOLDER.finditer(section))
    if first is None:
        return "", ""

    def literal(part: str) -> str:
        return "".join(a or b for a, b in _FORMAT_LITERAL.findall(part)).strip()

    prefix, suffix = literal(section[:first.start()]), literal(section[last[-1].end():])
    return (prefix if _SIGN_PREFIX.fullmatch(prefix) else ""), (suffix if len(suffix) <= 8 else "")


def cell_text(value: Any, number_format: str | None, words: bool = False) -> str:
    """The text a cell shows for our purposes: numbers without float noise, percent formats as
    ``…%``, dates as ISO, formulas as ``=…``; with ``words``, a unit or sign the number format
    shows with the number too (``500人次``: a target table's cell as its reader sees it)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)) and not (isinstance(value, float) and (math.isnan(value) or math.isinf(value))):
        prefix, suffix = format_affixes(number_format) if words else ("", "")
        if number_format and "%" in number_format.split(";")[0].replace('"%"', ""):
            return prefix + _fmt_float(value * 100) + "%" + suffix
        return prefix + (str(value) if isinstance(value, int) else _fmt_float(value)) + suffix
    if isinstance(value, float):
        return str(value)
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


def _pick_sheet(sheets: list[tuple[Any, Any]], sheet: str | int | None) -> tuple[Any, Any] | None:
    """(sheet, relation) of the requested sheet: the first visible one by default, by position
    for an int, by name (exact, then ignoring width and case) for a str."""
    if sheet is None:
        visible = [s for s in sheets if (getattr(s[0], "state", None) or "visible") == "visible"]
        return (visible or sheets)[0]
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        return sheets[sheet] if 0 <= sheet < len(sheets) else None
    wanted = str(sheet)
    for s in sheets:
        if s[0].name == wanted:
            return s
    key = normalize_text(wanted).lower()
    for s in sheets:
        if normalize_text(s[0].name).lower() == key:
            return s
    return None


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _C, _V, _F, _IS, _T, _R, _SI, _MERGE = (f"{_NS}{t}" for t in ("row", "c", "v", "f", "is", "t", "r", "si",
                                                                    "mergeCell"))


_EMPTY_ROW_RE = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="\d+"[^>]*?(?:/>|>(?:\s*<(?:\w+:)?c\b[^>]*/>)*\s*</(?:\w+:)?row>)')
_ROOT_RE = re.compile(rb"<(?:\w+:)?worksheet\b[^>]*>")
_DATA_START_RE = re.compile(rb"<(?:\w+:)?sheetData\b")
_DATA_END_RE = re.compile(rb"</(?:\w+:)?sheetData>|<(?:\w+:)?sheetData\b[^>]*/>")
_MERGE_CELL_RE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*/>")
_ROOT_END = re.compile(rb"<(\w+:)?worksheet\b")
_MOST_COLUMNS = 16_384  # columns a sheet can have
_MOST_COL_ELEMENTS = 2_000  # column ranges noted for hidden columns
_COL_RE = re.compile(rb"<(?:\w+:)?col\b([^>]*)>")  # a column range's width and whether it is hidden
_ATTR_RE = re.compile(rb'\b(min|max|hidden)="([^"]*)"')


class _SheetStream(io.RawIOBase):
    """A sheet's XML reduced to what is read: the root tag, ``<sheetData>`` without its empty rows
    (``<row r="7"/>`` or a row of empty, formatted cells) and the ``<mergeCell>`` elements.

    Everything else (columns, views, formatting, hyperlinks, validations…) is skipped unparsed, so
    a sheet stuffed with a million such elements costs one regular-expression pass per megabyte,
    and a million empty rows (some tools write them) cost ~50 times less than parsing them. Only
    rows numbered by their ``r`` attribute are dropped, so row numbers stay true. The columns the
    sheet hides (``<col min max hidden="1">``, the first 2,000 ranges) are noted in
    :attr:`hidden_columns` (1 at each, 1-based)."""

    def __init__(self, src: Any) -> None:
        self.src = src
        self.state = "head"  # head → data → tail → done
        self.pending = b""
        self.out = memoryview(b"")
        self.close_root = b"</worksheet>"
        self.hidden_columns = bytearray(_MOST_COLUMNS + 1)  # 1 at each hidden column (1-based)
        self.col_elements = 0

    def _note_columns(self, block: bytes) -> None:
        for col in _COL_RE.finditer(block):
            self.col_elements += 1
            if self.col_elements > _MOST_COL_ELEMENTS:
                return  # a sheet's few dozen column ranges, not a million
            attrs = dict(_ATTR_RE.findall(col.group(1)))
            if attrs.get(b"hidden") in (b"1", b"true") and attrs.get(b"min", b"").isdigit() and attrs.get(b"max", b"").isdigit():
                low, high = max(int(attrs[b"min"]), 1), min(int(attrs[b"max"]), _MOST_COLUMNS)
                if low <= high:
                    self.hidden_columns[low:high + 1] = b"\x01" * (high - low + 1)

    def readable(self) -> bool:
        return True

    def _head(self, block: bytes) -> bytes:
        root = _ROOT_RE.search(block)
        start = _DATA_START_RE.search(block)
        self._note_columns(block if start is None else block[:start.start()])
        if root is None or start is None:
            self.pending = block[-4096:]  # a tag may be cut in two; the rest is not needed
            return b""
        prefix = _ROOT_END.match(block, root.start())
        self.close_root = b"</" + (prefix.group(1) or b"" if prefix else b"") + b"worksheet>"
        self.state = "data"
        return block[root.start():root.end()] + self._data(block[start.start():])

    def _data(self, block: bytes) -> bytes:
        end = _DATA_END_RE.search(block)
        if end is not None:
            self.state = "tail"
            return _EMPTY_ROW_RE.sub(b"", block[:end.end()]) + self._tail(block[end.end():])
        cut = max(block.rfind(b"<row"), block.rfind(b":row"))  # a row cut in two waits for the next round
        cut = cut if cut > 0 else len(block)
        self.pending = block[cut:]
        return _EMPTY_ROW_RE.sub(b"", block[:cut])

    def _tail(self, block: bytes) -> bytes:
        found = _MERGE_CELL_RE.findall(block)
        last = block.rfind(b"<")
        self.pending = block[last:] if last >= 0 and b">" not in block[last:] else b""
        return b"".join(found)

    def _fill(self) -> None:
        while not len(self.out) and self.state != "done":
            chunk = self.src.read(1 << 20)
            block, self.pending = self.pending + chunk, b""
            out = getattr(self, f"_{self.state}")(block)
            if not chunk:
                out += self.close_root if self.state != "head" else b""
                self.state = "done"
            self.out = memoryview(out)

    def readinto(self, buffer: Any) -> int:
        self._fill()
        n = min(len(buffer), len(self.out))
        buffer[:n] = self.out[:n]
        self.out = self.out[n:]
        return n


def _iter_end(src: Any, tag: str | tuple[str, ...]) -> Iterator[Any]:
    """``end`` events of ``tag`` (lxml, no entities, no DTD, no network), each element freed after use."""
    from lxml import etree

    for _, element in etree.iterparse(src, events=("end",), tag=tag, **_XML_OPTIONS):
        yield element
        element.clear()
        parent = element.getparent()
        if parent is not None:
            while element.getprevious() is not None:
                del parent[0]


def _rich_text(element: Any) -> str:
    """Text of an ``<si>`` or ``<is>``: its ``<t>``, or the ``<t>`` of each run (phonetic runs left out)."""
    parts = []
    for child in element:
        if child.tag == _T:
            parts.append(child.text or "")
        elif child.tag == _R:
            t = child.find(_T)
            if t is not None:
                parts.append(t.text or "")
    return "".join(parts)


def _shared_strings(reader: Any, limits: Limits, deadline: Deadline) -> list[str]:
    """The workbook's shared strings, streaming; more strings than ``max_cells`` is over the limit."""
    from openpyxl.xml.constants import SHARED_STRINGS

    part = reader.package.find(SHARED_STRINGS)
    if part is None:
        return []
    strings: list[str] = []
    with reader.archive.open(part.PartName[1:]) as src:
        for si in _iter_end(src, _SI):
            strings.append(_rich_text(si))
            if len(strings) > limits.max_cells:
                raise LimitExceeded("too_many_cells", count=len(strings))
            if not len(strings) & 4095:
                deadline.check()
    return strings


def _cast_number(text: str) -> int | float:
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


def _typed(kind: str, raw: str | None, style_id: int, styles: _Styles, shared: list[str]) -> Any:
    """The value of a ``<v>`` of type ``kind`` (openpyxl's reading of cell types)."""
    if raw is None or raw == "":
        return None
    if kind == "s":
        return shared[int(raw)]
    if kind == "b":
        return bool(int(raw))
    if kind in ("str", "e", "inlineStr"):
        return raw
    if kind == "d":
        from openpyxl.utils.datetime import from_ISO8601

        return from_ISO8601(raw)
    value = _cast_number(raw)
    if style_id and style_id in styles.dates:
        from openpyxl.utils.datetime import from_excel

        try:
            return from_excel(value, styles.epoch, timedelta=style_id in styles.durations)
        except (OverflowError, ValueError):
            return "#VALUE!"
    return value


def _cell_value(c: Any, styles: _Styles, shared: list[str]) -> tuple[Any, int]:
    """(value, style id) of one ``<c>``: a formula gives the value Excel saved with it, or ``=…``."""
    attrib = c.attrib
    kind = attrib.get("t", "n")
    style = attrib.get("s")
    style_id = int(style) if style and style.isdigit() else 0
    raw = formula = inline = None
    for child in c:  # one pass over <v>, <f>, <is> (find() parses its path on every call)
        tag = child.tag
        if tag == _V:
            raw = child.text
        elif tag == _F:
            formula = child
        elif tag == _IS:
            inline = child
    if kind == "inlineStr":
        return (_rich_text(inline) if inline is not None else None), style_id
    if kind == "n" and raw and not style_id and formula is None:
        return _cast_number(raw), 0  # the common case, without the calls below
    value = _typed(kind, raw, style_id, styles, shared)
    if formula is not None and (value is None or not str(value).strip()):
        return "=" + (formula.text or ""), style_id
    return value, style_id


def _sheet_cells(src: Any, styles: _Styles, shared: list[str], limits: Limits,
                 deadline: Deadline, words: bool = False, hidden_columns: bytearray | None = None,
                 left_out: list[set[int]] | None = None, shown: bool = True
                 ) -> tuple[dict[int, list[str]], list[tuple[int, int, int, int]]]:
    """Cell texts by row and the merged ranges, in one streaming pass over the sheet; raises
    :class:`LimitExceeded` at the first passed limit. With ``hidden_columns`` (1 at each hidden
    column, filled as the sheet's head is read), the rows and columns the sheet hides that hold a
    cell are added to ``left_out`` (two sets): ``shown``, they are left out (only what the sheet
    shows is read); else they are read like the rest."""
    from openpyxl.utils.cell import column_index_from_string

    cells: dict[int, list[str]] = {}
    merges: list[str] = []
    filled = seen = r = chars = 0
    for row in _iter_end(src, (_ROW, _MERGE)):
        if row.tag == _MERGE:
            merges.append(str(row.get("ref")))
            if len(merges) > limits.max_cells:
                raise LimitExceeded("too_many_cells", count=len(merges))
            continue
        ref = row.get("r")
        r = int(ref) if ref and ref.isdigit() else r + 1
        seen += 1
        hidden_row = hidden_columns is not None and row.get("hidden") in ("1", "true")
        if hidden_row and shown:
            if left_out is not None and any(_cell_value(cell, styles, shared)[0] not in (None, "") for cell in row
                                            if cell.tag == _C):
                left_out[0].add(r)
            continue  # a row the sheet hides: not what the person reads
        c = 0
        for cell in row:
            if cell.tag != _C:
                continue
            ref = cell.get("r")
            c = column_index_from_string(ref.rstrip("0123456789")) if ref else c + 1
            seen += 1
            hidden_column = hidden_columns is not None and c < len(hidden_columns) and hidden_columns[c]
            if hidden_column and shown:
                if left_out is not None and _cell_value(cell, styles, shared)[0] not in (None, ""):
                    left_out[1].add(c)
                continue
            value, style_id = _cell_value(cell, styles, shared)
            if value is None:
                continue
            fmt = None
            if style_id and isinstance(value, (int, float)) and not isinstance(value, bool):
                fmt = styles.number_format(style_id)
            text = cell_text(value, fmt, words)
            if not text.strip():
                continue
            if c > limits.max_columns:
                raise LimitExceeded("too_many_columns", row=r, column=col_letter(c - 1), count=c)
            if len(text) > limits.max_cell_chars:
                raise LimitExceeded("cell_too_long", row=r, column=col_letter(c - 1), length=len(text))
            chars += len(text)
            if chars > limits.max_text_chars:  # one long shared string in many cells
                raise LimitExceeded("too_much_text", row=r, limit=limits.max_text_chars)
            filled += 1
            if filled > limits.max_cells:
                raise LimitExceeded("too_many_cells", row=r)
            line = cells.get(r)
            if line is None:
                if r > limits.max_rows:
                    raise LimitExceeded("too_many_rows", row=r)
                line = cells[r] = []
            if len(line) < c:
                line.extend([""] * (c - len(line)))
            line[c - 1] = text
            if left_out is not None and (hidden_row or hidden_column):  # read, though the sheet hides it
                left_out[0 if hidden_row else 1].add(r if hidden_row else c)
        if seen > 4096:
            deadline.check(r)
            seen = 0
    return cells, _ranges(merges)


def _ranges(refs: list[str]) -> list[tuple[int, int, int, int]]:
    """``"A2:C5"`` → (min_row, min_col, max_row, max_col); single cells and bad references left out."""
    from openpyxl.utils.cell import range_boundaries

    merges = set()
    for ref in refs:
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        if None not in (min_col, min_row, max_col, max_row) and (max_row > min_row or max_col > min_col):
            merges.add((int(min_row), int(min_col), int(max_row), int(max_col)))
    return sorted(merges)


def _open(data: bytes, ctx: Collector, max_bytes: int) -> Any:
    """The workbook's parts (manifest, shared strings, workbook) without its sheets or styles, or
    ``None`` after recording why not."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            unpacked = sum(max(0, i.file_size) for i in zf.infolist())
    except Exception as exc:  # noqa: BLE001 - anything wrong with the zip is a bad workbook
        ctx.add("bad_excel", error=type(exc).__name__)
        return None
    cap = min(max_bytes * UNZIPPED_FACTOR, ctx.limits.max_unpacked_bytes)
    if unpacked > cap:
        ctx.add("too_large", size=unpacked, limit=cap, size_mb=size_mb(unpacked, cap), limit_mb=size_mb(cap, cap),
                unpacked=True)
        return None
    from openpyxl.reader.excel import ExcelReader

    reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=False)
    reader.read_manifest()
    reader.read_workbook()  # the styles are read by _Styles.read, streaming
    return reader


def read_excel(data: bytes, ctx: Collector, sheet: str | int | None, max_bytes: int,
               words: bool = False, shown: bool = False) -> Grid | None:
    """The chosen sheet's cells and merged ranges; ``None`` (with a problem) when the workbook
    cannot be read or has no such sheet. Raises :class:`LimitExceeded` at a passed limit. With
    ``words``, numbers keep the unit or sign their format shows (see :func:`cell_text`); with
    ``shown``, rows and columns the sheet hides are left out (a form as the person sees it), else
    they are read and named (:attr:`Grid.hidden_read`: a data file's hidden rows hold data too)."""
    reader = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = _open(data, ctx, max_bytes)
            if reader is None:
                return None
            sheets = [(s, rel) for s, rel in reader.parser.find_sheets()
                      if rel.target in reader.valid_files and "chartsheet" not in str(rel.Type)]
            if len(sheets) > ctx.limits.max_sheets:
                raise LimitExceeded("too_many_sheets", count=len(sheets), limit=ctx.limits.max_sheets)
            picked = _pick_sheet(sheets, sheet) if sheets else None
            if picked is None:
                ctx.add("no_sheet", requested="" if sheet is None else str(sheet), sheets=[s.name for s, _ in sheets])
                return None
            ctx.sheet = picked[0].name
            shared = _shared_strings(reader, ctx.limits, ctx.deadline)
            with reader.archive.open(picked[1].target) as src:
                stream = _SheetStream(src)
                sheet_xml = io.BufferedReader(stream, 1 << 20)
                left: list[set[int]] = [set(), set()]
                cells, merges = _sheet_cells(sheet_xml, _Styles.read(reader, ctx.deadline), shared, ctx.limits, ctx.deadline, words,
                                             stream.hidden_columns, left, shown)
    except LimitExceeded:
        raise
    except Exception as exc:  # noqa: BLE001 - corrupt / truncated / not a workbook
        if "huge text node" in str(exc) or "Text node too long" in str(exc):  # libxml2's bound on one text
            raise LimitExceeded("cell_too_long") from exc
        ctx.add("bad_excel", error=type(exc).__name__)
        return None
    finally:
        if reader is not None:
            try:
                reader.archive.close()
            except Exception:  # noqa: BLE001 - closing a broken archive must not raise
                pass
    return Grid(cells, merges, "xlsx", hidden=str(getattr(picked[0], "state", "") or "visible") != "visible",
                left_out=(len(left[0]), len(left[1])) if shown else (0, 0),
                hidden_read=((), ()) if shown else (tuple(sorted(left[0])), tuple(sorted(left[1]))))
