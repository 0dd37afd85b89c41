"""Pieces of text at their places across a line, and the columns they fill: the measure
:mod:`.columns` reads a layout copy with. A piece is a run of words that one blank keeps together;
a column is a place most lines under the header fill; a page whose columns stand elsewhere is
matched to the header page's columns in order, by what they hold, or by a scale of its width.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from analytics.ingest.tables.cells import header_role, is_value_like
from analytics.ingest.tables.lexicon import Lexicon

__all__ = ["KNOWN_LINES", "SLACK", "VALUE_START", "Holds", "Piece", "column_kinds", "column_of", "cut_piece", "find_columns",
           "header_words", "match_page", "nearest", "overlaps", "page_scale", "pieces", "split_at", "stacked", "width"]

PIECE = re.compile(r"\S+(?: \S+)*")  # a cell's text on a line: one blank stays inside it
SLACK = 3  # characters a page may set its columns apart from the page before
UNLIKE = 0.5  # a page's column holds what its match on the first page holds (only places differ)
PLACE = 0.01  # a column's place counts a hundredth of what it holds, a character at a time
KNOWN_LINES = 3  # lines of a page that tell what its columns hold
SCALE_LINES = 20  # lines of a page looked at to match its columns to the first page's
VALUE_START = re.compile(r"^([≥≤<>=＞＜≧≦]|\d|是$|否$|[—－-]+$)")  # how a value starts


@dataclass
class Piece:
    start: int
    end: int
    text: str

    @property
    def centre(self) -> float:
        return (self.start + self.end) / 2


def pieces(line: str, wide: bool = False) -> list[Piece]:
    """The cells' texts on ``line`` with their places: characters from the line's start, or with
    ``wide`` columns of a fixed-width print, where a Chinese character takes two."""
    line = line.replace("\u3000", "  " if wide else " ").replace("\t", "  ")
    if not wide:
        return [Piece(m.start(), m.end(), m.group()) for m in PIECE.finditer(line)]
    at = [0]
    for c in line:
        at.append(at[-1] + (2 if unicodedata.east_asian_width(c) in "WF" else 1))
    return [Piece(at[m.start()], at[m.end()], m.group()) for m in PIECE.finditer(line)]


_GAP = re.compile(r"(?<=\S)[ ]{2,}(?=\S)")
EVEN_GAPS = 0.9  # share of a text's gaps of one width that makes them separators, not places
_FEW_GAPS = 4  # gaps too few to tell


def even_gaps(lines: list[str]) -> bool:
    """The cells of ``lines`` are set apart by the same run of blanks nearly everywhere (two blanks,
    a full-width blank: typed, or a program's separator), not padded to their columns' places as a
    converter's layout pads them (gaps of every width)."""
    gaps = Counter(len(m.group()) for ln in lines for m in _GAP.finditer(ln.replace("\u3000", "  ").replace("\t", "  ")))
    total = sum(gaps.values())
    return total >= _FEW_GAPS and gaps.most_common(1)[0][1] >= EVEN_GAPS * total


def width(text: str) -> float:
    """How wide ``text`` prints, in Chinese characters (a Latin letter or digit is about half one)."""
    return sum(1.0 if ord(c) >= 0x2E80 else 0.55 for c in text)


def find_columns(lines: list[list[Piece]]) -> list[tuple[int, int]]:
    """The columns (start, end) that the pieces of ``lines`` fill: places covered by a piece on more
    than a few lines, split where a gap is crossed by almost none."""
    if not lines:
        return []
    right = max((p.end for ps in lines for p in ps), default=0)
    cover = [0] * (right + 1)
    for ps in lines:
        for p in ps:
            for x in range(p.start, p.end):
                cover[x] += 1
    crossing = len(lines) // 25  # a note or a long fact line may cross a gap
    cols: list[tuple[int, int]] = []
    x = 0
    while x <= right:
        if cover[x] > crossing:
            a = x
            while x <= right and cover[x] > crossing:
                x += 1
            cols.append((a, x))
        x += 1
    return cols


def split_at(cols: list[tuple[int, int]], header: list[Piece]) -> list[tuple[int, int]]:
    """``cols`` with a column that holds two header cells split between them (a narrow gap a
    line or two crossed)."""
    out: list[tuple[int, int]] = []
    for a, b in cols:
        inside = [p for p in header if a <= p.centre < b]
        cuts = [int((inside[k].end + inside[k + 1].start) / 2) for k in range(len(inside) - 1)]
        edges = [a, *cuts, b]
        out.extend((edges[k], edges[k + 1]) for k in range(len(edges) - 1) if edges[k + 1] > edges[k])
    return out


def header_words(p: Piece, lex: Lexicon) -> list[Piece]:
    """A header piece split at its single blanks when each part is a header word of its own (two
    value headers a narrow column left one blank apart: ``预算设定指标值 项目完成指标值``)."""
    parts = p.text.split(" ")
    if len(parts) < 2 or not all(len(t) >= 3 and header_role(t, lex) for t in parts):  # not 一级 / 指标
        return [p]
    out, at = [], p.start
    for t in parts:
        out.append(Piece(at, at + len(t), t))
        at += len(t) + 1
    return out


def cut_piece(p: Piece, cols: list[tuple[int, int]]) -> list[Piece]:
    """``p`` cut at the single blanks nearest the column edges it crosses (two cells that a narrow
    column left only one blank apart: ``完成修理养 ≥90 辆``)."""
    out = [p]
    for k in range(len(cols) - 1):
        edge = (cols[k][1] + cols[k + 1][0]) / 2
        last = out[-1]
        if not last.start + 1 < edge < last.end - 1:
            continue
        blanks = [j for j, c in enumerate(last.text) if c == " "]
        if not blanks:
            continue
        j = min(blanks, key=lambda b: (not VALUE_START.match(last.text[b + 1:]), abs(last.start + b - edge)))
        if abs(last.start + j - edge) > SLACK:
            continue
        out[-1:] = [Piece(last.start, last.start + j, last.text[:j]),
                    Piece(last.start + j + 1, last.end, last.text[j + 1:])]
    return out


def column_of(p: Piece, cols: list[tuple[int, int]]) -> int:
    return min(range(len(cols)), key=lambda k: 0 if cols[k][0] <= p.centre < cols[k][1]
               else min(abs(p.centre - cols[k][0]), abs(p.centre - cols[k][1])))


def overlaps(a: Piece, b: Piece, slack: int = 0) -> bool:
    return a.start < b.end + slack and b.start < a.end + slack


def stacked(lines: list[list[Piece]]) -> list[Piece]:
    """The pieces of a few lines joined where they stand over each other (a header cell wrapped
    over lines: 年度指 / 标值): each piece of the first line with the pieces below it."""
    out = [Piece(p.start, p.end, p.text) for p in lines[0]]
    for ps in lines[1:]:
        for p in ps:
            above = [q for q in out if overlaps(p, q)]
            if len(above) == 1:
                q = above[0]
                q.start, q.end, q.text = min(q.start, p.start), max(q.end, p.end), q.text + p.text
            else:
                out.append(Piece(p.start, p.end, p.text))
    return sorted(out, key=lambda p: p.start)


def nearest(found: list[Piece], cols: list[tuple[int, int]], cost: list[float] | None = None,
             drop: bool = False) -> list[tuple[int, str]]:
    """(column, text) of the pieces ``found`` (in order across the line): matched to ``cols`` in
    order, one piece a column, so that the pieces stand as near their columns as they can (a piece with no
    column near it is left out of the matching and goes to its nearest column, or with ``drop`` is
    left out: a header cell over no column of the table)."""
    n, m = len(found), len(cols)
    skip = 6.0  # the cost of a piece matched to no column, in characters

    def far(j: int, k: int) -> float:
        return abs(found[j].centre - (cols[k][0] + cols[k][1]) / 2)

    best = [[0.0] * (m + 1) for _ in range(n + 1)]  # best[j][k]: the first j found on the first k columns
    for j in range(1, n + 1):
        best[j][0] = j * skip
    for j in range(1, n + 1):
        for k in range(1, m + 1):
            best[j][k] = min(best[j][k - 1], best[j - 1][k] + skip, best[j - 1][k - 1] + far(j - 1, k - 1))
    if cost is not None:
        cost.append(best[n][m])
    out: list[tuple[int, str]] = []
    j, k = n, m
    while j > 0:
        if k > 0 and best[j][k] == best[j - 1][k - 1] + far(j - 1, k - 1):
            out.append((k - 1, j - 1))
            j, k = j - 1, k - 1
        elif k > 0 and best[j][k] == best[j][k - 1]:
            k -= 1
        else:
            out.append((-1 if drop else column_of(found[j - 1], cols), j - 1))
            j -= 1
    return [(k, found[j].text) for k, j in sorted(out) if k >= 0]


def page_scale(lines: list[list[Piece]], cols: list[tuple[int, int]]) -> float:
    """How much wider (or narrower) a page sets the table than the page of ``cols``: the factor that
    lets its lines' pieces stand nearest the columns (a converter sets each page's characters apart
    by the page's own measure)."""
    sample = [ps for ps in lines if len(ps) >= 2][:SCALE_LINES] or lines[:SCALE_LINES]

    def cost(f: float) -> float:
        total: list[float] = []
        for ps in sample:
            nearest([Piece(int(p.start * f), int(p.end * f), p.text) for p in ps], cols, total)
        return sum(total)

    return min((0.6 + 0.02 * k for k in range(51)), key=lambda f: (cost(f), abs(f - 1)))


class Holds(NamedTuple):
    """What a column holds: values, first-level words, second-level words, anything at all."""

    values: bool
    level1: bool
    level2: bool
    text: bool

    def unlike(self, other: "Holds") -> int:
        """How many kinds of content one column holds and the other does not (text aside)."""
        return (self.values != other.values) + (self.level1 != other.level1) + (self.level2 != other.level2)


def column_kinds(placed: list[list[tuple[int, str]]], n: int, lex: Lexicon) -> list[Holds]:
    """What each of ``n`` columns holds, from the (column, text) pieces of its lines: values (a
    third of its pieces or more), first-level words, second-level words (a sixth or more: a
    label wrapped over lines leaves pieces that are no word), and whether it holds anything."""
    counts = [[0, 0, 0, 0] for _ in range(n)]
    for line in placed:
        for k, text in line:
            level = lex.level_word(text)
            c = counts[k]
            c[0] += 1
            c[1] += is_value_like(text, lex)
            c[2] += bool(level and level[0] == "level1")
            c[3] += bool(level and level[0] == "level2")
    return [Holds(v >= t / 3, a >= t / 6, b >= t / 6, t > 0) for t, v, a, b in counts]


def match_page(cols: list[tuple[int, int]], first_kinds: list[Holds], kinds: list[Holds],
               first: list[tuple[int, int]]) -> list[int] | None:
    """The first page's column each of a page's fewer ``cols`` is, in order, matched by what the
    columns hold (values, level words; their places across the line only break ties): a page that
    lacks the first page's leftmost columns (a merged label there only) starts its other columns
    further left, by no single shift or scale. ``None`` when the page has more columns, or a column
    holds what no column of the first page does."""
    m, n = len(cols), len(first)
    if not 1 < m < n:
        return None
    hi = cols[-1][1]
    fhi = max((first[j][1] for j in range(n) if first_kinds[j].text), default=first[-1][1])  # the last column with text

    def far(i: int, j: int) -> float:  # what they hold, then how far from the right edge they stand
        return kinds[i].unlike(first_kinds[j]) + PLACE * abs((hi - sum(cols[i]) / 2) - (fhi - sum(first[j]) / 2))

    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(m + 1)]  # best[i][j]: the first i columns on the first j
    best[0] = [0.0] * (n + 1)
    for i in range(1, m + 1):
        for j in range(i, n + 1):
            best[i][j] = min(best[i][j - 1], best[i - 1][j - 1] + far(i - 1, j - 1))
    out: list[int] = []
    i, j = m, n
    while i > 0:
        if best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            out.append(j - 1)
            i, j = i - 1, j - 1
    out.reverse()
    if any(far(i, j) > UNLIKE for i, j in enumerate(out)):
        return None
    return out
