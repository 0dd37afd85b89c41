"""Import speed of the data store: 10 years × 60 indicators × 12 months (7,200 rows) validated,
imported in one transaction and read back, against pandas ``read_csv`` of the same file in the
same process. Run: .venv/bin/python bench/import_speed.py   (prints ms and ratios)."""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from analytics.storage.store import SeedSpec, Store  # noqa: E402

REPEATS = 5
YEARS = range(2015, 2025)
INDICATORS = 60


def make_files(folder: Path) -> tuple[Path, Path, dict[tuple[str, int, int], float]]:
    targets = ["indicator_id,name,unit,kind,direction,year,target"]
    for i in range(INDICATORS):
        kind = "flow" if i % 2 == 0 else "level"
        targets += [f"ind_{i:02d},指标{i:02d},万人,{kind},higher,{y},{100 + i}" for y in YEARS]
    t = folder / "targets.csv"
    t.write_text("\n".join(targets) + "\n", encoding="utf-8")
    rng = random.Random(20240901)
    want: dict[tuple[str, int, int], float] = {}
    lines = ["indicator_id,period,value,basis"]
    for i in range(INDICATORS):
        for y in YEARS:
            total = 0.0
            for m in range(1, 13):
                if i % 2 == 0:
                    total = round(total + rng.uniform(0, 10), 4)
                    v, basis = total, "ytd"
                else:
                    v, basis = round(rng.uniform(0, 500), 4), "level"
                want[(f"ind_{i:02d}", y, m)] = v
                lines.append(f"ind_{i:02d},{y}-{m:02d},{v!r},{basis}")
    a = folder / "actuals.csv"
    a.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return t, a, want


def ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="pt_bench_"))
    targets, actuals, want = make_files(folder)
    rows = len(want)

    base = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        pd.read_csv(actuals)
        base.append(ms(t0))

    validate, apply, read, load = [], [], [], []
    for k in range(REPEATS):
        store = Store(folder / f"store{k}", seed=SeedSpec(targets=str(targets)))
        t0 = time.perf_counter()
        result = store.validate_file(actuals, filename=actuals.name)
        validate.append(ms(t0))
        assert result.ok, result.report("en")
        t0 = time.perf_counter()
        summary = store.apply_import(result, actuals.name, "bench")
        apply.append(ms(t0))
        assert summary.added == rows
        t0 = time.perf_counter()
        frame = store.actuals_frame()
        read.append(ms(t0))
        t0 = time.perf_counter()
        store.load_dataset()
        load.append(ms(t0))
        got = {(r.indicator_id, r.year, r.month): r.value for r in frame.itertuples()}
        assert got == want, "read back differs from what was imported"

    b, v, a, r, ld = (statistics.median(x) for x in (base, validate, apply, read, load))
    print(f"rows: {rows} ({len(YEARS)} years × {INDICATORS} indicators × 12 months), median of {REPEATS}")
    print(f"baseline pandas.read_csv           {b:8.1f} ms")
    print(f"validate (analytics.ingest.validate)        {v:8.1f} ms   {v / b:6.1f}× baseline")
    print(f"import, one transaction + audit    {a:8.1f} ms   {a / b:6.1f}× baseline")
    print(f"validate + import                  {v + a:8.1f} ms   {(v + a) / b:6.1f}× baseline")
    print(f"read back (Store.actuals_frame)    {r:8.1f} ms   {r / b:6.1f}× baseline")
    print(f"read back as Dataset (series)      {ld:8.1f} ms   {ld / b:6.1f}× baseline")
    print("read back equals the file exactly: yes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
