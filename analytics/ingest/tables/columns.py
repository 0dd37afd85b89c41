"""Text that keeps a table's columns by their place across the line: what ``pdftotext -layout`` (and
other PDF converters that keep the layout) give for a 绩效目标表 printed to PDF, or a table printed
as fixed-width text. Each row of the table is one or more lines; the cells of a line stand at their
column's place, separated by runs of blanks (a single blank stays inside a cell: ``=300 天``); a cell
wrapped inside the table goes on at the same place on the next lines; a merged level label appears
once, at the top or in the middle of its block; each page may place its columns a little apart.

The columns are the places that the lines under the header fill (a gap that almost no line crosses
separates two columns), found again on every page and matched to the main page's: in order when a
page has as many; by what they hold (values, level words) when it has fewer (a page without the
main page's leftmost columns sets the others apart by its own measure, by no single shift or
scale); else by place, the page's width scaled to the main page's. The
value column (or a column of numbers filled on every row, such as 分值, when some values are
blank) is cut into cells first: a line that fills the column's width goes on below (the cell
wrapped), a shorter line ends its cell, a value never takes another value below it (``≥95%`` above
``100%``), only its unit. Each of its cells anchors a row; the other columns' lines go to the rows
beside them as the table aligns its text (at the top, in the middle or at the bottom of each
row: whichever cuts the lines into cells best; in the middle, the lines between two values are
cut where both cells stand most nearly centred, a row split by a page break let be); in a table
aligned at the top, a row whose value was left blank starts where a level label and a name start
beside no value. Level labels go to
the row beside their middle line, so that a label centred in its block is read as centred.

The places of the text (pieces, columns, page matching) are measured by :mod:`.places`.

Lines above the header (the title and project facts) and below the table (sign-off lines) become
rows of their blank-separated pieces. Nothing is guessed when no line names both an indicator
column and a value column: the text is then read the other ways (one cell per line, cells
separated by blanks).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from analytics.ingest.tables.cells import (SCORE_CELL, ends_like_name, header_role, is_qualitative_text, is_value_like,
                                           names_under_level2, open_value, read_value)
from analytics.ingest.tables.facts import is_sign_off
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.places import (KNOWN_LINES, SLACK, VALUE_START, Holds, Piece, column_kinds, column_of,
                                            cut_piece, even_gaps, find_columns, header_words, match_page, nearest, overlaps,
                                            page_scale, pieces, split_at, stacked, width)
from analytics.ingest.tables.sources import RawTable

__all__ = ["column_rows"]

_SCAN = 300  # lines looked at for the header
_MAX_LINES = 20000
_MAX_WIDTH = 1000  # characters of a line: a layout copy of a page is far narrower
_VALUE_ROLES = ("value",)
_GAP_LINES = 3  # a wrapped cell's next line may stand up to this many lines below (other cells centred between)
_LEVEL_ROLES = ("level1", "level2")


#: a blank a converter sets between a number and Chinese (2022 年, 20 万元, (50 分)): not in the text
_SET_APART = re.compile(r"(?<=[\d%.])\s(?=[\u4e00-\u9fff（(])|(?<=[\u4e00-\u9fff）)])\s(?=[\d≥≤])")


def _is_header(ps: list[Piece], lex: Lexicon) -> bool:
    roles = [header_role(p.text, lex) for p in ps]
    named = "name" in roles or "level2" in roles  # names under 二级指标 when no 三级指标 column
    return len(ps) >= 2 and named and any(r in _VALUE_ROLES for r in roles)


def _header_at(lines: list[list[Piece]], lex: Lexicon) -> tuple[int, int] | None:
    """(first, last) line of the header: a line naming an indicator column and a value column, or
    up to four lines that do once the pieces standing over each other are joined."""
    for end, ps in enumerate(lines[:_SCAN]):
        if not ps:
            continue
        for k in range(4):  # the fewest lines ending here
            i = end - k
            block = lines[i:end + 1]
            if i < 0 or not block[0] or (k and any(is_value_like(p.text, lex) or lex.level_word(p.text)
                                                   for p in block[0])):
                break
            if _is_header(stacked(block), lex):
                last = end
                while last + 1 < len(lines) and last - i < 3 and lines[last + 1] and not any(
                        is_value_like(p.text, lex) or lex.level_word(p.text) for p in lines[last + 1]) and _wraps_header(lines[i:last + 2], lex):
                    last += 1  # the rest of a wrapped header cell (标值, 因分析)
                return i, last
    return None


def _wraps_header(block: list[list[Piece]], lex: Lexicon) -> bool:
    """The last line of ``block`` only goes on with the header above it: every piece of it stands
    under a header cell that is not yet a header word (一级指 / 标), or is a header word itself (a
    second header row: 一级指标 under 绩效指标)."""
    above = stacked(block[:-1])
    for p in block[-1]:
        over = [q for q in above if overlaps(p, q, SLACK)]
        if not over or (all(header_role(q.text, lex) for q in over) and not header_role(p.text, lex)
                        and not (len(p.text) <= 4 and any(header_role(q.text + p.text, lex) for q in over))):
            return False  # under no header cell, or under whole header words (the first row's text),
            # unless it completes one (当年预期实 / 现值)
    return True


def _header_text(texts: list[str], lex: Lexicon) -> str:
    """A column's header from its pieces on the header lines: joined when they are one wrapped
    cell (一级指 / 标); the lower word when each is a header word (绩效指标 over 二级指标)."""
    joined = "".join(texts)
    if len(texts) < 2 or header_role(joined, lex):
        return joined
    named = [t for t in texts if header_role(t, lex)]
    return named[-1] if named else joined


@dataclass
class _Cell:
    first: int
    last: int
    text: str
    tail: str = ""  # the text of its last line


def _join(a: str, b: str) -> str:
    """Two lines of one wrapped cell: Chinese joined directly, Latin words with a blank (``a``
    may be empty: then ``b``)."""
    return a + (" " if a[-1:].isascii() and a[-1:].isalnum() and b[:1].isascii() and b[:1].isalnum() else "") + b


_DATE_CUT = re.compile(r"(\d{4}年\d{0,2}|\d{4}[.\-/]\d{0,2}|[-—–~～至到])$")  # a date or period left open at a line's end
_DATE_GOES_ON = re.compile(r"^(\d{1,2}月|月|\d{4}年|[-—–~～至到]|\d{1,2}[日号])")
_UNIT_TAIL = 6  # characters of a unit wrapped below its number (百分比, （万人）)
#: what a line cannot be broken inside at its start: opening brackets, a Latin word or number or one
#: Chinese character, and the closing punctuation after it (a line does not start with 。 or ）)
_UNIT = re.compile(r"[(\[（【《“‘「]*(?:[A-Za-z0-9.%‰+\-=≥≤<>]+|.)[)\]）】》”’」，。、；：！？,.;:!?%]*")


def _first_unit(text: str) -> float:
    """The width of the unit ``text`` starts with (see ``_UNIT``)."""
    m = _UNIT.match(text)
    return width(m.group()) if m else 0.0


def _cells(col: list[tuple[int, str]], full: float, role: str | None, lex: Lexicon,
           row_of: dict[int, int] | None = None) -> list[_Cell]:
    """The cells of one column from its (line, text) pieces in line order. ``full``: the widest
    line of the column; ``row_of``: the row a line belongs to by the value beside it (a cell never
    spans lines of two such rows)."""
    out: list[_Cell] = []
    for line, text in col:
        if out:
            cur = out[-1]
            rows = {row_of[k] for k in range(cur.first, line + 1) if k in row_of} if row_of else set()
            if line - cur.last <= _GAP_LINES and len(rows) <= 1 and \
                    _goes_on(cur.text, cur.tail, text, full, role, lex, line == cur.last + 1):
                cur.last, cur.text, cur.tail = line, _join(cur.text, text), text
                continue
        out.append(_Cell(line, line, text, text))
    return out


def _goes_on(cell: str, above: str, below: str, full: float, role: str | None, lex: Lexicon,
             consecutive: bool = True) -> bool:
    """Whether ``below`` goes on with the cell ``cell`` whose last line is ``above``: the line above
    was full (the first word below would not have fitted on it), unless the two are two level
    words or two values."""
    if role in _LEVEL_ROLES:
        if lex.level_word(cell + below):
            return True
        if lex.level_word(cell) or lex.level_word(below):
            return False
    if role in _VALUE_ROLES and _DATE_CUT.search(cell.replace(" ", "")) and _DATE_GOES_ON.match(below.replace(" ", "")):
        return True  # a date cut by the cell's edge (2020 年 1 / 月--2020 年 / 11 月)
    if role in _VALUE_ROLES and VALUE_START.match(below) and is_value_like(below, lex):
        return False  # a value of its own (=30000 人次 below 增加岗位)
    if role not in _VALUE_ROLES and VALUE_START.match(below) and is_value_like(below, lex) and \
            is_value_like(cell, lex):
        return False  # two numbers (分值 20 above 10)
    if role in _VALUE_ROLES and is_value_like(cell, lex):  # a whole value: only its unit may go on below
        return (consecutive or open_value(cell, lex)) and not re.search(r"\d", below) and len(below) <= _UNIT_TAIL and \
            _known_unit(_join(cell, below), lex)
    if role in _VALUE_ROLES and _whole_worded(cell, lex) and _whole_worded(below, lex):
        return False  # two targets in words, one under the other (有效改善 above 有效提升)
    if role in _VALUE_ROLES and above.rstrip().endswith(("。", "！")):
        return False  # …大力支持了民办幼儿园发展。: a target said in a sentence ended there, however wide its line
    if role in _VALUE_ROLES and cell.replace(" ", "") in lex.qualitative_words \
            and not (cell + below).replace(" ", "").endswith(tuple(w for w in lex.qualitative_words if len(w) >= 2)):
        return False  # a target in one word of its own (减少 above 减, the next row's cut short; not 有效 / 提升)
    if role in _VALUE_ROLES and consecutive and len(below) <= 2 and not re.search(r"\d", cell + below) \
            and not is_value_like(below, lex) and not is_qualitative_text(below, lex):
        return True  # the last character or two of a worded target (按季发 / 放): no target alone
    return width(above) + _first_unit(below) > full + 0.05


def _whole_worded(text: str, lex: Lexicon) -> bool:
    """A target in words that reads whole: three characters or more, no number, ending in a word
    of the lexicon's ``qualitative`` list (有效改善, 效果明显; not 保障公务用, not 车正常运行的)."""
    t = text.replace(" ", "")
    return len(t) >= 3 and not re.search(r"\d", t) and t.endswith(lex.qualitative_words)


def _known_unit(text: str, lex: Lexicon) -> bool:
    """``text`` reads as a value whose unit the lexicon knows (≥100百分 + 比, 20万 + 元): a unit's
    tail wrapped below it, not the next row's words (90 above 达成预期指)."""
    if not is_value_like(text, lex):
        return False
    unit = read_value(text, "higher", lex).unit
    return not unit or unit in lex.units or unit in lex.unit_aliases or "/" in unit


def column_rows(text_lines: list[str], lex: Lexicon) -> RawTable | None:
    """The rows of a text laid out in columns (see the module's help); ``None`` when the text is
    not laid out that way (no line under a header holds two cells at their places). Places are
    counted in characters (a converter's layout) and in print columns (a fixed-width print, a
    Chinese character two wide); the count that finds more columns, less the pieces of a line it
    puts into one column, wins (a converter's layout counted two wide runs a name into its value),
    among the counts that keep at least two thirds of the most columns either finds."""
    if len(text_lines) > _MAX_LINES or any(len(ln) > _MAX_WIDTH for ln in text_lines) or even_gaps(text_lines):
        return None  # (cells two blanks apart everywhere: set apart, not placed)
    tries = [t for t in (_rows_by_place(text_lines, lex, wide) for wide in (False, True)) if t is not None]
    most = max((t[1] for t in tries), default=0)
    tries = [t for t in tries if 3 * t[1] >= 2 * most]  # a count that merges most columns is wrong
    return max(tries, key=lambda t: t[1] - t[2])[0] if tries else None


def _rows_by_place(text_lines: list[str], lex: Lexicon, wide: bool) -> tuple[RawTable, int, int] | None:
    """:func:`column_rows` with places counted one way; the rows and the number of columns the
    lines keep apart by their gaps alone."""
    pages: list[int] = []  # the page of each line
    lines: list[list[Piece]] = []
    page = 0
    for ln in text_lines:
        if "\f" in ln:
            page += ln.count("\f")
            ln = ln.replace("\f", "")
        pages.append(page)
        lines.append(pieces(ln, wide))
    found = _header_at(lines, lex)
    if found is None:
        return None
    h, h_last = found
    head = [i for i in range(h, h_last + 1) if lines[i]]
    body = [i for i in range(h_last + 1, len(lines)) if lines[i]]
    started = next((i for i in body if len(lines[i]) >= 2), len(lines))
    end = next((i for i in body if i > started and is_sign_off(lines[i][0].text, lex)), len(lines))
    body = [i for i in body if i < end]
    spread = sum(1 for i in body if len(lines[i]) >= 2)
    if len(body) < 2 or spread < 0.2 * len(body):
        return None
    # the columns of each page, matched to those of the page holding most of the table
    by_page: dict[int, list[int]] = {}
    for i in [*head, *body]:
        by_page.setdefault(pages[i], []).append(i)
    ref = pages[h] if len(by_page[pages[h]]) >= 4 else max(by_page, key=lambda pg: len(by_page[pg]))
    header_pieces = [q for p in stacked([lines[i] for i in head]) for q in header_words(p, lex)]
    first = find_columns([lines[i] for i in by_page[ref]])
    found_apart = len(first)  # columns that the lines themselves keep apart
    if ref == pages[h]:
        first = split_at(first, header_pieces)
    if len(first) < 2:
        return None
    where: dict[int, list[tuple[int, str]]] = {}  # line -> (column, text) of each piece
    for i in by_page[ref]:
        where[i] = [(column_of(q, first), q.text) for p in lines[i] for q in cut_piece(p, first)
                    if i not in head or any(overlaps(q, Piece(a, b, ""), SLACK) for a, b in first)]
        # (a header cell over no column: 备注 beside 指标值 when no row has a note, 绩效指标 over merged labels)
    kinds = column_kinds([where[i] for i in by_page[ref] if i not in head], len(first), lex)
    for pg, idx in by_page.items():
        if pg == ref:
            continue
        cols = find_columns([lines[i] for i in idx])
        onto = list(range(len(cols))) if len(cols) == len(first) else None
        if onto is None and min(len(idx), len(by_page[ref])) >= KNOWN_LINES:  # enough lines to tell what a column holds
            held = column_kinds([[(column_of(p, cols), p.text) for p in lines[i]] for i in idx], len(cols), lex)
            onto = match_page(cols, kinds, held, first)
        scale = 1.0 if onto is not None else page_scale([lines[i] for i in idx], first)
        for i in idx:
            if onto is not None:  # the page's own columns, matched to the first page's in order
                where[i] = [(_left_of(p, cols, onto, kinds, lex) if p.end <= cols[0][0] and onto[0] > 0
                             else onto[column_of(p, cols)], p.text) for p in lines[i]]
            else:  # by place, the page's width scaled to the first's, one piece a column
                where[i] = nearest([Piece(int(p.start * scale), int(p.end * scale), p.text) for p in lines[i]], first,
                                    drop=i in head)
    n = len(first)
    header_cells: list[list[str]] = [[] for _ in range(n)]
    for i in head:
        for k, text in where[i]:
            header_cells[k].append(text)
    header = [_header_text(t, lex) for t in header_cells]
    roles = names_under_level2([header_role(t, lex) for t in header])
    per_col: list[list[tuple[int, str]]] = [[] for _ in range(n)]
    crowded = 0  # pieces of a line that fell into a column another piece of it holds
    for i in body:
        placed: dict[int, str] = {}
        for k, text in where[i]:
            crowded += k in placed and not placed[k].endswith(text)
            placed[k] = _join(placed.get(k, ""), text)
        for k, text in sorted(placed.items()):
            per_col[k].append((i, text))
    widest = [max((width(t) for _, t in per_col[k]), default=0.0) for k in range(n)]
    value_cols = [k for k in range(n) if roles[k] in _VALUE_ROLES]
    main_value = max(value_cols, key=lambda k: len(per_col[k])) if value_cols else None
    cells: dict[int, list[_Cell]] = {}
    if main_value is not None:
        cells[main_value] = _cells(per_col[main_value], widest[main_value], "value", lex)
    # the rows are anchored on the column cut into the most cells beside the names: the values, or
    # a column of numbers filled on every row (分值) when some values are blank
    for k in range(n):
        if k not in cells and roles[k] not in (*_LEVEL_ROLES, "name") and per_col[k]:
            cut = _cells(per_col[k], widest[k], roles[k], lex)
            numbers = sum(1 for c in cut if is_value_like(c.text, lex))
            if numbers >= 0.8 * len(cut) and (main_value is None or len(cut) > len(cells[main_value])):
                cells[k] = cut
    anchor_col = max(cells, key=lambda k: (len(cells[k]), k == main_value), default=None)
    for k in [k for k in cells if k not in (anchor_col, main_value)]:
        del cells[k]  # cut again beside the anchor below
    row_of: dict[int, int] = {}  # line -> an id of the anchor cell beside it
    for c_id, c in enumerate(cells.get(anchor_col, []) if anchor_col is not None else []):
        for line in range(c.first, c.last + 1):
            row_of[line] = c_id
    name_cols = [k for k in range(n) if roles[k] == "name"]
    others = [k for k in name_cols + [k for k in range(n) if k != anchor_col and k not in name_cols]
              if roles[k] not in _LEVEL_ROLES]
    anchors = cells.get(anchor_col, []) if anchor_col is not None else []
    if anchor_col is not None and anchor_col == main_value and anchors:
        anchors = cells[anchor_col] = _scored_rows(anchors, per_col, roles, name_cols)
    best = "top"
    if len(anchors) >= 2:  # each row's cells placed beside its value, as the table aligns them
        best = min(_MODES, key=lambda m: sum(_misfits(_anchored(per_col[k], anchors, m, pages, k in name_cols), anchors, m,
                                                      widest[k])
                                              for k in others))
        if best == "top" and anchor_col == main_value:  # rows whose value was left blank start beside their labels
            anchors = cells[anchor_col] = _blank_rows(anchors, per_col, widest, roles, name_cols, lex)
        for k in others:
            cells[k] = [_Cell(g[0][0], g[-1][0], _joined([t for _, t in g]))
                        for g in _anchored(per_col[k], anchors, best, pages, k in name_cols) if g]
    for k in [k for k in range(n) if k not in cells]:
        cells[k] = _cells(per_col[k], widest[k], roles[k], lex, row_of)
    # rows: the cells outside the level columns that share lines
    spans: list[list[int]] = []
    for k, cs in cells.items():
        if roles[k] in _LEVEL_ROLES or (roles[k] is None or roles[k] == "ignore") and len(anchors) >= 2 and k != anchor_col:
            continue  # notes and explanations do not make rows: a long note cut wrongly would join them
        spans.extend([c.first, c.last] for c in cs)
    spans.sort()
    groups: list[list[int]] = []
    for a, b in spans:
        if groups and a <= groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], b)
        else:
            groups.append([a, b])
    loose = [c for k, cs in cells.items() if roles[k] in _LEVEL_ROLES for c in cs
             if not lex.level_word(c.text) and not any(a <= (c.first + c.last) // 2 <= b for a, b in groups)]
    groups.extend([c.first, c.last] for c in loose)  # text in a level column beside no row and no level word
    # (……, 总分): a row of its own
    groups.sort()
    grid: list[list[str]] = [[""] * n for _ in groups]
    for k, cs in cells.items():
        for c in cs:
            g = _group_of(groups, c, roles[k] in _LEVEL_ROLES)
            if g is not None:
                grid[g][k] = _join(grid[g][k], c.text)
    named = [r for r in grid if any(r[k] for k in name_cols)]
    for k in [k for k in range(n) if roles[k] in _LEVEL_ROLES] if best != "centre" and named else []:
        if not named[0][k] and named[-1][k] and lex.level_word(named[-1][k]):
            carry = ""  # a merged label at the bottom of its block (Excel's default): it reaches up
            for r in reversed(grid):
                carry = r[k] if r[k] and lex.level_word(r[k]) else "" if r[k] else carry
                r[k] = r[k] or carry
    rows: list[list[str]] = []
    refs: list[str] = []
    for i, texts in _facts(lines[:h]):  # the title and project facts above the header
        rows.append(texts)
        refs.append(f"L{i + 1}")
    rows.append(header)
    refs.append(f"L{h + 1}")
    for (a, _), r in zip(groups, grid):
        rows.append(r)
        refs.append(f"L{a + 1}")
    for i in range(end, len(lines)):  # sign-off lines and anything after the table
        if lines[i]:
            rows.append([p.text for p in lines[i]])
            refs.append(f"L{i + 1}")
    return RawTable("text-layout", [[_SET_APART.sub("", c) for c in r] for r in rows], refs), found_apart, crowded


def _left_of(p: Piece, cols: list[tuple[int, int]], onto: list[int], kinds: list[Holds], lex: Lexicon) -> int:
    """The first page's column of a piece standing left of all of its page's columns (a level
    label alone on a page whose rows otherwise leave the level columns blank): the level column
    its word belongs in, else the column just left of the page's first."""
    word = lex.level_word(p.text)
    fits = [j for j in range(onto[0]) if word and getattr(kinds[j], word[0])]
    return fits[-1] if fits else onto[0] - 1


_LINE_MIN = 8  # characters of a line above the table that a title or sentence wrapped from
_MODES = ("top", "centre", "bottom")  # where a cell's text stands in its row


def _blank_rows(anchors: list[_Cell], per_col: list[list[tuple[int, str]]], widest: list[float],
                roles: list[str | None], name_cols: list[int], lex: Lexicon) -> list[_Cell]:
    """``anchors`` (the value cells) with an empty one on each line below the first value where a
    level label and a name start beside no value: in a table aligned at the top of its cells, a
    row whose value was left blank (经济效益指标 | 增加就业机会, 提高农民收入 | —) starts there."""
    named = {line for k in name_cols for line, _ in per_col[k]}
    starts = {c.first for k, role in enumerate(roles) if role in _LEVEL_ROLES
              for c in _cells(per_col[k], widest[k], role, lex) if lex.level_word(c.text)}
    blank = [line for line in sorted(starts & named) if line > anchors[0].first
             and not any(a.first <= line <= a.last for a in anchors)]
    return sorted([*anchors, *(_Cell(line, line, "") for line in blank)], key=lambda c: c.first)


def _scored_rows(anchors: list[_Cell], per_col: list[list[tuple[int, str]]], roles: list[str | None],
                 name_cols: list[int]) -> list[_Cell]:
    """``anchors`` (the value cells) with an empty one on each line where a name and a score (分值,
    得分) stand beside no value: a row whose value was left blank, its score where the value would
    be, however the table aligns its text (★补助各类粮食作物种植面积 | 10 | | 10, a group of the rows
    below it)."""
    named = {line for k in name_cols for line, _ in per_col[k]}
    scored = {line for k, role in enumerate(roles) if role not in (*_LEVEL_ROLES, *_VALUE_ROLES, "name")
              for line, text in per_col[k] if SCORE_CELL.fullmatch(text)}
    blank = [line for line in sorted(scored & named) if not any(a.first <= line <= a.last for a in anchors)]
    return sorted([*anchors, *(_Cell(line, line, "") for line in blank)], key=lambda c: c.first)


def _joined(texts: list[str]) -> str:
    return functools.reduce(_join, texts, "")


def _anchored(col: list[tuple[int, str]], anchors: list[_Cell], mode: str, page_of: list[int] | None = None,
              name: bool = False) -> list[list[tuple[int, str]]]:
    """The pieces of a column grouped by the row of the value beside them (``anchors``: the value
    cells, in order), the text standing at the ``top`` of each row, in its ``centre`` or at its
    ``bottom``: one group a row (empty when the row has no text in the column)."""
    groups: list[list[tuple[int, str]]] = [[] for _ in anchors]
    if mode == "top":
        for line, text in col:
            r = max([j for j, a in enumerate(anchors) if a.first <= line] or [0])
            groups[r].append((line, text))
        return groups
    if mode == "bottom":
        for line, text in col:
            r = min([j for j, a in enumerate(anchors) if a.last >= line] or [len(anchors) - 1])
            groups[r].append((line, text))
        return groups
    return _centred(col, anchors, page_of or [], name)


_UNIT_ALONE = re.compile(r"^[(（][^()（）]{1,8}[)）]")  # a unit in brackets that ends a name wrapped above it


def _centred(col: list[tuple[int, str]], anchors: list[_Cell], page_of: list[int], name: bool
             ) -> list[list[tuple[int, str]]]:
    """The ``centre`` way of :func:`_anchored`: the lines between two values cut where both rows'
    cells stand most nearly centred beside their values (a row that a page break split is not
    centred: it is let be), in a name column also where neither cell starts with the unit that
    ends the name above (``(万亩)``) and each ends as a name does."""
    fixed: list[list[tuple[int, str]]] = [[] for _ in anchors]
    gaps: list[list[tuple[int, str]]] = [[] for _ in anchors]  # gaps[r]: the lines between value r and r + 1
    for line, text in col:
        r = max([j for j, a in enumerate(anchors) if a.first <= line] or [0])
        if line <= anchors[r].last or r == len(anchors) - 1 or line < anchors[0].first:
            fixed[r].append((line, text))
        else:
            gaps[r].append((line, text))

    def cost(r: int, group: list[tuple[int, str]]) -> float:
        if not group:
            return 1.0  # a row with nothing in the column: as bad as a cell standing off its centre
        a = anchors[r]
        centre = (a.first + a.last) / 2
        lines = [ln for ln, _ in group]
        split = bool(page_of) and len({page_of[ln] for ln in [*lines, a.first] if ln < len(page_of)}) > 1
        off = abs(sum(1 for ln in lines if ln < centre) - sum(1 for ln in lines if ln > centre))
        bad = 0.0 if split else 0.5 * off  # (a cell of two lines beside one may stand a line off)
        if name:
            text = _joined([t for _, t in group])
            bad += (1.0 if _UNIT_ALONE.match(group[0][1]) and r > 0 else 0.0) + (0.0 if ends_like_name(text) else 0.5)
        return bad

    n = len(anchors)
    # best[k]: (cost of rows 0..r, the cuts) when row r takes the first k lines of gap r
    best: dict[int, tuple[float, list[int]]] = {}
    for k in range(len(gaps[0]) + 1 if n > 1 else 1):
        best[k] = (cost(0, fixed[0] + gaps[0][:k]) if n > 1 else cost(0, fixed[0]), [k])
    for r in range(1, n):
        nxt: dict[int, tuple[float, list[int]]] = {}
        for k in range(len(gaps[r]) + 1 if r < n - 1 else 1):
            options = []
            for j, (c, cuts) in best.items():
                group = gaps[r - 1][j:] + fixed[r] + (gaps[r][:k] if r < n - 1 else [])
                options.append((c + cost(r, group), cuts + [k]))
            nxt[k] = min(options, key=lambda o: o[0])
        best = nxt
    cuts = min(best.values(), key=lambda o: o[0])[1]
    groups = [[] for _ in anchors]
    for r in range(n):
        taken = cuts[r] if r < n - 1 else 0
        groups[r] = (gaps[r - 1][cuts[r - 1]:] if r else []) + fixed[r] + (gaps[r][:taken] if r < n - 1 else [])
    return groups


def _misfits(groups: list[list[tuple[int, str]]], anchors: list[_Cell], mode: str, full: float) -> int:
    """How badly ``groups`` cut a column into cells beside their values: a cell not standing as
    ``mode`` says beside its value, a line within a cell that did not fill the width (a wrapped
    cell's lines all do but the last), lines far apart, a row without text."""
    bad = 0
    for g, a in zip(groups, anchors):
        if not g:
            bad += 1
            continue
        first, last = g[0][0], g[-1][0]
        if (mode == "top" and first != a.first) or (mode == "bottom" and last != a.last) or \
                (mode == "centre" and abs((first + last) - (a.first + a.last)) > 1):
            bad += 1
        for (a_line, ta), (b_line, tb) in zip(g, g[1:]):
            if width(ta) + _first_unit(tb) <= full + 0.05 or b_line - a_line > _GAP_LINES:
                bad += 1
    return bad


def _facts(lines: list[list[Piece]]) -> list[tuple[int, list[str]]]:
    """(line, cells) of the lines above the table, a fact's wrapped lines joined into it: a line whose
    pieces all stand under pieces of the line above goes on with them when it has fewer pieces or
    does not start at the left edge (a new fact starts with its label there)."""
    out: list[tuple[int, list[Piece]]] = []
    left = min((ps[0].start for ps in lines if ps), default=0)
    above: list[Piece] = []
    for i, ps in enumerate(lines):
        if not ps:
            above = []
            continue
        wrapped_line = len(ps) == len(above) == 1 and len(above[0].text) >= _LINE_MIN and \
            not above[0].text.endswith(("。", "；", "：", ":", ";"))  # a title or a sentence going on
        if out and above and (wrapped_line or all(any(overlaps(p, q) for q in above) for p in ps) and (
                len(ps) < len(above) or ps[0].start > left + 1)):
            out[-1] = (out[-1][0], stacked([out[-1][1], ps]))
        else:
            out.append((i, ps))
        above = ps
    return [(i, [p.text for p in ps]) for i, ps in out]


def _group_of(groups: list[list[int]], c: _Cell, level: bool) -> int | None:
    """The row of ``groups`` a cell goes to: the one holding its first line (a level label: its
    middle line; a label on a line of its own: the row nearest below it)."""
    at = (c.first + c.last) // 2 if level else c.first
    for g, (a, b) in enumerate(groups):
        if a <= at <= b:
            return g
    below = [g for g, (a, _) in enumerate(groups) if a > at]
    if below:
        return below[0]
    return len(groups) - 1 if groups else None
