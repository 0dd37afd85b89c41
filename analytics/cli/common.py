"""What every command of ``python -m analytics`` shares: where the data comes from (the data
store the app reads, or flat files), the as-of month and year, and the output (JSON or a plain
table).

One dataset path: without ``--targets/--actuals/--budget`` every command reads the same data
store as the app — ``--store DIR``, else ``$PT_DATA_DIR``, else ``var/`` (a new store starts
with the shipped table and 示例数据, as in the app); with them, the files are read as given and
the store is not touched.
"""

from __future__ import annotations

import argparse
import json
import math
from typing import Any, Callable

from analytics.present.catalogue import text
from analytics.present.format import fmt_prob, fmt_value, text_width

SCHEMA_VERSION = 1


def period(text: str) -> tuple[int, int]:
    from analytics.core.calendar import Month

    try:
        return Month.parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"as-of must look like 2024-06, got {text!r}") from None


def clean(obj: Any) -> Any:
    if isinstance(obj, float):
        return None if math.isnan(obj) or math.isinf(obj) else round(obj, 6)
    if isinstance(obj, dict):
        return {str(k): clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [clean(v) for v in obj]
    return obj


def emit(payload: dict[str, Any], fmt: str, table: Callable[[dict[str, Any]], list[list[Any]]] | None = None) -> None:
    if fmt == "json" or table is None:
        print(json.dumps(clean(payload), ensure_ascii=False, indent=2))
        return
    rows = table(payload)
    if not rows:
        return
    widths = [max(text_width(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(str(c) + " " * (w - text_width(str(c))) for c, w in zip(r, widths)).rstrip())


def heads(keys: list[str], lang: str) -> list[str]:
    """The column heads of a ``--format table`` output in ``lang`` (``cli.col_<key>``)."""
    return [text(f"cli.col_{k}", lang) for k in keys]


def num(x: Any, unit: str | None = "") -> str:
    """A number of a table cell with the precision of its unit (the unit has its own column)."""
    return fmt_value(x, unit, with_unit=False)


def prob(p: Any) -> str:
    return fmt_prob(p)


def missing_file(path: Any, lang: str) -> str:
    """Why ``path`` cannot be read as a file, in the user's language: not there, or a folder."""
    from pathlib import Path

    return text("cli.not_a_file" if Path(path).exists() else "cli.file_not_found", lang, path=path)


def files_given(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "targets", None) or getattr(args, "actuals", None) or getattr(args, "budget", None))


def reading_store(args: argparse.Namespace):
    """The data store the app reads: ``--store DIR`` (which must hold a store), else the app's
    own location rules (``$PT_DATA_DIR``, else ``var/``; ``PT_TARGETS`` / ``PT_ACTUALS`` /
    ``PT_BUDGET`` pick a store seeded from those files). A new store seeds itself with the
    shipped table and 示例数据, as in the app. Opened once per command."""
    cached = getattr(args, "_store_obj", None)
    if cached is not None:
        return cached
    from analytics.storage.store import Store, open_store, store_exists

    where = getattr(args, "store", None)
    if where:
        if not store_exists(where):
            raise ValueError(f"no data store in {where} / 目录 {where} 中没有数据库（先用 import 导入数据）")
        store = Store(where, create=False)
    else:
        store = open_store()
    store = store.with_project(getattr(args, "project", None))  # --project ID (default: the default project)
    args._store_obj = store
    return store


def load(args: argparse.Namespace):
    """Files when --targets/--actuals/--budget are given (read as they are, the data store is
    not touched); otherwise the data store (:func:`reading_store`), as the app does."""
    from analytics.storage.dataset import load_dataset

    if files_given(args):
        return load_dataset(args.targets, getattr(args, "actuals", None), getattr(args, "budget", None))
    return reading_store(args).load_dataset()


def project_for(args: argparse.Namespace):
    """The target table: ``--targets`` when given, else the data store's (the app's) table."""
    from analytics.ingest.targets import load_project

    if getattr(args, "targets", None):
        return load_project(args.targets)
    return reading_store(args).project()


def dataset_and_as_of(args: argparse.Namespace) -> tuple[Any, tuple[int, int]]:
    """The dataset and the as-of month (--as-of, else the month the app opens on: the latest
    month most indicators have reported, or without any data this month while the project runs
    or before it starts, else its last December)."""
    ds = load(args)
    return ds, args.as_of or ds.opening_as_of()


def year_for(ds, as_of: tuple[int, int], year: int | None) -> int:
    if year:
        return year
    from analytics.core.calendar import default_year

    return default_year(ds.years(), as_of)


def who(args: argparse.Namespace) -> str:
    if getattr(args, "who", None):
        return str(args.who)
    try:
        import getpass

        return f"cli:{getpass.getuser()}"
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "cli"


def writing_store(args: argparse.Namespace, create: bool = True):
    """The data store ``import`` / ``export`` / ``restore`` work on: ``--store DIR``, else the
    app's store by the same location rules as :func:`reading_store` (so an import shows in the
    app and in every other command)."""
    from analytics.storage.store import Store, open_store

    where = getattr(args, "store", None)
    store = Store(where, create=create) if where else open_store()  # create=False: callers checked store_is_there()
    return store.with_project(getattr(args, "project", None))  # --project ID (default: the default project)


def store_is_there(args: argparse.Namespace) -> bool:
    """Whether the store of :func:`writing_store` exists already."""
    from analytics.storage.store import store_exists, store_location

    where = getattr(args, "store", None)
    return store_exists(where) if where else store_location().file.exists()


def result_json(result: Any) -> dict[str, Any]:
    from analytics.present.messages import result_json

    return result_json(result)
