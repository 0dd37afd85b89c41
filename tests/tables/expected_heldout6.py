"""Hand-checked readings of a sixth held-out set, tests/tables/heldout6/: real published tables from sources used nowhere
else in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each; ``bench/parse_tables.py`` scores them as the "heldout6" block (kept outside the
bench, as ``unseen6``, until its first measurement).

Same format and conventions as ``expected_corpus.py`` and the held-out sets 1 to 5 (their helpers are reused: ``Q`` a
qualitative target, ``("due", "2021-12")`` a deadline, ``ERR`` a cell nobody can read, ``None`` where only the office
could know, a comparator of ``None`` when only the value is scored; a bare number reads as ``>=`` for a higher-is-better
indicator and as ``<=`` for a cost). Also read this way here:

- A comparator column (永德 ``指标性质``: ``≧`` / ``═``) gives the comparator; ``═`` (a box-drawing sign) is ``=``.
- A unit column (永德 / 甘孜 ``度量单位``) gives the unit as written, also when it is odd (甘孜 ``人/天`` on a 差旅费).
- A row whose value cell holds a word only (``有效``, ``及时``, ``定性 高中低``) is qualitative, a 满意度 row included.
- A value with no unit and no comparator on a time row (甘孜 完成时限 ``1``) has its value scored only, as the
  held-out 1 ``服务周期 180`` row.
- ``≤`` / ``<=`` on a count of people funded (临邑 小学就读人数 ``<=6962人``) is kept as written with no kind and no
  direction (as held-out 2 keeps ``≤4`` on a count, and held-out 5 gives counts of people paid no kind): whether fewer
  is better is the office's call.
- ``±3%以内`` (东莞 补助款结算误差率) is a cap ``<= 3``; a 争议率 of ``0%`` is a cap at 0 (lower is better).
- A table with a 中期 and a 年度 column set side by side (东莞) is read from its 年度 set, keyed by the table's year.
- In a 自评表 whose 项目决策 and 项目管理 blocks hold scoring criteria with no target (银川: 指标值 ``一`` or empty), those
  rows are not indicators; only the 项目产出 / 项目效益 / 满意度 rows are.
- In an OCR copy with the cells run together (银川), the 分值 before and 得分 after each value are not part of it;
  ``M.8万元`` (for 14.8) is ``ERR`` and listed in ``unread``; ``IO`` for 10 is a score, not read. A row the copy cuts
  inside its name, before any value (银川 ``学生和老``; 东莞 ``实现建设总目标控制程度``), is left out.
- A table that names no year (甘孜, an xlsx preview filed 2023-12-04) is read with the year it was filed for (2024),
  given as ``year``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import ERR, Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout6"

Y24 = "2024"

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "yongde_yingyang_ziping_2022.txt": {
        "kind": "项目支出绩效自评表", "year": None,
        "layout": "text-pipe (指标性质 / 指标值 / 度量单位 columns, 实际完成值, header cells run into the first row)",
        "rows": [
            ("学生受资助人数", "人次", "flow", "higher", {"2022": (">=", 735)}, {"2022": 735}),
            ("营养改善计划覆盖率", "%", "rate", "higher", {"2022": (">=", 100)}, {"2022": 100}),
            ("资金到位及时率", "%", "rate", "higher", {"2022": (">=", 100)}, {"2022": 100}),
            ("生均补助标准达标率", "%", "rate", "higher", {"2022": ("=", 100)}, {"2022": 100}),
            ("减轻贫困学生家庭经济负担", "", "qualitative", None, {"2022": Q}, {"2022": None}),  # 有效 / 有效
            ("政策知晓率", "%", "rate", "higher", {"2022": ("=", 100)}, {"2022": 98}),
            ("促进学校教育事业健康发展", "%", "rate", "higher", {"2022": (">=", 100)}, {"2022": 100}),
            ("学生满意度", "%", "rate", "higher", {"2022": (">=", 95)}, {"2022": 100}),
            ("家长满意度", "%", "rate", "higher", {"2022": (">=", 95)}, {"2022": 100}),
        ],
        "unread": [],
    },
    "ganzi_shijian_shipin_2024.txt": {
        "kind": "绩效目标表（xlsx 预览）", "year": 2024,
        "layout": "text-space (指标性质 / 指标值 / 度量单位 / 权重 columns, 指标性质 mostly empty, no year)",
        "rows": [
            ("检查差旅费", "人/天", "level", "lower", {Y24: ("<=", 470)}, None),
            ("培训费", "人/天", "level", "lower", {Y24: ("<=", 320)}, None),
            ("完成时限", None, None, None, {Y24: (None, 1)}, None),  # 1, no unit written
            ("召开食品安委会全体会议", None, "flow", "higher", {Y24: (">=", 2)}, None),
            ("食安委成员单位食品安全工作齐抓共管", "%", "rate", "higher", {Y24: (">=", 100)}, None),
            ("开展食品安全专项整治", None, "flow", "higher", {Y24: (">=", 2)}, None),
            ("组织州县食安委成员单位人员培训", None, "flow", "higher", {Y24: (">=", 1)}, None),
            ("开展食品安全宣传周活动", None, "flow", "higher", {Y24: (">=", 1)}, None),
            ("食品安全整体状况", "", "qualitative", None, {Y24: Q}, None),  # 定性 高中低
            ("进一步提高食品安全工作科学化、规范化", "", "qualitative", None, {Y24: Q}, None),
            ("公众对食品安全满意度", "", "qualitative", None, {Y24: Q}, None),  # 定性 高中低, no number
        ],
        "unread": [],
    },
    "dongguan_zhenji_lianwanglu_2019.txt": {
        "kind": "财政项目支出绩效目标批复表", "year": None,
        "layout": "text-pipe (中期 and 年度 column sets side by side, copy stops after the last row's name)",
        "rows": [
            ("镇街补助款完成结算项目数", None, "flow", "higher", {"2019": (">=", 3)}, None),
            ("补助款结算误差率", "%", "rate", "lower", {"2019": ("<=", 3)}, None),  # ±3%以内
            ("结算款支付及时性", "", "qualitative", None, {"2019": Q}, None),  # 及时
            ("年度预算执行率", "%", "rate", "higher", {"2019": (">=", 90)}, None),
            ("补助款结算争议率", "%", "rate", "lower", {"2019": ("<=", 0)}, None),
        ],
        "unread": [],
    },
    "linyi_shifu_xiaoxue_gongyong_2025.txt": {
        "kind": "项目支出目标申报表", "year": None,
        "layout": "text-lines (one cell per line, 年度数值 column, 产出值/数量值… level names, units in the value)",
        "rows": [
            ("小学就读人数", "人", None, None, {"2025": ("<=", 6962)}, None),
            ("教学条件改善、办学水平提高", "%", "rate", "higher", {"2025": ("=", 100)}, None),
            ("教育均衡化发展", "", "qualitative", None, {"2025": Q}, None),  # 有效
            ("义务教育小学生均公用经费", "元/生/年", "level", "lower", {"2025": ("<=", 780)}, None),
            ("经费有效使用情况", "%", "rate", "higher", {"2025": ("=", 100)}, None),
            ("教学质量提高、办学条件改善", "%", "rate", "higher", {"2025": ("=", 100)}, None),
            ("安全情况", "", "qualitative", None, {"2025": Q}, None),  # 有效
            ("学生受益情况", "%", "rate", "higher", {"2025": ("=", 100)}, None),
        ],
        "unread": [],
    },
    "yinchuan_liuzhong_gongyong_ziping_2021.txt": {
        "kind": "部门项目支出绩效自评表", "year": None,
        "layout": "text-run (OCR copy, cells run together with 分值 before and 得分 after each value, page markers)",
        "rows": [
            # 2370人 is the number of pupils the 公用经费 covers: neither a year's sum nor a goal to raise
            ("保障人数", "人", None, None, {"2021": (None, 2370)}, {"2021": 2370}),
            ("公用经费标准", "", "qualitative", None, {"2021": Q}, {"2021": None}),  # 符合相关文件要求
            ("公用经费完成时间", "", "milestone", None, {"2021": ("due", "2021-12")}, {"2021": None}),
            ("办公所需成本", "万元", "flow", "lower", {"2021": ("<=", 15)}, {"2021": 15}),
            ("维修(维护)所需成本", "万元", "flow", "lower", {"2021": ("<=", 35)}, {"2021": 35}),
            ("绿化、水电费等成本", "万元", "flow", "lower", {"2021": ERR}, {"2021": 14.8}),  # M.8万元
            ("效果显著", "", "qualitative", None, {"2021": Q}, {"2021": None}),  # 改善学校的办学条件
            ("使学生和老师行个更好的学习和工作环境,做到", "", "qualitative", None, {"2021": Q}, {"2021": None}),
        ],
        "unread": ["绿化、水电费等成本"],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
