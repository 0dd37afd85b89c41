"""Target tables held as markup rather than as an Office file: a web page saved from the browser
(.html/.htm), a page saved as one file (.mht, ``multipart/related``), the ".xls" many finance and
business systems export, which is really an HTML table or an Excel 2003 XML workbook
(SpreadsheetML, ``urn:schemas-microsoft-com:office:spreadsheet``).

HTML: every ``<table>`` (a table nested in a cell is read as its own table, after the row that
holds it), cells spanning rows or columns (``rowspan``/``colspan``) repeat their text in each
place they cover, as the Word and Excel readers do; text outside tables is kept as one-cell rows
(the title, 填报单位 …). Rows are named ``T1:3`` (table 1, row 3) and ``¶2`` like a Word document's.
Scripts, styles and the page's ``<head>`` are skipped. The standard library's tolerant parser is
used: no network, no entities beyond HTML's own, a bounded number of rows and columns.

SpreadsheetML: each worksheet is a table, ``ss:Index`` gaps kept, ``ss:MergeAcross``/
``ss:MergeDown`` filled; parsed by lxml with entities, DTDs and the network off.

:func:`read_markup` is the reader :mod:`.sources` calls: the file's tables, why it cannot be read,
or ``None`` when it is no markup.
"""

from __future__ import annotations

import email
import email.policy
import re
from html.parser import HTMLParser

from analytics.ingest.limits import Limits
from analytics.ingest.tables.raw import RawTable, ReadFailure, decode_text

__all__ = ["MarkupError", "html_rows", "is_html", "is_mhtml", "is_spreadsheetml", "mhtml_html", "read_markup",
           "spreadsheetml_sheets"]


class MarkupError(Exception):
    """The markup holds too many rows or columns (``too_many_rows`` / ``too_many_columns``), or is
    not what it looked like (``bad_markup``)."""


_TABLE_RE = re.compile(rb"<\s*t[dh][\s>]", re.I)
_HTML_RE = re.compile(rb"<\s*(html|body|table)[\s>]", re.I)
_SS_NS = "urn:schemas-microsoft-com:office:spreadsheet"


def is_html(head: bytes) -> bool:
    """Whether ``head`` (a file's bytes) is an HTML page with table cells in it."""
    return bool(_HTML_RE.search(head)) and bool(_TABLE_RE.search(head))


def is_mhtml(head: bytes) -> bool:
    """Whether the file is a web page saved as one file (MHTML: a MIME message of its parts)."""
    top = head[:4096].lower()
    return b"mime-version:" in top and b"multipart/related" in top


def is_spreadsheetml(head: bytes) -> bool:
    """Whether the file is an Excel 2003 XML workbook."""
    top = head[:4096]
    return top.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml") and _SS_NS.encode() in head[:65536]


def mhtml_html(data: bytes) -> str | None:
    """The HTML of a page saved as one file: its ``text/html`` parts that hold a table, in order (a
    workbook saved by Excel as one file keeps each sheet in a part of its own, after a frame page),
    else its first ``text/html`` part; ``None`` when it has none."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    pages: list[str] = []
    for part in msg.walk():
        if part.get_content_type() != "text/html":
            continue
        try:
            content = part.get_content()
        except (LookupError, ValueError):  # an unknown charset: the bytes as UTF-8
            raw = part.get_payload(decode=True) or b""
            content = raw.decode("utf-8", "replace")
        if isinstance(content, str):
            pages.append(content)
    tabled = [p for p in pages if _TABLE_RE.search(p.encode("utf-8", "replace"))]
    if tabled:
        return "\n".join(tabled)
    return pages[0] if pages else None


# --- HTML ------------------------------------------------------------------------------------------

_SKIP = {"script", "style", "head", "title", "noscript", "template", "object", "iframe", "svg"}
_BREAK = {"br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "center",
          "blockquote", "pre", "dt", "dd", "caption", "ul", "ol", "hr"}
_SPACE_RE = re.compile(r"[ \t\r\n\f\v\xa0\u3000]+")


def _span(value: str | None, cap: int) -> int:
    try:
        n = int(str(value or "1").strip().rstrip(";"))
    except ValueError:
        return 1
    return max(1, min(n, cap))


class _Table:
    __slots__ = ("rows", "row", "cell", "number", "grid", "layout", "pad")

    def __init__(self, number: int) -> None:
        self.rows: list[list[tuple[str, int, int]]] = []  # (text, rowspan, colspan)
        self.row: list[tuple[str, int, int]] | None = None
        self.cell: list | None = None  # [pieces, rowspan, colspan, holds a table]
        self.number = number
        self.grid: list[list[str]] = []  # the rows laid out, spans filled (when the table closes)
        self.layout = False  # a cell holds a table: the page's layout, its cells read as paragraphs
        self.pad = 0  # empty cells to place after the open cell (text running over them in Excel's page)


class _Reader(HTMLParser):
    def __init__(self, max_rows: int, max_columns: int, max_cells: int) -> None:
        super().__init__(convert_charrefs=True)
        self.max_rows, self.max_columns, self.max_cells = max_rows, max_columns, max_cells
        self.placed = 0  # grid places filled so far (a span fills several)
        self.items: list[str | tuple[_Table, int]] = []  # a paragraph, or (table, its row index)
        self.stack: list[_Table] = []
        self.text: list[str] = []  # text outside tables, up to the next break
        self.caption: list[str] | None = None  # a table's caption (单位：万元), read as a paragraph
        self.skip = 0
        self.tables = 0
        self.n_rows = 0

    # text goes to the open cell of the innermost table, else to the paragraph
    def _pieces(self) -> list[str] | None:
        if self.caption is not None:
            return self.caption
        if self.stack:
            cell = self.stack[-1].cell
            return cell[0] if cell is not None else None
        return self.text

    def _paragraphs(self, pieces: list[str]) -> None:
        for line in "".join(pieces).split("\n"):
            line = _SPACE_RE.sub(" ", line).strip()
            if line:
                self.items.append(line)

    def _flush_text(self) -> None:
        self._paragraphs(self.text)
        self.text = []

    def _close_cell(self, table: _Table) -> None:
        if table.cell is None:
            return
        pieces, rs, cs, holds = table.cell
        if holds:  # the text after a table held in this cell follows that table's rows
            self._paragraphs(pieces)
            text = ""
        else:
            lines = [_SPACE_RE.sub(" ", ln).strip() for ln in "".join(pieces).split("\n")]
            text = "\n".join(ln for ln in lines if ln)
        if table.row is None:  # a cell outside any row: a row of its own
            self._open_row(table)
        assert table.row is not None
        table.row.append((text, rs, cs))
        for _ in range(table.pad):
            table.row.append(("", 1, 1))
        table.pad = 0
        table.cell = None

    def _open_row(self, table: _Table) -> None:
        self.n_rows += 1
        if self.n_rows > self.max_rows:
            raise MarkupError("too_many_rows")
        table.row = []
        table.rows.append(table.row)
        self.items.append((table, len(table.rows) - 1))

    def _close_row(self, table: _Table) -> None:
        self._close_cell(table)
        table.row = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag == "table":
            if not self.stack:
                self._flush_text()
            elif self.stack[-1].cell is not None:  # a table inside a cell: the outer one lays out the page
                outer = self.stack[-1]
                outer.layout = True
                self._paragraphs(outer.cell[0])  # the cell's text before the table comes before it
                outer.cell[0] = []
                outer.cell[3] = True
            self.tables += 1
            self.stack.append(_Table(self.tables))
            return
        if self.stack:
            table = self.stack[-1]
            if tag == "caption" and table.cell is None:
                self.caption = []
                return
            if tag == "tr":
                self._close_row(table)
                self._open_row(table)
                return
            if tag in ("td", "th"):
                self._close_cell(table)
                if table.row is None:
                    self._open_row(table)
                a = dict(attrs)
                cs = _span(a.get("colspan"), self.max_columns + 1)
                if "mso-ignore:colspan" in (a.get("style") or "").replace(" ", "").lower():
                    # Excel's web page: text running over empty cells, not a merged cell
                    table.pad, cs = cs - 1, 1
                table.cell = [[], _span(a.get("rowspan"), 10_000), cs, False]
                return
        if tag in _BREAK:
            pieces = self._pieces()
            if pieces is not None:
                pieces.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag == "table" and self.stack:
            table = self.stack.pop()
            self._close_row(table)
            self._grid(table)
            return
        if tag == "caption" and self.caption is not None:
            self._paragraphs(self.caption)
            self.caption = None
            return
        if self.stack:
            table = self.stack[-1]
            if tag == "tr":
                self._close_row(table)
                return
            if tag in ("td", "th"):
                self._close_cell(table)
                return
        if tag in _BREAK:
            pieces = self._pieces()
            if pieces is not None:
                pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        pieces = self._pieces()
        if pieces is not None:
            pieces.append(data)

    def _grid(self, table: _Table) -> None:
        """Lay the table's cells out on a grid: a cell spanning rows or columns repeats its text
        in every place it covers (a span reaches at most the table's last row)."""
        n = len(table.rows)
        below: dict[int, dict[int, str]] = {}  # row → column → text of a cell spanning down into it
        for r, cells in enumerate(table.rows):
            line = below.pop(r, {})
            c = 0
            for text, rs, cs in cells:
                while c in line:
                    c += 1
                if c + cs > self.max_columns + 1:
                    raise MarkupError("too_many_columns")
                self.placed += min(rs, n - r) * cs
                if self.placed > self.max_cells:
                    raise MarkupError("too_many_cells")
                for dc in range(cs):
                    line[c + dc] = text
                for dr in range(1, min(rs, n - r)):
                    spot = below.setdefault(r + dr, {})
                    for dc in range(cs):
                        spot[c + dc] = text
                c += cs
            width = max(line, default=-1) + 1
            table.grid.append([line.get(k, "") for k in range(width)])

    def finish(self) -> tuple[list[list[str]], list[str], int]:
        while self.stack:  # tables left open by a cut-off page
            table = self.stack.pop()
            self._close_row(table)
            self._grid(table)
        self._flush_text()
        rows: list[list[str]] = []
        refs: list[str] = []
        paragraphs = 0
        for item in self.items:
            if isinstance(item, str):
                paragraphs += 1
                rows.append([item])
                refs.append(f"¶{paragraphs}")
                continue
            table, i = item
            row = table.grid[i]
            if table.layout:  # a layout table's cells (a menu, a heading) are paragraphs
                seen: set[str] = set()
                for cell in row:
                    for line in cell.split("\n"):
                        if line.strip() and line not in seen:
                            seen.add(line)
                            rows.append([line])
                            refs.append(f"T{table.number}:{i + 1}")
            elif any(c.strip() for c in row):
                rows.append(row)
                refs.append(f"T{table.number}:{i + 1}")
        return rows, refs, self.tables


def html_rows(text: str, max_rows: int, max_columns: int, max_cells: int
              ) -> tuple[list[list[str]], list[str], int]:
    """The rows of an HTML page (its tables' rows, spans filled, and its text between tables),
    their places, and the number of tables. Raises :class:`MarkupError` past the limits."""
    reader = _Reader(max_rows, max_columns, max_cells)
    reader.feed(text)
    reader.close()
    return reader.finish()


# --- SpreadsheetML (Excel 2003 XML) ----------------------------------------------------------------

def spreadsheetml_sheets(data: bytes, max_rows: int, max_columns: int, max_cells: int
                         ) -> list[tuple[str, list[list[str]], list[int]]]:
    """Each worksheet of an Excel 2003 XML workbook: its name, its rows (merged cells filled) and
    their row numbers. Raises :class:`MarkupError` past the limits or on XML that is not one."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise MarkupError("bad_markup") from exc
    ns = f"{{{_SS_NS}}}"
    sheets: list[tuple[str, list[list[str]], list[int]]] = []
    total = placed = 0
    for ws in root.iter(f"{ns}Worksheet"):
        name = ws.get(f"{ns}Name") or f"Sheet{len(sheets) + 1}"
        cells: dict[int, dict[int, str]] = {}
        r = 0
        for tbl in ws.iter(f"{ns}Table"):
            for row in tbl.iter(f"{ns}Row"):
                r = _index(row.get(f"{ns}Index"), r + 1)
                total += 1
                if total > max_rows or r > 10 * max_rows:
                    raise MarkupError("too_many_rows")
                c = 0
                for cell in row.iter(f"{ns}Cell"):
                    c = _index(cell.get(f"{ns}Index"), c + 1)
                    data_el = next(iter(cell.iter(f"{ns}Data")), None)
                    text = "".join(data_el.itertext()).strip() if data_el is not None else ""
                    across = _index(cell.get(f"{ns}MergeAcross"), 0)
                    down = min(_index(cell.get(f"{ns}MergeDown"), 0), max_rows)
                    if c + across > max_columns + 1:
                        raise MarkupError("too_many_columns")
                    placed += (down + 1) * (across + 1)
                    if placed > max_cells:
                        raise MarkupError("too_many_cells")
                    for dr in range(down + 1):
                        line = cells.setdefault(r + dr, {})
                        for dc in range(across + 1):
                            line[c + dc] = text
                    c += across
        numbers = sorted(n for n in cells if any(cells[n].values()))
        rows = [[cells[n].get(k, "") for k in range(1, max(cells[n]) + 1)] for n in numbers]
        sheets.append((name, rows, numbers))
    if not sheets:
        raise MarkupError("bad_markup")
    return sheets


def _index(value: str | None, default: int) -> int:
    try:
        return max(0, int(value)) if value is not None else default
    except ValueError:
        return default


# --- a file read as markup -------------------------------------------------------------------------

def read_markup(data: bytes, sheet: str | None, limits: Limits) -> list[RawTable] | ReadFailure | None:
    """A web page (.html/.htm, .mht, an HTML ".xls") or an Excel 2003 XML workbook, read by
    this module; ``None`` when the file is neither. A page without a table is read as text,
    one line a block (a page laid out with ``<div>``s reads like a one-cell-per-line copy)."""
    head = data[: 1 << 20]
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # a page saved as Unicode text
        head = head.decode("utf-16", "replace").encode("utf-8")
    html: str | None = None
    try:
        if is_spreadsheetml(head):
            sheets = spreadsheetml_sheets(data, limits.max_table_rows, limits.max_table_columns,
                                          limits.max_table_cells)
            names = [name for name, _, _ in sheets]
            if sheet is not None:
                sheets = [s for s in sheets if s[0] == sheet]
                if not sheets:
                    return ReadFailure("no_sheet", ", ".join(names))
            return [RawTable("xml-sheet", rows, [f"{name}!{n}" for n in numbers], name, True, names)
                    for name, rows, numbers in sheets]
        if is_mhtml(head):
            html = mhtml_html(data)
            if html is None:
                return ReadFailure("bad_markup", "mhtml")
        elif is_html(head) or _HTML_PAGE_RE.search(head[:4096]):
            html = decode_text(data)
            if html is None:
                return ReadFailure("bad_encoding")
        else:
            return None
        rows, refs, tables = html_rows(html, limits.max_table_rows, limits.max_table_columns,
                                       limits.max_table_cells)
    except MarkupError as exc:
        code = str(exc)
        if code == "too_many_rows":
            return ReadFailure(code, str(limits.max_table_rows))
        if code == "too_many_columns":
            return ReadFailure(code, str(limits.max_table_columns))
        if code == "too_many_cells":
            return ReadFailure(code, str(limits.max_table_cells))
        return ReadFailure("bad_markup", "xml" if code == "bad_markup" else code)
    if not tables and len(rows) < 5 and re.search(r"<i?frame\b", html[:20000], re.I):
        return ReadFailure("html_frames")  # a workbook saved as a web page: each sheet is a file of its own
    if not rows:
        return ReadFailure("empty")
    if not tables:
        lines = [r[0] for r in rows]
        return [RawTable("text-lines", [[ln] for ln in lines], refs, lines=lines)]
    return [RawTable("html", rows, refs, None, True)]


_HTML_PAGE_RE = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.I | re.S)
