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
counted in %, a change on a name that measures the change (增长率 | 同比增长10% → ≥10%).
"""

from __future__ import annotations

import re
from typing import Any

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import Cell, read_change, read_value
from analytics.ingest.tables.infer import fraction_of_percent
from analytics.ingest.tables.lexicon import Lexicon

__all__ = ["as_meant", "from_base"]

_CHANGE = re.compile(r"^(?:同比|较上年|比上年|较去年|比去年|与上年相比|较上一年|比上一年)?(?P<verb>增长|提高|上升|增加|下降|降低|减少)了?"
                     r"(?P<lead>不低于|不少于|至少|超过|不超过|不高于|最多)?(?P<n>\d+(?:\.\d+)?)"
                     r"(?P<unit>个百分点|百分点|%|[^\d\s%]{0,4}?)(?P<tail>以上|及以上|以内|以下|及以下|左右)?$")
_UP = ("增长", "提高", "上升", "增加")
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
    n, unit, sign = float(m["n"]), m["unit"], 1 if m["verb"] in _UP else -1
    if unit in ("个百分点", "百分点"):
        return (base.value + sign * n, "%") if base.unit == "%" and base.value is not None else None
    if unit == "%":
        return (base.value * (1 + sign * n / 100), base.unit) if base.value is not None else None
    if unit in ("", base.unit) and base.value is not None:
        return base.value + sign * n, base.unit
    return None


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
        if m is None or base is None or level is None:
            continue
        value, unit = round(level[0], 6), level[1]
        capped = (m["lead"] or m["tail"] or "") in _AT_MOST
        comparator = "<=" if (m["verb"] in _UP) == capped else ">="
        sign = "≥" if comparator == ">=" else "≤"
        reason = f"“{raw}”按{int(key) - 1}年的{base.raw}换算为{sign}{value:g}{unit}"
        shared = base.unit == "%" and m["unit"] == "%"
        if shared:
            reason += "（按相对变化计；若指百分点，请在核对时改正）"
        out[str(key)] = (Cell(f"{sign}{value:g}{unit}", comparator, value, unit, explicit=True),
                         {"value": f"{sign}{value:g}{unit}", "rule": "change_from_base", "reason": reason,
                          "confidence": "low" if shared else "medium"})
    return out


def as_meant(cell: Cell, raw: str, name: str, unit: str, direction: str, lex: Lexicon) -> tuple[Cell, dict[str, str] | None]:
    """A value cell read as its row means it, with the rule and reason when that differs from the
    text: a fraction on a rate counted in % (满意度 ≥0.9 → ≥90%), or the change on a name that
    measures the change (增长率 | 同比增长10% → ≥10%)."""
    percent = fraction_of_percent(cell, name, unit, lex)
    if percent is not None:
        return percent, {"rule": "fraction_as_percent",
                         "reason": f"“{cell.raw}”写作小数，该比率以百分数计，读作{percent.value:g}%"}
    if cell.form == "unreadable" and cell.error == "change" and (changed := read_change(raw, name, direction, lex)):
        return changed, {"rule": "change_measure", "reason": f"名称衡量的是变化，“{changed.raw}”读作该比率"}
    return cell, None
