"""Cells broken over lines in the order a PDF draws them, put back together. A viewer's copy of a
Word table (``pdftotext -raw``, a PDF reader's select-all) gives each cell's lines in turn and runs
the first lines of neighbouring cells together at one height, so once set out one piece a line
(:func:`~analytics.ingest.tables.wrapped.cell_per_line`) a wrapped cell stands as pieces in a row:

    补助资格合 / 规性 / 合规 / 达成预期指 / 标 / 8 / 8 / 偏差原因分 / 析及改进措 / 施 / ≤202.6万 / 元

A number's unit run into the next name (``2000 / 次汇总…``) goes back to the number first. A piece is
joined to the one before it when the two make a word the lexicon knows (a header word,
a level word: 偏差原因分析及改进措施), when a number's unit was cut (≤202.6万 / 元), or when the
piece before does not read complete and the two do (a name's end: 补助资格合规性, 保障村干部人数; a
target in words: 达成预期指标, 严格执行相关制度规定). Values, level words, header words and pieces
longer than the line before them (a cell's first line fills its column) are never a line of the
piece above.
"""

from __future__ import annotations

import dataclasses
import re

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import cut_unit, header_role, is_placeholder, is_value_like
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.raw import RawTable
from analytics.ingest.tables.wrapped import reads_complete, reads_worded

__all__ = ["join_drawn_pieces"]

_MOST_LINES = 4  # lines one cell may wrap onto
_SHORTEST = 3  # characters of a piece that may have wrapped (a cell's first line fills its column)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_BARE_NUMBER = re.compile(r"[≥≤<>=]?\d+(\.\d+)?")


def _known(text: str, lex: Lexicon) -> bool:
    """``text`` is a header word or a level word of the lexicon, whole."""
    return text in lex.run_words or text in lex.level1 or text in lex.level2


def _open(text: str, lex: Lexicon) -> bool:
    """A piece that may go on below: words that read neither complete nor as a value or label."""
    return len(text) >= _SHORTEST and bool(_CJK.search(text)) and not reads_complete(text) \
        and not reads_worded(text) and not is_value_like(text, lex) and not lex.level_word(text) \
        and not _known(text, lex) and not is_placeholder(text)


def _line_of(piece: str, lex: Lexicon) -> bool:
    """A piece that can be a further line of a wrapped cell: words, no value, label or header."""
    return bool(_CJK.search(piece)) and not re.search(r"\d", piece) and not lex.level_word(piece) \
        and header_role(piece, lex) is None and not is_placeholder(piece)


def _ends(pieces: list[str], i: int, lex: Lexicon) -> int:
    """How many pieces after ``pieces[i]`` belong to its cell (0: none)."""
    first = pieces[i]
    if not _known(first, lex):
        for n in range(1, min(_MOST_LINES, len(pieces) - i)):
            if _known(first + "".join(pieces[i + 1:i + n + 1]), lex):
                return n  # 偏差原因分 / 析及改进措 / 施
    if i + 1 < len(pieces) and cut_unit(first, lex) and not cut_unit(first + pieces[i + 1], lex) \
            and is_value_like(first + pieces[i + 1], lex):
        return 1  # ≤202.6万 / 元
    if not _open(first, lex):
        return 0
    for n in range(1, min(_MOST_LINES, len(pieces) - i)):
        last = pieces[i + n]
        if not _line_of(last, lex) or len(last) > len(first):
            return 0
        joined = first + "".join(pieces[i + 1:i + n + 1])
        if (reads_complete(joined) or reads_worded(joined)) and not _known(joined, lex):
            return n
    return 0


def _unit_back(pieces: list[str], refs: list[str], lex: Lexicon) -> tuple[list[str], list[str]]:
    """A number's unit run into the next name on the same line (2000 / 次汇总突发事件季度报告次数) goes back to
    the number: 2000次 / 汇总突发事件季度报告次数 (the longest unit the lexicon knows, the rest two Chinese
    characters or more). A name on a line of its own keeps its start (132.9 / 项目总成本)."""
    out: list[str] = []
    out_refs: list[str] = []
    for piece, ref in zip(pieces, refs):
        if out and out_refs[-1] == ref and _BARE_NUMBER.fullmatch(out[-1]):  # on one line, after the number
            unit = next((u for u in lex.units if piece.startswith(u) and len(_CJK.findall(piece[len(u):])) >= 2
                         and _CJK.match(piece[len(u)])), None)
            if unit is not None:
                out[-1] += unit
                piece = piece[len(unit):]
        out.append(piece)
        out_refs.append(ref)
    return out, out_refs


def join_drawn_pieces(table: RawTable, lex: Lexicon) -> RawTable:
    """``table`` (one piece a line, in a PDF's drawing order) with the pieces of each wrapped cell
    joined (see the module's help)."""
    pieces, piece_refs = _unit_back([normalize_text(r[0]) if r else "" for r in table.rows], list(table.refs), lex)
    rows: list[list[str]] = []
    refs: list[str] = []
    i = 0
    while i < len(pieces):
        n = _ends(pieces, i, lex)
        rows.append(["".join(pieces[i:i + n + 1])])
        refs.append(piece_refs[i])
        i += 1 + n
    if rows == [[normalize_text(r[0]) if r else ""] for r in table.rows]:
        return table
    return dataclasses.replace(table, rows=rows, refs=refs)
