"""Many projects in one store. Every project-scoped row (actuals, spending, target files,
scenarios, causes and measures, batches, audit rows) carries a ``project`` id; the store's
first table is the default project :data:`~analytics.storage.schema.DEFAULT_PROJECT`
(``dongguan``), so stores and backups from before projects keep working unchanged.

A project added later (``new-project FILE --store DIR``, the 新建项目 page) keeps its target
files in the store (``target_files`` rows of its id) and has a row in ``projects`` (id, name,
``active`` | ``archived``). Adding and archiving are audited batches, so both can be undone.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from analytics.ingest.targets import load_project
from analytics.storage.connection import AnyDb
from analytics.storage.errors import ImportSummary, StoreError
from analytics.storage.rows import sha
from analytics.storage.schema import DEFAULT_PROJECT, SPECS, project_id_ok
from analytics.storage.targets import materialise
from analytics.storage.transactions import Rollback, write

__all__ = ["ProjectInfo", "add_project", "check_project_id", "list_projects", "project_status", "set_status"]

STATUSES = ("active", "archived")


@dataclass(frozen=True)
class ProjectInfo:
    """A project of the store: id, name, ``active`` | ``archived``, last change."""

    id: str
    name: str
    status: str
    updated_at: str
    updated_by: str

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name, "status": self.status, "updated_at": self.updated_at,
                "updated_by": self.updated_by}


def check_project_id(pid: object) -> str:
    """``pid`` when it is a valid project id, else :class:`StoreError` ``bad_project_id``."""
    if not project_id_ok(pid):
        raise StoreError(code="bad_project_id", params={"project": str(pid)[:80]})
    return str(pid)


def list_projects(db: AnyDb, default_name: str = "", archived: bool = True) -> list[ProjectInfo]:
    """The default project first, then every added project by id (``archived=False``: active ones only)."""
    with db.read() as con:
        rows = con.execute("SELECT id, name, status, updated_at, updated_by FROM projects ORDER BY id").fetchall()
    out = [ProjectInfo(DEFAULT_PROJECT, default_name, "active", "", "")]
    out += [ProjectInfo(*(str(v) for v in r)) for r in rows]
    return [p for p in out if archived or p.status == "active"]


def project_status(db: AnyDb, pid: str) -> str | None:
    """``active``, ``archived`` or ``None`` (no such project)."""
    if pid == DEFAULT_PROJECT:
        return "active"
    with db.read() as con:
        r = con.execute("SELECT status FROM projects WHERE id = ?", (pid,)).fetchone()
    return None if r is None else str(r[0])


def add_project(db: AnyDb, pid: str, name: str, files: dict[str, bytes], who: str, filename: str = "") -> ImportSummary:
    """Add project ``pid`` with its target files (checked by loading them first) as one
    audited batch of kind ``project``. Refused when the id is taken (also by an archived one)."""
    check_project_id(pid)
    with tempfile.TemporaryDirectory(prefix="pt-project-") as tmp:
        load_project(materialise(files, Path(tmp)))  # TargetFileError when the files do not load
    if pid == DEFAULT_PROJECT:
        raise StoreError(code="project_exists", params={"project": pid})
    with write(db, who, pid) as tx:
        if tx.get(SPECS["projects"], (pid,)) is not None:
            raise StoreError(code="project_exists", params={"project": pid})
        batch = tx.new_batch("project", filename or name)
        tx.apply(SPECS["projects"], [((pid,), None, {"id": pid, "name": name, "status": "active"})], "project")
        tx.apply(SPECS["target_files"], [((n,), None, {"name": n, "content": c, "sha256": sha(c)})
                                         for n, c in sorted(files.items())], "project")
        tx.set_counts(batch, 1 + len(files), 0, 0, 0)
    return ImportSummary(1 + len(files), 0, 0, batch, 0, "project", 1 + len(files))


def set_status(db: AnyDb, pid: str, status: str, who: str) -> ImportSummary:
    """Archive (``archived``) or bring back (``active``) an added project: one audited batch of
    kind ``archive`` (undo brings the previous status back). The default project stays active."""
    if status not in STATUSES:
        raise ValueError(status)
    if pid == DEFAULT_PROJECT:
        raise StoreError(code="default_project", params={"project": pid})
    batch: str | None = None
    with write(db, who, pid) as tx:
        old = tx.get(SPECS["projects"], (pid,))
        if old is None:
            raise StoreError(code="unknown_project", params={"project": pid})
        if old["status"] == status:
            raise Rollback
        batch = tx.new_batch("archive", status)
        tx.apply(SPECS["projects"], [((pid,), old, {**old, "status": status})], "archive")
        tx.set_counts(batch, 0, 1, 0, 0)
    return ImportSummary(0, int(batch is not None), 0, batch, 0, "archive", 1)
