"""Hand-checked readings of a held-out set, tests/tables/heldout41/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: 民政, 残联 and 退役军人 tables (养老服务补贴, 困难群众救助, 残疾人两项补贴, 残疾人康复, 优抚对象补助, 殡葬, 儿童福利).
What the store gave: every page found whose stored text holds indicator rows and is not already in tests/tables/ is a
self-evaluation report in prose, so the set is three prose layouts: a 区残联's transfer-payment report with one
``年初指标值为…,全年实际完成值…`` sentence per indicator (安徽 芜湖 镜湖区), a 县残联's 残疾人康复 report that lists the four
targets and then the four actuals in one paragraph (湖南 怀化 中方县), and a 区退役军人事务局's 优抚对象生活补助经费 report whose
indicators run on without stops (``…指标为100%实际完成值为100%义务兵家庭优待金…``) and whose 质量指标 gives results only
(内蒙古 巴彦淖尔 临河区). Pages found with their table cut before any indicator value, or already taken: 陈仓区 残联
残疾人事业发展补助资金 notice 2023 (cut in 年度总体目标), 德化 老年助餐 2025 (cut in 总体目标, as held-out 31 found), 岳阳
南湖新区 优抚 / 低保专项 2016 self-evaluations (cut in the header / the 支出明细), 承德县民政局 部门预算绩效文本 on 淘文阁 (only the
table of contents), 黄冈市社会福利中心 部门整体绩效目标申报表 2023 (cut in 项目支出情况), 卡若区 社会福利机构 evaluation report
and 开远市殡仪馆 / 昌宁县殡葬服务中心 reports (no indicator values in the stored text); 成安 高龄津贴, 濉溪 临时救助, 大英 民政,
金安 残联, 保山 退役军人, 衡阳 社会福利院, 湖北 残联 and the 邯郸 困难群众救助 mirror are in the tests already. A 精神障碍社区康复
服务试点工作绩效目标考核表 on a document-sharing site (a blank template with no year or place, its rows interleaved with the
vertical 一级 labels) was not kept. Every copy is a stored page excerpt; where it is cut the rows before the cut are kept and
the cut row is left out (same conventions as ``expected_corpus.py`` and the held-out sets before: a bare number reads as
``>=`` for a higher-is-better indicator; ``不低于`` is ``>=``; a subsidy standard is a value with no comparator (as held-out
9 / 11); a worded target is qualitative, a worded actual ``None``; a result with no target has empty targets (as held-out
31); a deadline is ``("due", "YYYY-MM")``, kind milestone; a unit is kept as written).

- 镜湖区残联 中央转移支付2023年度绩效自评报告 (残疾人事业发展补助资金; prose; year from the title, no ``year``):
  ``执行率100%`` under 资金投入 is the budget, no indicator. ``…基本康复服务比例年初指标值为不低于85%,全年实际完成值100%``:
  ``不低于`` is ``>=``, a rate. ``资助接受托养服务人次数`` / ``发放残疾人机动轮椅车燃油补贴人次数`` are counts done in the year
  (flow, higher) with the unit written ``人`` (kept, though the name says 人次); the second's actual 164 is below its
  target 180. ``项目完成时间年初指标值为2023年12月底`` is a deadline, ``due`` 2023-12, actual ``实际在规定时间内完成`` worded:
  ``None``. ``燃油补贴年均补助标准年初指标值为260元/辆`` is a subsidy standard paid per vehicle: value only, no comparator or
  direction (as held-out 9's 学生补助标准, 11's 财政补助标准), a level; ``实际按该标准发放`` is worded: ``None``. The three
  社会效益 clauses (``残疾人康复服务水平有所提高;…有所提高;…社会氛围有所改善``) have no 年初指标值: each is read as a
  qualitative indicator, the name before ``有所提高`` / ``有所改善`` and the wording its (worded) result, actual ``None``.
  The 满意度 heading is cut (``5、满意度指``): left out.
- 中方县残联 2022年度残疾人康复项目支出绩效自评报告 (prose; year from the title, no ``year``): ``年初预算资金数100元 …
  执行率为33.78%`` is the budget (``元`` for 万元, as written), no indicator. The 项目目标 list gives the targets
  (``资助精神病患者服药230人,“0-6”残疾儿童康复救助39人,辅具适配200人,假肢安装及基本康复服务21``) and the 实际完成 list the
  actuals in the same order (230人, 52人, 230人, 21人): four counts of people served (flow, higher, ``>=``). The last target
  lost its unit where the list runs into ``实际完成``; its actual is written ``21人``, so the row's unit is 人. The name
  ``“0-6”残疾儿童康复救助`` keeps its quotes. The paragraphs after (评价目的, 评价原则, 总分值为100分) hold no indicators; the copy
  stops at a heading, no row is cut.
- 临河区退役军人事务局 优抚对象生活补助经费转移支付2023年度绩效自评报告 (prose; year from the title, no ``year``): the
  资金 paragraphs (1372.7万元, 2330.9万元 …) are the budget. ``1.数量指标。404名服务对象对象发放补助金2126.81万元,…`` is a
  narrative of what was paid, with no indicator name or target: left out. ``2.质量指标。经费发放率为98%覆盖率及资金到位率均为
  100%`` gives results only: three rates with empty targets, actuals 98 / 100 / 100 (``均为100%`` applies to both
  覆盖率 and 资金到位率). ``优抚对象生活补助金每月中旬发放指标为100%实际完成值为100%`` and ``义务兵家庭优待金每年3月、9月份发放
  指标为100%实际完成值为100%`` run on without a stop between them: two rates, ``>= 100``, actual 100 (the names end before
  ``指标为``). ``4.成本指标国家规定标准发放指标为100%实际完成值为100%``: the share paid at the state standard, a rate, higher.
  The second ``4.`` (社会效益指标, ``体现党和政``) is cut: left out.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout41"
Y22, Y23 = "2022", "2023"


def _rate(name: str, year: str, value: float, actual: float | None = None) -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (">=", value)}, None if actual is None else {year: actual})


def _qual(name: str, year: str, actual: bool = False) -> tuple[Any, ...]:
    """A worded target; ``actual``: the text has an actual (a worded actual is ``None``)."""
    return (name, "", "qualitative", None, {year: Q}, {year: None} if actual else None)


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "jinghu_canlian_canji_shiye_zhuanyi_zhifu_ziping_2023.txt": {
        "kind": "转移支付绩效自评报告（残疾人事业发展补助资金，文字）", "year": None,
        "layout": "text-prose (numbered paragraphs; an indicator a sentence: 名称年初指标值为不低于N,全年实际完成值M; 社会效益 as "
                  "worded clauses; cut in the 满意度 heading)",
        "rows": [
            _rate("有需求的困难残疾人得到残疾人基本康复服务比例", Y23, 85, 100),  # 不低于85% / 100%
            ("资助接受托养服务人次数", "人", "flow", "higher", {Y23: (">=", 105)}, {Y23: 116}),
            ("发放残疾人机动轮椅车燃油补贴人次数", "人", "flow", "higher", {Y23: (">=", 180)}, {Y23: 164}),
            ("项目完成时间", "", "milestone", None, {Y23: ("due", "2023-12")}, {Y23: None}),  # 2023年12月底 / 在规定时间内完成
            ("残疾人机动轮椅车燃油补贴年均补助标准", "元/辆", "level", None, {Y23: (None, 260)}, {Y23: None}),
            _qual("残疾人康复服务水平", Y23, actual=True),  # 有所提高
            _qual("残疾人机动轮椅车车主出行便利程度", Y23, actual=True),  # 有所提高
            _qual("关心、理解、支持残疾人的社会氛围", Y23, actual=True),  # 有所改善
        ],
        "unread": [],
    },
    "zhongfang_canlian_canjiren_kangfu_ziping_2022.txt": {
        "kind": "项目支出绩效自评报告（残疾人康复，文字）", "year": None,
        "layout": "text-prose (one paragraph: the 项目目标 list of four targets, then the 实际完成 list of four actuals in the "
                  "same order; the last target's unit lost at the join)",
        "rows": [
            ("资助精神病患者服药", "人", "flow", "higher", {Y22: (">=", 230)}, {Y22: 230}),
            ("“0-6”残疾儿童康复救助", "人", "flow", "higher", {Y22: (">=", 39)}, {Y22: 52}),
            ("辅具适配", "人", "flow", "higher", {Y22: (">=", 200)}, {Y22: 230}),
            ("假肢安装及基本康复服务", "人", "flow", "higher", {Y22: (">=", 21)}, {Y22: 21}),  # 21实际完成 / 21人
        ],
        "unread": [],
    },
    "linhe_tuiyi_junren_youfu_buzhu_ziping_2023.txt": {
        "kind": "转移支付绩效自评报告（优抚对象生活补助经费，文字）", "year": None,
        "layout": "text-prose (menu lines, then numbered paragraphs; indicators run on without stops: 名称指标为X实际完成值为Y; "
                  "质量指标 as results only; cut in the 社会效益 paragraph)",
        "rows": [
            ("经费发放率", "%", "rate", "higher", {}, {Y23: 98}),  # result only
            ("覆盖率", "%", "rate", "higher", {}, {Y23: 100}),  # 均为100%
            ("资金到位率", "%", "rate", "higher", {}, {Y23: 100}),
            _rate("优抚对象生活补助金每月中旬发放", Y23, 100, 100),
            _rate("义务兵家庭优待金每年3月、9月份发放", Y23, 100, 100),
            _rate("国家规定标准发放", Y23, 100, 100),  # 成本指标
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
