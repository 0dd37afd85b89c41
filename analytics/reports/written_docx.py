"""Lays out the written report's blocks (:mod:`analytics.reports.written`) as a .docx with
python-docx: A4 portrait, 2.5/2.8 cm margins, the title in a heading face, body text in a
Song/Fangsong face at 12 pt with 1.5 line spacing and a two-character first-line indent (as
Chinese official documents are set), tables with borders and a bold header row, figures as
PNG pictures (vl-convert) 15.5 cm wide, page numbers in the footer."""

from __future__ import annotations

import io
from typing import Any

from analytics.reports.context import ReportContext

_BODY_EA = "仿宋"
_HEAD_EA = "黑体"
_TITLE_EA = "宋体"
_LATIN = "Times New Roman"


def _fonts(run_or_style: Any, east_asian: str, latin: str = _LATIN) -> None:
    """Set both the Latin and the East Asian font (Word keeps them apart)."""
    from docx.oxml.ns import qn

    run_or_style.font.name = latin
    el = run_or_style.element if hasattr(run_or_style, "element") else run_or_style._element
    rpr = el.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), east_asian)
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)


def _setup(doc: Any) -> None:
    """Page size, margins, the Normal style and the footer with page numbers."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(2.5), Cm(2.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(12)
    _fonts(normal, _BODY_EA)
    normal.paragraph_format.line_spacing = 1.5
    normal.paragraph_format.space_after = Pt(0)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = fp.add_run()
    for tag, txt in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), tag)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = txt
        run._r.append(el)
    run.font.size = Pt(10)


def _para(doc: Any, text: str, *, size: float = 12, ea: str = _BODY_EA, bold: bool = False, align: str = "justify",
          indent: bool = True, before: float = 0, after: float = 0, color: tuple[int, int, int] | None = None) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    p = doc.add_paragraph()
    p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT}.get(align, WD_ALIGN_PARAGRAPH.JUSTIFY)
    pf = p.paragraph_format
    if indent:
        pf.first_line_indent = Pt(2 * size)
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    for i, line in enumerate(text.split("\n")):
        if i:  # a line break of its own before the line: the title's name and 绩效运行监控报告 on two lines
            p.add_run().add_break()
        run = p.add_run(line)
        run.font.size = Pt(size)
        run.bold = bold
        _fonts(run, ea)
        if color:
            run.font.color.rgb = RGBColor(*color)
    return p


def _cell_text(cell: Any, text: str, *, bold: bool = False, size: float = 9, center: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    cell.text = ""
    p = cell.paragraphs[0]
    p.paragraph_format.line_spacing = 1.15
    p.paragraph_format.first_line_indent = Pt(0)
    p.paragraph_format.space_before = Pt(1.5)
    p.paragraph_format.space_after = Pt(1.5)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    _fonts(run, _BODY_EA if not bold else _HEAD_EA)


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


#: A table of at most this many rows (its header counted) is kept on one page.
_WHOLE_TABLE_ROWS = 15


def _table(doc: Any, rows: list[list[str]], widths: list[float], usable_cm: float = 15.6) -> None:
    """A bordered table; the first row is the header (bold, shaded, repeated on each page),
    except for a two-column facts table (label | value) whose first column is bold."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    ncols = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=ncols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    ws = widths if len(widths) == ncols else [1.0] * ncols
    scale = usable_cm / sum(ws)
    facts = ncols == 2 and widths == [1, 3]
    numeric = set()
    for c in range(ncols):
        vals = [r[c] for r in rows[1:] if c < len(r) and r[c]]
        if vals and all(any(ch.isdigit() for ch in v) and len(v) <= 16 for v in vals):
            numeric.add(c)
    for j, col in enumerate(table.columns):  # LibreOffice reads the grid, Word the cells
        col.width = Cm(ws[j] * scale)
    for i, r in enumerate(rows):
        for j in range(ncols):
            cell = table.cell(i, j)
            cell.width = Cm(ws[j] * scale)
            value = r[j] if j < len(r) else ""
            head = (i == 0 and not facts) or (facts and j == 0)
            _cell_text(cell, value, bold=head, size=10 if facts else 9, center=head and not facts or (j in numeric and i > 0))
            if head:
                shd = OxmlElement("w:shd")
                shd.set(qn("w:val"), "clear")
                shd.set(qn("w:fill"), "E8EDF3")
                cell._tc.get_or_add_tcPr().append(shd)
    for row in table.rows:  # a row is never split over two pages
        el = OxmlElement("w:cantSplit")
        el.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(el)
    if len(rows) <= _WHOLE_TABLE_ROWS:  # a short table stays on one page (its last row was left alone on the next)
        for row in table.rows[:-1]:
            for cell in row.cells:
                for para in cell.paragraphs:
                    para.paragraph_format.keep_with_next = True
    if not facts:
        _repeat_header(table.rows[0])
    doc.add_paragraph().paragraph_format.space_after = Pt(2)  # air between the table and what follows


def _figure(doc: Any, ctx: ReportContext, chart: str, title: str, k: int, charts_module: Any) -> bool:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    from analytics.reports.images import chart_image, has_chart
    from analytics.present.catalogue import text

    if not has_chart(ctx, chart):
        return False
    try:
        png = chart_image(ctx, chart, "png", charts_module, width=760, font_scale=1.6, scale=2.0,
                          height=300 if chart == "budget_execution" else None)
    except Exception as exc:  # noqa: BLE001 - a missing renderer must not stop the report
        _para(doc, text("written.chart_missing", ctx.lang, why=type(exc).__name__), size=10, indent=False)
        return False
    doc.add_paragraph().add_run().add_picture(io.BytesIO(png), width=Cm(15.5))
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _para(doc, text("written.figure_caption", ctx.lang, k=k, title=title), size=10.5, align="center", indent=False, after=6)
    return True


def render(ctx: ReportContext, blocks: list[Any], *, charts_module: Any = None, with_charts: bool = True) -> bytes:
    """The blocks as .docx bytes."""
    from docx import Document

    doc = Document()
    _setup(doc)
    doc.core_properties.title = blocks[0].text.replace("\n", " ") if blocks else ""
    doc.core_properties.author = ctx.project.departments.get("local_department_city", "")
    fig = 0
    for b in blocks:
        if b.kind == "title":
            _para(doc, b.text, size=20, ea=_TITLE_EA, bold=True, align="center", indent=False, before=24, after=6)
        elif b.kind == "subtitle":
            _para(doc, b.text, size=14, ea=_BODY_EA, align="center", indent=False, after=12)
        elif b.kind == "banner":
            _para(doc, b.text, size=12, ea=_HEAD_EA, bold=True, align="center", indent=False, after=12, color=(0xB0, 0x00, 0x00))
        elif b.kind == "h1":
            _para(doc, b.text, size=15, ea=_HEAD_EA, bold=False, align="left", indent=True, before=12, after=3).paragraph_format.keep_with_next = True
        elif b.kind == "h2":
            _para(doc, b.text, size=13, ea="楷体", bold=True, align="left", indent=True, before=6, after=0).paragraph_format.keep_with_next = True
        elif b.kind in ("p", "item"):
            _para(doc, b.text)
        elif b.kind == "caption":
            _para(doc, b.text, size=10.5, ea=_HEAD_EA, align="center", indent=False, before=6, after=3).paragraph_format.keep_with_next = True
        elif b.kind == "table":
            _table(doc, b.rows, b.widths)
        elif b.kind == "figure" and with_charts:
            fig += _figure(doc, ctx, b.chart, b.text, fig + 1, charts_module)  # a chart left out takes no number: 图1, 图2
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
