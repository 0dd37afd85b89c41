"""The small records people keep beside the data: named budget scenarios, deviation causes
and corrective measures, settings. Each change is one audited, undoable batch."""

from __future__ import annotations

import json
from typing import Any, Mapping

from analytics.storage.connection import AnyDb
from analytics.storage.errors import ScenarioInfo, StoreError
from analytics.storage.rows import cause_key, clean_name, scenario_json
from analytics.storage.schema import DEFAULT_PROJECT, SPECS
from analytics.storage.transactions import Rollback, write

__all__ = ["delete_action", "delete_scenario", "duplicate_scenario", "get_action", "get_scenario", "get_setting",
           "list_actions", "list_scenarios", "rename_scenario", "save_scenario", "scenario_info", "set_action",
           "set_setting"]


def save_scenario(db: AnyDb, name: str, doc: Mapping[str, Any], who: str, pid: str = DEFAULT_PROJECT) -> ScenarioInfo:
    """Create or replace a named scenario (any JSON-serialisable mapping)."""
    name = clean_name(name)
    text = scenario_json(doc)
    spec = SPECS["scenarios"]
    with write(db, who, pid) as tx:
        old = tx.get(spec, (name,))
        if old is not None and old["json"] == text:
            raise Rollback
        tx.new_batch("scenario", name)
        new = {"name": name, "json": text, "created_at": old["created_at"] if old else None,
               "created_by": old["created_by"] if old else None}
        tx.apply(spec, [((name,), old, new)], "scenario")
        tx.set_counts(tx.batch_id or "", int(old is None), int(old is not None), 0, 0)
    info = scenario_info(db, name, pid)
    assert info is not None
    return info


def list_scenarios(db: AnyDb, pid: str = DEFAULT_PROJECT) -> list[ScenarioInfo]:
    with db.read() as con:
        rows = con.execute("SELECT name, created_at, created_by, updated_at, updated_by, version FROM scenarios "
                           "WHERE project = ? ORDER BY name", (pid,)).fetchall()
    return [ScenarioInfo(*r) for r in rows]


def scenario_info(db: AnyDb, name: str, pid: str = DEFAULT_PROJECT) -> ScenarioInfo | None:
    with db.read() as con:
        r = con.execute("SELECT name, created_at, created_by, updated_at, updated_by, version FROM scenarios "
                        "WHERE project = ? AND name = ?", (pid, name)).fetchone()
    return None if r is None else ScenarioInfo(*r)


def get_scenario(db: AnyDb, name: str, pid: str = DEFAULT_PROJECT) -> dict[str, Any] | None:
    with db.read() as con:
        r = con.execute("SELECT json FROM scenarios WHERE project = ? AND name = ?", (pid, name)).fetchone()
    return None if r is None else json.loads(r[0])


def rename_scenario(db: AnyDb, old_name: str, new_name: str, who: str, pid: str = DEFAULT_PROJECT) -> None:
    new_name = clean_name(new_name)
    spec = SPECS["scenarios"]
    with write(db, who, pid) as tx:
        old = tx.get(spec, (old_name,))
        if old is None:
            raise StoreError(f"没有名为「{old_name}」的情景。", f"No scenario named {old_name!r}.")
        if old_name == new_name:
            raise Rollback
        if tx.get(spec, (new_name,)) is not None:
            raise StoreError(f"已有名为「{new_name}」的情景，请换一个名称。", f"A scenario named {new_name!r} exists already.")
        tx.new_batch("scenario", f"{old_name} → {new_name}")
        tx.apply(spec, [((old_name,), old, None), ((new_name,), None, {**old, "name": new_name})], "scenario")
        tx.set_counts(tx.batch_id or "", 1, 0, 0, 1)


def duplicate_scenario(db: AnyDb, name: str, new_name: str | None, who: str, pid: str = DEFAULT_PROJECT) -> str:
    """Copy a scenario; a taken name gets " 2", " 3"… → the name used."""
    spec = SPECS["scenarios"]
    with write(db, who, pid) as tx:
        old = tx.get(spec, (name,))
        if old is None:
            raise StoreError(f"没有名为「{name}」的情景。", f"No scenario named {name!r}.")
        base = clean_name(new_name or f"{name} 副本")
        target, i = base, 2
        while tx.get(spec, (target,)) is not None:
            target = f"{base} {i}"
            i += 1
        tx.new_batch("scenario", f"{name} → {target}")
        tx.apply(spec, [((target,), None, {"name": target, "json": old["json"]})], "scenario")
        tx.set_counts(tx.batch_id or "", 1, 0, 0, 0)
    return target


def delete_scenario(db: AnyDb, name: str, who: str, pid: str = DEFAULT_PROJECT) -> bool:
    spec = SPECS["scenarios"]
    done = False
    with write(db, who, pid) as tx:
        old = tx.get(spec, (name,))
        if old is None:
            raise Rollback
        tx.new_batch("scenario", name)
        tx.apply(spec, [((name,), old, None)], "scenario")
        tx.set_counts(tx.batch_id or "", 0, 0, 0, 1)
        done = True
    return done


# -- deviation causes and corrective measures
def set_action(
    db: AnyDb,
    goal: int,
    indicator_id: str | None,
    cause_category: str,
    cause_text: str,
    measure_text: str,
    who: str,
    year: int = 0,
    pid: str = DEFAULT_PROJECT,
) -> None:
    """Record the cause of a deviation and the corrective measure for a goal (and
    indicator; ``None``/"" = the goal as a whole) — ``year`` 0 = not tied to a year."""
    cat = cause_key(cause_category)
    spec = SPECS["actions"]
    key = (int(year), int(goal), str(indicator_id or ""))
    with write(db, who, pid) as tx:
        old = tx.get(spec, key)
        new = {"year": key[0], "goal": key[1], "indicator_id": key[2], "cause_category": cat,
               "cause_text": str(cause_text or ""), "measure_text": str(measure_text or "")}
        if old is not None and all(old[c] == new[c] for c in new):
            raise Rollback
        tx.new_batch("action", f"{key[1]}/{key[2]}")
        tx.apply(spec, [(key, old, new)], "action")
        tx.set_counts(tx.batch_id or "", int(old is None), int(old is not None), 0, 0)


def list_actions(db: AnyDb, year: int | None = None, goal: int | None = None, pid: str = DEFAULT_PROJECT) -> list[dict[str, Any]]:
    where, params = ["project = ?"], [pid]
    if year is not None:
        where.append("year = ?")
        params.append(int(year))
    if goal is not None:
        where.append("goal = ?")
        params.append(int(goal))
    spec = SPECS["actions"]
    sql = f"SELECT {', '.join(spec.cols)} FROM actions WHERE " + " AND ".join(where) + \
        " ORDER BY year, goal, indicator_id"
    with db.read() as con:
        return [dict(zip(spec.cols, r)) for r in con.execute(sql, params)]


def get_action(db: AnyDb, goal: int, indicator_id: str | None = None, year: int = 0, pid: str = DEFAULT_PROJECT) -> dict[str, Any] | None:
    spec = SPECS["actions"]
    with db.read() as con:
        r = con.execute(f"SELECT {', '.join(spec.cols)} FROM actions WHERE project = ? AND year = ? AND goal = ? "
                        "AND indicator_id = ?", (pid, int(year), int(goal), str(indicator_id or ""))).fetchone()
    return None if r is None else dict(zip(spec.cols, r))


def delete_action(db: AnyDb, goal: int, indicator_id: str | None, who: str, year: int = 0, pid: str = DEFAULT_PROJECT) -> bool:
    spec = SPECS["actions"]
    key = (int(year), int(goal), str(indicator_id or ""))
    done = False
    with write(db, who, pid) as tx:
        old = tx.get(spec, key)
        if old is None:
            raise Rollback
        tx.new_batch("action", f"{key[1]}/{key[2]}")
        tx.apply(spec, [(key, old, None)], "action")
        tx.set_counts(tx.batch_id or "", 0, 0, 0, 1)
        done = True
    return done


# -- settings
def get_setting(db: AnyDb, key: str, default: str | None = None) -> str | None:
    with db.read() as con:
        r = con.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return default if r is None else str(r[0])


def set_setting(db: AnyDb, key: str, value: str, who: str) -> None:
    spec = SPECS["settings"]
    with write(db, who) as tx:
        old = tx.get(spec, (key,))
        if old is not None and old["value"] == str(value):
            raise Rollback
        tx.new_batch("setting", key)
        tx.apply(spec, [((key,), old, {"key": key, "value": str(value)})], "setting")
        tx.set_counts(tx.batch_id or "", int(old is None), int(old is not None), 0, 0)
