"""Reading the tables of a PDF (a 绩效目标表 printed or exported to PDF): each page's tables are
found from their ruling lines (``pdfplumber``); a cell covered by a merged cell takes the text of
the cell that covers it (as merged cells in .xlsx and .docx do); a cell's wrapped lines are joined
(without a blank between Chinese characters); a row that a page break split (Word lets a row
break across pages) is joined again; the text above a page's tables (the title with its
year, project facts written as lines) comes first, the text below (sign-off lines) after.

Bounded: a PDF is read in a child process that limits its own memory (``max_pdf_memory_mb``)
and CPU time, and is stopped after ``max_seconds`` (a compressed stream that unpacks to gigabytes,
or a page of a million lines, costs the child, never the app); inside it, at most
``max_pdf_pages`` pages and ``max_pdf_objects`` drawn objects a page (data/limits.yaml). A PDF
whose table has no ruling lines (a sheet printed without borders) is given as its text with the
words at their places, read as such a text is (:mod:`analytics.ingest.tables.columns`); a PDF with
no text at all (a scan) is reported as such (``no_pdf_table``), for the caller to read by OCR
when the machine can (:mod:`analytics.ingest.tables.scan`).
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import subprocess
import sys
import time
from typing import Any

from analytics.ingest.limits import Limits

__all__ = ["read_pdf", "read_pdf_here", "PdfResult"]

#: (rows, places, failure code, detail)
PdfResult = tuple[list[list[str]], list[str], str, str]

_ASCII_WORD = re.compile(r"[A-Za-z]$")


def _unspaced(line: str) -> str:
    """A cell's line without the blanks letter spacing puts between its characters (a cell whose
    text is spread over its width, 分散对齐, or set with wider character spacing: ``指 标 值``,
    ``> = 2 0 平方米``): most pieces one character long, or a blank beside a Chinese character with a
    Chinese character or a digit on its other side (``2018 年``)."""
    pieces = line.split(" ")
    if len(pieces) >= 3 and 3 * sum(1 for p in pieces if len(p) == 1) >= 2 * len(pieces):
        return "".join(pieces)
    return _CJK_BLANK.sub("", line)


_CJK_BLANK = re.compile(r"(?<=[\u4e00-\u9fff\d%/]) +(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) +(?=\d)")  # 指标 值, 20 平方米, 2018 年


def _join_lines(text: str | None) -> str:
    """A cell's wrapped lines as one text: Chinese and numbers joined directly, English words with a
    blank, the blanks of letter spacing dropped (:func:`_unspaced`)."""
    if not text:
        return ""
    out = ""
    for part in (_unspaced(p.strip()) for p in text.split("\n")):
        if not part:
            continue
        out += (" " if out and _ASCII_WORD.search(out) and part[:1].isascii() and part[:1].isalpha() else "") + part
    return out


def _covering(cells: list[list[Any]], i: int, j: int) -> tuple[int, int] | None:
    """The position of the merged cell covering the empty position (i, j): the nearest real cell
    above in the same column whose box reaches down into row i, else to the left reaching into column j."""
    row_box = next((c for c in cells[i] if c is not None), None)
    for k in range(i - 1, -1, -1):
        box = cells[k][j] if j < len(cells[k]) else None
        if box is not None:
            if row_box is None or box[3] > row_box[1] + 0.5:
                return k, j
            break
    for k in range(j - 1, -1, -1):
        box = cells[i][k]
        if box is not None:
            return i, k
    return None


def _table_rows(table: Any) -> list[list[str]]:
    texts = table.extract()
    cells = [list(r.cells) for r in table.rows]
    rows = [[_join_lines(t) if t is not None else None for t in r] for r in texts]
    for i, r in enumerate(rows):
        for j, t in enumerate(r):
            if t is None and i < len(cells) and j < len(cells[i]):
                at = _covering(cells, i, j)
                r[j] = rows[at[0]][at[1]] or "" if at is not None else ""
    return [[c or "" for c in r] for r in rows]


def _continues(first: list[str], previous: list[str], full: list[bool]) -> bool:
    """Whether the first row of a page's table is the rest of the previous page's last row: the
    row is as wide, each filled cell stands under a filled cell of that row, and either at most
    two are filled or each of those cells above ran to its edge on its last line (``full``: the
    text went on over the page, 消除安 | 全隐患; a cell that ended there leaves room, 20万元) and
    none of them holds a whole figure."""
    filled = [j for j, c in enumerate(first) if c.strip()]
    if not filled or len(first) != len(previous) or not all(previous[j].strip() for j in filled):
        return False
    if len(filled) > 2 and any(_WHOLE_FIGURE.fullmatch(first[j].strip()) for j in filled):
        return False  # 参训学员就业率 | 60%及以上 | 53.53%: a figure whole in its cell is no text's rest
    return len(filled) <= 2 or all(j < len(full) and full[j] for j in filled)


#: a cell holding a whole figure (60%及以上, 53.53%, ≥95%, 12500名): a value of its own row
_WHOLE_FIGURE = re.compile(r"[≥≤<>＞＜≧≦]?\s*\d+(\.\d+)?\s*(%|％|[^\W\d_]{1,2})?(及以上|以上|及以下|以下)?")


_FULL_SLACK = 2.5  # characters left over on a cell's last line (both sides, padding included) when the line is full


def _full_lines(page: Any, cells: list[Any]) -> list[bool]:
    """For each cell box of a row: whether its text's last line fills the cell's width."""
    out = []
    for box in cells:
        if box is None:
            out.append(False)
            continue
        x0, top, x1, bottom = box
        chars = [c for c in page.chars if str(c.get("text", "")).strip()
                 and x0 <= (float(c["x0"]) + float(c["x1"])) / 2 <= x1
                 and top <= (float(c["top"]) + float(c["bottom"])) / 2 <= bottom]
        if not chars:
            out.append(False)
            continue
        last = max(float(c["top"]) for c in chars)
        line = [c for c in chars if last - float(c["top"]) <= 2]
        width = sorted(float(c["x1"]) - float(c["x0"]) for c in chars)[len(chars) // 2] or 1.0
        slack = (x1 - max(float(c["x1"]) for c in line)) + (min(float(c["x0"]) for c in line) - x0)
        out.append(slack < _FULL_SLACK * width)
    return out


_UNMAPPED = re.compile(r"\(cid:\d+\)")  # a character drawn in a font that maps it to no text
_SKEW = 0.05  # points: a ruling line whose ends differ by less is level (or upright), as drawn


def _squared(page: Any) -> None:
    """The page's ruling lines made exactly level or upright where their ends differ by a rounding
    error only (a page drawn through a rotation whose sine and cosine are not exact 0 and 1: 109.05
    and 109.05000000000007), so that the table finder, which tells a level line by equal ends,
    still sees them as the table's rules."""
    for line in page.objects.get("line", []):
        if 0 < abs(float(line["bottom"]) - float(line["top"])) < _SKEW:
            line["bottom"], line["y0"], line["height"] = line["top"], line["y1"], 0
        elif 0 < abs(float(line["x1"]) - float(line["x0"])) < _SKEW:
            line["x1"], line["width"] = line["x0"], 0
    for curve in page.objects.get("curve", []):
        pts = list(curve.get("pts") or [])
        for k in range(1, len(pts)):
            (px, py), (x, y) = pts[k - 1], pts[k]
            pts[k] = (px if abs(x - px) < _SKEW else x, py if abs(y - py) < _SKEW else y)
        curve["pts"] = pts


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (float(obj.get("x0", 0)) + float(obj.get("x1", 0))) / 2
    y = (float(obj.get("top", 0)) + float(obj.get("bottom", 0))) / 2
    return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)


def read_pdf(data: bytes, limits: Limits) -> PdfResult:
    """:func:`read_pdf_here` in a child process with its memory and time bounded (see the module's
    help); ``time_limit`` when it is stopped, ``too_large_unpacked`` when it runs out of memory."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    try:
        done = subprocess.run([sys.executable, "-c", _RUN_CHILD, __file__, json.dumps(dataclasses.asdict(limits))],
                              input=data, capture_output=True, timeout=limits.max_seconds + 2, env=env)
    except subprocess.TimeoutExpired:
        return [], [], "time_limit", str(limits.max_seconds)
    try:
        out = json.loads(done.stdout.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):  # the child died before it could answer
        if b"MemoryError" in done.stderr:
            return [], [], "too_large_unpacked", f"{limits.max_pdf_memory_mb} MB"
        if done.returncode < 0:  # killed: its CPU limit
            return [], [], "time_limit", str(limits.max_seconds)
        return [], [], "unreadable", f"exit {done.returncode}"
    return out["rows"], out["refs"], out["code"], out["detail"]


#: the child runs this file alone (not as a module of :mod:`analytics.ingest.tables`, whose other
#: readers it does not need: importing them would double its start-up)
_RUN_CHILD = "import runpy, sys; path = sys.argv.pop(1); runpy.run_path(path, run_name='__main__')"


def _child() -> None:
    """``python pdf.py LIMITS_JSON`` < pdf bytes (see ``_RUN_CHILD``): limits itself, then reads."""
    import resource

    limits = Limits(**{k: v for k, v in json.loads(sys.argv[1]).items() if k in {f.name for f in dataclasses.fields(Limits)}})
    memory = int(limits.max_pdf_memory_mb) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = max(1, int(limits.max_seconds))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    data = sys.stdin.buffer.read()
    try:
        rows, refs, code, detail = read_pdf_here(data, limits)
    except MemoryError:
        rows, refs, code, detail = [], [], "too_large_unpacked", f"{limits.max_pdf_memory_mb} MB"
    except Exception as exc:  # noqa: BLE001 - a broken PDF is a problem to report
        rows, refs, code, detail = ([], [], "too_large_unpacked", f"{limits.max_pdf_memory_mb} MB") \
            if _in_chain(exc, lambda e: isinstance(e, MemoryError)) \
            else ([], [], "password_protected", "pdf") if _in_chain(exc, lambda e: type(e).__name__ in _LOCKED) \
            else ([], [], "unreadable", type(exc).__name__)
    sys.stdout.write(json.dumps({"rows": rows, "refs": refs, "code": code, "detail": detail}, ensure_ascii=False))


_LOCKED = ("PDFPasswordIncorrect", "PDFEncryptionError")  # pdfminer's errors for a PDF that asks for its password


def _in_chain(exc: BaseException, found: Any) -> bool:
    """Whether ``exc`` or an exception it was raised from or during satisfies ``found``."""
    seen: BaseException | None = exc
    while seen is not None and not found(seen):
        seen = seen.__cause__ or seen.__context__
    return seen is not None


def read_pdf_here(data: bytes, limits: Limits) -> PdfResult:
    """Rows of cell texts and their places (``p2`` for a line of page 2, ``p2 T1:3`` for row 3 of its
    first table), or a failure code (``pdf_reader_missing`` | ``too_many_pages`` |
    ``too_many_objects`` | ``time_limit`` | ``no_pdf_table`` | ``pdf_text_unmapped``: most characters
    drawn in fonts that map them to no text) with a detail."""
    try:
        import pdfplumber
    except ImportError:
        return [], [], "pdf_reader_missing", ""
    start = time.monotonic()
    rows: list[list[str]] = []
    refs: list[str] = []
    n_tables = 0
    last_row: int | None = None  # the last table row so far, while no text has come after it
    last_full: list[bool] = []  # whether each cell of that row ran to its edge on its last line
    placed: list[list[str]] = []  # each page's words at their places, kept while no table is found
    glyphs = unmapped = 0  # the characters drawn, and those whose font maps them to no text ((cid:1234))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if len(pdf.pages) > limits.max_pdf_pages:
            return [], [], "too_many_pages", str(limits.max_pdf_pages)
        for number, page in enumerate(pdf.pages, start=1):
            if time.monotonic() - start > limits.max_seconds:
                return [], [], "time_limit", str(limits.max_seconds)
            if sum(len(v) for v in page.objects.values()) > limits.max_pdf_objects:
                return [], [], "too_many_objects", f"{limits.max_pdf_objects} (p{number})"
            drawn = [str(c.get("text", "")) for c in page.chars if str(c.get("text", "")).strip()]
            unmapped += sum(1 for t in drawn if _UNMAPPED.fullmatch(t))
            glyphs += len(drawn)
            _squared(page)
            tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
            if not n_tables and not tables:
                placed.append(_placed_lines(page))
            boxes = [t.bbox for t in tables]
            lines = page.filter(lambda o: not _inside(o, boxes)).extract_text_lines() if boxes else page.extract_text_lines()
            top = boxes[0][1] if boxes else float("inf")
            above = [ln for ln in lines if float(ln["top"]) < top]
            for line in above:
                rows.append([line["text"].strip()])
                refs.append(f"p{number}")
            for k, table in enumerate(tables, start=1):
                n_tables += 1
                found = _table_rows(table)
                if k == 1 and not above and last_row is not None and found \
                        and _continues(found[0], rows[last_row], last_full):
                    rows[last_row] = [a + b for a, b in zip(rows[last_row], found[0] + [""] * len(rows[last_row]))]
                    found = found[1:]  # a row split by the page break: its rest joins the row on the page before
                for i, r in enumerate(found, start=1):
                    rows.append(r)
                    refs.append(f"p{number} T{k}:{i}")
                if found:
                    last_row = len(rows) - 1
                    last_full = _full_lines(page, list(table.rows[-1].cells)) if table.rows else []
            below = [ln for ln in lines if float(ln["top"]) >= top]
            for line in below:
                rows.append([line["text"].strip()])
                refs.append(f"p{number}")
            if below or not tables:
                last_row = None  # text after the table: the next page starts afresh
    if glyphs and unmapped > glyphs / 2:  # fonts without a map to text: what a copy gives is (cid:…) too
        return [], [], "pdf_text_unmapped", str(unmapped)
    if not n_tables:
        return _layout_lines(placed) or ([], [], "no_pdf_table", str(len(rows)))
    return rows, refs, "", ""


def _layout_lines(pages: list[list[str]]) -> PdfResult | None:
    """A PDF whose table has no ruling lines (a sheet printed without borders): each page's words
    at their places (``pages``, see :func:`_placed_lines`), as ``pdftotext -layout`` sets them,
    for the reader of text that keeps its columns by place; detail ``layout``. ``None`` when the
    pages hold no text (a scan)."""
    rows: list[list[str]] = []
    refs: list[str] = []
    for number, lines in enumerate(pages, start=1):
        for k, line in enumerate(lines, start=1):
            if line or (rows and rows[-1][0]):  # blank lines kept one at a time: they part the blocks
                rows.append([line])
                refs.append(f"p{number} L{k}")
    return (rows, refs, "", "layout") if any(r[0] for r in rows) else None


def _placed_lines(page: Any) -> list[str]:
    """The lines of ``page`` with each word at its place, as ``pdftotext -layout`` sets them: a
    line per printed line, each word at its distance from the margin counted in characters (a
    character column being the median width of the page's characters), a blank line where lines
    stand far apart."""
    words = page.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False, use_text_flow=False)
    widths = sorted(float(c["x1"]) - float(c["x0"]) for c in page.chars if str(c.get("text", "")).strip())
    step = max(widths[len(widths) // 2], 1.0) if widths else 5.0
    lines: list[tuple[float, float, list[dict[str, Any]]]] = []  # (top, height, words)
    for w in sorted(words, key=lambda w: (round(float(w["top"])), float(w["x0"]))):
        top = float(w["top"])
        if lines and abs(lines[-1][0] - top) <= 2:
            lines[-1][2].append(w)
        else:
            lines.append((top, float(w["bottom"]) - top, [w]))
    out: list[str] = []
    for n, (top, height, placed) in enumerate(lines):
        if n and top - lines[n - 1][0] > 2.2 * height:
            out.append("")  # lines far apart: a blank line, as a converter keeping the layout gives
        text = ""
        for w in sorted(placed, key=lambda w: float(w["x0"])):
            col = max(int(round(float(w["x0"]) / step)), len(text) + 1 if text else 0)
            text = text.ljust(col) + str(w["text"])
        out.append(text)
    return out


if __name__ == "__main__":
    _child()
