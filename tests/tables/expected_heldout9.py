"""Hand-checked readings of a ninth held-out set, tests/tables/heldout9/: real published tables from sources used nowhere
else in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each. The folder is not named ``heldout*`` so that ``bench/parse_tables.py`` does not
pick it up before its first measurement.

Same format and conventions as ``expected_corpus.py`` and the held-out sets 1 to 7 (their helpers are reused: ``Q`` a
qualitative target, ``("due", "2021-12")`` a deadline, ``ERR`` a cell nobody can read, ``None`` where only the office
could know, a comparator of ``None`` when only the value is scored; a bare number reads as ``>=`` for a higher-is-better
indicator and as ``<=`` for a cost or a rate where lower is better; ``指标1:`` / ``指标1.`` numbering and a unit in
brackets after the name (``租车次数(次)``) are not part of the name, a qualifier in brackets (``(转发)``) is; a row whose
value cell holds words only is qualitative, its worded actual ``None``). Also read this way here:

- A 指标性质 column with 正向 / 反向 / 定性 and an 指标方向 column with 大于等于 / 小于等于 / 等于 (扎赉特 检察院,
  甘其毛都) give the direction and the comparator. Where they disagree (甘其毛都 宣传美工制作个数: 正向 with 小于等于 1),
  the comparator is kept as written and the direction left ``None``. A count the table marks 反向 / 小于等于 (扎赉特
  车辆采购数量 ``1``) is a flow with direction lower.
- A name cell is kept as written even where it runs into a word of the next column (扎赉特 ``提升工作效率定性``, whose
  指标性质 is again 定性) or stops short on the page itself (安居 ``开展食品安全宣传周等科普宣传活``).
- ``百分比`` written after a number (河北区法院 ``≥98百分比``) is the unit ``%``. ``大于90%`` is ``(">", 90)``;
  ``90%以上`` / ``95%以上`` read as ``>=``.
- ``11月底之前`` is a deadline in November of the table's year; ``2021年底`` / ``2021年12月31日`` / ``完成时间为2022年12月
  30日`` deadlines in that December.
- A count of incidents at ``0次`` (安居 责任事故发生数) is a cap at 0 (lower is better); so is a bare ``0`` on a 比例 of
  failing projects (舒城 超规模…项目比例), whose unit is not written.
- A time taken (舒城 投资计划分解(转发)用时 ``≤20工作日``) is a ``level`` with direction lower.
- A count of staff hired (河北区法院 聘用调解员人数 ``1人``), of firms under supervision (遂宁 …监管企业数) and of pupils
  funded (湘西 补助学生数量 ``168``) has no kind: neither a year's sum nor a count at one date is clear; the staff count
  has no direction either (value scored only).
- Reports per million people (遂宁 …不良反应每百万人口报告数) and hours per person trained are ``level``, higher.
- A subsidy standard whose scoring rule deducts for paying less (湘西 学生补助标准 ``17元/人.每天``, ``每少1元扣1分``) is
  not a cap: its value is scored only, with no direction.
- A row holding a name and no value (遂宁 不合格产品处置率, …抽验平均标准) is an indicator with ``targets`` empty.
- A worded target with a numeric actual (裕安 项目成本控制在预算内: ``本着节约的原则,控制在预算中。`` / ``100%``) is
  qualitative with the actual kept as its number.
- A table that names no year is read with the year it was filed for, given as ``year``: 扎赉特 (published 2025-02 with
  the 2025 budget) 2025; 安居 (a 自评表 published 2022-08, its 时效 row due 2021-12) 2021.
- A copy cut off inside a row keeps the rows before the cut only; the cut row (扎赉特 ``一审案件改``, 安居 ``指标1:技``,
  遂宁 ``“两品一械”总体安全``) is left out.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout9"

Y21, Y22, Y23, Y24, Y25 = "2021", "2022", "2023", "2024", "2025"

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "shucheng_yigongdaizhen_2023.txt": {
        "kind": "中央预算内投资计划绩效目标表（以工代赈）", "year": None,
        "layout": "text-lines (one cell a line, blank and space-only lines, 实施效果 / 过程管理 blocks)",
        "rows": [
            ("劳务报酬占中央投资比例", "%", "rate", "higher", {Y23: (">=", 32.68)}, None),
            ("项目区农村基础设施条件", "", "qualitative", None, {Y23: Q}, None),  # 持续改善
            ("参与工程建设的贫困群众满意度", "%", "rate", "higher", {Y23: (">=", 90)}, None),
            ("投资计划分解(转发)用时", "工作日", "level", "lower", {Y23: ("<=", 20)}, None),
            ('"两个责任"按项目落实到位率', "%", "rate", "higher", {Y23: (">=", 100)}, None),
            ("中央预算内投资支付率", "%", "rate", "higher", {Y23: (">=", 95)}, None),
            ("年度计划投资完成率", "%", "rate", "higher", {Y23: (">=", 95)}, None),
            ("项目开工率", "%", "rate", "higher", {Y23: (">=", 95)}, None),
            ("超规模、超标准、超概算项目比例", None, "rate", "lower", {Y23: ("<=", 0)}, None),  # bare 0
            ("审计、督查、巡视等指出问题项目比例", "%", "rate", "lower", {Y23: ("<=", 1)}, None),
        ],
        "unread": [],
    },
    "zhalaite_jianchayuan_xiangmu_2025.txt": {
        "kind": "项目绩效目标表（部门预算，两个项目）", "year": 2025,
        "layout": "text-space (one row a line, 指标性质 / 指标方向 / 目标值 / 计量单位 / 分值 columns, 定性 values on own lines)",
        "rows": [
            ("使用人员满意度", "%", "rate", "higher", {Y25: (">=", 98)}, None),
            ("推动人民检察院业务装备建设的标准化规范化配置", "", "qualitative", None, {Y25: Q}, None),  # 定性 长期
            ("提升工作效率定性", "", "qualitative", None, {Y25: Q}, None),  # name cell as written; 定性 有效提升
            ("车辆购置成本", "万元", "flow", "lower", {Y25: ("<=", 12)}, None),
            ("政府采购率", "%", "rate", "higher", {Y25: (">=", 30)}, None),
            ("办公设备购置成本", "万元", "flow", "lower", {Y25: ("<=", 90)}, None),
            ("车辆采购数量", None, "flow", "lower", {Y25: ("<=", 1)}, None),  # 反向 小于等于 1, no unit
            ("设备验收合格率", "%", "rate", "higher", {Y25: ("=", 100)}, None),
            ("采购计划完成时间", "", "milestone", None, {Y25: ("due", "2025-11")}, None),  # 11月底之前
            ("设备验收及时率", "%", "rate", "higher", {Y25: (">=", 98)}, None),
            ("办公设备采购数量", None, "flow", "higher", {Y25: (">=", 10)}, None),
            ("法定审限内结案率", "%", "rate", "higher", {Y25: (">=", 95)}, None),
            ("年度结案率", "%", "rate", "higher", {Y25: (">=", 90)}, None),
            ("办结案件数量", None, "flow", "higher", {Y25: (">=", 70)}, None),
            ("案件办理及时率", "%", "rate", "higher", {Y25: (">=", 90)}, None),
        ],
        "unread": [],
    },
    "anju_shipin_jianguan_ziping_2021.txt": {
        "kind": "区域绩效目标自评表（食品监管补助资金）", "year": 2021,
        "layout": "text-lines (one cell a line, 指标N: numbering, 年度指标值 / 实际完成指标值 / 分值, copy stops in a row)",
        "rows": [
            ("食品安全监管人员培训", "", "qualitative", None, {Y21: Q}, {Y21: None}),  # 已完成 / 已完成
            ("违法案件查办率", "%", "rate", "higher", {Y21: (">=", 100)}, {Y21: 100}),
            ("食品经营环节风险分级", "%", "rate", "higher", {Y21: (">=", 100)}, {Y21: 100}),
            ("开展食品安全宣传周等科普宣传活", "", "qualitative", None, {Y21: Q}, {Y21: None}),  # name short on the page
            ("进口冷链食品新冠肺炎疫情应急处置示范演练", "", "qualitative", None, {Y21: Q}, {Y21: None}),
            ("食品安全投诉举报处置率", "%", "rate", "higher", {Y21: (">=", 100)}, {Y21: 100}),
            ("食品监管专项工作整体完成时间", "", "milestone", None, {Y21: ("due", "2021-12")}, {Y21: None}),
            ("辖区内与补助资金相关的重大食品安全监管责任事故发生数", "次", "flow", "lower", {Y21: ("<=", 0)}, {Y21: 0}),
            ("辖区内公众食品安全科普知识素养", "", "qualitative", None, {Y21: Q}, {Y21: None}),  # 逐步提高
        ],
        "unread": [],
    },
    "hebei_fayuan_xiangmu_2023.txt": {
        "kind": "项目支出绩效目标表（中央政法转移支付，两个项目）", "year": None,
        "layout": "text-pipe (one block a project, 绩效指标描述 column repeating the name, ``≥98百分比``)",
        "rows": [
            ("维修面积", "平方米", "flow", "higher", {Y23: (">=", 400)}, None),
            ("验收合格率", "%", "rate", "higher", {Y23: (">=", 98)}, None),
            ("资金支付及时率", "%", "rate", "higher", {Y23: (">=", 100)}, None),
            ("项目成本", "万元", "flow", "lower", {Y23: ("<=", 20)}, None),
            ("消除安全隐患", "", "qualitative", None, {Y23: Q}, None),  # 持续影响
            ("干警满意度", "%", "rate", "higher", {Y23: (">=", 95)}, None),
            ("聘用调解员人数", "人", None, None, {Y23: (None, 1)}, None),  # staff hired: value only
            ("陪审员参审案件数量", "件", "flow", "higher", {Y23: (">=", 900)}, None),
            ("案件调解率", "%", "rate", "higher", {Y23: (">=", 90)}, None),
            ("补助发放及时率", "%", "rate", "higher", {Y23: (">=", 100)}, None),
            ("参审案件补助", "元", "level", "lower", {Y23: ("<=", 100)}, None),  # per case heard
        ],
        "unread": [],
    },
    "yuan_wenwu_baohu_ziping_2022.txt": {
        "kind": "项目支出绩效自评表（市级文物保护专项经费）", "year": None,
        "layout": "text-space (space-separated cells, header wrapped over two lines, worded values, 分值 / 得分 after each)",
        "rows": [
            ("修缮建筑数量", "", "qualitative", None, {Y22: Q}, {Y22: None}),  # a list of works as target and actual
            ("修缮建筑面积", "平方米", "flow", "higher", {Y22: (">=", 6000)}, {Y22: 6000}),
            ("修缮级别", "", "qualitative", None, {Y22: Q}, {Y22: None}),  # 市级保护单位
            ("验收通过率", "%", "rate", "higher", {Y22: (">=", 100)}, {Y22: 95}),
            ("工程质量管理", "%", "rate", "higher", {Y22: (">=", 95)}, {Y22: 98}),
            ("文明施工", "%", "rate", "higher", {Y22: (">=", 95)}, {Y22: 97}),
            ("项目设计、招标、施工", "", "milestone", None, {Y22: ("due", "2022-12")}, {Y22: None}),
            ("项目成本控制在预算内", "", "qualitative", None, {Y22: Q}, {Y22: 100}),  # sentence target, 100% actual
            ("文物本体安全、体现文物价值,提升知名度", "", "qualitative", None, {Y22: Q}, {Y22: None}),
        ],
        "unread": [],
    },
    "suining_jingkai_liangpin_ziping_2021.txt": {
        "kind": "中央对地方专项转移支付区域绩效目标自评表（两品一械）", "year": None,
        "layout": "text-space (one row a line, 指标N. numbering, 指标值 then 完成值, rows with no value, copy stops in a row)",
        "rows": [
            ("药品抽验品种", None, "flow", "higher", {Y21: (">=", 3)}, {Y21: 4}),
            ("化妆品抽验批次", None, "flow", "higher", {Y21: (">=", 3)}, {Y21: 7}),
            ("医疗器械抽验批次", None, "flow", "higher", {Y21: (">=", 2)}, {Y21: 3}),
            ("药品监管企业数", None, None, "higher", {Y21: (">=", 124)}, {Y21: 253}),
            ("化妆品监管企业数", None, None, "higher", {Y21: (">=", 290)}, {Y21: 311}),
            ("医疗器械监管企业数", None, None, "higher", {Y21: (">=", 21)}, {Y21: 85}),
            ("药品监管人员人均培训学时", None, "level", "higher", {Y21: (">=", 90)}, {Y21: 96}),
            ("药品抽检完成率", "%", "rate", "higher", {Y21: (">=", 100)}, {Y21: 100}),
            ("化妆品抽验完成率", "%", "rate", "higher", {Y21: (">=", 100)}, {Y21: 100}),
            ("医疗器械抽验完成率", "%", "rate", "higher", {Y21: (">=", 100)}, {Y21: 100}),
            ("不合格产品处置率", None, "rate", "higher", {}, {Y21: None}),  # no value in the table
            ("药品不良反应每百万人口报告数", None, "level", "higher", {Y21: (">=", 150)}, {Y21: 150}),
            ("化妆品不良反应每百万人口报告数", None, "level", "higher", {Y21: (">=", 10)}, {Y21: 10}),
            ("医疗器械不良应每百万人口报告数", None, "level", "higher", {Y21: (">=", 30)}, {Y21: 30}),  # 不良应 as written
            ("培训人员覆盖率", "%", "rate", "higher", {Y21: (">=", 100)}, {Y21: 100}),
            ("任务完成时间", "", "milestone", None, {Y21: ("due", "2021-12")}, {Y21: None}),  # 2021年底
            ("培训成本", "元/人、天", "level", "lower", {Y21: ("<=", 400)}, {Y21: 180}),
            ("药品抽验平均标准", None, "level", "lower", {}, {Y21: None}),  # no value in the table
            ("化妆品抽验平均标准", None, "level", "lower", {}, {Y21: None}),  # no value in the table
        ],
        "unread": [],
    },
    "xiangxi_tejiao_huoshi_2023.txt": {
        "kind": "项目支出绩效目标表（学生伙食费）", "year": None,
        "layout": "text-run (cells run together: name, 指标值, 指标值内容, 评(扣分标准), 度量单位 '-', 定量/定性)",
        "rows": [
            ("学生补助标准", "元/人.每天", "level", None, {Y23: (None, 17)}, None),  # 每少1元扣1分: not a cap
            ("学生对学校伙食得满意度", "%", "rate", "higher", {Y23: (">=", 95)}, None),  # 95%以上
            ("补助学生数量", None, None, "higher", {Y23: (">=", 168)}, None),
            ("伙食补助发放率", "%", "rate", "higher", {Y23: (">=", 90)}, None),
            ("伙食补助资金到位率", "%", "rate", "higher", {Y23: (">=", 90)}, None),
            ("伙食补助覆盖率", "%", "rate", "higher", {Y23: (">=", 90)}, None),
            ("任务完成时间", "", "milestone", None, {Y23: ("due", "2023-12")}, None),  # 2023年12月31日
            ("残疾学生入学率", "%", "rate", "higher", {Y23: (">", 90)}, None),  # 大于90%
            ("残疾学生家庭负担率", "", "qualitative", None, {Y23: Q}, None),  # 有所减轻
            ("残疾学生生活质量", "", "qualitative", None, {Y23: Q}, None),  # 有所提升
        ],
        "unread": [],
    },
    "ganqimaodu_ziranziyuan_ziping_2024.txt": {
        "kind": "项目支出绩效自评表（决算公开）", "year": None,
        "layout": "text-lines (one cell a line ending in |, 指标性质 / 指标方向 / 计量单位 columns, copy stops at 时效指标)",
        "rows": [
            ("租车次数", "次", "flow", "higher", {Y24: (">=", 1)}, {Y24: 1}),
            ("宣传美工制作个数", "个", "flow", None, {Y24: ("<=", 1)}, {Y24: 1}),  # 正向 against 小于等于
            ("租车达标率", "%", "rate", "higher", {Y24: ("=", 100)}, {Y24: 100}),
            ("宣传合格率", "%", "rate", "higher", {Y24: ("=", 100)}, {Y24: 100}),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
