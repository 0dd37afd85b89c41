"""``store-upgrade``: open a store and run its pending migrations (before app servers start).
``migrate-store --from URL|DIR --to URL|DIR``: copy a whole store between backends (a SQLite
folder or file, a ``postgresql://`` database) and compare every table's row count and
checksum on both sides (:mod:`analytics.storage.transfer`). Exit 0 when they all agree."""

from __future__ import annotations

import argparse
import sys
from typing import Any, Callable

from analytics.cli.common import emit


def cmd_migrate_store(args: argparse.Namespace) -> int:
    from analytics.storage.errors import StoreError
    from analytics.storage.transfer import copy_store, store_path_label

    report = copy_store(args.source, args.target, replace=args.replace,
                        progress=(lambda m: print(m, file=sys.stderr)) if args.format == "table" else None)
    payload = {"from": store_path_label(args.source), "to": store_path_label(args.target), **report.as_json()}
    emit(payload, args.format,
         lambda p: [["table", "rows", "target rows", "same"]]
         + [[t, v["rows"], v["target_rows"], "yes" if v["same"] else "NO"] for t, v in p["tables"].items()])
    if not report.ok:
        bad = ", ".join(t for t, v in payload["tables"].items() if not v["same"])
        raise StoreError(code="copy_mismatch", params={"tables": bad})
    return 0


def cmd_store_upgrade(args: argparse.Namespace) -> int:
    """Open the store (``--store``, else ``$PT_DATABASE_URL``, else the data dir): pending
    migrations run, each in its own transaction under the writer lock, so servers started
    together wait for one another; a new store is created and seeded."""
    from analytics.storage.store import SCHEMA_VERSION, Store, open_store

    store = Store(args.store) if args.store else open_store()
    try:
        payload = {"store": str(store.file), "backend": store.backend, "schema": store.schema_version(),
                   "supported": SCHEMA_VERSION, "data_version": store.data_version()}
    finally:
        store.close()
    emit(payload, args.format, lambda p: [[k, v] for k, v in p.items()])
    return 0


def register(sub: Any, common: Callable[..., None]) -> None:
    del common
    p = sub.add_parser("store-upgrade", help="open the data store and bring its schema up to date (run before "
                                             "starting app servers after an upgrade)")
    p.add_argument("--store", help="a folder, a .sqlite file or a postgresql:// URL (default: $PT_DATABASE_URL, "
                                   "else $PT_DATA_DIR, else var/)")
    p.add_argument("--format", choices=["json", "table"], default="json", help="output format (default json)")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of messages")
    p.set_defaults(func=cmd_store_upgrade)
    p = sub.add_parser("migrate-store", help="copy a whole data store between SQLite and PostgreSQL (counts and "
                                             "checksums compared)")
    p.add_argument("--from", dest="source", required=True, help="source store: a folder, a .sqlite file or a "
                                                                "postgresql:// URL")
    p.add_argument("--to", dest="target", required=True, help="target store (created when missing; must be empty "
                                                              "unless --replace)")
    p.add_argument("--replace", action="store_true", help="overwrite a target that already holds data")
    p.add_argument("--format", choices=["json", "table"], default="json", help="output format (default json)")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of messages")
    p.set_defaults(func=cmd_migrate_store)
