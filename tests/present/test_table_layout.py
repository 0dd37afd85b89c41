"""Column widths of the app's tables (analytics.present.table_layout)."""

from __future__ import annotations

from analytics.present.table_layout import TABLE_PX, WRAP_ROW_PX, fit_columns, text_px


def test_columns_as_wide_as_their_widest_cell_when_they_fit() -> None:
    layout = fit_columns({"指标": ["免费开放天数", "服务对象满意度%"], "说明": ["12月数据已出"]})
    assert layout.widths["指标"] == text_px("服务对象满意度%")
    assert layout.widths["说明"] == text_px("12月数据已出")
    assert layout.row_height is None and layout.height is None


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


def test_english_cells_are_not_cut_when_room_allows() -> None:
    columns = {"Indicator": ["提升博物馆绿化水平"], "Unit": ["person-times"], "Target": ["时限长远 (as written)", "Jobs increased"],
               "Actual to date": ["Partly achieved"], "Likelihood": ["At risk 2%"], "Status": ["✔ Achieved"],
               "Gap to expected": ["+9,600"], "Attainment": ["132.0%"]}
    layout = fit_columns(columns)
    assert layout.widths["Target"] >= text_px("时限长远 (as written)")
    assert layout.widths["Actual to date"] >= text_px("Partly achieved")
    assert sum(layout.widths.values()) <= TABLE_PX
