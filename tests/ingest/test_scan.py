"""Scanned tables read by OCR (analytics/ingest/tables/scan.py), when the machine has Tesseract."""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics.ingest.limits import default_limits
from analytics.ingest.tables import NoTable, TableReading, parse_table
from analytics.ingest.tables.scan import _lines, _mended, _plain_signs, _writing, ocr_available, read_scan
from analytics.present.tables_text import advice_message, no_table_message

GENERATED = Path(__file__).resolve().parents[1] / "tables" / "generated"
needs_ocr = pytest.mark.skipif(not ocr_available(), reason="no Tesseract with chi_sim (.ci/run installs it)")


@pytest.fixture(scope="module")
def scan() -> bytes:
    from bench.scans import scanned  # the bench's scanner: 200 dpi, grey, the paper's tint and noise

    return scanned((GENERATED / "ningde_rencaiyizhan_2023.pdf").read_bytes())


@needs_ocr
def test_a_scanned_table_is_read_by_ocr_and_every_row_marked_to_be_checked(scan: bytes) -> None:
    """A ruled table printed and scanned (pictures only, no text): its cells read by OCR, the rows
    found under their header, every indicator's name and targets marked to be checked against the
    paper, and the reading advises so."""
    got = parse_table(scan, filename="扫描件.pdf")
    assert isinstance(got, TableReading), got
    assert got.source["format"] == "scan" and got.source["advice"] == "scanned_ocr"
    want = parse_table(GENERATED / "ningde_rencaiyizhan_2023.pdf")
    assert isinstance(want, TableReading)
    names = {i["name"] for i in want.indicators}
    assert len(names & {i["name"] for i in got.indicators}) >= 3 and len(got.indicators) >= 4
    assert all({"name", "target"} <= set(i["review"]) for i in got.indicators)
    assert "OCR" in (advice_message(got.to_json(), "zh") or "") and "OCR" in (advice_message(got.to_json(), "en") or "")


@needs_ocr
def test_a_blank_first_page_does_not_end_the_reading(scan: bytes) -> None:
    """A scan starting with a blank page (a sheet's back) is read on; a first page of ink that
    Tesseract reads nothing in ends the reading (see the noise test below)."""
    import io

    import pypdfium2 as pdfium
    from PIL import Image

    doc = pdfium.PdfDocument(scan)
    pages = [Image.new("L", (1654, 2339), 255)] + [doc[i].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
                                                   for i in range(len(doc))]
    out = io.BytesIO()
    pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=200)
    got = parse_table(out.getvalue(), filename="扫描件.pdf")
    assert isinstance(got, TableReading) and len(got.indicators) >= 4


def test_without_ocr_a_scan_says_it_is_one(scan: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    import analytics.ingest.tables.scan as module

    monkeypatch.setattr(module, "ocr_available", lambda: False)
    got = parse_table(scan, filename="扫描件.pdf")
    assert isinstance(got, NoTable) and got.code == "no_pdf_table"
    assert "扫描件" in no_table_message(got, "扫描件.pdf", "zh")


@needs_ocr
def test_a_scan_s_reading_is_bounded(scan: bytes) -> None:
    from bench.scans import scanned

    two = scanned((GENERATED / "chizhou_weituo_ziping_2022.pdf").read_bytes())
    assert read_scan(two, default_limits().replace(max_scan_pages=1))[1:] == ("too_many_pages", "1")
    assert read_scan(scan, default_limits().replace(max_scan_seconds=0.5))[1:] == ("time_limit", "0.5")


def test_what_ocr_makes_of_a_target_s_signs_is_put_back() -> None:
    """Tesseract's Chinese model reads ``≥`` before a figure as 三, 二 or ``=`` (a speck after it read
    as a letter or bracket) or as a figure 2 before a share, ``≤`` as ``<`` and ``%`` after a figure
    as ``9%6``;
    the reading with English is kept when it holds only Chinese, figures and signs."""
    assert _mended("三50个") == "≥50个" and _mended("三 100百分比") == "≥100百分比" and _mended("959%6") == "95%"
    assert _mended("1009%6") == "100%" and _mended("三个月内") == "三个月内" and _mended("第三方") == "第三方"
    assert _mended("=95%") == "≥95%" and _mended("<202.6万元") == "≤202.6万元" and _mended("<=5") == "<=5"
    assert _mended("三E28次") == "≥28次" and _mended("=]100百分比") == "≥100百分比" and _mended("二2个") == "≥2个"
    assert _mended("295%") == "≥95%" and _mended("2100%") == "≥100%" and _mended("25%") == "25%"
    assert _mended("200%") == "200%" and _mended("2300%") == "2300%" and _mended("二级指标") == "二级指标"
    assert _plain_signs([(0, 0, 9, 9, ">=95%", 90.0)]) and not _plain_signs([(0, 0, 9, 9, ">=500A", 90.0)])
    assert not _plain_signs([(0, 0, 9, 9, ">=28®", 47.0)]) and _plain_signs([(0, 0, 9, 9, "≥28次", 80.0)])


def test_a_cell_s_words_are_set_out_as_its_lines_in_reading_order() -> None:
    """Words of one line (sharing its top) become one text over the line's box, Chinese joined and
    Latin words or figures a blank apart, whatever their boxes (``2.61`` and ``万元`` overlapping)."""
    words = [(10, 5, 30, 20, "≥2.61", 90.0), (25, 5, 40, 20, "万元", 90.0), (10, 30, 40, 20, "GDP", 80.0),
             (55, 30, 20, 20, "2024", 80.0)]
    assert [(w[0], w[1], w[2], w[4]) for w in _lines(words)] == [(10, 5, 55, "≥2.61万元"), (10, 30, 65, "GDP 2024")]


def test_a_page_of_noise_or_specks_is_no_writing() -> None:
    """A page of grey noise (mostly dark) or of tens of thousands of specks holds no writing (it is
    not given to Tesseract, which would spend minutes on it); a page of text does."""
    import numpy as np

    rng = np.random.default_rng(5)
    noise = rng.integers(0, 256, (1100, 850), dtype=np.uint8)
    specks = np.where(rng.random((3300, 2550)) < 0.02, 0, 255).astype(np.uint8)
    page = np.full((3300, 2550), 250, np.uint8)
    for row in range(300, 3000, 60):  # lines of "characters": 40 × 40 blocks of strokes
        for col in range(200, 2300, 50):
            page[row:row + 40, col + 5:col + 9] = 20
            page[row + 18:row + 22, col:col + 40] = 20
    assert not _writing(noise) and not _writing(specks) and _writing(page)
