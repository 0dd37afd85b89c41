"""Hand-checked readings of a held-out set, tests/tables/heldout22/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

- 吕梁 护工培训 绩效目标完成情况 (OCR of an attachment, |-separated): 目标值 is the target, 完成值 the actual; ``18—54周岁``
  is a range (its unit scored, not its value); ``2021.1.1-12.31`` a deadline in December; ``3000元/人`` a standard
  whose value only is scored; the 培训补助 allocation table below it holds no indicators.
- 宣州 伤残军人医疗费 目标表 (a traditional-character mirror a cell a line): no year, read with ``--year 2024``; the empty
  经济效益 / 生态效益 rows are no indicators; the last row (…的持续影响程度) has lost its value in the copy: unread.
- 徽州 电影专项 自评表 (a row a line, blank-separated): the 资金管理情况 rows (分配科学性 … 6 6) are no indicators; the
  copy stops in the 社会效益 row (``满``), which names nothing.
- 休宁 革命旧址陈列布展 自评表 (|-separated, slots 指标1:): ``1个月`` / ``4个月`` have their value scored only; the last
  row (``项目总下达资金 | <``) lost its value in the copy: unread.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout22"
Y21, Y23, Y24, Y25 = "2021", "2023", "2024", "2025"


def _rate(name: str, year: str, value: float, actual: float | None = None) -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (">=", value)}, None if actual is None else {year: actual})


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "lvliang_hugong_peixun_ziping_2021.txt": {
        "kind": "绩效目标完成情况表（目标值与完成值）", "year": Y21,
        "layout": "text-pipe (OCR; merged cells left empty; an allocation table below)",
        "rows": [
            ("完成2021年吕梁山护工培训任务", "名", "flow", "higher", {Y21: (">=", 12500)}, {Y21: 12166}),
            ("完成2021年吕梁山护工培训就业质量考核及验收", "所", "flow", "higher", {Y21: (">=", 11)}, {Y21: 11}),
            ("培训对象符合吕梁山护工培训招生计划规定", "周岁", None, None, {}, None),
            _rate("参训学员结业考核通过率", Y21, 100, 98.79),
            _rate("培训机构考核验收达标", Y21, 100, 100),
            ("培训任务完成及时", "", "milestone", None, {Y21: ("due", "2021-12")}, None),
            ("考核任务完成及时", "", "qualitative", None, {Y21: Q}, None),
            ("吕梁山护工培训补贴标准达标", "元/人", "level", None, {Y21: (None, 3000)}, {Y21: 2600}),
            ("减轻参训人员经济负担", "", "qualitative", None, {Y21: Q}, None),
            _rate("参训学员就业率", Y21, 60, 53.53),
            ("提高参训学员技术水平", "", "qualitative", None, {Y21: Q}, None),
            ("巩固脱贫攻坚成果", "", "qualitative", None, {Y21: Q}, None),
            _rate("参培学员满意度", Y21, 95),
        ],
        "unread": [],
    },
    "xuanzhou_shangcan_junren_yiliao.txt": {
        "kind": "项目支出绩效目标表", "year": Y24,
        "layout": "text-lines (traditional characters with pinyin notes; a cell a line, a | line after each)",
        "rows": [
            ("二等乙级以上伤残军人数量", "人", "flow", "higher", {Y24: (">=", 52)}, None),
            _rate("住院医疗费用报销比例", Y24, 100),
            ("二等乙级以上伤残军人及时享受医疗待遇保障时间", "", "qualitative", None, {Y24: Q}, None),
            ("项目资金年成本", "万元", "flow", "lower", {Y24: ("<=", 100)}, None),
            ("对升华军民鱼水情,营造拥军优属、拥政爱民的良好氛围,推进军地共建的影响程度", "", "qualitative", None,
             {Y24: Q}, None),
        ],
        "unread": ["推进军地共建的持续影响程度"],
    },
    "huizhou_dianying_zhuanxiang_ziping_2025.txt": {
        "kind": "转移支付区域(项目)绩效自评表", "year": None,
        "layout": "text-space (a row a line, level labels one character a line; 资金管理情况 rows above)",
        "rows": [
            ("维护电影放映设备数量", "套", "flow", "higher", {Y25: (">=", 5)}, {Y25: 5}),
            ("提升放映质量", "", "qualitative", None, {Y25: Q}, None),
            ("全年影院观影人数", "万人次", "flow", "higher", {Y25: (">=", 4)}, {Y25: 4.4}),
            ("影院营业收入", "万元", "flow", "higher", {Y25: (">=", 150)}, {Y25: 188.6}),
        ],
        "unread": [],
    },
    "xiuning_shengwei_zhanchen_ziping_2023.txt": {
        "kind": "转移支付区域(项目)绩效目标自评表", "year": None,
        "layout": "text-pipe (runs of empty cells, merged cells left out, 指标1: slots)",
        "rows": [
            ("布展面积", None, "flow", "higher", {Y23: (">=", 300)}, {Y23: 0}),
            ("工程实施总体质量", "", "qualitative", None, {Y23: Q}, None),
            ("安全事故发生率", "%", "rate", "lower", {Y23: ("<=", 0)}, None),
            ("招投标程序需要的时间(不含多次流标情况)", None, None, None, {Y23: (None, 1)}, None),
            ("项目完成周期周期", None, None, None, {Y23: (None, 4)}, None),
        ],
        "unread": ["项目总下达资金"],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
