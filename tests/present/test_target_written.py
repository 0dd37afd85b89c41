"""A target reads the same in a sentence and in a table: as the target table writes it, with its
unit (12.4万人, 100%), never at its unit's precision in one place (12.40万人, 100.0%) and as
written in the other."""

from __future__ import annotations

import re

import pytest

from analytics.present.charts import target_label
from analytics.present.format import fmt_target, fmt_target_value, fmt_value
from analytics.present.labels import target_said
from analytics.present.progress_text import explain
from analytics.rules.progress import load_rules

_SIGN = re.compile(r"^[≥≤<>=]+")


def test_a_target_is_written_as_the_table_writes_it() -> None:
    assert fmt_target_value(12.4, "万人") == "12.4万人" == fmt_target("12.4", "万人")
    assert fmt_target_value(100, "%") == "100%" == fmt_target("100%", "%")
    assert fmt_target_value(12.4, "万人", "en") == "12.4 (10k persons)" == fmt_target("12.4", "万人", "en")
    assert fmt_target("96.00%", "%") == "96%" and fmt_target("≥96.00%", "%") == "≥96%"  # one form, however the table typed it
    assert fmt_value(12.4, "万人") == "12.40万人"  # a worked-out value keeps its unit's precision
    assert target_label(12.4, "万人", "zh") == "年度目标 12.4万人"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_status_sentence_and_the_table_write_the_same_target(dataset, lang) -> None:
    project, rules = dataset.project, load_rules()
    checked = []
    for p in dataset.progress(2024, (2024, 6)):
        ind = project.indicator(p.indicator_id)
        if p.target is None or p.target_derived or ind.kind in ("milestone", "qualitative") or p.status in ("no_data", "no_target"):
            continue
        cell = _SIGN.sub("", target_said(ind, p, lang))  # the table's cell, its sign said in words in the sentence
        if not re.fullmatch(r"[0-9][0-9,.]*.*", cell) or re.search(r"[\u4e00-\u9fff]", cell.lstrip("0123456789,.")) and "以" in cell:
            continue  # a target in words (95%以上), not a number and its unit
        assert cell in explain(ind, p, lang, rules), (ind.id, cell)
        checked.append(ind.id)
    assert "new_urban_jobs" in checked and len(checked) > 10
