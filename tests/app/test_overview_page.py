"""总览 (pages/overview.py) for a project of its own with its data (AppTest).

嘉峪关's 文化事业发展专项资金 (tests/tables/corpus), its qualitative 提升博物馆绿化水平 checked in
部分达成 in June and December: as of December it is missed and heads 最需关注的指标.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics.cli.main import main
from analytics.core.qualitative import level_word
from analytics.present.catalogue import text as message
from analytics.storage.store import Store

pytestmark = pytest.mark.slow  # AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
TABLE = ROOT / "tests" / "tables" / "corpus" / "jiayuguan_bowuguan_2023.tsv"
ACTUALS = ("indicator_id,period,value,basis,note\n"
           + "".join(f"t01,2023-{m:02d},22,month,\n" for m in range(1, 13))
           + "t06,2023-06,部分达成,,绿化工程推进\nt06,2023-12,部分达成,,绿化工程推进\n")


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("overview_store")
    assert main(["new-project", str(TABLE), "--store", str(where), "--id", "jy"]) == 0
    db = Store(where, create=False).with_project("jy")
    result = db.validate_file(io.BytesIO(ACTUALS.encode()), filename="jy_actuals.csv", kind="actuals")
    assert result.ok, result.errors
    db.apply_import(result, "jy_actuals.csv", "tester")
    return where


@pytest.fixture(autouse=True)
def _use_the_store(_isolated_store: None, store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PT_DATA_DIR", str(store_dir))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_most_behind_says_a_check_in_in_words(lang: str) -> None:
    """最需关注的指标 says a qualitative indicator's check-in as the other pages do (实际 部分达成 /
    actual Partly achieved), never its stored code (实际 0.5)."""
    from pages.ui.common import invalidate_data

    invalidate_data()  # the store was written outside the app
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({"project": "jy", "lang": lang, "as_of": "2023-12", "year": "2023"})
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    lead = message("watch_now", lang, actual="@", expected="@").split("@")[0]  # 实际 / actual
    with_actual = [c.value for c in at.main.get("caption") if lead in c.value]
    partly = level_word(0.5, lang)
    assert any(lead + partly in w for w in with_actual), with_actual
    assert not any(lead + "0.5" in w for w in with_actual), with_actual
