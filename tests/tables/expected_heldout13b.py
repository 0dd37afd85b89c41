"""Hand-checked readings of a thirteenth held-out set (second half), tests/tables/heldout13/: real published tables from
sources used nowhere else in tests/tables/ (written by reading each table, before the reader was run on it).
``make_expected()`` writes one ``<fixture>.expected.json`` beside each. The folder is not named ``heldout*`` so that
``bench/parse_tables.py`` does not pick it up before its first measurement.

Fields of this half: agriculture and forestry, water, transport, environment, housing, science and industry, commerce,
natural resources, emergency management. The stored pages held only two new whole tables of these fields.

Same format and conventions as ``expected_corpus.py`` and the held-out sets 1 to 12 (their helpers are reused: ``Q`` a
qualitative target, ``None`` where only the office could know; a bare number reads as ``>=`` for a higher-is-better
indicator; numbering and a document-sharing site's part marker (``2、``) inside a name are not part of the name; a copy cut
off inside a row keeps the rows before the cut only). Also read this way here:

- 国家林业局's 样例 申报表 (a 填写样例 attached to a self-evaluation notice) names no year; it is read with the year the
  copy was filed (uploaded 2018-12-15), given as ``year``. ``各 1 次`` (年度、半年趋势报告次数: one annual and one half-year
  report) is a target of 1 次. The row label ``项目绩效指标`` of the left column, run into the text before
  ``汇总发生情况月报表次数``, is not part of that name. A 效益指标 stated in words (``有效减少``, a sentence) is qualitative.
- 台中市經發局's 施政目標 table (traditional characters) gives a 103年 目標值 column: 民國103年 is 2014, given as ``year``
  since the table writes the year in the ROC calendar. The name is the 衡量指標 cell; its weight in brackets (``(6%)``) is
  neither a unit nor a target and is not part of the name, while a qualifier in brackets (``(含歇業)``) is. The unit is the
  target's (``6場`` -> ``場``, ``100%`` -> ``%``). A 完成工作項目 row whose target is a step on its own 0–100% scale
  (建國市場遷建計畫 100%, 亞太花卉拍賣中心 70%) is a rate, higher. The strategic goals (``輔導服務業發展…(25%)``) are groups,
  not indicators.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout13"

Y14, Y18 = "2014", "2018"

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "guojia_linye_cebao_yangli_2018.txt": {
        "kind": "项目支出绩效目标申报表（样例，森林病虫害预测预报补助经费）", "year": 2018,
        "layout": "text-run (cells run together, units in the value, 各 1 次, part marker inside a name, cut in 效益指标)",
        "rows": [
            ("年度、半年趋势报告次数", "次", "flow", "higher", {Y18: (">=", 1)}, None),  # 各 1 次
            ("发生动态与短期预报报告次数", "次", "flow", "higher", {Y18: (">=", 2000)}, None),  # "2、" inside the name
            ("汇总突发事件季度报告次数", "次", "flow", "higher", {Y18: (">=", 4)}, None),
            ("趋势会商会次数", "次", "flow", "higher", {Y18: (">=", 1)}, None),
            ("测报员培训人次", "人次", "flow", "higher", {Y18: (">=", 200)}, None),
            ("上报发生情况月报数据的林业有害生物种次", "种次", "flow", "higher", {Y18: (">=", 2000)}, None),
            ("汇总发生情况月报表次数", "次", "flow", "higher", {Y18: (">=", 12)}, None),  # after the label 项目绩效指标
            ("测报准确率", "%", "rate", "higher", {Y18: (">=", 85)}, None),
            ("年度、半年趋势报告及时率", "%", "rate", "higher", {Y18: (">=", 100)}, None),
            ("当地主要林业有害生物预报发布率", "%", "rate", "higher", {Y18: (">=", 85)}, None),
            ("森林资源生长因害损失量", "", "qualitative", None, {Y18: Q}, None),  # 有效减少
            ("对维护社会稳定的作用", "", "qualitative", None, {Y18: Q}, None),  # a sentence
        ],
        "unread": [],
    },
    "taizhong_jingfa_hengliang_2014.txt": {
        "kind": "施政目標衡量指標（經濟發展局，年度目標值）", "year": 2014,
        "layout": "text-pipe (one cell per line, traditional characters, ROC year, weights in brackets, cut in goal 三)",
        "rows": [
            ("推展會展活動", "%", "rate", "higher", {Y14: (">=", 100)}, None),
            ("輔導地方特色產業", "%", "rate", "higher", {Y14: (">=", 100)}, None),
            ("辦理「臺中市商圈特色行銷活動」", "%", "rate", "higher", {Y14: (">=", 100)}, None),
            ("對舊有傳統市集,積極輔導轉型以優化公有市場的經營體質,推動「公民有市場競爭型補助計畫」", "場", "flow", "higher",
             {Y14: (">=", 6)}, None),
            ("辦理市場變更或出租", "場", "flow", "higher", {Y14: (">=", 2)}, None),
            ("推動逢甲夜市為符合整潔、衛生及觀光的國際美食夜市", "場", "flow", "higher", {Y14: (">=", 2)}, None),
            ("輔導廠商進駐工業園區家數", "家", "flow", "higher", {Y14: (">=", 35)}, None),
            ("未登記工廠輔導及矯正方案(含歇業)", "家", "flow", "higher", {Y14: (">=", 20)}, None),
            ("繼續推動建國市場遷建計畫", "%", "rate", "higher", {Y14: (">=", 100)}, None),  # step 4 of its scale
            ("規劃建設亞太花卉拍賣中心", "%", "rate", "higher", {Y14: (">=", 70)}, None),  # step 4 of its scale
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
