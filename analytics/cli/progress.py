"""Commands that read the target table and the data: ``targets``, ``status``, ``forecast``,
``quality``, ``rules``."""

from __future__ import annotations

import argparse
from typing import Any, Callable

from analytics.core.calendar import wants_no
from analytics.present.catalogue import text
from analytics.present.format import fmt_derived, unit_name
from analytics.present.labels import attainment_said, kind_expected, kind_value, target_said
from analytics.present.progress_text import explain
from analytics.present.quality_text import note_json
from analytics.cli.common import SCHEMA_VERSION, dataset_and_as_of, emit, heads, num, period, prob, project_for, year_for


def cmd_targets(args: argparse.Namespace) -> int:
    from analytics.rules.quality import evaluate

    project = project_for(args)
    payload = {
        "schema": SCHEMA_VERSION,
        "project": {
            "id": project.id,
            "name": project.name,
            "name_en": project.name_en,
            "years": list(project.years),
            "baseline_year": project.baseline_year,
            "departments": project.departments,
            "funding": {
                "total": project.funding_total,
                "sources": [{"key": s.key, "name": s.name, "name_en": s.name_en, "amount": s.amount} for s in project.funding_sources],
                "execution_targets": {str(k): v for k, v in project.execution_targets.items()},
                "from_year_budgets": project.funding_from_year_budgets,  # the table names no money: the year budgets entered
            },
            "overall_goal": project.overall_goal,
            "goals": [
                {"id": g.id, "name": g.name, "name_en": g.name_en, "text_span": g.text_span, "text_2023": g.text_2023}
                for g in project.goals
            ],
        },
        "indicators": [ind.as_dict() for ind in project.indicators],
        "quality": [note_json(n) for n in evaluate(project)],
    }

    def table(p: dict[str, Any]) -> list[list[Any]]:
        years = sorted({y for i in p["indicators"] for y in i["targets"]} | {y for i in p["indicators"] for y in i["baseline"]})
        head = ["id", "goal", "kind", "dir", "unit", *years, "name"]
        rows = [head]
        for i in p["indicators"]:
            vals = [(i["targets"].get(y) or i["baseline"].get(y) or {}).get("raw", "") for y in years]
            rows.append([i["id"], i["goal"], i["kind"], i["direction"], i["unit"] or "-", *vals, i["name"]])
        return rows

    emit(payload, args.format, table)
    return 0


def _indicator_json(r: Any, ind: Any, info: dict[str, Any]) -> dict[str, Any]:
    """One indicator of the ``status`` output (field names and order are the JSON contract)."""
    return {
        "indicator_id": r.indicator_id,
        "name": ind.name,
        "goal": ind.goal,
        "level1": ind.level1,
        "level2": ind.level2,
        "unit": ind.unit,
        "kind": ind.kind,
        "direction": ind.direction,
        "year": r.year,
        "data_month": r.data_month,
        "actual": r.actual,
        "target": r.target,
        "target_raw": r.target_raw,
        "comparator": r.comparator,
        "target_derived": r.target_derived,
        "target_zh": target_said(ind, r, "zh", unit=""),  # as the pages say it (a derived year target as its total and the rest)
        "target_en": target_said(ind, r, "en", unit=""),
        "expected": r.expected,
        "attainment": r.attainment,
        "ratio": r.ratio,
        "gap": r.gap,
        "gap_pp": r.gap_pp,
        "status": r.status,
        "status_zh": info["zh"],
        "status_en": info["en"],
        "previous_status": r.previous_status,
        "trajectory": r.trajectory_method,
        "rule": r.rule,
        "explain_zh": explain(ind, r, "zh"),
        "explain_en": explain(ind, r, "en"),
        "attain_zh": attainment_said(ind, r, "zh"),  # 完成率 as the pages say it (a cap on a running total: 已用19%)
        "attain_en": attainment_said(ind, r, "en"),
        "missing_months": r.extra.get("missing_months", []),  # a flow's months missing before the months given (its year-to-date stops there)
    }


def _said(value: Any, kind: str, unit: str, lang: str, target: Any = None) -> str:
    """A value of the table as the pages say it (达成, 已实现 …; 是 / 否 for a milestone whose target
    is 否), a number without its unit (its own column)."""
    return kind_value(kind, unit, value, lang, with_unit=False, wants_no=kind == "milestone" and wants_no(target))


def _status_table(p: dict[str, Any], lang: str) -> list[list[Any]]:
    out = [heads(["id", "status", "actual", "expected", "target", "attain", "unit", "name"], lang)]
    for i in p["indicators"]:
        out.append([
            i["indicator_id"],
            i["status_en"] if lang == "en" else i["status_zh"],
            _said(i["actual"], i["kind"], i["unit"], lang, i["target"]),
            kind_expected(i["kind"], i["unit"], i["expected"], lang, with_unit=False),  # as the pages: no path for a milestone
            i["target_en" if lang == "en" else "target_zh"],
            i["attain_en" if lang == "en" else "attain_zh"],
            unit_name(i["unit"], lang) or "-",  # as the pages' unit column: 10k yuan, villages
            i["name"],
        ])
    return out


def cmd_status(args: argparse.Namespace) -> int:
    from analytics.rules.progress import count_by_status, load_rules, rollup

    ds, as_of = dataset_and_as_of(args)
    year = year_for(ds, as_of, args.year)
    rows = ds.progress(year, as_of)
    rules = load_rules()
    by_id = ds.project.by_id
    goals = [
        {"goal": g.goal, "score": g.score, "status": g.status, "counts": g.counts, "n": g.n} for g in rollup(ds.project, rows, rules)
    ]
    payload = {
        "schema": SCHEMA_VERSION,
        "as_of": f"{as_of[0]:04d}-{as_of[1]:02d}",
        "year": year,
        "sample_data": ds.is_sample,
        "counts": count_by_status(rows),
        "budget_execution": _budget_summary(ds, year, as_of),
        "goals": goals,
        "indicators": [_indicator_json(r, by_id[r.indicator_id], rules["statuses"][r.status]) for r in rows],
    }
    emit(payload, args.format, lambda p: _status_table(p, args.lang))
    return 0


def _budget_summary(ds, year: int, as_of: tuple[int, int]) -> dict[str, Any] | None:
    """``status``'s ``budget_execution``: cumulative execution at the month the year's spending
    runs to (:func:`analytics.core.reporting.spend_month`, as the reports); with none of the year's
    reported ``month`` and ``time_progress`` are null and the figures are those to last year-end."""
    b = ds.budget
    if not b.executable:
        return None
    from analytics.core.reporting import spend_month
    from analytics.rules.progress import execution_time_progress

    month = spend_month(b, year, as_of)  # the month spending runs to, 0 with none of the year's reported
    target = ds.project.execution_targets.get(year)
    return {
        "total_budget": b.total,
        "spent_to_date": b.spent_by(year, month),  # month 0: to the end of last year
        "execution_rate": b.execution_rate(year, month),
        "target": target,
        "time_progress": execution_time_progress(ds.project, b, year, month) if month else None,  # no month to compare at
        "month": month or None,  # null: none of the year's spending is reported (never the as-of month)
    }


def cmd_forecast(args: argparse.Namespace) -> int:
    from analytics.forecast.outlook import forecast_all
    from analytics.present.forecast_text import outlook_json

    ds, as_of = dataset_and_as_of(args)
    year = year_for(ds, as_of, args.year)
    by_id = ds.project.by_id
    outlooks = forecast_all(ds, year, as_of)
    rows = [outlook_json(o, by_id[o.indicator_id]) for o in outlooks]
    payload = {
        "schema": SCHEMA_VERSION,
        "as_of": f"{as_of[0]:04d}-{as_of[1]:02d}",
        "year": year,
        "sample_data": ds.is_sample,
        "note_zh": text("cli.forecast_note", "zh"),
        "note_en": text("cli.forecast_note", "en"),
        "indicators": rows,
    }

    def table(p: dict[str, Any]) -> list[list[Any]]:  # as 年末预测 says it: 待下次测评 between surveys, 是 / words as written,
        # the figures without their unit, said in a column of its own (as the status table)
        from analytics.present.forecast_table import forecast_rows

        prog = {r.indicator_id: r for r in ds.progress(year, as_of)}
        shown = {r.id: r for r in forecast_rows(ds, outlooks, prog, args.lang)}
        out = [heads(["id", "target", "point", "lower", "upper", "unit", "p_attain", "likelihood", "method"], args.lang)]
        for r in p["indicators"]:
            ind, row = ds.project.by_id.get(r["indicator_id"]), shown.get(r["indicator_id"])
            unit, kind = (ind.unit, ind.kind) if ind is not None else ("", "")
            waiting = row is not None and row.level_code == "await"
            said = target_said(ind, prog.get(r["indicator_id"]), args.lang, unit="") if ind is not None else "—"
            out.append(
                [
                    r["indicator_id"],
                    said if said != "—" else num(r["target"], unit),  # ≤5, never a cap as a floor; the unit beside
                    "—" if waiting else (_said(r["point"], kind, unit, args.lang, r["target"]) if kind in ("milestone", "qualitative")
                                         else fmt_derived(r["point"], unit, args.lang, with_unit=False)),  # worked out: 5.3 against ≤5
                    "—" if waiting else fmt_derived(r["lower"], unit, args.lang, with_unit=False),
                    "—" if waiting else fmt_derived(r["upper"], unit, args.lang, with_unit=False),
                    unit_name(unit, args.lang) or "-",  # the figures' unit, as the status table's
                    "—" if waiting else prob(r["p_attain"]),
                    row.level if row is not None else "—",
                    text(f"forecast.method_{r['method']}", args.lang) if r["method"] else "—",
                ]
            )
        return out

    emit(payload, args.format, table)
    return 0


def cmd_quality(args: argparse.Namespace) -> int:
    from analytics.rules.quality import evaluate

    notes = [note_json(n) for n in evaluate(project_for(args))]
    emit(
        {"schema": SCHEMA_VERSION, "notes": notes},
        args.format,
        lambda p: [heads(["status", "goal", "note"], args.lang)]
        + [[text(f"quality_status_{n['status']}", args.lang), n["goal"] or "—", n["text_en" if args.lang == "en" else "text_zh"]]
           for n in p["notes"]],
    )
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    from analytics.rules.progress import load_rules

    rules = load_rules()
    emit(
        rules,
        args.format,
        lambda p: [heads(["status", "label", "symbol", "help"], args.lang)]
        + [[k, v["en" if args.lang == "en" else "zh"], v["symbol"], v["help_en" if args.lang == "en" else "help_zh"]] for k, v in p["statuses"].items()],
    )
    return 0


def register(sub: Any, common: Callable[..., None]) -> None:
    p = sub.add_parser("targets", help="list indicators, targets and data-quality notes")
    common(p, data=False)
    p.set_defaults(func=cmd_targets)
    for name, func, helptext in (
        ("status", cmd_status, "progress and status per indicator"),
        ("forecast", cmd_forecast, "year-end forecast per indicator"),
    ):
        p = sub.add_parser(name, help=helptext)
        common(p)
        p.add_argument("--as-of", type=period, help="YYYY-MM (default: latest month with data)")
        p.add_argument("--year", type=int, help="target year (default: the as-of year)")
        p.set_defaults(func=func)


def register_notes(sub: Any, common: Callable[..., None]) -> None:
    p = sub.add_parser("quality", help="data-quality notes on the target table")
    common(p, data=False)
    p.set_defaults(func=cmd_quality)
    p = sub.add_parser("rules", help="the status rules in force")
    common(p, data=False)
    p.set_defaults(func=cmd_rules)
