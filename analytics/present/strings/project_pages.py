"""Messages the pages show for a project added from a target table: no goals of its own, no
funding written, no actual values yet, one target year."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "indicators_title": {"zh": "各项指标进展（{n} 项）", "en": "Progress of the {n} indicators"},
    "indicators_caption": {"zh": "目标表没有分目标：按一级指标列出每项指标的状态和年度目标；点击名称查看详情。",
                           "en": "The target table has no separate goals: every indicator by its level-1 group, with its "
                                 "status and target; click a name for its detail."},
    "indicators_caption_list": {"zh": "目标表没有分目标和一级指标：按表中顺序列出每项指标的状态和年度目标；点击名称查看详情。",
                                "en": "The target table has no separate goals and no level-1 groups: every indicator in the "
                                      "table's order, with its status and target; click a name for its detail."},
    "indicator_line": {"zh": "{status} · 年度目标 {target}", "en": "{status} · target {target}"},
    "group_other": {"zh": "其他指标", "en": "Other indicators"},
    "group_range": {"zh": "{group}（{first}–{last}）", "en": "{group} ({first}–{last})"},
    "watch_no_forecast": {"zh": "还没有可以预测的指标：录入或导入实际数据后，这里列出最难完成的指标。",
                          "en": "No indicator can be forecast yet: once actual data are entered or imported, the "
                                "indicators least likely to meet their target are listed here."},
    "quality_none": {"zh": "目标表没有需要与指标表核对的目标文字。",
                     "en": "The target table has no goal text to check against the indicators."},
    # a goal's text for the whole period and for its first year (the project's own years)
    "goal_text_span": {"zh": "{first}-{last}年目标", "en": "{first}–{last} goal"},
    "goal_text_first": {"zh": "{year}年年度目标", "en": "{year} annual goal"},
    "funding_title": {"zh": "项目资金（目标表）", "en": "Project funding (target table)"},
    "funding_total": {"zh": "资金总额", "en": "Total funding"},
    "funding_total_unwritten": {"zh": "目标表未写总额", "en": "No total in the table"},
    "funding_total_zero_note": {"zh": "目标表的资金总额写作 0，按各来源金额合计为 {sum}。",
                                "en": "The table gives the total as 0; the sources add up to {sum}."},
    "funding_none": {"zh": "目标表没有写明项目资金，也还没有支出数据：预算执行和情景需要资金总额和月度支出。"
                           "请在“数据管理”中填写年度预算指标并录入或导入月度支出。",
                     "en": "The target table gives no funding for this project and there are no spending data yet: "
                           "budget execution and scenarios need the total and the monthly spending. Enter the year "
                           "budgets and enter or import the monthly spending on the Data page."},
    "funding_no_spending": {"zh": "还没有支出数据：录入或导入月度支出后，这里显示预算执行、预测和情景。",
                            "en": "No spending data yet: once monthly spending is entered or imported, execution, "
                                  "its forecast and scenarios are shown here."},
    "funding_unknown": {"zh": "目标表没有写明项目资金（资金总额和来源），还无法计算执行率、预测和情景：请在“数据管理 › 年度预算指标”中填写各年预算。"
                              "已录入的支出：截至{month}累计 {spent}。",
                        "en": "The target table gives no funding (total and sources), so execution, its forecast and "
                              "scenarios cannot be computed yet: enter the year budgets under Data › Year budgets. "
                              "Spending entered: {spent} to {month}."},
    "title_budget_one_year": {"zh": "项目资金 {funding} 万元 · {year} 年度", "en": "Budget {funding} (10k yuan) · {year}"},
    "title_no_budget": {"zh": "目标表未写明项目资金 · 实施期 {years} 年", "en": "No funding in the target table · {years}"},
    "batch_project": {"zh": "新建项目", "en": "Project added"},
    "batch_archive": {"zh": "项目归档", "en": "Project archived"},
    "budget_subtitle_none": {"zh": "执行率 = 自项目开始累计支出 ÷ 项目总预算（目标表未写明项目资金）",
                             "en": "Execution = spending since the start ÷ the total budget (the target table gives none)"},
    # the written monitoring report (.docx) of a project with no funding, one year or no spending yet
    "written_no_funding": {"zh": "目标表未写明", "en": "Not given in the target table"},
    "written_one_year": {"zh": "{year}年", "en": "{year}"},
    "written_no_spending": {"zh": "本期没有支出数据，暂无法分析预算执行情况。",
                            "en": "There are no spending data for the period, so budget execution cannot be analysed yet."},
    "source_store": {"zh": "数据管理中录入和导入的数据", "en": "Data entered and imported on the Data page"},
}
