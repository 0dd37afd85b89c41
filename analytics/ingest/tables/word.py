"""A Word document's table as a grid of cell texts (``word/document.xml`` of a .docx): merged cells
repeated over the cells they cover, rows and cells inside content controls looked through, a row
that starts further right kept under its columns, a table nested in a cell given as rows of its
own, a table in a text box (what a PDF-to-Word converter often makes of a page) read where the box is
anchored. Split out of :mod:`.sources`, which reads every kind of file."""

from __future__ import annotations

from typing import Iterator
from xml.etree import ElementTree as ET

__all__ = ["W", "boxed_tables", "docx_table", "inner", "text_of"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_BOX = f"{W}txbxContent"  # a text box's content (in a drawing's shape or an old VML shape)
#: elements that only wrap others (a content control, custom XML, a smart tag): looked through
_WRAPPERS = frozenset({f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag"})


def inner(el: ET.Element, tags: tuple[str, ...]) -> Iterator[ET.Element]:
    """The children of ``el`` with one of ``tags``, looking through wrappers (a row or a cell
    inside a content control is still the table's)."""
    for child in el:
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            yield from inner(child, tags)


def text_of(el: ET.Element, boxes: bool = True) -> str:
    """The text of a paragraph: its runs, not a deleted run, the old place of a moved run (tracked
    changes, read as if accepted), hidden text (``w:vanish``), a nested table or the second copy a
    text box keeps for old readers (mc:Fallback); its text boxes' text too unless ``boxes`` is false."""
    out = []
    for child in el:
        if child.tag in (f"{W}tbl", _MC_FALLBACK, f"{W}del", f"{W}moveFrom") or not boxes and child.tag == _BOX:
            continue
        if child.tag == f"{W}r" and child.find(f"{W}rPr/{W}vanish") is not None:
            continue  # hidden text (a template's note the document does not show)
        if child.tag == f"{W}t":
            out.append(child.text or "")
        else:
            out.append(text_of(child, boxes))
    return "".join(out)


def boxed_tables(p: ET.Element) -> list[ET.Element]:
    """The text boxes drawn in paragraph ``p`` that hold a table (their content, outermost boxes
    only, not the copy kept for old readers)."""
    found: list[ET.Element] = []
    for child in p:
        if child.tag == _MC_FALLBACK:
            continue
        if child.tag == _BOX:
            if any(True for _ in inner(child, (f"{W}tbl",))):
                found.append(child)
        else:
            found.extend(boxed_tables(child))
    return found


def _tc_text(tc: ET.Element) -> str:
    return "\n".join(text_of(p) for p in inner(tc, (f"{W}p",))).strip()


def docx_table(tbl: ET.Element, max_columns: int = 100) -> list[list[str]]:
    """A Word table as a grid: a cell spanning columns (gridSpan) or continuing a vertical merge
    (vMerge without "restart") repeats the text of the cell it belongs to; a row that starts
    further right (gridBefore) keeps its cells under their columns. A span counts at most
    ``max_columns`` (a wider row is then refused by the caller). A table inside a cell comes as
    its own rows, after the row that holds it; a row deleted with changes tracked is left out."""
    grid: list[list[str]] = []
    last: list[str] | None = None  # the table's own row above (a nested table's rows come between)
    for tr in inner(tbl, (f"{W}tr",)):
        if tr.find(f"{W}trPr/{W}del") is not None:
            continue  # a row deleted with changes tracked: read as if the changes were accepted
        row: list[str] = []
        before = tr.find(f"{W}trPr/{W}gridBefore")
        if before is not None:
            try:
                row.extend([""] * min(int(before.get(f"{W}val", "0")), max_columns))
            except ValueError:
                pass
        nested: list[list[str]] = []
        for tc in inner(tr, (f"{W}tc",)):
            pr = tc.find(f"{W}tcPr")
            span, vmerge = 1, None
            if pr is not None:
                gs = pr.find(f"{W}gridSpan")
                try:
                    span = min(int(gs.get(f"{W}val", "1")), max_columns + 1) if gs is not None else 1
                except ValueError:
                    span = 1
                vm = pr.find(f"{W}vMerge")
                if vm is not None:
                    vmerge = vm.get(f"{W}val", "continue")
            text = _tc_text(tc)
            if vmerge == "continue" and last is not None:
                col = len(row)
                text = last[col] if col < len(last) else ""
            row.extend([text] * max(1, span))
            for nested_table in inner(tc, (f"{W}tbl",)):
                nested.extend(docx_table(nested_table, max_columns))
        grid.append(row)
        grid.extend(nested)
        last = row
    return grid
