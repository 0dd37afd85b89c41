"""``year-budgets``: the year budgets (年度预算指标) in force, with their origin (``stored`` in the
data store > ``file`` year_budgets.csv of the project folder > ``derived``), and ``--set FILE.csv``
(columns year,source,amount in 万元) / ``--reset`` to change the stored table."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Callable

from analytics.cli.common import SCHEMA_VERSION, emit, files_given, heads, load, num, who, writing_store
from analytics.present.catalogue import text


def _issues(issues: Any, lang: str, project: Any) -> list[dict[str, Any]]:
    names = {s.key: s.display_name(lang) for s in project.budget_sources}
    return [{"code": i.code, **i.params, "message": text(f"year_budgets.{i.code}", lang,
                                                         **{**i.params, "source": names.get(i.params.get("source"), i.params.get("source"))})}
            for i in issues]


def payload(ds: Any, lang: str, warnings: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The table in force as JSON: origin, rows year/source/amount/basis and each year's total."""
    from analytics.budget.year_table import check_year_budgets, table_in_force

    project = ds.project
    table = table_in_force(project, ds.budget)
    names = {s.key: s for s in project.budget_sources}
    rows = [{"year": c.year, "source": c.source, "name_zh": names[c.source].name,
             "name_en": names[c.source].name_en or c.source, "amount": None if c.amount is None else round(c.amount, 2),
             "basis": c.basis} for c in table.cells]
    amounts = {(c.year, c.source): c.amount for c in table.cells if c.amount is not None}
    check = check_year_budgets(project, amounts)
    return {"schema": SCHEMA_VERSION, "origin": table.origin, "origin_text": text(f"year_budgets.origin_{table.origin}", lang),
            "file": table.file, "unit": "万元", "project_total": round(float(project.funding_total or 0.0), 2),
            "rows": rows, "year_totals": {str(y): table.year_total(y) for y in project.years},
            "warnings": warnings if warnings is not None else _issues(check.warnings + check.errors, lang, project)}


def _table(p: dict[str, Any], lang: str) -> list[list[Any]]:
    return [heads(["year", "source", "amount", "basis"], lang)] + [
        [r["year"], r["name_en" if lang == "en" and r.get("name_en") else "name_zh"], num(r["amount"], "万元"),
         text(f"year_budgets.basis_{r['basis']}", lang)]
        for r in p["rows"]]


def cmd_year_budgets(args: argparse.Namespace) -> int:
    from analytics.budget.year_table import check_year_budgets, parse_year_budgets_csv
    from analytics.storage.year_budgets import reset_year_budgets, save_year_budgets

    lang = args.lang
    if (args.set or args.reset) and files_given(args):
        print("--set/--reset change the data store: leave out --targets/--actuals/--budget / "
              "--set/--reset 修改数据库，不能与 --targets/--actuals/--budget 同用", file=sys.stderr)
        return 2
    warnings = None
    if args.set or args.reset:
        store = writing_store(args, create=False) if args.store else writing_store(args)
        args._store_obj = store
        if args.reset:
            reset_year_budgets(store, who(args))
        else:
            project = store.project()
            amounts, problems = parse_year_budgets_csv(Path(args.set).read_text(encoding="utf-8-sig"), project)
            check = (save_year_budgets(store, project, amounts, who(args)) if not problems
                     else check_year_budgets(project, amounts))
            if problems or check.errors:
                for line in _issues(problems + check.errors, lang, project):
                    print(line["message"], file=sys.stderr)
                return 1
            warnings = _issues(check.warnings, lang, project)
    emit(payload(load(args), lang, warnings), args.format, lambda p: _table(p, lang))
    return 0


def register(sub: Any, common: Callable[..., None]) -> None:
    p = sub.add_parser("year-budgets", help="the year budgets (年度预算指标) in force and their origin; --set FILE.csv stores them")
    common(p)
    p.add_argument("--set", metavar="FILE.csv", help="store these year budgets (columns year,source,amount in 万元)")
    p.add_argument("--reset", action="store_true", help="forget the stored year budgets (file or derived values apply)")
    p.add_argument("--who", help="name recorded in the change history (default: cli:<login>)")
    p.set_defaults(func=cmd_year_budgets)
