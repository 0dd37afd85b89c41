"""A viewer's copy of a table whose text stands in the middle of its cells (select-all out of a PDF
of a Word form with its cells centred, pdfplumber-like: each line the words at one height):
analytics/ingest/tables/centred.py, the header's wrapped lines (headerlines.join_header_lines) and
parse-table's choice among the ways of cutting a text.

The copies in tests/ingest/files/*.viewer_copy.txt were made the way an office makes them: a Word
table (widths as a person sets them, merged level cells, text centred or at the top), printed to
PDF by LibreOffice and copied out line by line."""

from __future__ import annotations

from pathlib import Path

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.centred import centred_rows
from analytics.ingest.tables.lexicon import load_lexicon
from analytics.ingest.tables.sources import read_source, split_spaces
from analytics.ingest.tables.headerlines import join_header_lines
from analytics.ingest.tables.wrapped import join_split_words

LEX = load_lexicon()
FILES = Path(__file__).resolve().parent / "files"


def _read(name: str) -> dict:
    result = parse_table(FILES / name)
    assert isinstance(result, TableReading), result
    return result.to_json()


def _rows(name: str) -> list[tuple]:
    data = _read(name)
    out = []
    for i in data["indicators"]:
        target = next(iter(i["targets"].values()), {})
        actual = next(iter((i.get("actuals") or {}).values()), {})
        out.append((i["level1"], i["name"], i["unit"], target.get("raw"), actual.get("raw")))
    return out


def test_a_centred_target_table_reads_every_row_with_its_wrapped_name_value_and_level() -> None:
    """Names over two lines with their value between them, a level label beside a row's middle
    line, a date wrapped around its row (2024年12月 / 底前), explanations (反映…) kept out of the
    names, targets in words between their name's lines (明显提高, 健全)."""
    got = _rows("centred_target_table.viewer_copy.txt")
    assert [(lvl, name, unit, target) for lvl, name, unit, target, _ in got] == [
        ("产出指标", "开展农村实用技术培训人次", "人次", "≥3000人次"),
        ("产出指标", "新建高标准农田面积", "万亩", "≥1.2万亩"),
        ("产出指标", "培训合格率", "%", "≥95%"),
        ("产出指标", "工程验收合格率", "%", "100%"),
        ("产出指标", "项目完成时间", "", "2024年12月底前"),
        ("产出指标", "亩均建设成本", "元/亩", "≤1500元/亩"),
        ("效益指标", "带动农户年均增收", "元", "≥2000元"),
        ("效益指标", "农民群众对农业技术的掌握程度", "", "明显提高"),
        ("效益指标", "农田设施长效管护机制", "", "健全"),
        ("满意度指标", "受益农户满意度", "%", "≥90%")]
    assert not _read("centred_target_table.viewer_copy.txt")["unread"]


def test_a_centred_self_evaluation_keeps_targets_actuals_and_wrapped_labels_apart() -> None:
    """A 自评表 whose header cells wrap around its middle line (年度指标 / 值, 偏差原因 / 分析及改 /
    进措施), a unit on the line below its number (≤2000 / 元), a level label broken over lines
    (社会效益 / 指标 after its score (30分)), and a target in words leading its middle line."""
    got = {name: (unit, target, actual) for _, name, unit, target, actual in _rows("centred_self_evaluation.viewer_copy.txt")}
    assert got["举办就业招聘会场次"] == ("场", "≥12场", "15场")
    assert got["补贴资金发放准确率"] == ("%", "100%", "100%")
    assert got["人均培训补贴标准"] == ("元", "≤2000元", "1850元")
    assert got["城镇新增就业人数"] == ("人", "≥3000人", "3215人")
    assert got["就业服务体系建设"] == ("", "逐步完善", "基本完善")


def test_a_header_wrapped_around_its_middle_line_is_put_back() -> None:
    words = join_split_words(split_spaces(read_source(str(FILES / "centred_self_evaluation.viewer_copy.txt"))[0]), LEX)
    rows = centred_rows(words, LEX)
    assert rows is not None
    assert ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"] in rows.rows


def test_the_lines_below_a_top_aligned_header_end_its_cells() -> None:
    words = join_split_words(split_spaces(read_source(str(FILES / "top_self_evaluation.viewer_copy.txt"))[0]), LEX)
    assert ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"] \
        in join_header_lines(words, LEX).rows
    got = {name: (unit, target, actual) for _, name, unit, target, actual in _rows("top_self_evaluation.viewer_copy.txt")}
    assert got["人均培训补贴标准"] == ("元", "≤2000元", "1850元")  # the unit on the line below its number
    assert got["城镇新增就业人数"] == ("人", "≥3000人", "3215人")


def test_a_reading_around_middle_lines_does_not_replace_a_fuller_one() -> None:
    """A top-aligned copy of two forms: the reading split at blanks finds most indicators of both;
    cutting it around middle lines leaves fewer rows unread but reads fewer of them right."""
    names = {i["name"] for i in _read("hebei_fayuan_xiangmu_2023.word_top.viewer_copy.txt")["indicators"]}
    assert {"维修面积", "验收合格率", "项目成本", "聘用调解员人数", "陪审员参审案件数量", "案件调解率"} <= names


def test_a_top_aligned_copy_carries_a_date_and_a_name_beside_a_target_in_words_onto_their_rows() -> None:
    """Text at the top of its cells: the rest of a date (2024年12月 / 底前) and of a name whose
    target is in words (农民群众对农业 明显提高 / 技术的掌握程度) stand on the lines below their row."""
    data = _read("top_target_table.viewer_copy.txt")
    got = {i["name"]: next(iter(i["targets"].values()))["raw"] for i in data["indicators"]}
    assert not data["unread"] and len(got) == 10
    assert got["项目完成时间"] == "2024年12月底前"
    assert got["农民群众对农业技术的掌握程度"] == "明显提高"
    assert got["农田设施长效管护机制"] == "健全"


def test_a_centred_workbook_copy_keeps_explanations_out_of_one_line_names() -> None:
    """A workbook's form (merged level cells, text centred) copied out of its PDF: an explanation on
    one line after the value while the name wraps around it (开展农村实用技术培 / ≥3000人次 反映… /
    训人次), and one wrapped around a one-line name (反映年度建设任务完 / 新建高标准农田面积 / 成情况)."""
    data = _read("centred_workbook_target_table.viewer_copy.txt")
    assert [i["name"] for i in data["indicators"]] == [
        "开展农村实用技术培训人次", "新建高标准农田面积", "培训合格率", "工程验收合格率", "项目完成时间", "亩均建设成本",
        "带动农户年均增收", "农民群众对农业技术的掌握程度", "农田设施长效管护机制", "受益农户满意度"]


def test_a_copy_in_the_order_a_pdf_draws_its_cells_is_not_taken_for_a_centred_one() -> None:
    """``pdftotext -raw`` of a top-aligned Word table (each cell's lines one after the other): cut
    around middle lines it would leave no row unread, yet its names would be the pieces of cells;
    the reading cell by cell, with the pieces of each wrapped cell joined, keeps the whole names
    (the one row whose name a quotation mark broke apart is listed as unread)."""
    data = _read("chizhou_weituo_ziping_2022.word_top.raw.txt")
    assert data["source"]["format"] == "text-lines"
    names = [i["name"] for i in data["indicators"]]
    assert names == ["基建工程委托业务项目数量", "委托业务报告合格率", "经费支出合规性", "提交报告及时性", "项目总成本",
                     "单项业务成本", "对维护基建市场公平的影响程度", "对控制基建项目成本影响程度"]
    assert any("对推动基建" in u["text"] for u in data["unread"])


def test_a_line_of_many_words_is_set_on_cells_in_order_without_weighing_every_way(monkeypatch) -> None:
    """Seven words to set on fifteen cells are 6,435 ways: a line of so many words is no wrapped line
    of a form's row, so its words go on the cells in order, and the ways weighed stay few (a text
    of such lines, cut short or shuffled, is read in seconds, not hours)."""
    import itertools

    from analytics.ingest.tables import centred

    weighed = []
    combinations = itertools.combinations

    def counting(pool, r):
        for combo in combinations(pool, r):
            weighed.append(combo)
            yield combo

    monkeypatch.setattr(centred.itertools, "combinations", counting)
    words = [f"字{j}乙" for j in range(7)]
    assert centred._places(words, 15, [""] * 15, True, LEX) == list(range(7))
    assert len(weighed) <= centred._MOST_PLACINGS
    assert centred._places(["培训城乡劳动"], 3, ["者人数", "", ""], True, LEX) == [0]  # a form's row: weighed
    assert 0 < len(weighed) <= centred._MOST_PLACINGS + 3


def test_a_header_cell_wrapped_below_the_header_line_joins_the_header_and_no_sign_off_ends_the_rows() -> None:
    """A centred 自评表 whose last header cell wraps below the others' one line (未完成原因 / 及拟采取的
    / 改进措施): the pieces finish the lexicon's header word and join that cell — not the first row's
    name — and 改进措施 standing alone is no sign-off ending the rows before they start."""
    text = "\n".join([
        "绩效指标 一级指标 二级指标 三级指标 分值 年度指标值 全年实际值 得分 未完成原因",
        "及拟采取的", "改进措施",
        "安装坡面水", "10 ≥266米 ≥266米 10", "数量指标 标尺",
        "水标尺宽度 10 ≥50厘米 ≥50厘米 10",
        "项目(工程)", "质量指标 20 100% 100% 20", "验收合格率",
        "产出指标",
        "及时(按期)", "(70分) 10 ≥90% ≥90% 10", "开工率",
    ])
    rows = centred_rows(join_split_words(split_spaces(read_source(text.encode(), filename="copy.txt")[0]), LEX), LEX)
    assert rows is not None
    assert rows.rows[0][-1] == "未完成原因及拟采取的改进措施"
    names = [r for r in rows.rows[1:] if "≥266米" in r or "100%" in r]
    assert any("安装坡面水标尺" in r for r in names), rows.rows
    assert any("项目(工程)验收合格率" in r for r in names), rows.rows
