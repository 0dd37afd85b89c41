"""Inferring an indicator's unit, kind and direction from its name, its unit and its target cells,
by the ordered rules of ``data/lexicon.yaml``. Every inferred field carries its value, the rule
that gave it, a reason in words (``reason``, and ``reason_en`` for a page in English) and a
confidence (high / medium / low)."""

from __future__ import annotations

import re
from typing import Any

from analytics.core.qualitative import CODES as CHECKIN_CODES
from analytics.core.values import AT_LEAST_OR_MOST, normalize_text
from analytics.ingest.tables.cells import Cell
from analytics.ingest.tables.lexicon import Lexicon, Rule, strip_score

__all__ = ["explained_name", "unit_bound", "infer_unit", "infer_kind", "infer_direction", "Inferred", "fraction_of_percent", "over_ceiling", "read_checkins"]

Inferred = dict[str, Any]


def _field(value: Any, rule: str, reason: str, confidence: str, reason_en: str = "") -> Inferred:
    return {"value": value, "rule": rule, "reason": reason, "reason_en": reason_en or reason, "confidence": confidence}


def explained_name(raw: str, name: str, lex: Lexicon) -> dict[str, Inferred]:
    """``{"name": …}`` when the name cell ``raw`` explains the name in a bracket (结余率(计算方法为:结余数/预算数),
    lexicon ``name_note``): ``name`` without it, the explanation kept as the indicator's ``note`` and said in the
    reason (the target file's mapping_note keeps it); ``{}`` for a name with none."""
    note = lex.name_note(strip_score(raw))[1]
    if not note:
        return {}
    return {"name": {**_field(name, "name_note", f"名称括号内是说明“{note}”，不作名称，留作指标说明", "high",
                              f"The bracket in the name explains it (“{note}”): kept as the indicator's note, not as its name"),
                     "note": note}}


_UNIT_BOUND = re.compile(r"(?<=\S)(及以上|以上|及以下|以下|以内)$")


def unit_bound(unit_cell: str, raws: list[str]) -> tuple[str, list[str]]:
    """(unit cell, values) with a bound written in the unit column moved onto the values: 天以内 beside
    2 is the unit 天 and the target 2以内 (≤ 2); a value keeps a comparator of its own (≥2 stays)."""
    bound = _UNIT_BOUND.search(normalize_text(unit_cell))
    if not bound:
        return unit_cell, raws

    def moved(raw: str) -> bool:
        value = normalize_text(raw)
        return bool(re.search(r"\d$", value)) and not re.match(r"[≥≤≧≦<>=]|不|至", value)
    return normalize_text(unit_cell)[:bound.start()], [r + bound.group(0) if moved(r) else r for r in raws]


def infer_unit(name: str, unit_col: str, bracket: str, cells: list[Cell], lex: Lexicon, level: str = "",
               actuals: list[Cell] | None = None) -> Inferred:
    """The unit: a 单位 column, else brackets after the name, else the values, else the actual
    values (a target written 21 beside its actual 21人, or none written beside 4次), else the name."""
    money = lex.money_wan.search(normalize_text(name) + level)

    def in_wan(unit: str) -> str | None:  # 250万 → 万元; 15万/月 → 万元/月, for money only
        return "万元" + unit[1:] if money and (unit == "万" or unit.startswith("万/")) else None

    if unit_col:
        full = in_wan(unit_col)
        if full:  # 单位列 万/月 beside 人工成本
            return _field(full, "money_wan", f"单位列写作“{unit_col}”，名称含“{money.group(0)}” → {full}", "medium",
                          f"Unit column says “{unit_col}” and the name has “{money.group(0)}” → {full}")
        return _field(unit_col, "unit_column", f"单位列写作“{unit_col}”", "high", f"Unit column says “{unit_col}”")
    if bracket:
        return _field(bracket, "name_bracket", f"名称括号内写作“{bracket}”", "high", f"Written in brackets after the name: “{bracket}”")
    in_values = [c.unit for c in cells if c.unit]
    if in_values:
        unit = max(set(in_values), key=in_values.count)
        full = in_wan(unit)
        if full:
            written = next(c.raw for c in cells if c.unit)
            return _field(full, "money_wan", f"指标值写作“{written}”，名称含“{money.group(0)}” → {full}", "medium",
                          f"Target written “{written}” and the name has “{money.group(0)}” → {full}")
        written = next(c.raw for c in cells if c.unit == unit)
        return _field(unit, "value_unit", f"指标值写作“{written}”", "high", f"Target written “{written}”")
    done = [c for c in actuals or [] if c.unit and c.form == "number"]
    if done and all(c.form in ("number", "none") for c in cells):  # a bare target, or none: the result's unit
        return _field(done[0].unit, "actual_unit", f"指标值未写单位，实际完成值写作“{done[0].raw}”", "medium",
                      f"No unit with the target; the actual value is written “{done[0].raw}”")
    if any(c.form != "none" for c in cells) and all(c.form in ("bool", "none", "qualitative", "deadline") for c in cells):
        return _field("", "no_unit", "是/否、日期或文字目标，无单位", "high", "A yes/no, date or worded target: no unit")
    key = normalize_text(name)
    for pattern, unit in lex.unit_from_name:
        m = pattern.search(key)
        if m:
            unit = m.expand(unit)  # (户|天|个)数 → the counting word the name ends with
            conf = "medium" if unit == "%" else "low"
            return _field(unit, "name_words", f"原表未写单位；名称含“{m.group(0)}” → “{unit}”", conf,
                          f"No unit in the table; the name has “{m.group(0)}” → “{unit}”")
    return _field("", "none", "原表未写单位", "low", "No unit in the table")


def _holds(rule: Rule, name: str, unit: str, cells: list[Cell], lex: Lexicon, level: str = "") -> str | None:
    """The matched text when every condition of ``rule`` holds, else ``None``."""
    match = ""
    filled = [c for c in cells if c.form != "none"]
    if rule.qualitative:
        if not filled or any(c.form != "qualitative" for c in filled):
            return None
        match = filled[0].raw
    if rule.deadline:
        if not filled or any(c.form != "deadline" for c in filled):
            return None
        match = filled[0].raw
    if rule.target is not None:
        if not filled or not all(rule.target.search(_with_unit(c.raw, unit)) for c in filled):
            return None
        match = _with_unit(filled[0].raw, unit)
    if rule.comparator is not None:
        side = [AT_LEAST_OR_MOST.get(c.comparator or "") for c in filled]  # > is on the side of >=
        written = [c for c, s in zip(filled, side) if c.explicit and s == rule.comparator]
        if not written or any(c.explicit and s != rule.comparator for c, s in zip(filled, side)):
            return None
        match = written[0].raw
    if rule.zero_cap:
        nums = [c for c in filled if c.form == "number"]
        if not nums or any(c.value != 0 or c.explicit for c in nums):
            return None
        match = "0"
    if rule.unit is not None:
        if not rule.unit.fullmatch(unit):
            return None
        match = match or unit
    if rule.level is not None:
        m = rule.level.search(level)
        if not m or rule.name is None and any(c.explicit for c in filled):
            return None
        match = m.string
    if rule.not_name is not None and rule.not_name.search(name):
        return None
    if rule.name is not None:
        m = rule.name.search(name)
        if not m:
            return None
        match = m.group(0) or match
    return match


def _with_unit(raw: str, unit: str) -> str:
    """A target's text with the unit of its own column when it is written as a bare number (100 under
    指标值 beside % under 计量单位 reads 100%, as the same target written in one cell does)."""
    text = normalize_text(raw)
    return text + unit if unit and re.fullmatch(r"\d+(\.\d+)?", text) else text


def _apply(rules: tuple[Rule, ...], name: str, unit: str, cells: list[Cell], lex: Lexicon,
           level: str = "") -> Inferred:
    key = normalize_text(name)
    for rule in rules:
        match = _holds(rule, key, unit, cells, lex, level)
        if match is not None:
            return _field(rule.value, rule.id, rule.reason_zh.replace("{match}", match), rule.confidence,
                          rule.reason_en.replace("{match}", match))
    return _field("", "none", "", "low")


def infer_kind(name: str, unit: str, marker: str, cells: list[Cell], lex: Lexicon) -> Inferred:
    if marker == "是/否":
        return _field("milestone", "yes_no_name", "名称标注（是/否） → 是/否里程碑", "high", "The name is marked (是/否) → yes/no milestone")
    return _apply(lex.kind_rules, name, unit, cells, lex)


def infer_direction(name: str, unit: str, cells: list[Cell], lex: Lexicon, level: str = "") -> Inferred:
    """``level``: the indicator's level words (一级 + 二级), for rules about a whole block."""
    return _apply(lex.direction_rules, name, unit, cells, lex, level)


def over_ceiling(cell: Cell, name: str, unit: str, lex: Lexicon) -> bool:
    """A target above 100% on a rate that cannot pass it (合格率 292%: a slip of ≥92%)."""
    return bool(lex.percent_ceiling and cell.form == "number" and cell.value is not None and cell.value > 100
                and (cell.unit or unit) == "%" and lex.percent_ceiling.search(name))


def fraction_of_percent(cell: Cell, name: str, unit: str, lex: Lexicon) -> "Cell | None":
    """The percentage a fraction stands for (``≥0.9`` → ≥90%) when ``cell`` holds a value of at most 1
    with no unit of its own on a rate counted in % that cannot pass 100% (lexicon
    ``percent_ceiling``: 满意度 ≥0.9, 合格率 1); ``None`` otherwise."""
    if not (lex.percent_ceiling and cell.form == "number" and not cell.unit and unit == "%"
            and cell.value is not None and 0 < cell.value <= 1 and lex.percent_ceiling.search(name)):
        return None
    return Cell(cell.raw, cell.comparator, round(cell.value * 100, 6), "%", explicit=cell.explicit)


def by_type(kind: Inferred, comp: str, cells: list[Cell]) -> Inferred:
    """The kind as a 指标性质 column of ``定性`` makes it: a number beside it stays the target (marked for
    review: 定性 beside 95%以上), else the indicator is qualitative; ``kind`` for any other column's word."""
    if normalize_text(comp) != "定性" or kind["value"] == "qualitative":
        return kind
    if any(c.form == "number" for c in cells):
        return {**kind, "confidence": "low", "reason": f"{kind['reason']}；指标性质列写作“定性”，但目标是数值，按数值",
                "reason_en": f"{kind.get('reason_en') or kind['reason']}; the type column says “定性” "
                             "(qualitative) but the target is a number: read as the number"}
    return {"value": "qualitative", "rule": "comparator_column", "reason": "指标性质列写作“定性”",
            "reason_en": "The type column says “定性” (qualitative)", "confidence": "high"}


def in_time(direction: Inferred) -> Inferred:
    """The direction of a milestone whose target is a date (完成时限 | 12月底前): done in time is met,
    higher is better, whatever the name says of time (时限 → lower is for a number of days)."""
    if direction["value"] != "lower":
        return direction
    return {"value": "higher", "rule": "deadline_done", "confidence": "high",
            "reason": f"目标是完成时间，按时完成即达标（{direction['reason']}，但不适用于完成时间）",
            "reason_en": f"The target is a completion date: done in time is met ({direction.get('reason_en')}, "
                         "which does not apply to a date)"}


def checked_in(direction: Inferred) -> Inferred:
    """The direction of a qualitative indicator (目标 有效控制, 效果明显): higher is better — it is
    checked in as 达成 / 部分达成 / 未达成, its target 达成 (:mod:`analytics.core.qualitative`), so a
    word of its name about amounts (成本, 时限 → lower) says nothing of it."""
    if direction["value"] == "higher":
        return direction
    return {"value": "higher", "rule": "qualitative_checkin", "confidence": "high",
            "reason": f"定性指标按达成 / 部分达成 / 未达成评价，达成为好（{direction['reason']}，但不适用于文字目标）",
            "reason_en": "A qualitative indicator is checked in as achieved / partly achieved / not achieved, achieved "
                         f"being best ({direction.get('reason_en') or direction['reason']}, which does not apply to a target in words)"}


def late_done(sections: dict[str, dict[str, Any]]) -> None:
    """A milestone done on a date after its deadline (目标 ``2024年11月底前``, 实际 ``2024年12月20日``)
    missed its target: its actual is 0 (not done in time), ``late`` keeping both months; the text
    as written stays its ``raw``."""
    for key, entry in sections["actuals"].items():
        due = str((sections["targets"].get(key) or {}).get("due") or "")
        done = str(entry.pop("done", "") or "")
        if re.fullmatch(r"\d{4}-\d{2}", due) and re.fullmatch(r"\d{4}-\d{2}", done) and done > due:
            entry["value"], entry["late"] = 0.0, {"done": done, "due": due}


def read_checkins(sections: dict[str, dict[str, Any]], lex: Lexicon) -> None:
    """A qualitative indicator's results written in words, read as check-ins
    (:meth:`Lexicon.checkin`): ``value`` the code of the level (达成 1, 部分达成 0.5, 未达成 0, as the
    actuals store it) and ``checkin`` the level; a result that states none is left as it is."""
    targets = [str(t.get("raw") or "") for t in sections["targets"].values()]
    for key, entry in sections["actuals"].items():
        if entry.get("value") is not None:
            continue
        own = (sections["targets"].get(key) or {}).get("raw")
        level = lex.checkin(str(entry.get("raw") or ""), own)
        if level is None and own is None and len(set(targets)) == 1:
            level = lex.checkin(str(entry.get("raw") or ""), targets[0])
        if level is not None:
            entry["value"], entry["checkin"] = CHECKIN_CODES[level], level
