"""A target table kept as JSON (a system's export or a tool's saved data): a grid as lists of
cells (``[["一级指标", "二级指标", …], ["产出指标", "", …]]``; a cell covered by a merged cell is
``""`` or ``null``, as in a text), records (one object a row: its keys are the header), several
grids in a list (a page's tables), or a page's text as
one JSON string (``"财政项目支出绩效目标申报表\\n（2026年度）\\n…"``, also a line cut out of a
JSON list: indented, a comma after it). An object is read by its values in order (its strings as
text, its grids as rows). Anything else in JSON (numbers, records without a grid) gives no table:
the text is then read as text.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["json_content"]

_MAX_DEPTH = 6  # nesting looked into: an object holding pages holding tables holding rows


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def _is_grid(value: Any) -> bool:
    """A list of rows, each a list of cells (at least two rows, one with two cells or more)."""
    return isinstance(value, list) and len(value) >= 2 and all(isinstance(r, list) and all(_scalar(c) for c in r)
                                                               for r in value) and any(len(r) >= 2 for r in value)


def _records(value: Any) -> list[list[Any]] | None:
    """Records (``[{"三级指标": "…", "指标值": "≥95%"}, …]``: a system's export, one object a row) as a
    grid: the keys of the records in the order first met, then each record's values under them."""
    if not (isinstance(value, list) and len(value) >= 2 and all(isinstance(r, dict) and r for r in value)):
        return None
    if not all(_scalar(v) for r in value for v in r.values()):
        return None
    keys: list[str] = []
    for r in value:
        keys.extend(k for k in r if k not in keys)
    return [keys] + [[r.get(k) for k in keys] for r in value]


def _walk(value: Any, depth: int, texts: list[str], rows: list[list[str]], refs: list[str], max_cells: int) -> None:
    if depth > _MAX_DEPTH or sum(len(r) for r in rows) > max_cells:
        return
    if isinstance(value, str):
        if value.strip():
            texts.append(value)
        return
    value = _records(value) or value
    if _is_grid(value):
        grid = len({ref.split(":")[0] for ref in refs}) + 1
        for k, row in enumerate(value, start=1):
            rows.append([_cell(c) for c in row])
            refs.append(f"T{grid}:{k}")
        return
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for item in items:
        _walk(item, depth + 1, texts, rows, refs, max_cells)


def json_content(text: str, max_cells: int) -> tuple[str | None, list[list[str]], list[str]] | None:
    """(text, rows, refs) of a JSON text: the grids' rows with their places (``T2:5``: row 5 of the
    second grid), or, when it holds no grid, its strings joined as one text to read as a text;
    ``None`` when ``text`` is no JSON (or JSON without a table's text: numbers, an empty list)."""
    body = text.strip().lstrip("\ufeff")
    if not body or body[0] not in "[{\"":
        return None
    try:
        value = json.loads(body)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than any table: read as text
        if not body.startswith('"'):
            return None
        try:  # a line out of a JSON list: "…\n…",
            value = json.loads(body.rstrip().rstrip(","))
        except (ValueError, RecursionError):
            return None
    texts: list[str] = []
    rows: list[list[str]] = []
    refs: list[str] = []
    _walk(value, 0, texts, rows, refs, max_cells)
    if rows:
        return None, rows, refs
    joined = "\n".join(texts)
    return (joined, [], []) if joined.strip() and (len(texts) > 1 or "\n" in joined) else None
