"""指标详情 records a check-in of a qualitative or yes/no indicator (AppTest): the month, the
result in words, a note; saved through the same checks as an upload, shown under 原始数据 and in
the status at once; a second save of the same month corrects it."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics.cli.main import main
from analytics.present.i18n import t
from analytics.storage.grid import checkin_held
from analytics.storage.store import Store

pytestmark = pytest.mark.slow  # AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
CORPUS = ROOT / "tests" / "tables" / "corpus"


@pytest.fixture()
def store_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    assert main(["new-project", str(CORPUS / "chizhou_weituo_ziping_2022.tsv"), "--store", str(tmp_path), "--id", "cz"]) == 0
    monkeypatch.setenv("PT_DATA_DIR", str(tmp_path))
    return tmp_path


def _open(indicator: str, lang: str = "zh") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({"project": "cz", "lang": lang, "indicator": indicator})
    at.run()
    at.switch_page("pages/indicator.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _qualitative(store_dir: Path):  # type: ignore[no-untyped-def]
    return next(i for i in Store(store_dir, create=False).with_project("cz").project().indicators if i.kind == "qualitative")


def test_record_a_check_in_with_a_note(store_dir: Path) -> None:
    ind = _qualitative(store_dir)
    at = _open(ind.id)
    assert t("ck_title", "zh") in [e.label for e in at.main.expander]
    month = at.selectbox(key=f"ck_month_{ind.id}_2022")
    assert month.options[0] == "2022年12月" and len(month.options) == 12  # a year over: every month, latest first
    month.set_value(6).run()
    radio = at.radio(key=f"ck_value_{ind.id}_2022_6")
    assert radio.options == ["达成", "部分达成", "未达成"] and radio.value is None  # nothing recorded for June
    at.button(key=f"ck_save_{ind.id}").click().run()
    assert t("ck_pick", "zh") in [w.value for w in at.warning]  # no result chosen: nothing saved
    at.radio(key=f"ck_value_{ind.id}_2022_6").set_value(0.5)
    at.text_input(key=f"ck_note_{ind.id}_2022_6").input("培训完成一半，下半年续办")
    at.button(key=f"ck_save_{ind.id}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert t("ck_saved", "zh", month="2022年6月", value="部分达成") in [s.value for s in at.success]
    raw = at.main.dataframe[-1].value.to_string()
    assert "部分达成" in raw and "培训完成一半，下半年续办" in raw
    store = Store(store_dir, create=False).with_project("cz")
    rows = store.load_dataset().actuals.notes(ind.id, 2022)
    assert checkin_held(rows, ind, 2022, 6) == (0.5, "培训完成一半，下半年续办")

    # the same month again: the form shows what is saved, and a new note alone corrects it
    at.selectbox(key=f"ck_month_{ind.id}_2022").set_value(6).run()
    assert at.radio(key=f"ck_value_{ind.id}_2022_6").value == 0.5
    at.text_input(key=f"ck_note_{ind.id}_2022_6").input("培训已完成一半")
    at.button(key=f"ck_save_{ind.id}").click().run()
    assert t("ck_saved", "zh", month="2022年6月", value="部分达成") in [s.value for s in at.success]
    rows = Store(store_dir, create=False).with_project("cz").load_dataset().actuals.notes(ind.id, 2022)
    assert checkin_held(rows, ind, 2022, 6) == (0.5, "培训已完成一半")


def test_in_english_and_not_for_numbers(store_dir: Path) -> None:
    ind = _qualitative(store_dir)
    at = _open(ind.id, "en")
    assert "Record a check-in" in [e.label for e in at.main.expander]
    assert at.radio(key=f"ck_value_{ind.id}_2022_12").options == ["Achieved", "Partly achieved", "Not achieved"]
    assert at.radio(key=f"ck_value_{ind.id}_2022_12").value == 1.0  # December's 达成 from the table
    number = next(i for i in Store(store_dir, create=False).with_project("cz").project().indicators if i.kind == "rate")
    at = _open(number.id, "en")
    assert "Record a check-in" not in [e.label for e in at.main.expander]


def test_a_month_changed_meanwhile_is_refused_then_saved_knowingly(store_dir: Path) -> None:
    """Someone else records June while the form is open: the save is refused and says so; a second
    save, made knowing it, goes through."""
    ind = _qualitative(store_dir)
    at = _open(ind.id)
    at.selectbox(key=f"ck_month_{ind.id}_2022").set_value(6).run()
    Store(store_dir, create=False).with_project("cz").save_checkin(ind.id, 2022, 6, 0.0, "另一人填报", "李四", 0)
    at.radio(key=f"ck_value_{ind.id}_2022_6").set_value(1.0)
    at.button(key=f"ck_save_{ind.id}").click().run()
    assert at.error and not at.success, [s.value for s in at.success]
    at.button(key=f"ck_save_{ind.id}").click().run()
    assert not at.exception and t("ck_saved", "zh", month="2022年6月", value="达成") in [s.value for s in at.success]
    rows = Store(store_dir, create=False).with_project("cz").load_dataset().actuals.notes(ind.id, 2022)
    assert checkin_held(rows, ind, 2022, 6)[0] == 1.0
