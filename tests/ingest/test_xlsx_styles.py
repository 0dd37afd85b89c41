"""The cell styles of an .xlsx (analytics/ingest/xlsx_styles.py): read in one streaming pass,
with the number formats openpyxl gives, and within the file's time budget — a workbook carrying
200,000 cell styles took 9–17 s a read through openpyxl's stylesheet objects."""

from __future__ import annotations

import io
import re
import warnings

import pytest

from analytics.ingest import xlsx_styles
from analytics.ingest.limits import Deadline, LimitExceeded, resolve
from analytics.ingest.problems import Collector
from analytics.ingest.tables import parse_table
from analytics.ingest.xlsx import read_excel
from tests.ingest.styled_workbooks import opened, openpyxl_styles, restyled

FORMATS = ["0%", "0.0%", '0"人次"', "yyyy-mm-dd", "[h]:mm:ss", "0.00", "General", '#,##0"万元"', "m/d/yy h:mm"]


def _workbook() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["一级指标", "二级指标", "三级指标", "指标值"])
    ws.append(["产出指标", "数量指标", "职业技能培训", 500])
    ws.append(["", "质量指标", "培训后就业率", 0.95])
    ws["D2"].number_format = '0"人次"'
    ws["D3"].number_format = "0%"
    ws.merge_cells("A2:A3")
    for i, fmt in enumerate(FORMATS):  # every format a style of its own
        ws.cell(row=10 + i, column=6, value=1.5).number_format = fmt
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _with_styles(data: bytes, n: int, extra_formats: str = "") -> bytes:
    """``data`` with ``n`` more cell styles (numFmtId 0–49 in turn) and ``extra_formats`` added to
    its ``<numFmts>``."""
    def add(text: str) -> str:
        xfs = "".join(f'<xf numFmtId="{i % 50}" fontId="0" fillId="0" borderId="0"><alignment/></xf>'
                      for i in range(n))
        text = re.sub(r"<cellXfs\b[^>]*>(.*?)</cellXfs>", lambda m: f"<cellXfs>{m.group(1)}{xfs}</cellXfs>",
                      text, flags=re.S)
        return text.replace("</numFmts>", extra_formats + "</numFmts>")

    return restyled(data, add)


def _openpyxl_formats(data: bytes) -> tuple[list[str | None], set[int], set[int]]:
    """Each style's number format as openpyxl's stylesheet gives it (the reading before)."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl_styles(data)
    out: list[str | None] = []
    for style in wb._cell_styles:
        fid = style.numFmtId
        if fid < BUILTIN_FORMATS_MAX_SIZE:
            out.append(BUILTIN_FORMATS.get(fid, "General"))
        else:
            at = fid - BUILTIN_FORMATS_MAX_SIZE
            out.append(wb._number_formats[at] if at < len(wb._number_formats) else None)
    return out, set(wb._date_formats), set(wb._timedelta_formats)


def _styles(data: bytes, deadline: Deadline | None = None) -> xlsx_styles.Styles:
    return xlsx_styles.Styles.read(opened(data), deadline or Deadline(60))


@pytest.mark.parametrize("extra", [
    "",
    # a custom format under a built-in's id, one equal to a built-in, one declared twice: as openpyxl reads them
    '<numFmt numFmtId="14" formatCode="0.000"/><numFmt numFmtId="170" formatCode="0%"/>'
    '<numFmt numFmtId="171" formatCode="0.0"/><numFmt numFmtId="171" formatCode="0.00&quot;件&quot;"/>',
])
def test_every_style_has_the_number_format_openpyxl_gives(extra):
    data = _with_styles(_workbook(), 300, extra)
    if extra:  # cells styled with the redefined, renumbered and undeclared ids
        data = data.replace(b'<alignment/></xf></cellXfs>', b'<alignment/></xf><xf numFmtId="14"/><xf numFmtId="170"/>'
                            b'<xf numFmtId="171"/><xf numFmtId="165"/><xf numFmtId="999"/></cellXfs>')
        data = _with_styles(data, 0)  # rezipped: the replace above edits a deflated part otherwise
    formats, dates, durations = _openpyxl_formats(data)
    styles = _styles(data)
    assert [styles.number_format(i) for i in range(len(formats) + 2)] == formats + [None, None]
    assert (styles.dates, styles.durations) == (dates, durations)
    assert {"0%", '0"人次"', "yyyy-mm-dd"} <= set(formats)


def test_the_styles_part_is_read_without_openpyxls_stylesheet_objects(monkeypatch):
    """openpyxl's stylesheet builds an object for every font, fill, border and style (10 s for
    200,000 styles); the reading no longer goes through it and reads the same cells."""
    from openpyxl.styles.stylesheet import Stylesheet

    data = _with_styles(_workbook(), 5000)
    want = read_excel(data, Collector("s.xlsx"), None, 1 << 24, words=True, shown=True)
    assert want is not None and want.cells[2][3] == "500人次" and want.cells[3][3] == "95%"

    def refuse(*_a, **_k):
        raise AssertionError("the stylesheet was built")

    monkeypatch.setattr(Stylesheet, "from_tree", classmethod(refuse))
    xlsx_styles._kept.clear()
    got = read_excel(data, Collector("s.xlsx"), None, 1 << 24, words=True, shown=True)
    assert got is not None and (got.cells, got.merges) == (want.cells, want.merges)
    reading = parse_table(data, filename="s.xlsx")
    assert [i["name"] for i in reading.indicators] == ["职业技能培训", "培训后就业率"]


def test_a_styles_part_past_the_time_budget_stops_the_read_with_the_time_limit():
    data = _with_styles(_workbook(), 20_000)
    xlsx_styles._kept.clear()
    ctx = Collector("s.xlsx", limits=resolve({"max_seconds": 0}))
    with pytest.raises(LimitExceeded) as info:
        read_excel(data, ctx, None, 1 << 24)
    assert info.value.code == "time_limit"


def test_a_styles_reading_is_kept_for_the_next_read_of_the_same_part_only():
    data = _with_styles(_workbook(), 100)
    first = _styles(data)
    assert _styles(data, Deadline(0)).formats == first.formats  # kept: no parse, so no time spent
    other = _with_styles(_workbook(), 100, '<numFmt numFmtId="200" formatCode="0.0%"/>')
    with pytest.raises(LimitExceeded):
        _styles(_with_styles(other, 10_000), Deadline(0))  # another part is read again
