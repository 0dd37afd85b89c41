"""Hand-checked readings of a held-out set, tests/tables/heldout11/: real published tables (education, health, civil
affairs, culture and sport, social security, public security, whole-department tables) from sources used nowhere else in
tests/tables/, written by reading each table, before the reader was run on it. ``make_expected()`` writes one
``<fixture>.expected.json`` beside each. The folder is not named ``heldout*`` so that ``bench/parse_tables.py`` does not
pick it up before its first measurement.

Same format and conventions as ``expected_corpus.py`` and the held-out sets 1 to 10 (their helpers are reused: ``Q`` a
qualitative target, ``("due", "2024-12")`` a deadline, ``None`` where only the office could know, a comparator of
``None`` when only the value is scored; a bare number reads as ``>=`` for a higher-is-better indicator and as ``<=`` for a
lower-is-better one; a subsidy standard with a bare value is a level with no direction, value only; a count of people
receiving a subsidy or a service has no kind; a period ``2019年1月-2019年12月`` is a deadline at its last month; a copy
cut off inside a row keeps the rows before the cut only). Also read this way here:

- 黄山 公安局: the value stands in brackets after the name (``指标1:机柜数量(≥77台)``); the name is what precedes the
  bracket and ``指标1:`` is numbering. ``<24小时`` / ``<1681680元`` are strict caps, ``("<", …)``. ``≥0.97比例`` keeps the
  unit as written (``比例``) and the value as a fraction, 0.97, not turned into 97%. 机柜数量 (cabinets rented, an
  existing count) is a stock; 维护及时性 in hours is a time taken: a level, lower.
- 医微客 基本公共卫生 list: one indicator a line with its target run on (``…接种率≥90%``). The notes after a target
  (``(2022:90%)``, ``(2022年:61%)``, ``(新增)``) are not part of the name and are not targets of this list (they give
  last year's figure for comparison): only the 2023 target is read. A line whose target is words run into the name
  (``…覆盖率较上年提高``, ``居民健康素养水平不断提高``) is qualitative and the whole line (less the note) is its name.
  The list names no year; it is read with 2023 (page of 2023-09-22, values set against 2022).
- 长庆初中: every 指标值 is a sentence. ``95%以上。`` is ``>= 95``; ``2021年12月底完成项目规划相关工作。`` is a deadline
  2021-12 (the project runs 2019-2021), read under the table's year 2019. 补贴数量 ``对学校2400平米体育场馆补贴5万元。``
  holds two numbers and which one the target is cannot be told: targets left empty, only the row is scored.
- 温泉 医保: ``补助资金及时到位100%`` in the value cell of 补助资金按时到期 is a 100% rate; ``589元/人`` is a subsidy
  standard (level, no direction).
- 衡阳 福利院 (traditional characters, names kept as written): 成本節約率 ``0%`` whose 评分标准 rewards ``0%以上`` is a
  rate, higher, ``>= 0``. 编外人员数量 ``153`` whose 评分标准 reads ``小于或等于155名`` is a cap (stock, lower,
  ``<= 153``: the 指标值 cell, not the scoring note, gives the value). Counts without a unit cell (开放日活动次数 1) keep
  unit ``None``. The empty 社会成本指标 / 生态环境成本指标 rows are not indicators.
- 汉阴 普惠金融 (创业担保贷款): the table says ``单位:元`` but its cells carry their own units (``4000万元``, ``≥2倍``);
  the cell's unit is read. 创业担保基金放大倍数 ``≥2倍`` is a level (a ratio at a point), higher.
- songxian.net.cn 基本公共卫生 公示: targets are sentences. ``达到90%`` and ``保持在90%以上`` both read ``>= 90``. A sentence
  giving one value to two measures (``3岁以下儿童系统管理率、0-6岁儿童健康管理率保持在85%以上``, ``…报告率分别达到95%以上``)
  is two indicators with that value; where ``分别`` shares a measure between named groups (高血压 / 2型糖尿病 患者
  ``规范管理率分别达到60%以上``, 中医药健康管理率 of 65岁及以上居民 / 0-36个月儿童) the name is the group plus the
  measure. A count or rate with a worded target (``管理人数稳步提高``, ``进一步提高档案使用率``) is qualitative; a
  sentence naming an action and no measure (``进一步加强流动儿童的接种工作``, ``对…患者增加随访次数``, ``将…患者…全部
  纳入管理``) is not an indicator, except item 13, which is the whole target of its number and is read as qualitative.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout11"

Y19, Y22, Y23, Y25 = "2019", "2022", "2023", "2025"


def _rate(name: str, year: str, value: float, cmp: str = ">=") -> tuple[Any, ...]:
    """A percentage target, higher is better, no actual."""
    return (name, "%", "rate", "higher", {year: (cmp, value)}, None)


def _qual(name: str, year: str) -> tuple[Any, ...]:
    """A worded target, no actual."""
    return (name, "", "qualitative", None, {year: Q}, None)


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "huangshan_gongan_xueliang_2025.txt": {
        "kind": "项目绩效目标和指标（部门项目公开）", "year": None,
        "layout": "text-lines (【一级-二级】 headings, 指标1:name(value) with the value in brackets, blank lines between)",
        "rows": [
            ("机柜数量", "台", "stock", "higher", {Y25: (">=", 77)}, None),
            ("视频监控在线率", "比例", "rate", "higher", {Y25: (">=", 0.97)}, None),
            ("维护及时性", "小时", "level", "lower", {Y25: ("<", 24)}, None),
            ("维护成本", "元", "flow", "lower", {Y25: ("<", 1681680)}, None),
            _qual("为全市经济发展保驾护航", Y25),
            _qual("服务保障民生", Y25),
            _qual("为生态环境保护提供支撑", Y25),
            _qual("持续保障社会发展", Y25),
            _rate("提升群众安全感", Y25, 90),
        ],
        "unread": [],
    },
    "ewitkey_jibengongwei_quyu_2023.txt": {
        "kind": "转移支付区域绩效目标（指标清单）", "year": Y23,
        "layout": "text-lines (numbered list, target run on after the name, last year's value or (新增) noted after)",
        "rows": [
            _rate("以乡镇(街道)为单位适龄儿童国家免疫规划疫苗接种率", Y23, 90),
            _rate("7岁以下儿童健康服务率", Y23, 90),
            _rate("0-6岁儿童眼保健和视力检查覆盖率", Y23, 90),
            _rate("孕产妇系统服务率", Y23, 90),
            _rate("3岁以下儿童系统服务率", Y23, 90),
            ("高血压患者管理人数", "万人", None, "higher", {Y23: (">=", 142)}, None),
            ("2型糖尿病患者管理人数", "万人", None, "higher", {Y23: (">=", 63)}, None),
            _rate("肺结核患者管理率", Y23, 90),
            _rate("社区在册居家严重精神障碍患者健康管理率", Y23, 95),  # (2022:90%) not read
            _rate("社区在册居家严重精神障碍患者健康体检率", Y23, 60),
            _rate("0-36个月儿童中医药健康管理率", Y23, 77),
            _rate("65岁及以上老年人中医药健康管理率", Y23, 70),
            _rate("卫生监督协管各专业年巡查(访)2次完成率", Y23, 90),
            _rate("职业健康检查服务覆盖率", Y23, 100),
            _rate("地方病防治工作任务完成率", Y23, 95),
            _qual("宫颈癌、乳腺癌筛查目标人群覆盖率较上年提高", Y23),
            _rate("居民规范化电子健康档案覆盖率", Y23, 62),
            _rate("高血压患者基层规范管理服务率", Y23, 76),
            _rate("2型糖尿病患者基层规范管理服务率", Y23, 76),
            _rate("65岁及以上老年人城乡社区规范健康管理服务率", Y23, 62),
            _rate("传染病和突发公共卫生事件报告率", Y23, 95),
            _rate("职业健康检查机构个案数据报送率", Y23, 90),
            _qual("城乡居民公共卫生差距不断缩小", Y23),
            _qual("居民健康素养水平不断提高", Y23),
            _qual("职工对职业病防治社会知晓率较上年提高", Y23),
            _qual("基本公共卫生服务水平不断提高", Y23),
            _qual("基本公共卫生服务对象满意度较上年提高", Y23),
            _rate("尘肺病康复患者满意度", Y23, 85),
            _rate("市级职业病防治技术支撑机构满意度", Y23, 90),
        ],
        "unread": [],
    },
    "changqing_chuzhong_tiyu_kaifang_2019.txt": {
        "kind": "自治区本级部门项目支出预算绩效目标表", "year": None,
        "layout": "text-pipe (one cell a line, 指标值 written as sentences, notice text first)",
        "rows": [
            _qual("成本控制", Y19),
            ("完成时限", "", "milestone", None, {Y19: ("due", "2021-12")}, None),
            ("补贴数量", None, None, None, {}, None),  # 2400平米 … 补贴5万元: two numbers, target unclear
            _qual("开放质量", Y19),
            _rate("学生及群众的满意率", Y19, 95),  # 95%以上。
            _qual("提升全民健康水平", Y19),
            _qual("发展全民健身运动", Y19),
        ],
        "unread": [],
    },
    "wenquan_yibao_canbao_2019.txt": {
        "kind": "部门预算项目支出绩效目标表", "year": None,
        "layout": "text-pipe (one cell a line, 指标值(包含数字及文字描述), copy stops after the 时效指标 row)",
        "rows": [
            ("基本医疗保险参保人数", "人", None, "higher", {Y19: (">=", 43230)}, None),
            _rate("城乡居民基本医疗参保率", Y19, 95),
            _rate("贫困人员参保率", Y19, 100),
            ("基本医疗保险财政补助标准", "元/人", "level", None, {Y19: (None, 589)}, None),
            _rate("补助资金按时到期", Y19, 100),  # 补助资金及时到位100%
            _qual("符合政策规定", Y19),  # 专项补助使用符合政策规定
            ("专项补助使用落实期限", "", "milestone", None, {Y19: ("due", "2019-12")}, None),
        ],
        "unread": [],
    },
    "hengyang_fuliyuan_zhengti_2025.tsv": {
        "kind": "整体支出绩效目标表", "year": None,
        "layout": "text-tab (run-together copy set out; traditional characters; 指标值类型 / 指标值 / 计量单位 / 评分标准)",
        "rows": [
            ("成本節約率", "%", "rate", "higher", {Y25: (">=", 0)}, None),
            ("開展開放日活動次數", None, "flow", "higher", {Y25: (">=", 1)}, None),
            ("開展全院安全排查次數", None, "flow", "higher", {Y25: (">=", 6)}, None),
            _rate("全院設施設備維修維護覆蓋率", Y25, 90),
            ("編外人員數量", None, "stock", "lower", {Y25: ("<=", 153)}, None),  # 评分: 小于或等于155名
            _rate("全院服務對象護理覆蓋率", Y25, 100, "="),
        ],
        "unread": [],
    },
    "hanyin_puhui_chuangye_daikuan_2022.txt": {
        "kind": "专项资金绩效目标表（转移支付，县级）", "year": None,
        "layout": "text-lines (one cell a line, notice text first, copy stops after the first 满意度 row)",
        "rows": [
            ("本年度创业担保贷款发放额", "万元", "flow", "higher", {Y22: (">=", 4000)}, None),
            _rate("创业担保贷款回收率", Y22, 90),
            _rate("资金足额拨付率", Y22, 100),
            _rate("地方配套资金到位率", Y22, 100),
            ("创业担保基金放大倍数", "倍", "level", "higher", {Y22: (">=", 2)}, None),
            _rate("金融机构网点覆盖率", Y22, 60),
            _rate("申报定向费用补贴金融机构满意度", Y22, 80),
        ],
        "unread": [],
    },
    "songxian_jibengongwei_gongshi_2019.txt": {
        "kind": "项目资金使用情况公示（目标任务，文字）", "year": None,
        "layout": "text-prose (13 numbered targets run together in one paragraph, 分别 shared values)",
        "rows": [
            _rate("城乡居民健康档案电子化建档率", Y19, 90),  # 达到90%
            _rate("规范化电子建档率", Y19, 75),
            _qual("档案使用率", Y19),  # 进一步提高
            _rate("适龄儿童国家免疫规划疫苗接种率", Y19, 90),
            _rate("3岁以下儿童系统管理率", Y19, 85),
            _rate("0-6岁儿童健康管理率", Y19, 85),
            _rate("孕产妇系统管理率", Y19, 85),
            _rate("早孕建册率", Y19, 85),
            _rate("产后访视率", Y19, 85),
            _rate("65岁以上老年人健康管理率", Y19, 67),
            _qual("高血压、2型糖尿病患者管理人数", Y19),  # 稳步提高
            _rate("高血压患者规范管理率", Y19, 60),  # 规范管理率分别达到60%以上
            _rate("2型糖尿病患者规范管理率", Y19, 60),
            _qual("严重精神障碍患者管理人数", Y19),  # 稳步提高
            _rate("严重精神障碍患者规范管理率", Y19, 75),
            _rate("65岁及以上居民中医药健康管理率", Y19, 45),  # 中医药健康管理率分别达到45%以上
            _rate("0-36个月儿童中医药健康管理率", Y19, 45),
            _rate("乡镇卫生院开展卫生监督协管服务的比例", Y19, 95),
            _rate("报告发现的结核病患者(包括耐多药患者)管理率", Y19, 90),
            _rate("传染病报告率", Y19, 95),  # 传染病、突发公共卫生事件报告率分别达到95%以上
            _rate("突发公共卫生事件报告率", Y19, 95),
            _rate("免费婚前保健率", Y19, 75),
            _qual("将签约服务工作纳入基本公共卫生服务项目管理", Y19),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
