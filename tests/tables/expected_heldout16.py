"""Hand-checked readings of a held-out set, tests/tables/heldout16/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

- 南岳 雨露计划 (湖南 专项 template, 三级指标内容 / 指标值及单位): ``逾期发放率 >=100%`` is the office's slip (an overdue
  rate written with ≥): the written comparator is read as written, its direction is not scored. ``>=101人/次`` counts
  households applying (人/次 as written). The cut 成本指标 row is left out.
- 乐昌 中职 助学金 (a mirror in traditional characters, pinyin notes after some characters: 學(xué)): the table is a
  区域绩效目标表 under a notice's allocation table. ``应受助学生数 100%``: a count named, a share given: 100% of the
  students entitled (a rate, higher is better). 实际完成值 is empty (no actuals).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout16"

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "nanyue_yulu_jiuxue_2023.txt": {
        "kind": "雨露计划绩效目标申报表", "year": None,
        "layout": "text-pipe (rows between |, runs of | for empty cells, 三级指标内容 / 指标值及单位)",
        "rows": [
            ("年度申请就学补助户数", "人/次", "flow", "higher", {"2023": (">=", 101)}, None),
            ("逾期发放率", "%", "rate", None, {"2023": (">=", 100)}, None),
            ("就学补助及时发放率", "%", "rate", "higher", {"2023": (">=", 100)}, None),
        ],
        "unread": [],
    },
    "lechang_zhongzhi_zhuxuejin_2018.txt": {
        "kind": "区域绩效目标表（中职助学金）", "year": None,
        "layout": "text-pipe (traditional characters with pinyin notes, an allocation table above, 指标值 / 实际完成值)",
        "rows": [
            ("中等职业学校国家助学金应受助学生数", "%", "rate", "higher", {"2018": (">=", 100)}, None),
            ("中职免学费应受助学生数", "%", "rate", "higher", {"2018": (">=", 100)}, None),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
