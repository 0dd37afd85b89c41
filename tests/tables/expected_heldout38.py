"""Hand-checked readings of a held-out set, tests/tables/heldout38/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: culture, tourism and sport (公共体育场馆免费低收费开放, 全民健身, 非遗保护, 文化惠民演出, 旅游发展资金, 文物保护): the
national 旅游发展基金补助地方项目资金 整体绩效目标 of 2024 as a news report quotes it, and a city 旅游委员会's 绩效考核目标
(指标) table with several 指标 worded inside one cell. Places: 全国 (财政部), 浙江 杭州 (市). No 体育场馆免费开放 / 全民健身 /
非遗 / 送戏下乡 / 文物保护 table with three indicator rows in the stored text turned up that was not already in tests/tables/
(the 金安 网球, 普陀 体育中心, 新洲 楚剧团, 淮北 送戏进万村, 裕安 / 荆门 / 永济 文物保护, 休宁 展陈, 嘉峪关 博物馆 copies are
taken; 朝天区 全民健身中心's 自评表 stops after its first row, 叶集 快乐健身, 宁国 毛竹山遗址, 六安 公共文化, 泸县 文广旅局,
东莞展览馆, 淳安 公共文化 and the 广西 非遗 自评表 stop before their rows; 达州 / 宁国 非遗, 泾县 体育强省, 攀枝花 / 埇桥
旅游发展资金 and 潘集 送戏进万村 reports hold at most one or two indicators before the cut). Every copy is a stored page
excerpt; where it is cut the rows before the cut are kept and the cut row is left out (same conventions as
``expected_corpus.py`` and the held-out sets before: a bare number reads as ``>=`` for a higher-is-better indicator; a
worded target is qualitative; a unit is kept as written).

- 财政部 2024年旅游发展基金补助地方项目资金 整体绩效目标 (a news report, prose): the 产出指标 sentence lists
  ``名称≥N个`` / ``场`` / ``万件(册)`` targets, read as written (``>=``). The counts are done over the year (景区 upgraded,
  places promoted, items printed, projects supported, events held): flow, higher. ``宣传品制作数量≥10万件(册)``: value 10,
  unit ``万件(册)`` as written. The three ``覆盖率≥N%`` are rates. ``景区公共信息服务、引导标识服务覆盖率`` is one 指标 naming
  two services: one row. ``要求旅游公共服务水平提升的A级旅游景区个数``: ``要求`` is the sentence's verb, no part of the name.
  The budget sums (96729万元; 四川 7683万元 …) are allocations, no indicators. Only targets, no actuals. Year from the
  title (2024年), no ``year``.
- 杭州市旅委 2018年度绩效考核目标(指标) (a row a line, single spaces; 考核内容及指标 | 指标属性 | 完成时限(月)): one 考核内容
  cell holds several 指标 in prose, each read as its own row. ``旅游外汇收入增长8.1%`` (and 入境旅游人次 4.5%, 旅游休闲业增加值
  13%, 旅游总收入 14%) are growth rates: rate, higher, ``>=``. ``检查旅游企业370家次`` / ``检查团队1030个次`` /
  ``暗访检查55批次`` are counts of checks over the year: flow, higher, units ``家次`` / ``个次`` / ``批次`` as written.
  ``举报数下降7%以上`` is a decline to reach: the size of the fall, ``>= 7`` (%), higher. ``按时处理率为100%`` / ``办结率为
  100%``: rates, ``>= 100``. ``≥6次`` / ``≥3次``: flow, higher; ``抽查旅游企业(含区、县、市)≥50%``: rate (a share of the
  firms). ``全年各类事故指标不突破市政府下达的控制数`` is worded: qualitative. ``预期性`` (指标属性) and ``12`` (完成时限, month)
  are no values. The 旅游目的地管理 row is cut after its 考核内容 cell (``每月组织联合执法行动不少于8次。``, before ``预期性
  12``): left out as a cut row, though its value is whole. Year from the title (2018年度), no ``year``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout38"
Y18, Y24 = "2018", "2024"


def _rate(name: str, year: str, value: float, actual: float | None = None) -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (">=", value)}, None if actual is None else {year: actual})


def _flow(name: str, unit: str, year: str, value: float) -> tuple[Any, ...]:
    return (name, unit, "flow", "higher", {year: (">=", value)}, None)


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "caizhengbu_lvyou_fazhan_jijin_zhengti_mubiao_2024.txt": {
        "kind": "转移支付整体绩效目标（新闻报道引述，文字）", "year": None,
        "layout": "text-prose (a news report: the 整体绩效目标表's 产出指标 quoted in two sentences, 名称≥N个 / 场 / "
                  "万件(册) then 覆盖率≥N%; budget sums before; the site's footer after, cut inside it)",
        "rows": [
            _flow("旅游公共服务水平提升的A级旅游景区个数", "个", Y24, 300),
            _flow("宣传推广旅游景区、旅游度假区、旅游休闲城市和街区个数", "个", Y24, 90),
            _flow("宣传品制作数量", "万件(册)", Y24, 10),
            _flow("支持旅游业转型升级融合发展和旅游业产品创新的项目个数", "个", Y24, 15),
            _flow("举办旅游消费促进活动场次", "场", Y24, 130),
            _rate("A级旅游景区数据监测覆盖率", Y24, 90),
            _rate("全国大中城市旅游集散中心覆盖率", Y24, 95),
            _rate("景区公共信息服务、引导标识服务覆盖率", Y24, 95),
        ],
        "unread": [],
    },
    "hangzhou_lvwei_jixiao_kaohe_mubiao_2018.txt": {
        "kind": "部门绩效考核目标（指标）公示", "year": None,
        "layout": "text-space (the site's menu, then a row a line with single-space cells; several 指标 worded inside "
                  "one 考核内容 cell; 指标属性 / 完成时限 after; label cells only on a block's first row; cut at the end "
                  "of the last row's 考核内容 cell)",
        "rows": [
            _rate("旅游外汇收入增长", Y18, 8.1),
            _rate("入境旅游人次增长", Y18, 4.5),
            _rate("旅游休闲业增加值增长", Y18, 13),
            _rate("旅游总收入增长", Y18, 14),
            _flow("检查旅游企业", "家次", Y18, 370),
            _flow("检查团队", "个次", Y18, 1030),
            _flow("开展旅游市场暗访检查", "批次", Y18, 55),
            _rate("涉嫌不合理低价游、虚假宣传广告举报数下降", Y18, 7),  # 下降7%以上
            _rate("游客及市民投诉案件按时处理率", Y18, 100),
            _rate("旅游投诉案件办结率", Y18, 100),
            _flow("旅游安全检查", "次", Y18, 6),
            _rate("抽查旅游企业(含区、县、市)", Y18, 50),
            _flow("各种应急演练", "次", Y18, 3),
            ("全年各类事故指标不突破市政府下达的控制数", "", "qualitative", None, {Y18: Q}, None),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
