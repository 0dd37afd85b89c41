"""The store's schema: ordered migrations, the tables the code knows (by name, with their key
and columns) and :func:`migrate`, which brings a database to :data:`SCHEMA_VERSION`.

Only the tables and columns listed in :data:`SPECS`, :data:`IMPORTS_COLS` and
:data:`AUDIT_COLS` are ever read from a backup; SQL names come from these constants, never
from a database's own catalogue.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from analytics.ingest.schema import ACTUAL_FIELDS
from analytics.storage.errors import StoreError

__all__ = ["APP_ID", "AUDIT_COLS", "CONTENT_TABLES", "DEFAULT_PROJECT", "IMPORTS_COLS", "MIGRATIONS", "SCHEMA_VERSION",
           "SPECS", "Spec", "migrate", "project_id_ok", "statements", "table_cols", "table_key"]

APP_ID = "pt-tracker"

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
    (
        3,
        "projects",
        """
        CREATE TABLE target_files_v3 (
            project TEXT NOT NULL DEFAULT 'dongguan',
            name TEXT NOT NULL,
            content BLOB NOT NULL,
            sha256 TEXT NOT NULL,
            version INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            PRIMARY KEY (project, name)
        ) STRICT;
        INSERT INTO target_files_v3 (project, name, content, sha256, version, updated_at, updated_by)
            SELECT 'dongguan', name, content, sha256, version, updated_at, updated_by FROM target_files;
        DROP TABLE target_files;
        ALTER TABLE target_files_v3 RENAME TO target_files;
        CREATE TABLE actuals_v3 (
            project TEXT NOT NULL DEFAULT 'dongguan',
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
            PRIMARY KEY (project, indicator_id, year, month, basis),
            CHECK (first_month BETWEEN 1 AND month)
        ) STRICT;
        INSERT INTO actuals_v3 (project, indicator_id, year, month, first_month, value, basis, note, source, origin,
                                batch_id, version, updated_at, updated_by)
            SELECT 'dongguan', indicator_id, year, month, first_month, value, basis, note, source, origin, batch_id,
                   version, updated_at, updated_by FROM actuals;
        DROP TABLE actuals;
        ALTER TABLE actuals_v3 RENAME TO actuals;
        CREATE TABLE spending_v3 (
            project TEXT NOT NULL DEFAULT 'dongguan',
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
            PRIMARY KEY (project, year, month, source),
            CHECK (first_month BETWEEN 1 AND month)
        ) STRICT;
        INSERT INTO spending_v3 (project, year, month, first_month, source, amount, note, origin, batch_id, version,
                                 updated_at, updated_by)
            SELECT 'dongguan', year, month, first_month, source, amount, note, origin, batch_id, version, updated_at,
                   updated_by FROM spending;
        DROP TABLE spending;
        ALTER TABLE spending_v3 RENAME TO spending;
        CREATE TABLE scenarios_v3 (
            project TEXT NOT NULL DEFAULT 'dongguan',
            name TEXT NOT NULL,
            json TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            version INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            PRIMARY KEY (project, name)
        ) STRICT;
        INSERT INTO scenarios_v3 (project, name, json, created_at, created_by, version, updated_at, updated_by)
            SELECT 'dongguan', name, json, created_at, created_by, version, updated_at, updated_by FROM scenarios;
        DROP TABLE scenarios;
        ALTER TABLE scenarios_v3 RENAME TO scenarios;
        CREATE TABLE actions_v3 (
            project TEXT NOT NULL DEFAULT 'dongguan',
            year INTEGER NOT NULL DEFAULT 0,
            goal INTEGER NOT NULL,
            indicator_id TEXT NOT NULL DEFAULT '',
            cause_category TEXT NOT NULL,
            cause_text TEXT NOT NULL DEFAULT '',
            measure_text TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            PRIMARY KEY (project, year, goal, indicator_id)
        ) STRICT;
        INSERT INTO actions_v3 (project, year, goal, indicator_id, cause_category, cause_text, measure_text, version,
                                updated_at, updated_by)
            SELECT 'dongguan', year, goal, indicator_id, cause_category, cause_text, measure_text, version, updated_at,
                   updated_by FROM actions;
        DROP TABLE actions;
        ALTER TABLE actions_v3 RENAME TO actions;
        ALTER TABLE imports ADD COLUMN project TEXT NOT NULL DEFAULT 'dongguan';
        ALTER TABLE audit ADD COLUMN project TEXT NOT NULL DEFAULT 'dongguan';
        CREATE INDEX audit_by_project ON audit (project, id);
        CREATE TABLE projects (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
            version INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL
        ) STRICT;
        """,
    ),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


@dataclass(frozen=True)
class Spec:
    """A content table: its name, key columns and every column, in order."""

    name: str
    key: tuple[str, ...]
    cols: tuple[str, ...]
    data: bool = False  # part of the Dataset (bumps the data version)
    scoped: bool = False  # rows belong to one project (a ``project`` column ahead of the key)


SPECS: dict[str, Spec] = {
    "actuals": Spec(
        "actuals",
        ("indicator_id", "year", "month", "basis"),
        (*ACTUAL_FIELDS, "origin", "batch_id", "version", "updated_at", "updated_by"),
        True,
        True,
    ),
    "spending": Spec(
        "spending",
        ("year", "month", "source"),
        ("year", "month", "first_month", "source", "amount", "note", "origin", "batch_id", "version", "updated_at",
         "updated_by"),
        True,
        True,
    ),
    "target_files": Spec("target_files", ("name",), ("name", "content", "sha256", "version", "updated_at", "updated_by"),
                         True, True),
    "scenarios": Spec("scenarios", ("name",),
                      ("name", "json", "created_at", "created_by", "version", "updated_at", "updated_by"), False, True),
    "actions": Spec("actions", ("year", "goal", "indicator_id"),
                    ("year", "goal", "indicator_id", "cause_category", "cause_text", "measure_text", "version",
                     "updated_at", "updated_by"), False, True),
    "settings": Spec("settings", ("key",), ("key", "value", "version", "updated_at", "updated_by")),
    "projects": Spec("projects", ("id",), ("id", "name", "status", "version", "updated_at", "updated_by")),
}
#: Tables a backup restores (in this order; ``settings`` only when asked for).
CONTENT_TABLES = ("projects", "target_files", "actuals", "spending", "scenarios", "actions", "settings")
#: Columns of the batch table and of the audit trail (the only ones read from a backup).
IMPORTS_COLS = ("batch_id", "kind", "filename", "at", "who", "added", "changed", "unchanged", "removed", "undone_at",
                "undone_by", "undo_of", "project")
AUDIT_COLS = ("id", "at", "who", "tbl", "key", "indicator_id", "old", "new", "source", "batch_id", "project")
#: The project of every row written before projects existed, and of a store's first table.
DEFAULT_PROJECT = "dongguan"


def project_id_ok(value: object) -> bool:
    """A project id: 1–64 ASCII letters, digits, ``_`` or ``-``."""
    return isinstance(value, str) and re.fullmatch(r"[A-Za-z0-9_\-]{1,64}", value) is not None


def table_cols(spec: Spec) -> tuple[str, ...]:
    """Every stored column of a content table: ``project`` first for a project's rows."""
    return ("project", *spec.cols) if spec.scoped else spec.cols


def table_key(spec: Spec) -> tuple[str, ...]:
    """The stored key of a content table: ``project`` first for a project's rows."""
    return ("project", *spec.key) if spec.scoped else spec.key


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
        raise StoreError(code="schema_newer", params={"version": current, "supported": SCHEMA_VERSION})
    for version, name, sql in MIGRATIONS:
        if version <= current:
            continue
        con.execute("BEGIN IMMEDIATE")
        try:
            again = int(con.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0])
            if again >= version:  # another process ran it meanwhile
                con.execute("COMMIT")
                continue
            for statement in statements(sql):
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


def statements(sql: str) -> list[str]:
    return [s.strip() for s in sql.split(";") if s.strip()]

