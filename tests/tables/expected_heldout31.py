"""Hand-checked readings of a held-out set, tests/tables/heldout31/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: the newest tables and 区域 / 转移支付 / 政府性基金 (彩票公益金) / 专项债券 targets of 省/市 departments in provinces
still rare in the tests. What the store gave: every 2024-2026 区域绩效目标表 found (四川省财政厅 困难群众救助 2025, 德化
老年助餐 彩票公益金 2025, 万盛 2025, 龙岩 2025, 惠安 2025, 安溪 强制免疫 2025, 巫溪 危房改造 2025 …) is a page whose
stored excerpt stops in the notice or in the form's header, before any indicator value (the excerpt is the page's
first ~1,500 characters), or is already in the tests; no 专项债券 table with rows turned up. So the set is: a 2024
彩票公益金 (政府性基金) use notice of a 福州 town, a province department's (云南省应急管理厅) self-evaluation of a central
transfer payment, a 云南 township's self-evaluation of a central transfer payment, and a 浙江 city finance bureau's
重大政策和项目 target table. Places: 福建 福州 晋安 岳峰镇, 云南 (省级), 云南 保山 昌宁 更戛乡, 浙江 宁波 慈溪. Every copy is a
stored page excerpt; where it is cut the rows before the cut are kept and the cut row is left out (same conventions as
``expected_corpus.py`` and the held-out sets before: a bare number reads as ``>=`` for a higher-is-better indicator;
``=100%`` is ``("=", 100)``; a worded target is qualitative; an actual written as a bound (``≥90%``) is no measured
value, ``None``, as held-out 28's ``2天以内``; a row with a name and no target has empty targets).

- 岳峰镇 2024年度 福利彩票公益金分配使用情况公示 (prose, ``二级指标:名称 comparator 值,当年实际完成…``; the year is in the
  title, so no ``year``): only the first item (百岁老人慰问费) has indicators. ``慰问人数=9人`` / ``当年实际完成9人``: ``=`` kept
  as written (a count of people visited, flow, higher), actual 9. ``慰问对象年龄均≥100岁`` is an eligibility bound: the
  name is ``慰问对象年龄`` (``均``, "all of them", belongs to the comparison), unit 岁, ``(">=", 100)``, a level with no
  direction (older is not better); no actual written: ``None``. ``及时发放率=100%`` / ``100%`` and ``知晓率≥90%`` /
  ``100%`` are rates. ``慰问对象满意度完成90%`` gives only the result: empty targets, actual 90. The 二级 labels
  (数量指标, 社会效益指标 …) are no names; the amounts (61.35万元, 1.35万元 …) are the money, no indicators.
- 云南省应急管理厅 2022年度 中央自然灾害资金绩效自评报告 (prose; year in the title, no ``year``): the 资金到位率100% and
  项目执行率88.74% in 资金投入情况分析 are budget figures, no indicators. Two rows are whole under 4.绩效指标完成情况分析:
  ``布防飞机数量≥6架,实际布防6架`` (aircraft deployed for the fire season, a count: flow, higher) and
  ``飞机飞行时长≥928小时,实际飞行时长909.93小时`` (flow, higher, actual below target). The 质量指标 sentence
  (``实际完成飞行小时数/计划小时数≥80%,实际完``) is cut inside its actual: left out.
- 昌宁县更戛乡 2021年中央动物防疫等补助经费 自评报告 (numbered prose lines ``名称,年初目标值…,实际完成值…,自评得分…``; no
  web address in the store; year in the title): the goal text before and after the list (``免疫密度达90%以上`` …) is no
  row. ``实际完成值≥90%`` / ``≥70%`` are bounds, not measured values: ``None`` (rows 1, 2, 5); ``=100%`` / ``=100%`` gives
  ``("=", 100)`` and actual 100; ``大规模随意抛弃病死猪事件`` ``=0件`` is a count of incidents where fewer is better
  (flow, lower, ``("=", 0)``, actual 0). Row 5 reads ``初目标值`` (年 missing in the source): still the target.
- 慈溪市财政局 2023年慈溪市重大政策和项目绩效目标情况 (3岁以下婴幼儿照护服务项目; a cell a line with blank lines between,
  一级 / 二级 / 指标名称 / 指标值): the table is the project's 中长期绩效指标 (its goal text runs to 2025), keyed to the notice's
  year 2023 (written, so no ``year``) — the form gives no other year for them. ``每千人托位`` ``4.5`` is a ratio held
  (level, higher, ``>=``); ``个`` appears only in the goal text (每千人口拥有…托位数4.5个), so no unit is written in the
  table (as the corpus's 开设课程数量). ``审核准确性`` ``100%`` is a rate despite its 性 name. ``及时发放`` and ``提高`` are
  worded: qualitative. ``社会效益`` (the 二级 label without its 一级 label) and the doubled ``满意度指标`` are labels. The
  11 rows match the notice's ``设置了11个指标``; the next project's heading and goal follow and are no rows.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout31"
Y21, Y22, Y23, Y24 = "2021", "2022", "2023", "2024"
_NO_ACTUAL = object()


def _rate(name: str, year: str, value: float, actual: Any = _NO_ACTUAL, cmp: str = ">=") -> tuple[Any, ...]:
    """A percentage, higher is better; ``actual``: the form's actual (``None`` for a bound or a missing cell)."""
    return (name, "%", "rate", "higher", {year: (cmp, value)}, None if actual is _NO_ACTUAL else {year: actual})


def _qual(name: str, year: str) -> tuple[Any, ...]:
    """A worded target in a target table (no actual column)."""
    return (name, "", "qualitative", None, {year: Q}, None)


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "fuzhou_yuefeng_zhen_fucai_gongyijin_ziping_2024.txt": {
        "kind": "彩票公益金分配使用情况公示（绩效目标及完成情况，文字）", "year": None,
        "layout": "text-prose (a town's notice; one indicator a line, 二级指标:名称 comparator 值,当年实际完成…; one line "
                  "with a target only, one with an actual only; the whole page)",
        "rows": [
            ("慰问人数", "人", "flow", "higher", {Y24: ("=", 9)}, {Y24: 9}),
            ("慰问对象年龄", "岁", "level", None, {Y24: (">=", 100)}, {Y24: None}),  # 均≥100岁, no actual written
            _rate("百岁及以上老年人慰问款及时发放率", Y24, 100, 100, cmp="="),
            _rate("政策群众知晓率", Y24, 90, 100),
            ("慰问对象满意度", "%", "rate", "higher", {}, {Y24: 90}),  # 完成90%: a result, no target
        ],
        "unread": [],
    },
    "yunnan_hangkong_xiaofang_ziping_2022.txt": {
        "kind": "中央对地方转移支付绩效自评报告（省级部门，文字）", "year": None,
        "layout": "text-prose (a report; the indicators as sentences under 绩效指标完成情况分析, 名称≥目标值,实际…; budget "
                  "rates in the text before; cut inside the third indicator's actual)",
        "rows": [
            ("布防飞机数量", "架", "flow", "higher", {Y22: (">=", 6)}, {Y22: 6}),
            ("飞机飞行时长", "小时", "flow", "higher", {Y22: (">=", 928)}, {Y22: 909.93}),
        ],
        "unread": [],
    },
    "changning_gengga_xiang_dongwu_fangyi_ziping_2021.txt": {
        "kind": "项目支出绩效自评报告（转移支付，乡镇，文字）", "year": None,
        "layout": "text-prose (numbered lines 名称,年初目标值…,实际完成值…,自评得分…; actuals written as bounds; goal text "
                  "with the same values before and after)",
        "rows": [
            _rate("重大动物强制免疫病种群体免疫密度", Y21, 90, None),  # 实际完成值≥90%
            _rate("除布病外其他病种的免疫抗体合格率", Y21, 70, None),  # ≥70%
            _rate("养殖环节病死猪无害化处理补助经费发放率", Y21, 100, 100, cmp="="),
            ("大规模随意抛弃病死猪事件", "件", "flow", "lower", {Y21: ("=", 0)}, {Y21: 0}),
            _rate("补助对象对项目满意率", Y21, 90, None),  # 初目标值≥90% / ≥90%
        ],
        "unread": [],
    },
    "cixi_yingyouer_tuoyu_mubiao_2023.txt": {
        "kind": "重大政策和项目绩效目标（中长期绩效指标表）", "year": None,
        "layout": "text-lines (a notice's web table copied a cell a line with blank lines between; 一级 / 二级 / 指标名称 / "
                  "指标值; merged labels once, a 二级 label without its 一级; prose goal before, the next project after)",
        "rows": [
            ("每千人托位", None, "level", "higher", {Y23: (">=", 4.5)}, None),  # 个 only in the goal text
            _rate("应补尽补率", Y23, 100),
            _rate("审核准确性", Y23, 100),
            _rate("补助发放准确率", Y23, 100),
            _qual("补助发放及时性", Y23),  # 及时发放
            _qual("社区婴幼儿照护服务机构覆盖率", Y23),  # 提高
            _rate("婴幼儿健康管理率", Y23, 95),
            _rate("婴幼儿家长科学育儿知识普及率", Y23, 90),
            _rate("婴幼儿照护服务机构从业人员持证率", Y23, 80),
            _rate("受益单位满意度", Y23, 95),
            _rate("社会公众满意度", Y23, 90),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
