"""Render some of the real tables of tests/tables/ as the files people actually hold: .xlsx with
merged cells (openpyxl), .docx Word tables with merged cells (python-docx), the same Word tables
with ruling lines printed to .pdf and saved as old-format .doc (LibreOffice), both saved as
OpenDocument (.ods / .odt), those PDFs saved as OFD 版式文件, the blank-separated
text a PDF viewer copies, and markup: web pages (.html, .mht, an HTML ".xls") and Excel 2003 XML. The cells are the
text fixture's own; cells left blank under a label in a level column (and under a label of the
facts above the table) become one merged cell, a title row is merged across the table.

    .venv/bin/python tests/tables/make_fixtures.py [NAME …]     # writes tests/tables/generated/ (or just NAME …)

Each generated file is read by the bench and the tests against the expected reading of its source.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from analytics.ingest.tables.cells import header_role  # noqa: E402
from analytics.ingest.tables.lexicon import load_lexicon  # noqa: E402
from analytics.ingest.tables.sources import split_text  # noqa: E402

HERE = Path(__file__).resolve().parent
OUT = HERE / "generated"

#: generated file → its source (text with positions kept: tab-separated or Word's plain text)
RENDERED = {
    "seed_dongguan.xlsx": "seed_dongguan.txt",
    "seed_dongguan.docx": "seed_dongguan.txt",
    "chizhou_weituo_ziping_2022.xlsx": "corpus/chizhou_weituo_ziping_2022.tsv",
    "chizhou_weituo_ziping_2022.docx": "corpus/chizhou_weituo_ziping_2022.tsv",
    "nanyue_fupin_2018.xlsx": "corpus/nanyue_fupin_2018.tsv",
    "jiayuguan_bowuguan_2023.docx": "corpus/jiayuguan_bowuguan_2023.tsv",
    "ningjin_zhuxuejin_2019.xlsx": "corpus/ningjin_zhuxuejin_2019.tsv",
    "ningde_rencaiyizhan_2023.docx": "corpus/ningde_rencaiyizhan_2023.tsv",
    # held-out tables once they were measured (layouts the corpus lacks: a target column per town,
    # 自评表 with a separate comparator column, a second header row of years)
    "xiuyu_shuili_quyu_2025.xlsx": "heldout3/xiuyu_shuili_quyu_2025.tsv",
    "xiuyu_shuili_quyu_2025.docx": "heldout3/xiuyu_shuili_quyu_2025.tsv",
    "zhongjiang_shuibiaochi_2022.xlsx": "heldout/zhongjiang_shuibiaochi_2022.tsv",
    "xiaoxian_yanglou_zhongyangzhi_2023.docx": "heldout/xiaoxian_yanglou_zhongyangzhi_2023.tsv",
    "chizhou_cunji_ziping_2022.xlsx": "heldout/chizhou_cunji_ziping_2022.tsv",
    "chizhou_cunji_ziping_2022.pdf": "heldout/chizhou_cunji_ziping_2022.tsv",
    # the workbook saved in the old Excel format (.xls) by LibreOffice
    "seed_dongguan.xls": "seed_dongguan.txt",
    "chizhou_weituo_ziping_2022.xls": "corpus/chizhou_weituo_ziping_2022.tsv",
    "xiuyu_shuili_quyu_2025.xls": "heldout3/xiuyu_shuili_quyu_2025.tsv",
    # the Word table (with its ruling lines) printed to PDF by LibreOffice
    "seed_dongguan.pdf": "seed_dongguan.txt",
    "chizhou_weituo_ziping_2022.pdf": "corpus/chizhou_weituo_ziping_2022.tsv",
    "jiayuguan_bowuguan_2023.pdf": "corpus/jiayuguan_bowuguan_2023.tsv",
    "ningde_rencaiyizhan_2023.pdf": "corpus/ningde_rencaiyizhan_2023.tsv",
    # the Word document saved in Word's old format (.doc) by LibreOffice
    "seed_dongguan.doc": "seed_dongguan.txt",
    "chizhou_weituo_ziping_2022.doc": "corpus/chizhou_weituo_ziping_2022.tsv",
    # the workbook printed to PDF without borders (Excel prints no gridlines): no ruling lines
    "chizhou_weituo_ziping_2022.sheet.pdf": "corpus/chizhou_weituo_ziping_2022.tsv",
    "nanyue_fupin_2018.sheet.pdf": "corpus/nanyue_fupin_2018.tsv",
    # the PDFs above saved as OFD 版式文件 (a converter's way: a TextObject a run of characters, each
    # rule a PathObject; bench/pdf_text.py's ofd_of_pdf): with ruling lines, and without
    "seed_dongguan.ofd": "seed_dongguan.txt",
    "chizhou_weituo_ziping_2022.ofd": "corpus/chizhou_weituo_ziping_2022.tsv",
    "ningde_rencaiyizhan_2023.ofd": "corpus/ningde_rencaiyizhan_2023.tsv",
    "nanyue_fupin_2018.sheet.ofd": "corpus/nanyue_fupin_2018.tsv",
    # the workbook and the Word document saved as OpenDocument (.ods / .odt) by LibreOffice
    "seed_dongguan.ods": "seed_dongguan.txt",
    "seed_dongguan.odt": "seed_dongguan.txt",
    "chizhou_weituo_ziping_2022.ods": "corpus/chizhou_weituo_ziping_2022.tsv",
    "xiuyu_shuili_quyu_2025.odt": "heldout3/xiuyu_shuili_quyu_2025.tsv",
    # text as a PDF viewer copies a table: a row a line, cells separated by a blank, merged cells once
    "seed_dongguan.pdfcopy.txt": "seed_dongguan.txt",
    "chizhou_weituo_ziping_2022.pdfcopy.txt": "corpus/chizhou_weituo_ziping_2022.tsv",
    "nanyue_fupin_2018.pdfcopy.txt": "corpus/nanyue_fupin_2018.tsv",
    "jiayuguan_bowuguan_2023.pdfcopy.txt": "corpus/jiayuguan_bowuguan_2023.tsv",
    "ningde_rencaiyizhan_2023.pdfcopy.txt": "corpus/ningde_rencaiyizhan_2023.tsv",
    # markup: the workbook and the Word document saved as a web page by LibreOffice (.html), a
    # business system's ".xls" that is an HTML table in GBK, an Excel 2003 XML workbook, a web page
    # saved as one file (.mht)
    "seed_dongguan.html": "seed_dongguan.txt",
    "jiayuguan_bowuguan_2023.html": "corpus/jiayuguan_bowuguan_2023.tsv",
    "chizhou_weituo_ziping_2022.web.xls": "corpus/chizhou_weituo_ziping_2022.tsv",
    "nanyue_fupin_2018.xml": "corpus/nanyue_fupin_2018.tsv",
    "ningde_rencaiyizhan_2023.mht": "corpus/ningde_rencaiyizhan_2023.tsv",
}


def source_text(path: Path) -> str:
    """The fixture's text without its header comment (# source: …)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return "\n".join(lines)


def grid_and_merges(path: Path) -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    """The cells (rectangular) and merged ranges (0-based, inclusive) to render."""
    return rows_and_merges([list(r) for r in split_text(source_text(path)).rows])


def rows_and_merges(rows: list[list[str]]) -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    """:func:`grid_and_merges` of rows already split into cells."""
    lex = load_lexicon()
    width = max(len(r) for r in rows)
    rows = [[" ".join(c.split()) if "\n" not in c else "".join(c.split()) for c in r] + [""] * (width - len(r))
            for r in rows]
    header = next(i for i, r in enumerate(rows) if any(header_role(c, lex) == "name" for c in r[1:]) or
                  any(c.strip() in ("一级指标", "三级指标") for c in r))
    level_cols = [j for j, c in enumerate(rows[header])
                  if header_role(c, lex) in ("level1", "level2") or c.strip() in ("绩效指标", "评价指标", "评价内容")
                  or (j == 0 and not any(rows[i][0].strip() for i in range(header + 1, len(rows))))]
    merges: list[tuple[int, int, int, int]] = []
    body_end = max(i for i, r in enumerate(rows) if any(c.strip() for c in r[1:]))

    def vertical(col: int, first: int, last: int) -> None:
        i = first
        while i <= last:
            if rows[i][col].strip() or (col == 0 and i == first):
                j = i + 1
                while j <= last and not rows[j][col].strip() and (col != 0 or any(c.strip() for c in rows[j][1:])):
                    j += 1
                if j - 1 > i:
                    merges.append((i, col, j - 1, col))
                i = j
            else:
                i += 1

    for col in level_cols:
        vertical(col, header if col == 0 and not rows[header][0].strip() else header + 1, body_end)
    vertical(0, 0, header - 1)  # merged labels of the facts (资金情况 over its rows)
    for i, r in enumerate(rows[:header]):
        filled = [c for c in r if c.strip()]
        if len(filled) == 1 and r[0].strip() and width > 1 and not any(m[0] <= i <= m[2] and m[1] == 0 for m in merges):
            merges.append((i, 0, i, width - 1))  # a title across the table
    return rows, merges


def write_xlsx(rows: list[list[str]], merges: list[tuple[int, int, int, int]], out: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "绩效目标表"
    for r in rows:
        ws.append([c if c else None for c in r])
    for r1, c1, r2, c2 in merges:
        ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
    wb.save(out)


def write_docx(rows: list[list[str]], merges: list[tuple[int, int, int, int]], out: Path, grid: bool = False) -> None:
    import docx

    doc = docx.Document()
    doc.add_paragraph("附件")
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    if grid:
        table.style = "Table Grid"  # ruling lines, as official tables are printed
    for row, r in zip(table.rows, rows):  # row by row: table.cell() walks the whole table each time
        for cell, c in zip(row.cells, r):
            cell.text = c
    for r1, c1, r2, c2 in merges:
        top = table.cell(r1, c1)
        text = top.text
        merged = top.merge(table.cell(r2, c2))
        merged.text = text
    doc.add_paragraph("填报人：              联系电话：")
    doc.save(out)


def write_pdf_copy(rows: list[list[str]], merges: list[tuple[int, int, int, int]], out: Path) -> None:
    """The text a PDF viewer gives for the table: each row on a line, its cells separated by one
    blank, a merged cell only in its first row (the cells it covers are not there at all)."""
    hidden = {(r, c) for r1, c1, r2, c2 in merges for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)
              if (r, c) != (r1, c1)}
    lines = [" ".join("".join(c.split()) for j, c in enumerate(r) if c.strip() and (i, j) not in hidden)
             for i, r in enumerate(rows)]
    out.write_text("\n".join(ln for ln in lines if ln) + "\n", encoding="utf-8")


def _libreoffice(write, rows: list[list[str]], merges: list[tuple[int, int, int, int]], out: Path, source: str) -> None:
    """Write the grid with ``write`` as a ``.{source}`` file, then let LibreOffice (``soffice`` on
    the PATH) convert it to ``out``'s format."""
    import shutil
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{out.stem}.{source}"
        write(rows, merges, src)
        subprocess.run(["soffice", "--headless", "--convert-to", out.suffix[1:], "--outdir", tmp, str(src)], check=True,
                       capture_output=True, timeout=300)
        shutil.copy(Path(tmp) / out.name, out)


def write_pdf(rows: list[list[str]], merges: list[tuple[int, int, int, int]], out: Path) -> None:
    """The Word table with ruling lines, converted to PDF by LibreOffice."""
    _libreoffice(lambda r, m, p: write_docx(r, m, p, grid=True), rows, merges, out, "docx")


def write_sheet_pdf(rows: list[list[str]], merges: list[tuple[int, int, int, int]], out: Path) -> None:
    """The workbook with its columns sized to their text and cells wrapped, printed without
    borders to fit the page width (landscape when wide), converted to PDF by LibreOffice."""
    def write(r: list[list[str]], m: list[tuple[int, int, int, int]], path: Path) -> None:
        from openpyxl import load_workbook
        from openpyxl.styles import Alignment
        from openpyxl.utils import get_column_letter

        write_xlsx(r, m, path)
        wb = load_workbook(path)
        ws = wb.active
        for j in range(len(r[0])):
            longest = max((len(x[j]) for x in r if x[j] and sum(1 for c in x if c.strip()) > 1), default=3)
            ws.column_dimensions[get_column_letter(j + 1)].width = 2.1 * min(max(longest, 3), 24) + 1
        for line in ws.iter_rows():
            for cell in line:
                cell.alignment = Alignment(wrap_text=True, vertical="bottom")
        ws.page_setup.orientation = "landscape" if len(r[0]) > 6 else "portrait"
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        wb.save(path)

    _libreoffice(write, rows, merges, out, "xlsx")


def _html_table(rows: list[list[str]], merges: list[tuple[int, int, int, int]]) -> str:
    """The grid as one HTML table, merged ranges as rowspan/colspan, line breaks as <br>."""
    from html import escape

    start = {(r1, c1): (r2 - r1 + 1, c2 - c1 + 1) for r1, c1, r2, c2 in merges}
    hidden = {(r, c) for r1, c1, r2, c2 in merges for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)
              if (r, c) != (r1, c1)}
    out = ['<table border="1" cellspacing="0" cellpadding="2">']
    for i, r in enumerate(rows):
        cells = []
        for j, c in enumerate(r):
            if (i, j) in hidden:
                continue
            rs, cs = start.get((i, j), (1, 1))
            span = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            cells.append(f"<td{span}>{escape(c).replace(chr(10), '<br>') or '&nbsp;'}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def write_html(rows: list[list[str]], merges: list[tuple[int, int, int, int]], out: Path) -> None:
    """Saved as a web page by LibreOffice: from the workbook (Calc) when the source is a sheet-like
    table, from the Word document (Writer) for a Word table."""
    if out.stem.startswith("seed_"):
        _libreoffice(write_xlsx, rows, merges, out, "xlsx")
    else:
        _libreoffice(write_docx, rows, merges, out, "docx")


def write_web_xls(rows: list[list[str]], merges: list[tuple[int, int, int, int]], out: Path) -> None:
    """A business system's export named .xls: an HTML table in GBK with the Office namespaces."""
    page = ('<html xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:x="urn:schemas-microsoft-com:office:excel">\n<head><meta http-equiv="Content-Type" '
            'content="text/html; charset=gb2312"><style>td{mso-number-format:"\\@";}</style></head>\n<body>\n'
            + _html_table(rows, merges) + "\n</body></html>\n")
    out.write_bytes(page.encode("gb18030"))


def write_spreadsheetml(rows: list[list[str]], merges: list[tuple[int, int, int, int]], out: Path) -> None:
    """An Excel 2003 XML workbook (Excel's 另存为 "XML 电子表格 2003"): ss:MergeAcross/MergeDown, a
    cell after a merged range placed with ss:Index."""
    from xml.sax.saxutils import escape

    start = {(r1, c1): (r2 - r1, c2 - c1) for r1, c1, r2, c2 in merges}
    hidden = {(r, c) for r1, c1, r2, c2 in merges for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)
              if (r, c) != (r1, c1)}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<?mso-application progid="Excel.Sheet"?>',
             '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
             'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">',
             ' <Worksheet ss:Name="绩效目标表">', '  <Table>']
    for i, r in enumerate(rows):
        cells, gap = [], False
        for j, c in enumerate(r):
            if (i, j) in hidden or not c.strip() and (i, j) not in start:
                gap = True
                continue
            down, across = start.get((i, j), (0, 0))
            attrs = (f' ss:Index="{j + 1}"' if gap else "") + (f' ss:MergeAcross="{across}"' if across else "") \
                + (f' ss:MergeDown="{down}"' if down else "")
            cells.append(f'<Cell{attrs}><Data ss:Type="String">{escape(c)}</Data></Cell>')
            gap = False
        lines.append(f'   <Row ss:Index="{i + 1}">' + "".join(cells) + "</Row>")
    lines += ["  </Table>", " </Worksheet>", "</Workbook>", ""]
    out.write_text("\n".join(lines), encoding="utf-8")


def write_mht(rows: list[list[str]], merges: list[tuple[int, int, int, int]], out: Path) -> None:
    """A web page saved as one file (单个文件网页 .mht): a MIME message whose HTML part is GBK,
    quoted-printable, beside an image part."""
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText
    import email.charset

    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>'
            '<p>附件1</p><p align="center"><b>项目支出绩效目标表</b></p>\n' + _html_table(rows, merges)
            + '\n<p>填报人：</p></body></html>')
    msg = MIMEMultipart("related")
    cs = email.charset.Charset("gb18030")
    cs.body_encoding = email.charset.QP
    part = MIMEText(page, "html", cs)
    msg.attach(part)
    msg.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "png"))
    out.write_bytes(msg.as_bytes())


def write_doc(rows: list[list[str]], merges: list[tuple[int, int, int, int]], out: Path) -> None:
    """The Word document saved as an old-format .doc by LibreOffice."""
    _libreoffice(write_docx, rows, merges, out, "docx")


def write_xls(rows: list[list[str]], merges: list[tuple[int, int, int, int]], out: Path) -> None:
    """The .xlsx workbook saved as an old-format .xls by LibreOffice."""
    _libreoffice(write_xlsx, rows, merges, out, "xlsx")


def write_ods(rows: list[list[str]], merges: list[tuple[int, int, int, int]], out: Path) -> None:
    """The workbook saved as an OpenDocument spreadsheet (.ods) by LibreOffice."""
    _libreoffice(write_xlsx, rows, merges, out, "xlsx")


def write_odt(rows: list[list[str]], merges: list[tuple[int, int, int, int]], out: Path) -> None:
    """The Word document saved as an OpenDocument text (.odt) by LibreOffice."""
    _libreoffice(write_docx, rows, merges, out, "docx")


def write_ofd(rows: list[list[str]], merges: list[tuple[int, int, int, int]], out: Path) -> None:
    """The PDF rendered beside ``out`` (``x.pdf`` for ``x.ofd``, ``x.sheet.pdf`` for ``x.sheet.ofd``)
    saved as an OFD, as a PDF-to-OFD converter writes it."""
    from bench.pdf_text import ofd_of_pdf

    out.write_bytes(ofd_of_pdf(out.with_suffix(".pdf").read_bytes()))


def main(only: list[str] | None = None) -> None:
    """Write every rendering (or those named in ``only``)."""
    OUT.mkdir(exist_ok=True)
    writers = {".xlsx": write_xlsx, ".docx": write_docx, ".txt": write_pdf_copy, ".pdf": write_pdf, ".xls": write_xls,
               ".doc": write_doc, ".html": write_html, ".xml": write_spreadsheetml, ".mht": write_mht,
               ".ofd": write_ofd, ".ods": write_ods, ".odt": write_odt}
    for name, source in RENDERED.items():
        if only and name not in only:
            continue
        rows, merges = grid_and_merges(HERE / source)
        write = write_sheet_pdf if name.endswith(".sheet.pdf") else write_web_xls if name.endswith(".web.xls") \
            else writers[Path(name).suffix]
        write(rows, merges, OUT / name)
        print(f"{OUT.relative_to(ROOT) / name}: {len(rows)} rows, {len(merges)} merged ranges")


if __name__ == "__main__":
    main(sys.argv[1:] or None)
