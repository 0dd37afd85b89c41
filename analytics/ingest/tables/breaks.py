"""Rows a web copy ran together (the header's cells and the first indicator's on one line), and
level words it wrapped onto a line of their own, and a header whose first cells broke off onto a
line of their own.

A 自评表 copied out of some web pages loses the row breaks around its header, so that one line
holds the overall goal, the header (often itself in two pieces: ``绩效指标 | 年度指标值 | 实际完成值
| 分值 | 得分 | 偏差原因分析及改进措施`` and ``一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 |
度量单位``) and the first indicator (``产出指标 | 数量指标 | 学生受资助人数 | ≧ | 735 | 人次 | …``).
Such a line is cut back into its rows: before the run of header words, where a header starts again
with a level column after other header words, and after the header where a level word begins the
first indicator. A line is cut only when its header words are followed by a level word and a value,
which no real header row holds. A line holding only the end of a level word (``指标`` below
``绩效指标 项目完成``) is put back into the cell above when the two make a level word, and a level
label written down its merged cell in a copy a row a line (``产出`` / ``指`` / ``标 数量指标 …``) goes
back on the row it leads (:func:`labels_down`).
"""

from __future__ import annotations

import dataclasses
import re

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import clean_unit, fits, header_role, is_value_like
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.sources import RawTable

__all__ = ["labels_down", "split_run_on_rows"]

_SCAN = 80  # rows looked at from the top: the header is near it
_MIN_CELLS = 8  # a header and an indicator together hold at least this many cells
_MAX_CELLS = 4000  # a line with more cells is left as it is (a 300-indicator table on one line has fewer)
_LONGEST_NAME = 40  # characters of a name put together from wrapped words


def _header_run(cells: list[str], roles: list[str | None], lex: Lexicon) -> tuple[int, int] | None:
    """(start, end) of the run of header words (``roles``: each cell's header role) holding a name
    and a value column, followed by a level word and a value; ``None`` when the line holds none."""
    start = 0
    while start < len(cells):
        if roles[start] is None:
            start += 1
            continue
        end = start
        while end < len(cells) and roles[end] is not None:
            end += 1
        run = roles[start:end]
        rest = [normalize_text(c) for c in cells[end:]]
        values = sum(1 for c in rest if is_value_like(c, lex))
        if "name" in run and "value" in run and rest and not is_value_like(rest[0], lex) \
                and ((lex.level_word(rest[0]) and values) or values >= 2):
            return start, end
        start = end
    return None


def _cut(cells: list[str], lex: Lexicon) -> list[list[str]]:
    roles = [header_role(c, lex) for c in cells]
    found = _header_run(cells, roles, lex)
    if found is None:
        return [cells]
    start, end = found
    pieces = [cells[:start]] if start else []
    piece = [cells[start]]
    for k in range(start + 1, end):
        if roles[k] == "level1" and roles[k - 1] not in ("level1", "level2"):
            pieces.append(piece)  # 一级指标 after 偏差原因分析及改进措施: the header's second piece
            piece = []
        piece.append(cells[k])
    pieces.append(piece)
    pieces.extend(_rows_of(cells[end:], lex))
    return pieces


def _continues(text: str, lex: Lexicon) -> bool:
    """Whether a cell after a value stays in its row: another value, a unit or a sign."""
    t = normalize_text(text)
    return is_value_like(t, lex) or clean_unit(t, lex) in lex.units or fits(t, "comparator", lex)


def _rows_of(cells: list[str], lex: Lexicon) -> list[list[str]]:
    """The cells after the header, one indicator after another (a PDF copy split at blanks that
    holds the whole table on one line): a row ends where a name follows its values. The words of
    a name wrapped in its cell (``支持服务贸易、服务外 包企业数量``) are put together again."""
    rows: list[list[str]] = [[]]
    for k, text in enumerate(cells):
        if k and rows[-1] and is_value_like(normalize_text(cells[k - 1]), lex) and not _continues(text, lex):
            rows.append([])
        rows[-1].append(text)
    return [_name_joined(row, lex) for row in rows]


def _name_joined(row: list[str], lex: Lexicon) -> list[str]:
    k = 0
    while k < len(row) and lex.level_word(row[k]):
        k += 1
    j = k
    while j < len(row) and not _continues(row[j], lex) and not lex.level_word(row[j]):
        j += 1
    if j - k < 2 or sum(len(c) for c in row[k:j]) > _LONGEST_NAME:
        return row
    return row[:k] + ["".join(c.strip() for c in row[k:j])] + row[j:]


def _ends_level(above: list[str], cells: list[str], lex: Lexicon) -> bool:
    """Whether a line holding one cell is the end of a level word wrapped in the last cell above
    (``绩效指标 项目完成`` then ``指标``): the end is no level word, the two together are one."""
    filled = [c for c in above if c.strip()]
    if len(cells) != 1 or not filled or len(normalize_text(cells[0])) > 4:
        return False
    last, tail = normalize_text(filled[-1]), normalize_text(cells[0])
    return not lex.level_word(tail) and bool(lex.level_word(last + tail))


def _joined_level(above: list[str], tail: str) -> list[str]:
    k = max(j for j, c in enumerate(above) if c.strip())
    return above[:k] + [above[k].strip() + tail.strip()] + above[k + 1:]


def _header_goes_on(above: list[str], cells: list[str], lex: Lexicon) -> bool:
    """Whether a line of header words goes on with the line above, a header's first cells broken
    off (``一级指标`` on its line, then ``二级指标 三级指标 指标值``): both only header words, the
    line above without a value column, the two together with a name (or 二级指标) and a value."""
    first = [c for c in above if c.strip()]
    if not first or len(first) > 3 or not cells or len(cells) > 12 or any(len(normalize_text(c)) < 4 for c in first) \
            or normalize_text(cells[0]) in ("指标", "目标", "值"):
        return False  # 一级 / 指标 二级指标 …: a header cell wrapped, put together elsewhere
    roles_above = [header_role(c, lex) for c in first]
    roles = [header_role(c, lex) for c in cells]
    together = set(roles_above) | set(roles)
    return None not in roles_above and None not in roles and "level1" in roles_above and "value" not in roles_above \
        and len(cells) >= 2 and "value" in roles and bool(together & {"name", "level2"})


def split_run_on_rows(table: RawTable, lex: Lexicon) -> RawTable:
    """``table`` with each line near its top that runs a header and an indicator together cut
    into its rows (the same table when no line does)."""
    rows: list[list[str]] = []
    refs: list[str] = []
    changed = False
    for k, (row, ref) in enumerate(zip(table.rows, table.refs)):
        cells = [c for c in row if c.strip()]
        if rows and not table.merged and k < _SCAN and _header_goes_on(rows[-1], cells, lex):
            rows[-1] = [c for c in rows[-1] if c.strip()] + cells  # 一级指标 / 二级指标 三级指标 指标值
            changed = True
            continue
        if rows and _ends_level(rows[-1], cells, lex):
            rows[-1] = _joined_level(rows[-1], cells[0])  # 项目完成 / 指标: a level word wrapped in its cell
            changed = True
            continue
        pieces = _cut(cells, lex) if k < _SCAN and _MIN_CELLS <= len(cells) <= _MAX_CELLS else [row]
        changed = changed or len(pieces) > 1
        rows.extend(pieces)
        refs.extend([ref] * len(pieces))
    if not changed:
        return table
    return RawTable(table.fmt, rows, refs, table.sheet, table.merged, list(table.sheets))


_SHORT_LABEL = re.compile(r"[\u4e00-\u9fff]{1,2}")  # a piece of a label written down its cell
_CJK = re.compile(r"[\u4e00-\u9fff]")


def labels_down(table: RawTable, lex: Lexicon) -> RawTable:
    """``table`` (rows of pieces split at blanks) with a level label written down its merged cell
    put back on the row it leads: short pieces alone on their lines whose last piece starts the
    next row (产出 / 指 / 标 数量指标 …: 产出指标 | 数量指标 | …), and a level word cut by its
    cell's edge at a row's end, its 指标 leading the next row (标 经济效益 / 指标 全年影院观影人数 …)."""
    rows, refs = [list(r) for r in table.rows], list(table.refs)
    out_rows: list[list[str]] = []
    out_refs: list[str] = []
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and j - i < 6 and len(rows[j]) == 1 and _SHORT_LABEL.fullmatch(rows[j][0]):
            j += 1
        if i < j < len(rows) and len(rows[j]) >= 2 and _SHORT_LABEL.fullmatch(rows[j][0]):
            word = "".join(r[0] for r in rows[i:j]) + rows[j][0]
            if lex.level_word(word) and word.endswith("指标"):
                rows[j] = [word] + rows[j][1:]
                i = j
                continue
        row = rows[i]
        if i + 1 < len(rows) and row and len(rows[i + 1]) >= 2 and rows[i + 1][0] in ("指标", "标") \
                and not row[-1].endswith("指标") and lex.level_word(row[-1] + rows[i + 1][0]) \
                and _CJK.match(row[-1][-1]):
            row = row[:-1] + [row[-1] + rows[i + 1][0]]  # 经济效益 / 指标: the level word's end
            rows[i + 1] = rows[i + 1][1:]
        out_rows.append(row)
        out_refs.append(refs[i])
        i += 1
    if out_rows == table.rows:
        return table
    return dataclasses.replace(table, rows=out_rows, refs=out_refs)
