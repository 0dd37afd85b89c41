"""Copying a whole store between backends (SQLite file ⇄ PostgreSQL database), exactly: every
table the code knows (``meta``, ``schema_version``, batches, audit trail with its ids, and the
content tables), then row counts and checksums compared on both sides.

Used by ``python -m analytics migrate-store`` and by the backup of a PostgreSQL store (the
logical dump is the same ``.sqlite`` file a SQLite store's backup is, so ``restore`` reads it
back into either backend). SQL names come from :mod:`analytics.storage.schema` only.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from analytics.storage.connection import AnyDb, Db, db_file, resolve_data_dir
from analytics.storage.errors import StoreError
from analytics.storage.pg import PgDb, is_database_url
from analytics.storage.schema import (AUDIT_COLS, CONTENT_TABLES, IMPORTS_COLS, SCHEMA_VERSION, SPECS, migrate, table_cols,
                                      table_key)

__all__ = ["TABLES", "CopyReport", "checksums", "copy_store", "open_db", "read_all", "sqlite_bytes", "write_all"]

#: (table, columns, order when copying) in the order rows are written (parents first).
TABLES: list[tuple[str, tuple[str, ...], str]] = [
    ("schema_version", ("version", "name", "applied_at"), "version"),
    ("meta", ("key", "value"), "key"),
    ("imports", IMPORTS_COLS, "at, rowid"),  # insertion order kept (the batch list's tie-break)
    *[(name, table_cols(SPECS[name]), ", ".join(table_key(SPECS[name]))) for name in CONTENT_TABLES],
    ("audit", AUDIT_COLS, "id"),
]
Rows = dict[str, list[tuple[Any, ...]]]


@dataclass
class CopyReport:
    """What was copied: per table (rows, checksum) on each side, and whether they agree."""

    source: dict[str, tuple[int, str]] = field(default_factory=dict)
    target: dict[str, tuple[int, str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.source == self.target

    def as_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "tables": {t: {"rows": n, "sha256": h, "target_rows": self.target.get(t, (0, ""))[0],
                                              "same": self.target.get(t) == (n, h)}
                                          for t, (n, h) in self.source.items()}}


def open_db(where: str | os.PathLike[str], create: bool) -> AnyDb:
    """A store's low-level database at a folder, ``.sqlite`` file or URL, migrated to this
    app's schema (nothing is seeded: an empty target stays empty)."""
    if is_database_url(where):
        from analytics.storage.connection import pg_workdir

        db: AnyDb = PgDb(str(where), pg_workdir(str(where)))
    else:
        file = db_file(resolve_data_dir(where))
        if not create and not file.exists():
            raise FileNotFoundError(f"no data store in {where} (no {file.name}) / 目录 {where} 中没有数据库（{file.name}）")
        file.parent.mkdir(parents=True, exist_ok=True)
        db = Db(file)
    db.dir.mkdir(parents=True, exist_ok=True)
    db.prepare()
    con = db.connect()
    try:
        migrate(con, db.now())
    finally:
        con.close()
    return db


def read_all(con: Any) -> Rows:
    """Every known table's rows in copy order (run inside one read snapshot)."""
    return {t: [tuple(r) for r in con.execute(f"SELECT {', '.join(cols)} FROM {t} ORDER BY {order}").fetchall()]
            for t, cols, order in TABLES}


def _canon(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"b": bytes(value).hex()}
    return value


def checksums(rows: Rows) -> dict[str, tuple[int, str]]:
    """Per table: (row count, sha256 of the rows in copy order, values canonical JSON)."""
    out = {}
    for t, _cols, _order in TABLES:
        h = hashlib.sha256()
        for r in rows[t]:
            h.update(json.dumps([_canon(v) for v in r], ensure_ascii=False, allow_nan=True).encode())
            h.update(b"\n")
        out[t] = (len(rows[t]), h.hexdigest())
    return out


def _has_data(con: Any) -> bool:
    return bool(con.execute("SELECT EXISTS (SELECT 1 FROM imports) OR EXISTS (SELECT 1 FROM audit) OR "
                            "EXISTS (SELECT 1 FROM actuals) OR EXISTS (SELECT 1 FROM spending) OR "
                            "EXISTS (SELECT 1 FROM scenarios) OR EXISTS (SELECT 1 FROM settings) OR "
                            "EXISTS (SELECT 1 FROM projects)").fetchone()[0])


def write_all(con: Any, rows: Rows, backend: str, replace: bool) -> None:
    """Make the database's tables equal to ``rows`` in one write transaction. A target that
    already holds data is refused unless ``replace``."""
    con.execute("BEGIN IMMEDIATE")
    try:
        if _has_data(con):
            if not replace:
                raise StoreError(code="target_not_empty", params={})
            _past_versions(con, rows)
        for t, _cols, _order in reversed(TABLES):  # children first (batch ids are referenced)
            con.execute(f"DELETE FROM {t}")
        for t, cols, _order in TABLES:
            if rows[t]:
                con.executemany(f"INSERT INTO {t} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})", rows[t])
        if backend == "postgresql":  # the next audit id follows the copied ones
            con.execute("SELECT setval(pg_get_serial_sequence('audit', 'id'), GREATEST(COALESCE(MAX(id), 0), 1), "
                        "COALESCE(MAX(id), 0) > 0) FROM audit")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


_VERSION_KEYS = ("version", "data_version")


def _past_versions(con: Any, rows: Rows) -> None:
    """A store replaced while app servers may be running: ``rows``' version counters set past the
    replaced store's, so every server's caches (keyed by the data version) see new data — the
    copied counters could equal a version a server had cached and keep showing the old figures."""
    old = [int(v) for k, v in con.execute("SELECT key, value FROM meta").fetchall() if k in _VERSION_KEYS and str(v).isdigit()]
    new = [int(v) for k, v in rows["meta"] if k in _VERSION_KEYS and str(v).isdigit()]
    after = max([*old, *new, 0]) + 1
    rows["meta"] = [(k, str(after)) if k in _VERSION_KEYS else (k, v) for k, v in rows["meta"]]


def copy_store(source: str | os.PathLike[str], target: str | os.PathLike[str], replace: bool = False,
               progress: Callable[[str], None] | None = None) -> CopyReport:
    """Copy everything from one store to another (either backend) and compare counts and
    checksums of every table read back from the target."""
    src = open_db(source, create=False)
    dst = open_db(target, create=True)
    try:
        with src.read() as con:
            rows = read_all(con)
        if progress:
            progress(f"read {sum(len(v) for v in rows.values())} rows")
        _check_schema(rows)
        con = dst.connect()
        try:
            write_all(con, rows, dst.backend, replace)
        finally:
            con.close()
        with dst.read() as con:
            back = read_all(con)
        return CopyReport(checksums(rows), checksums(back))
    finally:
        src.close()
        dst.close()


def _check_schema(rows: Rows) -> None:
    versions = [int(r[0]) for r in rows["schema_version"]]
    if not versions or max(versions) != SCHEMA_VERSION:
        raise StoreError(code="schema_newer", params={"version": max(versions or [0]), "supported": SCHEMA_VERSION})


def sqlite_bytes(db: AnyDb, now: str) -> bytes:
    """The whole store as the bytes of a ``.sqlite`` file (the logical dump of a PostgreSQL
    store; the same format as a SQLite store's backup)."""
    mem = sqlite3.connect(":memory:", isolation_level=None)
    try:
        mem.execute("PRAGMA foreign_keys = ON")
        migrate(mem, now)
        with db.read() as con:
            rows = read_all(con)
        write_all(mem, rows, "sqlite", replace=True)
        return bytes(mem.serialize())
    finally:
        mem.close()


def store_path_label(where: str | os.PathLike[str]) -> str:
    """How a store is named in output (a URL without its password)."""
    from analytics.storage.pg import redact

    return redact(str(where)) if is_database_url(where) else str(Path(where))
