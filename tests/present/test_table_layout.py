"""Column widths of the app's tables (analytics.present.table_layout)."""

from __future__ import annotations

import re

import pytest

from analytics.present.table_layout import (BORDER_PX, LINE_PX, MAIN_PX, ROW_MARKER_PX, SCROLLBAR_PX, TABLE_PX, WRAP_ROW_PX,
                                            TableLayout, fit_columns, row_px, spaced, text_px, word_px, wrap_text,
                                            wrapped_lines)

#: The English 年末预测 at mid-year (sample data): long names, targets and reasons.
ENGLISH_FORECAST = {
    "Indicator": ["Unified handling of employment registration, social-insurance registration and hiring filing",
                  "Subsidised vocational training (2023–2024 total)", "Budget execution rate"] * 4,
    "Target": ["2-year total ≥2.6 (10k persons); 1.24 (10k persons) still needed in 2024", "15.11 (10k person-times)", "100%"] * 4,
    "Year-end forecast": ["258.36 (10k person-times)", "12.36 (10k person-times)", "82.1%"] * 4,
    "Chance": ["<1%", "100%", "<1%"] * 4,
    "Outlook": ["Awaiting next survey", "Hard to meet", "At risk"] * 4,
    "Status now": ["✔ Achieved", "■ Lagging", "▲ Watch"] * 4,
    "Forecast − target": ["+0.06 (10k person-times)", "-17.9 pts", "-2.64 (10k person-times)"] * 4,
    "Why": ["Needs 1.51 (10k person-times) a month, within the best month ever, 1.81 (10k person-times): still possible",
            "Needs 9,126.39 (10k yuan) a month", "On trend, ends below target"] * 4,
}


def test_columns_as_wide_as_their_widest_cell_when_they_fit() -> None:
    layout = fit_columns({"指标": ["免费开放天数", "服务对象满意度%"], "说明": ["12月数据已出"]})
    assert layout.widths["指标"] == text_px("服务对象满意度%")
    assert layout.widths["说明"] == text_px("12月数据已出")
    assert layout.row_height is None and layout.height is None


def test_the_columns_leave_room_for_the_scrollbars_and_the_selection_column() -> None:
    """At 1440 px a desktop browser shows the page's scrollbar and the table's own (more rows than
    it shows): the columns, the row-selection column and the border fit the main block with both."""
    assert TABLE_PX + ROW_MARKER_PX + BORDER_PX + 2 * SCROLLBAR_PX <= MAIN_PX
    assert sum(fit_columns(ENGLISH_FORECAST).widths.values()) <= TABLE_PX


def test_a_long_reason_gives_way_and_wraps_within_the_page() -> None:
    reason = "不作预测：定性指标按最近一次评价（达成/部分达成/未达成）跟踪，不作数值预测"
    columns = {"指标": ["对当地文物保护、文化传承影响"] * 10, "年度目标": ["30000人次"], "年末预计": ["39,600人次"],
               "完成概率": ["100%"], "完成可能性": ["已达到目标"], "当前状态": ["✔ 已完成"],
               "预计与目标差": ["+9,600人次"], "说明": [reason]}
    layout = fit_columns(columns)
    assert sum(layout.widths.values()) <= TABLE_PX  # no sideways scrolling at 1440 px
    assert layout.widths["说明"] < text_px(reason) and layout.row_height == WRAP_ROW_PX
    assert layout.height == 38 + WRAP_ROW_PX * 10  # ten rows shown, as a table of one-line rows
    assert all(w >= text_px(c) for c, w in layout.widths.items())  # every title readable


def test_every_cell_wraps_whole_into_its_row() -> None:
    """The English reasons are long: rows take as many lines as the longest needs, never cut
    (they were three lines high while a reason needed six at its width)."""
    layout = fit_columns(ENGLISH_FORECAST)
    lines = max(wrapped_lines(v, layout.widths[c]) for c, cells in ENGLISH_FORECAST.items() for v in cells)
    assert lines > 3 and layout.row_height == row_px(lines) >= LINE_PX * lines
    assert layout.height <= 38 + WRAP_ROW_PX * 10  # the table no taller than ten three-line rows


def test_no_word_is_broken_and_short_columns_keep_one_line() -> None:
    layout = fit_columns(ENGLISH_FORECAST)
    assert all(layout.widths[c] >= word_px(v) for c, cells in ENGLISH_FORECAST.items() for v in cells)  # "person-times)" whole
    assert layout.widths["Chance"] == text_px("Chance") and layout.widths["Status now"] == text_px("✔ Achieved")
    zh = {"指标": ["接受职业培训后取得职业资格证书(或职业技能等级证书、专项职业能力证书、培训合格证书)人员比例"] * 3,
          "年度目标": ["2.6万人以上（两年合计），2024年还需1.24万人"], "年末预计": ["258.36万人次"], "完成概率": ["<1%"],
          "完成可能性": ["已达到目标"], "当前状态": ["✔ 已完成"], "预计与目标差": ["-1.02个百分点"],
          "说明": ["需月均1.51万人次，未超历史最好单月1.81万人次"]}
    layout = fit_columns(zh)
    assert layout.widths["年末预计"] == text_px("258.36万人次")  # a number with its unit on one line
    assert sum(layout.widths.values()) <= TABLE_PX and layout.row_height is not None


def test_wrapped_lines_break_at_spaces_and_between_cjk_characters() -> None:
    assert wrapped_lines("Needs 1.51 (10k person-times) a month", text_px("Needs 1.51 (10k")) == 3
    assert wrapped_lines("需月均1.51万人次", text_px("需月均")) == 3
    assert wrapped_lines("一\n二", 200) == 2


def test_english_cells_are_not_cut_when_room_allows() -> None:
    columns = {"Indicator": ["提升博物馆绿化"], "Unit": ["person-times"], "Target": ["时限长远 (as written)", "Jobs increased"],
               "Actual to date": ["Partly achieved"], "Likelihood": ["At risk 2%"], "Status": ["✔ Achieved"],
               "Gap to expected": ["+9,600"], "Attainment": ["132.0%"]}
    layout = fit_columns(columns)
    assert layout.widths["Target"] >= text_px("时限长远 (as written)")
    assert layout.widths["Actual to date"] >= text_px("Partly achieved")
    assert sum(layout.widths.values()) <= TABLE_PX


def test_wrap_text_never_parts_a_number_from_its_digits_or_its_unit() -> None:
    """Lines as the table draws them once the cell is spaced: filled, then taken back to the last
    space when a line would end inside a number (never 1.|81万人次 or 0.|26)."""
    width = text_px("需月均1.51万人次，") - 1
    lines = wrap_text("需月均1.51万人次，未超历史最好单月1.81万人次", width)
    assert lines == ["需月均", " 1.51万人次，未超", "历史最好单月", " 1.81万人次"]
    assert wrap_text("需月均0.35万人次，近期0.26万人次", 118) == ["需月均", " 0.35万人次，", "近期", " 0.26万人次"]
    assert wrap_text("每月需支出9,126.39万元", text_px("每月需支出9,1")) == ["每月需支出", " 9,126.39万元"]
    assert wrap_text("Needs 1.51 (10k person-times) a month", 130) == ["Needs 1.51 (10k", " person-times)", " a month"]
    assert wrap_text("一\n二", 200) == ["一", "二"] and wrap_text("短", 200) == ["短"]
    assert word_px("需月均1.81万人次") == text_px("1.81万人次")


def test_spaced_puts_a_space_before_a_number_after_cjk_text_only() -> None:
    assert spaced("需月均1.51万人次，近期-0.26万人次") == "需月均 1.51万人次，近期 -0.26万人次"
    assert spaced("下次 9月；2024年目标≥95%") == "下次 9月； 2024年目标 ≥95%"  # after a mark too; a space there already: none added


def test_wrapped_table_cells_are_spaced_where_they_wrap() -> None:
    """The table shows a line break in a cell as a space and breaks a run of CJK text anywhere, so a
    cell that wraps is spaced before its numbers, where the table may then break it; a cell that fits
    its line is left as it is."""
    import pandas as pd

    frame = pd.DataFrame({"说明": ["需月均1.51万人次，未超历史最好单月1.81万人次", "共12项"], "指标": ["甲", "乙"], "id": ["x", "y"]})
    layout = TableLayout({"说明": text_px("需月均1.51万人次，") - 1, "指标": 60}, row_height=80, height=200)
    out = layout.wrapped(frame)
    assert list(out["说明"]) == ["需月均 1.51万人次，未超历史最好单月 1.81万人次", "共12项"] and list(out["id"]) == ["x", "y"]
    assert frame["说明"][0] == "需月均1.51万人次，未超历史最好单月1.81万人次"  # the frame itself is left as it was
    assert TableLayout({"说明": 50}).wrapped(frame)["说明"][0] == frame["说明"][0]  # one-line rows: unchanged
