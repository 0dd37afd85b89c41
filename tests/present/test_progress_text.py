"""analytics.present.progress_text: the sentences of progress rows (总览's changes since last month)."""

from __future__ import annotations

import dataclasses

from analytics.present.progress_text import FIRST_DATA_GROUPED, changes
from analytics.rules.progress import evaluate_all


def test_changes_list_each_move_and_group_many_first_data(dataset):
    rows = evaluate_all(dataset.project, dataset.actuals, dataset.budget, 2024, (2024, 8), with_previous=False)
    rows = [r for r in rows if r.status == "on_track"]
    assert len(rows) > FIRST_DATA_GROUPED
    moved = dataclasses.replace(rows[0], previous_status="lagging")
    first = [dataclasses.replace(r, previous_status="no_data") for r in rows[1:]]
    same = dataclasses.replace(rows[0], indicator_id=rows[0].indicator_id, previous_status="on_track")
    lines = changes(dataset.project, [moved, *first, same], "zh")
    name = dataset.project.indicator(rows[0].indicator_id).name
    assert lines[0] == f"{name}：■ 滞后 → ● 正常" and len(lines) == 2
    assert lines[1] == f"本月首次有数据的指标 {len(first)} 项：● 正常 {len(first)} 项"
    # a few first data are listed one by one, like any other change
    few = first[: FIRST_DATA_GROUPED - 1]
    assert len(changes(dataset.project, few, "en")) == len(few) and all("No data" in ln for ln in changes(dataset.project, few, "en"))


def test_a_yes_no_whose_target_is_no_is_said_yes_or_no(project):
    from analytics.present.labels import value_said
    from tests.rules.test_progress import no_target_project

    proj, iid = no_target_project(project)
    ind = proj.indicator(iid)
    assert (value_said(ind, 0.0), value_said(ind, 1.0), value_said(ind, 0.0, "en")) == ("否", "是", "No")
    assert value_said(project.indicator(iid), 1.0) == "已实现"  # a target 是: achieved, as before
