"""Hand-checked readings of a seventh held-out set, tests/tables/heldout7/: real published tables from sources used
nowhere else in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()``
writes one ``<fixture>.expected.json`` beside each; ``bench/parse_tables.py`` scores them as the "heldout7" block (kept
outside the bench, as ``unseen7``, until its first measurement).

Same format and conventions as ``expected_corpus.py`` and the held-out sets 1 to 6 (their helpers are reused: ``Q`` a
qualitative target, ``("due", "2021-07")`` a deadline, ``ERR`` a cell nobody can read, ``None`` where only the office
could know, a comparator of ``None`` when only the value is scored; a bare number reads as ``>=`` for a
higher-is-better indicator and as ``<=`` for a cost or a rate where lower is better; a qualifier in brackets such as
``(目标)`` or ``(除涉密信息外)`` stays in the name). Also read this way here:

- A 指标权重 column between the name and the unit (巴南一品 整体绩效目标表, cells run together) is not part of the
  name or the value: ``农村公路养护里程10公里=125`` is name 农村公路养护里程, weight 10, unit 公里, ``= 125``. A row
  with no unit and no 指标性质 (``开展各种文艺活动场次1020``) is weight 10, value 20, unit ``None``.
- A value with a unit inside it (宁河 ``20个``, ``71.86元/平方米``; 武川 ``490元/平米``) gives that unit; a row under
  成本指标 with a per-unit price is ``level`` / ``lower``, a lump sum (``50000元``, 黄石 ``5万``) ``flow`` / ``lower``.
- A period (宁河 补贴期限 ``2020.1.1-2020.12.31``) is a deadline at its last month; a month (武川 开工时限
  ``2021年7月``) a deadline in that month.
- ``≥`` written on a cost (武川 防疫室84平米 ``≥1050元``) is kept as written, with no kind (per ㎡ or in all is not
  clear) and no direction, as held-out 2 keeps ``≤4`` on a count.
- A sentence in the value cell under 效益指标 (宁河 ``显著提升了…``; 黄石 ``公益性事业``, ``良好``) is qualitative, as is a
  效益 row whose value cells are merged with the row above (黄石 促进黄石文化经济发展…); a worded actual is ``None``.
- In a 自评表 (黄石) an actual written with its comparator (``≥360天``) is read as its number; ``100%覆盖`` as 100.
  A row whose name is a period (``2022年全年`` under 时效指标, ``≥360天``) is a count of days in that year; a name
  that holds its own target (``≥360天服务读者``) is kept as written.
- A copy cut off inside a row (黄石 满意度指标, 武川 after the 成本指标 block) keeps the rows before the cut only.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout7"

Y20, Y21, Y22 = "2020", "2021", "2022"

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "ninghe_minbanyuan_fangzu_2020.txt": {
        "kind": "抗疫特别国债项目绩效目标表（打捆项目）", "year": None,
        "layout": "text-pipe (one row a line, merged level cells left out, units in the value)",
        "rows": [
            ("补贴非营利性民办幼儿园数量", "个", "flow", "higher", {Y20: (">=", 20)}, None),
            ("补贴民办园租用面积", "平方米", "flow", "higher", {Y20: (">=", 26970.7)}, None),
            ("补贴覆盖民办幼儿园率", "%", "rate", "higher", {Y20: (">=", 90.91)}, None),
            ("补贴发放合规率", "%", "rate", "higher", {Y20: (">=", 95)}, None),
            ("补贴发放及时率", "%", "rate", "higher", {Y20: (">=", 95)}, None),
            ("补贴期限", "", "milestone", None, {Y20: ("due", "2020-12")}, None),  # 2020.1.1-2020.12.31
            ("补贴标准", "元/平方米", "level", "lower", {Y20: ("<=", 71.86)}, None),
            ("提升疫情防控期间民办幼儿园扶持力度", "", "qualitative", None, {Y20: Q}, None),
            ("促进学前教育普及普惠优质发展", "", "qualitative", None, {Y20: Q}, None),
            ("非营利性民办园租房受益期限", "", "qualitative", None, {Y20: Q}, None),  # value is a sentence
            ("受益租户满意度", "%", "rate", "higher", {Y20: (">=", 95)}, None),
        ],
        "unread": [],
    },
    "banan_yipin_zhengti_2022.txt": {
        "kind": "部门（单位）整体绩效目标表", "year": None,
        "layout": "text-run (cells run together: name, 指标权重, 计量单位, 指标性质, 指标值)",
        "rows": [
            ("预算执行率", "%", "rate", "higher", {Y22: ("=", 100)}, None),
            ("预决算及时编制率", "%", "rate", "higher", {Y22: ("=", 100)}, None),
            ("政府预决算公开率(除涉密信息外)", "%", "rate", "higher", {Y22: ("=", 100)}, None),
            ("基层组织建设办公阵地和干部人才保障有效性", "", "qualitative", None, {Y22: Q}, None),  # 10 有效保障
            ("民政优抚及特困受助对象生活水平改善情况", "", "qualitative", None, {Y22: Q}, None),  # 10 有效改善
            ("民政优抚及特困补助发放及时率", "%", "rate", "higher", {Y22: ("=", 100)}, None),
            # the 125 km network is kept up through the year: neither a sum over months nor a count at one date
            ("农村公路养护里程", "公里", None, "higher", {Y22: ("=", 125)}, None),
            ("开展各种文艺活动场次", None, "flow", "higher", {Y22: (">=", 20)}, None),  # 1020: weight 10, value 20
            ("森林受灾率", "%", "rate", "lower", {Y22: ("<=", 1)}, None),  # 10%1: weight 10, %, value 1
            ("饲养动物免疫率", "%", "rate", "higher", {Y22: ("=", 100)}, None),
            ("服务对象满意度", "%", "rate", "higher", {Y22: (">=", 95)}, None),  # 5%95
        ],
        "unread": [],
    },
    "wuchuan_shawanzi_yangzhichang_2021.txt": {
        "kind": "绩效目标申报表（衔接资金，少数民族发展任务）", "year": None,
        "layout": "text-pipe (one row a line, first level labels missing, copy stops in the 成本指标 block)",
        "rows": [
            ("贫困地区新增特色产业数量", "个", "flow", "higher", {Y21: (">=", 1)}, None),
            ("贫困地区建设少数民族聚居村养殖场", "个", "flow", "higher", {Y21: (">=", 1)}, None),
            ("养殖动物成活率(目标)", "%", "rate", "higher", {Y21: (">=", 95)}, None),
            ("项目(工程)验收合格率", "%", "rate", "higher", {Y21: (">=", 100)}, None),
            ("开工时限", "", "milestone", None, {Y21: ("due", "2021-07")}, None),
            ("竣工时限", "", "milestone", None, {Y21: ("due", "2021-09")}, None),
            ("打井、配电", "元", "flow", "lower", {Y21: ("<=", 50000)}, None),
            ("饲料库120平米", "元/平米", "level", "lower", {Y21: ("<=", 490)}, None),
            ("围墙300米", "元/米", "level", "lower", {Y21: ("<=", 300)}, None),
            ("标准化棚圈360平米", "元/平米", "level", "lower", {Y21: ("<=", 550)}, None),
            ("防疫室84平米", "元", None, None, {Y21: (">=", 1050)}, None),  # ≥ on a cost, kept as written
        ],
        "unread": [],
    },
    "hsslib_gongxiang_ziping_2022.txt": {
        "kind": "项目自评表（年初目标值 / 实际完成值）", "year": None,
        "layout": "text-pipe (自评表, worded targets and actuals, merged cells, copy stops in the 满意度 row)",
        "rows": [
            # capacity of the one backup device bought: neither a year's sum nor a count at a date
            ("一个存储备份器", "TB", None, "higher", {Y22: (">=", 25)}, {Y22: 25}),
            ("WIFI布点全覆盖", "%", "rate", "higher", {Y22: (">=", 100)}, {Y22: 100}),  # 100%覆盖
            ("以最新资源面市", "", "qualitative", None, {Y22: Q}, {Y22: None}),
            ("可保证读者使用时长", "", "qualitative", None, {Y22: Q}, {Y22: None}),  # 全天候可用 / 全天候
            ("2022年全年", "天", "flow", "higher", {Y22: (">=", 360)}, {Y22: 360}),
            ("以低价位高质量为采购原则", "万", "flow", "lower", {Y22: ("<=", 5)}, {Y22: 5}),  # 5万 / 5万
            ("社会公益服务无经济效益", "", "qualitative", None, {Y22: Q}, {Y22: None}),
            ("使读者更方便快捷查找检阅", "", "qualitative", None, {Y22: Q}, {Y22: None}),
            ("促进黄石文化经济发展,丰富市民文化活动", "", "qualitative", None, {Y22: Q}, {Y22: None}),
            ("数字图书馆环境优良无污染", "", "qualitative", None, {Y22: Q}, {Y22: None}),
            ("WIFI全覆盖,绿色环保", "", "qualitative", None, {Y22: Q}, {Y22: None}),
            ("≥360天服务读者", "天", "flow", "higher", {Y22: (">=", 360)}, {Y22: 360}),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
