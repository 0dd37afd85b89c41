"""Reading an OpenDocument file's tables (what LibreOffice, and WPS or Office when asked, save:
``.ods`` spreadsheets and ``.odt`` text documents) from its ``content.xml``: each sheet of a
spreadsheet, or each table of a text document with the paragraphs around it, as rows of cell
texts (the text each cell shows: ``≥95%``, ``500人次``) with the merged ranges
(``number-columns-spanned`` / ``number-rows-spanned``) for the caller to fill, as a workbook's.

Repeated rows and cells (``number-rows-repeated`` / ``number-columns-repeated``: a sheet's
unused million rows are one element) are written out only when something follows them and never
past ``max_table_rows`` / ``max_table_columns`` (data/limits.yaml). Nothing here raises on a bad
file: the caller turns :class:`OdfError` into a failure code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from analytics.ingest.limits import Limits

__all__ = ["OdfSheet", "OdfError", "odf_sheets"]

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_BOX = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}text-box"  # a frame's text (a converter's page)
_ROW_PARTS = (f"{_TABLE}table-header-rows", f"{_TABLE}table-rows", f"{_TABLE}table-row-group")


class OdfError(Exception):
    """Why the file could not be read: ``bad_odf`` (its content is no OpenDocument XML, or neither
    a spreadsheet nor a text document), ``slides_file`` (a presentation)."""


@dataclass
class OdfSheet:
    """A sheet (or a text document's tables and paragraphs): rows of cell texts, their places
    (``Sheet1!3``, ``T1:2``, ``¶4``), merged ranges (1-based, inclusive) and whether it is hidden."""

    name: str | None
    rows: list[list[str]] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden: bool = False
    tables: int = 0
    left_out: list[int] = field(default_factory=lambda: [0, 0])  # hidden rows and columns with text, left out


def _int(value: str | None, default: int = 1) -> int:
    try:
        return max(1, int(value or default))
    except ValueError:
        return default


def text_of(node: ET.Element, boxes: bool = True) -> str:
    """A cell's or paragraph's text as shown: ``text:s`` blanks, tabs, line breaks, spans and links;
    its text boxes' text too unless ``boxes`` is false."""
    out: list[str] = [node.text or ""]
    for child in node:
        tag = child.tag
        if tag == _BOX and not boxes:
            pass
        elif tag == f"{_TEXT}s":
            out.append(" " * min(_int(child.get(f"{_TEXT}c")), 100))
        elif tag == f"{_TEXT}tab":
            out.append("\t")
        elif tag == f"{_TEXT}line-break":
            out.append("\n")
        elif tag in (f"{_OFFICE}annotation", f"{_TEXT}note"):
            pass  # a comment, a footnote: not the cell's text
        else:
            out.append(text_of(child, boxes))
        out.append(child.tail or "")
    return "".join(out)


def _cell_text(cell: ET.Element) -> str:
    return "\n".join(text_of(p) for p in cell if p.tag in (f"{_TEXT}p", f"{_TEXT}h")).strip()


def _rows(table: ET.Element) -> Iterator[ET.Element]:
    for child in table:
        if child.tag == f"{_TABLE}table-row":
            yield child
        elif child.tag in _ROW_PARTS:
            yield from _rows(child)


_COLUMN_PARTS = (f"{_TABLE}table-columns", f"{_TABLE}table-header-columns", f"{_TABLE}table-column-group")
_HIDDEN = ("collapse", "filter")  # table:visibility of a row or column the sheet does not show


def _hidden_columns(table: ET.Element, limits: Limits) -> set[int]:
    """The 1-based columns ``table`` hides (``table:visibility="collapse"``), within the table limits."""
    out: set[int] = set()
    col = 0

    def walk(node: ET.Element) -> None:
        nonlocal col
        for child in node:
            if col > limits.max_table_columns:
                return
            if child.tag in _COLUMN_PARTS:
                walk(child)
            elif child.tag == f"{_TABLE}table-column":
                repeat = min(_int(child.get(f"{_TABLE}number-columns-repeated")), limits.max_table_columns + 1)
                if child.get(f"{_TABLE}visibility") in _HIDDEN:
                    out.update(range(col + 1, col + repeat + 1))
                col += repeat
    walk(table)
    return out


def _grid(table: ET.Element, limits: Limits, sheet: OdfSheet, prefix: str, first: int) -> None:
    """The rows of ``table`` into ``sheet`` (numbered from ``first`` for the merges), repeats written
    out only when a filled row or cell follows, and bounded; the rows and columns the sheet hides
    are read as blank (the form as it is shown)."""
    pending_rows = 0
    number = first
    hidden = _hidden_columns(table, limits)
    for row in _rows(table):
        if row.get(f"{_TABLE}visibility") in _HIDDEN:
            pending_rows += _int(row.get(f"{_TABLE}number-rows-repeated"))
            if any(_cell_text(c) for c in row if c.tag == f"{_TABLE}table-cell"):
                sheet.left_out[0] += 1
            continue
        cells: list[str] = []
        pending_cells = 0
        for cell in row:
            if cell.tag not in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                continue
            text = _cell_text(cell) if cell.tag == f"{_TABLE}table-cell" else ""
            repeat = _int(cell.get(f"{_TABLE}number-columns-repeated"))
            if not text:
                pending_cells += repeat
                continue
            cells += [""] * min(pending_cells, limits.max_table_columns + 1)
            pending_cells = 0
            col = len(cells) + 1
            cells += [text] * min(repeat, limits.max_table_columns + 1)
            across = _int(cell.get(f"{_TABLE}number-columns-spanned"))
            down = _int(cell.get(f"{_TABLE}number-rows-spanned"))
            if across > 1 or down > 1:
                sheet.merges.append((number + pending_rows, col, number + pending_rows + min(down, limits.max_table_rows) - 1,
                                     col + min(across, limits.max_table_columns) - 1))
            if len(cells) > limits.max_table_columns:
                break
        if hidden:
            gone = {k for k, text in enumerate(cells, start=1) if k in hidden and text}
            sheet.left_out[1] = max(sheet.left_out[1], len(gone))  # (the columns with text of the fullest row)
            cells = [("" if k in hidden else text) for k, text in enumerate(cells, start=1)]
            if not any(cells):
                cells = []
        repeat = _int(row.get(f"{_TABLE}number-rows-repeated"))
        if not cells:
            pending_rows += repeat
            continue
        for _ in range(min(pending_rows, limits.max_table_rows + 1 - len(sheet.rows))):
            sheet.rows.append([])
            sheet.refs.append(f"{prefix}{number}")
            number += 1
        pending_rows = 0
        for _ in range(min(repeat, limits.max_table_rows + 1 - len(sheet.rows))):
            sheet.rows.append(list(cells))
            sheet.refs.append(f"{prefix}{number}")
            number += 1
        if len(sheet.rows) > limits.max_table_rows:
            return


def _hidden_styles(root: ET.Element) -> set[str]:
    """The automatic table styles that hide a sheet (``table:display="false"``)."""
    out = set()
    for style in root.iter(f"{_STYLE}style"):
        props = style.find(f"{_STYLE}table-properties")
        if props is not None and props.get(f"{_TABLE}display") == "false":
            out.add(style.get(f"{_STYLE}name", ""))
    return out


def odf_sheets(xml: bytes, limits: Limits) -> list[OdfSheet]:
    """A spreadsheet's sheets, or a text document as one sheet (its paragraphs as one-cell rows,
    ``¶n``, its tables' rows ``Tk:i``); raises :class:`OdfError`."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise OdfError("bad_odf") from exc
    body = root.find(f"{_OFFICE}body")
    if body is None:
        raise OdfError("bad_odf")
    book = body.find(f"{_OFFICE}spreadsheet")
    if book is not None:
        hiding = _hidden_styles(root)
        sheets = []
        for table in book.iter(f"{_TABLE}table"):
            name = table.get(f"{_TABLE}name") or f"Sheet{len(sheets) + 1}"
            sheet = OdfSheet(name, hidden=table.get(f"{_TABLE}style-name", "") in hiding)
            _grid(table, limits, sheet, f"{name}!", 1)
            sheets.append(sheet)
        return sheets
    text = body.find(f"{_OFFICE}text")
    if text is None:  # a presentation, a drawing: no table to read
        raise OdfError("slides_file" if body.find(f"{_OFFICE}presentation") is not None else "bad_odf")
    doc = OdfSheet(None)
    _document(text, doc, limits)
    return [doc]


def _boxes(node: ET.Element) -> Iterator[ET.Element]:
    """The outermost text boxes inside ``node`` (one inside another is read with it)."""
    for child in node:
        if child.tag == _BOX:
            yield child
        else:
            yield from _boxes(child)


def _document(node: ET.Element, doc: OdfSheet, limits: Limits) -> None:
    """A text document's paragraphs and tables in order (lists and sections looked into; a table in
    a frame's text box, as a PDF converter makes of a page, read where the frame is anchored)."""
    for child in node:
        if child.tag in (f"{_TEXT}p", f"{_TEXT}h"):
            boxes = [box for box in _boxes(child) if box.find(f".//{_TABLE}table") is not None]
            line = text_of(child, boxes=not boxes).strip()
            if line:
                doc.rows.append([line])
                doc.refs.append(f"¶{len(doc.rows)}")
            for box in boxes:
                _document(box, doc, limits)
        elif child.tag == f"{_TABLE}table":
            doc.tables += 1
            first = len(doc.rows) + 1
            start = len(doc.refs)
            _grid(child, limits, doc, "", first)
            for k in range(start, len(doc.refs)):
                doc.refs[k] = f"T{doc.tables}:{k - start + 1}"
        elif child.tag not in (f"{_TEXT}tracked-changes", f"{_OFFICE}forms", f"{_TEXT}sequence-decls"):
            _document(child, doc, limits)
        if len(doc.rows) > limits.max_table_rows:
            return
