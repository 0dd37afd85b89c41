"""Inferring an indicator's unit, kind and direction (analytics/ingest/tables/infer.py)."""

from __future__ import annotations

import pytest

from analytics.ingest.tables.cells import read_value
from analytics.ingest.tables.infer import infer_unit
from analytics.ingest.tables.lexicon import load_lexicon

LEX = load_lexicon()


@pytest.mark.parametrize("name,unit", [
    ("受益户数", "户"), ("服务天数", "天"), ("设备台数", "台"), ("检查次数", "次"), ("安全事故发生次数", "次"),
    ("活动场次", "场次"), ("培训人次数", "人次"), ("参训人数", "人"), ("违法案件数量", "件"), ("资金到位率", "%"),
])
def test_a_unit_no_cell_writes_is_taken_from_the_name_s_counting_word_for_review(name: str, unit: str) -> None:
    got = infer_unit(name, "", "", [read_value("≥12", "higher", LEX)], LEX)
    assert got["value"] == unit and got["rule"] == "name_words"
    assert got["confidence"] == ("medium" if unit == "%" else "low") and unit in str(got["reason"])


def test_a_name_without_a_counting_word_gets_no_unit_and_a_written_unit_wins() -> None:
    assert infer_unit("专项工作经费数", "", "", [read_value("≥12", "higher", LEX)], LEX)["value"] == ""
    assert infer_unit("受益户数", "人", "", [read_value("≥12", "higher", LEX)], LEX)["value"] == "人"
    assert infer_unit("受益户数", "", "", [read_value("≥12个", "higher", LEX)], LEX)["value"] == "个"
