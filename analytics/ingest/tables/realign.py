"""Rows whose cells are not under their columns, put back: a web copy that moved every empty cell
of a row to its end (compacted), a PDF-viewer copy split at blanks, a row whose leading merged cells
were left out of the copy, the project columns of a table listing several projects, and the scores
of a self-evaluation row whose target cells are blank.
"""

from __future__ import annotations

import dataclasses
import re

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import SIGN_ONLY, TYPE_WORDS, ends_like_name, fits, is_value_like, read_value
from analytics.ingest.tables.layout import Column, Layout, infer_level_cols
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.sources import RawTable

__all__ = ["cell", "is_compacted", "needs_realign", "prefix_used", "realign", "right_aligned", "right_rows", "row_scores",
           "VERTICAL"]

_NUMBERING = re.compile(r"(指标|目标)\d{1,2}[:：、.．]?")
_SEQUENCE = re.compile(r"[(（]?\d{1,3}[)）.．、]?")  # a row's number in a 序号 column: 1, (2), 3.
VERTICAL = {"绩效指标", "绩效目标", "年度绩效指标", "本年度绩效指标", "长期绩效指标", "年度绩效目标"}
_VERTICAL_LABEL = re.compile(r"绩效(目标|指标)$")  # the end of such a label, however it begins (部门整体支出年度绩效目标)


def cell(row: list[str], i: int | None) -> str:
    """The text of column ``i`` of ``row`` ("" past its end)."""
    return row[i] if i is not None and 0 <= i < len(row) else ""


def is_compacted(table: RawTable, layout: Layout) -> bool:
    """A web copy that moved every empty cell of a row to its end (``a | b | ||||``): positions
    after the name cannot be trusted, cells are fitted to the columns by what they hold."""
    if table.fmt == "text-space":
        return True  # split at blanks: a merged cell appears once, so no position can be trusted
    if table.merged or table.fmt != "text-pipe":
        return False
    body = [r for r in table.rows[layout.header_row + 1:] if any(c.strip() for c in r)]
    padded = sum(1 for r in body if len(r) >= 3 and not r[-1].strip() and not r[-2].strip())
    return bool(body) and padded >= 0.3 * len(body)


def _placed(row: list[str], layout: Layout, lex: Lexicon) -> bool:
    """Each level column holds a word of its level or nothing, the name column a name, and the
    first value column a value or nothing: the row's cells are under their columns."""
    for lv, k in layout.level_cols.items():
        text = normalize_text(cell(row, k))
        word = lex.level_word(text) if text else None
        if text and (word is None or (word[0] != lv and word[1] not in lex.either)):
            return False
    name = normalize_text(cell(row, layout.name_col))
    after = normalize_text(cell(row, layout.name_col + 1))
    named_by_level = bool(lex.level_word(name)) and (after in TYPE_WORDS or is_value_like(after, lex))
    if not name or name in TYPE_WORDS or (lex.level_word(name) and not named_by_level) or is_value_like(name, lex) \
            or (lex.explanation and lex.explanation.match(name)):
        return False  # (达到预计值: an explanation, the column after the name's; 社会成本指标 | 定量: a row named by its level)
    value = next((c.index for c in layout.columns if c.role == "value"), None)
    target = normalize_text(cell(row, value))
    return not target or is_value_like(target, lex) or not ends_like_name(target)


def right_aligned(row: list[str], layout: Layout, lex: Lexicon) -> list[str] | None:
    """A web page's table copied by the browser, its cells kept apart by tabs: a cell a merged cell
    covers is left out, so a row under merged level labels is short by those cells at its start,
    while its empty cells stay (the row still ends under the last column). The row set right
    (``| | 当年人才驿站组织活动数量 | >=28次 | …``), when so its cells stand under their columns
    and as it is they do not; else None."""
    width = max(len(layout.columns), max((c.index for c in layout.columns), default=0) + 1)
    if not row or len(row) >= width or layout.name_col < width - len(row):
        return None
    moved = [""] * (width - len(row)) + list(row)
    return moved if _placed(moved, layout, lex) and not _placed(row, layout, lex) else None


def right_rows(table: RawTable, layout: Layout, lex: Lexicon) -> tuple[RawTable, set[int]]:
    """``table`` with the rows of a browser's copy set right (:func:`right_aligned`), and
    which rows; the level columns are then inferred again, on the rows set right."""
    if table.fmt not in ("text-tab", "text-pipe") or table.merged:
        return table, set()
    rows, moved = list(table.rows), set()
    for i in range(layout.header_row + 1, len(rows)):
        right = right_aligned(rows[i], layout, lex)
        if right is not None:
            rows[i] = right
            moved.add(i)
    if not moved:
        return table, moved
    table = dataclasses.replace(table, rows=rows)
    infer_level_cols(table, layout, lex)
    return table, moved


#: a template's numbered slot before a name (指标1:…, 指标4.不合格产品处置率)
SLOT = re.compile(r"^指标\s*[\d一二三四五六七八九十]{1,2}\s*[.．、:：]\s*[^\W\d_]")


def needs_realign(row: list[str], layout: Layout, lex: Lexicon) -> bool:
    """A row whose first cell is not what the first column holds: the cells covered by merged
    cells were left out of the copy, so the row starts further right."""
    first = normalize_text(row[0]) if row else ""
    if not first:
        return _blank_then_name(row, layout, lex)
    col0 = layout.columns[0] if layout.columns else None
    if col0 is None or col0.index == layout.name_col:
        return False
    word = lex.level_word(first)
    l2 = layout.level_cols.get("level2")
    if col0.role == "level1" and l2 is not None and word and (word[0] == "level2" or word[1] in lex.either) \
            and not lex.level_word(cell(row, l2)) and not normalize_text(cell(row, max(c.index for c in layout.columns))):
        return True  # 质量指标 | 验收合格率 | …: the second level in the first column, the row's last cell empty
    if SLOT.match(first):
        return True  # 指标2:项目成本控制 | 不超预算 | …: a template's numbered name in the first column, the row starts right
    if col0.role not in ("level1", "level2") and layout.level_cols and lex.level_word(first) \
            and first not in VERTICAL and normalize_text(col0.header) != first and any(
                normalize_text(cell(row, k)) and (lex.level_word(cell(row, k)) or ("", ""))[0] != lv
                and (lex.level_word(cell(row, k)) or ("", ""))[1] not in lex.either
                for lv, k in layout.level_cols.items()):
        return True  # 效益指标 | 社会效益指标 | … under a column left of the levels, a level column holding
        # what is no word of its level: the row starts left of its columns
    name = normalize_text(cell(row, layout.name_col))
    numbered = col0.role not in ("level1", "level2") and bool(_SEQUENCE.fullmatch(first))
    if name and not SIGN_ONLY.fullmatch(name) and not lex.level_word(name) and not is_value_like(name, lex) and \
            (numbered or len([c for c in row if c.strip()]) > layout.name_col):
        return False  # the name column holds a name (after the row's number in a 序号 column): the row is in place
    if numbered and name and not is_value_like(name, lex) and layout.level_cols and all(
            not normalize_text(cell(row, k)) or (lex.level_word(cell(row, k)) or ("",))[0] == lv
            for lv, k in layout.level_cols.items()):
        return False  # 2 | (merged) | 质量指标 | 100%: a form naming its rows by their level, each level in its column
    word = lex.level_word(first)
    if col0.role == "level1":
        return not (word and word[0] == "level1")
    if col0.role == "level2":
        return not word
    return first not in VERTICAL and normalize_text(col0.header) != first


def _blank_then_name(row: list[str], layout: Layout, lex: Lexicon) -> bool:
    """A row that starts blank (a merged first level) whose first text stands in a level column but
    is no level word, while the name column holds a number (`` | 对经济发展的促进作用 | 10 | 10``: the
    second level's merged cell was left out too): the name and values sit one column left."""
    k = next((j for j, c in enumerate(row) if c.strip()), None)
    if k is None or k >= layout.name_col or lex.level_word(row[k]):
        return False
    if k not in layout.level_cols.values():
        return False
    return is_value_like(normalize_text(cell(row, layout.name_col)), lex)


def prefix_used(table: RawTable, layout: Layout, lex: Lexicon) -> bool:
    """Whether the header's columns left of the levels are columns of their own (单位名称 | 项目名称
    of a table listing several projects, 绩效目标 of a block of rows): not when they read as one
    label down the form's left side split at blanks (部门整体 | 支出年度 | 绩效目标) and no row
    holds cells before its first level word."""
    if not layout.level_cols:
        return False
    first_level = min(layout.level_cols.values())
    headers = "".join(re.sub(r"[^\u4e00-\u9fff]", "", normalize_text(c.header)) for c in layout.columns if c.index < first_level)
    if not _VERTICAL_LABEL.search(headers):  # (绩???效???指???标: the letters spaced with fillers)
        return True
    for row in table.rows[layout.header_row + 1:]:
        cells = [c for c in row if c.strip()]
        k = next((j for j, c in enumerate(cells) if lex.level_word(c)), None)
        if k is not None and 0 < k <= first_level and normalize_text(cells[0]) not in VERTICAL:
            return True
    return False


def _place_prefix(cells: list[str], layout: Layout, lex: Lexicon, out: list[str], prefixed: bool = True) -> list[str]:
    """Cells of the columns left of the levels (单位名称 | 项目名称 | 预算数 of a table listing several
    projects, written on each project's first row only): put under those columns, so that they are
    not read as the indicator's name. Returns the cells from the first level word on (none when the
    row holds only such cells: a project's or office's line)."""
    if not layout.level_cols:
        return cells
    first_level = min(layout.level_cols.values())
    prefix = [c for c in layout.columns if c.index < first_level and c.header and c.role in ("", "ignore")]
    if not prefix:
        return cells
    k = next((j for j, c in enumerate(cells) if lex.level_word(c)), None)
    if k is None:
        if len(cells) > len(prefix) or any(lex.level_word(c) for c in cells):
            return cells
        if not prefixed and len(cells) >= 2 and is_value_like(normalize_text(cells[-1]), lex):
            return cells  # 培育指导高新技术企业数量 | … | 15家以上 under a label down the form's side: an indicator's row
        k = len(cells)
    if k == 0 or k > first_level:
        return cells
    for j, text in enumerate(cells[:k]):
        out[first_level - k + j] = text
    return cells[k:]


def _score_cols(layout: Layout, lex: Lexicon) -> list[Column]:
    return [c for c in layout.columns if c.index > layout.name_col and c.role == "ignore"
            and lex.score_header.search(c.header)]


def row_scores(table: RawTable, layout: Layout, lex: Lexicon) -> frozenset[str]:
    """The scores written in the score columns (分值, 得分) of a compacted table's complete rows
    (every value and score column filled): what a short row's last numbers are compared with."""
    cols = _score_cols(layout, lex)
    values = layout.cols("value")
    if not cols:
        return frozenset()
    found: set[str] = set()
    for row in table.rows[layout.header_row + 1:]:
        out = realign(row, layout, lex, True)
        if all(normalize_text(cell(out, c.index)) for c in values + cols):
            found.update(normalize_text(cell(out, c.index)) for c in cols)
    return frozenset(t for t in found if re.fullmatch(r"\d{1,3}(\.\d+)?", t))


def _take_scores(rest: list[str], after: list[Column], layout: Layout, lex: Lexicon, scores: frozenset[str],
                 out: list[str]) -> tuple[list[str], list[Column]]:
    """A short compacted row whose last numbers are the table's scores: those go to the score
    columns, and the cells before them are fitted to the other columns (the target was blank)."""
    cols = _score_cols(layout, lex)
    wanted = sum(1 for c in after if c.role == "value") + len(cols)
    if not scores or not cols or len(rest) >= wanted:
        return rest, after
    tail = 0
    while tail < min(len(cols), len(rest)) and normalize_text(rest[-1 - tail]) in scores:
        tail += 1
    if tail == 0 or (tail < len(cols) and tail < len(rest)):
        return rest, after
    for k, text in enumerate(rest[len(rest) - tail:]):
        out[cols[len(cols) - tail + k].index] = text
    return rest[:len(rest) - tail], [c for c in after if c not in cols]


def _worded(text: str, lex: Lexicon) -> bool:
    """A target written as a criterion in words, numbers among them (not a name, not a note)."""
    t = normalize_text(text)
    return len(t) <= 60 and not _NUMBERING.match(t) and read_value(t, "higher", lex).form == "qualitative" \
        and not ends_like_name(t)


def _short_words(text: str, lex: Lexicon) -> bool:
    """A few words with no number and no level word (知识更新率): in a row that fills every column, the
    target's cell, though it reads like a name."""
    t = normalize_text(text)
    return 2 <= len(t) <= 12 and not re.search(r"\d", t) and not lex.level_word(t)


def _deadline_named(name: str, rest: list[str], layout: Layout, lex: Lexicon) -> bool:
    """A row named by its deadline (时效指标 | 2022年底之前 | 2022年底之前 | 达成预期指标 | 10): a date in
    the name's place with a cell for every value column after it, not a level word standing as a
    name with its value beside it (社会成本指标 | 0)."""
    values = sum(1 for c in layout.columns if c.index > layout.name_col and c.role == "value")
    return read_value(name, "higher", lex).form == "deadline" and len(rest) >= max(1, values)


def realign(row: list[str], layout: Layout, lex: Lexicon, compact: bool,
            scores: frozenset[str] = frozenset(), prefixed: bool = True) -> list[str]:
    """Put a shifted (or compacted) row's cells back under their columns: level words into the
    level columns, the next cell into the name column, then the rest after it (by position, or
    for a compacted row by what fits each column, targets first)."""
    width = max(len(layout.columns), len(row))
    cells = [c for c in row if c.strip()]
    while cells and normalize_text(cells[0]) in VERTICAL:
        cells = cells[1:]
    out = [""] * width
    cells = _place_prefix(cells, layout, lex, out, prefixed)
    i, last, borrowed = 0, None, False
    while i < len(cells):
        word = lex.level_word(cells[i])
        if not word and last is not None and layout.level_cols.get("level1") == last[0] and i + 2 < len(cells) \
                and re.fullmatch(r"[^\W\d_]{2,8}指标", normalize_text(cells[i])):
            word = ("level2", normalize_text(cells[i]))  # 效益指标 | 社会效率指标 (a slip of 社会效益指标) | name | …
        if not word:
            break
        role = word[0]
        if role == "level1" and "level1" not in layout.level_cols:
            role = "level2"
        nxt = lex.level_word(cells[i + 1]) if i + 1 < len(cells) else None
        after = normalize_text(cells[i + 2]) if i + 2 < len(cells) else ""
        if role == "level2" and nxt and nxt[0] == "level2" and "level1" in layout.level_cols \
                and word[1] in lex.either and after not in ("定量", "定性") \
                and not is_value_like(after, lex):
            role = "level1"  # 成本指标 | 经济成本指标: the first is the first level here
        col = layout.level_cols.get(role)
        if role == "level1" and col is not None and out[col] and "level2" in layout.level_cols \
                and not out[layout.level_cols["level2"]]:
            col = layout.level_cols["level2"]  # 满意度指标 | 满意度指标: the second is the second level
        if col is None and role == "level2" and "level1" in layout.level_cols and not out[layout.level_cols["level1"]]:
            col, borrowed = layout.level_cols["level1"], True  # 数量指标 under 一级指标 when the 二级指标 column holds the names
        if col is None and i + 2 < len(cells):
            i += 1  # a level word with no level column in the header (评价内容 over two columns): not a name
            continue
        if col is not None and out[col] and i > 0 and normalize_text(cells[i - 1]) == normalize_text(cells[i]) \
                and i + 1 < len(cells) and not lex.level_word(cells[i + 1]) \
                and not is_value_like(normalize_text(cells[i + 1]), lex):
            i += 1  # 数量指标 | 数量指标 | 福彩APP系统改版升级: the level written again before the name
            continue
        if col is None or out[col]:
            break
        out[col], last = cells[i], (col, i)
        i += 1
    while i + 1 < len(cells) and _NUMBERING.fullmatch(normalize_text(cells[i])):
        i += 1  # 目标1 | 发放补助 …: a numbering cell before the name
    if i >= len(cells):
        return out
    name = normalize_text(cells[i])
    if last is not None and (name in ("定量", "定性") or is_value_like(name, lex)) \
            and (borrowed or not _deadline_named(name, cells[i + 1:], layout, lex)):
        out[last[0]], i = "", last[1]  # a name that looks like a level (社会成本指标; 时效指标 | 全年 in a form named by its second level)
    out[layout.name_col] = cells[i]
    rest = cells[i + 1:] if compact else row[row.index(cells[i]) + 1:]
    after = [c for c in layout.columns if c.index > layout.name_col]
    if not compact:
        for k, text in enumerate(rest):
            if layout.name_col + 1 + k < width:
                out[layout.name_col + 1 + k] = text
        return out
    rest, after = _take_scores(rest, after, layout, lex, scores, out)
    if len(rest) == len(after) and all(fits(t, c.role, lex) or (c.value_role == "target" and _short_words(t, lex))
                                       for t, c in zip(rest, after) if c.role == "value"):
        for text, col in zip(rest, after):  # every column filled: nothing moved, each cell is in place
            out[col.index] = text
        return out
    j = 0
    for n, col in enumerate(after):
        if j >= len(rest):
            break
        if col.role == "value" and col.value_role == "target" and j == len(rest) - 1 and _worded(rest[j], lex) \
                and not lex.level_word(normalize_text(out[layout.name_col])):
            out[col.index] = rest[j]  # 第一年按总投资额返本20%,分红按8%分红: the row's one cell left, its target in words
            j += 1
            continue
        if col.role == "value" and col.value_role == "target" and j == 0 and not fits(rest[j], "value", lex) \
                and read_value(rest[j], "higher", lex, sentence=True).form == "number":
            out[col.index] = rest[j]  # 实施乡镇社区基层医疗机构37个。: the cell after the name, its target stated in a sentence
            j += 1
            continue
        if col.role == "value" and col.value_role == "actual" and not fits(rest[j], col.role, lex) \
                and lex.checkin(rest[j]) is not None:
            out[col.index] = rest[j]  # 严格执行相关制度规定 | 达成预期指标 | 8 | 8: a result in words, the scores after it
            j += 1
            continue
        if not fits(rest[j], col.role, lex):
            continue
        if col.role == "value" and col.value_role != "target":
            values_left = sum(1 for t in rest[j:] if fits(t, "value", lex))
            cols_left = sum(1 for c in after[n:] if c.role == "value")
            if values_left < cols_left:
                continue
        if col.role == "ignore" and not lex.score_header.search(col.header) and fits(rest[j], "value", lex):
            slots = sum(1 for c in after[n + 1:] if c.role == "value" or lex.score_header.search(c.header))
            if len(rest) - j <= slots:
                continue  # an explanation column left empty: the number belongs to a value column after it
        out[col.index] = rest[j]
        j += 1
    return out
