"""The last resort for a text in which no header fits its rows (a spreadsheet shown as text, its
header scrambled, each indicator on a line of its own: ``指标7:建立预防接种证 221人 221人 2 2``):
every line that starts with a name (after any level words) and goes on with values becomes a row
of a small grid (一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值), the first value the target
and, when the text speaks of actual values (实际 / 完成值), the second the actual. Used only when
no other reading found an indicator; every inference is then as uncertain as the layout, and the
review step shows it.
"""

from __future__ import annotations

import re

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import is_value_like, split_name
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.sources import RawTable

__all__ = ["line_rows"]

_WORDS_BEFORE = re.compile(r"^(不少于|不低于|不超过|不高于|达到|大于|小于|≥|≤|>|<|=|＞|＜)$")
_UNIT_TOKEN = re.compile(r"^[^\W\d_]{1,3}(/[^\W\d_]{1,3})?$")
_NUMBERED = re.compile(r"^(指标|目标)\s*\d{1,2}\s*[:：、.．]")
_ACTUAL = re.compile(r"(实际|完成值|完成情况)")
_MAX_LINES = 2000
_YEAR_ONLY = re.compile(r"^[(（]?(19|20)\d{2}年度?[)）]?$")  # a title's (2021年度), not a value


def _tokens(line: str, lex: Lexicon) -> list[str]:
    """Cells of a line split at blanks: ``不少于 12`` and ``12 种`` kept as one value each."""
    out: list[str] = []
    for tok in line.split():
        if out and _WORDS_BEFORE.match(out[-1]):
            out[-1] += tok
        elif out and re.search(r"\d$", out[-1]) and _UNIT_TOKEN.match(tok) and \
                (normalize_text(tok) in lex.units or normalize_text(tok) in lex.unit_aliases or len(tok) == 1):
            out[-1] += tok
        else:
            out.append(tok)
    return out


def line_rows(table: RawTable, lex: Lexicon) -> tuple[RawTable, list[dict[str, str]]] | None:
    """The grid of the lines of ``table`` that read as name-then-values (see the module's help) and
    the numbered or levelled lines that hold no value right after their name (listed as unread), or
    ``None`` when fewer than three lines read."""
    lines = [" ".join(c for c in row if c.strip()) for row in table.rows[:_MAX_LINES]]
    rows: list[list[str]] = []
    refs: list[str] = []
    levels = {"level1": "", "level2": ""}
    actual = False
    unread: list[dict[str, str]] = []
    for line, ref in zip(lines, table.refs):
        tokens = _tokens(line, lex)
        k = 0
        while k < len(tokens) and lex.level_word(tokens[k]):
            word = lex.level_word(tokens[k])
            assert word is not None
            levels[word[0]] = word[1]
            k += 1
        if k >= len(tokens):
            continue
        name = split_name(tokens[k], lex)[0]
        values = []
        for tok in tokens[k + 1:]:
            if not is_value_like(tok, lex) or _YEAR_ONLY.match(normalize_text(tok)):
                break
            values.append(tok)
        named = re.search(r"[\u4e00-\u9fff]{4}", name) or (
            re.search(r"[\u4e00-\u9fff]{2}", name) and not is_value_like(name, lex))
        if not values or not named:
            if not rows and _ACTUAL.search(line):
                actual = True  # the header's words, above the first row
            elif named and (k or _NUMBERED.match(tokens[k])):
                unread.append({"where": ref, "text": " ".join(tokens)[:200], "reason": "no_value"})
            continue
        rows.append([levels["level1"], levels["level2"], tokens[k], values[0], values[1] if len(values) > 1 else ""])
        refs.append(ref)
    if len(rows) < 3:
        return None
    header = ["一级指标", "二级指标", "三级指标", "指标值"] + (["实际完成值"] if actual else [])
    grid = [header] + [r[:len(header)] for r in rows]
    return RawTable("text-lines-free", grid, [refs[0]] + refs, table.sheet, True, list(table.sheets)), unread
