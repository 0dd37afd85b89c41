"""Transactions: every write runs in one ``BEGIN IMMEDIATE`` transaction (all or nothing,
writers serialised, readers see a consistent snapshot in WAL mode). A :class:`Tx` gives the
new version number (one store-wide counter: ``meta.version``, bumped once per committed
write; ``meta.data_version`` too when the dataset's tables change), the clock reading, new
batches and audited row writes."""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from typing import Any, Iterator, Sequence

from analytics.storage.connection import AnyDb
from analytics.storage.pg import PgCon
from analytics.storage.rows import key_dict, key_of, row_json, to_json
from analytics.storage.schema import DEFAULT_PROJECT, Spec, table_key

__all__ = ["Op", "Rollback", "Tx", "write"]

#: One row operation: (key, old row or None, new row or None = delete).
Op = tuple[tuple[Any, ...], "dict[str, Any] | None", "dict[str, Any] | None"]


class Rollback(Exception):
    """Raised inside ``with write(db, who)``: roll back, write nothing, carry on after the block."""


class Tx:
    """One write transaction: the new version number, the clock reading, the audit trail."""

    def __init__(self, con: "sqlite3.Connection | PgCon", who: str, now: str, project: str = DEFAULT_PROJECT) -> None:
        self.con = con
        #: the project whose rows :meth:`get`, :meth:`all` and :meth:`apply` read and write
        self.project = project
        self.who = who
        self.now = now
        cur = int(con.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()[0])
        self.version = cur + 1
        self.data_touched = False
        self.touched = False
        self.batch_id: str | None = None

    def bump(self, data: bool) -> None:
        if not self.touched:
            self.con.execute("UPDATE meta SET value = ? WHERE key = 'version'", (str(self.version),))
            self.touched = True
        if data and not self.data_touched:
            self.con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('data_version', ?)", (str(self.version),))
            self.data_touched = True

    def new_batch(self, kind: str, filename: str = "", undo_of: str | None = None) -> str:
        batch = uuid.uuid4().hex
        self.con.execute(
            "INSERT INTO imports (batch_id, kind, filename, at, who, undo_of, project) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (batch, kind, filename, self.now, self.who, undo_of, self.project),
        )
        self.batch_id = batch
        self.bump(False)
        return batch

    def set_counts(self, batch: str, added: int, changed: int, unchanged: int, removed: int) -> None:
        self.con.execute("UPDATE imports SET added = ?, changed = ?, unchanged = ?, removed = ? WHERE batch_id = ?",
                         (added, changed, unchanged, removed, batch))

    # -- generic rows
    def _scope(self, spec: Spec) -> tuple[str, tuple[Any, ...]]:
        """(condition, parameters) that keep a project's table to this transaction's project."""
        return ("project = ?", (self.project,)) if spec.scoped else ("", ())

    def get(self, spec: Spec, key: Sequence[Any]) -> dict[str, Any] | None:
        where = " AND ".join(f"{k} = ?" for k in table_key(spec))
        cur = self.con.execute(f"SELECT {', '.join(spec.cols)} FROM {spec.name} WHERE {where}",
                               self._scope(spec)[1] + tuple(key))
        r = cur.fetchone()
        return None if r is None else dict(zip(spec.cols, r))

    def all(self, spec: Spec, where: str = "", params: Sequence[Any] = ()) -> dict[tuple[Any, ...], dict[str, Any]]:
        scope, scope_params = self._scope(spec)
        conds = " AND ".join(c for c in (scope, f"({where})" if where else "") if c)
        sql = f"SELECT {', '.join(spec.cols)} FROM {spec.name}" + (f" WHERE {conds}" if conds else "")
        out = {}
        for r in self.con.execute(sql, scope_params + tuple(params)):
            row = dict(zip(spec.cols, r))
            out[key_of(spec, row)] = row
        return out

    def apply(self, spec: Spec, ops: Sequence[tuple[tuple[Any, ...], dict[str, Any] | None, dict[str, Any] | None]],
              source: str, *, keep_stamp: bool = False) -> None:
        """Write ``(key, old, new)`` operations (``new`` None = delete) with their audit rows.

        New rows get this transaction's version; ``updated_at/by`` are set to now/who unless
        ``keep_stamp`` (undo and restore put back the row as it was)."""
        if not ops:
            return
        self.bump(spec.data)
        upserts, deletes, audits = [], [], []
        for key, old, new in ops:
            if new is None:
                deletes.append(self._scope(spec)[1] + tuple(key))
                new_json = None
            else:
                new = dict(new)
                new["version"] = self.version
                if not keep_stamp or not new.get("updated_at"):
                    new["updated_at"] = self.now
                    new["updated_by"] = self.who
                if spec.name == "scenarios" and not new.get("created_at"):
                    new["created_at"], new["created_by"] = self.now, self.who
                upserts.append(self._scope(spec)[1] + tuple(new.get(c) for c in spec.cols))
                new_json = row_json(spec, new)
            kd = key_dict(spec, key)
            audits.append((self.now, self.who, spec.name, to_json(kd), kd.get("indicator_id") if spec.name == "actuals" else None,
                           row_json(spec, old), new_json, source, self.batch_id, self.project))
        keys = table_key(spec)
        if deletes:
            where = " AND ".join(f"{k} = ?" for k in keys)
            self.con.executemany(f"DELETE FROM {spec.name} WHERE {where}", deletes)
        if upserts:
            stored = (("project",) if spec.scoped else ()) + spec.cols
            marks = ", ".join("?" for _ in stored)
            updates = ", ".join(f"{c} = excluded.{c}" for c in spec.cols if c not in spec.key)
            self.con.executemany(
                f"INSERT INTO {spec.name} ({', '.join(stored)}) VALUES ({marks}) ON CONFLICT ({', '.join(keys)}) "
                f"DO UPDATE SET {updates}",
                upserts,
            )
        self.con.executemany(
            "INSERT INTO audit (at, who, tbl, key, indicator_id, old, new, source, batch_id, project) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            audits,
        )


@contextlib.contextmanager
def write(db: AnyDb, who: str, project: str = DEFAULT_PROJECT) -> Iterator[Tx]:
    """One write transaction on ``db`` for ``project``'s rows; :class:`Rollback` inside ends it
    writing nothing."""
    con = db.connect()
    try:
        con.execute("BEGIN IMMEDIATE")
        try:
            tx = Tx(con, who, db.now(), project)
            yield tx
        except Rollback:  # a deliberate "write nothing" (dry run, no-op, lost race)
            con.execute("ROLLBACK")
            return
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
    finally:
        con.close()
