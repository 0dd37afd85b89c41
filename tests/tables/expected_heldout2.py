"""Hand-checked readings of the second held-out set, tests/tables/heldout2/: real published tables from sources
used nowhere else in tests/tables/ (written by reading each table, before the reader was run on it).
``make_expected()`` writes one ``<fixture>.expected.json`` beside each; ``bench/parse_tables.py`` scores them as
the "held-out 2" block.

Same format and conventions as ``expected_corpus.py`` and ``expected_heldout.py`` (their helpers are reused).
Also read this way here: a template's numbering (``指标1:``) is not part of an indicator's name; a value written
into the name cell (``年度资金支付完成率100%``) is the target, and the name is what precedes it; a row whose
value cell is blank but whose name states the target (``工程质量合格``) is qualitative; ``≤4`` on a count is kept
as written (direction not scored); ``9月前`` is a deadline in that month of the table's year; ``targets`` is
left empty where the table gives two contradicting values (宁德: 指标解释 ``90%`` against 目标值 ``1``), so only
the row, unit and kind are scored. Clauses without a name of their own (同心: ``生态效益指标:生态修复功能提高``)
are not indicators.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import ERR, Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout2"

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "tianchang_shuihan_ziping_2022.txt": {
        "kind": "项目支出绩效自评表", "year": None,
        "layout": "text-lines (indented, 指标1: numbering, empty template rows, values without units)",
        "rows": [
            ("完成中型灌区节水改造项目数量", None, "flow", "higher", {"2022": (">=", 1)}, {"2022": 1}),
            ("完成农业综合水价改革项目", None, "flow", "higher", {"2022": (">=", 1)}, {"2022": 1}),
            ("工程质量合格", "", "qualitative", None, {"2022": Q}, {"2022": None}),  # no value cell
            ("年度资金支付完成率", "%", "rate", "higher", {"2022": (">=", 100)}, {"2022": None}),  # 100% in the name cell
            ("资金执行在预算范围内", "", "qualitative", None, {"2022": Q}, {"2022": None}),
            ("全市安全度汛", "", "qualitative", None, {"2022": Q}, {"2022": None}),
            ("保护全市人口财产不受损失", "", "qualitative", None, {"2022": Q}, {"2022": None}),
            ("已建工程良性运行", "", "qualitative", None, {"2022": Q}, {"2022": None}),
            ("服务对象满意度", "%", "rate", "higher", {"2022": (">=", 90)}, {"2022": 100}),
        ],
        "unread": [],
    },
    "daying_sifa_ziping_2023.txt": {
        "kind": "部门预算项目支出绩效自评表", "year": None,
        "layout": "text-pipe (指标性质 and 度量单位 columns, copy starts and stops mid-table)",
        "rows": [
            ("成本控制数", "万元", "flow", "lower", {"2023": ("<=", 30)}, {"2023": None}),  # 完成值 "完成"
            # the copy stops after the value: unit, kind and direction unknown
            ("完成安可产品购买并按要求支付资金", None, None, None, {"2023": ("=", 100)}, {"2023": None}),
        ],
        "unread": [],
    },
    "baodi_fenwu_zhongyang_2022.txt": {
        "kind": "中央预算内投资计划绩效目标表", "year": None,
        "layout": "text-pipe (one cell per line, 实施效果指标 above 产出/效益指标, notice text first)",
        "rows": [
            ("建设项目个数(含续建)", None, "flow", "higher", {"2022": (">=", 1)}, None),
            ("竣工验收合格率", "%", "rate", "higher", {"2022": (">=", 100)}, None),
            ("按进度计划实施情况", "", "qualitative", None, {"2022": Q}, None),
            ("完工项目县畜禽粪污综合利用率", "%", "rate", "higher", {"2022": (">=", 90)}, None),
        ],
        "unread": [],
    },
    "ningde_fangzhi_zhengti_2019.txt": {
        "kind": "部门整体支出绩效目标表", "year": None,
        "layout": "text-space (指标解释 column holding a second value before 目标值)",
        "rows": [
            ("志鉴地情相关工作开展所需资金的供应时效", "%", "rate", "higher", {"2019": (">=", 100)}, None),
            ("确保日常工作正常运行", "%", "rate", "higher", {"2019": (">=", 100)}, None),
            ("按年度发放绩效奖、文明奖、综治平安奖、应休未休补贴", "%", "rate", "higher", {"2019": (">=", 60)}, None),
            # 指标解释 90%(计划标准) / 100%(计划标准) against 目标值 1: which one is the target is not clear
            ("调研、督促、指导志、鉴、地情编纂的县(市、区)的覆盖率", "%", "rate", "higher", {}, None),
            ("各类书籍审稿率", "%", "rate", "higher", {}, None),
            ("项目完成时间", "", "milestone", None, {}, None),  # 2019年12月(计划标准) against 100%
        ],
        "unread": [],
    },
    "tongxin_xiamaguan_putao_2023.txt": {
        "kind": "绩效目标设定公示（衔接资金，文字）", "year": None,
        "layout": "text-prose (targets in sentences after (≥**株) placeholders)",
        "rows": [
            ("黄金蜜(葡萄)种植数量", "株", "flow", "higher", {"2023": (">=", 17600)}, None),
            ("种植作物成活率", "%", "rate", "higher", {"2023": (">=", 85)}, None),
            ("完成及时率", "%", "rate", "higher", {"2023": (">=", 100)}, None),
            ("黄金蜜(葡萄)补助成本", "元/株", "level", "lower", {"2023": ("<=", 28.4)}, None),
            ("脱贫地区特色产业产值", "万元", "flow", "higher", {"2023": (">=", 80)}, None),
            ("促使脱贫户、监测户增加收入", "万元", "flow", "higher", {"2023": (">=", 80)}, None),
            ("受益脱贫户、监测户人口数", "户", "flow", "higher", {"2023": (">=", 10)}, None),
            ("受益脱贫户满意度", "%", "rate", "higher", {"2023": (">=", 95)}, None),
        ],
        "unread": [],
    },
    "jingyan_mata_shenbao_2023.txt": {
        "kind": "部门预算项目绩效目标申报表", "year": None,
        "layout": "text-pipe (several projects, 指标性质/度量单位/指标方向性 columns)",
        "rows": [
            ("维护社会稳定", "%", "rate", "higher", {"2023": (">=", 95)}, None),
            ("维持时效", "年", None, "higher", {"2023": (">=", 1)}, None),
            ("按时发放", "人/年", None, "higher", {"2023": (">=", 1)}, None),
            ("促进村集体经济发展", "%", "rate", "higher", {"2023": (">=", 95)}, None),
            ("村组干部230人", "个", "flow", "higher", {"2023": (">=", 230)}, None),
            ("保护生态环境卫生", "%", "rate", "higher", {"2023": (">=", 95)}, None),
            ("项目维持时效", "%", "rate", "higher", {"2023": (">=", 95)}, None),
            ("人民群众满意度", "%", "rate", "higher", {"2023": (">=", 95)}, None),
            ("辖区内群众满意度", "%", "rate", "higher", {"2023": (">=", 95)}, None),
            ("促进农村集体经济发展", "%", "rate", "higher", {"2023": (">=", 95)}, None),
            ("经济、环境等方面可持续发展", "%", "rate", "higher", {"2023": (">=", 95)}, None),
            ("保障村社区正常运转", "%", "rate", "higher", {"2023": (">=", 95)}, None),
            ("行政村数量", "个", None, None, {"2023": ("=", 11)}, None),  # the copy stops before 指标方向性
        ],
        "unread": [],
    },
    "jinzhai_chagu_zhengti_ziping_2023.txt": {
        "kind": "部门整体支出绩效自评表", "year": None,
        "layout": "text-pipe (指标N: numbering, a ≤ cap on a count, month deadlines)",
        "rows": [
            ("开展精品示范村建设数量", None, "flow", None, {"2023": ("<=", 4)}, {"2023": 4}),
            ("建设美丽宜居自然村庄数量", None, "flow", "higher", {"2023": (">=", 200)}, {"2023": 202}),
            ("完成农村户用卫生厕所改造数量", None, "flow", "higher", {"2023": (">=", 2000)}, {"2023": 3061}),
            ("新建省级中心村数量", None, "flow", "higher", {"2023": (">=", 10)}, {"2023": 10}),
            ("美丽宜居自然村庄验收通过率", "%", "rate", "higher", {"2023": (">=", 95)}, {"2023": 100}),
            ("户用卫生厕所改造验收通过率", "%", "rate", "higher", {"2023": (">=", 95)}, {"2023": 100}),
            ("完成美丽宜居自然村庄验收时间", "", "milestone", None, {"2023": ("due", "2023-09")}, {"2023": None}),
            ("完成户用卫生厕所改造验收时间", "", "milestone", None, {"2023": ("due", "2023-11")}, {"2023": None}),
        ],
        "unread": [],
    },
    "hengshan_chubeiliang_ziping_2020.tsv": {
        "kind": "县级专项资金绩效目标自评表", "year": None,
        "layout": "text-tab (run-together copy set out; wrap spaces, page markers and a ≥ read as 2 kept)",
        "rows": [
            ("5000吨稻谷、500吨成品粮储备到位率", "%", "rate", "higher", {"2020": (">=", 100)}, {"2020": 100}),
            ("库存数量真实率", "%", "rate", "higher", {"2020": (">=", 100)}, {"2020": 100}),  # actual after "2、"
            ("县级储备粮管理制度严格执行率", "%", "rate", "higher", {"2020": (">=", 100)}, {"2020": 100}),
            ("储备粮管理专户管理率", "%", "rate", "higher", {"2020": (">=", 100)}, {"2020": 100}),
            ("县级储备粮库存粮食明显变质比例", None, "rate", "lower", {"2020": ("<=", 0)}, {"2020": 0}),
            ("县级储备粮贷款付息及时率", "%", "rate", "higher", {"2020": (">=", 100)}, {"2020": 100}),
            ("县级储备粮应急保障率", "%", "rate", "higher", {"2020": (">=", 100)}, {"2020": 100}),
            ("国家政策性粮收购价格执行率", "%", "rate", "higher", {"2020": (">=", 100)}, {"2020": 100}),
            ("县级储备粮库存成本核算率", "%", "rate", "higher", {"2020": (">=", 100)}, {"2020": 100}),
            ("利息费用保障率", "%", "rate", "higher", {"2020": (">=", 100)}, {"2020": 100}),
            ("政策性挂账利息补贴保障率", "%", "rate", "higher", {"2020": (">=", 100)}, {"2020": None}),  # 实际 无
            ("低温、低氧、低剂量科学保粮率", "%", "rate", "higher", {"2020": (">=", 100)}, {"2020": 100}),
            ("食品安全指标达标率", "%", "rate", "higher", {"2020": (">=", 100)}, {"2020": 100}),
            ("粮食储备设备维护及安全性", "", "qualitative", None, {"2020": Q}, {"2020": None}),  # 高, after "3、"
            ("因粮食市场波动引起的粮食安全事件发生数", "起", "flow", "lower", {"2020": ("<=", 0)}, {"2020": 0}),
            ("市民满意度调查", "%", "rate", "higher", {"2020": ERR}, {"2020": 100}),  # 290%: ≥90% with ≥ read as 2
        ],
        "unread": ["市民满意度调查"],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
