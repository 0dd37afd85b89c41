"""Messages of ``parse-table`` (reading any target table): why no table was found, why a row was
skipped or could not be read. Keys are used as ``tables.<key>``."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "no_header": {
        "zh": "{file}：没有找到绩效指标表。查找的是含“三级指标/指标名称”列和“指标值/目标值/年度指标值/实际完成值”列的表头行"
              "（前80行内）；文件共{rows}行{sheets}，开头几行是：{sample}",
        "en": "{file}: no indicator table found. Looked for a header row (in the first 80 rows) with a name column "
              "(三级指标/指标名称) and a value column (指标值/目标值/年度指标值/实际完成值); the file has {rows} rows{sheets}, "
              "starting with: {sample}",
    },
    "sheets": {"zh": "（工作表：{names}）", "en": " (sheets: {names})"},
    "unreadable": {"zh": "{file}：无法读取文件（{detail}）。", "en": "{file}: the file cannot be read ({detail})."},
    "empty": {"zh": "{file}：文件是空的。", "en": "{file}: the file is empty."},
    "too_large": {"zh": "{file}：文件超过20 MB。", "en": "{file}: the file is over 20 MB."},
    "too_large_unpacked": {"zh": "{file}：Word文档解压后超过 {detail} 字节，不像一张目标表，未读取。",
                           "en": "{file}: the Word document unpacks to more than {detail} bytes; it is not read as a target table."},
    "too_many_rows": {"zh": "{file}：表格超过 {detail} 行（一行一格的文本按有文字的行数计），不像一张目标表，未读取。请只保留指标表部分。",
                      "en": "{file}: the table has more than {detail} rows (for one cell per line, lines with text); it is not read as a target table. Keep only the indicator table."},
    "pdf_reader_missing": {"zh": "{file}：读取PDF需要安装 pdfplumber（见 requirements.txt）；也可以复制表格文本粘贴。",
                           "en": "{file}: reading a PDF needs pdfplumber (see requirements.txt); or copy the table's text and paste it."},
    "no_pdf_table": {"zh": "{file}：PDF中没有找到带表格线的表格（共{detail}行文字）。扫描件或无线表格无法读取，请复制表格文本粘贴，或上传Word/Excel原件。",
                     "en": "{file}: no ruled table found in the PDF ({detail} lines of text). A scan or a table without lines cannot be read: paste the table's text, or upload the Word or Excel original."},
    "too_many_pages": {"zh": "{file}：PDF超过 {detail} 页，不像一张目标表。请只导出含目标表的页，或复制表格文本粘贴。",
                       "en": "{file}: the PDF has more than {detail} pages. Export only the pages with the table, or paste the table's text."},
    "too_many_objects": {"zh": "{file}：PDF页面中的图形对象超过 {detail} 个，未读取。",
                         "en": "{file}: a PDF page holds more than {detail} drawn objects; it is not read."},
    "time_limit": {"zh": "{file}：读取超过 {detail} 秒，已停止。请只保留含目标表的页。",
                   "en": "{file}: reading took more than {detail} seconds and was stopped. Keep only the pages with the table."},
    "too_many_cells": {"zh": "{file}：表格有超过 {detail} 个非空单元格，不像一张目标表，未读取。请只保留指标表部分。",
                       "en": "{file}: the table has more than {detail} filled cells; it is not read as a target table. Keep only the indicator table."},
    "too_many_columns": {"zh": "{file}：表格的一行超过 {detail} 个单元格，不像一张目标表，未读取。",
                         "en": "{file}: a row of the table has more than {detail} cells; it is not read as a target table."},
    "bad_encoding": {"zh": "{file}：文本既不是UTF-8也不是GBK编码。", "en": "{file}: the text is neither UTF-8 nor GBK."},
    "bad_excel": {"zh": "{file}：无法读取该Excel工作簿（{detail}）。", "en": "{file}: the Excel workbook cannot be read ({detail})."},
    "bad_docx": {"zh": "{file}：无法读取该Word文档。", "en": "{file}: the Word document cannot be read."},
    "no_word_table": {"zh": "{file}：Word文档中没有表格（只有{detail}段文字）。请粘贴表格或另存为Excel。",
                      "en": "{file}: the Word document has no table (only {detail} paragraphs). Paste the table or save it as Excel."},
    "no_sheet": {"zh": "{file}：没有这个工作表；现有工作表：{detail}。", "en": "{file}: no such sheet; the sheets are: {detail}."},
    "xls_reader_missing": {"zh": "{file}：旧版.xls需要安装xlrd才能读取；请另存为.xlsx后再试。",
                           "en": "{file}: an old .xls needs the xlrd package; save it as .xlsx and try again."},
    "row_no_value": {"zh": "{where}：有指标名称但没有可读的指标值：{text}", "en": "{where}: a name but no value to read: {text}"},
    "row_bad_value": {"zh": "{where}：指标值无法读取（{cells}）：{text}", "en": "{where}: a value cannot be read ({cells}): {text}"},
    "row_no_name": {"zh": "{where}：有数值但没有指标名称：{text}", "en": "{where}: values but no indicator name: {text}"},
    "skipped_header": {"zh": "重复的表头", "en": "repeated header"},
    "skipped_sign_off": {"zh": "签署/备注行", "en": "sign-off or note row"},
    "skipped_total": {"zh": "合计行", "en": "total row"},
    "skipped_label": {"zh": "层级标签行", "en": "level label row"},
    "skipped_after_table": {"zh": "表格之后的内容", "en": "after the table"},
    "skipped_placeholder": {"zh": "模板空行（指标2、……）", "en": "empty template line (指标2, ……)"},
    "skipped_prose": {"zh": "没有目标数值的语句", "en": "a sentence without a target value"},
}
