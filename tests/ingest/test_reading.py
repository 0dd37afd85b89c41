"""One grid read into indicators (analytics/ingest/tables/reading.py): where a form's rows end (a next
form's facts, or its header said again with the levels over from their first)."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest

from analytics.ingest.tables import TableReading, parse_table
from tests.ingest.copies import read_copy

CORPUS = Path(__file__).resolve().parents[1] / "tables" / "corpus"


def _rows(name: str) -> list[list[str]]:
    """A corpus table's rows (tab-separated cells), its notes left out."""
    return [line.rstrip("\n").split("\t") for line in (CORPUS / name).read_text(encoding="utf-8").splitlines(True)
            if not line.startswith("#")]


def _two_projects(kind: str, tmp_path: Path) -> Path:
    """嘉峪关's 博物馆 form and, right below it without its title, 南岳's 扶贫 form (its 项目名称 row
    beside 项目负责人及电话), in one sheet, one Word table or one text."""
    rows = _rows("jiayuguan_bowuguan_2023.tsv") + _rows("nanyue_fupin_2018.tsv")[1:]
    path = tmp_path / f"two_projects.{kind}"
    _write(rows, path)
    return path


def _write(rows: list[list[str]], path: Path) -> None:
    """``rows`` in one sheet, one Word table or one tab-separated text, by ``path``'s suffix."""
    kind = path.suffix[1:]
    if kind == "xlsx":
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        book.save(path)
    elif kind == "docx":
        document = docx.Document()
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                table.cell(i, j).text = cell
        document.save(path)
    else:
        path.write_text("\n".join("\t".join(r) for r in rows), encoding="utf-8")


@pytest.mark.parametrize("kind", ["xlsx", "docx", "tsv"])
def test_a_next_projects_name_beside_its_contact_ends_the_form_above(kind: str, tmp_path: Path) -> None:
    # 项目名称 | … | 项目负责人及电话 | …: the next form's facts, never a closing line (负责人) of the form above
    result = parse_table(_two_projects(kind, tmp_path))
    assert isinstance(result, TableReading)
    forms = [(f["name"], f["indicators"]) for f in result.source["forms"]]
    assert forms == [("文化事业发展专项资金", 10), ("2018年市级专项扶贫资金基础设施(人大代表扶贫基地)", 16)]
    assert [i["name"] for i in result.indicators if i["form"] == 2][:2] == [
        "贫困地区旅游基础设施建设工程", "贫困地区旅游景点开发数量"]
    second = parse_table(_two_projects(kind, tmp_path), form=2)
    assert isinstance(second, TableReading) and second.project["departments"]["主管部门"] == "南岳镇政府"


@pytest.mark.parametrize("kind", ["xlsx", "docx", "tsv"])
def test_a_header_said_again_with_its_levels_over_begins_a_next_form(kind: str, tmp_path: Path) -> None:
    # 南岳's 扶贫 form copied below 嘉峪关's from its header row on, without its title and facts: its rows were
    # joined to 嘉峪关's (17 indicators, some of 南岳's lost); 产出指标 again after 满意度指标 begins a form
    rows = _rows("jiayuguan_bowuguan_2023.tsv") + _rows("nanyue_fupin_2018.tsv")[8:]
    assert rows[len(_rows("jiayuguan_bowuguan_2023.tsv"))][:3] == ["绩效指标", "一级指标", "二级指标"]
    path = tmp_path / f"two_tables.{kind}"
    _write(rows, path)
    result = parse_table(path)
    assert isinstance(result, TableReading)
    assert [(f["name"], f["indicators"]) for f in result.source["forms"]] == [("文化事业发展专项资金", 10), (None, 16)]
    alone = parse_table(CORPUS / "nanyue_fupin_2018.tsv")
    assert isinstance(alone, TableReading)
    assert [(i["name"], i["targets"]["2023"]) for i in result.indicators if i["form"] == 2] == [
        (i["name"], i["targets"]["2018"]) for i in alone.indicators]  # the year of the form above, none of its own


@pytest.mark.parametrize("kind", ["xlsx", "docx", "tsv"])
def test_a_next_table_whose_first_level_is_the_one_above_ended_in_begins_a_form(kind: str, tmp_path: Path) -> None:
    # a first table of 产出指标 only, the next copied below it from its header on: its first level is the one
    # the first ended in, its second (数量指标) starts over; the rows were joined into one form of 6
    header = ["一级指标", "二级指标", "三级指标", "指标值"]
    first = [["产出指标", "数量指标", "培训人数", "≥100人"], ["产出指标", "质量指标", "培训合格率", "≥95%"],
             ["产出指标", "时效指标", "培训完成及时率", "100%"]]
    second = [["产出指标", "数量指标", "新建服务站点", "5个"], ["效益指标", "社会效益指标", "就业率", "≥90%"],
              ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"]]
    path = tmp_path / f"two_tables.{kind}"
    _write([["2024年项目支出绩效目标表"], ["项目名称", "职业技能培训"], header, *first, header, *second], path)
    result = parse_table(path)
    assert isinstance(result, TableReading)
    assert [(f["name"], f["indicators"]) for f in result.source["forms"]] == [("职业技能培训", 3), (None, 3)]
    assert [i["name"] for i in result.indicators if i["form"] == 2] == ["新建服务站点", "就业率", "群众满意度"]


def test_a_next_table_beginning_at_its_second_level_begins_a_form() -> None:
    # a web copy that drops merged cells (黄石's 批复表): the rows shift left and 产出指标 lands in the
    # middle of its block, so the second table's first level is 数量指标, as the first table's was
    lines = [line for line in (CORPUS / "huangshi_pifu_2022.txt").read_text(encoding="utf-8").splitlines()
             if not line.startswith("#") and not line.startswith("财政资金管理科室")]
    header = next(line for line in lines if line.startswith("绩效指标 | 一级指标"))
    second = ["数量指标 | 短期培训班次 | 12期 | ||||", "产出指标 | 培训人次 | 600人次 | ||||", "时效指标 | 及时完成率 | 100% | ||||",
              "满意度指标 | 服务对象满意度指标 | 参训学员满意度 | ≥90% | |||"]
    result = parse_table("\n".join(lines + ["", header, "2021年实际实现值 | 预期2022年实现值 | |||||"] + second).encode(),
                         filename="huangshi.txt")
    assert isinstance(result, TableReading)
    assert [(f["name"], f["indicators"]) for f in result.source["forms"]] == [("主体班", 13), (None, 4)]
    assert [i["name"] for i in result.indicators if i["form"] == 2] == ["短期培训班次", "培训人次", "及时完成率", "参训学员满意度"]


def test_a_header_said_again_on_a_new_page_keeps_one_form() -> None:
    # 黄石's 批复表 (a web copy, |-separated, rows shifted left under merged cells) with its header said again
    # where a PDF's page would break: in 产出指标's 质量指标 block, and before 满意度指标, a level not read yet
    lines = [line for line in (CORPUS / "huangshi_pifu_2022.txt").read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    header = next(line for line in lines if line.startswith("绩效指标 | 一级指标"))
    quality, satisfied = lines.index("邀请校外名师、领导授课完成率 | 100% | |||||"), lines.index(
        next(line for line in lines if line.startswith("满意度指标")))
    paged = lines[:quality] + [header] + lines[quality:satisfied] + ["", header] + lines[satisfied:]
    alone = parse_table("\n".join(lines).encode(), filename="huangshi.txt")
    result = parse_table("\n".join(paged).encode(), filename="huangshi.txt")
    assert isinstance(result, TableReading) and isinstance(alone, TableReading) and not result.source.get("forms")
    assert [(i["name"], i["level1"], i["targets"]) for i in result.indicators] == [
        (i["name"], i["level1"], i["targets"]) for i in alone.indicators]


def test_a_web_pages_second_table_copied_from_its_header_is_a_form_of_its_own() -> None:
    # 黄石's 批复表 then, below a blank line, 岳阳楼区's indicator table from its header on (other columns:
    # 指标值类型, 计量单位 …), both |-separated: 岳阳楼区's rows were read under 黄石's header (no values)
    result = read_copy("two_tables.pipe.txt")
    assert [(f["name"], f["indicators"]) for f in result.source["forms"]] == [("主体班", 13), (None, 5)]
    alone = parse_table(CORPUS / "yueyanglou_jiage_2023.txt")
    assert isinstance(alone, TableReading)
    assert [(i["name"], i["targets"]["2022"]) for i in result.indicators if i["form"] == 2] == [
        (i["name"], i["targets"]["2023"]) for i in alone.indicators]  # the year of the form above, none of its own
    assert [u["text"] for u in result.unread] == [u["text"] for u in alone.unread]


def test_a_names_explanation_in_brackets_is_its_note_not_its_name(tmp_path: Path) -> None:
    """结余率(计算方法为:结余数/预算数): the indicator is 结余率, the text as written its name_raw, and the
    explanation is kept in ``inferred.name`` with its reason; a bracket of the name's own (含社区) stays."""
    path = tmp_path / "t.tsv"
    path.write_text("一级指标\t二级指标\t三级指标\t2024年指标值\n"
                    "产出指标\t质量指标\t培训合格率（指考核合格人数占参训人数的比例）\t≥95%\n"
                    "效益指标\t经济效益指标\t结余率(计算方法为:结余数/预算数)\t≤5%\n"
                    "效益指标\t社会效益指标\t受益人数(含社区)\t≥500人\n", encoding="utf-8")
    result = parse_table(path)
    assert isinstance(result, TableReading)
    inds = result.to_json()["indicators"]
    assert [i["name"] for i in inds] == ["培训合格率", "结余率", "受益人数(含社区)"]
    assert inds[1]["name_raw"] == "结余率(计算方法为:结余数/预算数)"
    assert (inds[1]["unit"], inds[1]["kind"], inds[1]["direction"]) == ("%", "rate", "lower")
    said = inds[1]["inferred"]["name"]
    assert said["value"] == "结余率" and said["note"] == "计算方法为:结余数/预算数" and said["rule"] == "name_note"
    assert "计算方法为:结余数/预算数" in said["reason"] and "计算方法为:结余数/预算数" in said["reason_en"]
    assert inds[0]["inferred"]["name"]["note"] == "指考核合格人数占参训人数的比例"
    assert "name" not in inds[2]["inferred"] and "name" not in inds[1]["review"]


def test_value_columns_naming_their_year_take_none_from_the_title(tmp_path: Path) -> None:
    """A 2026年度…绩效目标表 whose value column is headed 2026年指标值: the year is the column's own, so the
    新建项目 page says nothing of a year taken from the title (it said 指标值列没有写年度：按表的标题取为 2026 年);
    a column headed 指标值 alone still takes the title's year, and says so."""
    from analytics.present.tables_text import year_message

    def read(header: str) -> TableReading:
        book = openpyxl.Workbook()
        for row in (["2026年度项目支出绩效目标表"], ["项目名称", "社区养老服务提升项目"], ["一级指标", "二级指标", "三级指标", header],
                    ["产出指标", "数量指标", "新建社区养老服务站数量", "≥12个"], ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%"]):
            book.active.append(row)
        path = tmp_path / f"{header}.xlsx"
        book.save(path)
        result = parse_table(path)
        assert isinstance(result, TableReading) and list(result.indicators[0]["targets"]) == ["2026"]
        return result

    named = read("2026年指标值")
    assert named.source["year"] == 2026 and year_message({"source": named.source}, "zh") is None
    unnamed = read("指标值")
    assert year_message({"source": unnamed.source}, "zh") == "指标值列没有写年度：按表的标题取为 2026 年。如不对，请在上方“目标值所属年度”中填写。"
