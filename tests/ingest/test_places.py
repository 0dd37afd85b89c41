"""Pieces of text at their places and the columns they fill: analytics/ingest/tables/places.py."""

from __future__ import annotations

from analytics.ingest.tables.lexicon import load_lexicon
from analytics.ingest.tables.places import (Piece, column_kinds, column_of, cut_piece, even_gaps, find_columns,
                                            header_words, match_page, pieces)

LEX = load_lexicon()


def test_one_blank_stays_inside_a_piece_and_a_chinese_character_prints_two_wide() -> None:
    assert [(p.start, p.text) for p in pieces("培训人数     ≥500 人")] == [(0, "培训人数"), (9, "≥500 人")]
    assert [(p.start, p.end) for p in pieces("培训  5", wide=True)] == [(0, 4), (6, 7)]


def test_columns_are_the_places_the_lines_fill_and_a_piece_is_cut_at_their_edge() -> None:
    lines = [pieces(t) for t in ("数量指标   培训人数     ≥500人", "质量指标   合格率       ≥95%", "           完成率       100%")]
    cols = find_columns(lines)
    assert len(cols) == 3
    assert [column_of(p, cols) for p in lines[2]] == [1, 2]
    assert [p.text for p in cut_piece(Piece(11, 24, "完成修理养护 ≥90辆"), [(11, 17), (18, 26)])] == ["完成修理养护", "≥90辆"]


def test_two_header_words_one_blank_apart_are_two_but_a_word_broken_by_a_blank_is_one() -> None:
    assert [p.text for p in header_words(Piece(0, 15, "预算设定指标值 项目完成指标值"), LEX)] == ["预算设定指标值", "项目完成指标值"]
    assert [p.text for p in header_words(Piece(0, 5, "一级 指标"), LEX)] == ["一级 指标"]


def test_a_page_without_the_leftmost_columns_is_matched_by_what_its_columns_hold() -> None:
    # the header page: 绩效指标 label | 一级 | 二级 | name | value; the next page starts at 一级, its
    # columns set apart by its own measure (no single shift or scale maps them)
    first = [(0, 10), (11, 15), (19, 23), (26, 31), (31, 41)]
    first_kinds = column_kinds([[(1, "产出指标"), (2, "数量指标"), (3, "培训人数"), (4, "500人")],
                                [(2, "质量指标"), (3, "合格率"), (4, "≥95%")], [(0, "绩效指标")]], 5, LEX)
    cols = [(7, 12), (16, 21), (24, 29), (32, 41)]
    kinds = column_kinds([[(0, "效益指标"), (1, "社会效益指标"), (2, "受益人数"), (3, "≥300人")],
                          [(1, "可持续影响指标"), (2, "保障期限"), (3, "3年")]], 4, LEX)
    assert match_page(cols, first_kinds, kinds, first) == [1, 2, 3, 4]
    # a column that holds what no column of the header page holds: not matched this way
    odd = column_kinds([[(0, "500人"), (1, "效益指标"), (2, "社会效益指标"), (3, "受益人数")]], 4, LEX)
    assert match_page(cols, first_kinds, odd, first) is None


def test_cells_set_apart_by_one_run_of_blanks_are_no_layout() -> None:
    """Two blanks (or a full-width blank) between every pair of cells: set apart, not placed; a
    converter's layout pads its cells to their columns, with gaps of every width."""
    typed = ["一级指标  二级指标  三级指标  指标值", "产出指标  数量指标  培训人数  500人", "质量指标　培训合格率　≥90%"]
    laid = ["一级指标    二级指标      三级指标          指标值", "产出指标    数量指标      培训人数          500人",
            "            质量指标      培训合格率        ≥90%"]
    assert even_gaps(typed) and not even_gaps(laid)
    assert not even_gaps(["培训人数  500人"])  # too few gaps to tell
