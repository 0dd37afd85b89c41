"""The data store (analytics/store.py): schema and migrations, seeding, all-or-nothing imports,
optimistic concurrency, undo, audit, export, backup and restore. Headless, no Streamlit."""

from __future__ import annotations

import io
import multiprocessing as mp
import random
import sqlite3
import threading
import tomllib
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from analytics.ingest.schema import ACTUAL_FIELDS
from analytics.storage import store as store_mod
from analytics.storage.connection import BACKUP_MAX_BYTES, upload_mb
from analytics.storage.dataset import load_dataset
from analytics.storage.store import (
    IMPORT_MAX_BYTES,
    MIGRATIONS,
    SCHEMA_VERSION,
    ImportRejected,
    SeedSpec,
    StaleEditError,
    Store,
    StoreError,
    UndoConflictError,
    actual_key,
    open_store,
    spending_key,
)

from tests.pg import pg_url, store_target  # noqa: F401  (fixtures: every `db` test runs on both backends)

ROOT = Path(__file__).resolve().parents[2]
BROKEN = ROOT / "tests" / "data" / "broken"
META = ("version", "updated_at", "updated_by")


@pytest.fixture()
def db(store_target) -> Store:
    """A fresh store on each backend (SQLite folder, PostgreSQL schema)."""
    s = Store(store_target)
    yield s
    s.close()


def content(s: Store, drop: tuple[str, ...] = ("version",)) -> dict[str, list[dict]]:
    """The content tables, without the columns every write changes."""
    out = {}
    for name, rows in s.dump().items():
        if name in ("audit", "imports"):
            continue
        out[name] = [{k: v for k, v in r.items() if k not in drop} for r in rows]
    return out


def csv_file(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def do_import(s: Store, path: Path, who: str = "tester", **kw):
    result = s.validate_file(path, filename=path.name)
    assert result.ok, result.summary()
    return s.apply_import(result, path.name, who, **kw)


# ---------------------------------------------------------------------------- schema
def test_migrations_from_an_empty_file(tmp_path):
    f = tmp_path / "empty.sqlite"
    f.write_bytes(b"")  # an empty file is an empty database
    s = Store(f)
    assert s.schema_version() == SCHEMA_VERSION == MIGRATIONS[-1][0]
    con = sqlite3.connect(f)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"schema_version", "meta", "actuals", "spending", "scenarios", "actions", "audit", "imports", "settings",
            "target_files"} <= tables
    versions = [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == [v for v, _, _ in MIGRATIONS]
    con.close()
    Store(f)  # opening again runs nothing new
    assert s.schema_version() == SCHEMA_VERSION


def test_migrations_are_ordered_and_keep_data(tmp_path):
    """A store written by the first release (schema 1) is brought to the current schema."""
    f = tmp_path / "old.sqlite"
    con = sqlite3.connect(f, isolation_level=None)
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT")
    for stmt in store_mod._statements(MIGRATIONS[0][2]):
        con.execute(stmt)
    con.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", [("app", "pt-tracker"), ("version", "0"), ("data_version", "0")])
    con.execute("INSERT INTO schema_version VALUES (1, 'v1', 'then')")
    con.execute("INSERT INTO imports (batch_id, kind, at, who) VALUES ('b1', 'import', 'then', 'old')")
    con.execute("INSERT INTO actuals VALUES ('new_urban_jobs', 2024, 3, 3, 2.5, 'ytd', '', '', 'import', 'b1', 1, 'then', 'old')")
    con.close()
    s = Store(f)
    assert s.schema_version() == SCHEMA_VERSION
    frame = s.actuals_frame()
    assert frame[(frame.indicator_id == "new_urban_jobs") & (frame.month == 3) & (frame.year == 2024)]["value"].tolist() == [2.5]
    assert s.list_scenarios() == []  # the tables of migration 2 exist


def test_newer_schema_is_refused(store_target):
    s = Store(store_target)
    con = s._connect()
    con.execute("INSERT INTO schema_version VALUES (?, 'future', 'later')", (SCHEMA_VERSION + 1,))
    con.close()
    with pytest.raises(StoreError) as info:
        Store(store_target)
    assert info.value.code == "schema_newer" and info.value.params["version"] == SCHEMA_VERSION + 1


def test_wal_and_foreign_keys(db):
    if db.backend == "sqlite":
        assert str(db.pragma("journal_mode")).lower() == "wal"
        assert db.pragma("foreign_keys") == 1
    con = db._connect()
    try:
        with pytest.raises(db._db.integrity_errors()):
            con.execute("INSERT INTO actuals VALUES ('dongguan', 'x', 2024, 1, 1, 1.0, 'ytd', '', '', 'import', 'no-such-batch', 1, "
                        "'a', 'b')")
    finally:
        con.close()


def test_the_upload_limit_is_the_largest_backup_and_a_data_file_fits_under_it():
    """The server takes an upload as large as a backup may be; each uploader asks for its own limit
    (the pages pass ``max_upload_size``, tests/app check it)."""
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert BACKUP_MAX_BYTES == cfg["server"]["maxUploadSize"] * 1024 * 1024
    assert IMPORT_MAX_BYTES < BACKUP_MAX_BYTES and upload_mb(IMPORT_MAX_BYTES) == 20


def test_secrets_example_has_no_secrets_and_parses():
    text = (ROOT / ".streamlit" / "secrets.toml.example").read_text(encoding="utf-8")
    doc = tomllib.loads(text)  # every key is documented but commented out
    assert doc == {}
    for key in ("data_dir", "users_file", "[auth]", "[access]"):
        assert key in text


# ---------------------------------------------------------------------------- seeding
def test_seeded_from_the_shipped_files_as_sample(db):
    ds = db.load_dataset()
    files = load_dataset()
    assert ds.is_sample and db.is_sample()
    cols = list(ACTUAL_FIELDS)
    a = ds.actuals.frame[cols].sort_values(cols[:4] + ["basis"]).reset_index(drop=True)
    b = files.actuals.frame[cols].sort_values(cols[:4] + ["basis"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)
    assert ds.budget.monthly == files.budget.monthly
    assert ds.latest_period == files.latest_period
    mine = [(r.indicator_id, r.status, r.actual) for r in ds.progress(2024, (2024, 8))]
    theirs = [(r.indicator_id, r.status, r.actual) for r in files.progress(2024, (2024, 8))]
    assert mine == theirs
    origins = {r["origin"] for r in db.dump()["actuals"]} | {r["origin"] for r in db.dump()["spending"]}
    assert origins == {"sample"}
    assert [b.kind for b in db.batches()] == ["seed"]
    assert {r["name"] for r in db.dump()["target_files"]} >= {"indicators.csv", "project.yaml"}


def test_env_files_seed_a_fresh_store_without_sample(tmp_path):
    actuals = csv_file(tmp_path, "mine.csv", "indicator_id,period,value,basis\nnew_urban_jobs,2024-03,2.5,ytd\n")
    env = {"PT_DATA_DIR": str(tmp_path / "d"), "PT_ACTUALS": str(actuals)}
    s = open_store(env=env)
    assert "files-" in str(s.file)
    ds = s.load_dataset()
    assert not ds.is_sample
    assert ds.actuals.frame["value"].tolist() == [2.5]
    assert not ds.budget.has_data  # like load_dataset: no sample spending next to the user's actuals
    assert open_store(env=env).file == s.file  # same files → same store
    actuals.write_text("indicator_id,period,value,basis\nnew_urban_jobs,2024-03,2.75,ytd\n", encoding="utf-8")
    s2 = open_store(env=env)
    assert s2.file != s.file and s2.load_dataset().actuals.frame["value"].tolist() == [2.75]
    assert s.load_dataset().actuals.frame["value"].tolist() == [2.5]  # the earlier one is kept


def test_bad_seed_file_raises_and_store_stays_unseeded(tmp_path):
    from analytics.storage.dataset import DataFileError

    bad = BROKEN / "negative_count.csv"
    with pytest.raises(DataFileError):
        Store(tmp_path / "x", seed=SeedSpec(actuals=str(bad)))
    s = Store(tmp_path / "x", seed=SeedSpec(actuals=str(ROOT / "data/projects/dongguan/sample_actuals.csv")))
    assert not s.is_sample() and len(s.actuals_frame()) > 1000


def test_version_changes_on_every_write(db, tmp_path):
    v0, d0 = db.data_version(), db.dataset_version()
    db.save_scenario("基线", {"levers": {}}, "a")
    v1 = db.data_version()
    assert v1 > v0 and db.dataset_version() == d0  # scenarios are not part of the dataset
    assert db.version() == v1  # the older name of the same counter
    do_import(db, csv_file(tmp_path, "a.csv", "indicator_id,period,value,basis\nnew_urban_jobs,2024-09,9.7,ytd\n"))
    assert db.data_version() > v1 and db.dataset_version() > d0
    v2 = db.data_version()
    db.save_scenario("基线", {"levers": {}}, "a")  # unchanged: no write
    assert db.data_version() == v2
    for write in (lambda: db.set_action(1, "", "其他", "x", "y", "a"), lambda: db.set_setting("k", "v", "a"),
                  lambda: db.delete_scenario("基线", "a")):
        before = db.data_version()
        write()
        assert db.data_version() > before


@pytest.mark.slow
def test_data_version_sees_another_process(db):
    import subprocess
    import sys

    v = db.data_version()
    code = ("import sys; from analytics.storage.store import Store; "
            "Store(sys.argv[1], create=False).save_scenario('other', {}, 'p')")
    subprocess.run([sys.executable, "-c", code, db.target], check=True, cwd=ROOT, timeout=120)
    assert db.data_version() > v


# ---------------------------------------------------------------------------- importing
def test_import_adds_changes_keeps_and_audits(db, tmp_path):
    path = csv_file(tmp_path, "mine.csv", "indicator_id,period,value,basis,note\n"
                    "new_urban_jobs,2024-08,8.6,ytd,revised\n"
                    "new_urban_jobs,2024-09,9.7,ytd,\n"
                    "registered_unemployed,2024-08,4.0,level,\n")
    dry = do_import(db, path, dry_run=True, keep_sample=True)
    assert (dry.added, dry.changed, dry.unchanged, dry.batch_id) == (1, 1, 1, None)
    assert len(db.batches()) == 1  # nothing written
    done = do_import(db, path, who="alice", keep_sample=True)
    assert (done.added, done.changed, done.unchanged) == (1, 1, 1) and done.batch_id
    ds = db.load_dataset()
    assert ds.actuals.obs("new_urban_jobs", 2024).values[9] == 9.7
    hist = db.history("new_urban_jobs")
    top = {(e.key["month"], e.source, e.who) for e in hist[:2]}
    assert top == {(8, "mine.csv", "alice"), (9, "mine.csv", "alice")}
    aug = next(e for e in hist if e.key["month"] == 8 and e.source == "mine.csv")
    assert aug.old["value"] == pytest.approx(8.4998) and aug.new["value"] == 8.6 and aug.new["note"] == "revised"
    assert aug.batch_id == done.batch_id
    sep = next(e for e in hist if e.key["month"] == 9)
    assert sep.old is None and sep.new["value"] == 9.7
    batch = db.batches(kinds=["import"])[0]
    assert (batch.filename, batch.who, batch.added, batch.changed, batch.unchanged) == ("mine.csv", "alice", 1, 1, 1)


def test_import_blank_note_keeps_stored_note(db, tmp_path):
    do_import(db, csv_file(tmp_path, "a.csv", "indicator_id,period,value,basis,note,source\nnew_urban_jobs,2024-09,9.7,ytd,首次,统计局\n"))
    s = do_import(db, csv_file(tmp_path, "b.csv", "indicator_id,period,value,basis\nnew_urban_jobs,2024-09,9.8,ytd\n"))
    assert s.changed == 1
    row = next(r for r in db.dump()["actuals"] if r["indicator_id"] == "new_urban_jobs" and (r["year"], r["month"]) == (2024, 9))
    assert (row["value"], row["note"], row["source"]) == (9.8, "首次", "统计局")


def test_import_is_all_or_nothing(db, tmp_path, monkeypatch):
    path = csv_file(tmp_path, "mine.csv", "indicator_id,period,value,basis\n"
                    + "".join(f"new_urban_jobs,2024-{m:02d},{m},ytd\n" for m in range(1, 13)))
    result = db.validate_file(path, filename=path.name)
    before_backup, before = db.backup(), db.dump()
    calls = {"n": 0}
    real = store_mod._Tx.apply

    def failing(self, spec, ops, source, **kw):
        real(self, spec, ops, source, **kw)  # the rows are written …
        calls["n"] += 1
        raise RuntimeError("disk full")  # … then the transaction fails

    monkeypatch.setattr(store_mod._Tx, "apply", failing)
    with pytest.raises(RuntimeError):
        db.apply_import(result, path.name, "x")
    monkeypatch.setattr(store_mod._Tx, "set_counts", lambda *a, **k: (_ for _ in ()).throw(OSError("io")))
    monkeypatch.setattr(store_mod._Tx, "apply", real)
    with pytest.raises(OSError):
        db.apply_import(result, path.name, "x")
    assert calls["n"] == 1
    assert db.backup() == before_backup  # byte for byte
    assert db.dump() == before


@pytest.mark.parametrize("path", sorted(BROKEN.iterdir()), ids=lambda p: p.name)
def test_every_broken_file_is_rejected_and_changes_nothing(db, path):
    before_backup = db.backup()
    result = db.validate_file(path, filename=path.name)
    assert not result.ok and result.errors
    assert all(p.file == path.name for p in result.errors)
    with pytest.raises(ImportRejected):
        db.apply_import(result, path.name, "x")
    assert db.backup() == before_backup


def test_import_rejects_ids_of_another_table(db, tmp_path):
    from analytics.ingest.validate import ingest_actuals

    path = csv_file(tmp_path, "x.csv", "indicator_id,period,value\nfoo,2024-01,1\n")
    result = ingest_actuals(path, {"foo": {"name": "Foo", "kind": "level", "default_basis": "level"}})
    assert result.ok
    with pytest.raises(ImportRejected):
        db.apply_import(result, "x.csv", "x")


def test_combined_period_replaces_the_months_it_covers(db, tmp_path):
    do_import(db, csv_file(tmp_path, "a.csv", "indicator_id,period,value,basis\n"
                           "mass_incidents,2025-01,0,month\nmass_incidents,2025-02,1,month\n"))
    s = do_import(db, csv_file(tmp_path, "b.csv", "indicator_id,period,value,basis\nmass_incidents,2025年1-2月,2,month\n"))
    assert (s.changed, s.removed) == (1, 1)  # February becomes January–February; January goes
    rows = [r for r in db.dump()["actuals"] if r["indicator_id"] == "mass_incidents" and r["year"] == 2025]
    assert [(r["first_month"], r["month"], r["value"]) for r in rows] == [(1, 2, 2.0)]
    # spending: a year-to-date figure for June covers January–June
    s = do_import(db, csv_file(tmp_path, "c.csv", "period,source,amount,basis\n2024-06,中央补助,3000,ytd\n"))
    rows = [r for r in db.dump()["spending"] if r["year"] == 2024 and r["source"] == "central" and r["month"] <= 6]
    assert [(r["first_month"], r["month"], r["amount"]) for r in rows] == [(1, 6, 3000.0)]
    assert db.load_dataset().budget.spent_in_year(2024, 6, "central") == pytest.approx(3000.0)


def test_replace_sample_and_clear_sample(db, tmp_path):
    s = do_import(db, csv_file(tmp_path, "a.csv", "indicator_id,period,value,basis\nnew_urban_jobs,2024-09,9.7,ytd\n"),
                  replace_sample=True)
    assert not db.is_sample() and s.removed > 1000
    ds = db.load_dataset()
    assert not ds.is_sample and len(ds.actuals.frame) == 1 and not ds.budget.has_data
    db.undo_import(s.batch_id, "x")
    assert db.is_sample()
    c = db.clear_sample("x")
    assert c.removed > 1000 and not db.is_sample()
    db.undo_import(c.batch_id, "x")
    assert db.is_sample()


def test_first_real_import_removes_the_sample_in_one_undoable_batch(db, tmp_path):
    n = db.sample_count()
    assert n > 1000
    path = csv_file(tmp_path, "a.csv", "indicator_id,period,value,basis\nnew_urban_jobs,2024-09,9.7,ytd\n")
    dry = do_import(db, path, dry_run=True)
    assert dry.sample_removed == n and dry.removed == n and db.sample_count() == n  # the preview says how many
    s = do_import(db, path)
    assert (s.added, s.sample_removed) == (1, n) and not db.is_sample() and db.sample_count() == 0
    assert [b.kind for b in db.batches()] == ["import", "seed"]  # one batch
    assert db.load_dataset().actuals.frame["value"].tolist() == [9.7]
    db.undo_import(s.batch_id, "x")
    assert db.sample_count() == n and db.is_sample()
    later = do_import(db, path, replace_sample=True)  # the old flag is accepted: it is the default now
    assert later.sample_removed == n


def test_keep_sample_is_an_explicit_choice(db, tmp_path):
    n = db.sample_count()
    s = do_import(db, csv_file(tmp_path, "a.csv", "indicator_id,period,value,basis\nnew_urban_jobs,2024-09,9.7,ytd\n"),
                  keep_sample=True)
    assert s.sample_removed == 0 and db.sample_count() == n and db.is_sample()


def test_first_grid_save_removes_the_sample_unless_kept(db):
    n = db.sample_count()
    key = spending_key(2025, 1, "central")
    kept = db.save_grid_edits({key: 10.0}, {key: 0}, "bob", keep_sample=True)
    assert kept.sample_removed == 0 and db.sample_count() == n
    v = db.cell_versions([key])[key][0]
    res = db.save_grid_edits({key: 11.0}, {key: v}, "bob")
    assert res.sample_removed == n and res.changed == 1 and db.sample_count() == 0
    db.undo_import(res.batch_id, "bob")
    assert db.sample_count() == n and db.cell_versions([key])[key][1] == 10.0


def test_a_store_can_start_without_the_sample(tmp_path, monkeypatch):
    empty = Store(tmp_path / "a", seed=SeedSpec(sample=False))
    assert not empty.is_sample() and empty.actuals_frame().empty and empty.spending_frame().empty
    assert len(empty.project().indicators) == 48
    monkeypatch.setenv("PT_SEED_SAMPLE", "0")
    assert Store(tmp_path / "b").sample_count() == 0
    monkeypatch.setenv("PT_SEED_SAMPLE", "1")
    assert Store(tmp_path / "c").sample_count() > 1000


def test_export_after_the_first_import_into_a_new_store(tmp_path):
    """Issue 12: an audit row with an empty old value crashed the workbook export."""
    s = Store(tmp_path / "s")
    do_import(s, csv_file(tmp_path, "b.csv", "indicator_id,period,value,basis\nnew_urban_jobs,2024-08,9.7,ytd\n"))
    wb = openpyxl.load_workbook(io.BytesIO(s.export_workbook()))
    audit = list(wb["audit"].iter_rows(values_only=True))
    header = audit[0]
    olds = [r[header.index("old")] for r in audit[1:]]
    assert None in olds and any(isinstance(o, str) for o in olds)
    assert len(audit) - 1 == len(s.dump()["audit"])


def test_confirming_a_sample_row_makes_it_yours(db, tmp_path):
    s = do_import(db, csv_file(tmp_path, "a.csv", "indicator_id,period,value,basis\nnew_urban_jobs,2024-08,8.4998,ytd\n"))
    assert (s.added, s.changed, s.unchanged) == (0, 0, 1)
    row = next(r for r in db.dump()["actuals"] if r["indicator_id"] == "new_urban_jobs" and (r["year"], r["month"]) == (2024, 8))
    assert row["origin"] == "import" and not row["source"]  # the value confirmed; the invented source gone


# ---------------------------------------------------------------------------- 10 years × 60 indicators
def big_project(tmp_path: Path) -> Path:
    lines = ["indicator_id,name,unit,kind,direction,year,target"]
    for i in range(60):
        kind = "flow" if i % 2 == 0 else "level"
        for y in range(2015, 2025):
            lines.append(f"ind_{i:02d},指标{i:02d},万人,{kind},higher,{y},{100 + i}")
    p = tmp_path / "targets.csv"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def big_actuals(tmp_path: Path, seed: int = 7) -> tuple[Path, dict[tuple[str, int, int], float]]:
    rng = random.Random(seed)
    want: dict[tuple[str, int, int], float] = {}
    lines = ["indicator_id,period,value,basis"]
    for i in range(60):
        for y in range(2015, 2025):
            total = 0.0
            for m in range(1, 13):
                if i % 2 == 0:
                    total = round(total + rng.uniform(0, 10), 4)
                    v, basis = total, "ytd"
                else:
                    v, basis = round(rng.uniform(0, 500), 4), "level"
                want[(f"ind_{i:02d}", y, m)] = v
                lines.append(f"ind_{i:02d},{y}-{m:02d},{v!r},{basis}")
    p = tmp_path / "big.csv"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p, want


def test_ten_years_sixty_indicators_round_trip(tmp_path, store_target):
    s = Store(store_target, seed=SeedSpec(targets=str(big_project(tmp_path))))
    assert not s.is_sample() and s.load_dataset().actuals.frame.empty
    path, want = big_actuals(tmp_path)
    summary = do_import(s, path)
    assert summary.added == 7200 == len(want)
    frame = s.actuals_frame()
    got = {(r.indicator_id, r.year, r.month): r.value for r in frame.itertuples()}
    assert got == want  # exactly, not approximately
    ds = s.load_dataset()
    assert ds.actuals.obs("ind_00", 2024).values[12] == want[("ind_00", 2024, 12)]
    again = do_import(s, path)
    assert (again.added, again.changed, again.unchanged) == (0, 0, 7200)


# ---------------------------------------------------------------------------- grid edits and concurrency
def test_grid_edit_saves_and_audits(db):
    key = actual_key("new_urban_jobs", 2024, 8, "ytd")
    (ver, val), = db.cell_versions([key]).values()
    res = db.save_grid_edits({key: 9.0, spending_key(2024, 9, "central"): 100.0}, {key: ver}, "bob", keep_sample=True)
    assert (res.changed, res.added) == (1, 1)
    e = db.history("new_urban_jobs")[0]
    assert (e.who, e.source, e.old["value"], e.new["value"]) == ("bob", "grid", val, 9.0)
    assert db.load_dataset().actuals.obs("new_urban_jobs", 2024).values[8] == 9.0
    # clearing a cell deletes the row (audited)
    v2 = db.cell_versions([key])[key][0]
    db.save_grid_edits({key: None}, {key: v2}, "bob")
    assert db.cell_versions([key])[key] == (0, None)
    assert db.history("new_urban_jobs")[0].new is None


def test_stale_edit_is_refused_with_the_newer_value(db):
    key = actual_key("new_urban_jobs", 2024, 8, "ytd")
    seen = db.cell_versions([key])[key][0]
    db.save_grid_edits({key: 8.8}, {key: seen}, "alice")
    before = db.dump()
    with pytest.raises(StaleEditError) as info:
        db.save_grid_edits({key: 9.9, actual_key("new_urban_jobs", 2024, 9, "ytd"): 10.0}, {key: seen}, "bob")
    c = info.value.conflicts
    assert len(c) == 1 and c[0].current == 8.8 and c[0].mine == 9.9 and c[0].updated_by == "alice"
    msg = info.value.message("zh")
    assert "城镇新增就业人员规模 2024年8月" in msg and "8.8" in msg and "alice" in msg
    assert "8.8" in info.value.message("en")
    assert db.dump() == before  # nothing written, not even the other cell


def test_unchanged_cell_is_not_written(db):
    key = actual_key("new_urban_jobs", 2024, 8, "ytd")
    seen = db.cell_versions([key])[key][0]
    db.save_grid_edits({key: 8.8}, {key: seen}, "alice")
    with pytest.raises(StaleEditError):  # stale even when it would write the same value
        db.save_grid_edits({key: 8.8}, {key: seen}, "bob")
    now = db.cell_versions([key])[key][0]
    v = db.version()
    res = db.save_grid_edits({key: 8.8}, {key: now}, "bob")
    assert res.batch_id is None and db.version() == v


def test_bad_cells_are_refused(db):
    with pytest.raises(StoreError):
        db.save_grid_edits({actual_key("nope", 2024, 1, "ytd"): 1.0}, {}, "x")
    with pytest.raises(StoreError):
        db.save_grid_edits({actual_key("new_urban_jobs", 2024, 1, "ytd"): -1.0}, {}, "x")
    with pytest.raises(StoreError):
        db.save_grid_edits({spending_key(2024, 13, "central"): 1.0}, {}, "x")


def test_two_threads_same_cell_one_is_told(db):
    key = actual_key("new_urban_jobs", 2024, 8, "ytd")
    seen = db.cell_versions([key])[key][0]
    barrier = threading.Barrier(2)
    outcome: dict[str, object] = {}

    def writer(name: str, value: float) -> None:
        s = Store(db.target)
        barrier.wait()
        try:
            s.save_grid_edits({key: value}, {key: seen}, name)
            outcome[name] = "saved"
        except StaleEditError as exc:
            outcome[name] = exc

    threads = [threading.Thread(target=writer, args=(n, v)) for n, v in (("a", 10.0), ("b", 11.0))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    saved = [n for n, o in outcome.items() if o == "saved"]
    told = [o for o in outcome.values() if isinstance(o, StaleEditError)]
    assert len(saved) == 1 and len(told) == 1
    final = db.cell_versions([key])[key][1]
    assert final == {"a": 10.0, "b": 11.0}[saved[0]]
    assert told[0].conflicts[0].current == final


def _increment_worker(path: str, key: tuple, n: int, name: str, out: "mp.Queue") -> None:
    s = Store(path)
    stale = 0
    for _ in range(n):
        while True:
            ver, val = s.cell_versions([key])[key]
            try:
                s.save_grid_edits({key: (val or 0.0) + 1.0}, {key: ver}, name)
                break
            except StaleEditError:
                stale += 1
    out.put((name, stale))


def test_two_processes_no_lost_update(db):
    """Two processes each add 1 to the same cell 15 times, read-modify-write with the version
    check: the result is exactly 30 (no lost update); every lost race was reported."""
    key = spending_key(2030, 1, "central")
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    procs = [ctx.Process(target=_increment_worker, args=(db.target, key, 15, f"p{i}", q)) for i in range(2)]
    for p in procs:
        p.start()
    results = [q.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    assert db.cell_versions([key])[key][1] == 30.0
    assert len(db.batches(kinds=["grid"])) == 30
    assert sum(stale for _, stale in results) >= 0


# ---------------------------------------------------------------------------- undo
def test_undo_of_an_import_restores_exactly(db, tmp_path):
    before = content(db)
    before_sample = db.is_sample()
    path = csv_file(tmp_path, "a.csv", "indicator_id,period,value,basis,note\n"
                    "new_urban_jobs,2024-08,8.6,ytd,new note\n"
                    "new_urban_jobs,2024-09,9.7,ytd,\n"
                    "mass_incidents,2024年1-2月,1,month,\n")
    s = do_import(db, path)
    assert s.removed >= 1  # the combined period replaced stored single months
    assert content(db) != before
    u = db.undo_import(s.batch_id, "undoer")
    assert content(db) == before and db.is_sample() == before_sample
    assert db.batches()[0].kind == "undo" and db.batches()[0].undo_of == s.batch_id
    assert next(b for b in db.batches() if b.batch_id == s.batch_id).undone
    with pytest.raises(StoreError):
        db.undo_import(s.batch_id, "again")
    # undoing the undo is a redo
    db.undo_import(u.batch_id, "redoer")
    assert db.load_dataset().actuals.obs("new_urban_jobs", 2024).values[9] == 9.7
    assert db.history("new_urban_jobs")[0].source == "undo"


def test_undo_refuses_to_overwrite_later_changes(db, tmp_path):
    s = do_import(db, csv_file(tmp_path, "a.csv", "indicator_id,period,value,basis\nnew_urban_jobs,2024-09,9.7,ytd\n"))
    key = actual_key("new_urban_jobs", 2024, 9, "ytd")
    g = db.save_grid_edits({key: 9.9}, {key: db.cell_versions([key])[key][0]}, "later")
    before = db.dump()
    with pytest.raises(UndoConflictError) as info:
        db.undo_import(s.batch_id, "x")
    assert "9.9" in info.value.message("zh") and "later" in info.value.message("en")
    assert db.dump() == before
    db.undo_import(g.batch_id, "x")  # undo the later change first …
    db.undo_import(s.batch_id, "x")  # … then the import
    assert db.cell_versions([key])[key] == (0, None)


def test_unknown_batch(db):
    from analytics.present.strings.storage import render

    with pytest.raises(StoreError) as info:
        db.undo_import("nope", "x")
    assert info.value.code == "no_batch"
    assert render(info.value, "zh") == "找不到这批更改（nope）。" and render(info.value, "en") == "No such batch (nope)."


# ---------------------------------------------------------------------------- scenarios, actions, settings
def test_scenarios_crud(db):
    db.save_scenario("加快执行", {"levers": {"pace": 1.2}}, "a")
    db.save_scenario("基线", {"levers": {}}, "a")
    assert [s.name for s in db.list_scenarios()] == ["加快执行", "基线"]
    assert db.get_scenario("加快执行") == {"levers": {"pace": 1.2}}
    db.save_scenario("加快执行", {"levers": {"pace": 1.3}}, "b")
    info = db.scenario_info("加快执行")
    assert info.created_by == "a" and info.updated_by == "b"
    assert db.duplicate_scenario("加快执行", None, "a") == "加快执行 副本"
    assert db.duplicate_scenario("加快执行", None, "a") == "加快执行 副本 2"
    db.rename_scenario("基线", "现状", "a")
    assert db.get_scenario("基线") is None and db.get_scenario("现状") == {"levers": {}}
    with pytest.raises(StoreError):
        db.rename_scenario("现状", "加快执行", "a")
    assert db.delete_scenario("现状", "a") and not db.delete_scenario("现状", "a")
    with pytest.raises(StoreError):
        db.save_scenario("  ", {}, "a")
    with pytest.raises(StoreError):
        db.save_scenario("x", {"bad": float("nan")}, "a")
    hist = db.audit(table="scenarios")
    assert hist[0].old is not None and hist[0].new is None  # the deletion, with what was deleted


def test_actions(db):
    db.set_action(2, "new_urban_jobs", "经费保障", "资金到位晚", "加快拨付", "a", year=2024)
    db.set_action(2, None, "other", "整体", "督办", "a")
    got = db.get_action(2, "new_urban_jobs", year=2024)
    assert got["cause_category"] == "funding" and got["measure_text"] == "加快拨付"
    assert [a["indicator_id"] for a in db.list_actions(goal=2)] == ["", "new_urban_jobs"]
    with pytest.raises(StoreError):
        db.set_action(2, None, "天气", "", "", "a")
    assert db.delete_action(2, None, "a") and db.get_action(2) is None


def test_settings(db):
    assert db.get_setting("presentation_mode") is None
    db.set_setting("presentation_mode", "on", "admin")
    assert db.get_setting("presentation_mode") == "on"
    assert db.audit(table="settings")[0].who == "admin"


# ---------------------------------------------------------------------------- export (backup and restore: test_backup.py)
def test_export_workbook_sheets_and_formula_safety(db, tmp_path):
    do_import(db, csv_file(tmp_path, "a.csv", "indicator_id,period,value,basis,note\nnew_urban_jobs,2024-09,9.7,ytd,\"=HYPERLINK(\"\"x\"\")\"\n"))
    db.save_scenario("=cmd|' /C calc'!A0", {"x": 1}, "@evil")
    db.set_action(1, "", "其他", "+1", "-2", "a")
    wb = openpyxl.load_workbook(io.BytesIO(db.export_workbook()))
    assert wb.sheetnames == ["targets", "actuals", "spending", "scenarios", "actions", "audit", "imports"]
    values = [c for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert not any(c.data_type == "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)  # never a formula
    assert "=HYPERLINK(\"x\")" in values and "=cmd|' /C calc'!A0" in values  # as written, typed as text
    actuals = wb["actuals"]
    header = [c.value for c in actuals[1]]
    assert header[:6] == ["indicator_id", "name", "unit", "period", "value", "basis"]
    assert actuals.max_row - 1 == len(db.dump()["actuals"])


def test_exported_actuals_sheet_imports_again(db, tmp_path):
    path = tmp_path / "export.xlsx"
    path.write_bytes(db.export_workbook())
    result = db.validate_file(path, filename=path.name, sheet="actuals")
    assert result.ok, result.summary()
    s = db.apply_import(result, path.name, "x", dry_run=True)
    assert s.added == 0 and s.changed == 0 and s.unchanged == len(db.dump()["actuals"])
    spend = db.validate_file(path, filename=path.name, sheet="spending", kind="budget")
    assert spend.ok, spend.summary()
    assert db.apply_import(spend, path.name, "x", dry_run=True).unchanged == len(db.dump()["spending"])


def test_project_falls_back_to_the_copy_in_the_store(tmp_path, store_target):
    folder = tmp_path / "proj"
    folder.mkdir()
    src = ROOT / "data" / "projects" / "dongguan"
    for name in ("project.yaml", "indicators.csv", "checks.yaml", "budget_allocation.csv"):
        (folder / name).write_bytes((src / name).read_bytes())
    s = Store(store_target, seed=SeedSpec(targets=str(folder)))
    n = len(s.project().indicators)
    for f in folder.iterdir():
        f.unlink()
    folder.rmdir()
    project = s.project()  # the folder is gone: the copy kept in the store is used
    assert len(project.indicators) == n
    assert (Path(project.source) / "budget_allocation.csv").exists()


def test_target_file_changes_are_synced_and_audited(tmp_path, store_target):
    folder = tmp_path / "proj"
    folder.mkdir()
    src = ROOT / "data" / "projects" / "dongguan"
    for name in ("project.yaml", "indicators.csv"):
        (folder / name).write_bytes((src / name).read_bytes())
    s = Store(store_target, seed=SeedSpec(targets=str(folder)))
    d0 = s.data_version()
    assert not s.sync_targets()
    text = (folder / "indicators.csv").read_text(encoding="utf-8").replace("城镇新增就业人员规模", "城镇新增就业人数")
    (folder / "indicators.csv").write_text(text, encoding="utf-8")
    assert s.sync_targets()
    assert s.data_version() > d0
    e = s.audit(table="target_files")[0]
    assert e.source == "targets" and e.new["sha256"] != e.old["sha256"]
    assert s.project().indicator("new_urban_jobs").name == "城镇新增就业人数"


def test_every_store_error_code_has_catalogue_text():
    import re

    from analytics.present.catalogue import CATALOGUE

    codes = set()
    for path in (ROOT / "analytics" / "storage").glob("*.py"):
        codes |= set(re.findall(r'code="([a-z_]+)"', path.read_text(encoding="utf-8")))
    assert {"schema_newer", "no_targets", "no_batch", "bad_target_name"} <= codes
    for code in codes - {"restore_failed"}:
        assert f"storage.{code}" in CATALOGUE and CATALOGUE[f"storage.{code}"]["en"], code


def test_a_data_folder_that_is_a_file_is_a_store_error(tmp_path):
    # PT_DATA_DIR / --store naming a file (or a folder under one): a StoreError with its own
    # sentence, and the CLI says it with exit 2 instead of an OS error in English
    from analytics.cli.main import main
    from analytics.present.strings.storage import render

    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as err:
        Store(blocker / "data")
    assert err.value.code == "store_dir_is_file" and "不是文件夹" in render(err.value, "zh")
    assert main(["status", "--store", str(blocker / "data")]) == 2


def test_a_month_is_held_in_one_basis_and_a_total_never_falls_across_files(db, tmp_path):
    first = do_import(db, csv_file(tmp_path, "a.csv", "indicator_id,period,value,basis\n"
                                   "new_urban_jobs,2025-01,1.0,ytd\nnew_urban_jobs,2025-02,2.1,ytd\nnew_urban_jobs,2025-03,3.0,ytd\n"))
    assert first.added == 3
    # the same months again as monthly amounts: they replace the totals, never stand beside them
    monthly = do_import(db, csv_file(tmp_path, "b.csv", "indicator_id,period,value,basis\n"
                                     "new_urban_jobs,2025-02,1.1,当月\nnew_urban_jobs,2025-03,0.9,当月\n"))
    assert (monthly.added, monthly.removed) == (2, 2)
    held = [(r["month"], r["basis"]) for r in db.dump()["actuals"] if r["indicator_id"] == "new_urban_jobs" and r["year"] == 2025]
    assert sorted(held) == [(1, "ytd"), (2, "month"), (3, "month")]
    assert db.load_dataset().actuals.obs("new_urban_jobs", 2025).values[3] == pytest.approx(3.0)  # 1.0 + 1.1 + 0.9
    # a year-to-date total below the one stored for an earlier month: refused, said at the file's row
    db2 = do_import(db, csv_file(tmp_path, "c.csv", "indicator_id,period,value,basis\nnew_urban_jobs,2025-04,3.9,ytd\n"))
    assert db2.added == 1
    falls = db.validate_file(csv_file(tmp_path, "d.csv", "indicator_id,period,value,basis\nnew_urban_jobs,2025-05,3.5,ytd\n"),
                             filename="d.csv")
    assert [(p.code, p.row) for p in falls.errors] == [("ytd_decrease_stored", 2)]
    assert "与数据库中已有的 4 月累计数 3.9" in __import__("analytics.present.messages", fromlist=["render_problem"]).render_problem(falls.errors[0])
    revised = db.validate_file(csv_file(tmp_path, "e.csv", "indicator_id,period,value,basis\n"
                                        "new_urban_jobs,2025-04,3.4,ytd\nnew_urban_jobs,2025-05,3.5,ytd\n"), filename="e.csv")
    assert revised.ok  # the file's own April replaces the stored one


def test_the_users_rows_keep_nothing_of_the_sample(db, tmp_path):
    """The template filled with the user's January and February: February's row took the sample's
    note 1-2月合并发布 and its source 东莞市统计局 (a blank note keeps the stored one), and counted as
    changed. A sample row given again is the user's, with the file's note and source only."""
    s = do_import(db, csv_file(tmp_path, "a.csv", "indicator_id,period,value,basis\nnew_urban_jobs,2024-01,0.7,ytd\nnew_urban_jobs,2024-02,1.5,ytd\n"))
    assert db.sample_count() == 0
    rows = db.actuals_frame()
    feb = rows[(rows["indicator_id"] == "new_urban_jobs") & (rows["year"] == 2024) & (rows["month"] == 2)].iloc[0]
    assert feb["value"] == 1.5 and not feb["note"] and not feb["source"]
