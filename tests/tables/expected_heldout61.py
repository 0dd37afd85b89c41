"""Hand-checked readings of a held-out set, tests/tables/heldout61/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: the fields asked for (教育, 卫生, 农业, 交通, 水利, 文化, 社保, 环保, 科技) in every form the store holds (项目支出绩效
目标表, 部门整体支出绩效目标申报表, 区域绩效目标表, 项目绩效自评表, 绩效目标批复表, 绩效运行监控表). What the store gave: one
table not already in tests/tables/ with its rows in the stored text, a half-year 绩效监控表 (湖北 黄石, 2019), the form a
manager fills in mid-year: the target beside its half-year execution and a judged 完成目标可能性 (确定能 / 有可能 / 不可能).
Every other page found is taken or stops before its rows: 岳阳县 高标准农田, 宝坻 粪污, 青山 教育 / 科技 / 统计, 广水 教育局
(cut in 部门职能), 中江 水标尺, 东莞 镇际联网路, 牟定 生命防护, 阳泉 四好农村路 (cut in 总体目标), 乌恰 干渠防渗, 嘉峪关
博物馆, 镇江 赛珍珠, 叶集 快乐健身, 大英 民政, 昭化 特困家庭再扶助, 临河 就业, 乐昌 / 昌吉 / 宁晋 助学金, 梁平 林业, 浮梁
林业局, 荣昌 林业, 安居 食品监管, 金安 精准康复, 省残联 区域, 黄石 共享工程, 鄂州 办公楼, 狗万 mirror of 病媒防治, 亳州 人工增雨,
池州 棠溪镇 forms, 衡山 储备粮, 祁东 / 南县 疾控, 天长 水旱灾害防御 are in the tests already; 泸县 文广旅局 部门整体 2024 (cut in
年度主要任务), 鄂州市图书馆 2020 (cut in 项目预算), 黄冈市档案馆 2020, 保山 档案局 2017 and 南昌 档案馆 2022 reports stop before
any indicator. The copy is a stored page excerpt (same conventions as ``expected_corpus.py`` and the held-out sets before: a
figure a cost may not exceed is ``<=`` and lower is better; a worded target is qualitative with no direction; a unit is kept
as written).

- 黄石市项目支出绩效监控表 (申遗经费, 2019年度; a web table with ``|`` between cells, a row a line, its empty cells moved to
  the row's end; the header ``半年度 指标执行情况`` and ``完成目标可能性(…)`` each on a line of their own): the 项目资金 rows
  (年初预算数 220, 1-6月执行数 87.57 万元) are the budget and its execution, no indicator. Columns 一级指标 (``产 出 指 标``,
  ``效 益 指 标``, spaced as printed, each on a line before its block) / 指标名称 / 指标值 / 半年度指标执行情况 / 完成目标可能性 /
  备注. ``质量`` and ``时效`` are named with no value, execution or judgement: empty lines of the form, no rows. ``成本``
  ``年度预算220万元`` is the year's budget the cost may not exceed: ``<= 220`` 万元, flow (spent through the year), lower; its
  half-year execution ``按进度执行,已使用约40%`` is a share of the budget, not an amount in 万元: no actual. ``社会效益``'s one
  text (开展…研究、学术交流、对外宣传等工作,先后举办…活动5场;成立…陈列馆,…推动申遗工作。) stands where the 指标值 stands in the
  row above (the cell after the name), a worded target with no figure of its own to hold the year to: qualitative, no
  direction. ``确定能`` is the judged likelihood, not a value. The 偏差 / 建议 rows are empty; the 注 is cut (``4.相``).
  Year from the title (2019年度), no ``year``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout61"
Y19 = "2019"


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "huangshi_shenyi_jiankong_2019.txt": {
        "kind": "项目支出绩效监控表（半年）", "year": None,
        "layout": "text-pipe (a web table, | between cells, empty cells moved to a row's end; header cells and 一级 labels "
                  "on lines of their own; 指标值 beside 半年度执行情况 and 完成目标可能性)",
        "rows": [
            ("成本", "万元", "flow", "lower", {Y19: ("<=", 220)}, None),  # 年度预算220万元
            ("社会效益", "", "qualitative", None, {Y19: Q}, None),  # worded
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
