"""Where a next form begins in a text one cell a line (analytics/ingest/tables/starts.py)."""

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
