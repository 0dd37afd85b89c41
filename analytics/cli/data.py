"""Data-file and data-store commands: ``validate``, ``import``, ``export``, ``restore``."""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from pathlib import Path
from typing import Any, Callable

from analytics.present.catalogue import text
from analytics.cli.common import SCHEMA_VERSION, emit, missing_file, project_for, reading_store, result_json, store_is_there, who, writing_store


def cmd_validate(args: argparse.Namespace) -> int:
    from analytics.ingest.validate import ingest_any
    from analytics.ingest.targets import TargetFileError, load_project

    path = Path(args.file)
    if args.kind == "targets":
        try:
            load_project(path)
        except TargetFileError as exc:
            payload = {"ok": False, "kind": "targets", "problems": [p.as_dict() for p in exc.problems]}
            emit(payload, args.format, lambda p: [[x["message_zh" if args.lang == "zh" else "message_en"]] for x in p["problems"]])
            return 1
        emit({"ok": True, "kind": "targets", "problems": []}, args.format, lambda p: [["OK"]])
        return 0
    project = project_for(args)
    if not path.is_file():
        msg = {lang: missing_file(path, lang) for lang in ("zh", "en")}
        payload = {"ok": False, "kind": None, "problems": [{"code": "not_found", "file": str(path), "row": None, "column": None, "value": None, "severity": "error", "message_zh": msg["zh"], "message_en": msg["en"]}]}
        emit(payload, args.format, lambda p: [[msg[args.lang]]])
        return 1
    today = _dt.date.today()  # a month after this one has not happened (the check the import makes too)
    from analytics.ingest.validate import ingest_actuals, ingest_budget
    from analytics.storage.rows import as_project_sees, source_budgets, source_names
    from analytics.storage.store import IMPORT_MAX_BYTES  # the same size limit as imports and the upload page

    if not getattr(args, "targets", None):  # the store's table: the import's own check, with what the store holds
        result = reading_store(args).validate_file(path, filename=path.name, kind=args.kind, sheet=args.sheet,
                                                   today=today, max_bytes=IMPORT_MAX_BYTES)
    elif args.kind == "actuals":
        result = ingest_actuals(path, project.ingest_catalogue(), filename=path.name, sheet=args.sheet, max_bytes=IMPORT_MAX_BYTES,
                                today=today, computed=project.computed_names())
        from analytics.ingest.checks import report_gaps
        import pandas as pd

        result = report_gaps(result, pd.DataFrame(), project.ingest_catalogue(), path.name)
    elif args.kind == "budget":
        result = ingest_budget(path, sources=source_names(project), filename=path.name, sheet=args.sheet, max_bytes=IMPORT_MAX_BYTES,
                               source_names=source_names(project), today=today, budgets=source_budgets(project))
    else:
        result = ingest_any(path, project.ingest_catalogue(), filename=path.name, sheet=args.sheet, max_bytes=IMPORT_MAX_BYTES,
                            sources=source_names(project), today=today, computed=project.computed_names(), budgets=source_budgets(project))
    from analytics.present.messages import result_json, result_report

    payload = result_json(as_project_sees(result, project, path.name))
    if args.format == "table":
        if result.ok and not result.problems:
            print(text("cli.validate_ok", args.lang, name=path.name, rows=len(result.data)))
        else:
            print(result_report(result, args.lang))
    else:
        emit(payload, "json")
    return 0 if result.ok else 1


def cmd_import(args: argparse.Namespace) -> int:
    from analytics.storage.store import ImportRejected

    path = Path(args.file)
    if not path.is_file():
        print(missing_file(path, args.lang), file=sys.stderr)
        return 2
    store = writing_store(args)
    result = store.validate_file(path, filename=path.name, kind=args.kind, sheet=args.sheet)
    payload: dict[str, Any] = {"schema": SCHEMA_VERSION, "store": str(store.file), **result_json(result), "summary": None}
    if result.ok:
        try:
            summary = store.apply_import(result, path.name, who(args), dry_run=args.dry_run,
                                         keep_sample=args.keep_sample)
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
            head = text("cli.dry_run", args.lang) if sm["dry_run"] else ""
            counts = text("cli.import_counts", args.lang, added=sm["added"], changed=sm["changed"], unchanged=sm["unchanged"],
                          removed=sm["removed"])
            rows.append([head + counts + (text("cli.import_batch", args.lang, batch=sm["batch_id"]) if sm["batch_id"] else "")])
        return rows

    emit(payload, args.format, table)
    return 0 if payload["ok"] else 1


def cmd_export(args: argparse.Namespace) -> int:
    import os
    import tempfile

    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".sqlite", ".sqlite3", ".db", ".zip"):
        print("--out must end in .xlsx, .sqlite or .zip / 输出文件应为 .xlsx、.sqlite 或 .zip", file=sys.stderr)
        return 2
    if not store_is_there(args):
        print("no data store here yet: import a file first / 还没有数据库，请先用 import 导入数据", file=sys.stderr)
        return 2
    store = writing_store(args, create=False)
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
    emit(payload, args.format, lambda p: [[f"{p['out']} ({p['kind']}, {p['bytes']} bytes)"]])
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from analytics.storage.store import RestoreError

    path = Path(args.file)
    if not path.is_file():
        print(missing_file(path, args.lang), file=sys.stderr)
        return 2
    store = writing_store(args)
    try:
        with path.open("rb") as fh:  # streamed to a scratch file and checked there: never read whole into memory
            res = store.restore(fh, who(args), filename=path.name, restore_settings=args.with_settings)
    except RestoreError as exc:
        from analytics.present.strings.storage import render

        payload = {"ok": False, "problems": [{"code": p.code, "table": p.table, "key": p.key, "message_zh": render(p, "zh"),
                                               "message_en": render(p, "en")} for p in exc.problems]}
        emit(payload, args.format, lambda p: [[x["message_en" if args.lang == "en" else "message_zh"]] for x in p["problems"]])
        return 1
    payload = {"ok": True, "store": str(store.file), "batch_id": res.batch_id, "added": res.added, "changed": res.changed,
               "removed": res.removed, "unchanged": res.unchanged, "merged_batches": res.merged_batches,
               "settings_skipped": res.settings_skipped}
    emit(payload, args.format, lambda p: [[f"{k}: {v}"] for k, v in p.items()])
    return 0


def register_validate(sub: Any, common: Callable[..., None]) -> None:
    p = sub.add_parser("validate", help="check a data file; exit 0 when clean, 1 with located messages")
    common(p, data=False)
    p.add_argument("file")
    p.add_argument("--kind", choices=["auto", "actuals", "budget", "targets"], default="auto")
    p.add_argument("--sheet", help="Excel sheet name (default: the first sheet)")
    p.set_defaults(func=cmd_validate)


def _output(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["json", "table"], default="json")
    p.add_argument("--lang", choices=["zh", "en"], default="zh")


def register_store(sub: Any, common: Callable[..., None]) -> None:
    p = sub.add_parser("import", help="validate a data file and import it into the data store (all or nothing)")
    p.add_argument("file")
    p.add_argument("--kind", choices=["auto", "actuals", "budget"], default="auto")
    p.add_argument("--sheet", help="Excel sheet name (default: the first sheet)")
    p.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    p.add_argument("--keep-sample", action="store_true",
                   help="keep the remaining 示例数据 rows (by default the first real import removes them, undoably)")
    p.add_argument("--replace-sample", action="store_true", help=argparse.SUPPRESS)  # the default now; accepted
    p.add_argument("--store", help="data store directory (default: $PT_DATA_DIR, else var/)")
    p.add_argument("--project", help="project to import into (default: the store's first table, dongguan)")
    p.add_argument("--who", help="name recorded in the audit trail (default: cli:<login name>)")
    _output(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="export the data store: .xlsx workbook, or a .sqlite/.zip backup")
    p.add_argument("--out", required=True, help="output file: .xlsx (everything as sheets), .sqlite or .zip (backup)")
    p.add_argument("--store", help="data store directory (default: $PT_DATA_DIR, else var/)")
    p.add_argument("--project", help="project of the .xlsx workbook (default: the store's first table; a backup "
                                     "holds every project)")
    _output(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("restore", help="restore the data store from a .sqlite/.zip backup (checked first; undoable)")
    p.add_argument("file")
    p.add_argument("--store", help="data store directory (default: $PT_DATA_DIR, else var/)")
    p.add_argument("--who", help="name recorded in the audit trail (default: cli:<login name>)")
    p.add_argument("--with-settings", action="store_true",
                   help="also restore the backup's settings (an admin's choice; by default the current settings stay)")
    _output(p)
    p.set_defaults(func=cmd_restore)
