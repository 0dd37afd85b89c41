"""The names one target in a sentence is written for (analytics/ingest/tables/shared.py)."""

from __future__ import annotations

import pytest

from analytics.ingest.tables.shared import shared_names


@pytest.mark.parametrize("name, before, names", [
    ("早孕建册率和产后访视率分别", "", ["早孕建册率", "产后访视率"]),
    ("传染病、突发公共卫生事件报告率分别", "", ["传染病报告率", "突发公共卫生事件报告率"]),
    ("规范管理率分别", "高血压、2型糖尿病患者管理人数稳步提高", ["高血压患者规范管理率", "2型糖尿病患者规范管理率"]),
    ("规范管理率", "严重精神障碍患者管理人数稳步提高", ["严重精神障碍患者规范管理率"]),
    ("中医药健康管理服务目标人群(辖区内65岁及以上居民和0-36个月儿童)中医药健康管理率分别", "",
     ["65岁及以上居民中医药健康管理率", "0-36个月儿童中医药健康管理率"]),
    ("高血压、2型糖尿病患者管理人数", "", ["高血压、2型糖尿病患者管理人数"]),  # no measure each: one name
    ("报告发现的结核病患者(包括耐多药患者)管理率", "", ["报告发现的结核病患者(包括耐多药患者)管理率"]),  # no 分别
    ("规范管理率", "以县为单位", ["规范管理率"]),  # the part before names no one
])
def test_the_names_a_target_is_written_for(name: str, before: str, names: list[str]) -> None:
    assert shared_names(name, before) == names
