"""Hand-checked readings of a held-out set, tests/tables/heldout27/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Fields: health insurance (城乡居民医保参保工作经费), railway-corridor environment and safety works (铁路沿线环境及安全
整治), civil affairs (中央财政困难群众救助补助), a province's disabled persons' federation (残疾人事业发展补助资金, a
区域绩效目标表), higher education (广东省教育厅, 新建高校). Places: 四川 大英 (two pages of the county media site), a 河北
county under 邯郸, an unnamed province (省残联), 广东. Every copy is a stored page excerpt; where it is cut the rows before
the cut are kept and the cut row is left out (same conventions as ``expected_corpus.py`` and the held-out sets before: a
bare number reads as ``>=`` for a higher-is-better indicator and as ``<=`` for a cost; ``= | 100 | %`` is ``("=", 100)``;
a worded target is qualitative, a worded actual ``None``; empty 完成值 cells give no actuals; a unit in brackets after
the name is the unit; a row with a name and no value has empty targets; mirror copies in traditional characters keep
their names as stored, notes included, their units given in simplified characters).

- 大英 医疗保障局 城乡居民医保参保工作经费 自评表 (page 40 of a |-separated release; the copy starts inside the rows, the
  first row's 二级 label on the page before): columns 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分, but every
  完成值 and 得分 cell is empty and the empty cells are dropped, so the one number after the unit is the 权重 (5, 5, 5, 15,
  5, 10, 10 with the rows before the page; ``合计 | 100`` is the weights' total) — no actuals (as held-out 19's 青神 form;
  the 评价结论 cells still hold the template's hints). ``城乡居民医保参保工作经费发放成本预`` is cut inside its own cell in
  the source (预 for 预算) and kept as written; ``= | 1 | 元/人`` a unit cost (level, lower). ``≤ | 101400 | 元`` a cap.
  The year is the next form's title (``部门预算项目支出绩效自评表(2023年度)``), given as ``year``; that form (城乡居民监管
  工作经费) stops at its 预算执行情况 header and holds no indicator.
- 大英 铁路沿线环境及安全整治 自评表 (page 63 of another release; the copy starts inside the rows): 三级指标 | 指标性质 |
  指标值 | 度量单位 | 完成值 | 权重, 得分 empty. The three ``= N 万元`` 成本预算 rows are costs read with the ``=`` as
  written (lower); the 定性 row ``优良中低差`` / ``优`` is qualitative with a worded actual. The copy names neither the
  department nor the year; its article number (133731) follows the release of 大英's 2022年度 self-evaluations (133619,
  held-out 19), so it is read with ``year`` 2022 — a judgement, the page itself cannot tell.
- 邯郸 (a county's 2019年预算项目绩效目标) 困难群众救助 绩效目标表 (a traditional-character mirror, everything run
  together): each row is 绩效指标 then 绩效指标描述 then four 评价标准 tiers 优 / 良 / 中 / 差 then 评价标准确定依据. The name
  is the 绩效指标 (``救助覆蓋率``), not its description (``困難群眾基本生活救助是否應(yīng)救盡救``); the 优 tier is the target
  (``100%`` → ``>= 100``, ``90%``, ``85%``), the 良 / 中 / 差 tiers are grading bands, not targets. ``救助對(duì)象對(duì)救助工作
  滿意度(%)``: the ``(%)`` is the unit. The page marker ``2、`` inside the last row's basis cell (``按服務(wù)對(duì)象滿`` /
  ``意度評(píng)價(jià)``) is no part of a row; the second table's title after it is cut: nothing named. No actuals (目标表).
- 省残联 残疾人事业发展补助资金 区域绩效目标表 (2019, a .doc shared as one paragraph in drawing order): every 三级指标
  name is in the copy, the level labels set between them (``绩 效 指 标``, ``质量指标``, ``效果指 标`` …), but the copy stops
  at the 指标值 header, before any value: each of the 17 names is a row with empty targets (as held-out 24's 陈仓 form),
  no unit written. ``残疾人就业创业扶贫品牌基地项目补助`` / ``基地个数`` is one name broken by a blank (read without it).
  The label words (``服务对象``, ``满意度指标``) are not names; the rows keep the order of the copy.
- 广东省教育厅 新建高校 绩效目标表 (a shared file titled 「绩效目标表【模板】」 but filled in; PDF-like lines): the three
  三级指标 names share one line, then ``年度目标值`` ``7 100% 100%`` and ``实施周期目标值`` ``7 100% 100% 不断提升 …``. The 2021
  annual values are the targets (the 实施周期 2020年-2022年 values repeat them and are not a year's target; the words
  after them belong to rows whose names are not in the copy). ``新建高校(校区)``: ``(校区)`` says what is counted (new
  universities or campuses, 7), it is no unit of measure — kept in the name, unit not written. ``(%)`` after the two
  rates is their unit. Year from ``2021年金额``, given as ``year`` (the copy also shows 2019 and 2020-2022).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout27"
Y19, Y21, Y22, Y23 = "2019", "2021", "2022", "2023"


def _rate(name: str, year: str, value: float, actual: float | None = None, cmp: str = ">=") -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (cmp, value)}, None if actual is None else {year: actual})


def _named(name: str) -> tuple[Any, ...]:
    """A row with a name and no value in the copy: targets left to fill in, no unit written."""
    return (name, None, None, None, {}, None)


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "daying_yibao_canbao_jingfei_ziping_tail_2023.txt": {
        "kind": "部门预算项目支出绩效自评表（后半，无表头）", "year": Y23,
        "layout": "text-pipe (no header: the copy starts inside the rows; empty 完成值 / 得分 cells dropped, the number "
                  "after the unit is the 权重; a second form below, cut at its 预算执行情况)",
        "rows": [
            _rate("城乡居民医保参保工作经费发放及时率", Y23, 100, cmp="="),
            ("城乡居民参保网络宣传成本预算", "元", "flow", "lower", {Y23: ("<=", 101400)}, None),
            ("城乡居民医保参保工作经费发放成本预", "元/人", "level", "lower", {Y23: ("=", 1)}, None),  # cut in the source
            _rate("城乡居民参保网络宣传群众知晓率", Y23, 100, cmp="="),
            _rate("城乡居民医保参保工作经费应发尽发率", Y23, 100, cmp="="),
            ("城乡居民医保参保机制健全性", "", "qualitative", None, {Y23: Q}, None),  # 定性 / 优良中低差
            _rate("城乡居民参保人员满意度", Y23, 90),
        ],
        "unread": [],
    },
    "daying_tielu_yanxian_zhengzhi_ziping_tail_2022.txt": {
        "kind": "部门预算项目支出绩效自评表（后半，无表头）", "year": Y22,
        "layout": "text-pipe (no header: the copy starts inside the rows; rows broken after the 权重 cell, 得分 empty)",
        "rows": [
            _rate("安全警示标志设置及时率", Y22, 100, 100, cmp="="),
            ("安全隐患排查成本预算", "万元", "flow", "lower", {Y22: ("=", 6)}, {Y22: 6}),
            ("警示标志设置成本预算", "万元", "flow", "lower", {Y22: ("=", 5)}, {Y22: 5}),
            ("清理垃圾成本预算", "万元", "flow", "lower", {Y22: ("=", 4)}, {Y22: 4}),
            _rate("环境治理亮化美化率", Y22, 90, 93),
            _rate("安全隐患排查有效处置率", Y22, 90, 91),
            ("铁路沿线环境及安全整治管理机制健全性", "", "qualitative", None, {Y22: Q}, {Y22: None}),  # 优良中低差 / 优
            _rate("群众满意度", Y22, 95, 96),
        ],
        "unread": [],
    },
    "handan_kunnan_qunzhong_jiuzhu_mubiao_2019.txt": {
        "kind": "预算指标绩效目标表（评价标准 优/良/中/差）", "year": None,
        "layout": "text-run (a traditional-character mirror with pinyin notes, everything run together; 绩效指标 / 描述 / "
                  "优 良 中 差 / 确定依据; a page marker inside the last row's basis cell)",
        "rows": [
            _rate("救助覆蓋率", Y19, 100),  # 优 100% / 良 90% / 中 85% / 差 85%
            _rate("農(nóng)村低保救助資金按標(biāo)準(zhǔn)發(fā)放的比率", Y19, 90),
            _rate("救助對(duì)象對(duì)救助工作滿意度", Y19, 85),  # (%) is the unit
        ],
        "unread": [],
    },
    "shengji_canlian_shiye_buzhu_quyu_2019.txt": {
        "kind": "区域绩效目标表", "year": None,
        "layout": "text-run (a PDF-like .doc copy run into one paragraph: level labels and names in drawing order, one "
                  "name broken by a blank; the copy stops at the 指标值 header, no value in it)",
        "rows": [
            _named("基本康复服务人数"),
            _named("精神病患者提供服药补贴人数"),
            _named("资助特校学生数"),
            _named("补贴特校数"),
            _named("阳光家园托养补助人数"),
            _named("残疾人就业创业扶贫品牌基地项目补助基地个数"),
            _named("补助城乡创业残疾人数"),
            _named("补助残疾人技术能手人数"),
            _named("基层残联基础设施建设家数"),
            _named("无障碍改造户数"),
            _named("补助标准执行达标率"),
            _named("精神病患者服药率"),
            _named("康复服务率"),
            _named("受助对象就业创业能力提升认可度"),
            _named("托养残疾人满意程度"),
            _named("接受教育创业补助扶持的残疾人满意度"),
            _named("接受创业扶持补助的残疾人收入"),
        ],
        "unread": [],
    },
    "guangdong_jiaoyuting_xinjian_gaoxiao_mubiao_2021.txt": {
        "kind": "绩效目标表（年度目标值与实施周期目标值）", "year": Y21,
        "layout": "text-lines (a PDF-like copy: the names on one line, 年度目标值 / 实施周期目标值 each with its values on "
                  "one line; the later rows' values run on, their names cut)",
        "rows": [
            ("新建高校(校区)", None, "flow", "higher", {Y21: (">=", 7)}, None),  # (校区) is no unit
            _rate("工程质量达标率", Y21, 100),
            _rate("开工率", Y21, 100),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
