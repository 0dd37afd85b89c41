"""How ``parse-table`` reads the real tables once they are printed to PDF, and the text a PDF
converter gives of them: every real table with a grid (tests/tables/corpus/ and heldout*/, moved
cells put back, as bench/format_variants.py finds them) is written the ways offices make their PDFs,
converted to PDF by LibreOffice (``soffice``), and then read as the .pdf itself and as the texts a
PDF gives: ``layout`` (``pdftotext -layout``, poppler: each row of the table on one or more lines,
each cell at its column's place), ``raw`` (``pdftotext -raw``: the words in the order the PDF draws
them), ``rotated`` (the PDF itself with each page stored turned a quarter and its content turned back
through a rotation matrix computed in floating point, as a landscape page often is: read as a .pdf),
``ofd`` (the PDF saved as an OFD 版式文件 as a PDF-to-OFD converter writes one: read as the .ofd),
``flow`` (plain ``pdftotext``: its own guess at the reading order), ``plumber``
(pdfplumber's ``extract_text()``: the words line by line, as a viewer's select-all copies them) and
``pdfium`` (PDFium's text of each page, pypdfium2's ``get_text_range()``: what the PDF viewer of
Chromium and Edge, built on PDFium, copies on select-all — the drawing order, a new line wherever
the font changes). Each reading is scored against the table's hand-checked reading
(bench/parse_tables.py's scoring).

    .venv/bin/python bench/pdf_text.py [--json] [--misses] [--only FOLDER|TABLE ...] [--out DIR]

Ways (the column widths follow the cells' text, as a person sizes them; a wide table is landscape):
  word_top     a Word table with ruling lines, text at the top of each cell (Word's default)
  word_centre  the same, text in the middle of each cell (merged level labels in the middle of
               their block, as most official forms)
  excel        a workbook with borders and wrapped cells, text at the bottom (Excel's default),
               printed to fit the page width
  excel_plain  the same workbook without borders (Excel prints no gridlines): a PDF with no
               ruling lines, read by its words' places

Printed: per way and reading (pdf, rotated, ofd, layout, raw, flow, plumber, pdfium) the tables, rows, targets, units, directions,
kinds, qualitative targets and unreadable rows, and (``--misses``) each table read short with the
fields missed. Needs ``soffice`` and ``pdftotext`` on the PATH (the Debian packages
libreoffice-writer-nogui, libreoffice-calc-nogui and poppler-utils, which .ci/run installs).
Reported, not gating (exit 0).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.format_variants import bench_args, print_measures, sum_tables, tables  # noqa: E402
from bench.parse_tables import _pct, run  # noqa: E402

Rows = list[list[str]]
Merges = list[tuple[int, int, int, int]]
WAYS = ("word_top", "word_centre", "excel", "excel_plain")
READINGS = ("pdf", "rotated", "ofd", "layout", "raw", "flow", "plumber", "pdfium")


def _weights(rows: Rows) -> list[float]:
    """A width per column from its cells' text: the longest cell, between 3 and 24 characters
    (a cell alone on its row, such as a title, does not count)."""
    width = len(rows[0])
    out = []
    for j in range(width):
        longest = max((len(r[j]) for r in rows if r[j] and sum(1 for c in r if c.strip()) > 1), default=3)
        out.append(float(min(max(longest, 3), 24)))
    return out


def write_word(rows: Rows, merges: Merges, out: Path, centre: bool) -> None:
    """A Word table with ruling lines and widths by content; text at the top or in the middle."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_ALIGN_VERTICAL
    from docx.shared import Pt

    doc = docx.Document()
    doc.styles["Normal"].font.size = Pt(10.5)
    section = doc.sections[0]
    if len(rows[0]) > 6:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    usable = section.page_width - section.left_margin - section.right_margin
    weights = _weights(rows)
    widths = [int(usable * w / sum(weights)) for w in weights]
    doc.add_paragraph("附件")
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    table.autofit = False
    for row, r in zip(table.rows, rows):
        for j, (cell, c) in enumerate(zip(row.cells, r)):
            cell.text = c
            cell.width = widths[j]
            if centre:
                cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    for r1, c1, r2, c2 in merges:
        top = table.cell(r1, c1)
        text = top.text
        merged = top.merge(table.cell(r2, c2))
        merged.text = text
        if centre:
            merged.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    doc.add_paragraph("填报人：              联系电话：")
    doc.save(out)


def write_excel(rows: Rows, merges: Merges, out: Path, borders: bool = True) -> None:
    """A workbook with thin borders (or none: gridlines are not printed), wrapped cells at the
    bottom, widths by content, fitted to the page width (landscape when wide)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Side

    wb = Workbook()
    ws = wb.active
    ws.title = "绩效目标表"
    thin = Side(style="thin")
    for r in rows:
        ws.append([c if c else None for c in r])
    for row in ws.iter_rows(min_row=1, max_row=len(rows), max_col=len(rows[0])):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # =300天 is text typed in, not a formula
            cell.alignment = Alignment(wrap_text=True, vertical="bottom")
            if borders:
                cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for r1, c1, r2, c2 in merges:
        ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
    from openpyxl.utils import get_column_letter

    for j, w in enumerate(_weights(rows), start=1):
        ws.column_dimensions[get_column_letter(j)].width = 2.1 * w + 1
    ws.page_setup.orientation = "landscape" if len(rows[0]) > 6 else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.save(out)


def _convert(sources: list[Path], out_dir: Path) -> None:
    """Every file in ``sources`` converted to PDF by LibreOffice, into ``out_dir``."""
    for k in range(0, len(sources), 40):
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out_dir),
                        *[str(p) for p in sources[k:k + 40]]], check=True, capture_output=True, timeout=900)


def layout_text(pdf: Path, how: str = "-layout") -> bytes:
    """The text ``pdftotext`` gives of ``pdf``: ``-layout`` (each word at its place), ``-raw``
    (the words in the order the PDF draws them, a line per run) or ``""`` (its own reading
    order, text flows guessed)."""
    cmd = ["pdftotext", *([how] if how else []), str(pdf), "-"]
    return subprocess.run(cmd, check=True, capture_output=True, timeout=120).stdout


def plumber_text(pdf: Path) -> bytes:
    """The text pdfplumber's ``extract_text()`` gives of ``pdf``, page after page."""
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages).encode("utf-8")


def pdfium_text(pdf: Path) -> bytes:
    """The text PDFium gives of ``pdf`` (pypdfium2), page after page, as a Chromium viewer copies it."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        pages = [page.get_textpage().get_text_range() for page in doc]
    finally:
        doc.close()
    return "\n".join(pages).replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")


def rotated_pdf(pdf: Path) -> bytes:
    """``pdf`` as a landscape page is often stored: each page turned a quarter (``/Rotate 90``) and its
    content drawn turned back through a rotation matrix computed in floating point (sine and cosine
    of 90°, as a program that rotates by any angle computes them), so that it shows upright; the
    ruling lines' ends then differ by rounding errors (PDFium, pypdfium2)."""
    import io

    import pypdfium2 as pdfium

    src, dst = pdfium.PdfDocument(str(pdf)), pdfium.PdfDocument.new()
    try:
        for i in range(len(src)):
            width, height = src[i].get_size()
            content = src.page_as_xobject(i, dst).as_pageobject()
            content.transform(pdfium.PdfMatrix().rotate(90, ccw=True).translate(height, 0))
            page = dst.new_page(height, width)
            page.insert_obj(content)
            page.gen_content()
            page.set_rotation(90)
        out = io.BytesIO()
        dst.save(out)
        return out.getvalue()
    finally:
        dst.close()
        src.close()


def ofd_of_pdf(pdf: bytes) -> bytes:
    """``pdf`` as an OFD 版式文件, written as PDF-to-OFD converters write one (pdfplumber's view of
    each page): each run of characters on a line a ``TextObject`` placed by its ``Boundary``, its
    characters' gaps in ``DeltaX`` (``g N v`` for N equal gaps), its font size in millimetres; each
    ruling line a stroked ``PathObject``, each filled rectangle (a rule drawn as a thin box) a filled
    closed path, both in coordinates relative to their ``Boundary``."""
    import io
    import zipfile

    import pdfplumber

    mm = 25.4 / 72
    pages_xml = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            objs = []
            next_id = [1000 * (len(pages_xml) + 1)]

            def new_id() -> int:
                next_id[0] += 1
                return next_id[0]

            for line in page.lines:
                x0, top, x1, bottom = (float(line[k]) * mm for k in ("x0", "top", "x1", "bottom"))
                objs.append(f'<ofd:PathObject ID="{new_id()}" Boundary="{x0:.3f} {top:.3f} {x1 - x0:.3f} '
                            f'{bottom - top:.3f}" LineWidth="0.25"><ofd:AbbreviatedData>M 0 0 L {x1 - x0:.3f} '
                            f'{bottom - top:.3f}</ofd:AbbreviatedData></ofd:PathObject>')
            for rect in page.rects:
                x0, top, x1, bottom = (float(rect[k]) * mm for k in ("x0", "top", "x1", "bottom"))
                w, h = x1 - x0, bottom - top
                objs.append(f'<ofd:PathObject ID="{new_id()}" Boundary="{x0:.3f} {top:.3f} {w:.3f} {h:.3f}" '
                            f'Stroke="false" Fill="true"><ofd:AbbreviatedData>M 0 0 L {w:.3f} 0 L {w:.3f} {h:.3f} '
                            f'L 0 {h:.3f} C</ofd:AbbreviatedData></ofd:PathObject>')
            runs: list[list[dict[str, Any]]] = []
            for ch in sorted(page.chars, key=lambda c: (round(float(c["top"]), 1), float(c["x0"]))):
                last = runs[-1][-1] if runs else None
                if last is not None and abs(float(last["top"]) - float(ch["top"])) < 0.5 \
                        and 0 <= float(ch["x0"]) - float(last["x1"]) < float(ch["size"]):
                    runs[-1].append(ch)
                else:
                    runs.append([ch])
            for run_ in runs:
                size = float(run_[0]["size"]) * mm
                x0, top = float(run_[0]["x0"]) * mm, min(float(c["top"]) for c in run_) * mm
                x1, bottom = float(run_[-1]["x1"]) * mm, max(float(c["bottom"]) for c in run_) * mm
                gaps = [(float(b["x0"]) - float(a["x0"])) * mm for a, b in zip(run_, run_[1:])]
                deltas: list[str] = []
                k = 0
                while k < len(gaps):
                    n = 1
                    while k + n < len(gaps) and abs(gaps[k + n] - gaps[k]) < 1e-3:
                        n += 1
                    deltas.append(f"g {n} {gaps[k]:.3f}" if n > 1 else f"{gaps[k]:.3f}")
                    k += n
                text = "".join(str(c["text"]) for c in run_).replace("&", "&amp;").replace("<", "&lt;")
                baseline = (float(run_[0]["bottom"]) * mm - top) - 0.12 * size
                objs.append(f'<ofd:TextObject ID="{new_id()}" Boundary="{x0:.3f} {top:.3f} {x1 - x0:.3f} '
                            f'{bottom - top:.3f}" Font="1" Size="{size:.3f}"><ofd:TextCode X="0" Y="{baseline:.3f}"'
                            + (f' DeltaX="{" ".join(deltas)}"' if deltas else "") + f">{text}</ofd:TextCode></ofd:TextObject>")
            width, height = float(page.width) * mm, float(page.height) * mm
            pages_xml.append(f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016">'
                             f'<ofd:Area><ofd:PhysicalBox>0 0 {width:.3f} {height:.3f}</ofd:PhysicalBox></ofd:Area>'
                             f'<ofd:Content><ofd:Layer ID="{new_id()}">{"".join(objs)}</ofd:Layer></ofd:Content></ofd:Page>')
    out = io.BytesIO()
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {ns} DocType="OFD" Version="1.0">'
                               "<ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        page_list = "".join(f'<ofd:Page ID="{k + 1}" BaseLoc="Pages/Page_{k}/Content.xml"/>' for k in range(len(pages_xml)))
        zf.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {ns}><ofd:CommonData>'
                                          "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                                          f"</ofd:CommonData><ofd:Pages>{page_list}</ofd:Pages></ofd:Document>")
        for k, xml in enumerate(pages_xml):
            zf.writestr(f"Doc_0/Pages/Page_{k}/Content.xml", xml)
    return out.getvalue()


def measure(only: list[str] | None = None, out_dir: Path | None = None) -> dict[str, Any]:
    found, _ = tables(only)
    cases: dict[str, list[tuple[str, bytes, dict[str, Any]]]] = {}
    labels: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="pdftext_") as tmp:
        base = out_dir or Path(tmp)
        for way in WAYS:
            where = base / way
            where.mkdir(parents=True, exist_ok=True)
            sources: list[tuple[Path, Any]] = []
            for t in found:
                rows, merges = t.put_back or t.as_copied
                rows = [list(r) for r in rows]
                stem = f"{t.folder}__{t.path.stem}"
                src = where / (stem + (".xlsx" if way.startswith("excel") else ".docx"))
                if way.startswith("excel"):
                    write_excel(rows, merges, src, borders=way == "excel")
                else:
                    write_word(rows, merges, src, centre=way == "word_centre")
                sources.append((src, t))
            _convert([s for s, _ in sources], where)
            for src, t in sources:
                pdf = src.with_suffix(".pdf")
                if not pdf.exists():
                    continue
                texts = {"layout": layout_text(pdf), "raw": layout_text(pdf, "-raw"),
                         "flow": layout_text(pdf, ""), "plumber": plumber_text(pdf), "pdfium": pdfium_text(pdf)}
                readings = [("pdf", pdf.name, pdf.read_bytes()), ("rotated", pdf.name, rotated_pdf(pdf)),
                            ("ofd", pdf.with_suffix(".ofd").name, ofd_of_pdf(pdf.read_bytes()))]
                for reading, text in texts.items():
                    (where / f"{src.stem}.{reading}.txt").write_bytes(text)
                    readings.append((reading, f"{src.stem}.{reading}.txt", text))
                for reading, name, blob in readings:
                    key = f"{way}_{reading}"
                    labels[f"{key}/{name}"] = t.label
                    cases.setdefault(key, []).append((name, blob, {**t.expected, "layout": key}))
        results = {key: run(cs) for key, cs in cases.items()}
    return summarise(results, labels)


def summarise(results: dict[str, dict[str, Any]], labels: dict[str, str]) -> dict[str, Any]:
    """Per reading (``key``) its summed measures (``readings``) and the tables it read short
    (``short``: table label, rows, targets, misses); ``labels`` names each ``key/file``."""
    out: dict[str, Any] = {"readings": {}, "short": {}}
    for key, res in results.items():
        for r in res["tables"]:
            if r["rows"][0] < r["rows"][1] or r["targets"][0] < r["targets"][1]:
                out["short"].setdefault(key, []).append(
                    {"table": labels[f"{key}/{r['file']}"], "rows": r["rows"], "targets": r["targets"],
                     "misses": r["misses"]})
        out["readings"][key] = {"tables": len(res["tables"]), **sum_tables(res["tables"]),
                                "max_seconds": res["max_seconds"]}
    return out


def print_short(short: dict[str, list[dict[str, Any]]], misses: bool) -> None:
    """Each reading's tables read short, with (``misses``) the fields each missed."""
    for key, rows in short.items():
        print(f"\n{key}: {len(rows)} tables read short")
        for r in rows:
            print(f"  {r['table']:<44} rows {_pct(*r['rows'])}  targets {_pct(*r['targets'])}")
            for line in r["misses"][:8] if misses else []:
                print(f"      miss: {line}")


def main(argv: list[str] | None = None) -> int:
    args = bench_args(argv, __doc__.splitlines()[0], "list the fields each short table misses",
                      "keep the written files, PDFs and texts in this folder")
    res = measure(args.only, args.out)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return 0
    print("the real tables with a grid, printed to PDF (LibreOffice) and read as the PDF and as the texts"
          " pdftotext (-layout, -raw, plain), pdfplumber and PDFium give of it; reported, not gating")
    print_measures("way_reading", res["readings"], width=19)
    print_short(res["short"], args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
