"""Limits on the work one data file may cause, loaded in one place from ``data/limits.yaml``.

Each setting there has a name, a default and help text (in the style of datasette's settings).
:func:`default_limits` reads the file once; :func:`resolve` turns what a caller passes
(``None``, a :class:`Limits`, or a mapping of overrides such as ``{"max_rows": 10}``) into a
:class:`Limits`. The plausible maximum of a value per unit lives in the same file.
"""

from __future__ import annotations

import dataclasses
import functools
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import yaml

from analytics.core.paths import DATA_DIR
from analytics.core.values import normalize_text

__all__ = ["Limits", "LimitExceeded", "Deadline", "default_limits", "resolve", "settings_help", "LIMITS_FILE"]

LIMITS_FILE = DATA_DIR / "limits.yaml"


@dataclass(frozen=True)
class Limits:
    """Bounds on one file's table; see ``data/limits.yaml`` for the meaning of each."""

    max_columns: int = 500
    max_rows: int = 50_000
    max_cells: int = 300_000
    max_cell_chars: int = 10_000
    max_text_chars: int = 20_000_000
    max_sheets: int = 255
    max_unpacked_bytes: int = 200_000_000
    max_seconds: float = 8.0
    max_table_rows: int = 8_000
    max_table_columns: int = 100
    max_table_cells: int = 60_000
    max_table_chars: int = 2_000_000
    max_pdf_pages: int = 40
    max_pdf_objects: int = 200_000
    max_pdf_memory_mb: int = 400
    max_scan_pages: int = 10
    max_scan_seconds: float = 120.0
    max_scan_memory_mb: int = 1500
    max_table_unpacked_bytes: int = 20_000_000
    max_problems: int = 500
    max_listed: int = 20
    scale_ratio: float = 100.0
    fraction_floor: float = 10.0
    budget_ratio: float = 1.0
    cumulative_ratio: float = 0.6
    cumulative_pace: float = 2.0
    plausible_default: float = 1e12
    plausible_units: Mapping[str, float] = field(default_factory=dict, hash=False)

    def plausible_max(self, unit: str) -> float:
        """The largest value that can be meant in ``unit`` (full-width and spaces ignored)."""
        key = normalize_text(unit)
        return float(self.plausible_units.get(key, self.plausible_default))

    @property
    def unpacked_size(self) -> str:
        """``max_table_unpacked_bytes`` as messages state it (``20 MB``)."""
        return f"{self.max_table_unpacked_bytes / 1_000_000:g} MB"

    def replace(self, **changes: Any) -> "Limits":
        return dataclasses.replace(self, **changes)


class LimitExceeded(Exception):
    """Raised inside the reader when a limit is passed; the gate turns it into a problem."""

    def __init__(self, code: str, row: int | None = None, column: str | None = None, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.row = row
        self.column = column
        self.params = params


class Deadline:
    """Wall-clock budget of one file (``max_seconds``); :meth:`check` raises when spent."""

    def __init__(self, seconds: float) -> None:
        self.seconds = float(seconds)
        self.start = time.monotonic()

    def check(self, row: int | None = None) -> None:
        if time.monotonic() - self.start > self.seconds:
            raise LimitExceeded("time_limit", row=row, limit=self.seconds)


_INT_FIELDS = {"max_columns", "max_rows", "max_cells", "max_cell_chars", "max_text_chars", "max_sheets", "max_table_chars",
               "max_unpacked_bytes", "max_problems",
               "max_listed", "max_table_rows", "max_table_columns", "max_table_cells", "max_pdf_pages", "max_pdf_objects", "max_pdf_memory_mb",
               "max_scan_pages", "max_scan_memory_mb",
               "max_table_unpacked_bytes"}


def _from_doc(doc: Mapping[str, Any]) -> Limits:
    values: dict[str, Any] = {}
    known = {f.name for f in dataclasses.fields(Limits)}
    for item in doc.get("settings") or []:
        name = str(item["name"])
        if name not in known:
            raise ValueError(f"unknown limit in {LIMITS_FILE.name}: {name}")
        values[name] = int(item["default"]) if name in _INT_FIELDS else float(item["default"])
    plausible = doc.get("plausible_max") or {}
    if "default" in plausible:
        values["plausible_default"] = float(plausible["default"])
    values["plausible_units"] = {normalize_text(k): float(v) for k, v in (plausible.get("units") or {}).items()}
    return Limits(**values)


@functools.lru_cache(maxsize=4)
def _load(path: str) -> Limits:
    doc = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return _from_doc(doc)


def default_limits(path: str | Path | None = None) -> Limits:
    """The limits of ``data/limits.yaml`` (or of ``path``), read once."""
    return _load(str(path or LIMITS_FILE))


def resolve(limits: "Limits | Mapping[str, Any] | None") -> Limits:
    """``None`` → the file's limits; a mapping → the file's limits with these settings changed."""
    if limits is None:
        return default_limits()
    if isinstance(limits, Limits):
        return limits
    return default_limits().replace(**dict(limits))


def settings_help(path: str | Path | None = None) -> list[dict[str, Any]]:
    """Name, default and help of every setting (for the README and the CLI)."""
    doc = yaml.safe_load(Path(path or LIMITS_FILE).read_text(encoding="utf-8")) or {}
    return [{"name": s["name"], "default": s["default"], "help": " ".join(str(s.get("help", "")).split())}
            for s in doc.get("settings") or []]
