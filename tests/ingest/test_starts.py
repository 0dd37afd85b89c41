"""Where a next form begins in a text one cell a line (analytics/ingest/tables/starts.py): its title, its
facts, or its header said again with the levels over from their first."""

from __future__ import annotations

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.lexicon import load_lexicon
from analytics.ingest.tables.sources import RawTable
from analytics.ingest.tables.starts import form_parts
from tests.ingest.copies import FILES, read_copy

CORPUS = FILES.parents[1] / "tables" / "corpus"


def _text(lines: list[str]) -> RawTable:
    return RawTable("text-lines", [[t] for t in lines], [f"L{i}" for i in range(1, len(lines) + 1)], lines=list(lines))


def test_a_form_begins_at_its_title_once_the_form_above_has_shown_its_levels() -> None:
    lines = ["附件1", "项目支出绩效目标表", "项目名称", "道路维修", "一级指标", "产出指标", "数量指标", "维修长度", "≥12公里",
             "附件2", "项目支出绩效目标表", "(2024年度)", "项目名称", "路灯更换", "一级指标", "产出指标", "更换数量", "≥300盏"]
    parts = form_parts(_text(lines), load_lexicon())
    assert parts is not None and [p.rows[0] for p in parts] == [["附件1"], ["附件2"]]  # 附件2 is the next form's
    assert parts[1].refs[0] == "L10" and parts[1].lines[9] == "附件2" and not parts[1].lines[8]
    assert parts[0].lines[-1] == "≥12公里"


def test_a_projects_facts_after_the_levels_begin_a_form_and_a_title_alone_begins_none() -> None:
    lex = load_lexicon()
    lines = ["项目名称", "道路维修", "三级指标", "指标值", "产出指标", "维修长度", "≥12公里", "项目名称", "路灯更换", "产出指标",
             "更换数量", "≥300盏"]
    parts = form_parts(_text(lines), lex)
    assert parts is not None and [p.rows[0] for p in parts] == [["项目名称"], ["项目名称"]] and parts[1].refs[0] == "L8"
    report = ["一、项目概况", "三、满意度指标", "参训学员满意度≥95%。", "附件:同心县2025年设施农业技术培训项目绩效目标表"]
    assert form_parts(_text(report), lex) is None  # a report's headings and the form it attaches: no form above
    assert form_parts(_text(["项目支出绩效目标表", "项目名称", "道路维修", "产出指标", "维修长度", "≥12公里"]), lex) is None
    assert form_parts(RawTable("text-pipe", [["项目名称 | 甲"], ["产出指标"], ["项目名称 | 乙"]], ["L1", "L2", "L3"]), lex) is None


def test_two_projects_forms_copied_one_cell_a_line_are_read_form_by_form() -> None:
    # 廊坊's 自评表 then 青山区's 绩效目标表, as a department's PDF of several projects is copied out:
    # the second form's title and facts were cut into the first's rows (绩效目标表 | (2020年度) an indicator)
    result = read_copy("two_projects.cell_lines.txt")
    forms = [(f["name"], f["indicators"]) for f in result.source["forms"]]
    assert forms == [("办公宿舍楼、食堂及餐厅暖通改造经费", 9), ("农村义务教育薄弱学校改造补助资金", 9)]
    assert "绩效目标表" not in [i["name"] for i in result.indicators]
    assert [i["form"] for i in result.indicators] == [1] * 9 + [2] * 9
    assert result.source["forms"][1]["where"].startswith("L") and int(result.source["forms"][1]["where"][1:]) > 467
    second = parse_table(FILES / "two_projects.cell_lines.txt", form=2)
    assert isinstance(second, TableReading) and second.project["name"] == "农村义务教育薄弱学校改造补助资金"
    alone = parse_table(CORPUS / "qingshan_jiaoyu_2020.txt")  # the form read as published, on its own
    assert isinstance(alone, TableReading) and second.project == alone.project
    assert [(i["name"], i["targets"]) for i in second.indicators] == [(i["name"], i["targets"]) for i in alone.indicators]


def test_one_project_said_again_on_a_new_page_stays_one_form() -> None:
    text = "\n".join(["项目名称", "道路维修", "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "维修长度",
                      "≥12公里", "项目名称", "道路维修", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"])
    result = parse_table(text.encode(), filename="one.txt")
    assert isinstance(result, TableReading) and not result.source.get("forms")


def test_a_header_said_again_with_its_levels_over_begins_a_form_without_a_title() -> None:
    lex = load_lexicon()
    lines = ["项目名称", "道路维修", "一级指标", "三级指标", "指标值", "产出指标", "维修长度", "≥12公里", "满意度指标", "群众满意度",
             "≥90%", "", "一级指标", "三级指标", "指标值", "产出指标", "更换数量", "≥300盏"]
    parts = form_parts(_text(lines), lex)
    assert parts is not None and [p.refs[0] for p in parts] == ["L1", "L13"]  # the next form begins at its header
    paged = lines[:11] + ["一级指标", "三级指标", "指标值", "满意度指标", "游客满意度", "≥85%"]  # a new page's header
    assert form_parts(_text(paged), lex) is None


def test_a_web_pages_second_table_copied_from_its_header_one_cell_a_line_is_a_form_of_its_own() -> None:
    # 岳阳县's 高标准农田 form and below it 青山区's indicator table from its header on, one cell a line with
    # blank lines between: 青山区's nine indicators were read as 岳阳县's
    result = read_copy("two_tables.cell_lines.txt")
    assert [(f["name"], f["indicators"]) for f in result.source["forms"]] == [("岳阳县2022年高标准农田建设项目", 12), (None, 9)]
    for form, name, year in ((1, "yueyang_xian_nongtian_2022.txt", "2022"), (2, "qingshan_jiaoyu_2020.txt", "2020")):
        alone = parse_table(CORPUS / name)
        assert isinstance(alone, TableReading)
        assert [(i["name"], i["targets"]["2022"]) for i in result.indicators if i["form"] == form] == [
            (i["name"], i["targets"][year]) for i in alone.indicators]  # the second with the year of the form above


def test_a_header_said_again_on_a_new_page_one_cell_a_line_keeps_one_form() -> None:
    # 青山区's form with its header said again where a PDF's page would break: in 产出指标 (时效指标 goes on)
    # and before 效益指标, a level not read yet
    lines = [line for line in (CORPUS / "qingshan_jiaoyu_2020.txt").read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    header = lines[lines.index("一级指标"):lines.index("指标值") + 1]
    paged = lines[:lines.index("时效指标")] + header + lines[lines.index("时效指标"):lines.index("效益指标")] + [""] + header \
        + lines[lines.index("效益指标"):]
    alone = parse_table("\n".join(lines).encode(), filename="qingshan.txt")
    result = parse_table("\n".join(paged).encode(), filename="qingshan.txt")
    assert isinstance(result, TableReading) and isinstance(alone, TableReading) and not result.source.get("forms")
    assert [(i["name"], i["level1"], i["targets"]) for i in result.indicators] == [
        (i["name"], i["level1"], i["targets"]) for i in alone.indicators]
