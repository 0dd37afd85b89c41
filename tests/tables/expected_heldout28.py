"""Hand-checked readings of a held-out set, tests/tables/heldout28/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: tables below the county (a town's 部门整体支出 self-evaluation, a town's 一般性项目 target forms, a 乡村振兴 衔接资金
notice of a 镇), construction funded outside the ordinary budget (a 直达资金 coastline project) and a 彩票 fund project.
No 专项债券 / 国有资本经营预算 table with its indicator rows in the stored text turned up (every copy found stops before
its rows, or is a 绩效评价表 of scores only). Places: a 塘湖镇, 宁夏 (福彩中心), 天津 东疆, 重庆 潼南 五桂镇, 宁夏 同心
下马关镇. Every copy is a stored page excerpt; where it is cut the rows before the cut are kept and the cut row is left
out (same conventions as ``expected_corpus.py`` and the held-out sets before: a bare number reads as ``>=`` for a
higher-is-better indicator and as ``<=`` for a cost; ``= | 1`` is ``("=", 1)``; a worded target is qualitative, a worded
actual ``None``; a 定性 row is qualitative even with its value cell empty (as held-out 24); a deadline is
``("due", "YYYY-MM")``, kind milestone; a placeholder such as ``(≥**平方米)`` is no part of the name).

- 塘湖镇 部门整体支出绩效自评表 (|-separated, 年初目标值(A) | 实际完成值(B) | 得分): the form has no year, only
  ``填报日期:2021.5.18``; read as the 2020 self-evaluation and given as ``year``. ``部门整体支出总额 | 864.2 | 100% | 20``
  is the budget line, no indicator. ``168起`` / ``32座`` are counts done (flow, higher). ``解决群众问题时间`` ``2天以内`` is a
  time limit, ``("<=", 2)`` 天, a level where lower is better; its actual ``2天以内`` is again a bound, not a measured
  value: ``None``. ``有效改善`` / ``有效提升`` are worded (qualitative, worded actuals). ``≧90%`` is ``>=`` (the ≧ sign),
  actual 95. ``日效性指标`` (for 时效) and ``群众满意度 指标`` are level labels, no names.
- 宁夏 福彩中心 彩票市场调控资金 (APP 改版升级) 自评表 (an image-recognised copy, each row's cells glued on one line,
  年度指标值 then 全年完成值): the 数量 row reads ``数量指标数量指标福彩APP系统改版升级100%100%``; the second ``数量指标`` is
  the merged 二级 label recognised twice, so the name is ``福彩APP系统改版升级`` and ``100%`` / ``100%`` its target and actual
  (a rate: the share of the upgrade done). ``完成时间`` ``12月`` is a deadline in December of the form's year (2023, in its
  title, so no ``year``), actual ``已完成`` worded. ``≤50万元`` / ``47.68万元`` a cost cap. The two 效益 rows hold a
  worded target (``同比2022年销量显著提高``) and a worded actual (``显著提高``); ``捉升`` (for 提升) is kept as written. The
  可持续影响 row is cut in its target (``显著提``): left out.
- 东疆 沿海岸线 基础设施 生态修复 (直达资金) 自评 (prose, ``名称:指标值为“…”,全年实际完成值…``; the year 2020 is only in the
  text, given as ``year``): ``约12000平方米`` is an approximate size, not a floor: value only (comparator ``None``), area
  built is a flow, higher; the actual ``约20000平方米`` is 20000 (likewise 120 / 1737). ``全年实际完成值为0`` is kept as the
  actual 0 for the two rates (竣工验收合格率, 计划完工率: not yet due). ``完工日期`` ``2021年4月15日`` is a deadline
  (``due`` 2021-04), keyed to the report's year 2020 as its other rows; its ``实际完成值为0`` is no date: ``None``. The
  last line (超概算项目比例, ``0%``) is cut inside its actual: left out.
- 潼南 五桂镇 2023年一般性项目绩效目标表 (a cell a line ending in |; 指标 | 指标权重 | 计量单位 | 指标性质 | 指标值): the
  指标权重 (20, 10) is no value. Two forms are whole: 汇总项目库 (5 rows) and 在职村村干部补助 (5 rows); the third is cut in
  its header (no rows). ``人数`` is kept as the written unit. ``是否按时足额发放`` is a yes/no question valued ``≥ 95 %``: a
  rate, not a 是/否 milestone. ``按月发放`` ``= 1 次`` is a frequency (once a month): ``=`` as written, no kind, no
  direction (as held-out 2's 井研 ``按时发放``). ``发放金额`` ``≥ 9.31 万元`` is read as written (``>=``, higher: an amount
  to pay out, as held-out 24's ``≥5万元``). The four 定性 rows (empty unit and value) are qualitative.
- 同心 下马关镇 上垣、下垣村 人居环境整治 (衔接资金, 2022 notice, prose): the 建设内容 paragraph's areas (182.2㎡,
  297.94㎡ …, 1.8m, 5座) are the works, not targets. One target is whole, ``商业段外立面改造(≥**平方米)大于等于10157.6平方米``
  (``大于等于`` is ``>=``); the next name is cut at ``环``: left out. Year from the notice (2022年), no ``year``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout28"
Y20, Y22, Y23 = "2020", "2022", "2023"


def _rate(name: str, year: str, value: float, actual: float | None = None) -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (">=", value)}, None if actual is None else {year: actual})


def _qual(name: str, year: str, actual: bool = False) -> tuple[Any, ...]:
    """A worded target; ``actual``: the form has an actual column (a worded actual is ``None``)."""
    return (name, "", "qualitative", None, {year: Q}, {year: None} if actual else None)


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "tanghu_zhen_zhengti_ziping_2020.txt": {
        "kind": "部门整体支出绩效自评表（乡镇）", "year": Y20,
        "layout": "text-pipe (a row a line, trailing | runs for merged cells; 年初目标值(A) / 实际完成值(B) / 得分; no year, "
                  "only a 填报日期; scoring notes below)",
        "rows": [
            ("办结信访案件", "起", "flow", "higher", {Y20: (">=", 168)}, {Y20: 168}),
            ("拆除活人墓、豪华墓", "座", "flow", "higher", {Y20: (">=", 32)}, {Y20: 32}),
            ("解决群众问题时间", "天", "level", "lower", {Y20: ("<=", 2)}, {Y20: None}),  # 2天以内 / 2天以内
            _qual("改善人居环境", Y20, actual=True),  # 有效改善 / 有效改善
            _qual("提升出行效率", Y20, actual=True),  # 有效提升 / 有效提升
            _rate("群众对政府工作满意度", Y20, 90, 95),  # ≧90% / 95%
        ],
        "unread": [],
    },
    "ningxia_fucai_app_gaiban_ziping_2023.txt": {
        "kind": "项目支出绩效自评表（彩票市场调控资金）", "year": None,
        "layout": "text-run (an image-recognised copy, a row a line with its cells glued; 年度指标值 / 全年完成值; the "
                  "二级 label recognised twice on the first row; cut in the last row's target)",
        "rows": [
            _rate("福彩APP系统改版升级", Y23, 100, 100),
            _rate("验收合格率", Y23, 100, 100),
            ("完成时间", "", "milestone", None, {Y23: ("due", "2023-12")}, {Y23: None}),  # 12月 / 已完成
            ("项目建设成本", "万元", "flow", "lower", {Y23: ("<=", 50)}, {Y23: 47.68}),
            _qual("拓展彩票销售渠道,捉升彩票销售量", Y23, actual=True),  # 同比2022年销量显著提高 / 显著提高
            _qual("提升彩票销量,筹集更多彩票公益金", Y23, actual=True),
        ],
        "unread": [],
    },
    "dongjiang_anxian_jianshe_ziping_2020.txt": {
        "kind": "项目支出绩效自评报告（绩效指标完成情况，文字）", "year": Y20,
        "layout": "text-prose (one indicator a line: 名称:指标值为“…”,全年实际完成值 …; approximate sizes with 约; "
                  "cut in the last line's actual)",
        "rows": [
            ("建设占地面积", "平方米", "flow", "higher", {Y20: (None, 12000)}, {Y20: 20000}),  # 约12000 / 约20000
            ("建设三座服务中心等配套设施面积", "平方米", "flow", "higher", {Y20: (None, 120)}, {Y20: 1737}),
            _rate("项目竣工验收合格率", Y20, 100, 0),
            _rate("设施质量合格率", Y20, 100, 100),
            _rate("安装工程验收合格率", Y20, 100, 100),
            ("完工日期", "", "milestone", None, {Y20: ("due", "2021-04")}, {Y20: None}),  # 2021年4月15日 / 0
            _rate("项目按计划开工率", Y20, 100, 100),
            _rate("项目计划完工率", Y20, 100, 0),
        ],
        "unread": [],
    },
    "tongnan_wugui_zhen_yibanxing_mubiao_2023.txt": {
        "kind": "一般性项目绩效目标表（乡镇，多个项目）", "year": None,
        "layout": "text-lines (a cell a line ending in |; 指标 / 指标权重 / 计量单位 / 指标性质 / 指标值; 定性 rows with "
                  "empty cells; three forms, the third cut in its header)",
        "rows": [
            ("发放人数", "人数", "flow", "higher", {Y23: (">=", 80)}, None),
            _rate("是否按时足额发放", Y23, 95),
            _qual("促进社会和谐", Y23),
            _qual("保障收入", Y23),
            _qual("保障权益", Y23),
            ("按月发放", "次", None, None, {Y23: ("=", 1)}, None),  # once a month
            _rate("本土人才满意度", Y23, 95),
            ("发放金额", "万元", "flow", "higher", {Y23: (">=", 9.31)}, None),
            ("领取补助人数", "人", "flow", "higher", {Y23: (">=", 100)}, None),
            _qual("促进经济发展", Y23),
        ],
        "unread": [],
    },
    "tongxin_shangyuan_renju_huanjing_mubiao_2022.txt": {
        "kind": "绩效目标设定公示（衔接资金，文字）", "year": None,
        "layout": "text-prose (a notice: works listed in ㎡ first, then targets in sentences after (≥**平方米) "
                  "placeholders; cut after the first target)",
        "rows": [
            ("商业段外立面改造", "平方米", "flow", "higher", {Y22: (">=", 10157.6)}, None),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
