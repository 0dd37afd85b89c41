"""Budget execution projection and what-if scenarios (预算执行情景模拟).

Pure computation (no Streamlit, no I/O except reading a scenario or allocation file on request).
See ``docs/budget.md`` for the model, the scenario document and the JSON shapes.

Model in short
--------------
* Execution is cumulative from the project start against the (adjusted) total budget; the
  year's target comes from ``project.execution_targets`` (30 % by end-2023, 100 % by end-2024).
  Time progress (序时进度) is the straight line from last year-end execution to the target.
* The months of the as-of year after the last month with spending data are projected per
  funding source: a monthly profile (share of the year's spending in each month, learned from
  complete prior years, else :data:`DEFAULT_PROFILE` with its December rush) times the year's
  pace (YTD spending ÷ expected YTD share). An 80 % interval comes from the spread of the prior
  years' profiles (≥ 2 years) or from a default relative error that shrinks as the year goes on.
* Spending is split over the goals by ``budget_allocation.csv`` (or a ``goal`` column in the
  data). Levers change the months after the as-of month; cumulative execution per source never
  exceeds that source's (adjusted) budget.
* Spend-driven indicators (``Indicator.spend_driven``) are projected from their goal's spending
  with a unit cost (output YTD ÷ goal spending YTD, or the user's ``unit_costs``).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import numpy as np
import pandas as pd

from analytics.core.paths import DEFAULT_PROJECT_DIR
from analytics.core.model import Indicator, Project
from analytics.core.series import Actuals, Budget
from analytics.core.values import ValueParseError, normalize_text, parse_period

__all__ = [
    "DEFAULT_PROFILE",
    "DEFAULT_REL_ERROR_START",
    "DEFAULT_REL_ERROR_END",
    "MIN_PACE_SHARE",
    "Z80",
    "LEVERS",
    "ScenarioProblem",
    "ScenarioError",
    "MonthPoint",
    "SourceSummary",
    "GoalSpending",
    "LinkedOutput",
    "ScenarioResult",
    "load_allocation",
    "validate_scenario",
    "scenario_problems",
    "normalise_scenario",
    "normalize_scenario",
    "scenario_to_dict",
    "scenario_key",
    "scenario_from_file",
    "scenario_arg",
    "project_scenario",
    "scenario_json",
]

# Default monthly spending profile (share of a year's spending paid in each month, Jan…Dec),
# used when no complete prior year is in the data. Fiscal payments in China are slow in the
# first quarter (budgets are released after the Spring Festival) and bunch up at year-end
# (年末集中支付): 22 % in December.
DEFAULT_PROFILE: tuple[float, ...] = (0.02, 0.03, 0.06, 0.07, 0.07, 0.08, 0.08, 0.08, 0.09, 0.09, 0.11, 0.22)
# Default half-width of the 80 % interval of the remaining spending, relative to it: 30 % with
# no month of the year observed, shrinking linearly to 10 % as the months are observed.
DEFAULT_REL_ERROR_START = 0.30
DEFAULT_REL_ERROR_END = 0.10
# Bounds for the interval from the spread of prior-year profiles.
SPREAD_REL_MIN = 0.05
SPREAD_REL_MAX = 0.90
# The pace (YTD ÷ expected YTD share) is blended with last year's total while the expected
# YTD share is below this (early months: a single month says little about the year).
MIN_PACE_SHARE = 0.15
MAX_PROFILE_YEARS = 3
Z80 = 1.2815515655446004  # two-sided 80 % normal quantile

LEVERS = (
    "pace",
    "pace_by_source",
    "pace_by_goal",
    "one_off",
    "freeze",
    "budget_adjustment",
    "transfers",
    "unit_costs",
)
_TOP_KEYS = ("name", "description", "levers", "note", "notes", "id", "created", "updated", "author")

ALLOCATION_FILE = "budget_allocation.csv"
_DEFAULT_PROJECT_DIR = DEFAULT_PROJECT_DIR


# -- problems -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScenarioProblem:
    """One thing wrong with a scenario document: where (``levers.pace``), and what to do."""

    code: str
    where: str
    zh: str
    en: str

    def message(self, lang: str = "zh") -> str:
        if lang == "en":
            return f"{self.where}: {self.en}" if self.where else self.en
        return f"{self.where}：{self.zh}" if self.where else self.zh

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "where": self.where, "message_zh": self.message("zh"), "message_en": self.message("en")}


class ScenarioError(ValueError):
    """A scenario document (or file) that cannot be used; ``problems`` says why."""

    def __init__(self, problems: list[ScenarioProblem]) -> None:
        super().__init__("; ".join(p.message("en") for p in problems[:5]))
        self.problems = problems

    def messages(self, lang: str = "zh") -> list[str]:
        return [p.message(lang) for p in self.problems]


# -- allocation -----------------------------------------------------------------------------


def load_allocation(project: Project, path: str | os.PathLike[str] | None = None) -> dict[int, float]:
    """Share of the budget going to each goal (sums to 1).

    Read from ``path`` or ``<project folder>/budget_allocation.csv`` (columns ``goal,share,note``;
    lines starting with ``#`` are comments). Without a file every goal gets an equal share.
    Shares are normalised to sum to 1; goals missing from the file get 0. Raises ``ValueError``
    for an unknown goal, a negative or non-numeric share, or shares summing to 0.
    """
    goals = [g.id for g in project.goals] or [0]
    file: Path | None = Path(path) if path else None
    if file is None and project.source:
        candidate = Path(project.source)
        if candidate.is_file():
            candidate = candidate.parent
        if (candidate / ALLOCATION_FILE).exists():
            file = candidate / ALLOCATION_FILE
    if file is None:
        return {g: 1.0 / len(goals) for g in goals}
    return dict(_read_allocation(str(file), tuple(goals), file.stat().st_mtime_ns if file.exists() else 0))


@lru_cache(maxsize=16)
def _read_allocation(file: str, goals: tuple[int, ...], mtime: int) -> dict[int, float]:  # mtime: re-read when edited
    df = pd.read_csv(file, dtype=str, keep_default_na=False, comment="#", encoding="utf-8-sig")
    cols = {normalize_text(c).lower(): c for c in df.columns}
    if "goal" not in cols or "share" not in cols:
        raise ValueError(f"{file}: columns goal and share are required / 需要 goal 和 share 两列")
    shares = {g: 0.0 for g in goals}
    for i, row in enumerate(df.to_dict("records")):
        graw, sraw = normalize_text(row[cols["goal"]]), normalize_text(row[cols["share"]])
        gid = _goal_id(graw)
        if gid is None or gid not in shares:
            raise ValueError(f"{file} row {i + 2}: unknown goal {graw!r} / 第 {i + 2} 行目标编号「{graw}」不存在")
        try:
            share = float(sraw.rstrip("%")) / (100.0 if sraw.endswith("%") else 1.0)
        except ValueError:
            raise ValueError(f"{file} row {i + 2}: share {sraw!r} is not a number / 第 {i + 2} 行占比「{sraw}」不是数字") from None
        if not math.isfinite(share) or share < 0:
            raise ValueError(f"{file} row {i + 2}: share must be ≥ 0 / 第 {i + 2} 行占比不能为负")
        shares[gid] += share
    total = sum(shares.values())
    if total <= 0:
        raise ValueError(f"{file}: shares sum to 0 / 占比合计为 0")
    return {g: v / total for g, v in shares.items()}


def _goal_id(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = normalize_text(value).lower()
    for prefix in ("目标", "goal", "g"):
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    return int(text) if text.isdigit() else None


# -- scenario documents ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def _default_project() -> Project:
    from analytics.ingest.targets import load_project

    return load_project()


def _source_aliases(project: Project) -> dict[str, str]:
    out: dict[str, str] = {}
    for s in project.funding_sources:
        for alias in (s.key, s.name, s.name_en):
            if alias:
                out[normalize_text(alias).lower()] = s.key
    return out


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        x = float(value)
    else:
        text = normalize_text(value).replace(",", "")
        try:
            x = float(text)
        except ValueError:
            return None
    return x if math.isfinite(x) else None


def _month(value: Any) -> tuple[int, int] | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        p = parse_period(value)
    except (ValueParseError, TypeError, ValueError):
        return None
    if p.first_month != p.month:
        return None
    return p.year, p.month


def _key(ym: tuple[int, int]) -> str:
    return f"{ym[0]:04d}-{ym[1]:02d}"


class _Checker:
    def __init__(self, project: Project, as_of: tuple[int, int] | None) -> None:
        self.project = project
        self.as_of = as_of
        self.sources = _source_aliases(project)
        self.source_keys = [s.key for s in project.funding_sources]
        self.goals = [g.id for g in project.goals]
        self.spend_driven = [i.id for i in project.indicators if i.spend_driven]
        self.problems: list[ScenarioProblem] = []

    def add(self, code: str, where: str, zh: str, en: str) -> None:
        self.problems.append(ScenarioProblem(code, where, zh, en))

    def mapping(self, value: Any, where: str) -> dict[str, Any] | None:
        if not isinstance(value, Mapping):
            self.add("not_mapping", where, "应为键值对（JSON 对象 / YAML 映射）。", "must be a mapping (JSON object / YAML mapping).")
            return None
        return {str(k): v for k, v in value.items()}

    def rate(self, value: Any, where: str, what_zh: str = "倍数", what_en: str = "multiplier") -> float | None:
        x = _num(value)
        if x is None:
            self.add("not_number", where, f"{what_zh}应为数字，例如 1.2（表示加快 20%），实际为「{value}」。",
                     f"the {what_en} must be a number such as 1.2 (20 % faster), got {value!r}.")
            return None
        if x < 0:
            self.add("negative_pace", where, f"{what_zh}不能为负数（{x:g}）：1 表示按原节奏，0 表示停止支出，1.2 表示加快 20%。",
                     f"the {what_en} cannot be negative ({x:g}): 1 keeps the pace, 0 stops spending, 1.2 is 20 % faster.")
            return None
        return x

    def amount(self, value: Any, where: str, allow_negative: bool = False) -> float | None:
        x = _num(value)
        if x is None:
            self.add("not_number", where, f"金额应为数字（万元），实际为「{value}」。", f"the amount must be a number (10k yuan), got {value!r}.")
            return None
        if not allow_negative and x <= 0:
            self.add("bad_amount", where, f"金额应大于 0（万元），实际为 {x:g}。", f"the amount must be greater than 0 (10k yuan), got {x:g}.")
            return None
        return x

    def source(self, value: Any, where: str) -> str | None:
        key = self.sources.get(normalize_text(value).lower()) if isinstance(value, str) else None
        if key is None:
            names = "、".join(f"{s.key}（{s.name}）" for s in self.project.funding_sources)
            names_en = ", ".join(s.key for s in self.project.funding_sources)
            self.add("unknown_source", where, f"资金来源「{value}」不存在，可选：{names}。",
                     f"unknown funding source {value!r}; use one of: {names_en}.")
        return key

    def goal(self, value: Any, where: str) -> int | None:
        gid = _goal_id(value)
        if gid is None or gid not in self.goals:
            self.add("unknown_goal", where, f"目标「{value}」不存在，可选：{'、'.join(map(str, self.goals))}。",
                     f"unknown goal {value!r}; use one of: {', '.join(map(str, self.goals))}.")
            return None
        return gid

    def month(self, value: Any, where: str, after_as_of: bool = True) -> tuple[int, int] | None:
        ym = _month(value)
        if ym is None:
            self.add("bad_month", where, f"月份「{value}」无法识别，请写成 2024-10 或 2024年10月。",
                     f"month {value!r} is not valid; write it as 2024-10.")
            return None
        if after_as_of and self.as_of is not None and ym <= tuple(self.as_of):
            self.add("month_not_after_as_of", where,
                     f"月份 {_key(ym)} 不在截至月份 {_key(self.as_of)} 之后：情景只改变截至月份之后的月份。",
                     f"month {_key(ym)} is not after the as-of month {_key(self.as_of)}: levers change later months only.")
        return ym


def _levers_of(doc: Mapping[str, Any]) -> tuple[dict[str, Any] | None, list[ScenarioProblem]]:
    problems: list[ScenarioProblem] = []
    if "levers" in doc:
        lev = doc["levers"]
        if lev is None:
            return {}, problems
        if not isinstance(lev, Mapping):
            problems.append(ScenarioProblem("not_mapping", "levers", "levers 应为键值对（例如 {\"pace\": 1.2}）。",
                                            "levers must be a mapping (e.g. {\"pace\": 1.2})."))
            return None, problems
        extra = [k for k in doc if k not in _TOP_KEYS]
        if extra:
            problems.append(ScenarioProblem("unknown_key", ", ".join(map(str, extra)),
                                            f"未知的字段：{'、'.join(map(str, extra))}；调节参数应写在 levers 之内。",
                                            f"unknown field(s): {', '.join(map(str, extra))}; levers belong inside \"levers\"."))
        return {str(k): v for k, v in lev.items()}, problems
    # a bare lever mapping is accepted too
    return {str(k): v for k, v in doc.items() if k not in _TOP_KEYS}, problems


def _check(doc: Any, project: Project | None, as_of: tuple[int, int] | None) -> tuple[dict[str, Any] | None, list[ScenarioProblem]]:
    """Validate and normalise; returns (canonical document or None, problems)."""
    project = project or _default_project()
    if doc is None:
        return {"name": "", "levers": {}}, []
    if not isinstance(doc, Mapping):
        return None, [ScenarioProblem("not_mapping", "", "情景文件应为一个 JSON 对象或 YAML 映射，例如 {\"name\": \"加快支付\", \"levers\": {\"pace\": 1.2}}。",
                                      "A scenario must be a JSON object / YAML mapping, e.g. {\"name\": \"faster\", \"levers\": {\"pace\": 1.2}}.")]
    c = _Checker(project, as_of)
    name = doc.get("name", "")
    if name is not None and not isinstance(name, (str, int, float)):
        c.add("bad_name", "name", "名称应为文字。", "the name must be text.")
    levers, problems = _levers_of(doc)
    c.problems.extend(problems)
    if levers is None:
        return None, c.problems
    out: dict[str, Any] = {}
    for key, value in levers.items():
        where = f"levers.{key}"
        if key not in LEVERS:
            c.add("unknown_lever", where, f"未知的调节参数「{key}」，可用：{'、'.join(LEVERS)}。",
                  f"unknown lever {key!r}; available: {', '.join(LEVERS)}.")
            continue
        if value is None:
            continue
        if key == "pace":
            x = c.rate(value, where)
            if x is not None and x != 1.0:
                out["pace"] = x
        elif key in ("pace_by_source", "pace_by_goal"):
            m = c.mapping(value, where)
            if m is None:
                continue
            res: dict[str, float] = {}
            for k, v in m.items():
                ident: Any = c.source(k, f"{where}.{k}") if key == "pace_by_source" else c.goal(k, f"{where}.{k}")
                x = c.rate(v, f"{where}.{k}")
                if ident is not None and x is not None:
                    sk = str(ident)
                    res[sk] = res.get(sk, 1.0) * x
            res = {k: v for k, v in res.items() if v != 1.0}
            if res:
                out[key] = dict(sorted(res.items(), key=lambda kv: (kv[0].zfill(6) if key == "pace_by_goal" else kv[0])))
        elif key == "one_off":
            items = value if isinstance(value, list) else [value]
            res_list = []
            for i, item in enumerate(items):
                w = f"{where}[{i}]"
                m = c.mapping(item, w)
                if m is None:
                    continue
                unknown = [k for k in m if k not in ("month", "amount", "source", "goal", "note")]
                if unknown:
                    c.add("unknown_key", w, f"未知的字段：{'、'.join(unknown)}（可用 month、amount、source、goal）。",
                          f"unknown field(s): {', '.join(unknown)} (use month, amount, source, goal).")
                if "month" not in m or "amount" not in m:
                    c.add("missing_field", w, "一次性支付需要 month（月份）和 amount（金额，万元）。",
                          "a one-off payment needs month and amount (10k yuan).")
                    continue
                ym = c.month(m["month"], f"{w}.month")
                amt = c.amount(m["amount"], f"{w}.amount")
                src = c.source(m["source"], f"{w}.source") if m.get("source") not in (None, "") else None
                goal = c.goal(m["goal"], f"{w}.goal") if m.get("goal") not in (None, "") else None
                if ym is None or amt is None:
                    continue
                res_list.append({"month": _key(ym), "amount": amt, "source": src, "goal": goal})
            if res_list:
                out["one_off"] = sorted(res_list, key=lambda d: (d["month"], d["source"] or "", d["goal"] or 0, d["amount"]))
        elif key == "freeze":
            items = value if isinstance(value, list) else [value]
            res_list = []
            for i, item in enumerate(items):
                w = where if not isinstance(value, list) else f"{where}[{i}]"
                m = c.mapping(item, w)
                if m is None:
                    continue
                unknown = [k for k in m if k not in ("from", "to", "sources", "note")]
                if unknown:
                    c.add("unknown_key", w, f"未知的字段：{'、'.join(unknown)}（可用 from、to、sources）。",
                          f"unknown field(s): {', '.join(unknown)} (use from, to, sources).")
                if "from" not in m:
                    c.add("missing_field", w, "暂停支付需要 from（起始月份），to 可省略（默认到年末）。",
                          "a freeze needs from (first month); to is optional (default: year-end).")
                    continue
                start = _month(m["from"])
                end = _month(m["to"]) if m.get("to") not in (None, "") else (start[0], 12) if start else None
                if start is None:
                    c.add("bad_month", f"{w}.from", f"月份「{m['from']}」无法识别，请写成 2024-09。",
                          f"month {m['from']!r} is not valid; write it as 2024-09.")
                if end is None and m.get("to") not in (None, ""):
                    c.add("bad_month", f"{w}.to", f"月份「{m['to']}」无法识别，请写成 2024-10。",
                          f"month {m['to']!r} is not valid; write it as 2024-10.")
                if start is None or end is None:
                    continue
                if end < start:
                    c.add("bad_range", w, f"结束月份 {_key(end)} 早于起始月份 {_key(start)}。",
                          f"the end month {_key(end)} is before the start month {_key(start)}.")
                    continue
                if as_of is not None and end <= tuple(as_of):
                    c.add("month_not_after_as_of", w, f"暂停期 {_key(start)}–{_key(end)} 全部在截至月份 {_key(as_of)} 及之前，不起作用。",
                          f"the freeze {_key(start)}–{_key(end)} ends at or before the as-of month {_key(as_of)}, so it changes nothing.")
                srcs_raw = m.get("sources")
                if srcs_raw in (None, "", []):
                    srcs = sorted(c.source_keys)
                else:
                    lst = srcs_raw if isinstance(srcs_raw, list) else [srcs_raw]
                    found = [c.source(x, f"{w}.sources[{j}]") for j, x in enumerate(lst)]
                    srcs = sorted({x for x in found if x is not None})
                res_list.append({"from": _key(start), "to": _key(end), "sources": srcs})
            if res_list:
                out["freeze"] = sorted(res_list, key=lambda d: (d["from"], d["to"], d["sources"]))
        elif key == "budget_adjustment":
            m = c.mapping(value, where)
            if m is None:
                continue
            res = {}
            for k, v in m.items():
                src = c.source(k, f"{where}.{k}")
                x = c.amount(v, f"{where}.{k}", allow_negative=True)
                if src is None or x is None:
                    continue
                res[src] = res.get(src, 0.0) + x
            for src, x in res.items():
                base = next(s.amount for s in project.funding_sources if s.key == src)
                if base + x < 0:
                    c.add("budget_below_zero", f"{where}.{src}", f"调减 {-x:g} 万元后预算为负（原预算 {base:g} 万元）。",
                          f"after a cut of {-x:g} the budget would be negative (budget {base:g}).")
            res = {k: v for k, v in sorted(res.items()) if v != 0}
            if res:
                out["budget_adjustment"] = res
        elif key == "transfers":
            items = value if isinstance(value, list) else [value]
            res_list = []
            for i, item in enumerate(items):
                w = f"{where}[{i}]"
                m = c.mapping(item, w)
                if m is None:
                    continue
                unknown = [k for k in m if k not in ("from_goal", "to_goal", "amount", "note")]
                if unknown:
                    c.add("unknown_key", w, f"未知的字段：{'、'.join(unknown)}（可用 from_goal、to_goal、amount）。",
                          f"unknown field(s): {', '.join(unknown)} (use from_goal, to_goal, amount).")
                if not all(k in m for k in ("from_goal", "to_goal", "amount")):
                    c.add("missing_field", w, "调剂需要 from_goal、to_goal 和 amount（万元）。", "a transfer needs from_goal, to_goal and amount (10k yuan).")
                    continue
                g1, g2 = c.goal(m["from_goal"], f"{w}.from_goal"), c.goal(m["to_goal"], f"{w}.to_goal")
                amt = c.amount(m["amount"], f"{w}.amount")
                if g1 is not None and g1 == g2:
                    c.add("same_goal", w, "调出和调入的目标相同。", "from_goal and to_goal are the same.")
                    continue
                if g1 is None or g2 is None or amt is None:
                    continue
                res_list.append({"from_goal": g1, "to_goal": g2, "amount": amt})
            if res_list:
                out["transfers"] = res_list  # order matters (each moves what is left)
        elif key == "unit_costs":
            m = c.mapping(value, where)
            if m is None:
                continue
            res = {}
            for k, v in m.items():
                if k not in c.spend_driven:
                    c.add("unknown_indicator", f"{where}.{k}", f"「{k}」不是资金驱动指标，可用：{'、'.join(c.spend_driven)}。",
                          f"{k!r} is not a spend-driven indicator; use one of: {', '.join(c.spend_driven)}.")
                    continue
                x = c.amount(v, f"{where}.{k}")
                if x is not None:
                    res[k] = x
            if res:
                out["unit_costs"] = dict(sorted(res.items()))
    if c.problems:
        return None, c.problems
    canon: dict[str, Any] = {"name": "" if name is None else str(name), "levers": {k: out[k] for k in LEVERS if k in out}}
    if doc.get("description"):
        canon["description"] = str(doc["description"])
    return canon, []


def scenario_problems(doc: Any, project: Project | None = None, as_of: tuple[int, int] | None = None) -> list[ScenarioProblem]:
    """All the problems of a scenario document (empty when it can be used)."""
    return _check(doc, project, tuple(as_of) if as_of else None)[1]  # type: ignore[arg-type]


def validate_scenario(doc: Any, project: Project | None = None, as_of: tuple[int, int] | None = None, lang: str = "zh") -> list[str]:
    """Messages (``lang`` = ``"zh"`` or ``"en"``) for everything wrong with a scenario document:
    unknown levers, negative or non-numeric paces, unknown sources/goals/indicators, bad months
    (and, with ``as_of``, months that are not after it). Empty list = valid."""
    return [p.message(lang) for p in scenario_problems(doc, project, as_of)]


def normalise_scenario(doc: Any, project: Project | None = None) -> dict[str, Any]:
    """Canonical form: ``{"name", "levers"}`` with sources as keys, goals as numbers, months as
    ``YYYY-MM``, neutral settings (pace 1, adjustment 0) dropped and lists sorted where order does
    not matter. Two documents with the same canonical levers give identical numbers.
    Raises :class:`ScenarioError`."""
    canon, problems = _check(doc, project, None)
    if problems or canon is None:
        raise ScenarioError(problems)
    return canon


normalize_scenario = normalise_scenario


def scenario_to_dict(doc: Any, project: Project | None = None) -> dict[str, Any]:
    """JSON-friendly canonical document (same as :func:`normalise_scenario`)."""
    return normalise_scenario(doc, project)


def scenario_key(doc: Any, project: Project | None = None) -> str:
    """A short hash of the canonical levers (the name is not part of it): a cache key."""
    levers = normalise_scenario(doc, project)["levers"]
    return hashlib.sha1(json.dumps(levers, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def scenario_from_file(path: str | os.PathLike[str], project: Project | None = None) -> dict[str, Any]:
    """Read a scenario from a JSON or YAML file and return its canonical form.
    Raises :class:`ScenarioError` with located messages (missing file, syntax error, bad levers)."""
    p = Path(path)
    if not p.exists():
        raise ScenarioError([ScenarioProblem("file_not_found", str(p), "文件不存在，请检查路径。", "file not found: check the path.")])
    try:
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ScenarioError([ScenarioProblem("bad_encoding", str(p), "文件不是 UTF-8 文本，请另存为 UTF-8 编码。",
                                             "the file is not UTF-8 text; save it as UTF-8.")]) from None
    if not text.strip():
        raise ScenarioError([ScenarioProblem("empty_file", str(p), "文件是空的。", "the file is empty.")])
    suffix = p.suffix.lower()
    doc: Any
    if suffix == ".json" or (suffix not in (".yaml", ".yml") and text.lstrip().startswith("{")):
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ScenarioError([ScenarioProblem("bad_json", str(p), f"JSON 格式错误（第 {exc.lineno} 行第 {exc.colno} 列）：{exc.msg}。",
                                                 f"invalid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}.")]) from None
    else:
        import yaml

        try:
            doc = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where_zh = f"（第 {mark.line + 1} 行第 {mark.column + 1} 列）" if mark else ""
            where_en = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
            raise ScenarioError([ScenarioProblem("bad_yaml", str(p), f"YAML 格式错误{where_zh}：{getattr(exc, 'problem', exc)}。",
                                                 f"invalid YAML{where_en}: {getattr(exc, 'problem', exc)}.")]) from None
    canon, problems = _check(doc, project, None)
    if problems or canon is None:
        raise ScenarioError([ScenarioProblem(q.code, f"{p.name} {q.where}".strip(), q.zh, q.en) for q in problems])
    return canon


# -- results --------------------------------------------------------------------------------


class _AsDict:
    """``as_dict()`` for the result dataclasses: every field, JSON-friendly."""

    def as_dict(self) -> dict[str, Any]:
        return {k: _jsonable(getattr(self, k)) for k in self.__dataclass_fields__}  # type: ignore[attr-defined]


@dataclass(frozen=True)
class MonthPoint(_AsDict):
    month: int
    period: str  # YYYY-MM
    observed: bool  # True: spending data; False: projected
    spent: float  # spending in the month (万元)
    cumulative: float  # cumulative since the project start (万元)
    execution_rate: float | None  # %
    lower: float | None  # % (80 % interval of the cumulative execution)
    upper: float | None
    cumulative_lower: float
    cumulative_upper: float
    time_progress: float | None  # % (序时进度)
    target: float | None  # % (the year's execution target)



@dataclass(frozen=True)
class SourceSummary(_AsDict):
    source: str
    name: str
    budget: float  # original
    adjusted_budget: float
    spent_before_year: float
    spent_ytd: float  # observed spending of the year (to the data month)
    projected_rest: float  # projected spending of the rest of the year
    year_end_cumulative: float
    unspent: float  # adjusted budget − cumulative at year-end
    execution_rate: float | None  # year-end cumulative ÷ adjusted budget (%)
    pace: float  # projected spending of the whole year at the baseline pace (万元)
    profile_method: str  # "history" | "pooled" | "default"
    profile_years: int
    interval_method: str  # "spread" | "default"
    rel_error: float  # half-width of the 80 % interval, relative to the remaining spending



@dataclass(frozen=True)
class GoalSpending(_AsDict):
    goal: int
    name: str
    share: float
    budget: float  # adjusted total × share, ± transfers
    spent_before_year: float
    spent_ytd: float
    projected_rest: float
    year_spent: float
    year_end_cumulative: float
    execution_rate: float | None
    transferred: float  # net transfers in (+) / out (−)



@dataclass(frozen=True)
class LinkedOutput(_AsDict):
    indicator_id: str
    name: str
    goal: int
    unit: str
    data_month: int | None
    ytd: float | None  # output to the data month (indicator unit)
    goal_spent_to_data_month: float  # 万元
    goal_spending_rest: float  # scenario spending of the goal after the data month (万元)
    unit_cost: float | None  # 万元 of the goal's spending per base unit (人次, 个, 份, 场次)
    unit_cost_source: str  # "derived" | "user" | "none"
    projected: float | None  # year-end output (indicator unit)
    target: float | None
    attainment: float | None
    baseline_projected: float | None  # the same without levers
    note_zh: str = ""
    note_en: str = ""



@dataclass
class ScenarioResult:
    name: str
    levers: dict[str, Any]
    key: str
    as_of: str
    year: int
    data_month: int  # last month of the year with spending data (≤ as-of); 0 = none
    total_budget: float
    adjusted_budget: float
    target_rate: float | None
    last_year_end_rate: float | None
    path: list[MonthPoint]
    year_end_rate: float | None
    year_end_interval: tuple[float | None, float | None]
    year_end_spent: float  # cumulative at year-end (万元)
    target_month: int | None
    target_period: str | None
    shortfall: float  # 万元 still needed at year-end to reach the target (0 if reached)
    sources: list[SourceSummary]
    unspent_by_source: dict[str, float]
    central_at_risk: bool
    risk_reasons_zh: list[str]
    risk_reasons_en: list[str]
    by_goal: list[GoalSpending]
    linked_outputs: list[LinkedOutput]
    baseline_year_end_rate: float | None
    warnings_zh: list[str] = field(default_factory=list)
    warnings_en: list[str] = field(default_factory=list)

    def linked(self, indicator_id: str) -> LinkedOutput | None:
        for lo in self.linked_outputs:
            if lo.indicator_id == indicator_id:
                return lo
        return None

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "levers": self.levers,
            "key": self.key,
            "as_of": self.as_of,
            "year": self.year,
            "data_month": self.data_month,
            "total_budget": self.total_budget,
            "adjusted_budget": self.adjusted_budget,
            "target_rate": self.target_rate,
            "last_year_end_rate": _jsonable(self.last_year_end_rate),
            "path": [p.as_dict() for p in self.path],
            "year_end_rate": _jsonable(self.year_end_rate),
            "year_end_interval": [_jsonable(x) for x in self.year_end_interval],
            "year_end_spent": _jsonable(self.year_end_spent),
            "target_month": self.target_month,
            "target_period": self.target_period,
            "shortfall": _jsonable(self.shortfall),
            "sources": [s.as_dict() for s in self.sources],
            "unspent_by_source": {k: _jsonable(v) for k, v in self.unspent_by_source.items()},
            "central_at_risk": self.central_at_risk,
            "risk_reasons_zh": list(self.risk_reasons_zh),
            "risk_reasons_en": list(self.risk_reasons_en),
            "by_goal": [g.as_dict() for g in self.by_goal],
            "linked_outputs": [lo.as_dict() for lo in self.linked_outputs],
            "baseline_year_end_rate": _jsonable(self.baseline_year_end_rate),
            "warnings_zh": list(self.warnings_zh),
            "warnings_en": list(self.warnings_en),
        }


def _jsonable(x: Any) -> Any:
    if isinstance(x, (np.floating, np.integer)):
        x = x.item()
    if isinstance(x, float) and not math.isfinite(x):
        return None
    if isinstance(x, tuple):
        return [_jsonable(v) for v in x]
    return x


# -- the baseline ---------------------------------------------------------------------------


@dataclass
class _Base:
    """Everything that does not depend on the levers."""

    year: int
    as_of_month: int
    data_month: int
    sources: list[str]
    names: dict[str, str]
    budgets: np.ndarray  # (S,) original budget per source (inf = unknown)
    goals: list[int]
    shares: np.ndarray  # (G,)
    before: np.ndarray  # (S,) cumulative spending before the year
    before_goal: np.ndarray  # (S, G)
    observed: np.ndarray  # (S, G, 12) spending of the observed months (0 elsewhere)
    mix: np.ndarray  # (S, G) goal mix used for the projection
    rest: np.ndarray  # (S, 12) baseline projected spending (0 in observed months)
    pace: np.ndarray  # (S,) projected whole-year spending
    rel: np.ndarray  # (S,) relative half-width of the 80 % interval
    profile_method: list[str]
    profile_years: list[int]
    interval_method: list[str]
    total: float
    last_year_end_rate: float | None
    target_rate: float | None
    final_year: int | None


def _profiles(monthly: Mapping[tuple[int, int], Mapping[str, float]], year: int, source: str | None) -> list[np.ndarray]:
    """Monthly shares of each complete prior year (December present, positive total)."""
    years = sorted({y for (y, _m) in monthly if y < year})
    out = []
    for y in years:
        vals = np.zeros(12)
        for m in range(1, 13):
            by_src = monthly.get((y, m))
            if by_src:
                vals[m - 1] = by_src.get(source, 0.0) if source is not None else sum(by_src.values())
        if (y, 12) not in monthly or vals.sum() <= 0 or (vals < 0).any():
            continue
        out.append(vals / vals.sum())
    return out[-MAX_PROFILE_YEARS:]


def _goal_frame(budget: Budget, goals: list[int]) -> dict[tuple[int, int, str, int], float] | None:
    """Spending by (year, month, source, goal) when the budget frame has a goal column."""
    frame = budget.frame
    if "goal" not in frame.columns or frame.empty:
        return None
    out: dict[tuple[int, int, str, int], float] = {}
    for y, m, s, g, a in zip(frame["year"], frame["month"], frame["source"], frame["goal"], frame["amount"]):
        gid = _goal_id(g)
        if gid is None or gid not in goals:
            continue
        k = (int(y), int(m), str(s), gid)
        out[k] = out.get(k, 0.0) + float(a)
    return out or None


def _baseline(project: Project, budget: Budget, as_of: tuple[int, int], allocation: Mapping[int, float] | None) -> _Base:
    year, as_of_month = int(as_of[0]), int(as_of[1])
    monthly = budget.monthly
    names = {s.key: s.name for s in project.funding_sources}
    sources = [s.key for s in project.funding_sources]
    for by_src in monthly.values():
        for s in by_src:
            if s not in names:
                names[s] = s
                sources.append(s)
    if not sources:
        sources = ["total"]
        names["total"] = "合计"
    budgets = np.array([next((fs.amount for fs in project.funding_sources if fs.key == s), math.inf) for s in sources], dtype=float)
    if not project.funding_sources:
        budgets[:] = budget.total or math.inf
    alloc = dict(allocation) if allocation is not None else load_allocation(project)
    goals = sorted(alloc) or [0]
    shares = np.array([alloc.get(g, 0.0) for g in goals], dtype=float)
    shares = shares / shares.sum() if shares.sum() > 0 else np.full(len(goals), 1.0 / len(goals))
    S, G = len(sources), len(goals)
    sidx = {s: i for i, s in enumerate(sources)}

    data_months = [m for (y, m) in monthly if y == year and m <= as_of_month]
    d = max(data_months) if data_months else 0
    before = np.zeros(S)
    ytd_obs = np.zeros((S, 12))
    for (y, m), by_src in monthly.items():
        for s, v in by_src.items():
            i = sidx.get(s, 0)
            if y < year:
                before[i] += v
            elif y == year and m <= d:
                ytd_obs[i, m - 1] += v

    gf = _goal_frame(budget, goals)
    gidx = {g: j for j, g in enumerate(goals)}
    observed = ytd_obs[:, None, :] * shares[None, :, None]
    before_goal = before[:, None] * shares[None, :]
    mix = np.tile(shares, (S, 1))
    if gf is not None:
        # months with goal-tagged rows: tagged amounts go to their goal, the untagged rest by share
        tagged = np.zeros((S, G, 12))
        tagged_before = np.zeros((S, G))
        for (y, m, s, g), v in gf.items():
            i = sidx.get(s)
            if i is None:
                continue
            if y < year:
                tagged_before[i, gidx[g]] += v
            elif y == year and m <= d:
                tagged[i, gidx[g], m - 1] += v
        untagged = ytd_obs - tagged.sum(axis=1)
        observed = tagged + np.clip(untagged, 0, None)[:, None, :] * shares[None, :, None]
        before_goal = tagged_before + np.clip(before - tagged_before.sum(axis=1), 0, None)[:, None] * shares[None, :]
        for i in range(S):
            tot = observed[i].sum()
            if tot > 0:
                mix[i] = observed[i].sum(axis=1) / tot

    rest = np.zeros((S, 12))
    pace = np.zeros(S)
    rel = np.zeros(S)
    pmethod, pyears, imethod = [], [], []
    pooled = _profiles(monthly, year, None)
    rel_default = DEFAULT_REL_ERROR_START - (DEFAULT_REL_ERROR_START - DEFAULT_REL_ERROR_END) * d / 12
    final_year = max(project.years) if project.years else None
    for i, s in enumerate(sources):
        own = _profiles(monthly, year, s) if s != "total" else pooled
        if own:
            profs, method = own, "history"
        elif pooled:
            profs, method = pooled, "pooled"
        else:
            profs, method = [np.array(DEFAULT_PROFILE, dtype=float)], "default"
        prof = np.mean(profs, axis=0)
        prof = prof / prof.sum()
        pmethod.append(method)
        pyears.append(len(profs) if method != "default" else 0)
        y_s = float(ytd_obs[i].sum())
        c = float(prof[:d].sum())
        prior_total = sum(v.get(s, 0.0) for (yy, _m), v in monthly.items() if yy == year - 1) if any(yy == year - 1 for (yy, _m) in monthly) else None
        if d == 0 or c <= 0:
            if prior_total is not None:
                annual = prior_total
            else:
                spent = float(before[i])
                years_left = (final_year - year + 1) if final_year is not None and final_year >= year else 0
                annual = max(0.0, (budgets[i] - spent)) / years_left if years_left and math.isfinite(budgets[i]) else 0.0
        else:
            annual = y_s / c
            if c < MIN_PACE_SHARE and prior_total is not None:
                w = c / MIN_PACE_SHARE
                annual = w * annual + (1 - w) * prior_total
        remaining = max(0.0, annual - y_s)
        if project.execution_start and year < project.execution_start[0]:
            remaining = 0.0  # nothing is projected before the project starts
        if d < 12:
            weights = prof[d:]
            weights = weights / weights.sum() if weights.sum() > 0 else np.full(12 - d, 1.0 / (12 - d))
            rest[i, d:] = remaining * weights
        pace[i] = y_s + remaining
        # interval
        if len(profs) >= 2 and method != "default" and 0 < d < 12:
            cs = np.array([p[:d].sum() for p in profs])
            cbar = float(prof[:d].sum())
            if (cs > 0).all() and (cs < 1).all() and 0 < cbar < 1:
                ratio = ((1 - cs) / cs) / ((1 - cbar) / cbar) - 1.0
                rel[i] = min(SPREAD_REL_MAX, max(SPREAD_REL_MIN, Z80 * float(np.std(ratio, ddof=1))))
                imethod.append("spread")
                continue
        rel[i] = rel_default
        imethod.append("default")

    start = project.execution_start
    if start and year <= start[0]:
        last = 0.0
    else:
        last = 100.0 * budget.spent_by(year - 1, 12) / budget.total if budget.total else None
    target = project.execution_targets.get(year)
    return _Base(year, as_of_month, d, sources, names, budgets, goals, shares, before, before_goal, observed, mix,
                 rest, pace, rel, pmethod, pyears, imethod, float(budget.total or np.nansum(budgets[np.isfinite(budgets)])),
                 last, float(target) if target is not None else None, final_year)


# -- applying the levers --------------------------------------------------------------------


def _apply(base: _Base, levers: Mapping[str, Any]) -> dict[str, Any]:
    S, G = len(base.sources), len(base.goals)
    sidx = {s: i for i, s in enumerate(base.sources)}
    gidx = {g: j for j, g in enumerate(base.goals)}
    d, M = base.data_month, base.as_of_month
    lever = np.zeros(12, dtype=bool)
    lever[M:] = True  # months after the as-of month (0-based index ≥ M)
    warn_zh: list[str] = []
    warn_en: list[str] = []

    pattern = base.rest[:, None, :] * base.mix[:, :, None]  # (S, G, 12)
    mult = np.full((S, G), float(levers.get("pace", 1.0)))
    for s, x in levers.get("pace_by_source", {}).items():
        if s in sidx:
            mult[sidx[s], :] *= x
    for g, x in levers.get("pace_by_goal", {}).items():
        if int(g) in gidx:
            mult[:, gidx[int(g)]] *= x
    pattern[:, :, lever] *= mult[:, :, None]

    transferred = np.zeros(G)
    for t in levers.get("transfers", []):
        j1, j2 = gidx.get(t["from_goal"]), gidx.get(t["to_goal"])
        if j1 is None or j2 is None:
            continue
        avail = float(pattern[:, j1, lever].sum())
        move = min(float(t["amount"]), avail)
        if move < float(t["amount"]) - 1e-9:
            warn_zh.append(f"目标{t['from_goal']}剩余月份预计支出只有 {avail:,.2f} 万元，调剂 {t['amount']:,.2f} 万元中只调出 {move:,.2f} 万元。")
            warn_en.append(f"Goal {t['from_goal']} has only {avail:,.2f} of projected spending left; {move:,.2f} of the {t['amount']:,.2f} transfer was moved.")
        if avail > 0 and move > 0:
            delta = pattern[:, j1, :] * lever[None, :] * (move / avail)
            pattern[:, j1, :] -= delta
            pattern[:, j2, :] += delta
        transferred[j1] -= float(t["amount"])
        transferred[j2] += float(t["amount"])

    oneoff = np.zeros((S, G, 12))
    adj = np.zeros(S)
    for s, x in levers.get("budget_adjustment", {}).items():
        if s in sidx:
            adj[sidx[s]] += x
    caps = base.budgets + adj
    for item in levers.get("one_off", []):
        y, m = int(item["month"][:4]), int(item["month"][5:7])
        if y != base.year or m <= M:
            warn_zh.append(f"一次性支付 {item['month']} 不在 {base.year} 年截至月份之后，未计入。")
            warn_en.append(f"One-off payment in {item['month']} is not after the as-of month of {base.year}; ignored.")
            continue
        if item["source"] is not None:
            sw = np.zeros(S)
            sw[sidx[item["source"]]] = 1.0
        else:
            head = np.where(np.isfinite(caps), np.clip(caps - base.before - base.observed.sum(axis=(1, 2)), 0, None), 0.0)
            sw = head / head.sum() if head.sum() > 0 else np.full(S, 1.0 / S)
        if item["goal"] is not None and item["goal"] in gidx:
            gw = np.zeros(G)
            gw[gidx[item["goal"]]] = 1.0
        else:
            gw = base.shares
        oneoff[:, :, m - 1] += float(item["amount"]) * sw[:, None] * gw[None, :]

    frozen = np.zeros((S, 12), dtype=bool)
    for fr in levers.get("freeze", []):
        a, b = (int(fr["from"][:4]), int(fr["from"][5:7])), (int(fr["to"][:4]), int(fr["to"][5:7]))
        for m in range(1, 13):
            if a <= (base.year, m) <= b and lever[m - 1]:
                for s in fr["sources"]:
                    if s in sidx:
                        frozen[sidx[s], m - 1] = True
    if frozen.any():
        blocked = float((oneoff * frozen[:, None, :]).sum())
        if blocked > 0:
            warn_zh.append(f"暂停支付期间的一次性支付 {blocked:,.2f} 万元未计入。")
            warn_en.append(f"{blocked:,.2f} of one-off payments fall in a freeze and are not counted.")
        pattern[frozen[:, None, :].repeat(G, axis=1)] = 0.0
        oneoff[frozen[:, None, :].repeat(G, axis=1)] = 0.0

    # caps: cumulative per source never above its (adjusted) budget
    obs_month = base.observed.sum(axis=1)  # (S, 12)
    cum_at_d = base.before + obs_month.sum(axis=1)
    spend = pattern + oneoff  # (S, G, 12)
    central = spend.sum(axis=1)
    low = (pattern * (1 - base.rel)[:, None, None]).sum(axis=1) + oneoff.sum(axis=1)
    high = (pattern * (1 + base.rel)[:, None, None]).sum(axis=1) + oneoff.sum(axis=1)

    def capped(monthly: np.ndarray) -> np.ndarray:
        cum = base.before[:, None] + np.cumsum(obs_month + monthly, axis=1)
        lim = np.maximum(caps, cum_at_d)[:, None]
        cum = np.where(np.arange(12)[None, :] < d, cum, np.minimum(cum, lim))
        return cum

    cum_c, cum_l, cum_h = capped(central), capped(low), capped(high)
    month_c = np.diff(np.concatenate([base.before[:, None], cum_c], axis=1), axis=1)
    proj_c = month_c - obs_month  # projected part (0 in observed months)
    with np.errstate(invalid="ignore", divide="ignore"):
        scale = np.where(central > 0, proj_c / central, 0.0)
    spend = spend * scale[:, None, :]
    capped_amount = float((central - proj_c).sum())
    for i in range(S):
        if np.isfinite(caps[i]) and cum_at_d[i] > caps[i] + 1e-6:
            warn_zh.append(f"{base.names[base.sources[i]]}已支出 {cum_at_d[i]:,.2f} 万元，超过（调整后）预算 {caps[i]:,.2f} 万元，之后不再计支出。")
            warn_en.append(f"{base.sources[i]}: {cum_at_d[i]:,.2f} already spent exceeds the (adjusted) budget {caps[i]:,.2f}; no further spending is projected.")
    return {
        "spend": spend,  # projected (S, G, 12) after caps
        "cum": cum_c,
        "cum_low": cum_l,
        "cum_high": cum_h,
        "caps": caps,
        "adj": adj,
        "transferred": transferred,
        "capped_amount": capped_amount,
        "warn_zh": warn_zh,
        "warn_en": warn_en,
    }


# -- the result -----------------------------------------------------------------------------


def _as_of(value: Any) -> tuple[int, int]:
    if isinstance(value, (tuple, list)) and len(value) == 2:
        return int(value[0]), int(value[1])
    ym = _month(value)
    if ym is None:
        raise ValueError(f"bad as-of month {value!r}")
    return ym


def project_scenario(
    project: Project,
    budget: Budget,
    as_of: tuple[int, int],
    scenario: Mapping[str, Any] | None = None,
    *,
    actuals: Actuals | None = None,
    allocation: Mapping[int, float] | None = None,
    with_baseline: bool = True,
) -> ScenarioResult:
    """Project the execution of ``as_of``'s year under ``scenario`` (``None`` = baseline).

    ``actuals`` (optional) enables the linked outputs of spend-driven indicators; ``allocation``
    overrides ``budget_allocation.csv``. Raises :class:`ScenarioError` for an invalid scenario.
    """
    ym = _as_of(as_of)
    canon = normalise_scenario(scenario, project)
    levers = canon["levers"]
    base = _baseline(project, budget, ym, allocation)
    out = _apply(base, levers)
    baseline_out = _apply(base, {}) if (levers and with_baseline) else out
    return _result(project, base, canon, out, baseline_out, actuals)


def _result(project: Project, base: _Base, canon: dict[str, Any], out: dict[str, Any], baseline_out: dict[str, Any], actuals: Actuals | None) -> ScenarioResult:
    Y, M, d = base.year, base.as_of_month, base.data_month
    levers = canon["levers"]
    total = base.total
    adjusted = total + float(out["adj"].sum())
    cum = out["cum"].sum(axis=0)
    cum_l, cum_h = out["cum_low"].sum(axis=0), out["cum_high"].sum(axis=0)
    spent_month = np.diff(np.concatenate([[base.before.sum()], cum]))
    T, last = base.target_rate, base.last_year_end_rate

    def rate(x: float, m: int) -> float | None:
        den = total if m <= M else adjusted
        return 100.0 * x / den if den > 0 else None

    def tp(m: int) -> float | None:
        if T is None or last is None:
            return None
        if last >= T:
            return T
        return last + (T - last) * m / 12

    path = [
        MonthPoint(
            month=m,
            period=f"{Y:04d}-{m:02d}",
            observed=m <= d,
            spent=float(spent_month[m - 1]),
            cumulative=float(cum[m - 1]),
            execution_rate=rate(float(cum[m - 1]), m),
            lower=rate(float(cum_l[m - 1]), m),
            upper=rate(float(cum_h[m - 1]), m),
            cumulative_lower=float(cum_l[m - 1]),
            cumulative_upper=float(cum_h[m - 1]),
            time_progress=tp(m),
            target=T,
        )
        for m in range(1, 13)
    ]
    target_month = None
    if T is not None:
        for p in path:
            if p.execution_rate is not None and p.execution_rate >= T - 1e-9:
                target_month = p.month
                break
    shortfall = max(0.0, (T or 0.0) / 100.0 * adjusted - float(cum[11])) if T is not None else 0.0

    # sources
    caps = out["caps"]
    obs_by_src = base.observed.sum(axis=(1, 2))
    proj_by_src = out["spend"].sum(axis=(1, 2))
    sources = []
    unspent: dict[str, float] = {}
    for i, s in enumerate(base.sources):
        ye = float(out["cum"][i, 11])
        cap = float(caps[i])
        un = cap - ye if math.isfinite(cap) else math.nan
        if math.isfinite(cap):
            unspent[s] = max(0.0, un)
        sources.append(
            SourceSummary(
                source=s,
                name=base.names[s],
                budget=float(base.budgets[i]),
                adjusted_budget=cap,
                spent_before_year=float(base.before[i]),
                spent_ytd=float(obs_by_src[i]),
                projected_rest=float(proj_by_src[i]),
                year_end_cumulative=ye,
                unspent=max(0.0, un) if math.isfinite(un) else math.nan,
                execution_rate=100.0 * ye / cap if math.isfinite(cap) and cap > 0 else None,
                pace=float(base.pace[i]),
                profile_method=base.profile_method[i],
                profile_years=base.profile_years[i],
                interval_method=base.interval_method[i],
                rel_error=float(base.rel[i]),
            )
        )

    # central funds at risk of being reclaimed (中央资金被收回风险)
    risk_zh: list[str] = []
    risk_en: list[str] = []
    if "central" in base.sources:
        i = base.sources.index("central")
        cap = float(caps[i])
        if base.final_year is not None and Y >= base.final_year and unspent.get("central", 0.0) > 0.005:
            risk_zh.append(f"预计 {Y} 年末（项目最后一年）中央补助仍有 {unspent['central']:,.2f} 万元未支出，存在被收回风险。")
            risk_en.append(f"By the end of {Y} (the final project year) {unspent['central']:,.2f} of the central subsidy is projected to be unspent and may be reclaimed.")
        if d > 0 and T is not None and cap > 0 and math.isfinite(cap):
            c_last = 0.0 if (project.execution_start and Y <= project.execution_start[0]) else 100.0 * float(base.before[i]) / cap
            c_tp = T if c_last >= T else c_last + (T - c_last) * d / 12
            c_now = 100.0 * float(out["cum"][i, d - 1]) / cap
            if c_now < c_tp - 0.005:  # behind by at least 0.01 point (what a 2-decimal display shows)
                risk_zh.append(f"截至 {Y} 年 {d} 月中央补助执行率 {c_now:.2f}%，低于序时进度 {c_tp:.2f}%。")
                risk_en.append(f"By {Y}-{d:02d} the central subsidy execution is {c_now:.2f}%, behind the time progress of {c_tp:.2f}%.")

    # goals
    goal_names = {g.id: g.name for g in project.goals}
    spend = out["spend"]
    by_goal = []
    for j, g in enumerate(base.goals):
        ytd = float(base.observed[:, j, :].sum())
        rest = float(spend[:, j, :].sum())
        before = float(base.before_goal[:, j].sum())
        gb = adjusted * float(base.shares[j]) + float(out["transferred"][j])
        by_goal.append(
            GoalSpending(
                goal=g,
                name=goal_names.get(g, ""),
                share=float(base.shares[j]),
                budget=gb,
                spent_before_year=before,
                spent_ytd=ytd,
                projected_rest=rest,
                year_spent=ytd + rest,
                year_end_cumulative=before + ytd + rest,
                execution_rate=100.0 * (before + ytd + rest) / gb if gb > 0 else None,
                transferred=float(out["transferred"][j]),
            )
        )

    linked = _linked(project, base, levers, out, baseline_out, actuals) if actuals is not None else []
    base_rate = None
    if baseline_out is not out:
        base_rate = 100.0 * float(baseline_out["cum"].sum(axis=0)[11]) / total if total > 0 else None
    else:
        base_rate = path[11].execution_rate
    warn_zh, warn_en = list(out["warn_zh"]), list(out["warn_en"])
    if out["capped_amount"] > 0.005:
        warn_zh.append(f"有 {out['capped_amount']:,.2f} 万元的预计支出超过（调整后）预算，已按预算封顶。")
        warn_en.append(f"{out['capped_amount']:,.2f} of projected spending exceeded the (adjusted) budget and was capped.")
    return ScenarioResult(
        name=canon.get("name", ""),
        levers=levers,
        key=hashlib.sha1(json.dumps(levers, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16],
        as_of=f"{Y:04d}-{M:02d}",
        year=Y,
        data_month=d,
        total_budget=total,
        adjusted_budget=adjusted,
        target_rate=T,
        last_year_end_rate=last,
        path=path,
        year_end_rate=path[11].execution_rate,
        year_end_interval=(path[11].lower, path[11].upper),
        year_end_spent=float(cum[11]),
        target_month=target_month,
        target_period=f"{Y:04d}-{target_month:02d}" if target_month else None,
        shortfall=shortfall,
        sources=sources,
        unspent_by_source=unspent,
        central_at_risk=bool(risk_zh),
        risk_reasons_zh=risk_zh,
        risk_reasons_en=risk_en,
        by_goal=by_goal,
        linked_outputs=linked,
        baseline_year_end_rate=base_rate,
        warnings_zh=warn_zh,
        warnings_en=warn_en,
    )


def _goal_monthly(base: _Base, out: Mapping[str, Any]) -> np.ndarray:
    """Spending by goal and month of the year (observed + projected), (G, 12)."""
    return base.observed.sum(axis=0) + out["spend"].sum(axis=0)


def _forecast_point(ind: Indicator, actuals: Actuals, year: int, month: int) -> float | None:
    """The trend forecast of an output's year end (analytics.forecast.method), or None."""
    try:
        from analytics.forecast.method import forecast_indicator

        f = forecast_indicator(ind.kind, ind.direction, month, actuals.obs(ind.id, year).values, actuals.history(ind.id, year),
                               None, ">=", actuals.year_end(ind, year - 1))
    except (ImportError, ValueError, TypeError):
        return None
    return f.point if f.point is not None and math.isfinite(f.point) else None


def _linked(project: Project, base: _Base, levers: Mapping[str, Any], out: Mapping[str, Any], baseline_out: Mapping[str, Any], actuals: Actuals) -> list[LinkedOutput]:
    gidx = {g: j for j, g in enumerate(base.goals)}
    gm = _goal_monthly(base, out)
    gm_base = _goal_monthly(base, baseline_out)
    user = levers.get("unit_costs", {})
    res = []
    for ind in project.indicators:
        if not ind.spend_driven or ind.goal not in gidx:
            continue
        j = gidx[ind.goal]
        latest = actuals.obs(ind.id, base.year).latest(base.as_of_month)
        dm, ytd = (latest if latest else (0, 0.0))
        ytd = float(ytd)
        scale = ind.scale or 1.0
        spent_to = float(gm[j, :dm].sum())
        rest = float(gm[j, dm:].sum())
        rest_base = float(gm_base[j, dm:].sum())
        t = ind.target(base.year)
        target = t.value if t is not None else None
        derived = spent_to / (ytd * scale) if ytd > 0 and spent_to > 0 else None
        note_zh = note_en = ""
        if ind.id in user:
            uc, src = float(user[ind.id]), "user"
        elif derived is not None:
            uc, src = derived, "derived"
        else:
            uc, src = None, "none"
            note_zh = "尚无产出或资金数据，无法推算单位成本；可在情景中填写 unit_costs。"
            note_en = "No output or spending yet to derive a unit cost; set unit_costs in the scenario."
        baseline = ytd + rest_base / derived / scale if derived else None
        fc = _forecast_point(ind, actuals, base.year, base.as_of_month) if latest else None
        if fc is not None:
            baseline = fc
        if src != "user" and fc is not None and rest_base > 0:
            # The year-end forecast is the baseline (so forms, forecast page and score agree);
            # the scenario scales what is still to come by its spending against the baseline's.
            baseline = fc
            projected = ytd + max(0.0, fc - ytd) * rest / rest_base
            note_zh = "基线为趋势预测的年末值；情景按剩余月份支出相对基线的比例放大或缩小剩余产出。"
            note_en = "Baseline = the trend forecast of the year end; a scenario scales the remaining output by its remaining spending against the baseline's."
        else:
            projected = ytd + rest / uc / scale if uc else None
        attainment = None
        if projected is not None and target is not None:
            attainment = projected / target if target > 0 else (1.0 if projected >= target else 0.0)
        res.append(
            LinkedOutput(
                indicator_id=ind.id,
                name=ind.name,
                goal=ind.goal,
                unit=ind.unit,
                data_month=dm or None,
                ytd=ytd if latest else None,
                goal_spent_to_data_month=spent_to,
                goal_spending_rest=rest,
                unit_cost=uc,
                unit_cost_source=src,
                projected=projected,
                target=target,
                attainment=attainment,
                baseline_projected=baseline,
                note_zh=note_zh,
                note_en=note_en,
            )
        )
    return res


# -- CLI support ----------------------------------------------------------------------------


def scenario_arg(scenario: Any, project: Project) -> dict[str, Any] | None:
    """A scenario given as a document, a path to a JSON/YAML file, or ``None``."""
    if scenario is None:
        return None
    if isinstance(scenario, (str, os.PathLike)):
        return scenario_from_file(scenario, project)
    return dict(scenario)


def scenario_json(project: Project, budget: Budget, as_of: tuple[int, int], scenario: Any = None, actuals: Actuals | None = None) -> dict[str, Any]:
    """The projected monthly execution path as JSON (see docs/budget.md, "scenario_json").
    ``scenario`` is a document, a path to a JSON/YAML file, or ``None`` (baseline); with
    ``actuals`` the linked outputs of spend-driven indicators are filled in."""
    doc = scenario_arg(scenario, project)
    res = project_scenario(project, budget, as_of, doc, actuals=actuals)

    def r(x: float | None, n: int = 2) -> float | None:
        return None if x is None or not math.isfinite(x) else round(float(x), n)

    return {
        "project": project.id,
        "as_of": res.as_of,
        "year": res.year,
        "data_month": res.data_month,
        "scenario": {"name": res.name, "key": res.key, "levers": res.levers},
        "budget": {"total": r(res.total_budget), "adjusted": r(res.adjusted_budget)},
        "target_rate": r(res.target_rate),
        "path": [
            {
                "period": p.period,
                "observed": p.observed,
                "spent": r(p.spent),
                "cumulative": r(p.cumulative),
                "execution_rate": r(p.execution_rate),
                "lower": r(p.lower),
                "upper": r(p.upper),
                "time_progress": r(p.time_progress),
                "target": r(p.target),
            }
            for p in res.path
        ],
        "year_end": {
            "execution_rate": r(res.year_end_rate),
            "interval80": [r(res.year_end_interval[0]), r(res.year_end_interval[1])],
            "spent_cumulative": r(res.year_end_spent),
            "baseline_execution_rate": r(res.baseline_year_end_rate),
        },
        "target_reached": res.target_period,
        "shortfall": r(res.shortfall),
        "unspent_by_source": {k: r(v) for k, v in res.unspent_by_source.items()},
        "by_goal": [
            {"goal": g.goal, "share": r(g.share, 4), "budget": r(g.budget), "year_spent": r(g.year_spent),
             "projected_rest": r(g.projected_rest), "execution_rate": r(g.execution_rate)}
            for g in res.by_goal
        ],
        "linked_outputs": [
            {"indicator_id": lo.indicator_id, "unit": lo.unit, "ytd": r(lo.ytd, 4), "unit_cost": r(lo.unit_cost, 4),
             "unit_cost_source": lo.unit_cost_source, "projected": r(lo.projected, 4), "target": lo.target,
             "attainment": r(lo.attainment, 4)}
            for lo in res.linked_outputs
        ],
        "central_at_risk": res.central_at_risk,
        "risk_reasons_zh": res.risk_reasons_zh,
        "risk_reasons_en": res.risk_reasons_en,
        "warnings_zh": res.warnings_zh,
        "warnings_en": res.warnings_en,
    }


def spend_driven(project: Project) -> list[Indicator]:
    return [i for i in project.indicators if i.spend_driven]
