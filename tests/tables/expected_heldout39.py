"""Hand-checked readings of a held-out set, tests/tables/heldout39/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: 城市管理 and 交通 (环卫保洁, 垃圾分类, 市政道路养护, 路灯, 公交补贴, 农村公路养护, 停车). What the store gave: every page
found whose stored text holds at least three indicator values and is not already in tests/tables/ is a report in prose,
so the set is three prose layouts from three provinces: a 县交通运输局's 公路安全生命防护工程 (车购税) self-evaluation with one
numbered sentence per indicator level, most of them results with no target (云南 楚雄 牟定县), a bus company's 老年人免费乘车
补贴 evaluation whose 预期各项效益指标 are one sentence of three savings and their total (湖南 郴州 永兴县), and the last page of
a county bureau's 燃油税转移支付资金 (农村公路养护) evaluation with its 效益 results run together in one sentence (四川 遂宁
大英县). Pages found with no indicator value in the stored text, or too few, or already taken: 湘潭 雾炮车 (2023 and 2024),
the 病媒防治 环境卫生清洁 mirror, 阆中 车购税, 广水 乡村道路, 太** 城管执法车辆 (qianlima) are in the tests already; 阳泉
“四好农村路”工作经费 申报表 2021 (cut in 总体目标), 岳阳县 农村公路养护 2020 (a traditional-character mirror, cut in the 支出明细),
汨罗 城市公交 低票价运营补贴 2017 (cut after its one 定性 target, 60%), 南陵 公交补贴 2023 (one target whole, cut in 质量指标),
西咸新区 公共停车收费 评价结果 2023 (one row whole, cut in the second), 海淀 学院路 自管道路清扫保洁外包 2016 on a
document-sharing site (cut after one row), 兴庆区 滨河家园垃圾转运站 2022 (its targets are an image; the stored paragraph
only narrates what was bought, with two named rates), 古田 垃圾一体化 2020 and 镇江 环卫 2017 reports (cut before any
indicator), 隆回 人居环境 (cut in the 依据 list). Nothing turned up for 路灯 / 城市照明 (亮灯率) or 垃圾分类 target forms (only
考核细则 and 方案 texts), nor for a 停车场 target form. Every copy is a stored page excerpt; where it is cut the rows before
the cut are kept and the cut row is left out (same conventions as ``expected_corpus.py`` and the held-out sets before: a
bare number reads as ``>=`` for a higher-is-better indicator and as ``<=`` for a cost; a result with no target has empty
targets (as held-out 31 / 41); a worded target or result is qualitative, a worded actual ``None``; a narrative of what was
done with no indicator name is no row (as held-out 41); a unit is kept as written).

- 牟定县 2020年第一批公路安全生命防护工程 绩效自评报告 (prose; year from the title, no ``year``): section 一 (绩效目标分解
  下达情况: ``建设里程8公里,下达车购税补助56万元`` …) and section 二's (一)/(二) paragraphs are the plan, the budget and a
  narrative, no rows; the rows are the seven numbered sentences of (三)绩效指标完成情况分析. ``1.数量指标。该项目处治里程8公里,
  完成工程量波型护栏1820米,标志标牌18块``: three results with no target (flow, higher, empty targets) — the 8公里 of section
  一 is named 建设里程, not 处治里程, and is not linked. ``项目(工程)验收合格率为100%`` (ASCII parentheses as stored) is a
  result, a rate. ``3.时效指标`` only narrates the start and end dates (no name, no target): no row. ``4.成本指标。项目投资
  56万元,实际决算金额54.6万元``: the planned investment is the cap (``<= 56``, lower) and the 决算 the actual. ``5.社会效益
  目标。项目处治路线2条,覆盖乡镇1个``: two results (条 / 个). ``提升公路交通安全保障水平≥95%`` (the clause ``降低交通事故损失``
  before it is no name) and ``项目区群众满意度≥95%`` are bounds with ``≥``, read as targets ``>= 95`` whose actual the report
  does not give (``None``). The copy is cut in section 三's first sentence (``实际完成投``), after every indicator.
- 永兴县 银城公交 2022年度老年人免费乘车补贴专项资金 绩效评价报告 (prose by the bus company; year from the title, no
  ``year``): the company's 56台 / 8条 (its fleet and lines) and the 280万元 (the yearly subsidy) are facts and budget, no
  rows; ``免费乘车不限次数`` / ``5折优惠`` are the policy's terms. Under ``(二)专项资金预期目标完成情况`` / ``3.预期各项效益指标``
  the 经济效益 sentence names four savings: 110.37 / 248.85 / 7.62 and their total 366.84 万元. They are read as the heading
  calls them, 预期 (expected) values, i.e. targets: passengers' money saved over the year (flow), higher, a bare number
  read ``>=``; the copy gives no actual column (``None``), though the two-decimal figures look computed. ``共节约特殊群体
  出行成本`` (the total) is kept as a row, as written. The copy stops after that sentence.
- 大英县 燃油税转移支付资金 (农村公路养护) 评价报告, page 9 (prose; the copy starts at ``(二)项目效益情况``, its 产出 part and
  title on an earlier page): ``社会效益指标临聘工资应发尽发率、农村道路完好率均达到100%`` gives two results (``均`` applies to
  both): rates with empty targets, actual 100. ``可持续效益指标有效带动周边经济发展,提高了公路的使用寿命``: two worded clauses,
  each read as a qualitative indicator with a worded result (names ``带动周边经济发展`` and ``公路的使用寿命``, the wording
  ``有效`` / ``提高了`` stripped, as held-out 41's ``有所提高``). ``群众满意度均大于等于95%`` is a bound, read as the target
  ``>= 95`` with no measured actual (``None``). ``预算完成100%`` is the budget and ``保障了全县159公里农村公路的养护`` a
  narrative in the 评价结论: no rows. The copy names neither bureau nor year; its article number (133968) follows 大英's
  release of 2022年度 self-evaluations (133619, held-out 19; 133731, held-out 27) and it speaks of ``疫情防控形势``, so it is
  read with ``year`` 2022 — a judgement, the page itself cannot tell.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout39"
Y20, Y22 = "2020", "2022"


def _result(name: str, unit: str, kind: str, year: str, actual: float) -> tuple[Any, ...]:
    """A result with no target (higher is better)."""
    return (name, unit, kind, "higher", {}, {year: actual})


def _qual(name: str, year: str, actual: bool = False) -> tuple[Any, ...]:
    """A worded target; ``actual``: the text has an actual (a worded actual is ``None``)."""
    return (name, "", "qualitative", None, {year: Q}, {year: None} if actual else None)


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "muding_gonglu_anquan_fanghu_ziping_2020.txt": {
        "kind": "转移支付绩效自评报告（公路安全生命防护工程，文字）", "year": None,
        "layout": "text-prose (breadcrumb lines, then numbered sections; one sentence per indicator level under "
                  "(三)绩效指标完成情况分析, most of them results with no target; bounds written ≥95%; cut in section 三)",
        "rows": [
            _result("处治里程", "公里", "flow", Y20, 8),
            _result("波型护栏", "米", "flow", Y20, 1820),  # 完成工程量波型护栏1820米
            _result("标志标牌", "块", "flow", Y20, 18),
            _result("项目(工程)验收合格率", "%", "rate", Y20, 100),
            ("项目投资", "万元", "flow", "lower", {Y20: ("<=", 56)}, {Y20: 54.6}),  # 实际决算金额54.6万元
            _result("处治路线", "条", "flow", Y20, 2),
            _result("覆盖乡镇", "个", "flow", Y20, 1),
            ("提升公路交通安全保障水平", "%", "rate", "higher", {Y20: (">=", 95)}, {Y20: None}),
            ("项目区群众满意度", "%", "rate", "higher", {Y20: (">=", 95)}, {Y20: None}),
        ],
        "unread": [],
    },
    "yongxing_yincheng_gongjiao_mianfei_chengche_pingjia_2022.txt": {
        "kind": "专项资金绩效评价报告（公交老年人免费乘车补贴，文字）", "year": None,
        "layout": "text-prose (paragraphs indented by two spaces; company facts and budget first; the 预期各项效益指标 as one "
                  "经济效益 sentence of three savings and their total; no actuals)",
        "rows": [
            ("节约城区学生出行成本", "万元", "flow", "higher", {Y22: (">=", 110.37)}, None),
            ("节约免费老年人出行成本", "万元", "flow", "higher", {Y22: (">=", 248.85)}, None),
            ("节约优抚人员出行成本", "万元", "flow", "higher", {Y22: (">=", 7.62)}, None),
            ("共节约特殊群体出行成本", "万元", "flow", "higher", {Y22: (">=", 366.84)}, None),  # the total, as written
        ],
        "unread": [],
    },
    "daying_ranyoushui_nongcun_gonglu_yanghu_pingjia_2022.txt": {
        "kind": "项目支出绩效评价报告（燃油税转移支付资金，农村公路养护，文字，末页）", "year": Y22,
        "layout": "text-prose (the last page of a report: the 效益 results run together in one sentence, two rates sharing "
                  "one 均达到100%, worded clauses, a bound 均大于等于95%; then 评价结论 / 问题 / 建议 paragraphs; no year)",
        "rows": [
            _result("临聘工资应发尽发率", "%", "rate", Y22, 100),
            _result("农村道路完好率", "%", "rate", Y22, 100),  # 均达到100%
            _qual("带动周边经济发展", Y22, actual=True),  # 有效带动周边经济发展
            _qual("公路的使用寿命", Y22, actual=True),  # 提高了公路的使用寿命
            ("群众满意度", "%", "rate", "higher", {Y22: (">=", 95)}, {Y22: None}),  # 均大于等于95%
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
