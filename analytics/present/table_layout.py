"""Column widths of the app's tables, from what their cells say, so a table fits the page at
1440 px wide without sideways scrolling and without cutting a cell short.

One rule lives here: every column is as wide as its widest cell or title (in
:func:`~analytics.present.format.text_width` columns, a CJK character two); when the table is
wider than the page, the widest columns (指标, 说明) give way first, never narrower than their
title, and their cells wrap onto up to :data:`WRAP_LINES` lines in taller rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from analytics.present.format import text_width

#: Pixels a :func:`text_width` column takes in the table font (14 px: a CJK character 14 px).
PX_PER_COLUMN: int = 7
#: Pixels a cell adds to its text (padding either side, with a little to spare).
CELL_PAD: int = 20
#: Pixels the columns of a full-width table may take in the main block at 1440 px wide (the
#: sidebar open), a row-selection column aside.
TABLE_PX: int = 940
#: The narrowest a column is drawn.
MIN_PX: int = 50
#: Lines a wrapped cell may take, and the row height that lets it (the table wraps text only in
#: rows taller than 4rem).
WRAP_LINES: int = 3
WRAP_ROW_PX: int = 66
#: Rows a table shows before it scrolls (as a table of one-line rows does), and its title row's height.
ROWS_SHOWN: int = 10
HEADER_PX: int = 38


@dataclass(frozen=True)
class TableLayout:
    """Pixel widths by column title, and the row and table heights (None: one line a row, the
    default heights)."""

    widths: dict[str, int]
    row_height: int | None = None
    height: int | None = None


def text_px(text: Any) -> int:
    """Pixels a cell showing ``text`` on one line needs."""
    return text_width(text) * PX_PER_COLUMN + CELL_PAD


def fit_columns(columns: Mapping[str, Sequence[Any]], total: int = TABLE_PX) -> TableLayout:
    """Widths of the columns ``{title: cells}`` within ``total`` pixels. Each column is as wide as
    its title or widest cell; when they add up past ``total``, the widest give way first (never
    narrower than their title), and rows grow to :data:`WRAP_ROW_PX` so their cells wrap."""
    need = {c: max([MIN_PX, text_px(c), *(text_px(v) for v in cells)]) for c, cells in columns.items()}
    if sum(need.values()) <= total:
        return TableLayout(dict(need))
    floor = {c: max(MIN_PX, text_px(c)) for c in need}
    cap = max(need.values())
    while cap > MIN_PX and sum(max(min(w, cap), floor[c]) for c, w in need.items()) > total:  # the widest give way first
        cap -= 1
    widths = {c: max(min(w, cap), floor[c]) for c, w in need.items()}
    rows = max((len(cells) for cells in columns.values()), default=0)
    return TableLayout(widths, WRAP_ROW_PX, HEADER_PX + WRAP_ROW_PX * min(rows, ROWS_SHOWN))
