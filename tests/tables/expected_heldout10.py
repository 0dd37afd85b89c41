"""Hand-checked readings of a tenth held-out set, tests/tables/heldout10/: real published tables from sources used nowhere
else in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each. The folder is not named ``heldout*`` so that ``bench/parse_tables.py`` does not
pick it up before its first measurement.

Same format and conventions as ``expected_corpus.py`` and the held-out sets 1 to 9 (their helpers are reused: ``Q`` a
qualitative target, ``("due", "2024-12")`` a deadline, ``None`` where only the office could know, a comparator of
``None`` when only the value is scored; a bare number reads as ``>=`` for a higher-is-better indicator; a 是 target is
``("=", 1)``, kind ``milestone``, no direction; a worded target with a numeric actual is qualitative with the actual kept
as its number; an actual written with its comparator (``≥90%``) is read as its number; a unit in brackets after the name
(``服务外包在岸(万美元)``) is the unit and not part of the name; a table with a 中期 and a 年度 column set is read from
its 年度 set). Also read this way here:

- Mirror copies that show traditional characters with pinyin notes after some characters (丽江 ``衛(wèi)片…``, 昌吉) are
  kept as the page holds them, and so are the names: the expected name is the name cell as written, notes included
  (``項(xiàng)目驗(yàn)收合格率``). A mangled character (昌吉 ``享受?chē)?guó)家``) is kept too.
- A row whose 指标值 cell holds a phrase that is not a value (大英 按季发放助学金: ``发放时间达标率``) is qualitative,
  its numeric actual kept.
- A 指标名称 column that holds only the 二级指标 label (临海: ``数量指标``, ``社会效益指标`` …) gives the name as written.
  ``全年`` in a 时效 row (临海) is a deadline at the end of the table's year, as ``2021年全年`` in held-out 3.
- A subsidy standard with a bare value (桃源 补贴标准 ``1130元/月/人``, 昌吉 每生每年 ``3300元``) is a level with no
  direction and the value scored only: paying less is not better. A count of people receiving a subsidy (桃源 补助人数,
  昌吉 资助…子女) has no kind, as in held-out 9.
- An amount fixed with ``﹦`` (丽江 卫片执法补助经费 ``﹦ 72890 元``) is a flow with comparator ``=`` and no direction.
- ``≤7工作日`` on a 检测及时率 (六安) is a time taken: a level with direction lower, whatever the name says.
- A 成本指标 row whose name holds the amount and whose value is ``100%`` (黄石三中 本年预算安排800万元) is read like
  成本控制率 100%: rate, no direction, value only. A 时效 row named with a year but valued ``100%`` (2023年项目完工、投入
  使用) is a rate, not a deadline.
- Run-together PDF text (服务贸易): a worded target and actual displaced after the rows (政治导向…, 走出去…) are read
  where a person pairs them; both rows are qualitative.
- A table that names no year is read with the year it was filed for, given as ``year``: 临海 (a 项目库 page of
  2024-06-07) 2024. A copy cut off inside a row keeps the rows before the cut only (六安 ``开展质``, 桃源 效益指标, 昌吉
  社会效益指标).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout10"

Y19, Y20, Y21, Y22, Y23, Y24 = "2019", "2020", "2021", "2022", "2023", "2024"

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "daying_minzheng_guer_zhuxue_ziping_2022.txt": {
        "kind": "中央对地方转移支付项目绩效自评表（孤儿助学）", "year": None,
        "layout": "text-lines (one cell a line, blank lines between, 指标值 / 全年实际完成值, worded targets)",
        "rows": [
            ("孤儿助学人数", "", "qualitative", None, {Y22: Q}, {Y22: 9}),  # 应助尽助 / 9
            ("保障贫困孤儿完成学业", "%", "rate", "higher", {Y22: (">=", 100)}, {Y22: 100}),
            ("按季发放助学金", "", "qualitative", None, {Y22: Q}, {Y22: 100}),  # 指标值 发放时间达标率 / 100%
            ("助学金社会化发放率", "%", "rate", "higher", {Y22: (">=", 95)}, {Y22: 100}),
            ("资金执行率", "%", "rate", "higher", {Y22: (">=", 100)}, {Y22: 82}),
            ("孤儿身份、年满18周岁后就学水平情况", "", "qualitative", None, {Y22: Q}, {Y22: 100}),  # 有所提升 / 100%
            ("助学制度", "", "qualitative", None, {Y22: Q}, {Y22: 100}),  # 进一步完善 / 100%
            ("政策知晓率", "%", "rate", "higher", {Y22: (">=", 90)}, {Y22: 90}),  # ≥90% / ≥90%
            ("救助对象对社会救助实施的满意度", "%", "rate", "higher", {Y22: (">=", 90)}, {Y22: 90}),
        ],
        "unread": [],
    },
    "lijiang_gucheng_weipian_ziping_2020.txt": {
        "kind": "项目支出绩效自评表（卫片执法补助经费）", "year": None,
        "layout": "text-pipe (traditional characters with pinyin notes, 指标性质 ﹦/≥ / 指标值 / 度量单位 columns)",
        "rows": [
            ("衛(wèi)片執(zhí)法補(bǔ)助經(jīng)費(fèi)", "元", "flow", None, {Y20: ("=", 72890)}, {Y20: 72890}),
            ("項(xiàng)目驗(yàn)收合格率", "%", "rate", "higher", {Y20: ("=", 100)}, {Y20: 100}),
            ("項(xiàng)目完成及時率", "%", "rate", "higher", {Y20: ("=", 100)}, {Y20: 100}),
            ("違法行為責(zé)停率", "%", "rate", "higher", {Y20: (">=", 95)}, {Y20: 95}),
            ("滿意度", "%", "rate", "higher", {Y20: (">=", 95)}, {Y20: 95}),
        ],
        "unread": [],
    },
    "linhai_lvhua_yanghu_2024.txt": {
        "kind": "项目库项目绩效目标（绿化养护经费）", "year": 2024,
        "layout": "text-pipe (指标类型 / 指标名称 / 指标值 / 指标描述, names are the 二级 labels, 是 values)",
        "rows": [
            ("数量指标", "万平方米", None, "higher", {Y24: (">=", 375)}, None),  # area of green space maintained
            ("质量指标", "%", "rate", "higher", {Y24: (">=", 100)}, None),
            ("时效指标", "", "milestone", None, {Y24: ("due", "2024-12")}, None),  # 全年
            ("社会效益指标", "", "milestone", None, {Y24: ("=", 1)}, None),  # 是
            ("生态效益指标", "", "milestone", None, {Y24: ("=", 1)}, None),  # 是
            ("可持续性发展影响指标", "", "milestone", None, {Y24: ("=", 1)}, None),  # 是
            ("服务对象或受益者满意度指标", "%", "rate", "higher", {Y24: (">=", 95)}, None),
        ],
        "unread": [],
    },
    "luan_nongchanpin_zhijian_2024.txt": {
        "kind": "项目支出绩效目标申报表（农产品质检体系建设）", "year": None,
        "layout": "text-pipe (中期 and 年度 column sets side by side, a ≤ cap in 工作日, copy stops in a row)",
        "rows": [
            ("鉴定校准实验室仪器", "个", "flow", "higher", {Y24: (">=", 57)}, None),
            ("购买标准试剂", "个", "flow", "higher", {Y24: (">=", 100)}, None),
            ("监督抽检批次", "组", "flow", "higher", {Y24: (">=", 100)}, None),
            ("农产品例行监测合格率", "%", "rate", "higher", {Y24: (">=", 98)}, None),
            ("农产品监督抽样合格率", "%", "rate", "higher", {Y24: (">=", 98)}, None),
            ("实验室仪器维修维护", "次", "flow", "higher", {Y24: (">=", 4)}, None),
            ("检测及时率", "工作日", "level", "lower", {Y24: ("<=", 7)}, None),  # ≤7工作日: a time taken
        ],
        "unread": [],
    },
    "taoyuan_jiuyeyuanzhu_gangwei_2021.txt": {
        "kind": "专项资金绩效目标表（再就业援助对象岗位补贴）", "year": None,
        "layout": "text-tab (run-together cells set out; 指标内容 and 绩效标准 columns, units in the values, ≦ cap)",
        "rows": [
            ("补助人数", "人", None, "higher", {Y21: (">=", 250)}, None),
            ("补贴覆盖率", "%", "rate", "higher", {Y21: (">=", 100)}, None),
            ("对象合规率", "%", "rate", "higher", {Y21: (">=", 100)}, None),
            ("补贴准确率", "%", "rate", "higher", {Y21: (">=", 100)}, None),
            ("完成及时率", "%", "rate", "higher", {Y21: (">=", 100)}, None),
            ("补贴标准", "元/月/人", "level", None, {Y21: (None, 1130)}, None),  # a standard, not a cap
            ("提标补差标准", "元/月/人", "level", None, {Y21: (None, 143)}, None),
            ("预算成本", "万", "flow", "lower", {Y21: ("<=", 380)}, None),  # ≦380万
        ],
        "unread": [],
    },
    "huangshi_sanzhong_xiaoyuan_ziping_2023.txt": {
        "kind": "市级部门项目自评表（校园维修改造及设备购置）", "year": None,
        "layout": "text-lines (one cell a line, blank lines between, 年初目标值(A) / 实际完成值(B), worded values)",
        "rows": [
            ("完成校园维修改造及设备购置项目", "万元", "flow", "higher", {Y23: (">=", 800)}, {Y23: 800}),
            ("校园维修改造及设备购置合格率", "%", "rate", "higher", {Y23: (">=", 100)}, {Y23: 100}),
            ("本年预算安排800万元", "%", "rate", None, {Y23: (None, 100)}, {Y23: 100}),  # like 成本控制率 100%
            ("2023年项目完工、投入使用", "%", "rate", "higher", {Y23: (">=", 100)}, {Y23: 100}),
            ("保障校园环境安全、教学工作正常运转", "", "qualitative", None, {Y23: Q}, {Y23: None}),  # 良好 / 良好
            ("建设平安校园,满足教师和学生生活、学习的需要", "%", "rate", "higher", {Y23: (">=", 95)}, {Y23: 95}),
            ("教师满意度", "%", "rate", "higher", {Y23: (">=", 95)}, {Y23: 95}),
            ("学生满意度", "%", "rate", "higher", {Y23: (">=", 95)}, {Y23: 95}),
        ],
        "unread": [],
    },
    "fuwumaoyi_shangwu_ziping_2020.txt": {
        "kind": "市级专项资金项目自评表（服务贸易发展资金）", "year": None,
        "layout": "text-run (PDF-like single line in reading order, units in brackets, labels and two rows' values displaced)",
        "rows": [
            ("服务外包在岸", "万美元", "flow", "higher", {Y20: (">=", 20000)}, {Y20: 23333.56}),
            ("服务外包离岸", "万美元", "flow", "higher", {Y20: (">=", 4500)}, {Y20: 4557.51}),
            ("支持服务贸易、服务外包企业数量", None, "flow", "higher", {Y20: (">=", 3)}, {Y20: 3}),
            ("企业国际质量提升", "", "qualitative", None, {Y20: Q}, {Y20: None}),  # 获得目的国(地区)受众欢迎
            ("预算资金执行率", "%", "rate", "higher", {Y20: (">=", 90)}, {Y20: 100}),
            ("资金拨付及时性", "%", "rate", "higher", {Y20: (">=", 98)}, {Y20: 100}),  # 98%以上
            ("企业把握政治导向和文化方向情况", "", "qualitative", None, {Y20: Q}, {Y20: None}),
            ("推动企业走出去方面发挥的作用", "", "qualitative", None, {Y20: Q}, {Y20: None}),
        ],
        "unread": [],
    },
    "changji_zhiyuan_zhuxuejin_2019.txt": {
        "kind": "项目情况公告公示（绩效目标，文字）", "year": None,
        "layout": "text-prose (traditional characters with pinyin notes, numbered sentences, copy stops in 效益指标)",
        "rows": [
            ("資助建檔立卡貧困子女", "人", None, "higher", {Y19: (">=", 1966)}, None),
            ("資助標(biāo)準(zhǔn)", "%", "rate", "higher", {Y19: (">=", 100)}, None),  # 100%達標
            ("資助經(jīng)費(fèi)發(fā)放率", "%", "rate", "higher", {Y19: (">=", 100)}, None),
            ("資助經(jīng)費(fèi)到位率", "%", "rate", "higher", {Y19: (">=", 100)}, None),
            ("享受?chē)?guó)家助學(xué)金平均每生每年", "元", "level", None, {Y19: (None, 3300)}, None),  # a standard
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
