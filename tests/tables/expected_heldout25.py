"""Hand-checked readings of a held-out set, tests/tables/heldout25/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Fields: science and technology bureaus, public security (traffic police, auxiliary police), youth / out-of-school
education, market regulation (standardisation). Every copy is a stored page excerpt; where it is cut the rows before the
cut are kept and the cut row is left out (same conventions as ``expected_corpus.py`` and the held-out sets before).

- 青山 科经局 科学技术研究与开发资金 申报表 (a cell a line, blank lines between): ``15`` beside 新增高新技术企业 has no unit
  in the table (``15家`` only in the 年度目标 text): unit ``None``. ``3年`` beside 高企资格有效 is the term of the status,
  neither a cap nor a floor: value scored only. ``企业所得税减按15%征收`` is a statement of the tax rule, not a target
  rate: qualitative. The 满意度 label is split around its row (``社会公众或服务`` above, ``对象满意度指标`` below): the
  lower half names no indicator.
- 宣城 科技局 文明创建、乡村振兴等项目支出 (安徽 template, a cell a line ending in |): the 中期 (2023年—2025年) and 年度
  halves hold different rows side by side (中期 ``报送招商信息线索 ≥60条`` against 年度 ``≥20条``); the 年度 half is read,
  keyed 2023. 防汛应急圩段 / 文明创建路段 / 定点帮扶村 ``≥1个`` are the posts the bureau is assigned: kind not known.
  The copy stops at the 年度 name ``联点共建`` before its value: left out.
- 大英 交警 项目绩效目标完成情况表 (|-separated, 预期 / 实际完成 指标值): the copy starts inside the first form, which has
  no title of its own; the second form is titled (2019 年度), so the file is read with ``--year 2019``. ``7万起`` is 7 in
  the unit 万起. ``312万元以内`` is a cap. The 满意度 row ``保证交通参与者投诉渠道申通,投诉率比上年下降`` with ``100%`` is a
  share achieved, not a complaint rate: value only, no direction. ``保障公务用车数量 8辆`` is the fleet kept running
  (like a staff count: value only). ``全年0事故`` is a cap at 0 accidents (no unit written). The second form is cut in its
  时效指标 row (``时``): nothing named.
- 丰都 公安 辅警人员经费 (a small 绩效目标 table inside a 自评工作报告, a cell a line ending in |; 指标名称 | 计量单位 |
  指标性质 | 指标值): ``= 512`` 人 is the staff count, comparator ``=`` as written, no direction; 定性 rows qualitative.
  The table holds targets only (no 完成值), so no actuals. Year from the report's title (2022年度).
- 南岳 青少年校外活动中心 申报表 (|-separated Excel copy): ``≥14人`` teachers is a staff count (kind not known, the ≥
  gives the direction). The copy stops in the 资金到位率 row before its value: left out.
- 莆田 市场监管 标准化工作专项补助经费 自评报告: no grid; each indicator is a sentence ``名称(单位),目标值N,完成值N,
  分值N,得分N。`` under 成本 / 产出 / 效益 headings (成本 first). The unit in brackets is not part of the name. The
  subsidy paid (``获得补助金额(万元) 200``) stands under 经济成本指标: read as a cap. Year from the title (2024年度), not
  from the 2023年度 funds the body mentions. The copy stops at the heading ``3、``: nothing named.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout25"
Y19, Y20, Y21, Y22, Y23, Y24 = "2019", "2020", "2021", "2022", "2023", "2024"


def _rate(name: str, year: str, value: float, actual: float | None = None) -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (">=", value)}, None if actual is None else {year: actual})


def _count(name: str, unit: str, year: str, value: float, actual: float | None = None) -> tuple[Any, ...]:
    return (name, unit, "flow", "higher", {year: (">=", value)}, None if actual is None else {year: actual})


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "qingshan_kejing_keji_yanfa_shenbao_2021.txt": {
        "kind": "部门预算部门专项(绩效目标)申报表", "year": None,
        "layout": "text-lines (one cell a line, blank lines between; index lines above; 满意度 label split around its row)",
        "rows": [
            ("新增高新技术企业", None, "flow", "higher", {Y21: (">=", 15)}, None),  # 家 only in the goal text
            _rate("扶持标准达标率", Y21, 100),
            ("高企资格有效", "年", None, None, {Y21: (None, 3)}, None),  # a term, value only
            ("减税降费", "", "qualitative", None, {Y21: Q}, None),  # 企业所得税减按15%征收
            ("企业竞争力", "", "qualitative", None, {Y21: Q}, None),  # 增强
            ("优化创新创业环境", "", "qualitative", None, {Y21: Q}, None),  # 优化
            ("长效管理机制健全性", "", "qualitative", None, {Y21: Q}, None),  # 健全
            _rate("政策满意度", Y21, 90),
        ],
        "unread": [],
    },
    "xuancheng_kejiju_zhaoshang_wenming_mubiao_2023.txt": {
        "kind": "项目支出绩效目标表", "year": None,
        "layout": "text-lines (one cell a line ending in |, 中期 and 年度 halves side by side with different rows, "
                  "vertical labels cut to one character, copy stops after a name)",
        "rows": [
            _count("开展招商活动", "次", Y23, 5),
            ("防汛应急圩段", "个", None, "higher", {Y23: (">=", 1)}, None),
            _count("报送招商信息线索", "条", Y23, 20),
            ("文明创建路段", "个", None, "higher", {Y23: (">=", 1)}, None),
            ("定点帮扶村", "个", None, "higher", {Y23: (">=", 1)}, None),
        ],
        "unread": [],
    },
    "daying_jiaojing_zhifa_ziping_2019.txt": {
        "kind": "项目绩效目标完成情况表", "year": Y19,
        "layout": "text-pipe (starts inside a form with no title; 预期 / 实际完成 指标值 columns; a row wrapped; "
                  "a second form below, cut in a row)",
        "rows": [
            _count("查处各类交通违法行为", "万起", Y19, 7, 7.07),
            _count("查处国省道6类重点违法行为", "起", Y19, 3000, 3530),
            _rate("规定时间内完成目标任务百分比", Y19, 100, 100),
            ("道路交通执法经费", "万元", "flow", "lower", {Y19: ("<=", 312)}, {Y19: 312}),  # 312万元以内
            _rate("保障人民生命财产安全、促进道路交通平安畅通、降低交通事故发生率、维护社会和谐与稳定", Y19, 100, 100),
            ("保证交通参与者投诉渠道申通,投诉率比上年下降", "%", "rate", None, {Y19: (None, 100)}, {Y19: 100}),
            ("保障公务用车数量", "辆", None, None, {Y19: (None, 8)}, {Y19: 8}),  # fleet kept: value only
            ("实现车辆制度化、规范化管理,提高车辆使用效率,保证行车安全,预防事故发生", None, "flow", "lower",
             {Y19: ("<=", 0)}, {Y19: 0}),  # 全年0事故
        ],
        "unread": [],
    },
    "fengdu_gongan_fujing_mubiao_2022.txt": {
        "kind": "绩效自评工作报告（三）绩效目标", "year": None,
        "layout": "text-lines (index block and prose above; a cell a line ending in |; 指标名称 | 计量单位 | 指标性质 | "
                  "指标值, no level columns)",
        "rows": [
            ("辅警人员", "人", None, None, {Y22: ("=", 512)}, None),  # staff count, = as written
            ("项目持续期", "", "qualitative", None, {Y22: Q}, None),  # 基本建立
            ("项目成本概算", "万元", "flow", "lower", {Y22: ("<=", 3584)}, None),
            _count("节约多招录正式民警资金支出", "万元", Y22, 1500),
            ("促进社会和谐稳定", "", "qualitative", None, {Y22: Q}, None),  # 好
            _rate("受益对象满意度", Y22, 95),
        ],
        "unread": [],
    },
    "nanyue_qingshaonian_xiaowai_shenbao_2020.txt": {
        "kind": "专项资金预算绩效目标申报表", "year": None,
        "layout": "text-pipe (Excel copy, runs of empty cells, merged labels once; copy stops in a row before its value)",
        "rows": [
            _count("开放功能室", "次", Y20, 80),
            ("培训班教师人数", "人", None, "higher", {Y20: (">=", 14)}, None),  # staff count
            _count("送课下乡", "次", Y20, 4),
            _count("参加培训班学生数", "人", Y20, 930),
            _rate("全区覆盖率", Y20, 95),
            _rate("活动参与率", Y20, 95),
            _rate("工作完成及时率", Y20, 100),
        ],
        "unread": [],
    },
    "putian_shichang_biaozhunhua_ziping_2024.txt": {
        "kind": "市级预算项目绩效自评报告", "year": None,
        "layout": "text-prose (no grid: one numbered sentence an indicator, 目标值 / 完成值 / 分值 / 得分 in words; "
                  "成本 heading before 产出)",
        "rows": [
            ("获得补助企事业单位获得补助金额", "万元", "flow", "lower", {Y24: ("<=", 200)}, {Y24: 200}),  # 经济成本指标
            _count("主导制修订国家标准的项目数量", "项", Y24, 2, 2),
            _count("主导制修订行业标准项目数量", "项", Y24, 5, 5),
            _count("参与制修订国家标准项目数量", "项", Y24, 2, 2),
            _count("获得标准化工作项目补助奖励的单位数量", "家", Y24, 17, 17),
            _count("主导制修订项目数量", "项", Y24, 7, 7),
            _rate("项目完成及时率", Y24, 90, 100),
            _count("标准文本宣传和解读", "份", Y24, 300, 350),
            _count("奖励制修订标准项目", "项", Y24, 4, 24),
            _count("强化社会公众的标准化意识", "人", Y24, 2200, 2500),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
