"""Cells merged in the source and written once in a text copy, where the header has no room for them:

- **a group column the header does not name**: a web table whose 指标 header spans two columns, a
  group (综合指标, 农业节水, 管理类指标) merged down over its rows and the indicator's name. A copy
  writes the group on its first row only (``农业节水 | 万元农业增加值用水量 | …``), the rows below
  start with their name (``农业用水总量 | …``). The first cell of such a row is the group: read as
  the second level (or as the level its word names) and filled down to the next group.
- **a value wrapped onto a line of its own**: ``科技成果转化项目数量 | 科技成果转化项目数量`` then ``≥8项``
  alone on the next line: the named row's value.
- **a target merged over the year columns**: ``用水总量控制 | 不超自治区年度下达指标`` under
  2016年 | 2017年 | 2018年, the row ending after its first target while the other rows fill every
  year. The one target is each year's.
"""

from __future__ import annotations

import re

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import (VALUE_SHAPE, ends_like_name, fits, header_role, is_placeholder, is_qualitative_text,
                                            is_value_like)
from analytics.ingest.tables.layout import Layout
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.realign import cell

__all__ = ["group_label", "spread_over_years", "value_below", "SPREAD_FORMATS"]

#: Formats whose rows end where their last written cell ends (a merged cell is written once).
#: Spreadsheets, Word tables and PDF tables fill a merged cell over its columns when read.
SPREAD_FORMATS = ("text-tab", "text-pipe", "csv")
_LONGEST_GROUP = 15  # characters of a group label


def group_label(row: list[str], layout: Layout, lex: Lexicon) -> tuple[str, str] | None:
    """(level, label) when the row starts with a group the header has no column for, else ``None``.

    Only for a header without level columns: the cell under the name is no value and no name's end
    only when it is a level word or ends in 指标; the next cell, under the first value column, is a
    name (ends like one, or values follow it) and no target (a qualitative word, a unit)."""
    if layout.level_cols:
        return None
    k = layout.name_col
    nxt = next((c for c in layout.columns if c.index == k + 1), None)
    if nxt is None or nxt.role != "value":
        return None
    first, name = normalize_text(cell(row, k)), normalize_text(cell(row, k + 1))
    rest = [normalize_text(c) for c in row[k + 2:]]
    if not first or not name or not any(rest) or len(first) > _LONGEST_GROUP:
        return None
    word = lex.level_word(first)
    if is_value_like(first, lex) or is_placeholder(first) or header_role(first, lex) \
            or (ends_like_name(first) and not word and not first.endswith("指标")):
        return None  # a value, a repeated header (指标 | 预期值), a name
    if is_value_like(name, lex) or fits(name, "unit", lex) or lex.level_word(name) or header_role(name, lex):
        return None
    filled = [t for t in rest if t]
    numbers = all(is_value_like(t, lex) for t in filled) and any(re.search(r"\d", t) for t in filled)
    if ends_like_name(name) or numbers or (not is_qualitative_text(name, lex) and any(is_value_like(t, lex) for t in filled)):
        return word if word else ("level2", first)  # a name, then the targets (numbers after a name in words)
    return None


def spread_over_years(row: list[str], targets: list[int], share_full: float) -> list[str] | None:
    """The row with its one target copied under every target column, when it ends right after its
    first target column while most rows (``share_full``) fill the last; else ``None``. ``targets``:
    the indexes of the target columns of different years, left to right."""
    if len(targets) < 2 or share_full < 0.5:
        return None
    first = targets[0]
    if len(row) != first + 1 or not normalize_text(row[first]):
        return None
    out = list(row) + [""] * (max(targets) + 1 - len(row))
    for i in targets[1:]:
        out[i] = row[first]
    return out


def value_below(row: list[str], rows: list[tuple[int, list[str]]], i: int, layout: Layout) -> bool:
    """Put a lone value on the line after a named row with no value into that row's first value
    column (a value wrapped onto its own line); whether it was put there."""
    filled = [c for c in row if c.strip()]
    if len(filled) != 1 or not rows or rows[-1][0] != i - 1 or not VALUE_SHAPE.fullmatch(normalize_text(filled[0])):
        return False
    target = next((c.index for c in layout.cols("value")), None)
    prev = rows[-1][1]
    if target is None or any(normalize_text(cell(prev, c.index)) for c in layout.cols("value")):
        return False
    rows[-1] = (rows[-1][0], prev + [""] * (target + 1 - len(prev)) if len(prev) <= target else list(prev))
    rows[-1][1][target] = filled[0]
    return True
