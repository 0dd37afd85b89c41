"""What a 自评表 says was spent (analytics/ingest/tables/spent.py): its budget block read above the
indicator rows, only where the block's own figures bear the reading out."""

from __future__ import annotations

import pytest

from analytics.ingest.tables import parse_table
from analytics.ingest.tables.facts import label_kind
from analytics.ingest.tables.lexicon import load_lexicon
from analytics.ingest.tables.spent import read_spent

LEX = load_lexicon()

INDICATORS = ("一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
              "产出指标\t数量指标\t培训人数\t≥500人\t520人\t20\t20\n"
              "满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\t95%\t10\t10\n")


def _spent(*lines: str) -> dict | None:
    return read_spent([line.split("|") for line in lines], LEX, label_kind)


def _reading(head: str) -> dict:
    text = "项目支出绩效自评表（2024年度）\n项目名称\t职业技能培训补贴\n" + head + INDICATORS
    return parse_table(text.encode("utf-8"), filename="ziping.txt").to_json()  # type: ignore[union-attr]


def test_a_block_of_six_columns_gives_the_year_budget_and_its_spending_by_source():
    reading = _reading("项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
                       "年度资金总额\t300\t329.77\t338.31\t10\t102.59%\t10\n"
                       "其中：中央补助\t100\t100\t120\t—\t120%\t—\n"
                       "地方资金\t200\t229.77\t218.31\t—\t95.01%\t—\n")
    funding = reading["project"]["funding"]
    assert funding["total"] == pytest.approx(329.77)  # 全年预算数: what the 执行率 is against, not 年初预算数
    assert [(s["key"], s["amount"]) for s in funding["sources"]] == [("central", 100.0), ("local", 229.77)]
    assert funding["spent"] == {"amount": 338.31, "label": "年度资金总额", "rate": 102.59, "month": None,
                                "sources": [{"key": "central", "name": "中央补助", "amount": 120.0},
                                            {"key": "local", "name": "地方资金", "amount": 218.31}]}


def test_a_monitoring_form_states_its_spending_to_the_month_of_its_column():
    """监控表: 1-7月执行数 is the spending to July; the 年末预计执行率 beside it is no rate of it."""
    reading = _reading("项目资金（万元）\t全年预算数\t1-7月执行数\t执行率\t年末预计执行率\n年度资金总额\t500\t210\t42%\t95%\n")
    spent = reading["project"]["funding"]["spent"]
    assert (spent["amount"], spent["rate"], spent["month"]) == (210.0, 42.0, 7)
    assert _spent("项目资金 | 全年预算数 | 年末预计执行数 | 执行率", "年度资金总额 | 500 | 480 | 96%") is None


def test_a_target_table_states_no_spending():
    reading = _reading("项目资金（万元）\t年度资金总额\t500\n")
    assert reading["project"]["funding"] == {"total": 500.0, "unit": "万元", "sources": []}


@pytest.mark.parametrize("lines, amount, budget", [
    # 预算数 | 执行数 | 执行率 | 得分 (a 自评表 scored out of 20)
    (["预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率)",
      "年度财政资金总额 | 278.4449 | 30.00 | 10.77% | 2.16"], 30.0, 278.4449),
    # the rate without its % sign (10 of 50 spent: 20), or as a fraction (60 of 80: 0.75)
    (["预算执行情况(万元) | (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 | (20分*执行率)",
      "年度财政资金总额 | 50 | 10 | 20 | 4"], 10.0, 50.0),
    (["项目资金 | 全年预算数 | 全年执行数 | 执行率", "年度资金总额 | 80 | 60 | 0.75"], 60.0, 80.0),
    # a copy that lost one cell: read by the rate, which bears out 31.69 of 32.4
    (["| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |", "年度资金总额 |", "| 32.4 | 31.69 | 10 | 97.80% | 9 |"],
     31.69, 32.4),
    # amounts with 万, the rate rounded
    (["资金情况(万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A)", "年度资金总额: | 127 | 27.9996 | 22%"], 27.9996, 127.0),
    # labels before their figures, on one row, each before its own or several before as many
    (["预算执行情况(万元) | 预算数: | 312 | 执行数: | 312 |"], 312.0, 312.0),
    (["预算数 | 6.84 | 到位数 | 6.84 | 执行数 | 6.84 | 100.00"], 6.84, 6.84),
    (["项目资金 | 全年预算数(A) | 全年执行数(B) | 7165.32 | 6992.95"], 6992.95, 7165.32),
    # a copy that lost its 执行率 (天长: five numbers under six headers): read because the 得分 is the 分值 times the
    # rate the amounts give (10 × 880 ÷ 880 = 10), which no other place for the missing cell bears out
    (["年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分".replace(" ", "|"), "年度资金总额:|880|880|880|10|10"], 880.0, 880.0),
    (["年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分".replace(" ", "|"), "年度资金总额:|100|100|80|10|8"], 80.0, 100.0),
])
def test_spending_read_where_the_block_bears_it_out(lines, amount, budget):
    spent = _spent(*lines)
    assert spent is not None and spent["amount"] == pytest.approx(amount) and spent["budget"] == pytest.approx(budget)
    if spent["rate"] is not None:  # the rate said in percent, however the form wrote it
        assert spent["rate"] == pytest.approx(amount / budget * 100, abs=1.5)


@pytest.mark.parametrize("lines", [
    # a share where the spending should be: the cells slid under the wrong headers
    ["预算执行情况(万元) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分", "部门整体支出总额 | 864.2 | 100% | 20"],
    # the rate does not bear the figure out (88 of 100 is not 95%)
    ["项目资金 | 全年预算数 | 全年执行数 | 执行率", "年度资金总额 | 100 | 88 | 95%"],
    # blanks lost in a copy, the 得分 not 分值 × 执行率 of what the amounts say (10 of 880 spent, scored 10 of 10)
    ["年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分".replace(" ", "|"), "年度资金总额:|880|880|10|10|10"],
    # a label run into the text before it: which figure is whose cannot be told
    ["中央主管部门 | 人社部地方财政部门临河全年预算数(A) | 全年执行数(B) | 7165.32 | 6992.95"],
    # a bare number under 执行率 that the figures do not bear out (60 of 80 is not 70)
    ["项目资金 | 全年预算数 | 全年执行数 | 执行率", "年度资金总额 | 80 | 60 | 70"],
    # a forecast is not spending
    ["项目资金 | 全年预算数 | 预计执行数 | 执行率", "年度资金总额 | 100 | 88 | 88%"],
])
def test_a_block_that_does_not_bear_its_reading_out_is_left_unread(lines):
    assert _spent(*lines) is None


def test_a_total_row_left_at_0_is_the_sum_of_its_sources():
    spent = _spent("项目资金 (万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分",
                   "年度资金总额: | 0 | 0 | 0 | 10 | 0 | 0", "其中:本年财政拨款 | 202.64 | 132.912 | 132.912",
                   "上年结转资金 |  |", "其他资金 |  |")
    assert spent is not None and (spent["amount"], spent["budget"]) == (132.912, 132.912)
    assert _spent("项目资金 | 全年预算数 | 全年执行数 | 执行率", "年度资金总额: | 0 | 0 | 0%") is None


def test_two_rows_run_together_are_not_read():
    """年度资金总额 and 其中：本年财政拨款 joined into one row (20 and 20 read as 2020) say nothing."""
    assert _spent("资金情况 | 全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分",
                  "年度资金总额:其中:本年财政拨款 | 2020 | 2020 | 10 | 100.00% | 10") is None


def test_the_same_source_on_one_row_is_one_source():
    """预算数 | 到位数 | 执行数 side by side repeat 其中：财政资金 three times: one source, its budget."""
    reading = _reading("预算数\t6.84\t到位数\t6.84\t执行数\t6.84\t100.00\n"
                       "其中：财政资金\t6.84\t其中：财政资金\t6.84\t其中：财政资金\t6.84\n")
    funding = reading["project"]["funding"]
    assert funding["total"] == pytest.approx(6.84) and len(funding["sources"]) == 1
    assert funding["spent"]["amount"] == pytest.approx(6.84)


def test_a_monitoring_form_with_its_funds_below_the_indicators():
    """A 监控表 that puts its funds last: the block ends the indicators (none of its rows is one), and
    its spending is read past a column of no role (项目总预算) and a second rate (累计执行率)."""
    text = ("项目支出绩效运行监控表（2024年度）\n项目名称\t职业技能培训补贴\n" + INDICATORS
            + "\n项目资金执行情况（万元）\n"
              "资金来源\t全年预算数\t1-8月执行数\t执行率\t项目总预算\t累计执行数\t累计执行率\n"
              "年度资金总额\t500\t210\t42%\t900\t610\t67.78%\n"
              "其中：中央补助\t200\t100\t50%\t300\t200\t66.67%\n")
    reading = parse_table(text.encode("utf-8"), filename="jiankong.txt").to_json()  # type: ignore[union-attr]
    assert [i["name"] for i in reading["indicators"]] == ["培训人数", "学员满意度"]
    funding = reading["project"]["funding"]
    assert (funding["total"], funding["spent"]["amount"], funding["spent"]["rate"], funding["spent"]["month"]) \
        == (500.0, 210.0, 42.0, 8)
    assert funding["spent"]["sources"] == [{"key": "central", "name": "中央补助", "amount": 100.0}]
