"""Sentences of the command line (``python -m analytics``): the JSON fields it fills in both
languages and its plain-table output (reached as ``"cli.<key>"``)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "forecast_note": {"zh": "预测为基于月度趋势的估计值，不是承诺。", "en": "Forecasts are estimates from monthly trends, not commitments."},
    "total": {"zh": "总分", "en": "total"},
    "year_not_started": {"zh": "{year} 年尚未开始（截至 {as_of}），没有可测算的执行和得分；请用 --as-of 指定该年的月份。",
                         "en": "{year} has not started (as of {as_of}): nothing to project or score; give a month of that year with --as-of."},
    "file_not_found": {"zh": "文件「{path}」不存在，请检查路径。", "en": "File '{path}' not found: check the path."},
    "validate_ok": {"zh": "通过：{name} ({rows} rows)", "en": "OK: {name} ({rows} rows)"},
    "dry_run": {"zh": "试运行（未写入）：", "en": "dry run: "},
    "import_counts": {"zh": "新增 {added}，修改 {changed}，未变 {unchanged}，移除 {removed}",
                      "en": "{added} added, {changed} changed, {unchanged} unchanged, {removed} removed"},
    "users_hint": {"zh": '开启登录：在 .streamlit/secrets.toml 中写 users_file = "{path}"',
                   "en": 'turn sign-in on: users_file = "{path}" in .streamlit/secrets.toml'},
}
