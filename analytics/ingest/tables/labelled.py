"""Indicators written as labelled sentences, one a line, as a self-evaluation report lists them
under its level headings (``(一) 产出指标`` / ``1、数量指标`` /
``1)主导制修订国家标准的项目数量(项),目标值2,完成值2,分值6,得分6。``): each such line is a row whose
first part is the name and whose other parts each start with a column's header word (目标值, 完成值,
实际完成值, 分值, 得分 …) followed by the cell's value. The lines become a small grid —
一级指标 | 二级指标 | 三级指标 | the labels in the order first written — that the table reader then reads
like any other table: the labels name the columns (target, actual, ignored), a unit in brackets after
the name is the unit, and the level headings above set the levels. The lines above the first row
stay as they are (the title gives the year); other sentences are no rows and are left out, and the
report's next numbered heading (``三、存在问题``) ends the list.

Used only when at least two lines carry two labelled values each (a report that merely mentions
``目标值`` once is no such list).
"""

from __future__ import annotations

import re
from collections import Counter

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import fits, header_role, is_value_like
from analytics.ingest.tables.facts import is_section_heading
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.sources import RawTable

__all__ = ["labelled_rows"]

HEADER = ["一级指标", "二级指标", "三级指标"]
_NUMBERING = re.compile(r"^\s*(?:[(（]?\s*[一二三四五六七八九十\d]{1,3}\s*[)）、.．]\s*)+")
_PARTS = re.compile(r"[,，;；]")
_JOINERS = re.compile(r"^[:：为是\s]+")
_LABEL = re.compile(r"[\u4e00-\u9fff()（）A-Za-z]+")
_LABEL_END = re.compile(r"(值|分|况|成|数)$")  # 目标值, 得分, 完成情况, 实际完成, 完成数
_ROLES = ("value", "ignore")  # a target / actual column, or a score beside them
_MIN_LINES = 2  # lines with two labelled values each that make a text such a list
_LONGEST_LABEL = 8  # characters of a column's header word before its value
_MAX_LINES = 5_000


def _labelled(part: str, lex: Lexicon) -> tuple[str, str] | None:
    """``(label, value)`` when ``part`` is a column's header word followed by its value (目标值200,
    完成值为100%, 得分10, 目标值按时完成), else ``None``: the shortest header word whose rest reads as a
    value; else the shortest ending the way a header word does (…值, …分, …成) whose rest can be a
    value in words."""
    t = normalize_text(part).strip().rstrip("。.")
    splits = [(t[:n], _JOINERS.sub("", t[n:])) for n in range(2, min(_LONGEST_LABEL, len(t) - 1) + 1)]
    splits = [(label, rest) for label, rest in splits if rest and _LABEL.fullmatch(label)
              and header_role(label, lex) in _ROLES]
    for label, rest in splits:
        if is_value_like(rest, lex):
            return label, rest
    for label, rest in splits:
        if _LABEL_END.search(label) and fits(rest, "value", lex):
            return label, rest
    return None


def _row(line: str, lex: Lexicon, known: frozenset[str] = frozenset()) -> tuple[str, list[tuple[str, str]]] | None:
    """The name and the labelled values of a line, when its first part is a name and the parts
    after it are labelled values (one of them a target or an actual); the first value may be
    written right after the name under one of the ``known`` labels."""
    parts = [p for p in _PARTS.split(normalize_text(line)) if p.strip()]
    if len(parts) < 2:
        return None
    name = _NUMBERING.sub("", parts[0]).strip()
    if _labelled(parts[0], lex) is not None:
        return None
    glued = _glued(name, known, lex)  # 培训人数目标值200人: the first value written right after the name
    if glued is not None:
        name = glued[0]
    if not re.search(r"[\u4e00-\u9fff]{2}", name):
        return None
    cells = [_labelled(p, lex) for p in parts[1:]]
    found = ([glued[1]] if glued is not None else []) + [c for c in cells if c is not None]
    first = next((value for label, value in found if header_role(label, lex) == "value"), "")
    if first and re.search(r"\d", first) and name.endswith(first) and len(name) - len(first) >= 2:
        name = name[:-len(first)]  # …设备购置资金300万,年初目标值300万: the amount written after the name again
    if not any(header_role(label, lex) == "value" for label, _ in found):
        return None
    return name, found


def _value_words(lex: Lexicon) -> frozenset[str]:
    """The lexicon's header words of target and actual columns (目标值, 实际完成值 …): the labels a
    name's first value may be written under right after it."""
    return frozenset(w for w in lex.run_words if header_role(w, lex) == "value")


def _glued(text: str, known: frozenset[str], lex: Lexicon) -> tuple[str, tuple[str, str]] | None:
    """``(name, (label, value))`` when ``text`` is a name with a labelled value right after it
    (培训人数目标值200人) under one of the ``known`` labels, else ``None``."""
    for label in sorted(known, key=len, reverse=True):
        k = text.find(label)
        if k >= 2:
            cell = _labelled(text[k:], lex)
            if cell is not None and cell[0] == label and header_role(label, lex) == "value":
                return text[:k], cell
    return None


def _kept(row: tuple[str, list[tuple[str, str]]] | None, labels: set[str], lex: Lexicon
          ) -> tuple[str, list[tuple[str, str]]] | None:
    """``row`` with only the values under ``labels`` (the labels two rows or more use: 设置绩效目标11个 in a
    report's summary sentence is no column), or ``None`` when no target or actual is left."""
    if row is None:
        return None
    found = [(label, value) for label, value in row[1] if label in labels]
    return (row[0], found) if any(header_role(label, lex) == "value" for label, _ in found) else None


def _slips_mended(row: tuple[str, list[tuple[str, str]]] | None, seen: Counter[str]
                  ) -> tuple[str, list[tuple[str, str]]] | None:
    """``row`` with a label written once that is a label other lines use less its first character
    (初目标值 among lines with 年初目标值: a character lost in the copy) written as that label."""
    if row is None:
        return None
    def mended(label: str) -> str:
        if seen[label] >= _MIN_LINES:
            return label
        whole = [w for w, n in seen.items() if n >= _MIN_LINES and len(w) == len(label) + 1 and w.endswith(label)]
        return whole[0] if len(whole) == 1 else label
    return row[0], [(mended(label), value) for label, value in row[1]]


_SENTENCE_END = re.compile(r"[;；]")
_LEAD_LEVEL = re.compile(r"^(?P<level>[^,，;；。:：]{2,12}?)[。.．:：]\s*(?=\S)")


def _sentences(lines: list[str], refs: list[str], lex: Lexicon
               ) -> tuple[list[str], list[str], list[tuple[str, list[tuple[str, str]]] | None]]:
    """The lines with a level word leading them set on a line of its own (数量指标。养老金领取人数…) and a
    line holding several labelled rows cut into one line each (…年初任务数101974人,全年完成值103119人;全年缴费人数
    年初任务数216786人,全年完成值201201人): cut at ``;`` only when every piece reads as a row; with each
    line, its reading as a row (:func:`_row`, read once)."""
    known = _value_words(lex)
    out: list[str] = []
    out_refs: list[str] = []
    read: list[tuple[str, list[tuple[str, str]]] | None] = []
    for line, ref in zip(lines, refs):
        lead = _LEAD_LEVEL.match(line)
        if lead and lex.level_word(_NUMBERING.sub("", lead.group("level"))):
            out.append(lead.group("level"))
            out_refs.append(ref)
            read.append(None)
            line = line[lead.end():]
        pieces = [p for p in _SENTENCE_END.split(line) if p.strip()]
        rows = [_row(p, lex, known) for p in pieces] if len(pieces) >= 2 else []
        if not rows or any(r is None for r in rows):
            pieces, rows = [line], [_row(line, lex, known)]
        out.extend(pieces)
        out_refs.extend([ref] * len(pieces))
        read.extend(rows)
    return out, out_refs, read


def labelled_rows(table: RawTable, lex: Lexicon) -> RawTable | None:
    """The grid of a text listing its indicators as labelled sentences (see the module's help), or
    ``None`` when the text is not written that way."""
    if len(table.rows) > _MAX_LINES:
        return None
    lines, line_refs, read = _sentences([", ".join(c for c in row if c.strip()) for row in table.rows], table.refs, lex)
    seen = Counter(label for r in read if r is not None for label, _ in r[1])
    read = [_slips_mended(r, seen) for r in read]
    seen = Counter(label for r in read if r is not None for label, _ in r[1])
    read = [_kept(r, {label for label, n in seen.items() if n >= _MIN_LINES}, lex) for r in read]
    if sum(1 for r in read if r is not None and len(r[1]) >= 2) < _MIN_LINES:
        return None
    first = next(i for i, r in enumerate(read) if r is not None)
    labels: list[str] = []
    for r in read:
        for label, _ in r[1] if r is not None else []:
            if label not in labels:
                labels.append(label)
    start = first  # the level headings right above the first row are read with the rows
    while start > 0 and (not lines[start - 1].strip() or lex.level_word(_NUMBERING.sub("", lines[start - 1]).strip())):
        start -= 1
    rows: list[list[str]] = [[ln] for ln in lines[:start] if ln.strip()]
    refs: list[str] = [ref for ln, ref in zip(lines[:start], line_refs) if ln.strip()]
    rows.append(HEADER + labels)
    refs.append(line_refs[first])
    levels = {"level1": "", "level2": ""}
    for i in range(start, len(lines)):
        r = read[i]
        if i > first and is_section_heading(lines[i], lex):
            break  # the report's next heading (三、存在问题): its sentences are no rows
        if r is None:
            word = lex.level_word(_NUMBERING.sub("", lines[i]).strip())
            if word is not None:
                levels[word[0]] = word[1]
                if word[0] == "level1":
                    levels["level2"] = ""
            continue
        name, found = r
        values = dict(found)
        rows.append([levels["level1"], levels["level2"], name] + [values.get(label, "") for label in labels])
        refs.append(line_refs[i])
    return RawTable("text-prose", rows, refs)
