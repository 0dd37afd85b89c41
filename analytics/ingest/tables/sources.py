"""Reading a target table's cells from whatever a person holds: .xlsx (merged cells filled), .pdf
(ruled tables, see :mod:`analytics.ingest.tables.pdf`),
.xls (when ``xlrd`` is installed), .docx (Word tables, ``gridSpan``/``vMerge`` filled; paragraphs
between tables kept as one-cell rows, so titles such as （2022年度） are seen), .csv, and text
copied out of a PDF or a web page (tab-separated, ``|``-separated, Word's "one cell per tab-led
line, blank line between rows", or one cell per line).

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

from analytics.ingest.limits import Limits, default_limits
from analytics.ingest.tables.jsondata import json_content
from analytics.ingest.tables.markup import read_markup
from analytics.ingest.tables.raw import RawTable, ReadFailure
from analytics.ingest.tables.raw import decode_text as _decode
from analytics.ingest.tables.sniff import file_kind, zip_kind
from analytics.ingest.tables.word import W as _W
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
            if os.path.getsize(path) > MAX_BYTES:
                return ReadFailure("too_large", str(os.path.getsize(path)))
            with open(path, "rb") as fh:
                data = fh.read()
    except OSError as exc:
        return ReadFailure("unreadable", type(exc).__name__)
    if len(data) > MAX_BYTES:
        return ReadFailure("too_large", str(len(data)))
    if not data.strip():
        return ReadFailure("empty")
    limits = default_limits()
    try:
        tables = _read(data, filename, sheet, limits)
    except Exception as exc:  # noqa: BLE001 - a broken file is a problem to report, never a traceback
        return ReadFailure("unreadable", type(exc).__name__)
    return tables if isinstance(tables, ReadFailure) else _bounded(tables, limits)


#: the file name endings a target table may have (the upload box offers these; a file is read by
#: what it holds, not by its name: an ".xls" that is a web page is read as one)
TABLE_FILE_TYPES = ("xlsx", "xlsm", "xls", "et", "docx", "doc", "wps", "pdf", "html", "htm", "mht", "mhtml", "xml",
                    "csv", "txt", "tsv", "json", "md")

#: the names of the streams an old Office file (OLE2) holds: Word's text, a workbook (Excel 97+ / 5.0)
_OLE_WORD = "WordDocument".encode("utf-16-le")
_OLE_BOOK = "Workbook".encode("utf-16-le")
_OLE_BOOK_OLD = "Book".encode("utf-16-le") + b"\x00\x00"
_NAMED_BINARY = (".xlsx", ".xlsm", ".xltx", ".docx", ".docm", ".doc", ".wps", ".pdf")  # formats that are never plain text


def _read(data: bytes, filename: str | None, sheet: str | None, limits: Limits) -> list[RawTable] | ReadFailure:
    ext = os.path.splitext(filename or "")[1].lower()
    if data.startswith(b"%PDF-"):
        from analytics.ingest.tables.pdf import read_pdf

        rows, refs, code, detail = read_pdf(data, limits)
        if code:
            return ReadFailure(code, detail)
        if detail == "layout":  # no ruling lines: the pages' text with its words at their places
            lines = [r[0] for r in rows]
            kept = [(ln, ref) for ln, ref in zip(lines, refs) if ln.strip()]
            return [RawTable("text-lines", [[ln.strip()] for ln, _ in kept], [ref for _, ref in kept], lines=lines)]
        return [RawTable("pdf", rows, refs, None, True)]
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
            if other is not None:
                return ReadFailure(other)
        return _read_xlsx(data, filename or "", sheet)
    kind = file_kind(data)
    if kind is not None:  # a picture, an archive: no table text to read
        return ReadFailure(kind)
    markup = read_markup(data, sheet, limits)  # a saved web page, or a system's ".xls" that is one
    if markup is not None:
        return markup
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
    return [split_text(text, csv_hint=(ext == ".csv"))]


def _bounded(tables: list[RawTable], limits: Limits) -> list[RawTable] | ReadFailure:
    """The tables, or ``too_many_rows`` / ``too_many_columns`` / ``too_many_cells`` (a row's width
    counted up to its last non-blank cell)."""
    for table in tables:
        if len(table.rows) > limits.max_table_rows:
            return ReadFailure("too_many_rows", str(limits.max_table_rows))
        cells = 0
        for i, row in enumerate(table.rows):
            width = len(row)
            while width and not str(row[width - 1]).strip():
                width -= 1
            if width > limits.max_table_columns:
                return ReadFailure("too_many_columns", f"{limits.max_table_columns} ({table.refs[i]})")
            cells += sum(1 for c in row if c)
            if cells > limits.max_table_cells:
                return ReadFailure("too_many_cells", str(limits.max_table_cells))
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
        grid = read_excel(data, ctx, key, MAX_BYTES, words=True)  # 500 in a 0"人次" format: 500人次
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
        tables.append(RawTable("xlsx", rows, [f"{name}!{r}" for r in range(first, last + 1)], name, True))
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
            return ReadFailure("too_large_unpacked", str(limits.max_table_unpacked_bytes)) if str(exc) == "too_long" \
                else ReadFailure("password_protected", "doc")
        return ReadFailure("old_word_doc", str(exc))
    if not any(r.startswith("T") for r in refs):  # the targets may be written as sentences
        return [RawTable("text-docx", rows, refs, None, False)] if rows else ReadFailure("no_word_table", "0")
    return [RawTable("doc", rows, refs, None, False)]


def _read_xls(data: bytes, sheet: str | None, limits: Limits) -> list[RawTable] | ReadFailure:
    """An old Excel workbook (.xls), merged cells filled. Sheets are loaded one at a time and a
    sheet larger than the table limits is refused before its cells are copied."""
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
        tables.append(RawTable("xls", rows, [f"{name}!{r + 1}" for r in range(sh.nrows)], name, True))
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
        return ReadFailure("too_large_unpacked", str(limits.max_table_unpacked_bytes))
    root = ET.fromstring(xml)
    body = root.find(f"{_W}body")
    if body is None:
        return ReadFailure("bad_docx")
    rows: list[list[str]] = []
    refs: list[str] = []
    n_tables = 0
    for child in _inner(body, (f"{_W}p", f"{_W}tbl")):
        if child.tag == f"{_W}p":
            text = _text_of(child).strip()
            if text:
                rows.append([text])
                refs.append(f"¶{len(rows)}")
        elif child.tag == f"{_W}tbl":
            n_tables += 1
            for i, r in enumerate(_docx_table(child, limits.max_table_columns), start=1):
                rows.append(r)
                refs.append(f"T{n_tables}:{i}")
    if not n_tables:  # the targets may be written as sentences: the paragraphs, read as text
        pictures = sum(1 for _ in body.iter(f"{_W}drawing")) + sum(1 for _ in body.iter(f"{_W}pict"))
        return [RawTable("text-docx", rows, refs, None, False, pictures=pictures)] if rows \
            else ReadFailure("word_table_picture" if pictures else "no_word_table", "0")
    return [RawTable("docx", rows, refs, None, True)]


_SEP_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_ODD_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f]")  # blanks other than the space (no-break, thin, …)
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")  # zero-width characters a web copy carries
_RULE = re.compile(r"^(?=.*[-─━═]{3})(?=.*[|│┃+├┤┼┬┴┌┐└┘╔╗╚╝╠╣╦╩╬])[\s|│┃+:\-─━═├┤┼┬┴┌┐└┘╔╗╚╝╠╣╦╩╬]+$")  # ├──┼──┤, +---+: no row


def split_text(text: str, csv_hint: bool = False) -> RawTable:
    """Rows of a pasted or exported text, by its layout (see the module's help)."""
    text = _ODD_SPACE.sub(" ", _ZERO_WIDTH.sub("", text)).replace("\u3000", "  ")  # a web page's &nbsp;, a full-width blank
    lines = [_RULE.sub("", ln) for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    joined = _join_continued(lines)
    if joined is not None:
        return _pipes([ln for ln, _ in joined], [i for _, i in joined])
    filled = [ln for ln in lines if ln.strip()]
    led = sum(1 for ln in filled if ln.startswith("\t") and ln.count("\t") == 1)
    multi_tab = sum(1 for ln in filled if ln.strip("\t ").count("\t") >= 1)
    pipes = sum(1 for ln in filled if ln.count("|") >= 2 and ln.strip("| \t") and "|" in ln.strip().strip("|"))
    commas = sum(1 for ln in filled if ln.count(",") >= 2)
    n = max(1, len(filled))
    if led >= 0.3 * n and led > multi_tab:
        return _tab_led(lines)
    if multi_tab >= 0.3 * n:
        if _excel_quoted(lines):  # Excel's copy: a cell written on several lines is quoted
            return _delimited(lines, "\t", "text-tab")
        wrapped = _join_wrapped(lines, "\t")
        if wrapped is not None:
            return RawTable("text-tab", [[c.strip() for c in ln.split("\t")] for ln, _ in wrapped],
                            [f"L{i}" for _, i in wrapped])
        return _delimited(lines, "\t", "text-tab")
    if pipes >= 0.3 * n:
        return _pipes(lines)
    if csv_hint or (commas >= 0.5 * n and _even_fields(lines)):
        return _delimited(lines, ",", "csv")
    # one cell per line; a web copy may end each cell with | and mark empty cells with runs of |
    rows, refs = [], []
    for i, ln in enumerate(lines, start=1):
        parts = [p.strip() for p in ln.strip().strip("|").split("|")]
        # a cell and its closing |, or a cell followed by the empty cells of its row (3500 | ||)
        alone = ln.count("|") <= 1 or not ln.strip("| \t") or not any(parts[1:])
        cell = parts[0] if alone and ln.strip("| \t") else ("" if alone else ln.strip())
        if cell:
            rows.append([cell])
            refs.append(f"L{i}")
    return RawTable("text-lines", rows, refs, lines=lines)


def _even_fields(lines: list[str]) -> bool:
    """``lines`` read as comma-separated records have the same number of fields, three or more, on
    most of them (an export), not sentences with commas (a pasted paragraph, a form run together)."""
    records = [r for r in csv.reader(io.StringIO("\n".join(lines[:2000]))) if any(c.strip() for c in r)]
    widths = [len(r) for r in records]
    if len(widths) < 2:
        return False
    width = max(set(widths), key=widths.count)
    sentences = sum(1 for ln in lines if "。" in ln)
    return width >= 3 and widths.count(width) >= 0.6 * len(widths) and sentences * 2 < len(widths)


def _tab_led(lines: list[str]) -> RawTable:
    """Word's plain-text copy of a table: each cell starts a line with a tab, a cell may wrap onto
    lines without a tab, a blank line ends the row."""
    rows: list[list[str]] = []
    refs: list[str] = []
    row: list[str] = []
    start = 0
    led = False  # the row has a tab-led cell (else it is a title line above the table)
    for i, ln in enumerate(lines, start=1):
        if not ln.strip() and not ln.startswith("\t"):
            if row:
                rows.append([c.strip() for c in row])
                refs.append(f"L{start}")
                row, led = [], False
            continue
        if ln.startswith("\t") and row and not led:
            rows.append([c.strip() for c in row])
            refs.append(f"L{start}")
            row = []
        if not row:
            start = i
        if ln.startswith("\t"):
            led = True
            row.append(ln[1:])
        elif row:
            row[-1] = row[-1].rstrip() + "\n" + ln.strip()
        else:
            row.append(ln.strip())
    if row:
        rows.append([c.strip() for c in row])
        refs.append(f"L{start}")
    return RawTable("text-word", rows, refs)


def _delimited(lines: list[str], delim: str, fmt: str) -> RawTable:
    text = "\n".join(lines)
    reader = csv.reader(io.StringIO(text), delimiter=delim)
    rows, refs = [], []
    for record in reader:
        if any(c.strip() for c in record):
            rows.append([c.strip() for c in record])
            refs.append(f"L{reader.line_num}")
    if delim == "," and not rows:
        return RawTable(fmt, [], [])
    return RawTable(fmt, rows, refs)


_QUOTED_START = re.compile(r'(^|\t)"[^"\t]')


def _excel_quoted(lines: list[str]) -> bool:
    """Whether the tab-separated text is Excel's (or WPS's) copy of cells: a cell holding a line
    break or a quote is written in quotes (``"2022年`` / ``数据"``), so a line opens a quote it does
    not close."""
    return any(ln.count('"') % 2 and _QUOTED_START.search(ln) for ln in lines)


_WRAP_TAIL = re.compile(r"^(指标|[(（][^()（）]{1,6}[)）])$")
#: a row ending in a value (95%, 500人, 0.72) is complete: 指标 below it starts a header, a short line a row
_ENDS_VALUE = re.compile(r"\d[%％‰]?([^\W\d_]{0,3}|[^\W\d_]{1,3}(/[^\W\d_]{1,3}){1,2})$")  # (also 元/亩, 次/月)


def _join_wrapped(lines: list[str], delim: str) -> list[tuple[str, int]] | None:
    """A browser's copy of a web table, where a cell written on several lines (一级 / 指标,
    群众满意度 / （%）) breaks its row over those lines: from the first line naming 指标 on, a line
    that starts with such a tail joins the line above, and consecutive short lines whose cells add
    up to exactly one full row are joined into it. The rows (non-empty lines) with their first
    line's number; ``None`` when no row was broken."""
    start = next((k for k, ln in enumerate(lines) if "指标" in ln), len(lines))
    merged = [[ln, k + 1] for k, ln in enumerate(lines[:start + 1])]  # [text, number of its first line]
    for k in range(start + 1, len(lines)):  # a line that starts with a cell's tail: 效益 / 指标, 满意度 / （%）
        above = merged[-1][0].rstrip(" " + delim)
        if _WRAP_TAIL.match(lines[k].split(delim)[0].strip()) and above and not _ENDS_VALUE.search(above):
            merged[-1][0] = merged[-1][0].rstrip(" ") + lines[k].strip(" ")
        else:
            merged.append([lines[k], k + 1])
    tails = len(lines) - len(merged)
    counts = [ln.count(delim) for ln, _ in merged]
    full = [c for c in counts if c >= 2]  # a full row: the most common width (the wider on a tie)
    width = max(set(full), key=lambda c: (full.count(c), c)) if full else 0
    if (width < 2 or full.count(width) < 2) and not tails:
        return None
    out: list[tuple[str, int]] = []
    changed, i = tails > 0, 0
    while i < len(merged):
        j, total = i, 0
        while i >= start and j < len(merged) and j - i < 6 and merged[j][0].strip() and counts[j] < width \
                and total + counts[j] <= width \
                and not (j > i and _ENDS_VALUE.search(merged[j - 1][0].rstrip(" " + delim))):  # a value ends its cell
            total += counts[j]
            j += 1
            if total == width:
                break
        if j - i >= 2 and total == width:
            out.append(("".join(ln.strip(" ") if k else ln.rstrip(" ") for k, (ln, _) in enumerate(merged[i:j])),
                        merged[i][1]))
            changed, i = True, j
            continue
        if merged[i][0].strip():
            out.append((merged[i][0], merged[i][1]))
        i += 1
    return out if changed else None


_END_PAD = re.compile(r"\|\s*\|\s*$")  # the line ends with an empty cell: the row is complete
_END_OPEN = re.compile(r"[^|\s]\s*\|\s*$")  # text and one closing |: the row goes on below


_ONE_CELL_LINES = 0.8  # share of |-lines holding one cell at most that makes a text a cell a line
_ROW_START = re.compile(r"^(一级指标|产出指标|效益指标|满意度指标)\s*\|")  # the header's or a block's first cell


def _filled(line: str) -> int:
    return sum(1 for c in line.split("|") if c.strip())


def _join_continued(lines: list[str]) -> list[tuple[str, int]] | None:
    """A web copy whose rows end with a run of empty cells (``… | ≥90% | |||``) and whose long rows
    are broken after a cell (``一级指标 | 二级指标 |`` / ``实际 完成值 |`` / ``分值 | |||``): the
    broken lines joined into their row, each with the number of its first line; ``None`` when the
    text is not written that way."""
    piped = [ln for ln in lines if "|" in ln]
    padded = sum(1 for ln in piped if _END_PAD.search(ln))
    open_ = sum(1 for ln in piped if _END_OPEN.search(ln) and not ln.strip().startswith("|"))
    if padded < 3 or open_ < 3 or padded < 0.3 * len(piped) or sum(1 for ln in piped if ln.strip().startswith("|")) > 0.5 * len(piped):
        return None
    if sum(1 for ln in piped if _filled(ln) <= 1) >= _ONE_CELL_LINES * len(piped):
        return None  # a cell a line (一级指标 | / 产出指标 | / 3500 | ||): no row broken after several cells
    width = max(ln.count("|") for ln in piped if _END_PAD.search(ln))  # cells of a complete row
    out: list[tuple[str, int]] = []
    buf, start = "", 0
    for i, ln in enumerate(lines, start=1):
        text = ln.strip()
        if buf and buf.count("|") >= width:  # a full row (a header): not broken
            out.append((buf, start))
            buf = ""
        if buf and (_filled(text) >= 3 and _filled(buf) >= 3 and buf.count("|") + text.count("|") > width
                    or _filled(buf) >= 2 and _ROW_START.match(text)):
            out.append((buf, start))  # two lines that are each most of a row, together more than one: two rows
            buf = ""
        if buf:
            if not text:
                continue
            buf += " " + text
            if not _END_OPEN.search(text) or "|" not in text:
                out.append((buf, start))
                buf = ""
            continue
        if "|" in text and _END_OPEN.search(text) and not _END_PAD.search(text):
            buf, start = text, i
            continue
        out.append((ln, i))
    if buf:
        out.append((buf, start))
    return out


def _pipes(lines: list[str], numbers: list[int] | None = None) -> RawTable:
    """``|``-separated rows. A leading (trailing) ``|`` is a border when most rows have one, else
    it stands after (before) an empty cell. ``numbers``: the line number of each line (when
    broken lines were joined first)."""
    piped = [ln.strip() for ln in lines if ln.count("|") >= 2 and not _SEP_RE.match(ln)]
    lead = sum(1 for ln in piped if ln.startswith("|")) >= 0.6 * max(1, len(piped))
    trail = sum(1 for ln in piped if ln.endswith("|")) >= 0.6 * max(1, len(piped))
    rows, refs = [], []
    for i, ln in enumerate(lines, start=1):
        if not ln.strip() or _SEP_RE.match(ln):
            continue
        cells = ln.strip().split("|") if "|" in ln else [ln.strip()]
        if len(cells) > 1 and lead and ln.strip().startswith("|"):
            cells = cells[1:]
        if len(cells) > 1 and trail and ln.strip().endswith("|"):
            cells = cells[:-1]
        rows.append([c.strip() for c in cells])
        refs.append(f"L{numbers[i - 1] if numbers else i}")
    return RawTable("text-pipe", rows, refs)


_CMP_ONLY = re.compile(r"^[≥≤<>=＞＜≧≦]+$")
_BAR_ONLY = re.compile(r"^[|｜│┃]+$")
_BRACKET_TAIL = re.compile(r"^[(（][^()（）]{0,8}[)）]$")
_BRACKET_REACH = 3  # tokens after an open bracket that may still close it on the same line


def _open_bracket(cell: str) -> bool:
    """A cell that opened a bracket it has not closed (``收益率(`` before ``≥**%`` and ``)``): the
    blanks inside the bracket do not end the cell."""
    opened = cell.count("(") + cell.count("（")
    return opened > cell.count(")") + cell.count("）") and len(cell) <= 40


def _inside_bracket(cell: str, tokens: list[str], n: int) -> bool:
    """Token ``n`` of a line goes inside the bracket ``cell`` left open: the bracket closes within
    the next few tokens of the line, or the token starts the bracket's inside (数量( ≥**个, closed on
    a lower line). Else the bracket closes on a lower line and the token is a cell of its own."""
    return any(re.search(r"[)）]", t) for t in tokens[n:n + _BRACKET_REACH]) \
        or (cell.endswith(("(", "（")) and bool(re.match(r"[≥≤<>=≧≦＞＜*]", tokens[n])))


def split_spaces(table: RawTable) -> RawTable:
    """A text whose cells are separated by spaces on one line per row (a copy out of a PDF
    viewer): each line split at runs of blanks. A lone comparator (``≥ 95%``) joins the cell after
    it, a short bracket (``人次 （万）``) the cell before it, and a bracket's inside written with
    blanks (``收益率( ≥**% )``) stays in its cell. The positions of cells cannot be
    trusted (merged cells appear once), so the rows are read as compacted. A bar standing alone
    (``| 名称 | 95%``, from a pipe copy read here) separates cells and is no cell itself."""
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        tokens = " ".join(row).split()
        for n, token in enumerate(tokens):
            if _BAR_ONLY.match(token):
                continue
            if cells and (_CMP_ONLY.match(cells[-1]) or _BRACKET_TAIL.match(token)
                          or (_open_bracket(cells[-1]) and _inside_bracket(cells[-1], tokens, n))):
                cells[-1] += token  # ≥ 95%, 人次 （万）, 收益率( ≥**% ): one cell
            else:
                cells.append(token)
        rows.append(cells)
    return RawTable("text-space", rows, list(table.refs), table.sheet, False, list(table.sheets))
