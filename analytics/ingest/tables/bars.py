"""A text copied partly as rows in cells and partly one cell a line: a web page's or a PDF's table
whose first rows came with their bars (``一级指标 | 二级指标 | 三级指标 | 指标值``, ``产出指标 | 数量指标
| 脱贫村村内道路硬化里程 | ≥100公里``) and whose other rows came one cell a line (``质量指标`` /
``项目(工程)验收合格率`` / ``100%``). Read as rows, the lines of one cell are rows of their own (a
name without its value, a value alone); read one cell a line, the rows in cells are one cell each.
:func:`bars_apart` sets the rows in cells out one cell a line, each cell at its row's line, so that
the whole text is read one cell a line (see ``analytics.ingest.tables.parse_table``).
"""

from __future__ import annotations

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import is_value_like
from analytics.ingest.tables.ends import indicator_header
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.raw import RawTable

__all__ = ["bars_apart"]

_FEW = 4  # lines of one cell that are levels or values, at least, in a text one cell a line for the most part


def bars_apart(table: RawTable, lex: Lexicon) -> RawTable | None:
    """``table`` (a text read as ``|``-separated rows, or one cell a line) set out one cell a line,
    its rows in cells each cell on a row of its own at its row's line (the blanks of merged cells left
    out, as a copy one cell a line gives them), when it mixes the two: some rows in cells hold the
    table's header or levels, and more lines of one cell are a level (产出指标) or a value (≥95%)
    than there are rows in cells; else ``None`` (a table all in cells with a title or a note alone
    on its line, a notice's head in cells above a table one cell a line)."""
    if table.fmt not in ("text-pipe", "text-lines"):
        return None
    split = [[p.strip() for cell in row for p in cell.split("|") if p.strip()] for row in table.rows]
    in_cells = [[normalize_text(c) for c in cells] for cells in split if len(cells) >= 2]
    if not any(indicator_header(cells, lex) or any(lex.level_word(c) for c in cells) for cells in in_cells):
        return None  # (every line of one cell is looked at only then)
    lined = sum(1 for cells in split if len(cells) == 1 and (lex.level_word(cells[0]) or is_value_like(cells[0], lex)))
    if lined < max(_FEW, len(in_cells) + 1):
        return None
    rows, refs = [], []
    for cells, ref in zip(split, table.refs):
        rows.extend([c] for c in cells)
        refs.extend(ref for _ in cells)
    return RawTable("text-lines", rows, refs, table.sheet, False, list(table.sheets))  # (no lines: its places are the file's)
