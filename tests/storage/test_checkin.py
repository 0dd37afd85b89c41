"""One month's check-in of a qualitative or yes/no indicator (analytics/storage/grid.py
``checkin_*``, :meth:`Store.save_checkin`): the choices it offers, the one gate it goes through,
the note it keeps, and a correction of the note alone."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from analytics.cli.main import main
from analytics.storage.grid import checkin_check, checkin_choices, checkin_held, checkin_key
from analytics.storage.store import StaleEditError, Store
from tests.pg import BACKENDS, new_schema

CORPUS = Path(__file__).resolve().parents[1] / "tables" / "corpus"
GENERATED = Path(__file__).resolve().parents[1] / "tables" / "generated"


@pytest.fixture(scope="module")
def cz(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """池州 委托业务 2022 (a 自评表: six qualitative indicators, actuals in December)."""
    where = tmp_path_factory.mktemp("checkin")
    assert main(["new-project", str(CORPUS / "chizhou_weituo_ziping_2022.tsv"), "--store", str(where), "--id", "cz"]) == 0
    return Store(where, create=False).with_project("cz")


def _first(store: Store, kind: str):  # type: ignore[no-untyped-def]
    return next(i for i in store.project().indicators if i.kind == kind)


def test_choices_follow_the_kind_and_the_wanted_answer(tmp_path: Path) -> None:
    """达成 / 部分达成 / 未达成 for a qualitative indicator, 是 then 否 for a yes/no, 否 first when
    否 is its target (是否存在质量问题 | 否); nothing for an indicator counted in numbers."""
    assert main(["new-project", str(GENERATED / "xiuyu_shuili_quyu_2025.docx"), "--store", str(tmp_path), "--id", "xy"]) == 0
    project = Store(tmp_path, create=False).with_project("xy").project()
    no = next(i for i in project.indicators if i.wants_no)
    number = next(i for i in project.indicators if i.kind in ("flow", "rate", "stock", "level"))
    yes = next(i for i in Store(tmp_path, create=False).project().indicators if i.kind == "milestone")  # the sample's
    assert checkin_choices(no) == (0.0, 1.0)
    assert checkin_choices(yes) == (1.0, 0.0)
    assert checkin_choices(number) == ()


def test_a_check_in_goes_through_the_gate_and_keeps_its_note(cz: Store) -> None:
    project = cz.project()
    ind = _first(cz, "qualitative")
    assert checkin_choices(ind) == (1.0, 0.5, 0.0)
    checked = checkin_check(project, ind.id, 2022, 6, 0.5, "完成一半", today=_dt.date(2026, 12, 6))
    assert checked.ok and not checked.problems
    assert checked.data[["month", "value", "basis", "note"]].to_dict("records") == [
        {"month": 6, "value": 0.5, "basis": ind.default_basis, "note": "完成一半"}]
    key = checkin_key(ind, 2022, 6)
    assert key == ("actuals", ind.id, 2022, 6, ind.default_basis)
    assert cz.cell_versions([key])[key] == (0, None)
    done = cz.save_checkin(ind.id, 2022, 6, 0.5, "  完成一半 ", "张三", 0)
    assert (done.added, done.changed) == (1, 0)
    rows = cz.load_dataset().actuals.notes(ind.id, 2022)
    assert checkin_held(rows, ind, 2022, 6) == (0.5, "完成一半")
    assert checkin_held(rows, ind, 2022, 7) == (None, "")
    assert checkin_held(rows.iloc[0:0], ind, 2022, 6) == (None, "")


def test_a_note_alone_is_corrected_and_a_stale_form_is_refused(cz: Store) -> None:
    ind = [i for i in cz.project().indicators if i.kind == "qualitative"][1]
    key = checkin_key(ind, 2022, 3)
    cz.save_checkin(ind.id, 2022, 3, 1.0, "已验收", "张三", 0)
    version = cz.cell_versions([key])[key][0]
    same = cz.save_checkin(ind.id, 2022, 3, 1.0, "已验收", "张三", version)  # nothing new: no batch
    assert (same.added, same.changed, same.batch_id) == (0, 0, None)
    note = cz.save_checkin(ind.id, 2022, 3, 1.0, "已验收，见验收报告", "张三", version)  # the same level, a new note
    assert note.changed == 1
    rows = cz.load_dataset().actuals.notes(ind.id, 2022)
    assert checkin_held(rows, ind, 2022, 3) == (1.0, "已验收，见验收报告")
    with pytest.raises(StaleEditError):  # the form was read before the note changed
        cz.save_checkin(ind.id, 2022, 3, 0.0, "未达成", "李四", version)


def test_a_month_to_come_is_warned_about(cz: Store) -> None:
    ind = _first(cz, "qualitative")
    checked = checkin_check(cz.project(), ind.id, 2027, 3, 1.0, "", "en", today=_dt.date(2026, 12, 6))
    assert checked.ok and [p.code for p in checked.problems] == ["future_period"]
    assert checked.problems[0].file.startswith("check-in (")


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_note_alone_is_saved_on_both_stores(backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sample's yes/no milestones on SQLite and PostgreSQL: a second save with a new note
    changes the row's note, not its value."""
    if backend == "sqlite":
        db = Store(tmp_path)
        drop = None
    else:
        url, drop = new_schema()
        monkeypatch.setenv("PT_DATA_DIR", str(tmp_path))
        db = Store(url)
    try:
        ind = next(i for i in db.project().indicators if i.kind == "milestone")
        key = checkin_key(ind, 2024, 2)
        version = db.cell_versions([key])[key][0]
        db.save_checkin(ind.id, 2024, 2, 1.0, "第一次", "张三", version, keep_sample=True)
        version = db.cell_versions([key])[key][0]
        assert db.save_checkin(ind.id, 2024, 2, 1.0, "第二次", "张三", version, keep_sample=True).changed == 1
        held = checkin_held(db.load_dataset().actuals.notes(ind.id, 2024), ind, 2024, 2)
        assert held == (1.0, "第二次")
    finally:
        db.close()
        if drop:
            drop()
