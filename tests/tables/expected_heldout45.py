"""Hand-checked readings of a held-out set, tests/tables/heldout45/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: 科技, 工信, 商务, 市场 tables: a 区商务委's 部门整体 self-evaluation (社零 growth, 外贸进出口, 新增限上商贸企业) and a
county 科学技术局's 部门整体 target forms of two years (高新技术企业, 产学研, 技术交易, 科普). Places: 重庆 大足区, 湖南 常德
桃源县 (two forms of the same unit, different years and layouts). No 科技创新券 / 企业研发补助 / 专精特新 / 电子商务进农村 /
外贸发展专项 / 中小企业服务 / 招商引资经费 table with its rows in the stored text turned up that was not already in
tests/tables/: the 服务贸易发展资金 自评表 (kunmingchi), 青山区科经局's 科学技术研究与开发资金, 霍邱 科技局's 科技特派员 and
遂宁/安居 市场监管 copies are taken; 洪江市工业和信息化局's 部门整体 form, 广州市工信局's 先进制造业集群 绩效目标, 宣州区
招商合作服务中心's 招商推介会 report, 红河州投资促进局's reports, 保山市商务局's 电子商务进农村 report, 旌德县's 农村电商
report, 望城区科技局's 科普专项 form and the 中央引导地方科技发展资金 templates all stop before their rows or hold no values.
Every copy is a stored page excerpt; where it is cut the rows before the cut are kept and the cut row is left out (same
conventions as ``expected_corpus.py`` and the held-out sets before: a bare number reads as ``>=`` for a higher-is-better
indicator; ``N家以上`` is ``>= N``; a unit is kept as written; a unit given only in the goal text is ``None``).

- 大足区商务委员会 2021年部门整体绩效目标自评表 (space-separated cells, long blank-line runs between rows; columns
  三级指标 指标权重 计量单位 指标值 全年实际完成值): the first number after each name is the 指标权重 (25, 25, 13), not a
  value. ``消费品零售额 25 % 9.5 25.6``: the goal text says 社会消费品零售总额同比增速9.5%, so the row is a growth rate
  (rate, higher, ``>= 9.5``, actual 25.6) though its name reads like an amount. ``外贸进出口总额 25 亿人民币 17.5 28.6``: an
  amount traded over the year, flow, higher, unit ``亿人民币`` as written. ``新增限上商贸企业(法人) 13 23 33``: the empty
  计量单位 cell leaves nothing, so after the weight 13 come the target 23 and the actual 33; the unit 家 is only in the
  goal text (``新增限上商贸企业23家``): ``None``. The 合计 / 财政拨款 lines (1304.23 / 2951.55) are the budget, no
  indicators. Year from the form's title (2021年), no ``year``.
- 桃源县科学技术局 2021年度部门整体支出绩效目标申报表 (|-separated, merged cells as runs of |; 三级指标 | 指标内容 | 指标值):
  the page title says 2021年度 twice but the form's header still reads ``(2020年度)`` (the template's year): read as the
  2021 targets and given as ``year``. The 三级指标 cell is the name; the 指标内容 cell beside it restates it (全年…) and is
  no part of the name. ``15家以上`` / ``6家以上`` / ``20项以上`` are ``>=``; ``2个亿以上`` (技术交易额) is ``>= 2``, unit ``个亿`` as
  written (an amount traded over the year: flow). ``1次`` / ``3次`` / ``1个`` are bare: ``>=``. The next row is cut at its
  first word (``选派``): left out.
- 桃源县科学技术局 2022年部门整体支出绩效目标申报表 (single-space cells, header cells wrapped; 三级指标 指标内容 指标值及单位):
  ``≥6家`` … read as written; ``科技成果转化项目数量 科技成果转化项目数量`` has its value ``≥8项`` wrapped onto the next line,
  read as the row's value. ``1次`` / ``3次`` bare: ``>=``. The copy stops after the 科普宣传活动次数 row, which is whole. Year
  from the form (2022年度), no ``year``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout45"
Y21, Y22 = "2021", "2022"


def _count(name: str, unit: str | None, year: str, value: float, actual: float | None = None) -> tuple[Any, ...]:
    """A count (or amount) done over the year, higher is better, read as ``>=``."""
    return (name, unit, "flow", "higher", {year: (">=", value)}, None if actual is None else {year: actual})


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "dazu_shangwuwei_zhengti_ziping_2021.txt": {
        "kind": "部门整体绩效目标自评表（商务）", "year": None,
        "layout": "text-space (site navigation first; a row a line, single-space cells, long blank-line runs; 指标权重 "
                  "before 计量单位 / 指标值 / 全年实际完成值; an empty unit cell leaves no trace; stops after 3 rows)",
        "rows": [
            ("消费品零售额", "%", "rate", "higher", {Y21: (">=", 9.5)}, {Y21: 25.6}),  # weight 25 | 同比增速
            _count("外贸进出口总额", "亿人民币", Y21, 17.5, 28.6),  # weight 25
            _count("新增限上商贸企业(法人)", None, Y21, 23, 33),  # weight 13, no unit cell (家 in the goal text)
        ],
        "unread": [],
    },
    "taoyuan_kejiju_zhengti_mubiao_2021.txt": {
        "kind": "部门整体支出绩效目标申报表（科技局）", "year": Y21,
        "layout": "text-pipe (a row a line, | runs for merged cells; 三级指标 | 指标内容 | 指标值 | 备注; the title says 2021, "
                  "the form header (2020年度); N家以上 values; cut at the next row's first word)",
        "rows": [
            _count("培育指导高新技术企业数量", "家", Y21, 15),  # 15家以上
            _count("新认定高新技术企业数量", "家", Y21, 6),
            _count("产学研合作项目数量", "项", Y21, 20),
            _count("技术交易额", "个亿", Y21, 2),  # 2个亿以上
            _count("科技活动周举办次数", "次", Y21, 1),
            _count("科普宣传活动次数", "次", Y21, 3),
            _count("组建科技特派员团队数量", "个", Y21, 1),
        ],
        "unread": [],
    },
    "taoyuan_kejiju_zhengti_mubiao_2022.txt": {
        "kind": "部门整体支出绩效目标申报表（科技局）", "year": None,
        "layout": "text-space (a row a line, single-space cells; header cells wrapped over lines; 三级指标 指标内容 "
                  "指标值及单位; one value wrapped onto its own line; stops after a whole row)",
        "rows": [
            _count("高新技术企业新增数量", "家", Y22, 6),
            _count("培育指导高新技术企业数量", "家", Y22, 10),
            _count("产学研合作项目数量", "项", Y22, 10),
            _count("技术交易项目数量", "项", Y22, 10),
            _count("科技成果转化项目数量", "项", Y22, 8),  # ≥8项 on the next line
            _count("科技活动周举办次数", "次", Y22, 1),
            _count("科普宣传活动次数", "次", Y22, 3),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
