"""Memory of a restore: the peak a restore of a large backup adds to its process, as a ratio
to the size of the backup's database, measured in the same run.

A backup of the sample store is padded to ``--mb`` MB (a table of random blobs restore does
not read: the file is checked whole — integrity, views, triggers — but only the tables this
app knows are read as rows), written as ``.sqlite`` and as ``.zip``. Each case runs in a
fresh process that opens its own copy of the store, notes its peak resident memory
(``ru_maxrss``), restores, and notes the peak again:

* ``cli .sqlite`` / ``cli .zip``: ``python -m analytics restore FILE`` (the file is read by
  the command);
* ``bytes .sqlite``: ``Store.restore`` given the file's bytes, as the data page hands over an
  upload (the bytes themselves are counted in the process's baseline).

Prints per case the added peak in MB, ``peak / db`` (the added peak divided by the database's
size) and the restore's time. The reference line reads the database file into memory once:
``peak / db`` ≈ 1.0 is one copy of the database. Exit 1 when a case is refused or adds more
than ``--max-ratio`` copies.

Run: .venv/bin/python bench/restore_memory.py [--mb 400] [--max-ratio 0.5]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
case, backup, store = sys.argv[2], sys.argv[3], sys.argv[4]
from analytics.cli.main import main
from analytics.storage.store import Store
def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
out = {}
if case == "reference":
    out["before"] = peak()
    t = time.perf_counter()
    data = open(backup, "rb").read()
    out["seconds"] = time.perf_counter() - t
    out["ok"] = True
elif case == "bytes":
    s = Store(store, create=False)
    data = open(backup, "rb").read()
    out["before"] = peak()
    t = time.perf_counter()
    s.restore(data, "bench", filename="bench.sqlite")
    out["seconds"] = time.perf_counter() - t
    out["ok"] = True
else:
    Store(store, create=False).close()
    out["before"] = peak()
    t = time.perf_counter()
    out["ok"] = main(["restore", backup, "--store", store, "--who", "bench", "--format", "json"]) == 0
    out["seconds"] = time.perf_counter() - t
out["after"] = peak()
print("RESULT " + json.dumps(out))
"""


def padded_backup(folder: Path, mb: int) -> Path:
    """The sample store's backup with ``mb`` MB of random blobs in a table restore does not read."""
    from analytics.storage.store import Store

    s = Store(folder / "source")
    data = s.backup()
    s.close()
    path = folder / "backup.sqlite"
    path.write_bytes(data)
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE padding (blob BLOB)")
    chunk = 1024 * 1024
    for _ in range(mb):
        con.execute("INSERT INTO padding VALUES (?)", (os.urandom(chunk - 512),))
    con.commit()
    con.close()
    return path


def run(case: str, backup: Path, store: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), case, str(backup), str(store)],
                         capture_output=True, text=True, check=False)
    line = [x for x in out.stdout.splitlines() if x.startswith("RESULT ")]
    if not line:
        print(out.stdout[-2000:], out.stderr[-4000:], file=sys.stderr)
        return {"ok": False, "before": 0, "after": 0, "seconds": 0.0}
    return json.loads(line[-1][len("RESULT "):])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=int, default=400, help="size of the padded database in MB (default 400)")
    ap.add_argument("--max-ratio", type=float, default=0.5,
                    help="largest accepted added peak, in copies of the database (default 0.5)")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="pt_bench_restore_"))
    try:
        backup = padded_backup(folder, args.mb)
        zipped = folder / "backup.zip"
        with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            zf.write(backup, "tracker.sqlite")
        size = backup.stat().st_size
        print(f"database {size / 2**20:.0f} MB (zip {zipped.stat().st_size / 2**20:.0f} MB)")
        print(f"{'case':<14} {'added peak MB':>14} {'peak / db':>10} {'seconds':>8}")
        worst, failed = 0.0, False
        for case, file in (("reference", backup), ("cli", backup), ("cli", zipped), ("bytes", backup)):
            store = folder / f"store-{case}-{file.suffix[1:]}"
            shutil.copytree(folder / "source", store)
            r = run(case, file, store)
            added = max(0, r["after"] - r["before"])
            ratio = added / size
            name = "reference" if case == "reference" else f"{case} {file.suffix}"
            print(f"{name:<14} {added / 2**20:>14.0f} {ratio:>10.2f} {r['seconds']:>8.1f}"
                  + ("" if r["ok"] else "  REFUSED"))
            failed |= not r["ok"]
            if case != "reference":
                worst = max(worst, ratio)
            shutil.rmtree(store, ignore_errors=True)
        print(f"worst restore: {worst:.2f} copies of the database (limit {args.max_ratio:.2f})")
        return 1 if failed or worst > args.max_ratio else 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
