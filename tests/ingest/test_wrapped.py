"""Names wrapped over lines in a PDF viewer's copy split at blanks (analytics/ingest/tables/wrapped.py)."""

from __future__ import annotations

from pathlib import Path

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.lexicon import load_lexicon
from analytics.ingest.tables.sources import RawTable
from analytics.ingest.tables.wrapped import join_fragments

LEX = load_lexicon()


def _parse_text(tmp_path: Path, text: str) -> dict:
    path = tmp_path / "copy.txt"
    path.write_text(text, encoding="utf-8")
    result = parse_table(path)
    assert isinstance(result, TableReading), result
    return result.to_json()


def _joined(lines: list[str]) -> list[list[str]]:
    rows = [ln.split() for ln in lines]
    return join_fragments(RawTable("text-space", rows, [f"L{i}" for i in range(1, len(rows) + 1)]), LEX).rows


def test_the_rest_of_a_name_below_its_row_is_joined_when_it_completes_the_name() -> None:
    assert _joined(["邀请校外名师、 25人次", "领导授课人次", "培训完成率 100%"]) == [
        ["邀请校外名师、领导授课人次", "25人次"], ["培训完成率", "100%"]]
    # three lines; a name that already ends like one takes nothing from below
    assert _joined(["理论教育和党性 100%", "教育课时比例完", "成率", "课程数量达标率 100%", "及时完成率"]) == [
        ["理论教育和党性教育课时比例完成率", "100%"], ["课程数量达标率", "100%"], ["及时完成率"]]


def test_a_value_between_the_lines_of_its_name_is_put_after_the_whole_name() -> None:
    assert _joined(["邀请校外名师、", "100%", "领导授课完成率", "情景教学或外训", "100%", "完成率"]) == [
        ["邀请校外名师、领导授课完成率", "100%"], ["情景教学或外训完成率", "100%"]]
    # the name's middle line beside its value
    assert _joined(["理论教育和党性", "教育课时比例完 100%", "成率"]) == [["理论教育和党性教育课时比例完成率", "100%"]]


def test_levels_header_words_and_lines_that_complete_nothing_stay_rows() -> None:
    lines = ["数量指标", "主体班培训 280人次", "质量指标", "备注"]
    assert _joined(lines) == [ln.split() for ln in lines]
    assert _joined(["三级指标", "100%", "完成率"]) == [["三级指标"], ["100%"], ["完成率"]]


def test_a_pdf_viewer_copy_with_wrapped_names_is_read_with_whole_names(tmp_path: Path) -> None:
    text = ("项目支出绩效目标表（2022年度）\n一级指标 二级指标 三级指标 指标值\n"
            "产出指标 数量指标 主体班培训人次 280人次\n邀请校外名师、 25人次\n领导授课人次\n"
            "质量指标 培训完成率 100%\n情景教学或外训\n100%\n完成率\n"
            "满意度指标 服务对象满意度 培训学员满意度 ≥95%\n")
    names = [i["name"] for i in _parse_text(tmp_path, text)["indicators"]]
    assert names == ["主体班培训人次", "邀请校外名师、领导授课人次", "培训完成率", "情景教学或外训完成率", "培训学员满意度"]


def _split_words(lines: list[str]) -> list[list[str]]:
    from analytics.ingest.tables.wrapped import join_split_words

    rows = [ln.split() for ln in lines]
    return join_split_words(RawTable("text-space", rows, [f"L{i}" for i in range(1, len(rows) + 1)]), LEX).rows


def test_the_pieces_of_one_cell_a_converter_set_apart_are_joined() -> None:
    assert _split_words(["产 出 指 标 数量 指标 县级储备粮管理制 度严格执行率 100% 100%"]) == [
        ["产出指标", "数量指标", "县级储备粮管理制度严格执行率", "100%", "100%"]]
    assert _split_words(["一级 指标 二级 指标 三级指标 年度指标 值"])[0][:3] == ["一级指标", "二级指标", "三级指标"]


def test_separate_cells_stay_apart() -> None:
    lines = ["是 是 是",  # three yes cells, no word
             "生活节水 城镇人均日生活用水量 ≥95%",  # a group, then a whole name longer than it
             "经费支出合规性 严格执行相关制度规定 达成预期指标 8 8",  # a target and an actual in words
             "预算规模及资金用途 预算数 20.00 其中:财政 资金 20.00",  # labels of the form's facts
             "转移支付预算数(A) 5.8万 预算执行率(B/A) 100%",  # a value, then the next label
             "项目名称 办案业务费(陪审员及互联网专线)"]
    assert _split_words(lines) == [ln.split() for ln in lines]


RAW = ("鄂州市2022年市直部门预算项目支出绩效目标表\n一级指标 二级指标 绩效标准 当年预期实\n现值\n"
       "数量指标 办公大楼日\n常维修维护\n次数\n反映办公大\n楼全年维修\n维护情况\n2280 次\n大楼安检巡\n察次数\n反映大楼保\n卫巡检情况\n200 次\n"
       "质量指标 办公大楼日\n常维修维护\n验收合格率\n反映办公大\n楼全年维修\n维护质量情\n况\n>92%\n")


def test_a_copy_in_the_order_a_pdf_draws_its_cells_is_read_cell_by_cell(tmp_path: Path) -> None:
    """What a browser's PDF viewer copies (``pdftotext -raw``): each cell's lines one after the other,
    the cells of a row at one height on one line. The lines of a wrapped cell are joined when they
    complete a name or an explanation; the text is then read one cell a line."""
    from analytics.ingest.tables.sources import split_text
    from analytics.ingest.tables.wrapped import cell_per_line, join_cell_lines

    joined = [r[0] for r in join_cell_lines(split_text(RAW), LEX).rows]
    assert "数量指标 办公大楼日常维修维护次数" in joined and "反映办公大楼全年维修维护质量情况" in joined
    assert [r[0] for r in cell_per_line(split_text("数量指标 办公大楼日常维修维护次数\n2280 次\n")).rows] == [
        "数量指标", "办公大楼日常维修维护次数", "2280次"]
    got = {i["name"]: i["targets"]["2022"]["raw"] for i in _parse_text(tmp_path, RAW)["indicators"]}
    assert got == {"办公大楼日常维修维护次数": "2280次", "大楼安检巡察次数": "200次", "办公大楼日常维修维护验收合格率": ">92%"}


def test_lines_that_are_cells_of_their_own_stay_apart() -> None:
    from analytics.ingest.tables.sources import split_text
    from analytics.ingest.tables.wrapped import join_cell_lines

    lines = ["项目资金使用合规性", "反映项目资金使用合规情况",  # a name, then its explanation
             "低于全区平均值的50%或年降低率5%", "农业用水总量",  # a criterion in words, then the next name
             "完成自治区下达水土流失治理年度任务", "公众满意度",
             "生活节水", "城镇人均日生活用水量"]  # a group, then a longer whole name
    assert [r[0] for r in join_cell_lines(split_text("\n".join(lines)), LEX).rows] == lines


def test_the_pieces_below_a_row_go_on_the_cells_they_complete() -> None:
    # a level's score and the rest of a level's word go on the level cells
    assert _joined(["产出指标 数量指标 基建工程委 ≥50个 50 8 8", "(50分) 托业务项目", "数量"]) == [
        ["产出指标(50分)", "数量指标", "基建工程委托业务项目数量", "≥50个", "50", "8", "8"]]
    assert _joined(["可持续影响 对推动基建 效果明显 达成预期指 10 10", "指标 项目“四项 标", "制度”健全"]) == [
        ["可持续影响指标", "对推动基建项目“四项制度”健全", "效果明显", "达成预期指标", "10", "10"]]
    # fewer pieces than open cells: each goes where it completes a word, not on the first cells
    assert _joined(["效益指标 社会效益指 对维护基建 效果明显 达成预期指 10 10", "(30分) 标 市场公平的 标", "影响程度"]) == [
        ["效益指标(30分)", "社会效益指标", "对维护基建市场公平的影响程度", "效果明显", "达成预期指标", "10", "10"]]
    # a unit cut by the cell's edge; a name naming a property (及时性) takes nothing more
    assert _joined(["质量指标 委托业务报 ≥100百分 100 8 8", "告合格率 比"]) == [
        ["质量指标", "委托业务报告合格率", "≥100百分比", "100", "8", "8"]]
    assert _joined(["时效指标 提交报告及 在项目计划 达成预期指 8 8", "时性 完成时间内 标", "完成"]) == [
        ["时效指标", "提交报告及时性", "在项目计划完成时间内完成", "达成预期指标", "8", "8"]]
    # a level word alone below a row is the next row's level, not the rest of this row's
    assert _joined(["产出指标 成本指标 参审案件补助 100元", "效益指标", "满意度指标 干警满意度 ≥95%"])[1] == ["效益指标"]


def test_a_row_with_a_type_word_and_a_worded_target_takes_its_wrapped_cells_each_to_its_last_line() -> None:
    # 工作安排时 | 定量 | 按月安排 | 该指标主要… | 未达指标值…: the name before the 指标值类型 word, the target after it
    assert _joined(["时效指标 工作安排时 定量 按月安排 该指标主要 未达指标值", "间 考察业务工 酌情扣分", "作支出安排", "时间"]) == [
        ["时效指标", "工作安排时间", "定量", "按月安排", "该指标主要考察业务工作支出安排时间", "未达指标值酌情扣分"]]
    # a cell whose line is shorter than its first one ends there: the lines below go on the others
    assert _joined(["社会效益指 保证单位正 定性 应保尽保 % 该指标主要 未达指标值", "标 常运转 考察单位运 酌情扣分",
                    "转需要保障", "范围应保尽", "保", "填报人： 联系电话："]) == [
        ["社会效益指标", "保证单位正常运转", "定性", "应保尽保", "%", "该指标主要考察单位运转需要保障范围应保尽保",
         "未达指标值酌情扣分"], ["填报人：", "联系电话："]]


def test_a_level_word_wrapped_in_a_row_without_a_name_is_joined() -> None:
    assert _joined(["效益指标 经济效益指 未达指标值", "标 酌情扣分", "社会效益指标 保证单位正常运转 定性 应保尽保"])[0] == [
        "效益指标", "经济效益指标", "未达指标值酌情扣分"]


def test_a_row_led_by_its_levels_takes_the_rest_of_its_name_though_its_target_is_no_lexicon_word() -> None:
    assert _joined(["社会成本指标 对当地文物保 长远", "护、文化传承", "影响", "效益指标 经济效益指标 为当地提供就 增加岗位",
                    "业岗位"]) == [
        ["社会成本指标", "对当地文物保护、文化传承影响", "长远"], ["效益指标", "经济效益指标", "为当地提供就业岗位", "增加岗位"]]
    # a level word cut at the row's start goes whole before the rest of the line is placed
    assert _joined(["生态环境成本 提升博物馆绿 提升", "指标 化水平"]) == [["生态环境成本指标", "提升博物馆绿化水平", "提升"]]


def test_a_sign_column_a_lone_character_and_a_bare_number_do_not_take_a_name_s_rest() -> None:
    # 维持时 ≥1 / 效: the 指标性质 sign stands between the name and its value; 效 is no unit of ≥1
    assert _joined(["产出指标 时效指标 维持时 ≥ 1 年 20 正向指", "效 标"])[0][2] == "维持时效"
    # 制 度严格执行: a blank the source had inside a cell's line; the line after it still goes on
    assert _joined(["质量指标 县级储备粮管理 100% 100%", "制 度严格执行", "率"]) == [
        ["质量指标", "县级储备粮管理制度严格执行率", "100%", "100%"]]


def test_an_explanation_cell_goes_on_to_its_qingkuang_and_a_wrapped_value_header_joins(tmp_path: Path) -> None:
    # 反映设备设施维保质量 / 情况: an explanation is whole at 情况, not at 质量; 当年预期实 / 现值 under a
    # header whose names stand under 二级指标; 数量指标 under 一级指标 is the row's second level
    data = _parse_text(tmp_path, "\n".join([
        "一级指标 二级指标 绩效标准 当年预期实", "现值",
        "数量指标 办公大楼日 反映办公大 2280次", "常维修维护 楼全年维修", "次数 维护情况",
        "重.要设备维 反映设备设 95%", "修维保验收 施维保质量", "合格率 情况"]))
    got = [(i["level2"], i["name"], next(iter(i["targets"].values()))["raw"]) for i in data["indicators"]]
    assert got == [("数量指标", "办公大楼日常维修维护次数", "2280次"), ("数量指标", "重.要设备维修维保验收合格率", "95%")]
    assert data["unread"] == []


def test_a_first_level_s_score_before_the_rest_of_a_cut_second_level_goes_on_the_first() -> None:
    assert _joined(["效益指标 经济效益指", "(20分) 标", "社会效益指 受益脱贫(含 10 ≥1000人 ≥1000人 10", "标 监测对象)户",
                    "人口数"]) == [["效益指标(20分)", "经济效益指标"],
                                   ["社会效益指标", "受益脱贫(含监测对象)户人口数", "10", "≥1000人", "≥1000人", "10"]]


def test_a_bracket_opened_on_one_line_and_closed_below_does_not_swallow_the_row_s_values(tmp_path: Path) -> None:
    # 受益脱贫(含 / 监测对象)户 / 人口数: the values on the first line stay cells; 项目(工程) / 验收合格率:
    # a bracket at a line's end does not make the name whole
    data = _parse_text(tmp_path, "\n".join([
        "一级指标 二级指标 三级指标 分值 年度指标值 全年实际值 得分",
        "产出指标 数量指标 安装坡面水标尺 10 ≥266米 ≥266米 10", "水标尺宽度 10 ≥50厘米 ≥50厘米 10",
        "质量指标 项目(工程) 20 100% 100% 20", "验收合格率",
        "效益指标 社会效益指 受益脱贫(含 10 ≥1000人 ≥1000人 10", "标 监测对象)户", "人口数"]))
    got = [(i["name"], next(iter(i["targets"].values()))["raw"]) for i in data["indicators"]]
    assert got == [("安装坡面水标尺", "≥266米"), ("水标尺宽度", "≥50厘米"), ("项目(工程)验收合格率", "100%"),
                   ("受益脱贫(含监测对象)户人口数", "≥1000人")]


def test_a_name_whose_last_line_filled_its_column_goes_on_though_it_reads_whole() -> None:
    # 完成修理养 / 护的设施数 / 量: 设施数 ends like a name, but its line is as wide as the first
    assert _joined(["产出指标 数量指标 完成修理养 ≥90辆", "护的设施数", "量", "质量指标 经费支出合 较高", "规性"]) == [
        ["产出指标", "数量指标", "完成修理养护的设施数量", "≥90辆"], ["质量指标", "经费支出合规性", "较高"]]


def test_a_row_with_a_name_as_wide_as_the_wrapped_names_and_a_worded_target_takes_its_rest() -> None:
    # 经费支出时 及时支出 / 效性: no number on the row, but its name fills the column the other names fill
    rows = _joined(["质量指标 经费支出合 较高", "规性", "项目验收合 ≥100%", "格率", "经费支出时 及时支出", "效性"])
    assert rows == [["质量指标", "经费支出合规性", "较高"], ["项目验收合格率", "≥100%"], ["经费支出时效性", "及时支出"]]


def test_a_level_label_written_down_its_lines_goes_back_on_the_row_it_leads() -> None:
    """A row a line, cells one blank apart: 产出 / 指 / 标 数量指标 … is 产出指标 | 数量指标 | …, and a
    level word cut at a row's end (标 经济效益 / 指标 全年影院观影人数 …) is 经济效益指标."""
    text = "\n".join([
        "绩 效 指 标 一级指标 二级指标 三级指标 年度指标值 全年完成值 分值 得分",
        "产出", "指", "标 数量指标 维护电影放映设备数量 ≥5套 5套 20 20",
        "质量指标 提升放映质量 明显 明显 10 10",
        "效益", "指", "标 经济效益", "指标 全年影院观影人数 ≥4万人次 4.4万人次 5 5",
        "影院营业收入 ≥150万元 188.6万元 5 5",
    ])
    result = parse_table(text.encode("utf-8"), filename="t.txt", year=2025)
    assert isinstance(result, TableReading)
    got = [(i["level1"], i["level2"], i["name"], i["targets"]["2025"]["raw"]) for i in result.indicators]
    assert got == [("产出指标", "数量指标", "维护电影放映设备数量", "≥5套"), ("产出指标", "质量指标", "提升放映质量", "明显"),
                   ("效益指标", "经济效益指标", "全年影院观影人数", "≥4万人次"),
                   ("效益指标", "经济效益指标", "影院营业收入", "≥150万元")]


def test_a_target_naming_its_aim_stays_apart_from_the_name_and_a_cut_level_word_from_the_row_above() -> None:
    """A row a line: 科普知识网络竞赛 提高普及率 稳步提升 6 is a name, a target in words (提高普及率, though it
    ends like a name) and its actual; 可持续影响指, a level word cut off at the copy's end, is no line of
    the name above it."""
    text = "\n".join([
        "一级指标 二级指标 三级指标 年初目标值(A) 实际完成值(B) 得分",
        "产出指标 数量指标 开展全国科普日专题科普活动 10场 9场 7",
        "质量指标 科普知识网络竞赛 提高普及率 稳步提升 6",
        "效益指标 生态效益指标 生态文明理念和意识 提升10% 提升10% 6",
        "可持续影响指",
    ])
    result = parse_table(text.encode("utf-8"), filename="t.txt", year=2022)
    assert isinstance(result, TableReading)
    got = [(i["name"], i["targets"]["2022"]["raw"], (i.get("actuals") or {}).get("2022", {}).get("raw"))
           for i in result.indicators]
    assert got == [("开展全国科普日专题科普活动", "10场", "9场"), ("科普知识网络竞赛", "提高普及率", "稳步提升"),
                   ("生态文明理念和意识", "提升10%", "提升10%")]


def test_the_first_character_of_a_level_word_where_the_copy_stops_is_no_line_of_the_last_row() -> None:
    """效 alone on a copy's last line starts the next block (效益指标) cut off where the copy stops: it is
    not joined to the last row's unit (万元效), it is listed as a skipped line; in the middle of a table
    a one-character line still goes on its row."""
    rows = ["一级指标 二级指标 三级指标 指标方向 目标值 计量单位 分值",
            "产出指标 成本指标 出差总成本 反向 = 1 万元 4",
            "产出指标 成本指标 年度预算总成本 反向 = 3 万元 4"]
    result = parse_table("\n".join([*rows, "效"]).encode("utf-8"), filename="t.txt", year=2021)
    assert isinstance(result, TableReading)
    assert [(i["name"], i["unit"]) for i in result.indicators] == [("出差总成本", "万元"), ("年度预算总成本", "万元")]
    assert [s["text"] for s in result.skipped] == ["效"]


def test_a_row_filling_every_column_from_its_name_keeps_its_pieces_apart() -> None:
    """科普宣传栏内容更新 知识更新率 实时更新 6 under 三级指标 | 年初目标值 | 实际完成值 | 得分: four pieces for four
    columns down to the score, so 知识更新率 is no line of the name but its target, in place; a name whose
    second line stands beside it in a row with its score left empty is still joined (县级储备粮管理制 度严格执行率)."""
    text = "\n".join([
        "2022年度科普经费项目自评表",
        "年度绩效目标1(80分) 一级指标 二级指标 三级指标 年初目标值(A) 实际完成值(B) 得分",
        "产出指标 数量指标 开展全国科普日专题科普活动 10场 9场 7",
        "质量指标 科普知识网络竞赛 提高普及率 稳步提升 6",
        "科普宣传栏内容更新 知识更新率 实时更新 6",
        "县级储备粮管理制 度严格执行率 100% 100%",
    ])
    result = parse_table(text.encode("utf-8"), filename="t.txt", year=2022)
    assert isinstance(result, TableReading)
    assert [i["name"] for i in result.indicators] == ["开展全国科普日专题科普活动", "科普知识网络竞赛", "科普宣传栏内容更新",
                                                      "县级储备粮管理制度严格执行率"]
    assert [i["targets"]["2022"]["raw"] for i in result.indicators[1:]] == ["提高普及率", "知识更新率", "100%"]
