"""Look at the documents as a reader would: writes the written 绩效运行监控报告 (.docx) and the
official forms (.xlsx) for the sample, converts them to PDF with LibreOffice headless and the PDF
pages to PNG with pdftoppm, then prints the page counts and where the pictures are.

Needs Debian's ``libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils`` (and
``fonts-noto-cjk`` for Chinese). Run:

    .venv/bin/python bench/render_documents.py [--out DIR] [--as-of 2024-08] [--lang zh] [--dpi 60]

Open ``DIR/<name>-<page>.png`` with an image viewer.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROFILE = "file:///tmp/lo-profile"


def soffice() -> str | None:
    """The LibreOffice binary, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(path: Path, out_dir: Path, timeout: float = 240) -> Path:
    """Convert ``path`` to PDF in ``out_dir`` with LibreOffice headless; returns the PDF path."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    subprocess.run([exe, f"-env:UserInstallation={PROFILE}", "--headless", "--convert-to", "pdf", "--outdir", str(out_dir), str(path)],
                   check=True, capture_output=True, timeout=timeout)
    pdf = out_dir / (path.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError(f"LibreOffice wrote no PDF for {path.name}")
    return pdf


def to_png(pdf: Path, out_dir: Path, dpi: int = 60) -> list[Path]:
    """The PDF's pages as PNG files (pdftoppm)."""
    prefix = out_dir / pdf.stem
    for old in out_dir.glob(f"{pdf.stem}-*.png"):  # pages of an earlier, longer rendering
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True, capture_output=True, timeout=240)
    return sorted(out_dir.glob(f"{pdf.stem}-*.png"))


def pdf_text(pdf: Path) -> str:
    """The PDF's text (pdftotext), for checks."""
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, timeout=120).stdout.decode("utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="/tmp/rendered-documents")
    ap.add_argument("--as-of", default="2024-08")
    ap.add_argument("--lang", default="zh", choices=["zh", "en"])
    ap.add_argument("--dpi", type=int, default=60)
    args = ap.parse_args()
    if soffice() is None or shutil.which("pdftoppm") is None:
        print("needs LibreOffice and poppler-utils: apt-get install -y -qq libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils")
        return 2

    from analytics.reports import report
    from analytics.reports.written import docx_bytes
    from analytics.storage.dataset import load_dataset

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    y, m = (int(x) for x in args.as_of.split("-"))
    ctx = report.build_context(load_dataset(), (y, m), lang=args.lang)
    docs = {f"report_{args.lang}.docx": docx_bytes(ctx), f"forms_{args.lang}.xlsx": report.xlsx_bytes(ctx)}
    for name, data in docs.items():
        src = out / name
        src.write_bytes(data)
        pdf = to_pdf(src, out)
        pages = to_png(pdf, out, args.dpi)
        print(f"{name}: {len(pages)} pages -> {pages[0].parent}/{pdf.stem}-*.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
