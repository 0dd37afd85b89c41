"""Where the store lives and how it is opened: the data directory, the file, the connection
settings (WAL, foreign keys, busy timeout) and read snapshots.

The data dir is the argument, else ``$PT_DATA_DIR``, else ``var/`` in the project folder.
``$PT_TARGETS`` / ``$PT_ACTUALS`` / ``$PT_BUDGET`` seed a fresh store of their own
(:func:`store_location`); ``$PT_SEED_SAMPLE=0`` starts an empty store instead of one holding
the 示例数据 (:func:`seed_sample_default`).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping, Union

from analytics.core.paths import ROOT
from analytics.storage.dbbase import DbBase
from analytics.storage.errors import StoreError
from analytics.storage.pg import PgDb, database_url, is_database_url, redact

__all__ = ["AnyDb", "DB_NAME", "pg_workdir", "DEFAULT_DATA_DIR", "ENV_DATA_DIR", "ENV_SEED_SAMPLE", "Db", "SeedSpec", "StoreLocation",
           "resolve_data_dir", "seed_sample_default", "store_exists", "store_location"]

DEFAULT_DATA_DIR = ROOT / "var"
DB_NAME = "tracker.sqlite"
ENV_DATA_DIR = "PT_DATA_DIR"
ENV_FILES = ("PT_TARGETS", "PT_ACTUALS", "PT_BUDGET")
ENV_SEED_SAMPLE = "PT_SEED_SAMPLE"
#: Largest data file (and target table) accepted by the pages' uploaders and by
#: ``python -m analytics import``.
IMPORT_MAX_BYTES = 20 * 1024 * 1024
#: Largest backup restored, from the command line or 数据管理's uploader; the same number as
#: ``server.maxUploadSize`` (MB) in ``.streamlit/config.toml``, the most any upload may carry (each
#: uploader asks for its own, smaller limit: :func:`upload_mb`).
BACKUP_MAX_BYTES = 512 * 1024 * 1024
TARGET_FILE_MAX_BYTES = 8 * 1024 * 1024
SAMPLE_ORIGIN = "sample"


def upload_mb(limit_bytes: int) -> int:
    """A byte limit as the whole megabytes an uploader is given (``max_upload_size``)."""
    return limit_bytes // (1024 * 1024)
#: ``meta.targets_ref`` values: the shipped table, or "the copy kept in the store" (any other
#: value is a path the store was seeded from on this server — never one taken from a backup).
SHIPPED = "shipped"
IN_STORE = "store"


@dataclass(frozen=True)
class SeedSpec:
    """What a fresh store is filled with. ``None`` everywhere = the shipped table and 示例数据
    (unless ``sample`` is false: then the shipped table and no data)."""

    targets: str | None = None
    actuals: str | None = None
    budget: str | None = None
    sample: bool = True


def seed_sample_default(env: Mapping[str, str] | None = None) -> bool:
    """``$PT_SEED_SAMPLE``: ``0`` / ``false`` / ``no`` / ``off`` = a new store starts empty."""
    env = os.environ if env is None else env
    return str(env.get(ENV_SEED_SAMPLE, "1")).strip().lower() not in ("0", "false", "no", "off")


def resolve_data_dir(data_dir: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None) -> Path:
    """The argument, else ``$PT_DATA_DIR``, else ``var/`` in the project folder."""
    env = os.environ if env is None else env
    if data_dir:
        return Path(data_dir).expanduser()
    if env.get(ENV_DATA_DIR):
        return Path(env[ENV_DATA_DIR]).expanduser()
    return DEFAULT_DATA_DIR


def db_file(path: str | os.PathLike[str]) -> Path:
    p = Path(path).expanduser()
    if p.suffix.lower() in (".sqlite", ".sqlite3", ".db"):
        return p
    return p / DB_NAME


def store_exists(data_dir: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None) -> bool:
    """A store file exists there (a ``postgresql://`` URL counts as existing: the server
    says otherwise when it is opened)."""
    if is_database_url(data_dir):
        return True
    return db_file(resolve_data_dir(data_dir, env)).exists()


def pg_workdir(url: str, env: Mapping[str, str] | None = None) -> Path:
    """The local work folder of a PostgreSQL store on this server (materialised target tables,
    restore scratch files): ``<data dir>/pg-<hash of the URL>``. Nothing in it is shared."""
    return resolve_data_dir(None, env) / f"pg-{hashlib.sha256(redact(url).encode()).hexdigest()[:12]}"


@dataclass(frozen=True)
class StoreLocation:
    file: Path
    seed: SeedSpec | None  # files to seed a fresh store from (PT_TARGETS/PT_ACTUALS/PT_BUDGET)
    url: str | None = None  # a PostgreSQL store (``file`` is then its local work folder)

    @property
    def target(self) -> str:
        """What :class:`~analytics.storage.store.Store` opens: the URL, else the file."""
        return self.url or str(self.file)


def store_location(data_dir: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None,
                   url: str | None = None) -> StoreLocation:
    """Where :func:`open_store` keeps the store. A PostgreSQL URL (``url``, else
    ``$PT_DATABASE_URL``) wins: the store is that database, seeded (once) from ``PT_TARGETS`` /
    ``PT_ACTUALS`` / ``PT_BUDGET`` when they are set. Otherwise, when those are set, a fresh
    SQLite store seeded from those files is used instead:
    ``<data dir>/files-<hash>/`` where the hash covers the paths, sizes and modification times
    — pointing at other files (or changing them) starts another store; the earlier one stays
    on disk untouched."""
    env = os.environ if env is None else env
    base = resolve_data_dir(data_dir, env)
    given = {k: env.get(k) or None for k in ENV_FILES}
    url = url if is_database_url(url) else database_url(env)
    if url:
        seed = SeedSpec(*(str(Path(given[k]).expanduser().resolve()) if given[k] else None for k in ENV_FILES)) \
            if any(given.values()) else None  # type: ignore[misc]
        return StoreLocation(base, seed, url)
    if not any(given.values()):
        return StoreLocation(db_file(base), None)
    sig = hashlib.sha256()
    for k in ENV_FILES:
        p = given[k]
        sig.update(k.encode())
        if p:
            path = Path(p).expanduser().resolve()
            sig.update(str(path).encode())
            sig.update(repr(file_signature(path)).encode())
    seed = SeedSpec(*(str(Path(given[k]).expanduser().resolve()) if given[k] else None for k in ENV_FILES))  # type: ignore[misc]
    return StoreLocation(db_file(base / f"files-{sig.hexdigest()[:12]}"), seed)


def file_signature(path: Path) -> tuple[Any, ...]:
    if path.is_dir():
        return tuple(sorted((f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in path.iterdir() if f.is_file()))
    if path.exists():
        st = path.stat()
        return (st.st_size, st.st_mtime_ns)
    return ()


class Db(DbBase):
    """One store file: connections, read snapshots, the clock and the ``meta`` table (the
    PostgreSQL twin with the same methods is :class:`analytics.storage.pg.PgDb`).

    Connections are opened per operation (SQLite connections are cheap; WAL lets readers run
    beside the one writer). :meth:`counter` keeps one autocommit connection per thread for the
    cheap version reads that key the app's caches."""

    backend = "sqlite"

    def __init__(self, file: Path, clock: Callable[[], _dt.datetime] | None = None) -> None:
        self.file = file
        self.dir = file.parent
        self._clock = clock or (lambda: _dt.datetime.now().astimezone())
        self._local = threading.local()

    def connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.file, timeout=30.0, isolation_level=None, check_same_thread=False)
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("PRAGMA busy_timeout = 30000")
        con.execute("PRAGMA synchronous = NORMAL")
        return con

    def counter(self, key: str) -> int:
        """An integer of ``meta`` read on this thread's long-lived autocommit connection (no
        transaction is held open, so every call sees the latest commit of any process)."""
        con = getattr(self._local, "con", None)
        if con is None or getattr(self._local, "pid", None) != os.getpid():  # never reuse one across fork()
            con = sqlite3.connect(self.file, timeout=30.0, isolation_level=None, check_same_thread=False)
            con.execute("PRAGMA busy_timeout = 30000")
            self._local.con, self._local.pid = con, os.getpid()
        r = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return int(r[0]) if r else 0

    def prepare(self) -> None:
        """Switch the file to WAL (readers beside the one writer); refused on e.g. a network
        filesystem that cannot share memory between processes."""
        con = self.connect()
        try:
            mode = con.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        finally:
            con.close()
        if str(mode).lower() != "wal":  # pragma: no cover - e.g. a network filesystem
            raise StoreError(code="no_wal", params={"dir": str(self.dir)})

    def integrity_errors(self) -> tuple[type[BaseException], ...]:
        return (sqlite3.IntegrityError,)

    def close(self) -> None:
        con = getattr(self._local, "con", None)
        if con is not None:
            self._local.con = None
            con.close()


#: A store's database on either backend (the same methods: connect, read, meta, counter, now).
AnyDb = Union[Db, PgDb]
