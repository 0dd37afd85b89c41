"""Reading a target table's cells from whatever a person holds: .xlsx (merged cells filled), .pdf
(ruled tables, see :mod:`analytics.ingest.tables.pdf`; a scan read by OCR when the machine can,
:mod:`.scan`), an OFD 版式文件 (its pages drawn again as a PDF's, :mod:`.ofd`), OpenDocument
.ods / .odt (:mod:`.odf`),
.xls (when ``xlrd`` is installed), .docx (Word tables, ``gridSpan``/``vMerge`` filled; paragraphs
between tables kept as one-cell rows, so titles such as （2022年度） are seen), .csv, and text
copied out of a PDF or a web page (split into rows and cells by :mod:`.texts`: tab-separated,
``|``-separated, Word's "one cell per tab-led line, blank line between rows", or one cell per line).

Every row keeps where it came from (line, sheet row, table/row) so that a row that cannot be read
is reported with its place and text. Nothing here raises: problems are returned as codes.

The work one file may cause is bounded by ``data/limits.yaml`` (``max_table_rows``,
``max_table_columns``, ``max_table_unpacked_bytes``; the 20 MB size limit): a file over a limit is
refused before the reader looks at its meaning.
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from typing import Any
from xml.etree import ElementTree as ET

from analytics.core.values import printable
from analytics.ingest.limits import LimitExceeded, Limits, default_limits
from analytics.ingest.tables.jsondata import json_content
from analytics.ingest.tables.markup import read_markup
from analytics.ingest.tables.raw import RawTable, ReadFailure, mixed_line
from analytics.ingest.tables.raw import decode_text as _decode
from analytics.ingest.tables.sniff import file_kind, zip_kind
from analytics.ingest.tables.texts import split_spaces, split_text
from analytics.ingest.tables.word import W as _W
from analytics.ingest.tables.word import boxed_tables as _boxed_tables
from analytics.ingest.tables.word import docx_table as _docx_table
from analytics.ingest.tables.word import inner as _inner
from analytics.ingest.tables.word import text_of as _text_of
from analytics.ingest.xlsx import OLE2, password_protected

__all__ = ["RawTable", "ReadFailure", "read_source", "split_spaces", "split_text"]

MAX_BYTES = 20 * 1024 * 1024


def read_source(path: str | os.PathLike[str] | bytes, filename: str | None = None,
                sheet: str | None = None) -> list[RawTable] | ReadFailure:
    """The tables of a file (one per sheet for a workbook), or why it could not be read."""
    try:
        if isinstance(path, (bytes, bytearray)):
            data = bytes(path)
        else:
            filename = filename or os.fspath(path)
            if os.path.exists(path) and not os.path.isfile(path):  # a device or a pipe (/dev/zero) never ends
                return ReadFailure("not_a_file")
            if os.path.getsize(path) > MAX_BYTES:
                return ReadFailure("too_large", str(os.path.getsize(path)))
            with open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)  # grown since its size was taken: read no more than the limit
    except OSError as exc:
        return ReadFailure("unreadable", type(exc).__name__)
    if len(data) > MAX_BYTES:
        return ReadFailure("too_large", str(len(data)))
    if not data.strip():
        return ReadFailure("empty")
    limits = default_limits()
    try:
        tables = _read(data, filename, sheet, limits)
    except LimitExceeded as exc:  # a workbook's sheets or text past their bounds, said as such
        detail = exc.params.get("count") if exc.code == "too_many_sheets" else exc.params.get("limit")
        return ReadFailure(exc.code if exc.code in _SAID_LIMITS else "unreadable", str(detail or ""))
    except Exception as exc:  # noqa: BLE001 - a broken file is a problem to report, never a traceback
        return ReadFailure("unreadable", type(exc).__name__)
    return tables if isinstance(tables, ReadFailure) else _bounded(tables, limits)


#: the file name endings a target table may have (the upload box offers these; a file is read by
#: what it holds, not by its name: an ".xls" that is a web page is read as one)
TABLE_FILE_TYPES = ("xlsx", "xlsm", "xls", "et", "ods", "docx", "doc", "wps", "odt", "pdf", "ofd", "html", "htm", "mht", "mhtml", "xml",
                    "csv", "txt", "tsv", "json", "md")

#: the names of the streams an old Office file (OLE2) holds: Word's text, a workbook (Excel 97+ / 5.0)
_OLE_WORD = "WordDocument".encode("utf-16-le")
_OLE_BOOK = "Workbook".encode("utf-16-le")
_OLE_BOOK_OLD = "Book".encode("utf-16-le") + b"\x00\x00"
_NAMED_BINARY = (".xlsx", ".xlsm", ".xltx", ".docx", ".docm", ".doc", ".wps", ".pdf", ".ofd", ".ods", ".odt")  # formats that are never plain text


def _read(data: bytes, filename: str | None, sheet: str | None, limits: Limits) -> list[RawTable] | ReadFailure:
    ext = os.path.splitext(filename or "")[1].lower()
    if data.startswith(b"%PDF-"):
        return _read_pdf(data, limits)
    if data.startswith(OLE2):
        if password_protected(data):
            return ReadFailure("password_protected", "package")
        if _OLE_WORD in data and _OLE_BOOK not in data and _OLE_BOOK_OLD not in data:
            return _read_doc(data, limits)  # a .doc / .wps: Word's old format, no workbook in it
        return _read_xls(data, sheet, limits)
    if data.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
        if "word/document.xml" in names:
            return _read_docx(data, limits)
        if "xl/workbook.xml" not in names:
            other = zip_kind(names, data)
            if other == "ofd_file":
                return _read_ofd(data, limits)
            if other == "odf_file":
                return _read_odf(data, sheet, limits)
            if other is not None:
                return ReadFailure(other)
            if ext in (".docx", ".docm"):  # a Word file without its text part: not a workbook either
                return ReadFailure("bad_docx")
        return _read_xlsx(data, filename or "", sheet)
    kind = file_kind(data)
    if kind is not None:  # a picture, an archive: no table text to read
        return ReadFailure(kind)
    markup = read_markup(data, sheet, limits)  # a saved web page, or a system's ".xls" that is one
    if markup is not None:
        return markup
    mixed = mixed_line(data)
    if mixed is not None:  # GBK lines in a UTF-8 text: read as GB18030, its UTF-8 lines would be garbled
        return ReadFailure("mixed_encoding", str(mixed))
    text = _decode(data)
    if ext in (".xls", ".et") and (text is None or "\x00" in text):
        return ReadFailure("bad_excel", "not_a_workbook")  # neither a workbook nor a system's text export
    if text is None and ext in _NAMED_BINARY:  # a workbook, Word file or PDF by name only: cut off, or renamed
        return ReadFailure("not_as_named", ext)
    if text is None:
        return ReadFailure("bad_encoding")
    lines = text.count("\n") + 1
    if lines > limits.max_table_rows and sum(1 for ln in text.split("\n") if ln.strip()) > limits.max_table_rows:
        return ReadFailure("too_many_rows", str(limits.max_table_rows))
    held = json_content(text, limits.max_table_cells) if text.lstrip()[:1] in ("[", "{", '"') else None
    if held is not None:  # a table kept as JSON: a grid of cells, or a page's text as one string
        decoded, rows, refs = held
        return [split_text(decoded)] if decoded is not None else [RawTable("json", rows, refs)]
    try:
        return [split_text(text, csv_hint=(ext == ".csv"))]
    except csv.Error as exc:  # a quote never closed makes the rest of the file one cell
        if "field larger than field limit" not in str(exc):
            raise
        return ReadFailure("cell_too_long", str(csv.field_size_limit()))


def _read_pdf(data: bytes, limits: Limits, kind: str = "pdf") -> list[RawTable] | ReadFailure:
    from analytics.ingest.tables.pdf import read_pdf

    rows, refs, code, detail = read_pdf(data, limits)
    if code == "no_pdf_table" and kind == "pdf" and detail == "0":  # pictures only (a scan): read by OCR when it can be
        return _read_scan(data, limits)
    if code:
        return ReadFailure(code, detail)
    if detail == "layout":  # no ruling lines: the pages' text with its words at their places
        lines = [r[0] for r in rows]
        kept = [(ln, ref) for ln, ref in zip(lines, refs) if ln.strip()]
        return [RawTable("text-lines", [[ln.strip()] for ln, _ in kept], [ref for _, ref in kept], lines=lines)]
    return [RawTable(kind, rows, refs, None, True)]


def _read_scan(data: bytes, limits: Limits) -> list[RawTable] | ReadFailure:
    """A scanned PDF read by OCR (:mod:`analytics.ingest.tables.scan`), its pages drawn again as a
    PDF and read as one; ``no_pdf_table`` (a scan) as before when the machine has no OCR."""
    from analytics.ingest.tables.redraw import page_pdf
    from analytics.ingest.tables.scan import ocr_available, read_scan

    if not ocr_available():
        return ReadFailure("no_pdf_table", "0")
    pages, code, detail = read_scan(data, limits)
    if code:
        return ReadFailure(code, detail)
    if not any(p.chars for p in pages):
        return ReadFailure("no_pdf_table", "0")
    found = _read_pdf(page_pdf(pages), limits, "scan")
    for table in found if not isinstance(found, ReadFailure) else []:
        table.ocr = True
    return found


def _read_odf(data: bytes, sheet: str | None, limits: Limits) -> list[RawTable] | ReadFailure:
    """An OpenDocument spreadsheet (.ods: each sheet, hidden ones passed over) or text document
    (.odt: its tables with the paragraphs around them), merged cells filled
    (:mod:`analytics.ingest.tables.odf`)."""
    from analytics.ingest.tables.odf import OdfError, odf_sheets

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        if "content.xml" not in zf.namelist():
            return ReadFailure("bad_odf", "content.xml")
        xml = _member(zf, "content.xml", limits.max_table_unpacked_bytes)
        pictures = sum(1 for n in zf.namelist() if n.startswith("Pictures/"))
    if xml is None:
        return ReadFailure("too_large_unpacked", limits.unpacked_size)
    try:
        found = odf_sheets(xml, limits)
    except OdfError as exc:
        return ReadFailure(str(exc), "content.xml")
    for part in found:
        _fill(part.rows, part.merges, 1)
    if found and found[0].name is None:  # a text document
        doc = found[0]
        if not doc.tables:
            return [RawTable("text-docx", doc.rows, doc.refs, None, False, pictures=pictures)] if doc.rows \
                else ReadFailure("word_table_picture" if pictures else "no_word_table", "0")
        return [RawTable("odt", doc.rows, doc.refs, None, True)]
    names = [str(s.name) for s in found]
    if sheet is not None:
        found = [s for s in found if s.name == sheet]
        if not found:
            return ReadFailure("no_sheet", ", ".join(names))
    tables = _shown([RawTable("ods", s.rows, s.refs, s.name, True, pictures=pictures, left_out=(s.left_out[0], s.left_out[1]))
                     for s in found],
                    [s.hidden for s in found])
    for t in tables:
        t.sheets = [x.sheet or "" for x in tables]
    return tables or ReadFailure("bad_odf", "content.xml")


def _read_ofd(data: bytes, limits: Limits) -> list[RawTable] | ReadFailure:
    """An OFD 版式文件: its pages drawn again as a PDF's (:mod:`analytics.ingest.tables.ofd`) and read
    as a PDF is; ``ofd_no_text`` when its pages hold no text (a scan, or text drawn as outlines)."""
    from analytics.ingest.tables.ofd import OfdError, ofd_pages
    from analytics.ingest.tables.redraw import page_pdf

    try:
        pages = ofd_pages(data, limits)
    except OfdError as exc:
        return ReadFailure(exc.code, exc.detail)
    if not any(p.chars for p in pages):
        return ReadFailure("ofd_no_text", str(sum(p.images for p in pages)))
    found = _read_pdf(page_pdf(pages), limits, "ofd")
    return found if not isinstance(found, ReadFailure) or found.code != "no_pdf_table" else ReadFailure("ofd_no_text", "0")


_SAID_LIMITS = ("too_many_sheets", "too_much_text", "too_many_cells", "time_limit")


def _bounded(tables: list[RawTable], limits: Limits) -> list[RawTable] | ReadFailure:
    """The tables, or ``too_many_rows`` / ``too_many_columns`` / ``too_many_cells`` (a row's width
    counted up to its last non-blank cell) / ``too_much_text`` (a merged cell counted in every cell
    it covers)."""
    chars = 0
    for table in tables:
        if len(table.rows) > limits.max_table_rows:
            return ReadFailure("too_many_rows", str(limits.max_table_rows))
        cells = 0
        for i, row in enumerate(table.rows):
            row[:] = [printable(c) if isinstance(c, str) else c for c in row]  # no control characters kept
            width = len(row)
            while width and not str(row[width - 1]).strip():
                width -= 1
            if width > limits.max_table_columns:
                return ReadFailure("too_many_columns", f"{limits.max_table_columns} ({table.refs[i]})")
            cells += sum(1 for c in row if c)
            if cells > limits.max_table_cells:
                return ReadFailure("too_many_cells", str(limits.max_table_cells))
            chars += sum(len(str(c)) for c in row)
            if chars > limits.max_table_chars:
                return ReadFailure("too_much_text", str(limits.max_table_chars))
    return tables


def _fill(rows: list[list[str]], merges: list[tuple[int, int, int, int]], first_row: int) -> None:
    """Copy each merged range's top-left text into its other cells (ranges 1-based, inclusive)."""
    for r1, c1, r2, c2 in merges:
        top = rows[r1 - first_row] if 0 <= r1 - first_row < len(rows) else None
        if top is None or c1 - 1 >= len(top):
            continue
        value = top[c1 - 1]
        for r in range(r1, r2 + 1):
            i = r - first_row
            if not 0 <= i < len(rows):
                continue
            row = rows[i]
            while len(row) < c2:
                row.append("")
            for c in range(c1, c2 + 1):
                if (r, c) != (r1, c1):
                    row[c - 1] = value


def _read_xlsx(data: bytes, filename: str, sheet: str | None) -> list[RawTable] | ReadFailure:
    from analytics.ingest.problems import Collector
    from analytics.ingest.xlsx import read_excel

    tables: list[RawTable] = []
    hidden: list[bool] = []
    wanted: list[str | int] = [sheet] if sheet else list(range(50))
    for key in wanted:
        ctx = Collector(os.path.basename(filename))
        grid = read_excel(data, ctx, key, MAX_BYTES, words=True, shown=True)  # 500 in a 0"人次" format: 500人次; as shown
        if grid is None:
            if tables or sheet is None and key != 0:
                break
            problem = ctx.problems[0] if ctx.problems else None
            if problem is not None and problem.code == "no_sheet":
                return ReadFailure("no_sheet", ", ".join(problem.params.get("sheets") or []))
            return ReadFailure("bad_excel", problem.code if problem else "")
        numbers = sorted(grid.cells) or [1]
        first, last = numbers[0], numbers[-1]
        rows = [list(grid.cells.get(r, [])) for r in range(first, last + 1)]
        _fill(rows, grid.merges, first)
        name = str(ctx.sheet)
        tables.append(RawTable("xlsx", rows, [f"{name}!{r}" for r in range(first, last + 1)], name, True,
                               left_out=grid.left_out))
        hidden.append(grid.hidden)
    tables = _shown(tables, hidden)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        pictures = sum(1 for n in zf.namelist() if n.startswith("xl/media/"))
    for t in tables:
        t.sheets = [x.sheet or "" for x in tables]
        t.pictures = pictures
    return tables


def _shown(tables: list[RawTable], hidden: list[bool]) -> list[RawTable]:
    """A workbook's sheets without its hidden ones (a stale copy, a lookup list), when any is shown;
    a sheet asked for by name is read whatever its state."""
    shown = [t for t, h in zip(tables, hidden) if not h]
    return shown or tables


def _read_doc(data: bytes, limits: Limits) -> list[RawTable] | ReadFailure:
    """An old-format Word document (.doc): its paragraphs and table rows (see :mod:`.doc`); a
    cell covered by a merged cell is blank, as in a text."""
    from analytics.ingest.tables.doc import DocError, doc_rows

    try:
        rows, refs = doc_rows(data, limits.max_table_unpacked_bytes // 2)
    except DocError as exc:
        if str(exc) in ("too_long", "encrypted"):
            return ReadFailure("too_large_unpacked", limits.unpacked_size) if str(exc) == "too_long" \
                else ReadFailure("password_protected", "doc")
        return ReadFailure("old_word_doc", str(exc))
    if not any(r.startswith("T") for r in refs):  # the targets may be written as sentences
        return [RawTable("text-docx", rows, refs, None, False)] if rows else ReadFailure("no_word_table", "0")
    return [RawTable("doc", rows, refs, None, False)]


def _read_xls(data: bytes, sheet: str | None, limits: Limits, shown: bool = True) -> list[RawTable] | ReadFailure:
    """An old Excel workbook (.xls), merged cells filled. Sheets are loaded one at a time and a
    sheet larger than the table limits is refused before its cells are copied. ``shown``: rows and
    columns the sheet hides are left out (counted); else read and named (a data file's, as an
    .xlsx data file's are: :func:`analytics.ingest.xlsx.read_excel`)."""
    try:
        import xlrd  # type: ignore[import-not-found]
    except ImportError:
        return ReadFailure("xls_reader_missing")
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True,
                                  logfile=io.StringIO())  # its warnings on a damaged file are not the program's output
    except xlrd.XLRDError as exc:
        if "encrypted" in str(exc).lower():  # a FILEPASS record: a password to open, or to protect the workbook
            return ReadFailure("password_protected", "xls")
        raise
    names = book.sheet_names()
    if sheet and sheet not in names:
        return ReadFailure("no_sheet", ", ".join(names))
    tables = []
    hidden: list[bool] = []
    formats = _number_formats(book)
    for index, name in enumerate(names[:50]):
        if sheet and name != sheet:
            continue
        sh = book.sheet_by_index(index)
        if sh.nrows > limits.max_table_rows:
            return ReadFailure("too_many_rows", str(limits.max_table_rows))
        if sh.nrows * min(sh.ncols, limits.max_table_columns) > 4 * limits.max_table_cells:
            return ReadFailure("too_many_cells", str(limits.max_table_cells))
        rows = [[_xls_cell(sh.cell(r, c), book.datemode, formats) for c in range(sh.ncols)] for r in range(sh.nrows)]
        merges = [(r1 + 1, c1 + 1, r2, c2) for r1, r2, c1, c2 in sh.merged_cells]
        _fill(rows, merges, 1)
        gone_rows = {r for r, info in sh.rowinfo_map.items() if getattr(info, "hidden", 0)}  # as shown: hidden rows
        gone_cols = {c for c, info in sh.colinfo_map.items() if getattr(info, "hidden", 0)}  # and columns left out
        with_text = (sorted(r for r in gone_rows if r < len(rows) and any(rows[r])),
                     sorted(c for c in gone_cols if any(c < len(row) and row[c] for row in rows)))
        if shown and (gone_rows or gone_cols):
            rows = [[] if r in gone_rows else [("" if c in gone_cols else t) for c, t in enumerate(row)]
                    for r, row in enumerate(rows)]
        tables.append(RawTable("xls", rows, [f"{name}!{r + 1}" for r in range(sh.nrows)], name, True,
                               left_out=(len(with_text[0]), len(with_text[1])) if shown else (0, 0),
                               hidden_read=((), ()) if shown else (tuple(r + 1 for r in with_text[0]),
                                                                   tuple(c + 1 for c in with_text[1]))))
        hidden.append(bool(getattr(sh, "visibility", 0)))
        book.unload_sheet(index)
    tables = _shown(tables, hidden)
    for t in tables:
        t.sheets = [x.sheet or "" for x in tables]
    return tables or ReadFailure("no_sheet", ", ".join(names))


def _xls_text(value: object) -> str:
    """A cell as text: 29.0 → 29, 0.95 → 0.95."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _number_formats(book: Any) -> dict[int, str]:
    """The number format of each cell style of an .xls that has one worth reading: a percent
    (``0%``, ``0.0%``) or words shown with the number (``0"人次"``)."""
    from analytics.ingest.xlsx import format_affixes

    out = {}
    for i, xf in enumerate(book.xf_list):
        fmt = book.format_map.get(xf.format_key)
        if fmt is not None and ("%" in fmt.format_str or any(format_affixes(fmt.format_str))):
            out[i] = fmt.format_str
    return out


def _xls_cell(cell: Any, datemode: int, formats: dict[int, str]) -> str:
    """A cell as shown: a date cell as ``2024-12-31`` (not its day number), a number in a percent
    style as ``95%`` (not 0.95) and with the words its format shows (``500人次``), else
    :func:`_xls_text`."""
    import xlrd  # type: ignore[import-not-found]

    from analytics.ingest.xlsx import cell_text

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return str(xlrd.xldate_as_datetime(cell.value, datemode).strftime("%Y-%m-%d"))
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return _xls_text(cell.value)
    if cell.ctype == xlrd.XL_CELL_NUMBER and cell.xf_index in formats:
        return cell_text(round(cell.value, 12), formats[cell.xf_index], words=True)
    return _xls_text(cell.value)


def _member(zf: zipfile.ZipFile, name: str, limit: int) -> bytes | None:
    """A zip member's bytes, or None when it unpacks to more than ``limit`` (read in chunks: the
    size a zip declares can lie)."""
    if zf.getinfo(name).file_size > limit:
        return None
    out = bytearray()
    with zf.open(name) as fh:
        while chunk := fh.read(1 << 20):
            out += chunk
            if len(out) > limit:
                return None
    return bytes(out)


def _read_docx(data: bytes, limits: Limits) -> list[RawTable] | ReadFailure:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = _member(zf, "word/document.xml", limits.max_table_unpacked_bytes)
    if xml is None:
        return ReadFailure("too_large_unpacked", limits.unpacked_size)
    root = ET.fromstring(xml)
    body = root.find(f"{_W}body")
    if body is None:
        return ReadFailure("bad_docx")
    rows: list[list[str]] = []
    refs: list[str] = []
    n_tables = 0

    def read(container: ET.Element) -> None:
        nonlocal n_tables
        for child in _inner(container, (f"{_W}p", f"{_W}tbl")):
            if child.tag == f"{_W}p":
                boxes = _boxed_tables(child)  # a table in a text box: its paragraphs and tables where it is anchored
                text = _text_of(child, boxes=not boxes).strip()
                if text:
                    rows.append([text])
                    refs.append(f"¶{len(rows)}")
                for box in boxes:
                    read(box)
            elif child.tag == f"{_W}tbl":
                n_tables += 1
                for i, r in enumerate(_docx_table(child, limits.max_table_columns), start=1):
                    rows.append(r)
                    refs.append(f"T{n_tables}:{i}")

    read(body)
    if not n_tables:  # the targets may be written as sentences: the paragraphs, read as text
        pictures = sum(1 for _ in body.iter(f"{_W}drawing")) + sum(1 for _ in body.iter(f"{_W}pict"))
        return [RawTable("text-docx", rows, refs, None, False, pictures=pictures)] if rows \
            else ReadFailure("word_table_picture" if pictures else "no_word_table", "0")
    return [RawTable("docx", rows, refs, None, True)]
