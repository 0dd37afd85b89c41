"""Targets written as sentences (a notice instead of a table) read through the table reader."""

from __future__ import annotations

from pathlib import Path

from analytics.ingest.tables import NoTable, TableReading, parse_table

NOTICE = (
    "关于某镇设施农业种植项目绩效目标设定的公示\n"
    "根据2023年资金安排，实施种植项目。现将绩效目标设定如下:\n"
    "一、 产出指标\n"
    "数量指标:★补助各类种植数量,葡萄种植数量(≥**株)>=17600株;种植作物成活率(≥**%)>=85;时效指标:完成及时率(≥**%)>=100%。"
    "成本指标:作物种植补助标准,葡萄补助成本(≤**元/株)≤28.40/株。\n"
    "二、 效益指标\n"
    "效益指标:经济效益指标:特色产业产值(≥**万元)≥80万元;社会效益目标:★★★受益户数(≥**户)≥10户。生态效益指标:生态修复功能提高。\n"
    "三、 满意度指标\n"
    "服务对象满意度指标,受益户满意度(≥**%)≥95%。\n"
    "某镇人民政府\n2023年3月27日\n")


def _read(tmp_path: Path, text: str, **kw: object) -> dict:
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    result = parse_table(path, **kw)  # type: ignore[arg-type]
    assert isinstance(result, TableReading), result
    return result.to_json()


def test_each_clause_with_a_target_is_an_indicator_under_its_levels(tmp_path: Path) -> None:
    data = _read(tmp_path, NOTICE)
    by = {i["name"]: i for i in data["indicators"]}
    assert list(by) == ["葡萄种植数量", "种植作物成活率", "完成及时率", "葡萄补助成本", "特色产业产值", "受益户数", "受益户满意度"]
    assert data["source"]["format"] == "text-prose" and data["source"]["year"] == 2023
    assert data["source"]["year_from"] == "text"
    assert data["project"]["name"] == "某镇设施农业种植项目"  # from the notice's title
    assert by["葡萄种植数量"]["unit"] == "株" and by["葡萄种植数量"]["targets"]["2023"]["value"] == 17600
    assert by["葡萄补助成本"]["unit"] == "元/株" and by["葡萄补助成本"]["direction"] == "lower"
    assert by["葡萄补助成本"]["targets"]["2023"]["comparator"] == "<="
    assert (by["完成及时率"]["level1"], by["完成及时率"]["level2"]) == ("产出指标", "时效指标")
    assert by["受益户数"]["level2"] == "社会效益指标"  # 社会效益目标 read as its level
    assert (by["受益户满意度"]["level1"], by["受益户满意度"]["kind"]) == ("满意度指标", "rate")
    # clauses under a level without a target are listed, not dropped
    assert {s["text"] for s in data["skipped"] if s["reason"] == "prose"} >= {"生态修复功能提高", "★补助各类种植数量"}
    assert all(s["where"].startswith("L") for s in data["skipped"])


def test_year_argument_wins_and_text_without_targets_is_no_table(tmp_path: Path) -> None:
    assert _read(tmp_path, NOTICE, year=2024)["source"]["year"] == 2024
    path = tmp_path / "letter.txt"
    path.write_text("关于开展工作的通知\n各单位：请于3月底前报送材料。\n联系人：张三\n", encoding="utf-8")
    assert isinstance(parse_table(path), NoTable)


def _docx(tmp_path: Path, paragraphs: list[str]) -> Path:
    import docx

    doc = docx.Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    path = tmp_path / "notice.docx"
    doc.save(str(path))
    return path


def test_a_word_notice_without_a_table_is_read_as_sentences(tmp_path: Path) -> None:
    result = parse_table(_docx(tmp_path, NOTICE.split("\n")))
    assert isinstance(result, TableReading) and result.source["format"] == "text-prose"
    assert len(result.indicators) == 7 and result.indicators[0]["where"].startswith("¶")
    letter = parse_table(_docx(tmp_path, ["关于开展工作的通知", "请于3月底前报送材料。"]))
    assert isinstance(letter, NoTable) and letter.code == "no_word_table" and letter.detail == "2"


def test_a_number_ending_a_clause_under_a_level_is_a_target(tmp_path: Path) -> None:
    """Under a level word, ``资助困难学生1200人`` and ``资助标准100%达标`` are targets without a
    comparator; numbers before the first level (资金895.8万元) or dates are not indicators."""
    text = ("某学院助学金项目情况公示\n"
            "2024年资助资金涉及资金895.8万元，现将情况公示如下：\n"
            "七、绩效目标\n"
            "(一)产出指标\n"
            "1、数量指标:资助困难学生1200人。\n"
            "2、质量指标:资助标准100%达标,资金发放率98%以上。\n"
            "3、时效指标:发放时间2024.12.31。\n"
            "4、成本指标:平均每生每年3300元。\n")
    data = _read(tmp_path, text)
    got = {i["name"]: i for i in data["indicators"]}
    assert set(got) == {"资助困难学生", "资助标准", "资金发放率", "平均每生每年"}
    assert got["资助困难学生"]["level2"] == "数量指标" and got["资助困难学生"]["unit"] == "人"
    assert got["资助标准"]["targets"]["2024"]["value"] == 100 and got["资助标准"]["unit"] == "%"
    assert got["资金发放率"]["targets"]["2024"]["comparator"] == ">="
    assert got["平均每生每年"]["targets"]["2024"]["value"] == 3300 and got["平均每生每年"]["level1"] == "产出指标"


def test_a_level_set_off_by_a_dash_under_a_heading_and_worded_comparators(tmp_path: Path) -> None:
    text = ("某县2023年度项目支出绩效自评报告\n"
            "(二)项目绩效目标。\n"
            "2.阶段性目标:数量指标-治理水土流失面积大于等于1200亩;质量指标-治理工程验收合格率达到95%;"
            "社会效益指标-群众生产条件改善;服务对象满意度指标-受益群众满意度大于等于85%。\n")
    got = {i["name"]: i for i in _read(tmp_path, text)["indicators"]}
    assert list(got) == ["治理水土流失面积", "治理工程验收合格率", "受益群众满意度"]
    assert got["治理水土流失面积"]["level2"] == "数量指标"
    assert got["治理水土流失面积"]["targets"]["2023"]["comparator"] == ">="
    assert got["治理水土流失面积"]["targets"]["2023"]["value"] == 1200
    assert got["受益群众满意度"]["level1"] == "满意度指标"


LIST = (
    "2023年基本公共卫生服务项目绩效目标\n"
    "1.适龄儿童国家免疫规划疫苗接种率≥90%\n"
    "2.7岁以下儿童健康服务率≥90%\n"
    "3.高血压患者管理人数142万人\n"
    "4.社区在册居家严重精神障碍患者健康管理率≥95%(2022:90%)\n"
    "5.社区在册居家严重精神障碍患者健康体检率≥60%(新增)\n"
    "6.居民健康素养水平不断提高\n"
    "7.基本公共卫生服务对象满意度较上年提高\n")


def test_a_numbered_list_is_read_item_by_item(tmp_path: Path) -> None:
    data = _read(tmp_path, LIST)
    got = [(i["name"], i["targets"]["2023"]["raw"], i["kind"]) for i in data["indicators"]]
    assert got == [("适龄儿童国家免疫规划疫苗接种率", "≥90%", "rate"), ("7岁以下儿童健康服务率", "≥90%", "rate"),
                   ("高血压患者管理人数", "142万人", "stock"), ("社区在册居家严重精神障碍患者健康管理率", "≥95%", "rate"),
                   ("社区在册居家严重精神障碍患者健康体检率", "≥60%", "rate"),
                   ("居民健康素养水平不断提高", "居民健康素养水平不断提高", "qualitative"),
                   ("基本公共卫生服务对象满意度较上年提高", "基本公共卫生服务对象满意度较上年提高", "qualitative")]
    assert data["indicators"][2]["targets"]["2023"]["value"] == 142.0


def test_last_years_value_noted_after_a_target_is_the_baseline_never_the_year(tmp_path: Path) -> None:
    # ≥95%(2022:90%): the 2022 value is the baseline (patients under care: a count held, a stock);
    # a list without a title year takes no year from such notes — it asks for one
    data = _read(tmp_path, LIST)
    assert data["project"]["years"] == [2023] and data["project"]["baseline_year"] == 2022
    rows = {i["name"]: i for i in data["indicators"]}
    assert rows["社区在册居家严重精神障碍患者健康管理率"]["baseline"]["2022"]["value"] == 90.0
    assert rows["社区在册居家严重精神障碍患者健康体检率"]["baseline"] == {}  # (新增): nothing to compare with
    untitled = LIST.split("\n", 1)[1].replace("(2022:90%)", "(2022年:90%)") + "8.居民规范化电子健康档案覆盖率≥62%(2022年:61%)\n"
    data = _read(tmp_path, untitled)
    assert data["project"]["years"] == [] and data["source"]["year"] is None
    data = _read(tmp_path, untitled, year="2023")  # a year given as text, as a form field gives it
    assert data["project"]["years"] == [2023]
    assert {i["name"]: i["baseline"].get("2022", {}).get("value") for i in data["indicators"]}["居民规范化电子健康档案覆盖率"] == 61.0


def test_a_numbered_list_of_duties_sets_no_targets(tmp_path: Path) -> None:
    text = ("关于做好2023年项目管理工作的通知\n1.各地要加强组织领导\n2.进一步完善管理制度\n3.确保资金安全有效\n"
            "4.积极推动工作落实\n")
    assert isinstance(parse_table((tmp_path / "n.txt").write_text(text, encoding="utf-8") and tmp_path / "n.txt"), NoTable)


def test_numbers_out_of_turn_make_no_list(tmp_path: Path) -> None:
    text = "2023年项目绩效目标\n3.服务人次5000人次\n1.居民健康素养水平不断提高\n7.培训人数300人\n"
    data = parse_table((tmp_path / "n.txt").write_text(text, encoding="utf-8") and tmp_path / "n.txt")
    assert isinstance(data, NoTable) or all(i["kind"] != "qualitative" for i in data.to_json()["indicators"])


# a county's notice: the targets numbered inside one paragraph, values shared by several measures
TASKS = ("国家基本公共卫生服务项目资金使用情况公示\n一、项目名称:国家基本公共卫生服务项目\n"
         "三、目标任务:1、以县为单位,居民健康档案建档率达到90%;规范化电子建档率达到75%以上,进一步提高档案使用率。"
         "2、以乡镇为单位,疫苗接种率保持在90%以上,进一步加强流动儿童的接种工作。"
         "3、以县为单位,3岁以下儿童系统管理率、0-6岁儿童健康管理率保持在85%以上。早孕建册率和产后访视率分别达到85%以上。"
         "4、严重精神障碍患者管理人数稳步提高,规范管理率达到75%以上。"
         "5、服务目标人群(65岁及以上居民和0-36个月儿童)健康管理率分别达到45%以上。"
         "6、传染病、突发公共卫生事件报告率分别达到95%以上。\n"
         "四、资金来源及规模:2019年项目已拨付2200万元。\n")


def test_a_list_numbered_inside_a_paragraph_with_shared_values_and_worded_aims(tmp_path: Path) -> None:
    data = _read(tmp_path, TASKS)
    got = [(i["name"], i["kind"], (i["targets"]["2019"].get("comparator"), i["targets"]["2019"].get("value")))
           for i in data["indicators"]]
    assert got == [
        ("居民健康档案建档率", "rate", (">=", 90.0)),
        ("规范化电子建档率", "rate", (">=", 75.0)),
        ("档案使用率", "qualitative", (None, None)),  # 进一步提高: the measure, its aim in words
        ("疫苗接种率", "rate", (">=", 90.0)),  # 保持在90%以上; 进一步加强…工作 names no measure
        ("3岁以下儿童系统管理率", "rate", (">=", 85.0)),  # one value, two measures
        ("0-6岁儿童健康管理率", "rate", (">=", 85.0)),
        ("早孕建册率", "rate", (">=", 85.0)),
        ("产后访视率", "rate", (">=", 85.0)),
        ("严重精神障碍患者管理人数", "qualitative", (None, None)),  # 稳步提高
        ("严重精神障碍患者规范管理率", "rate", (">=", 75.0)),  # whose: the people the part before names
        ("65岁及以上居民健康管理率", "rate", (">=", 45.0)),  # 分别: each group the bracket lists
        ("0-36个月儿童健康管理率", "rate", (">=", 45.0)),
        ("传染病报告率", "rate", (">=", 95.0)),  # 分别: the group takes the last name's measure
        ("突发公共卫生事件报告率", "rate", (">=", 95.0)),
    ]


def test_a_name_a_comma_and_a_worded_target_or_deadline_under_a_level(tmp_path: Path) -> None:
    """``完成时限,2025年10月底前`` is a deadline and ``…水平,提高`` a qualitative target under their
    levels; a sentence that only goes on after its comma (``…传播,减少毒品的使用``) is no indicator."""
    data = _read(tmp_path, "现将具体绩效目标设定如下:\n一、产出指标\n(一)数量指标\n培训种植人员≧300人;\n"
                           "(二)时效指标\n完成时限,2025年10月底前;\n二、效益指标\n(一)社会效益指标\n"
                           "学员种植技术水平,提高;\n通过维持治疗有效降低传播,减少毒品的使用。\n"
                           "(二)可持续影响指标\n农民综合素质,持续提高。\n三、满意度指标\n参训学员满意度≥95%。\n")
    by = {i["name"]: i for i in data["indicators"]}
    assert list(by) == ["培训种植人员", "完成时限", "学员种植技术水平", "农民综合素质", "参训学员满意度"]
    assert by["完成时限"]["targets"]["2025"]["due"] == "2025-10" and by["完成时限"]["level2"] == "时效指标"
    assert by["学员种植技术水平"]["kind"] == "qualitative" and by["农民综合素质"]["level2"] == "可持续影响指标"


def test_the_project_is_named_from_the_title_when_no_label_names_it() -> None:
    """A notice or report names its project in its title (on one line or two); a title naming only a
    kind of project (2022年区级一般性项目) names none; a 项目名称 label wins over the office's 单位名称."""
    from analytics.ingest.tables.titles import prose_title
    from analytics.ingest.tables.raw import RawTable

    def title(*lines: str) -> str | None:
        return prose_title(RawTable("text-lines", [[ln] for ln in lines], [f"L{i}" for i in range(len(lines))]))

    assert title("关于“2018生物实验教学中心建设项目”", "预算绩效评价结果的公示") == "2018生物实验教学中心建设项目"
    assert title("湖北省残疾人事业宣传文化经费项目2017年度绩效自评报告") == "湖北省残疾人事业宣传文化经费项目"
    assert title("关于西瓜种植项目绩效目标设定的公示") == "西瓜种植项目"
    assert title("2022年区级一般性项目绩效目标表") is None
    assert title("部门预算项目绩效目标申报表(2023年度)") is None

    body = "\n".join(["单位名称:某区林业局", "项目名称\t2021 年森林防火经费", "一级指标\t二级指标\t三级指标\t指标值",
                      "产出指标\t数量指标\t巡护次数\t≥12次", "产出指标\t质量指标\t扑灭率\t100%"])
    result = parse_table(body.encode("utf-8"), filename="t.txt", year=2021)
    assert isinstance(result, TableReading) and result.project["name"] == "2021 年森林防火经费"
    numbered = body.replace("项目名称\t2021 年森林防火经费", "项目名称\t2021")  # a number is no project's name
    result = parse_table(numbered.encode("utf-8"), filename="t.txt", year=2021)
    assert isinstance(result, TableReading) and result.project["name"] == "某区林业局"


def test_a_change_stated_without_a_number_under_a_level_label_is_a_qualitative_indicator(tmp_path: Path) -> None:
    text = ("某区2023年度项目支出绩效自评报告\n"
            "2.阶段性目标:数量指标-治理河道长度大于等于12公里;质量指标-治理后的河道行洪能力明显提升;"
            "时效指标-2023年完成《河道综合治理实施方案》编制工作;社会效益指标-沿河区域防洪安全隐患下降、"
            "沿河村庄群众生活环境质量改善;生态效益指标-水质提高;服务对象满意度指标-沿河群众满意度大于等于85%。\n")
    data = _read(tmp_path, text)
    by = {i["name"]: i for i in data["indicators"]}
    assert list(by) == ["治理河道长度", "治理后的河道行洪能力明显提升", "完成《河道综合治理实施方案》编制工作",
                        "沿河区域防洪安全隐患下降", "沿河村庄群众生活环境质量改善", "沿河群众满意度"]
    assert by["治理后的河道行洪能力明显提升"]["kind"] == "qualitative"
    assert by["沿河区域防洪安全隐患下降"]["level2"] == "社会效益指标"
    assert by["沿河区域防洪安全隐患下降"]["targets"]["2023"]["qualitative"] is True
    assert by["完成《河道综合治理实施方案》编制工作"]["targets"]["2023"]["due"] == "2023-12"
    assert by["完成《河道综合治理实施方案》编制工作"]["kind"] == "milestone"
    # a clause too short to name what is measured (水质提高) is no indicator: the list above holds all


def test_a_notice_with_its_head_in_cells_and_one_target_under_a_level_label() -> None:
    """A notice whose head is a |-table (索引号 | …) and whose only target, cut off after it, is one
    clause under a level label with a comparator word: read as sentences, that one row."""
    text = ("索 引 号 | 640324032/2022-00044 | 发文时间 | 2022-03-25 |\n"
            "发布机构 | 某县某镇 | 文 号 | 无 |\n"
            "标 题: | 关于某村人居环境整治项目资金绩效目标设定的公示 |\n"
            "资金总额500万元,项目建设内容:外立面改造。现将2022年绩效目标设定公示如下:\n"
            "一、产出指标\n"
            "数量指标:商业段外立面改造(≥**平方米)大于等于10157.6平方米,环\n")
    result = parse_table(text.encode("utf-8"), filename="notice.txt")
    assert isinstance(result, TableReading), result
    [ind] = result.to_json()["indicators"]
    assert (ind["name"], ind["level2"], ind["unit"]) == ("商业段外立面改造", "数量指标", "平方米")
    assert (ind["targets"]["2022"]["comparator"], ind["targets"]["2022"]["value"]) == (">=", 10157.6)
    one = "项目简介:资金用于道路建设,全长不少于5公里。\n"
    assert not isinstance(parse_table(one.encode("utf-8"), filename="one.txt"), TableReading)  # no level label


def test_targets_written_in_a_forms_cell_beside_their_level_in_a_cell_of_its_own() -> None:
    """年度绩效总目标 | 产出指标 | 开展文物安全巡查频次8次;…: the level word in its own cell labels the
    clauses of the cell after it, so a clause ending in a count is a target and the next row's level
    (效益指标 | …) is no part of a name."""
    text = ("项目名称 | 全市文物保护专项经费 | 预算金额 | 36万元 |\n"
            "起止时间 | 2022年1月—12月 |\n"
            "年度绩效总目标 | 产出指标 | 开展文物安全巡查8次;编制文物宣传资料数量3个;文物保护项目验收合格率≥86%。 |\n"
            "效益指标 | 文物保护宣传覆盖人次≥20万人次;文物保护修缮个数≥5个。 |\n")
    result = parse_table(text.encode("utf-8"), filename="form.txt", year=2022)
    assert isinstance(result, TableReading), result
    got = [(i["level1"], i["name"], i["targets"]["2022"]["value"]) for i in result.to_json()["indicators"]]
    assert got == [("产出指标", "开展文物安全巡查", 8), ("产出指标", "编制文物宣传资料数量", 3),
                   ("产出指标", "文物保护项目验收合格率", 86), ("效益指标", "文物保护宣传覆盖人次", 20),
                   ("效益指标", "文物保护修缮个数", 5)]


#: a town's notice of how two funds were used: the first item's targets with their actuals after them,
#: a result written with no target, a doubled comparator, then the next items of the list (no targets)
USED_FUNDS = (
    "2024年度彩票公益金分配使用情况公示\n"
    "1、2024年高龄老人慰问费2.40万元;\n"
    "(1)主要用于重阳节慰问高龄老年人。\n"
    "(2)主要绩效目标及完成情况:\n"
    "数量指标:慰问人数=16人,当年实际完成16人。\n"
    "时效指标:慰问款及时发放率=100%,当年实际完成100%。\n"
    "社会效益指标:政策群众知晓率≥≥90%,实际知晓95%。\n"
    "服务对象满意度指标:慰问对象满意度完成92%。\n"
    "2、2024年社区养老服务站运营补助30万元;\n"
    "(1)将用于发放运营补助。\n"
    "3、2024年长者食堂奖补12万元;\n")


def test_actuals_written_after_targets_and_the_next_item_of_the_list_is_no_row(tmp_path: Path) -> None:
    data = _read(tmp_path, USED_FUNDS)
    rows = {i["name"]: i for i in data["indicators"]}
    assert set(rows) == {"慰问人数", "慰问款及时发放率", "政策群众知晓率", "慰问对象满意度"}
    assert rows["慰问人数"]["actuals"]["2024"]["value"] == 16.0
    assert rows["政策群众知晓率"]["targets"]["2024"]["comparator"] == ">="
    assert rows["政策群众知晓率"]["targets"]["2024"]["value"] == 90.0
    assert rows["政策群众知晓率"]["actuals"]["2024"]["value"] == 95.0
    assert rows["慰问对象满意度"]["targets"] == {} and rows["慰问对象满意度"]["actuals"]["2024"]["value"] == 92.0


def test_a_first_and_a_second_level_run_together_label_the_clauses_after_them(tmp_path: Path) -> None:
    data = _read(tmp_path, "2023年某项目绩效目标\n"
                           "1、产出指标数量指标:培训人数≥200人;开展培训班≥4期。\n"
                           "2、效益指标社会效益指标:就业率≥80%。\n")
    got = [(i["level1"], i["level2"], i["name"]) for i in data["indicators"]]
    assert got == [("产出指标", "数量指标", "培训人数"), ("产出指标", "数量指标", "开展培训班"),
                   ("效益指标", "社会效益指标", "就业率")]


#: a report's targets under headings 1.产出指标完成情况 …, each followed by its 指标完成率, some stated as a
#: measure and its aim
REPORT_DONE_SHARES = (
    "某市图书馆2022年度绩效自评报告\n"
    "1.产出指标完成情况\n"
    "数量指标:流动服务点开展活动数量12次,指标完成率100%,新增馆藏图书8000册,指标完成率100%。\n"
    "质量指标:数字阅读服务参与率逐年提升,指标完成率100%。\n"
    "2.效益指标完成情况\n"
    "全民阅读率85%,指标完成率100%;公共文化服务效能稳步提升,指标完成率100%。\n"
    "3.满意度指标完成情况\n"
    "读者满意度95%,指标完成率100%。\n")


def test_a_report_s_completion_notes_headings_and_measures_with_their_aims(tmp_path: Path) -> None:
    data = _read(tmp_path, REPORT_DONE_SHARES)
    got = [(i["level1"], i["name"], i["targets"]["2022"]["raw"]) for i in data["indicators"]]
    assert got == [("产出指标", "流动服务点开展活动数量", "12次"), ("产出指标", "新增馆藏图书", "8000册"),
                   ("产出指标", "数字阅读服务参与率", "逐年提升"), ("效益指标", "全民阅读率", "85%"),
                   ("效益指标", "公共文化服务效能", "稳步提升"), ("满意度指标", "读者满意度", "95%")]


#: a self-evaluation report writing each target after a label (年初指标值为…) with its actual, a deadline, changes
#: said with how they went in a numbered list, and a notice's 要求 before a name and a unit with a bracket
REPORT_LABELLED_TARGETS = (
    "某区残联2023年度绩效自评报告\n"
    "(四)绩效指标完成情况分析。\n"
    "1、产出数量指标:第一,康复服务比例年初指标值为不低于85%,全年实际完成值100%。第二,资助托养服务人次数年初指标值为"
    "不低于105人,全年实际完成值116人。\n"
    "2、产出时效指标:项目完成时间年初指标值为2023年12月底,实际在规定时间内完成。\n"
    "3、社会效益指标:残疾人康复服务水平有所提高;关心、理解、支持残疾人的社会氛围有所改善。\n"
    "4、产出指标:要求宣传品制作数量≥10万件(册),举办活动场次≥130场。\n")


def test_labels_before_a_target_a_named_deadline_and_stated_changes_in_a_list(tmp_path: Path) -> None:
    data = _read(tmp_path, REPORT_LABELLED_TARGETS)
    by = {i["name"]: i for i in data["indicators"]}
    assert list(by) == ["康复服务比例", "资助托养服务人次数", "项目完成时间", "残疾人康复服务水平",
                        "关心、理解、支持残疾人的社会氛围", "宣传品制作数量", "举办活动场次"]
    assert by["资助托养服务人次数"]["targets"]["2023"]["value"] == 105.0
    assert by["资助托养服务人次数"]["actuals"]["2023"]["value"] == 116.0
    assert by["项目完成时间"]["kind"] == "milestone"
    assert by["残疾人康复服务水平"]["kind"] == "qualitative"
    assert by["宣传品制作数量"]["unit"] == "万件(册)" and by["宣传品制作数量"]["targets"]["2023"]["value"] == 10.0


def test_targets_run_on_without_stops_a_label_run_into_a_name_and_rates_sharing_a_value(tmp_path: Path) -> None:
    data = _read(tmp_path, "某补助经费2023年度绩效自评报告\n"
                           "1.数量指标。补助人数不少于400人。\n"
                           "2.质量指标。经费发放率为98%覆盖率及资金到位率均为100%。\n"
                           "3.时效指标。补助金每月中旬发放指标为100%实际完成值为100%优待金每年3月、9月份发放指标为100%"
                           "实际完成值为100%\n"
                           "4.成本指标国家规定标准发放指标为100%实际完成值为95%\n")
    by = {i["name"]: i for i in data["indicators"]}
    assert list(by) == ["补助人数", "经费发放率", "覆盖率", "资金到位率", "补助金每月中旬发放", "优待金每年3月、9月份发放",
                        "国家规定标准发放"]
    assert by["资金到位率"]["targets"]["2023"]["value"] == 100.0
    assert by["国家规定标准发放"]["level2"] == "成本指标"
    assert by["国家规定标准发放"]["actuals"]["2023"]["value"] == 95.0


def test_figures_under_a_heading_naming_the_targets_and_actuals_listed_after_them(tmp_path: Path) -> None:
    notice = _read(tmp_path, "某县2024年示范基地建设项目公示\n一、项目摘要\n建设内容及规模:建设示范基地2000亩。\n"
                             "三、项目建设目标\n坚持良种良法配套的原则。创建示范样板2000亩,其中省级样板1000亩,"
                             "示范区良种覆盖率达100%,示范基地平均亩单产350公斤以上。\n四、其他\n项目计划总投资55万元。\n")
    got = [(i["name"], i["targets"]["2024"]["raw"]) for i in notice["indicators"]]
    assert got == [("创建示范样板", "2000亩"), ("省级样板", "1000亩"), ("示范区良种覆盖率", "达100%"),
                   ("示范基地平均亩单产", "350公斤以上")]
    report = _read(tmp_path, "某县残联2022年度项目支出绩效自评报告\n(二)项目绩效目标。2022年县残联实施的康复项目目标:"
                             "资助患者服药230人,残疾儿童康复救助39人,辅具适配200人实际完成:资助患者服药230人,"
                             "残疾儿童康复救助52人,辅具适配230人。\n")
    by = {i["name"]: i for i in report["indicators"]}
    assert list(by) == ["资助患者服药", "残疾儿童康复救助", "辅具适配"]
    assert by["残疾儿童康复救助"]["targets"]["2022"]["value"] == 39.0
    assert by["残疾儿童康复救助"]["actuals"]["2022"]["value"] == 52.0
    assert by["辅具适配"]["actuals"]["2022"]["value"] == 230.0


def test_a_target_in_brackets_ends_its_clause(tmp_path: Path) -> None:
    data = _read(tmp_path, "某市2019年度项目绩效评价报告\n1、产出指标。\n(1)数量指标:\n渔业增殖放流规模150万尾;\n"
                           "(2)质量指标:\n放流苗种规格≥3cm,检验检疫≥90%;\n(3)成本指标:\n支出控制在批复预算范围内(≥100%)。\n")
    by = {i["name"]: i for i in data["indicators"]}
    assert list(by) == ["渔业增殖放流规模", "放流苗种规格", "检验检疫", "支出控制在批复预算范围内"]
    assert by["支出控制在批复预算范围内"]["targets"]["2019"]["comparator"] == ">="
    assert by["放流苗种规格"]["kind"] == "level"


def test_a_report_counting_its_levels_and_units_per_head_and_year(tmp_path: Path) -> None:
    data = _read(tmp_path, "某中心学校2023年度项目支出绩效自评报告\n"
                           "产出指标完成情况。一是数量指标:2023年,我校享受生活补助学生人次940人次,实际发放940人次。"
                           "二是成本指标:小学寄宿学生人均补助标准指标值1000元/生.年,全年实际完成值1000元/生.年;"
                           "初中寄宿学生人均补助标准指标值1250元/生.年,全年实际完成值1200元/生.年。\n")
    by = {i["name"]: i for i in data["indicators"]}
    assert list(by) == ["享受生活补助学生人次", "小学寄宿学生人均补助标准", "初中寄宿学生人均补助标准"]
    assert by["享受生活补助学生人次"]["level2"] == "数量指标"
    assert by["初中寄宿学生人均补助标准"]["unit"] == "元/生·年"
    assert by["初中寄宿学生人均补助标准"]["targets"]["2023"]["value"] == 1250.0
    assert by["初中寄宿学生人均补助标准"]["actuals"]["2023"]["value"] == 1200.0


def test_a_level_labelled_without_指标_and_the_project_named_before_a_measure(tmp_path: Path) -> None:
    data = _read(tmp_path, "某公交补贴2022年度绩效评价报告\n预期各项效益指标\n"
                           "经济效益:节约城区学生出行成本110.37万元,节约老年人出行成本248.85万元。\n"
                           "数量指标:该项目处治里程8公里,安装护栏1820米。\n")
    got = [(i["level2"], i["name"], i["direction"]) for i in data["indicators"]]
    assert got == [("经济效益", "节约城区学生出行成本", "higher"), ("经济效益", "节约老年人出行成本", "higher"),
                   ("数量指标", "处治里程", "higher"), ("数量指标", "安装护栏", "higher")]


def test_a_level_s_aim_in_words_is_one_qualitative_row(tmp_path: Path) -> None:
    data = _read(tmp_path, "某中学部门整体支出绩效目标申报表(2017年度)\n年度绩效指标\n"
                           "质量指标:学校的教育教学秩序良好,力争毕业生合格率达100%\n"
                           "时效指标:按时完成教学任务,顺利完成中考。\n"
                           "【效益指标-经济效益指标】\n"
                           "环境效益指标:学校绿化覆盖达70%,优化校园生态环境。\n")
    got = [(i["level2"], i["name"], i["kind"]) for i in data["indicators"]]
    assert got == [("质量指标", "毕业生合格率", "rate"), ("时效指标", "按时完成教学任务,顺利完成中考", "qualitative"),
                   ("环境效益指标", "学校绿化覆盖", "rate")]


def test_a_report_s_results_with_the_tasks_set_and_rates_sharing_one_result(tmp_path: Path) -> None:
    data = _read(tmp_path, "某县2023年度项目支出绩效自评报告\n"
                           "(1)某镇2022年度农村危房改造项目绩效目标14户,实际完成14户。当年开工率、改造后房屋人畜分离、"
                           "卫生厕所等基本卫生条件有保障的比例、改造后入住率均达100%。\n"
                           "(2)2023年度,已开展职业技能培训49期,培训2399人,完成市目标任务数2000人的120%。\n"
                           "(3)城镇登记月平均失业率为2.42%,控制在4.5%以内。共设置项目支出预算绩效目标1个。\n")
    by = {i["name"]: i for i in data["indicators"]}
    assert list(by) == ["农村危房改造项目", "当年开工率", "改造后房屋人畜分离、卫生厕所等基本卫生条件有保障的比例",
                        "改造后入住率", "开展职业技能培训", "培训", "城镇登记月平均失业率"]
    assert by["农村危房改造项目"]["targets"]["2023"]["value"] == 14.0
    assert by["农村危房改造项目"]["actuals"]["2023"]["value"] == 14.0
    assert (by["培训"]["targets"]["2023"]["value"], by["培训"]["actuals"]["2023"]["value"]) == (2000.0, 2399.0)
    assert by["城镇登记月平均失业率"]["targets"]["2023"]["comparator"] == "<="
    assert by["城镇登记月平均失业率"]["targets"]["2023"]["value"] == 4.5
    assert by["城镇登记月平均失业率"]["actuals"]["2023"]["value"] == 2.42


def test_the_whole_city_before_a_measure_is_no_part_of_its_name(tmp_path: Path) -> None:
    data = _read(tmp_path, "某市2020年民生工程实施办法\n年度目标:全市婚检率达到70%,全市婚检疾病检出率达到8%以上,"
                           "全县建卡率达到90%。\n")
    assert [i["name"] for i in data["indicators"]] == ["婚检率", "婚检疾病检出率", "建卡率"]


def test_a_rate_written_with_its_share_and_two_rates_run_together(tmp_path: Path) -> None:
    data = _read(tmp_path, "某县生态环境局2020年部门整体绩效目标\n三、水环境质量改善。集中饮用水源地水质达标率100%。\n"
                           "五、严格执行环境影响评价制度。建设项目环保审批把关率100%三同时执行率达到100%\n"
                           "六、工业固体废物综合利用率达到55%以上。\n")
    assert [i["name"] for i in data["indicators"]] == ["集中饮用水源地水质达标率", "建设项目环保审批把关率", "三同时执行率",
                                                        "工业固体废物综合利用率"]


def test_a_measure_named_again_under_the_results_heading_gives_its_actual(tmp_path: Path) -> None:
    data = _read(tmp_path, "2021年某民生工程绩效自评报告\n一、目标任务\n年度目标任务:全市婚检率达到85%,婚检疾病检出率达到8%以上。\n"
                           "三、完成情况\n2021年,全市共免费婚检61486人,婚检率为94.99%。\n")
    by = {i["name"]: i for i in data["indicators"]}
    assert list(by) == ["婚检率", "婚检疾病检出率"]
    assert by["婚检率"]["targets"]["2021"]["value"] == 85.0 and by["婚检率"]["actuals"]["2021"]["value"] == 94.99
    assert by["婚检疾病检出率"]["actuals"] == {}


def test_a_goal_heading_covers_its_numbered_items_and_a_cap_said_with_控制在(tmp_path: Path) -> None:
    data = _read(tmp_path, "某市2022年林业工作目标\n一、森林质量建设目标\n"
                           "5.美国白蛾有效防治面积0.6万亩,防治率90%以上,损失率控制在0.5‰以下。\n"
                           "6.森林火灾受灾率控制在0.9‰以内。\n二、社会治理建设目标\n10.全面推进法治政府建设。\n")
    got = [(i["name"], i["targets"]["2022"]["comparator"], i["targets"]["2022"]["value"]) for i in data["indicators"]]
    assert got == [("美国白蛾有效防治面积", ">=", 0.6), ("防治率", ">=", 90.0), ("损失率", "<=", 0.5),
                   ("森林火灾受灾率", "<=", 0.9)]


def test_about_before_a_figure_is_no_part_of_the_name(tmp_path: Path) -> None:
    data = _read(tmp_path, "某区2019年林业有害生物防治工作方案\n四、绩效目标\n累计监测面积约111.45万亩,监测覆盖率100%,"
                           "测报准确率90%以上。\n")
    assert [i["name"] for i in data["indicators"]] == ["累计监测面积", "监测覆盖率", "测报准确率"]


def test_a_kpi_table_whose_content_cells_state_several_targets_is_read_as_sentences(tmp_path: Path) -> None:
    """The row's label cells before its first clause (绩效指标 关键指标 主要发展指标) are no part of its name."""
    data = _read(tmp_path, "市旅委2018年度绩效考核目标(指标)公示\n类别 分项指标 目标名称 考核内容及指标 指标属性 完成时限(月)\n"
                           "绩效指标 关键指标 主要发展指标 旅游外汇收入增长8.1%;入境旅游人次增长4.5%。 预期性 12\n"
                           "旅游休闲业增加值增长13%,旅游总收入增长14%。 预期性 12\n"
                           "职能指标 旅游行业监管 检查旅游企业370家次。\n"
                           "游客投诉案件按时处理率为100%,旅游投诉案件办结率为100%。 预期性 12\n"
                           "做好安全生产监督管理,旅游安全检查≥6次;各种应急演练≥3次。 预期性 12\n")
    got = [(i["name"], i["targets"]["2018"]["value"]) for i in data["indicators"]]
    assert got == [("旅游外汇收入增长", 8.1), ("入境旅游人次增长", 4.5), ("旅游休闲业增加值增长", 13.0), ("旅游总收入增长", 14.0),
                   ("游客投诉案件按时处理率", 100.0), ("旅游投诉案件办结率", 100.0), ("旅游安全检查", 6.0),
                   ("各种应急演练", 3.0)]


def test_targets_said_after_a_goal_label_with_their_comparator_words_and_the_filing_date_is_no_year(tmp_path: Path) -> None:
    """A report on last year's work, filled in this year: ``具体目标主要为…`` labels the targets (its words
    are no part of the first name), ``低于`` / ``至少达到`` state the targets, a sentence about a target
    stated before is no indicator, and the cover's ``2025年`` and 填报日期 do not make 2025 the year."""
    text = ("项目支出绩效自评报告\n项目名称:设备维护经费\n填报日期:2025年4月28日\n2025年\n"
            "一、项目基本情况\n2024年3月签订维护合同。\n"
            "2. 产出。具体目标主要为购买设备使用年限不低于5年,设备故障率低于5%,设备安装验收合格率至少达到98%,"
            "以上目标除购买设备使用年限不低于5年因距离设备采购不到1年时间无\n")
    data = _read(tmp_path, text)
    got = [(i["name"], i["targets"]["2024"]["comparator"], i["targets"]["2024"]["value"]) for i in data["indicators"]]
    assert got == [("购买设备使用年限", ">=", 5), ("设备故障率", "<=", 5), ("设备安装验收合格率", ">=", 98)]


def test_a_works_plan_names_what_is_done_without_its_verb_and_reads_figures_listed_and_counted(tmp_path: Path) -> None:
    """A year's works plan under numbered goals: ``完成植树造林0.74万亩`` names 植树造林 (完成 is the
    sentence's verb, also after the item's number), two measures listed with 、 are two rows, and
    ``建设2个省级森林乡村`` is a count of 2 个 of what is built; 完成率 keeps its 完成."""
    text = ("一、绿色发展目标\n"
            "1.完成植树造林0.74万亩;完成封山育林1.1万亩,完成油茶示范项目0.3万亩、油茶低效林改造0.36万亩。\n"
            "2.申报省级森林城市建设,建设2个省级森林乡村。\n"
            "3.完成林业育苗面积260亩,年度任务完成率100%。\n")
    data = _read(tmp_path, text, year=2022)
    got = [(i["name"], i["targets"]["2022"]["value"], i["unit"]) for i in data["indicators"]]
    assert got == [("植树造林", 0.74, "万亩"), ("封山育林", 1.1, "万亩"), ("油茶示范项目", 0.3, "万亩"),
                   ("油茶低效林改造", 0.36, "万亩"), ("建设省级森林乡村", 2, "个"), ("林业育苗面积", 260, "亩"),
                   ("年度任务完成率", 100, "%")]


def test_a_result_report_s_labelled_counts_are_actuals_without_targets(tmp_path: Path) -> None:
    """名称:一个季度开展…一次,共4次 in a self-evaluation report: the label names the row, 共4次 is what
    was done (actual 4, unit 次), no target is set; a count of things done under 成本指标 is no cap;
    服务对象满意度:服务对象满意度≥80% is the name once, its bound the target."""
    text = ("某医院2023年度绩效自评报告\n(三)绩效指标完成情况分析。\n(1)数量指标。\n"
            "开展工作督导: 一个季度开展工作督导一次,共4次。\n开展绩效考核:一个季度开展绩效考核一次,共4次。\n"
            "(2)成本指标。\n开展技术指导:一个季度开展技术指导一次,共4次。\n"
            "3.满意度指标完成情况分析\n服务对象满意度:服务对象满意度≥80%。\n")
    data = _read(tmp_path, text)
    got = [(i["name"], i["unit"], i["direction"], i["targets"].get("2023", {}).get("value"),
            (i.get("actuals") or {}).get("2023", {}).get("value")) for i in data["indicators"]]
    assert got == [("开展工作督导", "次", "higher", None, 4), ("开展绩效考核", "次", "higher", None, 4),
                   ("开展技术指导", "次", "higher", None, 4), ("服务对象满意度", "%", "higher", 80, None)]


def test_deeds_done_so_many_times_in_a_kpi_cell_are_targets(tmp_path: Path) -> None:
    """A KPI table's content cell of several targets in sentences: 检查旅游企业370家次 and
    检查团队1030个次 (a deed, then how many times) are targets as 不少于8次 is; 组建…等 (how it is
    done) is no part of the name 开展旅游市场暗访检查."""
    text = ("2018年度绩效考核目标\n指标类型\t考核内容\t指标性质\t分值\n"
            "职能指标\t开展旅游专项整治,检查旅游企业370家次,检查团队1030个次。组建“市民暗访团”等开展旅游市场暗访检查55批次。"
            "每月组织联合执法行动不少于8次。\t预期性\t12\n")
    data = _read(tmp_path, text)
    got = [(i["name"], i["targets"]["2018"]["raw"]) for i in data["indicators"]]
    assert ("检查旅游企业", "370家次") in got and ("检查团队", "1030个次") in got
    assert ("开展旅游市场暗访检查", "55批次") in got
