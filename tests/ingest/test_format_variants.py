"""bench/format_variants.py: real tables rendered as .xlsx and .docx read as well as their text."""

from __future__ import annotations

from pathlib import Path

from bench import format_variants as fv

TABLES = Path(__file__).resolve().parents[2] / "tests" / "tables"

#: tables whose text keeps each cell under its column, with merged level cells and facts above
IN_PLACE = ["ezhou_bangonglou_2022", "hengshan_chubeiliang_ziping_2020", "longyan_zongjiao_quyu_2023"]


def test_rendered_files_exist_and_read_as_well_as_their_text(tmp_path: Path) -> None:
    res = fv.measure(IN_PLACE, tmp_path)
    assert [r["table"].split("/")[1] for r in res["tables"]] == IN_PLACE  # folder order
    assert not res["skipped"]
    for row in res["tables"]:
        folder, stem = row["table"].split("/")
        for fmt in ("xlsx", "docx", "lines.txt", "web.txt", "word.txt"):
            assert (tmp_path / folder / f"{stem}.{fmt}").stat().st_size > 0
        assert row["group"] == "in_place", row["moved"]
        worse = {fmt: w for fmt, w in row.get("worse", {}).items() if fmt in ("xlsx", "docx")}
        assert not worse, worse  # a text one cell a line loses the columns: it may read worse
        assert row["lines"]["targets"][1] == row["text"]["targets"][1]
        assert row["xlsx"]["targets"][1] == row["text"]["targets"][1] > 0
    text = res["groups"]["all"]["text"]
    assert text["tables"] == 3 and text["rows"][0] == text["rows"][1]
    for fmt in ("xlsx", "docx"):
        assert {k: res["groups"]["all"][fmt][k] for k in fv.MEASURES} == {k: text[k] for k in fv.MEASURES}


def test_tables_without_a_grid_are_skipped_and_web_copies_put_back() -> None:
    found, skipped = fv.tables(["langfang_zipingbiao_2019", "huangshi_pifu_2022"])
    assert [t.label for t in found] == ["corpus/huangshi_pifu_2022"]
    assert found[0].moved and "row end" in found[0].moved and found[0].put_back is not None
    copied, put_back = found[0].as_copied[0], found[0].put_back[0]
    header = copied[7].index("三级指标")  # the name column; the copy has the name right after 数量指标
    assert copied[9][1] == put_back[9][header] == "主体班培训人次" and header > 1
    assert skipped == [("corpus/langfang_zipingbiao_2019", "no grid: the text splits one cell per line (text-lines)")]
    assert fv.placement(TABLES / "corpus" / "chizhou_weituo_ziping_2022.tsv")[0] == ""


def test_a_second_form_is_put_back_under_its_own_header() -> None:
    """A web copy of two forms: the rows of the second are put back under the second's header, not
    the first's, so the rendered workbook keeps that header whole."""
    why, rows = fv.placement(TABLES / "heldout25" / "daying_jiaojing_zhifa_ziping_2019.txt")
    assert "row end" in why
    headers = [r for r in rows if "三级指标" in r]
    assert len(headers) == 2 and headers[1].index("三级指标") == headers[0].index("三级指标") == 3
    title = next(r for r in rows if any("(2019 年度)" in c for c in r))
    assert [c for c in title if c.strip()] == ["项目绩效目标完成情况表 (2019 年度)"] and title[0].strip()


def test_a_grid_one_cell_a_line_keeps_each_merged_cell_once_and_leaves_empty_cells_out() -> None:
    rows = [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "培训人次", " 280人次 "],
            ["", "", "开设课程数量", ""]]
    assert fv.cell_lines(rows) == "一级指标\n二级指标\n三级指标\n指标值\n产出指标\n数量指标\n培训人次\n280人次\n开设课程数量\n"


def test_a_browser_copy_leaves_covered_cells_out_and_a_word_copy_keeps_every_cell() -> None:
    rows = [["一级指标", "二级指标", "三级指标", "指标值", "备注"], ["产出指标", "数量指标", "培训人次", "280人次", ""],
            ["", "", "开设课程数量", "220门", ""]]
    merges = [(1, 0, 2, 0), (1, 1, 2, 1)]
    assert fv.web_copy(rows, merges) == ("一级指标\t二级指标\t三级指标\t指标值\t备注\n产出指标\t数量指标\t培训人次\t280人次\t\n"
                                         "开设课程数量\t220门\t\n")
    assert fv.word_copy(rows, merges).split("\n\n")[2] == "\t\n\t\n\t开设课程数量\n\t220门\n\t\n"
