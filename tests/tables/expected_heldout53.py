"""Hand-checked readings of a held-out set, tests/tables/heldout53/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: 宣传 / 广播电视 / 新闻出版 / 文联 / 妇联 / 工会 tables (应急广播, 农村电影放映, 广播电视户户通, 农家书屋, 妇女儿童维权,
困难职工帮扶, 职工疗休养): a 广电局's 村村通 / 户户通 maintenance self-evaluation in prose. Place: 西藏 林芝 (市). No other
table of the angle with its rows in the stored text turned up that was not already in tests/tables/: 徽州区's 电影专项
自评表, 新洲区楚剧团's 自评表, 淮北's 送戏进万村 目标表, 湖北省残联's 宣传文化 自评表 and 武夷山 宣传部's 宣传文化专项
目标表 are taken; 寿县融媒体中心's 应急广播 / 无线覆盖 自评报告, 芜湖 / 保山 / 平凉 / 六安 公共文化服务体系 自评报告,
泸西县妇联's and 南县妇联's 项目支出 reports, 益阳市总工会's 部门整体支出自评表, 盘龙区总工会's 送温暖 project notice and
叶集区's 文旅体 目标表 all stop before their rows; 广水市总工会's 申报表 and 岳阳县总工会's 自评报告 are stored with no address;
岳阳县委宣传部's 自评报告 is only on spam mirror domains (left alone). No 农家书屋 / 应急广播 / 职工疗休养 / 妇女维权 form
was found at all. The copy is a stored page excerpt; where it is cut the rows before the cut are kept and the cut row is
left out (same conventions as ``expected_corpus.py`` and the held-out sets before: ``不低于`` / ``至少达到`` are ``>=``;
``低于5%`` is a strict cap ``("<", 5)`` (as held-out 12's ``小于0.9‰`` and 26's ``小于5次``); a worded target is
qualitative; a unit is kept as written).

- 林芝市广电局 村村通维护经费 项目支出绩效自评报告 (prose; a cover block a line, then numbered paragraphs): the form has no
  year in its title, only ``填报日期:2025年4月28日`` and ``2025年`` on the cover; the work is 2024's (``2024年3月,签订《2024年度
  广播电视接收设备维修维护服务》合同``, and the page sits in the site's 2024 绩效报告 column), so ``year`` is given as 2024.
  The targets are one sentence under ``2. 产出``: ``具体目标主要为购买设备使用年限不低于5年,设备故障率低于5%,采购设备及
  设备安装验收合格率至少达到98%,资金在两年内完成支付且不超预算金额``, split at the commas. ``购买设备使用年限不低于5年`` is
  a service life the equipment bought must reach: a property held, kind level, ``>= 5`` 年, higher. ``设备故障率低于5%`` is
  a rate where lower is better, a strict cap ``("<", 5)``. ``采购设备及设备安装验收合格率至少达到98%`` is ``>= 98``, a rate.
  ``资金在两年内完成支付且不超预算金额`` joins a time limit (two years) and a cap with no amount (``不超预算金额``): a worded
  target, qualitative, named by the whole clause. The results sentence after it (``以上目标根据各县(区、市)宣传部验收情况,
  除…无``) is cut before any result is written: no actuals (``None``). ``1. 过程`` (预算 / 到位 / 实际支出 140.11万元,
  ``执行率100%``) is the budget, and ``自评分数100`` the score: no indicators.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout53"
Y24 = "2024"


def _rate(name: str, year: str, value: float, actual: float | None = None) -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (">=", value)}, None if actual is None else {year: actual})


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "linzhi_cuncuntong_weihu_ziping_2024.txt": {
        "kind": "项目支出绩效自评报告（文字，广播电视村村通 / 户户通维护）", "year": Y24,
        "layout": "text-prose (a cover block a line, then numbered paragraphs; the targets in one sentence under 2. 产出, "
                  "split at commas: 名称不低于N年 / 低于N% / 至少达到N%; no year in the title; cut in the results sentence)",
        "rows": [
            ("购买设备使用年限", "年", "level", "higher", {Y24: (">=", 5)}, None),  # 不低于5年
            ("设备故障率", "%", "rate", "lower", {Y24: ("<", 5)}, None),  # 低于5%
            _rate("采购设备及设备安装验收合格率", Y24, 98),  # 至少达到98%
            ("资金在两年内完成支付且不超预算金额", "", "qualitative", None, {Y24: Q}, None),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
