"""How ``parse-table`` reads the real tables once printed and scanned: the PDFs
bench/pdf_text.py writes (a Word table with ruling lines, text at the top of the cells, and a
workbook with borders; LibreOffice) are rendered to pictures as a scanner gives them (200 dpi,
grey, the paper's tint and noise, turned ``--angle`` degrees) and saved as PDFs of pictures only;
each is read by OCR (analytics/ingest/tables/scan.py: Tesseract, which the machine must have, with
its Chinese data) and scored against the table's hand-checked reading (bench/parse_tables.py's
scoring). Slow (a few seconds a page): ``--limit N`` reads the first N tables of each way, and
``--from DIR`` takes the PDFs a ``bench/pdf_text.py --out DIR`` run left (else they are written
and converted first).

    .venv/bin/python bench/scans.py [--limit N] [--from DIR] [--angle DEG] [--misses] [--json]

Printed: per way the tables, rows, targets, units, directions, kinds, qualitative targets and
unreadable rows, the seconds per table, and (``--misses``) each table read short with the
fields missed. Reported, not gating (exit 0).
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.format_variants import print_measures, tables  # noqa: E402
from bench.parse_tables import run  # noqa: E402
from bench.pdf_text import _convert, print_short, summarise, write_excel, write_word  # noqa: E402

WAYS = ("word_top", "excel")


def scanned(pdf: bytes, dpi: int = 200, angle: float = 0.0, seed: int = 1) -> bytes:
    """``pdf`` as a scanner gives it back: each page a grey picture at ``dpi``, the paper's tint
    and noise added, turned ``angle`` degrees, saved as a PDF of pictures only (no text)."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    doc = pdfium.PdfDocument(pdf)
    rng = np.random.default_rng(seed)
    pictures = []
    try:
        for i in range(len(doc)):
            picture = doc[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            if angle:
                picture = picture.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
            grey = np.asarray(picture).astype(float) * 0.92 + 12 + rng.normal(0, 8, (picture.height, picture.width))
            pictures.append(Image.fromarray(np.clip(grey, 0, 255).astype("uint8")))
    finally:
        doc.close()
    out = io.BytesIO()
    pictures[0].save(out, format="PDF", save_all=True, append_images=pictures[1:], resolution=dpi)
    return out.getvalue()


def measure(limit: int | None, from_dir: Path | None, angle: float) -> dict[str, Any]:
    found, _ = tables(None)
    found = found[:limit] if limit else found
    cases: dict[str, list[tuple[str, bytes, dict[str, Any]]]] = {}
    labels: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="scans_") as tmp:
        for way in WAYS:
            where = (from_dir or Path(tmp)) / way
            where.mkdir(parents=True, exist_ok=True)
            sources = []
            for t in found:
                stem = f"{t.folder}__{t.path.stem}"
                pdf = where / f"{stem}.pdf"
                if not pdf.exists():
                    rows, merges = t.put_back or t.as_copied
                    src = where / (stem + (".xlsx" if way == "excel" else ".docx"))
                    if way == "excel":
                        write_excel([list(r) for r in rows], merges, src, borders=True)
                    else:
                        write_word([list(r) for r in rows], merges, src, centre=False)
                    sources.append(src)
            if sources:
                _convert(sources, where)
            for t in found:
                pdf = where / f"{t.folder}__{t.path.stem}.pdf"
                if pdf.exists():
                    name = pdf.stem + ".scan.pdf"
                    labels[f"{way}/{name}"] = t.label
                    cases.setdefault(way, []).append((name, scanned(pdf.read_bytes(), angle=angle),
                                                      {**t.expected, "layout": way}))
    return summarise({way: run(cs) for way, cs in cases.items()}, labels)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="read only the first N tables of each way")
    parser.add_argument("--from", dest="from_dir", type=Path, help="the PDFs of a bench/pdf_text.py --out DIR run")
    parser.add_argument("--angle", type=float, default=0.0, help="turn each scanned page so many degrees")
    parser.add_argument("--misses", action="store_true", help="list the fields each short table misses")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from analytics.ingest.tables.scan import ocr_available

    if not ocr_available():
        print("no OCR on this machine (apt install tesseract-ocr tesseract-ocr-chi-sim)")
        return 0
    res = measure(args.limit, args.from_dir, args.angle)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return 0
    print(f"the real tables with a grid, printed to PDF, scanned (200 dpi, grey, noise, turned {args.angle}°) and "
          "read by OCR; reported, not gating")
    print_measures("way", res["readings"], width=12)
    print_short(res["short"], args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
