"""Hand-checked readings of a held-out set, tests/tables/heldout36/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: public institutions (部门整体支出 self-evaluation of a 卫生院, a 图书馆's project self-evaluation, a 卫健委 project
self-evaluation). The stored pages of 高校 / 科研院所 / 医院 / 疾控 / 博物馆 / 广播电视 / 国有林场 forms that the search
turned up were either already used in tests/tables/ (祁东 疾控, 南县 疾控, 石嘴山 疾控, 澧县 食用菌研究所, 黄石 图书馆, 嘉峪关
博物馆, 马鹿坑 国有林场, 零陵 林业局, 浮梁 林业局 …) or cut before their first indicator row (零陵区疾控 部门整体自评表, 东莞
展览馆 整体绩效目标批复表, 炉霍 重大传染病防治, 南充 退耕还林 (one row), 宁国 遗址工程, 南江 林草资金), so the set is
three tables. Places: 江西 南昌县 黄马乡, 云南 保山 (two units of the city). Every copy is a stored page excerpt; where it is
cut the rows before the cut are kept and the cut row is left out (same conventions as ``expected_corpus.py`` and the
held-out sets before: a bare number reads as ``>=`` for a higher-is-better indicator; ``xx%以上`` is ``>=``; ``小于5%`` a
strict cap ``("<", 5)``; a worded target is qualitative, a worded actual ``None``; ``任务1:`` / ``任务2:`` numbering is no
part of a name, as ``指标1:`` in held-out 2 / 18).

- 蚕茶卫生院 整体支出绩效自评表 (2021年度, a shared .docx run into one stream, the sharing site's page markers ``2、`` /
  ``3、`` inside cells): columns 分解目标 | 自评权重 | 二级指标 | 三级指标 | 年度指标值 | 全年完成值 | 分值 | 得分 | 偏差. The
  name is the 三级指标 (``完整、准确率``, ``结余率`` …), the 二级 label before it (``预算编审管理``, ``部门结转结余资金管理``,
  ``数量指标`` …) is no part of it; ``管理指标30`` / ``出标产指25`` (产出指标 set vertically) / ``效果指标35`` are the 分解目标
  labels with their 自评权重, and the two numbers after each actual (``44``, ``55``, ``1313``, ``126``) are 分值 and 得分, no
  values. Hard readings: ``信息公开完善按规定公\n2、开已公开`` is read as 三级 ``信息公开``, target ``完善按规定公开`` (worded),
  actual ``已公开`` — the page marker ``2、`` cut the target cell; reading ``信息公开完善`` as the name is the other possibility.
  ``完成率、控制率`` ``100%`` joins a completion rate and a control rate: value only, no direction (as 成本控制率 in the
  corpus). ``安全性、利用率`` ``无资产损失、利用率高于80%`` mixes a worded and a numeric part: qualitative. ``特殊人群健康管理率``
  ``超上年2%`` is a rise over the year before, not a level: its 2 is scored as value only (comparator ``None``). ``门诊住院人次``
  ``增加`` / ``增372人次`` and ``业务收入`` ``超上年度`` / ``增收27万元`` have worded targets (qualitative); their actuals are
  increases, not the indicator's value: ``None``. For the two 时效 rows (``按规定时限`` then ``43`` / ``32``) only one value
  cell is filled: read as the target (worded), no actual. The 社会效益 row's target is cut by ``3、`` and holds an OCR ``X``
  (for 、): kept qualitative. The copy stops at the 满意度指标 label: no row there. Year 2021 in the title: no ``year``.
- 保山市图书馆 2022年度项目支出绩效自评报告 (prose): each indicator is written as name + value, then ``指标完成率100%``. The
  value is read as the target; ``指标完成率100%`` is a completion ratio, not the indicator's actual value, and the report has
  no actual column: actuals ``None`` (a reader that also gives the value as actual is not wrong in substance — the 100%
  says target met — but nothing in the text is a 完成值). ``平均每个农家书屋开展阅读活动数量4次`` is an average count over the
  year (flow, 次). ``逐年提升`` / ``稳步提升`` are worded targets. Year 2022 in the title: no ``year``.
- 保山市卫健委 春节慰问经费 2022年度自评报告 (prose, three numbered sentences): ``慰问对象120人`` a count (flow); ``慰问标准300/人``
  a payment standard per person, only its value scored (as held-out 11's ``589元/人``), unit kept as written ``/人`` (the
  currency is not written). The 效益 sentence names no indicator (a worded aim only): no row. ``群众满意度90%`` a rate.
  ``市级资金配套3.6元 … 执行率100%`` is the budget execution, no indicator. Values as targets, no actuals (as the library's
  report). Year 2022 in the title: no ``year``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout36"
Y21, Y22 = "2021", "2022"


def _rate(name: str, year: str, value: float, actual: float | None = None, cmp: str = ">=",
          has_actual: bool = False) -> tuple[Any, ...]:
    acts = {year: actual} if (actual is not None or has_actual) else None
    return (name, "%", "rate", "higher", {year: (cmp, value)}, acts)


def _qual(name: str, year: str, actual: bool = False) -> tuple[Any, ...]:
    """A worded target; ``actual``: the form has an actual column (a worded actual is ``None``)."""
    return (name, "", "qualitative", None, {year: Q}, {year: None} if actual else None)


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "nanchang_cancha_weishengyuan_zhengti_ziping_2021.txt": {
        "kind": "部门整体支出绩效自评表（乡镇卫生院）", "year": None,
        "layout": "text-run (a shared .docx run into one stream; page markers 2、 3、 inside cells; 分值 and 得分 glued "
                  "after the actuals; 分解目标 labels with weights; stops at the 满意度指标 label)",
        "rows": [
            _rate("完整、准确率", Y21, 100, 100),  # 100% / 100%
            ("完成率、控制率", "%", "rate", None, {Y21: (None, 100)}, {Y21: None}),  # 100% / 按规定执行
            ("结余率", "%", "rate", "lower", {Y21: ("<", 5)}, {Y21: None}),  # 小于5% / 达成目标值
            _qual("信息公开", Y21, actual=True),  # 完善按规定公(2、)开 / 已公开
            _qual("人员控制、支出规范", Y21, actual=True),  # 不超编、无违规支出 / 全部达成
            _rate("执行率", Y21, 100, 100),  # 100% / 100%
            _qual("安全性、利用率", Y21, actual=True),  # 无资产损失、利用率高于80% / 达成目标
            _qual("门诊住院人次", Y21, actual=True),  # 增加 / 增372人次
            ("特殊人群健康管理率", "%", "rate", "higher", {Y21: (None, 2)}, {Y21: None}),  # 超上年2% / 达成目标值
            _rate("诊断准确率", Y21, 95, 97),  # 95%以上 / 97%
            _rate("健康档案管理率", Y21, 100, has_actual=True),  # 100% / 完成
            _qual("医疗文书及时率", Y21, actual=True),  # 按规定时限 / (empty)
            _qual("健康档案更新率", Y21, actual=True),  # 按规定时限 / (empty)
            _qual("业务收入", Y21, actual=True),  # 超上年度 / 增收27万元
            _qual("公卫均等化签约完成率、特殊人群体检率", Y21, actual=True),  # 签约率提高1%X体检率提高2% / …下降1%
            _qual("绿化、节能", Y21, actual=True),  # 绿化良好、水电费开支有下降 / 水电支出减少01万元
        ],
        "unread": [],
    },
    "baoshan_tushuguan_gonggong_wenhua_ziping_2022.txt": {
        "kind": "项目支出绩效自评报告（绩效目标完成情况，文字）", "year": None,
        "layout": "text-prose (a report: per level one sentence, name + value then 指标完成率100%; no table)",
        "rows": [
            ("平均每个农家书屋开展阅读活动数量", "次", "flow", "higher", {Y22: (">=", 4)}, None),
            ("数字资源补充", "册", "flow", "higher", {Y22: (">=", 50000)}, None),
            _qual("公共数字文化服务参与率", Y22),  # 逐年提升
            _rate("国民综合阅读率", Y22, 80),
            _qual("基本公共文化服务水平", Y22),  # 稳步提升
            _rate("服务读者满意度", Y22, 90),
        ],
        "unread": [],
    },
    "baoshan_weijian_chunjie_weiwen_ziping_2022.txt": {
        "kind": "项目绩效自评报告（绩效目标完成情况，文字）", "year": None,
        "layout": "text-prose (a report: three numbered sentences 产出 / 效益 / 满意度, values after names; lines end "
                  "in two blanks)",
        "rows": [
            ("慰问对象", "人", "flow", "higher", {Y22: (">=", 120)}, None),
            ("慰问标准", "/人", "level", None, {Y22: (None, 300)}, None),  # 300/人, currency not written
            _rate("群众满意度", Y22, 90),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
