"""Indicators written as labelled sentences, one a line (analytics/ingest/tables/labelled.py)."""

from __future__ import annotations

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.labelled import labelled_rows
from analytics.ingest.tables.lexicon import load_lexicon
from analytics.ingest.tables.sources import split_text

REPORT = "\n".join([
    "2024年度市级预算项目绩效自评报告(标准化工作专项补助经费)",
    "二、绩效分析",
    "本项目绩效自评得分100分,等级为优,设置绩效目标11个,实际完成11个,具体情况如下:",
    "(二) 成本指标",
    "1、经济成本指标",
    "1)获得补助企事业单位获得补助金额(万元),目标值200,完成值200,分值10,得分10。",
    "2、社会成本指标",
    "(一) 产出指标",
    "1、数量指标",
    "1)主导制修订国家标准的项目数量(项),目标值2,完成值2,分值6,得分6。",
    "2、时效指标",
    "1)项目完成及时率(%),目标值≥90%,完成值100,分值8,得分8。",
    "2)标准文本按时发布,目标值按时完成,完成值已完成,分值8,得分8。",
    "三、存在问题",
    "部分项目进度偏慢,目标值设置偏低。",
])


def test_a_report_s_labelled_sentences_are_rows_under_their_level_headings() -> None:
    """名称(单位),目标值N,完成值N,分值N,得分N under (一) 产出指标 / 1、数量指标: the name and its unit, the
    target and the actual, the levels from the headings above, the year from the title; the report's
    summary sentence (设置绩效目标11个) and its other sentences are no rows."""
    result = parse_table(REPORT.encode("utf-8"), filename="报告.txt")
    assert isinstance(result, TableReading)
    got = [(i["level1"], i["level2"], i["name"], i["unit"], i["targets"]["2024"]["raw"],
            (i.get("actuals") or {}).get("2024", {}).get("raw")) for i in result.indicators]
    assert got == [("成本指标", "经济成本指标", "获得补助企事业单位获得补助金额", "万元", "200", "200"),
                   ("产出指标", "数量指标", "主导制修订国家标准的项目数量", "项", "2", "2"),
                   ("产出指标", "时效指标", "项目完成及时率", "%", "≥90%", "100"),
                   ("产出指标", "时效指标", "标准文本按时发布", "", "按时完成", "已完成")]
    assert result.source["year"] == 2024 and not result.unread
    assert result.indicators[0]["targets"]["2024"]["comparator"] == "<="  # a sum paid out under 成本指标: a cap
    assert result.indicators[3]["kind"] == "qualitative"


def test_a_text_mentioning_a_target_once_is_not_read_as_labelled_sentences() -> None:
    """Two lines with two labelled values each at least make such a list; one sentence with
    目标值 and 完成值 in it, or labels no second line uses, do not."""
    lex = load_lexicon()
    once = "项目概况\n培训人数(人),目标值200,完成值210。\n其余指标均已完成。\n"
    assert labelled_rows(split_text(once), lex) is None
    summary = "设置绩效目标11个,实际完成11个\n共有指标8个,实际完成8个,总得分95分\n"
    assert labelled_rows(split_text(summary), lex) is None
    table = labelled_rows(split_text(REPORT), lex)
    assert table is not None and table.rows[3] == ["一级指标", "二级指标", "三级指标", "目标值", "完成值", "分值", "得分"]


def test_a_name_and_its_target_written_together_before_the_labelled_actual() -> None:
    """(1)培训人数目标值200人,实际完成值210人,得分10: the target's label written right after the name, the
    other values apart: 培训人数 | 200人 | 210人."""
    text = "\n".join(["2023年度项目绩效自评报告", "（一）产出指标", "1.数量指标",
                      "(1)培训人数目标值200人,实际完成值210人,得分10。",
                      "(2)培训场次目标值10场,实际完成值12场,得分10。",
                      "2.质量指标", "(1)培训合格率目标值≥95%,实际完成值98%,得分10。"])
    result = parse_table(text.encode("utf-8"), filename="报告.txt")
    assert isinstance(result, TableReading)
    got = [(i["level2"], i["name"], i["targets"]["2023"]["raw"], i["actuals"]["2023"]["raw"]) for i in result.indicators]
    assert got == [("数量指标", "培训人数", "200人", "210人"), ("数量指标", "培训场次", "10场", "12场"),
                   ("质量指标", "培训合格率", "≥95%", "98%")]


def test_a_word_report_s_paragraphs_of_labelled_sentences(tmp_path) -> None:
    """The same sentences as paragraphs of a Word report with no table in it are read the same way."""
    import docx

    doc = docx.Document()
    for line in REPORT.split("\n"):
        doc.add_paragraph(line)
    path = tmp_path / "报告.docx"
    doc.save(str(path))
    result = parse_table(str(path))
    assert isinstance(result, TableReading)
    assert [i["name"] for i in result.indicators] == ["获得补助企事业单位获得补助金额", "主导制修订国家标准的项目数量",
                                                     "项目完成及时率", "标准文本按时发布"]


#: a self-evaluation report whose title starts with its year, headed A产出指标(自评分19分) / (1)数量指标:,
#: a name written with its amount again, and a label that lost its first character in the copy
SLIPS = "\n".join([
    "2021年中央农机购置补贴项目支出绩效自评报告",
    "(二)绩效目标完成情况",
    "A产出指标(自评分38分)",
    "(1)数量指标:",
    "2021年农机购置补贴资金120万,年初目标值120万,实际完成值118万。",
    "受益农户数,年初目标值≥300户,实际完成值312户,自评得分10分;",
    "(2)质量指标:",
    "补贴机具核验率,年初目标值=100%,实际完成值=100%,自评得分10分;",
    "补贴资金兑付准确率,初目标值≥98%,实际完成值99%,自评得分10分;",
    "二、存在的问题",
])


def test_a_lettered_heading_a_repeated_amount_and_a_label_short_of_its_first_character() -> None:
    result = parse_table(SLIPS.encode("utf-8"), filename="报告.txt")
    assert isinstance(result, TableReading)
    got = [(i["level1"], i["level2"], i["name"], i["targets"]["2021"]["raw"], i["actuals"]["2021"]["raw"])
           for i in result.indicators]
    assert got == [("产出指标", "数量指标", "2021年农机购置补贴资金", "120万", "118万"),
                   ("产出指标", "数量指标", "受益农户数", "≥300户", "312户"),
                   ("产出指标", "质量指标", "补贴机具核验率", "=100%", "=100%"),
                   ("产出指标", "质量指标", "补贴资金兑付准确率", "≥98%", "99%")]


#: a report under a head in cells: a level leading its line, two labelled rows joined by ;, 年初任务数
JOINED = "\n".join([
    "标题:某盟城乡居民基本养老保险补助资金2022年度绩效自评报告 | |||",
    "索引号:1234-5/2023-00020 | 发文字号: | ||",
    "(四)绩效指标完成情况分析。",
    "1.产出指标。",
    "数量指标。养老金领取人数年初任务数10000人,全年完成值10300人;全年缴费人数年初任务数20000人,全年完成值19800人。",
    "质量指标。待遇按时足额发放率年初任务数100%,全年完成值100%。",
    "三、存在的问题",
])


def test_rows_joined_by_a_semicolon_under_a_level_leading_the_line_below_a_head_in_cells() -> None:
    result = parse_table(JOINED.encode("utf-8"), filename="报告.txt")
    assert isinstance(result, TableReading)
    got = [(i["level2"], i["name"], i["targets"]["2022"]["value"], i["actuals"]["2022"]["value"])
           for i in result.indicators]
    assert got == [("数量指标", "养老金领取人数", 10000, 10300), ("数量指标", "全年缴费人数", 20000, 19800),
                   ("质量指标", "待遇按时足额发放率", 100, 100)]
