"""Hand-checked readings of a held-out set, tests/tables/heldout17/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

- 萧县 河西村 自评表: each ★ row (分值, 得分) carries a total and the rows headed ``其中`` under it carry its parts, written
  without a colon (``其中桃树种植面积``); ``其中`` is not part of the name, as ``其中:`` is not (held-out 5). A bare
  ``29.5亩`` is a target met at or above it (a count, higher is better). 全年实际值 are the actuals.
- 同心 设施农业技术培训: the targets are sentences, one a line, under numbered headings. ``完成时限,2025年10月底前`` is a
  deadline; ``…,增加`` / ``…,提高`` / ``…,持续提高`` are qualitative. The two 县内培训 rows are two indicators (a count of
  trainees, a cost per trainee).
- 蒙城 基本公共卫生: one cell a line with a ``|`` line after each. The third indicator's value stops at ``≧`` (``ERR``,
  listed in ``unread``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import ERR, Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout17"
Y23, Y24, Y25 = "2023", "2024", "2025"

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "xiaoxian_hexi_tezhong_ziping_2023.txt": {
        "kind": "绩效目标自评表（特色种养补贴到户）", "year": None,
        "layout": "text-pipe (★ totals over 其中 parts, rows broken after a cell)",
        "rows": [
            ("补助各类瓜果蔬菜种植面积", "亩", "flow", "higher", {Y23: (">=", 29.5)}, {Y23: 29.5}),
            ("桃树种植面积", "亩", "flow", "higher", {Y23: (">=", 1.5)}, {Y23: 1.5}),
            ("苹果树种植面积", "亩", "flow", "higher", {Y23: (">=", 5)}, {Y23: 5}),
            ("露天蔬菜", "亩", "flow", "higher", {Y23: (">=", 20)}, {Y23: 20}),
            ("大棚蔬菜", "亩", "flow", "higher", {Y23: (">=", 3)}, {Y23: 3}),
            ("补助鱼塘面积", "亩", "flow", "higher", {Y23: (">=", 3)}, {Y23: 3}),
            ("鱼塘养殖面积", "亩", "flow", "higher", {Y23: (">=", 3)}, {Y23: 3}),
            ("补助家畜家禽养殖数量", "只", "flow", "higher", {Y23: (">=", 192)}, {Y23: 192}),
            ("羊养殖数量", "只", "flow", "higher", {Y23: (">=", 180)}, {Y23: 180}),
            ("猪养殖数量", "头", "flow", "higher", {Y23: (">=", 12)}, {Y23: 12}),
            ("种植作物成活率", "%", "rate", "higher", {Y23: (">=", 95)}, {Y23: 95}),
            ("养殖家畜家禽成活率", "%", "rate", "higher", {Y23: (">=", 95)}, {Y23: 100}),
            ("特色产业带动增加受益农户收入(总收入)", "万元", "flow", "higher", {Y23: (">=", 11.376)}, {Y23: 12}),
            ("受益人口数量", "人", "flow", "higher", {Y23: (">=", 90)}, {Y23: 90}),
        ],
        "unread": [],
    },
    "tongxin_sheshi_peixun_2025.txt": {
        "kind": "绩效目标设定（文字，编号标题下一行一个指标）", "year": None,
        "layout": "text-prose (one sentence a line under 一、/(一) headings)",
        "rows": [
            ("设施温棚种植人员(县内培训)", "人", "flow", "higher", {Y25: (">=", 300)}, None),
            ("参训人员结业率", "%", "rate", "higher", {Y25: (">=", 100)}, None),
            ("完成时限", "", "milestone", None, {Y25: ("due", "2025-10")}, None),
            ("设施农业种植人员(县内培训)", "元/人", "level", "lower", {Y25: ("<=", 1000)}, None),
            ("带动村集体及种植户增收致富", "", "qualitative", None, {Y25: Q}, None),
            ("学员素质素养和种植技术水平", "", "qualitative", None, {Y25: Q}, None),
            ("培训人员绿色种植意识", "", "qualitative", None, {Y25: Q}, None),
            ("农民综合素质", "", "qualitative", None, {Y25: Q}, None),
            ("参训学员满意度", "%", "rate", "higher", {Y25: (">=", 95)}, None),
        ],
        "unread": [],
    },
    "mengcheng_jiben_gongwei_2024.txt": {
        "kind": "项目支出绩效目标申报表（基本公共卫生）", "year": None,
        "layout": "text-lines (one cell a line, a | line after each)",
        "rows": [
            ("适龄儿童国家免疫规划疫苗接种率", "%", "rate", "higher", {Y24: (">=", 90)}, None),
            ("7 岁以下儿童健康管理率", "%", "rate", "higher", {Y24: (">=", 85)}, None),
            ("0-6 岁儿童眼保健和视力检查覆盖率", "%", "rate", "higher", {Y24: ERR}, None),
        ],
        "unread": ["0-6 岁儿童眼保健和视力检查覆盖率"],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
