"""Hand-checked readings of a held-out set, tests/tables/heldout20/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

- 青山 教育局 基础设施建设和设备购置 目标表: a web page's cells a paragraph each, blank lines between; the indicator table
  has a long-term half (二级/三级/指标值（长期）, all empty) beside the annual half (二级/三级/指标值（年度）), and 一级指标 is
  written again on every row. ``参照政府采购成本控制`` is a qualitative cost target; ``2`` has no unit.
- 湖北 残联 宣传文化经费 自评报告: report prose, then its 表1 as a |-separated web table a cell a line: 序号 | 三级指标 |
  年度指标值, no levels. The stored copy stops inside row 15 (``残疾人事业社会关``: unread, no value).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout20"
Y17, Y20 = "2017", "2020"

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "qingshan_jiaoyu_jijian_2020.txt": {
        "kind": "项目支出绩效目标表（长期与年度两组指标）", "year": Y20,
        "layout": "text-lines (a cell a paragraph; long-term and annual indicator sets side by side)",
        "rows": [
            ("重点建设工程安排数量", "", "flow", "higher", {Y20: (">=", 2)}, None),
            ("重点建设工程验收合格率", "%", "rate", "higher", {Y20: (">=", 100)}, None),
            ("建设项目成本", "", "qualitative", None, {Y20: Q}, None),
            ("重点建设工程按期完成率", "%", "rate", "higher", {Y20: (">=", 100)}, None),
            ("基础教育巩固提高情况", "", "qualitative", None, {Y20: Q}, None),
            ("基础教育学校办学条件", "", "qualitative", None, {Y20: Q}, None),
            ("学生、家长、社会满意度", "%", "rate", "higher", {Y20: (">=", 90)}, None),
        ],
        "unread": [],
    },
    "hubei_canlian_xuanchuan_2017.txt": {
        "kind": "项目绩效自评报告（表1 绩效目标，序号列）", "year": Y17,
        "layout": "text-lines (report prose above; 序号 | 三级指标 | 年度指标值 a cell a line)",
        "rows": [
            ("全国助残日活动次数", "次", "flow", "higher", {Y17: (">=", 1)}, None),
            ("报纸杂志专版专栏", "个", "flow", "higher", {Y17: (">=", 1)}, None),
            ("电视专栏节目", "期", "flow", "higher", {Y17: (">=", 24)}, None),
            ("广播专题节目", "期", "flow", "higher", {Y17: (">=", 104)}, None),
            ("网络宣传平台", "个", "flow", "higher", {Y17: (">=", 1)}, None),
            ("内部刊物", "期", "flow", "higher", {Y17: (">=", 12)}, None),
            ("开展残疾人文化活动", "", "flow", "higher", {Y17: (">=", 1)}, None),
            ("残疾人文化活动参与人数", "人", "flow", "higher", {Y17: (">=", 60)}, None),
            ("举办宣文干部培训班次", "次", "flow", "higher", {Y17: (">=", 1)}, None),
            ("全省残联宣文干部培训班参训人数", "人", "flow", "higher", {Y17: (">=", 60)}, None),
            ("宣传覆盖面", "", "qualitative", None, {Y17: Q}, None),
            ("残疾人文化活动参与率", "", "qualitative", None, {Y17: Q}, None),
            ("全省残联宣文干部培训班培训合格率", "%", "rate", "higher", {Y17: (">=", 100)}, None),
            ("全省残联宣文干部培训班参训学员工作积极性", "", "qualitative", None, {Y17: Q}, None),
        ],
        "unread": ["残疾人事业社会关"],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
