"""Hand-checked readings of a held-out set, tests/tables/heldout40/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: education (学生资助, a school's whole-budget targets), from schools' and 教育局 pages: a 中心学校's self-evaluation
of its 义务教育阶段家庭经济困难学生生活补助 (prose, targets and actuals in sentences), a 中学's 部门整体支出绩效目标申报表
whose targets are one sentence per 二级指标, and a 中学's 普通高中国家助学金 公示 on a traditional-character mirror.
Places: 云南 保山 昌宁 (珠街彝族乡), 湖南 衡阳 南岳, 新疆 昌吉. No 学前教育资助 / 营养改善计划 / 教师培训 / 校舍安全 /
职业教育提质培优 table with its rows in the stored text turned up that was not already in tests/tables/ (永德 明朗中学
营养改善, 青山 薄改, 黄石三中 / 校园维修, 湖北工程学院 学生资助, 乐昌 中职助学金, 宁晋 高中助学金, 湘西特校, 临邑 are
taken; 湘阴 幼儿园公用经费, 广水 马坪镇中心中学 校舍安全长效机制, 广水 教育局 整体目标, 浙江 薄弱环节 附件2, 广东外语艺术
职业学院 提质 sheet, 大足 土门中心小学 校舍维修 and 开阳 毛云乡 stop before their rows; 和平县 星星中学 is on an adult-spam
mirror and was not used). Every copy is a stored page excerpt; where it is cut the rows before the cut are kept and the
cut row is left out (same conventions as ``expected_corpus.py`` and the held-out sets before: a bare number reads as
``>=`` for a higher-is-better indicator and as ``<=`` for a cost; a worded target is qualitative; a subsidy standard is
a level with no direction; a unit is kept as written; a sentence stop ending a name is no part of it).

- 昌宁 珠街彝族乡中心学校 2023 自评报告 (义务教育阶段家庭经济困难学生生活补助; prose): ``学生人次940人次,实际发放940人次``
  is the 数量 target 940 人次 and its actual 940 (a count of aids paid out over the year: flow, higher). The four 成本
  sentences ``…人均补助标准指标值1000元/生.年,全年实际完成值1000元/生.年`` are subsidy standards (level, no direction,
  value only), unit ``元/生.年`` as written; their actuals are the 全年实际完成值. The 质量 sentence (``…达到应助尽助``)
  and the 时效 sentence (``实际执行率为72.03%,2023年秋季学期未及时发放``) state only what was done, with no target and
  no measure named apart from the budget's 执行率 (given in 执行率情况 as the budget line): no rows. 107.78万元 /
  149.63万元 / 自评得分86.4分 are the budget and the score. Year from the title (2023年度), no ``year``.
- 南岳区实验中学 部门整体支出绩效目标申报表 (2017年度; one cell a line; each 二级指标 a sentence): where a sentence holds
  a measure with a number, each such clause is an indicator named by the clause less its value words (弥勒 in
  held-out 12): ``力争毕业生合格率达100%`` is 毕业生合格率 ``>= 100``; ``学校绿化覆盖达70%`` is ``>= 70`` (a rate, as
  its %); ``社区满意度95%以上`` ``>= 95``. ``确保全年未发生一起安全事故`` is a cap of no accident (安全事故, 0 起: flow,
  lower, ``<= 0``); ``师生犯罪率为零`` is 师生犯罪率 ``<= 0`` (rate, lower; no unit written). The clauses around them
  with no number (``学校的教育教学秩序良好``, ``收支平衡``, ``优化校园生态环境`` …) are not read apart from their line. A
  line with no number at all (时效, 成本, 社会效益, 可持续影响) is one qualitative indicator named by its whole sentence,
  the closing stop left out. The 整体绩效目标 (目标2 ``在职人员89人、离退休人员26人``) are goals, not indicators; 704 /
  683 / 21 / 622 / 82 万元 are the budget. ``家长满`` is cut: left out. Year from the title (``2017 年度)``), no ``year``.
- 昌吉州第四中学 普通高中国家助学金 公告公示 (traditional characters with the mirror's pinyin notes; names kept as
  written, as held-out 10's 昌吉职业技术学院 page from the same mirror): ``全年資助…學(xué)生1606人次,資助金額160.77萬元``
  is two indicators: the 1606 人次 aided (flow, higher) and the amount to pay out 160.77 萬元 (flow, higher, ``>=``, as
  held-out 28's 发放金额). ``資助標(biāo)準(zhǔn)100%達標(biāo)`` is a 100% rate (as held-out 10). ``資助人數(shù)覆蓋率100%`` and
  ``資助經(jīng)費(fèi)到位率100%達標(biāo)`` are rates ``>= 100``. The 成本 sentence gives three tiers
  (``每生每年3000元、2000元、1000元3個檔次``): which one is the target cannot be told, so the row (named, as held-out 10,
  by the words before the value: ``資助標(biāo)準(zhǔn)為每生每年``) has no target (as held-out 11's 长庆 补贴数量). The
  建设内容 figures (春季 801人 / 秋季 805人, 85.5 / 75.3 萬元) are the works, not targets. ``(二)、效`` is cut: no 效益
  rows. The year is only in the text (2019年自治區…, 2019年全年資助): as held-out 10's 昌吉 page, no ``year``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout40"
Y17, Y19, Y23 = "2017", "2019", "2023"


def _rate(name: str, year: str, value: float, actual: float | None = None) -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (">=", value)}, None if actual is None else {year: actual})


def _qual(name: str, year: str) -> tuple[Any, ...]:
    return (name, "", "qualitative", None, {year: Q}, None)


def _standard(name: str, year: str, value: float, actual: float) -> tuple[Any, ...]:
    return (name, "元/生.年", "level", None, {year: (None, value)}, {year: actual})


_ZJ = "义务教育阶段家庭经济困难学生生活补助"

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "changning_zhujie_kunnan_shenghuo_buzhu_ziping_2023.txt": {
        "kind": "项目支出绩效自评报告（学校，文字）", "year": None,
        "layout": "text-prose (a |-separated metadata block, then paragraphs; indicators as sentences: 数量 N人次,实际发放N人次; "
                  "成本 …指标值N元/生.年,全年实际完成值N元/生.年; copy stops at the next heading)",
        "rows": [
            ("享受" + _ZJ + "学生人次", "人次", "flow", "higher", {Y23: (">=", 940)}, {Y23: 940}),
            _standard(_ZJ + "小学寄宿学生人均补助标准", Y23, 1000, 1000),
            _standard(_ZJ + "小学非寄宿学生人均补助标准", Y23, 500, 500),
            _standard(_ZJ + "初中寄宿学生人均补助标准", Y23, 1250, 1250),
            _standard(_ZJ + "初中非寄宿学生人均补助标准", Y23, 625, 625),
        ],
        "unread": [],
    },
    "nanyue_shiyan_zhongxue_zhengti_mubiao_2017.txt": {
        "kind": "部门整体支出绩效目标申报表（学校）", "year": None,
        "layout": "text-lines (one cell a line with blank lines between; each 二级指标 a sentence after its label and a colon, "
                  "numbers inside clauses; cut in the 满意度 sentence)",
        "rows": [
            _rate("毕业生合格率", Y17, 100),  # 力争毕业生合格率达100%
            _qual("按时完成教学任务,顺利完成中考", Y17),
            _qual("全年预算全额用于保障教育教学", Y17),
            ("安全事故", "起", "flow", "lower", {Y17: ("<=", 0)}, None),  # 确保全年未发生一起安全事故
            ("师生犯罪率", "", "rate", "lower", {Y17: ("<=", 0)}, None),  # 师生犯罪率为零
            _qual("学校的教学秩序良好,中考成绩进一步稳定,深入推进教学改革,倡导教师用心反思,关注细节,发挥智慧,"
                  "注重教学行为督查,构建校园安全文明、稳定、和谐", Y17),
            _rate("学校绿化覆盖", Y17, 70),  # 学校绿化覆盖达70%
            _qual("以提高人才培养质量为核心,全力打造学校育人品牌,稳定城区生源,培养合格公民", Y17),
            _rate("社区满意度", Y17, 95),  # 95%以上
        ],
        "unread": [],
    },
    "changji_sizhong_gaozhong_zhuxuejin_2019.txt": {
        "kind": "项目情况公告公示（绩效目标，文字）", "year": None,
        "layout": "text-prose (traditional characters with pinyin notes, numbered sentences, two measures in one sentence, "
                  "a three-tier standard; copy stops in the 效益指标 heading)",
        "rows": [
            ("全年資助普通高中家庭經(jīng)濟困難學(xué)生", "人次", "flow", "higher", {Y19: (">=", 1606)}, None),
            ("資助金額", "萬元", "flow", "higher", {Y19: (">=", 160.77)}, None),
            _rate("資助標(biāo)準(zhǔn)", Y19, 100),  # 100%達標(biāo)
            _rate("資助人數(shù)覆蓋率", Y19, 100),
            _rate("資助經(jīng)費(fèi)到位率", Y19, 100),  # 100%達標(biāo)
            ("資助標(biāo)準(zhǔn)為每生每年", "元", "level", None, {}, None),  # 3000元、2000元、1000元3個檔次
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
