"""Projects added from real published target tables show correctly on every page (AppTest).

One store, made once for the module, holds the default project (the Dongguan sample) and six
projects added with ``new-project`` from tables of tests/tables/corpus/:

* ``cz`` — a 自评表 with actual values (池州, 委托业务项目; funding given by source);
* ``hs`` — a plain 批复表 with its funding (黄石, 主体班), no actuals;
* ``yy`` — a plain target table that gives no funding (岳阳楼区 价格认证鉴定中心), no actuals;
* ``jy``, ``xt`` and ``nf`` — three more (嘉峪关 and 湘潭 with funding, 岳阳楼区 without), for the
  tests that add monthly actuals or spending, so that the other tests see the projects as added.

Every page, in Chinese and English, must run without an error, carry a title and the project's
own name and indicators, and never show the sample project's name, goals or indicators nor the
示例数据 banner. The forecast appears once monthly actuals are imported; the budget page says what
the table gives about funding; the slides and both official forms are about the project; the
sidebar's project switcher changes the project and stale choices in the URL do not break a page.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from analytics.cli.main import main
from analytics.ingest.targets import load_project
from analytics.present.catalogue import text as message
from analytics.reports import report
from analytics.storage.store import Store

pytestmark = pytest.mark.slow  # AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
CORPUS = ROOT / "tests" / "tables" / "corpus"
PAGES = ["pages/overview.py", "pages/goals.py", "pages/indicator.py", "pages/targets.py", "pages/forecast.py",
         "pages/budget.py", "pages/data.py", "pages/meeting.py"]
TABLES = {
    "cz": "chizhou_weituo_ziping_2022.tsv",
    "hs": "huangshi_pifu_2022.txt",
    "yy": "yueyanglou_jiage_2023.txt",
}
# two more, only for the tests that add data (so that no other test depends on their order):
# 嘉峪关 文化事业发展专项资金 (funding 20万元, 2023) and 湘潭 雾炮车降尘抑尘服务 (no funding, 2023)
WRITTEN_TO = {"jy": "jiayuguan_bowuguan_2023.tsv", "xt": "xiangtan_wupaoche_2023.txt", "nf": "yueyanglou_jiage_2023.txt",
              "yx": "yueyang_xian_nongtian_2022.txt"}
NAMES = {"cz": "委托业务项目", "hs": "主体班", "yy": "岳阳楼区价格认证鉴定中心",
         "jy": "文化事业发展专项资金", "xt": "雾炮车降尘抑尘服务", "nf": "岳阳楼区价格认证鉴定中心",
         "yx": "岳阳县2022年高标准农田建设项目"}


# -- the store ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("projects_store")
    for pid, table in {**TABLES, **WRITTEN_TO}.items():
        assert main(["new-project", str(CORPUS / table), "--store", str(where), "--id", pid]) == 0
    return where


@pytest.fixture(autouse=True)
def _use_the_store(_isolated_store: None, store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PT_DATA_DIR", str(store_dir))


@pytest.fixture(scope="module")
def sample_words() -> list[str]:
    """What must never show for another project: the sample's name, goals and indicators."""
    sample = load_project()
    words = {"东莞", "Dongguan", "五大", "示例数据", "Sample data", sample.name, sample.name_en}
    words |= {g.name for g in sample.goals} | {g.name_en for g in sample.goals if g.name_en}
    words |= {i.name for i in sample.indicators} | {i.name_en for i in sample.indicators if i.name_en}
    return sorted(w for w in words if w)


def dataset_of(store_dir: Path, pid: str) -> Any:
    return Store(store_dir, create=False).with_project(pid).load_dataset()


# -- AppTest helpers ---------------------------------------------------------------------------
def open_page(page: str, pid: str, lang: str = "zh", **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["project"] = pid
    at.query_params["lang"] = lang
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    if page != "pages/overview.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _values(elements: Any, attr: str = "value") -> list[str]:
    return [str(getattr(e, attr)) for e in elements]


def page_text(at: AppTest) -> str:
    """Everything the main area shows as text (the sidebar lists every project by name, so it is
    left out): headings, text, alerts, value cards, tables, widget labels and options, links,
    chart titles and axes."""
    m = at.main
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "warning", "info", "error", "success"):
        parts += _values(m.get(kind))
    parts += _values(m.metric, "label") + _values(m.metric)
    parts += [d.value.to_string() + " " + " ".join(map(str, d.value.columns)) for d in m.dataframe]
    parts += [t.value.to_string() + " " + " ".join(map(str, t.value.columns)) for t in m.table]
    for kind in ("selectbox", "multiselect", "radio"):
        for w in m.get(kind):
            parts.append(str(w.label))
            parts += [str(o) for o in getattr(w, "options", [])]
    parts += _values(m.button, "label") + _values(m.expander, "label") + _values(m.tabs, "label")
    parts += [pl.proto.label for pl in m.get("page_link")]
    parts += [c.proto.spec for kind in ("arrow_vega_lite_chart", "vega_lite_chart") for c in m.get(kind)]
    return "\n".join(parts)


def assert_clean(at: AppTest, text: str, pid: str, sample_words: list[str], where: str) -> None:
    """No error box, a title, and nothing of the sample project."""
    errors = [e.value for e in at.error]
    assert not any("参考编号" in e or "reference" in e.lower() for e in errors), (where, errors)
    assert at.title and at.title[0].value.strip(), where
    own = NAMES[pid]
    leaked = [w for w in sample_words if w in text and w not in own]
    assert not leaked, (where, leaked)


def own_indicators(store_dir: Path, pid: str, lang: str) -> list[str]:
    return [i.display_name(lang) for i in dataset_of(store_dir, pid).project.indicators]


# -- 1-2: every page, both languages, every project ----------------------------------------------
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("pid", list(TABLES))
@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_the_project(page: str, pid: str, lang: str, store_dir: Path, sample_words: list[str]) -> None:
    at = open_page(page, pid, lang)
    text = page_text(at)
    assert_clean(at, text, pid, sample_words, f"{page} {pid} {lang}")
    names = own_indicators(store_dir, pid, lang)
    if page == "pages/indicator.py":  # one indicator: the first one, by name in the title
        assert at.title[0].value == names[0]
    elif page == "pages/budget.py":  # the project's own funding, or plainly none
        # 池州's 自评表 states its year budget 89.974 (年初 90) and spending 89.974: both kept
        assert {"cz": "89.97", "hs": "164.00", "yy": message("project_pages.funding_none", lang)}[pid] in text
    elif page == "pages/meeting.py":
        assert at.title[0].value == NAMES[pid]  # the title slide names the project
    else:
        assert any(n in text for n in names), (page, pid, lang)
    if page in ("pages/overview.py", "pages/goals.py", "pages/targets.py"):
        assert NAMES[pid] in text, (page, pid, lang)


def test_in_english_the_standard_levels_are_english(store_dir: Path) -> None:
    """一级 / 二级指标 of the templates read Outputs / Quantity in English, on every page naming them."""
    at = open_page("pages/targets.py", "hs", "en")
    table = next(d.value for d in at.main.dataframe if "Level 1" in d.value.columns)
    assert "Outputs" in set(table["Level 1"]) and "产出指标" not in set(table["Level 1"])
    assert "Quantity" in set(table["Level 2"])
    assert "Outputs · Quantity" in " ".join(c.value for c in open_page("pages/indicator.py", "hs", "en").main.caption)
    goals = open_page("pages/goals.py", "hs", "en")
    picked = goals.main.multiselect(key="f_level1")
    assert "Outputs" in picked.options  # shown in English, filtering by the level as written
    picked.set_value(["产出指标"]).run()
    shown = next(d.value for d in goals.main.dataframe)
    assert not goals.exception and len(shown) and set(shown["Level 1"]) == {"Outputs"}


# -- every published table of the corpus, every page -----------------------------------------------
CORPUS_TABLES = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".tsv", ".txt"))
YEAR_NOT_IN_TABLE = {"ningde_rencaiyizhan_2023.tsv": "2023"}  # its title and headers name no year


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("corpus_store")
    for i, table in enumerate(CORPUS_TABLES):
        year = ["--year", YEAR_NOT_IN_TABLE[table]] if table in YEAR_NOT_IN_TABLE else []
        assert main(["new-project", str(CORPUS / table), "--store", str(where), "--id", f"c{i}", *year]) == 0, table
    return where


@pytest.mark.parametrize("table", CORPUS_TABLES)
def test_every_corpus_table_runs_on_every_page(table: str, corpus_store: Path, sample_words: list[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PT_DATA_DIR", str(corpus_store))
    pid = f"c{CORPUS_TABLES.index(table)}"
    name = Store(corpus_store, create=False).with_project(pid).project().name
    for lang in ("zh", "en"):
        for page in PAGES:
            at = open_page(page, pid, lang)
            errors = [e.value for e in at.error]
            assert not any("参考编号" in e or "reference" in e.lower() for e in errors), (table, page, lang, errors)
            assert at.title and at.title[0].value.strip(), (table, page, lang)
            text = page_text(at)
            leaked = [w for w in sample_words if w in text and w not in name]
            assert not leaked, (table, page, lang, leaked)


# -- 3: progress -------------------------------------------------------------------------------
@pytest.mark.parametrize("pid", list(TABLES))
def test_goal_progress_lists_every_indicator_with_a_status(pid: str, store_dir: Path) -> None:
    at = open_page("pages/goals.py", pid)
    df = at.dataframe[0].value
    bare = lambda v: re.sub(r" (?=[-+≥≤<>]?\d)", "", str(v))  # noqa: E731 - without a space that may break a line before a number
    assert sorted(map(bare, df["三级指标"])) == sorted(map(bare, own_indicators(store_dir, pid, "zh")))
    statuses = {"已完成", "正常", "关注", "滞后", "未完成", "无数据", "无目标"}
    assert all(any(s in str(v) for s in statuses) for v in df["状态"])


def test_self_evaluation_actuals_give_statuses_on_the_overview() -> None:
    """The 自评表's actual values (December of its year) judge its quantitative indicators, and its
    results in words (达成预期指标) its qualitative ones as check-ins: every indicator 已完成, none 无数据."""
    at = open_page("pages/overview.py", "cz")
    text = page_text(at)
    assert "2022" in text and "基建工程委托业务项目数量" in text and "已完成" in text
    chips = [pl.proto.label for pl in at.main.get("page_link")]
    assert any("已完成" in c for c in chips) and not any("无数据" in c for c in chips)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_closed_year_shows_results_not_forecasts(lang: str) -> None:
    """A 自评表's year is over (its December is in): 总览 answers with what was met, 年末预测 says
    its figures are the year's actuals, and 预算情景 shows the year's execution and score with no
    levers (nothing is left for them to change)."""
    answer = message("year_answer_final", lang, year=2022, parts="@").split("@")[0]  # 2022 年已结束：
    over = open_page("pages/overview.py", "cz", lang)
    assert any(m.value.startswith("#### " + answer) for m in over.main.markdown), lang
    assert message("manager.level_met", lang) in page_text(over)
    fc = open_page("pages/forecast.py", "cz", lang)
    assert message("fc_estimate_final", lang, year=2022) in [w.value for w in fc.warning]
    levels = set(fc.main.dataframe[0].value[message("manager.col_level", lang)])
    assert levels == {message("manager.level_met", lang)}, levels  # its qualitative indicators too: a 达成 check-in is an outcome
    assert message("manager.level_none", lang) not in page_text(over)
    assert message("watch_all_met", lang) in page_text(over) and message("watch_none", lang) not in page_text(over)
    first = message("changes_first_data", lang, n=9, parts="@").split("@")[0]  # its December: one line, not nine
    changed = [m.value for m in over.main.markdown if m.value.startswith("- ") and "→" in m.value]
    assert not changed and any(m.value.replace("\\", "").startswith("- " + first) for m in over.main.markdown), lang
    bud = open_page("pages/budget.py", "cz", lang)
    labels = [m.label for m in bud.main.metric]
    assert message("bud_year_end_final", lang) in labels and message("bud_score_final", lang) in labels
    assert message("bud_year_end", lang) not in labels
    assert not bud.main.slider and message("bud_no_months_left", lang) in [c.value for c in bud.main.caption]
    met = message("manager.level_met", lang)  # an outcome is said without a chance (not 已达到目标 100%)
    goals = open_page("pages/goals.py", "cz", lang)
    cells = {str(c) for d in goals.main.dataframe for c in d.value.to_numpy().ravel()}
    assert met in cells and not any(c.startswith(met + " ") for c in cells)
    ind = open_page("pages/indicator.py", "cz", lang, indicator="t01")
    cards = {m.label: m.value for m in ind.main.metric}
    assert message("ind_outcome", lang) in cards and message("ind_interval", lang) not in cards, cards


def test_a_table_for_a_year_not_begun_is_not_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 目标表 for a coming year, saved before it starts and without data: the pages judge at
    this month (not at the coming December), so nothing is called over or met."""
    import datetime as dt

    store = tmp_path / "future_store"
    assert main(["new-project", str(CORPUS / TABLES["yy"]), "--store", str(store), "--id", "fy", "--year", "2099"]) == 0
    monkeypatch.setenv("PT_DATA_DIR", str(store))
    from pages.ui.common import invalidate_data

    invalidate_data()
    at = open_page("pages/overview.py", "fy")
    shown = page_text(at)
    today = dt.date.today()
    assert f"{today.year}年{today.month}月" in shown and "2099年12月" not in shown
    over = message("year_answer_final", "zh", year=2099, parts="@").split("@")[0]  # 2099 年已结束：
    assert over not in shown, [ln for ln in shown.splitlines() if over in ln]
    ahead = message("year_answer_ahead", "zh", year=2099, n=5)  # 2099 年尚未开始：5 项指标将在录入…
    assert "#### " + ahead in [m.value for m in at.main.markdown]
    invalidate_data()


def test_overview_without_any_actuals_does_not_promise_success() -> None:
    """A project with no actual value at all has nothing 'likely to be met'."""
    for lang in ("zh", "en"):
        shown = page_text(open_page("pages/overview.py", "hs", lang))
        assert message("watch_none", lang) not in shown, lang
        assert message("project_pages.watch_no_forecast", lang) in shown, lang


def test_overview_says_in_a_sentence_that_a_year_over_had_no_data() -> None:
    """黄石's 2022 table without any actual value, seen after its year: the answer counts the
    indicators without data in a sentence (it read 2022 is over: No forecast yet 13.)."""
    for lang, said in (("zh", "#### 2022 年已结束：13 项指标本年没有数据。"), ("en", "#### 2022 is over; 13 indicators have no data for the year.")):
        shown = [m.value for m in open_page("pages/overview.py", "hs", lang).main.markdown]
        assert said in shown, (lang, [m for m in shown if m.startswith("####")])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_targets_page_lists_targets_and_qualitative_ones(lang: str, store_dir: Path) -> None:
    at = open_page("pages/targets.py", "cz", lang)
    df = at.dataframe[0].value
    assert len(df) == len(own_indicators(store_dir, "cz", lang))
    text = df.to_string()
    assert "≥50个" in text and "≤90万元" in text  # targets as written
    assert "效果明显" in text  # the qualitative target as written, and read as such
    assert message("target_qualitative", lang) in text
    # the departments under the table's own labels, named in English on the English page
    label = "主管部门：" if lang == "zh" else "Department in charge: "
    assert any(m.value.startswith("- " + label) and "棠溪镇人民政府" in m.value for m in at.main.markdown), lang


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("pid", list(TABLES))
def test_overview_lists_every_indicator_with_its_status(pid: str, lang: str, store_dir: Path) -> None:
    """These tables have no goals of their own: the overview lists their indicators instead."""
    at = open_page("pages/overview.py", pid, lang)
    links = [pl.proto.label for pl in at.main.get("page_link")]
    assert all(n in links for n in own_indicators(store_dir, pid, lang)), links
    lines = [c.value for c in at.main.caption if c.value.startswith(("○", "✔", "●", "▲", "■", "✖", "–"))]
    assert len(lines) >= len(own_indicators(store_dir, pid, lang)), lines
    assert message("project_pages.indicators_title", lang, n=len(own_indicators(store_dir, pid, lang))) in page_text(at)


def test_forecast_table_shows_qualitative_targets_as_written() -> None:
    at = open_page("pages/forecast.py", "cz")
    df = at.dataframe[-1].value
    row = df[df.iloc[:, 0] == "对维护基建市场公平的影响程度"]
    assert len(row) == 1
    target = str(row.iloc[0, 1])
    assert "1.00" not in target and target in ("效果明显", "定性目标")


# -- 5: budget ---------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_budget_page_shows_the_funding_of_the_table(lang: str) -> None:
    text = page_text(open_page("pages/budget.py", "hs", lang))
    assert "164" in text and "132" in text  # the total and the one source written in the table
    text = page_text(open_page("pages/budget.py", "cz", lang))
    assert "90" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_budget_page_says_when_the_table_gives_no_funding(lang: str) -> None:
    at = open_page("pages/budget.py", "yy", lang)
    shown = " ".join(w.value for w in [*at.warning, *at.info])
    assert ("没有" in shown and "资金" in shown) if lang == "zh" else ("no funding" in shown.lower())
    assert "0.00" not in page_text(at)


# -- 6: meeting slides and the forms -------------------------------------------------------------
@pytest.mark.parametrize("pid", list(TABLES))
def test_every_slide_is_about_the_project(pid: str, sample_words: list[str]) -> None:
    at = open_page("pages/meeting.py", pid)
    v = at.query_params["slide"]
    assert int(v[0] if isinstance(v, list) else v) == 1
    title_slide = page_text(at)
    assert "2022–2022" not in title_slide and "tracker.sqlite" not in title_slide
    n = int(re.search(r"第 1 / (\d+) 页", title_slide).group(1))  # type: ignore[union-attr]
    for i in range(2, n + 1):
        at.button(key="slide_next").click().run()
        assert not at.exception, (pid, i, [e.value for e in at.exception])
        assert_clean(at, page_text(at), pid, sample_words, f"slide {i} of {pid}")


def _workbook_text(data: bytes) -> str:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True)
    return "\n".join(str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c is not None)


def _deck_text(data: bytes) -> str:
    from pptx import Presentation

    parts: list[str] = []
    for slide in Presentation(io.BytesIO(data)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                parts += [c.text for row in shape.table.rows for c in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("pid", list(TABLES))
def test_forms_and_deck_are_built_for_the_project(pid: str, store_dir: Path, sample_words: list[str]) -> None:
    """What the meeting page's 导出 menu builds: both forms (and each alone), and the deck."""
    ds = dataset_of(store_dir, pid)
    ctx = report.build_context(ds, ds.latest_period or (2022, 12), 2022, "zh")
    for form in (None, "monitoring", "self-eval"):
        text = _workbook_text(report.xlsx_bytes(ctx, form))
        assert NAMES[pid] in text, form
        leaked = [w for w in sample_words if w in text and w not in NAMES[pid]]
        assert not leaked, (form, leaked)
        assert any(n in text for n in own_indicators(store_dir, pid, "zh")), form
    deck = _deck_text(report.pptx_bytes(ctx))
    assert NAMES[pid] in deck
    assert not [w for w in sample_words if w in deck and w not in NAMES[pid]]
    written = _docx_text(report.docx_bytes(ctx))
    assert NAMES[pid] in written and "2022—2022" not in written and "0.00（）" not in written
    assert not [w for w in sample_words if w in written and w not in NAMES[pid]]
    if pid == "yy":  # nothing reported: no score of 0.00 “差”, and the budget part says why it is empty
        assert "2022年度绩效自评得分" not in written and "没有支出数据" in written


def _docx_text(data: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(data))
    return "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for row in t.rows for c in row.cells])


# -- 7: switching projects -----------------------------------------------------------------------
def test_sidebar_switch_changes_the_overview(sample_words: list[str]) -> None:
    at = open_page("pages/overview.py", "cz")
    assert NAMES["cz"] in page_text(at)
    at.sidebar.selectbox(key="project").set_value("yy").run()
    assert not at.exception, [e.value for e in at.exception]
    text = page_text(at)
    assert NAMES["yy"] in text and NAMES["cz"] not in text
    assert at.query_params["project"] in ("yy", ["yy"])
    at.sidebar.selectbox(key="project").set_value("dongguan").run()
    assert not at.exception and "东莞" in page_text(at)
    at.sidebar.selectbox(key="project").set_value("hs").run()
    assert not at.exception
    assert_clean(at, page_text(at), "hs", sample_words, "switched back")


@pytest.mark.parametrize("page", ["pages/indicator.py", "pages/goals.py", "pages/forecast.py", "pages/meeting.py"])
def test_stale_choices_in_the_url_do_not_break_a_page(page: str, sample_words: list[str]) -> None:
    """An indicator, goal, month, year or slide of another project in the URL falls back."""
    at = open_page(page, "yy", indicator="new_urban_jobs", goal="3", as_of="2024-08", year="2024", slide="17",
                   status="lagging")
    assert_clean(at, page_text(at), "yy", sample_words, page)


def test_stale_indicator_after_switching(store_dir: Path, sample_words: list[str]) -> None:
    at = open_page("pages/indicator.py", "cz", indicator="t05")
    assert at.title[0].value == "项目总成本"
    at.sidebar.selectbox(key="project").set_value("hs").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value in own_indicators(store_dir, "hs", "zh")
    assert_clean(at, page_text(at), "hs", sample_words, "indicator after switch")


# -- 4: a forecast once actuals exist (last: it adds data to ``hs``) ------------------------------------
ACTUALS = """indicator_id,period,value,basis
t01,2023-01,20,ytd
t01,2023-02,45,ytd
t01,2023-03,70,ytd
t01,2023-04,98,ytd
t01,2023-05,120,ytd
t01,2023-06,150,ytd
"""


def test_forecast_appears_once_actuals_are_imported(store_dir: Path) -> None:
    before = open_page("pages/forecast.py", "jy", indicator="t01")
    text = page_text(before)
    assert "不作预测" in text and "本年无数据" in text
    db = Store(store_dir, create=False).with_project("jy")
    result = db.validate_file(io.BytesIO(ACTUALS.encode()), filename="jy_actuals.csv", kind="actuals")
    assert result.ok, result.errors
    db.apply_import(result, "jy_actuals.csv", "tester")
    from pages.ui.common import invalidate_data

    invalidate_data()  # written here, not through the app: the app's data signature is kept up to a second
    for lang in ("zh", "en"):
        at = open_page("pages/forecast.py", "jy", lang, as_of="2023-06", year="2023")
        df = at.dataframe[-1].value
        row = df[df.iloc[:, 0] == "免费开放天数"].iloc[0]
        forecast = str(row.iloc[2])
        assert forecast != "—" and re.search(r"\d", forecast), (lang, row.to_dict())
        chance = str(row.iloc[3])
        assert "%" in chance, (lang, row.to_dict())
        assert_clean(at, page_text(at), "jy", [], f"forecast {lang}")
    ind = open_page("pages/indicator.py", "jy", indicator="t01", as_of="2023-06", year="2023")
    assert not ind.exception and "不作预测：本年无数据" not in page_text(ind)


# -- details found on the pages of such projects --------------------------------------------------
def test_targets_page_names_the_departments_as_the_table_does() -> None:
    text = page_text(open_page("pages/targets.py", "yx"))
    assert "主管部门：岳阳县农业农村局" in text and "实施单位：农田建设服务中心" in text


def test_slides_carry_units_and_no_invented_figures(store_dir: Path) -> None:
    """Targets written ``≥100`` with the unit in its own column keep their unit; a table without
    funding is not a budget of 0.00; nothing reported is no score (not 0 差)."""
    ds = dataset_of(store_dir, "yx")
    deck = report.slides(report.build_context(ds, (2022, 12), 2022, "zh"))
    cells = [str(c) for s in deck for row in s.table for c in row]
    assert "≥100公里" in cells and "≥95%" in cells  # as the pages write it
    assert [m.value for m in {s.key: s for s in deck}["overview"].metrics][-1] == "—"
    by_key = {s.key: s for s in report.slides(report.build_context(dataset_of(store_dir, "yy"), (2023, 12), 2023, "zh"))}
    assert "0.00" not in by_key["budget"].subtitle and "0.00" not in " ".join(by_key["title"].bullets)
    cz = report.slides(report.build_context(dataset_of(store_dir, "cz"), (2022, 12), 2022, "en"))
    assert "Budget 89.97 (10k yuan) · 2022" in cz[0].bullets
    assert any("≥100%" == str(c) for s in cz for row in s.table for c in row)


def test_data_page_names_the_batch_and_the_funding_sources() -> None:
    at = open_page("pages/data.py", "yy")
    text = page_text(at)
    assert "新建项目" in text
    spending = next(d.value for d in at.main.dataframe if any("万元" in str(c) for c in d.value.columns))
    assert not any(str(c).startswith(("central", "local", "other")) for c in spending.columns), list(spending.columns)


SPENDING = """period,source,amount
2023-01,{source},1
2023-02,{source},0.8
2023-03,{source},1.2
"""


def test_budget_page_with_spending_and_no_goals(store_dir: Path, sample_words: list[str]) -> None:
    """Once spending is in, the page projects execution; levers that act on goals are not offered
    to a project whose table has no goals, nor an empty split of the money by goal."""
    db = Store(store_dir, create=False).with_project("jy")
    result = db.validate_file(io.BytesIO(SPENDING.format(source="other").encode()), filename="jy_spending.csv", kind="budget")
    assert result.ok, result.errors
    db.apply_import(result, "jy_spending.csv", "tester")
    from pages.ui.common import invalidate_data

    invalidate_data()
    for lang in ("zh", "en"):
        at = open_page("pages/budget.py", "jy", lang)
        text = page_text(at)
        assert_clean(at, text, "jy", sample_words, f"budget with spending {lang}")
        shown = [m.value for m in at.main.markdown]
        assert f"**{message('budget.lever_pace_by_goal', lang)}**" not in shown
        assert f"**{message('budget.lever_transfers', lang)}**" not in shown
        assert f"**{message('budget.lever_one_off', lang)}**" in shown
        assert "：。" not in text and ": ." not in text
        assert at.main.metric[0].value.endswith("%"), at.main.metric[0].value  # the year-end execution


def test_budget_page_with_spending_but_no_funding_says_so(store_dir: Path) -> None:
    db = Store(store_dir, create=False).with_project("nf")
    result = db.validate_file(io.BytesIO(SPENDING.format(source="local").encode()), filename="nf_spending.csv", kind="budget")
    assert result.ok, result.errors
    db.apply_import(result, "nf_spending.csv", "tester")
    from pages.ui.common import invalidate_data

    invalidate_data()
    at = open_page("pages/budget.py", "nf")
    shown = " ".join(w.value for w in at.warning)
    assert "没有写明项目资金" in shown and "3.00万元" in shown
    assert not at.main.metric  # no execution rate, shortfall or score made up from nothing
    said = [c.value for c in open_page("pages/overview.py", "nf").main.caption]
    assert any("没有写明项目资金" in c and "3.00万元" in c for c in said), said  # 总览 said 没有支出数据 beside it
    assert message("budget_none", "zh") not in said


def test_a_milestone_due_with_no_report_is_not_called_missed() -> None:
    """湘潭's 服务周期 (a deadline) with nothing reported: no forecast, not 难以完成 0%."""
    at = open_page("pages/indicator.py", "xt", indicator="t04")
    assert at.title[0].value == "服务周期"
    values = [m.value for m in at.main.metric]
    assert "难以完成 0%" not in values and not any(v.endswith(" 0%") for v in values), values


LIST_2023 = "".join(f"{k}.{item}\n" for k, item in enumerate([
    "适龄儿童国家免疫规划疫苗接种率≥90%", "7岁以下儿童健康服务率≥90%", "孕产妇系统服务率≥90%", "3岁以下儿童系统服务率≥90%",
    "高血压患者管理人数142万人", "肺结核患者管理率≥90%", "社区在册居家严重精神障碍患者健康管理率≥95%(2022年:90%)",
    "居民规范化电子健康档案覆盖率≥62%(2022年:61%)", "居民健康素养水平不断提高", "基本公共卫生服务水平不断提高"], 1))


def test_a_list_copied_from_a_web_page_on_every_page(store_dir: Path, tmp_path: Path) -> None:
    """A numbered list without 一级指标 or money (a 转移支付 target list from a web page), named by
    its manager: 总览 counts every indicator in its answer (those without data in a clause of their own)
    and lists them as 全部指标 over three cards; 目标表 gives last year's values in one column."""
    src = tmp_path / "list.txt"
    src.write_text(LIST_2023, encoding="utf-8")
    assert main(["new-project", str(src), "--store", str(store_dir), "--id", "ls", "--year", "2023",
                 "--name", "基本公共卫生服务补助资金"]) == 0
    db = Store(store_dir, create=False).with_project("ls")
    rows = "".join(f"t0{k},2023-{m:02d},{86 + k + m / 5:.1f},level\n" for k in (1, 2, 3, 4) for m in range(1, 10))
    result = db.validate_file(io.BytesIO(("indicator_id,period,value,basis\n" + rows).encode()), filename="ls.csv", kind="actuals")
    assert result.ok, result.errors
    db.apply_import(result, "ls.csv", "tester")
    from pages.ui.common import invalidate_data

    invalidate_data()
    at = open_page("pages/overview.py", "ls")
    answer = next(m.value for m in at.main.markdown if "能否完成" in m.value)
    assert "；另有 6 项指标本年尚无数据。" in answer, answer
    assert sum(int(n) for n in re.findall(r"(\d+) 项", answer.split("：", 1)[1])) == 10
    cards = [m.value for m in at.main.markdown if m.value.startswith("**全部指标")]
    assert cards == ["**全部指标（1–4）**", "**全部指标（5–8）**", "**全部指标（9–10）**"], cards
    assert any("没有分目标和一级指标：按表中顺序" in c.value for c in at.main.caption)  # not "by level-1 group"
    at = open_page("pages/targets.py", "ls")
    table = at.dataframe[0].value
    assert list(table["2022（数据） 原文"]) == ["", "", "", "", "", "", "90%", "61%", "", ""]
