"""A target table read as people hold it: the indicator rows of its layout, each with its targets
(and actuals, baseline, period target), unit, kind and direction, what was inferred and why, the
project facts above it, and every row that was skipped or could not be read, with its place.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import (MAGNITUDES, VALUE_SHAPE, Cell, clean_unit, column_sign, ends_like_name, fits,
                                            hint_sign, is_place_name, is_placeholder, is_qualitative_text, is_total,
                                            is_value_like, names_nothing, read_value, split_name, unit_only, unwrap)
from analytics.ingest.tables.change import as_meant, from_base, serial_dates
from analytics.ingest.tables.facts import facts_in_line, is_sign_off, label_kind, read_facts, year_goal
from analytics.ingest.tables.ends import budget_block, form_title, indicator_header, levels_again, next_title, starts_facts
from analytics.ingest.tables.infer import (by_type, checked_in, explained_name, in_time, infer_direction, infer_kind, infer_unit, late_done,
                                           over_ceiling, read_checkins, unit_bound)
from analytics.ingest.tables.layout import (Column, Layout, fill_level_columns, find_layout, infer_level_cols, is_other_header,
                                            level_text, ordinal_years, title_year)
from analytics.ingest.tables.lexicon import Lexicon, strip_score
from analytics.ingest.tables.merged import SPREAD_FORMATS, group_label, spread_over_years, value_below
from analytics.ingest.tables.realign import (SLOT, cell as _cell, is_compacted, needs_realign, prefix_used, realign,
                                             right_rows, row_scores)
from analytics.ingest.tables.scores import checkin_from_score, points_of
from analytics.ingest.tables.sources import RawTable
from analytics.ingest.tables.valuecols import adjusts, value_keys

__all__ = ["TableReading", "read_grid", "NoTable"]


@dataclass
class NoTable:
    """Why no indicator table was found: what was looked for, what was there."""

    code: str  # no_header | unreadable | empty | xls_reader_missing | no_sheet | …
    detail: str = ""
    rows: int = 0
    sample: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)


@dataclass
class TableReading:
    source: dict[str, Any]
    project: dict[str, Any]
    indicators: list[dict[str, Any]]
    skipped: list[dict[str, Any]]
    unread: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return {"schema": 1, "source": self.source, "project": self.project, "indicators": self.indicators,
                "skipped": self.skipped, "unread": self.unread}


def _name_is_value(name: str, lex: Lexicon) -> bool:
    """A name that is a number with a unit (``25 人次``, ``100%``): a value read as a name."""
    m = VALUE_SHAPE.match(normalize_text(name))
    return bool(m) and (not m.group("unit") or m.group("unit") in ("%", "％") or m.group("unit") in lex.units)


def _row_text(row: list[str]) -> str:
    out: list[str] = []
    for c in row:
        t = unwrap(c)
        if t and (not out or out[-1] != t):
            out.append(t)
    return " | ".join(out)


_WORDED = re.compile(r"[A-Za-z\u3400-\u9fff]")  # an indicator's name has a word in it
_ZERO = re.compile(r"0+(\.0+)?%?")
_YEAR_CELL = re.compile(r"[(（]?(19|20)\d{2}年度?[)）]?")


def _classify(row: list[str], layout: Layout, lex: Lexicon) -> str:
    """indicator | label | header | sign_off | note | fragment | total | blank | stray | end."""
    texts = [normalize_text(c) for c in row]
    if not any(texts):
        return "blank"
    if is_sign_off(next(t for t in texts if t), lex):
        return "sign_off"
    if indicator_header(row, lex):
        return "header"
    if starts_facts(row, lex):
        return "end"  # 项目名称 | … | 项目负责人及电话 | …: the next form's facts, its 负责人 no closing line
    name = normalize_text(_cell(row, layout.name_col))
    past_levels = next((t for t in texts[layout.name_col:] if t), "")
    if past_levels and is_sign_off(past_levels, lex) and \
            not any(v and is_value_like(v, lex) for v in (normalize_text(_cell(row, c.index)) for c in layout.cols("value"))):
        return "sign_off"  # a merged level label reaching down over the form's closing lines
    filled = [t for t in texts if t]
    if len(filled) >= 2 and all(is_place_name(t) for t in filled):
        return "header"  # the places of the value columns (新罗区 | 永定区), a header's second row
    if len(filled) >= 2 and all(_YEAR_CELL.fullmatch(t) for t in filled):
        return "header"  # 2016年 | 2017年 | 2018年: the years of the value columns, repeated on a new page
    if is_other_header(filled, lex):
        return "end"  # 序号 | 学校性质 | 培训机构 | 补助标准(元/人) | 2021年培训人数 | 备注: the next table's header
    if next_title(texts, layout, lex):
        return "end"  # 表十二, or the title of a next table (with its year or unit: 项目支出绩效目标表 | (2025年度))
    if any(is_total(t) for t in texts):
        return "total"
    if name and (is_placeholder(name) or is_placeholder(split_name(name, lex)[0])):
        return "placeholder"
    values = [normalize_text(_cell(row, c.index)) for c in layout.cols("value")]
    if name and not _WORDED.search(name):
        return "stray"  # a name of signs or digits only (≥, 1200): a cell out of place, never an indicator
    if name and len(filled) == 1 and not strip_score(name):
        return "label"  # (50分) alone: a level's score whose label the copy lost
    if name and lex.scoring_rule and lex.scoring_rule.search(name) and not any(re.search(r"\d", t) for t in filled if t != name) \
            and (not any(_WORDED.search(t) for t in filled if t != name) or not re.search(r"\d", name)
                 and not any(normalize_text(_cell(row, i)) for i in layout.level_cols.values())):
        return "note"  # 定量指标计算:…记满分 alone on its line (a filler - beside it), or 得满分,未 | 完成按比 (a rule cut
        # into cells, no level or figure beside it; a row under its levels missing its name is unread): a note on scoring
    if name and label_kind(name, lex) in ("departments", "total", "sources", "name") \
            and not any(is_value_like(v, lex) for v in values):
        return "label"  # 主管部门 / 总额 / 其中：财政资金 of a form's other part, not an indicator
    if name and names_nothing(name, lex):
        return "fragment"  # 高, 是, 有效, 优秀□ 良好□, 一级指标二级指标…: a piece of another cell, listed as skipped
    if name and lex.level_word(name) and any(values) and all(not strip_score(v) for v in values if v):
        return "label"  # 产出指标 | (60分): a level and its score, no indicator
    if name and lex.level_word(name) and any(values) and all(_ZERO.fullmatch(v) for v in values if v):
        return "stray"  # 经济成本指标 | 0 | 0.00%: a template's level row filled with zeros, no indicator named
    if name and (lex.level_word(name) is None or any(values)):
        return "indicator"
    levels = [normalize_text(_cell(row, i)) for i in layout.level_cols.values()]
    if any(levels) or (name and lex.level_word(name)):
        return "label"
    return "stray" if any(values) else "label"


def read_grid(table: RawTable, lex: Lexicon, year: int | None, filename: str) -> TableReading | NoTable:
    """Read one grid (see the module's help). Kept as one loop over the rows so that every row
    ends in exactly one place: an indicator, a label, the skipped list or the unread list."""
    layout = find_layout(table, lex)
    if layout is None:
        sample = [_row_text(r)[:80] for r in table.rows if any(c.strip() for c in r)][:6]
        return NoTable("no_header", rows=len(table.rows), sample=sample, sheets=table.sheets)
    facts = read_facts(table.rows[: layout.first_header_row], lex, after=table.rows[layout.first_header_row: layout.first_header_row + 3])
    year_from = "argument" if year else None
    fallback = year
    if fallback is None:
        fallback = title_year(table.rows, layout.first_header_row, lex)
        year_from = "title" if fallback else None
    ordinal = fallback is None and ordinal_years(table.rows, layout, lex)
    if ordinal:
        year_from = "title_span"  # 第一年度 of （2024—2025年）
    if fallback is None and not ordinal and facts.get("name"):
        m = re.search(r"((?:19|20)\d{2})年", facts["name"])
        fallback, year_from = (int(m.group(1)), "project_name") if m else (None, None)
    infer_level_cols(table, layout, lex)
    table, set_right = right_rows(table, layout, lex)
    compact = is_compacted(table, layout)
    scores = row_scores(table, layout, lex) if compact and not table.merged else frozenset()
    prefixed = prefix_used(table, layout, lex)
    celled = not table.fmt.startswith("text-") or table.fmt in ("text-tab", "text-pipe")  # not a text cut into cells
    keys = value_keys(layout, fallback, lex, adjusted=celled and not compact)
    if year_from in ("title", "project_name") and keys and all(c.year for c, section, _k in keys if section != "span"):
        year_from = None  # every value column names its year (2026年指标值): none was taken from the title
    skipped: list[dict[str, Any]] = []
    unread: list[dict[str, Any]] = []
    rows: list[tuple[int, list[str]]] = []
    pending_labels: dict[str, str] = {}
    label_rows: list[dict[str, str]] = []
    closed = False  # a closing line (存在问题, 填报人 …) was passed
    years = _spread_columns(table, layout, keys)
    spread: set[int] = set()
    for i in range(layout.header_row + 1, len(table.rows)):
        row = table.rows[i]
        spanned = table.fmt == "html" and row[:1] == table.rows[i - 1][:1] and bool(row[0].strip())  # a rowspan's text again: in place
        if i in set_right:
            pass  # a browser's copy: the cells merged labels cover left out at the row's start, set right above
        elif (compact and not table.merged) or (not spanned and needs_realign(row, layout, lex)):
            row = realign(row, layout, lex, compact and not table.merged, scores, prefixed)  # also a web copy pasted into Excel
        else:
            group = group_label(row, layout, lex)
            if group is not None:  # 农业节水 | 万元农业增加值用水量 | …: a group merged down, no column of its own
                pending_labels[group[0]] = group[1]
                row = row[:layout.name_col] + row[layout.name_col + 1:]
            whole = spread_over_years(row, years[0], years[1]) if years else None
            if whole is not None:  # one target merged over the year columns
                row = whole
                spread.add(i)
        kind = _classify(row, layout, lex)
        if kind == "indicator" and facts_in_line(table.rows, table.refs, layout.header_row, i, [*layout.level_cols.values()],
                                                 lex):
            kind = "facts"  # the cells before the levels of a line whose header began with 项目名称 | 项目单位 …
        if row is not table.rows[i] and kind not in ("end", "blank") and starts_facts(table.rows[i], lex):
            kind = "end"  # a realigned row must not hide the next form's 项目名称
        if rows and indicator_header(table.rows[i], lex) and levels_again([t for b in label_rows for t in b.values()], table.rows[i + 1:], lex):
            kind = "end"  # the header again (as copied, not realigned), the levels over from their first: a next table
        if kind not in ("end", "blank", "header") and budget_block(table.rows, i, lex):
            kind = "end"  # the form's funds below its indicators: its facts, not indicators
            below = read_facts(table.rows[i:], lex).get("funding")
            facts["funding"] = facts.get("funding") or below
        where = table.refs[i]
        if kind == "end":
            skipped.extend({"where": table.refs[j], "text": _row_text(table.rows[j])[:200], "reason": "after_table"}
                           for j in range(i, len(table.rows)) if any(c.strip() for c in table.rows[j]))
            break
        if kind == "blank":
            continue
        if kind == "indicator" and closed and (not any(normalize_text(_cell(row, c.index)) for c in layout.cols("value"))
                                               or is_sign_off(normalize_text(_cell(row, layout.name_col)), lex)):
            kind = "sign_off"  # words below a closing line (存在的问题和原因 …; 存在问题 | 无), not an indicator
        if kind in ("fragment", "stray") and value_below(row, rows, i, layout):
            continue  # 科技成果转化项目数量 | … then ≥8项 on a line of its own: the row's value, wrapped
        if kind in ("sign_off", "total", "header", "placeholder", "note", "fragment", "facts"):
            closed = closed or kind == "sign_off"  # a note between the rows does not close the table
            skipped.append({"where": where, "text": _row_text(row)[:200], "reason": kind})
            continue
        if kind == "stray":
            unread.append({"where": where, "text": _row_text(row)[:200], "reason": "no_name"})
            continue
        if kind == "label":
            for lv, col in layout.level_cols.items():
                t = _level_label(_cell(row, col), lex)
                if t:
                    pending_labels[lv] = t
            name = normalize_text(_cell(row, layout.name_col))
            word = lex.level_word(name) if name else None
            if word:
                pending_labels[word[0]] = word[1]
            if not pending_labels:
                skipped.append({"where": where, "text": _row_text(row)[:200], "reason": "label"})
            continue
        labels = _split_levels({lv: _level_label(_cell(row, col), lex) for lv, col in layout.level_cols.items()}, lex)
        for lv, t in pending_labels.items():
            labels[lv] = labels.get(lv) or t
        pending_labels = {}
        rows.append((i, row))
        label_rows.append(labels)
    weights = _values_are_weights(rows, keys)
    indicators = _indicators(table, layout, rows, label_rows, keys, lex, unread, skipped, weights, spread)
    source = {"file": filename, "format": table.fmt, "sheet": table.sheet,
              "header_row": table.refs[layout.first_header_row],
              "columns": [{"index": c.index, "header": c.header, "role": c.role, "year": c.year,
                           "value_role": c.value_role, **({"month": c.month} if c.month else {})}
                          for c in layout.columns if c.role],
              "value_columns": [{"header": c.header, "section": s, "key": k} for c, s, k in keys],
              "title": form_title(table.rows[: layout.first_header_row]), "year": fallback,
              "year_from": year_from, "compacted_rows": compact}
    project = _project(facts, indicators, keys)
    return TableReading(source, project, indicators, skipped, unread)


_BOTH_LEVELS = re.compile(r"^(?P<one>[^-—－/／、]{2,12})[-—－/／、](?P<two>[^-—－/／、]{2,16})$")


def _split_levels(labels: dict[str, str], lex: Lexicon) -> dict[str, str]:
    """Labels with a cell that names both levels (``产出指标-数量指标`` in one 指标类型 column) set
    apart into the first and the second level."""
    for text in list(labels.values()):
        m = _BOTH_LEVELS.match(normalize_text(text or ""))
        one = lex.level_word(m.group("one")) if m else None
        two = lex.level_word(m.group("two")) if m else None
        if one and two and one[0] == "level1" and two[0] == "level2":
            return {**labels, "level1": one[1], "level2": two[1]}
    return labels


def _level_label(text: str, lex: Lexicon) -> str:
    """A level cell as its label: the lexicon's word (产出值 → 产出指标, 经济效益 指标 → 经济效益指标),
    else the text without its score suffix."""
    word = lex.level_word(text) if text.strip() else None
    return word[1] if word else level_text(text)


def _project(facts: dict[str, Any], indicators: list[dict[str, Any]], keys: list[tuple[Column, str, str]]
             ) -> dict[str, Any]:
    years = sorted({int(k) for _, s, k in keys if s == "targets" and k.isdigit()})
    base = sorted({int(k) for _, s, k in keys if s == "baseline" and k.isdigit()})
    goals = facts.get("goals") or []
    return {"name": facts.get("name"), "years": years, "baseline_year": base[-1] if base else None,
            "departments": facts.get("departments") or {}, "funding": facts.get("funding"),
            "overall_goal": year_goal(goals), "goals": goals}


_WEIGHT = re.compile(r"\d{1,2}(\.\d)?")
_WORD = re.compile(r"[\u4e00-\u9fff]{4}")  # a name of four characters at least: an indicator, not a stray word


def _values_are_weights(rows: list[tuple[int, list[str]]], keys: list[tuple[Column, str, str]]) -> bool:
    """A self-evaluation whose 指标值 / 实际完成值 cells hold the rows' scores, not targets: every
    target a bare number under 100 with no unit or comparator, together 100 (or 90, the budget row's
    10 left out), and no actual above its target (a score never passes its weight)."""
    cols = [(c, s) for c, s, _ in keys if s in ("targets", "actuals")]
    if len(rows) < 4 or not any(s == "targets" for _, s in cols):
        return False
    total, counted = 0.0, 0
    for _, row in rows:
        cells = {s: normalize_text(_cell(row, c.index)) for c, s in cols}
        target, actual = cells.get("targets", ""), cells.get("actuals", "")
        if not target and not actual:
            continue  # a row with no value cell (a level label broken off its block) says nothing either way
        if not _WEIGHT.fullmatch(target) or (actual and not (_WEIGHT.fullmatch(actual) and float(actual) <= float(target))):
            return False
        total, counted = total + float(target), counted + 1
    return counted >= 4 and total in (90.0, 100.0)


def _spread_columns(table: RawTable, layout: Layout, keys: list[tuple[Column, str, str]]
                    ) -> tuple[list[int], float] | None:
    """(target columns of different years, share of the rows below the header that reach the last)
    of a text copy, where a target merged over those columns is written once; else ``None``."""
    if table.fmt not in SPREAD_FORMATS or table.merged:
        return None
    cols = sorted({k: c.index for c, s, k in keys if s == "targets"}.values())
    if len(cols) < 2:
        return None
    body = [r for r in table.rows[layout.header_row + 1:] if any(c.strip() for c in r)]
    return cols, (sum(1 for r in body if len(r) > cols[-1]) / len(body) if body else 0.0)


def _indicators(table: RawTable, layout: Layout, rows: list[tuple[int, list[str]]], labels: list[dict[str, str]],
                keys: list[tuple[Column, str, str]], lex: Lexicon, unread: list[dict[str, Any]],
                skipped: list[dict[str, Any]], weights: bool = False, spread: set[int] | frozenset[int] = frozenset()
                ) -> list[dict[str, Any]]:
    filled = fill_level_columns(labels, lex)
    unit_col = layout.cols("unit")
    comp_col = layout.cols("comparator")
    blank_table = not any(normalize_text(_cell(row, c.index)) for _, row in rows for c, _, _ in keys)
    out: list[dict[str, Any]] = []
    for n, (i, row) in enumerate(rows):
        l1, l2 = filled["level1"][n], filled["level2"][n]
        word = lex.level_word(l1) if l1 and not l2 else None
        if word and word[0] == "level2":  # the first level column holds 数量指标: it is the second level
            l1, l2 = lex.level2_to_level1.get(word[1], ""), l1
        comps = [normalize_text(_cell(row, c.index)) for c in comp_col]  # 指标性质 正向 | 指标方向 等于: the sign wins
        comp_idx = next((c.index for c, t in zip(comp_col, comps) if column_sign(t, nature=False)),
                        next((c.index for c, t in zip(comp_col, comps) if t), None))
        ind = _indicator(row, layout, keys, lex, unit_col[0].index if unit_col else None, comp_idx, l2 or l1, weights)
        ind["where"] = table.refs[i]
        if i in spread:
            years = "、".join(k for _, s, k in keys if s == "targets")
            ind["inferred"]["targets"] = {"value": "merged_over_years", "rule": "merged_over_years", "confidence": "medium",
                                          "reason": f"一个目标值写在{years}各年度列上（合并单元格），各年度按同一目标",
                                          "reason_en": f"One target written across the {years} columns (merged cells): the same target each year"}
        if not l1 and l2 in lex.level2_to_level1:
            l1 = lex.level2_to_level1[l2]
            ind["inferred"]["level1"] = {"value": l1, "rule": "level2_to_level1",
                                         "reason": f"二级指标“{l2}”属于“{l1}”", "confidence": "medium",
                                         "reason_en": f"Level 2 “{l2}” belongs to “{l1}”"}
        ind["level1"], ind["level2"] = l1, l2
        problems = [f"{k}:{v['raw']}→{v['error']}" for sec in ("targets", "actuals", "baseline")
                    for k, v in ind[sec].items() if v.get("error")]
        empty = not any(ind[sec] for sec in ("targets", "actuals")) and not ind["span"]
        if empty and blank_table and not weights:
            ind["inferred"]["target"] = _blank_target("整张表没有一个指标值（空白模板）", "No target anywhere in the table (a blank template)")
            ind["review"] = [*ind["review"], "target"]
        elif empty and not weights and _left_blank(_cell(row, unit_col[0].index) if unit_col else "", ind, lex):
            ind["inferred"]["target"] = _blank_target("这一行的指标值空着", "This row's target is blank")
            ind["review"] = [*ind["review"], "target"]
        if empty and ind["inferred"].get("target", {}).get("rule") != "target_blank":
            unread.append({"where": ind["where"], "text": _row_text(row)[:200],
                           "reason": "weights_only" if weights else "no_value"})
            if not weights or not _WORD.search(ind["name"]) or (out and out[-1]["name"] == ind["name"]) \
                    or any(w.startswith(ind["name"]) for w in lex.level1 | lex.level2):
                continue  # (服务对象 of 服务对象 / 满意度指标: a level label broken over two rows, no indicator;
                # the row's name again under the next level: a name merged over two rows)
            # 对经济发展的促进作用 | 10 | 10: an indicator whose target was never written, its cells the scores: listed
            # as unread, and kept, its target to be filled in at review (as a blank target)
            ind["inferred"]["target"] = _blank_target("指标值列写的是分值而不是目标，指标名称也没有写出目标",
                                                      "The target column holds scores, not targets, and the name states none")
            ind["review"] = [*ind["review"], "target"]
        if out and all(out[-1].get(k) == ind.get(k) for k in _SAME_ROW):  # a name and target merged over rows (a row per score note)
            skipped.append({"where": ind["where"], "text": _row_text(row)[:200], "reason": "repeat"})
            continue
        if problems:
            unread.append({"where": ind["where"], "text": _row_text(row)[:200], "reason": "bad_value",
                           "cells": problems})
            if any(v.get("error") for v in ind["targets"].values()) and "target" not in ind["review"]:
                ind["review"] = [*ind["review"], "target"]  # a target it could not read: marked on the review grid
        out.append(ind)
    for n, ind in enumerate(out, start=1):
        ind["seq"] = n
        ind["id"] = f"t{n:02d}"
    return [_ordered(ind) for ind in out]


_SAME_ROW = ("level1", "level2", "name", "unit", "targets", "actuals", "baseline", "span")  # a row read again
_ORDER = ("id", "seq", "origin", "where", "level1", "level2", "name", "name_raw", "unit", "kind", "direction",
          "baseline", "targets", "actuals", "span", "points", "inferred", "review")


def _ordered(ind: dict[str, Any]) -> dict[str, Any]:
    return {k: ind[k] for k in _ORDER if k in ind}


def _spanned(row: list[str], col: Column, layout: Layout, lex: Lexicon) -> str:
    """The value cell of ``col``; when it holds only a comparator and the columns after it belong to
    the same header (指标值 merged over ≥ | 500 | 人次, or no header of their own), the comparator,
    the number beside it and a unit after that, as one value (≥500人次)."""
    cell = _cell(row, col.index).strip()
    if not cell or column_sign(cell, nature=False) is None:
        return cell
    headers = {c.index: c for c in layout.columns}

    def spans(i: int) -> bool:
        other = headers.get(i)
        return other is None or not normalize_text(other.header) or \
            (normalize_text(other.header) == normalize_text(col.header) and other.role == col.role)

    number = _cell(row, col.index + 1).strip()
    if not number or not re.match(r"^\d", normalize_text(number)) or not spans(col.index + 1):
        return cell
    unit = _cell(row, col.index + 2).strip()
    if unit and unit_only(unit, lex) and spans(col.index + 2):
        return cell + number + unit
    return cell + number


def _with_comparator(raw: str, comp: str, lex: Lexicon) -> str:
    """The value with the comparator of a separate column (≥ / ≤, 正向 / 反向 指标) put in front,
    unless the value has its own or is a date (= beside 12月底前100%到位 says nothing more)."""
    sign = column_sign(comp)
    if not raw or re.match(r"^\s*[≥≤≧≦<>=]", raw) or not re.search(r"\d", raw) or sign is None \
            or lex.due(normalize_text(raw)) is not None:
        return raw
    return sign + raw


def _indicator(row: list[str], layout: Layout, keys: list[tuple[Column, str, str]], lex: Lexicon,
               unit_idx: int | None, comp_idx: int | None, level: str = "", weights: bool = False) -> dict[str, Any]:
    """One indicator row: read the cells once to see the written comparators and units, infer
    unit, kind and direction, then read them again with the direction (bare numbers). With
    ``weights`` the value cells hold scores: they are left out and the name is read for the target."""
    name_raw = unwrap(_cell(row, layout.name_col))
    name, bracket, marker = split_name(name_raw, lex)
    comp = _cell(row, comp_idx) or hint_sign(name_raw)  # 投入资金(≥万元) | 1500: the template's sign
    raws = [(c, s, k, _with_comparator(_spanned(row, c, layout, lex), "" if s == "actuals" else comp, lex)) for c, s, k in keys]  # (an actual takes no sign)
    only = [unit_only(r, lex) for _, _, _, r in raws]
    template_unit = next((u for u in only if u), "")
    raws = [(c, s, k, "" if u or (weights and s in ("targets", "actuals")) else r)  # a template never filled in
            for (c, s, k, r), u in zip(raws, only)]
    name, raws, target_inf = _target_in_name(name, raws, row, layout, lex, weights)
    pos = next((k for k, (_, s, _, _) in enumerate(raws) if s == "targets"), None)
    if normalize_text(comp) == "定性" and pos is not None and not weights \
            and not any(normalize_text(r) for _, s, _, r in raws if s in ("targets", "span")):
        raws[pos] = (*raws[pos][:3], "定性")  # 定性 | (blank): a qualitative target, judged as reached or not
        target_inf = {"target": {"value": "定性", "rule": "qualitative_by_type", "confidence": "medium",
                                 "reason": "指标值空白，指标性质列写作“定性”：定性目标，按达成情况评价",
                                 "reason_en": "Target blank, the type column says “定性” (qualitative): judged as reached or not"}}
    unit_cell, bounded = unit_bound(_cell(row, unit_idx), [r for *_, r in raws])  # 天以内 | 2: 天, 2以内
    raws = [(c, s, k, b if s in ("targets", "span") else r) for (c, s, k, r), b in zip(raws, bounded)]
    texts, dated = serial_dates([r for *_, r in raws], name, lex)  # =44,561 under 完成时间: a date
    raws = [(c, s, k, t) for (c, s, k, _), t in zip(raws, texts)]
    target_inf = {"target": dated, **target_inf} if dated else target_inf
    based = from_base(raws, lex)  # 较上年增长5% beside last year's 10000人: ≥10500人
    first = [based[str(k)][0] if str(k) in based and s == "targets" else read_value(r, "higher", lex, sentence=True)
             for _, s, k, r in raws if s in ("targets", "span")]
    unit_written = clean_unit(unit_cell, lex) or template_unit
    if unit_written and not fits(unit_written, "unit", lex):
        unit_written = ""  # a note or a value landed in the unit column
    done = [read_value(r, "higher", lex, sentence=True) for _, s, _, r in raws if s == "actuals"]
    unit_inf = infer_unit(name, unit_written, bracket, first, lex, level, done)
    in_values = {c.unit for c in first if c.unit}
    if unit_written and in_values and unit_written not in in_values:
        value_unit = sorted(in_values)[0]
        written = next(c.raw for c in first if c.unit)
        unit_inf = {"value": value_unit, "rule": "value_unit_over_column", "confidence": "low",
                    "reason": f"单位列写作“{unit_written}”，指标值写作“{written}”，按指标值",
                    "reason_en": f"Unit column says “{unit_written}”, the target is written “{written}”: the target's unit"}
        if value_unit in MAGNITUDES and not unit_written.startswith(value_unit):
            unit_inf = {"value": value_unit + unit_written, "rule": "magnitude_and_column", "confidence": "medium",
                        "reason": f"指标值写作“{written}”，单位列写作“{unit_written}” → {value_unit + unit_written}",
                        "reason_en": f"Target written “{written}”, unit column “{unit_written}” → {value_unit + unit_written}"}
    unit = str(unit_inf["value"])
    kind_inf = infer_kind(name, unit, marker, first, lex)
    if kind_inf["value"] in ("qualitative", "milestone") and unit and not in_values:
        unit_inf = {"value": "", "rule": "no_number", "confidence": "high",
                    "reason": "目标不是数值（文字、是/否或日期），不用单位",
                    "reason_en": "The target is no number (words, yes/no or a date): no unit"}
        unit = ""
    dated = kind_inf["value"] == "milestone" and any(c.form == "deadline" for c in first)  # 9月30日前: done in time
    kind_inf = kind_inf if dated else by_type(kind_inf, comp, first)
    dir_inf = infer_direction(name, unit, first, lex, level)
    dir_inf = in_time(dir_inf) if dated else checked_in(dir_inf) if kind_inf["value"] == "qualitative" else dir_inf
    direction = str(dir_inf["value"])
    sections: dict[str, dict[str, Any]] = {"targets": {}, "actuals": {}, "baseline": {}}
    span = None
    for col, section, key, raw in raws:
        if not normalize_text(raw):
            continue
        cell, why = as_meant(read_value(raw, direction, lex, sentence=True), raw, name, unit, direction, lex)
        if why and section == "targets":
            target_inf.setdefault("target", {"value": cell.raw, **why, "confidence": "low"})
        elif section == "targets" and str(key) in based:
            cell = dataclasses.replace(based[str(key)][0], raw=cell.raw)  # the level, the text as written
            target_inf.setdefault("target", based[str(key)][1])
        if section == "actuals":
            if cell.form == "none":  # — / 无: nothing was reported
                continue
            entry = {"raw": cell.raw, "value": cell.value if cell.form in ("number", "bool", "deadline") else None}
            if cell.form == "unreadable":
                entry["value"] = None
            if col.month:  # 1-7月执行情况: achieved by July, not by the year's end
                entry["month"] = col.month
            if cell.form == "deadline" and cell.due:  # done on a date: its month, checked against the due one
                entry["done"] = cell.due if len(cell.due) > 2 else f"{key}-{int(cell.due):02d}"
            sections["actuals"][key] = entry
        elif section == "span":
            span = cell.as_dict()
        else:
            entry = cell.as_dict()
            if over_ceiling(cell, name, unit, lex):
                entry = {**entry, "value": None, "comparator": None, "error": "percent_over_100"}
            if cell.due and len(cell.due) == 2 and re.fullmatch(r"\d{4}", str(key)):
                entry["due"] = f"{key}-{cell.due}"  # 9月前 under the 2023 column: due 2023-09
            before = sections[section].get(key)
            if before is not None and before.get("raw") != entry.get("raw") and adjusts(col, lex):
                target_inf["target"] = {"value": cell.raw, "rule": "adjusted_target", "confidence": "medium",
                                        "reason": f"按{col.header}“{cell.raw}”（原指标值“{before.get('raw')}”）",
                                        "reason_en": f"As adjusted in {col.header}: “{cell.raw}” (first “{before.get('raw')}”)"}
            sections[section][key] = entry
    late_done(sections)
    points = points_of(row, layout, lex)
    from_score = None
    if kind_inf["value"] == "qualitative":  # a 自评表's 达成预期指标: a check-in, never a number
        read_checkins(sections, lex)
        from_score = checkin_from_score(row, layout, raws, sections, points, lex)
    inferred = {**explained_name(name_raw, name, lex), "unit": unit_inf, "kind": kind_inf, "direction": dir_inf, **target_inf,
                **({"actual": from_score} if from_score else {})}
    if template_unit and not sections["targets"] and not sections["actuals"] and not span:
        inferred["target"] = _blank_target(f"指标值只写了单位“{template_unit}”，没有数值（未填写的模板）",
                                           f"The target holds only the unit “{template_unit}”, no number (a template not filled in)")
    review = [f for f, v in inferred.items() if v["confidence"] == "low"]
    if _name_is_value(name, lex):  # 25 人次 read as a name: the row was most likely cut wrong
        review.append("name")
    return {"origin": "table", "name": name, "name_raw": name_raw, "unit": unit, "kind": kind_inf["value"],
            "direction": direction, **sections, "span": span, **({"points": points} if points is not None else {}),
            "inferred": inferred, "review": review}


def _left_blank(unit_cell: str, ind: dict[str, Any], lex: Lexicon) -> bool:
    """A row of the form whose target cell was left blank (进境植物疫情检出率 | % | —): a name that
    ends as a name does, with its unit written in the unit column (``unit_cell``), or a name in
    the form's numbered slot (指标4.不合格产品处置率); kept for review, not unread. (A name with a
    level or a score beside it and no unit may head the rows under it.)"""
    if lex.level_word(ind["name"]):
        return False
    if SLOT.match(normalize_text(ind.get("name_raw") or "")):
        return True  # the slot is the form's: 指标2.药品抽验平均标准 is one of its rows, whatever its name ends with
    return bool(clean_unit(unit_cell, lex)) and ends_like_name(ind["name"])


def _blank_target(why: str, why_en: str) -> dict[str, Any]:
    """What is inferred of a row whose target was never written: kept, to be filled in at review."""
    return {"value": "blank", "rule": "target_blank", "confidence": "low", "reason": f"{why}：请在核对时填写目标值",
            "reason_en": f"{why_en}: please fill in the target at review"}


#: A name that ends in an amount with its unit (建设普通省道二级公路32.1公里): the amount is the target.
_NAME_AMOUNT = re.compile(r"^(?P<name>.*[\u4e00-\u9fff])(?P<value>\d+(\.\d+)?(公里|千米|米|平方米|亩|万亩|个|座|处|所|人次|人|户|场次|场|次|件|台|套|辆|吨|万元|元|小时|天))$")
_NAME_VALUE = re.compile(r"^(?P<name>.*[^\d\s.,:：≥≤<>=＞＜≧≦])\s*(?P<value>[≥≤<>=＞＜≧≦]?\s*\d+(\.\d+)?\s*(%|％)?)$")
#: a target in brackets after the name (培训人次（≥500人次）) or worded after it (…合格率达到95%以上)
_NAME_BRACKET = re.compile(r"^(?P<name>.*[^\s(（])\s*[(（](?P<value>(?:[≥≤<>=＞＜≧≦]{1,2}|不低于|不少于|不超过|不高于|达到)\s*\d[^()（）]{0,10})[)）]$")
_NAME_WORDED = re.compile(r"^(?P<name>.*[\u4e00-\u9fff])(?P<value>(?:达到|不低于|不少于|不超过|不高于|控制在)\s*\d+(\.\d+)?\s*"
                          r"(%|％|[^\d\s,，。;；()（）]{1,4}?)?\s*(及以上|以上|及以下|以下|以内)?)$")


def _target_in_name(name: str, raws: list[tuple[Column, str, str, str]], row: list[str], layout: Layout,
                    lex: Lexicon, weights: bool = False) -> tuple[str, list[tuple[Column, str, str, str]], dict[str, Any]]:
    """A row whose target cells are blank but whose name carries the target: a value written at
    the end of the name (``年度资金支付完成率100%``) is the target and the name what precedes it;
    in a row that was given a score (得分 filled), or whose name is a sentence saying what is to
    improve (``增加就业机会,提高农民收入``), the name itself is the target statement (qualitative;
    not a question such as ``…建立与否``). Both are marked for review."""
    pos = next((k for k, (_, s, _, _) in enumerate(raws) if s == "targets"), None)
    if pos is None or any(normalize_text(r) for _, s, _, r in raws if s in ("targets", "span")):
        return name, raws, {}
    col, section, key, _ = raws[pos]
    text = normalize_text(name)
    m = next((m for m in (p.match(text) for p in (_NAME_VALUE, _NAME_AMOUNT, _NAME_BRACKET, _NAME_WORDED)) if m), None)
    if m and len(m.group("name")) >= 2:
        raws = raws[:pos] + [(col, section, key, m.group("value"))] + raws[pos + 1:]
        return m.group("name"), raws, {"target": {
            "value": m.group("value"), "rule": "value_in_name", "confidence": "low",
            "reason": f"指标值空白，名称末尾写有“{m.group('value')}”，取作目标",
            "reason_en": f"Target blank; the name ends with “{m.group('value')}”, taken as the target"}}
    scored = (weights and any(normalize_text(_cell(row, c.index)) for c in layout.cols("value"))) \
        or any(normalize_text(_cell(row, c.index)) for c in layout.columns
               if c.role == "ignore" and lex.scored_header.search(c.header))  # a row given no score is no statement
    statement = is_qualitative_text(name, lex) and (len(name) >= 10 or bool(re.search("[,，;；、]", name))) \
        and not name.endswith(("、", ",", "，", ";", "；")) \
        and not (lex.scoring_rule and lex.scoring_rule.search(name))  # 定量指标计算:…记满分: a note, no target
    if (scored or statement) and name and not is_value_like(name, lex) and not re.search("(与否|是否)", name) \
            and not ends_like_name(name) and not any(s == "actuals" and re.search(r"\d", r) for _, s, _, r in raws):
        # …种植面积, …控制程度: a name whose value is missing, not a statement; nor one whose result is a figure (4次)
        raws = raws[:pos] + [(col, section, key, name)] + raws[pos + 1:]
        why = "指标值列写的是分值" if weights else "指标值空白而已评分" if scored else "指标值空白，名称是一句目标表述"
        why_en = "The target column holds scores" if weights else "Target blank but scored" if scored \
            else "Target blank and the name is a statement of the aim"
        return name, raws, {"target": {
            "value": name, "rule": "name_as_statement", "confidence": "low",
            "reason": f"{why}，指标名称即目标（定性）", "reason_en": f"{why_en}: the name is the target (qualitative)"}}
    return name, raws, {}
