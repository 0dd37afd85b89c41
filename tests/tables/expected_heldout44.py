"""Hand-checked readings of a held-out set, tests/tables/heldout44/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: 水利 and 生态环境 (河长制, 水土保持, 污水处理厂运营, 大气污染防治, 饮用水源地保护, 水库维修养护, 环境监测). One table
only: a county 环保局's 部门整体绩效目标 in prose, 河北 承德 丰宁. The page store's copies in this field are few and mostly
taken or cut before their rows: 中江 水标尺, 天长 水旱灾害防御, 安溪 / 秀屿 水利专项, 陈仓 饮水, 咸宁 大气污染防治, 黄冈
水土保持监测, 原州 水源涵养林 and 湘潭 雾炮车 are already in tests/tables/; 乌恰 干渠防渗 (its copy spends its length on
runs of ``|``), 澧县 生态环境分局 饮用水源地 (stops in 专项年度绩效目标), 广德 卢村 水源地保护 (stops at 绩效目标和指标:),
德化 重点流域生态保护补偿 (stops at 资金情况), 南昌 水污染防治 自评报告, 盘山 污水处理厂 自评报告 (no indicator
sentences before the cut) and 金安 生态环境分局 自评 all stop before their rows; 九华山 百岁宫 大气监测 has only two
target sentences (有效监测数据获取率 ≥90%, 空气质量优良率 90%以上) before its cut. No 河长制 / 污水处理厂运营 /
水库维修养护 / 水质自动站运维 form with its rows in the stored text turned up. The copy is a stored page excerpt (same
conventions as ``expected_corpus.py`` and the held-out sets before: a bare number reads as ``>=`` for a higher-is-better
indicator; ``达到N%以上`` and ``不低于N%`` are ``>=``; a unit is kept as written).

- 承德市生态环境局丰宁满族自治县分局 2020年部门预算绩效文本, 第一部分 部门整体绩效目标 (prose: seven numbered paragraphs,
  each a heading then sentences ``名称达到N%``; a row is a named figure): ``确保化学需氧量(COD)、二氧化硫排放量较上年削减3%``
  is one sentence for two pollutants and one figure, read as one row named as written (``较上年削减``), a rate where a larger
  cut is better: ``>= 3`` %, higher. ``工业固体废物综合利用率达到55%以上`` ``>= 55``; ``工业用水重复利用率不低于60%`` ``>= 60``
  (no stop after it, the paragraph ends). ``集中饮用水源地水质达标率100%`` ``>= 100``. ``城镇集中供热率达到40%`` ``>= 40``.
  ``建设项目环保审批把关率100%三同时执行率达到100%`` is two rows glued without a stop: 建设项目环保审批把关率 100 and
  三同时执行率 100. ``排污许可证发(换)证率达到90%以上`` ``>= 90``. The worded aims with no figure (二、 进一步改善城镇环境空气
  质量状况; 潮河丰宁上游断面、天桥断面达到地表水功能区划要求; 按规划进度完成 … 辖区工程项目; 七、 严格环境执法 …) are the
  department's goals, not indicator rows: not read. The copy ends at the next heading ``二、`` (no cut row). Year from the
  title (2020年部门预算绩效文本), no ``year``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout44"
Y20 = "2020"


def _rate(name: str, year: str, value: float, actual: float | None = None) -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (">=", value)}, None if actual is None else {year: actual})


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "fengning_shengtai_huanjing_zhengti_mubiao_2020.txt": {
        "kind": "部门整体绩效目标（部门预算绩效文本，文字）", "year": None,
        "layout": "text-prose (a metadata header, a cover and contents of blank lines holding one space, then numbered "
                  "paragraphs with the targets inside sentences; two targets glued without a stop; ends at the next "
                  "heading)",
        "rows": [
            _rate("化学需氧量(COD)、二氧化硫排放量较上年削减", Y20, 3),
            _rate("工业固体废物综合利用率", Y20, 55),  # 达到55%以上
            _rate("工业用水重复利用率", Y20, 60),  # 不低于60%
            _rate("集中饮用水源地水质达标率", Y20, 100),
            _rate("城镇集中供热率", Y20, 40),
            _rate("建设项目环保审批把关率", Y20, 100),  # glued: 把关率100%三同时执行率达到100%
            _rate("三同时执行率", Y20, 100),
            _rate("排污许可证发(换)证率", Y20, 90),  # 达到90%以上
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
