"""Server time of the main interactions, measured with AppTest against a trivial one-widget page
run in the same process. Run: .venv/bin/python bench/ui_latency.py  (prints ms and ratios).

AppTest normally compiles the scripts afresh on every run (a new script cache each time); the
server keeps one script cache for its lifetime, so here every run shares one, as in the server
(pass ``--fresh-cache`` to measure with AppTest's per-run compilation instead)."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
APP = str(ROOT / "app.py")
TARGET_MS = 150.0
REPEATS = 5


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def median_of(fn) -> float:
    return statistics.median(timed(fn) for _ in range(REPEATS))


def share_script_cache() -> None:
    """Give every AppTest run the same script cache (compiled bytecode), as the server does."""
    import streamlit.testing.v1.app_test as app_test_module
    import streamlit.testing.v1.local_script_runner as runner_module
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    shared = ScriptCache()
    app_test_module.ScriptCache = lambda: shared  # type: ignore[assignment]
    runner_module.ScriptCache = lambda: shared  # type: ignore[assignment]


def main() -> int:
    if "--fresh-cache" not in sys.argv[1:]:
        share_script_cache()
    trivial = Path(tempfile.mkdtemp()) / "trivial.py"
    trivial.write_text("import streamlit as st\nx = st.slider('x', 0, 10, 5)\nst.write(x)\n", encoding="utf-8")
    base_at = AppTest.from_file(str(trivial), default_timeout=60).run()
    base = median_of(lambda: base_at.slider[0].set_value(3).run())

    cold_t0 = time.perf_counter()
    at = AppTest.from_file(APP, default_timeout=60).run()
    cold = (time.perf_counter() - cold_t0) * 1000
    months = ["2024-08", "2024-07", "2024-06", "2024-05", "2024-04"]
    it = iter(months * 3)
    results = {"cold start (first run, loads data)": cold}
    results["rerun overview (warm)"] = median_of(lambda: at.run())
    results["change as-of month (overview)"] = median_of(lambda: at.sidebar.selectbox(key="as_of").set_value(next(it)).run())
    at.switch_page("pages/goals.py").run()
    goals = iter([1, 2, 3, 4, 5, -1] * 2)

    def pick_goal():
        at.session_state["goal_pick"] = next(goals)
        at.run()

    results["pick a goal (goal progress)"] = median_of(pick_goal)
    at.switch_page("pages/indicator.py").run()
    inds = iter(["new_urban_jobs", "registered_unemployed", "vocational_training", "budget_execution", "public_service_satisfaction"] * 2)
    results["open an indicator (drill-down)"] = median_of(lambda: at.selectbox(key="indicator_pick").set_value(next(inds)).run())
    assert not at.exception, at.exception
    at.switch_page("pages/budget.py").run()
    paces = iter([1.1, 1.2, 1.3, 1.4, 1.5, 0.9, 0.8] * 2)
    results["move a budget lever (scenarios)"] = median_of(lambda: at.slider(key="lv_pace").set_value(next(paces)).run())
    assert not at.exception, at.exception

    print(f"baseline: trivial one-widget page rerun = {base:.1f} ms (median of {REPEATS})")
    print(f"{'interaction':40s} {'ms':>8s} {'x baseline':>11s}  target <= {TARGET_MS:.0f} ms")
    ok = True
    for name, ms in results.items():
        flag = "" if name.startswith("cold") else ("PASS" if ms <= TARGET_MS else "FAIL")
        ok &= flag != "FAIL"
        print(f"{name:40s} {ms:8.1f} {ms / base:11.1f}  {flag}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
