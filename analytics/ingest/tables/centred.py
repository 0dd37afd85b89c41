"""Rows of a viewer's copy of a table whose text stands in the middle of each cell (most official
forms): each line holds the words at one height, so a row's one-line cells (its values, scores)
stand on its middle line and the lines of its wrapped cells (the name, a target in words) stand
above and below that line, as many above as below:

    邀请校外名师、             <- the name's first line
    100%                       <- the value, between the name's two lines
    领导授课完成率             <- the name's second line
    数量指标 护的设施数 ≥90辆  <- a level label, the middle of a three-line name, the value

Each line is cut at its blanks; level labels (产出指标, 质量指标, (50分)) are taken out first,
since a label stands in the middle of its block, wherever that falls. The lines are then cut into
rows around a middle line each (a line with a value, or a target in words), the cut that keeps
each row's lines balanced above and below its middle line and makes whole names winning. The
middle line's words set the row's text cells (the name first, unless the line starts with a value
or a target in words: the name then wraps around it); the words of the lines above and below go
on the cells they fit, in order (a name reads whole, an explanation starts with 反映…, a cell with
no word on the middle line goes on below as far as above), and the rest of a value (比 of
≥100百分, 底前 of 2024年12月, 元 of ≤2000) goes on its value. The row's cells come in the header's
order: the name, then values and text cells as the header's value columns take them. Used as one
more way to cut a text, weighed against the others by ``parse_table``.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import (ends_like_name, header_role, is_qualitative_text, is_value_like,
                                           open_value)
from analytics.ingest.tables.facts import is_sign_off
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.raw import RawTable
from analytics.ingest.tables.wrapped import reads_complete, reads_worded

__all__ = ["centred_rows"]

_SCAN = 80  # lines looked at for the header
_MOST_LINES = 400  # lines below the header cut this way (a target table has far fewer)
_MOST_TEXT = 1500  # lines of a text read this way at all
_REACH = 4  # lines a wrapped cell reaches above or below its row's middle line
_MOST_PLACINGS = 120  # ways of setting a wrapped line's words on a row's cells that are weighed (a form's row: a few dozen)
_SCORE = re.compile(r"^[(（]\d{1,3}(\.\d+)?分[)）]$")  # (50分): a level label's score
_LONGEST_WORD = 16  # characters of a wrapped line of a cell
_LONGEST_NAME = 30  # characters of a name put together from its lines


@dataclasses.dataclass
class _Line:
    at: int  # the line's index in the table
    words: list[str]  # its words, level labels taken out
    levels: list[str]  # the level labels on it
    middle: bool  # a row's middle line: a value, or a target in words alone
    worded: bool = False  # a middle line by a target in words alone (较高): it may be a name's line too
    plain: bool = False  # a middle line of text cells only (a name beside its explanation, its value wrapped around it)
    texts: dict[bool, list[str]] = dataclasses.field(default_factory=dict)  # its text words, as a middle line or not


def _is_level(word: str, lex: Lexicon) -> bool:
    t = normalize_text(word)
    return bool(lex.level_word(t)) or bool(_SCORE.match(t))


_SEEN: dict[tuple[int, str], bool] = {}  # (lexicon, word) -> a value: the cut tries each line many times


def _is_value(word: str, lex: Lexicon) -> bool:
    key = (id(lex), word)
    if key not in _SEEN:
        if len(_SEEN) > 100_000:
            _SEEN.clear()
        t = normalize_text(word)
        _SEEN[key] = bool(re.search(r"\d", t) or t in ("是", "否")) and is_value_like(t, lex)
    return _SEEN[key]


def _target_words(word: str, lex: Lexicon) -> bool:
    t = normalize_text(word)
    return is_qualitative_text(t, lex) and not ends_like_name(t)


def _worded(words: list[str], lex: Lexicon) -> bool:
    """A target in words on a row's middle line: first, between its name's lines (较高, 及时支出, 健全
    反映可持续影响), or after the middle line of the name (投资成本的 程度较高)."""
    return _target_words(words[0], lex) or any(_target_words(w, lex) for w in words[1:])


def _led_by_target(ln: _Line, lex: Lexicon) -> bool:
    """A middle line with values whose first word is a target in words (逐步完善 基本完善 15 13): the
    name, of an even count of lines, stands around it."""
    first = ln.words[0] if ln.words else ""
    return not ln.worded and not _is_value(first, lex) and _target_words(first, lex) and reads_worded(first) \
        and any(_is_value(w, lex) for w in ln.words)


def _name_first(ln: _Line, lex: Lexicon) -> bool:
    """The first word of a worded middle line is a line of its name (投资成本的 程度较高), not its target."""
    return len(ln.words) > 1 and not _target_words(ln.words[0], lex)


def _join_level_pieces(body: dict[int, list[str]], lex: Lexicon) -> None:
    """Level labels wrapped over lines (社会效益指 / 标, 服务对象满意度 / 指标), put together on the
    first line: the first word of a line and the first word of one of the next three lines that
    make a level word together."""
    at = sorted(body)
    for k, i in enumerate(at):
        for p, w in enumerate(body[i][:2]):  # a label stands first on its line, or second after the first level's
            for j in at[k + 1:k + 4]:
                q = next((q for q, x in enumerate(body[j]) if not _is_level(x, lex)), None)  # after (30分)
                if q is None or q > 1 or not lex.level_word(normalize_text(w + body[j][q])):
                    continue
                if not _is_level(w, lex) or len(normalize_text(body[j][q])) <= 2:  # 服务对象满意度 / 指标
                    body[i][p] += body[j].pop(q)
                break


def _values_first(header: list[str], lex: Lexicon) -> int:
    """How many value columns (targets, actuals, scores) the header has right after the name's."""
    roles = [header_role(normalize_text(w), lex) for w in header]
    at = max(i for i, r in enumerate(roles) if r == "name")
    count = 0
    for w, r in zip(header[at + 1:], roles[at + 1:]):
        if r in ("value", "unit", "comparator") or (r == "ignore" and lex.score_header.search(normalize_text(w))):
            count += r == "value" or r == "ignore"
            continue
        break
    return count


def _header(rows: list[list[str]], lex: Lexicon) -> tuple[int, int, list[str]] | None:
    """(first line, last line, header words) of the header: a line naming the indicators' column
    (三级指标) and, once the wrapped header cells above and below it are put back (年度指标 / 值,
    偏差原因 / 分析及改 / 进措施), a value column."""
    def role(w: str) -> str | None:
        return header_role(normalize_text(w), lex)

    def plain(i: int) -> bool:  # a line of header pieces: no level word, no value, short words
        return 0 <= i < len(rows) and bool(rows[i]) and not any(
            _is_level(w, lex) or _is_value(w, lex) or len(normalize_text(w)) > 8 for w in rows[i])

    for i, row in enumerate(rows[:_SCAN]):
        roles = [role(w) for w in row]
        if "name" not in roles:
            continue
        if "value" in roles:
            return i, i, list(row)
        words = list(row)
        first = last = i
        pairs: list[tuple[int, str, str]] = []  # (distance, above, below): a wrapped header cell's ends
        for d in (1, 2):  # the wrapped cells' lines, as many above the middle line as below it
            if not (plain(i - d) and plain(i + d)) or len(rows[i - d]) != len(rows[i + d]):
                break
            first, last = i - d, i + d
            pairs.extend((d, a, b) for a, b in zip(rows[i - d], rows[i + d]))
        for k, w in enumerate(words):  # 偏差原因 / 分析及改 / 进措施: a cell of three lines around a piece
            if role(w) is None:
                fits = [p for p in pairs if role(p[1] + w + p[2])]
                if fits:
                    d, a, b = max(fits, key=lambda p: p[0])
                    words[k] = a + w + b
                    pairs.remove((d, a, b))
        for _, a, b in sorted(pairs, key=lambda p: words.index(p[1]) if p[1] in words else 0):
            at = max(j for j, w in enumerate(words) if role(w) == "name") + 1  # 年度指标 / 值: a cell of
            while at < len(words) and role(words[at]) == "value":  # its own, after the names' column
                at += 1
            words.insert(at, a + b)
        if "value" in [role(w) for w in words]:
            return first, last, words
    return None


def _header_tail(rows: list[list[str]], h: int, header: list[str], lex: Lexicon) -> tuple[int, list[str]]:
    """The header's last line ``h`` and its words, with the lines below it that finish one of its
    cells as a header word of the lexicon (未完成原因 / 及拟采取的 / 改进措施: a cell wrapped below the
    others' one line) joined to that cell; else ``h`` and ``header`` as they are."""
    for k, cell in enumerate(header):
        text = normalize_text(cell)
        for d in range(1, _REACH):
            words = [w for w in rows[h + d] if w.strip()] if h + d < len(rows) else []
            if len(words) != 1:
                break
            text += normalize_text(words[0])
            if text in lex.run_words:
                return h + d, header[:k] + [text] + header[k + 1:]
            if not any(w.startswith(text) for w in lex.run_words):
                break
    return h, header


def _texts(ln: _Line, lex: Lexicon, mid: bool) -> list[str]:
    """The words of a line that belong to text cells (the name, a target in words, explanations):
    not its values, nor the target in words of a worded middle line."""
    if mid not in ln.texts:
        ln.texts[mid] = _text_words(ln, lex, mid)
    return ln.texts[mid]


def _text_words(ln: _Line, lex: Lexicon, mid: bool) -> list[str]:
    if mid and ln.worded:
        k = next(j for j, w in enumerate(ln.words) if _target_words(w, lex) and (j or not _name_first(ln, lex)))
        rest = ln.words[:k] + ln.words[k + 1:]  # the target in words is a value; the rest are text cells
        return rest if k else [""] + rest  # the target first: the name has no word on this line
    texts = [w for w in ln.words if not _is_value(w, lex)]
    if mid and _led_by_target(ln, lex):  # 逐步完善 基本完善 15 13: the target in words first, the name around
        return [""] + texts[1:]
    if mid and texts and ln.words and _is_value(ln.words[0], lex):
        return [""] + texts  # ≥3000人次 反映培训覆盖情况: text after the value is no name's; the name is around
    return texts


def _places(words: list[str], width: int, cells: list[str], above: bool, lex: Lexicon,
            half: bool | None = None, even: frozenset[int] = frozenset(), waiting: frozenset[int] = frozenset()
            ) -> list[int]:
    """The text cells (of ``width``) that the words of a wrapped line go on, in order: all of them
    when as many; else the choice whose joined texts read best (a name reads complete, an
    explanation (反映…) is no name). ``half``: the line stands half a line off the middle one, where
    only cells of an even count of lines have text (``even``: the cells with no word on the middle
    line); a line a whole line off holds the cells of an odd count (three lines around the middle)."""
    if len(words) >= width:
        return list(range(width))
    if math.comb(width, len(words)) > _MOST_PLACINGS:
        return list(range(len(words)))  # a line of many words (no row of a form): in order, not weighed
    best: tuple[float, tuple[int, ...]] = (-1e9, tuple(range(len(words))))
    explaining = [bool(lex.explanation and lex.explanation.search(normalize_text(w))) for w in words]
    worded = [bool(reads_worded(c)) for c in cells]
    first = [reads_complete(w + cells[0]) if above else reads_complete(cells[0] + w) for w in words]
    name_whole = reads_complete(cells[0]) if cells else False
    for combo in itertools.combinations(range(width), len(words)):
        score = 0.0
        for n, k in enumerate(combo):
            explains = explaining[n]
            if above:  # the word starts its cell
                score += ((1.0 if first[n] else 0.0) - (2.0 if explains else 0.0)) if k == 0 \
                    else (0.5 if explains else 0.0)
            elif k == 0:  # the word ends its cell: the name's, while the name does not read complete yet
                score += 1.0 if first[n] else (0.5 if not name_whole else -1.0)
            else:
                score += 0.25
            if k and worded[k]:  # a whole target in words (基本完善) takes no more lines
                score -= 0.5
            if k and not cells[k] and above:  # a cell with no word on the middle line: an explanation's, say
                score += 0.0 if explains else -0.75
            if not above and k in waiting:  # a cell begun above with no word on the middle line goes on below
                score += 1.0
            if half is not None and even:
                score += 1.0 if (k in even) == half else -1.0
        if score > best[0]:
            best = (score, combo)
    return list(best[1])


def _cells(above: list[_Line], mid: _Line, below: list[_Line], lex: Lexicon) -> list[str]:
    """The text cells of a row, left to right: the middle line's text words, each with the words of
    the wrapped lines above and below it (see :func:`_places`)."""
    base = _texts(mid, lex, True)
    width = max([len(base)] + [len(_texts(ln, lex, False)) for ln in (*above, *below)])
    if above or below:
        width += 1  # room for a cell with no word on the middle line (反映… / …情况 around a one-line name)
    cells = base + [""] * (width - len(base))
    even = frozenset(k for k, t in enumerate(base) if not t)  # the name wraps around the middle line
    for r, ln in enumerate(reversed(above), start=1):  # nearest first: each goes before the text below it
        words = _texts(ln, lex, False)
        for w, k in zip(words, _places(words, width, cells, True, lex, r % 2 == 1, even)):
            cells[k] = w + cells[k]
    waiting = frozenset(k for k in range(width) if cells[k] and (k >= len(base) or not base[k]))
    for r, ln in enumerate(below, start=1):
        words = _texts(ln, lex, False)
        for w, k in zip(words, _places(words, width, cells, False, lex, r % 2 == 1, even, waiting)):
            cells[k] = cells[k] + w
    while len(cells) > max(1, len(base)) and not cells[-1]:
        cells.pop()
    if cells and base and base[0] and not reads_complete(cells[0]):  # the middle line's first text no name:
        alt = next((k for k in range(1, len(cells)) if k in even and reads_complete(cells[k])
                    and not reads_worded(cells[k])), None)  # 补贴资金发放及 / 时性 around it is the name
        if alt is not None:
            cells = [cells[alt]] + [c for k, c in enumerate(cells) if k not in (0, alt)] + [cells[0]]
    return cells


def _name(above: list[_Line], mid: _Line, below: list[_Line], lex: Lexicon) -> str:
    cells = _cells(above, mid, below, lex)
    return cells[0] if cells else ""


def _cost(above: list[_Line], mid: _Line, below: list[_Line], lex: Lexicon) -> float:
    """How badly the lines fit as one row around ``mid``: lines out of balance above and below it,
    a name that does not end the way a name does, no name, a middle line used as a wrapped one,
    a wrapped line too long to be one."""
    goes_on = any(open_value(w, lex) for w in mid.words)  # a value whose cell goes on below: one line lower
    cost = abs(len(above) + goes_on - len(below)) * 1.0 + (0.5 if mid.worded else 0.0) + (0.8 if mid.plain else 0.0)
    name = _name(above, mid, below, lex)
    if not name:
        cost += 3
    elif not reads_complete(name):
        cost += 1.5
    if len(name) > _LONGEST_NAME:
        cost += 2
    for ln in (*above, *below):
        if ln.worded:
            cost += 0.3
        elif ln.middle:  # a value of its own: another row's, unless its cell goes on below
            cost += 0.5 if any(open_value(w, lex) for w in ln.words) else 3.0
    return cost


def _row(above: list[_Line], mid: _Line, below: list[_Line], values_first: int, lex: Lexicon) -> list[str]:
    """The cells of one row: its level labels, its name, then its values and its other text cells
    in the order of the header (``values_first``: the value columns right after the name; a value
    column short of values takes the text cells first: a target in words wrapped over lines)."""
    lines = [*above, mid, *below]
    levels = [w for ln in lines for w in ln.levels if not _SCORE.match(normalize_text(w))]  # (30分) alone: no label
    cells = _cells(above, mid, below, lex)
    name, extras = (cells[0], cells[1:]) if cells else ("", [])
    values: list[str] = []
    for ln in lines:
        words = [w for w in ln.words if w not in _texts(ln, lex, True)][:1] if ln is mid and ln.worded \
            else ln.words[:1] + [w for w in ln.words if _is_value(w, lex)] if ln is mid and _led_by_target(ln, lex) \
            else [w for w in ln.words if _is_value(w, lex)]
        for w in words:
            if values and open_value(values[-1], lex) and ln is not mid and not _is_value(w, lex):
                values[-1] += w
            else:
                values.append(w)
    for ln in below:  # the rest of a value cut by the cell's edge (比 of ≥100百分, 底前 of 2024年12月)
        for w in _texts(ln, lex, False):
            k = next((j for j, v in enumerate(values) if open_value(v, lex)), None)
            if k is not None and len(normalize_text(w)) <= 2 and w in extras[-1:] + [e[-len(w):] for e in extras]:
                values[k] += w
                extras = [e[:-len(w)] if e.endswith(w) else e for e in extras]
                extras = [e for e in extras if e]
                break
    short = max(0, values_first - len(values))
    bare = [v for v in values if re.fullmatch(r"\d{1,3}(\.\d+)?", normalize_text(v))]  # scores: 10, 9.5
    ordered = [v for v in values if v not in bare] + extras[:short] + bare + extras[short:] if values_first \
        else extras + values
    return [*levels, name, *ordered]


def centred_rows(table: RawTable, lex: Lexicon) -> RawTable | None:
    """``table`` (rows of words split at blanks) with the lines below its header cut into rows as
    a table whose text stands in the middle of its cells (see the module's help); ``None`` when
    no header is found or fewer than two rows have a middle line beside a wrapped name."""
    if len(table.rows) > _MOST_TEXT:
        return None  # far longer than a target table's copy: read the other ways
    found = _header(table.rows, lex)
    if found is None:
        return None
    top, h, header = found
    h, header = _header_tail(table.rows, h, header, lex)
    # the header's wrapped cells go on below it (未完成原因 / 及拟采取的 / 改进措施): a sign-off is looked
    # for from the first row with a value on
    start = next((i for i in range(h + 1, len(table.rows)) if any(_is_value(w, lex) for w in table.rows[i])), h + 1)
    end = next((i for i in range(start, len(table.rows)) if table.rows[i]
                and is_sign_off(table.rows[i][0], lex)), len(table.rows))
    end = min(end, h + 1 + _MOST_LINES)
    lines: list[_Line] = []
    loose_levels: list[tuple[int, list[str]]] = []  # level labels alone on their line
    body = {i: [w for w in table.rows[i] if w.strip()] for i in range(h + 1, end)}
    _join_level_pieces(body, lex)
    for i in range(h + 1, end):
        words = body[i]
        levels = [w for w in words if _is_level(w, lex)]
        rest = [w for w in words if not _is_level(w, lex)]
        if rest:
            valued = any(_is_value(w, lex) for w in rest)
            worded = not valued and _worded(rest, lex)
            plain = not valued and not worded and len(rest) >= 2
            lines.append(_Line(i, rest, levels, valued or worded or plain, worded, plain))
        elif levels and any(not _SCORE.match(normalize_text(w)) for w in levels):
            loose_levels.append((i, [w for w in levels if not _SCORE.match(normalize_text(w))]))
    n = len(lines)
    values_first = _values_first(header, lex)
    if sum(1 for ln in lines if ln.middle and not ln.plain) < 2:
        return None
    inf = float("inf")
    best: list[tuple[float, list[tuple[int, int, int]]]] = [(inf, [])] * (n + 1)  # (cost, rows as (start, mid, end))
    best[0] = (0.0, [])
    for j in range(n):
        cost, rows = best[j]
        if cost == inf:
            continue
        if cost + 3.0 < best[j + 1][0]:  # a line of no row: left for the reader to list as unread
            best[j + 1] = (cost + 3.0, rows)
        for c in range(j, min(n, j + _REACH + 1)):
            if not lines[c].middle:
                continue
            for b in range(c + 1, min(n, c + _REACH + 1) + 1):
                here = cost + _cost(lines[j:c], lines[c], lines[c + 1:b], lex)
                if here < best[b][0]:
                    best[b] = (here, rows + [(j, c, b)])
    cut = best[n][1]
    named = sum(1 for a, c, b in cut if b - a > 1 and _name(lines[a:c], lines[c], lines[c + 1:b], lex))
    if named < 2:
        return None
    out_rows: list[list[str]] = [list(r) for r in table.rows[:top]] + [header]
    out_refs: list[str] = list(table.refs[:top + 1])
    used = {k for a, _, b in cut for k in range(a, b)}
    pieces: list[tuple[int, list[str]]] = []  # (first line, cells)
    for a, c, b in cut:
        pieces.append((lines[a].at, _row(lines[a:c], lines[c], lines[c + 1:b], values_first, lex)))
    for k, ln in enumerate(lines):
        if k not in used:
            pieces.append((ln.at, ln.levels + ln.words))
    for at, levels in loose_levels:  # a label alone on its line goes with the row around it, or the next
        spans = [(lines[a].at, lines[b - 1].at, p) for (a, _, b), p in zip(cut, pieces)]
        host = next((p for first, last, p in spans if first <= at <= last), None)
        if host is None:
            host = next((p for first, _, p in spans if first > at), None)
        if host is not None:
            host[1][0:0] = levels
        else:
            pieces.append((at, levels))
    for at, cells in sorted(pieces, key=lambda x: x[0]):
        out_rows.append(cells)
        out_refs.append(table.refs[at] if at < len(table.refs) else f"L{at + 1}")
    for i in range(end, len(table.rows)):
        out_rows.append(list(table.rows[i]))
        out_refs.append(table.refs[i])
    return dataclasses.replace(table, rows=out_rows, refs=out_refs)
