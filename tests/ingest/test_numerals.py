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


def test_a_share_in_words_is_a_percent_and_a_count_and_some_is_the_count() -> None:
    """百分之九十五 is 95%, 九成 90% (九成五 95%), after any comparator word; 1200余人 and 300多个 (that many
    and some) are the number; words that only hold 余 or 多 stay as they are."""
    assert arabic("百分之九十五", LEX) == "95%"
    assert arabic("不低于九成", LEX) == "不低于90%"
    assert arabic("九成五", LEX) == "95%"
    assert arabic("百分之95以上", LEX) == "95%以上"
    assert arabic("1200余人", LEX) == "1200人"
    assert arabic("300多个", LEX) == "300个"
    for words in ("多个", "余额", "九成新"):
        assert arabic(words, LEX) == words
