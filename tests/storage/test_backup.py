"""Backup and restore (analytics/storage/backup.py): round trips, bad files, and a backup as
untrusted input — each reproduction of issue 16's restore findings as a test.

Restore reads only known tables and columns by name, binds every value, takes no path,
setting or role from the backup, and refuses bad rows with located messages (rendered from
the catalogue), never a traceback."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from analytics.cli.main import main
from analytics.present.strings.storage import render
from analytics.storage.store import SCHEMA_VERSION, RestoreError, Store
from tests.pg import pg_url, store_target  # noqa: F401  (fixtures: every `db` test runs on both backends)
from tests.storage.test_store import META, content, csv_file, do_import

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def db(store_target) -> Store:
    """A fresh store on each backend; a PostgreSQL store's backup is the same .sqlite file."""
    s = Store(store_target)
    yield s
    s.close()


def tampered(backup: bytes, *sql: str, params: tuple = ()) -> bytes:
    con = sqlite3.connect(":memory:")
    con.deserialize(backup)
    for i, statement in enumerate(sql):
        con.execute(statement, params if i == len(sql) - 1 else ())
    con.commit()
    data = bytes(con.serialize())
    con.close()
    return data


# ---------------------------------------------------------------------------- round trips and bad files
def test_backup_and_restore_round_trip(db, tmp_path):
    db.save_scenario("基线", {"levers": {}}, "a")
    snapshot = db.backup()
    want = content(db, drop=META)
    s = do_import(db, csv_file(tmp_path, "a.csv", "indicator_id,period,value,basis\nnew_urban_jobs,2024-09,9.7,ytd\n"),
                  keep_sample=True)
    db.delete_scenario("基线", "a")
    changed = content(db, drop=META)
    res = db.restore(snapshot, "restorer", filename="snap.sqlite")
    assert content(db, drop=META) == want
    assert res.removed == 1 and res.added == 1  # the imported row went, the scenario came back
    assert db.batches()[0].kind == "restore"
    assert any(b.batch_id == s.batch_id for b in db.batches())  # history kept
    db.undo_import(res.batch_id, "x")  # a restore is undoable
    assert content(db, drop=META) == changed


def test_restore_into_a_fresh_store_and_from_zip(db, tmp_path):
    do_import(db, csv_file(tmp_path, "a.csv", "indicator_id,period,value,basis\nnew_urban_jobs,2024-09,9.7,ytd\n"), who="alice")
    other = Store(tmp_path / "other")
    res = other.restore(db.backup_zip(), "admin", filename="b.zip")
    assert content(other, drop=META) == content(db, drop=META)
    assert res.merged_batches == 2  # the seed and the import of the first store
    assert any(e.who == "alice" for e in other.history("new_urban_jobs"))


def _tampered(backup: bytes, sql: str) -> bytes:
    con = sqlite3.connect(":memory:")
    con.deserialize(backup)
    con.execute(sql)
    con.commit()
    data = con.serialize()
    con.close()
    return bytes(data)


def _not_ours() -> bytes:
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE t (x)")
    data = con.serialize()
    con.close()
    return bytes(data)


def _zip_without_db() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "hello")
    return buf.getvalue()


def _workbook() -> bytes:
    from openpyxl import Workbook

    buf = io.BytesIO()
    Workbook().save(buf)
    return buf.getvalue()


def _encrypted_zip(backup: bytes) -> bytes:
    """The backup in a zip whose entry is marked encrypted (``zip -P``; zipfile writes none, so the
    flag is set by hand): restore said RuntimeError “password required” with a traceback."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("tracker.sqlite", backup)
    raw = bytearray(buf.getvalue())
    raw[6] |= 1  # the local header's general purpose flag
    central = raw.rfind(b"PK\x01\x02")
    raw[central + 8] |= 1  # the central directory's
    return bytes(raw)


BAD_BACKUPS = {
    "empty": lambda b: b"",
    "garbage": lambda b: b"this is not a backup at all" * 10,
    "truncated": lambda b: b[: len(b) // 3],
    "zip_without_db": lambda b: _zip_without_db(),
    "broken_zip": lambda b: b"PK\x03\x04" + b"\x00" * 50,
    "other_sqlite": lambda b: _not_ours(),
    "negative_value": lambda b: _tampered(b, "UPDATE actuals SET value = -1 WHERE rowid = (SELECT MIN(rowid) FROM actuals)"),
    "unknown_indicator": lambda b: _tampered(b, "UPDATE actuals SET indicator_id = 'zzz' WHERE rowid = (SELECT MIN(rowid) FROM actuals)"),
    "unknown_source": lambda b: _tampered(b, "UPDATE spending SET source = 'moon' WHERE rowid = (SELECT MIN(rowid) FROM spending)"),
    "bad_scenario": lambda b: _tampered(b, "INSERT INTO scenarios VALUES ('dongguan', 'x', 'not json', 'a', 'b', 1, 'c', 'd')"),
    "newer_schema": lambda b: _tampered(b, f"INSERT INTO schema_version VALUES ({SCHEMA_VERSION + 1}, 'future', 'x')"),
    "edited_target_file": lambda b: _tampered(b, "UPDATE target_files SET content = X'00' WHERE name = 'indicators.csv'"),
    # a view runs any query when read (an endless recursive one took gigabytes and never ended)
    "view": lambda b: tampered(b, "DROP TABLE audit", "CREATE VIEW audit AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                                                      "SELECT x AS id, x AS batch_id FROM c"),
    "trigger": lambda b: _tampered(b, "CREATE TRIGGER t_evil AFTER INSERT ON meta BEGIN SELECT 1; END"),
    "encrypted_zip": lambda b: _encrypted_zip(b),
    "exported_workbook": lambda b: _workbook(),
    "not_a_time_stamp": lambda b: _tampered(b, "UPDATE actuals SET updated_at = 'not a date' WHERE rowid = (SELECT MIN(rowid) FROM actuals)"),  # an .xlsx is a zip: it said “the zip holds no .sqlite backup”
    # values and texts no import stores, which made every page and export fail after a restore
    "huge_value": lambda b: _tampered(b, "UPDATE actuals SET value = 1e308 WHERE rowid = (SELECT MIN(rowid) FROM actuals)"),
    "control_note": lambda b: _tampered(b, "UPDATE actuals SET note = 'a' || char(7) || char(27) || '[31m' WHERE rowid = (SELECT MIN(rowid) FROM actuals)"),
}


@pytest.mark.parametrize("name", sorted(BAD_BACKUPS))
def test_restore_of_a_bad_backup_changes_nothing(db, name):
    good = db.backup()
    bad = BAD_BACKUPS[name](good)
    before = db.dump()
    with pytest.raises(RestoreError) as info:
        db.restore(bad, "x", filename=f"{name}.sqlite")
    zh, en = render(info.value, "zh"), render(info.value, "en")
    assert info.value.problems and zh.startswith("备份文件无法恢复") and en.startswith("The backup cannot be restored")
    assert all(render(p, "en") != p.code for p in info.value.problems)  # every problem has its sentence
    assert db.dump() == before
    assert db.backup() == good
    assert not list(Path(db.dir).glob(".restore-*"))  # the scratch copy checked on disk is gone


def test_backup_is_a_consistent_sqlite_file(db):
    data = db.backup()
    assert data.startswith(b"SQLite format 3\x00")
    con = sqlite3.connect(":memory:")
    con.deserialize(data)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT COUNT(*) FROM actuals").fetchone()[0] == len(db.dump()["actuals"])
    con.close()


def target_contents(s: Store) -> list[bytes]:
    return [bytes(r["content"]) for r in s.dump()["target_files"]]


# ---------------------------------------------------------------------------- 1. server files
@pytest.mark.parametrize("ref", ["/etc/passwd", str(ROOT / ".streamlit"), "relative/../../etc/hosts"])
def test_targets_ref_of_a_backup_is_never_taken(tmp_path, capsys, ref):
    """export b.sqlite; set meta.targets_ref; restore; export again: nothing of the file leaks."""
    store = tmp_path / "S"
    assert main(["import", str(ROOT / "data/projects/dongguan/sample_actuals.csv"), "--store", str(store),
                 "--keep-sample"]) == 0
    assert main(["export", "--out", str(tmp_path / "b.sqlite"), "--store", str(store)]) == 0
    con = sqlite3.connect(tmp_path / "b.sqlite")
    con.execute("UPDATE meta SET value = ? WHERE key = 'targets_ref'", (ref,))
    con.execute("UPDATE meta SET value = 'x' WHERE key = 'targets_sig'")
    con.commit()
    con.close()
    capsys.readouterr()
    assert main(["restore", str(tmp_path / "b.sqlite"), "--store", str(store)]) == 0
    assert main(["export", "--out", str(tmp_path / "leak.sqlite"), "--store", str(store)]) == 0
    con = sqlite3.connect(tmp_path / "leak.sqlite")
    rows = con.execute("SELECT name, content FROM target_files").fetchall()
    meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    con.close()
    assert {n for n, _ in rows} >= {"indicators.csv", "project.yaml"}
    assert not any(b"root:" in bytes(c) or b"[auth]" in bytes(c) for _, c in rows)
    assert meta["targets_ref"] != ref
    s = Store(store, create=False)
    assert s.targets_ref() != ref and not s.sync_targets()
    assert len(s.load_dataset().project.indicators) == 48  # pages compute as before: no TargetFileError


def test_restore_of_another_target_table_uses_the_copy_in_the_store(db, tmp_path):
    other = Store(tmp_path / "other", seed=_flat_targets(tmp_path))
    db.restore(other.backup(), "admin")
    assert db.targets_ref() == "store"
    assert [ind.id for ind in db.project().indicators] == ["a1"]
    assert target_contents(db) == target_contents(other)


def test_a_backup_of_the_shipped_table_keeps_following_it(db):
    """An older backup made with the shipped table (``targets_ref = 'shipped'``, a symbol, not a
    path) keeps the store on the shipped folder: the copy is refreshed from it."""
    import hashlib

    old = b"checks: []\n"
    crafted = tampered(db.backup(), "UPDATE target_files SET content = ?, sha256 = ? WHERE name = 'checks.yaml'",
                       params=(old, hashlib.sha256(old).hexdigest()))
    want = target_contents(db)
    db.restore(crafted, "x")
    assert db.targets_ref() == "shipped"
    assert db.sync_targets() and target_contents(db) == want


def _flat_targets(tmp_path: Path):
    from analytics.storage.store import SeedSpec

    p = tmp_path / "t.csv"
    p.write_text("indicator_id,name,unit,kind,direction,year,target\na1,指标A,万人,flow,higher,2024,10\n", encoding="utf-8")
    return SeedSpec(targets=str(p))


# ---------------------------------------------------------------------------- 2. settings
def test_settings_are_not_restored_unless_asked(db):
    db.set_setting("presentation_mode", "off", "admin")
    crafted = tampered(db.backup(), "UPDATE settings SET value = 'on', updated_by = 'root' WHERE key = 'presentation_mode'")
    res = db.restore(crafted, "editor")
    assert db.get_setting("presentation_mode") == "off" and res.settings_skipped == 1
    res = db.restore(crafted, "the-admin", restore_settings=True)
    assert db.get_setting("presentation_mode") == "on" and res.settings_skipped == 0
    row = next(r for r in db.dump()["settings"] if r["key"] == "presentation_mode")
    assert row["updated_by"] == "the-admin"  # never the backup's updated_by


def test_cli_restore_keeps_settings_by_default(tmp_path, capsys):
    s = Store(tmp_path / "S")
    crafted = tampered(s.backup(), "INSERT INTO settings VALUES ('presentation_mode', 'on', 1, '2026-01-01T08:00:00+08:00', 'someone')")
    (tmp_path / "c.sqlite").write_bytes(crafted)
    capsys.readouterr()
    assert main(["restore", str(tmp_path / "c.sqlite"), "--store", str(tmp_path / "S")]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["settings_skipped"] == 1 and s.get_setting("presentation_mode") is None
    assert main(["restore", str(tmp_path / "c.sqlite"), "--store", str(tmp_path / "S"), "--with-settings"]) == 0
    assert s.get_setting("presentation_mode") == "on"


# ---------------------------------------------------------------------------- 3. SQL from column names
def test_crafted_column_name_injects_nothing(db, tmp_path):
    other = Store(tmp_path / "other")
    evil = 'filename) SELECT batch_id, kind, (SELECT group_concat(name) FROM sqlite_master), at, who FROM imports --'
    crafted = tampered(other.backup(), f'ALTER TABLE imports ADD COLUMN "{evil}" TEXT')
    db.restore(crafted, "x")
    filenames = [b.filename for b in db.batches()]
    assert not any("schema_version" in f or "target_files" in f for f in filenames)  # no table list leaked


@pytest.mark.parametrize("table", ["imports", "audit", "actuals", "settings", "target_files"])
def test_an_extra_column_is_ignored(db, table):
    crafted = tampered(db.backup(), f"ALTER TABLE {table} ADD COLUMN extra TEXT DEFAULT 'x'")
    res = db.restore(crafted, "x")
    assert res.batch_id


def test_a_missing_column_is_a_located_message(db):
    crafted = tampered(db.backup(), "ALTER TABLE imports DROP COLUMN filename")
    with pytest.raises(RestoreError) as info:
        db.restore(crafted, "x")
    p = info.value.problems[0]
    assert (p.code, p.table) == ("missing_column", "imports")
    assert "filename" in render(p, "zh") and "imports" in render(p, "en")


def test_a_table_without_constraints_is_checked_row_by_row(db):
    backup = db.backup()
    crafted = tampered(backup, "ALTER TABLE actuals RENAME TO a_old",
                       "CREATE TABLE actuals AS SELECT * FROM a_old",
                       "UPDATE actuals SET month = 13, value = 'lots' WHERE rowid = 1")
    with pytest.raises(RestoreError) as info:
        db.restore(crafted, "x")
    assert {p.code for p in info.value.problems} >= {"bad_key", "bad_value"}
    assert db.backup() == backup


def test_duplicate_batches_of_a_table_without_its_key_are_refused(db, tmp_path):
    other = Store(tmp_path / "other")
    crafted = tampered(other.backup(), "ALTER TABLE imports RENAME TO i_old", "CREATE TABLE imports AS SELECT * FROM i_old",
                       "INSERT INTO imports SELECT * FROM i_old")
    with pytest.raises(RestoreError) as info:
        db.restore(crafted, "x")
    assert {p.code for p in info.value.problems} == {"bad_batch"}


# ---------------------------------------------------------------------------- 4. target-file names
@pytest.mark.parametrize("name", ["..", "", ".", "a\x00b.csv", "../../evil.csv", "sub/x.csv", " x.csv", "C:\\x"])
def test_bad_target_file_names_are_refused_with_a_message(db, name):
    backup = db.backup()
    crafted = tampered(backup, "INSERT INTO target_files SELECT project, ?, content, sha256, version, updated_at, updated_by "
                               "FROM target_files WHERE name = 'checks.yaml'", params=(name,))
    with pytest.raises(RestoreError) as info:
        db.restore(crafted, "x")
    p = info.value.problems[0]
    assert (p.code, p.table) == ("bad_target_name", "target_files")
    zh, en = render(info.value, "zh"), render(info.value, "en")
    assert zh.startswith("备份文件无法恢复") and "目标表文件名" in zh and "Invalid target file name" in en
    assert "Traceback" not in zh and "\x00" not in zh + en
    assert db.backup() == backup


def test_bad_names_hidden_in_the_history_are_refused(db, tmp_path):
    """An undo of a merged batch would write its audit rows back: they are checked too."""
    other = Store(tmp_path / "other")
    row = {"name": "..", "content": {"b64": "eA=="}, "sha256": "x", "version": 1, "updated_at": "t", "updated_by": "u"}
    crafted = tampered(other.backup(), "INSERT INTO audit (at, who, tbl, key, old, new, source, batch_id) "
                                       "SELECT 't', 'u', 'target_files', '{\"name\": \"..\"}', NULL, ?, 'x', batch_id "
                                       "FROM imports LIMIT 1", params=(json.dumps(row),))
    with pytest.raises(RestoreError) as info:
        db.restore(crafted, "x")
    assert info.value.problems[0].code == "bad_audit"


def test_cli_restore_of_a_crafted_backup_exits_1_with_messages(tmp_path, capsys):
    s = Store(tmp_path / "S")
    crafted = tampered(s.backup(), "UPDATE target_files SET name = '..' WHERE name = 'checks.yaml'")
    (tmp_path / "c.sqlite").write_bytes(crafted)
    capsys.readouterr()
    assert main(["restore", str(tmp_path / "c.sqlite"), "--store", str(tmp_path / "S"), "--lang", "en"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert not out["ok"] and out["problems"][0]["code"] == "bad_target_name"
    assert "目标表文件名" in out["problems"][0]["message_zh"] and "Invalid" in out["problems"][0]["message_en"]


def test_every_restore_problem_code_has_catalogue_text():
    import inspect

    from analytics.present.catalogue import CATALOGUE
    from analytics.storage import backup, backup_checks

    src = inspect.getsource(backup) + inspect.getsource(backup_checks)
    import re

    codes = set(re.findall(r'(?:_fail|P|RestoreProblem)\("([a-z_]+)"', src)) | set(re.findall(r'\("([a-z_]+)", \{', src))
    assert codes, "no codes found"
    for code in codes:
        assert f"storage.restore_{code}" in CATALOGUE, code


def test_a_restore_counts_as_changed_only_rows_whose_content_differs(tmp_path):
    """Restoring another store's backup holding the same figures and one value changed reported
    1,253 rows changed (their batch, time and author differ): it reports the one."""
    import time

    a = Store(str(tmp_path / "a"))
    a.load_dataset()
    time.sleep(1.1)  # another second: every row of the second store has a time stamp of its own
    b = Store(str(tmp_path / "b"))
    b.load_dataset()
    con = sqlite3.connect(tmp_path / "a" / "tracker.sqlite")
    con.execute("UPDATE actuals SET value = value + 1 WHERE rowid = (SELECT MIN(rowid) FROM actuals)")
    con.commit()
    con.close()
    summary = b.restore(a.backup(), "x", filename="a.sqlite")
    assert (summary.changed, summary.added, summary.removed) == (1, 0, 0), summary
    assert summary.unchanged > 1000


def test_a_target_file_past_the_stores_limit_is_refused_before_any_row_is_read(db, monkeypatch):
    """A backup whose target file was 100 MB (a zip of 1 MB) was read, hashed and copied: a
    gigabyte of memory before its checksum was found wrong. Files this app keeps are bounded
    (TARGET_FILE_MAX_BYTES); one past it is refused by its size alone, named."""
    import hashlib

    from analytics.storage import backup as backup_module

    monkeypatch.setattr(backup_module, "TARGET_FILE_MAX_BYTES", 4096)
    blob = b"x" * 5000
    crafted = tampered(db.backup(), "UPDATE target_files SET content = ?, sha256 = ? WHERE name = 'checks.yaml'",
                       params=(blob, hashlib.sha256(blob).hexdigest()))
    with pytest.raises(RestoreError) as info:
        db.restore(crafted, "x")
    assert [p.code for p in info.value.problems] == ["target_too_large"]
    assert "checks.yaml" in render(info.value, "zh") and "checks.yaml" in render(info.value, "en")


def test_cli_restore_hands_over_the_open_file_never_its_bytes(tmp_path, monkeypatch):
    """``restore`` read the file into memory and the check copied it again: a backup near the
    512 MB limit took a gigabyte. The command now hands over the open file, streamed to disk."""
    seen: list[object] = []
    monkeypatch.setattr(Store, "restore", lambda self, data, *a, **k: seen.append(data) or (_ for _ in ()).throw(
        RestoreError([])))
    (tmp_path / "b.sqlite").write_bytes(b"SQLite format 3\x00" + bytes(100_000))
    main(["restore", str(tmp_path / "b.sqlite"), "--store", str(tmp_path / "S")])
    assert len(seen) == 1 and not isinstance(seen[0], (bytes, bytearray)) and hasattr(seen[0], "read")


def _zip_of(data: bytes, declared: int | None = None) -> bytes:
    """``data`` deflated in a zip; ``declared`` forges the entry's unpacked size in both headers
    (a zip bomb says it is small)."""
    import struct

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("tracker.sqlite", data)
    raw = bytearray(buf.getvalue())
    if declared is not None:
        struct.pack_into("<I", raw, 22, declared)  # the local header's uncompressed size
        central = raw.rfind(b"PK\x01\x02")
        struct.pack_into("<I", raw, central + 24, declared)
    return bytes(raw)


@pytest.mark.parametrize("case", ["bytes", "file", "zip", "zip_file", "zip_bomb"])
def test_a_backup_past_the_size_limit_is_refused_and_changes_nothing(db, monkeypatch, tmp_path, case):
    """The size limits hold however the backup comes (bytes from the page, the command's open
    file, a zip saying its size or lying about it), before anything is written, and no scratch
    file stays behind."""
    from analytics.storage import backup as backup_module

    good = db.backup()
    monkeypatch.setattr(backup_module, "BACKUP_MAX_BYTES", len(good) - 1)
    big = {"bytes": good, "file": good, "zip": _zip_of(good), "zip_file": _zip_of(good),
           "zip_bomb": _zip_of(good + bytes(len(good)), declared=len(good) - 4096)}[case]
    assert len(big) < len(good) or case in ("bytes", "file")
    source = big
    if case.endswith("file"):
        (tmp_path / "big").write_bytes(big)
        source = (tmp_path / "big").open("rb")
    before = db.dump()
    try:
        with pytest.raises(RestoreError) as info:
            db.restore(source, "x")
    finally:
        if hasattr(source, "close"):
            source.close()
    assert [p.code for p in info.value.problems] == ["bad_zip" if case == "zip_bomb" else "too_large"]
    assert db.dump() == before
    assert not list(Path(db.dir).glob(".restore-*"))


def test_a_backup_file_restores_like_its_bytes(db, tmp_path):
    """The command's open file and the page's upload (a file object) restore like the bytes."""
    db.save_scenario("基线", {"levers": {}}, "a")
    want = content(db, drop=META)
    (tmp_path / "b.zip").write_bytes(db.backup_zip())
    db.delete_scenario("基线", "a")
    with (tmp_path / "b.zip").open("rb") as fh:
        res = db.restore(fh, "restorer", filename="b.zip")
    assert content(db, drop=META) == want and res.added == 1
    db.delete_scenario("基线", "a")
    res = db.restore(io.BytesIO((tmp_path / "b.zip").read_bytes()), "restorer", filename="b.zip")
    assert content(db, drop=META) == want and res.added == 1
    assert not list(Path(db.dir).glob(".restore-*"))


def test_a_full_disk_while_the_backup_is_unpacked_is_said_and_changes_nothing(db, monkeypatch):
    import errno as errno_module

    from analytics.storage import backup as backup_module

    def full(src, dst):
        raise OSError(errno_module.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_module, "_copy_limited", full)
    before = db.dump()
    with pytest.raises(RestoreError) as info:
        db.restore(db.backup_zip(), "x")
    assert [p.code for p in info.value.problems] == ["no_space"]
    assert "磁盘空间不足" in render(info.value, "zh") and "disk" in render(info.value, "en")
    assert db.dump() == before and not list(Path(db.dir).glob(".restore-*"))
