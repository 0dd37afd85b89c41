"""Target tables held as markup (analytics/ingest/tables/markup.py): saved web pages (.html, .mht),
a system's ".xls" that is an HTML table, Excel 2003 XML workbooks."""

from __future__ import annotations

import random
from html import escape
from pathlib import Path

from analytics.ingest.tables import NoTable, TableReading, parse_table
from analytics.ingest.tables.markup import MarkupError, html_rows, spreadsheetml_sheets
from analytics.ingest.tables.sources import ReadFailure, read_source, split_text
from tests.tables.make_fixtures import source_text

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "tests" / "tables" / "generated"

PAGE = """<!DOCTYPE html><html><head><title>页面标题不是表格</title>
<script>var t = "<table><tr><td>脚本里的表格</td></tr></table>";</script><style>td {color: red}</style></head>
<body><table class="layout"><tr><td><a href="/">首页</a> | <a href="/gk">政务公开</a></td></tr>
<tr><td><h2>XX县2023年农村公路养护项目支出绩效目标表</h2>
<TABLE border=1><caption>单位：万元</caption>
<thead><tr><th>一级指标<th>二级指标<th>三级指标<th>指标值</thead><tbody>
<tr><td rowspan=3>产出指标<td rowspan=2>数量指标<td>养护里程<td>≥120公里
<tr><td>新建公交站亭<td>12个
<tr><td>质量指标<td>养护路段优良率<br>（%）<td>≥85
<tr><td>效益指标<td>社会效益指标<td>群众出行条件<td>明显改善
<tr><td rowspan=9>满意度指标<td>服务对象满意度指标<td>沿线群众满意度<td>≥90%
</tbody></TABLE><p>填报人：张三</p></td></tr></table>
<!-- <table><tr><td>注释里的表格</td></tr></table> --></body></html>"""


def test_a_saved_page_spans_filled_layout_table_read_as_paragraphs() -> None:
    rows, refs, tables = html_rows(PAGE, 100, 100, 1000)
    assert tables == 2
    assert rows[0] == ["首页 | 政务公开"]  # the layout table's cell, a paragraph
    assert rows[1] == ["XX县2023年农村公路养护项目支出绩效目标表"]  # the text before the table comes first
    assert rows[2] == ["单位：万元"]  # the caption
    assert rows[3] == ["一级指标", "二级指标", "三级指标", "指标值"]
    assert rows[4] == ["产出指标", "数量指标", "养护里程", "≥120公里"]
    assert rows[5] == ["产出指标", "数量指标", "新建公交站亭", "12个"]  # rowspan filled
    assert rows[6] == ["产出指标", "质量指标", "养护路段优良率\n（%）", "≥85"]  # <br> a line break
    assert rows[-1] == ["填报人：张三"]  # the text after the table follows its rows
    assert refs[3] == "T2:1" and refs[-1].startswith("¶")
    text = "".join("".join(r) for r in rows)
    assert "脚本" not in text and "注释" not in text and "页面标题" not in text
    assert len(rows) == 10  # a rowspan past the table's end covers only its rows


def test_a_saved_page_is_read_as_a_target_table() -> None:
    reading = parse_table(PAGE.encode("gb18030"), filename="目标表.htm")
    assert isinstance(reading, TableReading)
    assert reading.source["format"] == "html" and reading.source["year"] == 2023
    got = {i["name"]: (i["unit"], i["kind"], i["targets"]["2023"]["raw"]) for i in reading.indicators}
    assert got == {"养护里程": ("公里", "flow", "≥120公里"), "新建公交站亭": ("个", "flow", "12个"),
                   "养护路段优良率": ("%", "rate", "≥85"), "群众出行条件": ("", "qualitative", "明显改善"),
                   "沿线群众满意度": ("%", "rate", "≥90%")}
    assert reading.unread == []


def test_text_running_over_empty_cells_is_not_a_merged_cell() -> None:
    page = ('<table><tr><td colspan=3 style="mso-ignore: colspan">一个很长的指标名称</td><td>≥5</td></tr>'
            '<tr><td colspan=2>合并</td><td>x</td><td>y</td></tr></table>')
    rows, _, _ = html_rows(page, 10, 10, 100)
    assert rows == [["一个很长的指标名称", "", "", "≥5"], ["合并", "合并", "x", "y"]]


def test_cells_and_rows_left_open_and_odd_spans() -> None:
    page = "<TABLE><TR><TD rowspan='x'>a<TD colspan=0>b<TR><TD>c</TD><td colspan=2;>d"  # cut off
    rows, refs, tables = html_rows(page, 10, 10, 100)
    assert rows == [["a", "b"], ["c", "d", "d"]] and refs == ["T1:1", "T1:2"] and tables == 1


def test_a_page_laid_out_without_tables_reads_like_a_copy_one_cell_a_line() -> None:
    rows = split_text(source_text(ROOT / "tests" / "tables" / "corpus" / "nanyue_fupin_2018.tsv")).rows
    page = "<html><body>" + "".join(f"<div>{escape(c)}</div>" for r in rows for c in r if c.strip()) + "</body></html>"
    reading = parse_table(page.encode(), filename="page.html")
    assert isinstance(reading, TableReading)
    assert reading.source["format"] == "text-lines" and reading.source["header_row"].startswith("¶")
    assert len(reading.indicators) == 16 and reading.unread == []


def test_spreadsheetml_merges_and_index_gaps() -> None:
    xml = ('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
           'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="表1"><Table>'
           '<Row><Cell ss:MergeAcross="2"><Data ss:Type="String">标题</Data></Cell></Row>'
           '<Row><Cell ss:MergeDown="1"><Data ss:Type="String">产出指标</Data></Cell>'
           '<Cell ss:Index="3"><Data ss:Type="Number">5</Data></Cell></Row>'
           '<Row ss:Index="4"><Cell ss:Index="2"><ss:Data ss:Type="String"><B>加粗</B>文字</ss:Data></Cell></Row>'
           '</Table></Worksheet></Workbook>').encode()
    (name, rows, numbers), = spreadsheetml_sheets(xml, 100, 100, 1000)
    assert name == "表1" and numbers == [1, 2, 3, 4]
    assert rows == [["标题", "标题", "标题"], ["产出指标", "", "5"], ["产出指标"], ["", "加粗文字"]]
    tables = read_source(xml, "t.xml")
    assert not isinstance(tables, ReadFailure) and tables[0].refs == ["表1!1", "表1!2", "表1!3", "表1!4"]
    assert read_source(xml, "t.xml", sheet="没有").code == "no_sheet"  # type: ignore[union-attr]


def test_spans_and_entities_are_bounded() -> None:
    bomb = "<table><tr><td rowspan=10000 colspan=100>x</td></tr>" + "<tr></tr>" * 7000 + "</table>"
    got = read_source(bomb.encode(), "bomb.html")
    assert isinstance(got, ReadFailure) and got.code == "too_many_cells"
    wide = "<table><tr>" + "<td colspan=60>x</td>" * 3 + "</tr></table>"
    assert read_source(wide.encode(), "wide.html").code == "too_many_columns"  # type: ignore[union-attr]
    many = "<table>" + "<tr><td>x</td></tr>" * 9000 + "</table>"
    assert read_source(many.encode(), "many.html").code == "too_many_rows"  # type: ignore[union-attr]
    laughs = ('<?xml version="1.0"?><!DOCTYPE Workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
              '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row><Cell><Data>'
              '&b;&b;&b;</Data></Cell></Row></Table></Worksheet></Workbook>').encode()
    got = read_source(laughs, "x.xml")
    assert isinstance(got, ReadFailure) or "aaaaaaaaaa" not in "".join(got[0].rows[0])  # never expanded
    merged_down = ('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                   'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row>'
                   '<Cell ss:MergeDown="99999999" ss:MergeAcross="99"><Data>x</Data></Cell></Row></Table></Worksheet>'
                   '</Workbook>').encode()
    assert read_source(merged_down, "x.xml").code == "too_many_cells"  # type: ignore[union-attr]


def test_a_system_export_named_xls_and_a_page_saved_as_one_file() -> None:
    xls = GENERATED / "chizhou_weituo_ziping_2022.web.xls"
    reading = parse_table(xls)
    assert isinstance(reading, TableReading) and reading.source["format"] == "html"
    mht = parse_table(GENERATED / "ningde_rencaiyizhan_2023.mht")
    assert isinstance(mht, TableReading) and mht.source["format"] == "html" and len(mht.indicators) == 5
    no_page = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\n" \
              b"Content-Type: image/png\r\n\r\nxx\r\n--b--\r\n"
    got = parse_table(no_page, filename="x.mht")
    assert isinstance(got, NoTable) and got.code == "bad_markup"
    binary = parse_table(bytes(range(256)) * 4, filename="x.xls")
    assert isinstance(binary, NoTable) and binary.code == "bad_excel"  # named .xls, neither OLE nor markup nor text
    tsv = "项目支出绩效目标表（2023年度）\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人次\t≥500人次\n"
    text = parse_table(tsv.encode("gb18030"), filename="导出.xls")  # a system's text export named .xls
    assert isinstance(text, TableReading) and text.indicators[0]["targets"]["2023"]["value"] == 500


def test_damaged_pages_never_raise() -> None:
    data = (GENERATED / "seed_dongguan.html").read_bytes()
    rnd = random.Random(7)
    for _ in range(30):
        cut = data[: rnd.randrange(len(data))]
        noisy = bytearray(cut)
        for _ in range(20):
            if noisy:
                noisy[rnd.randrange(len(noisy))] = rnd.randrange(256)
        for blob in (cut, bytes(noisy)):
            got = parse_table(blob, filename="page.html")
            assert isinstance(got, (TableReading, NoTable))


def test_markup_errors_are_codes() -> None:
    try:
        spreadsheetml_sheets(b"<?xml version='1.0'?><Workbook", 10, 10, 10)
    except MarkupError as exc:
        assert str(exc) == "bad_markup"
    else:
        raise AssertionError("a broken workbook must be refused")



def test_the_frame_page_of_a_workbook_saved_as_a_web_page_says_where_the_tables_are() -> None:
    from analytics.present.tables_text import no_table_message

    page = ('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><title>目标表</title></head>'
            '<frameset rows="*,39"><frame src="目标表.files/sheet001.htm" name="frSheet">'
            '<frame src="目标表.files/tabstrip.htm" name="frTabs"></frameset></html>')
    got = parse_table(page.encode(), filename="目标表.htm")
    assert isinstance(got, NoTable) and got.code == "html_frames"
    assert "sheet001.htm" in no_table_message(got, "目标表.htm", "zh")


def test_a_workbook_saved_by_excel_as_one_file_reads_its_sheets_not_its_frame_page() -> None:
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    frames = '<html><frameset rows="*,39"><frame src="sheet001.htm"><frame src="tabstrip.htm"></frameset></html>'
    sheet = ("<html><body><table><tr><td>项目支出绩效目标表（2024年度）</td></tr>"
             "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"
             "<tr><td>产出指标</td><td>数量指标</td><td>培训人次</td><td>≥500人次</td></tr></table></body></html>")
    msg = MIMEMultipart("related")
    for page in (frames, sheet, "<html><body>tabs</body></html>"):
        msg.attach(MIMEText(page, "html", "utf-8"))
    got = parse_table(msg.as_bytes(), filename="目标表.mht")
    assert isinstance(got, TableReading) and [i["name"] for i in got.indicators] == ["培训人次"]
    assert got.indicators[0]["targets"]["2024"]["value"] == 500


EVALUATION_PAGE = """<div class="tablename">大通关项目支出绩效评价表</div>
<table><tr><td rowspan="2">一级指标</td><td rowspan="2">权重</td><td rowspan="2">二级指标</td><td rowspan="2">分值</td>
<td rowspan="2">三级指标</td><td rowspan="2">计量单位</td><td rowspan="2">目标值(标准)</td><td rowspan="2">分值</td>
<td colspan="2">采集数据项</td><td rowspan="2">指标值</td></tr>
<tr><td>数据项1</td><td>数据项2</td></tr>
<tr><td rowspan="8">项目效果</td><td rowspan="8">25</td><td rowspan="3">经济效益</td><td rowspan="3">50</td>
<td>电子通关率</td><td>%</td><td>100%</td><td>10</td><td><input name="a"/></td><td><input name="b"/></td><td><input name="c"/></td></tr>
<tr><td rowspan="2">是否减少了企业通关成本</td><td rowspan="2">是/否</td><td rowspan="2">是</td><td>5</td>
<td rowspan="2"><input name="d"/></td><td colspan="2">①<input name="e"/></td></tr>
<tr><td>5</td><td colspan="2">②<input name="f"/></td></tr>
<tr><td rowspan="2">环境效益</td><td rowspan="2"> </td><td> </td><td> </td><td> </td><td> </td><td> </td><td colspan="2"> </td></tr>
<tr><td> </td><td> </td><td> </td><td> </td><td> </td><td colspan="2"> </td></tr>
<tr><td rowspan="3">社会效益</td><td rowspan="3">50</td><td>核心系统被入侵次数</td><td>次</td><td>0</td><td>15</td>
<td><input name="g"/></td><td>/</td><td><input name="h"/></td></tr>
</table>"""


def test_an_evaluation_page_reads_its_standard_as_the_target_and_a_name_merged_over_rows_once() -> None:
    """A system's 绩效评价表 page: 目标值(标准) is the target column (标准 in brackets names the target,
    not a scoring standard), 采集数据项 (the data collected to work the value out) and the computed
    指标值 stay empty; a name and target merged over two rows (a row per scoring note) is one
    indicator, the second row listed as a repeat; a block label with nothing beside it (环境效益) is
    no indicator even though the first column's merged text (项目效果) stands before it."""
    result = parse_table(EVALUATION_PAGE.encode("utf-8"), filename="t.html", year=2016)
    assert isinstance(result, TableReading), result
    got = [(i["level2"], i["name"], i["targets"]["2016"]["raw"]) for i in result.indicators]
    assert got == [("经济效益", "电子通关率", "100%"), ("经济效益", "是否减少了企业通关成本", "是"),
                   ("社会效益", "核心系统被入侵次数", "0")]
    assert [s["reason"] for s in result.skipped].count("repeat") == 1
    assert not any(i["actuals"] for i in result.indicators)
