"""Reading a scanned target table (a PDF whose pages are pictures: a 批复 printed, stamped and
scanned) by OCR, when the machine has Tesseract with its simplified-Chinese data (the Debian
packages ``tesseract-ocr`` and ``tesseract-ocr-chi-sim``; without them a scan is reported, as
before). Each page is rendered at 300 dpi (pypdfium2); the table's ruling lines are found as long
dark strokes (an opening of the picture with a long line, scipy); the cells they close are found
by the PDF reader's table finder on those lines alone; each cell's picture, the lines wiped out,
is read by Tesseract twice — Chinese alone, and Chinese with English, which reads figures and
signs (``≥95%``, ``5763``) better but may take a Chinese word for Latin letters (``>=500A``) — and
the reading with no Latin letter is kept, else the Chinese one; the text outside the tables
(the title with its year, the facts above) is read from the page with the tables blanked. The
page is then drawn again as a PDF (:mod:`analytics.ingest.tables.redraw`: each word's characters
spread over its box, the lines as drawn) and read as any PDF is.

What OCR reads can be wrong (a ``≥`` read as ``>``, a ``5`` as ``S``): every indicator of a
scan is marked to be checked against the paper (:func:`mark_read_by_ocr`), and the reading
advises so (``source.advice``: ``scanned_ocr``).

Bounded: the work runs in a child process limited in memory (``max_scan_memory_mb``) and stopped
after ``max_scan_seconds``; at most ``max_scan_pages`` pages, each rendered at most
``_MAX_PIXELS`` pixels (data/limits.yaml); a page that holds no writing (mostly dark, or tens of
thousands of specks) is not given to Tesseract, a Tesseract run is stopped after ``_RUN_SECONDS``,
and a first page with ink but nothing Tesseract is sure of ends the reading.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from typing import Any

from analytics.ingest.limits import Limits

__all__ = ["OCR_CHECK", "mark_read_by_ocr", "ocr_available", "read_scan"]

DPI = 300
_MAX_PIXELS = 14_000_000  # a page rendered larger (an A3 scan at 300 dpi is 17 million) is rendered smaller
_LANGS = ("chi_sim", "chi_sim+eng")
_LEAST_SURE = 40.0  # Tesseract's mean confidence on a first page below which the scan is not read on (real pages: 80–95)
_RUN_SECONDS = 10  # one Tesseract run (a page's cells, or its text outside them; real pages: 1–4 s)
_MOST_STROKES = 20_000  # pieces of ink on a page above which, when most are specks, it holds no writing
_LEAST_INK = 0.002  # a page with less ink is blank
_MOST_INK = 0.3  # a page of writing, ruled or not, is mostly paper: darker than this it is not read

#: what a person checks on every indicator of a scan (its name and targets were read by OCR)
OCR_CHECK = ("name", "target")


@functools.lru_cache(maxsize=1)
def ocr_available() -> bool:
    """Whether ``tesseract`` is on the PATH with its simplified-Chinese data."""
    exe = shutil.which("tesseract")
    if exe is None:
        return False
    try:
        done = subprocess.run([exe, "--list-langs"], capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return "chi_sim" in done.stdout.decode("utf-8", "replace").split()


def mark_read_by_ocr(indicators: list[dict[str, Any]]) -> None:
    """Every indicator read from a scan: its name and targets to be checked (``review``)."""
    for ind in indicators:
        ind["review"] = sorted(set(ind.get("review") or []) | set(OCR_CHECK))


def read_scan(data: bytes, limits: Limits) -> tuple[list[Any], str, str]:
    """(pages drawn again, failure code, detail) of a scanned PDF: the pages as
    :class:`~analytics.ingest.tables.redraw.Page`, or a code (``time_limit``, ``too_many_pages``,
    ``too_large_unpacked``, ``unreadable``)."""
    from analytics.ingest.tables.redraw import Page

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p), "OMP_THREAD_LIMIT": "1"}
    child = subprocess.Popen([sys.executable, "-c", _RUN_CHILD, __file__, json.dumps(dataclasses.asdict(limits))],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                             start_new_session=True)  # its own process group: stopped with the Tesseract runs it started
    try:
        stdout, stderr = child.communicate(data, timeout=limits.max_scan_seconds)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        return [], "time_limit", f"{limits.max_scan_seconds:g}"
    try:
        out = json.loads(stdout.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        if b"MemoryError" in stderr:
            return [], "too_large_unpacked", f"{limits.max_scan_memory_mb} MB"
        return [], "unreadable", f"exit {child.returncode}"
    if out["code"]:
        return [], out["code"], out["detail"]
    pages = []
    for p in out["pages"]:
        page = Page(p["width"], p["height"])
        page.chars = [(c[0], c[1], c[2], c[3], (1.0, 0.0), c[4]) for c in p["chars"]]
        page.paths = [([[(x0, y0), (x1, y1)]], True, False) for x0, y0, x1, y1 in p["lines"]]
        pages.append(page)
    return pages, "", ""


#: the child runs this file alone (see :mod:`analytics.ingest.tables.pdf`)
_RUN_CHILD = "import runpy, sys; path = sys.argv.pop(1); runpy.run_path(path, run_name='__main__')"


def _child() -> None:
    """``python scan.py LIMITS_JSON`` < pdf bytes: limits itself, then reads the pages."""
    import resource

    limits = Limits(**{k: v for k, v in json.loads(sys.argv[1]).items() if k in {f.name for f in dataclasses.fields(Limits)}})
    memory = int(limits.max_scan_memory_mb) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    data = sys.stdin.buffer.read()
    try:
        pages, code, detail = _pages(data, limits)
    except MemoryError:
        pages, code, detail = [], "too_large_unpacked", f"{limits.max_scan_memory_mb} MB"
    except Exception as exc:  # noqa: BLE001 - a broken file is a problem to report
        pages, code, detail = [], "unreadable", type(exc).__name__
    sys.stdout.write(json.dumps({"pages": pages, "code": code, "detail": detail}, ensure_ascii=False))


def _pages(data: bytes, limits: Limits) -> tuple[list[dict[str, Any]], str, str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        if len(doc) > limits.max_scan_pages:
            return [], "too_many_pages", str(limits.max_scan_pages)
        out = []
        for i in range(len(doc)):
            page = doc[i]
            width, height = page.get_size()
            scale = min(DPI / 72, (_MAX_PIXELS / max(width * height, 1.0)) ** 0.5)
            picture = page.render(scale=scale, grayscale=True).to_numpy()
            out.append(_read_page(picture[..., 0] if picture.ndim == 3 else picture, 72 * scale))
            sure = out[0]["confidence"]
            if i == 0 and sure is not None and sure < _LEAST_SURE:
                break  # a first page with ink but no writing Tesseract is sure of (noise, a photograph): no table to read
        return out, "", ""
    finally:
        doc.close()


def _dark(gray: Any) -> Any:
    """The ink of a page: pixels darker than the threshold between ink and paper (Otsu's)."""
    import numpy as np

    hist = np.bincount(gray.ravel(), minlength=256).astype(float)
    total = hist.sum()
    levels = np.arange(256)
    weight = np.cumsum(hist)
    mean = np.cumsum(hist * levels)
    between = (mean[-1] * weight - mean * total) ** 2 / np.maximum(weight * (total - weight), 1.0)
    return gray <= min(int(np.argmax(between)), 200)  # the darker class, its top level included


def _writing(gray: Any) -> bool:
    """Whether a page can hold writing: mostly paper (a photograph, a dark scan or noise is not), and
    its ink not tens of thousands of specks (a page of text has hundreds to a few thousand strokes,
    few of them tiny; a page of dust or scribbles would keep Tesseract busy for nothing)."""
    import numpy as np
    from scipy import ndimage

    if (gray < 128).mean() > _MOST_INK:
        return False
    labels, count = ndimage.label(_dark(gray))
    if count <= _MOST_STROKES:
        return True
    return float((np.bincount(labels.ravel())[1:] <= 30).mean()) < 0.5


def _levelled(gray: Any) -> Any:
    """The page turned level when the scan is askew (up to 3°): the angle whose rows of ink are the
    most uneven (text lines and rules lying along rows), found on a picture a quarter the size,
    first in quarter degrees, then in twentieths around the best."""
    import numpy as np
    from scipy import ndimage

    small = _dark(gray[::4, ::4]).astype(np.float32)

    def unevenness(angle: float) -> float:
        return float(np.var(ndimage.rotate(small, angle, reshape=False, order=0).sum(axis=1)))

    best = max((a / 4 for a in range(-12, 13)), key=unevenness)
    best = max((best + a / 20 for a in range(-5, 6)), key=unevenness)
    if abs(best) < 0.1:
        return gray
    return ndimage.rotate(gray, best, reshape=False, order=1, cval=255.0).astype(gray.dtype)


def _strokes(dark: Any, along: int) -> tuple[Any, list[tuple[int, int, int, int]]]:
    """The straight strokes of ``dark`` along rows (``along`` 1) or columns (0) at least a 40th of
    the page long: their mask and boxes (x0, y0, x1, y1)."""
    import numpy as np
    from scipy import ndimage

    n = max(20, dark.shape[along] // 40)
    kept = ndimage.binary_opening(dark, structure=np.ones((1, n) if along else (n, 1), bool))
    labels, _ = ndimage.label(kept)
    boxes = [(s[1].start, s[0].start, s[1].stop, s[0].stop) for s in ndimage.find_objects(labels) if s is not None]
    return kept, boxes


@functools.lru_cache(maxsize=1)
def _redraw() -> dict[str, Any]:
    """The page drawer (redraw.py), loaded by its path: the child imports no other reader."""
    import runpy

    return runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "redraw.py"))


def _read_page(gray: Any, dpi: float) -> dict[str, Any]:
    import io

    import numpy as np
    import pdfplumber
    from scipy import ndimage

    redraw = _redraw()
    mm = 25.4 / dpi
    blank = (gray < 128).mean() < _LEAST_INK
    if blank or not _writing(gray):  # confidence None: a blank page (a scan's back) is no sign
        return {"width": gray.shape[1] * mm, "height": gray.shape[0] * mm, "lines": [], "chars": [],
                "confidence": None if blank else 0.0}
    gray = _levelled(gray)
    dark = _dark(gray)
    across, rows = _strokes(dark, 1)
    down, cols = _strokes(dark, 0)
    wiped = gray.copy()
    wiped[ndimage.binary_dilation(across | down, iterations=2)] = 255
    lines = [(x0 * mm, (y0 + y1) / 2 * mm, x1 * mm, (y0 + y1) / 2 * mm) for x0, y0, x1, y1 in rows]
    lines += [((x0 + x1) / 2 * mm, y0 * mm, (x0 + x1) / 2 * mm, y1 * mm) for x0, y0, x1, y1 in cols]
    page = redraw["Page"](gray.shape[1] * mm, gray.shape[0] * mm)
    page.paths = [([[(a, b), (c, d)]], True, False) for a, b, c, d in lines]
    with pdfplumber.open(io.BytesIO(redraw["page_pdf"]([page]))) as pdf:  # the cells the lines close
        cells = [c for t in pdf.pages[0].find_tables() for c in t.cells]
    px = dpi / 72
    boxes = [(int(x0 * px) + 3, int(top * px) + 3, int(x1 * px) - 3, int(bottom * px) - 3) for x0, top, x1, bottom in cells]
    boxes = [b for b in boxes if b[2] > b[0] and b[3] > b[1] and (wiped[b[1]:b[3], b[0]:b[2]] < 128).sum() > 5]
    pad = 10
    crops = [np.pad(wiped[y0:y1, x0:x1], pad, constant_values=255) for x0, y0, x1, y1 in boxes]
    chars: list[list[Any]] = []
    sure: list[float] = []  # Tesseract's confidence in each word read (0–100)
    if crops:
        plain, mixed = _ocr(crops, dpi, "6")
        for k, (x0, y0, _, _) in enumerate(boxes):
            words = mixed.get(k, []) if _plain_signs(mixed.get(k, [])) else plain.get(k, [])
            chars += _placed(_lines(words), x0 - pad, y0 - pad, mm)
            sure += [w[5] for w in words]
    outside = wiped.copy()
    for x0, y0, x1, y1 in boxes:
        outside[max(0, y0 - 6):y1 + 6, max(0, x0 - 6):x1 + 6] = 255
    if (outside < 128).sum() > 50:
        plain, _ = _ocr([outside], dpi, "3", both=False)
        chars += _placed(plain.get(0, []), 0, 0, mm)
        sure += [w[5] for w in plain.get(0, [])]
    return {"width": gray.shape[1] * mm, "height": gray.shape[0] * mm, "lines": lines, "chars": chars,
            "confidence": sum(sure) / len(sure) if sure else 0.0}


#: what a cell of a target table holds besides Chinese: figures and the signs of a target
_SIGNS = set("0123456789.,:;%‰()（）<>=≥≤≧≦＞＜+-—–~～/、：，。·×*#")


def _plain_signs(words: list[tuple[int, int, int, int, str, float]]) -> bool:
    """Whether the reading with English holds nothing but Chinese, figures and a target's signs (no
    Latin letter, no ®): then it is kept, as it reads figures and signs better."""
    return all(c in _SIGNS or "\u4e00" <= c <= "\u9fff" for w in words for c in w[4])


def _ocr(pictures: list[Any], dpi: float, psm: str, both: bool = True
         ) -> tuple[dict[int, list[tuple[int, int, int, int, str, float]]], dict[int, list[tuple[int, int, int, int, str, float]]]]:
    """Each picture's words (left, top, width, height, text) by Tesseract, Chinese alone and (when
    ``both``) Chinese with English, the two runs side by side; one run reads every picture (a list
    of files: the models load once)."""
    import tempfile

    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="scan_") as tmp:
        names = []
        for k, picture in enumerate(pictures):
            names.append(os.path.join(tmp, f"{k:05d}.png"))
            Image.fromarray(picture).save(names[-1])
        listed = os.path.join(tmp, "pictures.txt")
        with open(listed, "w", encoding="utf-8") as fh:
            fh.write("\n".join(names) + "\n")
        runs = [subprocess.Popen(["tesseract", listed, "stdout", "-l", lang, "--psm", psm, "--dpi", str(int(dpi)), "tsv"],
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) for lang in _LANGS[:2 if both else 1]]
        outs = [_waited(r) for r in runs]
    found = [_words(out) for out in outs]
    return found[0], found[-1]


def _waited(run: subprocess.Popen[bytes]) -> str:
    """A Tesseract run's output, or nothing when it takes over ``_RUN_SECONDS`` (a page of specks
    or scribbles, no writing): it is stopped."""
    try:
        return run.communicate(timeout=_RUN_SECONDS)[0].decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        run.kill()
        run.communicate()
        return ""


def _words(tsv: str) -> dict[int, list[tuple[int, int, int, int, str, float]]]:
    """Each picture's words from Tesseract's TSV (left, top, width, height, text), each word given
    the top and height of its whole line (a lone character's box is shorter or taller than its
    neighbours'; the line's keeps them on one line)."""
    words: list[tuple[tuple[str, ...], int, int, int, int, str, float]] = []
    for line in tsv.splitlines()[1:]:
        f = line.split("\t")
        if len(f) >= 12 and f[0] == "5" and f[11].strip():
            words.append((tuple(f[1:5]), int(f[6]), int(f[7]), int(f[8]), int(f[9]), f[11].strip(), float(f[10])))
    spans: dict[tuple[str, ...], tuple[int, int]] = {}
    for key, _, top, _, height, _, _ in words:
        low, high = spans.get(key, (top, top + height))
        spans[key] = (min(low, top), max(high, top + height))
    out: dict[int, list[tuple[int, int, int, int, str, float]]] = {}
    for key, left, _, width, _, text, conf in words:
        low, high = spans[key]
        out.setdefault(int(key[0]) - 1, []).append((left, low, width, high - low, text, conf))
    return out


def _lines(words: list[tuple[int, int, int, int, str, float]]) -> list[tuple[int, int, int, int, str, float]]:
    """A cell's words as its lines, in the order Tesseract read them: one text a line (Chinese joined
    directly, a blank between two Latin words or figures) over the line's box, so that its
    characters are set out in that order (words' boxes may overlap: ``2.61`` and ``万元``)."""
    out: list[list[Any]] = []
    for left, top, width, height, text, conf in words:
        if out and out[-1][1] == top and out[-1][3] == height:  # the same line (its words share the line's top)
            line = out[-1]
            gap = " " if line[4][-1:].isascii() and line[4][-1:].isalnum() and text[:1].isascii() and text[:1].isalnum() else ""
            line[4] += gap + text
            line[2] = max(line[0] + line[2], left + width) - line[0]
            line[0] = min(line[0], left)
        else:
            out.append([left, top, width, height, text, conf])
    return [(a, b, c, d, _mended(e), f) for a, b, c, d, e, f in out]


#: what Tesseract's Chinese model makes of a target's signs, put back: ``≥`` before a figure read as
#: 三 or 二 (its strokes), as ``=`` (its slant lost), any of them with a speck read as a letter or a
#: bracket after it (``三E28次``, ``=]100``), or as a figure 2 (``295%``: a share over 100% that is
#: a share without its first figure), ``≤`` read as ``<``, ``%`` after a figure read as ``9%6`` or
#: ``%6``. A cell starting ``=`` or ``<`` and a figure is a misread sign far more often than written
#: so (the real tables here: ``=5`` 22 times against ``≥5`` / ``>=5`` 198, ``<5`` never against
#: ``≤5`` / ``<=5`` 22); every row of a scan is checked by a person anyway.
_MISREAD = ((re.compile(r"^[三二=]\s*[A-Za-z|\[\]{}!]?\s*(?=\d)"), "≥"), (re.compile(r"^<\s*(?=\d)"), "≤"),
            (re.compile(r"(?<=\d)9?%6"), "%"), (re.compile(r"^2(?=(?:[1-9]\d(?:\.\d+)?|100)\s*%$)"), "≥"))


def _mended(text: str) -> str:
    for pattern, sign in _MISREAD:
        text = pattern.sub(sign, text)
    return text


def _placed(words: list[tuple[int, int, int, int, str, float]], dx: int, dy: int, mm: float) -> list[list[Any]]:
    """Each word's characters spread evenly over its box, at its baseline: (text, x, y, size, width) in mm."""
    out = []
    for left, top, width, height, text, _ in words:
        step = width / len(text)
        for k, ch in enumerate(text):
            out.append([ch, (dx + left + k * step) * mm, (dy + top + height) * mm, height * mm, step * mm])
    return out


if __name__ == "__main__":
    _child()
