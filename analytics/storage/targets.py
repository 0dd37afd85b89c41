"""The target table a store computes with: the files it was seeded from (the shipped folder,
or a path given by ``$PT_TARGETS`` on this server), kept in sync with a copy inside the store
(``target_files``) so a backup is complete; when the files are gone — or a restore brought a
table of its own — the copy is used.

A file name in ``target_files`` is a plain name (:func:`check_target_name`); a path is never
taken from a backup (``meta.targets_ref`` is written by seeding only, and a restore that
brings another table switches the store to its own copy, :data:`IN_STORE`).
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analytics.ingest.targets import DEFAULT_PROJECT_DIR, load_project
from analytics.storage.connection import IN_STORE, SHIPPED, TARGET_FILE_MAX_BYTES, AnyDb, file_signature
from analytics.storage.errors import StoreError
from analytics.storage.rows import sha
from analytics.storage.schema import DEFAULT_PROJECT, SPECS
from analytics.storage.transactions import Tx, write

if TYPE_CHECKING:  # pragma: no cover
    from analytics.core.model import Project

__all__ = ["check_target_name", "project", "snapshot_files", "sync_targets", "target_name_ok", "targets_path",
           "targets_ref"]

_PROJECT_CACHE: dict[tuple[str, str], Any] = {}


def target_name_ok(name: Any) -> bool:
    """A plain file name: text, 1–255 characters, not ``.``/``..`` nor hidden, no path
    separator, no NUL or other control character."""
    if not isinstance(name, str) or not 0 < len(name) <= 255 or name.strip() != name or name.startswith("."):
        return False
    if any(ch in name for ch in "/\\:") or any(unicodedata.category(ch).startswith("C") for ch in name):
        return False
    return True


def check_target_name(name: Any) -> str:
    """The name when :func:`target_name_ok`, else :class:`StoreError` ``bad_target_name``."""
    if not target_name_ok(name):
        shown = repr(name)[:80] if not isinstance(name, str) else name.replace("\x00", "\\0")[:80]
        raise StoreError(code="bad_target_name", params={"name": shown})
    return str(name)


def snapshot_files(ref: Path) -> dict[str, bytes]:
    """The files of a target folder (not the sample data), or the one target file."""
    out: dict[str, bytes] = {}
    if ref.is_dir():
        for f in sorted(ref.iterdir()):
            if f.is_file() and not f.name.startswith(("sample_", ".")) and f.stat().st_size <= TARGET_FILE_MAX_BYTES:
                out[f.name] = f.read_bytes()
    elif ref.is_file():
        out[ref.name] = ref.read_bytes()
    return out


def load_project_cached(path: Path, signature: str) -> "Project":
    key = (str(path), signature)
    project = _PROJECT_CACHE.get(key)
    if project is None:
        project = load_project(path)
        if len(_PROJECT_CACHE) > 16:
            _PROJECT_CACHE.clear()
        _PROJECT_CACHE[key] = project
    return project


def targets_ref(db: AnyDb) -> str:
    return db.meta("targets_ref") or SHIPPED


def targets_path(db: AnyDb) -> Path | None:
    """The files the store refers to, when they exist (``None``: use the copy in the store)."""
    ref = targets_ref(db)
    if ref == SHIPPED:
        return DEFAULT_PROJECT_DIR
    if ref == IN_STORE:
        return None
    p = Path(ref)
    return p if p.exists() else None


def write_snapshot(tx: Tx, files: dict[str, bytes], source: str = "targets") -> None:
    """Put a fresh set of target files into ``target_files`` (audited)."""
    tx.apply(SPECS["target_files"], [((n,), None, {"name": n, "content": c, "sha256": sha(c)}) for n, c in files.items()],
             source)


def sync_targets(db: AnyDb, who: str = "system") -> bool:
    """When the target files the store refers to changed on disk, refresh the copy kept in the
    store (audited). Cheap when nothing changed (a few ``stat`` calls). → changed?"""
    path = targets_path(db)
    if path is None:
        return False
    sig = repr(file_signature(path))
    if sig == db.meta("targets_sig"):
        return False
    files = snapshot_files(path)
    spec = SPECS["target_files"]
    changed = False
    with write(db, who) as tx:
        current = tx.all(spec)
        ops: list[Any] = []
        for name, content in files.items():
            old = current.get((name,))
            if old is None or old["sha256"] != sha(content):
                ops.append(((name,), old, {"name": name, "content": content, "sha256": sha(content)}))
        ops.extend((key, old, None) for key, old in current.items() if key[0] not in files)
        if ops:
            tx.new_batch("targets", str(path))
            tx.apply(spec, ops, "targets")
            tx.set_counts(tx.batch_id or "", sum(1 for _, o, _n in ops if o is None),
                          sum(1 for _, o, n in ops if o is not None and n is not None), 0,
                          sum(1 for _, _o, n in ops if n is None))
            changed = True
        tx.con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('targets_sig', ?)", (sig,))
    return changed


def materialise(files: dict[str, bytes], folder: Path) -> Path:
    """Write target files into ``folder`` (names checked) → what :func:`load_project` reads."""
    for n, c in files.items():
        (folder / check_target_name(n)).write_bytes(c)
    return folder if len(files) > 1 or "indicators.csv" in files else folder / next(iter(files))


def project(db: AnyDb, pid: str = DEFAULT_PROJECT) -> "Project":
    """The target table of project ``pid``: for the default project from the referenced files
    when they exist (so the project folder stays the source of truth), else — and for every
    other project — from the copy kept in the store."""
    path = targets_path(db) if pid == DEFAULT_PROJECT else None
    if path is not None:
        return load_project_cached(path, repr(file_signature(path)))
    with db.read() as con:
        files = {str(n): bytes(c) for n, c in con.execute(
            "SELECT name, content FROM target_files WHERE project = ? ORDER BY name", (pid,))}
    if not files:
        raise StoreError(code="no_targets")
    digest = sha(b"".join(sha(c).encode() + n.encode() for n, c in sorted(files.items())))[:16]
    folder = db.dir / "targets" / digest
    if not folder.exists():
        tmp = Path(tempfile.mkdtemp(dir=db.dir, prefix=".targets-"))
        materialise(files, tmp)
        folder.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.replace(tmp, folder)
        except OSError:  # another process got there first
            pass
    target = folder if len(files) > 1 or "indicators.csv" in files else folder / next(iter(files))
    return load_project_cached(target, digest)
