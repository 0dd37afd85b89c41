"""Hand-checked readings of the held-out tables in tests/tables/heldout/: real published tables the reader
was not developed on (written by reading each table, not by running the reader). ``make_expected()`` writes
one ``<fixture>.expected.json`` beside each; ``bench/parse_tables.py`` scores them as a separate block.

Same format and conventions as ``expected_corpus.py`` (its helpers are reused): per indicator name, unit,
kind, direction, targets {year: (comparator, value)} and actuals; ``Q`` a qualitative target,
``("due", "2020-11")`` a deadline, ``ERR`` a cell nobody can read; ``None`` where only the office could
know (not scored); a comparator of ``None`` means only the value is scored. A bare number for a
higher-is-better indicator reads as ``>=`` and a bare cost as ``<=``, as in the corpus. Group rows that
carry no target of their own (the ★ rows of the 杨楼 table) are not indicators.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import ERR, Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout"

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "chizhou_cunji_ziping_2022.tsv": {
        "kind": "项目支出绩效自评表", "layout": "text-tab (corpus form, another project)", "year": None,
        "rows": [
            ("补助村(社区)数量", "个", "flow", "higher", {"2022": ("=", 8)}, {"2022": 8}),
            ("保障村干部人数", "个", "flow", "higher", {"2022": ("=", 42)}, {"2022": 42}),
            ("补助资格合规性", "", "qualitative", None, {"2022": Q}, {"2022": None}),
            ("经费审批流程规范性", "", "qualitative", None, {"2022": Q}, {"2022": None}),
            ("补助经费到位及时性", "", "qualitative", None, {"2022": Q}, {"2022": None}),
            ("项目总成本", "万元", "flow", "lower", {"2022": ("<=", 202.6)}, {"2022": 132.9}),
            ("对保障村(社区)两委机构正常运行的影响程度", "", "qualitative", None, {"2022": Q}, {"2022": None}),
            ("提高村(社区)干部工作积极性的影响程度", "", "qualitative", None, {"2022": Q}, {"2022": None}),
        ],
        "unread": [],
    },
    "ezhou_bangonglou_2022.tsv": {
        "kind": "项目支出绩效目标表", "layout": "text-tab (no 三级指标 header, explanation column, OCR)",
        "year": None,
        "rows": [
            # 2280次 is kept as written; the copy turns ≥ into 2 elsewhere (292%), so only the value is scored
            ("办公大楼日常维修维护次数", "次", "flow", "higher", {"2022": (None, 2280)}, None),
            ("大楼安检巡察次数", "次", "flow", "higher", {"2022": (">=", 200)}, None),
            ("办公大楼日常维修维护验收合格率", "%", "rate", "higher", {"2022": (">", 92)}, None),
            ("经常性大型设备更新验收合格率", "%", "rate", "higher", {"2022": ERR}, None),
            ("重.要设备维修维保验收合格率", "%", "rate", "higher", {"2022": (">=", 95)}, None),
            ("成本控制率", "", "qualitative", None, {"2022": Q}, None),  # 不超预算
        ],
        "unread": ["经常性大型设备更新验收合格率"],
    },
    "fengjie_yunwu_jiagongyuan_2023.tsv": {
        "kind": "项目支出绩效目标审批表", "layout": "text-tab (成本指标 block first, (0-20)分 suffixes)",
        "year": None,
        "rows": [
            ("项目建设成本", "万元", "flow", "lower", {"2023": ("<=", 65)}, None),
        ],
        "unread": [],
    },
    "huanwei_bingmei_2020.txt": {
        "kind": "抗疫特别国债项目绩效目标表", "layout": "text-pipe (compacted, ? in spaced labels)", "year": None,
        "rows": [
            ("清扫保洁道路面积", "万平方米", None, "higher", {"2020": (">=", 1346.0088)}, None),
            ("清扫保洁道路条数", "条", None, "higher", {"2020": (">=", 485)}, None),
            ("生活垃圾运输车辆", "辆", "level", "higher", {"2020": (">=", 283)}, None),
            ("垃圾无害化处理率", "%", "rate", "higher", {"2020": (">=", 100)}, None),
            ("城市道路以克论净量化考核", "次/月", None, None, {"2020": (None, 1)}, None),
            ("环境卫生专项考核", "次/月", None, None, {"2020": (None, 1)}, None),
            ("各项费用使用周期", "", "milestone", None, {"2020": ("due", "2020-11")}, None),
            ("人工成本", "万元/月", "level", "lower", {"2020": ("<=", 620)}, None),
            ("清扫保洁覆盖率", "%", "rate", "higher", {"2020": (">=", 99)}, None),
            ("保障期限", "", "milestone", None, {"2020": ("due", "2020-11")}, None),
            ("周围群众满意度", "%", "rate", "higher", {"2020": (">=", 90)}, None),
        ],
        "unread": [],
    },
    "tai_zhifache_2023.txt": {
        "kind": "项目支出绩效目标申报表", "layout": "text-pipe (中期 and 年度 column sets side by side)",
        "year": None,
        "rows": [
            ("完成修理养护的设施数量", "辆", "flow", "higher", {"2023": (">=", 90)}, None),
            ("经费支出合规性", "", "qualitative", None, {"2023": Q}, None),
            ("项目验收合格率", "%", "rate", "higher", {"2023": (">=", 100)}, None),
            ("养护维修质量合格率", "%", "rate", "higher", {"2023": (">=", 100)}, None),
            ("项目完成及时性", "", "qualitative", None, {"2023": Q}, None),
            ("经费支出时效性", "", "qualitative", None, {"2023": Q}, None),
            ("项目总成本", "元", "flow", "lower", {"2023": ERR}, None),  # ≤****000元, masked by the site
            ("对减少财政投资成本的改善程度", "", "qualitative", None, {"2023": Q}, None),
        ],
        "unread": ["项目总成本"],
    },
    "xiangtan_wupaoche_2024.txt": {
        "kind": "项目绩效目标表", "layout": "text-lines (blank lines, values without units)", "year": None,
        "rows": [
            ("雾炮车抑尘降尘服务配备车辆数", None, "level", "higher", {"2024": (">=", 10)}, None),
            ("雾炮车风炮射程", "M", "level", "higher", {"2024": (">=", 80)}, None),
            ("服务周期内空气质量", "", "qualitative", None, {"2024": Q}, None),
            ("服务周期", None, None, None, {"2024": (None, 180)}, None),  # 180 (days), no unit written
            ("控制在预算成本内", "", "qualitative", None, {"2024": Q}, None),  # 控制在预算内
            ("服务周期内,市民对空气质量改善的满意程度", "%", "rate", "higher", {"2024": (">=", 85)}, None),
            ("满意度", "%", "rate", "higher", {"2024": (">=", 90)}, None),
        ],
        "unread": [],
    },
    "xiaoxian_yanglou_zhongyangzhi_2023.tsv": {
        "kind": "项目绩效自评表（衔接资金）", "layout": "text-tab (★ group rows over indented target rows)",
        "year": None,
        "rows": [
            ("红薯种植面积", "亩", "flow", "higher", {"2023": (">=", 5.5)}, {"2023": 5.5}),
            ("梨树种植面积", "亩", "flow", "higher", {"2023": (">=", 6)}, {"2023": 6}),
            ("桃种植面积", "亩", "flow", "higher", {"2023": (">=", 1)}, {"2023": 1}),
            ("葡萄种植面积", "亩", "flow", "higher", {"2023": (">=", 4.5)}, {"2023": 4.5}),
            ("苹果种植面积", "亩", "flow", "higher", {"2023": (">=", 4.7)}, {"2023": 4.7}),
            ("猪养殖数量", "头", "flow", "higher", {"2023": (">=", 80)}, {"2023": 80}),
            ("牛养殖数量", "头", "flow", "higher", {"2023": (">=", 3)}, {"2023": 3}),
            ("鸡养殖数量", "只", "flow", "higher", {"2023": (">=", 500)}, {"2023": 500}),
            ("羊养殖数量", "只", "flow", "higher", {"2023": (">=", 283)}, {"2023": 283}),
        ],
        "unread": [],
    },
    "zhongjiang_shuibiaochi_2022.tsv": {
        "kind": "绩效目标自评表（衔接资金）", "layout": "text-tab (分值 column before the values)", "year": None,
        "rows": [
            ("安装坡面水标尺", "米", "flow", "higher", {"2022": (">=", 266)}, {"2022": 266}),
            ("水标尺宽度", "厘米", "level", "higher", {"2022": (">=", 50)}, {"2022": 50}),
            ("项目(工程)验收合格率", "%", "rate", "higher", {"2022": (">=", 100)}, {"2022": 100}),
            ("及时(按期)开工率", "%", "rate", "higher", {"2022": (">=", 90)}, {"2022": 90}),
            ("及时(按期)完工率", "%", "rate", "higher", {"2022": (">=", 90)}, {"2022": 90}),
            ("项目计划总投资", "万元", "flow", "lower", {"2022": ("<=", 20)}, {"2022": 20}),
            ("受益脱贫(含监测对象)户人口数", "人", "flow", "higher", {"2022": (">=", 1000)}, {"2022": 1000}),
            ("群众生产生活条件改善状况", "", "qualitative", None, {"2022": Q}, {"2022": None}),
            ("受益脱贫(含监测对象)户满意度", "%", "rate", "higher", {"2022": (">=", 95)}, {"2022": 95}),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
