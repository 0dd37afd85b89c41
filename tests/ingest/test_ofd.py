"""OFD 版式文件 read as the PDF their pages are drawn again as (analytics/ingest/tables/ofd.py)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from analytics.ingest.limits import default_limits
from analytics.ingest.tables import NoTable, TableReading, parse_table
from analytics.ingest.tables.ofd import OfdError, _deltas, ofd_pages
from analytics.present.tables_text import no_table_message

GENERATED = Path(__file__).resolve().parents[1] / "tables" / "generated"
NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def _ofd(pages: list[str], template: str | None = None, folder: str = "", ns: str = NS,
         extra: dict[str, bytes] | None = None, res: str = "") -> bytes:
    """An OFD package: ``pages`` the layers' inner XML, a template page under them when given
    (its place named absolutely, ``/Doc_0/…``), the document's resources ``res`` (DocumentRes.xml),
    everything inside ``folder`` when given."""
    p = "ofd:" if ns else ""
    if res:
        extra = {**(extra or {}), "Doc_0/DocumentRes.xml": f"<{p}Res {ns}>{res}</{p}Res>".encode()}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(folder + "OFD.xml", f'<{p}OFD {ns} Version="1.0"><{p}DocBody><{p}DocRoot>Doc_0/Document.xml'
                                        f"</{p}DocRoot></{p}DocBody></{p}OFD>")
        tpl = f'<{p}TemplatePage ID="7" BaseLoc="/Doc_0/Tpls/Tpl_0/Content.xml"/>' if template else ""
        tpl += f"<{p}DocumentRes>DocumentRes.xml</{p}DocumentRes>" if res else ""
        listed = "".join(f'<{p}Page ID="{k + 10}" BaseLoc="Pages/Page_{k}/Content.xml"/>' for k in range(len(pages)))
        zf.writestr(folder + "Doc_0/Document.xml", f"<{p}Document {ns}><{p}CommonData><{p}PageArea><{p}PhysicalBox>"
                                                   f"0 0 210 297</{p}PhysicalBox></{p}PageArea>{tpl}</{p}CommonData>"
                                                   f"<{p}Pages>{listed}</{p}Pages></{p}Document>")
        for k, inner in enumerate(pages):
            used = f'<{p}Template TemplateID="7" ZOrder="Background"/>' if template else ""
            zf.writestr(folder + f"Doc_0/Pages/Page_{k}/Content.xml",
                        f"<{p}Page {ns}>{used}<{p}Content><{p}Layer>{inner}</{p}Layer></{p}Content></{p}Page>")
        if template:
            zf.writestr(folder + "Doc_0/Tpls/Tpl_0/Content.xml",
                        f"<{p}Page {ns}><{p}Content><{p}Layer>{template}</{p}Layer></{p}Content></{p}Page>")
        for name, blob in (extra or {}).items():
            zf.writestr(folder + name, blob)
    return buf.getvalue()


def _text(x: float, y: float, text: str, size: float = 3.5, ctm: str = "", p: str = "ofd:") -> str:
    """A run of text at (x, y) mm, its characters a size apart (``g N v``: a converter's way)."""
    scale = float(ctm.split()[0]) if ctm else 1.0
    gaps = f' DeltaX="g {len(text) - 1} {size / scale:g}"' if len(text) > 1 else ""
    return (f'<{p}TextObject Boundary="{x} {y - size} 150 {size * 1.5}" Size="{size / scale:g}"'
            + (f' CTM="{ctm}"' if ctm else "") + f'><{p}TextCode X="0" Y="{size / scale:g}"{gaps}>{text}'
            f"</{p}TextCode></{p}TextObject>")


def _grid(xs: list[float], ys: list[float], p: str = "ofd:") -> str:
    """A table's rules: a stroked line each, placed by its Boundary, drawn relative to it."""
    out = [f'<{p}PathObject Boundary="{xs[0]} {y} {xs[-1] - xs[0]} 0.3"><{p}AbbreviatedData>M 0 0 L {xs[-1] - xs[0]} 0'
           f"</{p}AbbreviatedData></{p}PathObject>" for y in ys]
    out += [f'<{p}PathObject Boundary="{x} {ys[0]} 0.3 {ys[-1] - ys[0]}"><{p}AbbreviatedData>M 0 0 L 0 {ys[-1] - ys[0]}'
            f"</{p}AbbreviatedData></{p}PathObject>" for x in xs]
    return "".join(out)


ROWS = [("一级指标", "二级指标", "三级指标", "指标值"), ("产出指标", "数量指标", "培训人次", "≥500人次"),
        ("产出指标", "质量指标", "培训合格率", "≥95%"), ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%")]
XS, YS = [20.0, 50.0, 95.0, 150.0, 190.0], [40.0, 50.0, 60.0, 70.0, 80.0]


def _cells(ctm: str = "", p: str = "ofd:") -> str:
    return _text(20, 25, "2024年度培训项目绩效目标表", 5, p=p) + "".join(
        _text(XS[j] + 2, YS[i] + 7, cell, 3, ctm, p) for i, row in enumerate(ROWS)
        for j, cell in enumerate(row))


def test_an_ofd_reads_like_the_pdf_it_was_saved_from() -> None:
    """The Word table printed to PDF, and the workbook printed without borders, saved as OFD as a
    converter writes it (a TextObject a run, DeltaX with ``g N v``, the rules as paths placed by their
    Boundary): the same indicators and targets as the PDF, the funding of the form above."""
    for pdf, ofd in (("seed_dongguan.pdf", "seed_dongguan.ofd"), ("nanyue_fupin_2018.sheet.pdf", "nanyue_fupin_2018.sheet.ofd")):
        want, got = parse_table(GENERATED / pdf), parse_table(GENERATED / ofd)
        assert isinstance(want, TableReading) and isinstance(got, TableReading), got
        assert [(i["name"], i["unit"], i["kind"], i["targets"]) for i in got.indicators] == \
            [(i["name"], i["unit"], i["kind"], i["targets"]) for i in want.indicators]
        assert len(got.indicators) >= 15 and got.unread == want.unread
    seed = parse_table(GENERATED / "seed_dongguan.ofd")
    assert isinstance(seed, TableReading) and seed.source["format"] == "ofd"
    assert seed.project["funding"]["total"] == pytest.approx(103414.18) and seed.project["years"] == [2023, 2024]


def test_a_form_s_grid_in_its_template_page_and_text_scaled_by_its_ctm_make_the_table() -> None:
    """The printed form's grid in a template page (named ``/Doc_0/…`` from the package's root), the
    cells' text drawn at half size and scaled back by its CTM, the whole package in a folder and
    its XML without a namespace: each character where a reader sees it, and the table read."""
    for folder, ns, p in (("", NS, "ofd:"), ("导出/", "", "")):
        data = _ofd([_cells("0.5 0 0 0.5 0 0", p)], template=_grid(XS, YS, p), folder=folder, ns=ns)
        page = ofd_pages(data, default_limits())[0]
        assert len(page.paths) == len(XS) + len(YS)  # the template's rules, under the page
        first = next(c for c in page.chars if c[0] == "培" and c[2] > 40)  # in the table, not the title
        assert first[1:4] == pytest.approx((97.0, 57.0, 3.0))  # its baseline in the cell's row (50 + 7), 3 mm high
        second = page.chars[page.chars.index(first) + 1]
        assert second[1] - first[1] == pytest.approx(3.0)  # DeltaX 6 in object space, halved by the CTM
        got = parse_table(data, filename="批复.ofd")
        assert isinstance(got, TableReading), got
        assert [(i["name"], i["targets"]["2024"]["value"]) for i in got.indicators] == [
            ("培训人次", 500), ("培训合格率", 95), ("学员满意度", 90)]
        assert got.source["format"] == "ofd"


def test_a_page_drawn_as_composite_graphics_is_read() -> None:
    """A converter that stores each piece of a page as a composite graphic (a ``CompositeObject`` on
    the page, its text or rules in a ``CompositeGraphicUnit`` of the document's resources; the rules
    in points, scaled to millimetres by the object's CTM): drawn in place, the table read."""
    pt = 25.4 / 72
    units = (f'<ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="1" Width="595" Height="842"><ofd:Content>'
             f'<ofd:Layer>{_grid([x / pt for x in XS], [y / pt for y in YS])}</ofd:Layer></ofd:Content>'
             f'</ofd:CompositeGraphicUnit><ofd:CompositeGraphicUnit ID="2" Width="595" Height="842"><ofd:Content>'
             f'<ofd:Layer>{_cells()}</ofd:Layer></ofd:Content></ofd:CompositeGraphicUnit>'
             f"</ofd:CompositeGraphicUnits>")
    page = (f'<ofd:CompositeObject CTM="{pt} 0 0 {pt} 0 0" Boundary="0 0 210 297" ResourceID="1"/>'
            '<ofd:CompositeObject Boundary="0 0 210 297" ResourceID="2"/>')
    got = parse_table(_ofd([page], res=units), filename="转换.ofd")
    assert isinstance(got, TableReading), got
    assert [(i["name"], i["targets"]["2024"]["value"]) for i in got.indicators] == [
        ("培训人次", 500), ("培训合格率", 95), ("学员满意度", 90)]
    lines = ofd_pages(_ofd([page], res=units), default_limits())[0].paths
    assert min(p[0][0][0][0] for p in lines) == pytest.approx(XS[0])  # the rules back in millimetres


def test_ofd_gaps_expand_and_stay_bounded() -> None:
    assert _deltas("g 3 1.5 2", 10) == [1.5, 1.5, 1.5, 2.0]
    assert _deltas("g 1000000000 1 g 1000000000 1", 4) == [1.0] * 4  # a gap list longer than its text is cut
    assert _deltas("1 x 2", 5) == [1.0, 2.0]


@pytest.mark.parametrize("case,code", [
    ("pages", "too_many_pages"), ("characters", "too_many_objects"), ("unpacked", "too_large_unpacked"),
    ("broken", "bad_ofd"), ("no_document", "bad_ofd"), ("picture", "ofd_no_text")])
def test_an_ofd_that_cannot_be_read_says_why(case: str, code: str) -> None:
    """An OFD of more pages than a target table has, of a million characters, whose page unpacks
    past the limit, whose XML is broken or whose document is missing, or holding only pictures (a
    scan): a failure with its reason in words, never a traceback."""
    picture = '<ofd:ImageObject Boundary="0 0 210 297" ResourceID="1"/>'
    data = {"pages": lambda: _ofd([_cells()] * 41),
            "characters": lambda: _ofd([_text(10, 10, "字" * 250_000)]),
            "unpacked": lambda: _ofd([_cells() + " " * 21_000_000]),
            "broken": lambda: _ofd(["<ofd:TextObject"]),
            "no_document": lambda: _zip({"OFD.xml": b"<OFD><DocBody/></OFD>"}),
            "picture": lambda: _ofd([picture])}[case]()
    got = parse_table(data, filename="表.ofd")
    assert isinstance(got, NoTable) and got.code == code, got
    for lang in ("zh", "en"):
        message = no_table_message(got, "表.ofd", lang)
        assert "表.ofd" in message and code not in message and "{" not in message


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, blob in members.items():
            zf.writestr(name, blob)
    return buf.getvalue()


def test_ofd_errors_carry_their_detail() -> None:
    with pytest.raises(OfdError) as err:
        ofd_pages(_ofd([_cells()] * 3), default_limits().replace(max_pdf_pages=2))
    assert (err.value.code, err.value.detail) == ("too_many_pages", "2")
    with pytest.raises(OfdError) as err:
        ofd_pages(_ofd([_cells()]), default_limits().replace(max_pdf_objects=20))
    assert err.value.code == "too_many_objects" and err.value.detail == "20 (p1)"
