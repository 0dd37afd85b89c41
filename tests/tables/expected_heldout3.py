"""Hand-checked readings of the third held-out set, tests/tables/heldout3/: real published tables from the north and
east and from sources used nowhere else in tests/tables/ (written by reading each table, before the reader was run on
it). ``make_expected()`` writes one ``<fixture>.expected.json`` beside each; ``bench/parse_tables.py`` scores them as
the "held-out 3" block.

Same format and conventions as ``expected_corpus.py``, ``expected_heldout.py`` and ``expected_heldout2.py`` (their
helpers are reused). Also read this way here:

- A placeholder (``(≥**%)``, ``(≤**万元)``) and a unit in brackets after the name (``开展修复工程(个)``) are not part of
  the name; the bracketed unit is the unit. A sentence stop ending a name cell (``…遗留物业费。``) is not part of it.
- Tables with one value column per region (安溪, 秀屿, 龙岩): where every region holds the same value, that value is
  the target; where the regions differ, ``targets`` is left empty (only row, unit, kind and direction are scored).
  An 指标方向 column (``≤`` / ``≥`` / ``是/否``) gives the comparator of the region values.
- A 是/否 target reads as 1 / 0 (``否`` → 0) with the comparator not scored.
- ``2021年全年`` in a 时效 row is a deadline at the end of that year.
- A cell holding several quantities (``困难台胞432人、高龄台胞1792人…``) has no single target: ``targets`` empty.
- In a 半年(程) / 全年(程) table the 全年 column is the year's target; in a 绩效标准 / 全年绩效目标 table the
  全年绩效目标 column is the target.
- Scrambled .xlsx copies (稷山): a value is read where a person can place it from the order of the cells next to the
  name (指标24's 14例 follows 指标25's name, 指标25's own values after it); a row whose neighbouring cells hold no
  value a person could take (指标5: ``分值 得分 37442人``) is ERR. Counts of people under management (``…规范管理数``,
  ``…覆盖数``) have no kind: year-sum or year-end count is for the office to say.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import ERR, Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout3"

Y21, Y22, Y23, Y24, Y25 = "2021", "2022", "2023", "2024", "2025"

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "jinzhai_kaifaqu_wuye_2021.txt": {
        "kind": "项目支出绩效目标申报表", "year": None,
        "layout": "text-space (指标1: numbering, (≥**%) placeholders and sentence stops in the names)",
        "rows": [
            ("安置小区物业费", "个", "flow", "higher", {Y21: (">=", 8)}, None),
            ("完成开发区工委、管委下达的安置小区物业费清算任务,指导小区物业开展文明创建等工作", "", "qualitative", None,
             {Y21: Q}, None),
            ("按时保质完成开发区安置小区物业管理工作", "", "milestone", None, {Y21: ("due", "2021-12")}, None),
            ("项目总成本", "万元", "flow", "lower", {Y21: ("<=", 1125)}, None),
            ("清算8个安置小区本年度物业费和历史的遗留物业费", "%", "rate", "higher", {Y21: (">=", 95)}, None),
            ("改善安置小区群众生活质量,提升安置小区生活水平。助力全县文明城市创建", "", "qualitative", None, {Y21: Q}, None),
            ("优化安置小区生活环境,提高居民生活质量,营造安全舒适的居住环境", "", "qualitative", None, {Y21: Q}, None),
            ("持续提供人力物力保障,解决居民群众生产生活问题", "", "qualitative", None, {Y21: Q}, None),
            ("小区居民满意度", "%", "rate", "higher", {Y21: (">=", 90)}, None),
        ],
        "unread": [],
    },
    "xiuyu_shuili_quyu_2025.tsv": {
        "kind": "专项资金绩效目标表（分属地）", "year": None,
        "layout": "text-tab (run-together copy set out; 指标方向 column, one value column per 属地, units in brackets)",
        "rows": [
            ("省级财政专项资金投入成本控制率", "%", "rate", "lower", {Y25: ("<=", 100)}, None),
            ("开展修复工程", "个", "flow", "higher", {Y25: (">=", 1)}, None),
            ("已建工程是否存在质量问题", "", "milestone", None, {Y25: (None, 0)}, None),  # 是/否: 否 否
            ("截至2026年12月底,项目开展率", "%", "rate", "higher", {Y25: (">=", 100)}, None),
        ],
        "unread": [],
    },
    "longyan_zongjiao_quyu_2023.tsv": {
        "kind": "专项转移支付绩效目标表（分区域）", "year": None,
        "layout": "text-tab (run-together copy set out; allocation table first, 区域目标值 split over seven counties)",
        "rows": [
            # 2 3 1 2 2 2 2 over the seven counties: no single target; no unit written
            ("宗教管理经费补助县(市、区)数量", None, "flow", "higher", {}, None),
            ("项目资金使用合规性", "%", "rate", "higher", {Y23: (">=", 95)}, None),
        ],
        "unread": [],
    },
    "zhenjiang_saizhenzhu_2024.txt": {
        "kind": "项目绩效公开（半年/全年指标值）", "year": None,
        "layout": "text-lines (one cell per line, blank lines between, 半年(程) and 全年(程) value columns)",
        "rows": [
            ("立项程序规范性", "", "qualitative", None, {Y24: Q}, None),
            ("立项依据充分性", "", "qualitative", None, {Y24: Q}, None),
            ("绩效指标明确性", "", "qualitative", None, {Y24: Q}, None),
            ("绩效目标合理性", "", "qualitative", None, {Y24: Q}, None),
        ],
        "unread": [],
    },
    "fujian_taibao_2017.txt": {
        "kind": "财政支出项目绩效目标表（绩效标准/全年绩效目标）", "year": None,
        "layout": "text-space (目标1/目标2 cells before the name, 绩效标准 column before 全年绩效目标)",
        "rows": [
            ("发放省直困难、高龄台胞", "", "qualitative", None, {"2017": Q}, None),  # 按实际情况发放
            ("开展丰收节活动、夏令营活动、台胞技能培训、定居台胞困难大学生助学金", "%", "rate", "higher",
             {"2017": (">=", 100)}, None),
            ("困难台胞、高龄台胞困难补助受益", "人", "flow", "higher", {}, None),  # four counts in one cell
            ("争取台湾民心、增进乡情", None, "flow", "higher", {}, None),  # 1次、1次、2期 in one cell
        ],
        "unread": [],
    },
    "jishan_gongwei_ziping_2021.txt": {
        "kind": "项目支出绩效自评表", "year": None,
        "layout": "text-space (.xlsx copy run together, header and first rows scrambled, 指标N: numbering)",
        "rows": [
            ("居民健康档案", "人", "stock", "higher", {Y21: (">=", 38508)}, {Y21: None}),  # actual placed after 指标5
            ("发放健康教育资料", "种", "flow", "higher", {Y21: (">=", 12)}, {Y21: None}),  # 不少于12 种
            ("举办健康教育知识讲座", "次", "flow", "higher", {Y21: ERR}, {Y21: None}),
            ("举办健康教育宣传咨询活动", "次", "flow", "higher", {Y21: (">=", 12)}, {Y21: 96}),
            ("建立预防接种证", "人", "flow", "higher", {Y21: (">=", 221)}, {Y21: 221}),
            ("适龄儿童疫苗接种率", "%", "rate", "higher", {Y21: (">=", 100)}, {Y21: 97.3}),
            ("0-6岁儿童健康管理数", "人", None, "higher", {Y21: (">=", 2089)}, {Y21: 2089}),
            ("0-6岁儿童眼保健操覆盖数", "人", None, "higher", {Y21: (">=", 2089)}, {Y21: 2089}),
            ("新生入访视数", "人", "flow", "higher", {Y21: (">=", 214)}, {Y21: 214}),
            ("孕产妇7天访视数", "人", "flow", "higher", {Y21: (">=", 214)}, {Y21: 203}),
            ("孕产妇42天访视数", "人", "flow", "higher", {Y21: (">=", 214)}, {Y21: 203}),
            ("早孕建册数", "人", "flow", "higher", {Y21: (">=", 120)}, {Y21: 69}),
            ("老年人体检数", "人", "flow", "higher", {Y21: (">=", 5662)}, {Y21: 4044}),
            ("高血压规范管理数", "人", None, "higher", {Y21: (">=", 3807)}, {Y21: 3224}),
            ("高血压随访控制数", "人", None, "higher", {Y21: (">=", 3807)}, {Y21: 3220}),
            ("糖尿病规范管理数", "人", None, "higher", {Y21: (">=", 863)}, {Y21: 695}),
            ("糖尿病随访控制数", "人", None, "higher", {Y21: (">=", 863)}, {Y21: 683}),
            ("严重精神障碍患者管理数", "人", None, "higher", {Y21: (">=", 212)}, {Y21: 209}),
            ("肺结核健康规范管理数", "例", None, "higher", {Y21: (">=", 8)}, {Y21: 8}),
            ("老年人中医药规范管理数", "人", None, "higher", {Y21: (">=", 5662)}, {Y21: 4044}),
            ("0-36月龄中医药规范管理数", "人", None, "higher", {Y21: (">=", 1228)}, {Y21: 770}),
            # the name wraps ("报告 数"); its 14例 / 14例 follow 指标25's name; a report count has no clear direction
            ("传染病及突发公共卫生事件报告数", "例", "flow", None, {Y21: (None, 14)}, {Y21: 14}),
            # a 率 by name, counted in 人 by value: kind left open
            ("家庭医生签约率", "人", None, "higher", {Y21: (">=", 24694)}, {Y21: 22584}),
        ],
        "unread": ["举办健康教育知识讲座"],
    },
    "anxi_shuili_quyu_2022.txt": {
        "kind": "专项资金绩效目标表（分村）", "year": None,
        "layout": "text-lines (cell per line ending in |, one value column per village, unit in brackets)",
        "rows": [
            ("开展小型水利工程建设", "个", "flow", "higher", {Y22: (">=", 1)}, None),  # 1 in each of the seven columns
        ],
        "unread": [],
    },
    "linhe_jiuye_ziping_2022.txt": {
        "kind": "就业补助资金绩效目标自评表（转移支付）", "year": None,
        "layout": "text-space (.xlsx copy run together, 总体目标 and 完成情况 columns interleaved)",
        "rows": [
            # no unit written; the copy stops before the 实际完成值 cell
            ("享受社会保险补贴人员数量", None, "flow", "higher", {Y22: (">=", 4443)}, {Y22: None}),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
