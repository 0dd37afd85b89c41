"""The lexicon's own readings of a text (analytics/ingest/tables/lexicon.py): a bracket that explains a name."""

from __future__ import annotations

import pytest

from analytics.ingest.tables.lexicon import load_lexicon

LEX = load_lexicon()


@pytest.mark.parametrize(("text", "name", "note"), [
    ("结余率(计算方法为:结余数/预算数)", "结余率", "计算方法为:结余数/预算数"),
    ("资金到位率（计算公式：到位资金/计划资金×100%）", "资金到位率", "计算公式：到位资金/计划资金×100%"),
    ("培训合格率（指考核合格人数占参训人数的比例）", "培训合格率", "指考核合格人数占参训人数的比例"),
    ("项目完成及时率(说明:按合同约定时间)", "项目完成及时率", "说明:按合同约定时间"),
    ("资金到位率（公式：(到位资金)/计划资金）（%）", "资金到位率（%）", "公式：(到位资金)/计划资金"),  # a bracket inside it
    ("覆盖率（口径：全县行政村）", "覆盖率", "口径：全县行政村"),
])
def test_a_bracket_that_explains_the_name_is_its_note(text: str, name: str, note: str) -> None:
    assert LEX.name_note(text) == (name, note)


@pytest.mark.parametrize("text", [
    "受益人数(含社区)", "道路建设（一期）", "城镇新增就业人员规模（万人）", "技术服务次数（指导培训）",
    "新增企业数（注册企业）", "结余率（注：）", "（注：不含利息）", "培训合格率（指",
])
def test_a_bracket_that_is_the_names_own_stays(text: str) -> None:
    """A bracket that is part of the name, a unit, a word that only starts as an explanation does, an
    explanation of nothing, one with no name left beside it, or one never closed: the text stays whole."""
    assert LEX.name_note(text) == (text, "")
