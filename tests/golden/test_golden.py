"""Golden tests: the observable output of the command line, pinned before a large internal
refactor, so the refactored code can be checked against it.

Only public faces are used — ``python -m analytics …`` in a subprocess (cwd = the repo root,
``PT_DATA_DIR`` = a fresh temporary folder) and the files it writes (.xlsx cells via openpyxl,
.pptx texts via python-pptx, .svg chart texts). No ``analytics`` import here or in regen.py.

What is pinned (one JSON file per case in ``tests/golden/data/``; the cases are listed in
``regen.py``): the JSON of ``targets``, ``quality``, ``rules``, ``status``, ``forecast``,
``scenario``, ``score`` (as of 2024-08, 2023-12, 2024-03 and the defaults; ``--lang zh`` and
``en``; a scenario file using every lever), ``validate`` on the shipped sample and on part of
``tests/data/good|broken``, a few ``--format table`` outputs, usage errors (exit 2 and stderr),
every non-empty cell (+ number formats, merged ranges, freeze panes, print areas) of the
official forms, the texts and table cells of every slide of the deck, the texts of a chart, and a
data store: seeded, imported into, then read by status/forecast/score/report.

Run::

    .venv/bin/python -m pytest tests/golden -q -p no:playwright -o addopts=""
    GOLDEN_FULL=1 …          # also the rest of the corpus and the redundant variants (~2x longer)
    GOLDEN_REPO=/path/to/checkout …   # run the CLI of another checkout (e.g. a frozen worktree)

A failure names the case, the command and the JSON path of each difference (up to 20), e.g.
``$.output.indicators[3]{graduate_services}.ratio: expected 0.91…, got 0.93…``. If the change is
intended, rewrite the golden data deliberately and review the diff::

    .venv/bin/python tests/golden/regen.py --write [-k CASE]
    git diff tests/golden/data
"""

from __future__ import annotations

import json
import os

import pytest

from . import regen

pytestmark = pytest.mark.slow

FULL = os.environ.get("GOLDEN_FULL") == "1"
CASES = [c for c in regen.CASES if FULL or not c.full]


@pytest.fixture(scope="module")
def results(request) -> dict[str, dict]:
    """Every selected case, run once, in parallel (``-k`` selects which)."""
    wanted = {
        item.callspec.params["case"].name
        for item in request.session.items
        if getattr(item, "module", None) is request.module and hasattr(item, "callspec") and "case" in item.callspec.params
    }
    return regen.run_all([c for c in CASES if c.name in wanted])


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_golden(case: regen.Case, results: dict[str, dict]) -> None:
    rec = results[case.name]
    cmd = "python -m analytics " + " ".join(case.argv)
    stderr = (rec.get("_stderr") or "").strip()
    assert not rec.get("error"), f"{case.name}: {cmd}\n{rec['error']}\nstderr: {stderr[-1500:]}"
    path = regen.golden_path(case.name)
    assert path.exists(), f"no golden file {path.name}: run .venv/bin/python tests/golden/regen.py --write -k {case.name}"
    diffs = regen.compare(regen.load_golden(case.name), regen.pinned(rec))
    if diffs:
        pytest.fail(
            f"{case.name}: output differs from tests/golden/data/{path.name}\n  cmd: {cmd}\n  "
            + "\n  ".join(diffs)
            + (f"\n  stderr: {stderr[-800:]}" if stderr else "")
            + f"\n  (intended? .venv/bin/python tests/golden/regen.py --write -k {case.name}; then review git diff)",
            pytrace=False,
        )


def test_every_golden_file_has_a_case() -> None:
    known = {c.name for c in regen.CASES}
    stale = sorted(f.name for f in regen.DATA.glob("*.json") if f.stem not in known)
    assert not stale, f"golden files without a case (removed or renamed?): {stale}"


def test_comparer_names_the_path() -> None:
    """The comparer itself: tolerance 1e-9 relative, int == float, bool != int, paths named."""
    expected = {"a": [{"indicator_id": "x", "v": 1.0, "s": "t"}], "n": 100, "b": True, "gone": 1}
    actual = json.loads(json.dumps(expected))
    actual["a"][0]["v"] = 1.0 + 5e-10  # within tolerance
    actual["n"] = 100.0
    assert regen.compare(expected, actual) == []
    actual["a"][0]["v"] = 1.0 + 1e-8
    actual["b"] = 1
    del actual["gone"]
    actual["new"] = None
    diffs = regen.compare(expected, actual)
    assert "$.gone: missing (expected 1)" in diffs
    assert "$.new: unexpected (got null)" in diffs
    assert any(d.startswith("$.a[0]{x}.v: expected 1.0, got 1.00000001") for d in diffs)
    assert any(d.startswith("$.b: expected bool true, got int 1") for d in diffs)
    many = regen.compare(list(range(30)), [i + 1 for i in range(30)])
    assert len(many) == regen.MAX_DIFFS + 1 and many[-1].startswith("…")
