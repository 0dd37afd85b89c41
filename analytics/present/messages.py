"""Message catalogue for the ingest validator (Chinese by default, English available).

Every template is a :meth:`str.format` string. :func:`render` prepares the derived
placeholders so that each message names the file, the sheet (for Excel), the row and
column (when known) and the offending value, and says how to fix the problem:

``{loc}``        "文件「a.csv」第 7 行「数值」列" / 'File "a.csv", row 7, column "数值"'
``{loc_file}``   the file (and sheet) only
``{loc_rows}``   the file (and sheet) and every row in ``rows`` ("第 3、7 行")
``{value}``      the value as written, "（空）"/"(blank)" when empty

List parameters are joined ("、" / ", "); basis, source, field and period keys are
translated. Pure functions, no I/O, no Streamlit.
"""

from __future__ import annotations

import re
import string
from typing import Any

__all__ = ["CATALOGUE", "LANGS", "render", "missing_fields", "period_label", "basis_label", "field_label"]

LANGS = ("zh", "en")

CATALOGUE: dict[str, dict[str, str]] = {
    # ----------------------------------------------------------------- the file itself
    "too_large": {
        "zh": "{loc_file}大小为 {size_mb} MB，超过上限 {limit_mb} MB。"
        "请删去无关的工作表、行或列后再上传，或把数据拆成几个较小的文件。",
        "en": "{loc_file} is {size_mb} MB, over the {limit_mb} MB limit. "
        "Remove unrelated sheets, rows or columns and upload again, or split the data into smaller files.",
    },
    "empty_file": {
        "zh": "{loc_file}是空的，没有任何内容。请确认选对了文件（或工作表），"
        "并在第 1 行写列名、从第 2 行起填数据后再上传。",
        "en": "{loc_file} is empty. Check that you picked the right file (or sheet), "
        "put the column names in row 1 and the data from row 2, then upload again.",
    },
    "no_data": {
        "zh": "{loc_file}只有表头（第 {header_row} 行），没有可导入的数据行。"
        "请从表头下一行起填写数据后再上传。",
        "en": "{loc_file} has only a header (row {header_row}) and no data rows to import. "
        "Fill in the data below the header and upload again.",
    },
    "bad_encoding": {
        "zh": "{loc_file}无法识别文字编码{detected_zh}，可能不是文本格式的 CSV，或已损坏。"
        "请在 Excel 中打开后「另存为」→「CSV UTF-8（逗号分隔）」，或直接上传 .xlsx 文件。",
        "en": "{loc_file}: the text encoding cannot be recognised{detected_en}; it may not be a text CSV "
        "or it may be damaged. In Excel use Save As → \"CSV UTF-8 (Comma delimited)\", "
        "or upload the .xlsx file instead.",
    },
    "bad_csv": {
        "zh": "{loc}无法按 CSV 读取（{error}）。请在 Excel 中打开后「另存为」→「CSV UTF-8（逗号分隔）」再上传。",
        "en": "{loc} cannot be read as CSV ({error}). Open it in Excel and use Save As → "
        "\"CSV UTF-8 (Comma delimited)\", then upload again.",
    },
    "bad_excel": {
        "zh": "{loc_file}不是有效的 Excel（.xlsx）文件，可能已损坏、只上传了一部分，或扩展名不对（{error}）。"
        "请用 Excel 打开原文件，「另存为」.xlsx 后重新上传。",
        "en": "{loc_file} is not a valid Excel (.xlsx) file: it may be damaged, only partly uploaded, "
        "or have the wrong extension ({error}). Open the original in Excel, save it as .xlsx and upload again.",
    },
    "old_excel": {
        "zh": "{loc_file}是旧版 Excel 97-2003（.xls）格式，无法读取。"
        "请在 Excel 中打开，「另存为」→「Excel 工作簿（*.xlsx）」或「CSV UTF-8（逗号分隔）」后再上传。",
        "en": "{loc_file} is in the old Excel 97-2003 (.xls) format, which cannot be read. "
        "Open it in Excel and use Save As → \"Excel Workbook (*.xlsx)\" or \"CSV UTF-8 (Comma delimited)\", "
        "then upload again.",
    },
    "no_sheet": {
        "zh": "{loc_file}中没有名为「{requested}」的工作表。现有的工作表：{sheets}。"
        "请选择其中一个，或把工作表改名后再上传。",
        "en": "{loc_file} has no sheet named \"{requested}\". Sheets in the file: {sheets}. "
        "Choose one of them, or rename the sheet and upload again.",
    },
    "unreadable": {
        "zh": "{loc_file}读取时出错（{error}），未导入任何数据。"
        "请确认文件是 .xlsx 或 CSV 格式且能在 Excel 中正常打开；若问题仍在，请把文件发给管理员。",
        "en": "{loc_file} could not be read ({error}); nothing was imported. "
        "Check that it is an .xlsx or CSV file that opens normally in Excel; if it does, send the file to the administrator.",
    },
    # ----------------------------------------------------------------- columns / header
    "missing_columns": {
        "zh": "{loc_file}缺少必需的列：{missing}。在第 {header_row} 行找到的列：{found}。"
        "请在表头写上这些列名（例如：{example}），每列一个列名。",
        "en": "{loc_file} is missing the required column(s): {missing}. Columns found in row {header_row}: {found}. "
        "Add these column names to the header (e.g. {example}), one name per column.",
    },
    "merged_header": {
        "zh": "{loc_file}第 {header_row} 行附近的表头含有合并单元格，无法识别各列（缺少：{missing}）。"
        "请取消合并单元格，把表头写成一行、每列一个列名（例如：{example}）后再上传。",
        "en": "{loc_file}: the header around row {header_row} contains merged cells and its columns cannot be "
        "identified (missing: {missing}). Unmerge the cells and write the header as one row with one name per "
        "column (e.g. {example}), then upload again.",
    },
    "duplicate_column": {
        "zh": "{loc_file}第 {header_row} 行的表头中，{columns}这几列表示同一项（{field}）。"
        "请删除多余的列，或改正列名，只保留一列。",
        "en": "{loc_file}: in the header (row {header_row}) the columns {columns} all mean the same thing ({field}). "
        "Delete the extra columns or correct their names so that only one remains.",
    },
    "ignored_columns": {
        "zh": "{loc_file}第 {header_row} 行的这些列无法识别，已忽略：{columns}。"
        "如果其中有需要导入的数据，请把列名改为标准列名（例如：{example}）。",
        "en": "{loc_file}: these columns in row {header_row} were not recognised and were ignored: {columns}. "
        "If any of them holds data to import, rename it to a standard column name (e.g. {example}).",
    },
    "ignored_row": {
        "zh": "{loc}的说明文字「{value}」不是数据，已忽略。若这一行是数据，请按表头各列填写。",
        "en": "{loc}: the note \"{value}\" is not data and was ignored. If this row is data, fill it in under the header columns.",
    },
    "merged_cells": {
        "zh": "{loc_file}的数据区有合并单元格（{ranges}）。纵向合并的单元格已按每一行都填了同一个值来读取，"
        "横向合并只读取左上角的单元格。请核对，最好取消合并并在每个单元格中填写数据。",
        "en": "{loc_file} has merged cells in the data area ({ranges}). Cells merged down a column were read as if "
        "every row held the same value; cells merged across columns were read from the top-left cell only. "
        "Please check, and preferably unmerge the cells and fill each one.",
    },
    # ----------------------------------------------------------------- indicator / source
    "unknown_indicator": {
        "zh": "{loc}的指标「{value}」不在指标清单中{suggestion_zh}。"
        "请填写指标编号（如 {example_id}）或与清单完全一致的指标名称（如 {example_name}）。",
        "en": "{loc}: the indicator \"{value}\" is not in the indicator list{suggestion_en}. "
        "Enter an indicator id (e.g. {example_id}) or the exact indicator name from the list (e.g. {example_name}).",
    },
    "blank_indicator": {
        "zh": "{loc}没有填写指标，但这一行有数据。请填写指标编号（如 {example_id}）或指标名称，或删除这一行。",
        "en": "{loc}: the indicator is blank but the row holds data. Enter an indicator id (e.g. {example_id}) "
        "or name, or delete the row.",
    },
    "name_mismatch": {
        "zh": "{loc}的指标名称「{value}」与指标编号「{indicator}」（{name}）不一致，已按指标编号导入。"
        "请核对这一行是否填错了指标。",
        "en": "{loc}: the indicator name \"{value}\" does not match the id \"{indicator}\" ({name}); "
        "the row was imported under the id. Check that the row is for the right indicator.",
    },
    "bad_source": {
        "zh": "{loc}的资金来源「{value}」无法识别。请填写以下之一：{allowed}。",
        "en": "{loc}: the funding source \"{value}\" is not recognised. Enter one of: {allowed}.",
    },
    "unit_mismatch": {
        "zh": "{loc}的单位「{value}」与{what_zh}的单位「{expected}」不一致，数值按「{expected}」导入。"
        "请核对数值是否需要换算（例如 人 → 万人 要除以 10000），并把单位改为「{expected}」。",
        "en": "{loc}: the unit \"{value}\" differs from the unit of {what_en} (\"{expected}\"); the number was "
        "imported as \"{expected}\". Check whether it needs converting (e.g. persons → 10,000 persons: divide by 10000) "
        "and change the unit to \"{expected}\".",
    },
    # ----------------------------------------------------------------- periods
    "bad_period": {
        "zh": "{loc}的期间「{value}」不是有效的年月。请写成「2024-06」「2024/6」「2024年6月」或「202406」这样的格式"
        "（必须有四位年份，月份 1–12，若带日期则日期必须存在）；两个月合报写成「2024年1-2月」。",
        "en": "{loc}: the period \"{value}\" is not a valid year and month. Write it like \"2024-06\", \"2024/6\", "
        "\"2024年6月\" or \"202406\" (a four-digit year, month 1–12, and a day, if given, that exists); "
        "for two months reported together write \"2024年1-2月\".",
    },
    "blank_period": {
        "zh": "{loc}没有填写期间，但这一行有数据。请填写年月，例如「2024-06」，或删除这一行。",
        "en": "{loc}: the period is blank but the row holds data. Enter the year and month, e.g. \"2024-06\", "
        "or delete the row.",
    },
    "future_period": {
        "zh": "{loc}的期间「{value}」（{period}）晚于今天（{today}），数据尚未发生。请核对年份和月份是否填错。",
        "en": "{loc}: the period \"{value}\" ({period}) is later than today ({today}). "
        "Check that the year and month are right.",
    },
    # ----------------------------------------------------------------- values
    "not_a_number": {
        "zh": "{loc}的值「{value}」不是数字。请填写数字（可带千分位或 %），例如 12.5。",
        "en": "{loc}: the value \"{value}\" is not a number. Enter a number (thousands separators and % are "
        "allowed), e.g. 12.5.",
    },
    "formula": {
        "zh": "{loc}的值「{value}」是公式，不是数字。请把这一列「复制」后「选择性粘贴 → 数值」，"
        "或直接填写计算结果，例如 12.5。",
        "en": "{loc}: the value \"{value}\" is a formula, not a number. Copy the column and use Paste Special → "
        "Values, or type the result itself, e.g. 12.5.",
    },
    "not_a_bool": {
        "zh": "{loc}的值「{value}」无法识别。指标「{name}」是里程碑类指标，请填写「是」或「否」（也可填 1 或 0）。",
        "en": "{loc}: the value \"{value}\" is not recognised. \"{indicator}\" ({name}) is a milestone indicator: "
        "enter 是 (yes) or 否 (no), or 1 or 0.",
    },
    "blank_value": {
        "zh": "{loc}的数值为空{dash_zh}，这一行已跳过。若要导入，请填写数字；若实际为零，请填 0。",
        "en": "{loc}: the value is blank{dash_en}; the row was skipped. To import it enter a number; "
        "if the true value is zero, enter 0.",
    },
    "negative": {
        "zh": "{loc}的值「{value}」是负数。{what_zh}不能为负，请改为 0 或正数；若是冲减或退回，请在备注中说明并填写调整后的数。",
        "en": "{loc}: the value \"{value}\" is negative. {what_en_cap} cannot be negative: enter 0 or a positive number; "
        "for a write-back or refund, explain it in the note and enter the adjusted figure.",
    },
    "pct_over_100": {
        "zh": "{loc}的值「{value}」超过了指标「{name}」的上限 {max}{unit}。请核对数值"
        "（百分比请填 0–{max} 之间的数，例如 92.5 或 92.5%）。",
        "en": "{loc}: the value \"{value}\" is above the maximum of {max}{unit} for \"{indicator}\" ({name}). "
        "Check the number (percentages must be between 0 and {max}, e.g. 92.5 or 92.5%).",
    },
    "percent_unit": {
        "zh": "{loc}的值「{value}」带有 %，但指标「{name}」的单位是「{unit}」，已按 {number} {unit} 导入。请核对后去掉 %。",
        "en": "{loc}: the value \"{value}\" has a % sign but the unit of \"{indicator}\" ({name}) is \"{unit}\"; "
        "it was imported as {number} {unit}. Check it and remove the %.",
    },
    "bad_basis": {
        "zh": "{loc}的口径「{value}」{reason_zh}。请填写以下之一：{allowed}（留空则按「{default}」）。",
        "en": "{loc}: the basis \"{value}\" {reason_en}. Enter one of: {allowed} (leave it blank for \"{default}\").",
    },
    "duplicate": {
        "zh": "{loc_rows}重复填写了{what_zh}{periods}（口径：{basis}；期间写作{written}）的数据。"
        "同一{key_zh}同一期间只能有一行，请删除多余的行或改正期间。",
        "en": "{loc_rows} all give {what_en} for {periods} (basis: {basis}; period written as {written}). Only one row is allowed per "
        "{key_en} and period: delete the extra rows or correct the period.",
    },
    "ytd_decrease": {
        "zh": "{loc}：{what_zh}的累计数从第 {prev_row} 行的 {prev_value}（{prev_period}）降到了第 {row} 行的 "
        "{value}（{period}）。同一年内累计数不应减少，请检查是否把当月数填成了累计数"
        "（如果是当月数，请把「口径」改为「当月」）。",
        "en": "{loc}: the year-to-date total of {what_en} falls from {prev_value} in row {prev_row} ({prev_period}) "
        "to {value} in row {row} ({period}). A year-to-date total cannot fall within a year: check whether monthly "
        "figures were entered as year-to-date (if so, set the basis to \"month\").",
    },
    "mixed_basis": {
        "zh": "{loc_rows}：{what_zh}在 {year} 年既有当月数又有累计数，无法合并。"
        "请统一口径：全部填当月数，或全部填累计数。",
        "en": "{loc_rows}: {what_en} has both monthly and year-to-date figures in {year}, which cannot be combined. "
        "Use one basis for the whole year: all monthly or all year-to-date.",
    },
    "total_mismatch": {
        "zh": "{loc}的合计「{value}」与各资金来源之和 {sum} 相差 {diff}。请核对合计或各项金额。",
        "en": "{loc}: the total \"{value}\" differs from the sum of the sources ({sum}) by {diff}. "
        "Check the total or the amounts.",
    },
    "too_many_problems": {
        "zh": "{loc_file}的问题太多，只列出了前 {shown} 个（共 {count} 个）。请先改正上面列出的问题再上传。",
        "en": "{loc_file} has too many problems; only the first {shown} of {count} are listed. "
        "Fix those first and upload again.",
    },
}

_FALLBACK = {
    "zh": "{loc}：数据有问题（{code}），值「{value}」。请核对后重新上传。",
    "en": "{loc}: problem in the data ({code}), value \"{value}\". Check it and upload again.",
}

_BASIS = {
    "zh": {"month": "当月", "ytd": "累计", "level": "期末/水平"},
    "en": {"month": "month", "ytd": "year-to-date", "level": "level"},
}
_FIELDS = {
    "zh": {
        "indicator_id": "指标编号（或指标名称）",
        "period": "月份",
        "value": "数值",
        "basis": "口径",
        "note": "备注",
        "source": "资金来源",
        "amount": "金额",
        "total": "合计",
        "unit": "单位",
        "name": "指标名称",
        "months": "月份列（如「2024-01」）",
    },
    "en": {
        "indicator_id": "indicator_id (or indicator name)",
        "period": "period",
        "value": "value",
        "basis": "basis",
        "note": "note",
        "source": "source",
        "amount": "amount",
        "total": "total",
        "unit": "unit",
        "name": "indicator name",
        "months": "month columns (e.g. \"2024-01\")",
    },
}
_SOURCES = {
    "zh": {"central": "中央补助", "local": "地方资金", "other": "其他资金"},
    "en": {"central": "central", "local": "local", "other": "other"},
}
_EXAMPLES = {
    "zh": {
        "actuals": "指标编号、月份、数值、口径、备注",
        "actuals_wide": "指标编号、指标名称、2024-01、2024-02……",
        "budget": "月份、资金来源、金额、口径、备注",
        "budget_wide": "月份、中央补助、地方资金、其他资金、合计",
    },
    "en": {
        "actuals": "indicator_id, period, value, basis, note",
        "actuals_wide": "indicator_id, name, 2024-01, 2024-02, …",
        "budget": "period, source, amount, basis, note",
        "budget_wide": "period, central, local, other, total",
    },
}
_PERIOD_RE = re.compile(r"^(\d{4})-(\d{2})(?:~(\d{2}))?$")
_SEP = {"zh": "、", "en": ", "}
_BLANK = {"zh": "（空）", "en": "(blank)"}


def period_label(key: str, lang: str = "zh") -> str:
    """``"2024-06"`` → ``"2024年6月"``; ``"2024-01~02"`` → ``"2024年1-2月"`` (en keeps the key)."""
    m = _PERIOD_RE.match(str(key))
    if not m:
        return str(key)
    year, first, last = m.group(1), int(m.group(2)), m.group(3)
    if lang == "zh":
        return f"{year}年{first}-{int(last)}月" if last else f"{year}年{first}月"
    return f"{year}-{first:02d}–{int(last):02d}" if last else f"{year}-{first:02d}"


def basis_label(basis: str, lang: str = "zh") -> str:
    return _BASIS.get(lang, _BASIS["zh"]).get(str(basis), str(basis))


def field_label(name: str, lang: str = "zh") -> str:
    return _FIELDS.get(lang, _FIELDS["zh"]).get(str(name), str(name))


def _fmt_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        return f"{value:.15g}"
    return "" if value is None else str(value)


def _join(values: Any, lang: str, mapper: Any = None) -> str:
    if not isinstance(values, (list, tuple)):
        values = [values]
    items = [mapper(v) if mapper else _fmt_scalar(v) for v in values]
    if lang == "zh":
        return _SEP[lang].join(f"「{v}」" if mapper is None else v for v in items) if items else "（无）"
    return _SEP[lang].join(f'"{v}"' if mapper is None else v for v in items) if items else "(none)"


def _location(lang: str, file: str, sheet: str | None, row: Any, column: Any, rows: Any = None) -> str:
    row_text = ""
    if rows:
        row_list = rows if isinstance(rows, (list, tuple)) else [rows]
        row_text = _SEP[lang].join(str(r) for r in row_list)
    elif row is not None and row != "":
        row_text = str(row)
    if lang == "zh":
        text = f"文件「{file}」"
        if sheet:
            text += f"工作表「{sheet}」"
        if row_text:
            text += f"第 {row_text} 行"
        if column not in (None, ""):
            text += f"「{column}」列"
        return text
    text = f'File "{file}"'
    if sheet:
        text += f', sheet "{sheet}"'
    if row_text:
        text += f", row{'s' if rows and len(row_list) > 1 else ''} {row_text}"
    if column not in (None, ""):
        text += f', column "{column}"'
    return text


class _Safe(dict):
    def __missing__(self, key: str) -> str:  # a template never fails on a missing parameter
        return "?"


def _what(lang: str, params: dict[str, Any]) -> str:
    """Subject of the sentence: the indicator, the funding source or "the value"."""
    indicator, name, source = params.get("indicator"), params.get("name"), params.get("source")
    if params.get("subject") == "budget":
        return "预算支出金额" if lang == "zh" else "budget spending"
    if indicator:
        if lang == "zh":
            return f"指标「{name or indicator}」"
        return f'"{indicator}" ({name})' if name and name != indicator else f'"{indicator}"'
    if source:
        label = _SOURCES.get(lang, _SOURCES["zh"]).get(str(source), str(source))
        return f"资金来源「{label}」" if lang == "zh" else f'the funding source "{label}"'
    return "该数值" if lang == "zh" else "The value"


def render(code: str, lang: str = "zh", **params: Any) -> str:
    """Render the message for ``code`` in ``lang`` ("zh" default, "en").

    Accepts the :class:`~analytics.ingest.validate.Problem` fields (``file``, ``row``, ``column``,
    ``value``) and its ``params``. Unknown codes get a generic, still located, message;
    unknown languages fall back to Chinese. Never raises on missing parameters (a missing
    one shows as "?"; :func:`missing_fields` lists them).
    """
    lang = lang if lang in LANGS else "zh"
    template, fields = _prepare(code, lang, params)
    try:
        return template.format_map(_Safe(fields))
    except (ValueError, IndexError, KeyError, AttributeError):  # a malformed template must not crash
        return _FALLBACK[lang].format_map(_Safe(fields))


def missing_fields(code: str, lang: str = "zh", **params: Any) -> list[str]:
    """The placeholders of ``code``'s template that these ``params`` leave unfilled."""
    lang = lang if lang in LANGS else "zh"
    template, fields = _prepare(code, lang, params)
    names = {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}
    return sorted(n for n in names if n not in fields)


def _prepare(code: str, lang: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    template = CATALOGUE.get(code, _FALLBACK)[lang]
    file = _fmt_scalar(params.get("file")) or ("上传的文件" if lang == "zh" else "uploaded file")
    sheet = params.get("sheet")
    fields: dict[str, Any] = {}
    for key, val in params.items():
        if key in ("rows",):
            continue
        fields[key] = _fmt_scalar(val) if not isinstance(val, (list, tuple, dict)) else val
    fields["code"] = code
    fields["file"] = file
    fields["loc"] = _location(lang, file, sheet, params.get("row"), params.get("column"))
    fields["loc_file"] = _location(lang, file, sheet, None, None)
    fields["loc_rows"] = _location(lang, file, sheet, params.get("row"), params.get("column"), params.get("rows"))
    value = params.get("value")
    fields["value"] = _BLANK[lang] if value is None or _fmt_scalar(value) == "" else _fmt_scalar(value)
    fields["what_zh"] = _what("zh", params)
    fields["what_en"] = _what("en", params)
    fields["what_en_cap"] = fields["what_en"][:1].upper() + fields["what_en"][1:]
    if fields["what_en"] == "The value":
        fields["what_en"] = "the value"

    def basis_text(b: Any) -> str:
        return basis_label(str(b), lang)

    for key in ("basis", "default"):
        if key in params and params[key] not in (None, ""):
            fields[key] = basis_text(params[key])
    if "allowed" in params:
        allowed = params["allowed"]
        if params.get("allowed_kind") == "source":
            fields["allowed"] = _join(
                allowed, lang, lambda s: _SOURCES.get(lang, _SOURCES["zh"]).get(str(s), str(s))
                + (f"（{s}）" if lang == "zh" and str(s) in _SOURCES["zh"] else "")
            )
        else:
            fields["allowed"] = _join(allowed, lang, lambda b: f"{basis_label(str(b), lang)}（{b}）"
                                      if lang == "zh" else basis_text(b))
    for key in ("period", "prev_period"):
        if key in params:
            fields[key] = period_label(str(params[key]), lang)
    if "periods" in params:
        fields["periods"] = _join(params["periods"], lang, lambda p: period_label(str(p), lang))
    if "missing" in params:
        fields["missing"] = _join(params["missing"], lang, lambda f: field_label(str(f), lang))
    for key in ("found", "columns", "sheets", "ranges", "written"):
        if key in params:
            fields[key] = _join(params[key], lang)
    if "field" in params:
        fields["field"] = field_label(str(params["field"]), lang)
    fields["example"] = _EXAMPLES[lang].get(str(params.get("example", "actuals")), _EXAMPLES[lang]["actuals"])
    # optional fragments
    detected = params.get("detected")
    fields["detected_zh"] = f"（看起来是 {detected}）" if detected else ""
    fields["detected_en"] = f" (it looks like {detected})" if detected else ""
    suggestion = params.get("suggestion")
    fields["suggestion_zh"] = f"，是否应为「{suggestion}」" if suggestion else ""
    fields["suggestion_en"] = f' (did you mean "{suggestion}"?)' if suggestion else ""
    dash = params.get("dash")
    fields["dash_zh"] = f"（填的是「{dash}」）" if dash else ""
    fields["dash_en"] = f' (it holds "{dash}")' if dash else ""
    reason = params.get("reason")
    fields["reason_zh"] = {"not_allowed": "不适用于该指标", "unknown": "无法识别"}.get(str(reason), "无法识别")
    fields["reason_en"] = {"not_allowed": "does not apply to this indicator",
                           "unknown": "is not recognised"}.get(str(reason), "is not recognised")
    if "key" in params:
        fields["key_zh"] = {"indicator": "指标", "source": "资金来源"}.get(str(params["key"]), "项目")
        fields["key_en"] = {"indicator": "indicator", "source": "funding source"}.get(str(params["key"]), "item")
    else:
        fields["key_zh"], fields["key_en"] = "项目", "item"
    if "unit" in params and params["unit"] in (None, ""):
        fields["unit"] = ""
    return template, fields
