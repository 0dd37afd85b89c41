"""Hand-checked readings of a held-out set, tests/tables/heldout29/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Fields: a provincial planning exhibition hall's running costs (海南省规划展览馆运行维护, a 目标表 with 优/良/中/差
grading tiers), the central 基本药物制度 subsidy to a county's clinics (a 转移支付区域(项目)绩效目标自评表), a county
discipline commission's office-network upkeep (a scored 自评表 from a PDF), a university's student-aid funds (学生资助, a
自评表 whose copy lost every digit). Places: 海南, 四川 旺苍, 湖北 广水, 湖北 (湖北工程学院). Every copy is a stored page
excerpt; where it is cut the rows before the cut are kept and the cut row is left out (same conventions as
``expected_corpus.py`` and the held-out sets before: a bare number reads as ``>=`` for a higher-is-better indicator;
``以上`` is ``>=``; a worded target is qualitative, a worded actual ``None``; ``指标1:`` slots and a sentence stop ending
a name cell are no part of the name; a row with a name and no value has empty targets; mirror copies in traditional
characters keep their names as stored, pinyin notes included, their units given in simplified characters).

- 海南省规划展览馆运行维护项目 项目绩效目标表 (a traditional-character mirror with pinyin notes, |-separated): columns
  指标类型 | 绩效指标 | 绩效目标 | 绩效标准 优 / 良 / 中 / 差. The 绩效目标 column is the target; the four tiers are grading
  bands, not targets (as held-out 27's 邯郸 form, where the 优 tier had to stand in for a missing target column). The
  tiers do tell the direction: ``6500平方米以上`` is 优 for 物业管理面积 (an area under care: a stock, read ``>=``) and
  ``60万度以上`` is 优 for 用电量 — the form grades more power used as better (the hall kept open), so it is read
  ``>= 60`` 万度, higher, against the usual reading of a consumption as a cost; a judgement. 项目成本控制 ``不超预算`` is
  worded: qualitative. 保证设备正常运转天数 ``200`` is bare; its unit 天 is written in the same row's tier cells
  (``200天以上``), so ``天`` is given as the unit. ``维修(护)率``: ``(护)`` is part of the name (维修/维护率), no unit. The table
  has no year; the report that follows is 「2018年财政支出项目绩效自评报告」, so ``year`` is 2018. The page's
  replacement characters (``�?谑袊�``) are in the report prose, kept as stored.
- 旺苍县 基本药物制度补助资金 区域(项目)绩效目标自评表 (2021年度; a row a line, cells one or two blanks apart; 年度指标值
  / 全年完成值 / 未完成原因和改进措施): every target and actual is a sentence around a count. A person reads the count:
  ``实施乡镇社区基层医疗机构37个。`` is 37 个 (``>= 37``), ``本年度已完成37个…实施。`` its actual 37, though the first
  row's name ends in 覆盖率 (the office wrote the number of clinics covered, not a share: unit 个, not %). The third row
  (``基层医疗卫生机构实施基本药物制度补助。``, its stop dropped) has ``37个基层医疗机构`` as target and ``100%`` as actual:
  the actual is a share of another thing than the count, so it is ``None`` (as held-out 26's 保山 ``无上访``). The fourth
  row is cut inside its name (``指标2:村卫生``): left out. The year is in the form's title: ``year`` not given.
- 广水市 纪委监委 办公局域网维护费 自评表 (2019年度, the PDF's words in drawing order): 年初指标值 / 年终完成值 / 自评分 /
  复核分. ``采购设备 10 台套 10 台套``: target 10 台套, actual 10. The 质量 row is drawn across lines: name
  ``改善运行状况``, target ``便于信息`` + ``化应用`` (便于信息化应用), actual ``便捷、快速`` + ``运用``: qualitative, worded actual
  ``None``. The 时效 and 成本 blocks hold only their scores (``标6分``, ``标7分``): no rows. The scored 项目决策 / 项目管理
  lines before them (决策依据, 财务制度, 运行监管 …) are the evaluation's scoring items, not indicators.
- 湖北工程学院 学生资助项目 绩效目标自评表 (a document-sharing copy with every digit stripped by the site, one line):
  nine 三级指标 names stand whole, their 年初目标值 / 实际完成值 gone (``年初目标值()`` shows the emptied unit slot), so
  each is a row with empty targets and no unit written (as held-out 27's 省残联 form). The ``分(因全校总人数减少,…)`` after
  国家奖学金人数 is its emptied score and a remark, no part of the name. ``服务对象满意度指标`` is a 二级 label whose row has
  no name left: nothing. ``评审程序是否公正`` / ``是`` / ``是`` is a worded target and actual, but the copy has lost its year
  (``年学生资助项目``, the 填报日期 emptied) and nothing on the page tells it: with no year to key it by, its targets are
  left empty too (as held-out 2's 宁德 rows whose target cannot be placed: row, unit, kind and direction scored only),
  kind qualitative.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout29"
Y18, Y19, Y21 = "2018", "2019", "2021"


def _rate(name: str, year: str, value: float, actual: float | None = None, cmp: str = ">=") -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (cmp, value)}, None if actual is None else {year: actual})


def _named(name: str) -> tuple[Any, ...]:
    """A row with a name and no value in the copy: targets left to fill in, no unit written."""
    return (name, None, None, None, {}, None)


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "hainan_guihua_zhanlanguan_yunwei_mubiao_2018.txt": {
        "kind": "项目绩效目标表（绩效目标与绩效标准 优/良/中/差）", "year": Y18,
        "layout": "text-pipe (a traditional-character mirror with pinyin notes; 指标类型 | 绩效指标 | 绩效目标 | 优 | 良 | 中 | "
                  "差, the 一级 label only on each block's first row, 指标1: slots; no year in the table, a 2018 report after it)",
        "rows": [
            ("物業(yè)管理面積", "平方米", "stock", "higher", {Y18: (">=", 6500)}, None),  # 优: 6500平方米以上
            ("用電量", "万度", "flow", "higher", {Y18: (">=", 60)}, None),  # 优: 60万度以上 (more power is graded better)
            _rate("日常電子設(shè)備的維修(護(hù))率", Y18, 20),  # 20%以上
            _rate("日常參觀展示設(shè)備的使用率", Y18, 80),  # 80%以上
            ("項(xiàng)目成本控制", "", "qualitative", None, {Y18: Q}, None),  # 不超预算
            ("保證設(shè)備正常運(yùn)轉(zhuǎn)天數(shù)", "天", "flow", "higher", {Y18: (">=", 200)}, None),  # 200 / 优 200天以上
        ],
        "unread": [],
    },
    "wangcang_jiben_yaowu_buzhu_quyu_ziping_2021.txt": {
        "kind": "转移支付区域(项目)绩效目标自评表", "year": None,
        "layout": "text-space (site index lines above; a row a line, cells one or two blanks apart, 指标1: slots, the 一级 "
                  "label lost; targets and actuals worded around their counts; cut inside the fourth row's name)",
        "rows": [
            ("政府办基层医疗卫生机构实施国家基本药物制度覆盖率", "个", "flow", "higher", {Y21: (">=", 37)}, {Y21: 37}),
            ("村卫生室实施国家基本药物制度", "个", "flow", "higher", {Y21: (">=", 352)}, {Y21: 352}),
            ("基层医疗卫生机构实施基本药物制度补助", "个", "flow", "higher", {Y21: (">=", 37)}, {Y21: None}),  # actual 100%
        ],
        "unread": [],
    },
    "guangshui_jiwei_juyuwang_weihu_ziping_2019.txt": {
        "kind": "财政预算支出项目绩效目标自评表（评分式）", "year": None,
        "layout": "text-run (a PDF copy run into one paragraph in drawing order: the scored 决策 / 管理 items first, then "
                  "指标名称 / 年初指标值 / 年终完成值 / 自评分 with cells broken across the drawn lines)",
        "rows": [
            ("采购设备", "台套", "flow", "higher", {Y19: (">=", 10)}, {Y19: 10}),
            ("改善运行状况", "", "qualitative", None, {Y19: Q}, {Y19: None}),  # 便于信息化应用 / 便捷、快速运用
        ],
        "unread": [],
    },
    "hubei_gongcheng_xueyuan_xuesheng_zizhu_ziping_undated.txt": {
        "kind": "学生资助项目绩效目标自评表（数字全失）", "year": None,
        "layout": "text-run (a document-sharing copy on one line with every digit stripped: names without values, "
                  "emptied unit slots and scores, a remark after the first score; no year left)",
        "rows": [
            _named("国家奖学金人数"),
            _named("国家励志奖学金人数"),
            _named("国家助学金人数"),
            _named("应征入伍人数"),
            _named("国家奖学金人均资助"),
            _named("国家励志奖学金人均资助"),
            _named("国家助学金人均资助"),
            _named("资金发放率"),
            _named("困难生完成学业率"),
            ("评审程序是否公正", "", "qualitative", None, {}, None),  # 是 / 是, no year to key it by
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
