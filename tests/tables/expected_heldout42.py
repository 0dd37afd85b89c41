"""Hand-checked readings of a held-out set, tests/tables/heldout42/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: 司法, 应急, 公安, 市场监管 (法律援助, 人民调解, 社区矫正, 安全生产, 森林防火, 消防救援, 食品安全抽检, 特种设备). What the
store gave: a 县司法局's self-evaluation of the 中央政法转移支付 (法律援助 / 人民调解 / 普法 counts), a 市林草局's
森林防火 self-evaluation in prose, and a 市能源局's 能源安全检查 (safety inspection) self-evaluation form. Places: 四川 广元
青川 (县), 云南 保山 (市, two units: 林业和草原局, 能源局; different layouts). Nothing new turned up for 社区矫正, 消防救援,
特种设备 or 食品安全抽检 with its rows in the stored text: the 食品 / 药品 抽检 tables found (安居, 遂宁经开区, 甘孜, 六安
农产品) are already in tests/tables/; the 上饶市司法局 司法业务经费自评表, 金寨县司法局 法治宣传经费, 东莞 企石 执法监察标准化,
岳阳县 森林防火专项, 红河州司法局 法律援助, 昌宁县司法局 整体支出 and 云南省应急管理厅 2021 / 2024 copies all stop before their
indicator rows (the excerpt is a page's first ~1,500 characters); 奉节 12350, 宣城 禁毒, 蔡甸 森林防火, 云南 航空消防 2022,
大英 交警, 黄山 公安 are taken; a 湖南 应急 report and a 云南 应急 2023 report were only on mirror hosts of a betting / unknown
kind and were not used. Every copy is a stored page excerpt; where it is cut the rows before the cut are kept and the cut
row is left out (same conventions as ``expected_corpus.py`` and the held-out sets before: a bare number reads as ``>=`` for
a higher-is-better indicator and as ``<=`` for a cost or a cap; a row with a result and no target has empty targets, as
held-out 31's ``慰问对象满意度``; a bound in the results text is no measured value, ``None``; a unit is kept as written).

- 保山市林业和草原局 2021年度 市级森林防火“三三制”补助经费 项目绩效自评报告 (prose; year in the title, no ``year``): the
  targets are not written, only each result and its gap to the 控制指标: ``低于控制指标N`` / ``高于控制指标N`` is "lower /
  higher than the control figure BY N", not "than a control figure of N" — the 受害率 sentence proves it: ``0.0738‰,
  低于控制指标0.8262个千分点`` gives 0.0738 + 0.8262 = 0.9‰, the standard 森林火灾受害率 cap. So each target is the result
  plus or minus its gap: ``发生森林火灾3起, 低于…控制指标82起`` is a cap of 85 起 (flow, lower, ``("<=", 85)``, actual 3);
  ``物资储备112万元, 高于控制指标32万元`` is a floor of 80 万元 (materials held in store: stock, higher, ``(">=", 80)``,
  actual 112); ``森林受害面积93.24公顷, 低于控制指标1169.76公顷`` a cap of 1263 公顷 (flow, lower); ``森林受害率0.0738‰``
  a cap of 0.9 ‰ (rate, lower, as held-out 12's ``小于0.9‰``). ``火案查处率100%`` gives a result only (empty targets, actual
  100). ``未发生重特大森林火灾,未发生人员伤亡事故`` states no figure and names no target: no rows. The 资金 lines (75.96万元,
  执行率100%), the 林地 / 森林面积 / 覆盖率 facts and the two ``该项指标完成100%`` (block scores) are no indicators.
- 青川县司法局 2021年度 政法纪检监察转移支付资金 绩效自评报告 (prose; year in the title, no ``year``): the 数量指标 line gives
  four results and no targets: ``办理法律援助案件94件`` / ``调解各类纠纷数量1087件`` / ``开展普法宣传活动场次86场`` /
  ``参与信访接待和处理案件数量6件`` are counts of work done over the year (flow, higher, empty targets, the actual as
  written). ``采购装备出现不合格装备的比例≦0%`` (the full-width ``≦``) is a bound, read as the target ``("<=", 0)``, a rate
  where lower is better, and no measured actual (``None``). The 总体绩效目标完成情况 list (uses of the money, ``21个司法所基本
  完成信息化建设``) and the budget (150万元) are no rows; the 时效指标 sentence is cut (``转移支``): left out.
- 保山市能源局 能源安全检查及新能源项目推进经费 项目支出绩效自评表 (|-separated, a copy on another host; 年度指标值 split into
  指标性质 | 指标值 | 度量单位, then 实际完成值 | 分值 | 得分): the form's title has no year; its 实际完成情况 opens ``2023年``
  and the page is of 2024-04-19, so read as the 2023 self-evaluation and given as ``year``. The 指标性质 cell is a code and
  a sign, ``004 >=`` / ``005 <=``: the sign is the comparator, the code is no value. ``经费支出`` ``005 <= | 33 | 万元`` is a
  cost cap (flow, lower), actual 32.9999 (the budget lines above are in 元: 330,000.00). ``形成新能源投资增加数`` ``1亿 | 元``
  / ``24亿``: the ``亿`` in the value cell and the ``元`` unit cell make 亿元, read as unit ``亿元``, target 1, actual 24 (as
  held-out 8's and 26's ``亿元`` units; the 实际完成情况 text says ``24亿元``). ``90.00 | 90.00`` is the indicators' total
  分值 / 得分, no row; ``22.50`` / ``9.00`` are scores. The copy ends after the third row (its 分值 add to 54 of 90: more
  rows followed that the store does not hold).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout42"
Y21, Y23 = "2021", "2023"


def _done(name: str, unit: str, year: str, actual: float) -> tuple[Any, ...]:
    """A count of work done, given only as a result (no target written)."""
    return (name, unit, "flow", "higher", {}, {year: actual})


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "baoshan_linye_senlin_fanghuo_sansanzhi_ziping_2021.txt": {
        "kind": "项目绩效自评报告（森林防火，文字）", "year": None,
        "layout": "text-prose (a report; indicator results as sentences, each with its gap to the 控制指标 (低于 / 高于控制指标N), "
                  "the target not written; one result with no gap; cut after the last indicator sentence)",
        "rows": [
            ("发生森林火灾", "起", "flow", "lower", {Y21: ("<=", 85)}, {Y21: 3}),  # 3起, 低于控制指标82起
            ("火案查处率", "%", "rate", "higher", {}, {Y21: 100}),  # result only
            ("市级森林防火物资储备", "万元", "stock", "higher", {Y21: (">=", 80)}, {Y21: 112}),  # 高于控制指标32万元
            ("森林受害面积", "公顷", "flow", "lower", {Y21: ("<=", 1263)}, {Y21: 93.24}),  # 低于控制指标1169.76公顷
            ("森林受害率", "‰", "rate", "lower", {Y21: ("<=", 0.9)}, {Y21: 0.0738}),  # 低于控制指标0.8262个千分点
        ],
        "unread": [],
    },
    "qingchuan_sifa_zhengfa_zhuanyi_zhifu_ziping_2021.txt": {
        "kind": "转移支付绩效自评报告（司法局，政法转移支付，文字）", "year": None,
        "layout": "text-prose (a report; the 数量指标 results in one sentence, 名称N件; 名称N件 …, no targets; the 质量指标 as one "
                  "bound with the full-width ≦; cut in the 时效指标 sentence)",
        "rows": [
            _done("办理法律援助案件", "件", Y21, 94),
            _done("调解各类纠纷数量", "件", Y21, 1087),
            _done("开展普法宣传活动场次", "场", Y21, 86),
            _done("参与信访接待和处理案件数量", "件", Y21, 6),
            ("采购装备出现不合格装备的比例", "%", "rate", "lower", {Y21: ("<=", 0)}, {Y21: None}),  # ≦0%
        ],
        "unread": [],
    },
    "baoshan_nengyuan_anquan_jiancha_ziping_2023.txt": {
        "kind": "项目支出绩效自评表（安全检查经费）", "year": Y23,
        "layout": "text-pipe (a row a line, runs of | for merged cells; 指标性质 (code and sign, 004 >= / 005 <=) | 指标值 | "
                  "度量单位 | 实际完成值 | 分值 | 得分; no year in the title; ends after the third indicator row)",
        "rows": [
            ("开展项目现场踏勘、检查、督导,赴省能源局等汇报工作次数", "次", "flow", "higher", {Y23: (">=", 20)}, {Y23: 113}),
            ("经费支出", "万元", "flow", "lower", {Y23: ("<=", 33)}, {Y23: 32.9999}),
            ("形成新能源投资增加数", "亿元", "flow", "higher", {Y23: (">=", 1)}, {Y23: 24}),  # 1亿 | 元 / 24亿
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
