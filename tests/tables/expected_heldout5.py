"""Hand-checked readings of a fifth held-out set, tests/tables/heldout5/: real published tables from sources used nowhere
else in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each; ``bench/parse_tables.py`` scores them as the "heldout5" block (kept outside
the bench, as ``unseen5``, until its first measurement).

Same format and conventions as ``expected_corpus.py`` and the held-out sets 1 to 4 (their helpers are reused; a 是/否
target is ``("=", 1)`` / ``("=", 0)`` as in held-out 4; a placeholder such as ``(≥**人)`` and a unit in brackets after
the name are not part of the name, the bracketed unit being the unit, as in held-out 3). Also read this way here:

- ★ marks and a leading ``其中:`` before a name are not part of it (as ``指标1:`` numbering is not); a qualifier such as
  ``(按月平均)`` is. Text after ``——`` that restates the target (濉溪: ``——一户年最高5300元``) is not part of the name.
- Where the placeholder's unit and the value's unit differ (``(≥**元/人·月)`` against ``>=530元/人*月``), the
  placeholder's unit is taken.
- Counts of people given as a monthly average (``…人数(按月平均)``) and counts of staff paid (``保障在职职工人数``) have no
  kind: neither a year's sum nor a count at one date. Staff counts have no direction either.
- A comparator column (浮梁 ``计算符号``: ``=`` / ``≥``) gives the comparator.
- A value cut off by the end of the copy (濉溪 ``>=9`` for 受助对象满意度) is ``ERR`` and listed in ``unread``; rows the
  copy does not reach are left out.
- A row stating that the indicator does not apply (金安: ``本项目不适用此指标`` / ``无``) is not an indicator; a name
  cell wrapped over two lines is one name; a name that occurs in two blocks (石嘴山) is two indicators.
- A 成本指标 row holding an investment with a ``≥`` placeholder (原州 ``项目总投入(≥**万元)`` 6070) has its value scored
  only: ≥ as written, ≤ as a cost.
- ``2023年底`` in a 2022 table is a deadline at 2023-12, kept under the table's year.
- A table that names no year (浮梁) is read with the year its page's tabs name (2026) given as ``year``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import ERR, Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout5"

Y19, Y20, Y21, Y22, Y25, Y26 = "2019", "2020", "2021", "2022", "2025", "2026"


def _pct(name: str, year: str, value: float, actual: float | None = None, with_actual: bool = False) -> tuple:
    """A ``≥ value %`` rate row (the commonest row of these tables)."""
    return (name, "%", "rate", "higher", {year: (">=", value)}, {year: actual} if with_actual else None)


def _built(name: str, unit: str, value: float) -> tuple:
    """A 昌宁 row: built or bought this year, ``≥`` from the placeholder, completed as planned."""
    return (name, unit, "flow", "higher", {Y22: (">=", value)}, {Y22: value})


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "shizuishan_yimiao_pifu_2020.txt": {
        "kind": "项目绩效目标批复表", "year": None,
        "layout": "text-lines (one cell per line, blank lines between, levels indented, (必填) after level labels)",
        "rows": [
            _pct("按照辖区内社区卫生服务机构计划进行采购后,以采购价提供给各社区卫生服务机构", Y20, 100),
            _pct("按照物价部门定价标准采购", Y20, 100),
            _pct("疫苗提供及时率", Y20, 100),
            _pct("对美沙酮维持患者及时给予治疗", Y20, 100),
            _pct("疫苗使用率", Y20, 100),
            _pct("满足海洛因成瘾患者维持治疗需求", Y20, 100),  # 数量指标
            _pct("质量符合国家标准,有国家颁发的批签发等相关证明文件", Y20, 100),
            _pct("美沙酮药物治疗符合国家相关标准", Y20, 100),
            _pct("服务对象满意度", Y20, 100),
            _pct("通过注射疫苗,可以有效降低疫苗针对传染病的发生", Y20, 40),
            _pct("通过美沙酮药物维持治疗可以有效地降低艾滋病在吸毒人群中传播,减少毒品的使用", Y20, 90),
            _pct("满足辖区居民对常用疫苗的需求", Y20, 100),
            _pct("满足海洛因成瘾患者维持治疗需求", Y20, 100),  # again, under 社会效益指标
        ],
        "unread": [],
    },
    "huaibei_songxi_2025.txt": {
        "kind": "项目支出绩效目标表", "year": None,
        "layout": "text-pipe (one cell per line, units in the values, 是/否 and worded targets, month deadline)",
        "rows": [
            ("开展送戏进万村", "村", "flow", "higher", {Y25: (">=", 70)}, None),
            _pct("送戏进万村活动完成率", Y25, 95),
            ("项目完成时限", "", "milestone", None, {Y25: ("due", "2025-12")}, None),
            ("项目金额", "万元", "flow", "lower", {Y25: ("<=", 5)}, None),
            ("项目实施是否产生经济价值", "", "milestone", None, {Y25: ("=", 0)}, None),  # 否
            ("保障人民群众基本文化权益", "", "qualitative", None, {Y25: Q}, None),  # 影响程度明显
            ("是否对当地生态环境造成影响", "", "milestone", None, {Y25: ("=", 0)}, None),  # 否
            ("对满足人民群众日益提高的文化需求的可持续影响", "", "qualitative", None, {Y25: Q}, None),  # 长期
            _pct("项目受益人满意程度", Y25, 90),
        ],
        "unread": [],
    },
    "changning_shengzhu_ziping_2022.txt": {
        "kind": "项目支出绩效自评表", "year": None,
        "layout": "text-lines (cell per line, ten blank lines between rows, units only in (≥**平方米) placeholders)",
        "rows": [
            _built("公猪舍", "平方米", 22.8),
            _built("母猪、保育猪舍", "平方米", 180),
            _built("育肥猪舍", "平方米", 180),
            _built("周转猪舍", "平方米", 180),
            _built("隔离舍", "平方米", 54),
            _built("仓库", "平方米", 104),
            _built("管理用房及消通道", "平方米", 76.44),
            _built("化粪池", "立方米", 63),
            _built("堆粪房", "平方米", 29.6),
            _built("消毒池", "平方米", 14),
            _built("排污沟", "米", 50),  # (≥米)
            _built("场地硬化", "平方米", 230),
            _built("粉碎拌合机(11kw)", "台", 1),
            _built("产床(全复合双体产床)", "套", 2),
            _built("保育栏", "套", 4),
            _built("消毒机", "台", 1),
            _built("冲洗机", "台", 1),
            _built("种公猪", "头", 2),
            _built("种母猪", "头", 20),  # the copy stops after its 实际完成值
        ],
        "unread": [],
    },
    "hbust_jiangzhuxuejin_ziping_2021.txt": {
        "kind": "项目自评结果（目标值 / 实际完成值）", "year": None,
        "layout": "text-pipe (prose around the table, cell per line, 一级/二级 repeated on every row)",
        "rows": [
            _pct("奖助政策学生知晓率", Y21, 100, 100, True),
            _pct("受资助本专科困难学生覆盖率", Y21, 99, 99, True),
            _pct("退役士兵考入高校应助学生享受资助比例", Y21, 100, 100, True),
            _pct("高校学生应征入伍应受助学生享受资助比例", Y21, 100, 100, True),
            ("受资助本专科学生人数", None, "flow", "higher", {Y21: (">=", 14726)}, {Y21: 15935}),  # no unit given
            _pct("国家奖学金按标准发放率", Y21, 100, 100, True),
            ("评审程序是否客观公正", "", "milestone", None, {Y21: ("=", 1)}, {Y21: 1}),  # 是 / 是
            _pct("家庭经济困难学生完成学业率", Y21, 100, 100, True),
            _pct("资助学生满意度", Y21, 95, 95, True),
        ],
        "unread": [],
    },
    "suixi_linshijiuzhu_ziping_2019.txt": {
        "kind": "绩效目标自评表", "year": None,
        "layout": "text-pipe (cell per line, 分值 before the value, ★ marks, (≥**人) placeholders, units in values)",
        "rows": [
            ("农村低保发放人数(按月平均)", "人", None, "higher", {Y19: (">=", 21933)}, {Y19: 21980}),
            ("农村低保对象中建档立卡贫困人口数量(按月平均)", "人", None, "higher", {Y19: (">=", 9431)}, {Y19: 9453}),
            ("建档立卡贫困人口中接受临时救助的人次数", "人次", "flow", "higher", {Y19: (">=", 59)}, {Y19: 87}),
            ("特困人员救助供养人数(按月平均)", "人", None, "higher", {Y19: (">=", 4754)}, {Y19: 4604}),
            ("扶贫临时救助人数(按月平均)", "人", None, "higher", {Y19: (">=", 7)}, {Y19: 7}),
            ("农村低保标准", "元/人·月", "level", "higher", {Y19: (">=", 530)}, {Y19: 583}),
            ("农村特困人员救助供养基本生活标准", "元/人·月", "level", "higher", {Y19: (">=", 570)}, {Y19: 758}),
            ("扶贫临时救助标准", "元/户·年", "level", "lower", {Y19: ("<=", 5300)}, {Y19: 5830}),
            ("受益建档立卡贫困人口数", "人", "flow", "higher", {Y19: (">=", 80)}, {Y19: 87}),  # ≥**人 without brackets
            ("受助对象满意度", "%", "rate", "higher", {Y19: ERR}, {Y19: None}),  # the copy stops at ">=9"
        ],
        "unread": ["受助对象满意度"],
    },
    "fuliang_linye_zhengti_2026.txt": {
        "kind": "部门整体绩效目标", "year": 2026,
        "layout": "text-pipe (markdown rows, 计算符号 / 目标值 / 度量单位 columns, unit also in brackets, no year)",
        "rows": [
            ("保障在职职工人数", "人", None, None, {Y26: ("=", 116)}, None),
            ("保障退休职工人数", "人", None, None, {Y26: ("=", 81)}, None),
            ("保障遗属人数", "人", None, None, {Y26: ("=", 13)}, None),
            ("林木采伐监管", "万立方米", None, None, {Y26: ("=", 6)}, None),  # a quota or work done: the office's call
            ("野生动植物保护、防火面积", "万亩", None, "higher", {Y26: ("=", 320)}, None),
            ("湿地保有量", "公顷", "stock", "higher", {Y26: ("=", 4900)}, None),
            ("林业产业", "万亩", None, "higher", {Y26: ("=", 0.5)}, None),
            ("签订野生动物致害保险", "单", "flow", "higher", {Y26: ("=", 1)}, None),
            ("向各类新闻媒体完成林业新闻信息投稿数", "篇", "flow", "higher", {Y26: ("=", 30)}, None),
            ("林业微信公众号完成新闻宣传", "篇", "flow", "higher", {Y26: ("=", 50)}, None),
            ("制作宣传横幅、公益宣传牌等", "年", None, "higher", {Y26: ("=", 1)}, None),
            ("自然保护区负氧离子监测点", "个", None, "higher", {Y26: ("=", 4)}, None),  # existing or new: not said
            ("工资发放准确性", "%", "rate", "higher", {Y26: (">=", 95)}, None),
        ],
        "unread": [],
    },
    "liuan_jinan_wangqiu_2025.txt": {
        "kind": "项目支出绩效目标表", "year": None,
        "layout": "text-pipe (cell per line, wrapped cells, worded targets, a second table's head after the first)",
        "rows": [
            ("开展运动种类", "种", "flow", "higher", {Y25: (">=", 1)}, None),
            ("打造品牌赛事种类", "种", "flow", "higher", {Y25: (">=", 1)}, None),
            _pct("经费支出合规率", Y25, 100),
            _pct("赛事完成率", Y25, 100),
            ("完成时间", "", "milestone", None, {Y25: ("due", "2025-12")}, None),  # 2025年年底前
            ("项目总成本", "万元", "flow", "lower", {Y25: ("<=", 1000)}, None),
            ("提升六安城市知名度和美誉度,推动体育消费、“网球+”产业深度融合", "", "qualitative", None, {Y25: Q}, None),
            ("打造金安国际网球公开赛等系列品牌赛事,提升六安城市的知名度和美誉度", "", "qualitative", None,
             {Y25: Q}, None),
            ("打造金安国际网球公开赛等系列品牌赛事", "", "qualitative", None, {Y25: Q}, None),  # wrapped cell
            _pct("群众满意度", Y25, 95),
        ],
        "unread": [],
    },
    "yuanzhou_hanyanglin_2022.txt": {
        "kind": "项目支出绩效目标申报表", "year": None,
        "layout": "text-pipe (one form row per line, (必填)/(选填) after levels, units in brackets, worded rows)",
        "rows": [
            ("实施营造林总面积", "亩", "flow", "higher", {Y22: (">=", 80000)}, None),
            ("实施新造林总面积", "亩", "flow", "higher", {Y22: (">=", 30000)}, None),  # 其中:
            ("实施未成林抚育提升及退化林改造总面积", "亩", "flow", "higher", {Y22: (">=", 50000)}, None),
            ("修建作业道长度", "公里", "flow", "higher", {Y22: (">=", 30)}, None),
            _pct("苗木成活率", Y22, 85),
            ("项目完成时间", "", "milestone", None, {Y22: ("due", "2023-12")}, None),  # 2023年底
            ("项目总投入", "万元", "flow", None, {Y22: (None, 6070)}, None),  # 成本指标 with a ≥ placeholder
            ("增加就业机会,提高农民收入", "", "qualitative", None, {Y22: Q}, None),  # value cell blank
            ("受益人数", "人", "flow", "higher", {Y22: (">=", 132)}, None),
            ("提高森林覆盖率,促进生物多样性保护", "", "qualitative", None, {Y22: Q}, None),
            ("提高森林生态系统服务功能,显著改善项目区及周边地区的生态环境", "", "qualitative", None, {Y22: Q}, None),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
