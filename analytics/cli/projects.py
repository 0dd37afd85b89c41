"""``python -m analytics new-project FILE``: read a target table as ``parse-table`` does and save what
was read as a project — ``--out DIR`` writes the folder format (``project.yaml`` + ``indicators.csv``,
+ ``actuals.csv`` for a 自评表), loadable with ``--targets DIR``; ``--store DIR`` adds it as a new
project of the data store (its target files kept in the store, a 自评表's actual values imported),
read afterwards with ``--project ID``. ``python -m analytics projects`` lists the store's projects
and archives one (``--archive ID``, undoable) or brings it back (``--unarchive ID``).

Exit codes: 0 written (values that had to be rewritten or left out are listed in ``notes`` and on
stderr), 1 no indicator table found, 2 usage or a store error (a taken project id).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, Callable

from analytics.cli.common import SCHEMA_VERSION, emit, heads, missing_file, who, writing_store
from analytics.present.catalogue import text
from analytics.present.tables_text import forms_message, no_table_message, note_message, row_message

__all__ = ["register", "cmd_new_project", "cmd_projects"]


def register(sub: Any, common: Callable[..., None]) -> None:
    p = sub.add_parser("new-project", help="read a target table and save it as a project (folder format or data store)")
    p.add_argument("file", help="the table: .xlsx, .xls, .ods, .docx, .doc, .odt, .pdf, .ofd, a web page (.html/.mht), .csv, .json or a text copied out of a PDF or web page")
    p.add_argument("--sheet", help="worksheet name (default: the first sheet holding an indicator table)")
    p.add_argument("--year", type=int, help="year of value columns whose header has none (default: the title's year)")
    p.add_argument("--form", "--table", dest="form", type=int, metavar="N", help="a file with several forms (tables, one "
                   "a project) one below another: read only the Nth (default: all, each indicator with its form; "
                   "source.forms lists them)")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", help="folder to write project.yaml + indicators.csv into")
    where.add_argument("--store", help="data store directory (or postgresql:// URL) to add the project to")
    p.add_argument("--id", dest="project_id", help="project id (default: from the project name)")
    p.add_argument("--name", help="project name (default: the name the table gives, else the file's name)")
    p.add_argument("--who", help="name recorded in the audit trail (default: cli:<login name>)")
    p.add_argument("--format", choices=["json", "table"], default="json", help="output format (default json)")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of messages")
    p.set_defaults(func=cmd_new_project)

    p = sub.add_parser("projects", help="the data store's projects; --archive ID / --unarchive ID (undoable)")
    p.add_argument("--store", help="data store directory (default: $PT_DATA_DIR, else var/)")
    act = p.add_mutually_exclusive_group()
    act.add_argument("--archive", metavar="ID", help="archive a project (its data stay; undo brings it back)")
    act.add_argument("--unarchive", metavar="ID", help="bring an archived project back")
    p.add_argument("--who", help="name recorded in the audit trail (default: cli:<login name>)")
    p.add_argument("--format", choices=["json", "table"], default="json", help="output format (default json)")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of messages")
    p.set_defaults(func=cmd_projects)


def _table(payload: dict[str, Any], lang: str) -> list[list[Any]]:
    return [heads(["id", "name", "indicators", "out"], lang),
            [payload["id"], payload["name"], payload["indicators"], payload.get("out") or payload.get("store")]]


def cmd_new_project(args: argparse.Namespace) -> int:
    from analytics.ingest.tables import NoTable, parse_table
    from analytics.ingest.forms import project_years
    from analytics.storage.project_files import is_sample, save_to_store, write_folder

    if not os.path.isfile(args.file):  # a path mistyped is no damaged file: said so, exit 2 as for any file not read
        print(missing_file(args.file, args.lang), file=sys.stderr)
        return 2
    result = parse_table(args.file, sheet=args.sheet, year=args.year, form=args.form)
    if isinstance(result, NoTable):
        print(no_table_message(result, os.path.basename(args.file), args.lang), file=sys.stderr)
        return 1
    reading = result.to_json()
    if args.name and args.name.strip():  # the manager's own name for it, as 新建项目's facts take
        reading["project"]["name"] = args.name.strip()
    several = forms_message(reading, os.path.basename(args.file), args.lang)
    if several:
        print(several, file=sys.stderr)
    for item in reading["unread"]:
        print(row_message(item, args.lang), file=sys.stderr)
    payload: dict[str, Any] = {}
    if not project_years(reading):
        print(text("projects.no_year", args.lang, file=os.path.basename(args.file)), file=sys.stderr)
        return 1
    if args.out:
        written = write_folder(reading, args.out, args.project_id)
        payload["out"] = args.out
    else:
        saved = save_to_store(writing_store(args), reading, args.project_id, who(args), os.path.basename(args.file))
        written = saved.files
        payload.update(store=args.store, batch_id=saved.batch_id,
                       actuals=saved.imported.as_dict() if saved.imported is not None else None,
                       spending=saved.spending.as_dict() if saved.spending is not None else None)
    notes = [{**n, "message": note_message(n, args.lang)} for n in written.notes]
    for n in notes:
        print(n["message"], file=sys.stderr)
    name = str(reading["project"].get("name") or os.path.splitext(os.path.basename(args.file))[0])
    print(text("projects.written", args.lang, name=name, id=written.project_id, count=len(reading["indicators"]),
               out=args.out or args.store), file=sys.stderr)
    emit({"id": written.project_id, "name": name, **payload, "sample_data": is_sample(reading),
          "indicators": len(reading["indicators"]),
          "files": sorted(written.files), "notes": notes, "unread": reading["unread"]}, args.format, lambda p: _table(p, args.lang))
    return 0


def _projects_table(payload: dict[str, Any], lang: str) -> list[list[Any]]:
    return [heads(["id", "name", "status"], lang)] + [[p["id"], p["name"], text(f"cli.col_{p['status']}", lang)]
                                                      for p in payload["projects"]]


def cmd_projects(args: argparse.Namespace) -> int:
    store = writing_store(args)
    payload: dict[str, Any] = {"schema": SCHEMA_VERSION}
    if args.archive or args.unarchive:
        summary = store.archive_project(args.archive or args.unarchive, who(args), archived=bool(args.archive))
        payload["batch_id"] = summary.batch_id
    payload["projects"] = [p.as_dict() for p in store.list_projects()]
    emit(payload, args.format, lambda p: _projects_table(p, args.lang))
    return 0
