"""Why an indicator has its status: the explanation sentence of a progress row (keys reached as
``progress.<key>``). The status names and help texts themselves come from
``data/status_rules.yaml``; these templates put the numbers around them."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # the whole sentence: status name, what was measured, what the status means
    "explain": {"zh": "{status}：{body}{help}", "en": "{status}: {body} {help}"},
    "checkin_help": {"zh": "状态按最近一次评价：{parts}。", "en": "Status from the latest check-in: {parts}."},
    "checkin_maps": {"zh": "{level}为“{status}”", "en": "{level} → {status}"},
    "milestone_done": {"zh": "里程碑已实现；到期月 {due} 月。", "en": "Milestone achieved; due in month {due}."},
    "milestone_done_late": {"zh": "里程碑已实现，但晚于到期月（{due} 月到期，{done} 月完成）。",
                            "en": "Milestone achieved, but late: due in month {due}, done in month {done}."},
    "milestone_open": {"zh": "里程碑尚未实现；到期月 {due} 月。", "en": "Milestone not yet achieved; due in month {due}."},
    "milestone_no_holding": {"zh": "目标为“否”，目前记录为“否”；全年保持即达标。", "en": "The target is no, recorded as no so far; it is met if it stays so all year."},
    "milestone_no_broken": {"zh": "目标为“否”，已记录为“是”，本年已无法达标。", "en": "The target is no, but yes has been recorded: it can no longer be met this year."},
    # {actual}/{expected}/{target} arrive with their unit
    "values": {
        "zh": "截至{when}实际 {actual}，应达进度 {expected}，年度目标{cmp} {target}。",
        "en": "By {when} the actual is {actual}, expected {expected}, annual target {cmp} {target}.",
    },
    # a total over several years (30万 over 2023–2024): its target is the span's, not the year's
    "values_span": {
        "zh": "截至{when}实际 {actual}，应达进度 {expected}，{first}—{last}年合计目标{cmp} {target}。",
        "en": "By {when} the actual is {actual}, expected {expected}, {first}–{last} total target {cmp} {target}.",
    },
    # a flow with months missing (当月数 given after them): the year-to-date stops before the gap
    "gap_open": {
        "zh": "{missing}缺报，已报的{given}合计 {total} 暂不能计入年度累计。请补报{missing}（没有发生的填 0）。",
        "en": "{missing} not reported: the {total} given for {given} cannot be added to the year-to-date yet. "
        "Report {missing} (0 where nothing happened).",
    },
    "gap_settled_cap": {
        "zh": "{missing}缺报，但已报各月合计已达 {total}，超过全年上限；补报只会增加，结论不变。",
        "en": "{missing} not reported, but the months given alone add up to {total}, over the annual cap; the missing months can only add.",
    },
    "gap_settled_met": {
        "zh": "{missing}缺报，但已报各月合计已达 {total}，达到年度目标；补报只会增加，结论不变。",
        "en": "{missing} not reported, but the months given alone add up to {total}, meeting the annual target; the missing months can only add.",
    },
    "cmp_>=": {"zh": "不低于", "en": "at least"},
    "cmp_<=": {"zh": "不超过", "en": "at most"},
    "cmp_=": {"zh": "等于", "en": "exactly"},
    "cmp_>": {"zh": "高于", "en": "more than"},
    "cmp_<": {"zh": "低于", "en": "less than"},
    "gap_pp": {"zh": "与应达进度相差 {gap}。", "en": " Gap to the trajectory: {gap}."},
    "ratio": {"zh": "实际÷应达 = {ratio:.1%}。", "en": " Actual vs expected = {ratio:.1%}."},
    "ratio_lower": {
        "zh": "实际÷应达 = {ratio:.1%}（越低越好，按 应达÷实际 计）。",
        "en": " Actual vs expected = {ratio:.1%} (lower is better: expected ÷ actual).",
    },
}
