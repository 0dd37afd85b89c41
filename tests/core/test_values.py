"""Parsing of every value form met in tables and spreadsheets."""

from __future__ import annotations

import datetime as dt

import pytest

from analytics.core.values import (AT_LEAST_OR_MOST, ValueParseError, parse_bool, parse_number, parse_period, parse_quantity,
                                   parse_target, unit_scale)


@pytest.mark.parametrize(
    "raw, expected",
    [("1,234", 1234.0), ("12.5%", 12.5), ("１２", 12.0), (" 3.5 ", 3.5), (7, 7.0), (2.25, 2.25), ("-1.5", -1.5), ("1,234,567.8", 1234567.8), ("０.５", 0.5)],
)
def test_numbers(raw, expected):
    assert parse_number(raw) == expected


@pytest.mark.parametrize("raw, code", [("abc", "not_a_number"), ("=A1+1", "formula"), ("@SUM(A1)", "formula"), ("", "empty"), (None, "empty"), ("1,23", "not_a_number"), ("90%以上", "not_a_number"), (True, "not_a_number")])
def test_bad_numbers(raw, code):
    with pytest.raises(ValueParseError) as exc:
        parse_number(raw)
    assert exc.value.code == code


@pytest.mark.parametrize(
    "raw, key, first",
    [
        ("2024-06", "2024-06", 6), ("2024/6", "2024-06", 6), ("2024年6月", "2024-06", 6), ("202406", "2024-06", 6),
        ("2024-06-30", "2024-06", 6), (dt.date(2024, 2, 29), "2024-02", 2), ("2024年1-2月", "2024-02", 1), ("2024-01~02", "2024-02", 1),
        ("２０２４－０６", "2024-06", 6), ("202406.0", "2024-06", 6),
    ],
)
def test_periods(raw, key, first):
    p = parse_period(raw)
    assert (p.key, p.first_month) == (key, first)


@pytest.mark.parametrize("raw", ["2024-13", "2024/6/31", "2023-02-29", "六月", "2024-00", "2024年3-2月", "24-06"])
def test_impossible_periods(raw):
    with pytest.raises(ValueParseError):
        parse_period(raw)


@pytest.mark.parametrize(
    "raw, direction, comparator, value, is_bool, no_value",
    [
        ("90%以上", "higher", ">=", 90.0, False, False),
        ("95%以上", "higher", ">=", 95.0, False, False),
        ("30%", "higher", ">=", 30.0, False, False),
        ("4.1", "lower", "<=", 4.1, False, False),
        ("0", "lower", "<=", 0.0, False, False),
        ("12.4", "higher", ">=", 12.4, False, False),
        ("是", "higher", "=", 1.0, True, False),
        ("否", "higher", "=", 0.0, True, False),
        ("—", "higher", None, None, False, True),
        ("", "higher", None, None, False, True),
        ("1.3万人以上", "higher", ">=", 1.3, False, False),
        ("60家以上", "higher", ">=", 60.0, False, False),
        ("不超过5", "higher", "<=", 5.0, False, False),
        ("≥96%", "higher", ">=", 96.0, False, False),
        ("96.00%", "higher", ">=", 96.0, False, False),
        ("最少3家", "lower", ">=", 3.0, False, False),
        ("最多5件", "higher", "<=", 5.0, False, False),
    ],
)
def test_targets(raw, direction, comparator, value, is_bool, no_value):
    t = parse_target(raw, direction)
    assert (t.comparator, t.value, t.is_bool, t.no_value) == (comparator, value, is_bool, no_value)
    assert t.raw == (raw or "—")


def test_bad_target():
    with pytest.raises(ValueParseError):
        parse_target("很多")


def test_bool_and_units():
    assert parse_bool("是") is True and parse_bool("否") is False and parse_bool("1") is True
    with pytest.raises(ValueParseError):
        parse_bool("也许")
    assert unit_scale("万人") == (1e4, "人")
    assert unit_scale("万份") == (1e4, "份")
    assert unit_scale("%") == (1.0, "%")
    assert unit_scale("场次") == (1.0, "场次")
    assert unit_scale("家") == (1.0, "家")
    # a scale word before any unit (万亩 = 10,000 亩); alone, or a unit that only starts like one, as written
    assert unit_scale("万亩") == (1e4, "亩") and unit_scale("千元") == (1e3, "元") and unit_scale("亿人次") == (1e8, "人次")
    assert unit_scale("千万元") == (1e7, "元") and unit_scale("百分点") == (1.0, "%") and unit_scale("亩") == (1.0, "亩")


@pytest.mark.parametrize("raw, unit, number, written", [
    ("12.5万人", "万人", 12.5, "万人"), ("125000人", "万人", 12.5, "人"), ("12.7 万人", "万人", 12.7, "万人"),
    ("13万", "万人", 13.0, "万"), ("3000000元", "万元", 300.0, "元"), ("3亿元", "万元", 30000.0, "亿元"),
    ("1,200户", "户", 1200.0, "户"), ("2.5万亩", "亩", 25000.0, "万亩"), ("88百分点", "%", 88.0, "百分点"),
])
def test_a_value_written_with_its_unit_is_read_in_the_indicators_unit(raw, unit, number, written):
    got, as_written = parse_quantity(raw, unit)
    assert got == pytest.approx(number) and as_written == written


@pytest.mark.parametrize("raw, unit, code", [
    ("12家", "个", "value_unit_mismatch"), ("12人", "万元", "value_unit_mismatch"), ("约12万人", "万人", "not_a_number"),
    ("12万人以上", "万人", "value_unit_mismatch"), ("12", "万人", "not_a_number"), ("12%", "%", "not_a_number"), ("万人", "万人", "not_a_number"),
])
def test_a_value_in_another_unit_or_no_number_is_refused(raw, unit, code):
    with pytest.raises(ValueParseError) as err:
        parse_quantity(raw, unit)
    assert err.value.code == code


@pytest.mark.parametrize("raw, code", [
    ("10²", "odd_digits"), ("2³", "odd_digits"), ("①", "odd_digits"), ("H₂O", "odd_digits"), ("½", "odd_digits"),
    ("Ⅻ", "odd_digits"), ("٣", "odd_digits"), ("12 5", "inner_space"), ("1 234.5", "inner_space"),
    ("１２　５", "inner_space"), ("12\u00a05", "inner_space"),
])
def test_numbers_that_would_silently_change_are_refused(raw, code):
    with pytest.raises(ValueParseError) as exc:
        parse_number(raw)
    assert exc.value.code == code


@pytest.mark.parametrize("raw, expected", [("１２", 12.0), (" 12.5 % ", 12.5), ("1e308", 1e308), ("１，２３４", 1234.0)])
def test_ordinary_digits_and_spaces_around_a_number_still_read(raw, expected):
    assert parse_number(raw) == expected


def test_superscript_target_is_not_read_as_another_number():
    with pytest.raises(ValueParseError):
        parse_target("10²")


@pytest.mark.parametrize("raw, comparator, value", [
    ("达到90%", ">=", 90.0), ("90%及以上", ">=", 90.0), ("10及以下", "<=", 10.0), ("≥95%", ">=", 95.0),
    ("≧95%", ">=", 95.0), (">=95", ">=", 95.0), ("＞＝95", ">=", 95.0), ("95%以上", ">=", 95.0),
    ("不低于80%", ">=", 80.0), ("不少于500人", ">=", 500.0), ("达90%", ">=", 90.0),
    ("≤5", "<=", 5.0), ("≦5", "<=", 5.0), ("<=5", "<=", 5.0), ("5以下", "<=", 5.0), ("3件以内", "<=", 3.0),
    ("不超过5%", "<=", 5.0), ("不高于4.5%", "<=", 4.5), ("低于5.5%", "<=", 5.5), ("5.5%及以下", "<=", 5.5),
    ("超过100人", ">=", 100.0),
])
def test_target_words_longest_first(raw, comparator, value):
    for direction in ("higher", "lower"):  # an explicit word wins over the direction
        t = parse_target(raw, direction)
        assert (t.comparator, t.value) == (comparator, value), (raw, direction)


@pytest.mark.parametrize("raw", ["不低于5%以下", "≥5≤9", "①", "10²"])
def test_target_words_of_both_kinds_or_odd_digits_are_refused(raw):
    with pytest.raises(ValueParseError):
        parse_target(raw)


@pytest.mark.parametrize("raw, comparator, value", [
    (">92%", ">", 92.0), ("＞92%", ">", 92.0), ("大于90%", ">", 90.0), ("<24", "<", 24.0), ("小于0.9", "<", 0.9),
    ("大于等于95%", ">=", 95.0), ("大于或等于3", ">=", 3.0), ("不小于3", ">=", 3.0),
    ("小于等于5", "<=", 5.0), ("不大于5", "<=", 5.0), (">=95", ">=", 95.0), ("<=5", "<=", 5.0),
])
def test_strict_comparators_are_kept_as_written(raw, comparator, value):
    for direction in ("higher", "lower"):
        t = parse_target(raw, direction)
        assert (t.comparator, t.value) == (comparator, value), (raw, direction)
    assert AT_LEAST_OR_MOST[comparator] in (">=", "<=")


def test_number_text_writes_every_digit_and_no_exponent() -> None:
    from analytics.core.values import number_text

    assert [number_text(v) for v in (25388.04, 1234567.0, 0.1 + 0.2, 0.00001, -3.5)] == [
        "25388.04", "1234567", "0.3", "0.00001", "-3.5"]


@pytest.mark.parametrize("raw,value,unit", [("≥48次", 48.0, "次"), ("≥300平方米", 300.0, "平方米"), ("2.5万亩以上", 2.5, "万亩"),
                                            ("≥3次/年", 3.0, "次/年"), ("≥25 km", 25.0, "km"), ("≥95%", 95.0, "")])
def test_a_target_reads_past_any_unit_after_its_number(raw, value, unit):
    """Only a few units (人次, 件, 万元 …) were read after a target's number: ≥48次 was not a number."""
    from analytics.core.values import parse_target, written_unit

    assert parse_target(raw).value == value and written_unit(raw) == unit


@pytest.mark.parametrize("raw", ["5天内", "10个工作日内", "2024年12月", "第3季度"])
def test_a_word_of_time_after_a_number_is_no_unit(raw):
    from analytics.core.values import ValueParseError, parse_target

    with pytest.raises(ValueParseError):
        parse_target(raw)
