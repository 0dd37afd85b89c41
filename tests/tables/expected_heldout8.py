"""Hand-checked readings of an eighth held-out set, tests/tables/heldout8/: real published tables from sources used
nowhere else in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()``
writes one ``<fixture>.expected.json`` beside each. The folder is kept outside the bench (not ``heldout*``) until its
first measurement.

Same format and conventions as ``expected_corpus.py`` and the held-out sets 1 to 7 (their helpers are reused: ``Q`` a
qualitative target, ``("due", "2021-12")`` a deadline, ``ERR`` a cell nobody can read, ``None`` where only the office
could know, a comparator of ``None`` when only the value is scored; a bare number reads as ``>=`` for a
higher-is-better indicator and as ``<=`` for a cost; a value written into the name cell is the target and the name is
what precedes it). Also read this way here:

- A table whose 指标值 and 实际完成值 columns hold the 分值 and 得分 (阆中: ``20 | 20``, ``10 | 10``, summing to 100)
  has no target in those cells. A row whose name carries its own value (``建设普通省道二级公路32.1公里``) takes it; a
  row whose name states the requirement (``建设符合验收要求``) is qualitative; a row with neither (``基本公共服务水平``,
  a satisfaction with ``20`` only) is ``ERR`` and listed in ``unread``. Its actuals are ``None`` (the cells are scores).
- A 指标性质 column holding 正向 / 反向 gives the direction and a 指标方向 column holding ``=`` the comparator (乌海),
  kept as written, also ``= 0`` on a cost in 万元 (a small sum rounded to 0).
- A spreadsheet date serial shown as a number (乌海 ``44,561`` in both the value and the unit cell of a time row) is
  the date it counts to (44561 = 2021-12-31): a deadline ``("due", "2021-12")``, kind ``milestone``. (First read
  here as ``ERR``; corrected once the date a day number stands for was seen to be certain, not a guess.)
- A blank unit cell on a count (乌海 出差人数) gives unit ``None``; a value with a unit in it (零陵 ``1.2万亩``,
  ``1100万元``, ``2.6亿元``) gives that unit; ``每亩300`` names no currency, so its unit is ``None``.
- A copy cut off before a block (乌海 at ``效``, 零陵 at ``生态``) keeps the rows before the cut only; characters the
  copy drops stay dropped in names (零陵 ``育补助`` for 抚育补助).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import ERR, Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout8"
Y21 = "2021"

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "langzhong_chegoushui_ziping_2021.txt": {
        "kind": "转移支付绩效目标自评表（车购税补助，普通省道）", "year": None,
        "layout": "text-pipe (run-together cells set apart; 分值/得分 in the 指标值/实际完成值 columns, target in the name)",
        "rows": [
            ("建设普通省道二级公路", "公里", "flow", "higher", {Y21: (">=", 32.1)}, {Y21: None}),
            ("建设符合验收要求", "", "qualitative", None, {Y21: Q}, {Y21: None}),
            ("按期完成投资", "", "qualitative", None, {Y21: Q}, {Y21: None}),
            ("对经济发展的促进作用", None, None, None, {Y21: ERR}, {Y21: None}),  # 10 | 10: score only
            ("基本公共服务水平", None, None, None, {Y21: ERR}, {Y21: None}),  # 10 | 10: score only
            ("交通建设符合环评审批要求", "", "qualitative", None, {Y21: Q}, {Y21: None}),
            ("改善通行服务水平群众满意度", None, "rate", "higher", {Y21: ERR}, {Y21: None}),  # 20 | 20: score only
        ],
        "unread": ["对经济发展的促进作用", "基本公共服务水平", "改善通行服务水平群众满意度"],
    },
    "wuhai_gxs_zaisheng_2021.txt": {
        "kind": "项目绩效目标表", "year": None,
        "layout": "text-space (正向/反向 and = columns, 计量单位 column, spreadsheet date serials, cut at 效益指标)",
        "rows": [
            ("出差人数", None, "flow", "higher", {Y21: ("=", 8)}, None),  # unit cell blank
            ("出差人次", "人/次", "flow", "higher", {Y21: ("=", 24)}, None),
            ("工作任务完成率", "%", "rate", "higher", {Y21: ("=", 100)}, None),
            ("项目财政资金到位时间", None, "milestone", None, {Y21: ("due", "2021-12")}, None),  # 44,561 | 44,561
            ("财政资金到位及时支付率", "%", "rate", "higher", {Y21: ("=", 100)}, None),
            ("工作计划按时完成时间", None, "milestone", None, {Y21: ("due", "2021-12")}, None),  # 44,561 | 44,561
            ("出差单位成本", "万元/人", "level", "lower", {Y21: ("=", 0)}, None),
            ("出差总成本", "万元", "flow", "lower", {Y21: ("=", 1)}, None),
            ("劳务人员总成本", "万元", "flow", "lower", {Y21: ("=", 2)}, None),
            ("办公费总成本", "万元", "flow", "lower", {Y21: ("=", 0)}, None),
            ("年度预算总成本", "万元", "flow", "lower", {Y21: ("=", 3)}, None),
        ],
        "unread": [],
    },
    "lingling_linye_zhengti_ziping_2021.txt": {
        "kind": "部门整体支出绩效自评表", "year": None,
        "layout": "text-lines (one cell per line, blank lines between, units in the values, cut at 生态效益指标)",
        "rows": [
            ("造林面积", "万亩", "flow", "higher", {Y21: (">=", 1.2)}, {Y21: 1.2}),
            ("病虫害防治面积", "万亩", "flow", "higher", {Y21: (">=", 3.45)}, {Y21: 3.45}),
            ("森林经营面积", "万亩", "flow", "higher", {Y21: (">=", 16.3)}, {Y21: 16.3}),
            ("造林成活率", "%", "rate", "higher", {Y21: (">=", 85)}, {Y21: 85}),
            ("当期完成", "%", "rate", "higher", {Y21: (">=", 90)}, {Y21: 100}),
            ("造林补助", None, "level", "lower", {Y21: ("<=", 300)}, {Y21: 300}),  # 每亩300, no currency
            ("育补助", None, "level", "lower", {Y21: ("<=", 100)}, {Y21: 100}),  # 每亩100
            ("木材销售收入", "万元", "flow", "higher", {Y21: (">=", 1100)}, {Y21: 1093}),
            ("林产品收入", "亿元", "flow", "higher", {Y21: (">=", 2.6)}, {Y21: 2.45}),
            ("提高就业率", "", "qualitative", None, {Y21: Q}, {Y21: None}),  # 显著 / 显著
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
