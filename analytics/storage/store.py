"""The data store: one SQLite file (stdlib ``sqlite3``, the default) or one PostgreSQL
database (``postgresql://`` URL, several app servers on one database) that keeps everything the
app lets people enter, import and change — and every change made to it. :class:`Store` is a
small facade; the work is done in one module per responsibility:

* :mod:`~analytics.storage.connection` — where the store lives, connections, read snapshots
* :mod:`~analytics.storage.pg` — the same on PostgreSQL (psycopg 3, a pool, SQL translation)
* :mod:`~analytics.storage.transfer` — copying a whole store between backends, checksums
* :mod:`~analytics.storage.schema` — ordered migrations, the known tables and columns
* :mod:`~analytics.storage.transactions` — one ``BEGIN IMMEDIATE`` transaction per write, versions
* :mod:`~analytics.storage.seeding` — the first fill (shipped table + 示例数据), sample removal
* :mod:`~analytics.storage.targets` — the target files and the copy kept in the store
* :mod:`~analytics.storage.projects` — many projects in one store, adding and archiving them
* :mod:`~analytics.storage.merge` — file imports and grid edits
* :mod:`~analytics.storage.history` — audit trail and undo
* :mod:`~analytics.storage.records` — scenarios, causes and measures, settings
* :mod:`~analytics.storage.backup` — backup and restore (a backup is untrusted input;
  :mod:`~analytics.storage.backup_checks` checks it row by row)
* :mod:`~analytics.storage.export` — the Excel workbook
* :mod:`~analytics.storage.errors`, :mod:`~analytics.storage.rows` — results and errors; row helpers

Where: ``<data dir>/tracker.sqlite``; the data dir is the argument, else ``$PT_DATA_DIR``,
else ``var/`` in the project folder. No Streamlit import.

Tables (schema version :data:`SCHEMA_VERSION`): ``actuals`` and ``spending`` (rows in the
validator's shape plus ``origin`` — ``sample`` | ``import`` | ``grid`` — ``batch_id``,
``version``, ``updated_at``, ``updated_by``), ``scenarios``, ``actions`` (deviation causes
and corrective measures per year, goal, indicator), ``settings``, ``target_files`` (a copy of
the target table), ``meta``, ``audit`` (one row per changed row) and ``imports`` (one row per
batch of changes, with its counts and whether it was undone), ``projects`` (the projects added
after the first). Every row of actuals, spending, target files, scenarios, actions, audit and
imports carries a ``project`` id (``dongguan``, :data:`DEFAULT_PROJECT`, for the first table).

Rules: every write is one transaction; every committed write changes :meth:`Store.data_version`
(the cache key of the app's pages); a grid edit made against an older version is refused
(:class:`StaleEditError`); every change is audited and every batch can be undone.

示例数据: rows seeded from the shipped sample files carry ``origin = 'sample'``; the first
real import or grid save removes every remaining sample row in the same batch (one undo
brings them back) unless ``keep_sample=True``. A new store starts without the sample when
``SeedSpec(sample=False)`` (``$PT_SEED_SAMPLE=0``).
"""

from __future__ import annotations

import copy
import datetime as _dt
import errno
import os
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Sequence

import pandas as pd

from analytics.ingest.schema import ACTUAL_FIELDS
from analytics.storage import backup as _backup
from analytics.storage import export as _export
from analytics.storage import grid as _grid
from analytics.storage import history as _history
from analytics.storage import merge as _merge
from analytics.storage import projects as _projects
from analytics.storage import records as _records
from analytics.storage import seeding as _seeding
from analytics.storage import targets as _targets
from analytics.storage.connection import (
    AnyDb,
    BACKUP_MAX_BYTES,
    DB_NAME,
    DEFAULT_DATA_DIR,
    ENV_DATA_DIR,
    ENV_SEED_SAMPLE,
    IMPORT_MAX_BYTES,
    SAMPLE_ORIGIN,
    SHIPPED,
    Db,
    SeedSpec,
    StoreLocation,
    db_file,
    pg_workdir,
    resolve_data_dir,
    seed_sample_default,
    store_exists,
    store_location,
)
from analytics.storage.pg import PgDb, database_url, is_database_url
from analytics.storage.errors import (
    AuditEntry,
    BatchInfo,
    Conflict,
    ImportRejected,
    ImportSummary,
    RestoreError,
    RestoreProblem,
    RestoreSummary,
    RowChange,
    ScenarioInfo,
    StaleEditError,
    StoreError,
    UndoConflictError,
)
from analytics.storage.rows import (
    CAUSE_CATEGORIES,
    as_project_sees,
    CellKey,
    actual_key,
    cause_key,
    cell_label,
    dict_rows,
    frame,
    source_keys,
    source_budgets,
    source_names,
    spending_key,
)
from analytics.storage.schema import (
    APP_ID,
    AUDIT_COLS,
    CONTENT_TABLES,
    DEFAULT_PROJECT,
    IMPORTS_COLS,
    MIGRATIONS,
    SCHEMA_VERSION,
    SPECS,
    migrate,
    statements,
    table_cols,
    table_key,
)
from analytics.storage.transactions import Tx as _Tx  # noqa: F401  (tests patch it)

if TYPE_CHECKING:  # pragma: no cover
    from analytics.core.model import Project
    from analytics.ingest.validate import IngestResult
    from analytics.storage.dataset import Dataset

__all__ = [
    "APP_ID", "BACKUP_MAX_BYTES", "CAUSE_CATEGORIES", "DB_NAME", "DEFAULT_DATA_DIR", "DEFAULT_PROJECT", "ENV_DATA_DIR", "ENV_SEED_SAMPLE",
    "IMPORT_MAX_BYTES", "MIGRATIONS", "SCHEMA_VERSION", "SHIPPED", "AuditEntry", "BatchInfo", "CellKey", "Conflict",
    "ImportRejected", "ImportSummary", "RestoreError", "RestoreProblem", "RestoreSummary", "RowChange", "ScenarioInfo",
    "SeedSpec", "StaleEditError", "Store", "StoreError", "StoreLocation", "UndoConflictError", "actual_key",
    "cause_key", "cell_label", "migrate", "open_store", "resolve_data_dir", "seed_sample_default", "spending_key",
    "store_exists", "store_location",
]

_statements = statements  # the name tests and older callers use
_DATA_COLS = {"actuals": list(ACTUAL_FIELDS),
              "spending": ["year", "month", "first_month", "source", "amount", "note"]}
_ORDER = {"actuals": "indicator_id, year, month, basis", "spending": "year, month, source"}


def open_store(data_dir: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None) -> "Store":
    """The app's store (see :func:`store_location`), created and seeded on first use."""
    loc = store_location(data_dir, env)
    return Store(loc.target, seed=loc.seed)


class Store:
    """A data store in a directory (``tracker.sqlite`` inside it), at a ``.sqlite`` path, or in
    a PostgreSQL database (a ``postgresql://`` URL; with no path, ``$PT_DATABASE_URL`` when it
    is set, else the data dir).

    Opening creates the file (or the tables), runs pending migrations and, the first time,
    seeds it from the target files and data files in ``seed`` (default: the shipped table and
    示例数据, or no data when ``$PT_SEED_SAMPLE=0``).

    A store holds many projects; a :class:`Store` reads and writes the rows of one of them,
    :attr:`project_id` (the default project unless opened with ``project=`` or got from
    :meth:`with_project`). Backup, restore and the counters are the whole store's."""

    #: the project whose rows this facade reads and writes
    project_id: str = DEFAULT_PROJECT

    def __init__(self, path: str | os.PathLike[str] | None = None, *, seed: SeedSpec | None = None,
                 clock: Callable[[], _dt.datetime] | None = None, create: bool = True,
                 project: str | None = None) -> None:
        url = str(path) if is_database_url(path) else database_url() if path is None else None
        self._db: AnyDb
        if url:
            self._db = PgDb(url, pg_workdir(url), clock)
            self.file: Any = self._db.file
            self.dir = self._db.dir
        else:
            self.file = db_file(resolve_data_dir(path))
            self.dir = self.file.parent
            if not create and not self.file.exists():
                raise FileNotFoundError(str(self.file))
            self._db = Db(self.file, clock)
        #: what opens this store again (in another thread or process): the URL or the file
        self.target: str = url or str(self.file)
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a file where the folder should be, no permission: said, not a traceback
            code = {errno.EEXIST: "store_dir_is_file", errno.ENOTDIR: "store_dir_is_file", errno.EACCES: "store_dir_denied",
                    errno.EPERM: "store_dir_denied", errno.EROFS: "store_dir_denied"}.get(exc.errno or 0, "store_dir_unusable")
            raise StoreError(code=code, params={"dir": str(self.dir), "why": exc.strerror or str(exc)}) from exc
        self._db.prepare()
        con = self._db.connect()
        try:
            migrate(con, self._db.now())
        finally:
            con.close()
        if self._db.meta("seeded") is None:
            _seeding.seed(self._db, seed or SeedSpec(sample=seed_sample_default()))
        self.sync_targets()
        if project not in (None, DEFAULT_PROJECT):
            self.project_id = self._known(str(project))

    def _known(self, pid: str) -> str:
        if _projects.project_status(self._db, _projects.check_project_id(pid)) is None:
            raise StoreError(code="unknown_project", params={"project": pid})
        return pid

    # -- projects
    def with_project(self, project: str | None) -> "Store":
        """The same store reading and writing the rows of ``project`` (``None``: the default
        project); :class:`StoreError` ``unknown_project`` when the store has no such project."""
        pid = DEFAULT_PROJECT if project in (None, "") else self._known(str(project))
        other = copy.copy(self)
        other.project_id = pid
        return other

    def list_projects(self, archived: bool = True) -> list[_projects.ProjectInfo]:
        """The default project first (named by its table), then every added one."""
        try:
            name = self.with_project(None).project().name
        except (StoreError, ValueError):
            name = ""
        return _projects.list_projects(self._db, name, archived)

    def project_status(self, project: str | None = None) -> str | None:
        return _projects.project_status(self._db, project or self.project_id)

    def add_project(self, project: str, name: str, files: Mapping[str, bytes], who: str,
                    filename: str = "") -> ImportSummary:
        """See :func:`analytics.storage.projects.add_project`."""
        return _projects.add_project(self._db, project, name, dict(files), who, filename)

    def archive_project(self, project: str, who: str, archived: bool = True) -> ImportSummary:
        """Archive (or, ``archived=False``, bring back) an added project: one undoable batch."""
        return _projects.set_status(self._db, project, "archived" if archived else "active", who)

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._db.backend

    def close(self) -> None:
        """Give back this process's connections to the store (a PostgreSQL pool is closed; the
        next call opens a new one)."""
        self._db.close()

    def __repr__(self) -> str:
        return f"Store({str(self.file if self.backend != 'sqlite' else self.dir)!r})"

    def _connect(self) -> Any:
        return self._db.connect()

    def pragma(self, name: str) -> Any:
        """A PRAGMA as a fresh connection of this store sees it (``journal_mode``, ``foreign_keys``…;
        SQLite only)."""
        con = self._db.connect()
        try:
            return con.execute(f"PRAGMA {name}").fetchone()[0]
        finally:
            con.close()

    # -- versions
    def data_version(self) -> int:
        """Changes on every committed write to the store, by any process (data, scenarios,
        causes and measures, settings, target files): the key of every cache of the app.
        One indexed read on a kept connection."""
        return self._db.counter("version")

    def version(self) -> int:
        """The same counter as :meth:`data_version` (the older name)."""
        return self._db.counter("version")

    def dataset_version(self) -> int:
        """Changes only on writes to what the :class:`Dataset` is built from (actuals,
        spending, target files) — e.g. for an open grid to tell that its data changed."""
        return self._db.counter("data_version")

    def schema_version(self) -> int:
        with self._db.read() as con:
            return int(con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0)

    # -- targets
    def targets_ref(self) -> str:
        return _targets.targets_ref(self._db)

    def sync_targets(self, who: str = "system") -> bool:
        """Refresh the default project's copy of its target files (added projects keep theirs in the store)."""
        return _targets.sync_targets(self._db, who)

    def project(self) -> "Project":
        return _targets.project(self._db, self.project_id)

    # -- reading
    def _table_frame(self, table: str, year: int | None, with_meta: bool) -> pd.DataFrame:
        cols = list(SPECS[table].cols) if with_meta else _DATA_COLS[table]
        sql = f"SELECT {', '.join(cols)} FROM {table} WHERE project = ?" + (" AND year = ?" if year is not None else "") + \
            f" ORDER BY {_ORDER[table]}"
        with self._db.read() as con:
            rows = con.execute(sql, (self.project_id,) if year is None else (self.project_id, int(year))).fetchall()
        return frame(rows, cols)

    def actuals_frame(self, year: int | None = None, with_meta: bool = False) -> pd.DataFrame:
        """Actuals in the validator's normalised shape (+ origin/version/… with ``with_meta``)."""
        return self._table_frame("actuals", year, with_meta)

    def spending_frame(self, year: int | None = None, with_meta: bool = False) -> pd.DataFrame:
        df = self._table_frame("spending", year, with_meta)
        if not with_meta:
            df.insert(5, "basis", pd.Series(["month"] * len(df), dtype="str"))
        return df

    def is_sample(self) -> bool:
        return self.sample_count() > 0

    def sample_count(self) -> int:
        """How many 示例数据 rows (actuals + spending) the store still holds."""
        return _seeding.sample_count(self._db, self.project_id)

    def load_dataset(self) -> "Dataset":
        """The same :class:`~analytics.storage.dataset.Dataset` the app computes on, built from the store."""
        from analytics.core.series import Actuals, Budget
        from analytics.storage.dataset import YEAR_BUDGETS_SETTING, Dataset, with_year_budgets

        project = self.project()
        pid = self.project_id
        with self._db.read() as con:
            a = frame(con.execute(f"SELECT {', '.join(_DATA_COLS['actuals'])} FROM actuals WHERE project = ? "
                                  f"ORDER BY {_ORDER['actuals']}", (pid,)).fetchall(), _DATA_COLS["actuals"])
            b = frame(con.execute(f"SELECT {', '.join(_DATA_COLS['spending'])} FROM spending WHERE project = ? "
                                  f"ORDER BY {_ORDER['spending']}", (pid,)).fetchall(), _DATA_COLS["spending"])
            sample = bool(con.execute("SELECT EXISTS (SELECT 1 FROM actuals WHERE project = ? AND origin = ?) OR EXISTS "
                                      "(SELECT 1 FROM spending WHERE project = ? AND origin = ?)",
                                      (pid, SAMPLE_ORIGIN, pid, SAMPLE_ORIGIN)).fetchone()[0])
            version = con.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
        b.insert(5, "basis", pd.Series(["month"] * len(b), dtype="str"))
        ref = _targets.targets_path(self._db) if pid == DEFAULT_PROJECT else None
        ds = Dataset(project=project, actuals=Actuals(project, a), budget=Budget(project, b), is_sample=sample,
                     sources={"targets": str(ref or "store"), **({"project": pid} if pid != DEFAULT_PROJECT else {}),
                              "actuals": f"store:{self.file}", "budget": f"store:{self.file}",
                              "store": str(self.file), "data_version": str(version[0] if version else 0)})
        return with_year_budgets(ds, self.get_setting(YEAR_BUDGETS_SETTING))

    def dump(self) -> dict[str, list[dict[str, Any]]]:
        """Every content row of every project (for tests and comparisons): table → rows sorted
        by key (``project`` first)."""
        out: dict[str, list[dict[str, Any]]] = {}
        with self._db.read() as con:
            for name in CONTENT_TABLES:
                cols = table_cols(SPECS[name])
                out[name] = [dict(zip(cols, r)) for r in con.execute(
                    f"SELECT {', '.join(cols)} FROM {name} ORDER BY {', '.join(table_key(SPECS[name]))}")]
            out["imports"] = dict_rows(con, f"SELECT {', '.join(IMPORTS_COLS)} FROM imports ORDER BY at, batch_id")
            out["audit"] = dict_rows(con, f"SELECT {', '.join(AUDIT_COLS)} FROM audit ORDER BY id")
        return out

    # -- validating, importing, editing
    def validate_file(self, source: Any, filename: str | None = None, kind: str = "auto", sheet: str | int | None = None,
                      today: _dt.date | None = None, max_bytes: int = IMPORT_MAX_BYTES) -> "IngestResult":
        """Run a file through the one validation gate against this store's targets; a month after
        ``today`` (the clock's day unless given) has not happened and is refused."""
        from analytics.ingest.validate import ingest_actuals, ingest_any, ingest_budget

        from analytics.ingest.checks import against_stored, report_gaps

        today = today or _dt.date.today()
        project = self.project()
        catalogue = project.ingest_catalogue()
        if kind == "actuals":
            result = ingest_actuals(source, catalogue, filename=filename, sheet=sheet, max_bytes=max_bytes,
                                    today=today, computed=project.computed_names())
        elif kind == "budget":
            return as_project_sees(ingest_budget(source, sources=source_names(project), filename=filename, sheet=sheet,
                                 max_bytes=max_bytes, today=today, source_names=source_names(project),
                                 budgets=source_budgets(project)), project, filename or "")
        else:
            result = ingest_any(source, catalogue, filename=filename, sheet=sheet, max_bytes=max_bytes,
                                sources=source_names(project), today=today, computed=project.computed_names(),
                                budgets=source_budgets(project))
        if result.ok and result.kind == "actuals":  # the year-to-date totals with the months already stored
            years = sorted({int(y) for y in result.data["year"]})
            stored = pd.concat([self.actuals_frame(y, with_meta=True) for y in years]) if years else pd.DataFrame()
            result = against_stored(result, stored, catalogue, filename or "")
            result = report_gaps(result, stored, catalogue, filename or "")
        return as_project_sees(result, project, filename or "")

    def apply_import(self, result: "IngestResult", filename: str, who: str, dry_run: bool = False,
                     replace_sample: bool = False, keep_sample: bool = False, origin: str = "import") -> ImportSummary:
        """See :func:`analytics.storage.merge.apply_import`. The remaining 示例数据 go with the
        batch unless ``keep_sample``; ``replace_sample`` is accepted for compatibility (it is
        what happens by default)."""
        del replace_sample
        return _merge.apply_import(self._db, self.project(), result, filename, who, dry_run, keep_sample, self.project_id,
                                   origin)

    def clear_sample(self, who: str) -> ImportSummary:
        """Remove every remaining 示例数据 row (one undoable batch)."""
        return _seeding.clear_sample(self._db, who, self.project_id)

    def save_grid_edits(self, edits: Mapping[CellKey, float | None], expected_versions: Mapping[CellKey, int], who: str,
                        first_months: Mapping[CellKey, int] | None = None, notes: Mapping[CellKey, str] | None = None,
                        keep_sample: bool = False) -> ImportSummary:
        """See :func:`analytics.storage.merge.save_grid_edits`."""
        return _merge.save_grid_edits(self._db, self.project(), edits, expected_versions, who, first_months, notes,
                                      keep_sample, self.project_id)

    def save_checkin(self, indicator_id: str, year: int, month: int, value: float, note: str, who: str,
                     expected_version: int, keep_sample: bool = False) -> ImportSummary:
        """Record one month's check-in of a qualitative or yes/no indicator (its level or 是 / 否,
        and a note) as a grid edit of that cell: refused (:class:`StaleEditError`) when the cell
        changed since ``expected_version`` was read. Check it first with
        :func:`analytics.storage.grid.checkin_check`."""
        key = _grid.checkin_key(self.project().indicator(indicator_id), year, month)
        return self.save_grid_edits({key: value}, {key: expected_version}, who, notes={key: note.strip()},
                                    keep_sample=keep_sample)

    def cell_versions(self, keys: Iterable[CellKey]) -> dict[CellKey, tuple[int, float | None]]:
        return _merge.cell_versions(self._db, keys, self.project_id)

    # -- audit and undo
    def undo_import(self, batch_id: str, who: str) -> ImportSummary:
        """See :func:`analytics.storage.history.undo_import`."""
        return _history.undo_import(self._db, batch_id, who, self.project)

    def history(self, indicator_id: str) -> list[AuditEntry]:
        return _history.history(self._db, indicator_id, self.project_id)

    def audit(self, table: str | None = None, limit: int | None = None, batch_id: str | None = None) -> list[AuditEntry]:
        return _history.audit(self._db, table, limit, batch_id, self.project_id)

    def batches(self, kinds: Sequence[str] | None = None, limit: int | None = None) -> list[BatchInfo]:
        return _history.batches(self._db, kinds, limit, self.project_id)

    # -- scenarios, causes and measures, settings
    def save_scenario(self, name: str, doc: Mapping[str, Any], who: str) -> ScenarioInfo:
        return _records.save_scenario(self._db, name, doc, who, pid=self.project_id)

    def list_scenarios(self) -> list[ScenarioInfo]:
        return _records.list_scenarios(self._db, pid=self.project_id)

    def scenario_info(self, name: str) -> ScenarioInfo | None:
        return _records.scenario_info(self._db, name, pid=self.project_id)

    def get_scenario(self, name: str) -> dict[str, Any] | None:
        return _records.get_scenario(self._db, name, pid=self.project_id)

    def rename_scenario(self, old_name: str, new_name: str, who: str) -> None:
        _records.rename_scenario(self._db, old_name, new_name, who, pid=self.project_id)

    def duplicate_scenario(self, name: str, new_name: str | None, who: str) -> str:
        return _records.duplicate_scenario(self._db, name, new_name, who, pid=self.project_id)

    def delete_scenario(self, name: str, who: str) -> bool:
        return _records.delete_scenario(self._db, name, who, pid=self.project_id)

    def set_action(self, goal: int, indicator_id: str | None, cause_category: str, cause_text: str, measure_text: str,
                   who: str, year: int = 0) -> None:
        _records.set_action(self._db, goal, indicator_id, cause_category, cause_text, measure_text, who, year,
                            pid=self.project_id)

    def list_actions(self, year: int | None = None, goal: int | None = None) -> list[dict[str, Any]]:
        return _records.list_actions(self._db, year, goal, pid=self.project_id)

    def get_action(self, goal: int, indicator_id: str | None = None, year: int = 0) -> dict[str, Any] | None:
        return _records.get_action(self._db, goal, indicator_id, year, pid=self.project_id)

    def delete_action(self, goal: int, indicator_id: str | None, who: str, year: int = 0) -> bool:
        return _records.delete_action(self._db, goal, indicator_id, who, year, pid=self.project_id)

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        return _records.get_setting(self._db, self._setting_key(key), default)

    def set_setting(self, key: str, value: str, who: str) -> None:
        _records.set_setting(self._db, self._setting_key(key), value, who)

    def _setting_key(self, key: str) -> str:
        """A project's own settings (the year budgets) are kept as ``key@project`` for
        added projects; the default project's and the store-wide ones under their name."""
        from analytics.storage.dataset import YEAR_BUDGETS_SETTING

        if key == YEAR_BUDGETS_SETTING and self.project_id != DEFAULT_PROJECT:
            return f"{key}@{self.project_id}"
        return key

    # -- export, backup, restore
    def export_workbook(self) -> bytes:
        """See :func:`analytics.storage.export.export_workbook`."""
        return _export.export_workbook(self._db, self.project(), self.project_id)

    def backup(self) -> bytes:
        return _backup.backup(self._db)

    def backup_zip(self) -> bytes:
        return _backup.backup_zip(self._db)

    def restore(self, data: _backup.BackupSource, who: str, filename: str = "backup", restore_settings: bool = False) -> RestoreSummary:
        """See :func:`analytics.storage.backup.restore`: checked first, one undoable batch;
        the current settings stay unless ``restore_settings`` (an admin's explicit choice)."""
        return _backup.restore(self._db, data, who, filename, restore_settings)

