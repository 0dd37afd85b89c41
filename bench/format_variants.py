"""How well ``parse-table`` reads the same real tables as the files people hold: every table of
tests/tables/corpus/ and tests/tables/heldout*/ whose text splits into a grid of cells is rendered as
an .xlsx workbook with merged cells and as a .docx Word table with the same merges, and each file is
scored against the table's hand-checked reading beside the source text itself.

    .venv/bin/python bench/format_variants.py [--json] [--misses] [--only FOLDER|TABLE ...] [--out DIR]

The grid is the reader's own split of the text (``analytics.ingest.tables.sources.split_text``);
cells, merged ranges and files come from tests/tables/make_fixtures.py (``rows_and_merges``,
``write_xlsx``, ``write_docx``): a label in a level column merged over its block, labels of the facts
above the table merged over their rows, a title row merged across. Tables whose text gives no grid
(one cell per line, or no header row among the split rows) are skipped and counted by reason. The
scoring is bench/parse_tables.py's (``run``, ``score``, ``misses``). The files are written to a
temporary directory (or kept in ``--out DIR``, as ``DIR/<folder>/<table>.xlsx|.docx``).

A text keeps each cell under its column when it is a tab-separated copy; a web copy often does not:
it leaves out the cells covered by a merged cell (the row shifts left) or moves a row's empty cells
to its end, and the reader puts the cells back when it reads the text. Such a table is "moved" (by
the reader's own signs: ``is_compacted``, or ``needs_realign`` on a third of the rows under the header
or more). A workbook or Word file of it holds each cell under its column, so its files are rendered
from the rows with the cells put back as the reader puts them back (``find_layout``, ``realign``);
its files rendered with the cells where the copy has them (in ``DIR/<folder>/as_copied/``) are scored
too, as "as copied", and show what the shift alone costs.

Printed: per group (all, in place, moved, moved as copied) and format the tables, rows, targets,
units, directions, kinds, qualitative targets and unreadable rows; targets per folder; the skipped
tables by reason; each table where a rendered file reads worse than its text (``--misses``: with the
fields the file misses and the text reads right). Reported, not gating (exit 0).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from analytics.ingest.tables.layout import find_layout, infer_level_cols  # noqa: E402
from analytics.ingest.tables.lexicon import load_lexicon  # noqa: E402
from analytics.ingest.tables.raw import RawTable  # noqa: E402
from analytics.ingest.tables.reading import read_grid  # noqa: E402
from analytics.ingest.tables.realign import is_compacted, needs_realign, realign, row_scores  # noqa: E402
from analytics.ingest.tables.sources import split_text  # noqa: E402
from bench.parse_tables import TABLES, _pct, _text_bytes, heldout_folders, run  # noqa: E402
from tests.tables.make_fixtures import rows_and_merges, source_text, write_docx, write_xlsx  # noqa: E402

FORMATS = ("text", "xlsx", "docx", "lines", "web", "word")
AS_COPIED = ("xlsx_as_copied", "docx_as_copied")  # the files of a moved table with its cells as copied
MEASURES = ("rows", "targets", "units", "directions", "kinds", "qualitative", "unread")
#: group → (its formats, what it holds)
GROUPS: dict[str, tuple[tuple[str, ...], str]] = {
    "all": (FORMATS, "every table with a grid"),
    "in_place": (FORMATS, "cells under their columns in the text (tab-separated copies)"),
    "moved": (FORMATS, "cells moved in the text (web copies): the files rendered with the cells put back"),
    "moved_as_copied": (("text", *AS_COPIED), "the same tables' files rendered with the cells where the copy"
                                              " has them (a shift no workbook or Word file holds)"),
}
MOVED_SHARE = 1 / 3  # rows under the header the reader must put back before a text counts as "moved"

Case = tuple[str, bytes, dict[str, Any]]
Grid = tuple[list[list[str]], list[tuple[int, int, int, int]]]


@dataclass
class Table:
    """One source table with a grid: where it is, its expected reading and what to render."""

    folder: str
    path: Path
    expected: dict[str, Any]
    as_copied: Grid
    moved: str = ""  # why the text's cells are not under their columns ("" when they are)
    put_back: Grid | None = None  # the grid with the cells put back (a moved table)
    names: dict[str, str] = field(default_factory=dict)  # case name per format, once rendered

    @property
    def label(self) -> str:
        return f"{self.folder}/{self.path.stem}"

    @property
    def group(self) -> str:
        return "moved" if self.moved else "in_place"


def _folders() -> list[Path]:
    return [TABLES / "corpus"] + heldout_folders()


def _grid(rows: list[list[str]], fmt: str) -> Grid | str:
    """make_fixtures' cells and merges of ``rows``, or why they give none."""
    if max((len(r) for r in rows), default=0) < 2:
        return f"no grid: the text splits one cell per line ({fmt})"
    try:
        return rows_and_merges([list(r) for r in rows])
    except (StopIteration, ValueError):
        return f"no header row among the split rows ({fmt})"


def placement(path: Path) -> tuple[str, list[list[str]]]:
    """Why the cells of the text at ``path`` are not under their columns (a web copy with empty
    cells moved to the row end, or rows starting right of their column because the merged cells on
    their left were left out; "" when they are in place), and its rows with each row the reader
    would realign put back under its columns: each form's rows under its own header (a second form
    below the first, from the row where the reader ends the first)."""
    lex = load_lexicon()
    raw = split_text(source_text(path))
    why, rows, _ = _put_back(raw, lex)
    return why, rows


def _put_back(raw: RawTable, lex: Any) -> tuple[str, list[list[str]], int]:
    """``placement`` of the rows of ``raw``: why they moved, the rows put back, and how many rows the
    first form holds before the next form's rows (put back the same way, under their own header)."""
    layout = find_layout(raw, lex)
    if layout is None:
        return "", raw.rows, len(raw.rows)
    infer_level_cols(raw, layout, lex)  # level words under a column headed otherwise (指标类型), as the reader takes them
    compact = is_compacted(raw, layout)
    scores = row_scores(raw, layout, lex) if compact else frozenset()
    head = layout.header_row + 1
    reading = read_grid(raw, lex, None, "")
    after = next((s["where"] for s in getattr(reading, "skipped", []) if s["reason"] == "after_table"), None)
    end = raw.refs.index(after) if after in raw.refs[head:] else len(raw.rows)
    body = [r for r in raw.rows[head:end] if any(c.strip() for c in r)]
    shifted = sum(1 for r in body if needs_realign(r, layout, lex))
    rows = raw.rows[:head] + [realign(r, layout, lex, compact, scores) if compact or needs_realign(r, layout, lex)
                              else r for r in raw.rows[head:end]]
    if end < len(raw.rows):
        rows += _put_back(RawTable(raw.fmt, raw.rows[end:], raw.refs[end:]), lex)[1]
    if compact:
        return f"{raw.fmt}: empty cells moved to the row end", rows, end
    if body and shifted >= MOVED_SHARE * len(body):
        return f"{raw.fmt}: {shifted} of {len(body)} rows start right of their column", rows, end
    return "", rows, end


def tables(only: list[str] | None = None) -> tuple[list[Table], list[tuple[str, str]]]:
    """Every table with a grid (in folder order, then by name) and (table, reason) of those skipped.
    ``only`` keeps the tables whose folder or name (stem) is listed."""
    found: list[Table] = []
    skipped: list[tuple[str, str]] = []
    for folder in _folders():
        for exp_path in sorted(folder.glob("*.expected.json")):
            exp = json.loads(exp_path.read_text(encoding="utf-8"))
            path = folder / exp["file"]
            if only and folder.name not in only and path.stem not in only:
                continue
            raw = split_text(source_text(path))
            grid = _grid(raw.rows, raw.fmt)
            if isinstance(grid, str):
                skipped.append((f"{folder.name}/{path.stem}", grid))
                continue
            table = Table(folder.name, path, exp, grid)
            table.moved, rows = placement(path)
            if table.moved:
                put_back = _grid(rows, raw.fmt)
                table.put_back = put_back if not isinstance(put_back, str) else None
                table.moved += "" if table.put_back else "; no grid once put back (rendered as copied)"
            found.append(table)
    return found, skipped


def render(table: Table, out_dir: Path) -> dict[str, Path]:
    """Write ``table`` as ``out_dir/<folder>/<table>.xlsx`` and ``.docx`` (a moved table with its cells
    put back; and as copied, in ``<folder>/as_copied/``); their paths by format."""
    folder = out_dir / table.folder
    grids = {"": table.put_back or table.as_copied}
    if table.moved:
        grids["_as_copied"] = table.as_copied
    paths = {}
    for tail, (rows, merges) in grids.items():
        where = folder / tail.strip("_")
        where.mkdir(parents=True, exist_ok=True)
        paths["xlsx" + tail] = where / f"{table.path.stem}.xlsx"
        paths["docx" + tail] = where / f"{table.path.stem}.docx"
        write_xlsx(rows, merges, paths["xlsx" + tail])
        write_docx(rows, merges, paths["docx" + tail])
        if not tail:
            for fmt, write in (("lines", cell_lines), ("web", web_copy), ("word", word_copy)):
                paths[fmt] = where / f"{table.path.stem}.{fmt}.txt"
                paths[fmt].write_text(write(rows, merges), encoding="utf-8")
    return paths


def cell_lines(rows: list[list[str]], merges: list[tuple[int, int, int, int]] | None = None) -> str:
    """The grid as a text with one cell a line, a merged cell once and empty cells left out: what a
    web page's or a Word file's table gives when saved or copied as plain text one cell a line."""
    return "\n".join(c.strip() for r in rows for c in r if c.strip()) + "\n"


def _covered(merges: list[tuple[int, int, int, int]]) -> set[tuple[int, int]]:
    """The cells a merged cell covers (all of its range but its first cell)."""
    return {(r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
            if (r, c) != (r0, c0)}


def web_copy(rows: list[list[str]], merges: list[tuple[int, int, int, int]]) -> str:
    """The grid as a browser copies a web page's table: a row a line, cells apart by tabs, the
    cells a merged cell covers left out (a row under merged labels starts with its own cells) and
    empty cells kept."""
    covered = _covered(merges)
    return "\n".join("\t".join(c.strip() for j, c in enumerate(r) if (i, j) not in covered)
                     for i, r in enumerate(rows) if any(c.strip() for c in r)) + "\n"


def word_copy(rows: list[list[str]], merges: list[tuple[int, int, int, int]] | None = None) -> str:
    """The grid as a Word table copied as plain text (the form the seed table came in): each cell on
    a line of its own after a tab, an empty or covered cell an empty one, a blank line after each row."""
    return "\n\n".join("\n".join("\t" + c.strip() for c in r) for r in rows if any(c.strip() for c in r)) + "\n"


def format_cases(found: list[Table], out_dir: Path) -> dict[str, list[Case]]:
    """Per format, the cases of the tables (the source text, the files rendered into ``out_dir``);
    each table's ``names`` says which case is its own."""
    out: dict[str, list[Case]] = {f: [] for f in FORMATS + AS_COPIED}
    for t in found:
        t.names["text"] = f"{t.folder}/{t.path.name}"
        out["text"].append((t.names["text"], _text_bytes(t.path), {**t.expected, "layout": "text"}))
        for fmt, path in render(t, out_dir).items():
            t.names[fmt] = path.relative_to(out_dir).as_posix()
            out[fmt].append((t.names[fmt], path.read_bytes(), {**t.expected, "layout": fmt}))
    return out


def _worse(text: dict[str, Any], other: dict[str, Any]) -> list[str]:
    """The measures on which ``other`` (a rendered file's scores) falls below the text's."""
    out = [k for k in MEASURES if other[k][0] < text[k][0]]
    return out + (["extra"] if other["extra"][0] > text["extra"][0] else [])


def compare(found: list[Table], results: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Per table: its scores per format, and per rendered format the measures it reads worse than
    its text with the missed fields the text reads right (``new_misses``)."""
    by_name = {fmt: {t["file"]: t for t in res["tables"]} for fmt, res in results.items()}
    out = []
    for t in found:
        per = {fmt: by_name[fmt][name] for fmt, name in t.names.items()}
        row: dict[str, Any] = {"table": t.label, "file": t.expected["file"], "group": t.group, "moved": t.moved}
        for fmt, scores in per.items():
            row[fmt] = {k: scores[k] for k in (*MEASURES, "extra", "seconds")}
        for fmt in (f for f in per if f != "text"):
            worse = _worse(per["text"], per[fmt])
            if worse:
                text_misses = set(per["text"]["misses"])
                row.setdefault("worse", {})[fmt] = {
                    "measures": worse,
                    "new_misses": [m for m in per[fmt]["misses"] if m not in text_misses],
                    "shared_misses": sum(1 for m in per[fmt]["misses"] if m in text_misses)}
        out.append(row)
    return out


def _aggregate(rows: list[dict[str, Any]], formats: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """Per format: the tables, [hits, total] of each measure summed over ``rows`` (the per-table
    results of :func:`compare`), the extra rows and the longest reading."""
    out: dict[str, dict[str, Any]] = {}
    for fmt in formats:
        agg: dict[str, Any] = {"tables": len(rows)}
        for k in (*MEASURES, "extra"):
            agg[k] = [sum(r[fmt][k][0] for r in rows), sum(r[fmt][k][1] for r in rows)]
        agg["max_seconds"] = max((r[fmt]["seconds"] for r in rows), default=0.0)
        out[fmt] = agg
    return out


def measure(only: list[str] | None = None, out_dir: Path | None = None) -> dict[str, Any]:
    """Render, read and score every table with a grid (see the module's help); the whole result:
    figures per group and format, targets per folder, per-table scores, the skipped tables."""
    found, skipped = tables(only)
    if not found:
        return {"groups": {}, "folders": {}, "tables": [], "skipped": skipped}
    with tempfile.TemporaryDirectory(prefix="format_variants_") as tmp:
        cases = format_cases(found, out_dir or Path(tmp))
        results = {fmt: run(c) for fmt, c in cases.items() if c}
    per_table = compare(found, results)
    groups: dict[str, dict[str, dict[str, Any]]] = {}
    for g, (formats, _) in GROUPS.items():
        rows = [r for r in per_table if g == "all" or g.split("_as_")[0] == r["group"]]
        groups[g] = _aggregate(rows, formats) if rows else {}
    folders: dict[str, dict[str, Any]] = {}
    for t, row in zip(found, per_table):
        agg = folders.setdefault(t.folder, {"tables": 0, **{fmt: [0, 0] for fmt in FORMATS}})
        agg["tables"] += 1
        for fmt in FORMATS:
            agg[fmt] = [agg[fmt][0] + row[fmt]["targets"][0], agg[fmt][1] + row[fmt]["targets"][1]]
    return {"groups": groups, "folders": folders, "tables": per_table, "skipped": skipped}


def _print_groups(res: dict[str, Any]) -> None:
    """One block per group: a line per format, in parse_tables.py's style."""
    for group, aggs in res["groups"].items():
        if not aggs:
            continue
        print(f"\n{group}: {GROUPS[group][1]}")
        print_measures("format", {fmt.replace("_", " "): o for fmt, o in aggs.items()})


def print_measures(heading: str, rows: dict[str, dict[str, Any]], width: int = 16) -> None:
    """A heading line, then one line per row: its tables, each measure as a share, the extra rows
    and the longest reading (``rows``: label → the figures of :func:`_aggregate`)."""
    print(f"{heading:<{width}} {'tables':>6}  " + "  ".join(f"{c:<17}" for c in MEASURES) + "  extra  max s")
    for label, o in rows.items():
        print(f"{label:<{width}} {o['tables']:>6}  " + "  ".join(f"{_pct(*o[c]):<17}" for c in MEASURES)
              + f"  {int(o['extra'][0]):>5}  {o['max_seconds']:.3f}")


def _print(res: dict[str, Any], show_misses: bool) -> None:
    """The blocks per group, targets per folder, the skipped tables and the tables read worse."""
    _print_groups(res)
    print("\ntargets per folder:")
    for folder, agg in res["folders"].items():
        print(f"  {folder:<10} {agg['tables']:>3} tables  "
              + "  ".join(f"{fmt} {_pct(*agg[fmt]):<17}" for fmt in FORMATS))
    reasons: dict[str, list[str]] = {}
    for name, why in res["skipped"]:
        reasons.setdefault(why, []).append(name)
    print(f"\nskipped {len(res['skipped'])} tables whose text gives no grid to render:")
    for why, names in sorted(reasons.items()):
        print(f"  {len(names):>3}  {why}")
    worse = [(r, fmt, w) for r in res["tables"] for fmt, w in r.get("worse", {}).items()]
    main = [x for x in worse if x[1] in FORMATS]
    print(f"\ntables read worse as .xlsx/.docx than as text: {len({x[0]['table'] for x in main})} of "
          f"{len(res['tables'])} (as copied, moved tables: {len({x[0]['table'] for x in worse if x not in main})})")
    for r, fmt, w in main:
        print(f"  {r['table']:<44} {fmt:<5} worse on {', '.join(w['measures'])}; targets "
              f"{_pct(*r[fmt]['targets'])}, text {_pct(*r['text']['targets']).strip()}"
              + (f"  [moved: {r['moved']}]" if r["moved"] else ""))
        for line in w["new_misses"] if show_misses else []:
            print(f"      miss: {line}")
        if show_misses and w["shared_misses"]:
            print(f"      (and {w['shared_misses']} misses the text has too)")


def bench_args(argv: list[str] | None, description: str, misses: str, out: str) -> argparse.Namespace:
    """The options the table benches share: --json, --misses, --only NAME…, --out DIR."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--misses", action="store_true", help=misses)
    ap.add_argument("--only", nargs="+", metavar="NAME", help="only these folders (corpus, heldout3) or tables")
    ap.add_argument("--out", type=Path, help=out)
    return ap.parse_args(argv)


def sum_tables(tables: list[dict[str, Any]]) -> dict[str, list[float]]:
    """[hits, total] of each measure and of the extra rows, summed over a run's per-table results
    (bench/parse_tables.py's ``run``)."""
    return {k: [sum(t[k][0] for t in tables), sum(t[k][1] for t in tables)] for k in (*MEASURES, "extra")}


def main(argv: list[str] | None = None) -> int:
    args = bench_args(argv, __doc__.splitlines()[0],
                      "list, under each table read worse as .xlsx/.docx, the fields the file misses",
                      "keep the rendered files in this folder")
    res = measure(args.only, args.out)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
    else:
        print("the real tables with a grid rendered as .xlsx and .docx with merged cells, beside their text"
              " (reported, not gating)")
        _print(res, args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
