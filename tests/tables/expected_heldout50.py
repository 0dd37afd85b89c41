"""Hand-checked readings of a held-out set, tests/tables/heldout50/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: smaller departments (档案馆, 地震局, 共青团; also searched: 统计局 普查经费, 气象局, 党校, 融媒体中心, 网信办, 妇联,
工会, 科协): a 档案局's 项目绩效目标表 of worded targets inside an evaluation report, a 共青团 district committee's target
breakdown with two values a cell (达标值/争取值), and a 地震局's 部门整体支出 self-evaluation. Places: 海南 海口 (市),
湖北 武汉 黄陂 (区), 福建 宁德 (市). No 统计局 / 气象局 / 党校 / 融媒体中心 / 网信办 / 妇联 / 工会 / 科协 table with its rows in
the stored text turned up that was not already in tests/tables/ (阜康 统计局's 调查队专项经费 自评表 and 益阳市总工会's
部门整体支出自评表 stop at their header, 忠县科协's and 黄冈市档案馆's forms before their rows, 亳州 气象局 / 宣城 地震局 /
鄂州 科协 / 青山 统计局 / 黄石 党校 are taken). Every copy is a stored page excerpt; where it is cut the rows before the cut
are kept and the cut row is left out (same conventions as ``expected_corpus.py`` and the held-out sets before: a bare
number reads as ``>=`` for a higher-is-better indicator; a worded target is qualitative; a unit is kept as written).

- 海口市档案局 2016 档案征集编研 项目绩效目标表 (inside the 2016年度项目支出绩效评价报告; a cell a line, 指标类型 |
  指标名称 | 绩效目标 | 绩效标准 with the 绩效标准 cells empty): every 绩效目标 is a sentence, so all five rows are
  qualitative. ``编印《海口市人民政府公报》每月3000本,一年12期,年底编印…合订本及光盘`` holds numbers but several outputs
  in one sentence (monthly run, issues a year, a year-end volume): no single target, qualitative. ``编印《市领导政务活动
  画册》30本和《档案馆指南》1000`` is two counts for the two items of the name: qualitative, not split. ``举办庆祝中国共产党
  成立95 周年档案图片展`` keeps its space (``95 周年``). The 成效指标 row (name and target nearly the same words) is
  qualitative. The 效率指标 row (项目资金到位率) is cut in its target (``全``): left out. The cover's dates
  (``2017913日至 2017915``, 年/月 lost) are the evaluation's, not targets. Year from the title (2016年度), no ``year``.
- 黄陂共青团 2006年度绩效考核目标分解表 (a cell a line; 序号 | 考核指标 | 指标值(达标值/争取值) | 责任部定 | 直属团组织指标值
  | 说明): one 序号 row holds two or three indicators, named in the 考核指标 cell (split at ``;``) and valued in the 指标值
  cell in the same order (``1、… 2、… 3、…``). Each value is ``达标值/争取值``: the 达标值 (the first) is the target, read
  ``>=`` (``5个/10个`` is ``(">=", 5)``); the 争取值 is a stretch goal, no second target. Names from the 考核指标 cell as
  written (``创业、技能培训的次数及满意度`` keeps its ``及满意度``, which has no value of its own; ``活动次数以及参与者/基层团组织
  对活动效果评估`` likewise). ``社区团组织覆盖率达30%/40%`` is a rate, ``>= 30``. ``新建青年中心3个/4个`` under ``青年中心建设``
  counts centres built in the year: flow. The 直属团组织指标值 cells (劳动局500、教育局500 …, 前川1、天河1 …) split the
  district target over units: no rows. Row 5 is cut inside its 指标值 cell (``助学助困青少年100人``): its three indicators
  are left out, though ``筹集资金1万元/2万元`` is whole. Year from the title (2006年度), no ``year``.
- 宁德市地震局 2020年 部门整体支出绩效自评表 (a row a line, single-space cells; 绩效目标值 | 实际完成值 | 评分标准 | 指标分值
  | 自评得分 | 未完成原因, the header split over two lines): the funds block (130.54 / 58.07 / 188.61 …, 支出实现率 99.92)
  is the budget, no indicators. ``9个 9个`` and ``10场 11场`` are target and actual (counts done in the year: flow,
  higher); the 评分标准 sentences restate the target (``达9个得6分``), ``6 6`` are 分值 / 得分, ``已完成`` the 未完成原因
  cell. ``“进基层”`` keeps its quotes. The third row (协同相关部门开展防震减灾宣传活动场数, ``6场 7场``) is cut inside its
  评分标准: left out as a cut row, though its values are whole. Year from the title (2020 年度), no ``year``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout50"
Y06, Y16, Y20 = "2006", "2016", "2020"


def _qual(name: str, year: str) -> tuple[Any, ...]:
    """A worded target, no actual column."""
    return (name, "", "qualitative", None, {year: Q}, None)


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "haikou_dangan_zhengji_bianyan_mubiao_2016.txt": {
        "kind": "项目绩效目标表（评价报告内，文字目标）", "year": None,
        "layout": "text-lines (a cell a line with blank lines between; 指标类型 / 指标名称 / 绩效目标 / 绩效标准, the 绩效标准 "
                  "cells empty; every target a sentence; an evaluation report's cover first; cut in the 效率指标 row)",
        "rows": [
            _qual("编印《海口市人民政府公报》及其合订本、光盘", Y16),  # 每月3000本,一年12期,… (a sentence)
            _qual("举办庆祝中国共产党成立95 周年档案图片展", Y16),
            _qual("开展民间档案资料的征集工作", Y16),
            _qual("编印《市领导政务活动画册》、《档案馆指南》", Y16),  # 画册30本和指南1000 (two counts)
            _qual("向社会公开政府公开信息和记录市领导政务活动信息", Y16),
        ],
        "unread": [],
    },
    "huangpi_gongqingtuan_kaohe_mubiao_2006.txt": {
        "kind": "绩效考核目标分解表（共青团，达标值/争取值）", "year": None,
        "layout": "text-lines (a cell a line with blank lines between; several indicators a row, numbered 1、2、3、 inside the "
                  "指标值 cell; values written 达标值/争取值; a column of per-unit allocations; cut in row 5's 指标值 cell)",
        "rows": [
            ("非公单位团组织新增数", "个", "flow", "higher", {Y06: (">=", 5)}, None),  # 5个/10个
            ("社区团组织覆盖率", "%", "rate", "higher", {Y06: (">=", 30)}, None),  # 达30%/40%
            ("创业、技能培训的次数及满意度", "人次", "flow", "higher", {Y06: (">=", 1000)}, None),  # 1000人次/1500人次
            ("扶持创业转移就业人次", "人", "flow", "higher", {Y06: (">=", 200)}, None),  # 200人/300人
            ("青年中心建设", "个", "flow", "higher", {Y06: (">=", 3)}, None),  # 新建青年中心3个/4个
            ("选树市级以上青年典型人次", "人次", "flow", "higher", {Y06: (">=", 5)}, None),  # 5人次/8人次
            ("活动次数以及参与者/基层团组织对活动效果评估", "次", "flow", "higher", {Y06: (">=", 8)}, None),  # 8次/10次
        ],
        "unread": [],
    },
    "ningde_dizhenju_zhengti_ziping_2020.txt": {
        "kind": "部门整体支出绩效自评表", "year": None,
        "layout": "text-space (a row a line, single-space cells; 绩效目标值 / 实际完成值 / 评分标准 sentence / 分值 / 得分 / "
                  "未完成原因; the header split over two lines; a funds block first; cut in the third row's 评分标准)",
        "rows": [
            ("抽查全市地震监测台站运维情况个数", "个", "flow", "higher", {Y20: (">=", 9)}, {Y20: 9}),
            ("开展防震减灾科普“进基层”宣传活动场数", "场", "flow", "higher", {Y20: (">=", 10)}, {Y20: 11}),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
