"""Hand-checked readings of a held-out set, tests/tables/heldout34/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: targets of construction projects (基本建设 / 政府投资) and of 乡村振兴 衔接资金 projects. Only one table is kept
from about an hour of searching: every 专项债券 / PPP / 抗疫特别国债 / 可行性研究 / 财政评审 copy found either stops before
its indicator rows (缙云 幼儿园 专项债, 瓯海 排水管网 专项债, 惠安 / 清流 / 安溪 衔接资金 notices, 潮州 冷链 notice), holds
only scores or indicator names without values (a 城市更新 checklist), carries spam lines (a 和平县 抗疫特别国债 mirror, a 寺下镇
mirror), or was already used (同心, 武川, 奉节 云雾, 舒城, 萧县, 中江, 青山, 东莞 …). A second table found (a 宣州区 新田镇 2022
衔接资金 road report) is left out: its only stored copy is on a betting site's mirror domain. Place: 施甸县 (云南保山,
county). Same conventions as ``expected_corpus.py`` and the held-out sets before: a bare number reads as ``>=`` for a
higher-is-better indicator and as ``<=`` for a cost; ``不低于`` is ``>=``; a deadline is
``("due", "YYYY-MM")``, kind milestone; a unit in brackets after the name is the unit; empty 完成值 cells give no actuals.

- 施甸县农业农村局 保山猪保种场建设项目 2021年度项目支出绩效自评表 (a row a line, cells split by one blank; 年初目标值(A) /
  实际完成值(B) / 得分): nothing was spent (执行数 0.00, the notes say no work was done yet), and every 实际完成值 and 得分
  cell is empty, so the one number after each name is the 年初目标值 and no row has actuals (as held-out 19 / 27). Year
  from the title (2021年度), no ``year``. The bracketed units are the units (平方米, 头, %, 万元, 户); ``年新增畜牧产值
  (万元)`` has a blank before the bracket (name read without it). ``投入资金(≥万元) 1500``: the bracket holds the comparator
  and the unit, so the name is ``投入资金``, unit 万元, ``(">=", 1500)`` as written — a 成本指标 row, but its ``≥`` says the
  office wants at least that much invested: read as written, flow, higher (as held-out 28's ``发放金额 ≥ 9.31 万元``).
  ``保种数量(头) 300`` is the herd of conserved breeding pigs kept (a level held, higher); ``年提供种猪数量`` is a yearly
  count (flow). ``项目竣工时间 2023.12`` is a deadline (``due`` 2023-12) although the form is the 2021 one: keyed to 2021
  like its other rows. The 预算执行 line (``年度财政资金总额 1500 0.00 0.0000``) is no indicator.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout34"
Y21 = "2021"


def _rate(name: str, year: str, value: float) -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (">=", value)}, None)


def _flow(name: str, unit: str, year: str, value: float) -> tuple[Any, ...]:
    return (name, unit, "flow", "higher", {year: (">=", value)}, None)


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "shidian_baoshanzhu_baozhongchang_ziping_2021.txt": {
        "kind": "项目支出绩效自评表（建设项目，完成值未填）", "year": None,
        "layout": "text-run (a row a line, cells split by one blank; 年初目标值(A) / 实际完成值(B) / 得分 with the last two "
                  "empty; units in brackets, one bracket holding the comparator; notes below, cut)",
        "rows": [
            _flow("标准化圈舍面积", "平方米", Y21, 5000),
            _flow("办公用房面积", "平方米", Y21, 500),
            _flow("饲料加工用房面积", "平方米", Y21, 300),
            ("保种数量", "头", "level", "higher", {Y21: (">=", 300)}, None),
            _flow("年提供种猪数量", "头", Y21, 2000),
            _rate("工程合格率", Y21, 95),
            ("项目竣工时间", "", "milestone", None, {Y21: ("due", "2023-12")}, None),  # 2023.12
            _flow("投入资金", "万元", Y21, 1500),  # 投入资金(≥万元) 1500
            _flow("年新增畜牧产值", "万元", Y21, 500),  # 年新增畜牧产值 (万元)
            _flow("辐射带动养殖保山猪户数", "户", Y21, 300),
            _rate("项目业主满意度", Y21, 95),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
