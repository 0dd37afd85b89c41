"""Budget commands: ``scenario`` (projected monthly execution under a scenario) and ``score``
(the 绩效自评 score the reports' 自评表 gives: projected while the year runs)."""

from __future__ import annotations

import argparse
import sys
from typing import Any, Callable

from analytics.present.catalogue import text
from analytics.cli.common import SCHEMA_VERSION, dataset_and_as_of, emit, heads, num, period


def _scenario_run(args: argparse.Namespace, which: str) -> int:
    from analytics.budget.scenario import ScenarioError

    ds, as_of = dataset_and_as_of(args)
    year = getattr(args, "year", None)
    if year and year != as_of[0]:  # another year: one that is over is taken at its December (its self-evaluation)
        if year > as_of[0]:
            print(text("cli.year_not_started", args.lang, year=year, as_of=f"{as_of[0]}-{as_of[1]:02d}"), file=sys.stderr)
            return 2
        as_of = (int(year), 12)
    try:
        result = None
        if which == "scenario":
            from analytics.present.budget_text import scenario_output

            payload, result = scenario_output(ds.project, ds.budget, as_of, args.scenario, actuals=ds.actuals)
        else:
            from analytics.present.score_text import score_json

            payload = score_json(ds.project, ds.actuals, ds.budget, as_of, args.scenario)
    except ScenarioError as exc:
        from analytics.present.budget_text import problem_messages

        for line in problem_messages(exc.problems, args.lang):
            print(line, file=sys.stderr)
        return 2
    payload = {"schema": SCHEMA_VERSION, "sample_data": ds.is_sample, **payload}

    def table(p: dict[str, Any]) -> list[list[Any]]:
        if which == "scenario":  # the months as 预算情景 lists them (实际 / 预计 / 未报送), from the same rows
            from analytics.present.budget_text import path_rows

            months = path_rows(result, args.lang)
            return [list(months[0])] + [list(m.values()) for m in months]
        from analytics.present.score_text import score_parts

        rows = [heads(["part", "score", "max"], args.lang)]
        for part in score_parts(p["parts"], args.lang):
            rows.append([part["part"], "—" if part["left_out"] else num(part["points"], "分"), num(part["points_max"], "分")])
        rows.append([text("cli.total", args.lang), num(p["total"], "分"), p["grade_en" if args.lang == "en" else "grade"] or "—"])
        return rows

    if which == "score" and payload.get("total") is None:
        print(payload["reason_en" if args.lang == "en" else "reason_zh"], file=sys.stderr)

    emit(payload, args.format, table)
    if args.format == "table":  # under the table: what it rests on (the score's indicators, an assumed path)
        for key in ("basis", "coverage", "over_budget") if which == "score" else ("warnings",):
            said = payload.get(f"{key}_{'en' if args.lang == 'en' else 'zh'}")
            for line in ([said] if isinstance(said, str) else said or []):
                print(line)
    return 0


def cmd_scenario(args: argparse.Namespace) -> int:
    return _scenario_run(args, "scenario")


def cmd_score(args: argparse.Namespace) -> int:
    return _scenario_run(args, "score")


def register(sub: Any, common: Callable[..., None]) -> None:
    for name, func, helptext in (
        ("scenario", cmd_scenario, "projected monthly budget execution under a scenario"),
        ("score", cmd_score, "self-evaluation score (绩效自评) as the 自评表 gives it: projected under a scenario "
                             "while the year runs, the year's own once every December figure is in"),
    ):
        p = sub.add_parser(name, help=helptext)
        common(p)
        p.add_argument("--as-of", type=period, help="YYYY-MM (default: latest month with data)")
        p.add_argument("--year", type=int, help="year (default: the as-of year; an earlier year is taken at its December)")
        p.add_argument("--scenario", help="scenario file (JSON or YAML, see docs/budget.md); default: the current pace")
        p.set_defaults(func=func)
