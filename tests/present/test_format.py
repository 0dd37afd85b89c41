"""The one formatter (analytics/present/format.py): precision by unit, signs, percentage
points, probabilities, money and months in both languages."""

from __future__ import annotations

import math
import re

import pytest

from analytics.present import format as f


@pytest.mark.parametrize("unit, value, zh, en", [
    ("万人", 12.4, "12.40万人", "12.40 (10k persons)"),
    ("万人次", 4.117, "4.12万人次", "4.12 (10k person-times)"),
    ("万元", 58301.234, "58,301.23万元", "58,301.23 (10k yuan)"),
    ("家", 47.53, "48家", "48 entities"),
    ("个", 50.0, "50个", "50 units"),
    ("场次", 1234.5, "1,235场次", "1,235 events"),
    ("人", 4800, "4,800人", "4,800 persons"),
    ("件", 0.4, "0件", "0 cases"),
    ("%", 95.25, "95.3%", "95.3%"),
    ("%", 100, "100.0%", "100.0%"),
    ("", 3.14159, "3.14", "3.14"),
    (None, 2, "2", "2"),  # any other unit: up to two decimals, no zeros trailing them
    ("亩", 20000, "20,000亩", "20,000 mu"),
    ("吨", 12.5, "12.5吨", "12.5 t"),
    ("公里", 3.14159, "3.14公里", "3.14 km"),
    ("亩", 19999.996, "20,000亩", "20,000 mu"),  # rounded first, then the zeros dropped
    ("组", 4.6, "5组", "5 groups"),  # a counting word is a count
    ("万份", 0.005, "0.01万份", "0.01 (10k copies)"),
    ("万户", 1.0, "1.00万户", "1.00 (10k households)"),  # an unlisted 万-unit is a 万-unit
])
def test_value_by_unit(unit, value, zh, en):
    assert f.fmt_value(value, unit, "zh") == zh
    assert f.fmt_value(value, unit, "en") == en


def test_precision_is_data_with_help():
    for kind, rule in f.PRECISION.items():
        assert isinstance(rule["decimals"], int) and rule["help"], kind
    assert f.decimals_for("家") == 0 and f.decimals_for("万人次") == 2 and f.decimals_for("%") == 1
    assert f.decimals_for("万吨") == 2 and f.decimals_for("公里") == 2
    assert f.shown_decimals(20000, "亩") == 0 and f.shown_decimals(12.5, "吨") == 1 and f.shown_decimals(12.5, "万吨") == 2
    assert f.shown_decimals(None, "吨") == 2 and f.shown_decimals(3, "%") == 1
    units = [u for rule in f.PRECISION.values() for u in rule["units"]]
    assert len(units) == len(set(units)), "a unit listed under two kinds"


@pytest.mark.parametrize("x", [None, float("nan"), float("inf"), "abc", True])
def test_missing_values_show_a_dash(x):
    assert f.fmt_value(x, "万人") == "—"
    assert f.fmt_gap(x, "%") == "—"
    assert f.fmt_pct(x) == "—"
    assert f.fmt_prob(x) == "—"
    assert f.fmt_money(x) == "—"


def test_half_up_on_the_decimal_people_see():
    assert f.fmt_value(2.675, "万人") == "2.68万人"  # the float is 2.67499…; people read 2.675
    assert f.fmt_value(0.125, "万人") == "0.13万人"
    assert f.fmt_value(2.5, "家") == "3家"
    assert f.fmt_value(-2.5, "家") == "-3家"
    assert f.fmt_value(-0.004, "万人") == "0.00万人"  # no "-0.00"


def test_a_percentage_under_100_never_reads_100():
    assert f.fmt_value(99.96, "%") == "99.9%" and f.fmt_pct(99.96) == "99.9%"
    assert f.fmt_pct(0.99996, fraction=True) == "99.9%"
    assert f.fmt_value(100.0, "%") == "100.0%" and f.fmt_value(100.04, "%") == "100.0%"
    assert f.fmt_value(99.94, "%") == "99.9%" and f.fmt_value(98.96, "%") == "99.0%"
    # …but floating-point noise is no miss: the whole budget spent is 100%
    assert f.fmt_pct(100 * 89.974 / 89.974, decimals=2) == "100.00%" and 100 * 89.974 / 89.974 < 100
    assert f.fmt_pct(0.1 + 0.2 - 0.3 + 100 - 1e-12) == "100.0%" and f.fmt_pct(99.999999) == "99.9%"


def test_toward_zero_never_rounds_up():
    assert f.fmt_pct(99.84) == "99.8%" and f.fmt_pct(99.86) == "99.9%"
    assert f.fmt_pct(45.96, toward_zero=True) == "45.9%"
    assert f.fmt_money(40.258, toward_zero=True) == "40.25万元"


def test_counts_are_never_fractional_even_when_asked():
    assert f.fmt_value(47.53, "家", decimals=2) == "48家"
    assert f.fmt_gap(-0.6667, "家") == "-1家"


@pytest.mark.parametrize("x, unit, zh, en", [
    (0.07999, "万人", "+0.08万人", "+0.08 (10k persons)"),
    (-0.6667, "家", "-1家", "-1 entity"),  # a count of one in the singular
    (-0.5, "%", "-0.5个百分点", "-0.5 percentage points"),
    (1.26, "%", "+1.3个百分点", "+1.3 percentage points"),
    (0.0, "万人", "0.00万人", "0.00 (10k persons)"),
    (-0.001, "万人", "0.00万人", "0.00 (10k persons)"),
    (1234.5, "人", "+1,235人", "+1,235 persons"),
])
def test_gaps_carry_sign_and_unit(x, unit, zh, en):
    assert f.fmt_gap(x, unit, "zh") == zh
    assert f.fmt_gap(x, unit, "en") == en
    assert "pp" not in f.fmt_gap(x, unit, "zh")


def test_a_forecasts_gap_is_worked_out_as_the_forecast():
    """3.6次 against ≤2次 is +1.6次 (+2次 beside 3.6 hid what the gap was); whole from 100 on."""
    assert f.fmt_gap(1.6, "次", "zh", derived=True) == "+1.6次"
    assert f.fmt_gap(1.6, "次", "zh") == "+2次"
    assert f.fmt_gap(-132.4, "户", "zh", derived=True) == "-132户"
    assert f.fmt_gap(1.6, "万元", "zh", derived=True) == "+1.60万元"
    assert f.fmt_gap(-0.5, "%", "zh", derived=True) == "-0.5个百分点"


def test_gap_without_unit_for_a_unit_column():
    assert f.fmt_gap(0.07999, "万人", with_unit=False) == "+0.08"
    assert f.fmt_gap(-0.5, "%", with_unit=False) == "-0.5"
    assert f.fmt_change is f.fmt_gap
    assert f.fmt_gap(-0.5, "%", "en", short=True) == "-0.5 pts"
    assert f.fmt_gap(-0.5, "%", "zh", short=True) == "-0.5个百分点"


def test_pct():
    assert f.fmt_pct(95.25) == "95.3%"
    assert f.fmt_pct(0.953, fraction=True) == "95.3%"
    assert f.fmt_pct(30, decimals=0) == "30%"
    assert f.fmt_pct(2.04, sign=True) == "+2.0%"
    assert f.fmt_pct(-0.12, fraction=True, sign=True) == "-12.0%"


@pytest.mark.parametrize("p, out", [
    (0.0, "0%"), (0.004, "<1%"), (0.0099, "<1%"), (0.01, "1%"), (0.834, "83%"), (0.835, "83%"), (0.9459, "94%"), (0.6958, "69%"),
    (0.99, "99%"), (0.994, ">99%"), (0.9999999, ">99%"), (1.0, "100%"), (0.995, ">99%"),
])
def test_probabilities(p, out):
    assert f.fmt_prob(p) == out
    assert f.fmt_prob(p, "en") == out


def test_money():
    assert f.fmt_money(103414.18) == "10.34亿元"
    assert f.fmt_money(103414.18, "en") == "1,034.14 million yuan"
    assert f.fmt_money(58301.4) == "5.83亿元"
    assert f.fmt_money(5830.14) == "5,830万元"
    assert f.fmt_money(5830.14, "en") == "5,830 (10k yuan)" and f.fmt_money(40.25, "en") == "40.25 (10k yuan)"
    assert f.fmt_money(40.25) == "40.25万元"
    assert f.fmt_money(0.4) == "0.40万元"  # a small shortfall is never shown as 0
    assert f.fmt_money(103414.18, decimals=2) == "103,414.18万元"
    assert f.fmt_money(-12000) == "-1.20亿元"


def test_months():
    assert f.fmt_month(2024, 12) == "2024年12月"
    assert f.fmt_month(2024, 12, "en") == "Dec 2024"
    assert f.fmt_months(2024, 1, 2) == "2024年1-2月"
    assert f.fmt_months(2024, 1, 2, "en") == "Jan–Feb 2024"
    assert f.fmt_months(2024, 3, 3, "en") == "Mar 2024"
    assert f.fmt_month_short(8) == "8月" and f.fmt_month_short(2, "zh", first=1) == "1-2月"
    assert f.fmt_month_short(2, "en", first=1) == "Jan–Feb" and f.fmt_month_short(8, "en") == "Aug"
    assert f.fmt_period_key("2024-03", "en") == "Mar 2024" and f.fmt_period_key("2024-03") == "2024年3月"
    assert f.fmt_period_key(None) == "—" and f.fmt_period_key("soon") == "soon"


def test_units_in_english():
    assert f.unit_name("万人", "en") == "10k persons"
    assert f.unit_name("万元", "en") == "10k yuan"
    assert f.unit_name("万人次", "en") == "10k person-times"
    assert f.unit_name("万人", "zh") == "万人"
    assert f.unit_name("公里", "en") == "km" and f.unit_name("平方米", "en") == "m²"
    assert f.unit_name("元/立方米", "en") == "yuan per m³" and f.unit_name("元/方", "en") == "元/方"  # two known units; unknown: as written


def test_every_unit_the_reader_knows_has_an_english_name():
    # a table's unit read by parse-table (lexicon units.known) is said in English on the English
    # pages, never left in Chinese (化粪池 ≥63 立方米 → ≥63 m³)
    from analytics.ingest.tables.lexicon import load_lexicon

    known = [u for u in load_lexicon().units if u not in ("%", "‰")]
    untranslated = [u for u in known if f.unit_name(u, "en") == u]
    assert not untranslated, untranslated
    assert f.unit_name("立方米", "en") == "m³"


def test_no_raw_floats_over_many_values():
    """Whatever the value, the output has exactly the unit's decimals (at most, and no zero
    trailing them, for a unit that drops them)."""
    for unit in ("万人", "家", "%", "人", "万元", "", "亩"):
        nd = f.decimals_for(unit)
        for x in (0.07999, 4.117, -0.6667, 1e-9, 123456.789, -98765.4321, math.pi, 2.5, 7.0):
            out = f.fmt_value(x, unit)
            digits = re.search(r"[\d,]+(?:\.(\d+))?", out)
            assert digits is not None, out
            shown = digits.group(1) or ""
            if f.unit_rule(unit).trim:
                assert len(shown) <= nd and not shown.endswith("0") and len(shown) == f.shown_decimals(x, unit), (unit, x, out)
            else:
                assert len(shown) == nd, (unit, x, out)


def test_targets_as_written_with_their_unit():
    assert f.fmt_target("≧60个", "个") == "≥60个" and f.fmt_target("≦5%", "%") == "≤5%"
    assert f.fmt_target("≥60个", "个", "en") == "≥60 units" and f.fmt_target("≥60个", "人", "en") == "≥60 units"  # its own unit, in English
    assert f.fmt_target("15.11", "万人次") == "15.11万人次"
    assert f.fmt_target("90", "%") == "90%" and f.fmt_target("0", "%", "en") == "0%"  # the % in the unit column
    assert f.fmt_target("15.11", "万人次", "en") == "15.11 (10k person-times)"
    assert f.fmt_target("95%以上", "%") == "95%以上"
    assert f.fmt_target("95%以上", "%", "en") == "≥95%" and f.fmt_target("60家以上，95%以上", "家", "en") == "≥60 entities; ≥95%"
    assert f.fmt_target("是", "", "en") == "Yes" and f.fmt_target("是", "") == "是"
    assert f.fmt_target("", "万人") == "—" and f.fmt_target(None, "万人") == "—"


@pytest.mark.parametrize("raw, zh, en", [(">92%", ">92", ">92"), ("≥92%", "≥92", "≥92"), ("小于0.9", "<0.9", "<0.9"),
                                         ("是", "是", "Yes"), ("—", "—", "—")])
def test_a_target_shows_its_comparator_as_read(raw, zh, en):
    from analytics.core.values import parse_target

    t = parse_target(raw)
    assert (f.fmt_parsed_target(t, "zh"), f.fmt_parsed_target(t, "en")) == (zh, en)


def test_a_gaps_sign_is_the_sign_it_is_shown_with():
    assert f.gap_sign(0.004, "%") == 0 and f.fmt_gap(0.004, "%") == "0.0个百分点"  # no arrow for a 0.0 shown
    assert f.gap_sign(-0.04, "%") == -1 and f.fmt_gap(-0.04, "%") == "-0.04个百分点"  # a gap there, beside 关注: never 0.0
    assert f.gap_sign(-0.06, "%") == -1 and f.gap_sign(0.4, "家") == 0 and f.gap_sign(0.6, "家") == 1
    assert f.gap_sign(0.004, "万人") == 0 and f.gap_sign(0.006, "万人") == 1 and f.gap_sign(None) == 0


def test_a_monthly_pace_of_things_counted_keeps_its_decimal():
    """“需月均0个，近期0个” though one more was needed, and “需月均完成5个…近期月均（4个）的1.4倍”
    for 4.6 against 3.4: a pace is an average, one decimal for counted things, none when whole."""
    assert f.fmt_derived(0.2, "个") == "0.2个" and f.fmt_derived(4.6, "个") == "4.6个" and f.fmt_derived(5.0, "个") == "5个"
    assert f.fmt_derived(1.812, "万人次") == f.fmt_value(1.812, "万人次") == "1.81万人次" and f.fmt_derived(None, "个") == "—"
    assert f.fmt_derived(866.67, "户") == "867户" and f.fmt_derived(-126.7, "人次") == "-127人次"  # a tenth is noise here
    assert f.fmt_derived(30.49, "个", with_unit=False) == "30.5" and f.fmt_derived(30.49, "个", "en") == "30.5 units"


def test_a_trajectorys_expected_count_keeps_its_decimal():
    """“实际 29个，应达 31个 … 95.1%”: 应达 was 30.49 shown whole; a worked-out value keeps the
    decimal that makes the ratio beside it readable, on the pages, the CLI table and the text."""
    from analytics.present.labels import kind_expected
    assert kind_expected("stock", "个", 30.49) == "30.5个" and kind_expected("flow", "个", 31.0) == "31个"
    assert kind_expected("milestone", "", 1.0) == "—" and kind_expected("stock", "个", 3.7, with_unit=False) == "3.7"


def test_printed_figures_add_up_to_their_printed_total():
    """28 分值 of 100/28 print 1.79 or 1.78 and add up to 100.00 (not 100.11); each 得分 is its 分值
    less its points lost, so full marks print alike and the column adds up to the total."""
    maxes = f.apportion([100 / 28] * 28)
    assert round(sum(maxes), 2) == 100.0 and set(maxes) <= {3.57, 3.58}
    pairs = f.apportion_points([(100 / 3, 100 / 3), (100 / 3, 30.004), (100 / 3, None)])
    assert [m for m, _p in pairs] == [33.34, 33.33, 33.33] and pairs[0][1] == 33.34 and pairs[2][1] is None
    assert round(pairs[0][1] + pairs[1][1], 2) == round(100 / 3 + 30.004, 2)


def test_english_says_a_worded_target_and_a_compound_unit_in_english():
    """The English outputs kept ``不少于800人次``, read ``10及以下`` as ``10及 or less`` and left
    ``元/人次`` and ``公斤/亩`` in Chinese. One comparator word and one number read as the sign and
    the number in the unit's English; a unit of two known units reads ``a per b``; Chinese stays
    as the table wrote it; ranges stay as written, words read as the phrase lexicon puts them
    (tests/present/test_phrases.py)."""
    assert f.fmt_target("不少于800人次", "人次", "en") == "≥800 person-times" and f.fmt_target("不少于800人次", "人次") == "不少于800人次"
    assert f.fmt_target("10及以下", "件", "en") == "≤10 cases" and f.fmt_target("达到90%", "%", "en") == "≥90%"
    assert f.fmt_target("≤1544元/亩", "元/亩", "en") == "≤1544 yuan per mu" and f.fmt_target("有效提升", "", "en") == "Effectively improved"
    assert f.unit_name("元/人次", "en") == "yuan per person-time" and f.unit_name("公斤/亩", "en") == "kg per mu"
    assert f.unit_name("元/人次") == "元/人次" and f.unit_name("人/次", "en") == "person-times" and f.unit_name("甲/乙", "en") == "甲/乙"


def test_english_counts_of_one_are_singular_and_10k_units_stand_in_brackets():
    """``1 incidents``, ``≤1 vehicles`` and ``12.80 10k yuan`` (two figures in a row) in the English
    forms and tables: a count of one reads in the singular, a unit whose English name starts with a
    figure in brackets, as the pages' sentences and titles write amounts (``Budget 89.97 (10k yuan)``)."""
    assert f.fmt_value(1, "起", "en") == "1 incident" and f.fmt_value(2, "起", "en") == "2 incidents"
    assert f.fmt_target("≤1", "辆", "en") == "≤1 vehicle" and f.fmt_gap(-1, "批", "en") == "-1 batch"
    assert f.fmt_value(1, "家", "en") == "1 entity" and f.fmt_value(1, "元/人", "en") == "1 yuan per person"
    assert f.fmt_derived(1.0, "次", "en") == "1 time" and f.fmt_value(1, "吨", "en") == "1 t"
    assert f.fmt_value(12.8, "万元", "en") == "12.80 (10k yuan)" and f.fmt_value(12.8, "万元") == "12.80万元"
    assert f.fmt_value(12.8, "万元", "en", with_unit=False) == "12.80" and f.unit_name("万元", "en") == "10k yuan"
    assert f.unit_suffix("万元", "en") == " (10k yuan)" and f.unit_suffix("起", "en", one=True) == " incident"
    assert f.fmt_value(70, "村", "en") == "70 villages" and f.fmt_value(70.4, "村") == "70村"  # counted one by one
    assert f.fmt_value(1, "%", "en") == "1.0%" and f.fmt_gap(1, "%", "en") == "+1.0 percentage points"


def test_a_target_written_with_its_unit_reads_it_in_english_or_leaves_it_to_the_unit_column():
    """``5万元`` stayed Chinese in the English tables; ``≤1000万元`` repeated the unit column. A number
    written with its unit reads the unit in English; beside a unit column (``in_column``) the number
    stands alone, a percentage keeps its sign; Chinese keeps the table's writing unless in a column."""
    assert f.fmt_target("5万元", "万元", "en") == "5 (10k yuan)" and f.fmt_target("5万元", "", "en") == "5 (10k yuan)"
    assert f.fmt_target("5万元", "万元") == "5万元" and f.fmt_target("5万元", "万元", "en", in_column=True) == "5"
    assert f.fmt_target("≤1000万元", "万元", "zh", in_column=True) == "≤1000" and f.fmt_target("≥10", "台", "en", in_column=True) == "≥10"
    assert f.fmt_target("95%以上", "%", "en", in_column=True) == "≥95%" and f.fmt_target("95", "%", in_column=True) == "95%"
    assert f.fmt_target("不少于800人次", "人次", "en", in_column=True) == "≥800" and f.fmt_target("是", "", "en", in_column=True) == "Yes"


def test_a_gap_beside_a_rules_bound_shows_the_side_it_is_on():
    """-1.03 points read ``-1.0个百分点`` beside 落后超过1个百分点 (滞后): a gap whose one decimal lands
    on a bound of the status rules (0 and the 关注 band's -1, data/status_rules.yaml) that it is not on
    shows its second; on the bound, or off it by less than the second place, one decimal."""
    assert f.fmt_gap(-1.03, "%") == "-1.03个百分点" and f.fmt_gap(-0.96, "%") == "-0.96个百分点"
    assert f.fmt_gap(-1.0, "%") == "-1.0个百分点" and f.fmt_gap(-1.004, "%") == "-1.0个百分点"
    assert f.fmt_gap(-0.04, "%") == "-0.04个百分点" and f.fmt_gap(-2.0, "%") == "-2.0个百分点" and f.fmt_gap(3.25, "%") == "+3.3个百分点"
    assert f.gap_sign(-1.03, "%") == -1 and f.fmt_gap(-1.03, "%", "en", short=True) == "-1.03 pts"


def test_a_goal_score_reads_alike_everywhere():
    """62.5 in ``status`` and 63 in the report: one formatter for a goal's score, one decimal, a
    whole score whole, a second decimal where one would land on a band's bound (90, 70) it is not on."""
    assert [f.fmt_score(x) for x in (62.5, 80, 66.6667, 89.96, 90, 69.96, 0)] == ["62.5", "80", "66.7", "89.96", "90", "69.96", "0"]
    assert f.fmt_score(None) == "—" and f.shown_score(62.5) == 62.5 and f.shown_score(89.96) == 89.96
