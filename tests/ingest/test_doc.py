"""Word's old format (.doc): analytics/ingest/tables/doc.py and its use by parse-table."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from analytics.ingest.tables import NoTable, TableReading, parse_table
from analytics.ingest.tables.doc import DocError, doc_rows

GENERATED = Path(__file__).resolve().parents[1] / "tables" / "generated"


def _key(result: TableReading) -> list[tuple]:
    return [(i["level1"], i["level2"], i["name"], i["unit"], i["kind"], i["direction"], i["targets"], i["actuals"])
            for i in result.indicators]


@pytest.mark.parametrize("stem", ["seed_dongguan", "chizhou_weituo_ziping_2022"])
def test_a_doc_reads_like_its_docx(stem: str) -> None:
    doc = parse_table(GENERATED / f"{stem}.doc")
    docx = parse_table(GENERATED / f"{stem}.docx")
    assert isinstance(doc, TableReading) and isinstance(docx, TableReading)
    assert doc.source["format"] == "doc" and _key(doc) == _key(docx)
    assert doc.project["name"] == docx.project["name"] and doc.project["funding"] == docx.project["funding"]


def test_rows_and_places_of_a_doc() -> None:
    rows, refs = doc_rows((GENERATED / "seed_dongguan.doc").read_bytes(), 1_000_000)
    assert rows[0] == ["附件"] and refs[0] == "¶1"
    header = next(k for k, r in enumerate(rows) if "三级指标" in r)
    assert refs[header].startswith("T1:") and len(rows[header]) > 4
    with pytest.raises(DocError, match="too_long"):
        doc_rows((GENERATED / "seed_dongguan.doc").read_bytes(), 100)


def test_a_damaged_doc_is_reported_never_a_traceback() -> None:
    data = (GENERATED / "chizhou_weituo_ziping_2022.doc").read_bytes()
    rng = random.Random(7)
    for _ in range(40):
        broken = bytearray(data)
        for _ in range(rng.choice([1, 20, 200])):
            broken[rng.randrange(len(broken))] = rng.randrange(256)
        result = parse_table(bytes(broken), filename="x.doc")
        assert isinstance(result, (TableReading, NoTable))
    truncated = parse_table(data[:2000], filename="x.doc")
    assert isinstance(truncated, NoTable) and truncated.code in ("old_word_doc", "unreadable")


def test_a_field_keeps_the_text_it_shows_not_its_code() -> None:
    rows, refs = doc_rows((Path(__file__).parent / "files" / "field_link.doc").read_bytes(), 100_000)
    assert rows == [["见 财政局网站"], ["三级指标", "指标值", "备注"], ["培训人数", "≥100人", ""]]
    assert refs == ["¶1", "T1:1", "T1:2"]
