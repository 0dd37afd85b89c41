"""Hand-checked readings of a held-out set, tests/tables/heldout35/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: employment and social-security tables (the field of this app's first user, a city's public employment service):
a 人社局 unit's 社会保险 (工伤保险基金) target form, a 技工学校's self-evaluation from a document-sharing site, and a 盟
人社局's 城乡居民基本养老保险 transfer-payment self-evaluation in prose. Places: 湖南 湘潭 (市), 湖南 益阳 (市, 技工学校),
内蒙古 锡林郭勒盟. No 就业补助资金 / 职业技能提升 / 创业担保贷款 / 劳动保障监察 table with its rows in the stored text
turned up that was not already in tests/tables/ (the 临河, 汉阴, 四川 普惠金融, 吕梁 护工, 桃源 copies are taken; 田家庵's
就业补助资金自评表, 滁州's 人社局 forms, 宁国's 人社局 project notice and 广西's 城乡居民养老 report all stop before their
rows). Every copy is a stored page excerpt; where it is cut the rows before the cut are kept and the cut row is left out
(same conventions as ``expected_corpus.py`` and the held-out sets before: a bare number reads as ``>=`` for a
higher-is-better indicator and as ``<=`` for a cost; a worded target is qualitative; a deadline is ``("due", "YYYY-MM")``,
kind milestone; a unit is kept as written).

- 湘潭市工伤保险服务中心 2023年项目支出绩效目标表 (湘潭市工伤保险基金; the page's plain-text copy, a row a line with
  single-space cells, 三级指标 指标值及单位 绩效标准 备注): two 绩效目标 blocks, the block and 一级 labels only on a block's
  first row. ``28600万`` / ``29300万`` / ``≤505万``: the unit is kept as written, ``万`` (the form's 单位:万元 heads the
  budget lines). ``全市待遇发放额`` ``28600万`` is an amount to pay out (数量指标): flow, higher, ``>=`` (as held-out 28's
  ``发放金额``). ``全年工伤保险基金支出`` under 成本指标 is a cost: ``<= 29300``, lower. ``服务对象满意度`` ``满意`` (定性指标)
  is qualitative; ``社会公众或服务对象满意度`` before it is the 二级 label. ``开展工伤预防培训`` ``2023年 年底前`` is a
  deadline, ``due`` 2023-12. ``定量指标`` / ``计划标准`` / ``历史标准`` are the 绩效标准 and 备注 cells, no values. The last
  row (参训单位因安全生产责任事故造成职工重度伤残比率 ``≤10%``) is cut inside its 绩效标准 cell (``计划标``): left out as
  a cut row, though its value is whole. Year from the title (2023年), no ``year``.
- 益阳高级技工学校 2021年中职免学费市级配套资金 项目支出绩效自评表 (优知文库's text of a shared .docx, every cell run
  together; columns 年度指标值 | 实际完成值 | 分值 | 得分): ``资助学生人数3018301850`` is 3018 / 3018 then the 分值 50 of
  the 产出 block (``产出指标(50 分)``); no unit written (``""``). ``中职帮扶常态化100%100%30``: the 30 is the 效益 block's
  分值. ``预算`` / ``2、执行率``: the name ``预算执行率`` is broken by the page marker ``2、`` and read across it (as
  held-out 27's marker in a cell). ``严格成本控制`` ``100%`` (成本指标) is read like 成本控制率: value only, no direction.
  ``M轻学生家庭经济负担`` (``M轻`` for 减轻) and ``所有开支句环保无公害`` (``句`` for 均) keep their OCR slips; the first's
  target is ``1%`` as written (actual ``100%``), read ``>= 1``. ``中职帮扶常态化`` ``100%`` is a rate, higher. The
  可持续影响 row (``满意``) is cut: left out. Year from the form's title (2021年度), no ``year``.
- 锡林郭勒盟城乡居民基本养老保险补助资金2022年度绩效自评报告 (prose: ``名称年初任务数N人,全年完成值M人``): the
  年初任务数 is the target, the 全年完成值 the actual. ``养老金领取人数全年平均数`` is an average head-count held over the year,
  not a count done: kind level, higher (103119 against 101974 met the task). ``全年缴费人数`` is the people who paid in
  the year: flow, higher, actual 201201 under its target 216786. The 资金 sentences (预算数 30075万元, 预算执行率为98.67%)
  are the budget, no indicators; the 质量指标 sentence is cut (``符合条件的城乡老年居民养老金``): left out. Year from the
  title (2022年度), no ``year``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout35"
Y21, Y22, Y23 = "2021", "2022", "2023"


def _rate(name: str, year: str, value: float, actual: float | None = None) -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (">=", value)}, None if actual is None else {year: actual})


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "xiangtan_gongshang_baoxian_jijin_mubiao_2023.txt": {
        "kind": "项目支出绩效目标表（社会保险基金，两个绩效目标）", "year": None,
        "layout": "text-space (a row a line, cells separated by single spaces; block and 一级 labels only on a block's "
                  "first row; 指标值及单位 then 绩效标准 / 备注 words; cut in the last row's 绩效标准)",
        "rows": [
            ("全市待遇发放额", "万", "flow", "higher", {Y23: (">=", 28600)}, None),
            _rate("工伤保险基金安全完整率", Y23, 100),
            ("全年工伤保险基金支出", "万", "flow", "lower", {Y23: ("<=", 29300)}, None),
            _rate("待遇及时发放率", Y23, 100),
            _rate("各项待遇持续发放率", Y23, 100),
            ("服务对象满意度", "", "qualitative", None, {Y23: Q}, None),  # 满意 (定性指标)
            ("全年工伤预防培训场次", "场", "flow", "higher", {Y23: (">=", 1)}, None),
            _rate("项目参训人员考核通过率", Y23, 90),
            ("工伤预防宣传费", "万", "flow", "lower", {Y23: ("<=", 505)}, None),
            ("开展工伤预防培训", "", "milestone", None, {Y23: ("due", "2023-12")}, None),  # 2023年 年底前
        ],
        "unread": [],
    },
    "yiyang_jigong_xuexiao_zhongzhi_mianxuefei_ziping_2021.txt": {
        "kind": "项目支出绩效自评表（文库复制）", "year": None,
        "layout": "text-run (a document-share copy: the site's page list, then every cell glued; 年度指标值 / 实际完成值 / "
                  "分值 run together; a page marker inside a name; OCR slips; cut in the 满意度 row)",
        "rows": [
            ("资助学生人数", "", "flow", "higher", {Y21: (">=", 3018)}, {Y21: 3018}),  # 3018 3018 | 分值 50
            _rate("职业技术能力鉴定达标率", Y21, 98, 98),
            _rate("预算执行率", Y21, 100, 100),  # 预算 / 2、执行率
            ("严格成本控制", "%", "rate", None, {Y21: (None, 100)}, {Y21: 100}),
            _rate("中职帮扶常态化", Y21, 100, 100),
            _rate("M轻学生家庭经济负担", Y21, 1, 100),  # 1% as written / 100%
            _rate("所有开支句环保无公害", Y21, 100, 100),
        ],
        "unread": [],
    },
    "xilinguole_chengxiang_jumin_yanglao_ziping_2022.txt": {
        "kind": "转移支付绩效自评报告（绩效指标完成情况，文字）", "year": None,
        "layout": "text-prose (a |-separated metadata block, then paragraphs; indicators as sentences: name 年初任务数 N人, "
                  "全年完成值 M人; cut in the first 质量指标 sentence)",
        "rows": [
            ("养老金领取人数全年平均数", "人", "level", "higher", {Y22: (">=", 101974)}, {Y22: 103119}),
            ("全年缴费人数", "人", "flow", "higher", {Y22: (">=", 216786)}, {Y22: 201201}),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
