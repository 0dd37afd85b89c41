"""Messages of new projects (``new-project``, the 新建项目 page) and of choosing a project."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "note_rewritten": {"zh": "指标 {id} 的「{column}」原文“{raw}”改写为目标文件可读的形式（原文保留在指标说明 mapping_note 中）。",
                       "en": "Indicator {id}, {column}: \"{raw}\" rewritten in a form the target file reads (the text as written is kept in mapping_note)."},
    "note_exact": {"zh": "指标 {id} 的「{column}」原文“{raw}”为等于某值；目标文件按方向写为门槛（原文保留在 mapping_note）。",
                   "en": "Indicator {id}, {column}: \"{raw}\" is an exact value; the target file writes it as a threshold from the direction (the text is kept in mapping_note)."},
    "note_unreadable": {"zh": "指标 {id} 的「{column}」原文“{raw}”无法读成数值，未写入，请补填。",
                        "en": "Indicator {id}, {column}: \"{raw}\" could not be read as a value and was not written; fill it in."},
    "note_no_year": {"zh": "指标 {id} 的「{column}」原文“{raw}”没有年份，未写入；请用 --year 指定年份。",
                     "en": "Indicator {id}, {column}: \"{raw}\" has no year and was not written; give the year with --year."},
    "no_year": {"zh": "{file}：表中找不到考核年度（标题和表头都没有年份），项目未保存。请用 --year 指定目标值所属的年度。",
                "en": "{file}: the table names no target year (neither its title nor its headers has one); the project was not saved. Give the year of its target values with --year."},
    "written": {"zh": "已写入项目「{name}」（{id}）：{count} 个指标 → {out}",
                "en": "Wrote project \"{name}\" ({id}): {count} indicators → {out}"},
    "col_name": {"zh": "指标名称", "en": "Indicator name"},
    "col_unit": {"zh": "单位", "en": "Unit"},
    "col_kind": {"zh": "类型", "en": "Kind"},
    "col_direction": {"zh": "方向", "en": "Direction"},
    "col_target": {"zh": "{year}年目标", "en": "{year} target"},
    "col_actual": {"zh": "{year}年实际值", "en": "{year} actual"},
    "problem_empty_name": {"zh": "第{name}行：指标名称不能为空。", "en": "Row {name}: the indicator name cannot be empty."},
    "problem_bad_kind": {"zh": "「{name}」：类型“{text}”不是可选的类型。", "en": "\"{name}\": \"{text}\" is not one of the kinds."},
    "problem_bad_direction": {"zh": "「{name}」：方向“{text}”不是可选的方向。", "en": "\"{name}\": \"{text}\" is not one of the directions."},
    "problem_unreadable_target": {"zh": "「{name}」的{column}“{text}”无法读成目标值，请写成如“≥95%”“90%及以上”“10以内”“是”的形式。",
                                  "en": "\"{name}\", {column}: \"{text}\" cannot be read as a target; write it like ≥95%, 90%及以上, 10以内 or 是."},
    "problem_number_for_qualitative": {"zh": "「{name}」是定性指标，{column}应写成文字（如“效果明显”），不能是数值“{text}”；或把类型改为数值类型。",
                                       "en": "\"{name}\" is qualitative, so its {column} is words (such as 效果明显), not the number \"{text}\"; or change its kind."},
    "problem_words_for_number": {"zh": "「{name}」的{column}“{text}”没有数值；若这是定性目标，请把类型改为“定性”。",
                                 "en": "\"{name}\", {column}: \"{text}\" has no number; if it is a qualitative target, set its kind to qualitative."},
}
