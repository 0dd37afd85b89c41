"""`python -m analytics year-budgets [--store DIR] [--set FILE.csv] [--reset]`: the table in force
with its origin (stored / file / derived) as JSON; --set checks and stores a CSV."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analytics.cli.main import main
from analytics.storage.store import Store

ROOT = Path(__file__).resolve().parents[2]
GOOD = "year,source,amount\n2023,中央补助,3000\n2023,local,26000\n2023,other,1700\n" \
       "2024,central,7000\n2024,地方资金,61651.18\n2024,other,4063\n"


def run(capsys, *argv) -> tuple[int, dict | str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    try:
        return code, json.loads(out.out), out.err
    except json.JSONDecodeError:
        return code, out.out, out.err


def test_derived_then_set_then_reset(tmp_path, capsys):
    store = tmp_path / "s"
    Store(store)
    code, out, _ = run(capsys, "year-budgets", "--store", str(store))
    assert code == 0 and out["origin"] == "derived" and out["unit"] == "万元"
    row = next(r for r in out["rows"] if (r["year"], r["source"]) == (2023, "central"))
    assert row == {"year": 2023, "source": "central", "name_zh": "中央补助", "name_en": row["name_en"], "amount": 3000.0,
                   "basis": "target"}
    assert [w["code"] for w in out["warnings"]] == ["sum_differs"]  # derived years add up to more than the total
    f = tmp_path / "y.csv"
    f.write_text(GOOD, encoding="utf-8")
    code, out, _ = run(capsys, "year-budgets", "--store", str(store), "--set", str(f), "--who", "ann")
    assert code == 0 and out["origin"] == "stored" and out["warnings"] == []
    assert {r["basis"] for r in out["rows"]} == {"store"} and out["year_totals"]["2024"] == pytest.approx(72714.18)
    assert Store(store).audit("settings")[0].who == "ann"
    code, out, _ = run(capsys, "year-budgets", "--store", str(store))
    assert out["origin"] == "stored"
    code, out, _ = run(capsys, "year-budgets", "--store", str(store), "--reset")
    assert code == 0 and out["origin"] == "derived"


def test_set_refuses_bad_rows_and_writes_nothing(tmp_path, capsys):
    store = tmp_path / "s"
    v0 = Store(store).data_version()
    f = tmp_path / "bad.csv"
    f.write_text("year,source,amount\n2025,central,1\n2023,nope,1\n2024,local,-3\n", encoding="utf-8")
    code, _, err = run(capsys, "year-budgets", "--store", str(store), "--set", str(f))
    assert code == 1
    assert "资金来源「nope」" in err and "2025 年不在项目实施期内" in err and "2024 年地方资金的金额" in err
    assert Store(store).data_version() == v0
    over = tmp_path / "over.csv"
    over.write_text("year,source,amount\n2024,local,100000\n2024,central,10000\n", encoding="utf-8")
    code, _, err = run(capsys, "year-budgets", "--store", str(store), "--set", str(over), "--lang", "en")
    assert code == 1 and "above the project budget" in err


def test_file_origin_with_targets_folder(tmp_path, capsys):
    import shutil

    folder = tmp_path / "proj"
    shutil.copytree(ROOT / "data" / "projects" / "dongguan", folder)
    (folder / "year_budgets.csv").write_text("year,source,amount\n2024,central,1234\n", encoding="utf-8")
    code, out, _ = run(capsys, "year-budgets", "--targets", str(folder))
    assert code == 0 and out["origin"] == "file" and out["file"].endswith("year_budgets.csv")
    row = next(r for r in out["rows"] if (r["year"], r["source"]) == (2024, "central"))
    assert (row["amount"], row["basis"]) == (1234.0, "file")
    code, _, err = run(capsys, "year-budgets", "--targets", str(folder), "--set", str(folder / "year_budgets.csv"))
    assert code == 2 and "--set" in err


def test_table_format_as_a_process(tmp_path):
    store = tmp_path / "s"
    Store(store)
    done = subprocess.run([sys.executable, "-m", "analytics", "year-budgets", "--store", str(store), "--format", "table"],
                          cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0 and "中央补助" in done.stdout and "按执行率目标推算" in done.stdout and "口径" in done.stdout
