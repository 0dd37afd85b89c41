"""A copy that stops before its values: a PDF's text in the order it is drawn, the header's level
and name words first, then every level label and every name, the copy cut at the value column's
header (``一级 指标 二级指标 三级指标 基本康复服务人数 … 绩 效 指 标 产 出 指 标 数量指标 … 指标值``).

The words a blank broke (``绩 效 指 标``, ``效果指 标``, ``社会效益 指标``) are joined when together
they are a level or header word of the lexicon; a name broken by a blank (``…项目补助 基地个数``) is
joined when its first part does not end the way a name does and the two do. The level labels,
drawn in the middle of their merged blocks, cannot be told to their names: they are passed over,
with any piece of a label drawn apart from it (``服务对象`` of 服务对象满意度指标). The names become
rows without a level or a target, for the manager to fill in: the reading marks every target blank
for review. Only a text whose part after the header holds
no digit at all, and at least three names, is read this way (the last resort once no way of
reading it found a row).
"""

from __future__ import annotations

import re

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import ends_like_name, header_role
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.placed import row_places
from analytics.ingest.tables.sources import RawTable

__all__ = ["names_only"]

_MAX_LINES = 400
_MAX_JOIN = 5  # tokens a blank-broken word may have been cut into (绩 效 指 标)
_MIN_NAMES = 3
_CJK = re.compile(r"[\u4e00-\u9fff]")
_HEADER = ("三级指标", "指标值")


def _known(word: str, lex: Lexicon) -> bool:
    """``word`` is a level label or a header word of the lexicon."""
    return bool(lex.level_word(word)) or word in lex.run_words


def _listed(word: str, lex: Lexicon) -> bool:
    """``word`` is one of the lexicon's own level labels or header words (what broken pieces are joined to)."""
    return word in lex.level1 or word in lex.level2 or word in lex.run_words


def _joined(tokens: list[str], lex: Lexicon) -> list[str]:
    """``tokens`` with the pieces of a level or header word broken by blanks joined (the longest join)."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        take = next((k for k in range(min(_MAX_JOIN, len(tokens) - i), 1, -1)
                     if _listed("".join(tokens[i:i + k]), lex)), 1)
        out.append("".join(tokens[i:i + take]))
        i += take
    return out


def _level_piece(token: str, lex: Lexicon) -> bool:
    """``token`` is the start of a longer level label of the lexicon (服务对象 of 服务对象满意度指标)."""
    return any(w.startswith(token) and w != token for w in lex.level1 | lex.level2 if len(w) > len(token) + 2)


def names_only(table: RawTable, lex: Lexicon) -> RawTable | None:
    """The grid (title | header | one row a name, its target blank) of a copy cut before its values
    (see the module's help), or ``None``."""
    lines = [" ".join(c for c in row if c.strip()) for row in table.rows[:_MAX_LINES]]
    tokens = _joined([t for t in (normalize_text(w) for w in " ".join(lines).split()) if t], lex)
    at = next((k for k, t in enumerate(tokens) if header_role(t, lex) == "name" and t in lex.run_words
               and any(header_role(u, lex) in ("level1", "level2") for u in tokens[max(0, k - 3):k])), None)
    if at is None:
        return None
    start = min(k for k in range(max(0, at - 3), at + 1) if header_role(tokens[k], lex) in ("level1", "level2", "name"))
    body = tokens[at + 1:]
    end = next((k for k, t in enumerate(body) if header_role(t, lex) == "value" and t in lex.run_words), len(body))
    body = body[:end]
    if any(re.search(r"\d", t) for t in body):
        return None  # values in it: read by the other ways, or not a copy cut before its values
    rows: list[list[str]] = []
    k = 0
    while k < len(body):
        token = body[k]
        if not (_known(token, lex) or _level_piece(token, lex) or len(_CJK.findall(token)) < 2):
            nxt = body[k + 1] if k + 1 < len(body) else ""
            if nxt and not ends_like_name(token) and ends_like_name(token + nxt) and not _known(nxt, lex):
                token, k = token + nxt, k + 1  # …项目补助 | 基地个数: one name broken by a blank
            rows.append([token, ""])
        k += 1
    if len(rows) < _MIN_NAMES:
        return None
    title = " ".join(tokens[:start])
    head = [[title]] if title else []
    grid = head + [list(_HEADER)] + rows
    pieces = [re.sub(r"\s+", "", normalize_text(line)) for line in lines]
    return RawTable("text-names", grid, row_places(grid, pieces, table.refs[:len(pieces)]), table.sheet, False,
                    list(table.sheets))  # each name at its own line
