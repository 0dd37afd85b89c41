"""A form that sets its indicators out in two blocks side by side, to fit a page (一级指标 | 二级指标 |
三级指标 | 指标值 | 一级指标 | 二级指标 | 三级指标 | 指标值): the header's columns repeat, each row holds
two indicators. The table is read as the left block's rows, then the right block's, under one
header; a right block's row is placed at its row with ``R`` after it (``L7R``, ``Sheet1!7R``).
Columns before the first block (序号) stay with the left block; columns after the second are
dropped with it. A header that repeats only its value columns (2023年 | 2024年, a target and an
actual) is no such form: the name column must repeat too; nor is one whose blocks stand under two
periods (中期目标(2023年—2025年) | 年度目标 above them) or whose blocks name the same indicators
(the same set for the whole period and for the year, read as before).
"""

from __future__ import annotations

import re

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import header_role
from analytics.ingest.tables.layout import HEADER_SCAN
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.raw import RawTable

__all__ = ["stacked_halves"]

_PERIODS = re.compile(r"中期|实施期|年度目标|全年目标|(19|20)\d{2}\s*年?\s*[-—–~至]\s*(19|20)\d{2}")


def _halves(row: list[str], lex: Lexicon) -> tuple[int, int, int] | None:
    """(start, width, name column) of the first of two blocks of the same header words side by
    side, each with a name and a value column; else ``None``."""
    texts = [normalize_text(c) for c in row]
    roles = [header_role(t, lex) if t else None for t in texts]
    names = [k for k, r in enumerate(roles) if r == "name"]
    if len(names) < 2:
        return None
    for a, b in zip(names, names[1:]):
        width, lo = b - a, a
        while lo > 0 and texts[lo - 1] and texts[lo - 1] == texts[lo - 1 + width]:
            lo -= 1  # 一级指标 | 二级指标 before the name, repeated before the second name
        if lo + 2 * width <= len(texts) and texts[lo:lo + width] == texts[lo + width:lo + 2 * width] \
                and "value" in roles[lo:lo + width]:
            return lo, width, a
    return None


def stacked_halves(table: RawTable, lex: Lexicon) -> RawTable | None:
    """``table`` with the right block's rows set below the left block's (see the module's help), or
    ``None`` when no header row in the first rows has two blocks side by side."""
    for h, row in enumerate(table.rows[:HEADER_SCAN]):
        found = _halves(row, lex)
        if found is not None:
            break
    else:
        return None
    if any(_PERIODS.search(normalize_text(c)) for r in table.rows[max(0, h - 3):h] for c in r):
        return None  # 中期目标(2023年—2025年) | 年度目标 over the blocks: one set of indicators for two periods
    lo, width, name_at = found
    left_end = lo + width
    left_names = {normalize_text(r[name_at]) for r in table.rows[h + 1:] if len(r) > name_at} - {""}
    right_names = {normalize_text(r[name_at + width]) for r in table.rows[h + 1:] if len(r) > name_at + width} - {""}
    if len(left_names & right_names) * 2 >= max(1, min(len(left_names), len(right_names))):
        return None  # the same names in both blocks: one set of indicators for two periods

    def right_of(r: list[str]) -> list[str]:
        cells = r[left_end:left_end + width]
        return [""] * lo + cells + [""] * (width - len(cells))

    body = table.rows[h + 1:]
    refs = table.refs[h + 1:]
    rows = table.rows[:h] + [row[:left_end]] + [r[:left_end] for r in body] + [right_of(r) for r in body]
    places = table.refs[:h + 1] + list(refs) + [f"{ref}R" for ref in refs]
    return RawTable(table.fmt, rows, places, table.sheet, table.merged, list(table.sheets))
