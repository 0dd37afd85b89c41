"""Hand-checked readings of a held-out set, tests/tables/heldout19/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

- 大英 图书馆 自评表 (tail): a |-separated copy that starts inside the indicator rows, no header; its columns are 三级指标 |
  指标性质 (=, ≥, 定性) | 指标值 | 度量单位 | 完成值 | 权重 | 得分. ``定性 | 好坏`` is a qualitative target. The next form
  below it stops before its indicators (given ``--year 2022``).
- 大英 民政 养老 (tail): the last rows of a 部门整体 table, a cell a line between | lines; 一级 | 二级 | 三级 | 指标值 |
  完成值. The 时效指标 and 成本指标 rows give ``2020年`` and ``100万`` where a name would be: no indicator can be named
  from them (not scored). Given ``--year 2020``.
- 青神 发改 工资性支出 自评表: a cell a line with a | after each; ``= | 100 | %`` is =100%; the 完成值 cells are empty.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout19"
Y20, Y22, Y23 = "2020", "2022", "2023"

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "daying_tushuguan_ziping_tail_2022.txt": {
        "kind": "部门预算项目支出绩效自评表（后半，无表头）", "year": Y22,
        "layout": "text-pipe (no header: the copy starts inside the rows)",
        "rows": [
            ("公益性讲座知晓率", "%", "rate", "higher", {Y22: ("=", 100)}, {Y22: 100}),
            ("图书馆管理机制健全性", "", "qualitative", None, {Y22: Q}, {Y22: None}),
            ("活动参与人员满意度", "%", "rate", "higher", {Y22: (">=", 95)}, {Y22: 95}),
            ("聘用人员满意度", "%", "rate", "higher", {Y22: (">=", 95)}, {Y22: 95}),
        ],
        "unread": [],
    },
    "daying_minzheng_yanglao_tail_2020.txt": {
        "kind": "部门整体支出绩效表（后几行，无表头）", "year": Y20,
        "layout": "text-lines (no header, a cell a line between | lines)",
        "rows": [
            ("改善养老服务基础条件", "", "qualitative", None, {Y20: Q}, {Y20: None}),
            ("老年人日益增加的养老服务需求", "", "qualitative", None, {Y20: Q}, {Y20: None}),
            ("养老服务对象对养老机构服务质量满意度", "%", "rate", "higher", {Y20: (">=", 90)}, {Y20: 98}),
        ],
        "unread": [],
    },
    "qingshen_fagai_gongzi_ziping_2023.txt": {
        "kind": "部门预算项目支出绩效自评表", "year": None,
        "layout": "text-lines (a cell a line with a | after each, 指标性质 and 度量单位 columns)",
        "rows": [
            ("发放(缴纳)覆盖率", "%", "rate", "higher", {Y23: ("=", 100)}, None),
            ("足额保障率(参保率)", "%", "rate", "higher", {Y23: ("=", 100)}, None),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
