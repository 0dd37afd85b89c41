"""Random sequences of store operations — file imports, grid edits, undos, restores, records —
and after every step: the workbook export works, the exports read back (the backup restores
to the same content, the workbook's actuals and spending sheets import as "unchanged"), and
nothing is lost (row counts and checksums).

Seeded (``random.Random(seed)``), a few seeds, kept well under a minute. The sample's
removal by the first real import is part of what is exercised (``keep_sample`` is drawn)."""

from __future__ import annotations

import hashlib
import io
import json
import random
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from analytics.storage import backup as backup_mod
from analytics.storage.store import Store, UndoConflictError, actual_key, spending_key
from tests.pg import pg_url, store_target  # noqa: F401  (fixtures: the sequences run on both backends)

pytestmark = pytest.mark.slow

SEEDS = (1, 2, 3, 4)
STEPS = 6
SOURCES = ("central", "local", "other")


def content(s: Store) -> dict[str, list[dict[str, Any]]]:
    return {k: [{c: v for c, v in r.items() if c != "version"} for r in rows]
            for k, rows in s.dump().items() if k not in ("audit", "imports")}


def checksum(rows: list[dict[str, Any]]) -> str:
    text = json.dumps(rows, sort_keys=True, default=lambda b: hashlib.sha256(bytes(b)).hexdigest())
    return hashlib.sha256(text.encode()).hexdigest()


class Runner:
    def __init__(self, seed: int, tmp: Path, target: str | None = None) -> None:
        self.rng = random.Random(seed)
        self.tmp = tmp
        self.s = Store(target or tmp / "store")
        frame = self.s.actuals_frame()
        project = self.s.project()
        kinds = {ind.id: ind for ind in project.indicators}
        # one row per series and year (so no year-to-date series can decrease inside a file)
        self.cells = [r for r in frame.itertuples() if kinds[r.indicator_id].kind in ("flow", "level", "stock")
                      and kinds[r.indicator_id].unit != "%"]
        self.snapshots: list[tuple[bytes, dict[str, Any]]] = []
        self.before: dict[str, dict[str, Any]] = {}  # batch id → content before it
        self.n = 0

    # -- operations
    def _file(self, text: str) -> Path:
        self.n += 1
        p = self.tmp / f"f{self.n}.csv"
        p.write_text(text, encoding="utf-8")
        return p

    def import_actuals(self) -> None:
        picked: dict[tuple[str, int], Any] = {}
        for r in self.rng.sample(self.cells, 6):
            picked.setdefault((r.indicator_id, r.year), r)
        lines = ["indicator_id,period,value,basis,note"]
        for r in picked.values():
            period = f"{r.year}年{r.first_month}-{r.month}月" if r.first_month != r.month else f"{r.year}-{r.month:02d}"
            value = round(r.value * self.rng.uniform(0.8, 1.2), 3) if r.basis != "ytd" else r.value
            lines.append(f"{r.indicator_id},{period},{value},{r.basis},seq{self.n}")
        self._import(self._file("\n".join(lines) + "\n"))

    def import_spending(self) -> None:
        lines = ["period,source,amount"]
        for _ in range(self.rng.randint(1, 4)):
            y, m = self.rng.choice([(2024, 9), (2024, 10), (2025, 1), (2023, 5)])
            lines.append(f"{y}-{m:02d},{self.rng.choice(SOURCES)},{round(self.rng.uniform(0, 900), 2)}")
        unique = list(dict.fromkeys(lines))
        keyed = {tuple(line.split(",")[:2]): line for line in unique[1:]}
        self._import(self._file("\n".join([unique[0], *keyed.values()]) + "\n"))

    def _import(self, path: Path) -> None:
        result = self.s.validate_file(path, filename=path.name)
        assert result.ok, result.report("en")
        before = content(self.s)
        summary = self.s.apply_import(result, path.name, "seq", keep_sample=self.rng.random() < 0.3)
        if summary.batch_id:
            self.before[summary.batch_id] = before

    def grid_edit(self) -> None:
        keys = [actual_key(r.indicator_id, r.year, r.month, r.basis) for r in self.rng.sample(self.cells, 2)]
        keys.append(spending_key(2024, self.rng.randint(1, 12), self.rng.choice(SOURCES)))
        versions = self.s.cell_versions(keys)
        edits = {k: (None if self.rng.random() < 0.2 else round(self.rng.uniform(0, 50), 2)) for k in keys
                 if k[0] == "spending" or versions[k][0]}
        before = content(self.s)
        res = self.s.save_grid_edits(edits, {k: versions[k][0] for k in edits}, "grid-user",
                                     keep_sample=self.rng.random() < 0.3)
        if res.batch_id:
            self.before[res.batch_id] = before

    def undo_latest(self) -> None:
        live = [b for b in self.s.batches() if not b.undone and b.kind != "targets"]
        if not live:
            return
        b = live[0]
        want = self.before.get(b.batch_id)
        before = content(self.s)
        try:
            res = self.s.undo_import(b.batch_id, "undoer")
        except UndoConflictError:
            assert content(self.s) == before
            return
        self.before[res.batch_id] = before
        if want is not None:
            assert content(self.s) == want, f"undo of {b.kind} did not put the rows back"

    def snapshot(self) -> None:
        data = self.s.backup_zip() if self.rng.random() < 0.5 else self.s.backup()
        self.snapshots.append((data, content(self.s)))

    def restore(self) -> None:
        if not self.snapshots:
            return self.snapshot()
        data, want = self.rng.choice(self.snapshots)
        before = content(self.s)
        res = self.s.restore(data, "restorer", filename="snap")
        assert content(self.s) == want
        self.before[res.batch_id or ""] = before

    def record(self) -> None:
        self.s.save_scenario(f"情景{self.rng.randint(1, 3)}", {"levers": {"pace": self.rng.random()}}, "planner")
        self.s.set_action(self.rng.randint(1, 5), "", self.rng.choice(["其他", "经费保障"]), f"c{self.n}", "m", "lead")

    # -- the checks after every step
    def check(self) -> None:
        now = self.s.dump()
        counts = {k: len(v) for k, v in now.items()}
        workbook = self.s.export_workbook()
        wb = openpyxl.load_workbook(io.BytesIO(workbook), read_only=True)
        assert wb["actuals"].max_row - 1 == counts["actuals"]
        assert wb["spending"].max_row - 1 == counts["spending"]
        assert wb["audit"].max_row - 1 == counts["audit"]
        wb.close()
        with backup_mod.opened_backup(self.s.backup(), self.s.dir) as con:
            copy, imports, audit, _shipped = backup_mod.validated_backup(con, self.s.dir)
        for table, rows in copy.items():
            assert checksum(sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))) == checksum(
                sorted(now[table], key=lambda r: json.dumps(r, sort_keys=True, default=str))), table
        assert (len(imports), len(audit)) == (counts["imports"], counts["audit"])
        path = self.tmp / "export.xlsx"
        path.write_bytes(workbook)
        for sheet, kind, n in (("actuals", "actuals", counts["actuals"]), ("spending", "budget", counts["spending"])):
            if not n:
                continue
            result = self.s.validate_file(path, filename=path.name, sheet=sheet, kind=kind)
            assert result.ok, result.report("en")
            dry = self.s.apply_import(result, path.name, "check", dry_run=True, keep_sample=True)
            assert (dry.added, dry.changed, dry.unchanged) == (0, 0, n), sheet


@pytest.mark.parametrize("seed", SEEDS)
def test_random_sequences_keep_export_and_backup_whole(seed, tmp_path, store_target):
    run = Runner(seed, tmp_path, store_target)
    ops = [run.import_actuals, run.import_spending, run.grid_edit, run.undo_latest, run.snapshot, run.restore,
           run.record]
    run.snapshot()
    done = []
    for _ in range(STEPS):
        op = run.rng.choice(ops)
        op()
        done.append(op.__name__)
        run.check()
    # the last state restores into a fresh store as it is
    other = Store(tmp_path / "other")
    other.restore(run.s.backup_zip(), "x")
    assert content(other) == content(run.s), done
