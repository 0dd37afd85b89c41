"""Bounded work for every file: a corpus of hostile shapes, each under the 20 MB upload limit, run
through the one validation gate (``ingest_any``, as ``python -m analytics validate`` and the upload
page do) — and, for the files named ``table_*``, through the target-table reader (``parse_table``,
as ``python -m analytics parse-table`` and the 新建项目 page do) — each in its own subprocess.

For each file it prints: accepted/rejected (and the first problem's code), seconds, peak RSS
(``resource.getrusage`` in the child), the ratio of both to a baseline run of the shipped sample
(``data/projects/dongguan/sample_actuals.csv``) in the same child, and the size of the JSON
problem list. Target: every file within 10 s and 500 MB.

Run: .venv/bin/python bench/hostile_files.py [--keep DIR] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Callable, Iterable, Iterator

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SIZE_LIMIT = 20 * 1024 * 1024
TARGET_SECONDS, TARGET_MB = 10.0, 500.0
SAMPLE = ROOT / "data" / "projects" / "dongguan" / "sample_actuals.csv"
HEADER = "指标编号,月份,数值\n"


# ---------------------------------------------------------------------------- a minimal xlsx writer
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def col_letter(index: int) -> str:
    letters, n = "", index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def row_xml(r: int, values: Iterable[object]) -> str:
    """One ``<row>``; strings as inline strings, numbers as numbers (cell references left out)."""
    parts = [f'<row r="{r}">']
    for v in values:
        if v is None:
            parts.append("<c/>")
        elif isinstance(v, (int, float)):
            parts.append(f"<c><v>{v}</v></c>")
        else:
            parts.append(f'<c t="inlineStr"><is><t>{_esc(str(v))}</t></is></c>')
    parts.append("</row>")
    return "".join(parts)


def write_xlsx(path: Path, sheets: list[tuple[str, Callable[[], Iterator[str]], list[str]]],
               shared: list[str] | None = None) -> None:
    """``sheets``: (name, generator of ``<row>`` XML, merged ranges). Streams each sheet."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
            f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, len(sheets) + 1))
        if shared is not None:
            overrides += ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                          'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
        zf.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
            '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
            f'main+xml"/>{overrides}</Types>'))
        zf.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>'))
        entries = "".join(f'<sheet name="{_esc(name)}" sheetId="{i}" r:id="rId{i}"/>'
                          for i, (name, _, _) in enumerate(sheets, start=1))
        zf.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_NS}" '
                    f'xmlns:r="{_REL}"><sheets>{entries}</sheets></workbook>')
        rels = "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                       for i in range(1, len(sheets) + 1))
        if shared is not None:
            rels += f'<Relationship Id="rIdS" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
        zf.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
                    f'"http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        if shared is not None:
            with zf.open("xl/sharedStrings.xml", "w", force_zip64=True) as fh:
                fh.write(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_NS}" count="{len(shared)}">'.encode())
                for i in range(0, len(shared), 10000):
                    fh.write("".join(f"<si><t>{_esc(s)}</t></si>" for s in shared[i:i + 10000]).encode())
                fh.write(b"</sst>")
        for i, (_, rows, merges) in enumerate(sheets, start=1):
            with zf.open(f"xl/worksheets/sheet{i}.xml", "w", force_zip64=True) as fh:
                fh.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_NS}"><sheetData>'.encode())
                buf: list[str] = []
                for row in rows():
                    buf.append(row)
                    if len(buf) >= 2000:
                        fh.write("".join(buf).encode())
                        buf = []
                fh.write("".join(buf).encode())
                fh.write(b"</sheetData>")
                if merges:
                    fh.write(f'<mergeCells count="{len(merges)}">'.encode())
                    fh.write("".join(f'<mergeCell ref="{m}"/>' for m in merges).encode())
                    fh.write(b"</mergeCells>")
                fh.write(b"</worksheet>")


def _header_rows(more: Callable[[], Iterator[str]]) -> Callable[[], Iterator[str]]:
    def rows() -> Iterator[str]:
        yield row_xml(1, ["指标编号", "月份", "数值"])
        yield from more()
    return rows


# ---------------------------------------------------------------------------- the corpus
def _text(path: Path, text: str, encoding: str = "utf-8") -> None:
    path.write_bytes(text.encode(encoding))


def _lines(path: Path, head: str, line: str, count: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(head)
        block = line * 10000
        for _ in range(count // 10000):
            fh.write(block)
        fh.write(line * (count % 10000))


def _valid_rows() -> list[list[object]]:
    """A clean table near the row limit: every indicator of the shipped project, monthly or level
    values for every month of 1950–2024 (about 34,000 rows)."""
    from analytics.ingest.targets import load_project

    rows: list[list[object]] = []
    for iid, meta in load_project().ingest_catalogue().items():
        if meta.get("kind") == "milestone":
            continue
        basis = "month" if meta.get("kind") == "flow" else "level"
        for year in range(1950, 2025):
            rows += [[iid, f"{year}-{m:02d}", 1, basis] for m in range(1, 13)]
    return rows


def make_corpus(folder: Path) -> list[Path]:
    """Write every hostile file into ``folder``; returns their paths (each under 20 MB)."""
    made: list[Path] = []

    def add(name: str, build: Callable[[Path], None]) -> None:
        path = folder / name
        build(path)
        made.append(path)

    add("normal_sample.csv", lambda p: p.write_bytes(SAMPLE.read_bytes()))
    valid = _valid_rows()
    add(f"valid_{len(valid) // 1000}k_rows.csv", lambda p: _text(p, HEADER.replace("\n", ",口径\n") + "".join(
        ",".join(map(str, row)) + "\n" for row in valid)))
    add(f"valid_{len(valid) // 1000}k_rows.xlsx", lambda p: write_xlsx(p, [("S1", lambda: (
        row_xml(r, row) for r, row in enumerate([["指标编号", "月份", "数值", "口径"]] + valid, start=1)), [])]))
    add("header_100k_columns.csv", lambda p: _text(p, ",".join(f"c{i}" for i in range(100_000)) + "\n1\n"))
    add("header_1m_columns.csv", lambda p: _text(p, ",".join(f"c{i}" for i in range(1_000_000)) + "\n"))
    add("rows_2m_short.csv", lambda p: _lines(p, HEADER, "x,1,2\n", 2_000_000))
    add("rows_49k_duplicates.csv", lambda p: _lines(p, HEADER, "registered_unemployed,2024-01,190\n", 49_000))
    add("rows_49k_errors.csv", lambda p: _lines(p, HEADER, "registered_unemployed,2024-01,abc\n", 49_000))
    add("empty_rows_csv.csv", lambda p: _lines(p, HEADER, "\n", 19_000_000))
    add("empty_comma_rows.csv", lambda p: _lines(p, HEADER, ",,\n", 6_000_000))
    add("long_line_commas.csv", lambda p: _text(p, "1," * 9_000_000))
    add("long_line_no_delimiter.csv", lambda p: _text(p, "a" * 19_000_000))
    add("huge_single_cell.csv", lambda p: _text(p, HEADER + "registered_unemployed,2024-01,\"" + "9" * 18_000_000
                                                  + "\"\n"))
    add("mixed_gbk_row.csv", lambda p: p.write_bytes(
        (HEADER + "registered_unemployed,2024-01,190,备注\n").encode("utf-8")
        + "registered_unemployed,2024-02,191,备注\n".encode("gbk")))
    add("rows_1048576.xlsx", lambda p: write_xlsx(p, [("S1", _header_rows(
        lambda: (row_xml(r, ["registered_unemployed", "2024-01", r]) for r in range(2, 1_048_577))), [])]))
    add("grid_16384_rows_x_200.xlsx", lambda p: write_xlsx(p, [("S1", lambda: (
        row_xml(r, range(r, r + 200)) for r in range(1, 16_385)), [])]))
    add("grid_200_rows_x_16384.xlsx", lambda p: write_xlsx(p, [("S1", lambda: (
        row_xml(r, range(r, r + 16_384)) for r in range(1, 201)), [])]))
    add("huge_single_cell.xlsx", lambda p: write_xlsx(p, [("S1", _header_rows(
        lambda: iter([row_xml(2, ["registered_unemployed", "2024-01", "x" * 15_000_000])])), [])]))
    add("deep_merged.xlsx", lambda p: write_xlsx(p, [("S1", _header_rows(
        lambda: (row_xml(r, ["registered_unemployed", f"2024-{(r % 12) + 1:02d}", r]) for r in range(2, 50))),
        ["A2:A1048576", "B2:C1048576"] + [f"D{r}:XFD{r + 1}" for r in range(2, 100_000, 2)])]))
    add("many_sheets.xlsx", lambda p: write_xlsx(p, [(f"S{i}", _header_rows(
        lambda: iter([row_xml(2, ["registered_unemployed", "2024-01", 190])])), []) for i in range(3000)]))
    add("many_empty_rows.xlsx", lambda p: write_xlsx(p, [("S1", _header_rows(
        lambda: (f'<row r="{r}"><c/><c/><c/></row>' for r in range(2, 1_048_577))), [])]))
    add("unique_shared_strings.xlsx", lambda p: write_xlsx(p, [("S1", lambda: (
        f'<row r="{r}"><c t="s"><v>{r - 1}</v></c></row>' for r in range(1, 1_000_001)), [])],
        shared=[f"s{i:07d}" for i in range(1_000_000)]))
    _table_files(add)
    for path in made:
        assert path.stat().st_size < SIZE_LIMIT, (path.name, path.stat().st_size)
    return made


_WNS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(path: Path, body: Callable[[], Iterator[bytes]]) -> None:
    """A minimal .docx whose document body is streamed from ``body``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f'<?xml version="1.0"?><w:document {_WNS}><w:body>'.encode())
            for chunk in body():
                fh.write(chunk)
            fh.write(b"</w:body></w:document>")


def _table_files(add: Callable[[str, Callable[[Path], None]], None]) -> None:
    """Hostile shapes for the target-table reader (run through ``parse_table``)."""
    cell = b"<w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"
    add("table_docx_bomb.docx", lambda p: _docx(p, lambda: (b" " * (1 << 20) for _ in range(800))))
    add("table_docx_wide_span.docx", lambda p: _docx(p, lambda: iter([b"<w:tbl>" + (
        b'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="100000"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>'
        * 2000) + b"</w:tbl>"])))
    add("table_docx_300k_cells.docx", lambda p: _docx(p, lambda: iter([b"<w:tbl>" + (b"<w:tr>" + cell * 60 + b"</w:tr>")
                                                                         * 5000 + b"</w:tbl>"])))
    add("table_lines_1m.txt", lambda p: _text(p, "三级指标\n指标值\n" + "城镇新增就业\n≥5万人\n" * 500_000))
    add("table_pipes_600k.txt", lambda p: _text(p, "|三级指标|指标值|\n" + "|城镇新增就业|≥5万人|\n" * 600_000))
    add("table_tsv_200k_columns.tsv", lambda p: _text(p, "三级指标\t指标值\t" + "\t".join(f"c{i}" for i in range(200_000))
                                                       + "\n" + ("x\t1\t" * 100_000 + "\n") * 10))
    add("table_tsv_800k_cells.tsv", lambda p: _text(p, "\t".join(["一级指标", "二级指标", "三级指标"] + ["指标值"] * 97) + "\n"
                                                    + ("产出\t数量\t就业人数\t" + "\t".join(["≥5"] * 97) + "\n") * 7990))
    add("table_long_line.txt", lambda p: _text(p, "a" * 19_000_000))
    add("table_stream_run_together.txt", lambda p: _text(p, "一级指标二级指标三级指标年初目标值实际完成值未完成原因及改进措施"
                                                      + "产出指标数量指标培训人数不低于100人98人达成预期指标质量合格率95%9" * 60_000))
    add("table_many_words_a_line.txt", lambda p: _text(p, "一级指标 二级指标 三级指标 指标值\n" + "".join(  # wrapped lines of
        " ".join(f"词{j}甲" for j in range(14)) + f"\n培训人数{i} ≥{i + 1}人\n" + " ".join(f"字{j}乙" for j in range(7)) + "\n"
        for i in range(150))))  # 7 words to set on 15 cells around each value: the ways weighed are bounded
    add("table_value_note_blanks.tsv", lambda p: _text(p, "三级指标\t指标值\n" + "".join(  # a note searched for after a value
        f"培训人数{i}\t1次" + " " * 100_000 + "(注\n" for i in range(40))))
    add("table_change_huge_base.tsv", lambda p: _text(p, "三级指标\t2023年完成值\t2024年目标值\n" + "".join(  # a level from last year
        f"就业人数{i}\t{'9' * 300}人\t较上年增长{'9' * 300}%\n" for i in range(3000))))
    add("table_budget_block_4k_rows.tsv", lambda p: _text(p, "项目资金\t全年预算数\t全年执行数\t执行率\n"  # a 自评表's budget
        "年度资金总额\t100\t50\t50%\n" + "".join(f"其中：资金{i}\t1\t1\t100%\n" for i in range(4000))  # block of 4,000 sources
        + "三级指标\t指标值\n培训人数\t≥5人\n"))
    add("table_budget_labels_600_rows.tsv", lambda p: _text(p, ("\t".join(["预算数", "1", "执行数"] * 33) + "\n") * 600  # labels
        + "三级指标\t指标值\n培训人数\t≥5人\n"))  # before their figures, 99 cells a row
    add("table_pdf_flate_bomb.pdf", lambda p: p.write_bytes(_pdf_one_page(_flate_bomb())))
    add("table_pdf_400k_lines.pdf", lambda p: p.write_bytes(_pdf_one_page(_flate(b"".join(
        b"%d %d m %d %d l S\n" % (i % 600, i % 800, (i + 3) % 600, (i + 7) % 800) for i in range(400_000))))))
    add("table_pdf_2000_pages.pdf", lambda p: p.write_bytes(_pdf_pages(2000)))
    add("table_pdf_garbage.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n" + bytes((i * 7919) % 251 for i in range(200_000))))
    # OFD 版式文件: a page unpacking to 200 MB, a million characters, 50,000 pages, gap lists of a billion,
    # a composite graphic drawing itself 20 times at each of its 8 levels
    add("table_ofd_bomb.ofd", lambda p: _ofd(p, 1, lambda k: b" " * 200_000_000))
    add("table_ofd_million_chars.ofd", lambda p: _ofd(p, 1, lambda k: _ofd_text("字" * 1_000_000, "g 999999 4")))
    add("table_ofd_50k_pages.ofd", lambda p: _ofd(p, 50_000, lambda k: _ofd_text("三级指标 指标值", "4")))
    add("table_ofd_gap_bomb.ofd", lambda p: _ofd(p, 30, lambda k: b"".join(
        _ofd_text("指标", "g 1000000000 4 " * 2000) for _ in range(50))))
    # scans read by OCR (when the machine has Tesseract): ten pages of noise, of sparse specks, a page 5 m wide
    add("table_scan_noise_10_pages.pdf", lambda p: p.write_bytes(_picture_pdf(10, 850, 1100)))
    add("table_scan_specks_10_pages.pdf", lambda p: p.write_bytes(_picture_pdf(10, 850, 1100, ink=0.1)))
    add("table_scan_huge_page.pdf", lambda p: p.write_bytes(_picture_pdf(1, 400, 400, points=14_400)))
    loop = '<CompositeObject Boundary="0 0 10 10" ResourceID="1"/>' * 20  # a composite graphic drawing itself
    add("table_ofd_composite_loop.ofd", lambda p: _ofd(p, 1, lambda k: loop.encode(), res=(
        f'<CompositeGraphicUnit ID="1"><Content><Layer>{loop}</Layer></Content></CompositeGraphicUnit>')))
    add("table_xls_65k_rows.xls", lambda p: _xls(p, "\n".join(",".join(str((r * 31 + c) % 99991) for c in range(40))
                                                              for r in range(65_000))))
    add("table_xls_garbage.xls", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
                                                          + bytes((i * 7919) % 251 for i in range(400_000))))
    # web pages and markup: spans, nesting, width, a system's ".xls" that is a page, entities
    add("table_html_rowspan_bomb.html", lambda p: _text(p, "<table><tr><td rowspan=100000 colspan=100>x</td></tr>"
                                                        + "<tr><td>y</td></tr>" * 7000 + "</table>"))
    add("table_html_nested_50k.html", lambda p: _text(p, "<table><tr><td>x" * 50_000 + "</td></tr></table>" * 50_000))
    add("table_html_200k_cells.xls", lambda p: _text(p, "<html><table><tr>" + "<td>1</td>" * 200_000 + "</tr></table></html>"))
    add("table_spreadsheetml_merge_down.xml", lambda p: _text(p, '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-'
                                                              'com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:'
                                                              'office:spreadsheet"><Worksheet><Table>' + '<Row><Cell ss:'
                                                              'MergeDown="9999999" ss:MergeAcross="99"><Data>x</Data></Cell>'
                                                              '</Row>' * 50 + "</Table></Worksheet></Workbook>"))


def _picture_pdf(pages: int, width: int, height: int, points: int = 0, ink: float = 0.0) -> bytes:
    """A PDF of ``pages`` pictures of noise (``width`` × ``height`` pixels; grey, or black specks
    covering ``ink`` of the page), each page ``points`` wide (else the picture's size at 100 dpi): a
    scan with no writing."""
    import io

    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(7)
    pictures = [Image.fromarray(np.where(rng.random((height, width)) < ink, 0, 255).astype(np.uint8) if ink
                                else rng.integers(0, 256, (height, width), dtype=np.uint8)) for _ in range(pages)]
    out = io.BytesIO()
    resolution = 100 if not points else width * 72 / points
    pictures[0].save(out, format="PDF", save_all=True, append_images=pictures[1:], resolution=resolution)
    return out.getvalue()


def _ofd(path: Path, pages: int, content: Callable[[int], bytes], res: str = "") -> None:
    """An OFD package of ``pages`` pages, page k's layer holding ``content(k)`` (the first three
    written, the rest pointing at the third), the document's resources ``res``."""
    listed = "".join(f'<Page ID="{k + 1}" BaseLoc="Pages/Page_{min(k, 2)}/Content.xml"/>' for k in range(pages))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("OFD.xml", "<OFD><DocBody><DocRoot>Doc_0/Document.xml</DocRoot></DocBody></OFD>")
        zf.writestr("Doc_0/Document.xml", "<Document><CommonData><DocumentRes>Res.xml</DocumentRes></CommonData>"
                                          f"<Pages>{listed}</Pages></Document>")
        zf.writestr("Doc_0/Res.xml", f"<Res>{res}</Res>")
        for k in range(min(pages, 3)):
            zf.writestr(f"Doc_0/Pages/Page_{k}/Content.xml", b"<Page><Content><Layer>" + content(k)
                        + b"</Layer></Content></Page>")


def _ofd_text(text: str, gaps: str) -> bytes:
    return (f'<TextObject Boundary="10 10 190 10" Size="4"><TextCode X="0" Y="4" DeltaX="{gaps}">{text}'
            "</TextCode></TextObject>").encode("utf-8")


def _xls(path: Path, csv_text: str) -> None:
    """An old-format workbook made by LibreOffice from CSV text (``soffice`` on the PATH)."""
    import shutil
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (path.stem + ".csv")
        src.write_text(csv_text, encoding="utf-8")
        subprocess.run(["soffice", "--headless", "--convert-to", "xls", "--outdir", tmp, str(src)], check=True,
                       capture_output=True, timeout=600)
        shutil.copy(Path(tmp) / (path.stem + ".xls"), path)


def _flate(data: bytes) -> bytes:
    import zlib

    return zlib.compress(data, 9)


def _flate_bomb() -> bytes:
    """A content stream that unpacks to 1 GB of blanks (about 1 MB packed)."""
    import zlib

    packer = zlib.compressobj(9)
    block = b" " * (1 << 20)
    return b"".join([packer.compress(block) for _ in range(1024)] + [packer.flush()])


def _pdf(objects: list[bytes]) -> bytes:
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def _pdf_one_page(packed_content: bytes) -> bytes:
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R >>",
                 b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed_content) + packed_content + b"\nendstream"])


def _pdf_pages(n: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(n))
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n)]
                + [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] >>" for _ in range(n)])


# ---------------------------------------------------------------------------- one run (child)
def child(path: str) -> None:
    import resource

    from analytics.ingest.targets import load_project
    from analytics.ingest.validate import ingest_any

    catalogue = load_project().ingest_catalogue()

    def run(p: str) -> tuple[object, float]:
        t0 = time.perf_counter()
        result = ingest_any(p, catalogue, max_bytes=SIZE_LIMIT)
        return result, time.perf_counter() - t0

    if Path(path).name.startswith("table_"):
        table_child(path)
        return
    _, base_s = run(str(SAMPLE))
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result, secs = run(path)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    payload = json.dumps(result.to_json(), ensure_ascii=False)  # type: ignore[attr-defined]
    errors = result.errors  # type: ignore[attr-defined]
    print(json.dumps({"ok": result.ok, "code": errors[0].code if errors else "",  # type: ignore[attr-defined]
                      "seconds": secs, "rss_mb": rss, "base_seconds": base_s, "base_rss_mb": base_rss,
                      "json_bytes": len(payload.encode())}))


def table_child(path: str) -> None:
    """One target-table file through ``parse_table``, against the seed table as the baseline."""
    import resource

    from analytics.ingest.tables import NoTable, parse_table

    def run(p: str) -> tuple[object, float]:
        t0 = time.perf_counter()
        result = parse_table(p)
        return result, time.perf_counter() - t0

    _, base_s = run(str(ROOT / "tests" / "tables" / "seed_dongguan.txt"))
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result, secs = run(path)
    # a PDF is read in a child process: its peak counts too
    rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    refused = isinstance(result, NoTable)
    payload = json.dumps({"code": result.code} if refused else result.to_json(), ensure_ascii=False)  # type: ignore[attr-defined]
    print(json.dumps({"ok": not refused, "code": result.code if refused else "",  # type: ignore[attr-defined]
                      "seconds": secs, "rss_mb": rss, "base_seconds": base_s, "base_rss_mb": base_rss,
                      "json_bytes": len(payload.encode())}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", help="write the corpus here and keep it")
    parser.add_argument("--only", nargs="*", help="run only files whose name contains one of these")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--make", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    if args.make:  # in its own process: a child's peak RSS starts from its parent's at fork time
        made = make_corpus(Path(args.make))
        (Path(args.make) / "corpus.txt").write_text("\n".join(p.name for p in made), encoding="utf-8")
        return 0
    tmp = None
    if args.keep:
        folder = Path(args.keep)
        folder.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="hostile_")
        folder = Path(tmp.name)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--make", str(folder)], check=True, cwd=ROOT,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    files = [folder / name for name in (folder / "corpus.txt").read_text(encoding="utf-8").split("\n")]
    print(f"corpus of {len(files)} files written in {time.perf_counter() - t0:.1f} s to {folder}")
    head = f"{'file':32} {'MB':>6} {'result':28} {'s':>6} {'×base':>7} {'RSS MB':>7} {'×base':>6} {'JSON KB':>8}"
    print(head)
    print("-" * len(head))
    worst = True
    for path in files:
        if args.only and not any(o in path.name for o in args.only):
            continue
        t1 = time.perf_counter()
        proc = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True,
                              timeout=300, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        wall = time.perf_counter() - t1
        if proc.returncode != 0:
            print(f"{path.name:32} child failed after {wall:.1f} s: {proc.stderr.strip()[-300:]}")
            worst = False
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        verdict = "accepted" if r["ok"] else f"rejected {r['code']}"
        within = r["seconds"] < TARGET_SECONDS and r["rss_mb"] < TARGET_MB
        worst = worst and within
        print(f"{path.name:32} {path.stat().st_size / 2**20:6.1f} {verdict:28} {r['seconds']:6.2f} "
              f"{r['seconds'] / max(r['base_seconds'], 1e-6):7.0f} {r['rss_mb']:7.0f} "
              f"{r['rss_mb'] / r['base_rss_mb']:6.1f} {r['json_bytes'] / 1024:8.1f}{'' if within else '  OVER'}")
    print(f"every file within {TARGET_SECONDS:.0f} s and {TARGET_MB:.0f} MB: {'yes' if worst else 'NO'}")
    if tmp is not None:
        tmp.cleanup()
    return 0 if worst else 1


if __name__ == "__main__":
    raise SystemExit(main())
