"""Hand-checked readings of a held-out set, tests/tables/heldout47/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: 人力资源和社会保障 (就业补助资金, 职业技能提升培训, 创业担保贷款贴息, 公益性岗位, 人才引进经费, 劳动保障监察, 公共
就业服务) — tables of 人社局 / 就业服务中心 of cities and counties. What the store gave: no HR target form or self-evaluation
table with its rows in the stored text turned up that is not already in tests/tables/, so the set is two prose
self-evaluations from two provinces: a county 就业服务中心's report on its four projects (湖南 益阳 南县) and a county bureau's
report on the 创业担保贷款奖励补助 money it handles (云南 保山 昌宁县). Pages found that stop before their rows or are taken:
田家庵 就业补助资金自评表 2024 (cut at its indicator header), 滁州 人社局 2022 自评表 (cut in the first form's 总体目标), 宁国
人社局 2022 项目 notice (cut in the 立项依据), 临河 就业补助资金, 汉阴 / 四川 普惠金融, 吕梁 护工培训, 桃源 再就业援助, 湘潭
工伤保险 (both its plain and its |-separated copy), 宁德 人才驿站 and 锡林郭勒 城乡居民养老 are in the tests already; 广水市劳动
保险事业管理局 2020 整体支出绩效目标 (a .pdf copy cut in 年度工作任务), 益阳 2021 市级就业资金配套 自评报告 (cut in 综合评价
结论), 南县就业服务中心 2024 (no indicator value: one sentence ``任务已圆满完成``), a **市 公共就业服务能力提升示范项目 自评
报告 2024 on a tender site (masked, cut in 资金管理), 海南 2025 就业补助资金 notice (cut in the 分配表, before 附件2), 梁平区
就业和人才中心 2025 部门预算 (a traditional-character mirror, cut in 收入预算), 广东 促进再就业专项资金 2005 (cut in 项目概况),
宜阳 脱贫劳动力交通补贴 2021 (a project notice, no indicators), many 部门决算 pages (麻阳, 双江, 朝阳, 山丹, 衢州, 江津, 彭山,
随州 劳动人事争议仲裁院; all cut in their 目录 or 职责). Nothing turned up for 公益性岗位, 人才引进, 劳动保障监察 / 根治欠薪,
人事考试, 三支一扶, 就业见习, 技能竞赛 or 职业技能鉴定 target forms (only policy texts and news). Every copy is a stored
page excerpt; where it is cut the rows before the cut are kept and the cut row is left out (same conventions as
``expected_corpus.py`` and the held-out sets before: a bare number reads as ``>=`` for a higher-is-better indicator and as
``<=`` for a cost; ``控制在X%以内`` is ``<=``; a result with no target has empty targets (as held-out 31 / 39 / 41); a
narrative of what was done with no indicator name is no row; the budget and 执行率 lines are no rows; a unit is kept as
written).

- 南县就业服务中心2023年项目支出绩效自评报告 (prose; year from the title, no ``year``): section (一)'s four projects and
  their 万元 are the budget, no rows. Under ``1、数量指标``: ``失业保险参保总人数为21347人,完成市目标任务21347人的100%``
  — the 市目标任务 is the target (``>= 21347``), the count the actual; people insured, standing at the year's end: stock,
  higher. ``城镇登记月平均失业率为2.42%,控制在4.5%以内``: a rate of a population at a time (kind level), lower,
  ``("<=", 4.5)``, actual 2.42. ``就业失业网上登记申报1398条,完成率100%``: a result with no target (flow, 条, 1398); the
  ``完成率100%`` is its own completion, not a further row. ``城镇“311”公共就业服务覆盖人数为4691人`` (curly quotes kept in the
  name): a result, people served over the year (flow). ``为…44名高校毕业生及青年发放就业见习补贴`` narrates who was paid,
  no indicator name: no row. ``已开展职业技能培训49期,培训2399人,完成市目标任务数2000人的120%``: two rows — ``开展职业技能
  培训`` 49 期 (result only) and ``培训`` 2399 人 against the 市目标任务 2000 (``>= 2000``; the 120% is their ratio, not a row).
  ``已获得创业培训合格证书学员有774人(共24期),完成市级下达任务人数645人的120%``: target 645, actual 774 (the 24期 is a
  parenthetical, no row). Under ``2、质量指标`` the 费率 1% / 0.7% / 0.3% and the 稳岗返还 30% / 60% are the policy's terms,
  no targets; the next clause (``已向95家企业发放稳岗返``) is cut: left out.
- 昌宁县教育体育局2023年度项目支出绩效自评报告(创业担保贷款奖励补助项目) (prose; year from the title, no ``year``): the
  自评得分 96.45 and the 1.5147 / 1.2458 万元 with 预算执行率 82.25% (given twice) are the score and the budget, no rows.
  ``承办目标任务数为2,完成目标任务数2``: the 下达 number is the target (``>= 2``), the 完成 number the actual; no unit
  written (``""``), loans handled over the year: flow. ``创业贷款扶持人员均享受政府财政贴息相关政策`` is a narrative; ``按标准
  补助率达100%``, ``发放的创业贷款还款率达100%`` (name ``创业贷款还款率``, filed under 时效指标 as written) and ``被扶持对象满意度
  97%`` are results with no target (rates). ``吸纳带动就业人数2人``: a result (flow, 人); the clause after it is narrative.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout47"
Y23 = "2023"


def _result(name: str, unit: str, kind: str, year: str, actual: float) -> tuple[Any, ...]:
    """A result with no target (higher is better)."""
    return (name, unit, kind, "higher", {}, {year: actual})


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "nanxian_jiuye_fuwu_zhongxin_ziping_2023.txt": {
        "kind": "项目支出绩效自评报告（就业服务中心，文字）", "year": None,
        "layout": "text-prose (a title line, then numbered paragraphs; indicators as sentences: N人,完成市目标任务M人的X%; "
                  "a bound 控制在4.5%以内; results with no target; cut in the first 质量指标 paragraph)",
        "rows": [
            ("失业保险参保总人数", "人", "stock", "higher", {Y23: (">=", 21347)}, {Y23: 21347}),
            ("城镇登记月平均失业率", "%", "level", "lower", {Y23: ("<=", 4.5)}, {Y23: 2.42}),  # 控制在4.5%以内
            _result("就业失业网上登记申报", "条", "flow", Y23, 1398),  # 完成率100%: its own completion
            _result("城镇“311”公共就业服务覆盖人数", "人", "flow", Y23, 4691),
            _result("开展职业技能培训", "期", "flow", Y23, 49),
            ("培训", "人", "flow", "higher", {Y23: (">=", 2000)}, {Y23: 2399}),  # 完成市目标任务数2000人的120%
            ("获得创业培训合格证书学员", "人", "flow", "higher", {Y23: (">=", 645)}, {Y23: 774}),  # (共24期)
        ],
        "unread": [],
    },
    "changning_jiaotiju_chuangye_danbao_daikuan_ziping_2023.txt": {
        "kind": "项目支出绩效自评报告（创业担保贷款奖励补助，文字）", "year": None,
        "layout": "text-prose (a |-separated toolbar line and a metadata block, then paragraphs with blank lines between; "
                  "each indicator level a numbered sub-heading and one sentence; one target, the rest results; cut in (四))",
        "rows": [
            ("承办目标任务数", "", "flow", "higher", {Y23: (">=", 2)}, {Y23: 2}),  # 为2,完成目标任务数2
            _result("按标准补助率", "%", "rate", Y23, 100),
            _result("创业贷款还款率", "%", "rate", Y23, 100),  # 发放的创业贷款还款率达100%
            _result("吸纳带动就业人数", "人", "flow", Y23, 2),
            _result("被扶持对象满意度", "%", "rate", Y23, 97),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
