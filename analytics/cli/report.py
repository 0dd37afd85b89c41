"""``report``: the review-meeting exports (analytics/reports/) — the .xlsx forms, the .pptx deck,
a .png/.svg chart."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Callable

from analytics.cli.common import SCHEMA_VERSION, dataset_and_as_of, emit, files_given, period, reading_store, year_for
from analytics.present.catalogue import CATALOGUE, text


def _key(key: str, lang: str) -> str:
    """A field of the summary as ``--format table`` labels it (the JSON's own name when it has no label)."""
    return text(f"cli.col_{key}", lang) if f"cli.col_{key}" in CATALOGUE else key


def _shown(value: Any, lang: str) -> str:
    """A value of the summary as ``--format table`` writes it: 是 / 否, a list joined."""
    if isinstance(value, bool):
        return text("cli.yes" if value else "cli.no", lang)
    if isinstance(value, (list, tuple)):
        return ("、" if lang == "zh" else ", ").join(str(v) for v in value)
    return str(value)


def cmd_report(args: argparse.Namespace) -> int:
    """Write the review-meeting exports (analytics/reports/): .xlsx forms, .pptx deck,
    .png/.svg chart (drawn by analytics/present/charts.py)."""
    from analytics.reports import report

    ds, as_of = dataset_and_as_of(args)
    year = year_for(ds, as_of, args.year)
    scenario = None
    if args.scenario:
        from analytics.budget.scenario import ScenarioError, scenario_from_file

        try:
            scenario = scenario_from_file(args.scenario, ds.project)
        except ScenarioError as exc:
            from analytics.present.budget_text import problem_messages

            for msg in problem_messages(exc.problems, args.lang):
                print(msg, file=sys.stderr)
            return 2
    actions = None
    if args.actions:
        with open(args.actions, encoding="utf-8-sig") as fh:
            actions = json.load(fh)
        if not isinstance(actions, list):
            raise ValueError("--actions: a JSON list of {goal, indicator_id, cause_category, cause_text, measure_text}")
    if actions is None and not files_given(args):  # causes and measures entered in the app
        actions = report.actions_of_year(reading_store(args).list_actions(), year)
    if Path(args.out).suffix.lower() in (".png", ".svg", ".pptx", ".docx"):
        warning = report.cjk_font_warning(args.lang)
        if warning:
            print(warning, file=sys.stderr)
    ctx = report.build_context(ds, as_of, year, args.lang, scenario=scenario, actions=actions)
    summary = report.write_report(ctx, args.out, form=args.form, chart=args.chart)
    emit({"schema": SCHEMA_VERSION, **summary}, args.format, lambda p: [[f"{_key(k, args.lang)}: {_shown(v, args.lang)}"] for k, v in p.items()])
    return 0


def register(sub: Any, common: Callable[..., None]) -> None:
    p = sub.add_parser("report", help="meeting exports: .xlsx forms (绩效运行监控表, 项目支出绩效自评表), .docx written report (绩效运行监控报告), .pptx deck, .png/.svg chart")
    common(p)
    p.add_argument("--as-of", type=period, help="YYYY-MM (default: latest month with data)")
    p.add_argument("--year", type=int, help="target year (default: the as-of year)")
    p.add_argument("--out", required=True, help="output file: .xlsx, .docx, .pptx, .png or .svg")
    p.add_argument("--form", choices=["monitoring", "self-eval"], help=".xlsx only: one form (default: both, one sheet each)")
    p.add_argument("--chart", help=".png/.svg: status_counts, goal_scores, budget_execution or indicator:<id>")
    p.add_argument("--scenario", help="budget scenario JSON/YAML for the projection (default: the baseline)")
    p.add_argument("--actions", help="JSON list of deviation causes/measures {goal, indicator_id, cause_category, cause_text, measure_text}")
    p.set_defaults(func=cmd_report)
