"""Rows rebuilt from a copy with one cell per line (the empty cells gone)."""

from __future__ import annotations

from analytics.ingest.tables import TableReading, parse_table


def _read(text: str, year: int = 2023) -> dict:
    result = parse_table(text.encode("utf-8"), filename="t.txt", year=year)
    assert isinstance(result, TableReading), result
    return result.to_json()


def test_explanations_and_a_completion_rate_after_the_values_stay_in_their_rows() -> None:
    text = "\n".join([
        "评价内容", "绩效内容", "指标说明", "绩效目标值", "实际完成值", "累计完成率",
        "产出目标", "数量目标",
        "人才驿站数量", "反映驿站建设情况", ">=2个", "0个", "0%",
        "组织活动数量", ">=28次", "40次", "143%",
        "质量目标", "政策知晓率", "达到目标值", ">=95%", "98%", "103%"])
    data = _read(text)
    rows = [(i["name"], i["targets"]["2023"]["raw"], i["actuals"]["2023"]["raw"]) for i in data["indicators"]]
    assert rows == [("人才驿站数量", ">=2个", "0个"), ("组织活动数量", ">=28次", "40次"), ("政策知晓率", ">=95%", "98%")]


def test_names_under_the_second_level_and_a_note_column_left_empty_before_the_next_name() -> None:
    text = "\n".join([
        "一级指标", "二级指标", "绩效标准", "当年预期实现值", "偏差原因",
        "数量指标", "维修维护次数", "反映全年维修情况", "2280次",
        "巡察次数", "反映巡检情况", "200次",
        "质量指标", "验收合格率", "95%"])
    data = _read(text, 2022)
    assert [i["name"] for i in data["indicators"]] == ["维修维护次数", "巡察次数", "验收合格率"]
    assert data["indicators"][0]["targets"]["2022"]["value"] == 2280


def test_an_empty_explanation_leaves_the_worded_target_to_the_value_column() -> None:
    text = "\n".join(["一级指标", "二级指标", "三级指标", "绩效标准", "当年预期实现值",
                      "产出指标", "数量指标", "维修次数", "反映维修情况", "2280次",
                      "成本指标", "成本控制率", "不超预算"])
    data = _read(text, 2022)
    assert [(i["name"], i["targets"]["2022"]["raw"]) for i in data["indicators"]] == [
        ("维修次数", "2280次"), ("成本控制率", "不超预算")]


def test_one_target_column_per_place_after_the_header_words() -> None:
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标解释", "指标方向", "笏石街道办", "埭头镇",
                      "成本指标", "经济成本指标", "成本控制率(%)", "反映成本控制情况", "≤", "100%", "100%",
                      "产出指标", "数量指标", "开展修复工程(个)", "反映修复项目开展情况", "≥", "1", "1",
                      "质量指标", "已建工程是否存在质量问题", "当年已完工项目是否发现质量问题", "是/否", "否", "否"])
    data = _read(text, 2025)
    got = [(i["name"], i["unit"], i["targets"]["2025"]["raw"]) for i in data["indicators"]]
    assert got == [("成本控制率", "%", "≤100%"), ("开展修复工程", "个", "≥1"), ("已建工程是否存在质量问题", "", "否")]
    assert data["unread"] == []
    assert "笏石街道办(目标值)" in [c["header"] for c in data["source"]["columns"]]


def test_places_under_a_regional_target_header_are_its_columns() -> None:
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标解释", "区域目标值", "新罗区", "永定区", "上杭县",
                      "产出指标", "数量指标", "补助县数量", "反映补助县数量情况", "2", "3", "1",
                      "质量指标", "资金使用合规性", "反映资金使用合规情况", ">=95%", ">=95%", ">=95%"])
    data = _read(text)
    assert [i["name"] for i in data["indicators"]] == ["补助县数量", "资金使用合规性"]
    assert data["indicators"][1]["targets"]["2023"]["value"] == 95
    assert data["unread"] == []


def test_a_place_list_not_followed_by_a_level_word_is_not_taken_as_columns() -> None:
    # the header ends at 指标值; the lines after it are a row, whatever their ending
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标值",
                      "产出指标", "数量指标", "覆盖乡镇数", "12个"])
    data = _read(text)
    assert [(i["name"], i["targets"]["2023"]["raw"]) for i in data["indicators"]] == [("覆盖乡镇数", "12个")]


def test_a_value_header_over_year_lines_and_the_header_repeated_after_a_page_break() -> None:
    text = "\n".join([
        "节水目标分解表", "指标", "预期值", "2016年", "2017年", "2018年",
        "再生水回用率", "30%", "40%", "55%",
        "节水型企业覆盖率", "7.9%", "15.8%", "23.8%",
        "指标", "预期值", "2016年", "2017年", "2018年",
        "供水管网漏损率", "14%", "12%", "10%"])
    data = _read(text)
    rows = [(i["name"], {y: t["raw"] for y, t in i["targets"].items()}) for i in data["indicators"]]
    assert rows == [("再生水回用率", {"2016": "30%", "2017": "40%", "2018": "55%"}),
                    ("节水型企业覆盖率", {"2016": "7.9%", "2017": "15.8%", "2018": "23.8%"}),
                    ("供水管网漏损率", {"2016": "14%", "2017": "12%", "2018": "10%"})]
    assert data["unread"] == []


def test_a_value_line_holding_only_a_unit_is_the_row_s_blank_value_not_a_name() -> None:
    data = _read("一级指标\n二级指标\n三级指标\n指标值\n产出指标\n数量指标\n指标1:新建堤防、护岸长度\n公里\n"
                 "指标2:灌区节水改造面积\n万亩\n质量指标\n指标1:工程验收合格率\n≧ %\n")
    assert [(i["name"], i["unit"], i["targets"]) for i in data["indicators"]] == [
        ("新建堤防、护岸长度", "公里", {}), ("灌区节水改造面积", "万亩", {}), ("工程验收合格率", "%", {})]


def test_a_dash_is_a_column_left_without_a_value_and_a_vertical_label_is_one_word() -> None:
    text = "\n".join([
        "绩", "效", "指", "标",  # a merged label written top to bottom: one character a line
        "一级指标", "二级指标", "三级指标", "2022年数据", "2023年目标值", "2024年目标值",
        "产", "出", "指", "标", "数量指标", "特色劳务品牌数量（个）", "2", "3", "4",
        "质量指标", "项目预算执行率", "—", "30%", "100%",
        "是否按时完成（是/否）", "是", "是", "是"])
    data = _read(text)
    got = [(i["level1"], i["name"], i["targets"]["2023"]["raw"], i["targets"]["2024"]["raw"]) for i in data["indicators"]]
    assert got == [("产出指标", "特色劳务品牌数量", "3", "4"), ("产出指标", "项目预算执行率", "30%", "100%"),
                   ("产出指标", "是否按时完成", "是", "是")]
    assert data["unread"] == []


def test_the_seed_copied_one_cell_a_line_reads_all_forty_indicators() -> None:
    from pathlib import Path

    from analytics.ingest.tables.sources import split_text
    from tests.tables.make_fixtures import source_text

    seed = Path(__file__).resolve().parents[1] / "tables" / "seed_dongguan.txt"
    text = "\n".join(c for r in split_text(source_text(seed)).rows for c in r if c.strip())
    data = _read(text)
    assert len(data["indicators"]) == 40 and data["unread"] == []
    budget = next(i for i in data["indicators"] if i["name"] == "项目预算执行率")
    assert budget["targets"]["2023"]["value"] == 30 and budget["targets"]["2024"]["value"] == 100


def test_sets_side_by_side_a_sentence_target_and_a_header_cell_wrapped() -> None:
    """中期 and 年度 halves (二级指标 / 三级指标 / 指标值 twice), labels written one character a
    line, 一级 / 指标 wrapped in its cell, and a target stated as a sentence's one bound."""
    text = "\n".join([
        "项目支出绩效目标表", "(2023年度)",
        "绩", "效", "指", "标", "一级", "指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值",
        "产", "出", "指", "标", "数量指标", "飞机增雨作业航时", "暂定量按15次作业且总航时不少于30小时测算",
        "数量指标", "飞机增雨作业航时", "暂定量按15次作业且总航时不少于30小时测算",
        "质量指标", "作业安全事故", "0起", "质量指标", "作业安全事故", "0起"])
    data = parse_table(text.encode(), filename="t.txt").to_json()  # type: ignore[union-attr]
    got = [(i["level1"], i["level2"], i["name"], i["unit"], i["targets"]["2023"]["comparator"],
            i["targets"]["2023"]["value"]) for i in data["indicators"]]
    assert got == [("产出指标", "数量指标", "飞机增雨作业航时", "小时", ">=", 30.0),
                   ("产出指标", "质量指标", "作业安全事故", "起", "<=", 0.0)]
    assert data["source"]["year"] == 2023 and data["unread"] == []


def test_a_worded_target_without_a_lexicon_word_before_the_next_level_is_the_row_s_value() -> None:
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标值",
                      "产出指标", "数量指标", "工程安排数量", "2个",
                      "成本指标", "建设项目成本", "参照政府采购成本控制",
                      "效益指标", "社会效益指标", "办学条件", "持续改善"])
    data = _read(text, 2020)
    rows = [(i["name"], i["kind"], i["targets"]["2020"]["raw"]) for i in data["indicators"]]
    assert rows == [("工程安排数量", "flow", "2个"), ("建设项目成本", "qualitative", "参照政府采购成本控制"),
                    ("办学条件", "qualitative", "持续改善")]
    assert data["unread"] == []


def test_numbered_rows_keep_their_numbers_out_of_names_and_values() -> None:
    text = "\n".join(["表1：项目绩效目标", "序号 |", "三级指标 |", "年度指标值 |",
                      "1 |", "活动次数 |", "1次 |", "2 |", "开展文化活动 |", "1 |",
                      "3 |", "宣传覆盖面 |", "拓宽 |", "4 |", "参与率 |", "推动全省提高 |",
                      "5 |", "培训合格率 |", "100% |", "6 |", "社会关"])
    data = _read(text, 2017)
    rows = [(i["name"], i["targets"]["2017"]["raw"]) for i in data["indicators"]]
    assert rows == [("活动次数", "1次"), ("开展文化活动", "1"), ("宣传覆盖面", "拓宽"), ("参与率", "推动全省提高"),
                    ("培训合格率", "100%")]
    assert [u["text"] for u in data["unread"]] == ["社会关"]


def test_a_web_table_a_cell_a_line_with_a_progress_column_and_the_report_after_it() -> None:
    """A report's table copied a cell a line with | marks: 实施进度 (已完成100%) is a note, not a value;
    社会效益 / 指标 wrapped is one level word; 项目决策 is the first level of an evaluation's template; a
    target that says its bound first (至少全年完成2次宣传) is ≥ 2 次; the report's numbered headings after the
    table end it (their paragraphs are no indicators)."""
    text = "\n".join([
        "绩效", "       指标", "        | 一级指标", "        | 二级指标", "        | 三级指标", "        | 指标值",
        "        | 实施进度", "        | ",
        "项目决策", "        | 数量指标", "        | 宣传次数", "        | 至少全年完成2次宣传", "        | 已完成100%", "        | |",
        "质量指标", "        | 创建质量", "        | 按质按量完成", "        | 已完成100%", "        | ||",
        "项目效益", "        | 社会效益", "       指标", "        | 提升群众维权意识", "        | 不断提升", "        | 已完成100%",
        "        | |",
        "满意度指标", "        | 满意度指标", "        | 群众满意度", "        | 90%", "        | 已完成100%", "        | ",
        "(三)项目自评步骤及方法", "围绕绩效目标,从项目的开展、成效等方面科学设定评价指标体系,采用公众评判等方式进行评价。",
        "二、项目资金申报及使用情况", "(一)项目资金申报及批复情况。批复下达预算资金10万元。",
    ])
    data = _read(text, year=2020)
    got = [(i["level1"], i["level2"], i["name"], i["targets"]["2020"]["raw"]) for i in data["indicators"]]
    assert got == [("项目决策", "数量指标", "宣传次数", "至少全年完成2次宣传"),
                   ("产出指标", "质量指标", "创建质量", "按质按量完成"),
                   ("项目效益", "社会效益指标", "提升群众维权意识", "不断提升"),
                   ("满意度指标", "", "群众满意度", "90%")]
    assert data["indicators"][0]["targets"]["2020"]["comparator"] == ">="
    assert "actuals" not in data["indicators"][0] or not data["indicators"][0]["actuals"]


def test_a_nature_word_on_its_own_line_is_the_row_s_nature_not_a_piece_of_its_name() -> None:
    """指标名称 | 计量单位 | 指标性质 | 指标值 a cell a line ending in |, a qualitative row without a unit: its
    定性 is the 指标性质 cell (项目持续期 | 定性 | 基本建立), never joined to the name (项目持续期定性)."""
    text = "\n".join(["(三)绩效目标。", "指标名称 |", "计量单位 |", "指标性质 |", "指标值 |",
                      "辅警人员 |", "人 |", "= |", "512 |",
                      "项目持续期 |", "定性 |", "基本建立 | |",
                      "项目成本概算 |", "万元 |", "≤ |", "3584 |",
                      "促进社会和谐稳定 |", "定性 |", "好 | |",
                      "受益对象满意度 |", "% |", "≥ |", "95 |"])
    data = _read(text, year=2022)
    got = [(i["name"], i["kind"], i["targets"]["2022"]["raw"]) for i in data["indicators"]]
    assert got == [("辅警人员", "flow", "=512"), ("项目持续期", "qualitative", "基本建立"), ("项目成本概算", "flow", "≤3584"),
                   ("促进社会和谐稳定", "qualitative", "好"), ("受益对象满意度", "rate", "≥95")]


def test_a_cell_a_line_ending_in_bars_whose_rows_are_padded_is_not_read_as_rows_broken_after_cells() -> None:
    """A web copy a cell a line, each cell closed by | and each row padded with empty cells (专项名称 | /
    林业草原生态保护恢复资金 | |||): the header is the column of lines 一级指标 | … 指标值 |, not one long row;
    rows whose value was left empty are kept, their targets to fill in."""
    text = "\n".join(["2021年林业生态保护恢复资金区域绩效目标申报表", "专项名称 |", "林业草原生态保护恢复资金 | |||",
                      "区级财政部门 |", "宝鸡市陈仓区财政局 | |||", "年度金额(万元) |", "189.42 | |||",
                      "绩效指标 |", "一级指标 |", "二级指标 |", "三级指标 |", "指标值 |", "产出指标 |", "数量指标 |",
                      "天保工程实施单位保险参保人数(人) |", "||", "上一轮退耕还林补助面积(万亩) |", "||||",
                      "草原有害生物防治面积(万亩) |", "||||"])
    data = _read(text, year=2021)
    got = [(i["level1"], i["name"], i["unit"], i["targets"]) for i in data["indicators"]]
    assert got == [("产出指标", "天保工程实施单位保险参保人数", "人", {}), ("产出指标", "上一轮退耕还林补助面积", "万亩", {}),
                   ("产出指标", "草原有害生物防治面积", "万亩", {})]


def test_a_name_ending_in_xing_is_whole_and_a_label_split_around_its_one_row_is_its_level() -> None:
    """A cell a line with blank lines between: 长效管理机制健全性 is a whole name (健全 below it is its
    target, not more of its name); the last block's label 社会公众或服务对象满意度指标, centred on its
    one row, stands half above (社会公众或服务) and half below (对象满意度指标) the row's own lines."""
    cells = ["一级指标", "二级指标", "指标内容", "指标值",
             "效益指标", "可持续影响指标", "长效管理机制健全性", "健全",
             "社会公众或服务", "政策满意度", "≥90%", "对象满意度指标"]
    data = _read("\n\n".join(cells), year=2021)
    got = [(i["level1"], i["level2"], i["name"], i["targets"]["2021"]["raw"]) for i in data["indicators"]]
    assert got == [("效益指标", "可持续影响指标", "长效管理机制健全性", "健全"),
                   ("满意度指标", "社会公众或服务对象满意度指标", "政策满意度", "≥90%")]


def test_a_merged_label_after_the_header_is_no_header_column() -> None:
    """绩效指标, merged down the left of the body, lands right after the header's 指标值 in a copy a cell
    a line (一级指标 | … 指标值 | | / 绩效指标 | / 产出指标 | …): it is no sixth column holding the names."""
    text = "\n".join(["生猪调出大县奖励资金区域绩效目标表 | |||||", "资金名称 |", "生猪调出大县奖励资金 | ||||",
                      "年度金额(万元): |", "397 | |||", "一级指标 |", "二级指标 |", "三级指标 |", "单位 |", "指标值 | |",
                      "绩效指标 |", "产出指标 |", "数量指标 |", "猪肉产量稳定率 |", "% |", "≥95% |", "能繁母猪稳定率 |",
                      "% |", "90% | |||"])
    data = _read(text, year=2022)
    got = [(i["level2"], i["name"], i["unit"], i["targets"]["2022"]["raw"]) for i in data["indicators"]]
    assert got == [("数量指标", "猪肉产量稳定率", "%", "≥95%"), ("数量指标", "能繁母猪稳定率", "%", "90%")]


def test_a_third_level_name_beside_its_description_names_the_row() -> None:
    """三级指标 | 指标内容 (a sentence describing it) | 指标值: the 三级指标 names the row, the
    description stays in its own column, and a name holding a column's word (补贴标准, like 绩效标准)
    is a row, not the header again; a value with a long unit (1130元/月/人) is no name's piece."""
    text = "\n".join([
        "一级指标", "二级指标", "三级指标", "指标内容", "指标值", "绩效标准",
        "产出指标", "数量指标", "补助人数", "实际发放解困工资人数", "250人", "计划标准",
        "质量指标", "补贴覆盖率", "对符合条件的对象发放解困工资的覆盖率", "100%", "历史标准",
        "成本指标", "补贴标准", "解困工资发放标准", "1130元/月/人", "计划标准",
        "提标补差标准", "解困工资提标补差标准", "143元/月/人", "计划标准",
        "预算成本", "项目预算成本", "≤380万元", "计划标准"])
    data = _read(text, 2021)
    assert [(i["name"], i["targets"]["2021"]["raw"]) for i in data["indicators"]] == [
        ("补助人数", "250人"), ("补贴覆盖率", "100%"), ("补贴标准", "1130元/月/人"),
        ("提标补差标准", "143元/月/人"), ("预算成本", "≤380万元")]
    assert not data["skipped"]


def test_a_name_numbered_like_a_heading_before_its_figure_is_a_row_and_a_header_note_in_brackets_is_no_length() -> None:
    text = "\n".join([
        "一级指标", "二级指标", "三级指标", "预期指标值(包含数字及文字描述)", "实际完成指标值(包含数字及文字描述)",
        "产出指标", "数量指标", "一、示范区建立", "≧20000亩", "20000亩",
        "1、水稻侧深施肥", "≧500亩", "500亩",
        "二、化肥减量增效田间试验", "≧15组", "15组",
        "质量指标", "示范区配方肥到位率", "≧80%", "85.6%"])
    data = _read(text, 2022)
    rows = [(i["name"], i["targets"]["2022"]["value"], i["actuals"]["2022"]["value"]) for i in data["indicators"]]
    assert rows == [("示范区建立", 20000, 20000), ("水稻侧深施肥", 500, 500), ("化肥减量增效田间试验", 15, 15),
                    ("示范区配方肥到位率", 80, 85.6)]


def test_a_form_naming_its_rows_by_their_second_level_keeps_its_levels_and_its_descriptions_apart() -> None:
    """指标类型 | 指标名称 | 指标值 | 指标描述, one cell a line: 指标类型 holds the first level, each
    second-level word names its row (质量指标 | 100%), and the description (指标描述) is no row."""
    text = "\n".join([
        "指标类型", "指标名称", "指标值", "指标描述",
        "产出指标", "数量指标", "375万平方米", "完成全市375万平方米的绿地养护、维护等",
        "质量指标", "100%", "达到绿化绿地全覆盖",
        "效益指标", "社会效益指标", "是", "满足市民生存环境的需求",
        "满意度指标", "服务对象满意度指标", "≥95%", "服务对象对于绿化的养护满意率应该在95%以上"])
    data = _read(text, 2024)
    rows = [(i["level1"], i["name"], i["targets"]["2024"]["raw"]) for i in data["indicators"]]
    assert rows == [("产出指标", "数量指标", "375万平方米"), ("产出指标", "质量指标", "100%"),
                    ("效益指标", "社会效益指标", "是"), ("满意度指标", "服务对象满意度指标", "≥95%")]


def test_the_next_table_s_header_ends_the_rows() -> None:
    """A list of training schools below the indicators (序号 | 学校性质 | 培训机构 | 培训补助标准(元/人)
    | … | 备注): its header ends the indicators' rows; its cells are no rows of theirs."""
    text = "\n".join([
        "一级指标", "二级指标", "指标名称", "目标值", "完成值",
        "产出指标", "产出数量", "完成护工培训任务", "12500名", "12166名",
        "产出质量", "参训学员结业考核通过率", "100%", "98.79%",
        "满意度指标", "满意度", "参培学员满意度", "95%及以上", "88.32%",
        "序号", "学校性质", "培训机构", "培训补助标准(元/人)", "就业奖补标准(元/人)", "2021年培训人数", "合格人数",
        "补助资金", "备注", "①", "公办", "吕梁市卫生学校", "3000", "1000", "520", "506", "156", "②", "民办",
        "汾阳职业技术学校", "2600", "1000", "480", "470", "124.8"])
    data = _read(text, 2021)
    assert [(i["name"], i["targets"]["2021"]["raw"]) for i in data["indicators"]] == [
        ("完成护工培训任务", "12500名"), ("参训学员结业考核通过率", "100%"), ("参培学员满意度", "95%及以上")]
    assert not [s for s in data["skipped"] if s["reason"] != "after_table"], data["skipped"]


def test_a_comparator_on_its_own_line_goes_to_its_column_not_onto_the_name() -> None:
    text = "\n".join([
        "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标方向性",
        "效益指标", "社会效益指标", "维护社会稳定", "≥", "95", "%", "10", "正向指标",
        "产出指标", "时效指标", "维持时效", "≥", "1", "年", "20", "正向指标",
        "产出指标", "数量指标", "行政村数量", "=", "11", "个", "10", "正向指标"])
    data = _read(text, 2023)
    rows = [(i["name"], i["unit"], i["targets"]["2023"]["comparator"], i["targets"]["2023"]["value"])
            for i in data["indicators"]]
    assert rows == [("维护社会稳定", "%", ">=", 95), ("维持时效", "年", ">=", 1), ("行政村数量", "个", "=", 11)]


def test_a_second_set_of_columns_left_empty_takes_none_of_the_next_rows() -> None:
    """中期 and 年度 sets side by side (二级指标 | 三级指标 | 指标值 twice), the second left empty:
    in a copy one cell a line it leaves no line, so the next rows are rows of the first set."""
    text = "\n".join([
        "一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值",
        "产出指标", "数量指标", "完成修理养护的设施数量", "≥90辆",
        "质量指标", "经费支出合规性", "较高",
        "项目验收合格率", "≥100%",
        "养护维修质量合格率", "≥100%",
        "时效指标", "项目完成及时性", "程度较高"])
    data = _read(text, 2023)
    assert [(i["name"], i["targets"]["2023"]["raw"]) for i in data["indicators"]] == [
        ("完成修理养护的设施数量", "≥90辆"), ("经费支出合规性", "较高"), ("项目验收合格率", "≥100%"),
        ("养护维修质量合格率", "≥100%"), ("项目完成及时性", "程度较高")]


def test_an_empty_note_after_the_value_leaves_the_next_row_s_name_to_it() -> None:
    text = "\n".join([
        "一级指标", "二级指标", "三级指标", "指标内容", "指标值", "备注",
        "产出指标", "数量指标", "产学研合作项目数量", "全年开展产学研合作项目数量", "20项以上",
        "技术交易额", "全年全县完成技术交易数量", "2个亿以上",
        "科技活动周举办次数", "科技活动周举办次数", "1次"])
    data = _read(text, 2021)
    assert [(i["name"], i["targets"]["2021"]["raw"]) for i in data["indicators"]] == [
        ("产学研合作项目数量", "20项以上"), ("技术交易额", "2个亿以上"), ("科技活动周举办次数", "1次")]


def test_a_worded_target_before_its_explanation_and_a_second_level_naming_its_row_before_its_type() -> None:
    text = "\n".join([
        "一级指标", "二级指标", "三级指标", "指标值类型", "指标值", "计量单位", "指标解释",
        "产出指标", "数量指标", "业务工作支出安排金额", "定量", "28.8", "万元", "该指标主要考察业务工作支出安排情况",
        "时效指标", "工作安排时间", "定量", "按月安排", "该指标主要考察业务工作支出安排时间",
        "成本指标", "社会成本指标", "定量", "100", "%", "该指标主要考察总成本控制情况"])
    data = _read(text, 2023)
    assert [(i["name"], i["targets"]["2023"]["raw"]) for i in data["indicators"]] == [
        ("业务工作支出安排金额", "28.8"), ("工作安排时间", "按月安排"), ("社会成本指标", "100")]


def test_a_note_run_into_the_header_s_first_word_leaves_the_word_to_the_header() -> None:
    text = "\n".join([
        "详情见附件(注:以下内容为附件图片识别,个别文字可能不准确,请以附件为准)一级指标", "二级指标", "指标名称", "目标值",
        "完成值", "产出指标", "产出数量", "完成2021年护工培训任务", "12500名", "12166名",
        "完成护工培训就业质量考核及验收", "11所", "11所", "产出质量", "培训机构考核验收达标", "100%", "100%",
        "效益指标", "社会效益", "参训学员就业率", "60%及以上", "53.53%"])
    data = _read(text, 2021)
    assert [(i["level1"], i["name"]) for i in data["indicators"]] == [
        ("产出指标", "完成2021年护工培训任务"), ("产出指标", "完成护工培训就业质量考核及验收"), ("产出指标", "培训机构考核验收达标"),
        ("效益指标", "参训学员就业率")]


def test_level_columns_added_for_a_numbered_form_keep_its_numbers_first() -> None:
    text = "\n".join([
        "序号", "指标名称", "指标值",
        "1", "产出指标", "数量指标", "培训人次", "280人次",
        "2", "质量指标", "宣传覆盖面", "拓宽",
        "3", "效益指标", "社会效益指标", "就业率", "≥60%"])
    data = _read(text, 2023)
    assert [(i["level1"], i["level2"], i["name"], i["targets"]["2023"]["raw"]) for i in data["indicators"]] == [
        ("产出指标", "数量指标", "培训人次", "280人次"), ("产出指标", "质量指标", "宣传覆盖面", "拓宽"),
        ("效益指标", "社会效益指标", "就业率", "≥60%")]


def test_a_line_of_header_words_set_apart_by_blanks_is_no_note_run_into_the_header() -> None:
    from analytics.ingest.tables.lexicon import load_lexicon
    from analytics.ingest.tables.lines import _glued_header
    from analytics.ingest.tables.raw import RawTable
    lines = ["一级指标 二级指标 三级指标", "年初目标值", "实际完成值"]
    table = RawTable("text-lines", [[x] for x in lines], ["L1", "L2", "L3"])
    assert _glued_header(table, load_lexicon()).rows == [[x] for x in lines]
    glued = RawTable("text-lines", [["以下内容为附件图片识别请以附件为准一级指标"], ["二级指标"]], ["L1", "L2"])
    assert _glued_header(glued, load_lexicon()).rows == [["以下内容为附件图片识别请以附件为准"], ["一级指标"], ["二级指标"]]


def test_a_description_that_repeats_the_name_is_no_piece_of_it() -> None:
    """三级指标 | 绩效指标描述 | 指标值 with the description written as the name again: 参审案件补助 (no
    name's usual end) / 参审案件补助 / 100元 is one row named once, not 参审案件补助参审案件补助."""
    text = "\n".join([
        "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
        "产出指标", "数量指标", "聘用调解员人数", "聘用调解员人数", "1人",
        "成本指标", "参审案件补助", "参审案件补助", "100元"])
    data = _read(text)
    assert [(i["name"], i["targets"]["2023"]["raw"]) for i in data["indicators"]] == [
        ("聘用调解员人数", "1人"), ("参审案件补助", "100元")]


def test_a_target_worded_as_passing_an_inspection_is_the_row_s_target() -> None:
    """一次性通过省文物局验收 after 工程实施总体质量 is its target in words (通过), not a line left over,
    nor the first line of a cell wrapped over the lines after it (通过 / 安全事故发生率)."""
    text = "\n".join([
        "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值",
        "产出指标", "数量指标", "布展面积", "300㎡", "0",
        "质量指标", "工程实施总体质量", "一次性通过省文物局验收", "通过",
        "安全事故发生率", "<=0%", "<=0%"])
    data = _read(text)
    rows = {i["name"]: i for i in data["indicators"]}
    assert rows["工程实施总体质量"]["kind"] == "qualitative"
    assert rows["工程实施总体质量"]["targets"]["2023"]["raw"] == "一次性通过省文物局验收"


def test_an_actual_in_words_ending_in_a_bound_is_no_first_line_of_the_next_name() -> None:
    """存在18岁以下、54周岁以上 (what was found, against the target 18—54周岁) ends as a bound in words
    does, not as a name: it is the row's actual, and 参训学员结业考核通过率 the next row's whole name."""
    text = "\n".join([
        "一级指标", "二级指标", "指标名称", "目标值", "完成值",
        "产出指标", "产出质量",
        "培训对象符合招生计划规定", "18—54周岁", "存在18岁以下、54周岁以上",
        "参训学员结业考核通过率", "100%", "98.79%",
        "培训机构考核验收达标", "100%", "100%"])
    data = _read(text, year=2021)
    rows = [(i["name"], i["actuals"].get("2021", {}).get("raw")) for i in data["indicators"]]
    assert rows == [("培训对象符合招生计划规定", "存在18岁以下、54周岁以上"), ("参训学员结业考核通过率", "98.79%"),
                    ("培训机构考核验收达标", "100%")]


def test_a_two_row_header_one_cell_a_line_puts_the_second_row_s_columns_first() -> None:
    """绩效指标 (merged over 一级 | 二级 | 三级) | 年度指标值 | 实际完成值, one cell a line, then the second
    row (一级指标 / 二级指标 / 三级指标): the columns are the second row's, then the value columns; a
    first-row 年度指标值 over 指标性质 | 指标值 | 度量单位 is no column of its own, and an actual takes
    no sign from the 指标性质 column."""
    text = "\n".join(["绩效指标", "年度指标值", "实际完成值", "一级指标", "二级指标", "三级指标",
                      "产出指标", "数量指标", "培训人数", "≥500人", "520人", "质量指标", "培训合格率", "≥90%", "95%"])
    data = _read(text, year=2024)
    rows = [(i["name"], i["targets"]["2024"]["raw"], i["actuals"]["2024"]["raw"]) for i in data["indicators"]]
    assert rows == [("培训人数", "≥500人", "520人"), ("培训合格率", "≥90%", "95%")]
    text = "\n".join(["绩效指标", "年度指标值", "实际完成值", "分值", "得分", "一级指标", "二级指标", "三级指标",
                      "指标性质", "指标值", "度量单位", "产出指标", "数量指标", "学生受资助人数", "≥", "735", "人次",
                      "735", "10", "10", "效益指标", "社会效益指标", "政策知晓率", "=", "100", "%", "98%", "10", "9"])
    data = _read(text, year=2022)
    rows = [(i["name"], i["unit"], i["targets"]["2022"]["value"], i["actuals"]["2022"]["raw"]) for i in data["indicators"]]
    assert rows == [("学生受资助人数", "人次", 735, "735"), ("政策知晓率", "%", 100, "98%")]


def test_a_score_column_after_the_name_and_an_explanation_column_one_cell_a_line() -> None:
    """分值 right after the name (its score before the 定量 of 指标值类型), 分值 and 指标值 as two header
    cells, a name like a column's word (培训完成率, like 完成率) before its explanation (反映…), and a
    name after the previous row's scoring rule: each cell in its column."""
    text = "\n".join(["一级指标", "二级指标", "三级指标", "分值", "指标值类型", "指标值", "计量单位", "指标解释", "评(扣)分标准",
                      "产出指标", "数量指标", "培训人数", "10", "定量", "500", "人次", "反映培训人数情况", "完成得满分",
                      "质量指标", "培训完成率", "10", "定量", "100", "%", "反映培训完成率情况", "完成得满分",
                      "资金到位率", "5", "定量", "100", "%", "反映资金到位情况", "完成得满分"])
    data = _read(text, year=2024)
    rows = [(i["name"], i["unit"], i["targets"]["2024"]["value"]) for i in data["indicators"]]
    assert rows == [("培训人数", "人次", 500), ("培训完成率", "%", 100), ("资金到位率", "%", 100)]
    text = "\n".join(["一级指标", "二级指标", "三级指标", "分值", "指标值", "产出指标", "数量指标", "培训人数", "10", "280人次",
                      "质量指标", "培训合格率", "15", "≥95%"])
    rows = [(i["name"], i["targets"]["2024"]["raw"]) for i in _read(text, year=2024)["indicators"]]
    assert rows == [("培训人数", "280人次"), ("培训合格率", "≥95%")]


def test_a_description_column_headed_绩效指标描述_is_a_header_cell() -> None:
    """绩效指标描述 (a description of the indicator) heads a column of its own: the header goes on to
    指标方向 and 指标值, and each row's sign stands in its column."""
    text = "\n".join(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标方向", "指标值",
                      "产出指标", "数量指标", "维修面积", "维修面积", "≥", "400平方米",
                      "质量指标", "验收合格率", "验收合格率", "≥", "98%"])
    rows = [(i["name"], i["targets"]["2023"]["value"]) for i in _read(text)["indicators"]]
    assert rows == [("维修面积", 400), ("验收合格率", 98)]


def test_a_numbered_table_s_note_before_the_next_row_s_number_stays_in_its_row() -> None:
    """序号 | … | 指标值说明, one cell a line: the note (该指标值数据合理) before the next row's number (2)
    is this row's note, not the next row's name — a row's number is no value after it."""
    text = "\n".join(["序号", "一级指标", "二级指标", "三级指标", "计算符号", "目标值", "度量单位", "指标值说明",
                      "1", "产出指标", "数量指标", "保障在职职工人数(人)", "=", "116", "人", "该指标值数据合理",
                      "2", "保障退休职工人数(人)", "=", "81", "人", "该指标值数据合理",
                      "3", "保障遗属人数(人)", "=", "13", "人", "该指标值数据合理",
                      "4", "林木采伐监管(万立方米)", "=", "6", "万立方米", "该指标值数据合理"])
    rows = [(i["name"], i["targets"]["2026"]["value"]) for i in _read(text, year=2026)["indicators"]]
    assert rows == [("保障在职职工人数", 116), ("保障退休职工人数", 81), ("保障遗属人数", 13), ("林木采伐监管", 6)]



def test_a_bare_number_under_a_score_column_before_the_explanation_is_the_score_not_the_value() -> None:
    """二级指标 (the names) | 分值 | 绩效标准 | 当年预期实现值, one cell a line: 15 under 分值 is the row's
    score, and the value is 2280次 after the explanation."""
    text = "\n".join(["一级指标", "二级指标", "分值", "绩效标准", "当年预期实现值",
                      "数量指标", "办公大楼日常维修维护次数", "15", "反映办公大楼全年维修维护情况", "2280次",
                      "大楼安检巡察次数", "5", "反映大楼保卫巡检情况", "200次",
                      "质量指标", "维修维护验收合格率", "10", "反映维修维护质量情况", ">92%"])
    rows = [(i["name"], i["targets"]["2022"]["raw"]) for i in _read(text, 2022)["indicators"]]
    assert rows == [("办公大楼日常维修维护次数", "2280次"), ("大楼安检巡察次数", "200次"), ("维修维护验收合格率", ">92%")]


def test_header_cells_run_together_on_one_line_of_a_narrow_copy_are_cut_into_the_header_words() -> None:
    """``pdftotext -raw`` of a Word table with columns three characters wide (河北区人民法院's
    绩效目标表): its header's last line runs two cells together (绩效指标描述指标值); cut into
    绩效指标描述 | 指标值, the header holds its value column and the rows are read."""
    from pathlib import Path

    path = Path(__file__).parent / "files" / "hebei_fayuan_xiangmu_2023.word_top.raw.txt"
    result = parse_table(path.read_bytes(), filename=path.name)
    assert isinstance(result, TableReading), result
    names = [i["name"] for i in result.indicators]
    assert {"维修面积", "验收合格率", "资金支付及时率", "聘用调解员人数", "案件调解率"} <= set(names)
    assert len(names) >= 10


def test_a_two_row_header_with_a_description_column_merged_down_before_the_levels() -> None:
    """绩效指标 (over 一级 | 二级 | 三级, written into each column it spans) | 指标内容 | 指标值 | 绩效标准
    merged down both rows, then 一级指标 | 二级指标 | 三级指标: the columns are set back in order, the
    description after the name."""
    text = "\n".join(["绩效指标", "绩效指标", "绩效指标", "指标内容", "指标值", "绩效标准", "一级指标", "二级指标", "三级指标",
                      "产出指标", "数量指标", "补助人数", "实际发放解困工资人数", "250人", "计划标准",
                      "质量指标", "补贴覆盖率", "对符合条件的对象发放解困工资的覆盖率", "100%", "历史标准",
                      "对象合规率", "补贴对象合规率", "100%", "计划标准"])
    rows = [(i["level2"], i["name"], i["targets"]["2021"]["raw"]) for i in _read(text, 2021)["indicators"]]
    assert rows == [("数量指标", "补助人数", "250人"), ("质量指标", "补贴覆盖率", "100%"), ("质量指标", "对象合规率", "100%")]


def test_a_property_s_name_wrapped_after_a_noun_goes_on_but_not_after_a_row_left_empty() -> None:
    """补助经费 / 到位及时性 / 及时: a property (…性) is no value, so it is the name's rest; after a name
    ending in what it measures (合同结算条款完成率, its value left empty) it is never joined."""
    text = "\n".join(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                      "产出指标", "时效指标", "补助经费", "到位及时性", "及时", "达成预期指标",
                      "质量指标", "合同结算条款完成率", "费用结算及时性", "及时", "及时",
                      "成本指标", "项目总成本", "≤90万元", "90"])
    names = [i["name"] for i in _read(text, 2022)["indicators"]]
    assert names[:2] == ["补助经费到位及时性", "合同结算条款完成率"] and "项目总成本" in names
