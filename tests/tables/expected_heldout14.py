"""Hand-checked readings of a held-out set, tests/tables/heldout14/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Fields: emergency management, meteorology (weather modification), disabled persons' federation. The stored pages hold
each table only up to a cut; the rows before the cut are kept (same conventions as ``expected_corpus.py``).

- 奉节 应急管理局 (重庆 审批表 with 分值 / 指标解释): the three 成本指标 rows of the template are filled with ``0`` as the
  三级指标 and ``0.00%`` as the value: no indicator is named, so they must be listed as unread, never read as indicators.
  The title's ``( 2023年度)`` gives the year (the 建设周期 2025 is a slip of the office's, not the table's year).
- 亳州 人工增雨 (安徽 template, 中期 and 年度 halves side by side): the target is written as a sentence,
  ``暂定量按15次作业且总航时不少于30小时测算``: its measure is the flight hours, ``≥30 小时`` (the 15 sorties are how it
  was costed). The mid-term half repeats the annual one; the annual (2023) target is scored.
- 金安 残联 精准康复: ``=22个`` is an exact count of the towns covered (comparator ``=``); whether such a count is a flow
  or a level only the office knows (kind not scored).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout14"

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "fengjie_yingji_12350_2023.txt": {
        "kind": "财政项目支出绩效目标审批表", "year": None,
        "layout": "text-pipe (rows of cells between |, 分值 and 指标解释 columns, template rows filled with 0)",
        "rows": [
            ("12350安全生产举报奖励次数", "次", "flow", "higher", {"2023": (">=", 5)}, None),
        ],
        "unread": ["经济成本指标", "社会成本指标", "生态环境成本指标"],
    },
    "bozhou_rengong_zengyu_2023.txt": {
        "kind": "项目支出绩效目标表", "year": None,
        "layout": "text-lines (one cell a line with |, 中期 and 年度 halves side by side, vertical labels)",
        "rows": [
            ("飞机增雨作业航时", "小时", "flow", "higher", {"2023": (">=", 30)}, None),
        ],
        "unread": [],
    },
    "jinan_canlian_kangfu_2023.txt": {
        "kind": "项目支出绩效目标表", "year": None,
        "layout": "text-space (a row a line, cells separated by blanks, merged levels once, header 一级 / 指标 wrapped)",
        "rows": [
            ("签约康复人数", "人", "flow", "higher", {"2023": (">=", 18000)}, None),
            ("涉及乡镇街数量", "个", None, "higher", {"2023": ("=", 22)}, None),
            ("发放辅助器具人数", "人", "flow", "higher", {"2023": (">=", 4000)}, None),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
