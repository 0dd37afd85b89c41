"""Where a table ends and the next begins: the next form's title (with its year, unit or a note in
brackets, in its own cell or beside it), the next table's number (表十二, 附表3), the facts of
the next form (项目名称 …), or its header said again with its levels over from their first; and
which line above a header is its form's own title."""

from __future__ import annotations

import itertools
import re

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import header_role
from analytics.ingest.tables.layout import Layout
from analytics.ingest.tables.facts import label_kind
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.spent import block_header

__all__ = ["FORM_TITLE", "TABLE_NUMBER", "budget_block", "form_title", "indicator_header", "levels_again", "next_title",
           "starts_facts", "title_ends"]

#: the words a form's title ends with (项目支出绩效目标表, …绩效自评表, …目标申报表, …批复表): a next form begins
FORM_TITLE = re.compile(r"(绩效目标表|绩效目标申报表|目标申报表|绩效自评表|目标自评表|自评表|批复表|目标完成情况表)")
TABLE_NUMBER = re.compile(r"附?表\s*([一二三四五六七八九十]{1,3}|\d{1,2}(-\d{1,2})?)[:：]?")
_TITLE_TAIL = re.compile(r"[(（]?(19|20)\d{2}年度?[)）]?|(金额)?单位[:：]\S{1,4}")
_TITLE_NOTE = re.compile(r"[(（][^()（）\d]{1,8}[)）]")


def starts_facts(row: list[str], lex: Lexicon) -> bool:
    """The row names a project (项目名称 …): the facts of a next form begin, the table has ended."""
    texts = [normalize_text(c) for c in row if c.strip()][:2]
    return any(re.search(lex.facts["name"], t) for t in texts)


def indicator_header(row: list[str], lex: Lexicon) -> bool:
    """The row is a header of indicators: two of 一级指标, 二级指标 and 三级指标 (or 指标名称) and a
    value's column (指标值, 年度目标 …)."""
    roles = [header_role(t, lex) for t in (normalize_text(c) for c in row) if t]
    return roles.count("name") + roles.count("level1") + roles.count("level2") >= 2 and "value" in roles


_HEADER_BELOW = 12  # lines of a header (one cell a line: 一级指标, 二级指标 … 得分) passed to the first row below it


def levels_again(above: list[str], below: list[list[str]], lex: Lexicon) -> bool:
    """A header said again after rows (``above``: the level labels of the rows read, in order) begins
    a next table, one copied without its title and facts: the first row below the header (``below``,
    its other lines passed) names first a level label the rows above have already left (产出指标
    again after 满意度指标; 数量指标 again after 服务对象满意度指标, in a web copy that puts 产出指标 in
    the middle of its block). A header said again at the top of a PDF's new page is followed by the
    level the page broke in (产出指标 again after 产出指标), a later one or a name: the same table. A
    first level the rows above ended in starts over when its second does (产出指标 · 数量指标 again
    after 产出指标 · 时效指标, a first table of 产出指标 only); the labels are those of the first row
    below, and of the next ones while they hold labels alone (one cell a line)."""
    seen = [word for word in (lex.level_word(t) for t in above if t) if word]
    last = {level: label for level, label in seen}  # each level's label the rows above ended in
    words: list[tuple[int, str]] = []
    for cells in itertools.islice((c for c in ([normalize_text(t) for t in r if t.strip()] for r in below) if c),
                                  _HEADER_BELOW):
        if not words and all(header_role(c, lex) for c in cells):
            continue  # the header's other cells or lines (指标值, 2021年实际实现值 …)
        said = [w for w in (lex.level_word(c) for c in cells) if w]
        words += said
        if not said or len(said) < len(cells):
            break  # a row with a name or a value: its levels are said
    for word in words:  # the first level that is not the one the rows above ended in decides
        if word not in seen:
            return False
        if last[word[0]] != word[1]:
            return True
    return False


def budget_block(rows: list[list[str]], i: int, lex: Lexicon) -> bool:
    """Row ``i`` begins a budget block below the indicators (a 监控表 that puts its funds last): the
    block's header (``资金来源 | 全年预算数 | 1-8月执行数 | 执行率``), or its title alone on its row
    (``项目资金执行情况（万元）``) with that header next."""
    cells = [c for c in rows[i] if c.strip()]
    if cells and block_header(cells, lex) is not None:
        return True
    if len({normalize_text(c) for c in cells}) != 1 or label_kind(cells[0], lex) != "total":
        return False
    below = next((r for r in rows[i + 1:] if any(c.strip() for c in r)), None)
    return below is not None and block_header([c for c in below if c.strip()], lex) is not None


def next_title(texts: list[str], layout: Layout, lex: Lexicon) -> bool:
    """The row (its cells' normalized texts) is the next table's number alone, or a next form's title
    with nothing beside it but its year or unit (or level labels merged down over it)."""
    filled = [t for t in texts if t]
    if len(filled) == 1 and TABLE_NUMBER.fullmatch(filled[0]):
        return True
    m = FORM_TITLE.search(filled[0]) if filled else None
    return bool(m) and title_ends(filled[0][m.end():]) \
        and all(t == filled[0] or _TITLE_TAIL.fullmatch(t) for t in filled[1:] if not _merged_over(t, texts, layout, lex))


def _merged_over(text: str, texts: list[str], layout: Layout, lex: Lexicon) -> bool:
    """A level label beside a next form's title left of the names (a label merged down over the
    title row of a workbook holding two forms), not a cell of the title row."""
    first = next(i for i, t in enumerate(texts) if t)
    return first < layout.name_col and first not in layout.level_cols.values() and lex.level_word(text) is not None


def title_ends(rest: str) -> bool:
    """What follows a form's title word in its cell ends the title: nothing, its year or unit
    (``项目绩效目标完成情况表 (2019 年度)`` in one merged cell), or a short note in brackets (``(一级项目)``)."""
    rest = "".join(rest.split())
    return not rest or bool(_TITLE_TAIL.fullmatch(rest) or _TITLE_NOTE.fullmatch(rest))


_NEAR_TITLE = 10  # rows right above a header searched for its form's own title
_TITLE_WORDS = re.compile("表|绩效目标")
_OWN_TITLE = re.compile(r"^[^。；;,，:：]{4,60}(绩效目标|绩效指标|自评|评价|申报|批复)[^。；;,，:：]{0,8}表\s*([(（][^()（）]{2,12}[)）])?$")


def form_title(rows: list[list[str]]) -> str | None:
    """The form's title: a lone cell naming a 表 in the first rows, or, when other rows stand above
    (a document's other tables before the form), in the rows right above its header, the nearest first."""
    def first(candidates: list[list[str]], pattern: re.Pattern[str]) -> str | None:
        for row in candidates:
            cells = {normalize_text(c) for c in row if c.strip()}
            t = " ".join(next(c for c in row if c.strip()).split()) if len(cells) == 1 else ""
            if t and pattern.search(t) and not TABLE_NUMBER.fullmatch(t):  # 表十二: the number, not the title
                return t.replace(" ", "")
        return None
    top = first(rows[:4], _TITLE_WORDS)
    near = first(rows[:-_NEAR_TITLE - 1:-1], _OWN_TITLE) if len(rows) > _NEAR_TITLE else None
    if near and top and (_core(near) in top or _core(top) in near):
        return top  # the same title, the top one as written (湘潭市…2023年项目支出绩效目标表 over 2023年…)
    return near or top


def _core(title: str) -> str:
    return re.sub(r"^(19|20)\d{2}年度?|[(（][^()（）]*[)）]", "", title)
