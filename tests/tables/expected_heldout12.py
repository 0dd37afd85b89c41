"""Hand-checked readings of an eleventh held-out set (second half), tests/tables/heldout12/: real published tables from
sources used nowhere else in tests/tables/ (written by reading each table, before the reader was run on it).
``make_expected()`` writes one ``<fixture>.expected.json`` beside each. The folder is not named ``heldout*`` so that
``bench/parse_tables.py`` does not pick it up before its first measurement.

Fields of this half: agriculture and forestry, water, natural resources, emergency management (forest fires).

Same format and conventions as ``expected_corpus.py`` and the held-out sets 1 to 10 (their helpers are reused: ``Q`` a
qualitative target, ``("due", "2023-12")`` a deadline, ``None`` where only the office could know, a comparator of ``None``
when only the value is scored; a bare number reads as ``>=`` for a higher-is-better indicator and as ``<=`` for a cost or
a rate where lower is better; a 是 target is ``("=", 1)``, kind ``milestone``, no direction; ``不低于95%`` is ``>=``,
``小于0.9‰`` is ``("<", 0.9)``, the full-width ``≧`` is ``>=``; a count of incidents at ``0起`` / ``0人次`` is a cap at 0;
a unit in brackets after the name (``成本控制數(萬元)``, ``农户施肥情况调查(户)``) is the unit and not part of the name, a
qualifier in brackets (``其他试验(水稻)``, ``重要水功能区(葫芦河宁甘缓冲区)…``) is; numbering (``一、``, ``1、``) is not part
of the name; a worded actual is ``None``; a copy cut off inside a row keeps the rows before the cut only, and the cut
fragment is left out of the fixture). Also read this way here:

- Mirror copies in traditional characters with pinyin notes (蔡甸, 黄冈) keep their names as stored, notes included, as
  in held-out 10. Their units are given in simplified characters (``成本控制數(萬元)`` has the unit ``万元``), since the
  unit is compared as written and a reading in simplified characters is the one a person would record.
- A document-sharing site's page marker that falls inside a name (黄冈 ``取得2018-2022`` / line break / ``2、`` /
  ``監測資料``) is not part of the name: the name is ``取得2018-2022監(jiān)測資料``.
- A self-evaluation whose 实际完成值 is in another unit than the target (蔡甸 滅火設備配備率 ``100%`` against ``1000件``,
  監控系統維護率 ``100%`` against ``5個``) keeps the actual ``None``; so do actuals written as words (``達成預期指標``).
- A 时效 row whose target and actual are months (临翔 项目完工时限 ``2023年12月`` / ``2023年10月``) is a deadline with the
  actual ``None``.
- Per-person amounts (临翔 务工人员年人均增收 ``≥8400元``) and a period in years (可持续影响年限 ``≥15年``) are ``level``.
- 隆阳's numbered sub-rows (``1、水稻侧深施肥+缓控释肥`` under ``一、示范区建立``) are indicators of their own, as are the
  group rows that carry a value. ``肥料利用率 ≧5组`` counts trials: a flow in 组, whatever its name says. A count of
  beneficiary households (受益农户数 ``5000户``) has no kind, as in held-outs 9 and 10.
- A report that states its targets in one sentence (弥勒: ``数量指标-修复历史遗留矿山面积大于等于610亩;质量指标-…``)
  gives one indicator per clause: the name is the clause without its value (``修复历史遗留矿山面积``); a clause that
  states the wanted change with no number (``实施区域矿山地质灾害隐患下降``) is a qualitative indicator named by the
  whole clause, like ``工程质量合格`` in held-out 2 (unlike 同心's bare ``生态修复功能提高``, these clauses name what is
  measured). ``2022年完成《…实施方案》编制工作`` is a deadline at the end of 2022, named without the year.
- Target-breakdown tables (节水达标建设目标分解表 with 2016–2018 columns, 南通 2011 with one column per 县(市)、区 all
  holding the same value) are read as target tables: one target per year column. A cell merged over the year columns
  that states a relative criterion (``低于全区平均值的50%或年降低率5%``, ``不超自治区年度下达指标``) is qualitative in
  every year; ``-`` in a year column is no target for that year. Water use per unit of output or per person
  (``万元GDP用水量``-type rows with a number, ``城镇人均日生活用水量 75L/d``, ``人均生活综合用水量 240升/人日``) is a
  ``level`` with direction lower and the value scored only (the table writes no comparator); a 漏损率 that falls year by
  year (14% / 12% / 10%) is a cap. A coefficient (渠系水利用系数, 农田灌溉水有效利用系数) is a ``level``, higher, its unit
  not written (``None``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout12"

Y11, Y16, Y17, Y18 = "2011", "2016", "2017", "2018"
Y20, Y21, Y22, Y23 = "2020", "2021", "2022", "2023"
Q3 = {Y16: Q, Y17: Q, Y18: Q}


def _years(comparator: str | None, a: float, b: float, c: float) -> dict[str, tuple[str | None, float]]:
    """The 2016, 2017 and 2018 targets of one row of the 节水 breakdown table."""
    return {Y16: (comparator, a), Y17: (comparator, b), Y18: (comparator, c)}


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "linxiang_shourongsuo_ziping_2023.txt": {
        "kind": "项目支出绩效自评表（野生动物收容所建设）", "year": None,
        "layout": "text-pipe (年度指标值 / 实际完成值 / 分值 / 得分, units in the values, a month deadline, cut last row)",
        "rows": [
            ("野生动物收容所", "平方米", "flow", "higher", {Y23: (">=", 200)}, {Y23: 204.46}),
            ("钢结构圈养围栏", "米", "flow", "higher", {Y23: (">=", 120)}, {Y23: 121.5}),
            ("项目完工时限", "", "milestone", None, {Y23: ("due", "2023-12")}, {Y23: None}),  # done 2023年10月
            ("项目竣工验收率", "%", "rate", "higher", {Y23: (">=", 100)}, {Y23: 100}),
            ("务工人员年人均增收", "元", "level", "higher", {Y23: (">=", 8400)}, {Y23: 8400}),
            ("提供务工岗位", "个", "flow", "higher", {Y23: (">=", 5)}, {Y23: 5}),
            ("项目建成后可持续影响年限", "年", "level", "higher", {Y23: (">=", 15)}, {Y23: 15}),
        ],
        "unread": [],
    },
    "longyang_huafei_jianliang_ziping_2022.txt": {
        "kind": "项目支出绩效自评表（化肥减量增效示范县项目）", "year": None,
        "layout": "text-pipe (numbered group rows and sub-rows, full-width ≧, 年初目标值(A) / 实际完成值(B) / 得分)",
        "rows": [
            ("示范区建立", "亩", "flow", "higher", {Y22: (">=", 20000)}, {Y22: 20000}),
            ("水稻侧深施肥+缓控释肥", "亩", "flow", "higher", {Y22: (">=", 500)}, {Y22: 500}),
            ("玉米种肥同播+缓控释肥", "亩", "flow", "higher", {Y22: (">=", 1000)}, {Y22: 1000}),
            ("施用配方肥", "亩", "flow", "higher", {Y22: (">=", 18500)}, {Y22: 18500}),
            ("化肥减量增效田间试验", "组", "flow", "higher", {Y22: (">=", 15)}, {Y22: 15}),
            ("肥料利用率", "组", "flow", "higher", {Y22: (">=", 5)}, {Y22: 5}),  # a count of trials
            ("化肥减量增效", "组", "flow", "higher", {Y22: (">=", 5)}, {Y22: 5}),
            ("其他试验(水稻)", "组", "flow", "higher", {Y22: (">=", 3)}, {Y22: 3}),
            ("其他试验(玉米)", "组", "flow", "higher", {Y22: (">=", 2)}, {Y22: 2}),
            ("土样植株化验", "个", "flow", "higher", {Y22: (">=", 60)}, {Y22: 105}),
            ("农户施肥情况调查", "户", "flow", "higher", {Y22: (">=", 300)}, {Y22: 300}),
            ("示范区配方肥到位率", "%", "rate", "higher", {Y22: (">=", 80)}, {Y22: 85.6}),
            ("项目按时完成率", "%", "rate", "higher", {Y22: (">=", 100)}, {Y22: 100}),
            ("受益农户数", "户", None, "higher", {Y22: (">=", 5000)}, {Y22: 5000}),
        ],
        "unread": [],
    },
    "caidian_senlin_fanghuo_ziping_2021.txt": {
        "kind": "项目绩效自评表（区级森林防火专项经费）", "year": None,
        "layout": "text-run (traditional characters with pinyin notes, cells run together, 不低于 / 小于 caps, a 是 target)",
        "rows": [
            ("滅火設(shè)備配備率", "%", "rate", "higher", {Y21: (">=", 100)}, {Y21: None}),  # actual 1000件
            ("監(jiān)控系統(tǒng)維護(hù)率", "%", "rate", "higher", {Y21: (">=", 100)}, {Y21: None}),  # actual 5個
            ("森林火災(zāi)火因查明率", "%", "rate", "higher", {Y21: (">=", 95)}, {Y21: None}),
            ("森林火災(zāi)案件查處率", "%", "rate", "higher", {Y21: (">=", 90)}, {Y21: None}),
            ("森林火災(zāi)6小時(shí)內(nèi)撲滅率", "%", "rate", "higher", {Y21: (">=", 95)}, {Y21: None}),
            ("成本控制數(shù)", "万元", "flow", "lower", {Y21: ("<=", 63)}, {Y21: None}),  # 成本控制數(萬元) 63
            ("重大森林火災(zāi)", "起", "flow", "lower", {Y21: ("<=", 0)}, {Y21: None}),
            ("公眾知曉度是否明顯提高", "", "milestone", None, {Y21: ("=", 1)}, {Y21: None}),  # 是
            ("森林火災(zāi)受害面積", "‰", "rate", "lower", {Y21: ("<", 0.9)}, {Y21: None}),  # 小于0.9‰
            ("人員傷亡事故", "人次", "flow", "lower", {Y21: ("<=", 0)}, {Y21: None}),
            ("森林防火監(jiān)控設(shè)備的有效率", "%", "rate", "higher", {Y21: (">=", 90)}, {Y21: None}),
        ],
        "unread": [],
    },
    "huanggang_shuibao_jiance_ziping_2020.txt": {
        "kind": "项目绩效自评表（水土保持监测）", "year": None,
        "layout": "text-run (traditional with pinyin notes, two 年度绩效目标 blocks, a page marker inside a name)",
        "rows": [
            ("監(jiān)測數(shù)據(jù)必須合格", "%", "rate", "higher", {Y20: (">=", 100)}, {Y20: 100}),
            ("取得2018-2022監(jiān)測資料", "%", "rate", "higher", {Y20: (">=", 100)}, {Y20: 100}),  # split by 「2、」
            ("整編資料審核", "%", "rate", "higher", {Y20: (">=", 98)}, {Y20: 98}),
            ("監(jiān)測數(shù)據(jù)資料整編", "%", "rate", "higher", {Y20: (">=", 100)}, {Y20: 100}),
            ("完成年度資料上報(bào)", "%", "rate", "higher", {Y20: (">=", 100)}, {Y20: 100}),
        ],
        "unread": [],
    },
    "mile_kuangshan_xiufu_ziping_2022.txt": {
        "kind": "项目支出绩效单位自评报告（历史遗留矿山生态修复，文字）", "year": None,
        "layout": "text-prose (targets in one sentence, 大于等于 written out, worded targets, a year as the deadline)",
        "rows": [
            ("修复历史遗留矿山面积", "亩", "flow", "higher", {Y22: (">=", 610)}, None),
            ("修复后的地质环境稳定程度提升", "", "qualitative", None, {Y22: Q}, None),
            ("完成《2022年重点生态区历史遗留矿山修复治理项目实施方案》编制工作", "", "milestone", None,
             {Y22: ("due", "2022-12")}, None),
            ("实施区域矿山地质灾害隐患下降", "", "qualitative", None, {Y22: Q}, None),
            ("实施区域群众生命财产安全保障提升", "", "qualitative", None, {Y22: Q}, None),
            ("实施区域矿山生态状况改善", "", "qualitative", None, {Y22: Q}, None),
            ("实施区域矿山露天矿山扬尘下降", "", "qualitative", None, {Y22: Q}, None),
            ("实施区域受益人群满意度", "%", "rate", "higher", {Y22: (">=", 80)}, None),
        ],
        "unread": [],
    },
    "jieshui_dabiao_fenjie_2016_2018.tsv": {
        "kind": "节水达标建设目标分解表（三个年度列）", "year": None,
        "layout": "text-tab (2016/2017/2018 columns, worded targets merged over the years, repeated header, page marker)",
        "rows": [
            ("万元GDP用水量", "", "qualitative", None, Q3, None),  # 低于全区平均值的50%或年降低率5%
            ("用水总量控制", "", "qualitative", None, Q3, None),  # 不超自治区年度下达指标
            ("再生水回用率", "%", "rate", "higher", _years(">=", 30, 40, 55), None),
            ("万元农业增加值用水量", "", "qualitative", None, Q3, None),
            ("农业用水总量", "", "qualitative", None, Q3, None),
            ("农田灌溉水有效利用系数", None, "level", "higher", _years(">=", 0.72, 0.75, 0.78), None),
            ("节水灌溉工程控制面积比例", "%", "rate", "higher", _years(">=", 74, 74.5, 75), None),
            ("高效节水灌溉工程控制面积比例", "%", "rate", "higher", _years(">=", 60, 65, 70), None),
            ("万元工业增加值用水量", "", "qualitative", None, Q3, None),
            ("工业用水重复利用率", "%", "rate", "higher", _years(">=", 55, 65, 75), None),
            ("节水型企业覆盖率", "%", "rate", "higher", _years(">=", 7.9, 15.8, 23.8), None),
            ("城镇人均日生活用水量", "L/d", "level", "lower", _years(None, 75, 75, 75), None),
            ("供水管网漏损率", "%", "rate", "lower", _years("<=", 14, 12, 10), None),
            ("城镇节水器具普及率", "%", "rate", "higher", _years(">=", 80, 85, 90), None),
            ("节水型学校覆盖率", "%", "rate", "higher", _years(">=", 22, 26, 30), None),
            ("节水型公共机构覆盖率", "%", "rate", "higher", _years(">=", 30, 40, 55), None),
            ("城镇污水集中处理率", "%", "rate", "higher", _years(">=", 70, 80, 90), None),
            ("集中式饮用水水源地水质达标率", "%", "rate", "higher", _years(">=", 100, 100, 100), None),
            ("重要水功能区(葫芦河宁甘缓冲区)水质达标率", "%", "rate", "higher", _years(">=", 100, 100, 100), None),
            ("水土流失治理", "", "qualitative", None, Q3, None),  # 完成自治区下达水土流失治理年度任务
            ("公众满意度", "%", "rate", "higher", _years(">=", 85, 90, 95), None),
            ("公共供水管网覆盖范围内自备井关闭", "%", "rate", "higher",
             {Y17: (">=", 100), Y18: (">=", 100)}, None),  # 2016: -
            ("非居民用水计划管理率", "%", "rate", "higher", _years(">=", 40, 65, 100), None),
            ("水资源费征收率", "%", "rate", "higher", _years(">=", 35, 65, 90), None),
            ("污水处理费收缴率", "%", "rate", "higher", _years(">=", 40, 65, 90), None),
        ],
        "unread": [],
    },
    "nantong_jieshui_fenjie_2011.txt": {
        "kind": "节水型社会建设目标任务分解表（按县市区分列）", "year": None,
        "layout": "text-lines (one cell a line, 单位 column, nine region columns holding the same value, group rows)",
        "rows": [
            ("单位地区生产总值用水量", "m3/万元", "level", "lower", {Y11: (None, 123)}, None),
            ("渠系水利用系数", None, "level", "higher", {Y11: (">=", 0.58)}, None),  # 单位 cell blank
            ("单位工业增加值用水量", "m3/万元", "level", "lower", {Y11: (None, 23)}, None),
            ("工业用水重复利用率", "%", "rate", "higher", {Y11: (">=", 66)}, None),
            ("人均生活综合用水量", "升/人日", "level", "lower", {Y11: (None, 240)}, None),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
