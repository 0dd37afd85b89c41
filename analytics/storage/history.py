"""Audit and undo: every changed row has an audit row (when, who, table, key, old and new row
as JSON, source, batch); every batch can be undone — put back exactly as it was — unless a
row was changed again afterwards (:class:`UndoConflictError`). An undo is a batch itself, so
undoing it redoes the original."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Callable, Sequence

from analytics.storage.connection import AnyDb
from analytics.storage.errors import AuditEntry, BatchInfo, Conflict, ImportSummary, StoreError, UndoConflictError
from analytics.storage.rows import cell_label, row_from_json
from analytics.storage.schema import CONTENT_TABLES, DEFAULT_PROJECT, SPECS, Spec
from analytics.storage.transactions import Tx, write

if TYPE_CHECKING:  # pragma: no cover
    from analytics.core.model import Project

__all__ = ["audit", "batches", "history", "undo_import"]

_AUDIT_SELECT = "SELECT id, at, who, tbl, key, old, new, source, batch_id, indicator_id FROM audit"


def audit_entry(r: Sequence[Any]) -> AuditEntry:
    spec = SPECS.get(str(r[3]))
    old = row_from_json(spec, r[5]) if spec else (json.loads(r[5]) if r[5] else None)
    new = row_from_json(spec, r[6]) if spec else (json.loads(r[6]) if r[6] else None)
    return AuditEntry(int(r[0]), str(r[1]), str(r[2]), str(r[3]), json.loads(r[4]), old, new, str(r[7]), r[8], r[9])


def history(db: AnyDb, indicator_id: str, pid: str = DEFAULT_PROJECT) -> list[AuditEntry]:
    """Every change to one indicator's actuals (of project ``pid``), newest first."""
    with db.read() as con:
        rows = con.execute(_AUDIT_SELECT + " WHERE project = ? AND indicator_id = ? ORDER BY id DESC",
                           (pid, indicator_id)).fetchall()
    return [audit_entry(r) for r in rows]


def audit(db: AnyDb, table: str | None = None, limit: int | None = None, batch_id: str | None = None,
          pid: str = DEFAULT_PROJECT) -> list[AuditEntry]:
    where, params = ["project = ?"], [pid]
    if table:
        where.append("tbl = ?")
        params.append(table)
    if batch_id:
        where.append("batch_id = ?")
        params.append(batch_id)
    sql = _AUDIT_SELECT + " WHERE " + " AND ".join(where) + " ORDER BY id DESC" + (
        f" LIMIT {int(limit)}" if limit else "")
    with db.read() as con:
        rows = con.execute(sql, params).fetchall()
    return [audit_entry(r) for r in rows]


def batches(db: AnyDb, kinds: Sequence[str] | None = None, limit: int | None = None,
            pid: str = DEFAULT_PROJECT) -> list[BatchInfo]:
    """Batches of changes of project ``pid``, newest first."""
    sql = ("SELECT batch_id, kind, filename, at, who, added, changed, unchanged, removed, undone_at, undone_by, undo_of "
           "FROM imports WHERE project = ?")
    params: list[Any] = [pid]
    if kinds:
        sql += f" AND kind IN ({', '.join('?' for _ in kinds)})"
        params.extend(kinds)
    sql += " ORDER BY at DESC, rowid DESC" + (f" LIMIT {int(limit)}" if limit else "")
    with db.read() as con:
        rows = con.execute(sql, params).fetchall()
    return [BatchInfo(*r) for r in rows]


def _conflict(project: "Project", tbl: str, key: tuple[Any, ...], old: Any, new: Any, cur: Any) -> Conflict:
    ck = (tbl, *key)
    zh, en = cell_label(project, ck) if tbl in ("actuals", "spending") else (f"{tbl} {key}", f"{tbl} {key}")
    vc = {"actuals": "value", "spending": "amount"}.get(tbl)
    return Conflict(ck, zh, en, int(new["version"]) if new else 0, int(cur["version"]) if cur else 0,
                    None if old is None or vc is None else old.get(vc), None if cur is None or vc is None else cur.get(vc),
                    cur.get("updated_by") if cur else None, cur.get("updated_at") if cur else None)


def _undo_plan(tx: Tx, batch_id: str, project: Callable[[], "Project"]
               ) -> list[tuple[str, Spec, tuple[Any, ...], Any, Any]]:
    """(project, spec, key, current row, row to put back) for every row the batch changed,
    newest change first; :class:`UndoConflictError` when one changed again after the batch."""
    entries = tx.con.execute("SELECT tbl, key, old, new, project FROM audit WHERE batch_id = ? ORDER BY id DESC",
                             (batch_id,)).fetchall()
    conflicts: list[Conflict] = []
    plan: list[tuple[str, Spec, tuple[Any, ...], Any, Any]] = []
    seen: set[tuple[str, str, tuple[Any, ...]]] = set()
    for tbl, key_json, old_json, new_json, pid in entries:
        spec = SPECS.get(tbl)
        if spec is None:
            continue
        kd = json.loads(key_json)
        key = tuple(kd[k] for k in spec.key)
        if (pid, tbl, key) in seen:
            continue
        seen.add((pid, tbl, key))
        old, new = row_from_json(spec, old_json), row_from_json(spec, new_json)
        tx.project = str(pid)
        cur = tx.get(spec, key)
        same = (cur is None and new is None) or (
            cur is not None and new is not None and all(cur[c] == new[c] for c in spec.cols if c != "version"))
        if not same:  # changed again after the batch (an undo of that later change makes it equal again)
            conflicts.append(_conflict(project(), tbl, key, old, new, cur))
            continue
        plan.append((str(pid), spec, key, cur, old))
    if conflicts:
        raise UndoConflictError(conflicts)
    return plan


def undo_import(db: AnyDb, batch_id: str, who: str, project: Callable[[], "Project"]) -> ImportSummary:
    """Put back every row a batch changed, exactly as it was before (undoable itself).

    Refused (:class:`UndoConflictError`, nothing written) when a row was changed again
    after the batch; refused when the batch was already undone."""
    with write(db, who) as tx:
        b = tx.con.execute("SELECT kind, filename, undone_at, undo_of, project FROM imports WHERE batch_id = ?",
                           (batch_id,)).fetchone()
        if b is None:
            raise StoreError(code="no_batch", params={"batch": batch_id})
        kind, filename, undone_at, undo_of, batch_project = b
        if undone_at is not None:
            raise StoreError(code="already_undone")
        plan = _undo_plan(tx, batch_id, project)
        tx.project = str(batch_project)
        new_batch = tx.new_batch("undo", filename, undo_of=batch_id)
        by_table: dict[tuple[str, str], list[Any]] = {}
        for pid, spec, key, cur, old in plan:
            by_table.setdefault((spec.name, pid), []).append((key, cur, old))
        added = changed = removed = 0
        for name in CONTENT_TABLES:
            for pid in sorted({p for t, p in by_table if t == name}):
                ops = by_table[(name, pid)]
                tx.project = pid
                tx.apply(SPECS[name], ops, "undo", keep_stamp=True)
                added += sum(1 for _, c, o in ops if c is None and o is not None)
                removed += sum(1 for _, c, o in ops if o is None and c is not None)
                changed += sum(1 for _, c, o in ops if o is not None and c is not None)
        tx.project = str(batch_project)
        tx.set_counts(new_batch, added, changed, 0, removed)
        tx.con.execute("UPDATE imports SET undone_at = ?, undone_by = ? WHERE batch_id = ?", (tx.now, who, batch_id))
        if kind == "undo" and undo_of:  # undoing an undo = redo: the original counts as applied again
            tx.con.execute("UPDATE imports SET undone_at = NULL, undone_by = NULL WHERE batch_id = ?", (undo_of,))
        tx.bump(False)
    return ImportSummary(added, changed, 0, new_batch, removed, "undo", len(plan))
