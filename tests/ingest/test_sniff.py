"""Files that hold no table text say what they are (analytics/ingest/tables/sniff.py)."""

from __future__ import annotations

from pathlib import Path

from analytics.ingest.tables import NoTable, TableReading, parse_table

ROOT = Path(__file__).resolve().parents[2]


def test_files_that_hold_no_table_text_say_what_they_are() -> None:
    import io
    import zipfile

    from analytics.present.tables_text import no_table_message

    def zipped(*names: str, first: bytes = b"") -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            for n in names:
                zf.writestr(n, first if n == "mimetype" else b"x")
        return buf.getvalue()

    png = (ROOT / "docs" / "indicator.png").read_bytes()
    cases = {"截图.png": (png, "image_file"), "扫描.jpg": (b"\xff\xd8\xff\xe0" + bytes(200), "image_file"),
             "表.rar": (b"Rar!\x1a\x07\x00" + bytes(50), "archive_file"), "表.zip": (zipped("a.txt"), "archive_file"),
             "坏的表.ofd": (zipped("OFD.xml", "Doc_0/Document.xml"), "bad_ofd"),
             "坏的表.ods": (zipped("mimetype", "content.xml", first=b"application/vnd.oasis.opendocument.spreadsheet"), "bad_odf"),
             "表.pptx": (zipped("[Content_Types].xml", "ppt/presentation.xml"), "slides_file"),
             "表.xlsb": (zipped("[Content_Types].xml", "xl/workbook.bin", "xl/worksheets/sheet1.bin"), "xlsb_file"),
             "坏的表.xlsx": (zipped("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"), "bad_excel"),
             "改名的截图.xlsx": (png, "image_file"), "下载中断.xlsx": (bytes(range(256)) * 8, "not_as_named"),
             "乱码.docx": (b"\x81\xff\x00" * 300, "not_as_named"), "坏的.pdf": (b"\xfe\x00\x99" * 300, "not_as_named")}
    for name, (data, code) in cases.items():
        got = parse_table(data, filename=name)
        assert isinstance(got, NoTable) and got.code == code, (name, got)
        for lang in ("zh", "en"):
            message = no_table_message(got, name, lang)
            assert name in message and "tables." not in message and "bad_excel" not in message  # no code for a reason


def test_a_text_is_comma_separated_only_when_its_records_have_even_fields() -> None:
    """An export (the same number of fields on most lines) is CSV; sentences with commas, or a form
    run together on one line, are text read the text's ways."""
    from analytics.ingest.tables.sources import split_text

    export = "一级指标,二级指标,三级指标,指标值\n产出指标,数量指标,培训人次,≥280人次\n产出指标,质量指标,合格率,≥95%\n"
    assert split_text(export).fmt == "csv"
    prose = "项目绩效目标：2023年，培训人数达到500人次，满意度不低于95%。\n另外,要求资金支付率,达到90%以上,按时完成。\n"
    assert split_text(prose).fmt == "text-lines"
    one_line = "专项名称,普惠金融,年度总体目标,目标1:支持农村金融,一级指标二级指标三级指标指标值≥10%\n"
    assert split_text(one_line).fmt == "text-lines"
    # a document-sharing site's pages of a form run together, a few commas on each: pieces far longer than fields
    pages = ("《某县项目支出绩效自评表.docx》由会员分享,可在线阅读,更多相关《某县项目支出绩效自评表.docx(5页珍藏版)》请在文库上搜索。\n"
             "1、某县项目支出绩效自评表(2021年)项目名称初中公用经费主管部门某县教育局实施单位某县第六中学项目资金(万元)"
             "年度资金总额64.864.864.8100%,年度总体目标保障学校正常工作运行,一级指标二级指标三级指标参考分值指标值(A)"
             "全年实际值(B)得分项目决策(10分)项目目标完整性4目标明确、内容细化、目标量化4\n"
             "2、预算执行率10100%9财务管理制度有效性7财务制度健全,严格执行制度,会计核算规范7数量指标(10分)保障人数10"
             "2370人2370人10时效指标(5分)公用经费完成时间52021年12月完成2021年12月完成4\n"
             "3、社会效益指标效果显著15改善学校的办学条件改善学校的办学条件13可持续影响指标使学生和老师有更好的学习和工作"
             "环境,做到10社会认可的办学环境,社会认可的办学环境8\n")
    assert split_text(pages).fmt == "text-lines"


def test_a_document_or_sheet_holding_its_table_as_a_picture_says_so() -> None:
    """A Word document with no table but a picture, or a sheet with no table and a picture (a table
    pasted as a screenshot or scan), says the table may be a picture and asks for the original; one
    with neither says it has no table."""
    import io

    import docx

    from analytics.present.tables_text import no_table_message

    def document(picture: bool) -> bytes:
        doc = docx.Document()
        doc.add_paragraph("附件：项目支出绩效目标表")
        if picture:
            doc.add_picture(str(ROOT / "docs" / "indicator.png"))
        buf = io.BytesIO()
        doc.save(buf)
        return buf.getvalue()

    pasted, empty = parse_table(document(True), filename="截图.docx"), parse_table(document(False), filename="空.docx")
    assert isinstance(pasted, NoTable) and pasted.code == "word_table_picture"
    assert "图片" in no_table_message(pasted, "截图.docx", "zh") and "picture" in no_table_message(pasted, "截图.docx", "en")
    assert isinstance(empty, NoTable) and empty.code == "no_word_table"
    import openpyxl
    from openpyxl.drawing.image import Image

    book = openpyxl.Workbook()
    book.active["A1"] = "附件：项目支出绩效目标表"
    book.active.add_image(Image(str(ROOT / "docs" / "indicator.png")), "A3")
    buf = io.BytesIO()
    book.save(buf)
    sheet = parse_table(buf.getvalue(), filename="截图.xlsx")
    assert isinstance(sheet, NoTable) and sheet.code == "sheet_table_picture"
    assert "附件：项目支出绩效目标表" in no_table_message(sheet, "截图.xlsx", "zh")
    assert isinstance(parse_table(ROOT / "tests" / "tables" / "generated" / "nanyue_fupin_2018.xlsx"), TableReading)


def test_a_word_file_without_its_text_part_is_said_as_a_broken_word_file() -> None:
    """A .docx whose zip lacks word/document.xml was read as a workbook: "the Excel workbook cannot
    be read" for a Word file."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/styles.xml", "<w:styles/>")
    got = parse_table(buf.getvalue(), filename="目标表.docx")
    assert isinstance(got, NoTable) and got.code == "bad_docx", got
