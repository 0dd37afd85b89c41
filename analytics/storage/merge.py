"""Changing the data: a validated file merged into the store (:func:`apply_import`) and edited
grid cells saved with optimistic concurrency (:func:`save_grid_edits`).

Both write one batch, all or nothing. While the store still holds 示例数据, the batch also
removes every remaining sample row (undoing the batch brings them back) unless the caller
passes ``keep_sample=True``: real data are never mixed with invented ones by default.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping

from analytics.storage.connection import SAMPLE_ORIGIN, AnyDb
from analytics.storage.errors import CellKey, Conflict, ImportRejected, ImportSummary, RowChange, StaleEditError
from analytics.storage.rows import actual_rows, cell_label, check_cell, key_dict, key_of, source_keys, spending_rows
from analytics.storage.schema import DEFAULT_PROJECT, SPECS, table_key
from analytics.storage.seeding import clear_sample_ops
from analytics.storage.transactions import Rollback, Tx, write

if TYPE_CHECKING:  # pragma: no cover
    from analytics.core.model import Project
    from analytics.ingest.validate import IngestResult

__all__ = ["apply_import", "cell_versions", "save_grid_edits"]

_STAMPS = ("origin", "batch_id", "version", "updated_at", "updated_by")


def _rows_for(result: "IngestResult", project: "Project") -> tuple[str, list[dict[str, Any]]]:
    """The validated rows as store rows, refused when they do not fit this store's targets."""
    if not result.ok:
        raise ImportRejected("文件未通过校验，未导入任何数据。", "The file did not pass validation; nothing was imported.",
                             result)
    if result.kind == "actuals":
        rows = actual_rows(result.data)
        unknown = sorted({r["indicator_id"] for r in rows} - set(project.ingest_catalogue()))
        if unknown:
            raise ImportRejected(f"文件中的指标编号不在当前目标表中：{'、'.join(unknown)}。",
                                 f"Indicator ids not in the current target table: {', '.join(unknown)}.", result)
        return "actuals", rows
    if result.kind == "budget":
        rows = spending_rows(result.data)
        unknown = sorted({r["source"] for r in rows} - set(source_keys(project)))
        if unknown:
            raise ImportRejected(f"资金来源不在当前目标表中：{'、'.join(unknown)}。",
                                 f"Funding sources not in the current target table: {', '.join(unknown)}.", result)
        return "spending", rows
    raise ImportRejected("无法识别的数据类型。", f"Unknown data kind {result.kind!r}.", result)  # pragma: no cover


_FLOW_BASES = ("month", "ytd")


def apply_import(db: AnyDb, project: "Project", result: "IngestResult", filename: str, who: str, dry_run: bool = False,
                 keep_sample: bool = False, pid: str = DEFAULT_PROJECT, origin: str = "import") -> ImportSummary:
    """Merge a validated file into project ``pid``'s rows of the store, all or nothing, in one transaction.

    Rows are matched by key — actuals (indicator, year, month, basis), spending (year,
    month, source): new keys are added, different values replace the stored ones, equal
    ones are left alone; a month given in the other 口径 (当月 for a stored 累计) replaces the stored
    one, so that a month is never held twice. A blank note or source in the file keeps the stored one
    (never a 示例数据 row's: a sample row the file gives again is the user's). A
    combined period (1-2月) replaces stored single months of the same series it covers
    (and vice versa), so no month is ever counted twice. The remaining 示例数据 rows go
    with the same batch unless ``keep_sample``. ``dry_run`` computes the same summary and
    writes nothing. ``origin`` ``sample`` keeps the file's rows as 示例数据 (a form marked so,
    :func:`analytics.storage.project_files.save_to_store`): labelled, and removed by the first real import.
    """
    table, rows = _rows_for(result, project)
    summary: ImportSummary | None = None
    with write(db, who, pid) as tx:
        batch = tx.new_batch("import", filename)
        summary = _merge(tx, table, rows, filename, batch, keep_sample, dry_run, origin)
        if dry_run:
            raise Rollback
    assert summary is not None
    return summary


def _existing(tx: Tx, table: str, rows: list[dict[str, Any]]) -> dict[tuple[Any, ...], dict[str, Any]]:
    spec = SPECS[table]
    existing: dict[tuple[Any, ...], dict[str, Any]] = {}
    if table == "actuals":
        for iid, y in sorted({(r["indicator_id"], r["year"]) for r in rows}):
            existing.update(tx.all(spec, "indicator_id = ? AND year = ?", (iid, y)))
    else:
        for y in sorted({r["year"] for r in rows}):
            existing.update(tx.all(spec, "year = ?", (y,)))
    return existing


def _merge(tx: Tx, table: str, rows: list[dict[str, Any]], filename: str, batch: str, keep_sample: bool,
           dry_run: bool, origin: str = "import") -> ImportSummary:
    spec = SPECS[table]
    value_col = "value" if table == "actuals" else "amount"
    series_of: Callable[[Mapping[str, Any]], tuple[Any, ...]]
    if table == "actuals":
        series_of = lambda r: (r["indicator_id"], r["year"], r["basis"])  # noqa: E731
        spans_matter = lambda r: r["basis"] == "month"  # noqa: E731
    else:
        series_of = lambda r: (r["year"], r["source"])  # noqa: E731
        spans_matter = lambda r: True  # noqa: E731
    existing = _existing(tx, table, rows)
    incoming = {key_of(spec, r): r for r in rows}
    ops: list[Any] = []
    changes: list[RowChange] = []
    counts = {"added": 0, "changed": 0, "unchanged": 0, "removed": 0}
    # stored rows covering months the file covers with another row of the same series
    covered: dict[tuple[Any, ...], set[int]] = {}
    for r in incoming.values():
        if spans_matter(r):
            covered.setdefault(series_of(r), set()).update(range(r["first_month"], r["month"] + 1))
    # a month of a flow is stored in one 口径: the file's 当月 row replaces a stored 累计 row of the same
    # month (and the other way round) — two would count it twice, or leave a month out of the total
    said_as = {(r["indicator_id"], r["year"], r["month"]): r["basis"] for r in incoming.values()
               if table == "actuals" and r["basis"] in _FLOW_BASES}
    for key, old in sorted(existing.items(), key=lambda kv: str(kv[0])):
        if key in incoming:
            continue
        other = said_as.get((old.get("indicator_id"), old.get("year"), old.get("month")))
        months = covered.get(series_of(old)) if spans_matter(old) else None
        if (other is not None and old.get("basis") in _FLOW_BASES and old.get("basis") != other) \
                or (months and months & set(range(old["first_month"], old["month"] + 1))):
            ops.append((key, old, None))
            changes.append(RowChange(table, key_dict(spec, key), "removed", old[value_col], None))
            counts["removed"] += 1
    for key, r in incoming.items():
        old = existing.get(key)
        new = {**r, "origin": origin, "batch_id": batch}
        # a 示例数据 row the user's own file gives again is theirs now: nothing of the invented row
        # (its note 1-2月合并发布, its source 东莞市统计局) stays on it
        invented = old is not None and old.get("origin") == SAMPLE_ORIGIN and origin != SAMPLE_ORIGIN
        if old is not None and not invented:
            new["note"] = new.get("note") or old.get("note") or ""
            if table == "actuals":
                new["source"] = new.get("source") or old.get("source") or ""
        same = (c for c in spec.cols if c not in _STAMPS and not (invented and c in ("note", "source")))
        change = "added" if old is None else ("unchanged" if all(old.get(c) == new.get(c) for c in same) else "changed")
        counts[change] += 1
        changes.append(RowChange(table, key_dict(spec, key), change, None if old is None else old[value_col],
                                 new[value_col]))
        if change != "unchanged" or (old or {}).get("origin") == SAMPLE_ORIGIN:
            ops.append((key, old, new))  # an equal sample row confirmed by the user's own file is theirs now
    tx.apply(spec, ops, filename)
    sample_removed = 0 if keep_sample else clear_sample_ops(tx, filename, skip={table: set(incoming)})
    removed = counts["removed"] + sample_removed
    tx.set_counts(batch, counts["added"], counts["changed"], counts["unchanged"], removed)
    return ImportSummary(counts["added"], counts["changed"], counts["unchanged"], None if dry_run else batch, removed,
                         "actuals" if table == "actuals" else "budget", len(rows), dry_run, tuple(changes),
                         sample_removed)


def _plan_cell(tx: Tx, project: "Project", key: CellKey, value: float | None, expected: int, batch: str,
               first_month: int | None, note: str | None) -> tuple[Conflict | None, Any]:
    """One edited cell → a conflict, or the row operation (None when nothing changes)."""
    table, sk = key[0], tuple(key[1:])
    spec = SPECS[table]
    value_col = "value" if table == "actuals" else "amount"
    old = tx.get(spec, sk)
    cur_version = int(old["version"]) if old else 0
    cur_value = None if old is None else float(old[value_col])
    if cur_version != expected:  # changed since it was read: refuse, even to the same value
        zh, en = cell_label(project, key)
        return Conflict(key, zh, en, expected, cur_version, value, cur_value, old["updated_by"] if old else None,
                        old["updated_at"] if old else None), None
    same_note = note is None or old is None or note == (old.get("note") or "")
    if (cur_value == value and old is not None and same_note) or (old is None and value is None):
        return None, None
    if value is None:
        return None, (sk, old, None)
    fm = first_month or (int(old["first_month"]) if old else int(sk[2 if table == "actuals" else 1]))
    new = dict(old) if old else dict(key_dict(spec, sk))
    new.update({value_col: value, "first_month": fm, "origin": "grid", "batch_id": batch})
    new.setdefault("note", "")
    if table == "actuals":
        new.setdefault("source", "")
    if note is not None:
        new["note"] = note
    return None, (sk, old, new)


def save_grid_edits(db: AnyDb, project: "Project", edits: Mapping[CellKey, float | None],
                    expected_versions: Mapping[CellKey, int], who: str, first_months: Mapping[CellKey, int] | None = None,
                    notes: Mapping[CellKey, str] | None = None, keep_sample: bool = False,
                    pid: str = DEFAULT_PROJECT) -> ImportSummary:
    """Write edited cells (``None`` clears a cell) if none of them changed since it was
    read: ``expected_versions[key]`` is the version the user saw (0 = the cell was empty).
    A cell changed meanwhile → :class:`StaleEditError` naming every such cell with its newer
    value, and nothing is written. The remaining 示例数据 go with the batch unless
    ``keep_sample``."""
    catalogue = project.ingest_catalogue()
    sources = set(source_keys(project))
    planned: list[tuple[CellKey, float | None]] = []
    for key, value in edits.items():
        check_cell(key, value, catalogue, sources)
        planned.append((key, None if value is None else float(value)))
    if not planned:
        return ImportSummary(0, 0, 0, None, 0, "grid", 0)
    counts = {"added": 0, "changed": 0, "removed": 0, "sample": 0}
    with write(db, who, pid) as tx:
        conflicts: list[Conflict] = []
        ops: dict[str, list[Any]] = {"actuals": [], "spending": []}
        batch = tx.new_batch("grid", "表格编辑")
        for key, value in planned:
            conflict, op = _plan_cell(tx, project, key, value, int(expected_versions.get(key, 0)), batch,
                                      (first_months or {}).get(key), (notes or {}).get(key) if notes and key in notes else None)
            if conflict is not None:
                conflicts.append(conflict)
            elif op is not None:
                ops[key[0]].append(op)
                counts["removed" if op[2] is None else "added" if op[1] is None else "changed"] += 1
        if conflicts:
            raise StaleEditError(conflicts)
        if not (counts["added"] or counts["changed"] or counts["removed"]):
            raise Rollback  # every edit equals what is stored: no batch
        for table, table_ops in ops.items():
            tx.apply(SPECS[table], table_ops, "grid")
        if not keep_sample:
            counts["sample"] = clear_sample_ops(tx, "grid", skip={t: {op[0] for op in o} for t, o in ops.items()})
        tx.set_counts(batch, counts["added"], counts["changed"], 0, counts["removed"] + counts["sample"])
    if not (counts["added"] or counts["changed"] or counts["removed"]):
        return ImportSummary(0, 0, len(planned), None, 0, "grid", len(planned))
    return ImportSummary(counts["added"], counts["changed"], 0, batch, counts["removed"] + counts["sample"], "grid",
                         len(planned), sample_removed=counts["sample"])


def cell_versions(db: AnyDb, keys: Iterable[CellKey], pid: str = DEFAULT_PROJECT) -> dict[CellKey, tuple[int, float | None]]:
    """Current (version, value) of project ``pid``'s cells (0, None when empty)."""
    out: dict[CellKey, tuple[int, float | None]] = {}
    with db.read() as con:
        for key in keys:
            table, sk = key[0], tuple(key[1:])
            spec = SPECS[table]
            where = " AND ".join(f"{k} = ?" for k in table_key(spec))
            col = "value" if table == "actuals" else "amount"
            r = con.execute(f"SELECT version, {col} FROM {spec.name} WHERE {where}", (pid, *sk)).fetchone()
            out[key] = (0, None) if r is None else (int(r[0]), float(r[1]))
    return out
