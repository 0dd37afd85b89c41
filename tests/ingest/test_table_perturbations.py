"""bench/table_perturbations.py: real tables rewritten as other templates lay them out read as well
as the plain workbook (other header words, a 序号 or 分值 column, a unit or sign column, wrapped and
typed cells, 绩效指标 merged over a second header row, every cell wrapped at a narrow column's width), as
workbooks and as Word tables; as a text one cell a line, the plain table and those with other header
words, filled levels, a blank column or a footer read whole, and those with a second header row, notes,
or cells wrapped over lines all but one table."""

from __future__ import annotations

from pathlib import Path

from bench import table_perturbations as tp

#: in-place tables with levels, units in the values, a deadline and a 2-row header between them
TABLES = ["ezhou_bangonglou_2022", "xiuyu_shuili_quyu_2025", "jiayuguan_bowuguan_2023"]


def test_each_change_reads_as_well_as_the_plain_workbook(tmp_path: Path) -> None:
    res = tp.measure(TABLES, tmp_path)
    plain = res["changes"]["plain"]
    assert plain["tables"] == 3 and plain["rows"][1] >= 20
    assert plain["rows"][0] == plain["rows"][1] and plain["targets"][0] == plain["targets"][1]
    for change in ("headers", "score", "notes", "index", "wrapped", "typed", "two_row_header", "filled_levels",
                   "blank_column", "footer", "narrow"):
        for key in (change, f"{change}_docx") if change != "typed" else (change,):
            got = res["changes"][key]
            assert got["tables"] == 3, key
            assert {k: got[k] for k in tp.MEASURES} == {k: plain[k] for k in tp.MEASURES}, key
    assert not {k: v for k, v in res["worse"].items() if not k.endswith("_txt")}, res["worse"]  # (one cell a line: reported)
    for change in ("plain", "headers", "filled_levels", "blank_column", "footer"):  # one cell a line
        got = res["changes"][f"{change}_txt"]
        assert got["rows"][0] == got["rows"][1] and got["targets"][0] == got["targets"][1], change
    for change in ("two_row_header", "notes"):  # one cell a line: all but 秀屿's four rows (its levels glued)
        assert res["changes"][f"{change}_txt"]["targets"][0] >= 16, change
    for change in ("wrapped", "narrow"):  # one cell a line, each cell's lines one after the other
        assert res["changes"][f"{change}_txt"]["targets"][0] >= 17, change
    assert res["changes"]["wrapped_txt"]["rows"][0] >= 18  # (names cut mid-word and signs above their numbers)
    for change in ("unit_column", "sign_column"):  # written only for tables that have no such column yet
        assert res["changes"].get(change, {"tables": 0})["tables"] >= 1, change
    for fmt in ("xlsx", "docx"):
        assert (tmp_path / "two_row_header" / "heldout" / f"ezhou_bangonglou_2022.{fmt}").stat().st_size > 0


def test_the_changes_rewrite_the_cells() -> None:
    from analytics.ingest.tables.layout import find_layout
    from analytics.ingest.tables.lexicon import load_lexicon
    from analytics.ingest.tables.sources import RawTable

    rows = [["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "培训人数", "≥280人次"],
            ["", "质量指标", "培训合格率", "≥95%"]]
    layout = find_layout(RawTable("tsv", rows, ["1", "2", "3"]), load_lexicon())
    assert layout is not None
    assert tp.headers(rows, layout, 1)[0] != rows[0]
    assert tp.index(rows, layout, 0)[1][0] == "1" and tp.index(rows, layout, 0)[0][0] == "序号"
    units = tp.unit_column(rows, layout, 0)
    assert units is not None and units[0][-1] == "计量单位" and units[1][-2:] == ["≥280", "人次"]
    signs = tp.sign_column(rows, layout, 0)
    assert signs is not None and signs[0][3] == "指标方向" and signs[2][3:] == ["≥", "95%"]
    assert "\n" in tp.wrapped(rows, layout, 0)[2][3]
    assert tp.narrow(rows, layout, 0)[1][2:] == ["培训人数", "≥280人次"] and tp._wrap("偏差原因分析及改进措施", 16) == "偏差原因分析及改\n进措施"
    two = tp.two_row_header(rows, layout, 0)
    assert two is not None and two[0] == ["绩效指标", "绩效指标", "绩效指标", "指标值"] and two[1][3] == ""
    assert tp._header_merges(two) == [(0, 0, 0, 2), (0, 3, 1, 3)]
