"""Text with one cell per line (copied out of a PDF or a web page): the rows are rebuilt from the
header. The header's cells are the header words at the top of the table; a row starts at an
indicator name (after any level labels) and takes, for each column after the name, the next line
when it fits that column (a value, a unit, a score). Blank cells vanish in such a copy, so a line
that does not fit leaves its column blank; a cell wrapped over lines is joined (what a line can be,
and when a piece goes on the line before it: :mod:`.linecells`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import (GENERIC_NAMES, SIGN_ONLY, TYPE_WORDS, header_role, header_year, is_figure,
                                           is_place_name, is_placeholder, is_value_like, names_under_level2)
from analytics.ingest.tables.facts import is_section_heading, is_sign_off, label_kind
from analytics.ingest.tables.layout import is_other_header, pick_name
from analytics.ingest.tables.linecells import (COMPUTED, UNIT_NOTE, WORD_RE, closes, cut_word, dangles, described_value,
                                               description_goes_on, ends_name, goes_on, header_goes_on, level_ahead,
                                               line_fits, names_property, narrower, note_goes_on, runs_to_value,
                                               sentence_rest, signs_joined, starts_value, unit_bracket_end,
                                               wraps_to_name)
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.sources import RawTable
from analytics.ingest.tables.wrapped import LONGEST_PIECE, reads_complete

__all__ = ["header_cells", "join_wrapped_words", "rebuild_rows"]

_SCORE_TAIL = re.compile(r"[(（]\d{1,3}(\.\d)?分?[)）]?|\d{1,3}(\.\d)?分[)）]?")
_SEQ_HEADER = re.compile(r"(序号|编号|序)")  # a column numbering the rows, before the first header word
_HEADER_SCAN = 80  # lines looked at for a header run into a note
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_REFLECTS = re.compile(r"^(主要)?反映|^该指标")  # an explanation's start, never a value's
_MEASURE_END = re.compile(r"(率|度|比例|比重|占比|性|数|量)$")  # a name ending in what it measures
_UNIT_TAIL = re.compile(UNIT_NOTE.pattern + "$")  # …(户), …(万元): a name's unit in brackets at its end
_MASKED_IN_WORDS = re.compile(r"^[^\W\d_]{2,}.*[≥≤><]=?\*+")  # 贫困村收入(≥**万元): words, then a template's masked bound
_OWN_NAME = re.compile(r"(三级|名称)")  # the indicator's own name column, not its description (指标内容)
_PAGE = re.compile(r"^(第\d+页(共\d+页)?|[-—]\s*\d+\s*[-—]|\d+/\d+|\d{1,3})$")


def _places(lines: list[str], j: int, lex: Lexicon) -> list[str]:
    """The place names right after the header words, when a level word follows them: the value
    columns of a table with one target column per place (新罗区 / 永定区, 笏石街道办 / 埭头镇)."""
    out: list[str] = []
    while j < len(lines) and len(out) < 16:
        t = normalize_text(lines[j])
        if not is_place_name(t) or lex.level_word(t) or header_role(t, lex):
            break
        out.append(t)
        j += 1
    return out if out and j < len(lines) and lex.level_word(lines[j]) else []


def _years_below(lines: list[str], j: int) -> list[str]:
    """The year lines (2016年, 2017年度) from line ``j`` on: the columns under a value header."""
    out: list[str] = []
    while j < len(lines) and len(out) < 12 and re.fullmatch(r"(19|20)\d{2}年度?", normalize_text(lines[j])):
        out.append(normalize_text(lines[j]))
        j += 1
    return out


def _header(lines: list[str], lex: Lexicon) -> tuple[int, list[str], list[str], int] | None:
    """(first line, header cells, place-named value columns after them, line after the header)."""
    for h, line in enumerate(lines):
        if header_role(line, lex) not in ("level1", "level2", "name") or len(normalize_text(line)) > 10:
            continue
        cells: list[str] = []
        j = h
        while j < len(lines) and len(cells) < 16:
            t = normalize_text(lines[j])
            years = _years_below(lines, j + 1) if header_role(t, lex) == "value" and header_year(t) is None else []
            if len(years) >= 2:  # 预期值 over 2016年 / 2017年 / 2018年: one column per year
                cells.extend(t + y for y in years)
                j += 1 + len(years)
                continue
            if re.fullmatch(r"\d{4}年度?", t) and j + 1 < len(lines) and header_year(lines[j + 1]) is None \
                    and header_role(lines[j + 1], lex) == "value":
                cells.append(t + normalize_text(lines[j + 1]))
                j += 2
                continue
            words = _run_words(t, lex) if cells and " " not in lines[j].strip() else None  # (not a line of header
            # words set apart by blanks: the ways that split at blanks read those)
            if words and (header_role(t, lex) is None or header_role(t, lex) != "value"
                          and any(header_role(w, lex) == "value" for w in words)):
                # 绩效指标描述指标值: header cells run together on one line (the value column's among them)
                cells.extend(words)
                j += 1
                continue
            if cells and header_role(t, lex) is None and header_goes_on(cells[-1], t, lex):
                cells[-1] += t  # 偏差原因分析及改 / 进措施: a header cell wrapped
                j += 1
                continue
            if header_role(t, lex) is None and j + 1 < len(lines) \
                    and header_role(t + normalize_text(lines[j + 1]), lex) is not None:
                cells.append(t + normalize_text(lines[j + 1]))  # a header wrapped onto two lines (年度/指标值)
                j += 2
                continue
            if header_role(t, lex) is None or len(_BRACKETED.sub("", t)) > 16:
                break  # (a note in brackets is no length: 实际完成指标值(包含数字及文字描述))
            cells.append(t)
            j += 1
        roles = [header_role(c, lex) for c in cells]
        while len(cells) > 1 and cells[-1] in GENERIC_NAMES and "value" in roles[:-1] and "name" in roles[:-1]:
            cells, roles, j = cells[:-1], roles[:-1], j - 1  # 绩效指标 after 指标值: a merged label in the body's middle
        cells, roles = _two_rows(cells, roles)
        places = _places(lines, j, lex)
        if ("value" in roles or places) and "name" in roles + (["name"] if "level2" in roles else []):
            if h > 0 and _SEQ_HEADER.fullmatch(normalize_text(lines[h - 1])):
                return h - 1, [normalize_text(lines[h - 1]), *cells], places, j + len(places)  # 序号 first
            return h, cells, places, j + len(places)
    return None


def _run_words(text: str, lex: Lexicon) -> list[str] | None:
    """``text`` cut into two header words or more of the lexicon (``headers.run_words``, longest
    first at each place: 绩效指标描述指标值 → 绩效指标描述 | 指标值), or ``None`` when it is not made of them."""
    out: list[str] = []
    at = 0
    while at < len(text):
        word = next((w for w in lex.run_words if text.startswith(w, at)), None)
        if word is None:
            return None
        out.append(word)
        at += len(word)
    return out if len(out) >= 2 else None


def _two_rows(cells: list[str], roles: list[str | None]) -> tuple[list[str], list[str | None]]:
    """A two-row header one cell a line: 绩效指标 (merged over 一级 | 二级 | 三级) and the columns merged
    down both rows (年度指标值 | 实际完成值 | 分值) come first, the second row's cells after them; the
    columns are the second row's, then the others (a first-row value word over second-row value
    columns, 年度指标值 over 指标性质 | 指标值 | 度量单位, is no column of its own; a description column,
    指标内容, merged down both rows before 一级指标 | 二级指标 | 三级指标 goes after them too)."""
    while len(cells) > 1 and normalize_text(cells[1]) == normalize_text(cells[0]) in GENERIC_NAMES:
        cells, roles = cells[1:], roles[1:]  # 绩效指标 written into each column it spans
    first_name = next((i for i in range(1, len(roles)) if roles[i] == "name"), 0)
    k = next((i for i in range(1, len(roles)) if roles[i] in ("level1", "level2")), 0)
    if not k or (first_name and first_name < k and _OWN_NAME.search(normalize_text(cells[first_name]))):
        k = first_name  # (a description, 指标内容, merged down both rows stands before the levels; a 三级指标 never does)
    if len(cells) < 4 or normalize_text(cells[0]) not in GENERIC_NAMES or k < 2 or "value" not in roles[1:k]:
        return cells, roles
    first = list(range(1, k))
    if "value" in roles[k:]:
        first.remove(next(i for i in first if roles[i] == "value"))
    order = list(range(k, len(cells))) + first
    return [cells[i] for i in order], [roles[i] for i in order]


def header_cells(lines: list[str], lex: Lexicon) -> tuple[int, list[str], int] | None:
    """(first line, header cells, line after the header) of the first header in ``lines`` with no
    place-named value columns after it, or None."""
    found = _header(lines, lex)
    return None if found is None or found[2] else (found[0], found[1], found[3])


def _valued(lines: list[str], at: int, lex: Lexicon) -> bool:
    """Line ``at`` is a figure (≧15组, 100%): the line before it names a row, even when numbered like
    a report's heading (二、化肥减量增效田间试验)."""
    return at < len(lines) and is_figure(lines[at], lex)


def _heading_names_row(lines: list[str], at: int, lex: Lexicon, explains: bool) -> bool:
    """Line ``at``, numbered like a report's heading (二、化肥减量增效), names a row: a figure follows it,
    after the rest of the name wrapped on one line (二、化肥减量 / 增效田间试验 / ≧15组) and, under a
    指标解释 column, after the row's explanation and its wrapped lines (三、土样植株化验 / 反映三、土样植株 /
    情况 / ≧60个)."""
    j = at + 1
    if j < len(lines) and len(normalize_text(lines[j])) <= LONGEST_PIECE and not _valued(lines, j, lex) \
            and not (explains and lex.explanation and lex.explanation.match(normalize_text(lines[j]))):
        j += 1  # the name's rest
    return _valued(lines, _past_explanation(lines, j, lex) if explains else j, lex)


def _past_explanation(lines: list[str], at: int, lex: Lexicon) -> int:
    """The line after the explanation starting at line ``at`` (反映二、化肥减量 / 情况: its wrapped lines
    too), or ``at`` when no explanation starts there."""
    if at >= len(lines) or not (lex.explanation and lex.explanation.match(normalize_text(lines[at]))):
        return at
    note, j = normalize_text(lines[at]), at + 1
    while j < len(lines) and note_goes_on(note, lines[j], lex):
        note += normalize_text(lines[j])
        j += 1
    return j


def _explained_value(lines: list[str], at: int, lex: Lexicon) -> bool:
    """Line ``at`` starts an explanation (反映质量指标情况, wrapped or not) and a value follows it: the
    word before it names its row (a form naming its rows by their second level)."""
    j = _past_explanation(lines, at, lex)
    return at < j < len(lines) and is_value_like(normalize_text(lines[j]), lex) and not lex.level_word(lines[j])


def _other_header(lines: list[str], at: int, lex: Lexicon) -> int:
    """How many lines from ``at`` (序号) make another table's header (序号 | 学校性质 | 培训机构 |
    培训补助标准(元/人) | …, see :func:`~analytics.ingest.tables.layout.is_other_header`), or 0."""
    cells = [normalize_text(x) for x in lines[at:at + 12]]
    return next((n for n in range(len(cells), 2, -1) if is_other_header(cells[:n], lex)), 0)


def _named_like_column(t: str, after: list[str], lex: Lexicon, described: bool) -> bool:
    """An indicator whose name holds an ignored column's word (赛事完成率, like 完成率; 补贴标准, like
    绩效标准), its value on the next line (or the one after, past its description when the table has
    a column for it, or its explanation, 反映…): a row, not a repeated header."""
    values = [v for v in (normalize_text(x) for x in after) if not (lex.explanation and lex.explanation.match(v))]
    values = values[:2 if described else 1]
    return header_role(t, lex) == "ignore" and len(t) > 3 and bool(values) \
        and is_value_like(values[-1], lex)


_ONE_CHAR = re.compile(r"^[\u4e00-\u9fff]$")
_SHORT = re.compile(r"^[\u4e00-\u9fff]{1,3}$")
_TAILS = ("指标", "目标", "值", "名称", "指标值")  # the last piece of a wrapped header cell (一级 / 指标)


def _vertical_words(lines: list[str], refs: list[str], lex: Lexicon) -> tuple[list[str], list[str]]:
    """A label broken over lines comes out of a copy in pieces, one a line: a merged label written
    top to bottom (绩 / 效 / 指 / 标, 产 / 出 / 指 / 标: one character a line) or a narrow header
    cell (一级 / 指标, 年度 / 目标 / 值: two or three short pieces). A run of single characters
    becomes the longest header, level or facts word it starts with; two or three short pieces
    become the word they spell, and a level word followed by 指标 alone (社会效益 / 指标) the level
    word with it. Each joined word takes the first line's place."""
    def role(t: str) -> str | None:
        level = lex.level_word(t)
        return header_role(t, lex) or (level[0] if level else None) or label_kind(t, lex)

    def word(t: str) -> bool:
        return role(t) is not None

    def joined(a: int, b: int) -> str:
        return "".join(normalize_text(x) for x in lines[a:b])

    def pieces_of(a: int, b: int) -> bool:
        """The pieces are parts of the one word, not cells of their own (指标 / 预期值 are two)."""
        whole = role(joined(a, b))
        first = role(normalize_text(lines[a]))
        return first in (None, whole) and all(
            normalize_text(x) in _TAILS and not (first and b == a + 2 and whole != "value" and normalize_text(x) == "指标值")
            or (len(normalize_text(x)) >= 2 and role(normalize_text(x)) is None)
            for x in lines[a + 1:b])  # a single character starts a label written top to bottom; 分值 / 指标值 are two

    out, places = [], []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and j - i < 12 and _ONE_CHAR.match(normalize_text(lines[j])):
            j += 1
        k = i + 1
        here = normalize_text(lines[i])
        if i + 1 < len(lines) and normalize_text(lines[i + 1]) == "指标" and not here.endswith("指标") \
                and lex.level_word(here):
            k = i + 2  # 社会效益 / 指标: a level word whose 指标 wrapped onto a line of its own
        elif j - i >= 2:  # single characters: the longest word from the first on
            k = next((k for k in range(j, i + 1, -1) if word(joined(i, k))), i + 1)
        else:  # short pieces: the word of three, else of two
            m = i
            while m < len(lines) and m - i < 3 and _SHORT.match(normalize_text(lines[m])):
                m += 1
            k = next((k for k in range(m, i + 1, -1) if word(joined(i, k)) and pieces_of(i, k)), i + 1)
        out.append(joined(i, k) if k > i + 1 else lines[i])
        places.append(refs[i])
        i = k
    return out, places


def join_wrapped_words(table: RawTable, lex: Lexicon) -> RawTable:
    """``table`` (one cell a line) with the labels broken over lines joined (see
    :func:`_vertical_words`); the same table when none is."""
    lines, places = _vertical_words([r[0] if r else "" for r in table.rows], list(table.refs), lex)
    if len(lines) == len(table.rows):
        return table
    return RawTable(table.fmt, [[ln] for ln in lines], places, table.sheet, table.merged, list(table.sheets), table.lines)


def _label_around(name: str, after: str, lex: Lexicon) -> tuple[str, str, str] | None:
    """``(level, word, name)`` when the start of ``name`` and the line ``after`` the row's values make
    a level word the lexicon knows (社会公众或服务 + 对象满意度指标): a merged label centred on its one row,
    its lines on either side of the row's own; ``name`` is then the rest (政策满意度)."""
    if not after or len(name) < 4 or after in lex.level1 | lex.level2:
        return None
    for k in range(2, len(name) - 1):
        joined = name[:k] + after
        if joined in lex.level1 | lex.level2:
            word = lex.level_word(joined)
            return None if word is None else (word[0], word[1], name[k:])
    return None


_FIRST_HEADER = re.compile(r"(一级指标|二级指标|三级指标|指标名称)$")


def _glued_header(table: RawTable, lex: Lexicon) -> RawTable:
    """``table`` with a note run into the header's first word (``…请以附件为准)一级指标`` over
    二级指标 / 指标名称 / …, a page's text recognised from an image) cut into the note and the word; a line of
    header words set apart by blanks (``一级指标 二级指标 三级指标``) is no such line."""
    for k, row in enumerate(table.rows[:_HEADER_SCAN]):
        t = normalize_text(row[0]) if row else ""
        m = _FIRST_HEADER.search(t)
        if m and m.start() >= 4 and len(row[0].split()) == 1 and k + 1 < len(table.rows) and table.rows[k + 1] \
                and header_role(table.rows[k + 1][0], lex) in ("level2", "name", "value"):
            rows = [*table.rows[:k], [t[:m.start()]], [m.group(1)], *table.rows[k + 1:]]
            refs = [*table.refs[:k + 1], *table.refs[k:]]
            return RawTable(table.fmt, rows, refs, table.sheet, table.merged, list(table.sheets), table.lines)
    return table


def _name_goes_on(name: str, lines: list[str], i: int, lex: Lexicon, explains: bool, described: bool,
                  next_row: Callable[[int], bool]) -> bool:
    """Line ``i`` is the rest of the name ``name`` wrapped in its cell (one cell a line): a line that
    is no value (unless it closes the name's bracket, ends it or follows a word no name ends on), no
    level, nature or sign word and no explanation of its own, and that goes on the name: a bracket or
    quotation left open, a name that does not read complete before a value or explanation, a word
    cut, a name over three lines, or a description after it (see :mod:`.linecells`)."""
    if is_placeholder(name) or i >= len(lines) or is_placeholder(lines[i]):
        return False
    t = normalize_text(lines[i])
    if line_fits(lines[i], "value", lex) and not (closes(name, lines[i]) or ends_name(name, lines[i], lex)
                                                  or dangles(name, lines[i], lex) or _MASKED_IN_WORDS.search(t)
                                                  or not re.search(r"\d", t) and runs_to_value(name, lines, i, lex, explains)):
        return False  # (因粮食市场波动引 / 起的粮食安全事 / 件发生数 / 0起: words read as a target, a name's middle;
        # 乡村旅游带动增加 / 贫困村收入(≥**万元): words and a template's masked bound, never a value)
    if lex.level_word(lines[i]) or level_ahead(lines, i, lex) or t in TYPE_WORDS or SIGN_ONLY.fullmatch(t) \
            or (explains and lex.explanation and lex.explanation.match(t)) or t == normalize_text(name):
        return False
    if name.count("（") + name.count("(") > name.count("）") + name.count(")") \
            or name.count("“") > name.count("”") or name.count("《") > name.count("》"):
        return True
    nxt = normalize_text(lines[i + 1]) if i + 1 < len(lines) else None
    explained = explains and nxt is not None and bool(lex.explanation and lex.explanation.match(nxt))
    if nxt is not None and (starts_value(nxt, lex) or explained and narrower(name, lines[i], lex)) \
            and (not reads_complete(name) or unit_bracket_end(name, lex) and reads_complete(lines[i])) \
            and not next_row(i + 1) and (not described or len(t) <= 3):
        return True  # 经费支 / 出合规性 / 严格执行…: a name that does not read complete before its value
    if nxt is not None and _MASKED_IN_WORDS.search(t) and not reads_complete(name) and (starts_value(nxt, lex) or explained) \
            and not next_row(i + 1):
        return True  # 乡村旅游带动增加 / 贫困村收入(≥**万元) / 反映…: the name's end, its masked bound (wider, joined before)
    if nxt is not None and names_property(t) and starts_value(nxt, lex) and narrower(name, lines[i], lex) \
            and not next_row(i + 1) and not _MEASURE_END.search(normalize_text(name)):
        return True  # 补助经费 / 到位及时性 / 及时: a property's name (…性) is no value, and no row goes without
        # one (a name ending in its measure, 合同结算条款完成率, is a row left empty before the next)
    if nxt is not None and _UNIT_TAIL.search(t) and not _UNIT_TAIL.search(normalize_text(name)) \
            and (starts_value(nxt, lex) or explained) \
            and narrower(name, lines[i], lex) and not next_row(i + 1) and not _MEASURE_END.search(normalize_text(name)):
        return True  # 四、农户施肥情况 / 调查(户) / ≧300户 (or / 反映…): the name's end, its unit in brackets (a row
        # goes with a value or its explanation)
    return (cut_word(name, lines[i]) and nxt is not None and (starts_value(nxt, lex) or described and len(t) <= 2)) \
        or ends_name(name, lines[i], lex) or runs_to_value(name, lines, i, lex, explains) or dangles(name, lines[i], lex) \
        or (described and not reads_complete(name) and reads_complete(name + lines[i].strip())
            and narrower(name, lines[i], lex) and described_value(lines, i + 1, lex))


def _alternative_wrapped(word: str, lines: list[str], at: int, lex: Lexicon) -> int:
    """How many lines from ``at`` hold the alternative in brackets a level word names wrapped below it
    (时效指标 / (工期指 / 标), 数量指标 / (或建筑 / 规模指标 / )), or 0: lines from an opening bracket up to
    the one closing it that name another level (…指标, 或…) and make, with the word, a level word of the
    lexicon."""
    if at >= len(lines) or not normalize_text(lines[at]).startswith("("):
        return 0
    text = word
    for n in range(1, 4):
        if at + n > len(lines):
            return 0
        text += normalize_text(lines[at + n - 1])
        if text.count("(") == text.count(")"):
            alternative = text[len(word):]
            return n if ("指标" in alternative or alternative.startswith("(或")) and lex.level_word(text) else 0
    return 0


def rebuild_rows(table: RawTable, lex: Lexicon) -> RawTable:
    """A grid rebuilt from a one-cell-per-line text (unchanged when no header is found). One
    function on purpose: the facts, the header and the rows are one pass over the same lines,
    each step moving the same cursor. Labels broken over lines are joined first
    (:func:`join_wrapped_words`, done once by :func:`~analytics.ingest.tables.parse_table`)."""
    table = _glued_header(table, lex)
    lines = [r[0] for r in table.rows]
    found = _header(lines, lex)
    if found is None:
        return table
    if "comparator" not in {header_role(c, lex) for c in found[1]}:
        table = signs_joined(table, found[3])
        lines = [r[0] for r in table.rows]
    h, header, places, end = found
    if not places and not {"level1", "level2"} & {header_role(c, lex) for c in header} \
            and any(lex.level_word(x) for x in lines[end:end + 2]):
        seq = 1 if header and _SEQ_HEADER.fullmatch(normalize_text(header[0])) else 0  # (after a 序号 column)
        header = [*header[:seq], "一级指标", "二级指标", *header[seq:]]  # 指标类型 | 指标名称 | 指标值: the rows'
        # level words, in columns of their own
    rows: list[list[str]] = []
    refs: list[str] = []
    i = 0
    while i < h:  # facts: a label and the lines after it up to the next label
        row = [lines[i]]
        ref = table.refs[i]
        i += 1
        if label_kind(row[0], lex):
            while i < h and not label_kind(lines[i], lex):
                row.append(lines[i])
                i += 1
        rows.append(row)
        refs.append(ref)
    roles = [header_role(c, lex) for c in header]
    if places and roles[-1] == "value":  # 区域目标值 over one column per place: two header rows
        rows.append(header + [""] * (len(places) - 1))
        refs.append(table.refs[h])
        header = [""] * (len(header) - 1) + places
    else:  # no value header over them: each is named a target column, as the table means them
        header = header + [f"{place}(目标值)" for place in places]
    rows.append(header)
    refs.append(table.refs[h])
    roles = roles[:len(header) - len(places)] + ["value"] * len(places)
    top = len(rows)  # the rows above the body: a report's heading ends the body, never the facts
    roles = names_under_level2(roles)
    name_col = pick_name(header, roles) or 0  # 三级指标 before 指标内容 (its description): the 三级指标
    named = [i for i, r in enumerate(roles) if r == "name" and normalize_text(header[i]) not in GENERIC_NAMES]
    repeated = len(named) >= 2 and "value" in roles[named[0]:named[1]]  # 中期 and 年度 sets side by side
    if repeated:
        name_col = named[0]  # the first set's name; the next sets' cells follow its value
    levels: dict[str, int] = {}
    for k, r in enumerate(roles):
        if r in ("level1", "level2") and (not repeated or r not in levels):
            levels[r] = k  # the last level column; with sets side by side, the first set's
    again = [normalize_text(x) for x in lines[h:end]]  # the header, as repeated after a page break
    headers = {normalize_text(c) for c in header} | set(again) | {"绩效指标"}
    described = roles[name_col + 1:name_col + 2] == ["name"]  # 三级指标 | 指标内容: a description after the name
    explains = roles[name_col + 1:name_col + 2] == ["ignore"]  # 指标解释 after the name: 反映… is never the name
    numbered = bool(header) and bool(_SEQ_HEADER.fullmatch(normalize_text(header[0])))  # 序号 | 三级指标 | …
    seq = 0  # the last row number read: the next row starts at seq + 1

    def next_row(at: int) -> bool:
        """Line ``at`` is the next row's number (or the text ends there), in a numbered table."""
        return numbered and (at >= len(lines) or normalize_text(lines[at]).rstrip(".、．") == str(seq + 1))

    i = end
    pending: dict[str, str] = {}
    last_level2 = ""  # the level of the rows under it (a merged label names it on its first row only)
    second_set = True  # with sets side by side: whether the next set holds rows in this level's block
    while i < len(lines):
        t = normalize_text(lines[i])
        if i + 1 < len(lines) and next_row(i):
            seq += 1  # 12 | 宣传覆盖面 | 拓宽: the row's number, then its name
            i += 1
            continue
        other = _other_header(lines, i, lex) if len(rows) > top and _SEQ_HEADER.fullmatch(t) and not numbered else 0
        if other:  # 序号 | 学校性质 | 培训机构 | …: the next table's header, one row, ends this table
            rows.append(lines[i:i + other])
            refs.append(table.refs[i])
            i += other
        if other or is_sign_off(t, lex) or label_kind(t, lex) == "name" or (
                len(rows) > top and is_section_heading(t, lex) and not _heading_names_row(lines, i, lex, explains)):
            for j in range(i, len(lines)):
                rows.append([lines[j]])
                refs.append(table.refs[j])
            break
        if len(again) >= 2 and [normalize_text(x) for x in lines[i:i + len(again)]] == again:
            rows.append(lines[i:i + len(again)])  # one row, read as a header and skipped
            refs.append(table.refs[i])
            i += len(again)
            continue
        if t in headers or _PAGE.match(t) or (header_role(t, lex) and len(t) <= 6 and not is_value_like(t, lex)
                                                and not _named_like_column(t, lines[i + 1:i + 4], lex, described)):
            rows.append([lines[i]])
            refs.append(table.refs[i])
            i += 1
            continue
        wrapped = level_ahead(lines, i, lex)
        if wrapped:  # a level word wrapped onto two lines or three (服务对象 / 满意度指 / 标)
            lines[i + wrapped - 1] = "".join(normalize_text(x) for x in lines[i:i + wrapped])
            i += wrapped - 1
            continue
        word = lex.level_word(t)
        nxt = normalize_text(lines[i + 1]) if i + 1 < len(lines) else ""
        names_row = bool(word) and word[0] == "level2" and bool(nxt) and not lex.level_word(nxt) \
            and (is_value_like(nxt, lex) or nxt in TYPE_WORDS or bool(SIGN_ONLY.fullmatch(nxt))
                 or explains and _explained_value(lines, i + 1, lex))  # 质量指标 | 100%, 质量指标 | 反映… | 100%
        if word:
            if word[0] == "level2" and "level2" in pending and "level1" not in pending \
                    and pending["level2"] not in lex.level2_to_level1:
                pending["level1"] = pending["level2"]  # 成本指标 then 经济成本指标
            pending[word[0]] = word[1]
        if word and not names_row:  # (a form naming its rows by their second level: the word is the row's name too)
            i += 1
            while i < len(lines) and _SCORE_TAIL.fullmatch(normalize_text(lines[i])):
                i += 1  # 产出指标 / (50) or 效益指标 / 30分): the level's score, wrapped onto its own line
            i += _alternative_wrapped(t, lines, i, lex)
            continue
        start = i
        name = lines[i].strip()
        i += 1
        while _name_goes_on(name, lines, i, lex, explains, described, next_row):
            name += lines[i].strip()
            i += 1
        row = [""] * len(header)
        for lv, k in levels.items():
            row[k] = pending.pop(lv, "")
        if "level2" in levels and row[levels["level2"]]:
            last_level2 = row[levels["level2"]]
        row[name_col] = name
        for k in range(name_col + 1, len(header)):
            if is_placeholder(name):
                break
            nxt = lines[i + 1] if i + 1 < len(lines) and not next_row(i + 1) else None  # (the next row's number: no value)
            if roles[k] == "ignore" and i < len(lines) and "value" in roles[k + 1:] and line_fits(lines[i], "value", lex) \
                    and not (nxt is not None and (line_fits(nxt, "value", lex) or normalize_text(nxt) in TYPE_WORDS
                                                  or SIGN_ONLY.fullmatch(normalize_text(nxt)))) \
                    and not (re.fullmatch(r"\d{1,3}", normalize_text(lines[i]))
                             and any(COMPUTED.search(h) for h in header[k + 1:])) \
                    and not _REFLECTS.match(normalize_text(lines[i])) \
                    and not (re.fullmatch(r"\d{1,3}(\.\d{1,2})?", normalize_text(lines[i])) and COMPUTED.search(header[k])):
                continue  # the explanation was left empty: this line is the value after it (not a bare score,
                # nor the explanation itself, cut: 反映提交报告及时 / 情况; under 分值, a bare number is the score)
            if roles[k] == "ignore" and i < len(lines) and lex.scoring_rule and lex.scoring_header \
                    and lex.scoring_rule.search(normalize_text(lines[i])) and not lex.scoring_header.search(normalize_text(header[k])) \
                    and any(lex.scoring_header.search(normalize_text(x)) for x in header[k + 1:]):
                continue  # 备注 | 评（扣）分标准: a scoring rule goes under its own column, the note left empty
            if repeated and i < len(lines) and roles[k] in ("level2", "name") and k > name_col:
                t = normalize_text(lines[i])
                level = lex.level_word(t)
                own = lex.level_word(normalize_text(row[levels["level2"]] or last_level2)) if "level2" in levels else None
                take = (level and level[0] == "level2" and (own is None or level[1] == own[1])) if roles[k] == "level2" \
                    else (not level and not is_value_like(t, lex) and not is_sign_off(t, lex) and WORD_RE.search(t)
                          and (second_set or t == normalize_text(name)))
                if roles[k] == "level2" and "level2" in levels and row[levels["level2"]]:
                    second_set = bool(take)  # a block whose first row leaves the next set empty has it empty
                if take:  # (a set left empty leaves no line: the next line is then the next row's)
                    row[k] = lines[i].strip()  # the next set's 二级指标 / 三级指标, beside this row's
                    i += 1
                elif roles[k] == "name" and not second_set:
                    break  # the next set is empty in this block: its value cells are empty too
                continue
            if level_ahead(lines, i, lex):
                break  # 可持续影 / 响指标: the next block's level word, wrapped; this row's other cells are empty
            if numbered and next_row(i):
                break  # the next row's number: this row's other cells are empty
            if described and roles[k] == "ignore" and "value" not in roles[k + 1:] and i + 2 < len(lines) \
                    and not is_value_like(normalize_text(lines[i]), lex) \
                    and not is_value_like(normalize_text(lines[i + 1]), lex) and _valued(lines, i + 2, lex):
                break  # 技术交易额 / 全年全县完成技术交易数量 / 2个亿以上: the next row's name, description and value
            if roles[k] == "value" and i + 1 < len(lines) and normalize_text(lines[i]) == normalize_text(name) \
                    and line_fits(lines[i + 1], "value", lex):
                i += 1  # 建设监测子站 / 0: a value's cell that names its row again before the number
            if i < len(lines) and is_section_heading(lines[i], lex):
                break  # the report's next heading: the table ended with this row
            if roles[k] == "ignore" and wraps_to_name(lines, i, lex, described):
                continue  # 县级储备粮库 / 存成本核算率 / 100%: the next row's name, wrapped, not this row's note
            if roles[k] == "value" and i + 1 < len(lines) and not line_fits(lines[i], "value", lex) \
                    and goes_on(lines[i], lines[i + 1], lex, "unit" in roles[k + 1:]) \
                    and line_fits(lines[i].strip() + lines[i + 1].strip(), "value", lex):
                lines[i + 1] = lines[i].strip() + lines[i + 1].strip()  # 2021年12月31 / 日: a value read once whole
                i += 1
            if i < len(lines) and (line_fits(lines[i], roles[k], lex, nxt, header[k])
                                   or roles[k] == "value" and next_row(i + 1) and "value" not in roles[k + 1:]
                                   and not lex.level_word(normalize_text(lines[i])) and not is_sign_off(normalize_text(lines[i]), lex)):
                row[k] = lines[i].strip()  # 拓宽 right before the next row's number: the last value
                i += 1
                while roles[k] == "value" and i < len(lines) and not next_row(i) \
                        and goes_on(row[k], lines[i], lex, "unit" in roles[k + 1:]):
                    row[k] += lines[i].strip()  # ≥100百分 / 比, 2021年12月31 / 日: a value wrapped in its cell
                    i += 1
                while roles[k] == "name" and k > name_col and i + 1 < len(lines) and not next_row(i) \
                        and description_goes_on(row[k], lines[i], lines[i + 1], lex):
                    row[k] += lines[i].strip()  # 各项工作按计划进 / 度及时完成 / 100%: a description wrapped in its cell
                    i += 1
                while roles[k] == "ignore" and i < len(lines) and not next_row(i) and note_goes_on(row[k], lines[i], lex):
                    row[k] += lines[i].strip()  # 反映提交报告及时 / 情况: an explanation wrapped in its cell
                    i += 1
                rest = sentence_rest(row[k], lines, i, lex) if roles[k] == "value" else 0
                row[k] += "".join(x.strip() for x in lines[i:i + rest])  # 显著提升了疫 / 情期间… / …发展。
                i += rest
        split = _label_around(normalize_text(row[name_col]), normalize_text(lines[i]), lex) if i < len(lines) else None
        if split is not None and split[0] in levels:  # 社会公众或服务 / 政策满意度 / ≥90% / 对象满意度指标: the
            row[name_col] = split[2]  # row's level label, centred on it, split around the row
            row[levels[split[0]]] = split[1]
            i += 1
        rows.append(row)
        refs.append(table.refs[start])
    return RawTable("text-lines", rows, refs, merged=False)
