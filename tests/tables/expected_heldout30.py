"""Hand-checked readings of a held-out set, tests/tables/heldout30/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Angle: the layouts least like a grid. Four copies run every cell of a form together with no separator at all (a
grants-news site's copies of 下达 notices and a 自评表, a spreadsheet's cells in drawing order, a scanned .docx with glued
cells, scrambled level labels and a page mark inside a value); one holds its targets as prose inside two cells. Places:
宁夏 原州区 (少数民族发展资金), 福建 南平 / 武夷山 (省级宣传文化专项), 山西 永济 (文物保护), 湖北 荆门 (文物保护), 海南 (会展
奖励, 直达资金), a 长江禁捕 渔业补贴 self-evaluation. The pages corpus is close to exhausted for these queries (most hits
are already used, or stop before their indicator rows); the code / docs / issues corpora gave no stored target table.
Same conventions as ``expected_corpus.py`` and the held-out sets before: a bare number reads as ``>=`` for a
higher-is-better indicator and as ``<=`` for a cost; a worded target is qualitative, a worded actual ``None``; ``ERR`` a
cell nobody can read, its row also listed in ``unread``; a cut row is left out.

- 原州区 送茶入户 自评 (2022, in the title): ``2010010020`` is 分值 20 | 指标值(A) 100 | 全年实际值(B) 100 | 得分 20 (the
  得分计算方法 cell is empty); ``101001009.34`` is 10 | 100 | 100 | 9.34; ``1038.7536.29.34`` is 10 | 38.75 | 36.2 | 9.34. The
  数量 row's name is the whole sentence in its 三级指标 cell (kept without its closing comma); its 100 and the 时效 row's 100
  have no unit (the share given out, by the date in the name): unit ``None``, no kind, higher, actual 100. The 时效 row's
  name ``确定于于2022年12月底前发放完毕`` (``于于`` as written) is read by its value 100, not as a deadline. The 成本 row's
  三级指标 cell holds ``38.75万元``, kept as its name; 38.75 the cap (万元, ``<=``), 36.2 the actual. The 社会效益 row is cut
  inside its name: left out.
- 武夷山 对外文化交流基地 (专项资金绩效目标表(2026年度)): one row, its name twice (三级指标 and 指标解释 say the same words)
  then ``≥3个``; the ``15万元`` before ``产出指标`` belongs to the 资金 / 总体目标 part, no indicator.
- 永济 文物保护经费 申报表 (2023年度): ``永安真武庙戏台 1处`` is a count of sites (flow, 处). ``文物宣传教育短信 ≥3万条``
  keeps the unit 万条. ``按期完工`` / ``按期完工`` is a name with a worded target. The 成本 row's name is clipped by its cell
  at ``文物保`` and kept as stored; ``59万元`` a cost cap. The repeated ``主要用于文物修缮、宣传、文创 护人员经费、办公经费`` is the
  总体目标 cell at the page break, no row. The second ``成本指标 永安真武庙戏台`` is cut before its value: left out.
- 荆门 全市文物保护专项经费: the year is only in 起止时间 (2022年1月—12月), given as ``year``. The targets are prose in the
  年度绩效总目标 cells, split at ``;``: ``频次8次`` etc. are counts (flow, bare number ``>=``); ``≥20万人次`` keeps 万人次.
  ``文物保护名录和数据库基本健全`` has no value: the whole phrase is the name, target qualitative.
- 海南 会展项目奖励 项目绩效目标表: no year in the table; the notice (2022-06-29) is of the 2022 budget and asks that the
  ``年度绩效目标`` be met, so read as 2022 and given as ``year``. ``≥280亿元30%正向指标`` is ≥ | 280 | 亿元 | 权重 30% |
  正向指标: the 30% is a weight, no value.
- 长江禁捕 渔业成品油价格改革补贴 自评 (2020年度, in the title): ``6620`` is 6 | 6 | 20 (no unit written: ``None``, a count,
  flow). The 时效 row ``12月底之前完成`` has its target broken by the page mark (``10`` / ``2、0%``, 100% by the scores: 20 +
  20 + 10 + 10 + 40 = 100): ``ERR`` and listed in ``unread``, its actual 100% kept. ``退捕渔民抽样调查满意度 90% 290% 40``:
  target 90, the actual ``290%`` is ``≥90%`` with ≥ read as 2 (as the notes' ``2X``), a bound, not a measured value:
  ``None``. ``服务对象满意度`` before it is the 二级 label.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import ERR, Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout30"
Y20, Y22, Y23, Y26 = "2020", "2022", "2023", "2026"


def _rate(name: str, year: str, value: float, actual: float | None = None) -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (">=", value)}, None if actual is None else {year: actual})


def _count(name: str, unit: str | None, year: str, value: float, actual: float | None = None) -> tuple[Any, ...]:
    return (name, unit, "flow", "higher", {year: (">=", value)}, None if actual is None else {year: actual})


def _qual(name: str, year: str, actual: bool = False) -> tuple[Any, ...]:
    """A worded target; ``actual``: the form has an actual column (a worded actual is ``None``)."""
    return (name, "", "qualitative", None, {year: Q}, {year: None} if actual else None)


YUANZHOU_SHULIANG = ("针对原州区监测帮扶对象:边缘易致贫人口突发严重困难人口共计3875人(涉及北塬街道办和11个乡镇),"
                     "发放边销茶目标人群是3875人,目前已发放边销茶目标人群3620人,目前255人目标人群茶叶未发放确定于剩余255人"
                     "茶叶于2022年12月底前发放完毕")
YONGJI_CHENGBEN = "文物保护单位方案编制费、古建筑日常养护及抢险加固费、文物安全巡查费、宣传教育费、文物保"

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "yuanzhou_songcha_ruhu_ziping_2022.txt": {
        "kind": "项目支出绩效自评表（少数民族发展资金）", "year": None,
        "layout": "text-run (notice sentence then the whole form glued, no separators; 分值 / 指标值(A) / 全年实际值(B) / "
                  "得分 numbers run together; a value as the 成本 row's name; cut in the 社会效益 row's name)",
        "rows": [
            (YUANZHOU_SHULIANG, None, None, "higher", {Y22: (">=", 100)}, {Y22: 100}),
            ("确定于于2022年12月底前发放完毕", None, None, "higher", {Y22: (">=", 100)}, {Y22: 100}),
            ("38.75万元", "万元", "flow", "lower", {Y22: ("<=", 38.75)}, {Y22: 36.2}),
        ],
        "unread": [],
    },
    "wuyishan_duiwai_wenhua_jiaoliu_mubiao_2026.txt": {
        "kind": "专项资金绩效目标表（省级宣传文化事业发展专项资金，下达通知附件）", "year": None,
        "layout": "text-run (notice, 安排表 and target table glued without separators; name repeated as 指标解释; "
                  "ends after the first row)",
        "rows": [
            _count("邀请国际友人实习实训涉及国家数量", "个", Y26, 3),
        ],
        "unread": [],
    },
    "yongji_wenwu_baohu_shenbao_2023.txt": {
        "kind": "项目支出绩效目标申报表（县级预算部门）", "year": None,
        "layout": "text-run (a spreadsheet's cells in drawing order on one line, level labels scattered, header repeated "
                  "at the page break; a name clipped by its cell; cut in the second 成本 row)",
        "rows": [
            _count("永安真武庙戏台", "处", Y23, 1),
            _count("文物安全巡查", "处", Y23, 416),
            _count("文物宣传教育短信", "万条", Y23, 3),
            _rate("文保单位抢险维修", Y23, 100),
            _rate("文物安全巡查覆盖率", Y23, 100),
            _qual("按期完工", Y23),
            (YONGJI_CHENGBEN, "万元", "flow", "lower", {Y23: ("<=", 59)}, None),
        ],
        "unread": [],
    },
    "jingmen_wenwu_baohu_mubiao_2022.txt": {
        "kind": "预算项目绩效目标表（年度绩效总目标，文字）", "year": Y22,
        "layout": "text-pipe (a row a line; the targets written as prose inside two cells, split at ;; year only in "
                  "起止时间)",
        "rows": [
            _count("开展文物安全巡查频次", "次", Y22, 8),
            _count("编制文物宣传资料数量", "个", Y22, 3),
            _count("文物保护知识培训次数", "次", Y22, 2),
            _count("申报省级以上重点文物保护项目数", "个", Y22, 3),
            _rate("文物保护项目验收合格率", Y22, 86),
            _rate("文物展品安全保障率", Y22, 96),
            _count("文物保护宣传覆盖人次", "万人次", Y22, 20),
            _qual("文物保护名录和数据库基本健全", Y22),
            _count("文物保护修缮个数", "个", Y22, 5),
        ],
        "unread": [],
    },
    "hainan_huizhan_jiangli_mubiao_2022.txt": {
        "kind": "项目绩效目标表（省级会展项目奖励资金，下达通知附件）", "year": Y22,
        "layout": "text-run (notice, 分配表 and target table glued; 性质 / 值 / 单位 / 权重 / 方向 cells run together, a "
                  "weight in % after the unit; no year in the table; ends after the first row)",
        "rows": [
            _count("全年实现会展业综合收入", "亿元", Y22, 280),
        ],
        "unread": [],
    },
    "changjiang_jinbu_yuye_youjia_ziping_2020.txt": {
        "kind": "项目绩效自评表（长江禁捕，渔业成品油价格改革补贴）", "year": None,
        "layout": "text-run (recognised from a scan: cells glued, level labels scrambled, a page mark inside the 时效 "
                  "row's target, ≥ read as 2; scoring notes below, cut)",
        "rows": [
            _count("补贴渔船数", None, Y20, 6, 6),
            _rate("渔船补贴发放率", Y20, 100, 100),
            ("12月底之前完成", "%", "rate", "higher", {Y20: ERR}, {Y20: 100}),  # 10 / 2、0%: 100% broken by the page mark
            ("退捕渔民抽样调查满意度", "%", "rate", "higher", {Y20: (">=", 90)}, {Y20: None}),  # actual 290%: ≥90%
        ],
        "unread": ["12月底之前完成"],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
