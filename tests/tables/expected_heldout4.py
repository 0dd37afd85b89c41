"""Hand-checked readings of the fourth held-out set, tests/tables/heldout4/: real published tables from the south and
west (四川, 重庆, 陕西, 宁夏, 湖南), from sources used nowhere else in tests/tables/ (written by reading each table,
before the reader was run on it). ``make_expected()`` writes one ``<fixture>.expected.json`` beside each;
``bench/parse_tables.py`` scores them as the "heldout4" block.

Same format and conventions as ``expected_corpus.py``, ``expected_heldout.py`` and ``expected_heldout2.py`` (their
helpers are reused). Also read this way here:

- a 是/否 target is ``("=", 1)`` / ``("=", 0)``, kind ``milestone``, no direction; an actual 是 is ``1``, a worded
  actual (``基本达到``) is ``None``;
- a period (``2021年1月-12月``) or ``12月底前…到位`` is a deadline at its last month in the table's year;
- a value cell holding only the template's unit (陈仓: ``公里``, ``万亩``, ``≧ %``) gives the unit and no target:
  ``targets`` is empty, so only the row, unit, kind and direction are scored;
- a sentence carrying a standard (昭化: ``严格按照预算标准1000元/人给补助对象兑付补助``) is read as that standard, with
  the comparator left unscored;
- a worded target on a count (巫溪: 危房改造户数 ``应改尽改``) is qualitative;
- in a copy whose cells run together (原州), the 分值 before and 得分 after each value are not part of it; a value
  the copy garbles past reading (``290$`` for ≥90%, ``250%`` for ≥50%) is ``ERR``; one whose only garble is a stray
  sign before the number (``工5%``) keeps its number with the comparator unscored; a deadline whose row name and
  value disagree on the year (``2021年11月30日前完成资金支付`` in a 2022 table, value ``11月底完成``) has no target;
- 指标解释 text run into the name (澧县: ``消化利用农作物秸秆数量建立秸秆综合利用点``) is not part of the name.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import ERR, Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout4"

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "zhaohua_tekun_zaifuzhu_2021.txt": {
        "kind": "项目支出绩效目标申报表", "year": None,
        "layout": "text-space (one form row per line, wrapped level labels, worded and dated targets)",
        "rows": [
            ("对符合政策法规的独生子伤残、死亡家庭进行扶助", "人", "flow", "higher", {"2021": (">=", 63)}, None),
            ("按政策、法律、法规乡镇申报、初审确认对象资格,县级按要求复审", "%", "rate", "higher",
             {"2021": (">=", 100)}, None),
            ("项目实施时间", "", "milestone", None, {"2021": ("due", "2021-12")}, None),  # 2021年1月-12月
            ("资金拨付", "", "milestone", None, {"2021": ("due", "2021-12")}, None),  # 12月底到位
            # 严格按照预算标准1000元/人给补助对象兑付补助
            ("成本控制", "元/人", "level", "lower", {"2021": (None, 1000)}, None),
            ("促进人口与经济、社会、资源、环境协调和可持续发展", "%", "rate", "higher", {"2021": (">=", 100)}, None),
            ("实现社会稳定和谐发展", "", "qualitative", None, {"2021": Q}, None),  # 长期
            ("受益群众满意度", "%", "rate", "higher", {"2021": (">=", 90)}, None),
            ("社会满意度", "%", "rate", "higher", {"2021": (">=", 100)}, None),
        ],
        "unread": [],
    },
    "zhaohua_mafeng_2021.txt": {
        "kind": "项目支出绩效目标申报表", "year": None,
        "layout": "text-space (same form as 特困家庭再扶助, mostly worded targets)",
        "rows": [
            ("每年春节慰问麻风村休养员、村外康复者和现症病人", "人", "flow", "higher", {"2021": (">=", 32)}, None),
            ("宣传教育", "", "qualitative", None, {"2021": Q}, None),  # 覆盖全区所有人员
            ("麻风村休养员、村外康复者和现症病人生活得到改善", "%", "rate", "higher", {"2021": (">=", 100)}, None),
            ("广大群众对病风病防治知识知晓率显著提升", "%", "rate", "higher", {"2021": (">=", 100)}, None),
            ("项目实施时间", "", "milestone", None, {"2021": ("due", "2021-12")}, None),  # 2021年1月-12月
            ("资金拨付到位情况", "", "milestone", None, {"2021": ("due", "2021-12")}, None),  # 12月底前100%到位
            ("严控成本,严格按照项目资金落实各项工作,不扩大,不增债", "", "qualitative", None, {"2021": Q}, None),
            ("政府对麻风村休养员、村外康复者和现症病人的关爱", "", "qualitative", None, {"2021": Q}, None),
            ("广大群众对病风病防治意识", "", "qualitative", None, {"2021": Q}, None),
            ("项目实施情况", "", "qualitative", None, {"2021": Q}, None),
            ("服务能力提升", "", "qualitative", None, {"2021": Q}, None),
            ("群众幸福感", "", "qualitative", None, {"2021": Q}, None),
        ],
        "unread": [],
    },
    "rongchang_lvhua_2022.txt": {
        "kind": "项目绩效目标表", "year": None,
        "layout": "text-lines (cell per line ending in |, 计量单位 and 指标性质 columns before 指标值)",
        "rows": [
            ("绿化美化公路", "米", "flow", "higher", {"2022": ("=", 3500)}, None),
            ("购买发放李子苗", "株", "flow", "higher", {"2022": ("=", 15000)}, None),
            ("树木成活率", "%", "rate", "higher", {"2022": (">=", 85)}, None),
        ],
        "unread": [],
    },
    "chencang_shuili_yinshui_2020.txt": {
        "kind": "省级财政水利发展资金绩效目标表（转移支付）", "year": None,
        "layout": "text-lines (blank lines, notice text first, value cells holding only the template's units)",
        "rows": [
            ("新建堤防、护岸长度", "公里", "flow", "higher", {}, None),
            ("灌区节水改造面积", "万亩", "flow", "higher", {}, None),
            ("农村饮水工程覆盖服务人口数", "万人", "flow", "higher", {}, None),
            ("中小河流治理问道长度", "公里", "flow", "higher", {}, None),
            ("工程验收合格率", "%", "rate", "higher", {}, None),  # ≧ %
        ],
        "unread": [],
    },
    "zhongxian_shengzhu_quyu_2022.txt": {
        "kind": "区域绩效目标表（转移支付）", "year": 2022,
        "layout": "text-lines (cell per line ending in |, 单位 column and the unit repeated in the value, no year)",
        "rows": [
            ("猪肉产量稳定率", "%", "rate", "higher", {"2022": (">=", 95)}, None),
            ("能繁母猪稳定率", "%", "rate", "higher", {"2022": (">=", 90)}, None),
        ],
        "unread": [],
    },
    "wuxi_weifang_gaizao_2025.txt": {
        "kind": "绩效目标表（转移支付）", "year": None,
        "layout": "text-lines (blank lines, letter text first, a worded target on a count)",
        "rows": [
            ("农村低收入群体等重点对象危房改造户数", "", "qualitative", None, {"2025": Q}, None),  # 应改尽改
        ],
        "unread": [],
    },
    "lixian_shiyongjun_zhengti_2021.txt": {
        "kind": "部门整体支出项目绩效目标申报表", "year": None,
        "layout": "text-run (a row's cells run together, 指标解释 after the name, value on the next line with its unit)",
        "rows": [
            ("研究培育食用菌品种数量", "种", "flow", "higher", {"2021": (">=", 2)}, None),
            ("培育中药材品种数量", "种", "flow", "higher", {"2021": (">=", 4)}, None),
            ("创建食用菌生产基地", "个", "flow", "higher", {"2021": (">=", 2)}, None),
            ("推广食用菌品种数量", "种", "flow", "higher", {"2021": (">=", 3)}, None),
            ("消化利用农作物秸秆数量", "个", "flow", "higher", {"2021": (">=", 5)}, None),  # 建立秸秆综合利用点
            ("技术指导服务数量", "家", "flow", "higher", {"2021": (">=", 10)}, None),
            ("机关事务正常运转率", "%", "rate", "higher", {"2021": (">=", 100)}, None),
            ("党建任务完成率", "%", "rate", "higher", {"2021": (">=", 100)}, None),
        ],
        "unread": [],
    },
    "yuanzhou_malingshu_ziping_2022.txt": {
        "kind": "项目绩效目标自评表", "year": None,
        "layout": "text-run (every cell run together, 分值 before and 得分 after each value, OCR garbles)",
        "rows": [
            ("免费发放原原种", "万粒", "flow", "higher", {"2022": (">=", 550)}, {"2022": 550}),
            ("企业自行采购", "万粒", "flow", "higher", {"2022": (">=", 200)}, {"2022": 200}),
            # "8000亩" then "8535.5亩" across a line break, no 分值/得分 around them: kept as written
            ("一级种薯繁育基地", "亩", "flow", "higher", {"2022": (None, 8000)}, {"2022": 8535.5}),
            ("采购的原原种合格率", "%", "rate", "higher", {"2022": ERR}, {"2022": None}),  # 290$ / 290%
            # name dates it 2021年11月30日, the value says 11月底完成100% in a 2022 table
            ("2021年11月30日前完成资金支付", "", "milestone", None, {}, {"2022": None}),
            ("种薯采购价格不高于市场价", "", "milestone", None, {"2022": ("=", 1)}, {"2022": 1}),  # 是 / 是
            ("种薯亩均收入较鲜薯亩均收入", "%", "rate", "higher", {"2022": (None, 5)}, {"2022": 5}),  # 工5%
            ("一级种薯推广面积占总面积比例", "%", "rate", "higher", {"2022": (">=", 80)}, {"2022": 80}),  # 80%^80%
            ("群众对脱毒种薯和主食化专用品种的认知度", "%", "rate", "higher", {"2022": ERR}, {"2022": None}),  # 250%
            ("病害减少,防治病虫害使用的化学农药量较上年减少", "%", "rate", "higher", {"2022": (">=", 2)}, {"2022": 2}),
            ("持续完善马铃薯种薯繁育体系,保障脱毒马铃薯种薯供应,促进主食化产业衔接", "", "milestone", None,
             {"2022": ("=", 1)}, {"2022": None}),  # 是 / 基本达到
        ],
        "unread": ["采购的原原种合格率", "群众对脱毒种薯和主食化专用品种的认知度"],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
