"""A table whose text runs column after column (plain ``pdftotext`` of a workbook's PDF, a copy
that takes each column as one block): the header word of the names (三级指标) followed by every
name, then a value column's header word (年度指标值) followed by every value of that column, and so
on. The names are counted from their header word up to the next header or level word; each value
column's header word is then followed by as many cells, which are its values in the same order.
The columns are set side by side again as rows (三级指标 | 年度指标值 | …) under the lines that come
before the names (the title and its year), for the table reader. Levels written as a block of their
own cannot be told apart by row and are left out; so are level words among the names (a merged
label the converter took in the middle of its block: 数量指标 between two names). When the names
have no header word of their own, the level headers just before them stand for it (一级指标 / 二级指标 /
办公大楼日常维修维护次数 …). Only a text in which at least one value column has exactly the names'
count of cells, most of them values, is read this way; where the text parts its blocks with blank
lines (as plain ``pdftotext`` does) and not every line, a blank line ends the names, and a value
block that a blank line ends is whole even when a value follows it (the next block: a total).
"""

from __future__ import annotations

import re
from collections import Counter

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import VALUE_SHAPE, ends_like_name, header_role, is_qualitative_text
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.raw import RawTable

__all__ = ["column_blocks"]

_MOST_CHARS = 1_000_000  # characters of a text read this way
_HEADER_LEN = 12  # characters of a header word
_STRUCT_ROLES = ("level1", "level2", "name", "value", "unit", "comparator")
_LEVEL_ROLES = ("level1", "level2")  # header words of the level columns: the names' own when they have none
_BLOCKY = 0.5  # share of the lines a blank line precedes, below which blank lines part blocks
_MIN_ROWS = 3  # names that make a column
_VALUED = 0.6  # share of a value column's cells that must read as values
_NAMED = 0.5  # share of the names that must end the way a name does (…率, …数量)
_REPEATED = 3  # times a word is written that make it a cell rather than a header


def _header(cell: str, lex: Lexicon) -> str | None:
    """The role of a header word (``三级指标`` → name, ``年度指标值`` → value), ``ignore`` for a
    header of a column not used (分值, 指标解释), else ``None``."""
    t = normalize_text(cell)
    if len(t) > _HEADER_LEN or VALUE_SHAPE.match(t):
        return None
    role = header_role(t, lex)
    if role in _STRUCT_ROLES:
        return role
    if role == "ignore" and not ends_like_name(t):  # 分值, 备注 – but not 培训完成率
        return "ignore"
    return None


def _valueish(cell: str, lex: Lexicon) -> bool:
    t = normalize_text(cell)
    return bool(VALUE_SHAPE.match(t)) or t in ("是", "否") or is_qualitative_text(t, lex) or lex.due(t) is not None


def column_blocks(table: RawTable, lex: Lexicon) -> RawTable | None:
    """The rows of a text laid out column after column (see the module's help), or ``None``."""
    if table.fmt != "text-lines":
        return None
    if sum(len(r[0]) if r else 0 for r in table.rows) > _MOST_CHARS:
        return None  # no form: a form's text is a few pages
    cells = [(r[0], ref) for r, ref in zip(table.rows, table.refs) if r and r[0].strip()]
    seen = Counter(normalize_text(c) for c, _ in cells)
    # a word written on many rows (达成预期指标 as an actual) is a cell, not a column's header
    roles = [_header(c, lex) if seen[normalize_text(c)] < _REPEATED else None for c, _ in cells]
    parted = _parted([ref for _, ref in cells])
    best: tuple[int, list[tuple[str, str]], list[tuple[str, list[str]]]] | None = None
    for start in (k for k, role in enumerate(roles)  # 绩效指标 … 三级指标: the one names follow
                  if role == "name" or role in _LEVEL_ROLES and roles[k + 1:k + 2] != [role]):
        found = _columns(cells, roles, start, lex, parted)
        if found is not None and (best is None or len(found[0]) * len(found[1]) > len(best[1]) * len(best[2])):
            best = (start, *found)
    if best is not None:
        start, names, columns = best
        rows = [[c] + [""] * len(columns) for c, _ in cells[:start]]  # the title, its year
        refs = [ref for _, ref in cells[:start]]
        rows.append([cells[start][0]] + [head for head, _ in columns])
        refs.append(cells[start][1])
        for j, (name, ref) in enumerate(names):
            rows.append([name] + [values[j] for _, values in columns])
            refs.append(ref)
        return RawTable("text-lines", rows, refs, table.sheet, False, list(table.sheets))
    return None


def _parted(refs: list[str]) -> list[bool] | None:
    """For each cell, whether a blank line stands before it, when the text parts its blocks with
    blank lines (some lines, not most); else ``None``."""
    numbers = [re.fullmatch(r"L(\d+)", ref) for ref in refs]
    if len(numbers) < 2 or not all(numbers):
        return None
    lines = [int(m.group(1)) for m in numbers if m]
    parted = [False] + [b - a > 1 for a, b in zip(lines, lines[1:])]
    return parted if 0 < sum(parted) < _BLOCKY * len(parted) else None


def _columns(cells: list[tuple[str, str]], roles: list[str | None], start: int, lex: Lexicon,
             parted: list[bool] | None = None) -> tuple[list[tuple[str, str]], list[tuple[str, list[str]]]] | None:
    """The names under the header word at ``start`` (level words among them left out) and the value
    columns whose blocks hold as many cells, or ``None``."""
    end = start + 1
    if roles[start] in _LEVEL_ROLES:  # 一级指标 / 二级指标 over the names: the last level header
        while end < len(cells) and roles[end] in _LEVEL_ROLES:
            end += 1
        if end < len(cells) and roles[end] is not None:
            return None  # another header follows: the names have theirs
    first = end
    while end < len(cells) and roles[end] is None and not VALUE_SHAPE.match(normalize_text(cells[end][0])) \
            and not (parted and parted[end] and end > first) \
            and (parted is not None or not lex.level_word(cells[end][0])):
        end += 1
    names = [cell for cell in cells[first:end] if not lex.level_word(cell[0])]
    if len(names) < _MIN_ROWS or sum(ends_like_name(c) for c, _ in names) < _NAMED * len(names):
        return None
    columns: list[tuple[str, list[str]]] = []
    k = end
    while k < len(cells):
        if roles[k] != "value":
            k += 1
            continue
        head = cells[k][0]
        k += 1
        while k < len(cells) and roles[k] == "ignore":  # 指标值 | 指标标准或依据: a column left empty
            k += 1
        block = cells[k:k + len(names)]
        closed = parted is not None and k + len(names) < len(cells) and parted[k + len(names)]  # a blank line ends it
        after = cells[k + len(names)][0] if k + len(names) < len(cells) and not closed else ""
        if len(block) == len(names) and not any(roles[j] in _STRUCT_ROLES for j in range(k, k + len(names))) \
                and sum(_valueish(c, lex) for c, _ in block) >= _VALUED * len(block) \
                and not VALUE_SHAPE.match(normalize_text(after)):  # values going on past the names' count: no block
            columns.append((head, [c for c, _ in block]))
            k += len(names)
    return (names, columns) if columns else None
