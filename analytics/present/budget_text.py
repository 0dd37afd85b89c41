"""Sentences of a budget scenario, made from the catalogue (``budget.*`` keys): the warnings, the
reasons central funds are at risk, the notes of the linked outputs, and the CLI's ``scenario``
JSON with its ``risk_reasons_*`` / ``warnings_*`` fields."""

from __future__ import annotations

from typing import Any

from analytics.budget.document import normalise_scenario, scenario_problems
from analytics.budget.levers import REGISTRY
from analytics.budget.problems import ScenarioProblem
from analytics.budget.results import LinkedOutput, Notice, ScenarioResult
from analytics.budget.scenario import scenario_data
from analytics.core.model import Project
from analytics.core.series import Actuals, Budget
from analytics.present.catalogue import text
from analytics.present.format import fmt_money, fmt_month, fmt_month_set, fmt_month_short, fmt_number, fmt_period_key, fmt_value

__all__ = ["path_rows", "unbudgeted_spending", "lever_summary", "levers_in_words", "notice_text", "warnings", "report_warnings", "risk_reasons", "linked_note", "problem_message", "problem_messages", "validate_scenario", "scenario_json", "scenario_output"]

_LIST_SEP = {"zh": "、", "en": ", "}


def spending_to(month_label: str | None, lang: str = "zh") -> str:
    """How far the year's spending runs, said once for every output: ``支出数据截至2025年10月`` /
    ``it runs to 2025-10`` (``month_label``: the month as the output writes it), or, with no
    spending of the year reported (``None``), ``本年尚无支出数据`` / ``no spending is reported this
    year`` — never the as-of month's ``截至2025年12月`` for a year with none."""
    if not month_label:
        return text("budget.spending_none", lang)
    return text("budget.spending_to", lang, month=month_label)


def unbudgeted_spending(budget: Budget, as_of: tuple[int, int], lang: str = "zh") -> str | None:
    """Spending entered for a project whose target table states no funding (no total to divide
    it by): what was spent to the as-of month and why there is no execution rate, as 总览, 预算情景
    and the slides say it (never “没有支出数据” beside the spending); None without such spending."""
    if not budget.has_data or budget.executable:
        return None
    return text("project_pages.funding_unknown", lang, month=fmt_month(*as_of, lang),
                spent=fmt_money(budget.spent_by(*as_of), lang, decimals=2))


def notice_text(kind: str, notice: Notice, lang: str = "zh", project: Project | None = None) -> str:
    """One notice as a sentence; ``kind`` is ``warning`` or ``risk``. A funding source it names is
    named as ``project`` names it in ``lang`` (Central subsidy, the table's own name of it), never
    by its key (``central``)."""
    params = dict(notice.params)
    if isinstance(params.get("months"), (list, tuple)):  # months of one year: 4月、6月 / Apr, Jun
        params["months"] = fmt_month_set(list(params["months"]), lang)
    if project is not None and "source" in params:
        names = {s.key: s.display_name(lang) for s in project.budget_sources}
        params["name"] = names.get(params["source"], params.get("name") or params["source"])
    return text(f"budget.{kind}_{notice.code}", lang, **params)


def warnings(result: ScenarioResult, lang: str = "zh", project: Project | None = None) -> list[str]:
    return [notice_text("warning", n, lang, project) for n in result.warnings]


#: The scenario's warnings a report repeats beside its projection: those that say the projected
#: spending is not what the pace gives — held at the budget (``capped``, or ``capped_default`` on
#: the assumed profile, with the recent pace beside it), so that a cost indicator forecast above
#: its cap does not read against the projection unexplained.
REPORTED_WARNINGS = ("capped", "capped_default")


def report_warnings(result: ScenarioResult, lang: str = "zh", project: Project | None = None) -> list[str]:
    """The warnings of :data:`REPORTED_WARNINGS` as 预算情景 and ``scenario`` say them, for the
    written report's budget section and the budget slide."""
    return [notice_text("warning", n, lang, project) for n in result.warnings if n.code in REPORTED_WARNINGS]


def risk_reasons(result: ScenarioResult, lang: str = "zh", project: Project | None = None) -> list[str]:
    return [notice_text("risk", n, lang, project) for n in result.risks]


def linked_note(output: LinkedOutput, lang: str = "zh") -> str:
    return text(f"budget.note_{output.note}", lang) if output.note else ""


def _param(name: str, value: Any, lang: str) -> Any:
    """A list parameter (not ``value``, which is shown as given) joined with the language's
    separator; ``(key, name)`` pairs as ``key（name）`` in Chinese, ``key`` in English."""
    if name == "value" or not isinstance(value, (list, tuple)):
        return value
    sep = _LIST_SEP.get(lang, ", ")
    items = [(f"{v[0]}（{v[1]}）" if lang == "zh" else str(v[0])) if isinstance(v, (list, tuple)) else str(v) for v in value]
    return sep.join(items)


def path_rows(result: ScenarioResult, lang: str = "zh") -> list[dict[str, str]]:
    """The scenario's months as the 预算情景 page's table gives them, column title → cell: the
    month, what its figures are (实际 reported, 预计 projected, 未报送 / not reported for a month
    never reported — — under its figures, never 0.00, as the ``scenario`` table says it), the
    month's spending (万元), the cumulative execution rate, its 80 % interval (projected months)
    and the time progress (序时进度)."""
    def pct(x: float | None) -> str:
        return fmt_value(x, "%", lang, with_unit=False)

    rows = []
    for p in result.path:
        kind = "missing" if p.missing else "actual" if p.observed else "projected"
        interval = "—" if p.observed or p.lower is None else f"{pct(p.lower)}–{pct(p.upper)}"
        rows.append({
            text("budget.cmp_month", lang): fmt_month(result.year, p.month, lang),
            text("budget.path_kind", lang): text(f"budget.path_{kind}", lang),
            text("budget.path_spent", lang): fmt_value(p.spent, "万元", lang, decimals=2, with_unit=False),
            text("budget.path_rate", lang): pct(p.execution_rate),
            text("budget.cmp_interval", lang): interval,
            text("budget.path_time", lang): pct(p.time_progress),
        })
    return rows


def wan_decimals(amounts: list[float | None]) -> int:
    """The decimals of a column of amounts in 万元: whole 万元 when every amount is 0 or from 1,000
    up, else two for every one of them (a column reads 13,712 | 865.47 | 1,385 in one precision:
    13,712.00 | 865.47 | 1,385.00), so a small amount never shows as 0."""
    return 0 if all(a is None or a == 0 or abs(a) >= 1000 for a in amounts) else 2


def source_rows(result: ScenarioResult, names: dict[str, str], lang: str = "zh") -> list[dict[str, str]]:
    """The scenario's funding sources as 预算情景's table gives them (万元 said in its heading),
    column title → cell: budget, spent so far (all years), projected for the rest of the year,
    unspent at year-end, each column in one precision (:func:`wan_decimals`), and the year-end
    execution rate."""
    columns = {
        "bud_budget": [s.adjusted_budget for s in result.sources],
        "bud_spent_ytd": [s.spent_before_year + s.spent_ytd for s in result.sources],
        "bud_projected_rest": [s.projected_rest for s in result.sources],
        "bud_unspent": [s.unspent for s in result.sources],
    }
    places = {k: wan_decimals(v) for k, v in columns.items()}
    rows = []
    for i, s in enumerate(result.sources):
        row = {text("bud_source", lang): names.get(s.source, s.name)}
        row.update({text(k, lang): fmt_value(v[i], "万元", lang, decimals=places[k], with_unit=False) for k, v in columns.items()})
        row[text("budget.col_pct", lang, name=text("bud_year_end", lang))] = fmt_value(s.execution_rate, "%", lang, with_unit=False)
        rows.append(row)
    return rows


def problem_message(problem: ScenarioProblem, lang: str = "zh") -> str:
    """``where：message`` (``where: message`` in English) of one problem of a scenario document."""
    params = {k: _param(k, v, lang) for k, v in problem.params.items()}
    msg = text(f"budget.problem_{problem.key}", lang, **params)
    if not problem.where:
        return msg
    return f"{problem.where}: {msg}" if lang == "en" else f"{problem.where}：{msg}"


def problem_messages(problems: list[ScenarioProblem], lang: str = "zh") -> list[str]:
    """The messages of a :class:`~analytics.budget.problems.ScenarioError`'s ``problems``."""
    return [problem_message(p, lang) for p in problems]


def validate_scenario(doc: Any, project: Project, as_of: tuple[int, int] | None = None, lang: str = "zh",
                      budget: Budget | None = None) -> list[str]:
    """Messages for everything wrong with a scenario document for ``project``: unknown levers,
    negative or non-numeric paces, unknown sources/goals/indicators, bad months (and, with
    ``as_of`` and its ``budget``, a one-off or freeze in no month after the last month of
    spending reported, :func:`~analytics.budget.document.scenario_problems`). Empty list = valid."""
    return problem_messages(scenario_problems(doc, project, as_of, budget), lang)


def scenario_output(project: Project, budget: Budget, as_of: tuple[int, int], scenario: Any = None,
                    actuals: Actuals | None = None) -> tuple[dict[str, Any], ScenarioResult]:
    """(:func:`scenario_json`, the result it comes from): the CLI's ``scenario --format table``
    lists the months from the result with :func:`path_rows`, as 预算情景 does."""
    payload, res = scenario_data(project, budget, as_of, scenario, actuals)
    payload["risk_reasons_zh"] = risk_reasons(res, "zh", project)
    payload["risk_reasons_en"] = risk_reasons(res, "en", project)
    payload["warnings_zh"] = warnings(res, "zh", project)
    payload["warnings_en"] = warnings(res, "en", project)
    return payload, res


def scenario_json(project: Project, budget: Budget, as_of: tuple[int, int], scenario: Any = None,
                  actuals: Actuals | None = None) -> dict[str, Any]:
    """The CLI's ``scenario`` output (docs/budget.md, "CLI JSON"): the numbers of
    :func:`analytics.budget.scenario.scenario_data` with the sentences in both languages."""
    return scenario_output(project, budget, as_of, scenario, actuals)[0]


# -- a scenario's levers in words ------------------------------------------------------------------


def _factor(x: Any) -> str:
    """A multiplier as people write it: 1.3, 0.8, 2 (at most two decimals, no trailing zeros)."""
    s = fmt_number(x, 2)
    return s.rstrip("0").rstrip(".") if "." in s else s


def _month(key: str, year: int | None, lang: str) -> str:
    """``2024-09`` → ``9月`` in the scenario's own year, else ``2025年9月``."""
    try:
        y, m = int(str(key)[:4]), int(str(key)[5:7])
    except ValueError:
        return str(key)
    return fmt_month_short(m, lang) if year in (None, y) else fmt_period_key(key, lang)


def _summaries(project: Project, lang: str, year: int | None) -> dict[str, Any]:
    """One function per lever name: its canonical value → phrases."""
    src = {s.key: s.display_name(lang) for s in project.budget_sources}

    def ind_name(iid: str) -> str:
        ind = project.by_id.get(iid)
        return ind.display_name(lang) if ind is not None else iid

    def per(key: str, names: Any) -> Any:
        return lambda v: [text(f"budget.summary_{key}", lang, member=names(k), x=_factor(x)) for k, x in v.items()]

    def one_off(items: list[dict[str, Any]]) -> list[str]:
        return [text("budget.summary_one_off", lang, month=_month(i["month"], year, lang), amount=fmt_money(i["amount"], lang),
                     source=text("budget.summary_one_off_source", lang, name=src.get(i["source"], i["source"])) if i.get("source") else "")
                for i in items]

    def freeze(items: list[dict[str, Any]]) -> list[str]:
        sep = _LIST_SEP.get(lang, ", ")
        return [text("budget.summary_freeze", lang, start=_month(i["from"], year, lang), end=_month(i["to"], year, lang),
                     sources=sep.join(src.get(s, s) for s in i["sources"])) for i in items]

    def adjust(v: dict[str, float]) -> list[str]:
        return [text("budget.summary_budget_up" if x > 0 else "budget.summary_budget_down", lang, member=src.get(k, k),
                     amount=fmt_money(abs(x), lang)) for k, x in v.items()]

    def transfers(items: list[dict[str, Any]]) -> list[str]:
        return [text("budget.summary_transfers", lang, a=i["from_goal"], b=i["to_goal"], amount=fmt_money(i["amount"], lang)) for i in items]

    def unit_costs(v: dict[str, float]) -> list[str]:
        return [text("budget.summary_unit_costs", lang, member=ind_name(k), amount=fmt_money(x, lang)) for k, x in v.items()]

    return {
        "pace": lambda x: [text("budget.summary_pace", lang, x=_factor(x))],
        "pace_by_source": per("pace_by_source", lambda k: src.get(k, k)),
        "pace_by_goal": per("pace_by_goal", str),
        "one_off": one_off,
        "freeze": freeze,
        "budget_adjustment": adjust,
        "transfers": transfers,
        "unit_costs": unit_costs,
    }


def lever_summary(levers: dict[str, Any], project: Project, lang: str = "zh", year: int | None = None) -> list[str]:
    """A scenario's levers (canonical form) as a manager says them, in the order of the lever
    registry: ``9月一次性支付1.50亿元``, ``中央补助节奏 ×1.3``. No levers: ``按当前节奏``."""
    say = _summaries(project, lang, year)
    out: list[str] = []
    for lv in REGISTRY:
        if lv.name in levers and levers[lv.name] not in (None, lv.neutral):
            value = levers[lv.name]
            out += say[lv.name](value) if lv.name in say else [f"{text(lv.label, lang)}: {value}"]
    return out or [text("budget.summary_none", lang)]


def levers_in_words(doc: Any, project: Project, lang: str = "zh", year: int | None = None) -> str:
    """A scenario document's levers in one line (see :func:`lever_summary`)."""
    levers = normalise_scenario(doc, project).get("levers", {})
    return text("budget.summary_sep", lang).join(lever_summary(levers, project, lang, year))
