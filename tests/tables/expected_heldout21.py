"""Hand-checked readings of a held-out set, tests/tables/heldout21/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

- 大英 双心及文明城市创建 自评报告: 一级 | 二级 | 三级 | 指标值 | 实施进度 a cell a line with | marks and indents. The
  实施进度 column (``已完成100%``) is progress, not an actual value (not scored). ``全年`` / ``1-12月`` is a deadline at
  the year's last month; ``至少全年完成2次宣传`` is ``>= 2`` 次; a cost of ``10万元`` is a cap.
- 大英经开区 河道保洁服务费 (部门决算): no 三级 names, so each row is named by its 二级指标; three value columns (年初目标,
  全年目标, 实际完成), the first the target; ``按合同10.5万元`` is the cost actually spent.
- 南华 野生菌加工车间 自评表: merged cells left out, rows shift left; ``550`` and ``3`` have no unit written (only the
  goal text and the name say 万元 / 台); ``任务完成时限(月)`` ``10`` has its value scored only. No year: read with
  ``--year 2023`` as its manager would.
- 四川 普惠金融发展专项资金 自评表: every cell run together (指标值, 完成值, 权重 and 得分 one after another). No year:
  read with ``--year 2021``.
- 南开大学 生物实验教学中心建设项目: ``31`` 购置仪器设备 has no unit; ``2018年10月底`` is a deadline; ``是`` is a
  milestone. The 预算绩效评价结果 row below the table (考核节点进度完成率 10分 …) is a score summary, not indicators.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout21"
Y18, Y20, Y21, Y23 = "2018", "2020", "2021", "2023"


def _rate(name: str, year: str, value: float, actual: float | None = None) -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (">=", value)}, None if actual is None else {year: actual})


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "daying_shuangxin_wenming_ziping_2020.txt": {
        "kind": "项目自评报告（绩效指标表，指标值与实施进度）", "year": Y20,
        "layout": "text-lines (a cell a line, | marks and indents; report prose after)",
        "rows": [
            ("宣传次数", "次", "flow", "higher", {Y20: (">=", 2)}, None),
            ("创建质量", "", "qualitative", None, {Y20: Q}, None),
            ("全年", "", "milestone", None, {Y20: ("due", "2020-12")}, None),
            ("成本", "万元", "flow", "lower", {Y20: ("<=", 10)}, None),
            ("提升全县消费者维权意识", "", "qualitative", None, {Y20: Q}, None),
            _rate("群众满意度", Y20, 90),
        ],
        "unread": [],
    },
    "daying_hedao_baojie_juesuan_2020.txt": {
        "kind": "部门决算 项目绩效目标完成情况（年初目标、全年目标、实际完成）", "year": Y20,
        "layout": "text-lines (a cell a line with | lines; no header, no 三级 names)",
        "rows": [
            ("质量指标", "", "qualitative", None, {Y20: Q}, None),
            ("时效指标", "", "milestone", None, {Y20: ("due", "2020-12")}, None),
            ("成本指标", "万元", "flow", "lower", {Y20: ("<=", 15)}, {Y20: 10.5}),
            ("社会效益指标", "", "qualitative", None, {Y20: Q}, None),
            ("可持续影响指标", "", "qualitative", None, {Y20: Q}, None),
            ("满意度指标", "%", "rate", "higher", {Y20: (">=", 95)}, None),
        ],
        "unread": [],
    },
    "nanhua_yejun_jiagong_ziping.txt": {
        "kind": "项目支出绩效自评表", "year": Y23,
        "layout": "text-pipe (runs of empty cells; merged cells left out)",
        "rows": [
            ("1290.3平方米冷库仓储建设及配套生产设备、配套电力设施购置安装", "平方米", "flow", "higher",
             {Y23: (">=", 1290.3)}, {Y23: 1290.3}),
            ("配套烘干杀菌设备及包装设备购置及安装", None, "flow", "higher", {Y23: (">=", 550)}, None),
            ("配套电力设施1250KVA变压器3台", None, "flow", "higher", {Y23: (">=", 3)}, None),
            _rate("奖补资金兑付率", Y23, 100, 100),
            ("任务完成时限", "月", None, None, {Y23: (None, 10)}, None),
        ],
        "unread": [],
    },
    "sichuan_puhui_jinrong_ziping.txt": {
        "kind": "转移支付绩效自评表", "year": Y21,
        "layout": "text-run (every cell run together)",
        "rows": [
            _rate("创业担保贷款发放额增长率", Y21, 10, 115.25),
            _rate("创业担保贷款回收率", Y21, 90, 98.7),
            _rate("资金足额拨付率", Y21, 100, 100),
            _rate("地方配套到位率", Y21, 100, 100),
            ("创业担保基金放大倍数", "倍", "level", "higher", {Y21: (">=", 2)}, {Y21: 10}),
            _rate("金融机构网点覆盖率", Y21, 60, 85),
            _rate("申请定向费用补贴金融机构满意度", Y21, 80),
            _rate("申报创业担保贷款贴息个人满意度", Y21, 80, 100),
            _rate("申报创业担保贷款贴息小微企业的满意度", Y21, 80, 100),
        ],
        "unread": [],
    },
    "nankai_shengwu_shiyan_2018.txt": {
        "kind": "预算绩效评价结果公示（预算设定指标值与项目完成指标值）", "year": Y18,
        "layout": "text-pipe (merged cells left out; prose and a score summary around)",
        "rows": [
            ("购置仪器设备(不计低值小零件和定制产品)", "", "flow", "higher", {Y18: (">=", 31)}, {Y18: 42}),
            ("改造实验室", "间", "flow", "higher", {Y18: (">=", 2)}, {Y18: 2}),
            _rate("设备验收合格率", Y18, 100, 100),
            _rate("项目年末完成率", Y18, 95),
            ("项目完成时间", "", "milestone", None, {Y18: ("due", "2018-10")}, None),
            ("项目验收时间,相关手续是否完备", "", "milestone", None, {Y18: ("=", 1)}, None),
            ("是否保证实验教学水平,提高教学质量", "", "milestone", None, {Y18: ("=", 1)}, None),
            _rate("师生对仪器购置的满意度", Y18, 95),
            _rate("师生对实验室改造满意度", Y18, 95),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
