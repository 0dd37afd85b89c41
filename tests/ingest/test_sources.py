"""Texts split into rows and cells (analytics/ingest/tables/sources.py)."""

from __future__ import annotations

from analytics.ingest.tables.sources import split_text


def test_a_browser_copy_s_short_rows_ending_in_a_value_with_a_unit_per_unit_are_rows_of_their_own() -> None:
    """Rows of a browser's copy short by the merged cells left out are not one row broken over lines
    when the first ends in a value, however its unit is written (≤475元/亩, 1次/月)."""
    text = "\n".join([
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t备注",
        "\t产出指标\t成本指标\t流转土地补助标准\t<=475元/亩\t",
        "景观建设成本\t<=2875元/个\t",
        "时效指标\t城市道路以克论净量化考核\t1次/月\t",
        "环境卫生专项考核\t1次/月\t"])
    rows = split_text(text).rows
    assert [r[0] for r in rows[2:]] == ["景观建设成本", "时效指标", "环境卫生专项考核"]
