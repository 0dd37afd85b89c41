"""Where a next form begins in a text copied one cell a line: a department's document holding one
绩效目标表 a project, copied out of a PDF, runs the forms on one after the other, and cutting the
text into rows by the first form's header would put the next form's facts and title in its cells
(``绩效目标表 | (2020年度)`` read as an indicator, the next form's rows joined to the first's). A
form begins at its title (``…项目支出绩效目标表``, alone on its line with its year or unit beside it)
or at its facts (``项目名称`` …) once the form above has shown its header (一级指标, 三级指标, 指标值 …)
and its levels below it (产出指标, 数量指标 …), which a report's headings (三、满意度指标) alone never do, or, for a form
copied without its title and facts, at its header said again once the levels below start over from
their first (:func:`.ends.levels_again`: 产出指标 again after 满意度指标, where a header repeated at
the top of a PDF's new page goes on in the level the page broke in); each part is then read as a
form of its own (see ``analytics.ingest.tables.parse_table``).
"""

from __future__ import annotations

import re

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import header_role
from analytics.ingest.tables.ends import FORM_TITLE, TABLE_NUMBER, levels_again, starts_facts, title_ends
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.raw import RawTable

__all__ = ["form_parts"]

_TITLE_ABOVE = 6  # lines above a 项目名称 line its form's title may stand in
_HEADS = ("level1", "level2", "name", "value")  # the header cells of a form's indicators (a report's 三、满意度指标 is none)


def form_parts(table: RawTable, lex: Lexicon) -> list[RawTable] | None:
    """``table`` (a text read one cell a line) cut where each later form begins, each part with its
    own rows and the text's lines from its first to its last, numbered as in the file; ``None``
    when no form begins after the first one's levels."""
    if table.fmt != "text-lines":
        return None
    starts, header, levels = [0], False, False
    firsts: list[str] = []  # the level labels below the form's header so far, in order
    for i, row in enumerate(table.rows):
        cells = [normalize_text(c) for c in row if c.strip()]
        if not cells:
            continue
        heads = (levels or not header) and any(header_role(c, lex) in _HEADS for c in cells)  # 一级指标, 指标值 …
        again = levels and heads and levels_again(firsts, table.rows[i:], lex)  # the header again, the levels over
        if levels and (again or _title(cells) or starts_facts(row, lex)):  # … from their first: its title left out
            above = next((j for j in range(i - 1, max(starts[-1], i - _TITLE_ABOVE), -1)
                          if _title([normalize_text(c) for c in table.rows[j] if c.strip()])), i)
            while above - 1 > starts[-1] and _lead([normalize_text(c) for c in table.rows[above - 1] if c.strip()]):
                above -= 1  # 附件2, 表三 above the title: the next form's
            starts.append(above)  # the form's title above its 项目名称, or the line itself
            header = levels = False
            firsts = []
            continue
        header = header or heads
        levels = levels or header and any(lex.level_word(c) is not None for c in cells)  # … then 产出指标 below it
        firsts.extend(c for c in cells if header and lex.level_word(c))
    if len(starts) < 2:
        return None
    return [_part(table, a, b) for a, b in zip(starts, starts[1:] + [len(table.rows)])]


def _title(cells: list[str]) -> bool:
    """A line that is a form's title: its one cell names the form (绩效目标表, 自评表 …) and ends there
    or with its year, unit or a short note in brackets."""
    if len(cells) != 1:
        return False
    m = FORM_TITLE.search(cells[0])
    return bool(m) and title_ends(cells[0][m.end():])


_ATTACHMENT = re.compile(r"附件\s*[\d一二三四五六七八九十]{0,3}\s*[:：]?")


def _lead(cells: list[str]) -> bool:
    """A line that numbers the form below it: ``附件1``, ``附表3``, ``表十二`` alone."""
    return len(cells) == 1 and bool(_ATTACHMENT.fullmatch(cells[0]) or TABLE_NUMBER.fullmatch(cells[0]))


_LINE = re.compile(r"L(\d+)")


def _part(table: RawTable, a: int, b: int) -> RawTable:
    """Rows ``a`` to ``b`` of ``table``, with the text's lines up to the next part's first kept in
    their places (the lines above blank), as :func:`parse_table` reads a text's lines."""
    first = _LINE.fullmatch(table.refs[a])
    last = _LINE.fullmatch(table.refs[b]) if b < len(table.refs) else None
    lines: list[str] = []
    if first and table.lines:
        end = int(last.group(1)) - 1 if last else len(table.lines)
        lines = [""] * (int(first.group(1)) - 1) + table.lines[int(first.group(1)) - 1:end]
    return RawTable(table.fmt, table.rows[a:b], table.refs[a:b], table.sheet, table.merged, list(table.sheets), lines,
                    table.pictures, table.ocr, table.left_out, table.hidden_read)
