"""Reading a fixture of tests/ingest/files/ (a real table's text as a PDF or a viewer gives it), for
the tests of the readers that put such copies back together."""

from __future__ import annotations

from pathlib import Path

from analytics.ingest.tables import TableReading, parse_table

FILES = Path(__file__).resolve().parent / "files"


def read_copy(name: str) -> TableReading:
    """``parse-table``'s reading of the fixture ``name`` (a reading, not a refusal)."""
    path = FILES / name
    result = parse_table(path.read_bytes(), filename=path.name)
    assert isinstance(result, TableReading), result
    return result


def targets_read(result: TableReading, year: str) -> dict[str, str]:
    """Each indicator's name and its target for ``year`` as written, for those read with one."""
    return {i["name"]: i["targets"][year]["raw"] for i in result.indicators if i["targets"].get(year)}
