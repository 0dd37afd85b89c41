"""Data changed behind a running app reaches every page (issue: stale screens).

The app runs in this process (AppTest, one per page: the caches are the server's, shared by all
sessions); the data are changed through the CLI in another process, as an office would do with
a scheduled import. After a rerun every page must show the new year-to-date value of one
indicator (and the new spending): 目标进展 the actual, 年末预测 the forecast, 指标详情, 总览,
预算情景 and the meeting slides.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
SAMPLE = ROOT / "data" / "projects" / "dongguan"
IND = "new_urban_jobs"  # 城镇新增就业人员规模 (万人): 8.4998 at 2024-08 in the sample; 9.5 after
NEW_YTD = "9.5"

pytestmark = pytest.mark.slow


def cli_import(store: Path, file: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "analytics", "import", str(file), "--store", str(store), "--format", "json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr + done.stdout


def page(name: str, **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    if name != "overview":
        at.switch_page(f"pages/{name}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts: list[object] = [x.value for x in (*at.title, *at.header, *at.subheader, *at.markdown, *at.caption,
                                             *at.info, *at.warning, *at.error, *at.success)]
    parts += [f"{m.label}={m.value}" for m in at.metric]
    parts += [t.value.to_string() for t in at.table]
    parts += [d.value.to_string() for d in at.dataframe]
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))  # as shown: without Markdown escapes


def row_of(at: AppTest, table: int = 0) -> str:
    """The row of the changed indicator in a page's dataframe, as text."""
    df = at.dataframe[table].value
    mine = df.astype(str).apply(lambda row: IND in row.values, axis=1)  # the id column, whatever its title
    assert mine.sum() == 1, df.head()
    return df[mine].to_string()


def slides(at: AppTest) -> list[str]:
    out = []
    n = 1
    while True:
        at.query_params["slide"] = str(n)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        out.append(texts(at))
        counter = next((found for m in at.markdown if (found := re.search(r"第 (\d+) / (\d+) 页", m.value))), None)
        total = int(counter.group(2)) if counter else n
        if n >= total:
            return out
        n += 1


def test_every_page_shows_data_changed_by_the_cli(tmp_path, monkeypatch):
    store = tmp_path / "store"
    monkeypatch.setenv("PT_DATA_DIR", str(store))
    # a store holding the sample figures as ordinary (non-sample) data
    cli_import(store, SAMPLE / "sample_actuals.csv")
    cli_import(store, SAMPLE / "sample_budget.csv")

    goals = page("goals")
    forecast = page("forecast", indicator=IND)
    indicator = page("indicator", indicator=IND)
    overview = page("overview")
    budget = page("budget")
    meeting = page("meeting")
    before = {
        "goals": row_of(goals), "forecast": row_of(forecast), "forecast_card": texts(forecast),
        "indicator": texts(indicator), "overview": texts(overview), "budget": texts(budget), "meeting": slides(meeting),
    }
    assert NEW_YTD not in before["goals"]

    actuals = tmp_path / "actuals.csv"
    actuals.write_text(f"indicator_id,period,value,basis,note,source\n{IND},2024-08,{NEW_YTD},ytd,,东莞市统计局\n", encoding="utf-8")
    spending = tmp_path / "spending.csv"
    spending.write_text("period,source,amount,basis,note\n2024-08,其他资金,1197.76,month,\n", encoding="utf-8")
    cli_import(store, actuals)
    cli_import(store, spending)
    time.sleep(1.2)  # the app looks at the store's data version at most once a second

    for at in (goals, forecast, indicator, overview, budget):
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    after_meeting = slides(meeting)

    assert NEW_YTD in row_of(goals), "目标进展 shows the old actual"
    assert row_of(forecast) != before["forecast"], "年末预测 shows the old forecast"
    assert texts(forecast) != before["forecast_card"], "年末预测 value cards show the old forecast"
    assert texts(indicator) != before["indicator"] and NEW_YTD in texts(indicator), "指标详情 shows the old value"
    assert texts(overview) != before["overview"], "总览 shows the old budget execution"
    assert texts(budget) != before["budget"], "预算情景 shows the old spending"
    changed = [i for i, (a, b) in enumerate(zip(before["meeting"], after_meeting)) if a != b]
    assert any(NEW_YTD in after_meeting[i] for i in changed), "the meeting's goal slide shows the old actual"
    assert len(changed) >= 3, f"only slides {changed} changed"  # overview, goal 2, budget at least
