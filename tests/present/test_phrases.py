"""The phrase lexicon (analytics/present/phrases.py over data/target_phrases.yaml): targets written in
words read in English on every English output, or as written and said so — never half translated,
never with a number the table did not write."""

from __future__ import annotations

import re

import pytest

from analytics.present import format as f
from analytics.present.phrases import load_phrases, phrases_help, target_english


@pytest.mark.parametrize("written, english", [
    ("有效提升", "Effectively improved"),
    ("逐步完善", "Gradually refined"),
    ("进一步完善", "Further refined"),
    ("效果明显", "Marked effect"),
    ("成效显著", "Significant results"),
    ("符合相关规定", "Complies with the relevant regulations"),
    ("符合国家相关规定", "Complies with the relevant national regulations"),
    ("满足设计要求", "Meets design requirements"),
    ("在项目计划完成时间内完成", "Completed within the project's planned time"),
    ("在规定时间内完成", "Completed within the set time"),
    ("持续改善", "Continuously improved"),
    ("明显改善", "Markedly improved"),
    ("稳步提高", "Steadily improved"),
    ("提升明显", "Markedly improved"),
    ("逐年提高", "Improved year by year"),
    ("较上年提高", "Improved on the previous year"),
    ("达到预期", "As expected"),
    ("达到预期目标", "Expected targets reached"),
    ("按时完成", "Completed on time"),
    ("如期完成。", "Completed as scheduled"),  # a full stop at its end dropped
    ("资金按时拨付到位", "Funds paid out on time"),
    ("良好", "Good"),
    ("较好", "Fairly good"),
    ("优秀", "Excellent"),
    ("显著", "Significant"),
    ("长期", "Long-term"),
    ("持续发挥作用", "Continues to take effect"),
    ("长期发挥作用", "Takes effect over the long term"),
    ("服务质量有效提升", "Service quality effectively improved"),
    ("有效提升服务质量", "Service quality effectively improved"),
    ("取得良好社会效益", "Good social benefits"),
    ("符 合 相 关 规 定", "Complies with the relevant regulations"),  # spaces of a copied cell
    # wording of the published tables (tests/tables) that read as written before
    ("定性", "Qualitative"),
    ("已完成", "Completed"),
    ("及时", "Timely"),
    ("高中低", "High, medium or low"),
    ("优良中低差", "Excellent, good, fair, low or poor"),
    ("应保尽保", "Everyone eligible covered"),
    ("严格执行相关制度规定", "Complies with the relevant rules and regulations"),
    ("支出符合财务管理制度规定", "Spending complies with financial management rules and regulations"),
    ("建设符合验收要求", "Construction complies with acceptance requirements"),
    ("工程质量合格", "Quality of the works up to standard"),
    ("不超预算", "Within budget"),
    ("控制在预算内", "Within budget"),
    ("资金执行在预算范围内", "Spending within budget"),
    ("及时支出", "Spent promptly"),
    ("按质按量完成", "Completed to quality and in full"),
    ("按时限完成", "Completed within the time limit"),
    ("有效减轻", "Effectively reduced"),
    ("有力保障", "Strongly ensured"),
    ("增加岗位", "Jobs increased"),
    ("签约率提高", "Sign-up rate improved"),
    ("美化环境。", "Environment beautified"),
    ("持续影响", "Lasting impact"),
    ("经济效益", "Economic benefits"),
    ("按月安排", "Arranged monthly"),
    ("按期完成投资", "Invested on schedule"),
])
def test_common_wording_reads_in_english(written, english):
    assert target_english(written) == english
    assert f.fmt_target(written, "", "en") == english and f.fmt_target(written, "", "en", in_column=True) == english
    assert f.fmt_target(written, "", "zh") == written  # Chinese as the table wrote it


@pytest.mark.parametrize("written, english", [
    ("2025年12月底前完成", "Completed by the end of Dec 2025"),
    ("2025年6月前", "By Jun 2025"),
    ("2025年12月31日前完成", "Completed by 31 Dec 2025"),
    ("12月底前完成", "Completed by the end of Dec"),
    ("年底前完成", "Completed by the end of the year"),
    ("2025年底前", "By the end of 2025"),
])
def test_a_date_keeps_its_figures(written, english):
    """A date in words: its year and day as written, its month by name (as every English month reads)."""
    assert target_english(written) == english


def test_wording_the_lexicon_does_not_cover_reads_as_written_and_says_so():
    """有效提升服务水平和群众获得感 read 有效提升服务水平和群众获得感 on the English outputs, ≥95%且逐年提高
    read ``≥95 %且逐年提高`` and 60家以上，95%以上 ``60家+，95%+``: a target is said whole in English or
    shown as written with the marker, never half translated."""
    assert target_english("有效提升服务水平和群众获得感") is None
    assert f.fmt_target("有效提升服务水平和群众获得感", "", "en") == "有效提升服务水平和群众获得感 (as written)"
    assert f.fmt_target("≥95%且逐年提高", "%", "en") == "≥95%且逐年提高 (as written)"
    assert f.fmt_target("≥95%且逐年提高", "%") == "≥95%且逐年提高"
    assert f.fmt_target("60家以上，95%以上", "家", "en") == "≥60 entities; ≥95%"  # each part in English
    assert f.fmt_target("有效提升；按时完成", "", "en") == "Effectively improved; Completed on time"
    assert f.fmt_target("有效提升；惠及更多群众", "", "en") == "有效提升；惠及更多群众 (as written)"
    # numbers and units keep their own rules
    assert f.fmt_target("不少于800人次", "人次", "en") == "≥800 person-times" and f.fmt_target("是", "", "en") == "Yes"
    assert f.fmt_target("≤30个工作日", "", "en") == "≤30 working days"


def test_no_number_is_invented():
    """Every figure of an English rendering is one the target wrote (a month said by its name)."""
    lex = load_phrases()
    written = ["2025年12月底前完成", "2025年12月31日前完成", "12月底前完成", "2025年底前", "逐年提高", "有效提升"]
    for w in written + list(lex.phrases):
        said = lex.english(w)
        assert said is not None
        assert set(re.findall(r"\d+", said)) <= set(re.findall(r"\d+", w)), (w, said)


def test_every_entry_of_the_lexicon_has_help():
    entries = phrases_help()
    assert all(e["help"] for e in entries), [e["entry"] for e in entries if not e["help"]]
    names = {e["entry"] for e in entries}
    assert {"phrases", "words", "words.degree", "words.change", "patterns", "patterns.change", "patterns.conform"} <= names
    lex = load_phrases()
    assert all(p.help for p in lex.patterns) and all(lex.words.values())


def test_a_pattern_naming_no_table_is_refused(tmp_path):
    bad = tmp_path / "phrases.yaml"
    bad.write_text("words:\n  help: w\n  change:\n    help: c\n    entries: {提升: improved}\n"
                   "patterns:\n  help: p\n  rules:\n    - id: x\n      pattern: '{nowhere}{change}'\n      en: '{change}'\n"
                   "      help: h\n", encoding="utf-8")
    with pytest.raises(ValueError, match="nowhere"):
        load_phrases(str(bad))
    bad.write_text("words:\n  help: w\n  change:\n    help: c\n    entries: {提升: improved}\n"
                   "patterns:\n  help: p\n  rules:\n    - id: x\n      pattern: '{change}'\n      en: '{degree} {change}'\n"
                   "      help: h\n", encoding="utf-8")
    with pytest.raises(ValueError, match="degree"):
        load_phrases(str(bad))
