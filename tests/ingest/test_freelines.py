"""The last-resort reading of a text whose header fits no row: a name and its values on each line."""

from __future__ import annotations

from pathlib import Path

from analytics.ingest.tables import TableReading, parse_table

SCRAMBLED = (
    "某县项目支出绩效自评表 (2021年度) 项目名称 基本公共卫生服务 年度 实际 指标值 完成值 分值 得分\n"
    "指标1:居民健康档案 38508人\n"
    "指标2:发放健康教育资料 不少于12 种 6种 1 1\n"
    "指标5:举办健康教育知识讲座 分值 得分 37442人 3 3\n"
    "指标6:举办健康教育宣传咨询活动 12次 96次 1 1\n"
    "指标8:适龄儿童疫苗接种率 100.00% 97.30% 2 1.9\n"
    "指标9:0-6岁儿童健康管理数 2089人 2089人 2 2\n")


def test_each_line_a_name_then_target_and_actual(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(SCRAMBLED, encoding="utf-8")
    result = parse_table(path)
    assert isinstance(result, TableReading)
    data = result.to_json()
    by = {i["name"]: i for i in data["indicators"]}
    assert list(by) == ["居民健康档案", "发放健康教育资料", "举办健康教育宣传咨询活动", "适龄儿童疫苗接种率", "0-6岁儿童健康管理数"]
    assert data["source"]["format"] == "text-lines-free"
    assert (data["source"]["year"], data["source"]["year_from"]) == (2021, "title")
    assert by["发放健康教育资料"]["targets"]["2021"]["comparator"] == ">=" and by["发放健康教育资料"]["unit"] == "种"
    assert by["举办健康教育宣传咨询活动"]["actuals"]["2021"]["value"] == 96
    assert by["适龄儿童疫苗接种率"]["kind"] == "rate"
    # the numbered line whose values are elsewhere is listed, with its place
    assert [(u["where"], u["reason"]) for u in data["unread"]] == [("L4", "no_value")]


def test_a_real_header_is_read_before_the_last_resort(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("三级指标\t指标值\n培训人数\t100人\n办结率\t95%\n满意度\t90%\n", encoding="utf-8")
    result = parse_table(path, year=2024)
    assert isinstance(result, TableReading) and result.source["format"] == "text-tab"


def test_levels_glued_to_the_name_and_the_value_on_the_next_line(tmp_path: Path) -> None:
    text = ("部门整体支出绩效目标申报表（2021年度）\n"
            "绩效目标一级指标二级指标三级指标指标解释预期达到目标\n"
            "产出指标数量指标培育食用菌品种数量培育食用菌品种数量\n2种\n"
            "技术指导服务数量对生产企业技术指导服务数量\n10家\n"
            "质量指标党建任务完成率上级党组织要求完成的党建工作任务完成率\n100%\n")
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    result = parse_table(path)
    assert isinstance(result, TableReading)
    rows = [(i["level2"], i["name"], i["targets"]["2021"]["raw"]) for i in result.indicators]
    assert rows == [("数量指标", "培育食用菌品种数量", "2种"), ("数量指标", "技术指导服务数量", "10家"),
                    ("质量指标", "党建任务完成率", "100%")]


def test_a_list_of_projects_above_the_indicators_is_not_read(tmp_path: Path) -> None:
    text = ("资金安排表\n尧山村排洪排水工程建设 20万元\n吾培村水圳修复 15万元\n三洋村河道治理 20万元\n"
            "绩效目标 一级 二级 三级\n"
            "数量指标 开展小型水利工程建设 7个\n时效指标 项目完工率 100%\n满意度指标 群众满意度 ≥90%\n")
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    result = parse_table(path, year=2022)
    assert isinstance(result, TableReading)
    assert [i["name"] for i in result.indicators] == ["开展小型水利工程建设", "项目完工率", "群众满意度"]


def test_a_list_with_headings_and_targets_in_brackets(tmp_path: Path) -> None:
    text = "\n".join([
        "某市公安局2025年项目绩效目标和指标",
        "【总体目标】", "保障机房设备运转",
        "【产出指标-数量指标】", "指标1:机柜数量(≥77台)",
        "【产出指标-质量指标】", "指标1:视频监控在线率(≥97%)",
        "【产出指标-成本指标】", "指标1:维护成本(≤168万元)",
        "【效益指标-社会效益指标】", "指标1:服务保障民生(有力保障)",
        "【满意度指标-服务对象满意度指标】", "指标1:群众满意度(≥90%)",
    ])
    path = tmp_path / "brackets.txt"
    path.write_text(text, encoding="utf-8")
    result = parse_table(path)
    assert isinstance(result, TableReading), result
    got = {i["name"]: i for i in result.to_json()["indicators"]}
    assert list(got) == ["机柜数量", "视频监控在线率", "维护成本", "服务保障民生", "群众满意度"]
    assert got["机柜数量"]["level2"] == "数量指标" and got["机柜数量"]["targets"]["2025"]["value"] == 77
    assert got["维护成本"]["targets"]["2025"]["comparator"] == "<=" and got["维护成本"]["unit"] == "万元"
    assert got["服务保障民生"]["kind"] == "qualitative"


def test_rows_copied_without_their_header_with_written_comparators() -> None:
    """The last rows of a form copied without its header, a cell between |: a target with its
    comparator written places its row (=, ≥ in a column of their own, % in the next), a nature word
    (定性) before a worded target is passed over, a project's facts (主管部门) are no indicator and the
    next form's rows are not read."""
    text = "\n".join([
        "档案数字化率 | = | 100 | % | 100 | 5 | 5 |",
        "| |||",
        "可持续影响指标 | 档案管理制度健全性 | 定性 | 健全 |",
        "满意度指标 | 服务对象满意度指标 | 查档群众满意度 | ≥ | 90 | % | 96 | 5 | 5 |",
        "合计 | 100 | 100 |",
        "部门预算项目支出绩效自评表(2024年度) | |||",
        "主管部门 | 某县档案馆 | 实施单位 | 某县档案馆 |",
        "预算执行情况(10分) |",
    ])
    result = parse_table(text.encode("utf-8"), filename="t.txt", year=2024)
    assert isinstance(result, TableReading)
    got = [(i["name"], i["targets"]["2024"]["raw"], i["kind"]) for i in result.to_json()["indicators"]]
    assert got == [("档案数字化率", "=100%", "rate"), ("档案管理制度健全性", "健全", "qualitative"),
                   ("查档群众满意度", "≥90%", "rate")]


def test_rows_saved_without_their_header_tab_separated_or_in_a_workbook(tmp_path: Path) -> None:
    """Rows of a table without its header: their cells are read before any reading of sentences
    (levels in their own cells set the levels, never glued to the name), and a row after the first
    counts however its target is written (a deadline)."""
    rows = [["产出指标", "数量指标", "走访慰问户数", "≥300户"], ["", "质量指标", "慰问金发放准确率", "≥98%"],
            ["", "时效指标", "慰问完成时间", "2025年2月底前"], ["满意度指标", "服务对象满意度指标", "慰问对象满意度", "≥95%"]]
    want = [("产出指标", "数量指标", "走访慰问户数", "≥300户"), ("产出指标", "质量指标", "慰问金发放准确率", "≥98%"),
            ("产出指标", "时效指标", "慰问完成时间", "2025年2月底前"), ("满意度指标", "服务对象满意度指标", "慰问对象满意度", "≥95%")]
    tsv = "\n".join("\t".join(r) for r in rows).encode("utf-8")
    import openpyxl

    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append([c or None for c in r])
    wb.save(tmp_path / "t.xlsx")
    for result in (parse_table(tsv, filename="t.tsv", year=2025), parse_table(tmp_path / "t.xlsx", year=2025)):
        assert isinstance(result, TableReading)
        got = [(i["level1"], i["level2"], i["name"], i["targets"]["2025"]["raw"]) for i in result.to_json()["indicators"]]
        assert got == want


def test_a_bare_list_is_read_when_pasted_but_a_file_of_other_figures_is_no_table() -> None:
    pasted = "培训人次 500 人次\n培训合格率 95 %\n学员满意度 90 %\n"
    result = parse_table(pasted.encode("utf-8"), filename="t.txt", year=2024)
    assert isinstance(result, TableReading)
    assert [(i["name"], i["targets"]["2024"]["raw"]) for i in result.to_json()["indicators"]] == [
        ("培训人次", "500人次"), ("培训合格率", "95%"), ("学员满意度", "90%")]
    budget_sheet = "办公费,5,万元\n差旅费,3,万元\n印刷费,2,万元\n"
    assert not isinstance(parse_table(budget_sheet.encode("utf-8"), filename="t.csv", year=2024), TableReading)


def test_a_second_level_word_with_its_value_under_its_level_names_the_row() -> None:
    """满意度指标 / 服务对象满意度指标(必填) / 服务对象满意度 / 100%: the template's level, then the
    row named by a word the lexicon also knows as a second level, its value on the next line."""
    text = "\n\n".join([
        "石嘴山市疾病预防控制中心2020年项目支出预算绩效目标",
        "   产出指标", "    时效指标(必填)", "     疫苗提供及时率", "100%",
        "     对美沙酮维持患者及时给予治疗", "100%",
        "    数量指标(必填硬性指标)", "     疫苗使用率", "100%",
        "   满意度指标", "    服务对象满意度指标(必填)", "     服务对象满意度", "100%",
    ])
    result = parse_table(text.encode("utf-8"), filename="copy.txt")
    assert isinstance(result, TableReading)
    rows = {i["name"]: (i["level1"], i["level2"]) for i in result.to_json()["indicators"]}
    assert rows["服务对象满意度"] == ("满意度指标", "服务对象满意度指标")
    assert rows["疫苗使用率"] == ("产出指标", "数量指标")
