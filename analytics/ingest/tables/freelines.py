"""The last resort for a text in which no header fits its rows (a spreadsheet shown as text, its
header scrambled, each indicator on a line of its own: ``指标7:建立预防接种证 221人 221人 2 2``):
every line that starts with a name (after any level words) and goes on with values becomes a row
of a small grid (一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值), the first value the target
and, when the text speaks of actual values (实际 / 完成值), the second the actual. Only lines under
a level word, numbered as indicators (指标1:) or whose target has its comparator written (the rows
of a form copied without its header: ``公益性讲座知晓率 = 100 % 100 5 5``) start the rows, and the
lines after them count: a list of projects and amounts above the indicators is not read, nor a
project's facts (主管部门 …), nor the rows under a next form's title. A pasted text that is nothing
but such lines (four in five at least: ``培训人次 500 人次``) is read whole; a file (a workbook, a CSV)
must show a level, a numbering or a written comparator, so that a sheet of other figures is not
taken for targets. A nature word before the target (定性 | 好坏) is passed over. A list written with
headings and brackets (``【产出指标-数量指标】`` over ``指标1:机柜数量(≥77台)``) is read the same way. Used only when
no other reading found an indicator; every inference is then as uncertain as the layout, and the
review step shows it.
"""

from __future__ import annotations

import re

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import TYPE_WORDS, is_qualitative_text, is_value_like, read_value, split_name
from analytics.ingest.tables.ends import FORM_TITLE
from analytics.ingest.tables.facts import is_sign_off, label_kind
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.sources import RawTable

__all__ = ["line_rows"]

_WORDS_BEFORE = re.compile(r"^(不少于|不低于|不超过|不高于|达到|大于|小于|≥|≤|>|<|=|＞|＜)$")
_UNIT_TOKEN = re.compile(r"^([^\W\d_]{1,3}(/[^\W\d_]{1,3})?|%|‰)$")
_NUMBERED = re.compile(r"^(指标|目标)\s*\d{1,2}\s*[:：、.．]")
_ACTUAL = re.compile(r"(实际|完成值|完成情况)")
_MAX_LINES = 2000
_MAX_LINE = 2000  # characters of a line looked at: an indicator line is short
_CUT_END = re.compile(r"(率|数量|人数|次数|个数|度)$")  # where a name may end before its explanation (narrower than a name's ending)
_TITLE_LINE = re.compile(FORM_TITLE.pattern + r"\s*([(（][^()（）]{0,12}[)）])?$")  # a next form's title: …自评表(2022年度)
_YEAR_ONLY = re.compile(r"^[(（]?(19|20)\d{2}年度?[)）]?$")  # a title's (2021年度), not a value


def _tokens(line: str, lex: Lexicon) -> list[str]:
    """Cells of a line split at blanks: ``不少于 12`` and ``12 种`` kept as one value each."""
    out: list[str] = []
    for tok in line.split():
        if out and _WORDS_BEFORE.match(out[-1]):
            out[-1] += tok
        elif out and re.search(r"\d$", out[-1]) and _UNIT_TOKEN.match(tok) and \
                (normalize_text(tok) in lex.units or normalize_text(tok) in lex.unit_aliases or len(tok) == 1):  # 100 | %
            out[-1] += tok
        else:
            out.append(tok)
    return out


def _values_below(lines: list[str], lex: Lexicon) -> set[int]:
    """Lines holding only values that belong to the line above (a name wrapped from its value)."""
    out: set[int] = set()
    for n in range(1, len(lines)):
        above, here = _tokens(lines[n - 1], lex), _tokens(lines[n], lex)
        if here and all(is_value_like(t, lex) for t in here) and above \
                and not any(is_value_like(t, lex) for t in above) and n - 1 not in out:
            out.add(n)
    return out


def _strip_levels(token: str, levels: dict[str, str], lex: Lexicon) -> str:
    """Level words glued in front of a name (``产出指标数量指标培育品种数量``) set the levels; a
    name written twice (name and its explanation run together) is kept once."""
    words = sorted(lex.level1 | lex.level2, key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for w in words:
            if token.startswith(w) and len(token) - len(w) >= 2 and w.endswith("指标"):
                word = lex.level_word(w)
                if word:
                    levels[word[0]] = word[1]
                    token, changed = token[len(w):], True
                    break
    half = len(token) // 2
    if len(token) % 2 == 0 and half >= 2 and token[:half] == token[half:]:
        return token[:half]
    for cut in range(4, len(token) - 3):  # 党建任务完成率 + 上级党组织要求完成党建工作任务完成率
        if _CUT_END.search(token[:cut]) and token.endswith(token[cut - 3:cut]):
            return token[:cut]
    return token


_HEADING = re.compile(r"^[【\[]([^【】\[\]]{2,40})[】\]]$")
_BRACKETED = re.compile(r"^(?P<head>(指标|目标)\s*\d{1,2}\s*[:：、.．]\s*.+?)\s*[(（](?P<value>[^()（）]{1,24})[)）]$")


def _plain(line: str, lex: Lexicon) -> str:
    """A line of a list written with headings and brackets, as a line of cells: ``【产出指标-数量指标】``
    → ``产出指标 数量指标``; ``指标1:机柜数量(≥77台)`` → ``指标1:机柜数量 ≥77台`` (the bracket holds the
    target when it reads as a value or as words of a target)."""
    text = line.strip()
    m = _HEADING.match(text)
    if m:
        parts = [p.strip() for p in re.split(r"[-—－–/、]", m.group(1)) if p.strip()]
        return " ".join(parts) if parts and all(lex.level_word(p) for p in parts) else line
    m = _BRACKETED.match(text)
    if m:
        value = normalize_text(m["value"])
        if is_value_like(value, lex) or is_qualitative_text(value, lex):
            return f"{m['head']} {m['value'].strip()}"
    return line


def line_rows(table: RawTable, lex: Lexicon) -> tuple[RawTable, list[dict[str, str]]] | None:
    """The grid of the lines of ``table`` that read as name-then-values (see the module's help) and
    the numbered or levelled lines that hold no value right after their name (listed as unread), or
    ``None`` when fewer than three lines read."""
    lines = [_plain(" ".join(c for c in row if c.strip())[:_MAX_LINE], lex) for row in table.rows[:_MAX_LINES]]
    rows: list[list[str]] = []
    refs: list[str] = []
    levels = {"level1": "", "level2": ""}
    actual = False
    unread: list[dict[str, str]] = []
    merged = _values_below(lines, lex)
    loose: list[tuple[list[str], str]] = []  # name-then-value lines before any row was placed
    for n, (line, ref) in enumerate(zip(lines, table.refs)):
        if n in merged:
            continue
        tokens = _tokens(line + (" " + lines[n + 1] if n + 1 in merged else ""), lex)
        k = 0
        while k < len(tokens) and lex.level_word(tokens[k]):
            word = lex.level_word(tokens[k])
            assert word is not None
            if word[0] == "level2" and k + 1 < len(tokens) and is_value_like(normalize_text(tokens[k + 1]), lex) \
                    and levels["level2"] and k == 0:
                break  # 服务对象满意度指标 / 服务对象满意度 100%: under its level, a second-level word with a value names the row
            levels[word[0]] = word[1]
            k += 1
        if k >= len(tokens):
            continue
        tokens[k] = _strip_levels(tokens[k], levels, lex)
        name = split_name(tokens[k], lex)[0]
        if rows and _TITLE_LINE.search(line.strip()):
            break  # the next form's title: its rows are not this table's
        values = []
        for tok in tokens[k + 1:]:
            if not values and normalize_text(tok) in TYPE_WORDS:
                continue  # 定性 | 好坏: the nature column before the target
            worded = not values and len(tok) <= 20 and is_qualitative_text(normalize_text(tok), lex)  # 有力保障
            if not (is_value_like(tok, lex) or worded) or _YEAR_ONLY.match(normalize_text(tok)):
                break
            values.append(tok)
        named = (re.search(r"[\u4e00-\u9fff]{4}", name) or (
            re.search(r"[\u4e00-\u9fff]{2}", name) and not is_value_like(name, lex))) and not label_kind(name, lex)
        placed = bool(levels["level1"] or levels["level2"] or _NUMBERED.match(tokens[k])
                      or (values and read_value(values[0], "higher", lex).explicit)  # rows copied without their header
                      or (rows and not is_sign_off(name, lex)))  # a row among them (培训完成时间 2024年12月底前)
        if values and named and not placed and not is_sign_off(name, lex):
            loose.append(([levels["level1"], levels["level2"], tokens[k], values[0], values[1] if len(values) > 1 else ""], ref))
        if not values or not named or not placed:  # before any level or numbering: not the indicators
            if not rows and _ACTUAL.search(line):
                actual = True  # the header's words, above the first row
            elif named and (k or _NUMBERED.match(tokens[k])):
                unread.append({"where": ref, "text": " ".join(tokens)[:200], "reason": "no_value"})
            continue
        rows.append([levels["level1"], levels["level2"], tokens[k], values[0], values[1] if len(values) > 1 else ""])
        refs.append(ref)
    filled = sum(1 for ln in lines if ln.strip())
    if len(rows) < 3 and len(loose) >= 3 and len(loose) * 5 >= filled * 4 and table.fmt.startswith("text"):
        rows, refs = [r for r, _ in loose], [ref for _, ref in loose]  # a bare list of names and targets, nothing else
    if len(rows) < 3:
        return None
    header = ["一级指标", "二级指标", "三级指标", "指标值"] + (["实际完成值"] if actual else [])
    grid = [header] + [r[:len(header)] for r in rows]
    return RawTable("text-lines-free", grid, [refs[0]] + refs, table.sheet, True, list(table.sheets)), unread
