"""Rows a web copy ran together (analytics/ingest/tables/breaks.py) and the readings they give."""

from __future__ import annotations

from pathlib import Path

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.breaks import split_run_on_rows
from analytics.ingest.tables.lexicon import load_lexicon
from analytics.ingest.tables.sources import RawTable

LEX = load_lexicon()


def _read(path: Path) -> dict:
    result = parse_table(path)
    assert isinstance(result, TableReading), result
    return result.to_json()


def _read_text(tmp_path: Path, name: str, text: str) -> dict:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return _read(path)


def _by_name(reading: dict) -> dict[str, dict]:
    return {i["name"]: i for i in reading["indicators"]}


def test_a_header_and_the_first_row_on_one_line_are_cut_apart() -> None:
    line = ["年度总体目标", "全年完成", "绩效指标", "年度指标值", "实际完成值", "分值", "得分", "一级指标",
            "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "培训人数", "500人", "520人", "10", "10"]
    table = RawTable("text-pipe", [["项目名称", "技能培训"], line, ["质量指标", "合格率", "≥90%", "95%", "10", "10"]],
                     ["L1", "L2", "L3"])
    out = split_run_on_rows(table, LEX)
    assert out.rows[1:5] == [["年度总体目标", "全年完成"], ["绩效指标", "年度指标值", "实际完成值", "分值", "得分"],
                             ["一级指标", "二级指标", "三级指标", "指标值"],
                             ["产出指标", "数量指标", "培训人数", "500人", "520人", "10", "10"]]
    assert out.refs == ["L1", "L2", "L2", "L2", "L2", "L3"]
    header_only = RawTable("text-pipe", [["一级指标", "二级指标", "三级指标", "指标值", "度量单位", "备注", "分值", "得分"]],
                           ["L1"])
    assert split_run_on_rows(header_only, LEX) is header_only  # a header alone is left as it is


def test_a_pipe_copy_with_the_header_and_first_row_on_one_line_is_read(tmp_path: Path) -> None:
    text = "\n".join([
        "2023年度项目支出绩效自评表",
        "| 项目名称 | 社区养老服务补助 | 主管部门 | 民政局 |",
        "| 年度 总体 目标 | 预期目标 | 实际完成情况 | 完成 | 完成 | 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 "
        "| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 产出指标 | 数量指标 | 服务老人人数 | ≧ | 1200 "
        "| 人次 | 1300 | 20 | 20 |",
        "| 质量指标 | 服务合格率 | ≧ | 95 | % | 98% | 20 | 20 |",
        "| 满意度指标 | 服务对象满意度指标等 | 老人满意度 | ≧ | 90 | % | 93% | 20 | 20 |",
        "| 家属满意度 | ≧ | 90 | % | 95% | 20 | 20 |",
    ])
    got = _by_name(_read_text(tmp_path, "ziping.txt", text))
    assert list(got) == ["服务老人人数", "服务合格率", "老人满意度", "家属满意度"]
    assert got["服务老人人数"]["targets"]["2023"]["value"] == 1200 and got["服务老人人数"]["unit"] == "人次"
    assert got["服务老人人数"]["actuals"]["2023"]["value"] == 1300
    assert got["家属满意度"]["level2"] == "服务对象满意度指标"  # 指标等: a template's "and such"
    assert got["家属满意度"]["targets"]["2023"]["comparator"] == ">="


def test_a_whole_table_on_one_line_split_at_blanks_is_cut_into_rows(tmp_path: Path) -> None:
    text = ("2021 年区级体育赛事补助资金项目自评表 单位名称:区文体局 项目名称 体育赛事补助 三级指标 年初目标值 (A) "
            "实际完成值 (B) 得分 举办赛事场次(场) 12 14 10 参赛人次(万人次) 3.5 3.8 10 支持体育社会组织、俱乐 部数量 "
            "6 6 10 赛事安全事故率 ≤1% 0% 10 资金拨付及时率 95%以上 100% 10\n"
            "备注:定量指标完成数汇总原则,绝对值直接累加计算,相对值按照资金额度加权平均计算。\n")
    reading = _read_text(tmp_path, "oneline.txt", text)
    got = _by_name(reading)
    assert list(got) == ["举办赛事场次", "参赛人次", "支持体育社会组织、俱乐部数量", "赛事安全事故率", "资金拨付及时率"]
    assert got["参赛人次"]["unit"] == "万人次" and got["参赛人次"]["targets"]["2021"]["value"] == 3.5
    assert got["参赛人次"]["actuals"]["2021"]["value"] == 3.8
    assert got["赛事安全事故率"]["targets"]["2021"]["comparator"] == "<="
    assert reading["source"]["year"] == 2021  # from "2021 年…自评表", split at the blank


def test_a_pipe_row_missing_its_merged_second_level_is_put_back(tmp_path: Path) -> None:
    text = "\n".join([
        "道路建设项目绩效自评表（2021年度）",
        "绩效指标 | 一级指标",
        " | 二级指标 | 三级指标 | 指标值 | 全年实际完成值 | 未完成原因",
        "产出指标 | 数量指标 | 新建道路里程 | 12公里 | 12公里",
        "效益指标 | 社会效益指标 | 群众出行时间缩短 | 10分钟 | 12分钟",
        " | 通行能力提升率 | 20% | 25%",
    ])
    got = _by_name(_read_text(tmp_path, "shifted.txt", text))
    assert "通行能力提升率" in got, list(got)
    assert got["通行能力提升率"]["level2"] == "社会效益指标"
    assert got["通行能力提升率"]["targets"]["2021"]["value"] == 20


def test_a_space_split_copy_of_a_pipe_table_takes_no_bar_as_a_cell() -> None:
    from analytics.ingest.tables.sources import split_spaces
    table = RawTable("text-lines", [["质量指标 | 验收合格率 | 100% | 100%"]], ["L1"])
    assert split_spaces(table).rows == [["质量指标", "验收合格率", "100%", "100%"]]


def test_a_level_word_wrapped_onto_its_own_line_is_put_back(tmp_path: Path) -> None:
    text = "\n".join([
        "项目支出绩效目标申报表", "(2022年度)",
        "绩效指标 一级指标 二级指标 三级指标 指标值",
        "绩效指标 项目完成", "指标",
        "数量指标 慰问困难群众人数 300人",
        "时效指标 资金拨付到位情况 12月底前100%到位",
        "项目效益", "指标",
        "社会效益指标 困难群众生活 明显改善",
        "满意度指标 满意度指标 群众满意度 ≥95%",
    ])
    got = _by_name(_read_text(tmp_path, "wrapped.txt", text))
    assert [got[n]["level1"] for n in ("慰问困难群众人数", "困难群众生活", "群众满意度")] == \
        ["项目完成指标", "项目效益指标", "满意度指标"]
    due = got["资金拨付到位情况"]  # a date with the whole done by it: a deadline
    assert due["kind"] == "milestone" and due["targets"]["2022"]["due"] == "2022-12", due


def test_small_wording_rules_of_real_tables(tmp_path: Path) -> None:
    from analytics.ingest.tables.cells import read_value
    cell = read_value("95%以上。", "higher", LEX)  # a sentence's full stop after the target
    assert (cell.form, cell.comparator, cell.value) == ("number", ">=", 95.0)
    cell = read_value("大于等于610亩", "higher", LEX)  # comparator words, longest first
    assert (cell.form, cell.comparator, cell.value, cell.unit) == ("number", ">=", 610.0, "亩")
    assert read_value("小于等于5%", "higher", LEX).comparator == "<="
    cell = read_value("至少全年完成2次宣传", "higher", LEX)  # the bound first, the measure after its number
    assert (cell.form, cell.comparator, cell.value, cell.unit) == ("number", ">=", 2.0, "次")
    cell = read_value("不超过3个工作日办结", "higher", LEX)
    assert (cell.form, cell.comparator, cell.value) == ("number", "<=", 3.0)
    assert read_value("不低于上年增长10%", "higher", LEX).form != "number"  # a change, not a level
    assert read_value("至少完成3个项目建设任务并验收", "higher", LEX).form == "qualitative"  # more than a word after it
    for text in ("1-12月", "全年", "1月-12月"):  # the year's run of months: due in its December
        cell = read_value(text, "higher", LEX)
        assert (cell.form, cell.due) == ("deadline", "12"), text
    assert read_value("3-12月", "higher", LEX).form == "range"  # not from January: a range of months
    cell = read_value("2021.1.1-12.31", "higher", LEX)  # a period of dates: due at its end
    assert (cell.form, cell.due) == ("deadline", "2021-12")
    assert read_value("1-6期培训结束后及时考核", "higher", LEX).form == "qualitative"  # no range: words after it
    assert (read_value("18—54周岁", "higher", LEX).form, read_value("3-5个工作日", "higher", LEX).unit) == \
        ("range", "个工作日")
    for text, unit in (("300㎡", "平方米"), ("≥5万m³", "万立方米"), ("2km2", "平方公里"), ("1000m3/日", "立方米/日")):
        assert read_value(text, "higher", LEX).unit == unit, text  # a power of metres, in words
    assert read_value("<", "higher", LEX).form == "unreadable"  # a sign whose number was cut off
    text = "\n".join([
        "某福利院2025年部门预算公开", "整体支出绩效目标表",
        "一级指标\t二级指标\t三级指标\t指标值类型\t指标值\t计量单位",
        "成本指标\t经济成本指标\t成本节约率\t\t0\t%",
        "产出指标\t质量指标\t供水管网漏损率\t\t10\t%",
        "\t数量指标\t开展安全排查次数\t\t6\t次",
    ])
    got = _by_name(_read_text(tmp_path, "budget.tsv", text))
    assert got["成本节约率"]["direction"] == "higher"  # a saving rate: better high though it names 成本
    assert got["供水管网漏损率"]["direction"] == "lower"
    assert got["开展安全排查次数"]["targets"]["2025"]["value"] == 6  # the year of 2025年部门预算公开


def test_a_sign_column_beside_a_date_leaves_the_date_a_deadline(tmp_path: Path) -> None:
    text = "\n".join([
        "2023年度项目支出绩效自评表",
        "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t实际完成值",
        "产出指标\t数量指标\t服务老人人数\t≧\t1200\t人次\t1300",
        "\t时效指标\t补助资金拨付\t=\t12月底前100%到位\t\t12月",
        "\t质量指标\t服务合格率\t≧\t95\t%\t98%",
    ])
    got = _by_name(_read_text(tmp_path, "signs.tsv", text))
    assert got["补助资金拨付"]["kind"] == "milestone"
    assert got["补助资金拨付"]["targets"]["2023"]["due"] == "2023-12"
    assert got["服务老人人数"]["targets"]["2023"]["comparator"] == ">="
