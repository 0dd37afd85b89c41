"""``python -m analytics`` — the headless face of the engine.

Every command prints JSON (``--format json``, stable, documented in the README) or a plain
table (``--format table``). Exit codes: 0 ok, 1 invalid input data (validate/import), 2 usage
or unreadable files. The commands live in one module per group (:mod:`~analytics.cli.progress`,
:mod:`~analytics.cli.budget`, :mod:`~analytics.cli.data`, :mod:`~analytics.cli.report`,
:mod:`~analytics.cli.users`, :mod:`~analytics.cli.store_move`,
:mod:`~analytics.cli.year_budgets`); what they share is in :mod:`~analytics.cli.common`.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from analytics.cli import budget, data, progress, projects, report, store_move, tables, users, year_budgets
from analytics.cli.common import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analytics", description="绩效目标跟踪引擎 / performance-target tracking engine")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser, data: bool = True) -> None:
        p.add_argument("--format", choices=["json", "table"], default="json", help="output format (default json)")
        p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of messages and table labels")
        p.add_argument("--targets", help="target file or folder (default: the data store's table)")
        if data:
            p.add_argument("--actuals", help="monthly actuals file (CSV/XLSX; default: the data store)")
            p.add_argument("--budget", help="monthly spending file (CSV/XLSX; default: the data store)")
        p.add_argument("--store", help="data store directory (default: $PT_DATA_DIR, else var/; a new store starts "
                                       "with the shipped table and 示例数据); ignored with --targets/--actuals/--budget")
        p.add_argument("--project", help="project of the data store (default: the store's first table, dongguan)")

    progress.register(sub, common)
    data.register_validate(sub, common)
    budget.register(sub, common)
    data.register_store(sub, common)
    users.register(sub, common)
    report.register(sub, common)
    progress.register_notes(sub, common)
    store_move.register(sub, common)
    tables.register(sub, common)
    projects.register(sub, common)
    year_budgets.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from analytics.storage.dataset import DataFileError
    from analytics.storage.errors import StoreError
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
        from analytics.present.messages import result_report

        print(result_report(exc.result, lang), file=sys.stderr)  # type: ignore[arg-type]
        return 2
    except StoreError as exc:  # the data store's own errors: a sentence from the catalogue, no traceback
        from analytics.present.strings.storage import render

        print(render(exc, getattr(args, "lang", "zh")), file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
