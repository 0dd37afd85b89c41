"""Hand-checked readings of a held-out set, tests/tables/heldout54/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: 专项经费绩效评价表 kept as a web system's page templates (HTML tables with rowspans and repeated header bands): four
JSP pages of one repository (hktianyi/Meeting, a 出入境检验检疫 office's 绩效考核 system: 长吉图发展战略 专项经费, 提升口岸
核心能力达标建设 专项经费, 外事出国项目 专项经费, 大通关(电子监管) 项目). Each page is kept whole, as stored at the repository's
first commit (the pages were deleted in a later one): a breadcrumb, a ``tablename`` div with the form's title, then one
``<table>`` whose header band (一级指标 | 权重 | 二级指标 | 分值 | 三级指标 | 计量单位 | 目标值(标准) | 分值 | 采集数据项
(数据项1 / 数据项2, or 数据项1 / 理由) | 指标值) is repeated before each 一级 block, then 填表说明. The targets are the
目标值(标准) cells; the 采集数据项 / 指标值 / 理由 cells are empty ``<input>`` fields (``value="${data.sj111}"``), so there
are no actuals (``None``). Same conventions as ``expected_corpus.py`` and the held-out sets before (a bare number reads as
``>=`` for a higher-is-better indicator and as ``<=`` where lower is better; a 是/否 target is ``("=", 1)`` / ``("=", 0)``,
kind milestone, no direction, as held-out 4 / 5; a qualifier in brackets after a name is part of the name, as held-out 5's
``(按月平均)``). Read this way in all four:

- No year anywhere (title, headers, page, the rest of the repository). As ``expected_corpus.py`` does for its table with no
  year (宁德, given ``year`` 2023) and held-out 10 / 5 / 6 for the year a table was filed for, the pages are read with the
  year they were committed (2016-08-02), given as ``year`` 2016. ``(7月)`` / ``（11月）`` in the 预算执行进度 names are the
  months the progress is checked, no year.
- The 预算绩效 block is the same 9 rows on every page (预算管理 6, 财务管理 3): ``预算执行进度(7月)`` ``40%`` and
  ``预算执行进度（11月）`` ``80.21%`` are rates, higher, ``>=`` (the two bracket forms kept as written). ``预算调整次数（实际调整数）``
  ``次`` ``0``: adjustments made in the year, flow, lower, ``<= 0``. ``结转结余资金率`` / ``用款计划差错率`` ``-0%``: the minus
  marks an indicator where lower is better (nothing to carry over, no errors): rate, lower, ``<= 0``. ``项目预算资金是否被核减``
  ``否`` and ``是否存在违规行为`` ``否`` are ``("=", 0)``; ``是否开展预算编报考评`` / ``是否开展会计决算报表考评`` ``是`` are
  ``("=", 1)``.
- ``是/否`` in the 计量单位 column is the form of the answer, not a unit: unit ``""``.
- The 分值 columns (7, 8, 5, 25 …; a 二级 label's own 分值 beside it) and the 权重 (100 / 50 / 25) are scores, no values; the
  ``/`` in a 数据项2 cell marks an item not collected. ``总分 100 | 得分`` and the 填报单位 / 填表说明 lines are no indicators.
- A 项目效果 row spans 2 to 5 table rows (rowspan on its name, unit, target and 数据项1); the table rows under it hold only
  a 分值 ``5`` and a numbered 理由 input (①②③…): one indicator per name.
- A 二级 label with empty cells after it (长吉图's whole 项目产出 / 项目效果 blocks, 口岸's and 大通关's 产出成本, the
  服务对象满意度 rows, 大通关's 环境效益 / 可持续影响) is no indicator.

- 长吉图发展战略专项经费绩效评价表 (fzzl.jsp): only the 预算绩效 block is filled (weight 100): 9 rows; the 项目产出 block
  (产出数量 / 质量 / 时效 / 成本) and the 项目效果 block (经济效益 … 服务对象满意度, two empty rows each) hold no 三级指标.
  The later bands write ``目标值`` / ``(标准)`` in two ``<p>``.
- 提升口岸核心能力达标建设专项经费支出绩效评价表 (dbjs.jsp; title div with an inline style): ``全国所有国家开放口岸`` ``%``
  ``100%`` is a name without its noun (the share of ports covered): kept as written, a rate, higher. The 5 项目效果 rows
  are 是/否 questions with the target ``是``, each spanning 4 table rows; the two 可持续影响 names are long sentences
  (``…最大限度地减少导致疾病国际传播的事件对人们生活的影响``; ``…突发公共卫生突发事件能力``, the doubled 突发 kept).
- 外事出国项目专项经费绩效评价表 (wscgxm.jsp): 项目产出 holds two %-rates (100%) and five 是/否 rows (``是``), 产出成本's
  ``是否严格执行出国费标准`` among them. 项目效果: ``是否有违反外事纪律事件发生`` ``否`` is ``("=", 0)`` (one table row, its
  理由 cell ``/``). Under 环境效益 the second indicator, ``通过增强国际交流是否为检验检疫创造良好的国际环境`` ``是``, opens
  without its ``<tr>`` tag (the row before is closed, the cells follow directly; a browser opens the row): it is a row of
  the table and is read. 9 是/否 rows in 项目效果 (数据项 inputs sj31 … sj39), 25 rows in all.
- 大通关(电子监管)项目支出绩效评价表 (dtg.jsp; two-space indented; the first band's last header ``指标`` for 指标值):
  ``电子监管企业覆盖率`` ``20%`` is a low target, still ``>=``, a rate. ``核心业务系统的瘫痪次数`` / ``核心系统被入侵次数``
  ``次`` ``0``: events in the year, flow, lower, ``<= 0``. ``核心业务数据是否及时准确传输`` ``是`` (产出时效): ``("=", 1)``.
  The 4 项目效果 rows (``是``) span 5 table rows each.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout54"
Y16 = "2016"


def _rate(name: str, year: str, value: float, actual: float | None = None) -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (">=", value)}, None if actual is None else {year: actual})


def _yes(name: str, year: str, yes: bool = True) -> tuple[Any, ...]:
    """A 是/否 question (计量单位 ``是/否``): target 是 → 1, 否 → 0; the 数据项1 input is empty (no actual)."""
    return (name, "", "milestone", None, {year: ("=", 1 if yes else 0)}, None)


def _budget(year: str) -> list[tuple[Any, ...]]:
    """The 预算绩效 block every page of this system opens with (预算管理 6 rows, 财务管理 3 rows)."""
    return [
        _rate("预算执行进度(7月)", year, 40),
        _rate("预算执行进度（11月）", year, 80.21),
        ("预算调整次数（实际调整数）", "次", "flow", "lower", {year: ("<=", 0)}, None),
        _yes("项目预算资金是否被核减", year, yes=False),  # 否
        ("结转结余资金率", "%", "rate", "lower", {year: ("<=", 0)}, None),  # -0%
        _yes("是否开展预算编报考评", year),  # 是
        ("用款计划差错率", "%", "rate", "lower", {year: ("<=", 0)}, None),  # -0%
        _yes("是否存在违规行为", year, yes=False),  # 否
        _yes("是否开展会计决算报表考评", year),  # 是
    ]


_LAYOUT = ("html (a JSP page whole: breadcrumb, a tablename div, one <table> with rowspans; the header band 一级指标 … "
           "计量单位 | 目标值(标准) | 分值 | 采集数据项 | 指标值 repeated before each 一级 block; 采集数据项 / 指标值 / 理由 cells "
           "are empty <input> fields; 是/否 in 计量单位; ")

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "jianyi_changjitu_zhuanxiang_pingjia_2016.txt": {
        "kind": "专项经费绩效评价表（网页模板，只填预算绩效）", "year": Y16,
        "layout": _LAYOUT + "only the 预算绩效 block filled, the 项目产出 / 项目效果 blocks empty rows under their 二级 "
                            "labels; no year)",
        "rows": _budget(Y16),
        "unread": [],
    },
    "jianyi_kouan_hexin_nengli_pingjia_2016.txt": {
        "kind": "专项经费支出绩效评价表（网页模板）", "year": Y16,
        "layout": _LAYOUT + "项目效果 rows spanning 4 table rows of 分值 and numbered 理由 inputs; an empty 产出成本 row; "
                            "no year)",
        "rows": _budget(Y16) + [
            _rate("全国所有国家开放口岸", Y16, 100),
            _rate("全国国家开放口岸核心能力建设考核验收率", Y16, 100),
            _rate("全国国家开放口岸核心能力考核达标率", Y16, 100),
            _yes("口岸核心能力建设工作是否对地方外经作出贡献", Y16),
            _yes("是否有效预防、抵御、控制和应对疾病的国际传播", Y16),
            _yes("是否有利于保护国境口岸生态环境", Y16),
            _yes("是否有效避免对国际交通和贸易造成不必要的干扰，最大限度地减少导致疾病国际传播的事件对人们生活的影响", Y16),
            _yes("是否加强和维持国境口岸应对公共卫生风险和国际关注的突发公共卫生突发事件能力", Y16),
        ],
        "unread": [],
    },
    "jianyi_waishi_chuguo_pingjia_2016.txt": {
        "kind": "专项经费绩效评价表（网页模板）", "year": Y16,
        "layout": _LAYOUT + "项目效果 rows spanning 1 to 4 table rows; one row opens without its <tr> tag; no year)",
        "rows": _budget(Y16) + [
            _rate("出国任务完成率", Y16, 100),
            _rate("境外评审、考核、检验团组的任务完成率", Y16, 100),
            _yes("外事任务是否按照规定程序审批", Y16),
            _yes("是否取得培训、考察、交流成果", Y16),
            _yes("是否及时提交出访总结", Y16),
            _yes("外事出国取得成果是否得到应用", Y16),
            _yes("是否严格执行出国费标准", Y16),
            _yes("是否促进地方经济项目推广和外拓", Y16),
            _yes("是否保证了检验检疫业务的顺利开展", Y16),
            _yes("是否提高了国际技术交流效果", Y16),
            _yes("是否加强对外政策、信息、技术、业务交流", Y16),
            _yes("是否有违反外事纪律事件发生", Y16, yes=False),  # 否
            _yes("是否促进外贸企业建立良好的对外沟通渠道，优化对外贸易环境", Y16),
            _yes("通过增强国际交流是否为检验检疫创造良好的国际环境", Y16),  # the row without its <tr>
            _yes("是否提高检验检疫执法能力", Y16),
            _yes("是否增加国际合作交流机会", Y16),
        ],
        "unread": [],
    },
    "jianyi_datongguan_dianzi_jianguan_pingjia_2016.txt": {
        "kind": "项目支出绩效评价表（网页模板）", "year": Y16,
        "layout": _LAYOUT + "目标值 / (标准) in two <p> in the later bands, the first band's last header 指标; 项目效果 "
                            "rows spanning 5 table rows; empty 产出成本 / 环境效益 / 可持续影响 rows; no year)",
        "rows": _budget(Y16) + [
            _rate("网络覆盖率", Y16, 100),
            _rate("电子通关率", Y16, 100),
            _rate("电子申报率", Y16, 100),
            _rate("电子转单覆盖率", Y16, 100),
            _rate("电子监管企业覆盖率", Y16, 20),
            ("核心业务系统的瘫痪次数", "次", "flow", "lower", {Y16: ("<=", 0)}, None),
            ("核心系统被入侵次数", "次", "flow", "lower", {Y16: ("<=", 0)}, None),
            _yes("核心业务数据是否及时准确传输", Y16),
            _yes("是否减少了企业通关成本", Y16),
            _yes("是否降低了检验检疫部门的监管成本", Y16),
            _yes("是否提高了企业通关速度", Y16),
            _yes("是否提高了检验检疫部门的监管成效", Y16),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
