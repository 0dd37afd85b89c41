"""``python -m analytics parse-table FILE``: read any real target table (xlsx with merged cells,
xls when xlrd is installed, docx Word tables, csv, text copied out of a PDF or a web page) and
print what was read and inferred, in the JSON shape of ``targets`` plus ``inferred``/``review`` per
indicator, ``actuals`` for a 自评表, and the rows that were skipped or could not be read.

Exit codes: 0 read (rows that could not be read are listed in ``unread`` and on stderr), 1 no
indicator table found (a located message says what was looked for and what was there).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, Callable

from analytics.cli.common import emit, heads, missing_file
from analytics.present.catalogue import text
from analytics.core.values import number_text
from analytics.present.tables_text import (advice_message, forms_message, funding_message, funding_text_message, no_table_message,
                                           row_message)

__all__ = ["register", "cmd_parse_table"]


def register(sub: Any, common: Callable[..., None]) -> None:
    p = sub.add_parser("parse-table", help="read a target table (xlsx/xls/docx/csv/pasted text) and show what was understood")
    p.add_argument("file", help="the table: .xlsx, .xls, .ods, .docx, .doc, .odt, .pdf, .ofd, a web page (.html/.mht), .csv, .json or a text copied out of a PDF or web page")
    p.add_argument("--sheet", help="worksheet name (default: the first sheet holding an indicator table)")
    p.add_argument("--year", type=int, help="year of value columns whose header has none (default: the title's year)")
    p.add_argument("--form", "--table", dest="form", type=int, metavar="N", help="a file with several forms (tables, one "
                   "a project) one below another: read only the Nth (default: all, each indicator with its form; "
                   "source.forms lists them)")
    p.add_argument("--format", choices=["json", "table"], default="json", help="output format (default json)")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of messages")
    p.set_defaults(func=cmd_parse_table)


def _fmt_target(t: dict[str, Any]) -> str:
    return str(t.get("raw", ""))


def _table(payload: dict[str, Any], lang: str) -> list[list[Any]]:
    years = sorted({y for ind in payload["indicators"] for y in ind["targets"]})
    year_heads = [text("cli.col_no_year", lang) if y == "?" else y for y in years]  # a table with no year anywhere
    weighted = any(ind.get("points") is not None for ind in payload["indicators"])  # a 分值 column
    rows: list[list[Any]] = [heads(["seq", "level1", "level2", "name", "unit", "kind", "direction"], lang) + year_heads
                             + heads((["points"] if weighted else []) + ["review"], lang)]
    for ind in payload["indicators"]:
        points = [number_text(float(ind["points"])) if ind.get("points") is not None else "-"] if weighted else []
        review = "、".join(text(f"projects.col_{f}", lang, year="/".join(sorted(ind["targets"])) or "-")
                          for f in ind["review"]) if lang == "zh" else ",".join(ind["review"])  # 2025年目标
        rows.append([ind["seq"], ind["level1"], ind["level2"], ind["name"][:30], ind["unit"] or "-",
                     text(f"kind_{ind['kind']}", lang).split("（")[0] if ind["kind"] else "-",
                     text(f"dir_{ind['direction']}", lang) if ind["direction"] else "-"]
                    + [_fmt_target(ind["targets"].get(y, {})) or "-" for y in years] + points + [review or "-"])
    return rows


def cmd_parse_table(args: argparse.Namespace) -> int:
    from analytics.ingest.tables import NoTable, parse_table

    import os

    if not os.path.isfile(args.file):  # a path mistyped is no damaged file: said so, exit 2 as for any file not read
        print(missing_file(args.file, args.lang), file=sys.stderr)
        return 2
    result = parse_table(args.file, sheet=args.sheet, year=args.year, form=args.form)
    name = os.path.basename(args.file)
    if isinstance(result, NoTable):
        print(no_table_message(result, name, args.lang), file=sys.stderr)
        return 1
    payload = result.to_json()
    several = forms_message(payload, name, args.lang)
    if several:
        print(several, file=sys.stderr)
    for item in payload["unread"]:
        item["message"] = row_message(item, args.lang)
        print(item["message"], file=sys.stderr)
    advice = advice_message(payload, args.lang)
    if advice:
        print(advice, file=sys.stderr)
    for money in (funding_text_message(payload, args.lang), funding_message(payload, args.lang)):
        if money:  # funding read from the words above the table; sources that do not add up to the total
            print(money, file=sys.stderr)
    emit(payload, args.format, lambda p: _table(p, args.lang))
    return 0
