"""Hand-checked readings of a held-out set, tests/tables/heldout43/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: 卫生健康 and 医保 (基本公共卫生服务, 家庭医生签约, 计划免疫, 妇幼保健, 医疗救助, 医保基金监管, 村医补助). What the store
gave: a city's 基本公共卫生服务 绩效评价 table with a target and an evaluation standard side by side on each row (江苏 宜兴),
and two 妇女儿童健康水平提升 民生工程 reports in prose (安徽 六安: targets, then results, then a scoring table; 安徽 蚌埠:
targets only). Both prose copies are from 安徽 (no third province with indicator rows in its stored text turned up).
Pages found with their rows already in tests/tables/ or cut before any indicator value: 霍山 医疗救助 自评 2024, 稷山 基本
公卫 / 建档立卡医保 自评, 大英 医保 自评, 蒙城 基本公卫, 温泉 城乡居民医保, 石嘴山 疾控, 南县 疾控, 医微客 2023 基本公卫 targets
(taken); 炉霍 重大传染病防治 2021 (cut at the indicator header, as held-out 32 / 36 found), 枞阳 基本公卫 2023 自评报告
(cut in 资金管理), 岳阳楼区 卫计局 流动人口公卫经费 2017 (cut in 支出明细), 芜湖 卫健委 特殊人群病种筛查 2019 (cut in 预期目标),
邵阳 疾控 2021 自评报告表 (a mirror cut before its indicators), 湘西州 两癌 2020 自评 (cut in the introduction), 石屏 医保局
2022 自评 (cut in its 总体目标) and a 医保 centre's 2024 决算 on an 自治区 site (one indicator sentence only), 广水
妇幼保健院 2023 预算 (table of contents only).
Not kept: 青阳 医保局 基金监管全覆盖检查 (only on a betting-named mirror domain), a 预防控制重大疾病 report on a document mirror
carrying betting text, and a 精神障碍社区康复 绩效目标考核表 template (as held-out 41). No 家庭医生签约 / 村医补助 / 医保基金监管
table with rows in the stored text turned up. Every copy is a stored page excerpt; where it is cut the rows before the
cut are kept and the cut row is left out (same conventions as ``expected_corpus.py`` and the held-out sets before: a
bare number reads as ``>=`` for a higher-is-better indicator; ``达到…以上`` is ``>=``; ``…左右`` is an approximate value,
value only (as held-out 28's ``约``); a worded target is qualitative, a worded actual ``None``; a result with no target
has empty targets (as held-out 31 / 41); budget amounts are no indicators; a unit is kept as written).

- 宜兴 基本公共卫生服务 绩效评价 table (a cell a line, a ``|`` line after each cell; no title, project name or year in the
  stored copy: the page's address is dated 2017-04-20, the table is read as the 2016 evaluation, given as ``year``).
  Each row holds two measures: the goal (目标名称 / 目标值 / 目标完成值) and its evaluation indicator (评价指标 / 标准值 /
  评价指标值); 权重分值 and 得分 are scores, no values. The 投入目标 goals (``预算投入资金 6475`` …) are budget amounts: no
  indicators; their evaluation indicators (预算完成率, 资金到位率, 实际支出率, 专款专用率, each ``100%`` / ``100%``) are rates,
  read ``>= 100``, actual 100. The 管理目标 goals are worded (``专账核算``, ``支出符合财务管理制度规定``, ``(1)成立管理组织;…``):
  qualitative, named by 目标名称 without the list marker (``1.`` …), their worded actuals ``None``. 财务管理规范度
  and 组织管理规范度 ``100%`` are rates ``>= 100``; their 评价指标值 cells hold the name again (``财务管理规范度``) or a
  word (``有``): actual ``None``. ``项目资金管理要求`` has no 标准值: no row of its own. Under 产出目标: ``居民电子健康档案建档数``
  ``941250份`` / ``1024410`` is the number of records standing (stock, higher); its evaluation indicator is written as a
  formula (``居民电子健康档案建档率=建立电子健康档案人数/辖区内常住居民数*100%``), named by the part before ``=``, ``≥75%`` /
  ``81.74%``. ``0-6岁儿童健康管理数`` ``56950人`` / ``68890`` counts children followed up in the year (flow, higher), with
  ``儿童健康管理率`` ``≥90%`` / ``99.83%``. The next row is cut in its name (``孕产妇健康管理``): left out.
- 六安 妇女儿童健康水平提升民生工程 2021 自评报告 (prose; year from the title, no ``year``): the targets are in 一、目标任务,
  the results in 三、完成情况. ``婚检率稳定在 85%左右`` is approximate: value only (``(None, 85)``), actual ``婚检率为94.99%``.
  ``婚检疾病检出率达到 8%以上`` is ``>= 8``; its result is written ``全市疾病检出率达11.25%`` (the same rate, shorter name):
  actual 11.25. ``80%以上的县区级妇幼健康机构婚检门诊达到规范化建设要求`` puts the value before the name: a rate ``>= 80``
  named ``县区级妇幼健康机构婚检门诊达到规范化建设要求``; its result ``全市7个县区婚前保健门诊规范化建设均通过省级验收`` is
  worded: ``None``. ``全市共免费婚检61486人,完成任务的180.84%`` is a result whose task number is not written: a count done in
  the year (flow, higher) with empty targets, actual 61486 (the 180.84% is its completion ratio, no indicator).
  ``二是实施婚前医学检查门诊规范化建设`` is a task, no value. ``自评得分99.5分`` is a score. 附表1 is a scoring table
  (三级指标 项目立项依据 / 绩效目标编制 with 指标分值 2 / 4 and 评分标准): weights and scores, no indicators; the copy is cut in
  its second row.
- 蚌埠 妇女儿童健康水平提升工程 2020 绩效评价报告 (prose on a 怀远县 town's page; year from the title, no ``year``):
  ``婚检率达85%`` (in 项目概况 and again in target 1) is one row, ``>= 85``. ``婚检疾病检出率达到8%以上`` ``>= 8``.
  ``全市农村以乡镇、城市以街道为单位第一类疫苗适龄儿童接种率达到90%以上``: the 以乡镇 / 以街道为单位 clause is the unit of
  measure, not part of the name: ``第一类疫苗适龄儿童接种率`` ``>= 90``. ``建卡率达到95%以上`` ``>= 95``. ``每对婚前健康检查
  财政补助180元`` / ``每对90元`` and ``775万元`` describe the funding (who pays what), no indicators. The clause after the
  semicolon (``完成年度相关疾病监测任务,有效``) is cut: left out. No actuals: the copy stops before the results.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout43"
Y16, Y20, Y21 = "2016", "2020", "2021"


def _rate(name: str, year: str, value: float, actual: float | None = None, has_actual: bool = False) -> tuple[Any, ...]:
    """A rate ``>= value``; ``actual`` its actual, or ``has_actual`` for a worded actual (``None``)."""
    acts = {year: actual} if actual is not None else ({year: None} if has_actual else None)
    return (name, "%", "rate", "higher", {year: (">=", value)}, acts)


def _qual(name: str, year: str, actual: bool = False) -> tuple[Any, ...]:
    """A worded target; ``actual``: the form has an actual column (a worded actual is ``None``)."""
    return (name, "", "qualitative", None, {year: Q}, {year: None} if actual else None)


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "yixing_jiben_gongwei_pingjia_2016.txt": {
        "kind": "绩效评价表（基本公共卫生服务，目标值与评价标准并列）", "year": Y16,
        "layout": "text-lines (a cell a line, a | line after each cell, empty cells as bare | lines; 目标名称 / 目标值 / "
                  "评价指标 / 标准值 / 目标完成值 / 评价指标值 / 权重分值 / 评分规则 / 得分; an evaluation indicator written "
                  "as a formula; no title or year; cut in a row's name)",
        "rows": [
            _rate("预算完成率", Y16, 100, 100),
            _rate("资金到位率", Y16, 100, 100),
            _rate("实际支出率", Y16, 100, 100),
            _rate("专款专用率", Y16, 100, 100),
            _qual("资金管理情况", Y16, actual=True),  # 专账核算 / 专账核算
            _qual("财务管理", Y16, actual=True),  # 支出符合财务管理制度规定 / 符合财务管理制度规定
            _rate("财务管理规范度", Y16, 100, has_actual=True),  # 100% / 财务管理规范度 (the name again)
            _qual("项目管理情况", Y16, actual=True),  # (1)成立管理组织;… / 有组织制度、考核制度、通报
            _rate("组织管理规范度", Y16, 100, has_actual=True),  # 100% / 有
            ("居民电子健康档案建档数", "份", "stock", "higher", {Y16: (">=", 941250)}, {Y16: 1024410}),
            _rate("居民电子健康档案建档率", Y16, 75, 81.74),  # ≥75% / 81.74% (named by the formula's left side)
            ("0-6岁儿童健康管理数", "人", "flow", "higher", {Y16: (">=", 56950)}, {Y16: 68890}),
            _rate("儿童健康管理率", Y16, 90, 99.83),
        ],
        "unread": [],
    },
    "luan_funv_ertong_jiankang_minsheng_ziping_2021.txt": {
        "kind": "民生工程绩效自评报告（目标任务与完成情况，文字；附评分表）", "year": None,
        "layout": "text-prose (targets in one paragraph, results in another, matched by name; an approximate target "
                  "(…左右); a value before its name (80%以上的…); then a scoring table, a cell a line ending in |, cut)",
        "rows": [
            ("婚检率", "%", "rate", "higher", {Y21: (None, 85)}, {Y21: 94.99}),  # 稳定在 85%左右 / 94.99%
            _rate("婚检疾病检出率", Y21, 8, 11.25),  # 达到 8%以上 / 全市疾病检出率达11.25%
            _rate("县区级妇幼健康机构婚检门诊达到规范化建设要求", Y21, 80, has_actual=True),  # 均通过省级验收
            ("免费婚检", "人", "flow", "higher", {}, {Y21: 61486}),  # 61486人, 完成任务的180.84%
        ],
        "unread": [],
    },
    "bengbu_funv_ertong_jiankang_tisheng_pingjia_2020.txt": {
        "kind": "民生工程绩效评价报告（项目绩效目标，文字）", "year": None,
        "layout": "text-prose (paragraphs split by blank lines; targets as numbered sentences, two in a sentence; the "
                  "funding per pair in 项目概况; cut inside the second target sentence)",
        "rows": [
            _rate("婚检率", Y20, 85),
            _rate("婚检疾病检出率", Y20, 8),
            _rate("第一类疫苗适龄儿童接种率", Y20, 90),
            _rate("建卡率", Y20, 95),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
