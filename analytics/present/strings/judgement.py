"""Why an indicator got its 完成目标可能性 level (``Outlook.likelihood_reason``), over-achievement
(超额较多) and the settings of data/judgement_rules.yaml. Keys: ``judgement.<key>``."""

STRINGS: dict[str, dict[str, str]] = {
    "reason_achieved": {"zh": "里程碑已实现。", "en": "The milestone has been achieved."},
    "reason_checkin_achieved": {"zh": "定性指标最近一次评价为“达成”。", "en": "The qualitative indicator's latest check-in is achieved."},
    "reason_final_met": {"zh": "年度已结束，已达到目标。", "en": "The year is over and the target was met."},
    "reason_final_missed": {"zh": "年度已结束，未达到目标，已无法完成。", "en": "The year is over and the target was missed: it can no longer be met."},
    "reason_zero_cap_broken": {"zh": "零容忍上限（目标为0）已被突破，本年已无法完成。",
                               "en": "The zero cap has already been broken: the target can no longer be met this year."},
    "reason_milestone_broken": {"zh": "目标为“否”的事项已记录为“是”，本年已无法完成。", "en": "A yes/no whose target is no has been recorded as yes: the target can no longer be met this year."},
    "reason_milestone_overdue": {"zh": "里程碑已过到期月份仍未实现。", "en": "The milestone is past its due month and not achieved."},
    "reason_run_rate": {"zh": "剩余月份需月均完成 {required}，超过历史最好单月（{best}）的 {factor:g} 倍，已无法完成。",
                        "en": "The remaining months need {required} a month, more than {factor:g}× the best month ever ({best}): out of reach."},
    "reason_probability_below": {"zh": "按年末预测，达标概率{p}，且所需月均进度已超过历史最好单月（{best}），已难以完成。",
                                 "en": "On the year-end forecast the probability of meeting the target is {p}, and the monthly pace needed is above the best month ever ({best}): out of reach."},
    "reason_probability_below_plain": {"zh": "按年末预测，达标概率{p}（低于{cut}），已难以完成。",
                                       "en": "On the year-end forecast the probability of meeting the target is {p}, below {cut}: out of reach."},
    "reason_probability_low": {"zh": "按年末预测，达标概率{p}，但所需月均进度（{required}）未超过历史最好单月（{best}），尚不能判定为无法完成。",
                               "en": "On the year-end forecast the probability is {p}, but the monthly pace needed ({required}) is within the best month ever ({best}): not out of reach."},
    "reason_probability_low_plain": {"zh": "按年末预测，达标概率{p}；该指标没有可比的月度进度，不能据此判定为无法完成。",
                                     "en": "On the year-end forecast the probability is {p}; with no monthly pace to compare, that alone does not make it out of reach."},
    "reason_probability": {"zh": "按年末预测，达标概率{p}。", "en": "On the year-end forecast the probability of meeting the target is {p}."},
    "qualitative_checkin": {"zh": "定性指标：最近一次（{month}月）评价为“{level}”。", "en": "Qualitative indicator: latest check-in (month {month}) {level}."},
    "over_flag": {"zh": "超额较多", "en": "Well above target"},
    "over_actual": {"zh": "超额较多：实际值已达年度目标的{ratio}，请说明偏差原因", "en": "Well above target: the actual is {ratio} of the annual target; explain the deviation"},
    "over_forecast": {"zh": "超额较多：预计年末达年度目标的{ratio}，请说明偏差原因", "en": "Well above target: the year-end forecast is {ratio} of the annual target; explain the deviation"},
    "monitoring_note": {
        "zh": "注：完成目标可能性：达标概率 ≥{certain} 为“确定能”，其余为“有可能”；“完全不可能”仅用于已无法完成的目标（零容忍上限已突破、里程碑逾期、剩余所需月均进度超过历史最好单月的 {factor:g} 倍，或达标概率低于 {cut} 且所需月均进度超过历史最好单月）。实际或预计值达到目标 {over} 及以上标记“超额较多”，需说明偏差原因。预测为估计值，不是承诺。",
        "en": "Note: likelihood — a probability of meeting the target ≥{certain} is certain, otherwise possible; impossible only for targets that can no longer be met (a zero cap broken, a milestone overdue, a needed monthly pace above {factor:g}× the best month ever, or a probability below {cut} with a needed pace above the best month ever). An actual or forecast at {over} of the target or more is flagged well above target and needs an explanation. Forecasts are estimates, not commitments.",
    },
}
