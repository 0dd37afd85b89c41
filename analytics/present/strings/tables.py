"""Messages of ``parse-table`` (reading any target table): why no table was found, why a row was
skipped or could not be read. Keys are used as ``tables.<key>``."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "no_header": {
        "zh": "{file}：没有找到绩效指标表。查找的是含“三级指标/指标名称”列和“指标值/目标值/年度指标值/实际完成值”列的表头行"
              "；文件共{rows}行{sheets}，开头几行是：{sample}",
        "en": "{file}: no indicator table found. Looked for a header row with a name column "
              "(三级指标/指标名称) and a value column (指标值/目标值/年度指标值/实际完成值); the file has {rows} rows{sheets}, "
              "starting with: {sample}",
    },
    "no_rows": {
        "zh": "{file}：在 {detail} 找到了表头，但没有读出任何指标行（表头之后：{sample}）。"
              "文字的行列可能在复制时被打乱；如有原文件，请直接上传 Excel、Word 或 PDF 文件。",
        "en": "{file}: a header was found at {detail}, but no indicator row could be read (after the header: {sample}). "
              "The text's rows and columns may have been put out of order when it was copied; if you have the file, "
              "upload the Excel, Word or PDF file itself.",
    },
    "sheets": {"zh": "（工作表：{names}）", "en": " (sheets: {names})"},
    "not_a_file": {"zh": "{file}：不是一个普通文件（可能是文件夹、设备或管道），未读取。请选择表格文件本身。",
                   "en": "{file}: not a regular file (a folder, a device or a pipe); it is not read. Choose the table's file itself."},
    "unreadable": {"zh": "{file}：无法读取文件：文件可能已损坏、不完整，或内容与扩展名不符（{detail}）。"
                         "请用 Excel 或 Word 打开后另存一份再上传，或复制表格文字粘贴。",
                   "en": "{file}: the file cannot be read: it may be damaged, incomplete, or not what its name's ending says "
                         "({detail}). Open it in Excel or Word and save a copy to upload, or copy the table's text and paste it."},
    "no_form": {"zh": "{file}：没有第 {detail} 张目标表，文件中共有 {rows} 张。",
                "en": "{file}: there is no form number {detail}; the file holds {rows}."},
    "advice_text_disordered": {
        "zh": "这段文字有 {unread} 行无法读取（读出 {n} 个指标）：表格的行列顺序很可能在复制或转换时被打乱了"
              "（从PDF复制或转换的文字常把表格一列一列地排出，或把一格拆成几行）。如有原文件，请直接上传"
              " Excel、Word 或 PDF 文件，读出会完整得多；否则请逐行核对无法读取的行和读出的指标。",
        "en": "{unread} rows of this text could not be read ({n} indicators read): the table's rows and columns were "
              "most likely put out of order when the text was copied or converted (text out of a PDF often comes "
              "column after column, or with a cell's lines apart). If you have the file, upload the Excel, Word or "
              "PDF file itself, which reads far more completely; otherwise check every unread row and every "
              "indicator read."},
    "advice_scanned_ocr": {
        "zh": "这是扫描件：表中文字由 OCR 识别，可能有误（如“≥”识成“>”、数字或单位错认）。请逐项对照原件核对名称、单位和目标值；有 Word、Excel 或可复制文字的 PDF 原件时，最好上传原件。",
        "en": "This is a scan: the table's text was read by OCR and may be wrong (a \"≥\" read as \">\", a digit or unit misread). "
              "Check every name, unit and target against the paper; if you have the Word, Excel or text PDF original, upload that instead."},
    "advice_hidden_left_out": {
        "zh": "表中隐藏的 {rows} 行、{columns} 列未读取（按表格显示的内容读取，与 Excel 中看到的一致）。如果隐藏的行列"
              "（或筛选掉的行）也属于这张表，请先在 Excel 中取消隐藏或清除筛选，再上传。",
        "en": "Rows and columns the sheet hides were left out ({rows} rows, {columns} columns): the table is read as the sheet shows it. "
              "If the hidden rows or columns (or rows a filter hides) belong to the table, unhide them or clear the "
              "filter in Excel and upload again."},
    "advice_names_only": {
        "zh": "这段文字只有指标名称，没有指标值（复制在“指标值”一列之前就断了，或网页去掉了数字）：已列出 {n} 个指标名称，"
              "层级和目标值都没有读出，请在核对时填写。如有原文件，请直接上传 Excel、Word 或 PDF 文件。",
        "en": "This text holds the indicators' names but no values (the copy stops before the value column, or the "
              "page dropped its digits): {n} names are listed, without their levels or targets; fill them in when "
              "you review. If you have the file, upload the Excel, Word or PDF file itself."},
    "year_from_note": {"zh": "指标值列没有写年度：按{where}取为 {year} 年。如不对，请在上方“目标值所属年度”中填写。",
                       "en": "The value columns name no year: {year} was taken from {where}. If that is wrong, enter the year above "
                             "(year of the target values)."},
    "year_from_title": {"zh": "表的标题", "en": "the table's title"},
    "year_from_title_span": {"zh": "标题中的实施期", "en": "the period in the title"},
    "year_from_project_name": {"zh": "项目名称", "en": "the project's name"},
    "year_from_sheet_name": {"zh": "工作表名", "en": "the sheet's name"},
    "year_from_file_name": {"zh": "文件名", "en": "the file's name"},
    "year_from_form_above": {"zh": "上面一张表的年度", "en": "the form above"},
    "year_from_text": {"zh": "文字中写的年度", "en": "the year the text names"},
    "forms_found": {"zh": "{file} 中有 {n} 张目标表（{names}），已全部读出，每个指标注明所在的表；只要其中一张时用 --form 序号。",
                    "en": "{file} holds {n} forms ({names}); all were read, each indicator with its form; use --form N for one of them."},
    "forms_found_one": {"zh": "{k}. {name}：{n} 个指标", "en": "{k}. {name}: {n} indicators"},
    "empty": {"zh": "{file}：文件是空的。", "en": "{file}: the file is empty."},
    "too_large": {"zh": "{file}：文件超过20 MB。", "en": "{file}: the file is over 20 MB."},
    "too_large_unpacked": {"zh": "{file}：文件解压后超过 {detail}，不像一张目标表，未读取。",
                           "en": "{file}: the file unpacks to more than {detail}; it is not read as a target table."},
    "too_many_rows": {"zh": "{file}：表格超过 {detail} 行（一行一格的文本按有文字的行数计），不像一张目标表，未读取。请只保留指标表部分。",
                      "en": "{file}: the table has more than {detail} rows (for one cell per line, lines with text); it is not read as a target table. Keep only the indicator table."},
    "pdf_reader_missing": {"zh": "{file}：读取PDF需要安装 pdfplumber（见 requirements.txt）；也可以复制表格文本粘贴。",
                           "en": "{file}: reading a PDF needs pdfplumber (see requirements.txt); or copy the table's text and paste it."},
    "no_pdf_table": {"zh": "{file}：PDF中没有可读取的文字（共{detail}行），像是扫描件或图片，无法读取表格。请复制表格文本粘贴，或上传Word/Excel原件。",
                     "en": "{file}: the PDF holds no text to read ({detail} lines): it looks like a scan or an image. Paste the table's text, or upload the Word or Excel original."},
    "pdf_text_unmapped": {"zh": "{file}：这份PDF的文字用的字体没有字符映射，读出来（复制出来）都是乱码，无法读取表格。请上传 Word 或 Excel 原件"
                                "（可向制表单位索取）。",
                          "en": "{file}: this PDF draws its text in fonts that map it to no characters, so what it gives (and what a copy "
                                "gives) is garbage; the table cannot be read. Upload the Word or Excel original (ask "
                                "whoever made the table for it)."},
    "too_many_pages": {"zh": "{file}：文件超过 {detail} 页，不像一张目标表。请只导出含目标表的页，或复制表格文本粘贴。",
                       "en": "{file}: the document has more than {detail} pages. Export only the pages with the table, or paste the table's text."},
    "too_many_objects": {"zh": "{file}：页面中的文字和图形对象超过 {detail} 个，未读取。",
                         "en": "{file}: the pages hold more than {detail} characters and drawn objects; they are not read."},
    "time_limit": {"zh": "{file}：读取超过 {detail} 秒，已停止。请只保留含目标表的页。",
                   "en": "{file}: reading took more than {detail} seconds and was stopped. Keep only the pages with the table."},
    "too_many_cells": {"zh": "{file}：表格有超过 {detail} 个非空单元格，不像一张目标表，未读取。请只保留指标表部分。",
                       "en": "{file}: the table has more than {detail} filled cells; it is not read as a target table. Keep only the indicator table."},
    "too_much_text": {"zh": "{file}：表格各单元格的文字合计超过 {detail} 个字符（合并单元格按其覆盖的每个单元格计），不像一张目标表，未读取。请只保留指标表部分。",
                      "en": "{file}: the table's cells hold more than {detail} characters together (a merged cell counted in every cell it covers); it is not read as a target table. Keep only the indicator table."},
    "too_many_sheets": {"zh": "{file}：工作簿有 {detail} 张工作表，超过上限，未读取。请把目标表所在的工作表另存为一个工作簿后再上传。",
                        "en": "{file}: the workbook has {detail} sheets, more than the limit; it is not read. Save the sheet with the table as a workbook of its own and upload that."},
    "too_many_columns": {"zh": "{file}：表格的一行超过 {detail} 个单元格，不像一张目标表，未读取。",
                         "en": "{file}: a row of the table has more than {detail} cells; it is not read as a target table."},
    "not_as_named": {"zh": "{file}：文件扩展名是 {detail}，但内容不是这种文件（可能已损坏、没有下载完整，或被改了扩展名）。请打开原件另存一份再上传，或复制表格文字粘贴。",
                     "en": "{file}: the file is named {detail} but its content is not such a file (damaged, cut off in download, or renamed). Open the original, save a fresh copy and upload that, or paste the table's text."},
    "password_protected": {"zh": "{file}：文件设有密码（打开密码或加密保护），无法读取。请用密码在 Excel、Word、WPS 或 PDF 阅读器中打开，"
                                 "取消密码后另存一份再上传，或复制表格文字粘贴。",
                           "en": "{file}: the file is protected by a password (to open it, or encrypted), so it cannot be read. Open it "
                                 "with its password in Excel, Word, WPS or a PDF reader, remove the password, save a copy and upload "
                                 "that, or paste the table's text."},
    "bad_encoding": {"zh": "{file}：文本既不是UTF-8也不是GBK编码。", "en": "{file}: the text is neither UTF-8 nor GBK."},
    "mixed_encoding": {"zh": "{file}：第 {detail} 行的文字编码与其他行不同（其他行是 UTF-8，这一行像是 GBK），未读取，以免读成乱码。"
                             "请用记事本或 WPS 打开后另存为 UTF-8 编码，或复制表格文字粘贴。",
                       "en": "{file}: line {detail} is in another text encoding than the other lines (they are UTF-8, this one "
                             "looks like GBK); the file is not read, lest it come out garbled. Open it in Notepad or WPS and save it "
                             "as UTF-8, or paste the table's text."},
    "cell_too_long": {"zh": "{file}：有一个单元格超过 {detail} 个字符（常见原因是某个引号 \" 没有配对，后面的内容都被算进了这一格），"
                            "不像一张目标表，未读取。请检查引号，或复制表格文字粘贴。",
                      "en": "{file}: a cell holds more than {detail} characters (most often a quote \" that is never closed, so "
                            "everything after it falls into one cell); it is not read as a target table. Check the quotes, or "
                            "paste the table's text."},
    "bad_excel": {"zh": "{file}：无法读取该 Excel 工作簿：文件可能已损坏，或只下载、上传了一部分。请用 Excel 或 WPS 打开原文件，"
                        "另存为 .xlsx 后再上传，或复制表格文字粘贴。",
                  "en": "{file}: the Excel workbook cannot be read: it may be damaged, or only partly downloaded or uploaded. "
                        "Open the original in Excel or WPS, save it as .xlsx and upload that, or paste the table's text."},
    "xlsb_file": {"zh": "{file}：这是 Excel 二进制工作簿（.xlsb），不能直接读取。请在 Excel 中「另存为」→「Excel 工作簿（*.xlsx）」后上传，"
                        "或复制表格文字粘贴。",
                  "en": "{file}: this is an Excel binary workbook (.xlsb), which cannot be read directly. In Excel use Save As → "
                        "\"Excel Workbook (*.xlsx)\" and upload that, or paste the table's text."},
    "old_word_doc": {"zh": "{file}：无法读取这份旧版 Word 文档（.doc 或 WPS 文字：{detail}）。请在 Word 或 WPS 中“另存为” .docx 后上传，或复制表格文本粘贴。",
                     "en": "{file}: this old-format Word document (.doc or WPS Writer) cannot be read ({detail}). Save it as .docx in Word or WPS and upload that, or paste the table's text."},
    "bad_docx": {"zh": "{file}：无法读取该Word文档。", "en": "{file}: the Word document cannot be read."},
    "image_file": {"zh": "{file}：这是一张图片（截图或扫描件），无法从图片中读取文字。请上传原始的 Excel、Word 或 PDF 文件，或复制表格文字粘贴。",
                   "en": "{file}: this is a picture (a screenshot or a scan); no text can be read from it. Upload the original Excel, Word or PDF file, or paste the table's text."},
    "archive_file": {"zh": "{file}：这是一个压缩包，请先解压，再上传其中的目标表文件。",
                     "en": "{file}: this is an archive; unpack it and upload the target table inside."},
    "bad_ofd": {"zh": "{file}：无法读取这份 OFD 版式文件（{detail} 缺失或已损坏）。请在阅读器中“另存为/导出” PDF 后上传，或复制表格文字粘贴。",
                "en": "{file}: this OFD document cannot be read ({detail} is missing or damaged). Export it as PDF in the reader and upload that, or paste the table's text."},
    "ofd_no_text": {"zh": "{file}：OFD 版式文件中没有可读取的文字，像是扫描件或图片（文字转成了图形），无法读取表格。请复制表格文本粘贴，或上传 Word / Excel 原件。",
                    "en": "{file}: the OFD document holds no text to read: it looks like a scan or an image (or its text was turned into outlines). Paste the table's text, or upload the Word or Excel original."},
    "bad_odf": {"zh": "{file}：无法读取这份 OpenDocument 文件（.ods/.odt，{detail} 缺失或已损坏）。请在 WPS、Office 或 LibreOffice 中另存为 .xlsx 或 .docx 后上传，或复制表格文字粘贴。",
                "en": "{file}: this OpenDocument file (.ods/.odt) cannot be read ({detail} is missing or damaged). Save it as .xlsx or .docx in WPS, Office or LibreOffice and upload that, or paste the table's text."},
    "slides_file": {"zh": "{file}：这是 PowerPoint 演示文稿，不是目标表。请上传目标表的 Excel、Word 或 PDF 文件。",
                    "en": "{file}: this is a PowerPoint deck, not a target table. Upload the table's Excel, Word or PDF file."},
    "html_frames": {"zh": "{file}：这是 Excel“另存为网页”生成的框架页，表格在同名文件夹里的 sheet001.htm 等文件中。请上传该文件，或在 Excel / WPS 中另存为 .xlsx 后上传。",
                    "en": "{file}: this is the frame page of a workbook saved as a web page; the tables are in sheet001.htm and the like in the folder beside it. Upload that file, or save the workbook as .xlsx and upload that."},
    "bad_markup": {"zh": "{file}：这份网页或 XML 表格无法读取（{detail}）。请在浏览器中选中表格复制后粘贴，或在 Excel / WPS 中另存为 .xlsx 后上传。",
                   "en": "{file}: this web page or XML sheet cannot be read ({detail}). Select the table in the browser and paste it, or save it as .xlsx in Excel or WPS and upload that."},
    "word_table_picture": {"zh": "{file}：Word文档中没有表格，只有图片（表格是以截图或扫描件贴进来的），无法从图片中读取文字。"
                                 "请向制表单位索取原始的 Excel 或 Word 表格，或把表格文字粘贴进来。",
                           "en": "{file}: the Word document holds no table, only pictures (the table was pasted as a screenshot or a "
                                 "scan); no text can be read from a picture. Ask whoever made the table for the Excel or Word "
                                 "original, or paste the table's text."},
    "sheet_table_picture": {"zh": "{file}：工作表中没有找到绩效指标表，但有图片（表格可能是以截图或扫描件贴进来的），无法从图片中读取文字。"
                                  "请向制表单位索取原始的 Excel 或 Word 表格，或把表格文字粘贴进来。开头几行是：{sample}",
                            "en": "{file}: no target table was found in the sheet, but it holds pictures (the table may have been "
                                  "pasted as a screenshot or a scan); no text can be read from a picture. Ask whoever made the table "
                                  "for the Excel or Word original, or paste the table's text. The first rows: {sample}"},
    "no_word_table": {"zh": "{file}：Word文档中没有表格（只有{detail}段文字）。请粘贴表格或另存为Excel。",
                      "en": "{file}: the Word document has no table (only {detail} paragraphs). Paste the table or save it as Excel."},
    "no_sheet": {"zh": "{file}：没有这个工作表；现有工作表：{detail}。", "en": "{file}: no such sheet; the sheets are: {detail}."},
    "xls_reader_missing": {"zh": "{file}：旧版.xls需要安装xlrd才能读取；请另存为.xlsx后再试。",
                           "en": "{file}: an old .xls needs the xlrd package; save it as .xlsx and try again."},
    "row_no_value": {"zh": "{where}：有指标名称但没有可读的指标值：{text}", "en": "{where}: a name but no value to read: {text}"},
    "row_bad_value": {"zh": "{where}：指标值无法读取（{cells}）：{text}", "en": "{where}: a value cannot be read ({cells}): {text}"},
    "row_weights_only": {"zh": "{where}：指标值列写的是分值而不是目标，指标名称也没有写出目标：{text}",
                         "en": "{where}: the value columns hold scores, not targets, and the name states no target: {text}"},
    "row_no_name": {"zh": "{where}：有数值但没有指标名称：{text}", "en": "{where}: values but no indicator name: {text}"},
    "cell_error_not_a_value": {"zh": "不是数值", "en": "not a value"},
    "cell_error_change": {"zh": "这是相对上年的增减（如“下降5%”“同比增长10%”），要有上年的基数才能换算为目标值，请在核对时填写换算后的目标",
                          "en": "a change on the year before (下降5%, 同比增长10%): it needs last year's figure to become a target; "
                                "fill in the target it comes to when you review"},
    "cell_error_words_before_number": {"zh": "数字前有无法识别的文字", "en": "words before the number that cannot be read"},
    "cell_error_percent_over_100": {"zh": "比率超过100%，疑为录入错误", "en": "a rate above 100%, likely a slip"},
    "cell_error_bad_target": {"zh": "无法识别的目标写法", "en": "a target written in a way that cannot be read"},
    "cell_error_not_a_number": {"zh": "不是数字", "en": "not a number"},
    "cell_error_masked": {"zh": "数值未填写或被隐去（如 ≥**人），请填入目标", "en": "the number is a blank or masked (≥**人): fill in the target"},
    "cell_error_odd_digits": {"zh": "含有异常字符", "en": "odd characters in the number"},
    "skipped_header": {"zh": "重复的表头", "en": "repeated header"},
    "skipped_sign_off": {"zh": "签署/备注行", "en": "sign-off or note row"},
    "skipped_note": {"zh": "评分方法说明行（定量指标计算：……记满分）", "en": "note on how rows are scored"},
    "skipped_fragment": {"zh": "名称处只有片段（高、是、有效、勾选项或表头词），不成指标", "en": "only a fragment where a name stands (a word, a tick box, header words)"},
    "skipped_total": {"zh": "合计行", "en": "total row"},
    "skipped_facts": {"zh": "项目信息（项目名称、单位、类别、预算数、绩效目标），不是指标",
                      "en": "the project's facts (name, office, category, budget, goal), not an indicator"},
    "skipped_label": {"zh": "层级标签行", "en": "level label row"},
    "skipped_after_table": {"zh": "表格之后的内容", "en": "after the table"},
    "skipped_placeholder": {"zh": "模板空行（指标2、……）", "en": "empty template line (指标2, ……)"},
    "skipped_prose": {"zh": "没有目标数值的语句", "en": "a sentence without a target value"},
    "skipped_repeat": {"zh": "与上一行相同的指标（合并单元格跨多行）", "en": "the same indicator as the row above (a cell merged over rows)"},
    "funding_unallocated": {"zh": "资金总额 {total}，所列资金来源（{sources}）合计 {listed}，{gap_words}；执行率按资金总额 {total} 计算，请核对是否漏列了资金来源。",
                            "en": "The total funding is {total} but the sources listed ({sources}) add up to {listed}: {gap_words}. Execution is measured against the total, {total}; check whether a source was left out."},
    "funding_unlisted": {"zh": "其余 {gap} 未列明来源", "en": "{gap} is in no source listed"},
    "funding_from_text": {"zh": "{where}：{reason}。请核对这是本项目的资金，而不是整个专项或多个项目合计的资金；不是的话请改正或删除。",
                          "en": "{where}: {reason}. Check that this is the project's own funding, not a whole programme's or several projects' together; correct or delete it if not."},
    "funding_over": {"zh": "比总额多 {gap}", "en": "{gap} more than the total"},
}
