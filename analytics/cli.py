"""``python -m analytics`` — the headless face of the engine.

Every command prints JSON (``--format json``, stable, documented in the README) or a plain
table (``--format table``). Exit codes: 0 ok, 1 invalid input data (validate/import), 2 usage
or unreadable files.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path
from typing import Any, Callable, Sequence

SCHEMA_VERSION = 1


def _period(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise argparse.ArgumentTypeError(f"as-of must look like 2024-06, got {text!r}")
    return int(m.group(1)), int(m.group(2))


def _clean(obj: Any) -> Any:
    if isinstance(obj, float):
        return None if math.isnan(obj) or math.isinf(obj) else round(obj, 6)
    if isinstance(obj, dict):
        return {str(k): _clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_clean(v) for v in obj]
    return obj


def _emit(payload: dict[str, Any], fmt: str, table: Callable[[dict[str, Any]], list[list[Any]]] | None = None) -> None:
    if fmt == "json" or table is None:
        print(json.dumps(_clean(payload), ensure_ascii=False, indent=2))
        return
    rows = table(payload)
    if not rows:
        return
    widths = [max(_width(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(str(c) + " " * (w - _width(str(c))) for c, w in zip(r, widths)).rstrip())


def _width(s: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)


def _num(x: Any, nd: int = 2) -> str:
    if x is None:
        return "—"
    return f"{x:,.{nd}f}"


def _load(args: argparse.Namespace):
    from .dataset import load_dataset

    return load_dataset(args.targets, getattr(args, "actuals", None), getattr(args, "budget", None))


def _year_for(ds, as_of: tuple[int, int], year: int | None) -> int:
    if year:
        return year
    years = ds.years()
    if as_of[0] in years or not years:
        return as_of[0]
    earlier = [y for y in years if y <= as_of[0]]
    return earlier[-1] if earlier else years[0]


# -- commands -------------------------------------------------------------------------------


def cmd_targets(args: argparse.Namespace) -> int:
    from .quality import evaluate
    from .targets import load_project

    project = load_project(args.targets)
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
            },
            "overall_goal": project.overall_goal,
            "goals": [
                {"id": g.id, "name": g.name, "name_en": g.name_en, "text_span": g.text_span, "text_2023": g.text_2023}
                for g in project.goals
            ],
        },
        "indicators": [ind.as_dict() for ind in project.indicators],
        "quality": [n.as_dict() for n in evaluate(project)],
    }

    def table(p: dict[str, Any]) -> list[list[Any]]:
        years = sorted({y for i in p["indicators"] for y in i["targets"]} | {y for i in p["indicators"] for y in i["baseline"]})
        head = ["id", "goal", "kind", "dir", "unit", *years, "name"]
        rows = [head]
        for i in p["indicators"]:
            vals = [(i["targets"].get(y) or i["baseline"].get(y) or {}).get("raw", "") for y in years]
            rows.append([i["id"], i["goal"], i["kind"], i["direction"], i["unit"] or "-", *vals, i["name"]])
        return rows

    _emit(payload, args.format, table)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from .progress import count_by_status, load_rules, rollup

    ds = _load(args)
    as_of = args.as_of or ds.latest_period
    if as_of is None:
        print("no data: give --as-of / 没有数据，请指定 --as-of", file=sys.stderr)
        return 2
    year = _year_for(ds, as_of, args.year)
    rows = ds.progress(year, as_of)
    rules = load_rules()
    by_id = ds.project.by_id
    indicators = []
    for r in rows:
        ind = by_id[r.indicator_id]
        info = rules["statuses"][r.status]
        indicators.append(
            {
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
                "explain_zh": r.explain_zh,
                "explain_en": r.explain_en,
            }
        )
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
        "indicators": indicators,
    }

    def table(p: dict[str, Any]) -> list[list[Any]]:
        lang = args.lang
        out = [["id", "status", "actual", "expected", "target", "attain", "unit", "name"]]
        for i in p["indicators"]:
            out.append(
                [
                    i["indicator_id"],
                    i["status_en"] if lang == "en" else i["status_zh"],
                    _num(i["actual"]),
                    _num(i["expected"]),
                    i["target_raw"] or "—",
                    "—" if i["attainment"] is None else f"{i['attainment']:.0%}",
                    i["unit"] or "-",
                    i["name"],
                ]
            )
        return out

    _emit(payload, args.format, table)
    return 0


def _budget_summary(ds, year: int, as_of: tuple[int, int]) -> dict[str, Any] | None:
    b = ds.budget
    if not b.has_data or not b.total:
        return None
    month = 12 if year < as_of[0] else as_of[1]
    rate = b.execution_rate(year, month)
    target = ds.project.execution_targets.get(year)
    prev = 0.0 if ds.project.execution_start and year <= ds.project.execution_start[0] else b.execution_rate(year - 1, 12)
    time_progress = None if target is None or prev is None else prev + (target - prev) * month / 12
    return {
        "total_budget": b.total,
        "spent_to_date": b.spent_by(year, month),
        "execution_rate": rate,
        "target": target,
        "time_progress": time_progress,
        "month": month,
    }


def cmd_forecast(args: argparse.Namespace) -> int:
    from .outlook import forecast_all

    ds = _load(args)
    as_of = args.as_of or ds.latest_period
    if as_of is None:
        print("no data: give --as-of / 没有数据，请指定 --as-of", file=sys.stderr)
        return 2
    year = _year_for(ds, as_of, args.year)
    rows = forecast_all(ds, year, as_of)
    payload = {
        "schema": SCHEMA_VERSION,
        "as_of": f"{as_of[0]:04d}-{as_of[1]:02d}",
        "year": year,
        "sample_data": ds.is_sample,
        "note_zh": "预测为基于月度趋势的估计值，不是承诺。",
        "note_en": "Forecasts are estimates from monthly trends, not commitments.",
        "indicators": rows,
    }

    def table(p: dict[str, Any]) -> list[list[Any]]:
        out = [["id", "target", "point", "lower", "upper", "p_attain", "likelihood", "method"]]
        for r in p["indicators"]:
            out.append(
                [
                    r["indicator_id"],
                    _num(r["target"]),
                    _num(r["point"]),
                    _num(r["lower"]),
                    _num(r["upper"]),
                    "—" if r["p_attain"] is None else f"{r['p_attain']:.0%}",
                    r.get("likelihood_en" if args.lang == "en" else "likelihood_zh") or "—",
                    r["method"],
                ]
            )
        return out

    _emit(payload, args.format, table)
    return 0


def _scenario_run(args: argparse.Namespace, which: str) -> int:
    from .scenario import ScenarioError

    ds = _load(args)
    as_of = args.as_of or ds.latest_period
    if as_of is None:
        print("no data: give --as-of / 没有数据，请指定 --as-of", file=sys.stderr)
        return 2
    try:
        if which == "scenario":
            from .scenario import scenario_json

            payload = scenario_json(ds.project, ds.budget, as_of, args.scenario, actuals=ds.actuals)
        else:
            from .scoring import score_json

            payload = score_json(ds.project, ds.actuals, ds.budget, as_of, args.scenario)
    except ScenarioError as exc:
        for line in exc.messages(args.lang):
            print(line, file=sys.stderr)
        return 2
    payload = {"schema": SCHEMA_VERSION, "sample_data": ds.is_sample, **payload}

    def table(p: dict[str, Any]) -> list[list[Any]]:
        if which == "scenario":
            rows = [["period", "observed", "spent", "execution_rate", "lower", "upper", "time_progress"]]
            for m in p["path"]:
                rows.append([m["period"], "yes" if m["observed"] else "", _num(m["spent"]), _num(m["execution_rate"]), _num(m["lower"]), _num(m["upper"]), _num(m["time_progress"])])
            return rows
        rows = [["part", "points", "max"]]
        for part in p["parts"]:
            rows.append([part["name_en" if args.lang == "en" else "name_zh"], _num(part["points"]), _num(part["points_max"])])
        rows.append(["total" if args.lang == "en" else "总分", _num(p["total"]), p["grade_en" if args.lang == "en" else "grade"]])
        return rows

    _emit(payload, args.format, table)
    return 0


def cmd_scenario(args: argparse.Namespace) -> int:
    return _scenario_run(args, "scenario")


def cmd_score(args: argparse.Namespace) -> int:
    return _scenario_run(args, "score")


def cmd_validate(args: argparse.Namespace) -> int:
    from .ingest import ingest_any
    from .targets import TargetFileError, load_project

    path = Path(args.file)
    if args.kind == "targets":
        try:
            load_project(path)
        except TargetFileError as exc:
            payload = {"ok": False, "kind": "targets", "problems": [p.as_dict() for p in exc.problems]}
            _emit(payload, args.format, lambda p: [[x["message_zh" if args.lang == "zh" else "message_en"]] for x in p["problems"]])
            return 1
        _emit({"ok": True, "kind": "targets", "problems": []}, args.format, lambda p: [["OK"]])
        return 0
    project = load_project(args.targets)
    if not path.exists():
        msg = {"zh": f"文件「{path}」不存在，请检查路径。", "en": f"File '{path}' not found: check the path."}
        payload = {"ok": False, "kind": None, "problems": [{"code": "not_found", "file": str(path), "row": None, "column": None, "value": None, "severity": "error", "message_zh": msg["zh"], "message_en": msg["en"]}]}
        _emit(payload, args.format, lambda p: [[msg[args.lang]]])
        return 1
    keys = tuple(s.key for s in project.funding_sources) or ("central", "local", "other")
    from .ingest import ingest_actuals, ingest_budget

    if args.kind == "actuals":
        result = ingest_actuals(path, project.ingest_catalogue(), filename=path.name, sheet=args.sheet)
    elif args.kind == "budget":
        result = ingest_budget(path, sources=keys, filename=path.name, sheet=args.sheet)
    else:
        result = ingest_any(path, project.ingest_catalogue(), filename=path.name, sheet=args.sheet)
    payload = result.to_json()
    if args.format == "table":
        if result.ok and not result.problems:
            print(("OK: " if args.lang == "en" else "通过：") + f"{path.name} ({len(result.data)} rows)")
        else:
            print(result.report(args.lang))
    else:
        _emit(payload, "json")
    return 0 if result.ok else 1


def cmd_quality(args: argparse.Namespace) -> int:
    from .quality import evaluate
    from .targets import load_project

    notes = [n.as_dict() for n in evaluate(load_project(args.targets))]
    _emit(
        {"schema": SCHEMA_VERSION, "notes": notes},
        args.format,
        lambda p: [["status", "goal", "note"]] + [[n["status"], n["goal"], n["text_en" if args.lang == "en" else "text_zh"]] for n in p["notes"]],
    )
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    from .progress import load_rules

    rules = load_rules()
    _emit(
        rules,
        args.format,
        lambda p: [["status", "label", "symbol", "help"]]
        + [[k, v["en" if args.lang == "en" else "zh"], v["symbol"], v["help_en" if args.lang == "en" else "help_zh"]] for k, v in p["statuses"].items()],
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analytics", description="绩效目标跟踪引擎 / performance-target tracking engine")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser, data: bool = True) -> None:
        p.add_argument("--format", choices=["json", "table"], default="json", help="output format (default json)")
        p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of messages and table labels")
        p.add_argument("--targets", help="target file or folder (default: the shipped Dongguan table)")
        if data:
            p.add_argument("--actuals", help="monthly actuals file (CSV/XLSX; default: the shipped 示例数据)")
            p.add_argument("--budget", help="monthly spending file (CSV/XLSX; default: the shipped 示例数据)")

    p = sub.add_parser("targets", help="list indicators, targets and data-quality notes")
    common(p, data=False)
    p.set_defaults(func=cmd_targets)

    for name, func, helptext in (
        ("status", cmd_status, "progress and status per indicator"),
        ("forecast", cmd_forecast, "year-end forecast per indicator"),
    ):
        p = sub.add_parser(name, help=helptext)
        common(p)
        p.add_argument("--as-of", type=_period, help="YYYY-MM (default: latest month with data)")
        p.add_argument("--year", type=int, help="target year (default: the as-of year)")
        p.set_defaults(func=func)

    p = sub.add_parser("validate", help="check a data file; exit 0 when clean, 1 with located messages")
    common(p, data=False)
    p.add_argument("file")
    p.add_argument("--kind", choices=["auto", "actuals", "budget", "targets"], default="auto")
    p.add_argument("--sheet", help="Excel sheet name (default: the first sheet)")
    p.set_defaults(func=cmd_validate)

    # --- scenario/score commands ---
    for name, func, helptext in (
        ("scenario", cmd_scenario, "projected monthly budget execution under a scenario"),
        ("score", cmd_score, "projected self-evaluation score (绩效自评) under a scenario"),
    ):
        p = sub.add_parser(name, help=helptext)
        common(p)
        p.add_argument("--as-of", type=_period, help="YYYY-MM (default: latest month with data)")
        p.add_argument("--scenario", help="scenario file (JSON or YAML, see docs/budget.md); default: the current pace")
        p.set_defaults(func=func)
    # --- import/export commands ---
    # --- report command ---

    p = sub.add_parser("quality", help="data-quality notes on the target table")
    common(p, data=False)
    p.set_defaults(func=cmd_quality)

    p = sub.add_parser("rules", help="the status rules in force")
    common(p, data=False)
    p.set_defaults(func=cmd_rules)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from .dataset import DataFileError
    from .targets import TargetFileError

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except TargetFileError as exc:
        lang = getattr(args, "lang", "zh")
        for p in exc.problems:
            print(p.message(lang), file=sys.stderr)
        return 2
    except DataFileError as exc:
        lang = getattr(args, "lang", "zh")
        print(exc.result.report(lang), file=sys.stderr)  # type: ignore[attr-defined]
        return 2
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
