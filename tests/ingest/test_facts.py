"""The project's facts read from the lines above a target table (analytics.ingest.tables.facts):
a letter's title and its addressee are neither a goal's label nor a goal."""

from __future__ import annotations

from analytics.ingest.tables import parse_table
from analytics.ingest.tables.facts import label_kind
from analytics.ingest.tables.lexicon import load_lexicon

LEX = load_lexicon()

LETTER = """关于下达2024年就业补助资金项目绩效目标的通知
各县（市、区）人力资源社会保障局：
现下达你区补助资金772万元，请按照绩效目标组织实施。
一级指标\t二级指标\t三级指标\t指标值
产出指标\t数量指标\t培训人数\t≥1000人次
产出指标\t质量指标\t培训合格率\t≥90%
满意度指标\t服务对象满意度指标\t参训人员满意度\t≥90%
"""


def test_a_letters_title_and_addressee_are_no_goal() -> None:
    project = parse_table(LETTER.encode("utf-8"), filename="tongzhi.txt").to_json()["project"]  # type: ignore[union-attr]
    assert project["goals"] == [] and project["overall_goal"] is None  # was 各县（市、区）人力资源社会保障局：
    assert project["name"] == "2024年就业补助资金项目"  # the letter's verb (下达) is no part of the name


def test_a_document_title_labels_nothing_while_a_goal_label_still_does() -> None:
    assert label_kind("关于下达2024年就业补助资金项目绩效目标的通知", LEX) is None
    assert label_kind("关于2024年绩效目标的批复", LEX) is None
    assert label_kind("年度绩效目标", LEX) == "goal"
