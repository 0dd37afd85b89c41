"""Hand-checked readings of a held-out set, tests/tables/heldout49/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: 林业和草原 (退耕还林补助, 公益林生态效益补偿, 天然林保护, 草原生态保护补助奖励, 林业有害生物防治, 造林绿化, 湿地
保护). What the store gave: a district's 林业有害生物防治 project notice with its 绩效目标 in one prose paragraph (江西 赣州
章贡区), a city's numbered list of the year's forestry targets (湖北 随州 广水市) and a document-share copy of a 林业局's
退耕还林苗圃 evaluation report that opens with its target table, every cell run together and scored in 优/良/中/差 bands
(海南 文昌市). Pages found that stop before their rows or are taken: 巴南 接龙镇 松材线虫病除治 目标表 2021 (cut in 当年绩效
目标), 南充 退耕还林工程建设专项工作经费 自评表 2023 (one row before the cut), 雅安 名山区 林业草原改革发展资金 评价表 2024
(qianlima, cut in 资金管理情况), 南江 省级林草专项资金 区域目标表 (cut in 总体目标), 忠县 林业草原生态保护恢复资金 区域目标表
(on a betting-site mirror), 寻甸 异地造林 自评报告 (cut in its 目录), 腾冲 林业技术推广站 2019 (cut at ``1.产出指标``), 高黎
贡山 保山管护局 2019 (cut before its indicators), 虎林 林业改革发展资金 2021 (every amount masked), 宝坻 2019 林业改革发展资金
评价报告 (results of the year only, as bounds: 成灾率低于…, no target stated); 零陵 / 梁平 / 浮梁 林业局, 原州 水源涵养林,
陈仓 林业生态恢复资金, 荣昌 绿化美化, 临翔 马鹿坑, 蔡甸 森林防火, 保山 森林防火三三制 and the 国家林业局 测报 样例 are in the
tests already. Nothing turned up for 草原生态保护补助奖励 / 禁牧 / 草畜平衡, 公益林生态效益补偿, 天然林停伐管护 or 湿地保护
target forms (policy texts, 实施方案 and news only; 海北州 草原补奖 实施方案 on a betting-site mirror). Every copy is a stored
page excerpt; where it is cut the rows before the cut are kept and the cut row is left out (same conventions as
``expected_corpus.py`` and the held-out sets before: a bare number reads as ``>=`` for a higher-is-better indicator and as
``<=`` for a lower-is-better one; ``X%以上`` is ``>=``, ``控制在X‰以下`` / ``以内`` is ``<=``; ``约N`` is a value only
(comparator ``None``); a worded target is qualitative; a deadline is ``("due", "YYYY-MM")``, kind milestone; a narrative
of what was done, or a worded task with no measure, is no row; the budget lines are no rows; a unit is kept as written).

- 章贡区2019年林业有害生防治项目 … 绩效目标情况公示 (prose; year from the title, no ``year``): every clause of the
  ``四、绩效目标`` paragraph up to 检疫复检率 is read as a target, no actuals (the notice gives none per indicator). The
  pest's own spread is a cap: ``发生面积2.06万亩`` (flow, lower, ``<= 2.06`` 万亩) and ``发生率8.06%`` (rate, lower); so are
  ``成灾面积1124亩`` and ``成灾率4‰`` (unit ``‰``). ``无公害防治面积19.699亩`` keeps its unit as written (``亩``, though
  the 防治作业面积 before it is 19.699万亩). ``累计监测面积约111.45万亩``: area covered over the year, cumulative (stock),
  ``约`` so a value only. ``去年预测发生面积1.88万亩`` is last year's forecast, the basis of 测报准确率: no row. The rest
  (``“四率”全面达标``, ``年度松材线虫病除治8万多株``, ``防控责任目标任务全面完成``, ``2019年度,完成19.699万亩…清理,伐除…
  8万余株``) is the completion narrative with approximate counts: no rows. The 362万元 预算数 / 执行数 are the budget.
- 广水市 forestry targets (numbered list; no title and no year in the text, 2022 from the page's date, given as
  ``year``): each ``name N unit`` clause is a row, names without the leading verb (``完成植树造林0.74万亩`` → 植树造林;
  ``其中村庄绿化0.12万亩`` → 村庄绿化, a part of it, still a row). ``建设2个省级森林乡村`` → 建设省级森林乡村, 2 个.
  ``森林覆盖率增速0.15%`` / ``森林蓄积量增速0.20%`` are growth rates (rate, higher). ``申报…林木良种培育补助项目80万元``
  is a sum to apply for (flow, higher). ``防治率90%以上`` ``>=``; ``损失率控制在0.5‰以下``, ``成灾率控制在0.2‰以下``,
  ``森林火灾受灾率控制在0.9‰以内`` caps (``<=``, unit ``‰``). ``立案查处率达到95%以上`` ``>=``. ``落实全市范围内81.44万亩
  天然林和公益林的管护主体责任``: the area under care, standing (stock), ``>= 81.44`` 万亩, named 天然林和公益林管护. Worded
  tasks with no measure are no rows: 全面落实林长制, 申报省级森林城市建设, 完成年度森林督查工作及整改任务, ``确保全年无重大
  森林火灾,无人员伤亡事故发生`` (no ``0起`` written), items 10–12; the two footer lines are the site's.
- 文昌市林业局 2017年退耕还林苗圃建设市级配套项目 评价报告 (天天文库 text, cells run together; year from the table's
  title 2017年度, no ``year``): the 项目绩效目标表's columns are 绩效指标 | 绩效目标 | 绩效标准 优 | 良 | 中 | 差 — only the
  绩效目标 is the target; the four bands are scoring bands, no values. ``年育苗数量600万株600万500万300万200万``: target
  600 万株 (flow, higher), bands 600万 / 500万 / 300万 / 200万. The name ``对经济和社会`` / ``2、的影响`` is broken by the page
  marker and read across; its target ``对经济和社会的影响较好`` is worded (qualitative), as is ``群众满意度较好`` (no %).
  ``资金按时到位`` with target ``资金按时到位率为100%``: a rate, ``>= 100`` (bands 100% / 80%-100% / 60%-80% / <50%).
  ``按时完成既定目标`` ``2017年12月31日前完成``: a deadline, ``due`` 2017-12 (bands 按时完成 / 延期15天以内 …). The
  项目基本信息 lines (计划投资额 110.00, 实际到位资金 84.74 …) are the budget; the 绩效评价指标评分 table is cut at its first
  row (``项目目标4目``): no rows.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout49"
Y17, Y19, Y22 = "2017", "2019", "2022"


def _rate(name: str, year: str, value: float, actual: float | None = None) -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (">=", value)}, None if actual is None else {year: actual})


def _cap(name: str, unit: str, kind: str, year: str, value: float) -> tuple[Any, ...]:
    """A lower-is-better target read as a cap (``<=``)."""
    return (name, unit, kind, "lower", {year: ("<=", value)}, None)


def _area(name: str, unit: str, year: str, value: float) -> tuple[Any, ...]:
    """Work done over the year (flow, higher)."""
    return (name, unit, "flow", "higher", {year: (">=", value)}, None)


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "zhanggong_linye_youhai_shengwu_fangzhi_mubiao_2019.txt": {
        "kind": "项目绩效目标情况公示（林业有害生物防治，文字）", "year": None,
        "layout": "text-prose (a toolbar line, four numbered sections with blank lines between; the targets in one "
                  "paragraph as name N unit clauses separated by , and ;, caps in 万亩 / % / ‰, one 约 value; a "
                  "completion narrative at the end; whole)",
        "rows": [
            _cap("全区主要森林病虫害发生面积", "万亩", "flow", Y19, 2.06),
            _cap("发生率", "%", "rate", Y19, 8.06),
            _area("防治作业面积", "万亩", Y19, 19.699),
            _area("无公害防治面积", "亩", Y19, 19.699),  # 19.699亩 as written
            _rate("无公害防治率", Y19, 100),
            _cap("全区林业有害生物成灾面积", "亩", "flow", Y19, 1124),
            _cap("成灾率", "‰", "rate", Y19, 4),
            ("林业有害生物调查累计监测面积", "万亩", "stock", "higher", {Y19: (None, 111.45)}, None),  # 约111.45万亩
            _rate("监测覆盖率", Y19, 100),
            _rate("测报准确率", Y19, 91),
            _area("实施产地检疫种苗面积", "亩", Y19, 398),
            _rate("种苗产地检疫率", Y19, 100),
            _rate("检疫复检率", Y19, 100),
        ],
        "unread": [],
    },
    "guangshui_linye_niandu_mubiao_2022.txt": {
        "kind": "年度工作目标（林业，编号清单）", "year": Y22,
        "layout": "text-prose (a numbered list under four headings, a line an item, several name N unit clauses to a "
                  "line; X%以上 / 控制在X‰以下 / 以内 bounds; worded tasks between; no title, no year; footer lines)",
        "rows": [
            ("森林覆盖率增速", "%", "rate", "higher", {Y22: (">=", 0.15)}, None),
            ("森林蓄积量增速", "%", "rate", "higher", {Y22: (">=", 0.20)}, None),
            _area("植树造林", "万亩", Y22, 0.74),
            _area("村庄绿化", "万亩", Y22, 0.12),  # 其中村庄绿化0.12万亩
            _area("封山育林", "万亩", Y22, 1.1),
            _area("油茶示范项目", "万亩", Y22, 0.3),
            _area("油茶低效林改造", "万亩", Y22, 0.36),
            _area("建设省级森林乡村", "个", Y22, 2),  # 建设2个省级森林乡村
            _area("林业育苗面积", "亩", Y22, 260),
            _area("出圃各类合格造林苗木", "万株", Y22, 200),
            _area("申报中央财政林木良种培育补助项目", "万元", Y22, 80),
            _area("美国白蛾有效防治面积", "万亩", Y22, 0.6),
            _area("松材线虫病有效防治面积", "万亩", Y22, 5.8),
            _area("其他有害生物防治面积", "万亩", Y22, 2),
            _rate("防治率", Y22, 90),  # 90%以上
            _cap("损失率", "‰", "rate", Y22, 0.5),  # 控制在0.5‰以下
            _cap("成灾率", "‰", "rate", Y22, 0.2),  # 控制在0.2‰以下
            _cap("森林火灾受灾率", "‰", "rate", Y22, 0.9),  # 控制在0.9‰以内
            _rate("破坏森林资源问题立案查处率", Y22, 95),  # 达到95%以上
            ("天然林和公益林管护", "万亩", "stock", "higher", {Y22: (">=", 81.44)}, None),  # 全市范围内81.44万亩
        ],
        "unread": [],
    },
    "wenchang_tuigeng_huanlin_miaopu_pingjia_2017.txt": {
        "kind": "财政支出绩效评价报告（项目绩效目标表，文库复制）", "year": None,
        "layout": "text-run (a document-share copy: the site's header lines, then every cell glued; 绩效目标 followed by "
                  "four 绩效标准 bands 优/良/中/差; a page marker inside a name; cut in the scoring table)",
        "rows": [
            ("年育苗数量", "万株", "flow", "higher", {Y17: (">=", 600)}, None),  # bands 600万/500万/300万/200万
            ("对经济和社会的影响", "", "qualitative", None, {Y17: Q}, None),  # 对经济和社会 / 2、的影响; 较好
            ("群众满意度", "", "qualitative", None, {Y17: Q}, None),  # 群众满意度较好
            _rate("资金按时到位", Y17, 100),  # 资金按时到位率为100%
            ("按时完成既定目标", "", "milestone", None, {Y17: ("due", "2017-12")}, None),  # 2017年12月31日前完成
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
