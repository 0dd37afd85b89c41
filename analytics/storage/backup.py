"""Backups and restore. A backup is the store's SQLite file (``.sqlite``, or a ``.zip``
holding it; a PostgreSQL store's backup is the same file, its logical dump); restoring one makes the store's content equal to it in one audited, undoable
transaction, and merges the backup's history (batches and audit rows) in.

A backup is data from a stranger. Restore reads only the tables and columns this code knows
(:mod:`analytics.storage.schema`), by name, and writes them with bound parameters only; it
checks every row (values, keys, stamps, target-file names, audit rows) before anything is
written; it never takes a path, a setting or a role from the backup: ``meta`` gives only the
app marker, the target reference stays this server's own (a different target table switches
the store to the copy it keeps), and settings stay as they are unless an admin asks for them
(``restore_settings``; then they are stamped with the restorer). Every rejection is a
:class:`RestoreError` listing located :class:`RestoreProblem` codes; nothing is changed.

The backup's database is streamed to a scratch folder of the store's directory and checked
there (:func:`opened_backup`), so a restore holds no copy of it in memory: only the rows of
the tables it reads.
"""

from __future__ import annotations

import errno
import io
import sqlite3
import tempfile
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, Iterator, Union

from analytics.ingest.targets import TargetFileError, load_project
from analytics.storage.backup_checks import check_content, check_history, shown
from analytics.storage.connection import BACKUP_MAX_BYTES, DB_NAME, IN_STORE, SHIPPED, TARGET_FILE_MAX_BYTES, AnyDb
from analytics.storage.errors import RestoreError, RestoreProblem, RestoreSummary
from analytics.storage.rows import key_of
from analytics.storage.schema import (APP_ID, AUDIT_COLS, CONTENT_TABLES, DEFAULT_PROJECT, IMPORTS_COLS, SCHEMA_VERSION,
                                      SPECS, migrate, table_cols)
from analytics.storage.pg import PgDb
from analytics.storage.targets import materialise, sync_targets
from analytics.storage.transactions import Tx, write
from analytics.storage.transfer import sqlite_bytes

__all__ = ["BackupSource", "backup", "backup_zip", "opened_backup", "restore"]

_SQLITE_MAGIC = b"SQLite format 3\x00"
Rows = list[dict[str, Any]]


def _fail(code: str, **params: Any) -> RestoreError:
    return RestoreError([RestoreProblem(code, params)])


def rollback_journal_header(data: bytes) -> bytes:
    """A database file copied from a WAL-mode store says so in its header (bytes 18–19 = 2),
    which an in-memory copy cannot open; mark it as a rollback-journal file (1) instead."""
    if len(data) >= 100 and data.startswith(_SQLITE_MAGIC) and data[18:20] == b"\x02\x02":
        return data[:18] + b"\x01\x01" + data[20:]
    return data


def backup(db: AnyDb) -> bytes:
    """A consistent copy of the whole store as the bytes of a ``.sqlite`` file (SQLite backup
    API; a PostgreSQL store is copied table by table from one snapshot into the same format,
    :func:`~analytics.storage.transfer.sqlite_bytes`); :func:`restore` takes it (or a zip
    holding it) back into either backend."""
    sync_targets(db)
    if isinstance(db, PgDb):
        return sqlite_bytes(db, db.now())
    src = db.connect()
    mem = sqlite3.connect(":memory:")
    try:
        src.backup(mem)
        return rollback_journal_header(bytes(mem.serialize()))
    finally:
        mem.close()
        src.close()


def backup_zip(db: AnyDb) -> bytes:
    data = backup(db)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        info = zipfile.ZipInfo(DB_NAME, date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, data)
    return buf.getvalue()


#: What :func:`restore` takes: the backup's bytes, or a binary file open for reading (the
#: command's file, the page's upload), which is streamed and never read whole into memory.
BackupSource = Union[bytes, bytearray, memoryview, BinaryIO]
_CHUNK = 1024 * 1024


def _copy_limited(src: BinaryIO, dst: BinaryIO) -> None:
    """Copy ``src`` to ``dst`` a chunk at a time; past :data:`BACKUP_MAX_BYTES` → ``too_large``
    (a zip entry can unpack to more than it declares)."""
    n = 0
    while chunk := src.read(_CHUNK):
        n += len(chunk)
        if n > BACKUP_MAX_BYTES:
            raise _fail("too_large")
        dst.write(chunk)


def _unzip_to(fh: BinaryIO, dst: BinaryIO) -> None:
    try:
        with zipfile.ZipFile(fh) as zf:
            names = [n for n in zf.namelist() if n.lower().endswith((".sqlite", ".sqlite3", ".db"))]
            if not names and any(n in ("xl/workbook.xml", "word/document.xml", "ppt/presentation.xml") for n in zf.namelist()):
                raise _fail("office_not_backup")  # the exported workbook (an .xlsx is a zip too), a report or a deck
            if not names:
                raise _fail("no_db_in_zip")
            info = zf.getinfo(names[0])
            if info.flag_bits & 0x1:  # encrypted (zip -P): this app writes none
                raise _fail("zip_encrypted")
            if info.file_size > BACKUP_MAX_BYTES:
                raise _fail("too_large")
            with zf.open(info) as entry:
                _copy_limited(entry, dst)
    except RuntimeError:  # zipfile's "encrypted, password required"
        raise _fail("zip_encrypted") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, zlib.error):
        raise _fail("bad_zip") from None
    except OSError as exc:
        if exc.errno is None:  # a damaged zip, not this server's disk
            raise _fail("bad_zip") from None
        raise


def _source(data: BackupSource) -> BinaryIO:
    """The backup as a readable file, refused when empty or past :data:`BACKUP_MAX_BYTES`."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        fh: BinaryIO = io.BytesIO(data)  # bytes are shared, not copied
    elif hasattr(data, "read") and hasattr(data, "seek"):
        fh = data
        fh.seek(0)
    else:
        raise _fail("empty")
    size = fh.seek(0, io.SEEK_END)
    fh.seek(0)
    if not size:
        raise _fail("empty")
    if size > BACKUP_MAX_BYTES:
        raise _fail("too_large")
    return fh


def _spool(data: BackupSource, path: Path) -> None:
    """Write the backup's database (unpacked from its zip) to ``path``, a chunk at a time,
    marked as a rollback-journal file; every refusal of the file itself on the way."""
    fh = _source(data)
    zipped = fh.read(4) == b"PK\x03\x04"
    fh.seek(0)
    try:
        with path.open("wb") as out:
            _unzip_to(fh, out) if zipped else _copy_limited(fh, out)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise _fail("no_space", mb=BACKUP_MAX_BYTES // (1024 * 1024)) from None
        raise
    with path.open("r+b") as out:
        head = out.read(100)
        if not head.startswith(_SQLITE_MAGIC):
            raise _fail("not_sqlite")
        if rollback_journal_header(head) != head:
            out.seek(18)
            out.write(b"\x01\x01")


@contextmanager
def opened_backup(data: BackupSource, workdir: Path) -> Iterator[sqlite3.Connection]:
    """The backup as a database in a scratch folder of ``workdir`` (removed on leaving),
    checked intact and holding tables and indexes only. The file is streamed there and checked
    on disk: two copies of a 500 MB database in memory took a gigabyte."""
    with tempfile.TemporaryDirectory(dir=workdir, prefix=".restore-") as tmp:
        path = Path(tmp) / DB_NAME
        _spool(data, path)
        con = sqlite3.connect(path)
        try:
            check = con.execute("PRAGMA integrity_check").fetchall()
            if [tuple(r) for r in check] != [("ok",)]:
                raise _fail("corrupt")
            code = con.execute("SELECT type, name FROM sqlite_master WHERE type IN ('view', 'trigger') LIMIT 1").fetchone()
            if code is not None:  # a backup of this app holds tables and indexes only: a view can run any query
                raise _fail(f"has_{code[0]}", name=shown(code[1]))
        except sqlite3.DatabaseError:
            con.close()
            raise _fail("corrupt") from None
        except BaseException:
            con.close()
            raise
        try:
            yield con
        finally:
            con.close()


def _columns(mem: sqlite3.Connection, table: str) -> set[str] | None:
    """The backup's columns of a known table (the name is one of ours, quoted)."""
    rows = mem.execute(f'PRAGMA table_info("{table}")').fetchall()
    return {str(r[1]) for r in rows} if rows else None


def _read_known(mem: sqlite3.Connection) -> tuple[dict[str, Rows], Rows, Rows, dict[str, str]]:
    """Only our tables and columns, by name: (content by table, batches, audit rows, meta)."""
    names = {r[0] for r in mem.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "meta" not in names or "schema_version" not in names:
        raise _fail("not_ours")
    meta = {str(k): str(v) for k, v in mem.execute("SELECT key, value FROM meta")}
    if meta.get("app") != APP_ID:
        raise _fail("not_ours")
    version = int(mem.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise _fail("newer", version=version)
    if version < SCHEMA_VERSION:
        migrate(mem, meta.get("created_at", ""))
    wanted = {name: table_cols(SPECS[name]) for name in CONTENT_TABLES} | {"imports": IMPORTS_COLS, "audit": AUDIT_COLS}
    problems = []
    for table, cols in wanted.items():
        have = _columns(mem, table)
        if have is None:
            problems.append(RestoreProblem("missing_table", {"table": table}))
            continue
        problems.extend(RestoreProblem("missing_column", {"column": c}, table) for c in cols if c not in have)
    if problems:
        raise RestoreError(problems)
    big = mem.execute('SELECT name FROM "target_files" WHERE length(content) > ? LIMIT 1', (TARGET_FILE_MAX_BYTES,)).fetchone()
    if big is not None:  # asked before any row is read: a 100 MB file was read, hashed and copied, a gigabyte of memory
        raise _fail("target_too_large", name=shown(big[0]), limit_mb=TARGET_FILE_MAX_BYTES // (1024 * 1024))
    out: dict[str, Rows] = {}
    for table, cols in wanted.items():
        sql = f"SELECT {', '.join(f'{chr(34)}{c}{chr(34)}' for c in cols)} FROM \"{table}\""
        out[table] = [dict(zip(cols, r)) for r in mem.execute(sql)]
    imports, audit = out.pop("imports"), out.pop("audit")
    audit.sort(key=lambda a: a["id"] if isinstance(a["id"], int) else 0)
    # the one thing taken from meta: whether the backup computed with the table shipped with the app
    # (a symbol, never a path)
    return out, imports, audit, {"app": meta["app"], "shipped": "1" if meta.get("targets_ref") == SHIPPED else ""}


def _backup_project(files: dict[str, bytes], workdir: Path) -> tuple[Any, list[RestoreProblem]]:
    """The backup's own target table (to check its rows against), or the problem."""
    try:
        with tempfile.TemporaryDirectory(dir=workdir, prefix=".restore-") as tmp:
            return load_project(materialise(files, Path(tmp))), []
    except TargetFileError as exc:
        return None, [RestoreProblem("targets", {
            "detail_zh": "；".join(p.message("zh") for p in exc.problems[:3]),
            "detail_en": "; ".join(p.message("en") for p in exc.problems[:3])})]


def validated_backup(mem: sqlite3.Connection, workdir: Path) -> tuple[dict[str, Rows], Rows, Rows, bool]:
    """Read and check everything; :class:`RestoreError` with every problem found."""
    try:
        content, imports, audit, meta = _read_known(mem)
        fk = mem.execute("PRAGMA foreign_key_check").fetchall()
    except RestoreError:
        raise
    except (sqlite3.DatabaseError, ValueError, TypeError) as exc:
        raise _fail("unreadable", error=type(exc).__name__) from None
    problems: list[RestoreProblem] = []
    if fk:
        problems.append(RestoreProblem("foreign_key", {}, str(fk[0][0])))
    problems.extend(check_content(content, lambda files: _backup_project(files, workdir)))
    problems.extend(check_history(imports, audit))
    if problems:
        raise RestoreError(problems)
    return content, imports, audit, bool(meta["shipped"])


def _merge_history(tx: Tx, imports: Rows, audit: Rows) -> tuple[set[str], set[str], int]:
    """Insert the backup's batches and audit rows this store does not have (named columns,
    bound values) → (live batch ids, merged batch ids, how many merged)."""
    live = {r[0] for r in tx.con.execute("SELECT batch_id FROM imports")}
    merged = [b for b in imports if b["batch_id"] not in live]
    merged_ids = {b["batch_id"] for b in merged}
    known = live | merged_ids
    cols = IMPORTS_COLS
    sql = f"INSERT INTO imports ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
    for b in sorted(merged, key=lambda b: (b["undo_of"] is not None, b["at"])):
        tx.con.execute(sql, [b[c] if c != "undo_of" or b[c] in known else None for c in cols])
    tx.con.executemany(
        "INSERT INTO audit (at, who, tbl, key, indicator_id, old, new, source, batch_id, project) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(a["at"], a["who"], a["tbl"], a["key"], a["indicator_id"], a["old"], a["new"], a["source"], a["batch_id"],
          a["project"]) for a in audit if a["batch_id"] in merged_ids])
    return live, merged_ids, len(merged)


def _replace_table(tx: Tx, name: str, rows: Rows, batches: set[str], keep_stamp: bool) -> dict[str, int]:
    """Make one table equal to the backup's rows: for a project's table, project by project
    (every project the store or the backup has)."""
    spec = SPECS[name]
    if not spec.scoped:
        return _replace_rows(tx, spec, rows, batches, keep_stamp)
    pids = {str(r[0]) for r in tx.con.execute(f"SELECT DISTINCT project FROM {name}")} | {str(r["project"]) for r in rows}
    n = {"added": 0, "changed": 0, "removed": 0, "unchanged": 0}
    for pid in sorted(pids):
        tx.project = pid
        for k, v in _replace_rows(tx, spec, [r for r in rows if r["project"] == pid], batches, keep_stamp).items():
            n[k] += v
    tx.project = DEFAULT_PROJECT
    return n


#: Columns saying where a row came from, not what it holds: a row equal in every other column is
#: written as the backup has it but counted unchanged (a backup of another store with the same
#: figures reported 1,253 rows changed).
_PROVENANCE = frozenset({"version", "origin", "batch_id", "updated_at", "updated_by", "created_at", "created_by"})


def _replace_rows(tx: Tx, spec: Any, rows: Rows, batches: set[str], keep_stamp: bool) -> dict[str, int]:
    live = tx.all(spec)
    want = {key_of(spec, r): r for r in rows}
    ops: list[Any] = []
    n = {"added": 0, "changed": 0, "removed": 0, "unchanged": 0}
    for key, row in want.items():
        old = live.get(key)
        if old is not None and all(old[c] == row[c] for c in spec.cols if c != "version"):
            n["unchanged"] += 1
            continue
        if row.get("batch_id") and row["batch_id"] not in batches:
            row = {**row, "batch_id": None}
        ops.append((key, old, row))  # the store becomes the backup, where each row came from included
        same = old is not None and all(old[c] == row[c] for c in spec.cols if c not in _PROVENANCE)
        n["added" if old is None else "unchanged" if same else "changed"] += 1
    for key, old in live.items():
        if key not in want:
            ops.append((key, old, None))
            n["removed"] += 1
    tx.apply(spec, ops, "restore", keep_stamp=keep_stamp)
    return n


def _same_targets(tx: Tx, rows: Rows) -> bool:
    live = {(str(n), str(s)) for n, s in tx.con.execute("SELECT name, sha256 FROM target_files WHERE project = ?",
                                                        (DEFAULT_PROJECT,))}
    return live == {(str(r["name"]), str(r["sha256"])) for r in rows if r["project"] == DEFAULT_PROJECT}


def restore(db: AnyDb, data: BackupSource, who: str, filename: str = "backup", restore_settings: bool = False) -> RestoreSummary:
    """Make the store's content equal to a backup's (see the module text), in one
    transaction, audited and undoable; the current settings stay unless ``restore_settings``
    (an admin's explicit choice, checked by the caller)."""
    with opened_backup(data, db.dir) as con:
        content, imports, audit, shipped = validated_backup(con, db.dir)
    tables = [t for t in CONTENT_TABLES if t != "settings" or restore_settings]
    totals = {"added": 0, "changed": 0, "removed": 0, "unchanged": 0, "merged": 0}
    try:
        batch = _write_restore(db, who, filename, (content, imports, audit, shipped), tables, totals)
    except db.integrity_errors() as exc:  # rolled back: a row the checks let through still broke a constraint
        raise _fail("unreadable", error=type(exc).__name__) from None
    skipped = 0 if restore_settings else len(content["settings"])
    return RestoreSummary(batch, totals["added"], totals["changed"], totals["removed"], totals["unchanged"],
                          totals["merged"], skipped)


def _point_targets(tx: Tx, rows: Rows, shipped: bool) -> None:
    """Which target table the store computes with after the restore: the shipped one when the
    backup used it and this store does too (the copy is refreshed from it on the next sync);
    else this store's own reference when the backup brings the same files; else the copy the
    backup brought (:data:`IN_STORE`). A path is never taken from the backup."""
    ref = tx.con.execute("SELECT value FROM meta WHERE key = 'targets_ref'").fetchone()
    live_shipped = ref is None or ref[0] == SHIPPED
    if shipped and live_shipped:
        tx.con.execute("DELETE FROM meta WHERE key = 'targets_sig'")
    elif not _same_targets(tx, rows):
        tx.con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('targets_ref', ?)", (IN_STORE,))
        tx.con.execute("DELETE FROM meta WHERE key = 'targets_sig'")


def _write_restore(db: AnyDb, who: str, filename: str, backup: tuple[dict[str, Rows], Rows, Rows, bool],
                   tables: list[str], totals: dict[str, int]) -> str:
    """The restore's one transaction (counts added up in ``totals``) → its batch id."""
    content, imports, audit, shipped = backup
    with write(db, who) as tx:
        live, merged_ids, totals["merged"] = _merge_history(tx, imports, audit)
        batch = tx.new_batch("restore", filename)
        _point_targets(tx, content["target_files"], shipped)
        for name in tables:
            n = _replace_table(tx, name, content[name], live | merged_ids, keep_stamp=name != "settings")
            for k in ("added", "changed", "removed", "unchanged"):
                totals[k] += n[k]
        tx.set_counts(batch, totals["added"], totals["changed"], totals["unchanged"], totals["removed"])
        tx.bump(True)
    return batch

