"""The store under load, on SQLite and on PostgreSQL in one run: N writer and M reader
processes on one store for a fixed time. A writer makes read-modify-write saves of grid cells
(one of a few hot cells each time, so writers collide) with the version check, retrying a
refused save; a reader does what a page does when the data changed: the data version, then
the whole dataset (``load_dataset``). Afterwards every hot cell must equal the number of saves
made to it (no lost update); any error other than a reported conflict is counted.

Prints, per backend: saves/s and page loads/s, p50/p95 of a page's data load and of a save
(alone, the backends taking turns, and under load), conflicts, errors, lost updates; then the PostgreSQL/SQLite ratios.

Run: .venv/bin/python bench/store_load.py [--writers 8] [--readers 4] [--seconds 15]
PostgreSQL: ``$PT_DATABASE_URL`` (a database of its own: the bench empties it), else a throwaway
cluster started here with deploy/throwaway-postgres.sh (loopback only, stopped at the end).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analytics.storage.store import StaleEditError, Store, spending_key  # noqa: E402

HOT = [spending_key(2030, m, "central") for m in range(1, 5)]  # cells every writer collides on


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] * 1000.0


def writer(target: str, name: str, seconds: float, start: Any, out: Any) -> None:
    s = Store(target)
    rng = random.Random(name)
    lat: list[float] = []
    saves = {k: 0 for k in HOT}
    conflicts = errors = 0
    start.wait(300)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        key = rng.choice(HOT)
        while time.monotonic() < end + 5:
            ver, val = s.cell_versions([key])[key]
            t = time.perf_counter()
            try:
                s.save_grid_edits({key: (val or 0.0) + 1.0}, {key: ver}, name, keep_sample=True)
                lat.append(time.perf_counter() - t)
                saves[key] += 1
                break
            except StaleEditError:
                conflicts += 1
            except Exception as exc:  # noqa: BLE001 - counted: the target is none
                errors += 1
                print(f"{name}: {type(exc).__name__}: {exc}", file=sys.stderr)
                break
    s.close()
    out.put(("w", name, lat, saves, conflicts, errors))


def reader(target: str, name: str, seconds: float, start: Any, out: Any) -> None:
    s = Store(target)
    lat: list[float] = []
    errors = 0
    start.wait(300)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        t = time.perf_counter()
        try:
            s.data_version()
            s.load_dataset()
            lat.append(time.perf_counter() - t)
        except Exception as exc:  # noqa: BLE001
            errors += 1
            print(f"{name}: {type(exc).__name__}: {exc}", file=sys.stderr)
    s.close()
    out.put(("r", name, lat, {}, 0, errors))


def alone(targets: dict[str, str], n: int = 30) -> dict[str, dict[str, list[float]]]:
    """A page's data load and a save with nothing else running, the backends taking turns
    (so a busy moment of the machine falls on both alike)."""
    stores = {name: Store(t) for name, t in targets.items()}
    out: dict[str, dict[str, list[float]]] = {name: {"read": [], "save": []} for name in stores}
    for s in stores.values():
        s.load_dataset()
    key = spending_key(2031, 1, "central")
    for _ in range(n):
        for name, s in stores.items():
            t = time.perf_counter()
            s.data_version()
            s.load_dataset()
            out[name]["read"].append(time.perf_counter() - t)
            ver, val = s.cell_versions([key])[key]
            t = time.perf_counter()
            s.save_grid_edits({key: (val or 0.0) + 1.0}, {key: ver}, "alone", keep_sample=True)
            out[name]["save"].append(time.perf_counter() - t)
    for s in stores.values():
        s.close()
    return out


def run(target: str, writers: int, readers: int, seconds: float) -> dict[str, Any]:
    """One backend under load → the measured numbers."""
    Store(target).close()  # created and seeded before the clock starts
    ctx = mp.get_context("spawn")
    start, out = ctx.Barrier(writers + readers), ctx.Queue()
    procs = [ctx.Process(target=writer, args=(target, f"w{i}", seconds, start, out)) for i in range(writers)]
    procs += [ctx.Process(target=reader, args=(target, f"r{i}", seconds, start, out)) for i in range(readers)]
    for p in procs:
        p.start()
    results = [out.get(timeout=seconds + 600) for _ in procs]
    for p in procs:
        p.join(60)
    w_lat = [x for r in results if r[0] == "w" for x in r[2]]
    r_lat = [x for r in results if r[0] == "r" for x in r[2]]
    made = {k: sum(r[3].get(k, 0) for r in results) for k in HOT}
    s = Store(target)
    final = s.cell_versions(HOT)
    s.close()
    lost = sum(made[k] - int(final[k][1] or 0) for k in HOT)
    return {"read": r_lat, "save": w_lat, "saves": sum(made.values()), "reads": len(r_lat),
            "conflicts": sum(r[4] for r in results), "errors": sum(r[5] for r in results), "lost": lost,
            "seconds": seconds, "exitcodes": [p.exitcode for p in procs]}


def pg_target() -> tuple[str, str | None]:
    url = os.environ.get("PT_DATABASE_URL") or os.environ.get("PT_TEST_DATABASE_URL")
    if url:
        import psycopg

        with psycopg.connect(url, autocommit=True) as con:  # a database of its own: start empty
            con.execute("DROP SCHEMA IF EXISTS bench_store_load CASCADE")
            con.execute("CREATE SCHEMA bench_store_load")
        sep = "&" if "?" in url else "?"
        return f"{url}{sep}options=-csearch_path%3Dbench_store_load", None
    line = subprocess.run(["bash", str(ROOT / "deploy" / "throwaway-postgres.sh"), "start"], check=True,
                          capture_output=True, text=True).stdout.split()
    return line[0], line[1]


def report(name: str, r: dict[str, Any]) -> None:
    print(f"{name:10s} saves/s {r['saves'] / r['seconds']:7.1f}  page loads/s {r['reads'] / r['seconds']:6.1f}  "
          f"alone: page load p50 {pct(r['idle_read'], .5):6.1f} ms p95 {pct(r['idle_read'], .95):6.1f} ms, "
          f"save p50 {pct(r['idle_save'], .5):5.1f} ms p95 {pct(r['idle_save'], .95):5.1f} ms  "
          f"under load: page load p50 {pct(r['read'], .5):6.1f} ms p95 {pct(r['read'], .95):6.1f} ms, "
          f"save p50 {pct(r['save'], .5):6.1f} ms p95 {pct(r['save'], .95):6.1f} ms  "
          f"conflicts {r['conflicts']}  errors {r['errors']}  lost updates {r['lost']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--writers", type=int, default=8)
    ap.add_argument("--readers", type=int, default=4)
    ap.add_argument("--seconds", type=float, default=15.0)
    args = ap.parse_args()
    print(f"{args.writers} writers, {args.readers} readers, {args.seconds:g} s per backend, {os.cpu_count()} cores")
    results = {}
    url, folder = pg_target()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["PT_DATA_DIR"] = tmp  # the PostgreSQL store's local work folder too (inherited)
            targets = {"sqlite": str(Path(tmp) / "store"), "postgresql": url}
            for name, target in targets.items():
                results[name] = run(target, args.writers, args.readers, args.seconds)
            for name, numbers in alone(targets).items():
                results[name]["idle_read"], results[name]["idle_save"] = numbers["read"], numbers["save"]
    finally:
        if folder:
            subprocess.run(["bash", str(ROOT / "deploy" / "throwaway-postgres.sh"), "stop", folder], check=False)
    for name, r in results.items():
        report(name, r)
    a, b = results["sqlite"], results["postgresql"]
    ratio = lambda k, q: pct(b[k], q) / pct(a[k], q)  # noqa: E731
    print(f"postgresql/sqlite: alone: page load p50 {ratio('idle_read', .5):.2f}x p95 {ratio('idle_read', .95):.2f}x, "
          f"save p50 {ratio('idle_save', .5):.2f}x p95 {ratio('idle_save', .95):.2f}x; "
          f"under load: page load p50 {ratio('read', .5):.2f}x p95 {ratio('read', .95):.2f}x, "
          f"save p50 {ratio('save', .5):.2f}x p95 {ratio('save', .95):.2f}x; "
          f"saves/s {b['saves'] / max(a['saves'], 1):.2f}x; page loads/s {b['reads'] / max(a['reads'], 1):.2f}x")
    ok = all(r["lost"] == 0 and r["errors"] == 0 and all(c == 0 for c in r["exitcodes"]) for r in results.values())
    target = ratio("idle_read", .5) <= 1.5
    print(f"no lost update, no error but reported conflicts: {'yes' if ok else 'NO'}; "
          f"page data read <= 1.5x SQLite: {'yes' if target else 'NO'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
