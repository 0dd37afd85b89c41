"""Messages of new projects (``new-project``, the 新建项目 page) and of choosing a project."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "note_rewritten": {"zh": "指标 {id} 的「{column}」原文“{raw}”改写为目标文件可读的形式（原文保留在 mapping_note）。",
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
}
