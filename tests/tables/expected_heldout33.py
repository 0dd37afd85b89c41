"""Hand-checked readings of a held-out set, tests/tables/heldout33/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: 项目支出绩效目标表 / 自评表 published by departments whose topics are not yet common in the tests — 住建 (a county
住房保障服务中心's 国有资产出租 project), 市场监管 (a county 市场监督管理局's 商品质量检测 self-evaluation) and 交通
(a county-level city's 乡村道路建设养护 self-evaluation). Places: 南县 (湖南益阳), 乐亭县 (河北唐山), 广水市 (湖北随州).
Searches for 公安 / 司法 / 体育 / 档案 / 生态环境 / 科技 forms mostly returned pages already used (宣城 禁毒, 黄山 公安,
金安 体育, 濮阳 档案馆, 咸宁 生态环境 …) or 部门预算 / 决算 documents whose stored text stops in the table of contents;
the few fresh ones (金寨 司法局, 叶集 文旅体, 澧县 生态环境分局, 上饶 司法局 .xls, 泸县 文广旅) stop before their first
indicator row. Only three tables qualified; the set is small (12 rows, 2 of them names without values). Same conventions as ``expected_corpus.py`` and the
held-out sets before: a bare number reads as ``>=`` for a higher-is-better indicator and as ``<=`` for a cost; ``= | 100 |
%`` is ``("=", 100)``; a worded target is qualitative, a worded actual ``None``; a 定性 row is qualitative; a unit is kept
as written (held-out 28's ``人数``); where the copy is cut, the rows before the cut are kept and the cut row is left out.

- 南县 住房保障服务中心 项目绩效年度表 (2024年度; |-separated, 指标值类型 / 目标值 / 度量单位 / 指标值内容 / 备注, as
  held-out 24's 南县 疾控 form): the empty 项目分类 … 需要说明的其他情况 rows and ``收取国有资产出租收入55万元`` (the
  年度绩效目标) are no indicators. ``国有资产出租应交税费经费 | ≤ | 9.9 | 万元`` a cost cap. ``门面数量 | = | 9 | 间数``: a
  count of shop fronts let, ``=`` as written, unit ``间数`` kept as written. The two 定性 rows (``保障`` / unit cell ``无``)
  are qualitative with no unit (``无`` says there is none). ``按时交纳税费 | = | 1 | 年`` is a frequency (taxes paid once a
  year), read as held-out 28's ``按月发放 = 1 次``: ``=`` as written, no kind, no direction. ``出租闲置房屋,减少国有资产
  闲置率 | = | 100 | %``: the name speaks of reducing the idle rate but the 100 % and its note (``考察国有资产出租房屋数``)
  measure the share let — a rate whose direction only the office could say (``None``). The last row, a 满意度 ``= 100 %``,
  is a rate, higher. The year is in the form's title (2024年度), no ``year``; the 2025 整体 form below is cut in its header.
- 乐亭县 市场监督管理局 项目支出绩效自评表 (2021年度; a document-share preview, a cell a line): the preview glues the first
  form's header (商品质量检测经费, ``年度资金总``) onto the tail of a later page, so ``年度资金总≥90% / 95% / 10 / 10`` is a
  row whose name is on the skipped pages: left out, as a cut row (``年度资金总`` is the 年度资金总额 label, no name). Two
  rows are whole: ``可持续影响指标`` (二级) / ``可持续`` (三级) / ``可持续`` / ``可持续`` / 10 / 9 — name ``可持续``, worded target
  and worded actual (qualitative); ``服务对象满意度指标`` / ``服务对象满意度`` / ``≥90%`` / ``100%`` / 10 / 10 — the 10s are
  分值 / 得分, no values. The second form (双随机抽查委托审计费) is cut in its 实际完成情况 text, before any indicator.
- 广水市 交通运输局 2021年度乡村道路项目自评表 (PDF text in one paragraph, 年初指标值 / 年终完成值 / 自评分 / 复核分 / 评价标准
  columns): the 项目决策 / 项目管理 scores (2, 3, 2, 4, 4) and the 年度目标 sentence (``完成乡村道路建设养护里程 300 公里``)
  are no indicator rows. The one valued row is broken across the cells' wrapped lines: ``乡村道路建设 300 公 300 公 15 …
  养护里程 里 里`` is ``乡村道路建设养护里程`` with target ``300公里`` and actual ``300公里`` (15 its 自评分): a length built
  and maintained, flow, higher. Then ``农村公路建设 验收合格率`` and ``农村公路养护 … 验收合格率`` (the 二级 label ``质量指 标 12
  分`` set between the wrapped parts) carry no value in the copy although the copy runs on past them — a judgement: read
  as rows with a name and no value (held-out 27's 省残联 form), not as cut rows. The last word ``农村`` starts a name cut by
  the copy: left out. Year from the title (2021年度), no ``year``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout33"
Y21, Y24 = "2021", "2024"


def _qual(name: str, year: str, actual: bool = False) -> tuple[Any, ...]:
    """A worded target; ``actual``: the form has an actual column (a worded actual is ``None``)."""
    return (name, "", "qualitative", None, {year: Q}, {year: None} if actual else None)


def _named(name: str) -> tuple[Any, ...]:
    """A row with a name and no value in the copy: targets left to fill in, no unit written."""
    return (name, None, None, None, {}, None)


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "nanxian_zhufang_baozhang_guoyou_zichan_mubiao_2024.txt": {
        "kind": "项目绩效年度表（项目支出绩效目标）", "year": None,
        "layout": "text-pipe (a page header above; empty 项目分类 … 政策依据 rows; 指标值类型 / 目标值 / 度量单位 / 指标值内容 "
                  "columns, 成本指标 row first, 定性 rows with 保障 / 无; a 2025 整体 form below cut in its header)",
        "rows": [
            ("国有资产出租应交税费经费", "万元", "flow", "lower", {Y24: ("<=", 9.9)}, None),
            ("门面数量", "间数", "flow", "higher", {Y24: ("=", 9)}, None),
            _qual("以合理的市场价出租", Y24),  # 定性 | 保障 | 无
            ("按时交纳税费", "年", None, None, {Y24: ("=", 1)}, None),  # once a year
            ("出租闲置房屋,减少国有资产闲置率", "%", "rate", None, {Y24: ("=", 100)}, None),
            _qual("保障承租人租金合理、门面闲置率低", Y24),
            ("税务局对我单位税费缴纳及时、足额的满意度", "%", "rate", "higher", {Y24: ("=", 100)}, None),
        ],
        "unread": [],
    },
    "laoting_shichang_jianguan_zhiliang_jiance_ziping_2021.txt": {
        "kind": "项目支出绩效自评表（预览拼接，只余末尾两行）", "year": None,
        "layout": "text-lines (a document-share preview, a cell a line; the first form's header glued onto a later page's "
                  "rows, the first of them nameless; 年度指标值 / 实际完成值 / 分值 / 得分; a second form cut before its rows)",
        "rows": [
            _qual("可持续", Y21, actual=True),  # 可持续影响指标 / 可持续 / 可持续 / 可持续 / 10 / 9
            ("服务对象满意度", "%", "rate", "higher", {Y21: (">=", 90)}, {Y21: 100}),
        ],
        "unread": [],
    },
    "guangshui_jiaotong_xiangcun_daolu_ziping_2021.txt": {
        "kind": "财政预算支出项目绩效目标自评表", "year": None,
        "layout": "text-run (a PDF copy in one paragraph: scoring part first, then 年初指标值 / 年终完成值 / 自评分 columns "
                  "with each cell's wrapped lines interleaved; two names without values; cut at the next name)",
        "rows": [
            ("乡村道路建设养护里程", "公里", "flow", "higher", {Y21: (">=", 300)}, {Y21: 300}),
            _named("农村公路建设验收合格率"),
            _named("农村公路养护验收合格率"),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
