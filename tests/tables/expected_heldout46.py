"""Hand-checked readings of a held-out set, tests/tables/heldout46/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: 住建 and 自然资源 (保障性安居工程, 老旧小区改造, 农村危房改造, 不动产登记, 土地整治, 地质灾害防治, 测绘). What the store
gave: a 街道's self-evaluation form of a 专项债券 gas-pipe project filed under 老旧小区改造 (|-separated), and a 镇's
农村危房改造 self-evaluation in prose (a count, then seven rates in one list with one shared result). Places: 广东 深圳
罗湖 (南湖街道), 云南 保山 昌宁 (鸡飞镇). Nothing else with 3 or more indicator rows in the stored text turned up: the page
store gives a page's first ~2,000 characters, and the 沙县区 (福建三明) 地质灾害防治专项资金绩效目标表 and the 柘荣县 基础测绘
“十四五”规划编制 目标表 both stop before their first indicator row; the 无为市 危房改造 2022 report holds one indicator
(计划补助115户 / 264户) before its cut, the 泸西县 租赁补贴 report one (计划发放300户 / 实际发放366户); the 全南县 地质灾害
群测群防 report, the 渌口区 老旧小区改造 report and the 汤阴 棚户区改造 专项债 report give project facts, not indicators; the
宣州区 危房改造 report is only on a mirror host of unknown kind; 南县住房保障服务中心, 巫溪 危房改造, 丽江 古城区 / 弥勒 / 原州区
/ 巴彦淖尔 自然资源 tables are taken. No 不动产登记, 土地整治 or 测绘 table with its rows turned up. Every copy is a stored page
excerpt; where it is cut the rows before the cut are kept and the cut row is left out (same conventions as
``expected_corpus.py`` and the held-out sets before: a bare number reads as ``>=`` for a higher-is-better indicator; a
row with a result and no target has empty targets, as held-out 31 and 42; a unit is kept as written).

- 罗湖区 南湖街道 全面实施“瓶改管”工程 (专项债券, 投向领域 老旧小区改造领域) 绩效自评表 (|-separated, runs of | for merged
  cells): the copy starts at the form's first row, with no title and no year; the year is only in the text (``2022年,我街道…``,
  目标 ``2022年12月30日前…``), so it is read as the 2022 self-evaluation and given as ``year``. The 债券资金管理指标 block
  (``总体支出进度`` with 实际支出金额 | 下达额度 | 实际完成值 = ``1,437 | 1,437 | 1,437`` then 分值 / 得分 ``10 | 10``) is the
  spending line of the bond money (its 实际完成值 repeats the amount, no ratio): no indicator row. Under 目标值 | 实际完成值:
  ``12个 | 12个`` and ``1785套 | 1806套`` are counts done in the year (flow, higher, a bare target read ``>=``); the ``10 |
  10`` / ``5 | 5`` after them are 分值 / 得分. ``实现"清瓶"城中村、住宅区数`` keeps its ASCII quotes; the 、 inside the names
  ``城中村、住宅区…`` is part of each name. ``管道天然气年度改造任务完成率`` ``100% | 100%`` is a rate, higher. The last row
  (``工程竣工验收合格率 | 1``) is cut inside its target: left out. ``1806户`` / ``11个住宅小区、1个城中村`` in 实施内容 and the
  12 in the 目标 text are no rows.
- 昌宁县 鸡飞镇 2022年农村危房改造项目自评报告 (prose; year in the title, no ``year``): ``绩效目标14户,实际完成14户`` is the
  households to rebuild, a count done in the year: flow, higher, ``(">=", 14)``, actual 14 (名称 ``农村危房改造及抗震改造项目``,
  from the sentence's subject). ``实际完成数占年度目标任务的100%`` is that same count's completion share, no new row. Then
  seven rates named in one 、-joined list that share one result, ``均达100%``: each is a rate with the actual 100 and no
  target written (empty targets; ``达到年度目标任务标准`` names no figure). The hard cut is the sixth name, which itself
  holds a 、: ``改造后房屋人畜分离、卫生厕所等基本卫生条件有基本保障的比例`` is one indicator (the standard 危房改造 indicator;
  ``改造后房屋人畜分离`` alone names no 率 / 比例), not two. The index block above the title (索引号, 发布日期 2023-03-08) and
  part 二 (how the self-evaluation was done) hold no indicators.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout46"
Y22 = "2022"


def _rate(name: str, year: str, value: float, actual: float | None = None) -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (">=", value)}, None if actual is None else {year: actual})


def _rate_done(name: str, year: str, actual: float) -> tuple[Any, ...]:
    """A rate given only as a result (no target written)."""
    return (name, "%", "rate", "higher", {}, {year: actual})


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "luohu_nanhu_pinggaiguan_laojiu_xiaoqu_ziping_2022.txt": {
        "kind": "专项债券项目绩效自评表（老旧小区改造领域，瓶改管）", "year": Y22,
        "layout": "text-pipe (a row a line, runs of | for merged cells; no title, no year in the form; a 债券资金管理指标 "
                  "spending row first, then 目标值 | 实际完成值 | 分值 | 得分; cut in the 工程竣工验收合格率 row's target)",
        "rows": [
            ("城中村、住宅区任务完成量", "个", "flow", "higher", {Y22: (">=", 12)}, {Y22: 12}),
            ("城中村、住宅区任务完成套数", "套", "flow", "higher", {Y22: (">=", 1785)}, {Y22: 1806}),
            ('实现"清瓶"城中村、住宅区数', "个", "flow", "higher", {Y22: (">=", 12)}, {Y22: 12}),
            _rate("管道天然气年度改造任务完成率", Y22, 100, 100),
        ],
        "unread": [],
    },
    "changning_jifei_zhen_nongcun_weifang_gaizao_ziping_2022.txt": {
        "kind": "项目自评报告（乡镇，农村危房改造，文字）", "year": None,
        "layout": "text-prose (an index block, then paragraphs; one count as 绩效目标N户,实际完成N户; seven rates in one "
                  "、-joined list, one name holding a 、, sharing one result 均达100%, no targets)",
        "rows": [
            ("农村危房改造及抗震改造项目", "户", "flow", "higher", {Y22: (">=", 14)}, {Y22: 14}),  # 绩效目标14户,实际完成14户
            _rate_done("当年开工率", Y22, 100),
            _rate_done("完成率", Y22, 100),
            _rate_done("改造验收合格率", Y22, 100),
            _rate_done("改造后房屋满足基本居住功能需要比例", Y22, 100),
            _rate_done("改造后房屋在相当于本地区抗震设防烈度地震中无严重毁损的比例", Y22, 100),
            _rate_done("改造后房屋人畜分离、卫生厕所等基本卫生条件有基本保障的比例", Y22, 100),  # one name, its 、 inside
            _rate_done("改造后入住率", Y22, 100),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
