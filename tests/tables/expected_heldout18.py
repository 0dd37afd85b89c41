"""Hand-checked readings of a held-out set, tests/tables/heldout18/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

- 历城 文化馆 自评表: a row a line, cells set apart by blanks; the 一级指标 labels are lost (only ``(50分)`` is left),
  rule notes and ``-`` lines stand between rows. ``45万`` under 成本指标 is a cost not to exceed. The last row is cut
  off before its values and is no indicator.
- 稷山 医保配套 自评表: a workbook's cells run into one paragraph; from the third indicator on, the values stand
  before the names (in the same order). ``指标1:`` is not part of a name. A subsidy per person (``75元``) is a
  standard, only its value scored.
- 普陀 体育 自评表: a PDF's words run into one paragraph, every value before every name, in the same order; the
  first name is split around the values (``与委托运营方结算完成`` … ``率``). The second form stops before its values.
- 霍山 医疗救助 自评表: a |-separated web table; the 资金管理情况 rows (分配科学性 | 资金分配科学 | 暂无) are no
  indicators. The copy stops at ``100`` in the second indicator (its unit not scored).
- 新洲 楚剧团 自评表: the whole form run into one stream; 分值 and 得分 run together after the values (``2020``);
  ``演出设备成本件/件2万元`` gives 2 (万元), only the value scored.
- A 评价表's last rows with no header and no year (given as ``--year 2024``): ``=100%`` keeps ``=``; ``≤10次`` and
  ``≤5%`` are caps. The row runs to its closing bracket, ``结余率(计算方法为:结余数/预算数)``, and is named ``结余率``:
  the bracket explains how the rate is computed (its note, lexicon ``name_note``), no part of the name.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout18"
Y19, Y20, Y22, Y24 = "2019", "2020", "2022", "2024"

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "licheng_wenhuaguan_ziping_2019.txt": {
        "kind": "区级部门预算项目支出绩效自评表", "year": None,
        "layout": "text-blanks (a row a line, level labels lost, notes and - lines between rows)",
        "rows": [
            ("全年免费开放", "%", "rate", "higher", {Y19: (">=", 100)}, {Y19: 100}),
            ("免费开放管理制度健全、执行有效性", "%", "rate", "higher", {Y19: (">=", 100)}, {Y19: 100}),
            ("免费开放率", "%", "rate", "higher", {Y19: (">=", 100)}, {Y19: 100}),
            ("实际成本与工作内容的匹配程度", "万", "flow", "lower", {Y19: ("<=", 45)}, {Y19: 45}),
            ("承担重要公益服务项目、助推民生事业发展", "%", "rate", "higher", {Y19: (">=", 100)}, {Y19: 100}),
        ],
        "unread": [],
    },
    "jishan_yibao_peitao_ziping_2020.txt": {
        "kind": "项目支出绩效自评表（xlsx 文本）", "year": None,
        "layout": "text-stream (a sheet's cells run into one paragraph, values before names)",
        "rows": [
            ("全县参合人数", None, "flow", "higher", {Y20: (">=", 8755)}, {Y20: 8676}),
            ("资金是否全部纳入医保统筹", "%", "rate", "higher", {Y20: (">=", 100)}, {Y20: 100}),
            ("资金是否全部及时纳入", "%", "rate", "higher", {Y20: (">=", 100)}, {Y20: 100}),
            ("配套资金每人每年", "元", "level", None, {Y20: (None, 75)}, {Y20: 75}),
            ("是否解决建档立卡人员看病难贵问题", "%", "rate", "higher", {Y20: (">=", 95)}, {Y20: 95}),
            ("是否满意", "%", "rate", "higher", {Y20: (">=", 95)}, {Y20: 95}),
        ],
        "unread": [],
    },
    "putuo_tiyu_jiesuan_ziping_2022.txt": {
        "kind": "财政项目支出绩效自评表（PDF 文本）", "year": None,
        "layout": "text-stream (a PDF's words in one paragraph, values before names)",
        "rows": [
            ("与委托运营方结算完成率", "%", "rate", "higher", {Y22: ("=", 100)}, {Y22: 100}),
            ("合同结算条款完成率", "%", "rate", "higher", {Y22: ("=", 100)}, {Y22: 100}),
            ("费用结算及时性", "", "qualitative", None, {Y22: Q}, {Y22: None}),
            ("与委托运营方合同完成率", "%", "rate", "higher", {Y22: ("=", 100)}, {Y22: 100}),
            ("场馆开放满意度", "%", "rate", "higher", {Y22: (">=", 90)}, {Y22: 100}),
        ],
        "unread": [],
    },
    "huoshan_yiliao_jiuzhu_ziping_2024.txt": {
        "kind": "转移支付项目绩效目标自评表", "year": None,
        "layout": "text-pipe (资金管理情况 rows above the indicators, cut off)",
        "rows": [
            ("享受医疗救助人次", "人次", "flow", "higher", {Y24: (">=", 50000)}, {Y24: 110406}),
            ("医疗救助合规率", None, "rate", "higher", {Y24: (">=", 100)}, None),
        ],
        "unread": [],
    },
    "xinzhou_chujutuan_ziping_2020.txt": {
        "kind": "项目支出绩效自评表（文档分享站文本）", "year": None,
        "layout": "text-stream (a form run into one stream, scores run together)",
        "rows": [
            ("更新剧团老化、损坏的音", "件", "flow", "higher", {Y20: (">=", 50)}, {Y20: 50}),
            ("望新点胸艮必具", "件", "flow", "higher", {Y20: (">=", 100)}, {Y20: 100}),
            ("音响、灯光、道具、服装质量等", "", "qualitative", None, {Y20: Q}, {Y20: None}),
            ("演出设备成本", None, None, "lower", {Y20: (None, 2)}, {Y20: 2}),
            ("演出人员满意度", "%", "rate", "higher", {Y20: (">=", 100)}, {Y20: 100}),
        ],
        "unread": [],
    },
    "dyrmt_jiaona_pingjia_fragment.txt": {
        "kind": "评价表的末几行（无表头，无年度）", "year": Y24,
        "layout": "text-stream (rows run into one line, no header)",
        "rows": [
            ("足额保障率", "%", "rate", "higher", {Y24: ("=", 100)}, None),
            ("科目调整次数", "次", "flow", "lower", {Y24: ("<=", 10)}, None),
            ("按时发放率", "%", "rate", "higher", {Y24: ("=", 100)}, None),
            ("结余率", "%", "rate", "lower", {Y24: ("<=", 5)}, None),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
