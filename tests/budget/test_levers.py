"""The lever registry and scenario documents (analytics/budget/levers.py, document.py, widgets.py):
validation with located messages, the canonical form, files, and every lever defined once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analytics.budget.scenario import (
    LEVERS,
    ScenarioError,
    normalise_scenario,
    project_scenario,
    scenario_from_file,
    scenario_problems,
    scenario_to_dict,
)
from analytics.core.series import Budget
from analytics.present.budget_text import problem_messages, validate_scenario
from tests.budget.test_scenario import EXAMPLE, budget_of


# -- documents, validation, files -----------------------------------------------------------


def test_normalise_is_canonical(project):
    a = normalise_scenario(EXAMPLE, project)
    assert a["levers"]["pace_by_goal"] == {"1": 1.1}
    assert a["levers"]["one_off"][0] == {"month": "2024-10", "amount": 5000.0, "source": "local", "goal": 1}
    b = normalise_scenario({"name": "n", "levers": {"pace": 1, "budget_adjustment": {"local": 0}, "pace_by_source": {"地方资金": 1.0}}}, project)
    assert b["levers"] == {}
    two = [{"month": "2024-11", "amount": 1}, {"month": "2024年10月", "amount": 2, "source": "Central subsidy"}]
    c1 = normalise_scenario({"levers": {"one_off": two}}, project)
    c2 = normalise_scenario({"levers": {"one_off": list(reversed(two))}}, project)
    assert c1 == c2 and c1["levers"]["one_off"][0] == {"month": "2024-10", "amount": 2.0, "source": "central", "goal": None}
    assert scenario_to_dict(EXAMPLE, project) == a
    assert normalise_scenario({"pace": 1.3}, project)["levers"] == {"pace": 1.3}  # bare levers accepted
    assert normalise_scenario(None, project) == {"name": "", "levers": {}}


@pytest.mark.parametrize(
    "levers, code, zh, en",
    [
        ({"pace": -1}, "negative_pace", "不能为负数", "cannot be negative"),
        ({"pace": "fast"}, "not_number", "应为数字", "must be a number"),
        ({"pace_by_source": {"central": -0.5}}, "negative_pace", "不能为负数", "cannot be negative"),
        ({"pace_by_source": {"provincial": 1.2}}, "unknown_source", "资金来源「provincial」不存在", "unknown funding source"),
        ({"pace_by_goal": {"7": 1.2}}, "unknown_goal", "目标「7」不存在", "unknown goal"),
        ({"one_off": [{"month": "2024-13", "amount": 10}]}, "bad_month", "无法识别", "is not valid"),
        ({"one_off": [{"month": "2024-10", "amount": -10}]}, "bad_amount", "应大于 0", "greater than 0"),
        ({"one_off": [{"month": "2024-10"}]}, "missing_field", "需要 month", "needs month and amount"),
        ({"one_off": [{"month": "2024-10", "amount": 1, "goal": 0}]}, "unknown_goal", "不存在", "unknown goal"),
        ({"freeze": {"from": "九月"}}, "bad_month", "无法识别", "is not valid"),
        ({"freeze": {"from": "2024-10", "to": "2024-09"}}, "bad_range", "早于", "before the start"),
        ({"freeze": {"from": "2024-10", "sources": ["treasury"]}}, "unknown_source", "不存在", "unknown funding source"),
        ({"budget_adjustment": {"central": -20000}}, "budget_below_zero", "预算为负", "negative"),
        ({"transfers": [{"from_goal": 1, "to_goal": 1, "amount": 5}]}, "same_goal", "相同", "the same"),
        ({"transfers": [{"from_goal": 1, "to_goal": 9, "amount": 5}]}, "unknown_goal", "不存在", "unknown goal"),
        ({"unit_costs": {"new_urban_jobs": 1}}, "unknown_indicator", "不是资金驱动指标", "not a spend-driven"),
        ({"unit_costs": {"vocational_training": 0}}, "bad_amount", "应大于 0", "greater than 0"),
        ({"speed": 2}, "unknown_lever", "未知的调节参数「speed」", "unknown lever"),
        ({"pace_by_goal": [1, 2]}, "not_mapping", "键值对", "mapping"),
    ],
)
def test_bad_levers_give_clear_messages(project, levers, code, zh, en):
    doc = {"name": "bad", "levers": levers}
    probs = scenario_problems(doc, project)
    assert [p.code for p in probs] == [code]
    msg_zh = validate_scenario(doc, project)
    msg_en = validate_scenario(doc, project, lang="en")
    assert len(msg_zh) == 1 and zh in msg_zh[0] and msg_zh[0].startswith("levers.")
    assert len(msg_en) == 1 and en in msg_en[0]
    with pytest.raises(ScenarioError) as err:
        project_scenario(project, Budget(project, None), (2024, 8), doc)
    assert problem_messages(err.value.problems, "en") == msg_en


def test_valid_documents_have_no_problems(project):
    assert validate_scenario(EXAMPLE, project) == []
    to_august = budget_of(project, [(2024, m, "local", 1000.0) for m in range(1, 9)])
    assert validate_scenario(EXAMPLE, project, as_of=(2024, 8), budget=to_august) == []
    assert validate_scenario(None, project) == []
    assert validate_scenario({"name": "x"}, project) == []
    with pytest.raises(TypeError):
        validate_scenario({"name": "x"})  # the project is required: no silent default
    with pytest.raises(TypeError):
        validate_scenario(EXAMPLE, project, as_of=(2024, 8))  # the months planned follow the spending: no silent default
    to_october = budget_of(project, [(2024, m, "local", 1000.0) for m in range(1, 11)])
    assert "2024-10" in validate_scenario(EXAMPLE, project, as_of=(2024, 10), budget=to_october)[0]  # October's spending is in
    assert validate_scenario([1, 2], project)[0].startswith("情景文件应为")
    assert "levers belong inside" in validate_scenario({"name": "x", "levers": {}, "pace": 2}, project, lang="en")[0]


def test_the_checks_plan_the_months_after_the_last_month_of_spending_reported(project):
    """As of December with spending to October a one-off in November was refused (月份 2024-11 不在截至月份
    2024-12 之后) while the projection plans November; the checks now follow the spending reported
    (levers.plan_months) and say so in its words (支出数据所到月份 / the last month of spending reported)."""
    b = budget_of(project, [(2024, m, "local", 2000.0) for m in range(1, 11)])
    november = {"levers": {"one_off": [{"month": "2024-11", "amount": 100}], "freeze": {"from": "2024-11"}}}
    assert scenario_problems(november, project, (2024, 12), b) == []
    october = {"levers": {"one_off": [{"month": "2024-10", "amount": 100}], "freeze": {"from": "2024-09", "to": "2024-10"}}}
    probs = scenario_problems(october, project, (2024, 12), b)
    assert [(p.code, p.where) for p in probs] == [("month_not_planned", "levers.one_off[0].month"), ("month_not_planned", "levers.freeze")]
    assert validate_scenario(october, project, (2024, 12), budget=b) == [
        "levers.one_off[0].month：月份 2024-10 不在 2024 年支出数据所到月份 2024-10 之后：情景只改变支出数据所到月份之后的月份。",
        "levers.freeze：暂停期 2024-09–2024-10 全部在 2024 年支出数据所到月份 2024-10 及之前，不起作用。"]
    en = validate_scenario(october, project, (2024, 12), "en", budget=b)
    assert all("the last month of spending reported in 2024 (2024-10)" in m and "as-of" not in m for m in en)
    # a freeze reaching a month planned changes it; a year with no spending reported plans all its months
    assert scenario_problems({"levers": {"freeze": {"from": "2024-09", "to": "2024-11"}}}, project, (2024, 12), b) == []
    none = budget_of(project, [(2023, m, "local", 2000.0) for m in range(1, 13)])
    assert scenario_problems({"levers": {"one_off": [{"month": "2024-01", "amount": 1}]}}, project, (2024, 12), none) == []
    assert validate_scenario({"levers": {"one_off": [{"month": "2023-12", "amount": 1}]}}, project, (2024, 12), "en", budget=none) == [
        "levers.one_off[0].month: month 2023-12 is not in 2024: levers change the months of 2024 after the last month of spending reported only."]


def test_scenario_files(project, tmp_path):
    j = tmp_path / "fast.json"
    j.write_text(json.dumps(EXAMPLE, ensure_ascii=False), encoding="utf-8")
    assert scenario_from_file(j, project) == normalise_scenario(EXAMPLE, project)
    y = tmp_path / "fast.yaml"
    y.write_text("name: 加快支付\nlevers:\n  pace: 1.2\n  freeze: {from: 2024-09, to: 2024-10, sources: [local]}\n", encoding="utf-8")
    doc = scenario_from_file(y, project)
    assert doc["levers"] == {"pace": 1.2, "freeze": [{"from": "2024-09", "to": "2024-10", "sources": ["local"]}]}


@pytest.mark.parametrize(
    "name, text, code, needle",
    [
        ("a.json", '{"name": "x", "levers": {"pace": 1.2,}}', "bad_json", "第 1 行"),
        ("a.yaml", "name: x\nlevers:\n  pace: [1.2\n", "bad_yaml", "YAML"),
        ("a.json", "", "empty_file", "空"),
        ("a.yaml", "- 1\n- 2\n", "not_mapping", "JSON 对象"),
        ("a.yaml", "levers:\n  pace: -2\n", "negative_pace", "a.yaml levers.pace"),
    ],
)
def test_bad_scenario_files(project, tmp_path, name, text, code, needle):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as err:
        scenario_from_file(f, project)
    assert err.value.problems[0].code == code
    assert needle in problem_messages(err.value.problems, "zh")[0]
    assert problem_messages(err.value.problems, "en")[0]


def test_missing_scenario_file(project, tmp_path):
    with pytest.raises(ScenarioError) as err:
        scenario_from_file(tmp_path / "nope.json", project)
    assert err.value.problems[0].code == "file_not_found"
    assert "file not found" in problem_messages(err.value.problems, "en")[0]


# -- the lever registry -----------------------------------------------------------------------


def test_every_lever_is_in_the_registry_once_with_its_texts():
    from analytics.budget.levers import REGISTRY
    from analytics.present.catalogue import CATALOGUE

    names = [lv.name for lv in REGISTRY]
    assert len(names) == len(set(names)) and tuple(names) == LEVERS
    for lv in REGISTRY:
        keys = [lv.label, lv.help] + ([lv.widget.label] if lv.widget.label else []) + [f.label for f in lv.widget.fields]
        for key in keys:
            assert key in CATALOGUE and CATALOGUE[key]["zh"] and CATALOGUE[key]["en"], (lv.name, key)
        assert (lv.apply is None) == (lv.stage is None), lv.name
    assert [lv.name for lv in REGISTRY if lv.widget.primary] == ["pace"]


def test_docs_list_every_lever():
    import re

    from analytics.budget.levers import REGISTRY

    from analytics.present.catalogue import text

    doc = (Path(__file__).resolve().parents[2] / "docs" / "budget.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z_]+)` \| `[^`]*` \| ([^|]+) \|", doc, flags=re.M)
    assert [name for name, _ in rows] == [lv.name for lv in REGISTRY]
    for (name, meaning), lv in zip(rows, REGISTRY):
        assert meaning.strip() == text(lv.help, "en"), name


def test_neutral_values_are_dropped(project):
    from analytics.budget.levers import REGISTRY

    for lv in REGISTRY:
        assert normalise_scenario({"levers": {lv.name: lv.neutral}}, project)["levers"] == {}, lv.name


def test_widget_values_round_trip(project):
    from analytics.budget.widgets import inputs_for, levers_from_inputs

    canon = normalise_scenario(EXAMPLE, project)["levers"]
    canon["one_off"][0].pop("goal")  # the page edits month, amount and source of one payment
    canon = normalise_scenario({"levers": canon}, project)["levers"]
    months = [f"2024-{m:02d}" for m in range(9, 13)]
    values = inputs_for(canon, project, months)
    assert values["lv_pace"] == 1.2 and values["lv_freeze.on"] is True and values["lv_budget_adjustment.local"] == -3000
    back = normalise_scenario({"levers": levers_from_inputs(values, project)}, project)["levers"]
    assert back == canon
    reset = inputs_for({}, project, months)
    assert levers_from_inputs(reset, project) == {}
    same_goal = {**values, "lv_transfers.to_goal": values["lv_transfers.from_goal"]}
    assert "transfers" not in levers_from_inputs(same_goal, project)  # ignored until the goals differ
