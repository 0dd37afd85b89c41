"""The embedded data store: one SQLite file (stdlib ``sqlite3``) that keeps everything the
app lets people enter, import and change — and every change made to it.

Where: ``<data dir>/tracker.sqlite``. The data dir is the argument, else the environment
variable ``PT_DATA_DIR``, else ``var/`` in the project folder (git-ignored). The page layer
may read a ``data_dir`` secret and pass it in; this module reads only its arguments and the
environment. No Streamlit import.

What it holds (schema version :data:`SCHEMA_VERSION`, ordered :data:`MIGRATIONS`):

* ``actuals`` — monthly actuals, one row per (indicator, year, month, basis), in the shape
  the validator produces (:mod:`analytics.ingest.validate`), plus ``origin`` (how the row came in:
  ``sample`` | ``import`` | ``grid`` | ``restore``), ``batch_id``, ``version``,
  ``updated_at``, ``updated_by``.
* ``spending`` — monthly spending (万元) per (year, month, funding source).
* ``scenarios`` — named budget scenarios (JSON documents of :mod:`analytics.budget.scenario`).
* ``actions`` — deviation causes (经费保障/制度保障/人员保障/硬件条件保障/其他) and corrective
  measures per (year, goal, indicator).
* ``settings`` — small key/value settings (e.g. ``presentation_mode``).
* ``target_files`` — a copy of the target files the store was seeded with (so a backup is
  complete); ``meta`` — the schema marker, version counters and the targets reference.
* ``audit`` — one row per changed row: when, who, table, key, old and new row (JSON), the
  source (``grid``, a file name, ``restore``, ``undo``, …) and the batch.
* ``imports`` — one row per batch of changes (an import, a grid save, a restore, an undo,
  the seeding, …) with its counts and whether it was undone.

Rules: every write runs in one ``BEGIN IMMEDIATE`` transaction (all or nothing, writers are
serialised, readers see a consistent snapshot in WAL mode); every written row gets a new
``version`` from one store-wide counter (:meth:`Store.version` changes on every write — a
cache key), so a grid edit made against an older version is refused
(:class:`StaleEditError`) instead of overwriting someone else's change; every change is
audited and every batch can be undone (:meth:`Store.undo_import`), including a restore.

示例数据: rows seeded from the shipped sample files carry ``origin = 'sample'``;
:attr:`Dataset.is_sample` is true while **any** actuals or spending row still has that
origin. Importing your own rows for the same months replaces them (origin becomes
``import``); ``replace_sample=True`` on import, or :meth:`Store.clear_sample`, removes the
rest (both undoable).
"""

from __future__ import annotations

import base64
import contextlib
import datetime as _dt
import hashlib
import io
import json
import math
import os
import sqlite3
import tempfile
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, Sequence

import pandas as pd

from analytics.core.paths import ROOT
from analytics.ingest.targets import DEFAULT_PROJECT_DIR, TargetFileError, load_project

if TYPE_CHECKING:  # pragma: no cover
    from analytics.storage.dataset import Dataset
    from analytics.ingest.validate import IngestResult
    from analytics.core.model import Project

__all__ = [
    "APP_ID",
    "CAUSE_CATEGORIES",
    "DB_NAME",
    "DEFAULT_DATA_DIR",
    "ENV_DATA_DIR",
    "IMPORT_MAX_BYTES",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "AuditEntry",
    "BatchInfo",
    "Conflict",
    "ImportRejected",
    "ImportSummary",
    "RestoreError",
    "RestoreProblem",
    "RestoreSummary",
    "ScenarioInfo",
    "SeedSpec",
    "StaleEditError",
    "Store",
    "StoreError",
    "UndoConflictError",
    "actual_key",
    "open_store",
    "resolve_data_dir",
    "spending_key",
    "store_exists",
    "store_location",
    "StoreLocation",
]

DEFAULT_DATA_DIR = ROOT / "var"
DB_NAME = "tracker.sqlite"
APP_ID = "pt-tracker"
ENV_DATA_DIR = "PT_DATA_DIR"
ENV_FILES = ("PT_TARGETS", "PT_ACTUALS", "PT_BUDGET")
#: Largest data file accepted by the data page and ``python -m analytics import``; the same
#: number as ``server.maxUploadSize`` (MB) in ``.streamlit/config.toml``.
IMPORT_MAX_BYTES = 20 * 1024 * 1024
BACKUP_MAX_BYTES = 512 * 1024 * 1024
TARGET_FILE_MAX_BYTES = 8 * 1024 * 1024
SAMPLE_ORIGIN = "sample"
SHIPPED = "shipped"

#: Deviation-cause categories of the self-evaluation forms: key → (中文, English).
CAUSE_CATEGORIES: dict[str, tuple[str, str]] = {
    "funding": ("经费保障", "Funding"),
    "institution": ("制度保障", "Rules and institutions"),
    "staff": ("人员保障", "Staffing"),
    "hardware": ("硬件条件保障", "Facilities and equipment"),
    "other": ("其他", "Other"),
}

BATCH_KINDS = ("seed", "import", "grid", "restore", "undo", "clear_sample", "scenario", "action", "setting", "targets")

# ---------------------------------------------------------------------------- schema
#: Ordered migrations: (version, name, SQL). A store at version v runs every later one, each
#: in its own transaction, and records it in ``schema_version``. Never edit a released step;
#: append a new one.
MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "actuals, spending, audit, imports",
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        CREATE TABLE imports (
            batch_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            filename TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            added INTEGER NOT NULL DEFAULT 0,
            changed INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            removed INTEGER NOT NULL DEFAULT 0,
            undone_at TEXT,
            undone_by TEXT,
            undo_of TEXT
        ) STRICT;
        CREATE TABLE target_files (
            name TEXT PRIMARY KEY,
            content BLOB NOT NULL,
            sha256 TEXT NOT NULL,
            version INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL
        ) STRICT;
        CREATE TABLE actuals (
            indicator_id TEXT NOT NULL,
            year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
            month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
            first_month INTEGER NOT NULL,
            value REAL NOT NULL,
            basis TEXT NOT NULL CHECK (basis IN ('month', 'ytd', 'level')),
            note TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL,
            batch_id TEXT REFERENCES imports(batch_id),
            version INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            PRIMARY KEY (indicator_id, year, month, basis),
            CHECK (first_month BETWEEN 1 AND month)
        ) STRICT;
        CREATE TABLE spending (
            year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
            month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
            first_month INTEGER NOT NULL,
            source TEXT NOT NULL,
            amount REAL NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL,
            batch_id TEXT REFERENCES imports(batch_id),
            version INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            PRIMARY KEY (year, month, source),
            CHECK (first_month BETWEEN 1 AND month)
        ) STRICT;
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            tbl TEXT NOT NULL,
            key TEXT NOT NULL,
            indicator_id TEXT,
            old TEXT,
            new TEXT,
            source TEXT NOT NULL,
            batch_id TEXT REFERENCES imports(batch_id)
        ) STRICT;
        CREATE INDEX audit_by_indicator ON audit (indicator_id, id);
        CREATE INDEX audit_by_batch ON audit (batch_id, id);
        """,
    ),
    (
        2,
        "scenarios, actions, settings",
        """
        CREATE TABLE scenarios (
            name TEXT PRIMARY KEY,
            json TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            version INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL
        ) STRICT;
        CREATE TABLE actions (
            year INTEGER NOT NULL DEFAULT 0,
            goal INTEGER NOT NULL,
            indicator_id TEXT NOT NULL DEFAULT '',
            cause_category TEXT NOT NULL,
            cause_text TEXT NOT NULL DEFAULT '',
            measure_text TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            PRIMARY KEY (year, goal, indicator_id)
        ) STRICT;
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            version INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL
        ) STRICT;
        """,
    ),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


@dataclass(frozen=True)
class _Spec:
    name: str
    key: tuple[str, ...]
    cols: tuple[str, ...]
    data: bool = False  # part of the Dataset (bumps the data version)


_SPECS: dict[str, _Spec] = {
    "actuals": _Spec(
        "actuals",
        ("indicator_id", "year", "month", "basis"),
        ("indicator_id", "year", "month", "first_month", "value", "basis", "note", "source", "origin", "batch_id",
         "version", "updated_at", "updated_by"),
        True,
    ),
    "spending": _Spec(
        "spending",
        ("year", "month", "source"),
        ("year", "month", "first_month", "source", "amount", "note", "origin", "batch_id", "version", "updated_at",
         "updated_by"),
        True,
    ),
    "target_files": _Spec("target_files", ("name",), ("name", "content", "sha256", "version", "updated_at", "updated_by"),
                          True),
    "scenarios": _Spec("scenarios", ("name",),
                       ("name", "json", "created_at", "created_by", "version", "updated_at", "updated_by")),
    "actions": _Spec("actions", ("year", "goal", "indicator_id"),
                     ("year", "goal", "indicator_id", "cause_category", "cause_text", "measure_text", "version",
                      "updated_at", "updated_by")),
    "settings": _Spec("settings", ("key",), ("key", "value", "version", "updated_at", "updated_by")),
}
#: Tables a backup restores (in this order).
_CONTENT_TABLES = ("target_files", "actuals", "spending", "scenarios", "actions", "settings")

CellKey = tuple[Any, ...]  # ("actuals", indicator_id, year, month, basis) | ("spending", year, month, source)


def actual_key(indicator_id: str, year: int, month: int, basis: str) -> CellKey:
    return ("actuals", str(indicator_id), int(year), int(month), str(basis))


def spending_key(year: int, month: int, source: str) -> CellKey:
    return ("spending", int(year), int(month), str(source))


# ---------------------------------------------------------------------------- results / errors
class StoreError(Exception):
    """Base class of the store's own errors (each has a Chinese and an English message)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


class ImportRejected(StoreError):
    """``apply_import`` was given a result that did not pass validation (or does not fit this
    store's targets). ``result`` is the validator's report when there is one."""

    def __init__(self, zh: str, en: str, result: IngestResult | None = None) -> None:
        super().__init__(zh, en)
        self.result = result


@dataclass(frozen=True)
class Conflict:
    """A cell that changed since it was read: what the user wanted and what is there now."""

    key: CellKey
    label_zh: str
    label_en: str
    expected_version: int
    current_version: int
    mine: Any
    current: Any
    updated_by: str | None
    updated_at: str | None

    def message(self, lang: str = "zh") -> str:
        cur = "（空）" if self.current is None else _fmt_num(self.current)
        mine = "（空）" if self.mine is None else _fmt_num(self.mine)
        who = self.updated_by or "?"
        at = self.updated_at or "?"
        if lang == "en":
            cur = "(blank)" if self.current is None else _fmt_num(self.current)
            mine = "(blank)" if self.mine is None else _fmt_num(self.mine)
            return (f"{self.label_en}: changed by {who} at {at} to {cur} after you opened the table "
                    f"(your value: {mine}).")
        return f"{self.label_zh}：在您打开表格之后已被 {who} 于 {at} 改为 {cur}（您填写的是 {mine}）。"


class StaleEditError(StoreError):
    """Some edited cells changed since the grid was read; nothing was written."""

    def __init__(self, conflicts: Sequence[Conflict]) -> None:
        self.conflicts = list(conflicts)
        zh = "以下单元格在您编辑期间已被他人修改，本次保存未写入任何数据。请重新载入表格后再改：\n" + "\n".join(
            c.message("zh") for c in self.conflicts)
        en = ("These cells were changed by someone else while you were editing; nothing was saved. "
              "Reload the table and edit again:\n" + "\n".join(c.message("en") for c in self.conflicts))
        super().__init__(zh, en)


class UndoConflictError(StaleEditError):
    """An undo would overwrite changes made after the batch; nothing was written."""

    def __init__(self, conflicts: Sequence[Conflict]) -> None:
        super().__init__(conflicts)
        self.zh = "这批更改之后，以下数据又被修改过，撤销会覆盖这些后来的修改，因此未撤销。请先撤销后来的更改：\n" + "\n".join(
            c.message("zh") for c in self.conflicts)
        self.en = ("These rows were changed again after this batch; undoing it would overwrite the later changes, so "
                   "nothing was undone. Undo the later changes first:\n" + "\n".join(c.message("en") for c in self.conflicts))
        self.args = (self.en,)


@dataclass(frozen=True)
class RestoreProblem:
    code: str
    zh: str
    en: str
    table: str | None = None
    key: str | None = None

    def message(self, lang: str = "zh") -> str:
        where_zh = f"（表 {self.table}{'，' + self.key if self.key else ''}）" if self.table else ""
        where_en = f" (table {self.table}{', ' + self.key if self.key else ''})" if self.table else ""
        return f"{self.en}{where_en}" if lang == "en" else f"{self.zh}{where_zh}"


class RestoreError(StoreError):
    """The backup is not usable; nothing was changed."""

    def __init__(self, problems: Sequence[RestoreProblem]) -> None:
        self.problems = list(problems)
        super().__init__(
            "备份文件无法恢复，当前数据未做任何改动：\n" + "\n".join(p.message("zh") for p in self.problems[:20]),
            "The backup cannot be restored; nothing was changed:\n" + "\n".join(p.message("en") for p in self.problems[:20]),
        )


@dataclass(frozen=True)
class RowChange:
    table: str
    key: dict[str, Any]
    change: str  # "added" | "changed" | "unchanged" | "removed"
    old: Any = None
    new: Any = None


@dataclass(frozen=True)
class ImportSummary:
    added: int
    changed: int
    unchanged: int
    batch_id: str | None
    removed: int = 0
    kind: str = "actuals"
    rows: int = 0
    dry_run: bool = False
    changes: tuple[RowChange, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"added": self.added, "changed": self.changed, "unchanged": self.unchanged, "removed": self.removed,
                "batch_id": self.batch_id, "kind": self.kind, "rows": self.rows, "dry_run": self.dry_run}


@dataclass(frozen=True)
class RestoreSummary:
    batch_id: str | None
    added: int
    changed: int
    removed: int
    unchanged: int
    merged_batches: int


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    who: str
    table: str
    key: dict[str, Any]
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    source: str
    batch_id: str | None
    indicator_id: str | None = None

    def field(self, name: str, which: str = "new") -> Any:
        row = self.new if which == "new" else self.old
        return None if row is None else row.get(name)


@dataclass(frozen=True)
class BatchInfo:
    batch_id: str
    kind: str
    filename: str
    at: str
    who: str
    added: int
    changed: int
    unchanged: int
    removed: int
    undone_at: str | None
    undone_by: str | None
    undo_of: str | None

    @property
    def undone(self) -> bool:
        return self.undone_at is not None


@dataclass(frozen=True)
class ScenarioInfo:
    name: str
    created_at: str
    created_by: str
    updated_at: str
    updated_by: str
    version: int


@dataclass(frozen=True)
class SeedSpec:
    """What a fresh store is filled with. ``None`` everywhere = the shipped table and 示例数据."""

    targets: str | None = None
    actuals: str | None = None
    budget: str | None = None


# ---------------------------------------------------------------------------- helpers
def _fmt_num(x: Any) -> str:
    if isinstance(x, float):
        return f"{x:.10g}"
    return str(x)


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _json(obj: Any) -> str:
    return _ENCODER.encode(obj)


def _row_json(spec: _Spec, row: Mapping[str, Any] | None) -> str | None:
    if row is None:
        return None
    out = {c: row.get(c) for c in spec.cols}
    if spec.name == "target_files":
        for c, v in out.items():
            if isinstance(v, (bytes, bytearray, memoryview)):
                out[c] = {"b64": base64.b64encode(bytes(v)).decode("ascii")}
    return _json(out)


def _row_from_json(spec: _Spec, text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    raw = json.loads(text)
    out = {}
    for c in spec.cols:
        v = raw.get(c)
        if isinstance(v, dict) and "b64" in v:
            v = base64.b64decode(v["b64"])
        out[c] = v
    return out


def _key_of(spec: _Spec, row: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(row[k] for k in spec.key)


def _key_dict(spec: _Spec, key: Sequence[Any]) -> dict[str, Any]:
    return dict(zip(spec.key, key))


def resolve_data_dir(data_dir: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None) -> Path:
    """The argument, else ``$PT_DATA_DIR``, else ``var/`` in the project folder."""
    env = os.environ if env is None else env
    if data_dir:
        return Path(data_dir).expanduser()
    if env.get(ENV_DATA_DIR):
        return Path(env[ENV_DATA_DIR]).expanduser()
    return DEFAULT_DATA_DIR


def _db_file(path: str | os.PathLike[str]) -> Path:
    p = Path(path).expanduser()
    if p.suffix.lower() in (".sqlite", ".sqlite3", ".db"):
        return p
    return p / DB_NAME


def store_exists(data_dir: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None) -> bool:
    return _db_file(resolve_data_dir(data_dir, env)).exists()


@dataclass(frozen=True)
class StoreLocation:
    file: Path
    seed: SeedSpec | None  # files to seed a fresh store from (PT_TARGETS/PT_ACTUALS/PT_BUDGET)


def store_location(data_dir: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None) -> StoreLocation:
    """Where :func:`open_store` keeps the store. When ``PT_TARGETS`` / ``PT_ACTUALS`` /
    ``PT_BUDGET`` are set, a fresh store seeded from those files is used instead:
    ``<data dir>/files-<hash>/`` where the hash covers the paths, sizes and modification times
    — pointing at other files (or changing them) starts another store; the earlier one stays
    on disk untouched."""
    env = os.environ if env is None else env
    base = resolve_data_dir(data_dir, env)
    given = {k: env.get(k) or None for k in ENV_FILES}
    if not any(given.values()):
        return StoreLocation(_db_file(base), None)
    sig = hashlib.sha256()
    for k in ENV_FILES:
        p = given[k]
        sig.update(k.encode())
        if p:
            path = Path(p).expanduser().resolve()
            sig.update(str(path).encode())
            sig.update(repr(_file_signature(path)).encode())
    seed = SeedSpec(*(str(Path(given[k]).expanduser().resolve()) if given[k] else None for k in ENV_FILES))
    return StoreLocation(_db_file(base / f"files-{sig.hexdigest()[:12]}"), seed)


def open_store(data_dir: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None) -> "Store":
    """The app's store (see :func:`store_location`), created and seeded on first use."""
    loc = store_location(data_dir, env)
    return Store(loc.file, seed=loc.seed)


def _file_signature(path: Path) -> tuple[Any, ...]:
    if path.is_dir():
        return tuple(sorted((f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in path.iterdir() if f.is_file()))
    if path.exists():
        st = path.stat()
        return (st.st_size, st.st_mtime_ns)
    return ()


def _target_snapshot_files(ref: Path) -> dict[str, bytes]:
    """The files of a target folder (not the sample data), or the one target file."""
    out: dict[str, bytes] = {}
    if ref.is_dir():
        for f in sorted(ref.iterdir()):
            if f.is_file() and not f.name.startswith(("sample_", ".")) and f.stat().st_size <= TARGET_FILE_MAX_BYTES:
                out[f.name] = f.read_bytes()
    elif ref.is_file():
        out[ref.name] = ref.read_bytes()
    return out


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_PROJECT_CACHE: dict[tuple[str, str], Any] = {}


def _load_project_cached(path: Path, signature: str) -> "Project":
    key = (str(path), signature)
    project = _PROJECT_CACHE.get(key)
    if project is None:
        project = load_project(path)
        if len(_PROJECT_CACHE) > 16:
            _PROJECT_CACHE.clear()
        _PROJECT_CACHE[key] = project
    return project


def _period_text(year: int, month: int, first_month: int) -> str:
    if first_month != month:
        return f"{year}年{first_month}-{month}月"
    return f"{year:04d}-{month:02d}"


# ---------------------------------------------------------------------------- transactions
class _Rollback(Exception):
    """Raised inside ``with store._write()``: roll back, write nothing, carry on after the block."""


class _Tx:
    """One write transaction: the new version number, the clock reading, the audit trail."""

    def __init__(self, store: "Store", con: sqlite3.Connection, who: str) -> None:
        self.store = store
        self.con = con
        self.who = who
        self.now = store._now()
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
            "INSERT INTO imports (batch_id, kind, filename, at, who, undo_of) VALUES (?, ?, ?, ?, ?, ?)",
            (batch, kind, filename, self.now, self.who, undo_of),
        )
        self.batch_id = batch
        self.bump(False)
        return batch

    def set_counts(self, batch: str, added: int, changed: int, unchanged: int, removed: int) -> None:
        self.con.execute("UPDATE imports SET added = ?, changed = ?, unchanged = ?, removed = ? WHERE batch_id = ?",
                         (added, changed, unchanged, removed, batch))

    # -- generic rows
    def get(self, spec: _Spec, key: Sequence[Any]) -> dict[str, Any] | None:
        where = " AND ".join(f"{k} = ?" for k in spec.key)
        cur = self.con.execute(f"SELECT {', '.join(spec.cols)} FROM {spec.name} WHERE {where}", tuple(key))
        r = cur.fetchone()
        return None if r is None else dict(zip(spec.cols, r))

    def all(self, spec: _Spec, where: str = "", params: Sequence[Any] = ()) -> dict[tuple[Any, ...], dict[str, Any]]:
        sql = f"SELECT {', '.join(spec.cols)} FROM {spec.name}" + (f" WHERE {where}" if where else "")
        out = {}
        for r in self.con.execute(sql, tuple(params)):
            row = dict(zip(spec.cols, r))
            out[_key_of(spec, row)] = row
        return out

    def apply(self, spec: _Spec, ops: Sequence[tuple[tuple[Any, ...], dict[str, Any] | None, dict[str, Any] | None]],
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
                deletes.append(tuple(key))
                new_json = None
            else:
                new = dict(new)
                new["version"] = self.version
                if not keep_stamp or not new.get("updated_at"):
                    new["updated_at"] = self.now
                    new["updated_by"] = self.who
                if spec.name == "scenarios" and not new.get("created_at"):
                    new["created_at"], new["created_by"] = self.now, self.who
                upserts.append(tuple(new.get(c) for c in spec.cols))
                new_json = _row_json(spec, new)
            kd = _key_dict(spec, key)
            audits.append((self.now, self.who, spec.name, _json(kd), kd.get("indicator_id") if spec.name == "actuals" else None,
                           _row_json(spec, old), new_json, source, self.batch_id))
        if deletes:
            where = " AND ".join(f"{k} = ?" for k in spec.key)
            self.con.executemany(f"DELETE FROM {spec.name} WHERE {where}", deletes)
        if upserts:
            cols = ", ".join(spec.cols)
            marks = ", ".join("?" for _ in spec.cols)
            updates = ", ".join(f"{c} = excluded.{c}" for c in spec.cols if c not in spec.key)
            self.con.executemany(
                f"INSERT INTO {spec.name} ({cols}) VALUES ({marks}) ON CONFLICT ({', '.join(spec.key)}) DO UPDATE SET {updates}",
                upserts,
            )
        self.con.executemany(
            "INSERT INTO audit (at, who, tbl, key, indicator_id, old, new, source, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            audits,
        )


# ---------------------------------------------------------------------------- the store
class Store:
    """A data store in a directory (``tracker.sqlite`` inside it) or at a ``.sqlite`` path.

    Opening creates the file, runs pending migrations and, the first time, seeds it from the
    target files and data files in ``seed`` (default: the shipped table and 示例数据)."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        seed: SeedSpec | None = None,
        clock: Callable[[], _dt.datetime] | None = None,
        create: bool = True,
    ) -> None:
        self.file = _db_file(resolve_data_dir(path))
        self.dir = self.file.parent
        self._clock = clock or (lambda: _dt.datetime.now().astimezone())
        if not create and not self.file.exists():
            raise FileNotFoundError(str(self.file))
        self.dir.mkdir(parents=True, exist_ok=True)
        con = self._connect()
        try:
            mode = con.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":  # pragma: no cover - e.g. a network filesystem
                raise StoreError(f"无法在 {self.dir} 启用 WAL 日志模式。", f"Cannot enable WAL mode in {self.dir}.")
            migrate(con, self._now())
        finally:
            con.close()
        if self._meta("seeded") is None:
            self._seed(seed or SeedSpec())
        self.sync_targets()

    # -- plumbing
    def __repr__(self) -> str:
        return f"Store({str(self.dir)!r})"

    def _now(self) -> str:
        return self._clock().isoformat(timespec="seconds")

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.file, timeout=30.0, isolation_level=None, check_same_thread=False)
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("PRAGMA busy_timeout = 30000")
        con.execute("PRAGMA synchronous = NORMAL")
        return con

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        con = self._connect()
        try:
            con.execute("BEGIN")
            yield con
        finally:
            try:
                con.execute("ROLLBACK")
            finally:
                con.close()

    @contextlib.contextmanager
    def _write(self, who: str) -> Iterator[_Tx]:
        con = self._connect()
        try:
            con.execute("BEGIN IMMEDIATE")
            try:
                tx = _Tx(self, con, who)
                yield tx
            except _Rollback:  # a deliberate "write nothing" (dry run, no-op, lost race)
                con.execute("ROLLBACK")
                return
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
        finally:
            con.close()

    def _meta(self, key: str) -> str | None:
        with self._read() as con:
            r = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if r is None else str(r[0])

    def pragma(self, name: str) -> Any:
        """A PRAGMA as a fresh connection of this store sees it (``journal_mode``, ``foreign_keys``…)."""
        con = self._connect()
        try:
            return con.execute(f"PRAGMA {name}").fetchone()[0]
        finally:
            con.close()

    # -- versions
    def version(self) -> int:
        """Changes on every write (any table): a cache key."""
        return int(self._meta("version") or 0)

    def data_version(self) -> int:
        """Changes on every write to the data the :class:`Dataset` is built from."""
        return int(self._meta("data_version") or 0)

    def schema_version(self) -> int:
        with self._read() as con:
            return int(con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0)

    # -- seeding and targets
    def _seed(self, seed: SeedSpec) -> None:
        from analytics.storage.dataset import SAMPLE_ACTUALS, SAMPLE_BUDGET, DataFileError
        from analytics.ingest.validate import ingest_actuals, ingest_budget

        targets = Path(seed.targets).expanduser().resolve() if seed.targets else None
        shipped = targets is None or targets == DEFAULT_PROJECT_DIR.resolve()
        project = load_project(targets)  # TargetFileError when the table is bad
        actuals, budget = seed.actuals, seed.budget
        a_sample = b_sample = False
        if actuals is None and shipped and SAMPLE_ACTUALS.exists():
            actuals, a_sample = str(SAMPLE_ACTUALS), True
        if budget is None and shipped and SAMPLE_BUDGET.exists() and (seed.actuals is None or a_sample):
            budget, b_sample = str(SAMPLE_BUDGET), True
        a_rows: list[dict[str, Any]] = []
        b_rows: list[dict[str, Any]] = []
        names = []
        if actuals:
            res = ingest_actuals(actuals, project.ingest_catalogue(), filename=Path(actuals).name,
                                 max_bytes=IMPORT_MAX_BYTES)
            if not res.ok:
                raise DataFileError(res)
            a_rows = _actual_rows(res.data)
            names.append(Path(actuals).name)
        if budget:
            res = ingest_budget(budget, sources=_source_keys(project), filename=Path(budget).name,
                                max_bytes=IMPORT_MAX_BYTES)
            if not res.ok:
                raise DataFileError(res)
            b_rows = _spending_rows(res.data)
            names.append(Path(budget).name)
        ref = SHIPPED if shipped else str(targets)
        files = _target_snapshot_files(DEFAULT_PROJECT_DIR if shipped else targets)  # type: ignore[arg-type]
        with self._write("system") as tx:
            if tx.con.execute("SELECT value FROM meta WHERE key = 'seeded'").fetchone() is not None:
                raise _Rollback  # someone else seeded it meanwhile
            has_data = tx.con.execute("SELECT EXISTS (SELECT 1 FROM imports) OR EXISTS (SELECT 1 FROM actuals) "
                                      "OR EXISTS (SELECT 1 FROM spending)").fetchone()[0]
            if has_data:  # a store that already holds data is never seeded over
                tx.con.execute("INSERT INTO meta (key, value) VALUES ('seeded', ?)", (tx.now,))
                if tx.con.execute("SELECT COUNT(*) FROM target_files").fetchone()[0] == 0:
                    tx.con.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('targets_ref', ?)", (ref,))
                    tx.apply(_SPECS["target_files"], [((n,), None, {"name": n, "content": c, "sha256": _sha(c)})
                                                      for n, c in files.items()], "targets")
                return
            batch = tx.new_batch("seed", " + ".join(names) or "—")
            tx.con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('targets_ref', ?)", (ref,))
            tx.con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('targets_sig', ?)",
                           (repr(_file_signature(DEFAULT_PROJECT_DIR if shipped else targets)),))  # type: ignore[arg-type]
            tx.apply(_SPECS["target_files"], [((n,), None, {"name": n, "content": c, "sha256": _sha(c)})
                                              for n, c in files.items()], "targets")
            a_origin = SAMPLE_ORIGIN if a_sample else "import"
            b_origin = SAMPLE_ORIGIN if b_sample else "import"
            a_src = Path(actuals).name if actuals else ""
            b_src = Path(budget).name if budget else ""
            tx.apply(_SPECS["actuals"], [(_key_of(_SPECS["actuals"], r), None, {**r, "origin": a_origin, "batch_id": batch})
                                         for r in a_rows], a_src)
            tx.apply(_SPECS["spending"], [(_key_of(_SPECS["spending"], r), None, {**r, "origin": b_origin, "batch_id": batch})
                                          for r in b_rows], b_src)
            tx.set_counts(batch, len(a_rows) + len(b_rows), 0, 0, 0)
            tx.con.execute("INSERT INTO meta (key, value) VALUES ('seeded', ?)", (tx.now,))
            tx.bump(True)

    def targets_ref(self) -> str:
        return self._meta("targets_ref") or SHIPPED

    def _targets_path(self) -> Path | None:
        ref = self.targets_ref()
        if ref == SHIPPED:
            return DEFAULT_PROJECT_DIR
        p = Path(ref)
        return p if p.exists() else None

    def sync_targets(self, who: str = "system") -> bool:
        """When the target files the store refers to changed on disk, refresh the copy kept in
        the store (audited). Cheap when nothing changed (a few ``stat`` calls). → changed?"""
        path = self._targets_path()
        if path is None:
            return False
        sig = repr(_file_signature(path))
        if sig == self._meta("targets_sig"):
            return False
        files = _target_snapshot_files(path)
        spec = _SPECS["target_files"]
        changed = False
        with self._write(who) as tx:
            current = tx.all(spec)
            ops = []
            for name, content in files.items():
                old = current.get((name,))
                if old is None or old["sha256"] != _sha(content):
                    ops.append(((name,), old, {"name": name, "content": content, "sha256": _sha(content)}))
            for key, old in current.items():
                if key[0] not in files:
                    ops.append((key, old, None))
            if ops:
                tx.new_batch("targets", str(path))
                tx.apply(spec, ops, "targets")
                tx.set_counts(tx.batch_id or "", sum(1 for _, o, _n in ops if o is None),
                              sum(1 for _, o, n in ops if o is not None and n is not None), 0,
                              sum(1 for _, _o, n in ops if n is None))
                changed = True
            tx.con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('targets_sig', ?)", (sig,))
        return changed

    def project(self) -> "Project":
        """The target table: from the referenced files when they exist (so the project folder
        stays the source of truth), else from the copy kept in the store."""
        path = self._targets_path()
        if path is not None:
            return _load_project_cached(path, repr(_file_signature(path)))
        with self._read() as con:
            files = {str(n): bytes(c) for n, c in con.execute("SELECT name, content FROM target_files ORDER BY name")}
        if not files:
            raise StoreError("数据库中没有目标表。", "The store holds no target table.")
        digest = _sha(b"".join(_sha(c).encode() + n.encode() for n, c in sorted(files.items())))[:16]
        folder = self.dir / "targets" / digest
        if not folder.exists():
            tmp = Path(tempfile.mkdtemp(dir=self.dir, prefix=".targets-"))
            for n, c in files.items():
                (tmp / Path(n).name).write_bytes(c)
            folder.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.replace(tmp, folder)
            except OSError:  # another process got there first
                pass
        target = folder if len(files) > 1 or "indicators.csv" in files else folder / next(iter(files))
        return _load_project_cached(target, digest)

    # -- reading
    def actuals_frame(self, year: int | None = None, with_meta: bool = False) -> pd.DataFrame:
        """Actuals in the validator's normalised shape (+ origin/version/… with ``with_meta``)."""
        spec = _SPECS["actuals"]
        cols = list(spec.cols) if with_meta else ["indicator_id", "year", "month", "first_month", "value", "basis", "note",
                                                  "source"]
        sql = f"SELECT {', '.join(cols)} FROM actuals" + (" WHERE year = ?" if year is not None else "") + \
            " ORDER BY indicator_id, year, month, basis"
        with self._read() as con:
            rows = con.execute(sql, () if year is None else (int(year),)).fetchall()
        return _frame(rows, cols)

    def spending_frame(self, year: int | None = None, with_meta: bool = False) -> pd.DataFrame:
        spec = _SPECS["spending"]
        cols = list(spec.cols) if with_meta else ["year", "month", "first_month", "source", "amount", "note"]
        sql = f"SELECT {', '.join(cols)} FROM spending" + (" WHERE year = ?" if year is not None else "") + \
            " ORDER BY year, month, source"
        with self._read() as con:
            rows = con.execute(sql, () if year is None else (int(year),)).fetchall()
        df = _frame(rows, cols)
        if not with_meta:
            df.insert(5, "basis", pd.Series(["month"] * len(df), dtype="str"))
        return df

    def is_sample(self) -> bool:
        with self._read() as con:
            return bool(con.execute(
                "SELECT EXISTS (SELECT 1 FROM actuals WHERE origin = 'sample') "
                "OR EXISTS (SELECT 1 FROM spending WHERE origin = 'sample')").fetchone()[0])

    def load_dataset(self) -> "Dataset":
        """The same :class:`~analytics.storage.dataset.Dataset` the app computes on, built from the store."""
        from analytics.storage.dataset import Dataset
        from analytics.core.series import Actuals, Budget

        project = self.project()
        with self._read() as con:
            a_rows = con.execute("SELECT indicator_id, year, month, first_month, value, basis, note, source FROM actuals "
                                 "ORDER BY indicator_id, year, month, basis").fetchall()
            b_rows = con.execute("SELECT year, month, first_month, source, amount, note FROM spending "
                                 "ORDER BY year, month, source").fetchall()
            sample = bool(con.execute(
                "SELECT EXISTS (SELECT 1 FROM actuals WHERE origin = 'sample') "
                "OR EXISTS (SELECT 1 FROM spending WHERE origin = 'sample')").fetchone()[0])
            version = con.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
        a = _frame(a_rows, ["indicator_id", "year", "month", "first_month", "value", "basis", "note", "source"])
        b = _frame(b_rows, ["year", "month", "first_month", "source", "amount", "note"])
        b.insert(5, "basis", pd.Series(["month"] * len(b), dtype="str"))
        return Dataset(
            project=project,
            actuals=Actuals(project, a),
            budget=Budget(project, b),
            is_sample=sample,
            sources={"targets": str(self._targets_path() or "store"), "actuals": f"store:{self.file}",
                     "budget": f"store:{self.file}", "store": str(self.file),
                     "data_version": str(version[0] if version else 0)},
        )

    def dump(self) -> dict[str, list[dict[str, Any]]]:
        """Every content row (for tests and comparisons): table → rows sorted by key."""
        out: dict[str, list[dict[str, Any]]] = {}
        with self._read() as con:
            for name in _CONTENT_TABLES:
                spec = _SPECS[name]
                rows = [dict(zip(spec.cols, r)) for r in con.execute(
                    f"SELECT {', '.join(spec.cols)} FROM {name} ORDER BY {', '.join(spec.key)}")]
                out[name] = rows
            out["imports"] = [dict(r) for r in _dict_rows(con, "SELECT * FROM imports ORDER BY at, batch_id")]
            out["audit"] = [dict(r) for r in _dict_rows(con, "SELECT * FROM audit ORDER BY id")]
        return out

    # -- validating and importing files
    def validate_file(
        self,
        source: Any,
        filename: str | None = None,
        kind: str = "auto",
        sheet: str | int | None = None,
        today: _dt.date | None = None,
        max_bytes: int = IMPORT_MAX_BYTES,
    ) -> "IngestResult":
        """Run a file through the one validation gate against this store's targets."""
        from analytics.ingest.validate import ingest_actuals, ingest_any, ingest_budget

        project = self.project()
        if kind == "actuals":
            return ingest_actuals(source, project.ingest_catalogue(), filename=filename, sheet=sheet, max_bytes=max_bytes,
                                  today=today)
        if kind == "budget":
            return ingest_budget(source, sources=_source_keys(project), filename=filename, sheet=sheet,
                                 max_bytes=max_bytes, today=today)
        return ingest_any(source, project.ingest_catalogue(), filename=filename, sheet=sheet, max_bytes=max_bytes,
                          sources=_source_keys(project), today=today)

    def apply_import(
        self,
        result: "IngestResult",
        filename: str,
        who: str,
        dry_run: bool = False,
        replace_sample: bool = False,
    ) -> ImportSummary:
        """Merge a validated file into the store, all or nothing, in one transaction.

        Rows are matched by key — actuals (indicator, year, month, basis), spending (year,
        month, source): new keys are added, different values replace the stored ones, equal
        ones are left alone. A blank note or source in the file keeps the stored one. A
        combined period (1-2月) replaces stored single months of the same series it covers
        (and vice versa), so no month is ever counted twice. ``replace_sample`` also removes
        the remaining 示例数据 rows. ``dry_run`` computes the same summary and writes nothing.
        """
        if not result.ok:
            raise ImportRejected("文件未通过校验，未导入任何数据。", "The file did not pass validation; nothing was imported.",
                                 result)
        project = self.project()
        kind = result.kind
        if kind == "actuals":
            rows = _actual_rows(result.data)
            known = set(project.ingest_catalogue())
            unknown = sorted({r["indicator_id"] for r in rows} - known)
            if unknown:
                raise ImportRejected(f"文件中的指标编号不在当前目标表中：{'、'.join(unknown)}。",
                                     f"Indicator ids not in the current target table: {', '.join(unknown)}.", result)
        elif kind == "budget":
            rows = _spending_rows(result.data)
            allowed = set(_source_keys(project))
            unknown = sorted({r["source"] for r in rows} - allowed)
            if unknown:
                raise ImportRejected(f"资金来源不在当前目标表中：{'、'.join(unknown)}。",
                                     f"Funding sources not in the current target table: {', '.join(unknown)}.", result)
        else:  # pragma: no cover - the validator only produces these two kinds
            raise ImportRejected("无法识别的数据类型。", f"Unknown data kind {kind!r}.", result)
        table = "actuals" if kind == "actuals" else "spending"
        summary: ImportSummary | None = None
        with self._write(who) as tx:
            batch = tx.new_batch("import", filename)
            summary = self._merge(tx, table, rows, filename, batch, replace_sample, dry_run)
            if dry_run:
                raise _Rollback
        assert summary is not None
        return summary

    def _merge(self, tx: _Tx, table: str, rows: list[dict[str, Any]], filename: str, batch: str, replace_sample: bool,
               dry_run: bool) -> ImportSummary:
        spec = _SPECS[table]
        value_col = "value" if table == "actuals" else "amount"
        series_of: Callable[[Mapping[str, Any]], tuple[Any, ...]]
        if table == "actuals":
            years = sorted({(r["indicator_id"], r["year"]) for r in rows})
            existing: dict[tuple[Any, ...], dict[str, Any]] = {}
            for iid, y in years:
                existing.update(tx.all(spec, "indicator_id = ? AND year = ?", (iid, y)))
            series_of = lambda r: (r["indicator_id"], r["year"], r["basis"])  # noqa: E731
            spans_matter = lambda r: r["basis"] == "month"  # noqa: E731
        else:
            existing = {}
            for y in sorted({r["year"] for r in rows}):
                existing.update(tx.all(spec, "year = ?", (y,)))
            series_of = lambda r: (r["year"], r["source"])  # noqa: E731
            spans_matter = lambda r: True  # noqa: E731
        incoming = {_key_of(spec, r): r for r in rows}
        ops: list[tuple[tuple[Any, ...], dict[str, Any] | None, dict[str, Any] | None]] = []
        changes: list[RowChange] = []
        added = changed = unchanged = removed = 0
        # stored rows covering months the file covers with another row of the same series
        covered: dict[tuple[Any, ...], set[int]] = {}
        for key, r in incoming.items():
            if spans_matter(r):
                covered.setdefault(series_of(r), set()).update(range(r["first_month"], r["month"] + 1))
        for key, old in sorted(existing.items(), key=lambda kv: str(kv[0])):
            if key in incoming or not spans_matter(old):
                continue
            months = covered.get(series_of(old))
            if months and months & set(range(old["first_month"], old["month"] + 1)):
                ops.append((key, old, None))
                changes.append(RowChange(table, _key_dict(spec, key), "removed", old[value_col], None))
                removed += 1
        for key, r in incoming.items():
            old = existing.get(key)
            new = dict(r)
            new["origin"], new["batch_id"] = "import", batch
            if old is not None:
                if not new.get("note"):
                    new["note"] = old.get("note") or ""
                if table == "actuals" and not new.get("source"):
                    new["source"] = old.get("source") or ""
            if old is None:
                ops.append((key, None, new))
                changes.append(RowChange(table, _key_dict(spec, key), "added", None, new[value_col]))
                added += 1
                continue
            same = all(old.get(c) == new.get(c) for c in spec.cols if c not in ("origin", "batch_id", "version",
                                                                                  "updated_at", "updated_by"))
            if same:
                unchanged += 1
                changes.append(RowChange(table, _key_dict(spec, key), "unchanged", old[value_col], new[value_col]))
                if old.get("origin") == SAMPLE_ORIGIN:  # the user's own file confirms a sample row: it is theirs now
                    ops.append((key, old, new))
                continue
            ops.append((key, old, new))
            changes.append(RowChange(table, _key_dict(spec, key), "changed", old[value_col], new[value_col]))
            changed += 1
        tx.apply(spec, ops, filename)
        if replace_sample:
            removed += self._clear_sample_ops(tx, filename, skip={table: set(incoming)})
        tx.set_counts(batch, added, changed, unchanged, removed)
        return ImportSummary(added, changed, unchanged, None if dry_run else batch, removed,
                             "actuals" if table == "actuals" else "budget", len(rows), dry_run, tuple(changes))

    def _clear_sample_ops(self, tx: _Tx, source: str, skip: Mapping[str, set[tuple[Any, ...]]] | None = None) -> int:
        n = 0
        for table in ("actuals", "spending"):
            spec = _SPECS[table]
            rows = tx.all(spec, "origin = ?", (SAMPLE_ORIGIN,))
            ops = [(k, old, None) for k, old in rows.items() if not skip or k not in skip.get(table, set())]
            tx.apply(spec, ops, source)
            n += len(ops)
        return n

    def clear_sample(self, who: str) -> ImportSummary:
        """Remove every remaining 示例数据 row (one undoable batch)."""
        with self._write(who) as tx:
            batch = tx.new_batch("clear_sample", "示例数据")
            n = self._clear_sample_ops(tx, "clear_sample")
            tx.set_counts(batch, 0, 0, 0, n)
        return ImportSummary(0, 0, 0, batch, n, "sample", n)

    # -- grid edits
    def save_grid_edits(
        self,
        edits: Mapping[CellKey, float | None],
        expected_versions: Mapping[CellKey, int],
        who: str,
        first_months: Mapping[CellKey, int] | None = None,
        notes: Mapping[CellKey, str] | None = None,
    ) -> ImportSummary:
        """Write edited cells (``None`` clears a cell) if none of them changed since it was
        read: ``expected_versions[key]`` is the version the user saw (0 = the cell was empty).
        A cell changed meanwhile to a different value → :class:`StaleEditError` naming every
        such cell with its newer value, and nothing is written."""
        project = self.project()
        catalogue = project.ingest_catalogue()
        sources = set(_source_keys(project))
        planned: list[tuple[CellKey, float | None]] = []
        for key, value in edits.items():
            _check_cell(key, value, catalogue, sources)
            planned.append((key, None if value is None else float(value)))
        if not planned:
            return ImportSummary(0, 0, 0, None, 0, "grid", 0)
        with self._write(who) as tx:
            conflicts: list[Conflict] = []
            ops: dict[str, list[tuple[tuple[Any, ...], dict[str, Any] | None, dict[str, Any] | None]]] = {
                "actuals": [], "spending": []}
            added = changed = removed = 0
            batch = tx.new_batch("grid", "表格编辑")
            for key, value in planned:
                table, sk = key[0], tuple(key[1:])
                spec = _SPECS[table]
                value_col = "value" if table == "actuals" else "amount"
                old = tx.get(spec, sk)
                cur_version = int(old["version"]) if old else 0
                cur_value = None if old is None else float(old[value_col])
                expected = int(expected_versions.get(key, 0))
                if cur_version != expected:  # changed since it was read: refuse, even to the same value
                    zh, en = cell_label(project, key)
                    conflicts.append(Conflict(key, zh, en, expected, cur_version, value, cur_value,
                                              old["updated_by"] if old else None, old["updated_at"] if old else None))
                    continue
                if cur_value == value and old is not None:
                    continue
                if old is None and value is None:
                    continue
                if value is None:
                    ops[table].append((sk, old, None))
                    removed += 1
                    continue
                fm = (first_months or {}).get(key) or (int(old["first_month"]) if old else int(sk[2 if table == "actuals" else 1]))
                new = dict(old) if old else dict(_key_dict(spec, sk))
                new.update({value_col: value, "first_month": fm, "origin": "grid", "batch_id": batch})
                new.setdefault("note", "")
                if table == "actuals":
                    new.setdefault("source", "")
                if notes and key in notes:
                    new["note"] = notes[key]
                ops[table].append((sk, old, new))
                if old is None:
                    added += 1
                else:
                    changed += 1
            if conflicts:
                raise StaleEditError(conflicts)
            for table, table_ops in ops.items():
                tx.apply(_SPECS[table], table_ops, "grid")
            if not (added or changed or removed):
                raise _Rollback  # every edit equals what is stored: no batch
            tx.set_counts(batch, added, changed, 0, removed)
        if not (added or changed or removed):
            return ImportSummary(0, 0, len(planned), None, 0, "grid", len(planned))
        return ImportSummary(added, changed, 0, batch, removed, "grid", len(planned))

    def cell_versions(self, keys: Iterable[CellKey]) -> dict[CellKey, tuple[int, float | None]]:
        """Current (version, value) of cells (0, None when empty)."""
        out: dict[CellKey, tuple[int, float | None]] = {}
        with self._read() as con:
            for key in keys:
                table, sk = key[0], tuple(key[1:])
                spec = _SPECS[table]
                where = " AND ".join(f"{k} = ?" for k in spec.key)
                col = "value" if table == "actuals" else "amount"
                r = con.execute(f"SELECT version, {col} FROM {table} WHERE {where}", sk).fetchone()
                out[key] = (0, None) if r is None else (int(r[0]), float(r[1]))
        return out

    # -- undo
    def undo_import(self, batch_id: str, who: str) -> ImportSummary:
        """Put back every row a batch changed, exactly as it was before (undoable itself).

        Refused (:class:`UndoConflictError`, nothing written) when a row was changed again
        after the batch; refused when the batch was already undone."""
        with self._write(who) as tx:
            b = tx.con.execute("SELECT kind, filename, undone_at, undo_of FROM imports WHERE batch_id = ?",
                               (batch_id,)).fetchone()
            if b is None:
                raise StoreError(f"找不到这批更改（{batch_id}）。", f"No such batch ({batch_id}).")
            kind, filename, undone_at, undo_of = b
            if undone_at is not None:
                raise StoreError("这批更改已经撤销过了。", "This batch has already been undone.")
            entries = tx.con.execute("SELECT tbl, key, old, new FROM audit WHERE batch_id = ? ORDER BY id DESC",
                                     (batch_id,)).fetchall()
            project = None
            conflicts: list[Conflict] = []
            plan: list[tuple[_Spec, tuple[Any, ...], dict[str, Any] | None, dict[str, Any] | None]] = []
            seen: set[tuple[str, tuple[Any, ...]]] = set()
            for tbl, key_json, old_json, new_json in entries:
                spec = _SPECS.get(tbl)
                if spec is None:
                    continue
                kd = json.loads(key_json)
                key = tuple(kd[k] for k in spec.key)
                if (tbl, key) in seen:
                    continue
                seen.add((tbl, key))
                old = _row_from_json(spec, old_json)
                new = _row_from_json(spec, new_json)
                cur = tx.get(spec, key)
                cur_v = None if cur is None else int(cur["version"])
                new_v = None if new is None else int(new["version"])
                same = (cur is None and new is None) or (
                    cur is not None and new is not None and all(cur[c] == new[c] for c in spec.cols if c != "version"))
                if not same:  # changed again after the batch (an undo of that later change makes it equal again)
                    if project is None:
                        project = self.project()
                    ck = (tbl, *key)
                    zh, en = cell_label(project, ck) if tbl in ("actuals", "spending") else (f"{tbl} {key}", f"{tbl} {key}")
                    vc = {"actuals": "value", "spending": "amount"}.get(tbl)
                    conflicts.append(Conflict(ck, zh, en, new_v or 0, cur_v or 0,
                                              None if old is None or vc is None else old.get(vc),
                                              None if cur is None or vc is None else cur.get(vc),
                                              cur.get("updated_by") if cur else None, cur.get("updated_at") if cur else None))
                    continue
                plan.append((spec, key, cur, old))
            if conflicts:
                raise UndoConflictError(conflicts)
            new_batch = tx.new_batch("undo", filename, undo_of=batch_id)
            by_table: dict[str, list[tuple[tuple[Any, ...], dict[str, Any] | None, dict[str, Any] | None]]] = {}
            for spec, key, cur, old in plan:
                by_table.setdefault(spec.name, []).append((key, cur, old))
            added = changed = removed = 0
            for name in _CONTENT_TABLES:
                ops = by_table.get(name, [])
                tx.apply(_SPECS[name], ops, "undo", keep_stamp=True)
                added += sum(1 for _, c, o in ops if c is None and o is not None)
                removed += sum(1 for _, c, o in ops if o is None and c is not None)
                changed += sum(1 for _, c, o in ops if o is not None and c is not None)
            tx.set_counts(new_batch, added, changed, 0, removed)
            tx.con.execute("UPDATE imports SET undone_at = ?, undone_by = ? WHERE batch_id = ?", (tx.now, who, batch_id))
            if kind == "undo" and undo_of:  # undoing an undo = redo: the original counts as applied again
                tx.con.execute("UPDATE imports SET undone_at = NULL, undone_by = NULL WHERE batch_id = ?", (undo_of,))
            tx.bump(False)
        return ImportSummary(added, changed, 0, new_batch, removed, "undo", len(plan))

    # -- audit
    def history(self, indicator_id: str) -> list[AuditEntry]:
        """Every change to one indicator's actuals, newest first."""
        with self._read() as con:
            rows = con.execute("SELECT id, at, who, tbl, key, old, new, source, batch_id, indicator_id FROM audit "
                               "WHERE indicator_id = ? ORDER BY id DESC", (indicator_id,)).fetchall()
        return [_audit_entry(r) for r in rows]

    def audit(self, table: str | None = None, limit: int | None = None, batch_id: str | None = None) -> list[AuditEntry]:
        where, params = [], []
        if table:
            where.append("tbl = ?")
            params.append(table)
        if batch_id:
            where.append("batch_id = ?")
            params.append(batch_id)
        sql = "SELECT id, at, who, tbl, key, old, new, source, batch_id, indicator_id FROM audit" + (
            " WHERE " + " AND ".join(where) if where else "") + " ORDER BY id DESC" + (f" LIMIT {int(limit)}" if limit else "")
        with self._read() as con:
            rows = con.execute(sql, params).fetchall()
        return [_audit_entry(r) for r in rows]

    def batches(self, kinds: Sequence[str] | None = None, limit: int | None = None) -> list[BatchInfo]:
        """Batches of changes, newest first."""
        sql = ("SELECT batch_id, kind, filename, at, who, added, changed, unchanged, removed, undone_at, undone_by, undo_of "
               "FROM imports")
        params: list[Any] = []
        if kinds:
            sql += f" WHERE kind IN ({', '.join('?' for _ in kinds)})"
            params.extend(kinds)
        sql += " ORDER BY at DESC, rowid DESC" + (f" LIMIT {int(limit)}" if limit else "")
        with self._read() as con:
            rows = con.execute(sql, params).fetchall()
        return [BatchInfo(*r) for r in rows]

    # -- scenarios
    def save_scenario(self, name: str, doc: Mapping[str, Any], who: str) -> ScenarioInfo:
        """Create or replace a named scenario (any JSON-serialisable mapping)."""
        name = _clean_name(name)
        text = _scenario_json(doc)
        spec = _SPECS["scenarios"]
        with self._write(who) as tx:
            old = tx.get(spec, (name,))
            if old is not None and old["json"] == text:
                raise _Rollback
            tx.new_batch("scenario", name)
            new = {"name": name, "json": text, "created_at": old["created_at"] if old else None,
                   "created_by": old["created_by"] if old else None}
            tx.apply(spec, [((name,), old, new)], "scenario")
            tx.set_counts(tx.batch_id or "", int(old is None), int(old is not None), 0, 0)
        info = self.scenario_info(name)
        assert info is not None
        return info

    def list_scenarios(self) -> list[ScenarioInfo]:
        with self._read() as con:
            rows = con.execute("SELECT name, created_at, created_by, updated_at, updated_by, version FROM scenarios "
                               "ORDER BY name").fetchall()
        return [ScenarioInfo(*r) for r in rows]

    def scenario_info(self, name: str) -> ScenarioInfo | None:
        with self._read() as con:
            r = con.execute("SELECT name, created_at, created_by, updated_at, updated_by, version FROM scenarios "
                            "WHERE name = ?", (name,)).fetchone()
        return None if r is None else ScenarioInfo(*r)

    def get_scenario(self, name: str) -> dict[str, Any] | None:
        with self._read() as con:
            r = con.execute("SELECT json FROM scenarios WHERE name = ?", (name,)).fetchone()
        return None if r is None else json.loads(r[0])

    def rename_scenario(self, old_name: str, new_name: str, who: str) -> None:
        new_name = _clean_name(new_name)
        spec = _SPECS["scenarios"]
        with self._write(who) as tx:
            old = tx.get(spec, (old_name,))
            if old is None:
                raise StoreError(f"没有名为「{old_name}」的情景。", f"No scenario named {old_name!r}.")
            if old_name == new_name:
                raise _Rollback
            if tx.get(spec, (new_name,)) is not None:
                raise StoreError(f"已有名为「{new_name}」的情景，请换一个名称。", f"A scenario named {new_name!r} exists already.")
            tx.new_batch("scenario", f"{old_name} → {new_name}")
            tx.apply(spec, [((old_name,), old, None), ((new_name,), None, {**old, "name": new_name})], "scenario")
            tx.set_counts(tx.batch_id or "", 1, 0, 0, 1)

    def duplicate_scenario(self, name: str, new_name: str | None, who: str) -> str:
        """Copy a scenario; a taken name gets " 2", " 3"… → the name used."""
        spec = _SPECS["scenarios"]
        with self._write(who) as tx:
            old = tx.get(spec, (name,))
            if old is None:
                raise StoreError(f"没有名为「{name}」的情景。", f"No scenario named {name!r}.")
            base = _clean_name(new_name or f"{name} 副本")
            target, i = base, 2
            while tx.get(spec, (target,)) is not None:
                target = f"{base} {i}"
                i += 1
            tx.new_batch("scenario", f"{name} → {target}")
            tx.apply(spec, [((target,), None, {"name": target, "json": old["json"]})], "scenario")
            tx.set_counts(tx.batch_id or "", 1, 0, 0, 0)
        return target

    def delete_scenario(self, name: str, who: str) -> bool:
        spec = _SPECS["scenarios"]
        done = False
        with self._write(who) as tx:
            old = tx.get(spec, (name,))
            if old is None:
                raise _Rollback
            tx.new_batch("scenario", name)
            tx.apply(spec, [((name,), old, None)], "scenario")
            tx.set_counts(tx.batch_id or "", 0, 0, 0, 1)
            done = True
        return done

    # -- deviation causes and corrective measures
    def set_action(
        self,
        goal: int,
        indicator_id: str | None,
        cause_category: str,
        cause_text: str,
        measure_text: str,
        who: str,
        year: int = 0,
    ) -> None:
        """Record the cause of a deviation and the corrective measure for a goal (and
        indicator; ``None``/"" = the goal as a whole) — ``year`` 0 = not tied to a year."""
        cat = cause_key(cause_category)
        spec = _SPECS["actions"]
        key = (int(year), int(goal), str(indicator_id or ""))
        with self._write(who) as tx:
            old = tx.get(spec, key)
            new = {"year": key[0], "goal": key[1], "indicator_id": key[2], "cause_category": cat,
                   "cause_text": str(cause_text or ""), "measure_text": str(measure_text or "")}
            if old is not None and all(old[c] == new[c] for c in new):
                raise _Rollback
            tx.new_batch("action", f"{key[1]}/{key[2]}")
            tx.apply(spec, [(key, old, new)], "action")
            tx.set_counts(tx.batch_id or "", int(old is None), int(old is not None), 0, 0)

    def list_actions(self, year: int | None = None, goal: int | None = None) -> list[dict[str, Any]]:
        where, params = [], []
        if year is not None:
            where.append("year = ?")
            params.append(int(year))
        if goal is not None:
            where.append("goal = ?")
            params.append(int(goal))
        spec = _SPECS["actions"]
        sql = f"SELECT {', '.join(spec.cols)} FROM actions" + (" WHERE " + " AND ".join(where) if where else "") + \
            " ORDER BY year, goal, indicator_id"
        with self._read() as con:
            return [dict(zip(spec.cols, r)) for r in con.execute(sql, params)]

    def get_action(self, goal: int, indicator_id: str | None = None, year: int = 0) -> dict[str, Any] | None:
        spec = _SPECS["actions"]
        with self._read() as con:
            r = con.execute(f"SELECT {', '.join(spec.cols)} FROM actions WHERE year = ? AND goal = ? AND indicator_id = ?",
                            (int(year), int(goal), str(indicator_id or ""))).fetchone()
        return None if r is None else dict(zip(spec.cols, r))

    def delete_action(self, goal: int, indicator_id: str | None, who: str, year: int = 0) -> bool:
        spec = _SPECS["actions"]
        key = (int(year), int(goal), str(indicator_id or ""))
        done = False
        with self._write(who) as tx:
            old = tx.get(spec, key)
            if old is None:
                raise _Rollback
            tx.new_batch("action", f"{key[1]}/{key[2]}")
            tx.apply(spec, [(key, old, None)], "action")
            tx.set_counts(tx.batch_id or "", 0, 0, 0, 1)
            done = True
        return done

    # -- settings
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        with self._read() as con:
            r = con.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if r is None else str(r[0])

    def set_setting(self, key: str, value: str, who: str) -> None:
        spec = _SPECS["settings"]
        with self._write(who) as tx:
            old = tx.get(spec, (key,))
            if old is not None and old["value"] == str(value):
                raise _Rollback
            tx.new_batch("setting", key)
            tx.apply(spec, [((key,), old, {"key": key, "value": str(value)})], "setting")
            tx.set_counts(tx.batch_id or "", int(old is None), int(old is not None), 0, 0)

    # -- export, backup, restore
    def export_workbook(self) -> bytes:
        """One Excel workbook: targets, actuals, spending, scenarios, actions, audit, imports
        (formula-injection safe through :func:`analytics.core.exports.xlsx_bytes`). The actuals and
        spending sheets can be imported again as they are."""
        from analytics.core.exports import xlsx_bytes

        project = self.project()
        names = {ind.id: ind for ind in project.indicators}
        src_names = {s.key: s.name for s in project.funding_sources}
        years = sorted({y for ind in project.indicators for y in ind.targets} | {y for ind in project.indicators
                                                                                  for y in ind.baseline})
        targets = pd.DataFrame([
            {"id": ind.id, "seq": ind.seq, "origin": ind.origin, "goal": ind.goal, "level1": ind.level1,
             "level2": ind.level2, "name": ind.name, "name_raw": ind.name_raw, "name_en": ind.name_en, "unit": ind.unit,
             "kind": ind.kind, "direction": ind.direction, "default_basis": ind.default_basis,
             **{f"actual_{y}": ind.baseline[y].raw if y in ind.baseline else "" for y in years},
             **{f"target_{y}": ind.targets[y].raw if y in ind.targets else "" for y in years},
             "span_years": f"{ind.span_years[0]}-{ind.span_years[1]}" if ind.span_years else "",
             "target_span": ind.span_target.raw if ind.span_target else ""}
            for ind in project.indicators
        ])
        a = self.actuals_frame(with_meta=True)
        actuals = pd.DataFrame({
            "indicator_id": a["indicator_id"],
            "name": [names[i].name if i in names else "" for i in a["indicator_id"]],
            "unit": [names[i].unit if i in names else "" for i in a["indicator_id"]],
            "period": [_period_text(y, m, f) for y, m, f in zip(a["year"], a["month"], a["first_month"])],
            "value": a["value"],
            "basis": a["basis"],
            "note": a["note"],
            "source": a["source"],
            "origin": a["origin"],
            "version": a["version"],
            "updated_at": a["updated_at"],
            "updated_by": a["updated_by"],
        })
        s = self.spending_frame(with_meta=True)
        spending = pd.DataFrame({
            "period": [_period_text(y, m, f) for y, m, f in zip(s["year"], s["month"], s["first_month"])],
            "source": s["source"],
            "source_name": [src_names.get(x, x) for x in s["source"]],
            "amount": s["amount"],
            "basis": ["month"] * len(s),
            "note": s["note"],
            "origin": s["origin"],
            "version": s["version"],
            "updated_at": s["updated_at"],
            "updated_by": s["updated_by"],
        })
        with self._read() as con:
            scen = pd.DataFrame([dict(r) for r in _dict_rows(
                con, "SELECT name, json, created_at, created_by, updated_at, updated_by, version FROM scenarios ORDER BY name")],
                columns=["name", "json", "created_at", "created_by", "updated_at", "updated_by", "version"])
            acts = pd.DataFrame([dict(r) for r in _dict_rows(
                con, "SELECT year, goal, indicator_id, cause_category, cause_text, measure_text, updated_at, updated_by, "
                     "version FROM actions ORDER BY year, goal, indicator_id")],
                columns=["year", "goal", "indicator_id", "cause_category", "cause_text", "measure_text", "updated_at",
                         "updated_by", "version"])
            audit = pd.DataFrame([dict(r) for r in _dict_rows(
                con, "SELECT id, at, who, tbl AS \"table\", key, old, new, source, batch_id FROM audit ORDER BY id")],
                columns=["id", "at", "who", "table", "key", "old", "new", "source", "batch_id"])
            imports = pd.DataFrame([dict(r) for r in _dict_rows(con, "SELECT * FROM imports ORDER BY at, rowid")])
        acts.insert(4, "cause_label", [CAUSE_CATEGORIES.get(c, (c, c))[0] for c in acts["cause_category"]])
        audit["old"] = [_audit_cell(t, v) for t, v in zip(audit["table"], audit["old"])]
        audit["new"] = [_audit_cell(t, v) for t, v in zip(audit["table"], audit["new"])]
        scen["json"] = [_clip(v) for v in scen["json"]]
        return xlsx_bytes({"targets": targets, "actuals": actuals, "spending": spending, "scenarios": scen,
                           "actions": acts, "audit": audit, "imports": imports})

    def backup(self) -> bytes:
        """A consistent copy of the whole store (SQLite backup API) as the bytes of a
        ``.sqlite`` file; :meth:`restore` takes it (or a zip holding it) back."""
        self.sync_targets()
        src = self._connect()
        mem = sqlite3.connect(":memory:")
        try:
            src.backup(mem)
            return _rollback_journal_header(bytes(mem.serialize()))
        finally:
            mem.close()
            src.close()

    def backup_zip(self) -> bytes:
        data = self.backup()
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            info = zipfile.ZipInfo(DB_NAME, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
        return buf.getvalue()

    def restore(self, data: bytes, who: str, filename: str = "backup") -> RestoreSummary:
        """Make the store's content equal to a backup's, in one transaction, audited and
        undoable (the current state is one :meth:`undo_import` away). The backup is checked
        first (a SQLite file of this app, intact, schema not newer, every row valid against
        the backup's own target table); any problem → :class:`RestoreError`, nothing changed.
        The history (audit, batches) is kept and the backup's history is merged in."""
        mem = _open_backup(data)
        try:
            content, imports, audit, meta = _validated_backup(mem, self.dir)
        finally:
            mem.close()
        with self._write(who) as tx:
            live_batches = {r[0] for r in tx.con.execute("SELECT batch_id FROM imports")}
            merged = [b for b in imports if b["batch_id"] not in live_batches]
            merged_ids = {b["batch_id"] for b in merged}
            for b in sorted(merged, key=lambda b: (b["undo_of"] is not None, b["at"])):
                cols = [c for c in b if c != "rowid"]
                tx.con.execute(f"INSERT INTO imports ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                               [b[c] if c != "undo_of" or b[c] in live_batches | merged_ids else None for c in cols])
            tx.con.executemany(
                "INSERT INTO audit (at, who, tbl, key, indicator_id, old, new, source, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(a["at"], a["who"], a["tbl"], a["key"], a["indicator_id"], a["old"], a["new"], a["source"], a["batch_id"])
                 for a in audit if a["batch_id"] in merged_ids],
            )
            batch = tx.new_batch("restore", filename)
            added = changed = removed = unchanged = 0
            for name in _CONTENT_TABLES:
                spec = _SPECS[name]
                live = tx.all(spec)
                want = {_key_of(spec, r): r for r in content[name]}
                ops = []
                for key, row in want.items():
                    old = live.get(key)
                    if old is not None and all(old[c] == row[c] for c in spec.cols if c != "version"):
                        unchanged += 1
                        continue
                    if row.get("batch_id") and row["batch_id"] not in live_batches | merged_ids:
                        row = {**row, "batch_id": None}
                    ops.append((key, old, row))
                    if old is None:
                        added += 1
                    else:
                        changed += 1
                for key, old in live.items():
                    if key not in want:
                        ops.append((key, old, None))
                        removed += 1
                tx.apply(spec, ops, "restore", keep_stamp=True)
            for k in ("targets_ref", "targets_sig"):
                if k in meta:
                    tx.con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (k, meta[k]))
            tx.set_counts(batch, added, changed, unchanged, removed)
            tx.bump(True)
        return RestoreSummary(batch, added, changed, removed, unchanged, len(merged))


# ---------------------------------------------------------------------------- migrations
def migrate(con: sqlite3.Connection, now: str) -> int:
    """Bring a connection's database to :data:`SCHEMA_VERSION`, one transaction per step.
    → the schema version afterwards. A database from a newer app is refused."""
    con.execute("BEGIN IMMEDIATE")
    try:
        con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                    "applied_at TEXT NOT NULL) STRICT")
        current = int(con.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    if current > SCHEMA_VERSION:
        raise StoreError(f"数据库的结构版本（{current}）比本程序支持的（{SCHEMA_VERSION}）更新，请升级程序。",
                         f"The store's schema version ({current}) is newer than this program supports ({SCHEMA_VERSION}).")
    for version, name, sql in MIGRATIONS:
        if version <= current:
            continue
        con.execute("BEGIN IMMEDIATE")
        try:
            again = int(con.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0])
            if again >= version:  # another process ran it meanwhile
                con.execute("COMMIT")
                continue
            for statement in _statements(sql):
                con.execute(statement)
            if version == 1:
                con.executemany("INSERT INTO meta (key, value) VALUES (?, ?)",
                                [("app", APP_ID), ("version", "0"), ("data_version", "0"), ("created_at", now)])
            con.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)", (version, name, now))
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return max(current, SCHEMA_VERSION)


def _statements(sql: str) -> list[str]:
    return [s.strip() for s in sql.split(";") if s.strip()]


# ---------------------------------------------------------------------------- row helpers
def _source_keys(project: "Project") -> tuple[str, ...]:
    return tuple(s.key for s in project.funding_sources) or ("central", "local", "other")


def _text(v: Any) -> str:
    return "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)


def _col(df: pd.DataFrame, name: str, default: Any = "") -> list[Any]:
    return df[name].tolist() if name in df.columns else [default] * len(df)


def _actual_rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {"indicator_id": str(i), "year": int(y), "month": int(m), "first_month": int(f), "value": float(v),
         "basis": str(b), "note": _text(n), "source": _text(s)}
        for i, y, m, f, v, b, n, s in zip(_col(df, "indicator_id"), _col(df, "year"), _col(df, "month"),
                                          _col(df, "first_month"), _col(df, "value"), _col(df, "basis"),
                                          _col(df, "note"), _col(df, "source"))
    ]


def _spending_rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {"year": int(y), "month": int(m), "first_month": int(f), "source": str(s), "amount": float(a), "note": _text(n)}
        for y, m, f, s, a, n in zip(_col(df, "year"), _col(df, "month"), _col(df, "first_month"), _col(df, "source"),
                                    _col(df, "amount"), _col(df, "note"))
    ]


_DTYPES = {"indicator_id": "str", "year": "int64", "month": "int64", "first_month": "int64", "value": "float64",
           "basis": "str", "note": "str", "source": "str", "amount": "float64", "origin": "str", "batch_id": "object",
           "version": "int64", "updated_at": "str", "updated_by": "str"}


def _frame(rows: Sequence[Sequence[Any]], cols: Sequence[str]) -> pd.DataFrame:
    df = pd.DataFrame(list(rows), columns=list(cols))
    return df.astype({c: _DTYPES.get(c, "object") for c in cols})


def _dict_rows(con: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cur = con.execute(sql, tuple(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _audit_entry(r: Sequence[Any]) -> AuditEntry:
    spec = _SPECS.get(str(r[3]))
    old = _row_from_json(spec, r[5]) if spec else (json.loads(r[5]) if r[5] else None)
    new = _row_from_json(spec, r[6]) if spec else (json.loads(r[6]) if r[6] else None)
    return AuditEntry(int(r[0]), str(r[1]), str(r[2]), str(r[3]), json.loads(r[4]), old, new, str(r[7]), r[8], r[9])


def _clip(text: Any, limit: int = 32000) -> Any:
    if isinstance(text, str) and len(text) > limit:
        return text[:limit] + "…（已截断，完整内容见备份文件 / truncated, see the backup）"
    return text


def _audit_cell(table: str, value: Any) -> Any:
    if value is None or table != "target_files":
        return _clip(value)
    row = json.loads(value)
    content = row.get("content")
    size = len(base64.b64decode(content["b64"])) if isinstance(content, dict) and "b64" in content else None
    return _json({"name": row.get("name"), "sha256": row.get("sha256"), "size": size, "version": row.get("version")})


def _clean_name(name: str) -> str:
    text = " ".join(str(name or "").split())
    if not text:
        raise StoreError("名称不能为空。", "The name cannot be blank.")
    if len(text) > 100:
        raise StoreError("名称最多 100 个字符。", "The name can be at most 100 characters.")
    return text


def _scenario_json(doc: Mapping[str, Any]) -> str:
    if not isinstance(doc, Mapping):
        raise StoreError("情景必须是一个 JSON 对象。", "A scenario must be a JSON object.")
    try:
        return json.dumps(doc, ensure_ascii=False, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"情景无法保存为 JSON（{exc}）。", f"The scenario cannot be stored as JSON ({exc}).") from None


def cause_key(value: str) -> str:
    """A cause category as its key: accepts the key, the Chinese or the English label."""
    text = " ".join(str(value or "").split())
    for key, (zh, en) in CAUSE_CATEGORIES.items():
        if text in (key, zh, en) or text.lower() in (key, en.lower()):
            return key
    raise StoreError(f"偏差原因类别「{text}」无法识别，应为：{'、'.join(v[0] for v in CAUSE_CATEGORIES.values())}。",
                     f"Unknown cause category {text!r}; use one of: {', '.join(CAUSE_CATEGORIES)}.")


def _check_cell(key: CellKey, value: Any, catalogue: Mapping[str, Mapping[str, Any]], sources: set[str]) -> None:
    bad = StoreError(f"无效的单元格：{key}", f"Invalid cell: {key}")
    if not isinstance(key, tuple) or not key or key[0] not in ("actuals", "spending"):
        raise bad
    if key[0] == "actuals":
        if len(key) != 5 or key[1] not in catalogue or key[4] not in ("month", "ytd", "level"):
            raise bad
        _, _, year, month, _ = key
    else:
        if len(key) != 4 or key[3] not in sources:
            raise bad
        _, year, month, _ = key
    if not (isinstance(year, int) and 1900 <= year <= 2200 and isinstance(month, int) and 1 <= month <= 12):
        raise bad
    if value is not None:
        v = float(value)
        if not math.isfinite(v) or v < 0:
            raise StoreError(f"单元格 {key} 的值 {value} 无效（须为非负数）。", f"Cell {key}: {value} is not a non-negative number.")


def cell_label(project: "Project", key: CellKey) -> tuple[str, str]:
    """A cell as people name it: "城镇新增就业人员规模 2024年3月（累计）" / "… 2024-03 (ytd)"."""
    basis_zh = {"month": "当月", "ytd": "累计", "level": "期末"}
    if key[0] == "actuals":
        _, iid, year, month, basis = key
        try:
            ind = project.indicator(iid)
            zh, en = ind.name, ind.display_name("en")
        except KeyError:
            zh = en = str(iid)
        return f"{zh} {year}年{month}月（{basis_zh.get(basis, basis)}）", f"{en} {year}-{month:02d} ({basis})"
    _, year, month, source = key
    names = {s.key: (s.name, s.name_en or s.key) for s in project.funding_sources}
    zh, en = names.get(source, (source, source))
    return f"支出 {zh} {year}年{month}月", f"Spending {en} {year}-{month:02d}"


# ---------------------------------------------------------------------------- backups
_SQLITE_MAGIC = b"SQLite format 3\x00"


def _rollback_journal_header(data: bytes) -> bytes:
    """A database file copied from a WAL-mode store says so in its header (bytes 18–19 = 2),
    which an in-memory copy cannot open; mark it as a rollback-journal file (1) instead."""
    if len(data) >= 100 and data.startswith(_SQLITE_MAGIC) and data[18:20] == b"\x02\x02":
        return data[:18] + b"\x01\x01" + data[20:]
    return data


def _open_backup(data: bytes) -> sqlite3.Connection:
    bad = lambda code, zh, en: RestoreError([RestoreProblem(code, zh, en)])  # noqa: E731
    if not isinstance(data, (bytes, bytearray, memoryview)) or not data:
        raise bad("empty", "备份文件是空的。", "The backup file is empty.")
    raw = bytes(data)
    if len(raw) > BACKUP_MAX_BYTES:
        raise bad("too_large", "备份文件过大。", "The backup file is too large.")
    if raw.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as zf:
                names = [n for n in zf.namelist() if n.lower().endswith((".sqlite", ".sqlite3", ".db"))]
                if not names:
                    raise bad("no_db_in_zip", "压缩包中没有 .sqlite 备份文件。", "The zip holds no .sqlite backup.")
                info = zf.getinfo(names[0])
                if info.file_size > BACKUP_MAX_BYTES:
                    raise bad("too_large", "备份文件过大。", "The backup file is too large.")
                raw = zf.read(names[0])
        except zipfile.BadZipFile:
            raise bad("bad_zip", "压缩包已损坏，无法读取。", "The zip file is damaged.") from None
    if not raw.startswith(_SQLITE_MAGIC):
        raise bad("not_sqlite", "这不是本程序的备份文件（不是 SQLite 数据库）。请选择「下载备份」得到的 .sqlite 或 .zip 文件。",
                  "This is not a backup of this app (not an SQLite database). Choose the .sqlite or .zip file from "
                  "\"Download backup\".")
    raw = _rollback_journal_header(raw)
    mem = sqlite3.connect(":memory:")
    try:
        mem.deserialize(raw)
        check = mem.execute("PRAGMA integrity_check").fetchall()
        if [tuple(r) for r in check] != [("ok",)]:
            raise bad("corrupt", "备份文件已损坏（完整性检查未通过）。", "The backup is damaged (integrity check failed).")
    except sqlite3.DatabaseError:
        mem.close()
        raise bad("corrupt", "备份文件已损坏或不完整，无法读取。", "The backup is damaged or incomplete and cannot be read.") from None
    except RestoreError:
        mem.close()
        raise
    return mem


def _validated_backup(
    mem: sqlite3.Connection, workdir: Path
) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]], list[dict[str, Any]], dict[str, str]]:
    problems: list[RestoreProblem] = []
    P = RestoreProblem
    try:
        tables = {r[0] for r in mem.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "meta" not in tables or "schema_version" not in tables:
            raise RestoreError([P("not_ours", "这不是本程序的备份文件（缺少结构信息）。",
                                  "This is not a backup of this app (no schema information).")])
        meta = {str(k): str(v) for k, v in mem.execute("SELECT key, value FROM meta")}
        if meta.get("app") != APP_ID:
            raise RestoreError([P("not_ours", "这不是本程序的备份文件。", "This is not a backup of this app.")])
        version = int(mem.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise RestoreError([P("newer", f"备份来自更新版本的程序（结构版本 {version}），请先升级程序。",
                                  f"The backup comes from a newer version of the app (schema {version}); upgrade first.")])
        if version < SCHEMA_VERSION:
            migrate(mem, meta.get("created_at", ""))
        fk = mem.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(P("foreign_key", "备份中的记录引用了不存在的批次。", "Rows in the backup refer to missing batches.",
                              str(fk[0][0])))
        content: dict[str, list[dict[str, Any]]] = {}
        for name in _CONTENT_TABLES:
            spec = _SPECS[name]
            content[name] = [dict(zip(spec.cols, r)) for r in mem.execute(f"SELECT {', '.join(spec.cols)} FROM {name}")]
        imports = _dict_rows(mem, "SELECT * FROM imports")
        audit = _dict_rows(mem, "SELECT * FROM audit ORDER BY id")
    except RestoreError:
        raise
    except (sqlite3.DatabaseError, ValueError, TypeError, StoreError) as exc:
        raise RestoreError([P("unreadable", f"备份文件内容无法读取（{type(exc).__name__}）。",
                              f"The backup's content cannot be read ({type(exc).__name__}).")]) from None
    # the backup's own target table
    files = {str(r["name"]): bytes(r["content"]) for r in content["target_files"]}
    project = None
    for r in content["target_files"]:
        if _sha(bytes(r["content"])) != r["sha256"]:
            problems.append(P("target_hash", "目标表文件的校验值不符，文件可能被改动过。", "A target file does not match its checksum.",
                              "target_files", str(r["name"])))
    ref = meta.get("targets_ref", SHIPPED)
    try:
        if files and not problems:
            with tempfile.TemporaryDirectory(dir=workdir, prefix=".restore-") as tmp:
                for n, c in files.items():
                    (Path(tmp) / Path(n).name).write_bytes(c)
                target = Path(tmp) if len(files) > 1 or "indicators.csv" in files else Path(tmp) / next(iter(files))
                project = load_project(target)
        elif ref == SHIPPED:
            project = load_project(None)
    except TargetFileError as exc:
        problems.append(P("targets", "备份中的目标表无法读取：" + "；".join(p.message("zh") for p in exc.problems[:3]),
                          "The backup's target table cannot be read: " + "; ".join(p.message("en") for p in exc.problems[:3])))
    known = set(project.by_id) if project is not None else None
    sources = set(_source_keys(project)) if project is not None else None
    for r in content["actuals"]:
        k = f"{r['indicator_id']} {r['year']}-{r['month']} {r['basis']}"
        if known is not None and r["indicator_id"] not in known:
            problems.append(P("unknown_indicator", f"指标编号「{r['indicator_id']}」不在备份的目标表中。",
                              f"Indicator id {r['indicator_id']!r} is not in the backup's target table.", "actuals", k))
        if not _finite_nonneg(r["value"]):
            problems.append(P("bad_value", f"数值「{r['value']}」无效。", f"Invalid value {r['value']!r}.", "actuals", k))
        if not _row_stamps_ok(r):
            problems.append(P("bad_row", "记录的版本或时间信息无效。", "A row's version or time stamp is invalid.", "actuals", k))
    for r in content["spending"]:
        k = f"{r['year']}-{r['month']} {r['source']}"
        if sources is not None and r["source"] not in sources:
            problems.append(P("unknown_source", f"资金来源「{r['source']}」不在备份的目标表中。",
                              f"Funding source {r['source']!r} is not in the backup's target table.", "spending", k))
        if not _finite_nonneg(r["amount"]):
            problems.append(P("bad_value", f"金额「{r['amount']}」无效。", f"Invalid amount {r['amount']!r}.", "spending", k))
        if not _row_stamps_ok(r):
            problems.append(P("bad_row", "记录的版本或时间信息无效。", "A row's version or time stamp is invalid.", "spending", k))
    for r in content["scenarios"]:
        try:
            if not isinstance(json.loads(r["json"]), dict):
                raise ValueError
        except (ValueError, TypeError):
            problems.append(P("bad_scenario", "情景内容不是有效的 JSON 对象。", "A scenario is not a valid JSON object.",
                              "scenarios", str(r["name"])))
    for r in content["actions"]:
        if r["cause_category"] not in CAUSE_CATEGORIES:
            problems.append(P("bad_cause", f"偏差原因类别「{r['cause_category']}」无效。",
                              f"Invalid cause category {r['cause_category']!r}.", "actions", f"{r['goal']}/{r['indicator_id']}"))
    if problems:
        raise RestoreError(problems)
    return content, imports, audit, meta


def _finite_nonneg(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(float(v)) and float(v) >= 0


def _row_stamps_ok(r: Mapping[str, Any]) -> bool:
    return isinstance(r.get("version"), int) and isinstance(r.get("updated_at"), str) and isinstance(r.get("updated_by"), str)
