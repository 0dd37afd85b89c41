"""No change reads a held-out real table worse than it was read when its floor was recorded
(``bench/parse_tables.py --write-floors``): each table's rows found and targets exact may rise,
never silently fall. A held-out set without floors fails too, so a new set is recorded when it
is first measured."""

from __future__ import annotations

import json

import pytest

from bench.parse_tables import FLOORS, heldout_cases, heldout_folders, run

FOLDERS = heldout_folders()


def _floors() -> dict[str, dict[str, int]]:
    return json.loads(FLOORS.read_text(encoding="utf-8"))


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_each_held_out_table_reads_at_least_as_well_as_its_floor(folder) -> None:  # type: ignore[no-untyped-def]
    floors = _floors()
    worse = []
    for t in run(heldout_cases(folder))["tables"]:
        key = f"{folder.name}/{t['file']}"
        assert key in floors, f"{key} has no floor: run bench/parse_tables.py --write-floors"
        for field in ("rows", "targets"):
            if t[field][0] < floors[key][field]:
                worse.append((key, field, floors[key][field], t[field][0], t["misses"][:6]))
    assert not worse, worse


def test_every_floor_names_a_held_out_table() -> None:
    known = {f"{folder.name}/{name}" for folder in FOLDERS for name, _, _ in heldout_cases(folder)}
    assert set(_floors()) <= known
