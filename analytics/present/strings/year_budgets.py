"""The year budgets (年度预算指标): checks, origins and the 数据管理 section (reached as
``"year_budgets.<key>"``)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # checks (codes of analytics.budget.year_table.YearBudgetIssue)
    "columns": {"zh": "需要 year、source、amount 三列", "en": "columns year, source and amount are required"},
    "funds_the_project": {"zh": "目标表未写明项目资金：这里填写的各年预算就是项目资金（执行率、预测、情景和自评得分据此计算）；没有的资金来源留空。",
                          "en": "The target table names no money: the year budgets entered here are the project's funding (execution, its forecast, scenarios and the score follow from them); leave a source it does not have blank."},
    "unknown_source": {"zh": "资金来源「{source}」不是本项目的资金来源", "en": "'{source}' is not a funding source of the project"},
    "not_number": {"zh": "第 {row} 行年度或金额不是数字", "en": "row {row}: year or amount is not a number"},
    "unknown_year": {"zh": "{year} 年不在项目实施期内（{years}）", "en": "{year} is not a year of the project ({years})"},
    "negative": {"zh": "{year} 年{source}的金额须为不小于 0 的数字", "en": "{year} {source}: the amount must be a number ≥ 0"},
    "year_above_total": {"zh": "{year} 年各资金来源合计 {sum} 万元，超过项目总预算 {total} 万元",
                         "en": "{year}: the sources add up to {sum} (10k yuan), above the project budget {total}"},
    "sum_differs": {"zh": "各年度预算合计 {sum} 万元，与项目总预算 {total} 万元不一致（已保存，请核对）",
                    "en": "the years add up to {sum} (10k yuan), not the project budget {total} (saved; please check)"},
    # origins
    "origin_stored": {"zh": "已保存的年度预算指标", "en": "stored year budgets"},
    "origin_file": {"zh": "项目目录中的 year_budgets.csv", "en": "year_budgets.csv in the project folder"},
    "origin_derived": {"zh": "按累计执行率目标推算", "en": "derived from the cumulative execution targets"},
    # the basis of one year × source cell (the table's 口径 column of `year-budgets --format table`)
    "basis_store": {"zh": "已保存", "en": "stored"},
    "basis_file": {"zh": "year_budgets.csv", "en": "year_budgets.csv"},
    "basis_target": {"zh": "按执行率目标推算", "en": "derived from the targets"},
    "basis_none": {"zh": "无", "en": "none"},
    "basis_mixed": {"zh": "文件与推算", "en": "file and derived"},
    "basis_store_mixed": {"zh": "已保存与推算", "en": "stored and derived"},
    # the 数据管理 section
    "title": {"zh": "年度预算指标", "en": "Year budgets"},
    "help": {"zh": "各年度按资金来源下达的预算（万元）。表单“全年预算数”、书面报告和预算页使用这里的数字。"
                   "未保存时依次使用项目目录中的 year_budgets.csv、按“当年累计执行率目标 × 项目总预算 − 以前年度执行数”推算的值。",
             "en": "The budget of each year by funding source (10k yuan). The forms' 全年预算数, the written report and the "
                   "budget page use these figures. Until saved: year_budgets.csv in the project folder, else the value "
                   "derived as the year's cumulative execution target × the project budget − what was spent before."},
    "in_force": {"zh": "当前使用：{origin}", "en": "In force: {origin}"},
    "derived_mark": {"zh": "（推算）", "en": " (derived)"},
    "derived_note": {"zh": "标有“（推算）”的年度为推算值，保存后即作为年度预算指标使用。",
                     "en": "Years marked (derived) show the derived values; saving stores them as the year budgets."},
    "col_year": {"zh": "年度", "en": "Year"},
    "col_total": {"zh": "合计", "en": "Total"},
    "save": {"zh": "保存年度预算指标", "en": "Save year budgets"},
    "reset": {"zh": "恢复为推算值", "en": "Reset to derived"},
    "saved": {"zh": "年度预算指标已保存。", "en": "Year budgets saved."},
    "reset_done": {"zh": "已恢复为推算值。", "en": "Reset to the derived values."},
    "no_changes": {"zh": "没有修改。", "en": "No changes."},
    "empty_cell": {"zh": "{year} 年{source}未填写", "en": "{year} {source}: no amount"},
}
