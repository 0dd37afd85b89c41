"""Text files a target table is read from (parse-table, 新建项目) that are broken in the way text
files are: lines in two encodings, a cut last character, a quote never closed
(analytics/ingest/tables/sources.py, raw.py)."""

from __future__ import annotations

from analytics.ingest.tables import NoTable, TableReading, parse_table
from analytics.present.tables_text import no_table_message

TABLE = ["一级指标,二级指标,三级指标,指标值", "产出指标,数量指标,培训人数,≥100人", "产出指标,质量指标,培训合格率,≥95%",
         "效益指标,社会效益指标,就业率,≥80%"]


def test_gbk_lines_in_a_utf8_table_are_refused_with_their_line_not_read_garbled() -> None:
    """A UTF-8 table with one line saved in GBK was decoded as GB18030 whole: every UTF-8 line came
    out as other characters (培训人数 as 鍩硅浜烘暟) and was read so, or no table was found."""
    data = b"".join((line + "\n").encode("gbk" if i == 2 else "utf-8") for i, line in enumerate(TABLE))
    got = parse_table(data, filename="目标表.csv")
    assert isinstance(got, NoTable) and got.code == "mixed_encoding" and got.detail == "3", got
    for lang in ("zh", "en"):
        message = no_table_message(got, "目标表.csv", lang)
        assert "目标表.csv" in message and "3" in message and "tables." not in message


def test_a_table_whose_last_character_was_cut_off_is_read_as_utf8() -> None:
    """A download stopped in the middle of the last character: the text was decoded as GB18030,
    every Chinese cell garbled."""
    data = ("\n".join(TABLE) + "\n备注：本表").encode("utf-8")[:-1]
    got = parse_table(data, filename="目标表.csv")
    assert isinstance(got, TableReading), got
    assert "培训人数" in [i["name"] for i in got.to_json()["indicators"]]


def test_a_quote_never_closed_is_said_as_a_cell_too_long_not_an_unreadable_file() -> None:
    """A quote opened and never closed made the rest of the file one cell past the CSV reader's
    field limit: "the file may be damaged (Error)", with no word of the cause."""
    data = ("\n".join(TABLE) + '\n产出指标,数量指标,"培训人数,' + "x" * 140_000 + "\n").encode("utf-8")
    got = parse_table(data, filename="目标表.csv")
    assert isinstance(got, NoTable) and got.code == "cell_too_long", got
    for lang in ("zh", "en"):
        message = no_table_message(got, "目标表.csv", lang)
        assert "131072" in message and '"' in message and "Error" not in message


def test_validate_of_a_named_pipe_says_it_is_not_a_file_instead_of_waiting(tmp_path) -> None:
    """``validate pipe.csv`` opened the pipe and waited for a writer for ever."""
    import os
    import threading

    from analytics.ingest.targets import load_project
    from analytics.ingest.validate import ingest_any

    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    done: list[object] = []
    worker = threading.Thread(target=lambda: done.append(ingest_any(str(pipe), load_project().ingest_catalogue())),
                              daemon=True)
    worker.start()
    worker.join(10)
    if not done:  # release the blocked open so the thread ends
        with open(pipe, "wb"):
            pass
    assert done and [p.code for p in done[0].errors] == ["unreadable"]  # type: ignore[attr-defined]
