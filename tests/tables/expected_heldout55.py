"""Hand-checked readings of a held-out set, tests/tables/heldout55/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: real target tables found in public code repositories (documents, data files and pages kept in repos). Both tables
come from one repository, a budget-disclosure checking tool (zxj6827111-blip/GovBudgetChecker), whose JSON test fixtures
freeze the text and the tables pulled out of 上海市普陀区's 2026 区级部门预算 PDFs; each kept part is the page holding a
财政项目支出绩效目标申报表（2026年度）, copied as the JSON stores it. Place: 上海 普陀区 (城管执法局执法大队, 建设和管理委员会 /
市政工程建设中心). Searches of the code index for Markdown tables (``| 三级指标 |``, ``| 数量指标 |``, ``|产出指标|数量指标|``),
HTML ``<td>三级指标</td>``, header words (三级指标, 年度指标值, 实际完成值, 全年执行数, 绩效目标申报表, 项目支出绩效自评表,
部门整体支出绩效, 年度总体目标, 可持续影响指标, 服务对象满意度指标, 社会公众或服务对象满意度, 受益群众满意度,
指标值（包含数字及文字描述）, 年度(/项目)指标值, ``≥95%</td>``) and the semantic search turned up only forms with empty
cells or template placeholders (JSP / Vue / Ext input forms, ``${data.x}`` slots, SQL column configs of a 绩效 system,
indicator libraries without values), unrelated 指标体系 (papers, LLM benchmarks, HR reviews), or a unit test's invented
fragments (a 北京 通州 档案 target list whose values contradict each other); the hktianyi/Meeting forms are set 54's. Same
conventions as ``expected_corpus.py`` and the held-out sets before: ``=100.00(%)`` keeps ``=`` (as ``= | 1`` is
``("=", 1)``), read as a rate, higher; a worded target (合理, 提高, 降低, 可控, 及时, 减少, 提升, 健全) is qualitative with no
direction; a bare number of a thing built reads as ``>=``; the year is in each title (2026年度), so no ``year``.

- 普陀 拆违经费 申报表 (a page-text string of the fixture's ``page_texts``: one line of JSON, a cell per ``\\n``; the 项目
  总体目标 / 年度总体目标 cells quoted with escaped ``\\"``): the 项目资金 block (10,308,000.00 / 3,498,000.00 元, 上年结转
  0.00) is the budget, no indicator. Columns 一级 / 二级 / 三级 / 年度(/项目)指标值, the 一级 label only on a block's first
  row. ``成本控制合理性`` ``合理`` (经济成本指标) is worded: qualitative. ``完成年度拆违计划`` ``=100.00(%)`` is the share of the
  year's 拆违 plan done: a rate. ``新增违建发生数`` ``降低`` is worded (a count to bring down, no figure): qualitative, no
  direction. The 二级 label ``服务对象满意度`` / ``指标`` is broken over two lines before ``群众满意度``: no part of the name.
  The fixture files this page under the 建设和管理委员会 document (label ``jgw``) though the form is 城管执法局执法大队's; the
  same table is stored a second time as cell lists in ``chengguan_budget_page_data.json`` (not kept: one table, one
  fixture).
- 普陀 兰溪路-真南路下立交工程 申报表 (pdfplumber's cell lists: a row a JSON list of 8 cells, merged cells ``""``, line
  breaks inside cells as ``\\n``, e.g. the 二级 ``社会效益\\n指标``; the whole kept on one line): 项目资金 771,325,800.00 /
  226,145,100.00 元 is the budget. The first indicator row has no 一级 cell (``""``) and the 二级 ``生态环境\\n成本指标``:
  ``文明施工情况`` ``可控`` is worded, qualitative. ``道路建设长度`` ``985米`` is the length of road to build: flow, higher,
  ``>= 985``, unit ``米``. ``项目完成及时性`` ``及时`` is worded (no date): qualitative, not a milestone. The three 社会效益
  rows share one 二级 cell (blank on the second and third). ``居民群众满意度`` ``≥90.00(%)``: rate.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout55"
Y26 = "2026"


def _rate(name: str, year: str, value: float, comparator: str = ">=") -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (comparator, value)}, None)


def _qual(name: str, year: str) -> tuple[Any, ...]:
    return (name, "", "qualitative", None, {year: Q}, None)


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "putuo_chaiwei_jingfei_mubiao_2026.txt": {
        "kind": "财政项目支出绩效目标申报表", "year": None,
        "layout": "text-json (one JSON string of a fixture's page_texts: a cell per \\n escape, quoted goal cells with "
                  "escaped quotes; 一级 label only on a block's first row; a 二级 label broken over two cells)",
        "rows": [
            _qual("成本控制合理性", Y26),  # 合理
            _rate("完成年度拆违计划", Y26, 100, "="),  # =100.00(%)
            _rate("违法建筑销项正确率", Y26, 100, "="),
            _rate("新增违建处置率", Y26, 100, "="),
            _rate("群众政策知晓度", Y26, 90),  # ≥90.00(%)
            _qual("提升城市环境美化指数", Y26),  # 提高
            _qual("新增违建发生数", Y26),  # 降低
            _rate("群众满意度", Y26, 90),
        ],
        "unread": [],
    },
    "putuo_lanxilu_xialijiao_mubiao_2026.txt": {
        "kind": "财政项目支出绩效目标申报表", "year": None,
        "layout": "json-cells (pdfplumber tables as JSON lists on one line: a row a list of 8 cells, merged cells \"\", "
                  "\\n inside cells; the first indicator row without its 一级 cell; shared 二级 cells left blank)",
        "rows": [
            _qual("文明施工情况", Y26),  # 可控
            ("道路建设长度", "米", "flow", "higher", {Y26: (">=", 985)}, None),  # 985米
            _rate("项目验收达标率", Y26, 100, "="),  # =100.00(%)
            _qual("项目完成及时性", Y26),  # 及时
            _qual("道路安全隐患减少情况", Y26),  # 减少
            _qual("道路景观提升情况", Y26),  # 提升
            _qual("道路通行能力提升情况", Y26),  # 提升
            _qual("长效管理制度健全性", Y26),  # 健全
            _rate("居民群众满意度", Y26, 90),  # ≥90.00(%)
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
