"""What a line of a one-cell-a-line text can be, and the pieces of a cell wrapped over lines
(a copy of a table with narrow columns), read back as one cell."""

from __future__ import annotations

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.lexicon import load_lexicon
from analytics.ingest.tables.linecells import (closes, cut_word, description_goes_on, goes_on, header_goes_on,
                                               level_ahead, line_fits, marks_joined, note_goes_on, runs_to_value,
                                               signs_joined, unit_bracket_end, wraps_to_name)
from analytics.ingest.tables.raw import RawTable
from tests.ingest.copies import read_copy, targets_read


def _read(text: str, year: int = 2023) -> dict:
    result = parse_table(text.encode("utf-8"), filename="t.txt", year=year)
    assert isinstance(result, TableReading), result
    return result.to_json()


def test_the_pieces_of_a_wrapped_cell_are_told_from_the_next_cell() -> None:
    lex = load_lexicon()
    assert goes_on("≥100百分", "比", lex, False) and goes_on("71.86元/平方", "米", lex, False)
    assert not goes_on("95", "%", lex, True)  # a unit column after the value: its own cell
    assert goes_on("2021年12月31", "日", lex, False) and goes_on("提高森林覆盖率,", "促进生物多样性保护。", lex, False)
    assert not goes_on("减少", "反映实施项目对社会产生的不利影响。", lex, False)
    assert cut_word("课程数", "量达标率") and not cut_word("培训人数", "合格率")
    assert closes("对推动“四项制度", "”健全") and not closes("四项", "”制度")
    assert header_goes_on("偏差原因分析及改", "进措施", lex) and not header_goes_on("指标值", "培训人次", lex)
    assert level_ahead(["服务对象", "满意度指", "标", "游客满意度"], 0, lex) == 3
    assert level_ahead(["游客满意度", "≥95%"], 0, lex) == 0
    assert level_ahead(["可持续性发展影响", "指标", "反映可持续性发展"], 0, lex) == 2  # read by its ending, 指标 below
    assert level_ahead(["参训学员就业", "指标"], 0, lex) == 0
    assert wraps_to_name(["县级储备粮库", "存成本核算率", "100%"], 0, lex)
    assert not wraps_to_name(["特困人员实行动态管理", "扶贫临时救助人数(按月平均)", "≥7人"], 0, lex)
    table = RawTable("text-lines", [["三级指标"], ["指标值"], ["培训人数"], ["≥"], ["280人次"]], ["L1", "L2", "L3", "L4", "L5"])
    assert signs_joined(table, 2).rows == [["三级指标"], ["指标值"], ["培训人数"], ["≥280人次"]]


def test_names_wrapped_over_lines_join_and_a_sign_wrapped_above_its_number_joins_it() -> None:
    """A copy of a table with narrow cells, one cell a line and each cell's lines as they wrap: a
    name cut mid-word (经费支 / 出合规性, 课程数 / 量达标率, a quotation left open), a name's first
    piece after the last cell of the row before (a note column left empty: 县级储备粮库 /
    存成本核算率), and a sign on its own line above its number (≥ / 50个), each read as one cell."""
    text = "\n".join([
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施",
        "产出指标", "数量指标", "基建工程委托", "业务项目数量", "≥", "50个", "50",
        "课程数", "量达标率", "100%", "100%",
        "质量指标", "经费支", "出合规性", "严格执行相关制度规定", "达成预期指标",
        "县级储备粮库", "存成本核算率", "100%", "100%",
        "效益指标", "可持续影响指标", "对推动“四项制度", "”健全的持续性影响", "效果明显", "达成预期指标"])
    rows = [(i["name"], i["targets"]["2022"]["raw"]) for i in _read(text, 2022)["indicators"]]
    assert rows == [("基建工程委托业务项目数量", "≥50个"), ("课程数量达标率", "100%"),
                    ("经费支出合规性", "严格执行相关制度规定"), ("县级储备粮库存成本核算率", "100%"),
                    ("对推动“四项制度”健全的持续性影响", "效果明显")]


def test_a_note_before_a_longer_name_stays_the_note_and_a_sign_column_keeps_its_signs() -> None:
    """A note (特困人员实行动态管理) before the next row's longer name is that row's note, not the
    first line of the name (a wrapped cell's first line is its widest); with a 指标方向 column, a
    sign on its own line is that column's cell, and a name wrapped before it is joined."""
    text = "\n".join(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因",
                      "产出指标", "数量指标", "救助供养人数", "≥4754人", "4604人", "特困人员实行动态管理",
                      "扶贫临时救助人数(按月平均)", "≥7人", "9人"])
    data = _read(text, 2019)
    assert [i["name"] for i in data["indicators"]] == ["救助供养人数", "扶贫临时救助人数(按月平均)"]
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标方向", "指标值", "度量单位",
                      "满意度指标", "服务对象满意度指标", "人民群", "众满意度", "≥", "95", "%"])
    rows = [(i["name"], i["targets"]["2023"]["comparator"], i["targets"]["2023"]["value"]) for i in _read(text)["indicators"]]
    assert rows == [("人民群众满意度", ">=", 95)]


def test_cells_of_narrow_columns_wrapped_over_lines_are_read_whole() -> None:
    """A table of narrow columns copied one cell a line: a header cell (偏差原因分析及改 / 进措施), a
    level word over three lines (服务对象 / 满意度指 / 标), a name's last character (率), a value's unit
    (71.86元/平方 / 米), a date (2021年12月31 / 日, 2020.1.1-202 / 0.12.31) and a worded value whose
    sentence runs on (显著提升了 / 民办幼儿园的 / 扶持力度。) each read as one cell."""
    text = "\n".join([
        "一级指标", "二级指标", "三级指标", "指标值", "偏差原因分析及改", "进措施",
        "产出指标", "成本指标", "补贴标准", "71.86元/平方", "米",
        "生均补助标准达标", "率", "100%",
        "时效指标", "项目完工时间", "2021年12月31", "日",
        "补贴期限", "2020.1.1-202", "0.12.31",
        "效益指标", "社会效益指标", "扶持力度", "显著提升了", "民办幼儿园的", "扶持力度。",
        "满意度指标", "服务对象", "满意度指", "标", "受益租户满意度", "≥95%"])
    data = _read(text, 2020)
    rows = [(i["name"], i["targets"]["2020"]["raw"]) for i in data["indicators"]]
    assert rows == [("补贴标准", "71.86元/平方米"), ("生均补助标准达标率", "100%"), ("项目完工时间", "2021年12月31日"),
                    ("补贴期限", "2020.1.1-2020.12.31"), ("扶持力度", "显著提升了民办幼儿园的扶持力度。"),
                    ("受益租户满意度", "≥95%")]
    assert data["indicators"][0]["unit"] == "元/平方米"
    assert [i["level2"] for i in data["indicators"]][-1] == "服务对象满意度指标"


def test_a_whole_target_in_words_keeps_its_explanation_apart_and_a_value_before_a_unit_column_keeps_its_unit_apart() -> None:
    """减少 then 反映…。 (the row's explanation) is no sentence running on; with a 度量单位 column after
    the value, the unit on the next line is that column's cell."""
    text = "\n".join(["三级指标", "指标值类型", "目标值", "度量单位", "指标值内容",
                      "疾病预防控制中心经费", "≤", "70", "万元", "反映疾病预防控制中心经费。",
                      "实施项目对社会产生的不利影响", "定性", "减少", "反映实施项目对社会产生的不利影响。"])
    rows = [(i["name"], i["targets"]["2025"]["raw"], i["unit"]) for i in _read(text, 2025)["indicators"]]
    assert rows == [("疾病预防控制中心经费", "≤70", "万元"), ("实施项目对社会产生的不利影响", "减少", "")]


def test_a_name_over_three_lines_and_a_level_word_wrapped_after_a_row_s_last_cell() -> None:
    """A name wrapped over three lines (因粮食市场波动引 / 起的粮食安全事 / 件发生数) before its value, or
    before its explanation (…资金 / 投入成本控制率(% / ) / 反映…), is one name; a level word wrapped
    after a row whose last cells are empty (可持续影 / 响指标) is the next block's level, not its cells."""
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "偏差原因",
                      "效益指标", "社会效益指标", "提供务工岗位", "≥5个", "5个",
                      "可持续影", "响指标", "项目建成后可持续", "影响年限", "≥15年", "15年",
                      "因粮食市场波动引", "起的粮食安全事", "件发生数", "0起", "0起"])
    data = _read(text, 2023)
    rows = [(i["level2"], i["name"], i["targets"]["2023"]["raw"]) for i in data["indicators"]]
    assert rows == [("社会效益指标", "提供务工岗位", "≥5个"), ("可持续影响指标", "项目建成后可持续影响年限", "≥15年"),
                    ("可持续影响指标", "因粮食市场波动引起的粮食安全事件发生数", "0起")]
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标解释", "指标方向", "指标值",
                      "成本指标", "经济成本指标", "省级财政专项资金", "投入成本控制率(%", ")", "反映省级财政专项资金投入成本控制情况",
                      "≤", "100%"])
    rows = [(i["name"], i["targets"]["2025"]["raw"]) for i in _read(text, 2025)["indicators"]]
    assert rows == [("省级财政专项资金投入成本控制率", "≤100%")]


def test_explanations_scoring_rules_and_targets_in_words_wrapped_in_their_cells() -> None:
    """A form with 指标解释 and 评（扣）分标准 columns, every cell wrapped at its column's width: an
    explanation (反映提交报告及时 / 情况), a scoring rule (完成得满分，未完 / 成按比例扣分) and a
    target in words cut where its cell wrapped (严格执行相关 / 制度规定, 在项目计划完 / 成时间内完成)
    are each one cell; the next explanation is never the rest of a name."""
    lex = load_lexicon()
    assert goes_on("严格执行相关", "制度规定", lex, False) and goes_on("在项目计划完", "成时间内完成", lex, False)
    assert not goes_on("效果明显", "达成预期指标", lex, False) and not goes_on("是", "服务质量提升", lex, False)
    assert note_goes_on("反映提交报告及时", "情况", lex) and note_goes_on("反映单项业务成本", "情况", lex)
    assert note_goes_on("完成得满分，未完", "成按比例扣分", lex) and not note_goes_on("完成得满分", "开展培训", lex)
    text = "\n".join([
        "一级指标", "二级指标", "三级指标", "指标解释", "年度指标值", "实际完成值", "分值", "评（扣）分标准",
        "产出指标", "质量指标", "经费支出合规性", "反映经费支出合规", "情况", "严格执行相关", "制度规定", "达成预期指标", "8",
        "完成得满分，未完", "成按比例扣分",
        "时效指标", "提交报告及时性", "反映提交报告及时", "情况", "在项目计划完", "成时间内完成", "达成预期指标", "8",
        "完成得满分，未完", "成按比例扣分",
        "效益指标", "可持续影响指标", "对推动基建项目“", "四项制度”健全和", "落实的持续性影响", "反映对推动基建项",
        "情况", "效果明显", "达成预期指标", "10", "完成得满分，未完", "成按比例扣分"])
    rows = [(i["name"], i["targets"]["2022"]["raw"], i["actuals"]["2022"]["raw"]) for i in _read(text, 2022)["indicators"]]
    assert rows == [("经费支出合规性", "严格执行相关制度规定", "达成预期指标"),
                    ("提交报告及时性", "在项目计划完成时间内完成", "达成预期指标"),
                    ("对推动基建项目“四项制度”健全和落实的持续性影响", "效果明显", "达成预期指标")]


def test_a_name_s_unit_in_brackets_on_its_own_line_and_a_value_note_before_a_scoring_rule() -> None:
    """保障在职职工人数 / (人): the unit in brackets is the name's; 该指标值数据合理 under 指标值说明 is
    that column's note though a scoring rule (完成得满分…) follows it."""
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标解释", "计算符号", "目标值", "度量单位", "指标值说明",
                      "评（扣）分标准", "产出指标", "数量指标", "保障在职职工人数", "(人)", "反映保障在职职工", "情况", "=", "116",
                      "人", "该指标值数据合理", "完成得满分，未完", "成按比例扣分",
                      "保障退休职工人数", "(人)", "反映保障退休职工", "情况", "=", "81", "人", "该指标值数据合理",
                      "完成得满分，未完", "成按比例扣分",
                      "林木采伐监管", "(万立方米)", "反映林木采伐监管", "情况", "=", "6", "万立方米", "该指标值数据合理",
                      "完成得满分，未完", "成按比例扣分"])
    rows = [(i["name"], i["unit"], i["targets"]["2026"]["value"]) for i in _read(text, 2026)["indicators"]]
    assert rows == [("保障在职职工人数", "人", 116), ("保障退休职工人数", "人", 81), ("林木采伐监管", "万立方米", 6)]


def test_a_name_complete_only_by_a_note_in_brackets_goes_on_and_a_word_cut_in_two_joins() -> None:
    """受益脱贫(含监测对象) / 户人口数 / ≥120人: a bracket holding no unit does not end the name (one
    holding its unit does, 培训人数(人)); 县级储备粮管理制 / 度严格执行率: a word cut at the line's end."""
    lex = load_lexicon()
    assert unit_bracket_end("受益脱贫(含监测对象)", lex) and not unit_bracket_end("培训人数(人)", lex)
    assert not unit_bracket_end("(必填硬性指标)", lex) and cut_word("县级储备粮管理制", "度严格执行率")
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标值",
                      "效益指标", "社会效益指标", "受益脱贫(含监测对象)", "户人口数", "≥120人",
                      "县级储备粮管理制", "度严格执行率", "100%",
                      "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"])
    rows = [(i["name"], i["targets"]["2022"]["raw"]) for i in _read(text, 2022)["indicators"]]
    assert rows == [("受益脱贫(含监测对象)户人口数", "≥120人"), ("县级储备粮管理制度严格执行率", "100%"),
                    ("受益群众满意度", "≥90%")]


def test_a_note_saying_none_stays_in_its_column_and_never_starts_the_next_name() -> None:
    """无 under 偏差原因分析及改进措施 after each row, no level columns: the note, not the first word of the
    next row's name (无钢结构圈养围栏)."""
    text = "\n".join(["三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
                      "野生动物收容所", "≥200平方米", "204.46平方米", "10", "10", "无",
                      "钢结构圈养围栏", "≥120米", "121.5米", "10", "10", "无",
                      "项目完工时限", "2023年12月", "2023年10月", "15", "15", "无"])
    names = [i["name"] for i in _read(text)["indicators"]]
    assert names == ["野生动物收容所", "钢结构圈养围栏", "项目完工时限"]


def test_a_name_s_first_line_holding_a_target_word_after_an_empty_note_is_still_the_name() -> None:
    """保障退休职 / 工人数(人) after a row whose note column is empty: the first line holds 保障 (a
    target's word) but ends no target in words, so it is the next name's start, not the note."""
    lex = load_lexicon()
    assert wraps_to_name(["保障退休职", "工人数(人)", "=", "81"], 0, lex)
    assert not wraps_to_name(["项目按计划完成", "资金到位率", "100%"], 0, lex)


def test_the_pieces_a_viewer_copy_broke_off_at_a_change_of_font_are_put_back() -> None:
    """A copy out of a PDF viewer built on PDFium starts a new line where the font changes: a
    half-width bracket alone, a number's unit at the next line's start. Put back; one cell a line,
    a number and a unit stay two cells (a value and its 计量单位)."""
    lex = load_lexicon()
    lines = ["(2022 年度", ")", "质量指标 项目", "(工程", ")", "验收合格率", "10 ≥266", "米 ≥266", "米 10",
             "产出指标", "(70", "分", ")", "附件", ":"]
    table = RawTable("text-lines", [[x] for x in lines], [f"L{i}" for i in range(1, len(lines) + 1)])
    assert [r[0] for r in marks_joined(table, lex).rows] == [
        "(2022 年度)", "质量指标 项目", "(工程)", "验收合格率", "10 ≥266米", "≥266米", "10", "产出指标", "(70分)", "附件:"]
    cells = RawTable("text-lines", [["培训人数"], ["100"], ["个"], ["%"]], ["L1", "L2", "L3", "L4"])
    assert marks_joined(cells, lex) is cells
    by_line = RawTable("text-lines", [["单项业务成 符合相关规 达成预期指 10 10"], ["本 定 标"]], ["L1", "L2"])
    assert marks_joined(by_line, lex) is by_line  # a copy line by line: the wrapped cells' next lines


def test_a_pdfium_copy_of_a_word_table_reads_its_names_and_values_broken_at_font_changes() -> None:
    """Select-all out of a Chromium viewer (PDFium's text) of a Word 自评表: ``(工程`` / ``)``,
    ``10 ≥266`` / ``米 ≥266`` / ``米 10`` and ``(70`` / ``分`` / ``)`` come back whole."""
    result = read_copy("zhongjiang_shuibiaochi_2022.word_top.pdfium.txt")
    read = targets_read(result, "2022")
    assert {"安装坡面水标尺": "≥266米", "项目(工程)验收合格率": "100%", "项目计划总投资": "20万元",
            "受益脱贫(含监测对象)户人口数": "≥1000人"}.items() <= read.items()


def test_a_pdfium_copy_whose_line_reading_repeats_its_names_is_read_one_cell_a_line() -> None:
    """PDFium's text of a Word 自评表 whose wrapped cells run onto one line (``达成预期指 标``): read a
    row a line, 达成预期指 and 效果明显 stand as names of several rows; set out one cell a line, each
    row has its own whole name, and that reading wins though it counts fewer rows."""
    result = read_copy("chizhou_weituo_ziping_2022.word_top.pdfium.txt")
    names = [i["name"] for i in result.indicators]
    assert {"基建工程委托业务项目数量", "委托业务报告合格率", "经费支出合规性", "项目总成本",
            "对维护基建市场公平的影响程度", "对控制基建项目成本影响程度"} <= set(names)
    assert "效果明显" not in names


def test_a_reading_one_cell_a_line_no_worse_on_any_count_and_better_on_one_wins() -> None:
    """PDFium's text of a centred Word 申报表 (南岳区 青少年校外活动): set out one cell a line, its
    reading is as sound as the reading a row a line, with as many values and no more repeated names,
    but more whole names and no more rows unread — it wins, and every row reads whole."""
    result = read_copy("nanyue_qingshaonian_xiaowai_2020.word_centre.pdfium.txt")
    read = targets_read(result, "2020")
    assert {"开放功能室": "≥80次", "培训班教师人数": "≥14人", "送课下乡": "≥4次", "参加培训班学生数": "≥930人",
            "全区覆盖率": "≥95%", "活动参与率": "≥95%", "工作完成及时率": "≥100%"}.items() <= read.items()


def test_a_name_wrapped_over_a_line_that_holds_a_target_word_or_a_cut_word_is_read_whole() -> None:
    """A name's middle line that reads as a target in words only by a word such as 安全 (因粮食市场波动引 /
    起的粮食安全事 / 件发生数 / 0起), and a name of things cut mid-word after the row before it, whose note
    column is empty (烟感、温感控制设 / 备 / 160个): the name's lines, not a value or the row before's note."""
    lex = load_lexicon()
    assert runs_to_value("因粮食市场波动引", ["起的粮食安全事", "件发生数", "0起"], 0, lex)
    assert not runs_to_value("因粮食市场波动引", ["有效保障粮食安全", "件发生数", "0起"], 0, lex)
    assert wraps_to_name(["烟感、温感控制设", "备", "160个"], 0, lex)
    assert wraps_to_name(["声光报警、紧急按", "钮、指示灯", "30只"], 0, lex)  # (钮、: one character before a list's mark)
    assert wraps_to_name(["气体灭火控制器及", "报警主机", "4台"], 0, lex)  # (…及: a joining word, no note's end)
    assert cut_word("紧急按", "钮、指示灯") and not cut_word("指示灯、", "钮、按键")
    assert not wraps_to_name(["达到预计值", "施工材料", "1批"], 0, lex)
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标值", "指标说明", "产出指标", "数量指标",
                      "七氟丙烷式灭火装", "置及药剂", "10套", "烟感、温感控制设", "备", "160个", "施工材料", "1批",
                      "安全指标", "因粮食市场波动引", "起的粮食安全事", "件发生数", "0起"])
    names = [i["name"] for i in _read(text)["indicators"]]
    assert names == ["七氟丙烷式灭火装置及药剂", "烟感、温感控制设备", "施工材料", "因粮食市场波动引起的粮食安全事件发生数"]
    text = "\n".join(["一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "产出指标", "数量指标", "储备粮数量",
                      "1万吨", "1万吨", "满意度指标", "服务对象满意度指标", "因粮食市场波动引", "起的粮食安全事", "件 发生数",
                      "0起", "0起"])
    names = [i["name"] for i in _read(text)["indicators"]]
    assert names == ["储备粮数量", "因粮食市场波动引起的粮食安全事件发生数"]


def test_a_name_s_unit_in_brackets_ending_its_last_line_and_a_level_s_alternative_wrapped_below_it() -> None:
    """四、农户施肥情况 / 调查(户) / ≧300户: a line ending in a unit in brackets, right before a value, is the
    name's end (a row goes with a value); 时效指标 / (工期指 / 标): the template's alternative in brackets
    wrapped below a level word belongs to the level, not to the next name."""
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "四、农户施肥情况", "调查(户)",
                      "≧300户", "时效指标", "(工期指", "标)", "结算款支付及时性", "及时"])
    rows = [(i["level2"], i["name"], i["unit"]) for i in _read(text)["indicators"]]
    assert rows == [("数量指标", "农户施肥情况调查", "户"), ("时效指标", "结算款支付及时性", "")]


def test_a_description_wrapped_in_its_cell_is_not_read_as_the_value() -> None:
    """完成及时率 / 各项工作按计划进 / 度及时完成 / 100%: under 指标内容, the description's second line reads
    as a target in words only by its words; the figure after it is the value."""
    lex = load_lexicon()
    assert description_goes_on("各项工作按计划进", "度及时完成", "100%", lex)
    assert not description_goes_on("各项工作按计划进", "度及时完成", "计划标准", lex)
    assert not description_goes_on("补贴发放准确率", "≥", "100%", lex)
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标内容", "指标值", "产出指标", "时效指标", "完成及时率",
                      "各项工作按计划进", "度及时完成", "100%", "补贴准确率", "补贴发放准确率", "100%"])
    rows = [(i["name"], i["targets"]["2023"]["raw"]) for i in _read(text)["indicators"]]
    assert rows == [("完成及时率", "100%"), ("补贴准确率", "100%")]
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标内容", "指标值", "产出指标", "数量指标", "产学研合作项目数",
                      "量", "全年开展产学研合", "作项目数量", "20项以上"])
    rows = [(i["name"], i["targets"]["2023"]["raw"]) for i in _read(text)["indicators"]]
    assert rows == [("产学研合作项目数量", "20项以上")]  # a word cut (数 / 量) before the row's description


def test_a_scoring_rule_is_never_read_as_a_row_s_target() -> None:
    """完成得满分，未完 / 成按比例扣分 under 评（扣）分标准: when a row's value cell is empty, the scoring
    rule after it is not its target in words; the row is listed as unread instead."""
    lex = load_lexicon()
    assert not line_fits("完成得满分，未完", "value", lex) and line_fits("按期完成", "value", lex)
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标值", "评（扣）分标准", "产出指标", "数量指标", "维修面积",
                      "≥400平方米", "完成得满分，未完", "成按比例扣分", "满意度指标", "服务对象满意度指标", "干警满意度",
                      "完成得满分，未完", "成按比例扣分"])
    read = _read(text)
    assert [(i["name"], i["targets"]["2023"]["raw"]) for i in read["indicators"]] == [("维修面积", "≥400平方米")]
    assert any("干警满意度" in u["text"] for u in read["unread"])


def test_a_short_line_before_a_longer_one_ends_its_cell() -> None:
    """Names and values only, one cell a line, a target one word long (对当地文物保护、文化传承影响 / 长远 /
    提升博物馆绿化水平 / 提升): each line of a wrapped cell but its last fills the column, so the short
    line ends the name's cell (it is the value) and the longer line after it starts the next name; a
    note in brackets on the name's last line may run past the line before (人口收入 / (≥**万元))."""
    lex = load_lexicon()
    assert not runs_to_value("减轻参训人员经济负担", ["有效减轻", "有效减轻", "参训学员就业率", "60%及以上"], 0, lex)
    assert runs_to_value("乡村旅游带", ["动增加贫困", "人口收入", "(≥**万元)", ">=2.61万元"], 0, lex)
    text = "\n".join(["三级指标", "指标目标值", "免费开放天数", "=300天", "对当地文物保护、文化传承影响", "长远",
                      "提升博物馆绿化水平", "提升", "免费开放接待观众人数", "=30000人次"])
    rows = [(i["name"], i["targets"]["2023"]["raw"]) for i in _read(text)["indicators"]]
    assert rows == [("免费开放天数", "=300天"), ("对当地文物保护、文化传承影响", "长远"), ("提升博物馆绿化水平", "提升"),
                    ("免费开放接待观众人数", "=30000人次")]


def test_a_template_s_masked_bound_in_a_name_wrapped_over_lines() -> None:
    """A form's names carry the template's masked bound (开发数量(≥**个), 人口数≥**人): a name ending so reads
    complete, and a piece closing the bracket the name left open goes on with it, even when it looks
    like a unit (开发数量(≥** / 个)); neither is the row before's note."""
    lex = load_lexicon()
    assert wraps_to_name(["贫困地区旅游景点", "开发数量(≥**", "个)", ">=4个"], 0, lex)
    assert wraps_to_name(["受益建档立卡贫困", "人口数≥**人", ">=29人"], 0, lex)
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标值", "备注", "产出指标", "数量指标", "流转土地", ">=60亩",
                      "贫困地区旅游景点", "开发数量(≥**", "个)", ">=4个", "效益指标", "社会效益指标", "景点接待游客数量",
                      ">=60000人", "受益建档立卡贫困", "人口数≥**人", ">=29人"])
    names = [i["name_raw"] for i in _read(text)["indicators"]]
    assert names == ["流转土地", "贫困地区旅游景点开发数量(≥**个)", "景点接待游客数量", "受益建档立卡贫困人口数≥**人"]


def test_a_numbered_name_with_its_explanation_wrapped_before_the_figure_is_a_row_not_a_heading() -> None:
    """Under a 指标解释 column, a name numbered like a report's heading (二、化肥减量增效) names a row when a
    figure follows it past the name's rest and the explanation's wrapped lines, and a name's last line
    holding its unit in brackets (调查(户)) goes on with it before the explanation."""
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标解释", "年度指标值",
                      "产出指标", "数量指标", "一、示范区建立", "反映示范区建立", "情况", "≧20000亩",
                      "二、化肥减量增效", "田间试验", "反映二、化肥减量", "情况", "≧15组",
                      "三、土样植株化验", "反映三、土样植株", "情况", "≧60个",
                      "四、农户施肥情况", "调查(户)", "反映四、农户施肥", "情况", "≧300户"])
    got = {i["name"]: i["targets"]["2022"]["raw"] for i in _read(text, 2022)["indicators"]}
    assert got == {"示范区建立": "≧20000亩", "化肥减量增效田间试验": "≧15组", "土样植株化验": "≧60个",
                   "农户施肥情况调查": "≧300户"}


def test_a_name_ending_in_a_masked_bound_and_a_scoring_rule_after_an_empty_note_column() -> None:
    """One cell a line, narrow columns: a name's last line holding words and a template's masked bound
    (乡村旅游带动增加 / 贫困村收入(≥**万 / 元)) goes on with the name before its explanation; under
    指标值 | 备注 | 评（扣）分标准 a scoring rule goes under its own column, the 备注 left empty, so the
    next name's first line is not taken for the rule."""
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标解释", "指标值", "备注", "评（扣）分标准",
                      "产出指标", "数量指标", "流转土地", "反映流转土地情况", ">=60亩", "完成得满分，未完", "成按比例扣分",
                      "效益指标", "经济效益", "指标", "乡村旅游带动增加", "贫困村收入(≥**万", "元)", "反映乡村旅游带动",
                      "情况", ">=6万元", "完成得满分，未完", "成按比例扣分",
                      "乡村旅游带动增加", "贫困人口收入(≥**", "万元)", "反映乡村旅游带动", "情况", ">=2.61万元",
                      "完成得满分，未完", "成按比例扣分"])
    got = _read(text, 2018)
    assert [(i["name"], i["targets"]["2018"]["raw"]) for i in got["indicators"]] == [
        ("流转土地", ">=60亩"), ("乡村旅游带动增加贫困村收入", ">=6万元"), ("乡村旅游带动增加贫困人口收入", ">=2.61万元")]
    assert not got["unread"]


def test_a_form_naming_its_rows_by_their_second_level_with_an_explanation_column() -> None:
    """指标类型 | 指标名称 | 指标解释 | 指标值 one cell a line, each row named by its second level
    (数量指标 | 反映数量指标情况 | 375万平方米): the level word names its row when an explanation (wrapped
    or not) and then a value follow it; an explanation ending in a level's word (反映社会效益指标 /
    情况) is no level word; and such a reading is not taken for one cut at the level words."""
    lex = load_lexicon()
    assert lex.level_word("社会效益指标") and not lex.level_word("反映社会效益指标")
    text = "\n".join(["指标类型", "指标名称", "指标解释", "指标值", "指标描述", "评（扣）分标准",
                      "产出指标", "数量指标", "反映数量指标情况", "375万平方米", "完成全市375万平", "方米的绿地养护、", "维护等",
                      "完成得满分，未完", "成按比例扣分",
                      "质量指标", "反映质量指标情况", "100%", "达到绿化绿地全覆", "盖", "完成得满分，未完", "成按比例扣分",
                      "时效指标", "反映时效指标情况", "全年", "全年", "完成得满分，未完", "成按比例扣分",
                      "效益指标", "社会效益指标", "反映社会效益指标", "情况", "是", "满足市民生存环境", "的需求",
                      "完成得满分，未完", "成按比例扣分"])
    got = [(i["name"], i["targets"]["2024"]["raw"]) for i in _read(text, 2024)["indicators"]]
    assert got == [("数量指标", "375万平方米"), ("质量指标", "100%"), ("时效指标", "全年"), ("社会效益指标", "是")]
