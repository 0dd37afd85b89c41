"""How good a reading of a table is, to choose among the ways of cutting a text: its sound and
whole-named indicators, the rows it left unread, its values, and whether a reading set out one cell
a line is the better one (:func:`apart_better`)."""

from __future__ import annotations

import collections
import re
from typing import Any

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import TYPE_WORDS
from analytics.ingest.tables.reading import TableReading
from analytics.ingest.tables.wrapped import reads_complete

__all__ = ["apart_better", "filled", "left", "ran_on", "rank", "sound", "stated_in_names", "whole", "worth"]


def worth(reading: TableReading) -> tuple[float, int]:
    """How good a reading is, to choose among the ways of cutting a text: its sound indicators
    (:func:`sound`), less half a row for each row it could not read (:func:`left`); then its
    indicators."""
    return sound(reading) - left(reading) / 2, len(reading.indicators)


def whole(reading: TableReading) -> int:
    """The sound indicators (:func:`sound`) whose name reads whole (…率, …人数, …性: not a piece of
    a wrapped cell such as 开展农村实用技术培)."""
    by_level = _by_level(reading)
    return sum(1 for ind in reading.indicators if (ind.get("targets") or ind.get("actuals") or ind.get("span"))
               and reads_complete(ind.get("name") or "") and not _row_cut_wrong(ind, by_level))


def left(reading: TableReading) -> int:
    """The rows a reading could not read (listed as unread)."""
    return len(reading.unread)


def filled(reading: TableReading) -> int:
    """The indicators read with a target, an actual or a span: a reading of rows whose values were
    all left blank (a template) counts for less than one that found the values."""
    return sum(1 for ind in reading.indicators if ind.get("targets") or ind.get("actuals") or ind.get("span"))


def _numbered(ind: dict[str, Any]) -> bool:
    """Whether an indicator was read with a number for a target."""
    return any(t.get("value") is not None for t in (ind.get("targets") or {}).values())


_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|‰|[^\W\d_])")


def ran_on(reading: TableReading) -> bool:
    """A reading of labelled lines with a name run across a sentence's end or a level's label
    (产出指标完成情况。一是数量指标:2023年): the lines are a report's sentences, not labelled rows."""
    return any("。" in (ind.get("name") or "") or _cut_wrong(ind.get("name") or "") for ind in reading.indicators)


def stated_in_names(reading: TableReading) -> bool:
    """Most rows of a grid reading hold their figures in the name and no number as target (a 考核
    table whose 考核内容 cells state several targets in words, beside 预期性 | 12)."""
    stated = [ind for ind in reading.indicators if _FIGURE.search(ind.get("name") or "") and not _numbered(ind)]
    return len(stated) >= 2 and 2 * len(stated) >= len(reading.indicators)


_TARGET_IN_NAME = re.compile(r"[≥≧>≤≦<＞＜]=?\s*\d|[^\W\d_][=＝]\d")  # 接种率≧90%, 发放率=100%


_LEVEL_IN_NAME = re.compile(r".(产出|效益|效果|满意度)指标|(产出|效益|效果|满意度)指标.|[^\W\d_]{2}指标[^\W\d_]{2}")
_LEVEL_AS_NAME = re.compile(r"[^\W\d_]{0,6}(数量|质量|时效|成本|效益|满意度|影响|产出|效果)指标|(产出)?(数量|质量|时效|成本)")  # 数量指标 as a name: a level
_BROKEN_START = re.compile(r"^[-—–_.,，、;；:：)）]")  # -图书编目合格率: a filler line's dash run into the name


_RULE_IN_CELL = re.compile(r"(扣分|得满|满分|不得分)")  # a scoring rule's words: in a name or a target, a cell cut wrong
_HEADER_AS_NAME = re.compile(r"(指标值|完成值|目标值)([(（][^()（）]*[)）])?$")  # 预期指标值(包含数字及文字描述): a header cell


def _by_level(reading: TableReading) -> bool:
    """The reading names several rows by their own second level (数量指标 | 数量指标 | 375万平方米,
    质量指标 | 质量指标 | 100%: a form naming its rows so)."""
    return sum(1 for ind in reading.indicators if ind.get("name") and ind.get("name") == ind.get("level2")) >= 2


def _row_cut_wrong(ind: dict[str, Any], by_level: bool) -> bool:
    """:func:`_cut_wrong` for an indicator's name; in a reading naming its rows by their second level
    (:func:`_by_level`), a row so named is not cut wrong."""
    name = ind.get("name") or ""
    return _cut_wrong(name) and not (by_level and name == (ind.get("level2") or ""))


def _cut_wrong(name: str) -> bool:
    """A name that holds a target, a level word or a scoring rule's words, is a level word (数量指标, or
    产出数量 / 质量 alone: a stream cut at a level's label, 产出数量 | 2100 from 产出数量指标 | … | 2100) or
    a value column's header (预期指标值(包含数字及文字描述)), or starts with another cell's end: the row
    was cut wrong."""
    return bool(_TARGET_IN_NAME.search(name) or _LEVEL_IN_NAME.search(name) or _BROKEN_START.match(name)
                or _LEVEL_AS_NAME.fullmatch(name) or _RULE_IN_CELL.search(name) or _HEADER_AS_NAME.search(name))


def rank(reading: TableReading) -> tuple[int, int, int]:
    """Readings compared: more sound indicators (:func:`sound`), then fewer cut wrong, then more indicators."""
    s = sound(reading)
    return s, s - filled(reading), len(reading.indicators)


def sound(reading: TableReading) -> int:
    """:func:`filled`, less the indicators whose name holds a target (``接种率≧90%``) or a level
    word (``实施效果指标产出指标劳务…``, ``项目管理指标项目开工率``), or starts with a filler's dash
    (``-图书编目合格率``), or whose name or target holds a scoring rule's words (完成得满): a way of
    cutting that ran a name into another cell read the row wrong, however full it looks."""
    by_level = _by_level(reading)
    return filled(reading) - sum(1 for ind in reading.indicators if _row_cut_wrong(ind, by_level)
                                 or any(_RULE_IN_CELL.search(str(t.get("raw") or "")) for t in (ind.get("targets") or {}).values()))


def apart_better(apart: TableReading, best: TableReading) -> bool:
    """The reading of a text set out one cell a line (``apart``) is better than ``best``: no worse on
    any count (sound and whole-named indicators, values, rows left unread, repeated names) and
    better on one (by two whole names at least, when that is all: a name run into a target in words
    that ends like a name, 科普知识网络竞赛 提高普及率, reads whole one name more); or more sound
    indicators (:func:`sound`) and no fewer values, with more whole-named ones (:func:`whole`), or
    as many and no more rows left unread than the sound ones it gains; or fewer names shared by
    several rows (:func:`_repeated`: a column of 定量 read as names, 达成预期指 / 效果明显 as names) and,
    as sound, at most one whole-named fewer, or, counting the repeated names out, more sound and more
    whole-named indicators. A copy in the order of its lines, the pieces of several cells side by side,
    reads sound rows of wrong pieces that way, but not more whole names. Targets read as a column's
    other word (:func:`_misread`) count as a count too."""
    s, w = sound(apart), whole(apart)
    counts = ((s, sound(best)), (w, whole(best)), (_values(apart), _values(best)),
              (-left(apart), -left(best)), (-_repeated(apart), -_repeated(best)),
              (-_misread(apart), -_misread(best)))  # each: more is better
    if all(a >= b for a, b in counts) and (s > sound(best) or w >= whole(best) + _WHOLE_MARGIN
                                           or left(apart) < left(best) or _repeated(apart) < _repeated(best)
                                           or _misread(apart) < _misread(best)):
        return True  # no worse on any count and better on one
    if s > sound(best) and _values(apart) >= _values(best) \
            and (w > whole(best) or w == whole(best) and left(apart) - left(best) <= s - sound(best)):
        return True
    if _repeated(apart) >= _repeated(best):
        return False
    return s >= sound(best) and w >= whole(best) - 1 \
        or s - _repeated(apart) > sound(best) - _repeated(best) and w > whole(best)


_WHOLE_MARGIN = 2  # whole names more that alone make the reading set out one cell a line the better one


def _misread(reading: TableReading) -> int:
    """The targets a reading took from another cell of their row: the kind of the indicator (定性 of a
    指标性质 column) or the row's name again. A cut that put the 定性 row's own value (长期, 有效提升,
    11月底之前, on a line of its own) elsewhere reads these."""
    return sum(1 for ind in reading.indicators for t in (ind.get("targets") or {}).values()
               if normalize_text(str(t.get("raw") or "")) in (*TYPE_WORDS, normalize_text(ind.get("name") or "-")))


def _repeated(reading: TableReading) -> int:
    """The indicators whose name another indicator of the reading also has."""
    names = collections.Counter(ind.get("name") or "" for ind in reading.indicators)
    return sum(n for n in names.values() if n > 1)


def _values(reading: TableReading) -> int:
    """The targets and actual values a reading found, over all its indicators and years."""
    return sum(len(ind.get("targets") or {}) + len(ind.get("actuals") or {}) for ind in reading.indicators)
