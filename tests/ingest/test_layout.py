"""The layout of a table: its header, value columns and their years (analytics/ingest/tables/layout.py)."""

from __future__ import annotations


def test_a_column_headed_first_year_under_a_title_naming_the_period(tmp_path) -> None:
    from openpyxl import Workbook

    from analytics.ingest.tables import TableReading, parse_table
    wb = Workbook()
    ws = wb.active
    for row in [["区域绩效目标申报表（2024—2025年）"], ["专项名称", "生态修复治理资金"],
                ["绩效指标", "一级指标", "二级指标", "三级指标", "实施期指标值", "第一年度指标值", "第二年度指标值"],
                [None, "产出指标", "数量指标", "生态修复治理面积（万亩）", "≥10", "≥6", "≥4"],
                [None, None, "质量指标", "工程验收合格率", "100%", "100%", "100%"]]:
        ws.append(row)
    ws.merge_cells("A3:A5")
    path = tmp_path / "span.xlsx"
    wb.save(path)
    result = parse_table(path)
    assert isinstance(result, TableReading)
    data = result.to_json()
    first = data["indicators"][0]
    assert data["source"]["year_from"] == "title_span" and data["project"]["years"] == [2024, 2025]
    assert (first["targets"]["2024"]["value"], first["targets"]["2025"]["value"], first["span"]["value"]) == (6.0, 4.0, 10.0)


def test_a_title_wrapped_after_its_year_and_a_title_with_a_bracket_after_表() -> None:
    from analytics.ingest.tables.layout import title_year
    from analytics.ingest.tables.lexicon import load_lexicon

    lex = load_lexicon()
    wrapped = [["津财基指〔2022〕23号"], ["天津市农业绿色发展专项(畜禽粪污"], ["资源化利用整县推进项目)2023年"],
               ["中央预算内投资计划绩效目标表"], ["专项名称", "农业绿色发展专项"]]
    assert title_year(wrapped, 5, lex) == 2023  # not the document number's 2022
    assert title_year([["附件"], ["2021年中央预算内投资计划绩效目标表(宝坻区推进项目)"]], 2, lex) == 2021
    assert title_year([["2022年5月27日"], ["附件"]], 2, lex) is None  # a date line is no title
