"""Texts split into rows and cells (analytics/ingest/tables/sources.py)."""

from __future__ import annotations

from analytics.ingest.tables.sources import split_text


def test_a_browser_copy_s_short_rows_ending_in_a_value_with_a_unit_per_unit_are_rows_of_their_own() -> None:
    """Rows of a browser's copy short by the merged cells left out are not one row broken over lines
    when the first ends in a value, however its unit is written (≤475元/亩, 1次/月)."""
    text = "\n".join([
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t备注",
        "\t产出指标\t成本指标\t流转土地补助标准\t<=475元/亩\t",
        "景观建设成本\t<=2875元/个\t",
        "时效指标\t城市道路以克论净量化考核\t1次/月\t",
        "环境卫生专项考核\t1次/月\t"])
    rows = split_text(text).rows
    assert [r[0] for r in rows[2:]] == ["景观建设成本", "时效指标", "环境卫生专项考核"]


def test_a_file_locked_with_a_password_says_so_and_a_pdf_with_permissions_only_is_read() -> None:
    """A file saved with a password to open it (tests/ingest/files/password_abc123.*: an .xlsx and a
    .docx encrypted as Office does, a PDF exported with an open password; an old .doc and .xls
    whose headers mark them encrypted) is told as such, with what to do, not as a damaged file; a
    PDF that only restricts printing and copying (an owner password) opens and is read."""
    import struct
    from pathlib import Path

    from analytics.ingest.validate import ingest_any
    from analytics.ingest.tables import NoTable, TableReading, parse_table
    from analytics.present.tables_text import no_table_message

    files, generated = Path(__file__).parent / "files", Path(__file__).parents[1] / "tables" / "generated"
    xls = bytearray((generated / "seed_dongguan.xls").read_bytes())
    bof = xls.find(b"\x09\x08\x10\x00\x00\x06\x05\x00")  # the workbook's BOF; the record after it becomes FILEPASS
    struct.pack_into("<H", xls, bof + 20, 0x002F)
    doc = bytearray((generated / "seed_dongguan.doc").read_bytes())
    fib = next(k for k in range(0, len(doc), 512) if doc[k:k + 2] == b"\xec\xa5")
    doc[fib + 0x0B] |= 0x01  # the FIB's fEncrypted flag
    locked = {f"password_abc123.{ext}": (files / f"password_abc123.{ext}").read_bytes() for ext in ("xlsx", "docx", "pdf")}
    locked |= {"locked.xls": bytes(xls), "locked.doc": bytes(doc)}
    for name, data in locked.items():
        result = parse_table(data, filename=name)
        assert isinstance(result, NoTable) and result.code == "password_protected", (name, result)
        assert "密码" in no_table_message(result, name, "zh") and "损坏" not in no_table_message(result, name, "zh")
        assert "password" in no_table_message(result, name, "en")
    actuals = ingest_any(locked["password_abc123.xlsx"], {}, filename="actuals.xlsx")
    assert [p.code for p in actuals.problems] == ["password_protected"]
    opened = parse_table(files / "permissions_only.pdf")
    assert isinstance(opened, TableReading)
    assert [(i["name"], i["targets"]["2024"]["raw"]) for i in opened.indicators] == [("培训人数", "≥500人"), ("服务对象满意度", "≥90%")]


def test_a_workbook_s_hidden_sheet_is_passed_over_unless_asked_for() -> None:
    """A stale copy of the form kept on a hidden sheet (here before the shown one) is not read as a
    second form; named with --sheet it is read."""
    import io
    from pathlib import Path

    import openpyxl

    from analytics.ingest.tables import TableReading, parse_table

    book = openpyxl.load_workbook(Path(__file__).parents[1] / "tables" / "generated" / "nanyue_fupin_2018.xlsx")
    stale = book.copy_worksheet(book.active)
    stale.title, stale.sheet_state = "旧版", "hidden"
    book.move_sheet("旧版", offset=-1)
    buf = io.BytesIO()
    book.save(buf)
    shown, asked = parse_table(buf.getvalue(), filename="t.xlsx"), parse_table(buf.getvalue(), filename="t.xlsx", sheet="旧版")
    assert isinstance(shown, TableReading) and isinstance(asked, TableReading)
    assert len(shown.indicators) == 16 and not shown.source.get("forms") and shown.source["sheet"] == "绩效目标表"
    assert len(asked.indicators) == 16 and asked.source["sheet"] == "旧版"


def test_a_table_naming_no_year_takes_the_one_its_sheet_or_file_name_states() -> None:
    """No year in the header or the title: the sheet's name, else the file's name, stated as a title
    (2024年绩效目标表, 2024年培训项目绩效目标表.xlsx) gives it, and says where it came from; a name
    that states none leaves the year to the reviewer."""
    import io

    import openpyxl

    from analytics.ingest.tables import TableReading, parse_table

    def workbook(sheet: str) -> bytes:
        book = openpyxl.Workbook()
        book.active.title = sheet
        for row in (["项目支出绩效目标表"], ["项目名称", "培训项目"], ["一级指标", "二级指标", "三级指标", "指标值"],
                    ["产出指标", "数量指标", "培训人数", "≥500人"]):
            book.active.append(row)
        buf = io.BytesIO()
        book.save(buf)
        return buf.getvalue()

    cases = {("2024年绩效目标表", "培训项目.xlsx"): ("2024", "sheet_name"),
             ("Sheet1", "2023年培训项目绩效目标表.xlsx"): ("2023", "file_name"), ("Sheet1", "培训项目2024.xlsx"): ("?", None)}
    for (sheet, file), (year, where) in cases.items():
        result = parse_table(workbook(sheet), filename=file)
        assert isinstance(result, TableReading)
        assert list(result.indicators[0]["targets"]) == [year] and result.source.get("year_from") == where, (sheet, file)
    from analytics.present.tables_text import year_message

    told = parse_table(workbook("Sheet1"), filename="2023年培训项目绩效目标表.xlsx").to_json()
    assert year_message(told, "zh") == "指标值列没有写年度：按文件名取为 2023 年。如不对，请在上方“目标值所属年度”中填写。"
    assert "the file's name" in (year_message(told, "en") or "")
    given = parse_table(workbook("Sheet1"), filename="2023年培训项目绩效目标表.xlsx", year=2024).to_json()
    assert year_message(given, "zh") is None and year_message(parse_table(workbook("Sheet1"), filename="t.xlsx").to_json(), "zh") is None


def test_a_workbook_s_hidden_rows_and_columns_are_left_out_of_the_form_as_it_is_shown(tmp_path) -> None:
    """A target table is read as the person sees it: a hidden column (指标编码) and a hidden row (an old
    indicator) are left out, a level merged over the hidden row still covers the rows shown; the
    data loader's read of the same sheet keeps every cell."""
    from pathlib import Path

    from openpyxl import Workbook

    from analytics.ingest.problems import Collector
    from analytics.ingest.tables import TableReading, parse_table, source_grid
    from analytics.ingest.xlsx import read_excel

    wb = Workbook()
    ws = wb.active
    for row in (["项目支出绩效目标表（2024年度）"], ["一级指标", "二级指标", "三级指标", "指标编码", "指标值"],
                ["产出指标", "数量指标", "培训人次", "A0001", "≥500人次"], [None, "数量指标", "旧指标（作废）", "A0002", "≥9人次"],
                [None, "质量指标", "培训合格率", "A0003", "≥95%"]):
        ws.append(row)
    ws.merge_cells("A3:A5")
    ws.column_dimensions["D"].hidden = True
    ws.row_dimensions[4].hidden = True
    path = tmp_path / "hidden.xlsx"
    wb.save(path)
    result = parse_table(path)
    assert isinstance(result, TableReading)
    assert [(i["level1"], i["name"]) for i in result.indicators] == [("产出指标", "培训人次"), ("产出指标", "培训合格率")]
    assert result.source["hidden"] == {"rows": 1, "columns": 1} and result.source["advice"] == "hidden_left_out"
    from analytics.present.tables_text import advice_message

    assert "隐藏的 1 行、1 列未读取" in (advice_message(result.to_json(), "zh") or "")
    assert "(1 row, 1 column)" in (advice_message(result.to_json(), "en") or "")  # a count of one in the singular
    _, rows = source_grid(path)
    assert not any("A0001" in c or "旧指标（作废）" in c for r in rows for c in r)
    seed = parse_table(Path(__file__).resolve().parents[1] / "tables" / "generated" / "seed_dongguan.xlsx")
    assert isinstance(seed, TableReading) and "hidden" not in seed.source and "advice" not in seed.source
    data = path.read_bytes()
    every = read_excel(data, Collector("hidden.xlsx"), None, 1 << 24)
    assert every is not None and every.cells[4][2] == "旧指标（作废）" and every.cells[3][3] == "A0001"


def test_hidden_column_ranges_are_noted_from_the_first_two_thousand_only() -> None:
    import io

    from analytics.ingest.xlsx import _SheetStream

    cols = b"".join(b'<col min="%d" max="%d" hidden="1"/>' % (k, k) for k in range(1, 5001))
    xml = b'<worksheet><cols>' + cols + b'<col min="1" max="999999999" hidden="1"/></cols><sheetData/></worksheet>'
    stream = _SheetStream(io.BytesIO(xml))
    io.BufferedReader(stream).read()
    assert sum(stream.hidden_columns) == 2000 and stream.hidden_columns[2000] and not stream.hidden_columns[2001]


def test_an_old_workbook_s_hidden_row_and_column_are_left_out_too() -> None:
    """tests/ingest/files/hidden_row_and_column.xls: the same form saved as .xls (LibreOffice), its row 4
    and column D hidden."""
    from pathlib import Path

    from analytics.ingest.tables import TableReading, parse_table, source_grid

    path = Path(__file__).resolve().parent / "files" / "hidden_row_and_column.xls"
    result = parse_table(path)
    assert isinstance(result, TableReading)
    assert [i["name"] for i in result.indicators] == ["培训人次", "培训合格率"]
    assert result.source["hidden"] == {"rows": 1, "columns": 1}
    _, rows = source_grid(path)
    assert rows[3] == [] and all(r[3] == "" for r in rows if len(r) > 3)
