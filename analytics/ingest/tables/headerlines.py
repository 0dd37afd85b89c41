"""A header whose cells wrapped over two or three lines of a copied text (``年度指标`` over ``值``,
``偏差原因分析及改`` over ``进措施``) put back together: each piece of the lines below goes on the
header cell it makes a header word of the lexicon with (see :func:`join_header_lines`)."""

from __future__ import annotations

import dataclasses

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import header_role
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.raw import RawTable
from analytics.ingest.tables.wrapped import MOST_PIECES, is_value_piece

__all__ = ["join_header_lines"]

_HEADER_PIECE = 8  # characters of a piece of a wrapped header cell


def _header_fit(cell: str, piece: str, lex: Lexicon) -> int:
    """How well ``piece`` ends the header cell ``cell``: 2 when the two make a header word of the
    lexicon (年度指标 + 值, 偏差原因分析及改 + 进措施), 1 when they begin one, else -2."""
    joined = normalize_text(cell + piece).lstrip("*＊★")  # *评(扣)分标 + 准: a required field's mark
    if joined in lex.run_words:
        return 2
    if any(w.startswith(joined) for w in lex.run_words if len(w) > len(joined)):
        return 1  # the start of one (偏差原因分析及改: 进措施 on the next line)
    return 1 if any(joined.startswith(w) and len(normalize_text(cell)) < len(w) for w in lex.run_words
                    if len(w) >= 4) else -2  # one and more words (绩效指 + 标描述)


def join_header_lines(table: RawTable, lex: Lexicon) -> RawTable:
    """``table`` (rows of pieces split at blanks) with the lines that end its headers' wrapped cells
    (``一级指标 … 年度指标 实际完成 … 偏差原因`` over ``值 值 分析及改`` over ``进措施``) joined into each
    header (every form of the text has its own): each piece goes on the header cell it makes a
    header word with, in order; a line is joined only when every piece does. Level headers each on
    a line of their own just above (``一级指标`` / ``二级指标`` over ``三级指标 预期指标值 …``) are the
    header's first cells."""
    rows, refs = list(table.rows), list(table.refs)
    at = 0
    while at < len(rows):
        row = rows[at]
        roles = {header_role(normalize_text(c), lex) for c in row}
        if len(row) < 2 or len(row) > MOST_PIECES or "value" not in roles or not roles & {"name", "level2"}:
            at += 1
            continue
        header = list(row)
        top = at
        while top > 0 and at - top < 2 and len(rows[top - 1]) == 1 and header_role(
                normalize_text(rows[top - 1][0]), lex) in _LEVEL_ROLES and header_role(normalize_text(header[0]), lex) == "name":
            top -= 1  # 一级指标 / 二级指标 each on a line of its own above 三级指标 …: the header's first cells
        header = [r[0] for r in rows[top:at]] + header
        j = at + 1
        while j < len(rows) and j - at <= 3:
            cells = _header_places(header, [normalize_text(p) for p in rows[j]], lex)
            if cells is None:
                break
            for p, c in zip(rows[j], cells):
                header[c] += p
            j += 1
        if j > top + 1:
            rows[top:j] = [header]
            refs[top:j] = [refs[top]]
        at = top + 1
    if len(rows) == len(table.rows):
        return table
    return dataclasses.replace(table, rows=rows, refs=refs)


_LEVEL_ROLES = ("level1", "level2")


def _header_places(header: list[str], pieces: list[str], lex: Lexicon) -> list[int] | None:
    """The header cells the ``pieces`` of the line below a header go on (see
    :func:`join_header_lines`), or ``None`` when the line does not end the header's cells."""
    if not pieces or len(pieces) > len(header) or any(
            len(p) > _HEADER_PIECE or lex.level_word(p) or is_value_piece(p) for p in pieces):
        return None
    best: dict[tuple[int, int], tuple[int, list[int]]] = {}

    def go(p: int, c: int) -> tuple[int, list[int]]:  # pieces p.. on header cells c..
        if p == len(pieces):
            return 0, []
        if len(header) - c < len(pieces) - p:
            return -10**6, []
        if (p, c) not in best:
            fit, rest = go(p + 1, c + 1)
            take = (fit + _header_fit(header[c], pieces[p], lex), [c] + rest)
            best[(p, c)] = max(take, go(p, c + 1), key=lambda t: t[0])
        return best[(p, c)]

    score, cells = go(0, 0)
    if score < len(pieces) or any(_header_fit(header[c], p, lex) < 1 for p, c in zip(pieces, cells)):
        return None
    return cells
