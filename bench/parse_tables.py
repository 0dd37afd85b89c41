"""How well ``parse-table`` reads real target tables: per layout and overall, the share of rows
found, targets read exactly (comparator and value; qualitative, deadline and unreadable cells as
such), units, directions and kinds, every qualitative target recognised, rows that must be listed
as unreadable, and the time per table.

    .venv/bin/python bench/parse_tables.py [--json] [--heldout-only] [--only FOLDER] [--variants] [--misses]

Cases: the seed (tests/tables/seed_dongguan.txt, against data/projects/dongguan/indicators.csv),
the real tables of tests/tables/corpus/ (against their hand-checked ``*.expected.json``), and the
renderings of tests/tables/generated/ (``make_fixtures.py``: .xlsx, .xls, .docx, .doc, PDF, web pages,
Excel 2003 XML) against their source's reading. A field an expected reading leaves ``null`` is not scored. Exit 1 when a target is missed.

Each folder tests/tables/heldout*/ (``heldout``, ``heldout2``, …: real tables from sources used nowhere
else, read by hand in tests/tables/expected_<folder>.py before the reader ever ran on them) is scored as
its own "held-out" block; those blocks report and do not set the exit code. A set's first measurement
is its honest unseen-table score; once the reader has been improved on it, it is a development set.
``--misses`` lists every missed field (table, indicator, field, expected, got); ``--only heldout3``
scores one held-out folder alone; ``--variants`` scores each tab-separated table re-pasted the other
ways people paste a table (blank rows, a title above, extra columns, full-width signs, pipes, one cell
per line, cells separated by a blank, by two blanks or by a full-width blank). ``--write-floors`` records each held-out table's rows found and
targets exact in tests/tables/heldout_floors.json; tests/ingest/test_heldout_floors.py fails when a
change reads any of them worse (a set's score may rise, never silently fall).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analytics.core.values import normalize_text, parse_target  # noqa: E402
from analytics.ingest.tables.script import to_simplified  # noqa: E402
from analytics.ingest.tables import TableReading, parse_table  # noqa: E402

TABLES = ROOT / "tests" / "tables"
HELDOUT = TABLES / "heldout"
FLOORS = TABLES / "heldout_floors.json"  # each held-out table's rows and targets read, written by --write-floors
TARGETS = {"rows": 0.98, "targets": 0.97, "units": 0.95, "directions": 0.95, "kinds": 0.90, "qualitative": 1.0}
MAX_SECONDS = 1.0


def _seed_expected() -> dict[str, Any]:
    with open(ROOT / "data" / "projects" / "dongguan" / "indicators.csv", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["origin"] == "table"]
    inds = []
    for r in rows:
        targets = {}
        for year in ("2023", "2024"):
            t = parse_target(r[f"target_{year}"], r["direction"])
            targets[year] = {"none": True} if t.no_value else {"comparator": t.comparator, "value": t.value}
        inds.append({"name": r["name"], "unit": r["unit"], "kind": r["kind"], "direction": r["direction"],
                     "targets": targets})
    return {"file": "seed_dongguan.txt", "layout": "text-word", "args": {}, "indicators": inds, "unread": []}


def _text_bytes(path: Path) -> bytes:
    lines = path.read_text(encoding="utf-8").split("\n")
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return "\n".join(lines).encode("utf-8")


def cases() -> list[tuple[str, bytes, dict[str, Any]]]:
    """(file name, bytes, expected reading) of every case."""
    seed = _seed_expected()
    out = [("seed_dongguan.txt", _text_bytes(TABLES / "seed_dongguan.txt"), seed)]
    expected: dict[str, dict[str, Any]] = {}
    for exp in sorted((TABLES / "corpus").glob("*.expected.json")):
        data = json.loads(exp.read_text(encoding="utf-8"))
        expected[Path(data["file"]).stem] = data
        out.append((data["file"], _text_bytes(TABLES / "corpus" / data["file"]), data))
    for folder in heldout_folders():  # renderings of measured held-out tables are development cases
        for exp in sorted(folder.glob("*.expected.json")):
            data = json.loads(exp.read_text(encoding="utf-8"))
            expected.setdefault(Path(data["file"]).stem, data)
    for path in sorted((TABLES / "generated").glob("*")):
        if path.suffix not in (".xlsx", ".xls", ".ods", ".docx", ".doc", ".odt", ".txt", ".pdf", ".ofd", ".html", ".xml", ".mht"):
            continue
        stem = path.name.split(".")[0]
        base = seed if stem == "seed_dongguan" else expected.get(stem)
        layout = "pdf-copy (blank-separated, merged cells once)" if path.suffix == ".txt" else path.suffix[1:] + " (merged cells)"
        if path.suffix in (".html", ".mht") or path.name.endswith(".web.xls"):
            layout = "html (saved web page, a system's .xls export, .mht; spans filled)"
        elif path.suffix == ".xml":
            layout = "xml (Excel 2003 XML workbook, merged cells)"
        if path.suffix in (".pdf", ".ofd"):
            layout = path.suffix[1:] + (" (no ruling lines: words by place)" if ".sheet." in path.name
                                        else " (ruled table, merged and wrapped cells)")
        if base is not None:
            out.append((path.name, path.read_bytes(), {**base, "layout": layout}))
    return out


def _variants(rows: list[list[str]]) -> list[tuple[str, str]]:
    """The same table as people paste it: (variant, text)."""
    tab = lambda rs: "\n".join("\t".join(r) for r in rs)  # noqa: E731
    return [
        ("blank-rows", tab([x for r in rows for x in (r, [""] * len(r))])),
        ("title-above", tab([["关于印发项目绩效目标的通知"], ["单位：万元"]] + rows)),
        ("extra-columns", tab([[""] + r + ["", "备注"] for r in rows])),
        ("full-width", tab([[c.replace("%", "％").replace("(", "（").replace(")", "）") for c in r] for r in rows])),
        ("pipes", "\n".join("| " + " | ".join(r) + " |" for r in rows)),
        ("cell-per-line", "\n".join(c for r in rows for c in r if c.strip())),
        ("blank-separated", "\n".join(" ".join("".join(c.split()) for c in r if c.strip()) for r in rows)),
        # cells two blanks apart, or a full-width blank (　), their places not kept: typed, or a document's text
        ("blanks-separated", "\n".join("  ".join("".join(c.split()) for c in r if c.strip()) for r in rows)),
        ("full-width-blanks", "\n".join("\u3000".join("".join(c.split()) for c in r if c.strip()) for r in rows)),
        # a browser's copy of a narrow web table: 效益指标 wraps as 效益 / 指标, breaking its row
        ("wrapped-cells", tab([[re.sub(r"^(\S{2,})(指标)$", "\\1\n\\2", c.strip()) for c in r] for r in rows])),
    ]


def variant_cases() -> list[tuple[str, bytes, dict[str, Any]]]:
    """Every tab-separated table of the corpus and of the measured held-out sets, re-written as the
    other ways the same table is pasted (see :func:`_variants`), each scored against its reading."""
    import csv
    import io

    sources = [(TABLES / "corpus", d) for d in (TABLES / "corpus").glob("*.expected.json")]
    sources += [(f, d) for f in heldout_folders() for d in f.glob("*.expected.json")]
    out = []
    for folder, exp_path in sorted(sources):
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        if not exp["file"].endswith(".tsv"):
            continue
        rows = list(csv.reader(io.StringIO(_text_bytes(folder / exp["file"]).decode("utf-8")), delimiter="\t"))
        for variant, text in _variants(rows):
            out.append((exp["file"].replace(".tsv", f".{variant}.txt"), text.encode("utf-8"), {**exp, "layout": variant}))
    return out


def heldout_folders() -> list[Path]:
    """Every held-out folder with expected readings, in number order (heldout, heldout2, …, heldout10)."""
    found = [f for f in TABLES.glob("heldout*") if f.is_dir() and any(f.glob("*.expected.json"))]
    return sorted(found, key=lambda f: (len(f.name), f.name))


def heldout_cases(folder: Path = HELDOUT) -> list[tuple[str, bytes, dict[str, Any]]]:
    """(file name, bytes, expected reading) of every held-out table in ``folder``."""
    out = []
    for exp in sorted(folder.glob("*.expected.json")):
        data = json.loads(exp.read_text(encoding="utf-8"))
        out.append((data["file"], _text_bytes(folder / data["file"]), data))
    return out


def _key(name: str) -> str:
    """Rows are matched by name, whatever the script: a copy in traditional characters with pinyin
    notes is read in simplified characters (:mod:`analytics.ingest.tables.script`), and its
    expected reading keeps the text as stored."""
    return normalize_text(to_simplified(name))


def _same_target(want: dict[str, Any], got: dict[str, Any] | None) -> bool:
    if got is None:
        return False
    if want.get("qualitative"):
        return bool(got.get("qualitative"))
    if want.get("unreadable"):
        return got.get("value") is None and bool(got.get("error"))
    if want.get("none"):
        return bool(got.get("no_value"))
    if "due" in want:
        return got.get("due") == want["due"]
    if got.get("value") is None or abs(float(got["value"]) - float(want["value"])) > 1e-9:
        return False
    return "comparator" not in want or got.get("comparator") == want["comparator"]


def score(data: dict[str, Any], exp: dict[str, Any]) -> dict[str, list[int]]:
    """[hits, total] per measure for one table."""
    got = {_key(i["name"]): i for i in data["indicators"]}
    m: dict[str, list[int]] = {k: [0, 0] for k in ("rows", "targets", "units", "directions", "kinds",
                                                    "qualitative", "unread", "extra")}
    for want in exp["indicators"]:
        ind = got.pop(_key(want["name"]), None)
        m["rows"][0] += ind is not None
        m["rows"][1] += 1
        for field, key in (("unit", "units"), ("direction", "directions"), ("kind", "kinds")):
            if want.get(field) is not None:
                m[key][0] += ind is not None and ind[field] == want[field]
                m[key][1] += 1
        for year, t in want["targets"].items():
            ok = ind is not None and _same_target(t, ind["targets"].get(year))
            m["targets"][0] += ok
            m["targets"][1] += 1
            if t.get("qualitative"):
                m["qualitative"][0] += ok
                m["qualitative"][1] += 1
    m["extra"] = [len(got), 0]
    texts = " ".join(u["text"] for u in data["unread"])
    m["unread"] = [sum(1 for t in exp["unread"] if t in texts), len(exp["unread"])]
    return m


def misses(data: dict[str, Any], exp: dict[str, Any]) -> list[str]:
    """One line per scored field of ``exp`` the reading got wrong: indicator, field, expected, got."""
    got = {_key(i["name"]): i for i in data["indicators"]}
    out = []
    for want in exp["indicators"]:
        ind = got.pop(_key(want["name"]), None)
        if ind is None:
            out.append(f"{want['name']}: row not found")
            continue
        for field in ("unit", "direction", "kind"):
            if want.get(field) is not None and ind[field] != want[field]:
                out.append(f"{want['name']}: {field} expected {want[field]!r}, got {ind[field]!r}")
        for year, t in want["targets"].items():
            if not _same_target(t, ind["targets"].get(year)):
                out.append(f"{want['name']}: target {year} expected {t}, got {ind['targets'].get(year)}")
    out += [f"{i['name']}: extra row (no expected reading)" for i in got.values()]
    texts = " ".join(u["text"] for u in data["unread"])
    out += [f"{t}: not listed as unread" for t in exp["unread"] if t not in texts]
    return out


def run(all_cases: list[tuple[str, bytes, dict[str, Any]]] | None = None) -> dict[str, Any]:
    layouts: dict[str, dict[str, list[int]]] = {}
    per_table = []
    all_cases = cases() if all_cases is None else all_cases
    start = time.perf_counter()
    for name, blob, exp in all_cases[:1] + [c for c in all_cases if c[0].endswith((".xlsx", ".docx"))][:2]:
        parse_table(blob, filename=name)  # load the readers' modules once (the CLI's start-up is not timed)
    warm_up = time.perf_counter() - start
    for name, blob, exp in all_cases:
        start = time.perf_counter()
        result = parse_table(blob, filename=name, year=exp.get("args", {}).get("year"))
        seconds = time.perf_counter() - start
        data = result.to_json() if isinstance(result, TableReading) else {"indicators": [], "unread": []}
        m = score(data, exp)
        layout = exp["layout"].split(" ")[0]
        agg = layouts.setdefault(layout, {})
        for k, (hit, tot) in m.items():
            a = agg.setdefault(k, [0, 0])
            a[0] += hit
            a[1] += tot
        agg.setdefault("seconds", [0, 0])
        agg["seconds"][0] = max(agg["seconds"][0], seconds)  # type: ignore[call-overload]
        agg["seconds"][1] += 1
        per_table.append({"file": name, "layout": exp["layout"], "seconds": round(seconds, 4),
                          **{k: v for k, v in m.items()}, "misses": misses(data, exp)})
    overall: dict[str, list[float]] = {}
    for agg in layouts.values():
        for k, (hit, tot) in agg.items():
            if k == "seconds":
                continue
            o = overall.setdefault(k, [0, 0])
            o[0] += hit
            o[1] += tot
    worst = max(t["seconds"] for t in per_table)
    return {"layouts": layouts, "overall": overall, "tables": per_table, "max_seconds": worst,
            "warm_up_seconds": round(warm_up, 3)}


def _pct(hit: float, tot: float) -> str:
    return f"{100 * hit / tot:5.1f}% ({int(hit)}/{int(tot)})" if tot else "   -"


def _print_block(res: dict[str, Any], show_misses: bool) -> list[str]:
    """Print the per-layout, overall and per-table lines of one run; the measures below their target."""
    cols = ("rows", "targets", "units", "directions", "kinds", "qualitative", "unread")
    print(f"{'layout':<16} {'tables':>6}  " + "  ".join(f"{c:<17}" for c in cols) + "  max s")
    for layout, agg in sorted(res["layouts"].items()):
        print(f"{layout:<16} {agg['seconds'][1]:>6}  " + "  ".join(f"{_pct(*agg[c]):<17}" for c in cols)
              + f"  {agg['seconds'][0]:.3f}")
    o = res["overall"]
    print(f"{'overall':<16} {len(res['tables']):>6}  " + "  ".join(f"{_pct(*o[c]):<17}" for c in cols)
          + f"  {res['max_seconds']:.3f}")
    print(f"extra rows read that no expected reading has: {int(o['extra'][0])}; loading the readers "
          f"(first table of each format, not timed above): {res['warm_up_seconds']:.3f}s")
    for t in res["tables"]:
        print(f"  {t['file']:<40} {t['seconds']:.3f}s  rows {_pct(*t['rows'])}  targets {_pct(*t['targets'])}"
              f"  units {_pct(*t['units'])}  dir {_pct(*t['directions'])}  kinds {_pct(*t['kinds'])}")
        for line in t["misses"] if show_misses else []:
            print(f"      miss: {line}")
    failed = [k for k, bound in TARGETS.items() if o[k][1] and o[k][0] / o[k][1] < bound]
    if res["max_seconds"] >= MAX_SECONDS:
        failed.append("time")
    print("targets met" if not failed else f"targets missed: {', '.join(failed)}")
    return failed


def heldout_floors() -> dict[str, dict[str, int]]:
    """Each held-out table's rows found and targets exact now (``heldout4/zhongxian_….txt`` →
    ``{"rows": 2, "targets": 2}``): the floors a later change must not fall below (a test holds them)."""
    out: dict[str, dict[str, int]] = {}
    for folder in heldout_folders():
        for t in run(heldout_cases(folder))["tables"]:
            out[f"{folder.name}/{t['file']}"] = {"rows": int(t["rows"][0]), "targets": int(t["targets"][0])}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--heldout-only", action="store_true", help="score only the held-out folders (exit 0)")
    ap.add_argument("--misses", action="store_true", help="list every missed field under its table")
    ap.add_argument("--only", metavar="FOLDER", help="score only this held-out folder, e.g. heldout3 (exit 0)")
    ap.add_argument("--variants", action="store_true",
                    help="score only the tab-separated tables re-written as other pastes (exit 0)")
    ap.add_argument("--write-floors", action="store_true",
                    help=f"write each held-out table's rows and targets read now to {FLOORS.relative_to(ROOT)} (exit 0)")
    args = ap.parse_args(argv)
    if args.write_floors:
        FLOORS.write_text(json.dumps(heldout_floors(), ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {FLOORS.relative_to(ROOT)}")
        return 0
    if args.variants:
        print("variants (each tab-separated table re-pasted: blank rows, a title, extra columns, full-width,"
              " pipes, a cell per line, blank-separated (one blank, two, a full-width one), wrapped cells; reported, not gating)")
        _print_block(run(variant_cases()), args.misses)
        return 0
    res = None if args.heldout_only or args.only else run()
    folders = [f for f in heldout_folders() if args.only in (None, f.name)]
    held = {f.name: run(heldout_cases(f)) for f in folders}
    if args.json:
        print(json.dumps({**(res or {}), **held}, ensure_ascii=False, indent=1))
    failed = _print_block(res, args.misses) if res is not None else []
    for name, block in held.items():
        print(f"\n{name} (tests/tables/{name}/, real tables read by hand; reported, not gating)")
        _print_block(block, args.misses)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
