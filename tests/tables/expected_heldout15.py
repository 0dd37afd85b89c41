"""Hand-checked readings of a held-out set, tests/tables/heldout15/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

- 南岳 资产收益扶贫 (湖南 扶贫 template, the same office as the corpus's ``nanyue_fupin_2018`` but another project and
  another copy: the page's text, cells separated by blanks). The year is the project's (``2018年南岳镇…``). The return
  ratio ``第一年按总投资额返本20%,分红按8%分红`` states two figures for two things: a criterion in words, tracked as
  qualitative. ``每年12月底前`` is a deadline each year: December of the table's year. ``=5年`` (the number of years
  the returns run) is a fixed term, exactly 5; ``=23万元/个`` a standard per cooperative, exactly that (a cost
  standard: lower is not better here, the office fixed it; direction not scored). Whether a count of cooperatives or of
  people who joined is a flow or a level only the office knows (kind not scored where it is a count of members).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout15"
Q = corpus.Q
Y = "2018"

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "nanyue_zichan_shouyi_2018.txt": {
        "kind": "绩效目标申报表（扶贫）", "year": None,
        "layout": "text-space (a row a line, cells separated by blanks, merged levels once, template hints in names)",
        "rows": [
            ("贫困地区贫困人口加入合作社、村集体经济组织人数", "人", None, "higher", {Y: (">=", 1102)}, None),
            ("资产入股贫困人口总数", "人", None, "higher", {Y: (">=", 1102)}, None),
            ("入股合作社个数", "个", None, "higher", {Y: ("=", 10)}, None),
            ("返本分红比例", "", "qualitative", None, {Y: Q}, None),
            ("每年返本分红时间", "", "milestone", None, {Y: ("due", "2018-12")}, None),
            ("返本分红分几年", "年", None, None, {Y: ("=", 5)}, None),
            ("补助合作社平均标准", "万元/个", "level", None, {Y: ("=", 23)}, None),
            ("资产股权年收益率", "%", "rate", "higher", {Y: (">=", 8)}, None),
            ("贫困户全年返本分红总额", "万元", "flow", "higher", {Y: ("=", 46.16)}, None),
            ("受益建档立卡贫困人口数", "人", "flow", "higher", {Y: (">=", 1102)}, None),
            ("资产入股贫困人口满意度", "%", "rate", "higher", {Y: (">=", 95)}, None),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
