"""Hand-checked readings of a held-out set, tests/tables/heldout23/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

- 濮阳 档案馆 库房消防 批复: counts of equipment in 套 / 个 / 只 / 台 / 批; ``2021年12月31日`` a deadline; the 成本指标
  row is cut at ``气`` (names nothing).
- 鄂州 科协 科普经费 自评表 (a traditional-character mirror, a row a line): ``提升10%`` on a name that measures no change is
  relative to last year's figure, which the table does not give: unreadable (a person fills it in).
- 宣城 地震局 防震减灾 自评表 (a row a line): ``200`` / ``500`` have no unit written (the actuals say 200余人); ``11月底前``
  is a deadline in November.
- 鄂州 行政审批局 市民中心 自评表 (a cell a line with | marks): ``150万`` beside a cost is 150 万元, a cap.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import ERR, Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout23"
Y21, Y22 = "2021", "2022"


def _rate(name: str, year: str, value: float, actual: float | None = None) -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (">=", value)}, None if actual is None else {year: actual})


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "puyang_danganguan_xiaofang_pifu_2021.txt": {
        "kind": "市级部门预算项目绩效目标表（批复）", "year": None,
        "layout": "text-pipe (a notice above; runs of empty cells; merged cells left out)",
        "rows": [
            ("七氟丙烷式灭火装置及药剂", "套", "flow", "higher", {Y21: (">=", 10)}, None),
            ("烟感、温感控制设备", "个", "flow", "higher", {Y21: (">=", 160)}, None),
            ("声光报警、紧急按钮、指示灯", "只", "flow", "higher", {Y21: (">=", 30)}, None),
            ("气体灭火控制器及报警主机", "台", "flow", "higher", {Y21: (">=", 4)}, None),
            ("施工材料", "批", "flow", "higher", {Y21: (">=", 1)}, None),
            _rate("资金使用合规性", Y21, 100),
            _rate("项目(工程)验收合格率", Y21, 100),
            ("项目完工时间", "", "milestone", None, {Y21: ("due", "2021-12")}, None),
        ],
        "unread": [],
    },
    "ezhou_kexie_kepu_ziping_2022.txt": {
        "kind": "项目支出绩效自评表", "year": None,
        "layout": "text-space (traditional characters with pinyin notes; a row a line)",
        "rows": [
            ("“科普鄂州”微信公众号运维", "篇", "flow", "higher", {Y22: (">=", 800)}, {Y22: 800}),
            ("开展全国科普日专题科普活动", "场", "flow", "higher", {Y22: (">=", 10)}, {Y22: 9}),
            ("《科协之窗-身边的科普》栏目", "期", "flow", "higher", {Y22: (">=", 200)}, {Y22: 200}),
            ("科普知识网络竞赛", "", "qualitative", None, {Y22: Q}, None),
            ("科普宣传栏内容更新", "", "qualitative", None, {Y22: Q}, None),
            ("预算控制数", "万元", "flow", "lower", {Y22: ("<=", 104)}, {Y22: 103.97}),
            ("公民科学文化素质", None, None, None, {Y22: ERR}, None),
            ("公民支持科技经济融合发展", None, None, None, {Y22: ERR}, None),
            ("生态文明理念和意识", None, None, None, {Y22: ERR}, None),
        ],
        "unread": [],
    },
    "xuancheng_dizhen_ziping_2021.txt": {
        "kind": "项目支出绩效自评表", "year": None,
        "layout": "text-space (a site's menu above; a row a line; header wrapped; 指标1: slots)",
        "rows": [
            ("接受业务培训人数", None, "flow", "higher", {Y21: (">=", 200)}, None),
            ("科普馆参观人数", None, "flow", "higher", {Y21: (">=", 500)}, None),
            _rate("台站正常运行", Y21, 100, 100),
            _rate("台网运行率", Y21, 95, 99.12),
            ("业务培训时限", "", "milestone", None, {Y21: ("due", "2021-11")}, None),
            ("科普宣传时限", "", "milestone", None, {Y21: ("due", "2021-11")}, None),
        ],
        "unread": [],
    },
    "ezhou_shiminzhongxin_ziping_2021.txt": {
        "kind": "项目支出绩效自评表", "year": None,
        "layout": "text-lines (a cell a line ending in |, rows ended by runs of |; empty template rows)",
        "rows": [
            _rate("预算执行率", Y21, 100, 83.5),
            _rate("预算资金拨款率", Y21, 100, 100),
            _rate("政务服务工作办结率", Y21, 100, 100),
            _rate("大厅业务日常考核结果", Y21, 100, 100),
            ("市民中心运行维护费", "万元", "flow", "lower", {Y21: ("<=", 150)}, {Y21: 150}),
            _rate("大厅运行正常率", Y21, 100, 100),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
