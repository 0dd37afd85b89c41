"""A target table copied in traditional characters (with a mirror's pinyin notes) is read in
simplified characters; a simplified table is left exactly as it is."""

from __future__ import annotations

from pathlib import Path

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.script import MAX_CHARS, simplified, strip_pinyin, to_simplified
from analytics.ingest.tables.sources import RawTable

TRADITIONAL = (
    "2023年度項(xiàng)目支出績效目標表\n"
    "一級指標\t二級指標\t三級指標\t指標值\n"
    "產出指標\t數量指標\t培訓(xùn)人數(shù)\t≥500人\n"
    "\t質量指標\t培訓(xùn)合格率\t≥95%\n"
    "效益指標\t社會效益指標\t就業(yè)率提高\t有效提升\n"
    "滿意度指標\t服務對象滿意度指標\t學員滿意度\t≥90%\n")


def test_pinyin_notes_go_and_other_brackets_stay() -> None:
    assert strip_pinyin("項(xiàng)目資金(萬元)") == "項目資金(萬元)"
    assert strip_pinyin("生产总值(GDP)增长(%)") == "生产总值(GDP)增长(%)"
    assert strip_pinyin("享受?guó)家") == "享受?家"  # the ? a mirror left for a character
    assert to_simplified("項(xiàng)目驗(yàn)收合格率") == "项目验收合格率"


def test_a_simplified_table_is_left_as_it_is() -> None:
    table = RawTable("text-tab", [["一级指标", "三级指标", "指标值"], ["产出指标", "发放补助资金", "≥100万元"]], ["L1", "L2"])
    out, done = simplified(table)
    assert out is table and done == []


def test_a_traditional_copy_is_read_in_simplified(tmp_path: Path) -> None:
    path = tmp_path / "mirror.txt"
    path.write_text(TRADITIONAL, encoding="utf-8")
    result = parse_table(path)
    assert isinstance(result, TableReading)
    data = result.to_json()
    assert data["source"]["converted"] == ["pinyin_notes", "traditional"]
    got = {i["name"]: i for i in data["indicators"]}
    assert set(got) == {"培训人数", "培训合格率", "就业率提高", "学员满意度"}
    assert got["培训合格率"]["level2"] == "质量指标" and got["培训合格率"]["kind"] == "rate"
    assert got["就业率提高"]["kind"] == "qualitative"
    assert got["培训人数"]["targets"]["2023"]["value"] == 500 and got["培训人数"]["unit"] == "人"


def test_a_huge_text_is_not_converted() -> None:
    row = ["項目經費發放" * 20]
    table = RawTable("text-lines", [row] * (MAX_CHARS // len(row[0]) + 2), ["L1"] * (MAX_CHARS // len(row[0]) + 2))
    out, done = simplified(table)
    assert out is table and done == []
