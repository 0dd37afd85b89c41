"""What a new store (or a dataset read from files) starts with, decided in one place: the
shipped target table comes with its 示例数据 (invented monthly data) unless data files are
given or the sample is switched off; and the sample's removal when real data arrive.

``origin = 'sample'`` marks the sample's rows. The first real import or grid save removes
every remaining sample row in the same batch (so one undo brings them back), unless the
caller asks to keep them (:func:`clear_sample_ops`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from analytics.ingest.targets import DEFAULT_PROJECT_DIR, load_project
from analytics.storage.connection import IMPORT_MAX_BYTES, SAMPLE_ORIGIN, SHIPPED, AnyDb, SeedSpec, file_signature
from analytics.storage.errors import DataFileError, ImportSummary
from analytics.storage.rows import actual_rows, key_of, source_keys, spending_rows
from analytics.storage.schema import DEFAULT_PROJECT, SPECS
from analytics.storage.targets import snapshot_files, write_snapshot
from analytics.storage.transactions import Rollback, Tx, write

__all__ = ["SAMPLE_ACTUALS", "SAMPLE_BUDGET", "SamplePlan", "clear_sample", "clear_sample_ops", "sample_plan", "seed"]

SAMPLE_ACTUALS = DEFAULT_PROJECT_DIR / "sample_actuals.csv"
SAMPLE_BUDGET = DEFAULT_PROJECT_DIR / "sample_budget.csv"


@dataclass(frozen=True)
class SamplePlan:
    """The data files to read, and which of them are the shipped sample."""

    shipped: bool
    actuals: str | None
    budget: str | None
    actuals_sample: bool
    budget_sample: bool


def sample_plan(targets: str | Path | None, actuals: str | Path | None, budget: str | Path | None,
                sample: bool = True) -> SamplePlan:
    """The shipped table with no data file given → the sample (spending only when the
    actuals are the sample too: never sample spending next to the user's actuals). A target
    folder with files of the same names (``sample_actuals.csv``, ``sample_budget.csv``: written by
    ``new-project --out`` from a form marked 【示例数据】) has them as its sample the same way."""
    shipped = targets is None or Path(targets).expanduser().resolve() == DEFAULT_PROJECT_DIR.resolve()
    folder = DEFAULT_PROJECT_DIR if shipped else Path(targets).expanduser()  # type: ignore[arg-type]
    own_actuals, own_budget = folder / SAMPLE_ACTUALS.name, folder / SAMPLE_BUDGET.name
    a = str(actuals) if actuals else None
    b = str(budget) if budget else None
    a_sample = b_sample = False
    if a is None and sample and own_actuals.is_file():
        a, a_sample = str(own_actuals), True
    if b is None and sample and own_budget.is_file() and (actuals is None or a_sample):
        b, b_sample = str(own_budget), True
    return SamplePlan(shipped, a, b, a_sample, b_sample)


def _read(project: Any, plan: SamplePlan) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from analytics.ingest.validate import ingest_actuals, ingest_budget

    a_rows: list[dict[str, Any]] = []
    b_rows: list[dict[str, Any]] = []
    if plan.actuals:
        res = ingest_actuals(plan.actuals, project.ingest_catalogue(), filename=Path(plan.actuals).name,
                             max_bytes=IMPORT_MAX_BYTES)
        if not res.ok:
            raise DataFileError(res)
        a_rows = actual_rows(res.data)
    if plan.budget:
        res = ingest_budget(plan.budget, sources=source_keys(project), filename=Path(plan.budget).name,
                            max_bytes=IMPORT_MAX_BYTES)
        if not res.ok:
            raise DataFileError(res)
        b_rows = spending_rows(res.data)
    return a_rows, b_rows


def seed(db: AnyDb, spec: SeedSpec) -> None:
    """Fill a fresh store once (a store that already holds data is never seeded over)."""
    targets = Path(spec.targets).expanduser().resolve() if spec.targets else None
    plan = sample_plan(targets, spec.actuals, spec.budget, spec.sample)
    project = load_project(targets)  # TargetFileError when the table is bad
    a_rows, b_rows = _read(project, plan)
    ref_path = DEFAULT_PROJECT_DIR if plan.shipped else targets
    assert ref_path is not None
    ref = SHIPPED if plan.shipped else str(targets)
    files = snapshot_files(ref_path)
    names = [Path(p).name for p in (plan.actuals, plan.budget) if p]
    with write(db, "system") as tx:
        if tx.con.execute("SELECT value FROM meta WHERE key = 'seeded'").fetchone() is not None:
            raise Rollback  # someone else seeded it meanwhile
        has_data = tx.con.execute("SELECT EXISTS (SELECT 1 FROM imports) OR EXISTS (SELECT 1 FROM actuals) "
                                  "OR EXISTS (SELECT 1 FROM spending)").fetchone()[0]
        if has_data:
            tx.con.execute("INSERT INTO meta (key, value) VALUES ('seeded', ?)", (tx.now,))
            if tx.con.execute("SELECT COUNT(*) FROM target_files").fetchone()[0] == 0:
                tx.con.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('targets_ref', ?)", (ref,))
                write_snapshot(tx, files)
            return
        batch = tx.new_batch("seed", " + ".join(names) or "—")
        tx.con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('targets_ref', ?)", (ref,))
        tx.con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('targets_sig', ?)",
                       (repr(file_signature(ref_path)),))
        write_snapshot(tx, files)
        for table, rows, is_sample, path in (("actuals", a_rows, plan.actuals_sample, plan.actuals),
                                             ("spending", b_rows, plan.budget_sample, plan.budget)):
            origin = SAMPLE_ORIGIN if is_sample else "import"
            tx.apply(SPECS[table], [(key_of(SPECS[table], r), None, {**r, "origin": origin, "batch_id": batch})
                                    for r in rows], Path(path).name if path else "")
        tx.set_counts(batch, len(a_rows) + len(b_rows), 0, 0, 0)
        tx.con.execute("INSERT INTO meta (key, value) VALUES ('seeded', ?)", (tx.now,))
        tx.bump(True)


def sample_count(db: AnyDb, pid: str = DEFAULT_PROJECT) -> int:
    """How many 示例数据 rows (actuals and spending) project ``pid`` still holds."""
    with db.read() as con:
        return int(con.execute("SELECT (SELECT COUNT(*) FROM actuals WHERE project = ? AND origin = ?) + "
                               "(SELECT COUNT(*) FROM spending WHERE project = ? AND origin = ?)",
                               (pid, SAMPLE_ORIGIN, pid, SAMPLE_ORIGIN)).fetchone()[0])


def clear_sample_ops(tx: Tx, source: str, skip: Mapping[str, set[tuple[Any, ...]]] | None = None) -> int:
    """Remove every remaining sample row (but the keys in ``skip``) within ``tx`` → how many."""
    n = 0
    for table in ("actuals", "spending"):
        spec = SPECS[table]
        rows = tx.all(spec, "origin = ?", (SAMPLE_ORIGIN,))
        ops = [(k, old, None) for k, old in rows.items() if not skip or k not in skip.get(table, set())]
        tx.apply(spec, ops, source)
        n += len(ops)
    return n


def clear_sample(db: AnyDb, who: str, pid: str = DEFAULT_PROJECT) -> ImportSummary:
    """Remove every remaining 示例数据 row of project ``pid`` (one undoable batch)."""
    with write(db, who, pid) as tx:
        batch = tx.new_batch("clear_sample", "示例数据")
        n = clear_sample_ops(tx, "clear_sample")
        tx.set_counts(batch, 0, 0, 0, n)
    return ImportSummary(0, 0, 0, batch, n, "sample", n, sample_removed=n)
