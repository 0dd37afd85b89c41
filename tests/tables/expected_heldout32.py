"""Hand-checked readings of a held-out set, tests/tables/heldout32/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: self-evaluations (年初目标值 / 实际完成值) and target sets of a school, a county's 水利 (rural drinking-water upkeep)
project, 2022, as published in prose: every stored copy found
for this angle in table shape (tab-separated, a cell a line, image-recognised) was either a source already in the tests
or cut before its indicator rows (a 衡山 贯塘乡 2023 部门整体支出 form, a 炉霍 2021 重大传染病防治 区域自评, a 雨花 洞井街道 2021
report), so the two tables here are both sentence-shaped: ``name,年初目标值X,实际完成值Y`` lines and ``label:name value``
sentences. Another candidate (a 2019 寺下镇 通组道路 绩效评价报告 on a mirror) was left out: its stored copy opens with an
adult-spam title line that no fixture should carry. Places: an unnamed school (masked ****), 抚远 (黑龙江). A third table found for this set, 昌宁 更戛乡's
2021 动物防疫 self-evaluation, is the same stored copy as held-out 31's and is kept there only.
Same conventions as ``expected_corpus.py`` and the held-out sets before: a bare number reads as ``>=`` for a
higher-is-better indicator and as ``<=`` for a cost; ``=100%`` is ``("=", 100)``; a worded target is qualitative and a
worded actual ``None``; an actual written as a bound (``≥90%``) is its number (as 中江's ``≥266米``, tests/tables/heldout); a
成本控制率 of 100% has no comparator and no direction; a row with a name and no value has empty targets and no unit.

- 校园维修改造与设备购置 自评结果 2022 (prose; the unit masked ``****``; the same form title as held-out 10's 黄石三中 2023
  form, but nothing in this copy names the school, so it is not taken for the same source). The 执行率 line (年初预算300万元 …
  执行率100%) is the budget, no indicator. The 数量 line ``2022年校园维修改造与设备购置资金300万,年初目标值300万,实际完成值300万``
  has its name before the first comma, kept whole with its year (``2022年…资金``), unit ``万`` as written; an amount of works
  done, flow, higher (as held-out 10's ``完成校园维修改造及设备购置项目 800万元``). ``项目成本控制率`` 100% / 100% has no
  comparator (see above). The two 效益 lines have no name apart from the target: ``年初目标值提高教育质量与上年相比显著提高``
  is read as the name ``提高教育质量`` with the worded target ``与上年相比显著提高`` (and ``保障地方教育事业发展`` / ``显著提高``):
  qualitative, worded actuals ``显著提高`` → ``None`` — a judgement, the copy runs name and target together. The three
  满意度 lines: ``≥95%`` with actuals 95.08, 95.35 and 94.60 (the parents' below target, ``扣1分``). Year 2022 in the title.
- 抚远 农村饮水维修养护 (衔接资金) 自评报告 2022 (prose, targets only: the excerpt is cut before the actuals, so no actuals).
  The first paragraph's 3800m / 3300m are the works, not targets. The 数量指标 line ``石头卧子村新建水房1座、铺设输水管线;
  八盖村改建铺设输水管线`` lists three works and gives a count only to the first: ``石头卧子村新建水房`` ``>= 1`` 座 (flow,
  higher); ``铺设输水管线`` and ``八盖村改建铺设输水管线`` are named with no value (empty targets, no unit) — a judgement, the
  line could also be read as one worded quantity target. ``验收合格率100%`` / ``完成及时率100%`` bare → ``>=``.
  ``计划资金201.48万元`` under 成本指标 is a cost cap (``<=``, flow, lower). ``贫困地区农村集中供水率≥≥98%``: the doubled ``≥``
  is a slip, read ``>= 98``. ``工程设计使用年限≥15年`` a level held (higher). ``受益贫困人口满意度≥100%`` as written. Year 2022
  from the text (抚远市2022年度涉农资金), written, so no ``year``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout32"
Y22 = "2022"


def _rate(name: str, year: str, value: float, actual: float | None = None, cmp: str = ">=") -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (cmp, value)}, None if actual is None else {year: actual})


def _named(name: str) -> tuple[Any, ...]:
    """A row with a name and no value in the copy: no target, no unit written."""
    return (name, None, None, None, {}, None)


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "xiaoyuan_weixiu_shebei_ziping_2022.txt": {
        "kind": "项目支出绩效自评结果（文字，学校）", "year": None,
        "layout": "text-prose (one indicator a line: name,年初目标值X,实际完成值Y; 效益 lines with the name run into the "
                  "target; unit masked; cut in the 佐证材料)",
        "rows": [
            ("2022年校园维修改造与设备购置资金", "万", "flow", "higher", {Y22: (">=", 300)}, {Y22: 300}),
            _rate("项目完成及时率", Y22, 100, 100),
            _rate("项目完成验收合格率", Y22, 100, 100),
            ("项目成本控制率", "%", "rate", None, {Y22: (None, 100)}, {Y22: 100}),
            ("提高教育质量", "", "qualitative", None, {Y22: Q}, {Y22: None}),  # 与上年相比显著提高 / 显著提高
            ("保障地方教育事业发展", "", "qualitative", None, {Y22: Q}, {Y22: None}),  # 显著提高 / 显著提高
            _rate("学生对校园维修改造及设备购置项目实施的满意度", Y22, 95, 95.08),
            _rate("教师对校园维修改造及设备购置项目实施的满意度", Y22, 95, 95.35),
            _rate("家长对校园维修改造及设备购置项目实施的满意度", Y22, 95, 94.60),
        ],
        "unread": [],
    },
    "fuyuan_nongcun_yinshui_weixiu_ziping_2022.txt": {
        "kind": "项目绩效自评报告（绩效目标设定情况，文字，衔接资金）", "year": None,
        "layout": "text-prose (label: name value sentences, several to a line separated by ;; a 数量 line of "
                  "works with one count; cut before the actuals)",
        "rows": [
            ("石头卧子村新建水房", "座", "flow", "higher", {Y22: (">=", 1)}, None),
            _named("铺设输水管线"),
            _named("八盖村改建铺设输水管线"),
            _rate("项目(工程)验收合格率", Y22, 100),
            _rate("项目(工程)完成及时率", Y22, 100),
            ("计划资金", "万元", "flow", "lower", {Y22: ("<=", 201.48)}, None),
            ("解决贫困人口饮水安全问题人数", "人", "flow", "higher", {Y22: (">=", 27)}, None),
            _rate("贫困地区农村集中供水率", Y22, 98),  # ≥≥98%
            ("受益建档立卡贫困人口数", "人", "flow", "higher", {Y22: (">=", 24)}, None),
            ("工程设计使用年限", "年", "level", "higher", {Y22: (">=", 15)}, None),
            _rate("受益贫困人口满意度", Y22, 100),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
