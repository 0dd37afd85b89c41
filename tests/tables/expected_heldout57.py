"""Hand-checked readings of a held-out set, tests/tables/heldout57/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: tables kept by software (CSV, SQL seed / INSERT scripts, YAML, mock JSON and test fixtures of 预算绩效管理
systems). Of these only one new table with its targets written in turned up: a further JSP page template of the
出入境检验检疫 office's 绩效考核 system whose four other pages are held-out 54's (hktianyi/Meeting, 疫情疫病 项目). The budget
checker's JSON fixtures (zxj6827111-blip/GovBudgetChecker) hold one more 绩效目标申报表, 普陀区城管执法局's 拆违经费
(chengguan_budget_page_data.json), but that project is held-out 55's (from another fixture of the same repository), and
the repository's other fixtures (文旅局 / 石泉路街道 / 宜川路街道 / 生态环境局 budgets and 决算) stop at ``详见单位的项目绩效目标表``
or hold no indicator table. No SQL INSERT / seed, CSV, YAML or front-end mock with real 三级指标 and their 指标值 was found
(the hits were menu seeds of a 预算一体化 system, an ``亩产值 》 元`` placeholder test, and KPI mocks of companies).

The page is read as held-out 54 read its four (same conventions as ``expected_corpus.py`` and the held-out sets before: a
bare number reads as ``>=`` for a higher-is-better indicator and as ``<=`` where lower is better; a 是/否 target is
``("=", 1)`` / ``("=", 0)``, kind milestone, no direction; a row with a name and no value has empty targets; a unit is
kept as written):

- 疫情疫病项目支出绩效评价表 (yqyb.jsp, the page whole as stored at the repository's first commit, 2016-08-02; tab-indented;
  the header band 一级指标 … 目标值(标准) | 分值 | 采集数据项 (数据项1 / 数据项2, then 数据项1 / 理由) | 指标值 repeated
  before each 一级 block). No year anywhere: read with the year it was committed, ``year`` 2016, as held-out 54.
  ``(7月)`` / ``（11月）`` in the 预算执行进度 names are the months checked, no year.
- The 预算绩效 block is the system's 9 shared rows, read as held-out 54 (``-0%`` marks an indicator where lower is better:
  rate, lower, ``<= 0``; ``否`` is ``("=", 0)``, ``是`` ``("=", 1)``; ``是/否`` in 计量单位 is no unit).
- 产出数量: ``食品化妆品检验检疫批次增长率`` ``%`` ``-0%``: the same minus as the budget block's (no growth of batches
  wanted): rate, lower, ``<= 0``.
- 产出质量: three rows have a name and ``%`` but a blank target cell (``<td> </td>``): ``进境植物疫情检出率``,
  ``进口食品化妆品不合格检出率``, ``出口食品化妆品实际通报率``: empty targets, unit ``%``, kind rate, no direction (a
  detection / notification rate is neither better high nor low). ``出入境人员检疫查验发现传染病有症状者检疫筛查率`` has
  ``%`` in 计量单位 but the target ``5人/10万人``: the value carries its own unit, kept as written (``人/10万人``); a
  rate per head of a population, kind level, higher (a screening rate), ``>= 5``. The two 截获增长率 rows ``5%`` are rates,
  higher. The four 是/否 rows (``是``) are ``("=", 1)``.
- 产出时效: five completion rates ``100%``. 产出成本 and 服务对象满意度 are 二级 labels over empty rows: no indicators.
- 项目效果: five 是/否 questions (``是``), each spanning 4 table rows (分值 5 and a numbered 理由 input each); the 社会效益
  name is two questions joined by ``、`` and is one indicator as written.
- The 分值 columns and the 权重 (50 / 25 / 25) are scores; ``/`` in a 数据项2 cell marks an item not collected; ``总分 100 |
  得分`` and the 填报单位 / 填表说明 lines are no indicators; the inputs hold no actuals (``None``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_heldout54 import _budget, _rate, _yes  # noqa: E402  (the same system's rows, read as held-out 54 read them)

HERE = Path(__file__).resolve().parent / "heldout57"
Y16 = "2016"


def _blank(name: str) -> tuple[Any, ...]:
    """A row with its name and ``%`` but a blank target cell: no target."""
    return (name, "%", "rate", None, {}, None)


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "jianyi_yiqing_yibing_pingjia_2016.txt": {
        "kind": "项目支出绩效评价表（网页模板）", "year": Y16,
        "layout": "html (a JSP page whole: breadcrumb, a tablename div, one <table> with rowspans; the header band 一级指标 "
                  "… 计量单位 | 目标值(标准) | 分值 | 采集数据项 | 指标值 repeated before each 一级 block; 采集数据项 / 指标值 / "
                  "理由 cells are empty <input> fields; 是/否 in 计量单位; three rows with a blank target cell; a value "
                  "with its own unit against % in 计量单位; 项目效果 rows spanning 4 table rows; empty 产出成本 / "
                  "服务对象满意度 rows; no year)",
        "rows": _budget(Y16) + [
            # 项目产出 / 产出数量
            _rate("进出境动植物检疫完成率", Y16, 100),
            _rate("出入境人员/行李/货物/集装箱/交通工具/特殊物品/尸体骸骨/邮包卫生检疫完成率", Y16, 100),
            ("食品化妆品检验检疫批次增长率", "%", "rate", "lower", {Y16: ("<=", 0)}, None),  # -0%
            # 产出质量
            _rate("输入性医学媒介生物截获率", Y16, 100),
            _blank("进境植物疫情检出率"),
            _yes("建立并及时完善进出境重大动物疫情应急管理体系", Y16),
            _yes("检疫、口岸防疫和检疫处理的仪器设备和设施适应本地区工作需要", Y16),
            _yes("储备必要的进出境重大动物疫病诊断试剂、防护用品及防疫消毒药品", Y16),
            _yes("组织口岸重大动物疫情应急处置演练或培训", Y16),
            _blank("进口食品化妆品不合格检出率"),
            _blank("出口食品化妆品实际通报率"),
            ("出入境人员检疫查验发现传染病有症状者检疫筛查率", "人/10万人", "level", "higher",
             {Y16: (">=", 5)}, None),  # 计量单位 % | 5人/10万人
            _rate("出入境人员发现有症状者排查率", Y16, 100),
            _rate("旅客携带、邮寄禁止进境物截获增长率", Y16, 5),
            _rate("旅客携带、邮寄有害生物截获增长率", Y16, 5),
            # 产出时效
            _rate("安全风险监控计划完成率", Y16, 100),
            _rate("疫情疫病监测计划完成率", Y16, 100),
            _rate("口岸卫生监督频次完成率", Y16, 100),
            _rate("口岸医学媒介生物监测工作完成率", Y16, 100),
            _rate("卫生检疫技术支撑项目完成率", Y16, 100),
            # 项目效果
            _yes("检验检疫是否对地方外经作出贡献", Y16),
            _yes("是否有效防止疫情疫病跨境传播、是否有效防止有毒有害物质随货物传入传出", Y16),
            _yes("是否有利于保护生态环境", Y16),
            _yes("是否有利于保护农林生产安全", Y16),
            _yes("是否有利于促进人民身体健康水平提高", Y16),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
