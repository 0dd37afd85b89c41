"""Names of codes in both languages: deviation-cause categories and likelihood levels
(reached as ``"labels.<key>"``).

The cause categories are defined once with the store that validates them and read into the
catalogue here; the likelihood levels' codes are those of ``analytics.forecast.outlook.LIKELIHOOD``
(a test checks every code has its name here). Pages, slides, forms and the CLI name them the
same way.
"""

from __future__ import annotations

from analytics.storage.store import CAUSE_CATEGORIES

STRINGS: dict[str, dict[str, str]] = {
    # 完成率 of a cap on a running total: the share of the cap used so far
    "cap_used": {"zh": "已用{pct}", "en": "{pct} used"},
    **{f"cause_{key}": {"zh": zh, "en": en} for key, (zh, en) in CAUSE_CATEGORIES.items()},
    "likelihood_certain": {"zh": "确定能", "en": "Certain"},
    "likelihood_likely": {"zh": "很可能", "en": "Likely"},
    "likelihood_possible": {"zh": "有可能", "en": "Possible"},
    "likelihood_impossible": {"zh": "完全不可能", "en": "Very unlikely"},
    # the standard 一级 / 二级指标 of the target tables (财政部 templates and the evaluation framework),
    # named in English; any other level is shown as written
    **{f"level_{zh}": {"zh": zh, "en": en} for zh, en in {
        "产出指标": "Outputs", "效益指标": "Outcomes", "满意度指标": "Satisfaction", "成本指标": "Costs",
        "决策": "Decision", "过程": "Process", "产出": "Outputs", "效益": "Outcomes",
        "项目决策": "Project decision", "项目管理": "Project management", "项目产出": "Project outputs",
        "项目效益": "Project outcomes", "成效指标": "Results", "效率指标": "Efficiency",
        "数量指标": "Quantity", "质量指标": "Quality", "时效指标": "Timeliness",
        "经济效益指标": "Economic benefits", "社会效益指标": "Social benefits", "生态效益指标": "Ecological benefits",
        "可持续影响指标": "Sustained impact", "服务对象满意度指标": "Beneficiary satisfaction",
        "满意度": "Satisfaction", "经济成本指标": "Economic costs", "社会成本指标": "Social costs",
        "生态环境成本指标": "Environmental costs",
    }.items()},
    # departments: the keys of the shipped project.yaml by their label; a table's own label (主管部门,
    # 项目实施单位) is shown as written, and in English by the first of these words it contains
    # (analytics.present.labels.DEPARTMENT_WORDS), else as written
    "dept_central_department": {"zh": "中央主管部门", "en": "Central department"},
    "dept_local_department": {"zh": "地方主管部门", "en": "Local department"},
    "dept_local_department_city": {"zh": "实施单位", "en": "Implementing unit"},
    "dept_provincial_finance": {"zh": "省级财政部门", "en": "Provincial finance"},
    "dept_city_finance": {"zh": "市级财政部门", "en": "City finance"},
    "dept_word_中央": {"zh": "中央主管部门", "en": "Central department"},
    "dept_word_省级财政": {"zh": "省级财政部门", "en": "Provincial finance"},
    "dept_word_市级财政": {"zh": "市级财政部门", "en": "City finance"},
    "dept_word_财政": {"zh": "财政部门", "en": "Finance department"},
    "dept_word_省级主管": {"zh": "省级主管部门", "en": "Provincial department"},
    "dept_word_主管": {"zh": "主管部门", "en": "Department in charge"},
    "dept_word_监督": {"zh": "监督管理单位", "en": "Supervising unit"},
    "dept_word_填报": {"zh": "填报单位", "en": "Reporting unit"},
    "dept_word_实施": {"zh": "实施单位", "en": "Implementing unit"},
    "dept_word_使用": {"zh": "资金使用单位", "en": "Unit using the funds"},
    "dept_word_预算": {"zh": "预算单位", "en": "Budget unit"},
    "dept_word_项目单位": {"zh": "项目单位", "en": "Project unit"},
    "dept_word_部门": {"zh": "部门", "en": "Department"},
    "dept_word_单位": {"zh": "单位", "en": "Unit"},
}
