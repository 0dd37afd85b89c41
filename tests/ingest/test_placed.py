"""Rows cut anew from a text's lines joined (a form run together into one stream, a copy cut
before its values) stand at their own line, as the rows of other layouts do."""

from __future__ import annotations

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.placed import row_places

# a document-sharing page's text: the form run together, its lines broken wherever the page wrapped them
STREAM = ("下载本文档\n文档简介\n"
          "2023年度农村饮水安全维修养护项目绩效自评表单位名称:某县水利局填报日期:2024年3月5日项目名称农村饮水安全维修养护"
          "一级指标二级指标三级指标年初目标值实际完成值未完成原因及改进措施产出指标数量指标维修供水工程处\n"
          "数不低于40处42处达成预期指标水质检测合格率95%96%达成预期指标质量指标工程验收合格率100%100%达成预期指标成本\n"
          "指标维修养护经费控制数120万元118万元达成预期指标效益指标社会效益指标受益人口不低于3万人3.2万人达成预期指标"
          "满意度指标群众满意度不低于90%93%达成预期指标\n")


def test_each_row_of_a_stream_stands_at_the_line_its_first_cell_is_on() -> None:
    result = parse_table(STREAM.encode("utf-8"), filename="t.txt")
    assert isinstance(result, TableReading) and result.source["format"] == "text-stream"
    got = [(i["name"], i["where"]) for i in result.indicators]
    assert got == [("维修供水工程处数", "L3"), ("水质检测合格率", "L4"), ("工程验收合格率", "L4"),
                   ("维修养护经费控制数", "L4"), ("受益人口", "L5"), ("群众满意度", "L5")]


def test_a_row_is_placed_after_the_row_before_it_and_a_rewritten_one_keeps_the_place_before() -> None:
    pieces = ["产出指标数量指标培训人数", "500人质量指标培训合格率95%", "效益指标培训人数500人"]
    rows = [["产出指标", "数量指标", "培训人数", "500人"], ["", "质量指标", "培训合格率", "95%"],
            ["效益指标", "", "培训 人数", "500人"], ["满意度指标", "", "学员满意度", "90%"]]
    # 培训人数 again is found after the rows before it (L3), a blank inside a cell is no obstacle; a row
    # whose cells the text does not hold stays at the place before it
    assert row_places(rows, pieces, ["L1", "L2", "L3"]) == ["L1", "L2", "L3", "L3"]
