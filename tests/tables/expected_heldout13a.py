"""Hand-checked readings of a held-out set (first half), tests/tables/heldout13/: real published tables from sources used
nowhere else in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()``
writes one ``<fixture>.expected.json`` beside each. The folder is not named ``heldout*`` so that
``bench/parse_tables.py`` does not pick it up before its first measurement.

Fields of this half: education, health, civil affairs / social assistance, culture and sport, employment and social
security, public security / justice, whole-department tables.

Same format and conventions as ``expected_corpus.py`` and the held-out sets (their helpers are reused: ``Q`` a
qualitative target, ``("due", "2023-12")`` a deadline, ``None`` where only the office could know, a comparator of
``None`` when only the value is scored; a bare number reads as ``>=`` for a higher-is-better indicator and as ``<=`` for
a lower-is-better one; a copy cut off inside a row keeps the rows before the cut only, and the cut fragment is left out
of the fixture). Also read this way here:

- 成安 民政局 (河北 template 年度预算项目绩效自评表): the 预期指标值 is split into a 符号 column (``>=``), a value and a
  单位(文字描述) column (``%(百分比)``). The comparator is the 符号 cell; the unit ``%(百分比)`` is read as ``%`` (the
  bracket spells the same unit out, as ``≥98百分比`` is ``%`` in held-out 9). The cell after the 三级指标 name
  (``享受补贴政策人数占符合条件申报对象总数的比例``) explains the indicator and is not part of its name. The
  单项指标实际完成值 (``100%``) is the actual; the three score columns (指标分值 / 单项指标得分 / 折算得分) are not read.
  The table holds four indicators only (the office's whole table: the template's last row 预算执行率 is empty in the copy
  and left out).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout13"

Y20 = "2020"


def _rate_actual(name: str, year: str, value: float, actual: float, cmp: str = ">=") -> tuple[Any, ...]:
    """A percentage target, higher is better, with its actual."""
    return (name, "%", "rate", "higher", {year: (cmp, value)}, {year: actual})


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "chengan_gaoling_jintie_ziping_2020.txt": {
        "kind": "年度预算项目绩效自评表", "year": None,
        "layout": "text-space (one row a line, cells run together with spaces; 符号 / value / 单位(文字描述) columns, "
                  "explanation cell after the name, 单项指标实际完成值)",
        "rows": [
            _rate_actual("符合条件申报对象覆盖率", Y20, 98, 100),
            _rate_actual("完成率", Y20, 99, 100),  # 时效指标: share approved in time each month
            _rate_actual("补贴发放率", Y20, 75, 100),
            _rate_actual("服务对象满意度", Y20, 95, 100),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
