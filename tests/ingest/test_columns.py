"""Text that keeps a table's columns by place (``pdftotext -layout`` of a 绩效目标表 printed to PDF):
analytics/ingest/tables/columns.py and its use by parse-table."""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.columns import column_rows
from analytics.ingest.tables.lexicon import load_lexicon
from bench.format_variants import tables
from bench.parse_tables import misses, score

LEX = load_lexicon()
LAYOUT = Path(__file__).resolve().parents[1] / "tables" / "layout"


def _grid(text: str) -> list[list[str]]:
    table = column_rows(text.split("\n"), LEX)
    assert table is not None
    return table.rows


def _reading(text: str, year: int | None = None) -> dict:
    result = parse_table(text.encode("utf-8"), filename="copy.txt", year=year)
    assert isinstance(result, TableReading), result
    return result.to_json()


#: text at the top of each cell (Word's default): a wrapped name goes on below its first line, a
#: merged level label stands once, at the top of its block; a number and its unit one blank apart
TOP = """\
某某项目绩效目标表（2024 年度）
一级指标   二级指标   三级指标        指标值
产出指标   数量指标   培训城乡劳动    ≥280 人次
                      者人数
                      开展职业技能    ≥12 场
                      培训场次
           质量指标   培训合格率      ≥95%
效益指标   社会效益   就业率          ≥80%
           指标
满意度指   服务对象   参训人员满意    ≥90%
标         满意度指   度
           标
填报人：        联系电话：
"""

#: the same table with the text in the middle of each cell: a one-line value stands between the
#: two lines of its name, a level label in the middle of its block
CENTRE = """\
某某项目绩效目标表（2024 年度）
一级指标   二级指标   三级指标        指标值
                      培训城乡劳动
                                      ≥280 人次
产出指标   数量指标   者人数
                      开展职业技能
                                      ≥12 场
                      培训场次
           质量指标   培训合格率      ≥95%
效益指标   社会效益   就业率          ≥80%
           指标
                      参训人员满意
满意度指   服务对象                   ≥90%
标         满意度指   度
           标
"""

NAMES = ["培训城乡劳动者人数", "开展职业技能培训场次", "培训合格率", "就业率", "参训人员满意度"]


def test_top_aligned_rows_are_put_together_from_their_lines():
    rows = _grid(TOP)
    body = rows[rows.index(["一级指标", "二级指标", "三级指标", "指标值"]) + 1:]
    assert [r[2] for r in body[:5]] == NAMES
    assert [r[3] for r in body[:5]] == ["≥280人次", "≥12场", "≥95%", "≥80%", "≥90%"]
    assert [r[0] for r in body[:5]] == ["产出指标", "", "", "效益指标", "满意度指标"]
    assert [r[1] for r in body[:5]] == ["数量指标", "", "质量指标", "社会效益指标", "服务对象满意度指标"]
    assert body[5][0].startswith("填报人")  # the sign-off stays below the table


def test_a_table_laid_out_in_columns_is_read_with_units_levels_and_year():
    data = _reading(TOP)
    assert data["source"]["format"] == "text-layout"
    got = {i["name"]: i for i in data["indicators"]}
    assert list(got) == NAMES
    assert got["培训城乡劳动者人数"]["unit"] == "人次"
    assert got["培训城乡劳动者人数"]["targets"]["2024"]["value"] == 280
    assert got["参训人员满意度"]["level1"] == "满意度指标"
    assert got["就业率"]["level2"] == "社会效益指标"


def test_text_in_the_middle_of_its_cell_reads_as_the_top_aligned_one():
    centre, top = _reading(CENTRE), _reading(TOP)
    assert [(i["name"], i["level1"], i["targets"]["2024"]["value"]) for i in centre["indicators"]] == \
        [(i["name"], i["level1"], i["targets"]["2024"]["value"]) for i in top["indicators"]]


def test_a_header_wrapped_over_two_lines_is_one_header():
    text = """\
一级指   二级指   三级指   年度指
标       标       标       标值
产出指   数量指   培训人   500人
标       标       数
"""
    rows = _grid(text)
    assert rows[0] == ["一级指标", "二级指标", "三级指标", "年度指标值"]
    assert rows[1] == ["产出指标", "数量指标", "培训人数", "500人"]


def test_text_without_columns_is_not_read_this_way():
    one_cell_a_line = "一级指标\n二级指标\n三级指标\n指标值\n产出指标\n数量指标\n培训人数\n500人\n"
    assert column_rows(one_cell_a_line.split("\n"), LEX) is None
    prose = "本项目年度目标：培训人数不少于500人，就业率达到80%以上。\n"
    assert column_rows(prose.split("\n"), LEX) is None


@pytest.mark.parametrize("name", sorted(p.name for p in LAYOUT.glob("*.txt")))
def test_pdftotext_copies_of_real_tables_read_as_the_tables(name):
    """Real tables written as Word tables (text at the top of the cells, or in their middle) or
    as a workbook (text at the bottom), printed to PDF by LibreOffice and converted by
    ``pdftotext -layout`` (bench/pdf_text.py): every indicator, target, unit and direction of the
    table's hand-checked reading. Among them: a table over two pages set apart differently
    (puyang: the second page lacks the first page's leftmost columns and sets the others apart
    by no single shift or scale), a header alone on its page, wrapped names, merged level labels
    in the middle of their blocks."""
    stem = name.split(".")[0]
    exp = next(t.expected for t in tables()[0] if t.path.stem == stem)
    result = parse_table((LAYOUT / name).read_bytes(), filename=name)
    assert isinstance(result, TableReading)
    data = result.to_json()
    assert data["source"]["format"] == "text-layout"
    got = score(data, exp)
    for measure in ("rows", "targets", "units", "directions", "kinds"):
        assert got[measure][0] == got[measure][1], (measure, misses(data, exp))
    assert got["extra"][0] == 0, misses(data, exp)


#: single-line rows with the merged level labels at the bottom of their blocks (a sheet's cells at
#: the bottom, Excel's default): each label reaches up to the row after the label above it
BOTTOM_LABELS = """\
一级指标     三级指标          指标值
             培训人数          ≥280人
产出指标     培训场次          ≥12场
             带动增收          ≥6万元
             新增就业人数      ≥500人
效益指标     就业率            ≥80%
"""


def test_labels_at_the_bottom_of_their_blocks_reach_up() -> None:
    data = _reading(BOTTOM_LABELS, year=2024)
    assert [(i["level1"], i["name"]) for i in data["indicators"]] == [
        ("产出指标", "培训人数"), ("产出指标", "培训场次"), ("效益指标", "带动增收"),
        ("效益指标", "新增就业人数"), ("效益指标", "就业率")]


#: names under 二级指标 (no 三级指标 column), an explanation column, and the value header wrapped
#: over two lines (当年预期实 / 现值), as Word prints a narrow column
LEVEL2_NAMES = """\
鄂州市 2022 年市直部门预算项目支出绩效目标表
一级指标      二级指标     绩效标准  当年预期实
                         现值
数量指标      办公大楼日    反映办公大 2280 次
          常维修维护    楼全年维修
          次数       维护情况
          大楼安检巡    反映大楼保 200 次
          察次数      卫巡检情况
质量指标      办公大楼日    反映办公大 >92%
          常维修维护    楼全年维修
          验收合格率    维护质量情
                   况
成本指标      成本控制率          不超预算
填报人：         联系电话：
"""


def test_names_under_the_second_level_and_a_value_header_wrapped_over_two_lines() -> None:
    data = _reading(LEVEL2_NAMES)
    assert [(i["level2"], i["name"], i["targets"]["2022"]["raw"]) for i in data["indicators"]] == [
        ("数量指标", "办公大楼日常维修维护次数", "2280次"), ("数量指标", "大楼安检巡察次数", "200次"),
        ("质量指标", "办公大楼日常维修维护验收合格率", ">92%"), ("成本指标", "成本控制率", "不超预算")]
    assert data["unread"] == []


#: a narrow value column in a Word table: worded targets wrap, their last character alone below
WORDED_WRAPS = """\
项目支出绩效目标表（2023 年度）
一级指    二级指   三级指   年度指
标        标       标       标值
产出指    数量指   居家养   ≥1500
标        标       老服务   人
                   老人数
                   助餐服   不少于 3
                   务人次   万人次
          时效指   补贴按   按季发
          标       季度发   放
                   放
效益指    社会效   老年人   有效提
标        益指标   生活质   升
                   量
"""


def test_the_last_character_of_a_wrapped_worded_target_stays_with_it() -> None:
    data = _reading(WORDED_WRAPS)
    assert [(i["name"], i["targets"]["2023"]["raw"]) for i in data["indicators"]] == [
        ("居家养老服务老人数", "≥1500人"), ("助餐服务人次", "不少于3万人次"), ("补贴按季度发放", "按季发放"),
        ("老年人生活质量", "有效提升")]


FILES = Path(__file__).resolve().parent / "files"


def test_a_long_note_column_cut_wrongly_does_not_join_the_rows_beside_it() -> None:
    """A centred Word table with 指标解释 and 备注 columns whose notes run on from row to row
    (pdftotext -layout of a real 整体绩效目标表): each value still makes its own row."""
    data = _reading((FILES / "yueyanglou_jiage_2023.word_centre.layout.txt").read_text(encoding="utf-8"))
    assert data["source"]["format"] == "text-layout"
    assert [(i["name"], i["targets"]["2023"]["raw"]) for i in data["indicators"]][:4] == [
        ("业务工作支出安排金额", "28.8万元"), ("业务工作支出到位率", "100"), ("工作安排时间", "按月安排"), ("社会成本指标", "100")]


def test_a_narrow_centred_table_whose_lines_mostly_hold_one_cell_and_a_unit_cut_below_a_label() -> None:
    """Most lines of a narrow table with its text in the middle of the cells hold a single piece;
    the rest of a cut unit (≥100 百分 / 比) stands two lines below, a level label between."""
    data = _reading((FILES / "tai_zhifache_2023.word_centre.layout.txt").read_text(encoding="utf-8"))
    assert data["source"]["format"] == "text-layout"
    got = {i["name"]: (i["unit"], i["targets"]["2023"]["raw"]) for i in data["indicators"]}
    assert got["完成修理养护的设施数量"] == ("辆", "≥90辆")
    assert got["项目验收合格率"] == ("%", "≥100百分比")
    assert got["养护维修质量合格率"] == ("%", "≥100百分比")
    assert got["经费支出时效性"] == ("", "及时支出")


def test_a_value_wrapped_around_its_row_in_a_centred_layout() -> None:
    """pdftotext -layout of Word forms with their cells centred (tests/ingest/files, made as
    tests/ingest/test_centred.py says): a date whose 底前 stands two lines below it, the name's line
    between (2024 年 12 月 / 项目完成时间 / 底前), and a number whose unit does (≤2000 / 1850元 / 元)."""
    target = _reading((FILES / "centred_target_table.layout.txt").read_text(encoding="utf-8"))
    got = {i["name"]: i["targets"]["2024"]["raw"] for i in target["indicators"]}
    assert len(got) == 10 and not target["unread"]
    assert got["项目完成时间"] == "2024年12月底前"
    own = _reading((FILES / "centred_self_evaluation.layout.txt").read_text(encoding="utf-8"))
    rows = {i["name"]: (i["targets"]["2023"]["raw"], i["actuals"]["2023"]["raw"]) for i in own["indicators"]}
    assert len(rows) == 8 and not own["unread"]
    assert rows["人均培训补贴标准"] == ("≤2000元", "1850元")
    assert rows["城镇新增就业人数"] == ("≥3000人", "3215人")


#: a 自评表 printed with its cells centred: a one-line row (项目总成本 … 90) right above a wrapped one whose
#: actual starts with words (达成预期指 / 标)
CENTRED_NEIGHBOURS = """\
项目支出绩效自评表（2022 年度）
绩效指标    一级指标      二级指标    三级指标       年度指标值       实际完成值   分值    得分   偏差原因分
                                                            析及改进措
                                                            施
                        基建工程委
                数量指标    托业务项目   ≥50 个     50      8    8
                        数量
                        委托业务报   ≥100 百分
                                          100     8    8
                        告合格率    比
                质量指标
                        经费支出合   严格执行相     达成预期指
       产出指标                                       8    8
                        规性      关制度规定     标
       (50 分)
                                在项目计划
                        提交报告及             达成预期指
                时效指标            完成时间内             8    8
                        时性                标
                                完成
                        项目总成本   ≤90 万元    90      8    8
                成本指标    单项业务成   符合相关规     达成预期指
                                                  10   10
                        本       定         标
                        对维护基建
                社会效益指                     达成预期指
                        市场公平的   效果明显              10   10
                标                         标
                        影响程度
                        对控制基建
                生态效益指                     达成预期指
                        项目成本影   效果明显              10   10
                标                         标
                        响程度
       效益指标
                        对推动基建
       (30 分)
                        项目“四项
                可持续影响                     达成预期指
                        制度”健全   效果明显              10   10
                指标                        标
                        和落实的持
                        续性影响
             经济效益指
"""


def test_a_number_is_never_joined_to_the_next_rows_words_as_its_unit() -> None:
    data = _reading(CENTRED_NEIGHBOURS)
    got = {i["name"]: (i["targets"]["2022"]["raw"], i["actuals"]["2022"]["raw"]) for i in data["indicators"]}
    assert got["项目总成本"] == ("≤90万元", "90")
    assert got["单项业务成本"] == ("符合相关规定", "达成预期指标")
    assert got["提交报告及时性"] == ("在项目计划完成时间内完成", "达成预期指标")


#: a period in a narrow value column, cut by the cell's edge after a month's number and after a year
DATE_WRAPPED = """\
一级指标     二级指标     三级指标         指标值
产出指标     时效指标     项目实施周期     2023 年 1
                             月--2023 年
                             12 月
             数量指标     培训人数         ≥500 人
             质量指标     培训合格率       ≥95%
"""


def test_a_date_cut_by_the_value_cell_s_edge_goes_on_below() -> None:
    grid = _grid(DATE_WRAPPED)
    assert ["产出指标", "时效指标", "项目实施周期", "2023年1月--2023年12月"] in grid
    rows = {i["name"]: i for i in _reading(DATE_WRAPPED, year=2023)["indicators"]}
    assert rows["项目实施周期"]["targets"]["2023"]["due"] == "2023-12"
    assert (rows["培训人数"]["targets"]["2023"]["comparator"], rows["培训人数"]["targets"]["2023"]["value"]) == (">=", 500.0)


#: two value headers a narrow column left one blank apart
HEADERS_ONE_BLANK_APART = """\
一级指标   二级指标   三级指标       年度目标值 实际完成值
产出指标   数量指标   培训人数       500人      520人
           质量指标   培训合格率     ≥95%       97%
           时效指标   按期完成率     100%       100%
"""


def test_two_value_headers_one_blank_apart_are_two_columns() -> None:
    rows = {i["name"]: i for i in _reading(HEADERS_ONE_BLANK_APART, year=2023)["indicators"]}
    assert rows["培训人数"]["targets"]["2023"]["value"] == 500.0 and rows["培训人数"]["actuals"]["2023"]["value"] == 520.0
    assert rows["培训合格率"]["targets"]["2023"]["value"] == 95.0 and rows["培训合格率"]["actuals"]["2023"]["value"] == 97.0
    assert set(rows) == {"培训人数", "培训合格率", "按期完成率"}


#: targets in words as wide as the value column, one row under the other (Excel's bottom-aligned
#: labels below their blocks; the 总分 line gives the target column as many cells as the scores)
WORDED_UNDER_WORDED = """\
一级指标   二级指标       三级指标              年初目标值   实际完成值   得分
           数量指标       办结来信来访件数      168件        168件        10
产出指标   时效指标       答复群众问题时间      2天以内      2天以内      10
           社会效益指标   改善村容村貌          有效改善     有效改善     10
效益指标   社会效益指标   提升办事效率          有效提升     明显提升     10
           满意度指标     群众满意度            ≥90%         95%          20
                          总分                  100分
"""


def test_two_targets_in_words_one_under_the_other_are_two_rows() -> None:
    grid = _grid(WORDED_UNDER_WORDED)
    assert ["", "社会效益指标", "改善村容村貌", "有效改善", "有效改善", "10"] in grid
    assert ["效益指标", "社会效益指标", "提升办事效率", "有效提升", "明显提升", "10"] in grid
    rows = {i["name"]: i for i in _reading(WORDED_UNDER_WORDED, year=2020)["indicators"]}
    assert set(rows) == {"办结来信来访件数", "答复群众问题时间", "改善村容村貌", "提升办事效率", "群众满意度"}
    assert rows["改善村容村貌"]["kind"] == rows["提升办事效率"]["kind"] == "qualitative"


def test_a_centred_row_split_by_the_page_break_and_a_label_alone_left_of_the_next_page_s_columns() -> None:
    """pdftotext -layout of a real 部门整体支出绩效目标表 set as a Word table with its cells centred
    (held-out 5's 浮梁县林业局): a name's first line ends page 1 beside its value (野生动植物保 | =
    | 320), the rest opens page 2 (护、防火面积 / (万亩)) above the next row's centred name; each
    row's name is cut where the names stand centred beside their values and none starts with the
    unit that ends the one above. On page 2 the level columns are blank but for 质量指标, left of
    all the page's columns."""
    data = _reading((FILES / "fuliang_linye_zhengti_2026.word_centre.layout.txt").read_text(encoding="utf-8"), year=2026)
    got = [(i["name"], i["unit"], i["targets"]["2026"]["value"]) for i in data["indicators"]]
    assert got[3:8] == [("林木采伐监管", "万立方米", 6), ("野生动植物保护、防火面积", "万亩", 320), ("湿地保有量", "公顷", 4900),
                        ("林业产业", "万亩", 0.5), ("签订野生动物致害保险", "单", 1)]
    assert len(got) == 13 and got[8][0] == "向各类新闻媒体完成林业新闻信息投稿数"
    assert (data["indicators"][-1]["name"], data["indicators"][-1]["level2"]) == ("工资发放准确性", "质量指标")


def test_a_converter_layout_is_counted_a_character_a_place_when_two_wide_runs_names_into_values() -> None:
    """``pdftotext -layout`` of a sheet printed without borders sets each character one place
    wide. Counted two wide, the long header line spreads further than the body lines, so the
    header seems to have more columns while each name runs into its value; counted one wide
    every row keeps its name and value apart."""
    pad = " " * 73
    text = "\n".join([
        "专项资金预算绩效目标申报表(2020年度)",
        "本年度绩效目标                  等公益活动,丰富全区青少年业余生活。",
        "专项年度绩效指标                 一级指标                      二级指标                  三级指标内容        指标值",
        pad + "开放功能室         ≥80次",
        pad + "培训班教师人数       ≥14人",
        pad + "送课下乡          ≥4次",
        " " * 51 + "数量指标                  参加培训班学生数      ≥930人",
        pad + "全区覆盖率         ≥95%",
        " " * 51 + "质量指标                  活动参与率         ≥95%",
        " " * 25 + "产出                        时效指标                  工作完成及时率       ≥100%",
    ])
    data = _reading(text)
    assert [(i["name"], i["targets"]["2020"]["value"]) for i in data["indicators"]] == [
        ("开放功能室", 80), ("培训班教师人数", 14), ("送课下乡", 4), ("参加培训班学生数", 930), ("全区覆盖率", 95),
        ("活动参与率", 95), ("工作完成及时率", 100)]


def test_a_target_said_in_a_sentence_ends_at_its_full_stop_however_wide_its_line() -> None:
    """Two rows whose targets are sentences, the first the widest line of its column: the line
    ending in 。 is the whole target, and the line under it starts the next row's."""
    text = "\n".join([
        "抗疫特别国债项目绩效目标表",
        "(2020年度)",
        "绩效指标      一级指标                    二级指标         三级指标                指标值",
        "                                  质量指标         补贴发放合规率             ≥95%",
        "          产出指标                    成本指标         补贴标准                71.86元/平方米",
        "                                  社会效益指标       促进学前教育普及普惠优质发展      显著促进了学前教育普及及优质发展,大力支持了民办幼儿园发展。",
        "          效益指标                    可持续影响指标      非营利性民办园租房受益期限       保障疫情期间非营利性民办园房租需求",
        "          满意度指标                   服务对象满意度指标    受益租户满意度             ≥95%",
    ])
    rows = {i["name"]: i for i in _reading(text)["indicators"]}
    assert "促进学前教育普及普惠优质发展" in rows and "非营利性民办园租房受益期限" in rows
    assert rows["促进学前教育普及普惠优质发展"]["targets"]["2020"]["raw"].endswith("民办幼儿园发展。")


#: a workbook printed without grid lines: one row a line, the longest name as wide as its column
PLAIN_SHEET = """\
2025年项目支出绩效目标表
一级指标      二级指标        三级指标              指标值类型   目标值   度量单位
          经济成本指标      疾病预防控制中心经费        ≤       70    万元
          社会成本指标      实施项目对社会产生的不利影响    定性      减少
成本指标      生态环境成本指标    实施项目对生态产生的不利影响    定性      减
"""

#: group rows with a score and no value above the rows they group (★补助… | 10 | | 10), the merged labels
#: at the bottom of their block (Excel's default)
GROUPED = """\
2023年项目绩效自评表
一级指标    二级指标    三级指标              分值    年度指标值   全年实际值   得分
                ★补助各类粮食作物种植面积     10                    10
                红薯种植面积                  5.5亩    5.5亩
                ★补助各类瓜果蔬菜种植面积     10                    10
                梨树种植面积                  6亩      6亩
                桃种植面积                   1亩      1亩
                ★补助家畜家禽养殖数量       10                    10
                猪养殖数量                   80头     80头
产出指标    数量指标    牛养殖数量                   3头      3头
"""


def test_a_target_in_one_word_takes_no_line_of_the_next_row_below_it() -> None:
    """减少 is a whole target: 减 below it is the next row's (cut short), two rows, not one."""
    rows = _reading(PLAIN_SHEET)["indicators"]
    assert [(i["name"], i["targets"]["2025"]["raw"]) for i in rows] == [
        ("疾病预防控制中心经费", "≤70"), ("实施项目对社会产生的不利影响", "减少"), ("实施项目对生态产生的不利影响", "减")]


def test_a_group_row_with_a_score_and_no_value_is_a_row_of_its_own() -> None:
    """★补助各类粮食作物种植面积 | 10 | (no value) | 10 stands above its first member row and beside
    no value: it is a row of its own (listed unread, no target), not the start of 红薯种植面积's name."""
    data = _reading(GROUPED)
    assert [i["name"] for i in data["indicators"]] == ["红薯种植面积", "梨树种植面积", "桃种植面积", "猪养殖数量", "牛养殖数量"]
    assert any("补助各类粮食作物种植面积" in u["text"] for u in data["unread"])
