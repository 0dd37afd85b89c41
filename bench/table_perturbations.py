"""How ``parse-table`` reads the real tables once they are written the other ways the same kind of
form is laid out in other places: each real table with a grid (tests/tables/corpus/ and heldout*/,
the grid its text gives, with any moved cells put back as bench/format_variants.py does) is rewritten
by each change below and saved as an .xlsx workbook and a .docx Word table with merged cells
(``<change>_docx`` in the results), and as the text one cell a line such a table gives when copied
or saved as plain text (a merged cell once, empty cells gone: ``<change>_txt``), then read and scored against
the table's own hand-checked reading (the changes keep every indicator, target, unit and year),
and beside the same table written plainly in the same format.

    .venv/bin/python bench/table_perturbations.py [--json] [--misses] [--only FOLDER|TABLE ...] [--out DIR]

Changes (each alone):
  headers      the header words of other templates: 一级指标 → 一级 / 指标类别 …, 三级指标 → 指标名称 /
               具体指标 / 考核指标 …, 指标值 → 目标值 / 年度目标值 / 预期目标值 / 指标数值 … (a value
               column's year and its target / actual meaning are kept)
  score        a 分值 column after the name, numbers in every row
  notes        a 指标解释 column after the name and a 评（扣）分标准 column at the end, in words
  index        a 序号 column first, numbering the indicator rows
  unit_column  the unit taken out of the value into a 计量单位 column (≥95% → ≥95 | %)
  sign_column  the comparator taken out of the value into a 指标方向 column (≥95% → ≥ | 95%)
  wrapped      the name and the value wrapped inside their cells (a line break, as Alt+Enter leaves)
  narrow       every cell of the header and the rows wrapped at its column's width (a level 4 Chinese
               characters wide, a name 8, a value 6, any other column 8), as a table of narrow columns
               prints: the text one cell a line then holds each cell's lines one after the other
  narrow_notes the notes columns above, then every cell wrapped as in narrow (long explanations and
               scoring rules over several lines)
  two_row_header  绩效指标 merged across the level and name columns over a second header row
               (一级指标 | 二级指标 | 三级指标), the other header cells merged down over both
  filled_levels  each level label written on every row of its block, nothing merged
  blank_column an empty column between the name and the values
  no_levels    the level columns left out (names and values only)
  footer       a blank row, notes and the sign-off lines under the table
  typed        numbers, percents and months stored as typed cells (0.95 shown as 95%, a date shown
               as 2023年12月), not as text

Printed: per change, the tables, rows, targets, units, directions, kinds, qualitative targets and
unreadable rows (bench/parse_tables.py's scoring), with each table that reads worse than its plain
rendering (``--misses``: the fields it misses). Reported, not gating (exit 0).
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from docx.exceptions import InvalidSpanError  # noqa: E402

from analytics.core.values import normalize_text  # noqa: E402
from analytics.ingest.tables.cells import header_role  # noqa: E402
from analytics.ingest.tables.layout import Layout, find_layout  # noqa: E402
from analytics.ingest.tables.lexicon import load_lexicon  # noqa: E402
from analytics.ingest.tables.sources import RawTable  # noqa: E402
from bench.format_variants import MEASURES, bench_args, cell_lines, print_measures, sum_tables, tables  # noqa: E402
from bench.parse_tables import _pct, run  # noqa: E402
from tests.tables.make_fixtures import rows_and_merges, write_docx, write_xlsx  # noqa: E402

Rows = list[list[str]]
FORMATS = ("xlsx", "docx", "txt")

#: header words of other templates, per column role (one is picked per table, in turn)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "level1": ("一级指标", "一级", "指标类别", "一级指标名称"),
    "level2": ("二级指标", "二级", "二级指标名称", "二级指标(分值)"),
    "name": ("三级指标", "指标名称", "具体指标", "指标内容", "三级指标名称", "考核指标", "绩效指标名称",
             "明细指标", "指标项", "指标名"),
    "target": ("指标值", "目标值", "年度指标值", "年度目标值", "预期目标值", "绩效目标值", "指标目标值",
               "计划值", "预期值", "绩效指标值", "全年目标值", "指标数值", "目标数值", "期望值", "考核目标值",
               "年度预期目标值", "预期指标值"),
    "actual": ("实际完成值", "完成值", "实际值", "实际完成情况", "全年实际值", "实际完成指标值", "实际达成值"),
    "unit": ("计量单位", "单位", "度量单位", "指标单位"),
}

_VALUE_UNIT = re.compile(r"^(?P<v>[≥≤><=＞＜]*\s*[-+]?\d+(?:\.\d+)?)\s*(?P<u>%|(?![年月日])[\u4e00-\u9fff/·]{1,5})$")
_SIGN = re.compile(r"^(?P<s>≥|≤|>=|<=|>|<|＞|＜|=)\s*(?P<v>.+)$")


def _body(rows: Rows, layout: Layout) -> list[int]:
    """Indices of the indicator rows: below the header, with a name and a value cell."""
    values = [c.index for c in layout.cols("value")]
    return [i for i in range(layout.header_row + 1, len(rows))
            if layout.name_col < len(rows[i]) and rows[i][layout.name_col].strip()
            and any(j < len(rows[i]) and rows[i][j].strip() for j in values)]


def _insert(rows: Rows, at: int, header: str, cells: dict[int, str], layout: Layout) -> Rows:
    """``rows`` with a column inserted at ``at``: ``header`` on the (first) header row (a second
    header row has the merged cell's blank under it), ``cells`` by row."""
    out = []
    for i, r in enumerate(rows):
        r = r + [""] * (at - len(r)) if len(r) < at else list(r)
        cell = header if i == layout.first_header_row else cells.get(i, "")
        out.append(r[:at] + [cell] + r[at:])
    return out


def headers(rows: Rows, layout: Layout, turn: int) -> Rows:
    out = [list(r) for r in rows]
    for c in layout.columns:
        role = c.value_role if c.role == "value" else c.role
        pool = SYNONYMS.get(role or "")
        if not pool or c.role == "value" and c.value_role not in ("target", "actual"):
            continue
        taken = {cell.strip() for i in range(layout.first_header_row, layout.header_row + 1) for cell in out[i]}
        word = next(w for k in range(len(pool)) if (w := pool[(turn + c.index + k) % len(pool)]) not in taken
                    or k == len(pool) - 1)  # never the header of another column (指标内容 beside 三级指标)
        if c.role == "value" and c.year is not None:
            word = f"{c.year}年{word}"
        for i in range(layout.first_header_row, layout.header_row + 1):
            if c.index < len(out[i]) and out[i][c.index].strip():
                out[i][c.index] = word
                break
    return out


def score(rows: Rows, layout: Layout, turn: int) -> Rows:
    body = _body(rows, layout)
    return _insert(rows, layout.name_col + 1, "分值", {i: str(5 + (i + turn) % 3 * 5) for i in body}, layout)


def notes(rows: Rows, layout: Layout, turn: int) -> Rows:
    body = _body(rows, layout)
    width = max(len(r) for r in rows)
    rows = _insert(rows, width, "评（扣）分标准", {i: "完成得满分，未完成按比例扣分" for i in body}, layout)
    return _insert(rows, layout.name_col + 1, "指标解释",
                   {i: f"反映{rows[i][layout.name_col].strip()[:6]}情况" for i in body}, layout)


def index(rows: Rows, layout: Layout, turn: int) -> Rows:
    body = _body(rows, layout)
    return _insert(rows, 0, "序号", {i: str(k + 1) for k, i in enumerate(body)}, layout)


def _split_values(rows: Rows, layout: Layout, header: str, pattern: re.Pattern[str], first: str, second: str,
                  unit_first: bool) -> Rows | None:
    """Each target / actual cell that ``pattern`` splits becomes two cells: ``first`` group stays,
    ``second`` goes to a new column named ``header`` (before the first value column when
    ``unit_first`` is False: a sign column; after the last: a unit column). ``None`` when the table
    already has such a column or no cell splits."""
    if layout.cols("unit") and header == "计量单位" or layout.cols("comparator") and header == "指标方向":
        return None
    values = [c.index for c in layout.cols("value") if c.value_role in ("target", "actual")]
    if not values:
        return None
    body = _body(rows, layout)
    out = [list(r) for r in rows]
    moved: dict[int, str] = {}
    for i in body:
        parts = []
        for j in values:
            cell = normalize_text(out[i][j]) if j < len(out[i]) else ""
            m = pattern.match(cell)
            parts.append(m if m else None)
        if not all(parts) or len({m.group(second) for m in parts if m}) != 1:
            continue  # every value cell of the row must split the same way
        for j, m in zip(values, parts):
            out[i][j] = m.group(first) if m else out[i][j]
        moved[i] = parts[0].group(second) if parts[0] else ""
    if not moved:
        return None
    at = values[-1] + 1 if unit_first else min(values)
    return _insert(out, at, header, moved, layout)


def unit_column(rows: Rows, layout: Layout, turn: int) -> Rows | None:
    return _split_values(rows, layout, "计量单位", _VALUE_UNIT, "v", "u", True)


def sign_column(rows: Rows, layout: Layout, turn: int) -> Rows | None:
    return _split_values(rows, layout, "指标方向", _SIGN, "v", "s", False)


def wrapped(rows: Rows, layout: Layout, turn: int) -> Rows:
    out = [list(r) for r in rows]
    values = [c.index for c in layout.cols("value")]
    for i in _body(rows, layout):
        name = out[i][layout.name_col].strip()
        if len(name) >= 6:
            out[i][layout.name_col] = name[: len(name) // 2] + "\n" + name[len(name) // 2:]
        for j in values:
            m = _SIGN.match(out[i][j].strip()) if j < len(out[i]) else None
            if m:
                out[i][j] = m.group("s") + "\n" + m.group("v")
    return out


#: a narrow column's width, in half-width characters (a Chinese character takes two), by its role
_WIDTHS = {"level1": 8, "level2": 8, "name": 16, "value": 12}
_OTHER_WIDTH = 16


def _wrap(text: str, width: int) -> str:
    """``text`` broken into lines no wider than ``width`` (a Chinese character two, a letter or digit one)."""
    lines, line, used = [], "", 0
    for ch in text:
        w = 1 if ord(ch) < 0x2E80 else 2
        if line and used + w > width:
            lines.append(line)
            line, used = "", 0
        line += ch
        used += w
    return "\n".join([*lines, line]) if line else "\n".join(lines)


def narrow(rows: Rows, layout: Layout, turn: int) -> Rows:
    """Every cell of the header and the rows below it wrapped at its column's width, as a table of
    narrow columns prints: names, levels, targets in words, signs and units cut where the line ends."""
    roles = {c.index: c.role for c in layout.columns} | {k: lv for lv, k in layout.level_cols.items()} \
        | {layout.name_col: "name"}
    out = [list(r) for r in rows]
    for i in range(layout.first_header_row, len(out)):
        for j, cell in enumerate(out[i]):
            width = _WIDTHS.get(roles.get(j) or "", _OTHER_WIDTH)
            if cell.strip() and "\n" not in cell:
                out[i][j] = _wrap(cell.strip(), width)
    return out


def narrow_notes(rows: Rows, layout: Layout, turn: int) -> Rows | None:
    """:func:`notes` (an explanation and a scoring rule in words), then :func:`narrow`: the long
    words of those columns wrapped over lines too, as most forms with such columns print."""
    noted = notes(rows, layout, turn)
    again = find_layout(RawTable("tsv", noted, [str(k + 1) for k in range(len(noted))]), load_lexicon())
    return None if again is None else narrow(noted, again, turn)


def two_row_header(rows: Rows, layout: Layout, turn: int) -> Rows | None:
    """The header as two rows: 绩效指标 over the level and name columns (merged across, in
    :func:`_write`), each other header cell merged down over both rows. ``None`` for a header that
    already has two rows, whose level columns do not stand just left of the name, or that holds
    two sets of columns."""
    spans = sorted([*layout.level_cols.values(), layout.name_col])
    if layout.first_header_row != layout.header_row or len(spans) < 2 or spans != list(range(spans[0], spans[-1] + 1)):
        return None
    h = layout.header_row
    lex = load_lexicon()
    if sum(1 for c in rows[h] if header_role(c, lex) == "level2") > 1:
        return None  # two sets of columns side by side (中期 | 年度): one header over both is another form
    top = [("绩效指标" if spans[0] <= j <= spans[-1] else c) for j, c in enumerate(rows[h])]
    below = [(c if spans[0] <= j <= spans[-1] else "") for j, c in enumerate(rows[h])]
    return rows[:h] + [top, below] + rows[h + 1:]


def _header_merges(rows: Rows) -> list[tuple[int, int, int, int]]:
    """The merges of a header written by :func:`two_row_header`: 绩效指标 across, the rest down."""
    h = next(i for i, r in enumerate(rows) if "绩效指标" in r and i + 1 < len(rows) and not any(
        c.strip() for j, c in enumerate(rows[i + 1]) if r[j] != "绩效指标" and j < len(r)))
    cols = [j for j, c in enumerate(rows[h]) if c == "绩效指标"]
    out = [(h, cols[0], h, cols[-1])]
    out += [(h, j, h + 1, j) for j, c in enumerate(rows[h]) if c.strip() and c != "绩效指标"]
    return out


def filled_levels(rows: Rows, layout: Layout, turn: int) -> Rows:
    """Each level label written on every row of its block (an export that fills merged cells
    down), so that :func:`_write` finds nothing to merge."""
    out = [list(r) for r in rows]
    for col in layout.level_cols.values():
        last = ""
        for i in range(layout.header_row + 1, len(out)):
            if col >= len(out[i]):
                continue
            if out[i][col].strip():
                last = out[i][col]
            elif last and out[i][layout.name_col if layout.name_col < len(out[i]) else 0].strip():
                out[i][col] = last
    return out


def blank_column(rows: Rows, layout: Layout, turn: int) -> Rows:
    """An empty column between the name and the first value (a spacer left in a workbook)."""
    return _insert(rows, layout.name_col + 1, "", {}, layout)


def no_levels(rows: Rows, layout: Layout, turn: int) -> Rows | None:
    """The level columns left out: the name and its values only (a short list of targets)."""
    drop = set(layout.level_cols.values())
    if not drop:
        return None
    lex = load_lexicon()
    out = []
    for i, r in enumerate(rows):
        if i > layout.header_row and layout.name_col < len(r) and not r[layout.name_col].strip() \
                and any(lex.level_word(normalize_text(c)) for c in r if c.strip()):
            continue  # a row holding only a level label
        out.append([c for j, c in enumerate(r) if j not in drop or i < layout.first_header_row])
    return out


def footer(rows: Rows, layout: Layout, turn: int) -> Rows:
    """Lines under the table: a blank row, notes and the sign-off of the form."""
    width = max(len(r) for r in rows)
    pad = lambda cells: cells + [""] * (width - len(cells))  # noqa: E731
    return rows + [pad([]), pad(["备注：1.指标值按年度填写；2.定性指标填写“达成”“部分达成”或“未达成”。"]),
                   pad(["填报人：张三", "", "联系电话：0769-12345678"]), pad(["单位负责人（签字）：", "", "填报日期：2024年1月10日"])]


def typed(rows: Rows, layout: Layout, turn: int) -> Rows:
    """The rows as they are; :func:`_write` stores their numbers, percents and months as typed cells."""
    return rows


CHANGES: dict[str, Callable[[Rows, Layout, int], Rows | None]] = {
    "plain": lambda rows, layout, turn: rows,
    "headers": headers, "score": score, "notes": notes, "index": index,
    "unit_column": unit_column, "sign_column": sign_column, "wrapped": wrapped, "typed": typed,
    "two_row_header": two_row_header, "filled_levels": filled_levels, "blank_column": blank_column,
    "no_levels": no_levels, "footer": footer, "narrow": narrow, "narrow_notes": narrow_notes,
}


_NUMBER = re.compile(r"\d{1,9}(\.\d{1,4})?")
_PERCENT = re.compile(r"(\d{1,3}(\.\d{1,2})?)%")
_MONTH = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月")


def _write(rows: Rows, path: Path, typed: bool = False, header: bool = False) -> None:
    """``rows`` as a workbook (``path`` ends in .xlsx) or a Word table (.docx) with merged level
    labels, keeping line breaks inside cells; ``header``: the header merges of
    :func:`two_row_header`; ``typed`` (a workbook): the value cells below the header that are a bare
    number, a percent or a month are stored as numbers and dates with their display format (0.95
    shown as 95%, a date shown as 2023年12月), as a workbook typed in by hand holds them."""
    grid, merges = rows_and_merges([[c.replace("\n", "\u23ce") for c in r] for r in rows])
    if header:
        top = _header_merges(grid)
        merges = [m for m in merges if not any(a[0] <= m[2] and m[0] <= a[2] and a[1] <= m[3] and m[1] <= a[3]
                                               for a in top)] + top
    grid = [[c.replace("\u23ce", "\n") for c in r] for r in grid]
    if path.suffix == ".txt":  # one cell a line (a cell's line breaks, as Alt+Enter leaves them, kept)
        path.write_text(cell_lines(grid, merges), encoding="utf-8")
        return
    if path.suffix == ".docx":
        write_docx(grid, merges, path)
        return
    write_xlsx(grid, merges, path)
    if typed:
        _type_cells(grid, path)


def _type_cells(grid: Rows, path: Path) -> None:
    import datetime as dt

    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb.active
    layout = find_layout(RawTable("tsv", grid, [str(k + 1) for k in range(len(grid))]), load_lexicon())
    cols = {c.index for c in layout.cols("value")} if layout else set()
    for i in range((layout.header_row + 1) if layout else len(grid), len(grid)):
        for j in cols:
            cell = ws.cell(row=i + 1, column=j + 1)
            text = str(cell.value or "").strip()
            if _NUMBER.fullmatch(text):
                cell.value = float(text) if "." in text else int(text)
            elif m := _PERCENT.fullmatch(text):
                cell.value, cell.number_format = float(m.group(1)) / 100, "0%" if "." not in m.group(1) else "0.0%"
            elif (m := _MONTH.fullmatch(text)) and 1 <= int(m.group(2)) <= 12:
                cell.value, cell.number_format = dt.datetime(int(m.group(1)), int(m.group(2)), 1), 'yyyy"年"m"月"'
    wb.save(path)


def measure(only: list[str] | None = None, out_dir: Path | None = None) -> dict[str, Any]:
    lex = load_lexicon()
    found, _ = tables(only)
    cases: dict[str, list[tuple[str, bytes, dict[str, Any]]]] = {}
    labels: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="perturb_") as tmp:
        base = out_dir or Path(tmp)
        for turn, t in enumerate(found):
            rows, _ = t.put_back or t.as_copied
            rows = [list(r) for r in rows]
            layout = find_layout(RawTable("tsv", rows, [str(k + 1) for k in range(len(rows))]), lex)
            if layout is None:
                continue
            for change, fn in CHANGES.items():
                new = fn(rows, layout, turn)
                if new is None:
                    continue
                for fmt in FORMATS if change != "typed" else ("xlsx",):  # a Word table holds no typed cells
                    key = change if fmt == "xlsx" else f"{change}_{fmt}"
                    path = base / change / t.folder / f"{t.path.stem}.{fmt}"
                    path.parent.mkdir(parents=True, exist_ok=True)
                    try:
                        _write(new, path, typed=change == "typed", header=change == "two_row_header")
                    except (StopIteration, ValueError, InvalidSpanError):
                        continue  # no header row to merge under, or merges a Word table cannot hold
                    name = f"{change}/{t.folder}/{t.path.stem}.{fmt}"
                    labels[name] = t.label
                    cases.setdefault(key, []).append((name, path.read_bytes(), {**t.expected, "layout": key}))
        results = {c: run(cs) for c, cs in cases.items() if cs}
    plains = {fmt: {labels[r["file"]]: r for r in results["plain" if fmt == "xlsx" else f"plain_{fmt}"]["tables"]}
              for fmt in FORMATS}
    out: dict[str, Any] = {"changes": {}, "worse": {}}
    for change, res in results.items():
        out["changes"][change] = {"tables": len(res["tables"]), **sum_tables(res["tables"]),
                                  "max_seconds": res["max_seconds"]}
        if change.startswith("plain"):
            continue
        for r in res["tables"]:
            p = plains[r["file"].rsplit(".", 1)[1]].get(labels[r["file"]])
            if p and (any(r[k][0] < p[k][0] for k in MEASURES) or r["extra"][0] > p["extra"][0]):
                out["worse"].setdefault(change, []).append(
                    {"table": labels[r["file"]], "rows": r["rows"], "targets": r["targets"], "units": r["units"],
                     "plain_targets": p["targets"],
                     "misses": [m for m in r["misses"] if m not in set(p["misses"])]})
    return out


def main(argv: list[str] | None = None) -> int:
    args = bench_args(argv, __doc__.splitlines()[0], "list the fields each worse table misses",
                      "keep the written workbooks and Word files in this folder")
    res = measure(args.only, args.out)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return 0
    print("the real tables with a grid, each rewritten as other templates lay the same form out (.xlsx, .docx);"
          " reported, not gating")
    print_measures("change", res["changes"], width=19)
    for change, rows in res["worse"].items():
        print(f"\n{change}: {len(rows)} tables read worse than the plain workbook")
        for r in rows:
            print(f"  {r['table']:<44} rows {_pct(*r['rows'])}  targets {_pct(*r['targets'])}"
                  f" (plain {_pct(*r['plain_targets']).strip()})")
            for line in r["misses"][:8] if args.misses else []:
                print(f"      miss: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
