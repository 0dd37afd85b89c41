"""Counts written in Chinese numerals before their unit, read in digits."""

from __future__ import annotations

from analytics.ingest.tables.lexicon import load_lexicon
from analytics.ingest.tables.numerals import arabic

LEX = load_lexicon()


def test_a_count_in_chinese_numerals_before_a_known_unit_is_written_in_digits() -> None:
    assert arabic("不少于三次", LEX) == "不少于3次"
    assert arabic("一百二十人", LEX) == "120人"
    assert arabic("十二月底前", LEX) == "12月底前"
    assert arabic("两期", LEX) == "2期"
    for words in ("一般", "一次性", "十佳", "一二次"):
        assert arabic(words, LEX) == words
