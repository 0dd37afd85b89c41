"""Hand-checked readings of a held-out set, tests/tables/heldout60/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: recent (2023–2025) tables of the fields the collection has few of: 卫生健康 (公立医院, 疾控, 妇幼), 文化旅游, 体育,
住建 / 城管 / 环卫, 水利, 生态环境, 应急管理, 退役军人, 民族宗教, 司法 / 公安. What the store gave: one page only, a 州
hospital's self-evaluation report in prose on its 国家基本公共卫生服务 州级补助资金 (云南 红河州, 红河州第二人民医院, 2023).
Every other page found with indicator rows in its stored text is already in tests/tables/ or stops before its rows
(the excerpt is a page's first ~1,500–2,000 characters). Taken: 湘潭 雾炮车 2023 / 2024, 金安 网球公开赛 2025, 淮北 送戏进万村
2025, 黄山 公安 2025, 南县 疾控 2025, 蒙城 基本公卫 2024, 奉节 12350, 宣城 禁毒, 昭化 疾控 / 特困家庭再扶助,
秀屿 / 安溪 水利专项, 中江 水标尺, 天长 水旱灾害防御, 咸宁 大气污染防治, 龙岩 宗教管理经费 2023, 南岳 忠烈祠,
罗湖 瓶改管, 慈溪 婴幼儿照护, 临海 绿化养护, 浮梁 林业局, 原州 水源涵养林, 永济 / 裕安 文物保护, 休宁 展陈, 嘉峪关 博物馆,
云南 应急 2022, 临河 优抚, 稷山 基本公卫, 襄阳 中心医院, 普陀 体育中心. Stopping before their rows: 朝天区 全民健身中心
自评表 2023 (one row), 泾县 体育强省 2023 report, 叶集 快乐健身 2025, 金寨 司法局 法治宣传 2024, 红河州司法局 法律援助 2024,
云南 应急 2024 report, 彭水 计划生育服务 自评表 2024 (cut in its 预算管理 rows), 炉霍 重大传染病防治 2021, 芜湖
特殊人群病种筛查 2019, 宣城 文旅 非遗 2023, 开远 体育中心 2024 report, 红河州第二人民医院 部门整体 2024 report (cut in
部门概况), 亳州 智慧应急 评价报告, 德化 重点流域生态保护补偿 2024, 龙岩 民族发展专项 2025, 泸县 垃圾填埋场 2020. Also left
alone: a 芦山县 水土保持 自评报告 on a document site
(its year is masked ``20xx``, so no year can be keyed), a 信丰 垃圾焚烧发电厂 评价报告 (results only, no target) and 9757kk.com, a
betting-site mirror of 云南 应急 2023. No 妇幼 / 两癌 / 医院 项目 form, 城管 环卫 form, 退役军人 / 民族宗教 / 司法 / 公安 form of
2023–2025 with its rows in the stored text turned up. The copy is a stored page excerpt; where it is cut the rows before
the cut are kept and the cut row is left out (same conventions as ``expected_corpus.py`` and the held-out sets before: a
result stated with no target of its own has empty targets and its value as the actual, as held-out 41 / 43; a bound
restated in a results section with no measured value is read as the target and the actual ``None``, as held-out 28's
``2天以内``; a unit is kept as written).

- 红河州第二人民医院 国家基本公共卫生服务项目州级补助资金 2023年度绩效自评报告 (prose, a ``- 索引号:`` metadata list, then
  ``(三)绩效指标完成情况分析`` with one indicator a line): ``开展工作督导: 一个季度开展工作督导一次,共4次。`` names the
  indicator before the colon; ``一个季度…一次`` is the cadence the work follows, no target number for the year, and
  ``共4次`` is the count done in the year: targets empty, actual 4 次, flow, higher. ``开展绩效考核`` / ``开展技术指导`` /
  ``开展考核评价`` read the same (the last two stand under a ``(2)成本指标`` heading as published; the heading is no part
  of the names). ``及时发现隐患和薄弱环节:一个季度报送一次,共4次`` (社会效益指标): 4 reports sent, read the same (actual
  4 次). ``服务对象满意度:服务对象满意度≥80%`` is a bound, not a measured share: target ``>= 80``, rate, higher, actual
  ``None``. The 资金 lines (2.00万元, 资金执行率100%) are the budget, no indicators; the two 总体绩效目标 sentences are
  worded aims with no values, no rows. ``0毛岁儿童`` (for 0-6岁) is in the prose, not in an indicator. The last line
  (``宜传``, for 宣传, cut) is left out. Year from the title (2023年度), no ``year``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout60"
Y23 = "2023"


def _done(name: str, year: str, actual: float) -> tuple[Any, ...]:
    """A count stated as a result (``共N次``) with no target of its own."""
    return (name, "次", "flow", "higher", {}, {year: actual})


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "honghe_dier_renminyiyuan_gongwei_ziping_2023.txt": {
        "kind": "项目绩效自评报告（州级补助资金，文字）", "year": None,
        "layout": "text-prose (a '- 索引号:' metadata list, then numbered sections; indicators one a line as "
                  "'名称:一个季度…一次,共N次'; cut at the line after the 满意度 line)",
        "rows": [
            _done("开展工作督导", Y23, 4),  # 一个季度开展工作督导一次,共4次
            _done("开展绩效考核", Y23, 4),
            _done("开展技术指导", Y23, 4),  # under (2)成本指标 as published
            _done("开展考核评价", Y23, 4),
            _done("及时发现隐患和薄弱环节", Y23, 4),  # 一个季度报送一次,共4次
            ("服务对象满意度", "%", "rate", "higher", {Y23: (">=", 80)}, {Y23: None}),  # ≥80%: a bound, no measured value
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
