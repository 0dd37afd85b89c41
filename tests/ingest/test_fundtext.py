"""Funding stated only in words above the table (a cover letter, a 项目概况 paragraph): read when the
table has no money block, said in ``project.inferred.funding``; never when the table has one."""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.fundtext import text_funding
from analytics.ingest.tables.lexicon import load_lexicon

TABLE = ("一级指标\t二级指标\t三级指标\t指标值\n"
         "产出指标\t数量指标\t新建供水站数量\t≥3座\n"
         "\t质量指标\t工程验收合格率\t100%\n"
         "效益指标\t社会效益指标\t受益人口\t≥5000人\n"
         "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\n")

LETTER = ("某县财政局关于下达2024年农村饮水安全巩固提升工程绩效目标的通知\n"
          "各有关单位：\n"
          "现将项目绩效目标批复如下。项目总投资1200万元，其中中央补助800万元、市级配套400万元，请按规定专款专用。\n"
          "\n")


def _read(tmp_path: Path, text: str, name: str = "letter.txt") -> dict:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = parse_table(path)
    assert isinstance(result, TableReading) and len(result.indicators) == 4, result
    return result.to_json()


def test_a_cover_letters_total_and_sources_are_the_funding_said_with_its_line(tmp_path: Path) -> None:
    data = _read(tmp_path, LETTER + TABLE)
    funding = data["project"]["funding"]
    assert funding["total"] == 1200 and funding["unit"] == "万元"
    assert [(s["key"], s["name"], s["amount"]) for s in funding["sources"]] == [
        ("central", "中央补助", 800), ("municipal", "市级配套", 400)]
    assert "unallocated" not in funding
    why = data["project"]["inferred"]["funding"]
    assert why["rule"] == "funding_in_text" and why["where"] == "L3" and why["confidence"] == "medium"
    assert "项目总投资1200万元" in why["reason"] and "表中没有资金栏" in why["reason"]
    assert why["reason_en"].startswith("The table has no funding block")


def test_a_project_overview_paragraph_in_a_word_file_gives_the_total(tmp_path: Path) -> None:
    import docx

    doc = docx.Document()
    doc.add_paragraph("某镇农村公路养护项目绩效目标表")
    doc.add_paragraph("项目概况：本项目安排资金 56.3 万元，用于全镇农村公路日常养护，")
    doc.add_paragraph("每公里补助标准为 2000 元。")
    rows = [line.split("\t") for line in TABLE.strip().split("\n")]
    table = doc.add_table(rows=len(rows), cols=4)
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            table.cell(i, j).text = v
    doc.save(str(tmp_path / "overview.docx"))
    result = parse_table(tmp_path / "overview.docx")
    assert isinstance(result, TableReading)
    assert result.project["funding"] == {"total": 56.3, "unit": "万元", "sources": []}  # 2000 元 a rate, not money
    assert result.project["inferred"]["funding"]["where"] == "¶2"


def test_a_money_block_of_the_table_wins_and_an_empty_one_is_no_invitation(tmp_path: Path) -> None:
    block = "项目名称\t农村饮水安全巩固提升工程\n年度资金总额\t900\n其中：财政拨款\t900\n"
    data = _read(tmp_path, LETTER + block + TABLE)
    assert data["project"]["funding"]["total"] == 900 and "inferred" not in data["project"]
    empty = "项目名称\t农村饮水安全巩固提升工程\n年度资金总额\t\n其中：财政拨款\t\n"
    data = _read(tmp_path, LETTER + empty + TABLE)
    assert data["project"]["funding"] is None and "inferred" not in data["project"]


def test_no_words_of_money_leave_the_funding_unknown(tmp_path: Path) -> None:
    data = _read(tmp_path, "某县农村饮水安全巩固提升工程绩效目标表\n" + TABLE)
    assert data["project"]["funding"] is None and "inferred" not in data["project"]


def _funding(*lines: str) -> dict | None:
    found = text_funding([[line] for line in lines], [f"L{i}" for i in range(1, len(lines) + 1)], load_lexicon())
    return None if found is None else {**found[0], "where": found[1]["where"], "reason": found[1]["reason"]}


@pytest.mark.parametrize("lines, total, sources, where", [
    (["按照上级文件要求，现下达你区补助资金772万元，并将有关事项通知如下："], 772, [], "L1"),
    (["项目总投资13.72亿元，本次申请中央预算内投资2.71亿元，地方投资11.01亿元。"], 137200,
     [("central", "中央预算内投资", 27100), ("local", "地方投资", 110100)], "L1"),
    (["2022年共投入补助经费预算10441万元。", "其中，中央转移支付资金8353万元，自治区配套资金2088万元。"], 10441,
     [("central", "中央转移支付资金", 8353), ("provincial", "自治区配套资金", 2088)], "L1"),
    (["项目总投资1200万元，其中中央补", "助800万元、县级配套400万元。"], 1200,
     [("central", "中央补助", 800), ("county", "县级配套", 400)], "L1"),
    (["资金总额10606.75万元，财政拨款：6923.36万元（其中：上级财政资金6923.36万元；本级财政0万元），其他资金（含结转）3683.39万元"],
     10606.75, [("local", "财政拨款", 6923.36), ("other", "其他资金", 3683.39)], "L1"),
    (["关于下达项目资金的通知", "各乡镇：", "经研究，安排你镇设施农业技术培训资金30万元。"], 30, [], "L3"),
    (["在全乡范围内实施中央动物防疫等补助经费9.55万元。"], 9.55, [], "L1"),
])
def test_the_shapes_letters_write_their_money_in(lines: list[str], total: float, sources: list, where: str) -> None:
    got = _funding(*lines)
    assert got is not None and got["total"] == total and got["where"] == where
    assert [(s["key"], s["name"], s["amount"]) for s in got["sources"]] == sources


@pytest.mark.parametrize("lines", [
    ["每亩补助标准为200元，人均补助1500元。"],
    ["三个部分预算资金分别74万元、14万元、8万元。"],
    ["培训300人，受益群众5万人以上。"],
])
def test_rates_parts_and_counts_are_no_funding(lines: list[str]) -> None:
    assert _funding(*lines) is None


def test_parse_table_and_new_project_page_ask_to_check_funding_read_from_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Funding from a letter may be a whole programme's: parse-table says where it was read and asks to
    check it (as the 新建项目 page does, tests/app); a table with its own money block is not asked about."""
    from analytics.cli.main import main

    path = tmp_path / "letter.txt"
    path.write_text(LETTER + TABLE, encoding="utf-8")
    assert main(["parse-table", str(path), "--format", "table"]) == 0
    err = capsys.readouterr().err
    assert "L3：" in err and "项目总投资1200万元" in err and "请核对这是本项目的资金" in err
    assert main(["parse-table", str(path), "--format", "table", "--lang", "en"]) == 0
    assert "Check that this is the project's own funding" in capsys.readouterr().err
    path.write_text("项目名称\t供水工程\n年度资金总额\t300\n" + TABLE, encoding="utf-8")
    assert main(["parse-table", str(path), "--format", "table"]) == 0
    assert "请核对这是本项目的资金" not in capsys.readouterr().err
