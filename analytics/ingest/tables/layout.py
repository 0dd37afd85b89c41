"""Finding the indicator table inside a grid of cells: the header row (joined with a second header
row below it), the role and year of each column, the indicator rows, and the first two levels
filled over their blocks (filled down; or, when merged labels landed in the middle of their
blocks once flattened to text, the block around each label).
"""

from __future__ import annotations

import os

import re
from dataclasses import dataclass, field

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import GENERIC_NAMES, header_role, header_year, is_place_name, is_value_like
from analytics.ingest.tables.lexicon import Lexicon, ordinal, strip_score
from analytics.ingest.tables.sources import RawTable

__all__ = ["Column", "Layout", "find_layout", "fill_levels", "fill_level_columns", "is_other_header", "pick_name", "title_year", "year_above"]

HEADER_SCAN = 80
#: rows searched past the first ``HEADER_SCAN`` for a full header (a 部门预算 document whose target
#: forms come after its budget tables: the header of the first form deep in the file)
DEEP_SCAN = 10_000


@dataclass
class Column:
    index: int
    header: str
    role: str  # level1 | level2 | name | unit | comparator | value | ignore
    year: int | None = None
    value_role: str | None = None  # target | actual | baseline | span
    month: int | None = None  # an actual up to this month (1-7月执行情况: 7), not the year's end


@dataclass
class Layout:
    header_row: int  # index in the table's rows of the (last) header row
    first_header_row: int
    columns: list[Column]
    name_col: int
    level_cols: dict[str, int] = field(default_factory=dict)

    def cols(self, role: str) -> list[Column]:
        return [c for c in self.columns if c.role == role]


def _row_roles(row: list[str], lex: Lexicon) -> list[str | None]:
    return [header_role(c, lex) for c in row]


#: a header naming the indicator itself (not its content or description, 指标内容)
_PROPER_NAME = re.compile(r"^(三级指标|指标名称|三级指标名称|绩效指标名称|三级$|具体指标|具体绩效指标)")


def pick_name(row: list[str], roles: list[str | None]) -> int | None:
    names = [i for i, r in enumerate(roles) if r == "name"]
    if not names:
        return None
    specific = [i for i in names if normalize_text(row[i]) not in GENERIC_NAMES]
    # 三级指标 (具体指标) beside 指标内容 (实际发放解困工资人数): the name is the 三级指标, the other its description
    proper = [i for i in specific if _PROPER_NAME.search(normalize_text(row[i]))]
    return (proper or specific or names)[-1]


def _is_header(row: list[str], lex: Lexicon) -> bool:
    roles = _row_roles(row, lex)
    name = pick_name(row, roles)
    if name is None:
        return False
    after = [r for i, r in enumerate(roles) if i > name]
    if "value" not in after:  # sets side by side, the last one's value cell run into its name's (三级指标指标值)
        starts = _set_starts(row, roles)
        after = [r for i, r in enumerate(roles) if starts[0] <= i < (starts[1] if len(starts) > 1 else len(roles))
                 and i > min(j for j, q in enumerate(roles) if q == "name")]
    return "value" in after and sum(1 for r in roles if r) >= 2


def is_other_header(cells: list[str], lex: Lexicon) -> bool:
    """``cells`` (a row's filled cells) head another table below the indicators: three header words
    or more, half the cells at least, two of them notes (序号, 备注, …标准), no value and no level word."""
    words = [r for r in (header_role(t, lex) for t in cells) if r]
    return len(words) >= 3 and len(words) >= 0.5 * len(cells) and words.count("ignore") >= 2 \
        and not any(is_value_like(t, lex) or lex.level_word(t) for t in cells)


def _is_subheader(top: list[str], row: list[str], name_col: int, lex: Lexicon) -> bool:
    """A second header row: its name cell is blank or repeats the header, and its other filled
    cells are header words or years, no values."""
    cells = [normalize_text(c) for c in row]
    if not any(cells):
        return False
    if name_col < len(cells) and cells[name_col] and cells[name_col] != normalize_text(top[name_col]) \
            and header_role(cells[name_col], lex) is None:
        return False
    first_value = next((i for i, t in enumerate(top) if header_role(t, lex) == "value"), None)
    for i, c in enumerate(cells):
        if not c or (i < len(top) and c == normalize_text(top[i])):
            continue
        if first_value is not None and i >= first_value and is_place_name(c):
            continue  # 区域目标值 over one column per county (新罗区 | 永定区 …)
        if header_role(c, lex) is None and header_year(c) is None:
            return False
        if is_value_like(c, lex) and not re.fullmatch(r"\d{4}年?度?", c):
            return False
    return True


def _value_role(text: str, lex: Lexicon) -> str:
    t = normalize_text(text)
    for role, pattern in lex.value_roles:
        if pattern.search(t):
            return role
    return "target"


def _columns(top: list[str], sub: list[str] | None, lex: Lexicon) -> list[Column]:
    width = max(len(top), len(sub or []))
    top = top + [""] * (width - len(top))
    if sub is not None:
        sub = sub + [""] * (width - len(sub))
        for i in range(1, width):  # a merged top header (年度指标值 over 2023年 | 2024年) covers the blanks
            if not top[i].strip() and sub[i].strip() and top[i - 1].strip():
                top[i] = top[i - 1]
    cols = []
    for i in range(width):
        t, s = top[i], (sub[i] if sub else "")
        text = t if not s.strip() or normalize_text(s) == normalize_text(t) else (t + s if t.strip() else s)
        role = (header_role(s, lex) if s.strip() else None) or header_role(t, lex)
        if role is None and header_year(text) is not None:
            role = "value"
        year = header_year(s) or header_year(t) if role == "value" else None
        value_role = _value_role(text, lex) if role == "value" else None
        month = _to_month(text, lex) if value_role == "actual" else None
        cols.append(Column(i, normalize_text(text), role or "", year, value_role, month))
    return cols


def _to_month(text: str, lex: Lexicon) -> int | None:
    """The last month an actual column covers (1-7月执行情况: 7; 上半年: 6), by the lexicon's
    ``value_roles.to_month``; None for a whole year."""
    m = lex.to_month.search(normalize_text(text)) if lex.to_month else None
    if m is None:
        return None
    found = m.groupdict()
    month = 6 if found.get("half") else int(found.get("m") or found.get("m2") or 12)
    return month if month < 12 else None


def _place_subheader(top: list[str], sub: list[str], lex: Lexicon) -> list[str]:
    """A second header row copied without its blank cells (``2021年实际实现值 | 预期2022年实现值 |
    ||||``) goes under the value columns of the first row, from the first of them on."""
    filled = [c for c in sub if c.strip()]
    first = next((i for i, c in enumerate(sub) if c.strip()), 0)
    if not filled or header_role(_cell_at(top, first), lex) == "value" \
            or normalize_text(sub[first]) == normalize_text(_cell_at(top, first)) \
            or (header_role(sub[first], lex) != "value" and header_year(sub[first]) is None):
        return sub
    start = next((i for i, c in enumerate(top) if header_role(c, lex) == "value"), None)
    if start is None:
        return sub
    out = [""] * max(len(top), start + len(filled))
    for k, c in enumerate(filled):
        out[start + k] = c
    return out


def _cell_at(row: list[str], i: int) -> str:
    return row[i] if 0 <= i < len(row) else ""


def _set_starts(row: list[str], roles: list[str | None]) -> list[int]:
    """Where each column set starts when the header repeats its name column (中期目标 and 年度目标
    side by side: 二级指标 | 三级指标 | 指标值 twice): at the level-2 column just before each
    specific name column, else at the name column; one start (0) when nothing repeats."""
    names = [i for i, r in enumerate(roles) if r == "name" and normalize_text(row[i]) not in GENERIC_NAMES]
    kept = names[:1]
    for n in names[1:]:  # 三级指标 | 指标内容 | 指标值: a name column with no value column of its own starts no set
        if any(roles[j] == "value" for j in range(kept[-1], n)):
            kept.append(n)
    if len(kept) < 2:
        return [0]
    return [0] + [n - 1 if n > 0 and roles[n - 1] == "level2" else n for n in kept[1:]]


def _fullest_set(table: RawTable, header: int, roles: list[str | None], starts: list[int]) -> int:
    """The column set whose name and value cells are filled most often below the header."""
    bounds = starts[1:] + [max(len(r) for r in table.rows[header:header + 400])]
    best, best_count = 0, -1
    for k, (a, b) in enumerate(zip(starts, bounds)):
        cols = [j for j in range(a, b) if j < len(roles) and roles[j] in ("name", "value")]
        count = sum(1 for r in table.rows[header + 1:header + 400] for j in cols if j < len(r) and r[j].strip())
        if count > best_count:
            best, best_count = k, count
    return best


def _keep_one_set(cols: list[Column], starts: list[int], chosen: int) -> None:
    """Columns of the other sets (all but their shared 一级指标) are ignored."""
    a = starts[chosen]
    b = starts[chosen + 1] if chosen + 1 < len(starts) else 10 ** 9
    for c in cols:
        if c.role in ("name", "value", "level2", "unit", "comparator") and not a <= c.index < b:
            c.role = "ignore"


def _unnamed_values(table: RawTable, i: int, row: list[str], lex: Lexicon) -> list[int]:
    """Columns right of the name with no header word whose cells below are values (a 区域绩效目标表
    with one target column per town: 指标方向 | 笏石街道办 | 埭头镇): read as target columns."""
    roles = _row_roles(row, lex)
    name = pick_name(row, roles)
    if name is None or "value" in roles or sum(1 for r in roles if r) < 2:
        return []
    body = [r for r in table.rows[i + 1:i + 12] if any(c.strip() for c in r)][:8]
    named = sum(1 for r in body if name < len(r) and r[name].strip()) or len(body)  # notes under a short table: no rows
    out = []
    for j in range(name + 1, len(row)):
        if roles[j] or not normalize_text(row[j]):
            continue
        tries = [[normalize_text(r[j]) for r in body if j < len(r) and r[j].strip()]]
        if table.fmt in ("text-space", "text-tab"):  # split at blanks, or a browser's copy leaving merged cells
            # out at the row's start: the values end the row
            tries.append([normalize_text(r[j - len(row)]) for r in body if len(row) - j <= len(r)
                          and (table.fmt == "text-space" or len(r) < len(row))])
        for cells in tries:
            if len(cells) >= 2 and sum(1 for c in cells if is_value_like(c, lex)) >= 0.6 * named:
                out.append(j)
                break
    return out


def find_layout(table: RawTable, lex: Lexicon) -> Layout | None:
    """The header and the column roles, or ``None`` when no row looks like the header. A header
    that repeats its columns for two periods reads the set that holds the values; a header whose
    value columns are named after places (no header word) takes them by their cells."""
    found = next((i for i, row in enumerate(table.rows[:HEADER_SCAN]) if _is_header(row, lex)), None)
    if found is None:  # no header near the top: the first form further down (after a document's other tables)
        found = next((i for i, row in enumerate(table.rows[HEADER_SCAN:DEEP_SCAN], start=HEADER_SCAN)
                      if _is_header(row, lex)), None)
    wrapped = _values_below(table, found, lex)
    if wrapped is not None:  # … 三级指标 | 绩效 | 实际 | 评分标准 … over 目标值 | 完成值: the value words wrapped
        return _layout_at(table, wrapped[1], lex, row=wrapped[0], first=wrapped[1] - 1)
    if found is not None:
        split = _split_header(table, found, lex)
        if split is not None:
            return _layout_at(table, split[1], lex, row=split[0], first=found)
        return _layout_at(table, found, lex)
    for i, row in enumerate(table.rows[:HEADER_SCAN]):
        places = _unnamed_values(table, i, row, lex)
        if places:
            layout = _layout_at(table, i, lex)
            for c in layout.columns:
                if c.index in places:
                    c.role, c.value_role = "value", "target"
            return layout
        names = _level_as_name(table, i, row, lex)
        if names is not None:
            return _layout_at(table, i, lex, names)
    return None


def _values_below(table: RawTable, found: int | None, lex: Lexicon) -> tuple[list[str], int] | None:
    """A header row (before ``found``, the first full header) that names the indicators but no
    value column, over a line of value words only (``目标值 | 完成值``) that end the cells left
    unnamed after the name (``绩效`` / ``实际``): the header's cells with those words joined, and the
    index of the line of value words; else ``None``."""
    for i, row in enumerate(table.rows[:min(HEADER_SCAN, found if found is not None else HEADER_SCAN)]):
        roles = _row_roles(row, lex)
        if "name" not in roles or "value" in roles[roles.index("name"):] or i + 1 >= len(table.rows):
            continue  # (a block label left of the names, 年度绩效指标完成情况, names no value column)
        below = [c for c in table.rows[i + 1] if c.strip()]
        if not below or any(r != "value" for r in _row_roles(below, lex)):
            continue
        name = roles.index("name")
        open_cells = [j for j in range(name + 1, len(row)) if roles[j] is None and row[j].strip()][:len(below)]
        if len(open_cells) != len(below) or open_cells != list(range(open_cells[0], open_cells[0] + len(below))):
            continue
        merged = list(row)
        for j, word in zip(open_cells, below):
            merged[j] = normalize_text(row[j]) + normalize_text(word)
        if "value" in _row_roles(merged, lex):
            return merged, i + 1
    return None


def _split_header(table: RawTable, i: int, lex: Lexicon) -> tuple[list[str], int] | None:
    """A header copied from a web page in pieces: a top row whose name is only the vertical
    绩效指标 (绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分), then, a few lines below, the row that
    names the columns under it (二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位), with a level
    header such as 一级 指标 on a line of its own. The columns are the lower row's (levels first),
    then the top row's after the value column the lower row splits. Returns (header cells, index
    of the lower row), or ``None`` when the rows below are no such header. The lower row may follow
    at once when the top row's 绩效指标 is followed by a value column (it spans no level columns)."""
    top = table.rows[i]
    roles = _row_roles(top, lex)
    name = pick_name(top, roles)
    if name is None or normalize_text(top[name]) not in GENERIC_NAMES:
        return None
    # 绩效指标 | 年度指标值: spans nothing (written once; a workbook's merged 绩效指标 is filled into each column it spans)
    pressed = name + 1 < len(top) and roles[name + 1] == "value" \
        and sum(1 for c in top if normalize_text(c) == normalize_text(top[name])) == 1
    if i + 1 < len(table.rows) and _is_subheader(top, table.rows[i + 1], name, lex) \
            and not (pressed and "name" in _row_roles(table.rows[i + 1], lex)):
        return None
    levels: list[str] = []
    for j in range(i + 1, min(i + 6, len(table.rows))):
        cells = [c for c in table.rows[j] if c.strip()]
        if not cells:
            continue
        sub_roles = [header_role(c, lex) for c in cells]
        if all(r in ("level1", "level2") for r in sub_roles):
            levels.extend(c for c, r in zip(cells, sub_roles) if r not in levels and r)
            continue
        sub_name = pick_name(cells, sub_roles)
        if sub_name is None or normalize_text(cells[sub_name]) in GENERIC_NAMES or None in sub_roles \
                or any(is_value_like(normalize_text(c), lex) for c in cells):
            return None
        lead = [c for c in levels if header_role(c, lex) not in sub_roles]
        first_value = next((k for k, r in enumerate(roles) if r == "value"), len(top))
        tail = top[first_value + 1:] if "value" in sub_roles else top[first_value:]
        while tail and not tail[-1].strip():
            tail = tail[:-1]
        return lead + cells + tail, j
    return None


def _level_as_name(table: RawTable, i: int, row: list[str], lex: Lexicon) -> int | None:
    """A header without a name column whose last level column holds names below (一级指标 over
    数量指标, 二级指标 over 办公大楼日常维修维护次数 | 当年预期实现值): that column is the name's."""
    roles = _row_roles(row, lex)
    if "name" in roles or "value" not in roles:
        return None
    levels = [j for j, r in enumerate(roles) if r in ("level1", "level2") and j < roles.index("value")]
    if not levels:
        return None
    col = levels[-1]
    cells = [normalize_text(r[col]) for r in table.rows[i + 1:i + 12] if col < len(r) and r[col].strip()]
    names = [c for c in cells if not lex.level_word(c) and not is_value_like(c, lex)]
    if len(cells) >= 2 and len(names) >= 0.6 * len(cells):
        return col
    # 一级指标 | 二级指标 | 年初目标 | 全年目标 | 实际完成: no third level, each row named by its 二级指标
    # (质量指标, 时效指标, 成本指标 …, one a row)
    words = [c for c in cells if lex.level_word(c)]  # 满意度指标 is either level
    return col if roles[col] == "level2" and len(cells) >= 3 and len(words) == len(cells) \
        and len(set(words)) >= 0.8 * len(cells) else None


def _layout_at(table: RawTable, i: int, lex: Lexicon, name_col_at: int | None = None,
               row: list[str] | None = None, first: int | None = None) -> Layout:
    """The layout of the header at row ``i`` (``name_col_at``: a column read as the name's;
    ``row``: the header's cells when pieced together from rows ``first`` … ``i``)."""
    row = row if row is not None else table.rows[i]
    roles = _row_roles(row, lex)
    if name_col_at is not None:
        roles[name_col_at] = "name"
    starts = _set_starts(row, roles)
    chosen = _fullest_set(table, i, roles, starts) if len(starts) > 1 else 0
    if chosen + 1 < len(starts):  # the name column of the chosen set, not the last one
        roles = [r if j < starts[chosen + 1] else None for j, r in enumerate(roles)]
    name_col = pick_name(row, roles)
    assert name_col is not None
    sub = None
    last = i
    if i + 1 < len(table.rows) and _is_subheader(row, table.rows[i + 1], name_col, lex):
        sub, last = table.rows[i + 1], i + 1
    if sub is not None:
        sub = _place_subheader(list(row), list(sub), lex)
        lower = [s if s.strip() else (row[j] if j < len(row) else "") for j, s in enumerate(sub)]
        below = pick_name(lower, _row_roles(lower, lex))
        top = normalize_text(row[below]) if below is not None and below < len(row) else ""
        if below is not None and below != name_col and _PROPER_NAME.search(normalize_text(lower[below])) \
                and (not top or top in GENERIC_NAMES) and not _PROPER_NAME.search(normalize_text(row[name_col])):
            name_col = below  # 绩效指标 merged over 一级指标 | 二级指标 | 三级指标 beside 指标内容: the 三级指标 names
    cols = _columns(list(row), list(sub) if sub else None, lex)
    if name_col_at is not None:
        cols[name_col_at].role = "name"
    for c in cols:  # 绩效指标 (a vertical label) and repeats of the name header are no columns
        if c.role == "name" and c.index != name_col:
            c.role = "ignore"
        if c.role in ("value", "unit", "comparator") and c.index < name_col:
            c.role = "ignore"  # a project's 年度目标 or budget left of the indicators: not theirs
    if len(starts) > 1:
        _keep_one_set(cols, starts, chosen)
    levels = {c.role: c.index for c in cols if c.role in ("level1", "level2")}
    return Layout(last, i if first is None else first, cols, name_col, levels)


def title_year(rows: list[list[str]], upto: int, lex: Lexicon) -> int | None:
    """The year of the title (（2022年度）, 2022年…绩效目标表) above the header, by the lexicon's
    ``title_year`` patterns (data/lexicon.yaml)."""
    def search(t: str) -> int | None:
        for pattern, longest in lex.title_year_cells:
            m = pattern.search(t) if longest is None or len(t) <= longest else None
            if m:
                return int(m.group("y"))
        return None

    head = rows[:upto]
    for i, row in enumerate(head):
        for c in row:
            found = search(normalize_text(c))
            if found:
                return found
        joined = normalize_text("".join(row)) if len(row) > 1 else ""  # 2020 | 年市级…项目自评表 split at a blank
        for pattern in lex.title_year_joined:
            m = pattern.search(joined) if joined else None
            if m:
                return int(m.group("y"))
        below = head[i + 1] if i + 1 < len(head) else []
        cells, nxt = [c for c in row if c.strip()], [c for c in below if c.strip()]
        if len(cells) == 1 and len(nxt) == 1 and re.search(r"(19|20)\d{2}年度?$", normalize_text(cells[0])):
            found = search(normalize_text(cells[0]) + normalize_text(nxt[0]))  # …项目)2022年 / …绩效目标表: wrapped
            if found:
                return found
    return None


def year_above(rows: list[list[str]], sheet: str | None, filename: str, lex: Lexicon) -> tuple[int | None, str]:
    """The year the title lines above a table name (:func:`title_year`), else the one its sheet's
    name or its file's name states as a title does (``2024年培训项目绩效目标表.xlsx``), with where it
    was found (``title``, ``sheet_name``, ``file_name``)."""
    found = title_year(rows, len(rows), lex)
    if found is not None:
        return found, "title"
    for named, where in ((sheet or "", "sheet_name"), (os.path.splitext(os.path.basename(filename))[0], "file_name")):
        found = title_year([[named]], 1, lex) if named.strip() else None
        if found is not None:
            return found, where
    return None, "title"


def ordinal_years(rows: list[list[str]], layout: Layout, lex: Lexicon) -> bool:
    """Give a year to each value column headed 第一年度 / 第二年度 … when a title line above the
    header names the period (（2024—2025年）: 第一年度 is 2024), by the lexicon's ``title_year``
    ``span`` and ``ordinal``. True when a column was given its year."""
    if lex.title_span is None or lex.year_ordinal is None:
        return False
    cols = [c for c in layout.cols("value") if c.year is None and lex.year_ordinal.search(normalize_text(c.header))]
    if not cols:
        return False
    span = next((m for row in rows[:layout.first_header_row] for cell in row
                 if (m := lex.title_span.search(normalize_text(cell))) and int(m.group("a")) <= int(m.group("b"))), None)
    if span is None:
        return False
    start, end = int(span.group("a")), int(span.group("b"))
    for c in cols:
        n = lex.year_ordinal.search(normalize_text(c.header)).group("n")  # type: ignore[union-attr]
        year = start + ordinal(n) - 1
        if start <= year <= end:
            c.year = year
    return any(c.year for c in cols)


def level_text(text: str) -> str:
    return strip_score(normalize_text(text))


def fill_levels(values: list[str]) -> tuple[list[str], str]:
    """Fill a level column over its blocks. ``values``: the cell of each indicator row ("" for
    blank). Returns the filled list and the mode: ``down`` (labels at the top of their blocks,
    or repeated) or ``centered`` (the first rows are blank: each label sits in the middle of its
    block, so a block reaches as far below the label as it starts above it)."""
    n = len(values)
    marks = [(i, v) for i, v in enumerate(values) if v]
    if not marks:
        return list(values), "none"
    if marks[0][0] == 0 or all(v for v in values):
        out, last = [], ""
        for v in values:
            last = v or last
            out.append(last)
        return out, "down"
    out = [""] * n
    start = 0
    # consecutive equal labels are one block (a label repeated on each row)
    groups: list[tuple[int, int, str]] = []
    for i, v in marks:
        if groups and groups[-1][2] == v and i == groups[-1][1] + 1:
            groups[-1] = (groups[-1][0], i, v)
        else:
            groups.append((i, i, v))
    for k, (a, b, v) in enumerate(groups):
        centre = (a + b) / 2
        end = int(round(2 * centre - start)) if k + 1 < len(groups) else n - 1
        nxt = groups[k + 1][0] if k + 1 < len(groups) else n
        end = max(b, min(end, nxt - 1))
        for j in range(start, end + 1):
            out[j] = v
        start = end + 1
    for j in range(start, n):  # rows after a block the last label did not reach
        out[j] = groups[-1][2]
    return out, "centered"


def _written_since(labels: list[dict[str, str]]) -> list[bool]:
    """For each row: a first level was written on it or above it after the last second level was
    (a second level carried down from there would cross into another first level's block)."""
    out, l1_at, l2_at = [], -1, -1
    for n, lab in enumerate(labels):
        l1_at = n if lab.get("level1") else l1_at
        l2_at = n if lab.get("level2") else l2_at
        out.append(l1_at > l2_at)
    return out


def fill_level_columns(labels: list[dict[str, str]], lex: Lexicon) -> dict[str, list[str]]:
    """The first and second level of each indicator row from the labels written on the rows
    (``labels``: each row's ``level1`` / ``level2`` cell, "" when blank), each column filled over its
    blocks (:func:`fill_levels`). A centred first level's reach is a guess, so a second level's own
    parent wins; a second level is not carried down into a first level written after it
    (满意度指标 under 社会效益指标: no second level); a second level under a first level it does not
    belong to, carried up from below, takes its own parent when that first level is written nowhere."""
    filled: dict[str, list[str]] = {}
    modes: dict[str, str] = {}
    for lv in ("level1", "level2"):
        filled[lv], modes[lv] = fill_levels([lab.get(lv, "") for lab in labels])
    if modes["level1"] == "centered":  # a centred label's reach is a guess: the second level knows better
        known = set(filled["level1"])
        for n, l2 in enumerate(filled["level2"]):
            parent = lex.level2_to_level1.get(l2)
            if parent in known:
                filled["level1"][n] = parent
    written_l1 = {lab.get("level1") for lab in labels}
    since = _written_since(labels)
    for n, (l1, l2) in enumerate(zip(filled["level1"], filled["level2"])):
        parent = lex.level2_to_level1.get(l2)
        other = bool(l1 and parent) and _family(parent) != _family(l1)  # (项目完成指标 is 产出指标 by another name)
        if other and not labels[n].get("level2") and (labels[n].get("level1") or (modes["level2"] == "down" and since[n])):
            filled["level2"][n] = ""  # 满意度指标 with no second level: 社会效益指标 above is not carried into it
        elif other and not labels[n].get("level1") and parent not in written_l1:
            filled["level1"][n] = parent  # 数量指标 under a 效益指标 carried up from below (产出指标 lost): its own parent
    return filled


_FAMILY = re.compile(r"产出|完成|效益|效果|成效|满意度")
_FAMILY_AS = {"完成": "产出", "效果": "效益", "成效": "效益"}  # 项目完成指标 / 产出目标 / 产出; 效果指标 / 项目效益指标


def _family(level1: str) -> str:
    """The kind of a first level however a template words it (产出指标, 产出目标, 项目产出, 项目完成指标
    → 产出; 效益指标, 效果指标, 项目效益指标 → 效益); the word itself when it names none."""
    m = _FAMILY.search(level1)
    return _FAMILY_AS.get(m.group(0), m.group(0)) if m else level1


def infer_level_cols(table: RawTable, layout: Layout, lex: Lexicon) -> None:
    """Columns left of the name without a header role that hold level words (评价内容 over
    产出目标 | 数量目标) become the level columns: judged on the rows that hold a name or a value,
    not on notes and sign-off lines under the table."""
    if len(layout.level_cols) == 2:
        return  # (with only 一级指标 named, a blank-headed column beside it may hold the second level)
    body = table.rows[layout.header_row + 1: layout.header_row + 40]
    for col in layout.columns:
        if col.index >= layout.name_col or col.role not in ("", "ignore", "project"):
            continue  # (项目 over 数量指标 | 质量指标: no column of projects, the second level)
        words = [lex.level_word(_cell_at(r, col.index)) for r in body if normalize_text(_cell_at(r, col.index))
                 and (normalize_text(_cell_at(r, layout.name_col))
                      or any(normalize_text(c) and is_value_like(normalize_text(c), lex) for c in r[col.index + 1:]))]
        kinds = [w[0] for w in words if w]
        if kinds and len(kinds) >= len(words) / 2:
            role = max(set(kinds), key=kinds.count)
            if "level1" in kinds and _names_second_level(body, col.index, layout.name_col, lex):
                role = "level1"  # 产出指标 | 数量指标 | 375万平方米, then 质量指标 | 100%: the first level merged down
            if role not in layout.level_cols:
                col.role = role
                layout.level_cols[role] = col.index


def _names_second_level(body: list[list[str]], col: int, name_col: int, lex: Lexicon) -> bool:
    """The rows with a first-level word in ``col`` mostly hold a second-level word in the name column
    (at least two of them, more than half): the form names its indicators by their second level, and
    the rows below a merged first level start one column left."""
    named = [lex.level_word(_cell_at(r, name_col)) for r in body if (w := lex.level_word(_cell_at(r, col))) and w[0] == "level1"]
    second = sum(1 for n in named if n and n[0] == "level2")
    return second >= 2 and second * 2 > len(named)
