"""Cells a PDF converter or a viewer's copy broke apart, put back together before the table reader
reads a text. Four ways, each used by one way of cutting a text (see ``parse_table``):

- :func:`join_fragments` (a copy split at blanks, each line the words at one height): a cell's
  text at the top of its cell (Word's default) leaves the rest of a wrapped name on the lines
  after its row (``邀请校外名师、 25人次`` / ``领导授课人次``); a cell's text in the middle (most
  official forms) puts its value between the name's lines (``邀请校外名师、`` / ``100%`` /
  ``领导授课完成率``).
- :func:`join_split_words` (the same copy): the pieces of one cell set apart at blanks
  (``产 出 指 标``, ``一级 指标``, ``县级储备粮管理制 度严格执行率``).
- :func:`join_cell_lines` (a copy in the order the PDF draws its cells, each cell's lines one after
  the other: ``办公大楼日`` / ``常维修维护`` / ``次数``), and :func:`cell_per_line`, which then sets
  such a text out one cell a line.

A header's wrapped cells are joined by :func:`.headerlines.join_header_lines`.

A piece is joined to the text it goes on only when that text does not yet end the way a name
does (…率, …数量, …人次, …情况) and the joined text does; a value, a level or header word, a
label of the form's facts, a unit or a target in words is never joined. Everything else is left
as it is, for the table reader.

The four ways share the tests of what a piece is (a value, a fragment, a level word cut off, a
name's end, a target in words) and their widths (``LONGEST_PIECE``, ``MOST_LINES``, ``WIDER``, also
:mod:`.linecells`').
"""

from __future__ import annotations

import dataclasses
import functools
import re

from analytics.core.values import normalize_text
from analytics.ingest.tables.breaks import labels_down
from analytics.ingest.tables.cells import (AIM_START, SIGN_WORDS, VALUE_SHAPE, cut_unit, ends_like_name, header_role,
                                           is_figure, is_placeholder, is_value_like, open_value)
from analytics.ingest.tables.facts import is_sign_off, label_kind
from analytics.ingest.tables.lexicon import Lexicon, strip_score
from analytics.ingest.tables.raw import RawTable

__all__ = ["BOUND_END", "LONGEST_PIECE", "MOST_LINES", "MOST_PIECES", "WIDER", "is_value_piece", "cell_per_line", "join_cell_lines", "join_fragments", "join_split_words", "reads_complete", "reads_worded"]

_LONGEST_VALUE = 40  # characters of a value cell (≥ 1,234.5 万元)
LONGEST_PIECE = 16  # characters of a wrapped line of a name cell
MOST_LINES = 4  # lines one name wraps over
WIDER = 2  # characters a wrapped cell's later line may run past its first (narrow letters and digits)
#: the start of an item of its own: 指标2:, 2. / 2、 / (2), a ★ mark, a template's …… or score (30分)
_NEW_ITEM = re.compile(r"^(指标\s*\d|\d{1,2}\s*[.、．]|[(（]\s*(\d{1,2}|\d+(\.\d+)?\s*分)\s*[)）]|[★*]|…|\.{3})")
_HEADER_WORD = 4  # characters of a header word that stands alone (指标值, 三级指标)


def is_value_piece(piece: str) -> bool:
    return len(piece) <= _LONGEST_VALUE and bool(VALUE_SHAPE.match(normalize_text(piece)))


def _cut_level(row: list[str], below: list[str], lex: Lexicon) -> tuple[int, list[str], str, list[str]] | None:
    """(the cell, the scores before the level word's end, that end, the line's other pieces) when a
    piece of the line ``below`` ends a level word cut in ``row`` (经济效益指 / 标, after the first
    level's score: ``(20分) 标``), else ``None``."""
    if not below:
        return None
    scores = 0
    while scores < len(below) - 1 and not strip_score(normalize_text(below[scores])):
        scores += 1  # (20分) under 效益指标, before 标 under 经济效益指: the first level's score
    end = normalize_text(below[scores])
    if len(end) > 2:
        return None
    for k, piece in enumerate(row):
        t = normalize_text(piece)
        if len(t) >= 3 and not lex.level_word(t) and lex.level_word(t + end):
            return k, list(below[:scores]), below[scores], list(below[scores + 1:])
    return None


def _name_width(rows: list[list[str]], names: list[int | None]) -> int:
    """The width of the name column's first lines: the widest name piece (``names``: its place in
    each row, :func:`_name_at`) of the rows with a value that at least two rows share (the names
    that wrapped fill the column); 0 when none."""
    counts: dict[int, int] = {}
    for row, at in zip(rows, names):
        if at is not None and not reads_complete(row[at]):
            w = _width(row[at])
            counts[w] = counts.get(w, 0) + 1
    shared = [w for w, n in counts.items() if n >= 2 and w >= 2 * _MIN_WRAPPED]
    return max(shared, default=0)


def _before_bracket(text: str) -> str:
    """A cell's text without a bracket at its end: ``项目(工程)`` reads whole only if ``项目`` does
    (its line may go on: 验收合格率), ``培训人次(人次)`` since ``培训人次`` does."""
    return re.sub(r"[(（][^()（）]*[)）]$", "", text) or text


def _single_chars_joined(pieces: list[str], cells: int) -> list[str]:
    """The pieces of a line below a row, a lone Chinese character joined to the piece after it
    while there are more pieces than open cells (制 度严格执行: one cell's line, set apart at a blank
    the source had inside it)."""
    out = list(pieces)
    k = 0
    while len(out) > cells and k < len(out) - 1:
        if _CJK_CHAR.match(normalize_text(out[k])) and re.match(r"[\u4e00-\u9fff]", normalize_text(out[k + 1])):
            out[k:k + 2] = [out[k] + " " + out[k + 1]]  # the blank kept for the line's width, dropped when joined
        else:
            k += 1
    return out


def _width(piece: str) -> int:
    """The printed width of a piece: a Chinese character (or a full-width sign) two, others one."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in piece.strip())  # a blank inside counts one


def _fragment(row: list[str], lex: Lexicon) -> str | None:
    """The text of a line holding one piece of a wrapped name, else ``None``."""
    if len(row) != 1 or len(row[0]) > 4 * LONGEST_PIECE:
        return None
    t = normalize_text(row[0])
    if not t or len(t) > LONGEST_PIECE or is_value_piece(t) or not re.search(r"[\u4e00-\u9fff]", t):
        return None
    if is_placeholder(t) or _NEW_ITEM.match(t):
        return None
    if lex.level_word(t) or header_role(t, lex) not in (None, "ignore"):
        return None
    if _cut_level_word(t, lex):
        return None
    return t


def _cut_level_word(t: str, lex: Lexicon) -> bool:
    """``t`` is a level word cut off right before its 标 (可持续影响指 at the copy's end), not a name's
    line (满意度 under 受益脱贫(含监测对象)户 is one)."""
    return len(t) >= 3 and t.endswith("指") and _level_start(t, lex.level1 | lex.level2)


def _level_start(t: str, words: frozenset[str] | set[str]) -> bool:
    """``t`` is the start of one of the level ``words``, not the word whole (效 of 效益指标)."""
    return bool(t) and any(w.startswith(t) and w != t for w in words)


def _name_at(row: list[str], lex: Lexicon) -> int | None:
    """The index of the name in a row with values: the last piece of text before its first value
    (a number, a date: 2024年12月, a target in words: 农民群众对农业 明显提高 反映社会效益, or the
    word of a 指标值类型 / 指标性质 column: 工作安排时 定量 按月安排)."""
    first = next((k for k, p in enumerate(row) if is_value_piece(p)), None) \
        or next((k for k, p in enumerate(row) if k and (open_value(p, lex) or _worded_target(p, lex)
                                                         or (normalize_text(p) in SIGN_WORDS and k < len(row) - 1))
                 and not lex.level_word(normalize_text(row[k - 1])) and not is_value_piece(row[k - 1])), None)
    if not first:
        return _name_after_levels(row, lex)
    if first >= 2 and normalize_text(row[first - 1]) in SIGN_WORDS and not is_value_piece(row[first - 2]):
        return first - 2  # 维持时 ≥ 1: the 指标性质 column's sign between the name and its value
    return first - 1 if not is_value_piece(row[first - 1]) else None


def _name_after_levels(row: list[str], lex: Lexicon) -> int | None:
    """The name of a row that starts with its level words and has no value a number or the lexicon
    reads (社会成本指标 对当地文物保 长远): the first piece after the levels, with a piece after it."""
    if not row or not lex.level_word(normalize_text(row[0])):
        return None
    k = next((k for k, p in enumerate(row) if not lex.level_word(normalize_text(p))), None)
    if k is None or k + 1 >= len(row) or lex.level_word(normalize_text(row[k + 1])) or _structural(row[k], lex) \
            or is_sign_off(normalize_text(row[k]), lex) or label_kind(normalize_text(row[k]), lex) \
            or normalize_text(row[-1]) in SIGN_WORDS:  # …配置 定性 / 长期: its value on the line below
        return None
    return k


def _worded_target(piece: str, lex: Lexicon) -> bool:
    """A target in words (明显提高, 健全), not a level word nor a name."""
    t = normalize_text(piece)
    return reads_worded(t) and not lex.level_word(t) and not ends_like_name(t) and header_role(t, lex) is None


def _completes(name: str, pieces: list[str]) -> int:
    """How many of ``pieces`` (taken in turn) make ``name`` end like a name, 0 when none do."""
    text = name
    for k, piece in enumerate(pieces[:MOST_LINES - 1], start=1):
        if piece is None:
            return 0
        text += piece
        if ends_like_name(text):
            return k
    return 0


def _structural(piece: str, lex: Lexicon) -> bool:
    """A level word, or a short header word (三级指标, 指标值): a row of its own."""
    t = normalize_text(piece)
    return bool(lex.level_word(t)) or (len(t) <= _HEADER_WORD and header_role(t, lex) not in (None, "ignore"))


#: 及时性, 合规性, …的持续性影响: a name's end too, for a wrapped cell (not 党性)
_PROPERTY_END = re.compile(r"((及时|合规|规范|有效|准确|完整|安全|稳定|持续|公平|公正|科学|合理|透明|时效|便捷|可靠|"
                           r"真实|一致|针对|实用|适用|严肃|权威|主动|积极)性|影响)$")


@functools.lru_cache(maxsize=16384)
def reads_complete(text: str) -> bool:
    """A cell's text that reads complete: it ends the way a name does, or names a property."""
    return ends_like_name(text) or bool(_PROPERTY_END.search(normalize_text(text)))


def _open_cells(row: list[str], lex: Lexicon) -> list[int]:
    """The cells of a row with a value whose text may go on below: words of three characters or
    more that do not yet end the way a name or an explanation does (…率, …数量, …情况), and a
    value whose unit was cut (``≥100百分``)."""
    out = []
    first = next((k for k, p in enumerate(row) if is_value_piece(p)), len(row))
    name = _name_at(row, lex)
    sign = next((k for k, p in enumerate(row) if name is not None and k > name and normalize_text(p) in SIGN_WORDS), None)
    if sign is not None and first == len(row):
        first = sign + 1  # 工作安排时 定量 按月安排: the target in words after the 指标值类型 word
    for k, piece in enumerate(row):
        t = normalize_text(piece)
        if open_value(t, lex):  # ≥100百分 / 比, ≥3000 / 人, 2024年12月 / 底前
            out.append(k)
            continue
        if is_value_piece(t) or lex.level_word(t) or len(t) < 2 or t.endswith(("。", "；", ";")):
            continue
        if name is not None and name < k < first and _worded_target(t, lex):
            continue  # a whole target in words (明显增加): the line below it is a row of its own
        if k == first and sign is not None and first == sign + 1:
            continue  # that target reads whole
        if name is not None and k == name + 1 and first == len(row) and sign is None:
            continue  # 对当地文物保 长远: the target in words after the name reads whole
        if k > first or (len(t) >= 3 and not reads_complete(_before_bracket(t))):  # after the values: a reason, a note
            out.append(k)
        elif lex.explanation and lex.explanation.match(t) and not t.endswith(("情况", "程度")):
            out.append(k)  # 反映设备设施维保质量 / 情况: an explanation reads whole at its 情况, not at 质量
    return out


def _level_ends(row: list[str], pieces: list[str], lex: Lexicon) -> tuple[list[tuple[int, str]], list[str]]:
    """The first pieces of a line below a row that end its level cells (a score: ``(50分)`` under
    产出指标; the rest of the word: ``指标`` under 可持续影响), each with its cell, and the line's
    other pieces."""
    levels = [k for k, p in enumerate(row) if lex.level_word(normalize_text(p))
              or (pieces and len(normalize_text(p)) >= 3 and lex.level_word(normalize_text(p + pieces[0])))]  # 生态环境成本 / 指标
    ends: list[tuple[int, str]] = []
    for piece in pieces:
        t = normalize_text(piece)
        at = next((k for k in levels if (not ends or k > ends[-1][0])
                   and (not strip_score(t) or (not lex.level_word(t) and lex.level_word(normalize_text(row[k]) + t)))),
                  None)  # 效益指标 under 产出指标 is the next row's level, not the rest of this one
        if at is None:
            break
        ends.append((at, piece))
    return ends, pieces[len(ends):]


def _fit(cell: str, piece: str, lex: Lexicon) -> int:
    """How well ``piece`` goes on ``cell``: the joined text a level word, a name's end, a
    unit or a target in words scores; a cell that already read complete does not."""
    joined = normalize_text(cell + piece)
    if cut_unit(cell, lex):
        return 3 if not cut_unit(joined, lex) and is_value_piece(joined) else -3
    if open_value(cell, lex):  # 2024年12月 / 底前, ≤2000 / 元
        if re.search(r"\d", piece) or not is_value_like(joined, lex):
            return -3
        word = normalize_text(piece)
        unit = word in lex.units or word in lex.unit_aliases
        return 3 if unit or re.search(r"年|月", normalize_text(cell)) else -3  # not 效 of a name's 维持时 / 效
    score = 0
    if lex.level_word(joined):
        score += 3
    if reads_complete(joined) and not reads_complete(cell):
        score += 2
    elif _WORDED_END.search(joined) and not _WORDED_END.search(normalize_text(cell)):
        score += 1
    if reads_complete(cell) or _WORDED_END.search(normalize_text(cell)):
        score -= 2
    return score


def _assign(row: list[str], cells: list[int], pieces: list[str], lex: Lexicon) -> list[int]:
    """The open cells the ``pieces`` of a line go on, in order: of every choice keeping their
    order, the one whose joined texts fit best (:func:`_fit`); the first cells on a tie."""
    n, m = len(pieces), len(cells)
    if n == m:
        return cells
    best: dict[tuple[int, int], tuple[int, list[int]]] = {}

    def go(p: int, c: int) -> tuple[int, list[int]]:  # pieces p.. on cells c..
        if p == n:
            return 0, []
        if m - c < n - p:
            return -10**6, []
        if (p, c) not in best:
            fit, rest = go(p + 1, c + 1)
            take = (fit + _fit(row[cells[c]], pieces[p], lex), [cells[c]] + rest)
            skip = go(p, c + 1)
            best[(p, c)] = take if take[0] >= skip[0] else skip
        return best[(p, c)]

    return go(0, 0)[1]


def _goes_on(cells: list[int], pieces: list[str], lex: Lexicon) -> bool:
    """Whether the line of ``pieces`` is the rest of the open ``cells`` of the row above, in their
    order: no more pieces than open cells, none a value, a level or a header word."""
    if not pieces or len(pieces) > len(cells) or any(is_value_piece(p) or _structural(p, lex) for p in pieces):
        return False
    if len(pieces) == 1 and _cut_level_word(normalize_text(pieces[0]), lex):
        return False  # 可持续影响指 alone on the last line: a level word cut off, not the row's rest
    if any(is_placeholder(p) or _NEW_ITEM.match(normalize_text(p)) or is_sign_off(normalize_text(p), lex)
           for p in pieces):  # 填报人： 联系电话：: the form's sign-off below the table
        return False
    return all(len(normalize_text(p)) <= LONGEST_PIECE for p in pieces)


_CJK_CHAR = re.compile(r"^[\u4e00-\u9fff]$")
_SCORE = re.compile(r"\d{1,3}(\.\d{1,2})?")  # a row's score in the last column (得分)
_LONGEST_LINE = 2_000  # characters of a line that can hold a row's cells
MOST_PIECES = 200  # pieces of one line worth joining (a form's row has a few dozen cells at most)
_MIN_WRAPPED = 4  # characters of a cell's first line that wrapped (the column's width)


#: a target in words, not a name: it ends the way such a target does (效果明显, 符合相关规定, 严格执行…规定)
_BOUND = r"\d[^\W\d_]{0,3}(?:以上|以下|以内)"  # …54周岁以上: a bound in words
BOUND_END = re.compile(_BOUND + "$")  # a value in words ending in its bound (存在18岁以下、54周岁以上): no name ends so
_WORDED_END = re.compile(r"(明显|显著|提高|提升|改善|完善|健全|规范|完成|达标|合格|规定|有效|良好|持续|稳定|增加|减少|降低|到位|及时|满意|指标|通过|通过\S{0,10}验收|"
                         + _BOUND + ")$")
_WORDED_START = re.compile(r"^(完成|实现|确保|保障|按时|做好|加强|推进|开展|严格|符合|达到|低于|高于|不低于|不超过)")
#: the end of a label of the form's other words, beside the lexicon's facts labels (facts.label_kind)
_LABEL_END = re.compile(r"(名称|类别|性质|属性|用途|期限|负责人|电话|日期|时间)$")


@functools.lru_cache(maxsize=16384)
def reads_worded(text: str) -> bool:
    """A cell's text that ends the way a target in words does (逐步完善, 效果明显, 符合相关规定)."""
    return bool(_WORDED_END.search(normalize_text(text)))


def _joins_word(left: str, right: str, lex: Lexicon) -> bool:
    """Two short pieces that are one level or header word set out across lines (一级 指标)."""
    a, b = normalize_text(left), normalize_text(right)
    joined = a + b
    return len(a) <= _HEADER_WORD and len(b) <= _HEADER_WORD and a not in lex.run_words \
        and not lex.level_word(a) and (bool(lex.level_word(joined)) or joined in lex.run_words)


def _joins_date(left: str, right: str, lex: Lexicon) -> bool:
    """A year and the rest of its deadline set apart by a blank (2023年 年底前, 2024年 12月底前)."""
    a, b = normalize_text(left), normalize_text(right)
    return bool(re.fullmatch(r"(19|20)\d{2}年度?", a)) and not re.fullmatch(r"(19|20)\d{2}年度?", b) \
        and lex.due(b) is not None and lex.due(a + b) is not None


def _joins_name(left: str, right: str, lex: Lexicon) -> bool:
    """Two pieces before a row's values that are one name whose second line a converter put
    beside its first (县级储备粮管理制 度严格执行率): the first no value, label, level or header
    word and no whole name, the second no unit, level or header word, no target in words, and
    the two ending like a name."""
    a, b = normalize_text(left), normalize_text(right)
    if len(a) < _MIN_WRAPPED or len(a) < len(b) or is_value_piece(a) or re.match(r"[\d(（]", b) or ends_like_name(a) \
            or _LABEL_END.search(a) or label_kind(a, lex):  # a first line fills its column; the rest is no longer
        return False
    if lex.level_word(a) or lex.level_word(b) or header_role(a, lex) or header_role(b, lex) or b.endswith("指标") \
            or b in SIGN_WORDS:  # 业务工作支 定量: the 指标值类型 column's word beside a name's first line
        return False
    if b in lex.units or lex.unit_aliases.get(b, "") in lex.units or _WORDED_END.search(a) or _WORDED_START.match(a) \
            or (_WORDED_END.search(b) and not ends_like_name(b)) or AIM_START.match(b):  # 效果明显, but not 度严格执行率
        return False  # 提高普及率 beside 科普知识网络竞赛: an aim in words, the row's target
    return bool(re.search(r"[\u4e00-\u9fff]", a)) and ends_like_name(a + b)


def join_split_words(table: RawTable, lex: Lexicon) -> RawTable:
    """``table`` (rows of pieces split at blanks) with the pieces of one cell joined again: a run
    of single characters that makes a level or header word (产 出 指 标), two short pieces that do
    (一级 指标), and, before the first value of a row that has one, a name's two lines
    (:func:`_joins_name`); a level label written down its lines first put back on its row
    (:func:`~analytics.ingest.tables.breaks.labels_down`)."""
    table = labels_down(table, lex)
    rows: list[list[str]] = []
    after_name: int | None = None  # the header's columns from its name column on, once a header is passed
    for row in table.rows:
        if len(row) > MOST_PIECES:  # no row of a form: a whole text on one line, read the other ways
            rows.append(row)
            continue
        first_value = next((k for k, p in enumerate(row) if is_value_piece(p)), len(row))
        out: list[str] = []
        k = 0
        while k < len(row):
            end = k
            while end < len(row) and _CJK_CHAR.match(row[end]):
                end += 1
            word = "".join(row[k:end])
            if end - k >= 2 and (lex.level_word(word) or word in lex.run_words):  # 产 出 指 标, 绩 效 指 标
                out.append(word)
                k = end
                continue
            piece = row[k]
            # every column from the name filled, down to the last column's score (a name's second line
            # beside it leaves a column short: 县级储备粮管理制 度严格执行率 100% 100%, no score)
            fit = after_name is not None and len(row) - (k - 1) == after_name and bool(_SCORE.fullmatch(row[-1]))
            if out and (_joins_word(out[-1], piece, lex) or _joins_date(out[-1], piece, lex)
                        or (k < first_value < len(row) and not fit and _joins_name(out[-1], piece, lex))):
                out[-1] += piece
            else:
                out.append(piece)
            k += 1
        roles = [header_role(p, lex) for p in out]
        if after_name is None and "name" in roles and "value" in roles and lex.score_header.search(out[-1]):
            after_name = len(out) - roles.index("name")  # 三级指标 | 年初目标值 | 实际完成值 | 得分: 4
        rows.append(out)
    if rows == table.rows:
        return table
    return dataclasses.replace(table, rows=rows)


def join_fragments(table: RawTable, lex: Lexicon) -> RawTable:
    """``table`` (rows of pieces split at blanks) with wrapped names joined (see the module's help)."""
    rows = [list(r) for r in table.rows]
    refs = list(table.refs)
    frags = [_fragment(r, lex) for r in rows]
    out_rows: list[list[str]] = []
    out_refs: list[str] = []
    names = [_name_at(r, lex) for r in rows]
    column = _name_width(rows, names)
    i = 0
    while i < len(rows):
        row = rows[i]
        at = names[i]
        if at is None and column and 2 <= len(row) <= 3 and _width(row[0]) >= column - 1 and i + 1 < len(rows) \
                and _fragment(rows[i + 1], lex) is not None and not _structural(row[0], lex) \
                and not reads_complete(row[0]) and not any(is_value_piece(p) for p in row):
            at = 0  # 经费支出时 及时支出 / 效性: a name as wide as the names that wrapped, its target in words
        if at is not None:  # top: the wrapped cells of a row with a value go on on the lines below it
            row = list(row)
            first_width = [_width(p) for p in row]  # a wrapped cell's first line fills its column
            closed: set[int] = set()  # cells whose last line was shorter: they end there
            full: set[int] = set()  # cells whose last line below filled the column: they may go on though whole
            j = i + 1
            while j < len(rows) and j - i < MOST_LINES + 2:
                ends, pieces = _level_ends(row, rows[j], lex)
                ended = list(row)
                for k, piece in ends:
                    ended[k] += piece  # 经济效益指 / 标: the level word whole before the rest is placed
                cells = sorted({k for k in _open_cells(ended, lex) if k not in closed} | full)  # 设施数 / 量
                pieces = _single_chars_joined(pieces, len(cells))
                if pieces and not _goes_on(cells, pieces, lex):
                    break
                if j == len(rows) - 1 and len(pieces) == 1 and _level_start(normalize_text(pieces[0]), lex.level1):
                    break  # 效 on the copy's last line: the next block's level word, cut off where the copy stops
                row = ended
                for k, piece in zip(_assign(row, cells, pieces, lex), pieces):
                    row[k] += piece.replace(" ", "")
                    if _width(piece) < first_width[k] - 1:
                        closed.add(k)
                        full.discard(k)
                    elif not is_value_piece(row[k]):
                        full.add(k)
                j += 1
            out_rows.append(row)
            out_refs.append(refs[i])
            i = j
            continue
        cut = _cut_level(row, rows[i + 1], lex) if i + 1 < len(rows) else None
        if cut is not None:  # 效益指标 经济效益指 未达指标值 / 标 酌情扣分: a level word wrapped in a row with no name
            k, scores, end, rest = cut
            row = list(row)
            row[k] += end
            if lex.level_word(normalize_text(row[0])):
                row[0] += "".join(scores)  # the score goes on the first level: 效益指标(20分)
            cells = [c for c in _open_cells(row, lex) if c > k]
            if not rest or _goes_on(cells, rest, lex):
                for c, piece in zip(_assign(row, cells, rest, lex), rest):
                    row[c] += piece
                out_rows.append(row)
                out_refs.append(refs[i])
                i += 2
                continue
            row = rows[i]
        frag = frags[i]
        if frag is not None and not ends_like_name(frag) and i + 1 < len(rows):
            middle = rows[i + 1]  # centred: the value on a line between the name's lines
            if middle and all(is_value_piece(p) for p in middle):
                n = _completes(frag, frags[i + 2:i + 1 + MOST_LINES])
                if n:
                    out_rows.append([frag + "".join(frags[i + 2:i + 2 + n])] + middle)  # type: ignore[arg-type]
                    out_refs.append(refs[i])
                    i += 2 + n
                    continue
            at = _name_at(middle, lex)
            if at == 0 and not ends_like_name(middle[0]):  # centred, the name's middle line beside its value
                n = _completes(frag + middle[0], frags[i + 2:i + 1 + MOST_LINES])
                if n:
                    out_rows.append([frag + middle[0] + "".join(frags[i + 2:i + 2 + n])] + middle[1:])  # type: ignore[arg-type]
                    out_refs.append(refs[i])
                    i += 2 + n
                    continue
            if at == 0 and ends_like_name(frag + middle[0]):
                out_rows.append([frag + middle[0]] + middle[1:])
                out_refs.append(refs[i])
                i += 2
                continue
        out_rows.append(row)
        out_refs.append(refs[i])
        i += 1
    if out_rows == table.rows:
        return table
    return dataclasses.replace(table, rows=out_rows, refs=out_refs)


def join_cell_lines(table: RawTable, lex: Lexicon, apart: bool = False) -> RawTable:
    """A one-cell-a-line text whose wrapped cells came apart line by line (a PDF viewer's copy in
    the order the PDF draws its cells: ``办公大楼日`` / ``常维修维护`` / ``次数``): a line whose last
    word is no whole name takes the fragment lines after it that complete one (see
    :func:`_fragment` and :func:`_completes`); every other line stays as it is. ``apart``: the lines
    were cut at blanks (:func:`cell_per_line`), so a piece may be shorter than its cell's line."""
    if table.fmt != "text-lines":
        return table
    lines = [r[0] if r else "" for r in table.rows]
    frags = [_fragment([ln], lex) if ln and " " not in ln.strip() else None for ln in lines]
    rows: list[list[str]] = []
    refs: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        words = line.split() if len(line) <= _LONGEST_LINE else []  # a whole text on one line: no cell
        last = normalize_text(words[-1]) if words else ""
        if last and len(last) >= 3 and not is_value_piece(last) and not lex.level_word(last) \
                and not is_figure(last, lex) \
                and header_role(last, lex) is None and not ends_like_name(last) and not last.endswith(("。", "；", ";", "性")) \
                and re.search(r"[\u4e00-\u9fff]", last) and "%" not in last and not _WORDED_END.search(last) \
                and not _WORDED_START.match(last):
            n = _completes(last, frags[i + 1:i + MOST_LINES])
            rest = frags[i + 1:i + 1 + n]
            # a cell's first line fills its column (no later line is longer, and a short line before a longer
            # one ends its cell: 文化传承影响 / 长远 / 提升博物馆绿化水平 — unless the lines were cut at blanks,
            # ``apart``, where a line's piece may be short); an explanation (反映…) is its own cell
            if n and all(len(f or "") <= len(last) for f in rest) and not "".join(f or "" for f in rest).endswith("指标") \
                    and (apart or all(len(b or "") <= len(a or "") + WIDER for a, b in zip(rest, rest[1:]))) \
                    and not (lex.explanation and any(lex.explanation.search(f or "") for f in rest)):
                rows.append([line + "".join(rest)])  # type: ignore[arg-type]
                refs.append(table.refs[i])
                i += 1 + n
                continue
        rows.append(list(table.rows[i]))
        refs.append(table.refs[i])
        i += 1
    if len(rows) == len(table.rows):
        return table
    return dataclasses.replace(table, rows=rows, refs=refs)


_NUMBER_UNIT_GAP = re.compile(r"(?<=\d)\s+(?=[^\d\s]{1,4}(\s|$))")  # 2280 次, 20 万元: one cell


_MOST_CELLS = 20_000  # cells of a text set out one a line (a form is a few hundred)


def cell_per_line(table: RawTable) -> RawTable | None:
    """A text whose lines hold several cells at blanks (the cells of a row at one height, in a
    PDF's drawing order) set out one cell a line, a number and its unit kept together; ``None``
    for a text of more than ``_MOST_CELLS`` cells (no form: not worth the time)."""
    if table.fmt != "text-lines":
        return table
    if sum(len((row[0] if row else "").split()) for row in table.rows[:_MOST_CELLS]) > _MOST_CELLS \
            or sum(len(row[0]) if row else 0 for row in table.rows) > 40 * _MOST_CELLS:
        return None
    rows: list[list[str]] = []
    refs: list[str] = []
    for row, ref in zip(table.rows, table.refs):
        for cell in _NUMBER_UNIT_GAP.sub("", row[0] if row else "").split():
            rows.append([cell])
            refs.append(ref)
    if rows == table.rows:
        return table
    return dataclasses.replace(table, rows=rows, refs=refs, lines=[])
