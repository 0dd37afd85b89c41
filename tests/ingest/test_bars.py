"""A text copied partly as rows in cells and partly one cell a line (analytics/ingest/tables/bars.py)."""

from __future__ import annotations

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.bars import bars_apart
from analytics.ingest.tables.lexicon import load_lexicon
from analytics.ingest.tables.raw import RawTable
from tests.ingest.copies import FILES, read_copy

CORPUS = FILES.parents[1] / "tables" / "corpus"


def _alone(name: str) -> list[tuple[str, str, str, dict]]:
    """The corpus table ``name`` read as published: each indicator's levels, name and targets."""
    result = parse_table(CORPUS / name)
    assert isinstance(result, TableReading)
    return [(i["level1"], i["level2"], i["name"], i["targets"]) for i in result.indicators]


def test_rows_in_cells_are_set_out_one_cell_a_line_where_most_of_the_table_is_one_cell_a_line() -> None:
    lex = load_lexicon()
    lines = ["项目名称 | 道路维修", "一级指标 | 二级指标 | 三级指标 | 指标值", "产出指标 | 数量指标 | 维修长度 | ≥12公里",
             " | | 维修面积 | ≥300平方米", "质量指标", "验收合格率", "100%", "时效指标", "完工及时率", "100%", "满意度指标",
             "服务对象满意度指标", "群众满意度", "≥90%"]
    table = RawTable("text-pipe", [[c.strip() for c in ln.split("|")] for ln in lines],
                     [f"L{i}" for i in range(1, len(lines) + 1)])
    apart = bars_apart(table, lex)
    assert apart is not None and apart.fmt == "text-lines" and not apart.lines
    assert apart.rows[:8] == [["项目名称"], ["道路维修"], ["一级指标"], ["二级指标"], ["三级指标"], ["指标值"], ["产出指标"],
                              ["数量指标"]]
    assert apart.refs[:8] == ["L1", "L1", "L2", "L2", "L2", "L2", "L3", "L3"]  # each cell at its row's line
    assert apart.rows[10:13] == [["维修面积"], ["≥300平方米"], ["质量指标"]]  # a merged cell's blanks left out
    as_lines = RawTable("text-lines", [[ln.strip()] for ln in lines], table.refs)  # the bars kept in one cell
    assert bars_apart(as_lines, lex) is not None and bars_apart(as_lines, lex).rows == apart.rows


def test_a_table_in_cells_or_a_notices_head_in_cells_is_not_set_apart() -> None:
    lex = load_lexicon()
    rows = [["项目支出绩效目标表"], ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "维修长度", "≥12公里"],
            ["", "质量指标", "验收合格率", "100%"], ["注:指标值为年度目标"]]
    assert bars_apart(RawTable("text-pipe", rows, [f"L{i}" for i in range(1, 6)]), lex) is None  # a title, a note alone
    head = [["索引号", "640324017/2025-00370"], ["发布机构", "同心县农业农村局"]] + [[t] for t in (
        "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "培训人数", "≥200人次", "满意度指标", "学员满意度", "≥95%")]
    assert bars_apart(RawTable("text-lines", head, [f"L{i}" for i in range(1, 14)]), lex) is None  # no level in cells
    assert bars_apart(RawTable("text-tab", rows, [f"L{i}" for i in range(1, 6)]), lex) is None


def test_a_form_copied_with_its_first_rows_in_cells_and_the_rest_one_cell_a_line_is_read_whole() -> None:
    # 岳阳县's 高标准农田 form: its title, facts, header and first two rows copied with their bars, the other
    # rows one cell a line (blank lines between): 财政资金补助 and 年增粮食 were left unread, name and value apart
    result = read_copy("yueyang_xian_nongtian_2022.part_piped.txt")
    assert [(i["level1"], i["level2"], i["name"], i["targets"]) for i in result.indicators] == _alone(
        "yueyang_xian_nongtian_2022.txt")
    assert not result.unread and result.project["name"] == "岳阳县2022年高标准农田建设项目"
    assert [i["where"] for i in result.indicators[:3]] == ["L10", "L12", "L16"]  # the file's lines
    # 青山区's form, read as rows in cells: 义务教育优质均衡发展情况 / 稳步提高 was left unread
    result = read_copy("qingshan_jiaoyu_2020.part_piped.txt")
    assert [(i["level1"], i["level2"], i["name"], i["targets"]) for i in result.indicators] == _alone(
        "qingshan_jiaoyu_2020.txt")
    assert not result.unread
