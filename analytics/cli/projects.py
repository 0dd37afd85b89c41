"""``python -m analytics new-project FILE``: read a target table as ``parse-table`` does and save what
was read as a project — ``--out DIR`` writes the folder format (``project.yaml`` + ``indicators.csv``,
+ ``actuals.csv`` for a 自评表), loadable with ``--targets DIR``.

Exit codes: 0 written (values that had to be rewritten or left out are listed in ``notes`` and on
stderr), 1 no indicator table found, 2 usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, Callable

from analytics.cli.common import emit
from analytics.present.catalogue import text

__all__ = ["register", "cmd_new_project", "note_message"]


def register(sub: Any, common: Callable[..., None]) -> None:
    p = sub.add_parser("new-project", help="read a target table and save it as a project (folder format)")
    p.add_argument("file", help="the table: .xlsx, .xls, .docx, .csv or a text copied out of a PDF or web page")
    p.add_argument("--sheet", help="worksheet name (default: the first sheet holding an indicator table)")
    p.add_argument("--year", type=int, help="year of value columns whose header has none (default: the title's year)")
    p.add_argument("--out", required=True, help="folder to write project.yaml + indicators.csv into")
    p.add_argument("--id", dest="project_id", help="project id (default: from the project name)")
    p.add_argument("--format", choices=["json", "table"], default="json", help="output format (default json)")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of messages")
    p.set_defaults(func=cmd_new_project)


def note_message(note: dict[str, str], lang: str) -> str:
    return text(f"projects.note_{note['code']}", lang, id=note["id"], column=note["column"], raw=note["raw"])


def _table(payload: dict[str, Any]) -> list[list[Any]]:
    return [["id", "name", "indicators", "out"],
            [payload["id"], payload["name"], payload["indicators"], payload["out"]]]


def cmd_new_project(args: argparse.Namespace) -> int:
    from analytics.cli.tables import no_table_message, row_message
    from analytics.ingest.tables import NoTable, parse_table
    from analytics.storage.project_files import write_folder

    result = parse_table(args.file, sheet=args.sheet, year=args.year)
    if isinstance(result, NoTable):
        print(no_table_message(result, os.path.basename(args.file), args.lang), file=sys.stderr)
        return 1
    reading = result.to_json()
    for item in reading["unread"]:
        print(row_message(item, args.lang), file=sys.stderr)
    written = write_folder(reading, args.out, args.project_id)
    notes = [{**n, "message": note_message(n, args.lang)} for n in written.notes]
    for n in notes:
        print(n["message"], file=sys.stderr)
    name = str(reading["project"].get("name") or os.path.splitext(os.path.basename(args.file))[0])
    print(text("projects.written", args.lang, name=name, id=written.project_id, count=len(reading["indicators"]),
               out=args.out), file=sys.stderr)
    emit({"id": written.project_id, "name": name, "out": args.out, "indicators": len(reading["indicators"]),
          "files": sorted(written.files), "notes": notes, "unread": reading["unread"]}, args.format, _table)
    return 0
