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
    """Files when --targets/--actuals/--budget are given (exactly as before the store existed);
    otherwise the data store given by --store or $PT_DATA_DIR when it exists; else the shipped
    table and 示例数据."""
    import os

    from analytics.storage.dataset import load_dataset

    if args.targets or getattr(args, "actuals", None) or getattr(args, "budget", None):
        return load_dataset(args.targets, getattr(args, "actuals", None), getattr(args, "budget", None))
    from analytics.storage.store import Store, store_exists

    where = getattr(args, "store", None) or os.environ.get("PT_DATA_DIR")
    if where and store_exists(where):
        return Store(where, create=False).load_dataset()
    if getattr(args, "store", None):
        raise ValueError(f"no data store in {where} / 目录 {where} 中没有数据库（先用 import 导入数据）")
    return load_dataset()


def _dataset_and_as_of(args: argparse.Namespace) -> tuple[Any, tuple[int, int] | None]:
    """The dataset and the as-of month (--as-of, else the latest month with data; None with a
    message on stderr when there is no data at all)."""
    ds = _load(args)
    as_of = args.as_of or ds.latest_period
    if as_of is None:
        print("no data: give --as-of / 没有数据，请指定 --as-of", file=sys.stderr)
    return ds, as_of


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
    from analytics.rules.quality import evaluate
    from analytics.ingest.targets import load_project

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
    from analytics.rules.progress import count_by_status, load_rules, rollup

    ds, as_of = _dataset_and_as_of(args)
    if as_of is None:
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
    from analytics.forecast.outlook import forecast_all

    ds, as_of = _dataset_and_as_of(args)
    if as_of is None:
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
    from analytics.budget.scenario import ScenarioError

    ds, as_of = _dataset_and_as_of(args)
    if as_of is None:
        return 2
    try:
        if which == "scenario":
            from analytics.budget.scenario import scenario_json

            payload = scenario_json(ds.project, ds.budget, as_of, args.scenario, actuals=ds.actuals)
        else:
            from analytics.budget.scoring import score_json

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
    from analytics.ingest.validate import ingest_any
    from analytics.ingest.targets import TargetFileError, load_project

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
    from analytics.ingest.validate import ingest_actuals, ingest_budget
    from analytics.storage.store import IMPORT_MAX_BYTES  # the same size limit as imports and the upload page

    if args.kind == "actuals":
        result = ingest_actuals(path, project.ingest_catalogue(), filename=path.name, sheet=args.sheet, max_bytes=IMPORT_MAX_BYTES)
    elif args.kind == "budget":
        result = ingest_budget(path, sources=keys, filename=path.name, sheet=args.sheet, max_bytes=IMPORT_MAX_BYTES)
    else:
        result = ingest_any(path, project.ingest_catalogue(), filename=path.name, sheet=args.sheet, max_bytes=IMPORT_MAX_BYTES)
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
    from analytics.rules.quality import evaluate
    from analytics.ingest.targets import load_project

    notes = [n.as_dict() for n in evaluate(load_project(args.targets))]
    _emit(
        {"schema": SCHEMA_VERSION, "notes": notes},
        args.format,
        lambda p: [["status", "goal", "note"]] + [[n["status"], n["goal"], n["text_en" if args.lang == "en" else "text_zh"]] for n in p["notes"]],
    )
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    from analytics.rules.progress import load_rules

    rules = load_rules()
    _emit(
        rules,
        args.format,
        lambda p: [["status", "label", "symbol", "help"]]
        + [[k, v["en" if args.lang == "en" else "zh"], v["symbol"], v["help_en" if args.lang == "en" else "help_zh"]] for k, v in p["statuses"].items()],
    )
    return 0


def _who(args: argparse.Namespace) -> str:
    if getattr(args, "who", None):
        return str(args.who)
    try:
        import getpass

        return f"cli:{getpass.getuser()}"
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "cli"


def _open_store(args: argparse.Namespace, create: bool = True):
    from analytics.storage.store import Store

    return Store(getattr(args, "store", None) or None, create=create)


def cmd_import(args: argparse.Namespace) -> int:
    from analytics.storage.store import ImportRejected

    path = Path(args.file)
    if not path.is_file():
        print(f"file not found / 文件不存在：{path}", file=sys.stderr)
        return 2
    store = _open_store(args)
    result = store.validate_file(path, filename=path.name, kind=args.kind, sheet=args.sheet)
    payload: dict[str, Any] = {"schema": SCHEMA_VERSION, "store": str(store.file), **result.to_json(), "summary": None}
    if result.ok:
        try:
            summary = store.apply_import(result, path.name, _who(args), dry_run=args.dry_run,
                                         replace_sample=args.replace_sample)
        except ImportRejected as exc:
            payload["ok"] = False
            payload["problems"] = payload["problems"] + [{"code": "rejected", "file": path.name, "row": None, "column": None,
                                                          "value": None, "severity": "error", "message_zh": exc.zh,
                                                          "message_en": exc.en}]
        else:
            payload["summary"] = summary.as_dict()
            payload["sample_data"] = store.is_sample()

    def table(p: dict[str, Any]) -> list[list[Any]]:
        rows = [[x["message_en" if args.lang == "en" else "message_zh"]] for x in p["problems"]]
        if p["summary"]:
            sm = p["summary"]
            head = ("dry run: " if sm["dry_run"] else "") if args.lang == "en" else ("试运行（未写入）：" if sm["dry_run"] else "")
            rows.append([head + (f"{sm['added']} added, {sm['changed']} changed, {sm['unchanged']} unchanged, {sm['removed']} removed"
                                 if args.lang == "en" else
                                 f"新增 {sm['added']}，修改 {sm['changed']}，未变 {sm['unchanged']}，移除 {sm['removed']}")
                         + (f" (batch {sm['batch_id']})" if sm["batch_id"] else "")])
        return rows

    _emit(payload, args.format, table)
    return 0 if payload["ok"] else 1


def cmd_export(args: argparse.Namespace) -> int:
    import os
    import tempfile

    from analytics.storage.store import store_exists

    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".sqlite", ".sqlite3", ".db", ".zip"):
        print("--out must end in .xlsx, .sqlite or .zip / 输出文件应为 .xlsx、.sqlite 或 .zip", file=sys.stderr)
        return 2
    if not store_exists(getattr(args, "store", None)):
        print("no data store here yet: import a file first / 还没有数据库，请先用 import 导入数据", file=sys.stderr)
        return 2
    store = _open_store(args, create=False)
    if suffix == ".xlsx":
        data, kind = store.export_workbook(), "workbook"
    elif suffix == ".zip":
        data, kind = store.backup_zip(), "backup"
    else:
        data, kind = store.backup(), "backup"
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".export-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, out)
    payload = {"schema": SCHEMA_VERSION, "store": str(store.file), "out": str(out), "kind": kind, "bytes": len(data),
               "store_version": store.version()}
    _emit(payload, args.format, lambda p: [[f"{p['out']} ({p['kind']}, {p['bytes']} bytes)"]])
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from analytics.storage.store import RestoreError

    path = Path(args.file)
    if not path.is_file():
        print(f"file not found / 文件不存在：{path}", file=sys.stderr)
        return 2
    store = _open_store(args)
    try:
        res = store.restore(path.read_bytes(), _who(args), filename=path.name)
    except RestoreError as exc:
        payload = {"ok": False, "problems": [{"code": p.code, "table": p.table, "key": p.key, "message_zh": p.message("zh"),
                                               "message_en": p.message("en")} for p in exc.problems]}
        _emit(payload, args.format, lambda p: [[x["message_en" if args.lang == "en" else "message_zh"]] for x in p["problems"]])
        return 1
    payload = {"ok": True, "store": str(store.file), "batch_id": res.batch_id, "added": res.added, "changed": res.changed,
               "removed": res.removed, "unchanged": res.unchanged, "merged_batches": res.merged_batches}
    _emit(payload, args.format, lambda p: [[f"{k}: {v}"] for k, v in p.items()])
    return 0


def cmd_users(args: argparse.Namespace) -> int:
    import getpass
    import os

    from analytics.storage.access import ENV_USERS_FILE, UsersFileError, add_user, load_users, remove_user
    from analytics.storage.store import resolve_data_dir

    path = Path(args.file or os.environ.get(ENV_USERS_FILE) or resolve_data_dir() / "users.toml")
    try:
        if args.action == "list":
            users = load_users(path) if path.exists() else {}
            _emit({"file": str(path), "users": [{"name": u.name, "role": u.role} for u in users.values()]}, args.format,
                  lambda p: [["name", "role"]] + [[u["name"], u["role"]] for u in p["users"]])
            return 0
        if not args.name:
            print("give a user name / 请给出用户名", file=sys.stderr)
            return 2
        if args.action == "remove":
            removed = remove_user(path, args.name)
            _emit({"file": str(path), "removed": removed, "name": args.name}, args.format,
                  lambda p: [[("removed " if p["removed"] else "not found: ") + p["name"]]])
            return 0 if removed else 1
        if args.password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = getpass.getpass("password / 密码: ")
            if getpass.getpass("again / 再输一次: ") != password:
                print("the passwords differ / 两次输入的密码不一致", file=sys.stderr)
                return 2
        entry, created = add_user(path, args.name, args.role, password)
    except UsersFileError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 2
    hint = (f'turn sign-in on: users_file = "{path}" in .streamlit/secrets.toml' if args.lang == "en"
            else f'开启登录：在 .streamlit/secrets.toml 中写 users_file = "{path}"')
    _emit({"file": str(path), "name": entry.name, "role": entry.role, "created": created, "hint": hint}, args.format,
          lambda p: [[("created " if p["created"] else "updated ") + f"{p['name']} ({p['role']})"], [p["hint"]]])
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
            p.add_argument("--store", help="data store directory (default: $PT_DATA_DIR when it holds a store); ignored with --targets/--actuals/--budget")

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
    p = sub.add_parser("import", help="validate a data file and import it into the data store (all or nothing)")
    p.add_argument("file")
    p.add_argument("--kind", choices=["auto", "actuals", "budget"], default="auto")
    p.add_argument("--sheet", help="Excel sheet name (default: the first sheet)")
    p.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    p.add_argument("--replace-sample", action="store_true", help="also remove the remaining 示例数据 rows")
    p.add_argument("--store", help="data store directory (default: $PT_DATA_DIR, else var/)")
    p.add_argument("--who", help="name recorded in the audit trail (default: cli:<login name>)")
    p.add_argument("--format", choices=["json", "table"], default="json")
    p.add_argument("--lang", choices=["zh", "en"], default="zh")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="export the data store: .xlsx workbook, or a .sqlite/.zip backup")
    p.add_argument("--out", required=True, help="output file: .xlsx (everything as sheets), .sqlite or .zip (backup)")
    p.add_argument("--store", help="data store directory (default: $PT_DATA_DIR, else var/)")
    p.add_argument("--format", choices=["json", "table"], default="json")
    p.add_argument("--lang", choices=["zh", "en"], default="zh")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("restore", help="restore the data store from a .sqlite/.zip backup (checked first; undoable)")
    p.add_argument("file")
    p.add_argument("--store", help="data store directory (default: $PT_DATA_DIR, else var/)")
    p.add_argument("--who", help="name recorded in the audit trail (default: cli:<login name>)")
    p.add_argument("--format", choices=["json", "table"], default="json")
    p.add_argument("--lang", choices=["zh", "en"], default="zh")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("users", help="local sign-in users (users_file in .streamlit/secrets.toml)")
    p.add_argument("action", choices=["add", "list", "remove"])
    p.add_argument("name", nargs="?")
    p.add_argument("--role", choices=["viewer", "editor", "admin"], default="viewer")
    p.add_argument("--file", help="users file, TOML or JSON (default: $PT_USERS_FILE, else var/users.toml)")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p.add_argument("--format", choices=["json", "table"], default="json")
    p.add_argument("--lang", choices=["zh", "en"], default="zh")
    p.set_defaults(func=cmd_users)
    # --- report command ---
    def cmd_report(args: argparse.Namespace) -> int:
        """Write the review-meeting exports (analytics/report.py): .xlsx forms, .pptx deck,
        .png/.svg chart. The charts module (pages/charts.py, no Streamlit) is imported here,
        lazily, and handed to the engine, which never imports ``pages``."""
        from analytics.reports import report

        ds, as_of = _dataset_and_as_of(args)
        if as_of is None:
            return 2
        scenario = None
        if args.scenario:
            from analytics.budget.scenario import ScenarioError, scenario_from_file

            try:
                scenario = scenario_from_file(args.scenario, ds.project)
            except ScenarioError as exc:
                for msg in exc.messages(args.lang):
                    print(msg, file=sys.stderr)
                return 2
        actions = None
        if args.actions:
            with open(args.actions, encoding="utf-8-sig") as fh:
                actions = json.load(fh)
            if not isinstance(actions, list):
                raise ValueError("--actions: a JSON list of {goal, indicator_id, cause_category, cause_text, measure_text}")
        if actions is None and not (args.targets or args.actuals or args.budget):
            import os

            from analytics.storage.store import Store, store_exists

            where = getattr(args, "store", None) or os.environ.get("PT_DATA_DIR")
            if where and store_exists(where):  # causes and measures entered in the app
                actions = [a for a in Store(where, create=False).list_actions() if int(a.get("year") or 0) in (0, as_of[0])]
        suffix = Path(args.out).suffix.lower()
        charts_module = None
        if suffix in (".png", ".svg", ".pptx"):
            import importlib

            charts_module = importlib.import_module("analytics.present.charts")
            warning = report.cjk_font_warning(args.lang)
            if warning:
                print(warning, file=sys.stderr)
        ctx = report.build_context(ds, as_of, args.year, args.lang, scenario=scenario, actions=actions)
        summary = report.write_report(ctx, args.out, form=args.form, chart=args.chart, charts_module=charts_module)
        _emit({"schema": SCHEMA_VERSION, **summary}, args.format, lambda p: [[f"{k}: {v}"] for k, v in p.items()])
        return 0

    p = sub.add_parser("report", help="meeting exports: .xlsx forms (绩效运行监控表, 项目支出绩效自评表), .pptx deck, .png/.svg chart")
    common(p)
    p.add_argument("--as-of", type=_period, help="YYYY-MM (default: latest month with data)")
    p.add_argument("--year", type=int, help="target year (default: the as-of year)")
    p.add_argument("--out", required=True, help="output file: .xlsx, .pptx, .png or .svg")
    p.add_argument("--form", choices=["monitoring", "self-eval"], help=".xlsx only: one form (default: both, one sheet each)")
    p.add_argument("--chart", help=".png/.svg: status_counts, goal_scores, budget_execution or indicator:<id>")
    p.add_argument("--scenario", help="budget scenario JSON/YAML for the projection (default: the baseline)")
    p.add_argument("--actions", help="JSON list of deviation causes/measures {goal, indicator_id, cause_category, cause_text, measure_text}")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("quality", help="data-quality notes on the target table")
    common(p, data=False)
    p.set_defaults(func=cmd_quality)

    p = sub.add_parser("rules", help="the status rules in force")
    common(p, data=False)
    p.set_defaults(func=cmd_rules)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from analytics.storage.dataset import DataFileError
    from analytics.ingest.targets import TargetFileError

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
