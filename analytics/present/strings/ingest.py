"""Messages of the ingest gate (keys reached as ``"ingest.<code>"``), one per problem code.

Every template is a :meth:`str.format` string; :func:`analytics.present.messages.render` prepares
the derived placeholders (``{loc}``, ``{loc_file}``, ``{loc_rows}``, ``{what_zh}``…) so that each
message names the file, the sheet, the row and column and the offending value, and says how to fix
the problem.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # ----------------------------------------------------------------- the file itself
    "too_large": {
        "zh": "{loc_file}{unpacked_zh}大小为 {size_mb} MB，超过上限 {limit_mb} MB。"
        "请删去无关的工作表、行或列后再上传，或把数据拆成几个较小的文件。",
        "en": "{loc_file} is {size_mb} MB{unpacked_en}, over the {limit_mb} MB limit. "
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
    "mixed_encoding": {
        "zh": "{loc_rows}的文字编码与文件的其他行不同：其他行是 UTF-8，这些行不是（看起来是 {detected}），"
        "整个文件未导入。请在 Excel 中打开后「另存为」→「CSV UTF-8（逗号分隔）」，或重新输入这些行后再上传。",
        "en": "{loc_rows}: the text encoding differs from the rest of the file (the other rows are UTF-8, these "
        "are not; they look like {detected}); nothing was imported. In Excel use Save As → \"CSV UTF-8 (Comma "
        "delimited)\", or retype these rows, then upload again.",
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
    "password_protected": {
        "zh": "{loc_file}设有打开密码（加密保护），无法读取。请用密码在 Excel 或 WPS 中打开，取消密码"
        "（「文件」→「信息」→「保护工作簿」→「用密码进行加密」，清空密码）后另存一份再上传。",
        "en": "{loc_file} is protected by a password to open it (encrypted), so it cannot be read. Open it with its "
        "password in Excel or WPS, remove the password (File → Info → Protect Workbook → Encrypt with Password, "
        "clear it), save a copy and upload that.",
    },
    "not_a_table": {
        "zh": "{loc_file}是 {doc_kind_zh}，不是数据表格，无法按月度数据导入。请把表格中的数据复制到 Excel 中，"
        "「另存为」→「Excel 工作簿（*.xlsx）」或「CSV UTF-8（逗号分隔）」后再上传，或下载本页的模板填写；"
        "如果这是绩效目标表，请在“新建项目”页面读取。",
        "en": "{loc_file} is {doc_kind_en}, not a data table, so it cannot be imported as monthly data. Copy the table's "
        "data into Excel and save it as an Excel Workbook (*.xlsx) or \"CSV UTF-8 (Comma delimited)\", or fill in this page's "
        "template; if it is a target table, read it on the New project page.",
    },
    "old_excel": {
        "zh": "{loc_file}是旧版 Excel 97-2003（.xls）格式，但无法读取（可能已损坏）。"
        "请在 Excel 中打开，「另存为」→「Excel 工作簿（*.xlsx）」或「CSV UTF-8（逗号分隔）」后再上传。",
        "en": "{loc_file} is in the old Excel 97-2003 (.xls) format but cannot be read (it may be damaged). "
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
    "form_unmatched": {
        "zh": "{loc_file}按填好的绩效监控表/自评表读取了实际完成值；表中这 {count} 个指标不在本项目的指标清单中，其数值未导入：{names}。"
        "如需导入，请把表中的指标名称改成与清单一致。",
        "en": "{loc_file} was read as a filled monitoring / self-evaluation form; these {count} indicators of the form are not in "
        "the project's list and their values were not imported: {names}. To import them, write their names as in the list.",
    },
    "form_spending_unsplit": {
        "zh": "{loc_file}按填好的绩效监控表/自评表读取支出：表中的执行数合计「{total}」万元没有完整地按资金来源（{sources}）分列，"
        "无法判断各来源各支出多少，未导入。请在表中按来源填写执行数，或在“数据管理”中按来源录入。",
        "en": "{loc_file} was read as a filled monitoring / self-evaluation form for spending: its spending total \"{total}\" (10k yuan) is "
        "not fully split by funding source ({sources}), so nothing was imported. Fill in the spending of each source in the form, "
        "or enter it by source on the data page.",
    },
    "total_unsplit": {
        "zh": "{loc}只填了合计「{value}」，没有按资金来源（{sources}）分列，无法判断各来源各支出多少，未导入。"
        "请在各来源的列中填写金额（没有支出的填 0）。",
        "en": "{loc}: only the total \"{value}\" is filled in, not split by funding source ({sources}), so the spending of each "
        "source is unknown; nothing was imported. Fill in each source's column (0 where nothing was spent).",
    },
    "spending_unsplit": {
        "zh": "{loc}的支出没有按资金来源分列，表中也没有“资金来源”一列；本项目有多个资金来源（{allowed}），"
        "无法判断各来源各支出多少，未导入。请按来源分列后重新导入：每个来源一列，列名写来源名称（如「{source_example}」，"
        "累计数写「{source_example}累计」），或加一列“资金来源”逐行填写。",
        "en": "{loc}: the spending is not split by funding source and the table has no source column; the project has "
        "several funding sources ({allowed}), so the spending of each is unknown and nothing was imported. Split it by "
        "source and import again: one column per source, headed by the source's name (\"{source_example}\"; "
        "\"{source_example}累计\" for year-to-date totals), or a source column naming each row's source.",
    },
    "spending_unsplit_unlisted": {
        "zh": "{loc}的支出没有按资金来源分列，表中也没有“资金来源”一列，未导入。目标表没有列出本项目的资金来源，支出按"
        "{allowed}分别记录：请加一列“资金来源”逐行填写（如「{source_example}」），或每个来源一列（列名写来源名称，"
        "累计数写「{source_example}累计」）后重新导入。",
        "en": "{loc}: the spending is not split by funding source and the table has no source column, so nothing was "
        "imported. The target table lists no funding sources for this project, and spending is kept under {allowed}: "
        "add a source column naming each row's source (\"{source_example}\"), or one column per source "
        "(\"{source_example}累计\" for year-to-date totals), and import again.",
    },
    "total_row": {
        "zh": "{loc}的「{value}」是合计行，不是单独的数据，已跳过{total_check_zh}。",
        "en": "{loc}: \"{value}\" is a total row, not data of its own; it was skipped{total_check_en}.",
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
    "name_matched": {
        "zh": "{loc}的指标「{value}」按指标清单中的「{name}」导入（编号、括号中的单位、引号和空格不计）。如不是这个指标，请改填指标编号。",
        "en": "{loc}: the indicator \"{value}\" was imported as \"{name}\" of the indicator list (numbering, a unit in brackets, "
        "quotes and blanks set aside). If another indicator is meant, enter its id.",
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
    "period_read_as_october": {
        "zh": "{loc}的期间「{value}」已按 {year} 年 10 月读取：同一列的其他期间都写成两位月份（如「{year}.09」），"
        "Excel 会把数字 {year}.10 显示为 {year}.1。如果指的是 1 月，请写成「{year}-01」。",
        "en": "{loc}: the period \"{value}\" was read as October {year}: the column's other periods have two-digit months "
        "(such as {year}.09), and Excel shows the number {year}.10 as {year}.1. If January is meant, write \"{year}-01\".",
    },
    "period_ambiguous": {
        "zh": "{loc}的期间「{value}」无法判断是 {year} 年 1 月还是 10 月（Excel 会把数字 {year}.10 显示为 {year}.1），未导入。"
        "请把期间写成「{year}-01」或「{year}-10」，或把这一列设为文本格式后重新填写。",
        "en": "{loc}: the period \"{value}\" could be January or October {year} (Excel shows the number {year}.10 as {year}.1); "
        "not imported. Write it as \"{year}-01\" or \"{year}-10\", or format the column as text and type it again.",
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
    "odd_digits": {
        "zh": "{loc}的值「{value}」含有上标、下标、圈码或其他特殊数字字符（如 ²、①），不能当作数字读取"
        "（否则「10²」会被读成 102）。请改为普通数字，例如 100。",
        "en": "{loc}: the value \"{value}\" holds a superscript, subscript, circled or other special digit "
        "(such as ² or ①), which cannot be read as a number (\"10²\" would become 102). Enter plain digits, e.g. 100.",
    },
    "inner_space": {
        "zh": "{loc}的值「{value}」在数字中间有空格，无法确定是一个数还是两个数（「12 5」不会被读成 125）。"
        "请删去空格，或只填一个数字，例如 125。",
        "en": "{loc}: the value \"{value}\" has a space inside the number, so it is unclear whether it is one number "
        "or two (\"12 5\" is not read as 125). Remove the space or enter a single number, e.g. 125.",
    },
    "implausible": {
        "zh": "{loc}的值「{value}」超过了{what_zh}以「{unit}」计可能的最大值 {max}，多半是输入错误或单位不对"
        "（例如把元填成了万元）。请核对数值和单位。",
        "en": "{loc}: the value \"{value}\" is above the largest plausible value of {what_en} in \"{unit}\" ({max}); "
        "it is most likely a typing or unit error (e.g. yuan entered where 10,000 yuan is meant). "
        "Check the number and the unit.",
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
    "not_a_checkin": {
        "zh": "{loc}的值「{value}」无法识别。指标「{name}」是定性指标，请填写「达成」「部分达成」或「未达成」，说明写在备注列。",
        "en": "{loc}: the value \"{value}\" is not recognised. \"{name}\" is a qualitative indicator: "
        "enter 达成 (achieved), 部分达成 (partly achieved) or 未达成 (not achieved); put the explanation in the note column.",
    },
    "blank_value": {
        "zh": "{loc}的数值为空{dash_zh}，这一行已跳过。若要导入，请填写数字；若实际为零，请填 0。",
        "en": "{loc}: the value is blank{dash_en}; the row was skipped. To import it enter a number; "
        "if the true value is zero, enter 0.",
    },
    "magnitude": {
        "zh": "{loc}的值「{value}」是负的偏差，按其大小 {number} 记录：{what_zh}的目标（如“±5%以内”）限定的是偏差的大小。",
        "en": "{loc}: the value \"{value}\" is a deviation below zero, kept as its size {number}: the target of {what_en} (such as ±5%) bounds the deviation's size.",
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
    "value_unit_mismatch": {
        "zh": "{loc}的值「{value}」带单位「{written_unit}」，与{what_zh}的单位「{unit}」不同，无法换算。请按「{unit}」填写数字，例如 12.5。",
        "en": "{loc}: the value \"{value}\" is in \"{written_unit}\", not in the unit of {what_en} (\"{unit}\"), and cannot be converted. "
        "Enter the number in \"{unit}\", e.g. 12.5.",
    },
    "month_without_year": {
        "zh": "{loc}的月份「{value}」没有写年份。请写成「2024-06」或「2024年6月」这样带年份的格式；或在表格标题或文件名中写明年份"
        "（如「2026年监测数据」），没有年份的月份即按该年读取。",
        "en": "{loc}: the month \"{value}\" has no year. Write it with its year (2024-06, 2024年6月), or name the year in the "
        "table's title or the file's name (e.g. 2026年监测数据): months without a year are then read in that year.",
    },
    "basis_read_monthly": {
        "zh": "{loc_rows}：{what_zh}{year} 年的数值有 {falls} 处比上月小，不会是 1 月至当月的累计数；文件没有「口径」一列，已按当月数读取（逐月相加）。"
        "如果填的确是累计数，请核对这几行后加一列「口径」并填「累计」重新导入。",
        "en": "{loc_rows}: the values of {what_en} in {year} fall below the month before {falls} times, so they cannot be "
        "totals from January; the file has no basis column, so they were read as each month's own figures (added up). "
        "If they are year-to-date totals, check these rows, add a basis column with \"ytd\" and import again.",
    },
    "basis_assumed": {
        "zh": "{loc_file}没有「口径」一列：{names}（共 {count} 个按年累计的指标）的数值按{basis}（1 月至当月合计）读取。"
        "如果填的是当月数，请加一列「口径」并填「当月」后重新导入。",
        "en": "{loc_file} has no basis column: the values of {count} indicator(s) counted over the year ({names}) were read as "
        "{basis} (January to the month). If they are each month's own figures, add a basis column with \"month\" and import again.",
    },
    "period_year_assumed": {
        "zh": "{loc_file}中的月份没有写年份（如「{value}」），已按{where_zh}写明的 {year} 年读取。如不对，请把月份写完整，例如「{year}-01」。",
        "en": "{loc_file}: months are written without their year (e.g. \"{value}\"); they were read in {year}, the year {where_en} "
        "names. If that is wrong, write each month in full, e.g. \"{year}-01\".",
    },
    "unit_converted": {
        "zh": "{loc_rows}{stated_zh}写明单位「{value}」，{what_zh}的单位是「{expected}」：{scope_zh}已按 1{value} = {factor}{expected} 换算导入。",
        "en": "{loc_rows}: {stated_en} gives the unit \"{value}\" and {what_en} is in \"{expected}\": {scope_en} were "
        "converted at 1 {value} = {factor} {expected}.",
    },
    "amount_over_budget": {
        "zh": "{loc_file}{few_rows_zh}的金额超过了所属资金来源的全部预算（如第 {row} 行「{column}」列的「{value}」，"
        "{what_zh}的全部预算为 {budget}万元；按元计为 {value}元 = {converted}万元），看起来表中的金额是以「元」填写的，未导入。"
        "请在表格标题中写明「（单位：元）」，或加一列「单位」并填「元」，或把金额换算为万元后重新上传。",
        "en": "{loc_file}, {few_rows_en}: amounts above their funding source's whole budget (e.g. \"{value}\" in row {row}, "
        "column \"{column}\": {what_en} has {budget} (10k yuan) in all; in yuan it is {value} yuan = {converted} (10k yuan)). The amounts look "
        "written in 元 and were not imported. State the unit in the table's title (（单位：元）), or add a 单位 (unit) "
        "column with 元, or convert the amounts to 10k yuan (万元), and upload again.",
    },
    "value_unit": {
        "zh": "{loc}的值「{value}」已按{what_zh}的单位换算为 {number}{unit} 导入。",
        "en": "{loc}: the value \"{value}\" was converted to the unit of {what_en} and imported as {number} {unit}.",
    },
    "percent_not_unit": {
        "zh": "{loc}的值「{value}」是百分数，但{what_zh}以「{unit}」计，不是百分数，未导入：这一行可能填了另一个指标的比率。请填写以{unit}计的数值。",
        "en": "{loc}: the value \"{value}\" is a percentage, but {what_en} is counted in {unit}, not in %: not imported "
        "(the row may hold another indicator's rate). Enter the figure in {unit}.",
    },
    "fraction_as_percent": {
        "zh": "{loc}的值「{value}」是小数，{what_zh}以 % 计，已读作 {number}%（电子表格把 96.2% 存为 0.962）。若本意是 {value}%，请写成“{value}%”。",
        "en": "{loc}: the value \"{value}\" is a fraction and {what_en} is counted in %: read as {number}% (a spreadsheet "
        "keeps 96.2% as 0.962). If {value}% is meant, write \"{value}%\".",
    },
    "scale_suspect": {
        "zh": "{loc}的值「{value}」远大于{what_zh}的目标（{reference}{unit}），看起来是以「{base_unit}」计的（{value}{base_unit} = {converted}{unit}），未导入。请换算为{unit}后填写，或在数值后写上单位（如“{value}{base_unit}”），或在列名括号中写单位。",
        "en": "{loc}: the value \"{value}\" is far above the target of {what_en} ({reference} {unit}); it looks counted in "
        "{base_unit} ({value} {base_unit} = {converted} {unit}) and was not imported. Enter it in {unit}, or write its unit "
        "after the number (\"{value}{base_unit}\"), or in brackets in the column's header.",
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
        "（如果是当月数，请把「口径」一列填为「当月」；表中没有这一列的，加一列「口径」）。",
        "en": "{loc}: the year-to-date total of {what_en} falls from {prev_value} in row {prev_row} ({prev_period}) "
        "to {value} in row {row} ({period}). A year-to-date total cannot fall within a year: check whether monthly "
        "figures were entered as year-to-date (if so, set the basis column to \"month\", adding a basis column if the table has none).",
    },
    "ytd_decrease_stored": {
        "zh": "{loc}：{what_zh}{year} 年 {month} 月的累计数 {value}，与数据库中已有的 {stored_month} 月累计数 {stored_value} "
        "相比，累计数在同一年内减少了，未导入。请检查是否把当月数填成了累计数（是当月数的，把「口径」填为「当月」），"
        "或库中已有的数据需要一并更正（在“数据管理”中修改）。",
        "en": "{loc}: the year-to-date total of {what_en} for month {month} of {year}, {value}, and the stored total of month "
        "{stored_month}, {stored_value}, make the year-to-date total fall within the year; not imported. Check whether "
        "monthly figures were entered as totals (if so, set the basis to \"month\"), or correct the stored data on the Data page.",
    },
    "month_gap": {
        "zh": "{loc}：{what_zh}{year}年{gap_months_zh}缺报，{later_months_zh}的数值（当月数）暂不能累计，年度累计停在缺报之前。"
        "请补报{gap_months_zh}（没有发生的填 0），或改填累计数。",
        "en": "{loc}: {what_en} has no figure for {gap_months_en} {year}, so the monthly amounts of {later_months_en} cannot be "
        "added up yet and the year-to-date total stops before the gap. Report {gap_months_en} (0 where nothing happened), "
        "or give year-to-date totals instead.",
    },
    "mixed_basis": {
        "zh": "{loc_rows}：{what_zh}在 {year} 年既有当月数又有累计数，两者对不上，无法合并：{conflict_zh}。"
        "请核对这几行；或统一口径：全部填当月数，或全部填累计数。",
        "en": "{loc_rows}: {what_en} has both monthly and year-to-date figures in {year} that do not agree, so they cannot "
        "be combined: {conflict_en}. Check these rows, or use one basis for the whole year: all monthly or all year-to-date.",
    },
    "basis_converted": {
        "zh": "{loc_rows}：{what_zh}在 {year} 年既有当月数又有累计数，已统一按当月数导入：累计数减去此前各月之和即为其当期金额{agreed_zh}。",
        "en": "{loc_rows}: {what_en} has both monthly and year-to-date figures in {year}; all were imported as monthly amounts, "
        "each year-to-date total less the months before it{agreed_en}.",
    },
    "cumulative_suspect": {
        "zh": "{loc_rows}：{what_zh}{year} 年的金额逐月只增不减（{months} 个月，从 {first} 到 {last}万元），像是 1 月至当月的累计数；"
        "表中没有「口径」一列，已按当月数相加（合计 {sum}万元）。如果填的是累计数，请加一列「口径」并填「累计」后重新导入；如果确是每月的支出，可忽略此提示。",
        "en": "{loc_rows}: the amounts of {what_en} in {year} never fall ({months} months, from {first} to {last}, in 10k yuan), as a "
        "year-to-date total does; the table has no basis column, so they were summed as monthly amounts: {sum} (10k yuan) in all. If they are "
        "year-to-date totals, add a basis column (口径) with 累计 and import again; if they are each month's spending, ignore this.",
    },
    "hidden_read": {
        "zh": "{loc_file}{hidden_zh}在 Excel 中是隐藏的，其中的数据已照常读取（隐藏的行列通常仍是有效数据）。"
        "如果它们是作废或重复的数据，请在 Excel 中删除（而不是隐藏）后重新上传。",
        "en": "{loc_file}: {hidden_en} hidden in Excel; their data were read as usual (hidden rows and columns usually still "
        "hold real data). If they are void or duplicate data, delete them in Excel (rather than hiding them) and upload again.",
    },
    "cumulative_read": {
        "zh": "{loc_rows}：{what_zh}{year} 年的金额逐月只增不减（{months} 个月，从 {first} 到 {last}万元），表中没有「口径」一列。"
        "按当月数相加为 {sum}万元，占该来源全部预算 {budget}万元的 {share}%，远超时间进度（{elapsed}%）；看起来填的是 1 月至当月的累计数，"
        "已按累计数导入（截至最后一个月共 {last}万元）。如果填的确是每月的支出，请加一列「口径」并填「当月」后重新导入。",
        "en": "{loc_rows}: the amounts of {what_en} in {year} never fall ({months} months, from {first} to {last}, in 10k yuan) and the "
        "table has no basis column. Summed as monthly amounts they would make {sum} (10k yuan), {share}% of the source's whole budget "
        "of {budget} (10k yuan), far ahead of the time elapsed ({elapsed}%); they look like year-to-date totals and were imported as "
        "such: {last} (10k yuan) by the last month. If they are each month's spending, add a basis column (口径) with 当月 and "
        "import again.",
    },
    "cumulative_over_budget": {
        "zh": "{loc_rows}：{what_zh}{year} 年的金额逐月只增不减（{months} 个月，从 {first} 到 {last}万元），表中没有「口径」一列："
        "按当月数相加为 {sum}万元，超过该来源的全部预算 {budget}万元，按累计数读取则为 {last}万元。看起来填的是 1 月至当月的累计数，未导入。"
        "请加一列「口径」并填「累计」后重新导入。",
        "en": "{loc_rows}: the amounts of {what_en} in {year} never fall ({months} months, from {first} to {last}, in 10k yuan) and the "
        "table has no basis column: summed as monthly amounts they make {sum} (10k yuan), above the source's whole budget of {budget} (10k yuan), "
        "while read as year-to-date totals they make {last} (10k yuan). They look like year-to-date totals; not imported. Add a basis "
        "column (口径) with 累计 and import again.",
    },
    "spending_before_start": {
        "zh": "{loc_rows}：这些支出的月份早于项目资金开始执行的月份（{start_year}年{start_month}月），合计 {sum}万元，"
        "不属于本项目的执行数，不计入预算执行率。如果月份填错了，请更正后重新导入。",
        "en": "{loc_rows}: these amounts are dated before the month the project's funds start being spent "
        "(month {start_month} of {start_year}), {sum} (10k yuan) in all; they are no part of the project's execution and do not count in its "
        "execution rate. If the months are wrong, correct them and import again.",
    },
    "total_mismatch": {
        "zh": "{loc}的合计「{value}」与各资金来源之和 {sum}万元 相差 {diff}万元。请核对合计或各项金额。",
        "en": "{loc}: the total \"{value}\" differs from the sum of the sources, {sum} (10k yuan), by {diff} (10k yuan). "
        "Check the total or the amounts.",
    },
    # ----------------------------------------------------------------- limits (data/limits.yaml)
    "too_many_columns": {
        "zh": "{loc}：表格有 {count} 列，超过上限 {limit} 列，未导入任何数据。"
        "请删去右侧无关的列（包括远处零散的单元格），或把数据拆成几个文件后再上传。",
        "en": "{loc}: the table has {count} columns, over the limit of {limit}; nothing was imported. "
        "Delete unrelated columns to the right (including stray cells far away), or split the data into several files.",
    },
    "too_many_rows": {
        "zh": "{loc}：表格超过 {limit} 行（从这一行起超出），未导入任何数据。请删去无关的行，或把数据拆成几个文件后再上传。",
        "en": "{loc}: the table has more than {limit} rows (from this row on); nothing was imported. "
        "Delete unrelated rows, or split the data into several files.",
    },
    "too_many_cells": {
        "zh": "{loc}：填写的单元格超过 {limit} 个（读到这一行时超出），未导入任何数据。"
        "请删去无关的行、列或工作表，或把数据拆成几个文件后再上传。",
        "en": "{loc}: more than {limit} cells are filled in (passed at this row); nothing was imported. "
        "Delete unrelated rows, columns or sheets, or split the data into several files.",
    },
    "too_much_text": {
        "zh": "{loc}：各单元格的文字合计超过 {limit} 个字符（读到这一行时超出），不像一份数据文件，未导入任何数据。请删去无关的文字、行或工作表后再上传。",
        "en": "{loc}: the cells hold more than {limit} characters together (passed at this row), which is not a data file; nothing was imported. "
        "Delete unrelated text, rows or sheets and upload again.",
    },
    "too_many_sheets": {
        "zh": "{loc}：工作簿有 {count} 张工作表，超过上限 {limit} 张，未导入任何数据。请把数据所在的工作表另存为一个工作簿后再上传。",
        "en": "{loc}: the workbook has {count} sheets, more than the limit of {limit}; nothing was imported. "
        "Save the sheet with the data as a workbook of its own and upload that.",
    },
    "cell_too_long": {
        "zh": "{loc}的内容超过 {limit} 个字符，不像是一个数据单元格，未导入任何数据。请删去或缩短这个单元格的内容后再上传。",
        "en": "{loc} holds more than {limit} characters, which is not a data cell; nothing was imported. "
        "Delete or shorten the text in this cell and upload again.",
    },
    "time_limit": {
        "zh": "{loc}：检查这个文件超过了 {limit} 秒的时限，未导入任何数据。"
        "请删去空行、空列和无关的工作表，或把数据拆成几个较小的文件后再上传。",
        "en": "{loc}: checking this file took longer than the {limit}-second limit; nothing was imported. "
        "Delete empty rows, empty columns and unrelated sheets, or split the data into smaller files.",
    },
    "too_many_problems": {
        "zh": "{loc_file}的问题太多，只列出了前 {shown} 个（共 {count} 个）。请先改正上面列出的问题再上传。",
        "en": "{loc_file} has too many problems; only the first {shown} of {count} are listed. "
        "Fix those first and upload again.",
    },
}
