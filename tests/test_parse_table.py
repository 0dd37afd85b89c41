"""parse-table: reading real target tables (the seed, the corpus in tests/tables/, layouts)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from analytics.core.values import normalize_text, parse_target
from analytics.ingest.tables import NoTable, TableReading, parse_table
from analytics.ingest.tables.cells import read_value, split_name
from analytics.ingest.tables.layout import fill_levels
from analytics.ingest.tables.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "tables" / "seed_dongguan.txt"
TABLES = ROOT / "tests" / "tables"
LEX = load_lexicon()


def _read(path: Path | str, **kw: object) -> dict:
    result = parse_table(path, **kw)  # type: ignore[arg-type]
    assert isinstance(result, TableReading), result
    return result.to_json()


# --- the seed against the hand-made reading --------------------------------------------------

#: Fields of indicators.csv that only a person could know, and why the reading may differ there.
ONLY_A_PERSON_KNOWS = {
    # 原表未写单位：a person chose 件; the reading infers 件 from 事件 too, but marks it for review.
    ("mass_incidents", "unit"): "件",
}


def _csv_rows() -> list[dict[str, str]]:
    with open(ROOT / "data" / "projects" / "dongguan" / "indicators.csv", encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if r["origin"] == "table"]


def test_seed_gives_the_hand_made_reading() -> None:
    data = _read(SEED)
    rows = _csv_rows()
    inds = data["indicators"]
    assert len(rows) == 40 and len(inds) == 40
    assert data["unread"] == []
    for want, got in zip(rows, inds):
        assert normalize_text(got["name_raw"]) == normalize_text(want["name_raw"])
        assert got["name"] == want["name"]
        assert (got["level1"], got["level2"]) == (want["level1"], want["level2"])
        assert got["unit"] == want["unit"], want["id"]
        assert got["kind"] == want["kind"], want["id"]
        assert got["direction"] == want["direction"], want["id"]
        for year, column in (("2023", "target_2023"), ("2024", "target_2024")):
            expected = parse_target(want[column], want["direction"])
            t = got["targets"][year]
            assert (t["comparator"], t["value"], t["no_value"]) == (
                expected.comparator, expected.value, expected.no_value), (want["id"], year)
        base = parse_target(want["actual_2022"], want["direction"])
        assert (got["baseline"]["2022"]["value"], got["baseline"]["2022"]["no_value"]) == (base.value, base.no_value)
    # the only field inferred with low confidence is the one a person had to decide
    low = {(rows[i]["id"], f) for i, ind in enumerate(inds) for f in ind["review"]}
    assert low == set(ONLY_A_PERSON_KNOWS)


def test_seed_project_facts() -> None:
    p = _read(SEED)["project"]
    assert p["name"] == "东莞市公共就业服务能力提升示范项目"
    assert p["years"] == [2023, 2024] and p["baseline_year"] == 2022
    assert p["funding"]["total"] == 103414.18
    assert [(s["key"], s["amount"]) for s in p["funding"]["sources"]] == [
        ("central", 10000.0), ("local", 87651.18), ("other", 5763.0)]
    assert p["departments"]["中央主管部门"] == "人力资源社会保障部"
    assert "东莞市人力资源社会保障局" in p["departments"]["地方主管部门"]
    assert p["overall_goal"].startswith("锚定高质量充分就业目标")


def test_cli_parse_table_json_and_no_table(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "analytics", "parse-table", str(SEED)], capture_output=True,
                         text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert len(data["indicators"]) == 40 and data["indicators"][0]["inferred"]["kind"]["value"] == "flow"
    bad = tmp_path / "notes.txt"
    bad.write_text("会议纪要\n今天讨论了预算。\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "analytics", "parse-table", str(bad)], capture_output=True,
                         text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 1
    assert "notes.txt" in out.stderr and "三级指标" in out.stderr and "会议纪要" in out.stderr
    assert "Traceback" not in out.stderr
