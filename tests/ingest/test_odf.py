"""OpenDocument spreadsheets and text documents (analytics/ingest/tables/odf.py)."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from analytics.ingest.tables import NoTable, TableReading, parse_table, source_grid
from analytics.present.tables_text import no_table_message

GENERATED = Path(__file__).resolve().parents[1] / "tables" / "generated"
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"')


def _odf(body: str, kind: str = "spreadsheet", styles: str = "") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", f"application/vnd.oasis.opendocument.{kind}", compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>'
                                   f"<office:automatic-styles>{styles}</office:automatic-styles><office:body>"
                                   f"<office:{kind}>{body}</office:{kind}></office:body></office:document-content>")
    return buf.getvalue()


def _cell(text: str = "", extra: str = "") -> str:
    return f"<table:table-cell {extra}><text:p>{text}</text:p></table:table-cell>" if text \
        else f"<table:table-cell {extra}/>"


def _row(*cells: str, extra: str = "") -> str:
    return f"<table:table-row {extra}>{''.join(cells)}</table:table-row>"


FORM = (_row(_cell("2024年度培训项目绩效目标表", 'table:number-columns-spanned="4"'),
             '<table:covered-table-cell table:number-columns-repeated="3"/>')
        + _row(_cell("一级指标"), _cell("二级指标"), _cell("三级指标"), _cell("指标值"))
        + _row(_cell("产出指标", 'table:number-rows-spanned="2"'), _cell("数量指标"), _cell("培训人次"),
               _cell("≥500<text:s/>人次"))
        + _row("<table:covered-table-cell/>", _cell("质量指标"), _cell("培训合格率"), _cell("≥95%"))
        + _row(_cell("满意度指标"), _cell("服务对象满意度指标"), _cell("学员满意度"), _cell("≥90%"),
               _cell(extra='table:number-columns-repeated="16380"'))
        + _row(_cell(extra='table:number-columns-repeated="16384"'), extra='table:number-rows-repeated="1048571"'))


def test_a_spreadsheet_s_merged_cells_are_filled_and_its_repeats_cost_nothing() -> None:
    """A sheet as LibreOffice saves it: a title merged across, a level merged down (covered cells),
    a blank written as ``text:s``, the unused columns and million rows as repeated elements (never
    written out); a hidden sheet (a stale copy) passed over unless asked for by name."""
    hidden = '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>'
    stale = _row(_cell("三级指标"), _cell("指标值")) + _row(_cell("旧指标"), _cell("≥1人"))
    data = _odf(f'<table:table table:name="旧表" table:style-name="ta2">{stale}</table:table>'
                f'<table:table table:name="目标表">{FORM}</table:table>', styles=hidden)
    start = time.perf_counter()
    got = parse_table(data, filename="目标.ods")
    assert time.perf_counter() - start < 5
    assert isinstance(got, TableReading), got
    assert [(i["level1"], i["name"], i["targets"]["2024"]["value"], i["unit"]) for i in got.indicators] == [
        ("产出指标", "培训人次", 500, "人次"), ("产出指标", "培训合格率", 95, "%"), ("满意度指标", "学员满意度", 90, "%")]
    assert got.source["format"] == "ods" and got.source["sheet"] == "目标表"
    refs, rows = source_grid(data, filename="目标.ods")
    assert refs[:2] == ["目标表!1", "目标表!2"] and rows[3][0] == "产出指标" and len(rows) == 5
    old = parse_table(data, filename="目标.ods", sheet="旧表")
    assert isinstance(old, TableReading) and [i["name"] for i in old.indicators] == ["旧指标"]
    missing = parse_table(data, filename="目标.ods", sheet="Sheet9")
    assert isinstance(missing, NoTable) and missing.code == "no_sheet" and "目标表" in missing.detail


def test_a_text_document_s_table_is_read_with_the_title_above_it() -> None:
    """An .odt: the paragraphs above the table (its title with the year) and the table, its merged
    level filled down."""
    body = "<text:h>2023年度项目支出绩效目标表</text:h><text:p>项目名称：培训项目</text:p>" \
        + f'<table:table table:name="表格1">{FORM.split("</table:table-row>", 1)[1]}</table:table>'
    got = parse_table(_odf(body.replace("2024", "2023"), "text"), filename="目标.odt")
    assert isinstance(got, TableReading), got
    assert [(i["level1"], i["name"], i["targets"]["2023"]["value"]) for i in got.indicators] == [
        ("产出指标", "培训人次", 500), ("产出指标", "培训合格率", 95), ("满意度指标", "学员满意度", 90)]
    assert got.source["format"] == "odt"


def test_a_table_in_a_frame_s_text_box_is_read_where_the_frame_stands() -> None:
    """What a PDF converter makes of a page: the form in a frame's text box anchored in a paragraph
    (a box inside it read with it, once); its cells are not run into the paragraph's text."""
    table = f'<table:table table:name="表格1">{FORM.split("</table:table-row>", 1)[1]}</table:table>'
    inner = f'<draw:frame><draw:text-box><text:p>附表</text:p></draw:text-box></draw:frame>'
    body = ("<text:h>2023年度项目支出绩效目标表</text:h><text:p>见下表<draw:frame><draw:text-box>"
            f"<text:p>绩效指标{inner}</text:p>{table}</draw:text-box></draw:frame></text:p>")
    got = parse_table(_odf(body.replace("2024", "2023"), "text"), filename="目标.odt")
    assert isinstance(got, TableReading), got
    assert [(i["name"], i["targets"]["2023"]["value"]) for i in got.indicators] == [
        ("培训人次", 500), ("培训合格率", 95), ("学员满意度", 90)]
    refs, rows = source_grid(_odf(body, "text"), filename="目标.odt")
    assert [r[0] for r in rows[:4]] == ["2023年度项目支出绩效目标表", "见下表", "绩效指标附表", "一级指标"]
    assert refs[3] == "T1:1" and len(rows) == 7  # the table once, after the box's paragraph


@pytest.mark.parametrize("ods,xlsx", [("seed_dongguan.ods", "seed_dongguan.xlsx"),
                                      ("seed_dongguan.odt", "seed_dongguan.docx"),
                                      ("chizhou_weituo_ziping_2022.ods", "chizhou_weituo_ziping_2022.xlsx")])
def test_an_opendocument_file_reads_like_the_office_file_it_was_saved_from(ods: str, xlsx: str) -> None:
    """The workbooks and Word tables saved as .ods / .odt by LibreOffice read as their originals."""
    want, got = parse_table(GENERATED / xlsx), parse_table(GENERATED / ods)
    assert isinstance(want, TableReading) and isinstance(got, TableReading), got
    assert [(i["name"], i["unit"], i["kind"], i["targets"]) for i in got.indicators] == \
        [(i["name"], i["unit"], i["kind"], i["targets"]) for i in want.indicators]
    assert got.project.get("funding") == want.project.get("funding") and len(got.indicators) >= 9


@pytest.mark.parametrize("data,code", [
    (_odf('<table:table table:name="a"><table:table-row>', "spreadsheet"), "bad_odf"),
    (_odf("", "presentation"), "slides_file"),
    (_odf("", "text"), "no_word_table")])
def test_an_opendocument_file_that_cannot_be_read_says_why(data: bytes, code: str) -> None:
    got = parse_table(data, filename="表.ods")
    assert isinstance(got, NoTable) and got.code == code, got
    for lang in ("zh", "en"):
        message = no_table_message(got, "表.ods", lang)
        assert "表.ods" in message and "{" not in message and code not in message


def test_a_spreadsheet_s_hidden_rows_and_columns_are_left_out() -> None:
    """Rows and columns a sheet hides (``table:visibility="collapse"``: an 指标编码 column, an old row)
    are not read, as the form is shown; a level merged over the hidden row still covers the rows shown."""
    columns = ('<table:table-column table:number-columns-repeated="3"/><table:table-column table:visibility="collapse"/>'
               '<table:table-column/>')
    body = ('<table:table table:name="目标表">' + columns
            + _row(_cell("2024年度培训项目绩效目标表"))
            + _row(_cell("一级指标"), _cell("二级指标"), _cell("三级指标"), _cell("指标编码"), _cell("指标值"))
            + _row(_cell("产出指标", 'table:number-rows-spanned="3"'), _cell("数量指标"), _cell("培训人次"), _cell("A0001"),
                   _cell("≥500人次"))
            + _row("<table:covered-table-cell/>", _cell("数量指标"), _cell("旧指标"), _cell("A0002"), _cell("≥9人次"),
                   extra='table:visibility="collapse"')
            + _row("<table:covered-table-cell/>", _cell("质量指标"), _cell("培训合格率"), _cell("A0003"), _cell("≥95%"))
            + "</table:table>")
    got = parse_table(_odf(body), filename="目标.ods")
    assert isinstance(got, TableReading), got
    assert [(i["level1"], i["name"], i["targets"]["2024"]["raw"]) for i in got.indicators] == [
        ("产出指标", "培训人次", "≥500人次"), ("产出指标", "培训合格率", "≥95%")]
    assert got.source["hidden"] == {"rows": 1, "columns": 1} and got.source["advice"] == "hidden_left_out"
    _, rows = source_grid(_odf(body), filename="目标.ods")
    assert not any(c.startswith("A000") or c == "旧指标" for r in rows for c in r)
