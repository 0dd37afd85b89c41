"""Many projects in one store: the migration that gives every project-scoped row a project id
(the default project ``dongguan`` for what was there), projects added from a read table,
reads and writes kept to one project, archiving as an undoable batch, backups holding every
project, and ``--project`` on the command line. Every ``db`` test runs on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analytics.cli.main import main
from analytics.ingest.tables import parse_table
from analytics.storage import schema
from analytics.storage.rows import key_dict, key_of, row_json, to_json
from analytics.storage.transfer import open_db
from analytics.storage.project_files import save_to_store
from analytics.storage.store import DEFAULT_PROJECT, SCHEMA_VERSION, Store, StoreError
from tests.pg import pg_url, store_target  # noqa: F401  (fixtures: every `db` test runs on both backends)

TABLES = Path(__file__).resolve().parents[1] / "tables"
SEED = TABLES / "seed_dongguan.txt"
SELF_EVAL = TABLES / "corpus" / "ningde_rencaiyizhan_2023.tsv"


@pytest.fixture()
def db(store_target) -> Store:
    s = Store(store_target)
    yield s
    s.close()


def _reading(path: Path = SEED, year: int | None = None) -> dict:
    return parse_table(path, year=year).to_json()  # type: ignore[union-attr]


def _actuals(tmp_path: Path, rows: str, name: str = "a.csv") -> Path:
    f = tmp_path / name
    f.write_text("indicator_id,period,value,basis\n" + rows, encoding="utf-8")
    return f


def test_a_store_from_before_projects_keeps_its_rows_under_the_default_project(store_target, monkeypatch) -> None:
    """A store of schema version 2 (written here with that version's columns) is migrated: its
    rows belong to the default project, its batch still undoes."""
    spec = schema.SPECS["actuals"]
    row = {"indicator_id": "new_urban_jobs", "year": 2024, "month": 3, "first_month": 1, "value": 2.5, "basis": "ytd",
           "note": "", "source": "", "origin": "import", "batch_id": "b1", "version": 1, "updated_at": "2024-04-01",
           "updated_by": "old"}
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:2])
        m.setattr(schema, "SCHEMA_VERSION", 2)
        old = open_db(store_target, create=True)
        con = old.connect()
        try:
            con.execute("BEGIN IMMEDIATE")
            con.execute("INSERT INTO imports (batch_id, kind, filename, at, who, added) VALUES "
                        "('b1', 'import', 'x.csv', '2024-04-01', 'old', 1)")
            con.execute(f"INSERT INTO actuals ({', '.join(spec.cols)}) VALUES ({', '.join('?' for _ in spec.cols)})",
                        tuple(row[c] for c in spec.cols))
            con.execute("INSERT INTO audit (at, who, tbl, key, indicator_id, old, new, source, batch_id) VALUES "
                        "(?, ?, 'actuals', ?, 'new_urban_jobs', NULL, ?, 'x.csv', 'b1')",
                        ("2024-04-01", "old", to_json(key_dict(spec, key_of(spec, row))), row_json(spec, row)))
            con.execute("COMMIT")
        finally:
            con.close()
            old.close()
    s = Store(store_target)
    try:
        assert s.schema_version() == SCHEMA_VERSION == 3 and s.project_id == DEFAULT_PROJECT
        assert s.actuals_frame()["value"].tolist() == [2.5]
        assert [b.batch_id for b in s.batches()][-1] == "b1"
        assert {r["project"] for rows in s.dump().values() for r in rows if "project" in r} == {DEFAULT_PROJECT}
        assert s.undo_import("b1", "t").removed == 1 and s.actuals_frame().empty
    finally:
        s.close()


def test_an_added_project_has_its_own_rows(db: Store, tmp_path: Path) -> None:
    saved = save_to_store(db, _reading(), "dg2", "tester", "seed.txt")
    assert saved.batch_id and saved.imported is None
    p2 = db.with_project("dg2")
    assert p2.project().name == "东莞市公共就业服务能力提升示范项目" and len(p2.project().indicators) == 40
    assert p2.actuals_frame().empty and not p2.is_sample()
    assert not db.actuals_frame().empty  # the default project keeps its 示例数据
    f = _actuals(tmp_path, "t01,2024-03,2.5,ytd\n")
    summary = p2.apply_import(p2.validate_file(f, filename=f.name), f.name, "tester")
    assert summary.added == 1 and db.is_sample()  # the default project's sample rows are not touched
    assert [b.kind for b in p2.batches()] == ["import", "project"]
    assert all(b.kind != "project" for b in db.batches())
    # the same table twice: the same indicator ids in two projects
    save_to_store(db, _reading(), "dg3", "tester")
    p3 = db.with_project("dg3")
    p3.apply_import(p3.validate_file(f, filename=f.name), f.name, "tester")
    f2 = _actuals(tmp_path, "t01,2024-03,3.5,ytd\n", "b.csv")
    p3.apply_import(p3.validate_file(f2, filename=f2.name), f2.name, "tester")
    assert p2.actuals_frame()["value"].tolist() == [2.5]
    assert p3.actuals_frame()["value"].tolist() == [3.5]
    assert p3.history("t01")[0].new["value"] == 3.5 and len(p2.history("t01")) == 1
    p3.save_scenario("s", {"a": 1}, "t")
    assert [s.name for s in p3.list_scenarios()] == ["s"] and p2.list_scenarios() == []


def test_ids_are_checked_and_archiving_is_undoable(db: Store) -> None:
    save_to_store(db, _reading(), "dg2", "tester")
    with pytest.raises(StoreError) as info:
        save_to_store(db, _reading(), "dg2", "tester")
    assert info.value.code == "project_exists"
    for bad in ("a b", "../x", "x" * 65, DEFAULT_PROJECT):
        with pytest.raises(StoreError):
            save_to_store(db, _reading(), bad, "tester")
    with pytest.raises(StoreError) as info:
        db.with_project("nope")
    assert info.value.code == "unknown_project"
    summary = db.archive_project("dg2", "tester")
    assert db.project_status("dg2") == "archived"
    assert [p.id for p in db.list_projects(archived=False)] == [DEFAULT_PROJECT]
    assert [p.id for p in db.list_projects()] == [DEFAULT_PROJECT, "dg2"]
    assert db.with_project("dg2").undo_import(summary.batch_id, "tester").changed == 1
    assert db.project_status("dg2") == "active"
    with pytest.raises(StoreError):
        db.archive_project(DEFAULT_PROJECT, "tester")


def test_a_backup_holds_every_project(db: Store, tmp_path: Path, store_target) -> None:
    save_to_store(db, _reading(), "dg2", "tester")
    p2 = db.with_project("dg2")
    f = _actuals(tmp_path, "t01,2024-03,2.5,ytd\n")
    p2.apply_import(p2.validate_file(f, filename=f.name), f.name, "tester")
    data = db.backup()
    db.archive_project("dg2", "tester")
    p2.apply_import(p2.validate_file(_actuals(tmp_path, "t01,2024-04,3,ytd\n", "b.csv"), filename="b.csv"), "b.csv", "t")
    res = db.restore(data, "tester")
    assert db.project_status("dg2") == "active"
    assert p2.actuals_frame()["value"].tolist() == [2.5]
    db.undo_import(res.batch_id, "tester")  # one undo brings every project's rows back
    assert db.project_status("dg2") == "archived" and len(p2.actuals_frame()) == 2


def test_self_evaluation_actuals_are_imported_with_the_project(db: Store) -> None:
    saved = save_to_store(db, _reading(SELF_EVAL, 2023), "nd", "tester")
    assert saved.imported is not None and saved.imported.added == 5
    ds = db.with_project("nd")
    assert sorted(ds.actuals_frame()["indicator_id"]) == ["t01", "t02", "t03", "t04", "t05"]


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    code = main(list(args))
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


def test_cli_new_project_store_and_project_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    Store(store).close()
    default = _cli(capsys, "status", "--store", str(store), "--as-of", "2024-06")
    payload = _cli(capsys, "new-project", str(SEED), "--store", str(store), "--id", "dg2")
    assert payload["id"] == "dg2" and payload["batch_id"] and payload["indicators"] == 40
    assert _cli(capsys, "status", "--store", str(store), "--as-of", "2024-06") == default  # unchanged
    f = _actuals(tmp_path, "t01,2024-06,6.5,ytd\n")
    imported = _cli(capsys, "import", str(f), "--store", str(store), "--project", "dg2")
    assert imported["summary"]["added"] == 1
    status = _cli(capsys, "status", "--store", str(store), "--project", "dg2", "--as-of", "2024-06")
    row = next(r for r in status["indicators"] if r["indicator_id"] == "t01")
    assert row["actual"] == pytest.approx(6.5) and status["sample_data"] is False
    out = tmp_path / "dg2.xlsx"
    _cli(capsys, "export", "--out", str(out), "--store", str(store), "--project", "dg2")
    import openpyxl

    wb = openpyxl.load_workbook(out, read_only=True)
    assert [r[0] for r in wb["actuals"].iter_rows(min_row=2, values_only=True)] == ["t01"]
    listed = _cli(capsys, "projects", "--store", str(store), "--archive", "dg2")
    assert [(p["id"], p["status"]) for p in listed["projects"]] == [(DEFAULT_PROJECT, "active"), ("dg2", "archived")]
    assert main(["status", "--store", str(store), "--project", "nope"]) == 2
    assert "nope" in capsys.readouterr().err
    assert main(["new-project", str(SEED), "--store", str(store), "--id", "dg2"]) == 2  # taken


def test_cli_new_project_takes_the_managers_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a list copied from a web page names no project: the file's name would be the project's
    table = tmp_path / "list_2023.txt"
    table.write_text("1.适龄儿童国家免疫规划疫苗接种率≥90%\n2.7岁以下儿童健康服务率≥90%\n3.高血压患者管理人数142万人\n", encoding="utf-8")
    store = tmp_path / "store"
    plain = _cli(capsys, "new-project", str(table), "--year", "2023", "--out", str(tmp_path / "plain"))
    assert plain["name"] == "list_2023"
    named = _cli(capsys, "new-project", str(table), "--year", "2023", "--store", str(store), "--id", "phc",
                 "--name", " 2023年基本公共卫生服务补助资金 ")
    assert named["name"] == "2023年基本公共卫生服务补助资金"
    listed = _cli(capsys, "projects", "--store", str(store))
    assert ("phc", "2023年基本公共卫生服务补助资金") in [(p["id"], p["name"]) for p in listed["projects"]]
