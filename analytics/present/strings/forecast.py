"""The year-end forecast: names and descriptions of the forecasting methods and of the reasons a
forecast is not made (keys reached as ``forecast.method_<code>``, ``forecast.method_<code>_desc``
and ``forecast.reason_<code>``; the codes are
:data:`analytics.forecast.method.METHODS`/``REASONS`` and :data:`analytics.forecast.outlook.OUTLOOK_METHODS`/
``OUTLOOK_REASONS``)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # methods of the forecasting engine (analytics.forecast.method)
    "method_seasonal_blend": {"zh": "季节占比与趋势混合", "en": "Seasonal share blended with recent trend"},
    "method_seasonal_blend_desc": {"zh": "按往年同期进度推算全年，并用近几个月相对往年的增长修正剩余月份（近期月份权重更高）；再与“剔除季节因素后的近期月均水平×剩余月份季节系数”的推算值按7:3合成，避免上年水平突变被重复计入。", "en": "Scales prior years' remaining-month amounts by this year's growth, weighting recent months more, which blends the seasonal share with a YoY trend; then mixed 7:3 with the seasonally adjusted recent level carried over the remaining months, so that a level shift last year is not counted twice."},
    "method_event_rate": {"zh": "按事件发生率计件", "en": "Whole events at their recent rate"},
    "method_event_rate_desc": {"zh": "按件计数、平均每月不超过1件、目标为“不少于”的指标（如项目数）：按近12个月的发生率（近期月份权重更高，之后无新增的月份会拉低速度）推算剩余月份还会发生几件，只计整件（不足1件不计）；已达到目标后只按超出目标的件数计速度。区间与达标概率按件数的概率分布计算。",
                               "en": "A count of whole things with an at-least target, at most one a month on average (e.g. projects): the events still to come at the rate of the last 12 months (recent months weigh more, so months without one lower it), whole events only; once the target is met only the events beyond it set the pace. The interval and the chance come from the distribution of the count."},
    "method_prorata": {"zh": "序时进度外推", "en": "Pro-rata (time-elapsed) extrapolation"},
    "method_prorata_desc": {"zh": "无可用历史数据，按累计值×12/已过月数外推，区间较宽。", "en": "No usable history: year-to-date × 12 / months elapsed, with a wide interval."},
    "method_prorata_anchored": {"zh": "序时进度与上年总量加权", "en": "Pro-rata anchored on last year's total"},
    "method_prorata_anchored_desc": {"zh": "无月度历史但已知上年全年值，将序时外推与上年全年值按精度加权。", "en": "No monthly history but last year's total is known: precision-weighted mix of the pro-rata extrapolation and last year's total."},
    "method_level_trend": {"zh": "末值加季节变动", "en": "Latest value plus usual change to December"},
    "method_level_trend_desc": {"zh": "最新值加上往年同期至年末的平均季节变动（剔除各年自身趋势），并延续一半当前同比变化。", "en": "Latest value plus the prior years' mean seasonal change to December (each year's own drift removed), continuing half of the current 12-month change."},
    "method_rate_weighted": {"zh": "季节变动与保持最新值加权", "en": "Usual change and latest value, weighted"},
    "method_rate_weighted_desc": {"zh": "两种测算按本指标往年的准确度加权平均：最新值加往年同期至年末的平均季节变动（延续一半当前同比变化），以及保持最新值；往年哪种误差更小，权重越大（比率类指标，至少4个往年）。", "en": "Two estimates averaged by how well each did on this indicator's own prior years: the latest value plus the usual change to December (with half the current 12-month change), and the latest value held; the one with the smaller past errors weighs more (rates with at least 4 prior years)."},
    "method_level_inyear_trend": {"zh": "本年走势减半延续", "en": "This year's pace, halved"},
    "method_level_inyear_trend_desc": {"zh": "无往年月度数据；本年各月读数几乎在一条直线上，按该月均变化的一半推至年末，区间按本年的月度波动放宽。", "en": "No prior-year monthly data; this year's readings lie almost on a straight line, so half of its monthly change is carried to December, with a wide interval from this year's monthly changes."},
    "method_level_flat": {"zh": "保持未变动的值", "en": "Unchanged value held"},
    "method_level_flat_desc": {"zh": "本年各月读数一直未变（至少4个），往年同期至年末也未变动：假定年末仍为该值；区间按“一个读数时的波动”估计，并随未变动的月数（本年及往年同期）收窄；达标概率按其记录（n 个未变动的读数在目标一侧时为 (n+1)/(n+2)）。", "en": "The same value in every reading this year (at least four), and no change from this month to December in prior years: December is taken to be that value; the interval starts from the one-value scale and narrows with the months that did not move (this year's and prior years' same months); the chance of meeting the target is its record ((n + 1) / (n + 2) for n unchanged readings on the target's side)."},
    "method_level_hold": {"zh": "保持最新值", "en": "Hold latest value"},
    "method_level_hold_desc": {"zh": "无往年月度数据，假定年末等于最新值，区间按本年（及上年末）的月度波动放宽。", "en": "No prior-year monthly data: December assumed equal to the latest value, with a wide interval from this year's (and last December's) monthly changes."},
    "method_observed_final": {"zh": "年末实际值", "en": "Observed year-end value"},
    "method_observed_final_desc": {"zh": "12月数据已出，直接采用实际值。", "en": "December is observed; the actual value is used."},
    "method_none": {"zh": "无法预测", "en": "No forecast"},
    "method_none_desc": {"zh": "数据不足，不作预测。", "en": "Not enough data to forecast."},
    # methods of the project-level rules (analytics.forecast.outlook)
    "method_given_months": {"zh": "已报月份合计", "en": "Months given"},
    "method_given_months_desc": {"zh": "有月份缺报的流量：已报各月合计已超过上限或已达到目标，缺报月份只会增加，结论已定。",
                                 "en": "A flow with months not reported whose months given already break its cap or meet its target: the missing months can only add."},
    "method_zero_cap": {"zh": "零容忍计数", "en": "Zero-tolerance count"},
    "method_zero_cap_desc": {"zh": "目标为0的越低越好计数：已发生即无法完成；否则按往年发生频率估计剩余月份不发生的概率。", "en": "A lower-is-better count with target 0: any event means it cannot be met; otherwise the chance of no event in the remaining months from the historical rate."},
    "method_milestone": {"zh": "里程碑规则", "en": "Milestone rule"},
    "method_milestone_desc": {"zh": "已实现为确定能；逾期未实现为完全不可能；未到期时按剩余时间给出可能性。", "en": "Achieved: certain; overdue: very unlikely; otherwise a probability by the time left."},
    "method_milestone_no": {"zh": "是否类规则（目标为“否”）", "en": "Yes/no rule (target no)"},
    "method_milestone_no_desc": {"zh": "目标为“否”的是否类指标（如“是否存在质量问题：否”）：记录为“是”即本年无法完成；保持“否”时，完成可能性按已过月份从 70% 升至 95%（规则，不是统计模型），12 月仍为“否”即已达到目标。", "en": "A yes/no whose target is no (e.g. any quality problems: no): once yes is recorded it cannot be met this year; while it stays no, the chance rises with the months passed from 70% to 95% (a rule, not a statistical model), and no in December means met."},
    "method_checkin": {"zh": "定性评价", "en": "Qualitative check-in"},
    "method_checkin_desc": {"zh": "定性指标不作数值预测：最近一次评价为“达成”即已达到目标；年度最后一次评价（12月，或年度已结束时的最近一次）未达成即未达到目标；其余不作预测。", "en": "A qualitative indicator is never given a number: a latest check-in of achieved means the target is met; the year's last check-in (December's, or the latest once the year is over) below achieved means it was missed; otherwise no forecast."},
    "method_budget_projection": {"zh": "支出节奏预测", "en": "Spending-pattern projection"},
    "method_budget_projection_desc": {"zh": "按各资金来源往年的月度支出规律（含年末集中支付）和本年节奏预测年末执行率，与“预算情景”页一致。", "en": "Year-end execution from each source's monthly spending pattern (incl. the year-end rush) and this year's pace, as on the budget page."},
    "method_multi_year": {"zh": "跨年度合计", "en": "Multi-year total"},
    "method_multi_year_desc": {"zh": "以前年度实际完成加本年度来源指标的预测。", "en": "Earlier years' actuals plus this year's forecast of the source indicator."},
    # reasons no forecast is made
    "reason_no_current_data": {"zh": "本年无数据", "en": "No current-year data"},
    "reason_months_missing": {"zh": "有月份缺报，年度累计暂不能计算（请补报缺报月份）",
                              "en": "Months not reported: the year-to-date cannot be summed yet (report the missing months)"},
    "reason_unsupported_kind": {"zh": "该类指标不作预测", "en": "Indicator kind not forecast"},
    "reason_multi_year_total": {"zh": "跨年度目标尚未到最后一年", "en": "Multi-year target not in its final year"},
    "reason_qualitative": {"zh": "定性指标按最近一次评价（达成/部分达成/未达成）跟踪，不作数值预测", "en": "Qualitative indicator: tracked by its latest check-in, no numeric forecast"},
    "reason_future_year": {"zh": "年度尚未开始", "en": "Year not started"},
    "reason_no_target": {"zh": "无目标", "en": "No target"},
    "reason_no_budget_data": {"zh": "无支出数据", "en": "No spending data"},
    "reason_no_budget_data_year": {"zh": "本年尚无支出数据（不以其他年度推算）", "en": "No spending reported for this year yet (not projected from other years)"},
}
