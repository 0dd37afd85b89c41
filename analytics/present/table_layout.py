"""Column widths of the app's tables, from what their cells say, so a table fits the page at
1440 px wide without sideways scrolling and without cutting a cell short.

One rule lives here: every column is as wide as its widest cell or title (in
:func:`~analytics.present.format.text_width` columns, a CJK character two); when the table is
wider than the page, rows grow to the fewest lines (:data:`WRAP_LINES` or more) that let every
cell wrap within a width that fits, each column as narrow as its cells allow in that many lines
but never narrower than its title. A cell's text is wrapped, never cut.

The page's width is what the table really gets in a desktop browser at 1440 px, the sidebar
open: the main block less the page's scrollbar, the table's border, its own scrollbar (more rows
than it shows) and its row-selection column. A browser that hides its scrollbars (headless
Chromium, macOS) leaves the table a little more, and the table stretches its columns into it.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from analytics.present.format import text_width

#: Pixels a :func:`text_width` column takes in the table font (14 px: a CJK character 14 px).
PX_PER_COLUMN: int = 7
#: Pixels a cell adds to its text (8 px padding either side, with a little to spare).
CELL_PAD: int = 20
#: Pixels of the page's main block at 1440 px wide, the sidebar open.
MAIN_PX: int = 980
#: Pixels a scrollbar takes (the app's thin scrollbars: 10 px in Chromium on Linux, a little more
#: elsewhere), the table's border (1 px either side) and its row-selection column.
SCROLLBAR_PX: int = 12
BORDER_PX: int = 2
ROW_MARKER_PX: int = 32
#: Pixels the columns of a full-width table may take: the main block less the page's scrollbar,
#: the table's border, its own scrollbar and its row-selection column.
TABLE_PX: int = MAIN_PX - SCROLLBAR_PX - BORDER_PX - SCROLLBAR_PX - ROW_MARKER_PX
#: The narrowest a column is drawn.
MIN_PX: int = 50
#: The fewest lines a wrapped row holds, and its height (the table wraps text only in rows taller
#: than 4rem); a line of wrapped text and what a row adds to its lines (the table's line height,
#: 1.4 × its 13–14 px text, and 3 px of padding above and below, with room to spare).
WRAP_LINES: int = 3
WRAP_ROW_PX: int = 66
LINE_PX: int = 19
ROW_PAD_PX: int = 9
#: Rows a table shows before it scrolls (as a table of one-line rows does), and its title row's
#: height; a table of taller rows is no taller than ten rows of :data:`WRAP_LINES` lines.
ROWS_SHOWN: int = 10
HEADER_PX: int = 38
MAX_HEIGHT_PX: int = HEADER_PX + WRAP_ROW_PX * ROWS_SHOWN


@dataclass(frozen=True)
class TableLayout:
    """Pixel widths by column title, and the row and table heights (None: one line a row, the
    default heights)."""

    widths: dict[str, int]
    row_height: int | None = None
    height: int | None = None

    def wrapped(self, frame: Any) -> Any:
        """A copy of the table ``frame`` (a DataFrame) whose cells that wrap in the laid-out columns
        are :func:`spaced`, so the table breaks them before a number and never inside one
        (:func:`wrap_text`); unchanged when every row is one line."""
        out = frame.copy()
        if self.row_height is None:
            return out
        for title, width in self.widths.items():
            if title in out.columns:
                room = width - CELL_PAD
                out[title] = [spaced(v) if isinstance(v, str) and _px(v) > room else v for v in out[title]]
        return out


def text_px(text: Any) -> int:
    """Pixels a cell showing ``text`` on one line needs."""
    return text_width(text) * PX_PER_COLUMN + CELL_PAD


@functools.lru_cache(maxsize=1)
def _units() -> tuple[str, ...]:
    """Units a number is never parted from (万人次, 个百分点, 万元: the lexicon's, longest first)."""
    from analytics.ingest.tables.lexicon import load_lexicon

    return load_lexicon().units


#: What a line never breaks inside: a number as the app writes one with the unit after it
#: (``-2.64万人次``, ``9,126.39万元``, ``≥95%``), or a run of letters and digits with the marks that
#: belong to a word (``person-times)``).
_PIECE = re.compile(r"[≥≤<>±+\-−]?\d[\d,.]*[%‰]?|[A-Za-z0-9_'’.,:;/()\[\]%‰+\-−&]+")


def _pieces(para: str) -> list[str]:
    """The numbers (each with its unit: the lexicon's, longest first) and words of ``para``."""
    units = _units()
    out = []
    for m in _PIECE.finditer(para):
        piece = m.group()
        if piece[-1].isdigit() or piece[-1] in "%‰":
            piece += next((u for u in units if para.startswith(u, m.end())), "")
        out.append(piece)
    return out


#: A number right after a CJK character or mark (需月均1.51万人次, 近期0.26): the table breaks there
#: only when a space stands before the number.
_BEFORE_NUMBER = re.compile(r"(?<=[\u2e80-\U0010ffff])(?=[≥≤<>±+\-−]?\d)")


def spaced(text: Any) -> str:
    """``text`` with a space before each number that follows a CJK character or mark
    (``需月均 1.51万人次，近期 0.26万人次``), the spacing Chinese text often puts around figures."""
    return _BEFORE_NUMBER.sub(" ", str(text))


def _px(text: str) -> int:
    return text_width(text) * PX_PER_COLUMN


def wrap_text(text: Any, width: int) -> list[str]:
    """The lines a cell showing ``text`` takes ``width`` pixels wide, broken as the table breaks
    them: each line filled with as many characters as fit, then taken back to its last space when
    it would end inside a word — or, in a run of CJK text without one, broken right there. A cell
    that needs more than one line is shown :func:`spaced` (:meth:`TableLayout.wrapped`), so a line
    never ends inside a number or between a number and its unit (``1.81万人次`` stays whole): the
    lines here are of that text. A line after a break at a space starts with it (the table trims it)."""
    room = max(width - CELL_PAD, PX_PER_COLUMN * 2)
    return [line for para in str(text).split("\n") for line in _para_lines(para, room)]


@functools.lru_cache(maxsize=65536)
def _para_lines(para: str, room: int) -> tuple[str, ...]:
    """:func:`wrap_text` of one paragraph in ``room`` pixels of text."""
    if _px(para) <= room:
        return (para,)
    line = spaced(para)
    ends = list(itertools.accumulate(text_width(ch) * PX_PER_COLUMN for ch in line))  # pixels to the end of each character
    lines, start = [], 0
    while ends[-1] - (ends[start - 1] if start else 0) > room:
        base = ends[start - 1] if start else 0
        fit = max(1, bisect.bisect_right(ends, base + room, start) - start)  # as many characters as fit (one at least)
        back = line.rfind(" ", start, start + fit + 1) if line[start + fit] != " " else start + fit
        cut = back if back > start else start + fit
        lines.append(line[start:cut])
        start = cut
    lines.append(line[start:])
    return tuple(lines)


def wrapped_lines(text: Any, width: int) -> int:
    """Lines ``text`` takes in a cell ``width`` pixels wide, wrapped as :func:`wrap_text` wraps it."""
    return len(wrap_text(text, width))


def row_px(lines: int) -> int:
    """Height of a row whose cells take up to ``lines`` lines."""
    return max(WRAP_ROW_PX, LINE_PX * lines + ROW_PAD_PX)


def _narrowest(cells: Sequence[Any], lines: int, low: int, high: int) -> int:
    """The narrowest width in ``low..high`` at which every cell takes at most ``lines`` lines
    (``high`` when none narrower does)."""
    while low < high:
        mid = (low + high) // 2
        if all(wrapped_lines(v, mid) <= lines for v in cells):
            high = mid
        else:
            low = mid + 1
    return high


def word_px(text: Any) -> int:
    """Pixels the longest piece of ``text`` a line never breaks needs (:func:`wrap_text`: a word
    between spaces, \"person-times)\", or a number with its unit, \"1.81万人次\"), which a
    column is never made too narrow to hold."""
    return max((text_px(p) for para in str(text).split("\n") for p in _pieces(para)), default=0)


def fit_columns(columns: Mapping[str, Sequence[Any]], total: int = TABLE_PX) -> TableLayout:
    """Widths of the columns ``{title: cells}`` within ``total`` pixels. Each column is as wide as
    its title or widest cell; when they add up past ``total``, the wide columns (wider than an even
    share of ``total``: 指标, 说明) wrap onto the fewest lines that let the table fit, the widest
    giving way first, each no narrower than its cells allow in that many lines, its title or its
    longest word; the narrow ones keep one line unless even that cannot fit. Rows grow tall enough
    to show every line."""
    cells = {c: [str(v) for v in vs] for c, vs in columns.items()}
    need = {c: max([MIN_PX, text_px(c), *(text_px(v) for v in vs)]) for c, vs in cells.items()}
    if sum(need.values()) <= total:
        return TableLayout(dict(need))
    floor = {c: min(need[c], max([MIN_PX, text_px(c), *(word_px(v) for v in vs)])) for c, vs in cells.items()}
    most = max((wrapped_lines(v, floor[c]) for c, vs in cells.items() for v in vs), default=1)
    share = total // max(len(need), 1)
    for narrow_wrap in (False, True):  # the narrow columns wrap only when nothing else fits
        lines = WRAP_LINES
        while True:
            least = {c: need[c] if need[c] <= share and not narrow_wrap else _narrowest(vs, lines, floor[c], need[c])
                     for c, vs in cells.items()}
            if sum(least.values()) <= total or lines >= most:  # past ``most`` the wrapping columns are at their floor
                break
            lines += 1
        if sum(least.values()) <= total:
            break
    cap = max(need.values())
    while cap > MIN_PX and sum(max(min(w, cap), least[c]) for c, w in need.items()) > total:  # the widest give way first
        cap -= 1
    widths = {c: max(min(w, cap), least[c]) for c, w in need.items()}
    lines = max(wrapped_lines(v, widths[c]) for c, vs in cells.items() for v in vs)
    rows = max((len(vs) for vs in cells.values()), default=0)
    row = row_px(lines)
    return TableLayout(widths, row, min(HEADER_PX + row * min(rows, ROWS_SHOWN), max(MAX_HEIGHT_PX, HEADER_PX + row)))
