"""Hand-checked readings of a held-out set, tests/tables/heldout37/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: 农业农村 beyond the subsidies already used (耕地地力保护补贴, 高标准农田建设, 农机购置补贴, 动物疫病防控): 渔业
(水生生物增殖放流, twice: an evaluation report's targets and a county plan's 绩效目标 sentence) and 种业 (a 良种 /
示范基地 notice). Places: an unnamed city (XX市, 2019), an unnamed 安徽 county (XX县, its rivers 芡河 / 涡河 and the
DB34 standard), 云南 保山 昌宁县. Every copy is prose, but in three layouts: numbered 指标 sentences under 产出 / 效益
headings, a single 绩效目标 sentence inside a plan, and a 建设目标 sentence in a |-headed notice. No 农产品质量安全,
农田水利 or 畜牧 table with its rows in the stored text turned up that was not already in tests/tables/ (六安's 质检体系
form, 天长 / 中江 / 安溪 水利 forms, 施甸 保种场, 昌宁 供销社 生猪场, 宝坻 粪污, 忠县 生猪调出大县, 1wenmi 长江禁捕 are
taken; 德化 / 泉州 特色现代农业 notices, 莆田 海洋与渔业, 中山 产业园, 乌恰 干渠防渗, 旌德 饮水维修养护, 腾冲 粪污,
南县 渔政 and 海南 种子总站 stop before their rows; a 六安 农技推广 copy sits on a betting-site mirror and was not used).
Where a copy is cut the rows before the cut are kept and the cut row is left out (same conventions as
``expected_corpus.py`` and the held-out sets before: a bare number reads as ``>=`` for a higher-is-better indicator;
``不少于`` / ``以上`` / ``达`` are ``>=``; a worded target is qualitative; a unit is kept as written).

- XX市渔业增殖放流项目绩效评价报告 (冰豆网's text of a .docx; the year only in the text, ``2019年度增殖放流工作``, given
  as ``year``): the 项目计划实施内容 paragraph (鲢鱼30万尾 … 总计150万尾) is the works, not targets. Targets: ``渔业增殖放流
  规模150万尾`` (flow, 万尾). The 质量指标 sentence holds three targets split by commas: ``放流苗种规格≥3cm`` (a size,
  level, cm), ``检验检疫≥90%``, ``放流品种原种、良种率100%`` (rates); ``优质健康`` between them is a worded qualifier of the
  苗种 with no name of its own: no row. ``农业生态与资源保护补助资金年度支出率≥90%`` a rate. ``支出控制在批复预算范围内
  (≥100%)`` is a budget-control rate: the ``≥`` is kept as written, no direction (as 成本控制率). ``重要经济物种放流资源
  贡献率≥2%`` a rate, higher. ``资金使用无重大违规违纪问题`` (社会效益) is worded: qualitative. The 可持续影响 sentence is
  cut (``补充水生生物``): left out. No actuals in the stored part.
- 2021年XX县渔业增殖放流工作实施方案 (a writing-samples site's compilation, first piece): only ``4.绩效目标`` holds
  targets: ``放流水生生物不少于350万尾`` (``不少于`` is ``>=``; flow, 万尾), ``重要经济物种增殖放流资源贡献率≥2%``,
  ``增殖放流区域内抽样调查满意度≥80%``. ``经济鱼类苗种以小规格为主,在3厘米以上`` is a 实施条件 and ``给予补助40万元`` the
  subsidy, not targets. Year from the plan's title (2021年), no ``year``; the page date 2024-09-22 is the site's.
- 昌宁县2024年旱地优质稻种植示范基地建设项目 公示 (昌宁县农业农村局, 云南保山): ``建设内容及规模`` (2000亩, 田园镇1800亩 …)
  and the 立项背景's 2000亩 / 1000亩 are the works and the allocation, not targets. The targets are in 三、项目建设目标:
  ``创建杂交稻旱种绿色高质高效示范样板2000亩`` (area created: flow, higher), ``其中省级样板1000亩`` (a part of it, read as
  its own row ``省级样板``), ``示范区良种覆盖率达100%`` (a rate; ``达`` is ``>=``), ``范基地平均亩单产350公斤以上`` (an
  average yield: level, higher; the name keeps the dropped 示 as written). The last target (``省级示范基地平均``) is cut
  before its value: left out. Year from the project name (2024年), no ``year``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout37"
Y19, Y21, Y24 = "2019", "2021", "2024"


def _rate(name: str, year: str, value: float, actual: float | None = None) -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (">=", value)}, None if actual is None else {year: actual})


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "yuye_zengzhi_fangliu_pingjia_2019.txt": {
        "kind": "项目绩效评价报告（绩效目标，文字）", "year": Y19,
        "layout": "text-prose (a document-share copy: the site's blurb, a table of contents, then numbered 指标 headings "
                  "each followed by a sentence of targets split by commas; the year only in the text; cut in the "
                  "可持续影响 sentence)",
        "rows": [
            ("渔业增殖放流规模", "万尾", "flow", "higher", {Y19: (">=", 150)}, None),
            ("放流苗种规格", "cm", "level", "higher", {Y19: (">=", 3)}, None),
            _rate("检验检疫", Y19, 90),
            _rate("放流品种原种、良种率", Y19, 100),
            _rate("农业生态与资源保护补助资金年度支出率", Y19, 90),
            ("支出控制在批复预算范围内", "%", "rate", None, {Y19: (">=", 100)}, None),  # (≥100%)
            _rate("重要经济物种放流资源贡献率", Y19, 2),
            ("资金使用无重大违规违纪问题", "", "qualitative", None, {Y19: Q}, None),
        ],
        "unread": [],
    },
    "xxxian_yuye_zengzhi_fangliu_fangan_2021.txt": {
        "kind": "项目实施方案（绩效目标，文字）", "year": None,
        "layout": "text-prose (a compilation page: paragraphs with blank lines between; three targets in one sentence "
                  "of 4.绩效目标, split by commas; cut in (五)实施要求, after the targets)",
        "rows": [
            ("放流水生生物", "万尾", "flow", "higher", {Y21: (">=", 350)}, None),  # 不少于350万尾
            _rate("重要经济物种增殖放流资源贡献率", Y21, 2),
            _rate("增殖放流区域内抽样调查满意度", Y21, 80),
        ],
        "unread": [],
    },
    "changning_handi_youzhidao_shifan_2024.txt": {
        "kind": "项目公示（建设目标，文字）", "year": None,
        "layout": "text-prose (a |-separated metadata block, then numbered paragraphs; works in 项目摘要, targets in one "
                  "sentence of 三、项目建设目标 split by commas; a dropped character in a name; cut in the last target)",
        "rows": [
            ("创建杂交稻旱种绿色高质高效示范样板", "亩", "flow", "higher", {Y24: (">=", 2000)}, None),
            ("省级样板", "亩", "flow", "higher", {Y24: (">=", 1000)}, None),  # 其中省级样板1000亩
            _rate("示范区良种覆盖率", Y24, 100),  # 达100%
            ("范基地平均亩单产", "公斤", "level", "higher", {Y24: (">=", 350)}, None),  # 350公斤以上
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
