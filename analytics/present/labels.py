"""Names of the engine's codes for readers, in both languages: statuses (with symbol, colour and
help, from ``data/status_rules.yaml`` through the rules layer), likelihood levels, deviation-cause
categories, goals, indicator kinds, directions, origins and units.

No Streamlit; everything comes from the rule files and the one catalogue.
"""

from __future__ import annotations

from typing import Any

from analytics.core.calendar import milestone_achieved, still_needed
from analytics.core.model import Indicator, Project
from analytics.core.qualitative import level_word
from analytics.present.catalogue import CATALOGUE, text
from analytics.present.format import DASH, fmt_derived, fmt_pct, fmt_target, fmt_target_value, fmt_value, unit_name
from analytics.rules.progress import IndicatorProgress, load_rules
from analytics.storage.grid import basis_label
from analytics.storage.store import CAUSE_CATEGORIES

__all__ = [
    "CAUSE_KEYS",
    "LIKELIHOOD_KEYS",
    "basis_name",
    "category_name",
    "department_lines",
    "cause_label",
    "direction_name",
    "indicator_direction",
    "goal_label",
    "kind_name",
    "likelihood_name",
    "likelihood_plain",
    "likelihood_shown",
    "year_end_point",
    "milestone_value",
    "origin_name",
    "project_name",
    "rules_help",
    "status_color",
    "status_help",
    "status_label",
    "status_name",
    "status_order",
    "unit_name",
    "value_said",
    "kind_value",
]

#: Deviation-cause categories, in the official form's order (keys of the store).
CAUSE_KEYS: tuple[str, ...] = tuple(CAUSE_CATEGORIES)
#: Likelihood levels of the year-end forecast, most likely first.
LIKELIHOOD_KEYS: tuple[str, ...] = ("certain", "likely", "possible", "impossible")


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "zh"


def _status(status: str, rules: dict[str, Any] | None = None) -> dict[str, Any]:
    return (rules or load_rules())["statuses"][status]


def status_name(status: str, lang: str = "zh", rules: dict[str, Any] | None = None) -> str:
    """``on_track`` → ``正常`` / ``On track``."""
    return str(_status(status, rules)[_lang(lang)])


def status_label(status: str, lang: str = "zh", rules: dict[str, Any] | None = None) -> str:
    """The status with its symbol, as tables and cards show it: ``● 正常``."""
    info = _status(status, rules)
    return f"{info['symbol']} {info[_lang(lang)]}"


def status_help(status: str, lang: str = "zh", rules: dict[str, Any] | None = None) -> str:
    """What the status means (the rules file's help text)."""
    return str(_status(status, rules)[f"help_{_lang(lang)}"])


def status_color(status: str, rules: dict[str, Any] | None = None) -> str:
    """The status colour of the rules file (``#2e7dd7``)."""
    return str(_status(status, rules)["color"])


def status_order(rules: dict[str, Any] | None = None) -> list[str]:
    """Every status, best first (by the rules file's rank)."""
    statuses = (rules or load_rules())["statuses"]
    return sorted(statuses, key=lambda k: -statuses[k]["rank"])


def rules_help(section: str, lang: str = "zh", rules: dict[str, Any] | None = None) -> str:
    """The help text of a section of the rules file (``rollup``, ``trajectory``)."""
    return str((rules or load_rules())[section][f"help_{_lang(lang)}"])


def likelihood_name(key: str | None, lang: str = "zh") -> str:
    """``likely`` → ``很可能`` / ``Likely``; no level → ``—``."""
    return text(f"labels.likelihood_{key}", lang) if key else "—"


def likelihood_plain(key: str | None, lang: str = "zh") -> str:
    """The on-screen name of a likelihood level, in plain words: ``certain`` → ``基本确定``,
    ``impossible`` → ``难以完成``, ``await`` → ``待下次测评``. The official form and the CLI's JSON
    keep their three/four levels (:func:`likelihood_name`)."""
    return text(f"manager.level_{key}", lang) if key else "—"


#: Likelihood reasons that are outcomes, not forecasts (``analytics.forecast.outlook.judge``):
#: the level is said as what happened.
OUTCOMES: dict[str, str] = {"final_met": "met", "achieved": "met", "checkin_achieved": "met", "stock_met": "met", "ytd_met": "met", "given_met": "met",
                           "final_missed": "missed"}


def likelihood_shown(key: str | None, reason: str | None) -> str | None:
    """The level the pages and slides show for a likelihood and its reason: ``met`` / ``missed``
    when the outcome is known (a closed year with December in, a milestone achieved), else the
    likelihood itself (``certain`` … ``impossible``; None: no forecast)."""
    return OUTCOMES.get(reason or "", key) if key is not None else None


def year_end_point(ind: Indicator, point: float | None, method: str | None, actual: float | None) -> float | None:
    """The value that stands for an indicator's year-end on every page, form and slide: the
    forecast's point; for a qualitative indicator whose check-in decided its year (the forecast's
    method ``checkin``: 达成, or the year's last check-in below it), that check-in (``actual``) —
    a check-in is a word, never a forecast number."""
    if ind.kind == "qualitative":
        return actual if method == "checkin" else None
    return point


#: Verdicts that settle a year before its December is in (a cap broken, a milestone overdue or
#: broken): at the year's end (as of December) they count as missed, as a met verdict counts as met.
SETTLED_MISSED: tuple[str, ...] = ("cap_broken", "zero_cap_broken", "milestone_broken", "milestone_overdue")


def year_end_outcome(key: str | None, reason: str | None) -> str | None:
    """``met`` / ``missed`` of an indicator at its year's end (as of December), or None when it is
    still a forecast (its December not in, nothing settled): the outcome :func:`likelihood_shown`
    knows, or a verdict that settles the year (3 complaints against ≤ 2 with November not in)."""
    shown = likelihood_shown(key, reason)
    if shown in ("met", "missed"):
        return shown
    return "missed" if reason in SETTLED_MISSED else None


def cause_label(key: str | None, lang: str = "zh") -> str:
    """A deviation-cause category by its key (``funding`` → ``经费保障`` / ``Funding``); an
    unknown value is shown as given, nothing chosen as ``—``."""
    if not key:
        return "—"
    return text(f"labels.cause_{key}", lang) if key in CAUSE_CATEGORIES else str(key)


def goal_label(project: Project, goal_id: int | None, lang: str = "zh") -> str:
    """``目标2 …`` / ``Goal 2 …``; goal 0 is the project as a whole."""
    if goal_id in (None, 0):
        return text("project_wide", lang)
    g = project.goal(int(goal_id))
    if g is None:
        return str(goal_id)
    return text("goal_label", lang, g=g.id, name=g.name_en if lang == "en" and g.name_en else g.name)


def project_name(project: Project, lang: str = "zh") -> str:
    """The project's name in ``lang`` (the Chinese name when no English one is given)."""
    return project.name_en if lang == "en" and project.name_en else project.name


def category_name(level: str | None, lang: str = "zh") -> str:
    """A 一级 / 二级指标 as readers of ``lang`` name it: the standard ones in English
    (``产出指标`` → ``Outputs``, ``数量指标`` → ``Quantity``), also written without their 指标
    (``服务对象满意度`` → ``Beneficiary satisfaction``, as ``服务对象满意度指标``); any other as written."""
    word = (level or "").strip()
    for key in (f"labels.level_{word}", f"labels.level_{word}指标"):
        if word and key in CATALOGUE:
            return text(key, lang) if lang != "zh" else word
    return word


#: The words of a table's own department label, in the order tried, that name it in English
#: (catalogue ``labels.dept_word_<word>``): ``项目实施单位`` → Implementing unit.
DEPARTMENT_WORDS: tuple[str, ...] = ("中央", "省级财政", "市级财政", "财政", "省级主管", "主管", "监督", "填报", "实施", "使用",
                                     "预算", "项目单位", "部门", "单位")


def department_lines(project: Project, lang: str = "zh") -> list[tuple[str, str]]:
    """(label, name) of each department the project names, in its order — the same on 目标表, both
    forms and the written report: a key of the shipped project.yaml (``central_department``) by its
    label, a table's own label (``主管部门``, ``项目实施单位``) as written (in English by the first
    of :data:`DEPARTMENT_WORDS` it contains, else as written); a blank name is left out."""
    out = []
    for key, name in project.departments.items():
        label, value = str(key).strip().rstrip(":："), str(name or "").strip()
        if not value:
            continue
        if f"labels.dept_{label}" in CATALOGUE:
            label = text(f"labels.dept_{label}", lang)
        elif lang != "zh":
            label = next((text(f"labels.dept_word_{w}", lang) for w in DEPARTMENT_WORDS if w in label), label)
        out.append((label, value))
    return out


def kind_name(kind: str, lang: str = "zh") -> str:
    """``flow`` → ``流量（全年累加）`` / ``Flow (summed over the year)``."""
    return text(f"kind_{kind}", lang)


def direction_name(direction: str, lang: str = "zh") -> str:
    return text(f"dir_{direction}", lang)


def indicator_direction(ind: Indicator, lang: str = "zh") -> str:
    """An indicator's direction as readers see it: ``越高越好`` …, ``""`` for a qualitative one or a
    yes/no (a check-in 达成 / 未达成 or a 是 / 否 has no direction, whatever words of its name read
    as lower-is-better; a yes/no's target says which answer meets it)."""
    return "" if ind.kind in ("qualitative", "milestone") else direction_name(ind.direction, lang)


def origin_name(origin: str, lang: str = "zh") -> str:
    return text(f"origin_{origin}", lang)


def value_said(ind: Indicator, value: float | None, lang: str = "zh", *, with_unit: bool = True) -> str:
    """A value of ``ind`` as the pages say it: a milestone's 已实现 / 未实现, a qualitative
    indicator's check-in 达成 / 部分达成 / 未达成 (never its stored code 1 / 0.5 / 0), else the number
    in the unit's precision (``with_unit=False``: the number alone)."""
    return kind_value(ind.kind, ind.unit, value, lang, with_unit=with_unit, wants_no=ind.wants_no)


def expected_said(ind: Indicator, value: float | None, lang: str = "zh", *, with_unit: bool = True) -> str:
    """The trajectory's expected value (应达进度) of ``ind``: none for a milestone (—), a
    qualitative level as :func:`value_said`, else worked out, so a count keeps its decimal
    (:func:`~analytics.present.format.fmt_derived`: 应达 30.5个, not 31个 beside 实际 29个 … 95.1%)."""
    return kind_expected(ind.kind, ind.unit, value, lang, with_unit=with_unit)


def kind_expected(kind: str, unit: str, value: float | None, lang: str = "zh", *, with_unit: bool = True) -> str:
    """:func:`expected_said` for an indicator known by its kind and unit (the CLI's JSON rows)."""
    if kind == "milestone":
        return DASH
    if kind == "qualitative":
        return kind_value(kind, unit, value, lang, with_unit=with_unit)
    return fmt_derived(value, unit, lang, with_unit=with_unit)


def kind_value(kind: str, unit: str, value: float | None, lang: str = "zh", *, with_unit: bool = True,
               wants_no: bool = False) -> str:
    """:func:`value_said` for an indicator known by its kind and unit (the CLI's JSON rows;
    ``wants_no``: a milestone whose target is 否)."""
    if kind == "milestone":
        return milestone_value(value, lang, wants_no=wants_no)
    if kind == "qualitative":
        return level_word(value, lang) or "—"
    return fmt_value(value, unit, lang, with_unit=with_unit)


def milestone_value(value: float | None, lang: str = "zh", *, wants_no: bool = False) -> str:
    """A yes/no milestone's recorded value: ``已实现`` / ``未实现`` (``Achieved`` / ``Not achieved``); for
    one whose target is 否 (``wants_no``: 是否存在质量问题 | 否) ``是`` / ``否``."""
    if value is None:
        return "—"
    if wants_no:
        return text("yes" if milestone_achieved(value) else "no", lang)
    return text("ind_milestone_done" if milestone_achieved(value) else "ind_milestone_open", lang)


def basis_name(basis: str, lang: str = "zh") -> str:
    """How a monthly value was reported: ``ytd`` → ``累计``, ``month`` → ``当月``, ``level`` → ``期末``."""
    return basis_label(basis, lang)


def attainment_said(ind: Indicator, row: IndicatorProgress, lang: str = "zh", decimals: int = 1) -> str:
    """完成率 as a reader takes it: actual ÷ target; for a cap on a running total (成本 ≤ 1000万元,
    投诉 ≤ 20件) the share of the cap used so far, said so (``已用19%``) — target ÷ actual read 530%
    for 188 of 1000 in June, an over-achievement beside 正常, and 106% beside 滞后."""
    if ind.kind == "flow" and ind.direction == "lower" and row.target and row.target > 0 and row.actual is not None:
        return text("labels.cap_used", lang, pct=fmt_pct(100.0 * row.actual / row.target, lang, decimals))
    return fmt_pct(row.attainment, lang, decimals, fraction=True)


def target_said(ind: Indicator, row: IndicatorProgress | None, lang: str = "zh", *, unit: str | None = None) -> str:
    """The year's target of a progress row as people read it: as written in the table
    (:func:`~analytics.present.format.fmt_target`; ``unit`` "" for a table with a unit column: the
    number without the indicator's unit, also where the table wrote it, ``≤1000万元`` → ``≤1000``),
    and a year target derived from a multi-year total as the total and what the year still needs
    (``2.6万人以上（两年合计），2024年还需1.24万人``), never the formula the row keeps
    (``2.6万人以上−1.36``). Pages, slides, the written report and the CLI's table say it so."""
    if row is None:
        return fmt_target(None)
    if row.target_derived and ind.span_target is not None and ind.span_years and row.target is not None:
        y0, y1 = ind.span_years
        words = text("manager.count_words", lang).split(",")
        n = y1 - y0 + 1
        return text("manager.span_target", lang, total=fmt_target(ind.span_target.raw, ind.unit, lang),
                    n=words[n - 1] if n <= len(words) else n, year=row.year, rest=target_value_said(ind, row, lang))
    return fmt_target(row.target_raw, ind.unit if unit is None else unit or ind.unit, lang, row.comparator, in_column=unit == "")


def target_value_said(ind: Indicator, row: IndicatorProgress, lang: str = "zh") -> str:
    """The year's target of a progress row as a number with its unit, for a sentence (年度目标不低于
    12.4万人): as the tables write it (:func:`~analytics.present.format.fmt_target_value`); a year
    target worked out from a multi-year total (what the year still needs) at its unit's precision."""
    return (fmt_value if row.target_derived else fmt_target_value)(row.target, ind.unit, lang)


def pace_said(ind: Indicator, required: float | None, lang: str = "zh", *, unit: str | None = None) -> str:
    """The monthly pace a target still needs, as the forecast's tables and the risk slide write it:
    ``12.5人次`` to reach a target, ``≤0.2件`` for what a cap still allows, ``已超过全年上限`` for a
    cap already broken (not ``≤0件``: nothing left can meet it); ``unit``: the pace's own when it
    differs from the indicator's (a stock's monthly addition)."""
    u = ind.unit if unit is None else unit
    cap = ind.direction == "lower"
    if cap and required is not None and required < 0:
        return text("manager.why_cap_over", lang)
    return fmt_derived(still_needed(required), u, lang, cap=cap)
