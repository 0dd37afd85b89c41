"""A target written as a change from last year (``较上年增长5%``, ``同比下降0.5个百分点``,
``比上年增加500人以上``) read as the level it means, when the same row gives last year's value (a
``2023年完成值`` / ``上年实际`` column beside the 2024 target): 10000人 and ``较上年增长5%`` → ≥10500人.

- The change is relative with ``%`` (base × (1 ± n%)), in points with ``个百分点`` (a share: base ± n),
  or absolute in the base's own unit or none (base ± n); another unit is not converted.
- Up (增长, 提高, 上升, 增加) is a floor and down (下降, 降低, 减少) a cap — unless the words bound the
  change itself from above (``增长不超过5%``, ``下降5%以内``: a cap, a floor).
- A share changed by ``%`` (``满意度较上年提高5%``) is read as relative, the written meaning, and
  marked to be checked: it is often meant in points.

Without last year's value in the row (or for ``年均``, ``环比`` changes) the target stays unreadable
and is kept for review, as before. The reading keeps the text as written; the value is the level.
:func:`as_meant` reads the other cells that mean more than their text says: a fraction on a rate
counted in %, a change on a name that measures the change (增长率 | 同比增长10% → ≥10%, :func:`read_change`);
:func:`serial_dates` reads a spreadsheet's day number under a name of a date as that date.
"""

from __future__ import annotations

import datetime
import math
import re
from typing import Any

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import CHANGE_DOWN, CHANGE_TARGET, CHANGE_UP, Cell, read_value
from analytics.ingest.tables.infer import fraction_of_percent
from analytics.ingest.tables.lexicon import Lexicon

__all__ = ["as_meant", "from_base", "read_change", "serial_dates"]

_CHANGE = re.compile(rf"^(?:同比|较上年|比上年|较去年|比去年|与上年相比|较上一年|比上一年)?(?P<verb>{'|'.join(CHANGE_UP + CHANGE_DOWN)})了?"
                     r"(?P<lead>不低于|不少于|至少|超过|不超过|不高于|最多)?(?P<n>\d+(?:\.\d+)?)"
                     r"(?P<unit>个百分点|百分点|%|[^\d\s%]{0,4}?)(?P<tail>以上|及以上|以内|以下|及以下|左右)?$")
_AT_MOST = ("不超过", "不高于", "最多", "以内", "以下", "及以下")  # bounds on the change itself from above
_BASES = ("baseline", "actuals")  # last year's value: a 基期 / 上年 column, or last year's 完成值


def _base(raws: list[tuple[Any, str, str, str]], year: int, lex: Lexicon) -> Cell | None:
    """Last year's value in the row: a number in a baseline or actuals column keyed ``year - 1``."""
    for _, section, key, raw in raws:
        if section in _BASES and str(key) == str(year - 1) and normalize_text(raw):
            cell = read_value(raw, "higher", lex)
            if cell.form == "number" and cell.value is not None:
                return cell
    return None


def _level(m: re.Match[str], base: Cell) -> tuple[float, str] | None:
    """The level the change ``m`` means from ``base``: (value, unit), or ``None`` when its unit does not go."""
    n, unit, sign, value = float(m["n"]), m["unit"], 1 if m["verb"] in CHANGE_UP else -1, float(base.value or 0)
    if unit in ("个百分点", "百分点"):
        return (value + sign * n, "%") if base.unit == "%" else None
    if unit == "%":
        return value * (1 + sign * n / 100), base.unit
    return (value + sign * n, base.unit) if unit in ("", base.unit) else None


def from_base(raws: list[tuple[Any, str, str, str]], lex: Lexicon) -> dict[str, tuple[Cell, dict[str, str]]]:
    """For each target of ``raws`` (column, section, key, text) written as a change from last year
    whose base the row gives: its key → (the level as a cell, written as the level: ``≥10500人``;
    the inferred rule with its reason)."""
    out: dict[str, tuple[Cell, dict[str, str]]] = {}
    for _, section, key, raw in raws:
        if section != "targets" or not re.fullmatch(r"\d{4}", str(key)):
            continue
        m = _CHANGE.match(re.sub(r"\s+", "", normalize_text(raw)).replace("％", "%"))
        base = _base(raws, int(key), lex) if m else None
        level = _level(m, base) if m and base else None
        if m is None or base is None or level is None or not math.isfinite(level[0]):
            continue  # (a figure of 300 digits grown by as many percent: no level)
        value, unit = round(level[0], 6), level[1]
        capped = (m["lead"] or m["tail"] or "") in _AT_MOST
        comparator = "<=" if (m["verb"] in CHANGE_UP) == capped else ">="
        sign = "≥" if comparator == ">=" else "≤"
        level_text = f"{sign}{value:g}{unit}"
        reason = f"“{raw}”按{int(key) - 1}年的{base.raw}换算为{level_text}"
        reason_en = f"“{raw}” from {int(key) - 1}'s {base.raw} comes to {level_text}"
        shared = base.unit == "%" and m["unit"] == "%"
        if shared:
            reason += "（按相对变化计；若指百分点，请在核对时改正）"
            reason_en += " (read as a relative change; if points are meant, correct it at review)"
        out[str(key)] = (Cell(level_text, comparator, value, unit, explicit=True),
                         {"value": level_text, "rule": "change_from_base", "reason": reason, "reason_en": reason_en,
                          "confidence": "low" if shared else "medium"})
    return out


def as_meant(cell: Cell, raw: str, name: str, unit: str, direction: str, lex: Lexicon) -> tuple[Cell, dict[str, str] | None]:
    """A value cell read as its row means it, with the rule and reason when that differs from the
    text: a fraction on a rate counted in % (满意度 ≥0.9 → ≥90%), or the change on a name that
    measures the change (增长率 | 同比增长10% → ≥10%), or 无 on a lower-is-better name (事故 | 无 → ≤0;
    lexicon ``none_as_zero``)."""
    percent = fraction_of_percent(cell, name, unit, lex)
    if percent is not None:
        return percent, {"rule": "fraction_as_percent",
                         "reason": f"“{cell.raw}”写作小数，该比率以百分数计，读作{percent.value:g}%",
                         "reason_en": f"“{cell.raw}” is written as a fraction of a rate counted in %: read as {percent.value:g}%"}
    if cell.form == "none" and direction == "lower" and normalize_text(raw) in lex.none_as_zero:
        return Cell(cell.raw, "<=", 0.0, unit, explicit=False), {
            "rule": "none_as_zero", "reason": f"越低越好的指标写作“{cell.raw}”，即没有：读作 ≤0",
            "reason_en": f"A lower-is-better indicator written “{cell.raw}” (none): read as ≤0"}
    if cell.form == "unreadable" and cell.error == "change" and (changed := read_change(raw, name, direction, lex)):
        return changed, {"rule": "change_measure", "reason": f"名称衡量的是变化，“{changed.raw}”读作该比率",
                         "reason_en": f"The name measures the change: “{changed.raw}” read as that rate"}
    return cell, None


def read_change(text_raw: str, name: str, direction: str, lex: Lexicon) -> "Cell | None":
    """A target written as the change (同比增长10%) on a name that measures the change itself
    (lexicon ``change_measure``: …增长率, …下降率), read as that rate (≥10%); ``None`` otherwise."""
    m = CHANGE_TARGET.match(normalize_text(text_raw))
    if not m or not lex.change_measure or not lex.change_measure.search(normalize_text(name)):
        return None
    cell = read_value(m["rest"], direction, lex)
    return Cell(text_raw, cell.comparator, cell.value, cell.unit, explicit=cell.explicit) if cell.form == "number" else None


_SERIAL = re.compile(r"^[=＝]?\s*(\d{2},?\d{3})$")  # a spreadsheet's day number alone (=44,561)


def serial_dates(raws: list[str], name: str, lex: Lexicon) -> tuple[list[str], dict[str, str] | None]:
    """``raws`` with each spreadsheet day number (``=44,561``, within the lexicon's ``date_serial``
    range) under a name of a date (…时间, …日期) read as its date (``2021年12月31日``), and what was
    inferred (to review) when one was."""
    if not (lex.date_serial and lex.date_serial.search(name)):
        return raws, None
    low, high = lex.date_serial_range
    out: list[str] = []
    for raw in raws:
        m = _SERIAL.match(normalize_text(raw))
        day = int(m.group(1).replace(",", "")) if m else 0
        d = datetime.date(1899, 12, 30) + datetime.timedelta(days=day)  # day 1 is 1900-01-01 (with 1900-02-29)
        out.append(f"{d.year}年{d.month}月{d.day}日" if low <= day <= high else raw)
    first = next((k for k, (a, b) in enumerate(zip(raws, out)) if a != b), None)
    return out, None if first is None else {
        "value": out[first], "rule": "date_serial", "confidence": "low",
        "reason": f"“{raws[first]}”是表格的日期序号（自1900年起的天数），读作{out[first]}",
        "reason_en": f"“{raws[first]}” is a spreadsheet's day number (days from 1900): read as {out[first]}"}
