"""Rows whose cells are not under their columns, put back (analytics/ingest/tables/realign.py)."""

from __future__ import annotations

from analytics.ingest.tables import TableReading, parse_table


def _read(text: str, year: int = 2022) -> dict:
    result = parse_table(text.encode("utf-8"), filename="t.txt", year=year)
    assert isinstance(result, TableReading), result
    return result.to_json()


def test_a_browser_copy_leaves_out_the_cells_merged_labels_cover_and_keeps_the_empty_ones() -> None:
    """A web table copied by a browser: tabs between cells, a row under merged level labels starts
    with its own cells (产出目标 and 数量目标 are on the block's first row only), an empty note
    cell stays at the row's end. Each row is set right, under its columns."""
    text = "\n".join([
        "项目年度绩效目标",
        "评价内容\t\t绩效内容\t绩效目标值\t实际完成值\t备注",
        "产出目标\t数量目标\t人才驿站数量\t>=2个\t0个\t",
        "当年人才驿站组织活动数量\t>=28次\t40次\t",
        "每年人才驿站服务人次\t>=500人\t1700人\t",
        "质量目标\t各类人才对人才政策的知晓率\t>=95%\t98%\t",
        "人才驿站补助资金到位率\t>=100%\t100%\t未足额"])
    data = _read(text)
    rows = [(i["level2"], i["name"], i["targets"]["2022"]["raw"], i["actuals"]["2022"]["raw"]) for i in data["indicators"]]
    assert rows == [("数量目标", "人才驿站数量", ">=2个", "0个"), ("数量目标", "当年人才驿站组织活动数量", ">=28次", "40次"),
                    ("数量目标", "每年人才驿站服务人次", ">=500人", "1700人"),
                    ("质量目标", "各类人才对人才政策的知晓率", ">=95%", "98%"),
                    ("质量目标", "人才驿站补助资金到位率", ">=100%", "100%")]


def test_level_words_under_a_label_column_start_their_row_left_of_its_columns() -> None:
    """绩效指标 | 一级指标 | 二级指标 | 三级指标 | …, the 绩效指标 label merged down the form's left and
    left out of each row: 效益指标(30分) stands under 绩效指标 and 社会效益指标 under 一级指标, so the
    row is set right even though its target in words (效果明显) reads like a name; and a second level
    written twice (数量指标 | 数量指标) before the name is one level."""
    text = "\n".join([
        "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分",
        "产出指标 | 数量指标 | 数量指标 | 福彩APP系统改版升级 | 100% | 100% | 10 | 10",
        "效益指标(30分) | 社会效益指标 | 对维护基建市场公平的影响程度 | 效果明显 | 达成预期指标 | 10 | 10",
        "生态效益指标 | 对控制基建项目成本影响程度 | 效果明显 | 达成预期指标 | 10 | 10"])
    data = _read(text)
    rows = [(i["level1"], i["level2"], i["name"], i["targets"]["2022"].get("raw")) for i in data["indicators"]]
    assert rows == [("产出指标", "数量指标", "福彩APP系统改版升级", "100%"),
                    ("效益指标", "社会效益指标", "对维护基建市场公平的影响程度", "效果明显"),
                    ("效益指标", "生态效益指标", "对控制基建项目成本影响程度", "效果明显")]


def test_a_browser_copy_of_a_table_with_a_target_column_per_town_and_an_explanation_after_each_name() -> None:
    """One target column per town (笏石街道办 | 埭头镇, no value header word): in a browser's copy the
    rows under merged labels are short at their start, so their targets end the row; and a row whose
    first cells are a level and a name reads 达到预计值 (its explanation) as no name."""
    text = "\n".join([
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标解释\t指标方向\t笏石街道办\t埭头镇",
        "\t成本指标\t经济成本指标\t资金投入成本控制率(%)\t反映资金投入成本控制情况\t≤\t100%\t100%",
        "产出指标\t数量指标\t开展修复工程(个)\t反映水毁修复项目开展情况\t≥\t1\t1",
        "质量指标\t已建工程是否存在质量问题\t当年已完工项目是否在检查中发现质量问题\t是/否\t否\t否",
        "时效指标\t项目开展率(%)\t反映修复开展情况\t≥\t100%\t100%"])
    data = _read(text, 2025)
    assert [i["name"] for i in data["indicators"]] == ["资金投入成本控制率", "开展修复工程", "已建工程是否存在质量问题",
                                                       "项目开展率"]
    assert data["indicators"][1]["level1"] == "产出指标" and data["indicators"][1]["unit"] == "个"
    text = "\n".join([
        "评价指标\t评价内容\t指标名称\t指标说明\t目标值\t分值\t备注",
        "项目年度绩效目标\t制度指标\t规章制度建立与否\t\t\t20\t",
        "产出数量指标\t享受资助人数\t达到预计值\t2100\t10\t",
        "资金支出率\t达到目标值\t95%\t10\t",
        "时效指标\t及时发放率\t达到目标值\t100%\t20\t"])
    data = _read(text, 2019)
    assert [(i["name"], i["targets"]["2019"]["raw"]) for i in data["indicators"] if i["targets"]] == [
        ("享受资助人数", "2100"), ("资金支出率", "95%"), ("及时发放率", "100%")]


def test_rows_as_wide_as_their_header_are_not_read_from_their_end() -> None:
    """A tab-separated copy with an empty first column and a 备注 column after every row: its rows
    are as wide as the header, so no column is taken for a town's targets by the cells ending them."""
    text = "\n".join([
        '\t主管部门审核意见\t单位公章:\t年\t月\t日\t\t备注',
        '\t鄂州市2022年市直部门预算项目支出绩效目标表\t\t备注',
        '\t项目名称\t滨湖大胆办公大楼运行保障\t项目类别\t本级支出项目\t项目性质\t持续性项目\t\t备注',
        '\t立项依据\t市机关事务服务中心三定方案\t\t备注',
        '\t项目预算\t成本构成\t金额\t测算(公式)依据\t2020年实际执行数\t2021年实际执行数\t\t备注',
        '\t\t保安服务费\t191\t依据招标文件\t191\t191\t\t备注',
        '\t\t保洁服务费\t99\t依据招标文件\t99\t99\t\t备注',
        '\t\t水电气、维修维护费\t524\t根据三定方案,各项费用据实结算\t372.88\t504.55\t\t备注',
        '\t\t合计\t814\t\t662.98\t794.55\t\t备注',
        '\t绩效目标\t以办公大楼服务对象满意为目标,着力打造文明型机关、卫生Z口机关。\t\t备注',
        '\t绩效指标\t保障绩效目标实现措施\t\t备注',
        '\t一级指标\t二级指标\t绩效标准\t当年预期实现值\t\t备注',
        '\t数量指标\t办公大楼日常维修维护次数\t反映办公大楼全年维修维护情况\t2280次\t\t备注',
        '\t\t大楼安检巡察次数\t反映大楼保卫巡检情况\t200次\t\t备注',
        '\t质量指标\t办公大楼日常维修维护验收合格率\t反映办公大楼全年维修维护质量情况\t>92%\t\t备注',
        '\t\t经常性大型设备更新验收合格率\t反映办公大楼大型设备更新验收情况\t292%\t\t备注',
        '\t\t重.要设备维修维保验收合格率\t反映设备设施维保质量情况\t95%\t\t备注',
        '\t成本指标\t成本控制率\t\t不超预算\t\t备注'])
    data = _read(text)
    assert [i["name"] for i in data["indicators"]][:2] == ["办公大楼日常维修维护次数", "大楼安检巡察次数"]


def test_a_browser_copy_s_row_named_by_its_second_level_before_its_type_word_is_set_right() -> None:
    """成本指标 | 社会成本指标 | 定量 | 100 | %: the first level's cell is left out, the row names itself by
    its second level; as it is, 定量 would stand under the names."""
    text = "\n".join([
        "一级指标\t二级指标\t三级指标\t指标值类型\t指标值\t计量单位\t指标解释",
        "产出指标\t数量指标\t业务工作支出安排金额\t定量\t28.8\t万元\t该指标主要考察业务工作支出安排情况",
        "成本指标\t社会成本指标\t定量\t100\t%\t该指标主要考察总成本控制情况"])
    data = _read(text, 2023)
    assert [(i["name"], i["targets"]["2023"]["raw"]) for i in data["indicators"]] == [
        ("业务工作支出安排金额", "28.8"), ("社会成本指标", "100")]


def test_a_result_in_words_stays_under_its_column_before_the_scores() -> None:
    """A 自评表 copied out of a PDF with spaces between the cells: a qualitative row's result in
    words (达成预期指标) goes under 实际完成值 and its 分值 / 得分 after it — the result was lost and
    the 分值 read from the 得分 column's place (three of nine points read, now all nine)."""
    from pathlib import Path

    copy = Path(__file__).resolve().parents[1] / "tables" / "generated" / "chizhou_weituo_ziping_2022.pdfcopy.txt"
    data = parse_table(copy)
    assert isinstance(data, TableReading)
    rows = {i["name"]: i for i in data.to_json()["indicators"]}
    assert [i["points"] for i in rows.values()] == [8, 8, 8, 8, 8, 10, 10, 10, 10]
    assert rows["经费支出合规性"]["actuals"]["2022"]["checkin"] == "achieved"
    assert rows["经费支出合规性"]["targets"]["2022"]["raw"] == "严格执行相关制度规定"
    text = _read("\n".join(["三级指标 年度指标值 实际完成值 分值 得分", "办结及时性 按时办结 达成预期指标 8 6",
                            "办结数量 ≥20件 22 8 8"]))
    row = text["indicators"][0]
    assert row["points"] == 8 and row["actuals"]["2022"]["raw"] == "达成预期指标"
