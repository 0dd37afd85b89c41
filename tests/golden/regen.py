"""Golden data for ``tests/golden/test_golden.py``: the cases, how they are run, the normaliser
and the comparer. No ``analytics`` import: everything goes through the public faces that survive
an internal refactor — the command line (``python -m analytics …`` in a subprocess, cwd = the
repo root) and the files it writes (.xlsx cells read with openpyxl, .pptx texts with
python-pptx, .svg chart texts).

Usage (from the repo root)::

    .venv/bin/python tests/golden/regen.py              # run every case, compare, exit 1 on a difference
    .venv/bin/python tests/golden/regen.py --write      # REWRITE tests/golden/data/*.json deliberately
    .venv/bin/python tests/golden/regen.py --write -k status   # only the cases whose name contains "status"
    .venv/bin/python tests/golden/regen.py --quick      # only the cases the test runs by default
    GOLDEN_REPO=/path/to/checkout .venv/bin/python tests/golden/regen.py   # the CLI of another checkout

``--write`` is for an *intended* change of output: rewrite, then read ``git diff
tests/golden/data`` before committing — every changed line is a changed observable output.
``--write`` also deletes golden files of cases that no longer exist (only with no ``-k``).

The test (``pytest tests/golden``) runs the cases not marked ``full`` (about 80: every command,
both forms, the deck, the store); ``GOLDEN_FULL=1`` adds the rest (the whole validation corpus,
more ``--format table`` outputs, redundant variants), about twice the time.

``GOLDEN_REPO`` (default: the repo that contains this file) is the checkout whose CLI is run and
whose shipped sample files (``data/projects/dongguan/…``) and validation corpus
(``tests/data/good|broken``) are used. The golden files and the test's own inputs
(``tests/golden/data/inputs/``) always come from this folder, so a frozen worktree can be
checked against them (``git worktree add /tmp/wt <commit>; GOLDEN_REPO=/tmp/wt …``).

Isolation: every case runs in a fresh temporary folder ``{tmp}`` with ``PT_DATA_DIR`` set to
an empty ``{tmp}/pt_data`` (so no real store is read or written and no user state leaks in),
``PT_TARGETS`` / ``PT_ACTUALS`` / ``PT_BUDGET`` / ``PT_USERS_FILE`` removed, ``PYTHONPATH`` =
the repo root, UTF-8 I/O, ``TZ=UTC``, ``COLUMNS=80`` (argparse wraps usage text to it). Cases
run in parallel (``GOLDEN_JOBS``, default CPUs + 1).

Normaliser (:func:`normalise`, applied to every output before it is written or compared):

* the case's temporary folder → ``<TMP>``, the repo root → ``<REPO>``, the test's inputs folder
  → ``<INPUTS>`` (in any string, e.g. ``out``, ``store``, ``file`` fields);
* ``batch_id`` values (uuid4 hex of a real import) → ``<BATCH_ID>`` (``null`` stays ``null``);
* ``bytes`` of ``report`` summaries → ``<BYTES>`` (the size of a zip/PNG/SVG depends on the
  timestamps inside the zip and on the renderer and fonts, not on the content pinned here);
* ISO date-times with a time part (``2025-01-02T03:04:05…``) → ``<TIMESTAMP>``, and today's date
  (``YYYY-MM-DD``, ``YYYY年M月D日``) → ``<TODAY>`` — guards only: none of today's outputs holds
  one (the sample's dates are 2022–2024; the store's audit times are not part of any output
  pinned here).

Floats are compared with a relative tolerance of 1e-9 (absolute 1e-12 near zero); an int and a
float that are equal compare equal (``100`` vs ``100.0``), a bool never equals a number. A
difference is reported by its JSON path, e.g. ``$.output.indicators[3]{new_urban_jobs}.ratio``
(``{…}`` names the list item by its ``indicator_id``/``id``/``key``/``code``), up to 20 per case.
"""

from __future__ import annotations

import argparse
import concurrent.futures as _cf
import datetime as _dt
import html
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
INPUTS = DATA / "inputs"
DEFAULT_REPO = HERE.parent.parent
SCHEMA = 1  # of the golden files themselves
REL_TOL = 1e-9
ABS_TOL = 1e-12
MAX_DIFFS = 20


def repo_root() -> Path:
    """The checkout whose CLI is run: ``$GOLDEN_REPO``, else the repo containing this file."""
    env = os.environ.get("GOLDEN_REPO")
    return Path(env).resolve() if env else DEFAULT_REPO


# -- the cases ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One CLI call, optionally followed by more in the same folder.

    ``argv`` may hold ``{repo}``, ``{tmp}``, ``{data}`` (= PT_DATA_DIR), ``{inputs}``,
    ``{sample}`` (the shipped sample folder). ``capture``: ``json`` (stdout parsed), ``table``
    (stdout lines), ``stderr`` (stdout and stderr lines: usage errors), ``xlsx`` / ``pptx`` /
    ``svg`` (the report summary on stdout plus the contents of the file written to
    ``{tmp}/<out>``). ``setup``: calls run first (each must exit 0; output not pinned).
    ``then``: calls run after it, each ``(label, argv, capture, out)``, pinned under
    ``$.then.<label>`` (a store is imported into once, then read by several commands).
    ``full``: only run by the test with ``GOLDEN_FULL=1`` (regen.py always runs every case)."""

    name: str
    argv: tuple[str, ...]
    capture: str = "json"
    out: str | None = None
    setup: tuple[tuple[str, ...], ...] = ()
    then: tuple[tuple[str, tuple[str, ...], str, str | None], ...] = ()
    full: bool = False


SAMPLE = "{sample}"
ACT = f"{SAMPLE}/sample_actuals.csv"
BUD = f"{SAMPLE}/sample_budget.csv"

# The quick run (the default test) validates this part of tests/data; GOLDEN_FULL=1 every file.
QUICK_CORPUS = {
    "good": {"gbk_long.csv", "wide_title_merged.xlsx", "budget_wide.csv", "wide_combined.csv"},
    "broken": {"duplicate_rows.csv", "bad_month_13.csv", "text_in_value.csv", "formula_in_value.xlsx",
               "missing_columns.csv", "pct_over_100.csv", "ytd_decreasing.csv", "budget_unknown_source.csv",
               "budget_ytd_decrease.csv", "old_format.xls", "truncated.xlsx", "empty.csv", "utf16.csv",
               "wide_duplicate_period_header.csv", "merged_header_ambiguous.xlsx", "combined_overlap.csv"},
}


def _cases() -> list[Case]:
    cases: list[Case] = []
    add = cases.append

    # 1. read-only commands, JSON -------------------------------------------------------------
    for lang in ("zh", "en"):
        for cmd in ("targets", "quality", "rules"):
            add(Case(f"{cmd}_{lang}", (cmd, "--format", "json", "--lang", lang)))
    as_ofs = [("2024-08", ("--as-of", "2024-08")), ("2023-12", ("--as-of", "2023-12")), ("default", ())]
    for cmd in ("status", "forecast"):
        for label, a in as_ofs:
            for lang in ("zh", "en"):
                add(Case(f"{cmd}_{label}_{lang}", (cmd, *a, "--format", "json", "--lang", lang)))
        add(Case(f"{cmd}_2024-03_zh", (cmd, "--as-of", "2024-03", "--format", "json", "--lang", "zh")))
        add(Case(f"{cmd}_2024-08_year2023_zh", (cmd, "--as-of", "2024-08", "--year", "2023", "--format", "json", "--lang", "zh")))
        # the same data given as flat files instead of the shipped defaults
        add(Case(f"{cmd}_2024-08_files_zh", (cmd, "--as-of", "2024-08", "--actuals", ACT, "--budget", BUD, "--format", "json"), full=True))
    for cmd in ("scenario", "score"):
        for label, a in [*as_ofs, ("2024-03", ("--as-of", "2024-03"))]:
            add(Case(f"{cmd}_{label}_zh", (cmd, *a, "--format", "json", "--lang", "zh"), full=label == "default"))
        add(Case(f"{cmd}_2024-08_en", (cmd, "--as-of", "2024-08", "--format", "json", "--lang", "en")))
        add(Case(f"{cmd}_2024-08_levers_zh", (cmd, "--as-of", "2024-08", "--scenario", "{inputs}/scenario_levers.json", "--format", "json")))

    # validate: the shipped sample, the good and the broken corpus (exit 1 is pinned for those)
    add(Case("validate_sample_actuals", ("validate", ACT, "--format", "json")))
    add(Case("validate_sample_budget", ("validate", BUD, "--format", "json")))
    add(Case("validate_sample_budget_allocation", ("validate", f"{SAMPLE}/budget_allocation.csv", "--format", "json"), full=True))
    add(Case("validate_sample_indicators_as_targets", ("validate", f"{SAMPLE}/indicators.csv", "--kind", "targets", "--format", "json")))
    add(Case("validate_sample_folder_as_targets", ("validate", SAMPLE, "--kind", "targets", "--format", "json"), full=True))
    add(Case("validate_sample_actuals_kind_actuals", ("validate", ACT, "--kind", "actuals", "--format", "json"), full=True))
    add(Case("validate_sample_budget_kind_budget", ("validate", BUD, "--kind", "budget", "--format", "json"), full=True))
    add(Case("validate_missing_file", ("validate", "{tmp}/no_such_file.csv", "--format", "json")))
    corpus = repo_root() / "tests" / "data"
    for folder in ("good", "broken"):
        for f in sorted((corpus / folder).glob("*")) if (corpus / folder).is_dir() else []:
            if f.is_file():
                add(Case(f"validate_{folder}_{f.name}", ("validate", f"{{repo}}/tests/data/{folder}/{f.name}", "--format", "json"),
                         full=f.name not in QUICK_CORPUS[folder]))

    # --format table (what a person reads on a terminal)
    quick_tables = {"table_status_2024-08_zh", "table_status_2024-08_en", "table_forecast_2024-08_en", "table_score_2024-08_zh",
                    "table_rules_en", "table_validate_broken_zh", "table_validate_broken_en"}
    for lang in ("zh", "en"):
        tables = [(f"table_{cmd}_2024-08_{lang}", (cmd, "--as-of", "2024-08")) for cmd in ("status", "forecast", "scenario", "score")]
        tables += [(f"table_{cmd}_{lang}", (cmd,)) for cmd in ("targets", "quality", "rules")]
        tables += [(f"table_validate_broken_{lang}", ("validate", "{repo}/tests/data/broken/duplicate_rows.csv")),
                   (f"table_validate_sample_{lang}", ("validate", ACT))]
        for name, a in tables:
            add(Case(name, (*a, "--format", "table", "--lang", lang), capture="table", full=name not in quick_tables))

    # 2. the official forms (.xlsx) -----------------------------------------------------------
    def report(name: str, out: str, *extra: str, full: bool = False) -> None:
        capture = Path(out).suffix.lstrip(".")
        add(Case(name, ("report", *extra, "--out", "{tmp}/" + out, "--format", "json"), capture=capture, out=out, full=full))

    report("report_xlsx_2024-08_zh", "forms.xlsx", "--as-of", "2024-08")
    report("report_xlsx_2024-08_en", "forms.xlsx", "--as-of", "2024-08", "--lang", "en")
    report("report_xlsx_2023-12_zh", "forms.xlsx", "--as-of", "2023-12")
    report("report_xlsx_monitoring_2024-08_zh", "monitoring.xlsx", "--as-of", "2024-08", "--form", "monitoring")
    report("report_xlsx_self-eval_2024-08_zh", "self_eval.xlsx", "--as-of", "2024-08", "--form", "self-eval")
    report("report_xlsx_2024-08_levers_actions_zh", "forms.xlsx", "--as-of", "2024-08",
           "--scenario", "{inputs}/scenario_levers.json", "--actions", "{inputs}/actions.json")

    # 3. the deck (.pptx) and chart texts (.svg) ----------------------------------------------
    report("report_pptx_2024-08_zh", "deck.pptx", "--as-of", "2024-08")
    report("report_pptx_2024-08_en", "deck.pptx", "--as-of", "2024-08", "--lang", "en")
    report("report_pptx_2024-08_levers_actions_zh", "deck.pptx", "--as-of", "2024-08",
           "--scenario", "{inputs}/scenario_levers.json", "--actions", "{inputs}/actions.json", full=True)
    report("report_svg_budget_execution_2024-08_zh", "chart.svg", "--as-of", "2024-08", "--chart", "budget_execution", full=True)
    report("report_svg_indicator_vocational_training_2024-08_en", "chart.svg", "--as-of", "2024-08",
           "--chart", "indicator:vocational_training", "--lang", "en")

    # 4. through a data store (a new store seeds itself with the shipped table and sample) ----
    store = "{tmp}/store"
    on = ("--as-of", "2024-08", "--store", store, "--format", "json")
    add(Case("store_seeded_from_env",
             ("import", ACT, "--dry-run", "--store", "{data}", "--who", "golden", "--format", "json"),
             then=(("status", ("status", "--as-of", "2024-08", "--format", "json"), "json", None),)))
    add(Case("store_imported",
             ("import", "{inputs}/store_actuals.csv", "--store", store, "--who", "golden", "--format", "json"),
             then=(("import_budget", ("import", "{inputs}/store_budget.csv", "--store", store, "--who", "golden", "--format", "json"), "json", None),
                   ("status", ("status", *on), "json", None),
                   ("forecast", ("forecast", *on), "json", None),
                   ("score", ("score", *on), "json", None),
                   ("report_xlsx", ("report", *on, "--out", "{tmp}/forms.xlsx"), "xlsx", "forms.xlsx"))))

    # usage errors: exit 2, located messages on stderr
    for lang in ("zh", "en"):
        add(Case(f"scenario_bad_levers_{lang}", ("scenario", "--as-of", "2024-08", "--scenario", "{inputs}/scenario_bad.json", "--format", "json", "--lang", lang), capture="stderr"))
        add(Case(f"status_bad_actuals_file_{lang}", ("status", "--as-of", "2024-08", "--actuals", "{repo}/tests/data/broken/duplicate_rows.csv", "--format", "json", "--lang", lang), capture="stderr", full=lang == "en"))
    add(Case("status_bad_as_of", ("status", "--as-of", "2024-13", "--format", "json"), capture="stderr", full=True))
    add(Case("store_missing_status", ("status", "--as-of", "2024-08", "--store", "{tmp}/empty_store", "--format", "json"), capture="stderr"))
    return cases


CASES: list[Case] = _cases()


# -- running -----------------------------------------------------------------------------------


def _env(tmp: Path, repo: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PT_TARGETS", "PT_ACTUALS", "PT_BUDGET", "PT_USERS_FILE", "PT_DATA_DIR", "PYTHONPATH")}
    data = tmp / "pt_data"
    data.mkdir(exist_ok=True)
    env.update({"PT_DATA_DIR": str(data), "PYTHONPATH": str(repo), "PYTHONIOENCODING": "utf-8",
                "PYTHONUTF8": "1", "TZ": "UTC", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "COLUMNS": "80"})
    return env


def _fill(argv: tuple[str, ...], tmp: Path, repo: Path) -> list[str]:
    subst = {"{repo}": str(repo), "{tmp}": str(tmp), "{data}": str(tmp / "pt_data"), "{inputs}": str(INPUTS),
             "{sample}": str(repo / "data" / "projects" / "dongguan")}
    out = []
    for a in argv:
        for k, v in subst.items():
            a = a.replace(k, v)
        out.append(a)
    return out


def _run(argv: list[str], tmp: Path, repo: Path, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analytics", *argv], cwd=repo, env=_env(tmp, repo),
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)


def _step(argv: tuple[str, ...], capture: str, out: str | None, tmp: Path, repo: Path) -> tuple[dict[str, Any], str]:
    p = _run(_fill(argv, tmp, repo), tmp, repo)
    rec: dict[str, Any] = {"argv": list(argv), "exit_code": p.returncode}
    try:
        rec["output"] = _capture(capture, out, p.stdout, p.stderr, tmp)
    except Exception as exc:  # noqa: BLE001 - reported by the test with stdout/stderr
        rec["output"] = None
        rec["error"] = f"{' '.join(argv)}: {type(exc).__name__}: {exc}\nstdout: {p.stdout[-1500:]}\nstderr: {p.stderr[-1500:]}"
    return rec, p.stderr


def run_case(case: Case, repo: Path | None = None) -> dict[str, Any]:
    """Run one case; return the normalised record ``{schema, name, argv, exit_code, output[,
    then]}`` (``error`` set when a step failed or its output could not be read; ``_stderr``:
    diagnostics, never written nor compared)."""
    repo = repo or repo_root()
    tmp = Path(tempfile.mkdtemp(prefix="golden-"))
    t0 = time.perf_counter()
    try:
        for step in case.setup:
            p = _run(_fill(step, tmp, repo), tmp, repo)
            if p.returncode != 0:
                return {"schema": SCHEMA, "name": case.name, "argv": list(case.argv), "exit_code": None, "output": None,
                        "error": f"setup {' '.join(step)} exited {p.returncode}: {p.stderr[-2000:]}"}
        main, stderr = _step(case.argv, case.capture, case.out, tmp, repo)
        record: dict[str, Any] = {"schema": SCHEMA, "name": case.name, **main}
        if case.then:
            record["then"] = {}
            for label, argv, capture, out in case.then:
                rec, err = _step(argv, capture, out, tmp, repo)
                record["then"][label] = rec
                stderr += err
                if "error" in rec:
                    record.setdefault("error", rec.pop("error"))
        record = normalise(record, tmp=tmp, repo=repo)
        record["_stderr"] = stderr[-3000:]
        return record
    finally:
        TIMINGS[case.name] = time.perf_counter() - t0
        shutil.rmtree(tmp, ignore_errors=True)


TIMINGS: dict[str, float] = {}


def _capture(capture: str, out: str | None, stdout: str, stderr: str, tmp: Path) -> Any:
    if capture == "table":
        return stdout.splitlines()
    if capture == "stderr":  # a usage error: exit 2, the message on stderr, nothing on stdout
        return {"stdout": stdout.splitlines(), "stderr": stderr.splitlines()}
    parsed = json.loads(stdout)
    if capture == "json":
        return parsed
    path = tmp / str(out)
    if capture == "xlsx":
        return {"summary": parsed, **read_xlsx(path)}
    if capture == "pptx":
        return {"summary": parsed, **read_pptx(path)}
    if capture == "svg":
        return {"summary": parsed, "texts": read_svg_texts(path)}
    raise ValueError(f"unknown capture {capture}")


def run_all(cases: list[Case] | None = None, repo: Path | None = None, jobs: int | None = None) -> dict[str, dict[str, Any]]:
    """Every case, in parallel processes (threads waiting on subprocesses)."""
    cases = CASES if cases is None else cases
    repo = repo or repo_root()
    jobs = jobs or int(os.environ.get("GOLDEN_JOBS") or (os.cpu_count() or 2) + 1)
    # longest first, so the slow report cases do not end up last
    weight = {"pptx": 0, "svg": 1, "xlsx": 2}
    order = sorted(cases, key=lambda c: -1 if c.then else weight.get(c.capture, 3))
    with _cf.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {c.name: pool.submit(run_case, c, repo) for c in order}
        return {c.name: futures[c.name].result() for c in cases}


# -- reading the files the CLI writes ----------------------------------------------------------


def _cell_value(v: Any) -> Any:
    """As stored; a date/time (none today) as ISO text so it survives JSON."""
    if isinstance(v, (_dt.datetime, _dt.date, _dt.time)):
        return v.isoformat()
    return v


def read_xlsx(path: Path) -> dict[str, Any]:
    """``cells``: {sheet: {"A1": value}} for every non-empty cell (value as stored: text,
    number, bool; dates as ISO text), plus the presentation that a refactor could silently lose:
    ``number_formats`` of the non-text cells, ``merged`` ranges, ``freeze_panes``, ``print_area``,
    and the document title/creator (the created/modified times in docProps are the write time:
    they are why a workbook's byte size varies by a byte or two between identical runs)."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    cells: dict[str, dict[str, Any]] = {}
    formats: dict[str, dict[str, str]] = {}
    layout: dict[str, dict[str, Any]] = {}
    for ws in wb.worksheets:
        c_sheet: dict[str, Any] = {}
        f_sheet: dict[str, str] = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None or c.value == "":
                    continue
                c_sheet[c.coordinate] = _cell_value(c.value)
                if not isinstance(c.value, str):
                    f_sheet[c.coordinate] = c.number_format
        cells[ws.title] = c_sheet
        formats[ws.title] = f_sheet
        pa = ws.print_area
        layout[ws.title] = {
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "freeze_panes": ws.freeze_panes,
            "print_area": pa if isinstance(pa, str) or pa is None else list(pa),
        }
    props = {"title": wb.properties.title, "creator": wb.properties.creator}  # not the created/modified times
    return {"sheets": [ws.title for ws in wb.worksheets], "cells": cells, "number_formats": formats, "layout": layout,
            "properties": props}


def _shape_items(shapes) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for sh in shapes:
        if getattr(sh, "shape_type", None) is not None and sh.shape_type == 6:  # MSO_SHAPE_TYPE.GROUP
            items.append({"group": _shape_items(sh.shapes)})
        elif getattr(sh, "has_table", False) and sh.has_table:
            items.append({"table": [[c.text for c in r.cells] for r in sh.table.rows]})
        elif getattr(sh, "has_text_frame", False) and sh.has_text_frame:
            items.append({"text": sh.text_frame.text})
        elif getattr(sh, "has_chart", False) and sh.has_chart:
            items.append({"chart": sh.chart.chart_type})
        elif sh.shape_type == 13:  # PICTURE
            items.append({"picture": sh.image.content_type})
        else:
            items.append({"shape": str(sh.shape_type)})
    return items


def read_pptx(path: Path) -> dict[str, Any]:
    """Per slide, in shape order: ``{"text": …}`` for a text frame, ``{"table": [[cell text]]}``
    for a table, ``{"picture": content type}`` for a chart image (pixels not pinned); plus the
    notes text when a slide has notes, and the slide size."""
    from pptx import Presentation

    prs = Presentation(str(path))
    slides = []
    for s in prs.slides:
        entry: dict[str, Any] = {"items": _shape_items(s.shapes)}
        if s.has_notes_slide and s.notes_slide.notes_text_frame is not None and s.notes_slide.notes_text_frame.text:
            entry["notes"] = s.notes_slide.notes_text_frame.text
        slides.append(entry)
    props = {"title": prs.core_properties.title, "author": prs.core_properties.author}  # not the times
    return {"slide_size": [prs.slide_width, prs.slide_height], "properties": props, "slides": slides}


_SVG_TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.S)
_TAG = re.compile(r"<[^>]+>")


def read_svg_texts(path: Path) -> list[str]:
    """The texts of a chart (titles, axis labels, legend), in document order."""
    svg = path.read_text(encoding="utf-8")
    return [html.unescape(_TAG.sub("", m)) for m in _SVG_TEXT.findall(svg)]


# -- normaliser --------------------------------------------------------------------------------

_TS = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")


def normalise(obj: Any, *, tmp: Path, repo: Path) -> Any:
    today = _dt.date.today()
    paths = []
    for p, token in ((tmp, "<TMP>"), (INPUTS, "<INPUTS>"), (repo, "<REPO>")):
        for variant in {str(p), str(p.resolve()), os.path.realpath(p)}:
            paths.append((variant, token))
    paths.sort(key=lambda t: -len(t[0]))  # longest first (the inputs folder may sit inside the repo)
    today_forms = [today.isoformat(), f"{today.year}年{today.month}月{today.day}日"]

    def s(x: str) -> str:
        for variant, token in paths:
            x = x.replace(variant, token)
        x = _TS.sub("<TIMESTAMP>", x)
        for t in today_forms:
            x = x.replace(t, "<TODAY>")
        return x

    def walk(x: Any, key: str | None = None, parent: dict | None = None) -> Any:
        if isinstance(x, dict):
            is_report = x.get("kind") in ("xlsx", "pptx", "png", "svg") and "out" in x
            out = {}
            for k, v in x.items():
                if k == "batch_id" and isinstance(v, str):
                    out[k] = "<BATCH_ID>"
                elif k == "bytes" and is_report and isinstance(v, int):
                    out[k] = "<BYTES>"
                else:
                    out[s(k) if isinstance(k, str) else k] = walk(v, k, x)
            return out
        if isinstance(x, list):
            return [walk(v, key, parent) for v in x]
        if isinstance(x, str):
            return s(x)
        return x

    return walk(obj)


# -- comparer ----------------------------------------------------------------------------------

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _key_path(path: str, k: Any) -> str:
    return f"{path}.{k}" if isinstance(k, str) and _IDENT.match(k) else f"{path}[{json.dumps(k, ensure_ascii=False)}]"


def _item_label(x: Any) -> str:
    if isinstance(x, dict):
        for k in ("indicator_id", "id", "key", "code", "goal", "period", "name"):
            v = x.get(k)
            if isinstance(v, (str, int)) and not isinstance(v, bool):
                return "{" + str(v) + "}"
    return ""


def _short(x: Any, n: int = 160) -> str:
    t = json.dumps(x, ensure_ascii=False, default=str)
    return t if len(t) <= n else t[: n - 1] + "…"


def _num(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def compare(expected: Any, actual: Any, path: str = "$", limit: int = MAX_DIFFS) -> list[str]:
    """Differences between two JSON-like values, each ``path: expected … got …``; at most
    ``limit`` (then a final ``…`` line). Numbers: relative tolerance 1e-9."""
    diffs: list[str] = []
    more = [False]

    def note(msg: str) -> bool:
        if len(diffs) >= limit:
            more[0] = True
            return False
        diffs.append(msg)
        return True

    def rec(e: Any, a: Any, p: str) -> None:
        if len(diffs) >= limit:
            more[0] = True
            return
        if _num(e) and _num(a):
            if isinstance(e, float) and isinstance(a, float) and math.isnan(e) and math.isnan(a):
                return
            if not math.isclose(e, a, rel_tol=REL_TOL, abs_tol=ABS_TOL):
                note(f"{p}: expected {e!r}, got {a!r}")
            return
        if isinstance(e, dict) and isinstance(a, dict):
            for k in e:
                if k not in a:
                    note(f"{_key_path(p, k)}: missing (expected {_short(e[k])})")
            for k in a:
                if k not in e:
                    note(f"{_key_path(p, k)}: unexpected (got {_short(a[k])})")
            for k in e:
                if k in a:
                    rec(e[k], a[k], _key_path(p, k))
            return
        if isinstance(e, list) and isinstance(a, list):
            if len(e) != len(a):
                note(f"{p}: expected {len(e)} items, got {len(a)}")
            for i, (x, y) in enumerate(zip(e, a)):
                rec(x, y, f"{p}[{i}]{_item_label(x)}")
            for i in range(len(a), len(e)):
                note(f"{p}[{i}]{_item_label(e[i])}: missing (expected {_short(e[i])})")
            for i in range(len(e), len(a)):
                note(f"{p}[{i}]{_item_label(a[i])}: unexpected (got {_short(a[i])})")
            return
        if type(e) is not type(a) and not (_num(e) and _num(a)):
            note(f"{p}: expected {type(e).__name__} {_short(e)}, got {type(a).__name__} {_short(a)}")
            return
        if e != a:
            note(f"{p}: expected {_short(e)}, got {_short(a)}")

    rec(expected, actual, path)
    if more[0]:
        diffs.append(f"… more differences after the first {limit}")
    return diffs


# -- golden files ------------------------------------------------------------------------------


def golden_path(name: str) -> Path:
    return DATA / f"{name}.json"


def load_golden(name: str) -> dict[str, Any]:
    return json.loads(golden_path(name).read_text(encoding="utf-8"))


def pinned(record: dict[str, Any]) -> dict[str, Any]:
    """The part of a record that is written and compared (``_…`` keys are diagnostics)."""
    return {k: v for k, v in record.items() if not k.startswith("_")}


def write_golden(record: dict[str, Any]) -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    record = pinned(record)
    text = json.dumps(record, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
    golden_path(record["name"]).write_text(text, encoding="utf-8")


def pinned_values(record: dict[str, Any]) -> int:
    """Leaf values pinned by a record: its output and the outputs of its ``then`` steps."""
    return count_values(record.get("output")) + sum(count_values(r.get("output")) for r in (record.get("then") or {}).values())


def count_values(x: Any) -> int:
    """Leaf values (numbers, texts, bools, nulls) in a JSON-like value."""
    if isinstance(x, dict):
        return sum(count_values(v) for v in x.values())
    if isinstance(x, list):
        return sum(count_values(v) for v in x)
    return 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help="rewrite the golden files (an intended change of output)")
    ap.add_argument("-k", dest="only", help="only cases whose name contains this text")
    ap.add_argument("--quick", action="store_true", help="only the cases the test runs without GOLDEN_FULL=1")
    ap.add_argument("--jobs", type=int, help="parallel CLI calls (default: CPUs + 1)")
    args = ap.parse_args(argv)
    cases = [c for c in CASES if (not args.only or args.only in c.name) and not (args.quick and c.full)]
    t0 = time.perf_counter()
    results = run_all(cases, jobs=args.jobs)
    took = time.perf_counter() - t0
    bad = 0
    for name, rec in results.items():
        if rec.get("error"):
            print(f"ERROR {name}: {rec['error']}\n{rec.get('_stderr', '')}", file=sys.stderr)
            bad += 1
            continue
        if args.write:
            write_golden(rec)
            continue
        if not golden_path(name).exists():
            print(f"NEW   {name}: no golden file (run with --write)")
            bad += 1
            continue
        diffs = compare(load_golden(name), pinned(rec))
        if diffs:
            bad += 1
            print(f"DIFF  {name}:\n  " + "\n  ".join(diffs))
    if args.write and not args.only and not args.quick:
        known = {c.name for c in CASES}
        for f in DATA.glob("*.json"):
            if f.stem not in known:
                f.unlink()
                print(f"removed stale {f.name}")
    n = sum(pinned_values(r) for r in results.values())
    print(f"{len(results)} cases, {n} values, {took:.1f} s, repo {repo_root()}"
          + ("" if args.write else f", {bad} differing") + (" (written)" if args.write else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
